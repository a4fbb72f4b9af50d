//! From a jury's marks to teams, across crates: `eig_eligibility::rank_candidates` turns the
//! marks (AAC5 art. 5.4: five criteria « sur une note de 4 », added) into one ranking of tie
//! groups per (défi, profile), each mapped into `eig_matching::RankingInput` field by field,
//! and `eig_matching::solve` assigns the talents. This package depends on every crate, so the
//! test lives here (eig-eligibility must not depend on eig-matching).

use eig_eligibility::{CandidateScoreSheet, rank_candidates};
use eig_matching::{Instance, MatchingInput, Options, RankingInput, solve};

#[test]
fn jury_marks_become_teams_without_hand_made_rankings() {
    let sheet: CandidateScoreSheet = serde_json::from_value(serde_json::json!({
        "promotion": "EIG5", "phase": "interview",
        "rows": [
            {"candidate": "ada", "defi": "datarh", "profile": "developer", "scores": [4, 4, 3, 3, 4]},
            {"candidate": "eve", "defi": "datarh", "profile": "developer", "scores": [4, 4, 4, 4, 4]},
            {"candidate": "ada", "defi": "lexima", "profile": "developer", "scores": [3, 3, 3, 3, 3]},
            {"candidate": "bob", "defi": "datarh", "profile": "designer", "scores": [2, 2, 2, 2, 2]},
            {"candidate": "cyd", "defi": "datarh", "profile": "designer", "scores": [2, 2, 2, 2, 2]},
            {"candidate": "bob", "defi": "lexima", "profile": "designer", "scores": [4, 4, 4, 4, 4]}
        ]
    }))
    .unwrap();
    let rankings: Vec<RankingInput> = rank_candidates(&sheet)
        .unwrap()
        .lists
        .into_iter()
        // An interview's lists name their défi (only a pre-selection's are per profile alone).
        .filter_map(|list| {
            Some(RankingInput {
                defi: list.defi?,
                profile: list.profile,
                ranks: list.ranks,
                offers: Vec::new(),
            })
        })
        .collect();
    // bob and cyd tie on « datarh » (10 / 20 each): one tie group, which the lottery breaks.
    let datarh_designers =
        rankings.iter().find(|r| r.defi.as_str() == "datarh" && r.ranks.len() == 1).unwrap();
    assert_eq!(datarh_designers.ranks[0].len(), 2);

    let mut input: MatchingInput = serde_json::from_value(serde_json::json!({
        "limits": {"team_min": 2, "team_max": 3, "max_choices": 3},
        "defis": [
            {"id": "datarh", "seats": {"developer": 1, "designer": 1}},
            {"id": "lexima", "seats": {"developer": 1, "designer": 1}}
        ],
        "candidates": [
            {"id": "ada", "profile": "developer", "choices": ["datarh", "lexima"]},
            {"id": "eve", "profile": "developer", "choices": ["datarh"]},
            {"id": "bob", "profile": "designer", "choices": ["datarh", "lexima"]},
            {"id": "cyd", "profile": "designer", "choices": ["datarh"]}
        ],
        "rankings": []
    }))
    .unwrap();
    input.rankings = rankings;
    let instance = Instance::new(&input).unwrap();
    let solution = solve(&instance, &Options::default()).unwrap();
    let team = |id: &str| solution.defi_of(&id.parse().unwrap()).map(ToString::to_string);
    // eve (20 / 20) is ranked above ada (18) on datarh and takes its developer seat.
    assert_eq!(team("eve").as_deref(), Some("datarh"));
    // bob and cyd tie on datarh (10 each): the lottery gives its designer seat to one of them.
    let datarh = Some("datarh".to_owned());
    assert!((team("bob") == datarh) != (team("cyd") == datarh));
    // If bob lost the draw he goes to lexima, where he is first, and ada (lexima's only
    // developer) joins him; if he won it, lexima has one talent and is withdrawn.
    let lexima = Some("lexima".to_owned());
    assert_eq!(team("bob") == lexima, team("ada") == lexima);
}
