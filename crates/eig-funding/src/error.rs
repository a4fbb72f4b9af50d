//! The errors of the crate: [`SplitError`] for the arithmetic, [`FundingError`] for a plan
//! that cannot be computed from its inputs. An envelope exceeded is not an error: it is an
//! [`EnvelopeOutcome`](crate::EnvelopeOutcome).

use eig_domain::{CandidateId, DefiId, FundingRoute, HostKind, MoneyError, Promotion, Source};

use crate::parameter::ParameterId;

/// Why a split or an allocation cannot be computed.
///
/// # Example
/// ```
/// use eig_domain::Euros;
/// use eig_funding::{SplitError, split_evenly};
///
/// assert_eq!(split_evenly(Euros::from_whole(1), 0), Err(SplitError::NoParts));
/// assert_eq!(
///     SplitError::NoParts.to_string(),
///     "impossible de partager en zéro part : demandez au moins une part"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SplitError {
    /// Zero parts were asked for.
    #[error("impossible de partager en zéro part : demandez au moins une part")]
    NoParts,
    /// All weights are zero.
    #[error("la somme des poids est nulle : donnez au moins un poids positif")]
    ZeroWeights,
    /// A fraction with a zero denominator.
    #[error("fraction de dénominateur nul : donnez un dénominateur positif")]
    ZeroDenominator,
    /// A fraction above one would give a part larger than the total.
    #[error(
        "la fraction {numerator}/{denominator} dépasse un : une part ne peut dépasser le total"
    )]
    FractionAboveOne {
        /// The numerator.
        numerator: u64,
        /// The denominator.
        denominator: u64,
    },
    /// An intermediate value leaves 128 bits.
    #[error(
        "dépassement de capacité dans le calcul : {operation} dépasse 128 bits, les montants ou les poids sont trop grands"
    )]
    Overflow {
        /// Which operation overflowed.
        operation: &'static str,
    },
}

