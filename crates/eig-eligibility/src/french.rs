//! The French rendering of a decision, answering what article R. 311-3-1-2 of the code des
//! relations entre le public et l'administration (CRPA) asks an administration to tell a
//! person about an algorithmic processing: 1° the degree and mode of its contribution to the
//! decision; 2° the data processed and their sources; 3° the processing parameters and their
//! weighting, applied to the person's situation; 4° the operations performed.

use std::{collections::BTreeSet, fmt::Write as _};

use chrono_tz::Europe::Paris;

use crate::labels::{input_label, parameter_label};
use crate::outcome::{Decision, Outcome, Reason, RuleResult, Subject, Value};
use crate::rules::common::{TIME_ZONE_READ, commitment_french, level_french};

/// Renders a decision in French, in the four parts of CRPA art. R. 311-3-1-2.
///
/// # Example
/// ```
/// use eig_eligibility::{evaluate_dossier, render_french, DefiDossier};
///
/// let dossier: DefiDossier = serde_json::from_str(r#"{"defi": {
///   "id": "d", "title": "D", "promotion": "EIG3",
///   "hosts": {"operational": {"name": "Ministère", "kind": {"kind": "ministry"}}},
///   "team": [{"profile": "developer"}, {"profile": "designer"}]
/// }}"#)?;
/// let text = render_french(&evaluate_dossier(&dossier)?);
/// assert!(text.contains("1. Degré et mode de contribution"));
/// assert!(text.contains("AAP3 §4.2"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_french(decision: &Decision) -> String {
    let mut out = String::with_capacity(2048);
    let (what, id) = match &decision.subject {
        Subject::Dossier(id) => ("le dossier de défi", id.as_str()),
        Subject::Candidate(id) => ("la candidature", id.as_str()),
    };
    let _ =
        writeln!(out, "Décision sur {what} « {id} » — promotion {}", decision.promotion.label());
    let _ = writeln!(out, "Résultat : {}", outcome_french(&decision.outcome));
    out.push('\n');

    out.push_str("1. Degré et mode de contribution du traitement algorithmique à la décision\n");
    let _ = writeln!(
        out,
        "Le traitement vérifie les {} conditions d'éligibilité publiées pour la promotion {} et \
         en déduit l'issue pour {what} : éligible, inéligible (toutes les conditions non remplies \
         sont citées) ou incomplet (les données manquantes sont citées). Il ne note ni ne classe : la \
         sélection des lauréats relève du jury, sur les dossiers éligibles.",
        decision.trace.len(),
        decision.promotion.label()
    );
    out.push('\n');

    out.push_str("2. Données traitées et leurs sources\n");
    let mut seen = BTreeSet::new();
    for entry in &decision.trace {
        for fact in &entry.facts {
            if seen.insert(fact.name) {
                let _ = writeln!(
                    out,
                    "- {} : {} (source : {})",
                    input_label(fact.name),
                    value_french(&fact.value),
                    data_source(&decision.subject)
                );
            }
        }
    }
    out.push('\n');

    out.push_str("3. Paramètres de traitement appliqués à votre situation\n");
    out.push_str("Aucune pondération : chaque condition est éliminatoire à elle seule.\n");
    for entry in &decision.trace {
        if entry.parameters.is_empty() {
            continue;
        }
        let _ = write!(out, "- {} ({}) :", entry.title, entry.source);
        for (index, parameter) in entry.parameters.iter().enumerate() {
            let separator = if index == 0 { " " } else { " ; " };
            let _ = write!(
                out,
                "{separator}{} = {}",
                parameter_label(parameter.name),
                value_french(&parameter.value)
            );
        }
        out.push('\n');
    }
    out.push('\n');

    out.push_str("4. Opérations effectuées\n");
    for (index, entry) in decision.trace.iter().enumerate() {
        let result = match &entry.result {
            RuleResult::Satisfied => String::from("condition remplie"),
            RuleResult::Failed { reason } => {
                let text = match reason {
                    // A closing whose time zone the text does not state (AAC2, AAC3): Paris
                    // time is the reading taken, not the text's words.
                    Reason::SubmittedLate { submitted_at, closes_at }
                        if entry.parameters.iter().any(|p| p.name == TIME_ZONE_READ) =>
                    {
                        format!(
                            "reçu le {} (heure de Paris), à ou après la clôture du {} (heure de \
                             Paris, lecture retenue : le texte ne précise pas le fuseau horaire)",
                            submitted_at.with_timezone(&Paris).format("%d/%m/%Y à %H:%M:%S"),
                            closes_at.with_timezone(&Paris).format("%d/%m/%Y à %H:%M:%S")
                        )
                    }
                    _ => reason_french(reason),
                };
                format!("condition non remplie : {text}")
            }
            RuleResult::Missing { inputs } => {
                format!(
                    "donnée manquante : {}",
                    inputs.iter().map(|i| input_label(i)).collect::<Vec<_>>().join(", ")
                )
            }
        };
        let _ = writeln!(
            out,
            "{}) {} [{}] — {} — source : {}",
            index + 1,
            entry.title,
            entry.rule,
            result,
            entry.source
        );
    }
    out
}

