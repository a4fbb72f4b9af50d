//! A case's citation is checked wherever it runs: the document and the section exist, the
//! quote is verbatim in that section, every rule id exists for the case's promotion and kind.
//! A citation problem is a failure of its own kind, with the nearest sentence of the section.

use std::{fmt::Write as _, sync::atomic::AtomicBool};

use eig_cases::{
    CitationProblem, Report, RunOptions, Verdict, read_cases, run_case, run_case_with,
};

/// An EIG3 funding case, with its source, quote and rules replaced.
fn funding(source: &str, quote: Option<&str>, rules: &[&str]) -> String {
    let mut yaml = format!("title: EIG3, one talent at 70 000 €\nsource: {source}\n");
    if let Some(quote) = quote {
        writeln!(yaml, "quote: \"{quote}\"").unwrap();
    }
    writeln!(yaml, "rules: [{}]", rules.join(", ")).unwrap();
    yaml.push_str(
        "funding:\n  promotion: EIG3\n  defis:\n    - {defi: d1, route: direct, host: {kind: ministry},\n       talents: [{talent: t1, employer_cost: {contract: '70000'}}]}\nexpected:\n  totals: {pia_through_cdc: '49000.00', host: '21000.00'}\n",
    );
    yaml
}

const QUOTE: &str = "Elles recevront à ce titre un financement du PIA équivalent à 70% du coût total \
                     employeur du recrutement de chaque EIG.";

fn run(yaml: &str, options: RunOptions) -> Report {
    let case = read_cases("c.yaml", yaml).remove(0).unwrap();
    run_case_with(&case, options, &AtomicBool::new(false))
}

fn problems(report: &Report) -> &[CitationProblem] {
    match &report.verdict {
        Verdict::Miscited { problems, .. } => problems,
        other => panic!("not a citation failure: {other:?}"),
    }
}

fn codes(report: &Report) -> Vec<&'static str> {
    problems(report).iter().map(|problem| problem.code).collect()
}

#[test]
fn a_faithful_citation_passes() {
    let yaml = funding("AAP3 §3.1.1", Some(QUOTE), &["funding.pia_share_of_employer_cost"]);
    assert!(run_case(&read_cases("c.yaml", &yaml).remove(0).unwrap()).passed());
}

