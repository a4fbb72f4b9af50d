//! Whether a quote is verbatim in its document.

use std::sync::LazyLock;

use eig_domain::Document;

use crate::{
    error::QuoteError,
    normalise::{normalise_quote, normalise_text},
    text::{is_markup, text},
};

/// The elision marks a quote may use between two verbatim parts.
const ELISIONS: [&str; 5] = ["[…]", "(…)", "[...]", "…", "..."];

/// Every document's normalised text, built once.
static TEXTS: LazyLock<Vec<(Document, [String; 2])>> = LazyLock::new(|| {
    Document::ALL
        .into_iter()
        .filter_map(|document| {
            text(document).map(|raw| (document, normalise_text(raw, is_markup(document))))
        })
        .collect()
});

/// The verbatim parts of a quote: the quote normalised, cut at its elisions.
///
/// # Errors
/// [`QuoteError::Empty`] for an empty quote, [`QuoteError::MisplacedElision`] when an
/// elision opens or closes it or two elisions follow each other.
///
/// # Example
/// ```
/// use eig_sources::{QuoteError, quote_parts};
///
/// assert_eq!(quote_parts("le défi … en binôme")?, ["le défi", "en binôme"]);
/// assert!(matches!(quote_parts("… en binôme"), Err(QuoteError::MisplacedElision { .. })));
/// # Ok::<(), QuoteError>(())
/// ```
pub fn quote_parts(quote: &str) -> Result<Vec<String>, QuoteError> {
    let mut normalised = normalise_quote(quote);
    for mark in ELISIONS {
        normalised = normalised.replace(mark, "\u{0}");
    }
    if normalised.replace('\u{0}', "").trim().is_empty() {
        return Err(QuoteError::Empty);
    }
    let parts: Vec<String> = normalised.split('\u{0}').map(|p| p.trim().to_owned()).collect();
    if parts.iter().any(String::is_empty) {
        return Err(QuoteError::MisplacedElision { quote: normalised.replace('\u{0}', "…") });
    }
    Ok(parts)
}

/// Checks that `quote` is verbatim in `document`: each part between elisions is found, in
/// order, in the document's normalised text (either reading of its line-end hyphens).
///
/// # Errors
/// [`QuoteError::NoText`] when the repository has no text for the document, the errors of
/// [`quote_parts`], and [`QuoteError::NotFound`] naming the first part not found.
///
/// # Example
/// ```
/// use eig_domain::Document;
/// use eig_sources::{QuoteError, check_quote};
///
/// // AAC3 art. 5, verbatim, then edited into a paraphrase.
/// assert_eq!(check_quote(Document::Aac3, "le 15 octobre 2018 à 17h."), Ok(()));
/// assert!(matches!(
///     check_quote(Document::Aac3, "le 15 octobre 2018 à 17h00 (heure de Paris)"),
///     Err(QuoteError::NotFound { .. })
/// ));
/// ```
pub fn check_quote(document: Document, quote: &str) -> Result<(), QuoteError> {
    let parts = quote_parts(quote)?;
    let Some((_, readings)) = TEXTS.iter().find(|(d, _)| *d == document) else {
        return Err(QuoteError::NoText { document });
    };
    let mut first_missing = None;
    for reading in readings {
        match find_in_order(reading, &parts) {
            Ok(()) => return Ok(()),
            Err(part) => {
                first_missing.get_or_insert(part);
            }
        }
    }
    Err(QuoteError::NotFound { document, part: first_missing.unwrap_or_default() })
}

/// Checks that `quote` is verbatim in the section of `document` that `locator` names (see
/// [`section_text`](crate::section_text)); where the checker knows no extent for the
/// locator, in the whole document, as [`check_quote`].
///
/// # Errors
/// The errors of [`check_quote`], and [`QuoteError::OutsideSection`] when the quote is in the
/// document but not in the cited section.
///
/// # Example
/// ```
/// use eig_domain::Document;
/// use eig_sources::{QuoteError, check_quote_in_section};
///
/// let quote = "Par exception, le cofinancement des EIG recrutés par les administrations des \
///              ministères économiques et financiers";
/// assert_eq!(check_quote_in_section(Document::Aap5, "§3.1", quote), Ok(()));
/// assert!(matches!(
///     check_quote_in_section(Document::Aap5, "§3.2", quote),
///     Err(QuoteError::OutsideSection { .. })
/// ));
/// ```
pub fn check_quote_in_section(
    document: Document,
    locator: &str,
    quote: &str,
) -> Result<(), QuoteError> {
    check_quote(document, quote)?;
    let Some(section) = crate::locator::section_text(document, locator) else {
        return Ok(());
    };
    let parts = quote_parts(quote)?;
    let readings = normalise_text(&section, is_markup(document));
    if readings.iter().any(|reading| find_in_order(reading, &parts).is_ok()) {
        Ok(())
    } else {
        Err(QuoteError::OutsideSection { document, locator: locator.to_owned() })
    }
}

/// Finds each part after the end of the previous one; the part not found otherwise.
fn find_in_order(haystack: &str, parts: &[String]) -> Result<(), String> {
    let mut from = 0;
    for part in parts {
        match haystack[from..].find(part.as_str()) {
            Some(at) => from += at + part.len(),
            None => return Err(part.clone()),
        }
    }
    Ok(())
}
