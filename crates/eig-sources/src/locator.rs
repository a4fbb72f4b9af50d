//! Whether the section a locator names exists in its document, in the form that document
//! uses. The forms read (see the crate docs for the matching rules):
//! `§3.1.2`, `§3.1–3.4`, `§3.4 b`, `§2 (note 4)`, `art. 2`, `art. 5.4`, `art. 5 §2`,
//! `art. 4–5`, `art. 2 fn. 2`, `art. 4 (Conditions d'éligibilité)`, `annexe 3`,
//! `annexe 3 art. 2`, `p. 14`, `préambule`, `« Heading »`, `« Heading », 3)`,
//! `tableau « Budget »`, and several of them separated by `; `.

use eig_domain::Document;

use crate::{error::LocatorError, normalise::clean_chars, text::text};

/// The document's lines, typographic variants unified, without its tables of contents
/// (lines of leader dots or underscores).
struct Lines(Vec<String>);

impl Lines {
    fn of(raw: &str) -> Lines {
        Lines(
            clean_chars(raw)
                .lines()
                .filter(|line| !line.contains("....") && !line.contains("____"))
                .map(|line| line.trim().trim_start_matches('#').trim().to_owned())
                .collect(),
        )
    }

    /// The index of the first line at or after `from` for which `test` holds.
    fn find(&self, from: usize, test: impl Fn(&str) -> bool) -> Option<usize> {
        self.0.iter().skip(from).position(|line| test(line)).map(|at| at + from)
    }
}

/// Whether `line` starts with the number `number` (`3.1.2`, optionally followed by a dot)
/// and then white space and text: a numbered heading or item.
fn numbered(line: &str, number: &str) -> bool {
    line.strip_prefix(number).is_some_and(|rest| {
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        rest.starts_with(char::is_whitespace) && !rest.trim().is_empty()
    })
}

/// Whether `line` opens an article: `Article 5` (any case), then a non-digit.
fn article(line: &str, number: &str) -> bool {
    let lower = line.to_lowercase();
    lower
        .strip_prefix("article ")
        .and_then(|rest| rest.strip_prefix(number))
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Checks that every section `locator` names exists in `document`.
///
/// # Errors
/// [`LocatorError::NoText`] when the repository has no text for the document,
/// [`LocatorError::Unreadable`] for a locator in no form the checker reads, and
/// [`LocatorError::NoSuchSection`] naming the first section not found.
///
/// # Example
/// ```
/// use eig_domain::Document;
/// use eig_sources::{LocatorError, check_locator};
///
/// assert_eq!(check_locator(Document::Aap3, "§3.1.2"), Ok(()));
/// assert_eq!(check_locator(Document::Aac4, "art. 2 fn. 2"), Ok(()));
/// assert!(matches!(check_locator(Document::Aap3, "§9.9"), Err(LocatorError::NoSuchSection { .. })));
/// ```
pub fn check_locator(document: Document, locator: &str) -> Result<(), LocatorError> {
    if locator.trim().is_empty() {
        return Ok(());
    }
    let raw = text(document).ok_or(LocatorError::NoText { document })?;
    let lines = Lines::of(raw);
    for piece in locator.split("; ").flat_map(|piece| piece.split(" − ")) {
        // A piece naming another document (`§1 (87 projects) − AAP5 §1 (71)`) is checked
        // there.
        let other = Document::ALL.into_iter().find_map(|other| {
            piece
                .trim()
                .strip_prefix(other.abbreviation())?
                .strip_prefix(' ')
                .map(|rest| (other, rest))
        });
        match other {
            Some((other, rest)) => check_locator(other, rest)?,
            None => check_piece(document, &lines, piece.trim())?,
        }
    }
    Ok(())
}

fn check_piece(document: Document, lines: &Lines, piece: &str) -> Result<(), LocatorError> {
    let missing =
        |section: &str| LocatorError::NoSuchSection { document, section: section.to_owned() };
    let unreadable = || LocatorError::Unreadable { locator: piece.to_owned() };
    let piece = clean_chars(piece);
    let mut piece = piece.as_str();

    // A footnote: `(note 4)` or `fn. 4`, at the end.
    let mut footnote = None;
    if let Some(rest) = piece.strip_suffix(')')
        && let Some((head, note)) = rest.rsplit_once(" (note ")
    {
        footnote = Some(note.to_owned());
        piece = head;
    } else if let Some((head, note)) = piece.rsplit_once(" fn. ") {
        footnote = Some(note.to_owned());
        piece = head;
    }
    if let Some(note) = &footnote {
        if note.is_empty() || !note.chars().all(|c| c.is_ascii_digit()) {
            return Err(unreadable());
        }
        // A footnote is a line starting with its number, then text.
        lines
            .find(0, |line| numbered(line, note))
            .ok_or_else(|| missing(&format!("note {note}")))?;
    }

    // A gloss after a comma (`p. 14, programme table`): words only, ignored.
    if let Some((head, gloss)) = piece.rsplit_once(", ")
        && !gloss.contains(|c: char| c.is_ascii_digit() || c == ')')
    {
        piece = head;
    }

    // A title in parentheses: `art. 4 (Conditions d'éligibilité)`; with a digit, a gloss
    // (`§1 (87 projects)`), ignored.
    let mut title = None;
    if let Some(rest) = piece.strip_suffix(')')
        && let Some((head, inner)) = rest.split_once(" (")
    {
        if !inner.contains(|c: char| c.is_ascii_digit()) {
            title = Some(inner.to_owned());
        }
        piece = head;
    }

    if let Some(rest) = piece.strip_prefix('§') {
        return check_paragraph(lines, rest, title.as_deref(), &missing, &unreadable);
    }

    if let Some(rest) = piece.strip_prefix("art. ") {
        return check_article(lines, 0, rest, title.as_deref(), &missing, &unreadable);
    }

    if let Some(rest) = piece.strip_prefix("annexe ") {
        let (number, article) = match rest.split_once(" art. ") {
            Some((number, article)) => (number, Some(article)),
            None => (rest, None),
        };
        if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
            return Err(unreadable());
        }
        let heading = |line: &str| {
            line.to_lowercase()
                .strip_prefix("annexe ")
                .and_then(|r| r.strip_prefix(number))
                .is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_digit()))
        };
        // The annex itself, not the line of the table of contents or a mention: the last
        // heading of that number.
        let at = lines
            .0
            .iter()
            .rposition(|line| heading(line))
            .ok_or_else(|| missing(&format!("annexe {number}")))?;
        if let Some(article) = article {
            return check_article(lines, at, article, title.as_deref(), &missing, &unreadable);
        }
        return Ok(());
    }

    if let Some(number) = piece.strip_prefix("p. ") {
        if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
            return Err(unreadable());
        }
        // A page is found by its printed number, alone on its line.
        lines.find(0, |line| line == number).ok_or_else(|| missing(piece))?;
        return Ok(());
    }

    if piece == "préambule" {
        // The text before the first article.
        let first = lines.find(0, |line| article(line, "1")).ok_or_else(|| missing(piece))?;
        if lines.0[..first].iter().all(String::is_empty) {
            return Err(missing(piece));
        }
        return Ok(());
    }

    let (heading, item) = if let Some(rest) = piece.strip_prefix("tableau ") {
        (rest, None)
    } else if let Some((heading, item)) = piece.rsplit_once(", ")
        && let Some(number) = item.strip_suffix(')')
    {
        (heading, Some(number))
    } else {
        (piece, None)
    };
    if let Some(name) = heading.strip_prefix("« ").and_then(|h| h.strip_suffix(" »")) {
        // A named heading (or the start of the paragraph it names), then a numbered item.
        let at = lines.find(0, |line| line.starts_with(name)).ok_or_else(|| missing(heading))?;
        if let Some(number) = item {
            let open = format!("{number})");
            lines.find(at, |line| line.starts_with(&open)).ok_or_else(|| missing(piece))?;
        }
        return Ok(());
    }
    Err(unreadable())
}

