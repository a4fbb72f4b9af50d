//! What would make a refused or incomplete dossier or application eligible: the minimal sets
//! of changes to its facts under which the decision becomes eligible, each change with the
//! rules whose result it turns.
//!
//! # How the sets are found
//!
//! The rules are finite and known, so the answer is exact rather than approximate. The search
//! starts from the record as filed and, at each step, tries the changes that can repair a rule
//! not yet satisfied: each [`Reason`] of a failing rule names its repairs (a missing porteur
//! administratif: a ministry as porteur administratif, or self-funding, or alternative
//! funding; a team of four: a team of three; missing commitments: those commitments), and each
//! missing input its possible answers. It goes breadth first, by number of changes, and
//! evaluates every combination with the promotion's own rules, so that a set is returned only
//! when the rules themselves say eligible. A set is **minimal**: every set of fewer changes
//! was tried before it, and a set containing one already found is not returned. Sets that
//! differ only by the value of one input are given as one set whose change lists the values,
//! any one of which works (the phases of a product on beta.gouv.fr, for instance).
//!
//! # What cannot change
//!
//! Some facts are never changed, only answered when they are missing: the promotion, the kind
//! of the host (its identity: the rules let a host change only its funding route, through a
//! porteur administratif, a convention, alternative funding or self-funding), whether it
//! belongs to the economic and financial ministries, the dates already given (the reception of
//! a dossier or an application, a notification, an acceptance: a late dossier is told the
//! deadline, not asked to travel in time), whether a candidate is a natural person and their
//! past participations. The caller may fix more facts ([`ChangeOptions::fixed`]). When no
//! allowed change makes the record eligible, the answer says which rules stand in the way and
//! which fixed facts they read ([`Counterfactuals::blocked`]).
//!
//! # Bounds
//!
//! At most [`ChangeOptions::max_changes`] changes per set (6 by default, at most
//! [`MAX_CHANGES`]) and [`ChangeOptions::max_sets`] sets listed (10 by default, at most
//! [`MAX_SETS`]); the sets found beyond are counted ([`Counterfactuals::more`]), and
//! [`Counterfactuals::complete`] says whether every set within the bound on changes was
//! examined. The number of records evaluated is bounded by [`MAX_EVALUATIONS`].

use std::{collections::BTreeSet, fmt::Write as _};

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use chrono_tz::Europe::Paris;
use eig_domain::{
    CivilService, Commitment, FundingRoute, Host, HostKind, Promotion, Seat, Source, Studies,
    SupportRole, TalentProfile,
};
use serde::{Deserialize, Serialize};
use serde_json::{Value as Json, json};

use crate::{
    error::EligibilityError,
    input::{BetaPhase, CandidateApplication, Choice, DefiDossier, FundingDeclaration},
    outcome::{Decision, Outcome, Reason, RuleResult, Subject},
    rules::{
        common::{HostCondition, commitment_french},
        evaluate_candidate, evaluate_dossier,
    },
};

/// The largest number of changes in one set a caller may ask for.
pub const MAX_CHANGES: usize = 8;
/// The largest number of sets a caller may ask to be listed.
pub const MAX_SETS: usize = 100;
/// The largest number of records evaluated for one question; beyond it the search stops and
/// says it is not complete.
pub const MAX_EVALUATIONS: usize = 20_000;

/// What the caller holds fixed and how much to return.
///
/// # Example
/// ```
/// use eig_eligibility::ChangeOptions;
///
/// let options: ChangeOptions = serde_json::from_str(r#"{"fixed": ["funding"], "max_sets": 3}"#)?;
/// assert!(options.fixed.contains("funding"));
/// assert_eq!((options.max_sets, options.max_changes), (3, 6));
/// // Out of its bounds (1 to 100), a number is refused, not clamped.
/// assert!(serde_json::from_str::<ChangeOptions>(r#"{"max_sets": 101}"#).is_err());
/// assert!(serde_json::from_str::<ChangeOptions>(r#"{"max_changes": 0}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChangeOptions {
    /// Inputs that cannot change, by path (`funding`, `defi.hosts.administrative`,
    /// `candidate.status.jury_member`…), besides those never changed. A fixed input that is
    /// missing is still asked for: answering is not changing.
    #[serde(default)]
    pub fixed: BTreeSet<String>,
    /// The most sets listed (1 to 100); the others are counted.
    #[serde(default = "default_max_sets", deserialize_with = "max_sets_in_range")]
    #[cfg_attr(feature = "schemars", schemars(range(min = 1, max = 100)))]
    pub max_sets: usize,
    /// The most changes in one set (1 to 8).
    #[serde(default = "default_max_changes", deserialize_with = "max_changes_in_range")]
    #[cfg_attr(feature = "schemars", schemars(range(min = 1, max = 8)))]
    pub max_changes: usize,
}

/// A whole number from 1 to `max`, read; a number out of it is refused, as the schema says
/// (the builders clamp, a reader refuses: what a client sends is not silently changed).
fn in_range<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    max: usize,
) -> Result<usize, D::Error> {
    let value = usize::deserialize(deserializer)?;
    if (1..=max).contains(&value) {
        Ok(value)
    } else {
        Err(serde::de::Error::custom(format!(
            "{value} est hors des bornes : donnez un nombre de 1 à {max}"
        )))
    }
}

fn max_sets_in_range<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<usize, D::Error> {
    in_range(deserializer, MAX_SETS)
}

fn max_changes_in_range<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<usize, D::Error> {
    in_range(deserializer, MAX_CHANGES)
}

const fn default_max_sets() -> usize {
    10
}

const fn default_max_changes() -> usize {
    6
}

impl Default for ChangeOptions {
    fn default() -> ChangeOptions {
        ChangeOptions {
            fixed: BTreeSet::new(),
            max_sets: default_max_sets(),
            max_changes: default_max_changes(),
        }
    }
}

impl ChangeOptions {
    /// The options with `path` held fixed as well.
    ///
    /// # Example
    /// ```
    /// use eig_eligibility::ChangeOptions;
    ///
    /// let options = ChangeOptions::default().with_fixed("funding");
    /// assert!(options.fixed.contains("funding"));
    /// ```
    #[must_use]
    pub fn with_fixed(mut self, path: impl Into<String>) -> ChangeOptions {
        self.fixed.insert(path.into());
        self
    }

    /// The options listing at most `max_sets` sets (clamped to 1–100).
    ///
    /// # Example
    /// ```
    /// use eig_eligibility::ChangeOptions;
    ///
    /// assert_eq!(ChangeOptions::default().with_max_sets(0).max_sets, 1);
    /// ```
    #[must_use]
    pub fn with_max_sets(self, max_sets: usize) -> ChangeOptions {
        ChangeOptions { max_sets: max_sets.clamp(1, MAX_SETS), ..self }
    }

    /// The options allowing at most `max_changes` changes per set (clamped to 1–8).
    ///
    /// # Example
    /// ```
    /// use eig_eligibility::ChangeOptions;
    ///
    /// assert_eq!(ChangeOptions::default().with_max_changes(50).max_changes, 8);
    /// ```
    #[must_use]
    pub fn with_max_changes(self, max_changes: usize) -> ChangeOptions {
        ChangeOptions { max_changes: max_changes.clamp(1, MAX_CHANGES), ..self }
    }
}

/// The answer: the decision as filed and the minimal sets of changes that make it eligible.
///
/// # Example
/// ```
/// use eig_eligibility::{ChangeOptions, DefiDossier, changes_to_eligible_dossier};
///
/// // An EIG3 région asking for co-financing without a porteur administratif.
/// let dossier: DefiDossier = serde_json::from_str(r#"{
///   "defi": {"id": "eig3-region", "title": "Région", "promotion": "EIG3",
///     "hosts": {"operational": {"name": "Région", "kind": {"kind": "local_authority", "level": "region"}}},
///     "team": [{"profile": "developer"}, {"profile": "designer"}],
///     "support": ["operational_mentor", "high_level_mentor"],
///     "commitments": ["data_access", "open_source_and_open_data", "accompaniment",
///                     "work_outside_walls", "reuse_shared_components", "sustainability_plan"]},
///   "submitted_at": "2018-06-15T12:00:00+02:00",
///   "funding": {"cofinancing_requested": true, "self_funded": false, "alternative_funding": false},
///   "purely_it_tooling": false
/// }"#)?;
/// let answer = changes_to_eligible_dossier(&dossier, &ChangeOptions::default())?;
/// let paths: Vec<Vec<&str>> = answer.sets.iter()
///     .map(|set| set.changes.iter().map(|change| change.path).collect())
///     .collect();
/// // Self-funding or alternative funding alone (one set, two values), or a ministry as
/// // porteur administratif with a convention.
/// assert_eq!(paths, [vec!["funding"], vec!["defi.hosts.administrative", "carrier_convention"]]);
/// assert_eq!(answer.sets[0].changes[0].needed.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Counterfactuals {
    /// The promotion whose rules were applied.
    pub promotion: Promotion,
    /// The dossier or candidate.
    pub subject: Subject,
    /// The decision on the record as filed.
    pub outcome: Outcome,
    /// The minimal sets of changes, fewest changes first; empty when the record is eligible
    /// already or when no allowed change makes it eligible.
    pub sets: Vec<ChangeSet>,
    /// How many more minimal sets were found than listed.
    pub more: usize,
    /// Whether every set of at most `max_changes` changes was examined (false when the bound
    /// on evaluations was reached).
    pub complete: bool,
    /// The rules that no allowed change turns, with the fixed inputs they read: why nothing,
    /// or nothing more, can be done.
    pub blocked: Vec<Blocked>,
    /// How many variants of the record were evaluated to answer (at most 20 000,
    /// `MAX_EVALUATIONS`).
    pub evaluations: usize,
}

