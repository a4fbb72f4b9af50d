//! EIG3 (2018–2019): the call for défis AAP3 (4 May 2018) and the call for candidates AAC3
//! (September 2018). PIA co-financing of 70 %, only a ministry funded directly (AAP3 §3.1).

use std::sync::LazyLock;

use eig_domain::{
    Commitment, Document, FundingRoute, HostKind, Promotion, PromotionFacts, StudyLevel,
    TalentProfile,
};

use crate::{
    error::EligibilityError,
    grid::{Criterion, ScoringGrid},
    input::{CandidateApplication, DefiDossier},
    outcome::{Fact, Reason},
    rules::{
        Cite, Evaluation, Parameters, PromotionRules, Rule, Run,
        common::{self, Declared, HostCondition, Moment, RoleFamily, SupportBounds},
    },
};

static FACTS: LazyLock<PromotionFacts> = LazyLock::new(|| Promotion::Eig3.facts());

const fn aap3(locator: &'static str) -> Cite {
    Cite(Document::Aap3, locator)
}

const fn aac3(locator: &'static str) -> Cite {
    Cite(Document::Aac3, locator)
}

const DEADLINE: Rule = Rule {
    id: "eig3.dossier.deadline",
    title: "Dépôt avant la clôture de l'appel à projets",
    source: aap3("§4.2"),
    quote: "Les défis doivent être déposés sous forme électronique, impérativement avant la clôture de l’appel à projets, la date et l’heure de réception faisant foi : vendredi 15 juin 2018 à 17h00 (heure de Paris).",
    parameters: Parameters::declared(|| common::window_parameters(FACTS.call_for_defis.as_ref())),
};
const HOST_KIND: Rule = Rule {
    id: "eig3.host.kind",
    title: "Administration pouvant présenter un défi",
    source: aap3("§3.1"),
    quote: "Les défis peuvent être présentés par une administration de l’État (ministère, administration centrale, opérateur sous tutelle, service déconcentré, voir 3.1.1), ou une autorité administrative indépendante, une collectivité territoriale, un établissement de santé (voir 3.1.2).",
    parameters: Parameters::declared(|| common::host_kind_parameters(HOST_KINDS_ADMITTED)),
};
const FUNDING_ROUTE: Rule = Rule {
    id: "eig3.host.funding_route",
    title: "Voie de financement : cofinancement PIA, porteur administratif ou autofinancement",
    source: aap3("§3.1.1–3.1.3"),
    quote: "Dans la mesure où seul un ministère est éligible à un financement direct, un défi présenté par un opérateur ou un service déconcentré devra distinguer les rôles de porteur opérationnel et de porteur administratif (le ministère de tutelle de l’opérateur ou l’administration centrale dont dépend le service déconcentré). […] les autres administrations devront prévoir un financement alternatif (autofinancement par exemple), ou, pour bénéficier du financement PIA à hauteur de 70%, elles pourront établir une convention avec un ministère qui deviendrait le porteur administratif du défi […] Dans tous les cas, l’administration candidate peut choisir de proposer un défi en assurant elle-même le financement du dispositif",
    parameters: Parameters::declared(funding_route_parameters),
};
const TEAM_SIZE: Rule = Rule {
    id: "eig3.defi.team_size",
    title: "Défi dimensionné pour deux ou trois EIG",
    source: aap3("§2.2"),
    quote: "être dimensionnés pour accueillir deux ou trois EIG",
    parameters: Parameters::declared(|| common::team_bounds_parameters(FACTS.team_size.as_ref())),
};
const PROFILES: Rule = Rule {
    id: "eig3.defi.profiles",
    title: "Expertises numériques recherchées",
    source: aap3("§2.2"),
    quote: "nécessiter des expertises numériques de pointe comme le développement web et logiciel, la géomatique, la statistique, le datamining, la data-science, la reconnaissance d’images, les réseaux neuronaux, les objets connectés, les méthodes agiles, l’ergonomie, le design d’expérience utilisateur, le design d’interface, le design de service, etc.",
    parameters: Parameters::declared(|| common::profiles_parameters(PROFILES_SOUGHT_TEXT)),
};
const OPERATIONAL_MENTOR: Rule = Rule {
    id: "eig3.defi.operational_mentor",
    title: "Un mentor opérationnel identifié",
    source: aap3("§2.2"),
    quote: "identifier deux mentors : un mentor opérationnel en charge de l’encadrement des EIG, un autre mentor de haut niveau pour faciliter la prise de décision stratégique",
    parameters: Parameters::declared(|| common::support_parameters(OPERATIONAL_SUPPORT)),
};
const HIGH_LEVEL_MENTOR: Rule = Rule {
    id: "eig3.defi.high_level_mentor",
    title: "Un mentor de haut niveau identifié",
    source: aap3("§2.2"),
    quote: "identifier deux mentors : un mentor opérationnel en charge de l’encadrement des EIG, un autre mentor de haut niveau pour faciliter la prise de décision stratégique",
    parameters: Parameters::declared(|| common::support_parameters(STRATEGIC_SUPPORT)),
};
const COMMITMENTS: Rule = Rule {
    id: "eig3.defi.commitments",
    title: "Engagements : données et environnement technique, licence libre, briques mutualisées, accompagnement hors les murs",
    source: aap3("§2.3–2.4"),
    quote: "mettre à disposition des EIG l’environnement technique et les données nécessaires à la réalisation du défi ; publier, autant que possible, et sous licence libre, les codes développés dans le cadre des défis […] des sessions d’accompagnement y seront organisées toutes les deux semaines, auxquelles devront participer les EIG et leurs mentors. […] fournir les ressources techniques et financières nécessaires à ce fonctionnement « hors les murs ».",
    parameters: Parameters::declared(|| common::commitments_parameters(REQUIRED_COMMITMENTS)),
};
const SUSTAINABILITY: Rule = Rule {
    id: "eig3.defi.sustainability",
    title: "Actions prévues pour pérenniser les résultats du défi",
    source: aap3("§2.5"),
    quote: "Pour maximiser le potentiel de transformation, l’administration d’accueil doit décrire les actions qu’elle envisage de mettre en œuvre afin de poursuivre le défi et d’en industrialiser les résultats.",
    parameters: Parameters::declared(|| common::commitments_parameters(SUSTAINABILITY_COMMITMENTS)),
};
const DATA_DRIVEN: Rule = Rule {
    id: "eig3.defi.not_purely_it",
    title: "Pas un défi d'outillage « purement informatique »",
    source: aap3("§2.1"),
    quote: "Les défis d’outillage ou « purement informatiques » n’intégrant pas de problématique métier et n’impactant pas directement les agents ou les administrés ne seront pas retenus.",
    parameters: Parameters::NONE,
};

