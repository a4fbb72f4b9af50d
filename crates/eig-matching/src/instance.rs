//! The validated problem: ids turned once into dense indices (sorted by id, so the result does
//! not depend on the order of the input lists), lists stored as flat arrays.

use std::collections::BTreeMap;

use eig_domain::{CandidateId, DefiId, TalentProfile};

use crate::input::{Limits, MatchingInput};

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

/// The first 16 bytes of an id, big-endian, zero-padded: ordered like the ids themselves
/// (ids are ASCII, and `\0` sorts before every allowed character).
fn prefix_key(id: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = id.len().min(16);
    bytes[..n].copy_from_slice(&id.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

/// Orders two ids whose prefix keys are equal: they are equal unless one is longer than the
/// key (an id of at most 16 bytes has no `\0`, so its key identifies it).
fn tie_order(a: &str, b: &str) -> std::cmp::Ordering {
    if a.len() <= 16 && b.len() <= 16 { std::cmp::Ordering::Equal } else { a.cmp(b) }
}

/// Resolves every query against the sorted, duplicate-free `ids` at once: the queries are
/// sorted by prefix key and merged with the ids, so memory is read in order (a binary search
/// per query misses the cache at every step on a million ids). `NONE` for an unknown id.
fn resolve_all<T>(ids: &[T], as_str: fn(&T) -> &str, queries: &[&str]) -> Vec<u32> {
    let id_keys: Vec<u128> = ids.iter().map(|id| prefix_key(as_str(id))).collect();
    let mut order: Vec<(u128, u32)> =
        queries.iter().enumerate().map(|(q, query)| (prefix_key(query), to_u32(q))).collect();
    if queries.iter().all(|query| query.len() <= 16) {
        // Every key identifies its query: the pairs sort as integers, without reading the
        // queries again (the common case: ids of at most 16 bytes).
        order.sort_unstable();
    } else {
        order.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| tie_order(queries[a.1 as usize], queries[b.1 as usize]))
        });
    }
    let mut out = vec![NONE; queries.len()];
    let mut j = 0;
    for &(key, q) in &order {
        let query = queries[q as usize];
        while j < ids.len()
            && (id_keys[j] < key
                || (id_keys[j] == key && tie_order(as_str(&ids[j]), query).is_lt()))
        {
            j += 1;
        }
        if j < ids.len() && id_keys[j] == key && tie_order(as_str(&ids[j]), query).is_eq() {
            out[q as usize] = to_u32(j);
        }
    }
    out
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE)
}

