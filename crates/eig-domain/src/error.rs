//! The errors of the vocabulary: each names the field's kind and the rejected value.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rust_decimal::Decimal;

use crate::{money::Euros, talent::Experience};

/// Why a value is not a valid amount or share.
///
/// # Example
/// ```
/// use eig_domain::Euros;
/// let err = "12,50".parse::<Euros>().unwrap_err();
/// assert_eq!(err.to_string(), r#""12,50" is not a decimal number: write digits with a point, e.g. "70000.00""#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The text is not a plain decimal number (digits, an optional `.`, an optional `-`).
    #[error(
        "{} is not a decimal number: write digits with a point, e.g. \"70000.00\"",
        echo(input)
    )]
    NotANumber {
        /// The rejected text.
        input: String,
    },
    /// The amount is below zero.
    #[error("amount {value} is negative: an amount must be zero or more")]
    Negative {
        /// The rejected value.
        value: Decimal,
    },
    /// The amount has more than two decimal places.
    #[error("amount {value} has more than two decimal places: give it to the cent")]
    TooPrecise {
        /// The rejected value.
        value: Decimal,
    },
    /// The amount is too large to be held to the cent (above [`Euros::MAX`]).
    #[error(
        "amount {value} is too large to be held to the cent: an amount must be at most {}",
        Euros::MAX
    )]
    TooLarge {
        /// The rejected value, as written.
        value: String,
    },
    /// The share is outside [0, 1].
    #[error("share {value} is outside [0, 1]: write a decimal between 0 and 1, e.g. \"0.70\"")]
    ShareOutOfRange {
        /// The rejected value.
        value: Decimal,
    },
    /// A subtraction would go below zero.
    #[error("{minuend} minus {subtrahend} is negative")]
    NegativeResult {
        /// What was subtracted from.
        minuend: Euros,
        /// What was subtracted.
        subtrahend: Euros,
    },
    /// The result leaves the range of `Decimal` (about 7.9 × 10²⁸).
    #[error("overflow in {operation}")]
    Overflow {
        /// Which operation overflowed.
        operation: &'static str,
    },
}

/// Why a text is not a valid identifier or label.
///
/// # Example
/// ```
/// use eig_domain::{DefiId, TextError};
///
/// let err = "IA Flash".parse::<DefiId>().unwrap_err();
/// assert!(matches!(err, TextError::InvalidCharacter { found: ' ', .. }));
/// assert_eq!(err.to_string(), r#"défi id "IA Flash" contains ' ', which is not allowed"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// The text is empty or blank.
    #[error("{kind} is empty: write at least one character")]
    Empty {
        /// What the text was meant to be.
        kind: &'static str,
    },
    /// The text is longer than allowed.
    #[error("{kind} {} is longer than {max} characters: write at most {max}", echo(input))]
    TooLong {
        /// What the text was meant to be.
        kind: &'static str,
        /// The rejected text.
        input: String,
        /// The longest allowed.
        max: usize,
    },
    /// The text holds a character that is not allowed.
    #[error("{kind} {} contains {found:?}, which is not allowed", echo(input))]
    InvalidCharacter {
        /// What the text was meant to be.
        kind: &'static str,
        /// The rejected text.
        input: String,
        /// The first offending character.
        found: char,
    },
}

/// Why a text is not a valid SIREN, SIRET or budget programme number.
///
/// # Example
/// ```
/// use eig_domain::{IdentifierError, Siren};
///
/// let err = "110014017".parse::<Siren>().unwrap_err();
/// assert!(matches!(err, IdentifierError::BadKey { kind: "SIREN", .. }));
/// assert_eq!(err.to_string(), r#"SIREN "110014017" has an invalid check key: check the number"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdentifierError {
    /// Not the right number of digits, or not only digits.
    #[error(
        "{kind} {} is not {digits} digits: write its {digits} digits, without spaces",
        echo(input)
    )]
    Malformed {
        /// SIREN, SIRET or budget programme.
        kind: &'static str,
        /// The rejected text.
        input: String,
        /// How many digits are expected.
        digits: usize,
    },
    /// The check key is wrong.
    #[error("{kind} {} has an invalid check key: check the number", echo(input))]
    BadKey {
        /// SIREN or SIRET.
        kind: &'static str,
        /// The rejected text.
        input: String,
    },
}

