//! Paris-time deadlines, approximate dates, date ranges.

use chrono::{NaiveDate, NaiveDateTime};
use eig_domain::{ApproxDate, CalendarError, Closing, DateRange, ParisDeadline, Promotion};
use proptest::prelude::*;

fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
}

#[test]
fn eig3_call_for_defis_closes_at_15_00_utc() {
    // AAP3 §4.2: « vendredi 15 juin 2018 à 17h00 (heure de Paris) »; Paris is on CEST (UTC+2).
    let window = Promotion::Eig3.facts().call_for_defis.unwrap();
    assert_eq!(window.source.to_string(), "AAP3 §4.2");
    let instant = window.value.closes.instant().unwrap();
    assert_eq!(instant.to_rfc3339(), "2018-06-15T15:00:00+00:00");
    assert_eq!(instant, "2018-06-15T15:00:00Z".parse::<chrono::DateTime<chrono::Utc>>().unwrap());
}

#[test]
fn winter_and_summer_offsets() {
    // EIG4 call for défis: 28 February 2020 17h00, Paris on CET (UTC+1).
    let eig4 = Promotion::Eig4.facts().call_for_defis.unwrap().value;
    assert_eq!(eig4.closes.instant().unwrap().to_rfc3339(), "2020-02-28T16:00:00+00:00");
    // EIG5 call for candidates: 2 May 2021 23h59, CEST.
    let eig5 = Promotion::Eig5.facts().call_for_candidates.unwrap().value;
    assert_eq!(eig5.closes.instant().unwrap().to_rfc3339(), "2021-05-02T21:59:00+00:00");
}

#[test]
fn aac4_deadline_is_kept_in_the_offset_it_states() {
    // AAC4 art. 1: « 7 juin 2020 à 23h (UTC+1) » — 22:00 UTC, i.e. midnight Paris time.
    let window = Promotion::Eig4.facts().call_for_candidates.unwrap().value;
    assert!(matches!(window.closes, Closing::Offset { .. }));
    assert_eq!(window.closes.instant().unwrap().to_rfc3339(), "2020-06-07T22:00:00+00:00");
}

#[test]
fn every_stated_deadline_resolves() {
    for promotion in Promotion::ALL {
        let facts = promotion.facts();
        let windows = [facts.call_for_defis, facts.call_for_candidates, facts.choice_window];
        for window in windows.into_iter().flatten() {
            assert!(
                !matches!(window.value.closes, Closing::Day { .. }),
                "{promotion}: a stated time of day fell back to a day-only closing"
            );
        }
    }
}

#[test]
fn daylight_saving_changes_are_refused_not_guessed() {
    // 26 March 2023: Paris clocks jump from 02:00 to 03:00.
    insta::assert_snapshot!(
        ParisDeadline::from_paris(local(2023, 3, 26, 2, 30)).unwrap_err().to_string(),
        @"2023-03-26 02:30:00 n'existe pas à l'heure de Paris (passage à l'heure d'été) : donnez une heure qui existe, par ex. une heure plus tard"
    );
    // 29 October 2023: 02:00–03:00 happens twice.
    insta::assert_snapshot!(
        ParisDeadline::from_paris(local(2023, 10, 29, 2, 30)).unwrap_err().to_string(),
        @"2023-10-29 02:30:00 a lieu deux fois à l'heure de Paris (passage à l'heure d'hiver) : donnez une heure sans ambiguïté"
    );
    let before = ParisDeadline::from_paris(local(2023, 3, 26, 1, 59)).unwrap();
    let after = ParisDeadline::from_paris(local(2023, 3, 26, 3, 0)).unwrap();
    assert_eq!((after.instant() - before.instant()).num_minutes(), 1);
}

