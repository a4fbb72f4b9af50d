//! A ranking's offers: candidates of its profile who did not choose the défi (an applicant
//! is ranked, not offered a seat).

use crate::{
    compact::CompactInput,
    validate::{
        entries::{NamedCandidates, Ranking},
        problem::InputProblem,
    },
};

/// Checks the offers of `ranking`, whose candidates are `offered` (the instance's indices of
/// the input's `offered`), after its ranked candidates.
pub(super) fn check(
    input: &CompactInput,
    ranking: Ranking,
    offered: &[u32],
    named: &mut NamedCandidates,
    problems: &mut Vec<InputProblem>,
) {
    for i in input.ranking_ranges(ranking.number as usize).1 {
        let entry = (offered[i], input.offered[i]);
        if named.name(input, ranking, entry, problems) == Some(true) {
            problems.push(InputProblem::OfferToApplicant {
                defi: input.defi_id(ranking.defi),
                profile: ranking.profile,
                candidate: input.candidate_id(input.offered[i]),
            });
        }
    }
}
