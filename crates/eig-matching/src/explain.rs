//! Explanations: for each candidate, the choice obtained and why not each better one; for
//! each défi, its team, the cut-off rank per profile, and why it was withdrawn.

#![allow(
    clippy::many_single_char_names,
    clippy::needless_range_loop,
    reason = "index arithmetic over parallel arrays reads best with c (candidate), d (défi), s (seat)"
)]

use std::fmt::Write as _;

use eig_domain::{CandidateId, DefiId, TalentProfile};
use serde::{Deserialize, Serialize};

use crate::instance::NONE;
use crate::solve::{
    report::DefiStatus,
    solution::{DefiState, Solution},
};

/// What a candidate obtained.
///
/// # Example
/// ```
/// use eig_matching::{Instance, MatchingInput, Options, solve, CandidateOutcome};
///
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 2},
///   "defis": [{"id": "d1", "seats": {"designer": 1}}, {"id": "d2", "seats": {"designer": 1}}],
///   "candidates": [
///     {"id": "c1", "profile": "designer", "choices": ["d1"]},
///     {"id": "c2", "profile": "designer", "choices": ["d1", "d2"]}
///   ],
///   "rankings": [
///     {"defi": "d1", "profile": "designer", "ranks": [["c1"], ["c2"]]},
///     {"defi": "d2", "profile": "designer", "ranks": [["c2"]]}
///   ]
/// }"#)?;
/// let instance = Instance::new(&input)?;
/// let explanations = solve(&instance, &Options::default())?.explain();
/// let c2 = &explanations.candidates[1];
/// assert_eq!(c2.outcome, CandidateOutcome::Placed { defi: "d2".parse()?, choice: 2 });
/// assert_eq!(serde_json::to_string(&c2.outcome)?, r#"{"outcome":"placed","defi":"d2","choice":2}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "outcome", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum CandidateOutcome {
    /// Placed on one of their choices.
    Placed {
        /// The défi.
        defi: DefiId,
        /// Its rank among the candidate's choices (1 = first).
        choice: u32,
    },
    /// Placed by the post-phase on a défi they did not choose, whose jury offered the seat.
    Offered {
        /// The défi.
        defi: DefiId,
    },
    /// Not placed.
    Unplaced,
}

/// Why a candidate did not obtain a choice they preferred.
///
/// # Example
/// ```
/// use eig_matching::{Instance, MatchingInput, Options, solve, WhyNot};
///
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 2},
///   "defis": [{"id": "d1", "seats": {"designer": 1}}, {"id": "d2", "seats": {"designer": 1}}],
///   "candidates": [
///     {"id": "c1", "profile": "designer", "choices": ["d1"]},
///     {"id": "c2", "profile": "designer", "choices": ["d1", "d2"]}
///   ],
///   "rankings": [
///     {"defi": "d1", "profile": "designer", "ranks": [["c1"], ["c2"]]},
///     {"defi": "d2", "profile": "designer", "ranks": [["c2"]]}
///   ]
/// }"#)?;
/// let instance = Instance::new(&input)?;
/// let explanations = solve(&instance, &Options::default())?.explain();
/// // c2 did not get d1, their first choice: its jury ranked c1 first and c2 second.
/// let why = &explanations.candidates[1].better_choices[0].why_not;
/// assert_eq!(why, &WhyNot::RankedBelowCutoff { rank: 2, cutoff: 1, seats: 1 });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "reason", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum WhyNot {
    /// The défi has no seat of the candidate's profile.
    NoSeatForProfile,
    /// The jury did not rank the candidate: not acceptable to it.
    NotRanked,
    /// The seats of the candidate's profile went to talents the jury ranked higher.
    RankedBelowCutoff {
        /// The candidate's rank (1 = first tie group).
        rank: u32,
        /// Rank of the lowest-ranked talent admitted on those seats.
        cutoff: u32,
        /// Seats of that profile.
        seats: u32,
    },
    /// Ranked *ex aequo* with the lowest-ranked talent admitted; the lottery decided.
    LostLottery {
        /// The shared rank.
        rank: u32,
        /// Seats of that profile.
        seats: u32,
    },
    /// The défi was withdrawn, its team below the minimum (AAC3 art. 6.5).
    Withdrawn {
        /// Its team when withdrawn.
        team_size: u32,
        /// The minimum.
        min: u32,
    },
    /// The exact search kept the défi closed.
    ClosedBySearch,
    /// The défi does not run.
    NotRunning,
}

