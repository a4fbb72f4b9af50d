//! The mechanisms: deferred acceptance from either side, the two lower-quota policies, the
//! optional post-phase of offers, and the verified [`Solution`].

#![allow(
    clippy::many_single_char_names,
    clippy::needless_range_loop,
    reason = "index arithmetic over parallel arrays reads best with c (candidate), d (défi), s (seat)"
)]

use std::sync::atomic::{AtomicBool, Ordering};

use eig_domain::{CandidateId, DefiId};
use serde::{Deserialize, Serialize};

use crate::engine::{Prepared, State, propose_candidates, propose_seats, withdraw};
use crate::instance::{Instance, NONE};
use crate::verify::{Assignment, Certificate, StabilityNotion, Verdict, Violation, verify};

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

/// Why a solver result was not returned.
///
/// # Example
/// ```
/// use eig_matching::{SolveError, Violation};
///
/// let err = SolveError::VerificationFailed {
///     violations: vec![Violation::TeamTooSmall { defi: "d1".parse()?, size: 1, min: 2 }],
/// };
/// assert_eq!(
///     err.to_string(),
///     "le vérificateur a refusé le résultat du calcul (une erreur du programme, à signaler) : le défi d1 se lance avec 1 talent, moins que le minimum de 2"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SolveError {
    /// The verifier found a violation the mechanism guarantees against: a bug in this crate.
    #[error(
        "le vérificateur a refusé le résultat du calcul (une erreur du programme, à signaler) : {}",
        violations.first().map(ToString::to_string).unwrap_or_default()
    )]
    VerificationFailed {
        /// What the verifier found.
        violations: Vec<Violation>,
    },
    /// The caller's stop flag was set ([`solve_until`]): the computation ended early and has
    /// no result. Not a property of the instance: the same call without the flag answers.
    #[error("le calcul a été interrompu à la demande de l'appelant ({nodes} étapes de recherche)")]
    Interrupted {
        /// Nodes of the exact search explored before the stop (0 outside the exact mode).
        nodes: u64,
    },
}

/// What happened to a défi.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DefiState {
    Running,
    Withdrawn { size: u32, round: u32 },
    ClosedBySearch,
    Empty,
}

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

/// A verified assignment.
///
/// # Example
/// ```
/// use eig_matching::{Instance, MatchingInput, Options, StabilityNotion, solve};
///
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 2},
///   "defis": [{"id": "d1", "seats": {"developer": 1}}, {"id": "d2", "seats": {"developer": 1}}],
///   "candidates": [
///     {"id": "c1", "profile": "developer", "choices": ["d1", "d2"]},
///     {"id": "c2", "profile": "developer", "choices": ["d1"]}
///   ],
///   "rankings": [
///     {"defi": "d1", "profile": "developer", "ranks": [["c2"], ["c1"]]},
///     {"defi": "d2", "profile": "developer", "ranks": [["c1"]]}
///   ]
/// }"#)?;
/// let instance = Instance::new(&input)?;
/// let solution = solve(&instance, &Options::default())?;
/// let placed: Vec<_> = solution.assignment().pairs(&instance)?
///     .map(|(c, d)| format!("{c}→{d}")).collect();
/// assert_eq!(placed, ["c1→d2", "c2→d1"]);
/// assert_eq!(solution.certificate().notion, StabilityNotion::WithClosures);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Solution<'i> {
    pub(crate) instance: &'i Instance,
    pub(crate) options: Options,
    /// Per candidate: the défi, or `NONE`.
    pub(crate) defi_of: Vec<u32>,
    /// Per candidate: the index in its choices of its défi, or `NONE` (unplaced or offer).
    pub(crate) choice_of: Vec<u32>,
    pub(crate) defi_state: Vec<DefiState>,
    pub(crate) tie_order: Vec<u32>,
    pub(crate) certificate: Certificate,
    pub(crate) search: Option<SearchOutcome>,
}

