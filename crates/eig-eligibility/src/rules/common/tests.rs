//! Unit tests of the shared rule shapes that no promotion's facts reach through the public API.

use chrono::{DateTime, FixedOffset, NaiveDate};
use eig_domain::Closing;

use super::{
    Holds, Moment, StartException, deadline, holds, is_public_holiday, start_availability,
};
use crate::outcome::{RuleResult, Value};

fn at(text: &str) -> DateTime<FixedOffset> {
    text.parse().unwrap()
}

#[test]
fn a_closing_day_includes_the_whole_paris_day() {
    let closing = Closing::Day { on: NaiveDate::from_ymd_opt(2022, 4, 19).unwrap() };
    let result = |text| deadline(closing, Some(at(text))).result;
    assert_eq!(result("2022-04-19T23:59:59+02:00"), RuleResult::Satisfied);
    assert_eq!(result("2022-04-19T21:59:59Z"), RuleResult::Satisfied);
    assert!(matches!(result("2022-04-20T00:00:00+02:00"), RuleResult::Failed { .. }));
    assert!(matches!(result("2022-04-19T22:00:00Z"), RuleResult::Failed { .. }));
    // The trace states the closing day, the whole day included.
    let closes = deadline(closing, None).parameters.into_iter().find(|p| p.name == "closes");
    assert_eq!(closes.map(|p| p.value), Some(Value::from("19/04/2022 (jour inclus)")));
}

#[test]
fn a_state_ending_within_a_month_is_unknown_at_a_day_of_that_month() {
    let first = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2019, 1, 31).unwrap();
    let between = Moment::Between(first, last);
    let day = |d| NaiveDate::from_ymd_opt(2019, 1, d);
    assert!(matches!(holds(NaiveDate::from_ymd_opt(2018, 12, 31), between), Holds::No));
    assert!(matches!(holds(day(1), between), Holds::Unknown("mission_start_on")));
    assert!(matches!(holds(day(31), between), Holds::Yes(_)));
    assert!(matches!(holds(None, between), Holds::Yes(_)));
}

#[test]
fn a_mission_start_known_to_the_month_of_december_runs_to_the_31st() {
    // No promotion's texts give a December start: the rule is checked on an altered fact.
    let mut facts = eig_domain::Promotion::Eig3.facts();
    let start = facts.mission_start.as_mut().unwrap();
    start.value = eig_domain::ApproxDate::Month { year: 2019, month: 12 };
    let application: crate::input::CandidateApplication = serde_json::from_str(
        r#"{"promotion": "EIG3", "candidate": {"id": "c", "profile": "developer",
          "status": {"person": "natural"}}}"#,
    )
    .unwrap();
    let day = |m, d| NaiveDate::from_ymd_opt(2019, m, d).unwrap();
    assert!(matches!(
        Moment::mission_start(&facts, &application),
        Moment::Between(first, last) if (first, last) == (day(12, 1), day(12, 31))
    ));
}

#[test]
fn an_availability_without_a_start_day_needs_the_start_day() {
    // Every promotion that applies the rule publishes its start day: checked directly.
    let available = NaiveDate::from_ymd_opt(2021, 9, 1);
    let result = start_availability(available, None, true, StartException::NotStated).result;
    assert!(matches!(result, RuleResult::Missing { inputs } if inputs == ["mission_start_on"]));
    assert_eq!(
        start_availability(available, None, false, StartException::NotStated).result,
        RuleResult::Satisfied
    );
}

#[test]
fn the_public_holidays_of_code_du_travail() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    // Easter 2022 was on 17 April: Easter Monday 18 April, Ascension 26 May, Whit Monday 6 June.
    for holiday in [day(2022, 4, 18), day(2022, 5, 26), day(2022, 6, 6), day(2022, 7, 14)] {
        assert!(is_public_holiday(holiday), "{holiday}");
    }
    // Easter 2024 on 31 March: Easter Monday 1 April, Ascension 9 May, Whit Monday 20 May.
    for holiday in [day(2024, 4, 1), day(2024, 5, 9), day(2024, 5, 20), day(2024, 12, 25)] {
        assert!(is_public_holiday(holiday), "{holiday}");
    }
    for worked in [day(2022, 4, 17), day(2022, 4, 19), day(2022, 7, 15), day(2024, 5, 10)] {
        assert!(!is_public_holiday(worked), "{worked}");
    }
}
