//! Défis (from EIG5, *projets*): what a host proposes, the team it asks for, the people who
//! back it and the commitments it makes.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::{
    host::HostRoles,
    id::{DefiId, Label},
    promotion::Promotion,
    talent::TalentProfile,
};

/// One seat of a requested team: the profile sought.
///
/// # Example
/// ```
/// use eig_domain::{Seat, TalentProfile};
/// let seat = Seat { profile: TalentProfile::Designer };
/// assert_eq!(serde_json::to_string(&seat)?, r#"{"profile":"designer"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Seat {
    /// The profile sought.
    pub profile: TalentProfile,
}

/// A person who backs a défi, by role, as each promotion names the roles.
///
/// EIG3: a *mentor opérationnel* and a *mentor de haut niveau* (AAP3 §2.2); EIG4: one or two
/// mentors opérationnels and a mentor de haut niveau (AAP4 §2); EIG5: one or two *porteurs de
/// projet* and a mentor de haut niveau (AAP5 §2); EIG6: a porteur de projet and a *sponsor*
/// (AAP6 §2); EIG7: a *sponsor de haut niveau* (REG7 §3.4).
///
/// # Example
/// ```
/// use eig_domain::SupportRole;
///
/// let role: SupportRole = serde_json::from_str(r#""high_level_mentor""#)?;
/// assert_eq!(role, SupportRole::HighLevelMentor);
/// assert_eq!(serde_json::to_string(&SupportRole::ProjectLead)?, r#""project_lead""#);
/// assert!(serde_json::from_str::<SupportRole>(r#""mentor""#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SupportRole {
    /// *Mentor opérationnel* (EIG2–EIG4): supervises the talents day to day.
    OperationalMentor,
    /// *Mentor de haut niveau* / *mentor stratégique* (EIG2–EIG5): takes the strategic
    /// decisions.
    HighLevelMentor,
    /// *Porteur de projet* (EIG5–EIG6): the operational lead, renamed from mentor opérationnel.
    ProjectLead,
    /// *Sponsor* (EIG6) or *sponsor de haut niveau* (EIG7).
    Sponsor,
}

impl SupportRole {
    /// Every role, in declaration order.
    ///
    /// # Example
    /// ```
    /// use eig_domain::SupportRole;
    ///
    /// assert_eq!(SupportRole::ALL.len(), 4);
    /// ```
    pub const ALL: [SupportRole; 4] = [
        SupportRole::OperationalMentor,
        SupportRole::HighLevelMentor,
        SupportRole::ProjectLead,
        SupportRole::Sponsor,
    ];

    /// The French name of the role, as the calls for défis write it (docs/glossary.md).
    ///
    /// # Example
    /// ```
    /// use eig_domain::SupportRole;
    ///
    /// assert_eq!(SupportRole::ProjectLead.french(), "porteur de projet");
    /// ```
    pub const fn french(self) -> &'static str {
        match self {
            SupportRole::OperationalMentor => "mentor opérationnel",
            SupportRole::HighLevelMentor => "mentor de haut niveau",
            SupportRole::ProjectLead => "porteur de projet",
            SupportRole::Sponsor => "sponsor",
        }
    }
}

