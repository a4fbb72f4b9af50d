"""The programme's real history as a table, and each promotion's funding rules applied to the
défis of another: what would EIG4's funding have cost for EIG3's défis?

    python python/examples/cross_promotion_funding.py [--experience-months N] [--employer-cost EUROS]

Everything printed comes from the package: the 132 défi records and the official figures
(``eig.official_figures``), the funding plans (``eig.plan_funding``), the French labels
(``eig.vocabulary``). What no source gives is an input, and the output says so: the records
do not say each défi's funding route, its talents' employer costs or their experience. The
route is the first one the promotion's rules open to the host's kind; a cost missing is the
promotion's reference estimate where its rules have one (the plan marks it), else an input
(``--employer-cost``); the experience that EIG5 to EIG7's pay grids need is an input
(``--experience-months``), without which those promotions' columns say what is missing.

pandas is used when it is installed (the tables are then DataFrames), plain text otherwise.
"""

from __future__ import annotations

import argparse
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import eig

if TYPE_CHECKING:  # the shapes' types exist in the stubs only (eig/__init__.pyi)
    from eig import DefiFunding, DefiRecord, FundingRoute, HostKind, PromotionPlan, TalentInput

try:
    import pandas  # type: ignore[import-not-found, import-untyped, unused-ignore]
except ImportError:  # pandas is optional
    pandas = None

#: How the compiled data classify hosts (``host_kind``, an inference of the file, flagged on
#: every record) as the host kinds of the rules. A record classified as ministry or central
#: administration is taken as a ministry: the funding rules open the same routes to both.
HOST_KINDS: dict[str, HostKind] = {
    "ministere_administration_centrale": {"kind": "ministry"},
    "operateur_etablissement_public": {"kind": "state_operator"},
    "service_deconcentre": {"kind": "deconcentrated_service"},
    "autorite_independante": {"kind": "independent_authority"},
    "juridiction": {"kind": "jurisdiction"},
    "autre_etat": {"kind": "other_state_body"},
    "collectivite_territoriale": {"kind": "local_authority", "level": "region"},
    "etablissement_de_sante": {"kind": "health_establishment"},
}

#: The routes that bring the programme's money, in the order they are tried.
ROUTES: list[FundingRoute] = ["direct", "through_administrative_carrier", "delegation_of_management", "employed_by_dinum"]

#: A plan refused for want of an input no record gives: what to pass.
INPUTS = {
    "employer_cost_needed": "le coût employeur des talents (--employer-cost)",
    "experience_needed": "l'expérience des talents, que la grille de rémunération demande (--experience-months)",
    "contract_length_needed": "la durée des contrats",
}

#: The payers whose money is the programme's (the others are the host's own or another source).
HOST_SIDE = {"host", "alternative_source"}


def records() -> list[DefiRecord]:
    """The 132 défi records, promotion by promotion."""
    every: list[DefiRecord] = []
    for row in eig.official_figures()["figures"]:
        every += eig.official_figures(promotion=row["promotion"])["defis"]
    return every


def show(title: str, rows: list[dict[str, Any]]) -> None:
    """A table: a DataFrame with pandas, aligned text without it."""
    print(f"\n{title}\n")
    if pandas is not None:
        with pandas.option_context("display.width", 200, "display.max_columns", 20, "display.max_rows", 200):
            print(pandas.DataFrame(rows).to_string(index=False))
        return
    columns = list(rows[0])
    widths = {column: max(len(column), *(len(str(row[column])) for row in rows)) for column in columns}
    print("  ".join(column.ljust(widths[column]) for column in columns))
    for row in rows:
        print("  ".join(str(row[column]).ljust(widths[column]) for column in columns))


def funding_defi(record: DefiRecord, index: int, rules: str, route: FundingRoute, options: argparse.Namespace) -> DefiFunding:
    """The funding input of one record under the rules of ``rules``."""
    defi: DefiFunding = {
        "defi": f"{record['promotion'].lower().replace(' ', '')}-{index}",
        "route": route,
        "host": HOST_KINDS[record["host_kind"]],
        "talents": [],
    }
    if route == "through_administrative_carrier":
        # A name only: no record names the porteur administratif.
        defi["administrative_carrier"] = "Porteur administratif (non renseigné)"
    if rules == "DIG1":
        # DIG1's rules fix no contract length: the record's mission length (site data).
        defi["contract_months"] = record["duration_months"]
    for seat in range(record["n_talents"]):
        talent: TalentInput = {"talent": f"{defi['defi']}-t{seat + 1}"}
        if options.employer_cost is not None:
            talent["employer_cost"] = {"contract": options.employer_cost}
        if options.experience_months is not None:
            talent["experience"] = options.experience_months
        defi["talents"].append(talent)
    return defi