/// A better choice the candidate did not obtain, and why.
///
/// # Example
/// ```
/// use eig_matching::{BetterChoice, WhyNot};
///
/// let better = BetterChoice { defi: "d1".parse()?, choice: 1, why_not: WhyNot::NotRanked };
/// assert_eq!(serde_json::to_string(&better)?, r#"{"defi":"d1","choice":1,"reason":"not_ranked"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BetterChoice {
    /// The défi.
    pub defi: DefiId,
    /// Its rank among the candidate's choices (1 = first).
    pub choice: u32,
    /// Why not.
    #[serde(flatten)]
    pub why_not: WhyNot,
}

/// The explanation for one candidate.
///
/// # Example
/// ```
/// use eig_matching::{Instance, MatchingInput, Options, solve};
///
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 2},
///   "defis": [{"id": "d1", "seats": {"designer": 1}}, {"id": "d2", "seats": {"designer": 1}}],
///   "candidates": [
///     {"id": "c1", "profile": "designer", "choices": ["d1"]},
///     {"id": "c2", "profile": "designer", "choices": ["d1", "d2"]}
///   ],
///   "rankings": [
///     {"defi": "d1", "profile": "designer", "ranks": [["c1"], ["c2"]]},
///     {"defi": "d2", "profile": "designer", "ranks": [["c2"]]}
///   ]
/// }"#)?;
/// let instance = Instance::new(&input)?;
/// let explanations = solve(&instance, &Options::default())?.explain();
/// let c1 = &explanations.candidates[0];
/// assert_eq!(c1.candidate.as_str(), "c1");
/// assert!(c1.better_choices.is_empty()); // placed on their first choice
/// assert_eq!(explanations.candidates[1].better_choices.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CandidateExplanation {
    /// The candidate.
    pub candidate: CandidateId,
    /// Their profile.
    pub profile: TalentProfile,
    /// What they obtained.
    #[serde(flatten)]
    pub outcome: CandidateOutcome,
    /// Every choice they preferred, and why they did not obtain it.
    pub better_choices: Vec<BetterChoice>,
}

/// One profile of a défi: seats, applicants and cut-off.
///
/// # Example
/// ```
/// use eig_matching::{Instance, MatchingInput, Options, solve, SeatExplanation};
/// use eig_domain::TalentProfile;
///
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 2},
///   "defis": [{"id": "d1", "seats": {"designer": 1}}, {"id": "d2", "seats": {"designer": 1}}],
///   "candidates": [
///     {"id": "c1", "profile": "designer", "choices": ["d1"]},
///     {"id": "c2", "profile": "designer", "choices": ["d1", "d2"]}
///   ],
///   "rankings": [
///     {"defi": "d1", "profile": "designer", "ranks": [["c1"], ["c2"]]},
///     {"defi": "d2", "profile": "designer", "ranks": [["c2"]]}
///   ]
/// }"#)?;
/// let instance = Instance::new(&input)?;
/// let explanations = solve(&instance, &Options::default())?.explain();
/// assert_eq!(
///     explanations.defis[0].seats,
///     [SeatExplanation {
///         profile: TalentProfile::Designer,
///         seats: 1,
///         filled: 1,
///         offered: 0,
///         applicants: 2,
///         ranked: 2,
///         cutoff: Some(1),
///     }]
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SeatExplanation {
    /// The profile.
    pub profile: TalentProfile,
    /// Seats of that profile.
    pub seats: u32,
    /// Seats filled from the ranking.
    pub filled: u32,
    /// Seats filled by offers to non-applicants.
    pub offered: u32,
    /// Candidates of that profile who chose the défi.
    pub applicants: u32,
    /// How many of them the jury ranked.
    pub ranked: u32,
    /// Rank of the lowest-ranked talent admitted (1 = first tie group), if any.
    pub cutoff: Option<u32>,
}

