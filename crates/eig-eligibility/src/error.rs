//! Inputs that cannot be judged: a promotion without published rules, exceptions that
//! conflict, malformed jury sheets. An ineligible dossier is not an error.

use eig_domain::{CandidateId, DefiId, Promotion, TalentProfile};

use crate::candidate_scoring::ScoringPhase;

/// Why an input cannot be judged.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_eligibility::{rule_set, EligibilityError};
///
/// let err = rule_set(Promotion::Eig1).unwrap_err();
/// assert_eq!(err.to_string(), "promotion EIG1 has no published rules for défi dossiers, candidates and selection");
/// assert!(matches!(err, EligibilityError::NoPublishedRules { .. }));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EligibilityError {
    /// The sources publish no rules for this promotion and this kind of decision.
    #[error("promotion {promotion} has no published rules for {scope}")]
    NoPublishedRules {
        /// The promotion.
        promotion: Promotion,
        /// What has no rules.
        scope: &'static str,
    },
    /// Two exceptions apply to the same dossier and the sources do not order them.
    #[error("rule {rule}: exceptions {first:?} and {second:?} both apply and conflict")]
    ConflictingExceptions {
        /// The rule where they meet.
        rule: &'static str,
        /// The first exception.
        first: &'static str,
        /// The second exception.
        second: &'static str,
    },
    /// A jury sheet has the wrong number of scores for the promotion's criteria.
    #[error("défi {defi}: {found} scores given, the grid has {expected} criteria")]
    WrongNumberOfScores {
        /// The défi.
        defi: DefiId,
        /// Criteria in the grid.
        expected: usize,
        /// Scores given.
        found: usize,
    },
    /// A score is outside the scale.
    #[error("défi {defi}: score {score} is outside the scale {min}..={max}")]
    ScoreOutOfScale {
        /// The défi.
        defi: DefiId,
        /// The score.
        score: u8,
        /// Lowest score.
        min: u8,
        /// Highest score.
        max: u8,
    },
    /// The promotion publishes no scale and the caller gave none.
    #[error("promotion {promotion} publishes no score scale: the caller must give one")]
    ScaleRequired {
        /// The promotion.
        promotion: Promotion,
    },
    /// The caller's scale differs from the published one.
    #[error(
        "scale {min}..={max} differs from the published scale {published_min}..={published_max}"
    )]
    ScaleMismatch {
        /// Caller's lowest score.
        min: u8,
        /// Caller's highest score.
        max: u8,
        /// Published lowest score.
        published_min: u8,
        /// Published highest score.
        published_max: u8,
    },
    /// A scale whose lowest score is above its highest.
    #[error("scale {min}..={max} is empty")]
    EmptyScale {
        /// Lowest score.
        min: u8,
        /// Highest score.
        max: u8,
    },
    /// A funding envelope is given but a dossier has no requested amount.
    #[error("défi {defi}: a funding envelope is given but the dossier has no requested amount")]
    MissingAmount {
        /// The défi.
        defi: DefiId,
    },
    /// The same défi appears twice on the jury sheet.
    #[error("défi {defi} appears twice on the jury sheet")]
    DuplicateDefi {
        /// The défi.
        defi: DefiId,
    },
    /// The dossier or application belongs to another promotion than the rule set's.
    #[error("input of promotion {found} given to the rules of {expected}")]
    PromotionMismatch {
        /// The rule set's promotion.
        expected: Promotion,
        /// The input's promotion.
        found: Promotion,
    },
    /// The promotion's texts give no marked grid for candidates in this phase.
    #[error("promotion {promotion} publishes no candidate grid for the {} phase: {missing}", phase_name(*.phase))]
    NoCandidateGrid {
        /// The promotion.
        promotion: Promotion,
        /// The phase.
        phase: ScoringPhase,
        /// What the texts lack.
        missing: &'static str,
    },
    /// A candidate's row has the wrong number of marks for the grid's criteria.
    #[error("candidate {candidate}: {found} scores given, the grid has {expected} criteria")]
    CandidateWrongNumberOfScores {
        /// The candidate.
        candidate: CandidateId,
        /// Criteria in the grid.
        expected: usize,
        /// Scores given.
        found: usize,
    },
    /// A candidate's mark is outside the grid's scale.
    #[error("candidate {candidate}: score {score} is outside the scale {min}..={max}")]
    CandidateScoreOutOfScale {
        /// The candidate.
        candidate: CandidateId,
        /// The score.
        score: u8,
        /// Lowest score.
        min: u8,
        /// Highest score.
        max: u8,
    },
    /// The same candidate is marked twice on the same (défi, profile) list.
    #[error("candidate {candidate} is scored twice for défi {defi} and profile {profile}")]
    DuplicateCandidateScores {
        /// The candidate.
        candidate: CandidateId,
        /// The défi.
        defi: DefiId,
        /// The profile.
        profile: TalentProfile,
    },
    /// A date computed from this one falls outside chrono's calendar.
    #[error("a date computed from {day} falls outside the calendar")]
    DateOutOfRange {
        /// The day given.
        day: chrono::NaiveDate,
    },
    /// The talent's arrival in the partner administration precedes the contract.
    #[error("arrival on {arrived_on} precedes the contract's first day {starts_on}")]
    ArrivalBeforeContract {
        /// The contract's first day.
        starts_on: chrono::NaiveDate,
        /// The arrival day.
        arrived_on: chrono::NaiveDate,
    },
    /// A sum of amounts overflowed.
    #[error("the requested amounts overflow")]
    AmountOverflow,
    /// An instant so close to the limits of the calendar that its local time (in its own
    /// offset or in Paris time) cannot be represented, so it cannot be shown or compared with a
    /// Paris closing.
    #[error(
        "input {input}: the instant {unix_seconds} s after 1970-01-01T00:00:00Z is too close to \
         the limits of the calendar to be read in its offset or in Paris time"
    )]
    InstantOutOfRange {
        /// The input path (`submitted_at`, `choices_submitted_at`).
        input: &'static str,
        /// The instant, in seconds since the Unix epoch (its local time cannot be written).
        unix_seconds: i64,
    },
}

