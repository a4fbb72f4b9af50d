//! The validated problem: ids turned once into dense indices (sorted by id, so the result does
//! not depend on the order of the input lists), lists stored as flat arrays, and the tables
//! derived from them once for every solve.
//!
//! [`Instance::assemble`] is the one constructor: the validation (`crate::validate`) calls it
//! with the lists it has checked, and every other path (the generator, [`Instance::new`])
//! goes through the validation.

use std::collections::BTreeMap;

use eig_domain::{CandidateId, DefiId, TalentProfile};

use crate::input::{CandidateInput, DefiSeats, MatchingInput, MatchingLimits, RankingInput};

/// Marks "none" in the dense `u32` arrays.
pub(crate) const NONE: u32 = u32::MAX;

/// A validated matching problem.
///
/// Built by [`Instance::new`] from a [`MatchingInput`], by [`Instance::from_compact`] from a
/// [`crate::CompactInput`], or by [`crate::generate`] (which validates what it generates). Défis and
/// candidates are indexed in the order of their ids, so solving does not depend on the order
/// in which the input lists them.
///
/// # Example
/// ```
/// use eig_matching::{Instance, MatchingInput};
///
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 2, "team_max": 3, "max_choices": 1},
///   "defis": [{"id": "d1", "seats": {"developer": 1}}],
///   "candidates": [{"id": "c1", "profile": "designer", "choices": ["d1", "d9"]}],
///   "rankings": []
/// }"#)?;
/// let err = Instance::new(&input).unwrap_err();
/// assert_eq!(err.problems().len(), 3);
/// assert_eq!(
///     err.to_string(),
///     "3 problèmes dans les données d'affectation : le défi d1 a 1 place, hors des bornes \
///      d'équipe de 2 à 3 : donnez-lui de 2 à 3 places ; le candidat c1 a choisi 2 défis, plus que \
///      la limite de 1 : gardez au plus 1 choix ; le candidat c1 a choisi le défi inconnu d9 : \
///      retirez ce choix ou ajoutez le défi"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instance {
    pub(crate) limits: MatchingLimits,
    pub(crate) defis: Vec<DefiId>,
    /// Seats of défi `d` are `seat_start[d]..seat_start[d + 1]`, by profile order.
    pub(crate) seat_start: Vec<u32>,
    pub(crate) seat_defi: Vec<u32>,
    pub(crate) seat_profile: Vec<TalentProfile>,
    pub(crate) seat_capacity: Vec<u32>,
    pub(crate) candidates: Vec<CandidateId>,
    pub(crate) profile: Vec<TalentProfile>,
    /// Choices of candidate `c` are `choice_defi[choice_start[c]..choice_start[c + 1]]`.
    pub(crate) choice_start: Vec<u32>,
    pub(crate) choice_defi: Vec<u32>,
    /// Ranking of seat `s`: `rank_candidate[rank_start[s]..rank_start[s + 1]]`, with the
    /// 0-based tie group of each entry in `rank_group` (non-decreasing).
    pub(crate) rank_start: Vec<u32>,
    pub(crate) rank_candidate: Vec<u32>,
    pub(crate) rank_group: Vec<u32>,
    /// Offers of seat `s`: `offer_candidate[offer_start[s]..offer_start[s + 1]]`.
    pub(crate) offer_start: Vec<u32>,
    pub(crate) offer_candidate: Vec<u32>,
    /// Derived once by [`Instance::assemble`], from the fields above (so `==` still
    /// compares the problem): for each choice slot (`choice_defi` index), the seat of the
    /// défi for the candidate's profile (or `NONE`) and the candidate's position in that
    /// seat's ranking (as stored, tie groups sorted by candidate; `NONE` if the jury did not
    /// rank them), side by side so that one load gives both.
    pub(crate) slot_seat_rank: Vec<(u32, u32)>,
    /// For each choice slot: the jury's tie group of the candidate (`rank_group`), or `NONE`
    /// if the jury did not rank them.
    pub(crate) slot_group: Vec<u32>,
    /// For each ranking entry: the index of the seat's défi in the candidate's choices, or
    /// `NONE`.
    pub(crate) rank_choice: Vec<u32>,
    /// Whether some ranking has a tie group of two or more.
    pub(crate) ties: bool,
}