def route_for(record: DefiRecord, rules: str) -> tuple[FundingRoute | None, str]:
    """The first route of ``ROUTES`` the rules of ``rules`` open to the record's host (a
    self-funded défi stays self-funded where the rules allow it), asked of the rules themselves
    on a défi without talents; else None and the rules' last refusal."""
    routes = ROUTES
    if "self-funded" in (record["funding_note"] or ""):
        routes = ["self_funded", *ROUTES]
    refusal = "route_not_open"
    for route in routes:
        probe: DefiFunding = {"defi": "probe", "route": route, "host": HOST_KINDS[record["host_kind"]], "talents": []}
        if route == "through_administrative_carrier":
            probe["administrative_carrier"] = "Porteur"
        if rules == "DIG1":
            probe["contract_months"] = record["duration_months"]
        try:
            eig.plan_funding({"promotion": promotion(rules), "defis": [probe]})
        except eig.EigError as err:
            if err.code in ("route_not_open", "route_not_open_to_host", "no_rule_stated"):
                # No rule stated at all says more than a route closed.
                refusal = err.code if refusal != "no_rule_stated" else refusal
                continue
        return route, ""
    return None, refusal


def cross_plan(defis_of: list[DefiRecord], rules: str, options: argparse.Namespace) -> dict[str, Any]:
    """The plan of the défis ``defis_of`` under the funding rules of ``rules``: its totals, or
    the input it needs; the défis its rules refuse are set aside with their code."""
    refused: Counter[str] = Counter()
    defis: list[DefiFunding] = []
    for index, record in enumerate(defis_of):
        route, refusal = route_for(record, rules)
        if route is None:
            refused[refusal] += 1
            continue
        defis.append(funding_defi(record, index, rules, route, options))
    while defis:
        try:
            plan: PromotionPlan = eig.plan_funding({"promotion": promotion(rules), "defis": defis})
        except eig.EigError as err:
            if err.code in INPUTS:
                return {"needs": INPUTS[err.code], "refused": refused}
            if err.path and err.path.startswith("$.defis["):
                refused[err.code] += 1
                del defis[int(err.path.removeprefix("$.defis[").split("]")[0])]
                continue
            raise
        return {"plan": plan, "refused": refused, "planned": len(defis)}
    return {"plan": None, "refused": refused, "planned": 0}


def promotion(name: str) -> Any:
    """A promotion's name as the shapes type it (``EIG3``)."""
    return name


