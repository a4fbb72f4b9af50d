//! The builders of the records: each sets its field, as the JSON field of the same name does,
//! so a record built in code is the record read from the same facts in JSON.

use eig_domain::{
    Candidate, CandidateStatus, CivilService, Commitment, Defi, Experience, HostRoles,
    PastParticipation, PersonKind, Promotion, Studies, SupportRole, TalentProfile,
};

#[test]
fn a_candidate_built_is_the_candidate_read() {
    let status = CandidateStatus::default()
        .with_person(PersonKind::Legal)
        .with_civil_service(CivilService::NotCivilServant)
        .with_jury_member(true)
        .with_studies(Studies::NotStudying)
        .with_past_participations([PastParticipation {
            promotion: Promotion::Eig5,
            as_coach: true,
        }]);
    let built = Candidate::new("c-1".parse().unwrap(), TalentProfile::Designer)
        .with_experience(Experience::from_months(66))
        .with_status(status);
    let read: Candidate = serde_json::from_str(
        r#"{"id": "c-1", "profile": "designer", "experience_months": 66,
          "status": {"person": "legal", "civil_service": {"status": "not_civil_servant"},
                     "jury_member": true, "studies": {"status": "not_studying"},
                     "past_participations": [{"promotion": "EIG5", "as_coach": true}]}}"#,
    )
    .unwrap();
    assert_eq!(built, read);
    // Without the builders, nothing is set.
    let bare: Candidate =
        serde_json::from_str(r#"{"id": "c-1", "profile": "designer", "status": {}}"#).unwrap();
    assert_eq!(Candidate::new("c-1".parse().unwrap(), TalentProfile::Designer), bare);
}

#[test]
fn a_defi_built_is_the_defi_read() {
    let hosts: HostRoles =
        serde_json::from_str(r#"{"operational": {"name": "M", "kind": {"kind": "ministry"}}}"#)
            .unwrap();
    let built = Defi::new(
        "d-1".parse().unwrap(),
        "Un défi".parse().unwrap(),
        Promotion::Eig5,
        hosts,
        [TalentProfile::Developer, TalentProfile::Designer],
    )
    .with_support([SupportRole::OperationalMentor, SupportRole::Sponsor])
    .with_commitments([Commitment::TwelveMonthBudget]);
    let read: Defi = serde_json::from_str(
        r#"{"id": "d-1", "title": "Un défi", "promotion": "EIG5",
          "hosts": {"operational": {"name": "M", "kind": {"kind": "ministry"}}},
          "team": [{"profile": "developer"}, {"profile": "designer"}],
          "support": ["operational_mentor", "sponsor"],
          "commitments": ["twelve_month_budget"]}"#,
    )
    .unwrap();
    assert_eq!(built, read);
}
