//! Why a quote or a locator does not hold against its document.

use eig_domain::Document;

/// A quote that is not verbatim in the document it cites.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QuoteError {
    /// The repository has no text for the document (`P6POST`, `KEYFIG`, `DATA`).
    #[error(
        "{document} n'a pas de texte dans le dépôt : citez un document dont le texte y est, ou ne le citez pas entre guillemets"
    )]
    NoText {
        /// The document cited.
        document: Document,
    },
    /// The quote is empty, or only an elision.
    #[error("la citation est vide : citez au moins un mot du texte")]
    Empty,
    /// An elision « … » opens or closes the quote, or two follow each other: an elision is
    /// allowed only between two verbatim parts.
    #[error(
        "une élision n'est permise qu'entre deux parties citées mot pour mot : {} ; retirez-la du début, de la fin, ou l'une de deux élisions qui se suivent",
        eig_domain::echo(quote)
    )]
    MisplacedElision {
        /// The quote, normalised.
        quote: String,
    },
    /// The quote is in the document, but not in the section its locator names.
    #[error("dans {document}, mais pas à {locator} : corrigez la référence de la section")]
    OutsideSection {
        /// The document cited.
        document: Document,
        /// The locator.
        locator: String,
    },
    /// A part of the quote is not in the document (after the parts before it).
    #[error(
        "pas mot pour mot dans {document} : {} ; recopiez le texte exact du document",
        eig_domain::echo(part)
    )]
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
    #[error(
        "{document} n'a pas de texte dans le dépôt : citez un document dont le texte y est, ou ne le citez pas entre guillemets"
    )]
    NoText {
        /// The document cited.
        document: Document,
    },
    /// The locator is not in a form the checker reads (see the crate docs).
    #[error(
        "référence de section illisible {} : écrivez-la comme la documentation du vérificateur l'indique, par ex. §3.1.2 ou art. 4",
        eig_domain::echo(locator)
    )]
    Unreadable {
        /// The locator.
        locator: String,
    },
    /// The document has no such section.
    #[error("{document} n'a rien à la référence {section} : corrigez la référence")]
    NoSuchSection {
        /// The document cited.
        document: Document,
        /// The section looked for, as the locator names it.
        section: String,
    },
}
