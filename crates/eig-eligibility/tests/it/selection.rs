//! Laureate selection beyond the corpus: the grids and the order-independence of the ranking.

use eig_domain::Promotion;
use eig_eligibility::{JurySheet, rule_set, select_laureates};
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
        let selected = a.ranking.iter().filter(|r| r.status == eig_eligibility::SelectionStatus::Selected).count();
        prop_assert!(selected <= places as usize);
        if let (Some(envelope), Some(committed)) = (a.envelope, a.committed) {
            prop_assert!(committed <= envelope);
        }
        for pair in a.ranking.windows(2) {
            prop_assert!(pair[0].total >= pair[1].total);
        }
    }
}
