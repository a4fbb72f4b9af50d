//! `docs/rules/eligibility.md` and `docs/rules/funding.md` are generated from the catalogue,
//! where it holds data: each rule entry's data lines (its source, its French title, the
//! sentence it models, its parameters, the register's readings of it, its cases) are written
//! from the catalogue (`catalogue(None, None, Corpus::embedded(), Register::embedded())`), in
//! the catalogue's order within each section of the file; the lines written by hand (its
//! interpretation, what the history shows, the sections and the prose around the entries) are
//! kept as they are. A test fails when a file differs from its generation; `EIG_UPDATE_DOCS=1
//! cargo test -p eig-catalogue --test it docs` rewrites it. An entry for a rule the catalogue
//! does not hold fails the test (it is removed by hand, with its prose).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use eig_catalogue::{Corpus, Register, RuleEntry, RuleSubject, catalogue};
use eig_funding::RuleId;

/// The labels of the lines the catalogue writes: `- **Source**:`, `- **Title**:`, …; the
/// first four lead the entry, the last two follow the hand-written lines that lead it.
const HEAD: [&str; 4] = ["Source", "Title", "Text", "Parameters"];
const FOOT: [&str; 2] = ["Readings", "Cases"];

/// One rule's generated lines, gathered over the promotions that hold it.
#[derive(Debug)]
struct Generated {
    id: String,
    head: Vec<String>,
    foot: Vec<String>,
}

/// Each rule's entries in the catalogue, one per promotion holding it; the rules of
/// `funding` (true) or the others. The rules are in the catalogue's order: the promotions'
/// in turn, each in its order; the funding rules, which every promotion lists in the code's
/// order (`RuleId::ALL`), in that order.
fn rules(funding: bool) -> Vec<Vec<RuleEntry>> {
    let all = catalogue(None, None, Corpus::embedded(), Register::embedded());
    let mut rules: Vec<Vec<RuleEntry>> = Vec::new();
    for promotion in all.promotions {
        for rule in promotion.rules {
            if (rule.subject == RuleSubject::Funding) != funding {
                continue;
            }
            match rules.iter_mut().find(|entries| entries[0].id == rule.id) {
                Some(entries) => entries.push(rule),
                None => rules.push(vec![rule]),
            }
        }
    }
    if funding {
        let code: Vec<&str> = RuleId::ALL.iter().map(|rule| rule.as_str()).collect();
        rules.sort_by_key(|entries| code.iter().position(|id| *id == entries[0].id));
    }
    rules
}

/// The promotions of `entries`, as a person reads them: `EIG1, EIG2`.
fn promotions(entries: &[&RuleEntry]) -> String {
    let promotions: Vec<String> = entries.iter().map(|entry| entry.promotion.to_string()).collect();
    promotions.join(", ")
}

/// Items that hold the same value for several promotions, each with those promotions.
fn grouped<'a, T: PartialEq>(
    entries: &'a [RuleEntry],
    values: impl Fn(&'a RuleEntry) -> Vec<T>,
) -> Vec<(T, Vec<&'a RuleEntry>)> {
    let mut groups: Vec<(T, Vec<&RuleEntry>)> = Vec::new();
    for entry in entries {
        for value in values(entry) {
            match groups.iter_mut().find(|(held, _)| *held == value) {
                Some((_, holders)) => holders.push(entry),
                None => groups.push((value, vec![entry])),
            }
        }
    }
    groups
}