/// A commitment a host attests in its dossier or makes as a laureate (AAP3 §2.3–2.5 and
/// annexe 2; AAP4–AAP6 §4.3–4.5 and their annexes; REG7 §3.4).
///
/// # Example
/// ```
/// use eig_domain::Commitment;
///
/// let commitment: Commitment = serde_json::from_str(r#""open_source_and_open_data""#)?;
/// assert_eq!(commitment, Commitment::OpenSourceAndOpenData);
/// assert_eq!(serde_json::to_string(&Commitment::TwelveMonthBudget)?, r#""twelve_month_budget""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Commitment {
    /// Let the talents work *hors les murs* and travel.
    WorkOutsideWalls,
    /// Publish code under a free licence (open source) and data as open data.
    OpenSourceAndOpenData,
    /// Give the talents the data and the technical environment they need.
    DataAccess,
    /// Obtain the data-use authorisations before the start (from EIG4).
    DataUseAuthorisation,
    /// Digital accessibility of what is built (from EIG4).
    DigitalAccessibility,
    /// Take part in the programme's accompaniment sessions.
    Accompaniment,
    /// Pay the travel costs of talents living outside Île-de-France (EIG6).
    TravelCosts,
    /// A plan to continue and industrialise the results (*pérennisation*).
    SustainabilityPlan,
    /// A dedicated budget for the service for the next 12 months (EIG7).
    TwelveMonthBudget,
    /// Accept two days a week of telework (EIG7).
    PartialTelework,
    /// Put the talents in touch with the users of what they build and the relevant
    /// interlocutors (AAP5–AAP6 §4.3: « mettre les EIG en lien avec les usagers des outils
    /// produits et les interlocuteurs pertinents »), from EIG5.
    ConnectWithUsers,
    /// Build on the State's shared technology components (AAP4–AAP6 §4.3: « capitaliser sur
    /// les briques technologiques mutualisées »; AAP3 §2.3: « capitaliser sur les briques
    /// technologiques mises à disposition des administrations »).
    ReuseSharedComponents,
    // Last: variants added after 0.1.0 go at the end, keeping the others' discriminants.
    // The other items of REG7 §3.4 c (« l’administration partenaire s’engage à : »), EIG7.
    /// Place the talents in the host service's organisation chart as functional N-1 of the
    /// service's sponsor (REG7 §3.4 c: « Intégrer les EIG à l’organigramme du service
    /// d’accueil, en tant que N-1 fonctionnel du (ou de la) sponsor du service numérique »).
    FunctionalReportingLine,
    /// Put the talents in touch with the human resources in their first week (REG7 §3.4 c:
    /// « Mettre en relation les EIG avec les ressources humaines de l’administration
    /// partenaire dès la première semaine de leur mission »).
    HumanResourcesInFirstWeek,
    /// Put the talents in touch with the technical services in their first week, for
    /// licences, information systems and data (REG7 §3.4 c: « Mettre en relation les EIG avec
    /// les services techniques de l’administration partenaire dès la première semaine de leur
    /// mission »).
    TechnicalServicesInFirstWeek,
    /// Access to the premises as agents, and fixed desks (REG7 §3.4 c: « Leur fournir une
    /// autorisation d’accès aux locaux du service, au même titre que les agent(e)s »).
    PremisesAccess,
    /// Access to the staff canteen at the agents' rate (REG7 §3.4 c: « Leur fournir un droit
    /// d’accès aux services de restauration collective à un tarif équivalent à celui des
    /// agent(e)s »).
    CanteenAccess,
    /// Accept occasional work at DINUM's incubator and contributions to DINUM's events and
    /// projects (REG7 §3.4 c: « Accepter le travail ponctuel des EIG au sein des locaux de
    /// l’Incubateur de services numériques de la DINUM »).
    DinumIncubatorWork,
}

impl Commitment {
    /// Every commitment, in declaration order.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Commitment;
    ///
    /// assert_eq!(Commitment::ALL.len(), 18);
    /// assert_eq!(Commitment::ALL[0], Commitment::WorkOutsideWalls);
    /// ```
    pub const ALL: [Commitment; 18] = [
        Commitment::WorkOutsideWalls,
        Commitment::OpenSourceAndOpenData,
        Commitment::DataAccess,
        Commitment::DataUseAuthorisation,
        Commitment::DigitalAccessibility,
        Commitment::Accompaniment,
        Commitment::TravelCosts,
        Commitment::SustainabilityPlan,
        Commitment::TwelveMonthBudget,
        Commitment::PartialTelework,
        Commitment::ConnectWithUsers,
        Commitment::ReuseSharedComponents,
        Commitment::FunctionalReportingLine,
        Commitment::HumanResourcesInFirstWeek,
        Commitment::TechnicalServicesInFirstWeek,
        Commitment::PremisesAccess,
        Commitment::CanteenAccess,
        Commitment::DinumIncubatorWork,
    ];

