//! Laureate selection: the jury scores eligible dossiers on the promotion's grid, the
//! dossiers are ranked, and laureates are taken by rank within the places and, when given,
//! the funding envelope.
//!
//! Ranking (the default order is ours; [`TieBreak::RankingFirst`] gives JURY4's). JURY4 says « La sélection finale se fera en fonction du
//! classement, mais aussi des notes et des commentaires que vous aurez faits et qui serviront à
//! départager les défis ex-aequo »: the jury's ranking first, scores for ties. But each sub-jury
//! ranks only its own 2 or 3 défis, so no ranking is common to all dossiers, and comments cannot
//! be read by a program; the total on the common grid comes first here, the ranking second:
//! 1. total score, highest first (equal weights: stated by AAP6 §5.5, taken as the reading
//!    of the other grids, which state no weights);
//! 2. the jury's ranking position (JURY4 step 4), lowest position first, unranked last (the
//!    reverse of JURY4's precedence: an interpretation, see `docs/rules/eligibility.md`;
//!    [`TieBreak::RankingFirst`] puts the ranking first, as JURY4 does);
//! 3. the criteria scores compared in the grid's order, highest first (the grids list the
//!    impact or need criterion first);
//! 4. the défi id, in byte order, so that the result never depends on the input order.
//!
//! With an envelope, a dossier whose requested amount exceeds what remains is passed over and
//! the next one in rank is considered (the envelope caps money, the ranking orders merit).

use std::collections::BTreeSet;

use eig_domain::{DefiId, Euros, Promotion, Source};
use serde::{Deserialize, Serialize};

use crate::{error::EligibilityError, grid::ScoreScale, rules::rule_set};

/// The jury's sheet: places, optional envelope and the scores of each eligible dossier.
///
/// # Example
/// ```
/// use eig_eligibility::{select_laureates, JurySheet, SelectionStatus};
///
/// let sheet: JurySheet = serde_json::from_str(r#"{
///   "promotion": "EIG4", "places": 1,
///   "dossiers": [
///     {"defi": "a", "scores": [4, 4, 3, 3, 2]},
///     {"defi": "b", "scores": [4, 4, 4, 3, 2]}
///   ]
/// }"#)?;
/// let selection = select_laureates(&sheet)?;
/// assert_eq!(selection.ranking[0].defi.as_str(), "b");
/// assert_eq!(selection.ranking[0].status, SelectionStatus::Selected);
/// assert_eq!(selection.ranking[1].status, SelectionStatus::NoPlaceLeft);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct JurySheet {
    /// The promotion.
    pub promotion: Promotion,
    /// How many défis may be selected.
    pub places: u32,
    /// The funding envelope, when the selection is bounded by one.
    #[serde(default)]
    pub envelope: Option<Euros>,
    /// The scale used, required when the promotion publishes none.
    #[serde(default)]
    pub scale: Option<ScoreScale>,
    /// The eligible dossiers and their scores.
    pub dossiers: Vec<ScoredDossier>,
    /// Which comes first, the total on the grid or the jury's ranking (default: the total;
    /// `ranking_first` is JURY4's own order, see [`TieBreak`]).
    #[serde(default)]
    pub tie_break: TieBreak,
    /// What an unfavourable opinion of the jury does (default: it informs, and the ranking
    /// decides; see [`UnfavourableOpinion`]).
    #[serde(default)]
    pub unfavourable_opinion: UnfavourableOpinion,
    /// The call the sheet selects for, when it is not the promotion's call for défis: `eig6plus`,
    /// the co-financing of promotion 6's prolongations, whose grid is AAC6+ §3.5's five
    /// criteria (see [`JuryCall`]). Absent from the JSON when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<JuryCall>,
}

