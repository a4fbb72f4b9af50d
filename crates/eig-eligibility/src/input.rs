//! The records a caller builds: a défi dossier with the facts the rules read, and a
//! candidate's application. A fact that may be unknown is an `Option`: `None` means "not
//! supplied", and a rule that needs it reports the missing input instead of guessing.

use chrono::{DateTime, FixedOffset, NaiveDate};
use eig_domain::{Candidate, Defi, DefiId, Promotion, TalentProfile};
use serde::{Deserialize, Serialize};

/// A défi (or *projet*) dossier as a host files it: the [`Defi`] and the facts its
/// eligibility depends on.
///
/// # Example
/// ```
/// use eig_eligibility::DefiDossier;
///
/// let dossier: DefiDossier = serde_json::from_str(r#"{
///   "defi": {
///     "id": "eig3-demo", "title": "Démo", "promotion": "EIG3",
///     "hosts": {"operational": {"name": "Ministère de l'Intérieur", "kind": {"kind": "ministry"}}},
///     "team": [{"profile": "developer"}, {"profile": "data_scientist"}]
///   },
///   "submitted_at": "2018-06-15T16:59:59+02:00",
///   "funding": {"cofinancing_requested": true}
/// }"#)?;
/// assert_eq!(dossier.funding.cofinancing_requested, Some(true));
/// assert!(dossier.purely_it_tooling.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DefiDossier {
    /// The défi: promotion, hosts (porteur opérationnel and administratif), team, support
    /// roles and attested commitments.
    pub defi: Defi,
    /// When the dossier was received, with the offset it was stamped in (AAP3 §4.2: « la date
    /// et l'heure de réception faisant foi »).
    #[serde(default)]
    pub submitted_at: Option<DateTime<FixedOffset>>,
    /// How the host means to pay the talents.
    #[serde(default)]
    pub funding: FundingDeclaration,
    /// Whether a convention with the porteur administratif is declared (AAP3 §3.1.2; AAP4–AAP6
    /// §3.2: « établir une convention avec … qui deviendra le porteur administratif »).
    #[serde(default)]
    pub carrier_convention: Option<bool>,
    /// Whether the paying administration (the porteur administratif if named, else the host)
    /// has a budget programme through which DINUM can pay it titre 2 credits by décret de
    /// transfert en gestion (AAP4–AAP6 §3.1).
    #[serde(default)]
    pub titre2_programme: Option<bool>,
    /// Whether the host belongs to the economic and financial ministries (the exception of
    /// EIG4, AAC4 art. 2 fn. 2, and EIG5, AAP5 §3.1: délégation de gestion instead of the
    /// décret de transfert); asked of every EIG4 and EIG5 co-financing request.
    #[serde(default)]
    pub economic_and_financial_ministries: Option<bool>,
    /// Whether the défi is a purely IT tooling défi with no business problem (rejected by
    /// AAP3 §2.1).
    #[serde(default)]
    pub purely_it_tooling: Option<bool>,
    /// The phase of the service's product page on beta.gouv.fr (REG7 §3.1).
    #[serde(default)]
    pub beta_gouv_phase: Option<BetaPhase>,
    /// Whether the programme granted an exception to the team of two or three (AAC2 art. 4
    /// (Dossier de candidature): « en binôme ou trio (soit 2 ou 3 EIG), sauf exception »).
    #[serde(default)]
    pub team_exception_granted: Option<bool>,
    /// Whether the host constituted within itself a team dedicated to the défi, of
    /// multidisciplinary profiles (AAP4 §2: « constituer en son sein une équipe dédiée au
    /// projet, aux profils pluridisciplinaires (métiers et techniques) »; AAP3 §2.2, AAP5 and
    /// AAP6 §2 likewise). Judged only when given.
    #[serde(default)]
    pub project_team: Option<bool>,
    /// Whether the host identified the right contacts for the talents in its business
    /// directions and its IT department (AAP4 §2: « identifier les contacts adéquats pour les
    /// EIG au sein des directions métiers et de la DSI »; AAP5 and AAP6 §2 likewise; AAP3 §2.2
    /// as a commitment: « s’engager à mettre à disposition des EIG les contacts adéquats »).
    /// Judged only when given.
    #[serde(default)]
    pub contacts_identified: Option<bool>,
    /// Whether the mentors opérationnels (porteurs de projet from EIG5) are public agents of
    /// the host administration (AAP4 §2: « (agents publics de l’administration d’accueil) »;
    /// AAP5 and AAP6 §2 likewise). Judged only when given.
    #[serde(default)]
    pub mentors_host_agents: Option<bool>,
    /// Whether the mentors opérationnels (porteurs de projet from EIG5) can devote time to the
    /// défi for the ten months (AAP4 §2: « Ces mentors doivent être en capacité de consacrer du
    /// temps au défi EIG pendant les 10 mois. »; AAP5 and AAP6 §2 likewise). Judged only when
    /// given.
    #[serde(default)]
    pub mentors_have_time: Option<bool>,
    /// Whether the défi is the programme's own project within Etalab whose talents accompany
    /// the other teams: EIG Link (AAC3 art. 6.2, AAC4 art. 6.3, AAP5 §4.2.2) or Coach EIG
    /// (AAP6 §4.2.2). Its team is then held to the number of entrepreneurs the text states
    /// (AAP5 §4.2.2: « trois entrepreneurs sont recrutés et financés dans le cadre du projet
    /// EIG Link »). Judged only when given; absent from the JSON when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eig_link_or_coach: Option<bool>,
}

