//! EIG6 (2022–2023): the call for projects AAP6 (24 January 2022) and the call for candidates
//! AAC6 (March 2022). A porteur de projet and a sponsor; no geomatics; EIG5 talents excluded
//! from applying except EIG coaches (AAC6 art. 3).

use std::sync::LazyLock;

use eig_domain::{
    Commitment, Document, FundingRoute, Promotion, PromotionFacts, StudyLevel, TalentProfile,
};

use crate::{
    error::EligibilityError,
    grid::{Criterion, ScoringGrid},
    input::{CandidateApplication, DefiDossier},
    rules::{
        Cite, Evaluation, Parameters, PromotionRules, Rule,
        common::{self, HostCondition, Moment, RoleFamily, SupportBounds},
    },
};

static FACTS: LazyLock<PromotionFacts> = LazyLock::new(|| Promotion::Eig6.facts());

const fn aap6(locator: &'static str) -> Cite {
    Cite(Document::Aap6, locator)
}

const fn aac6(locator: &'static str) -> Cite {
    Cite(Document::Aac6, locator)
}

const DEADLINE: Rule = Rule {
    id: "eig6.dossier.deadline",
    title: "Dépôt avant la clôture de l'appel à projets",
    source: aap6("§5.3"),
    quote: "impérativement avant la clôture de l’appel à projets, la date et l’heure de réception faisant foi : vendredi 18 mars 2022 à 23h59 (heure de Paris).",
    parameters: Parameters::declared(|| common::window_parameters(FACTS.call_for_defis.as_ref())),
};
const HOST_KIND: Rule = Rule {
    id: "eig6.host.kind",
    title: "Administration pouvant répondre à l'appel à projets",
    source: aap6("§2 (note 4)"),
    quote: "Toute administration peut répondre à l’appel à projets […], mais des critères spécifiques s’appliquent pour le co-financement de la rémunération des EIG.",
    parameters: Parameters::declared(|| common::host_kind_parameters(HOST_KINDS_ADMITTED)),
};
const FUNDING_ROUTE: Rule = Rule {
    id: "eig6.host.funding_route",
    title: "Voie de financement : cofinancement en titre 2, porteur administratif ou autofinancement",
    source: aap6("§3.1–3.4"),
    quote: "Les administrations éligibles au co-financement direct sont les ministères et les administrations qui disposent d’un programme budgétaire permettant à la DINUM de leur verser des crédits en titre 2 par l’intermédiaire d’un décret de transfert en gestion. […] Les administrations qui ne disposent pas d’un programme budgétaire (voir 3.1.) ne peuvent pas bénéficier d’un financement direct.",
    parameters: Parameters::declared(|| common::titre2_route_parameters(false)),
};
const TEAM_SIZE: Rule = Rule {
    id: "eig6.defi.team_size",
    title: "Projet réalisable par deux ou trois profils du numérique",
    source: aap6("§2"),
    quote: "Être réalisables par deux ou trois profils du numérique (en lien avec l’équipe projet de l’administration d’accueil)",
    parameters: Parameters::declared(|| common::team_bounds_parameters(FACTS.team_size.as_ref())),
};
const PROFILES: Rule = Rule {
    id: "eig6.defi.profiles",
    title: "Expertises numériques recherchées",
    source: aap6("§2"),
    quote: "Nécessiter des expertises numériques de pointe : design, développement, data engineering, data science ou droit du numérique.",
    parameters: Parameters::declared(|| common::profiles_parameters(PROFILES_SOUGHT_TEXT)),
};
const OPERATIONAL_MENTOR: Rule = Rule {
    id: "eig6.defi.project_lead",
    title: "Un porteur de projet identifié",
    source: aap6("§2"),
    quote: "Identifier un porteur de projet (agent public de l’administration d’accueil)",
    parameters: Parameters::declared(|| common::support_parameters(OPERATIONAL_SUPPORT)),
};
const HIGH_LEVEL_MENTOR: Rule = Rule {
    id: "eig6.defi.sponsor",
    title: "Un sponsor identifié",
    source: aap6("§2"),
    quote: "Identifier un sponsor, issu de la hiérarchie de la structure porteuse du projet",
    parameters: Parameters::declared(|| common::support_parameters(STRATEGIC_SUPPORT)),
};
const COMMITMENTS: Rule = Rule {
    id: "eig6.defi.commitments",
    title: "Engagements : données et autorisations, lien avec les usagers, licence libre, accessibilité, briques mutualisées, hors les murs, accompagnement",
    source: aap6("§4.3–4.4"),
    quote: "mettre à disposition des EIG les données nécessaires à la réalisation du projet et, le cas échéant, obtenir les autorisations nécessaires à leur exploitation avant le début du projet. […] publier, sauf exception prévue par la loi, et sous licence libre, les codes et les modèles algorithmiques développés dans le cadre des projets ; […] s’assurer que les réalisations respectent les normes d’accessibilité numérique […] autoriser les EIG à se déplacer, notamment pour les sessions d’accompagnement, et à travailler hors les murs ;",
    parameters: Parameters::declared(|| common::commitments_parameters(REQUIRED_COMMITMENTS)),
};
const SUSTAINABILITY: Rule = Rule {
    id: "eig6.defi.sustainability",
    title: "Engagement à mener des actions de pérennisation",
    source: aap6("§4.5"),
    quote: "Elles s’engagent à mener des actions de pérennisation des EIG, en fonction des réussites et priorités des projets.",
    parameters: Parameters::declared(|| common::commitments_parameters(SUSTAINABILITY_COMMITMENTS)),
};

