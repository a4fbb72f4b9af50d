//! Ids as integer keys while reading, and interned into dense indices afterwards: each
//! mention of an id is kept as a 16-byte key (no string per mention), and the keys of each
//! list are numbered by first appearance through a hash table.

use std::{cmp::Ordering, collections::BTreeMap, convert::Infallible};

use eig_domain::{CandidateId, DefiId, TextError};

/// Marks "none" in the index arrays.
pub(crate) const NONE: u32 = u32::MAX;

#[cfg(test)]
mod tests;

/// Longest id kept inline in its key.
const INLINE: usize = 16;
/// Tag of a key standing for a longer id (an inline key's first byte is ASCII, below 0x80).
pub(crate) const LONG: u128 = 1 << 127;

/// An id as an integer: an id of at most 16 bytes inline, big-endian and zero-padded (keys of
/// such ids order like the ids: `\0` sorts before every allowed character and is refused in
/// ids); a longer id as [`LONG`] and its index.
fn inline_key(id: &str) -> u128 {
    // Byte by byte: ids are short, and a copy of a variable length calls `memcpy`.
    let bytes = id.as_bytes();
    let key = bytes.iter().fold(0u128, |key, &byte| (key << 8) | u128::from(byte));
    key << (8 * (INLINE - bytes.len()))
}

pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE)
}

/// Where a key goes in a table of `2^bits` slots (multiplicative hashing, high bits).
fn slot_of(key: u128, bits: u32) -> usize {
    let (high, low) = halves(key);
    let mixed = (high ^ low.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    usize::try_from(mixed >> (64 - bits)).unwrap_or(0)
}

/// A kind of id ([`DefiId`], [`CandidateId`]): made from text, once per distinct id.
pub(crate) trait Id: Clone + Ord {
    fn make(text: &str) -> Result<Self, TextError>;
    fn text(&self) -> &str;
}

impl Id for DefiId {
    fn make(text: &str) -> Result<DefiId, TextError> {
        text.parse()
    }
    fn text(&self) -> &str {
        self.as_str()
    }
}

impl Id for CandidateId {
    fn make(text: &str) -> Result<CandidateId, TextError> {
        text.parse()
    }
    fn text(&self) -> &str {
        self.as_str()
    }
}

/// The distinct ids of one kind, by first appearance, with their keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Ids<T> {
    pub(crate) ids: Vec<T>,
    pub(crate) keys: Vec<u128>,
}

impl<T: Id> Ids<T> {
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// Orders two interned ids as their texts.
    pub(crate) fn cmp(&self, a: u32, b: u32) -> Ordering {
        let (ka, kb) = (self.keys[a as usize], self.keys[b as usize]);
        if ka & LONG == 0 && kb & LONG == 0 {
            ka.cmp(&kb)
        } else {
            self.ids[a as usize].text().cmp(self.ids[b as usize].text())
        }
    }

    /// The interned ids among `members`, sorted by text (they are distinct).
    pub(crate) fn sorted(&self, mut members: Vec<u32>) -> Vec<u32> {
        if members.iter().all(|&i| self.keys[i as usize] & LONG == 0) {
            // Inline keys order like the ids: sort integers, without reading the texts.
            let mut pairs: Vec<(u128, u32)> =
                members.iter().map(|&i| (self.keys[i as usize], i)).collect();
            pairs.sort_unstable();
            pairs.into_iter().map(|(_, i)| i).collect()
        } else {
            members.sort_unstable_by(|&a, &b| self.cmp(a, b));
            members
        }
    }

    /// Distinct ids, numbered in this order, with their keys.
    pub(crate) fn of(ids: Vec<T>) -> Ids<T> {
        let mut long = LongIds::new();
        let keys = ids
            .iter()
            .map(|id| {
                let Ok(key) = key_of(&mut long, id.text(), || Ok::<_, Infallible>(id.clone()));
                key
            })
            .collect();
        Ids { ids, keys }
    }
}

