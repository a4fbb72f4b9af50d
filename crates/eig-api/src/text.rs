//! The answers written in French for a person: what `eig <command>` prints without
//! `--format json`. Every word comes from the same data the JSON carries; no identifier of
//! the code is shown.

use std::fmt::Write as _;

use eig_domain::{Euros, PromotionFacts};
use eig_eligibility::{
    CandidateRankings, Decision, Outcome, RecruitmentCap, Selection, SelectionStatus, Subject,
};

use crate::shapes::{
    CandidateSimulationResult, Eig7Terms, HistoryOutput, MatchOutput, RecordAnswer,
    SimulationResult, Vocabulary,
};

/// An outcome in a few words: eligible (with its funding route), ineligible (each failing
/// rule with its source) or incomplete (the missing inputs).
///
/// # Example
/// ```
/// use eig_eligibility::Outcome;
///
/// let outcome = Outcome::Eligible { funding_route: None };
/// assert_eq!(eig_api::french::outcome(&outcome), "éligible");
/// ```
pub fn outcome(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Eligible { funding_route: Some(route) } => {
            format!("éligible — {}", route.french())
        }
        Outcome::Eligible { funding_route: None } => "éligible".to_owned(),
        // The reason in words first, the rule and its source after it.
        Outcome::Ineligible { failures } => {
            let rules: Vec<String> = failures
                .iter()
                .map(|f| {
                    format!(
                        "{} ({}, {})",
                        eig_eligibility::reason_in_french(&f.reason),
                        f.rule,
                        f.source
                    )
                })
                .collect();
            format!("inéligible — {}", rules.join(" ; "))
        }
        Outcome::Incomplete { missing } => format!("incomplet — manque : {}", missing.join(", ")),
        _ => "décision d'un genre nouveau (voir le résultat JSON)".to_owned(),
    }
}

/// The record a decision is about (`dossier eig3-x`, `candidature c-1`).
///
/// # Example
/// ```
/// let subject = eig_eligibility::Subject::Candidate("c-1".into());
/// assert_eq!(eig_api::french::subject(&subject), "candidature c-1");
/// ```
pub fn subject(subject: &Subject) -> String {
    match subject {
        Subject::Dossier(id) => format!("dossier {id}"),
        Subject::Candidate(id) => format!("candidature {id}"),
        _ => "enregistrement".to_owned(),
    }
}

/// One line for a record's outcome: the record, then the outcome in a few words.
///
/// # Example
/// ```
/// use eig_eligibility::{Outcome, Subject};
///
/// let line = eig_api::french::outcome_line(&Subject::Dossier("d1".into()),
///     &Outcome::Incomplete { missing: vec!["experience".into()] });
/// assert_eq!(line, "dossier d1 : incomplet — manque : experience");
/// ```
pub fn outcome_line(record: &Subject, result: &Outcome) -> String {
    format!("{} : {}", subject(record), outcome(result))
}

/// One line for a decision.
///
/// # Example
/// ```
/// let dossier = eig_api::fixtures::dossier(eig_domain::Promotion::Eig3)?;
/// let decision = eig_eligibility::evaluate_dossier(&dossier)?;
/// assert!(eig_api::french::decision_line(&decision).starts_with("dossier "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn decision_line(decision: &Decision) -> String {
    outcome_line(&decision.subject, &decision.outcome)
}

/// One line for a record's result.
///
/// # Example
/// ```
/// let judged = eig_api::RecordAnswer::NotJudged {
///     subject: eig_eligibility::Subject::Dossier("d1".into()),
///     code: "no_published_rules".into(),
///     error: "pas de règles".into(),
/// };
/// assert_eq!(eig_api::french::judged_line(&judged), "dossier d1 : non jugé — pas de règles");
/// ```
pub fn judged_line(judged: &RecordAnswer) -> String {
    match judged {
        RecordAnswer::Decided(decision) => decision_line(decision),
        RecordAnswer::Brief { subject, outcome, .. } => outcome_line(subject, outcome),
        RecordAnswer::NotJudged { subject: record, error, .. } => {
            format!("{} : non jugé — {error}", subject(record))
        }
    }
}

fn money(amount: Option<Euros>) -> String {
    amount.map_or_else(|| "—".to_owned(), Euros::to_french)
}