/// One minimal set of changes: applied together, the record is eligible.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ChangeSet {
    /// The changes, in the order of the record's fields.
    pub changes: Vec<Change>,
    /// The funding route the dossier would take (dossiers only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funding_route: Option<FundingRoute>,
}

/// One change of one input.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Change {
    /// The input, by its path in the record (`funding`, `defi.team`,
    /// `candidate.status.jury_member`…).
    pub path: &'static str,
    /// Whether the input is missing now: the change is the answer to a question.
    pub answer: bool,
    /// Its value now, as JSON (`null` when missing).
    pub now: Json,
    /// The values it needs, as JSON: any one of them works with the other changes of the set.
    #[cfg_attr(feature = "schemars", schemars(schema_with = "needed_schema"))]
    pub needed: Vec<Json>,
    /// The change in French, for a person.
    pub french: String,
    /// The rules whose result it turns: not satisfied without it, the rest of the set applied.
    pub rules: Vec<&'static str>,
    /// The sources of those rules.
    pub sources: Vec<Source>,
}

/// The schema of [`Change::needed`]: a list of JSON values of the input's own shape (an item
/// schema that is an object, not `true`, which OpenAPI tools do not all read).
#[cfg(feature = "schemars")]
fn needed_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "array",
        "minItems": 1,
        "items": {"description": "A value of the input, as its path in the record takes it."},
    })
}

/// A rule not satisfied that no allowed change turns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Blocked {
    /// The rule.
    pub rule: &'static str,
    /// Its result on the record as filed.
    pub result: RuleResult,
    /// Its source.
    pub source: Source,
    /// The inputs it reads that cannot change (never changed, or fixed by the caller).
    pub fixed: Vec<&'static str>,
}

/// The minimal sets of changes that make a défi dossier eligible.
///
/// # Errors
/// What [`evaluate_dossier`](crate::evaluate_dossier) returns on the dossier as filed (a
/// promotion without published rules, conflicting exceptions…).
///
/// # Example
/// ```
/// use eig_eligibility::{ChangeOptions, DefiDossier, changes_to_eligible_dossier};
///
/// let dossier: DefiDossier = serde_json::from_str(r#"{"defi": {
///   "id": "d", "title": "D", "promotion": "EIG3",
///   "hosts": {"operational": {"name": "Ministère", "kind": {"kind": "ministry"}}},
///   "team": [{"profile": "developer"}, {"profile": "developer"}, {"profile": "designer"},
///            {"profile": "data_scientist"}],
///   "support": ["operational_mentor", "high_level_mentor"],
///   "commitments": ["data_access", "open_source_and_open_data", "accompaniment",
///                   "work_outside_walls", "reuse_shared_components", "sustainability_plan"]},
///   "submitted_at": "2018-06-15T12:00:00+02:00",
///   "funding": {"cofinancing_requested": true, "self_funded": false, "alternative_funding": false},
///   "purely_it_tooling": false
/// }"#)?;
/// let answer = changes_to_eligible_dossier(&dossier, &ChangeOptions::default())?;
/// let change = &answer.sets[0].changes[0];
/// assert_eq!((change.path, change.rules.as_slice()), ("defi.team", ["eig3.defi.team_size"].as_slice()));
/// assert_eq!(change.french, "l'équipe, de 4 talents aujourd'hui : 2 talents ou 3 talents");
/// assert_eq!(change.needed.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn changes_to_eligible_dossier(
    dossier: &DefiDossier,
    options: &ChangeOptions,
) -> Result<Counterfactuals, EligibilityError> {
    search::<DossierEdit>(dossier, options)
}

/// The minimal sets of changes that make a candidate's application eligible.
///
/// # Errors
/// What [`evaluate_candidate`](crate::evaluate_candidate) returns on the application as filed.
///
/// # Example
/// ```
/// use eig_eligibility::{ChangeOptions, CandidateApplication, changes_to_eligible_application};
///
/// let application: CandidateApplication = serde_json::from_str(r#"{
///   "promotion": "EIG3",
///   "candidate": {"id": "c", "profile": "developer",
///     "status": {"person": "natural", "civil_service": {"status": "not_civil_servant"},
///                "jury_member": true, "studies": {"status": "not_studying"},
///                "past_participations": []}},
///   "submitted_at": "2018-10-10T12:00:00+02:00",
///   "choices": [{"defi": "a"}, {"defi": "b"}],
///   "selection_decided_on": "2018-12-14"
/// }"#)?;
/// let answer = changes_to_eligible_application(&application, &ChangeOptions::default())?;
/// assert_eq!(answer.sets.len(), 1);
/// assert_eq!(answer.sets[0].changes[0].path, "candidate.status.jury_member");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn changes_to_eligible_application(
    application: &CandidateApplication,
    options: &ChangeOptions,
) -> Result<Counterfactuals, EligibilityError> {
    search::<ApplicationEdit>(application, options)
}

/// The record-specific part of the search: how to evaluate a record, which changes repair a
/// rule, how to apply them and how to say them.
trait Edit: Clone + Ord + Sized {
    type Record: Clone;
    fn evaluate(record: &Self::Record) -> Result<Decision, EligibilityError>;
    /// The changes that may turn one rule not satisfied: from its reason, or the answers to
    /// its missing inputs.
    fn repairs(record: &Self::Record, result: &RuleResult, out: &mut Vec<Self>);
    fn path(&self) -> &'static str;
    /// Whether two changes cannot be in one set: by default, when they change the same input.
    fn conflicts(&self, other: &Self) -> bool {
        self.path() == other.path()
    }
    fn apply(&self, record: &mut Self::Record);
    fn now(record: &Self::Record, path: &'static str) -> Json;
    /// The change in French, as what changes and its new value, so that alternatives read
    /// `what : one ou other`.
    fn french(&self, record: &Self::Record) -> (String, String);
    /// The inputs that are never changed, only answered when missing.
    fn never_changed(path: &str) -> bool;
    /// The fixed inputs a rule reads, for a blocked rule.
    fn fixed_inputs(result: &RuleResult) -> Vec<&'static str>;
}

/// The minimal sets found, before they are merged and described.
type Found<E> = Vec<(Vec<E>, Option<FundingRoute>)>;

fn search<E: Edit>(
    record: &E::Record,
    options: &ChangeOptions,
) -> Result<Counterfactuals, EligibilityError> {
    let (mut answer, found) = search_sets::<E>(record, options)?;
    let max_sets = options.max_sets.clamp(1, MAX_SETS);
    let merged = merge(found);
    answer.more = merged.len().saturating_sub(max_sets);
    answer.sets = merged
        .into_iter()
        .take(max_sets)
        .map(|(edits, route)| describe::<E>(record, &edits, route))
        .collect();
    Ok(answer)
}

fn search_sets<E: Edit>(
    record: &E::Record,
    options: &ChangeOptions,
) -> Result<(Counterfactuals, Found<E>), EligibilityError> {
    let max_changes = options.max_changes.clamp(1, MAX_CHANGES);
    let filed = E::evaluate(record)?;
    let mut answer = Counterfactuals {
        promotion: filed.promotion,
        subject: filed.subject.clone(),
        outcome: filed.outcome.clone(),
        sets: Vec::new(),
        more: 0,
        complete: true,
        blocked: Vec::new(),
        evaluations: 1,
    };
    if matches!(filed.outcome, Outcome::Eligible { .. }) {
        return Ok((answer, Vec::new()));
    }
    let allowed = |edit: &E, record: &E::Record| {
        let path = edit.path();
        let missing = E::now(record, path).is_null();
        missing || !(E::never_changed(path) || options.fixed.contains(path))
    };

    // Breadth first by number of changes; a set is kept sorted, so each is seen once.
    let mut found: Vec<(Vec<E>, Option<FundingRoute>)> = Vec::new();
    let mut seen: BTreeSet<Vec<E>> = BTreeSet::new();
    // Each set with the decision of the set it was grown from.
    let mut frontier: Vec<(Vec<E>, std::rc::Rc<Decision>)> =
        vec![(Vec::new(), std::rc::Rc::new(filed.clone()))];
    let mut evaluations = 1usize;
    let mut repairs = Vec::new();
    'depth: for depth in 0..=max_changes {
        let mut next = Vec::new();
        for (set, parent) in frontier {
            if found.iter().any(|(smaller, _)| is_subset(smaller, &set)) {
                continue;
            }
            let changed = applied(record, &set);
            let evaluated;
            let decision = if set.is_empty() {
                &filed
            } else {
                if evaluations >= MAX_EVALUATIONS {
                    answer.complete = false;
                    break 'depth;
                }
                evaluations += 1;
                let Ok(decision) = E::evaluate(&changed) else { continue };
                evaluated = decision;
                &evaluated
            };
            if let Outcome::Eligible { funding_route } = decision.outcome {
                found.push((set, funding_route));
                continue;
            }
            // A change that changed nothing the rules read or decided is not kept: where it
            // matters (a convention once there is a porteur administratif), the rule that
            // then reads it offers it again.
            if !set.is_empty() && decision.trace == parent.trace {
                continue;
            }
            let decision = std::rc::Rc::new(decision.clone());
            repairs.clear();
            for entry in &decision.trace {
                if !matches!(entry.result, RuleResult::Satisfied) {
                    E::repairs(&changed, &entry.result, &mut repairs);
                }
            }
            // Sets of more changes are beyond the bound asked for.
            if depth == max_changes {
                continue;
            }
            for edit in &repairs {
                if set.iter().any(|done| done.conflicts(edit)) || !allowed(edit, record) {
                    continue;
                }
                let mut child = set.clone();
                child.push(edit.clone());
                child.sort();
                if seen.insert(child.clone()) {
                    next.push((child, std::rc::Rc::clone(&decision)));
                }
            }
        }
        frontier = next;
        if frontier.is_empty() {
            break;
        }
    }

