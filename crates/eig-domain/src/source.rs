//! Where a fact comes from: the programme's documents and a locator inside them.

use std::{borrow::Cow, fmt, str::FromStr};

use serde::{Deserialize, Serialize};

use crate::echo::echo;

/// One of the programme's public documents, by the abbreviation the rules catalogue uses.
///
/// The texts themselves are in the repository (`docs/sources/texts/`, embedded by the
/// `eig-sources` crate, which checks every quote against them); see `docs/sources.md` for
/// titles, dates and file names.
///
/// # Example
/// ```
/// use eig_domain::Document;
///
/// assert_eq!(Document::Aap3.abbreviation(), "AAP3");
/// assert_eq!("AAC6+".parse::<Document>()?, Document::Aac6Plus);
/// # Ok::<(), eig_domain::SourceError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(with = "String"))]
#[cfg_attr(feature = "schemars", schemars(extend("enum" = Document::abbreviations())))]
#[serde(try_from = "String", into = "&'static str")]
#[non_exhaustive]
pub enum Document {
    /// CGET news item of 17 May 2018 announcing the EIG3 call.
    Cget2018,
    /// Règlement de l'appel à candidatures, promotion 2 (Sept 2017).
    Aac2,
    /// Cahier des charges de l'appel à projets, promotion 3 (4 May 2018).
    Aap3,
    /// Règlement de l'appel à candidatures, promotion 3 (Sept 2018).
    Aac3,
    /// Cahier des charges de l'appel à projets, promotion 4 (15 Jan 2020).
    Aap4,
    /// Règlement de l'appel à candidatures, promotion 4 (May 2020).
    Aac4,
    /// Guide du jury de sélection des défis, promotion 4 (March 2020).
    Jury4,
    /// Cahier des charges de l'appel à projets, promotion 5 (1 Feb 2021).
    Aap5,
    /// Règlement de l'appel à candidatures, promotion 5 (March 2021).
    Aac5,
    /// Cahier des charges de l'appel à projets, promotion 6 (24 Jan 2022), with its annexes.
    Aap6,
    /// Règlement de l'appel à candidatures, promotion 6 (March 2022).
    Aac6,
    /// Règlement de l'AMI *Promotion 5 bis* (April 2022).
    Ami5bis,
    /// Cahier des charges of the 2023 co-funding of promotion-6 prolongations.
    Aac6Plus,
    /// Règlement provisoire, 7e promotion (2024).
    Reg7,
    /// Rapport d'analyse of promotions 1–2 (data at 31 May 2019).
    Rapport,
    /// Blog post *Data EIG : un retour en chiffres sur 3 années du programme* (9 May 2019).
    Chiffres,
    /// *Ingénierie du programme EIG* (programme operations notes).
    Ing,
    /// Site FAQ for administrations (2021 state).
    FaqAdm,
    /// Site FAQ for candidates (2021 state).
    FaqEig,
    /// Blog post announcing promotion 6 (1 Sep 2022).
    P6Post,
    /// *Quelques chiffres clés des défis EIG*, V1 (13 Dec 2021).
    KeyFig,
    /// The cleaned défi records compiled from the programme's site repositories
    /// (`promotions-data.json`).
    PromotionsData,
}

impl Document {
    /// Every document, in catalogue order.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Document;
    ///
    /// assert_eq!(Document::ALL.len(), 22);
    /// for document in Document::ALL {
    ///     assert_eq!(document.abbreviation().parse::<Document>(), Ok(document));
    /// }
    /// ```
    pub const ALL: [Document; 22] = [
        Document::Cget2018,
        Document::Aac2,
        Document::Aap3,
        Document::Aac3,
        Document::Aap4,
        Document::Aac4,
        Document::Jury4,
        Document::Aap5,
        Document::Aac5,
        Document::Aap6,
        Document::Aac6,
        Document::Ami5bis,
        Document::Aac6Plus,
        Document::Reg7,
        Document::Rapport,
        Document::Chiffres,
        Document::Ing,
        Document::FaqAdm,
        Document::FaqEig,
        Document::P6Post,
        Document::KeyFig,
        Document::PromotionsData,
    ];

