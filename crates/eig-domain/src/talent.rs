//! Talents: their profiles, their experience, and the facts about a candidate that the
//! eligibility rules read. No personal data: a candidate is an opaque id and facts.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{experience::Experience, id::CandidateId, promotion::Promotion};

/// A talent profile, as the calls name them.
///
/// EIG2–EIG4 recruit developers, data scientists and designers (AAC2 art. 3; AAP4 §2, which
/// adds data engineering and geomatics); EIG5 adds digital-law jurists (AAP5 §2); EIG6 has
/// EIG coaches (AAP6 §4.2.2); EIG7 recruits product, technical and impact directors
/// (REG7 §2.2).
///
/// # Example
/// ```
/// use eig_domain::TalentProfile;
///
/// let profile: TalentProfile = serde_json::from_str(r#""data_scientist""#)?;
/// assert_eq!(profile, TalentProfile::DataScientist);
/// assert_eq!(profile.french(), "data scientist");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TalentProfile {
    /// Software or web developer (*développeur·se*).
    Developer,
    /// Data scientist.
    DataScientist,
    /// Data engineer.
    DataEngineer,
    /// Designer (service, UX, UI).
    Designer,
    /// Geomatician (*géomaticien·ne*).
    Geomatician,
    /// Digital-law jurist (*juriste du numérique*), from EIG5.
    DigitalLawJurist,
    /// EIG coach (*Coach EIG*, défi Magellan), EIG6.
    Coach,
    /// Product director (*directeur·rice de produit*), EIG7.
    ProductDirector,
    /// Technical director (*directeur·rice technique*), EIG7.
    TechnicalDirector,
    /// Impact director (*directeur·rice de l'impact*), EIG7.
    ImpactDirector,
    /// Operations director (*directeur·rice des opérations*), EIG7.
    OperationsDirector,
}

impl TalentProfile {
    /// Every profile, in declaration order.
    ///
    /// # Example
    /// ```
    /// use eig_domain::TalentProfile;
    ///
    /// assert_eq!(TalentProfile::ALL.len(), 11);
    /// assert_eq!(TalentProfile::ALL[0], TalentProfile::Developer);
    /// assert!(TalentProfile::ALL.windows(2).all(|pair| pair[0] < pair[1]));
    /// ```
    pub const ALL: [TalentProfile; 11] = [
        TalentProfile::Developer,
        TalentProfile::DataScientist,
        TalentProfile::DataEngineer,
        TalentProfile::Designer,
        TalentProfile::Geomatician,
        TalentProfile::DigitalLawJurist,
        TalentProfile::Coach,
        TalentProfile::ProductDirector,
        TalentProfile::TechnicalDirector,
        TalentProfile::ImpactDirector,
        TalentProfile::OperationsDirector,
    ];

    /// The French name of the profile.
    ///
    /// # Example
    /// ```
    /// use eig_domain::TalentProfile;
    ///
    /// assert_eq!(TalentProfile::Geomatician.french(), "géomaticien·ne");
    /// assert_eq!(TalentProfile::ImpactDirector.to_string(), "directeur·rice de l'impact");
    /// ```
    pub const fn french(self) -> &'static str {
        match self {
            TalentProfile::Developer => "développeur·se",
            TalentProfile::DataScientist => "data scientist",
            TalentProfile::DataEngineer => "data engineer",
            TalentProfile::Designer => "designer",
            TalentProfile::Geomatician => "géomaticien·ne",
            TalentProfile::DigitalLawJurist => "juriste du numérique",
            TalentProfile::Coach => "coach EIG",
            TalentProfile::ProductDirector => "directeur·rice de produit",
            TalentProfile::TechnicalDirector => "directeur·rice technique",
            TalentProfile::ImpactDirector => "directeur·rice de l'impact",
            TalentProfile::OperationsDirector => "directeur·rice des opérations",
        }
    }
}

impl fmt::Display for TalentProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.french())
    }
}

