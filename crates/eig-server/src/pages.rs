//! The law ↔ code pages: for each source text, the text with every sentence a rule models
//! marked and linked to the rule; for each rule, its sentence in context, its parameters,
//! the interpretations taken, its cases and the same rule in the other promotions; the
//! coverage of each text's normative sentences. Plain HTML and one stylesheet, in French.

use std::{collections::BTreeMap, fmt::Write as _, sync::LazyLock};

use eig_catalogue::{Corpus, Register, RuleEntry, catalogue};
use eig_domain::Document;
use eig_sources::normalise_quote;

/// The words that make a sentence normative (an obligation, a prohibition, an eligibility).
pub const NORMATIVE: [&str; 12] = [
    " doit ",
    " doivent ",
    " devra ",
    " devront ",
    " ne peut ",
    " ne peuvent ",
    " sont éligibles",
    " est éligible",
    " s'engage",
    " s'engagent",
    "impérativement",
    " obligatoire",
];

/// The coverage of one text: its normative sentences, modelled or not.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Coverage {
    /// The document.
    pub document: Document,
    /// Each normative sentence and the rules that model it (none: not modelled).
    pub sentences: Vec<(String, Vec<String>)>,
}

impl Coverage {
    /// How many normative sentences a rule models.
    pub fn modelled(&self) -> usize {
        self.sentences.iter().filter(|(_, rules)| !rules.is_empty()).count()
    }
}

/// One sentence of a text, and the rules whose quote it holds.
struct Sentence {
    text: String,
    normative: bool,
    rules: Vec<String>,
}

/// Every rule of every promotion (a rule of several promotions once per promotion).
fn all_rules() -> Vec<RuleEntry> {
    catalogue(None, None, Corpus::embedded(), Register::embedded())
        .promotions
        .into_iter()
        .flat_map(|promotion| promotion.rules)
        .collect()
}

/// The documents the rules cite that have a text.
fn documents(rules: &[RuleEntry]) -> Vec<Document> {
    let mut found: Vec<Document> = rules
        .iter()
        .flat_map(|rule| std::iter::once(&rule.source).chain(&rule.other_sources))
        .map(|cited| cited.source.document)
        .filter(|document| eig_sources::text(*document).is_some())
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The paragraphs of a text (blank-line separated), each split into sentences.
fn sentences(document: Document, rules: &[RuleEntry]) -> Vec<Vec<Sentence>> {
    let text = eig_sources::text(document).unwrap_or_default();
    let quotes: Vec<(String, Vec<String>)> = rules
        .iter()
        .flat_map(|rule| {
            std::iter::once(&rule.source)
                .chain(&rule.other_sources)
                .filter(|cited| cited.source.document == document)
                .filter_map(move |cited| cited.quote.as_ref().map(|quote| (rule.id.clone(), quote)))
        })
        .map(|(id, quote)| {
            let parts = quote
                .split(['…', '['])
                .map(|part| normalise_quote(part.trim_start_matches(']').trim()))
                .filter(|part| part.chars().count() >= 12)
                .collect();
            (id, parts)
        })
        .collect();
    text.split("\n\n")
        .map(|paragraph| {
            eig_sources::sentences(&normalise_quote(paragraph))
                .into_iter()
                .map(|sentence| {
                    let spaced = format!(" {sentence} ");
                    let normative = NORMATIVE.iter().any(|word| spaced.contains(word));
                    let mut ids: Vec<String> = quotes
                        .iter()
                        .filter(|(_, parts)| {
                            parts.iter().any(|part| {
                                sentence.contains(part.as_str())
                                    || part.contains(&sentence) && sentence.len() > 20
                            })
                        })
                        .map(|(id, _)| id.clone())
                        .collect();
                    ids.dedup();
                    Sentence { text: sentence, normative, rules: ids }
                })
                .collect()
        })
        .filter(|paragraph: &Vec<Sentence>| !paragraph.is_empty())
        .collect()
}

/// The coverage of every text the rules cite.
///
/// # Example
/// ```
/// let coverage = eig_server::coverage();
/// let aap3 = coverage.iter().find(|text| text.document == eig_domain::Document::Aap3).unwrap();
/// assert!(aap3.modelled() > 0 && aap3.modelled() <= aap3.sentences.len());
/// ```
pub fn coverage() -> Vec<Coverage> {
    let rules = all_rules();
    documents(&rules)
        .into_iter()
        .map(|document| Coverage {
            document,
            sentences: sentences(document, &rules)
                .into_iter()
                .flatten()
                .filter(|sentence| sentence.normative)
                .map(|sentence| (sentence.text, sentence.rules))
                .collect(),
        })
        .collect()
}

/// The coverage of every text in Markdown, as `docs/rules/coverage.md` holds it (a test
/// fails when they differ): per text, its normative sentences, how many a rule models, and
/// the sentences no rule models.
///
/// # Example
/// ```
/// assert!(eig_server::coverage_markdown().starts_with("# Coverage of the texts"));
/// ```
pub fn coverage_markdown() -> String {
    let coverage = coverage();
    let mut out = String::from(
        "# Coverage of the texts by the rules\n\n\
         Generated from the rule definitions and the shipped texts by `eig_server::coverage_markdown` \
         (the same data as the law ↔ code pages, `eig rules --html DIR`); the test \
         `pages::the_coverage_page_is_the_data` fails when this file differs \
         (regenerate: `EIG_UPDATE_DOCS=1 cargo test -p eig-server --test it pages`).\n\n\
         A sentence is *normative* when it holds one of these words: ",
    );
    let words: Vec<String> = NORMATIVE.iter().map(|word| format!("`{}`", word.trim())).collect();
    out.push_str(&words.join(", "));
    out.push_str(
        ". It is *modelled* when the sentence a rule quotes (its definition's `quote`) is in \
         it. A sentence not modelled is listed with its reason; where no reason is written \
         yet, the list says so.\n\n| Text | Normative sentences | Modelled | Share |\n|---|---|---|---|\n",
    );
    for text in &coverage {
        let total = text.sentences.len();
        let share = (text.modelled() * 100).checked_div(total).unwrap_or(0);
        let _ = writeln!(out, "| {} | {total} | {} | {share} % |", text.document, text.modelled());
    }
    for text in &coverage {
        let _ = writeln!(out, "\n## {}\n", text.document);
        let missing: Vec<&String> =
            text.sentences.iter().filter(|(_, rules)| rules.is_empty()).map(|(s, _)| s).collect();
        if missing.is_empty() {
            out.push_str("Every normative sentence is modelled.\n");
        }
        for sentence in missing {
            let _ =
                writeln!(out, "- {}: reason not yet written", sentence.replace(['«', '»'], "\""));
        }
    }
    out
}

/// The pages, by file name (`index.html`, `texte-AAP3.html`, `regle-eig3.host.kind.html`,
/// `style.css`), built once.
///
/// # Example
/// ```
/// let pages = eig_server::rule_pages();
/// assert!(pages["index.html"].contains("<html lang=\"fr\">"));
/// assert!(pages.contains_key("regle-eig3.host.kind.html"));
/// ```
pub fn rule_pages() -> &'static BTreeMap<String, String> {
    static PAGES: LazyLock<BTreeMap<String, String>> = LazyLock::new(build);
    &PAGES
}

