//! EIG4 (2020–2021): the call for défis AAP4 (15 January 2020), the call for candidates AAC4
//! (May 2020) and the jury guide JURY4. Co-financing by programme 352 in titre 2 credits.

use std::sync::LazyLock;

use eig_domain::{
    Commitment, Document, FundingRoute, Promotion, PromotionFacts, Sourced, StudyLevel,
    TalentProfile,
};

use crate::{
    error::EligibilityError,
    grid::{Criterion, ScoreScale, ScoringGrid},
    input::{CandidateApplication, DefiDossier},
    rules::{
        Cite, Evaluation, Parameters, PromotionRules, Rule,
        common::{self, HostCondition, MefException, Moment, RoleFamily, SupportBounds},
    },
};

static FACTS: LazyLock<PromotionFacts> = LazyLock::new(|| Promotion::Eig4.facts());

const fn aap4(locator: &'static str) -> Cite {
    Cite(Document::Aap4, locator)
}

const fn aac4(locator: &'static str) -> Cite {
    Cite(Document::Aac4, locator)
}

const DEADLINE: Rule = Rule {
    id: "eig4.dossier.deadline",
    title: "Dépôt avant la clôture de l'appel à projets",
    source: aap4("§5.3"),
    quote: "impérativement avant la clôture de l’appel à projets, la date et l’heure de réception faisant foi : vendredi 28 février 2020 à 17h00 (heure de Paris).",
    parameters: Parameters::declared(|| common::window_parameters(FACTS.call_for_defis.as_ref())),
};
const HOST_KIND: Rule = Rule {
    id: "eig4.host.kind",
    title: "Administration pouvant répondre à l'appel à projets",
    source: aap4("§2 (note 4)"),
    quote: "Toute administration peut répondre à l’appel à projets […], mais des critères spécifiques s’appliquent pour le co-financement de la rémunération des EIG.",
    parameters: Parameters::declared(|| common::host_kind_parameters(HOST_KINDS_ADMITTED)),
};
const FUNDING_ROUTE: Rule = Rule {
    id: "eig4.host.funding_route",
    title: "Voie de financement : cofinancement en titre 2, délégation de gestion (MEF), porteur administratif ou autofinancement",
    source: aap4("§3.1–3.4"),
    quote: "Les administrations éligibles au co-financement direct sont les ministères et les administrations qui disposent d’un programme budgétaire permettant à la DINUM de leur verser des crédits en titre 2 par l’intermédiaire d’un décret de transfert en gestion. […] Les opérateurs et services déconcentrés peuvent établir une convention avec leur ministère de tutelle ou de rattachement pour recevoir les crédits. […] Les autres administrations devront prévoir un financement alternatif (autofinancement, par exemple), ou pourront établir une convention avec une administration éligible, qui deviendra le porteur administratif du défi. […] Dans tous les cas, l’administration candidate peut choisir de proposer un défi en assurant elle-même le financement du dispositif",
    parameters: Parameters::declared(|| common::titre2_route_parameters(true)),
};
const TEAM_SIZE: Rule = Rule {
    id: "eig4.defi.team_size",
    title: "Défi réalisable par deux ou trois EIG",
    source: aap4("§2"),
    quote: "Être réalisables par deux ou trois EIG (en lien avec l’équipe projet de l’administration d’accueil)",
    parameters: Parameters::declared(|| common::team_bounds_parameters(FACTS.team_size.as_ref())),
};
const PROFILES: Rule = Rule {
    id: "eig4.defi.profiles",
    title: "Expertises numériques recherchées",
    source: aap4("§2"),
    quote: "Nécessiter des expertises numériques de pointe : design (design de service, design UX, design UI, etc.), développement, data engineering, data science, géomatique.",
    parameters: Parameters::declared(|| common::profiles_parameters(PROFILES_SOUGHT_TEXT)),
};
const OPERATIONAL_MENTOR: Rule = Rule {
    id: "eig4.defi.operational_mentor",
    title: "Un ou deux mentors opérationnels identifiés",
    source: aap4("§2"),
    quote: "identifier un ou deux mentors opérationnels (agents publics de l’administration d’accueil)",
    parameters: Parameters::declared(|| common::support_parameters(OPERATIONAL_SUPPORT)),
};
const HIGH_LEVEL_MENTOR: Rule = Rule {
    id: "eig4.defi.high_level_mentor",
    title: "Un mentor de haut niveau identifié",
    source: aap4("§2"),
    quote: "identifier un mentor de haut niveau, issu de la hiérarchie de la structure porteuse du projet",
    parameters: Parameters::declared(|| common::support_parameters(STRATEGIC_SUPPORT)),
};
const COMMITMENTS: Rule = Rule {
    id: "eig4.defi.commitments",
    title: "Engagements : données et autorisations, licence libre, accessibilité, briques mutualisées, hors les murs, accompagnement",
    source: aap4("§4.3–4.4"),
    quote: "mettre à disposition des EIG les données nécessaires à la réalisation du défi et, le cas échéant, obtenir les autorisations nécessaires à leur exploitation avant le début du défi. […] publier, sauf exception prévue par la loi, et sous licence libre, les codes développés […] s’assurer que les réalisations respectent les normes d’accessibilité numérique […] autoriser les EIG à se déplacer, notamment pour les sessions d’accompagnement, et à travailler hors les murs.",
    parameters: Parameters::declared(|| common::commitments_parameters(REQUIRED_COMMITMENTS)),
};
const SUSTAINABILITY: Rule = Rule {
    id: "eig4.defi.sustainability",
    title: "Engagement à mener des actions de pérennisation",
    source: aap4("§4.5"),
    quote: "Elles s’engagent à mener des actions de pérennisation des EIG, en fonction des réussites et priorités des projets.",
    parameters: Parameters::declared(|| common::commitments_parameters(SUSTAINABILITY_COMMITMENTS)),
};

