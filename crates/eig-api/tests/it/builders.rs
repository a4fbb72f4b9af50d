//! The public builders of a request: each keeps what it is given, as the operation it is run
//! by shows.

use std::collections::BTreeMap;

use eig_api::{MAX_NODE_LIMIT, Request, Surface, operation};
use eig_domain::Promotion;

fn assign(node_limit: u64, max_nodes: Option<u64>) -> Result<(), eig_api::ApiError> {
    let query = BTreeMap::from([("node_limit".to_owned(), node_limit.to_string())]);
    let body =
        serde_json::to_string(&eig_api::fixtures::matching(Promotion::Eig3).unwrap()).unwrap();
    let request = Request::new(&body, &query, Surface::Http);
    let request = match max_nodes {
        Some(max) => request.with_max_nodes(max),
        None => request,
    };
    operation("assignTalents").unwrap().run(&request).map(drop)
}

#[test]
fn a_node_cap_given_to_a_request_bounds_its_node_limit() {
    // Without a cap of its own, the request admits node limits up to the table's.
    assign(5_000, None).unwrap();
    // With one, a larger limit is refused on its parameter, and the cap itself is admitted.
    let err = assign(5_000, Some(1_000)).unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_parameter", Some("?node_limit")));
    assign(1_000, Some(1_000)).unwrap();
    // A cap above the table's changes nothing.
    assign(MAX_NODE_LIMIT, Some(u64::MAX)).unwrap();
    assert!(assign(MAX_NODE_LIMIT + 1, Some(u64::MAX)).is_err());
}

/// A refused withdrawal of the jury is named by its path once: the error's path holds it, the
/// message does not repeat it (the message used to repeat `jury_withdrawals[0].ground` after
/// "retrait d'un défi par le jury", under the path `$.jury_withdrawals[0].ground`).
#[test]
fn a_refused_withdrawal_names_its_path_once() {
    let mut campaign = eig_campaign::default_campaign(); // EIG3: AAC3 gives one ground only
    let defi = eig_campaign::run(&campaign).unwrap().matching.input.defis[0].id.clone();
    campaign.jury_withdrawals = vec![eig_campaign::Withdrawal {
        defi,
        ground: eig_campaign::WithdrawalGround::CommitmentNotKept,
    }];
    let err = eig_api::run_call(&campaign).unwrap_err();
    assert_eq!(err.path(), Some("$.jury_withdrawals[0].ground"));
    assert!(!err.message().contains("jury_withdrawals"), "{}", err.message());
    assert!(err.message().starts_with("retrait d'un défi par le jury : "), "{}", err.message());
    // The library's own error still names the field, for a caller with no path.
    let library = eig_campaign::run(&campaign).unwrap_err().to_string();
    assert!(library.starts_with("retrait d'un défi par le jury, jury_withdrawals[0].ground : "));
}
