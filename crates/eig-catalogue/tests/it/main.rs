//! The catalogue against the rule definitions, the calendars and the corpus.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use eig_catalogue::{CallKind, Corpus, Register, RuleSubject, catalogue, diff};
use eig_domain::Promotion;

mod docs;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a day of the calendar")
}

/// Every rule id of every rule set is in its promotion's catalogue, once, with its sentence
/// and at least one case; every case name is unique.
#[test]
fn every_rule_of_the_code_is_catalogued_with_its_cases() {
    let corpus = Corpus::embedded();
    assert!(corpus.cases().len() >= 400, "{} cases embedded", corpus.cases().len());
    let names: BTreeSet<&str> = corpus.cases().iter().map(|case| case.name.as_str()).collect();
    assert_eq!(names.len(), corpus.cases().len(), "two cases share a name");
    let all = catalogue(None, None, corpus, Register::embedded());
    assert_eq!(all.promotions.len(), Promotion::ALL.len());
    for promotion in &all.promotions {
        let ids: Vec<&str> = promotion.rules.iter().map(|rule| rule.id.as_str()).collect();
        let unique: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{}: a rule twice", promotion.promotion);
        if let Ok(set) = eig_eligibility::rule_set(promotion.promotion) {
            for id in set.dossier_rule_ids().iter().chain(set.candidate_rule_ids()) {
                assert!(unique.contains(id), "{}: {id} missing", promotion.promotion);
            }
        }
        for id in eig_eligibility::selection_rule_ids(promotion.promotion) {
            assert!(unique.contains(id), "{}: {id} missing", promotion.promotion);
        }
        for rule in &promotion.rules {
            // An EIG2 call cannot run whole (no défi grid): no case reaches its ground of
            // withdrawal, which unit tests check. Every other rule, funding rules included, has
            // its cases in the promotion.
            let reachable = rule.id != "eig2.selection.withdrawal_insufficient_candidates";
            assert!(
                !reachable || !rule.cases.is_empty(),
                "{} {}: no case",
                promotion.promotion,
                rule.id
            );
            if rule.subject != RuleSubject::Funding {
                assert!(rule.source.quote.is_some(), "{}: no sentence", rule.id);
                for case in &rule.cases {
                    assert!(names.contains(case.as_str()), "{}: unknown case {case}", rule.id);
                }
            }
        }
    }
    let eig6 = &all.promotions.iter().find(|p| p.promotion == Promotion::Eig6).unwrap().rules;
    for id in
        eig_eligibility::eig5bis_rule_ids().iter().chain(eig_eligibility::prolongation_rule_ids())
    {
        assert!(eig6.iter().any(|rule| rule.id == *id), "EIG6: {id} missing");
    }
}

/// A rule of several promotions (the funding rules) lists under each promotion only the
/// cases of that promotion: EIG4's funding rules list no EIG3, EIG5, EIG6 or EIG7 case.
#[test]
fn a_rule_lists_only_the_cases_of_its_promotion() {
    let corpus = Corpus::embedded();
    let promotion_of: BTreeMap<&str, Option<Promotion>> =
        corpus.cases().iter().map(|case| (case.name.as_str(), case.promotion)).collect();
    let all = catalogue(None, None, corpus, Register::embedded());
    for promotion in &all.promotions {
        for rule in &promotion.rules {
            for case in &rule.cases {
                assert_eq!(
                    promotion_of[case.as_str()],
                    Some(promotion.promotion),
                    "{} {}: case {case}",
                    promotion.promotion,
                    rule.id
                );
            }
        }
    }
    let eig4 = &all.promotions.iter().find(|p| p.promotion == Promotion::Eig4).unwrap().rules;
    let months =
        eig4.iter().find(|rule| rule.id == "funding.transfer_on_decree_publication").unwrap();
    assert!(!months.cases.is_empty());
    // The corpus does hold cases of this rule in other promotions.
    assert!(corpus.cases_of("funding.transfer_on_decree_publication").len() > months.cases.len());
}

