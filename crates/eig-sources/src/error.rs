//! Why a quote or a locator does not hold against its document.

use eig_domain::Document;

/// A quote that is not verbatim in the document it cites.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QuoteError {
    /// The repository has no text for the document (`P6POST`, `KEYFIG`, `DATA`).
    #[error("{document} has no text in the repository")]
    NoText {
        /// The document cited.
        document: Document,
    },
    /// The quote is empty, or only an elision.
    #[error("the quote is empty")]
    Empty,
    /// An elision « … » opens or closes the quote, or two follow each other: an elision is
    /// allowed only between two verbatim parts.
    #[error("an elision is allowed only between two verbatim parts: {quote:?}")]
    MisplacedElision {
        /// The quote, normalised.
        quote: String,
    },
    /// The quote is in the document, but not in the section its locator names.
    #[error("in {document}, but not in {locator}")]
    OutsideSection {
        /// The document cited.
        document: Document,
        /// The locator.
        locator: String,
    },
    /// A part of the quote is not in the document (after the parts before it).
    #[error("not verbatim in {document}: {part:?}")]
    NotFound {
        /// The document cited.
        document: Document,
        /// The part not found, normalised.
        part: String,
    },
}

/// A locator whose section the document does not have, or that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LocatorError {
    /// The repository has no text for the document.
    #[error("{document} has no text in the repository")]
    NoText {
        /// The document cited.
        document: Document,
    },
    /// The locator is not in a form the checker reads (see the crate docs).
    #[error("unreadable locator {locator:?}")]
    Unreadable {
        /// The locator.
        locator: String,
    },
    /// The document has no such section.
    #[error("{document} has no {section}")]
    NoSuchSection {
        /// The document cited.
        document: Document,
        /// The section looked for, as the locator names it.
        section: String,
    },
}
