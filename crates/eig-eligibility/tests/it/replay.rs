//! The real history replayed through the rules (issue 11 §2): each of the 132 défi records of
//! `eig-history` becomes a dossier holding only the facts the record gives, and each rule of
//! its promotion is classified as passed, failed, or not decidable from the record.
//!
//! Two tests: the set of refusals is pinned (`REFUSALS`, each with its resolution), and the
//! committed page `docs/rules/history-replay.md` must equal what [`page`] generates. Rewrite
//! the page with `UPDATE_REPLAY=1 cargo test -p eig-eligibility --test it replay`.

use std::{
    collections::{BTreeMap, BTreeSet},
    fmt::Write as _,
    fs,
    path::PathBuf,
};

use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion, Seat, TalentProfile};
use eig_eligibility::{
    DefiDossier, EligibilityError, FundingDeclaration, Reason, RuleResult, TraceEntry, Value,
    rule_set,
};
use eig_history::{DefiRecord, History};

/// The facts a record gives, by their name in the trace. A rule that reads any other fact
/// (supplied or defaulted) is not decidable from the record, whatever its result.
const RECORD_FACTS: &[&str] = &[
    "defi.hosts.operational.kind",
    "defi.team.len",
    "defi.team.profiles",
    "funding.self_funded",
    // `programme_internal_defi`: EIG Link 2019 and 2020 are replayed (EIG3, EIG4).
    "eig_link_or_coach",
];

/// How the record's profiles became seats.
const PROFILE_MAPPING: &str = "one seat per recorded talent; a talent recorded with two \
profiles (« data_scientist+geomatician ») takes the first of them that the promotion seeks, \
else the first";

/// Why a record is not a dossier of the call for défis, when it is not: the programme's own
/// project of AAP5 §4.2.2 (« Cas particulier du projet EIG Link ») and AAP6 §4.2.2 (« Cas
/// particulier du projet Coach EIG »), whose talents « sont recrutés et financés » within
/// Etalab, outside the call. Replaying them as a host's dossier would count them as accepted
/// (and read their coaches as data engineers or designers): they are reported as not
/// replayable instead. The EIG Link défis of EIG2–EIG4 are listed among the défis of their
/// promotion's call for candidates (AAC2 art. 3: « Les défis suivants ont été sélectionnés
/// par un jury pluridisciplinaire »), and are replayed, although AAC2 says of its EIG Link
/// « défi prévu par l’appel à projets de mai 2017 » (an open question, not decided here).
fn not_a_call_dossier(record: &DefiRecord) -> Option<&'static str> {
    if !record.programme_internal {
        return None;
    }
    match record.promotion {
        Promotion::Eig5 => Some(
            "the programme's own EIG Link project (AAP5 §4.2.2 « Cas particulier du projet EIG \
             Link »: « Au sein du département Etalab, trois entrepreneurs sont recrutés et \
             financés dans le cadre du projet EIG Link. »), not a dossier of the call for défis",
        ),
        Promotion::Eig6 => Some(
            "the programme's own Coach EIG project (AAP6 §4.2.2 « Cas particulier du projet \
             Coach EIG »: « Au sein du département Etalab, trois entrepreneurs sont recrutés et \
             financés dans le cadre du projet Coach EIG. »), not a dossier of the call for \
             défis; its coaches are not data engineers or designers of a host's team",
        ),
        _ => None,
    }
}

/// What a rule says about one record.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Passed,
    Failed(String),
    /// Not decidable: the inputs or facts the record lacks.
    Undecidable(Vec<String>),
}

/// One record replayed.
#[derive(Debug)]
struct Replayed<'a> {
    record: &'a DefiRecord,
    /// Per rule id, in the rule set's order: the verdict and the rule's source.
    rules: Vec<(&'static str, Verdict, String)>,
}

impl Replayed<'_> {
    fn refusals(&self) -> impl Iterator<Item = (&'static str, &str, &str)> {
        self.rules.iter().filter_map(|(rule, verdict, source)| match verdict {
            Verdict::Failed(reason) => Some((*rule, reason.as_str(), source.as_str())),
            _ => None,
        })
    }
}