/// The generated lines of one rule, from its entries in every promotion holding it.
fn generate(entries: &[RuleEntry]) -> Generated {
    let first = &entries[0];
    let several = entries.len() > 1;
    let mut head = Vec::new();
    let cited = grouped(entries, |entry| {
        std::iter::once(&entry.source).chain(&entry.other_sources).collect::<Vec<_>>()
    });
    let sources = grouped(entries, |entry| {
        std::iter::once(&entry.source)
            .chain(&entry.other_sources)
            .map(|cited| cited.source.to_string())
            .collect::<Vec<_>>()
    });
    let sources: Vec<String> =
        sources
            .iter()
            .map(|(source, holders)| {
                if several { format!("{source} ({})", promotions(holders)) } else { source.clone() }
            })
            .collect();
    head.push(format!("- **Source**: {}", sources.join("; ")));
    // After the source, which the title's quoted words ("purement informatique") are of.
    head.push(format!("- **Title**: {}", first.title));
    for (cited, _) in &cited {
        let Some(quote) = &cited.quote else { continue };
        if several || sources.len() > 1 {
            head.push(format!("- **Text**: {}: « {quote} »", cited.source));
        } else {
            head.push(format!("- **Text**: « {quote} »"));
        }
    }
    let parameters = grouped(entries, |entry| entry.parameters.iter().collect::<Vec<_>>());
    if !parameters.is_empty() {
        let mut line = String::from("- **Parameters**:");
        for (index, (parameter, holders)) in parameters.iter().enumerate() {
            let separator = if index == 0 { " " } else { "; " };
            let values: Vec<String> =
                parameter.values.iter().map(|value| format!("`{value}`")).collect();
            let values = values.join(", ");
            // A value is data, written as the trace writes it: in a code span, since its
            // quoted words ("Sauf exception") may be of another section than the rule's.
            let _ = write!(line, "{separator}`{}` = {values}", parameter.name);
            if several {
                let _ = write!(line, " ({}, {})", promotions(holders), parameter.source);
            }
        }
        head.push(line);
    }
    let mut foot = Vec::new();
    let readings: Vec<String> = grouped(entries, |entry| {
        entry.interpretations.iter().map(|taken| taken.slug.clone()).collect::<Vec<_>>()
    })
    .into_iter()
    .map(|(slug, _)| format!("`{slug}`"))
    .collect();
    if !readings.is_empty() {
        foot.push(format!("- **Readings** (docs/rules/assumptions.md): {}", readings.join(", ")));
    }
    let cases: BTreeSet<&String> = entries.iter().flat_map(|entry| &entry.cases).collect();
    if !cases.is_empty() {
        let cases: Vec<String> = cases.iter().map(|case| format!("`{case}`")).collect();
        foot.push(format!("- **Cases**: {}", cases.join(", ")));
    }
    Generated { id: first.id.clone(), head, foot }
}

/// An entry of a catalogue file: its heading's line, its items (each a bullet with its
/// continuation lines), and what follows its list up to the next heading.
#[derive(Debug)]
struct Entry {
    id: String,
    heading: String,
    items: Vec<String>,
}

/// A catalogue file: prose and entries, in order.
#[derive(Debug)]
enum Block {
    Prose(String),
    Entry(Entry),
}

/// The id of a `` ### `id` `` heading.
fn entry_id(line: &str) -> Option<&str> {
    line.strip_prefix("### `")?.split_once('`').map(|(id, _)| id)
}

/// The label of an item: `Readings` for `- **Readings** (…):`, `Interpretation.` for
/// `- **Interpretation.** …`; none for an item whose line starts otherwise.
fn label(item: &str) -> Option<&str> {
    item.strip_prefix("- **")?.split_once("**").map(|(label, _)| label.trim_end_matches(':'))
}

/// Reads a catalogue file into its blocks. An entry is a `` ### `id` `` heading, a blank
/// line and one list of items, up to the next heading (checked: nothing else).
fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut prose = String::new();
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let Some(id) = entry_id(line) else {
            prose.push_str(line);
            continue;
        };
        if !prose.is_empty() {
            blocks.push(Block::Prose(std::mem::take(&mut prose)));
        }
        let mut items: Vec<String> = Vec::new();
        let mut after_blank = false;
        while let Some(next) = lines.next_if(|next| !next.starts_with('#')) {
            if next.starts_with("- ") {
                items.push(next.to_owned());
            } else if next.trim().is_empty() {
                after_blank = true;
            } else {
                match items.last_mut() {
                    Some(item) if !after_blank => item.push_str(next),
                    _ => panic!("the entry {id} holds a line out of its list: {next}"),
                }
            }
            after_blank &= next.trim().is_empty();
        }
        let heading = line.trim_end().to_owned();
        blocks.push(Block::Entry(Entry { id: id.to_owned(), heading, items }));
    }
    if !prose.is_empty() {
        blocks.push(Block::Prose(prose));
    }
    blocks
}

