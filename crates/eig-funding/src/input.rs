//! What the caller supplies: the défis of a promotion in rank order, their route (decided by
//! `eig-eligibility`), their talents and employer costs, and the scenario.

use eig_domain::{CandidateId, DefiId, Euros, Experience, FundingRoute, Label, Promotion};
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
///   "defis": [{ "defi": "d1", "route": "direct",
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
    /// The défis, best ranked first.
    pub defis: Vec<DefiInput>,
}

/// One défi: its funding route, its phase and its talents.
///
/// # Example
/// ```
/// use eig_funding::{DefiInput, Phase};
///
/// // An EIG6 prolongation (AAC6+): the caller states its length.
/// let defi: DefiInput = serde_json::from_str(r#"{ "defi": "d1", "route": "direct",
///   "phase": "prolongation", "contract_months": 6,
///   "talents": [ { "talent": "t1", "employer_cost": { "monthly": "6500" } } ] }"#)?;
/// assert_eq!(defi.phase, Phase::Prolongation);
/// assert!(serde_json::from_str::<DefiInput>(r#"{ "defi": "d1", "route": "direct",
///   "talents": [], "colour": "blue" }"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DefiInput {
    /// The défi.
    pub defi: DefiId,
    /// How its talents are paid (decided by `eig-eligibility`).
    pub route: FundingRoute,
    /// The *porteur administratif* that receives the programme's money for the host, on
    /// [`FundingRoute::ThroughAdministrativeCarrier`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub administrative_carrier: Option<Label>,
    /// The initial 10-month missions or a prolongation.
    #[serde(default)]
    pub phase: Phase,
    /// The contract length in months; `None`: the promotion's (10 for EIG1–EIG6, 12 for
    /// EIG7). Required for DIG1 and for prolongations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_months: Option<u8>,
    /// The talents, in the défi's order.
    pub talents: Vec<TalentInput>,
}

/// Whether the défi's contracts are the promotion's initial missions or their prolongation.
///
/// JSON: `"initial"` (the default when the field is absent) or `"prolongation"`.
///
/// # Example
/// ```
/// use eig_funding::{DefiInput, Phase};
///
/// let defi: DefiInput =
///     serde_json::from_str(r#"{ "defi": "d1", "route": "direct", "talents": [] }"#)?;
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