/// A funding rule carries the promotion's official parameter values with their sources.
#[test]
fn funding_rules_carry_their_parameters() {
    let eig4 = catalogue(Some(Promotion::Eig4), None, Corpus::embedded(), Register::embedded());
    let months = eig4.promotions[0]
        .rules
        .iter()
        .find(|rule| rule.id == "funding.months_of_employer_cost")
        .unwrap();
    assert_eq!(months.parameters[0].name, "subsidised_months");
    assert_eq!(months.parameters[0].values, ["4\u{a0}mois"]);
    assert_eq!(months.parameters[0].source.to_string(), "AAP4 §3.3");
    assert!(
        !eig4.promotions[0]
            .rules
            .iter()
            .any(|rule| rule.id == "funding.pia_share_of_employer_cost")
    );
}

/// An eligibility rule's parameters come from its definition, not from the corpus: a
/// catalogue built from an empty corpus (an embedder's, or the crate built from its package)
/// shows them, with the values the runs apply, as a person reads them.
#[test]
fn eligibility_rules_carry_their_parameters_without_a_corpus() {
    for empty in [Corpus::default(), Corpus::from_files([])] {
        assert!(empty.is_empty());
        let all = catalogue(None, None, &empty, Register::embedded());
        let embedded = catalogue(None, None, Corpus::embedded(), Register::embedded());
        assert_eq!(all.promotions.len(), embedded.promotions.len());
        for (promotion, with_cases) in all.promotions.iter().zip(&embedded.promotions) {
            assert_eq!(promotion.rules.len(), with_cases.rules.len(), "{}", promotion.promotion);
            for (rule, with_cases) in promotion.rules.iter().zip(&with_cases.rules) {
                assert_eq!(rule.id, with_cases.id);
                assert!(rule.cases.is_empty(), "{}: a case without a corpus", rule.id);
                assert_eq!(rule.parameters, with_cases.parameters, "{}", rule.id);
            }
        }
        let eig2 = all.promotions.iter().find(|p| p.promotion == Promotion::Eig2).unwrap();
        let team = eig2.rules.iter().find(|rule| rule.id == "eig2.defi.team_size").unwrap();
        // AAC2: two or three talents, an exception possible; a yes reads 'oui'.
        let values: Vec<(&str, String)> =
            team.parameters.iter().map(|p| (p.name.as_str(), p.values.join(" ; "))).collect();
        assert_eq!(
            values,
            [
                ("min", "2".to_owned()),
                ("max", "3".to_owned()),
                ("exception_allowed", "oui".to_owned())
            ]
        );
        assert!(team.parameters.iter().all(|p| p.source == team.source.source));
        let eig7 = all.promotions.iter().find(|p| p.promotion == Promotion::Eig7).unwrap();
        let channel = eig7.rules.iter().find(|rule| rule.id == "eig7.candidate.channel").unwrap();
        assert_eq!(channel.parameters[0].name, "channel");
        assert_eq!(channel.parameters[0].values, ["plateforme Démarches simplifiées (aac-eig7)"]);
    }
}

/// Every eligibility rule's catalogued parameters are its definition's, one value each.
#[test]
fn eligibility_parameters_are_the_definitions() {
    let all = catalogue(None, None, Corpus::embedded(), Register::embedded());
    let mut seen = 0;
    for promotion in &all.promotions {
        for rule in promotion.rules.iter().filter(|rule| rule.subject != RuleSubject::Funding) {
            let definition = eig_eligibility::rule_definition(&rule.id).unwrap();
            let names: Vec<&str> = rule.parameters.iter().map(|p| p.name.as_str()).collect();
            let declared: Vec<&str> = definition.parameters.iter().map(|p| p.name).collect();
            assert_eq!(names, declared, "{}", rule.id);
            assert!(rule.parameters.iter().all(|p| p.values.len() == 1), "{}", rule.id);
            seen += rule.parameters.len();
        }
    }
    assert!(seen > 100, "{seen} parameters");
}