/// The défis as validated: sorted by id, each with its seats (profiles in order, no seat of
/// capacity 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DefiLists {
    pub(crate) ids: Vec<DefiId>,
    /// Seats of défi `d` are `seat_start[d]..seat_start[d + 1]`.
    pub(crate) seat_start: Vec<u32>,
    pub(crate) seat_defi: Vec<u32>,
    pub(crate) seat_profile: Vec<TalentProfile>,
    pub(crate) seat_capacity: Vec<u32>,
}

impl DefiLists {
    /// The seat of défi `d` for `profile`, if any.
    pub(crate) fn seat_for(&self, d: usize, profile: TalentProfile) -> Option<usize> {
        (self.seat_start[d] as usize..self.seat_start[d + 1] as usize)
            .find(|&s| self.seat_profile[s] == profile)
    }
}

/// The candidates as validated: sorted by id, each with their profile and their choices
/// (défi indices, best first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CandidateLists {
    pub(crate) ids: Vec<CandidateId>,
    pub(crate) profile: Vec<TalentProfile>,
    /// Choices of candidate `c` are `choice_defi[choice_start[c]..choice_start[c + 1]]`.
    pub(crate) choice_start: Vec<u32>,
    pub(crate) choice_defi: Vec<u32>,
}

impl CandidateLists {
    pub(crate) fn choice_range(&self, c: usize) -> std::ops::Range<usize> {
        self.choice_start[c] as usize..self.choice_start[c + 1] as usize
    }
}

/// The rankings and offers as validated, by seat: tie groups sorted by candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RankingLists {
    /// Ranking of seat `s`: `rank_candidate[rank_start[s]..rank_start[s + 1]]`, with the
    /// 0-based tie group of each entry in `rank_group` (non-decreasing).
    pub(crate) rank_start: Vec<u32>,
    pub(crate) rank_candidate: Vec<u32>,
    pub(crate) rank_group: Vec<u32>,
    /// Offers of seat `s`: `offer_candidate[offer_start[s]..offer_start[s + 1]]`.
    pub(crate) offer_start: Vec<u32>,
    pub(crate) offer_candidate: Vec<u32>,
}

/// An instance without its rankings: the limits, the validated défis and candidates, and the
/// applicants of each seat (which the checks of the rankings need, and the derived tables
/// too).
#[derive(Debug)]
pub(crate) struct Skeleton {
    pub(crate) limits: MatchingLimits,
    pub(crate) defis: DefiLists,
    pub(crate) candidates: CandidateLists,
    applicants: Applicants,
}

impl Skeleton {
    pub(crate) fn new(
        limits: MatchingLimits,
        defis: DefiLists,
        candidates: CandidateLists,
    ) -> Skeleton {
        let applicants = Applicants::of(&defis, &candidates);
        Skeleton { limits, defis, candidates, applicants }
    }

    /// The applicants of seat `s`: (candidate, choice slot), by candidate.
    pub(crate) fn applicants_of(&self, s: usize) -> &[(u32, u32)] {
        self.applicants.of_seat(s)
    }
}

/// Index of `id` in the sorted, duplicate-free `ids`.
pub(crate) fn index_of<T: Ord>(ids: &[T], id: &T) -> Option<u32> {
    ids.binary_search(id).ok().and_then(|i| u32::try_from(i).ok())
}

/// The applicants of each seat: the candidates of its profile who chose its défi, with the
/// slot of that choice (in `choice_defi`), grouped by seat in one pass over the choices.
#[derive(Debug)]
struct Applicants {
    /// The seat of each choice slot: the chosen défi's seat for the candidate's profile, or
    /// `NONE`.
    slot_seat: Vec<u32>,
    /// Applicants of seat `s`: `entries[start[s]..start[s + 1]]`, as (candidate, slot), by
    /// candidate.
    start: Vec<u32>,
    entries: Vec<(u32, u32)>,
}

