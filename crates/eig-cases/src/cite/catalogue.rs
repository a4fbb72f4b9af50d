//! The project's catalogue, which a case cites instead of a text for a choice no text makes
//! (`docs/rules/funding.md#funding.rounding`) or an absence of rules: the files of
//! `docs/rules/` and `docs/matching.md`, embedded (`catalogue/` links to them, so that the
//! crate's package ships them too), and where a citation of them points.
//!
//! A citation names a file, then optionally a place in it: `#rule.id` (a `` ### `rule.id` ``
//! entry), `#heading-anchor` (a heading's anchor, as GitHub writes it) or ` §7` (a heading
//! numbered 7, or 4.1).

use super::{CitationProblem, distance};

/// The catalogue's files: (path from the repository's root, text).
pub(crate) const FILES: [(&str, &str); 7] = [
    ("docs/rules/assumptions.md", include_str!("../../catalogue/rules/assumptions.md")),
    ("docs/rules/changes.md", include_str!("../../catalogue/rules/changes.md")),
    ("docs/rules/coverage.md", include_str!("../../catalogue/rules/coverage.md")),
    ("docs/rules/eligibility.md", include_str!("../../catalogue/rules/eligibility.md")),
    ("docs/rules/funding.md", include_str!("../../catalogue/rules/funding.md")),
    ("docs/rules/history-replay.md", include_str!("../../catalogue/rules/history-replay.md")),
    ("docs/matching.md", include_str!("../../catalogue/matching.md")),
];

/// The code of a catalogue citation that points to no file or no place of the catalogue.
pub(crate) const CODE: &str = "citation_not_in_catalogue";

/// Whether a source's piece cites the project's files rather than a text.
pub(crate) fn is_catalogue(cited: &str) -> bool {
    cited.starts_with("docs/")
}

/// A heading's anchor as GitHub writes it: lower case, punctuation dropped but `-` and `_`,
/// spaces as `-`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The headings of a Markdown text, without their `#`s, outside fenced code.
fn headings(text: &str) -> Vec<&str> {
    let mut fenced = false;
    let mut found = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced && let Some(heading) = line.strip_prefix('#') {
            found.push(heading.trim_start_matches('#').trim());
        }
    }
    found
}

/// The places of a file a citation may name: `#rule.id` and `#anchor` for every heading,
/// ` §N` for every numbered one.
fn places(text: &str) -> Vec<String> {
    let mut places = Vec::new();
    for heading in headings(text) {
        if let Some(id) = heading.strip_prefix('`').and_then(|rest| rest.split('`').next()) {
            places.push(format!("#{id}"));
        }
        places.push(format!("#{}", slug(heading)));
        let number: &str = heading
            .split_once(' ')
            .map(|(first, _)| first.trim_end_matches('.'))
            .filter(|first| {
                !first.is_empty()
                    && first.starts_with(|c: char| c.is_ascii_digit())
                    && first.chars().all(|c| c.is_ascii_digit() || c == '.')
            })
            .unwrap_or_default();
        if !number.is_empty() {
            places.push(format!(" §{number}"));
        }
    }
    places
}

/// The candidate nearest to `cited`: the fewest edits, then the longest common beginning
/// (`§71` is nearer to `§7` than to `§1`), then the first.
fn nearest<'a>(cited: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let common =
        |candidate: &str| cited.chars().zip(candidate.chars()).take_while(|(a, b)| a == b).count();
    candidates
        .min_by_key(|candidate| (distance(cited, candidate), std::cmp::Reverse(common(candidate))))
}

/// What is wrong with a citation of the catalogue (`docs/rules/funding.md#funding.rounding`,
/// `docs/matching.md §7`), with the nearest file or place that exists; `None` when the file
/// and the place exist.
pub(crate) fn problem(cited: &str) -> Option<CitationProblem> {
    let (file, place) = match cited.find(['#', ' ']) {
        Some(at) => (&cited[..at], cited[at..].trim_end()),
        None => (cited, ""),
    };
    let echo = eig_domain::echo(cited);
    let Some((_, text)) = FILES.iter().find(|(name, _)| *name == file) else {
        let nearest = nearest(file, FILES.iter().map(|(name, _)| *name));
        let files: Vec<&str> = FILES.iter().map(|(name, _)| *name).collect();
        return Some(CitationProblem {
            code: CODE,
            field: "source",
            message: format!(
                "{echo} : le catalogue n'a pas de fichier {} : citez l'un de {}",
                eig_domain::echo(file),
                files.join(", ")
            ),
            nearest: nearest.map(str::to_owned),
        });
    };
    // ` §4` and `#anchor` as written; `§4` after several spaces as one.
    let place = if let Some(section) = place.trim_start().strip_prefix('§') {
        format!(" §{}", section.trim())
    } else {
        place.to_owned()
    };
    if place.is_empty() {
        return None;
    }
    let places = places(text);
    if places.contains(&place) {
        return None;
    }
    let nearest = nearest(
        &place,
        places
            .iter()
            .map(String::as_str)
            .filter(|candidate| candidate.starts_with('#') == place.starts_with('#')),
    );
    let what = if place.starts_with('#') {
        "d'entrée ni de titre d'ancre"
    } else {
        "de titre numéroté"
    };
    Some(CitationProblem {
        code: CODE,
        field: "source",
        message: format!(
            "{echo} : {file} n'a pas {what} {} : corrigez la référence",
            eig_domain::echo(place.trim())
        ),
        nearest: nearest.map(|place| format!("{file}{place}")),
    })
}

#[cfg(test)]
mod tests;
