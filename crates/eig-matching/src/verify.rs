//! The verifier: checks any assignment against the instance, independently of the solver
//! (it shares only the validated [`Instance`] and the tables `Instance::new` derives from it
//! once, each choice's seat and position in that seat's ranking as the jury gave it; no
//! solver state, no lottery, no strict rankings).
//!
//! Like Parcoursup's `VerificationsResultats`, which checks its properties on every run,
//! every result of [`crate::solve`] goes through [`verify`] before it is returned.

#![allow(
    clippy::many_single_char_names,
    clippy::needless_range_loop,
    reason = "index arithmetic over parallel arrays reads best with c (candidate), d (défi), s (seat)"
)]

use eig_domain::{CandidateId, DefiId, TalentProfile};
use serde::{Deserialize, Serialize};

use crate::instance::{Instance, NONE, index_of};

/// A proposed assignment of candidates to défis, in the instance's indices: any list of
/// (candidate, défi) pairs, even a wrong one (a candidate twice, a wrong profile), so that
/// [`verify`] can say what is wrong with it.
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
    fn foreign_pairs<'a>(&'a self, instance: &Instance) -> impl Iterator<Item = &'a (u32, u32)> {
        let (candidates, defis) = (instance.candidates.len(), instance.defis.len());
        self.pairs.iter().filter(move |&&(c, d)| c as usize >= candidates || d as usize >= defis)
    }
}

/// One way an assignment fails. JSON: tagged by `violation`.
///
/// # Example
/// ```
/// use eig_matching::Violation;
///
/// let violation = Violation::TeamTooSmall { defi: "d1".parse()?, size: 1, min: 2 };
/// assert_eq!(violation.to_string(), "le défi d1 se lance avec 1 talent, moins que le minimum de 2");
/// assert_eq!(
///     serde_json::to_string(&violation)?,
///     r#"{"violation":"team_too_small","defi":"d1","size":1,"min":2}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "violation", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Violation {
    /// A talent placed on two défis or more.
    #[error("le candidat {candidate} est placé sur plusieurs défis : {}", join(defis))]
    SeveralDefis {
        /// The candidate.
        candidate: CandidateId,
        /// The défis.
        defis: Vec<DefiId>,
    },
    /// A talent on a défi with no seat of their profile.
    #[error(
        "le candidat {candidate} est placé sur le défi {defi}, qui n'a pas de place du profil {profile}"
    )]
    WrongProfile {
        /// The candidate.
        candidate: CandidateId,
        /// The défi.
        defi: DefiId,
        /// The candidate's profile.
        profile: TalentProfile,
    },
    /// A talent on a défi that is not among their choices (within the limit) and that the
    /// jury did not offer them.
    #[error("le candidat {candidate} est placé sur le défi {defi}, qu'il n'a pas choisi")]
    NotChosen {
        /// The candidate.
        candidate: CandidateId,
        /// The défi.
        defi: DefiId,
    },
    /// A talent on a défi whose jury did not rank them.
    #[error("le candidat {candidate} est placé sur le défi {defi}, dont le jury ne l'a pas classé")]
    NotRanked {
        /// The candidate.
        candidate: CandidateId,
        /// The défi.
        defi: DefiId,
    },
    /// More talents of a profile than seats.
    #[error(
        "le défi {defi} a {assigned} {} du profil {profile} pour {seats} {}",
        if *assigned > 1 { "talents" } else { "talent" },
        if *seats > 1 { "places" } else { "place" }
    )]
    OverSeats {
        /// The défi.
        defi: DefiId,
        /// The profile.
        profile: TalentProfile,
        /// Seats of that profile.
        seats: u32,
        /// Talents placed.
        assigned: u32,
    },
    /// A running team below the minimum.
    #[error(
        "le défi {defi} se lance avec {size} {}, moins que le minimum de {min}",
        if *size > 1 { "talents" } else { "talent" }
    )]
    TeamTooSmall {
        /// The défi.
        defi: DefiId,
        /// Its team size.
        size: u32,
        /// The minimum.
        min: u32,
    },
    /// A team above the maximum.
    #[error("le défi {defi} a {size} talents, plus que le maximum de {max}")]
    TeamTooLarge {
        /// The défi.
        defi: DefiId,
        /// Its team size.
        size: u32,
        /// The maximum.
        max: u32,
    },
    /// A candidate and a défi that both prefer each other to the assignment: the candidate
    /// chose the défi above their placement, the jury ranked them, and the défi has a free
    /// seat of their profile (`displaced` is `None`) or holds it with a talent it ranked
    /// strictly lower (`displaced`).
    #[error(
        "le candidat {candidate} et le défi {defi} se préfèrent l'un l'autre à ce que l'affectation leur donne (paire bloquante)"
    )]
    BlockingPair {
        /// The candidate.
        candidate: CandidateId,
        /// The défi.
        defi: DefiId,
        /// The lowest-ranked talent of the candidate's profile the jury would let go.
        displaced: Option<CandidateId>,
    },
    /// A closed défi and a group of candidates, at least the minimum team and within its
    /// seats, each ranked by the jury and preferring the défi to their placement: together
    /// they would open it (Biró, Fleiner, Irving, Manlove 2010, §2).
    #[error(
        "le défi {defi} est fermé, mais {} le préféreraient et suffiraient à l'ouvrir (coalition bloquante)",
        if candidates.len() > 1 { format!("{} candidats", candidates.len()) } else { format!("{} candidat", candidates.len()) }
    )]
    BlockingCoalition {
        /// The closed défi.
        defi: DefiId,
        /// The coalition (the best-ranked such candidates, within the seats).
        candidates: Vec<CandidateId>,
    },
    /// A pair of indices the instance does not have: the assignment was made for another
    /// instance, with more candidates or défis. When there is one, the verifier reports these
    /// only (nothing else about such an assignment means anything).
    #[error(
        "l'affectation place le candidat n° {candidate_index} sur le défi n° {defi_index}, absents \
         de ces données : elle a été faite pour d'autres données"
    )]
    OtherInstance {
        /// The candidate index.
        candidate_index: u32,
        /// The défi index.
        defi_index: u32,
    },
}