/// The calls open on a day, from the calendars; the rules are those of what they receive.
#[test]
fn calls_open_on_a_day() {
    let (corpus, register) = (Corpus::embedded(), Register::embedded());
    let on = |d| catalogue(None, Some(d), corpus, register);
    // AAP3: from 4 May 2018 to 15 June 2018 17:00.
    let first = on(day(2018, 5, 4));
    assert_eq!(first.open_calls.len(), 1);
    assert_eq!(
        (first.open_calls[0].promotion, first.open_calls[0].kind),
        (Promotion::Eig3, CallKind::Defis)
    );
    assert!(first.promotions[0].rules.iter().all(|rule| rule.subject == RuleSubject::Dossier));
    assert_eq!(on(day(2018, 6, 15)).open_calls.len(), 1);
    assert!(on(day(2018, 5, 3)).open_calls.is_empty());
    assert!(on(day(2018, 6, 16)).promotions.is_empty());
    // AAC3: candidates from 13 September to 15 October 2018.
    let candidates = on(day(2018, 10, 1));
    assert_eq!(candidates.open_calls[0].kind, CallKind::Candidates);
    assert!(
        candidates.promotions[0].rules.iter().all(|rule| rule.subject == RuleSubject::Candidate)
    );
    // AAC4 closes on 7 June 2020 at 23:00 UTC+1, midnight in Paris: 7 June is its last day.
    let aac4 = on(day(2020, 6, 7));
    assert!(
        aac4.open_calls
            .iter()
            .any(|call| call.promotion == Promotion::Eig4 && call.kind == CallKind::Candidates)
    );
    assert!(!on(day(2020, 6, 8)).open_calls.iter().any(|call| call.kind == CallKind::Candidates));
}

/// The AMI Promotion 5 bis (28 April – 4 May 2022 at 23:59, AMI5bis art. 1) and the EIG6+
/// call (13 – 29 March 2023 at 23:59, AAC6+ §3.1) are open on their days, with their rules.
#[test]
fn the_ami5bis_and_the_eig6plus_calls_are_open_on_their_days() {
    let (corpus, register) = (Corpus::embedded(), Register::embedded());
    let on = |d| catalogue(None, Some(d), corpus, register);
    let ami = on(day(2022, 4, 30));
    assert_eq!(
        ami.open_calls.iter().map(|call| (call.promotion, call.kind)).collect::<Vec<_>>(),
        [(Promotion::Eig6, CallKind::Ami5bis)]
    );
    let rules = &ami.promotions[0].rules;
    assert!(rules.iter().all(|rule| rule.subject == RuleSubject::Ami5bis));
    assert!(rules.iter().any(|rule| rule.id == "eig5bis.candidate.deadline"));
    assert_eq!(on(day(2022, 4, 27)).open_calls.len(), 0);
    assert_eq!(on(day(2022, 5, 4)).open_calls.len(), 1);
    let plus = on(day(2023, 3, 20));
    assert_eq!(
        plus.open_calls.iter().map(|call| (call.promotion, call.kind)).collect::<Vec<_>>(),
        [(Promotion::Eig6, CallKind::Prolongations)]
    );
    assert_eq!(
        plus.promotions[0].rules.iter().map(|rule| rule.id.as_str()).collect::<Vec<_>>(),
        eig_eligibility::prolongation_rule_ids()
    );
    assert!(on(day(2023, 3, 30)).promotions.is_empty());
    assert!(on(day(2023, 3, 12)).promotions.is_empty());
}

