//! The problem read straight into compact form: each mention of an id kept as a 16-byte key
//! while reading (no string per mention), the keys of each list turned into dense indices
//! afterwards, lists stored flat. [`Instance::from_compact`](crate::Instance::from_compact)
//! validates it exactly as [`Instance::new`](crate::Instance::new) validates a
//! [`MatchingInput`] (which goes through this form too).

use std::{cmp::Ordering, collections::BTreeMap, convert::Infallible, fmt, ops::Range};

use eig_domain::{CandidateId, DefiId, TalentProfile, TextError};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::input::{Limits, MatchingInput};

/// Marks "none" in the index arrays.
const NONE: u32 = u32::MAX;
/// Longest id kept inline in its key.
const INLINE: usize = 16;
/// Tag of a key standing for a longer id (an inline key's first byte is ASCII, below 0x80).
const LONG: u128 = 1 << 127;

/// An id as an integer: an id of at most 16 bytes inline, big-endian and zero-padded (keys of
/// such ids order like the ids: `\0` sorts before every allowed character and is refused in
/// ids); a longer id as [`LONG`] and its index.
fn inline_key(id: &str) -> u128 {
    // Byte by byte: ids are short, and a copy of a variable length calls `memcpy`.
    let bytes = id.as_bytes();
    let key = bytes.iter().fold(0u128, |key, &byte| (key << 8) | u128::from(byte));
    key << (8 * (INLINE - bytes.len()))
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
struct Interner<T> {
    ids: Ids<T>,
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
    fn new(expected: usize, long: Vec<T>) -> Interner<T> {
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
    fn intern_all<E>(
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
struct LongIds<T> {
    index: BTreeMap<Box<str>, u32>,
    ids: Vec<T>,
}

impl<T: Id> LongIds<T> {
    fn new() -> LongIds<T> {
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
fn key_of<T: Id, E>(
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

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE)
}

/// A matching problem read into compact form: the same problem as a [`MatchingInput`], with
/// each id interned (numbered by first appearance) and every list flat.
///
/// Read it from the JSON of a [`MatchingInput`] (same fields, same checks of each id) with any
/// serde format, or convert a [`MatchingInput`]; then
/// [`Instance::from_compact`](crate::Instance::from_compact) validates it, with exactly the
/// problems [`Instance::new`](crate::Instance::new) lists. Reading a large problem this way
/// keeps no string per mention of an id: at a million candidates it takes a fraction of the
/// time and memory of a [`MatchingInput`].
///
/// # Example
/// ```
/// use eig_matching::{CompactInput, Instance, MatchingInput};
///
/// let json = r#"{
///   "limits": {"team_min": 0, "team_max": 2, "max_choices": 2},
///   "defis": [{"id": "d1", "seats": {"developer": 2}}],
///   "candidates": [{"id": "c1", "profile": "developer", "choices": ["d1"]}],
///   "rankings": [{"defi": "d1", "profile": "developer", "ranks": [["c1"]]}]
/// }"#;
/// let compact: CompactInput = serde_json::from_str(json)?;
/// assert_eq!((compact.defi_count(), compact.candidate_count()), (1, 1));
/// let input: MatchingInput = serde_json::from_str(json)?;
/// assert_eq!(Instance::from_compact(&compact)?, Instance::new(&input)?);
/// assert_eq!(CompactInput::from(&input), compact);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompactInput {
    pub(crate) limits: Limits,
    /// Every défi id met (in défis, choices or rankings), by first appearance.
    pub(crate) defi_ids: Ids<DefiId>,
    /// Every candidate id met (in candidates or rankings), by first appearance.
    pub(crate) candidate_ids: Ids<CandidateId>,
    /// The défis, in input order: id, and seats `seat_start[i]..seat_start[i + 1]` (profiles
    /// in order, as a JSON object gives them once each).
    pub(crate) defis: Vec<u32>,
    pub(crate) seat_start: Vec<u32>,
    pub(crate) seats: Vec<(TalentProfile, u32)>,
    /// The candidates, in input order: id, profile, choices
    /// `choice_defi[choice_start[i]..choice_start[i + 1]]`.
    pub(crate) candidates: Vec<u32>,
    pub(crate) profiles: Vec<TalentProfile>,
    pub(crate) choice_start: Vec<u32>,
    pub(crate) choice_defi: Vec<u32>,
    /// The rankings, in input order: défi, profile, tie groups
    /// `group_end[group_start[r]..group_start[r + 1]]` (each the end of its group in
    /// `ranked`; the first starts at `ranked_start[r]`), offers
    /// `offered[offer_start[r]..offer_start[r + 1]]`.
    pub(crate) ranking_defi: Vec<u32>,
    pub(crate) ranking_profile: Vec<TalentProfile>,
    pub(crate) ranked_start: Vec<u32>,
    pub(crate) group_start: Vec<u32>,
    pub(crate) group_end: Vec<u32>,
    pub(crate) ranked: Vec<u32>,
    pub(crate) offer_start: Vec<u32>,
    pub(crate) offered: Vec<u32>,
}

impl CompactInput {
    /// How many défis the input lists (duplicates included).
    ///
    /// # Example
    /// ```
    /// use eig_matching::{CompactInput, GeneratorConfig, generate};
    ///
    /// let input = generate(&GeneratorConfig::eig_call(1)).to_input();
    /// assert_eq!(CompactInput::from(&input).defi_count(), input.defis.len());
    /// ```
    pub fn defi_count(&self) -> usize {
        self.defis.len()
    }

    /// How many candidates the input lists (duplicates included).
    ///
    /// # Example
    /// ```
    /// use eig_matching::{CompactInput, GeneratorConfig, generate};
    ///
    /// let input = generate(&GeneratorConfig::eig_call(1)).to_input();
    /// assert_eq!(CompactInput::from(&input).candidate_count(), 170);
    /// ```
    pub fn candidate_count(&self) -> usize {
        self.candidates.len()
    }

    /// How many rankings the input lists.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{CompactInput, GeneratorConfig, generate};
    ///
    /// let input = generate(&GeneratorConfig::eig_call(1)).to_input();
    /// assert_eq!(CompactInput::from(&input).ranking_count(), input.rankings.len());
    /// ```
    pub fn ranking_count(&self) -> usize {
        self.ranking_defi.len()
    }

    /// The limits.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{CompactInput, GeneratorConfig, generate};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(1));
    /// assert_eq!(CompactInput::from(&instance.to_input()).limits(), instance.limits());
    /// ```
    pub fn limits(&self) -> Limits {
        self.limits
    }
}

/// Builds a [`CompactInput`] list by list, whatever the order of the lists: ids are kept as
/// keys while reading, then interned list by list.
struct Builder {
    limits: Option<Limits>,
    long_defis: LongIds<DefiId>,
    long_candidates: LongIds<CandidateId>,
    defis: Vec<u128>,
    seat_start: Vec<u32>,
    seats: Vec<(TalentProfile, u32)>,
    candidates: Vec<u128>,
    profiles: Vec<TalentProfile>,
    choice_start: Vec<u32>,
    choice_defi: Vec<u128>,
    ranking_defi: Vec<u128>,
    ranking_profile: Vec<TalentProfile>,
    ranked_start: Vec<u32>,
    group_start: Vec<u32>,
    group_end: Vec<u32>,
    ranked: Vec<u128>,
    offer_start: Vec<u32>,
    offered: Vec<u128>,
}

/// Makes the id of a key met for the first time: `list` and `at` say where (for a
/// [`MatchingInput`], which holds the ids already made).
trait Makers<E> {
    fn defi(&mut self, key: u128, list: usize, at: usize) -> Result<DefiId, E>;
    fn candidate(&mut self, key: u128, list: usize, at: usize) -> Result<CandidateId, E>;
}

/// Makes ids from their keys' text (read from JSON: checked once per distinct id).
struct FromKeys;

impl Makers<TextError> for FromKeys {
    fn defi(&mut self, key: u128, _: usize, _: usize) -> Result<DefiId, TextError> {
        DefiId::make(&inline_text(key)?)
    }
    fn candidate(&mut self, key: u128, _: usize, _: usize) -> Result<CandidateId, TextError> {
        CandidateId::make(&inline_text(key)?)
    }
}

/// The text of an inline key.
fn inline_text(key: u128) -> Result<String, TextError> {
    let bytes = key.to_be_bytes();
    let length = INLINE - usize::try_from(key.trailing_zeros() / 8).unwrap_or(INLINE);
    // The bytes of a text read whole: UTF-8.
    String::from_utf8(bytes[..length].to_vec())
        .map_err(|_| TextError::Empty { kind: "identifiant" })
}

/// Takes the ids of a [`MatchingInput`], made already, by list and position.
struct Made<'a> {
    defis: [Vec<&'a DefiId>; 3],
    candidates: [Vec<&'a CandidateId>; 3],
}

impl Makers<Infallible> for Made<'_> {
    fn defi(&mut self, _: u128, list: usize, at: usize) -> Result<DefiId, Infallible> {
        Ok(self.defis[list][at].clone())
    }
    fn candidate(&mut self, _: u128, list: usize, at: usize) -> Result<CandidateId, Infallible> {
        Ok(self.candidates[list][at].clone())
    }
}

impl Builder {
    fn new() -> Builder {
        Builder {
            limits: None,
            long_defis: LongIds::new(),
            long_candidates: LongIds::new(),
            defis: Vec::new(),
            seat_start: vec![0],
            seats: Vec::new(),
            candidates: Vec::new(),
            profiles: Vec::new(),
            choice_start: vec![0],
            choice_defi: Vec::new(),
            ranking_defi: Vec::new(),
            ranking_profile: Vec::new(),
            ranked_start: Vec::new(),
            group_start: vec![0],
            group_end: Vec::new(),
            ranked: Vec::new(),
            offer_start: vec![0],
            offered: Vec::new(),
        }
    }

    /// Interns every list's keys: défis, then choices, then the rankings' défis; candidates,
    /// then the rankings' candidates, then their offers.
    fn finish<E, M: Makers<E>>(self, limits: Limits, makers: &mut M) -> Result<CompactInput, E> {
        let mut defi_ids = Interner::new(self.defis.len(), self.long_defis.ids);
        let mut defi_lists: [Vec<u32>; 3] = Default::default();
        for (list, keys) in
            [self.defis, self.choice_defi, self.ranking_defi].into_iter().enumerate()
        {
            defi_lists[list] = defi_ids.intern_all(&keys, |key, at| makers.defi(key, list, at))?;
        }
        let [defis, choice_defi, ranking_defi] = defi_lists;
        let mut candidate_ids = Interner::new(self.candidates.len(), self.long_candidates.ids);
        let mut candidate_lists: [Vec<u32>; 3] = Default::default();
        for (list, keys) in [self.candidates, self.ranked, self.offered].into_iter().enumerate() {
            candidate_lists[list] =
                candidate_ids.intern_all(&keys, |key, at| makers.candidate(key, list, at))?;
        }
        let [candidates, ranked, offered] = candidate_lists;
        Ok(CompactInput {
            limits,
            defi_ids: defi_ids.ids,
            candidate_ids: candidate_ids.ids,
            defis,
            seat_start: self.seat_start,
            seats: self.seats,
            candidates,
            profiles: self.profiles,
            choice_start: self.choice_start,
            choice_defi,
            ranking_defi,
            ranking_profile: self.ranking_profile,
            ranked_start: self.ranked_start,
            group_start: self.group_start,
            group_end: self.group_end,
            ranked,
            offer_start: self.offer_start,
            offered,
        })
    }

    fn add_defi(&mut self, id: u128, seats: &BTreeMap<TalentProfile, u32>) {
        self.defis.push(id);
        self.seats.extend(seats.iter().map(|(&p, &n)| (p, n)));
        self.seat_start.push(to_u32(self.seats.len()));
    }

    fn add_candidate(&mut self, id: u128, profile: TalentProfile) {
        self.candidates.push(id);
        self.profiles.push(profile);
        self.choice_start.push(to_u32(self.choice_defi.len()));
    }

    fn add_ranking(&mut self, defi: u128, profile: TalentProfile, ranked_start: u32) {
        self.ranking_defi.push(defi);
        self.ranking_profile.push(profile);
        self.ranked_start.push(ranked_start);
        self.group_start.push(to_u32(self.group_end.len()));
        self.offer_start.push(to_u32(self.offered.len()));
    }
}

impl From<&MatchingInput> for CompactInput {
    /// The same problem in compact form.
    fn from(input: &MatchingInput) -> CompactInput {
        let mut b = Builder::new();
        let mut made = Made { defis: Default::default(), candidates: Default::default() };
        // Ids made already: their keys cannot fail.
        let defi = |b: &mut Builder, id: &DefiId| {
            let Ok(key) =
                key_of(&mut b.long_defis, id.as_str(), || Ok::<_, Infallible>(id.clone()));
            key
        };
        let candidate = |b: &mut Builder, id: &CandidateId| {
            let Ok(key) =
                key_of(&mut b.long_candidates, id.as_str(), || Ok::<_, Infallible>(id.clone()));
            key
        };
        for d in &input.defis {
            let key = defi(&mut b, &d.id);
            made.defis[0].push(&d.id);
            b.add_defi(key, &d.seats);
        }
        for c in &input.candidates {
            let key = candidate(&mut b, &c.id);
            made.candidates[0].push(&c.id);
            for choice in &c.choices {
                let d = defi(&mut b, choice);
                made.defis[1].push(choice);
                b.choice_defi.push(d);
            }
            b.add_candidate(key, c.profile);
        }
        for r in &input.rankings {
            let d = defi(&mut b, &r.defi);
            made.defis[2].push(&r.defi);
            let start = to_u32(b.ranked.len());
            for group in &r.ranks {
                for c in group {
                    let key = candidate(&mut b, c);
                    made.candidates[1].push(c);
                    b.ranked.push(key);
                }
                b.group_end.push(to_u32(b.ranked.len()));
            }
            for c in &r.offers {
                let key = candidate(&mut b, c);
                made.candidates[2].push(c);
                b.offered.push(key);
            }
            b.add_ranking(d, r.profile, start);
        }
        match b.finish(input.limits, &mut made) {
            Ok(compact) => compact,
            Err(never) => match never {},
        }
    }
}

// --- Reading from any serde format, with the fields and checks of `MatchingInput`. ---

#[derive(serde::Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum TopField {
    Limits,
    Defis,
    Candidates,
    Rankings,
}

#[derive(serde::Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum DefiField {
    Id,
    Seats,
}

#[derive(serde::Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum CandidateField {
    Id,
    Profile,
    Choices,
}

#[derive(serde::Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum RankingField {
    Defi,
    Profile,
    Ranks,
    Offers,
}

