//! Opaque identifiers and short texts: [`DefiId`], [`CandidateId`], [`Label`].

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

use crate::echo::echo;

/// Longest identifier accepted, in bytes.
const MAX_ID_LEN: usize = 64;
/// Longest label accepted, in characters.
const MAX_LABEL_CHARS: usize = 500;

/// What [`check_id`] accepts, as a JSON Schema (ECMA-262) pattern.
#[cfg(feature = "schemars")]
const ID_PATTERN: &str = "^[A-Za-z0-9._:-]{1,64}$";

/// What [`Label::check`] accepts besides its length, as a JSON Schema (ECMA-262) pattern: no
/// control character (Unicode category Cc, as `char::is_control`), and at least one character
/// that is not white space (Unicode `White_Space`, as `str::trim`). The classes are spelled
/// out rather than written `\s`, whose ECMA-262 meaning differs from Rust's (U+FEFF).
#[cfg(feature = "schemars")]
const LABEL_PATTERN: &str = concat!(
    r"^[^\x00-\x1F\x7F-\x9F]*",
    r"[^\x00-\x20\x7F-\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
    r"[^\x00-\x1F\x7F-\x9F]*$",
);

/// Checks an identifier: 1–64 bytes of ASCII letters, digits, `-`, `_`, `.` or `:`.
fn check_id(kind: &'static str, input: &str) -> Result<(), TextError> {
    if input.is_empty() {
        return Err(TextError::Empty { kind });
    }
    if input.len() > MAX_ID_LEN {
        return Err(TextError::TooLong { kind, input: input.to_owned(), max: MAX_ID_LEN });
    }
    if let Some(found) =
        input.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':')))
    {
        return Err(TextError::InvalidCharacter { kind, input: input.to_owned(), found });
    }
    Ok(())
}

macro_rules! opaque_id {
    ($(#[$meta:meta])* $name:ident, $kind:literal, $example:literal) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[cfg_attr(feature = "schemars", schemars(with = "String"))]
        #[cfg_attr(
            feature = "schemars",
            schemars(extend("minLength" = 1, "maxLength" = MAX_ID_LEN, "pattern" = ID_PATTERN))
        )]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The identifier as text.
            ///
            /// # Example
            /// ```
            #[doc = concat!("let id: eig_domain::", stringify!($name), " = \"", $example, "\".parse()?;")]
            #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
            /// # Ok::<(), eig_domain::TextError>(())
            /// ```
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = TextError;

            fn from_str(input: &str) -> Result<$name, TextError> {
                check_id($kind, input)?;
                Ok($name(input.to_owned()))
            }
        }

        impl TryFrom<String> for $name {
            type Error = TextError;

            fn try_from(value: String) -> Result<$name, TextError> {
                check_id($kind, &value)?;
                Ok($name(value))
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

opaque_id!(
    /// The identifier of a défi (or *projet*, from EIG5): 1–64 ASCII letters, digits, `-`,
    /// `_`, `.` or `:`.
    ///
    /// # Example
    /// ```
    /// use eig_domain::DefiId;
    ///
    /// let id: DefiId = "eig3-ia-flash".parse()?;
    /// assert_eq!(id.as_str(), "eig3-ia-flash");
    /// assert!("IA Flash".parse::<DefiId>().is_err());
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    DefiId,
    "identifiant de défi",
    "eig3-ia-flash"
);

opaque_id!(
    /// The opaque identifier of a candidate (no personal data is needed or kept): 1–64 ASCII
    /// letters, digits, `-`, `_`, `.` or `:`.
    ///
    /// # Example
    /// ```
    /// use eig_domain::CandidateId;
    ///
    /// let id: CandidateId = "c-0042".parse()?;
    /// assert_eq!(id.to_string(), "c-0042");
    /// assert!("".parse::<CandidateId>().is_err());
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    CandidateId,
    "identifiant de candidat",
    "c-0042"
);

/// A human-readable name (a défi title, an administration's name): 1–500 characters, not
/// blank, no control characters. Kept exactly as given (no trimming).
///
/// # Example
/// ```
/// use eig_domain::Label;
///
/// let title: Label = "Signaux Faibles".parse()?;
/// assert_eq!(title.as_str(), "Signaux Faibles");
/// assert!("   ".parse::<Label>().is_err());
/// # Ok::<(), eig_domain::TextError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(with = "String"))]
#[cfg_attr(
    feature = "schemars",
    schemars(extend("minLength" = 1, "maxLength" = MAX_LABEL_CHARS, "pattern" = LABEL_PATTERN))
)]
#[serde(try_from = "String", into = "String")]
pub struct Label(String);

impl Label {
    /// The label as text.
    ///
    /// # Example
    /// ```
    /// // Kept exactly as given: the leading space stays.
    /// let title: eig_domain::Label = " Signaux Faibles".parse()?;
    /// assert_eq!(title.as_str(), " Signaux Faibles");
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn check(input: &str) -> Result<(), TextError> {
        const KIND: &str = "libellé";
        if input.trim().is_empty() {
            return Err(TextError::Empty { kind: KIND });
        }
        if input.chars().count() > MAX_LABEL_CHARS {
            return Err(TextError::TooLong {
                kind: KIND,
                input: input.to_owned(),
                max: MAX_LABEL_CHARS,
            });
        }
        if let Some(found) = input.chars().find(|c| c.is_control()) {
            return Err(TextError::InvalidCharacter { kind: KIND, input: input.to_owned(), found });
        }
        Ok(())
    }
}

impl FromStr for Label {
    type Err = TextError;

    fn from_str(input: &str) -> Result<Label, TextError> {
        Label::check(input)?;
        Ok(Label(input.to_owned()))
    }
}

impl TryFrom<String> for Label {
    type Error = TextError;

    fn try_from(value: String) -> Result<Label, TextError> {
        Label::check(&value)?;
        Ok(Label(value))
    }
}

impl From<Label> for String {
    fn from(label: Label) -> String {
        label.0
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
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