    if found.is_empty() {
        answer.blocked = blocked::<E>(record, &filed, &allowed);
    }

    let found = minimal::<E>(record, found, &mut evaluations);
    if evaluations > MAX_EVALUATIONS {
        answer.complete = false;
    }
    answer.evaluations = evaluations;
    Ok((answer, found))
}

/// The rules not satisfied on the record as filed that no allowed change repairs.
fn blocked<E: Edit>(
    record: &E::Record,
    filed: &Decision,
    allowed: &impl Fn(&E, &E::Record) -> bool,
) -> Vec<Blocked> {
    let mut blocked = Vec::new();
    for entry in &filed.trace {
        if matches!(entry.result, RuleResult::Satisfied) {
            continue;
        }
        let mut own = Vec::new();
        E::repairs(record, &entry.result, &mut own);
        if own.iter().all(|edit| !allowed(edit, record)) {
            blocked.push(Blocked {
                rule: entry.rule,
                result: entry.result.clone(),
                source: entry.source.clone(),
                fixed: E::fixed_inputs(&entry.result),
            });
        }
    }
    blocked
}

/// Keeps the minimal sets only: every proper subset of a set found is evaluated (a set has at
/// most [`MAX_CHANGES`] changes), an eligible subset replaces the set, and a set containing
/// another is dropped. The search reaches a set through the rules its changes repair one
/// after the other; a subset may make the record eligible without being reached that way
/// (an answer to a question made needless by another change), and this is where it is found.
fn minimal<E: Edit>(
    record: &E::Record,
    mut found: Vec<(Vec<E>, Option<FundingRoute>)>,
    evaluations: &mut usize,
) -> Vec<(Vec<E>, Option<FundingRoute>)> {
    found.sort_by_key(|(set, _)| set.len());
    let mut kept: Vec<(Vec<E>, Option<FundingRoute>)> = Vec::new();
    let mut tried: BTreeSet<Vec<E>> = BTreeSet::new();
    for (set, route) in found {
        if kept.iter().any(|(smaller, _)| is_subset(smaller, &set)) {
            continue;
        }
        let mut subsets: Vec<Vec<E>> = (1..(1u32 << set.len()) - 1)
            .map(|mask| {
                set.iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, e)| e.clone())
                    .collect()
            })
            .collect();
        subsets.sort_by_key(Vec::len);
        let mut replaced = false;
        for subset in subsets {
            if kept.iter().any(|(smaller, _)| is_subset(smaller, &subset)) {
                replaced = true;
                continue;
            }
            if !tried.insert(subset.clone()) {
                continue;
            }
            *evaluations += 1;
            if let Ok(Decision { outcome: Outcome::Eligible { funding_route }, .. }) =
                E::evaluate(&applied(record, &subset))
            {
                kept.push((subset, funding_route));
                replaced = true;
            }
        }
        if !replaced {
            kept.push((set, route));
        }
    }
    kept.sort_by_key(|(set, _)| set.len());
    kept
}

fn applied<E: Edit>(record: &E::Record, set: &[E]) -> E::Record {
    let mut changed = record.clone();
    for edit in set {
        edit.apply(&mut changed);
    }
    changed
}

fn is_subset<E: Edit>(small: &[E], large: &[E]) -> bool {
    small.iter().all(|edit| large.contains(edit))
}

/// Sets that differ only by the value of one input become one set with several values for it;
/// fewest changes first, then in the order found.
fn merge<E: Edit>(
    found: Vec<(Vec<E>, Option<FundingRoute>)>,
) -> Vec<(Vec<Vec<E>>, Option<FundingRoute>)> {
    let mut merged: Vec<(Vec<Vec<E>>, Option<FundingRoute>)> = Vec::new();
    'set: for (set, route) in found {
        for (group, group_route) in &mut merged {
            if group.len() != set.len() {
                continue;
            }
            let differing: Vec<usize> =
                (0..set.len()).filter(|&i| group[i].iter().all(|edit| *edit != set[i])).collect();
            let same_paths =
                group.iter().zip(&set).all(|(values, edit)| values[0].path() == edit.path());
            let others_single = group
                .iter()
                .enumerate()
                .all(|(i, values)| values.len() == 1 || differing.first() == Some(&i));
            if same_paths && differing.len() == 1 && others_single {
                let i = differing[0];
                group[i].push(set[i].clone());
                if *group_route != route {
                    *group_route = None;
                }
                continue 'set;
            }
        }
        merged.push((set.into_iter().map(|edit| vec![edit]).collect(), route));
    }
    merged.sort_by_key(|(group, _)| group.len());
    merged
}