    /// The French name of the commitment, as the rules' explanations write it.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Commitment;
    ///
    /// assert_eq!(Commitment::DigitalAccessibility.french(), "accessibilité numérique");
    /// ```
    pub const fn french(self) -> &'static str {
        match self {
            Commitment::WorkOutsideWalls => "travail hors les murs",
            Commitment::OpenSourceAndOpenData => "code sous licence libre et données ouvertes",
            Commitment::DataAccess => "accès aux données et à l'environnement technique",
            Commitment::DataUseAuthorisation => "autorisations d'exploitation des données",
            Commitment::DigitalAccessibility => "accessibilité numérique",
            Commitment::Accompaniment => "participation au programme d'accompagnement",
            Commitment::TravelCosts => "prise en charge des frais de déplacement",
            Commitment::SustainabilityPlan => "plan de pérennisation",
            Commitment::TwelveMonthBudget => "budget dédié pour les 12 mois à venir",
            Commitment::ConnectWithUsers => "mise en lien des EIG avec les usagers",
            Commitment::ReuseSharedComponents => {
                "capitalisation sur les briques technologiques mutualisées"
            }
            Commitment::PartialTelework => "télétravail partiel",
            Commitment::FunctionalReportingLine => {
                "EIG intégrés à l'organigramme en N-1 fonctionnel du sponsor"
            }
            Commitment::HumanResourcesInFirstWeek => {
                "mise en relation avec les ressources humaines dès la première semaine"
            }
            Commitment::TechnicalServicesInFirstWeek => {
                "mise en relation avec les services techniques dès la première semaine"
            }
            Commitment::PremisesAccess => "accès aux locaux au même titre que les agents",
            Commitment::CanteenAccess => "restauration collective au tarif des agents",
            Commitment::DinumIncubatorWork => "travail ponctuel à l'Incubateur de la DINUM accepté",
        }
    }
}

/// A défi proposed by a host administration.
///
/// The team is a list of seats; how many seats a promotion allows is a rule of
/// `eig-eligibility`, so any list is accepted here.
///
/// # Example
/// ```
/// use eig_domain::{Defi, Promotion};
///
/// let defi: Defi = serde_json::from_str(r#"{
///   "id": "eig3-ia-flash",
///   "title": "IA Flash",
///   "promotion": "EIG3",
///   "hosts": {"operational": {"name": "Ministère de l'Intérieur", "kind": {"kind": "ministry"}}},
///   "team": [{"profile": "data_scientist"}, {"profile": "data_scientist"}],
///   "support": ["operational_mentor", "high_level_mentor"],
///   "commitments": ["open_source_and_open_data", "work_outside_walls", "data_access"]
/// }"#)?;
/// assert_eq!(defi.promotion, Promotion::Eig3);
/// assert_eq!(defi.team.len(), 2);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Defi {
    /// Identifier.
    pub id: DefiId,
    /// Title.
    pub title: Label,
    /// The promotion it applies to.
    pub promotion: Promotion,
    /// Its porteur opérationnel and, if different, porteur administratif.
    pub hosts: HostRoles,
    /// The requested team, one seat per talent.
    pub team: Vec<Seat>,
    /// The people who back it, by role (one entry per person).
    #[serde(default)]
    pub support: Vec<SupportRole>,
    /// The commitments attested.
    // Each once: a commitment written twice is refused, not merged (`uniqueItems`).
    #[serde(default, deserialize_with = "distinct")]
    #[cfg_attr(feature = "schemars", schemars(with = "BTreeSet<Commitment>"))]
    pub commitments: BTreeSet<Commitment>,
}

/// A set read from a JSON array whose items are distinct: an item written twice is an error
/// (never silently merged into one).
fn distinct<'de, D, T>(deserializer: D) -> Result<BTreeSet<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Ord,
{
    let items = Vec::<T>::deserialize(deserializer)?;
    let count = items.len();
    let set: BTreeSet<T> = items.into_iter().collect();
    if set.len() == count {
        Ok(set)
    } else {
        Err(serde::de::Error::custom(
            "un même engagement est écrit deux fois : écrivez chaque engagement une seule fois",
        ))
    }
}