impl Instance {
    /// Validates `input`, listing every problem at once.
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
    #[expect(clippy::too_many_lines, reason = "one pass per list, every check in one place")]
    pub fn new(input: &MatchingInput) -> Result<Instance, InstanceError> {
        let mut problems = Vec::new();
        let limits = input.limits;
        if limits.team_min > limits.team_max {
            problems.push(Problem::EmptyBounds { min: limits.team_min, max: limits.team_max });
        }
        if input.defis.len() >= NONE as usize {
            problems.push(Problem::TooLarge { what: "défis", count: input.defis.len() });
        }
        if input.candidates.len() >= NONE as usize {
            problems.push(Problem::TooLarge { what: "candidats", count: input.candidates.len() });
        }

        // Défis, sorted by id.
        let mut defi_order: Vec<usize> = (0..input.defis.len()).collect();
        let keys: Vec<u128> = input.defis.iter().map(|d| prefix_key(d.id.as_str())).collect();
        defi_order.sort_by(|&a, &b| {
            keys[a].cmp(&keys[b]).then_with(|| input.defis[a].id.cmp(&input.defis[b].id))
        });
        drop(keys);
        let mut defis: Vec<DefiId> = Vec::with_capacity(input.defis.len());
        let mut seat_start = vec![0];
        let mut seat_defi = Vec::new();
        let mut seat_profile = Vec::new();
        let mut seat_capacity = Vec::new();
        let mut duplicate_defis: std::collections::BTreeSet<&DefiId> = defi_order
            .windows(2)
            .filter(|w| input.defis[w[0]].id == input.defis[w[1]].id)
            .map(|w| &input.defis[w[0]].id)
            .collect();
        for defi in &input.defis {
            let total: u64 = defi.seats.values().map(|&n| u64::from(n)).sum();
            if total < u64::from(limits.team_min) || total > u64::from(limits.team_max) {
                problems.push(Problem::SeatsOutsideBounds {
                    defi: defi.id.clone(),
                    seats: total,
                    min: limits.team_min,
                    max: limits.team_max,
                });
            }
            if duplicate_defis.remove(&defi.id) {
                problems.push(Problem::DuplicateDefi { defi: defi.id.clone() });
            }
        }
        for &i in &defi_order {
            let defi = &input.defis[i];
            if defis.last() == Some(&defi.id) {
                continue;
            }
            let d = to_u32(defis.len());
            defis.push(defi.id.clone());
            for (&profile, &capacity) in &defi.seats {
                if capacity > 0 {
                    seat_defi.push(d);
                    seat_profile.push(profile);
                    seat_capacity.push(capacity);
                }
            }
            seat_start.push(to_u32(seat_defi.len()));
        }

        // Choices resolved at once, in input order, then checked.
        let queries: Vec<&str> =
            input.candidates.iter().flat_map(|c| c.choices.iter().map(DefiId::as_str)).collect();
        let all_choices = resolve_all(&defis, DefiId::as_str, &queries);
        drop(queries);
        let mut resolved_start = Vec::with_capacity(input.candidates.len() + 1);
        let mut resolved = Vec::with_capacity(all_choices.len());
        resolved_start.push(0usize);
        for candidate in &input.candidates {
            if candidate.choices.len() > limits.max_choices as usize {
                problems.push(Problem::TooManyChoices {
                    candidate: candidate.id.clone(),
                    count: candidate.choices.len(),
                    limit: limits.max_choices,
                });
            }
            let first = resolved.len();
            for defi in &candidate.choices {
                let d = all_choices[resolved.len()];
                if d == NONE {
                    problems.push(Problem::UnknownChoice {
                        candidate: candidate.id.clone(),
                        defi: defi.clone(),
                    });
                } else if resolved[first..].contains(&d) {
                    problems.push(Problem::DuplicateChoice {
                        candidate: candidate.id.clone(),
                        defi: defi.clone(),
                    });
                }
                resolved.push(d);
            }
            resolved_start.push(resolved.len());
        }

        // Candidates, sorted by id.
        let mut cand_order: Vec<usize> = (0..input.candidates.len()).collect();
        let keys: Vec<u128> = input.candidates.iter().map(|c| prefix_key(c.id.as_str())).collect();
        cand_order.sort_by(|&a, &b| {
            keys[a].cmp(&keys[b]).then_with(|| input.candidates[a].id.cmp(&input.candidates[b].id))
        });
        drop(keys);
        let mut candidates: Vec<CandidateId> = Vec::with_capacity(input.candidates.len());
        let mut profile = Vec::with_capacity(input.candidates.len());
        let mut choice_start = Vec::with_capacity(input.candidates.len() + 1);
        choice_start.push(0);
        let mut choice_defi = Vec::with_capacity(resolved.len());
        let mut duplicate_candidates = std::collections::BTreeSet::new();
        for &i in &cand_order {
            let candidate = &input.candidates[i];
            if candidates.last() == Some(&candidate.id) {
                duplicate_candidates.insert(&candidate.id);
                continue;
            }
            candidates.push(candidate.id.clone());
            profile.push(candidate.profile);
            choice_defi.extend(
                resolved[resolved_start[i]..resolved_start[i + 1]].iter().filter(|&&d| d != NONE),
            );
            choice_start.push(to_u32(choice_defi.len()));
        }
        drop(resolved);
        for candidate in &input.candidates {
            if duplicate_candidates.remove(&candidate.id) {
                problems.push(Problem::DuplicateCandidate { candidate: candidate.id.clone() });
            }
        }
        let defi_queries: Vec<&str> = input.rankings.iter().map(|r| r.defi.as_str()).collect();
        let ranking_defi = resolve_all(&defis, DefiId::as_str, &defi_queries);
        drop(defi_queries);

        // Rankings, attached to their seats.
        let seat_count = seat_defi.len();
        let mut ranking_of_seat: Vec<Option<usize>> = vec![None; seat_count];
        // Entries of every ranking resolved once (ranks flattened, then offers).
        let mut entry_start = vec![0usize; input.rankings.len() + 1];
        let mut queries = Vec::new();
        for (r, ranking) in input.rankings.iter().enumerate() {
            queries.extend(
                ranking.ranks.iter().flatten().chain(&ranking.offers).map(CandidateId::as_str),
            );
            entry_start[r + 1] = queries.len();
        }
        let entries_resolved = resolve_all(&candidates, CandidateId::as_str, &queries);
        drop(queries);
        let mut last_named = vec![NONE; candidates.len()];
        for (r, ranking) in input.rankings.iter().enumerate() {
            let d = ranking_defi[r];
            if d == NONE {
                problems.push(Problem::RankingUnknownDefi { defi: ranking.defi.clone() });
                continue;
            }
            let seats = seat_start[d as usize] as usize..seat_start[d as usize + 1] as usize;
            let Some(s) = seats.clone().find(|&s| seat_profile[s] == ranking.profile) else {
                problems.push(Problem::RankingWithoutSeat {
                    defi: ranking.defi.clone(),
                    profile: ranking.profile,
                });
                continue;
            };
            if ranking_of_seat[s].is_some() {
                problems.push(Problem::DuplicateRanking {
                    defi: ranking.defi.clone(),
                    profile: ranking.profile,
                });
                continue;
            }
            ranking_of_seat[s] = Some(r);
            let entries = ranking
                .ranks
                .iter()
                .flatten()
                .map(|c| (c, false))
                .chain(ranking.offers.iter().map(|c| (c, true)))
                .zip(&entries_resolved[entry_start[r]..entry_start[r + 1]]);
            for ((candidate, is_offer), &c) in entries {
                let problem_for = |make: fn(DefiId, TalentProfile, CandidateId) -> Problem| {
                    make(ranking.defi.clone(), ranking.profile, candidate.clone())
                };
                if c == NONE {
                    problems.push(problem_for(|defi, profile, candidate| {
                        Problem::RankingUnknownCandidate { defi, profile, candidate }
                    }));
                    continue;
                }
                let c = c as usize;
                if last_named[c] == to_u32(r) {
                    problems.push(problem_for(|defi, profile, candidate| Problem::RankedTwice {
                        defi,
                        profile,
                        candidate,
                    }));
                    continue;
                }
                last_named[c] = to_u32(r);
                let chose = choice_defi[choice_start[c] as usize..choice_start[c + 1] as usize]
                    .contains(&d);
                if profile[c] != ranking.profile {
                    problems.push(Problem::RankingWrongProfile {
                        defi: ranking.defi.clone(),
                        profile: ranking.profile,
                        candidate: candidate.clone(),
                        actual: profile[c],
                    });
                } else if chose && is_offer {
                    problems.push(problem_for(|defi, profile, candidate| {
                        Problem::OfferToApplicant { defi, profile, candidate }
                    }));
                } else if !chose && !is_offer {
                    problems.push(problem_for(|defi, profile, candidate| {
                        Problem::RankingNotApplicant { defi, profile, candidate }
                    }));
                }
            }
            if ranking.ranks.iter().any(Vec::is_empty) {
                problems.push(Problem::EmptyTieGroup {
                    defi: ranking.defi.clone(),
                    profile: ranking.profile,
                });
            }
        }
        if !problems.is_empty() {
            return Err(InstanceError { problems });
        }

        let mut rank_start = vec![0];
        let mut rank_candidate = Vec::new();
        let mut rank_group = Vec::new();
        let mut offer_start = vec![0];
        let mut offer_candidate = Vec::new();
        for ranking in ranking_of_seat {
            if let Some(r) = ranking {
                let resolved = &entries_resolved[entry_start[r]..entry_start[r + 1]];
                let ranking = &input.rankings[r];
                let mut next = 0;
                for (group, members) in ranking.ranks.iter().enumerate() {
                    let first = rank_candidate.len();
                    rank_candidate.extend_from_slice(&resolved[next..next + members.len()]);
                    next += members.len();
                    rank_candidate[first..].sort_unstable();
                    rank_group.resize(rank_candidate.len(), to_u32(group));
                }
                offer_candidate.extend_from_slice(&resolved[next..]);
            }
            rank_start.push(to_u32(rank_candidate.len()));
            offer_start.push(to_u32(offer_candidate.len()));
        }
        if rank_candidate.len() >= NONE as usize || choice_defi.len() >= NONE as usize {
            let count = rank_candidate.len().max(choice_defi.len());
            return Err(InstanceError {
                problems: vec![Problem::TooLarge { what: "entrées de liste", count }],
            });
        }
        Ok(Instance {
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
            rank_start,
            rank_candidate,
            rank_group,
            offer_start,
            offer_candidate,
            slot_seat_rank: Vec::new(),
            slot_group: Vec::new(),
            rank_choice: Vec::new(),
            ties: false,
        }
        .with_tables())
    }

