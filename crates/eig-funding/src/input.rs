//! What the caller supplies: the défis of a promotion in rank order, their route (decided by
//! `eig-eligibility`), their talents and employer costs, and the scenario.

use eig_domain::{
    CandidateId, DefiId, Euros, Experience, FundingRoute, HostKind, Label, Promotion,
};
use serde::{Deserialize, Serialize};

use crate::{parameter::Override, split::RoundingRule};

/// A promotion's laureate défis, in the jury's rank order (the order the envelope policy
/// follows).
///
/// # Example
/// ```
/// use eig_funding::PromotionInput;
///
/// let input: PromotionInput = serde_json::from_str(r#"{
///   "promotion": "EIG3",
///   "defis": [{ "defi": "d1", "route": "direct", "host": { "kind": "ministry" },
///               "talents": [{ "talent": "t1", "employer_cost": { "contract": "70000" } }] }]
/// }"#)?;
/// assert_eq!(input.defis[0].talents.len(), 1);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PromotionInput {
    /// The promotion.
    pub promotion: Promotion,
    /// The défis, best ranked first; each once.
    pub defis: Vec<DefiFunding>,
}

impl PromotionInput {
    /// The input of `promotion` with its défis, best ranked first.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{FundingRoute, HostKind, Promotion};
    /// use eig_funding::{DefiFunding, PromotionInput, TalentInput};
    ///
    /// let defi = DefiFunding::new("d1".parse()?, FundingRoute::Direct, HostKind::Ministry)
    ///     .with_talent(TalentInput::new("t1".parse()?));
    /// let input = PromotionInput::new(Promotion::Eig3, [defi]);
    /// assert_eq!(input.defis.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        promotion: Promotion,
        defis: impl IntoIterator<Item = DefiFunding>,
    ) -> PromotionInput {
        PromotionInput { promotion, defis: defis.into_iter().collect() }
    }
}

/// One défi's funding input: its funding route, its host, its phase and its talents.
///
/// Named apart from `eig_matching::DefiSeats` (a défi's seats in the matching): the two crates
/// describe different facts of the same défi.
///
/// JSON: `{"defi": "d1", "route": "direct", "host": {"kind": "ministry"}, "talents": [...]}`;
/// `host` is the kind of the porteur opérationnel, which the funding rules check the route
/// against (see [`plan_defi`](crate::plan_defi)).
///
/// # Example
/// ```
/// use eig_domain::{FundingRoute, HostKind, Promotion};
/// use eig_funding::{DefiFunding, Phase, TalentInput};
///
/// // An EIG6 prolongation (AAC6+): the caller states its length.
/// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1", "route": "direct",
///   "host": { "kind": "ministry" }, "phase": "prolongation", "contract_months": 6,
///   "talents": [ { "talent": "t1", "employer_cost": { "monthly": "6500" } } ] }"#)?;
/// assert_eq!(defi.phase, Phase::Prolongation);
/// assert!(serde_json::from_str::<DefiFunding>(r#"{ "defi": "d1", "route": "direct",
///   "host": { "kind": "ministry" }, "talents": [], "colour": "blue" }"#).is_err());
///
/// // The same shape built in Rust.
/// let built = DefiFunding::new("d1".parse()?, FundingRoute::Direct, HostKind::Ministry)
///     .with_phase(Phase::Prolongation)
///     .with_contract_months(6)
///     .with_talent(TalentInput::new("t1".parse()?).with_employer_cost(
///         eig_funding::EmployerCost::Monthly("6500".parse()?)));
/// assert_eq!(built, defi);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DefiFunding {
    /// The défi.
    pub defi: DefiId,
    /// How its talents are paid (decided by `eig-eligibility`).
    pub route: FundingRoute,
    /// The kind of its porteur opérationnel: the route must be one the texts open to it.
    pub host: HostKind,
    /// The *porteur administratif* that receives the programme's money for the host, on
    /// [`FundingRoute::ThroughAdministrativeCarrier`] (required on that route).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub administrative_carrier: Option<Label>,
    /// The initial 10-month missions or a prolongation.
    #[serde(default)]
    pub phase: Phase,
    /// The contract length in months; `None`: the promotion's (10 for EIG1–EIG6, 12 for
    /// EIG7). Required for DIG1 and for prolongations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(range(min = 1)))]
    pub contract_months: Option<u8>,
    /// The talents, in the défi's order; at most the promotion's team size, each once.
    pub talents: Vec<TalentInput>,
}

