//! Cent-exact splits: a share to one payer and the remainder to the other, and N-way
//! allocations by largest remainders. All arithmetic is on whole cents (`u128`), exact; the
//! only rounding is the one named by [`RoundingRule`].

use std::fmt;

use eig_domain::{Euros, Share};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::SplitError;

/// How an exact amount that falls between two cents is brought to a cent.
///
/// The programme's texts state no rounding. The plan names the rule it used so that anyone
/// can redo the computation by hand.
///
/// - [`RoundingRule::HalfUpToCent`] (the default): to the nearest cent, a half cent going up
///   (*arrondi au centime le plus proche, demi-centime vers le haut*). It is the rounding a
///   person checks with a calculator; on non-negative amounts it never rounds a share down
///   when it is exactly half-way.
/// - [`RoundingRule::HalfEvenToCent`] (banker's rounding): to the nearest cent, a half cent
///   going to the even cent; unbiased over many roundings. Offered for scenarios.
/// - [`RoundingRule::DownToCent`]: towards zero (the share is never above its exact value;
///   the remainder payer takes the fraction).
///
/// Whatever the rule, the share payer gets the rounded share and the other payer gets the
/// remainder, so the two parts always sum exactly to the total.
///
/// # Example
/// ```
/// use eig_domain::{Euros, Share};
/// use eig_funding::{RoundingRule, split};
///
/// let half: Share = "0.5".parse()?;
/// let odd = Euros::from_cents(5); // 0,05 € split in two: 2,5 cents each
/// assert_eq!(split(odd, half, RoundingRule::HalfUpToCent).share.cents(), 3);
/// assert_eq!(split(odd, half, RoundingRule::HalfEvenToCent).share.cents(), 2);
/// assert_eq!(split(odd, half, RoundingRule::DownToCent).share.cents(), 2);
/// # Ok::<(), eig_domain::MoneyError>(())
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RoundingRule {
    /// Nearest cent, half a cent up.
    #[default]
    HalfUpToCent,
    /// Nearest cent, half a cent to the even cent (banker's rounding).
    HalfEvenToCent,
    /// Towards zero.
    DownToCent,
}

impl RoundingRule {
    /// The French name of the rule, as the plan's text prints it.
    ///
    /// # Example
    /// ```
    /// use eig_funding::RoundingRule;
    ///
    /// assert_eq!(RoundingRule::DownToCent.french(), "arrondi au centime inférieur");
    /// ```
    pub const fn french(self) -> &'static str {
        match self {
            RoundingRule::HalfUpToCent => {
                "arrondi au centime le plus proche, demi-centime vers le haut"
            }
            RoundingRule::HalfEvenToCent => {
                "arrondi au centime le plus proche, demi-centime vers le centime pair"
            }
            RoundingRule::DownToCent => "arrondi au centime inférieur",
        }
    }

    /// Rounds `quotient + remainder / divisor` (with `remainder < divisor`) to a whole number.
    fn round(self, quotient: u128, remainder: u128, divisor: u128) -> u128 {
        if remainder == 0 {
            return quotient;
        }
        // Compare remainder with divisor / 2 without overflow: 2r vs d, as r vs d - r.
        let above_half = remainder > divisor - remainder;
        let exactly_half = remainder == divisor - remainder;
        let up = match self {
            RoundingRule::HalfUpToCent => above_half || exactly_half,
            RoundingRule::HalfEvenToCent => above_half || (exactly_half && quotient % 2 == 1),
            RoundingRule::DownToCent => false,
        };
        quotient + u128::from(up)
    }
}

impl fmt::Display for RoundingRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.french())
    }
}

/// The two parts of a split: the rounded share and the remainder.
///
/// `share + remainder == total`, always.
///
/// # Example
/// ```
/// use eig_domain::{Euros, Share};
/// use eig_funding::{RoundingRule, Split, split};
///
/// // 70 % of 10,01 € is 7,007 €: the share is rounded, the remainder takes the rest.
/// let parts = split(Euros::from_cents(1_001), Share::from_percent(70)?, RoundingRule::default());
/// assert_eq!(parts, Split { share: Euros::from_cents(701), remainder: Euros::from_cents(300) });
/// assert_eq!(parts.share.checked_add(parts.remainder)?, Euros::from_cents(1_001));
/// # Ok::<(), eig_domain::MoneyError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Split {
    /// The rounded share (the PIA's 70 %, the months of employer cost).
    pub share: Euros,
    /// What is left (the host's part).
    pub remainder: Euros,
}