const PROJECT_TEAM: Rule = Rule {
    id: "eig3.defi.project_team",
    title: "Équipe dédiée au projet, aux profils pluridisciplinaires, constituée au sein de l'administration",
    source: aap3("§2.2"),
    quote: "constituer en son sein une équipe dédiée au projet, aux profils pluridisciplinaires.",
    parameters: Parameters::declared(common::host_condition_parameters),
};
const CONTACTS: Rule = Rule {
    id: "eig3.defi.contacts",
    title: "Engagement à mettre à disposition des EIG les contacts adéquats",
    source: aap3("§2.2"),
    quote: "s’engager à mettre à disposition des EIG les contacts adéquats, au sein des directions métiers et de la DSI afin d’intégrer pleinement le défi aux actions du ministère",
    parameters: Parameters::declared(common::host_condition_parameters),
};

const CANDIDATE_DEADLINE: Rule = Rule {
    id: "eig3.candidate.deadline",
    title: "Candidature reçue avant la clôture de l'appel à candidatures",
    source: aac3("art. 5"),
    quote: "La clôture de l’appel à candidatures aura lieu le 15 octobre 2018 à 17h.",
    parameters: Parameters::declared(|| {
        common::window_parameters_time_zone_not_stated(FACTS.call_for_candidates.as_ref())
    }),
};
const NATURAL_PERSON: Rule = Rule {
    id: "eig3.candidate.natural_person",
    title: "Candidature faite par une personne physique",
    source: aac3("art. 4"),
    quote: "La candidature est faite par une personne physique ; elle ne peut être effectuée au nom d’une personne morale.",
    parameters: Parameters::NONE,
};
const CIVIL_SERVANT: Rule = Rule {
    id: "eig3.candidate.civil_servant",
    title: "Pas fonctionnaire ou assimilé en poste au moment de la décision de la sélection",
    source: aac3("art. 4"),
    quote: "Ne peuvent concourir les fonctionnaires ou assimilés des trois fonctions publiques en poste au moment de la décision de la sélection",
    parameters: Parameters::NONE.computed(common::MOMENT_COMPUTED),
};
const JURY: Rule = Rule {
    id: "eig3.candidate.jury",
    title: "Ni membre du jury ni expert sollicité",
    source: aac3("art. 4"),
    quote: "Ne peuvent concourir les fonctionnaires ou assimilés des trois fonctions publiques en poste au moment de la décision de la sélection, les membres du jury et les experts sollicités dans le cadre du présent programme.",
    parameters: Parameters::NONE,
};
const STUDENT: Rule = Rule {
    id: "eig3.candidate.student",
    title: "Pas en scolarité à la date de début du défi (étudiant, apprenti)",
    source: aac3("art. 4"),
    quote: "Ne peuvent concourir les personnes qui seront en scolarité à la date de début du défi, y compris dans le cadre d’un cycle universitaire (étudiant, apprenti).",
    parameters: Parameters::declared(|| common::studies_parameters(STUDIES_EXCLUDED_TEXT))
        .computed(common::MOMENT_COMPUTED),
};
const CHOICES: Rule = Rule {
    id: "eig3.candidate.choices",
    title: "Au plus deux défis choisis",
    source: aac3("art. 4–5"),
    quote: "Peut participer toute personne ayant des propositions pour les défis présentés ci-avant (dans la limite de deux). […] Les candidats doivent préciser le ou les défis sur lesquels ils souhaitent se positionner, dans la limite de deux",
    parameters: Parameters::declared(|| {
        common::choice_limit_parameters(FACTS.choice_limit.as_ref())
    }),
};

