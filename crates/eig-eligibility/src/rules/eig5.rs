//! EIG5 (2021–2022): the call for projects AAP5 (1 February 2021) and the call for candidates
//! AAC5 (March 2021). As EIG4, plus the délégation de gestion exception for the economic and
//! financial ministries (AAP5 §3.1) and digital-law jurists (AAP5 §2).

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
        common::{self, HostCondition, MefException, Moment, RoleFamily, SupportBounds},
    },
};

static FACTS: LazyLock<PromotionFacts> = LazyLock::new(|| Promotion::Eig5.facts());

const fn aap5(locator: &'static str) -> Cite {
    Cite(Document::Aap5, locator)
}

const fn aac5(locator: &'static str) -> Cite {
    Cite(Document::Aac5, locator)
}

const DEADLINE: Rule = Rule {
    id: "eig5.dossier.deadline",
    title: "Dépôt avant la clôture de l'appel à projets",
    source: aap5("§5.3"),
    quote: "impérativement avant la clôture de l’appel à projets, la date et l’heure de réception faisant foi : mercredi 7 avril 2021 à 23h59 (heure de Paris).",
    parameters: Parameters::declared(|| common::window_parameters(FACTS.call_for_defis.as_ref())),
};
const HOST_KIND: Rule = Rule {
    id: "eig5.host.kind",
    title: "Administration pouvant répondre à l'appel à projets",
    source: aap5("§2 (note 4)"),
    quote: "Toute administration peut répondre à l’appel à projets […], mais des critères spécifiques s’appliquent pour le co-financement de la rémunération des EIG.",
    parameters: Parameters::declared(|| common::host_kind_parameters(HOST_KINDS_ADMITTED)),
};
const FUNDING_ROUTE: Rule = Rule {
    id: "eig5.host.funding_route",
    title: "Voie de financement : cofinancement en titre 2, délégation de gestion (MEF), porteur administratif ou autofinancement",
    source: aap5("§3.1–3.4"),
    quote: "Par exception, le cofinancement des EIG recrutés par les administrations des ministères économiques et financiers interviendra par voie de de délégation de gestion sur le programme 352 « Innovation et transformation numériques ».",
    parameters: Parameters::declared(|| common::titre2_route_parameters(true)),
};
const TEAM_SIZE: Rule = Rule {
    id: "eig5.defi.team_size",
    title: "Projet réalisable par deux ou trois profils du numérique",
    source: aap5("§2"),
    quote: "Être réalisables par deux ou trois profils du numérique (en lien avec l’équipe projet de l’administration d’accueil)",
    parameters: Parameters::declared(|| common::team_bounds_parameters(FACTS.team_size.as_ref())),
};
const PROFILES: Rule = Rule {
    id: "eig5.defi.profiles",
    title: "Expertises numériques recherchées",
    source: aap5("§2"),
    quote: "Nécessiter des expertises numériques de pointe : design, développement, data engineering, data science, géomatique ou droit du numérique.",
    parameters: Parameters::declared(|| common::profiles_parameters(PROFILES_SOUGHT_TEXT)),
};
const OPERATIONAL_MENTOR: Rule = Rule {
    id: "eig5.defi.project_lead",
    title: "Un ou deux porteurs de projet identifiés",
    source: aap5("§2"),
    quote: "identifier un ou deux porteurs de projet (agents publics de l’administration d’accueil)",
    parameters: Parameters::declared(|| common::support_parameters(OPERATIONAL_SUPPORT)),
};
const HIGH_LEVEL_MENTOR: Rule = Rule {
    id: "eig5.defi.high_level_mentor",
    title: "Un mentor de haut niveau identifié",
    source: aap5("§2"),
    quote: "identifier un mentor de haut niveau, issu de la hiérarchie de la structure porteuse du projet",
    parameters: Parameters::declared(|| common::support_parameters(STRATEGIC_SUPPORT)),
};
const COMMITMENTS: Rule = Rule {
    id: "eig5.defi.commitments",
    title: "Engagements : données et autorisations, lien avec les usagers, licence libre, accessibilité, briques mutualisées, hors les murs, accompagnement",
    source: aap5("§4.3–4.4"),
    quote: "mettre à disposition des EIG les données nécessaires à la réalisation du projet et, le cas échéant, obtenir les autorisations nécessaires à leur exploitation avant le début du projet. […] publier, sauf exception prévue par la loi, et sous licence libre, les codes et les modèles algorithmiques développés dans le cadre des projets ; […] s’assurer que les réalisations respectent les normes d’accessibilité numérique […] autoriser les EIG à se déplacer, notamment pour les sessions d’accompagnement, et à travailler hors les murs.",
    parameters: Parameters::declared(|| common::commitments_parameters(REQUIRED_COMMITMENTS)),
};
const SUSTAINABILITY: Rule = Rule {
    id: "eig5.defi.sustainability",
    title: "Engagement à mener des actions de pérennisation",
    source: aap5("§4.5"),
    quote: "Elles s’engagent à mener des actions de pérennisation des EIG, en fonction des réussites et priorités des projets.",
    parameters: Parameters::declared(|| common::commitments_parameters(SUSTAINABILITY_COMMITMENTS)),
};