impl<'de> serde::Deserialize<'de> for CompactInput {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<CompactInput, D::Error> {
        deserializer.deserialize_struct(
            "MatchingInput",
            &["limits", "defis", "candidates", "rankings"],
            TopVisitor,
        )
    }
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = CompactInput;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct MatchingInput")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CompactInput, A::Error> {
        let mut b = Builder::new();
        let (mut defis, mut candidates, mut rankings) = (false, false, false);
        while let Some(field) = map.next_key::<TopField>()? {
            match field {
                TopField::Limits => {
                    if b.limits.is_some() {
                        return Err(de::Error::duplicate_field("limits"));
                    }
                    b.limits = Some(map.next_value_seed(StrictLimits)?);
                }
                TopField::Defis => {
                    once(&mut defis, "defis")?;
                    map.next_value_seed(List(Defis(&mut b)))?;
                }
                TopField::Candidates => {
                    once(&mut candidates, "candidates")?;
                    map.next_value_seed(List(Candidates(&mut b)))?;
                }
                TopField::Rankings => {
                    once(&mut rankings, "rankings")?;
                    map.next_value_seed(List(Rankings(&mut b)))?;
                }
            }
        }
        let limits = b.limits.ok_or_else(|| de::Error::missing_field("limits"))?;
        for (seen, name) in [(defis, "defis"), (candidates, "candidates"), (rankings, "rankings")] {
            if !seen {
                return Err(de::Error::missing_field(name));
            }
        }
        b.finish(limits, &mut FromKeys).map_err(de::Error::custom)
    }
}

