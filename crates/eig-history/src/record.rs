//! One défi record of the embedded file, with the file's own classifications.

use eig_domain::{HostKind, Label, Promotion, TalentProfile};
use serde::{Deserialize, Serialize};

/// A défi as the programme's site data records it.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_history::{DefiRecord, RecordedHostKind, RecordedProfile};
///
/// let record: DefiRecord = serde_json::from_str(r#"{
///   "promotion": "EIG 1", "promotion_year_start": 2017, "defi": "AFD - Geodata",
///   "host_administration": "Agence Française de Développement",
///   "host_kind": "operateur_etablissement_public", "host_kind_is_inference": true,
///   "programme_internal_defi": false, "n_talents": 1, "talent_profiles": ["developer"],
///   "skills_tagged_on_site": ["dev"], "duration_months": 10, "location": null,
///   "funding_note": null, "note": null,
///   "sources": [
///     "github:entrepreneur-interet-general/site-eig@bc2afe522b1f:_data/defis.yml",
///     "github:entrepreneur-interet-general/site-eig@bc2afe522b1f:_data/personnes.yml"
///   ]
/// }"#)?;
/// assert_eq!(record.promotion, Promotion::Eig1);
/// assert_eq!(record.host_kind, RecordedHostKind::StateOperator);
/// assert_eq!(record.talents, 1);
/// assert_eq!(record.profiles, [RecordedProfile::Developer]);
/// assert_eq!(record, eig_history::History::embedded().defis()[0]);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DefiRecord {
    /// The promotion.
    pub promotion: Promotion,
    /// The year its missions started.
    #[serde(rename = "promotion_year_start")]
    pub year_start: i32,
    /// Its title.
    #[serde(rename = "defi")]
    pub title: Label,
    /// The host administration(s), as written on the site.
    pub host_administration: Label,
    /// The kind of host, as classified when the file was compiled.
    pub host_kind: RecordedHostKind,
    /// Whether `host_kind` is the compiler's inference (it always is: no source states it).
    pub host_kind_is_inference: bool,
    /// Whether the défi is run by the programme itself (EIG Link, EIG Coach).
    #[serde(rename = "programme_internal_defi")]
    pub programme_internal: bool,
    /// How many talents worked on it.
    #[serde(rename = "n_talents")]
    pub talents: u8,
    /// Their profiles, as normalised from the site's job titles (may be shorter than
    /// `talents` where the site names fewer people).
    #[serde(rename = "talent_profiles")]
    pub profiles: Vec<RecordedProfile>,
    /// Skills tagged on the site, verbatim.
    #[serde(rename = "skills_tagged_on_site")]
    pub skills_tagged: Option<Vec<String>>,
    /// Mission length in months.
    pub duration_months: u8,
    /// Town, when given.
    pub location: Option<String>,
    /// A note on funding (e.g. self-funded), when the sources give one.
    pub funding_note: Option<String>,
    /// A note of the compiler.
    pub note: Option<String>,
    /// Where the record comes from (`github:owner/repo@commit:path`).
    pub sources: Vec<String>,
}

/// The host kinds the embedded file uses (its `host_kind_values`).
///
/// # Example
/// ```
/// use eig_history::RecordedHostKind;
///
/// let kind: RecordedHostKind = serde_json::from_str(r#""ministere_administration_centrale""#)?;
/// assert_eq!(kind, RecordedHostKind::MinistryOrCentralAdministration);
/// assert_eq!(serde_json::to_string(&RecordedHostKind::OtherStateBody)?, r#""autre_etat""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecordedHostKind {
    /// Ministry, central directorate, interministerial delegation, service à compétence
    /// nationale.
    #[serde(rename = "ministere_administration_centrale")]
    MinistryOrCentralAdministration,
    /// State operator, public establishment, agency, GIP, caisse nationale.
    #[serde(rename = "operateur_etablissement_public")]
    StateOperator,
    /// Regional or departmental State service.
    #[serde(rename = "service_deconcentre")]
    DeconcentratedService,
    /// Independent administrative authority.
    #[serde(rename = "autorite_independante")]
    IndependentAuthority,
    /// Cour des comptes, Cour de cassation.
    #[serde(rename = "juridiction")]
    Jurisdiction,
    /// Collectivité territoriale (none in the data).
    #[serde(rename = "collectivite_territoriale")]
    LocalAuthority,
    /// Établissement de santé (none in the data).
    #[serde(rename = "etablissement_de_sante")]
    HealthEstablishment,
    /// Other State body (BSPP, Présidence de la République).
    #[serde(rename = "autre_etat")]
    OtherStateBody,
}

