//! The verifier: assignments read from ids, which violations are coalitions, a talent on no
//! seat of their profile.

use crate::{instance, pairs};

/// An assignment read from ids: sorted by candidate, repeated pairs once, its length; an
/// unknown id is refused by kind; read with an instance too small for it, it is refused
/// rather than misread.
#[test]
fn assignments_from_ids() {
    use eig_matching::{Assignment, AssignmentError};
    let big = instance(
        r#"{
          "limits": {"team_min": 0, "team_max": 1, "max_choices": 1},
          "defis": [{"id": "d1", "seats": {"developer": 1}}, {"id": "d2", "seats": {"developer": 1}}],
          "candidates": [
            {"id": "c1", "profile": "developer", "choices": ["d1"]},
            {"id": "c2", "profile": "developer", "choices": ["d2"]}
          ],
          "rankings": [
            {"defi": "d1", "profile": "developer", "ranks": [["c1"]]},
            {"defi": "d2", "profile": "developer", "ranks": [["c2"]]}
          ]
        }"#,
    );
    let small = instance(
        r#"{
          "limits": {"team_min": 0, "team_max": 1, "max_choices": 1},
          "defis": [{"id": "d1", "seats": {"developer": 1}}],
          "candidates": [{"id": "c1", "profile": "developer", "choices": ["d1"]}],
          "rankings": [{"defi": "d1", "profile": "developer", "ranks": [["c1"]]}]
        }"#,
    );
    assert!(Assignment::default().is_empty());
    let one = Assignment::from_ids(&big, [("c1", "d1")]).unwrap();
    assert!(!one.is_empty());
    assert_eq!(one.len(), 1);
    let both = Assignment::from_ids(&big, [("c2", "d2"), ("c1", "d1"), ("c2", "d2")]).unwrap();
    assert_eq!(both.len(), 2);
    assert_eq!(pairs(&big, &both), "c1→d1 c2→d2");
    assert_eq!(
        Assignment::from_ids(&big, [("c3", "d1")]),
        Err(AssignmentError::UnknownCandidate { candidate: "c3".to_owned() })
    );
    assert_eq!(
        Assignment::from_ids(&big, [("c1", "not an id!")]),
        Err(AssignmentError::UnknownDefi { defi: "not an id!".to_owned() })
    );
    assert!(one.pairs(&small).is_ok());
    assert!(matches!(
        both.pairs(&small).map(|_| ()),
        Err(AssignmentError::OtherInstance { candidate_index: 1, defi_index: 1, .. })
    ));
}

/// Only a blocking coalition is a coalition.
#[test]
fn which_violations_are_coalitions() {
    use eig_matching::Violation;
    let coalition = Violation::BlockingCoalition {
        defi: "d1".parse().unwrap(),
        candidates: vec!["c1".parse().unwrap()],
    };
    let pair = Violation::BlockingPair {
        candidate: "c1".parse().unwrap(),
        defi: "d1".parse().unwrap(),
        displaced: None,
    };
    assert_eq!((coalition.is_coalition(), pair.is_coalition()), (true, false));
}

/// A designer placed on a défi with developer seats only is on no seat of their profile: the
/// verifier says so.
#[test]
fn a_talent_on_a_defi_without_a_seat_of_their_profile() {
    use eig_matching::{Assignment, Verification, Violation, verify};
    let instance = instance(
        r#"{
          "limits": {"team_min": 0, "team_max": 2, "max_choices": 1},
          "defis": [{"id": "a", "seats": {"developer": 2}}],
          "candidates": [{"id": "dana", "profile": "designer", "choices": ["a"]}],
          "rankings": []
        }"#,
    );
    let assignment = Assignment::from_ids(&instance, [("dana", "a")]).unwrap();
    let Verification::Violations { violations } = verify(&instance, &assignment) else {
        panic!("certified");
    };
    assert!(
        violations.contains(&Violation::WrongProfile {
            candidate: "dana".parse().unwrap(),
            defi: "a".parse().unwrap(),
            profile: eig_domain::TalentProfile::Designer,
        }),
        "{violations:?}"
    );
}
