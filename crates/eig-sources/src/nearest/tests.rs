//! The sentence splitter's cuts.

use super::{is_list_number, sentences};

/// A list's number stays with its item: "éléments suivants : 1." is no sentence of its own
/// (AAP3 §4.3 and the calls after it list the dossier's pieces so).
#[test]
fn a_list_number_is_not_cut_from_its_item() {
    assert_eq!(
        sentences(
            "Elle doit inclure les éléments suivants : 1. Une fiche détaillée ; 2. Une présentation ;"
        ),
        [
            "Elle doit inclure les éléments suivants : 1. Une fiche détaillée ;",
            "2. Une présentation ;"
        ]
    );
    assert!(is_list_number("suivants : 1."));
    assert!(is_list_number("12."));
    // A sentence that ends with a number still ends there.
    assert!(!is_list_number("le 15 juin 2018."));
    assert!(!is_list_number("fixé à 12."));
    assert_eq!(sentences("Le plafond est fixé à 12. Les défis").len(), 2);
}