impl DefiDossier {
    /// A dossier for `defi` with every other fact unknown; the facts are added with the
    /// `with_*` methods. A rule that needs an unknown fact reports it missing.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{
    ///     Commitment, Defi, FundingRoute, Host, HostKind, HostRoles, Promotion, SupportRole,
    ///     TalentProfile,
    /// };
    /// use eig_eligibility::{DefiDossier, FundingDeclaration, Outcome, evaluate_dossier};
    ///
    /// let hosts = HostRoles::new(Host::new("Ministère de l'Intérieur".parse()?, HostKind::Ministry));
    /// let defi = Defi::new("eig3-ia".parse()?, "IA".parse()?, Promotion::Eig3, hosts,
    ///     [TalentProfile::DataScientist, TalentProfile::Developer]);
    /// let dossier = DefiDossier::new(defi.clone())
    ///     .with_submitted_at("2018-06-15T16:59:59+02:00".parse()?)
    ///     .with_funding(FundingDeclaration::cofinancing());
    /// // No mentor, no commitment: ineligible, every failing rule listed.
    /// assert!(matches!(evaluate_dossier(&dossier)?.outcome, Outcome::Ineligible { .. }));
    ///
    /// let defi = defi
    ///     .with_support([SupportRole::OperationalMentor, SupportRole::HighLevelMentor])
    ///     .with_commitments([Commitment::DataAccess, Commitment::OpenSourceAndOpenData,
    ///         Commitment::Accompaniment, Commitment::WorkOutsideWalls, Commitment::ReuseSharedComponents,
    ///         Commitment::SustainabilityPlan]);
    /// let dossier = DefiDossier { defi, ..dossier }.with_purely_it_tooling(false);
    /// let route = Some(FundingRoute::Direct);
    /// assert_eq!(evaluate_dossier(&dossier)?.outcome, Outcome::Eligible { funding_route: route });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(defi: Defi) -> DefiDossier {
        DefiDossier {
            defi,
            submitted_at: None,
            funding: FundingDeclaration::default(),
            carrier_convention: None,
            titre2_programme: None,
            economic_and_financial_ministries: None,
            purely_it_tooling: None,
            beta_gouv_phase: None,
            team_exception_granted: None,
            project_team: None,
            contacts_identified: None,
            mentors_host_agents: None,
            mentors_have_time: None,
            eig_link_or_coach: None,
        }
    }

    /// The dossier received at `at`.
    ///
    /// # Example
    /// ```
    /// # use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion};
    /// # use eig_eligibility::DefiDossier;
    /// # let defi = Defi::new("d".parse()?, "D".parse()?, Promotion::Eig3,
    /// #     HostRoles::new(Host::new("M".parse()?, HostKind::Ministry)), []);
    /// let dossier = DefiDossier::new(defi).with_submitted_at("2018-06-15T15:00:00Z".parse()?);
    /// assert!(dossier.submitted_at.is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_submitted_at(self, at: DateTime<FixedOffset>) -> DefiDossier {
        DefiDossier { submitted_at: Some(at), ..self }
    }

    /// The dossier with its funding declaration.
    ///
    /// # Example
    /// ```
    /// # use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion};
    /// # use eig_eligibility::{DefiDossier, FundingDeclaration};
    /// # let defi = Defi::new("d".parse()?, "D".parse()?, Promotion::Eig3,
    /// #     HostRoles::new(Host::new("M".parse()?, HostKind::Ministry)), []);
    /// let dossier = DefiDossier::new(defi).with_funding(FundingDeclaration::self_funded());
    /// assert_eq!(dossier.funding.self_funded, Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_funding(self, funding: FundingDeclaration) -> DefiDossier {
        DefiDossier { funding, ..self }
    }

    /// The dossier saying whether a convention with the porteur administratif is declared.
    ///
    /// # Example
    /// ```
    /// # use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion};
    /// # use eig_eligibility::DefiDossier;
    /// # let defi = Defi::new("d".parse()?, "D".parse()?, Promotion::Eig3,
    /// #     HostRoles::new(Host::new("M".parse()?, HostKind::Ministry)), []);
    /// assert_eq!(DefiDossier::new(defi).with_carrier_convention(true).carrier_convention, Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_carrier_convention(self, declared: bool) -> DefiDossier {
        DefiDossier { carrier_convention: Some(declared), ..self }
    }

    /// The dossier saying whether the paying administration has a budget programme able to
    /// receive titre 2 credits (AAP4–AAP6 §3.1).
    ///
    /// # Example
    /// ```
    /// # use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion};
    /// # use eig_eligibility::DefiDossier;
    /// # let defi = Defi::new("d".parse()?, "D".parse()?, Promotion::Eig4,
    /// #     HostRoles::new(Host::new("M".parse()?, HostKind::Ministry)), []);
    /// assert_eq!(DefiDossier::new(defi).with_titre2_programme(true).titre2_programme, Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_titre2_programme(self, has_one: bool) -> DefiDossier {
        DefiDossier { titre2_programme: Some(has_one), ..self }
    }

    /// The dossier saying whether the host belongs to the economic and financial ministries.
    ///
    /// # Example
    /// ```
    /// # use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion};
    /// # use eig_eligibility::DefiDossier;
    /// # let defi = Defi::new("d".parse()?, "D".parse()?, Promotion::Eig5,
    /// #     HostRoles::new(Host::new("M".parse()?, HostKind::Ministry)), []);
    /// let dossier = DefiDossier::new(defi).with_economic_and_financial_ministries(false);
    /// assert_eq!(dossier.economic_and_financial_ministries, Some(false));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_economic_and_financial_ministries(self, belongs: bool) -> DefiDossier {
        DefiDossier { economic_and_financial_ministries: Some(belongs), ..self }
    }

    /// The dossier saying whether the défi is purely IT tooling (AAP3 §2.1).
    ///
    /// # Example
    /// ```
    /// # use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion};
    /// # use eig_eligibility::DefiDossier;
    /// # let defi = Defi::new("d".parse()?, "D".parse()?, Promotion::Eig3,
    /// #     HostRoles::new(Host::new("M".parse()?, HostKind::Ministry)), []);
    /// assert_eq!(DefiDossier::new(defi).with_purely_it_tooling(false).purely_it_tooling, Some(false));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_purely_it_tooling(self, tooling: bool) -> DefiDossier {
        DefiDossier { purely_it_tooling: Some(tooling), ..self }
    }

    /// The dossier with the phase of the service on beta.gouv.fr (REG7 §3.1).
    ///
    /// # Example
    /// ```
    /// # use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion};
    /// # use eig_eligibility::{BetaPhase, DefiDossier};
    /// # let defi = Defi::new("d".parse()?, "D".parse()?, Promotion::Eig7,
    /// #     HostRoles::new(Host::new("M".parse()?, HostKind::CentralAdministration)), []);
    /// let dossier = DefiDossier::new(defi).with_beta_gouv_phase(BetaPhase::Construction);
    /// assert_eq!(dossier.beta_gouv_phase, Some(BetaPhase::Construction));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_beta_gouv_phase(self, phase: BetaPhase) -> DefiDossier {
        DefiDossier { beta_gouv_phase: Some(phase), ..self }
    }

    /// The dossier saying whether the programme granted an exception to the team size
    /// (AAC2 art. 4: « sauf exception »).
    ///
    /// # Example
    /// ```
    /// # use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion};
    /// # use eig_eligibility::DefiDossier;
    /// # let defi = Defi::new("d".parse()?, "D".parse()?, Promotion::Eig2,
    /// #     HostRoles::new(Host::new("M".parse()?, HostKind::Ministry)), []);
    /// let dossier = DefiDossier::new(defi).with_team_exception_granted(true);
    /// assert_eq!(dossier.team_exception_granted, Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_team_exception_granted(self, granted: bool) -> DefiDossier {
        DefiDossier { team_exception_granted: Some(granted), ..self }
    }
}