impl Violation {
    /// Whether this is a coalition with a closed défi (the one kind the withdrawal policy
    /// does not exclude; see [`StabilityNotion`]).
    ///
    /// # Example
    /// ```
    /// use eig_matching::Violation;
    ///
    /// let coalition = Violation::BlockingCoalition {
    ///     defi: "d1".parse()?,
    ///     candidates: vec!["c1".parse()?, "c2".parse()?],
    /// };
    /// assert!(coalition.is_coalition());
    /// assert_eq!(coalition.to_string(), "le défi d1 est fermé, mais 2 candidats le préféreraient et suffiraient à l'ouvrir (coalition bloquante)");
    /// let pair = Violation::BlockingPair { candidate: "c1".parse()?, defi: "d1".parse()?, displaced: None };
    /// assert!(!pair.is_coalition());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_coalition(&self) -> bool {
        matches!(self, Violation::BlockingCoalition { .. })
    }
}

/// Which stability an assignment has; `docs/matching.md` gives the definitions.
///
/// # Example
/// ```
/// use eig_matching::{Instance, MatchingInput, Options, StabilityNotion, solve};
///
/// // d2 needs both candidates (minimum 2), but a prefers d1, which takes a alone.
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 1, "team_max": 2, "max_choices": 2},
///   "defis": [{"id": "d1", "seats": {"developer": 1}}, {"id": "d2", "seats": {"developer": 2}}],
///   "candidates": [
///     {"id": "a", "profile": "developer", "choices": ["d1", "d2"]},
///     {"id": "b", "profile": "developer", "choices": ["d2"]}
///   ],
///   "rankings": [
///     {"defi": "d1", "profile": "developer", "ranks": [["a"]]},
///     {"defi": "d2", "profile": "developer", "ranks": [["a"], ["b"]]}
///   ]
/// }"#)?;
/// let instance = Instance::new(&input)?;
/// let solution = solve(&instance, &Options::default())?;
/// assert_eq!(solution.certificate().notion, StabilityNotion::WithClosures);
/// assert_eq!(serde_json::to_string(&StabilityNotion::AmongRunning)?, r#""among_running""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StabilityNotion {
    /// Feasible, no blocking pair and no blocking coalition with a closed défi: stability in
    /// the College Admissions problem with lower quotas where colleges may be closed (Biró,
    /// Fleiner, Irving, Manlove 2010). With `team_min = 0` this is classical stability
    /// (Gale & Shapley 1962); with ties, weak stability (Irving 1994).
    WithClosures,
    /// Feasible and no blocking pair, but some closed défi has a blocking coalition: stable
    /// among the running défis only.
    AmongRunning,
}