/// A slot of the interning table: a key (its two halves) and its index, `NONE` when empty.
#[derive(Clone, Copy, Debug)]
struct Slot {
    high: u64,
    low: u64,
    index: u32,
}

const EMPTY: Slot = Slot { high: 0, low: 0, index: NONE };

/// Keys looked up together (see [`Interner::intern_all`]).
const BATCH: usize = 16;

/// Ids being interned: [`Ids`] and a hash table over their keys (linear probing, the key in
/// the slot so that a lookup reads one place of memory; deterministic). Keys are interned in
/// tight loops over whole lists, apart from reading, so that the processor overlaps the
/// lookups' memory reads. Should an input make the table probe too long (ids chosen to
/// collide), it switches to an ordered map: interning stays O(log n) whatever the ids.
#[derive(Debug)]
pub(crate) struct Interner<T> {
    pub(crate) ids: Ids<T>,
    /// `2^bits` slots, at most half full.
    slots: Vec<Slot>,
    bits: u32,
    /// Probes beyond the first, and lookups, to detect degenerate hashing.
    extra_probes: u64,
    lookups: u64,
    /// Once hashing degenerates: key → index.
    ordered: Option<BTreeMap<u128, u32>>,
    /// The ids over 16 bytes (or not ASCII), by the index their key carries.
    long: Vec<T>,
}

impl<T: Id> Interner<T> {
    /// An interner sized for about `expected` ids, taking the long ids met while reading.
    pub(crate) fn new(expected: usize, long: Vec<T>) -> Interner<T> {
        let bits = (usize::BITS - (2 * expected).max(1 << 10).leading_zeros()).min(31);
        Interner {
            ids: Ids { ids: Vec::with_capacity(expected), keys: Vec::with_capacity(expected) },
            slots: vec![EMPTY; 1 << bits],
            bits,
            extra_probes: 0,
            lookups: 0,
            ordered: None,
            long,
        }
    }

    /// The index of each key, interning the new ones: `make(key, position)` makes the id of
    /// an inline key (which checks it), a long key's id was made when read.
    pub(crate) fn intern_all<E>(
        &mut self,
        keys: &[u128],
        mut make: impl FnMut(u128, usize) -> Result<T, E>,
    ) -> Result<Vec<u32>, E> {
        let mut out = Vec::with_capacity(keys.len());
        for (block, chunk) in keys.chunks(BATCH).enumerate() {
            // The first slot of each key of the block, read in a row: the reads do not wait
            // on one another, so the processor overlaps them (a table of a million ids is far
            // larger than its caches). A slot holding the key gives its index, whatever the
            // block's insertions moved since: an id's index never changes.
            let mut first = [EMPTY; BATCH];
            if self.ordered.is_none() {
                for (slot, &key) in first.iter_mut().zip(chunk) {
                    *slot = self.slots[slot_of(key, self.bits)];
                }
            }
            for (j, &key) in chunk.iter().enumerate() {
                let (high, low) = halves(key);
                let hit = first[j];
                let index = if hit.index != NONE && hit.high == high && hit.low == low {
                    hit.index
                } else if let Some(index) = self.find(key) {
                    index
                } else {
                    let at = block * BATCH + j;
                    let id = match self.long.get(long_index(key)) {
                        Some(id) if key & LONG != 0 => id.clone(),
                        _ => make(key, at)?,
                    };
                    self.insert(key, id)
                };
                out.push(index);
            }
        }
        Ok(out)
    }

    fn find(&mut self, key: u128) -> Option<u32> {
        if let Some(ordered) = &self.ordered {
            return ordered.get(&key).copied();
        }
        self.lookups += 1;
        let (high, low) = halves(key);
        let mask = self.slots.len() - 1;
        let mut slot = slot_of(key, self.bits);
        loop {
            let found = self.slots[slot];
            if found.index == NONE {
                return None;
            }
            if found.high == high && found.low == low {
                return Some(found.index);
            }
            self.extra_probes += 1;
            slot = (slot + 1) & mask;
        }
    }

