//! A whole EIG3 call (2018) built from Rust values: two défi dossiers, five candidates, the
//! juries' rankings → eligibility, laureates, funding against the 1,5 M€ envelope, teams.
//!
//! `cargo run -p eig-campaign --example whole_call`

#![expect(clippy::print_stdout, reason = "an example prints what it computed")]

use chrono::NaiveDate;
use eig_campaign::{Campaign, run};
use eig_domain::{Candidate, CandidateStatus, Commitment as C, Defi, Host, HostKind, HostRoles};
use eig_domain::{CivilService::NotCivilServant, PersonKind::Natural, Studies::NotStudying};
use eig_domain::{Promotion, SupportRole as S, TalentProfile as P};
use eig_eligibility::{CandidateApplication, Choice, DefiDossier, FundingDeclaration, ScoreScale};
use eig_matching::RankingInput;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (ds, dev, at) = (P::DataScientist, P::Developer, "2018-06-15T12:00:00+02:00".parse()?);
    let scale = ScoreScale { min: 1, max: 4 }; // EIG3 publishes none: JURY4's, an assumption
    let mut call = Campaign::new("EIG3 (exemple)", Promotion::Eig3, 2, 7).with_score_scale(scale);
    for (id, kind) in [("dgfip", HostKind::CentralAdministration), ("mj", HostKind::Ministry)] {
        let hosts = HostRoles::new(Host::new(format!("Administration {id}").parse()?, kind));
        let defi = Defi::new(id.parse()?, id.parse()?, Promotion::Eig3, hosts, [ds, dev])
            .with_support([S::OperationalMentor, S::HighLevelMentor])
            .with_commitments([C::DataAccess, C::OpenSourceAndOpenData, C::Accompaniment])
            .with_commitments([
                C::WorkOutsideWalls,
                C::ReuseSharedComponents,
                C::SustainabilityPlan,
            ]);
        let dossier = DefiDossier::new(defi).with_submitted_at(at).with_purely_it_tooling(false);
        call = call.with_dossier(dossier.with_funding(FundingDeclaration::cofinancing()), [4; 5]);
    }
    let status = CandidateStatus::default().with_studies(NotStudying).with_person(Natural);
    let status = status.with_jury_member(false).with_civil_service(NotCivilServant);
    let (on, start) = (NaiveDate::from_ymd_opt(2018, 12, 14), NaiveDate::from_ymd_opt(2019, 1, 7));
    let choices = [(ds, "dgfip mj"), (dev, "mj dgfip"), (ds, "mj"), (dev, "dgfip"), (ds, "dgfip")];
    for (n, (profile, chosen)) in choices.into_iter().enumerate() {
        let who = Candidate::new(format!("c{n}").parse()?, profile).with_status(status.clone());
        let chosen: Result<Vec<_>, _> =
            chosen.split(' ').map(|d| d.parse().map(Choice::Defi)).collect();
        let mut application = CandidateApplication::new(Promotion::Eig3, who).with_choices(chosen?);
        (application.selection_decided_on, application.mission_start_on) = (on, start);
        call = call.with_candidate(application.with_submitted_at("2018-10-15T12:00:00Z".parse()?));
    }
    let rankings =
        [("dgfip", ds, "c0 c4"), ("dgfip", dev, "c3 c1"), ("mj", ds, "c2 c0"), ("mj", dev, "c1")];
    for (defi, profile, ranked) in rankings {
        let ranks: Result<Vec<_>, _> =
            ranked.split(' ').map(|c| c.parse().map(|c| vec![c])).collect();
        call = call.with_ranking(RankingInput::new(defi.parse()?, profile, ranks?));
    }
    let result = run(&call)?;
    let teams = result.candidates.iter().filter_map(|c| Some((c, c.assigned_to.as_ref()?)));
    for (talent, defi) in teams {
        println!("{} ({}) → {defi}", talent.candidate, talent.profile);
    }
    println!("{}", result.funding.to_french());
    Ok(())
}
