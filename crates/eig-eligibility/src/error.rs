//! Inputs that cannot be judged: a promotion without published rules, exceptions that
//! conflict, malformed jury sheets. An ineligible dossier is not an error.

use eig_domain::{CandidateId, DefiId, Promotion, TalentProfile};

use crate::{grid::ScoringPhase, outcome::Subject};

/// What has no published rules when a promotion has none at all (EIG1, DIG1).
pub(crate) const SCOPE_CALL: &str = "les dossiers de défi, les candidatures et la sélection";
/// What has no published rules when a promotion has no candidate grid at all.
pub(crate) const SCOPE_CANDIDATE_SCORING: &str = "la notation des candidats";
/// What has no published rules in EIG2: the défi jury's grid.
pub(crate) const SCOPE_DEFI_GRID: &str =
    "la grille du jury des défis (aucun cahier des charges d'EIG2 dans les sources)";

/// Why an input cannot be judged.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_eligibility::{rule_set, EligibilityError};
///
/// let err = rule_set(Promotion::Eig1).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "la promotion EIG1 n'a pas de règles publiées pour les dossiers de défi, les candidatures et \
///      la sélection : un dossier ou une candidature de la promotion EIG1 ne peut être jugé selon des règles \
///      qui n'ont jamais été publiées ; les promotions aux règles publiées sont EIG2 à EIG7"
/// );
/// assert!(matches!(err, EligibilityError::NoPublishedRules { .. }));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EligibilityError {
    /// The sources publish no rules for this promotion and this kind of decision.
    #[error(
        "la promotion {promotion} n'a pas de règles publiées pour {scope} : {}",
        no_rules_advice(*promotion, scope)
    )]
    NoPublishedRules {
        /// The promotion.
        promotion: Promotion,
        /// What has no rules.
        scope: &'static str,
    },
    /// Two exceptions apply to the same dossier and the sources do not order them.
    #[error(
        "dossier du défi {defi} : les exceptions \"{first}\" et \"{second}\" s'appliquent toutes \
         deux (règle {rule}) et les textes ne disent pas laquelle prévaut : n'en déclarez qu'une"
    )]
    ConflictingExceptions {
        /// The défi whose dossier declares both.
        defi: DefiId,
        /// The rule where they meet.
        rule: &'static str,
        /// The first exception.
        first: &'static str,
        /// The second exception.
        second: &'static str,
    },
    /// A jury sheet has the wrong number of scores for the promotion's criteria.
    #[error(
        "défi {defi} : {} pour une grille de {} : donnez une note par critère",
        plural(*found, "note donnée", "notes données"),
        plural(*expected, "critère", "critères")
    )]
    WrongNumberOfScores {
        /// The défi.
        defi: DefiId,
        /// Criteria in the grid.
        expected: usize,
        /// Scores given.
        found: usize,
    },
    /// A score is outside the scale.
    #[error(
        "défi {defi} : la note {score} est hors du barème de {min} à {max} : donnez une note entre {min} et {max}"
    )]
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
    #[error(
        "la promotion {promotion} ne publie pas de barème de notes : donnez-en un (note minimale et maximale)"
    )]
    ScaleRequired {
        /// The promotion.
        promotion: Promotion,
    },
    /// The caller's scale differs from the published one.
    #[error(
        "le barème de {min} à {max} diffère du barème publié, de {published_min} à {published_max} : \
         donnez le barème publié ou aucun"
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
    #[error(
        "le barème de {min} à {max} est vide : la note minimale doit être au plus la note maximale"
    )]
    EmptyScale {
        /// Lowest score.
        min: u8,
        /// Highest score.
        max: u8,
    },
    /// A funding envelope is given but a dossier has no requested amount.
    #[error(
        "défi {defi} : une enveloppe est donnée mais le dossier ne demande aucun montant : \
         donnez le montant demandé (requested) de chaque dossier, ou aucune enveloppe"
    )]
    MissingAmount {
        /// The défi.
        defi: DefiId,
    },
    /// The same défi appears twice on the jury sheet.
    #[error(
        "le défi {defi} figure deux fois sur la feuille du jury : gardez une seule ligne par défi"
    )]
    DuplicateDefi {
        /// The défi.
        defi: DefiId,
    },
    /// The dossier or application belongs to another promotion than the rule set's.
    #[error(
        "{} : la promotion {found} est donnée aux règles de la promotion {expected} : \
         jugez-le avec les règles de la promotion {found}",
        subject_name(subject)
    )]
    PromotionMismatch {
        /// The dossier or candidate.
        subject: Subject,
        /// The rule set's promotion.
        expected: Promotion,
        /// The input's promotion.
        found: Promotion,
    },
    /// The promotion's texts give no marked grid for candidates in this phase.
    #[error(
        "la promotion {promotion} ne publie pas de grille de notation des candidats pour {} : {missing}",
        phase_name(*.phase)
    )]
    NoCandidateGrid {
        /// The promotion.
        promotion: Promotion,
        /// The phase.
        phase: ScoringPhase,
        /// What the texts lack.
        missing: &'static str,
    },
    /// A candidate's row has the wrong number of marks for the grid's criteria.
    #[error(
        "candidat {candidate} : {} pour une grille de {} : donnez une note par critère",
        plural(*found, "note donnée", "notes données"),
        plural(*expected, "critère", "critères")
    )]
    CandidateWrongNumberOfScores {
        /// The candidate.
        candidate: CandidateId,
        /// Criteria in the grid.
        expected: usize,
        /// Scores given.
        found: usize,
    },
    /// A candidate's mark is outside the grid's scale.
    #[error(
        "candidat {candidate} : la note {score} est hors du barème de {min} à {max} : donnez une note entre {min} et {max}"
    )]
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
    #[error(
        "le candidat {candidate} est noté deux fois pour le défi {defi} et le profil {profile} : gardez une seule ligne"
    )]
    DuplicateCandidateScores {
        /// The candidate.
        candidate: CandidateId,
        /// The défi.
        defi: DefiId,
        /// The profile.
        profile: TalentProfile,
    },
    /// A date computed from this one falls outside chrono's calendar.
    #[error(
        "{what}, calculée à partir du {day}, sort du calendrier (au-delà de l'an 262142) : vérifiez l'année de cette date"
    )]
    DateOutOfRange {
        /// The date being computed (`la fin du contrat EIG7`…).
        what: &'static str,
        /// The day given.
        day: chrono::NaiveDate,
    },
    /// The talent's arrival in the partner administration precedes the contract.
    #[error(
        "l'arrivée le {arrived_on} précède le premier jour du contrat, le {starts_on} : l'arrivée est le premier jour du contrat ou après"
    )]
    ArrivalBeforeContract {
        /// The contract's first day.
        starts_on: chrono::NaiveDate,
        /// The arrival day.
        arrived_on: chrono::NaiveDate,
    },
    /// A sum of amounts overflowed.
    #[error(
        "défi {defi} : la somme des montants demandés jusqu'à ce dossier dépasse la capacité des \
         montants (environ 7,9 × 10²⁸) : vérifiez le montant demandé"
    )]
    AmountOverflow {
        /// The défi whose requested amount overflowed the sum.
        defi: DefiId,
    },
    /// An instant so close to the limits of the calendar that its local time (in its own
    /// offset or in Paris time) cannot be represented, so it cannot be shown or compared with a
    /// Paris closing.
    #[error(
        "{}, {input} : l'instant {unix_seconds} s après 1970-01-01T00:00:00Z est trop près des \
         limites du calendrier pour être lu dans son décalage ou à l'heure de Paris : vérifiez \
         l'année, par ex. \"2018-06-15T16:00:00+02:00\"",
        subject_name(subject)
    )]
    InstantOutOfRange {
        /// The dossier or candidate.
        subject: Subject,
        /// The input path (`submitted_at`, `choices_submitted_at`).
        input: &'static str,
        /// The instant, in seconds since the Unix epoch (its local time cannot be written).
        unix_seconds: i64,
    },
    // Last: variants added after 0.1.0 go at the end, keeping the others' discriminants.
    /// A row of marks names a défi where the phase ranks by profile alone (EIG6
    /// pre-selection, AAC6 art. 4; EIG7 pre-selection, REG7 §2.6 a), or names none where the
    /// lists are per défi and profile (EIG4–EIG6 interviews).
    #[error(
        "candidat {candidate} : {} de {promotion} {} ; {}",
        phase_name(*phase),
        if *defi_given { "classe par profil seulement, sans défi" } else { "classe par défi et par profil" },
        if *defi_given { "retirez le défi de la ligne" } else { "donnez le défi de la ligne" }
    )]
    CandidateListKey {
        /// The candidate.
        candidate: CandidateId,
        /// The promotion.
        promotion: Promotion,
        /// The phase.
        phase: ScoringPhase,
        /// Whether the row named a défi.
        defi_given: bool,
    },
    /// The same candidate is marked twice on the same profile list (a phase that ranks by
    /// profile alone).
    #[error(
        "le candidat {candidate} est noté deux fois pour le profil {profile} : gardez une seule ligne"
    )]
    DuplicateCandidateProfileScores {
        /// The candidate.
        candidate: CandidateId,
        /// The profile.
        profile: TalentProfile,
    },
    /// A jury sheet names a call of another promotion than its own (the EIG6+ call,
    /// `"call": "eig6plus"`, concerns promotion 6's défis only).
    #[error(
        "feuille du jury, champ call : l'appel {call} concerne la promotion {expected}, la feuille \
         est de la promotion {promotion} : donnez la promotion {expected} ou retirez le champ call"
    )]
    CallOfOtherPromotion {
        /// The call, as the sheet names it.
        call: &'static str,
        /// The promotion the call concerns.
        expected: Promotion,
        /// The sheet's promotion.
        promotion: Promotion,
    },
}