impl RecordedHostKind {
    /// The vocabulary's kinds this classification may stand for (the file merges ministries
    /// and central administrations, and records no collectivité level).
    ///
    /// # Example
    /// ```
    /// use eig_domain::HostKind;
    /// use eig_history::RecordedHostKind;
    ///
    /// assert_eq!(
    ///     RecordedHostKind::MinistryOrCentralAdministration.host_kinds(),
    ///     [HostKind::Ministry, HostKind::CentralAdministration]
    /// );
    /// ```
    pub fn host_kinds(self) -> Vec<HostKind> {
        match self {
            RecordedHostKind::MinistryOrCentralAdministration => {
                vec![HostKind::Ministry, HostKind::CentralAdministration]
            }
            RecordedHostKind::StateOperator => vec![HostKind::StateOperator],
            RecordedHostKind::DeconcentratedService => vec![HostKind::DeconcentratedService],
            RecordedHostKind::IndependentAuthority => vec![HostKind::IndependentAuthority],
            RecordedHostKind::Jurisdiction => vec![HostKind::Jurisdiction],
            RecordedHostKind::LocalAuthority => eig_domain::LocalAuthorityLevel::ALL
                .into_iter()
                .map(|level| HostKind::LocalAuthority { level })
                .collect(),
            RecordedHostKind::HealthEstablishment => vec![HostKind::HealthEstablishment],
            RecordedHostKind::OtherStateBody => vec![HostKind::OtherStateBody],
        }
    }
}

/// The talent profiles the embedded file uses.
///
/// # Example
/// ```
/// use eig_history::RecordedProfile;
///
/// let profile: RecordedProfile = serde_json::from_str(r#""data_scientist+geomatician""#)?;
/// assert_eq!(profile, RecordedProfile::DataScientistGeomatician);
/// let coach = serde_json::to_string(&RecordedProfile::CoachServiceDesign)?;
/// assert_eq!(coach, r#""coach_service_design""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecordedProfile {
    /// Developer.
    Developer,
    /// Designer.
    Designer,
    /// Data scientist.
    DataScientist,
    /// Data engineer.
    DataEngineer,
    /// Digital-law jurist.
    DigitalLawJurist,
    /// Data scientist and geomatician (one EIG4 talent).
    #[serde(rename = "data_scientist+geomatician")]
    DataScientistGeomatician,
    /// EIG coach specialised in data engineering (EIG6 Magellan).
    CoachDataEngineering,
    /// EIG coach specialised in service design (EIG6 Magellan).
    CoachServiceDesign,
    /// Product director (EIG7).
    ProductDirector,
    /// Technical director (EIG7).
    TechnicalDirector,
    /// Impact director (EIG7).
    ImpactDirector,
    /// Operations director (EIG7).
    OperationsDirector,
}

impl RecordedProfile {
    /// The vocabulary's profiles this record stands for.
    ///
    /// # Example
    /// ```
    /// use eig_domain::TalentProfile;
    /// use eig_history::RecordedProfile;
    ///
    /// assert_eq!(
    ///     RecordedProfile::DataScientistGeomatician.talent_profiles(),
    ///     [TalentProfile::DataScientist, TalentProfile::Geomatician]
    /// );
    /// ```
    pub fn talent_profiles(self) -> Vec<TalentProfile> {
        match self {
            RecordedProfile::Developer => vec![TalentProfile::Developer],
            RecordedProfile::Designer => vec![TalentProfile::Designer],
            RecordedProfile::DataScientist => vec![TalentProfile::DataScientist],
            RecordedProfile::DataEngineer => vec![TalentProfile::DataEngineer],
            RecordedProfile::DigitalLawJurist => vec![TalentProfile::DigitalLawJurist],
            RecordedProfile::DataScientistGeomatician => {
                vec![TalentProfile::DataScientist, TalentProfile::Geomatician]
            }
            RecordedProfile::CoachDataEngineering => {
                vec![TalentProfile::Coach, TalentProfile::DataEngineer]
            }
            RecordedProfile::CoachServiceDesign => {
                vec![TalentProfile::Coach, TalentProfile::Designer]
            }
            RecordedProfile::ProductDirector => vec![TalentProfile::ProductDirector],
            RecordedProfile::TechnicalDirector => vec![TalentProfile::TechnicalDirector],
            RecordedProfile::ImpactDirector => vec![TalentProfile::ImpactDirector],
            RecordedProfile::OperationsDirector => vec![TalentProfile::OperationsDirector],
        }
    }
}
