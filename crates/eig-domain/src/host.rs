//! Host administrations: their kinds as the calls name them, the two porteur roles, and their
//! official identifiers (SIREN, SIRET) and budget programmes.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

use crate::{echo::echo, id::Label};

/// The kind of organisation that hosts or carries a défi, as the calls list them.
///
/// AAP3 §3.1 lists « une administration de l'État (ministère, administration centrale,
/// opérateur sous tutelle, service déconcentré […]), ou une autorité administrative
/// indépendante, une collectivité territoriale, un établissement de santé »; AAP4 §2 fn. 4 repeats it. The
/// jurisdictions and other State bodies are hosts found in the programme's data
/// (`promotions-data.json`) that fit none of those words.
///
/// # Example
/// ```
/// use eig_domain::{HostKind, LocalAuthorityLevel};
///
/// let region = HostKind::LocalAuthority { level: LocalAuthorityLevel::Region };
/// assert!(!region.is_state_administration());
/// assert!(HostKind::StateOperator.is_state_administration());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum HostKind {
    /// A ministry (*ministère*).
    Ministry,
    /// A central administration of a ministry (*administration centrale*: direction générale,
    /// délégation, secrétariat général), including *services à compétence nationale*.
    CentralAdministration,
    /// A State operator or public establishment under a ministry's supervision (*opérateur
    /// sous tutelle*: établissement public, agence, GIP, caisse nationale).
    StateOperator,
    /// A deconcentrated State service (*service déconcentré*: préfecture, direction régionale,
    /// académie).
    DeconcentratedService,
    /// An independent administrative authority (*autorité administrative indépendante*).
    IndependentAuthority,
    /// A territorial authority (*collectivité territoriale*), with its level.
    LocalAuthority {
        /// Its level.
        level: LocalAuthorityLevel,
    },
    /// A health establishment (*établissement de santé*).
    HealthEstablishment,
    /// A court or financial jurisdiction (*juridiction*: Cour des comptes, Cour de cassation).
    Jurisdiction,
    /// Another State body (*autre organisme de l'État*: BSPP, Présidence de la République).
    OtherStateBody,
}

/// The JSON of a [`HostKind`] as it is read: serde's derive lets an internally tagged unit
/// variant (`{"kind": "ministry"}`) carry any other field unread; here every field but `kind`
/// and, for a local authority, `level` is refused, as the schema says
/// (`additionalProperties: false`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHostKind {
    kind: KindTag,
    level: Option<LocalAuthorityLevel>,
}

/// The values of `kind`.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum KindTag {
    Ministry,
    CentralAdministration,
    StateOperator,
    DeconcentratedService,
    IndependentAuthority,
    LocalAuthority,
    HealthEstablishment,
    Jurisdiction,
    OtherStateBody,
}

impl<'de> Deserialize<'de> for HostKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<HostKind, D::Error> {
        use serde::de::Error as _;
        let RawHostKind { kind, level } = RawHostKind::deserialize(deserializer)?;
        let unit = |kind: HostKind| match level {
            None => Ok(kind),
            Some(_) => Err(D::Error::unknown_field("level", &["kind"])),
        };
        match kind {
            KindTag::LocalAuthority => level
                .map(|level| HostKind::LocalAuthority { level })
                .ok_or_else(|| D::Error::missing_field("level")),
            KindTag::Ministry => unit(HostKind::Ministry),
            KindTag::CentralAdministration => unit(HostKind::CentralAdministration),
            KindTag::StateOperator => unit(HostKind::StateOperator),
            KindTag::DeconcentratedService => unit(HostKind::DeconcentratedService),
            KindTag::IndependentAuthority => unit(HostKind::IndependentAuthority),
            KindTag::HealthEstablishment => unit(HostKind::HealthEstablishment),
            KindTag::Jurisdiction => unit(HostKind::Jurisdiction),
            KindTag::OtherStateBody => unit(HostKind::OtherStateBody),
        }
    }
}

