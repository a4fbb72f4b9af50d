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
    outcome::Reason,
    rules::{
        Cite, Evaluation, PromotionRules, Rule, Run,
        common::{self, Moment, RoleFamily},
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
};
const PRODUCT_PAGE: Rule = Rule {
    id: "eig7.product.beta_gouv_phase",
    title: "Fiche produit publiée sur beta.gouv.fr, en phase d'investigation, de construction ou d'accélération",
    source: reg7("§3.1"),
    quote: "Les projets éligibles concernent des services numériques dont la fiche produit est déjà publiée sur le site Web de beta.gouv.fr et se trouvent dans l’une des phases suivantes : investigation, construction ou accélération.",
};
const FUNDING_ROUTE: Rule = Rule {
    id: "eig7.host.funding_route",
    title: "EIG recrutés et rémunérés par la DINUM sur le programme 352",
    source: reg7("§1.2"),
    quote: "financé(e)s en intégralité en crédit de titre 2 sur le programme budgétaire n° 352",
};
const TEAM_SIZE: Rule = Rule {
    id: "eig7.defi.team_size",
    title: "Un(e) ou deux EIG par service",
    source: reg7("§3.4 a"),
    quote: "ont démontré la pertinence de recourir à un(e) ou deux EIG pour (co)piloter le lancement et/ou le passage à l’échelle de services numériques",
};
const PROFILES: Rule = Rule {
    id: "eig7.defi.profiles",
    title: "Profils proposés : direction de produit, direction technique",
    source: reg7("§3.3"),
    quote: "Deux profils sont proposés dans le cadre de la 7ème promotion EIG. a) Directeur ou directrice de produit […] b) Directeur ou directrice technique",
};
const BUDGET: Rule = Rule {
    id: "eig7.partner.budget",
    title: "Budget dédié pour les 12 mois à venir du service numérique",
    source: reg7("§3.4 b"),
    quote: "L’administration partenaire s’engage à disposer d’un budget dédié pour les 12 mois à venir du service numérique.",
};
const SPONSOR: Rule = Rule {
    id: "eig7.partner.sponsor",
    title: "Un(e) sponsor de haut niveau nommé(e)",
    source: reg7("§3.4 b"),
    quote: "Elle s’engage notamment à nommer un(e) sponsor de haut niveau, qui organise un rendez-vous bilatéral régulier avec l’EIG ou les EIG",
};
const TELEWORK: Rule = Rule {
    id: "eig7.partner.telework",
    title: "Télétravail partiel des EIG accepté (2 jours par semaine)",
    source: reg7("§3.4 c"),
    quote: "Accepter les modalités de télétravail partiel des EIG, à hauteur de 2 jours par semaine, correspondant à leur cadre de recrutement par la DINUM.",
};
/// The other six items of REG7 §3.4 c, which « l’administration partenaire s’engage à » as
/// it does to the telework: the text requires all seven.
const OPERATIONAL: Rule = Rule {
    id: "eig7.partner.operational_commitments",
    title: "Modalités opérationnelles acceptées : organigramme, ressources humaines et services techniques dès la première semaine, locaux, restauration, Incubateur",
    source: reg7("§3.4 c"),
    quote: "Afin de répondre aux ambitions d’efficience, l’administration partenaire s’engage à :",
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
};
const STUDENT: Rule = Rule {
    id: "eig7.candidate.student",
    title: "Pas en scolarité dans les deux premiers cycles universitaires",
    source: reg7("§2.1"),
    quote: "Ne peuvent concourir les personnes en scolarité dans les deux premiers cycles universitaires.",
};

const CHANNEL: Rule = Rule {
    id: "eig7.candidate.channel",
    title: "Candidature reçue par le canal de l'appel",
    source: reg7("§2.5 a"),
    quote: "Toute candidature utilisant un autre canal ne sera pas retenue.",
};
const COMPLETE_DOSSIER: Rule = Rule {
    id: "eig7.candidate.complete_dossier",
    title: "Dossier de candidature complet",
    source: reg7("§2.5 a"),
    quote: "Tout dossier incomplet sera écarté.",
};
const POOL: Rule = Rule {
    id: "eig7.candidate.pool_dossier_kept",
    title: "Dossier conservé dans le vivier pour de futures missions",
    source: reg7("§2.6 b"),
    quote: "Au terme de chaque session bimestrielle de sélection, les candidat(e)s intégré(e)s au vivier d’entrepreneur(e)s présélectionné(e)s qui auront exprimé le souhait que leur dossier soit conservé pourront se voir proposer de futures missions EIG en 2024.",
};

rules_and_ids!(DOSSIER_RULES, DOSSIER_IDS: [HOST_KIND, PRODUCT_PAGE, FUNDING_ROUTE, TEAM_SIZE, PROFILES, BUDGET, SPONSOR, TELEWORK, OPERATIONAL]);
rules_and_ids!(CANDIDATE_RULES, CANDIDATE_IDS: [NATURAL_PERSON, STUDENT, CHANNEL, COMPLETE_DOSSIER, POOL]);

/// REG7 §3.1: « administrations centrales et … opérateurs de l'État »; a ministry is its central
/// administration.
const ADMITTED: &[HostKind] =
    &[HostKind::Ministry, HostKind::CentralAdministration, HostKind::StateOperator];

const PROFILES_SOUGHT: &[TalentProfile] =
    &[TalentProfile::ProductDirector, TalentProfile::TechnicalDirector];

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
        evaluation.record(
            &HOST_KIND,
            common::host_kind(
                dossier,
                ADMITTED,
                "administration centrale (ministère), opérateur de l'État",
            ),
        );
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
                .parameter("phases", "investigation, construction, accélération"),
        );
        evaluation.record(
            &FUNDING_ROUTE,
            Run::satisfied().parameter("route", FundingRoute::EmployedByDinum.french()),
        );
        if let Some(bounds) = &facts.team_size {
            evaluation
                .record(&TEAM_SIZE, common::team_size(&dossier.defi.team, bounds.value, None));
        }
        evaluation.record(
            &PROFILES,
            common::profiles(
                &dossier.defi.team,
                PROFILES_SOUGHT,
                "directeur·rice de produit, directeur·rice technique",
            ),
        );
        evaluation.record(
            &BUDGET,
            common::commitments(&dossier.defi.commitments, &[Commitment::TwelveMonthBudget]),
        );
        evaluation.record(
            &SPONSOR,
            common::support(
                &dossier.defi.support,
                RoleFamily::Strategic,
                "sponsor de haut niveau",
                1,
                None,
            ),
        );
        evaluation.record(
            &TELEWORK,
            common::commitments(&dossier.defi.commitments, &[Commitment::PartialTelework]),
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
                &[StudyLevel::FirstOrSecondCycle],
                "deux premiers cycles universitaires",
                Moment::candidacy(application),
            ),
        );
        evaluation.record(
            &CHANNEL,
            common::channel(
                application.process.through_official_channel,
                "plateforme Démarches simplifiées (aac-eig7)",
            ),
        );
        evaluation.record(
            &COMPLETE_DOSSIER,
            common::complete_dossier(
                application.process.dossier_complete,
                "les six sections du dossier, dont la présentation et le curriculum vitae",
            ),
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
