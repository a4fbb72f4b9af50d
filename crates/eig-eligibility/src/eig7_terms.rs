//! EIG7's contract and recruitment terms where they decide a date or a number (REG7 §2.3,
//! §2.6 b, §3.4 d): the one-year contract and its renewal notices, the probation and the
//! deadline to ask for an interruption, and the cap of 30 recruitments in 2024.

use chrono::{Datelike as _, Days, Months, NaiveDate};
use eig_domain::{Source, Sourced};
use serde::{Deserialize, Serialize};

use crate::{error::EligibilityError, rules::selection as rules};

/// The contract's length in months (REG7 §2.3: « d’une durée d’un an »).
pub(crate) const CONTRACT_MONTHS: u32 = 12;
/// How many months before the contract's end DINUM gives its renewal notice, at least (REG7
/// §2.3: « au moins deux mois avant la fin du contrat »).
pub(crate) const RENEWAL_NOTICE_MONTHS: u32 = 2;
/// The days the talent has to answer (REG7 §2.3: « dans les huit jours suivant la réception »).
pub(crate) const RENEWAL_ANSWER_DAYS: u64 = 8;
/// The probation in months (REG7 §3.4 d: « une période de probation de 2 mois »).
pub(crate) const PROBATION_MONTHS: u32 = 2;
/// How many days before the probation's end an interruption is asked, at the latest (REG7
/// §3.4 d: « au plus tard dix jours avant le terme de la période de probation »).
pub(crate) const INTERRUPTION_NOTICE_DAYS: u64 = 10;
/// The recruitments of 2024 to which the pool leads (REG7 §2.6 b: « à concurrence de 30 EIG
/// recruté(e)s en 2024 »), and the year.
pub(crate) const CAP: u32 = 30;
pub(crate) const CAP_YEAR: i32 = 2024;

/// The dates an EIG7 contract's terms give, from its first day and the talent's arrival in
/// the partner administration.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use eig_eligibility::eig7_contract_terms;
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let terms = eig7_contract_terms(day(2024, 3, 1), day(2024, 3, 4))?;
/// assert_eq!(terms.ends_on.value, day(2025, 2, 28)); // REG7 §2.3 « d’une durée d’un an »
/// assert_eq!(terms.renewal_notice_by.value, day(2024, 12, 28)); // REG7 §2.3 « au moins deux mois avant »
/// assert_eq!(terms.probation_ends_on.value, day(2024, 5, 3)); // REG7 §3.4 d « 2 mois à compter de son arrivée »
/// assert_eq!(terms.interruption_request_by.value, day(2024, 4, 23)); // REG7 §3.4 d « dix jours avant le terme »
/// # Ok::<(), eig_eligibility::EligibilityError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Eig7ContractTerms {
    /// The contract's last day: one year from its first day, that day excluded (REG7 §2.3
    /// « contrat de projet d’une durée d’un an, renouvelable »).
    pub ends_on: Sourced<NaiveDate>,
    /// The last day on which DINUM may tell the talent whether the contract is renewed (REG7
    /// §2.3 « en respectant un délai d’au moins deux mois avant la fin du contrat »).
    pub renewal_notice_by: Sourced<NaiveDate>,
    /// The probation's last day (REG7 §3.4 d « une période de probation de 2 mois à compter
    /// de son arrivée dans l’administration partenaire »).
    pub probation_ends_on: Sourced<NaiveDate>,
    /// The last day on which DINUM or the partner may ask to interrupt the mission (REG7 §3.4 d
    /// « au plus tard dix jours avant le terme de la période de probation »).
    pub interruption_request_by: Sourced<NaiveDate>,
}

