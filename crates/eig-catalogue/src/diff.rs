//! The difference between the rules of two promotions.

use std::collections::BTreeMap;

use eig_domain::{
    ChoiceUnit, Closing, FundingRoute, MissionLength, Promotion, PromotionFacts, Source,
};
use eig_funding::{ParameterId, official_parameter, route_is_open};
use serde::Serialize;

use crate::{
    Corpus, Register, RuleEntry, RuleSubject,
    catalogue::{Cited, promotion_rules},
};

/// A rule as one side of a difference: its id, title, source and sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RuleSide {
    /// The id.
    pub id: String,
    /// What it judges.
    pub subject: RuleSubject,
    /// The French title.
    pub title: String,
    /// The source and the sentence modelled.
    pub source: Cited,
    /// Its parameters: each name with its values, as a person reads them.
    pub parameters: BTreeMap<String, Vec<String>>,
}

impl From<&RuleEntry> for RuleSide {
    fn from(entry: &RuleEntry) -> RuleSide {
        RuleSide {
            id: entry.id.clone(),
            subject: entry.subject,
            title: entry.title.clone(),
            source: entry.source.clone(),
            parameters: entry
                .parameters
                .iter()
                .map(|p| (p.name.clone(), p.values.clone()))
                .collect(),
        }
    }
}

/// A rule present in both promotions whose title, source, sentence or parameters differ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RuleChange {
    /// The rule across promotions (`host.kind`).
    pub family: String,
    /// What differs, in French (`titre`, `source`, `phrase`, `paramètres`).
    pub what: Vec<String>,
    /// The rule in the first promotion.
    pub from: RuleSide,
    /// The rule in the second.
    pub to: RuleSide,
}

/// A fact of the calendar, the bounds, the routes or the funding parameters, on both sides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FactChange {
    /// A stable key (`call.defis.closes`, `team_size`, `routes`, `parameter.pia_share`).
    pub key: String,
    /// What it is, in French.
    pub label: String,
    /// Its value in the first promotion, cited (absent: no text states it).
    pub from: Option<CitedValue>,
    /// Its value in the second.
    pub to: Option<CitedValue>,
}

/// A value as a person reads it, with the text that states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CitedValue {
    /// The value, in French.
    pub value: String,
    /// Where it is stated.
    pub source: Option<Source>,
}

/// The difference between the rules of two promotions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RulesDiff {
    /// The first promotion.
    pub from: Promotion,
    /// The second.
    pub to: Promotion,
    /// The rules of the second promotion that the first has not (by family and subject).
    pub added: Vec<RuleSide>,
    /// The rules of the first promotion that the second has not.
    pub removed: Vec<RuleSide>,
    /// The rules of both that differ.
    pub changed: Vec<RuleChange>,
    /// How many rules are in both, unchanged but for their promotion.
    pub unchanged: usize,
    /// The facts that differ: calendar, bounds, routes, funding parameters.
    pub facts: Vec<FactChange>,
}

/// The difference from `from` to `to`.
///
/// # Example
/// ```
/// use eig_catalogue::{Corpus, Register, diff};
/// use eig_domain::Promotion;
///
/// let change = diff(Promotion::Eig3, Promotion::Eig4, Corpus::embedded(), Register::embedded());
/// // EIG3's PIA share gives way to EIG4's months of employer cost on programme 352.
/// assert!(change.removed.iter().any(|rule| rule.id == "funding.pia_share_of_employer_cost"));
/// assert!(change.added.iter().any(|rule| rule.id == "funding.months_of_employer_cost"));
/// assert!(change.facts.iter().any(|fact| fact.key == "call.defis.closes"));
/// ```
pub fn diff(from: Promotion, to: Promotion, corpus: &Corpus, register: &Register) -> RulesDiff {
    let before = promotion_rules(from, corpus, register).rules;
    let after = promotion_rules(to, corpus, register).rules;
    let key = |rule: &RuleEntry| (rule.subject, rule.family.clone());
    let after_by_key: BTreeMap<_, &RuleEntry> =
        after.iter().map(|rule| (key(rule), rule)).collect();
    let before_by_key: BTreeMap<_, &RuleEntry> =
        before.iter().map(|rule| (key(rule), rule)).collect();
    let mut changed = Vec::new();
    let mut unchanged = 0;
    for rule in &before {
        let Some(other) = after_by_key.get(&key(rule)) else { continue };
        let (from_side, to_side) = (RuleSide::from(rule), RuleSide::from(*other));
        let mut what = Vec::new();
        if from_side.title != to_side.title {
            what.push("titre".to_owned());
        }
        if from_side.source.source != to_side.source.source {
            what.push("source".to_owned());
        }
        if from_side.source.quote != to_side.source.quote {
            what.push("phrase".to_owned());
        }
        if from_side.parameters != to_side.parameters {
            what.push("paramètres".to_owned());
        }
        if what.is_empty() {
            unchanged += 1;
        } else {
            changed.push(RuleChange {
                family: rule.family.clone(),
                what,
                from: from_side,
                to: to_side,
            });
        }
    }
    RulesDiff {
        from,
        to,
        added: after
            .iter()
            .filter(|rule| !before_by_key.contains_key(&key(rule)))
            .map(RuleSide::from)
            .collect(),
        removed: before
            .iter()
            .filter(|rule| !after_by_key.contains_key(&key(rule)))
            .map(RuleSide::from)
            .collect(),
        changed,
        unchanged,
        facts: facts(from, to),
    }
}