fn describe<E: Edit>(
    record: &E::Record,
    group: &[Vec<E>],
    funding_route: Option<FundingRoute>,
) -> ChangeSet {
    // The rules each change turns, measured on the first set of the group.
    let first: Vec<E> = group.iter().map(|values| values[0].clone()).collect();
    let turned = |positions: &[usize]| {
        let without: Vec<E> = first
            .iter()
            .enumerate()
            .filter(|(j, _)| !positions.contains(j))
            .map(|(_, e)| e.clone())
            .collect();
        let mut rules = Vec::new();
        let mut sources = Vec::new();
        if let Ok(decision) = E::evaluate(&applied(record, &without)) {
            for entry in decision.trace {
                if !matches!(entry.result, RuleResult::Satisfied) {
                    rules.push(entry.rule);
                    if !sources.contains(&entry.source) {
                        sources.push(entry.source);
                    }
                }
            }
        }
        (rules, sources)
    };
    // Changes of one input (people of two roles added to the support) are one change: its
    // values are those of the input with all of them applied, one per combination.
    let mut paths: Vec<(&'static str, Vec<usize>)> = Vec::new();
    for (i, values) in group.iter().enumerate() {
        let path = values[0].path();
        match paths.iter_mut().find(|(p, _)| *p == path) {
            Some((_, positions)) => positions.push(i),
            None => paths.push((path, vec![i])),
        }
    }
    let changes = paths
        .into_iter()
        .map(|(path, positions)| {
            let (rules, sources) = turned(&positions);
            let now = E::now(record, path);
            let leads: Vec<String> =
                positions.iter().map(|&i| group[i][0].french(record).0).collect();
            let one_lead = leads.iter().all(|lead| *lead == leads[0])
                && positions.iter().all(|&i| group[i].len() == 1);
            let french = if one_lead {
                let values: Vec<String> =
                    positions.iter().map(|&i| group[i][0].french(record).1).collect();
                format!("{}{}", leads[0], values.join(", "))
            } else {
                positions
                    .iter()
                    .map(|&i| {
                        let values = &group[i];
                        let (lead, _) = values[0].french(record);
                        let alternatives: Vec<String> =
                            values.iter().map(|edit| edit.french(record).1).collect();
                        format!("{lead}{}", alternatives.join(" ou "))
                    })
                    .collect::<Vec<_>>()
                    .join(" et ")
            };
            let mut combinations: Vec<Vec<&E>> = vec![Vec::new()];
            for &i in &positions {
                combinations = combinations
                    .into_iter()
                    .flat_map(|combination| {
                        group[i].iter().map(move |edit| {
                            let mut next = combination.clone();
                            next.push(edit);
                            next
                        })
                    })
                    .collect();
            }
            let needed = combinations
                .into_iter()
                .map(|combination| {
                    let mut changed = record.clone();
                    for edit in combination {
                        edit.apply(&mut changed);
                    }
                    E::now(&changed, path)
                })
                .collect();
            Change { path, answer: now.is_null(), now, needed, french, rules, sources }
        })
        .collect();
    ChangeSet { changes, funding_route }
}

/// Renders the answer in French for a person: `Le dossier serait éligible si :`, one line per
/// change with the sources of the rules it turns, the alternatives joined by `ou`.
///
/// # Example
/// ```
/// use eig_eligibility::{ChangeOptions, DefiDossier, changes_to_eligible_dossier, render_changes_french};
///
/// let dossier: DefiDossier = serde_json::from_str(r#"{"defi": {
///   "id": "d", "title": "D", "promotion": "EIG3",
///   "hosts": {"operational": {"name": "Ministère", "kind": {"kind": "ministry"}}},
///   "team": [{"profile": "developer"}, {"profile": "designer"}],
///   "support": ["operational_mentor", "high_level_mentor"],
///   "commitments": ["data_access", "open_source_and_open_data", "accompaniment",
///                   "work_outside_walls", "reuse_shared_components", "sustainability_plan"]},
///   "submitted_at": "2018-06-15T12:00:00+02:00",
///   "funding": {"cofinancing_requested": true, "self_funded": false, "alternative_funding": false},
///   "purely_it_tooling": true
/// }"#)?;
/// let text = render_changes_french(&changes_to_eligible_dossier(&dossier, &ChangeOptions::default())?);
/// assert!(text.starts_with("Le dossier serait éligible si :\n"));
/// assert!(text.contains("(AAP3 §2.1)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_changes_french(answer: &Counterfactuals) -> String {
    let what = match answer.subject {
        Subject::Candidate(_) => "La candidature",
        _ => "Le dossier",
    };
    let mut out = String::new();
    if matches!(answer.outcome, Outcome::Eligible { .. }) {
        let _ = writeln!(out, "{what} est déjà éligible : rien à changer.");
        return out;
    }
    if answer.sets.is_empty() {
        let _ = writeln!(
            out,
            "Aucun changement permis ne rend {} éligible{}.",
            what.to_lowercase(),
            if answer.blocked.is_empty() {
                " dans la limite du nombre de changements demandée"
            } else {
                ""
            }
        );
    } else {
        let _ = writeln!(out, "{what} serait éligible si :");
        for (i, set) in answer.sets.iter().enumerate() {
            if i > 0 {
                out.push_str("ou\n");
            }
            for change in &set.changes {
                let sources: Vec<String> = change.sources.iter().map(ToString::to_string).collect();
                let _ = writeln!(out, "  – {} ({})", change.french, sources.join(" ; "));
            }
            if let Some(route) = set.funding_route {
                let _ = writeln!(out, "    voie de financement : {}", route.french());
            }
        }
        if answer.more > 0 {
            let _ = writeln!(out, "et {} autre(s) possibilité(s) non listée(s).", answer.more);
        }
        if !answer.complete {
            out.push_str(
                "La recherche s'est arrêtée à sa limite : d'autres possibilités peuvent exister.\n",
            );
        }
    }
    for blocked in &answer.blocked {
        let fixed = if let RuleResult::Missing { inputs } = &blocked.result {
            format!("la réponse à ces questions en décide : {}", inputs.join(", "))
        } else if blocked.fixed.is_empty() {
            String::from("aucun des changements que cette recherche sait proposer ne la satisfait")
        } else {
            format!("elle lit des faits qui ne changent pas : {}", blocked.fixed.join(", "))
        };
        let _ = writeln!(
            out,
            "Règle non satisfaite : {} ({}) — {fixed}.",
            blocked.rule, blocked.source
        );
    }
    out
}

// ---- dossiers -----------------------------------------------------------------------------

/// A change of a défi dossier. The order of the variants is the order of application.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum DossierEdit {
    SubmittedAt(DateTime<FixedOffset>),
    Funding(FundingKind),
    Carrier(Option<HostKind>),
    CarrierConvention(bool),
    Titre2(bool),
    EconomicMinistries(bool),
    TeamSize(usize),
    Reprofile { from: Vec<TalentProfile>, to: TalentProfile },
    Support { role: SupportRole, count: usize },
    FewerSupport { role: SupportRole, count: usize },
    Commitments(Vec<Commitment>),
    PurelyIt(bool),
    Phase(BetaPhase),
    TeamException(bool),
    Host(HostCondition, bool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum FundingKind {
    Cofinancing,
    SelfFunded,
    Alternative,
}

impl FundingKind {
    const ALL: [FundingKind; 3] =
        [FundingKind::Cofinancing, FundingKind::SelfFunded, FundingKind::Alternative];

    fn declaration(self) -> FundingDeclaration {
        match self {
            FundingKind::Cofinancing => FundingDeclaration::cofinancing(),
            FundingKind::SelfFunded => FundingDeclaration::self_funded(),
            FundingKind::Alternative => FundingDeclaration::alternative(),
        }
    }

    fn french(self) -> &'static str {
        match self {
            FundingKind::Cofinancing => "une demande de cofinancement",
            FundingKind::SelfFunded => "l'autofinancement",
            FundingKind::Alternative => "un financement alternatif",
        }
    }
}

/// The porteurs administratifs proposed: a ministry, or a central administration (AAP3 §3.1.1
/// names the ministère de tutelle and the central administration a deconcentrated service
/// depends on); the rules of the promotion decide which one is admitted.
const CARRIERS: [HostKind; 2] = [HostKind::Ministry, HostKind::CentralAdministration];

const SUPPORT_ROLES: [SupportRole; 4] = [
    SupportRole::OperationalMentor,
    SupportRole::HighLevelMentor,
    SupportRole::ProjectLead,
    SupportRole::Sponsor,
];

fn people(role: SupportRole, count: usize) -> String {
    if count == 1 {
        return format!("1 {}", support_french(role));
    }
    let plural = match role {
        SupportRole::OperationalMentor => "mentors opérationnels",
        SupportRole::HighLevelMentor => "mentors de haut niveau",
        SupportRole::ProjectLead => "porteurs de projet",
        _ => "sponsors",
    };
    format!("{count} {plural}")
}

fn support_french(role: SupportRole) -> &'static str {
    role.french()
}

fn to_json<T: Serialize>(value: &T) -> Json {
    serde_json::to_value(value).unwrap_or(Json::Null)
}

fn paris(at: DateTime<Utc>) -> String {
    at.with_timezone(&Paris).format("%d/%m/%Y à %H:%M:%S (heure de Paris)").to_string()
}

fn talents(count: usize) -> String {
    format!("{count} talent{}", if count > 1 { "s" } else { "" })
}

fn day(on: NaiveDate) -> String {
    on.format("%d/%m/%Y").to_string()
}

/// The last instant of a call when its closing states one, else midday of its last day.
fn closing_of(promotion: Promotion, candidates: bool) -> Option<DateTime<FixedOffset>> {
    let facts = promotion.facts();
    let window = if candidates { facts.call_for_candidates } else { facts.call_for_defis }?;
    let closes = window.value.closes;
    match closes.instant() {
        Some(at) => Some(at.fixed_offset()),
        None => match closes {
            eig_domain::Closing::Day { on } => {
                on.and_hms_opt(10, 0, 0).map(|at| at.and_utc().fixed_offset())
            }
            _ => None,
        },
    }
}

/// The closing instant if a reception then is on time, else the second before it (whether the
/// closing instant itself is on time differs between calls; the rules decide).
fn on_time<E: Edit>(record: &E::Record, closing: DateTime<FixedOffset>) -> DateTime<FixedOffset>
where
    E::Record: Received,
{
    let mut at_closing = record.clone();
    at_closing.set_received(closing);
    let late = E::evaluate(&at_closing).is_ok_and(|decision| {
        decision.trace.iter().any(|entry| {
            matches!(entry.result, RuleResult::Failed { reason: Reason::SubmittedLate { .. } })
        })
    });
    if late { closing - chrono::Duration::seconds(1) } else { closing }
}

/// A record received at an instant.
trait Received {
    fn set_received(&mut self, at: DateTime<FixedOffset>);
}

impl Received for DefiDossier {
    fn set_received(&mut self, at: DateTime<FixedOffset>) {
        self.submitted_at = Some(at);
    }
}

impl Received for CandidateApplication {
    fn set_received(&mut self, at: DateTime<FixedOffset>) {
        self.submitted_at = Some(at);
    }
}

impl Edit for DossierEdit {
    type Record = DefiDossier;

    fn evaluate(record: &DefiDossier) -> Result<Decision, EligibilityError> {
        evaluate_dossier(record)
    }