/// The seat of a recorded talent.
fn seat(profiles: &[TalentProfile], sought: &dyn Fn(TalentProfile) -> bool) -> Seat {
    let profile = profiles.iter().copied().find(|profile| sought(*profile)).unwrap_or(profiles[0]);
    Seat { profile }
}

/// The dossier of a record, for one of the kinds its host classification stands for.
fn dossier(record: &DefiRecord, index: usize, kind: HostKind, team: Vec<Seat>) -> DefiDossier {
    let self_funded = record
        .funding_note
        .as_deref()
        .is_some_and(|note| note.contains("self-funded"))
        .then_some(true);
    DefiDossier {
        defi: Defi {
            id: format!("{}-{index:03}", record.promotion.code()).parse().unwrap(),
            title: record.title.clone(),
            promotion: record.promotion,
            hosts: HostRoles {
                operational: Host {
                    name: record.host_administration.clone(),
                    kind,
                    siren: None,
                    siret: None,
                },
                administrative: None,
            },
            team,
            support: Vec::new(),
            commitments: BTreeSet::new(),
        },
        submitted_at: None,
        funding: FundingDeclaration { self_funded, ..FundingDeclaration::default() },
        carrier_convention: None,
        titre2_programme: None,
        economic_and_financial_ministries: None,
        purely_it_tooling: None,
        beta_gouv_phase: None,
        team_exception_granted: None,
        project_team: None,
        contacts_identified: None,
        mentors_host_agents: None,
        mentors_have_time: None,
        // The site data says which défi is the programme's own (EIG Link, Magellan).
        eig_link_or_coach: Some(record.programme_internal),
    }
}

/// A rule's verdict from its trace entry.
fn verdict(entry: &TraceEntry) -> Verdict {
    if let RuleResult::Missing { inputs } = &entry.result {
        return Verdict::Undecidable(inputs.iter().map(|input| (*input).to_owned()).collect());
    }
    let lacking: Vec<String> = entry
        .facts
        .iter()
        .filter(|fact| !RECORD_FACTS.contains(&fact.name) && fact.value != Value::Unknown)
        .map(|fact| fact.name.to_owned())
        .collect();
    if !lacking.is_empty() {
        return Verdict::Undecidable(lacking);
    }
    match &entry.result {
        RuleResult::Failed { reason } => Verdict::Failed(reason_text(reason, entry)),
        _ => Verdict::Passed,
    }
}

fn reason_text(reason: &Reason, entry: &TraceEntry) -> String {
    let parameter = |name: &str| {
        entry.parameters.iter().find(|p| p.name == name).map(|p| match &p.value {
            Value::Text(text) => text.to_string(),
            other => serde_json::to_string(other).unwrap(),
        })
    };
    match reason {
        Reason::HostKindNotAdmitted { kind } => format!(
            "host kind « {} » not admitted (admitted: {})",
            kind.french(),
            parameter("admitted").unwrap_or_default()
        ),
        Reason::TeamSizeOutOfBounds { size, min, max } => {
            format!("team of {size}, outside {min}–{max}")
        }
        Reason::ProfilesNotSought { profiles } => format!(
            "profile(s) {} not among those sought ({})",
            profiles.iter().map(|p| format!("« {} »", p.french())).collect::<Vec<_>>().join(", "),
            parameter("sought").unwrap_or_default()
        ),
        other => serde_json::to_string(other).unwrap(),
    }
}

