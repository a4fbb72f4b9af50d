//! Money: [`Euros`] (exact, to the cent, non-negative) and [`Share`] (an exact rate in [0, 1]).
//!
//! Amounts are `rust_decimal::Decimal`, never floats. JSON carries them as strings
//! (`"70000.00"`, `"0.70"`) so that no consumer reads a float. Arithmetic is checked:
//! an overflow or a negative result is a typed [`MoneyError`], never a wrap or a panic.

use std::{fmt, iter::Sum, str::FromStr};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::echo::echo;

/// A non-negative amount of euros, exact to the cent.
///
/// Always held with exactly two decimal places (`70000` is stored as `70000.00`), so equal
/// amounts serialize identically. Serialized as a JSON string (`"70000.00"`).
///
/// # Example
/// ```
/// use eig_domain::Euros;
///
/// let cost: Euros = "70000".parse()?;
/// assert_eq!(cost.to_string(), "70000.00");
/// assert_eq!(cost.to_french(), "70\u{202f}000,00\u{a0}€");
/// assert!("-1".parse::<Euros>().is_err());
/// assert!("0.001".parse::<Euros>().is_err());
/// # Ok::<(), eig_domain::MoneyError>(())
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(with = "String"))]
#[cfg_attr(feature = "schemars", schemars(extend("pattern" = EUROS_PATTERN)))]
#[serde(try_from = "String", into = "Decimal")]
pub struct Euros(Decimal);

/// What [`Euros`] accepts, as a JSON Schema (ECMA-262) pattern: a plain decimal number with at
/// most two significant decimals (trailing zeros are dropped: `1.000` is `1.00`), or a
/// negative zero (`-0`, `-0.00`, which is zero). At most 26 digits before the point, and
/// 28 after it, keep the schema inside what `Decimal` holds; the type's exact limit,
/// [`Euros::MAX`], lies between 10²⁶ and 10²⁷ €.
#[cfg(feature = "schemars")]
const EUROS_PATTERN: &str = r"^(?:-0+(?:\.0{1,28})?|0*[0-9]{1,26}(?:\.[0-9]{1,2}0{0,26})?)$";

impl Euros {
    /// Zero euros.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Euros;
    ///
    /// assert_eq!(Euros::ZERO.to_string(), "0.00");
    /// assert_eq!("0".parse::<Euros>()?, Euros::ZERO);
    /// assert_eq!(Euros::checked_sum([])?, Euros::ZERO);
    /// # Ok::<(), eig_domain::MoneyError>(())
    /// ```
    pub const ZERO: Euros = Euros(Decimal::from_parts(0, 0, 0, false, 2));

