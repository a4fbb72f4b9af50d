//! Solving: teams that shrink or empty while hosts propose, choices without a seat of the
//! candidate's profile, withdrawal rounds, the post-phase of offers, the lottery.

use eig_matching::{DefiStatus, Options, Proposing, solve};

use crate::{instance, pairs};

/// Hosts proposing, minimum 2: x leaves défi a (3 → 2 talents, still at the minimum) for b.
/// Neither défi is below the minimum, so neither is withdrawn.
#[test]
fn a_team_that_shrinks_to_the_minimum_is_not_withdrawn() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 2, "team_max": 3, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 3}},
            {"id": "b", "seats": {"developer": 2}}
          ],
          "candidates": [
            {"id": "w", "profile": "developer", "choices": ["b", "a"]},
            {"id": "x", "profile": "developer", "choices": ["b", "a"]},
            {"id": "y", "profile": "developer", "choices": ["a"]},
            {"id": "z", "profile": "developer", "choices": ["a"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["x"], ["y"], ["z"], ["w"]]},
            {"defi": "b", "profile": "developer", "ranks": [["x"], ["w"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Hosts, Proposing::Candidates] {
        let solution = solve(&instance, &Options { proposing, ..Options::default() }).unwrap();
        assert_eq!(pairs(&instance, &solution.assignment()), "w→b x→b y→a z→a", "{proposing:?}");
        let report = solution.report();
        assert!(
            report.defis.iter().all(|line| matches!(line.status, DefiStatus::Running { .. })),
            "{proposing:?}: {:?}",
            report.defis
        );
    }
}

/// Hosts proposing, minimum 2: x holds défi a alone, then leaves it for b. Défi a ends with
/// no team at all: it has no team, it is not withdrawn for a team below the minimum.
#[test]
fn a_team_that_empties_has_no_team_rather_than_withdrawn() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 2, "team_max": 2, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 2}},
            {"id": "b", "seats": {"developer": 2}}
          ],
          "candidates": [
            {"id": "w", "profile": "developer", "choices": ["b"]},
            {"id": "x", "profile": "developer", "choices": ["b", "a"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["x"]]},
            {"defi": "b", "profile": "developer", "ranks": [["x"], ["w"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Hosts, Proposing::Candidates] {
        let solution = solve(&instance, &Options { proposing, ..Options::default() }).unwrap();
        assert_eq!(pairs(&instance, &solution.assignment()), "w→b x→b", "{proposing:?}");
        let report = solution.report();
        assert_eq!(report.defis[0].status, DefiStatus::NoTeam, "{proposing:?}");
        assert!(matches!(report.defis[1].status, DefiStatus::Running { .. }), "{proposing:?}");
    }
}

/// A candidate may choose a défi with no seat of their profile: that choice is passed over
/// and the next one is tried, whichever side proposes.
#[test]
fn a_choice_without_a_seat_of_the_profile_is_passed_over() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 1, "team_max": 2, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 1}},
            {"id": "b", "seats": {"designer": 1}}
          ],
          "candidates": [
            {"id": "dana", "profile": "designer", "choices": ["a", "b"]},
            {"id": "dev", "profile": "developer", "choices": ["a"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["dev"]]},
            {"defi": "b", "profile": "designer", "ranks": [["dana"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Hosts, Proposing::Candidates] {
        let solution = solve(&instance, &Options { proposing, ..Options::default() }).unwrap();
        assert_eq!(pairs(&instance, &solution.assignment()), "dana→b dev→a", "{proposing:?}");
    }
}

/// Two défis with one applicant each, minimum 2: both are withdrawn, in rounds 1 and 2 (the
/// smallest team first, then the smallest id), whichever side proposes.
#[test]
fn withdrawal_rounds_count_from_one() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 2, "team_max": 2, "max_choices": 1},
          "defis": [
            {"id": "a", "seats": {"developer": 2}},
            {"id": "b", "seats": {"developer": 2}}
          ],
          "candidates": [
            {"id": "x", "profile": "developer", "choices": ["a"]},
            {"id": "y", "profile": "developer", "choices": ["b"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["x"]]},
            {"defi": "b", "profile": "developer", "ranks": [["y"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Hosts, Proposing::Candidates] {
        let solution = solve(&instance, &Options { proposing, ..Options::default() }).unwrap();
        assert_eq!(pairs(&instance, &solution.assignment()), "", "{proposing:?}");
        let statuses: Vec<_> =
            solution.report().defis.into_iter().map(|line| line.status).collect();
        assert_eq!(
            statuses,
            [
                DefiStatus::Withdrawn { team_size: 1, min: 2, round: 1 },
                DefiStatus::Withdrawn { team_size: 1, min: 2, round: 2 },
            ],
            "{proposing:?}"
        );
    }
}

/// Offers fill a défi's empty seats of a profile and no more: two developer seats, three
/// unplaced developers on the offer list, the first two are offered a seat.
#[test]
fn offers_stop_when_the_seats_are_filled() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 1, "team_max": 4, "max_choices": 1},
          "defis": [
            {"id": "a", "seats": {"developer": 2, "designer": 1}},
            {"id": "b", "seats": {"developer": 1}}
          ],
          "candidates": [
            {"id": "u", "profile": "developer", "choices": ["b"]},
            {"id": "v", "profile": "developer", "choices": ["b"]},
            {"id": "w", "profile": "developer", "choices": ["b"]},
            {"id": "z", "profile": "designer", "choices": ["a"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "designer", "ranks": [["z"]]},
            {"defi": "a", "profile": "developer", "ranks": [], "offers": ["u", "v", "w"]}
          ]
        }"#,
    );
    let options = Options { offers: true, ..Options::default() };
    let solution = solve(&instance, &options).unwrap();
    assert_eq!(solution.options(), &options);
    assert_eq!(pairs(&instance, &solution.assignment()), "u→a v→a z→a");
    assert_eq!(solution.report().unplaced, ["w".parse().unwrap()]);
}

/// A jury that ranks two candidates ex aequo, and nothing else, leaves their order to the
/// lottery, which the solution reports.
#[test]
fn a_single_tie_goes_to_the_lottery() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 1, "team_max": 1, "max_choices": 1},
          "defis": [{"id": "a", "seats": {"developer": 1}}],
          "candidates": [
            {"id": "x", "profile": "developer", "choices": ["a"]},
            {"id": "y", "profile": "developer", "choices": ["a"]}
          ],
          "rankings": [{"defi": "a", "profile": "developer", "ranks": [["x", "y"]]}]
        }"#,
    );
    let solution = solve(&instance, &Options::default()).unwrap();
    let mut order: Vec<String> = solution.tie_break_order().map(ToString::to_string).collect();
    order.sort();
    assert_eq!(order, ["x", "y"]);
}