/// The facts of a promotion, by key: (label, value).
fn fact_values(promotion: Promotion) -> Vec<(String, String, Option<CitedValue>)> {
    let facts: PromotionFacts = promotion.facts();
    let cited =
        |value: String, source: &Source| Some(CitedValue { value, source: Some(source.clone()) });
    let mut out = Vec::new();
    for (key, label, window) in [
        ("defis", "l'appel à projets", &facts.call_for_defis),
        ("candidates", "l'appel à candidatures", &facts.call_for_candidates),
        ("choices", "le choix des défis", &facts.choice_window),
    ] {
        let opens = window.as_ref().and_then(|w| {
            w.value.opens_on.map(|day| CitedValue {
                value: crate::dates::day(day),
                source: Some(w.source.clone()),
            })
        });
        let closes = window.as_ref().and_then(|w| cited(closing_french(w.value.closes), &w.source));
        out.push((format!("call.{key}.opens_on"), format!("ouverture de {label}"), opens));
        out.push((format!("call.{key}.closes"), format!("clôture de {label}"), closes));
    }
    let team = facts.team_size.as_ref().and_then(|team| {
        let exception = if team.value.exceptions_allowed { ", sauf exception" } else { "" };
        cited(
            format!("de {} à {} talents{exception}", team.value.min, team.value.max),
            &team.source,
        )
    });
    out.push(("team_size".to_owned(), "taille des équipes".to_owned(), team));
    let choices = facts.choice_limit.as_ref().and_then(|limit| {
        let unit = match limit.value.unit {
            ChoiceUnit::Defis => "défis",
            ChoiceUnit::Profiles => "profils",
            _ => "projets",
        };
        let order = if limit.value.ordered { ", par ordre de préférence" } else { "" };
        cited(format!("de {} à {} {unit}{order}", limit.value.min, limit.value.max), &limit.source)
    });
    out.push(("choice_limit".to_owned(), "nombre de choix d'un candidat".to_owned(), choices));
    let length = facts.mission_length.as_ref().and_then(|length| {
        let value = match length.value {
            MissionLength::Months { months } => format!("{months} mois"),
            MissionLength::MonthsRange { min, max } => format!("de {min} à {max} mois"),
            MissionLength::RenewableContract { months } => {
                format!("contrat de {months} mois, renouvelable")
            }
            _ => "autre durée".to_owned(),
        };
        cited(value, &length.source)
    });
    out.push(("mission_length".to_owned(), "durée des missions".to_owned(), length));
    let start = facts
        .mission_start
        .as_ref()
        .and_then(|start| cited(approx_french(start.value), &start.source));
    out.push(("mission_start".to_owned(), "début des missions".to_owned(), start));
    for (key, label, fact) in [
        ("results_before", "résultats définitifs avant le", &facts.results_before),
        (
            "laureates_announced_before",
            "lauréats annoncés publiquement avant le",
            &facts.laureates_announced_before,
        ),
        ("waiting_list_until", "liste d'attente jusqu'au", &facts.waiting_list_until),
    ] {
        let value = fact.as_ref().and_then(|day| cited(crate::dates::day(day.value), &day.source));
        out.push((key.to_owned(), label.to_owned(), value));
    }
    out.push(("routes".to_owned(), "voies de financement ouvertes".to_owned(), routes(promotion)));
    for id in ParameterId::ALL {
        let value = official_parameter(id, promotion)
            .map(|p| CitedValue { value: p.value.to_french(), source: Some(p.source) });
        out.push((format!("parameter.{}", id.as_str()), id.french().to_owned(), value));
    }
    out
}

/// A day, a month or a year, in the French style of the other dates (`01/09/2020`,
/// `09/2020`, `2020`).
fn approx_french(date: eig_domain::ApproxDate) -> String {
    match date {
        eig_domain::ApproxDate::Day(day) => crate::dates::day(day),
        eig_domain::ApproxDate::Month { year, month } => format!("{month:02}/{year:04}"),
        eig_domain::ApproxDate::Year(year) => format!("{year:04}"),
    }
}

/// The routes a plan of the promotion accepts, cited to the promotion's funding route rule.
fn routes(promotion: Promotion) -> Option<CitedValue> {
    if matches!(promotion, Promotion::Dig1) {
        return None;
    }
    let open: Vec<&str> = FundingRoute::ALL
        .into_iter()
        .filter(|route| route_is_open(promotion, *route))
        .map(FundingRoute::french)
        .collect();
    let source = eig_eligibility::rule_set(promotion).ok().and_then(|set| {
        set.dossier_rules()
            .into_iter()
            .find(|rule| rule.id.ends_with(".host.funding_route"))
            .map(|rule| rule.source)
    });
    Some(CitedValue { value: open.join(" ; "), source })
}

fn facts(from: Promotion, to: Promotion) -> Vec<FactChange> {
    fact_values(from)
        .into_iter()
        .zip(fact_values(to))
        .filter(|((_, _, a), (_, _, b))| {
            a.as_ref().map(|v| &v.value) != b.as_ref().map(|v| &v.value)
        })
        .map(|((key, label, from), (_, _, to))| FactChange { key, label, from, to })
        .collect()
}

/// A closing as a person reads it.
pub(crate) fn closing_french(closes: Closing) -> String {
    match closes {
        Closing::Deadline { deadline } => {
            deadline.paris().format("%d/%m/%Y à %H:%M (heure de Paris)").to_string()
        }
        Closing::Offset { at } => at.format("%d/%m/%Y à %H:%M (UTC%:z)").to_string(),
        Closing::Day { on } => crate::dates::day(on),
        _ => "autre clôture".to_owned(),
    }
}
