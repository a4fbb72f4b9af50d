"""The rules of the *Entrepreneurs d'intérêt général* programme (2016–2024) as code.

Every operation of the ``eig`` command and of ``eig serve`` is a function here, made at import
from eig-api's table of operations (so an operation of the table is a function without a line
written for it): ``decide_eligibility``, ``explain_decision``, ``plan_funding``,
``plan_funding_scenario``, ``assign_talents``, ``official_figures``… Each takes a dict (or JSON
text) of the same JSON shape as the command's input and returns the same JSON shape as dicts
and lists; its keyword arguments are the operation's parameters. ``run(op_id, body, **params)``
reaches any operation by its id, ``run_french`` gives the text the command prints, ``schema``
and ``example`` give each shape's JSON Schema and a valid example.

An operation that cannot answer raises an ``EigError`` of its kind (``JsonSyntaxError``,
``InvalidInputError``, ``UnjudgeableError``, ``ParameterError``, ``InterruptedRunError``), with
its stable ``code``, its JSON ``path``, its French ``message`` and its HTTP ``status``.

    >>> import eig
    >>> dossier = eig.example("eligibility")
    >>> answer = eig.decide_eligibility(dossier)
    >>> answer["dossiers"][0]["outcome"]["outcome"]
    'eligible'
"""

from __future__ import annotations

from typing import Any, Callable

from . import _docs, _native

__version__: str = _native.__version__


class EigError(Exception):
    """An operation's error: its ``code`` (stable, ``docs/errors.md``), the JSON ``path`` of the
    value in error (``$.dossiers[3].hosts``, ``?name`` for a parameter) or None, the French
    ``message`` without its place, for a syntax error its ``position`` (line, column), and, on
    its class, the ``kind`` and the HTTP ``status`` and exit code of the command for it.

    ``str(err)`` is the message with its place, as the command prints it.
    """

    #: The kind, as eig-api names it (``Syntax``, ``Invalid``, ``Unjudgeable``, ``Parameter``,
    #: ``Interrupted``).
    kind: str = ""
    #: The HTTP status of the service for this kind.
    status: int = 0
    #: The exit code of the ``eig`` command for this kind.
    exit_code: int = 0
    #: The last part of the service's problem type (``urn:eig:problem:<problem_type>``).
    problem_type: str = ""

    def __init__(
        self,
        code: str,
        path: str | None,
        message: str,
        position: tuple[int, int] | None = None,
        text: str | None = None,
    ) -> None:
        super().__init__(text if text is not None else message)
        self.code = code
        self.path = path
        self.message = message
        self.position = position

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, path={self.path!r}, message={self.message!r})"


class JsonSyntaxError(EigError):
    """The input is not JSON (or is empty)."""


class InvalidInputError(EigError):
    """The JSON does not have the operation's shape, or a value in it is invalid."""


class UnjudgeableError(EigError):
    """The input is well formed but the rules cannot judge it: a promotion without published
    rules, two exceptions the texts do not order, a route the promotion does not open."""


class ParameterError(EigError):
    """A query parameter (an option of the command, a keyword argument here) is invalid."""


class InterruptedRunError(EigError):
    """The caller stopped the computation before it ended (here: a search's ``timeout``). Not
    a property of the input: the same request without the stop answers."""


#: The class of each kind of eig-api's ``ErrorKind``.
_CLASSES: dict[str, type[EigError]] = {
    "Syntax": JsonSyntaxError,
    "Invalid": InvalidInputError,
    "Unjudgeable": UnjudgeableError,
    "Parameter": ParameterError,
    "Interrupted": InterruptedRunError,
}

for _kind in _native.error_kinds():
    # A kind the table has and this file does not name yet still gets a class of its own.
    _class = _CLASSES.get(_kind["kind"])
    if _class is None:
        _class = type(f"{_kind['kind']}KindError", (EigError,), {"__module__": __name__})
        _CLASSES[_kind["kind"]] = _class
        globals()[_class.__name__] = _class
    _class.kind = _kind["kind"]
    _class.status = _kind["status"]
    _class.exit_code = _kind["exit_code"]
    _class.problem_type = _kind["problem_type"]


def _raised(err: _native.NativeError) -> EigError:
    kind, code, path, message, position, text = err.args
    return _CLASSES[kind](code, path, message, position, text)


def run(
    op_id: str,
    body: Any = None,
    /,
    *,
    timeout: float | None = None,
    as_json: bool = False,
    trace: bool = True,
    **params: Any,
) -> Any:
    """Runs the operation ``op_id`` (its id, ``decideEligibility``, or its command,
    ``eligibility``) on ``body`` (a dict, JSON text, or None for an operation without a body)
    with its parameters as keyword arguments; its answer as dicts and lists, or as compact JSON
    text with ``as_json=True``. ``timeout`` (seconds) is for an operation that searches;
    ``trace=False`` for ``decideEligibility`` only (decisions without their traces).

    Raises an EigError of the kind of the problem.
    """
    try:
        return _native.run(op_id, body, params, timeout, as_json, trace)
    except _native.NativeError as err:
        raise _raised(err) from None