/// Why a funding plan cannot be computed from its inputs.
///
/// # Example
/// ```
/// use eig_domain::{FundingRoute, Promotion};
/// use eig_funding::FundingError;
///
/// let err = FundingError::RouteNotOpen {
///     defi: "d1".parse()?,
///     promotion: Promotion::Eig7,
///     route: FundingRoute::Direct,
/// };
/// assert!(err.to_string().starts_with(
///     "défi d1 : la voie \"cofinancement direct\" n'est pas ouverte en EIG7 : "
/// ));
/// assert_eq!(err.defi().map(ToString::to_string).as_deref(), Some("d1"));
/// # Ok::<(), eig_domain::TextError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FundingError {
    /// No source states how this promotion's talents were co-financed (DIG1).
    #[error(
        "aucune source ne dit comment les talents de la promotion {promotion} étaient cofinancés : \
         aucun plan de financement ne peut être calculé pour cette promotion"
    )]
    NoRuleStated {
        /// The promotion.
        promotion: Promotion,
    },
    /// The route does not exist in this promotion (e.g. a PIA route in EIG7, where DINUM
    /// employs every talent).
    #[error(
        "défi {defi} : la voie \"{}\" n'est pas ouverte en {promotion} : donnez une voie que la promotion ouvre (docs/rules/funding.md)",
        route.french()
    )]
    RouteNotOpen {
        /// The défi.
        defi: DefiId,
        /// The promotion.
        promotion: Promotion,
        /// The route.
        route: FundingRoute,
    },
    /// The route is not one the texts open to the défi's host (a collectivité territoriale
    /// on `cofinancement direct` in EIG3: AAP3 §3.1.1 « seul un ministère est éligible à un
    /// financement direct »).
    #[error(
        "défi {defi} : la voie \"{}\" n'est pas ouverte à un porteur opérationnel de type \"{}\" en {promotion} ({stated_in}) : donnez une autre voie, par ex. par un porteur administratif",
        route.french(),
        host.french()
    )]
    RouteNotOpenToHost {
        /// The défi.
        defi: DefiId,
        /// The promotion.
        promotion: Promotion,
        /// The route.
        route: FundingRoute,
        /// The kind of the défi's porteur opérationnel.
        host: HostKind,
        /// The text that closes the route to that host.
        stated_in: Source,
    },
    /// The route goes through a porteur administratif and none is named.
    #[error(
        "défi {defi} : la voie \"{}\" demande le nom du porteur administratif : donnez-le (administrative_carrier)",
        FundingRoute::ThroughAdministrativeCarrier.french()
    )]
    AdministrativeCarrierMissing {
        /// The défi.
        defi: DefiId,
    },
    /// More talents than the promotion's teams count.
    #[error(
        "défi {defi} : {} alors qu'une équipe en compte au plus {max} en {promotion} ({stated_in}) : le talent {talent} est de trop, retirez-le",
        plural(*talents, "talent", "talents")
    )]
    TeamTooLarge {
        /// The défi.
        defi: DefiId,
        /// The first talent beyond the bound.
        talent: CandidateId,
        /// The promotion.
        promotion: Promotion,
        /// Talents given.
        talents: usize,
        /// The most a team counts.
        max: u8,
        /// The text that states the bound.
        stated_in: Source,
    },
    /// A talent appears twice in the input (in one défi or in two).
    #[error(
        "le talent {talent} est compté deux fois, dans le défi {first} et dans le défi {defi} : retirez-en un, ou donnez à l'autre talent son propre identifiant"
    )]
    TalentRepeated {
        /// The défi where it appears again.
        defi: DefiId,
        /// The talent.
        talent: CandidateId,
        /// The défi where it appears first.
        first: DefiId,
    },
    /// A défi appears twice in a promotion's input.
    #[error(
        "le défi {defi} figure deux fois dans les données de la promotion : retirez-en un, ou donnez à l'autre défi son propre identifiant"
    )]
    DefiRepeated {
        /// The défi.
        defi: DefiId,
    },
    /// A talent's employer cost is needed and no documented reference applies.
    #[error(
        "talent {talent} du défi {defi} : le coût total employeur est nécessaire ({why}) : donnez-le (employer_cost)"
    )]
    EmployerCostNeeded {
        /// The défi.
        defi: DefiId,
        /// The talent.
        talent: CandidateId,
        /// Why the reference cost does not apply.
        why: &'static str,
    },
    /// A talent's experience is needed to read the pay grid.
    #[error(
        "talent {talent} du défi {defi} : l'expérience est nécessaire pour lire la grille de rémunération de la promotion {promotion} : donnez-la en mois (experience)"
    )]
    ExperienceNeeded {
        /// The défi.
        defi: DefiId,
        /// The talent.
        talent: CandidateId,
        /// The promotion.
        promotion: Promotion,
    },
    /// The contract length is neither given nor stated for the promotion (DIG1: 6–12 months).
    #[error(
        "défi {defi} : la durée du contrat est nécessaire ({promotion} n'en fixe pas) : donnez-la en mois (contract_months)"
    )]
    ContractLengthNeeded {
        /// The défi.
        defi: DefiId,
        /// The promotion.
        promotion: Promotion,
    },
    /// A contract of zero months.
    #[error("défi {defi} : un contrat de 0 mois : donnez au moins 1 dans contract_months")]
    ZeroMonthContract {
        /// The défi.
        defi: DefiId,
    },
    /// Months worked beyond the contract.
    #[error(
        "talent {talent} du défi {defi} : {months_worked} mois travaillés pour un contrat de {contract_months} mois : donnez au plus {contract_months} mois travaillés"
    )]
    MonthsOutOfRange {
        /// The défi.
        defi: DefiId,
        /// The talent.
        talent: CandidateId,
        /// Months worked.
        months_worked: u8,
        /// Contract length.
        contract_months: u8,
    },
    /// A parameter has no value for this promotion (and no override gives one).
    #[error(
        "le paramètre {id} n'a pas de valeur pour {promotion} : donnez-en une dans les paramètres (overrides)"
    )]
    ParameterMissing {
        /// The parameter.
        id: ParameterId,
        /// The promotion.
        promotion: Promotion,
    },
    /// A parameter holds a value of the wrong kind (an override of the wrong type).
    #[error(
        "le paramètre {id} de la promotion {promotion} contient {found} au lieu d'{expected} : donnez {expected}"
    )]
    ParameterKind {
        /// The parameter.
        id: ParameterId,
        /// The promotion.
        promotion: Promotion,
        /// The expected kind.
        expected: &'static str,
        /// The kind found.
        found: &'static str,
    },
    /// A sum or product of amounts overflowed (without a place: [`FundingError::Overflow`]
    /// names the défi or the promotion's totals).
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// A sum, product or split of a défi's amounts, or of the promotion's totals, left the
    /// range of exact amounts: the amounts given are far too large.
    #[error(
        "{} : les montants donnés sont trop grands pour être calculés exactement ({}) : vérifiez les coûts employeur",
        match defi { Some(defi) => format!("défi {defi}"), None => "totaux de la promotion".to_owned() },
        overflow_detail(source)
    )]
    Overflow {
        /// The défi whose plan overflowed; `None` for the promotion's totals and envelope.
        defi: Option<DefiId>,
        /// The arithmetic error ([`FundingError::Money`] or [`FundingError::Split`]).
        source: Box<FundingError>,
    },
    /// A split failed.
    #[error(transparent)]
    Split(#[from] SplitError),
    /// The events of a payment calendar date a transfer that does not wait for one: a défi
    /// absent from the plan, without programme money, or whose transfer no text dates; or
    /// (`defi: None`) a décret de transfert in a plan that transfers nothing by décret.
    #[error(
        "{} : retirez cette date des événements (events)",
        match defi {
            Some(defi) => format!("défi {defi} : aucun versement du programme n'attend d'événement daté pour ce défi (absent du plan, sans argent du programme, ou versement qu'aucun texte ne date)"),
            None => "aucun versement de ce plan ne passe par un décret de transfert".to_owned(),
        }
    )]
    NoTransferToDate {
        /// The défi dated; `None` for the décret's day.
        defi: Option<DefiId>,
    },
}

