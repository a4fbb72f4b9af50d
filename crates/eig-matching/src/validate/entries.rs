//! The checks every entry of a ranking goes through, ranked or offered: a known candidate,
//! named once in the ranking, of the ranking's profile.

use eig_domain::TalentProfile;

use crate::{compact::CompactInput, instance::NONE, validate::problem::InputProblem};

/// A ranking being checked: its number in the input, its défi (interned) and its profile.
#[derive(Clone, Copy)]
pub(super) struct Ranking {
    pub(super) number: u32,
    pub(super) defi: u32,
    pub(super) profile: TalentProfile,
}

/// What the checks of the rankings need of a candidate, in one place of memory.
#[derive(Clone, Copy)]
struct Named {
    /// The last ranking that named them (a ranking naming them twice is refused).
    last_ranking: u32,
    profile: TalentProfile,
    /// Whether they apply to the seat whose ranking is being checked.
    applies: bool,
}

/// Every candidate, as the checks of the rankings see them.
pub(super) struct NamedCandidates(Vec<Named>);

impl NamedCandidates {
    /// The candidates of these profiles (by instance index), named by no ranking yet.
    pub(super) fn new(profiles: &[TalentProfile]) -> NamedCandidates {
        NamedCandidates(
            profiles
                .iter()
                .map(|&profile| Named { last_ranking: NONE, profile, applies: false })
                .collect(),
        )
    }

    /// Marks whether candidate `c` applies to the seat whose ranking is being checked.
    pub(super) fn set_applies(&mut self, c: u32, applies: bool) {
        self.0[c as usize].applies = applies;
    }

    /// Checks an entry of `ranking` naming candidate `c` (the instance's index, or `NONE`),
    /// interned as `id`: `Some(whether they chose the défi)` for a known candidate named once
    /// in the ranking and of its profile, `None` once the problem is listed.
    pub(super) fn name(
        &mut self,
        input: &CompactInput,
        ranking: Ranking,
        (c, id): (u32, u32),
        problems: &mut Vec<InputProblem>,
    ) -> Option<bool> {
        let (defi, profile) = (input.defi_id(ranking.defi), ranking.profile);
        if c == NONE {
            problems.push(InputProblem::RankingUnknownCandidate {
                defi,
                profile,
                candidate: input.candidate_id(id),
            });
            return None;
        }
        let candidate = &mut self.0[c as usize];
        if candidate.last_ranking == ranking.number {
            problems.push(InputProblem::RankedTwice {
                defi,
                profile,
                candidate: input.candidate_id(id),
            });
            return None;
        }
        candidate.last_ranking = ranking.number;
        let actual = candidate.profile;
        if actual != profile {
            problems.push(InputProblem::RankingWrongProfile {
                defi,
                profile,
                candidate: input.candidate_id(id),
                actual,
            });
            return None;
        }
        // Of the seat's profile, a candidate chose the défi if they apply to the seat.
        Some(candidate.applies)
    }
}