/// Why a date or deadline is not valid.
///
/// # Example
/// ```
/// use eig_domain::{ApproxDate, CalendarError};
///
/// let err = "2019-13".parse::<ApproxDate>().unwrap_err();
/// assert_eq!(err, CalendarError::InvalidDate { input: "2019-13".to_owned() });
/// assert_eq!(err.to_string(), r#""2019-13" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// The Paris wall-clock time falls in the spring-forward gap and never happens.
    #[error("{paris} does not exist in Paris time (daylight saving gap)")]
    NonexistentParisTime {
        /// The rejected wall-clock time.
        paris: NaiveDateTime,
    },
    /// The Paris wall-clock time happens twice (autumn change) and is ambiguous.
    #[error("{paris} happens twice in Paris time (daylight saving change)")]
    AmbiguousParisTime {
        /// The rejected wall-clock time.
        paris: NaiveDateTime,
    },
    /// The `utc` of a deadline does not match its `paris` time.
    #[error("deadline {paris} Paris time is {expected}, not {utc}")]
    InconsistentDeadline {
        /// The Paris wall-clock time given.
        paris: NaiveDateTime,
        /// The instant given.
        utc: DateTime<Utc>,
        /// The instant the Paris time denotes.
        expected: DateTime<Utc>,
    },
    /// The text is not a date of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("{} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", echo(input))]
    InvalidDate {
        /// The rejected text.
        input: String,
    },
    /// A range ends before it starts.
    #[error("range ends on {last}, before it starts on {first}")]
    RangeReversed {
        /// First day given.
        first: NaiveDate,
        /// Last day given.
        last: NaiveDate,
    },
}

/// Why a promotion or a promotion fact is not valid.
///
/// # Example
/// ```
/// use eig_domain::{Promotion, PromotionError};
///
/// let err = "EIG8".parse::<Promotion>().unwrap_err();
/// assert_eq!(err, PromotionError::Unknown { input: "EIG8".to_owned() });
/// assert_eq!(err.to_string(), r#""EIG8" is not a promotion: write EIG1 to EIG7, or DIG1"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PromotionError {
    /// Not one of `EIG1`…`EIG7`, `DIG1` (or `EIG 1`…).
    #[error("{} is not a promotion: write EIG1 to EIG7, or DIG1", echo(input))]
    Unknown {
        /// The rejected text.
        input: String,
    },
    /// Pay bands leave a gap, overlap, or do not end unbounded.
    #[error("pay grid bands are not contiguous at {at}")]
    PayGridNotContiguous {
        /// The experience where the problem is.
        at: Experience,
    },
}

/// Why a text does not name a source document.
///
/// # Example
/// ```
/// use eig_domain::{Document, SourceError};
///
/// let err = "AAP9".parse::<Document>().unwrap_err();
/// assert_eq!(err, SourceError::UnknownDocument { input: "AAP9".to_owned() });
/// assert_eq!(err.to_string(), r#""AAP9" is not a known source document"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// Not one of the documents' abbreviations.
    #[error("{} is not a known source document", echo(input))]
    UnknownDocument {
        /// The rejected text.
        input: String,
    },
}

/// How an error shows a rejected text: quoted, and when it is longer than 80 characters its
/// first 60 and its length, so that a 50 MB value does not put 50 MB in a message.
///
/// # Example
/// ```
/// let long = "x".repeat(1000);
/// let err = long.parse::<eig_domain::DefiId>().unwrap_err();
/// assert!(err.to_string().starts_with(r#"défi id "xxxxx"#));
/// assert!(err.to_string().contains(r#"…" (1000 characters)"#));
/// assert!(err.to_string().len() < 150);
/// ```
pub fn echo(input: &str) -> String {
    let length = input.chars().count();
    if length <= 80 {
        format!("{input:?}")
    } else {
        let start: String = input.chars().take(60).collect();
        let quoted = format!("{start:?}");
        format!("{}…\" ({length} characters)", &quoted[..quoted.len() - 1])
    }
}
