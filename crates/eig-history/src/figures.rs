//! Official figures per promotion, with their sources, beside the counts of the records.

use std::{collections::BTreeMap, fmt::Write as _};

use eig_domain::{Document, Promotion, Source};
use serde::{Deserialize, Serialize};

use crate::record::RecordedProfile;

/// Whether an official figure is stated by a source or inferred from stated totals.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_history::{CountBasis, official_figures};
///
/// // EIG5's talents are 172 − 133 (AAP6 §1 − AAP5 §1); DIG1's défis only appear in the site data.
/// let basis = |count: Option<eig_history::Count>| count.map(|count| count.basis);
/// assert_eq!(basis(official_figures(Promotion::Eig5).1), Some(CountBasis::Inferred));
/// assert_eq!(basis(official_figures(Promotion::Dig1).0), Some(CountBasis::SiteData));
/// assert_eq!(serde_json::to_string(&CountBasis::SiteData)?, r#""site_data""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CountBasis {
    /// Stated as such by the source.
    Stated,
    /// Computed from totals the sources state (e.g. EIG5: 172 − 133 talents).
    Inferred,
    /// Only counted in the programme's site data; no document states it.
    SiteData,
}

/// An official count with its source.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
///
/// // AAC4 art. 1: 41 talents for EIG4.
/// let talents = eig_history::official_figures(Promotion::Eig4).1.unwrap();
/// assert_eq!(
///     serde_json::to_string(&talents)?,
///     r#"{"value":41,"basis":"stated","source":{"document":"AAC4","locator":"art. 1"}}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Count {
    /// The count.
    pub value: u32,
    /// How it is known.
    pub basis: CountBasis,
    /// Where.
    pub source: Source,
}

/// One promotion's figures: counted in the embedded records, and as officially stated.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_history::{History, RecordedProfile};
///
/// let eig4 = History::embedded().figures(Promotion::Eig4);
/// assert_eq!((eig4.defis_in_data, eig4.talents_in_data), (17, 41));
/// assert_eq!(eig4.official_defis.map(|count| count.value), Some(17));
/// assert_eq!(eig4.profiles_in_data.get(&RecordedProfile::DataScientistGeomatician), Some(&1));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FiguresRow {
    /// The promotion.
    pub promotion: Promotion,
    /// Défi records in the data.
    pub defis_in_data: u32,
    /// Talents in the data (sum of the records' `n_talents`).
    pub talents_in_data: u32,
    /// Profiles named in the data, counted.
    pub profiles_in_data: BTreeMap<RecordedProfile, u32>,
    /// Défis selected, officially.
    pub official_defis: Option<Count>,
    /// Talents recruited, officially.
    pub official_talents: Option<Count>,
}

impl FiguresRow {
    /// Official talents minus talents in the data, when an official count exists.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// let history = eig_history::History::embedded();
    /// assert_eq!(history.figures(Promotion::Eig5).talent_gap(), Some(1));
    /// assert_eq!(history.figures(Promotion::Eig3).talent_gap(), Some(0));
    /// ```
    pub fn talent_gap(&self) -> Option<i64> {
        self.official_talents
            .as_ref()
            .map(|count| i64::from(count.value) - i64::from(self.talents_in_data))
    }

    /// Official défis minus défis in the data, when an official count exists.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// let history = eig_history::History::embedded();
    /// assert_eq!(history.figures(Promotion::Eig6).defi_gap(), Some(0));
    /// assert_eq!(history.figures(Promotion::Eig7).defi_gap(), None); // no official count
    /// ```
    pub fn defi_gap(&self) -> Option<i64> {
        self.official_defis
            .as_ref()
            .map(|count| i64::from(count.value) - i64::from(self.defis_in_data))
    }
}

fn count(value: u32, basis: CountBasis, document: Document, locator: &'static str) -> Count {
    Count { value, basis, source: Source::new(document, locator) }
}

