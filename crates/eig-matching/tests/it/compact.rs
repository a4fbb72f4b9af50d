//! Reading a problem straight into compact form: the same JSON as a `MatchingInput`, the same
//! checks, the same instance or the same problems.

use eig_matching::{CompactInput, GeneratorConfig, Instance, MatchingInput, generate_with_offers};

const VALID: &str = r#"{
  "limits": {"team_min": 0, "team_max": 3, "max_choices": 2},
  "defis": [
    {"id": "d2", "seats": {"developer": 1, "designer": 1}},
    {"id": "defi-with-a-name-over-16-bytes", "seats": {"developer": 2}}
  ],
  "candidates": [
    {"id": "c2", "profile": "developer", "choices": ["defi-with-a-name-over-16-bytes", "d2"]},
    {"id": "c1", "profile": "designer", "choices": ["d2"]},
    {"id": "candidate-with-a-long-name", "profile": "developer", "choices": ["d2"]}
  ],
  "rankings": [
    {"defi": "d2", "profile": "developer", "ranks": [["candidate-with-a-long-name", "c2"]]},
    {"defi": "d2", "profile": "designer", "ranks": [["c1"]]},
    {"defi": "defi-with-a-name-over-16-bytes", "profile": "developer", "ranks": [["c2"]],
     "offers": ["candidate-with-a-long-name"]}
  ]
}"#;

fn compact(json: &str) -> Result<CompactInput, serde_json::Error> {
    serde_json::from_str(json)
}

#[test]
fn a_valid_input_gives_the_instance_of_its_matching_input() {
    let input: MatchingInput = serde_json::from_str(VALID).expect("valid");
    let read = compact(VALID).expect("valid");
    assert_eq!(read, CompactInput::from(&input));
    assert_eq!((read.defi_count(), read.candidate_count(), read.ranking_count()), (2, 3, 3));
    let instance = Instance::from_compact(&read).expect("valid");
    assert_eq!(Ok(&instance), Instance::new(&input).as_ref());
    assert_eq!(instance.candidates()[0].as_str(), "c1");
    assert_eq!(instance.defis()[1].as_str(), "defi-with-a-name-over-16-bytes");
}

#[test]
fn fields_may_come_in_any_order() {
    let shuffled = r#"{
      "rankings": [
        {"ranks": [["candidate-with-a-long-name", "c2"]], "profile": "developer", "defi": "d2"},
        {"profile": "designer", "defi": "d2", "ranks": [["c1"]]},
        {"offers": ["candidate-with-a-long-name"], "ranks": [["c2"]],
         "defi": "defi-with-a-name-over-16-bytes", "profile": "developer"}
      ],
      "candidates": [
        {"choices": ["defi-with-a-name-over-16-bytes", "d2"], "profile": "developer", "id": "c2"},
        {"profile": "designer", "id": "c1", "choices": ["d2"]},
        {"id": "candidate-with-a-long-name", "choices": ["d2"], "profile": "developer"}
      ],
      "defis": [
        {"seats": {"designer": 1, "developer": 1}, "id": "d2"},
        {"id": "defi-with-a-name-over-16-bytes", "seats": {"developer": 2}}
      ],
      "limits": {"max_choices": 2, "team_max": 3, "team_min": 0}
    }"#;
    let expected = Instance::from_compact(&compact(VALID).expect("valid"));
    assert_eq!(Instance::from_compact(&compact(shuffled).expect("valid")), expected);
}

#[test]
fn escaped_ids_are_the_ids_they_spell() {
    // "\u0063\u0031" is c1, "d\u0032" is d2.
    let escaped = VALID.replacen(r#"{"id": "c1""#, r#"{"id": "\u0063\u0031""#, 1).replacen(
        r#""choices": ["d2"]}"#,
        r#""choices": ["d\u0032"]}"#,
        1,
    );
    assert_ne!(escaped, VALID);
    assert_eq!(
        Instance::from_compact(&compact(&escaped).expect("valid")),
        Instance::from_compact(&compact(VALID).expect("valid"))
    );
}

