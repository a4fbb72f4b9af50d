//! The validation: a [`MatchingInput`] or a [`CompactInput`] checked once, list by list
//! (`defis`, `candidates`, `rankings` and their `offers`), every problem listed at once
//! ([`InstanceError`]); a valid problem becomes an [`Instance`] through [`Instance::assemble`].

use crate::{
    compact::CompactInput,
    input::MatchingInput,
    instance::{Instance, NONE, Skeleton},
    validate::problem::{InputProblem, InstanceError},
};

mod candidates;
mod defis;
mod entries;
mod offers;
pub(crate) mod problem;
mod rankings;

impl Instance {
    /// Validates `input`, listing every problem at once.
    ///
    /// The input goes through its compact form ([`CompactInput`]); reading JSON straight into
    /// that form and calling [`Instance::from_compact`] gives the same instance or the same
    /// problems, faster and in less memory.
    ///
    /// # Errors
    /// [`InstanceError`] with every [`InputProblem`]: duplicate ids, unknown défi in a choice,
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
    /// [`InstanceError`] with every [`InputProblem`], as [`Instance::new`].
    ///
    /// # Example
    /// ```
    /// use eig_matching::{CompactInput, InputProblem, Instance};
    ///
    /// let compact: CompactInput = serde_json::from_str(r#"{
    ///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 1},
    ///   "defis": [{"id": "d1", "seats": {"developer": 1}}],
    ///   "candidates": [{"id": "c1", "profile": "developer", "choices": ["d2"]}],
    ///   "rankings": []
    /// }"#)?;
    /// let err = Instance::from_compact(&compact).unwrap_err();
    /// assert!(matches!(err.problems(), [InputProblem::UnknownChoice { .. }]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_compact(input: &CompactInput) -> Result<Instance, InstanceError> {
        let mut problems = Vec::new();
        let limits = input.limits;
        if limits.team_min > limits.team_max {
            problems.push(InputProblem::EmptyBounds { min: limits.team_min, max: limits.team_max });
        }
        if !indexable(input.defis.len()) {
            problems.push(InputProblem::TooLarge { what: "défis", count: input.defis.len() });
        }
        if !indexable(input.candidates.len()) {
            problems
                .push(InputProblem::TooLarge { what: "candidats", count: input.candidates.len() });
        }
        let defis = defis::check(input, &mut problems);
        let candidates = candidates::check(input, &defis.index, &mut problems);
        let skeleton = Skeleton::new(limits, defis.lists, candidates.lists);
        // The ranked and offered candidates turned into the instance's indices in one pass
        // (reads that do not wait on one another).
        let ranked: Vec<u32> =
            input.ranked.iter().map(|&id| candidates.index[id as usize]).collect();
        let offered: Vec<u32> =
            input.offered.iter().map(|&id| candidates.index[id as usize]).collect();
        let entries = rankings::Entries { ranked: &ranked, offered: &offered };
        let ranking_of_seat =
            rankings::check(input, &defis.index, entries, &skeleton, &mut problems);
        if !problems.is_empty() {
            return Err(InstanceError { problems });
        }
        let rankings = rankings::gather(input, entries, &ranking_of_seat);
        let count = rankings.rank_candidate.len().max(skeleton.candidates.choice_defi.len());
        if !indexable(count) {
            return Err(InstanceError {
                problems: vec![InputProblem::TooLarge { what: "entrées de liste", count }],
            });
        }
        Ok(Instance::assemble(skeleton, rankings))
    }
}

/// Whether a list of `count` entries can be indexed with `u32`, `NONE` apart.
fn indexable(count: usize) -> bool {
    count < NONE as usize
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
