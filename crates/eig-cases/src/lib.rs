//! The public case format of the *Entrepreneurs d'intérêt général* rules, and its runner:
//! rule tests that anyone can write, in JSON or in YAML with comments, without Rust.
//!
//! A case ([`RawCase`], checked into a [`Case`]) says what it checks (`title`), the text it
//! tests (`source`, a verbatim `quote`), the rule ids it covers (`rules`), **one input** —
//! a dossier, an application, a jury sheet, a funding input, a split, a matching problem or a
//! whole call, each in the library's own JSON shape — and the `expected` result, partial:
//! only the fields written are compared ([`CaseInput`] lists them per kind). A file holds one
//! case, a list, or `{"format": "eig-case/1", "cases": [...]}` ([`CaseFile`], [`FORMAT`]).
//!
//! [`read_cases`] turns a file's text into one result per case — a case that cannot be read
//! is a [`CaseError`] naming the file, the case, the line (syntax) or the JSON path (shape),
//! and the others are still read; [`run_case`] decides a case with the rule crates and
//! compares: a [`Report`] with a [`Verdict`], each [`Difference`] as a JSON path with the
//! expected and the actual values, and for an eligibility case the trace entries of the
//! rules concerned ([`RuleNote`]: result, source, facts).
//!
//! Pure: the caller reads the files (`eig test PATH…`, or `eig-testkit` in an embedder's
//! tests) and passes their text. The crates' own conformance corpora are files of this format
//! and run through this runner.
//!
//! # Example
//! ```
//! use eig_cases::{Verdict, read_cases, run_case};
//!
//! let yaml = r#"
//! ## AAP3 §3.1.1: the PIA pays 70 % of each talent's total employer cost.
//! title: EIG3, one talent at 70 000 €
//! source: AAP3 §3.1.1
//! quote: Elles recevront à ce titre un financement du PIA équivalent à 70% du coût total employeur du recrutement de chaque EIG.
//! rules: [funding.pia_share_of_employer_cost]
//! funding:
//!   promotion: EIG3
//!   defis:
//!     - {defi: d1, route: direct, host: {kind: ministry},
//!        talents: [{talent: t1, employer_cost: {contract: '70000'}}]}
//! expected:
//!   totals: {pia_through_cdc: '49000.00', host: '21000.00'}
//! "#;
//! let case = read_cases("pia.yaml", yaml).remove(0)?;
//! assert!(run_case(&case).passed());
//!
//! // A wrong expectation fails, naming the field, the expected and the actual values.
//! let wrong = read_cases("pia.yaml", &yaml.replace("49000.00", "50000.00")).remove(0)?;
//! let Verdict::Failed { differences, .. } = run_case(&wrong).verdict else { panic!() };
//! assert_eq!(differences[0].to_string(),
//!     r#"$.totals.pia_through_cdc : attendu "50000.00", obtenu "49000.00""#);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[doc(alias = "cas")]
#[doc(alias = "test")]
pub use crate::case::{
    AllocateInput, CalendarInput, Case, CaseFile, CaseInput, ChangesInput, ChangesRecord,
    Eig7CapInput, Eig7TermsInput, EvenlyInput, FORMAT, RawCase, ShapeError, SplitInput,
    TerminationInput,
};
#[doc(alias = "citation")]
pub use crate::cite::{CitationProblem, RunOptions};
#[doc(alias = "lecture")]
pub use crate::read::{CaseError, Syntax, is_case_file, read_cases};
#[doc(alias = "verdict")]
pub use crate::run::{
    Difference, Report, RuleNote, Verdict, run_case, run_case_until, run_case_with,
};

pub mod result;

mod case;
mod cite;
mod read;
mod run;
