//! What the verifier says: each [`Violation`] it finds, or the [`Certificate`] of the
//! stability that holds.

use eig_domain::{CandidateId, DefiId, TalentProfile};
use serde::{Deserialize, Serialize};

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

/// Ids separated by commas, for messages.
fn join(ids: &[DefiId]) -> String {
    ids.iter().map(DefiId::as_str).collect::<Vec<_>>().join(", ")
}