impl Applicants {
    fn of(defis: &DefiLists, candidates: &CandidateLists) -> Applicants {
        let seat_count = defis.seat_defi.len();
        let mut slot_seat = vec![NONE; candidates.choice_defi.len()];
        let mut start = vec![0u32; seat_count + 1];
        for c in 0..candidates.ids.len() {
            for slot in candidates.choice_range(c) {
                let d = candidates.choice_defi[slot] as usize;
                if let Some(s) = defis.seat_for(d, candidates.profile[c]) {
                    slot_seat[slot] = to_u32(s);
                    start[s + 1] += 1;
                }
            }
        }
        for s in 0..seat_count {
            start[s + 1] += start[s];
        }
        let mut next = start.clone();
        let mut entries = vec![(NONE, NONE); start[seat_count] as usize];
        for c in 0..candidates.ids.len() {
            for slot in candidates.choice_range(c) {
                let s = slot_seat[slot];
                if s != NONE {
                    let at = &mut next[s as usize];
                    entries[*at as usize] = (to_u32(c), to_u32(slot));
                    *at += 1;
                }
            }
        }
        Applicants { slot_seat, start, entries }
    }

    fn of_seat(&self, s: usize) -> &[(u32, u32)] {
        &self.entries[self.start[s] as usize..self.start[s + 1] as usize]
    }
}

pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE)
}

impl Instance {
    /// The one constructor of an instance: the lists the validation checked, joined with the
    /// tables derived from them (`slot_seat_rank`, `slot_group`, `rank_choice`, `ties`),
    /// which depend only on the instance, so every solve shares them. Each ranking is joined
    /// with its seat's applicants through a scratch table by candidate, so that no step waits
    /// on another's memory read (a search of each ranked candidate's choices did, and took
    /// most of the time at a million candidates).
    pub(crate) fn assemble(skeleton: Skeleton, rankings: RankingLists) -> Instance {
        let Skeleton { limits, defis, candidates, applicants } = skeleton;
        let mut instance = Instance {
            limits,
            defis: defis.ids,
            seat_start: defis.seat_start,
            seat_defi: defis.seat_defi,
            seat_profile: defis.seat_profile,
            seat_capacity: defis.seat_capacity,
            candidates: candidates.ids,
            profile: candidates.profile,
            choice_start: candidates.choice_start,
            choice_defi: candidates.choice_defi,
            rank_start: rankings.rank_start,
            rank_candidate: rankings.rank_candidate,
            rank_group: rankings.rank_group,
            offer_start: rankings.offer_start,
            offer_candidate: rankings.offer_candidate,
            slot_seat_rank: Vec::new(),
            slot_group: Vec::new(),
            rank_choice: Vec::new(),
            ties: false,
        };
        let mut slot_seat_rank: Vec<(u32, u32)> =
            applicants.slot_seat.iter().map(|&s| (s, NONE)).collect();
        let mut slot_group = vec![NONE; instance.choice_defi.len()];
        let mut rank_choice = vec![NONE; instance.rank_candidate.len()];
        let mut slot_of = vec![NONE; instance.candidates.len()];
        for s in 0..instance.seat_defi.len() {
            let seat_applicants = applicants.of_seat(s);
            for &(c, slot) in seat_applicants {
                slot_of[c as usize] = slot;
            }
            for (position, i) in instance.ranking_range(s).enumerate() {
                let c = instance.rank_candidate[i] as usize;
                let slot = slot_of[c];
                if slot != NONE {
                    slot_seat_rank[slot as usize].1 = to_u32(position);
                    slot_group[slot as usize] = instance.rank_group[i];
                    rank_choice[i] = slot - instance.choice_start[c];
                }
            }
            for &(c, _) in seat_applicants {
                slot_of[c as usize] = NONE;
            }
        }
        instance.ties = (0..instance.seat_defi.len()).any(|s| {
            let range = instance.ranking_range(s);
            instance.rank_group[range].windows(2).any(|w| w[0] == w[1])
        });
        instance.slot_seat_rank = slot_seat_rank;
        instance.slot_group = slot_group;
        instance.rank_choice = rank_choice;
        instance
    }

