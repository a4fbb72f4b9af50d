//! The keys and the interner: keys order like their ids, hashing holds for ordinary and
//! colliding ids alike.

use eig_domain::{CandidateId, TextError};

use super::{Id, Interner, LONG, LongIds, inline_key, inline_text, key_of, slot_of};

/// Makes a candidate id from its inline key, as reading does.
fn make(key: u128, _: usize) -> Result<CandidateId, TextError> {
    CandidateId::make(&inline_text(key)?)
}

fn key(text: &str) -> u128 {
    key_of(&mut LongIds::new(), text, || text.parse::<CandidateId>()).expect("valid")
}

#[test]
fn inline_keys_order_like_their_ids() {
    let ids = ["a", "a0", "a00", "aa", "b", "c-1", "c.1", "c:1", "c_1", "zzzzzzzzzzzzzzzz"];
    for pair in ids.windows(2) {
        assert!(pair[0] < pair[1]);
        assert!(inline_key(pair[0]) < inline_key(pair[1]), "{pair:?}");
    }
    assert_eq!(key("c1") & LONG, 0);
    assert_ne!(key("candidate-over-16") & LONG, 0);
    // Not ASCII: through the long ids, which check it at once.
    assert!(key_of(&mut LongIds::new(), "é", || "é".parse::<CandidateId>()).is_err());
}

fn ids(n: usize) -> Vec<u128> {
    (0..n).map(|i| key(&format!("c{i:07}"))).collect()
}

/// Interning a million ids is hashing, not the ordered map kept for colliding ids.
#[test]
fn interning_hashes_ordinary_ids() {
    let keys = ids(200_000);
    let mut interner = Interner::<CandidateId>::new(10, Vec::new());
    let first = interner.intern_all(&keys, make).expect("valid");
    assert_eq!(first, (0..200_000).collect::<Vec<u32>>());
    let again = interner.intern_all(&keys, make).expect("valid");
    assert_eq!(again, first);
    assert!(interner.ordered.is_none());
    assert!(interner.extra_probes < 2 * interner.lookups);
}

/// Once probing degenerates (ids chosen to collide), the ordered map takes over and gives
/// the same indices.
#[test]
fn colliding_ids_switch_to_the_ordered_map() {
    let keys = ids(5_000);
    let mut interner = Interner::<CandidateId>::new(10, Vec::new());
    let first = interner.intern_all(&keys[..2_000], make).expect("valid");
    interner.extra_probes = 1 << 40;
    let all = interner.intern_all(&keys, make).expect("valid");
    assert!(interner.ordered.is_some());
    assert_eq!(&all[..2_000], first.as_slice());
    assert_eq!(all, (0..5_000).collect::<Vec<u32>>());
    assert_eq!(interner.intern_all(&keys, make).expect("valid"), all);
    assert_eq!(interner.ids.ids[4_999].as_str(), "c0004999");
}

/// Ids of 16 bytes sharing their first 8: keys with the same high half. A slot holding
/// another of them is not taken for the key's own.
#[test]
fn keys_sharing_their_high_half_are_told_apart() {
    let keys: Vec<u128> = (0..100_000).map(|i| key(&format!("prefix--{i:08}"))).collect();
    assert!(keys.iter().all(|&k| k >> 64 == keys[0] >> 64 && k & LONG == 0));
    let mut interner = Interner::<CandidateId>::new(10, Vec::new());
    let first = interner.intern_all(&keys, make).expect("valid");
    assert_eq!(first, (0..100_000).collect::<Vec<u32>>());
    let mut reversed = keys.clone();
    reversed.reverse();
    let again = interner.intern_all(&reversed, make).expect("valid");
    assert_eq!(again, (0..100_000).rev().collect::<Vec<u32>>());
    assert_eq!(interner.ids.ids[99_999].as_str(), "prefix--00099999");
    // Hashing spreads them: no long probing, no ordered map.
    assert!(interner.ordered.is_none());
    assert!(interner.extra_probes < 2 * interner.lookups);
}

/// `count` keys whose first slot in a table of `2^bits` slots is `slot`.
fn keys_at(slot: usize, bits: u32, count: usize) -> Vec<u128> {
    (0..).map(|i| key(&format!("k{i}"))).filter(|&k| slot_of(k, bits) == slot).take(count).collect()
}

/// Linear probing: a key goes to the first free slot from its own, wrapping around the
/// end of the table; each slot passed counts one probe, placing or finding.
#[test]
fn probing_steps_to_the_next_slot_and_wraps() {
    let mut interner = Interner::<CandidateId>::new(10, Vec::new());
    assert_eq!(interner.slots.len(), 1 << 11);
    let last = interner.slots.len() - 1;
    let keys = keys_at(last, interner.bits, 4);
    for (i, &k) in keys[..3].iter().enumerate() {
        interner.place(k, u32::try_from(i).expect("small"));
    }
    // At the last slot, then the first two.
    let placed: Vec<u32> = [last, 0, 1, 2].iter().map(|&s| interner.slots[s].index).collect();
    assert_eq!(placed, [0, 1, 2, super::NONE]);
    assert_eq!((interner.slots[0].high, interner.slots[0].low), super::halves(keys[1]));
    assert_eq!(interner.extra_probes, 1 + 2);
    assert_eq!(interner.find(keys[2]), Some(2));
    assert_eq!((interner.extra_probes, interner.lookups), (3 + 2, 1));
    assert_eq!(interner.find(keys[3]), None);
    assert_eq!((interner.extra_probes, interner.lookups), (5 + 3, 2));
    assert_eq!(interner.find(keys[0]), Some(0));
    assert_eq!((interner.extra_probes, interner.lookups), (8, 3));
}

/// The ordered map takes over when the probes beyond the first exceed eight a lookup
/// plus 2^16, not before.
#[test]
fn the_ordered_map_takes_over_past_its_threshold() {
    let keys = ids(100);
    for (over, switched) in [(0, false), (1, true)] {
        let mut interner = Interner::<CandidateId>::new(10, Vec::new());
        interner.intern_all(&keys[..99], make).expect("valid");
        assert_eq!(interner.lookups, 99);
        let probes = interner.extra_probes;
        let threshold = 8 * 99 + (1 << 16);
        interner.extra_probes = threshold + over;
        // The last key's first slot is free: placing it probes no further.
        assert_eq!(interner.slots[slot_of(keys[99], interner.bits)].index, super::NONE);
        interner.insert(keys[99], make(keys[99], 99).expect("valid"));
        assert_eq!(interner.ordered.is_some(), switched, "{over} over, {probes} probes");
        assert_eq!(
            interner.intern_all(&keys, make).expect("valid"),
            (0..100).collect::<Vec<u32>>()
        );
    }
}