/// The dates of an EIG7 contract's terms.
///
/// Periods « à compter de » (REG7 §3.4 d) a day run to the eve of the same day number (a year
/// from 1 March 2024 ends on 28 February 2025; two months from 4 March end on 3 May); when the
/// last month has no such day, to that month's last day (two months from 31 December 2024 end
/// on 28 February 2025). REG7 states no counting rule: this is a reading
/// (`docs/rules/assumptions.md`, `eig7-period-end`), as is counting the renewal notice back
/// from the contract's last day (`eig7-renewal-notice`). « au moins deux mois avant la fin » (REG7 §2.3) is counted back from
/// the last day; « dix jours avant le terme » (REG7 §3.4 d) back from the probation's last
/// day.
///
/// # Errors
/// [`EligibilityError::DateOutOfRange`] when a date falls outside chrono's calendar;
/// [`EligibilityError::ArrivalBeforeContract`] when the arrival precedes the contract.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use eig_eligibility::{eig7_contract_terms, EligibilityError};
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let err = eig7_contract_terms(day(2024, 3, 1), day(2024, 2, 28)).unwrap_err();
/// assert!(matches!(err, EligibilityError::ArrivalBeforeContract { .. }));
/// ```
pub fn eig7_contract_terms(
    starts_on: NaiveDate,
    arrived_on: NaiveDate,
) -> Result<Eig7ContractTerms, EligibilityError> {
    if arrived_on < starts_on {
        return Err(EligibilityError::ArrivalBeforeContract { starts_on, arrived_on });
    }
    let out_of_range = |what, day| move || EligibilityError::DateOutOfRange { what, day };
    let ends_on = period_end(starts_on, CONTRACT_MONTHS)
        .ok_or_else(out_of_range("la fin du contrat EIG7", starts_on))?;
    let renewal_notice_by = ends_on
        .checked_sub_months(Months::new(RENEWAL_NOTICE_MONTHS))
        .ok_or_else(out_of_range("la date limite de l'avis de renouvellement", ends_on))?;
    let probation_ends_on = period_end(arrived_on, PROBATION_MONTHS)
        .ok_or_else(out_of_range("la fin de la période de probation", arrived_on))?;
    let interruption_request_by =
        probation_ends_on.checked_sub_days(Days::new(INTERRUPTION_NOTICE_DAYS)).ok_or_else(
            out_of_range("la date limite d'une demande d'interruption", probation_ends_on),
        )?;
    Ok(Eig7ContractTerms {
        ends_on: Sourced::new(ends_on, rules::EIG7_CONTRACT.source.source()),
        renewal_notice_by: Sourced::new(
            renewal_notice_by,
            rules::EIG7_RENEWAL_NOTICE.source.source(),
        ),
        probation_ends_on: Sourced::new(probation_ends_on, rules::EIG7_PROBATION.source.source()),
        interruption_request_by: Sourced::new(
            interruption_request_by,
            rules::EIG7_PROBATION.source.source(),
        ),
    })
}

/// The last day of a period of `months` months « à compter de » (REG7 §3.4 d) `from`: the
/// eve of the same day number, or, when the last month has no such day, that month's last day.
/// The period includes its first day, so it ends on the eve of the same day number. This is the
/// project's reading (`docs/rules/assumptions.md`, `eig7-period-end`), not the rule of code de
/// procédure civile art. 641, under which a délai counted in months expires on the same day
/// number (4 May for two months from 4 March): REG7 states neither.
fn period_end(from: NaiveDate, months: u32) -> Option<NaiveDate> {
    let same = from.checked_add_months(Months::new(months))?;
    if same.day() == from.day() { same.pred_opt() } else { Some(same) }
}

