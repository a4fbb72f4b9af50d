//! Across the rule crates, on each promotion's complete dossier (`fixtures::dossier`): every
//! funding route eig-eligibility decides is one eig-funding plans, through eig-campaign's
//! hand-off.

use eig_api::fixtures;
use eig_campaign::EligibleDossier;
use eig_domain::{Euros, Host, HostKind, HostRoles, LocalAuthorityLevel};
use eig_eligibility::{FundingDeclaration, evaluate_dossier};
use eig_funding::{EmployerCost, Scenario, TalentInput, plan_defi};

fn host(name: &str, kind: HostKind) -> Host {
    Host::new(name.parse().unwrap(), kind)
}

/// Every funding route eig-eligibility decides is one eig-funding plans: for every promotion
/// with rules, every host kind as porteur opérationnel, every porteur administratif (none, a
/// ministry, an operator, a collectivité), every funding declaration and every value of the
/// facts behind the route, an eligible dossier's plan is never refused for its route or its
/// host.
#[test]
fn eligibility_and_funding_agree_on_routes() {
    let kinds = [
        HostKind::Ministry,
        HostKind::CentralAdministration,
        HostKind::StateOperator,
        HostKind::DeconcentratedService,
        HostKind::IndependentAuthority,
        HostKind::LocalAuthority { level: LocalAuthorityLevel::Municipality },
        HostKind::HealthEstablishment,
        HostKind::Jurisdiction,
        HostKind::OtherStateBody,
    ];
    let carriers = [
        None,
        Some(HostKind::Ministry),
        Some(HostKind::StateOperator),
        Some(HostKind::LocalAuthority { level: LocalAuthorityLevel::Region }),
    ];
    let declarations = [
        FundingDeclaration::cofinancing(),
        FundingDeclaration::self_funded(),
        FundingDeclaration::alternative(),
    ];
    let flags = [None, Some(false), Some(true)];
    let (mut eligible, mut judged) = (0, 0);
    // Every promotion whose rules are published (EIG1 and DIG1 have none).
    for promotion in fixtures::PROMOTIONS {
        let template = fixtures::dossier(promotion).unwrap();
        for kind in kinds {
            for carrier in carriers {
                for declared in declarations {
                    for convention in flags {
                        for titre2 in flags {
                            for mef in flags {
                                let mut dossier = template.clone();
                                dossier.defi.hosts = HostRoles {
                                    operational: host("Hôte", kind),
                                    administrative: carrier.map(|kind| host("Porteur", kind)),
                                };
                                dossier.funding = declared;
                                dossier.carrier_convention = convention;
                                dossier.titre2_programme = titre2;
                                dossier.economic_and_financial_ministries = mef;
                                let Ok(decision) = evaluate_dossier(&dossier) else { continue };
                                judged += 1;
                                let Ok(dossier) =
                                    EligibleDossier::from_decision(&dossier, &decision)
                                else {
                                    continue;
                                };
                                eligible += 1;
                                let cost = EmployerCost::Monthly(Euros::from_whole(7_000));
                                let talents = (1..=dossier.dossier().defi.team.len()).map(|n| {
                                    TalentInput::new(format!("t{n}").parse().unwrap())
                                        .with_employer_cost(cost)
                                });
                                let input = dossier.funding_with(talents);
                                let promotion = dossier.dossier().defi.promotion;
                                if let Err(err) = plan_defi(promotion, &input, &Scenario::default())
                                {
                                    panic!(
                                        "{promotion} {kind:?} carrier {carrier:?} {declared:?} \
                                         convention {convention:?} titre2 {titre2:?} mef {mef:?}: \
                                         eligible on {:?}, but funding refuses: {err}",
                                        dossier.route()
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    // The enumeration reaches many eligible dossiers on every route.
    assert!(judged > 10_000, "{judged}");
    assert!(eligible > 1_000, "{eligible}");
}
