//! Candidate scoring: each promotion's grid for candidates (criteria, scale, aggregation),
//! and the jury's scores turned into one ranking per (défi, profile), with ties.
//!
//! The texts, promotion by promotion:
//! - EIG4 (AAC4 art. 6.2) and EIG5 (AAC5 art. 5.4): five criteria, « Chaque critère est évalué
//!   sur une note de 4. Les notes sont additionnées pour donner un score total de 20. Ces notes
//!   finales sont utilisées pour départager les candidats. » Five criteria of at most 4 make
//!   20: the arithmetic holds. The lowest mark is not stated; a « note de 4 » is read as a mark
//!   out of 4, from 0 (an interpretation, `docs/rules/eligibility.md`).
//! - EIG6 (AAC6 art. 5.4), two phases of six criteria each: « Chaque critère est évalué par une
//!   note de 0 à 5 … Les notes sont utilisées pour calculer une note moyenne globale ». The
//!   EIG5 talents of the AMI Promotion 5 bis are interviewed on the same selection grid
//!   (AMI5bis art. 5.4).
//! - EIG7 (REG7 §2.7): two criteria on the written application, five at the interview (the two
//!   « réévalués le cas échéant et complétés par trois autres critères »), each « une note de 0
//!   à 5 », aggregated into « une moyenne ».
//! - EIG2 (AAC2 art. 5) and EIG3 (AAC3 art. 6.1) list five criteria but state no scale and no
//!   aggregation: [`EligibilityError::NoCandidateGrid`]. EIG1 and DIG1 publish no call rules:
//!   [`EligibilityError::NoPublishedRules`].
//!
//! Ranking. Every row of a grid has the same number of criteria, so ordering by the mean is
//! ordering by the sum: the ranking compares exact integer totals, never a rounded mean. The
//! texts use the marks « pour départager les candidats » (AAC4 art. 6) and give no tie-break:
//! equal totals are one tie group (the matching breaks such ties by its own seeded lottery).
//! The jury ranks « une liste par défi et par profil » (AAC3/AAC4 art. 6), « une liste par
//! projet et par profil » (AAC5/AAC6 art. 5): one ranking per (défi, profile). The
//! pre-selections of EIG6 and EIG7 come before any défi: EIG6 candidates apply « sans avoir
//! connaissance des projets proposés » (AAC6 art. 4), and EIG7 builds a pool by métier (REG7
//! §2.6 a: « Intégration à un vivier d’entrepreneur(e)s », after an interview « en rapport
//! avec le métier »): their lists are per profile alone ([`ListKey`]).

use std::collections::{BTreeMap, BTreeSet};

use eig_domain::{CandidateId, DefiId, Promotion, Source, TalentProfile};
use serde::{Deserialize, Serialize};

use crate::{
    error::EligibilityError,
    grid::{Criterion, ScoreScale, ScoringPhase},
    rules::selection as rules,
};

/// What a phase's ranking lists are for.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_eligibility::{candidate_grid, ListKey, ScoringPhase};
///
/// let grid = candidate_grid(Promotion::Eig6, ScoringPhase::PreSelection)?;
/// assert_eq!(grid.lists, ListKey::Profile);
/// # Ok::<(), eig_eligibility::EligibilityError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ListKey {
    /// One list per défi (or project) and profile: every row names its défi (EIG4–EIG6
    /// interviews).
    DefiAndProfile,
    /// One list per profile: no row names a défi (EIG6 and EIG7 pre-selections).
    Profile,
    /// A row names a défi or not: the EIG7 interview, either the one « en rapport avec le
    /// métier » (REG7 §2.6 a, step 3, before the pool) or the one « en rapport avec une
    /// mission » (step 5) — REG7 §2.7 b's criteria do not say which.
    Either,
}

/// How a grid's marks make one score.
///
/// # Example
/// ```
/// use eig_eligibility::Aggregation;
///
/// assert_eq!(serde_json::to_string(&Aggregation::Mean)?, r#""mean""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// The marks are added: « Les notes sont additionnées pour donner un score total de 20 »
    /// (AAC4 art. 6.2).
    Sum,
    /// The marks are averaged: « une note moyenne globale » (AAC6 art. 5.4), « une moyenne »
    /// (REG7 §2.7).
    Mean,
}

