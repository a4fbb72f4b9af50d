//! Laureate selection beyond the corpus: the grids and the order-independence of the ranking.

use eig_domain::Promotion;
use eig_eligibility::{JurySheet, SelectionStatus, rule_set, select_laureates};
use proptest::prelude::*;

#[test]
fn grids() {
    let grids: Vec<_> =
        [Promotion::Eig3, Promotion::Eig4, Promotion::Eig5, Promotion::Eig6, Promotion::Eig7]
            .into_iter()
            .map(|promotion| rule_set(promotion).unwrap().scoring_grid().unwrap())
            .collect();
    insta::assert_json_snapshot!(grids);
}

fn sheet(
    rows: &[(String, Vec<u8>, Option<u32>, u64)],
    places: u32,
    envelope: Option<u64>,
) -> JurySheet {
    let dossiers: Vec<serde_json::Value> = rows
        .iter()
        .map(|(id, scores, rank, cents)| {
            serde_json::json!({"defi": id, "scores": scores, "jury_rank": rank,
                               "requested": format!("{}.{:02}", cents / 100, cents % 100)})
        })
        .collect();
    let mut value =
        serde_json::json!({"promotion": "EIG4", "places": places, "dossiers": dossiers});
    if let Some(cents) = envelope {
        value["envelope"] = serde_json::json!(format!("{}.{:02}", cents / 100, cents % 100));
    }
    serde_json::from_value(value).unwrap()
}

fn rows() -> impl Strategy<Value = Vec<(String, Vec<u8>, Option<u32>, u64)>> {
    prop::collection::btree_map(
        "[a-f]{1,3}",
        (prop::collection::vec(1_u8..=4, 5), prop::option::of(1_u32..6), 0_u64..10_000_000),
        0..8,
    )
    .prop_map(|map| map.into_iter().map(|(id, (s, r, c))| (id, s, r, c)).collect())
}

proptest! {
    #[test]
    fn ranking_ignores_input_order(
        rows in rows().prop_shuffle(),
        places in 0_u32..5,
        envelope in prop::option::of(0_u64..20_000_000),
        seed in any::<u64>(),
    ) {
        let mut shuffled = rows.clone();
        // A deterministic permutation: rotate by the seed.
        if !shuffled.is_empty() {
            let k = usize::try_from(seed % shuffled.len() as u64).unwrap();
            shuffled.rotate_left(k);
            shuffled.reverse();
        }
        let a = select_laureates(&sheet(&rows, places, envelope)).unwrap();
        let b = select_laureates(&sheet(&shuffled, places, envelope)).unwrap();
        prop_assert_eq!(&a, &b);
        let selected = a.ranking.iter().filter(|r| r.status == SelectionStatus::Selected).count();
        prop_assert!(selected <= places as usize);
        if let (Some(envelope), Some(committed)) = (a.envelope, a.committed) {
            prop_assert!(committed <= envelope);
        }
        for pair in a.ranking.windows(2) {
            prop_assert!(pair[0].total >= pair[1].total);
        }
    }
}

/// « Chaque critère est évalué sur une note de 4. Les notes sont additionnées pour donner un
/// score total de 20. » (AAC4 art. 6.2, AAC5 art. 5.4): the texts list five criteria, and
/// 5 × 4 = 20. The other grids: AAC6 six criteria 0–5 in each phase; REG7 two, then five.
#[test]
fn candidate_grids_match_the_texts_arithmetic() {
    use eig_eligibility::{Aggregation, ScoringPhase, candidate_grid};
    let shape = |promotion, phase| {
        candidate_grid(promotion, phase)
            .map(|grid| (grid.criteria.len(), grid.scale.max, grid.aggregation, grid.max_total()))
            .map_err(|err| err.to_string())
    };
    assert_eq!(shape(Promotion::Eig4, ScoringPhase::Interview), Ok((5, 4, Aggregation::Sum, 20)));
    assert_eq!(shape(Promotion::Eig5, ScoringPhase::Interview), Ok((5, 4, Aggregation::Sum, 20)));
    assert_eq!(
        shape(Promotion::Eig6, ScoringPhase::PreSelection),
        Ok((6, 5, Aggregation::Mean, 30))
    );
    assert_eq!(shape(Promotion::Eig6, ScoringPhase::Interview), Ok((6, 5, Aggregation::Mean, 30)));
    assert_eq!(
        shape(Promotion::Eig7, ScoringPhase::PreSelection),
        Ok((2, 5, Aggregation::Mean, 10))
    );
    assert_eq!(shape(Promotion::Eig7, ScoringPhase::Interview), Ok((5, 5, Aggregation::Mean, 25)));
    for promotion in [Promotion::Eig1, Promotion::Dig1, Promotion::Eig2, Promotion::Eig3] {
        assert!(shape(promotion, ScoringPhase::Interview).is_err(), "{promotion}");
    }
}