/// `text` read as a `T` as the command reads it: an array is never read as an object.
fn strict<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    T::deserialize(eig_domain::Strict::new(&mut deserializer))
}

/// Whatever `MatchingInput` refuses, the compact reading refuses too.
#[test]
fn what_a_matching_input_refuses_is_refused() {
    let cases = [
        // Ids: empty, a space, over 64 bytes, not ASCII, a trailing NUL (which the inline key
        // would otherwise confuse with its padding), a NUL inside.
        VALID.replacen(r#""id": "c1""#, r#""id": """#, 1),
        VALID.replacen(r#""id": "c1""#, r#""id": "c 1""#, 1),
        VALID.replacen(r#""id": "c1""#, &format!(r#""id": "{}""#, "c".repeat(65)), 1),
        VALID.replacen(r#""id": "c1""#, r#""id": "cé""#, 1),
        VALID.replacen(r#""id": "c1""#, r#""id": "é""#, 1),
        VALID.replacen(r#""ranks": [["c1"]]"#, r#""ranks": [["c1\u0000"]]"#, 1),
        VALID.replacen(r#""choices": ["d2"]}"#, r#""choices": ["d\u00002"]}"#, 1),
        VALID.replacen(r#""defi": "d2""#, r#""defi": "d2\u0000""#, 1),
        // Fields: unknown, missing, twice; an array where an object is expected (the compact
        // reading refuses them all even without the strict reader).
        VALID.replacen(r#""id": "c1", "#, r#""id": "c1", "rank": 1, "#, 1),
        VALID.replacen(r#""id": "c1", "#, "", 1),
        VALID.replacen(r#""profile": "designer", "choices": ["d2"]"#, r#""profile": "designer""#, 1),
        VALID.replacen(r#""id": "c1", "#, r#""id": "c1", "id": "c9", "#, 1),
        VALID.replacen(r#""offers": ["candidate-with-a-long-name"]"#, r#""offers": [], "offers": []"#, 1),
        VALID.replacen(r#"{"id": "c1", "profile": "designer", "choices": ["d2"]}"#, r#"["c1", "designer", ["d2"]]"#, 1),
        VALID.replacen(r#"{"team_min": 0, "team_max": 3, "max_choices": 2}"#, "[0, 3, 2]", 1),
        VALID.replacen(r#"{"id": "d2", "seats": {"developer": 1, "designer": 1}}"#, r#"["d2", {"developer": 2}]"#, 1),
        VALID.replacen(r#"{"defi": "d2", "profile": "designer", "ranks": [["c1"]]}"#, r#"["d2", "designer", [["c1"]]]"#, 1),
        VALID.replacen(r#"{"developer": 2}"#, "[2]", 1),
        VALID.replacen(r#""limits": {"team_min": 0, "team_max": 3, "max_choices": 2}"#, r#""limits": {"team_min": 0}"#, 1),
        VALID.replacen(r#""profile": "designer""#, r#""profile": "astronaut""#, 1),
        VALID.replacen(r#"{"developer": 2}"#, r#"{"developer": -2}"#, 1),
        VALID.replacen(r#""defis": ["#, r#""defis": 3, "ignored": ["#, 1),
        r#"{"limits": {"team_min": 0, "team_max": 3, "max_choices": 2}, "defis": [], "candidates": []}"#.to_owned(),
    ];
    for (i, case) in cases.iter().enumerate() {
        assert_ne!(case, VALID, "case {i} changed nothing");
        assert!(strict::<MatchingInput>(case).is_err(), "case {i}: {case}");
        assert!(strict::<CompactInput>(case).is_err(), "case {i} read: {case}");
        assert!(compact(case).is_err(), "case {i} read without the strict reader: {case}");
    }
}

/// Large generated problems, listed in reverse: the instance of the input, with its ties and
/// offers.
#[test]
fn generated_problems_read_into_their_instance() {
    for seed in 0..6 {
        let config = GeneratorConfig {
            candidates: 3_000,
            defis: 300,
            tie_percent: 30,
            ..GeneratorConfig::eig_call(seed)
        };
        let instance = generate_with_offers(&config, 2);
        let mut input = instance.to_input();
        input.candidates.reverse();
        input.rankings.reverse();
        let json = serde_json::to_string(&input).expect("serializable");
        let read = compact(&json).expect("valid");
        assert_eq!(Instance::from_compact(&read), Ok(instance));
    }
}

/// Défis and candidates are indexed in the order of their ids' text, whether the ids fit in a
/// 16-byte key or not: a short id may sort after a long one ("z" after "defi-…"), in whatever
/// order the lists give them, read from JSON or converted.
#[test]
fn short_and_long_ids_are_sorted_together() {
    let defis = ["z", "defi-with-a-long-name-b", "a", "defi-with-a-long-name-a", "m", "e"];
    let candidates =
        ["zz", "candidate-with-a-long-name-b", "b", "candidate-with-a-long-name-a", "cz", "d"];
    for turn in 0..defis.len() {
        let mut defis = defis.to_vec();
        let mut candidates = candidates.to_vec();
        defis.rotate_left(turn);
        candidates.rotate_right(turn);
        let defi_list: Vec<String> = defis
            .iter()
            .map(|d| format!(r#"{{"id": "{d}", "seats": {{"developer": 1}}}}"#))
            .collect();
        let candidate_list: Vec<String> = candidates
            .iter()
            .zip(defis.iter())
            .map(|(c, d)| format!(r#"{{"id": "{c}", "profile": "developer", "choices": ["{d}"]}}"#))
            .collect();
        let json = format!(
            r#"{{"limits": {{"team_min": 0, "team_max": 1, "max_choices": 1}},
                "defis": [{}], "candidates": [{}], "rankings": []}}"#,
            defi_list.join(", "),
            candidate_list.join(", ")
        );
        let input: MatchingInput = serde_json::from_str(&json).expect("valid JSON");
        let instance = Instance::from_compact(&compact(&json).expect("valid")).expect("valid");
        assert_eq!(Instance::new(&input).as_ref(), Ok(&instance), "turn {turn}");
        let defi_ids: Vec<&str> = instance.defis().iter().map(eig_domain::DefiId::as_str).collect();
        assert_eq!(
            defi_ids,
            ["a", "defi-with-a-long-name-a", "defi-with-a-long-name-b", "e", "m", "z"],
            "turn {turn}"
        );
        let candidate_ids: Vec<&str> =
            instance.candidates().iter().map(eig_domain::CandidateId::as_str).collect();
        assert_eq!(
            candidate_ids,
            ["b", "candidate-with-a-long-name-a", "candidate-with-a-long-name-b", "cz", "d", "zz"],
            "turn {turn}"
        );
    }
}

/// A value of the wrong type is refused with what was expected there, as a `MatchingInput`
/// says it.
#[test]
fn a_value_of_the_wrong_type_says_what_was_expected() {
    let message = |json: &str| compact(json).expect_err("refused").to_string();
    let cases = [
        ("3".to_owned(), "struct MatchingInput"),
        (VALID.replacen(r#""defis": ["#, r#""defis": 3, "ignored": ["#, 1), "a sequence"),
        (VALID.replacen(r#""id": "c1""#, r#""id": 1"#, 1), "a string"),
        (
            VALID.replacen(r#"{"id": "c1", "profile": "designer", "choices": ["d2"]}"#, "3", 1),
            "struct CandidateInput",
        ),
    ];
    for (json, expected) in cases {
        let read = message(&json);
        assert!(read.contains(&format!("expected {expected}")), "{read}");
        let input = serde_json::from_str::<MatchingInput>(&json).expect_err("refused");
        assert!(input.to_string().contains(&format!("expected {expected}")), "{input}");
    }
}

#[test]
fn the_limits_are_read() {
    let read = compact(VALID).expect("valid");
    assert_eq!(
        read.limits(),
        eig_matching::MatchingLimits { team_min: 0, team_max: 3, max_choices: 2 }
    );
}