/// A promotion's grid for candidates in one phase.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_eligibility::{candidate_grid, Aggregation, ScoreScale, ScoringPhase};
///
/// let grid = candidate_grid(Promotion::Eig4, ScoringPhase::Interview)?;
/// assert_eq!(grid.criteria.len(), 5);
/// assert_eq!(grid.scale, ScoreScale { min: 0, max: 4 });
/// assert_eq!(grid.aggregation, Aggregation::Sum);
/// assert_eq!(grid.max_total(), 20); // « un score total de 20 »
/// assert_eq!(grid.source.to_string(), "AAC4 art. 6.2");
/// # Ok::<(), eig_eligibility::EligibilityError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CandidateGrid {
    /// The promotion.
    pub promotion: Promotion,
    /// The phase.
    pub phase: ScoringPhase,
    /// The criteria, in the source's order.
    pub criteria: Vec<Criterion>,
    /// The scale of each mark, both ends included.
    pub scale: ScoreScale,
    /// How the marks make one score.
    pub aggregation: Aggregation,
    /// Where the grid is published.
    pub source: Source,
    /// What the phase's lists are for: a défi and a profile, or a profile alone.
    pub lists: ListKey,
}

impl CandidateGrid {
    /// The highest total: criteria × the scale's maximum.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_eligibility::{candidate_grid, ScoringPhase};
    ///
    /// assert_eq!(candidate_grid(Promotion::Eig6, ScoringPhase::PreSelection)?.max_total(), 30);
    /// # Ok::<(), eig_eligibility::EligibilityError>(())
    /// ```
    pub fn max_total(&self) -> u32 {
        u32::try_from(self.criteria.len()).unwrap_or(u32::MAX).saturating_mul(self.scale.max.into())
    }
}

const AAC4_CRITERIA: [&str; 5] = [
    "Dynamisme, vision, esprit d'initiative, attitude positive, capacité à mener à bien des projets",
    "Capacité à comprendre le défi, à proposer des orientations stratégiques pour son développement",
    "Sens de l'intérêt général",
    "Capacité à s'intégrer dans l'environnement d'une administration publique et interagir avec ses métiers",
    "Adéquation entre les compétences et le profil recherché",
];
const AAC5_CRITERIA: [&str; 5] = [
    "Dynamisme, vision, esprit d'initiative, attitude positive, capacité à mener à bien des projets",
    "Capacité à comprendre le projet, à proposer des orientations stratégiques pour son développement",
    "Sens de l'intérêt général",
    "Capacité à s'intégrer dans l'environnement d'une administration publique et interagir avec ses métiers",
    "Adéquation entre les compétences et le profil recherché",
];
const AAC6_PRE_SELECTION: [&str; 6] = [
    "Sensibilité à l'intérêt général",
    "Cohérence du profil par rapport au poste",
    "Esprit d'initiative et capacité à entreprendre",
    "Capacité à travailler avec d'autres métiers",
    "Capacité d'adaptation à un environnement de travail",
    "Capacité à communiquer avec pédagogie et conviction",
];
const AAC6_SELECTION: [&str; 6] = [
    "Capacité à comprendre et problématiser",
    "Capacité à structurer et organiser",
    "Pertinence des compétences et savoir-faire par rapport au poste",
    "Capacité à collaborer et coopérer",
    "Compréhension et intérêt pour le défi",
    "Savoir-être au sein d'un groupe",
];
const REG7_PRE_SELECTION: [&str; 2] = ["Cohérence du profil", "Expérience entrepreneuriale"];
const REG7_INTERVIEW: [&str; 5] = [
    "Cohérence du profil",
    "Expérience entrepreneuriale",
    "Capacité d'adaptation",
    "Capacité de communication",
    "Intérêt pour la thématique",
];