fn build() -> BTreeMap<String, String> {
    let rules = all_rules();
    let mut pages = BTreeMap::new();
    pages.insert("style.css".to_owned(), STYLE.to_owned());
    let coverage = coverage();
    pages.insert("index.html".to_owned(), index(&rules, &coverage));
    for document in documents(&rules) {
        pages.insert(text_file(document), text_page(document, &rules));
    }
    for rule in &rules {
        pages.insert(rule_file(&rule.id, rule.promotion), rule_page(rule, &rules));
    }
    pages
}

fn text_file(document: Document) -> String {
    format!("texte-{}.html", document.abbreviation().replace('+', "plus").replace(' ', "-"))
}

/// A rule's page: funding rules apply to several promotions, one page each.
fn rule_file(id: &str, promotion: eig_domain::Promotion) -> String {
    if id.starts_with("funding.") {
        format!("regle-{id}-{promotion}.html")
    } else {
        format!("regle-{id}.html")
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} — règles EIG</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n\
         <body>\n<a class=\"evitement\" href=\"#contenu\">Aller au contenu</a>\n\
         <header><nav aria-label=\"Pages des règles\"><a href=\"index.html\">Textes et règles</a></nav></header>\n\
         <main id=\"contenu\">\n<h1>{title}</h1>\n{body}</main>\n</body>\n</html>\n",
        title = escape(title)
    )
}

fn index(rules: &[RuleEntry], coverage: &[Coverage]) -> String {
    let mut body = String::from(
        "<p>Chaque texte du programme, avec les phrases que les règles du code modélisent, et \
         chaque règle, avec sa phrase, ses paramètres, l'interprétation retenue et ses cas de test.</p>\n\
         <h2>Textes et couverture</h2>\n<table>\n<caption>Phrases normatives de chaque texte modélisées par une règle</caption>\n\
         <thead><tr><th scope=\"col\">Texte</th><th scope=\"col\">Phrases normatives</th><th scope=\"col\">Modélisées</th></tr></thead>\n<tbody>\n",
    );
    for text in coverage {
        let _ = writeln!(
            body,
            "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
            text_file(text.document),
            text.document,
            text.sentences.len(),
            text.modelled()
        );
    }
    body.push_str("</tbody>\n</table>\n<h2>Règles par promotion</h2>\n");
    let mut by_promotion: BTreeMap<String, Vec<&RuleEntry>> = BTreeMap::new();
    for rule in rules {
        by_promotion.entry(rule.promotion.to_string()).or_default().push(rule);
    }
    for (promotion, entries) in by_promotion {
        let _ = writeln!(body, "<h3>{promotion}</h3>\n<ul>");
        for rule in entries {
            let _ = writeln!(
                body,
                "<li><a href=\"{}\">{}</a> — {}</li>",
                rule_file(&rule.id, rule.promotion),
                escape(&rule.id),
                escape(&rule.title)
            );
        }
        body.push_str("</ul>\n");
    }
    page("Textes et règles du programme EIG", &body)
}