pub(crate) fn selection(selection: &Selection) -> String {
    let mut out = format!(
        "Sélection des lauréats de la promotion {} : {} place{}, enveloppe {} ({}).\n",
        selection.promotion,
        selection.places,
        if selection.places > 1 { "s" } else { "" },
        money(selection.envelope),
        selection.source
    );
    for ranked in &selection.ranking {
        let status = match &ranked.status {
            SelectionStatus::Selected => "lauréat".to_owned(),
            SelectionStatus::NoPlaceLeft => "non retenu : plus de place".to_owned(),
            SelectionStatus::AboveRemainingEnvelope { remaining } => format!(
                "non retenu : la demande dépasse ce qui reste de l'enveloppe ({})",
                remaining.to_french()
            ),
            SelectionStatus::UnfavourableOpinion => {
                "non retenu : avis défavorable du jury".to_owned()
            }
            _ => "voir le résultat JSON".to_owned(),
        };
        let _ = writeln!(
            out,
            "{}. {} — total {}{}{} — {status}",
            ranked.rank,
            ranked.defi,
            ranked.total,
            if ranked.tied_on_total { " (ex æquo au total)" } else { "" },
            ranked
                .requested
                .map(|amount| format!(", demande {}", amount.to_french()))
                .unwrap_or_default()
        );
    }
    let _ = writeln!(out, "Engagé : {}.", money(selection.committed));
    out
}

pub(crate) fn rankings(rankings: &CandidateRankings) -> String {
    let grid = &rankings.grid;
    let mut out = format!(
        "Classement des candidats, promotion {}, {} ({}).\n",
        grid.promotion,
        grid.phase.french(),
        grid.source
    );
    for list in &rankings.lists {
        let _ = match &list.defi {
            Some(defi) => writeln!(out, "\n{defi} — {}", list.profile.french()),
            None => writeln!(out, "\n{} (par profil, sans défi)", list.profile.french()),
        };
        for (rank, group) in list.ranks.iter().enumerate() {
            let names: Vec<&str> = group.iter().map(eig_domain::CandidateId::as_str).collect();
            let _ = writeln!(
                out,
                "  {}. {}{}",
                rank + 1,
                names.join(", "),
                if group.len() > 1 { " (ex æquo)" } else { "" }
            );
        }
    }
    out
}

