//! The real history of the *Entrepreneurs d'intérêt général* programme, embedded: the 132
//! défi records of promotions EIG1–EIG7 and DIG1 compiled from the programme's public site
//! repositories (`data/promotions-data.json`, provenance in `data/PROVENANCE.md`), and the
//! official figures per promotion with their sources.
//!
//! It is a crate of its own so that embedders of the vocabulary (`eig-domain`) do not carry
//! 130 kB of data they may not need.
//!
//! # Example
//! ```
//! use eig_domain::Promotion;
//! use eig_history::History;
//!
//! let history = History::embedded();
//! let eig3 = history.figures(Promotion::Eig3);
//! assert_eq!((eig3.defis_in_data, eig3.talents_in_data), (15, 32));
//! assert_eq!(eig3.official_talents.map(|count| count.value), Some(32));
//! assert_eq!(history.defis_of(Promotion::Eig3).count(), 15);
//! ```

pub use crate::{
    figures::{Count, CountBasis, FiguresRow, official_figures, render_figures_table},
    record::{DefiRecord, RecordedHostKind, RecordedProfile},
};

mod figures;
mod record;

use std::collections::BTreeMap;

use eig_domain::Promotion;
use serde::Deserialize;

/// The embedded file, exactly as shipped in `data/`.
///
/// # Example
/// ```
/// use eig_history::{EMBEDDED_JSON, History};
///
/// assert_eq!(History::from_json(EMBEDDED_JSON)?, History::embedded());
/// assert!(EMBEDDED_JSON.contains(r#""aggregates_from_data""#));
/// # Ok::<(), eig_history::HistoryError>(())
/// ```
pub const EMBEDDED_JSON: &str = include_str!("../data/promotions-data.json");

/// The défi records of the programme, in the order of the file.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_history::History;
///
/// let history = History::embedded();
/// assert_eq!(history.defis().len(), 132);
/// assert_eq!(history.defis_of(Promotion::Eig7).count(), 31);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History {
    defis: Vec<DefiRecord>,
    aggregates: BTreeMap<Promotion, Aggregate>,
}

/// The per-promotion totals the file states about itself (`aggregates_from_data`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
struct Aggregate {
    n_defis_in_data: u32,
    n_talents_in_data: u32,
}

/// Why a history file could not be read.
///
/// # Example
/// ```
/// use eig_history::{History, HistoryError};
///
/// let stated = r#"{"defis": [], "aggregates_from_data": {
///     "EIG 3": {"n_defis_in_data": 15, "n_talents_in_data": 32}
/// }}"#;
/// let err = History::from_json(stated).unwrap_err();
/// assert!(matches!(err, HistoryError::InconsistentAggregate { defis: 0, talents: 0, .. }));
/// assert_eq!(
///     err.to_string(),
///     "EIG3 : le fichier annonce 15 défis et 32 talents, mais ses enregistrements en contiennent 0 et 0 : corrigez les totaux ou les enregistrements"
/// );
/// assert!(matches!(History::from_json("{}"), Err(HistoryError::Json(_))));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HistoryError {
    /// The JSON is malformed or a record is invalid (the message names the field).
    #[error("fichier d'historique invalide : {0} : vérifiez le fichier à cet endroit")]
    Json(#[from] serde_json::Error),
    /// An aggregate names no promotion.
    #[error(
        "la clé d'agrégat {} n'est pas une promotion : écrivez EIG1 à EIG7, ou DIG1",
        eig_domain::echo(key)
    )]
    UnknownAggregate {
        /// The key.
        key: String,
    },
    /// The totals the file states disagree with its records.
    #[error(
        "{promotion} : le fichier annonce {stated_defis} défis et {stated_talents} talents, mais ses enregistrements en contiennent {defis} et {talents} : corrigez les totaux ou les enregistrements"
    )]
    InconsistentAggregate {
        /// The promotion.
        promotion: Promotion,
        /// Défis the file states.
        stated_defis: u32,
        /// Talents the file states.
        stated_talents: u32,
        /// Défis counted in the records.
        defis: u32,
        /// Talents counted in the records.
        talents: u32,
    },
}

#[derive(Deserialize)]
struct RawFile {
    defis: Vec<DefiRecord>,
    aggregates_from_data: BTreeMap<String, Aggregate>,
}

impl History {
    /// The embedded history (parsed from [`EMBEDDED_JSON`] on each call: keep the value).
    ///
    /// # Panics
    /// Never: the embedded file is fixed at compile time and the test suite parses it.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// let history = eig_history::History::embedded();
    /// let first = &history.defis()[0];
    /// assert_eq!((first.promotion, first.title.as_str()), (Promotion::Eig1, "AFD - Geodata"));
    /// ```
    pub fn embedded() -> History {
        match History::from_json(EMBEDDED_JSON) {
            Ok(history) => history,
            Err(err) => unreachable!("the embedded history is checked by the tests: {err}"),
        }
    }