    fn insert(&mut self, key: u128, id: T) -> u32 {
        let index = to_u32(self.ids.len());
        self.ids.ids.push(id);
        self.ids.keys.push(key);
        if let Some(ordered) = &mut self.ordered {
            ordered.insert(key, index);
            return index;
        }
        if self.ids.len() * 2 > self.slots.len() {
            self.bits += 1;
            self.slots = vec![EMPTY; 1 << self.bits];
            for i in 0..self.ids.len() {
                self.place(self.ids.keys[i], to_u32(i));
            }
        } else {
            self.place(key, index);
        }
        // Far more probes than lookups: the keys collide (on purpose or not).
        if self.extra_probes > 8 * self.lookups + (1 << 16) {
            let ordered =
                self.ids.keys.iter().enumerate().map(|(i, &key)| (key, to_u32(i))).collect();
            self.ordered = Some(ordered);
            self.slots = Vec::new();
        }
        index
    }

    fn place(&mut self, key: u128, index: u32) {
        let (high, low) = halves(key);
        let mask = self.slots.len() - 1;
        let mut slot = slot_of(key, self.bits);
        while self.slots[slot].index != NONE {
            self.extra_probes += 1;
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = Slot { high, low, index };
    }
}

/// The ids over 16 bytes (or not ASCII) met while reading: key `LONG | index`.
#[derive(Debug)]
pub(crate) struct LongIds<T> {
    index: BTreeMap<Box<str>, u32>,
    pub(crate) ids: Vec<T>,
}

impl<T: Id> LongIds<T> {
    pub(crate) fn new() -> LongIds<T> {
        LongIds { index: BTreeMap::new(), ids: Vec::new() }
    }

    /// The key of `text`, its id made by `make` (which checks it) the first time it is met.
    fn key<E>(&mut self, text: &str, make: impl FnOnce() -> Result<T, E>) -> Result<u128, E> {
        if let Some(&index) = self.index.get(text) {
            return Ok(LONG | u128::from(index));
        }
        let id = make()?;
        let index = to_u32(self.ids.len());
        self.ids.push(id);
        self.index.insert(text.into(), index);
        Ok(LONG | u128::from(index))
    }
}

/// The key of an id's text: inline when it is at most 16 ASCII bytes without `\0` (it is
/// checked when interned), through `long` otherwise.
pub(crate) fn key_of<T: Id, E>(
    long: &mut LongIds<T>,
    text: &str,
    make: impl FnOnce() -> Result<T, E>,
) -> Result<u128, E> {
    let bytes = text.as_bytes();
    if !bytes.is_empty() && bytes.len() <= INLINE && bytes[0] < 0x80 && bytes[bytes.len() - 1] != 0
    {
        Ok(inline_key(text))
    } else {
        long.key(text, make)
    }
}

/// The index a long key carries (`usize::MAX` for an inline key).
fn long_index(key: u128) -> usize {
    if key & LONG == 0 { usize::MAX } else { usize::try_from(key & !LONG).unwrap_or(usize::MAX) }
}

/// The two halves of a key.
fn halves(key: u128) -> (u64, u64) {
    #[expect(clippy::cast_possible_truncation, reason = "the two halves of the key")]
    ((key >> 64) as u64, key as u64)
}

/// The text of an inline key.
pub(crate) fn inline_text(key: u128) -> Result<String, TextError> {
    let bytes = key.to_be_bytes();
    let length = INLINE - usize::try_from(key.trailing_zeros() / 8).unwrap_or(INLINE);
    // The bytes of a text read whole: UTF-8.
    String::from_utf8(bytes[..length].to_vec())
        .map_err(|_| TextError::Empty { kind: "identifiant" })
}
