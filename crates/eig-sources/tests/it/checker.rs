//! The checker on quotes and locators made wrong on purpose: it must refuse them.

use eig_domain::Document;
use eig_sources::{
    LocatorError, QuoteError, attribute, check_locator, check_quote, citations_in, quote_parts,
};

/// AAC4 art. 2, footnote 2, as the text has it.
const FOOTNOTE: &str =
    "A l’exception des administrations appartenant aux Ministères économiques et financiers.";

#[test]
fn a_verbatim_quote_passes() {
    assert_eq!(check_quote(Document::Aac4, FOOTNOTE), Ok(()));
    // Straight apostrophe, extra spaces and a line break: the same quote, normalised.
    assert_eq!(
        check_quote(
            Document::Aac4,
            "A l'exception des administrations\n   appartenant aux  Ministères économiques et financiers."
        ),
        Ok(())
    );
}

#[test]
fn a_paraphrase_fails() {
    let cases = [
        // One word changed.
        "A l’exception des administrations relevant des Ministères économiques et financiers.",
        // Case changed.
        "à l’exception des administrations appartenant aux ministères économiques et financiers.",
        // The sense kept, the words not.
        "sauf les administrations des ministères économiques et financiers",
        // The project's old paraphrase of AAC3 art. 5.
        "15 octobre 2018 à 17h00 (heure de Paris)",
    ];
    for quote in cases {
        let document = if quote.starts_with("15") { Document::Aac3 } else { Document::Aac4 };
        assert!(
            matches!(check_quote(document, quote), Err(QuoteError::NotFound { .. })),
            "{quote:?} passed"
        );
    }
}

#[test]
fn the_right_words_in_the_wrong_document_fail() {
    assert!(matches!(check_quote(Document::Aap3, FOOTNOTE), Err(QuoteError::NotFound { .. })));
}

#[test]
fn an_elision_is_allowed_only_between_two_verbatim_parts() {
    // AAC6 art. 3.
    assert_eq!(check_quote(Document::Aac4, "A l’exception … financiers."), Ok(()));
    // Parts out of order fail.
    assert!(check_quote(Document::Aac4, "financiers. … A l’exception").is_err());
    // An elision at an edge, or two in a row, fail.
    for quote in ["… financiers.", "A l’exception …", "A l’exception … … financiers.", "…"]
    {
        assert!(check_quote(Document::Aac4, quote).is_err(), "{quote:?} passed");
    }
    assert_eq!(quote_parts("a [...] b (…) c"), Ok(vec!["a".into(), "b".into(), "c".into()]));
}

#[test]
fn a_word_cut_at_a_line_end_is_joined() {
    // AAP4 §3.3 has « (septembre-décembre 2020) » on one line; AAP3 cuts words at line ends.
    assert_eq!(check_quote(Document::Aap4, "4 mois (septembre-décembre 2020)"), Ok(()));
}

#[test]
fn documents_without_a_text_are_reported() {
    assert_eq!(
        check_quote(Document::P6Post, "34 EIG"),
        Err(QuoteError::NoText { document: Document::P6Post })
    );
}

#[test]
fn locators() {
    let ok = [
        (Document::Aap3, "§3.1.2"),
        (Document::Aap3, "§3.1.1–3.1.3"),
        (Document::Aap4, "§2 (note 4)"),
        (Document::Aac2, "art. 4 (Dossier de candidature)"),
        (Document::Aac3, "art. 6.5"),
        (Document::Aac5, "art. 5 §2"),
        (Document::Aac6, "art. 5.4"),
        (Document::Aap6, "annexe 3 art. 2"),
        (Document::Aap3, "annexe 2"),
        (Document::Rapport, "p. 14"),
        (Document::Aac2, "préambule"),
        (Document::Ing, "« Postes de dépenses »"),
        (Document::Jury4, "« Le jour J », 3)"),
        (Document::Rapport, "tableau « Budget »"),
        (Document::Reg7, "§3.4 b"),
        (Document::Aap6, "§4.3; annexe 3 art. 3"),
    ];
    for (document, locator) in ok {
        assert_eq!(check_locator(document, locator), Ok(()), "{document} {locator}");
    }
    let missing = [
        (Document::Aap3, "§3.9"),
        (Document::Aac4, "art. 12"),
        (Document::Aac2, "art. 4 (Engagements)"),
        (Document::Aac3, "art. 6.9"),
        (Document::Aap3, "annexe 5"),
        (Document::Ing, "« Financer un défi »"),
        (Document::Jury4, "« Le jour J », 9)"),
    ];
    for (document, locator) in missing {
        assert!(
            matches!(check_locator(document, locator), Err(LocatorError::NoSuchSection { .. })),
            "{document} {locator} passed"
        );
    }
    assert!(matches!(
        check_locator(Document::Aap3, "section 3"),
        Err(LocatorError::Unreadable { .. })
    ));
}