/// Reads the limits as an object only (serde alone would read a struct from an array too): the
/// rest of the compact reading accepts objects only, so the whole of it needs no strict
/// wrapper.
struct StrictLimits;

impl<'de> DeserializeSeed<'de> for StrictLimits {
    type Value = Limits;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Limits, D::Error> {
        serde::Deserialize::deserialize(eig_domain::Strict::new(deserializer))
    }
}

/// Marks a field seen; a second time is an error.
fn once<E: de::Error>(seen: &mut bool, name: &'static str) -> Result<(), E> {
    if std::mem::replace(seen, true) { Err(de::Error::duplicate_field(name)) } else { Ok(()) }
}

/// Reads one element of a list into the builder.
trait Element {
    fn read<'de, D: Deserializer<'de>>(&mut self, deserializer: D) -> Result<(), D::Error>;
}

/// A seed reading one element with `E`.
struct One<'a, E>(&'a mut E);

impl<'de, E: Element> DeserializeSeed<'de> for One<'_, E> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.0.read(deserializer)
    }
}

/// A seed reading a JSON array, each element with `E`.
struct List<E>(E);

impl<'de, E: Element> DeserializeSeed<'de> for List<E> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, E: Element> Visitor<'de> for List<E> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(One(&mut self.0))?.is_some() {}
        Ok(())
    }
}

