//! How a text and a quote are made comparable. The rules (documented in the crate docs and
//! `docs/sources.md`) only undo the layout of the conversion, never the wording.

/// Typographic variants that are the same character for a reader: apostrophes, spaces,
/// the PDF's private-use bullets, and accents written as a combining mark.
pub(crate) fn clean_chars(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for ch in input.chars() {
        match ch {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{2032}' => out.push('\''),
            '\u{a0}'
            | '\u{202f}'
            | '\u{2009}'
            | '\u{2007}'
            | '\u{0c}'
            | '\u{e000}'..='\u{f8ff}' => {
                out.push(' ');
            }
            '\u{301}' | '\u{300}' | '\u{302}' => {
                let base = out.pop();
                out.push(compose(base, ch));
            }
            _ => out.push(ch),
        }
    }
    out
}

/// A letter followed by a combining accent, as the precomposed letter.
fn compose(base: Option<char>, accent: char) -> char {
    match (base, accent) {
        (Some('e'), '\u{301}') => 'é',
        (Some('E'), '\u{301}') => 'É',
        (Some('e'), '\u{300}') => 'è',
        (Some('a'), '\u{300}') => 'à',
        (Some('e'), '\u{302}') => 'ê',
        (Some('o'), '\u{302}') => 'ô',
        (Some('i'), '\u{302}') => 'î',
        (Some('u'), '\u{302}') => 'û',
        (Some('a'), '\u{302}') => 'â',
        (Some(other), _) => other,
        (None, accent) => accent,
    }
}

/// Drops HTML tags, Markdown emphasis and link targets (the FAQs, the blog post, ING).
fn strip_markup(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '<' => {
                let mut tag = String::new();
                for next in chars.by_ref() {
                    if next == '>' {
                        break;
                    }
                    tag.push(next);
                }
                let name = tag.trim_start_matches('/').split_whitespace().next().unwrap_or("");
                if !matches!(name, "strong" | "em" | "b" | "i" | "a" | "span") {
                    out.push(' ');
                }
            }
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
            }
            '\\' if chars.peek() == Some(&'"') => {}
            '[' => {}
            ']' if chars.peek() == Some(&'(') => {
                for next in chars.by_ref() {
                    if next == ')' {
                        break;
                    }
                }
            }
            _ => out.push(ch),
        }
    }
    out
}

/// Joins a word hyphenated at a line end: `-`, then spaces, a line break and spaces, then a
/// lower-case letter. `keep` chooses whether the hyphen stays (`septembre-décembre`) or goes
/// (`dé-fis`): the text cannot tell which, so both readings are searched.
fn join_hyphens(input: &str, keep: bool) -> String {
    let chars: Vec<char> = input.chars().collect();
    let mut out = String::with_capacity(input.len());
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        if ch == '-' && i > 0 && chars[i - 1].is_alphabetic() {
            let mut j = i + 1;
            let mut newline = false;
            while j < chars.len() && chars[j].is_whitespace() {
                newline |= chars[j] == '\n';
                j += 1;
            }
            if newline && j < chars.len() && chars[j].is_lowercase() {
                if keep {
                    out.push('-');
                }
                i = j;
                continue;
            }
        }
        out.push(ch);
        i += 1;
    }
    out
}

/// Drops a list bullet (`•`, `●`, `-`, `–`, `*`) opening a line, so that a list quoted as
/// running text reads as the text.
fn drop_bullets(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for line in input.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let rest = ["•", "●", "-", "–", "*"].iter().find_map(|bullet| {
            trimmed.strip_prefix(bullet).filter(|r| r.starts_with(char::is_whitespace))
        });
        out.push_str(rest.unwrap_or(line));
        if rest.is_some() && !out.ends_with('\n') && line.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// Every run of white space (line breaks included) as one space, trimmed.
fn collapse_whitespace(input: &str) -> String {
    input.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A quote (or any prose) made comparable: typographic apostrophes and spaces unified,
/// white space collapsed.
///
/// # Example
/// ```
/// assert_eq!(eig_sources::normalise_quote("l’EIG\u{a0}:  un\ndéfi"), "l'EIG : un défi");
/// ```
pub fn normalise_quote(quote: &str) -> String {
    collapse_whitespace(&clean_chars(quote))
}

/// A document's text made comparable, in its two readings of a line-end hyphen: first with
/// the hyphen dropped (a word cut by the layout), then kept (a compound word).
///
/// # Example
/// ```
/// let [dropped, kept] = eig_sources::normalise_text("les dé-\n   fis de septembre-\ndécembre", false);
/// assert_eq!(dropped, "les défis de septembredécembre");
/// assert_eq!(kept, "les dé-fis de septembre-décembre");
/// ```
pub fn normalise_text(text: &str, markup: bool) -> [String; 2] {
    let cleaned = clean_chars(text);
    let cleaned = if markup { strip_markup(&cleaned) } else { cleaned };
    let cleaned = drop_bullets(&cleaned);
    [
        collapse_whitespace(&join_hyphens(&cleaned, false)),
        collapse_whitespace(&join_hyphens(&cleaned, true)),
    ]
}
