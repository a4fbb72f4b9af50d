//! Identifiers and labels: SIREN, SIRET, budget programmes, ids.

use eig_domain::{BudgetProgramme, CandidateId, DefiId, IdentifierError, Label, Siren, Siret};
use proptest::prelude::*;

fn show<T: std::fmt::Display, E: std::fmt::Display>(result: Result<T, E>) -> String {
    match result {
        Ok(value) => format!("ok {value}"),
        Err(err) => format!("error: {err}"),
    }
}

#[test]
fn siren_and_siret() {
    insta::assert_snapshot!(show("110014016".parse::<Siren>()), @"ok 110014016");
    insta::assert_snapshot!(show("110014017".parse::<Siren>()), @r#"error: SIREN "110014017" : la clé de contrôle est fausse, vérifiez le numéro"#);
    insta::assert_snapshot!(show("11001401".parse::<Siren>()), @r#"error: SIREN "11001401" : ce ne sont pas 9 chiffres, écrivez ses 9 chiffres sans espace"#);
    insta::assert_snapshot!(show("11001401a".parse::<Siren>()), @r#"error: SIREN "11001401a" : ce ne sont pas 9 chiffres, écrivez ses 9 chiffres sans espace"#);
    insta::assert_snapshot!(show("11001401600015".parse::<Siret>()), @"ok 11001401600015");
    insta::assert_snapshot!(show("11001401600016".parse::<Siret>()), @r#"error: SIRET "11001401600016" : la clé de contrôle est fausse, vérifiez le numéro"#);
    // La Poste (SIREN 356 000 000): the digits of the SIRET sum to a multiple of 5.
    insta::assert_snapshot!(show("35600000000048".parse::<Siret>()), @"ok 35600000000048");
    insta::assert_snapshot!(show("35600000049837".parse::<Siret>()), @"ok 35600000049837");
    insta::assert_snapshot!(show("35600000049838".parse::<Siret>()), @r#"error: SIRET "35600000049838" : la clé de contrôle est fausse, vérifiez le numéro"#);
}

#[test]
fn budget_programmes() {
    insta::assert_snapshot!(show("352".parse::<BudgetProgramme>()), @"ok 352");
    insta::assert_snapshot!(show("052".parse::<BudgetProgramme>()), @r#"error: numéro de programme budgétaire "052" : ce ne sont pas 3 chiffres, écrivez ses 3 chiffres sans espace"#);
    insta::assert_snapshot!(show("3520".parse::<BudgetProgramme>()), @r#"error: numéro de programme budgétaire "3520" : ce ne sont pas 3 chiffres, écrivez ses 3 chiffres sans espace"#);
    assert_eq!(BudgetProgramme::P352.number(), 352);
}

#[test]
fn ids_and_labels() {
    insta::assert_snapshot!(show("eig3-ia-flash".parse::<DefiId>()), @"ok eig3-ia-flash");
    insta::assert_snapshot!(show("IA Flash".parse::<DefiId>()), @r#"error: identifiant de défi "IA Flash" : le caractère ' ' n'est pas permis : écrivez seulement des lettres sans accent, des chiffres et les signes - _ . :"#);
    insta::assert_snapshot!(show("".parse::<CandidateId>()), @"error: identifiant de candidat vide : écrivez au moins un caractère");
    insta::assert_snapshot!(show("x".repeat(65).parse::<CandidateId>()), @r#"error: identifiant de candidat "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" : plus de 64 caractères, écrivez-en au plus 64"#);
    // A huge value is echoed by its first 60 characters and its length.
    insta::assert_snapshot!(show("y".repeat(50_000_000).parse::<DefiId>()), @r#"error: identifiant de défi "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…" (50000000 caractères) : plus de 64 caractères, écrivez-en au plus 64"#);
    insta::assert_snapshot!(show("Défi\tdonnées".parse::<Label>()), @r#"error: libellé "Défi\tdonnées" : le caractère '\t' n'est pas permis : retirez ce caractère de contrôle (un libellé est du texte sur une ligne)"#);
    insta::assert_snapshot!(show(" ".parse::<Label>()), @"error: libellé vide : écrivez au moins un caractère");
    insta::assert_snapshot!(show("Mes services Greentech".parse::<Label>()), @"ok Mes services Greentech");
}

/// The Luhn key digit that completes `body`.
fn luhn_key(body: &str) -> u32 {
    (0..10)
        .find(|key| {
            let text = format!("{body}{key}");
            let sum: u32 = text
                .bytes()
                .rev()
                .enumerate()
                .map(|(i, b)| {
                    let d = u32::from(b - b'0');
                    if i % 2 == 1 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d }
                })
                .sum();
            sum.is_multiple_of(10)
        })
        .unwrap()
}

proptest! {
    #[test]
    fn identifier_parsing_never_panics(input in ".{0,20}") {
        let _ = input.parse::<Siren>();
        let _ = input.parse::<Siret>();
        let _ = input.parse::<BudgetProgramme>();
        let _ = input.parse::<DefiId>();
        let _ = input.parse::<Label>();
    }

    #[test]
    fn a_valid_siren_with_one_digit_changed_is_rejected(body in "[0-9]{8}", position in 0usize..9, delta in 1u8..10) {
        let siren = format!("{body}{}", luhn_key(&body));
        prop_assert!(siren.parse::<Siren>().is_ok());
        let mut bytes = siren.into_bytes();
        bytes[position] = b'0' + (bytes[position] - b'0' + delta) % 10;
        let altered = String::from_utf8(bytes).unwrap();
        prop_assert!(
            matches!(altered.parse::<Siren>(), Err(IdentifierError::BadKey { .. })),
            "Luhn detects every single-digit change: {}", altered
        );
    }
}

/// A label counts at most 500 characters, both ends checked.
#[test]
fn a_label_of_500_characters_and_one_more() {
    let at_most = "é".repeat(500);
    assert!(at_most.parse::<Label>().is_ok());
    assert!(format!("{at_most}a").parse::<Label>().is_err());
}
