//! The défis: each id once, seats adding up to a team size within the bounds; sorted by id.

use crate::{
    compact::CompactInput,
    instance::{DefiLists, NONE, to_u32},
    validate::problem::InputProblem,
};

/// The défis validated, and where each interned défi id went.
pub(super) struct Defis {
    pub(super) lists: DefiLists,
    /// Interned défi → its index in the instance, or `NONE` if no défi has that id.
    pub(super) index: Vec<u32>,
}

/// Checks the défis, in input order (the first entry of each id counts), and sorts them by id.
pub(super) fn check(input: &CompactInput, problems: &mut Vec<InputProblem>) -> Defis {
    let limits = input.limits;
    let mut first_defi = vec![NONE; input.defi_ids.len()];
    let mut defi_seen_twice = vec![false; input.defi_ids.len()];
    for (e, &id) in input.defis.iter().enumerate() {
        if first_defi[id as usize] == NONE {
            first_defi[id as usize] = to_u32(e);
        } else {
            defi_seen_twice[id as usize] = true;
        }
    }
    for (e, &id) in input.defis.iter().enumerate() {
        let total: u64 = input.seats_of(e).iter().map(|&(_, n)| u64::from(n)).sum();
        if total < u64::from(limits.team_min) || total > u64::from(limits.team_max) {
            problems.push(InputProblem::SeatsOutsideBounds {
                defi: input.defi_id(id),
                seats: total,
                min: limits.team_min,
                max: limits.team_max,
            });
        }
        if defi_seen_twice[id as usize] && first_defi[id as usize] == to_u32(e) {
            problems.push(InputProblem::DuplicateDefi { defi: input.defi_id(id) });
        }
    }
    drop(defi_seen_twice);
    let defined: Vec<u32> =
        (0..to_u32(input.defi_ids.len())).filter(|&i| first_defi[i as usize] != NONE).collect();
    let defi_order = input.defi_ids.sorted(defined);
    let mut index = vec![NONE; input.defi_ids.len()];
    let mut lists = DefiLists {
        ids: Vec::with_capacity(defi_order.len()),
        seat_start: Vec::with_capacity(defi_order.len() + 1),
        seat_defi: Vec::new(),
        seat_profile: Vec::new(),
        seat_capacity: Vec::new(),
    };
    lists.seat_start.push(0);
    for (d, &id) in defi_order.iter().enumerate() {
        index[id as usize] = to_u32(d);
        lists.ids.push(input.defi_id(id));
        for &(profile, capacity) in input.seats_of(first_defi[id as usize] as usize) {
            if capacity > 0 {
                lists.seat_defi.push(to_u32(d));
                lists.seat_profile.push(profile);
                lists.seat_capacity.push(capacity);
            }
        }
        lists.seat_start.push(to_u32(lists.seat_defi.len()));
    }
    Defis { lists, index }
}