/// What the verifier checked when it found no blocking pair and no feasibility violation.
///
/// # Example
/// ```
/// use eig_matching::{Assignment, Instance, MatchingInput, StabilityNotion, verify};
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
/// let verdict = verify(&instance, &Assignment::from_ids(&instance, [("c1", "d1")])?);
/// let certificate = verdict.certificate().expect("c1 is the jury's first");
/// assert_eq!(certificate.notion, StabilityNotion::WithClosures);
/// assert_eq!((certificate.candidates, certificate.placed, certificate.running), (2, 1, 1));
/// assert_eq!(certificate.pairs_examined, 1); // c2's only choice
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    /// The stability that holds.
    pub notion: StabilityNotion,
    /// Candidates checked.
    pub candidates: usize,
    /// Candidates placed.
    pub placed: usize,
    /// Défis running (at least one talent).
    pub running: usize,
    /// (candidate, better choice) pairs examined for blocking.
    pub pairs_examined: usize,
    /// Coalitions with closed défis (empty under [`StabilityNotion::WithClosures`]).
    pub coalitions: Vec<Violation>,
}

/// The verifier's answer: every violation, or a certificate.
///
/// # Example
/// ```
/// use eig_matching::{Assignment, Instance, MatchingInput, Verdict, verify};
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
/// let verdict = verify(&instance, &Assignment::from_ids(&instance, [("c2", "d1")])?);
/// assert_eq!(
///     serde_json::to_string(&verdict)?,
///     r#"{"verdict":"violations","violations":[{"violation":"blocking_pair","candidate":"c1","defi":"d1","displaced":"c2"}]}"#
/// );
/// assert!(matches!(verdict, Verdict::Violations { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "verdict", rename_all = "snake_case", deny_unknown_fields)]
pub enum Verdict {
    /// No feasibility violation and no blocking pair.
    Certified {
        /// What was checked and which stability holds.
        certificate: Certificate,
    },
    /// Every violation found, feasibility first, then blocking pairs, then coalitions.
    Violations {
        /// The violations.
        violations: Vec<Violation>,
    },
}

impl Verdict {
    /// The certificate, if any.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{Assignment, Instance, MatchingInput, verify};
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
    /// let stable = verify(&instance, &Assignment::from_ids(&instance, [("c1", "d1")])?);
    /// assert_eq!(stable.certificate().map(|c| c.placed), Some(1));
    /// let blocked = verify(&instance, &Assignment::from_ids(&instance, [("c2", "d1")])?);
    /// assert!(blocked.certificate().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn certificate(&self) -> Option<&Certificate> {
        match self {
            Verdict::Certified { certificate } => Some(certificate),
            Verdict::Violations { .. } => None,
        }
    }

    /// Whether the assignment is stable with closures.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{Assignment, Instance, MatchingInput, verify};
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
    /// assert!(verify(&instance, &Assignment::from_ids(&instance, [("c1", "d1")])?).is_stable());
    /// // Leaving the seat empty: c1 and d1 block.
    /// assert!(!verify(&instance, &Assignment::default()).is_stable());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_stable(&self) -> bool {
        self.certificate().is_some_and(|c| c.notion == StabilityNotion::WithClosures)
    }
}

const UNRANKED: u32 = u32::MAX;

