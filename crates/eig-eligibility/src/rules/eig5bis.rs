//! The AMI Promotion 5 bis (April 2022): EIG5 talents whose host offered them no
//! prolongation apply to the projects of promotion 6, without pre-selection (AMI5bis art. 3–7).

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime};
use eig_domain::{
    Closing, Document, ParisDeadline, PastParticipation, Promotion, PromotionFacts, TalentProfile,
};

use crate::{
    input::CandidateApplication,
    outcome::Reason,
    rules::{Cite, Evaluation, Parameters, Rule, Run, common},
};

static FACTS: LazyLock<PromotionFacts> = LazyLock::new(|| Promotion::Eig6.facts());

/// « La clôture de l’appel à manifestation d’intérêt aura lieu le 4 mai 2022 à 23 h 59 (heure
/// de Paris). » (AMI5bis art. 4)
pub(crate) static CLOSING: LazyLock<Option<Closing>> = LazyLock::new(|| {
    let at = NaiveDate::from_ymd_opt(2022, 5, 4)
        .and_then(|day| day.and_hms_opt(23, 59, 0))
        .map(|at: NaiveDateTime| ParisDeadline::from_paris(at));
    match at {
        Some(Ok(deadline)) => Some(Closing::Deadline { deadline }),
        _ => None,
    }
});

const fn ami(locator: &'static str) -> Cite {
    Cite(Document::Ami5bis, locator)
}

const DEADLINE: Rule = Rule {
    id: "eig5bis.candidate.deadline",
    title: "Manifestation d'intérêt reçue avant le 4 mai 2022 à 23h59 (heure de Paris)",
    source: ami("art. 4"),
    quote: "La clôture de l’appel à manifestation d’intérêt aura lieu le 4 mai 2022 à 23 h 59 (heure de Paris).",
    parameters: Parameters::declared(|| {
        CLOSING.map(common::closing_parameters).unwrap_or_default()
    }),
};
const CHANNEL: Rule = Rule {
    id: "eig5bis.candidate.channel",
    title: "Manifestation d'intérêt reçue par le canal de l'appel",
    source: ami("art. 4"),
    quote: "Toute candidature utilisant un autre canal ne sera pas retenue.",
    parameters: Parameters::declared(|| common::channel_parameters(CHANNEL_TEXT)),
};
const COMPLETE_DOSSIER: Rule = Rule {
    id: "eig5bis.candidate.complete_dossier",
    title: "Dossier de candidature complet",
    source: ami("art. 4"),
    quote: "Tout dossier incomplet sera écarté.",
    parameters: Parameters::declared(|| common::complete_dossier_parameters(DOSSIER_PIECES)),
};
const NATURAL_PERSON: Rule = Rule {
    id: "eig5bis.candidate.natural_person",
    title: "Candidature faite par une personne physique",
    source: ami("art. 3"),
    quote: "La candidature est faite par une personne physique ; elle ne peut être effectuée au nom d’une personne morale.",
    parameters: Parameters::NONE,
};
const UNPROLONGED_EIG5: Rule = Rule {
    id: "eig5bis.candidate.unprolonged_eig5",
    title: "EIG de la promotion 5 à qui aucune prolongation contractuelle n'a été proposée",
    source: ami("art. 3"),
    quote: "Peuvent concourir au titre d’ « EIG 5 bis » uniquement les EIG de la promotion 5 qui ne se sont pas vu proposer une prolongation contractuelle au sein de leur administration d'accueil.",
    parameters: Parameters::NONE,
};
const CHOICES: Rule = Rule {
    id: "eig5bis.candidate.choices",
    title: "Trois à cinq projets de la promotion 6, par ordre de préférence",
    source: ami("art. 5.2"),
    quote: "Les personnes présélectionnées et les EIG 5 bis devront indiquer 3 à 5 projets sur lesquels elles souhaitent se positionner, et par ordre de préférence",
    parameters: Parameters::declared(|| {
        common::choice_limit_parameters(FACTS.choice_limit.as_ref())
    }),
};
const CHOICES_DEADLINE: Rule = Rule {
    id: "eig5bis.candidate.choices_deadline",
    title: "Choix des projets reçus avant le 15 mai 2022 à 23h59 (heure de Paris)",
    source: ami("art. 5.2"),
    quote: "avant le 15 mai 2022, 23 h 59 (heure de Paris) via le formulaire suivant sur la plateforme Démarches Simplifiées",
    parameters: Parameters::declared(|| common::window_parameters(FACTS.choice_window.as_ref())),
};
const START: Rule = Rule {
    id: "eig5bis.candidate.start_availability",
    title: "Disponible le 12 septembre 2022 (23 août 2022 pour les EIG Coach)",
    source: ami("art. 6–7"),
    quote: "Les candidat(e)s s’engagent à être disponibles pour commencer leur contrat le 12 septembre 2022 (et le 23 août 2022 pour les EIG Coach).",
    parameters: Parameters::declared(|| common::start_availability_parameters(false))
        .computed(common::START_AVAILABILITY_COMPUTED),
};
const ACCEPTANCE: Rule = Rule {
    id: "eig5bis.candidate.acceptance",
    title: "Acceptation définitive dans un délai de 15 jours",
    source: ami("art. 5.6"),
    quote: "Les candidat(e)s retenu(e)s doivent donner leur acceptation définitive dans un délai de 15 jours.",
    parameters: Parameters::declared(|| common::acceptance_parameters(ACCEPTANCE_DAYS))
        .computed(common::ACCEPTANCE_COMPUTED),
};

