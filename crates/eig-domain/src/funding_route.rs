//! The routes by which a défi's talents can be paid: the vocabulary `eig-eligibility` decides
//! in and `eig-funding` computes from.

use serde::{Deserialize, Serialize};

/// How a défi's talents are paid.
///
/// Which route a dossier takes is decided by `eig-eligibility` (AAP3 §3.1, AAP4–AAP6 §3,
/// REG7 §1.2); the amounts each route yields are computed by `eig-funding`.
///
/// # Example
/// ```
/// use eig_domain::FundingRoute;
///
/// let route: FundingRoute = serde_json::from_str(r#""through_administrative_carrier""#)?;
/// assert!(route.is_cofinanced());
/// assert!(!FundingRoute::SelfFunded.is_cofinanced());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FundingRoute {
    /// The host itself signs the convention and receives the programme's money (EIG3: a
    /// ministry, AAP3 §3.1.1; EIG4–EIG6: an administration whose budget programme can receive
    /// titre 2 credits by décret de transfert, AAP4 §3.1).
    Direct,
    /// A *porteur administratif* (the host's ministry or another eligible administration)
    /// signs the convention and receives the money for the host (AAP3 §3.1.1–3.1.2;
    /// AAP4 §3.2).
    ThroughAdministrativeCarrier,
    /// *Délégation de gestion* on programme 352, the exception for the economic and financial
    /// ministries (AAP5 §3.1; AAC5 art. 2 fn. 1).
    DelegationOfManagement,
    /// Not co-financed by the programme: the host declares another source (AAP3 §3.1.2).
    AlternativeFunding,
    /// Self-funded (*autofinancement*) by the host, same obligations (AAP3 §3.1.3;
    /// AAP4–AAP6 §3.4).
    SelfFunded,
    /// The talents are employed and paid by DINUM on programme 352 (EIG7, REG7 §1.2).
    EmployedByDinum,
}

impl FundingRoute {
    /// Every funding route, in declaration order.
    ///
    /// # Example
    /// ```
    /// use eig_domain::FundingRoute;
    ///
    /// assert_eq!(FundingRoute::ALL.len(), 6);
    /// assert_eq!(FundingRoute::ALL[0], FundingRoute::Direct);
    /// ```
    pub const ALL: [FundingRoute; 6] = [
        FundingRoute::Direct,
        FundingRoute::ThroughAdministrativeCarrier,
        FundingRoute::DelegationOfManagement,
        FundingRoute::AlternativeFunding,
        FundingRoute::SelfFunded,
        FundingRoute::EmployedByDinum,
    ];

    /// Whether the programme pays part or all of the talents' cost on this route.
    ///
    /// # Example
    /// ```
    /// use eig_domain::FundingRoute;
    ///
    /// assert!(FundingRoute::EmployedByDinum.is_cofinanced());
    /// assert!(FundingRoute::DelegationOfManagement.is_cofinanced());
    /// assert!(!FundingRoute::AlternativeFunding.is_cofinanced());
    /// ```
    pub const fn is_cofinanced(self) -> bool {
        matches!(
            self,
            FundingRoute::Direct
                | FundingRoute::ThroughAdministrativeCarrier
                | FundingRoute::DelegationOfManagement
                | FundingRoute::EmployedByDinum
        )
    }

    /// The French name of the route.
    ///
    /// # Example
    /// ```
    /// use eig_domain::FundingRoute;
    ///
    /// assert_eq!(FundingRoute::DelegationOfManagement.french(), "délégation de gestion");
    /// assert_eq!(FundingRoute::SelfFunded.french(), "autofinancement");
    /// ```
    pub const fn french(self) -> &'static str {
        match self {
            FundingRoute::Direct => "cofinancement direct",
            FundingRoute::ThroughAdministrativeCarrier => {
                "cofinancement via un porteur administratif"
            }
            FundingRoute::DelegationOfManagement => "délégation de gestion",
            FundingRoute::AlternativeFunding => "financement alternatif",
            FundingRoute::SelfFunded => "autofinancement",
            FundingRoute::EmployedByDinum => "EIG recrutés et rémunérés par la DINUM",
        }
    }
}