/// What overflowed, in a few words (`dépassement de capacité dans une addition`).
fn overflow_detail(source: &FundingError) -> String {
    match source {
        FundingError::Money(MoneyError::Overflow { operation }) => {
            format!("dépassement de capacité dans une {operation}")
        }
        FundingError::Split(SplitError::Overflow { operation }) => {
            format!("dépassement de capacité dans {operation}")
        }
        other => other.to_string(),
    }
}

/// `n` with the singular or plural noun.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n > 1 { many } else { one })
}

impl SplitError {
    /// The error's kind as a stable `snake_case` name, independent of the message's wording
    /// (the `code` of the command's and the service's errors).
    ///
    /// # Example
    /// ```
    /// assert_eq!(eig_funding::SplitError::NoParts.code(), "no_parts");
    /// ```
    pub const fn code(&self) -> &'static str {
        match self {
            SplitError::NoParts => "no_parts",
            SplitError::ZeroWeights => "zero_weights",
            SplitError::ZeroDenominator => "zero_denominator",
            SplitError::FractionAboveOne { .. } => "fraction_above_one",
            SplitError::Overflow { .. } => "overflow",
        }
    }
}

impl FundingError {
    /// The error's kind as a stable `snake_case` name, independent of the message's wording
    /// (the `code` of the command's and the service's errors; docs/errors.md lists them).
    ///
    /// # Example
    /// ```
    /// use eig_domain::{FundingRoute, Promotion};
    /// use eig_funding::FundingError;
    ///
    /// let err = FundingError::RouteNotOpen {
    ///     defi: "d1".parse()?,
    ///     promotion: Promotion::Eig7,
    ///     route: FundingRoute::Direct,
    /// };
    /// assert_eq!(err.code(), "route_not_open");
    /// # Ok::<(), eig_domain::TextError>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            FundingError::NoRuleStated { .. } => "no_rule_stated",
            FundingError::RouteNotOpen { .. } => "route_not_open",
            FundingError::RouteNotOpenToHost { .. } => "route_not_open_to_host",
            FundingError::AdministrativeCarrierMissing { .. } => "administrative_carrier_missing",
            FundingError::TeamTooLarge { .. } => "team_too_large",
            FundingError::TalentRepeated { .. } => "talent_repeated",
            FundingError::DefiRepeated { .. } => "defi_repeated",
            FundingError::EmployerCostNeeded { .. } => "employer_cost_needed",
            FundingError::ExperienceNeeded { .. } => "experience_needed",
            FundingError::ContractLengthNeeded { .. } => "contract_length_needed",
            FundingError::ZeroMonthContract { .. } => "zero_month_contract",
            FundingError::MonthsOutOfRange { .. } => "months_out_of_range",
            FundingError::ParameterMissing { .. } => "parameter_missing",
            FundingError::ParameterKind { .. } => "parameter_kind",
            FundingError::Money(_) | FundingError::Overflow { .. } => "overflow",
            FundingError::Split(split) => split.code(),
            FundingError::NoTransferToDate { .. } => "no_transfer_to_date",
        }
    }

    /// The défi the error is about, when it is about one.
    pub fn defi(&self) -> Option<&DefiId> {
        match self {
            FundingError::RouteNotOpen { defi, .. }
            | FundingError::RouteNotOpenToHost { defi, .. }
            | FundingError::AdministrativeCarrierMissing { defi }
            | FundingError::TeamTooLarge { defi, .. }
            | FundingError::TalentRepeated { defi, .. }
            | FundingError::DefiRepeated { defi }
            | FundingError::EmployerCostNeeded { defi, .. }
            | FundingError::ExperienceNeeded { defi, .. }
            | FundingError::ContractLengthNeeded { defi, .. }
            | FundingError::MonthsOutOfRange { defi, .. }
            | FundingError::ZeroMonthContract { defi } => Some(defi),
            FundingError::Overflow { defi, .. } | FundingError::NoTransferToDate { defi } => {
                defi.as_ref()
            }
            _ => None,
        }
    }

    /// Names the place of an arithmetic error: `defi`, or the promotion's totals (`None`).
    pub(crate) fn at(self, defi: Option<&DefiId>) -> FundingError {
        match self {
            FundingError::Money(_) | FundingError::Split(_) => {
                FundingError::Overflow { defi: defi.cloned(), source: Box::new(self) }
            }
            other => other,
        }
    }
}
