//! The readable report of a whole call: tables of dossiers, laureates, funding, teams and
//! candidates. Every figure comes from the libraries' results; this only lays them out.

use std::{collections::BTreeMap, fmt::Write as _};

use eig_domain::Euros;
use eig_eligibility::{Decision, Outcome, SelectionStatus};
use eig_funding::EnvelopeOutcome;
use eig_matching::{DefiStatus, WhyNot};

use eig_campaign::{CampaignResult, CandidateResult, Judgement};

fn outcome(decision: &Decision) -> String {
    crate::text::outcome(&decision.outcome)
}

/// A record's judgement in a few words: its outcome, or why it was not judged.
fn judgement(judgement: &Judgement) -> String {
    match judgement {
        Judgement::Decided { decision } => outcome(decision),
        Judgement::NotJudged { error } => format!("non jugé — {error}"),
    }
}

/// Whether the record was judged eligible.
fn is_eligible(judgement: &Judgement) -> bool {
    judgement.decision().is_some_and(|d| matches!(d.outcome, Outcome::Eligible { .. }))
}

/// Said beside the amounts requested when they rest on the reference cost.
const ESTIMATE_NOTE: &str = "Montants demandés : estimations au coût total employeur de \
                             référence de la promotion, aucun coût employeur n'étant donné.";

/// Whether the call's plan rests on the reference cost for some talent (no employer cost
/// given).
fn estimated(result: &CampaignResult) -> bool {
    result.funding.defis.iter().any(|defi| {
        defi.talents
            .iter()
            .any(|talent| talent.cost_basis == eig_funding::CostBasis::ReferenceEstimate)
    })
}

fn money(amount: Option<Euros>) -> String {
    amount.map_or_else(|| "—".to_owned(), Euros::to_french)
}

/// Why an eligible candidate was not assigned, in plain words: the distinct reasons of their
/// choices (or that none of their choices is a laureate).
fn unassigned_reason(result: &CampaignResult, candidate: &CandidateResult) -> String {
    let explanation =
        result.matching.explanations.candidates.iter().find(|e| e.candidate == candidate.candidate);
    let Some(explanation) = explanation else {
        return if candidate.choices_not_selected.is_empty() {
            "sans choix de défi".to_owned()
        } else {
            "aucun choix lauréat".to_owned()
        };
    };
    let mut reasons: Vec<&str> = explanation
        .better_choices
        .iter()
        .map(|better| match better.why_not {
            WhyNot::RankedBelowCutoff { .. } => "classées derrière les talents retenus",
            WhyNot::LostLottery { .. } => "écartées par le tirage au sort entre ex æquo",
            WhyNot::NotRanked => "non classées par le jury",
            WhyNot::NoSeatForProfile => "sans place de leur profil",
            _ => "sur un défi sans équipe",
        })
        .collect();
    reasons.sort_unstable();
    reasons.dedup();
    if reasons.is_empty() { "aucun choix pourvu".to_owned() } else { reasons.join(" ou ") }
}

/// `count` and the noun, singular or plural (`1 défi`, `2 défis`).
fn count(count: usize, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}

/// What the envelope looks like after the plan.
fn envelope_line(envelope: &EnvelopeOutcome) -> String {
    match envelope {
        EnvelopeOutcome::Within { envelope, committed, left, .. } => format!(
            "{} engagés sur {}, reste {}",
            committed.to_french(),
            envelope.to_french(),
            left.to_french()
        ),
        EnvelopeOutcome::Exceeded { envelope, committed, by, .. } => format!(
            "dépassée : {} engagés sur {}, dépassement de {}",
            committed.to_french(),
            envelope.to_french(),
            by.to_french()
        ),
        _ => "aucune enveloppe n'est fixée par les sources pour cette promotion".to_owned(),
    }
}

/// The eligible candidates not assigned, in input order.
fn unassigned(result: &CampaignResult) -> impl Iterator<Item = &CandidateResult> {
    result.candidates.iter().filter(|c| c.assigned_to.is_none() && is_eligible(&c.judgement))
}