/// How a host declares it will pay its talents. Each flag is a fact of the dossier; several
/// at `true` may be an error (see [`crate::EligibilityError::ConflictingExceptions`]).
///
/// # Example
/// ```
/// use eig_eligibility::FundingDeclaration;
/// let self_funded = FundingDeclaration { self_funded: Some(true), ..FundingDeclaration::default() };
/// assert!(self_funded.cofinancing_requested.is_none());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FundingDeclaration {
    /// The host asks the programme to co-finance the talents (PIA for EIG3, programme 352 for
    /// EIG4–EIG6).
    #[serde(default)]
    pub cofinancing_requested: Option<bool>,
    /// The host pays the talents itself (*autofinancement*, AAP3 §3.1.3; AAP4–AAP6 §3.4).
    #[serde(default)]
    pub self_funded: Option<bool>,
    /// The host declares another source of funding (*financement alternatif*, AAP3 §3.1.2).
    #[serde(default)]
    pub alternative_funding: Option<bool>,
}

impl FundingDeclaration {
    /// The host asks for co-financing, and declares neither self-funding nor alternative
    /// funding.
    ///
    /// # Example
    /// ```
    /// use eig_eligibility::FundingDeclaration;
    ///
    /// let declared = FundingDeclaration::cofinancing();
    /// assert_eq!(
    ///     (declared.cofinancing_requested, declared.self_funded, declared.alternative_funding),
    ///     (Some(true), Some(false), Some(false))
    /// );
    /// ```
    pub const fn cofinancing() -> FundingDeclaration {
        FundingDeclaration {
            cofinancing_requested: Some(true),
            self_funded: Some(false),
            alternative_funding: Some(false),
        }
    }