/// The explanation for one défi.
///
/// # Example
/// ```
/// use eig_matching::{Instance, MatchingInput, Options, solve, DefiStatus};
///
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 2},
///   "defis": [{"id": "d1", "seats": {"designer": 1}}, {"id": "d2", "seats": {"designer": 1}}],
///   "candidates": [
///     {"id": "c1", "profile": "designer", "choices": ["d1"]},
///     {"id": "c2", "profile": "designer", "choices": ["d1", "d2"]}
///   ],
///   "rankings": [
///     {"defi": "d1", "profile": "designer", "ranks": [["c1"], ["c2"]]},
///     {"defi": "d2", "profile": "designer", "ranks": [["c2"]]}
///   ]
/// }"#)?;
/// let instance = Instance::new(&input)?;
/// let explanations = solve(&instance, &Options::default())?.explain();
/// let d1 = &explanations.defis[0];
/// assert_eq!(d1.status, DefiStatus::Running { team: vec!["c1".parse()?] });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DefiExplanation {
    /// The défi.
    pub defi: DefiId,
    /// What became of it (its team if it runs).
    #[serde(flatten)]
    pub status: DefiStatus,
    /// Per profile: seats, applicants and cut-off.
    pub seats: Vec<SeatExplanation>,
}

/// Explanations of a whole [`Solution`], by id.
///
/// # Example
/// ```
/// use eig_matching::{Instance, MatchingInput, Options, solve};
///
/// let input: MatchingInput = serde_json::from_str(r#"{
///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 2},
///   "defis": [{"id": "d1", "seats": {"designer": 1}}],
///   "candidates": [
///     {"id": "c1", "profile": "designer", "choices": ["d1"]},
///     {"id": "c2", "profile": "designer", "choices": ["d1"]}
///   ],
///   "rankings": [{"defi": "d1", "profile": "designer", "ranks": [["c1"], ["c2"]]}]
/// }"#)?;
/// let instance = Instance::new(&input)?;
/// let explanations = solve(&instance, &Options::default())?.explain();
/// assert_eq!(
///     explanations.candidates[1].to_french(),
///     "c2 (designer) : non affecté·e.\n  1er choix d1 : les places de designer (1) sont allées \
///      à des talents mieux classés (rang 2, dernier rang admis : 1 ; les ex æquo partagent un \
///      rang).\n"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Explanations {
    /// One per candidate, by id.
    pub candidates: Vec<CandidateExplanation>,
    /// One per défi, by id.
    pub defis: Vec<DefiExplanation>,
}

const UNRANKED: u32 = u32::MAX;