/// `§3.1.2`, `§3.1–3.4`, `§3.4 b`, with an optional title.
fn check_paragraph(
    lines: &Lines,
    rest: &str,
    title: Option<&str>,
    missing: &dyn Fn(&str) -> LocatorError,
    unreadable: &dyn Fn() -> LocatorError,
) -> Result<(), LocatorError> {
    let (numbers, letter) = match rest.split_once(' ') {
        Some((numbers, letter))
            if letter.len() == 1 && letter.chars().all(|c| c.is_ascii_lowercase()) =>
        {
            (numbers, Some(letter))
        }
        Some(_) => return Err(unreadable()),
        None => (rest, None),
    };
    let ends: Vec<&str> = numbers.split('–').collect();
    for end in &ends {
        if end.is_empty() || !end.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return Err(unreadable());
        }
        let at =
            lines.find(0, |line| numbered(line, end)).ok_or_else(|| missing(&format!("§{end}")))?;
        if let Some(title) = title {
            lines
                .find(at, |line| numbered(line, end) && line.contains(title))
                .ok_or_else(|| missing(&format!("§{end} ({title})")))?;
        }
        if let Some(letter) = letter {
            let open = format!("{letter})");
            let dotted = format!("{letter}.");
            lines
                .find(at, |line| line.starts_with(&open) || line.starts_with(&dotted))
                .ok_or_else(|| missing(&format!("§{end} {letter}")))?;
        }
    }
    Ok(())
}

/// `art. 5`, `art. 5.4` / `art. 5 §4` (point 4 of article 5), `art. 4–5`, with an optional
/// title, looked for from line `from` on.
fn check_article(
    lines: &Lines,
    from: usize,
    rest: &str,
    title: Option<&str>,
    missing: &dyn Fn(&str) -> LocatorError,
    unreadable: &dyn Fn() -> LocatorError,
) -> Result<(), LocatorError> {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let (numbers, point): (Vec<&str>, Option<&str>) = if let Some((n, p)) = rest.split_once(" §") {
        (vec![n], Some(p))
    } else if let Some((n, p)) = rest.split_once('.') {
        (vec![n], Some(p))
    } else {
        (rest.split('–').collect(), None)
    };
    for number in numbers {
        if !digits(number) || point.is_some_and(|p| !digits(p)) {
            return Err(unreadable());
        }
        let at = lines
            .find(from, |line| {
                article(line, number) && title.is_none_or(|title| line.contains(title))
            })
            .ok_or_else(|| match title {
                Some(title) => missing(&format!("art. {number} ({title})")),
                None => missing(&format!("art. {number}")),
            })?;
        if let Some(point) = point {
            let end = lines.find(at + 1, |line| line.to_lowercase().starts_with("article "));
            let found = lines
                .find(at + 1, |line| numbered(line, point))
                .filter(|found| end.is_none_or(|end| *found < end));
            found.ok_or_else(|| missing(&format!("art. {number}.{point}")))?;
        }
    }
    Ok(())
}