/// An entry's items rewritten: the generated lines replace the old ones; the hand-written
/// items that came before the first of the old `Readings` or `Cases` lines stay before the
/// new ones, the others after.
fn rewrite(items: &[String], generated: &Generated) -> Vec<String> {
    let generated_label = |item: &String| {
        label(item).is_some_and(|label| HEAD.contains(&label) || FOOT.contains(&label))
    };
    let foot_at = items
        .iter()
        .position(|item| label(item).is_some_and(|label| FOOT.contains(&label)))
        .unwrap_or(items.len());
    let mut rewritten: Vec<String> =
        generated.head.iter().map(|line| format!("{line}\n")).collect();
    rewritten.extend(items[..foot_at].iter().filter(|item| !generated_label(item)).cloned());
    rewritten.extend(generated.foot.iter().map(|line| format!("{line}\n")));
    rewritten.extend(items[foot_at..].iter().filter(|item| !generated_label(item)).cloned());
    rewritten
}

/// The file `text` with every rule entry generated from `rules`, in their order within each
/// section; `kept`:
/// the ids of entries that are no rule and are kept as they are (the funding design choices).
///
/// # Errors
/// The entries for ids that are neither a rule nor kept.
fn regenerate(text: &str, rules: &[Generated], kept: &[&str]) -> Result<String, Vec<String>> {
    let mut blocks = parse(text);
    let unknown: Vec<String> = blocks
        .iter()
        .filter_map(|block| match block {
            Block::Entry(entry)
                if !kept.contains(&entry.id.as_str())
                    && !rules.iter().any(|rule| rule.id == entry.id) =>
            {
                Some(entry.id.clone())
            }
            _ => None,
        })
        .collect();
    if !unknown.is_empty() {
        return Err(unknown);
    }
    // A rule without an entry gets one after the entry of the rule before it.
    for (index, rule) in rules.iter().enumerate() {
        let at = |id: &str| {
            blocks.iter().position(|block| matches!(block, Block::Entry(entry) if entry.id == id))
        };
        if at(&rule.id).is_some() {
            continue;
        }
        let before = rules[..index].iter().rev().find_map(|rule| at(&rule.id));
        let first = blocks.iter().position(|block| matches!(block, Block::Entry(_)));
        let position = before.map_or(first.unwrap_or(blocks.len()), |at| at + 1);
        let entry =
            Entry { id: rule.id.clone(), heading: format!("### `{}`", rule.id), items: Vec::new() };
        blocks.insert(position, Block::Entry(entry));
    }
    // Within a section (a run of rules' entries, which prose or a kept entry ends), the
    // entries in the catalogue's order; the sections, written by hand, stay where they are.
    let order = |block: &Block| match block {
        Block::Entry(entry) => rules.iter().position(|rule| rule.id == entry.id),
        Block::Prose(_) => None,
    };
    let mut start = 0;
    while start < blocks.len() {
        let end =
            (start..blocks.len()).find(|at| order(&blocks[*at]).is_none()).unwrap_or(blocks.len());
        blocks[start..end].sort_by_key(|block| order(block));
        start = end + 1;
    }
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Prose(prose) => out.push_str(&prose),
            Block::Entry(entry) => {
                let items = match rules.iter().find(|rule| rule.id == entry.id) {
                    Some(rule) => rewrite(&entry.items, rule),
                    None => entry.items,
                };
                let _ = writeln!(out, "{}\n", entry.heading);
                for item in items {
                    out.push_str(&item);
                }
                out.push('\n');
            }
        }
    }
    // The file ends with one line break, whatever its last block.
    Ok(format!("{}\n", out.trim_end()))
}

