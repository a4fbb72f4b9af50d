//! The official parameter table: every value sourced, checked, within its kind.

use chrono::NaiveDate;
use eig_domain::Promotion;
use eig_funding::{
    LAST_CHECKED_ON, ParameterId, ParameterValue, official_parameter, official_parameter_on,
    official_parameters, official_parameters_on,
};

#[test]
fn every_parameter_is_sourced_quoted_and_checked() {
    let (year, month, day) = LAST_CHECKED_ON;
    for parameter in official_parameters() {
        assert!(!parameter.quote.is_empty(), "{}", parameter.id);
        assert!(!parameter.source.locator.is_empty(), "{}", parameter.id);
        assert_eq!(parameter.last_checked_on, NaiveDate::from_ymd_opt(year, month, day).unwrap());
    }
}

#[test]
fn each_id_has_one_value_per_promotion() {
    let table = official_parameters();
    for id in ParameterId::ALL {
        for promotion in Promotion::ALL {
            let values = table
                .iter()
                .filter(|p| p.id == id && p.validity.promotion.is_none_or(|v| v == promotion))
                .count();
            assert!(values <= 1, "{id} has {values} values for {promotion}");
        }
        assert!(table.iter().any(|p| p.id == id), "{id} has no official value");
        assert_eq!(id.as_str().parse::<ParameterId>(), Ok(id));
    }
}

