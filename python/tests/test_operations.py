"""Every operation of the table answers from Python what the ``eig`` command answers on the
same input: its JSON, its French text, with each of its parameters, on each promotion's
example; and every shape's schema and example are the command's."""

from __future__ import annotations

import copy
import inspect
import json
from typing import Any

import pytest

import eig
from eig import _docs

OPERATIONS = eig.operations()
SHAPES = eig.shapes()
PROMOTIONS = ["EIG2", "EIG3", "EIG4", "EIG5", "EIG6", "EIG7"]

#: A value of each kind of parameter, as a test passes it.
PARAM_VALUES = {"boolean": True, "integer": 7, "date": "2018-06-15", "promotion": "EIG3", "text": "x"}


def body_of(op: dict[str, Any], promotion: str | None = None) -> Any:
    """The example of the operation's input (of ``promotion`` when given), or None."""
    return None if op["input"] is None else eig.example(op["input"], promotion)


def commands_json(op: dict[str, Any], body: Any, answer: Any) -> Any:
    """The answer as the command's own subcommand writes it in JSON, where it differs from the
    service's (two subcommands with options of their own):

    - ``eig explain --format json`` writes the decision; its text is the explanation;
    - ``eig test`` names each case's file: the operation reads a body, the command a file.
    """
    if op["id"] == "explainDecision":
        return answer["decision"]
    return answer


def same_files(answer: Any, command: Any) -> tuple[Any, Any]:
    """``runCases``'s answers with each case's file name set aside (the body has none)."""
    answer, command = copy.deepcopy(answer), copy.deepcopy(command)
    for case in answer["cases"] + command["cases"]:
        case["file"] = "<the input>"
    return answer, command


@pytest.mark.parametrize("op", OPERATIONS, ids=[op["id"] for op in OPERATIONS])
def test_every_operation_answers_as_the_command(op: dict[str, Any], eig_command: Any) -> None:
    body = body_of(op)
    function = getattr(eig, op["function"])
    answer = function(body) if body is not None else function()
    command = eig_command(op["command"], body).json()
    expected = commands_json(op, body, answer)
    if op["id"] == "runCases":
        expected, command = same_files(expected, command)
    assert expected == command
    # The JSON text too, byte for byte, where the subcommand writes the service's answer.
    text = eig.run(op["id"], body, as_json=True)
    assert json.loads(text) == answer
    # The dicts are made from the answer's typed value, not read from that text: the same
    # keys in the same order, the same types (an int is not a float, a str not a number).
    assert json.dumps(answer, ensure_ascii=False, separators=(",", ":")) == text
    if op["id"] not in ("explainDecision", "runCases"):
        assert eig_command(op["command"], body).out == text + "\n"


@pytest.mark.parametrize("op", [op for op in OPERATIONS if op["french"]], ids=lambda op: op["id"])
def test_every_french_text_is_the_commands(op: dict[str, Any], eig_command: Any) -> None:
    body = body_of(op)
    function = getattr(eig, op["function"] + "_french")
    text = function(body) if body is not None else function()
    assert text == eig.run_french(op["id"], body)
    assert text == eig_command(op["command"], body, format="text").out


def parameter_cases() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    cases = []
    for op in OPERATIONS:
        for param in op["params"]:
            params = {param["name"]: PARAM_VALUES[param["kind"]]}
            if param["name"] == "node_limit":
                # The command asks for --exact beside --node-limit; the table reads node_limit
                # alone as asking for the exact mode.
                params["exact"] = True
            cases.append((op, params))
    return cases


@pytest.mark.parametrize(
    ("op", "params"), parameter_cases(), ids=lambda value: value.get("id") or ",".join(value)
)
def test_every_parameter_as_the_commands_option(op: dict[str, Any], params: dict[str, Any], eig_command: Any) -> None:
    body = body_of(op)
    function = getattr(eig, op["function"])
    answer = function(body, **params) if body is not None else function(**params)
    command = eig_command(op["command"], body, **params).json()
    if op["id"] == "runCases":
        answer, command = same_files(answer, command)
    assert commands_json(op, body, answer) == command
    if op["french"]:
        french = getattr(eig, op["function"] + "_french")
        text = french(body, **params) if body is not None else french(**params)
        assert text == eig_command(op["command"], body, format="text", **params).out