/// A deadline rule whose call has closed does not judge what is received that day: in EIG6's
/// choice window (9 – 15 May 2022) the application deadline (3 April) and the AMI 5 bis
/// deadline (4 May) have passed; the choices' deadlines have not.
#[test]
fn a_deadline_passed_does_not_judge() {
    let open = catalogue(None, Some(day(2022, 5, 10)), Corpus::embedded(), Register::embedded());
    assert_eq!(open.open_calls.len(), 1);
    assert_eq!(open.open_calls[0].kind, CallKind::Choices);
    let ids: Vec<&str> = open.promotions[0].rules.iter().map(|rule| rule.id.as_str()).collect();
    assert!(!ids.contains(&"eig6.candidate.deadline"), "{ids:?}");
    assert!(!ids.contains(&"eig5bis.candidate.deadline"), "{ids:?}");
    assert!(ids.contains(&"eig6.candidate.choices_deadline"), "{ids:?}");
    assert!(ids.contains(&"eig5bis.candidate.choices_deadline"), "{ids:?}");
    // While the call for candidates is open, its deadline judges.
    let aac6 = catalogue(None, Some(day(2022, 3, 10)), Corpus::embedded(), Register::embedded());
    assert!(aac6.promotions[0].rules.iter().any(|rule| rule.id == "eig6.candidate.deadline"));
}

/// With a promotion asked for and no call of it open, the French says so of that promotion.
#[test]
fn no_call_of_the_promotion_asked_for() {
    let eig3 = catalogue(
        Some(Promotion::Eig3),
        Some(day(2020, 2, 1)),
        Corpus::embedded(),
        Register::embedded(),
    );
    let text = eig_catalogue::catalogue_french(&eig3);
    assert!(text.contains("aucun appel de la promotion EIG3 n'est ouvert"), "{text}");
    let all = catalogue(None, Some(day(2018, 7, 1)), Corpus::embedded(), Register::embedded());
    let text = eig_catalogue::catalogue_french(&all);
    assert!(text.contains("aucun appel n'est ouvert"), "{text}");
}

/// The difference EIG3 → EIG4, pinned: every side cited.
#[test]
fn the_difference_between_eig3_and_eig4() {
    let change = diff(Promotion::Eig3, Promotion::Eig4, Corpus::embedded(), Register::embedded());
    let ids =
        |rules: &[eig_catalogue::RuleSide]| rules.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&change.added),
        [
            "eig4.defi.mentors_host_agents",
            "eig4.defi.mentors_time",
            "eig4.candidate.start_availability",
            "funding.months_of_employer_cost",
            "funding.transfer_on_decree_publication",
            // JURY4's scale, ranking and opinion, the first candidate grid with marks, and the
            // second ground of withdrawal (AAC4 art. 7).
            "eig4.selection.scale",
            "eig4.selection.ranking",
            "eig4.selection.opinion",
            "eig4.selection.candidate_grid",
            "eig4.selection.withdrawal_commitment_not_kept",
        ]
    );
    assert_eq!(
        ids(&change.removed),
        [
            "eig3.defi.not_purely_it",
            "funding.pia_share_of_employer_cost",
            "funding.transfer_after_documents_to_cdc"
        ]
    );
    // The défis' grid is the same rule in both promotions, cited on both sides.
    let grid = change.changed.iter().find(|c| c.family == "selection.grid").unwrap();
    assert_eq!(grid.from.source.source.to_string(), "AAP3 §4.4");
    assert_eq!(grid.to.source.source.to_string(), "AAP4 §5.5");
    let team = change.changed.iter().find(|c| c.family == "candidate.choices").unwrap();
    assert_eq!(team.from.source.source.to_string(), "AAC3 art. 4–5");
    assert!(team.to.source.quote.is_some());
    let closes = change.facts.iter().find(|f| f.key == "call.defis.closes").unwrap();
    assert_eq!(closes.from.as_ref().unwrap().value, "15/06/2018 à 17:00 (heure de Paris)");
    assert_eq!(closes.to.as_ref().unwrap().value, "28/02/2020 à 17:00 (heure de Paris)");
    for fact in &change.facts {
        for side in [&fact.from, &fact.to].into_iter().flatten() {
            assert!(side.source.is_some(), "{}: a side without its source", fact.key);
        }
    }
    let routes = change.facts.iter().find(|f| f.key == "routes").unwrap();
    assert!(
        routes
            .to
            .as_ref()
            .unwrap()
            .value
            .contains(eig_domain::FundingRoute::DelegationOfManagement.french())
    );
    // The same promotion on both sides: nothing differs.
    let same = diff(Promotion::Eig5, Promotion::Eig5, Corpus::embedded(), Register::embedded());
    assert!(
        same.added.is_empty()
            && same.removed.is_empty()
            && same.changed.is_empty()
            && same.facts.is_empty()
    );
}

