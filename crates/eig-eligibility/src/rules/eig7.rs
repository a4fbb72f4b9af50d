//! EIG7 (2024–): the provisional règlement REG7. Senior entrepreneurs employed by DINUM and
//! sent on mission to beta.gouv.fr services of central administrations and State operators.

use std::sync::LazyLock;

use eig_domain::{
    Commitment, Document, FundingRoute, HostKind, Promotion, PromotionFacts, StudyLevel,
    TalentProfile,
};

use crate::{
    error::EligibilityError,
    grid::{Criterion, ScoringGrid},
    input::{BetaPhase, CandidateApplication, DefiDossier},
    outcome::{Fact, Reason},
    rules::{
        Cite, Evaluation, Parameters, PromotionRules, Rule, Run,
        common::{self, Moment, RoleFamily, SupportBounds},
    },
};

static FACTS: LazyLock<PromotionFacts> = LazyLock::new(|| Promotion::Eig7.facts());

const fn reg7(locator: &'static str) -> Cite {
    Cite(Document::Reg7, locator)
}

const HOST_KIND: Rule = Rule {
    id: "eig7.host.kind",
    title: "Administration centrale ou opérateur de l'État",
    source: reg7("§3.1"),
    quote: "Le programme EIG est destiné aux administrations centrales et aux opérateurs de l’État, dont les services numériques soutiennent les politiques publiques.",
    parameters: Parameters::declared(|| common::host_kind_parameters(HOST_KINDS_ADMITTED)),
};
const PRODUCT_PAGE: Rule = Rule {
    id: "eig7.product.beta_gouv_phase",
    title: "Fiche produit publiée sur beta.gouv.fr, en phase d'investigation, de construction ou d'accélération",
    source: reg7("§3.1"),
    quote: "Les projets éligibles concernent des services numériques dont la fiche produit est déjà publiée sur le site Web de beta.gouv.fr et se trouvent dans l’une des phases suivantes : investigation, construction ou accélération.",
    parameters: Parameters::declared(product_page_parameters),
};
const FUNDING_ROUTE: Rule = Rule {
    id: "eig7.host.funding_route",
    title: "EIG recrutés et rémunérés par la DINUM sur le programme 352",
    source: reg7("§1.2"),
    quote: "financé(e)s en intégralité en crédit de titre 2 sur le programme budgétaire n° 352",
    parameters: Parameters::declared(funding_route_parameters),
};
const TEAM_SIZE: Rule = Rule {
    id: "eig7.defi.team_size",
    title: "Un(e) ou deux EIG par service",
    source: reg7("§3.4 a"),
    quote: "ont démontré la pertinence de recourir à un(e) ou deux EIG pour (co)piloter le lancement et/ou le passage à l’échelle de services numériques",
    parameters: Parameters::declared(|| common::team_bounds_parameters(FACTS.team_size.as_ref())),
};
const PROFILES: Rule = Rule {
    id: "eig7.defi.profiles",
    title: "Profils proposés : direction de produit, direction technique",
    source: reg7("§3.3"),
    quote: "Deux profils sont proposés dans le cadre de la 7ème promotion EIG. a) Directeur ou directrice de produit […] b) Directeur ou directrice technique",
    parameters: Parameters::declared(|| common::profiles_parameters(PROFILES_SOUGHT_TEXT)),
};
const BUDGET: Rule = Rule {
    id: "eig7.partner.budget",
    title: "Budget dédié pour les 12 mois à venir du service numérique",
    source: reg7("§3.4 b"),
    quote: "L’administration partenaire s’engage à disposer d’un budget dédié pour les 12 mois à venir du service numérique.",
    parameters: Parameters::declared(|| common::commitments_parameters(BUDGET_COMMITMENTS)),
};
const SPONSOR: Rule = Rule {
    id: "eig7.partner.sponsor",
    title: "Un(e) sponsor de haut niveau nommé(e)",
    source: reg7("§3.4 b"),
    quote: "Elle s’engage notamment à nommer un(e) sponsor de haut niveau, qui organise un rendez-vous bilatéral régulier avec l’EIG ou les EIG",
    parameters: Parameters::declared(|| common::support_parameters(STRATEGIC_SUPPORT)),
};
const TELEWORK: Rule = Rule {
    id: "eig7.partner.telework",
    title: "Télétravail partiel des EIG accepté (2 jours par semaine)",
    source: reg7("§3.4 c"),
    quote: "Accepter les modalités de télétravail partiel des EIG, à hauteur de 2 jours par semaine, correspondant à leur cadre de recrutement par la DINUM.",
    parameters: Parameters::declared(|| common::commitments_parameters(TELEWORK_COMMITMENTS)),
};
/// The other six items of REG7 §3.4 c, which « l’administration partenaire s’engage à » as
/// it does to the telework: the text requires all seven.
const OPERATIONAL: Rule = Rule {
    id: "eig7.partner.operational_commitments",
    title: "Modalités opérationnelles acceptées : organigramme, ressources humaines et services techniques dès la première semaine, locaux, restauration, Incubateur",
    source: reg7("§3.4 c"),
    quote: "Afin de répondre aux ambitions d’efficience, l’administration partenaire s’engage à :",
    parameters: Parameters::declared(|| common::commitments_parameters(OPERATIONAL_COMMITMENTS)),
};
/// The six commitments of [`OPERATIONAL`].
const OPERATIONAL_COMMITMENTS: &[Commitment] = &[
    Commitment::FunctionalReportingLine,
    Commitment::HumanResourcesInFirstWeek,
    Commitment::TechnicalServicesInFirstWeek,
    Commitment::PremisesAccess,
    Commitment::CanteenAccess,
    Commitment::DinumIncubatorWork,
];