    /// The amount of `cents` cents; every `u64` is representable.
    ///
    /// # Example
    /// ```
    /// assert_eq!(eig_domain::Euros::from_cents(4_900_050).to_string(), "49000.50");
    /// ```
    #[expect(
        clippy::cast_possible_truncation,
        reason = "splits the u64 into its two 32-bit halves"
    )]
    pub const fn from_cents(cents: u64) -> Euros {
        Euros(Decimal::from_parts(cents as u32, (cents >> 32) as u32, 0, false, 2))
    }

    /// A whole number of euros.
    ///
    /// # Example
    /// ```
    /// assert_eq!(eig_domain::Euros::from_whole(20_000).to_string(), "20000.00");
    /// ```
    pub fn from_whole(euros: u64) -> Euros {
        Euros(Decimal::from_i128_with_scale(i128::from(euros) * 100, 2))
    }

    /// The amount as a `Decimal` with two decimal places.
    ///
    /// # Example
    /// ```
    /// let amount: eig_domain::Euros = "70000".parse()?;
    /// assert_eq!(amount.to_decimal().to_string(), "70000.00");
    /// assert_eq!(amount.to_decimal().scale(), 2);
    /// # Ok::<(), eig_domain::MoneyError>(())
    /// ```
    pub const fn to_decimal(self) -> Decimal {
        self.0
    }

    /// The amount in cents.
    ///
    /// # Example
    /// ```
    /// assert_eq!("12.30".parse::<eig_domain::Euros>()?.cents(), 1230);
    /// # Ok::<(), eig_domain::MoneyError>(())
    /// ```
    pub fn cents(self) -> i128 {
        self.0.mantissa()
    }

    /// `self + other`.
    ///
    /// # Errors
    /// [`MoneyError::Overflow`] when the sum leaves the range of `Decimal`.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Euros;
    /// assert_eq!(Euros::from_whole(1).checked_add(Euros::from_cents(5))?, Euros::from_cents(105));
    /// # Ok::<(), eig_domain::MoneyError>(())
    /// ```
    pub fn checked_add(self, other: Euros) -> Result<Euros, MoneyError> {
        let overflow = MoneyError::Overflow { operation: "addition" };
        let sum = self.0.checked_add(other.0).ok_or_else(|| overflow.clone())?;
        Euros::canonical(sum).map_err(|_| overflow)
    }

    /// `self - other`.
    ///
    /// # Errors
    /// [`MoneyError::NegativeResult`] when `other > self`.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Euros;
    /// assert_eq!(Euros::from_whole(3).checked_sub(Euros::from_whole(1))?, Euros::from_whole(2));
    /// assert!(Euros::from_whole(1).checked_sub(Euros::from_whole(3)).is_err());
    /// # Ok::<(), eig_domain::MoneyError>(())
    /// ```
    pub fn checked_sub(self, other: Euros) -> Result<Euros, MoneyError> {
        if other > self {
            return Err(MoneyError::NegativeResult { minuend: self, subtrahend: other });
        }
        // Both operands hold cents and the result is smaller than `self`: it holds cents too.
        Euros::canonical(self.0 - other.0)
    }

    /// `self × factor` for a whole factor (a number of months, of talents).
    ///
    /// # Errors
    /// [`MoneyError::Overflow`] when the product leaves the range of `Decimal`.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Euros;
    /// assert_eq!(Euros::from_whole(49_000).checked_mul(30)?, Euros::from_whole(1_470_000));
    /// # Ok::<(), eig_domain::MoneyError>(())
    /// ```
    pub fn checked_mul(self, factor: u64) -> Result<Euros, MoneyError> {
        let overflow = MoneyError::Overflow { operation: "multiplication" };
        let product = self.0.checked_mul(Decimal::from(factor)).ok_or_else(|| overflow.clone())?;
        Euros::canonical(product).map_err(|_| overflow)
    }

    /// Sums amounts with checked arithmetic.
    ///
    /// # Errors
    /// [`MoneyError::Overflow`] when the sum leaves the range of `Decimal`.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Euros;
    /// let parts = [Euros::from_cents(1), Euros::from_cents(2)];
    /// assert_eq!(Euros::checked_sum(parts)?, Euros::from_cents(3));
    /// # Ok::<(), eig_domain::MoneyError>(())
    /// ```
    pub fn checked_sum(amounts: impl IntoIterator<Item = Euros>) -> Result<Euros, MoneyError> {
        amounts.into_iter().try_fold(Euros::ZERO, Euros::checked_add)
    }

    /// The amount written the French way: `70 000,00 €`.
    ///
    /// Thousands are grouped with a narrow no-break space (U+202F), the decimal separator is
    /// a comma and the euro sign follows a no-break space (U+00A0), as the Imprimerie
    /// nationale's typographic rules recommend.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Euros;
    ///
    /// assert_eq!(Euros::from_cents(4_900_050).to_french(), "49\u{202f}000,50\u{a0}€");
    /// assert_eq!(Euros::from_whole(800).to_french(), "800,00\u{a0}€");
    /// assert_eq!(Euros::from_whole(1_470_000).to_french(), "1\u{202f}470\u{202f}000,00\u{a0}€");
    /// ```
    pub fn to_french(self) -> String {
        let cents = self.cents();
        let (whole, fraction) = (cents / 100, cents % 100);
        let digits = whole.to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 3 + 8);
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index) % 3 == 0 {
                grouped.push('\u{202f}');
            }
            grouped.push(digit);
        }
        format!("{grouped},{fraction:02}\u{a0}€")
    }

    /// The largest amount that can be held to the cent: (2⁹⁶ − 1) cents, about 7.9 × 10²⁶ €.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Euros, MoneyError};
    ///
    /// assert_eq!(Euros::MAX.cents(), (1_i128 << 96) - 1);
    /// assert_eq!(
    ///     Euros::MAX.checked_add(Euros::from_cents(1)),
    ///     Err(MoneyError::Overflow { operation: "addition" })
    /// );
    /// ```
    pub const MAX: Euros = Euros(Decimal::from_parts(u32::MAX, u32::MAX, u32::MAX, false, 2));

    /// Rescales a non-negative value to exactly two decimal places, refusing a value too large
    /// to keep its cents (`Decimal` would otherwise silently drop them).
    fn canonical(mut value: Decimal) -> Result<Euros, MoneyError> {
        let original = value;
        value.rescale(2);
        if value.scale() != 2 {
            return Err(MoneyError::TooLarge { value: original.to_string() });
        }
        Ok(Euros(value))
    }
}