const PROJECT_TEAM: Rule = Rule {
    id: "eig6.defi.project_team",
    title: "Équipe dédiée au projet, aux profils pluridisciplinaires, constituée au sein de l'administration",
    source: aap6("§2"),
    quote: "Constituer en son sein une équipe consacrée au projet, aux profils pluridisciplinaires (métiers et techniques) ;",
    parameters: Parameters::declared(common::host_condition_parameters),
};
const CONTACTS: Rule = Rule {
    id: "eig6.defi.contacts",
    title: "Contacts adéquats identifiés pour les EIG dans les directions de l'administration",
    source: aap6("§2"),
    quote: "Identifier les contacts adéquats pour les EIG au sein des directions métiers, de la DSI et de la DNUM le cas échéant, afin d’intégrer pleinement le projet aux actions de l’administration",
    parameters: Parameters::declared(common::host_condition_parameters),
};
const MENTORS_HOST_AGENTS: Rule = Rule {
    id: "eig6.defi.mentors_host_agents",
    title: "Porteur de projet agent public de l'administration d'accueil",
    source: aap6("§2"),
    quote: "Identifier un porteur de projet (agent public de l’administration d’accueil)",
    parameters: Parameters::declared(common::host_condition_parameters),
};
const MENTORS_TIME: Rule = Rule {
    id: "eig6.defi.mentors_time",
    title: "Porteur de projet en capacité de consacrer du temps au projet pendant les 10 mois",
    source: aap6("§2"),
    quote: "Le porteur de projet doit être en capacité de consacrer du temps au projet EIG pendant les 10 mois.",
    parameters: Parameters::declared(common::host_condition_parameters),
};

