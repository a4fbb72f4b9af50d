"""The docstrings of the package's functions, written from the table of operations.

One place for both the functions made at import (``eig/__init__.py``) and the stubs
(``tools/stubgen.py``), so that ``help(eig.decide_eligibility)`` and an editor's hover show the
same words: the operation's summary, its shapes' and its parameters' descriptions, as the
Rust table states them (French), framed in English.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Sequence

#: The Python type of each kind of parameter.
PARAM_TYPES = {
    "boolean": "bool",
    "integer": "int",
    "date": "str | datetime.date",
    "promotion": "str",
    "text": "str",
}


def function_name(op_id: str) -> str:
    """The Python name of the operation ``op_id``: ``decideEligibility`` is
    ``decide_eligibility``, ``eig7RecruitmentCap`` is ``eig7_recruitment_cap``."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", op_id).lower()


def operation_doc(op: Mapping[str, Any], shapes: Mapping[str, Mapping[str, Any]], *, french: bool = False) -> str:
    """The docstring of the function of ``op`` (its French text's with ``french``)."""
    lines = [op["summary"], ""]
    what = "French text for a person" if french else "answer"
    lines.append(
        f"The {what} of the operation ``{op['id']}`` of eig-api's table (the command "
        f"``eig {op['command']}``, the route ``{op['method']} {op['path']}``)."
    )
    lines.append("")
    if op["input"] is not None:
        shape = shapes[op["input"]]
        lines.append(
            f"body: {shape['name']} — {shape['summary']} A dict (written as JSON) or JSON text "
            f"(str or bytes); ``eig.example({op['input']!r})`` is one, "
            f"``eig.schema({op['input']!r})`` its schema."
        )
    for param in op["params"]:
        kind = PARAM_TYPES.get(param["kind"], "str")
        lines.append(f"{python_name(param['name'])} ({kind}): {param['description']}")
    if op["searches"]:
        lines.append(
            "timeout (float, seconds): the search stops then and raises InterruptedRunError; "
            "Ctrl-C stops it too (KeyboardInterrupt)."
        )
    if op["trace_option"] and not french:
        lines.append(
            "trace (bool): True (the default), every decision with its trace, as the service "
            "answers; False, each decision brief (its promotion, subject and outcome), as "
            "``eig eligibility --format json`` answers a batch above 5 000 records."
        )
    if not french:
        lines.append("as_json (bool): the answer as compact JSON text, the service's body.")
    lines.append("")
    if french:
        lines.append(f"Returns: the text ``eig {op['command']}`` prints.")
    else:
        output = shapes[op["output"]]
        lines.append(
            f"Returns: {output['name']} — {output['summary']} ``eig.schema({op['output']!r})`` "
            "is its schema."
        )
    lines.append(
        "Raises: an EigError of the kind of the problem, with its stable code, its JSON path "
        "and its French message."
    )
    if op["refusals"]:
        lines.append("Refusals a body valid under the schema can still get:")
        lines.extend(f"    {refusal['code']}: {refusal['description']}" for refusal in op["refusals"])
    return "\n".join(lines)


def shapes_by_kind(shapes: Sequence[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """The shapes by their kind."""
    return {shape["kind"]: shape for shape in shapes}


def python_name(name: str) -> str:
    """A parameter's name in Python: the table's, with ``_`` after a Python keyword (``from_``)."""
    import keyword

    return f"{name}_" if keyword.iskeyword(name) else name


def table_name(name: str) -> str:
    """A parameter's name in the table, from its Python name (``from_`` is ``from``)."""
    import keyword

    return name[:-1] if name.endswith("_") and keyword.iskeyword(name[:-1]) else name