/// A call whose jury sheet is not the promotion's call for défis.
///
/// JSON: `"eig6plus"`.
///
/// # Example
/// ```
/// use eig_eligibility::{JurySheet, JuryCall, select_laureates};
///
/// // AAC6+ §3.5 lists five criteria and states no scale: the caller gives the one used.
/// let sheet: JurySheet = serde_json::from_str(r#"{
///   "promotion": "EIG6", "call": "eig6plus", "places": 1, "scale": {"min": 0, "max": 3},
///   "dossiers": [{"defi": "a", "scores": [3, 3, 2, 2, 1]}, {"defi": "b", "scores": [3, 3, 3, 2, 1]}]
/// }"#)?;
/// assert_eq!(sheet.call, Some(JuryCall::Eig6Plus));
/// let selection = select_laureates(&sheet)?;
/// assert_eq!(selection.source.to_string(), "AAC6+ §3.5");
/// assert_eq!(selection.ranking[0].defi.as_str(), "b");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum JuryCall {
    /// EIG6+ (2023): the selection of the prolongations to co-finance (AAC6+ §3.2: the DINUM
    /// « Sélectionne les administrations lauréates de la prolongation du cofinancement »), on
    /// the five criteria of AAC6+ §3.5. The text gives no scale, no weights and no number of
    /// laureates: the scale and the places are the caller's; the total is the unweighted sum,
    /// a reading (`docs/rules/assumptions.md`, `eig6plus-selection-grid`).
    #[serde(rename = "eig6plus")]
    Eig6Plus,
}

impl JuryCall {
    /// The call as the JSON names it.
    const fn name(self) -> &'static str {
        match self {
            JuryCall::Eig6Plus => "eig6plus",
        }
    }
}

/// The opinion a jury gives each défi on its general grid. JURY4 (« Le jour J », step 4): « Il
/// vous sera demandé d’y exprimer un avis favorable ou défavorable pour chaque défi ».
///
/// JSON: `"favourable"` or `"unfavourable"`.
///
/// # Example
/// ```
/// use eig_eligibility::JuryOpinion;
///
/// let opinion: JuryOpinion = serde_json::from_str(r#""unfavourable""#)?;
/// assert_eq!(opinion, JuryOpinion::Unfavourable);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum JuryOpinion {
    /// *Avis favorable*.
    Favourable,
    /// *Avis défavorable*.
    Unfavourable,
}

/// What an unfavourable opinion does to a dossier's selection. JURY4 asks for the opinion
/// (« un avis favorable ou défavorable pour chaque défi ») on the general grid that « nous
/// permettra de classer les défis », and says the final selection is made « en fonction du
/// classement », the scores and the comments: it does not say that an unfavourable opinion
/// excludes a défi (`docs/rules/assumptions.md`, `jury4-opinion`).
///
/// JSON: `"informs"` (the default) or `"excludes"`.
///
/// # Example
/// ```
/// use eig_eligibility::{JurySheet, SelectionStatus, UnfavourableOpinion, select_laureates};
///
/// let mut sheet: JurySheet = serde_json::from_str(r#"{
///   "promotion": "EIG4", "places": 1,
///   "dossiers": [
///     {"defi": "a", "scores": [4, 4, 4, 4, 4], "jury_opinion": "unfavourable"},
///     {"defi": "b", "scores": [3, 3, 3, 3, 3], "jury_opinion": "favourable"}
///   ]
/// }"#)?;
/// assert_eq!(sheet.unfavourable_opinion, UnfavourableOpinion::Informs);
/// assert_eq!(select_laureates(&sheet)?.ranking[0].status, SelectionStatus::Selected);
/// sheet.unfavourable_opinion = UnfavourableOpinion::Excludes;
/// let ranking = select_laureates(&sheet)?.ranking;
/// assert_eq!(ranking[0].status, SelectionStatus::UnfavourableOpinion);
/// assert_eq!((ranking[1].defi.as_str(), ranking[1].status), ("b", SelectionStatus::Selected));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnfavourableOpinion {
    /// The opinion is reported with the dossier's rank and decides nothing: the ranking, the
    /// places and the envelope do (the project's reading).
    #[default]
    Informs,
    /// A dossier with an unfavourable opinion is not selected, whatever its rank; its place
    /// goes to the next one (the other reading, a caller's choice).
    Excludes,
}