/// A phase's name in messages.
fn phase_name(phase: ScoringPhase) -> &'static str {
    match phase {
        ScoringPhase::PreSelection => "pre-selection",
        ScoringPhase::Interview => "interview",
    }
}

impl EligibilityError {
    /// The error's kind as a stable `snake_case` name: what a case file writes in its
    /// `expected.error` (`eig-cases`), independent of the message's wording.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_eligibility::rule_set;
    ///
    /// assert_eq!(rule_set(Promotion::Eig1).unwrap_err().code(), "no_published_rules");
    /// ```
    pub const fn code(&self) -> &'static str {
        match self {
            EligibilityError::NoPublishedRules { .. } => "no_published_rules",
            EligibilityError::ConflictingExceptions { .. } => "conflicting_exceptions",
            EligibilityError::WrongNumberOfScores { .. } => "wrong_number_of_scores",
            EligibilityError::ScoreOutOfScale { .. } => "score_out_of_scale",
            EligibilityError::ScaleRequired { .. } => "scale_required",
            EligibilityError::ScaleMismatch { .. } => "scale_mismatch",
            EligibilityError::EmptyScale { .. } => "empty_scale",
            EligibilityError::MissingAmount { .. } => "missing_amount",
            EligibilityError::DuplicateDefi { .. } => "duplicate_defi",
            EligibilityError::PromotionMismatch { .. } => "promotion_mismatch",
            EligibilityError::NoCandidateGrid { .. } => "no_candidate_grid",
            EligibilityError::CandidateWrongNumberOfScores { .. } => {
                "candidate_wrong_number_of_scores"
            }
            EligibilityError::CandidateScoreOutOfScale { .. } => "candidate_score_out_of_scale",
            EligibilityError::DuplicateCandidateScores { .. } => "duplicate_candidate_scores",
            EligibilityError::DateOutOfRange { .. } => "date_out_of_range",
            EligibilityError::ArrivalBeforeContract { .. } => "arrival_before_contract",
            EligibilityError::InstantOutOfRange { .. } => "instant_out_of_range",
            EligibilityError::AmountOverflow => "amount_overflow",
        }
    }
}