    /// The host pays its talents itself (*autofinancement*) and asks for no co-financing.
    ///
    /// # Example
    /// ```
    /// use eig_eligibility::FundingDeclaration;
    ///
    /// assert_eq!(FundingDeclaration::self_funded().cofinancing_requested, Some(false));
    /// ```
    pub const fn self_funded() -> FundingDeclaration {
        FundingDeclaration {
            cofinancing_requested: Some(false),
            self_funded: Some(true),
            alternative_funding: Some(false),
        }
    }

    /// The host declares another source of funding and asks for no co-financing.
    ///
    /// # Example
    /// ```
    /// use eig_eligibility::FundingDeclaration;
    ///
    /// assert_eq!(FundingDeclaration::alternative().alternative_funding, Some(true));
    /// ```
    pub const fn alternative() -> FundingDeclaration {
        FundingDeclaration {
            cofinancing_requested: Some(false),
            self_funded: Some(false),
            alternative_funding: Some(true),
        }
    }
}

/// The phase of a service on beta.gouv.fr, or the absence of a product page.
///
/// # Example
/// ```
/// use eig_eligibility::BetaPhase;
///
/// let phase: BetaPhase = serde_json::from_str(r#""acceleration""#)?;
/// assert_eq!(phase.french(), "accélération");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BetaPhase {
    /// No product page is published on beta.gouv.fr.
    NoProductPage,
    /// *Investigation*.
    Investigation,
    /// *Construction*.
    Construction,
    /// *Accélération*.
    Acceleration,
    /// *Transfert*.
    Transfer,
    /// *Pérennisé* (success).
    Sustained,
    /// *Partenariat terminé* / abandoned.
    Ended,
}

