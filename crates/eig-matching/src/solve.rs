//! Solving: deferred acceptance from either side (`engine`), the two lower-quota policies
//! (withdrawal rounds, or the exact search of `exact`), the optional post-phase of offers;
//! every result verified before it is returned as a [`Solution`].

#![allow(
    clippy::many_single_char_names,
    clippy::needless_range_loop,
    reason = "index arithmetic over parallel arrays reads best with c (candidate), d (défi), s (seat)"
)]

use std::sync::atomic::{AtomicBool, Ordering};

use crate::{
    instance::{Instance, NONE},
    solve::{
        engine::{Prepared, State, propose_candidates, propose_seats, withdraw},
        options::{LowerQuotas, Options, Proposing},
        report::SearchOutcome,
        solution::{DefiState, Solution, assignment_of},
    },
    verify::{
        Verification,
        certificate::{StabilityNotion, Violation},
        verify,
    },
};

pub(crate) mod engine;
pub(crate) mod exact;
pub(crate) mod options;
pub(crate) mod report;
pub(crate) mod solution;

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
            let found = exact::search(&prepared, node_limit, stop);
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
        Verification::Certified { certificate } => certificate,
        Verification::Violations { violations } => {
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
        if !exact::has_coalition(p, &state) {
            return state;
        }
    }
    exact::run_open(p, open)
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