/// A phase's name in messages.
fn phase_name(phase: ScoringPhase) -> &'static str {
    match phase {
        ScoringPhase::PreSelection => "la pré-sélection",
        ScoringPhase::Interview => "l'entretien",
    }
}

/// `n` with the singular or plural noun.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n > 1 { many } else { one })
}

/// A dossier or candidate as messages name it.
pub(crate) fn subject_name(subject: &Subject) -> String {
    match subject {
        Subject::Dossier(defi) => format!("dossier du défi {defi}"),
        Subject::Candidate(candidate) => format!("candidat {candidate}"),
    }
}

/// What to do when a promotion has no published rules for `scope`.
fn no_rules_advice(promotion: Promotion, scope: &str) -> String {
    match scope {
        SCOPE_CANDIDATE_SCORING => "les grilles de notation des candidats publiées sont celles \
            d'EIG4 et EIG5 (entretien), d'EIG6 et d'EIG7"
            .to_owned(),
        SCOPE_DEFI_GRID => {
            "les grilles du jury des défis publiées sont celles d'EIG3 à EIG7".to_owned()
        }
        _ => format!(
            "un dossier ou une candidature de la promotion {promotion} ne peut être jugé selon des règles qui \
             n'ont jamais été publiées ; les promotions aux règles publiées sont EIG2 à EIG7"
        ),
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
            EligibilityError::AmountOverflow { .. } => "amount_overflow",
            EligibilityError::CandidateListKey { .. } => "candidate_list_key",
            EligibilityError::DuplicateCandidateProfileScores { .. } => {
                "duplicate_candidate_profile_scores"
            }
            EligibilityError::CallOfOtherPromotion { .. } => "call_of_other_promotion",
        }
    }
}