impl HostKind {
    /// Every kind of host, each local authority level included, in declaration order.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{HostKind, LocalAuthorityLevel};
    ///
    /// assert_eq!(HostKind::ALL.len(), 13);
    /// let local = HostKind::LocalAuthority { level: LocalAuthorityLevel::Municipality };
    /// assert!(HostKind::ALL.contains(&local));
    /// ```
    pub const ALL: [HostKind; 13] = [
        HostKind::Ministry,
        HostKind::CentralAdministration,
        HostKind::StateOperator,
        HostKind::DeconcentratedService,
        HostKind::IndependentAuthority,
        HostKind::LocalAuthority { level: LocalAuthorityLevel::Region },
        HostKind::LocalAuthority { level: LocalAuthorityLevel::Department },
        HostKind::LocalAuthority { level: LocalAuthorityLevel::Municipality },
        HostKind::LocalAuthority { level: LocalAuthorityLevel::SpecialStatus },
        HostKind::LocalAuthority { level: LocalAuthorityLevel::Intermunicipal },
        HostKind::HealthEstablishment,
        HostKind::Jurisdiction,
        HostKind::OtherStateBody,
    ];

    /// Whether the body belongs to the State administration as AAP3 §3.1 uses the words
    /// (« ministère, administration centrale, opérateur sous tutelle, service déconcentré »).
    ///
    /// This classifies; it decides no funding. Independent authorities, jurisdictions and
    /// other State bodies are outside that list.
    ///
    /// # Example
    /// ```
    /// use eig_domain::HostKind;
    ///
    /// assert!(HostKind::DeconcentratedService.is_state_administration());
    /// assert!(!HostKind::IndependentAuthority.is_state_administration());
    /// assert!(!HostKind::Jurisdiction.is_state_administration());
    /// ```
    pub const fn is_state_administration(self) -> bool {
        matches!(
            self,
            HostKind::Ministry
                | HostKind::CentralAdministration
                | HostKind::StateOperator
                | HostKind::DeconcentratedService
        )
    }

    /// Whether the body is a ministry or one of its central administrations, the bodies AAP3
    /// §3.1.1 names as receiving the programme's money themselves (« le ministère de tutelle
    /// … ou l'administration centrale dont dépend le service déconcentré »).
    ///
    /// This classifies; it decides no funding.
    ///
    /// # Example
    /// ```
    /// use eig_domain::HostKind;
    ///
    /// assert!(HostKind::CentralAdministration.is_ministry_or_central_administration());
    /// assert!(!HostKind::StateOperator.is_ministry_or_central_administration());
    /// ```
    pub const fn is_ministry_or_central_administration(self) -> bool {
        matches!(self, HostKind::Ministry | HostKind::CentralAdministration)
    }

    /// Whether the body is outside the State: a collectivité territoriale or an établissement
    /// de santé, which AAP3 §3.1 lists apart from « une administration de l'État » (and so does
    /// AAP4 §2 fn. 4). Such a body has no programme of the State budget.
    ///
    /// This classifies; it decides no funding.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{HostKind, LocalAuthorityLevel};
    ///
    /// assert!(HostKind::HealthEstablishment.is_outside_state());
    /// assert!(HostKind::LocalAuthority { level: LocalAuthorityLevel::Region }.is_outside_state());
    /// assert!(!HostKind::IndependentAuthority.is_outside_state());
    /// ```
    pub const fn is_outside_state(self) -> bool {
        matches!(self, HostKind::LocalAuthority { .. } | HostKind::HealthEstablishment)
    }

    /// The French name of the kind.
    ///
    /// # Example
    /// ```
    /// assert_eq!(eig_domain::HostKind::StateOperator.french(), "opérateur sous tutelle");
    /// ```
    pub const fn french(self) -> &'static str {
        match self {
            HostKind::Ministry => "ministère",
            HostKind::CentralAdministration => "administration centrale",
            HostKind::StateOperator => "opérateur sous tutelle",
            HostKind::DeconcentratedService => "service déconcentré",
            HostKind::IndependentAuthority => "autorité administrative indépendante",
            HostKind::LocalAuthority { .. } => "collectivité territoriale",
            HostKind::HealthEstablishment => "établissement de santé",
            HostKind::Jurisdiction => "juridiction",
            HostKind::OtherStateBody => "autre organisme de l'État",
        }
    }
}