/// Whether the applicant is a natural person (AAC2 art. 4: « personne physique »).
///
/// # Example
/// ```
/// use eig_domain::PersonKind;
///
/// assert_eq!(serde_json::from_str::<PersonKind>(r#""natural""#)?, PersonKind::Natural);
/// assert_eq!(serde_json::to_string(&PersonKind::Legal)?, r#""legal""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PersonKind {
    /// A natural person (*personne physique*).
    Natural,
    /// A legal person (*personne morale*): a company, an association.
    Legal,
}

/// The applicant's relation to the civil service, as the exclusion of « fonctionnaires ou
/// assimilés … en poste » needs it (AAC3 art. 4; AAC5 art. 3).
///
/// # Example
/// ```
/// use eig_domain::CivilService;
///
/// let leaving: CivilService =
///     serde_json::from_str(r#"{"status": "in_post", "last_day_in_post": "2022-09-11"}"#)?;
/// assert!(matches!(leaving, CivilService::InPost { last_day_in_post: Some(_) }));
/// let staying = CivilService::InPost { last_day_in_post: None };
/// assert_eq!(serde_json::to_string(&staying)?, r#"{"status":"in_post"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum CivilService {
    /// Not a civil servant (*fonctionnaire*) nor assimilated.
    NotCivilServant,
    /// A civil servant or assimilated, in post (*en poste*).
    InPost {
        /// The last day in post, when a departure is planned (end of contract, disponibilité
        /// starting the next day); `None` when none is planned.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_day_in_post: Option<NaiveDate>,
    },
    /// A civil servant not in post (*en disponibilité*, on leave without pay).
    NotInPost,
}

/// The applicant's studies, as the student exclusions need them (AAC2 art. 4 « actuellement
/// en scolarité »; AAC3 art. 4; AAC4 art. 4 « en scolarité dans les deux premiers cycles
/// universitaires »).
///
/// # Example
/// ```
/// use eig_domain::{Studies, StudyLevel};
///
/// let studies: Studies =
///     serde_json::from_str(r#"{"status": "enrolled", "level": "first_or_second_cycle"}"#)?;
/// let level = StudyLevel::FirstOrSecondCycle;
/// assert_eq!(studies, Studies::Enrolled { level, last_day: None });
/// assert_eq!(serde_json::to_string(&Studies::NotStudying)?, r#"{"status":"not_studying"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Studies {
    /// Not studying.
    NotStudying,
    /// Enrolled in studies.
    Enrolled {
        /// Which studies.
        level: StudyLevel,
        /// The last day of the studies, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_day: Option<NaiveDate>,
    },
}

/// The JSON of a [`CivilService`] or [`Studies`] as it is read: serde's derive lets an
/// internally tagged unit variant (`{"status": "not_civil_servant"}`) carry any other field
/// unread; here every field a status does not have is refused, as the schema says
/// (`additionalProperties: false`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCivilService {
    status: CivilServiceTag,
    #[serde(default)]
    last_day_in_post: Option<NaiveDate>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum CivilServiceTag {
    NotCivilServant,
    InPost,
    NotInPost,
}