/// A seed reading an id: its key (a long id checked when first met, an inline one when
/// interned).
struct IdSeed<'a, T>(&'a mut LongIds<T>);

impl<'de, T: Id> DeserializeSeed<'de> for IdSeed<'_, T> {
    type Value = u128;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<u128, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<T: Id> Visitor<'_> for IdSeed<'_, T> {
    type Value = u128;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<u128, E> {
        key_of(self.0, text, || T::make(text)).map_err(E::custom)
    }
}

/// Ids pushed as keys onto a list (a candidate's choices, a tie group, offers).
struct IdsInto<'a, T> {
    ids: &'a mut LongIds<T>,
    into: &'a mut Vec<u128>,
}

impl<T: Id> Element for IdsInto<'_, T> {
    fn read<'de, D: Deserializer<'de>>(&mut self, deserializer: D) -> Result<(), D::Error> {
        let key = IdSeed(&mut *self.ids).deserialize(deserializer)?;
        self.into.push(key);
        Ok(())
    }
}

/// The tie groups of a ranking: each a list of candidate ids.
struct Groups<'a>(&'a mut Builder);

impl Element for Groups<'_> {
    fn read<'de, D: Deserializer<'de>>(&mut self, deserializer: D) -> Result<(), D::Error> {
        let b = &mut *self.0;
        List(IdsInto { ids: &mut b.long_candidates, into: &mut b.ranked })
            .deserialize(deserializer)?;
        b.group_end.push(to_u32(b.ranked.len()));
        Ok(())
    }
}

