//! The vocabulary of the *Entrepreneurs d'intérêt général* (EIG) programme: the types every
//! other `eig-*` crate speaks, validated once at the edge. It decides nothing.
//!
//! - **Money**: [`Euros`] (exact to the cent, non-negative, JSON strings) and [`Share`]
//!   (an exact rate in [0, 1]); checked arithmetic returns [`MoneyError`].
//! - **Promotions**: [`Promotion`] (EIG1 … EIG7, DIG1) and its [`PromotionFacts`]: calendar
//!   ([`Window`], [`ParisDeadline`] resolved in Europe/Paris time), [`MissionLength`],
//!   [`TeamBounds`], [`ChoiceLimit`], [`PayGrid`] — each fact [`Sourced`].
//! - **Hosts**: [`HostKind`] as the calls name them, the two porteur roles ([`HostRoles`]),
//!   [`Siren`], [`Siret`], [`BudgetProgramme`].
//! - **Funding routes**: [`FundingRoute`] (direct, through a porteur administratif,
//!   délégation de gestion, alternative funding, self-funded, employed by DINUM).
//! - **Défis**: [`Defi`] with its team of [`Seat`]s, [`SupportRole`]s and [`Commitment`]s.
//! - **Talents**: [`TalentProfile`], [`Experience`], [`Candidate`] and its
//!   [`CandidateStatus`].
//! - **Sources**: [`Document`] and [`Source`] (`AAP3 §3.1.2`), so later crates cite their
//!   rules.
//!
//! Pure: no IO, no clock, no environment. Bad input is a typed error naming the value; no
//! public function panics on caller input.
//!
//! # Example
//! ```
//! use eig_domain::{Euros, Promotion, Share};
//!
//! let eig3 = Promotion::Eig3.facts();
//! let deadline = eig3.call_for_defis.expect("AAP3 §4.2 states it");
//! assert_eq!(deadline.source.to_string(), "AAP3 §4.2");
//! assert_eq!(
//!     deadline.value.closes.instant().map(|at| at.to_rfc3339()),
//!     Some("2018-06-15T15:00:00+00:00".to_owned()),
//! );
//!
//! let cost: Euros = "70000.00".parse()?;
//! let pia: Share = "0.70".parse()?;
//! assert_eq!(cost.to_french(), "70\u{202f}000,00\u{a0}€");
//! assert_eq!(pia.complement().to_string(), "30\u{a0}%");
//! # Ok::<(), eig_domain::MoneyError>(())
//! ```

#[doc(alias = "échéance")]
#[doc(alias = "date limite")]
pub use crate::calendar::{ApproxDate, CalendarError, Closing, DateRange, ParisDeadline, Window};
#[doc(alias = "défi")]
#[doc(alias = "projet")]
#[doc(alias = "engagement")]
pub use crate::defi::{Commitment, Defi, Seat, SupportRole};
pub use crate::echo::echo;
#[doc(alias = "candidat")]
#[doc(alias = "profil")]
pub use crate::experience::Experience;
#[doc(alias = "cofinancement")]
#[doc(alias = "autofinancement")]
pub use crate::funding_route::FundingRoute;
#[doc(alias = "administration")]
#[doc(alias = "porteur")]
pub use crate::host::{
    BudgetProgramme, Host, HostKind, HostRoles, IdentifierError, LocalAuthorityLevel, Siren, Siret,
};
pub use crate::id::{CandidateId, DefiId, Label, TextError};
#[doc(alias = "montant")]
#[doc(alias = "taux")]
pub use crate::money::{Euros, MoneyError, Share};
#[doc(alias = "promotion")]
#[doc(alias = "grille de rémunération")]
pub use crate::promotion::{
    Basis, ChoiceLimit, ChoiceUnit, MissionLength, PayBand, PayGrid, Promotion, PromotionError,
    PromotionFacts, TeamBounds,
};
#[doc(alias = "erreur de lecture")]
pub use crate::reading::{
    french_json_syntax_message, french_serde_message, json_error_words, time_error,
};
#[doc(alias = "source")]
pub use crate::source::{Document, Source, SourceError, Sourced};
pub use crate::strict::{Notes, Strict};
#[doc(alias = "candidat")]
#[doc(alias = "profil")]
pub use crate::talent::{
    Candidate, CandidateStatus, CivilService, PastParticipation, PersonKind, Studies, StudyLevel,
    TalentProfile,
};

mod calendar;
mod defi;
mod echo;
mod experience;
mod funding_route;
mod host;
mod id;
mod money;
mod promotion;
mod reading;
mod source;
mod strict;
mod talent;
