//! Textbook instances.

use eig_matching::{
    Assignment, LowerQuotas, Options, Proposing, SearchOutcome, StabilityNotion, Verification,
    solve, verify,
};

use crate::{instance, pairs};

/// Gale & Shapley (1962), "College admissions and the stability of marriage", the first
/// example (3 men, 3 women, cyclic preferences): three stable matchings; the men-optimal one
/// gives every man his first choice, the women-optimal one every woman hers.
const GALE_SHAPLEY_1962: &str = r#"{
  "limits": {"team_min": 0, "team_max": 1, "max_choices": 3},
  "defis": [
    {"id": "A", "seats": {"developer": 1}},
    {"id": "B", "seats": {"developer": 1}},
    {"id": "C", "seats": {"developer": 1}}
  ],
  "candidates": [
    {"id": "alpha", "profile": "developer", "choices": ["A", "B", "C"]},
    {"id": "beta", "profile": "developer", "choices": ["B", "C", "A"]},
    {"id": "gamma", "profile": "developer", "choices": ["C", "A", "B"]}
  ],
  "rankings": [
    {"defi": "A", "profile": "developer", "ranks": [["beta"], ["gamma"], ["alpha"]]},
    {"defi": "B", "profile": "developer", "ranks": [["gamma"], ["alpha"], ["beta"]]},
    {"defi": "C", "profile": "developer", "ranks": [["alpha"], ["beta"], ["gamma"]]}
  ]
}"#;