/// One rule of a decision as a person reads it: its title, whether it is met, why (in
/// French) and its source — the operations of [`render_french`], one record each.
///
/// # Example
/// ```
/// use eig_eligibility::{RuleStatus, evaluate_dossier, rule_lines, DefiDossier};
///
/// let dossier: DefiDossier = serde_json::from_str(r#"{"defi": {
///   "id": "d", "title": "D", "promotion": "EIG3",
///   "hosts": {"operational": {"name": "Ministère", "kind": {"kind": "ministry"}}},
///   "team": [{"profile": "developer"}, {"profile": "designer"}]
/// }}"#)?;
/// let lines = rule_lines(&evaluate_dossier(&dossier)?);
/// let late = lines.iter().find(|line| line.rule == "eig3.dossier.deadline").unwrap();
/// assert_eq!(late.status, RuleStatus::Missing);
/// assert_eq!(late.detail, "donnée manquante : date et heure de réception");
/// assert_eq!(late.source, "AAP3 §4.2");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RuleLine {
    /// The stable rule id (`eig3.dossier.deadline`).
    pub rule: &'static str,
    /// The rule's title, in French.
    pub title: &'static str,
    /// Whether the condition is met.
    pub status: RuleStatus,
    /// What was found, in French: the reason a condition is not met, the data it lacks, or
    /// `condition remplie`.
    pub detail: String,
    /// The text the rule implements, as cited (`AAP3 §4.2`).
    pub source: String,
}

/// Whether a rule's condition is met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RuleStatus {
    /// The condition is met.
    Satisfied,
    /// The condition is not met.
    Failed,
    /// The data the condition needs are not given.
    Missing,
}

/// Each rule of `decision` as a [`RuleLine`], in the order of its trace.
pub fn rule_lines(decision: &Decision) -> Vec<RuleLine> {
    decision
        .trace
        .iter()
        .map(|entry| {
            let (status, detail) = match &entry.result {
                RuleResult::Satisfied => (RuleStatus::Satisfied, String::from("condition remplie")),
                RuleResult::Failed { reason } => (RuleStatus::Failed, reason_french(reason)),
                RuleResult::Missing { inputs } => (
                    RuleStatus::Missing,
                    format!(
                        "donnée manquante : {}",
                        inputs.iter().map(|i| input_label(i)).collect::<Vec<_>>().join(", ")
                    ),
                ),
            };
            RuleLine {
                rule: entry.rule,
                title: entry.title,
                status,
                detail,
                source: entry.source.to_string(),
            }
        })
        .collect()
}

/// The reason a rule is not met, in French, in a person's words (`une collectivité
/// territoriale … doit désigner un porteur administratif`).
///
/// # Example
/// ```
/// use eig_eligibility::{Outcome, evaluate_dossier, reason_in_french};
///
/// let dossier: eig_eligibility::DefiDossier = serde_json::from_str(r#"{"defi": {
///   "id": "d", "title": "D", "promotion": "EIG3",
///   "hosts": {"operational": {"name": "Ministère", "kind": {"kind": "ministry"}}},
///   "team": [{"profile": "developer"}]
/// }}"#)?;
/// // A team of one EIG: ineligible.
/// let Outcome::Ineligible { failures } = evaluate_dossier(&dossier)?.outcome else {
///     unreachable!()
/// };
/// assert!(reason_in_french(&failures[0].reason).contains("EIG"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn reason_in_french(reason: &Reason) -> String {
    reason_french(reason)
}