/// The last day on which the talent may answer DINUM's renewal notice: « L’EIG fait savoir à
/// la DINUM si elle ou il accepte ou non le renouvellement dans les huit jours suivant la
/// réception » (REG7 §2.3): the eighth day after the day of reception.
///
/// # Errors
/// [`EligibilityError::DateOutOfRange`] at the end of chrono's calendar.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use eig_eligibility::eig7_renewal_answer_by;
///
/// let received = NaiveDate::from_ymd_opt(2024, 12, 20).unwrap();
/// assert_eq!(eig7_renewal_answer_by(received)?.value, NaiveDate::from_ymd_opt(2024, 12, 28).unwrap());
/// # Ok::<(), eig_eligibility::EligibilityError>(())
/// ```
pub fn eig7_renewal_answer_by(
    received_on: NaiveDate,
) -> Result<Sourced<NaiveDate>, EligibilityError> {
    received_on
        .checked_add_days(Days::new(RENEWAL_ANSWER_DAYS))
        .map(|day| Sourced::new(day, rules::EIG7_RENEWAL_ANSWER.source.source()))
        .ok_or(EligibilityError::DateOutOfRange {
            what: "la date limite de la réponse au renouvellement",
            day: received_on,
        })
}

/// Whether the EIG7 pool may still lead to mission interviews in a year, given how many EIG
/// were recruited that year.
///
/// # Example
/// ```
/// use eig_eligibility::{eig7_recruitment_cap, RecruitmentCap};
///
/// assert!(matches!(eig7_recruitment_cap(2024, 29), RecruitmentCap::Open { remaining: 1, .. }));
/// assert!(matches!(eig7_recruitment_cap(2024, 30), RecruitmentCap::Reached { .. }));
/// assert!(matches!(eig7_recruitment_cap(2024, 31), RecruitmentCap::Exceeded { over: 1, .. }));
/// assert_eq!(eig7_recruitment_cap(2025, 40), RecruitmentCap::NoCapStated { year: 2025 });
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecruitmentCap {
    /// Below the cap: mission interviews may still be offered.
    Open {
        /// The cap.
        cap: u32,
        /// Recruitments left under the cap.
        remaining: u32,
        /// The sentence.
        source: Source,
    },
    /// The cap is reached exactly: no further recruitment that year under REG7.
    Reached {
        /// The cap.
        cap: u32,
        /// The sentence.
        source: Source,
    },
    /// REG7 states a cap for 2024 only.
    NoCapStated {
        /// The year asked about.
        year: i32,
    },
    // Last: a variant added after 0.1.0 goes at the end, keeping the others' discriminants.
    /// More were recruited than the cap allows (REG7 §2.6 b: « à concurrence de 30 EIG recruté(e)s en 2024 »): over it, by `over`.
    Exceeded {
        /// The cap.
        cap: u32,
        /// Recruitments beyond the cap.
        over: u32,
        /// The sentence.
        source: Source,
    },
}

/// « La sélection n’a pas valeur de proposition d’embauche. Elle permet uniquement d’accéder,
/// le cas échéant, à des entretiens sur mission, en fonction des projets lauréats de la 7ème
/// promotion EIG et à concurrence de 30 EIG recruté(e)s en 2024. » (REG7 §2.6 b)
///
/// # Example
/// ```
/// use eig_eligibility::{eig7_recruitment_cap, RecruitmentCap};
///
/// let RecruitmentCap::Open { cap, remaining, source } = eig7_recruitment_cap(2024, 12) else {
///     panic!("12 recruitments are under the cap");
/// };
/// assert_eq!((cap, remaining, source.to_string().as_str()), (30, 18, "REG7 §2.6 b"));
/// ```
pub fn eig7_recruitment_cap(year: i32, recruited_that_year: u32) -> RecruitmentCap {
    if year != CAP_YEAR {
        return RecruitmentCap::NoCapStated { year };
    }
    let source = rules::EIG7_RECRUITMENT_CAP.source.source();
    match recruited_that_year.checked_sub(CAP) {
        None => RecruitmentCap::Open { cap: CAP, remaining: CAP - recruited_that_year, source },
        Some(0) => RecruitmentCap::Reached { cap: CAP, source },
        Some(over) => RecruitmentCap::Exceeded { cap: CAP, over, source },
    }
}
