//! The juries' scoring grids: a promotion's criteria and their published scale, which the
//! promotion's rules give ([`RuleSet::scoring_grid`](crate::RuleSet::scoring_grid)) and the
//! selection of laureates reads, and the phases of the candidates' scoring.

use eig_domain::{Promotion, Source, Sourced};
use serde::{Deserialize, Serialize};

/// A promotion's grid for défi dossiers.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_eligibility::rule_set;
///
/// let grid = rule_set(Promotion::Eig4)?.scoring_grid()?;
/// assert_eq!(grid.criteria.len(), 5);
/// assert_eq!(grid.scale.map(|scale| (scale.value.min, scale.value.max)), Some((1, 4)));
/// # Ok::<(), eig_eligibility::EligibilityError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ScoringGrid {
    /// The promotion.
    pub promotion: Promotion,
    /// The criteria, in the source's order.
    pub criteria: Vec<Criterion>,
    /// The published scale, when a source gives one (JURY4: 1 to 4).
    pub scale: Option<Sourced<ScoreScale>>,
    /// Whether the source states equal weights (AAP6 §5.5 « à pondération égale »).
    pub equal_weights_stated: bool,
    /// Where the grid is published.
    pub source: Source,
}

/// One criterion of a grid.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_eligibility::rule_set;
///
/// let grid = rule_set(Promotion::Eig6)?.scoring_grid()?;
/// assert_eq!(grid.criteria[0].name, "Pertinence du besoin");
/// # Ok::<(), eig_eligibility::EligibilityError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Criterion {
    /// Its name, as the source words it.
    pub name: &'static str,
}

impl Criterion {
    pub(crate) const fn new(name: &'static str) -> Criterion {
        Criterion { name }
    }
}

/// A score scale, both ends included.
///
/// # Example
/// ```
/// use eig_eligibility::ScoreScale;
///
/// let scale: ScoreScale = serde_json::from_str(r#"{"min": 0, "max": 5}"#)?;
/// assert_eq!(scale, ScoreScale { min: 0, max: 5 });
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScoreScale {
    /// Lowest score.
    pub min: u8,
    /// Highest score.
    pub max: u8,
}

/// The phase of the candidates' selection a grid is used in.
///
/// # Example
/// ```
/// use eig_eligibility::ScoringPhase;
///
/// let phase: ScoringPhase = serde_json::from_str(r#""pre_selection""#)?;
/// assert_eq!(phase, ScoringPhase::PreSelection);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ScoringPhase {
    /// The written applications (*pré-sélection*, *présélection sur dossier*): EIG6, EIG7.
    PreSelection,
    /// The jury's audition or interview (*audition*, *entretien*): EIG4–EIG7.
    Interview,
}

impl ScoringPhase {
    /// The phase in French.
    ///
    /// # Example
    /// ```
    /// use eig_eligibility::ScoringPhase;
    ///
    /// assert_eq!(ScoringPhase::Interview.french(), "audition ou entretien");
    /// ```
    pub const fn french(self) -> &'static str {
        match self {
            ScoringPhase::PreSelection => "pré-sélection sur dossier",
            ScoringPhase::Interview => "audition ou entretien",
        }
    }
}
