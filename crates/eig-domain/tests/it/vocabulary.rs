//! The closed vocabularies of hosts and routes: every value listed once, each with its own
//! French name (what `eig serve`'s vocabulary is built from), the classifications of hosts and
//! routes, and the builders of hosts.

use std::collections::BTreeSet;

use eig_domain::{FundingRoute, Host, HostKind, HostRoles, LocalAuthorityLevel, Siren, Siret};

#[test]
fn every_host_kind_once_each_local_authority_level_included() {
    let kinds: BTreeSet<HostKind> = HostKind::ALL.into_iter().collect();
    assert_eq!(kinds.len(), HostKind::ALL.len(), "no kind twice");
    for level in LocalAuthorityLevel::ALL {
        assert!(kinds.contains(&HostKind::LocalAuthority { level }), "{level:?} listed");
    }
    let names: Vec<&str> = HostKind::ALL.iter().map(|kind| kind.french()).collect();
    assert_eq!(names[0], "ministère");
    assert_eq!(names[10], "établissement de santé");
}

#[test]
fn local_authority_levels_have_their_glossary_names() {
    let names: Vec<&str> = LocalAuthorityLevel::ALL.iter().map(|level| level.french()).collect();
    assert_eq!(
        names,
        [
            "région",
            "département",
            "commune",
            "collectivité à statut particulier",
            "intercommunalité"
        ]
    );
}

#[test]
fn every_funding_route_once_with_its_own_name() {
    let routes: BTreeSet<FundingRoute> = FundingRoute::ALL.into_iter().collect();
    assert_eq!(routes.len(), FundingRoute::ALL.len(), "no route twice");
    let names: BTreeSet<&str> = FundingRoute::ALL.iter().map(|route| route.french()).collect();
    assert_eq!(names.len(), FundingRoute::ALL.len(), "no two routes share a name");
    assert!(names.contains("cofinancement direct"));
    assert!(names.contains("autofinancement"));
}
/// Each classification holds for some kinds and not for others (AAP3 §3.1's lists).
#[test]
fn host_kinds_classified() {
    let which = |test: fn(HostKind) -> bool| -> Vec<&str> {
        HostKind::ALL.into_iter().filter(|&kind| test(kind)).map(HostKind::french).collect()
    };
    assert_eq!(
        which(HostKind::is_state_administration),
        ["ministère", "administration centrale", "opérateur sous tutelle", "service déconcentré"]
    );
    assert_eq!(
        which(HostKind::is_ministry_or_central_administration),
        ["ministère", "administration centrale"]
    );
    let outside = which(HostKind::is_outside_state);
    assert_eq!(outside.len(), LocalAuthorityLevel::ALL.len() + 1);
    assert!(outside.iter().all(|name| {
        *name == "collectivité territoriale" || *name == "établissement de santé"
    }));
}

#[test]
fn cofinanced_routes() {
    let cofinanced: Vec<&str> = FundingRoute::ALL
        .into_iter()
        .filter(|route| route.is_cofinanced())
        .map(FundingRoute::french)
        .collect();
    assert_eq!(cofinanced.len(), 4, "{cofinanced:?}");
    assert!(!FundingRoute::SelfFunded.is_cofinanced());
    assert!(!FundingRoute::AlternativeFunding.is_cofinanced());
}

/// The builders keep what they are given; the paying host is the administrative one when
/// there is one.
#[test]
fn hosts_built_with_their_identifiers() {
    let siret: Siret = "11001401600015".parse().unwrap();
    assert_eq!(siret.as_str(), "11001401600015");
    assert_eq!(siret.siren().as_str(), "110014016");
    let operational = Host::new("Direction (exemple)".parse().unwrap(), HostKind::Ministry)
        .with_siren(siret.siren())
        .with_siret(siret.clone());
    assert_eq!(operational.siren.as_ref().map(Siren::as_str), Some("110014016"));
    assert_eq!(operational.siret, Some(siret));
    let carrier: Host =
        Host::new("Porteur (exemple)".parse().unwrap(), HostKind::CentralAdministration);
    let roles = HostRoles::new(operational.clone());
    assert_eq!(roles.paying(), &operational);
    let roles = roles.with_administrative(carrier.clone());
    assert_eq!(roles.administrative.as_ref(), Some(&carrier));
    assert_eq!(roles.paying(), &carrier);
}