    fn repairs(record: &DefiDossier, result: &RuleResult, out: &mut Vec<DossierEdit>) {
        // The funding route reads the declaration, the porteur administratif, the convention,
        // the titre 2 programme and the economic and financial ministries together: a change of
        // one can turn which of the others it asks about, so a route not yet satisfied is
        // offered every one of them (those that cannot change are filtered out by the search).
        let route = |out: &mut Vec<DossierEdit>| {
            out.extend(FundingKind::ALL.map(DossierEdit::Funding));
            out.push(DossierEdit::Carrier(None));
            out.extend(CARRIERS.map(|kind| DossierEdit::Carrier(Some(kind))));
            out.extend([true, false].map(DossierEdit::CarrierConvention));
            out.extend([true, false].map(DossierEdit::Titre2));
            out.extend([false, true].map(DossierEdit::EconomicMinistries));
        };
        match result {
            RuleResult::Satisfied => {}
            RuleResult::Missing { inputs } => {
                for input in inputs {
                    match *input {
                        "submitted_at" => {
                            if let Some(at) = closing_of(record.defi.promotion, false) {
                                out.push(DossierEdit::SubmittedAt(on_time::<DossierEdit>(
                                    record, at,
                                )));
                            }
                        }
                        "carrier_convention"
                        | "titre2_programme"
                        | "economic_and_financial_ministries" => route(out),
                        "purely_it_tooling" => out.extend([false, true].map(DossierEdit::PurelyIt)),
                        "beta_gouv_phase" => out.extend(BetaPhase::ALL.map(DossierEdit::Phase)),
                        "team_exception_granted" => {
                            out.extend([true, false].map(DossierEdit::TeamException));
                        }
                        path if path.starts_with("funding") => route(out),
                        _ => {}
                    }
                }
            }
            RuleResult::Failed { reason } => match reason {
                Reason::SubmittedLate { closes_at, .. } => {
                    out.push(DossierEdit::SubmittedAt(closes_at.fixed_offset()));
                }
                Reason::AdministrativeCarrierRequired { .. }
                | Reason::AdministrativeCarrierNotEligible { .. }
                | Reason::CarrierConventionMissing
                | Reason::NoTitre2Programme
                | Reason::NoFundingDeclared => route(out),
                Reason::TeamSizeOutOfBounds { min, max, .. } => {
                    out.extend((usize::from(*min)..=usize::from(*max)).map(DossierEdit::TeamSize));
                    out.push(DossierEdit::TeamException(true));
                }
                Reason::ProfilesNotSought { profiles } => {
                    for to in TalentProfile::ALL {
                        if !profiles.contains(&to) {
                            out.push(DossierEdit::Reprofile { from: profiles.clone(), to });
                        }
                    }
                }
                Reason::SupportRoleCount { found, min, max, .. } => {
                    let found = usize::try_from(*found).unwrap_or(usize::MAX);
                    let count = usize::from(*min).saturating_sub(found);
                    if count > 0 {
                        for role in SUPPORT_ROLES {
                            out.push(DossierEdit::Support { role, count });
                        }
                    }
                    if let Some(max) = max {
                        let count = found.saturating_sub(usize::from(*max));
                        if count > 0 {
                            for role in SUPPORT_ROLES {
                                if record.defi.support.iter().filter(|r| **r == role).count()
                                    >= count
                                {
                                    out.push(DossierEdit::FewerSupport { role, count });
                                }
                            }
                        }
                    }
                }
                Reason::CommitmentsMissing { missing } => {
                    out.push(DossierEdit::Commitments(missing.clone()));
                }
                Reason::PurelyItTooling => out.push(DossierEdit::PurelyIt(false)),
                Reason::NoDedicatedProjectTeam
                | Reason::ContactsNotIdentified
                | Reason::MentorsNotHostAgents
                | Reason::MentorsWithoutTime => out.extend(host_repair(reason)),
                Reason::ProductPhaseNotAdmitted { phase } => {
                    out.extend(
                        BetaPhase::ALL.into_iter().filter(|p| p != phase).map(DossierEdit::Phase),
                    );
                }
                Reason::ProgrammeProjectTeamOverCap { cap, .. } => {
                    out.push(DossierEdit::TeamSize(usize::try_from(*cap).unwrap_or(usize::MAX)));
                }
                _ => {}
            },
        }
    }

    fn path(&self) -> &'static str {
        match self {
            DossierEdit::SubmittedAt(_) => "submitted_at",
            DossierEdit::Funding(_) => "funding",
            DossierEdit::Carrier(_) => "defi.hosts.administrative",
            DossierEdit::CarrierConvention(_) => "carrier_convention",
            DossierEdit::Titre2(_) => "titre2_programme",
            DossierEdit::EconomicMinistries(_) => "economic_and_financial_ministries",
            DossierEdit::TeamSize(_) => "defi.team",
            DossierEdit::Reprofile { .. } => "defi.team[].profile",
            DossierEdit::Support { .. } | DossierEdit::FewerSupport { .. } => "defi.support",
            DossierEdit::Commitments(_) => "defi.commitments",
            DossierEdit::PurelyIt(_) => "purely_it_tooling",
            DossierEdit::Phase(_) => "beta_gouv_phase",
            DossierEdit::TeamException(_) => "team_exception_granted",
            DossierEdit::Host(condition, _) => condition.name(),
        }
    }

    /// People of different roles are added or removed independently (a mentor opérationnel
    /// and a mentor de haut niveau), and commitments asked by different rules are attested
    /// together.
    fn conflicts(&self, other: &DossierEdit) -> bool {
        match (self, other) {
            (
                DossierEdit::Support { role: a, .. } | DossierEdit::FewerSupport { role: a, .. },
                DossierEdit::Support { role: b, .. } | DossierEdit::FewerSupport { role: b, .. },
            ) => a == b,
            // Commitments asked by different rules are attested together.
            (DossierEdit::Commitments(a), DossierEdit::Commitments(b)) => a == b,
            _ => self.path() == other.path(),
        }
    }

    fn apply(&self, record: &mut DefiDossier) {
        match self {
            DossierEdit::SubmittedAt(at) => record.submitted_at = Some(*at),
            DossierEdit::Funding(kind) => record.funding = kind.declaration(),
            DossierEdit::Carrier(kind) => {
                record.defi.hosts.administrative = kind.map(|kind| {
                    Host::new(
                        "porteur administratif à désigner"
                            .parse()
                            .unwrap_or_else(|_| record.defi.hosts.operational.name.clone()),
                        kind,
                    )
                });
            }
            DossierEdit::CarrierConvention(declared) => record.carrier_convention = Some(*declared),
            DossierEdit::Titre2(has) => record.titre2_programme = Some(*has),
            DossierEdit::EconomicMinistries(belongs) => {
                record.economic_and_financial_ministries = Some(*belongs);
            }
            DossierEdit::TeamSize(size) => {
                let team = &mut record.defi.team;
                let profile = team.first().map_or(TalentProfile::Developer, |seat| seat.profile);
                team.resize(*size, Seat { profile });
            }
            DossierEdit::Reprofile { from, to } => {
                for seat in &mut record.defi.team {
                    if from.contains(&seat.profile) {
                        seat.profile = *to;
                    }
                }
            }
            DossierEdit::Support { role, count } => {
                record.defi.support.extend(std::iter::repeat_n(*role, *count));
            }
            DossierEdit::FewerSupport { role, count } => {
                for _ in 0..*count {
                    if let Some(at) = record.defi.support.iter().rposition(|r| r == role) {
                        record.defi.support.remove(at);
                    }
                }
            }
            DossierEdit::Commitments(added) => {
                record.defi.commitments.extend(added.iter().copied());
            }
            DossierEdit::PurelyIt(tooling) => record.purely_it_tooling = Some(*tooling),
            DossierEdit::Phase(phase) => record.beta_gouv_phase = Some(*phase),
            DossierEdit::TeamException(granted) => record.team_exception_granted = Some(*granted),
            DossierEdit::Host(condition, value) => match condition {
                HostCondition::ProjectTeam => record.project_team = Some(*value),
                HostCondition::Contacts => record.contacts_identified = Some(*value),
                HostCondition::MentorsHostAgents => record.mentors_host_agents = Some(*value),
                HostCondition::MentorsTime => record.mentors_have_time = Some(*value),
            },
        }
    }

    fn now(record: &DefiDossier, path: &'static str) -> Json {
        match path {
            "submitted_at" => to_json(&record.submitted_at),
            "funding" => {
                let funding = record.funding;
                if funding.cofinancing_requested.is_none()
                    && funding.self_funded.is_none()
                    && funding.alternative_funding.is_none()
                {
                    Json::Null
                } else {
                    to_json(&funding)
                }
            }
            "defi.hosts.administrative" => to_json(&record.defi.hosts.administrative),
            "carrier_convention" => to_json(&record.carrier_convention),
            "titre2_programme" => to_json(&record.titre2_programme),
            "economic_and_financial_ministries" => {
                to_json(&record.economic_and_financial_ministries)
            }
            "defi.team" | "defi.team[].profile" => to_json(&record.defi.team),
            "defi.support" => to_json(&record.defi.support),
            "defi.commitments" => to_json(&record.defi.commitments),
            "purely_it_tooling" => to_json(&record.purely_it_tooling),
            "beta_gouv_phase" => to_json(&record.beta_gouv_phase),
            "team_exception_granted" => to_json(&record.team_exception_granted),
            "project_team" => to_json(&record.project_team),
            "contacts_identified" => to_json(&record.contacts_identified),
            "mentors_host_agents" => to_json(&record.mentors_host_agents),
            "mentors_have_time" => to_json(&record.mentors_have_time),
            _ => Json::Null,
        }
    }

    fn french(&self, record: &DefiDossier) -> (String, String) {
        let lead = |text: &str| format!("{text} : ");
        let yes_no = |yes: bool| String::from(if yes { "oui" } else { "non" });
        match self {
            DossierEdit::SubmittedAt(at) => {
                (String::from("le dossier reçu au plus tard le "), paris(at.with_timezone(&Utc)))
            }
            DossierEdit::Funding(kind) => (lead("le financement déclaré"), kind.french().into()),
            DossierEdit::Carrier(kind) => (
                lead("le porteur administratif"),
                String::from(match kind {
                    None => "aucun",
                    Some(HostKind::Ministry) => "un ministère, à désigner",
                    Some(_) => "une administration centrale, à désigner",
                }),
            ),
            DossierEdit::CarrierConvention(declared) => {
                (lead("une convention avec le porteur administratif"), yes_no(*declared))
            }
            DossierEdit::Titre2(has) => (
                lead("un programme budgétaire pouvant recevoir des crédits de titre 2"),
                yes_no(*has),
            ),
            DossierEdit::EconomicMinistries(belongs) => (
                lead("l'administration relève des ministères économiques et financiers"),
                yes_no(*belongs),
            ),
            DossierEdit::TeamSize(size) => (
                format!("l'équipe, de {} aujourd'hui : ", talents(record.defi.team.len())),
                talents(*size),
            ),
            DossierEdit::Reprofile { from, to } => (
                format!(
                    "le profil {} remplacé par : ",
                    from.iter().map(|p| p.french()).collect::<Vec<_>>().join(", ")
                ),
                to.french().into(),
            ),
            DossierEdit::Support { role, count } => {
                (String::from("ajouter "), people(*role, *count))
            }
            DossierEdit::FewerSupport { role, count } => {
                (String::from("retirer "), people(*role, *count))
            }
            DossierEdit::Commitments(added) => (
                lead("les engagements à ajouter"),
                added.iter().map(|c| commitment_french(*c)).collect::<Vec<_>>().join(", "),
            ),
            DossierEdit::PurelyIt(tooling) => (
                lead("un défi d'outillage purement informatique, sans problème métier"),
                yes_no(*tooling),
            ),
            DossierEdit::Phase(phase) => {
                (lead("la phase de la fiche produit sur beta.gouv.fr"), phase.french().into())
            }
            DossierEdit::TeamException(granted) => {
                (lead("une exception à la taille de l'équipe accordée"), yes_no(*granted))
            }
            DossierEdit::Host(condition, value) => (lead(condition.french()), yes_no(*value)),
        }
    }

    fn never_changed(path: &str) -> bool {
        matches!(path, "submitted_at" | "economic_and_financial_ministries")
    }

    fn fixed_inputs(result: &RuleResult) -> Vec<&'static str> {
        match result {
            RuleResult::Failed { reason: Reason::SubmittedLate { .. } } => vec!["submitted_at"],
            RuleResult::Failed { reason: Reason::HostKindNotAdmitted { .. } } => {
                vec!["defi.hosts.operational.kind"]
            }
            _ => Vec::new(),
        }
    }
}