const WAITING_LIST: Rule = Rule {
    id: "eig5bis.candidate.waiting_list",
    title: "Appel sur la liste d'attente jusqu'au 15 juillet 2022",
    source: ami("art. 5.4"),
    quote: "Les autres candidat(e)s seront placé(e)s sur une liste d'attente et pourront être sollicité(e)s jusqu’au 15 juillet 2022 en cas de désistement.",
    parameters: Parameters::declared(|| {
        common::waiting_list_parameters(common::waiting_list_until(&FACTS))
    }),
};

rules_and_ids!(pub(crate) RULES, RULE_IDS: [DEADLINE, CHANNEL, COMPLETE_DOSSIER, NATURAL_PERSON, UNPROLONGED_EIG5, CHOICES, CHOICES_DEADLINE, START, ACCEPTANCE, WAITING_LIST]);

/// « Peuvent concourir au titre d’ « EIG 5 bis » uniquement les EIG de la promotion 5 qui ne
/// se sont pas vu proposer une prolongation contractuelle au sein de leur administration
/// d'accueil. » (AMI5bis art. 3) Both facts are required: a past EIG5 participation and no
/// prolongation offer. A participation recorded as coach counts: the text excepts nobody from
/// « les EIG de la promotion 5 », and `eig6.candidate.former_eig5` counts the same participation
/// (`docs/rules/assumptions.md`, `ami5bis-eig5-coaches`).
fn unprolonged_eig5(past: Option<&[PastParticipation]>, prolongation_offered: Option<bool>) -> Run {
    let eig5 = past.map(|past| past.iter().any(|p| p.promotion == Promotion::Eig5));
    let run = match (eig5, prolongation_offered) {
        (Some(false), _) | (_, Some(true)) => Run::failed(Reason::NotAnUnprolongedEig5Talent),
        (Some(true), Some(false)) => Run::satisfied(),
        (None, None) => Run::missing(vec![
            "candidate.status.past_participations",
            "process.eig5_prolongation_offered",
        ]),
        (None, Some(false)) => Run::missing(vec!["candidate.status.past_participations"]),
        (Some(true), None) => Run::missing(vec!["process.eig5_prolongation_offered"]),
    };
    run.fact("candidate.status.past_participations.eig5", eig5)
        .fact("process.eig5_prolongation_offered", prolongation_offered)
}

/// The channel of the call.
const CHANNEL_TEXT: &str = "plateforme Démarches simplifiées (formulaire aac-eig5bis)";

/// The pieces of a complete dossier.
const DOSSIER_PIECES: &str = "les informations demandées par le formulaire de l'AMI";

/// The delay of the final acceptance, in days.
const ACCEPTANCE_DAYS: u8 = 15;

/// Records every `AMI5bis` rule.
pub(crate) fn candidate(application: &CandidateApplication, evaluation: &mut Evaluation) {
    let status = &application.candidate.status;
    let process = &application.process;
    if let Some(closing) = *CLOSING {
        evaluation.record(&DEADLINE, common::deadline(closing, application.submitted_at));
    }
    evaluation.record(&CHANNEL, common::channel(process.through_official_channel, CHANNEL_TEXT));
    evaluation.record(
        &COMPLETE_DOSSIER,
        common::complete_dossier(process.dossier_complete, DOSSIER_PIECES),
    );
    evaluation.record(&NATURAL_PERSON, common::natural_person(status.person));
    evaluation.record(
        &UNPROLONGED_EIG5,
        unprolonged_eig5(status.past_participations.as_deref(), process.eig5_prolongation_offered),
    );
    if let Some(limit) = &FACTS.choice_limit {
        evaluation.record(&CHOICES, common::choices(application.choices.as_deref(), limit.value));
    }
    if let Some(window) = &FACTS.choice_window {
        evaluation
            .record(&CHOICES_DEADLINE, common::choices_deadline(window.value.closes, application));
    }
    // « 12 septembre 2022 ou 23 août 2022 pour les EIG Coach » (AMI5bis art. 7).
    let coach_start = NaiveDate::from_ymd_opt(2022, 8, 23);
    let start_on = if application.candidate.profile == TalentProfile::Coach {
        match (coach_start, common::start_day(&FACTS, application)) {
            (Some(coach), Some(other)) => Some(coach.min(other)),
            (coach, other) => coach.or(other),
        }
    } else {
        common::start_day(&FACTS, application)
    };
    evaluation.record(
        &START,
        common::start_availability(
            process.available_from,
            start_on,
            true,
            common::StartException::NotStated,
        ),
    );
    evaluation.record(
        &ACCEPTANCE,
        common::acceptance(
            process.selection_notified_on,
            process.accepted_on,
            ACCEPTANCE_DAYS,
            application.readings.acceptance_last_day,
        ),
    );
    // The AMI's waiting list closes on the day of AAC6's (AMI5bis art. 5.4, the same words).
    evaluation.record(
        &WAITING_LIST,
        common::waiting_list(
            process.from_waiting_list,
            process.selection_notified_on,
            common::waiting_list_until(&FACTS),
        ),
    );
}