/// Splits `total` into `share` of it, rounded by `rule`, and the remainder.
///
/// Exact for every amount and every share: the product is computed on 256 bits when it does
/// not fit 128, so no input overflows. The share part is within half a cent of the exact
/// share (within one cent for [`RoundingRule::DownToCent`]); both parts are non-decreasing in
/// `total`.
///
/// # Example
/// ```
/// use eig_domain::{Euros, Share};
/// use eig_funding::{RoundingRule, split};
///
/// // AAP3 §5.2: 70 % PIA, 30 % host.
/// let parts = split(Euros::from_whole(70_000), Share::from_percent(70)?, RoundingRule::default());
/// assert_eq!(parts.share, Euros::from_whole(49_000));
/// assert_eq!(parts.remainder, Euros::from_whole(21_000));
///
/// let odd = split(Euros::from_cents(1), Share::from_percent(70)?, RoundingRule::default());
/// assert_eq!((odd.share.cents(), odd.remainder.cents()), (1, 0));
/// # Ok::<(), eig_domain::MoneyError>(())
/// ```
pub fn split(total: Euros, share: Share, rule: RoundingRule) -> Split {
    let cents = cents_of(total);
    let decimal = share.to_decimal();
    let numerator = decimal.mantissa().unsigned_abs();
    let denominator = power_of_ten(decimal.scale());
    let part = mul_div_round(cents, numerator, denominator, rule);
    Split { share: euros(part), remainder: euros(cents - part) }
}

/// `total × numerator / denominator`, rounded by `rule`, with `numerator ≤ denominator`:
/// a fraction of an amount that is not a decimal share (4 months out of 10, 5 out of 12).
///
/// # Errors
/// [`SplitError::ZeroDenominator`], or [`SplitError::FractionAboveOne`] when
/// `numerator > denominator`.
///
/// # Example
/// ```
/// use eig_domain::Euros;
/// use eig_funding::{RoundingRule, fraction_of};
///
/// // AAP4 §3.3: 4 months out of a 10-month cost of 70 000 €.
/// let four = fraction_of(Euros::from_whole(70_000), 4, 10, RoundingRule::default())?;
/// assert_eq!(four, Euros::from_whole(28_000));
/// assert!(fraction_of(Euros::from_whole(1), 11, 10, RoundingRule::default()).is_err());
/// # Ok::<(), eig_funding::SplitError>(())
/// ```
pub fn fraction_of(
    total: Euros,
    numerator: u64,
    denominator: u64,
    rule: RoundingRule,
) -> Result<Euros, SplitError> {
    if denominator == 0 {
        return Err(SplitError::ZeroDenominator);
    }
    if numerator > denominator {
        return Err(SplitError::FractionAboveOne { numerator, denominator });
    }
    let part = mul_div_round(cents_of(total), u128::from(numerator), u128::from(denominator), rule);
    Ok(euros(part))
}

/// Splits `total` into `parts` parts that differ by at most one cent, the extra cents going
/// to the first parts (months in order: the first months carry the odd cents).
///
/// # Errors
/// [`SplitError::NoParts`] when `parts` is 0.
///
/// # Example
/// ```
/// use eig_domain::Euros;
/// use eig_funding::split_evenly;
///
/// let months = split_evenly(Euros::from_cents(1_000_003), 10)?;
/// assert_eq!(months[0].cents(), 100_001);
/// assert_eq!(months[3].cents(), 100_000);
/// assert_eq!(Euros::checked_sum(months)?, Euros::from_cents(1_000_003));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn split_evenly(total: Euros, parts: u32) -> Result<Vec<Euros>, SplitError> {
    if parts == 0 {
        return Err(SplitError::NoParts);
    }
    let cents = cents_of(total);
    let count = u128::from(parts);
    let (base, extra) = (cents / count, cents % count);
    Ok((0..count).map(|index| euros(base + u128::from(index < extra))).collect())
}

