//! The test kit's one integration binary: every fixture is what its documentation says, for
//! every promotion (`fixtures.rs`); the strategies draw what they promise and the rules
//! crates hold their laws over them (`strategies.rs`); and an embedder's test written against
//! the public API only (`embedder.rs`).

#[cfg(feature = "proptest")]
mod embedder;
mod fixtures;
#[cfg(feature = "proptest")]
mod strategies;

/// Every public path of the kit's 0.1.0 fixtures still resolves, with the same types, now that
/// the fixtures are a re-export of `eig_api::fixtures` (cargo-semver-checks cannot follow a
/// re-export across crates: `scripts/semver`).
#[test]
fn the_paths_of_0_1_0_still_resolve() {
    // Every path written whole: each is the one an embedder of 0.1.0 wrote.
    assert_eq!(eig_testkit::fixtures::PROMOTIONS.len(), 6);
    let promotion: eig_domain::Promotion = eig_testkit::fixtures::PROMOTIONS[1];
    let _: eig_eligibility::DefiDossier = eig_testkit::fixtures::dossier(promotion).unwrap();
    let _: eig_eligibility::CandidateApplication =
        eig_testkit::fixtures::application(promotion).unwrap();
    let _: eig_funding::DefiFunding = eig_testkit::fixtures::defi_funding(promotion).unwrap();
    let _: eig_funding::PromotionInput = eig_testkit::fixtures::promotion_input(promotion).unwrap();
    let _: eig_matching::MatchingInput = eig_testkit::fixtures::matching(promotion).unwrap();
    let _: eig_campaign::Campaign = eig_testkit::fixtures::campaign(promotion).unwrap();
    let err: eig_testkit::fixtures::FixtureError =
        eig_testkit::fixtures::dossier(eig_domain::Promotion::Eig1).unwrap_err();
    let same: eig_testkit::FixtureError = err.clone();
    assert!(matches!(same, eig_testkit::FixtureError::NoPublishedRules { .. }));
    assert_eq!(err.to_string(), same.to_string());
}