const CANDIDATE_DEADLINE: Rule = Rule {
    id: "eig6.candidate.deadline",
    title: "Candidature reçue avant la clôture de l'appel à candidatures",
    source: aac6("art. 4"),
    quote: "La clôture de l’appel à candidatures aura lieu le 3 avril 2022 à 23 h 59 (heure de Paris).",
    parameters: Parameters::declared(|| {
        common::window_parameters(FACTS.call_for_candidates.as_ref())
    }),
};
const NATURAL_PERSON: Rule = Rule {
    id: "eig6.candidate.natural_person",
    title: "Candidature faite par une personne physique",
    source: aac6("art. 3"),
    quote: "La candidature est faite par une personne physique ; elle ne peut être effectuée au nom d’une personne morale.",
    parameters: Parameters::NONE,
};
const CIVIL_SERVANT: Rule = Rule {
    id: "eig6.candidate.civil_servant",
    title: "Pas fonctionnaire ou assimilé en poste au moment du début de la promotion",
    source: aac6("art. 3"),
    quote: "Ne peuvent concourir les fonctionnaires ou assimilé(e)s des trois fonctions publiques en poste au moment du début de la promotion",
    parameters: Parameters::NONE.computed(common::MOMENT_COMPUTED),
};
const JURY: Rule = Rule {
    id: "eig6.candidate.jury",
    title: "Ni membre du jury ni expert sollicité",
    source: aac6("art. 3"),
    quote: "Ne peuvent concourir les fonctionnaires ou assimilé(e)s des trois fonctions publiques en poste au moment du début de la promotion, les membres du jury, les expert(e)s sollicité(e)s dans le cadre du présent programme et les EIG de la promotion 5, hormis les EIG Coachs.",
    parameters: Parameters::NONE,
};
const STUDENT: Rule = Rule {
    id: "eig6.candidate.student",
    title: "Pas en scolarité dans les deux premiers cycles universitaires",
    source: aac6("art. 3"),
    quote: "Ne peuvent concourir les personnes qui seront en scolarité dans les deux premiers cycles universitaires.",
    parameters: Parameters::declared(|| common::studies_parameters(STUDIES_EXCLUDED_TEXT))
        .computed(common::MOMENT_COMPUTED),
};
const FORMER_EIG5: Rule = Rule {
    id: "eig6.candidate.former_eig5",
    title: "Pas EIG de la promotion 5, hormis les EIG Coachs",
    source: aac6("art. 3"),
    quote: "Ne peuvent concourir […] les EIG de la promotion 5, hormis les EIG Coachs.",
    parameters: Parameters::declared(|| common::former_talent_parameters(FORMER_PROMOTION))
        .computed(common::FORMER_TALENT_COMPUTED),
};
const CHOICES_DEADLINE: Rule = Rule {
    id: "eig6.candidate.choices_deadline",
    title: "Choix des projets reçus avant le 15 mai 2022 à 23h59 (heure de Paris)",
    source: aac6("art. 5"),
    quote: "Les personnes présélectionnées devront indiquer 3 à 5 projets […] avant le 15 mai 2022, 23 h 59 (heure de Paris)",
    parameters: Parameters::declared(|| common::window_parameters(FACTS.choice_window.as_ref())),
};
const CHOICES: Rule = Rule {
    id: "eig6.candidate.choices",
    title: "Trois à cinq projets, par ordre de préférence",
    source: aac6("art. 5"),
    quote: "Les personnes présélectionnées devront indiquer 3 à 5 projets sur lesquels elles souhaitent se positionner, et par ordre de préférence",
    parameters: Parameters::declared(|| {
        common::choice_limit_parameters(FACTS.choice_limit.as_ref())
    }),
};

const CHANNEL: Rule = Rule {
    id: "eig6.candidate.channel",
    title: "Candidature reçue par le canal de l'appel",
    source: aac6("art. 4"),
    quote: "Toute candidature utilisant un autre canal ne sera pas retenue.",
    parameters: Parameters::declared(|| common::channel_parameters(CHANNEL_TEXT)),
};
const COMPLETE_DOSSIER: Rule = Rule {
    id: "eig6.candidate.complete_dossier",
    title: "Dossier de candidature complet",
    source: aac6("art. 4"),
    quote: "Tout dossier incomplet sera écarté.",
    parameters: Parameters::declared(|| common::complete_dossier_parameters(DOSSIER_PIECES)),
};
const START: Rule = Rule {
    id: "eig6.candidate.start_availability",
    title: "Disponible pour commencer son contrat le 12 septembre 2022 (coachs : selon les besoins des projets)",
    source: aac6("art. 6–7"),
    quote: "Les candidat(e)s s’engagent à être disponibles pour commencer leur contrat le 12 septembre 2022 (et selon les besoins liés au calendrier des projets pour les Coachs).",
    parameters: Parameters::declared(|| common::start_availability_parameters(false))
        .computed(common::START_AVAILABILITY_COMPUTED),
};
const ACCEPTANCE: Rule = Rule {
    id: "eig6.candidate.acceptance",
    title: "Acceptation définitive dans un délai de 15 jours",
    source: aac6("art. 5.6"),
    quote: "Les résultats définitifs seront notifiés par courriel aux candidat(e)s avant le 15 juillet 2022. Les candidat(e)s retenu(e)s doivent donner leur acceptation définitive dans un délai de 15 jours.",
    parameters: Parameters::declared(|| common::acceptance_parameters(ACCEPTANCE_DAYS))
        .computed(common::ACCEPTANCE_COMPUTED),
};

