//! Finding quotes in prose (the catalogue, doc comments, case notes) and the citation each is
//! attributed to.

use eig_domain::Document;

/// A quote found in prose: the text between « and » (nested guillemets kept inside).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// The text between the outer guillemets.
    pub text: String,
    /// Byte offset of the opening «.
    pub start: usize,
    /// Byte offset just after the closing ».
    pub end: usize,
}

/// The outermost `« … »` spans of `prose`, in order. An unbalanced » is ignored; a « never
/// closed ends the scan.
///
/// # Example
/// ```
/// let quotes = eig_sources::quotes_in("AAC2 art. 4 : « le programme « EIG » »; « b »");
/// assert_eq!(quotes.len(), 2);
/// assert_eq!(quotes[0].text, "le programme « EIG »");
/// ```
pub fn quotes_in(prose: &str) -> Vec<Quoted> {
    let mut found = Vec::new();
    let mut depth = 0_usize;
    let mut start = 0;
    for (at, ch) in prose.char_indices() {
        match ch {
            '«' => {
                if depth == 0 {
                    start = at;
                }
                depth += 1;
            }
            '»' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let inner = &prose[start + '«'.len_utf8()..at];
                    found.push(Quoted {
                        text: inner.trim().to_owned(),
                        start,
                        end: at + '»'.len_utf8(),
                    });
                }
            }
            _ => {}
        }
    }
    found
}

/// A citation found in prose: one document or a series (`AAP4–AAP6`, `AAP5/AAP6`), and the
/// locator that follows it (empty when none does).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// The documents cited.
    pub documents: Vec<Document>,
    /// The locator, as written (`§3.1.2`, `art. 2 fn. 2`, `« Postes de dépenses »`).
    pub locator: String,
    /// Byte offset of the citation's start.
    pub start: usize,
    /// Byte offset just after it.
    pub end: usize,
}

/// The abbreviations, longest first, so that `AAC6+` is not read as `AAC6`.
fn abbreviations() -> Vec<(Document, &'static str)> {
    let mut all: Vec<(Document, &'static str)> =
        Document::ALL.into_iter().map(|d| (d, d.abbreviation())).collect();
    all.sort_by_key(|(_, a)| std::cmp::Reverse(a.len()));
    all
}

/// The document abbreviation starting at `at`, if one does (on word boundaries).
fn document_at(prose: &str, at: usize) -> Option<(Document, usize)> {
    let before = prose[..at].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.') {
        return None;
    }
    abbreviations().into_iter().find_map(|(document, abbreviation)| {
        let rest = prose[at..].strip_prefix(abbreviation)?;
        let next = rest.chars().next();
        if next.is_some_and(|c| c.is_alphanumeric() || c == '+' || c == '_') {
            return None;
        }
        Some((document, at + abbreviation.len()))
    })
}

/// The documents of a series `first`–`last` of the same kind (`AAP4–AAP6`: AAP4, AAP5,
/// AAP6).
fn series(first: Document, last: Document) -> Vec<Document> {
    let split = |d: Document| {
        let a = d.abbreviation();
        let digits = a.find(|c: char| c.is_ascii_digit()).unwrap_or(a.len());
        (a[..digits].to_owned(), a[digits..].parse::<u32>().ok())
    };
    let (kind, from) = split(first);
    let (last_kind, to) = split(last);
    match (from, to) {
        (Some(from), Some(to)) if kind == last_kind && from < to => Document::ALL
            .into_iter()
            .filter(|d| {
                let (k, n) = split(*d);
                k == kind && n.is_some_and(|n| (from..=to).contains(&n))
            })
            .collect(),
        _ => vec![first, last],
    }
}

/// Documents whose sections are named headings rather than numbers.
fn headed(document: Document) -> bool {
    matches!(
        document,
        Document::Ing | Document::Jury4 | Document::Chiffres | Document::FaqAdm | Document::FaqEig
    )
}

