//! The validated problem: ids turned once into dense indices (sorted by id, so the result does
//! not depend on the order of the input lists), lists stored as flat arrays.

use std::collections::BTreeMap;

use eig_domain::{CandidateId, DefiId, TalentProfile};

use crate::{
    compact::CompactInput,
    input::{Limits, MatchingInput},
};

#[cfg(test)]
mod reference;

/// Marks "none" in the dense `u32` arrays.
pub(crate) const NONE: u32 = u32::MAX;

/// A validated matching problem.
///
/// Built by [`Instance::new`] from a [`MatchingInput`] (or by [`crate::generate`]). Défis and
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
    pub(crate) limits: Limits,
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
    /// Derived once by [`Instance::with_tables`], from the fields above (so `==` still
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

/// One thing wrong with a [`MatchingInput`]; [`InstanceError`] lists them all.
///
/// # Example
/// ```
/// use eig_matching::{Instance, MatchingInput, Problem};
///
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 1},
///   "defis": [{"id": "d1", "seats": {"developer": 1}}],
///   "candidates": [{"id": "c1", "profile": "developer", "choices": []}],
///   "rankings": [{"defi": "d1", "profile": "developer", "ranks": [["c1"]]}]
/// }"#)?;
/// let err = Instance::new(&input).unwrap_err();
/// assert!(matches!(err.problems(), [Problem::RankingNotApplicant { .. }]));
/// assert_eq!(
///     err.problems()[0].to_string(),
///     "défi d1 : le classement du profil développeur·se nomme le candidat c1, qui n'a pas choisi \
///      ce défi : retirez-le du classement, ou proposez-lui une place (offers)"
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// The team bounds are inverted.
    #[error(
        "les bornes d'équipe de {min} à {max} sont vides : team_min doit être au plus team_max"
    )]
    EmptyBounds {
        /// Fewest.
        min: u32,
        /// Most.
        max: u32,
    },
    /// Two défis share an id.
    #[error("le défi {defi} figure deux fois : gardez une seule entrée par défi")]
    DuplicateDefi {
        /// The id.
        defi: DefiId,
    },
    /// A défi's seats add up to a team size outside the bounds.
    #[error(
        "le défi {defi} a {seats} {}, hors des bornes d'équipe de {min} à {max} : donnez-lui de {min} à {max} places",
        if *seats > 1 { "places" } else { "place" }
    )]
    SeatsOutsideBounds {
        /// The défi.
        defi: DefiId,
        /// Its seats, all profiles.
        seats: u64,
        /// Fewest talents.
        min: u32,
        /// Most talents.
        max: u32,
    },
    /// Two candidates share an id.
    #[error("le candidat {candidate} figure deux fois : gardez une seule entrée par candidat")]
    DuplicateCandidate {
        /// The id.
        candidate: CandidateId,
    },
    /// A candidate's list is longer than the limit.
    #[error(
        "le candidat {candidate} a choisi {count} défis, plus que la limite de {limit} : gardez au plus {limit} choix"
    )]
    TooManyChoices {
        /// The candidate.
        candidate: CandidateId,
        /// Length of the list.
        count: usize,
        /// The limit.
        limit: u32,
    },
    /// A candidate chose a défi that does not exist.
    #[error(
        "le candidat {candidate} a choisi le défi inconnu {defi} : retirez ce choix ou ajoutez le défi"
    )]
    UnknownChoice {
        /// The candidate.
        candidate: CandidateId,
        /// The unknown défi.
        defi: DefiId,
    },
    /// A candidate chose the same défi twice.
    #[error(
        "le candidat {candidate} a choisi deux fois le défi {defi} : retirez l'un des deux choix"
    )]
    DuplicateChoice {
        /// The candidate.
        candidate: CandidateId,
        /// The défi.
        defi: DefiId,
    },
    /// A ranking is for a défi that does not exist.
    #[error("classement d'un défi inconnu {defi} : retirez ce classement ou ajoutez le défi")]
    RankingUnknownDefi {
        /// The défi.
        defi: DefiId,
    },
    /// A ranking is for a profile the défi has no seat for.
    #[error(
        "défi {defi} : classement du profil {profile}, pour lequel le défi n'a aucune place : retirez ce classement ou donnez au défi une place de ce profil"
    )]
    RankingWithoutSeat {
        /// The défi.
        defi: DefiId,
        /// The profile.
        profile: TalentProfile,
    },
    /// Two rankings for the same défi and profile.
    #[error("le défi {defi} a deux classements du profil {profile} : n'en gardez qu'un")]
    DuplicateRanking {
        /// The défi.
        defi: DefiId,
        /// The profile.
        profile: TalentProfile,
    },
    /// A ranking names a candidate that does not exist.
    #[error(
        "défi {defi} : le classement du profil {profile} nomme le candidat inconnu {candidate} : retirez-le du classement ou ajoutez-le aux candidats"
    )]
    RankingUnknownCandidate {
        /// The défi.
        defi: DefiId,
        /// The profile ranked.
        profile: TalentProfile,
        /// The unknown candidate.
        candidate: CandidateId,
    },
    /// A ranking names a candidate who did not choose the défi.
    #[error(
        "défi {defi} : le classement du profil {profile} nomme le candidat {candidate}, qui n'a pas choisi ce défi : retirez-le du classement, ou proposez-lui une place (offers)"
    )]
    RankingNotApplicant {
        /// The défi.
        defi: DefiId,
        /// The profile ranked.
        profile: TalentProfile,
        /// The candidate.
        candidate: CandidateId,
    },
    /// A ranking names a candidate of another profile.
    #[error(
        "défi {defi} : le classement du profil {profile} nomme le candidat {candidate}, dont le profil est {actual} : classez-le dans le classement de son profil"
    )]
    RankingWrongProfile {
        /// The défi.
        defi: DefiId,
        /// The profile ranked.
        profile: TalentProfile,
        /// The candidate.
        candidate: CandidateId,
        /// The candidate's profile.
        actual: TalentProfile,
    },
    /// A candidate appears twice in one ranking (ranks or offers).
    #[error(
        "défi {defi} : le classement du profil {profile} nomme deux fois le candidat {candidate} : gardez-le à un seul rang"
    )]
    RankedTwice {
        /// The défi.
        defi: DefiId,
        /// The profile ranked.
        profile: TalentProfile,
        /// The candidate.
        candidate: CandidateId,
    },
    /// A ranking has an empty tie group.
    #[error(
        "défi {defi} : le classement du profil {profile} a un rang sans candidat : retirez ce rang vide"
    )]
    EmptyTieGroup {
        /// The défi.
        defi: DefiId,
        /// The profile ranked.
        profile: TalentProfile,
    },
    /// An offer names a candidate who chose the défi (rank them instead).
    #[error(
        "défi {defi} : le classement du profil {profile} propose une place au candidat {candidate}, qui a choisi ce défi : classez-le au lieu de lui proposer une place"
    )]
    OfferToApplicant {
        /// The défi.
        defi: DefiId,
        /// The profile ranked.
        profile: TalentProfile,
        /// The candidate.
        candidate: CandidateId,
    },
    /// The problem is too large for 32-bit indices.
    #[error("trop de {what} ({count}) : le calcul ne peut en indexer autant, découpez l'entrée")]
    TooLarge {
        /// What overflowed.
        what: &'static str,
        /// How many.
        count: usize,
    },
}