def euros(amount: Decimal) -> str:
    """``1234567.8`` as ``1 234 568 €`` (rounded to the euro for a table)."""
    return f"{amount:,.0f}".replace(",", "\u202f") + "\u00a0€"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--experience-months", type=int, help="the talents' experience (an input: no source gives it)")
    parser.add_argument("--employer-cost", help="each talent's employer cost for the contract, in euros (an input)")
    options = parser.parse_args()

    history = records()
    payers = {payer["value"]: payer["label"] for payer in eig.vocabulary()["payers"]}
    print(f"eig {eig.__version__} : {len(history)} défis dans l'historique intégré (données des sites du programme).")

    show(
        "Les chiffres officiels de chaque promotion, et ce que les données en retrouvent",
        [
            {
                "promotion": row["promotion"],
                "défis (données)": row["defis_in_data"],
                "talents (données)": row["talents_in_data"],
                "défis (officiel)": official["value"] if (official := row["official_defis"]) else "non publié",
                "source": f"{official['source']['document']} {official['source']['locator']}" if official else "—",
            }
            for row in eig.official_figures()["figures"]
        ],
    )
    show(
        "Les 132 défis : nombre par promotion et par genre d'administration (un classement fait en compilant les données)",
        [
            {"promotion": promotion, "genre": kind, "défis": count, "talents": sum(r["n_talents"] for r in history if r["promotion"] == promotion and r["host_kind"] == kind)}
            for (promotion, kind), count in sorted(Counter((r["promotion"], r["host_kind"]) for r in history).items())
        ],
    )
    if pandas is not None:
        frame = pandas.DataFrame(history)
        print(f"\nLe tableau des défis, en DataFrame : {frame.shape[0]} lignes, {frame.shape[1]} colonnes.")

    # Each promotion's rules on each promotion's défis (the programme's own défis, run by
    # Etalab outside the call, have no host to fund them: left out, and said).
    promotions = [row["promotion"] for row in eig.official_figures()["figures"]]
    by_promotion = {p: [r for r in history if r["promotion"] == p and not r["programme_internal_defi"]] for p in promotions}
    matrix: dict[tuple[str, str], dict[str, Any]] = {}
    for defis_of in promotions:
        for rules in promotions:
            matrix[(defis_of, rules)] = cross_plan(by_promotion[defis_of], rules, options)

    def cell(result: dict[str, Any]) -> str:
        if "needs" in result:
            return "entrée manquante"
        refused = sum(result["refused"].values())
        if result["plan"] is None:
            return f"aucun ({refused} refusés)"
        programme = sum((Decimal(amount) for payer, amount in result["plan"]["totals"].items() if payer not in HOST_SIDE), Decimal(0))
        return euros(programme) + (f" ({refused} refusés)" if refused else "")

    left_out = sum(1 for r in history if r["programme_internal_defi"])
    show(
        "Ce que le programme aurait payé : les défis d'une promotion (lignes) sous les règles de financement d'une autre "
        f"(colonnes) ; les {left_out} défis du programme lui-même, menés par Etalab hors de l'appel, sont laissés de côté",
        [{"défis de": defis_of, **{rules: cell(matrix[(defis_of, rules)]) for rules in promotions}} for defis_of in promotions],
    )

    refusals: Counter[str] = Counter()
    for result in matrix.values():
        refusals.update(result["refused"])
    if refusals:
        print("\nLes défis que les règles refusent, par code (docs/errors.md) :")
        for code, count in sorted(refusals.items()):
            print(f"- {code} : {count}")

    print("\nLes entrées qu'aucune source ne donne :")
    print("- la voie de financement de chaque défi : la première que les règles de la promotion ouvrent à son genre d'administration")
    print(f"  ({', '.join(ROUTES)} ; un défi autofinancé d'après les données le reste là où les règles le permettent) ;")
    print("- le porteur administratif, sur cette voie : un nom seulement, dont aucun montant ne dépend ;")
    cost = f"{options.employer_cost} € par talent (donné)" if options.employer_cost else "non donné : l'estimation de référence de la promotion là où ses règles en ont une (le plan le signale), sinon une entrée manquante"
    print(f"- le coût employeur des talents : {cost} ;")
    experience = f"{options.experience_months} mois (donnée)" if options.experience_months is not None else "non donnée : les promotions dont la grille la demande disent entrée manquante"
    print(f"- l'expérience des talents : {experience}.")
    needs = sorted({(str(of_rules), result["needs"]) for (_, of_rules), result in matrix.items() if "needs" in result})
    for of_rules, need in needs:
        print(f"  Règles de {of_rules} : il manque {need}.")

    # The question of the issue, in detail: EIG3's défis under EIG3's rules and under EIG4's.
    internal = sum(1 for r in history if r["promotion"] == "EIG3" and r["programme_internal_defi"])
    print(
        f"\nLes {len(by_promotion['EIG3'])} défis de l'EIG3 ({internal} du programme lui-même laissé(s) de côté) "
        "sous les règles de financement de l'EIG3, puis de l'EIG4 :"
    )
    for rules in ("EIG3", "EIG4"):
        result = matrix[("EIG3", rules)]
        if "needs" in result:
            print(f"- règles de {rules} : il manque {result['needs']}")
            continue
        plan = result["plan"]
        totals = ", ".join(f"{payers.get(payer, payer)} {euros(Decimal(amount))}" for payer, amount in plan["totals"].items() if Decimal(amount))
        estimated = len(plan.get("estimated_costs", []))
        print(f"- règles de {rules} : {result['planned']} défi(s) planifié(s) ; {totals}")
        if estimated:
            reference = next((p for p in plan["parameters"] if p["id"] == "reference_employer_cost"), None)
            source = f" ({' '.join(reference['source'].values())})" if reference else ""
            print(f"  dont {estimated} talents au coût de référence {euros(Decimal(reference['value']['amount'])) if reference else ''}{source}, faute de coût donné")
        envelope = plan.get("envelope")
        if envelope:
            outcome = {"within": "respectée", "exceeded": "dépassée"}.get(envelope["outcome"], envelope["outcome"])
            print(f"  enveloppe {payers.get(envelope['payer'], envelope['payer'])} : {euros(Decimal(envelope['envelope']))}, {outcome}")
        for code, count in sorted(result["refused"].items()):
            print(f"  {count} défi(s) refusé(s) par les règles : {code}")


if __name__ == "__main__":
    main()