const PROJECT_TEAM: Rule = Rule {
    id: "eig5.defi.project_team",
    title: "Équipe dédiée au projet, aux profils pluridisciplinaires, constituée au sein de l'administration",
    source: aap5("§2"),
    quote: "constituer en son sein une équipe consacrée au projet, aux profils pluridisciplinaires (métiers et techniques).",
    parameters: Parameters::declared(common::host_condition_parameters),
};
const CONTACTS: Rule = Rule {
    id: "eig5.defi.contacts",
    title: "Contacts adéquats identifiés pour les EIG dans les directions de l'administration",
    source: aap5("§2"),
    quote: "identifier les contacts adéquats pour les EIG au sein des directions métiers, de la DSI et de la DNUM le cas échéant, afin d’intégrer pleinement le projet aux actions de l’administration d’accueil",
    parameters: Parameters::declared(common::host_condition_parameters),
};
const MENTORS_HOST_AGENTS: Rule = Rule {
    id: "eig5.defi.mentors_host_agents",
    title: "Porteurs de projet agents publics de l'administration d'accueil",
    source: aap5("§2"),
    quote: "identifier un ou deux porteurs de projet (agents publics de l’administration d’accueil)",
    parameters: Parameters::declared(common::host_condition_parameters),
};
const MENTORS_TIME: Rule = Rule {
    id: "eig5.defi.mentors_time",
    title: "Porteurs de projet en capacité de consacrer du temps au projet pendant les 10 mois",
    source: aap5("§2"),
    quote: "Ces porteurs de projet doivent être en capacité de consacrer du temps au projet EIG pendant les 10 mois.",
    parameters: Parameters::declared(common::host_condition_parameters),
};

