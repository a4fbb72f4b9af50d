"""Schemathesis hooks for `eig serve`'s OpenAPI document (scripts/fuzz/run).

Two things the document states that JSON Schema alone cannot, taught to the fuzzer:

- the formats `siret` and `siren`: 14 and 9 digits whose INSEE key is valid (Luhn; for a
  SIRET of La Poste, SIREN 356000000, the sum of the digits a multiple of 5). The fuzzer
  generates valid numbers; a wrong key is refused (422 `invalid_input`), as a schema-aware
  validator that knows the format would refuse it.
- `x-eig-refusals`: for each operation, the refusals a request its schema accepts can still
  get (a relation between fields, or with the rules its promotion published), each with its
  stable code. The check « schema-valid request rejected » (ST202) counts a 4xx answer as a
  failure; one whose problem `code` the operation lists there is the documented answer and is
  not counted. Any other code is.

Nothing else is relaxed: every other check and every other answer counts.
"""

import json

import schemathesis
from hypothesis import strategies as st


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _with_luhn_key(head: str) -> str:
    for key in "0123456789":
        if _luhn_ok(head + key):
            return head + key
    raise AssertionError("a Luhn key always exists")


_SIREN = st.from_regex(r"\A[0-9]{8}\Z").map(_with_luhn_key)
# A SIRET: a valid SIREN, 4 digits, then the key of the whole.
_SIRET = st.tuples(_SIREN, st.from_regex(r"\A[0-9]{4}\Z")).map(
    lambda parts: _with_luhn_key(parts[0] + parts[1])
)

schemathesis.openapi.format("siren", _SIREN)
schemathesis.openapi.format("siret", _SIRET)


def _declared_codes(case) -> set:
    definition = getattr(case.operation.definition, "raw", {}) or {}
    return {refusal.get("code") for refusal in definition.get("x-eig-refusals", [])}


_DOCUMENTS: dict = {}


def _sent_body_is_valid(case) -> bool:
    """Whether the body a case sent is valid against its operation's request schema, checked
    with jsonschema on the served OpenAPI document (formats of the standard library: dates).
    Schemathesis has reported as schema-violating a request whose body, as sent and shown,
    was valid (its description named mutations that body did not hold); such a report is not
    a failure of the service. Any doubt (no body, an error while checking) counts as invalid:
    the failure is kept."""
    try:
        import jsonschema
        import urllib.request

        base = case.operation.base_url
        if base not in _DOCUMENTS:
            with urllib.request.urlopen(base.rstrip("/") + "/openapi.json") as answer:
                _DOCUMENTS[base] = json.loads(answer.read())
        document = _DOCUMENTS[base]
        definition = getattr(case.operation.definition, "raw", {}) or {}
        schema = definition["requestBody"]["content"]["application/json"]["schema"]
        if not isinstance(case.body, (dict, list)):
            return False
        root = {**schema, "components": document.get("components", {})}
        validator = jsonschema.Draft202012Validator(
            root, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        return validator.is_valid(case.body)
    except Exception:  # noqa: BLE001 - any doubt keeps the failure
        return False


@schemathesis.hook
def filter_failure(context, failure, case, response):
    """Keep every failure but a declared refusal answered to schema-valid data, and a
    "schema-violating request accepted" whose body, as sent, is valid."""
    if getattr(failure, "code", "") == "ST201":
        return not _sent_body_is_valid(case)
    if getattr(failure, "code", "") != "ST202" or response is None:
        return True
    if not 400 <= response.status_code < 500:
        return True
    try:
        problem = json.loads(response.content)
    except (ValueError, TypeError):
        return True
    code = problem.get("code") if isinstance(problem, dict) else None
    return code not in _declared_codes(case)