def promotion_cases() -> list[tuple[dict[str, Any], str]]:
    return [
        (op, promotion)
        for op in OPERATIONS
        if op["input"] is not None
        for promotion in PROMOTIONS
        if _has_example(op["input"], promotion)
    ]


def _has_example(kind: str, promotion: str) -> bool:
    try:
        eig.example(kind, promotion)
    except eig.EigError:
        return False
    return True


@pytest.mark.parametrize(("op", "promotion"), promotion_cases(), ids=lambda value: value if isinstance(value, str) else value["id"])
def test_every_promotions_example_as_the_command(op: dict[str, Any], promotion: str, eig_command: Any) -> None:
    body = body_of(op, promotion)
    answer = getattr(eig, op["function"])(body)
    command = eig_command(op["command"], body).json()
    expected = commands_json(op, body, answer)
    if op["id"] == "runCases":
        expected, command = same_files(expected, command)
    assert expected == command


@pytest.mark.parametrize("shape", SHAPES, ids=[shape["kind"] for shape in SHAPES])
def test_every_schema_and_example_is_the_commands(shape: dict[str, Any], eig_command: Any) -> None:
    command_schema = json.loads(_run(eig_command, "schema", shape["kind"]))
    assert eig.schema(shape["kind"]) == command_schema
    assert eig.schema(shape["name"]) == command_schema
    assert eig.example(shape["kind"]) == json.loads(_run(eig_command, "example", shape["kind"]))


def _run(eig_command: Any, subcommand: str, kind: str) -> str:
    import subprocess

    done = subprocess.run([str(eig_command.path), subcommand, kind], capture_output=True, text=True, check=True)
    return done.stdout


def test_one_function_per_operation_with_the_tables_parameters() -> None:
    for op in OPERATIONS:
        function = getattr(eig, op["function"])
        assert function.__name__ == op["function"]
        assert op["summary"] in (function.__doc__ or "")
        parameters = inspect.signature(function).parameters
        for param in op["params"]:
            assert _docs.python_name(param["name"]) in parameters
            assert param["description"] in (function.__doc__ or "")
        assert ("body" in parameters) == (op["input"] is not None)
        assert ("timeout" in parameters) == op["searches"]
        assert hasattr(eig, op["function"] + "_french") == op["french"]
        assert op["function"] in eig.__all__
    # The id and the command reach the same operation.
    assert eig.run("vocabulary") == eig.run("vocabulary") == eig.vocabulary()
    assert eig.run("history", promotion="EIG3") == eig.run("officialFigures", promotion="EIG3")


def test_a_body_is_a_dict_or_json_text() -> None:
    example = eig.example("eligibility")
    text = json.dumps(example, ensure_ascii=False)
    expected = eig.decide_eligibility(example)
    assert eig.decide_eligibility(text) == expected
    assert eig.decide_eligibility(text.encode("utf-8")) == expected
    assert eig.decide_eligibility(bytearray(text.encode("utf-8"))) == expected
    # Tuples are lists; dates, datetimes and decimals are written as their text.
    import datetime
    import decimal

    funding = eig.example("funding")
    funding["defis"] = tuple(funding["defis"])
    assert eig.plan_funding(funding) == eig.plan_funding(eig.example("funding"))
    termination = eig.example("termination")
    notified = termination["notified_on"]
    termination["notified_on"] = datetime.date.fromisoformat(notified)
    assert eig.convention_termination(termination) == eig.convention_termination(eig.example("termination"))
    costly = eig.example("funding")
    talent = next(t for d in costly["defis"] for t in d["talents"] if t.get("employer_cost"))
    cost = talent["employer_cost"]
    key = next(iter(cost))
    cost[key] = decimal.Decimal(cost[key])
    assert eig.plan_funding(costly) == eig.plan_funding(eig.example("funding"))


def test_brief_decisions_are_the_commands_above_5000_records(eig_command: Any) -> None:
    # Above 5 000 records the command writes each decision without its trace, as trace=False.
    example = eig.example("eligibility")
    body = {"dossiers": example["dossiers"] * 1700, "candidates": example["candidates"] * 10}
    brief = eig.decide_eligibility(body, trace=False)
    assert brief == eig_command("eligibility", body).json()
    full = eig.decide_eligibility(example)
    assert brief["dossiers"][0] == {key: full["dossiers"][0][key] for key in ("promotion", "subject", "outcome")}