/// Checks (or, with `EIG_UPDATE_DOCS`, rewrites) the catalogue file `file` against its
/// generation.
fn check(file: &str, funding: bool, kept: &[&str]) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(file);
    let read = |path| std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{file}: {err}"));
    let text = read(&path);
    let rules: Vec<Generated> = rules(funding).iter().map(|entries| generate(entries)).collect();
    assert!(!rules.is_empty(), "{file}: the catalogue holds no rule");
    let generated = regenerate(&text, &rules, kept).unwrap_or_else(|unknown| {
        panic!("{file}: entries for rules the catalogue does not hold (remove them): {unknown:?}")
    });
    if std::env::var_os("EIG_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap_or_else(|err| panic!("{file}: {err}"));
    }
    let kept = read(&path);
    assert!(
        kept == generated,
        "{file} differs from the catalogue: regenerate it \
         (EIG_UPDATE_DOCS=1 cargo test -p eig-catalogue --test it docs)"
    );
}

/// `docs/rules/eligibility.md`: every rule of the catalogue that is no funding rule.
#[test]
fn the_eligibility_catalogue_is_generated() {
    check("docs/rules/eligibility.md", false, &[]);
}

/// `docs/rules/funding.md`: every funding rule of the catalogue, and the design choices
/// (`RuleId::CHOICES`), whose entries are written by hand.
#[test]
fn the_funding_catalogue_is_generated() {
    check("docs/rules/funding.md", true, &RuleId::CHOICES);
}

/// The generation on a file of its own: generated lines replaced, hand-written ones kept in
/// place, a missing rule's entry added after the rule before it, the entries of a section put
/// in the rules' order while the sections stay, an entry of a design choice kept, and an entry
/// for an unknown id refused.
#[test]
fn the_generation_keeps_the_hand_written_lines() {
    let rule = |id: &str, title: &str| Generated {
        id: id.to_owned(),
        head: vec!["- **Source**: AAP3 §2.1".to_owned(), format!("- **Title**: {title}")],
        foot: vec![format!("- **Cases**: `{id}_case`")],
    };
    let rules = [rule("r.a", "A"), rule("r.b", "B"), rule("r.c", "C"), rule("r.d", "D")];
    let text = "# Catalogue\n\nProse.\n\n### `r.d`\n\n- **Title**: old\n\n## Section\n\n\
                ### `r.c`\n\n- **Source**: old\n- **Interpretation**: kept,\n  on two lines.\n\
                - **Cases**: `old`\n- **Observed in the history**: kept too.\n\n### `r.a`\n\n\
                ### `choice`\n\n- A design choice.\n";
    let generated = regenerate(text, &rules, &["choice"]).unwrap();
    assert_eq!(
        generated,
        "# Catalogue\n\nProse.\n\n### `r.d`\n\n- **Source**: AAP3 §2.1\n- **Title**: D\n\
         - **Cases**: `r.d_case`\n\n## Section\n\n### `r.a`\n\n- **Source**: AAP3 §2.1\n\
         - **Title**: A\n- **Cases**: `r.a_case`\n\n### `r.b`\n\n- **Source**: AAP3 §2.1\n\
         - **Title**: B\n- **Cases**: `r.b_case`\n\n### `r.c`\n\n- **Source**: AAP3 §2.1\n\
         - **Title**: C\n- **Interpretation**: kept,\n  on two lines.\n- **Cases**: `r.c_case`\n\
         - **Observed in the history**: kept too.\n\n### `choice`\n\n- A design choice.\n"
    );
    // Generating again changes nothing.
    assert_eq!(regenerate(&generated, &rules, &["choice"]).unwrap(), generated);
    let unknown = format!("{text}\n### `r.gone`\n\n- **Source**: x\n");
    assert_eq!(regenerate(&unknown, &rules, &["choice"]), Err(vec!["r.gone".to_owned()]));
}