    /// Back to the input form (sorted by id): `Instance::new(&i.to_input())` gives `i` again.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, Instance, generate};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(3));
    /// let input = instance.to_input();
    /// assert_eq!(input.candidates.len(), 170);
    /// assert_eq!(Instance::new(&input), Ok(instance));
    /// ```
    pub fn to_input(&self) -> MatchingInput {
        let defis = (0..self.defis.len())
            .map(|d| DefiSeats {
                id: self.defis[d].clone(),
                seats: self
                    .seats_of(d)
                    .map(|s| (self.seat_profile[s], self.seat_capacity[s]))
                    .collect::<BTreeMap<_, _>>(),
            })
            .collect();
        let candidates = (0..self.candidates.len())
            .map(|c| CandidateInput {
                id: self.candidates[c].clone(),
                profile: self.profile[c],
                choices: self
                    .choices_of(c)
                    .iter()
                    .map(|&d| self.defis[d as usize].clone())
                    .collect(),
            })
            .collect();
        let mut rankings = Vec::new();
        for s in 0..self.seat_defi.len() {
            let range = self.ranking_range(s);
            let offers = &self.offer_candidate
                [self.offer_start[s] as usize..self.offer_start[s + 1] as usize];
            if range.is_empty() && offers.is_empty() {
                continue;
            }
            let mut ranks: Vec<Vec<CandidateId>> = Vec::new();
            let mut last_group = NONE;
            for i in range {
                if self.rank_group[i] != last_group {
                    ranks.push(Vec::new());
                    last_group = self.rank_group[i];
                }
                if let Some(group) = ranks.last_mut() {
                    group.push(self.candidates[self.rank_candidate[i] as usize].clone());
                }
            }
            rankings.push(RankingInput {
                defi: self.defis[self.seat_defi[s] as usize].clone(),
                profile: self.seat_profile[s],
                ranks,
                offers: offers.iter().map(|&c| self.candidates[c as usize].clone()).collect(),
            });
        }
        MatchingInput { limits: self.limits, defis, candidates, rankings }
    }

    /// The limits.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, MatchingLimits, generate};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(1));
    /// assert_eq!(instance.limits(), MatchingLimits { team_min: 2, team_max: 3, max_choices: 2 });
    /// ```
    pub fn limits(&self) -> MatchingLimits {
        self.limits
    }

    /// How many candidates.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, generate};
    ///
    /// assert_eq!(generate(&GeneratorConfig::exact_bench(1)).candidate_count(), 200);
    /// ```
    pub fn candidate_count(&self) -> usize {
        self.candidates.len()
    }

    /// How many défis.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, generate};
    ///
    /// assert_eq!(generate(&GeneratorConfig::exact_bench(1)).defi_count(), 20);
    /// ```
    pub fn defi_count(&self) -> usize {
        self.defis.len()
    }

    /// The défi ids, sorted.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, generate};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(1));
    /// assert_eq!(instance.defis()[0].as_str(), "d00");
    /// assert!(instance.defis().is_sorted());
    /// ```
    pub fn defis(&self) -> &[DefiId] {
        &self.defis
    }

    /// The candidate ids, sorted.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, generate};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(1));
    /// assert_eq!(instance.candidates()[169].as_str(), "c169");
    /// assert!(instance.candidates().is_sorted());
    /// ```
    pub fn candidates(&self) -> &[CandidateId] {
        &self.candidates
    }

    /// Total length of the candidates' lists of choices.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, generate};
    ///
    /// // Every EIG3-like candidate chooses 2 défis (AAC3 art. 4).
    /// let instance = generate(&GeneratorConfig::eig_call(1));
    /// assert_eq!(instance.choice_count(), 2 * instance.candidate_count());
    /// ```
    pub fn choice_count(&self) -> usize {
        self.choice_defi.len()
    }

    pub(crate) fn seats_of(&self, d: usize) -> std::ops::Range<usize> {
        self.seat_start[d] as usize..self.seat_start[d + 1] as usize
    }

    pub(crate) fn choice_range(&self, c: usize) -> std::ops::Range<usize> {
        self.choice_start[c] as usize..self.choice_start[c + 1] as usize
    }

    pub(crate) fn choices_of(&self, c: usize) -> &[u32] {
        &self.choice_defi[self.choice_range(c)]
    }

    pub(crate) fn ranking_range(&self, s: usize) -> std::ops::Range<usize> {
        self.rank_start[s] as usize..self.rank_start[s + 1] as usize
    }

    pub(crate) fn offers_of(&self, s: usize) -> &[u32] {
        &self.offer_candidate[self.offer_start[s] as usize..self.offer_start[s + 1] as usize]
    }

    /// The seat of défi `d` for `profile`, if any.
    pub(crate) fn seat_for(&self, d: usize, profile: TalentProfile) -> Option<usize> {
        self.seats_of(d).find(|&s| self.seat_profile[s] == profile)
    }

    /// Whether some ranking has a tie group of two or more.
    pub(crate) fn has_ties(&self) -> bool {
        self.ties
    }
}
