//! The deferred-acceptance cores, on dense arrays.
//!
//! Seats are the (défi, profile) pairs: a hospitals/residents instance whose hospitals are
//! seats. Each seat's ranking is made strict by the lottery; each list entry knows its
//! position on the other side's list, so a comparison is O(1) and a whole run is
//! O(total list length) (Gusfield & Irving 1989, §1.6).

#![allow(
    clippy::many_single_char_names,
    clippy::needless_range_loop,
    reason = "index arithmetic over parallel arrays reads best with c (candidate), d (défi), s (seat)"
)]

use std::{borrow::Cow, collections::BTreeSet};

use crate::instance::{Instance, NONE};

/// The instance with strict (lottery-broken) rankings and cross-references.
///
/// Without ties every table is the instance's own (computed once by `Instance::new`); with
/// ties only the strict rankings and the positions they change are copied and reordered.
#[derive(Debug)]
pub(crate) struct Prepared<'a> {
    pub(crate) instance: &'a Instance,
    /// Strict ranking of each seat (same ranges as `instance.rank_start`): candidates.
    pub(crate) strict_candidate: Cow<'a, [u32]>,
    /// For each strict ranking entry: the index of that défi in the candidate's choices.
    pub(crate) strict_choice: Cow<'a, [u32]>,
    /// For each choice slot (`instance.choice_defi` index): the seat (`NONE` when the défi
    /// has no seat of the candidate's profile) and the position in the seat's strict ranking
    /// (`NONE` if the jury did not rank the candidate).
    pub(crate) slots: Cow<'a, [(u32, u32)]>,
    /// Candidates whose order was decided by the lottery, in lottery order.
    pub(crate) tie_order: Vec<u32>,
}