impl DefiFunding {
    /// A défi's funding input with no talent, the initial missions and the promotion's
    /// contract length; the rest is added with the `with_*` methods.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{FundingRoute, HostKind};
    /// use eig_funding::{DefiFunding, Phase};
    ///
    /// let defi = DefiFunding::new("d1".parse()?, FundingRoute::Direct, HostKind::Ministry);
    /// assert_eq!((defi.phase, defi.contract_months, defi.talents.len()), (Phase::Initial, None, 0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(defi: DefiId, route: FundingRoute, host: HostKind) -> DefiFunding {
        DefiFunding {
            defi,
            route,
            host,
            administrative_carrier: None,
            phase: Phase::Initial,
            contract_months: None,
            talents: Vec::new(),
        }
    }

    /// The input with its porteur administratif.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{FundingRoute, HostKind};
    /// use eig_funding::DefiFunding;
    ///
    /// let defi = DefiFunding::new("d1".parse()?, FundingRoute::ThroughAdministrativeCarrier,
    ///     HostKind::StateOperator).with_administrative_carrier("Ministère de la Culture".parse()?);
    /// assert!(defi.administrative_carrier.is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_administrative_carrier(self, carrier: Label) -> DefiFunding {
        DefiFunding { administrative_carrier: Some(carrier), ..self }
    }

    /// The input for `phase`.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{FundingRoute, HostKind};
    /// use eig_funding::{DefiFunding, Phase};
    ///
    /// let defi = DefiFunding::new("d1".parse()?, FundingRoute::Direct, HostKind::Ministry)
    ///     .with_phase(Phase::Prolongation);
    /// assert_eq!(defi.phase, Phase::Prolongation);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_phase(self, phase: Phase) -> DefiFunding {
        DefiFunding { phase, ..self }
    }

    /// The input with contracts of `months` months.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{FundingRoute, HostKind};
    /// use eig_funding::DefiFunding;
    ///
    /// let defi = DefiFunding::new("d1".parse()?, FundingRoute::SelfFunded, HostKind::Ministry)
    ///     .with_contract_months(6);
    /// assert_eq!(defi.contract_months, Some(6));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_contract_months(self, months: u8) -> DefiFunding {
        DefiFunding { contract_months: Some(months), ..self }
    }

    /// The input with one more talent.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{FundingRoute, HostKind};
    /// use eig_funding::{DefiFunding, TalentInput};
    ///
    /// let defi = DefiFunding::new("d1".parse()?, FundingRoute::Direct, HostKind::Ministry)
    ///     .with_talent(TalentInput::new("t1".parse()?))
    ///     .with_talent(TalentInput::new("t2".parse()?));
    /// assert_eq!(defi.talents.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_talent(mut self, talent: TalentInput) -> DefiFunding {
        self.talents.push(talent);
        self
    }
}

/// Whether the défi's contracts are the promotion's initial missions or their prolongation.
///
/// JSON: `"initial"` (the default when the field is absent) or `"prolongation"`.
///
/// # Example
/// ```
/// use eig_funding::{DefiFunding, Phase};
///
/// let defi: DefiFunding =
///     serde_json::from_str(r#"{ "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [] }"#)?;
/// assert_eq!(defi.phase, Phase::Initial);
/// assert_eq!(serde_json::from_str::<Phase>(r#""prolongation""#)?, Phase::Prolongation);
/// assert!(serde_json::from_str::<Phase>(r#""renewal""#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Phase {
    /// The initial missions.
    #[default]
    Initial,
    /// Contracts prolonged beyond the initial missions (EIG5 in 2022: AAP6 annexe 3 art. 2;
    /// EIG6 in 2023: AAC6+ §2.1).
    Prolongation,
}

/// One talent of a défi.
///
/// # Example
/// ```
/// use eig_domain::{Euros, Experience};
/// use eig_funding::{EmployerCost, TalentInput};
///
/// // A talent with 61 months of experience who resigned after 4 months.
/// let talent: TalentInput = serde_json::from_str(r#"{ "talent": "t1", "experience": 61,
///   "employer_cost": { "monthly": "6500" }, "months_worked": 4 }"#)?;
/// assert_eq!(talent.experience, Some(Experience::from_months(61)));
/// assert_eq!(talent.employer_cost, Some(EmployerCost::Monthly(Euros::from_whole(6_500))));
/// assert_eq!(talent.months_worked, Some(4));
/// // Only the id is required; an unknown field is refused.
/// let bare: TalentInput = serde_json::from_str(r#"{ "talent": "t2" }"#)?;
/// assert_eq!((bare.employer_cost, bare.months_worked), (None, None));
/// assert!(serde_json::from_str::<TalentInput>(r#"{ "talent": "t3", "salary": "4000" }"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TalentInput {
    /// The talent.
    pub talent: CandidateId,
    /// Professional experience, to read the pay grid (needed only to use the reference
    /// cost in promotions with a two-band grid).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience: Option<Experience>,
    /// The total employer cost (*coût total employeur*); `None`: the ING reference is used
    /// where it applies, and the plan marks it as an estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer_cost: Option<EmployerCost>,
    /// Months actually worked (a resignation); `None`: the whole contract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months_worked: Option<u8>,
}

