//! The explanations, in French.

use eig_matching::{Options, solve};

use crate::instance;

/// A withdrawn défi's explanation counts its team in French, the plural from 2.
#[test]
fn a_withdrawn_team_counted_in_french() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 3, "team_max": 3, "max_choices": 1},
          "defis": [{"id": "a", "seats": {"developer": 3}}, {"id": "b", "seats": {"developer": 3}}],
          "candidates": [
            {"id": "x", "profile": "developer", "choices": ["a"]},
            {"id": "y", "profile": "developer", "choices": ["a"]},
            {"id": "z", "profile": "developer", "choices": ["b"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["x"], ["y"]]},
            {"defi": "b", "profile": "developer", "ranks": [["z"]]}
          ]
        }"#,
    );
    let explanations = solve(&instance, &Options::default()).unwrap().explain();
    let [a, b] = [0, 1].map(|d| explanations.defis[d].to_french());
    assert!(a.contains("2 talents "), "{a}");
    assert!(b.contains("1 talent ") && !b.contains("1 talents"), "{b}");
}
