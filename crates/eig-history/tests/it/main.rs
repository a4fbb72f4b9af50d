//! The embedded history reproduces the official figures.

#![allow(clippy::unwrap_used, reason = "in tests a failed unwrap is a failed test")]

use eig_domain::{Basis, Promotion};
use eig_history::{History, render_figures_table};

#[test]
fn embedded_file_is_the_shared_copy() {
    // Pinned: an edit of the data is a deliberate change (see data/PROVENANCE.md).
    assert_eq!(eig_history::EMBEDDED_JSON.len(), 130_825);
    let history = History::embedded();
    assert_eq!(history.defis().len(), 132);
}

#[test]
fn official_figures_are_reproduced() {
    let history = History::embedded();
    let expected = [
        (Promotion::Eig1, 9, 11),
        (Promotion::Eig2, 13, 28),
        (Promotion::Eig3, 15, 32),
        (Promotion::Dig1, 17, 21),
        (Promotion::Eig4, 17, 41),
        (Promotion::Eig6, 14, 34),
    ];
    for (promotion, defis, talents) in expected {
        let row = history.figures(promotion);
        assert_eq!((row.defis_in_data, row.talents_in_data), (defis, talents), "{promotion} data");
        assert_eq!(row.official_defis.map(|c| c.value), Some(defis), "{promotion} official défis");
        assert_eq!(
            row.official_talents.map(|c| c.value),
            Some(talents),
            "{promotion} official talents"
        );
    }
}

#[test]
fn eig5_has_its_documented_gap() {
    // 16 défis / 38 talents in the data; 39 inferred from AAP6 §1 (172) − AAP5 §1 (133).
    let row = History::embedded().figures(Promotion::Eig5);
    assert_eq!((row.defis_in_data, row.talents_in_data), (16, 38));
    assert_eq!(row.talent_gap(), Some(1));
    assert_eq!(row.defi_gap(), Some(0));
}

#[test]
fn observed_team_bounds_match_the_records() {
    let history = History::embedded();
    for promotion in Promotion::ALL {
        let Some(team) = promotion.facts().team_size else { continue };
        if team.value.basis != Basis::Observed {
            continue;
        }
        let sizes: Vec<u8> = history.defis_of(promotion).map(|record| record.talents).collect();
        assert_eq!(sizes.iter().min(), Some(&team.value.min), "{promotion}");
        assert_eq!(sizes.iter().max(), Some(&team.value.max), "{promotion}");
    }
}

#[test]
fn figures_table() {
    let table = render_figures_table(&History::embedded().all_figures());
    insta::assert_snapshot!(table);
}

#[test]
fn figures_json() {
    insta::assert_json_snapshot!(History::embedded().all_figures());
}

#[test]
fn inconsistent_files_are_refused() {
    let history = History::embedded();
    let mut json: serde_json::Value = serde_json::from_str(eig_history::EMBEDDED_JSON).unwrap();
    json["aggregates_from_data"]["EIG 3"]["n_talents_in_data"] = 31.into();
    insta::assert_snapshot!(
        History::from_json(&json.to_string()).unwrap_err().to_string(),
        @"EIG3 : le fichier annonce 15 défis et 31 talents, mais ses enregistrements en contiennent 15 et 32 : corrigez les totaux ou les enregistrements"
    );
    json["aggregates_from_data"]["EIG 3"]["n_talents_in_data"] = 32.into();
    json["defis"][0]["host_kind"] = "mairie".into();
    let err = History::from_json(&json.to_string()).unwrap_err().to_string();
    assert!(err.starts_with("fichier d'historique invalide : unknown variant `mairie`"), "{err}");
    assert_eq!(history.defis_of(Promotion::Eig7).count(), 31);
}

#[test]
fn unreadable_files_are_refused_naming_the_fault() {
    let unknown = r#"{"defis": [], "aggregates_from_data": {"EIG 9": {"n_defis_in_data": 0, "n_talents_in_data": 0}}}"#;
    insta::assert_snapshot!(
        History::from_json(unknown).unwrap_err().to_string(),
        @r#"la clé d'agrégat "EIG 9" n'est pas une promotion : écrivez EIG1 à EIG7, ou DIG1"#
    );
    insta::assert_snapshot!(
        History::from_json("{}").unwrap_err().to_string(),
        @"fichier d'historique invalide : missing field `defis` at line 1 column 2 : vérifiez le fichier à cet endroit"
    );
}