impl Solution<'_> {
    /// Explains every placement and every défi.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{Instance, MatchingInput, Options, solve};
    ///
    /// let input: MatchingInput = serde_json::from_str(r#"{
    ///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 2},
    ///   "defis": [{"id": "d1", "seats": {"designer": 1}}, {"id": "d2", "seats": {"designer": 1}}],
    ///   "candidates": [
    ///     {"id": "c1", "profile": "designer", "choices": ["d1"]},
    ///     {"id": "c2", "profile": "designer", "choices": ["d1", "d2"]}
    ///   ],
    ///   "rankings": [
    ///     {"defi": "d1", "profile": "designer", "ranks": [["c1"], ["c2"]]},
    ///     {"defi": "d2", "profile": "designer", "ranks": [["c2"]]}
    ///   ]
    /// }"#)?;
    /// let instance = Instance::new(&input)?;
    /// let explanations = solve(&instance, &Options::default())?.explain();
    /// assert_eq!((explanations.candidates.len(), explanations.defis.len()), (2, 2));
    /// let json = serde_json::to_value(&explanations)?;
    /// assert_eq!(json["candidates"][1]["better_choices"][0]["reason"], "ranked_below_cutoff");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[expect(clippy::too_many_lines, reason = "seat tallies, then candidates, then défis")]
    pub fn explain(&self) -> Explanations {
        let instance = self.instance;
        let seat_count = instance.seat_defi.len();
        // Rank group of each ranked (seat, candidate), through the candidate's choice slots.
        let mut group_of_slot = vec![UNRANKED; instance.choice_defi.len()];
        let mut ranked = vec![0u32; seat_count];
        for s in 0..seat_count {
            let d = instance.seat_defi[s];
            for i in instance.ranking_range(s) {
                let c = instance.rank_candidate[i] as usize;
                if let Some(slot) =
                    instance.choice_range(c).find(|&slot| instance.choice_defi[slot] == d)
                {
                    group_of_slot[slot] = instance.rank_group[i];
                }
            }
            ranked[s] = u32::try_from(instance.ranking_range(s).len()).unwrap_or(NONE);
        }
        let mut applicants = vec![0u32; seat_count];
        let mut filled = vec![0u32; seat_count];
        let mut offered = vec![0u32; seat_count];
        let mut cutoff = vec![None::<u32>; seat_count];
        for c in 0..instance.candidates.len() {
            for slot in instance.choice_range(c) {
                let d = instance.choice_defi[slot] as usize;
                if let Some(s) = instance.seat_for(d, instance.profile[c]) {
                    applicants[s] += 1;
                }
            }
            let d = self.defi_of[c];
            if d == NONE {
                continue;
            }
            let Some(s) = instance.seat_for(d as usize, instance.profile[c]) else { continue };
            let k = self.choice_of[c];
            if k == NONE {
                offered[s] += 1;
            } else {
                filled[s] += 1;
                let group = group_of_slot[instance.choice_start[c] as usize + k as usize];
                cutoff[s] = cutoff[s].max(Some(group));
            }
        }

        let min = instance.limits.team_min;
        let candidates = (0..instance.candidates.len())
            .map(|c| {
                let d = self.defi_of[c];
                let k = self.choice_of[c];
                let outcome = match (d, k) {
                    (NONE, _) => CandidateOutcome::Unplaced,
                    (d, NONE) => {
                        CandidateOutcome::Offered { defi: instance.defis[d as usize].clone() }
                    }
                    (d, k) => CandidateOutcome::Placed {
                        defi: instance.defis[d as usize].clone(),
                        choice: k + 1,
                    },
                };
                let range = instance.choice_range(c);
                let better = if k == NONE { range.len() } else { k as usize };
                let better_choices = (0..better)
                    .map(|j| {
                        let slot = range.start + j;
                        let e = instance.choice_defi[slot] as usize;
                        let why_not =
                            match (self.defi_state[e], instance.seat_for(e, instance.profile[c])) {
                                (_, None) => WhyNot::NoSeatForProfile,
                                _ if group_of_slot[slot] == UNRANKED => WhyNot::NotRanked,
                                (DefiState::Withdrawn { size, .. }, _) => {
                                    WhyNot::Withdrawn { team_size: size, min }
                                }
                                (DefiState::ClosedBySearch, _) => WhyNot::ClosedBySearch,
                                (DefiState::Empty, _) => WhyNot::NotRunning,
                                (DefiState::Running, Some(s)) => {
                                    let rank = group_of_slot[slot] + 1;
                                    let seats = instance.seat_capacity[s];
                                    match cutoff[s] {
                                        Some(cut) if cut + 1 == rank => {
                                            WhyNot::LostLottery { rank, seats }
                                        }
                                        Some(cut) => WhyNot::RankedBelowCutoff {
                                            rank,
                                            cutoff: cut + 1,
                                            seats,
                                        },
                                        None => WhyNot::NotRunning,
                                    }
                                }
                            };
                        BetterChoice {
                            defi: instance.defis[e].clone(),
                            choice: u32::try_from(j + 1).unwrap_or(NONE),
                            why_not,
                        }
                    })
                    .collect();
                CandidateExplanation {
                    candidate: instance.candidates[c].clone(),
                    profile: instance.profile[c],
                    outcome,
                    better_choices,
                }
            })
            .collect();

        let report = self.report();
        let defis = report
            .defis
            .into_iter()
            .enumerate()
            .map(|(d, line)| DefiExplanation {
                defi: line.defi,
                status: line.status,
                seats: instance
                    .seats_of(d)
                    .map(|s| SeatExplanation {
                        profile: instance.seat_profile[s],
                        seats: instance.seat_capacity[s],
                        filled: filled[s],
                        offered: offered[s],
                        applicants: applicants[s],
                        ranked: ranked[s],
                        cutoff: cutoff[s].map(|g| g + 1),
                    })
                    .collect(),
            })
            .collect();
        Explanations { candidates, defis }
    }
}

