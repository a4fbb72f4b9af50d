//! Professional experience, as the pay grids and the eligibility rules count it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Professional experience, in whole months.
///
/// Months, not years, because the pay grids' boundaries are exact: « jusqu'à 5 ans
/// d'expérience inclus » (EIG6, AAP6 §4.2.1) against (EIG7) « inférieure à 10 ans » (REG7
/// §2.4). No text says how experience is counted; completed months is the project's reading
/// (`docs/rules/assumptions.md`, `experience-in-completed-months`). JSON: a number of
/// months.
///
/// # Example
/// ```
/// use eig_domain::Experience;
///
/// let five_years = Experience::from_years(5);
/// assert_eq!(five_years.months(), 60);
/// assert_eq!(Experience::from_months(66).to_string(), "5 ans 6 mois");
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Experience(u16);

impl Experience {
    /// `months` months of experience.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Experience;
    ///
    /// assert_eq!(Experience::from_months(119).to_string(), "9 ans 11 mois");
    /// assert!(Experience::from_months(119) < Experience::from_years(10));
    /// ```
    pub const fn from_months(months: u16) -> Experience {
        Experience(months)
    }

    /// `years` whole years of experience.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Experience;
    ///
    /// assert_eq!(Experience::from_years(10).months(), 120);
    /// assert_eq!(Experience::from_years(10).to_string(), "10 ans");
    /// ```
    pub const fn from_years(years: u8) -> Experience {
        Experience(years as u16 * 12)
    }

    /// The experience in months.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Experience;
    ///
    /// let experience: Experience = serde_json::from_str("66")?;
    /// assert_eq!(experience.months(), 66);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub const fn months(self) -> u16 {
        self.0
    }
}

impl fmt::Display for Experience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (years, months) = (self.0 / 12, self.0 % 12);
        let plural = |n: u16| if n > 1 { "s" } else { "" };
        match (years, months) {
            (0, m) => write!(f, "{m} mois"),
            (y, 0) => write!(f, "{y} an{}", plural(y)),
            (y, m) => write!(f, "{y} an{} {m} mois", plural(y)),
        }
    }
}
