//! The texts, embedded from `docs/sources/texts/` (copied unaltered from the official
//! documents; origin and licence in that folder's README).

use eig_domain::Document;

/// The full text of `document`, as the repository keeps it; `None` for the documents known
/// only through the rules brief (`P6POST`, `KEYFIG`) and for the défi records (`DATA`),
/// which are data, not a text to quote.
///
/// # Example
/// ```
/// use eig_domain::Document;
///
/// let aap3 = eig_sources::text(Document::Aap3).unwrap();
/// assert!(aap3.contains("Cahier des charges"));
/// assert!(eig_sources::text(Document::P6Post).is_none());
/// ```
pub fn text(document: Document) -> Option<&'static str> {
    macro_rules! file {
        ($name:literal) => {
            include_str!(concat!("../texts/", $name))
        };
    }
    Some(match document {
        Document::Cget2018 => file!("CGET-news-2018-05-17-eig3.txt"),
        Document::Aac2 => file!("AAC2-reglement-2017-09.txt"),
        Document::Aap3 => file!("AAP3-cahier-des-charges-2018-05-04.txt"),
        Document::Aac3 => file!("AAC3-reglement-2018-09.txt"),
        Document::Aap4 => file!("AAP4-cahier-des-charges-2020-01.txt"),
        Document::Aac4 => file!("AAC4-reglement-2020-05.txt"),
        Document::Jury4 => file!("JURY4-guide-jury-2020-03.txt"),
        Document::Aap5 => file!("AAP5-cahier-des-charges-2021-02.txt"),
        Document::Aac5 => file!("AAC5-reglement-2021-03.txt"),
        Document::Aap6 => file!("AAP6-cahier-des-charges-2022-01.txt"),
        Document::Aac6 => file!("AAC6-reglement-2022-03.txt"),
        Document::Ami5bis => file!("AMI5bis-reglement-2022-04.txt"),
        Document::Aac6Plus => file!("AAC6plus-prolongations-2023.txt"),
        Document::Reg7 => file!("REG7-reglement-provisoire-2024.txt"),
        Document::Rapport => file!("RAPPORT-analyse-2019.txt"),
        Document::Chiffres => file!("CHIFFRES-blog-2019-05-09.md"),
        Document::Ing => file!("ING-ingenierie-programme.md"),
        Document::FaqAdm => file!("FAQ-ADM-2021.yml"),
        Document::FaqEig => file!("FAQ-EIG-2021.yml"),
        _ => return None,
    })
}

/// Whether the document's text is markup (Markdown, YAML with HTML), whose tags are dropped
/// before comparing, and which a page renders from its Markdown rather than its layout.
///
/// # Example
/// ```
/// use eig_domain::Document;
///
/// assert!(eig_sources::is_markup(Document::Ing));
/// assert!(!eig_sources::is_markup(Document::Aap3));
/// ```
pub fn is_markup(document: Document) -> bool {
    matches!(document, Document::Chiffres | Document::Ing | Document::FaqAdm | Document::FaqEig)
}