const CHANNEL: Rule = Rule {
    id: "eig3.candidate.channel",
    title: "Candidature reçue par le canal de l'appel",
    source: aac3("art. 5"),
    quote: "Toute candidature utilisant un autre canal ne sera pas retenue.",
    parameters: Parameters::declared(|| common::channel_parameters(CHANNEL_TEXT)),
};
const COMPLETE_DOSSIER: Rule = Rule {
    id: "eig3.candidate.complete_dossier",
    title: "Dossier de candidature complet",
    source: aac3("art. 5"),
    quote: "Tout dossier incomplet sera écarté.",
    parameters: Parameters::declared(|| common::complete_dossier_parameters(DOSSIER_PIECES)),
};

const PROGRAMME_PROJECT_TEAM: Rule = Rule {
    id: "eig3.defi.programme_project_team",
    title: "Défi EIG Link : deux entrepreneurs au plus",
    source: aac3("art. 6.2"),
    quote: "Au sein de la mission Etalab, deux entrepreneurs sont recrutés et financés sur le même dispositif contractuel que les autres EIG (CDD de 10 mois), dans le cadre du défi EIG Link.",
    parameters: Parameters::declared(|| {
        common::programme_project_team_parameters(PROGRAMME_PROJECT_CAP)
    }),
};
/// The number of entrepreneurs the text states for the programme's own project.
const PROGRAMME_PROJECT_CAP: u64 = 2;

