//! The rankings: one per défi and profile the défi has a seat for, each naming applicants of
//! that seat once, with no empty tie group; its offers are checked by `offers`.

use crate::{
    compact::CompactInput,
    instance::{NONE, RankingLists, Skeleton, to_u32},
    validate::{
        entries::{NamedCandidates, Ranking},
        offers,
        problem::InputProblem,
    },
};

/// The candidates the rankings name, in the instance's indices (`NONE` for an unknown id):
/// the input's `ranked` and `offered`, entry for entry.
#[derive(Clone, Copy)]
pub(super) struct Entries<'a> {
    pub(super) ranked: &'a [u32],
    pub(super) offered: &'a [u32],
}

/// Checks the rankings, in input order, and attaches each to its seat: the ranking of each
/// seat (`NONE` for none).
pub(super) fn check(
    input: &CompactInput,
    defi_index: &[u32],
    entries: Entries<'_>,
    skeleton: &Skeleton,
    problems: &mut Vec<InputProblem>,
) -> Vec<u32> {
    let mut ranking_of_seat: Vec<u32> = vec![NONE; skeleton.defis.seat_defi.len()];
    let mut named = NamedCandidates::new(&skeleton.candidates.profile);
    for r in 0..input.ranking_defi.len() {
        let ranking = Ranking {
            number: to_u32(r),
            defi: input.ranking_defi[r],
            profile: input.ranking_profile[r],
        };
        let (defi, profile) = (input.defi_id(ranking.defi), ranking.profile);
        let d = defi_index[ranking.defi as usize];
        if d == NONE {
            problems.push(InputProblem::RankingUnknownDefi { defi });
            continue;
        }
        let Some(s) = skeleton.defis.seat_for(d as usize, profile) else {
            problems.push(InputProblem::RankingWithoutSeat { defi, profile });
            continue;
        };
        if ranking_of_seat[s] != NONE {
            problems.push(InputProblem::DuplicateRanking { defi, profile });
            continue;
        }
        ranking_of_seat[s] = to_u32(r);
        // Whether a ranked candidate of the seat's profile chose the défi is marked from the
        // seat's applicants, and unmarked after.
        for &(c, _) in skeleton.applicants_of(s) {
            named.set_applies(c, true);
        }
        for i in input.ranking_ranges(r).0 {
            let entry = (entries.ranked[i], input.ranked[i]);
            if named.name(input, ranking, entry, problems) == Some(false) {
                problems.push(InputProblem::RankingNotApplicant {
                    defi: defi.clone(),
                    profile,
                    candidate: input.candidate_id(input.ranked[i]),
                });
            }
        }
        offers::check(input, ranking, entries.offered, &mut named, problems);
        for &(c, _) in skeleton.applicants_of(s) {
            named.set_applies(c, false);
        }
        let mut start = input.ranked_start[r];
        if input.group_ends(r).iter().any(|&end| std::mem::replace(&mut start, end) == end) {
            problems.push(InputProblem::EmptyTieGroup { defi, profile });
        }
    }
    ranking_of_seat
}

/// The rankings and offers of a valid problem, by seat: each tie group sorted by candidate.
pub(super) fn gather(
    input: &CompactInput,
    entries: Entries<'_>,
    ranking_of_seat: &[u32],
) -> RankingLists {
    let seat_count = ranking_of_seat.len();
    let mut lists = RankingLists {
        rank_start: Vec::with_capacity(seat_count + 1),
        rank_candidate: Vec::with_capacity(input.ranked.len()),
        rank_group: Vec::with_capacity(input.ranked.len()),
        offer_start: Vec::with_capacity(seat_count + 1),
        offer_candidate: Vec::new(),
    };
    lists.rank_start.push(0);
    lists.offer_start.push(0);
    for &r in ranking_of_seat {
        if r != NONE {
            let r = r as usize;
            let mut start = input.ranked_start[r] as usize;
            for (group, &end) in input.group_ends(r).iter().enumerate() {
                let first = lists.rank_candidate.len();
                lists.rank_candidate.extend_from_slice(&entries.ranked[start..end as usize]);
                start = end as usize;
                lists.rank_candidate[first..].sort_unstable();
                lists.rank_group.resize(lists.rank_candidate.len(), to_u32(group));
            }
            lists.offer_candidate.extend_from_slice(&entries.offered[input.ranking_ranges(r).1]);
        }
        lists.rank_start.push(to_u32(lists.rank_candidate.len()));
        lists.offer_start.push(to_u32(lists.offer_candidate.len()));
    }
    lists
}