#[test]
fn gale_shapley_1962_both_optima() {
    let instance = instance(GALE_SHAPLEY_1962);
    let candidates = solve(&instance, &Options::default()).unwrap();
    insta::assert_snapshot!(pairs(&instance, &candidates.assignment()), @"alpha→A beta→B gamma→C");
    let hosts =
        solve(&instance, &Options { proposing: Proposing::Hosts, ..Options::default() }).unwrap();
    insta::assert_snapshot!(pairs(&instance, &hosts.assignment()), @"alpha→C beta→A gamma→B");
    let moved: Vec<String> = candidates
        .differences(&hosts)
        .iter()
        .map(|d| {
            format!(
                "{}: {:?} / {:?}",
                d.candidate,
                d.here.as_ref().map(ToString::to_string),
                d.there.as_ref().map(ToString::to_string)
            )
        })
        .collect();
    insta::assert_snapshot!(moved.join("\n"), @r#"
    alpha: Some("A") / Some("C")
    beta: Some("B") / Some("A")
    gamma: Some("C") / Some("B")
    "#);
    // Exactly three of the 64 assignments are stable (Gale & Shapley 1962).
    let all = ["A", "B", "C"].map(Some).into_iter().chain([None]);
    let mut stable = 0;
    for a in all.clone() {
        for b in all.clone() {
            for c in all.clone() {
                let placed = [("alpha", a), ("beta", b), ("gamma", c)];
                let pairs = placed.into_iter().filter_map(|(x, d)| d.map(|d| (x, d)));
                stable += usize::from(
                    verify(&instance, &Assignment::from_ids(&instance, pairs).unwrap()).is_stable(),
                );
            }
        }
    }
    assert_eq!(stable, 3);
    // The third stable matching: each gets their second choice.
    let middle =
        Assignment::from_ids(&instance, [("alpha", "B"), ("beta", "C"), ("gamma", "A")]).unwrap();
    assert!(verify(&instance, &middle).is_stable());
    // An unstable one: alpha prefers B to C, and B ranks alpha above beta.
    let unstable =
        Assignment::from_ids(&instance, [("alpha", "C"), ("beta", "B"), ("gamma", "A")]).unwrap();
    insta::assert_json_snapshot!(verify(&instance, &unstable), @r#"
    {
      "verdict": "violations",
      "violations": [
        {
          "violation": "blocking_pair",
          "candidate": "alpha",
          "defi": "B",
          "displaced": "beta"
        }
      ]
    }
    "#);
}

/// Two défis with lower quota 2 and three candidates: every set of running défis is either
/// below the minimum or has a blocking coalition (the phenomenon of Biró, Fleiner, Irving,
/// Manlove 2010): no assignment is stable with closures.
const NO_STABLE: &str = r#"{
  "limits": {"team_min": 2, "team_max": 2, "max_choices": 2},
  "defis": [
    {"id": "d1", "seats": {"developer": 2}},
    {"id": "d2", "seats": {"developer": 2}}
  ],
  "candidates": [
    {"id": "a", "profile": "developer", "choices": ["d2", "d1"]},
    {"id": "b", "profile": "developer", "choices": ["d1", "d2"]},
    {"id": "c", "profile": "developer", "choices": ["d1", "d2"]}
  ],
  "rankings": [
    {"defi": "d1", "profile": "developer", "ranks": [["a"], ["b"], ["c"]]},
    {"defi": "d2", "profile": "developer", "ranks": [["b"], ["c"], ["a"]]}
  ]
}"#;

#[test]
fn lower_quotas_without_stable_assignment() {
    let instance = instance(NO_STABLE);
    let withdraw = solve(&instance, &Options::default()).unwrap();
    assert_eq!(withdraw.certificate().notion, StabilityNotion::AmongRunning);
    insta::assert_snapshot!(pairs(&instance, &withdraw.assignment()), @"a→d1 b→d1");
    let exact = solve(
        &instance,
        &Options { lower_quotas: LowerQuotas::Exact { node_limit: 1000 }, ..Options::default() },
    )
    .unwrap();
    assert!(matches!(exact.search(), Some(SearchOutcome::NoStableAssignment { .. })));
    // Every assignment is unstable: check all of them.
    let options = [None, Some("d1"), Some("d2")];
    for a in options {
        for b in options {
            for c in options {
                let pairs: Vec<(&str, &str)> = [("a", a), ("b", b), ("c", c)]
                    .into_iter()
                    .filter_map(|(x, d)| d.map(|d| (x, d)))
                    .collect();
                let assignment = Assignment::from_ids(&instance, pairs).unwrap();
                assert!(!verify(&instance, &assignment).is_stable());
            }
        }
    }
}

#[test]
fn a_wrong_assignment_lists_every_violation() {
    let instance = instance(NO_STABLE);
    let assignment =
        Assignment::from_ids(&instance, [("a", "d1"), ("a", "d2"), ("b", "d2"), ("c", "d2")])
            .unwrap();
    let Verification::Violations { violations } = verify(&instance, &assignment) else {
        panic!("not stable")
    };
    let text: Vec<String> = violations.iter().map(ToString::to_string).collect();
    insta::assert_snapshot!(text.join("\n"), @"
    le candidat a est placé sur plusieurs défis : d1, d2
    le défi d2 a 3 talents du profil développeur·se pour 2 places
    le défi d1 se lance avec 1 talent, moins que le minimum de 2
    le défi d2 a 3 talents, plus que le maximum de 2
    le candidat b et le défi d1 se préfèrent l'un l'autre à ce que l'affectation leur donne (paire bloquante)
    le candidat c et le défi d1 se préfèrent l'un l'autre à ce que l'affectation leur donne (paire bloquante)
    ");
}

/// Three défis of two developer seats (minimum 2) and four candidates. The largest running set
/// that admits an assignment stable with closures has two défis; on it, the host-optimal
/// assignment leaves `c0` and `c3` preferring the closed third défi, which ranks both: a
/// blocking coalition. The exact mode must still return an assignment stable with closures.
const HOSTS_EXACT: &str = r#"{
  "limits": {"team_min": 2, "team_max": 2, "max_choices": 3},
  "defis": [
    {"id": "d0", "seats": {"developer": 2}},
    {"id": "d1", "seats": {"developer": 2}},
    {"id": "d2", "seats": {"developer": 2}}
  ],
  "candidates": [
    {"id": "c0", "profile": "developer", "choices": ["d1", "d2", "d0"]},
    {"id": "c1", "profile": "developer", "choices": ["d0", "d1", "d2"]},
    {"id": "c2", "profile": "developer", "choices": ["d1", "d0", "d2"]},
    {"id": "c3", "profile": "developer", "choices": ["d2", "d1", "d0"]}
  ],
  "rankings": [
    {"defi": "d0", "profile": "developer", "ranks": [["c0"], ["c3"], ["c1"], ["c2"]]},
    {"defi": "d1", "profile": "developer", "ranks": [["c0"], ["c3"], ["c2"]]},
    {"defi": "d2", "profile": "developer", "ranks": [["c1"], ["c2"], ["c0"], ["c3"]]}
  ]
}"#;

#[test]
fn exact_mode_with_hosts_proposing_is_stable_with_closures() {
    let instance = instance(HOSTS_EXACT);
    let exact = LowerQuotas::Exact { node_limit: 1000 };
    let candidates =
        solve(&instance, &Options { lower_quotas: exact, ..Options::default() }).unwrap();
    let hosts = solve(
        &instance,
        &Options { lower_quotas: exact, proposing: Proposing::Hosts, ..Options::default() },
    )
    .unwrap();
    for solution in [&candidates, &hosts] {
        assert!(matches!(solution.search(), Some(SearchOutcome::Optimal { .. })));
        assert_eq!(solution.certificate().notion, StabilityNotion::WithClosures);
        assert_eq!(solution.certificate().running, 2);
    }
    insta::assert_snapshot!(pairs(&instance, &candidates.assignment()), @"c0→d1 c1→d2 c2→d1 c3→d2");
    insta::assert_snapshot!(pairs(&instance, &hosts.assignment()), @"c0→d1 c1→d2 c2→d1 c3→d2");
}

/// Ties: `d1`'s jury ranks its two developers `c4` and `c5` *ex aequo*. The exact search is
/// exact for the rankings as the lottery broke them, not over every way of breaking the tie:
/// seed 0 puts `c4` first and runs the three défis; seed 4 puts `c5` first and the best it can
/// prove is two, though the three-défi assignment of seed 0 is (weakly) stable with closures
/// for the juries' true rankings.
const TIED_EXACT: &str = r#"{
  "limits": {"team_min": 2, "team_max": 2, "max_choices": 3},
  "defis": [
    {"id": "d0", "seats": {"developer": 1, "designer": 1}},
    {"id": "d1", "seats": {"developer": 1, "designer": 1}},
    {"id": "d2", "seats": {"developer": 1, "designer": 1}}
  ],
  "candidates": [
    {"id": "c0", "profile": "designer", "choices": ["d2", "d0", "d1"]},
    {"id": "c1", "profile": "designer", "choices": ["d1", "d2", "d0"]},
    {"id": "c2", "profile": "developer", "choices": ["d0", "d2", "d1"]},
    {"id": "c3", "profile": "designer", "choices": ["d2", "d1", "d0"]},
    {"id": "c4", "profile": "developer", "choices": ["d1", "d2", "d0"]},
    {"id": "c5", "profile": "developer", "choices": ["d0", "d1", "d2"]}
  ],
  "rankings": [
    {"defi": "d0", "profile": "developer", "ranks": [["c2"]]},
    {"defi": "d0", "profile": "designer", "ranks": [["c0"], ["c3"]]},
    {"defi": "d1", "profile": "developer", "ranks": [["c4", "c5"]]},
    {"defi": "d1", "profile": "designer", "ranks": [["c3"], ["c1"]]},
    {"defi": "d2", "profile": "developer", "ranks": [["c2"], ["c5"]]},
    {"defi": "d2", "profile": "designer", "ranks": [["c3"]]}
  ]
}"#;