rules_and_ids!(DOSSIER_RULES, DOSSIER_IDS: [DEADLINE, HOST_KIND, FUNDING_ROUTE, TEAM_SIZE, PROFILES, OPERATIONAL_MENTOR, HIGH_LEVEL_MENTOR, COMMITMENTS, SUSTAINABILITY, DATA_DRIVEN, PROJECT_TEAM, CONTACTS, PROGRAMME_PROJECT_TEAM]);
rules_and_ids!(CANDIDATE_RULES, CANDIDATE_IDS: [CANDIDATE_DEADLINE, NATURAL_PERSON, CIVIL_SERVANT, JURY, STUDENT, CHOICES, CHANNEL, COMPLETE_DOSSIER]);

/// AAP3 §2.2: « développement web et logiciel, la géomatique, la statistique, le datamining,
/// la data-science, … le design d'expérience utilisateur, le design d'interface, le design de
/// service, etc. »
const PROFILES_SOUGHT: &[TalentProfile] = &[
    TalentProfile::Developer,
    TalentProfile::DataScientist,
    TalentProfile::DataEngineer,
    TalentProfile::Designer,
    TalentProfile::Geomatician,
];

/// AAP3 §2.3 (« l’administration d’accueil doit s’engager à : mettre à disposition des EIG
/// l’environnement technique et les données …; publier …; capitaliser sur les briques
/// technologiques »), AAP3 §2.4 (accompaniment, « hors les murs »).
const REQUIRED_COMMITMENTS: &[Commitment] = &[
    Commitment::DataAccess,
    Commitment::OpenSourceAndOpenData,
    Commitment::Accompaniment,
    Commitment::WorkOutsideWalls,
    Commitment::ReuseSharedComponents,
];

/// AAP3 §2.3–2.5: the sustainability plan.
const SUSTAINABILITY_COMMITMENTS: &[Commitment] = &[Commitment::SustainabilityPlan];

/// AAP3 §3.1: the hosts admitted, as the trace writes them.
const HOST_KINDS_ADMITTED: &str = "administration de l'État (ministère, administration \
     centrale, opérateur sous tutelle, service déconcentré), autorité administrative \
     indépendante, collectivité territoriale, établissement de santé, et tout autre organisme \
     de service public (§3.1.2)";

/// AAP3 §2.2: the profiles sought, as the trace writes them.
const PROFILES_SOUGHT_TEXT: &str =
    "développement, data science, data engineering (datamining, statistique), design, géomatique";

/// AAP3 §2.2: one mentor opérationnel at least.
const OPERATIONAL_SUPPORT: SupportBounds = SupportBounds {
    family: RoleFamily::Operational,
    role: "mentor opérationnel",
    min: 1,
    max: None,
};

/// AAP3 §2.2: one mentor de haut niveau at least.
const STRATEGIC_SUPPORT: SupportBounds = SupportBounds {
    family: RoleFamily::Strategic,
    role: "mentor de haut niveau",
    min: 1,
    max: None,
};

/// AAC3 art. 4: every level of studies is excluded.
const STUDIES_EXCLUDED: &[StudyLevel] = &[
    StudyLevel::School,
    StudyLevel::FirstOrSecondCycle,
    StudyLevel::ThirdCycle,
    StudyLevel::Apprenticeship,
];

/// The same, as the trace writes it.
const STUDIES_EXCLUDED_TEXT: &str = "toute scolarité, y compris universitaire (étudiant, apprenti)";

/// AAC3 art. 5: the channel of the call.
const CHANNEL_TEXT: &str = "formulaire en ligne de l'appel";

/// AAC3 art. 5: the pieces of a complete dossier.
const DOSSIER_PIECES: &str = "les informations demandées par le formulaire de l'appel";

/// The rules of EIG3.
#[derive(Debug)]
pub(crate) struct Eig3;

