//! Whether a case's citation holds against the shipped texts: the documents and sections it
//! cites exist, its quotes are verbatim in the cited section, its rule ids exist for its
//! promotion and kind. The same checker and normalisation as the project's own quote test
//! (`eig-sources`).

use eig_domain::{Document, Promotion};
use eig_sources::{
    Citation, QuoteError, attribute, check_citation, check_quote, check_quote_in_section,
    nearest_sentence, read_citation,
};
use serde::Serialize;

use crate::case::{Case, CaseInput, ChangesRecord};

pub(crate) use self::catalogue::CODE as CATALOGUE_CODE;
use self::catalogue::is_catalogue;

mod catalogue;

/// How a case is run: strictly (every case cites a text and quotes it), or as a draft.
///
/// # Example
/// ```
/// use eig_cases::RunOptions;
///
/// assert!(!RunOptions::default().drafts);
/// assert!(RunOptions::drafts().drafts);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RunOptions {
    /// Drafts: a case without a source or without a quote is run; what it does cite is still
    /// checked.
    pub drafts: bool,
}

impl RunOptions {
    /// The options of a run that allows drafts.
    ///
    /// # Example
    /// See [`RunOptions`].
    pub fn drafts() -> RunOptions {
        RunOptions { drafts: true }
    }
}

/// What is wrong with a case's citation: a failure of its own kind, before the expected
/// fields are compared.
///
/// # Example
/// ```
/// use eig_cases::{Verdict, read_cases, run_case};
///
/// let case = read_cases("c.yaml", r#"
/// title: A source that is not a text of the programme
/// source: Cahier des charges 2018, page 3
/// quote: Elles recevront à ce titre un financement du PIA
/// split: {total: '100.00', share: '0.7'}
/// expected: {share: '70.00'}
/// "#).remove(0)?;
/// let Verdict::Miscited { problems, .. } = run_case(&case).verdict else { panic!() };
/// assert_eq!(problems[0].code, "citation_unknown_document");
/// assert_eq!(problems[0].field, "source");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CitationProblem {
    /// Its stable code: `citation_missing_source`, `citation_missing_quote`,
    /// `citation_unknown_document`, `citation_no_such_section`, `citation_not_verbatim`,
    /// `citation_outside_section`, `citation_quote_without_text`, `citation_unknown_rule`,
    /// `citation_not_in_catalogue` (a `docs/…` source whose file or place does not exist).
    pub code: &'static str,
    /// The case's field at fault: `source`, `quote`, `title`, `note` or `rules`.
    pub field: &'static str,
    /// What is wrong, and the fix, in French.
    pub message: String,
    /// For a quote not found in the cited section: that section's sentence nearest to it
    /// (the one to copy, or the sign that the section is the wrong one); for an unknown rule
    /// id: the nearest id that exists; for a citation of the catalogue: the nearest file, or
    /// the nearest place of its file, that exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nearest: Option<String>,
}

impl std::fmt::Display for CitationProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "citation ({}) : {}", self.field, self.message)
    }
}

fn problem(code: &'static str, field: &'static str, message: String) -> CitationProblem {
    CitationProblem { code, field, message, nearest: None }
}