/// The level of a *collectivité territoriale* (Constitution art. 72).
///
/// # Example
/// ```
/// use eig_domain::{HostKind, LocalAuthorityLevel};
///
/// let kind: HostKind =
///     serde_json::from_str(r#"{"kind": "local_authority", "level": "department"}"#)?;
/// assert_eq!(kind, HostKind::LocalAuthority { level: LocalAuthorityLevel::Department });
/// assert_eq!(kind.french(), "collectivité territoriale");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LocalAuthorityLevel {
    /// *Région*.
    Region,
    /// *Département*.
    Department,
    /// *Commune*.
    Municipality,
    /// *Collectivité à statut particulier* or overseas collectivité.
    SpecialStatus,
    /// A grouping of communes (*EPCI*), listed here because callers meet them as hosts even
    /// though they are not themselves collectivités territoriales.
    Intermunicipal,
}

impl LocalAuthorityLevel {
    /// Every level.
    ///
    /// # Example
    /// ```
    /// use eig_domain::LocalAuthorityLevel;
    ///
    /// assert_eq!(LocalAuthorityLevel::ALL.len(), 5);
    /// assert_eq!(LocalAuthorityLevel::ALL[0], LocalAuthorityLevel::Region);
    /// ```
    pub const ALL: [LocalAuthorityLevel; 5] = [
        LocalAuthorityLevel::Region,
        LocalAuthorityLevel::Department,
        LocalAuthorityLevel::Municipality,
        LocalAuthorityLevel::SpecialStatus,
        LocalAuthorityLevel::Intermunicipal,
    ];

    /// The level's French name, as the glossary writes it.
    ///
    /// # Example
    /// ```
    /// use eig_domain::LocalAuthorityLevel;
    ///
    /// assert_eq!(LocalAuthorityLevel::Municipality.french(), "commune");
    /// ```
    #[must_use]
    pub const fn french(self) -> &'static str {
        match self {
            LocalAuthorityLevel::Region => "région",
            LocalAuthorityLevel::Department => "département",
            LocalAuthorityLevel::Municipality => "commune",
            LocalAuthorityLevel::SpecialStatus => "collectivité à statut particulier",
            LocalAuthorityLevel::Intermunicipal => "intercommunalité",
        }
    }
}

/// An organisation that hosts or carries a défi.
///
/// # Example
/// ```
/// use eig_domain::{Host, HostKind};
///
/// let host: Host = serde_json::from_str(r#"{
///     "name": "Ministère de l'Intérieur",
///     "kind": {"kind": "ministry"},
///     "siren": "110014016"
/// }"#)?;
/// assert_eq!(host.kind, HostKind::Ministry);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Host {
    /// Its name.
    pub name: Label,
    /// Its kind.
    pub kind: HostKind,
    /// Its SIREN number, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub siren: Option<Siren>,
    /// The SIRET number of the establishment concerned, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub siret: Option<Siret>,
}

/// The two roles a défi's administrations play (AAP3 §3.1.1): the *porteur opérationnel*
/// hosts the talents; the *porteur administratif* signs the funding convention and receives
/// the money. When the second is absent the first plays both roles.
///
/// # Example
/// ```
/// use eig_domain::{Host, HostKind, HostRoles};
///
/// let operator = Host { name: "Météo-France".parse()?, kind: HostKind::StateOperator, siren: None, siret: None };
/// let roles = HostRoles { operational: operator, administrative: None };
/// assert_eq!(roles.paying().name.as_str(), "Météo-France");
/// # Ok::<(), eig_domain::TextError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HostRoles {
    /// *Porteur opérationnel*: the administration where the talents work.
    pub operational: Host,
    /// *Porteur administratif*: the administration that signs the convention and receives
    /// the funds, when it differs from the operational one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub administrative: Option<Host>,
}

