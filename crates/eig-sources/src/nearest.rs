//! What a reader of a wrong citation needs next: the citation read as a whole, and the
//! sentence of the cited section nearest to a quote that is not in it.

use std::collections::BTreeSet;

use eig_domain::Document;

use crate::{
    error::LocatorError,
    locator::{check_locator, section_text},
    normalise::normalise_text,
    scan::{Citation, citations_in},
    text::{is_markup, text},
};

/// The longest sentence returned, in characters: a list or a table without a full stop is cut
/// there, with an ellipsis.
const LONGEST: usize = 400;

/// Reads `cited` as one citation: a document (or a series, `AAP4–AAP6`) at its start, then
/// its locator — the rest of the text (empty for the whole document, `RAPPORT`).
///
/// # Errors
/// [`LocatorError::Unreadable`] when `cited` does not start with a document's abbreviation.
///
/// # Example
/// ```
/// use eig_domain::Document;
///
/// let citation = eig_sources::read_citation("AAP3 §3.1.1")?;
/// assert_eq!((citation.documents[0], citation.locator.as_str()), (Document::Aap3, "§3.1.1"));
/// assert_eq!(eig_sources::read_citation("RAPPORT")?.locator, "");
/// assert!(eig_sources::read_citation("Gale & Shapley 1962").is_err());
/// # Ok::<(), eig_sources::LocatorError>(())
/// ```
pub fn read_citation(cited: &str) -> Result<Citation, LocatorError> {
    let cited = cited.trim();
    match citations_in(cited).into_iter().next() {
        Some(first) if first.start == 0 => {
            let documents_end = first.end - first.locator.len();
            let locator = cited[documents_end..].trim().to_owned();
            Ok(Citation { locator, end: cited.len(), ..first })
        }
        _ => Err(LocatorError::Unreadable { locator: cited.to_owned() }),
    }
}

/// Checks that every section of a citation read by [`read_citation`] exists in each of its
/// documents; a citation without a locator names the whole document.
///
/// # Errors
/// The errors of [`check_locator`].
///
/// # Example
/// ```
/// let citation = eig_sources::read_citation("AAP3 §9.9")?;
/// assert!(eig_sources::check_citation(&citation).is_err());
/// let citation = eig_sources::read_citation("AAP3 §3.1.1")?;
/// assert_eq!(eig_sources::check_citation(&citation), Ok(()));
/// # Ok::<(), eig_sources::LocatorError>(())
/// ```
pub fn check_citation(citation: &Citation) -> Result<(), LocatorError> {
    for document in &citation.documents {
        if text(*document).is_none() {
            return Err(LocatorError::NoText { document: *document });
        }
        if !citation.locator.is_empty() {
            check_locator(*document, &citation.locator)?;
        }
    }
    Ok(())
}

/// The words of a text that carry its meaning: lower-cased, of three letters or more.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// The sentences of a text: cut after `.`, `!`, `?` or `;` followed by a space (or at the
/// end), each trimmed; what follows the last cut is the last sentence. A full stop followed
/// by a word in lower case does not cut: it ends a number or an abbreviation ("mentionnés
/// à l'article 5.4. seront écartés"). Nor does the full stop of a list's number, one or two
/// digits after a colon or at the start of a sentence ("les éléments suivants : 1. Une
/// fiche ;"): the item goes with its number.
///
/// # Example
/// ```
/// assert_eq!(
///     eig_sources::sentences("Le défi est retenu. Il commence le 1er septembre ; voilà"),
///     ["Le défi est retenu.", "Il commence le 1er septembre ;", "voilà"]
/// );
/// // A decimal point or an abbreviation without a space after it does not cut.
/// assert_eq!(eig_sources::sentences("70.5 % du coût.").len(), 1);
/// assert_eq!(eig_sources::sentences("à l'article 5.4. seront écartés. Puis").len(), 2);
/// ```
pub fn sentences(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        current.push(ch);
        let ends = match ch {
            '!' | '?' | ';' => chars.peek().is_none_or(|c| *c == ' '),
            // « 5.4. seront », « etc. ou »: the next word in lower case goes on the sentence.
            '.' if is_list_number(&current) => false,
            '.' => {
                let mut ahead = chars.clone();
                match ahead.next() {
                    None => true,
                    Some(' ') => !ahead.next().is_some_and(char::is_lowercase),
                    Some(_) => false,
                }
            }
            _ => false,
        };
        if ends {
            if !current.trim().is_empty() {
                found.push(current.trim().to_owned());
            }
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        found.push(current.trim().to_owned());
    }
    found
}

/// Whether `current`, a sentence read up to a full stop, ends with a list's number: one or
/// two digits and the stop, at the start of the sentence or after a colon ("suivants : 1.").
fn is_list_number(current: &str) -> bool {
    let Some(before) = current.strip_suffix('.') else { return false };
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let head = before[..before.len() - digits].trim_end();
    (1..=2).contains(&digits) && (head.is_empty() || head.ends_with(':'))
}

/// A sentence cut into pieces of at most [`LONGEST`] characters, each cut piece ending with
/// an ellipsis (a list or a table without a full stop would otherwise be one sentence sharing
/// words with every quote).
fn pieces(sentence: String) -> Vec<String> {
    if sentence.chars().count() <= LONGEST {
        return vec![sentence];
    }
    let chars: Vec<char> = sentence.chars().collect();
    chars
        .chunks(LONGEST)
        .map(|chunk| {
            let piece: String = chunk.iter().collect();
            format!("{}…", piece.trim())
        })
        .collect()
}

/// The sentence of the section `locator` names in `document` (the whole document when the
/// checker knows no extent for it, or when `locator` is empty) that shares the most words with
/// `quote`, as the text writes it (typographic variants and line breaks unified); `None` when
/// the repository has no text for the document or no sentence shares a word.
///
/// What a case's author reads beside a quote that is not verbatim: the sentence to copy, or
/// the sign that the section is the wrong one.
///
/// # Example
/// ```
/// use eig_domain::Document;
///
/// // A paraphrase of AAP3 §3.1.1.
/// let nearest = eig_sources::nearest_sentence(Document::Aap3, "§3.1.1",
///     "Le PIA finance 70 % du coût total employeur de chaque EIG").unwrap();
/// assert!(nearest.starts_with("Elles recevront à ce titre un financement du PIA"), "{nearest}");
/// ```
pub fn nearest_sentence(document: Document, locator: &str, quote: &str) -> Option<String> {
    let whole = text(document)?;
    // A section's first line is its heading, not a sentence of it.
    let section =
        if locator.is_empty() { None } else { section_text(document, locator) }.map(|section| {
            section.split_once('\n').map_or(section.clone(), |(_, rest)| rest.to_owned())
        });
    let [reading, _] = normalise_text(section.as_deref().unwrap_or(whole), is_markup(document));
    let wanted = words(quote);
    let mut best: Option<(usize, usize, String)> = None;
    for sentence in sentences(&reading).into_iter().flat_map(pieces) {
        let shared = words(&sentence).intersection(&wanted).count();
        if shared == 0 {
            continue;
        }
        let length = sentence.chars().count();
        // More shared words first; of two, the shorter sentence (the more specific).
        let better = best.as_ref().is_none_or(|(most, shortest, _)| {
            shared > *most || (shared == *most && length < *shortest)
        });
        if better {
            best = Some((shared, length, sentence));
        }
    }
    best.map(|(_, _, sentence)| sentence)
}

#[cfg(test)]
mod tests;