fn day(date: chrono::NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

pub(crate) fn eig7_terms(terms: &Eig7Terms) -> String {
    let mut out = String::new();
    if let Some(contract) = &terms.contract {
        for (what, date) in [
            ("Fin du contrat", &contract.ends_on),
            ("Préavis de renouvellement au plus tard", &contract.renewal_notice_by),
            ("Fin de la période d'essai", &contract.probation_ends_on),
            ("Demande d'interruption au plus tard", &contract.interruption_request_by),
        ] {
            let _ = writeln!(out, "{what} : {} ({}).", day(date.value), date.source);
        }
    }
    if let Some(answer) = &terms.renewal_answer_by {
        let _ = writeln!(
            out,
            "Réponse à la demande de renouvellement au plus tard : {} ({}).",
            day(answer.value),
            answer.source
        );
    }
    out
}

pub(crate) fn convention_termination(terms: &eig_eligibility::ConventionTermination) -> String {
    format!(
        "Résiliation notifiée le {} : elle prend effet le {}, après un préavis d'un mois ({}).\n",
        day(terms.notified_on),
        day(terms.effective_on.value),
        terms.effective_on.source
    )
}

pub(crate) fn payment_calendar(calendar: &eig_funding::PaymentCalendar) -> String {
    let mut out = String::new();
    if calendar.transfers.is_empty() {
        let _ = writeln!(
            out,
            "{} : aucun versement du programme à une administration (une administration paie \
             elle-même sa part ; en EIG7, la DINUM emploie les EIG).",
            calendar.promotion
        );
        return out;
    }
    let _ = writeln!(out, "Calendrier des versements, {} :", calendar.promotion);
    for transfer in &calendar.transfers {
        let to = transfer.to.as_ref().map_or_else(
            || "à l'administration d'accueil".to_owned(),
            |carrier| format!("au porteur administratif {carrier}"),
        );
        let _ = write!(
            out,
            "- défi {} : {} verse {} {to}",
            transfer.defi,
            transfer.payer,
            transfer.amount.to_french()
        );
        match (transfer.event, transfer.on) {
            (eig_funding::TransferEvent::NotStated, _) => {
                let _ = write!(out, " ; {}", transfer.event.french());
            }
            (event, Some(on)) => {
                let _ = write!(out, " le {}, jour de {}", day(on), event.french());
            }
            (event, None) => {
                let _ = write!(out, " après {} (versement non daté)", event.french());
            }
        }
        for period in &transfer.expected {
            let _ = write!(
                out,
                " ; événement attendu entre le {} et le {} ({})",
                day(period.value.first()),
                day(period.value.last()),
                period.source
            );
        }
        let others: Vec<String> = transfer
            .sources
            .iter()
            .filter(|source| !transfer.expected.iter().any(|period| &period.source == *source))
            .map(ToString::to_string)
            .collect();
        if others.is_empty() {
            out.push_str(".\n");
        } else {
            let _ = writeln!(out, " ({}).", others.join(" ; "));
        }
    }
    out
}

pub(crate) fn recruitment_cap(cap: &RecruitmentCap) -> String {
    match cap {
        RecruitmentCap::Open { cap, remaining, source } => format!(
            "Plafond de {cap} recrutements : encore {remaining} possible{} ({source}).\n",
            if *remaining > 1 { "s" } else { "" }
        ),
        RecruitmentCap::Reached { cap, source } => {
            format!("Plafond de {cap} recrutements atteint : plus aucun recrutement ({source}).\n")
        }
        RecruitmentCap::Exceeded { cap, over, source } => format!(
            "Plafond de {cap} recrutements dépassé de {over} : aucun recrutement de plus ne \
             pouvait être fait ({source}).\n"
        ),
        RecruitmentCap::NoCapStated { year } => {
            format!(
                "Aucun plafond de recrutement n'est fixé pour {year} : le REG7 en fixe un pour 2024.\n"
            )
        }
        _ => "Voir le résultat JSON.\n".to_owned(),
    }
}

pub(crate) fn prolongation(answer: &crate::ProlongationAnswer) -> String {
    let mut out = answer.explanation.clone();
    out.push_str("\nTalent par talent (20 000 € par EIG prolongé·e, AAC6+ §2.2)\n");
    for talent in &answer.talents {
        let _ = writeln!(out, "- {} : {}", talent.talent, outcome(&talent.outcome));
    }
    out
}

/// The answers that could not be read, the decision explained, and what would make a refusal
/// eligible: what both simulations say first.
fn simulated(
    errors: &[crate::AnswerError],
    explanation: &str,
    changes: Option<&eig_eligibility::Counterfactuals>,
) -> String {
    let mut out = String::new();
    for error in errors {
        let _ = writeln!(out, "Réponse non lue ({}) : {}", error.field, error.message);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(explanation);
    if let Some(changes) = changes {
        out.push('\n');
        out.push_str(&eig_eligibility::render_changes_french(changes));
    }
    out
}

pub(crate) fn simulation(result: &SimulationResult) -> String {
    let mut out = simulated(&result.answer_errors, &result.explanation, result.changes.as_ref());
    if let Some(plan) = &result.plan {
        out.push('\n');
        out.push_str(&plan.to_french());
    }
    if let Some(problem) = &result.plan_problem {
        let _ = writeln!(out, "\nPas de plan de financement : {problem}");
    }
    out
}

pub(crate) fn candidate_simulation(result: &CandidateSimulationResult) -> String {
    simulated(&result.answer_errors, &result.explanation, result.changes.as_ref())
}

pub(crate) fn promotions(facts: &[PromotionFacts]) -> String {
    let mut out = String::new();
    for fact in facts {
        let _ = write!(out, "{}", fact.promotion);
        if let Some(length) = &fact.mission_length {
            let months = match length.value {
                eig_domain::MissionLength::Months { months } => format!("{months} mois"),
                eig_domain::MissionLength::MonthsRange { min, max } => {
                    format!("de {min} à {max} mois")
                }
                eig_domain::MissionLength::RenewableContract { months } => {
                    format!("contrat de {months} mois, renouvelable")
                }
                _ => "voir le résultat JSON".to_owned(),
            };
            let _ = write!(out, " — missions : {months} ({})", length.source);
        }
        if let Some(team) = &fact.team_size {
            let _ = write!(
                out,
                " — équipes : de {} à {} talents ({})",
                team.value.min, team.value.max, team.source
            );
        }
        out.push('\n');
    }
    out
}

pub(crate) fn parameters(parameters: &[eig_funding::Parameter]) -> String {
    let mut out = String::new();
    for parameter in parameters {
        let promotion = parameter
            .validity
            .promotion
            .map_or_else(|| "toutes les promotions".to_owned(), |p| p.to_string());
        let period = parameter
            .validity
            .period
            .as_ref()
            .map(|period| format!(", du {} au {}", day(period.first()), day(period.last())))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{} ({promotion}{period}) : {} — {} : « {} »",
            parameter.id.french(),
            parameter.value.to_french(),
            parameter.source,
            parameter.quote
        );
    }
    out
}

pub(crate) fn vocabulary(vocabulary: &Vocabulary) -> String {
    let mut out = String::new();
    for (title, labels) in [
        ("Promotions", &vocabulary.promotions),
        ("Administrations", &vocabulary.host_kinds),
        ("Voies de financement", &vocabulary.funding_routes),
        ("Payeurs", &vocabulary.payers),
    ] {
        let _ = writeln!(out, "{title}");
        for label in labels {
            let _ = writeln!(out, "  {}", label.label);
        }
    }
    out
}

/// The official figures as `eig history` prints them: the table, then the défis of the
/// promotion asked for.
///
/// # Example
/// ```
/// let text = eig_api::french::history(&eig_api::official_figures(None));
/// assert!(text.starts_with("Programme EIG"));
/// ```
pub fn history(output: &HistoryOutput) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "Programme EIG — défis et talents par promotion ({} fiches de défis embarquées)\n",
        eig_history::History::embedded().defis().len()
    );
    text.push_str(&eig_history::render_figures_table(&output.figures));
    if !output.defis.is_empty() {
        let _ = writeln!(
            text,
            "\n{:<32} {:>7}  {:<40}  administration d'accueil",
            "défi", "talents", "profils"
        );
        for record in &output.defis {
            let profiles: Vec<String> = record
                .profiles
                .iter()
                .map(|p| {
                    let names: Vec<&str> = p
                        .talent_profiles()
                        .into_iter()
                        .map(eig_domain::TalentProfile::french)
                        .collect();
                    names.join(" + ")
                })
                .collect();
            let _ = writeln!(
                text,
                "{:<32} {:>7}  {:<40}  {}",
                record.title.as_str(),
                record.talents,
                profiles.join(", "),
                record.host_administration
            );
        }
    }
    text.push_str(
        "\n« fiches » : compté dans les fiches embarquées ; « officiel » : tel que la source citée \
         le donne (déduit : calculé à partir de deux sources ; site : les données du site \
         du programme).\n",
    );
    text
}

