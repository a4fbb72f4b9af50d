//! The exact search of the lower quotas: the statuses it reports, the optimum of the side that
//! proposes, the sets of défis it keeps and the coalitions it meets.

use eig_matching::{DefiStatus, LowerQuotas, Options, Proposing, SearchOutcome, solve};

use crate::{instance, pairs};

/// Exact mode whose search stops at its node limit before finding a set of défis: the
/// withdrawal policy decides, and a défi nobody joins (its one applicant prefers another) has
/// no team; it is not reported as closed by the search.
#[test]
fn an_open_defi_nobody_joins_has_no_team_when_the_search_stops() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 1, "team_max": 1, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 1}},
            {"id": "b", "seats": {"developer": 1}}
          ],
          "candidates": [{"id": "x", "profile": "developer", "choices": ["b", "a"]}],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["x"]]},
            {"defi": "b", "profile": "developer", "ranks": [["x"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Hosts, Proposing::Candidates] {
        let options = Options {
            proposing,
            lower_quotas: LowerQuotas::Exact { node_limit: 0 },
            ..Options::default()
        };
        let solution = solve(&instance, &options).unwrap();
        assert_eq!(pairs(&instance, &solution.assignment()), "x→b", "{proposing:?}");
        let report = solution.report();
        assert!(matches!(solution.search(), Some(SearchOutcome::LimitReached { .. })));
        assert_eq!(report.defis[0].status, DefiStatus::NoTeam, "{proposing:?}");
    }
}

/// Exact mode, search complete: a défi the search closes is reported closed by the search if
/// some jury ranked applicants to it; one nobody applied to has no team.
#[test]
fn closed_by_the_search_only_with_applicants() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 1, "team_max": 1, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 1}},
            {"id": "b", "seats": {"developer": 1}},
            {"id": "c", "seats": {"developer": 1}}
          ],
          "candidates": [{"id": "x", "profile": "developer", "choices": ["b", "a"]}],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["x"]]},
            {"defi": "b", "profile": "developer", "ranks": [["x"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Hosts, Proposing::Candidates] {
        let options = Options {
            proposing,
            lower_quotas: LowerQuotas::Exact { node_limit: 1_000 },
            ..Options::default()
        };
        let solution = solve(&instance, &options).unwrap();
        assert_eq!(pairs(&instance, &solution.assignment()), "x→b", "{proposing:?}");
        assert!(matches!(solution.search(), Some(SearchOutcome::Optimal { .. })));
        let statuses: Vec<_> =
            solution.report().defis.into_iter().map(|line| line.status).collect();
        assert_eq!(statuses[0], DefiStatus::ClosedBySearch, "{proposing:?}");
        assert_eq!(statuses[2], DefiStatus::NoTeam, "{proposing:?}");
    }
}

/// Exact mode returns the stable assignment optimal for the side that proposes: here the
/// candidates' first choices, or the juries' first choices.
#[test]
fn exact_mode_returns_the_proposing_sides_optimum() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 1, "team_max": 1, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 1}},
            {"id": "b", "seats": {"developer": 1}}
          ],
          "candidates": [
            {"id": "x", "profile": "developer", "choices": ["a", "b"]},
            {"id": "y", "profile": "developer", "choices": ["b", "a"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["y"], ["x"]]},
            {"defi": "b", "profile": "developer", "ranks": [["x"], ["y"]]}
          ]
        }"#,
    );
    for (proposing, expected) in [(Proposing::Candidates, "x→a y→b"), (Proposing::Hosts, "x→b y→a")]
    {
        for lower_quotas in [LowerQuotas::Withdraw, LowerQuotas::Exact { node_limit: 1_000 }] {
            let options = Options { proposing, lower_quotas, ..Options::default() };
            let solution = solve(&instance, &options).unwrap();
            assert_eq!(pairs(&instance, &solution.assignment()), expected, "{options:?}");
        }
    }
}

