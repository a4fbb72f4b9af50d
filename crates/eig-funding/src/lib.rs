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
//!   strings) and French text ([`PromotionPlan::to_french`], or written into any
//!   [`std::fmt::Write`] by [`PromotionPlan::write_french`]).
//! - **Payment calendar** ([`payment_calendar`] → [`PaymentCalendar`]): when, or on which
//!   event, each payer of the programme transfers a défi's money (the convention with the
//!   Caisse des dépôts, the documents sent to it, the décret de transfert), dated only by the
//!   event's day when the caller gives it ([`TransferEvents`]), with the period the text
//!   expects and its source; distinct from the monthly schedule.
//! - **Large promotions** ([`plan_promotion_stream`]): the same plan, every défi checked and
//!   totalled first, each défi's plan computed again as it is written
//!   ([`PromotionPlanStream`]), so that the whole plan is never held in memory.
//!
//! The funding route of each défi is an input: `eig-eligibility` decides it (and
//! `eig-campaign` hands its decision over). What this crate checks itself, from the facts it
//! is given, before it computes anything ([`FundingError`] names the défi and the talent):
//! - the route exists in the promotion (no PIA route in EIG7, the délégation de gestion only
//!   in EIG4–EIG5);
//! - the route is open to the host's kind where the texts say so with the kind alone (EIG3:
//!   the direct route only for a ministry, AAP3 §3.1.1; EIG4–EIG6: neither the direct route
//!   nor the délégation de gestion for a collectivité territoriale or an établissement de
//!   santé, AAP4–AAP6 §3.2), and the route through a porteur administratif names it;
//! - a team counts at most the promotion's stated maximum (EIG3–EIG7), each talent and each
//!   défi appears once.
//!
//! What it trusts its caller to have decided: the host's eligibility and every fact of the
//! dossier behind the route (the convention with a porteur administratif, a budget programme
//! able to receive titre 2 credits, the EIG5 economic and financial ministries, the EIG2 team
//! exception), and the laureates' rank order. Pure: no IO, no clock. Missing inputs are a
//! [`FundingError`]; an exceeded envelope is an outcome.
//!
//! # Example
//! ```
//! use eig_domain::{Euros, FundingRoute, HostKind, Promotion};
//! use eig_funding::{
//!     DefiFunding, EmployerCost, EnvelopeOutcome, Payer, PromotionInput, Scenario, TalentInput,
//!     plan_promotion,
//! };
//!
//! // EIG3: 31 talents at 70 000 € in teams of at most 3 (AAP3 §2.2) → 31 × 49 000 € of PIA,
//! // above the 1,5 M€ envelope.
//! let cost = EmployerCost::Contract(Euros::from_whole(70_000));
//! let mut defis = Vec::new();
//! for d in 0..11 {
//!     let mut defi = DefiFunding::new(format!("d{d}").parse()?, FundingRoute::Direct, HostKind::Ministry);
//!     for t in 0..if d < 10 { 3 } else { 1 } {
//!         defi = defi.with_talent(TalentInput::new(format!("d{d}-t{t}").parse()?).with_employer_cost(cost));
//!     }
//!     defis.push(defi);
//! }
//! let plan = plan_promotion(&PromotionInput::new(Promotion::Eig3, defis), &Scenario::default())?;
//! assert_eq!(plan.amount_of(Payer::PiaThroughCdc), Euros::from_whole(1_519_000));
//! let EnvelopeOutcome::Exceeded { by, .. } = plan.envelope else { panic!("exceeded") };
//! assert_eq!(by, Euros::from_whole(19_000));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[doc(alias = "calendrier des versements")]
#[doc(alias = "versement")]
#[doc(alias = "décret de transfert")]
pub use crate::calendar::{
    PaymentCalendar, Transfer, TransferEvent, TransferEvents, payment_calendar,
};
#[doc(alias = "cofinancement")]
#[doc(alias = "coût total employeur")]
pub use crate::input::{
    DefiFunding, EmployerCost, EnvelopePolicy, Phase, PromotionInput, Scenario, TalentInput,
};
#[doc(alias = "plan de financement")]
#[doc(alias = "enveloppe")]
#[doc(alias = "trop-perçu")]
pub use crate::plan::{
    ByPayer, CostBasis, DefiPlan, EnvelopeOutcome, EnvelopeResolution, Formula, Grant,
    Intermediary, Part, PayUsed, Payer, PromotionPlan, Schedule, Surplus, SurplusTreatment,
    TalentPlan, TalentRef,
};
pub use crate::{
    compute::{plan_defi, plan_promotion},
    error::{FundingError, SplitError},
    parameter::{
        LAST_CHECKED_ON, Override, Parameter, ParameterId, ParameterValue, UnknownParameter,
        UsedParameter, Validity, official_parameter, official_parameter_on, official_parameters,
        official_parameters_on,
    },
    routes::route_is_open,
    rule::RuleId,
    split::{RoundingRule, Split, allocate, fraction_of, split, split_evenly},
    stream::{PromotionPlanStream, plan_promotion_stream},
};

mod calendar;
mod compute;
mod error;
mod input;
mod parameter;
mod plan;
mod routes;
mod rule;
mod split;
mod stream;
mod text;