/// Checks `assignment` against `instance` and reports every violation: a talent on two
/// défis, a seat of the wrong profile, a défi not chosen (nor offered), a talent the jury
/// did not rank, too many talents for the seats, a team out of bounds, every blocking pair,
/// and every closed défi with a blocking coalition. O(total list length + placements × choice
/// limit), one table read and one comparison per list entry (plus sorting the would-be members
/// of closed défis).
///
/// A défi is *running* when at least one talent is placed on it, *closed* otherwise.
/// Ties count as indifference: a jury blocks only with a candidate it ranks strictly higher
/// (weak stability). An offered talent ranks below every applicant.
///
/// An assignment made (by [`Assignment::from_ids`] or [`crate::Solution::assignment`]) for
/// another instance with more candidates or défis gets one [`Violation::OtherInstance`] per
/// pair this instance does not have, and nothing else.
///
/// # Example
/// ```
/// use eig_matching::{Assignment, Instance, MatchingInput, Verdict, Violation, verify};
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
/// assert!(verify(&instance, &Assignment::from_ids(&instance, [("c1", "d1")])?).is_stable());
/// let verdict = verify(&instance, &Assignment::from_ids(&instance, [("c2", "d1")])?);
/// let Verdict::Violations { violations } = verdict else { panic!("c1 blocks") };
/// assert_eq!(violations[0].to_string(), "le candidat c1 et le défi d1 se préfèrent l'un l'autre à ce que l'affectation leur donne (paire bloquante)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[expect(clippy::too_many_lines, reason = "one pass per property, in the documented order")]
pub fn verify(instance: &Instance, assignment: &Assignment) -> Verdict {
    let candidate_count = instance.candidates.len();
    let seat_count = instance.seat_defi.len();
    let foreign: Vec<Violation> = assignment
        .foreign_pairs(instance)
        .map(|&(c, d)| Violation::OtherInstance { candidate_index: c, defi_index: d })
        .collect();
    if !foreign.is_empty() {
        return Verdict::Violations { violations: foreign };
    }
    let cid = |c: usize| instance.candidates[c].clone();
    let did = |d: usize| instance.defis[d].clone();

    // The jury's tie group of each choice slot (UNRANKED when not ranked), derived once by
    // `Instance::new` from the rankings as the juries gave them.
    let group_of_slot = |slot: usize| instance.slot_group[slot];

    let mut feasibility = Vec::new();
    // Placement of each candidate: (défi, choice index or NONE).
    let mut placed_defi = vec![NONE; candidate_count];
    let mut placed_choice = vec![NONE; candidate_count];
    let mut seat_members = vec![0u32; seat_count];
    let mut seat_worst = vec![(0u32, NONE); seat_count];
    let mut defi_size = vec![0u32; instance.defis.len()];
    let mut i = 0;
    while i < assignment.pairs.len() {
        let c = assignment.pairs[i].0 as usize;
        let mut j = i;
        while j < assignment.pairs.len() && assignment.pairs[j].0 as usize == c {
            j += 1;
        }
        if j - i > 1 {
            feasibility.push(Violation::SeveralDefis {
                candidate: cid(c),
                defis: assignment.pairs[i..j].iter().map(|&(_, d)| did(d as usize)).collect(),
            });
        }
        for &(_, d) in &assignment.pairs[i..j] {
            let du = d as usize;
            defi_size[du] += 1;
            // Branch-free searches (their length is unpredictable): the first match, if any.
            let mut found = NONE as usize;
            for s in instance.seats_of(du) {
                let hit = found == NONE as usize && instance.seat_profile[s] == instance.profile[c];
                found = if hit { s } else { found };
            }
            let Some(s) = (found != NONE as usize).then_some(found) else {
                feasibility.push(Violation::WrongProfile {
                    candidate: cid(c),
                    defi: did(du),
                    profile: instance.profile[c],
                });
                continue;
            };
            seat_members[s] += 1;
            let mut chosen = None;
            for slot in instance.choice_range(c) {
                let hit = chosen.is_none() && instance.choice_defi[slot] == d;
                chosen = if hit { Some(slot) } else { chosen };
            }
            let group = if let Some(slot) = chosen {
                let group = group_of_slot(slot);
                if group == UNRANKED {
                    feasibility.push(Violation::NotRanked { candidate: cid(c), defi: did(du) });
                }
                if placed_defi[c] == NONE {
                    placed_choice[c] =
                        u32::try_from(slot - instance.choice_start[c] as usize).unwrap_or(NONE);
                }
                group
            } else {
                if !instance.offers_of(s).contains(&u32::try_from(c).unwrap_or(NONE)) {
                    feasibility.push(Violation::NotChosen { candidate: cid(c), defi: did(du) });
                }
                UNRANKED
            };
            if placed_defi[c] == NONE {
                placed_defi[c] = d;
            }
            if seat_worst[s].1 == NONE || group >= seat_worst[s].0 {
                seat_worst[s] = (group, u32::try_from(c).unwrap_or(NONE));
            }
        }
        i = j;
    }
    for s in 0..seat_count {
        if seat_members[s] > instance.seat_capacity[s] {
            feasibility.push(Violation::OverSeats {
                defi: did(instance.seat_defi[s] as usize),
                profile: instance.seat_profile[s],
                seats: instance.seat_capacity[s],
                assigned: seat_members[s],
            });
        }
    }
    let limits = instance.limits;
    for (d, &size) in defi_size.iter().enumerate() {
        if size > 0 && size < limits.team_min {
            feasibility.push(Violation::TeamTooSmall { defi: did(d), size, min: limits.team_min });
        }
        if size > limits.team_max {
            feasibility.push(Violation::TeamTooLarge { defi: did(d), size, max: limits.team_max });
        }
    }

    // Blocking pairs with running défis; would-be members of closed défis. A ranked choice
    // of tie group `g` blocks with its seat iff `g < cutoff[s]`: every ranked group when the
    // seat has a free place, the groups strictly better than its worst member's otherwise
    // (none if it has no member).
    let cutoff: Vec<u32> = (0..seat_count)
        .map(|s| {
            if seat_members[s] < instance.seat_capacity[s] {
                UNRANKED
            } else if seat_worst[s].1 == NONE {
                0
            } else {
                seat_worst[s].0
            }
        })
        // The sink, for unranked choices: no group is below 0.
        .chain(std::iter::once(0))
        .collect();
    let sink = seat_count;
    let opening = limits.team_min.max(1);
    let mut blocking = Vec::new();
    let mut wanting: Vec<(u32, u32, u32, u32)> = Vec::new(); // (défi, seat, group, candidate)
    let mut pairs_examined = 0usize;
    for c in 0..candidate_count {
        let slots = instance.choice_range(c);
        let better = if placed_choice[c] == NONE {
            slots
        } else {
            slots.start..slots.start + placed_choice[c] as usize
        };
        pairs_examined += better.len();
        for slot in better {
            let group = group_of_slot(slot);
            // A ranked slot has a seat: the ranking is that seat's (same défi, same profile).
            // An unranked one reads the sink's cutoff instead of branching (whether the jury
            // ranked a choice is the branch the processor cannot predict).
            let ranked = group != UNRANKED;
            let seat = instance.slot_seat_rank[slot].0 as usize;
            let s = if ranked { seat } else { sink };
            if opening > 1 && ranked && defi_size[instance.seat_defi[s] as usize] == 0 {
                let (s, c) = (u32::try_from(s).unwrap_or(NONE), u32::try_from(c).unwrap_or(NONE));
                wanting.push((instance.seat_defi[s as usize], s, group, c));
                continue;
            }
            if group < cutoff[s] {
                let displaced = if seat_members[s] < instance.seat_capacity[s] {
                    None
                } else {
                    Some(cid(seat_worst[s].1 as usize))
                };
                blocking.push(Violation::BlockingPair {
                    candidate: cid(c),
                    defi: did(instance.seat_defi[s] as usize),
                    displaced,
                });
            }
        }
    }

    // Coalitions: per closed défi, the best-ranked would-be members within each seat.
    wanting.sort_unstable();
    let mut coalitions = Vec::new();
    let mut i = 0;
    while i < wanting.len() {
        let d = wanting[i].0;
        let mut members = Vec::new();
        while i < wanting.len() && wanting[i].0 == d {
            let s = wanting[i].1;
            let mut taken = 0;
            while i < wanting.len() && wanting[i].0 == d && wanting[i].1 == s {
                if taken < instance.seat_capacity[s as usize] {
                    members.push(wanting[i].3);
                    taken += 1;
                }
                i += 1;
            }
        }
        if members.len() >= opening as usize {
            members.sort_unstable();
            coalitions.push(Violation::BlockingCoalition {
                defi: did(d as usize),
                candidates: members.into_iter().map(|c| cid(c as usize)).collect(),
            });
        }
    }

    if feasibility.is_empty() && blocking.is_empty() {
        let notion = if coalitions.is_empty() {
            StabilityNotion::WithClosures
        } else {
            StabilityNotion::AmongRunning
        };
        return Verdict::Certified {
            certificate: Certificate {
                notion,
                candidates: candidate_count,
                placed: placed_defi.iter().filter(|&&d| d != NONE).count(),
                running: defi_size.iter().filter(|&&n| n > 0).count(),
                pairs_examined,
                coalitions,
            },
        };
    }
    feasibility.extend(blocking);
    feasibility.extend(coalitions);
    Verdict::Violations { violations: feasibility }
}

/// Ids separated by commas, for messages.
fn join(ids: &[DefiId]) -> String {
    ids.iter().map(DefiId::as_str).collect::<Vec<_>>().join(", ")
}