impl BetaPhase {
    /// Every phase, in declaration order.
    ///
    /// # Example
    /// ```
    /// use eig_eligibility::BetaPhase;
    ///
    /// assert_eq!(BetaPhase::ALL.len(), 7);
    /// assert_eq!(BetaPhase::ALL[0], BetaPhase::NoProductPage);
    /// ```
    pub const ALL: [BetaPhase; 7] = [
        BetaPhase::NoProductPage,
        BetaPhase::Investigation,
        BetaPhase::Construction,
        BetaPhase::Acceleration,
        BetaPhase::Transfer,
        BetaPhase::Sustained,
        BetaPhase::Ended,
    ];

    /// The French name of the phase.
    ///
    /// # Example
    /// ```
    /// use eig_eligibility::BetaPhase;
    ///
    /// assert_eq!(BetaPhase::Investigation.french(), "investigation");
    /// ```
    pub const fn french(self) -> &'static str {
        match self {
            BetaPhase::NoProductPage => "aucune fiche produit publiée",
            BetaPhase::Investigation => "investigation",
            BetaPhase::Construction => "construction",
            BetaPhase::Acceleration => "accélération",
            BetaPhase::Transfer => "transfert",
            BetaPhase::Sustained => "pérennisé",
            BetaPhase::Ended => "terminé",
        }
    }
}

/// A candidate's application to a promotion's call for candidates.
///
/// # Example
/// ```
/// use eig_eligibility::CandidateApplication;
///
/// let application: CandidateApplication = serde_json::from_str(r#"{
///   "promotion": "EIG3",
///   "candidate": {"id": "c-1", "profile": "designer"},
///   "submitted_at": "2018-10-15T16:00:00+02:00",
///   "choices": [{"defi": "eig3-a"}, {"defi": "eig3-b"}]
/// }"#)?;
/// assert_eq!(application.choices.map(|c| c.len()), Some(2));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CandidateApplication {
    /// The promotion applied to.
    pub promotion: Promotion,
    /// The candidate and their status facts.
    pub candidate: Candidate,
    /// When the application was received.
    #[serde(default)]
    pub submitted_at: Option<DateTime<FixedOffset>>,
    /// The défis, projects or profiles chosen, in order of preference.
    #[serde(default)]
    pub choices: Option<Vec<Choice>>,
    /// When the choices were received, where they are a second stage with its own deadline
    /// (AAC5 art. 5 §2: « avant le 31 mai 2021, 23h59 (heure de Paris) »; AAC6 art. 5).
    #[serde(default)]
    pub choices_submitted_at: Option<DateTime<FixedOffset>>,
    /// The day the selection is decided, when a rule needs it (AAC3–AAC4 art. 4: « en poste au
    /// moment de la décision de la sélection »); no source dates it to the day.
    #[serde(default)]
    pub selection_decided_on: Option<NaiveDate>,
    /// The exact first day of the missions, when the sources give only the month (AAC3 art. 4:
    /// « à la date de début du défi »; the promotion starts in January 2019).
    #[serde(default)]
    pub mission_start_on: Option<NaiveDate>,
    /// Facts of the application's channel and of the steps after selection (availability,
    /// acceptance, EIG5 prolongation); each rule reading them applies only when its fact is
    /// supplied.
    #[serde(default)]
    pub process: ApplicationProcess,
    /// The caller's choice of reading where the register of interpretations offers one
    /// (`docs/rules/assumptions.md`); absent, the readings the project takes.
    #[serde(default, skip_serializing_if = "Readings::are_default")]
    pub readings: Readings,
}

/// The readings a caller may choose for a candidate's rules, where the texts admit two and
/// the register of interpretations (`docs/rules/assumptions.md`) offers the other one. Each
/// defaults to the reading the project takes; the trace names the reading applied.
///
/// # Example
/// ```
/// use eig_eligibility::{AcceptanceLastDay, CoachException, Readings};
///
/// let readings: Readings = serde_json::from_str(r#"{"coach_exception": "coach_role"}"#)?;
/// assert_eq!(readings.coach_exception, CoachException::CoachRole);
/// assert_eq!(readings.acceptance_last_day, AcceptanceLastDay::AsCounted);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Readings {
    /// Whom the EIG Coach exception excepts (AAC6 art. 3: « hormis les EIG Coachs »;
    /// `eig6.candidate.former_eig5`, register entry `eig6-coach-exception`).
    #[serde(default)]
    pub coach_exception: CoachException,
    /// Where the last day of a 15-day acceptance falls when it is a Saturday, a Sunday or a
    /// public holiday (`eig6.candidate.acceptance`, `eig5bis.candidate.acceptance`; register
    /// entry `acceptance-day-count`).
    #[serde(default)]
    pub acceptance_last_day: AcceptanceLastDay,
}