/// The grid a promotion publishes for candidates in a phase.
///
/// # Errors
/// [`EligibilityError::NoPublishedRules`] for EIG1 and DIG1;
/// [`EligibilityError::NoCandidateGrid`] when the promotion's texts give no scale or no
/// aggregation for that phase (EIG2, EIG3; the pre-selection of EIG4 and EIG5).
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_eligibility::{candidate_grid, EligibilityError, ScoringPhase};
///
/// let grid = candidate_grid(Promotion::Eig7, ScoringPhase::PreSelection)?;
/// assert_eq!(grid.criteria[1].name, "Expérience entrepreneuriale");
/// let err = candidate_grid(Promotion::Eig3, ScoringPhase::Interview).unwrap_err();
/// assert!(matches!(err, EligibilityError::NoCandidateGrid { .. }));
/// # Ok::<(), EligibilityError>(())
/// ```
pub fn candidate_grid(
    promotion: Promotion,
    phase: ScoringPhase,
) -> Result<CandidateGrid, EligibilityError> {
    let lists = match (promotion, phase) {
        (Promotion::Eig6 | Promotion::Eig7, ScoringPhase::PreSelection) => ListKey::Profile,
        (Promotion::Eig7, ScoringPhase::Interview) => ListKey::Either,
        _ => ListKey::DefiAndProfile,
    };
    let grid =
        |criteria: &[&'static str], max, aggregation, rule: crate::rules::Rule| CandidateGrid {
            promotion,
            phase,
            criteria: criteria.iter().map(|name| Criterion::new(name)).collect(),
            scale: ScoreScale { min: 0, max },
            aggregation,
            source: rule.source.source(),
            lists,
        };
    let no_grid = |missing| Err(EligibilityError::NoCandidateGrid { promotion, phase, missing });
    match (promotion, phase) {
        (Promotion::Eig2 | Promotion::Eig3, _) => {
            no_grid("les critères sont énumérés mais ni barème ni mode de calcul ne sont donnés")
        }
        (Promotion::Eig4 | Promotion::Eig5, ScoringPhase::PreSelection) => {
            no_grid("la pré-sélection ne donne pas de notes ; la grille notée est celle du jury")
        }
        (Promotion::Eig4, ScoringPhase::Interview) => {
            Ok(grid(&AAC4_CRITERIA, 4, Aggregation::Sum, rules::EIG4_CANDIDATE_GRID))
        }
        (Promotion::Eig5, ScoringPhase::Interview) => {
            Ok(grid(&AAC5_CRITERIA, 4, Aggregation::Sum, rules::EIG5_CANDIDATE_GRID))
        }
        (Promotion::Eig6, ScoringPhase::PreSelection) => {
            Ok(grid(&AAC6_PRE_SELECTION, 5, Aggregation::Mean, rules::EIG6_CANDIDATE_GRID))
        }
        (Promotion::Eig6, ScoringPhase::Interview) => {
            Ok(grid(&AAC6_SELECTION, 5, Aggregation::Mean, rules::EIG6_CANDIDATE_GRID))
        }
        (Promotion::Eig7, ScoringPhase::PreSelection) => {
            Ok(grid(&REG7_PRE_SELECTION, 5, Aggregation::Mean, rules::EIG7_CANDIDATE_GRID))
        }
        (Promotion::Eig7, ScoringPhase::Interview) => {
            Ok(grid(&REG7_INTERVIEW, 5, Aggregation::Mean, rules::EIG7_INTERVIEW_GRID))
        }
        // EIG1 and DIG1 (and a promotion this crate does not know yet) publish no grid.
        _ => Err(EligibilityError::NoPublishedRules {
            promotion,
            scope: crate::error::SCOPE_CANDIDATE_SCORING,
        }),
    }
}

/// The jury's marks for candidates in one phase of a promotion.
///
/// # Example
/// ```
/// use eig_eligibility::CandidateScoreSheet;
///
/// let sheet: CandidateScoreSheet = serde_json::from_str(r#"{
///   "promotion": "EIG5", "phase": "interview",
///   "rows": [{"candidate": "c1", "defi": "d1", "profile": "designer", "scores": [4, 3, 3, 4, 2]}]
/// }"#)?;
/// assert_eq!(sheet.rows[0].scores.len(), 5);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CandidateScoreSheet {
    /// The promotion.
    pub promotion: Promotion,
    /// The phase the marks were given in.
    pub phase: ScoringPhase,
    /// One row per candidate and list (a défi and a profile, or a profile alone).
    pub rows: Vec<CandidateScores>,
}

/// One candidate's marks on one list: a (défi, profile) list, or a profile list where the
/// phase ranks by profile alone ([`ListKey`]).
///
/// # Example
/// ```
/// use eig_eligibility::CandidateScores;
///
/// let row: CandidateScores = serde_json::from_str(
///     r#"{"candidate": "c1", "defi": "d1", "profile": "developer", "scores": [5, 4]}"#,
/// )?;
/// assert_eq!(row.candidate.as_str(), "c1");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CandidateScores {
    /// The candidate.
    pub candidate: CandidateId,
    /// The défi (or project) the list is for; none where the phase ranks by profile alone
    /// (the EIG6 and EIG7 pre-selections).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defi: Option<DefiId>,
    /// The profile the list is for.
    pub profile: TalentProfile,
    /// One mark per criterion, in the grid's order.
    pub scores: Vec<u8>,
}

