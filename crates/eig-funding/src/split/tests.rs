use super::{mul_div, wide_div, wide_mul};

#[test]
fn wide_multiplication_matches_128_bits_when_it_fits() {
    for (a, b) in [(0_u128, 0_u128), (1, u128::from(u64::MAX)), (u128::from(u64::MAX), 3)] {
        let (high, low) = wide_mul(a, b);
        assert_eq!((high, low), (0, a * b));
    }
    // (2^64)^2 = 2^128: high = 1, low = 0.
    assert_eq!(wide_mul(1 << 64, 1 << 64), (1, 0));
    // (2^128 − 1)^2 = 2^256 − 2^129 + 1.
    assert_eq!(wide_mul(u128::MAX, u128::MAX), (u128::MAX - 1, 1));
}

#[test]
fn wide_division_inverts_wide_multiplication() {
    let a = 79_228_162_514_264_337_593_543_950_335_u128; // 2^96 − 1, the largest mantissa
    let b = 10_u128.pow(28) - 1;
    let (high, low) = wide_mul(a, b);
    assert_eq!(wide_div(high, low, b), (a, 0));
    assert_eq!(
        mul_div(a, b, 10_u128.pow(28)),
        Some((a - a / 10_u128.pow(28) - 1, {
            // a × (10^28 − 1) = a × 10^28 − a; mod 10^28 = 10^28 − (a mod 10^28)
            10_u128.pow(28) - a % 10_u128.pow(28)
        }))
    );
}