impl PromotionRules for Eig3 {
    fn promotion(&self) -> Promotion {
        Promotion::Eig3
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
        let (run, route) = funding_route(dossier)?;
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
        let tooling = dossier.purely_it_tooling;
        let run = match tooling {
            None => Run::missing(vec!["purely_it_tooling"]),
            Some(false) => Run::satisfied(),
            Some(true) => Run::failed(Reason::PurelyItTooling),
        };
        evaluation.record(&DATA_DRIVEN, run.fact("purely_it_tooling", tooling));
        for (rule, condition) in
            [(&PROJECT_TEAM, HostCondition::ProjectTeam), (&CONTACTS, HostCondition::Contacts)]
        {
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
                common::deadline_time_zone_not_stated(
                    window.value.closes,
                    application.submitted_at,
                ),
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
        Ok(())
    }

    fn scoring_grid(&self) -> Result<ScoringGrid, EligibilityError> {
        Ok(ScoringGrid {
            promotion: Promotion::Eig3,
            criteria: vec![
                Criterion::new("Impact du défi proposé"),
                Criterion::new("Qualité de l'équipe d'agents publics impliquée dans le projet"),
                Criterion::new("Caractère innovant de la solution envisagée"),
                Criterion::new(
                    "Qualité et précision de la définition du défi et cohérence de l'équipe",
                ),
                Criterion::new("Adéquation avec les valeurs portées par le programme"),
            ],
            scale: None,
            equal_weights_stated: false,
            source: crate::rules::selection::EIG3_GRID.source.source(),
        })
    }
}

/// AAP3 §3.1.1–3.1.3. Precedence: self-funding (« Dans tous les cas », §3.1.3) and
/// alternative funding (§3.1.2) are exceptions to co-financing; a co-financing request with
/// either is a conflict. Under co-financing, a ministry (or a central administration, which
/// can itself be porteur administratif) is funded directly; an operator or a deconcentrated
/// service must name its porteur administratif; any other body needs a convention with a
/// ministry that becomes porteur administratif.
fn funding_route(dossier: &DefiDossier) -> Result<(Run, Option<FundingRoute>), EligibilityError> {
    let declared = common::declared(&dossier.defi.id, FUNDING_ROUTE.id, dossier.funding, true)?;
    let (run, route) = match common::non_cofinanced(&declared) {
        Some(result) => result,
        None => cofinanced(dossier),
    };
    let run = common::funding_facts(run, dossier, true);
    let run = if matches!(declared, Declared::Cofinancing)
        && !common::is_ministry(dossier.defi.hosts.operational.kind)
        && !matches!(
            dossier.defi.hosts.operational.kind,
            HostKind::StateOperator | HostKind::DeconcentratedService
        ) {
        run.fact("carrier_convention", dossier.carrier_convention)
    } else {
        run
    };
    Ok((run.parameters(funding_route_parameters()), route))
}

/// The parameters of the funding route: who is funded directly, and the order of the
/// exceptions.
fn funding_route_parameters() -> Vec<Fact> {
    vec![
        Fact::new("direct_funding", "ministère (ou administration centrale)"),
        Fact::new("precedence", "autofinancement > financement alternatif > cofinancement PIA"),
    ]
}

fn cofinanced(dossier: &DefiDossier) -> (Run, Option<FundingRoute>) {
    let operational = dossier.defi.hosts.operational.kind;
    let carrier = dossier.defi.hosts.administrative.as_ref().map(|host| host.kind);
    match (operational, carrier) {
        (_, Some(carrier)) if !common::is_ministry(carrier) => {
            (Run::failed(Reason::AdministrativeCarrierNotEligible { carrier }), None)
        }
        (HostKind::Ministry | HostKind::CentralAdministration, None) => {
            (Run::satisfied(), Some(FundingRoute::Direct))
        }
        (
            HostKind::Ministry
            | HostKind::CentralAdministration
            | HostKind::StateOperator
            | HostKind::DeconcentratedService,
            Some(_),
        ) => (Run::satisfied(), Some(FundingRoute::ThroughAdministrativeCarrier)),
        (_, None) => (Run::failed(Reason::AdministrativeCarrierRequired { operational }), None),
        (_, Some(_)) => match dossier.carrier_convention {
            Some(true) => (Run::satisfied(), Some(FundingRoute::ThroughAdministrativeCarrier)),
            Some(false) => (Run::failed(Reason::CarrierConventionMissing), None),
            None => (Run::missing(vec!["carrier_convention"]), None),
        },
    }
}