const PROJECT_TEAM: Rule = Rule {
    id: "eig4.defi.project_team",
    title: "Équipe dédiée au défi, aux profils pluridisciplinaires, constituée au sein de l'administration",
    source: aap4("§2"),
    quote: "constituer en son sein une équipe dédiée au projet, aux profils pluridisciplinaires (métiers et techniques).",
    parameters: Parameters::declared(common::host_condition_parameters),
};
const CONTACTS: Rule = Rule {
    id: "eig4.defi.contacts",
    title: "Contacts adéquats identifiés pour les EIG dans les directions de l'administration",
    source: aap4("§2"),
    quote: "identifier les contacts adéquats pour les EIG au sein des directions métiers et de la DSI afin d’intégrer pleinement le défi aux actions de l’administration d’accueil",
    parameters: Parameters::declared(common::host_condition_parameters),
};
const MENTORS_HOST_AGENTS: Rule = Rule {
    id: "eig4.defi.mentors_host_agents",
    title: "Mentors opérationnels agents publics de l'administration d'accueil",
    source: aap4("§2"),
    quote: "identifier un ou deux mentors opérationnels (agents publics de l’administration d’accueil)",
    parameters: Parameters::declared(common::host_condition_parameters),
};
const MENTORS_TIME: Rule = Rule {
    id: "eig4.defi.mentors_time",
    title: "Mentors opérationnels en capacité de consacrer du temps au défi pendant les 10 mois",
    source: aap4("§2"),
    quote: "Ces mentors doivent être en capacité de consacrer du temps au défi EIG pendant les 10 mois.",
    parameters: Parameters::declared(common::host_condition_parameters),
};

