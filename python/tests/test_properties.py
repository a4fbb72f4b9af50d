"""A property: on dossiers drawn from the shapes' own enumerations (every host kind, team,
mentor, commitment, funding declaration, deadline side, promotion, with or without rules), the
package decides what the ``eig`` command decides, record for record, traces included."""

from __future__ import annotations

import copy
import datetime
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eig

# CI runs the same examples every time (a new search is a new seed: HYPOTHESIS_SEED locally).
settings.register_profile(
    "eig", max_examples=40, deadline=None, derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow], database=None,
)
settings.load_profile("eig")

SCHEMA = eig.schema("dossier")
DEFS = SCHEMA["$defs"]
JUDGED = ["EIG2", "EIG3", "EIG4", "EIG5", "EIG6", "EIG7"]
EXAMPLES = {promotion: eig.example("dossier", promotion) for promotion in JUDGED}


def enumeration(name: str) -> list[str]:
    return [value for value in DEFS[name]["enum"] if value is not None]


def host_kinds() -> st.SearchStrategy[dict[str, Any]]:
    """Every variant of HostKind, a collectivité with each of its levels."""
    kinds = []
    for variant in DEFS["HostKind"]["oneOf"]:
        kind = {"kind": variant["properties"]["kind"]["const"]}
        if "level" in variant["properties"]:
            kinds += [{**kind, "level": level} for level in enumeration("LocalAuthorityLevel")]
        else:
            kinds.append(kind)
    return st.sampled_from(kinds)


maybe_bool = st.one_of(st.none(), st.booleans())


def changed(draw: st.DrawFn) -> bool:
    """Whether a field leaves the (eligible) example: one time in four, so that every outcome
    is drawn (eligible, ineligible, incomplete, not judged)."""
    return draw(st.integers(0, 3)) == 0


@st.composite
def dossiers(draw: st.DrawFn) -> dict[str, Any]:
    promotion = draw(st.sampled_from(JUDGED))
    dossier = copy.deepcopy(EXAMPLES[promotion])
    defi = dossier["defi"]
    defi["id"] = f"gen-{draw(st.integers(0, 10**6))}"
    # Now and then a promotion without published rules: a record not judged, with its code.
    if draw(st.integers(0, 11)) == 0:
        defi["promotion"] = draw(st.sampled_from(["EIG1", "DIG1"]))
    if changed(draw):
        defi["hosts"]["operational"]["kind"] = draw(host_kinds())
    if changed(draw):
        if draw(st.booleans()):
            defi["hosts"]["administrative"] = {"name": "Ministère (généré)", "kind": draw(host_kinds())}
        else:
            defi["hosts"].pop("administrative", None)
    if changed(draw):
        profiles = st.sampled_from(enumeration("TalentProfile"))
        defi["team"] = [{"profile": profile} for profile in draw(st.lists(profiles, max_size=4))]
    if changed(draw):
        defi["support"] = draw(st.lists(st.sampled_from(enumeration("SupportRole")), unique=True))
    if changed(draw):
        defi["commitments"] = draw(st.lists(st.sampled_from(enumeration("Commitment")), unique=True))
    # Before or after the deadline, in Paris time or UTC, or not said.
    if changed(draw):
        if dossier.get("submitted_at") and draw(st.integers(0, 5)):
            base = datetime.datetime.fromisoformat(dossier["submitted_at"])
            shift = datetime.timedelta(seconds=draw(st.integers(-90 * 86400, 90 * 86400)))
            offset = draw(st.sampled_from([datetime.timezone.utc, datetime.timezone(datetime.timedelta(hours=2))]))
            dossier["submitted_at"] = (base + shift).astimezone(offset).isoformat()
        else:
            dossier["submitted_at"] = None
    if changed(draw):
        dossier["funding"] = {
            "cofinancing_requested": draw(maybe_bool),
            "self_funded": draw(maybe_bool),
            "alternative_funding": draw(maybe_bool),
        }
    for field in (
        "carrier_convention",
        "titre2_programme",
        "economic_and_financial_ministries",
        "purely_it_tooling",
        "team_exception_granted",
    ):
        if changed(draw):
            dossier[field] = draw(maybe_bool)
    if changed(draw):
        dossier["beta_gouv_phase"] = draw(st.one_of(st.none(), st.sampled_from(enumeration("BetaPhase"))))
    return dossier


@given(st.lists(dossiers(), min_size=1, max_size=8))
def test_decisions_are_the_commands(eig_command: Any, batch: list[dict[str, Any]]) -> None:
    body = {"dossiers": batch, "candidates": []}
    answer = eig.decide_eligibility(body)
    assert answer == eig_command("eligibility", body).json()
    assert eig.decide_eligibility_french(body) == eig_command("eligibility", body, format="text").out
    # One by one, each record is decided as in the batch.
    for dossier, judged in zip(batch, answer["dossiers"]):
        assert eig.decide_eligibility({"dossiers": [dossier]})["dossiers"] == [judged]