/// `docs/rules/funding.md` is the funding code's catalogue: its rules' entries are generated
/// (`docs::the_funding_catalogue_is_generated`); beside them, an entry (a level-3 heading
/// naming the id) per design choice (`RuleId::CHOICES`); each rule's entry cites every source
/// of its rule; the table of parameters has one row per official value, with its id, its
/// promotion and its source, in the code's order.
#[test]
fn the_funding_catalogue_is_the_code() {
    use eig_funding::{RuleId, official_parameters};

    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules/funding.md");
    let text = std::fs::read_to_string(path).unwrap();
    let entries: BTreeMap<&str, &str> = text
        .split("\n### `")
        .skip(1)
        .filter_map(|entry| entry.split_once('`'))
        .filter(|(id, _)| id.starts_with("funding."))
        .collect();
    for choice in RuleId::CHOICES {
        assert!(entries.contains_key(choice), "no entry for the design choice {choice}");
    }
    for rule in RuleId::ALL {
        let body = entries[rule.as_str()];
        let body = body.split("\n### ").next().unwrap_or(body);
        for source in rule.sources() {
            let cited = source.to_string();
            let section = cited.split_whitespace().nth(1).unwrap_or_default().to_owned();
            assert!(
                body.contains(&cited) || body.contains(&section),
                "{}: its entry does not cite {cited}",
                rule.as_str()
            );
        }
    }
    let table = text.split("\n## Parameters").nth(1).expect("a Parameters section");
    let rows: Vec<(String, String, String)> = table
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            let cells: Vec<&str> = line.split(" | ").map(str::trim).collect();
            (
                cells[0].trim_matches(['|', ' ', '`']).to_owned(),
                cells[1].to_owned(),
                cells[4].to_owned(),
            )
        })
        .collect();
    let official: Vec<(String, String, String)> = official_parameters()
        .into_iter()
        .map(|parameter| {
            let promotion =
                parameter.validity.promotion.map_or("all".to_owned(), |p| p.to_string());
            (parameter.id.as_str().to_owned(), promotion, parameter.source.to_string())
        })
        .collect();
    assert_eq!(rows, official, "the table of parameters differs from official_parameters()");
}

/// The French agrees in number ("1 modifiée", "2 modifiées") and writes every date of the
/// difference's facts in one style (day/month/year), never ISO.
#[test]
fn the_french_agrees_and_dates_in_one_style() {
    let (corpus, register) = (Corpus::embedded(), Register::embedded());
    let mut singulars = 0;
    for pair in Promotion::ALL.windows(2) {
        let text = eig_catalogue::diff_french(&diff(pair[0], pair[1], corpus, register));
        let header = text.lines().next().unwrap();
        let counts = header.split_once(" : ").unwrap().1.trim_end_matches('.');
        for piece in counts.split(", ") {
            let (count, words) = piece.split_once(' ').unwrap();
            let count: usize = count.parse().unwrap();
            if count <= 1 {
                singulars += 1;
                assert!(!words.ends_with('s'), "{header}");
            } else {
                assert!(words.ends_with('s'), "{header}");
            }
        }
        for line in text.lines().filter(|line| line.starts_with("- ") && line.contains(" → ")) {
            let iso = line.as_bytes().windows(8).any(|w| {
                w[..4].iter().all(u8::is_ascii_digit)
                    && w[4] == b'-'
                    && w[5..7].iter().all(u8::is_ascii_digit)
            });
            assert!(!iso, "a date not in the French style: {line}");
        }
    }
    assert!(singulars > 0, "no count of 0 or 1 to check");
}
