use super::{SplitMix64, draw};

#[test]
fn splitmix64_reference_sequence() {
    // Vigna's splitmix64.c, seed 1234567: the first three outputs.
    let mut rng = SplitMix64::new(1_234_567);
    assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
    assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
    assert_eq!(rng.next_u64(), 9_817_491_932_198_370_423);
}

#[test]
fn below_stays_below_and_covers() {
    let mut rng = SplitMix64::new(9);
    let mut seen = [0u32; 7];
    for _ in 0..7_000 {
        let x = rng.below(7);
        assert!(x < 7);
        seen[usize::try_from(x).unwrap()] += 1;
    }
    assert!(seen.iter().all(|&n| (800..1200).contains(&n)), "{seen:?}");
    assert_eq!(rng.below(0), 0);
}

#[test]
fn draw_is_a_permutation_fixed_by_the_seed() {
    let a = draw(100, 42);
    let mut sorted = a.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (0..100).collect::<Vec<u32>>());
    assert_eq!(draw(100, 42), a);
    assert_ne!(draw(100, 43), a);
}
