//! Batches: one result per record, in input order. A record that cannot be judged gets a
//! [`BatchError`] naming it; the others are still decided.

use std::fmt;

use crate::{
    error::EligibilityError,
    input::{CandidateApplication, DefiDossier},
    outcome::{Decision, Subject},
    rules::{evaluate_candidate, evaluate_dossier},
};

/// Why one record of a batch could not be judged: its position, what it is, and the error.
///
/// # Example
/// ```
/// use eig_eligibility::{DefiDossier, evaluate_dossiers};
///
/// let eig1: DefiDossier = serde_json::from_str(r#"{"defi": {"id": "d1", "title": "D",
///   "promotion": "EIG1", "hosts": {"operational": {"name": "M", "kind": {"kind": "ministry"}}},
///   "team": []}}"#)?;
/// let error = evaluate_dossiers([&eig1]).remove(0).unwrap_err();
/// assert_eq!(error.index, 0);
/// assert_eq!(
///     error.to_string(),
///     "enregistrement 0 (dossier du défi d1) : la promotion EIG1 n'a pas de règles publiées pour \
///      les dossiers de défi, les candidatures et la sélection : un dossier ou une candidature de \
///      la promotion EIG1 ne peut être jugé selon des règles qui n'ont jamais été publiées ; les \
///      promotions aux règles publiées sont EIG2 à EIG7"
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub struct BatchError {
    /// The record's position in the batch, from 0.
    pub index: usize,
    /// The dossier or candidate the record is about.
    pub subject: Subject,
    /// Why it cannot be judged.
    #[source]
    pub error: EligibilityError,
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let subject = crate::error::subject_name(&self.subject);
        // An error that already names its record is not preceded by its name twice.
        let error = self.error.to_string();
        let error = error.strip_prefix(&format!("{subject} : ")).unwrap_or(&error);
        write!(f, "enregistrement {} ({subject}) : {error}", self.index)
    }
}

/// Decides every dossier with the rules of its promotion: one result per dossier, in order; a
/// dossier that cannot be judged (a promotion without published rules, conflicting
/// exceptions) gets its [`BatchError`] and does not stop the others.
///
/// # Example
/// ```
/// use eig_eligibility::{DefiDossier, Outcome, evaluate_dossiers};
///
/// let dossier = |promotion: &str| -> serde_json::Result<DefiDossier> {
///     serde_json::from_str(&format!(r#"{{"defi": {{"id": "d-{promotion}", "title": "D",
///       "promotion": "{promotion}", "hosts": {{"operational": {{"name": "M",
///       "kind": {{"kind": "ministry"}}}}}}, "team": []}}}}"#))
/// };
/// let batch = [dossier("EIG1")?, dossier("EIG3")?];
/// let results = evaluate_dossiers(&batch);
/// assert!(results[0].is_err()); // EIG1 publishes no rules
/// assert!(matches!(results[1].as_ref().map(|d| &d.outcome), Ok(Outcome::Ineligible { .. })));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn evaluate_dossiers<'a>(
    dossiers: impl IntoIterator<Item = &'a DefiDossier>,
) -> Vec<Result<Decision, BatchError>> {
    dossiers
        .into_iter()
        .enumerate()
        .map(|(index, dossier)| {
            evaluate_dossier(dossier).map_err(|error| BatchError {
                index,
                subject: Subject::Dossier(dossier.defi.id.to_string()),
                error,
            })
        })
        .collect()
}

/// Decides every application with the rules of its promotion: one result per application,
/// in order; one that cannot be judged gets its [`BatchError`] and does not stop the others.
///
/// # Example
/// ```
/// use eig_domain::{Candidate, Promotion, TalentProfile};
/// use eig_eligibility::{CandidateApplication, evaluate_candidates};
///
/// let candidate = |id: &str| Candidate::new(id.parse().expect("a valid id"), TalentProfile::Designer);
/// let batch = [
///     CandidateApplication::new(Promotion::Dig1, candidate("c-1")),
///     CandidateApplication::new(Promotion::Eig3, candidate("c-2")),
/// ];
/// let results = evaluate_candidates(&batch);
/// assert_eq!(results[0].as_ref().unwrap_err().to_string(),
///     "enregistrement 0 (candidat c-1) : la promotion DIG1 n'a pas de règles publiées pour les \
///      dossiers de défi, les candidatures et la sélection : un dossier ou une candidature de la \
///      promotion DIG1 ne peut être jugé selon des règles qui n'ont jamais été publiées ; les \
///      promotions aux règles publiées sont EIG2 à EIG7");
/// assert!(results[1].is_ok());
/// ```
pub fn evaluate_candidates<'a>(
    applications: impl IntoIterator<Item = &'a CandidateApplication>,
) -> Vec<Result<Decision, BatchError>> {
    applications
        .into_iter()
        .enumerate()
        .map(|(index, application)| {
            evaluate_candidate(application).map_err(|error| BatchError {
                index,
                subject: Subject::Candidate(application.candidate.id.to_string()),
                error,
            })
        })
        .collect()
}
