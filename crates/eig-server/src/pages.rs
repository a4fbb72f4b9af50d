//! The law ↔ code pages: for each source text, the text with every sentence a rule models
//! marked and linked to the rule, and every normative sentence no rule models with the reason
//! (`eig_catalogue::sentence_note`); for each rule, its sentence in context, its logic in
//! words, its parameters, the interpretations taken, its cases and the same rule in the other
//! promotions; the coverage of each text's normative sentences. Plain HTML and one
//! stylesheet, in French.

use std::{collections::BTreeMap, fmt::Write as _, sync::LazyLock};

use eig_catalogue::{
    Corpus, Note, Register, RuleEntry, RuleSubject, Unmodelled, catalogue, sentence_note,
};
use eig_domain::Document;
use eig_sources::normalise_quote;

/// The words that make a sentence normative (an obligation, a prohibition, an eligibility,
/// an exclusion), matched in the sentence lower-cased, anywhere in it or at its start
/// ("Ne peuvent …", "Sont éligibles …").
pub const NORMATIVE: [&str; 17] = [
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
    " ne sera pas retenu",
    " ne seront pas retenu",
    " sera écarté",
    " seront écarté",
    " sont exclu",
];

/// Whether `sentence` holds one of the [`NORMATIVE`] words, whatever its case.
///
/// # Example
/// ```
/// assert!(eig_server::is_normative("Ne peuvent candidater que des personnes physiques."));
/// assert!(eig_server::is_normative("Tout dossier incomplet sera écarté."));
/// assert!(!eig_server::is_normative("Le programme a fait le pari de l'ouverture."));
/// ```
pub fn is_normative(sentence: &str) -> bool {
    let spaced = format!(" {} ", sentence.to_lowercase());
    NORMATIVE.iter().any(|word| spaced.contains(word))
}

/// Whether `document` states rules: the report of analysis (RAPPORT) and the programme's
/// operations notes (ING) are cited for figures, and their sentences are not counted.
pub fn states_rules(document: Document) -> bool {
    !matches!(document, Document::Rapport | Document::Ing)
}

/// The paragraphs of a text as its layout means them: blank-line separated, with a page
/// number's line left out, a heading ("Article 7 – …", "4.3 Contenu …") set apart from the
/// sentence below it, and a sentence a page break cut ("rémunérés 3 500" / "ou 4 000 euros")
/// joined again.
///
/// # Example
/// ```
/// let text = "Article 7 – Engagements\nLes candidats s'engagent à venir.\n\n\n   9\nrémunérés 3 500\n\n  7\nou 4 000 euros.";
/// assert_eq!(
///     eig_server::layout_paragraphs(text),
///     ["Article 7 – Engagements", "Les candidats s'engagent à venir.", "rémunérés 3 500\nou 4 000 euros."]
/// );
/// ```
pub fn layout_paragraphs(text: &str) -> Vec<String> {
    layout_blocks(text).into_iter().map(|(_, paragraph)| paragraph).collect()
}

