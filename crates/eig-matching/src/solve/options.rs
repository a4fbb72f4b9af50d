//! How to solve: which side proposes, the lower-quota policy, the seed, the post-phase.

use serde::{Deserialize, Serialize};

#[cfg(doc)]
use crate::verify::certificate::StabilityNotion;

/// Which side proposes in deferred acceptance.
///
/// # Example
/// ```
/// use eig_matching::{Instance, MatchingInput, Options, Proposing, solve};
///
/// // Each candidate's first choice ranks them last: two stable assignments.
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 2},
///   "defis": [{"id": "A", "seats": {"developer": 1}}, {"id": "B", "seats": {"developer": 1}}],
///   "candidates": [
///     {"id": "x", "profile": "developer", "choices": ["A", "B"]},
///     {"id": "y", "profile": "developer", "choices": ["B", "A"]}
///   ],
///   "rankings": [
///     {"defi": "A", "profile": "developer", "ranks": [["y"], ["x"]]},
///     {"defi": "B", "profile": "developer", "ranks": [["x"], ["y"]]}
///   ]
/// }"#)?;
/// let instance = Instance::new(&input)?;
/// let hosts = Options { proposing: Proposing::Hosts, ..Options::default() };
/// let x = "x".parse()?;
/// assert_eq!(solve(&instance, &Options::default())?.defi_of(&x).map(|d| d.as_str()), Some("A"));
/// assert_eq!(solve(&instance, &hosts)?.defi_of(&x).map(|d| d.as_str()), Some("B"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Proposing {
    /// Candidates propose: the candidate-optimal stable assignment, strategy-proof for
    /// candidates (Gale & Shapley 1962; Dubins & Freedman 1981; Roth 1982).
    #[default]
    Candidates,
    /// Seats (the juries) propose: the host-optimal stable assignment, the worst stable one
    /// for every candidate.
    Hosts,
}

/// What to do with a défi whose team would be below the minimum.
///
/// # Example
/// ```
/// use eig_matching::LowerQuotas;
///
/// let exact: LowerQuotas = serde_json::from_str(r#"{"policy": "exact", "node_limit": 10000}"#)?;
/// assert_eq!(exact, LowerQuotas::Exact { node_limit: 10_000 });
/// assert_eq!(serde_json::to_string(&LowerQuotas::default())?, r#"{"policy":"withdraw"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "policy", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum LowerQuotas {
    /// The sources' policy (AAC3 art. 6.5: « Le jury se réserve le droit de retirer ce
    /// défi »), as `docs/matching.md` §4.4 reads it (the order is ours): withdraw the défi
    /// with the smallest team below the minimum (then the smallest id), send its candidates
    /// back into the process, repeat. Terminates after at
    /// most one round per défi; the result is the optimal stable assignment, for the
    /// proposing side, of the défis not withdrawn, hence stable among the running défis
    /// ([`StabilityNotion::AmongRunning`]), often with closures too.
    #[default]
    Withdraw,
    /// Search for the largest set of running défis that admits an assignment stable with
    /// closures, or prove that none exists (NP-complete in general: Biró, Fleiner, Irving,
    /// Manlove 2010). For EIG-size instances (about 30 défis). With [`Proposing::Hosts`] the
    /// host-optimal stable assignment of the chosen défis is returned when it has no blocking
    /// coalition, the candidate-optimal one (which never has one) otherwise. With ties, the
    /// search is exact for the rankings as the lottery broke them: another seed may run more
    /// défis.
    Exact {
        /// Nodes of the search after which it stops and says so.
        node_limit: u64,
    },
}

/// How to solve.
///
/// # Example
/// ```
/// use eig_matching::{LowerQuotas, Options, Proposing};
///
/// let options = Options { seed: 2018, ..Options::default() };
/// assert_eq!(options.proposing, Proposing::Candidates);
/// assert_eq!(options.lower_quotas, LowerQuotas::Withdraw);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// Which side proposes.
    #[serde(default)]
    pub proposing: Proposing,
    /// Lower-quota policy.
    #[serde(default)]
    pub lower_quotas: LowerQuotas,
    /// Seed of the tie-breaking lottery.
    #[serde(default)]
    pub seed: u64,
    /// Whether juries then offer their empty seats to unplaced candidates on their offer
    /// lists (AAC3 art. 6.5: « le jury peut proposer à un candidat auditionné un défi pour
    /// lequel il n’aurait pas déposé sa candidature »).
    #[serde(default)]
    pub offers: bool,
}
