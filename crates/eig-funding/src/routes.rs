//! Which funding routes a promotion opens. A module of its own, which imports nothing of the
//! crate: the plans check a route with it, and the rules' applicability reads it.

use eig_domain::{FundingRoute, Promotion};

/// Whether `route` exists in `promotion`, the check every plan makes first: PIA routes in
/// EIG1–EIG3 (AAP3 §3.1), programme 352 routes in EIG4–EIG6, the délégation de gestion only
/// in EIG4 and EIG5 (AAP5 §3.1 names it; EIG4 by interpretation of AAC4 art. 2 fn. 2), only
/// DINUM employment in EIG7 (REG7 §1.2).
///
/// # Example
/// ```
/// use eig_domain::{FundingRoute, Promotion};
/// use eig_funding::route_is_open;
///
/// assert!(route_is_open(Promotion::Eig5, FundingRoute::DelegationOfManagement));
/// assert!(!route_is_open(Promotion::Eig6, FundingRoute::DelegationOfManagement));
/// assert!(!route_is_open(Promotion::Eig7, FundingRoute::Direct));
/// ```
pub fn route_is_open(promotion: Promotion, route: FundingRoute) -> bool {
    match route {
        FundingRoute::EmployedByDinum => promotion == Promotion::Eig7,
        _ if promotion == Promotion::Eig7 => false,
        FundingRoute::DelegationOfManagement => {
            matches!(promotion, Promotion::Eig4 | Promotion::Eig5)
        }
        FundingRoute::Direct
        | FundingRoute::ThroughAdministrativeCarrier
        | FundingRoute::AlternativeFunding
        | FundingRoute::SelfFunded => true,
        _ => false,
    }
}
