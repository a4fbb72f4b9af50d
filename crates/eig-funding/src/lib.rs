//! Cent-exact funding plans of each promotion of the *Entrepreneurs d'intérêt général*
//! programme: who pays each talent's total employer cost (*coût total employeur*) — the PIA
//! through the Caisse des dépôts, budget programme 352, DINUM, the host, an alternative
//! source — by which rule, with which parameters and sources.
//!
//! - **Splits** ([`split`], [`fraction_of`], [`split_evenly`], [`allocate`]): exact integer
//!   arithmetic on cents; one named [`RoundingRule`]; the share goes to one payer and the
//!   remainder to the other, so parts always sum to the whole; N-way splits by largest
//!   remainders.
//! - **Dated parameters** ([`official_parameters`], [`Parameter`], [`ParameterId`]): each
//!   value with its validity, source, quoted sentence and last-checked date; looked up by
//!   promotion ([`official_parameter`]) or as of a day ([`official_parameter_on`],
//!   [`official_parameters_on`]); a [`Scenario`] overrides values without code change and
//!   the plan lists them ([`UsedParameter`]).
//! - **Formulas per promotion** ([`RuleId`]): EIG1–EIG2 the PIA pays the pay; EIG3 70 % PIA
//!   of the employer cost, the rest by the host, within 1,5 M€; EIG4 4 months and EIG5
//!   3 months of employer cost on programme 352; EIG6 20 000 € per recruited talent, the
//!   same per EIG5/EIG6 prolongation; EIG7 DINUM pays all.
//! - **Plans** ([`plan_promotion`], [`plan_defi`]): per talent and per défi, each payer's
//!   [`Part`] with its [`Formula`]; a monthly [`Schedule`]; totals against the envelope as an
//!   [`EnvelopeOutcome`] under an [`EnvelopePolicy`] — never a silent cut. JSON (amounts as
//!   strings) and French text ([`PromotionPlan::to_french`]).
//!
//! The funding route of each défi is an input: `eig-eligibility` decides it.
//! Pure: no IO, no clock. Missing inputs are a [`FundingError`]; an exceeded envelope is an
//! outcome.
//!
//! # Example
//! ```
//! use eig_domain::Euros;
//! use eig_funding::{EnvelopeOutcome, Payer, PromotionInput, Scenario, plan_promotion};
//!
//! // EIG3: 31 talents at 70 000 € → 31 × 49 000 € of PIA, above the 1,5 M€ envelope.
//! let talents: Vec<String> = (1..=31)
//!     .map(|n| format!(r#"{{ "talent": "t{n}", "employer_cost": {{ "contract": "70000" }} }}"#))
//!     .collect();
//! let json = format!(
//!     r#"{{ "promotion": "EIG3", "defis": [ {{ "defi": "d1", "route": "direct",
//!          "talents": [{}] }} ] }}"#,
//!     talents.join(",")
//! );
//! let input: PromotionInput = serde_json::from_str(&json)?;
//! let plan = plan_promotion(&input, &Scenario::default())?;
//! assert_eq!(plan.totals[&Payer::PiaThroughCdc], Euros::from_whole(1_519_000));
//! let EnvelopeOutcome::Exceeded { by, .. } = plan.envelope else { panic!("exceeded") };
//! assert_eq!(by, Euros::from_whole(19_000));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[doc(alias = "cofinancement")]
#[doc(alias = "coût total employeur")]
pub use crate::input::{
    DefiInput, EmployerCost, EnvelopePolicy, Phase, PromotionInput, Scenario, TalentInput,
};
#[doc(alias = "plan de financement")]
#[doc(alias = "enveloppe")]
#[doc(alias = "trop-perçu")]
pub use crate::plan::{
    CostBasis, DefiPlan, EnvelopeOutcome, EnvelopeResolution, Formula, Grant, Intermediary, Part,
    PayUsed, Payer, PromotionPlan, Schedule, Surplus, SurplusTreatment, TalentPlan, TalentRef,
};
pub use crate::{
    compute::{plan_defi, plan_promotion},
    error::{FundingError, SplitError},
    parameter::{
        LAST_CHECKED_ON, Override, Parameter, ParameterId, ParameterValue, UnknownParameter,
        UsedParameter, Validity, official_parameter, official_parameter_on, official_parameters,
        official_parameters_on,
    },
    rule::RuleId,
    split::{RoundingRule, Split, allocate, fraction_of, split, split_evenly},
};

mod compute;
mod error;
mod input;
mod parameter;
mod plan;
mod rule;
mod split;
mod text;