macro_rules! object_visitor {
    ($element:ident, $name:literal, $fields:expr, |$self:ident, $map:ident| $body:block) => {
        impl<'de> Visitor<'de> for $element<'_> {
            type Value = ();

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!("struct ", $name))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut $map: A) -> Result<(), A::Error> {
                let $self = self;
                $body
            }
        }

        impl Element for $element<'_> {
            fn read<'de, D: Deserializer<'de>>(&mut self, deserializer: D) -> Result<(), D::Error> {
                deserializer.deserialize_struct($name, $fields, $element(&mut *self.0))
            }
        }
    };
}

struct Defis<'a>(&'a mut Builder);

object_visitor!(Defis, "DefiSeats", &["id", "seats"], |this, map| {
    let b = this.0;
    let (mut id, mut seats) = (None, None);
    while let Some(field) = map.next_key::<DefiField>()? {
        match field {
            DefiField::Id => {
                if id.is_some() {
                    return Err(de::Error::duplicate_field("id"));
                }
                id = Some(map.next_value_seed(IdSeed(&mut b.long_defis))?);
            }
            DefiField::Seats => {
                if seats.is_some() {
                    return Err(de::Error::duplicate_field("seats"));
                }
                seats = Some(map.next_value::<BTreeMap<TalentProfile, u32>>()?);
            }
        }
    }
    let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
    let seats = seats.ok_or_else(|| de::Error::missing_field("seats"))?;
    b.add_defi(id, &seats);
    Ok(())
});