/// The citations of `prose`, in order.
///
/// # Example
/// ```
/// use eig_domain::Document;
///
/// let found = eig_sources::citations_in("AAP4–AAP6 §3.4: « Dans tous les cas »; ING « Postes de dépenses »");
/// assert_eq!(found[0].documents, [Document::Aap4, Document::Aap5, Document::Aap6]);
/// assert_eq!(found[0].locator, "§3.4");
/// assert_eq!(found[1].locator, "« Postes de dépenses »");
/// ```
pub fn citations_in(prose: &str) -> Vec<Citation> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < prose.len() {
        if !prose.is_char_boundary(at) {
            at += 1;
            continue;
        }
        let Some((first, mut end)) = document_at(prose, at) else {
            at += 1;
            continue;
        };
        let mut documents = vec![first];
        for separator in ["–", "/", "-"] {
            if let Some(rest) = prose[end..].strip_prefix(separator)
                && let Some((last, last_end)) = document_at(prose, prose.len() - rest.len())
            {
                documents = if separator == "/" { vec![first, last] } else { series(first, last) };
                end = last_end;
                break;
            }
        }
        let locator_len = if prose[end..].starts_with(' ') {
            locator_length(&prose[end + 1..], documents.iter().copied().all(headed))
        } else {
            0
        };
        let locator_start = if locator_len > 0 { end + 1 } else { end };
        let locator = prose[locator_start..locator_start + locator_len].to_owned();
        let stop = locator_start + locator_len;
        found.push(Citation { documents, locator, start: at, end: stop });
        at = stop.max(at + 1);
    }
    found
}