const NATURAL_PERSON: Rule = Rule {
    id: "eig7.candidate.natural_person",
    title: "Candidature faite par une personne physique",
    source: reg7("§2.1"),
    quote: "La candidature est faite par une personne physique ; elle ne peut être effectuée au nom d’une personne morale.",
    parameters: Parameters::NONE,
};
const STUDENT: Rule = Rule {
    id: "eig7.candidate.student",
    title: "Pas en scolarité dans les deux premiers cycles universitaires",
    source: reg7("§2.1"),
    quote: "Ne peuvent concourir les personnes en scolarité dans les deux premiers cycles universitaires.",
    parameters: Parameters::declared(|| common::studies_parameters(STUDIES_EXCLUDED_TEXT))
        .computed(common::MOMENT_COMPUTED),
};

const CHANNEL: Rule = Rule {
    id: "eig7.candidate.channel",
    title: "Candidature reçue par le canal de l'appel",
    source: reg7("§2.5 a"),
    quote: "Toute candidature utilisant un autre canal ne sera pas retenue.",
    parameters: Parameters::declared(|| common::channel_parameters(CHANNEL_TEXT)),
};
const COMPLETE_DOSSIER: Rule = Rule {
    id: "eig7.candidate.complete_dossier",
    title: "Dossier de candidature complet",
    source: reg7("§2.5 a"),
    quote: "Tout dossier incomplet sera écarté.",
    parameters: Parameters::declared(|| common::complete_dossier_parameters(DOSSIER_PIECES)),
};
const POOL: Rule = Rule {
    id: "eig7.candidate.pool_dossier_kept",
    title: "Dossier conservé dans le vivier pour de futures missions",
    source: reg7("§2.6 b"),
    quote: "Au terme de chaque session bimestrielle de sélection, les candidat(e)s intégré(e)s au vivier d’entrepreneur(e)s présélectionné(e)s qui auront exprimé le souhait que leur dossier soit conservé pourront se voir proposer de futures missions EIG en 2024.",
    parameters: Parameters::declared(common::pool_dossier_kept_parameters),
};

rules_and_ids!(DOSSIER_RULES, DOSSIER_IDS: [HOST_KIND, PRODUCT_PAGE, FUNDING_ROUTE, TEAM_SIZE, PROFILES, BUDGET, SPONSOR, TELEWORK, OPERATIONAL]);
rules_and_ids!(CANDIDATE_RULES, CANDIDATE_IDS: [NATURAL_PERSON, STUDENT, CHANNEL, COMPLETE_DOSSIER, POOL]);

/// REG7 §3.1: « administrations centrales et … opérateurs de l'État »; a ministry is its central
/// administration.
const ADMITTED: &[HostKind] =
    &[HostKind::Ministry, HostKind::CentralAdministration, HostKind::StateOperator];

const PROFILES_SOUGHT: &[TalentProfile] =
    &[TalentProfile::ProductDirector, TalentProfile::TechnicalDirector];

/// The hosts admitted, as the trace writes them.
const HOST_KINDS_ADMITTED: &str = "administration centrale (ministère), opérateur de l'État";

/// The profiles sought, as the trace writes them.
const PROFILES_SOUGHT_TEXT: &str = "directeur·rice de produit, directeur·rice technique";

/// The people of the strategic family a défi needs.
const STRATEGIC_SUPPORT: SupportBounds = SupportBounds {
    family: RoleFamily::Strategic,
    role: "sponsor de haut niveau",
    min: 1,
    max: None,
};

/// The commitment the rule requires.
const BUDGET_COMMITMENTS: &[Commitment] = &[Commitment::TwelveMonthBudget];

