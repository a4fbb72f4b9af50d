//! Validation lists every problem at once.

use eig_matching::{Instance, MatchingInput, Options, solve};

use crate::{instance, pairs};

fn problems(json: &str) -> String {
    let input: MatchingInput = serde_json::from_str(json).expect("valid JSON");
    match Instance::new(&input) {
        Ok(_) => "ok".to_owned(),
        Err(err) => err.problems().iter().map(|p| format!("- {p}\n")).collect::<Vec<_>>().concat(),
    }
}

#[test]
fn every_problem_is_listed() {
    let json = r#"{
      "limits": {"team_min": 2, "team_max": 3, "max_choices": 2},
      "defis": [
        {"id": "d1", "seats": {"developer": 1, "designer": 1}},
        {"id": "d1", "seats": {"developer": 1, "designer": 1}},
        {"id": "d2", "seats": {"developer": 4}},
        {"id": "d3", "seats": {"designer": 2}}
      ],
      "candidates": [
        {"id": "c1", "profile": "developer", "choices": ["d1", "d9"]},
        {"id": "c1", "profile": "designer", "choices": []},
        {"id": "c2", "profile": "developer", "choices": ["d1", "d3", "d1"]},
        {"id": "c3", "profile": "designer", "choices": ["d3"]}
      ],
      "rankings": [
        {"defi": "d1", "profile": "developer", "ranks": [["c1", "c3"], ["c4"], ["c1"]]},
        {"defi": "d1", "profile": "developer", "ranks": []},
        {"defi": "d3", "profile": "developer", "ranks": []},
        {"defi": "d8", "profile": "developer", "ranks": []},
        {"defi": "d3", "profile": "designer", "ranks": [[], ["c2"]], "offers": ["c3"]}
      ]
    }"#;
    insta::assert_snapshot!(problems(json), @"
    - le défi d1 figure deux fois : gardez une seule entrée par défi
    - le défi d2 a 4 places, hors des bornes d'équipe de 2 à 3 : donnez-lui de 2 à 3 places
    - le candidat c1 a choisi le défi inconnu d9 : retirez ce choix ou ajoutez le défi
    - le candidat c2 a choisi 3 défis, plus que la limite de 2 : gardez au plus 2 choix
    - le candidat c2 a choisi deux fois le défi d1 : retirez l'un des deux choix
    - le candidat c1 figure deux fois : gardez une seule entrée par candidat
    - défi d1 : le classement du profil développeur·se nomme le candidat c3, dont le profil est designer : classez-le dans le classement de son profil
    - défi d1 : le classement du profil développeur·se nomme le candidat inconnu c4 : retirez-le du classement ou ajoutez-le aux candidats
    - défi d1 : le classement du profil développeur·se nomme deux fois le candidat c1 : gardez-le à un seul rang
    - le défi d1 a deux classements du profil développeur·se : n'en gardez qu'un
    - défi d3 : classement du profil développeur·se, pour lequel le défi n'a aucune place : retirez ce classement ou donnez au défi une place de ce profil
    - classement d'un défi inconnu d8 : retirez ce classement ou ajoutez le défi
    - défi d3 : le classement du profil designer nomme le candidat c2, dont le profil est développeur·se : classez-le dans le classement de son profil
    - défi d3 : le classement du profil designer propose une place au candidat c3, qui a choisi ce défi : classez-le au lieu de lui proposer une place
    - défi d3 : le classement du profil designer a un rang sans candidat : retirez ce rang vide
    ");
}

#[test]
fn a_ranking_may_not_name_a_non_applicant() {
    let json = r#"{
      "limits": {"team_min": 0, "team_max": 3, "max_choices": 2},
      "defis": [{"id": "d1", "seats": {"developer": 1}}, {"id": "d2", "seats": {"developer": 1}}],
      "candidates": [{"id": "c1", "profile": "developer", "choices": ["d2"]}],
      "rankings": [{"defi": "d1", "profile": "developer", "ranks": [["c1"]]}]
    }"#;
    insta::assert_snapshot!(problems(json), @"- défi d1 : le classement du profil développeur·se nomme le candidat c1, qui n'a pas choisi ce défi : retirez-le du classement, ou proposez-lui une place (offers)");
}

