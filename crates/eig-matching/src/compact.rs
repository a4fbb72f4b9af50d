//! The problem read straight into compact form: each mention of an id kept as a 16-byte key
//! while reading (no string per mention, `keys`), the keys of each list turned into dense
//! indices afterwards, lists stored flat. [`Instance::from_compact`](crate::Instance::from_compact)
//! validates it exactly as [`Instance::new`](crate::Instance::new) validates a
//! [`MatchingInput`] (which goes through this form too). Reading it from any serde format is
//! `read`.

use std::{collections::BTreeMap, convert::Infallible, ops::Range};

use eig_domain::{CandidateId, DefiId, TalentProfile};

use crate::{
    compact::keys::{Ids, Interner, LongIds, key_of, to_u32},
    input::{MatchingInput, MatchingLimits},
};

pub(crate) mod keys;
mod read;

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
    pub(crate) limits: MatchingLimits,
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
    pub fn limits(&self) -> MatchingLimits {
        self.limits
    }
}

/// Builds a [`CompactInput`] list by list, whatever the order of the lists: ids are kept as
/// keys while reading, then interned list by list.
pub(crate) struct Builder {
    limits: Option<MatchingLimits>,
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
pub(crate) trait Makers<E> {
    fn defi(&mut self, key: u128, list: usize, at: usize) -> Result<DefiId, E>;
    fn candidate(&mut self, key: u128, list: usize, at: usize) -> Result<CandidateId, E>;
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
    pub(crate) fn new() -> Builder {
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
    pub(crate) fn finish<E, M: Makers<E>>(
        self,
        limits: MatchingLimits,
        makers: &mut M,
    ) -> Result<CompactInput, E> {
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

    pub(crate) fn add_defi(&mut self, id: u128, seats: &BTreeMap<TalentProfile, u32>) {
        self.defis.push(id);
        self.seats.extend(seats.iter().map(|(&p, &n)| (p, n)));
        self.seat_start.push(to_u32(self.seats.len()));
    }

    pub(crate) fn add_candidate(&mut self, id: u128, profile: TalentProfile) {
        self.candidates.push(id);
        self.profiles.push(profile);
        self.choice_start.push(to_u32(self.choice_defi.len()));
    }

    pub(crate) fn add_ranking(&mut self, defi: u128, profile: TalentProfile, ranked_start: u32) {
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

    /// The id of interned défi `i`.
    pub(crate) fn defi_id(&self, i: u32) -> DefiId {
        self.defi_ids.ids[i as usize].clone()
    }

    /// The id of interned candidate `i`.
    pub(crate) fn candidate_id(&self, i: u32) -> CandidateId {
        self.candidate_ids.ids[i as usize].clone()
    }

    /// The seats of the `e`-th défi of the input.
    pub(crate) fn seats_of(&self, e: usize) -> &[(TalentProfile, u32)] {
        &self.seats[self.seat_start[e] as usize..self.seat_start[e + 1] as usize]
    }

    /// Where the choices of the `e`-th candidate of the input are in `choice_defi`.
    pub(crate) fn choices_of(&self, e: usize) -> Range<usize> {
        self.choice_start[e] as usize..self.choice_start[e + 1] as usize
    }
}