#[test]
fn exact_mode_with_ties_is_exact_for_the_drawn_order() {
    let instance = instance(TIED_EXACT);
    let exact = |seed| {
        let options = Options {
            seed,
            lower_quotas: LowerQuotas::Exact { node_limit: 1000 },
            ..Options::default()
        };
        solve(&instance, &options).unwrap()
    };
    let (lucky, unlucky) = (exact(0), exact(4));
    let order = |s: &eig_matching::Solution<'_>| {
        s.tie_break_order().map(ToString::to_string).collect::<Vec<_>>().join(" ")
    };
    insta::assert_snapshot!(order(&lucky), @"c4 c5");
    insta::assert_snapshot!(pairs(&instance, &lucky.assignment()), @"c0→d0 c1→d1 c2→d0 c3→d2 c4→d1 c5→d2");
    insta::assert_snapshot!(order(&unlucky), @"c5 c4");
    insta::assert_snapshot!(pairs(&instance, &unlucky.assignment()), @"c0→d0 c2→d0 c3→d1 c5→d1");
    assert!(matches!(unlucky.search(), Some(SearchOutcome::Optimal { .. })));
    assert_eq!((lucky.certificate().running, unlucky.certificate().running), (3, 2));
    // Seed 0's assignment is stable with closures whatever the draw.
    assert!(verify(&instance, &lucky.assignment()).is_stable());
}

/// The exact search does not branch on défis that can never reach the minimum (fewer ranked
/// applicants than the minimum): 20 candidates with 2 choices each among 1 000 défis leave
/// almost every défi without a possible team, and closing them up front is exact (such a
/// défi is closed in every feasible assignment and can never gather a coalition).
#[test]
fn exact_mode_closes_defis_that_can_never_run_up_front() {
    let config = eig_matching::GeneratorConfig {
        candidates: 20,
        defis: 1_000,
        ..eig_matching::GeneratorConfig::eig_call(1)
    };
    let instance = eig_matching::generate(&config);
    let options =
        Options { lower_quotas: LowerQuotas::Exact { node_limit: 100_000 }, ..Options::default() };
    let solution = solve(&instance, &options).unwrap();
    let Some(SearchOutcome::Optimal { nodes }) = solution.search() else {
        panic!("{:?}", solution.search())
    };
    assert!(nodes <= 40, "{nodes} nodes for at most 40 applications");
    assert_eq!(solution.certificate().notion, StabilityNotion::WithClosures);
}

#[test]
fn a_pair_listed_twice_is_one_placement() {
    let instance = instance(GALE_SHAPLEY_1962);
    let twice = Assignment::from_ids(
        &instance,
        [("alpha", "A"), ("alpha", "A"), ("beta", "B"), ("gamma", "C")],
    )
    .unwrap();
    assert_eq!(twice.len(), 3);
    assert!(verify(&instance, &twice).is_stable());
}
