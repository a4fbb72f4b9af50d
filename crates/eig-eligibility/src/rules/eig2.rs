//! EIG2 (2017–2018): no cahier des charges of the call for défis is in the sources; the
//! règlement of the call for candidates AAC2 (September 2017) states that the défis came from
//! « un appel à projets interne à l'Etat », the team of 2 or 3 « sauf exception », and how the
//! PIA paid the hosts (AAC2 art. 2). AAP3 §3.1.3 records two self-funded EIG2 défis.

use std::sync::LazyLock;

use eig_domain::{Document, FundingRoute, HostKind, Promotion, PromotionFacts, StudyLevel};

use crate::{
    error::EligibilityError,
    grid::ScoringGrid,
    input::{CandidateApplication, DefiDossier},
    outcome::Fact,
    rules::{
        Cite, Evaluation, Parameters, PromotionRules, Rule, Run,
        common::{self, Moment},
    },
};

static FACTS: LazyLock<PromotionFacts> = LazyLock::new(|| Promotion::Eig2.facts());

const fn aac2(locator: &'static str) -> Cite {
    Cite(Document::Aac2, locator)
}

const HOST_KIND: Rule = Rule {
    id: "eig2.host.kind",
    title: "Défi issu d'un appel à projets interne à l'État",
    source: aac2("préambule"),
    quote: "Ces défis ont fait l’objet d’une sélection en juillet 2017, à l’occasion d’un appel à projets interne à l’Etat.",
    parameters: Parameters::declared(|| common::host_kind_parameters(HOST_KINDS_ADMITTED)),
};
const FUNDING_ROUTE: Rule = Rule {
    id: "eig2.host.funding_route",
    title: "Voie de financement : rémunération versée par la CDC (PIA) ou autofinancement",
    source: aac2("art. 2"),
    quote: "L’administration d’accueil établit un contrat de travail avec l’entrepreneur.e lauréat.e, comprenant la rémunération susmentionnée. Elle conventionne ensuite avec la Caisse des dépôts et consignations, afin que cette dernière opère le versement du montant correspondant à la rémunération de l’EIG via un fonds de concours.",
    parameters: Parameters::declared(funding_route_parameters),
};
const TEAM_SIZE: Rule = Rule {
    id: "eig2.defi.team_size",
    title: "Défi réalisé en binôme ou trio (2 ou 3 EIG), sauf exception",
    source: aac2("art. 4 (Dossier de candidature)"),
    quote: "Chaque défi sera réalisé en binôme ou trio (soit 2 ou 3 EIG), sauf exception.",
    parameters: Parameters::declared(|| common::team_bounds_parameters(FACTS.team_size.as_ref())),
};

const CANDIDATE_DEADLINE: Rule = Rule {
    id: "eig2.candidate.deadline",
    title: "Candidature reçue avant la clôture de l'appel à candidatures",
    source: aac2("art. 4 (Dossier de candidature)"),
    quote: "La clôture de l’appel à candidatures aura lieu à 17 heures le 27 octobre 2017.",
    parameters: Parameters::declared(|| {
        common::window_parameters_time_zone_not_stated(FACTS.call_for_candidates.as_ref())
    }),
};
const NATURAL_PERSON: Rule = Rule {
    id: "eig2.candidate.natural_person",
    title: "Candidature faite par une personne physique",
    source: aac2("art. 4 (Conditions d'éligibilité)"),
    quote: "La candidature est faite par une personne physique ; elle ne peut être effectuée au nom d’une personne morale.",
    parameters: Parameters::NONE,
};
const CIVIL_SERVANT: Rule = Rule {
    id: "eig2.candidate.civil_servant",
    title: "Pas agent en fonction dans l'administration",
    source: aac2("art. 4 (Conditions d'éligibilité)"),
    quote: "Ne peuvent concourir les agents en fonction dans l’administration, les membres du jury et les experts sollicités dans le cadre du présent programme.",
    parameters: Parameters::NONE.computed(common::MOMENT_COMPUTED),
};
const JURY: Rule = Rule {
    id: "eig2.candidate.jury",
    title: "Ni membre du jury ni expert sollicité",
    source: aac2("art. 4 (Conditions d'éligibilité)"),
    quote: "Ne peuvent concourir les agents en fonction dans l’administration, les membres du jury et les experts sollicités dans le cadre du présent programme.",
    parameters: Parameters::NONE,
};
const STUDENT: Rule = Rule {
    id: "eig2.candidate.student",
    title: "Pas actuellement en scolarité (étudiant, apprenti)",
    source: aac2("art. 4 (Conditions d'éligibilité)"),
    quote: "Ne peuvent concourir les personnes actuellement en scolarité, y compris dans le cadre d’un cycle universitaire (étudiant, apprenti).",
    parameters: Parameters::declared(|| common::studies_parameters(STUDIES_EXCLUDED_TEXT))
        .computed(common::MOMENT_COMPUTED),
};
const CHOICES: Rule = Rule {
    id: "eig2.candidate.choices",
    title: "Au plus trois défis",
    source: aac2("art. 4 (Conditions d'éligibilité)"),
    quote: "Si les candidats souhaitent candidater à plusieurs défis, il est possible de le renseigner lors de la candidature, dans la limite de 3 défis maximum.",
    parameters: Parameters::declared(|| {
        common::choice_limit_parameters(FACTS.choice_limit.as_ref())
    }),
};