/// The rankings of one phase: one per list (défi and profile, or profile alone), in that
/// order.
///
/// # Example
/// ```
/// use eig_eligibility::{rank_candidates, CandidateScoreSheet};
///
/// let sheet: CandidateScoreSheet = serde_json::from_str(r#"{
///   "promotion": "EIG6", "phase": "interview",
///   "rows": [
///     {"candidate": "c1", "defi": "d1", "profile": "designer", "scores": [4, 4, 4, 4, 4, 4]},
///     {"candidate": "c2", "defi": "d1", "profile": "designer", "scores": [5, 3, 4, 4, 4, 4]},
///     {"candidate": "c3", "defi": "d1", "profile": "designer", "scores": [5, 5, 4, 4, 4, 4]}
///   ]
/// }"#)?;
/// let rankings = rank_candidates(&sheet)?;
/// let ranks = &rankings.lists[0].ranks;
/// assert_eq!(ranks.len(), 2);
/// assert_eq!(ranks[0][0].as_str(), "c3");
/// assert_eq!(ranks[1].iter().map(|c| c.as_str()).collect::<Vec<_>>(), ["c1", "c2"]); // a tie
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CandidateRankings {
    /// The grid used.
    pub grid: CandidateGrid,
    /// One ranking per list, sorted by défi (the profile lists first) then profile.
    pub lists: Vec<CandidateRanking>,
}

/// The ranking of one list: a (défi, profile) list, or a profile list (no défi).
///
/// `ranks` has the shape `eig_matching::RankingInput::ranks` takes (tie groups, best first),
/// for a list with a défi: `RankingInput { defi, profile: list.profile, ranks:
/// list.ranks.clone(), offers: Vec::new() }`.
///
/// # Example
/// ```
/// use eig_eligibility::{rank_candidates, CandidateScoreSheet};
///
/// let sheet: CandidateScoreSheet = serde_json::from_str(r#"{
///   "promotion": "EIG4", "phase": "interview",
///   "rows": [
///     {"candidate": "b", "defi": "d1", "profile": "designer", "scores": [4, 4, 4, 4, 4]},
///     {"candidate": "a", "defi": "d1", "profile": "designer", "scores": [4, 4, 4, 4, 4]}
///   ]
/// }"#)?;
/// let list = &rank_candidates(&sheet)?.lists[0];
/// assert_eq!(list.scored[1].rank, 1); // both first, ex aequo
/// assert_eq!(list.scored[0].candidate.as_str(), "a"); // listed by id within the tie
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CandidateRanking {
    /// The défi; none for a profile list.
    pub defi: Option<DefiId>,
    /// The profile.
    pub profile: TalentProfile,
    /// Tie groups, best first; within a group, candidates by id.
    pub ranks: Vec<Vec<CandidateId>>,
    /// Every candidate with its total and rank, best first.
    pub scored: Vec<ScoredCandidate>,
}

/// One candidate's place in a ranking.
///
/// # Example
/// ```
/// use eig_eligibility::{rank_candidates, CandidateScoreSheet};
///
/// let sheet: CandidateScoreSheet = serde_json::from_str(r#"{
///   "promotion": "EIG7", "phase": "pre_selection",
///   "rows": [{"candidate": "c", "profile": "product_director", "scores": [5, 2]}]
/// }"#)?;
/// let scored = &rank_candidates(&sheet)?.lists[0].scored[0];
/// assert_eq!((scored.total, scored.criteria, scored.rank), (7, 2, 1)); // mean 7 / 2 = 3.5
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ScoredCandidate {
    /// The candidate.
    pub candidate: CandidateId,
    /// The sum of the marks (for a mean grid, the mean is `total / criteria`, kept exact).
    pub total: u32,
    /// How many marks were added.
    pub criteria: u32,
    /// Position from 1; ex aequo share it (1, 1, 3).
    pub rank: u32,
}

