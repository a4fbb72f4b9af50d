//! Money: parsing, arithmetic, French display, errors.

use eig_domain::{Euros, MoneyError, Share};
use proptest::prelude::*;

fn parse(input: &str) -> String {
    match input.parse::<Euros>() {
        Ok(amount) => format!("ok {amount}"),
        Err(err) => format!("error: {err}"),
    }
}

fn parse_share(input: &str) -> String {
    match input.parse::<Share>() {
        Ok(share) => format!("ok {}", share.to_decimal()),
        Err(err) => format!("error: {err}"),
    }
}

#[test]
fn parsing_euros() {
    insta::assert_snapshot!(parse("1250.5"), @"ok 1250.50");
    insta::assert_snapshot!(parse("70000"), @"ok 70000.00");
    insta::assert_snapshot!(parse("0"), @"ok 0.00");
    insta::assert_snapshot!(parse("-0"), @"ok 0.00");
    insta::assert_snapshot!(parse("1.230"), @"ok 1.23");
    insta::assert_snapshot!(parse("-3"), @"error: le montant -3 est négatif : écrivez un montant nul ou positif");
    insta::assert_snapshot!(parse("0.001"), @"error: le montant 0.001 a plus de deux décimales : donnez-le au centime près");
    insta::assert_snapshot!(parse("12,50"), @r#"error: "12,50" n'est pas un nombre décimal : écrivez des chiffres avec un point, par ex. "70000.00""#);
    insta::assert_snapshot!(parse("1e3"), @r#"error: "1e3" n'est pas un nombre décimal : écrivez des chiffres avec un point, par ex. "70000.00""#);
    insta::assert_snapshot!(parse(" 12"), @r#"error: " 12" n'est pas un nombre décimal : écrivez des chiffres avec un point, par ex. "70000.00""#);
    insta::assert_snapshot!(parse(""), @r#"error: "" n'est pas un nombre décimal : écrivez des chiffres avec un point, par ex. "70000.00""#);
    insta::assert_snapshot!(parse("."), @r#"error: "." n'est pas un nombre décimal : écrivez des chiffres avec un point, par ex. "70000.00""#);
    // Zeros around the digits say nothing of the value, however many there are.
    insta::assert_snapshot!(parse("005589818392987734.7000000000000000000000"), @"ok 5589818392987734.70");
    insta::assert_snapshot!(parse("000000000000000000000000000000000001.5"), @"ok 1.50");
    insta::assert_snapshot!(parse("99999999999999999999999999999999"), @"error: le montant 99999999999999999999999999999999 est trop grand pour être tenu au centime près : un montant vaut au plus 792281625142643375935439503.35");
}

#[test]
fn parsing_shares() {
    insta::assert_snapshot!(parse_share("0.70"), @"ok 0.7");
    insta::assert_snapshot!(parse_share("1"), @"ok 1");
    insta::assert_snapshot!(parse_share("0"), @"ok 0");
    insta::assert_snapshot!(parse_share("1.0001"), @r#"error: la part 1.0001 est hors de [0, 1] : écrivez un décimal entre 0 et 1, par ex. "0.70""#);
    insta::assert_snapshot!(parse_share("-0.1"), @r#"error: la part -0.1 est hors de [0, 1] : écrivez un décimal entre 0 et 1, par ex. "0.70""#);
    insta::assert_snapshot!(parse_share("70%"), @r#"error: "70%" n'est pas un nombre décimal : écrivez des chiffres avec un point, par ex. "70000.00""#);
}

#[test]
fn json_is_strings_never_floats() {
    let amount: Euros = "49000.5".parse().unwrap();
    insta::assert_snapshot!(serde_json::to_string(&amount).unwrap(), @r#""49000.50""#);
    insta::assert_snapshot!(
        serde_json::from_str::<Euros>("49000.5").unwrap_err().to_string(),
        @"invalid type: floating point `49000.5`, expected a string at line 1 column 7"
    );
    insta::assert_snapshot!(
        serde_json::from_str::<Euros>(r#""-1""#).unwrap_err().to_string(),
        @"le montant -1 est négatif : écrivez un montant nul ou positif"
    );
    let share = Share::from_percent(70).unwrap();
    insta::assert_snapshot!(serde_json::to_string(&share).unwrap(), @r#""0.7""#);
}

#[test]
fn french_display() {
    let cases = ["0", "0.05", "999.99", "1000", "70000", "1470000", "1500000.10"];
    let shown: Vec<String> = cases
        .iter()
        .map(|input| {
            input
                .parse::<Euros>()
                .unwrap()
                .to_french()
                .replace('\u{202f}', "_")
                .replace('\u{a0}', "~")
        })
        .collect();
    insta::assert_snapshot!(shown.join("\n"), @r"
    0,00~€
    0,05~€
    999,99~€
    1_000,00~€
    70_000,00~€
    1_470_000,00~€
    1_500_000,10~€
    ");
    let shares: Vec<String> = ["0.7", "0.3", "0.055", "1"]
        .iter()
        .map(|s| s.parse::<Share>().unwrap().to_string())
        .collect();
    insta::assert_snapshot!(shares.join(" | ").replace('\u{a0}', "~"), @"70~% | 30~% | 5,5~% | 100~%");
}

#[test]
fn checked_arithmetic_errors() {
    let one = Euros::from_whole(1);
    let three = Euros::from_whole(3);
    insta::assert_snapshot!(one.checked_sub(three).unwrap_err().to_string(), @"1.00 moins 3.00 est négatif : on ne retire pas d'un montant plus qu'il ne contient");
    let huge = Euros::MAX;
    insta::assert_snapshot!(huge.to_string(), @"792281625142643375935439503.35");
    assert_eq!(
        huge.checked_add(Euros::from_cents(1)),
        Err(MoneyError::Overflow { operation: "addition" })
    );
    assert_eq!(huge.checked_add(Euros::ZERO), Ok(huge));
    insta::assert_snapshot!(parse("792281625142643375935439503.36"), @"error: le montant 792281625142643375935439503.36 est trop grand pour être tenu au centime près : un montant vaut au plus 792281625142643375935439503.35");
    insta::assert_snapshot!(parse("7922816251426433759354395033"), @"error: le montant 7922816251426433759354395033 est trop grand pour être tenu au centime près : un montant vaut au plus 792281625142643375935439503.35");
    assert_eq!(huge.checked_mul(10), Err(MoneyError::Overflow { operation: "multiplication" }));
    insta::assert_snapshot!(huge.checked_mul(10).unwrap_err().to_string(), @"dépassement de capacité dans une multiplication : le résultat dépasse environ 7,9 × 10²⁸, vérifiez les montants donnés");
}

proptest! {
    #[test]
    fn parsing_arbitrary_text_never_panics(input in ".{0,40}") {
        let _ = input.parse::<Euros>();
        let _ = input.parse::<Share>();
    }

    #[test]
    fn cents_round_trip_through_text(cents in any::<u64>()) {
        let amount = Euros::from_cents(cents);
        prop_assert_eq!(amount.cents(), i128::from(cents));
        prop_assert_eq!(amount.to_string().parse::<Euros>().unwrap(), amount);
    }

    #[test]
    fn add_then_sub_is_identity(a in 0u64..=1_000_000_000_000_000, b in 0u64..=1_000_000_000_000_000) {
        let (a, b) = (Euros::from_cents(a), Euros::from_cents(b));
        let sum = a.checked_add(b).unwrap();
        prop_assert_eq!(sum.checked_sub(b).unwrap(), a);
        prop_assert!(sum >= a && sum >= b);
    }

    #[test]
    fn share_and_complement_sum_to_one(thousandths in 0u32..=1000) {
        let share: Share = format!("{}.{:03}", thousandths / 1000, thousandths % 1000).parse().unwrap();
        prop_assert_eq!(share.to_decimal() + share.complement().to_decimal(), rust_decimal::Decimal::ONE);
    }

    #[test]
    fn negative_or_over_precise_amounts_are_rejected(whole in 1u32..1_000_000, extra in 1u32..10) {
        let negative = format!("-{whole}");
        prop_assert!(matches!(negative.parse::<Euros>(), Err(MoneyError::Negative { .. })), "negative accepted");
        let precise = format!("{whole}.12{extra}");
        prop_assert!(matches!(precise.parse::<Euros>(), Err(MoneyError::TooPrecise { .. })), "three decimals accepted");
    }
}

/// An amount minus itself is zero.
#[test]
fn an_amount_minus_itself_is_zero() {
    let amount = Euros::from_cents(123_456);
    assert_eq!(amount.checked_sub(amount), Ok(Euros::ZERO));
}

/// Shares add up while they stay within [0, 1]; beyond, their sum is none.
#[test]
fn shares_add_up_within_zero_and_one() {
    let share = |text: &str| text.parse::<Share>().unwrap();
    let total: Option<Share> = [share("0.3"), share("0.4")].into_iter().sum();
    assert_eq!(total, Some(share("0.7")));
    let over: Option<Share> = [share("0.7"), share("0.7")].into_iter().sum();
    assert_eq!(over, None);
}

/// Experience is shown in French years and months, with the plural from 2 years.
#[test]
fn experience_is_shown_in_years_and_months() {
    let shown = |months| eig_domain::Experience::from_months(months).to_string();
    assert_eq!(
        [shown(11), shown(12), shown(13), shown(24), shown(30)],
        ["11 mois", "1 an", "1 an 1 mois", "2 ans", "2 ans 6 mois"]
    );
}