#[test]
fn deadline_json_checks_its_utc() {
    let deadline = ParisDeadline::from_paris(local(2018, 6, 15, 17, 0)).unwrap();
    let json = serde_json::to_string(&deadline).unwrap();
    insta::assert_snapshot!(json, @r#"{"paris":"2018-06-15T17:00:00","utc":"2018-06-15T15:00:00Z"}"#);
    let tampered = r#"{"paris":"2018-06-15T17:00:00","utc":"2018-06-15T17:00:00Z"}"#;
    insta::assert_snapshot!(
        serde_json::from_str::<ParisDeadline>(tampered).unwrap_err().to_string(),
        @"l'échéance 2018-06-15 17:00:00 heure de Paris correspond à 2018-06-15 15:00:00 UTC et non à 2018-06-15 17:00:00 UTC : corrigez l'une des deux"
    );
    assert_eq!(deadline.to_string(), "15/06/2018 17h00 (heure de Paris)");
}

#[test]
fn approximate_dates() {
    let parse = |input: &str| match input.parse::<ApproxDate>() {
        Ok(date) => format!("ok {date} from {}", date.earliest_day()),
        Err(err) => format!("error: {err}"),
    };
    insta::assert_snapshot!(parse("2019"), @"ok 2019 from 2019-01-01");
    insta::assert_snapshot!(parse("2019-01"), @"ok 2019-01 from 2019-01-01");
    insta::assert_snapshot!(parse("2021-09-13"), @"ok 2021-09-13 from 2021-09-13");
    insta::assert_snapshot!(parse("2019-13"), @r#"error: "2019-13" n'est pas une date : écrivez AAAA, AAAA-MM ou AAAA-MM-JJ (par ex. 2019-03-15)"#);
    insta::assert_snapshot!(parse("2019-02-30"), @r#"error: "2019-02-30" n'est pas une date : écrivez AAAA, AAAA-MM ou AAAA-MM-JJ (par ex. 2019-03-15)"#);
    insta::assert_snapshot!(parse("19-01"), @r#"error: "19-01" n'est pas une date : écrivez AAAA, AAAA-MM ou AAAA-MM-JJ (par ex. 2019-03-15)"#);
    insta::assert_snapshot!(parse("+201-01"), @r#"error: "+201-01" n'est pas une date : écrivez AAAA, AAAA-MM ou AAAA-MM-JJ (par ex. 2019-03-15)"#);
}

#[test]
fn ranges() {
    let day = |m, d| NaiveDate::from_ymd_opt(2022, m, d).unwrap();
    insta::assert_snapshot!(
        DateRange::new(day(9, 12), day(7, 11)).unwrap_err().to_string(),
        @"la période finit le 2022-07-11, avant de commencer le 2022-09-12 : donnez le premier jour avant le dernier"
    );
    let reversed = r#"{"first":"2022-09-12","last":"2022-07-11"}"#;
    assert!(serde_json::from_str::<DateRange>(reversed).is_err());
    let range = DateRange::new(day(1, 1), day(1, 1)).unwrap();
    assert!(range.contains(day(1, 1)) && !range.contains(day(1, 2)));
}

proptest! {
    #[test]
    fn parsing_dates_never_panics(input in "[0-9+-]{0,12}|.{0,12}") {
        match input.parse::<ApproxDate>() {
            Ok(date) => prop_assert_eq!(date.to_string().parse::<ApproxDate>().unwrap(), date),
            Err(err) => prop_assert!(matches!(err, CalendarError::InvalidDate { .. }), "unexpected error {}", err),
        }
    }

    #[test]
    fn every_paris_minute_resolves_or_is_a_dst_change(minutes in 0i64..(60 * 24 * 366 * 3)) {
        let start = local(2018, 1, 1, 0, 0);
        let wall = start + chrono::Duration::minutes(minutes);
        match ParisDeadline::from_paris(wall) {
            Ok(deadline) => {
                let offset = (deadline.paris() - deadline.instant().naive_utc()).num_hours();
                prop_assert!(offset == 1 || offset == 2, "offset {} at {}", offset, wall);
            }
            Err(CalendarError::NonexistentParisTime { .. } | CalendarError::AmbiguousParisTime { .. }) => {
                prop_assert_eq!(wall.format("%H").to_string(), "02");
            }
            Err(other) => prop_assert!(false, "unexpected {other}"),
        }
    }
}

proptest! {
    /// Any wall-clock time chrono can represent resolves, or is refused with a typed error —
    /// never a panic, even at the ends of chrono's calendar.
    #[test]
    fn any_representable_wall_clock_never_panics(seconds in any::<i64>()) {
        let wall = chrono::DateTime::from_timestamp(seconds % 8_210_266_876_799, 0)
            .map_or(NaiveDateTime::MIN, |t| t.naive_utc());
        let _ = ParisDeadline::from_paris(wall);
        let _ = ParisDeadline::from_paris(NaiveDateTime::MAX);
        let _ = ParisDeadline::from_paris(NaiveDateTime::MIN);
    }
}
