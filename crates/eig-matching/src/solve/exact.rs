//! The exact lower-quota mode: the largest set of running défis that admits an assignment
//! stable with closures, or a proof (an exhausted search) that none exists.
//!
//! For a set `O` of open défis, the candidate-optimal stable assignment of the instance
//! restricted to `O` decides everything (see `docs/matching.md` for the proofs):
//! * team sizes are the same in every stable assignment of `O` (rural hospitals theorem,
//!   Roth 1984), so `O` can run iff every défi of `O` reaches the minimum in it;
//! * every candidate is best off in it, so it has the fewest coalitions with closed défis.
//!
//! Removing défis only grows the others' teams and only hurts candidates. Hence two prunes:
//! a coalition at `O` stays in every subset; a défi forced open that misses the minimum
//! when only the forced défis are open misses it in every subset.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::instance::NONE;
use crate::solve::engine::{Prepared, State, propose_candidates};

/// What the search found.
#[derive(Debug)]
pub(crate) struct Found {
    /// The best open set, if any admits an assignment stable with closures.
    pub(crate) best: Option<Vec<bool>>,
    /// Nodes explored (at most the limit).
    pub(crate) nodes: u64,
    /// Whether the search ran to the end (false: the node limit or the caller stopped it).
    pub(crate) complete: bool,
    /// Whether the caller's stop flag ended it.
    pub(crate) interrupted: bool,
}

struct Search<'p, 'a> {
    p: &'p Prepared<'a>,
    stop: &'p AtomicBool,
    interrupted: bool,
    node_limit: u64,
    nodes: u64,
    aborted: bool,
    best: Option<Vec<bool>>,
    best_size: usize,
}

/// Candidate-optimal stable assignment of the défis in `open`.
pub(crate) fn run_open(p: &Prepared<'_>, open: &[bool]) -> State {
    let instance = p.instance;
    let mut state = State::new(instance, open.to_vec());
    let mut free: Vec<u32> =
        (0..instance.candidates.len()).rev().map(|c| u32::try_from(c).unwrap_or(NONE)).collect();
    propose_candidates(p, &mut state, &mut free);
    state
}

/// Whether some closed défi has a blocking coalition against `state`.
pub(crate) fn has_coalition(p: &Prepared<'_>, state: &State) -> bool {
    let instance = p.instance;
    let opening = instance.limits.team_min.max(1);
    let mut wanting = vec![0u32; instance.seat_defi.len()];
    let mut touched = Vec::new();
    for c in 0..instance.candidates.len() {
        let range = instance.choice_range(c);
        let held = state.held_choice[c];
        let end = if held == NONE { range.end } else { range.start + held as usize };
        for slot in range.start..end {
            let (s, position) = p.slots[slot];
            if s == NONE || position == NONE {
                continue;
            }
            let d = instance.seat_defi[s as usize] as usize;
            if !state.open[d] {
                if wanting[s as usize] == 0 {
                    touched.push(d);
                }
                wanting[s as usize] += 1;
            }
        }
    }
    touched.sort_unstable();
    touched.dedup();
    touched.iter().any(|&d| {
        let total: u32 =
            instance.seats_of(d).map(|s| wanting[s].min(instance.seat_capacity[s])).sum();
        total >= opening
    })
}

/// What a node's deferred acceptance says about the open défis below the minimum.
enum Under {
    /// None: the open set is a solution.
    None,
    /// The non-forced one with the smallest team (then the smallest id): branch on it.
    Free(usize),
    /// Some, all forced open.
    AllForced,
}

fn under_min(p: &Prepared<'_>, state: &State, forced: &[bool]) -> Under {
    let min = p.instance.limits.team_min;
    let mut under = (0..p.instance.defis.len())
        .filter(|&d| state.open[d] && state.defi_count[d] < min)
        .peekable();
    if under.peek().is_none() {
        return Under::None;
    }
    under
        .filter(|&d| !forced[d])
        .min_by_key(|&d| (state.defi_count[d], d))
        .map_or(Under::AllForced, Under::Free)
}

impl Search<'_, '_> {
    fn visit(&mut self, open: &mut Vec<bool>, forced: &mut Vec<bool>) {
        if self.aborted {
            return;
        }
        if self.nodes >= self.node_limit {
            self.aborted = true;
            return;
        }
        // One relaxed load per node (a node is a deferred acceptance: microseconds at least),
        // so a caller's stop is seen within one node.
        if self.stop.load(Ordering::Relaxed) {
            self.aborted = true;
            self.interrupted = true;
            return;
        }
        self.nodes += 1;
        let size = open.iter().filter(|&&o| o).count();
        if self.best.is_some() && size <= self.best_size {
            return;
        }
        // Only what the branching needs outlives this block: the search keeps O(défis) memory
        // per level, not a whole deferred-acceptance state.
        let under = {
            let state = run_open(self.p, open);
            if has_coalition(self.p, &state) {
                return;
            }
            under_min(self.p, &state, forced)
        };
        if matches!(under, Under::None) {
            self.best = Some(open.clone());
            self.best_size = size;
            return;
        }
        if forced.iter().any(|&f| f) {
            let alone = run_open(self.p, forced);
            let min = self.p.instance.limits.team_min;
            if (0..forced.len()).any(|d| forced[d] && alone.defi_count[d] < min) {
                return;
            }
        }
        if let Under::Free(d) = under {
            open[d] = false;
            self.visit(open, forced);
            open[d] = true;
            forced[d] = true;
            self.visit(open, forced);
            forced[d] = false;
            return;
        }
        // Every défi below the minimum is forced open: some other défi must close.
        let candidates: Vec<usize> = (0..open.len()).filter(|&e| open[e] && !forced[e]).collect();
        let mut newly_forced = Vec::new();
        for &e in &candidates {
            open[e] = false;
            self.visit(open, forced);
            open[e] = true;
            forced[e] = true;
            newly_forced.push(e);
        }
        for e in newly_forced {
            forced[e] = false;
        }
    }
}

/// Branch and bound over the sets of open défis.
///
/// A défi whose seats can hold fewer than the minimum of its ranked applicants is closed up
/// front: it is closed in every feasible assignment, and no coalition can open it (a
/// coalition fits its seats and counts at least the minimum). This keeps the search off the
/// many défis of a large call that no team can reach.
/// `stop` is checked at every node: once it is set, the search ends at once and says so.
pub(crate) fn search(p: &Prepared<'_>, node_limit: u64, stop: &AtomicBool) -> Found {
    let instance = p.instance;
    let defis = instance.defis.len();
    let min = u64::from(instance.limits.team_min);
    let mut search = Search {
        p,
        stop,
        interrupted: false,
        node_limit,
        nodes: 0,
        aborted: false,
        best: None,
        best_size: 0,
    };
    let mut open: Vec<bool> = (0..defis)
        .map(|d| {
            let most: u64 = instance
                .seats_of(d)
                .map(|s| {
                    let ranked = instance.ranking_range(s).len() as u64;
                    ranked.min(u64::from(instance.seat_capacity[s]))
                })
                .sum();
            min == 0 || most >= min
        })
        .collect();
    let mut forced = vec![false; defis];
    search.visit(&mut open, &mut forced);
    Found {
        best: search.best,
        nodes: search.nodes,
        complete: !search.aborted,
        interrupted: search.interrupted,
    }
}
