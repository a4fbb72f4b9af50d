//! The laws of splitting money: conservation, half-cent accuracy, monotonicity, N-way
//! parts within one cent of each other.

use eig_domain::{Euros, Share};
use eig_funding::{RoundingRule, allocate, fraction_of, split, split_evenly};
use proptest::prelude::*;
use rust_decimal::Decimal;

const MAX_CENTS: u64 = 1_000_000_000_000;

fn rounding() -> impl Strategy<Value = RoundingRule> {
    prop_oneof![
        Just(RoundingRule::HalfUpToCent),
        Just(RoundingRule::HalfEvenToCent),
        Just(RoundingRule::DownToCent),
    ]
}

/// Any share in [0, 1] with 0 to 28 decimals (every scale `Decimal`, hence `Share`, holds:
/// from 20 decimals on, a product with a total of 10¹² cents leaves 128 bits and takes the
/// 256-bit path).
fn share() -> impl Strategy<Value = Share> {
    (0_u32..=28).prop_flat_map(|scale| {
        (0_i128..=10_i128.pow(scale)).prop_map(move |mantissa| {
            Share::try_from(Decimal::from_i128_with_scale(mantissa, scale)).expect("within [0, 1]")
        })
    })
}

/// A total from 0 to 10¹² cents, small totals (where every cent of rounding shows) as often
/// as large ones.
fn cents() -> impl Strategy<Value = u64> {
    prop_oneof![0..=1_000_u64, 0..=MAX_CENTS]
}

/// `a × b` as (high, low) 128-bit halves, schoolbook on 64-bit limbs.
fn wide(a: u128, b: u128) -> (u128, u128) {
    let mask = u128::from(u64::MAX);
    let (a1, a0, b1, b0) = (a >> 64, a & mask, b >> 64, b & mask);
    let (low, cross1, cross0, high) = (a0 * b0, a1 * b0, a0 * b1, a1 * b1);
    let middle = (low >> 64) + (cross1 & mask) + (cross0 & mask);
    ((high + (cross1 >> 64) + (cross0 >> 64) + (middle >> 64)), (low & mask) | (middle << 64))
}

/// `a − b` on (high, low) pairs, for `a ≥ b`.
fn minus(a: (u128, u128), b: (u128, u128)) -> (u128, u128) {
    let (low, borrow) = a.1.overflowing_sub(b.1);
    (a.0 - b.0 - u128::from(borrow), low)
}

/// `(numerator, 10^scale)` of a share, normalized as `Share` holds it.
fn ratio(share: Share) -> (u128, u128) {
    let decimal = share.to_decimal();
    (decimal.mantissa().unsigned_abs(), 10_u128.pow(decimal.scale()))
}