fn ordinal(n: u32) -> String {
    if n == 1 { "1er".to_owned() } else { format!("{n}e") }
}

/// `count` and the word, singular for 0 and 1 as French has it (`1 place`, `2 places`).
fn plural(count: u32, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count <= 1 { singular } else { plural })
}

fn talents(n: u32) -> String {
    if n > 1 { format!("{n} talents") } else { format!("{n} talent") }
}

impl CandidateExplanation {
    /// The explanation in French, one line for the outcome and one per better choice.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{Instance, MatchingInput, Options, solve};
    ///
    /// let input: MatchingInput = serde_json::from_str(r#"{
    ///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 2},
    ///   "defis": [{"id": "d1", "seats": {"designer": 1}}, {"id": "d2", "seats": {"designer": 1}}],
    ///   "candidates": [
    ///     {"id": "c1", "profile": "designer", "choices": ["d1"]},
    ///     {"id": "c2", "profile": "designer", "choices": ["d1", "d2"]}
    ///   ],
    ///   "rankings": [
    ///     {"defi": "d1", "profile": "designer", "ranks": [["c1"], ["c2"]]},
    ///     {"defi": "d2", "profile": "designer", "ranks": [["c2"]]}
    ///   ]
    /// }"#)?;
    /// let instance = Instance::new(&input)?;
    /// let explanations = solve(&instance, &Options::default())?.explain();
    /// assert_eq!(
    ///     explanations.candidates[1].to_french(),
    ///     "c2 (designer) : affecté·e à d2 (2e choix).\n  1er choix d1 : les places de designer (1) \
    ///      sont allées à des talents mieux classés (rang 2, dernier rang admis : 1 ; les ex æquo \
    ///      partagent un rang).\n"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_french(&self) -> String {
        let mut out = format!("{} ({}) : ", self.candidate, self.profile.french());
        match &self.outcome {
            CandidateOutcome::Placed { defi, choice } => {
                let _ = writeln!(out, "affecté·e à {defi} ({} choix).", ordinal(*choice));
            }
            CandidateOutcome::Offered { defi } => {
                let _ =
                    writeln!(out, "affecté·e à {defi} sur proposition du jury (défi non choisi).");
            }
            CandidateOutcome::Unplaced => out.push_str("non affecté·e.\n"),
        }
        for better in &self.better_choices {
            let _ = write!(out, "  {} choix {} : ", ordinal(better.choice), better.defi);
            let profile = self.profile.french();
            let _ = match &better.why_not {
                WhyNot::NoSeatForProfile => {
                    writeln!(out, "le défi n'a pas de place de {profile}.")
                }
                WhyNot::NotRanked => writeln!(out, "le jury ne l'a pas classé·e."),
                WhyNot::RankedBelowCutoff { rank, cutoff, seats } => writeln!(
                    out,
                    "les places de {profile} ({seats}) sont allées à des talents mieux classés \
                     (rang {rank}, dernier rang admis : {cutoff} ; les ex æquo partagent un rang)."
                ),
                WhyNot::LostLottery { rank, seats } => writeln!(
                    out,
                    "les places de {profile} ({seats}) sont allées à des talents classés au \
                     même rang ({rank}) ; le tirage au sort a départagé."
                ),
                WhyNot::Withdrawn { team_size, min } => writeln!(
                    out,
                    "défi retiré, son équipe ({}) n'atteignait pas le minimum de {min}.",
                    talents(*team_size)
                ),
                WhyNot::ClosedBySearch => writeln!(
                    out,
                    "défi non ouvert : hors de l'ensemble retenu par la recherche exacte (le \
                     plus grand qui admette une affectation stable)."
                ),
                WhyNot::NotRunning => writeln!(out, "défi sans équipe."),
            };
        }
        out
    }
}