impl Readings {
    /// Whether every reading is the one the project takes.
    ///
    /// # Example
    /// ```
    /// use eig_eligibility::Readings;
    ///
    /// assert!(Readings::default().are_default());
    /// ```
    pub fn are_default(&self) -> bool {
        *self == Readings::default()
    }
}

/// Whom the EIG Coach exception excepts from the exclusion of EIG5 talents (AAC6 art. 3:
/// « hormis les EIG Coachs »).
///
/// # Example
/// ```
/// use eig_eligibility::CoachException;
///
/// assert_eq!(serde_json::to_string(&CoachException::default())?, r#""post_applied_for""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CoachException {
    /// The post applied for: a former EIG5 talent may apply to an EIG Coach post (AAC6 art. 5
    /// §5), not to another one (the project's reading).
    #[default]
    PostAppliedFor,
    /// The role held in EIG5: a talent recorded as coach in promotion 5 (its EIG Link talents,
    /// the AMI 5 bis coaches) may apply to any post; another EIG5 talent to none.
    CoachRole,
}

/// Where the last day of an acceptance « dans un délai de 15 jours » (AAC6 art. 5.6) falls.
///
/// # Example
/// ```
/// use eig_eligibility::AcceptanceLastDay;
///
/// let moved: AcceptanceLastDay = serde_json::from_str(r#""next_working_day""#)?;
/// assert_eq!(moved, AcceptanceLastDay::NextWorkingDay);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AcceptanceLastDay {
    /// The 15th calendar day after the notification, whatever day it is (the project's
    /// reading).
    #[default]
    AsCounted,
    /// A last day on a Saturday, a Sunday or a French public holiday (code du travail art.
    /// L. 3133-1) moves to the next working day, as code de procédure civile art. 642 moves a
    /// délai's last day.
    NextWorkingDay,
}

/// Facts of an application's channel and of the steps after selection. Every field is
/// optional and the rules that read one apply only when it is supplied (they are
/// commitments or steps after the application, which a caller knows only for some
/// candidates), so an application without them is judged as before.
///
/// # Example
/// ```
/// use eig_eligibility::ApplicationProcess;
///
/// let process: ApplicationProcess = serde_json::from_str(
///     r#"{"through_official_channel": true, "available_from": "2022-09-12"}"#,
/// )?;
/// assert_eq!(process.through_official_channel, Some(true));
/// assert!(process.accepted_on.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ApplicationProcess {
    /// Whether the application came through the call's own channel (its form or platform):
    /// « Toute candidature utilisant un autre canal ne sera pas retenue » (AAC2 art. 4 …
    /// REG7 §2.5 a).
    #[serde(default)]
    pub through_official_channel: Option<bool>,
    /// The first day the candidate can start (AAC4 art. 8: « Commencer leur défi à la date de
    /// début de la promotion (1er septembre 2020) »; AAC5 art. 6–7; AAC6 art. 6–7).
    #[serde(default)]
    pub available_from: Option<NaiveDate>,
    /// The day the candidate was notified of being retained (AAC6 art. 5.6).
    #[serde(default)]
    pub selection_notified_on: Option<NaiveDate>,
    /// The day the candidate gave their final acceptance (AAC6 art. 5.6: « dans un délai de
    /// 15 jours »).
    #[serde(default)]
    pub accepted_on: Option<NaiveDate>,
    /// For an EIG5 talent applying to the AMI Promotion 5 bis: whether their host offered
    /// them a contractual prolongation (AMI5bis art. 3).
    #[serde(default)]
    pub eig5_prolongation_offered: Option<bool>,
    /// Whether the programme granted the candidate an exception to the start day, for a
    /// candidate not available on it (AAC4 art. 7: « Sauf exception, les EIG lauréats
    /// intègrent l’administration le 1er septembre 2020. »; AAC5 art. 6 likewise for 13
    /// September 2021).
    #[serde(default)]
    pub start_exception_granted: Option<bool>,
    /// Whether the application holds every piece the call asks for (the caller's finding):
    /// « Tout dossier incomplet sera écarté. » (AAC4 art. 5, which also asks for « un CV au
    /// format .pdf »; the same sentence in AAC2–AAC6, AMI5bis and REG7 §2.5 a).
    #[serde(default)]
    pub dossier_complete: Option<bool>,
    /// Whether the candidate was placed on the waiting list and called on after a withdrawal
    /// (AAC6 art. 5.4: « Les autres candidat(e)s seront placé(e)s sur une liste d'attente et
    /// pourront être sollicité(e)s jusqu’au 15 juillet 2022 en cas de désistement. »; AMI5bis
    /// art. 5.4 likewise); the day they were called is `selection_notified_on`.
    #[serde(default)]
    pub from_waiting_list: Option<bool>,
    /// For an EIG7 candidate of the pool considered for a mission after the selection session
    /// that put them in it: whether they expressed the wish that their dossier be kept (REG7
    /// §2.6 b: « qui auront exprimé le souhait que leur dossier soit conservé »).
    #[serde(default)]
    pub dossier_kept: Option<bool>,
    /// Whether the EIG7 candidate is considered for a mission after the end of the bimonthly
    /// selection session that put them in the pool (REG7 §2.6 b: « de futures missions EIG en
    /// 2024 »).
    #[serde(default)]
    pub after_selection_session: Option<bool>,
}

