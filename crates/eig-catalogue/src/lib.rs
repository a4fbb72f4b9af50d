//! The rules catalogue of the *Entrepreneurs d'intérêt général* programme, as data derived
//! from the rule definitions in code — never a list kept by hand.
//!
//! For every promotion, every rule: its id, its French title, what it judges ([`RuleSubject`]),
//! the text and section that state it with the sentence it models, its parameters with
//! their values and sources, the interpretations taken (the register of interpretations,
//! `docs/rules/assumptions.md`) and the corpus cases that name it ([`catalogue`],
//! [`promotion_rules`]). With a day, the calls open that day (from each promotion's
//! calendar) and the rules that judge what is received then. [`diff`] compares two
//! promotions: rules added, removed and changed, and the calendar, bounds, funding routes
//! and parameters that differ, each cited on both sides. [`catalogue_french`] and
//! [`diff_french`] write them for a person.
//!
//! The rules come from `eig-eligibility` (`RuleSet::dossier_rules`, …) and `eig-funding`
//! (`RuleId`); the cases from a [`Corpus`] read through `eig-cases` ([`Corpus::embedded`]:
//! every case file of the repository, embedded at build time; [`Corpus::from_files`]: an
//! embedder's own). Pure: no IO at run time.
//!
//! # Example
//! ```
//! use eig_catalogue::{Corpus, Register, catalogue};
//! use eig_domain::Promotion;
//!
//! let eig4 = catalogue(Some(Promotion::Eig4), None, Corpus::embedded(), Register::embedded());
//! let rules = &eig4.promotions[0].rules;
//! let deadline = rules.iter().find(|rule| rule.id == "eig4.dossier.deadline").unwrap();
//! assert_eq!(deadline.family, "dossier.deadline");
//! assert!(deadline.source.quote.is_some());
//! ```

#[doc(alias = "catalogue des règles")]
#[doc(alias = "règles")]
pub use crate::catalogue::{
    Call, CallKind, Catalogue, Cited, PromotionRules, RuleEntry, RuleParameter, RuleSubject,
    catalogue, promotion_rules,
};
#[doc(alias = "corpus")]
pub use crate::corpus::{Corpus, CorpusCase, RuleLogic};
#[doc(alias = "différence")]
pub use crate::diff::{CitedValue, FactChange, RuleChange, RuleSide, RulesDiff, diff};
pub use crate::french::{catalogue_french, diff_french};
#[doc(alias = "interprétation")]
pub use crate::register::{Interpretation, Register};
#[doc(alias = "phrase non modélisée")]
pub use crate::unmodelled::{Note, SentenceNote, Unmodelled, sentence_note, sentence_notes};

mod catalogue;
mod corpus;
mod dates;
mod diff;
mod french;
mod register;
mod unmodelled;