/// Exact mode, minimum 2: défi a draws only u while b is open, and closing a leaves u and x
/// wanting its two developer seats; with b closed, its developer x and its data scientist y
/// want it, one in each seat — a coalition of two seats of one talent each. No set of défis
/// is stable with closures: the search says so, and the withdrawal policy decides.
#[test]
fn a_coalition_of_one_talent_in_each_of_two_seats() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 2, "team_max": 3, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 2, "data_scientist": 1}},
            {"id": "b", "seats": {"developer": 1, "data_scientist": 1}}
          ],
          "candidates": [
            {"id": "u", "profile": "developer", "choices": ["a", "b"]},
            {"id": "x", "profile": "developer", "choices": ["b", "a"]},
            {"id": "y", "profile": "data_scientist", "choices": ["b", "a"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["u"], ["x"]]},
            {"defi": "a", "profile": "data_scientist", "ranks": [["y"]]},
            {"defi": "b", "profile": "developer", "ranks": [["u"], ["x"]]},
            {"defi": "b", "profile": "data_scientist", "ranks": [["y"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Candidates, Proposing::Hosts] {
        let options = Options {
            proposing,
            lower_quotas: LowerQuotas::Exact { node_limit: 1_000 },
            ..Options::default()
        };
        let solution = solve(&instance, &options).unwrap();
        assert!(
            matches!(solution.search(), Some(SearchOutcome::NoStableAssignment { .. })),
            "{proposing:?}: {:?}",
            solution.search()
        );
    }
}

/// Exact mode, minimum 3: with every défi open each team has 2 talents. Closing a first, the
/// search meets a set where b alone runs; keeping a open and closing b, it meets a larger
/// one, where a and c run: that one is the optimum.
#[test]
fn the_search_keeps_a_larger_set_met_later() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 3, "team_max": 3, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 3}},
            {"id": "b", "seats": {"developer": 3}},
            {"id": "c", "seats": {"developer": 3}}
          ],
          "candidates": [
            {"id": "u", "profile": "developer", "choices": ["c", "b"]},
            {"id": "v", "profile": "developer", "choices": ["b", "a"]},
            {"id": "w", "profile": "developer", "choices": ["b", "c"]},
            {"id": "x", "profile": "developer", "choices": ["b", "c"]},
            {"id": "y", "profile": "developer", "choices": ["b", "a"]},
            {"id": "z", "profile": "developer", "choices": ["a", "b"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["v"], ["y"], ["z"]]},
            {"defi": "b", "profile": "developer", "ranks": [["z"], ["x"], ["y"], ["u"]]},
            {"defi": "c", "profile": "developer", "ranks": [["x"], ["u"], ["w"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Candidates, Proposing::Hosts] {
        let options = Options {
            proposing,
            lower_quotas: LowerQuotas::Exact { node_limit: 1_000 },
            ..Options::default()
        };
        let solution = solve(&instance, &options).unwrap();
        assert!(matches!(solution.search(), Some(SearchOutcome::Optimal { .. })), "{proposing:?}");
        assert_eq!(
            pairs(&instance, &solution.assignment()),
            "u→c v→a w→c x→c y→a z→a",
            "{proposing:?}"
        );
        assert_eq!(solution.report().defis[1].status, DefiStatus::ClosedBySearch, "{proposing:?}");
    }
}

/// Exact mode, minimum 2: a and b have one talent each. Closing a leaves no set stable with
/// closures; keeping a open, with three talents when it is the only défi open (more than the
/// minimum, which does not end the search), and closing b, a runs with s and t, and c with
/// p1, p2 and r.
#[test]
fn a_defi_kept_open_above_the_minimum_alone_is_searched() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 2, "team_max": 3, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 3}},
            {"id": "b", "seats": {"developer": 2}},
            {"id": "c", "seats": {"developer": 3}}
          ],
          "candidates": [
            {"id": "p1", "profile": "developer", "choices": ["c", "a"]},
            {"id": "p2", "profile": "developer", "choices": ["c", "a"]},
            {"id": "r", "profile": "developer", "choices": ["c", "b"]},
            {"id": "s", "profile": "developer", "choices": ["a"]},
            {"id": "t", "profile": "developer", "choices": ["b", "a"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["s"], ["t"], ["p1"], ["p2"]]},
            {"defi": "b", "profile": "developer", "ranks": [["t"], ["r"]]},
            {"defi": "c", "profile": "developer", "ranks": [["p1"], ["p2"], ["r"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Candidates, Proposing::Hosts] {
        let options = Options {
            proposing,
            lower_quotas: LowerQuotas::Exact { node_limit: 1_000 },
            ..Options::default()
        };
        let solution = solve(&instance, &options).unwrap();
        assert!(
            matches!(solution.search(), Some(SearchOutcome::Optimal { .. })),
            "{proposing:?}: {:?}",
            solution.search()
        );
        assert_eq!(
            pairs(&instance, &solution.assignment()),
            "p1→c p2→c r→c s→a t→a",
            "{proposing:?}"
        );
        assert_eq!(solution.report().defis[1].status, DefiStatus::ClosedBySearch, "{proposing:?}");
    }
}
