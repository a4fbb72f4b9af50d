//! A whole call of the *Entrepreneurs d'intérêt général* programme as a library: the
//! [`Campaign`] record (a call as data), the pipeline that runs it ([`run`]) and the embedded
//! default ([`default_campaign`], the 2018 EIG3 call that `eig run` decides).
//!
//! The flow is the programme's: dossier eligibility → laureate selection within places and
//! the envelope → the laureates' funding plan → candidate eligibility → assignment of
//! talents to the laureates → independent verification. Every decision is made by a rule
//! crate (`eig-eligibility`, `eig-funding`, `eig-matching`); this crate only sequences them
//! and carries each step's output to the next as a typed value:
//!
//! - [`EligibleDossier`]: a dossier with the route its eligibility decision took, built only
//!   from the dossier and that decision; its funding input ([`EligibleDossier::funding`]) and
//!   its seats ([`EligibleDossier::seats`]) are derived from it, never retyped.
//! - [`Laureates`]: the selected eligible dossiers, in rank order; the promotion's funding
//!   input ([`Laureates::funding`]), each eligible candidate's choices among them
//!   ([`Laureates::candidate`]) and the matching input ([`Laureates::matching`]) come from it.
//! - The jury's withdrawals ([`Withdrawal`], after the selection, on a ground the
//!   promotion's call gives): a withdrawn défi leaves the laureates before their funding and
//!   the assignment, and the result says why ([`WithdrawnDefi`]).
//! - A wrong hand-off (another record's decision, a refused dossier, a laureate that was not
//!   eligible) is a [`HandOffError`].
//!
//! Every record is judged: one that cannot be (an EIG1 dossier in an EIG3 call, conflicting
//! funding declarations) gets its [`RecordError`] in the result ([`Judgement::NotJudged`])
//! and the others are decided. A [`CampaignError`] is kept for what concerns every record
//! (the jury sheet, the laureates' funding plan, the matching problem).
//!
//! Pure: no IO, no clock; the same campaign gives the same result, byte for byte in JSON.
//!
//! # Example
//! ```
//! use eig_campaign::{Judgement, default_campaign, run};
//! use eig_eligibility::Outcome;
//! use eig_funding::{EnvelopeOutcome, Payer};
//!
//! let result = run(&default_campaign())?;
//! // The 15 real EIG3 laureates are eligible, selected and funded within the 1,5 M€ envelope.
//! let eligible = result.dossiers.iter()
//!     .filter(|d| matches!(&d.judgement, Judgement::Decided { decision }
//!         if matches!(decision.outcome, Outcome::Eligible { .. })))
//!     .count();
//! assert_eq!(eligible, 16); // 15 real + 1 synthetic self-funded dossier
//! assert!(matches!(result.funding.envelope, EnvelopeOutcome::Within { .. }));
//! assert!(result.funding.amount_of(Payer::PiaThroughCdc) > eig_domain::Euros::ZERO);
//! // Every assignment is certified by the verifier.
//! assert!(result.matching.report.certificate.placed > 0);
//! # Ok::<(), eig_campaign::CampaignError>(())
//! ```

#[doc(alias = "campagne")]
#[doc(alias = "appel")]
pub use crate::campaign::{Campaign, CampaignCandidate, CampaignDossier};
#[doc(alias = "défaut")]
pub use crate::default::default_campaign;
#[doc(alias = "erreur")]
pub use crate::error::{CampaignError, RecordError};
#[doc(alias = "lauréats")]
#[doc(alias = "transmission")]
pub use crate::handoff::{EligibleDossier, HandOffError, Laureates};
#[doc(alias = "résultat")]
pub use crate::pipeline::{
    CampaignResult, CandidateResult, DossierResult, Judgement, MatchingResult, run,
};
#[doc(alias = "retrait")]
#[doc(alias = "défi retiré")]
pub use crate::withdrawal::{Withdrawal, WithdrawalError, WithdrawalGround, WithdrawnDefi};

mod campaign;
mod default;
mod error;
mod handoff;
mod pipeline;
mod withdrawal;
