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

/// Any share in [0, 1] with 0 to 12 decimals.
fn share() -> impl Strategy<Value = Share> {
    (0_u32..=12).prop_flat_map(|scale| {
        (0_i64..=10_i64.pow(scale)).prop_map(move |mantissa| {
            Share::try_from(Decimal::new(mantissa, scale)).expect("within [0, 1]")
        })
    })
}

/// `(numerator, 10^scale)` of a share, normalized as `Share` holds it.
fn ratio(share: Share) -> (u128, u128) {
    let decimal = share.to_decimal();
    (decimal.mantissa().unsigned_abs(), 10_u128.pow(decimal.scale()))
}

proptest! {
    #[test]
    fn parts_sum_exactly_to_the_total(cents in 0..=MAX_CENTS, share in share(), rule in rounding()) {
        let total = Euros::from_cents(cents);
        let parts = split(total, share, rule);
        prop_assert_eq!(parts.share.checked_add(parts.remainder), Ok(total));
    }

    #[test]
    fn the_share_is_within_half_a_cent(cents in 0..=MAX_CENTS, share in share(), rule in rounding()) {
        let (numerator, denominator) = ratio(share);
        let got = split(Euros::from_cents(cents), share, rule).share.cents().unsigned_abs();
        let exact = u128::from(cents) * numerator; // in units of 1/denominator cent
        let scaled = got * denominator;
        let error = scaled.abs_diff(exact);
        match rule {
            RoundingRule::DownToCent => prop_assert!(scaled <= exact && error < denominator),
            _ => prop_assert!(2 * error <= denominator, "{got} vs {exact}/{denominator}"),
        }
    }

    #[test]
    fn parts_are_monotonic_in_the_total(
        a in 0..=MAX_CENTS,
        b in 0..=MAX_CENTS,
        share in share(),
        rule in rounding(),
    ) {
        let (low, high) = (a.min(b), a.max(b));
        let low = split(Euros::from_cents(low), share, rule);
        let high = split(Euros::from_cents(high), share, rule);
        prop_assert!(low.share <= high.share);
        prop_assert!(low.remainder <= high.remainder);
    }

    #[test]
    fn n_way_parts_sum_and_differ_by_at_most_a_cent(cents in 0..=MAX_CENTS, parts in 1_u32..=120) {
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
        cents in 0..=MAX_CENTS,
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
    fn a_fraction_is_a_split(cents in 0..=MAX_CENTS, numerator in 0_u64..=10, rule in rounding()) {
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
    insta::assert_snapshot!(split_evenly(one, 0).unwrap_err(), @"cannot split into zero parts");
    insta::assert_snapshot!(allocate(one, &[]).unwrap_err(), @"cannot split into zero parts");
    insta::assert_snapshot!(allocate(one, &[0, 0]).unwrap_err(), @"the weights sum to zero");
    insta::assert_snapshot!(
        allocate(one, &[u128::MAX, 1]).unwrap_err(),
        @"overflow in sum of weights"
    );
    insta::assert_snapshot!(
        fraction_of(one, 1, 0, RoundingRule::default()).unwrap_err(),
        @"fraction with a zero denominator"
    );
    insta::assert_snapshot!(
        fraction_of(one, 11, 10, RoundingRule::default()).unwrap_err(),
        @"fraction 11/10 is above one"
    );
}