/// Replays one record: every rule of its promotion, for every kind the record's host
/// classification stands for (a rule whose verdict differs between them is not decidable).
fn replay(record: &DefiRecord, index: usize) -> Result<Replayed<'_>, EligibilityError> {
    let rules = rule_set(record.promotion)?;
    let sought_probe = |profile: TalentProfile| {
        // A profile is sought when a one-seat team of it passes the profiles rule.
        let team = vec![Seat { profile }];
        let kind = record.host_kind.host_kinds()[0];
        rules.evaluate_dossier(&dossier(record, index, kind, team)).is_ok_and(|decision| {
            decision
                .trace
                .iter()
                .filter(|entry| entry.rule.ends_with(".profiles"))
                .all(|entry| !matches!(entry.result, RuleResult::Failed { .. }))
        })
    };
    let recorded: Vec<Seat> = record
        .profiles
        .iter()
        .map(|profile| seat(&profile.talent_profiles(), &sought_probe))
        .collect();
    let talents = usize::from(record.talents);
    let mut verdicts: BTreeMap<&'static str, (BTreeSet<Verdict>, String)> = BTreeMap::new();
    let mut order = Vec::new();
    for kind in record.host_kind.host_kinds() {
        // The team's size is the record's count of talents; the profiles rule reads only the
        // recorded profiles (the record may name fewer profiles than talents).
        let mut sized = recorded.clone();
        sized.truncate(talents);
        while sized.len() < talents {
            sized.push(
                recorded.first().copied().unwrap_or(Seat { profile: TalentProfile::Developer }),
            );
        }
        let by_size = rules.evaluate_dossier(&dossier(record, index, kind, sized))?;
        let by_profiles =
            rules.evaluate_dossier(&dossier(record, index, kind, recorded.clone()))?;
        for (entry, profiles_entry) in by_size.trace.iter().zip(&by_profiles.trace) {
            let mut found = if entry.rule.ends_with(".profiles") {
                verdict(profiles_entry)
            } else {
                verdict(entry)
            };
            if entry.rule.ends_with(".profiles")
                && recorded.len() < talents
                && found == Verdict::Passed
            {
                found = Verdict::Undecidable(vec![format!(
                    "talent_profiles ({} of {talents} talents without a profile)",
                    talents - recorded.len()
                )]);
            }
            let slot = verdicts.entry(entry.rule).or_insert_with(|| {
                order.push(entry.rule);
                (BTreeSet::new(), entry.source.to_string())
            });
            slot.0.insert(found);
        }
    }
    let rules = order
        .into_iter()
        .map(|rule| {
            let (found, source) = verdicts.remove(rule).unwrap();
            let verdict = if found.len() == 1 {
                found.into_iter().next().unwrap()
            } else {
                Verdict::Undecidable(vec![String::from("the host's exact kind")])
            };
            (rule, verdict, source)
        })
        .collect();
    Ok(Replayed { record, rules })
}