fn text_page(document: Document, rules: &[RuleEntry]) -> String {
    let mut body = String::from(
        "<p>Les phrases qu'une règle modélise sont surlignées et suivies du lien vers la règle ; \
         les phrases normatives qu'aucune règle ne modélise sont signalées « non modélisée ».</p>\n",
    );
    let promotion_of =
        |id: &str| rules.iter().find(|rule| rule.id == id).map(|rule| rule.promotion);
    for paragraph in sentences(document, rules) {
        body.push_str("<p>");
        for sentence in paragraph {
            if sentence.rules.is_empty() {
                if sentence.normative {
                    let _ = write!(
                        body,
                        "<span class=\"non-modelisee\">{} <em>(non modélisée)</em></span> ",
                        escape(&sentence.text)
                    );
                } else {
                    let _ = write!(body, "{} ", escape(&sentence.text));
                }
                continue;
            }
            let _ = write!(body, "<mark>{}</mark> ", escape(&sentence.text));
            for id in &sentence.rules {
                if let Some(promotion) = promotion_of(id) {
                    let _ = write!(
                        body,
                        "<a class=\"regle\" href=\"{}\">[{}]</a> ",
                        rule_file(id, promotion),
                        escape(id)
                    );
                }
            }
        }
        body.push_str("</p>\n");
    }
    page(&format!("Texte {document}"), &body)
}

fn rule_page(rule: &RuleEntry, rules: &[RuleEntry]) -> String {
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<p><strong>{}</strong></p>\n<dl>\n<dt>Identifiant</dt><dd><code>{}</code></dd>\n<dt>Promotion</dt><dd>{}</dd>\n<dt>Ce qu'elle juge</dt><dd>{}</dd>\n<dt>Source</dt><dd>{}</dd>\n</dl>",
        escape(&rule.title),
        escape(&rule.id),
        rule.promotion,
        rule.subject.french(),
        escape(&rule.source.source.to_string()),
    );
    if let Some(quote) = &rule.source.quote {
        let _ = writeln!(
            body,
            "<h2>La phrase modélisée</h2>\n<blockquote><p>« {} »</p></blockquote>",
            escape(quote)
        );
        if eig_sources::text(rule.source.source.document).is_some() {
            let _ = writeln!(
                body,
                "<p>Dans son contexte : <a href=\"{}\">le texte {}</a>.</p>",
                text_file(rule.source.source.document),
                rule.source.source.document
            );
        }
    }
    if !rule.parameters.is_empty() {
        body.push_str("<h2>Paramètres</h2>\n<ul>\n");
        for parameter in &rule.parameters {
            let _ = writeln!(
                body,
                "<li><code>{}</code> : {} ({})</li>",
                escape(&parameter.name),
                escape(&parameter.values.join(" ; ")),
                escape(&parameter.source.to_string())
            );
        }
        body.push_str("</ul>\n");
    }
    if !rule.interpretations.is_empty() {
        body.push_str("<h2>Interprétation retenue</h2>\n<ul>\n");
        for interpretation in &rule.interpretations {
            let _ = writeln!(
                body,
                "<li><code>{}</code> : {} (registre des interprétations, docs/rules/assumptions.md)</li>",
                escape(&interpretation.slug),
                escape(&interpretation.title)
            );
        }
        body.push_str("</ul>\n");
    }
    let _ = writeln!(
        body,
        "<h2>Cas de test</h2>\n<p>{}</p>",
        if rule.cases.is_empty() {
            "Aucun cas du corpus ne la nomme.".to_owned()
        } else {
            escape(&rule.cases.join(", "))
        }
    );
    let others: Vec<&RuleEntry> = rules
        .iter()
        .filter(|other| {
            other.family == rule.family
                && other.subject == rule.subject
                && other.promotion != rule.promotion
        })
        .collect();
    if !others.is_empty() {
        body.push_str("<h2>La même règle dans les autres promotions</h2>\n<ul>\n");
        for other in others {
            let _ = writeln!(
                body,
                "<li><a href=\"{}\">{} — {}</a></li>",
                rule_file(&other.id, other.promotion),
                other.promotion,
                escape(&other.id)
            );
        }
        body.push_str("</ul>\n");
    }
    page(&format!("Règle {} ({})", rule.id, rule.promotion), &body)
}

/// The stylesheet: readable at 390 px, contrasts of WCAG AA.
const STYLE: &str = "body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0 auto; max-width: 60rem; padding: 0 1rem; color: #1e1e1e; background: #fff; }
a { color: #0b4fa3; }
a:focus { outline: 3px solid #1e1e1e; outline-offset: 2px; }
.evitement { position: absolute; left: -9999px; }
.evitement:focus { position: static; }
mark { background: #fff2a8; color: #1e1e1e; }
.non-modelisee { border-bottom: 2px dotted #8a1c1c; }
.non-modelisee em { color: #8a1c1c; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #6b6b6b; padding: 0.25rem 0.5rem; text-align: left; }
code { overflow-wrap: anywhere; }
blockquote { margin: 0; padding-left: 1rem; border-left: 4px solid #6b6b6b; }
";