/// The length of the locator at the start of `rest` (0 when none).
fn locator_length(rest: &str, headed: bool) -> usize {
    let number = |s: &str| -> usize {
        s.char_indices()
            .take_while(|(i, c)| {
                c.is_ascii_digit()
                    || (*c == '.' && s[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
            })
            .map(|(i, c)| i + c.len_utf8())
            .last()
            .unwrap_or(0)
    };
    let mut len;
    if let Some(after) = rest.strip_prefix('§') {
        let n = number(after);
        if n == 0 {
            return 0;
        }
        len = '§'.len_utf8() + n;
        if let Some(range) = rest[len..].strip_prefix('–') {
            let m = number(range);
            if m > 0 {
                len += '–'.len_utf8() + m;
            }
        }
        // A point letter: `§3.4 b`.
        let tail = &rest[len..];
        let mut chars = tail.chars();
        if chars.next() == Some(' ')
            && chars.next().is_some_and(|c| c.is_ascii_lowercase())
            && chars.next().is_none_or(|c| !c.is_alphanumeric() && c != '\'' && c != '’')
        {
            len += 2;
        }
    } else if let Some(after) = rest.strip_prefix("art. ") {
        let n = number(after);
        if n == 0 {
            return 0;
        }
        len = "art. ".len() + n;
        if let Some(range) = rest[len..].strip_prefix('–') {
            let m = number(range);
            if m > 0 {
                len += '–'.len_utf8() + m;
            }
        }
        if let Some(point) = rest[len..].strip_prefix(" §") {
            let m = number(point);
            if m > 0 {
                len += " §".len() + m;
            }
        }
    } else if let Some(after) = rest.strip_prefix("annexe ") {
        let n = number(after);
        if n == 0 {
            return 0;
        }
        len = "annexe ".len() + n;
        if let Some(article) = rest[len..].strip_prefix(" art. ") {
            let m = number(article);
            if m > 0 {
                len += " art. ".len() + m;
            }
        }
        return len;
    } else if let Some(after) = rest.strip_prefix("p. ") {
        return "p. ".len() + number(after);
    } else if rest.starts_with("préambule") {
        return "préambule".len();
    } else if let Some(after) = rest.strip_prefix("tableau « ") {
        return after.find('»').map_or(0, |close| "tableau « ".len() + close + '»'.len_utf8());
    } else if headed && rest.starts_with('«') {
        let Some(close) = rest.find('»') else { return 0 };
        let inner = &rest['«'.len_utf8()..close];
        if inner.split_whitespace().count() > 6 {
            return 0;
        }
        len = close + '»'.len_utf8();
        // `« Le jour J », 3)`
        let tail = &rest[len..];
        if let Some(item) = tail.strip_prefix(", ") {
            let m = number(item);
            if m > 0 && item[m..].starts_with(')') {
                len += 2 + m + 1;
            }
        }
        return len;
    } else {
        return 0;
    }
    len + suffix_length(&rest[len..], number)
}

/// The length of a locator's suffix at the start of `rest`: a footnote (` fn. 2`,
/// ` (note 4)`) or a title (` (Conditions d'éligibilité)`); 0 when none.
fn suffix_length(rest: &str, number: impl Fn(&str) -> usize) -> usize {
    let mut len = 0;
    if let Some(note) = rest.strip_prefix(" fn. ") {
        let m = number(note);
        if m > 0 {
            len += " fn. ".len() + m;
        }
    } else if let Some(note) = rest.strip_prefix(" (note ") {
        let m = number(note);
        if m > 0 && note[m..].starts_with(')') {
            len += " (note ".len() + m + 1;
        }
    } else if let Some(inner) = rest.strip_prefix(" (")
        && let Some(close) = inner.find(')')
        && inner.starts_with(|c: char| c.is_uppercase())
        && !inner[..close].contains(['«', '\n', ':', ';'])
        && !inner[..close].contains(|c: char| c.is_ascii_digit())
    {
        len += 2 + close + 1;
    }
    len
}

/// A quote and the citation it is attributed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attributed {
    /// The quote.
    pub quote: Quoted,
    /// Its citation, `None` when no citation is near enough.
    pub citation: Option<Citation>,
}

/// Attributes each quote of `block` to a citation: the one right after it (`« … » (AAP3
/// §4.2)`), else the last one before it in its paragraph, else the first one of the block
/// (a catalogue entry's **Source** line, a doc comment's opening citation), else the first
/// one after it in its paragraph (first, in a table row). Citations inside a quote do not count, and a citation's own
/// heading locator (`ING « Postes de dépenses »`) is not a quote. Paragraphs are separated by
/// a blank line, a list item (`- `) or a table row (`|` at a line start).
///
/// # Example
/// ```
/// let found = eig_sources::attribute("- **Source**: AAC2 art. 4\n- **Text**: « personne physique »");
/// assert_eq!(found[0].citation.as_ref().unwrap().locator, "art. 4");
/// ```
pub fn attribute(block: &str) -> Vec<Attributed> {
    let quotes = quotes_in(block);
    let citations: Vec<Citation> = citations_in(block)
        .into_iter()
        .filter(|c| !quotes.iter().any(|q| q.start < c.start && c.start < q.end && c.end <= q.end))
        .collect();
    let paragraph_starts = paragraph_starts(block);
    let paragraph_of =
        |offset: usize| paragraph_starts.iter().rposition(|start| *start <= offset).unwrap_or(0);
    quotes
        .into_iter()
        .filter(|quote| !citations.iter().any(|c| c.start <= quote.start && quote.end <= c.end))
        .map(|quote| {
            let paragraph = paragraph_of(quote.start);
            let right_after = citations.iter().find(|c| {
                c.start >= quote.end
                    && block[quote.end..c.start].chars().all(|ch| matches!(ch, ' ' | '(' | '\n'))
                    && block[quote.end..c.start].chars().count() <= 3
                    // `(AAP3 §3.1.3: « … »)` introduces another quote.
                    && !block[c.end..].trim_start().starts_with([':', '«'])
            });
            let in_paragraph = citations
                .iter()
                .rfind(|c| c.end <= quote.start && paragraph_of(c.start) == paragraph);
            let first_in_block = citations.first().filter(|c| c.end <= quote.start);
            let after_in_paragraph = citations
                .iter()
                .find(|c| c.start >= quote.end && paragraph_of(c.start) == paragraph);
            // In a table row the citation is usually a later cell.
            let row = block[paragraph_starts[paragraph]..].trim_start().starts_with('|');
            let citation = right_after
                .or(in_paragraph)
                .or(after_in_paragraph.filter(|_| row))
                .or(first_in_block)
                .or(after_in_paragraph)
                .cloned();
            Attributed { quote, citation }
        })
        .collect()
}

/// Byte offsets at which a paragraph starts.
fn paragraph_starts(block: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut offset = 0;
    let mut previous_blank = false;
    for line in block.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let blank = trimmed.is_empty();
        if offset > 0
            && (previous_blank || trimmed.starts_with("- ") || trimmed.starts_with('|'))
            && !blank
        {
            starts.push(offset);
        }
        previous_blank = blank;
        offset += line.len();
    }
    starts
}

/// `prose` with the content of its inline code spans (between single backticks) blanked out,
/// offsets kept: a `« … »` or a citation written as code is an example, not a quote. Fenced
/// code blocks (lines opening with three backticks) are kept: a doc test's comments quote the
/// texts like any prose.
///
/// # Example
/// ```
/// let masked = eig_sources::mask_code_spans("a `« b »` « c »");
/// assert_eq!(eig_sources::quotes_in(&masked).len(), 1);
/// assert_eq!(masked.len(), "a `« b »` « c »".len());
/// ```
pub fn mask_code_spans(prose: &str) -> String {
    let mut out = String::with_capacity(prose.len());
    let mut in_code = false;
    for line in prose.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            out.push_str(line);
            continue;
        }
        for ch in line.chars() {
            if ch == '`' {
                in_code = !in_code;
                out.push(ch);
            } else if in_code && ch != '\n' {
                out.extend(std::iter::repeat_n(' ', ch.len_utf8()));
            } else {
                out.push(ch);
            }
        }
    }
    out
}