/// The official numbers of défis and talents of `promotion`, with their sources
/// (`None`: no source states one).
///
/// EIG1–EIG3: RAPPORT's programme table (p. 14); DIG1: 21 designers (AAP4 §1), défis only in
/// the site data; EIG4: AAC4 art. 3 (17 défis) and art. 1 (41 EIG); EIG5: inferred from the cumulative totals of AAP5 §1
/// (71 projects, 133 EIG) and AAP6 §1 (87, 172); EIG6: P6POST; EIG7: no official count.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// let (defis, talents) = eig_history::official_figures(Promotion::Eig1);
/// assert_eq!((defis.unwrap().value, talents.unwrap().value), (9, 11));
/// ```
pub fn official_figures(promotion: Promotion) -> (Option<Count>, Option<Count>) {
    use CountBasis::{Inferred, SiteData, Stated};
    use Document::{Aac4, Aap4, P6Post, PromotionsData, Rapport};
    let table = "p. 14, programme table";
    match promotion {
        Promotion::Eig1 => {
            (Some(count(9, Stated, Rapport, table)), Some(count(11, Stated, Rapport, table)))
        }
        Promotion::Eig2 => {
            (Some(count(13, Stated, Rapport, table)), Some(count(28, Stated, Rapport, table)))
        }
        Promotion::Eig3 => {
            (Some(count(15, Stated, Rapport, table)), Some(count(32, Stated, Rapport, table)))
        }
        Promotion::Dig1 => (
            Some(count(17, SiteData, PromotionsData, "promotions[DIG 1].defis_selected")),
            Some(count(21, Stated, Aap4, "§1")),
        ),
        Promotion::Eig4 => {
            (Some(count(17, Stated, Aac4, "art. 3")), Some(count(41, Stated, Aac4, "art. 1")))
        }
        Promotion::Eig5 => (
            Some(count(16, Inferred, Document::Aap6, "§1 (87 projects) − AAP5 §1 (71)")),
            Some(count(39, Inferred, Document::Aap6, "§1 (172 EIG) − AAP5 §1 (133)")),
        ),
        Promotion::Eig6 => {
            (Some(count(14, Stated, P6Post, "")), Some(count(34, Stated, P6Post, "")))
        }
        // Promotion is non-exhaustive: EIG7 and any later promotion have no official count.
        _ => (None, None),
    }
}

/// The figures as a plain-text table, one line per promotion.
///
/// # Example
/// ```
/// let history = eig_history::History::embedded();
/// let table = eig_history::render_figures_table(&history.all_figures());
/// assert!(table.lines().any(|line| line.starts_with("EIG3")));
/// ```
pub fn render_figures_table(rows: &[FiguresRow]) -> String {
    let official = |count: &Option<Count>| {
        count.as_ref().map_or_else(
            || "—".to_owned(),
            |count| match count.basis {
                CountBasis::Stated => count.value.to_string(),
                CountBasis::Inferred => format!("{} (déduit)", count.value),
                CountBasis::SiteData => format!("{} (site)", count.value),
            },
        )
    };
    let gap = |gap: Option<i64>| match gap {
        None => "—".to_owned(),
        Some(0) => "0".to_owned(),
        Some(n) => format!("{n:+}"),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<6} {:>12} {:>18} {:>6} {:>14} {:>18} {:>6}  sources",
        "promo",
        "défis fiches",
        "défis officiel",
        "écart",
        "talents fiches",
        "talents officiel",
        "écart"
    );
    for row in rows {
        let sources: Vec<String> = [&row.official_defis, &row.official_talents]
            .into_iter()
            .flatten()
            .map(|count| count.source.to_string())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let _ = writeln!(
            out,
            "{:<6} {:>12} {:>18} {:>6} {:>14} {:>18} {:>6}  {}",
            row.promotion.code(),
            row.defis_in_data,
            official(&row.official_defis),
            gap(row.defi_gap()),
            row.talents_in_data,
            official(&row.official_talents),
            gap(row.talent_gap()),
            if sources.is_empty() { "—".to_owned() } else { sources.join("; ") },
        );
    }
    out
}
