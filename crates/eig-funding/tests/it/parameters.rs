//! The official parameter table: every value sourced, checked, within its kind.

use eig_domain::Promotion;
use eig_funding::{LAST_CHECKED_ON, ParameterId, ParameterValue, official_parameters};

#[test]
fn every_parameter_is_sourced_quoted_and_checked() {
    let (year, month, day) = LAST_CHECKED_ON;
    for parameter in official_parameters() {
        assert!(!parameter.quote.is_empty(), "{}", parameter.id);
        assert!(!parameter.source.locator.is_empty(), "{}", parameter.id);
        assert_eq!(
            parameter.last_checked_on,
            chrono::NaiveDate::from_ymd_opt(year, month, day).unwrap()
        );
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
