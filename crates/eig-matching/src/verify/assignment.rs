//! A proposed assignment, in the instance's indices, read from ids or taken from a solution.

use eig_domain::{CandidateId, DefiId};

use crate::instance::{Instance, index_of};

/// A proposed assignment of candidates to défis, in the instance's indices: any list of
/// (candidate, défi) pairs, even a wrong one (a candidate twice, a wrong profile), so that
/// [`verify`](crate::verify()) can say what is wrong with it.
///
/// # Example
/// ```
/// use eig_matching::{Assignment, Instance, MatchingInput};
///
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 1},
///   "defis": [{"id": "d1", "seats": {"developer": 1}}],
///   "candidates": [{"id": "c1", "profile": "developer", "choices": ["d1"]}],
///   "rankings": [{"defi": "d1", "profile": "developer", "ranks": [["c1"]]}]
/// }"#)?;
/// let instance = Instance::new(&input)?;
/// let assignment = Assignment::from_ids(&instance, [("c1", "d1")])?;
/// assert_eq!(assignment.len(), 1);
/// assert!(Assignment::from_ids(&instance, [("c2", "d1")]).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Assignment {
    /// (candidate, défi), sorted.
    pub(crate) pairs: Vec<(u32, u32)>,
}

/// Why a list of pairs cannot be read as an [`Assignment`] of an instance.
///
/// # Example
/// ```
/// use eig_matching::{Assignment, AssignmentError, GeneratorConfig, generate};
///
/// let instance = generate(&GeneratorConfig::eig_call(1));
/// let err = Assignment::from_ids(&instance, [("c999", "d00")]).unwrap_err();
/// assert_eq!(err, AssignmentError::UnknownCandidate { candidate: "c999".to_owned() });
/// assert_eq!(err.to_string(), r#"candidat inconnu "c999" : l'affectation nomme un candidat absent des données, retirez-le"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AssignmentError {
    /// The text is not a valid candidate id, or no candidate has it.
    #[error(
        "candidat inconnu {} : l'affectation nomme un candidat absent des données, retirez-le",
        eig_domain::echo(candidate)
    )]
    UnknownCandidate {
        /// The text.
        candidate: String,
    },
    /// The text is not a valid défi id, or no défi has it.
    #[error(
        "défi inconnu {} : l'affectation nomme un défi absent des données, retirez-le",
        eig_domain::echo(defi)
    )]
    UnknownDefi {
        /// The text.
        defi: String,
    },
    /// The assignment holds a pair of indices this instance does not have: it was made for
    /// another instance, with more candidates or défis.
    #[error(
        "l'affectation a été faite pour d'autres données : elle place le candidat n° {candidate_index} \
         sur le défi n° {defi_index}, mais ces données ont {candidates} candidats et {defis} défis : \
         vérifiez l'affectation avec les données pour lesquelles elle a été calculée"
    )]
    OtherInstance {
        /// The candidate index of the first such pair.
        candidate_index: u32,
        /// Its défi index.
        defi_index: u32,
        /// How many candidates this instance has.
        candidates: usize,
        /// How many défis this instance has.
        defis: usize,
    },
}