    /// Fills the derived tables (`slot_seat_rank`, `slot_group`, `rank_choice`, `ties`) from the
    /// problem's fields: they depend only on the instance, so every solve shares them.
    pub(crate) fn with_tables(mut self) -> Instance {
        let mut slot_seat_rank = vec![(NONE, NONE); self.choice_defi.len()];
        for c in 0..self.candidates.len() {
            for slot in self.choice_range(c) {
                let d = self.choice_defi[slot] as usize;
                if let Some(s) = self.seat_for(d, self.profile[c]) {
                    slot_seat_rank[slot].0 = to_u32(s);
                }
            }
        }
        let mut slot_group = vec![NONE; self.choice_defi.len()];
        let mut rank_choice = vec![NONE; self.rank_candidate.len()];
        for s in 0..self.seat_defi.len() {
            let range = self.ranking_range(s);
            let d = self.seat_defi[s];
            for (position, i) in range.enumerate() {
                let choices = self.choice_range(self.rank_candidate[i] as usize);
                let first = choices.start;
                if let Some(slot) = choices.into_iter().find(|&slot| self.choice_defi[slot] == d) {
                    slot_seat_rank[slot].1 = to_u32(position);
                    slot_group[slot] = self.rank_group[i];
                    rank_choice[i] = to_u32(slot - first);
                }
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