/// The paragraphs of [`layout_paragraphs`], each with its block: a heading or text.
fn layout_blocks(text: &str) -> Vec<(Block, String)> {
    let lines: Vec<&str> = text.lines().collect();
    // (paragraph, whether it is a heading)
    let mut paragraphs: Vec<(String, bool)> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, paragraphs: &mut Vec<(String, bool)>| {
        if !current.trim().is_empty() {
            paragraphs.push((std::mem::take(current), false));
        }
        current.clear();
    };
    let mut n = 0;
    while let Some(line) = lines.get(n) {
        let trimmed = line.trim();
        n += 1;
        // A blank line ends a paragraph; a page's number is left out and ends one too.
        if trimmed.is_empty() || is_page_number(trimmed) {
            flush(&mut current, &mut paragraphs);
        } else if is_heading(line, lines.get(n).copied()) {
            flush(&mut current, &mut paragraphs);
            paragraphs.push((trimmed.to_owned(), true));
        } else if let Some(rest) = wrapped_heading(line, &lines[n..]) {
            // A heading wrapped on a second line ("2.1 Des défis … et/ou d'efficacité" /
            // "opérationnelle de l'administration"): one heading.
            flush(&mut current, &mut paragraphs);
            paragraphs.push((format!("{trimmed} {}", rest.trim()), true));
            n += 1;
        } else {
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(line);
        }
    }
    flush(&mut current, &mut paragraphs);
    // A paragraph that ends mid-sentence, followed by one that starts in lower case: a page
    // break cut the sentence.
    let mut joined: Vec<(String, bool)> = Vec::new();
    for (paragraph, heading) in paragraphs {
        let starts_lower = paragraph.trim_start().starts_with(char::is_lowercase);
        match joined.last_mut() {
            Some((last, false))
                if !heading
                    && starts_lower
                    && !last.trim_end().ends_with(['.', ';', ':', '!', '?']) =>
            {
                last.push('\n');
                last.push_str(&paragraph);
            }
            _ => joined.push((paragraph, heading)),
        }
    }
    joined
        .into_iter()
        .map(|(paragraph, heading)| {
            (if heading { Block::Heading } else { Block::Text }, paragraph.trim().to_owned())
        })
        .collect()
}

/// The second line of a heading wrapped on two lines: `line` would be a heading were it not
/// followed by `rest[0]`, a line that continues it (in lower case, short, with no closing
/// punctuation), which the line after (`rest[1]`) follows as a sentence follows a heading.
fn wrapped_heading<'a>(line: &str, rest: &[&'a str]) -> Option<&'a str> {
    let (next, after) = (*rest.first()?, rest.get(1).copied());
    let trimmed = next.trim();
    let continues = trimmed.starts_with(char::is_lowercase)
        && trimmed.chars().count() <= 90
        && !trimmed.ends_with(['.', ';', ':', ',', '!', '?']);
    (continues && is_heading(line, after)).then_some(next)
}

/// A line holding only a page's number.
fn is_page_number(trimmed: &str) -> bool {
    (1..=3).contains(&trimmed.len()) && trimmed.bytes().all(|byte| byte.is_ascii_digit())
}

/// A heading's line: "Article 7 – …" or a section's number and its title ("4.3 Contenu du
/// dossier", "2.1. Administrations éligibles"), not indented as a list's item is, short,
/// with no closing punctuation, and followed by a line that starts a sentence (or by none).
fn is_heading(line: &str, next: Option<&str>) -> bool {
    let trimmed = line.trim();
    let indent = line.len() - line.trim_start().len();
    let numbered = |rest: &str| {
        let number = rest.split_whitespace().next().unwrap_or_default();
        let title = rest[number.len()..].trim_start();
        !number.is_empty()
            && number.starts_with(|c: char| c.is_ascii_digit())
            && number.chars().all(|c| c.is_ascii_digit() || c == '.')
            && title.starts_with(char::is_uppercase)
    };
    let article = trimmed
        .strip_prefix("Article ")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    let next_starts = next.is_none_or(|next| {
        let next = next.trim_start();
        next.is_empty() || next.starts_with(|c: char| c.is_uppercase() || c == '«')
    });
    indent <= 4
        && trimmed.chars().count() <= 90
        && !trimmed.ends_with(['.', ';', ':', ',', '!', '?'])
        && (article || numbered(trimmed))
        && next_starts
}

/// The coverage of one text: its normative sentences, modelled or not.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Coverage {
    /// The document.
    pub document: Document,
    /// Each normative sentence, in the text's order.
    pub sentences: Vec<NormativeSentence>,
}

/// A normative sentence of a text, and what models it or why nothing does.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct NormativeSentence {
    /// The sentence, as `eig_sources::normalise_quote` writes it.
    pub text: String,
    /// The rules whose quote is in it.
    pub quoted_by: Vec<String>,
    /// What `eig_catalogue::sentence_note` says of it: the rules that model it without
    /// quoting it, or why none does.
    pub note: Option<Note>,
}