impl Host {
    /// A host with its name and kind; SIREN and SIRET are added with [`Host::with_siren`] and
    /// [`Host::with_siret`].
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Host, HostKind};
    ///
    /// let host = Host::new("Météo-France".parse()?, HostKind::StateOperator);
    /// assert_eq!((host.name.as_str(), host.kind), ("Météo-France", HostKind::StateOperator));
    /// assert!(host.siren.is_none());
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    pub fn new(name: Label, kind: HostKind) -> Host {
        Host { name, kind, siren: None, siret: None }
    }

    /// The host with its SIREN number.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Host, HostKind};
    ///
    /// let host = Host::new("Ministère de l'Intérieur".parse()?, HostKind::Ministry)
    ///     .with_siren("110014016".parse()?);
    /// assert_eq!(host.siren.map(|siren| siren.to_string()).as_deref(), Some("110014016"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_siren(self, siren: Siren) -> Host {
        Host { siren: Some(siren), ..self }
    }

    /// The host with the SIRET number of the establishment concerned.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Host, HostKind};
    ///
    /// let host = Host::new("Ministère de l'Intérieur".parse()?, HostKind::Ministry)
    ///     .with_siret("11001401600015".parse()?);
    /// assert!(host.siret.is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_siret(self, siret: Siret) -> Host {
        Host { siret: Some(siret), ..self }
    }
}

impl HostRoles {
    /// The roles of a défi whose operational host also carries it administratively (no
    /// porteur administratif); add one with [`HostRoles::with_administrative`].
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Host, HostKind, HostRoles};
    ///
    /// let roles = HostRoles::new(Host::new("Ministère de la Culture".parse()?, HostKind::Ministry));
    /// assert!(roles.administrative.is_none());
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    pub fn new(operational: Host) -> HostRoles {
        HostRoles { operational, administrative: None }
    }

    /// The roles with `administrative` as porteur administratif.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Host, HostKind, HostRoles};
    ///
    /// let roles = HostRoles::new(Host::new("CHU (exemple)".parse()?, HostKind::HealthEstablishment))
    ///     .with_administrative(Host::new("Ministère de la Santé".parse()?, HostKind::Ministry));
    /// assert_eq!(roles.paying().kind, HostKind::Ministry);
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    #[must_use]
    pub fn with_administrative(self, administrative: Host) -> HostRoles {
        HostRoles { administrative: Some(administrative), ..self }
    }

    /// The administration that receives the money: the porteur administratif if named, the
    /// operational host otherwise.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{HostKind, HostRoles};
    ///
    /// let roles: HostRoles = serde_json::from_str(r#"{
    ///     "operational": {
    ///         "name": "Direction générale des Finances publiques",
    ///         "kind": {"kind": "central_administration"}
    ///     },
    ///     "administrative": {"name": "Ministère de l'Économie", "kind": {"kind": "ministry"}}
    /// }"#)?;
    /// assert_eq!(roles.paying().name.as_str(), "Ministère de l'Économie");
    /// assert_eq!(roles.paying().kind, HostKind::Ministry);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn paying(&self) -> &Host {
        self.administrative.as_ref().unwrap_or(&self.operational)
    }
}

/// Luhn checksum over ASCII digits.
fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(index, byte)| {
            let digit = u32::from(byte - b'0');
            if index % 2 == 1 {
                let doubled = digit * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                digit
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn check_digits(kind: &'static str, input: &str, len: usize) -> Result<(), IdentifierError> {
    if input.len() != len || !input.bytes().all(|b| b.is_ascii_digit()) {
        return Err(IdentifierError::Malformed { kind, input: input.to_owned(), digits: len });
    }
    Ok(())
}

/// The SIREN of La Poste, whose establishments' SIRET numbers follow another key.
const LA_POSTE_SIREN: &str = "356000000";

/// A SIREN number: 9 digits whose Luhn key is valid (INSEE's rule).
///
/// Its JSON Schema (feature `schemars`) requires the 9 digits and names the key's check as
/// the format `siren`, which JSON Schema cannot state: a validator that does not know the
/// format accepts a SIREN with a wrong key, which is refused on input.
///
/// # Example
/// ```
/// use eig_domain::Siren;
///
/// assert!("110014016".parse::<Siren>().is_ok());
/// assert!("110014017".parse::<Siren>().is_err()); // wrong key
/// assert!("11001401".parse::<Siren>().is_err()); // 8 digits
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(with = "String"))]
#[cfg_attr(feature = "schemars", schemars(extend("pattern" = "^[0-9]{9}$", "format" = "siren")))]
#[serde(try_from = "String", into = "String")]
pub struct Siren(String);