/// Solves `instance` with `options`, then verifies the result.
///
/// Candidate-proposing runs are O(total list length) (plus O(log défis) per change of a team
/// below the minimum); host-proposing with withdrawals reruns once per withdrawn défi; the
/// exact mode is exponential in the number of défis in the worst case.
///
/// # Errors
/// [`SolveError::VerificationFailed`] if the verifier finds a violation the mechanism
/// guarantees against (a bug: please report it with the instance).
///
/// # Example
/// ```
/// use eig_matching::{GeneratorConfig, Options, generate, solve, verify};
///
/// let instance = generate(&GeneratorConfig::eig_call(2018));
/// let solution = solve(&instance, &Options { seed: 42, ..Options::default() })?;
/// // The result was verified; verifying it again gives the same certificate.
/// let verdict = verify(&instance, &solution.assignment());
/// assert_eq!(verdict.certificate(), Some(solution.certificate()));
/// # Ok::<(), eig_matching::SolveError>(())
/// ```
pub fn solve<'i>(instance: &'i Instance, options: &Options) -> Result<Solution<'i>, SolveError> {
    solve_until(instance, options, &AtomicBool::new(false))
}

/// [`solve`], stopped early when `stop` is set: the exact search checks it at every node, the
/// withdrawal policy at every round, so a caller that sets it (a service whose request timed
/// out, a process shutting down) gets its thread back within one node or round — microseconds
/// to a few milliseconds on the largest inputs (`docs/performance.md`). Nothing else reads it:
/// with `stop` never set, the result is [`solve`]'s, byte for byte.
///
/// # Errors
/// [`SolveError::Interrupted`] once `stop` is seen set; otherwise as [`solve`].
///
/// # Example
/// ```
/// use std::sync::atomic::AtomicBool;
/// use eig_matching::{GeneratorConfig, LowerQuotas, Options, SolveError, generate, solve_until};
///
/// let instance = generate(&GeneratorConfig::exact_bench(3));
/// let exact = Options { lower_quotas: LowerQuotas::Exact { node_limit: 1_000 }, ..Options::default() };
/// assert!(solve_until(&instance, &exact, &AtomicBool::new(false)).is_ok());
/// let stopped = solve_until(&instance, &exact, &AtomicBool::new(true));
/// assert_eq!(stopped.unwrap_err(), SolveError::Interrupted { nodes: 0 });
/// ```
pub fn solve_until<'i>(
    instance: &'i Instance,
    options: &Options,
    stop: &AtomicBool,
) -> Result<Solution<'i>, SolveError> {
    let prepared = Prepared::new(instance, options.seed);
    let defis = instance.defis.len();
    let interrupted = |nodes| SolveError::Interrupted { nodes };
    let (state, withdrawn, search) = match options.lower_quotas {
        LowerQuotas::Withdraw => {
            let (state, withdrawn) =
                withdrawal_policy(&prepared, options.proposing, stop).ok_or(interrupted(0))?;
            (state, withdrawn, None)
        }
        LowerQuotas::Exact { node_limit } => {
            let found = crate::exact::search(&prepared, node_limit, stop);
            if found.interrupted {
                return Err(interrupted(found.nodes));
            }
            if let Some(open) = found.best {
                let state = exact_side(&prepared, options.proposing, &open);
                let outcome = if found.complete {
                    SearchOutcome::Optimal { nodes: found.nodes }
                } else {
                    SearchOutcome::LimitReached { nodes: found.nodes }
                };
                (state, Vec::new(), Some(outcome))
            } else {
                let (state, withdrawn) = withdrawal_policy(&prepared, options.proposing, stop)
                    .ok_or(interrupted(found.nodes))?;
                let outcome = if found.complete {
                    SearchOutcome::NoStableAssignment { nodes: found.nodes }
                } else {
                    SearchOutcome::LimitReached { nodes: found.nodes }
                };
                (state, withdrawn, Some(outcome))
            }
        }
    };

    // Branch-free over the candidates (whether one is placed is unpredictable): an unplaced
    // candidate reads its first slot (or none) and counts in the sink `size[defis]`.
    let choice_of = state.held_choice;
    let mut size = vec![0u32; defis + 1];
    let mut defi_of: Vec<u32> = choice_of
        .iter()
        .enumerate()
        .map(|(c, &k)| {
            let placed = k != NONE;
            let slot = instance.choice_start[c] as usize + if placed { k as usize } else { 0 };
            let d = instance.choice_defi.get(slot).copied().unwrap_or(NONE);
            let d = if placed { d } else { NONE };
            size[if placed { d as usize } else { defis }] += 1;
            d
        })
        .collect();
    size.truncate(defis);
    let mut defi_state = vec![DefiState::Empty; defis];
    for d in 0..defis {
        if size[d] > 0 {
            defi_state[d] = DefiState::Running;
        } else if !state.open[d] && search.is_some() && withdrawn.is_empty() {
            let ranked = instance.seats_of(d).any(|s| !instance.ranking_range(s).is_empty());
            if ranked {
                defi_state[d] = DefiState::ClosedBySearch;
            }
        }
    }
    for &(d, team, round) in &withdrawn {
        defi_state[d as usize] = DefiState::Withdrawn { size: team, round };
    }
    if options.offers {
        offer_empty_seats(instance, &mut defi_of, &mut size);
    }

    let certificate = match verify(instance, &assignment_of(&defi_of)) {
        Verdict::Certified { certificate } => certificate,
        Verdict::Violations { violations } => {
            return Err(SolveError::VerificationFailed { violations });
        }
    };
    // The exact search's set admits an assignment stable with closures, and `exact_side`
    // returns one: anything else is a bug.
    if search.is_some()
        && withdrawn.is_empty()
        && certificate.notion != StabilityNotion::WithClosures
    {
        return Err(SolveError::VerificationFailed { violations: certificate.coalitions });
    }
    Ok(Solution {
        instance,
        options: *options,
        defi_of,
        choice_of,
        defi_state,
        tie_order: prepared.tie_order,
        certificate,
        search,
    })
}

