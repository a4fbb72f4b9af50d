"""Every kind of error of eig-api is raised as its own class, with its stable code, its JSON
path, its French message and its HTTP status; the command refuses the same input with the exit
code of that kind and the same message."""

from __future__ import annotations

import copy
from typing import Any, Callable

import pytest

import eig
from eig import _native

CLASSES = {
    "Syntax": eig.JsonSyntaxError,
    "Invalid": eig.InvalidInputError,
    "Unjudgeable": eig.UnjudgeableError,
    "Parameter": eig.ParameterError,
    "Interrupted": eig.InterruptedRunError,
}


def test_one_class_per_kind_of_the_table() -> None:
    kinds = _native.error_kinds()
    assert [kind["kind"] for kind in kinds] == list(CLASSES)
    for kind in kinds:
        error_class = CLASSES[kind["kind"]]
        assert issubclass(error_class, eig.EigError)
        assert (error_class.kind, error_class.status, error_class.exit_code, error_class.problem_type) == (
            kind["kind"], kind["status"], kind["exit_code"], kind["problem_type"],
        )
        assert error_class.__name__ in eig.__all__


def eig1_dossier() -> Any:
    body = eig.example("explain")
    body["dossier"]["defi"]["promotion"] = "EIG1"
    return body


def eig7_direct_route() -> Any:
    body = eig.example("funding", "EIG7")
    body["defis"][0]["route"] = "direct"
    return body


#: For each kind, inputs that raise it: (call, the command's subcommand and body and options
#: for the same input or None, code, path, position).
CASES: list[tuple[str, Callable[[], Any], tuple[str, Any, dict[str, Any]] | None, str, str | None, Any]] = [
    ("Syntax", lambda: eig.decide_eligibility("{"), ("eligibility", "{", {}), "invalid_json", None, (1, 1)),
    ("Syntax", lambda: eig.decide_eligibility(""), ("eligibility", "", {}), "empty_input", None, (1, 0)),
    ("Invalid", lambda: eig.decide_eligibility({"dossiers": 3}), ("eligibility", {"dossiers": 3}, {}), "invalid_input", "$.dossiers", None),
    ("Invalid", lambda: eig.select_laureates(b"[1]"), ("selection", "[1]", {}), "invalid_input", "$", None),
    ("Unjudgeable", lambda: eig.explain_decision(eig1_dossier()), ("explain", eig1_dossier(), {}), "no_published_rules", "$.dossier", None),
    ("Unjudgeable", lambda: eig.plan_funding(eig7_direct_route()), ("funding", eig7_direct_route(), {}), "route_not_open", "$.defis[0]", None),
    ("Parameter", lambda: eig.official_figures(promotion="EIG9"), ("history", None, {"promotion": "EIG9"}), "invalid_parameter", "?promotion", None),
    ("Parameter", lambda: eig.list_parameters(on="15/06/2018"), ("parameters", None, {"on": "15/06/2018"}), "invalid_parameter", "?on", None),
    ("Parameter", lambda: eig.assign_talents(eig.example("match"), exact=False, node_limit=5), None, "node_limit_without_exact", "?node_limit", None),
    ("Interrupted", lambda: eig.assign_talents(eig.example("match"), exact=True, timeout=0), None, "interrupted", None, None),
    ("Interrupted", lambda: eig.run_cases(eig.example("case"), timeout=0), None, "interrupted", None, None),
]


@pytest.mark.parametrize(
    ("kind", "call", "command", "code", "path", "position"), CASES, ids=[f"{case[0]}-{case[3]}" for case in CASES]
)
def test_every_kind_is_raised_with_its_code_and_path(
    kind: str, call: Callable[[], Any], command: Any, code: str, path: str | None, position: Any, eig_command: Any
) -> None:
    with pytest.raises(eig.EigError) as raised:
        call()
    err = raised.value
    assert type(err) is CLASSES[kind]
    assert (err.kind, err.code, err.path, err.position) == (kind, code, path, position)
    assert err.status == CLASSES[kind].status
    assert err.message and err.message in str(err)
    if command is None:
        return
    subcommand, body, options = command
    answer = eig_command(subcommand, body, **options)
    assert answer.code == err.exit_code, answer.err
    # The command names the option (--on) where the package names the parameter (on).
    message = err.message.split(" : ", 1)[1] if kind == "Parameter" else err.message
    assert message in answer.err


def test_the_message_with_its_place_is_the_commands(eig_command: Any) -> None:
    with pytest.raises(eig.InvalidInputError) as raised:
        eig.decide_eligibility({"dossiers": 3})
    assert str(raised.value).startswith("à $.dossiers : ")
    assert str(raised.value) in eig_command("eligibility", {"dossiers": 3}).err
    assert repr(raised.value).startswith("InvalidInputError(code='invalid_input', path='$.dossiers'")


def test_the_same_request_without_the_stop_answers() -> None:
    body = eig.example("match")
    assert eig.assign_talents(body, exact=True, timeout=60) == eig.assign_talents(body, exact=True)


def test_a_mistake_of_the_python_call_is_a_python_error() -> None:
    body = eig.example("eligibility")
    with pytest.raises(TypeError, match="no parameter"):
        eig.run("decideEligibility", body, seed=3)
    with pytest.raises(TypeError, match="reads no body"):
        eig.run("vocabulary", {"x": 1})
    with pytest.raises(TypeError, match="takes no timeout"):
        eig.run("decideEligibility", body, timeout=1)
    with pytest.raises(TypeError, match="no trace option"):
        eig.run("planFunding", eig.example("funding"), trace=False)
    with pytest.raises(TypeError, match="positional"):
        eig.decide_eligibility(body=body)  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="no operation"):
        eig.run("noSuchOperation")
    with pytest.raises(ValueError, match="no shape"):
        eig.schema("no-such-shape")
    with pytest.raises(ValueError, match="no French text"):
        eig.run_french("runCases", eig.example("case"))
    with pytest.raises(ValueError, match="not a number of seconds"):
        eig.assign_talents(eig.example("match"), timeout=-1)
    with pytest.raises(TypeError, match="keys must be str"):
        eig.decide_eligibility({1: []})
    with pytest.raises(ValueError, match="not a JSON number"):
        eig.decide_eligibility({"dossiers": [float("nan")]})
    looping: list[Any] = []
    looping.append(looping)
    with pytest.raises(ValueError, match="nested deeper"):
        eig.decide_eligibility({"dossiers": looping})
    with pytest.raises(TypeError, match="cannot be written as JSON"):
        eig.decide_eligibility({"dossiers": [object()]})


def test_an_example_that_does_not_exist() -> None:
    with pytest.raises(eig.ParameterError) as raised:
        eig.example("funding", "EIG9")
    assert (raised.value.code, raised.value.path) == ("invalid_parameter", "?promotion")
    with pytest.raises(eig.EigError) as missing:
        eig.example("funding", "EIG1")
    assert missing.value.code == "no_example"
    assert copy.copy(missing.value.code) == "no_example"