    /// The abbreviation used in citations (`AAP3`, `AAC6+`, …).
    ///
    /// # Example
    /// ```
    /// assert_eq!(eig_domain::Document::Cget2018.abbreviation(), "CGET 2018");
    /// ```
    pub const fn abbreviation(self) -> &'static str {
        match self {
            Document::Cget2018 => "CGET 2018",
            Document::Aac2 => "AAC2",
            Document::Aap3 => "AAP3",
            Document::Aac3 => "AAC3",
            Document::Aap4 => "AAP4",
            Document::Aac4 => "AAC4",
            Document::Jury4 => "JURY4",
            Document::Aap5 => "AAP5",
            Document::Aac5 => "AAC5",
            Document::Aap6 => "AAP6",
            Document::Aac6 => "AAC6",
            Document::Ami5bis => "AMI5bis",
            Document::Aac6Plus => "AAC6+",
            Document::Reg7 => "REG7",
            Document::Rapport => "RAPPORT",
            Document::Chiffres => "CHIFFRES",
            Document::Ing => "ING",
            Document::FaqAdm => "FAQ-ADM",
            Document::FaqEig => "FAQ-EIG",
            Document::P6Post => "P6POST",
            Document::KeyFig => "KEYFIG",
            Document::PromotionsData => "DATA",
        }
    }

    /// The file holding the text, relative to the repository's root (`None` for documents
    /// known only through the rules brief).
    ///
    /// # Example
    /// ```
    /// assert_eq!(
    ///     eig_domain::Document::Aap3.file(),
    ///     Some("docs/sources/texts/AAP3-cahier-des-charges-2018-05-04.txt")
    /// );
    /// ```
    pub const fn file(self) -> Option<&'static str> {
        Some(match self {
            Document::Cget2018 => "docs/sources/texts/CGET-news-2018-05-17-eig3.txt",
            Document::Aac2 => "docs/sources/texts/AAC2-reglement-2017-09.txt",
            Document::Aap3 => "docs/sources/texts/AAP3-cahier-des-charges-2018-05-04.txt",
            Document::Aac3 => "docs/sources/texts/AAC3-reglement-2018-09.txt",
            Document::Aap4 => "docs/sources/texts/AAP4-cahier-des-charges-2020-01.txt",
            Document::Aac4 => "docs/sources/texts/AAC4-reglement-2020-05.txt",
            Document::Jury4 => "docs/sources/texts/JURY4-guide-jury-2020-03.txt",
            Document::Aap5 => "docs/sources/texts/AAP5-cahier-des-charges-2021-02.txt",
            Document::Aac5 => "docs/sources/texts/AAC5-reglement-2021-03.txt",
            Document::Aap6 => "docs/sources/texts/AAP6-cahier-des-charges-2022-01.txt",
            Document::Aac6 => "docs/sources/texts/AAC6-reglement-2022-03.txt",
            Document::Ami5bis => "docs/sources/texts/AMI5bis-reglement-2022-04.txt",
            Document::Aac6Plus => "docs/sources/texts/AAC6plus-prolongations-2023.txt",
            Document::Reg7 => "docs/sources/texts/REG7-reglement-provisoire-2024.txt",
            Document::Rapport => "docs/sources/texts/RAPPORT-analyse-2019.txt",
            Document::Chiffres => "docs/sources/texts/CHIFFRES-blog-2019-05-09.md",
            Document::Ing => "docs/sources/texts/ING-ingenierie-programme.md",
            Document::FaqAdm => "docs/sources/texts/FAQ-ADM-2021.yml",
            Document::FaqEig => "docs/sources/texts/FAQ-EIG-2021.yml",
            Document::PromotionsData => "crates/eig-history/data/promotions-data.json",
            Document::P6Post | Document::KeyFig => return None,
        })
    }
}

impl Document {
    /// Every abbreviation [`FromStr`] accepts: the `enum` of the JSON Schema.
    #[cfg(feature = "schemars")]
    fn abbreviations() -> Vec<&'static str> {
        Document::ALL.into_iter().map(Document::abbreviation).collect()
    }
}