impl TryFrom<Decimal> for Euros {
    type Error = MoneyError;

    fn try_from(value: Decimal) -> Result<Euros, MoneyError> {
        let normalized = value.normalize();
        if normalized.is_sign_negative() {
            return Err(MoneyError::Negative { value });
        }
        if normalized.scale() > 2 {
            return Err(MoneyError::TooPrecise { value });
        }
        Euros::canonical(normalized)
    }
}

impl FromStr for Euros {
    type Err = MoneyError;

    fn from_str(input: &str) -> Result<Euros, MoneyError> {
        let value = parse_decimal(input)?;
        Euros::try_from(value)
    }
}

impl TryFrom<String> for Euros {
    type Error = MoneyError;

    fn try_from(value: String) -> Result<Euros, MoneyError> {
        value.parse()
    }
}

impl From<Euros> for Decimal {
    fn from(amount: Euros) -> Decimal {
        amount.0
    }
}

impl fmt::Display for Euros {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// An exact rate in [0, 1] (`0.70` for the 70 % PIA share of EIG3).
///
/// Serialized as a JSON string (`"0.70"`). Displayed as a French percentage (`70 %`).
///
/// # Example
/// ```
/// use eig_domain::Share;
///
/// let pia: Share = "0.70".parse()?;
/// assert_eq!(pia, Share::from_percent(70)?);
/// assert_eq!(pia.complement(), Share::from_percent(30)?);
/// assert_eq!(pia.to_string(), "70\u{a0}%");
/// assert!("1.5".parse::<Share>().is_err());
/// # Ok::<(), eig_domain::MoneyError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(with = "String"))]
#[cfg_attr(feature = "schemars", schemars(extend("pattern" = SHARE_PATTERN)))]
#[serde(try_from = "String", into = "Decimal")]
pub struct Share(Decimal);

/// What [`Share`] accepts, as a JSON Schema (ECMA-262) pattern: a plain decimal number from 0
/// to 1 (`0.7`, `0.70`, `1`, `1.00`), or a negative zero; at most 28 decimals, the precision
/// of `Decimal`.
#[cfg(feature = "schemars")]
const SHARE_PATTERN: &str = r"^(?:-0+(?:\.0{1,28})?|0+(?:\.[0-9]{1,28})?|0*1(?:\.0{1,28})?)$";

impl Share {
    /// 0 %.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Share;
    ///
    /// assert_eq!("0.00".parse::<Share>()?, Share::ZERO);
    /// assert_eq!(Share::ZERO.to_string(), "0\u{a0}%");
    /// # Ok::<(), eig_domain::MoneyError>(())
    /// ```
    pub const ZERO: Share = Share(Decimal::ZERO);
    /// 100 %.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Share;
    ///
    /// assert_eq!(Share::from_percent(100)?, Share::ONE);
    /// assert_eq!(Share::ONE.complement(), Share::ZERO);
    /// assert_eq!(Share::ONE.to_string(), "100\u{a0}%");
    /// # Ok::<(), eig_domain::MoneyError>(())
    /// ```
    pub const ONE: Share = Share(Decimal::ONE);