/// The unassigned candidates grouped by reason, the largest group first.
fn by_reason(result: &CampaignResult) -> Vec<(String, Vec<&str>)> {
    let mut reasons: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for candidate in unassigned(result) {
        reasons
            .entry(unassigned_reason(result, candidate))
            .or_default()
            .push(candidate.candidate.as_str());
    }
    let mut reasons: Vec<_> = reasons.into_iter().collect();
    reasons.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    reasons
}

/// The summary that opens the report: what a programme manager reads first, in one screen.
fn summary(result: &CampaignResult, out: &mut String) {
    let eligible_dossiers = result.dossiers.iter().filter(|d| is_eligible(&d.judgement)).count();
    let laureates = result
        .selection
        .ranking
        .iter()
        .filter(|r| matches!(r.status, SelectionStatus::Selected))
        .count();
    let report = &result.matching.report;
    let running =
        report.defis.iter().filter(|d| matches!(d.status, DefiStatus::Running { .. })).count();
    let withdrawn =
        report.defis.iter().filter(|d| matches!(d.status, DefiStatus::Withdrawn { .. })).count();
    let eligible = result.candidates.iter().filter(|c| is_eligible(&c.judgement)).count();
    let assigned = result.candidates.iter().filter(|c| c.assigned_to.is_some()).count();
    let _ = writeln!(out, "\nRésumé");
    let _ = writeln!(
        out,
        "  Dossiers de défis : {} reçus, {} éligibles, {} ({} places)",
        result.dossiers.len(),
        eligible_dossiers,
        count(laureates, "lauréat", "lauréats"),
        result.selection.places
    );
    let _ = writeln!(out, "  Enveloppe : {}", envelope_line(&result.funding.envelope));
    let withdrawn = if withdrawn == 0 {
        String::new()
    } else {
        format!(
            ", {} faute du nombre minimal de talents",
            count(withdrawn, "défi retiré", "défis retirés")
        )
    };
    let _ = writeln!(
        out,
        "  Équipes : {} sur {laureates}{withdrawn}",
        count(running, "défi pourvu", "défis pourvus")
    );
    let _ = writeln!(
        out,
        "  Candidatures : {} reçues, {eligible} éligibles, {assigned} affectées, {} non affectées{}",
        result.candidates.len(),
        eligible - assigned.min(eligible),
        if eligible > assigned { ", à chacun de leurs choix :" } else { "" }
    );
    for (reason, ids) in by_reason(result) {
        let _ = writeln!(out, "    {:>4}  {reason}", ids.len());
    }
    let notion = match report.certificate.notion {
        eig_matching::StabilityNotion::WithClosures => {
            "stable, y compris vis-à-vis des défis retirés"
        }
        eig_matching::StabilityNotion::AmongRunning => "stable parmi les défis pourvus",
        _ => "stable",
    };
    let _ = writeln!(
        out,
        "  Vérification : affectation {notion} (aucun candidat et aucun jury ne préféreraient \
         s'associer), certifiée par un vérificateur indépendant"
    );
    let not_judged = result.not_judged().count();
    if not_judged > 0 {
        let _ = writeln!(
            out,
            "  Non jugés : {} (nommés dans leurs sections)",
            count(not_judged, "enregistrement", "enregistrements")
        );
    }
    let _ = writeln!(out, "  Hypothèses : {}, listées en fin de rapport", result.assumptions.len());
}