proptest::proptest! {
    /// The rankings do not depend on the order of the rows, and every candidate of a list is
    /// in exactly one tie group, whose members share one total.
    #[test]
    fn candidate_rankings_ignore_row_order(
        marks in proptest::collection::vec((0u8..6, proptest::collection::vec(0u8..=5, 6)), 1..12),
        rotate in 0usize..12,
    ) {
        use eig_eligibility::{CandidateScoreSheet, CandidateScores, ScoringPhase, rank_candidates};
        let rows: Vec<CandidateScores> = marks
            .iter()
            .enumerate()
            .map(|(i, (defi, scores))| CandidateScores {
                candidate: format!("c{i}").parse().unwrap(),
                defi: Some(format!("d{defi}").parse().unwrap()),
                profile: eig_domain::TalentProfile::Developer,
                scores: scores.clone(),
            })
            .collect();
        let sheet = |rows: Vec<CandidateScores>| CandidateScoreSheet {
            promotion: Promotion::Eig6,
            phase: ScoringPhase::Interview,
            rows,
        };
        let mut rotated = rows.clone();
        let len = rotated.len();
        rotated.rotate_left(rotate % len);
        let first = rank_candidates(&sheet(rows)).unwrap();
        proptest::prop_assert_eq!(&first, &rank_candidates(&sheet(rotated)).unwrap());
        for list in &first.lists {
            let grouped: usize = list.ranks.iter().map(Vec::len).sum();
            proptest::prop_assert_eq!(grouped, list.scored.len());
            for pair in list.scored.windows(2) {
                proptest::prop_assert!(pair[0].total >= pair[1].total);
                proptest::prop_assert_eq!(pair[0].rank == pair[1].rank, pair[0].total == pair[1].total);
            }
        }
    }
}

/// A jury may restate the published scale (JURY4: 1 to 4), not give another; without a
/// published scale, a scale of one score (3 to 3) is a scale, one whose minimum is above its
/// maximum is not.
#[test]
fn jury_scales() {
    let sheet = |promotion: &str, scale: &str, score: u8| -> JurySheet {
        serde_json::from_str(&format!(
            r#"{{"promotion": "{promotion}", "places": 1, "scale": {scale}, "dossiers": [
              {{"defi": "a", "scores": [{score}, {score}, {score}, {score}, {score}]}}]}}"#
        ))
        .unwrap()
    };
    let selected = |sheet: &JurySheet| {
        let selection = select_laureates(sheet).unwrap();
        selection
            .ranking
            .iter()
            .filter(|r| r.status == SelectionStatus::Selected)
            .map(|r| r.defi.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(selected(&sheet("EIG4", r#"{"min": 1, "max": 4}"#, 4)), ["a"]);
    let other = select_laureates(&sheet("EIG4", r#"{"min": 0, "max": 5}"#, 4)).unwrap_err();
    assert_eq!(other.code(), "scale_mismatch");
    assert_eq!(selected(&sheet("EIG3", r#"{"min": 3, "max": 3}"#, 3)), ["a"]);
    let empty = select_laureates(&sheet("EIG3", r#"{"min": 4, "max": 3}"#, 3)).unwrap_err();
    assert_eq!(empty.code(), "empty_scale");
}

/// A dossier that asks exactly what is left of the envelope is selected, and the next one,
/// with nothing left, is above it.
#[test]
fn a_request_equal_to_what_is_left_is_selected() {
    let sheet: JurySheet = serde_json::from_str(
        r#"{"promotion": "EIG4", "places": 3, "envelope": "100000.00", "dossiers": [
          {"defi": "a", "scores": [4, 4, 4, 4, 4], "requested": "60000.00"},
          {"defi": "b", "scores": [4, 4, 4, 4, 3], "requested": "40000.00"},
          {"defi": "c", "scores": [3, 3, 3, 3, 3], "requested": "0.01"}]}"#,
    )
    .unwrap();
    let selection = select_laureates(&sheet).unwrap();
    let statuses: Vec<_> = selection.ranking.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            SelectionStatus::Selected,
            SelectionStatus::Selected,
            SelectionStatus::AboveRemainingEnvelope { remaining: "0".parse().unwrap() },
        ]
    );
}
