//! How the catalogue writes a day. A module of its own, which imports nothing of the crate:
//! the corpus's examples, the French text and the diff all use it.

/// A day as a person reads it, in the one style of the catalogue's dates: 15/12/2022.
pub(crate) fn day(on: chrono::NaiveDate) -> String {
    on.format("%d/%m/%Y").to_string()
}