impl NormativeSentence {
    /// The rules that model it: those that quote it, else those the note names.
    pub fn rules(&self) -> Vec<String> {
        match self.note {
            _ if !self.quoted_by.is_empty() => self.quoted_by.clone(),
            Some(Note::ModelledBy(ids)) => ids.iter().map(|id| (*id).to_owned()).collect(),
            _ => Vec::new(),
        }
    }

    /// Why no rule models it, when none does and the reason is written.
    pub fn reason(&self) -> Option<Unmodelled> {
        match self.note {
            Some(Note::NotModelled(reason)) if self.quoted_by.is_empty() => Some(reason),
            _ => None,
        }
    }
}

impl Coverage {
    /// How many normative sentences a rule models.
    pub fn modelled(&self) -> usize {
        self.sentences.iter().filter(|sentence| !sentence.rules().is_empty()).count()
    }
}

/// What a paragraph of a text is, as the pages render it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    Text,
    Heading,
    Item,
}

/// The blocks of a Markdown text (ING, the FAQs, the blog post), rendered as a person reads
/// them: a heading's `#` marks, a list's `*`, emphasis, link targets, containers' `:::` lines,
/// character references and the table of contents left out.
///
/// # Example
/// ```text
/// markdown_blocks("### Postes\n\n* **Un** : [lien](https://x) &#x1F4D6;\n")
///     == [(Block::Heading, "Postes"), (Block::Item, "Un : lien")]
/// ```
fn markdown_blocks(text: &str) -> Vec<(Block, String)> {
    let inline = |line: &str| -> String {
        let mut out = String::new();
        let mut rest = line;
        while let Some(at) = rest.find("&#") {
            out.push_str(&rest[..at]);
            rest = rest[at..].find(';').map_or("", |end| &rest[at + end + 1..]);
        }
        out.push_str(rest);
        let mut cleaned = String::new();
        let mut chars = out.replace("**", "").chars().collect::<Vec<_>>().into_iter().peekable();
        while let Some(ch) = chars.next() {
            match ch {
                '[' => {}
                ']' if chars.peek() == Some(&'(') => {
                    for next in chars.by_ref() {
                        if next == ')' {
                            break;
                        }
                    }
                }
                _ => cleaned.push(ch),
            }
        }
        let trimmed = cleaned.trim();
        let trimmed =
            trimmed.strip_prefix('_').and_then(|t| t.strip_suffix('_')).unwrap_or(trimmed);
        trimmed.to_owned()
    };
    let mut blocks: Vec<(Block, String)> = Vec::new();
    for paragraph in text.split("\n\n") {
        let mut current = String::new();
        let flush = |current: &mut String, blocks: &mut Vec<(Block, String)>| {
            if !current.trim().is_empty() {
                blocks.push((Block::Text, std::mem::take(current)));
            }
            current.clear();
        };
        for line in paragraph.lines() {
            let trimmed = line.trim();
            if trimmed.starts_with(":::") {
                flush(&mut current, &mut blocks);
                // `::: tip Ressources`: the container's kind, then its title.
                let rest = trimmed.trim_start_matches(':').trim_start();
                let title = inline(rest.split_once(' ').map_or("", |(_, title)| title));
                if !title.is_empty() {
                    blocks.push((Block::Text, title));
                }
            } else if trimmed == "[[toc]]" {
            } else if let Some(heading) = trimmed.strip_prefix('#') {
                flush(&mut current, &mut blocks);
                blocks.push((Block::Heading, inline(heading.trim_start_matches('#'))));
            } else if let Some(item) =
                trimmed.strip_prefix("* ").or_else(|| trimmed.strip_prefix("- "))
            {
                flush(&mut current, &mut blocks);
                blocks.push((Block::Item, inline(item)));
            } else if !trimmed.is_empty() {
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(&inline(trimmed));
            }
        }
        flush(&mut current, &mut blocks);
    }
    blocks.retain(|(_, text)| !text.is_empty());
    blocks
}

