//! The catalogue and the difference written in French for a person.

use std::fmt::Write as _;

use crate::{
    Catalogue, RuleEntry, RulesDiff,
    catalogue::{Call, parameter_french},
    diff::{CitedValue, RuleSide, closing_french},
};

/// The catalogue in French: per promotion, its calls and each rule with its source, its
/// sentence, its parameters, its interpretations and its cases.
///
/// # Example
/// ```
/// use eig_catalogue::{Corpus, Register, catalogue, catalogue_french};
/// use eig_domain::Promotion;
///
/// let text = catalogue_french(&catalogue(Some(Promotion::Eig7), None, Corpus::embedded(), Register::embedded()));
/// assert!(text.contains("eig7.host.kind"));
/// assert!(text.contains("Source : REG7"));
/// ```
pub fn catalogue_french(catalogue: &Catalogue) -> String {
    let mut out = String::new();
    if let Some(day) = catalogue.on {
        let _ = writeln!(out, "Le {} :", crate::dates::day(day));
        match (catalogue.open_calls.is_empty(), catalogue.promotion) {
            (true, Some(promotion)) => {
                let _ = writeln!(
                    out,
                    "aucun appel de la promotion {promotion} n'est ouvert ce jour-là d'après son \
                     calendrier publié."
                );
            }
            (true, None) => out
                .push_str("aucun appel n'est ouvert ce jour-là d'après les calendriers publiés.\n"),
            _ => {}
        }
        for call in &catalogue.open_calls {
            let _ = writeln!(out, "- ouvert : {}", call_line(call));
        }
        out.push('\n');
    }
    for promotion in &catalogue.promotions {
        let _ = writeln!(
            out,
            "{} — {}",
            promotion.promotion,
            agreed(promotion.rules.len(), "règle", "règles")
        );
        if let Some(note) = &promotion.note {
            let _ = writeln!(out, "  {note}");
        }
        if catalogue.on.is_none() {
            for call in &promotion.calls {
                let _ = writeln!(out, "  calendrier : {}", call_line(call));
            }
        }
        for rule in &promotion.rules {
            rule_french(&mut out, rule);
        }
        out.push('\n');
    }
    if catalogue.corpus_cases == 0 {
        out.push_str(
            "(le corpus de cas n'est pas intégré à ce programme : aucun cas n'est listé)\n",
        );
    }
    out
}

fn call_line(call: &Call) -> String {
    let opens = call.opens_on.map_or_else(
        || "date d'ouverture non publiée".to_owned(),
        |on| format!("du {}", crate::dates::day(on)),
    );
    format!(
        "{} {} : {opens}, clôture le {} ({})",
        call.promotion,
        call.kind.french(),
        closing_french(call.closes),
        call.source
    )
}

fn rule_french(out: &mut String, rule: &RuleEntry) {
    let _ = writeln!(out, "- {} ({}) : {}", rule.id, rule.subject.french(), rule.title);
    let _ = write!(out, "  Source : {}", rule.source.source);
    match &rule.source.quote {
        Some(quote) => {
            let _ = writeln!(out, " — « {quote} »");
        }
        None => out.push('\n'),
    }
    for other in &rule.other_sources {
        let _ = writeln!(out, "  Aussi : {}", other.source);
    }
    for parameter in &rule.parameters {
        let _ = writeln!(
            out,
            "  Paramètre {} : {} ({})",
            parameter.french_name(),
            parameter.values.join(" ; "),
            parameter.source
        );
    }
    for interpretation in &rule.interpretations {
        let _ = writeln!(
            out,
            "  Interprétation retenue : {} ({}, registre des interprétations, \
             docs/rules/assumptions.md)",
            interpretation.french.as_deref().unwrap_or("voir le registre"),
            interpretation.slug
        );
    }
    if !rule.cases.is_empty() {
        let _ = writeln!(out, "  Cas : {}", rule.cases.join(", "));
    }
}

/// The difference in French: rules added, removed, changed, then the facts, each cited on
/// both sides.
///
/// # Example
/// ```
/// use eig_catalogue::{Corpus, Register, diff, diff_french};
/// use eig_domain::Promotion;
///
/// let text = diff_french(&diff(Promotion::Eig3, Promotion::Eig4, Corpus::embedded(), Register::embedded()));
/// assert!(text.starts_with("De EIG3 à EIG4"));
/// assert!(text.contains("clôture de l'appel à projets : 15/06/2018 à 17:00 (heure de Paris) (AAP3"));
/// ```
pub fn diff_french(diff: &RulesDiff) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "De {} à {} : {}, {}, {}, {}.",
        diff.from,
        diff.to,
        agreed(diff.added.len(), "règle ajoutée", "règles ajoutées"),
        agreed(diff.removed.len(), "retirée", "retirées"),
        agreed(diff.changed.len(), "modifiée", "modifiées"),
        agreed(diff.unchanged, "inchangée", "inchangées")
    );
    section(&mut out, &format!("Ajoutées en {}", diff.to), &diff.added);
    section(&mut out, &format!("Retirées après {}", diff.from), &diff.removed);
    if !diff.changed.is_empty() {
        out.push_str("\nModifiées :\n");
    }
    for change in &diff.changed {
        let _ = writeln!(
            out,
            "- {} ({}) : {}",
            change.family,
            change.from.subject.french(),
            change.what.join(", ")
        );
        side(&mut out, &diff.from.to_string(), &change.from);
        side(&mut out, &diff.to.to_string(), &change.to);
    }
    if !diff.facts.is_empty() {
        out.push_str("\nCalendrier, bornes, voies et paramètres :\n");
    }
    for fact in &diff.facts {
        let _ = writeln!(
            out,
            "- {} : {} → {}",
            fact.label,
            value_french(fact.from.as_ref()),
            value_french(fact.to.as_ref())
        );
    }
    out
}

/// `count` and its words, agreed in number as French does: the singular for 0 and 1
/// ("1 modifiée", "0 règle ajoutée"), the plural from 2.
pub(crate) fn agreed(count: usize, one: &str, several: &str) -> String {
    format!("{count} {}", if count <= 1 { one } else { several })
}

fn section(out: &mut String, heading: &str, rules: &[RuleSide]) {
    if rules.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{heading} :");
    for rule in rules {
        let _ = writeln!(
            out,
            "- {} ({}) : {} — {}",
            rule.id,
            rule.subject.french(),
            rule.title,
            rule.source.source
        );
    }
}

fn side(out: &mut String, promotion: &str, rule: &RuleSide) {
    let _ = write!(out, "  {promotion} : {} — {}", rule.title, rule.source.source);
    if let Some(quote) = &rule.source.quote {
        let _ = write!(out, " : « {quote} »");
    }
    out.push('\n');
    for (name, values) in &rule.parameters {
        let _ = writeln!(out, "    {} = {}", parameter_french(name), values.join(" ; "));
    }
}

fn value_french(value: Option<&CitedValue>) -> String {
    match value {
        None => "non prévu par les textes".to_owned(),
        Some(CitedValue { value, source: Some(source) }) => format!("{value} ({source})"),
        Some(CitedValue { value, source: None }) => value.clone(),
    }
}
