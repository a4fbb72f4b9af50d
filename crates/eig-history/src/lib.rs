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
pub const EMBEDDED_JSON: &str = include_str!("../data/promotions-data.json");

/// The défi records of the programme, in the order of the file.
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
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HistoryError {
    /// The JSON is malformed or a record is invalid (the message names the field).
    #[error("invalid history file: {0}")]
    Json(#[from] serde_json::Error),
    /// An aggregate names no promotion.
    #[error("aggregate key {key:?} is not a promotion")]
    UnknownAggregate {
        /// The key.
        key: String,
    },
    /// The totals the file states disagree with its records.
    #[error(
        "{promotion}: the file states {stated_defis} défis / {stated_talents} talents but its records hold {defis} / {talents}"
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
    /// assert_eq!(err.to_string(), r#"aggregate key "EIG 9" is not a promotion"#);
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
    pub fn defis(&self) -> &[DefiRecord] {
        &self.defis
    }

    /// The records of one promotion.
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
    pub fn all_figures(&self) -> Vec<FiguresRow> {
        Promotion::ALL.into_iter().map(|promotion| self.figures(promotion)).collect()
    }
}