    /// Reads a history file of the same shape as the embedded one, checking that the
    /// totals it states (`aggregates_from_data`) match its records.
    ///
    /// # Errors
    /// [`HistoryError`] naming the field or the promotion at fault.
    ///
    /// # Example
    /// ```
    /// let err = eig_history::History::from_json(r#"{"defis": [], "aggregates_from_data": {"EIG 9": {"n_defis_in_data": 0, "n_talents_in_data": 0}}}"#).unwrap_err();
    /// assert_eq!(err.to_string(), r#"la clé d'agrégat "EIG 9" n'est pas une promotion : écrivez EIG1 à EIG7, ou DIG1"#);
    /// ```
    pub fn from_json(json: &str) -> Result<History, HistoryError> {
        let raw: RawFile = serde_json::from_str(json)?;
        let mut aggregates = BTreeMap::new();
        for (key, aggregate) in raw.aggregates_from_data {
            let promotion: Promotion =
                key.parse().map_err(|_| HistoryError::UnknownAggregate { key: key.clone() })?;
            aggregates.insert(promotion, aggregate);
        }
        let history = History { defis: raw.defis, aggregates };
        for (&promotion, stated) in &history.aggregates {
            let (defis, talents) = history.counts(promotion);
            if (defis, talents) != (stated.n_defis_in_data, stated.n_talents_in_data) {
                return Err(HistoryError::InconsistentAggregate {
                    promotion,
                    stated_defis: stated.n_defis_in_data,
                    stated_talents: stated.n_talents_in_data,
                    defis,
                    talents,
                });
            }
        }
        Ok(history)
    }

    /// Every record, in the order of the file.
    ///
    /// # Example
    /// ```
    /// let history = eig_history::History::embedded();
    /// let talents: u32 = history.defis().iter().map(|record| u32::from(record.talents)).sum();
    /// assert_eq!((history.defis().len(), talents), (132, 241));
    /// ```
    pub fn defis(&self) -> &[DefiRecord] {
        &self.defis
    }

    /// The records of one promotion.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// let history = eig_history::History::embedded();
    /// assert_eq!(history.defis_of(Promotion::Dig1).count(), 17);
    /// let mut eig6 = history.defis_of(Promotion::Eig6);
    /// assert!(eig6.all(|record| record.promotion == Promotion::Eig6));
    /// ```
    pub fn defis_of(&self, promotion: Promotion) -> impl Iterator<Item = &DefiRecord> {
        self.defis.iter().filter(move |record| record.promotion == promotion)
    }

    /// Défis and talents counted in the records of `promotion`.
    fn counts(&self, promotion: Promotion) -> (u32, u32) {
        self.defis_of(promotion).fold((0, 0), |(defis, talents), record| {
            (defis + 1, talents + u32::from(record.talents))
        })
    }

    /// The figures of one promotion: counted in the records, and as officially stated.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// // EIG5: the records hold 38 talents, one fewer than the 39 inferred from AAP5 and AAP6.
    /// let eig5 = eig_history::History::embedded().figures(Promotion::Eig5);
    /// assert_eq!(eig5.talents_in_data, 38);
    /// assert_eq!(eig5.official_talents.map(|count| count.value), Some(39));
    /// ```
    pub fn figures(&self, promotion: Promotion) -> FiguresRow {
        let (defis_in_data, talents_in_data) = self.counts(promotion);
        let mut profiles_in_data = BTreeMap::new();
        for record in self.defis_of(promotion) {
            for profile in &record.profiles {
                *profiles_in_data.entry(*profile).or_insert(0) += 1;
            }
        }
        let (official_defis, official_talents) = official_figures(promotion);
        FiguresRow {
            promotion,
            defis_in_data,
            talents_in_data,
            profiles_in_data,
            official_defis,
            official_talents,
        }
    }

    /// The figures of every promotion, in chronological order.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// let rows = eig_history::History::embedded().all_figures();
    /// let promotions: Vec<Promotion> = rows.iter().map(|row| row.promotion).collect();
    /// assert_eq!(promotions, Promotion::ALL);
    /// assert_eq!(rows.iter().map(|row| row.defis_in_data).sum::<u32>(), 132);
    /// ```
    pub fn all_figures(&self) -> Vec<FiguresRow> {
        Promotion::ALL.into_iter().map(|promotion| self.figures(promotion)).collect()
    }
}