impl Assignment {
    /// Reads (candidate id, défi id) pairs; a pair listed twice is one placement.
    ///
    /// # Errors
    /// [`AssignmentError`] for the first id the instance does not know.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{Assignment, Instance, MatchingInput};
    ///
    /// let input: MatchingInput = serde_json::from_str(r#"{
    ///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 1},
    ///   "defis": [{"id": "d1", "seats": {"developer": 1}}],
    ///   "candidates": [
    ///     {"id": "c1", "profile": "developer", "choices": ["d1"]},
    ///     {"id": "c2", "profile": "developer", "choices": ["d1"]}
    ///   ],
    ///   "rankings": [{"defi": "d1", "profile": "developer", "ranks": [["c1"], ["c2"]]}]
    /// }"#)?;
    /// let instance = Instance::new(&input)?;
    /// let assignment = Assignment::from_ids(&instance, [("c2", "d1"), ("c1", "d1")])?;
    /// let pairs: Vec<String> = assignment.pairs(&instance)?.map(|(c, d)| format!("{c}→{d}")).collect();
    /// assert_eq!(pairs, ["c1→d1", "c2→d1"]); // sorted; wrong (two on one seat) but readable
    /// assert!(Assignment::from_ids(&instance, [("c1", "not an id!")]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_ids<C: AsRef<str>, D: AsRef<str>>(
        instance: &Instance,
        pairs: impl IntoIterator<Item = (C, D)>,
    ) -> Result<Assignment, AssignmentError> {
        let mut out = Vec::new();
        for (candidate, defi) in pairs {
            let (candidate, defi) = (candidate.as_ref(), defi.as_ref());
            let c = candidate
                .parse::<CandidateId>()
                .ok()
                .and_then(|id| index_of(&instance.candidates, &id))
                .ok_or_else(|| AssignmentError::UnknownCandidate {
                    candidate: candidate.to_owned(),
                })?;
            let d = defi
                .parse::<DefiId>()
                .ok()
                .and_then(|id| index_of(&instance.defis, &id))
                .ok_or_else(|| AssignmentError::UnknownDefi { defi: defi.to_owned() })?;
            out.push((c, d));
        }
        out.sort_unstable();
        out.dedup();
        Ok(Assignment { pairs: out })
    }

    /// How many (candidate, défi) pairs.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, Options, generate, solve};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(1));
    /// let solution = solve(&instance, &Options::default())?;
    /// assert_eq!(solution.assignment().len(), solution.certificate().placed);
    /// # Ok::<(), eig_matching::SolveError>(())
    /// ```
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether no candidate is placed.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{Assignment, GeneratorConfig, generate, verify};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(1));
    /// let nobody = Assignment::default();
    /// assert!(nobody.is_empty());
    /// // Placing nobody is feasible, but groups of candidates would open the closed défis.
    /// assert!(!verify(&instance, &nobody).is_stable());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The pairs, by id, sorted by candidate.
    ///
    /// An assignment holds indices into the instance it was made for: read with an instance
    /// of the same sizes, it names that instance's candidates and défis.
    ///
    /// # Errors
    /// [`AssignmentError::OtherInstance`] if the assignment was made for another instance
    /// with more candidates or défis (some pair has no ids here).
    ///
    /// # Example
    /// ```
    /// use eig_matching::{AssignmentError, GeneratorConfig, Options, generate, solve};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(1));
    /// let assignment = solve(&instance, &Options::default())?.assignment();
    /// let candidates: Vec<_> = assignment.pairs(&instance)?.map(|(c, _)| c).collect();
    /// assert!(candidates.is_sorted());
    /// // Read with a smaller instance, it is refused rather than misread.
    /// let tiny = generate(&GeneratorConfig { candidates: 1, defis: 1, ..GeneratorConfig::eig_call(1) });
    /// assert!(matches!(assignment.pairs(&tiny), Err(AssignmentError::OtherInstance { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pairs<'a>(
        &'a self,
        instance: &'a Instance,
    ) -> Result<impl Iterator<Item = (&'a CandidateId, &'a DefiId)> + 'a, AssignmentError> {
        if let Some(&(c, d)) = self.foreign_pairs(instance).next() {
            return Err(AssignmentError::OtherInstance {
                candidate_index: c,
                defi_index: d,
                candidates: instance.candidates.len(),
                defis: instance.defis.len(),
            });
        }
        Ok(self
            .pairs
            .iter()
            .map(|&(c, d)| (&instance.candidates[c as usize], &instance.defis[d as usize])))
    }

    /// The pairs whose candidate or défi index `instance` does not have.
    pub(crate) fn foreign_pairs<'a>(
        &'a self,
        instance: &Instance,
    ) -> impl Iterator<Item = &'a (u32, u32)> {
        let (candidates, defis) = (instance.candidates.len(), instance.defis.len());
        self.pairs.iter().filter(move |&&(c, d)| c as usize >= candidates || d as usize >= defis)
    }
}