/// Allocates `total` in proportion to `weights` by the largest-remainder method (Hamilton):
/// each part gets the floor of its exact share, then the cents left go one by one to the
/// largest fractional remainders, ties to the earlier weight. The parts sum exactly to
/// `total`; each is within one cent of its exact share.
///
/// # Errors
/// [`SplitError::NoParts`] without weights, [`SplitError::ZeroWeights`] when they sum to 0,
/// [`SplitError::Overflow`] when the weights' sum or a product leaves 128 bits.
///
/// # Example
/// ```
/// use eig_domain::Euros;
/// use eig_funding::allocate;
///
/// // 1,00 € in thirds: 0,34 + 0,33 + 0,33 (the tie goes to the first).
/// let parts = allocate(Euros::from_cents(100), &[1, 1, 1])?;
/// assert_eq!(parts.iter().map(|p| p.cents()).collect::<Vec<_>>(), [34, 33, 33]);
/// // 10,00 € in proportion 2 : 1.
/// let parts = allocate(Euros::from_whole(10), &[2, 1])?;
/// assert_eq!(parts.iter().map(|p| p.cents()).collect::<Vec<_>>(), [667, 333]);
/// # Ok::<(), eig_funding::SplitError>(())
/// ```
pub fn allocate(total: Euros, weights: &[u128]) -> Result<Vec<Euros>, SplitError> {
    if weights.is_empty() {
        return Err(SplitError::NoParts);
    }
    let sum = weights
        .iter()
        .try_fold(0_u128, |acc, &weight| acc.checked_add(weight))
        .ok_or(SplitError::Overflow { operation: "la somme des poids" })?;
    if sum == 0 {
        return Err(SplitError::ZeroWeights);
    }
    let cents = cents_of(total);
    let mut floors = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    let mut given = 0_u128;
    for &weight in weights {
        let (quotient, remainder) = mul_div(cents, weight, sum)
            .ok_or(SplitError::Overflow { operation: "le produit d'un montant par un poids" })?;
        floors.push(quotient);
        remainders.push(remainder);
        given += quotient;
    }
    // Fewer cents are left than there are parts: Σ floor ≥ total − n + 1.
    let left = cents - given;
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| remainders[b].cmp(&remainders[a]).then(a.cmp(&b)));
    for &index in order.iter().take(usize::try_from(left).unwrap_or(usize::MAX)) {
        floors[index] += 1;
    }
    Ok(floors.into_iter().map(euros).collect())
}

// ---- exact integer arithmetic ----------------------------------------------------------

/// The cents of an amount (never negative: `Euros` is non-negative).
pub(crate) fn cents_of(amount: Euros) -> u128 {
    amount.cents().unsigned_abs()
}

/// An amount of cents that is at most an existing amount (so it fits `Euros`).
pub(crate) fn euros(cents: u128) -> Euros {
    match u64::try_from(cents) {
        Ok(small) => Euros::from_cents(small),
        Err(_) => i128::try_from(cents)
            .ok()
            .and_then(|cents| Decimal::try_from_i128_with_scale(cents, 2).ok())
            .and_then(|decimal| Euros::try_from(decimal).ok())
            .unwrap_or_else(|| unreachable!("at most an existing amount, so within Decimal")),
    }
}

fn power_of_ten(exponent: u32) -> u128 {
    10_u128.pow(exponent)
}

/// `a × b / d` rounded by `rule`, for `b ≤ d`, `d > 0`: the result is at most `a`.
fn mul_div_round(a: u128, b: u128, d: u128, rule: RoundingRule) -> u128 {
    // Fast paths on 64 then 128 bits; the 256-bit path is for extreme amounts or shares with
    // many decimals.
    if let (Ok(a64), Ok(b64), Ok(d64)) = (u64::try_from(a), u64::try_from(b), u64::try_from(d))
        && let Some(product) = a64.checked_mul(b64)
    {
        return rule.round(u128::from(product / d64), u128::from(product % d64), d);
    }
    let (quotient, remainder) = mul_div(a, b, d).unwrap_or((a, 0));
    rule.round(quotient, remainder, d)
}

/// `(a × b) div d` and `(a × b) mod d`, exact; `None` when the quotient leaves 128 bits.
fn mul_div(a: u128, b: u128, d: u128) -> Option<(u128, u128)> {
    if let Some(product) = a.checked_mul(b) {
        return Some((product / d, product % d));
    }
    let (high, low) = wide_mul(a, b);
    if high >= d {
        return None;
    }
    Some(wide_div(high, low, d))
}

/// The 256-bit product of two 128-bit numbers, as (high, low).
fn wide_mul(a: u128, b: u128) -> (u128, u128) {
    const MASK: u128 = u64::MAX as u128;
    let (a1, a0) = (a >> 64, a & MASK);
    let (b1, b0) = (b >> 64, b & MASK);
    let low_low = a0 * b0;
    let cross1 = a1 * b0;
    let cross0 = a0 * b1;
    let high_high = a1 * b1;
    let middle = (low_low >> 64) + (cross1 & MASK) + (cross0 & MASK);
    let low = (low_low & MASK) | (middle << 64);
    let high = high_high + (cross1 >> 64) + (cross0 >> 64) + (middle >> 64);
    (high, low)
}

/// Divides the 256-bit `(high, low)` by `d`, given `high < d`: restoring division, bit by bit.
fn wide_div(high: u128, low: u128, d: u128) -> (u128, u128) {
    let mut remainder = high;
    let mut quotient = 0_u128;
    for bit in (0..128).rev() {
        let carry = remainder >> 127;
        remainder = (remainder << 1) | ((low >> bit) & 1);
        if carry == 1 || remainder >= d {
            remainder = remainder.wrapping_sub(d);
            quotient |= 1 << bit;
        }
    }
    (quotient, remainder)
}

#[cfg(test)]
mod tests;