/// One sentence of a text: the rules that model it and, for a normative sentence no rule
/// quotes, its note.
struct Sentence {
    text: String,
    /// The block of its paragraph: text, a heading or a list's item (Markdown texts).
    block: Block,
    normative: bool,
    quoted_by: Vec<String>,
    note: Option<Note>,
}

impl Sentence {
    fn rules(&self) -> Vec<String> {
        self.as_normative().rules()
    }

    fn as_normative(&self) -> NormativeSentence {
        NormativeSentence {
            text: self.text.clone(),
            quoted_by: self.quoted_by.clone(),
            note: self.note,
        }
    }
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

/// A quote's pieces, made comparable with a text's sentences: its verbatim parts (the
/// elisions cut it), each cut into sentences, short pieces left out.
fn quote_pieces(quote: &str) -> Vec<String> {
    normalise_quote(quote)
        .replace("(…)", "…")
        .replace("[…]", "…")
        .replace("...", "…")
        .split('…')
        .flat_map(|part| eig_sources::sentences(part.trim()))
        .map(|piece| fold(&piece))
        .filter(|piece| piece.chars().count() >= 12)
        .collect()
}

/// A sentence or a quote's piece without hyphens: a word the layout cut at a line's end
/// (`elle- même`) reads as the quote's (`elle-même`).
fn fold(text: &str) -> String {
    text.replace("- ", "").replace('-', "")
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
        .map(|(id, quote)| (id, quote_pieces(quote)))
        .collect();
    let counted = states_rules(document);
    let blocks: Vec<(Block, String)> =
        if eig_sources::is_markup(document) { markdown_blocks(text) } else { layout_blocks(text) };
    blocks
        .iter()
        .map(|(block, paragraph)| {
            let cut = if *block == Block::Heading {
                vec![normalise_quote(paragraph)]
            } else {
                eig_sources::sentences(&normalise_quote(paragraph))
            };
            cut.into_iter()
                .map(|sentence| {
                    let normative = counted && is_normative(&sentence);
                    let folded = fold(&sentence);
                    let mut ids: Vec<String> = quotes
                        .iter()
                        .filter(|(_, pieces)| {
                            pieces.iter().any(|piece| {
                                folded.contains(piece.as_str())
                                    || piece.contains(&folded) && folded.len() > 20
                            })
                        })
                        .map(|(id, _)| id.clone())
                        .collect();
                    ids.dedup();
                    let note = if normative { sentence_note(document, &sentence) } else { None };
                    Sentence { text: sentence, block: *block, normative, quoted_by: ids, note }
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
        .filter(|document| states_rules(*document))
        .map(|document| Coverage {
            document,
            sentences: sentences(document, &rules)
                .into_iter()
                .flatten()
                .filter(|sentence| sentence.normative)
                .map(|sentence| sentence.as_normative())
                .collect(),
        })
        .collect()
}

/// The coverage of every text in Markdown, as `docs/rules/coverage.md` holds it (a test
/// fails when they differ): per text, its normative sentences, how many a rule models, the
/// sentences modelled by a rule that quotes another sentence of the passage, and the
/// sentences no rule models, each with its reason.
///
/// # Example
/// ```
/// assert!(eig_server::coverage_markdown().starts_with("# Coverage of the texts"));
/// ```
pub fn coverage_markdown() -> String {
    let coverage = coverage();
    let mut out = String::from(
        "# Coverage of the texts by the rules\n\n\
         Generated from the rule definitions, the shipped texts and the notes of \
         `eig_catalogue::sentence_notes` by `eig_server::coverage_markdown` (the same data as \
         the law ↔ code pages, `eig rules --html DIR`); the test \
         `pages::the_coverage_page_is_the_data` fails when this file differs \
         (regenerate: `EIG_UPDATE_DOCS=1 cargo test -p eig-server --test it pages`).\n\n\
         A sentence is *normative* when it holds one of these words: ",
    );
    let words: Vec<String> = NORMATIVE.iter().map(|word| format!("`{}`", word.trim())).collect();
    out.push_str(&words.join(", "));
    out.push_str(
        ", matched whatever the case (a sentence may start with one). The report of \
         analysis (RAPPORT) and the programme's operations notes (ING), which rules cite for \
         figures, state no rule: their sentences are not counted. A page's number and a \
         heading are not part of the sentence below them, and a sentence a page break cut is \
         read whole. It is *modelled* when a rule quotes it (the sentence of its definition, or of a \
         funding rule's source, is in it), or when a rule models it while quoting another \
         sentence of the same passage (the closing words of a list, the same condition said \
         twice): `eig_catalogue::sentence_notes` names those rules. Every other normative \
         sentence is listed with the reason no rule models it, from the same notes; the test \
         `pages::every_normative_sentence_is_modelled_or_has_its_reason` fails when one has \
         neither.\n\n| Text | Normative sentences | Modelled | Share |\n|---|---|---|---|\n",
    );
    for text in &coverage {
        let total = text.sentences.len();
        let share = (text.modelled() * 100).checked_div(total).unwrap_or(0);
        let _ = writeln!(out, "| {} | {total} | {} | {share} % |", text.document, text.modelled());
    }
    let plain = |sentence: &str| sentence.replace(['«', '»'], "\"");
    for text in &coverage {
        let _ = writeln!(out, "\n## {}", text.document);
        let unquoted: Vec<&NormativeSentence> = text
            .sentences
            .iter()
            .filter(|sentence| sentence.quoted_by.is_empty() && !sentence.rules().is_empty())
            .collect();
        let missing: Vec<&NormativeSentence> =
            text.sentences.iter().filter(|sentence| sentence.rules().is_empty()).collect();
        if missing.is_empty() {
            out.push_str("\nEvery normative sentence is modelled.\n");
        }
        if !unquoted.is_empty() {
            out.push_str("\nModelled by a rule that quotes another sentence of the passage:\n\n");
        }
        for sentence in unquoted {
            let rules: Vec<String> =
                sentence.rules().iter().map(|rule| format!("`{rule}`")).collect();
            let _ = writeln!(out, "- {}: {}", plain(&sentence.text), rules.join(", "));
        }
        if !missing.is_empty() {
            out.push_str("\nNot modelled, and why:\n\n");
        }
        for sentence in missing {
            let reason = sentence.reason().map_or("no reason written", Unmodelled::english);
            let _ = writeln!(out, "- {}: {reason}", plain(&sentence.text));
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
    let texts: BTreeMap<Document, Vec<Vec<Sentence>>> = documents(&rules)
        .into_iter()
        .map(|document| (document, sentences(document, &rules)))
        .collect();
    for (document, paragraphs) in &texts {
        pages.insert(text_file(*document), text_page(*document, paragraphs, &rules));
    }
    for rule in &rules {
        pages.insert(rule_file(&rule.id, rule.promotion), rule_page(rule, &rules, &texts));
    }
    pages
}

/// The anchor of a sentence on its text's page.
fn sentence_anchor(paragraph: usize, sentence: usize) -> String {
    format!("phrase-{}-{}", paragraph + 1, sentence + 1)
}

/// The page of rule `id` a text links to: the entry of the promotion whose rule cites
/// `document`, else the first.
fn rule_href(id: &str, document: Document, rules: &[RuleEntry]) -> Option<String> {
    let cites = |rule: &&RuleEntry| {
        std::iter::once(&rule.source)
            .chain(&rule.other_sources)
            .any(|cited| cited.source.document == document)
    };
    let named = || rules.iter().filter(|rule| rule.id == id);
    named().find(cites).or_else(|| named().next()).map(|rule| rule_file(&rule.id, rule.promotion))
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

fn text_page(document: Document, paragraphs: &[Vec<Sentence>], rules: &[RuleEntry]) -> String {
    let mut body = String::from(
        "<p>Les phrases qu'une règle modélise sont surlignées et suivies du lien vers la règle ; \
         les phrases normatives qu'aucune règle ne modélise sont signalées « non modélisée », \
         avec la raison.</p>\n",
    );
    let block =
        |p: usize| paragraphs.get(p).and_then(|paragraph| paragraph.first()).map(|s| s.block);
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let (open, close) = match block(p) {
            Some(Block::Heading) => ("<h2>", "</h2>\n"),
            Some(Block::Item) => (
                if p > 0 && block(p - 1) == Some(Block::Item) { "<li>" } else { "<ul>\n<li>" },
                if block(p + 1) == Some(Block::Item) { "</li>\n" } else { "</li>\n</ul>\n" },
            ),
            _ => ("<p>", "</p>\n"),
        };
        body.push_str(open);
        for (n, sentence) in paragraph.iter().enumerate() {
            let rules_of = sentence.rules();
            if rules_of.is_empty() {
                if sentence.normative {
                    let reason = sentence
                        .as_normative()
                        .reason()
                        .map_or("raison non écrite", Unmodelled::french);
                    let _ = write!(
                        body,
                        "<span class=\"non-modelisee\" id=\"{}\">{} <em>(non modélisée : {})</em></span> ",
                        sentence_anchor(p, n),
                        escape(&sentence.text),
                        escape(reason)
                    );
                } else {
                    let _ = write!(body, "{} ", escape(&sentence.text));
                }
                continue;
            }
            let _ = write!(
                body,
                "<mark id=\"{}\">{}</mark> ",
                sentence_anchor(p, n),
                escape(&sentence.text)
            );
            for id in &rules_of {
                if let Some(href) = rule_href(id, document, rules) {
                    let _ =
                        write!(body, "<a class=\"regle\" href=\"{href}\">[{}]</a> ", escape(id));
                }
            }
        }
        let kept = body.trim_end_matches(' ').len();
        body.truncate(kept);
        body.push_str(close);
    }
    page(&format!("Texte {document}"), &body)
}

/// How many paragraphs of a list a rule's context shows after a sentence ending in a colon.
const LIST_PARAGRAPHS: usize = 8;

/// The rule's sentence in its text: the paragraph holding the first sentence the rule
/// models, with that sentence marked and linked to its place on the text's page; when the
/// sentence ends its paragraph with a colon, the list that follows too (the paragraphs up to
/// the next heading, at most [`LIST_PARAGRAPHS`]).
fn context(
    rule: &RuleEntry,
    texts: &BTreeMap<Document, Vec<Vec<Sentence>>>,
) -> Option<(Document, String)> {
    let sources = std::iter::once(&rule.source).chain(&rule.other_sources);
    for document in sources.map(|cited| cited.source.document) {
        let Some(paragraphs) = texts.get(&document) else { continue };
        for (p, paragraph) in paragraphs.iter().enumerate() {
            let Some(at) = paragraph.iter().position(|s| s.rules().contains(&rule.id)) else {
                continue;
            };
            let mut html = String::from("<blockquote class=\"contexte\"><p>");
            for (n, sentence) in paragraph.iter().enumerate() {
                if n == at {
                    let _ = write!(html, "<mark>{}</mark> ", escape(&sentence.text));
                } else {
                    let _ = write!(html, "{} ", escape(&sentence.text));
                }
            }
            html.push_str("</p>");
            if at + 1 == paragraph.len() && paragraph[at].text.ends_with(':') {
                let list = paragraphs[p + 1..]
                    .iter()
                    .take_while(|next| next.first().is_some_and(|s| s.block != Block::Heading))
                    .take(LIST_PARAGRAPHS);
                for next in list {
                    let texts: Vec<String> = next.iter().map(|s| escape(&s.text)).collect();
                    let _ = write!(html, "<p>{}</p>", texts.join(" "));
                }
            }
            let _ = writeln!(
                html,
                "</blockquote>\n<p><a href=\"{}#{}\">Cette phrase dans le texte {document}</a>.</p>",
                text_file(document),
                sentence_anchor(p, at)
            );
            return Some((document, html));
        }
    }
    None
}

/// The rule's logic in words: for an eligibility rule (dossier, candidate, AMI 5 bis, EIG6+
/// prolongation), what the corpus's runs show (the facts it reads and the reasons it gave, in
/// the rule's own French); for a funding rule, its title, its parameters when it has any
/// (listed below) and the formulas and worked examples of the corpus's plans.
fn logic(rule: &RuleEntry) -> String {
    let mut html = String::from("<h2>Sa logique en mots</h2>\n");
    if matches!(rule.subject, RuleSubject::Selection | RuleSubject::Terms) {
        after_the_calls(&mut html, rule);
        return html;
    }
    let Some(logic) = Corpus::embedded().logic_of(&rule.id) else {
        if rule.subject != RuleSubject::Funding {
            let _ = writeln!(
                html,
                "<p>La règle vérifie : {}. Aucun cas du corpus ne l'exécute : sa logique n'est \
                 pas montrée ici.</p>",
                escape(&first_lowercase(&rule.title))
            );
            return html;
        }
        let below = if rule.parameters.is_empty() {
            String::new()
        } else {
            format!(
                ", avec {} ci-dessous",
                plural(rule.parameters.len(), "le paramètre", "les paramètres")
            )
        };
        let _ = writeln!(
            html,
            "<p>{}. Règle de financement : elle calcule une part du plan de financement de la \
             promotion{below}.</p>",
            escape(&rule.title)
        );
        if let Some(funding) = Corpus::embedded().funding_logic_of(&rule.id, rule.promotion) {
            if !funding.formulas.is_empty() {
                html.push_str("<p>Ce qu'elle calcule, pour chaque talent :</p>\n<ul>\n");
                for formula in &funding.formulas {
                    let _ = writeln!(html, "<li>{}</li>", escape(formula));
                }
                html.push_str("</ul>\n");
            }
            if !funding.examples.is_empty() {
                html.push_str("<p>Des calculs des cas du corpus où elle s'applique :</p>\n<ul>\n");
                for example in &funding.examples {
                    let _ = writeln!(html, "<li>{}</li>", escape(example));
                }
                html.push_str("</ul>\n");
            }
        }
        return html;
    };
    let _ = writeln!(html, "<p>La règle vérifie : {}.</p>", escape(&first_lowercase(&rule.title)));
    if !logic.reads.is_empty() {
        html.push_str("<p>Elle lit :</p>\n<ul>\n");
        for fact in &logic.reads {
            let _ = writeln!(html, "<li>{}</li>", escape(fact));
        }
        html.push_str("</ul>\n");
    }
    if logic.refusals.is_empty() {
        html.push_str("<p>Aucun cas du corpus ne la met en échec.</p>\n");
    } else {
        let _ = writeln!(
            html,
            "<p>Ce qu'elle répond quand la condition n'est pas remplie, dans les cas du corpus \
             ({}) :</p>\n<ul>",
            plural(logic.refusals.len(), "formulation", "formulations")
        );
        for refusal in &logic.refusals {
            let _ = writeln!(html, "<li>{}</li>", escape(refusal));
        }
        html.push_str("</ul>\n");
    }
    html
}

/// The logic of a selection rule or a term after it: when it applies, what it is given, and
/// what it computed in the corpus's cases that name it (the jury's ranking, the candidates'
/// lists, the dates, the withdrawn défi), in French.
fn after_the_calls(html: &mut String, rule: &RuleEntry) {
    let when = if rule.id.ends_with(".recruitment_cap") {
        "Cette règle s'applique après la sélection : le nombre d'EIG recrutés dans l'année est \
         une donnée fournie ; elle dit si le vivier mène encore à des entretiens sur mission."
    } else if rule.subject == RuleSubject::Selection {
        "Cette règle s'applique à la sélection, après les appels : les notes, le classement, \
         l'avis ou la décision du jury sont des données fournies ; elle en tire le classement, \
         les listes ou la suite donnée."
    } else {
        "Cette règle s'applique après la sélection et donne des dates : le début du contrat, \
         l'arrivée, la réception d'un avis ou la notification d'une résiliation sont des \
         données fournies."
    };
    let _ = writeln!(html, "<p>{}. {when}</p>", escape(&rule.title));
    let examples = Corpus::embedded().logic_of(&rule.id).map(|logic| &logic.examples);
    match examples.filter(|examples| !examples.is_empty()) {
        Some(examples) => {
            html.push_str(
                "<p>Ce qu'elle a donné dans les cas du corpus qui la nomment :</p>\n<ul>\n",
            );
            for example in examples {
                let _ = writeln!(html, "<li>{}</li>", escape(example));
            }
            html.push_str("</ul>\n");
        }
        None => html.push_str("<p>Aucun cas du corpus ne l'exécute.</p>\n"),
    }
}

/// `count` and its noun, agreed as French agrees them (0 and 1 take the singular): "0
/// formulation", "1 formulation", "2 formulations"; "le paramètre", "les paramètres" when
/// `count` is not written.
fn plural(count: usize, one: &str, several: &str) -> String {
    match (count, one.starts_with("le ")) {
        (0 | 1, true) => one.to_owned(),
        (_, true) => several.to_owned(),
        (0 | 1, false) => format!("{count} {one}"),
        (_, false) => format!("{count} {several}"),
    }
}

fn rule_page(
    rule: &RuleEntry,
    rules: &[RuleEntry],
    texts: &BTreeMap<Document, Vec<Vec<Sentence>>>,
) -> String {
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
    } else {
        let _ = writeln!(
            body,
            "<h2>La phrase modélisée</h2>\n<p>Aucune phrase des textes ne l'énonce : sa source, \
             {}, la donne dans un tableau ou dans l'ensemble d'une section, sans phrase à citer.</p>",
            escape(&rule.source.source.to_string())
        );
    }
    if let Some((document, html)) = context(rule, texts) {
        let _ = writeln!(body, "<h2>La phrase dans son contexte ({document})</h2>");
        body.push_str(&html);
    } else if eig_sources::text(rule.source.source.document).is_some() {
        let _ = writeln!(
            body,
            "<p>Dans son contexte : <a href=\"{}\">le texte {}</a>.</p>",
            text_file(rule.source.source.document),
            rule.source.source.document
        );
    }
    body.push_str(&logic(rule));
    if !rule.parameters.is_empty() {
        body.push_str("<h2>Paramètres</h2>\n<ul>\n");
        for parameter in &rule.parameters {
            let _ = writeln!(
                body,
                "<li>{} (<code>{}</code>) : {} ({})</li>",
                escape(parameter.french_name()),
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
                "<li>{} (<code>{}</code>, registre des interprétations, docs/rules/assumptions.md)</li>",
                escape(interpretation.french.as_deref().unwrap_or("voir le registre")),
                escape(&interpretation.slug)
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
a { color: #0b4fa3; overflow-wrap: anywhere; }
li, td, p, h1, h2, dt, dd { overflow-wrap: anywhere; }
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

/// `title` with its first letter in lower case, as it reads inside a sentence ("La règle
/// vérifie : défi EIG Link …"): the rest keeps its capitals (EIG, DINUM, Paris).
fn first_lowercase(title: &str) -> String {
    let mut chars = title.chars();
    chars.next().map_or_else(String::new, |first| first.to_lowercase().chain(chars).collect())
}

#[cfg(test)]
mod tests;