/// The issue's three inventions — a quote, a section, a rule id — each fail, and say why.
#[test]
fn an_invented_quote_section_or_rule_fails_and_says_why() {
    let invented = funding(
        "AAP3 §3.1.1",
        Some("Le PIA finance 70 % du coût employeur de chaque EIG."),
        &["funding.pia_share_of_employer_cost"],
    );
    let report = run(&invented, RunOptions::default());
    assert_eq!(codes(&report), ["citation_not_verbatim"]);
    let nearest = problems(&report)[0].nearest.as_deref().unwrap();
    assert!(nearest.starts_with("AAP3 §3.1.1 : Elles recevront à ce titre"), "{nearest}");
    insta::assert_snapshot!(report.failure_details(), @r#"
        source : AAP3 §3.1.1
        citation (quote) : pas mot pour mot dans AAP3 : "Le PIA finance 70 % du coût employeur de chaque EIG." ; recopiez le texte exact du document
          phrase la plus proche : AAP3 §3.1.1 : Elles recevront à ce titre un financement du PIA équivalent à 70% du coût total employeur du recrutement de chaque EIG.
    "#);

    let no_section = funding("AAP3 §9.9", Some(QUOTE), &["funding.pia_share_of_employer_cost"]);
    let report = run(&no_section, RunOptions::default());
    assert_eq!(codes(&report), ["citation_no_such_section"]);
    assert_eq!(
        problems(&report)[0].message,
        "\"AAP3 §9.9\" : AAP3 n'a rien à la référence §9.9 : corrigez la référence"
    );

    let no_rule = funding("AAP3 §3.1.1", Some(QUOTE), &["funding.no_such_rule"]);
    let report = run(&no_rule, RunOptions::default());
    assert_eq!(codes(&report), ["citation_unknown_rule"]);
    assert_eq!(problems(&report)[0].field, "rules");
    assert!(problems(&report)[0].message.starts_with(
        "la règle \"funding.no_such_rule\" n'existe pas pour un financement : la plus proche est"
    ));

    // The expected fields are still compared: a citation failure lists their differences too.
    let both = no_rule.replace("49000.00", "50000.00");
    let Verdict::Miscited { differences, .. } = report_of(&both).verdict else { panic!() };
    assert_eq!(differences.len(), 1);
}

fn report_of(yaml: &str) -> Report {
    run(yaml, RunOptions::default())
}

/// A quote verbatim in the document but not in the section cited is told to fix the section.
#[test]
fn a_quote_from_another_section_is_told_so() {
    let yaml = funding("AAP3 §5.2", Some(QUOTE), &[]);
    let report = report_of(&yaml);
    assert_eq!(codes(&report), ["citation_outside_section"]);
    assert_eq!(
        problems(&report)[0].message,
        "dans AAP3, mais pas à §5.2 : corrigez la référence de la section"
    );
}

/// Strict by default: a case cites a text and quotes it. A draft may do neither; what it does
/// cite is still checked.
#[test]
fn drafts_may_leave_out_the_source_and_the_quote_but_not_cite_wrongly() {
    let no_quote = funding("AAP3 §3.1.1", None, &[]);
    assert_eq!(codes(&report_of(&no_quote)), ["citation_missing_quote"]);
    assert!(run(&no_quote, RunOptions::drafts()).passed());

    let no_source = funding("AAP3 §3.1.1", None, &[]).replace("source: AAP3 §3.1.1\n", "");
    assert_eq!(codes(&report_of(&no_source)), ["citation_missing_source"]);
    assert!(run(&no_source, RunOptions::drafts()).passed());

    let wrong = funding("AAP3 §9.9", None, &["funding.no_such_rule"]);
    assert_eq!(
        codes(&run(&wrong, RunOptions::drafts())),
        ["citation_no_such_section", "citation_unknown_rule"]
    );
}

/// What no text says — a rounding, the absence of rules — cites the catalogue and quotes
/// nothing; a quote beside such a source has no text to be checked against.
#[test]
fn the_catalogue_is_cited_without_a_quote() {
    let choice = funding("docs/rules/funding.md#funding.rounding", None, &["funding.rounding"]);
    assert!(report_of(&choice).passed());
    let quoted = choice.replace("title: EIG3", "title: « une phrase » EIG3");
    assert_eq!(codes(&report_of(&quoted)), ["citation_quote_without_text"]);
}

/// A citation of the catalogue names a file of it and a place in that file that exist — a
/// rule's entry, a heading's anchor, a numbered section —, or fails with the nearest one,
/// drafts included.
#[test]
fn a_citation_of_the_catalogue_names_what_exists() {
    // The nearest is a file or a place that exists; for a slip of the pen, the one meant.
    for (source, meant) in [
        ("docs/rules/nonexistent.md#foo", None),
        ("docs/rules/funding.md#no-such-anchor", None),
        ("docs/rules/", None),
        ("docs/matching.md §99", None),
        ("docs/testing.md", Some("docs/matching.md")),
        ("docs/rules/fundng.md", Some("docs/rules/funding.md")),
        ("docs/rules/funding.md#funding.roundin", Some("docs/rules/funding.md#funding.rounding")),
        (
            "docs/rules/funding.md#routes-per-promotio",
            Some("docs/rules/funding.md#routes-per-promotion"),
        ),
        ("docs/matching.md §71", Some("docs/matching.md §7")),
    ] {
        let case = funding(source, None, &[]);
        for options in [RunOptions::default(), RunOptions::drafts()] {
            let report = run(&case, options);
            assert_eq!(codes(&report), ["citation_not_in_catalogue"], "{source}");
            let nearest = problems(&report)[0].nearest.clone().unwrap();
            assert!(report_of(&funding(&nearest, None, &[])).passed(), "{source}: {nearest}");
            if let Some(meant) = meant {
                assert_eq!(nearest, meant, "{source}");
            }
        }
    }
    let report = report_of(&funding("docs/matching.md §99", None, &[]));
    insta::assert_snapshot!(report.failure_details(), @r#"
        source : docs/matching.md §99
        citation (source) : "docs/matching.md §99" : docs/matching.md n'a pas de titre numéroté "§99" : corrigez la référence
          référence la plus proche : docs/matching.md §1
    "#);
    for source in [
        "docs/rules/eligibility.md",
        "docs/rules/funding.md#routes-per-promotion",
        "docs/matching.md §4",
        "docs/matching.md §4.5",
        "docs/rules/funding.md#funding.rounding; docs/matching.md §7",
    ] {
        assert!(report_of(&funding(source, None, &[])).passed(), "{source}");
    }
}

/// Several sections, a series of documents, a section of the same document after `;`, a
/// quote in the title attributed to its own citation.
#[test]
fn the_forms_of_a_citation() {
    // The quote is in one of the sections cited.
    let two = funding("AAP3 §5.2; AAP3 §3.1.1", Some(QUOTE), &[]);
    assert!(report_of(&two).passed());
    // `AAP3 §5.2; §3.1.1`: a section of the same document.
    let same = funding("AAP3 §5.2; §3.1.1", Some(QUOTE), &[]);
    assert!(report_of(&same).passed(), "{:?}", report_of(&same).verdict);
    // A series: in each of its documents.
    let series = funding("AAP4–AAP6 §3.4", Some("Dans tous les cas"), &[]);
    assert!(report_of(&series).passed(), "{:?}", report_of(&series).verdict);
    // A title's quote with its own citation is checked against that citation.
    let titled = funding("AAP3 §3.1.1", Some(QUOTE), &[])
        .replace("title: EIG3", "title: AAC3 art. 5 « le 15 octobre 2018 à 17h. » EIG3");
    assert!(report_of(&titled).passed(), "{:?}", report_of(&titled).verdict);
    let wrong = titled.replace("à 17h.", "à 18h.");
    assert_eq!(codes(&report_of(&wrong)), ["citation_not_verbatim"]);
    assert_eq!(problems(&report_of(&wrong))[0].field, "title");
}

/// A rule id is checked against the rules of the case's promotion and kind: a candidate rule
/// is not a dossier rule, an EIG4 rule not an EIG3 one.
#[test]
fn rule_ids_belong_to_the_promotion_and_kind() {
    let dossier = r"
title: An EIG3 ministry's dossier
source: AAP3 §2.2
quote: être dimensionnés pour accueillir deux ou trois EIG
rules: [RULE]
dossier:
  defi:
    id: d
    title: D
    promotion: EIG3
    hosts: {operational: {name: M, kind: {kind: ministry}}}
    team: [{profile: data_scientist}, {profile: developer}]
expected: {}
";
    assert!(report_of(&dossier.replace("RULE", "eig3.defi.team_size")).passed());
    for (other, nearest) in [
        ("eig4.defi.team_size", "eig3.defi.team_size"),
        ("eig3.candidate.deadline", "eig3.dossier.deadline"),
    ] {
        let report = report_of(&dossier.replace("RULE", other));
        assert_eq!(codes(&report), ["citation_unknown_rule"], "{other}");
        assert!(problems(&report)[0].message.contains("pour un dossier de défi de EIG3"));
        assert_eq!(problems(&report)[0].nearest.as_deref(), Some(nearest));
    }
}