/// Which key orders the dossiers first. JURY4 (« Le jour J »): « La sélection finale se fera
/// en fonction du classement, mais aussi des notes et des commentaires que vous aurez faits et
/// qui serviront à départager les défis ex-aequo »: the ranking first, the scores for ties.
///
/// JSON: `"total_first"` (the default) or `"ranking_first"`.
///
/// # Example
/// ```
/// use eig_eligibility::{JurySheet, TieBreak, select_laureates};
///
/// // Dossier a has the higher total, b the better ranking.
/// let mut sheet: JurySheet = serde_json::from_str(r#"{
///   "promotion": "EIG4", "places": 1,
///   "dossiers": [
///     {"defi": "a", "scores": [4, 4, 4, 4, 4], "jury_rank": 2},
///     {"defi": "b", "scores": [3, 3, 3, 3, 3], "jury_rank": 1}
///   ]
/// }"#)?;
/// assert_eq!(sheet.tie_break, TieBreak::TotalFirst);
/// assert_eq!(select_laureates(&sheet)?.ranking[0].defi.as_str(), "a");
/// sheet.tie_break = TieBreak::RankingFirst;
/// assert_eq!(select_laureates(&sheet)?.ranking[0].defi.as_str(), "b");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TieBreak {
    /// The total on the common grid first, then the jury's ranking position, then the
    /// criteria in the grid's order, then the défi id. The project's reading: each sub-jury
    /// ranks only its own 2 or 3 défis (JURY4, step 4), so a ranking position is not common
    /// to all dossiers, while the grid is (`docs/rules/assumptions.md`, `selection-tie-break`).
    #[default]
    TotalFirst,
    /// JURY4's order: the ranking position first (unranked last), then the total, the
    /// criteria and the défi id. For a caller whose `jury_rank` is one ranking common to all
    /// dossiers (the programme's *classement*).
    RankingFirst,
}

/// One dossier's scores.
///
/// # Example
/// ```
/// use eig_eligibility::ScoredDossier;
///
/// let row: ScoredDossier = serde_json::from_str(
///     r#"{"defi": "eig4-a", "scores": [4, 3, 3, 2, 4], "jury_rank": 1, "requested": "20000.00"}"#,
/// )?;
/// assert_eq!(row.scores.len(), 5);
/// assert_eq!(row.jury_rank, Some(1));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScoredDossier {
    /// The défi.
    pub defi: DefiId,
    /// One score per criterion, in the grid's order.
    pub scores: Vec<u8>,
    /// The jury's overall ranking position (1 = preferred), when given.
    #[serde(default)]
    pub jury_rank: Option<u32>,
    /// The amount requested from the envelope (e.g. from `eig-funding`).
    #[serde(default)]
    pub requested: Option<Euros>,
    /// The jury's opinion on the défi, when given (JURY4 step 4: « un avis favorable ou
    /// défavorable pour chaque défi »).
    #[serde(default)]
    pub jury_opinion: Option<JuryOpinion>,
}

/// The result of a selection.
///
/// # Example
/// ```
/// use eig_eligibility::{select_laureates, JurySheet};
///
/// let sheet: JurySheet = serde_json::from_str(r#"{
///   "promotion": "EIG4", "places": 2, "envelope": "30000.00",
///   "dossiers": [
///     {"defi": "a", "scores": [4, 4, 4, 4, 4], "requested": "20000.00"},
///     {"defi": "b", "scores": [3, 3, 3, 3, 3], "requested": "8000.00"}
///   ]
/// }"#)?;
/// let selection = select_laureates(&sheet)?;
/// assert_eq!(selection.committed.map(|sum| sum.to_string()), Some("28000.00".to_owned()));
/// assert_eq!(selection.source.to_string(), "AAP4 §5.5");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Selection {
    /// The promotion.
    pub promotion: Promotion,
    /// Places available.
    pub places: u32,
    /// The envelope, when given.
    pub envelope: Option<Euros>,
    /// What the selected dossiers request in total, when an envelope is given.
    pub committed: Option<Euros>,
    /// Every dossier, in rank order.
    pub ranking: Vec<Ranked>,
    /// The grid's source.
    pub source: Source,
}