const WAITING_LIST: Rule = Rule {
    id: "eig6.candidate.waiting_list",
    title: "Appel sur la liste d'attente jusqu'au 15 juillet 2022",
    source: aac6("art. 5.4"),
    quote: "Les autres candidat(e)s seront placé(e)s sur une liste d'attente et pourront être sollicité(e)s jusqu’au 15 juillet 2022 en cas de désistement.",
    parameters: Parameters::declared(|| {
        common::waiting_list_parameters(common::waiting_list_until(&FACTS))
    }),
};

const PROGRAMME_PROJECT_TEAM: Rule = Rule {
    id: "eig6.defi.programme_project_team",
    title: "Projet des coachs EIG : trois entrepreneurs au plus",
    source: aap6("§4.2.2"),
    quote: "Au sein du département Etalab, trois entrepreneurs sont recrutés et financés dans le cadre du projet Coach EIG.",
    parameters: Parameters::declared(|| {
        common::programme_project_team_parameters(PROGRAMME_PROJECT_CAP)
    }),
};
/// The number of entrepreneurs the text states for the programme's own project.
const PROGRAMME_PROJECT_CAP: u64 = 3;

rules_and_ids!(DOSSIER_RULES, DOSSIER_IDS: [DEADLINE, HOST_KIND, FUNDING_ROUTE, TEAM_SIZE, PROFILES, OPERATIONAL_MENTOR, HIGH_LEVEL_MENTOR, COMMITMENTS, SUSTAINABILITY, TRAVEL, PROJECT_TEAM, CONTACTS, MENTORS_HOST_AGENTS, MENTORS_TIME, PROGRAMME_PROJECT_TEAM]);
rules_and_ids!(CANDIDATE_RULES, CANDIDATE_IDS: [CANDIDATE_DEADLINE, NATURAL_PERSON, CIVIL_SERVANT, JURY, STUDENT, FORMER_EIG5, CHOICES, CHOICES_DEADLINE, CHANNEL, COMPLETE_DOSSIER, START, ACCEPTANCE, WAITING_LIST]);

/// AAP6 §2: « design, développement, data engineering, data science ou droit du numérique ».
const PROFILES_SOUGHT: &[TalentProfile] = &[
    TalentProfile::Designer,
    TalentProfile::Developer,
    TalentProfile::DataEngineer,
    TalentProfile::DataScientist,
    TalentProfile::DigitalLawJurist,
];

const REQUIRED_COMMITMENTS: &[Commitment] = &[
    Commitment::DataAccess,
    Commitment::DataUseAuthorisation,
    Commitment::OpenSourceAndOpenData,
    Commitment::DigitalAccessibility,
    Commitment::WorkOutsideWalls,
    Commitment::Accompaniment,
    Commitment::ConnectWithUsers,
    Commitment::ReuseSharedComponents,
];

/// AAP6 §4.3 (and the model convention, annexe 3 art. 3, point 4): « prendre en charge les
/// frais de déplacement des EIG domiciliés hors de la région parisienne ».
const TRAVEL: Rule = Rule {
    id: "eig6.defi.travel_costs",
    title: "Prise en charge des frais de déplacement des EIG domiciliés hors de la région parisienne",
    source: aap6("§4.3; annexe 3 art. 3"),
    quote: "prendre en charge les frais de déplacement des EIG domiciliés hors de la région parisienne pour les sessions d’accompagnement du programme (ateliers-conférences, expéditions apprenantes, mentorat individuel et collectif), selon la réglementation générale en vigueur pour les frais de déplacement des contractuels de droit public.",
    parameters: Parameters::declared(|| common::commitments_parameters(TRAVEL_COMMITMENTS)),
};