const CANDIDATE_DEADLINE: Rule = Rule {
    id: "eig4.candidate.deadline",
    title: "Candidature reçue avant la clôture (7 juin 2020 à 23h, UTC+1)",
    source: aac4("art. 1"),
    quote: "Il est ouvert du 4 mai 2020 au 7 juin 2020 à 23h (UTC+1).",
    parameters: Parameters::declared(|| {
        common::window_parameters(FACTS.call_for_candidates.as_ref())
    }),
};
const NATURAL_PERSON: Rule = Rule {
    id: "eig4.candidate.natural_person",
    title: "Candidature faite par une personne physique",
    source: aac4("art. 4"),
    quote: "La candidature est faite par une personne physique ; elle ne peut être effectuée au nom d’une personne morale.",
    parameters: Parameters::NONE,
};
const CIVIL_SERVANT: Rule = Rule {
    id: "eig4.candidate.civil_servant",
    title: "Pas fonctionnaire ou assimilé en poste au moment de la décision de la sélection",
    source: aac4("art. 4"),
    quote: "Ne peuvent concourir les fonctionnaires ou assimilés des trois fonctions publiques en poste au moment de la décision de la sélection",
    parameters: Parameters::NONE.computed(common::MOMENT_COMPUTED),
};
const JURY: Rule = Rule {
    id: "eig4.candidate.jury",
    title: "Ni membre du jury ni expert sollicité",
    source: aac4("art. 4"),
    quote: "Ne peuvent concourir les fonctionnaires ou assimilés des trois fonctions publiques en poste au moment de la décision de la sélection, les membres du jury et les experts sollicités dans le cadre du présent programme.",
    parameters: Parameters::NONE,
};
const STUDENT: Rule = Rule {
    id: "eig4.candidate.student",
    title: "Pas en scolarité dans les deux premiers cycles universitaires",
    source: aac4("art. 4"),
    quote: "Ne peuvent concourir les personnes qui seront en scolarité dans les deux premiers cycles universitaires.",
    parameters: Parameters::declared(|| common::studies_parameters(STUDIES_EXCLUDED_TEXT))
        .computed(common::MOMENT_COMPUTED),
};
const CHOICES: Rule = Rule {
    id: "eig4.candidate.choices",
    title: "Au plus trois profils, par ordre de préférence",
    source: aac4("art. 5"),
    quote: "Ils doivent préciser le ou les profils sur lesquels ils souhaitent se positionner, dans la limite de trois, par ordre de préférence.",
    parameters: Parameters::declared(|| {
        common::choice_limit_parameters(FACTS.choice_limit.as_ref())
    }),
};

const CHANNEL: Rule = Rule {
    id: "eig4.candidate.channel",
    title: "Candidature reçue par le canal de l'appel",
    source: aac4("art. 5"),
    quote: "Toute candidature utilisant un autre canal ne sera pas retenue.",
    parameters: Parameters::declared(|| common::channel_parameters(CHANNEL_TEXT)),
};
const COMPLETE_DOSSIER: Rule = Rule {
    id: "eig4.candidate.complete_dossier",
    title: "Dossier de candidature complet",
    source: aac4("art. 5"),
    quote: "Tout dossier incomplet sera écarté.",
    parameters: Parameters::declared(|| common::complete_dossier_parameters(DOSSIER_PIECES)),
};
const START: Rule = Rule {
    id: "eig4.candidate.start_availability",
    title: "Commencer son défi à la date de début de la promotion (1er septembre 2020)",
    source: aac4("art. 8"),
    quote: "Commencer leur défi à la date de début de la promotion (1er septembre 2020).",
    parameters: Parameters::declared(|| common::start_availability_parameters(true))
        .computed(common::START_AVAILABILITY_COMPUTED),
};

/// AAC4 art. 2 fn. 2 excepts the economic and financial ministries from the décret de transfert
/// that pays co-financed hosts: « A l’exception des administrations appartenant aux Ministères
/// économiques et financiers. » The footnote names no other route; AAC5 art. 2 fn. 1 has the
/// same words, and AAP5 §3.1 names the route they go with: the délégation de gestion on
/// programme 352. EIG4 reads its footnote the same way (`docs/rules/assumptions.md`,
/// `eig4-mef-delegation`), so that eligibility and `eig-funding` (which opens the route for
/// EIG4) agree.
const MEF_EXCEPTION: MefException = MefException {
    delegation: "délégation de gestion (AAC4 art. 2 fn. 2, lue avec AAP5 §3.1)",
    carrier: "porteur administratif (AAP4 §3.2)",
};