#[test]
fn bounds_must_not_be_empty() {
    let json = r#"{
      "limits": {"team_min": 3, "team_max": 2, "max_choices": 1},
      "defis": [], "candidates": [], "rankings": []
    }"#;
    insta::assert_snapshot!(problems(json), @"- les bornes d'équipe de 3 à 2 sont vides : team_min doit être au plus team_max");
}

/// Ids longer than 16 bytes that share their first 16 are told apart (ids are sorted by a key of
/// their first 16 bytes, and compared whole only when keys are equal), whether the other ids
/// are short or long; an unknown id sharing a known one's prefix is reported unknown.
#[test]
fn long_ids_sharing_a_prefix_are_told_apart() {
    let solve = |defi_a: &str, defi_b: &str, candidate: &str| -> String {
        let json = format!(
            r#"{{
              "limits": {{"team_min": 0, "team_max": 1, "max_choices": 2}},
              "defis": [{{"id": "{defi_b}", "seats": {{"designer": 1}}}},
                        {{"id": "{defi_a}", "seats": {{"designer": 1}}}}],
              "candidates": [
                {{"id": "{candidate}-2", "profile": "designer", "choices": ["{defi_a}", "{defi_b}"]}},
                {{"id": "{candidate}-1", "profile": "designer", "choices": ["{defi_a}"]}}
              ],
              "rankings": [
                {{"defi": "{defi_a}", "profile": "designer", "ranks": [["{candidate}-1"], ["{candidate}-2"]]}},
                {{"defi": "{defi_b}", "profile": "designer", "ranks": [["{candidate}-2"]]}}
              ]
            }}"#
        );
        let input: MatchingInput = serde_json::from_str(&json).expect("valid JSON");
        let instance = Instance::new(&input).expect("a valid problem");
        let solution = solve(&instance, &Options::default()).expect("solved");
        let pairs: Vec<String> = solution
            .assignment()
            .pairs(&instance)
            .expect("its own instance")
            .map(|(candidate, defi)| format!("{candidate}→{defi}"))
            .collect();
        pairs.join(" ")
    };
    // Long défi ids with a shared prefix, short candidate ids; then both long.
    assert_eq!(
        solve("defi-shared-prefix-a", "defi-shared-prefix-b", "c"),
        "c-1→defi-shared-prefix-a c-2→defi-shared-prefix-b"
    );
    assert_eq!(
        solve("defi-shared-prefix-a", "defi-shared-prefix-b", "candidate-shared-prefix"),
        "candidate-shared-prefix-1→defi-shared-prefix-a candidate-shared-prefix-2→defi-shared-prefix-b"
    );
    // Short ids only.
    assert_eq!(solve("a", "b", "c"), "c-1→a c-2→b");
    // An unknown id sharing a known one's first 16 bytes.
    let unknown = r#"{
      "limits": {"team_min": 0, "team_max": 1, "max_choices": 1},
      "defis": [{"id": "defi-shared-prefix-a", "seats": {"designer": 1}}],
      "candidates": [{"id": "c1", "profile": "designer", "choices": ["defi-shared-prefix-z"]}],
      "rankings": []
    }"#;
    insta::assert_snapshot!(problems(unknown), @"- le candidat c1 a choisi le défi inconnu defi-shared-prefix-z : retirez ce choix ou ajoutez le défi");
}

#[test]
fn instance_round_trips_through_its_input() {
    for offer_percent in [0, 5] {
        let config = eig_matching::GeneratorConfig::eig_call(3);
        let instance = eig_matching::generate_with_offers(&config, offer_percent);
        let again = Instance::new(&instance.to_input()).expect("a generated instance is valid");
        assert_eq!(again, instance);
    }
}

