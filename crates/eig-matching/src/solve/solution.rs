//! A verified assignment ([`Solution`]) and what can be read from it: each candidate's défi,
//! the lottery's order, the report, the differences with another solution.

#![allow(
    clippy::many_single_char_names,
    clippy::needless_range_loop,
    reason = "index arithmetic over parallel arrays reads best with c (candidate), d (défi), s (seat)"
)]

use eig_domain::{CandidateId, DefiId};

use crate::{
    instance::{Instance, NONE, index_of},
    solve::{
        options::Options,
        report::{
            DefiReport, DefiStatus, MatchingReport, Placement, PlacementDifference, SearchOutcome,
        },
    },
    verify::{assignment::Assignment, certificate::Certificate},
};

/// What happened to a défi.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DefiState {
    Running,
    Withdrawn { size: u32, round: u32 },
    ClosedBySearch,
    Empty,
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

/// The assignment that places each candidate `c` on `defi_of[c]` (unless `NONE`).
pub(crate) fn assignment_of(defi_of: &[u32]) -> Assignment {
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

    /// The assignment, for [`verify`](crate::verify()) or any other use.
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
        let c = index_of(&self.instance.candidates, candidate)?;
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
    pub fn differences(&self, other: &Solution<'_>) -> Vec<PlacementDifference> {
        let mut out = Vec::new();
        for (c, id) in self.instance.candidates.iter().enumerate() {
            let here = self.defi_of[c];
            let here = (here != NONE).then(|| self.instance.defis[here as usize].clone());
            let there = other.defi_of(id).cloned();
            if here != there {
                out.push(PlacementDifference { candidate: id.clone(), here, there });
            }
        }
        for (c, id) in other.instance.candidates.iter().enumerate() {
            let there = other.defi_of[c];
            if there != NONE && index_of(&self.instance.candidates, id).is_none() {
                out.push(PlacementDifference {
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
    pub fn report(&self) -> MatchingReport {
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
        MatchingReport {
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