const CANDIDATE_DEADLINE: Rule = Rule {
    id: "eig5.candidate.deadline",
    title: "Candidature reçue avant la clôture de l'appel à candidatures",
    source: aac5("art. 4"),
    quote: "La clôture de l’appel à candidatures aura lieu le 2 mai 2021 à 23h59 (heure de Paris).",
    parameters: Parameters::declared(|| {
        common::window_parameters(FACTS.call_for_candidates.as_ref())
    }),
};
const NATURAL_PERSON: Rule = Rule {
    id: "eig5.candidate.natural_person",
    title: "Candidature faite par une personne physique",
    source: aac5("art. 3"),
    quote: "La candidature est faite par une personne physique ; elle ne peut être effectuée au nom d’une personne morale.",
    parameters: Parameters::NONE,
};
const CIVIL_SERVANT: Rule = Rule {
    id: "eig5.candidate.civil_servant",
    title: "Pas fonctionnaire ou assimilé en poste au moment du début de la promotion",
    source: aac5("art. 3"),
    quote: "Ne peuvent concourir les fonctionnaires ou assimilés des trois fonctions publiques en poste au moment du début de la promotion",
    parameters: Parameters::NONE.computed(common::MOMENT_COMPUTED),
};
const JURY: Rule = Rule {
    id: "eig5.candidate.jury",
    title: "Ni membre du jury ni expert sollicité",
    source: aac5("art. 3"),
    quote: "Ne peuvent concourir les fonctionnaires ou assimilés des trois fonctions publiques en poste au moment du début de la promotion, les membres du jury et les experts sollicités dans le cadre du présent programme.",
    parameters: Parameters::NONE,
};
const STUDENT: Rule = Rule {
    id: "eig5.candidate.student",
    title: "Pas en scolarité dans les deux premiers cycles universitaires",
    source: aac5("art. 3"),
    quote: "Ne peuvent concourir les personnes qui seront en scolarité dans les deux premiers cycles universitaires.",
    parameters: Parameters::declared(|| common::studies_parameters(STUDIES_EXCLUDED_TEXT))
        .computed(common::MOMENT_COMPUTED),
};
const CHOICES_DEADLINE: Rule = Rule {
    id: "eig5.candidate.choices_deadline",
    title: "Choix des projets reçus avant le 31 mai 2021 à 23h59 (heure de Paris)",
    source: aac5("art. 5 §2"),
    quote: "Les candidats présélectionnés devront indiquer les 3 projets […] sur la plateforme Démarches Simplifiées [lien démarches simplifiées] avant le 31 mai 2021, 23h59 (heure de Paris).",
    parameters: Parameters::declared(|| common::window_parameters(FACTS.choice_window.as_ref())),
};
const CHOICES: Rule = Rule {
    id: "eig5.candidate.choices",
    title: "Trois projets, par ordre de préférence",
    source: aac5("art. 5 §2"),
    quote: "Les candidats présélectionnés devront indiquer les 3 projets sur lesquels ils souhaitent se positionner, dans la limite de trois, et par ordre de préférence",
    parameters: Parameters::declared(|| {
        common::choice_limit_parameters(FACTS.choice_limit.as_ref())
    }),
};

const CHANNEL: Rule = Rule {
    id: "eig5.candidate.channel",
    title: "Candidature reçue par le canal de l'appel",
    source: aac5("art. 4"),
    quote: "Toute candidature utilisant un autre canal ne sera pas retenue.",
    parameters: Parameters::declared(|| common::channel_parameters(CHANNEL_TEXT)),
};
const COMPLETE_DOSSIER: Rule = Rule {
    id: "eig5.candidate.complete_dossier",
    title: "Dossier de candidature complet",
    source: aac5("art. 4"),
    quote: "Tout dossier incomplet sera écarté.",
    parameters: Parameters::declared(|| common::complete_dossier_parameters(DOSSIER_PIECES)),
};
const START: Rule = Rule {
    id: "eig5.candidate.start_availability",
    title: "Disponible pour commencer son contrat le 13 septembre 2021 (23 août 2021 pour les EIG Link)",
    source: aac5("art. 6–7"),
    quote: "Les candidats s’engagent à être disponibles pour commencer leur contrat le 13 septembre 2021 (et le 23 août pour les EIG Link).",
    parameters: Parameters::declared(|| common::start_availability_parameters(true))
        .computed(common::START_AVAILABILITY_COMPUTED),
};

/// AAP5 §3.1: « Par exception, le cofinancement des EIG recrutés par les administrations des
/// ministères économiques et financiers interviendra par voie de de délégation de gestion sur
/// le programme 352 ».
const MEF_EXCEPTION: MefException = MefException {
    delegation: "délégation de gestion (AAP5 §3.1)",
    carrier: "porteur administratif (AAP5 §3.2)",
};

const PROGRAMME_PROJECT_TEAM: Rule = Rule {
    id: "eig5.defi.programme_project_team",
    title: "Projet EIG Link : trois entrepreneurs au plus",
    source: aap5("§4.2.2"),
    quote: "Au sein du département Etalab, trois entrepreneurs sont recrutés et financés dans le cadre du projet EIG Link.",
    parameters: Parameters::declared(|| {
        common::programme_project_team_parameters(PROGRAMME_PROJECT_CAP)
    }),
};
/// The number of entrepreneurs the text states for the programme's own project.
const PROGRAMME_PROJECT_CAP: u64 = 3;

