//! The readable report of a campaign: tables of dossiers, laureates, funding, teams and
//! candidates. Every figure comes from the libraries' results; this only lays them out.

use std::fmt::Write as _;

use eig_domain::Euros;
use eig_eligibility::{Decision, Outcome, SelectionStatus};
use eig_funding::EnvelopeOutcome;
use eig_matching::DefiStatus;

use eig_campaign::{CampaignResult, Judgement};

fn outcome(decision: &Decision) -> String {
    match &decision.outcome {
        Outcome::Eligible { funding_route: Some(route) } => {
            format!("éligible — {}", route.french())
        }
        Outcome::Eligible { funding_route: None } => "éligible".to_owned(),
        Outcome::Ineligible { failures } => {
            let rules: Vec<String> =
                failures.iter().map(|f| format!("{} ({})", f.rule, f.source)).collect();
            format!("inéligible — {}", rules.join("; "))
        }
        Outcome::Incomplete { missing } => format!("incomplet — manque : {}", missing.join(", ")),
        _ => "?".to_owned(),
    }
}

/// The record a decision is about.
pub(crate) fn subject(subject: &eig_eligibility::Subject) -> String {
    match subject {
        eig_eligibility::Subject::Dossier(id) => format!("dossier {id}"),
        eig_eligibility::Subject::Candidate(id) => format!("candidate {id}"),
        _ => "?".to_owned(),
    }
}

/// One line per decision: the subject and its outcome.
pub(crate) fn decision_line(decision: &Decision) -> String {
    format!("{}: {}", subject(&decision.subject), outcome(decision))
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

fn money(amount: Option<Euros>) -> String {
    amount.map_or_else(|| "—".to_owned(), Euros::to_french)
}

/// Renders the whole result.
#[expect(clippy::too_many_lines, reason = "one section after the other, in pipeline order")]
pub(crate) fn render(result: &CampaignResult) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\nPromotion {} — règles appliquées par eig-eligibility, eig-funding et eig-matching.",
        result.title,
        result.promotion.label()
    );
    for assumption in &result.assumptions {
        let _ = writeln!(out, "Hypothèse : {assumption}");
    }

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
    let envelope = match &plan.envelope {
        EnvelopeOutcome::Within { envelope, committed, left, .. } => format!(
            "dans l'enveloppe : {} engagés sur {}, reste {}",
            committed.to_french(),
            envelope.to_french(),
            left.to_french()
        ),
        EnvelopeOutcome::Exceeded { envelope, committed, by, .. } => format!(
            "enveloppe dépassée : {} engagés sur {}, dépassement de {}",
            committed.to_french(),
            envelope.to_french(),
            by.to_french()
        ),
        _ => "aucune enveloppe n'est fixée par les sources pour cette promotion".to_owned(),
    };
    let _ = writeln!(out, "Enveloppe : {envelope}");

    let report = &result.matching.report;
    let side = match report.options.proposing {
        eig_matching::Proposing::Hosts => "côté jurys",
        eig_matching::Proposing::Candidates => "côté candidats",
    };
    let _ = writeln!(
        out,
        "\n4. Équipes (acceptation différée {side}, graine {}, {} candidats départagés par tirage au sort)",
        report.options.seed,
        report.tie_break_order.len()
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
                    "{:<34} retiré : {team_size} talent(s) pour un minimum de {min} (tour {round})",
                    defi.defi.as_str()
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
    let _ = writeln!(
        out,
        "Affectation certifiée par le vérificateur indépendant : {notion} ({} candidats, {} affectés, {} défis maintenus, {} paires examinées, {} coalitions)",
        certificate.candidates,
        certificate.placed,
        certificate.running,
        certificate.pairs_examined,
        certificate.coalitions.len()
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
    let _ = writeln!(out, "Candidats éligibles non affectés :");
    for candidate in &result.candidates {
        if candidate.assigned_to.is_some() || !is_eligible(&candidate.judgement) {
            continue;
        }
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
    out
}