proptest! {
    #[test]
    fn parts_sum_exactly_to_the_total(cents in cents(), share in share(), rule in rounding()) {
        let total = Euros::from_cents(cents);
        let parts = split(total, share, rule);
        prop_assert_eq!(parts.share.checked_add(parts.remainder), Ok(total));
    }

    #[test]
    fn the_share_is_within_half_a_cent(cents in cents(), share in share(), rule in rounding()) {
        let (numerator, denominator) = ratio(share);
        let got = split(Euros::from_cents(cents), share, rule).share.cents().unsigned_abs();
        // In units of 1/denominator cent, on 256 bits (a 28-decimal share times 10¹² cents
        // leaves 128 bits).
        let exact = wide(u128::from(cents), numerator);
        let scaled = wide(got, denominator);
        let error = if scaled >= exact { minus(scaled, exact) } else { minus(exact, scaled) };
        let denominator = (0, denominator);
        match rule {
            RoundingRule::DownToCent => {
                prop_assert!(scaled <= exact && error < denominator);
            }
            _ => prop_assert!(
                // 2 × error ≤ denominator.
                error <= denominator && error <= minus(denominator, error),
                "{got} cents vs {exact:?} / {denominator:?}"
            ),
        }
    }

    #[test]
    fn parts_are_monotonic_in_the_total(
        a in cents(),
        step in prop_oneof![0..=3_u64, 0..=MAX_CENTS],
        share in share(),
        rule in rounding(),
    ) {
        // Totals a cent or three apart as well as far apart, both within 0..=10¹² cents.
        let (low, high) = (a.min(MAX_CENTS - step), (a + step).min(MAX_CENTS));
        let low = split(Euros::from_cents(low), share, rule);
        let high = split(Euros::from_cents(high), share, rule);
        prop_assert!(low.share <= high.share);
        prop_assert!(low.remainder <= high.remainder);
    }

    #[test]
    fn n_way_parts_sum_and_differ_by_at_most_a_cent(cents in cents(), parts in 1_u32..=120) {
        let total = Euros::from_cents(cents);
        let split = split_evenly(total, parts).unwrap();
        prop_assert_eq!(split.len(), parts as usize);
        prop_assert_eq!(Euros::checked_sum(split.iter().copied()), Ok(total));
        let (min, max) = (split.iter().min().unwrap(), split.iter().max().unwrap());
        prop_assert!(max.cents() - min.cents() <= 1);
        // The larger parts come first.
        prop_assert!(split.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn weighted_parts_sum_and_stay_within_a_cent_of_their_share(
        cents in cents(),
        weights in proptest::collection::vec(0_u128..=1_000_000, 1..=40),
    ) {
        prop_assume!(weights.iter().any(|&w| w > 0));
        let total = Euros::from_cents(cents);
        let parts = allocate(total, &weights).unwrap();
        prop_assert_eq!(Euros::checked_sum(parts.iter().copied()), Ok(total));
        let sum: u128 = weights.iter().sum();
        for (part, weight) in parts.iter().zip(&weights) {
            let exact = u128::from(cents) * weight; // in units of 1/sum cent
            let got = part.cents().unsigned_abs() * sum;
            prop_assert!(got.abs_diff(exact) < sum);
        }
    }

    #[test]
    fn a_fraction_is_a_split(cents in cents(), numerator in 0_u64..=10, rule in rounding()) {
        let total = Euros::from_cents(cents);
        let fraction = fraction_of(total, numerator, 10, rule).unwrap();
        let share = Share::try_from(Decimal::new(i64::try_from(numerator).unwrap(), 1)).unwrap();
        prop_assert_eq!(fraction, split(total, share, rule).share);
    }
}

#[test]
fn extreme_amounts_and_shares_do_not_overflow() {
    // The largest amount `Euros` holds, at a share with 28 decimals.
    let total: Euros = "792281625142643375935439503.35".parse().unwrap();
    let share: Share = "0.9999999999999999999999999999".parse().unwrap();
    let parts = split(total, share, RoundingRule::HalfUpToCent);
    assert_eq!(parts.share.checked_add(parts.remainder), Ok(total));
    assert_eq!(parts.remainder, Euros::from_cents(8));
    let parts = split(total, "0.5".parse().unwrap(), RoundingRule::HalfEvenToCent);
    assert_eq!(parts.share.to_string(), "396140812571321687967719751.68");
    assert_eq!(parts.remainder.to_string(), "396140812571321687967719751.67");
}

#[test]
fn splitting_errors() {
    let one = Euros::from_whole(1);
    insta::assert_snapshot!(split_evenly(one, 0).unwrap_err(), @"impossible de partager en zéro part : demandez au moins une part");
    insta::assert_snapshot!(allocate(one, &[]).unwrap_err(), @"impossible de partager en zéro part : demandez au moins une part");
    insta::assert_snapshot!(allocate(one, &[0, 0]).unwrap_err(), @"la somme des poids est nulle : donnez au moins un poids positif");
    insta::assert_snapshot!(
        allocate(one, &[u128::MAX, 1]).unwrap_err(),
        @"dépassement de capacité dans le calcul : la somme des poids dépasse 128 bits, les montants ou les poids sont trop grands"
    );
    insta::assert_snapshot!(
        fraction_of(one, 1, 0, RoundingRule::default()).unwrap_err(),
        @"fraction de dénominateur nul : donnez un dénominateur positif"
    );
    insta::assert_snapshot!(
        fraction_of(one, 11, 10, RoundingRule::default()).unwrap_err(),
        @"la fraction 11/10 dépasse un : une part ne peut dépasser le total"
    );
}

/// Weights whose sum needs the top bit of 128 (the 256-bit division's carry): the shares stay
/// exact. One euro for weights 2^127 and 2^127 − 1 is 50 and 50 cents (the odd remainder to
/// the larger weight); for two thirds and one third of `u128::MAX`, 67 and 33 cents.
#[test]
fn allocation_with_weights_near_the_top_of_128_bits() {
    let one = Euros::from_cents(100);
    let half = 1_u128 << 127;
    assert_eq!(
        allocate(one, &[half, half - 1]).unwrap(),
        [Euros::from_cents(50), Euros::from_cents(50)]
    );
    let third = u128::MAX / 3;
    assert_eq!(
        allocate(one, &[2 * third, third]).unwrap(),
        [Euros::from_cents(67), Euros::from_cents(33)]
    );
    let total = Euros::from_cents(1_000_001);
    let parts = allocate(total, &[half + 12_345, half - 98_765]).unwrap();
    assert_eq!(parts[0].checked_add(parts[1]).unwrap(), total);
    assert_eq!(parts, [Euros::from_cents(500_001), Euros::from_cents(500_000)]);
}
