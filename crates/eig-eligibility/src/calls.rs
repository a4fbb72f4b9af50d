//! The two calls of promotion 6 that its calendar (`Promotion::Eig6.facts()`) does not hold:
//! the AMI Promotion 5 bis and the EIG6+ call for the co-financing of prolongations, with
//! their first day and the closing their deadline rules apply.

use chrono::NaiveDate;
use eig_domain::{Document, Source, Sourced, Window};

/// The AMI Promotion 5 bis (2022): « Il est ouvert du 28 avril au 4 mai 2022 à 23 h 59 (heure
/// de Paris). » (AMI5bis art. 1). Its closing is the one its deadline rule applies
/// (`eig5bis.candidate.deadline`, AMI5bis art. 4: « La clôture de l’appel à manifestation
/// d’intérêt aura lieu le 4 mai 2022 à 23 h 59 (heure de Paris). »).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
///
/// let call = eig_eligibility::eig5bis_call().unwrap();
/// assert_eq!(call.value.opens_on, NaiveDate::from_ymd_opt(2022, 4, 28));
/// assert_eq!(call.source.to_string(), "AMI5bis art. 1");
/// ```
pub fn eig5bis_call() -> Option<Sourced<Window>> {
    let closes = (*crate::rules::eig5bis::CLOSING)?;
    let opens_on = NaiveDate::from_ymd_opt(2022, 4, 28);
    Some(Sourced::new(Window { opens_on, closes }, Source::new(Document::Ami5bis, "art. 1")))
}

/// The EIG6+ call (2023): « Le 13 mars 2023 : ouverture de l’appel à candidatures » (AAC6+
/// §3.1). Its closing is the one its deadline rule applies (`eig6plus.request.deadline`,
/// AAC6+ §3.3: « mercredi 29 mars 2023 à 23h59 (heure de Paris) »).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
///
/// let call = eig_eligibility::prolongation_call().unwrap();
/// assert_eq!(call.value.opens_on, NaiveDate::from_ymd_opt(2023, 3, 13));
/// assert_eq!(call.source.to_string(), "AAC6+ §3.1");
/// ```
pub fn prolongation_call() -> Option<Sourced<Window>> {
    let closes = (*crate::prolongation::CLOSING)?;
    let opens_on = NaiveDate::from_ymd_opt(2023, 3, 13);
    Some(Sourced::new(Window { opens_on, closes }, Source::new(Document::Aac6Plus, "§3.1")))
}