impl<'a> Prepared<'a> {
    pub(crate) fn new(instance: &'a Instance, seed: u64) -> Prepared<'a> {
        let mut prepared = Prepared {
            instance,
            strict_candidate: Cow::Borrowed(&instance.rank_candidate),
            strict_choice: Cow::Borrowed(&instance.rank_choice),
            slots: Cow::Borrowed(&instance.slot_seat_rank),
            tie_order: Vec::new(),
        };
        if !instance.has_ties() {
            return prepared;
        }
        let draw = crate::lottery::draw(instance.candidates.len(), seed);
        let mut tied = vec![false; instance.candidates.len()];
        let strict_candidate = prepared.strict_candidate.to_mut();
        let strict_choice = prepared.strict_choice.to_mut();
        let slots = prepared.slots.to_mut();
        // (lottery draw, candidate, index in their choices) of one tie group.
        let mut group = Vec::new();
        for s in 0..instance.seat_defi.len() {
            let range = instance.ranking_range(s);
            let base = range.start;
            let groups = &instance.rank_group[range.clone()];
            let mut start = 0;
            while start < groups.len() {
                let mut end = start + 1;
                while end < groups.len() && groups[end] == groups[start] {
                    end += 1;
                }
                if end - start > 1 {
                    group.clear();
                    group.extend((base + start..base + end).map(|i| {
                        let c = instance.rank_candidate[i];
                        (draw[c as usize], c, instance.rank_choice[i])
                    }));
                    group.sort_unstable();
                    for (offset, &(_, c, k)) in group.iter().enumerate() {
                        let i = base + start + offset;
                        strict_candidate[i] = c;
                        strict_choice[i] = k;
                        tied[c as usize] = true;
                        if k != NONE {
                            let slot = instance.choice_start[c as usize] as usize + k as usize;
                            slots[slot].1 = u32::try_from(start + offset).unwrap_or(NONE);
                        }
                    }
                }
                start = end;
            }
        }
        let mut tie_order: Vec<u32> = (0..instance.candidates.len())
            .filter(|&c| tied[c])
            .map(|c| u32::try_from(c).unwrap_or(NONE))
            .collect();
        tie_order.sort_unstable_by_key(|&c| draw[c as usize]);
        prepared.tie_order = tie_order;
        prepared
    }
}

/// One seat in a deferred-acceptance run.
#[derive(Clone, Copy, Debug)]
struct SeatState {
    /// How many hold it.
    count: u32,
    /// Its capacity while its défi is open; 0 once closed, so that it takes nobody (with
    /// `worst` 0 no position is better than its worst either).
    capacity: u32,
    /// Largest position held (valid when count > 0; 0 when closed).
    worst: u32,
    /// Start of its ranking in the strict ranking arrays (`instance.rank_start[s]`).
    base: u32,
    /// The candidate at `worst` (valid when count > 0): an eviction reads it from the record
    /// it has just read, not from the ranking.
    worst_candidate: u32,
    /// Its défi (`instance.seat_defi[s]`; 0 for the sink, which takes nobody).
    defi: u32,
}

/// The state of a deferred-acceptance run.
#[derive(Debug)]
pub(crate) struct State {
    /// For each candidate: the index in its choices of the défi it holds, or `NONE`.
    pub(crate) held_choice: Vec<u32>,
    /// For each candidate: next choice index to propose to (candidate-proposing).
    next: Vec<u32>,
    /// Whether each strict ranking entry holds a seat: kept by the candidate-proposing run and
    /// its withdrawals, which read it; the seat-proposing run neither reads nor keeps it.
    held: Vec<bool>,
    /// Per seat, what a proposal reads, side by side (one cache line per seat); then the sink
    /// (see `State::new`).
    seats: Vec<SeatState>,
    /// For each défi: how many hold one of its seats.
    pub(crate) defi_count: Vec<u32>,
    /// Whether each défi takes part.
    pub(crate) open: Vec<bool>,
    /// Open défis with 0 < size < min, as (size, défi).
    under: BTreeSet<(u32, u32)>,
    min: u32,
}

impl State {
    pub(crate) fn new(instance: &Instance, open: Vec<bool>) -> State {
        State {
            held_choice: vec![NONE; instance.candidates.len()],
            next: vec![0; instance.candidates.len()],
            held: vec![false; instance.rank_candidate.len()],
            seats: (0..instance.seat_defi.len())
                .map(|s| SeatState {
                    count: 0,
                    capacity: if open[instance.seat_defi[s] as usize] {
                        instance.seat_capacity[s]
                    } else {
                        0
                    },
                    worst: 0,
                    base: instance.rank_start[s],
                    worst_candidate: NONE,
                    defi: instance.seat_defi[s],
                })
                // The sink: capacity 0 and worst 0, it rejects every proposal; an unusable
                // choice (no seat or not ranked) proposes to it instead of branching.
                .chain(std::iter::once(SeatState {
                    count: 0,
                    capacity: 0,
                    worst: 0,
                    base: 0,
                    worst_candidate: NONE,
                    defi: 0,
                }))
                .collect(),
            defi_count: vec![0; instance.defis.len()],
            open,
            under: BTreeSet::new(),
            min: instance.limits.team_min,
        }
    }

    fn grow(&mut self, d: u32) {
        let before = self.defi_count[d as usize];
        let after = before + 1;
        self.defi_count[d as usize] = after;
        if self.min > 1 {
            if before > 0 {
                self.under.remove(&(before, d));
            }
            if after < self.min {
                self.under.insert((after, d));
            }
        }
    }

    fn shrink(&mut self, d: u32) {
        let before = self.defi_count[d as usize];
        let after = before.saturating_sub(1);
        self.defi_count[d as usize] = after;
        if self.min > 1 {
            self.under.remove(&(before, d));
            if after > 0 && after < self.min {
                self.under.insert((after, d));
            }
        }
    }