/// The hosts admitted, as the trace writes them.
const HOST_KINDS_ADMITTED: &str = "toute administration";

/// The profiles sought, as the trace writes them.
const PROFILES_SOUGHT_TEXT: &str =
    "design, développement, data engineering, data science, droit du numérique";

/// The people of the operational family a défi needs.
const OPERATIONAL_SUPPORT: SupportBounds =
    SupportBounds { family: RoleFamily::Operational, role: "porteur de projet", min: 1, max: None };

/// The people of the strategic family a défi needs.
const STRATEGIC_SUPPORT: SupportBounds =
    SupportBounds { family: RoleFamily::Strategic, role: "sponsor", min: 1, max: None };

/// The commitment the rule requires.
const SUSTAINABILITY_COMMITMENTS: &[Commitment] = &[Commitment::SustainabilityPlan];

/// The commitment the rule requires.
const TRAVEL_COMMITMENTS: &[Commitment] = &[Commitment::TravelCosts];

/// The levels of studies excluded.
const STUDIES_EXCLUDED: &[StudyLevel] = &[StudyLevel::FirstOrSecondCycle];

/// The same, as the trace writes them.
const STUDIES_EXCLUDED_TEXT: &str = "deux premiers cycles universitaires";

/// The channel of the call.
const CHANNEL_TEXT: &str = "formulaire en ligne de l'appel";

/// The pieces of a complete dossier.
const DOSSIER_PIECES: &str = "les informations demandées par le formulaire de l'appel";

/// The delay of the final acceptance, in days.
const ACCEPTANCE_DAYS: u8 = 15;

/// AAC6 art. 3: the promotion whose talents may not apply again.
const FORMER_PROMOTION: Promotion = Promotion::Eig5;

/// The rules of EIG6.
#[derive(Debug)]
pub(crate) struct Eig6;

impl PromotionRules for Eig6 {
    fn promotion(&self) -> Promotion {
        Promotion::Eig6
    }