const CHANNEL: Rule = Rule {
    id: "eig2.candidate.channel",
    title: "Candidature reçue par le canal de l'appel",
    source: aac2("art. 4 (Dossier de candidature)"),
    quote: "Toute candidature utilisant un autre canal ne sera pas retenue.",
    parameters: Parameters::declared(|| common::channel_parameters(CHANNEL_TEXT)),
};
const COMPLETE_DOSSIER: Rule = Rule {
    id: "eig2.candidate.complete_dossier",
    title: "Dossier de candidature complet",
    source: aac2("art. 4 (Dossier de candidature)"),
    quote: "Tout dossier incomplet sera écarté.",
    parameters: Parameters::declared(|| common::complete_dossier_parameters(DOSSIER_PIECES)),
};

rules_and_ids!(DOSSIER_RULES, DOSSIER_IDS: [HOST_KIND, FUNDING_ROUTE, TEAM_SIZE]);
rules_and_ids!(CANDIDATE_RULES, CANDIDATE_IDS: [CANDIDATE_DEADLINE, NATURAL_PERSON, CIVIL_SERVANT, JURY, STUDENT, CHOICES, CHANNEL, COMPLETE_DOSSIER]);

/// AAC2 préambule: « interne à l'Etat »: the bodies of the State. Collectivités territoriales, their groupings
/// and health establishments are outside it.
const STATE_BODIES: &[HostKind] = &[
    HostKind::Ministry,
    HostKind::CentralAdministration,
    HostKind::StateOperator,
    HostKind::DeconcentratedService,
    HostKind::IndependentAuthority,
    HostKind::Jurisdiction,
    HostKind::OtherStateBody,
];

/// The same, as the trace writes them.
const HOST_KINDS_ADMITTED: &str = "organismes de l'État : ministère, administration centrale, \
     opérateur, service déconcentré, autorité administrative indépendante, juridiction, autre \
     organisme de l'État";

/// AAC2 art. 4: every level of studies is excluded.
const STUDIES_EXCLUDED: &[StudyLevel] = &[
    StudyLevel::School,
    StudyLevel::FirstOrSecondCycle,
    StudyLevel::ThirdCycle,
    StudyLevel::Apprenticeship,
];

/// The same, as the trace writes it.
const STUDIES_EXCLUDED_TEXT: &str = "toute scolarité, y compris universitaire (étudiant, apprenti)";

/// AAC2 art. 4: the channel of the call.
const CHANNEL_TEXT: &str = "formulaire framaforms de l'appel (page de l'appel à candidature)";

/// AAC2 art. 4: the pieces of a complete dossier.
const DOSSIER_PIECES: &str =
    "les éléments nécessaires à l'étude de la candidature, par le formulaire de l'appel";

/// The parameters of the funding route: how a talent is paid, and the order of the
/// exceptions.
fn funding_route_parameters() -> Vec<Fact> {
    vec![
        Fact::new(
            "route",
            "contrat signé par l'administration d'accueil, puis convention avec la CDC qui verse \
             la rémunération via un fonds de concours (AAC2 art. 2) ; autofinancement possible \
             (AAP3 §3.1.3)",
        ),
        Fact::new("precedence", "autofinancement > rémunération par la CDC"),
    ]
}

/// The rules of EIG2.
#[derive(Debug)]
pub(crate) struct Eig2;

impl PromotionRules for Eig2 {
    fn promotion(&self) -> Promotion {
        Promotion::Eig2
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
        evaluation
            .record(&HOST_KIND, common::host_kind(dossier, STATE_BODIES, HOST_KINDS_ADMITTED));
        let declared =
            common::declared(&dossier.defi.id, FUNDING_ROUTE.id, dossier.funding, false)?;
        let (run, route) = match common::non_cofinanced(&declared) {
            Some(result) => result,
            None => (Run::satisfied(), Some(FundingRoute::Direct)),
        };
        let run = common::funding_facts(run, dossier, false).parameters(funding_route_parameters());
        evaluation.record(&FUNDING_ROUTE, run);
        if let Some(bounds) = &facts.team_size {
            evaluation.record(
                &TEAM_SIZE,
                common::team_size(&dossier.defi.team, bounds.value, dossier.team_exception_granted),
            );
        }
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
        let candidacy = Moment::candidacy(application);
        evaluation.record(&CIVIL_SERVANT, common::civil_service(status.civil_service, candidacy));
        evaluation.record(&JURY, common::jury(status.jury_member));
        evaluation.record(
            &STUDENT,
            common::studies(status.studies, STUDIES_EXCLUDED, STUDIES_EXCLUDED_TEXT, candidacy),
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
        Err(EligibilityError::NoPublishedRules {
            promotion: Promotion::Eig2,
            scope: crate::error::SCOPE_DEFI_GRID,
        })
    }
}