impl DefiExplanation {
    /// The explanation in French: status and team, then one line per profile.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{Instance, MatchingInput, Options, solve};
    ///
    /// let input: MatchingInput = serde_json::from_str(r#"{
    ///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 2},
    ///   "defis": [{"id": "d1", "seats": {"designer": 1}}, {"id": "d2", "seats": {"designer": 1}}],
    ///   "candidates": [
    ///     {"id": "c1", "profile": "designer", "choices": ["d1"]},
    ///     {"id": "c2", "profile": "designer", "choices": ["d1", "d2"]}
    ///   ],
    ///   "rankings": [
    ///     {"defi": "d1", "profile": "designer", "ranks": [["c1"], ["c2"]]},
    ///     {"defi": "d2", "profile": "designer", "ranks": [["c2"]]}
    ///   ]
    /// }"#)?;
    /// let instance = Instance::new(&input)?;
    /// let explanations = solve(&instance, &Options::default())?.explain();
    /// assert_eq!(
    ///     explanations.defis[0].to_french(),
    ///     "d1 : retenu, équipe de 1 (c1).\n  designer : 1 place, 1 pourvue ; 2 candidatures, \
    ///      2 classées ; dernier rang admis 1.\n"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_french(&self) -> String {
        let mut out = format!("{} : ", self.defi);
        let _ = match &self.status {
            DefiStatus::Running { team } => {
                let names: Vec<&str> = team.iter().map(CandidateId::as_str).collect();
                writeln!(out, "retenu, équipe de {} ({}).", team.len(), names.join(", "))
            }
            DefiStatus::Withdrawn { team_size, min, round } => writeln!(
                out,
                "retiré au tour {round} : équipe de {} pour un minimum de {min}.",
                talents(*team_size)
            ),
            DefiStatus::ClosedBySearch => writeln!(
                out,
                "non ouvert : hors de l'ensemble retenu par la recherche exacte (le plus grand \
                 qui admette une affectation stable)."
            ),
            DefiStatus::NoTeam => writeln!(out, "aucun talent affecté."),
        };
        for seat in &self.seats {
            let cutoff = seat.cutoff.map_or_else(
                || "aucun rang admis".to_owned(),
                |c| format!("dernier rang admis {c}"),
            );
            let offered = if seat.offered > 0 {
                format!(", {} sur proposition", seat.offered)
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "  {} : {}, {}{offered} ; {}, {} ; {cutoff}.",
                seat.profile.french(),
                plural(seat.seats, "place", "places"),
                plural(seat.filled, "pourvue", "pourvues"),
                plural(seat.applicants, "candidature", "candidatures"),
                plural(seat.ranked, "classée", "classées"),
            );
        }
        out
    }
}

impl Explanations {
    /// Every explanation in French: candidates, then défis.
    ///
    /// # Example
    /// ```
    /// use eig_matching::{Instance, MatchingInput, Options, solve};
    ///
    /// let input: MatchingInput = serde_json::from_str(r#"{
    ///   "limits": {"team_min": 0, "team_max": 1, "max_choices": 2},
    ///   "defis": [{"id": "d1", "seats": {"designer": 1}}, {"id": "d2", "seats": {"designer": 1}}],
    ///   "candidates": [
    ///     {"id": "c1", "profile": "designer", "choices": ["d1"]},
    ///     {"id": "c2", "profile": "designer", "choices": ["d1", "d2"]}
    ///   ],
    ///   "rankings": [
    ///     {"defi": "d1", "profile": "designer", "ranks": [["c1"], ["c2"]]},
    ///     {"defi": "d2", "profile": "designer", "ranks": [["c2"]]}
    ///   ]
    /// }"#)?;
    /// let instance = Instance::new(&input)?;
    /// let explanations = solve(&instance, &Options::default())?.explain();
    /// let text = explanations.to_french();
    /// assert!(text.starts_with("Candidat·es\nc1 (designer) : affecté·e à d1 (1er choix).\n"));
    /// assert!(text.contains("\nDéfis\nd1 : retenu"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_french(&self) -> String {
        let mut out = String::from("Candidat·es\n");
        for candidate in &self.candidates {
            out.push_str(&candidate.to_french());
        }
        out.push_str("\nDéfis\n");
        for defi in &self.defis {
            out.push_str(&defi.to_french());
        }
        out
    }
}
