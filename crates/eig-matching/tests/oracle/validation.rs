//! The validation as first written, kept as the oracle of `Instance::from_compact`: both must
//! give the same instance and the same problems on every input.
//!
//! A test of the library's own (`src/lib.rs` includes this file under `#[cfg(test)]`): it
//! builds its instance through the crate's one constructor, `Instance::assemble`, then
//! derives the tables again its own way (`old_tables`), and compares the whole with what the
//! validation gives, private tables included. It lives under `tests/`, which is not
//! published.

use eig_domain::{CandidateId, DefiId, TalentProfile};

use crate::{
    input::MatchingInput,
    instance::{CandidateLists, DefiLists, Instance, NONE, RankingLists, Skeleton, to_u32},
    validate::problem::{InputProblem, InstanceError},
};

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

#[expect(clippy::too_many_lines, reason = "one pass per list, every check in one place")]
fn reference_new(input: &MatchingInput) -> Result<Instance, InstanceError> {
    let mut problems = Vec::new();
    let limits = input.limits;
    if limits.team_min > limits.team_max {
        problems.push(InputProblem::EmptyBounds { min: limits.team_min, max: limits.team_max });
    }
    if input.defis.len() >= NONE as usize {
        problems.push(InputProblem::TooLarge { what: "défis", count: input.defis.len() });
    }
    if input.candidates.len() >= NONE as usize {
        problems.push(InputProblem::TooLarge { what: "candidats", count: input.candidates.len() });
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
            problems.push(InputProblem::SeatsOutsideBounds {
                defi: defi.id.clone(),
                seats: total,
                min: limits.team_min,
                max: limits.team_max,
            });
        }
        if duplicate_defis.remove(&defi.id) {
            problems.push(InputProblem::DuplicateDefi { defi: defi.id.clone() });
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
            problems.push(InputProblem::TooManyChoices {
                candidate: candidate.id.clone(),
                count: candidate.choices.len(),
                limit: limits.max_choices,
            });
        }
        let first = resolved.len();
        for defi in &candidate.choices {
            let d = all_choices[resolved.len()];
            if d == NONE {
                problems.push(InputProblem::UnknownChoice {
                    candidate: candidate.id.clone(),
                    defi: defi.clone(),
                });
            } else if resolved[first..].contains(&d) {
                problems.push(InputProblem::DuplicateChoice {
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
            problems.push(InputProblem::DuplicateCandidate { candidate: candidate.id.clone() });
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
        queries
            .extend(ranking.ranks.iter().flatten().chain(&ranking.offers).map(CandidateId::as_str));
        entry_start[r + 1] = queries.len();
    }
    let entries_resolved = resolve_all(&candidates, CandidateId::as_str, &queries);
    drop(queries);
    let mut last_named = vec![NONE; candidates.len()];
    for (r, ranking) in input.rankings.iter().enumerate() {
        let d = ranking_defi[r];
        if d == NONE {
            problems.push(InputProblem::RankingUnknownDefi { defi: ranking.defi.clone() });
            continue;
        }
        let seats = seat_start[d as usize] as usize..seat_start[d as usize + 1] as usize;
        let Some(s) = seats.clone().find(|&s| seat_profile[s] == ranking.profile) else {
            problems.push(InputProblem::RankingWithoutSeat {
                defi: ranking.defi.clone(),
                profile: ranking.profile,
            });
            continue;
        };
        if ranking_of_seat[s].is_some() {
            problems.push(InputProblem::DuplicateRanking {
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
            let problem_for = |make: fn(DefiId, TalentProfile, CandidateId) -> InputProblem| {
                make(ranking.defi.clone(), ranking.profile, candidate.clone())
            };
            if c == NONE {
                problems.push(problem_for(|defi, profile, candidate| {
                    InputProblem::RankingUnknownCandidate { defi, profile, candidate }
                }));
                continue;
            }
            let c = c as usize;
            if last_named[c] == to_u32(r) {
                problems.push(problem_for(|defi, profile, candidate| InputProblem::RankedTwice {
                    defi,
                    profile,
                    candidate,
                }));
                continue;
            }
            last_named[c] = to_u32(r);
            let chose =
                choice_defi[choice_start[c] as usize..choice_start[c + 1] as usize].contains(&d);
            if profile[c] != ranking.profile {
                problems.push(InputProblem::RankingWrongProfile {
                    defi: ranking.defi.clone(),
                    profile: ranking.profile,
                    candidate: candidate.clone(),
                    actual: profile[c],
                });
            } else if chose && is_offer {
                problems.push(problem_for(|defi, profile, candidate| {
                    InputProblem::OfferToApplicant { defi, profile, candidate }
                }));
            } else if !chose && !is_offer {
                problems.push(problem_for(|defi, profile, candidate| {
                    InputProblem::RankingNotApplicant { defi, profile, candidate }
                }));
            }
        }
        if ranking.ranks.iter().any(Vec::is_empty) {
            problems.push(InputProblem::EmptyTieGroup {
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
            problems: vec![InputProblem::TooLarge { what: "entrées de liste", count }],
        });
    }
    let defis = DefiLists { ids: defis, seat_start, seat_defi, seat_profile, seat_capacity };
    let candidates = CandidateLists { ids: candidates, profile, choice_start, choice_defi };
    let rankings =
        RankingLists { rank_start, rank_candidate, rank_group, offer_start, offer_candidate };
    Ok(Instance::assemble(Skeleton::new(limits, defis, candidates), rankings).old_tables())
}

impl Instance {
    /// Fills the derived tables (`slot_seat_rank`, `slot_group`, `rank_choice`, `ties`) again
    /// from the problem's fields, as first written: a search of each ranked candidate's
    /// choices.
    fn old_tables(mut self) -> Instance {
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
}

#[cfg(test)]
mod tests {

    use std::collections::BTreeMap;

    use eig_domain::{CandidateId, DefiId, TalentProfile};
    use proptest::prelude::*;

    use super::reference_new;
    use crate::{
        compact::CompactInput,
        input::{CandidateInput, DefiSeats, MatchingInput, MatchingLimits, RankingInput},
        instance::Instance,
    };

    /// Few ids, some over 16 bytes and some sharing a 16-byte prefix, so that duplicates,
    /// unknown ids and long ids are frequent.
    const DEFIS: [&str; 6] = [
        "d1",
        "d2",
        "d10",
        "defi-with-a-long-name-1",
        "defi-with-a-long-name-2",
        "defi-with-a-long",
    ];
    const CANDIDATES: [&str; 7] = [
        "a",
        "b",
        "c",
        "b0",
        "candidate-of-a-long-name-1",
        "candidate-of-a-long-name-2",
        "candidate-of-a-l",
    ];
    const PROFILES: [TalentProfile; 3] =
        [TalentProfile::Developer, TalentProfile::Designer, TalentProfile::DataScientist];

    fn defi_id() -> impl Strategy<Value = DefiId> {
        prop::sample::select(DEFIS.as_slice()).prop_map(|id| id.parse().expect("valid id"))
    }

    fn candidate_id() -> impl Strategy<Value = CandidateId> {
        prop::sample::select(CANDIDATES.as_slice()).prop_map(|id| id.parse().expect("valid id"))
    }

    fn profile() -> impl Strategy<Value = TalentProfile> {
        prop::sample::select(PROFILES.as_slice())
    }

    fn input() -> impl Strategy<Value = MatchingInput> {
        let limits = (0u32..3, 0u32..5, 0u32..4).prop_map(|(team_min, team_max, max_choices)| {
            MatchingLimits { team_min, team_max, max_choices }
        });
        let defi = (defi_id(), prop::collection::btree_map(profile(), 0u32..3, 0..3)).prop_map(
            |(id, seats)| DefiSeats { id, seats: seats.into_iter().collect::<BTreeMap<_, _>>() },
        );
        let candidate = (candidate_id(), profile(), prop::collection::vec(defi_id(), 0..4))
            .prop_map(|(id, profile, choices)| CandidateInput { id, profile, choices });
        let ranking = (
            defi_id(),
            profile(),
            prop::collection::vec(prop::collection::vec(candidate_id(), 0..3), 0..4),
            prop::collection::vec(candidate_id(), 0..2),
        )
            .prop_map(|(defi, profile, ranks, offers)| RankingInput {
                defi,
                profile,
                ranks,
                offers,
            });
        (
            limits,
            prop::collection::vec(defi, 0..6),
            prop::collection::vec(candidate, 0..8),
            prop::collection::vec(ranking, 0..8),
        )
            .prop_map(|(limits, defis, candidates, rankings)| MatchingInput {
                limits,
                defis,
                candidates,
                rankings,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The compact validation gives the instance or the problems the first one gave,
        /// whether the compact form is converted or read from JSON.
        #[test]
        fn compact_validation_agrees_with_the_first(input in input()) {
            let expected = reference_new(&input);
            prop_assert_eq!(&Instance::new(&input), &expected);
            let json = serde_json::to_string(&input).expect("serializable");
            let read: CompactInput = serde_json::from_str(&json).expect("the same JSON");
            prop_assert_eq!(&read, &CompactInput::from(&input));
            prop_assert_eq!(&Instance::from_compact(&read), &expected);
        }
    }

    /// Most random inputs are invalid; valid ones of every generator preset agree too, in
    /// any order of their lists.
    #[test]
    fn generated_instances_agree_with_the_first() {
        use crate::generate::{GeneratorConfig, generate_with_offers};
        for seed in 0..40 {
            let mut config = match seed % 3 {
                0 => GeneratorConfig::eig_call(seed),
                1 => GeneratorConfig::exact_bench(seed),
                _ => GeneratorConfig {
                    candidates: 300,
                    defis: 40,
                    ..GeneratorConfig::eig_call(seed)
                },
            };
            config.tie_percent = u32::try_from(seed % 4).unwrap_or(0) * 20;
            let instance = generate_with_offers(&config, u32::try_from(seed % 2).unwrap_or(0) * 5);
            let mut input = instance.to_input();
            if seed % 2 == 1 {
                input.defis.reverse();
                input.candidates.reverse();
                input.rankings.reverse();
            }
            let expected = reference_new(&input);
            assert_eq!(expected.as_ref(), Ok(&instance));
            assert_eq!(Instance::new(&input), expected);
            let json = serde_json::to_string(&input).expect("serializable");
            let read: CompactInput = serde_json::from_str(&json).expect("the same JSON");
            assert_eq!(Instance::from_compact(&read), expected);
        }
    }
}
