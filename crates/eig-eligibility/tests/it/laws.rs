//! Laws over generated inputs: evaluation never panics, does not depend on the order of input
//! lists, and supplying a missing input never turns an ineligible decision eligible.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate};
use eig_domain::{
    Candidate, CandidateStatus, CivilService, Commitment, Defi, Host, HostKind, HostRoles,
    LocalAuthorityLevel, PastParticipation, PersonKind, Promotion, Seat, Studies, StudyLevel,
    SupportRole, TalentProfile,
};
use eig_eligibility::{
    AcceptanceLastDay, ApplicationProcess, BetaPhase, CandidateApplication, Choice, CoachException,
    DefiDossier, FundingDeclaration, Outcome, Readings, evaluate_candidate, evaluate_dossier,
    render_french,
};
use proptest::prelude::*;

const KINDS: [HostKind; 9] = [
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
const ROLES: [SupportRole; 4] = [
    SupportRole::OperationalMentor,
    SupportRole::HighLevelMentor,
    SupportRole::ProjectLead,
    SupportRole::Sponsor,
];

fn host(kind: HostKind) -> Host {
    Host { name: "Administration".parse().unwrap(), kind, siren: None, siret: None }
}

fn instant() -> impl Strategy<Value = DateTime<FixedOffset>> {
    // 2017-01-01 .. 2025-01-01, any quarter-hour offset from UTC-12 to UTC+14.
    (1_483_228_800_i64..1_735_689_600, -48_i32..=56).prop_map(|(seconds, quarters)| {
        let offset = FixedOffset::east_opt(quarters * 900).unwrap();
        DateTime::from_timestamp(seconds, 0).unwrap().with_timezone(&offset)
    })
}

/// Any instant chrono can hold, with any offset: near the limits of the calendar the local time
/// may not be representable, which must give an error, never a panic.
fn any_instant() -> impl Strategy<Value = DateTime<FixedOffset>> {
    let (min, max) = (
        DateTime::<chrono::Utc>::MIN_UTC.timestamp(),
        DateTime::<chrono::Utc>::MAX_UTC.timestamp(),
    );
    prop_oneof![
        (min..=max, -86_399_i32..=86_399),
        (prop_oneof![min..min + 200_000, max - 200_000..=max], -86_399_i32..=86_399),
    ]
    .prop_map(|(seconds, offset)| {
        let offset = FixedOffset::east_opt(offset).unwrap();
        DateTime::from_timestamp(seconds, 0).unwrap().with_timezone(&offset)
    })
}

fn option_bool() -> impl Strategy<Value = Option<bool>> {
    prop::option::of(any::<bool>())
}

prop_compose! {
    fn dossier()(
        promotion in prop::sample::select(Promotion::ALL.to_vec()),
        operational in prop::sample::select(KINDS.to_vec()),
        carrier in prop::option::of(prop::sample::select(KINDS.to_vec())),
        team in prop::collection::vec(prop::sample::select(TalentProfile::ALL.to_vec()), 0..5),
        support in prop::collection::vec(prop::sample::select(ROLES.to_vec()), 0..5),
        commitments in prop::collection::btree_set(prop::sample::select(Commitment::ALL.to_vec()), 0..10),
        submitted_at in prop::option::of(instant()),
        flags in (option_bool(), option_bool(), option_bool(), option_bool(), option_bool(), option_bool(), option_bool(), option_bool()),
        phase in prop::option::of(prop::sample::select(BetaPhase::ALL.to_vec())),
        attested in (option_bool(), option_bool(), option_bool(), option_bool(), option_bool()),
    ) -> DefiDossier {
        DefiDossier {
            defi: Defi {
                id: "defi".parse().unwrap(),
                title: "Défi".parse().unwrap(),
                promotion,
                hosts: HostRoles { operational: host(operational), administrative: carrier.map(host) },
                team: team.into_iter().map(|profile| Seat { profile }).collect(),
                support,
                commitments,
            },
            submitted_at,
            funding: FundingDeclaration {
                cofinancing_requested: flags.0,
                self_funded: flags.1,
                alternative_funding: flags.2,
            },
            carrier_convention: flags.3,
            titre2_programme: flags.4,
            economic_and_financial_ministries: flags.5,
            purely_it_tooling: flags.6,
            beta_gouv_phase: phase,
            team_exception_granted: flags.7,
            project_team: attested.0,
            contacts_identified: attested.1,
            mentors_host_agents: attested.2,
            mentors_have_time: attested.3,
            eig_link_or_coach: attested.4,
        }
    }
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (0_u64..3000).prop_map(|n| NaiveDate::from_ymd_opt(2017, 1, 1).unwrap() + chrono::Days::new(n))
}

prop_compose! {
    fn application()(
        promotion in prop::sample::select(Promotion::ALL.to_vec()),
        profile in prop::sample::select(TalentProfile::ALL.to_vec()),
        person in prop::option::of(prop::sample::select(vec![PersonKind::Natural, PersonKind::Legal])),
        civil in prop::option::of(prop_oneof![
            Just(CivilService::NotCivilServant),
            Just(CivilService::NotInPost),
            prop::option::of(day()).prop_map(|last_day_in_post| CivilService::InPost { last_day_in_post }),
        ]),
        jury in option_bool(),
        studies in prop::option::of(prop_oneof![
            Just(Studies::NotStudying),
            (prop::sample::select(vec![StudyLevel::School, StudyLevel::FirstOrSecondCycle, StudyLevel::ThirdCycle, StudyLevel::Apprenticeship]), prop::option::of(day()))
                .prop_map(|(level, last_day)| Studies::Enrolled { level, last_day }),
        ]),
        past in prop::option::of(prop::collection::vec(
            (prop::sample::select(Promotion::ALL.to_vec()), any::<bool>())
                .prop_map(|(promotion, as_coach)| PastParticipation { promotion, as_coach }), 0..3)),
        submitted_at in prop::option::of(instant()),
        choices_submitted_at in prop::option::of(instant()),
        choices in prop::option::of(prop::collection::vec(prop_oneof![
            "[a-e]".prop_map(|id| Choice::Defi(id.parse().unwrap())),
            prop::sample::select(TalentProfile::ALL.to_vec()).prop_map(Choice::Profile),
        ], 0..7)),
        selection_decided_on in prop::option::of(day()),
        mission_start_on in prop::option::of(day()),
        process in process(),
        coach_role in any::<bool>(),
        next_working_day in any::<bool>(),
    ) -> CandidateApplication {
        CandidateApplication {
            promotion,
            candidate: Candidate {
                id: "c".parse().unwrap(),
                profile,
                experience: None,
                status: CandidateStatus { person, civil_service: civil, jury_member: jury, studies, past_participations: past },
            },
            submitted_at,
            choices,
            choices_submitted_at,
            selection_decided_on,
            mission_start_on,
            process,
            readings: Readings {
                coach_exception: if coach_role { CoachException::CoachRole } else { CoachException::PostAppliedFor },
                acceptance_last_day: if next_working_day { AcceptanceLastDay::NextWorkingDay } else { AcceptanceLastDay::AsCounted },
            },
        }
    }
}

prop_compose! {
    fn process()(
        through_official_channel in option_bool(),
        available_from in prop::option::of(day()),
        selection_notified_on in prop::option::of(day()),
        accepted_on in prop::option::of(day()),
        eig5_prolongation_offered in option_bool(),
        start_exception_granted in option_bool(),
        dossier_complete in option_bool(),
        from_waiting_list in option_bool(),
        dossier_kept in option_bool(),
        after_selection_session in option_bool(),
    ) -> ApplicationProcess {
        ApplicationProcess {
            through_official_channel,
            available_from,
            selection_notified_on,
            accepted_on,
            eig5_prolongation_offered,
            start_exception_granted,
            dossier_complete,
            from_waiting_list,
            dossier_kept,
            after_selection_session,
        }
    }
}

/// Every way to supply one missing dossier input, each with every value it can take.
fn supplied(dossier: &DefiDossier) -> Vec<DefiDossier> {
    let mut out = Vec::new();
    let mut each_bool = |get: fn(&mut DefiDossier) -> &mut Option<bool>| {
        let mut probe = dossier.clone();
        if get(&mut probe).is_none() {
            for value in [true, false] {
                let mut filled = dossier.clone();
                *get(&mut filled) = Some(value);
                out.push(filled);
            }
        }
    };
    each_bool(|d| &mut d.funding.cofinancing_requested);
    each_bool(|d| &mut d.funding.self_funded);
    each_bool(|d| &mut d.funding.alternative_funding);
    each_bool(|d| &mut d.carrier_convention);
    each_bool(|d| &mut d.titre2_programme);
    each_bool(|d| &mut d.economic_and_financial_ministries);
    each_bool(|d| &mut d.purely_it_tooling);
    each_bool(|d| &mut d.team_exception_granted);
    each_bool(|d| &mut d.project_team);
    each_bool(|d| &mut d.contacts_identified);
    each_bool(|d| &mut d.mentors_host_agents);
    each_bool(|d| &mut d.mentors_have_time);
    if dossier.beta_gouv_phase.is_none() {
        for phase in BetaPhase::ALL {
            out.push(DefiDossier { beta_gouv_phase: Some(phase), ..dossier.clone() });
        }
    }
    if dossier.submitted_at.is_none() {
        for at in ["2017-01-01T00:00:00Z", "2018-06-15T15:00:00Z", "2030-01-01T00:00:00Z"] {
            out.push(DefiDossier { submitted_at: Some(at.parse().unwrap()), ..dossier.clone() });
        }
    }
    out
}

proptest! {
    /// Whatever the dossier or the application, each rule records the parameters its
    /// definition declares with the declared values, and no other but the ones it says it
    /// computes from the input (the corpus's cases check the same in `parameters.rs`).
    #[test]
    fn traced_parameters_are_the_definitions(dossier in dossier(), application in application()) {
        let definitions = crate::parameters::definitions();
        let mut decisions = Vec::new();
        decisions.extend(evaluate_dossier(&dossier).ok());
        decisions.extend(evaluate_candidate(&application).ok());
        let ami = CandidateApplication { promotion: Promotion::Eig6, ..application };
        decisions.extend(eig_eligibility::evaluate_eig5bis(&ami).ok());
        for decision in &decisions {
            let differences = crate::parameters::decision_differences(decision, &definitions);
            prop_assert!(differences.is_empty(), "{}", differences.join("\n"));
        }
    }

    #[test]
    fn dossier_evaluation_never_panics(dossier in dossier()) {
        if let Ok(decision) = evaluate_dossier(&dossier) {
            let _ = render_french(&decision);
            let _ = serde_json::to_string(&decision).unwrap();
            let failing = matches!(decision.outcome, Outcome::Ineligible { .. });
            let any_failed = decision
                .trace
                .iter()
                .any(|e| matches!(e.result, eig_eligibility::RuleResult::Failed { .. }));
            prop_assert_eq!(failing, any_failed);
        }
    }

    #[test]
    fn no_instant_makes_evaluation_panic(
        dossier in dossier(), application in application(), at in any_instant(), second in any_instant(),
    ) {
        let dossier = DefiDossier { submitted_at: Some(at), ..dossier };
        if let Ok(decision) = evaluate_dossier(&dossier) {
            let _ = render_french(&decision);
            let _ = serde_json::to_string(&decision).unwrap();
        }
        let application = CandidateApplication {
            submitted_at: Some(at), choices_submitted_at: Some(second), ..application
        };
        if let Ok(decision) = evaluate_candidate(&application) {
            let _ = render_french(&decision);
            let _ = serde_json::to_string(&decision).unwrap();
        }
    }

    #[test]
    fn candidate_evaluation_never_panics(application in application()) {
        if let Ok(decision) = evaluate_candidate(&application) {
            let _ = render_french(&decision);
            let _ = serde_json::to_string(&decision).unwrap();
        }
    }

    #[test]
    fn dossier_lists_can_be_permuted(dossier in dossier(), seed in any::<usize>()) {
        let mut permuted = dossier.clone();
        permuted.defi.team.reverse();
        permuted.defi.support.reverse();
        let len = permuted.defi.team.len().max(1);
        permuted.defi.team.rotate_left(seed % len);
        let len = permuted.defi.support.len().max(1);
        permuted.defi.support.rotate_left(seed % len);
        prop_assert_eq!(evaluate_dossier(&dossier), evaluate_dossier(&permuted));
    }

    #[test]
    fn candidate_lists_can_be_permuted(application in application()) {
        let mut permuted = application.clone();
        if let Some(choices) = &mut permuted.choices { choices.reverse(); }
        if let Some(past) = &mut permuted.candidate.status.past_participations { past.reverse(); }
        prop_assert_eq!(evaluate_candidate(&application), evaluate_candidate(&permuted));
    }

    #[test]
    fn supplying_a_missing_dossier_input_never_makes_an_ineligible_dossier_eligible(dossier in dossier()) {
        if let Ok(decision) = evaluate_dossier(&dossier)
            && matches!(decision.outcome, Outcome::Ineligible { .. })
        {
            for filled in supplied(&dossier) {
                if let Ok(after) = evaluate_dossier(&filled) {
                    let eligible = matches!(after.outcome, Outcome::Eligible { .. });
                    prop_assert!(!eligible, "{:?}", filled);
                }
            }
        }
    }

    #[test]
    fn an_incomplete_dossier_names_only_inputs_that_were_missing(dossier in dossier()) {
        if let Ok(decision) = evaluate_dossier(&dossier)
            && let Outcome::Incomplete { missing } = &decision.outcome
        {
            let json = serde_json::to_value(&dossier).unwrap();
            for path in missing {
                // Every part of the path must exist in the input record (a misspelt path would
                // read as `null` through `Value`'s indexing and pass unnoticed).
                let mut value = Some(&json);
                for part in path.split('.') { value = value.and_then(|v| v.get(part)); }
                prop_assert!(value.is_some(), "{} is not an input path", path);
                prop_assert!(value.is_some_and(serde_json::Value::is_null), "{} was supplied", path);
            }
            let distinct: BTreeSet<_> = missing.iter().collect();
            prop_assert_eq!(distinct.len(), missing.len());
        }
    }

    #[test]
    fn an_incomplete_candidate_names_only_inputs_that_were_missing(application in application()) {
        if let Ok(decision) = evaluate_candidate(&application)
            && let Outcome::Incomplete { missing } = &decision.outcome
        {
            let json = serde_json::to_value(&application).unwrap();
            for path in missing {
                let mut value = Some(&json);
                for part in path.split('.') { value = value.and_then(|v| v.get(part)); }
                prop_assert!(value.is_some(), "{} is not an input path", path);
                prop_assert!(value.is_some_and(serde_json::Value::is_null), "{} was supplied", path);
            }
        }
    }

    #[test]
    fn supplying_a_missing_candidate_input_never_makes_an_ineligible_candidate_eligible(
        application in application(), decided in day(), start in day(), jury in any::<bool>(),
        flag in any::<bool>(), other_day in day(),
    ) {
        if let Ok(decision) = evaluate_candidate(&application)
            && matches!(decision.outcome, Outcome::Ineligible { .. })
        {
                let mut filled = Vec::new();
                if application.selection_decided_on.is_none() {
                    filled.push(CandidateApplication { selection_decided_on: Some(decided), ..application.clone() });
                }
                if application.mission_start_on.is_none() {
                    filled.push(CandidateApplication { mission_start_on: Some(start), ..application.clone() });
                }
                if application.candidate.status.jury_member.is_none() {
                    let mut a = application.clone();
                    a.candidate.status.jury_member = Some(jury);
                    filled.push(a);
                }
                // The facts of `process` (channel, completeness, availability, acceptance, EIG5
                // prolongation).
                let process = application.process;
                let mut with = |change: fn(&mut ApplicationProcess, bool, NaiveDate)| {
                    let mut a = application.clone();
                    change(&mut a.process, flag, other_day);
                    if a.process != process {
                        filled.push(a);
                    }
                };
                if process.through_official_channel.is_none() {
                    with(|p, flag, _| p.through_official_channel = Some(flag));
                }
                if process.available_from.is_none() {
                    with(|p, _, day| p.available_from = Some(day));
                }
                if process.selection_notified_on.is_none() {
                    with(|p, _, day| p.selection_notified_on = Some(day));
                }
                if process.accepted_on.is_none() {
                    with(|p, _, day| p.accepted_on = Some(day));
                }
                if process.start_exception_granted.is_none() {
                    with(|p, flag, _| p.start_exception_granted = Some(flag));
                }
                if process.dossier_complete.is_none() {
                    with(|p, flag, _| p.dossier_complete = Some(flag));
                }
                if process.from_waiting_list.is_none() {
                    with(|p, flag, _| p.from_waiting_list = Some(flag));
                }
                if process.dossier_kept.is_none() {
                    with(|p, flag, _| p.dossier_kept = Some(flag));
                }
                if process.after_selection_session.is_none() {
                    with(|p, flag, _| p.after_selection_session = Some(flag));
                }
                for a in filled {
                    let after = evaluate_candidate(&a).unwrap();
                    let eligible = matches!(after.outcome, Outcome::Eligible { .. });
                    prop_assert!(!eligible);
                }
        }
    }
}