#[test]
fn generated_instances_are_valid_whatever_the_limits() {
    use std::collections::BTreeMap;

    use eig_domain::TalentProfile;
    use eig_matching::{GeneratorConfig, MatchingLimits, generate};
    // (team_min, team_max, developer seats per défi): bounds inverted, below the seats,
    // above them, and no seat at all.
    for (team_min, team_max, seats) in [(4, 2, 3), (0, 1, 3), (5, 9, 3), (2, 3, 0)] {
        let config = GeneratorConfig {
            seed: 1,
            candidates: 10,
            defis: 3,
            seats: BTreeMap::from([(TalentProfile::Developer, seats)]),
            limits: MatchingLimits { team_min, team_max, max_choices: 2 },
            ranked_percent: 80,
            tie_percent: 30,
        };
        let instance = generate(&config);
        let again = Instance::new(&instance.to_input());
        assert_eq!(again.as_ref(), Ok(&instance), "{team_min}..={team_max}, {seats} seats");
        let limits = instance.limits();
        assert!(limits.team_min <= seats && seats <= limits.team_max);
    }
}

/// An assignment holds indices into the instance it was made for: read or verified with a
/// smaller instance it is refused, not misread (it used to panic).
#[test]
fn an_assignment_for_another_instance_is_refused() {
    use eig_matching::{
        AssignmentError, GeneratorConfig, Options, Verification, Violation, generate, solve, verify,
    };

    let large = generate(&GeneratorConfig::eig_call(1));
    let small = instance(
        r#"{
      "limits": {"team_min": 0, "team_max": 1, "max_choices": 1},
      "defis": [{"id": "d00", "seats": {"developer": 1}}],
      "candidates": [{"id": "c0", "profile": "developer", "choices": ["d00"]}],
      "rankings": [{"defi": "d00", "profile": "developer", "ranks": [["c0"]]}]
    }"#,
    );
    let assignment = solve(&large, &Options::default()).expect("verified").assignment();
    let (candidates, defis) = (small.candidate_count(), small.defi_count());
    let Err(err) = assignment.pairs(&small) else { panic!("read with the wrong instance") };
    let AssignmentError::OtherInstance { candidate_index, defi_index, .. } = err else {
        panic!("unexpected error {err}")
    };
    assert!(candidate_index as usize >= candidates || defi_index as usize >= defis);
    assert_eq!(
        err.to_string(),
        format!(
            "l'affectation a été faite pour d'autres données : elle place le candidat n° \
             {candidate_index} sur le défi n° {defi_index}, mais ces données ont {candidates} \
             candidats et {defis} défis : vérifiez l'affectation avec les données pour lesquelles \
             elle a été calculée"
        )
    );
    let Verification::Violations { violations } = verify(&small, &assignment) else {
        panic!("verified with the wrong instance")
    };
    let foreign = assignment
        .pairs(&large)
        .expect("its own instance")
        .filter(|(c, d)| {
            let c = large.candidates().binary_search(c).unwrap_or(0);
            let d = large.defis().binary_search(d).unwrap_or(0);
            c >= candidates || d >= defis
        })
        .count();
    assert_eq!(violations.len(), foreign);
    assert!(violations.iter().all(|v| matches!(v, Violation::OtherInstance { .. })));
    // Its own instance reads it.
    assert!(assignment.pairs(&large).is_ok());
}

/// The error is one sentence: how many problems (singular for one), then each, separated by
/// " ; ".
#[test]
fn the_error_counts_and_joins_its_problems() {
    let error = |json: &str| -> String {
        let input: MatchingInput = serde_json::from_str(json).expect("valid JSON");
        Instance::new(&input).expect_err("invalid").to_string()
    };
    assert_eq!(
        error(
            r#"{"limits": {"team_min": 3, "team_max": 2, "max_choices": 1},
                "defis": [], "candidates": [], "rankings": []}"#
        ),
        "1 problème dans les données d'affectation : les bornes d'équipe de 3 à 2 sont vides : \
         team_min doit être au plus team_max"
    );
    assert_eq!(
        error(
            r#"{"limits": {"team_min": 3, "team_max": 2, "max_choices": 1},
                "defis": [{"id": "d1", "seats": {"developer": 1}}],
                "candidates": [{"id": "c1", "profile": "developer", "choices": ["d9"]}],
                "rankings": []}"#
        ),
        "3 problèmes dans les données d'affectation : les bornes d'équipe de 3 à 2 sont vides : \
         team_min doit être au plus team_max ; le défi d1 a 1 place, hors des bornes d'équipe de \
         3 à 2 : donnez-lui de 3 à 2 places ; le candidat c1 a choisi le défi inconnu d9 : \
         retirez ce choix ou ajoutez le défi"
    );
}