impl CandidateApplication {
    /// An application of `candidate` to `promotion` with every other fact unknown; they are
    /// added with the `with_*` methods.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Candidate, Promotion, TalentProfile};
    /// use eig_eligibility::{CandidateApplication, Choice};
    ///
    /// let candidate = Candidate::new("c-1".parse()?, TalentProfile::Designer);
    /// let application = CandidateApplication::new(Promotion::Eig3, candidate)
    ///     .with_submitted_at("2018-10-15T16:00:00+02:00".parse()?)
    ///     .with_choices([Choice::Defi("eig3-a".parse()?)]);
    /// assert_eq!(application.choices.map(|c| c.len()), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(promotion: Promotion, candidate: Candidate) -> CandidateApplication {
        CandidateApplication {
            promotion,
            candidate,
            submitted_at: None,
            choices: None,
            choices_submitted_at: None,
            selection_decided_on: None,
            mission_start_on: None,
            process: ApplicationProcess::default(),
            readings: Readings::default(),
        }
    }

    /// The application received at `at`.
    ///
    /// # Example
    /// ```
    /// # use eig_domain::{Candidate, Promotion, TalentProfile};
    /// # use eig_eligibility::CandidateApplication;
    /// # let candidate = Candidate::new("c-1".parse()?, TalentProfile::Designer);
    /// let application = CandidateApplication::new(Promotion::Eig3, candidate)
    ///     .with_submitted_at("2018-10-15T16:00:00+02:00".parse()?);
    /// assert!(application.submitted_at.is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_submitted_at(self, at: DateTime<FixedOffset>) -> CandidateApplication {
        CandidateApplication { submitted_at: Some(at), ..self }
    }

    /// The application with its choices, in order of preference.
    ///
    /// # Example
    /// ```
    /// # use eig_domain::{Candidate, Promotion, TalentProfile};
    /// # use eig_eligibility::{CandidateApplication, Choice};
    /// # let candidate = Candidate::new("c-1".parse()?, TalentProfile::Designer);
    /// let application = CandidateApplication::new(Promotion::Eig4, candidate)
    ///     .with_choices([Choice::Profile(TalentProfile::Designer)]);
    /// assert_eq!(application.choices.map(|c| c.len()), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_choices(self, choices: impl IntoIterator<Item = Choice>) -> CandidateApplication {
        CandidateApplication { choices: Some(choices.into_iter().collect()), ..self }
    }

    /// The application whose choices were received at `at` (a second stage, EIG5–EIG6).
    ///
    /// # Example
    /// ```
    /// # use eig_domain::{Candidate, Promotion, TalentProfile};
    /// # use eig_eligibility::CandidateApplication;
    /// # let candidate = Candidate::new("c-1".parse()?, TalentProfile::Designer);
    /// let application = CandidateApplication::new(Promotion::Eig5, candidate)
    ///     .with_choices_submitted_at("2021-05-30T12:00:00+02:00".parse()?);
    /// assert!(application.choices_submitted_at.is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_choices_submitted_at(self, at: DateTime<FixedOffset>) -> CandidateApplication {
        CandidateApplication { choices_submitted_at: Some(at), ..self }
    }

    /// The application with the facts of its process (channel, acceptance, availability).
    ///
    /// # Example
    /// ```
    /// # use eig_domain::{Candidate, Promotion, TalentProfile};
    /// # use eig_eligibility::{ApplicationProcess, CandidateApplication};
    /// # let candidate = Candidate::new("c-1".parse()?, TalentProfile::Designer);
    /// let process: ApplicationProcess = serde_json::from_str(r#"{"through_official_channel": true}"#)?;
    /// let application = CandidateApplication::new(Promotion::Eig6, candidate).with_process(process);
    /// assert_eq!(application.process.through_official_channel, Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_process(self, process: ApplicationProcess) -> CandidateApplication {
        CandidateApplication { process, ..self }
    }

    /// The application judged with the selection decided on `day`.
    ///
    /// # Example
    /// ```
    /// # use eig_domain::{Candidate, Promotion, TalentProfile};
    /// # use eig_eligibility::CandidateApplication;
    /// # let candidate = Candidate::new("c-1".parse()?, TalentProfile::Designer);
    /// let day = chrono::NaiveDate::from_ymd_opt(2018, 12, 14).expect("a valid day");
    /// let application = CandidateApplication::new(Promotion::Eig3, candidate)
    ///     .with_selection_decided_on(day);
    /// assert_eq!(application.selection_decided_on, Some(day));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_selection_decided_on(self, day: NaiveDate) -> CandidateApplication {
        CandidateApplication { selection_decided_on: Some(day), ..self }
    }

    /// The application judged with the missions starting on `day`.
    ///
    /// # Example
    /// ```
    /// # use eig_domain::{Candidate, Promotion, TalentProfile};
    /// # use eig_eligibility::CandidateApplication;
    /// # let candidate = Candidate::new("c-1".parse()?, TalentProfile::Designer);
    /// let day = chrono::NaiveDate::from_ymd_opt(2019, 1, 7).expect("a valid day");
    /// let application = CandidateApplication::new(Promotion::Eig3, candidate)
    ///     .with_mission_start_on(day);
    /// assert_eq!(application.mission_start_on, Some(day));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_mission_start_on(self, day: NaiveDate) -> CandidateApplication {
        CandidateApplication { mission_start_on: Some(day), ..self }
    }
}