// ---- candidates ---------------------------------------------------------------------------

/// A change of a candidate's application. The order of the variants is the order of
/// application.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum ApplicationEdit {
    SubmittedAt(DateTime<FixedOffset>),
    NaturalPerson,
    CivilService(CivilService),
    Jury(bool),
    Studies(Studies),
    PastParticipations,
    Choices(Vec<Choice>),
    DistinctChoices(Vec<Choice>),
    MoreChoices(Vec<Choice>),
    Channel(bool),
    DossierComplete(bool),
    ReplacedChoices(Vec<Choice>),
    AvailableFrom(NaiveDate),
    StartException(bool),
    SelectionDecidedOn(NaiveDate),
    MissionStartOn(NaiveDate),
}

/// The choices completed to `count` with choices still to be made: a défi to be chosen
/// (`a-choisir-1`…), or a profile not chosen yet, in the order of the profiles.
fn more_choices(
    mut choices: Vec<Choice>,
    count: usize,
    unit: eig_domain::ChoiceUnit,
) -> Vec<Choice> {
    let mut n = 0;
    while choices.len() < count && n < 64 {
        n += 1;
        let choice = match unit {
            eig_domain::ChoiceUnit::Profiles => {
                match TalentProfile::ALL
                    .into_iter()
                    .find(|p| !choices.contains(&Choice::Profile(*p)))
                {
                    Some(profile) => Choice::Profile(profile),
                    None => break,
                }
            }
            _ => match format!("a-choisir-{n}").parse() {
                Ok(id) => Choice::Defi(id),
                Err(_) => break,
            },
        };
        if !choices.contains(&choice) {
            choices.push(choice);
        }
    }
    choices
}

/// The kind of the choices made: profiles when the first is a profile, défis otherwise.
fn unit_of(choices: &[Choice]) -> eig_domain::ChoiceUnit {
    match choices.first() {
        Some(Choice::Profile(_)) => eig_domain::ChoiceUnit::Profiles,
        _ => eig_domain::ChoiceUnit::Defis,
    }
}

/// The days an application's own dates make decisive: the day after a last day in post or of
/// studies, and the first day of availability.
fn deciding_days(record: &CandidateApplication) -> impl Iterator<Item = NaiveDate> {
    let status = &record.candidate.status;
    let in_post = match status.civil_service {
        Some(CivilService::InPost { last_day_in_post: Some(last) }) => last.succ_opt(),
        _ => None,
    };
    let studies = match status.studies {
        Some(Studies::Enrolled { last_day: Some(last), .. }) => last.succ_opt(),
        _ => None,
    };
    let days: BTreeSet<NaiveDate> =
        [in_post, studies, record.process.available_from].into_iter().flatten().collect();
    days.into_iter()
}

/// The answers to an application's missing input.
fn application_answers(record: &CandidateApplication, input: &str, out: &mut Vec<ApplicationEdit>) {
    match input {
        "submitted_at" => {
            if let Some(at) = closing_of(record.promotion, true) {
                out.push(ApplicationEdit::SubmittedAt(on_time::<ApplicationEdit>(record, at)));
            }
        }
        "candidate.status.person" => out.push(ApplicationEdit::NaturalPerson),
        "candidate.status.civil_service" => out.extend([
            ApplicationEdit::CivilService(CivilService::NotCivilServant),
            ApplicationEdit::CivilService(CivilService::NotInPost),
        ]),
        "candidate.status.jury_member" => out.push(ApplicationEdit::Jury(false)),
        "candidate.status.studies" => {
            out.push(ApplicationEdit::Studies(Studies::NotStudying));
        }
        "candidate.status.past_participations" => {
            out.push(ApplicationEdit::PastParticipations);
        }
        "process.through_official_channel" => {
            out.push(ApplicationEdit::Channel(true));
        }
        "process.dossier_complete" => out.push(ApplicationEdit::DossierComplete(true)),
        "choices" => {
            out.push(ApplicationEdit::MoreChoices(more_choices(
                Vec::new(),
                1,
                eig_domain::ChoiceUnit::Defis,
            )));
        }
        "process.start_exception_granted" => {
            out.extend([true, false].map(ApplicationEdit::StartException));
        }
        // A day no one has chosen yet: the days that decide are the ones the
        // application gives (a departure, the end of studies, availability).
        "selection_decided_on" => {
            out.extend(deciding_days(record).map(ApplicationEdit::SelectionDecidedOn));
        }
        "mission_start_on" => {
            out.extend(deciding_days(record).map(ApplicationEdit::MissionStartOn));
        }
        _ => {}
    }
}