/// The assignment that places each candidate `c` on `defi_of[c]` (unless `NONE`).
fn assignment_of(defi_of: &[u32]) -> Assignment {
    // Branch-free compaction: every candidate is written, only the placed ones are kept.
    let mut pairs = vec![(NONE, NONE); defi_of.len()];
    let mut n = 0;
    for (c, &d) in defi_of.iter().enumerate() {
        pairs[n] = (u32::try_from(c).unwrap_or(NONE), d);
        n += usize::from(d != NONE);
    }
    pairs.truncate(n);
    Assignment { pairs }
}

/// Withdrawn défis as (défi, team size when withdrawn, round).
type Withdrawals = Vec<(u32, u32, u32)>;

/// `None` when `stop` is seen set (checked once per round).
fn withdrawal_policy(
    p: &Prepared<'_>,
    proposing: Proposing,
    stop: &AtomicBool,
) -> Option<(State, Withdrawals)> {
    let instance = p.instance;
    let mut withdrawn = Vec::new();
    match proposing {
        Proposing::Candidates => {
            let mut state = State::new(instance, vec![true; instance.defis.len()]);
            let mut free: Vec<u32> = (0..instance.candidates.len())
                .rev()
                .map(|c| u32::try_from(c).unwrap_or(NONE))
                .collect();
            propose_candidates(p, &mut state, &mut free);
            let mut round = 0;
            while let Some((size, d)) = state.smallest_under_min() {
                if stop.load(Ordering::Relaxed) {
                    return None;
                }
                round += 1;
                withdrawn.push((d, size, round));
                withdraw(p, &mut state, d, &mut free);
                propose_candidates(p, &mut state, &mut free);
            }
            Some((state, withdrawn))
        }
        Proposing::Hosts => {
            let mut open = vec![true; instance.defis.len()];
            let mut round = 0;
            loop {
                if stop.load(Ordering::Relaxed) {
                    return None;
                }
                let mut state = State::new(instance, open.clone());
                propose_seats(p, &mut state);
                let Some((size, d)) = state.smallest_under_min() else {
                    return Some((state, withdrawn));
                };
                round += 1;
                withdrawn.push((d, size, round));
                open[d as usize] = false;
            }
        }
    }
}

/// The assignment returned for the open set the exact search chose: the stable assignment of
/// `open` optimal for the proposing side, if it is stable with closures. The candidate-optimal
/// one always is (the search checked it); the host-optimal one may leave candidates worse off
/// and so form a blocking coalition with a closed défi: the candidate-optimal one is returned
/// instead.
fn exact_side(p: &Prepared<'_>, proposing: Proposing, open: &[bool]) -> State {
    if proposing == Proposing::Hosts {
        let mut state = State::new(p.instance, open.to_vec());
        propose_seats(p, &mut state);
        if !crate::exact::has_coalition(p, &state) {
            return state;
        }
    }
    crate::exact::run_open(p, open)
}