impl<'de> Deserialize<'de> for CivilService {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<CivilService, D::Error> {
        use serde::de::Error as _;
        let RawCivilService { status, last_day_in_post } =
            RawCivilService::deserialize(deserializer)?;
        let unit = |status: CivilService| match last_day_in_post {
            None => Ok(status),
            Some(_) => Err(D::Error::unknown_field("last_day_in_post", &["status"])),
        };
        match status {
            CivilServiceTag::InPost => Ok(CivilService::InPost { last_day_in_post }),
            CivilServiceTag::NotCivilServant => unit(CivilService::NotCivilServant),
            CivilServiceTag::NotInPost => unit(CivilService::NotInPost),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStudies {
    status: StudiesTag,
    #[serde(default)]
    level: Option<StudyLevel>,
    #[serde(default)]
    last_day: Option<NaiveDate>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum StudiesTag {
    NotStudying,
    Enrolled,
}

impl<'de> Deserialize<'de> for Studies {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Studies, D::Error> {
        use serde::de::Error as _;
        let RawStudies { status, level, last_day } = RawStudies::deserialize(deserializer)?;
        match status {
            StudiesTag::Enrolled => level
                .map(|level| Studies::Enrolled { level, last_day })
                .ok_or_else(|| D::Error::missing_field("level")),
            StudiesTag::NotStudying => match (level, last_day) {
                (None, None) => Ok(Studies::NotStudying),
                (Some(_), _) => Err(D::Error::unknown_field("level", &["status"])),
                (None, Some(_)) => Err(D::Error::unknown_field("last_day", &["status"])),
            },
        }
    }
}

/// A level of studies.
///
/// # Example
/// ```
/// use eig_domain::StudyLevel;
///
/// assert_eq!(serde_json::from_str::<StudyLevel>(r#""third_cycle""#)?, StudyLevel::ThirdCycle);
/// assert!(serde_json::from_str::<StudyLevel>(r#""doctorate""#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StudyLevel {
    /// Secondary school or other schooling outside university.
    School,
    /// First or second university cycle (licence, master, or equivalent school).
    FirstOrSecondCycle,
    /// Third university cycle (doctorate).
    ThirdCycle,
    /// Apprenticeship (*apprentissage*, *alternance*).
    Apprenticeship,
}

/// A past participation in the programme as a talent.
///
/// # Example
/// ```
/// use eig_domain::{PastParticipation, Promotion};
///
/// let past: PastParticipation =
///     serde_json::from_str(r#"{"promotion": "EIG5", "as_coach": true}"#)?;
/// assert_eq!(past, PastParticipation { promotion: Promotion::Eig5, as_coach: true });
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PastParticipation {
    /// The promotion.
    pub promotion: Promotion,
    /// Whether the talent was an EIG coach in that promotion. `eig-eligibility` reads AAC6
    /// art. 3 (« hormis les EIG Coachs ») as the post applied for (the candidate's profile),
    /// since EIG5 had no coach posts; this flag is reported, not used to except
    /// (`docs/rules/assumptions.md`).
    pub as_coach: bool,
}

/// The facts about a candidate that the eligibility rules read. `None` means not supplied:
/// a rule that needs it reports the missing input rather than guessing.
///
/// # Example
/// ```
/// use eig_domain::{CandidateStatus, PersonKind};
///
/// let status = CandidateStatus { person: Some(PersonKind::Natural), ..CandidateStatus::default() };
/// assert!(status.jury_member.is_none());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CandidateStatus {
    /// Natural or legal person.
    #[serde(default)]
    pub person: Option<PersonKind>,
    /// Relation to the civil service.
    #[serde(default)]
    pub civil_service: Option<CivilService>,
    /// Whether the candidate sits on the selection jury or is one of its experts.
    #[serde(default)]
    pub jury_member: Option<bool>,
    /// Studies.
    #[serde(default)]
    pub studies: Option<Studies>,
    /// Past participations in the programme as a talent (empty list: none).
    #[serde(default)]
    pub past_participations: Option<Vec<PastParticipation>>,
}

/// A candidate to a promotion: an opaque id, a profile, experience and status facts.
///
/// # Example
/// ```
/// use eig_domain::{Candidate, TalentProfile};
///
/// let candidate: Candidate = serde_json::from_str(r#"{
///     "id": "c-1", "profile": "designer", "experience_months": 66
/// }"#)?;
/// assert_eq!(candidate.profile, TalentProfile::Designer);
/// assert_eq!(candidate.experience.map(|e| e.months()), Some(66));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// Opaque identifier.
    pub id: CandidateId,
    /// The profile applied for.
    pub profile: TalentProfile,
    /// Professional experience, when given.
    #[serde(default, rename = "experience_months", skip_serializing_if = "Option::is_none")]
    pub experience: Option<Experience>,
    /// Status facts for eligibility.
    #[serde(default)]
    pub status: CandidateStatus,
}

impl CandidateStatus {
    /// The status with the kind of person given.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{CandidateStatus, CivilService, PersonKind, Studies};
    ///
    /// let status = CandidateStatus::default()
    ///     .with_person(PersonKind::Natural)
    ///     .with_civil_service(CivilService::NotCivilServant)
    ///     .with_jury_member(false)
    ///     .with_studies(Studies::NotStudying)
    ///     .with_past_participations([]);
    /// assert_eq!(status.person, Some(PersonKind::Natural));
    /// assert_eq!(status.past_participations, Some(Vec::new()));
    /// ```
    #[must_use]
    pub fn with_person(self, person: PersonKind) -> CandidateStatus {
        CandidateStatus { person: Some(person), ..self }
    }