/// An assignment in French (`eig match` without `--explain`): each candidate's place and each
/// défi's team or why it has none; with its explanations, those instead.
///
/// # Example
/// ```
/// let problem: eig_matching::MatchingInput =
///     serde_json::from_value(eig_api::shape("match").unwrap().example(None)?).unwrap();
/// let options = eig_matching::Options::default();
/// let output = eig_api::assign_talents(&problem, &options, false)?;
/// assert!(eig_api::french::matching(&output).starts_with("Candidat·es"));
/// # Ok::<(), eig_api::ApiError>(())
/// ```
pub fn matching(result: &MatchOutput) -> String {
    if let Some(explanations) = &result.explanations {
        return explanations.to_french();
    }
    let report = &result.report;
    let mut out = String::with_capacity(32 * (report.placements.len() + report.unplaced.len()));
    out.push_str("Candidat·es (les explications : --explain)\n");
    let mut unplaced = report.unplaced.iter().peekable();
    for placement in &report.placements {
        while let Some(id) = unplaced.next_if(|id| **id < placement.candidate) {
            let _ = writeln!(out, "{id} : non affecté·e.");
        }
        let _ = match placement.choice {
            Some(1) => writeln!(
                out,
                "{} : affecté·e à {} (1er choix).",
                placement.candidate, placement.defi
            ),
            Some(n) => writeln!(
                out,
                "{} : affecté·e à {} ({n}e choix).",
                placement.candidate, placement.defi
            ),
            None => writeln!(
                out,
                "{} : affecté·e à {} sur proposition du jury (défi non choisi).",
                placement.candidate, placement.defi
            ),
        };
    }
    for id in unplaced {
        let _ = writeln!(out, "{id} : non affecté·e.");
    }
    out.push_str("\nDéfis\n");
    for defi in &report.defis {
        let _ = match &defi.status {
            eig_matching::DefiStatus::Running { team } => {
                let names: Vec<&str> = team.iter().map(eig_domain::CandidateId::as_str).collect();
                writeln!(
                    out,
                    "{} : retenu, équipe de {} ({}).",
                    defi.defi,
                    team.len(),
                    names.join(", ")
                )
            }
            eig_matching::DefiStatus::Withdrawn { team_size, min, round } => writeln!(
                out,
                "{} : retiré au tour {round} : équipe de {team_size} talent{} pour un minimum de {min}.",
                defi.defi,
                if *team_size > 1 { "s" } else { "" }
            ),
            eig_matching::DefiStatus::ClosedBySearch => writeln!(
                out,
                "{} : non ouvert : hors de l'ensemble retenu par la recherche exacte (le plus \
                 grand qui admette une affectation stable).",
                defi.defi
            ),
            eig_matching::DefiStatus::NoTeam => {
                writeln!(out, "{} : aucun talent affecté.", defi.defi)
            }
            _ => writeln!(out, "{} : (--explain donne son état).", defi.defi),
        };
    }
    out
}