struct Candidates<'a>(&'a mut Builder);

object_visitor!(Candidates, "CandidateInput", &["id", "profile", "choices"], |this, map| {
    let b = this.0;
    let (mut id, mut profile, mut choices) = (None, None, false);
    while let Some(field) = map.next_key::<CandidateField>()? {
        match field {
            CandidateField::Id => {
                if id.is_some() {
                    return Err(de::Error::duplicate_field("id"));
                }
                id = Some(map.next_value_seed(IdSeed(&mut b.long_candidates))?);
            }
            CandidateField::Profile => {
                if profile.is_some() {
                    return Err(de::Error::duplicate_field("profile"));
                }
                profile = Some(map.next_value::<TalentProfile>()?);
            }
            CandidateField::Choices => {
                once(&mut choices, "choices")?;
                map.next_value_seed(List(IdsInto {
                    ids: &mut b.long_defis,
                    into: &mut b.choice_defi,
                }))?;
            }
        }
    }
    let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
    let profile = profile.ok_or_else(|| de::Error::missing_field("profile"))?;
    if !choices {
        return Err(de::Error::missing_field("choices"));
    }
    b.add_candidate(id, profile);
    Ok(())
});

struct Rankings<'a>(&'a mut Builder);

object_visitor!(Rankings, "RankingInput", &["defi", "profile", "ranks", "offers"], |this, map| {
    let b = this.0;
    let (mut defi, mut profile, mut ranks, mut offers) = (None, None, None, false);
    while let Some(field) = map.next_key::<RankingField>()? {
        match field {
            RankingField::Defi => {
                if defi.is_some() {
                    return Err(de::Error::duplicate_field("defi"));
                }
                defi = Some(map.next_value_seed(IdSeed(&mut b.long_defis))?);
            }
            RankingField::Profile => {
                if profile.is_some() {
                    return Err(de::Error::duplicate_field("profile"));
                }
                profile = Some(map.next_value::<TalentProfile>()?);
            }
            RankingField::Ranks => {
                if ranks.is_some() {
                    return Err(de::Error::duplicate_field("ranks"));
                }
                ranks = Some(to_u32(b.ranked.len()));
                map.next_value_seed(List(Groups(&mut *b)))?;
            }
            RankingField::Offers => {
                once(&mut offers, "offers")?;
                map.next_value_seed(List(IdsInto {
                    ids: &mut b.long_candidates,
                    into: &mut b.offered,
                }))?;
            }
        }
    }
    let defi = defi.ok_or_else(|| de::Error::missing_field("defi"))?;
    let profile = profile.ok_or_else(|| de::Error::missing_field("profile"))?;
    let start = ranks.ok_or_else(|| de::Error::missing_field("ranks"))?;
    b.add_ranking(defi, profile, start);
    Ok(())
});

impl CompactInput {
    /// Where the candidates ranking `r` ranks (its tie groups one after the other) are in
    /// `ranked`, and where its offers are in `offered`.
    pub(crate) fn ranking_ranges(&self, r: usize) -> (Range<usize>, Range<usize>) {
        let start = self.ranked_start[r] as usize;
        let end = self.group_ends(r).last().map_or(start, |&end| end as usize);
        (start..end, self.offer_start[r] as usize..self.offer_start[r + 1] as usize)
    }

    /// The end of each tie group of ranking `r` in `ranked` (the first starts at
    /// `ranked_start[r]`).
    pub(crate) fn group_ends(&self, r: usize) -> &[u32] {
        &self.group_end[self.group_start[r] as usize..self.group_start[r + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use eig_domain::CandidateId;

    use super::{FromKeys, Interner, LONG, LongIds, Makers, inline_key, key_of, slot_of};

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
        let make = |key: u128, at| FromKeys.candidate(key, 1, at);
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
        let make = |key: u128, at| FromKeys.candidate(key, 1, at);
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
        let make = |key: u128, at| FromKeys.candidate(key, 1, at);
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
        (0..)
            .map(|i| key(&format!("k{i}")))
            .filter(|&k| slot_of(k, bits) == slot)
            .take(count)
            .collect()
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
        let make = |key: u128, at| FromKeys.candidate(key, 1, at);
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
}