const PROGRAMME_PROJECT_TEAM: Rule = Rule {
    id: "eig4.defi.programme_project_team",
    title: "Défi EIG Link : deux entrepreneurs au plus",
    source: aac4("art. 6.3"),
    quote: "Au sein du département Etalab, deux entrepreneurs sont recrutés et financés sur le même dispositif contractuel que les autres EIG (CDD de 10 mois), dans le cadre du défi EIG Link.",
    parameters: Parameters::declared(|| {
        common::programme_project_team_parameters(PROGRAMME_PROJECT_CAP)
    }),
};
/// The number of entrepreneurs the text states for the programme's own project.
const PROGRAMME_PROJECT_CAP: u64 = 2;

rules_and_ids!(DOSSIER_RULES, DOSSIER_IDS: [DEADLINE, HOST_KIND, FUNDING_ROUTE, TEAM_SIZE, PROFILES, OPERATIONAL_MENTOR, HIGH_LEVEL_MENTOR, COMMITMENTS, SUSTAINABILITY, PROJECT_TEAM, CONTACTS, MENTORS_HOST_AGENTS, MENTORS_TIME, PROGRAMME_PROJECT_TEAM]);
rules_and_ids!(CANDIDATE_RULES, CANDIDATE_IDS: [CANDIDATE_DEADLINE, NATURAL_PERSON, CIVIL_SERVANT, JURY, STUDENT, CHOICES, CHANNEL, COMPLETE_DOSSIER, START]);

/// AAP4 §2: « design (design de service, design UX, design UI, etc.), développement, data
/// engineering, data science, géomatique ».
const PROFILES_SOUGHT: &[TalentProfile] = &[
    TalentProfile::Designer,
    TalentProfile::Developer,
    TalentProfile::DataEngineer,
    TalentProfile::DataScientist,
    TalentProfile::Geomatician,
];

const REQUIRED_COMMITMENTS: &[Commitment] = &[
    Commitment::DataAccess,
    Commitment::DataUseAuthorisation,
    Commitment::OpenSourceAndOpenData,
    Commitment::DigitalAccessibility,
    Commitment::WorkOutsideWalls,
    Commitment::Accompaniment,
    Commitment::ReuseSharedComponents,
];

/// The hosts admitted, as the trace writes them.
const HOST_KINDS_ADMITTED: &str = "toute administration";

/// The profiles sought, as the trace writes them.
const PROFILES_SOUGHT_TEXT: &str =
    "design, développement, data engineering, data science, géomatique";

/// The people of the operational family a défi needs.
const OPERATIONAL_SUPPORT: SupportBounds = SupportBounds {
    family: RoleFamily::Operational,
    role: "mentor opérationnel",
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

/// The rules of EIG4.
#[derive(Debug)]
pub(crate) struct Eig4;

impl PromotionRules for Eig4 {
    fn promotion(&self) -> Promotion {
        Promotion::Eig4
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
        let decided = Moment::selection_decided(application);
        evaluation.record(&CIVIL_SERVANT, common::civil_service(status.civil_service, decided));
        evaluation.record(&JURY, common::jury(status.jury_member));
        let start = Moment::mission_start(facts, application);
        evaluation.record(
            &STUDENT,
            common::studies(status.studies, STUDIES_EXCLUDED, STUDIES_EXCLUDED_TEXT, start),
        );
        if let Some(limit) = &facts.choice_limit {
            evaluation
                .record(&CHOICES, common::choices(application.choices.as_deref(), limit.value));
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
            promotion: Promotion::Eig4,
            criteria: vec![
                Criterion::new("Potentiel du défi proposé"),
                Criterion::new("Qualité de l'équipe d'agents publics impliquée dans le projet"),
                Criterion::new("Caractère innovant et pertinent de la solution envisagée"),
                Criterion::new(
                    "Qualité et précision de la définition du défi et cohérence de l'équipe",
                ),
                Criterion::new("Motivation pour participer au programme et garanties apportées"),
            ],
            scale: Some(Sourced::new(
                ScoreScale { min: 1, max: 4 },
                crate::rules::selection::EIG4_SCALE.source.source(),
            )),
            equal_weights_stated: false,
            source: crate::rules::selection::EIG4_GRID.source.source(),
        })
    }
}