impl Siren {
    /// The nine digits.
    ///
    /// # Example
    /// ```
    /// let siren: eig_domain::Siren = "110014016".parse()?;
    /// assert_eq!(siren.as_str(), "110014016");
    /// # Ok::<(), eig_domain::IdentifierError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Siren {
    type Err = IdentifierError;

    fn from_str(input: &str) -> Result<Siren, IdentifierError> {
        check_digits("SIREN", input, 9)?;
        if !luhn_valid(input) {
            return Err(IdentifierError::BadKey { kind: "SIREN", input: input.to_owned() });
        }
        Ok(Siren(input.to_owned()))
    }
}

/// A SIRET number: 14 digits (the SIREN then 5 digits) whose Luhn key is valid, the SIREN
/// included. La Poste's establishments (SIREN 356 000 000) may use INSEE's other key
/// instead: the sum of the 14 digits is a multiple of 5 (its head office, 356 000 000 00048,
/// follows Luhn).
///
/// Its JSON Schema (feature `schemars`) requires the 14 digits and names the key's check as
/// the format `siret`, which JSON Schema cannot state: a validator that does not know the
/// format accepts a SIRET with a wrong key, which is refused on input.
///
/// # Example
/// ```
/// use eig_domain::Siret;
///
/// let siret: Siret = "11001401600015".parse()?;
/// assert_eq!(siret.siren().as_str(), "110014016");
/// assert!("11001401600016".parse::<Siret>().is_err());
/// # Ok::<(), eig_domain::IdentifierError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(with = "String"))]
#[cfg_attr(feature = "schemars", schemars(extend("pattern" = "^[0-9]{14}$", "format" = "siret")))]
#[serde(try_from = "String", into = "String")]
pub struct Siret(String);

impl Siret {
    /// The fourteen digits.
    ///
    /// # Example
    /// ```
    /// let siret: eig_domain::Siret = "11001401600015".parse()?;
    /// assert_eq!(siret.as_str(), "11001401600015");
    /// assert_eq!(siret.as_str().len(), 14);
    /// # Ok::<(), eig_domain::IdentifierError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The SIREN of the organisation the establishment belongs to.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Siret;
    ///
    /// // An establishment of La Poste, whose SIRET follows the other key.
    /// let siret: Siret = "35600000049837".parse()?;
    /// assert_eq!(siret.siren().as_str(), "356000000");
    /// # Ok::<(), eig_domain::IdentifierError>(())
    /// ```
    pub fn siren(&self) -> Siren {
        Siren(self.0[..9].to_owned())
    }
}

impl FromStr for Siret {
    type Err = IdentifierError;

    fn from_str(input: &str) -> Result<Siret, IdentifierError> {
        check_digits("SIRET", input, 14)?;
        let luhn = luhn_valid(input) && luhn_valid(&input[..9]);
        let la_poste = input.starts_with(LA_POSTE_SIREN)
            && input.bytes().map(|b| u32::from(b - b'0')).sum::<u32>().is_multiple_of(5);
        let valid = luhn || la_poste;
        if !valid {
            return Err(IdentifierError::BadKey { kind: "SIRET", input: input.to_owned() });
        }
        Ok(Siret(input.to_owned()))
    }
}

/// A State budget programme (*programme budgétaire* of the LOLF), by its number: 100–999
/// (e.g. 352, « Innovation et transformation numériques » (AAP5 §3.1), which funds EIG from
/// 2020 — AAP4 §1).
///
/// # Example
/// ```
/// use eig_domain::BudgetProgramme;
///
/// assert_eq!("352".parse::<BudgetProgramme>()?.number(), 352);
/// assert!("35".parse::<BudgetProgramme>().is_err());
/// # Ok::<(), eig_domain::IdentifierError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(with = "String"))]
#[cfg_attr(feature = "schemars", schemars(extend("pattern" = "^[1-9][0-9]{2}$")))]
#[serde(try_from = "String", into = "String")]
pub struct BudgetProgramme(u16);

