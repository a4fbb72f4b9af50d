//! Whether the section a locator names exists in its document, in the form that document
//! uses. The forms read (see the crate docs for the matching rules):
//! `§3.1.2`, `§3.1–3.4`, `§3.4 b`, `§2 (note 4)`, `art. 2`, `art. 5.4`, `art. 5 §2`,
//! `art. 4–5`, `art. 2 fn. 2`, `art. 4 (Conditions d'éligibilité)`, `annexe 3`,
//! `annexe 3 art. 2`, `p. 14`, `préambule`, `« Heading »`, `« Heading », 3)`,
//! `tableau « Budget »`, and several of them separated by `; `.

use eig_domain::Document;

use crate::{error::LocatorError, normalise::clean_chars, text::text};

/// The document's lines, typographic variants unified, trimmed, with its table of contents
/// (up to its last line of leader dots or underscores) and any other line of leaders
/// blanked: one entry per line of the text.
struct Lines(Vec<String>);

impl Lines {
    fn of(raw: &str) -> Lines {
        let cleaned = clean_chars(raw);
        let all: Vec<&str> = cleaned.lines().collect();
        let leaders = |line: &str| line.contains("....") || line.contains("____");
        // The table of contents: everything up to its last line of leaders, when that line is
        // in the first half of the text (the title page before it is no section either).
        let toc_end = all
            .iter()
            .rposition(|line| leaders(line))
            .filter(|at| *at < all.len() / 2)
            .map_or(0, |at| at + 1);
        Lines(
            all.iter()
                .enumerate()
                .map(|(index, line)| {
                    if index < toc_end || leaders(line) {
                        String::new()
                    } else {
                        line.trim().trim_start_matches('#').trim().to_owned()
                    }
                })
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

/// The text of the sections `locator` names in `document` (their lines, joined), when every
/// piece is a form whose extent the checker knows: `§3.1` (up to the next heading of the same
/// or a higher level), `art. 5` (up to the next article or annex), `art. 5.4` / `art. 5 §4`
/// (up to point 5), `annexe 3` (up to the next annex), `préambule` (up to `Article 1`), and
/// the footnote of `fn. 2` / `(note 4)` (its line up to the next blank line). `None` for the
/// other forms (`p. 14`, a heading, a table, another document's section): the whole text is
/// then the only extent known.
///
/// # Example
/// ```
/// use eig_domain::Document;
///
/// let section = eig_sources::section_text(Document::Aap5, "§3.1").unwrap();
/// assert!(section.contains("Par exception"));
/// let next = eig_sources::section_text(Document::Aap5, "§3.2").unwrap();
/// assert!(!next.contains("Par exception"));
/// ```
pub fn section_text(document: Document, locator: &str) -> Option<String> {
    let raw = text(document)?;
    let lines = Lines::of(raw);
    let raw_lines: Vec<&str> = raw.lines().collect();
    let mut ranges = Vec::new();
    for piece in locator.split("; ") {
        ranges.extend(piece_extent(&lines, &clean_chars(piece.trim()))?);
    }
    ranges.sort_unstable();
    let mut out = String::new();
    let mut covered = 0;
    for (start, end) in ranges {
        for line in raw_lines.iter().take(end).skip(start.max(covered)) {
            out.push_str(line);
            out.push('\n');
        }
        covered = covered.max(end);
    }
    Some(out)
}

/// The line ranges (start included, end excluded) of one locator piece.
fn piece_extent(lines: &Lines, piece: &str) -> Option<Vec<(usize, usize)>> {
    let mut piece = piece;
    let mut note = None;
    if let Some(rest) = piece.strip_suffix(')')
        && let Some((head, number)) = rest.rsplit_once(" (note ")
    {
        note = Some(number);
        piece = head;
    } else if let Some((head, number)) = piece.rsplit_once(" fn. ") {
        note = Some(number);
        piece = head;
    }
    if let Some((head, gloss)) = piece.rsplit_once(", ")
        && !gloss.contains(|c: char| c.is_ascii_digit() || c == ')')
    {
        piece = head;
    }
    let mut title = None;
    if let Some(rest) = piece.strip_suffix(')')
        && let Some((head, inner)) = rest.split_once(" (")
    {
        if inner.contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
        title = Some(inner);
        piece = head;
    }
    let mut ranges = Vec::new();
    if let Some(rest) = piece.strip_prefix('§') {
        let numbers = rest.split(' ').next()?;
        let ends: Vec<&str> = numbers.split('–').collect();
        let first = ends.first()?;
        let last = ends.last()?;
        let start = lines.find(0, |line| numbered(line, first))?;
        let last_start = lines.find(start, |line| numbered(line, last))?;
        ranges.push((start, paragraph_end(lines, last_start, last)));
    } else if let Some(rest) = piece.strip_prefix("art. ") {
        ranges.extend(article_extents(lines, 0, rest, title)?);
    } else if let Some(rest) = piece.strip_prefix("annexe ") {
        let (number, article) = match rest.split_once(" art. ") {
            Some((number, article)) => (number, Some(article)),
            None => (rest, None),
        };
        let heading = |line: &str| {
            line.to_lowercase()
                .strip_prefix("annexe ")
                .and_then(|r| r.strip_prefix(number))
                .is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_digit()))
        };
        let start = lines.0.iter().rposition(|line| heading(line))?;
        if let Some(article) = article {
            ranges.extend(article_extents(lines, start, article, title)?);
        } else {
            let end = lines
                .find(start + 1, |line| line.to_lowercase().starts_with("annexe "))
                .unwrap_or(lines.0.len());
            ranges.push((start, end));
        }
    } else if piece == "préambule" {
        ranges.push((0, lines.find(0, |line| article(line, "1"))?));
    } else {
        return None;
    }
    if let Some(number) = note {
        // A footnote's line: its number, then text that does not start with a digit.
        let footnote = |line: &str| {
            line.strip_prefix(number).is_some_and(|rest| {
                rest.starts_with(char::is_whitespace)
                    && rest.trim_start().starts_with(|c: char| !c.is_ascii_digit())
            })
        };
        let from = ranges.first().map_or(0, |range| range.0);
        let at = lines.find(from, footnote).or_else(|| lines.find(0, footnote))?;
        let end = lines.find(at + 1, str::is_empty).unwrap_or(lines.0.len());
        ranges.push((at, end));
    }
    Some(ranges)
}

/// Where the numbered section starting at `start` ends: at the next sibling (`3.2` after
/// `3.1`) or the next sibling of an ancestor (`4`), or at an annex.
///
/// When the next sibling comes before the annexes, it is the end: a line numbered as an
/// ancestor's sibling before it (`3. Invitation à un entretien` inside REG7 §2.6, before
/// `2.7`) is an item of a numbered list, not the heading `3`, since the heading `3` follows
/// `2.7`.
fn paragraph_end(lines: &Lines, start: usize, number: &str) -> usize {
    let parts: Vec<u32> = number.split('.').filter_map(|part| part.parse().ok()).collect();
    let candidates: Vec<String> = (1..=parts.len())
        .map(|depth| {
            let mut next = parts[..depth].to_vec();
            next[depth - 1] += 1;
            next.iter().map(ToString::to_string).collect::<Vec<_>>().join(".")
        })
        .collect();
    let annex = lines
        .find(start + 1, |line| line.to_lowercase().starts_with("annexe "))
        .unwrap_or(lines.0.len());
    let before_annex = |at: usize| (at < annex).then_some(at);
    let sibling = candidates
        .last()
        .and_then(|sibling| lines.find(start + 1, |line| numbered(line, sibling)))
        .and_then(before_annex);
    sibling
        .or_else(|| {
            lines
                .find(start + 1, |line| {
                    candidates.iter().any(|candidate| numbered(line, candidate))
                })
                .and_then(before_annex)
        })
        .unwrap_or(annex)
}

/// The extents of `art. 5`, `art. 5.4`, `art. 5 §4`, `art. 4–5` (with an optional title),
/// looked for from line `from` on. A point (`.4`, `§4`) is given the whole article: the texts
/// number the lists inside a point the same way as the points, so where a point ends cannot
/// be read reliably. Without a title, every article of that number counts (AAC2 has two
/// articles 4).
fn article_extents(
    lines: &Lines,
    from: usize,
    rest: &str,
    title: Option<&str>,
) -> Option<Vec<(usize, usize)>> {
    let numbers = rest.split([' ', '.']).next()?;
    let (first, last) = numbers.split_once('–').unwrap_or((numbers, numbers));
    let opens =
        |line: &str, number: &str| article(line, number) && title.is_none_or(|t| line.contains(t));
    let next_article = |at: usize| {
        lines
            .find(at + 1, |line| {
                let lower = line.to_lowercase();
                lower.starts_with("article ") || lower.starts_with("annexe ")
            })
            .unwrap_or(lines.0.len())
    };
    let mut ranges = Vec::new();
    let mut at = from;
    while let Some(start) = lines.find(at, |line| opens(line, first)) {
        let last_start = lines.find(start, |line| opens(line, last))?;
        let end = next_article(last_start);
        ranges.push((start, end));
        at = end.max(start + 1);
        if at >= lines.0.len() {
            break;
        }
    }
    (!ranges.is_empty()).then_some(ranges)
}