    fn dossier_rule_ids(&self) -> &'static [&'static str] {
        DOSSIER_IDS
    }

    fn candidate_rule_ids(&self) -> &'static [&'static str] {
        CANDIDATE_IDS
    }

    fn dossier_rules(&self) -> &'static [Rule] {
        DOSSIER_RULES
    }

    fn candidate_rules(&self) -> &'static [Rule] {
        CANDIDATE_RULES
    }

    fn dossier(
        &self,
        dossier: &DefiDossier,
        evaluation: &mut Evaluation,
    ) -> Result<Option<FundingRoute>, EligibilityError> {
        let facts = &*FACTS;
        if let Some(window) = &facts.call_for_defis {
            evaluation
                .record(&DEADLINE, common::deadline(window.value.closes, dossier.submitted_at));
        }
        evaluation.record(
            &HOST_KIND,
            common::host_kind(dossier, &common::ALL_KINDS, HOST_KINDS_ADMITTED),
        );
        let (run, route) = common::titre2_route(FUNDING_ROUTE.id, dossier, None)?;
        evaluation.record(&FUNDING_ROUTE, run);
        if let Some(bounds) = &facts.team_size {
            evaluation
                .record(&TEAM_SIZE, common::team_size(&dossier.defi.team, bounds.value, None));
        }
        evaluation.record(
            &PROFILES,
            common::profiles(&dossier.defi.team, PROFILES_SOUGHT, PROFILES_SOUGHT_TEXT),
        );
        evaluation.record(
            &OPERATIONAL_MENTOR,
            common::support(&dossier.defi.support, OPERATIONAL_SUPPORT),
        );
        evaluation
            .record(&HIGH_LEVEL_MENTOR, common::support(&dossier.defi.support, STRATEGIC_SUPPORT));
        evaluation.record(
            &COMMITMENTS,
            common::commitments(&dossier.defi.commitments, REQUIRED_COMMITMENTS),
        );
        evaluation.record(
            &SUSTAINABILITY,
            common::commitments(&dossier.defi.commitments, SUSTAINABILITY_COMMITMENTS),
        );
        evaluation
            .record(&TRAVEL, common::commitments(&dossier.defi.commitments, TRAVEL_COMMITMENTS));
        for (rule, condition) in [
            (&PROJECT_TEAM, HostCondition::ProjectTeam),
            (&CONTACTS, HostCondition::Contacts),
            (&MENTORS_HOST_AGENTS, HostCondition::MentorsHostAgents),
            (&MENTORS_TIME, HostCondition::MentorsTime),
        ] {
            evaluation.record(rule, common::host_condition(dossier, condition));
        }
        evaluation.record(
            &PROGRAMME_PROJECT_TEAM,
            common::programme_project_team(dossier, PROGRAMME_PROJECT_CAP),
        );
        Ok(route)
    }

    fn candidate(
        &self,
        application: &CandidateApplication,
        evaluation: &mut Evaluation,
    ) -> Result<(), EligibilityError> {
        let facts = &*FACTS;
        let status = &application.candidate.status;
        if let Some(window) = &facts.call_for_candidates {
            evaluation.record(
                &CANDIDATE_DEADLINE,
                common::deadline(window.value.closes, application.submitted_at),
            );
        }
        evaluation.record(&NATURAL_PERSON, common::natural_person(status.person));
        let start = Moment::mission_start(facts, application);
        evaluation.record(&CIVIL_SERVANT, common::civil_service(status.civil_service, start));
        evaluation.record(&JURY, common::jury(status.jury_member));
        evaluation.record(
            &STUDENT,
            common::studies(status.studies, STUDIES_EXCLUDED, STUDIES_EXCLUDED_TEXT, start),
        );
        evaluation.record(
            &FORMER_EIG5,
            common::former_talent(
                status.past_participations.as_deref(),
                FORMER_PROMOTION,
                application.candidate.profile,
                application.readings.coach_exception,
            ),
        );
        if let Some(limit) = &facts.choice_limit {
            evaluation
                .record(&CHOICES, common::choices(application.choices.as_deref(), limit.value));
        }
        // The second-stage window is a fact of the promotion (eig-domain, AAC5 art. 5 §2 /
        // AAC6 art. 5).
        if let Some(window) = &facts.choice_window {
            let closing = window.value.closes;
            evaluation.record(&CHOICES_DEADLINE, common::choices_deadline(closing, application));
        }
        evaluation.record(
            &CHANNEL,
            common::channel(application.process.through_official_channel, CHANNEL_TEXT),
        );
        evaluation.record(
            &COMPLETE_DOSSIER,
            common::complete_dossier(application.process.dossier_complete, DOSSIER_PIECES),
        );
        let start_on = common::start_day(&FACTS, application);
        evaluation.record(
            &START,
            common::start_availability(
                application.process.available_from,
                start_on,
                application.candidate.profile != TalentProfile::Coach,
                common::StartException::NotStated,
            ),
        );
        evaluation.record(
            &ACCEPTANCE,
            common::acceptance(
                application.process.selection_notified_on,
                application.process.accepted_on,
                ACCEPTANCE_DAYS,
                application.readings.acceptance_last_day,
            ),
        );
        evaluation.record(
            &WAITING_LIST,
            common::waiting_list(
                application.process.from_waiting_list,
                application.process.selection_notified_on,
                common::waiting_list_until(&FACTS),
            ),
        );
        Ok(())
    }

    fn scoring_grid(&self) -> Result<ScoringGrid, EligibilityError> {
        Ok(ScoringGrid {
            promotion: Promotion::Eig6,
            criteria: vec![
                Criterion::new("Pertinence du besoin"),
                Criterion::new("Caractère entrepreneurial du projet"),
                Criterion::new("Engagement de l'administration d'accueil"),
                Criterion::new("Transformation numérique"),
                Criterion::new("Opportunités d'ouverture"),
            ],
            scale: None,
            equal_weights_stated: true,
            source: crate::rules::selection::EIG6_GRID.source.source(),
        })
    }
}