    /// `percent` %, for a whole percentage.
    ///
    /// # Errors
    /// [`MoneyError::ShareOutOfRange`] above 100.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Share;
    ///
    /// assert_eq!(Share::from_percent(70)?.to_string(), "70\u{a0}%");
    /// let err = Share::from_percent(101).unwrap_err();
    /// assert_eq!(err.to_string(), r#"la part 1.01 est hors de [0, 1] : écrivez un décimal entre 0 et 1, par ex. "0.70""#);
    /// # Ok::<(), eig_domain::MoneyError>(())
    /// ```
    pub fn from_percent(percent: u8) -> Result<Share, MoneyError> {
        Share::try_from(Decimal::new(i64::from(percent), 2))
    }

    /// The rate as a `Decimal` in [0, 1].
    ///
    /// # Example
    /// ```
    /// let pia: eig_domain::Share = "0.70".parse()?;
    /// assert_eq!(pia.to_decimal().to_string(), "0.7");
    /// # Ok::<(), eig_domain::MoneyError>(())
    /// ```
    pub const fn to_decimal(self) -> Decimal {
        self.0
    }

    /// `1 - self`: the other payer's share.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Share;
    ///
    /// // EIG3: the PIA pays 70 %, the host the other 30 %.
    /// let pia: Share = "0.70".parse()?;
    /// assert_eq!(pia.complement(), "0.30".parse()?);
    /// assert_eq!(pia.complement().to_string(), "30\u{a0}%");
    /// # Ok::<(), eig_domain::MoneyError>(())
    /// ```
    #[must_use]
    pub fn complement(self) -> Share {
        Share((Decimal::ONE - self.0).normalize())
    }
}

impl TryFrom<Decimal> for Share {
    type Error = MoneyError;

    fn try_from(value: Decimal) -> Result<Share, MoneyError> {
        let normalized = value.normalize();
        if normalized.is_sign_negative() || normalized > Decimal::ONE {
            return Err(MoneyError::ShareOutOfRange { value });
        }
        Ok(Share(normalized))
    }
}

impl FromStr for Share {
    type Err = MoneyError;

    fn from_str(input: &str) -> Result<Share, MoneyError> {
        Share::try_from(parse_decimal(input)?)
    }
}

impl TryFrom<String> for Share {
    type Error = MoneyError;

    fn try_from(value: String) -> Result<Share, MoneyError> {
        value.parse()
    }
}

impl From<Share> for Decimal {
    fn from(share: Share) -> Decimal {
        share.0
    }
}

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let percent = (self.0 * Decimal::ONE_HUNDRED).normalize();
        write!(f, "{}\u{a0}%", percent.to_string().replace('.', ","))
    }
}

impl Sum<Share> for Option<Share> {
    /// Adds shares; `None` when the total leaves [0, 1].
    fn sum<I: Iterator<Item = Share>>(iter: I) -> Option<Share> {
        let mut total = Decimal::ZERO;
        for share in iter {
            total = total.checked_add(share.0)?;
        }
        Share::try_from(total).ok()
    }
}

/// Parses a plain decimal number (`1250.5`, `0.70`): digits, one optional leading `-`, one
/// optional `.`; no exponent, no spaces, no comma.
fn parse_decimal(input: &str) -> Result<Decimal, MoneyError> {
    let body = input.strip_prefix('-').unwrap_or(input);
    let mut parts = body.splitn(2, '.');
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    let digits_ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let well_formed = digits_ok(whole) && fraction.is_none_or(digits_ok);
    if !well_formed {
        return Err(MoneyError::NotANumber { input: input.to_owned() });
    }
    // Leading zeros of the whole part and trailing zeros of the fraction say nothing of the
    // value: without them, a value `Decimal` holds is read whatever zeros surround it.
    let whole = match whole.trim_start_matches('0') {
        "" => "0",
        significant => significant,
    };
    let fraction = fraction.map(|fraction| fraction.trim_end_matches('0')).unwrap_or_default();
    let sign = if input.starts_with('-') { "-" } else { "" };
    let plain = if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    };
    // Well-formed but beyond `Decimal`'s 96-bit mantissa.
    Decimal::from_str_exact(&plain).map_err(|_| MoneyError::TooLarge { value: input.to_owned() })
}

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
