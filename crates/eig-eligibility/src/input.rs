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