/// Every problem of `case`'s citation; empty when it holds.
pub(crate) fn citation_problems(case: &Case, options: RunOptions) -> Vec<CitationProblem> {
    let mut problems = Vec::new();
    let cited: Vec<&str> = case
        .source
        .as_deref()
        .map(|source| source.split(';').map(str::trim).filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    // A citation of the catalogue (`docs/rules/…`, `docs/matching.md`) names a file and a
    // place of it that exist; it needs no quote.
    problems.extend(
        cited.iter().filter(|one| is_catalogue(one)).filter_map(|one| catalogue::problem(one)),
    );
    let mut citations: Vec<Citation> = Vec::new();
    for one in cited.iter().filter(|one| !is_catalogue(one)) {
        // `AAP6 §4.3; annexe 3 art. 3`: a piece without a document is another section of the
        // document before it.
        let read = read_citation(one).or_else(|err| match citations.last() {
            Some(previous) if !one.starts_with(|c: char| c.is_ascii_uppercase()) => {
                Ok(Citation { locator: (*one).to_owned(), ..previous.clone() })
            }
            _ => Err(err),
        });
        match read {
            Ok(citation) => match check_citation(&citation) {
                Ok(()) => citations.push(citation),
                Err(err) => problems.push(problem(
                    "citation_no_such_section",
                    "source",
                    format!("{} : {err}", eig_domain::echo(one)),
                )),
            },
            Err(_) => problems.push(problem(
                "citation_unknown_document",
                "source",
                format!(
                    "{} ne commence pas par un texte du programme livré avec le projet : citez un \
                     document (AAP3, AAC4, REG7… : docs/sources.md) suivi de sa section, par ex. \
                     AAP3 §3.1.1, ou une entrée du catalogue (docs/rules/…)",
                    eig_domain::echo(one)
                ),
            )),
        }
    }
    // Each quote with the citation it is attributed to in its prose, if any (`AAC4 art. 7
    // « Sauf exception »` in a title); the case's own citations otherwise.
    let mut quotes: Vec<(&'static str, String, Option<Citation>)> = Vec::new();
    if let Some(quote) = &case.quote {
        quotes.push(("quote", quote.clone(), None));
    }
    for (field, prose) in [("title", Some(&case.title)), ("note", case.note.as_ref())] {
        for found in prose.map(|prose| attribute(prose)).unwrap_or_default() {
            quotes.push((field, found.quote.text, found.citation));
        }
    }
    let texts_cited = cited.iter().any(|one| !is_catalogue(one));
    if cited.is_empty() && (!options.drafts || !quotes.is_empty()) {
        problems.push(problem(
            "citation_missing_source",
            "source",
            "le cas ne cite pas le texte qu'il teste : donnez sa source, un document et sa \
             section (par ex. AAP3 §3.1.1), ou lancez-le comme brouillon"
                .to_owned(),
        ));
    }
    if texts_cited && quotes.is_empty() && !options.drafts {
        problems.push(problem(
            "citation_missing_quote",
            "quote",
            format!(
                "le cas ne cite aucune phrase de {} : recopiez dans quote la phrase qu'il teste, \
                 ou lancez-le comme brouillon",
                cited.join(" ; ")
            ),
        ));
    }
    if !cited.is_empty() && !texts_cited {
        for (field, ..) in quotes.iter().filter(|(.., own)| own.is_none()) {
            problems.push(problem(
                "citation_quote_without_text",
                field,
                "une citation entre guillemets « » vient d'un texte : citez le document et la \
                 section d'où elle vient, ou retirez les guillemets"
                    .to_owned(),
            ));
        }
    }
    for (field, quote, own) in &quotes {
        let against = own.as_ref().map_or(&citations[..], std::slice::from_ref);
        if let Some(found) = quote_problem(against, field, quote) {
            problems.push(found);
        }
    }
    problems.extend(rule_problems(case));
    problems
}

/// Whether `quote` is verbatim in one of the cited sections (in each document of a series);
/// the problem otherwise, with the first section's nearest sentence.
fn quote_problem(
    citations: &[Citation],
    field: &'static str,
    quote: &str,
) -> Option<CitationProblem> {
    let in_section = |document: Document, locator: &str| {
        if locator.is_empty() {
            check_quote(document, quote)
        } else {
            check_quote_in_section(document, locator, quote)
        }
    };
    let mut first = None;
    for citation in citations {
        let results: Vec<Result<(), QuoteError>> =
            citation.documents.iter().map(|d| in_section(*d, &citation.locator)).collect();
        if results.iter().all(Result::is_ok) {
            return None;
        }
        if first.is_none() {
            let err = results.into_iter().find_map(Result::err);
            first = err.map(|err| (citation, err));
        }
    }
    let (citation, err) = first?;
    let code = match err {
        QuoteError::OutsideSection { .. } => "citation_outside_section",
        _ => "citation_not_verbatim",
    };
    let document = citation.documents[0];
    Some(CitationProblem {
        code,
        field,
        message: err.to_string(),
        nearest: nearest_sentence(document, &citation.locator, quote).map(|sentence| {
            let place = if citation.locator.is_empty() {
                document.to_string()
            } else {
                format!("{document} {}", citation.locator)
            };
            format!("{place} : {sentence}")
        }),
    })
}

/// The rule ids a case of this input may name, the input's promotion, and the kind in
/// French (for the message).
fn known_rules(input: &CaseInput) -> (Vec<&'static str>, Option<Promotion>, &'static str) {
    let dossier = |promotion: Promotion| {
        eig_eligibility::rule_set(promotion)
            .map(|rules| rules.dossier_rule_ids().to_vec())
            .unwrap_or_default()
    };
    let candidate = |promotion: Promotion| {
        eig_eligibility::rule_set(promotion)
            .map(|rules| rules.candidate_rule_ids().to_vec())
            .unwrap_or_default()
    };
    let funding = || {
        let mut ids: Vec<&'static str> =
            eig_funding::RuleId::ALL.iter().map(|rule| rule.as_str()).collect();
        ids.extend(eig_funding::RuleId::CHOICES);
        ids
    };
    match input {
        CaseInput::Dossier(record) => {
            let promotion = record.defi.promotion;
            (dossier(promotion), Some(promotion), "un dossier de défi")
        }
        CaseInput::Candidate(record) => {
            (candidate(record.promotion), Some(record.promotion), "une candidature")
        }
        CaseInput::Changes(changes) => match &changes.record {
            ChangesRecord::Dossier(record) => {
                let promotion = record.defi.promotion;
                (dossier(promotion), Some(promotion), "un dossier de défi")
            }
            ChangesRecord::Candidate(record) => {
                (candidate(record.promotion), Some(record.promotion), "une candidature")
            }
        },
        CaseInput::Ami5bis(_) => (
            eig_eligibility::eig5bis_rule_ids().to_vec(),
            None,
            "une candidature à l'AMI Promotion 5 bis",
        ),
        CaseInput::Prolongation(_) => (
            eig_eligibility::prolongation_rule_ids().to_vec(),
            None,
            "une demande de prolongation EIG6+",
        ),
        CaseInput::Funding(..)
        | CaseInput::Calendar(_)
        | CaseInput::Split(_)
        | CaseInput::Evenly(_)
        | CaseInput::Allocate(_) => (funding(), None, "un financement"),
        CaseInput::Campaign(campaign) => {
            let promotion = campaign.promotion;
            let mut ids = dossier(promotion);
            ids.extend(candidate(promotion));
            ids.extend(funding());
            ids.extend(eig_eligibility::selection_rule_ids(promotion));
            (ids, Some(promotion), "un appel entier")
        }
        CaseInput::Jury(sheet) => (
            eig_eligibility::selection_rule_ids(sheet.promotion),
            Some(sheet.promotion),
            "une sélection des lauréats",
        ),
        CaseInput::Scores(sheet) => (
            eig_eligibility::selection_rule_ids(sheet.promotion),
            Some(sheet.promotion),
            "une notation des candidats",
        ),
        CaseInput::Eig7Terms(_) | CaseInput::Eig7Cap(_) => (
            eig_eligibility::selection_rule_ids(Promotion::Eig7),
            Some(Promotion::Eig7),
            "les termes du contrat EIG7",
        ),
        CaseInput::Termination(_) => (
            eig_eligibility::selection_rule_ids(Promotion::Eig6),
            Some(Promotion::Eig6),
            "une résiliation de convention",
        ),
        _ => (Vec::new(), None, "ce genre de cas"),
    }
}

/// The edit distance between two ids (Levenshtein, on bytes: the ids are ASCII).
fn distance(a: &str, b: &str) -> usize {
    let b = b.as_bytes();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.bytes().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

/// Every rule id of the case that does not exist for its promotion and kind.
fn rule_problems(case: &Case) -> Vec<CitationProblem> {
    let (known, promotion, kind) = known_rules(&case.input);
    case.rules
        .iter()
        .filter(|rule| !known.contains(&rule.as_str()))
        .map(|rule| {
            let whose = promotion.map_or_else(String::new, |p| format!(" de {p}"));
            let nearest = known.iter().min_by_key(|id| distance(rule, id)).copied();
            let message = match (known.is_empty(), nearest) {
                (true, _) | (_, None) => format!(
                    "aucune règle {} pour {kind}{whose} : ce cas ne peut nommer aucune règle, \
                     retirez-la de rules",
                    eig_domain::echo(rule)
                ),
                (false, Some(nearest)) => format!(
                    "la règle {} n'existe pas pour {kind}{whose} : la plus proche est {nearest}",
                    eig_domain::echo(rule)
                ),
            };
            CitationProblem {
                code: "citation_unknown_rule",
                field: "rules",
                message,
                nearest: nearest.filter(|_| !known.is_empty()).map(str::to_owned),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn the_distance_counts_edits() {
        assert_eq!(distance("funding.envelope", "funding.envelope"), 0);
        assert_eq!(distance("funding.envelop", "funding.envelope"), 1);
        assert_eq!(distance("eig3.host.kind", "eig4.host.kind"), 1);
        assert_eq!(distance("", "abc"), 3);
    }
}