/// The changes that may turn an application's failing rule.
fn application_repairs(
    record: &CandidateApplication,
    reason: &Reason,
    out: &mut Vec<ApplicationEdit>,
) {
    match reason {
        Reason::SubmittedLate { closes_at, .. } => {
            out.push(ApplicationEdit::SubmittedAt(closes_at.fixed_offset()));
        }
        Reason::CivilServantInPost { reference_on, .. } => {
            if let Some(last) = reference_on.pred_opt() {
                out.push(ApplicationEdit::CivilService(CivilService::InPost {
                    last_day_in_post: Some(last),
                }));
            }
        }
        Reason::CivilServantInPostWithoutDeparture => {
            out.push(ApplicationEdit::CivilService(CivilService::NotInPost));
        }
        Reason::JuryMember => out.push(ApplicationEdit::Jury(false)),
        Reason::Student { level, reference_on } => {
            if let Some(last) = reference_on.pred_opt() {
                out.push(ApplicationEdit::Studies(Studies::Enrolled {
                    level: *level,
                    last_day: Some(last),
                }));
            }
        }
        Reason::ChoiceCountOutOfBounds { count, min, max, unit } => {
            let choices = record.choices.clone().unwrap_or_default();
            if *count > u64::from(*max) {
                let keep = usize::from(*max).min(choices.len());
                out.push(ApplicationEdit::Choices(choices[..keep].to_vec()));
            } else if *count < u64::from(*min) {
                out.push(ApplicationEdit::MoreChoices(more_choices(
                    choices,
                    usize::from(*min),
                    *unit,
                )));
            }
        }
        Reason::DuplicateChoice => {
            if let Some(choices) = &record.choices {
                let mut once = Vec::new();
                for choice in choices {
                    if !once.contains(choice) {
                        once.push(choice.clone());
                    }
                }
                let replaced = more_choices(once.clone(), choices.len(), unit_of(choices));
                out.push(ApplicationEdit::DistinctChoices(once));
                out.push(ApplicationEdit::ReplacedChoices(replaced));
            }
        }
        Reason::OtherChannel => out.push(ApplicationEdit::Channel(true)),
        Reason::IncompleteDossier => out.push(ApplicationEdit::DossierComplete(true)),
        Reason::NotAvailableAtStart { start_on, .. } => {
            out.push(ApplicationEdit::AvailableFrom(*start_on));
            out.push(ApplicationEdit::StartException(true));
        }
        _ => {}
    }
}

impl Edit for ApplicationEdit {
    type Record = CandidateApplication;

    fn evaluate(record: &CandidateApplication) -> Result<Decision, EligibilityError> {
        evaluate_candidate(record)
    }

    fn repairs(record: &CandidateApplication, result: &RuleResult, out: &mut Vec<ApplicationEdit>) {
        match result {
            RuleResult::Missing { inputs } => {
                for input in inputs {
                    application_answers(record, input, out);
                }
            }
            RuleResult::Failed { reason } => application_repairs(record, reason, out),
            _ => {}
        }
    }
    fn path(&self) -> &'static str {
        match self {
            ApplicationEdit::SubmittedAt(_) => "submitted_at",
            ApplicationEdit::NaturalPerson => "candidate.status.person",
            ApplicationEdit::CivilService(_) => "candidate.status.civil_service",
            ApplicationEdit::Jury(_) => "candidate.status.jury_member",
            ApplicationEdit::Studies(_) => "candidate.status.studies",
            ApplicationEdit::PastParticipations => "candidate.status.past_participations",
            ApplicationEdit::Choices(_)
            | ApplicationEdit::DistinctChoices(_)
            | ApplicationEdit::MoreChoices(_)
            | ApplicationEdit::ReplacedChoices(_) => "choices",
            ApplicationEdit::Channel(_) => "process.through_official_channel",
            ApplicationEdit::DossierComplete(_) => "process.dossier_complete",
            ApplicationEdit::AvailableFrom(_) => "process.available_from",
            ApplicationEdit::StartException(_) => "process.start_exception_granted",
            ApplicationEdit::SelectionDecidedOn(_) => "selection_decided_on",
            ApplicationEdit::MissionStartOn(_) => "mission_start_on",
        }
    }

    fn apply(&self, record: &mut CandidateApplication) {
        let status = &mut record.candidate.status;
        match self {
            ApplicationEdit::SubmittedAt(at) => record.submitted_at = Some(*at),
            ApplicationEdit::NaturalPerson => {
                status.person = Some(eig_domain::PersonKind::Natural);
            }
            ApplicationEdit::CivilService(civil) => status.civil_service = Some(*civil),
            ApplicationEdit::Jury(member) => status.jury_member = Some(*member),
            ApplicationEdit::Studies(studies) => status.studies = Some(*studies),
            ApplicationEdit::PastParticipations => status.past_participations = Some(Vec::new()),
            ApplicationEdit::Choices(choices)
            | ApplicationEdit::DistinctChoices(choices)
            | ApplicationEdit::MoreChoices(choices)
            | ApplicationEdit::ReplacedChoices(choices) => {
                record.choices = Some(choices.clone());
            }
            ApplicationEdit::Channel(through) => {
                record.process.through_official_channel = Some(*through);
            }
            ApplicationEdit::DossierComplete(complete) => {
                record.process.dossier_complete = Some(*complete);
            }
            ApplicationEdit::AvailableFrom(on) => record.process.available_from = Some(*on),
            ApplicationEdit::StartException(granted) => {
                record.process.start_exception_granted = Some(*granted);
            }
            ApplicationEdit::SelectionDecidedOn(on) => record.selection_decided_on = Some(*on),
            ApplicationEdit::MissionStartOn(on) => record.mission_start_on = Some(*on),
        }
    }

    fn now(record: &CandidateApplication, path: &'static str) -> Json {
        let status = &record.candidate.status;
        match path {
            "submitted_at" => to_json(&record.submitted_at),
            "candidate.status.person" => to_json(&status.person),
            "candidate.status.civil_service" => to_json(&status.civil_service),
            "candidate.status.jury_member" => to_json(&status.jury_member),
            "candidate.status.studies" => to_json(&status.studies),
            "candidate.status.past_participations" => to_json(&status.past_participations),
            "choices" => to_json(&record.choices),
            "process.through_official_channel" => to_json(&record.process.through_official_channel),
            "process.dossier_complete" => to_json(&record.process.dossier_complete),
            "process.available_from" => to_json(&record.process.available_from),
            "process.start_exception_granted" => to_json(&record.process.start_exception_granted),
            "selection_decided_on" => to_json(&record.selection_decided_on),
            "mission_start_on" => to_json(&record.mission_start_on),
            _ => json!(null),
        }
    }

    fn french(&self, record: &CandidateApplication) -> (String, String) {
        let lead = |text: &str| format!("{text} : ");
        let yes_no = |yes: bool| String::from(if yes { "oui" } else { "non" });
        match self {
            ApplicationEdit::SubmittedAt(at) => (
                String::from("la candidature reçue au plus tard le "),
                paris(at.with_timezone(&Utc)),
            ),
            ApplicationEdit::NaturalPerson => {
                (lead("une candidature d'une personne physique"), yes_no(true))
            }
            ApplicationEdit::CivilService(civil) => (
                lead("la situation de fonctionnaire"),
                match civil {
                    CivilService::InPost { last_day_in_post: Some(last) } => {
                        format!("un départ du poste au plus tard le {}", day(*last))
                    }
                    CivilService::NotInPost => {
                        String::from("fonctionnaire ou assimilé, pas en poste")
                    }
                    _ => String::from("ni fonctionnaire ni assimilé"),
                },
            ),
            ApplicationEdit::Jury(member) => {
                (lead("membre du jury ou expert sollicité"), yes_no(*member))
            }
            ApplicationEdit::Studies(studies) => (
                lead("la scolarité"),
                match studies {
                    Studies::Enrolled { last_day: Some(last), .. } => {
                        format!("terminée au plus tard le {}", day(*last))
                    }
                    _ => String::from("aucune"),
                },
            ),
            ApplicationEdit::PastParticipations => {
                (lead("les participations passées au programme"), String::from("aucune"))
            }
            ApplicationEdit::Choices(choices) => (
                format!(
                    "les choix, {} aujourd'hui : ",
                    record.choices.as_ref().map_or(0, Vec::len)
                ),
                format!("{} au plus", choices.len()),
            ),
            ApplicationEdit::DistinctChoices(_) => {
                (lead("les choix"), String::from("chacun une seule fois"))
            }
            ApplicationEdit::ReplacedChoices(_) => (
                lead("les choix"),
                String::from("chacun une seule fois, un doublon remplacé par un autre choix"),
            ),
            ApplicationEdit::MoreChoices(choices) => (
                format!(
                    "les choix, {} aujourd'hui : ",
                    record.choices.as_ref().map_or(0, Vec::len)
                ),
                format!("au moins {}", choices.len()),
            ),
            ApplicationEdit::Channel(through) => {
                (lead("la candidature déposée par le canal de l'appel"), yes_no(*through))
            }
            ApplicationEdit::DossierComplete(complete) => {
                (lead("le dossier de candidature complet"), yes_no(*complete))
            }
            ApplicationEdit::AvailableFrom(on) => (String::from("disponible dès le "), day(*on)),
            ApplicationEdit::StartException(granted) => {
                (lead("une exception à la date de début accordée"), yes_no(*granted))
            }
            ApplicationEdit::SelectionDecidedOn(on) => {
                (String::from("la sélection décidée au plus tôt le "), day(*on))
            }
            ApplicationEdit::MissionStartOn(on) => {
                (String::from("la mission commençant au plus tôt le "), day(*on))
            }
        }
    }

    fn never_changed(path: &str) -> bool {
        matches!(
            path,
            "submitted_at"
                | "candidate.status.person"
                | "candidate.status.past_participations"
                | "selection_decided_on"
                | "mission_start_on"
        )
    }

    fn fixed_inputs(result: &RuleResult) -> Vec<&'static str> {
        match result {
            RuleResult::Failed { reason: Reason::SubmittedLate { .. } } => vec!["submitted_at"],
            RuleResult::Failed { reason: Reason::NotANaturalPerson } => {
                vec!["candidate.status.person"]
            }
            RuleResult::Failed {
                reason: Reason::FormerEig5Talent | Reason::NotAnUnprolongedEig5Talent,
            } => vec!["candidate.status.past_participations"],
            RuleResult::Failed { reason: Reason::AcceptedLate { .. } } => {
                vec!["process.selection_notified_on", "process.accepted_on"]
            }
            RuleResult::Failed { reason: Reason::CalledFromWaitingListLate { .. } } => {
                vec!["process.selection_notified_on", "process.from_waiting_list"]
            }
            RuleResult::Failed { reason: Reason::PoolDossierNotKept } => {
                vec!["process.dossier_kept", "process.after_selection_session"]
            }
            _ => Vec::new(),
        }
    }
}

