//! A solution as data, for JSON: each placement, each défi's status, the exact search's
//! outcome, and the candidates two solutions place differently.

use eig_domain::{CandidateId, DefiId};
use serde::{Deserialize, Serialize};

use crate::{solve::options::Options, verify::certificate::Certificate};

#[cfg(doc)]
use crate::verify::certificate::StabilityNotion;

/// The outcome of the exact search.
///
/// # Example
/// ```
/// use eig_matching::{GeneratorConfig, LowerQuotas, Options, SearchOutcome, generate, solve};
///
/// let instance = generate(&GeneratorConfig::exact_bench(3)); // a search of 19 nodes
/// let tiny = Options { lower_quotas: LowerQuotas::Exact { node_limit: 1 }, ..Options::default() };
/// let solution = solve(&instance, &tiny)?;
/// // One node is not enough to prove anything here: the search says so.
/// assert!(matches!(solution.search(), Some(SearchOutcome::LimitReached { nodes: 1 })));
/// # Ok::<(), eig_matching::SolveError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "outcome", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum SearchOutcome {
    /// The assignment is stable with closures ([`StabilityNotion::WithClosures`], whichever
    /// side proposes) and runs as many défis as possible (with ties: as possible for the
    /// rankings as the lottery broke them).
    Optimal {
        /// Nodes explored.
        nodes: u64,
    },
    /// No assignment is stable with closures for the rankings as the lottery broke their
    /// ties (the search was exhaustive; without ties, for the juries' rankings); the solution
    /// is the withdrawal policy's.
    NoStableAssignment {
        /// Nodes explored.
        nodes: u64,
    },
    /// The node limit stopped the search; the solution is the best found, or the withdrawal
    /// policy's if none was.
    LimitReached {
        /// Nodes explored.
        nodes: u64,
    },
}

/// A placed candidate, as reported.
///
/// # Example
/// ```
/// use eig_matching::Placement;
///
/// let placement = Placement { candidate: "c1".parse()?, defi: "d2".parse()?, choice: Some(1) };
/// assert_eq!(serde_json::to_string(&placement)?, r#"{"candidate":"c1","defi":"d2","choice":1}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Placement {
    /// The candidate.
    pub candidate: CandidateId,
    /// The défi.
    pub defi: DefiId,
    /// Rank of the défi in the candidate's choices (1 = first choice); `None` for a seat
    /// offered by the jury in the post-phase.
    pub choice: Option<u32>,
}

/// What became of a défi, as reported.
///
/// # Example
/// ```
/// use eig_matching::DefiStatus;
///
/// let withdrawn = DefiStatus::Withdrawn { team_size: 1, min: 2, round: 1 };
/// assert_eq!(
///     serde_json::to_string(&withdrawn)?,
///     r#"{"status":"withdrawn","team_size":1,"min":2,"round":1}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum DefiStatus {
    /// The défi runs with this team.
    Running {
        /// The talents, by id.
        team: Vec<CandidateId>,
    },
    /// Withdrawn because its team was below the minimum (AAC3 art. 6.5).
    Withdrawn {
        /// Its team when withdrawn.
        team_size: u32,
        /// The minimum.
        min: u32,
        /// Withdrawal round (1 = first défi withdrawn).
        round: u32,
    },
    /// Kept closed by the exact search: not in the set of running défis it chose (a largest
    /// set that admits an assignment stable with closures: the first such set the search,
    /// which is deterministic, meets).
    ClosedBySearch,
    /// No candidate could be placed on it.
    NoTeam,
}

/// A candidate placed differently by two solutions of the same instance (see
/// [`Solution::differences`](crate::Solution::differences)).
///
/// # Example
/// ```
/// use eig_matching::{GeneratorConfig, Options, Proposing, generate, solve};
///
/// let instance = generate(&GeneratorConfig::eig_call(5));
/// let candidates = solve(&instance, &Options::default())?;
/// let hosts = solve(&instance, &Options { proposing: Proposing::Hosts, ..Options::default() })?;
/// for moved in candidates.differences(&hosts) {
///     // Rural hospitals: the same candidates are placed on both sides.
///     assert!(moved.here.is_some() && moved.there.is_some() && moved.here != moved.there);
/// }
/// # Ok::<(), eig_matching::SolveError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
// Named `Difference` in serde's messages and in the JSON Schemas, as before its rename.
#[serde(rename = "Difference", deny_unknown_fields)]
pub struct PlacementDifference {
    /// The candidate.
    pub candidate: CandidateId,
    /// Their défi in the first solution.
    pub here: Option<DefiId>,
    /// Their défi in the other solution.
    pub there: Option<DefiId>,
}

/// A défi's line in a [`MatchingReport`].
///
/// # Example
/// ```
/// use eig_matching::{DefiReport, DefiStatus};
///
/// let line = DefiReport { defi: "d1".parse()?, status: DefiStatus::NoTeam };
/// assert_eq!(serde_json::to_string(&line)?, r#"{"defi":"d1","status":"no_team"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
// The JSON Schemas name the report `Report` (see `MatchingReport`): their description says so.
#[cfg_attr(feature = "schemars", schemars(description = "A défi's line in a [`Report`]."))]
#[serde(deny_unknown_fields)]
pub struct DefiReport {
    /// The défi.
    pub defi: DefiId,
    /// What became of it.
    #[serde(flatten)]
    pub status: DefiStatus,
}

/// A solution as data, for JSON: options, lottery, placements, défis, certificate.
///
/// # Example
/// ```
/// use eig_matching::{GeneratorConfig, Options, generate, solve};
///
/// let instance = generate(&GeneratorConfig::eig_call(1));
/// let report = solve(&instance, &Options::default())?.report();
/// assert_eq!(report.placements.len() + report.unplaced.len(), 170);
/// let json = serde_json::to_value(&report).expect("a report is JSON");
/// assert_eq!(json["options"]["lower_quotas"]["policy"], "withdraw");
/// # Ok::<(), eig_matching::SolveError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
// Named `Report` in serde's messages and in the JSON Schemas, as before its rename.
#[serde(rename = "Report", deny_unknown_fields)]
pub struct MatchingReport {
    /// The options used (the seed among them).
    pub options: Options,
    /// Candidates whose relative order some jury left to the lottery, in lottery order.
    pub tie_break_order: Vec<CandidateId>,
    /// Placed candidates, by id.
    pub placements: Vec<Placement>,
    /// Unplaced candidates, by id.
    pub unplaced: Vec<CandidateId>,
    /// Every défi, by id.
    pub defis: Vec<DefiReport>,
    /// The exact search's outcome, in exact mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<SearchOutcome>,
    /// The verifier's certificate.
    pub certificate: Certificate,
}