impl Defi {
    /// A défi with its required fields; `team` lists one profile per seat. Support roles and
    /// commitments are added with [`Defi::with_support`] and [`Defi::with_commitments`].
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion, TalentProfile};
    ///
    /// let hosts = HostRoles::new(Host::new("Ministère de l'Intérieur".parse()?, HostKind::Ministry));
    /// let defi = Defi::new("eig3-ia".parse()?, "IA".parse()?, Promotion::Eig3, hosts,
    ///     [TalentProfile::DataScientist, TalentProfile::Developer]);
    /// assert_eq!(defi.team.len(), 2);
    /// assert!(defi.support.is_empty() && defi.commitments.is_empty());
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    pub fn new(
        id: DefiId,
        title: Label,
        promotion: Promotion,
        hosts: HostRoles,
        team: impl IntoIterator<Item = TalentProfile>,
    ) -> Defi {
        Defi {
            id,
            title,
            promotion,
            hosts,
            team: team.into_iter().map(|profile| Seat { profile }).collect(),
            support: Vec::new(),
            commitments: BTreeSet::new(),
        }
    }

    /// The défi with these support roles added (one entry per person).
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Defi, Host, HostKind, HostRoles, Promotion, SupportRole, TalentProfile};
    ///
    /// let hosts = HostRoles::new(Host::new("Ministère".parse()?, HostKind::Ministry));
    /// let defi = Defi::new("d1".parse()?, "Défi".parse()?, Promotion::Eig3, hosts, [TalentProfile::Designer])
    ///     .with_support([SupportRole::OperationalMentor, SupportRole::HighLevelMentor]);
    /// assert_eq!(defi.support.len(), 2);
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    #[must_use]
    pub fn with_support(mut self, roles: impl IntoIterator<Item = SupportRole>) -> Defi {
        self.support.extend(roles);
        self
    }

    /// The défi with these commitments attested.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Commitment, Defi, Host, HostKind, HostRoles, Promotion, TalentProfile};
    ///
    /// let hosts = HostRoles::new(Host::new("Ministère".parse()?, HostKind::Ministry));
    /// let defi = Defi::new("d1".parse()?, "Défi".parse()?, Promotion::Eig3, hosts, [TalentProfile::Designer])
    ///     .with_commitments([Commitment::DataAccess, Commitment::OpenSourceAndOpenData]);
    /// assert!(defi.commitments.contains(&Commitment::DataAccess));
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    #[must_use]
    pub fn with_commitments(mut self, commitments: impl IntoIterator<Item = Commitment>) -> Defi {
        self.commitments.extend(commitments);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Commitment::ALL` holds every variant once, in order: a new variant that is not in it
    /// fails to compile here (the match has no catch-all).
    #[test]
    fn every_commitment_is_in_all() {
        let position = |commitment: Commitment| match commitment {
            Commitment::WorkOutsideWalls => 0,
            Commitment::OpenSourceAndOpenData => 1,
            Commitment::DataAccess => 2,
            Commitment::DataUseAuthorisation => 3,
            Commitment::DigitalAccessibility => 4,
            Commitment::Accompaniment => 5,
            Commitment::TravelCosts => 6,
            Commitment::SustainabilityPlan => 7,
            Commitment::TwelveMonthBudget => 8,
            Commitment::PartialTelework => 9,
            Commitment::ConnectWithUsers => 10,
            Commitment::ReuseSharedComponents => 11,
            Commitment::FunctionalReportingLine => 12,
            Commitment::HumanResourcesInFirstWeek => 13,
            Commitment::TechnicalServicesInFirstWeek => 14,
            Commitment::PremisesAccess => 15,
            Commitment::CanteenAccess => 16,
            Commitment::DinumIncubatorWork => 17,
        };
        for (index, commitment) in Commitment::ALL.into_iter().enumerate() {
            assert_eq!(position(commitment), index);
        }
    }

    #[test]
    fn a_commitment_written_twice_is_refused_not_merged() {
        let defi = |commitments: &str| {
            serde_json::from_str::<Defi>(&format!(
                r#"{{"id": "eig3-x", "title": "X", "promotion": "EIG3",
                    "hosts": {{"operational": {{"name": "Ministère", "kind": {{"kind": "ministry"}}}}}},
                    "team": [], "commitments": {commitments}}}"#
            ))
        };
        let once = defi(r#"["data_access", "accompaniment"]"#).unwrap();
        assert_eq!(once.commitments.len(), 2);
        let err = defi(r#"["data_access", "data_access"]"#).unwrap_err().to_string();
        assert!(err.starts_with("un même engagement est écrit deux fois"), "{err}");
    }
}