impl BudgetProgramme {
    /// Programme 352, which funds EIG from 2020 (AAP4 §1; REG7 §1.2).
    ///
    /// # Example
    /// ```
    /// use eig_domain::BudgetProgramme;
    ///
    /// assert_eq!("352".parse::<BudgetProgramme>()?, BudgetProgramme::P352);
    /// assert_eq!(serde_json::to_string(&BudgetProgramme::P352).unwrap(), r#""352""#);
    /// # Ok::<(), eig_domain::IdentifierError>(())
    /// ```
    pub const P352: BudgetProgramme = BudgetProgramme(352);

    /// The programme number.
    ///
    /// # Example
    /// ```
    /// assert_eq!(eig_domain::BudgetProgramme::P352.number(), 352);
    /// ```
    pub const fn number(self) -> u16 {
        self.0
    }
}

impl FromStr for BudgetProgramme {
    type Err = IdentifierError;

    fn from_str(input: &str) -> Result<BudgetProgramme, IdentifierError> {
        check_digits("numéro de programme budgétaire", input, 3)?;
        match input.parse::<u16>() {
            Ok(number) if number >= 100 => Ok(BudgetProgramme(number)),
            _ => Err(IdentifierError::Malformed {
                kind: "numéro de programme budgétaire",
                input: input.to_owned(),
                digits: 3,
            }),
        }
    }
}

macro_rules! string_conversions {
    ($($name:ident),*) => {$(
        impl TryFrom<String> for $name {
            type Error = IdentifierError;

            fn try_from(value: String) -> Result<$name, IdentifierError> {
                value.parse()
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.to_string()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }
    )*};
}

string_conversions!(Siren, Siret, BudgetProgramme);

/// Why a text is not a valid SIREN, SIRET or budget programme number.
///
/// # Example
/// ```
/// use eig_domain::{IdentifierError, Siren};
///
/// let err = "110014017".parse::<Siren>().unwrap_err();
/// assert!(matches!(err, IdentifierError::BadKey { kind: "SIREN", .. }));
/// assert_eq!(err.to_string(), r#"SIREN "110014017" : la clé de contrôle est fausse, vérifiez le numéro"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdentifierError {
    /// Not the right number of digits, or not only digits.
    #[error(
        "{kind} {} : ce ne sont pas {digits} chiffres, écrivez ses {digits} chiffres sans espace",
        echo(input)
    )]
    Malformed {
        /// SIREN, SIRET or budget programme.
        kind: &'static str,
        /// The rejected text.
        input: String,
        /// How many digits are expected.
        digits: usize,
    },
    /// The check key is wrong.
    #[error("{kind} {} : la clé de contrôle est fausse, vérifiez le numéro", echo(input))]
    BadKey {
        /// SIREN or SIRET.
        kind: &'static str,
        /// The rejected text.
        input: String,
    },
}

#[cfg(test)]
mod kind_tests {
    use super::*;

    #[test]
    fn a_kind_carries_no_field_but_its_own() {
        let read = |json: &str| serde_json::from_str::<HostKind>(json).map_err(|e| e.to_string());
        assert_eq!(read(r#"{"kind": "ministry"}"#), Ok(HostKind::Ministry));
        assert_eq!(
            read(r#"{"kind": "local_authority", "level": "region"}"#),
            Ok(HostKind::LocalAuthority { level: LocalAuthorityLevel::Region })
        );
        for wrong in [
            r#"{"kind": "independent_authority", "x": {}}"#,
            r#"{"kind": "ministry", "level": "region"}"#,
            r#"{"kind": "local_authority", "level": "region", "x": 1}"#,
            r#"{"kind": "local_authority"}"#,
            r#"{"kind": "nowhere"}"#,
        ] {
            assert!(read(wrong).is_err(), "{wrong} was read");
        }
    }
}