/// Why a [`MatchingInput`] is not a valid problem: every problem found, by list (défis, then
/// candidates — their choices, then duplicate ids —, then rankings), each in input order.
///
/// # Example
/// ```
/// use eig_matching::{Instance, MatchingInput};
///
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 2, "team_max": 3, "max_choices": 1},
///   "defis": [{"id": "d1", "seats": {"developer": 1}}, {"id": "d1", "seats": {"developer": 2}}],
///   "candidates": [], "rankings": []
/// }"#)?;
/// let err = Instance::new(&input).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "2 problèmes dans les données d'affectation : le défi d1 a 1 place, hors des bornes \
///      d'équipe de 2 à 3 : donnez-lui de 2 à 3 places ; le défi d1 figure deux fois : gardez une \
///      seule entrée par défi"
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstanceError {
    problems: Vec<Problem>,
}

impl InstanceError {
    /// Every problem found.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{Instance, MatchingInput, Problem};
    ///
    /// let input: MatchingInput = serde_json::from_str(r#"{
    ///   "limits": {"team_min": 3, "team_max": 2, "max_choices": 1},
    ///   "defis": [], "candidates": [], "rankings": []
    /// }"#)?;
    /// let err = Instance::new(&input).unwrap_err();
    /// assert_eq!(err.problems(), [Problem::EmptyBounds { min: 3, max: 2 }]);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

impl std::fmt::Display for InstanceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = if self.problems.len() > 1 { "s" } else { "" };
        write!(f, "{} problème{plural} dans les données d'affectation : ", self.problems.len())?;
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str(" ; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InstanceError {}

/// Index of `id` in the sorted, duplicate-free `ids`.
pub(crate) fn index_of<T: Ord>(ids: &[T], id: &T) -> Option<u32> {
    ids.binary_search(id).ok().and_then(|i| u32::try_from(i).ok())
}

/// What the checks of the rankings need of a candidate, in one place.
#[derive(Clone, Copy)]
struct Named {
    /// The last ranking that named them (a ranking naming them twice is refused).
    last_ranking: u32,
    profile: TalentProfile,
    /// Whether they apply to the seat whose ranking is being checked.
    applies: bool,
}

/// The applicants of each seat: the candidates of its profile who chose its défi, with the
/// slot of that choice (in `choice_defi`), grouped by seat in one pass over the choices.
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
    fn of(instance: &Instance) -> Applicants {
        let seat_count = instance.seat_defi.len();
        let mut slot_seat = vec![NONE; instance.choice_defi.len()];
        let mut start = vec![0u32; seat_count + 1];
        for c in 0..instance.candidates.len() {
            for slot in instance.choice_range(c) {
                let d = instance.choice_defi[slot] as usize;
                if let Some(s) = instance.seat_for(d, instance.profile[c]) {
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
        for c in 0..instance.candidates.len() {
            for slot in instance.choice_range(c) {
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

/// Whether a list of `count` entries can be indexed with `u32`, `NONE` apart.
fn indexable(count: usize) -> bool {
    count < NONE as usize
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE)
}

impl Instance {
    /// Validates `input`, listing every problem at once.
    ///
    /// The input goes through its compact form ([`CompactInput`]); reading JSON straight into
    /// that form and calling [`Instance::from_compact`] gives the same instance or the same
    /// problems, faster and in less memory.
    ///
    /// # Errors
    /// [`InstanceError`] with every [`Problem`]: duplicate ids, unknown défi in a choice,
    /// a list of choices over the limit, a ranking naming a non-applicant, an unknown
    /// candidate or a candidate of another profile, seats outside the team bounds.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{Instance, MatchingInput};
    ///
    /// let json = r#"{
    ///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 1},
    ///   "defis": [{"id": "d1", "seats": {"developer": 1}}],
    ///   "candidates": [{"id": "c1", "profile": "developer", "choices": ["d1"]}],
    ///   "rankings": [{"defi": "d1", "profile": "developer", "ranks": [["c1"]]}]
    /// }"#;
    /// let input: MatchingInput = serde_json::from_str(json)?;
    /// assert_eq!(Instance::new(&input)?.defi_count(), 1);
    /// let mut wrong = input.clone();
    /// wrong.candidates[0].choices.clear(); // c1 is ranked but no longer applies
    /// assert_eq!(Instance::new(&wrong).unwrap_err().problems().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(input: &MatchingInput) -> Result<Instance, InstanceError> {
        Instance::from_compact(&CompactInput::from(input))
    }

    /// Validates a problem read in compact form, listing every problem at once: the same
    /// instance, or the same problems in the same order, as [`Instance::new`] on the same
    /// problem as a [`MatchingInput`].
    ///
    /// # Errors
    /// [`InstanceError`] with every [`Problem`], as [`Instance::new`].
    ///
    /// # Example
    /// ```
    /// use eig_matching::{CompactInput, Instance, Problem};
    ///
    /// let compact: CompactInput = serde_json::from_str(r#"{
    ///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 1},
    ///   "defis": [{"id": "d1", "seats": {"developer": 1}}],
    ///   "candidates": [{"id": "c1", "profile": "developer", "choices": ["d2"]}],
    ///   "rankings": []
    /// }"#)?;
    /// let err = Instance::from_compact(&compact).unwrap_err();
    /// assert!(matches!(err.problems(), [Problem::UnknownChoice { .. }]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[expect(clippy::too_many_lines, reason = "one pass per list, every check in one place")]
    pub fn from_compact(input: &CompactInput) -> Result<Instance, InstanceError> {
        let mut problems = Vec::new();
        let limits = input.limits;
        if limits.team_min > limits.team_max {
            problems.push(Problem::EmptyBounds { min: limits.team_min, max: limits.team_max });
        }
        if !indexable(input.defis.len()) {
            problems.push(Problem::TooLarge { what: "défis", count: input.defis.len() });
        }
        if !indexable(input.candidates.len()) {
            problems.push(Problem::TooLarge { what: "candidats", count: input.candidates.len() });
        }
        let defi_id = |i: u32| input.defi_ids.ids[i as usize].clone();
        let candidate_id = |i: u32| input.candidate_ids.ids[i as usize].clone();

        // Défis: the first entry of each id counts; sorted by id.
        let mut first_defi = vec![NONE; input.defi_ids.len()];
        let mut defi_seen_twice = vec![false; input.defi_ids.len()];
        for (e, &id) in input.defis.iter().enumerate() {
            if first_defi[id as usize] == NONE {
                first_defi[id as usize] = to_u32(e);
            } else {
                defi_seen_twice[id as usize] = true;
            }
        }
        for (e, &id) in input.defis.iter().enumerate() {
            let seats =
                &input.seats[input.seat_start[e] as usize..input.seat_start[e + 1] as usize];
            let total: u64 = seats.iter().map(|&(_, n)| u64::from(n)).sum();
            if total < u64::from(limits.team_min) || total > u64::from(limits.team_max) {
                problems.push(Problem::SeatsOutsideBounds {
                    defi: defi_id(id),
                    seats: total,
                    min: limits.team_min,
                    max: limits.team_max,
                });
            }
            if defi_seen_twice[id as usize] && first_defi[id as usize] == to_u32(e) {
                problems.push(Problem::DuplicateDefi { defi: defi_id(id) });
            }
        }
        drop(defi_seen_twice);
        let defined: Vec<u32> =
            (0..to_u32(input.defi_ids.len())).filter(|&i| first_defi[i as usize] != NONE).collect();
        let defi_order = input.defi_ids.sorted(defined);
        // Interned défi → its index in the instance, or NONE if no défi has that id.
        let mut defi_index = vec![NONE; input.defi_ids.len()];
        let mut defis = Vec::with_capacity(defi_order.len());
        let mut seat_start = Vec::with_capacity(defi_order.len() + 1);
        seat_start.push(0);
        let mut seat_defi = Vec::new();
        let mut seat_profile = Vec::new();
        let mut seat_capacity = Vec::new();
        for (d, &id) in defi_order.iter().enumerate() {
            defi_index[id as usize] = to_u32(d);
            defis.push(defi_id(id));
            let e = first_defi[id as usize] as usize;
            for &(profile, capacity) in
                &input.seats[input.seat_start[e] as usize..input.seat_start[e + 1] as usize]
            {
                if capacity > 0 {
                    seat_defi.push(to_u32(d));
                    seat_profile.push(profile);
                    seat_capacity.push(capacity);
                }
            }
            seat_start.push(to_u32(seat_defi.len()));
        }
        drop(first_defi);

        // Choices, in input order: resolved to défi indices, then checked.
        let resolved: Vec<u32> =
            input.choice_defi.iter().map(|&id| defi_index[id as usize]).collect();
        for (e, &id) in input.candidates.iter().enumerate() {
            let range = input.choice_start[e] as usize..input.choice_start[e + 1] as usize;
            if range.len() > limits.max_choices as usize {
                problems.push(Problem::TooManyChoices {
                    candidate: candidate_id(id),
                    count: range.len(),
                    limit: limits.max_choices,
                });
            }
            for slot in range.clone() {
                let d = resolved[slot];
                if d == NONE {
                    problems.push(Problem::UnknownChoice {
                        candidate: candidate_id(id),
                        defi: defi_id(input.choice_defi[slot]),
                    });
                } else if resolved[range.start..slot].contains(&d) {
                    problems.push(Problem::DuplicateChoice {
                        candidate: candidate_id(id),
                        defi: defi_id(input.choice_defi[slot]),
                    });
                }
            }
        }

        // Candidates: the first entry of each id counts; sorted by id.
        let mut first_candidate = vec![NONE; input.candidate_ids.len()];
        let mut candidate_seen_twice = vec![false; input.candidate_ids.len()];
        for (e, &id) in input.candidates.iter().enumerate() {
            if first_candidate[id as usize] == NONE {
                first_candidate[id as usize] = to_u32(e);
            } else {
                candidate_seen_twice[id as usize] = true;
            }
        }
        for (e, &id) in input.candidates.iter().enumerate() {
            if candidate_seen_twice[id as usize] && first_candidate[id as usize] == to_u32(e) {
                problems.push(Problem::DuplicateCandidate { candidate: candidate_id(id) });
            }
        }
        drop(candidate_seen_twice);
        let defined: Vec<u32> = (0..to_u32(input.candidate_ids.len()))
            .filter(|&i| first_candidate[i as usize] != NONE)
            .collect();
        let candidate_order = input.candidate_ids.sorted(defined);
        let mut candidate_index = vec![NONE; input.candidate_ids.len()];
        let mut candidates = Vec::with_capacity(candidate_order.len());
        let mut profile = Vec::with_capacity(candidate_order.len());
        let mut choice_start = Vec::with_capacity(candidate_order.len() + 1);
        choice_start.push(0);
        let mut choice_defi = Vec::with_capacity(resolved.len());
        for (c, &id) in candidate_order.iter().enumerate() {
            candidate_index[id as usize] = to_u32(c);
            candidates.push(candidate_id(id));
            let e = first_candidate[id as usize] as usize;
            profile.push(input.profiles[e]);
            choice_defi.extend(
                resolved[input.choice_start[e] as usize..input.choice_start[e + 1] as usize]
                    .iter()
                    .filter(|&&d| d != NONE),
            );
            choice_start.push(to_u32(choice_defi.len()));
        }
        drop((first_candidate, candidate_order, resolved));
        let mut instance = Instance {
            limits,
            defis,
            seat_start,
            seat_defi,
            seat_profile,
            seat_capacity,
            candidates,
            profile,
            choice_start,
            choice_defi,
            rank_start: Vec::new(),
            rank_candidate: Vec::new(),
            rank_group: Vec::new(),
            offer_start: Vec::new(),
            offer_candidate: Vec::new(),
            slot_seat_rank: Vec::new(),
            slot_group: Vec::new(),
            rank_choice: Vec::new(),
            ties: false,
        };
        let applicants = Applicants::of(&instance);

        // Rankings, attached to their seats. The ranked and offered candidates are turned into
        // the instance's indices in one pass (reads that do not wait on one another); what the
        // checks need of a candidate is then one place of memory (`Named`). Whether a ranked
        // candidate of the seat's profile chose the défi is marked there from the seat's
        // applicants.
        let ranked: Vec<u32> =
            input.ranked.iter().map(|&id| candidate_index[id as usize]).collect();
        let offered: Vec<u32> =
            input.offered.iter().map(|&id| candidate_index[id as usize]).collect();
        let mut ranking_of_seat: Vec<u32> = vec![NONE; instance.seat_defi.len()];
        let mut named: Vec<Named> = instance
            .profile
            .iter()
            .map(|&profile| Named { last_ranking: NONE, profile, applies: false })
            .collect();
        for r in 0..input.ranking_defi.len() {
            let defi = input.ranking_defi[r];
            let ranking_profile = input.ranking_profile[r];
            let d = defi_index[defi as usize];
            if d == NONE {
                problems.push(Problem::RankingUnknownDefi { defi: defi_id(defi) });
                continue;
            }
            let Some(s) = instance.seat_for(d as usize, ranking_profile) else {
                problems.push(Problem::RankingWithoutSeat {
                    defi: defi_id(defi),
                    profile: ranking_profile,
                });
                continue;
            };
            if ranking_of_seat[s] != NONE {
                problems.push(Problem::DuplicateRanking {
                    defi: defi_id(defi),
                    profile: ranking_profile,
                });
                continue;
            }
            ranking_of_seat[s] = to_u32(r);
            for &(c, _) in applicants.of_seat(s) {
                named[c as usize].applies = true;
            }
            let (ranked_at, offered_at) = input.ranking_ranges(r);
            let entries = ranked_at
                .map(|i| (ranked[i], input.ranked[i], false))
                .chain(offered_at.map(|i| (offered[i], input.offered[i], true)));
            for (c, id, is_offer) in entries {
                if c == NONE {
                    problems.push(Problem::RankingUnknownCandidate {
                        defi: defi_id(defi),
                        profile: ranking_profile,
                        candidate: candidate_id(id),
                    });
                    continue;
                }
                let candidate = &mut named[c as usize];
                if candidate.last_ranking == to_u32(r) {
                    problems.push(Problem::RankedTwice {
                        defi: defi_id(defi),
                        profile: ranking_profile,
                        candidate: candidate_id(id),
                    });
                    continue;
                }
                candidate.last_ranking = to_u32(r);
                let actual = candidate.profile;
                // Of the seat's profile, a candidate chose the défi if they apply to the seat.
                let chose = candidate.applies;
                if actual != ranking_profile {
                    problems.push(Problem::RankingWrongProfile {
                        defi: defi_id(defi),
                        profile: ranking_profile,
                        candidate: candidate_id(id),
                        actual,
                    });
                } else if chose && is_offer {
                    problems.push(Problem::OfferToApplicant {
                        defi: defi_id(defi),
                        profile: ranking_profile,
                        candidate: candidate_id(id),
                    });
                } else if !chose && !is_offer {
                    problems.push(Problem::RankingNotApplicant {
                        defi: defi_id(defi),
                        profile: ranking_profile,
                        candidate: candidate_id(id),
                    });
                }
            }
            for &(c, _) in applicants.of_seat(s) {
                named[c as usize].applies = false;
            }
            let mut start = input.ranked_start[r];
            if input.group_ends(r).iter().any(|&end| std::mem::replace(&mut start, end) == end) {
                problems
                    .push(Problem::EmptyTieGroup { defi: defi_id(defi), profile: ranking_profile });
            }
        }
        drop(named);
        if !problems.is_empty() {
            return Err(InstanceError { problems });
        }

        let seat_count = instance.seat_defi.len();
        let mut rank_start = Vec::with_capacity(seat_count + 1);
        rank_start.push(0);
        let mut rank_candidate = Vec::with_capacity(input.ranked.len());
        let mut rank_group = Vec::with_capacity(input.ranked.len());
        let mut offer_start = Vec::with_capacity(seat_count + 1);
        offer_start.push(0);
        let mut offer_candidate = Vec::new();
        for &r in &ranking_of_seat {
            if r != NONE {
                let r = r as usize;
                let mut start = input.ranked_start[r] as usize;
                for (group, &end) in input.group_ends(r).iter().enumerate() {
                    let first = rank_candidate.len();
                    rank_candidate.extend_from_slice(&ranked[start..end as usize]);
                    start = end as usize;
                    rank_candidate[first..].sort_unstable();
                    rank_group.resize(rank_candidate.len(), to_u32(group));
                }
                offer_candidate.extend_from_slice(&offered[input.ranking_ranges(r).1]);
            }
            rank_start.push(to_u32(rank_candidate.len()));
            offer_start.push(to_u32(offer_candidate.len()));
        }
        let count = rank_candidate.len().max(instance.choice_defi.len());
        if !indexable(count) {
            return Err(InstanceError {
                problems: vec![Problem::TooLarge { what: "entrées de liste", count }],
            });
        }
        instance.rank_start = rank_start;
        instance.rank_candidate = rank_candidate;
        instance.rank_group = rank_group;
        instance.offer_start = offer_start;
        instance.offer_candidate = offer_candidate;
        Ok(instance.with_applicants(&applicants))
    }

    /// Fills the derived tables (`slot_seat_rank`, `slot_group`, `rank_choice`, `ties`) from the
    /// problem's fields: they depend only on the instance, so every solve shares them.
    pub(crate) fn with_tables(self) -> Instance {
        let applicants = Applicants::of(&self);
        self.with_applicants(&applicants)
    }

    /// [`Instance::with_tables`] with the applicants of each seat found already. Each ranking
    /// is joined with its seat's applicants through a scratch table by candidate, so that no
    /// step waits on another's memory read (a search of each ranked candidate's choices did,
    /// and took most of the time at a million candidates).
    fn with_applicants(mut self, applicants: &Applicants) -> Instance {
        let mut slot_seat_rank: Vec<(u32, u32)> =
            applicants.slot_seat.iter().map(|&s| (s, NONE)).collect();
        let mut slot_group = vec![NONE; self.choice_defi.len()];
        let mut rank_choice = vec![NONE; self.rank_candidate.len()];
        let mut slot_of = vec![NONE; self.candidates.len()];
        for s in 0..self.seat_defi.len() {
            let seat_applicants = applicants.of_seat(s);
            for &(c, slot) in seat_applicants {
                slot_of[c as usize] = slot;
            }
            for (position, i) in self.ranking_range(s).enumerate() {
                let c = self.rank_candidate[i] as usize;
                let slot = slot_of[c];
                if slot != NONE {
                    slot_seat_rank[slot as usize].1 = to_u32(position);
                    slot_group[slot as usize] = self.rank_group[i];
                    rank_choice[i] = slot - self.choice_start[c];
                }
            }
            for &(c, _) in seat_applicants {
                slot_of[c as usize] = NONE;
            }
        }
        self.ties = (0..self.seat_defi.len()).any(|s| {
            let range = self.ranking_range(s);
            self.rank_group[range].windows(2).any(|w| w[0] == w[1])
        });
        self.slot_seat_rank = slot_seat_rank;
        self.slot_group = slot_group;
        self.rank_choice = rank_choice;
        self
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
            .map(|d| crate::input::DefiSeats {
                id: self.defis[d].clone(),
                seats: self
                    .seats_of(d)
                    .map(|s| (self.seat_profile[s], self.seat_capacity[s]))
                    .collect::<BTreeMap<_, _>>(),
            })
            .collect();
        let candidates = (0..self.candidates.len())
            .map(|c| crate::input::CandidateInput {
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
            rankings.push(crate::input::RankingInput {
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
    /// use eig_matching::{GeneratorConfig, Limits, generate};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(1));
    /// assert_eq!(instance.limits(), Limits { team_min: 2, team_max: 3, max_choices: 2 });
    /// ```
    pub fn limits(&self) -> Limits {
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

#[cfg(test)]
mod tests {
    use super::{NONE, indexable};

    /// The largest lists the instance can index (a test cannot build them: the rule is checked
    /// on its own).
    #[test]
    fn lists_up_to_the_largest_index_are_indexable() {
        assert!(indexable(0));
        assert!(indexable(NONE as usize - 1));
        assert!(!indexable(NONE as usize));
        assert!(!indexable(usize::MAX));
    }
}