impl TalentInput {
    /// A talent with only an id: the ING reference cost is used where it applies, for the
    /// whole contract.
    ///
    /// # Example
    /// ```
    /// use eig_funding::TalentInput;
    ///
    /// let talent = TalentInput::new("t1".parse()?);
    /// assert_eq!((talent.experience, talent.employer_cost, talent.months_worked), (None, None, None));
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    pub fn new(talent: CandidateId) -> TalentInput {
        TalentInput { talent, experience: None, employer_cost: None, months_worked: None }
    }

    /// The talent with their professional experience (to read a two-band pay grid).
    ///
    /// # Example
    /// ```
    /// use eig_domain::Experience;
    /// use eig_funding::TalentInput;
    ///
    /// let talent = TalentInput::new("t1".parse()?).with_experience(Experience::from_years(6));
    /// assert_eq!(talent.experience, Some(Experience::from_months(72)));
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    #[must_use]
    pub fn with_experience(self, experience: Experience) -> TalentInput {
        TalentInput { experience: Some(experience), ..self }
    }

    /// The talent with their total employer cost.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Euros;
    /// use eig_funding::{EmployerCost, TalentInput};
    ///
    /// let cost = EmployerCost::Contract(Euros::from_whole(70_000));
    /// let talent = TalentInput::new("t1".parse()?).with_employer_cost(cost);
    /// assert_eq!(talent.employer_cost, Some(cost));
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    #[must_use]
    pub fn with_employer_cost(self, cost: EmployerCost) -> TalentInput {
        TalentInput { employer_cost: Some(cost), ..self }
    }

    /// The talent who worked `months` months of the contract (a resignation).
    ///
    /// # Example
    /// ```
    /// use eig_funding::TalentInput;
    ///
    /// assert_eq!(TalentInput::new("t1".parse()?).with_months_worked(4).months_worked, Some(4));
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    #[must_use]
    pub fn with_months_worked(self, months: u8) -> TalentInput {
        TalentInput { months_worked: Some(months), ..self }
    }
}

/// A talent's total employer cost (*coût total employeur*, *salaire brut chargé*).
///
/// JSON: `{"contract": "70000.00"}` (the whole contract as planned) or
/// `{"monthly": "7000.00"}` (one month).
///
/// # Example
/// ```
/// use eig_domain::Euros;
/// use eig_funding::EmployerCost;
///
/// let cost: EmployerCost = serde_json::from_str(r#"{ "monthly": "7000" }"#)?;
/// assert_eq!(cost, EmployerCost::Monthly(Euros::from_whole(7_000)));
/// assert!(serde_json::from_str::<EmployerCost>(r#"{ "yearly": "7000" }"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EmployerCost {
    /// The cost of the whole contract as planned (the « simulation financière … d’un
    /// recrutement en CDD de 10 mois » of AAP3 §4.3). A month costs the total divided by
    /// the contract's months.
    Contract(Euros),
    /// The cost of one month.
    Monthly(Euros),
}

/// The choices of a scenario: parameter overrides, the rounding rule, the envelope policy.
/// The default is the official rules.
///
/// # Example
/// ```
/// use eig_funding::Scenario;
///
/// let what_if: Scenario = serde_json::from_str(r#"{
///   "overrides": [{ "id": "pia_share", "promotion": "EIG3", "value": { "share": "0.6" } }],
///   "envelope_policy": "pro_rata"
/// }"#)?;
/// assert_eq!(what_if.overrides.len(), 1);
/// assert_eq!(Scenario::default().overrides.len(), 0);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Replaced parameter values (the last one wins when an id repeats).
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// The rounding of shares and fractions.
    #[serde(default)]
    pub rounding: RoundingRule,
    /// What the envelope outcome shows when the envelope is exceeded.
    #[serde(default)]
    pub envelope_policy: EnvelopePolicy,
}

/// How an exceeded envelope is resolved in the plan's outcome. Neither policy changes the
/// talents' amounts, which stay what the rules give; the outcome shows who the envelope
/// covers.
///
/// # Example
/// ```
/// use eig_funding::{EnvelopePolicy, Scenario};
///
/// assert_eq!(Scenario::default().envelope_policy, EnvelopePolicy::RankOrder);
/// let scenario: Scenario = serde_json::from_str(r#"{ "envelope_policy": "pro_rata" }"#)?;
/// assert_eq!(scenario.envelope_policy, EnvelopePolicy::ProRata);
/// assert!(serde_json::from_str::<EnvelopePolicy>(r#""largest_first""#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EnvelopePolicy {
    /// Talents are covered in rank order (défis in the input's order, then talents in the
    /// défi's order) while the cumulated amount fits; the first that does not fit and every
    /// later one are not covered.
    #[default]
    RankOrder,
    /// The envelope is shared in proportion to each talent's amount (largest remainders).
    ProRata,
}