    /// The status with the relation to the civil service given.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{CandidateStatus, CivilService};
    ///
    /// let status = CandidateStatus::default().with_civil_service(CivilService::NotCivilServant);
    /// assert_eq!(status.civil_service, Some(CivilService::NotCivilServant));
    /// ```
    #[must_use]
    pub fn with_civil_service(self, civil_service: CivilService) -> CandidateStatus {
        CandidateStatus { civil_service: Some(civil_service), ..self }
    }

    /// The status saying whether the candidate sits on the jury.
    ///
    /// # Example
    /// ```
    /// use eig_domain::CandidateStatus;
    ///
    /// assert_eq!(CandidateStatus::default().with_jury_member(true).jury_member, Some(true));
    /// ```
    #[must_use]
    pub fn with_jury_member(self, jury_member: bool) -> CandidateStatus {
        CandidateStatus { jury_member: Some(jury_member), ..self }
    }

    /// The status with the studies given.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{CandidateStatus, Studies};
    ///
    /// let status = CandidateStatus::default().with_studies(Studies::NotStudying);
    /// assert_eq!(status.studies, Some(Studies::NotStudying));
    /// ```
    #[must_use]
    pub fn with_studies(self, studies: Studies) -> CandidateStatus {
        CandidateStatus { studies: Some(studies), ..self }
    }

    /// The status with the past participations given (none: an empty list).
    ///
    /// # Example
    /// ```
    /// use eig_domain::{CandidateStatus, PastParticipation, Promotion};
    ///
    /// let past = PastParticipation { promotion: Promotion::Eig5, as_coach: false };
    /// let status = CandidateStatus::default().with_past_participations([past]);
    /// assert_eq!(status.past_participations.map(|p| p.len()), Some(1));
    /// ```
    #[must_use]
    pub fn with_past_participations(
        self,
        past: impl IntoIterator<Item = PastParticipation>,
    ) -> CandidateStatus {
        CandidateStatus { past_participations: Some(past.into_iter().collect()), ..self }
    }
}

impl Candidate {
    /// A candidate with an id and a profile; experience and status facts are added with
    /// [`Candidate::with_experience`] and [`Candidate::with_status`].
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Candidate, Experience, TalentProfile};
    ///
    /// let candidate = Candidate::new("c-1".parse()?, TalentProfile::Designer)
    ///     .with_experience(Experience::from_years(6));
    /// assert_eq!(candidate.experience.map(|e| e.months()), Some(72));
    /// assert!(candidate.status.person.is_none());
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    pub fn new(id: CandidateId, profile: TalentProfile) -> Candidate {
        Candidate { id, profile, experience: None, status: CandidateStatus::default() }
    }

    /// The candidate with their professional experience.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Candidate, Experience, TalentProfile};
    ///
    /// let candidate = Candidate::new("c-1".parse()?, TalentProfile::Developer)
    ///     .with_experience(Experience::from_months(61));
    /// assert_eq!(candidate.experience, Some(Experience::from_months(61)));
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    #[must_use]
    pub fn with_experience(self, experience: Experience) -> Candidate {
        Candidate { experience: Some(experience), ..self }
    }

    /// The candidate with their status facts.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Candidate, CandidateStatus, PersonKind, TalentProfile};
    ///
    /// let candidate = Candidate::new("c-1".parse()?, TalentProfile::Developer)
    ///     .with_status(CandidateStatus::default().with_person(PersonKind::Natural));
    /// assert_eq!(candidate.status.person, Some(PersonKind::Natural));
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    #[must_use]
    pub fn with_status(self, status: CandidateStatus) -> Candidate {
        Candidate { status, ..self }
    }
}