/// One choice of a candidate: a défi (or project), or a profile (EIG4).
///
/// # Example
/// ```
/// use eig_eligibility::Choice;
///
/// let choices: Vec<Choice> = serde_json::from_str(r#"[{"defi": "eig5-a"}, {"profile": "designer"}]"#)?;
/// assert!(matches!(choices[1], Choice::Profile(_)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Choice {
    /// A défi or project, by id.
    Defi(DefiId),
    /// A profile (AAC4 art. 5: « le ou les profils … dans la limite de trois »).
    Profile(TalentProfile),
}

#[cfg(test)]
mod tests {
    use super::BetaPhase;

    /// `BetaPhase::ALL` holds every variant once, in order: a new variant that is not in it
    /// fails to compile here (the match has no catch-all).
    #[test]
    fn every_phase_is_in_all() {
        let position = |phase: BetaPhase| match phase {
            BetaPhase::NoProductPage => 0,
            BetaPhase::Investigation => 1,
            BetaPhase::Construction => 2,
            BetaPhase::Acceleration => 3,
            BetaPhase::Transfer => 4,
            BetaPhase::Sustained => 5,
            BetaPhase::Ended => 6,
        };
        for (index, phase) in BetaPhase::ALL.into_iter().enumerate() {
            assert_eq!(position(phase), index, "{phase:?}");
        }
    }
}
