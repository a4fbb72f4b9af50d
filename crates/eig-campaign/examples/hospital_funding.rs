//! A hospital's défi dossier (EIG3, 2018) → its eligibility decision → its funding plan.
//!
//! The hospital names the health ministry as porteur administratif and declares a convention
//! with it (AAP3 §3.1.2): eligible through its porteur administratif, the PIA pays 70 % of each
//! talent's employer cost through the ministry, the hospital the rest.
//!
//! `cargo run -p eig-campaign --example hospital_funding`

#![expect(clippy::print_stdout, reason = "an example prints what it computed")]

use eig_campaign::EligibleDossier;
use eig_domain::{Commitment as C, Defi, Host, HostKind, HostRoles, Promotion};
use eig_domain::{SupportRole as S, TalentProfile as P};
use eig_eligibility::{DefiDossier, FundingDeclaration, evaluate_dossier, render_french};
use eig_funding::Scenario;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let hospital = Host::new("CHU (exemple)".parse()?, HostKind::HealthEstablishment);
    let ministry = Host::new("Ministère de la Santé".parse()?, HostKind::Ministry);
    let hosts = HostRoles::new(hospital).with_administrative(ministry);
    let team = [P::DataScientist, P::Developer];
    let defi = Defi::new("eig3-chu".parse()?, "Parcours".parse()?, Promotion::Eig3, hosts, team)
        .with_support([S::OperationalMentor, S::HighLevelMentor])
        .with_commitments([C::DataAccess, C::OpenSourceAndOpenData, C::Accompaniment])
        .with_commitments([C::WorkOutsideWalls, C::ReuseSharedComponents, C::SustainabilityPlan]);
    let dossier = DefiDossier::new(defi).with_funding(FundingDeclaration::cofinancing());
    let dossier = dossier.with_carrier_convention(true).with_purely_it_tooling(false);
    let dossier = dossier.with_submitted_at("2018-06-15T16:59:59+02:00".parse()?);
    // The decision, handed over as a value: the plan takes its route, hosts and promotion.
    let decision = evaluate_dossier(&dossier)?;
    let plan = EligibleDossier::from_decision(&dossier, &decision)?.plan(&Scenario::default())?;
    println!("{}\n{}", render_french(&decision), plan.to_french());
    Ok(())
}