/// An invalid input's error shows how many problems it has, agreeing in number, then every
/// problem in order, separated, without a separator before the first.
#[test]
fn an_instance_error_shows_every_problem() {
    let error = |json: &str| {
        let input: MatchingInput = serde_json::from_str(json).unwrap();
        Instance::new(&input).unwrap_err()
    };
    let one = error(
        r#"{"limits": {"team_min": 3, "team_max": 2, "max_choices": 1},
            "defis": [], "candidates": [], "rankings": []}"#,
    );
    let two = error(
        r#"{"limits": {"team_min": 3, "team_max": 2, "max_choices": 1}, "defis": [],
            "candidates": [{"id": "x", "profile": "developer", "choices": ["nowhere"]}],
            "rankings": []}"#,
    );
    assert_eq!((one.problems().len(), two.problems().len()), (1, 2));
    let (shown_one, shown_two) = (one.to_string(), two.to_string());
    let first = one.problems()[0].to_string();
    assert!(shown_one.ends_with(&first), "{shown_one}");
    let header_one = &shown_one[..shown_one.len() - first.len()];
    let [p1, p2] = [0, 1].map(|i| two.problems()[i].to_string());
    let at1 = shown_two.find(&p1).unwrap();
    assert!(shown_two.ends_with(&p2), "{shown_two}");
    let separator = &shown_two[at1 + p1.len()..shown_two.len() - p2.len()];
    assert!(!separator.is_empty() && separator.len() <= 3, "{shown_two}");
    let header_two = &shown_two[..at1];
    assert!(!header_two.ends_with(separator), "{shown_two}");
    assert!(header_one.starts_with('1') && header_two.starts_with('2'));
    // Agreeing in number: the plural is the longer form (problem, problems; problème,
    // problèmes), the number having one digit in both.
    assert!(header_two.len() > header_one.len(), "{shown_one} / {shown_two}");
}

/// Ids longer than 16 bytes that share their first 16 with another id are told apart, and an
/// id that is the first 16 bytes of a longer one is not taken for it.
#[test]
fn long_ids_sharing_a_prefix() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 1, "team_max": 1, "max_choices": 1},
          "defis": [
            {"id": "abcdefghijklmnop", "seats": {"developer": 1}},
            {"id": "abcdefghijklmnopq", "seats": {"developer": 1}}
          ],
          "candidates": [
            {"id": "abcdefghijklmnop-x", "profile": "developer", "choices": ["abcdefghijklmnopq"]},
            {"id": "abcdefghijklmnop-y", "profile": "developer", "choices": ["abcdefghijklmnop"]}
          ],
          "rankings": [
            {"defi": "abcdefghijklmnopq", "profile": "developer", "ranks": [["abcdefghijklmnop-x"]]},
            {"defi": "abcdefghijklmnop", "profile": "developer", "ranks": [["abcdefghijklmnop-y"]]}
          ]
        }"#,
    );
    let solution = solve(&instance, &Options::default()).unwrap();
    assert_eq!(
        pairs(&instance, &solution.assignment()),
        "abcdefghijklmnop-x→abcdefghijklmnopq abcdefghijklmnop-y→abcdefghijklmnop"
    );
    let input: MatchingInput = serde_json::from_str(
        r#"{
          "limits": {"team_min": 1, "team_max": 1, "max_choices": 1},
          "defis": [{"id": "abcdefghijklmnopq", "seats": {"developer": 1}}],
          "candidates": [{"id": "x", "profile": "developer", "choices": ["abcdefghijklmnop"]}],
          "rankings": []
        }"#,
    )
    .unwrap();
    let error = Instance::new(&input).unwrap_err();
    assert_eq!(
        error.problems(),
        [eig_matching::InputProblem::UnknownChoice {
            candidate: "x".parse().unwrap(),
            defi: "abcdefghijklmnop".parse().unwrap()
        }]
    );
}