/// Turns the jury's marks into one ranking per list (défi and profile, or profile alone),
/// with ties.
///
/// # Errors
/// The grid's errors (see [`candidate_grid`]);
/// [`EligibilityError::CandidateWrongNumberOfScores`],
/// [`EligibilityError::CandidateScoreOutOfScale`],
/// [`EligibilityError::DuplicateCandidateScores`],
/// [`EligibilityError::DuplicateCandidateProfileScores`] and
/// [`EligibilityError::CandidateListKey`] (a défi given where the phase ranks by profile, or
/// missing where it ranks by défi) for malformed sheets.
///
/// # Example
/// ```
/// use eig_eligibility::{rank_candidates, CandidateScoreSheet, EligibilityError};
///
/// let sheet: CandidateScoreSheet = serde_json::from_str(r#"{
///   "promotion": "EIG4", "phase": "interview",
///   "rows": [{"candidate": "c", "defi": "d", "profile": "developer", "scores": [5, 4, 4, 4, 4]}]
/// }"#)?;
/// let err = rank_candidates(&sheet).unwrap_err(); // AAC4 art. 6.2, « une note de 4 »: 5 is out of scale
/// assert!(matches!(err, EligibilityError::CandidateScoreOutOfScale { score: 5, .. }));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn rank_candidates(sheet: &CandidateScoreSheet) -> Result<CandidateRankings, EligibilityError> {
    let grid = candidate_grid(sheet.promotion, sheet.phase)?;
    let scale = grid.scale;
    let criteria = grid.criteria.len();
    let mut seen = BTreeSet::new();
    let mut lists: BTreeMap<ListOf<'_>, Vec<(u32, &CandidateId)>> = BTreeMap::new();
    for row in &sheet.rows {
        check_row(row, &grid, &mut seen)?;
        if let Some(&score) = row.scores.iter().find(|s| !(scale.min..=scale.max).contains(s)) {
            return Err(EligibilityError::CandidateScoreOutOfScale {
                candidate: row.candidate.clone(),
                score,
                min: scale.min,
                max: scale.max,
            });
        }
        let total = row.scores.iter().map(|&s| u32::from(s)).sum::<u32>();
        lists.entry((row.defi.as_ref(), row.profile)).or_default().push((total, &row.candidate));
    }
    let criteria = u32::try_from(criteria).unwrap_or(u32::MAX);
    let lists = lists
        .into_iter()
        .map(|((defi, profile), mut rows)| {
            rows.sort_by(|(total_a, a), (total_b, b)| total_b.cmp(total_a).then_with(|| a.cmp(b)));
            let mut ranks: Vec<Vec<CandidateId>> = Vec::new();
            let mut scored = Vec::with_capacity(rows.len());
            let mut previous = None;
            let mut rank = 0;
            for (position, (total, candidate)) in rows.into_iter().enumerate() {
                if previous == Some(total) {
                    if let Some(group) = ranks.last_mut() {
                        group.push(candidate.clone());
                    }
                } else {
                    rank = u32::try_from(position + 1).unwrap_or(u32::MAX);
                    ranks.push(vec![candidate.clone()]);
                }
                previous = Some(total);
                scored.push(ScoredCandidate {
                    candidate: candidate.clone(),
                    total,
                    criteria,
                    rank,
                });
            }
            CandidateRanking { defi: defi.cloned(), profile, ranks, scored }
        })
        .collect();
    Ok(CandidateRankings { grid, lists })
}

/// A list's key: its défi (none for a profile list) and its profile.
type ListOf<'a> = (Option<&'a DefiId>, TalentProfile);

/// A row's list key against the phase's, its uniqueness on its list and its number of marks.
fn check_row<'a>(
    row: &'a CandidateScores,
    grid: &CandidateGrid,
    seen: &mut BTreeSet<(&'a CandidateId, Option<&'a DefiId>, TalentProfile)>,
) -> Result<(), EligibilityError> {
    let defi_given = row.defi.is_some();
    let fits = match grid.lists {
        ListKey::DefiAndProfile => defi_given,
        ListKey::Profile => !defi_given,
        _ => true,
    };
    if !fits {
        return Err(EligibilityError::CandidateListKey {
            candidate: row.candidate.clone(),
            promotion: grid.promotion,
            phase: grid.phase,
            defi_given,
        });
    }
    if !seen.insert((&row.candidate, row.defi.as_ref(), row.profile)) {
        return Err(match &row.defi {
            Some(defi) => EligibilityError::DuplicateCandidateScores {
                candidate: row.candidate.clone(),
                defi: defi.clone(),
                profile: row.profile,
            },
            None => EligibilityError::DuplicateCandidateProfileScores {
                candidate: row.candidate.clone(),
                profile: row.profile,
            },
        });
    }
    if row.scores.len() != grid.criteria.len() {
        return Err(EligibilityError::CandidateWrongNumberOfScores {
            candidate: row.candidate.clone(),
            expected: grid.criteria.len(),
            found: row.scores.len(),
        });
    }
    Ok(())
}