fn outcome_french(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Eligible { funding_route: Some(route) } => {
            format!("éligible — voie de financement : {}", route.french())
        }
        Outcome::Eligible { .. } => String::from("éligible"),
        Outcome::Ineligible { failures } => {
            format!("inéligible — {} condition(s) non remplie(s)", failures.len())
        }
        Outcome::Incomplete { missing } => format!(
            "incomplet — données manquantes : {}",
            missing.iter().map(|m| input_label(m)).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn data_source(subject: &Subject) -> &'static str {
    match subject {
        Subject::Dossier(_) => "déclaré dans le dossier de candidature de l'administration",
        _ => "déclaré dans le dossier de candidature",
    }
}

fn value_french(value: &Value) -> String {
    match value {
        Value::Bool(true) => String::from("oui"),
        Value::Bool(false) => String::from("non"),
        Value::Count(count) => count.to_string(),
        Value::Text(text) => text.to_string(),
        Value::Unknown => String::from("non renseigné"),
    }
}

/// The French name of a host kind with its indefinite article (`une collectivité
/// territoriale`, `un ministère`).
fn indefinite(kind: eig_domain::HostKind) -> String {
    use eig_domain::HostKind;
    let article = match kind {
        HostKind::CentralAdministration
        | HostKind::IndependentAuthority
        | HostKind::LocalAuthority { .. }
        | HostKind::Jurisdiction => "une",
        _ => "un",
    };
    format!("{article} {}", kind.french())
}

/// [`Reason::CivilServantInPostWithoutDeparture`] in French.
const IN_POST_WITHOUT_DEPARTURE: &str = "fonctionnaire ou assimilé en poste sans départ prévu : en \
                                         poste au moment retenu, quelle qu'en soit la date";

/// [`Reason::IncompleteDossier`] in French.
const INCOMPLETE_DOSSIER: &str =
    "dossier de candidature incomplet : il manque une pièce demandée par l'appel";

/// A fact the host states in its dossier that refuses it, in French: a défi purely of IT
/// tooling (AAP3 §2.1), or a condition of AAP3 §2.2 and AAP4–AAP6 §2 not met.
fn dossier_fact_french(reason: &Reason) -> String {
    String::from(match reason {
        Reason::PurelyItTooling => {
            "défi d'outillage « purement informatique » sans problématique métier"
        }
        Reason::NoDedicatedProjectTeam => {
            "aucune équipe dédiée au projet, aux profils pluridisciplinaires, n'est constituée au \
             sein de l'administration"
        }
        Reason::ContactsNotIdentified => {
            "les contacts adéquats pour les EIG dans les directions de l'administration ne sont pas \
             identifiés"
        }
        Reason::MentorsNotHostAgents => {
            "les mentors opérationnels (porteurs de projet) ne sont pas des agents publics de \
             l'administration d'accueil"
        }
        Reason::MentorsWithoutTime => {
            "les mentors opérationnels (porteurs de projet) ne peuvent pas consacrer du temps au \
             projet pendant les 10 mois"
        }
        _ => "",
    })
}

/// A reason of a step after the selection in French (the acceptance, the waiting list, the
/// EIG7 pool).
fn later_step_french(reason: &Reason) -> String {
    match reason {
        Reason::AcceptedLate { accepted_on, last_day, .. } => format!(
            "acceptation définitive donnée le {}, après la fin du délai ({})",
            accepted_on.format("%d/%m/%Y"),
            last_day.format("%d/%m/%Y")
        ),
        Reason::CalledFromWaitingListLate { called_on, last_day } => format!(
            "appelé sur la liste d'attente le {}, après son dernier jour ({})",
            called_on.format("%d/%m/%Y"),
            last_day.format("%d/%m/%Y")
        ),
        Reason::PoolDossierNotKept => String::from(
            "mission proposée après la session de sélection à un candidat du vivier qui n'a pas \
             demandé que son dossier soit conservé",
        ),
        _ => String::new(),
    }
}

/// A reason in French.
fn reason_french(reason: &Reason) -> String {
    match reason {
        Reason::SubmittedLate { submitted_at, closes_at } => format!(
            "reçu le {} (heure de Paris), à ou après la clôture du {} (heure de Paris)",
            submitted_at.with_timezone(&Paris).format("%d/%m/%Y à %H:%M:%S"),
            closes_at.with_timezone(&Paris).format("%d/%m/%Y à %H:%M:%S")
        ),
        Reason::HostKindNotAdmitted { kind } => {
            format!("{} ne peut pas présenter de défi dans cette promotion", indefinite(*kind))
        }
        Reason::AdministrativeCarrierRequired { operational } => format!(
            "{} demandant un cofinancement doit désigner un porteur administratif",
            indefinite(*operational)
        ),
        Reason::AdministrativeCarrierNotEligible { carrier } => {
            format!("{} ne peut pas être porteur administratif", indefinite(*carrier))
        }
        Reason::CarrierConventionMissing => {
            String::from("aucune convention avec le porteur administratif n'est déclarée")
        }
        Reason::NoTitre2Programme => String::from(
            "l'administration qui recevrait les crédits n'a pas de programme budgétaire pouvant \
             recevoir des crédits de titre 2 par décret de transfert",
        ),
        Reason::NoFundingDeclared => {
            String::from("ni cofinancement, ni autofinancement, ni financement alternatif déclaré")
        }
        Reason::TeamSizeOutOfBounds { size, min, max } => {
            format!("{size} EIG demandé(s) ; le défi doit en accueillir de {min} à {max}")
        }
        Reason::ProfilesNotSought { profiles } => format!(
            "profil(s) non recherché(s) dans cette promotion : {}",
            profiles.iter().map(|p| p.french()).collect::<Vec<_>>().join(", ")
        ),
        Reason::SupportRoleCount { role, found, min, max } => match max {
            Some(max) => format!("{found} {role}(s) identifié(s) ; il en faut de {min} à {max}"),
            None => format!("{found} {role}(s) identifié(s) ; il en faut au moins {min}"),
        },
        Reason::CommitmentsMissing { missing } => format!(
            "engagement(s) non attesté(s) : {}",
            missing.iter().map(|c| commitment_french(*c)).collect::<Vec<_>>().join(", ")
        ),
        Reason::PurelyItTooling
        | Reason::NoDedicatedProjectTeam
        | Reason::ContactsNotIdentified
        | Reason::MentorsNotHostAgents
        | Reason::MentorsWithoutTime => dossier_fact_french(reason),
        Reason::ProductPhaseNotAdmitted { phase } => format!(
            "fiche produit beta.gouv.fr : {} ; phases admises : investigation, construction, accélération",
            phase.french()
        ),
        Reason::NotANaturalPerson => {
            String::from("la candidature est faite au nom d'une personne morale")
        }
        Reason::CivilServantInPost { reference_on, .. } => {
            format!("fonctionnaire ou assimilé en poste au {}", reference_on.format("%d/%m/%Y"))
        }
        Reason::CivilServantInPostWithoutDeparture => String::from(IN_POST_WITHOUT_DEPARTURE),
        Reason::JuryMember => String::from("membre du jury ou expert sollicité"),
        Reason::Student { level, reference_on } => format!(
            "en scolarité ({}) au {}",
            level_french(*level),
            reference_on.format("%d/%m/%Y")
        ),
        Reason::FormerEig5Talent => String::from(
            "EIG de la promotion 5 candidat(e) à un autre poste que celui d'EIG Coach (seuls \
                 les postes d'EIG Coach leur sont ouverts)",
        ),
        Reason::ChoiceCountOutOfBounds { count, min, max, .. } => {
            format!("{count} choix ; il en faut de {min} à {max}")
        }
        Reason::ChoiceOfWrongKind { .. } => String::from("choix d'une nature non prévue"),
        Reason::DuplicateChoice => String::from("le même choix figure deux fois"),
        Reason::OtherChannel => {
            String::from("candidature reçue par un autre canal que celui de l'appel")
        }
        Reason::AcceptedLate { .. }
        | Reason::CalledFromWaitingListLate { .. }
        | Reason::PoolDossierNotKept => later_step_french(reason),
        Reason::IncompleteDossier => String::from(INCOMPLETE_DOSSIER),
        Reason::NotAvailableAtStart { available_from, start_on } => format!(
            "disponible à partir du {}, après le début de la promotion ({})",
            available_from.format("%d/%m/%Y"),
            start_on.format("%d/%m/%Y")
        ),
        Reason::NotAnUnprolongedEig5Talent => {
            String::from("pas EIG de la promotion 5 sans proposition de prolongation contractuelle")
        }
        Reason::NotAnEig6Laureate => {
            String::from("administration non lauréate de l'appel à projets EIG 6")
        }
        Reason::ProlongationNotContinuous { .. }
        | Reason::ProlongationPayDiffers { .. }
        | Reason::ProgrammeProjectTeamOverCap { .. } => counted_french(reason),
    }
}

/// A reason about a number of talents in French: EIG6+ contracts, the programme's project.
fn counted_french(reason: &Reason) -> String {
    match reason {
        Reason::ProlongationNotContinuous { talents } => format!(
            "prolongation ne courant pas sans discontinuité du 12 juillet au 29 décembre 2023 : {}",
            talents.join(", ")
        ),
        Reason::ProlongationPayDiffers { talents } => format!(
            "rémunération différente de celle des contrats EIG initiaux : {}",
            talents.join(", ")
        ),
        Reason::ProgrammeProjectTeamOverCap { size, cap } => format!(
            "{size} EIG demandé(s) pour le projet du programme (EIG Link ou coachs EIG) ; le texte \
             en recrute {cap}"
        ),
        _ => String::new(),
    }
}