impl fmt::Display for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.abbreviation())
    }
}

impl FromStr for Document {
    type Err = SourceError;

    fn from_str(input: &str) -> Result<Document, SourceError> {
        Document::ALL
            .into_iter()
            .find(|document| document.abbreviation() == input)
            .ok_or_else(|| SourceError::UnknownDocument { input: input.to_owned() })
    }
}

impl TryFrom<String> for Document {
    type Error = SourceError;

    fn try_from(value: String) -> Result<Document, SourceError> {
        value.parse()
    }
}

impl From<Document> for &'static str {
    fn from(document: Document) -> &'static str {
        document.abbreviation()
    }
}

/// A citation: a document and where in it (`§3.1.2`, `art. 4`, `annexe 3 art. 2`).
///
/// Displayed the way the rules catalogue cites it: `AAP3 §3.1.2`.
///
/// # Example
/// ```
/// use eig_domain::{Document, Source};
///
/// let source = Source::new(Document::Aap3, "§4.2");
/// assert_eq!(source.to_string(), "AAP3 §4.2");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document.
    pub document: Document,
    /// Where in the document (section, article, annex, page).
    pub locator: Cow<'static, str>,
}

impl Source {
    /// A citation of `document` at `locator`, usable in `const` tables.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Document, Source};
    ///
    /// const MISSION_LENGTH: Source = Source::new(Document::Aac3, "art. 2");
    /// assert_eq!(MISSION_LENGTH.to_string(), "AAC3 art. 2");
    /// assert_eq!(
    ///     serde_json::to_string(&MISSION_LENGTH)?,
    ///     r#"{"document":"AAC3","locator":"art. 2"}"#
    /// );
    /// assert_eq!(Source::new(Document::P6Post, "").to_string(), "P6POST");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub const fn new(document: Document, locator: &'static str) -> Source {
        Source { document, locator: Cow::Borrowed(locator) }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.locator.is_empty() {
            write!(f, "{}", self.document)
        } else {
            write!(f, "{} {}", self.document, self.locator)
        }
    }
}

/// A fact together with the text that states it.
///
/// # Example
/// ```
/// use eig_domain::{Document, Source, Sourced};
///
/// let months = Sourced::new(10_u8, Source::new(Document::Aac3, "art. 2"));
/// assert_eq!(months.value, 10);
/// assert_eq!(months.source.to_string(), "AAC3 art. 2");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    /// The fact.
    pub value: T,
    /// Where it is stated.
    pub source: Source,
}

impl<T> Sourced<T> {
    /// Pairs `value` with its `source`.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Document, Promotion, Source, Sourced};
    ///
    /// const EIG3_MONTHS: Sourced<u8> = Sourced::new(10, Source::new(Document::Aac3, "art. 2"));
    /// assert_eq!(Promotion::Eig3.facts().mission_length.unwrap().source, EIG3_MONTHS.source);
    /// assert_eq!(
    ///     serde_json::to_string(&EIG3_MONTHS)?,
    ///     r#"{"value":10,"source":{"document":"AAC3","locator":"art. 2"}}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub const fn new(value: T, source: Source) -> Sourced<T> {
        Sourced { value, source }
    }
}

/// Why a text does not name a source document.
///
/// # Example
/// ```
/// use eig_domain::{Document, SourceError};
///
/// let err = "AAP9".parse::<Document>().unwrap_err();
/// assert_eq!(err, SourceError::UnknownDocument { input: "AAP9".to_owned() });
/// assert_eq!(err.to_string(), r#""AAP9" n'est pas un document source connu : écrivez une abréviation de docs/sources.md, par ex. AAP3"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// Not one of the documents' abbreviations.
    #[error(
        "{} n'est pas un document source connu : écrivez une abréviation de docs/sources.md, par ex. AAP3",
        echo(input)
    )]
    UnknownDocument {
        /// The rejected text.
        input: String,
    },
}
