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

use crate::{
    instance::{Instance, NONE},
    verify::{
        assignment::Assignment,
        certificate::{Certificate, StabilityNotion, Violation},
    },
};
use serde::{Deserialize, Serialize};

pub(crate) mod assignment;
pub(crate) mod certificate;

/// The verifier's answer: every violation, or a certificate.
///
/// # Example
/// ```
/// use eig_matching::{Assignment, Instance, MatchingInput, Verification, verify};
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
/// assert!(matches!(verdict, Verification::Violations { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
// Named `Verdict` in serde's messages and in the JSON Schemas, as before its rename.
#[serde(rename = "Verdict", tag = "verdict", rename_all = "snake_case", deny_unknown_fields)]
pub enum Verification {
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

impl Verification {
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
            Verification::Certified { certificate } => Some(certificate),
            Verification::Violations { .. } => None,
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
/// use eig_matching::{Assignment, Instance, MatchingInput, Verification, Violation, verify};
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
/// let Verification::Violations { violations } = verdict else { panic!("c1 blocks") };
/// assert_eq!(violations[0].to_string(), "le candidat c1 et le défi d1 se préfèrent l'un l'autre à ce que l'affectation leur donne (paire bloquante)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[expect(clippy::too_many_lines, reason = "one pass per property, in the documented order")]
pub fn verify(instance: &Instance, assignment: &Assignment) -> Verification {
    let candidate_count = instance.candidates.len();
    let seat_count = instance.seat_defi.len();
    let foreign: Vec<Violation> = assignment
        .foreign_pairs(instance)
        .map(|&(c, d)| Violation::OtherInstance { candidate_index: c, defi_index: d })
        .collect();
    if !foreign.is_empty() {
        return Verification::Violations { violations: foreign };
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
        return Verification::Certified {
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
    Verification::Violations { violations: feasibility }
}
