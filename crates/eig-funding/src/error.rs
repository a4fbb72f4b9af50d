//! The errors of the crate: [`SplitError`] for the arithmetic, [`FundingError`] for a plan
//! that cannot be computed from its inputs. An envelope exceeded is not an error: it is an
//! [`EnvelopeOutcome`](crate::EnvelopeOutcome).

use eig_domain::{CandidateId, DefiId, FundingRoute, HostKind, MoneyError, Promotion, Source};

use crate::parameter::ParameterId;

/// Why a split or an allocation cannot be computed.
///
/// # Example
/// ```
/// use eig_domain::Euros;
/// use eig_funding::{SplitError, split_evenly};
///
/// assert_eq!(split_evenly(Euros::from_whole(1), 0), Err(SplitError::NoParts));
/// assert_eq!(SplitError::NoParts.to_string(), "cannot split into zero parts");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SplitError {
    /// Zero parts were asked for.
    #[error("cannot split into zero parts")]
    NoParts,
    /// All weights are zero.
    #[error("the weights sum to zero")]
    ZeroWeights,
    /// A fraction with a zero denominator.
    #[error("fraction with a zero denominator")]
    ZeroDenominator,
    /// A fraction above one would give a part larger than the total.
    #[error("fraction {numerator}/{denominator} is above one")]
    FractionAboveOne {
        /// The numerator.
        numerator: u64,
        /// The denominator.
        denominator: u64,
    },
    /// An intermediate value leaves 128 bits.
    #[error("overflow in {operation}")]
    Overflow {
        /// Which operation overflowed.
        operation: &'static str,
    },
}

/// Why a funding plan cannot be computed from its inputs.
///
/// # Example
/// ```
/// use eig_domain::{FundingRoute, Promotion};
/// use eig_funding::FundingError;
///
/// let err = FundingError::RouteNotOpen { promotion: Promotion::Eig7, route: FundingRoute::Direct };
/// assert_eq!(err.to_string(), "route \"cofinancement direct\" is not open in EIG7");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FundingError {
    /// No source states how this promotion's talents were co-financed (DIG1).
    #[error("no source states the co-financing rule of {promotion}")]
    NoRuleStated {
        /// The promotion.
        promotion: Promotion,
    },
    /// The route does not exist in this promotion (e.g. a PIA route in EIG7, where DINUM
    /// employs every talent).
    #[error("route {:?} is not open in {promotion}", route.french())]
    RouteNotOpen {
        /// The promotion.
        promotion: Promotion,
        /// The route.
        route: FundingRoute,
    },
    /// The route is not one the texts open to the défi's host (a collectivité territoriale
    /// on `cofinancement direct` in EIG3: AAP3 §3.1.1 « seul un ministère est éligible à un
    /// financement direct »).
    #[error(
        "défi {defi}: route {:?} is not open to a host of kind {:?} in {promotion} ({stated_in})",
        route.french(),
        host.french()
    )]
    RouteNotOpenToHost {
        /// The défi.
        defi: DefiId,
        /// The promotion.
        promotion: Promotion,
        /// The route.
        route: FundingRoute,
        /// The kind of the défi's porteur opérationnel.
        host: HostKind,
        /// The text that closes the route to that host.
        stated_in: Source,
    },
    /// The route goes through a porteur administratif and none is named.
    #[error("défi {defi}: route {:?} needs the name of the porteur administratif", FundingRoute::ThroughAdministrativeCarrier.french())]
    AdministrativeCarrierMissing {
        /// The défi.
        defi: DefiId,
    },
    /// More talents than the promotion's teams count.
    #[error(
        "défi {defi}: {talents} talents, while a team of {promotion} counts at most {max} ({stated_in}); talent {talent} is one too many"
    )]
    TeamTooLarge {
        /// The défi.
        defi: DefiId,
        /// The first talent beyond the bound.
        talent: CandidateId,
        /// The promotion.
        promotion: Promotion,
        /// Talents given.
        talents: usize,
        /// The most a team counts.
        max: u8,
        /// The text that states the bound.
        stated_in: Source,
    },
    /// A talent appears twice in the input (in one défi or in two).
    #[error("talent {talent} is counted twice: in défi {first} and in défi {defi}")]
    TalentRepeated {
        /// The défi where it appears again.
        defi: DefiId,
        /// The talent.
        talent: CandidateId,
        /// The défi where it appears first.
        first: DefiId,
    },
    /// A défi appears twice in a promotion's input.
    #[error("défi {defi} appears twice in the promotion's input")]
    DefiRepeated {
        /// The défi.
        defi: DefiId,
    },
    /// A talent's employer cost is needed and no documented reference applies.
    #[error("talent {talent} of défi {defi}: employer cost needed ({why})")]
    EmployerCostNeeded {
        /// The défi.
        defi: DefiId,
        /// The talent.
        talent: CandidateId,
        /// Why the reference cost does not apply.
        why: &'static str,
    },
    /// A talent's experience is needed to read the pay grid.
    #[error("talent {talent} of défi {defi}: experience needed to read the {promotion} pay grid")]
    ExperienceNeeded {
        /// The défi.
        defi: DefiId,
        /// The talent.
        talent: CandidateId,
        /// The promotion.
        promotion: Promotion,
    },
    /// The contract length is neither given nor stated for the promotion (DIG1: 6–12 months).
    #[error("défi {defi}: contract length needed ({promotion} states none)")]
    ContractLengthNeeded {
        /// The défi.
        defi: DefiId,
        /// The promotion.
        promotion: Promotion,
    },
    /// A contract of zero months.
    #[error("défi {defi}: a contract of 0 months")]
    ZeroMonthContract {
        /// The défi.
        defi: DefiId,
    },
    /// Months worked beyond the contract.
    #[error(
        "talent {talent} of défi {defi}: {months_worked} months worked out of a {contract_months}-month contract"
    )]
    MonthsOutOfRange {
        /// The défi.
        defi: DefiId,
        /// The talent.
        talent: CandidateId,
        /// Months worked.
        months_worked: u8,
        /// Contract length.
        contract_months: u8,
    },
    /// A parameter has no value for this promotion (and no override gives one).
    #[error("parameter {id} has no value for {promotion}")]
    ParameterMissing {
        /// The parameter.
        id: ParameterId,
        /// The promotion.
        promotion: Promotion,
    },
    /// A parameter holds a value of the wrong kind (an override of the wrong type).
    #[error("parameter {id} for {promotion} holds {found}, expected {expected}")]
    ParameterKind {
        /// The parameter.
        id: ParameterId,
        /// The promotion.
        promotion: Promotion,
        /// The expected kind.
        expected: &'static str,
        /// The kind found.
        found: &'static str,
    },
    /// A sum or product of amounts overflowed.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// A split failed.
    #[error(transparent)]
    Split(#[from] SplitError),
}