rules_and_ids!(DOSSIER_RULES, DOSSIER_IDS: [DEADLINE, HOST_KIND, FUNDING_ROUTE, TEAM_SIZE, PROFILES, OPERATIONAL_MENTOR, HIGH_LEVEL_MENTOR, COMMITMENTS, SUSTAINABILITY, PROJECT_TEAM, CONTACTS, MENTORS_HOST_AGENTS, MENTORS_TIME, PROGRAMME_PROJECT_TEAM]);
rules_and_ids!(CANDIDATE_RULES, CANDIDATE_IDS: [CANDIDATE_DEADLINE, NATURAL_PERSON, CIVIL_SERVANT, JURY, STUDENT, CHOICES, CHOICES_DEADLINE, CHANNEL, COMPLETE_DOSSIER, START]);

/// AAP5 §2: « design, développement, data engineering, data science, géomatique ou droit du
/// numérique ».
const PROFILES_SOUGHT: &[TalentProfile] = &[
    TalentProfile::Designer,
    TalentProfile::Developer,
    TalentProfile::DataEngineer,
    TalentProfile::DataScientist,
    TalentProfile::Geomatician,
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

/// The hosts admitted, as the trace writes them.
const HOST_KINDS_ADMITTED: &str = "toute administration";

/// The profiles sought, as the trace writes them.
const PROFILES_SOUGHT_TEXT: &str =
    "design, développement, data engineering, data science, géomatique, droit du numérique";

/// The people of the operational family a défi needs.
const OPERATIONAL_SUPPORT: SupportBounds = SupportBounds {
    family: RoleFamily::Operational,
    role: "porteur de projet",
    min: 1,
    max: Some(2),
};

/// The people of the strategic family a défi needs.
const STRATEGIC_SUPPORT: SupportBounds = SupportBounds {
    family: RoleFamily::Strategic,
    role: "mentor de haut niveau",
    min: 1,
    max: None,
};

/// The commitment the rule requires.
const SUSTAINABILITY_COMMITMENTS: &[Commitment] = &[Commitment::SustainabilityPlan];

/// The levels of studies excluded.
const STUDIES_EXCLUDED: &[StudyLevel] = &[StudyLevel::FirstOrSecondCycle];

/// The same, as the trace writes them.
const STUDIES_EXCLUDED_TEXT: &str = "deux premiers cycles universitaires";

/// The channel of the call.
const CHANNEL_TEXT: &str = "formulaire en ligne de l'appel";

/// The pieces of a complete dossier.
const DOSSIER_PIECES: &str =
    "les informations demandées par le formulaire de l'appel et un CV au format .pdf";

/// The rules of EIG5.
#[derive(Debug)]
pub(crate) struct Eig5;

impl PromotionRules for Eig5 {
    fn promotion(&self) -> Promotion {
        Promotion::Eig5
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
        let (run, route) = common::titre2_route(FUNDING_ROUTE.id, dossier, Some(MEF_EXCEPTION))?;
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
                true,
                common::StartException::Stated(application.process.start_exception_granted),
            ),
        );
        Ok(())
    }

    fn scoring_grid(&self) -> Result<ScoringGrid, EligibilityError> {
        Ok(ScoringGrid {
            promotion: Promotion::Eig5,
            criteria: vec![
                Criterion::new("Pertinence du besoin"),
                Criterion::new("Qualité de la définition du projet et des profils EIG"),
                Criterion::new("Engagement de l'administration d'accueil"),
                Criterion::new("Transformation numérique"),
                Criterion::new("Ouverture et mutualisation"),
            ],
            scale: None,
            equal_weights_stated: false,
            source: crate::rules::selection::EIG5_GRID.source.source(),
        })
    }
}