/// One dossier in the ranking.
///
/// # Example
/// ```
/// use eig_eligibility::{select_laureates, JurySheet};
///
/// let sheet: JurySheet = serde_json::from_str(r#"{
///   "promotion": "EIG4", "places": 1,
///   "dossiers": [{"defi": "a", "scores": [4, 3, 3, 2, 4]}, {"defi": "b", "scores": [4, 3, 3, 2, 4]}]
/// }"#)?;
/// let ranking = select_laureates(&sheet)?.ranking;
/// assert_eq!((ranking[1].rank, ranking[1].defi.as_str(), ranking[1].total), (2, "b", 16));
/// assert!(ranking[1].tied_on_total); // ordered by the défi id, the last tie-break
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Ranked {
    /// Position, from 1.
    pub rank: u32,
    /// The défi.
    pub defi: DefiId,
    /// The total score.
    pub total: u32,
    /// Whether its total equals the previous dossier's, so a tie-break ordered them.
    pub tied_on_total: bool,
    /// The amount requested, when given.
    pub requested: Option<Euros>,
    /// Selected or not, and why.
    pub status: SelectionStatus,
    /// The jury's opinion, when given (absent from the JSON otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jury_opinion: Option<JuryOpinion>,
}

/// Whether a ranked dossier is selected.
///
/// # Example
/// ```
/// use eig_eligibility::{select_laureates, JurySheet, SelectionStatus};
///
/// let sheet: JurySheet = serde_json::from_str(r#"{
///   "promotion": "EIG4", "places": 2, "envelope": "10000.00",
///   "dossiers": [
///     {"defi": "a", "scores": [4, 4, 4, 4, 4], "requested": "20000.00"},
///     {"defi": "b", "scores": [3, 3, 3, 3, 3], "requested": "8000.00"}
///   ]
/// }"#)?;
/// let ranking = select_laureates(&sheet)?.ranking;
/// assert!(matches!(ranking[0].status, SelectionStatus::AboveRemainingEnvelope { .. }));
/// assert_eq!(ranking[1].status, SelectionStatus::Selected);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
#[non_exhaustive]
pub enum SelectionStatus {
    /// Selected (lauréat).
    Selected,
    /// Every place was taken by better-ranked dossiers.
    NoPlaceLeft,
    /// Its requested amount exceeds what remains of the envelope.
    AboveRemainingEnvelope {
        /// What remained when its turn came.
        remaining: Euros,
    },
    /// The jury gave an unfavourable opinion, and the sheet reads it as excluding
    /// ([`UnfavourableOpinion::Excludes`]).
    UnfavourableOpinion,
}