def run_french(op_id: str, body: Any = None, /, *, timeout: float | None = None, **params: Any) -> str:
    """Runs the operation ``op_id`` as ``run`` does; its answer written in French for a person,
    the text the command prints without ``--format json``.

    Raises an EigError of the kind of the problem.
    """
    try:
        return _native.run_french(op_id, body, params, timeout)
    except _native.NativeError as err:
        raise _raised(err) from None


def schema(shape: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the shape ``shape`` (its kind, ``eligibility``, or
    its name, ``EligibilityInput``): ``eig schema <shape>``."""
    return _native.schema(shape)


def example(shape: str, promotion: str | None = None) -> Any:
    """A valid example of the shape ``shape``: for an input, a complete one to start from (of
    ``promotion`` when given, ``EIG6`` or ``eig6``; EIG3's otherwise); for an output, what its
    operation answers on its input's example: ``eig example <shape> [--promotion P]``.

    Raises an EigError (``no_example``, ``invalid_parameter``) when there is none.
    """
    try:
        return _native.example(shape, promotion)
    except _native.NativeError as err:
        raise _raised(err) from None


def operations() -> list[dict[str, Any]]:
    """The table's operations, in the order of the documentation: each its ``id``, the
    ``function`` of this package, its ``command``, ``method``, ``path``, ``tag``, ``summary``,
    ``input`` and ``output`` shapes (kinds), ``params``, whether it has a ``french`` text, its
    ``refusals``, whether it ``searches`` (and takes a ``timeout``) and whether it takes
    ``trace=False`` (``trace_option``)."""
    ops = _native.operations()
    for op in ops:
        op["function"] = _docs.function_name(op["id"])
    return ops


def shapes() -> list[dict[str, Any]]:
    """The table's shapes: each its ``kind``, ``name``, ``summary`` and ``direction``."""
    return _native.shapes()


def _table_names(params: dict[str, Any]) -> dict[str, Any]:
    """The parameters by the table's names: ``from_`` (a Python keyword's spelling) is ``from``."""
    return {_docs.table_name(name): value for name, value in params.items()}


def _function(op: dict[str, Any], shapes_: dict[str, Any], french: bool) -> Callable[..., Any]:
    """The function of ``op``: its body positional, its parameters keyword-only."""
    import inspect

    op_id = op["id"]
    runner = run_french if french else run
    native = _native.run_french if french else _native.run
    if op["input"] is not None:

        def function(body: Any, /, **params: Any) -> Any:
            if not params:
                # The call without options, straight to the module (the most frequent one,
                # in a loop over records: no keyword arguments to gather and rename).
                try:
                    return native(op_id, body)
                except _native.NativeError as err:
                    raise _raised(err) from None
            return runner(op_id, body, **_table_names(params))

    else:

        def function(**params: Any) -> Any:  # type: ignore[misc]
            return runner(op_id, None, **_table_names(params))

    name = _docs.function_name(op_id) + ("_french" if french else "")
    function.__name__ = function.__qualname__ = name
    function.__module__ = __name__
    function.__doc__ = _docs.operation_doc(op, shapes_, french=french)
    parameters = []
    if op["input"] is not None:
        parameters.append(inspect.Parameter("body", inspect.Parameter.POSITIONAL_ONLY))
    for param in op["params"]:
        parameters.append(
            inspect.Parameter(_docs.python_name(param["name"]), inspect.Parameter.KEYWORD_ONLY, default=None)
        )
    if op["searches"]:
        parameters.append(inspect.Parameter("timeout", inspect.Parameter.KEYWORD_ONLY, default=None))
    if op["trace_option"] and not french:
        parameters.append(inspect.Parameter("trace", inspect.Parameter.KEYWORD_ONLY, default=True))
    if not french:
        parameters.append(inspect.Parameter("as_json", inspect.Parameter.KEYWORD_ONLY, default=False))
    function.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    return function


__all__ = [
    "EigError",
    "JsonSyntaxError",
    "InvalidInputError",
    "UnjudgeableError",
    "ParameterError",
    "InterruptedRunError",
    "run",
    "run_french",
    "schema",
    "example",
    "operations",
    "shapes",
]

_SHAPES = _docs.shapes_by_kind(_native.shapes())
for _op in _native.operations():
    for _french in (False, True) if _op["french"] else (False,):
        _made = _function(_op, _SHAPES, _french)
        globals()[_made.__name__] = _made
        __all__.append(_made.__name__)

del _kind, _class, _op, _french, _made