/// The result of a whole call in French (`eig run`): a summary, then one section per step,
/// then the assumptions; `verbose` lists every candidate not assigned (otherwise counted by
/// reason).
///
/// # Example
/// ```
/// let result = eig_api::run_call(&eig_campaign::default_campaign())?;
/// let report = eig_api::french::campaign(&result, false);
/// assert!(report.contains("Hypothèses"));
/// # Ok::<(), eig_api::ApiError>(())
/// ```
#[expect(clippy::too_many_lines, reason = "one section after the other, in pipeline order")]
pub fn campaign(result: &CampaignResult, verbose: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\nPromotion {}", result.title, result.promotion.label());
    summary(result, &mut out);

    let _ = writeln!(out, "\n1. Dossiers de défis ({})", result.dossiers.len());
    let _ = writeln!(out, "{:<34} {:<5} {:>16}  décision", "défi", "synth", "demandé");
    for dossier in &result.dossiers {
        let _ = writeln!(
            out,
            "{:<34} {:<5} {:>16}  {}",
            dossier.defi.as_str(),
            if dossier.synthetic { "oui" } else { "non" },
            money(dossier.requested),
            judgement(&dossier.judgement)
        );
    }

    let estimated = estimated(result);
    if estimated {
        let _ = writeln!(out, "{ESTIMATE_NOTE}");
    }

    let selection = &result.selection;
    let _ = writeln!(
        out,
        "\n2. Sélection des lauréats — {} places, enveloppe {}{} ; critères : {}",
        selection.places,
        money(selection.envelope),
        result.envelope_source.as_ref().map_or_else(String::new, |source| format!(" ({source})")),
        selection.source
    );
    let _ = writeln!(out, "{:>4} {:<34} {:>6} {:>16}  statut", "rang", "défi", "total", "demandé");
    for ranked in &selection.ranking {
        let status = match &ranked.status {
            SelectionStatus::Selected => "lauréat".to_owned(),
            SelectionStatus::NoPlaceLeft => "non retenu : plus de place".to_owned(),
            SelectionStatus::AboveRemainingEnvelope { remaining } => {
                format!("non retenu : au-delà de l'enveloppe restante ({})", remaining.to_french())
            }
            SelectionStatus::UnfavourableOpinion => {
                "non retenu : avis défavorable du jury".to_owned()
            }
            _ => "?".to_owned(),
        };
        let tie = if ranked.tied_on_total { " (ex æquo au total)" } else { "" };
        let _ = writeln!(
            out,
            "{:>4} {:<34} {:>6} {:>16}  {status}{tie}",
            ranked.rank,
            ranked.defi.as_str(),
            ranked.total,
            money(ranked.requested)
        );
    }

    if estimated {
        let _ = writeln!(out, "{ESTIMATE_NOTE}");
    }
    if selection.ranking.iter().any(|ranked| ranked.tied_on_total) {
        let _ = writeln!(
            out,
            "Ex æquo au total : départagés par le classement du jury, puis les notes critère par \
             critère, puis l'identifiant du défi (docs/rules/eligibility.md)."
        );
    }

    for withdrawn in &result.withdrawn_by_jury {
        let _ = writeln!(out, "Retrait par le jury : {}", withdrawn.explanation);
    }

    let plan = &result.funding;
    let _ = writeln!(
        out,
        "\n3. Financement des lauréats (une place demandée = un talent ; coût total employeur : la référence ING, estimée, une campagne n'en donnant pas)"
    );
    let _ = writeln!(out, "{:<34} {:<44} {:>16}", "défi", "payeur", "montant");
    for defi in &plan.defis {
        for (payer, amount) in defi.totals.iter().filter(|(_, amount)| **amount != Euros::ZERO) {
            let _ = writeln!(
                out,
                "{:<34} {:<44} {:>16}",
                defi.defi.as_str(),
                payer.french(),
                amount.to_french()
            );
        }
    }
    for (payer, amount) in plan.totals.iter().filter(|(_, amount)| **amount != Euros::ZERO) {
        let _ = writeln!(out, "{:<34} {:<44} {:>16}", "TOTAL", payer.french(), amount.to_french());
    }
    let _ = writeln!(out, "Enveloppe : {}", envelope_line(&plan.envelope));

    let report = &result.matching.report;
    let side = match report.options.proposing {
        eig_matching::Proposing::Hosts => "chaque jury obtient les meilleurs talents possibles",
        eig_matching::Proposing::Candidates => {
            "chaque candidat obtient le meilleur de ses choix possibles"
        }
    };
    let _ = writeln!(
        out,
        "\n4. Équipes ({side} ; les ex æquo d'un jury départagés par tirage au sort, graine {})",
        report.options.seed,
    );
    for defi in &report.defis {
        match &defi.status {
            DefiStatus::Running { team } => {
                let members: Vec<String> = team
                    .iter()
                    .map(|id| {
                        let profile = result
                            .candidates
                            .iter()
                            .find(|c| &c.candidate == id)
                            .map(|c| c.profile.french());
                        format!("{id} ({})", profile.unwrap_or("?"))
                    })
                    .collect();
                let _ = writeln!(out, "{:<34} {}", defi.defi.as_str(), members.join(", "));
            }
            DefiStatus::Withdrawn { team_size, min, round } => {
                let _ = writeln!(
                    out,
                    "{:<34} retiré : {} pour un minimum de {min} (tour {round})",
                    defi.defi.as_str(),
                    count(usize::try_from(*team_size).unwrap_or(usize::MAX), "talent", "talents")
                );
            }
            _ => {}
        }
    }
    let certificate = &report.certificate;
    let notion = match certificate.notion {
        eig_matching::StabilityNotion::WithClosures => {
            "stable, y compris vis-à-vis des défis retirés"
        }
        eig_matching::StabilityNotion::AmongRunning => "stable parmi les défis maintenus",
        _ => "stable",
    };
    let coalitions = certificate.coalitions.len();
    let coalitions = if coalitions == 0 {
        String::new()
    } else {
        format!(
            ", {}",
            count(
                coalitions,
                "groupe qui rouvrirait un défi retiré",
                "groupes qui rouvriraient un défi retiré"
            )
        )
    };
    let _ = writeln!(
        out,
        "Affectation vérifiée par un vérificateur indépendant : {notion} ({} candidats, {} \
         affectés, {}, {} paires candidat–défi examinées{coalitions})",
        certificate.candidates,
        certificate.placed,
        count(certificate.running, "défi pourvu", "défis pourvus"),
        certificate.pairs_examined,
    );

    let eligible = result.candidates.iter().filter(|c| is_eligible(&c.judgement)).count();
    let _ = writeln!(
        out,
        "\n5. Candidats : {} candidatures, {eligible} éligibles, {} affectés",
        result.candidates.len(),
        report.placements.len()
    );
    for candidate in result.candidates.iter().filter(|c| !is_eligible(&c.judgement)) {
        let _ = writeln!(
            out,
            "{:<8} {}",
            candidate.candidate.as_str(),
            judgement(&candidate.judgement)
        );
    }
    let unassigned: Vec<&CandidateResult> = unassigned(result).collect();
    if verbose {
        let _ = writeln!(
            out,
            "Candidats éligibles non affectés ({}) ; un rang regroupe les ex æquo d'un jury et \
             peut compter plusieurs talents :",
            unassigned.len()
        );
        for candidate in &unassigned {
            let why = result
                .matching
                .explanations
                .candidates
                .iter()
                .find(|e| e.candidate == candidate.candidate)
                .map_or_else(
                    || {
                        let why = if candidate.choices_not_selected.is_empty() {
                            "aucun choix"
                        } else {
                            "aucun de ses choix n'est lauréat"
                        };
                        format!("{} ({}) : {why}.", candidate.candidate, candidate.profile.french())
                    },
                    |e| e.to_french().split_whitespace().collect::<Vec<_>>().join(" "),
                );
            let _ = writeln!(out, "- {why}");
        }
    } else {
        let _ = writeln!(
            out,
            "Candidats éligibles non affectés ({}), par raison, à chacun de leurs choix (la liste \
             complète, choix par choix : eig run --verbose, ou le JSON) :",
            unassigned.len()
        );
        for (reason, ids) in by_reason(result) {
            let shown: Vec<&str> = ids.iter().take(6).copied().collect();
            let more = if ids.len() > shown.len() { ", …" } else { "" };
            let _ = writeln!(out, "{:>4} {reason} ({}{more})", ids.len(), shown.join(", "));
        }
    }

    if !result.assumptions.is_empty() {
        let _ = writeln!(out, "\nHypothèses");
        for assumption in &result.assumptions {
            let _ = writeln!(out, "- {assumption}");
        }
    }
    out
}