/// The change that meets a host condition of AAP3 §2.2 and AAP4–AAP6 §2 its reason says is not
/// met.
fn host_repair(reason: &Reason) -> Option<DossierEdit> {
    let condition = match reason {
        Reason::NoDedicatedProjectTeam => HostCondition::ProjectTeam,
        Reason::ContactsNotIdentified => HostCondition::Contacts,
        Reason::MentorsNotHostAgents => HostCondition::MentorsHostAgents,
        Reason::MentorsWithoutTime => HostCondition::MentorsTime,
        _ => return None,
    };
    Some(DossierEdit::Host(condition, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_keeps_sets_that_differ_in_two_inputs_apart() {
        let a = vec![DossierEdit::Titre2(true), DossierEdit::PurelyIt(false)];
        let b = vec![DossierEdit::Titre2(false), DossierEdit::PurelyIt(true)];
        let c = vec![DossierEdit::Titre2(true), DossierEdit::PurelyIt(true)];
        let merged = merge(vec![(a, None), (b, None), (c, None)]);
        // a and c differ in one input only: merged; b differs from both in two.
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].0[1].len(), 2);
        assert_eq!(merged[1].0[0].len(), 1);
    }

    use eig_domain::{Defi, HostRoles, LocalAuthorityLevel};

    /// Every assignment of the fact space of the funding route, the team's size, the nature of
    /// the défi and the economic and financial ministries, each input unchanged or given one of
    /// its values, and the minimal sets among those that make the dossier eligible.
    fn exhaustive(dossier: &DefiDossier) -> Vec<Vec<DossierEdit>> {
        let mut domains: Vec<Vec<DossierEdit>> = vec![
            FundingKind::ALL.map(DossierEdit::Funding).to_vec(),
            vec![
                DossierEdit::Carrier(None),
                DossierEdit::Carrier(Some(HostKind::Ministry)),
                DossierEdit::Carrier(Some(HostKind::CentralAdministration)),
            ],
            vec![DossierEdit::CarrierConvention(true), DossierEdit::CarrierConvention(false)],
            vec![DossierEdit::Titre2(true), DossierEdit::Titre2(false)],
            vec![DossierEdit::PurelyIt(false), DossierEdit::PurelyIt(true)],
            vec![DossierEdit::TeamSize(2), DossierEdit::TeamSize(3)],
        ];
        if dossier.economic_and_financial_ministries.is_none() {
            domains.push(vec![
                DossierEdit::EconomicMinistries(true),
                DossierEdit::EconomicMinistries(false),
            ]);
        }
        let mut eligible: Vec<Vec<DossierEdit>> = Vec::new();
        let mut choice = vec![0usize; domains.len()];
        loop {
            let mut set: Vec<DossierEdit> = choice
                .iter()
                .zip(&domains)
                .filter(|(c, _)| **c > 0)
                .map(|(c, domain)| domain[*c - 1].clone())
                .collect();
            set.sort();
            let decision = evaluate_dossier(&applied(dossier, &set));
            if decision.is_ok_and(|d| matches!(d.outcome, Outcome::Eligible { .. })) {
                eligible.push(set);
            }
            // The next assignment, like an odometer.
            let mut i = 0;
            loop {
                if i == choice.len() {
                    let mut minimal: Vec<Vec<DossierEdit>> = eligible
                        .iter()
                        .filter(|set| {
                            !eligible
                                .iter()
                                .any(|other| other.len() < set.len() && is_subset(other, set))
                        })
                        .cloned()
                        .collect();
                    minimal.sort();
                    return minimal;
                }
                choice[i] += 1;
                if choice[i] <= domains[i].len() {
                    break;
                }
                choice[i] = 0;
                i += 1;
            }
        }
    }

    pub(super) fn dossier(promotion: Promotion, n: u64) -> DefiDossier {
        let pick = |k: u64| -> u64 { (n / k) % 3 };
        let kinds = [
            HostKind::Ministry,
            HostKind::StateOperator,
            HostKind::LocalAuthority { level: LocalAuthorityLevel::Region },
            HostKind::HealthEstablishment,
            HostKind::DeconcentratedService,
        ];
        let kind = kinds[usize::try_from(n % 5).unwrap()];
        let mut defi = Defi::new(
            "d".parse().unwrap(),
            "D".parse().unwrap(),
            promotion,
            HostRoles::new(Host::new("Hôte".parse().unwrap(), kind)),
            vec![TalentProfile::Developer; usize::try_from(1 + (n / 7) % 4).unwrap()],
        )
        .with_support([SupportRole::OperationalMentor, SupportRole::HighLevelMentor])
        .with_commitments(Commitment::ALL);
        defi.hosts.administrative = match pick(5) {
            0 => None,
            1 => Some(Host::new("Ministère".parse().unwrap(), HostKind::Ministry)),
            _ => Some(Host::new(
                "Région".parse().unwrap(),
                HostKind::LocalAuthority { level: LocalAuthorityLevel::Region },
            )),
        };
        let bool_or_none = |k: u64| match pick(k) {
            0 => None,
            1 => Some(true),
            _ => Some(false),
        };
        let mut dossier = DefiDossier::new(defi);
        dossier.submitted_at =
            closing_of(promotion, false).map(|at| at - chrono::Duration::hours(1));
        dossier.funding = match pick(11) {
            0 => FundingDeclaration::default(),
            1 => FundingDeclaration::cofinancing(),
            _ => FundingDeclaration {
                cofinancing_requested: Some(true),
                ..FundingDeclaration::default()
            },
        };
        dossier.carrier_convention = bool_or_none(13);
        dossier.titre2_programme = bool_or_none(17);
        dossier.purely_it_tooling = bool_or_none(19);
        dossier.economic_and_financial_ministries = bool_or_none(23);
        dossier
    }

    /// The search finds exactly the minimal sets that an exhaustive search over every
    /// combination of the fact space finds: no smaller set, no set missed.
    #[test]
    fn the_search_finds_what_an_exhaustive_search_finds() {
        let mut compared = 0;
        let mut with_sets = 0;
        for promotion in [Promotion::Eig3, Promotion::Eig4, Promotion::Eig5, Promotion::Eig6] {
            for n in (0..2_000).step_by(61) {
                let dossier = dossier(promotion, n);
                let Ok(decision) = evaluate_dossier(&dossier) else { continue };
                if matches!(decision.outcome, Outcome::Eligible { .. }) {
                    continue;
                }
                let (answer, found) =
                    search_sets::<DossierEdit>(&dossier, &ChangeOptions::default()).unwrap();
                assert!(answer.complete);
                let mut found: Vec<Vec<DossierEdit>> =
                    found.into_iter().map(|(set, _)| set).collect();
                found.sort();
                assert_eq!(found, exhaustive(&dossier), "{promotion:?} n = {n}: {dossier:?}");
                compared += 1;
                with_sets += usize::from(!found.is_empty());
            }
        }
        // The sample is not trivial: many refusals, most of them repairable.
        assert!(compared >= 110 && with_sets >= 110, "{compared} compared, {with_sets} with sets");
    }

    #[test]
    fn the_bounds_are_clamped() {
        let options = ChangeOptions::default().with_max_sets(1_000).with_max_changes(0);
        assert_eq!((options.max_sets, options.max_changes), (MAX_SETS, 1));
    }

    #[test]
    fn a_day_only_closing_is_tried_at_midday() {
        let eig3 = closing_of(Promotion::Eig3, false).unwrap();
        assert_eq!(eig3.to_rfc3339(), "2018-06-15T15:00:00+00:00");
    }
}