    /// The open défi below its minimum with the smallest team (then the smallest id).
    pub(crate) fn smallest_under_min(&self) -> Option<(u32, u32)> {
        self.under.first().copied()
    }
}

/// Candidate-proposing deferred acceptance, resumed from `state` with `free` candidates.
pub(crate) fn propose_candidates(p: &Prepared<'_>, state: &mut State, free: &mut Vec<u32>) {
    let instance = p.instance;
    let sink = instance.seat_defi.len();
    while let Some(c) = free.pop() {
        let c = c as usize;
        let start = instance.choice_start[c] as usize;
        let len = instance.choice_start[c + 1] as usize - start;
        let mut k = state.next[c] as usize;
        state.held_choice[c] = NONE;
        while k < len {
            let (s, position) = p.slots[start + k];
            k += 1;
            // Branch-free: an unusable choice goes to the sink, which rejects it (a choice
            // the jury did not rank is the branch the processor cannot predict).
            #[expect(clippy::needless_bitwise_bool, reason = "both sides evaluated: no branch")]
            let s = if (s == NONE) | (position == NONE) { sink } else { s as usize };
            // A closed défi's seats have capacity 0 and worst 0: they take nobody.
            let seat = &mut state.seats[s];
            let base = seat.base as usize;
            if seat.count < seat.capacity {
                if seat.count == 0 || position > seat.worst {
                    seat.worst = position;
                    seat.worst_candidate = u32::try_from(c).unwrap_or(NONE);
                }
                seat.count += 1;
                state.held[base + position as usize] = true;
                let d = seat.defi;
                state.grow(d);
                state.held_choice[c] = u32::try_from(k - 1).unwrap_or(NONE);
                break;
            }
            let worst = seat.worst;
            if position < worst {
                let evicted = seat.worst_candidate;
                state.held[base + worst as usize] = false;
                state.held[base + position as usize] = true;
                // A seat of one place (the common case) holds only the newcomer: no scan,
                // whose length the processor could not predict.
                let mut new_worst = position;
                let mut new_worst_candidate = u32::try_from(c).unwrap_or(NONE);
                if seat.capacity > 1 {
                    new_worst = worst - 1;
                    while !state.held[base + new_worst as usize] {
                        new_worst -= 1;
                    }
                    new_worst_candidate = p.strict_candidate[base + new_worst as usize];
                }
                seat.worst = new_worst;
                seat.worst_candidate = new_worst_candidate;
                state.held_choice[c] = u32::try_from(k - 1).unwrap_or(NONE);
                state.held_choice[evicted as usize] = NONE;
                free.push(evicted);
                break;
            }
        }
        state.next[c] = u32::try_from(k).unwrap_or(NONE);
    }
}

/// Closes défi `d`: its members are freed (they resume after the choice they held).
pub(crate) fn withdraw(p: &Prepared<'_>, state: &mut State, d: u32, free: &mut Vec<u32>) {
    let instance = p.instance;
    state.open[d as usize] = false;
    for s in instance.seats_of(d as usize) {
        for i in instance.ranking_range(s) {
            if state.held[i] {
                state.held[i] = false;
                let c = p.strict_candidate[i];
                state.held_choice[c as usize] = NONE;
                free.push(c);
            }
        }
        state.seats[s] = SeatState { count: 0, capacity: 0, worst: 0, ..state.seats[s] };
    }
    if state.min > 1 {
        state.under.remove(&(state.defi_count[d as usize], d));
    }
    state.defi_count[d as usize] = 0;
}

/// Seat-proposing deferred acceptance from scratch over the open défis: the seat-optimal
/// (host-optimal) stable assignment.
pub(crate) fn propose_seats(p: &Prepared<'_>, state: &mut State) {
    let instance = p.instance;
    let seats = instance.seat_defi.len();
    let mut next = vec![0u32; seats];
    let mut queue: Vec<u32> = (0..seats)
        .rev()
        .filter(|&s| state.open[instance.seat_defi[s] as usize])
        .map(|s| u32::try_from(s).unwrap_or(NONE))
        .collect();
    while let Some(s) = queue.pop() {
        let s = s as usize;
        let d = instance.seat_defi[s];
        let base = instance.rank_start[s] as usize;
        let len = instance.rank_start[s + 1] as usize - base;
        while state.seats[s].count < instance.seat_capacity[s] && (next[s] as usize) < len {
            let i = base + next[s] as usize;
            next[s] += 1;
            let c = p.strict_candidate[i] as usize;
            let k = p.strict_choice[i];
            let current = state.held_choice[c];
            if current != NONE && current <= k {
                continue;
            }
            if current != NONE {
                let slot = instance.choice_start[c] as usize + current as usize;
                let old = p.slots[slot].0 as usize;
                state.seats[old].count -= 1;
                state.shrink(instance.seat_defi[old]);
                queue.push(u32::try_from(old).unwrap_or(NONE));
            }
            state.seats[s].count += 1;
            state.grow(d);
            state.held_choice[c] = k;
        }
    }
}