/// The post-phase: each running défi, in id order, offers each empty seat to the unplaced
/// candidates on its offer list, in the jury's order.
fn offer_empty_seats(instance: &Instance, defi_of: &mut [u32], size: &mut [u32]) {
    for d in 0..instance.defis.len() {
        if size[d] == 0 {
            continue;
        }
        for s in instance.seats_of(d) {
            let mut filled = instance
                .ranking_range(s)
                .filter(|&i| defi_of[instance.rank_candidate[i] as usize] as usize == d)
                .count();
            for &c in instance.offers_of(s) {
                if filled >= instance.seat_capacity[s] as usize
                    || size[d] >= instance.limits.team_max
                {
                    break;
                }
                if defi_of[c as usize] == NONE {
                    defi_of[c as usize] = u32::try_from(d).unwrap_or(NONE);
                    filled += 1;
                    size[d] += 1;
                }
            }
        }
    }
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
/// [`Solution::differences`]).
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
#[serde(deny_unknown_fields)]
pub struct Difference {
    /// The candidate.
    pub candidate: CandidateId,
    /// Their défi in the first solution.
    pub here: Option<DefiId>,
    /// Their défi in the other solution.
    pub there: Option<DefiId>,
}

/// A défi's line in a [`Report`].
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
#[serde(deny_unknown_fields)]
pub struct Report {
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

impl<'i> Solution<'i> {
    /// The instance solved.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, Options, generate, solve};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(1));
    /// let solution = solve(&instance, &Options::default())?;
    /// assert!(std::ptr::eq(solution.instance(), &instance));
    /// # Ok::<(), eig_matching::SolveError>(())
    /// ```
    pub fn instance(&self) -> &'i Instance {
        self.instance
    }

    /// The options used.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, Options, generate, solve};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(1));
    /// let options = Options { seed: 7, offers: true, ..Options::default() };
    /// assert_eq!(solve(&instance, &options)?.options(), &options);
    /// # Ok::<(), eig_matching::SolveError>(())
    /// ```
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The verifier's certificate.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{Instance, MatchingInput, Options, StabilityNotion, solve};
    ///
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
    /// let certificate = solve(&instance, &Options::default())?.certificate().clone();
    /// assert_eq!(certificate.notion, StabilityNotion::WithClosures);
    /// assert_eq!((certificate.placed, certificate.running), (2, 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn certificate(&self) -> &Certificate {
        &self.certificate
    }

    /// The exact search's outcome, in exact mode.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, LowerQuotas, Options, generate, solve};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(1));
    /// assert_eq!(solve(&instance, &Options::default())?.search(), None);
    /// let exact = Options { lower_quotas: LowerQuotas::Exact { node_limit: 10_000 }, ..Options::default() };
    /// assert!(solve(&instance, &exact)?.search().is_some());
    /// # Ok::<(), eig_matching::SolveError>(())
    /// ```
    pub fn search(&self) -> Option<SearchOutcome> {
        self.search
    }

    /// The assignment, for [`verify`] or any other use.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, Options, generate, solve, verify};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(1));
    /// let assignment = solve(&instance, &Options::default())?.assignment();
    /// assert!(verify(&instance, &assignment).certificate().is_some());
    /// # Ok::<(), eig_matching::SolveError>(())
    /// ```
    pub fn assignment(&self) -> Assignment {
        assignment_of(&self.defi_of)
    }

    /// The défi of `candidate`, if placed.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{Instance, MatchingInput, Options, solve};
    ///
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
    /// let solution = solve(&instance, &Options::default())?;
    /// assert_eq!(solution.defi_of(&"y".parse()?).map(|d| d.as_str()), Some("B"));
    /// assert_eq!(solution.defi_of(&"nobody".parse()?), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn defi_of(&self, candidate: &CandidateId) -> Option<&'i DefiId> {
        let c = crate::instance::index_of(&self.instance.candidates, candidate)?;
        let d = self.defi_of[c as usize];
        (d != NONE).then(|| &self.instance.defis[d as usize])
    }

    /// The candidates placed differently in `other`, by id: for the candidate- and the
    /// host-optimal solutions of one instance, the difference between the two optima (by the
    /// rural hospitals theorem the same candidates are placed in both, so only défis differ).
    /// Candidates are matched by id, so `other` may solve another instance.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{GeneratorConfig, Options, Proposing, generate, solve};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(1));
    /// let candidates = solve(&instance, &Options::default())?;
    /// let hosts = solve(&instance, &Options { proposing: Proposing::Hosts, ..Options::default() })?;
    /// let moved = candidates.differences(&hosts);
    /// assert!(moved.iter().all(|d| d.here.is_some() && d.there.is_some()));
    /// # Ok::<(), eig_matching::SolveError>(())
    /// ```
    pub fn differences(&self, other: &Solution<'_>) -> Vec<Difference> {
        let mut out = Vec::new();
        for (c, id) in self.instance.candidates.iter().enumerate() {
            let here = self.defi_of[c];
            let here = (here != NONE).then(|| self.instance.defis[here as usize].clone());
            let there = other.defi_of(id).cloned();
            if here != there {
                out.push(Difference { candidate: id.clone(), here, there });
            }
        }
        for (c, id) in other.instance.candidates.iter().enumerate() {
            let there = other.defi_of[c];
            if there != NONE && crate::instance::index_of(&self.instance.candidates, id).is_none() {
                out.push(Difference {
                    candidate: id.clone(),
                    here: None,
                    there: Some(other.instance.defis[there as usize].clone()),
                });
            }
        }
        out.sort_by(|a, b| a.candidate.cmp(&b.candidate));
        out
    }

    /// Candidates whose order the lottery decided, in lottery order.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{Instance, MatchingInput, Options, solve};
    ///
    /// let input: MatchingInput = serde_json::from_str(r#"{
    ///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 1},
    ///   "defis": [{"id": "d1", "seats": {"developer": 1}}],
    ///   "candidates": [
    ///     {"id": "a", "profile": "developer", "choices": ["d1"]},
    ///     {"id": "b", "profile": "developer", "choices": ["d1"]}
    ///   ],
    ///   "rankings": [{"defi": "d1", "profile": "developer", "ranks": [["a", "b"]]}]
    /// }"#)?;
    /// let instance = Instance::new(&input)?;
    /// let solution = solve(&instance, &Options { seed: 3, ..Options::default() })?;
    /// let order: Vec<_> = solution.tie_break_order().collect();
    /// // The lottery's first drawn takes the seat; the same seed draws the same order.
    /// assert_eq!(solution.defi_of(order[0]).map(|d| d.as_str()), Some("d1"));
    /// let again = solve(&instance, &Options { seed: 3, ..Options::default() })?;
    /// assert_eq!(again.tie_break_order().collect::<Vec<_>>(), order);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn tie_break_order(&self) -> impl Iterator<Item = &'i CandidateId> + '_ {
        self.tie_order.iter().map(|&c| &self.instance.candidates[c as usize])
    }

    /// The solution as data.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{DefiStatus, GeneratorConfig, Options, generate, solve};
    ///
    /// let instance = generate(&GeneratorConfig::eig_call(1));
    /// let report = solve(&instance, &Options::default())?.report();
    /// let running = report.defis.iter().filter(|d| matches!(d.status, DefiStatus::Running { .. }));
    /// assert_eq!(running.count(), report.certificate.running);
    /// # Ok::<(), eig_matching::SolveError>(())
    /// ```
    pub fn report(&self) -> Report {
        let instance = self.instance;
        let mut teams: Vec<Vec<CandidateId>> = vec![Vec::new(); instance.defis.len()];
        let mut placements = Vec::new();
        let mut unplaced = Vec::new();
        for (c, &d) in self.defi_of.iter().enumerate() {
            let id = instance.candidates[c].clone();
            if d == NONE {
                unplaced.push(id);
            } else {
                teams[d as usize].push(id.clone());
                placements.push(Placement {
                    candidate: id,
                    defi: instance.defis[d as usize].clone(),
                    choice: (self.choice_of[c] != NONE).then(|| self.choice_of[c] + 1),
                });
            }
        }
        let defis = teams
            .into_iter()
            .enumerate()
            .map(|(d, team)| DefiReport {
                defi: instance.defis[d].clone(),
                status: match self.defi_state[d] {
                    DefiState::Running => DefiStatus::Running { team },
                    DefiState::Withdrawn { size, round } => DefiStatus::Withdrawn {
                        team_size: size,
                        min: instance.limits.team_min,
                        round,
                    },
                    DefiState::ClosedBySearch => DefiStatus::ClosedBySearch,
                    DefiState::Empty => DefiStatus::NoTeam,
                },
            })
            .collect();
        Report {
            options: self.options,
            tie_break_order: self.tie_break_order().cloned().collect(),
            placements,
            unplaced,
            defis,
            search: self.search,
            certificate: self.certificate.clone(),
        }
    }
}
