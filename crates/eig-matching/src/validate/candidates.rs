//! The candidates: each id once, their choices known défis, each once, within the limit;
//! sorted by id.

use crate::{
    compact::CompactInput,
    instance::{CandidateLists, NONE, to_u32},
    validate::problem::InputProblem,
};

/// The candidates validated, and where each interned candidate id went.
pub(super) struct Candidates {
    pub(super) lists: CandidateLists,
    /// Interned candidate → their index in the instance, or `NONE` if no candidate has that id.
    pub(super) index: Vec<u32>,
}

/// Checks the candidates' choices (in input order, resolved with `defi_index`), then their
/// ids (the first entry of each id counts), and sorts them by id.
pub(super) fn check(
    input: &CompactInput,
    defi_index: &[u32],
    problems: &mut Vec<InputProblem>,
) -> Candidates {
    let limits = input.limits;
    // Choices, in input order: resolved to défi indices, then checked.
    let resolved: Vec<u32> = input.choice_defi.iter().map(|&id| defi_index[id as usize]).collect();
    for (e, &id) in input.candidates.iter().enumerate() {
        let range = input.choices_of(e);
        if range.len() > limits.max_choices as usize {
            problems.push(InputProblem::TooManyChoices {
                candidate: input.candidate_id(id),
                count: range.len(),
                limit: limits.max_choices,
            });
        }
        for slot in range.clone() {
            let d = resolved[slot];
            if d == NONE {
                problems.push(InputProblem::UnknownChoice {
                    candidate: input.candidate_id(id),
                    defi: input.defi_id(input.choice_defi[slot]),
                });
            } else if resolved[range.start..slot].contains(&d) {
                problems.push(InputProblem::DuplicateChoice {
                    candidate: input.candidate_id(id),
                    defi: input.defi_id(input.choice_defi[slot]),
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
            problems.push(InputProblem::DuplicateCandidate { candidate: input.candidate_id(id) });
        }
    }
    drop(candidate_seen_twice);
    let defined: Vec<u32> = (0..to_u32(input.candidate_ids.len()))
        .filter(|&i| first_candidate[i as usize] != NONE)
        .collect();
    let candidate_order = input.candidate_ids.sorted(defined);
    let mut index = vec![NONE; input.candidate_ids.len()];
    let mut lists = CandidateLists {
        ids: Vec::with_capacity(candidate_order.len()),
        profile: Vec::with_capacity(candidate_order.len()),
        choice_start: Vec::with_capacity(candidate_order.len() + 1),
        choice_defi: Vec::with_capacity(resolved.len()),
    };
    lists.choice_start.push(0);
    for (c, &id) in candidate_order.iter().enumerate() {
        index[id as usize] = to_u32(c);
        lists.ids.push(input.candidate_id(id));
        let e = first_candidate[id as usize] as usize;
        lists.profile.push(input.profiles[e]);
        lists.choice_defi.extend(resolved[input.choices_of(e)].iter().filter(|&&d| d != NONE));
        lists.choice_start.push(to_u32(lists.choice_defi.len()));
    }
    Candidates { lists, index }
}