/// How a refusal is resolved (issue 11 §2): the reading is wrong and was fixed, the record
/// shows a real exception (documented in the catalogue), or the record lacks a fact.
#[derive(Clone, Copy, Debug)]
enum Resolution {
    /// A real exception, documented in `docs/rules/eligibility.md` with its evidence.
    Exception(&'static str),
    /// The record lacks the fact that would decide.
    RecordLacks(&'static str),
}

const IMPACT_DIRECTORS: Resolution = Resolution::Exception(
    "REG7 §3.3 « Deux profils sont proposés dans le cadre de la 7ème promotion EIG » \
             (a) directeur ou directrice de produit, b) directeur ou directrice technique); the \
             programme later recruited directors of impact (and one of operations), which the \
             site lists as expertises (eig-rules-brief §3, §5 item 9, §6 item 6) but which no \
             text of the sources states. REG7 is a « Règlement provisoire »: the rule keeps its \
             two profiles, and the later profiles are recorded as an exception in the catalogue \
             (`eig7.defi.profiles`).",
);

/// Every refusal of the replay: (promotion, record title, rule id) and its resolution. The
/// test fails when the set of refusals changes.
const REFUSALS: &[(&str, &str, &str, Resolution)] = &[
    (
        "EIG5",
        "DataRH",
        "eig5.defi.team_size",
        Resolution::RecordLacks(
            "the team's real size. The record's note: « site lists 1 designer; site-eig-v3 \
             also holds a PDF advertising a data-scientist post for DataRH; promotion total of \
             39 (inferred) implies one talent missing from the site data »; the site tags two \
             skills (Design, Data engineering). The record's `n_talents` counts the people the \
             site links, not the team the dossier asked for.",
        ),
    ),
    (
        "EIG7",
        "Datalma",
        "eig7.host.kind",
        Resolution::Exception(
            "REG7 §3.1 « Le programme EIG est destiné aux administrations centrales et aux \
             opérateurs de l’État »: the Présidence de la République is neither (its services \
             are not a ministry's central administration; the file classifies it `autre_etat`, \
             an inference). The site's project page ([`site/content/defis/datalma.md`](\
             https://github.com/entrepreneur-interet-general/site-eig-v3/blob/b1e648286a067bacf1c3d82cafcf9361dec33423/site/content/defis/datalma.md) \
             of site-eig-v3, two people linked) shows it was admitted. The reading is kept \
             (the text states whom the programme is for, under « Conditions d’éligibilité »); \
             Datalma is \
             documented as an exception in the catalogue (`eig7.host.kind`).",
        ),
    ),
    ("EIG7", "1 élève, 1 stage", "eig7.defi.profiles", IMPACT_DIRECTORS),
    ("EIG7", "DomiFa", "eig7.defi.profiles", IMPACT_DIRECTORS),
    ("EIG7", "FAST", "eig7.defi.profiles", IMPACT_DIRECTORS),
    ("EIG7", "Impact CO2", "eig7.defi.profiles", IMPACT_DIRECTORS),
    ("EIG7", "Nos Gestes Climat", "eig7.defi.profiles", IMPACT_DIRECTORS),
    ("EIG7", "Partageons l'eau", "eig7.defi.profiles", IMPACT_DIRECTORS),
    ("EIG7", "Recommandations collaboratives", "eig7.defi.profiles", IMPACT_DIRECTORS),
    ("EIG7", "Réfugiés.info", "eig7.defi.profiles", IMPACT_DIRECTORS),
    ("EIG7", "Référentiel National des Bâtiments", "eig7.defi.profiles", IMPACT_DIRECTORS),
    ("EIG7", "Santé Psy Étudiant", "eig7.defi.profiles", IMPACT_DIRECTORS),
    ("EIG7", "La Suite numérique", "eig7.defi.profiles", IMPACT_DIRECTORS),
];

const PAGE: &str = "docs/rules/history-replay.md";

const INTRO: &str = "# The real history replayed through the rules

<!-- Generated by crates/eig-eligibility/tests/it/replay.rs: do not edit. Rewrite with
     UPDATE_REPLAY=1 cargo test -p eig-eligibility --test it replay -->
";

fn intro(records: usize) -> String {
    format!(
        "{INTRO}\n\
         Each of the {records} défi records of `eig-history` (`History::embedded()`, compiled \
         from the programme's site data) is turned into a défi dossier holding only what the \
         record gives: the host's kind (`host_kind`, a classification made when the file was \
         compiled, so an inference), the team's size (`n_talents`), the talents' profiles \
         (`talent_profiles`: the profiles recruited, taken as the profiles the dossier \
         requested) and self-funding where the record's `funding_note` says so. Profiles: \
         {PROFILE_MAPPING}. A record classified `ministere_administration_centrale` stands for a \
         ministry or a central administration; it is replayed as both, and a rule whose verdict \
         differs between them would be « not decidable ».\n\n\
         Each rule of the promotion's rule set is then classified:\n\n\
         - **passed** / **failed**: the rule read only facts the record gives;\n\
         - **not decidable from the record**: the rule needs an input the record lacks (the \
         engine reports it missing: deadline, funding declaration, beta.gouv.fr phase, team \
         exception…), or it read a fact the record does not give (mentors, sponsor, \
         commitments: the dossier built from the record has none, so the engine's result on \
         them says nothing about the real dossier and is ignored).\n\n\
         A record is **accepted** when no rule decidable from it fails, **refused** otherwise. \
         Every refusal of a real laureate is a finding, listed below with its resolution. EIG1 \
         and DIG1 have no published call rules (`EligibilityError::NoPublishedRules`): their \
         records cannot be replayed. Nor can the programme's own projects of EIG5 and EIG6 \
         (EIG Link 2021, the Coach EIG project Magellan): AAP5 §4.2.2 and AAP6 §4.2.2 recruit \
         their talents within Etalab, outside the call for défis, so they are no host's \
         dossier.\n"
    )
}

/// One rule's verdicts over a promotion's records.
#[derive(Debug, Default)]
struct Tally {
    source: String,
    passed: usize,
    failed: usize,
    undecidable: usize,
    lacking: BTreeSet<String>,
}

fn rule_table(replayed: &[Replayed<'_>]) -> String {
    let mut order: Vec<&str> = Vec::new();
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    for replay in replayed {
        for (rule, verdict, source) in &replay.rules {
            let tally = tallies.entry(rule).or_insert_with(|| {
                order.push(rule);
                Tally { source: source.clone(), ..Tally::default() }
            });
            match verdict {
                Verdict::Passed => tally.passed += 1,
                Verdict::Failed(_) => tally.failed += 1,
                Verdict::Undecidable(lacking) => {
                    tally.undecidable += 1;
                    tally.lacking.extend(lacking.iter().cloned());
                }
            }
        }
    }
    let mut out = String::from(
        "| Rule | Source | Passed | Failed | Not decidable from the record |\n\
         |---|---|---:|---:|---|\n",
    );
    for rule in order {
        let tally = &tallies[rule];
        let lacking = if tally.undecidable == 0 {
            String::from("0")
        } else {
            let names: Vec<String> = tally.lacking.iter().map(|l| format!("`{l}`")).collect();
            format!("{} (lacks {})", tally.undecidable, names.join(", "))
        };
        let _ = writeln!(
            out,
            "| `{rule}` | {} | {} | {} | {lacking} |",
            tally.source, tally.passed, tally.failed
        );
    }
    out
}

fn json_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).unwrap().as_str().unwrap().to_owned()
}

fn refusal_list(replayed: &[Replayed<'_>]) -> String {
    let mut out = String::new();
    // A resolution shared by several records is written out once, then referred to.
    let mut first_with: BTreeMap<&str, String> = BTreeMap::new();
    for replay in replayed {
        let record = replay.record;
        for (rule, reason, source) in replay.refusals() {
            let profiles = if record.profiles.is_empty() {
                String::from("no profile recorded")
            } else {
                record.profiles.iter().map(json_name).collect::<Vec<_>>().join(", ")
            };
            let _ = writeln!(
                out,
                "- « {} » (host « {} », recorded `{}`, {} talent(s): {profiles}): `{rule}` \
                 ({source}) fails — {reason}.",
                record.title,
                record.host_administration,
                json_name(&record.host_kind),
                record.talents,
            );
            let resolution = REFUSALS
                .iter()
                .find(|(p, t, r, _)| {
                    *p == record.promotion.code() && *t == record.title.as_str() && *r == rule
                })
                .map(|(.., resolution)| *resolution);
            if let Some(Resolution::Exception(text) | Resolution::RecordLacks(text)) = resolution
                && let Some(first) = first_with.get(text)
            {
                let kind = match resolution {
                    Some(Resolution::Exception(_)) => "Real exception",
                    _ => "The record lacks the fact",
                };
                let _ = writeln!(out, "  **{kind}**, as for « {first} » above.");
                continue;
            }
            if let Some(Resolution::Exception(text) | Resolution::RecordLacks(text)) = resolution {
                first_with.insert(text, record.title.to_string());
            }
            let _ = match resolution {
                Some(Resolution::Exception(text)) => writeln!(out, "  **Real exception.** {text}"),
                Some(Resolution::RecordLacks(text)) => {
                    writeln!(out, "  **The record lacks the fact:** {text}")
                }
                None => writeln!(out, "  **Unresolved.**"),
            };
        }
    }
    out
}

fn page() -> String {
    let history = History::embedded();
    let mut summary = String::from(
        "## Summary\n\n| Promotion | Records | Accepted | Refused | Not replayable |\n\
         |---|---:|---:|---:|---:|\n",
    );
    let mut sections = String::new();
    for promotion in Promotion::ALL {
        let records: Vec<(usize, &DefiRecord)> = history
            .defis()
            .iter()
            .enumerate()
            .filter(|(_, record)| record.promotion == promotion)
            .collect();
        if records.is_empty() {
            continue;
        }
        let count = records.len();
        let _ = writeln!(sections, "\n## {promotion}\n");
        let (internal, records): (Vec<_>, Vec<_>) =
            records.into_iter().partition(|(_, record)| not_a_call_dossier(record).is_some());
        let replayed: Result<Vec<Replayed<'_>>, _> =
            records.iter().map(|(index, record)| replay(record, *index)).collect();
        let replayed = match replayed {
            Ok(replayed) => replayed,
            Err(err) => {
                let _ = writeln!(
                    summary,
                    "| {promotion} | {count} | — | — (no published rules) | {count} |"
                );
                let _ = writeln!(
                    sections,
                    "{count} records. Not replayed: {err}. No call rules of this promotion are \
                     in the sources (eig-rules-brief §8), so there is nothing to replay them \
                     through."
                );
                continue;
            }
        };
        let refused = replayed.iter().filter(|r| r.refusals().next().is_some()).count();
        let accepted = replayed.len() - refused;
        let not_replayable = internal.len();
        let _ = writeln!(
            summary,
            "| {promotion} | {count} | {accepted} | {refused} | {not_replayable} |"
        );
        let _ = writeln!(
            sections,
            "{count} records: {accepted} accepted, {refused} refused, {not_replayable} not \
             replayable.\n\n{}",
            rule_table(&replayed)
        );
        if refused > 0 {
            let _ = write!(sections, "### Refusals\n\n{}", refusal_list(&replayed));
        }
        if not_replayable > 0 {
            let _ = writeln!(sections, "### Not replayable\n");
            for (_, record) in &internal {
                let why = not_a_call_dossier(record).unwrap_or_default();
                let _ = writeln!(
                    sections,
                    "- « {} » (host « {} »): {why}.",
                    record.title, record.host_administration
                );
            }
        }
    }
    format!("{}\n{summary}{sections}", intro(history.defis().len()))
}

fn page_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(PAGE)
}

/// The set of refusals is the pinned one: a change of a rule or of the data that adds or
/// removes a refusal must be looked at (and resolved) before this passes again.
#[test]
fn replay_refusals_are_pinned() {
    let history = History::embedded();
    let mut found = BTreeSet::new();
    for (index, record) in history.defis().iter().enumerate() {
        if not_a_call_dossier(record).is_some() {
            continue;
        }
        let Ok(replayed) = replay(record, index) else {
            assert!(matches!(record.promotion, Promotion::Eig1 | Promotion::Dig1));
            continue;
        };
        for (rule, ..) in replayed.refusals() {
            found.insert((record.promotion.code(), record.title.as_str().to_owned(), rule));
        }
    }
    let pinned: BTreeSet<_> =
        REFUSALS.iter().map(|(p, t, r, _)| (*p, (*t).to_owned(), *r)).collect();
    assert_eq!(found, pinned, "the replay's refusals changed: resolve each one in REFUSALS");
}

/// The committed page is what the generator writes.
#[test]
fn replay_page_is_up_to_date() {
    let generated = page();
    if std::env::var_os("UPDATE_REPLAY").is_some() {
        fs::write(page_path(), &generated).unwrap();
    }
    let committed = fs::read_to_string(page_path()).unwrap_or_default();
    assert!(
        committed == generated,
        "{PAGE} differs from the generator's output; rewrite it with UPDATE_REPLAY=1"
    );
}

/// The classification can fail: a record the rules must refuse is refused, on the rule the
/// record speaks to, and the rules it cannot speak to stay undecidable.
#[test]
fn replay_refuses_what_the_rules_refuse() {
    let record: DefiRecord = serde_json::from_value(serde_json::json!({
        "promotion": "EIG 7", "promotion_year_start": 2024, "defi": "Synthétique",
        "host_administration": "Région imaginaire", "host_kind": "collectivite_territoriale",
        "host_kind_is_inference": true, "programme_internal_defi": false, "n_talents": 3,
        "talent_profiles": ["product_director", "technical_director", "designer"],
        "skills_tagged_on_site": null, "duration_months": 12, "location": null,
        "funding_note": null, "note": null, "sources": []
    }))
    .unwrap();
    let replayed = replay(&record, 0).unwrap();
    let failed: Vec<&str> = replayed.refusals().map(|(rule, ..)| rule).collect();
    assert_eq!(failed, ["eig7.host.kind", "eig7.defi.team_size", "eig7.defi.profiles"]);
    let verdict = |id: &str| &replayed.rules.iter().find(|(rule, ..)| *rule == id).unwrap().1;
    assert!(matches!(verdict("eig7.partner.sponsor"), Verdict::Undecidable(_)));
    assert!(matches!(verdict("eig7.product.beta_gouv_phase"), Verdict::Undecidable(_)));
}