#[test]
fn the_texts_values() {
    let value = |id, promotion| {
        official_parameters()
            .into_iter()
            .find(|p| p.id == id && p.validity.promotion.is_none_or(|v| v == promotion))
            .map(|p| (p.value.to_french(), p.source.to_string()))
    };
    insta::assert_debug_snapshot!(
        [
            value(ParameterId::PiaShare, Promotion::Eig3),
            value(ParameterId::ProgrammeEnvelope, Promotion::Eig3),
            value(ParameterId::ProgrammeEnvelope, Promotion::Eig4),
            value(ParameterId::ProgrammeEnvelope, Promotion::Eig5),
            value(ParameterId::SubsidisedMonths, Promotion::Eig4),
            value(ParameterId::SubsidisedMonths, Promotion::Eig5),
            value(ParameterId::FlatPerRecruitedTalent, Promotion::Eig6),
            value(ParameterId::FlatPerProlongedTalent, Promotion::Eig5),
            value(ParameterId::FlatPerProlongedTalent, Promotion::Eig6),
            value(ParameterId::DinumShare, Promotion::Eig7),
            value(ParameterId::ReferenceEmployerCost, Promotion::Eig2),
        ],
        @r#"
    [
        Some(
            (
                "70\u{a0}%",
                "AAP3 §3.1.1",
            ),
        ),
        Some(
            (
                "1\u{202f}500\u{202f}000,00\u{a0}€",
                "AAP3 §1",
            ),
        ),
        Some(
            (
                "1\u{202f}500\u{202f}000,00\u{a0}€",
                "AAP4 §1",
            ),
        ),
        None,
        Some(
            (
                "4\u{a0}mois",
                "AAP4 §3.3",
            ),
        ),
        Some(
            (
                "3\u{a0}mois",
                "AAP5 §3.3",
            ),
        ),
        Some(
            (
                "20\u{202f}000,00\u{a0}€",
                "AAP6 §3.3",
            ),
        ),
        Some(
            (
                "20\u{202f}000,00\u{a0}€",
                "AAP6 annexe 3 art. 4",
            ),
        ),
        Some(
            (
                "20\u{202f}000,00\u{a0}€",
                "AAC6+ §2.2",
            ),
        ),
        Some(
            (
                "100\u{a0}%",
                "REG7 §1.2",
            ),
        ),
        Some(
            (
                "70\u{202f}000,00\u{a0}€",
                "ING « Postes de dépenses »",
            ),
        ),
    ]
    "#
    );
    assert!(matches!(
        serde_json::from_str::<ParameterValue>(r#"{"months": 4}"#),
        Ok(ParameterValue::Months(4))
    ));
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Each dated value at the edges of its period: the day before, the first day, the last day,
/// the day after (periods include both ends). The periods are the texts' own.
#[test]
fn dated_values_at_their_boundaries() {
    let cases = [
        // AAP4 §3.3: « 4 mois (septembre-décembre 2020) ».
        (ParameterId::SubsidisedMonths, Promotion::Eig4, "2020-09-01", "2020-12-31"),
        // AAP5 §3.3: « 3 mois (1er octobre – 31 décembre 2021) ».
        (ParameterId::SubsidisedMonths, Promotion::Eig5, "2021-10-01", "2021-12-31"),
        // AAP6 annexe 3 art. 2: « du 12 septembre 2022 au 11 juillet 2023 ».
        (ParameterId::FlatPerRecruitedTalent, Promotion::Eig6, "2022-09-12", "2023-07-11"),
        // AAP6 annexe 3 art. 2: « du 13 juillet 2022 au 30 décembre 2022 ».
        (ParameterId::FlatPerProlongedTalent, Promotion::Eig5, "2022-07-13", "2022-12-30"),
        // AAC6+ annexe 3 art. 2.
        (ParameterId::FlatPerProlongedTalent, Promotion::Eig6, "2023-07-12", "2023-12-29"),
    ];
    let dated: Vec<_> = official_parameters()
        .into_iter()
        .filter(|p| p.validity.period.is_some())
        .map(|p| (p.id, p.validity.promotion))
        .collect();
    assert_eq!(dated.len(), cases.len(), "every dated value has a boundary case");
    for (id, promotion, first, last) in cases {
        let (first, last) = (day(first), day(last));
        let on = |day| official_parameter_on(id, promotion, day).is_some();
        let before = first.pred_opt().unwrap();
        let after = last.succ_opt().unwrap();
        assert_eq!(
            [on(before), on(first), on(last), on(after)],
            [false, true, true, false],
            "{id} {promotion} around {first}–{last}"
        );
        let parameter = official_parameter(id, promotion).unwrap();
        let period = parameter.validity.period.unwrap();
        assert_eq!((period.first(), period.last()), (first, last), "{id} {promotion}");
        assert!(parameter.is_valid_on(first) && !parameter.is_valid_on(after));
        let listed = |day| {
            official_parameters_on(day)
                .iter()
                .any(|p| p.id == id && p.validity.promotion == Some(promotion))
        };
        assert_eq!(
            [listed(before), listed(first), listed(last), listed(after)],
            [false, true, true, false]
        );
    }
}

/// The promotion lookup plans use is unchanged by dates: it finds the promotion's value (or
/// the one for all promotions) whatever its period, and an undated value is in force on
/// every day.
#[test]
fn promotion_lookup_and_undated_values() {
    let value = |id, promotion| official_parameter(id, promotion).map(|p| p.value.to_french());
    assert_eq!(value(ParameterId::PiaShare, Promotion::Eig3).as_deref(), Some("70\u{a0}%"));
    assert_eq!(
        value(ParameterId::SubsidisedMonths, Promotion::Eig5).as_deref(),
        Some("3\u{a0}mois")
    );
    assert_eq!(
        value(ParameterId::ReferenceEmployerCost, Promotion::Eig7).as_deref(),
        Some("70\u{202f}000,00\u{a0}€")
    );
    assert_eq!(value(ParameterId::PiaShare, Promotion::Eig4), None);
    for text in ["2016-01-01", "2019-06-15", "2026-11-28"] {
        assert!(official_parameter_on(ParameterId::PiaShare, Promotion::Eig3, day(text)).is_some());
    }
    let undated = official_parameters().iter().filter(|p| p.validity.period.is_none()).count();
    assert_eq!(official_parameters_on(day("2016-01-01")).len(), undated);
}

proptest::proptest! {
    /// The "as of" lookup is the promotion lookup filtered by the period, for every
    /// parameter, promotion and day from 2016 to 2025.
    #[test]
    fn as_of_is_the_promotion_lookup_within_its_period(
        id in proptest::sample::select(ParameterId::ALL.to_vec()),
        promotion in proptest::sample::select(Promotion::ALL.to_vec()),
        offset in 0_i64..3_653,
    ) {
        let on = day("2016-01-01") + chrono::Duration::days(offset);
        let expected = official_parameter(id, promotion)
            .filter(|p| p.validity.period.is_none_or(|period| period.contains(on)));
        proptest::prop_assert_eq!(official_parameter_on(id, promotion, on), expected);
        let listed = official_parameters_on(on);
        proptest::prop_assert!(listed.iter().all(|p| p.is_valid_on(on)));
    }
}

/// The subsidised periods are whole calendar months (AAP4 §3.3 « septembre-décembre 2020 »,
/// AAP5 §3.3 « 1er octobre – 31 décembre 2021 »): the schedule places programme 352's part on
/// a month when the month's first day is in the period, which needs this.
#[test]
fn subsidised_periods_are_whole_months() {
    use chrono::Datelike;
    let mut periods = 0;
    for parameter in official_parameters() {
        if parameter.id != ParameterId::SubsidisedMonths {
            continue;
        }
        let Some(period) = parameter.validity.period else { continue };
        periods += 1;
        assert_eq!(period.first().day(), 1, "{period:?} starts on a month's first day");
        let next = period.last().succ_opt().unwrap();
        assert_eq!(next.day(), 1, "{period:?} ends on a month's last day");
    }
    assert_eq!(periods, 2, "EIG4 and EIG5");
}
