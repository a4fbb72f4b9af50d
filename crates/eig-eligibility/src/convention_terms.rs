//! The termination of a funding convention between DINUM and a laureate administration, where
//! it decides a date: « La DINUM peut décider de mettre fin à la convention avec un préavis
//! d’un mois, en cas de non respect des engagements stipulés à l’article 3 de la présente
//! convention. » (AAP6 annexe 3 art. 8). The model convention of the EIG6+ call has the same
//! article 8.

use chrono::{Months, NaiveDate};
use eig_domain::{Source, Sourced};
use serde::{Deserialize, Serialize};

use crate::error::EligibilityError;

/// A model funding convention whose article 8 lets DINUM terminate it with a month's notice.
///
/// # Example
/// ```
/// use eig_eligibility::FundingConvention;
///
/// let convention: FundingConvention = serde_json::from_str(r#""aac6_plus""#)?;
/// assert_eq!(convention.source().to_string(), "AAC6+ annexe 3 art. 8");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FundingConvention {
    /// The model convention of AAP6 annexe 3 (EIG6 recruitments and EIG5 prolongations, 2022).
    Aap6,
    /// The model convention of AAC6+ annexe 3 (EIG6 prolongations, 2023).
    Aac6Plus,
}

impl FundingConvention {
    /// The article that states the notice.
    pub fn source(self) -> Source {
        let rule = match self {
            FundingConvention::Aap6 => crate::rules::selection::EIG6_CONVENTION_TERMINATION,
            FundingConvention::Aac6Plus => crate::rules::selection::EIG6PLUS_CONVENTION_TERMINATION,
        };
        rule.source.source()
    }
}

/// The notice in months (AAP6 annexe 3 art. 8: « avec un préavis d’un mois »).
pub(crate) const NOTICE_MONTHS: u32 = 1;

/// When a terminated convention ends, from the day DINUM notified the termination.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use eig_eligibility::{FundingConvention, convention_termination};
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let terms = convention_termination(FundingConvention::Aap6, day(2022, 11, 15))?;
/// assert_eq!(terms.effective_on.value, day(2022, 12, 15)); // AAP6 annexe 3 art. 8 « avec un préavis d’un mois »
/// # Ok::<(), eig_eligibility::EligibilityError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ConventionTermination {
    /// The convention terminated.
    pub convention: FundingConvention,
    /// The day the termination was notified to the laureate administration (AAP6 annexe 3
    /// art. 8: « La résiliation est alors notifiée à l’administration lauréate »).
    pub notified_on: NaiveDate,
    /// The day the termination takes effect, the notice of one month having run: from that
    /// day the convention, its actions and its financing end (AAP6 annexe 3 art. 8: « La
    /// résiliation de la convention entraîne de plein droit la résiliation des actions et
    /// financements associés »).
    pub effective_on: Sourced<NaiveDate>,
}

/// The day a funding convention's termination takes effect: one month after its
/// notification, on the day with the same number (15 November → 15 December), or on the last
/// day of the month when it has no such day (31 January → 28 February). The text states the
/// month, not how it is counted: this is the reading of `docs/rules/assumptions.md`
/// (`convention-termination-notice`), the counting of délais in months of code de procédure
/// civile art. 641; the other reading (the notice includes the day of notification and the
/// convention ends on its eve) is the day before [`ConventionTermination::effective_on`].
///
/// The decision to terminate (a breach of the commitments of article 3) is DINUM's
/// judgement and an input, not computed; nothing is refunded by the texts' words (AAP6
/// annexe 3 art. 4: the sums not used « ne seront pas directement restituées »).
///
/// # Errors
/// [`EligibilityError::DateOutOfRange`] when the notice would end outside chrono's calendar.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use eig_eligibility::{FundingConvention, convention_termination};
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let terms = convention_termination(FundingConvention::Aac6Plus, day(2023, 10, 31))?;
/// assert_eq!(terms.effective_on.value, day(2023, 11, 30));
/// assert_eq!(terms.effective_on.source.to_string(), "AAC6+ annexe 3 art. 8");
/// # Ok::<(), eig_eligibility::EligibilityError>(())
/// ```
pub fn convention_termination(
    convention: FundingConvention,
    notified_on: NaiveDate,
) -> Result<ConventionTermination, EligibilityError> {
    let effective_on = notified_on.checked_add_months(Months::new(NOTICE_MONTHS)).ok_or(
        EligibilityError::DateOutOfRange {
            what: "la date d'effet de la résiliation de la convention",
            day: notified_on,
        },
    )?;
    Ok(ConventionTermination {
        convention,
        notified_on,
        effective_on: Sourced::new(effective_on, convention.source()),
    })
}