/// The commitment the rule requires.
const TELEWORK_COMMITMENTS: &[Commitment] = &[Commitment::PartialTelework];

/// The levels of studies excluded.
const STUDIES_EXCLUDED: &[StudyLevel] = &[StudyLevel::FirstOrSecondCycle];

/// The same, as the trace writes them.
const STUDIES_EXCLUDED_TEXT: &str = "deux premiers cycles universitaires";

/// The channel of the call.
const CHANNEL_TEXT: &str = "plateforme Démarches simplifiées (aac-eig7)";

/// The pieces of a complete dossier.
const DOSSIER_PIECES: &str =
    "les six sections du dossier, dont la présentation et le curriculum vitae";

/// The parameters of the product page rule: the phases admitted.
fn product_page_parameters() -> Vec<Fact> {
    vec![Fact::new("phases", "investigation, construction, accélération")]
}

/// The parameters of the funding route: the talents are employed by DINUM.
fn funding_route_parameters() -> Vec<Fact> {
    vec![Fact::new("route", FundingRoute::EmployedByDinum.french())]
}

/// The rules of EIG7.
#[derive(Debug)]
pub(crate) struct Eig7;

impl PromotionRules for Eig7 {
    fn promotion(&self) -> Promotion {
        Promotion::Eig7
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
        evaluation.record(&HOST_KIND, common::host_kind(dossier, ADMITTED, HOST_KINDS_ADMITTED));
        let phase = dossier.beta_gouv_phase;
        let run = match phase {
            None => Run::missing(vec!["beta_gouv_phase"]),
            Some(BetaPhase::Investigation | BetaPhase::Construction | BetaPhase::Acceleration) => {
                Run::satisfied()
            }
            Some(phase) => Run::failed(Reason::ProductPhaseNotAdmitted { phase }),
        };
        evaluation.record(
            &PRODUCT_PAGE,
            run.fact("beta_gouv_phase", phase.map(BetaPhase::french))
                .parameters(product_page_parameters()),
        );
        evaluation.record(&FUNDING_ROUTE, Run::satisfied().parameters(funding_route_parameters()));
        if let Some(bounds) = &facts.team_size {
            evaluation
                .record(&TEAM_SIZE, common::team_size(&dossier.defi.team, bounds.value, None));
        }
        evaluation.record(
            &PROFILES,
            common::profiles(&dossier.defi.team, PROFILES_SOUGHT, PROFILES_SOUGHT_TEXT),
        );
        evaluation
            .record(&BUDGET, common::commitments(&dossier.defi.commitments, BUDGET_COMMITMENTS));
        evaluation.record(&SPONSOR, common::support(&dossier.defi.support, STRATEGIC_SUPPORT));
        evaluation.record(
            &TELEWORK,
            common::commitments(&dossier.defi.commitments, TELEWORK_COMMITMENTS),
        );
        evaluation.record(
            &OPERATIONAL,
            common::commitments(&dossier.defi.commitments, OPERATIONAL_COMMITMENTS),
        );
        Ok(Some(FundingRoute::EmployedByDinum))
    }

    fn candidate(
        &self,
        application: &CandidateApplication,
        evaluation: &mut Evaluation,
    ) -> Result<(), EligibilityError> {
        let status = &application.candidate.status;
        evaluation.record(&NATURAL_PERSON, common::natural_person(status.person));
        evaluation.record(
            &STUDENT,
            common::studies(
                status.studies,
                STUDIES_EXCLUDED,
                STUDIES_EXCLUDED_TEXT,
                Moment::candidacy(application),
            ),
        );
        evaluation.record(
            &CHANNEL,
            common::channel(application.process.through_official_channel, CHANNEL_TEXT),
        );
        evaluation.record(
            &COMPLETE_DOSSIER,
            common::complete_dossier(application.process.dossier_complete, DOSSIER_PIECES),
        );
        evaluation.record(
            &POOL,
            common::pool_dossier_kept(
                application.process.after_selection_session,
                application.process.dossier_kept,
            ),
        );
        Ok(())
    }

    fn scoring_grid(&self) -> Result<ScoringGrid, EligibilityError> {
        Ok(ScoringGrid {
            promotion: Promotion::Eig7,
            criteria: vec![
                Criterion::new("Cadre de politique publique"),
                Criterion::new("Niveau de sponsoring"),
                Criterion::new("Ambition entrepreneuriale"),
                Criterion::new("Résultats escomptés"),
                Criterion::new("Opportunité de l'approche"),
            ],
            scale: None,
            equal_weights_stated: false,
            source: crate::rules::selection::EIG7_GRID.source.source(),
        })
    }
}
