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
/// assert_eq!(err.to_string(), r#""12,50" n'est pas un nombre décimal : écrivez des chiffres avec un point, par ex. "70000.00""#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The text is not a plain decimal number (digits, an optional `.`, an optional `-`).
    #[error(
        "{} n'est pas un nombre décimal : écrivez des chiffres avec un point, par ex. \"70000.00\"",
        echo(input)
    )]
    NotANumber {
        /// The rejected text.
        input: String,
    },
    /// The amount is below zero.
    #[error("le montant {value} est négatif : écrivez un montant nul ou positif")]
    Negative {
        /// The rejected value.
        value: Decimal,
    },
    /// The amount has more than two decimal places.
    #[error("le montant {value} a plus de deux décimales : donnez-le au centime près")]
    TooPrecise {
        /// The rejected value.
        value: Decimal,
    },
    /// The amount is too large to be held to the cent (above [`Euros::MAX`]).
    #[error(
        "le montant {value} est trop grand pour être tenu au centime près : un montant vaut au plus {}",
        Euros::MAX
    )]
    TooLarge {
        /// The rejected value, as written.
        value: String,
    },
    /// The share is outside [0, 1].
    #[error(
        "la part {value} est hors de [0, 1] : écrivez un décimal entre 0 et 1, par ex. \"0.70\""
    )]
    ShareOutOfRange {
        /// The rejected value.
        value: Decimal,
    },
    /// A subtraction would go below zero.
    #[error(
        "{minuend} moins {subtrahend} est négatif : on ne retire pas d'un montant plus qu'il ne contient"
    )]
    NegativeResult {
        /// What was subtracted from.
        minuend: Euros,
        /// What was subtracted.
        subtrahend: Euros,
    },
    /// The result leaves the range of `Decimal` (about 7.9 × 10²⁸).
    #[error(
        "dépassement de capacité dans une {operation} : le résultat dépasse environ 7,9 × 10²⁸, vérifiez les montants donnés"
    )]
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
/// assert_eq!(
///     err.to_string(),
///     r#"identifiant de défi "IA Flash" : le caractère ' ' n'est pas permis : écrivez seulement des lettres sans accent, des chiffres et les signes - _ . :"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// The text is empty or blank.
    #[error("{kind} vide : écrivez au moins un caractère")]
    Empty {
        /// What the text was meant to be.
        kind: &'static str,
    },
    /// The text is longer than allowed.
    #[error("{kind} {} : plus de {max} caractères, écrivez-en au plus {max}", echo(input))]
    TooLong {
        /// What the text was meant to be.
        kind: &'static str,
        /// The rejected text.
        input: String,
        /// The longest allowed.
        max: usize,
    },
    /// The text holds a character that is not allowed.
    #[error(
        "{kind} {} : le caractère {found:?} n'est pas permis : {}",
        echo(input),
        allowed_characters(kind)
    )]
    InvalidCharacter {
        /// What the text was meant to be.
        kind: &'static str,
        /// The rejected text.
        input: String,
        /// The first offending character.
        found: char,
    },
}

/// What to write instead of a character a text of `kind` does not allow.
fn allowed_characters(kind: &str) -> &'static str {
    if kind == "libellé" {
        "retirez ce caractère de contrôle (un libellé est du texte sur une ligne)"
    } else {
        "écrivez seulement des lettres sans accent, des chiffres et les signes - _ . :"
    }
}

/// Why a text is not a valid SIREN, SIRET or budget programme number.
///
/// # Example
/// ```
/// use eig_domain::{IdentifierError, Siren};
///
/// let err = "110014017".parse::<Siren>().unwrap_err();
/// assert!(matches!(err, IdentifierError::BadKey { kind: "SIREN", .. }));
/// assert_eq!(err.to_string(), r#"SIREN "110014017" : la clé de contrôle est fausse, vérifiez le numéro"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdentifierError {
    /// Not the right number of digits, or not only digits.
    #[error(
        "{kind} {} : ce ne sont pas {digits} chiffres, écrivez ses {digits} chiffres sans espace",
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
    #[error("{kind} {} : la clé de contrôle est fausse, vérifiez le numéro", echo(input))]
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
/// assert_eq!(err.to_string(), r#""2019-13" n'est pas une date : écrivez AAAA, AAAA-MM ou AAAA-MM-JJ (par ex. 2019-03-15)"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// The Paris wall-clock time falls in the spring-forward gap and never happens.
    #[error(
        "{paris} n'existe pas à l'heure de Paris (passage à l'heure d'été) : donnez une heure qui existe, par ex. une heure plus tard"
    )]
    NonexistentParisTime {
        /// The rejected wall-clock time.
        paris: NaiveDateTime,
    },
    /// The Paris wall-clock time happens twice (autumn change) and is ambiguous.
    #[error(
        "{paris} a lieu deux fois à l'heure de Paris (passage à l'heure d'hiver) : donnez une heure sans ambiguïté"
    )]
    AmbiguousParisTime {
        /// The rejected wall-clock time.
        paris: NaiveDateTime,
    },
    /// The `utc` of a deadline does not match its `paris` time.
    #[error(
        "l'échéance {paris} heure de Paris correspond à {expected} et non à {utc} : corrigez l'une des deux"
    )]
    InconsistentDeadline {
        /// The Paris wall-clock time given.
        paris: NaiveDateTime,
        /// The instant given.
        utc: DateTime<Utc>,
        /// The instant the Paris time denotes.
        expected: DateTime<Utc>,
    },
    /// The text is not a date of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error(
        "{} n'est pas une date : écrivez AAAA, AAAA-MM ou AAAA-MM-JJ (par ex. 2019-03-15)",
        echo(input)
    )]
    InvalidDate {
        /// The rejected text.
        input: String,
    },
    /// A range ends before it starts.
    #[error(
        "la période finit le {last}, avant de commencer le {first} : donnez le premier jour avant le dernier"
    )]
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
/// assert_eq!(err.to_string(), r#""EIG8" n'est pas une promotion : écrivez EIG1 à EIG7, ou DIG1"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PromotionError {
    /// Not one of `EIG1`…`EIG7`, `DIG1` (or `EIG 1`…).
    #[error("{} n'est pas une promotion : écrivez EIG1 à EIG7, ou DIG1", echo(input))]
    Unknown {
        /// The rejected text.
        input: String,
    },
    /// Pay bands leave a gap, overlap, or do not end unbounded.
    #[error(
        "les tranches de la grille de rémunération ne se suivent pas à {at} d'expérience : chaque tranche commence où finit la précédente, la dernière sans fin"
    )]
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
/// assert_eq!(err.to_string(), r#""AAP9" n'est pas un document source connu : écrivez une abréviation de docs/sources.md, par ex. AAP3"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// Not one of the documents' abbreviations.
    #[error(
        "{} n'est pas un document source connu : écrivez une abréviation de docs/sources.md, par ex. AAP3",
        echo(input)
    )]
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
/// assert!(err.to_string().starts_with(r#"identifiant de défi "xxxxx"#));
/// assert!(err.to_string().contains(r#"…" (1000 caractères)"#));
/// assert!(err.to_string().chars().count() < 150);
/// ```
pub fn echo(input: &str) -> String {
    let length = input.chars().count();
    if length <= 80 {
        format!("{input:?}")
    } else {
        let start: String = input.chars().take(60).collect();
        let quoted = format!("{start:?}");
        format!("{}…\" ({length} caractères)", &quoted[..quoted.len() - 1])
    }
}
