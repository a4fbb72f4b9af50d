//! The primary texts of the *Entrepreneurs d'intérêt général* programme, embedded from
//! `docs/sources/texts/`, and a checker that a quote is verbatim in the document it cites and
//! that the section a locator names exists there.
//!
//! The workspace's quote test (`tests/it/`) walks every quote the project carries — the
//! funding parameters, the eligibility and funding conformance cases, the rules catalogue,
//! the doc comments — and fails on any quote that is not verbatim (a paraphrase) or whose
//! section does not exist.
//!
//! # What "verbatim" means: the normalisation
//!
//! The texts are PDFs converted to plain text with their layout kept (or the site's Markdown
//! and YAML). Before comparing, both the quote and the text are normalised, and only so:
//!
//! 1. typographic apostrophes (`’`, `‘`, `ʼ`) become `'`; no-break, narrow and thin spaces and
//!    page breaks become spaces; the PDF's private-use bullet characters become spaces; an
//!    accent written as a combining mark is composed with its letter;
//! 2. in the Markdown and YAML texts (CHIFFRES, ING, FAQ-ADM, FAQ-EIG) HTML tags, `**`
//!    emphasis and link targets are dropped;
//! 3. a word cut at a line end (`-`, a line break, then a lower-case letter) is joined; the
//!    text cannot tell a cut word (`dé-fis`) from a compound (`septembre-décembre`), so both
//!    readings are searched, hyphen dropped and hyphen kept;
//! 4. every run of white space, line breaks included, becomes one space.
//!
//! Nothing else: case, accents, punctuation, digits, dashes and word order must be those of
//! the text. A quote may leave words out with an elision (`…`, `...`, `[…]`, `(…)`) **only
//! between two verbatim parts**; the parts must be found in order. An elision opening or
//! closing a quote is refused ([`QuoteError::MisplacedElision`]).
//!
//! # What "the section exists" means: the locators
//!
//! | locator | found when the text has |
//! |---|---|
//! | `§3.1.2` | a line starting with `3.1.2` (or `3.1.2.`), then text: the numbered heading |
//! | `§3.1–3.4`, `art. 4–5` | both ends |
//! | `§3.4 b` | the heading, then a line starting `b)` or `b.` |
//! | `art. 5` | a line starting `Article 5` (any case) |
//! | `art. 5.4`, `art. 5 §4` | `Article 5`, then a line starting `4.` / `4 ` before the next article |
//! | `art. 4 (Dossier de candidature)` | an `Article 4` line containing the title |
//! | `art. 2 fn. 2`, `§2 (note 4)` | the section, and a line starting with the note's number (the footnote) |
//! | `annexe 3`, `annexe 3 art. 2` | the last line starting `Annexe 3` (the annex, not its mention in the table of contents), then the article after it |
//! | `p. 14` | the printed page number alone on its line |
//! | `préambule` | text before `Article 1` |
//! | `« Modes de financement »`, `« Le jour J », 3)` | a line (or Markdown heading) starting with the words, then a line starting `3)` |
//! | `tableau « Budget »` | a line starting with the table's heading |
//!
//! **The quote is in that section.** Where the checker knows a section's extent, the quote
//! must be found inside it ([`check_quote_in_section`]): `§3.1` runs from its heading to the
//! next heading of the same or a higher level (`3.2`, `4`) or an annex — where the next
//! sibling (`3.2`) comes before the annexes it is the end, a line numbered `4.` before it being
//! an item of a numbered list (REG7 §2.6 a lists steps `1.`–`5.`); `art. 5` to the next
//! article or annex (every article of that number when the text has two, as AAC2 art. 4); a
//! point (`art. 5.4`, `art. 5 §4`) is given its whole article, since the texts number the lists
//! inside a point like the points; `annexe 3` to the next annex; `préambule` to `Article 1`;
//! a footnote is its own line up to the next blank line. Pages, headings and tables have no
//! known extent: the whole text is used.
//!
//! Lines of a table of contents (up to its last line of leader dots or underscores) are not
//! read. Several locators
//! may be joined with `; `. A footnote number alone is a weak check (any numbered line
//! passes); it is kept because the texts put footnotes at the foot of the page, far from the
//! call.
//!
//! # Example
//! ```
//! use eig_domain::Document;
//! use eig_sources::{check_locator, check_quote};
//!
//! // AAC4 art. 2, footnote 2.
//! check_locator(Document::Aac4, "art. 2 fn. 2")?;
//! check_quote(
//!     Document::Aac4,
//!     "A l’exception des administrations appartenant aux Ministères économiques et financiers.",
//! )?;
//! // A paraphrase is not a quote.
//! assert!(check_quote(Document::Aac4, "sauf les ministères économiques et financiers").is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub use crate::{
    error::{LocatorError, QuoteError},
    locator::{check_locator, section_text},
    nearest::{check_citation, nearest_sentence, read_citation, sentences},
    normalise::{normalise_quote, normalise_text},
    quote::{check_quote, check_quote_in_section, quote_parts},
    scan::{Attributed, Citation, Quoted, attribute, citations_in, mask_code_spans, quotes_in},
    text::{is_markup, text},
};

mod error;
mod locator;
mod nearest;
mod normalise;
mod quote;
mod scan;
mod text;