/// Ranks the dossiers and selects the laureates.
///
/// # Errors
/// [`EligibilityError::NoPublishedRules`] when the promotion has no published grid;
/// [`EligibilityError::ScaleRequired`], [`EligibilityError::ScaleMismatch`],
/// [`EligibilityError::EmptyScale`], [`EligibilityError::WrongNumberOfScores`],
/// [`EligibilityError::ScoreOutOfScale`], [`EligibilityError::DuplicateDefi`],
/// [`EligibilityError::MissingAmount`] for malformed sheets.
///
/// # Example
/// ```
/// use eig_eligibility::{select_laureates, JurySheet};
///
/// let sheet: JurySheet = serde_json::from_str(r#"{
///   "promotion": "EIG4", "places": 1, "dossiers": [{"defi": "a", "scores": [5, 4, 3, 3, 2]}]
/// }"#)?;
/// assert!(select_laureates(&sheet).is_err()); // 5 is outside JURY4's 1–4
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn select_laureates(sheet: &JurySheet) -> Result<Selection, EligibilityError> {
    let grid = sheet_grid(sheet)?;
    let scale = match (grid.scale.as_ref().map(|scale| scale.value), sheet.scale) {
        (Some(published), None) => published,
        (Some(published), Some(given)) if published == given => published,
        (Some(published), Some(given)) => {
            return Err(EligibilityError::ScaleMismatch {
                min: given.min,
                max: given.max,
                published_min: published.min,
                published_max: published.max,
            });
        }
        (None, Some(given)) => given,
        (None, None) => return Err(EligibilityError::ScaleRequired { promotion: sheet.promotion }),
    };
    if scale.min > scale.max {
        return Err(EligibilityError::EmptyScale { min: scale.min, max: scale.max });
    }
    let mut seen = BTreeSet::new();
    let mut rows = Vec::with_capacity(sheet.dossiers.len());
    for dossier in &sheet.dossiers {
        if !seen.insert(&dossier.defi) {
            return Err(EligibilityError::DuplicateDefi { defi: dossier.defi.clone() });
        }
        if dossier.scores.len() != grid.criteria.len() {
            return Err(EligibilityError::WrongNumberOfScores {
                defi: dossier.defi.clone(),
                expected: grid.criteria.len(),
                found: dossier.scores.len(),
            });
        }
        if let Some(&score) = dossier.scores.iter().find(|s| !(scale.min..=scale.max).contains(s)) {
            return Err(EligibilityError::ScoreOutOfScale {
                defi: dossier.defi.clone(),
                score,
                min: scale.min,
                max: scale.max,
            });
        }
        if sheet.envelope.is_some() && dossier.requested.is_none() {
            return Err(EligibilityError::MissingAmount { defi: dossier.defi.clone() });
        }
        let total = dossier.scores.iter().map(|&s| u32::from(s)).sum::<u32>();
        rows.push((total, dossier));
    }
    rows.sort_by(|a, b| order(sheet.tie_break, *a, *b));

    let mut remaining = sheet.envelope;
    let mut committed = sheet.envelope.map(|_| Euros::from_cents(0));
    let mut selected = 0_u32;
    let mut ranking = Vec::with_capacity(rows.len());
    let mut previous_total = None;
    for (position, (total, dossier)) in rows.into_iter().enumerate() {
        let excluded = sheet.unfavourable_opinion == UnfavourableOpinion::Excludes
            && dossier.jury_opinion == Some(JuryOpinion::Unfavourable);
        let status = if excluded {
            SelectionStatus::UnfavourableOpinion
        } else if selected >= sheet.places {
            SelectionStatus::NoPlaceLeft
        } else {
            match (remaining, dossier.requested) {
                (Some(left), Some(asked)) if asked > left => {
                    SelectionStatus::AboveRemainingEnvelope { remaining: left }
                }
                (Some(left), Some(asked)) => {
                    remaining = Some(left.checked_sub(asked).map_err(|_| {
                        EligibilityError::AmountOverflow { defi: dossier.defi.clone() }
                    })?);
                    committed =
                        committed.map(|sum| sum.checked_add(asked)).transpose().map_err(|_| {
                            EligibilityError::AmountOverflow { defi: dossier.defi.clone() }
                        })?;
                    selected += 1;
                    SelectionStatus::Selected
                }
                _ => {
                    selected += 1;
                    SelectionStatus::Selected
                }
            }
        };
        ranking.push(Ranked {
            rank: u32::try_from(position + 1).unwrap_or(u32::MAX),
            defi: dossier.defi.clone(),
            total,
            tied_on_total: previous_total == Some(total),
            requested: dossier.requested,
            status,
            jury_opinion: dossier.jury_opinion,
        });
        previous_total = Some(total);
    }
    Ok(Selection {
        promotion: sheet.promotion,
        places: sheet.places,
        envelope: sheet.envelope,
        committed,
        ranking,
        source: grid.source,
    })
}

/// The grid a sheet is scored on: its promotion's, or its call's (EIG6+: AAC6+ §3.5).
fn sheet_grid(sheet: &JurySheet) -> Result<crate::grid::ScoringGrid, EligibilityError> {
    match sheet.call {
        None => rule_set(sheet.promotion)?.scoring_grid(),
        Some(call @ JuryCall::Eig6Plus) if sheet.promotion != Promotion::Eig6 => {
            Err(EligibilityError::CallOfOtherPromotion {
                call: call.name(),
                expected: Promotion::Eig6,
                promotion: sheet.promotion,
            })
        }
        Some(JuryCall::Eig6Plus) => Ok(crate::prolongation::selection_grid()),
    }
}

/// Ranked positions first, in order; unranked last.
fn rank_key(rank: Option<u32>) -> (bool, u32) {
    (rank.is_none(), rank.unwrap_or(0))
}

/// The ranking order of two (total, dossier) rows under `tie_break`.
fn order(
    tie_break: TieBreak,
    (total_a, a): (u32, &ScoredDossier),
    (total_b, b): (u32, &ScoredDossier),
) -> std::cmp::Ordering {
    let by_total = total_b.cmp(&total_a);
    let by_rank = rank_key(a.jury_rank).cmp(&rank_key(b.jury_rank));
    let first = match tie_break {
        TieBreak::RankingFirst => by_rank.then(by_total),
        TieBreak::TotalFirst => by_total.then(by_rank),
    };
    first.then_with(|| b.scores.cmp(&a.scores)).then_with(|| a.defi.cmp(&b.defi))
}