#[test]
fn citations_and_attribution() {
    let found = citations_in("AAC4 art. 2 fn. 2 excepts them; AAP5/AAP6 §4.3 and AAC6+ §2.2.");
    let shown: Vec<String> = found
        .iter()
        .map(|c| {
            let docs: Vec<&str> = c.documents.iter().map(|d| d.abbreviation()).collect();
            format!("{} {}", docs.join("+"), c.locator)
        })
        .collect();
    assert_eq!(shown, ["AAC4 art. 2 fn. 2", "AAP5+AAP6 §4.3", "AAC6+ §2.2"]);

    let attributed = attribute(
        "AAC3 art. 5 says « le 15 octobre 2018 à 17h. » and « à 17 heures le 27 octobre 2017 » (AAC2 art. 4)",
    );
    let pairs: Vec<(String, String)> = attributed
        .iter()
        .map(|a| {
            (
                a.quote.text.clone(),
                a.citation.as_ref().unwrap().documents[0].abbreviation().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("le 15 octobre 2018 à 17h.".to_owned(), "AAC3".to_owned()),
            ("à 17 heures le 27 octobre 2017".to_owned(), "AAC2".to_owned())
        ]
    );
}

#[test]
fn a_quote_cited_at_the_wrong_section_fails() {
    use eig_sources::check_quote_in_section;
    // AAP5 §3.1, not §3.2 (issue 11: eig-domain's funding_route.rs cited §3.2).
    let quote = "Par exception, le cofinancement des EIG recrutés par les administrations des \
                 ministères économiques et financiers interviendra par voie de de délégation de \
                 gestion sur le programme 352";
    assert_eq!(check_quote_in_section(Document::Aap5, "§3.1", quote), Ok(()));
    assert!(matches!(
        check_quote_in_section(Document::Aap5, "§3.2", quote),
        Err(QuoteError::OutsideSection { .. })
    ));
    // AAC4: the 17 défis are in art. 3, the 41 EIG in art. 1.
    let defis = "17 défis composent la 4ème promotion du programme EIG.";
    assert_eq!(check_quote_in_section(Document::Aac4, "art. 3", defis), Ok(()));
    assert!(check_quote_in_section(Document::Aac4, "art. 1", defis).is_err());
    // A footnote is its own extent: AAC4 art. 2 fn. 2.
    assert_eq!(check_quote_in_section(Document::Aac4, "art. 2 fn. 2", FOOTNOTE), Ok(()));
    // Where the checker knows no extent (a page), the whole text is the extent.
    assert_eq!(check_quote_in_section(Document::Aac4, "p. 3", FOOTNOTE), Ok(()));
}

#[test]
fn a_numbered_list_item_does_not_end_a_section() {
    use eig_sources::check_quote_in_section;
    // REG7 §2.6 a) lists five steps `1.`–`5.`; its item `3. Invitation à un entretien` is not
    // the heading `3. Projets`, which follows §2.7: §2.6 runs up to §2.7 and holds its point b).
    let vivier = "La sélection n’a pas valeur de proposition d’embauche. Elle permet uniquement \
                  d’accéder, le cas échéant, à des entretiens sur mission, en fonction des projets \
                  lauréats de la 7ème promotion EIG et à concurrence de 30 EIG recruté(e)s en 2024.";
    assert_eq!(check_quote_in_section(Document::Reg7, "§2.6 b", vivier), Ok(()));
    assert_eq!(check_quote_in_section(Document::Reg7, "§2.6", vivier), Ok(()));
    // The section still ends at its sibling: not in §2.5, nor in §2.7 (which runs up to the
    // heading `3. Projets`).
    assert!(check_quote_in_section(Document::Reg7, "§2.5", vivier).is_err());
    assert!(check_quote_in_section(Document::Reg7, "§2.7", vivier).is_err());
    let projets = "Le programme EIG est destiné aux administrations centrales et aux opérateurs";
    assert!(check_quote_in_section(Document::Reg7, "§2.7", projets).is_err());
    assert_eq!(check_quote_in_section(Document::Reg7, "§3.1", projets), Ok(()));
}
