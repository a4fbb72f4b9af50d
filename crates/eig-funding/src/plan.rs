//! The plan: per talent and per défi, who pays what, by which rule and parameters; a monthly
//! schedule; the promotion's totals against its envelope.

use std::{collections::BTreeMap, fmt};

use chrono::NaiveDate;
use eig_domain::{
    CandidateId, DateRange, DefiId, Euros, FundingRoute, Label, Promotion, Share, Source,
};
use serde::Serialize;

use crate::{
    input::{EnvelopePolicy, Phase},
    parameter::UsedParameter,
    rule::RuleId,
    split::RoundingRule,
};

/// Who pays.
///
/// The *porteur administratif* is not a payer: it receives the programme's money and passes
/// it on to the host (AAP3 §3.1.1: « le conventionnement avec la CDC et le transfert des
/// fonds vers le porteur opérationnel »); a part it receives says so in [`Part::through`].
///
/// # Example
/// ```
/// use eig_funding::Payer;
///
/// assert_eq!(Payer::PiaThroughCdc.to_string(), "PIA (versé par la CDC)");
/// assert_eq!(serde_json::to_string(&Payer::Programme352)?, r#""programme352""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Payer {
    /// The PIA, paid by the Caisse des dépôts (EIG1–EIG3, AAP3 §1).
    PiaThroughCdc,
    /// Budget programme 352, by décret de transfert (EIG4–EIG6) or délégation de gestion
    /// (EIG5, AAP5 §3.1; EIG4 by interpretation of AAC4 art. 2 fn. 2).
    Programme352,
    /// DINUM as employer, on programme 352 (EIG7, REG7 §1.2).
    Dinum,
    /// The host administration (*porteur opérationnel*).
    Host,
    /// A source outside the programme (AAP3 §3.1.2: « financement alternatif »).
    AlternativeSource,
}

impl Payer {
    /// Every payer, in the order of [`Payer`].
    ///
    /// # Example
    /// ```
    /// use eig_funding::Payer;
    ///
    /// assert_eq!(Payer::ALL.len(), 5);
    /// assert_eq!(Payer::ALL[0], Payer::PiaThroughCdc);
    /// ```
    pub const ALL: [Payer; 5] = [
        Payer::PiaThroughCdc,
        Payer::Programme352,
        Payer::Dinum,
        Payer::Host,
        Payer::AlternativeSource,
    ];

    /// The French name.
    ///
    /// # Example
    /// ```
    /// use eig_funding::Payer;
    ///
    /// assert_eq!(Payer::Host.french(), "administration d'accueil");
    /// ```
    pub const fn french(self) -> &'static str {
        match self {
            Payer::PiaThroughCdc => "PIA (versé par la CDC)",
            Payer::Programme352 => "programme 352",
            Payer::Dinum => "DINUM (programme 352)",
            Payer::Host => "administration d'accueil",
            Payer::AlternativeSource => "financement alternatif",
        }
    }
}

impl Payer {
    /// Every payer a plan of `promotion` names, in the order of [`Payer`]: its totals carry
    /// each of them, at zero when it pays nothing, so that every plan of a promotion shows
    /// the same payers.
    ///
    /// EIG1–EIG3: the PIA (AAP3 §3.1.1), the host and an alternative source (AAP3 §3.1.2);
    /// EIG4–EIG6: programme 352 (AAP4–AAP6 §3.3), the host and an alternative source
    /// (AAP4–AAP6 §3.2); EIG7: DINUM (REG7 §1.2) and the host (whose part is nil when DINUM
    /// pays all); DIG1, whose co-financing no source states: the host and an alternative
    /// source. A payer that a scenario brings into a promotion (a prolongation's programme 352
    /// where the official rules give none) is added to the totals of the plans that use it.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_funding::Payer;
    ///
    /// assert_eq!(Payer::of_promotion(Promotion::Eig3),
    ///     [Payer::PiaThroughCdc, Payer::Host, Payer::AlternativeSource]);
    /// assert_eq!(Payer::of_promotion(Promotion::Eig7), [Payer::Dinum, Payer::Host]);
    /// ```
    pub const fn of_promotion(promotion: Promotion) -> &'static [Payer] {
        match promotion {
            Promotion::Eig1 | Promotion::Eig2 | Promotion::Eig3 => {
                &[Payer::PiaThroughCdc, Payer::Host, Payer::AlternativeSource]
            }
            Promotion::Eig4 | Promotion::Eig5 | Promotion::Eig6 => {
                &[Payer::Programme352, Payer::Host, Payer::AlternativeSource]
            }
            Promotion::Eig7 => &[Payer::Dinum, Payer::Host],
            _ => &[Payer::Host, Payer::AlternativeSource],
        }
    }
}

/// One value per payer, in the order of [`Payer`]. JSON: an object keyed by payer.
///
/// It has no `Index`: [`ByPayer::get`] answers `None` for a payer absent from it, and
/// [`ByPayer::amount_of`] an explicit zero, so no lookup can panic.
///
/// # Example
/// ```
/// use eig_domain::{Euros, FundingRoute, HostKind, Promotion};
/// use eig_funding::{DefiFunding, Payer, Scenario, TalentInput, plan_defi};
///
/// // An alternative source pays the whole cost: the PIA's total is an explicit zero.
/// let defi = DefiFunding::new("d1".parse()?, FundingRoute::AlternativeFunding,
///     HostKind::HealthEstablishment).with_talent(TalentInput::new("t1".parse()?));
/// let plan = plan_defi(Promotion::Eig3, &defi, &Scenario::default())?;
/// assert_eq!(plan.totals.amount_of(Payer::PiaThroughCdc), Euros::ZERO);
/// assert_eq!(plan.totals.amount_of(Payer::AlternativeSource), Euros::from_whole(70_000));
/// assert_eq!(plan.totals.amount_of(Payer::Dinum), Euros::ZERO); // not an EIG3 payer
/// assert_eq!(plan.totals.get(Payer::Dinum), None);
/// assert_eq!(serde_json::to_string(&plan.totals)?,
///     r#"{"pia_through_cdc":"0.00","host":"0.00","alternative_source":"70000.00"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema), schemars(inline))]
#[serde(transparent)]
pub struct ByPayer<T>(BTreeMap<Payer, T>);

impl<T> ByPayer<T> {
    /// The value of `payer`, if it has one.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{FundingRoute, HostKind, Promotion};
    /// use eig_funding::{DefiFunding, Payer, Scenario, TalentInput, plan_defi};
    ///
    /// let defi = DefiFunding::new("d1".parse()?, FundingRoute::Direct, HostKind::Ministry)
    ///     .with_talent(TalentInput::new("t1".parse()?));
    /// let schedule = plan_defi(Promotion::Eig3, &defi, &Scenario::default())?.schedule;
    /// assert_eq!(schedule.by_payer.get(Payer::Host).map(Vec::len), Some(10));
    /// assert!(schedule.by_payer.get(Payer::Programme352).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get(&self, payer: Payer) -> Option<&T> {
        self.0.get(&payer)
    }

    /// Each payer and its value, in the order of [`Payer`].
    ///
    /// # Example
    /// ```
    /// use eig_domain::{FundingRoute, HostKind, Promotion};
    /// use eig_funding::{DefiFunding, Payer, Scenario, TalentInput, plan_defi};
    ///
    /// let defi = DefiFunding::new("d1".parse()?, FundingRoute::Direct, HostKind::Ministry)
    ///     .with_talent(TalentInput::new("t1".parse()?));
    /// let plan = plan_defi(Promotion::Eig3, &defi, &Scenario::default())?;
    /// let payers: Vec<Payer> = plan.totals.iter().map(|(payer, _)| payer).collect();
    /// assert_eq!(payers, Payer::of_promotion(Promotion::Eig3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (Payer, &T)> {
        self.0.iter().map(|(&payer, value)| (payer, value))
    }

    /// How many payers it holds.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{FundingRoute, HostKind, Promotion};
    /// use eig_funding::{DefiFunding, Scenario, plan_defi};
    ///
    /// let defi = DefiFunding::new("d1".parse()?, FundingRoute::Direct, HostKind::Ministry);
    /// assert_eq!(plan_defi(Promotion::Eig4, &defi, &Scenario::default())?.totals.len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it holds no payer.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{FundingRoute, HostKind, Promotion};
    /// use eig_funding::{DefiFunding, Scenario, plan_defi};
    ///
    /// let defi = DefiFunding::new("d1".parse()?, FundingRoute::Direct, HostKind::Ministry);
    /// assert!(!plan_defi(Promotion::Eig4, &defi, &Scenario::default())?.totals.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn from_map(map: BTreeMap<Payer, T>) -> ByPayer<T> {
        ByPayer(map)
    }
}

impl ByPayer<Euros> {
    /// The amount `payer` pays: zero when it pays nothing or is not a payer of the plan.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Euros, FundingRoute, HostKind, Promotion};
    /// use eig_funding::{DefiFunding, Payer, Scenario, TalentInput, plan_defi};
    ///
    /// let defi = DefiFunding::new("d1".parse()?, FundingRoute::Direct, HostKind::Ministry)
    ///     .with_talent(TalentInput::new("t1".parse()?));
    /// let plan = plan_defi(Promotion::Eig3, &defi, &Scenario::default())?;
    /// assert_eq!(plan.totals.amount_of(Payer::PiaThroughCdc), Euros::from_whole(49_000));
    /// assert_eq!(plan.totals.amount_of(Payer::Programme352), Euros::ZERO);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn amount_of(&self, payer: Payer) -> Euros {
        self.0.get(&payer).copied().unwrap_or(Euros::ZERO)
    }
}

impl fmt::Display for Payer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.french())
    }
}

/// An intermediary that receives a payer's money for the host.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_funding::{DefiFunding, Intermediary, Scenario, plan_defi};
///
/// // EIG3, an operator of the State through its ministry (AAP3 §3.1.1).
/// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1",
///   "route": "through_administrative_carrier", "host": { "kind": "state_operator" }, "administrative_carrier": "Ministère",
///   "talents": [ { "talent": "t1", "employer_cost": { "contract": "70000" } } ] }"#)?;
/// let parts = &plan_defi(Promotion::Eig3, &defi, &Scenario::default())?.talents[0].parts;
/// assert_eq!(parts[0].through, Some(Intermediary::AdministrativeCarrier)); // the PIA's part
/// assert_eq!(parts[1].through, None); // the host's own part
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Intermediary {
    /// The *porteur administratif* (AAP3 §3.1.1; AAP4 §3.2).
    AdministrativeCarrier,
}

/// One payer's part of a talent's cost.
///
/// # Example
/// ```
/// use eig_domain::{Euros, Promotion};
/// use eig_funding::{DefiFunding, Part, Payer, RuleId, Scenario, plan_defi};
///
/// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1", "route": "direct", "host": { "kind": "ministry" },
///   "talents": [ { "talent": "t1", "employer_cost": { "contract": "70000" } } ] }"#)?;
/// let plan = plan_defi(Promotion::Eig3, &defi, &Scenario::default())?;
/// assert_eq!(plan.talents[0].parts, [
///     Part { payer: Payer::PiaThroughCdc, amount: Euros::from_whole(49_000), through: None,
///            rule: RuleId::PiaShareOfEmployerCost },
///     Part { payer: Payer::Host, amount: Euros::from_whole(21_000), through: None,
///            rule: RuleId::HostPaysRest },
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Part {
    /// Who pays.
    pub payer: Payer,
    /// How much.
    pub amount: Euros,
    /// Who receives it for the host, if not the host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub through: Option<Intermediary>,
    /// The rule that gives the amount.
    pub rule: RuleId,
}

/// How the programme's part of a talent was computed.
///
/// JSON: an object tagged by `kind` (`share_of_cost`, `months_of_cost`, `flat`, `whole_cost`).
///
/// # Example
/// ```
/// use eig_domain::{Euros, Promotion};
/// use eig_funding::{DefiFunding, Formula, Scenario, plan_defi};
///
/// // EIG4: 4 months of a 7 000 € month (AAP4 §3.3).
/// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1", "route": "direct", "host": { "kind": "ministry" },
///   "talents": [ { "talent": "t1", "employer_cost": { "monthly": "7000" } } ] }"#)?;
/// let talent = &plan_defi(Promotion::Eig4, &defi, &Scenario::default())?.talents[0];
/// assert_eq!(talent.formula, Formula::MonthsOfCost {
///     months: 4,
///     monthly_cost: Some(Euros::from_whole(7_000)),
///     contract_cost: None,
///     contract_months: 10,
/// });
/// assert_eq!(serde_json::to_value(talent.formula)?["kind"], "months_of_cost");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Formula {
    /// `share × employer cost` (EIG1–EIG3: the PIA; EIG7: DINUM).
    ShareOfCost {
        /// The share.
        share: Share,
        /// The employer cost.
        employer_cost: Euros,
    },
    /// `months × a month's employer cost`, the month being `monthly` when given, or the
    /// planned contract cost over its months (EIG4, EIG5).
    MonthsOfCost {
        /// Months subsidised.
        months: u8,
        /// A month's cost, when given.
        #[serde(skip_serializing_if = "Option::is_none")]
        monthly_cost: Option<Euros>,
        /// The planned contract cost, when the month is derived from it.
        #[serde(skip_serializing_if = "Option::is_none")]
        contract_cost: Option<Euros>,
        /// The contract's months.
        contract_months: u8,
    },
    /// A flat amount (EIG6, prolongations).
    Flat {
        /// The amount.
        amount: Euros,
    },
    /// No programme money: one payer pays the whole cost.
    WholeCost {
        /// Who pays.
        payer: Payer,
    },
}

impl Formula {
    /// What the formula computes, in French words: the logic of the rule that applied it,
    /// for a person who reads the rules (the law ↔ code pages).
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Euros, Share};
    /// use eig_funding::Formula;
    ///
    /// let pia = Formula::ShareOfCost { share: Share::from_percent(70)?, employer_cost: Euros::from_whole(70_000) };
    /// assert_eq!(pia.in_words(), "70\u{a0}% du coût total employeur du talent, arrondis au centime");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn in_words(&self) -> String {
        match self {
            Formula::ShareOfCost { share, .. } => {
                format!("{share} du coût total employeur du talent, arrondis au centime")
            }
            Formula::MonthsOfCost { months, .. } => format!(
                "{months} mois de coût employeur du talent (un mois : son coût mensuel s'il est \
                 donné, sinon le coût de son contrat divisé par le nombre de mois du contrat)"
            ),
            Formula::Flat { amount } => {
                format!("un forfait de {} par talent", amount.to_french())
            }
            Formula::WholeCost { payer } => {
                format!("tout le coût employeur du talent, payé par : {}", payer.french())
            }
        }
    }
}

/// Where a talent's employer cost comes from.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_funding::{CostBasis, DefiFunding, Scenario, plan_defi};
///
/// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [
///   { "talent": "t1", "employer_cost": { "monthly": "7000" } }, { "talent": "t2" } ] }"#)?;
/// let plan = plan_defi(Promotion::Eig3, &defi, &Scenario::default())?;
/// assert_eq!(plan.talents[0].cost_basis, CostBasis::GivenMonthly);
/// assert_eq!(plan.talents[1].cost_basis, CostBasis::ReferenceEstimate); // 70 000 €, ING
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CostBasis {
    /// Given for the whole contract.
    GivenForContract,
    /// Given for one month.
    GivenMonthly,
    /// The ING reference, an estimate (70 000 € for 10 months at 4 000 € net).
    ReferenceEstimate,
}

/// Money the programme paid beyond the talent's actual cost: a resignation under a flat amount
/// (EIG6 and prolongations), or under an EIG4/EIG5 subsidy fixed on the planned contract.
///
/// # Example
/// ```
/// use eig_domain::{Euros, Promotion};
/// use eig_funding::{DefiFunding, Payer, Scenario, Surplus, SurplusTreatment, plan_defi};
///
/// // EIG6: 20 000 € for a talent who left after 2 months of a 70 000 € contract (14 000 €).
/// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [
///   { "talent": "t1", "employer_cost": { "contract": "70000" }, "months_worked": 2 } ] }"#)?;
/// let talent = &plan_defi(Promotion::Eig6, &defi, &Scenario::default())?.talents[0];
/// assert_eq!(talent.surplus, Some(Surplus {
///     amount: Euros::from_whole(6_000),
///     treatment: SurplusTreatment::NotRefundedMayReduceNextTransfer,
/// }));
/// assert_eq!(talent.amount_of(Payer::Host), Euros::ZERO);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Surplus {
    /// The amount paid beyond the cost.
    pub amount: Euros,
    /// What the texts say of it.
    pub treatment: SurplusTreatment,
}

/// What happens to a surplus.
///
/// # Example
/// ```
/// use eig_domain::{Euros, Promotion};
/// use eig_funding::{DefiFunding, Scenario, SurplusTreatment, plan_defi};
///
/// // EIG4: the 4 months are fixed on the planned contract (AAP4 §3.3); a talent who left
/// // after 2 months cost less than the subsidy, and no EIG4 text says what becomes of it.
/// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [
///   { "talent": "t1", "employer_cost": { "monthly": "7000" }, "months_worked": 2 } ] }"#)?;
/// let surplus = plan_defi(Promotion::Eig4, &defi, &Scenario::default())?.talents[0].surplus;
/// assert_eq!(surplus.map(|s| s.amount), Some(Euros::from_whole(14_000)));
/// assert_eq!(surplus.map(|s| s.treatment), Some(SurplusTreatment::NoRuleStated));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SurplusTreatment {
    /// Not refunded the year it is paid; the next year's transfer may be reduced by it if
    /// the host is selected again (AAP6 annexe 3 art. 4; AAC6+ annexe 3 art. 4).
    NotRefundedMayReduceNextTransfer,
    /// No text says (EIG4, EIG5).
    NoRuleStated,
}

/// The pay the grid gives a talent.
///
/// # Example
/// ```
/// use eig_domain::{Euros, Promotion};
/// use eig_funding::{DefiFunding, Scenario, plan_defi};
///
/// // EIG5: 3 500 € net up to 5 years of experience inclusive, 4 000 € above (AAC5 art. 2).
/// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [
///   { "talent": "t1", "experience": 60, "employer_cost": { "monthly": "6100" } },
///   { "talent": "t2", "experience": 61, "employer_cost": { "monthly": "7000" } } ] }"#)?;
/// let plan = plan_defi(Promotion::Eig5, &defi, &Scenario::default())?;
/// let pay: Vec<_> = plan.talents.iter().map(|t| t.pay.as_ref().unwrap()).collect();
/// assert_eq!(pay[0].net_monthly, Euros::from_whole(3_500));
/// assert_eq!(pay[1].net_monthly, Euros::from_whole(4_000));
/// assert_eq!((pay[1].variable, pay[1].source.to_string()), (None, "AAC5 art. 2".to_owned()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PayUsed {
    /// Net monthly pay.
    pub net_monthly: Euros,
    /// Variable part (EIG7).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variable: Option<Share>,
    /// The grid's source.
    pub source: Source,
}

/// One talent's plan.
///
/// # Example
/// ```
/// use eig_domain::{Euros, Promotion};
/// use eig_funding::{CostBasis, DefiFunding, Payer, RuleId, Scenario, plan_defi};
///
/// // EIG6, a resignation after 2 months: the flat 20 000 € exceeds the 14 000 € cost.
/// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1", "route": "direct", "host": { "kind": "ministry" },
///   "talents": [ { "talent": "t1", "employer_cost": { "contract": "70000" }, "months_worked": 2 } ] }"#)?;
/// let plan = plan_defi(Promotion::Eig6, &defi, &Scenario::default())?;
/// let talent = &plan.talents[0];
/// assert_eq!(talent.rule, RuleId::FlatPerRecruitedTalent);
/// assert_eq!(talent.cost_basis, CostBasis::GivenForContract);
/// assert_eq!(talent.employer_cost, Euros::from_whole(14_000));
/// assert_eq!(talent.amount_of(Payer::Host), Euros::ZERO);
/// assert_eq!(talent.surplus.map(|s| s.amount), Some(Euros::from_whole(6_000)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct TalentPlan {
    /// The talent.
    pub talent: CandidateId,
    /// The total employer cost of the months worked.
    pub employer_cost: Euros,
    /// Where the cost comes from; [`CostBasis::ReferenceEstimate`] marks an estimate.
    pub cost_basis: CostBasis,
    /// Months worked.
    pub months_worked: u8,
    /// The pay the grid gives, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay: Option<PayUsed>,
    /// The rule that gives the programme's part.
    pub rule: RuleId,
    /// How the programme's part was computed.
    pub formula: Formula,
    /// Each payer's part; they sum to the employer cost, plus the surplus if any.
    pub parts: Vec<Part>,
    /// Programme money beyond the cost, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surplus: Option<Surplus>,
}

impl TalentPlan {
    /// The amount `payer` pays for this talent (zero when it pays nothing).
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Euros, Promotion};
    /// use eig_funding::{DefiFunding, Payer, Scenario, plan_defi};
    ///
    /// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1", "route": "direct", "host": { "kind": "ministry" },
    ///   "talents": [ { "talent": "t1", "employer_cost": { "contract": "70000" } } ] }"#)?;
    /// let talent = &plan_defi(Promotion::Eig3, &defi, &Scenario::default())?.talents[0];
    /// assert_eq!(talent.amount_of(Payer::Host), Euros::from_whole(21_000));
    /// assert_eq!(talent.amount_of(Payer::Dinum), Euros::ZERO);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn amount_of(&self, payer: Payer) -> Euros {
        self.parts.iter().find(|part| part.payer == payer).map_or(Euros::ZERO, |part| part.amount)
    }
}

/// A monthly schedule: each payer's défi total spread over the contract's months by largest
/// remainders (the first months carry the odd cents). It attributes cost to months; it is not
/// the calendar of transfers (one décret de transfert a year from EIG4, AAP4 §3.3).
///
/// EIG4 and EIG5 (initial missions): programme 352 pays the « coût total employeur de 4 mois
/// (septembre-décembre 2020) » (AAP4 §3.3), « de 3 mois (1er octobre – 31 décembre 2021) »
/// (AAP5 §3.3), so its part is placed on those months of the schedule and the host's part on
/// the others ([`Schedule::subsidised_period`]). The schedule does not follow a talent's
/// departure: a payer's défi total is spread over its months whatever the months worked.
///
/// # Example
/// ```
/// use eig_domain::{Euros, Promotion};
/// use eig_funding::{DefiFunding, Payer, Scenario, plan_defi};
///
/// // EIG3: 70 % of 70 000,05 € is 49 000,035 €, rounded to 49 000,04 €; spread over 10
/// // months, the first 4 months carry the 4 odd cents.
/// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1", "route": "direct", "host": { "kind": "ministry" },
///   "talents": [ { "talent": "t1", "employer_cost": { "contract": "70000.05" } } ] }"#)?;
/// let schedule = plan_defi(Promotion::Eig3, &defi, &Scenario::default())?.schedule;
/// assert_eq!(schedule.first_month.map(|day| day.to_string()).as_deref(), Some("2019-01-01"));
/// let pia = schedule.by_payer.get(Payer::PiaThroughCdc).expect("the PIA pays");
/// assert_eq!((pia[3], pia[4]), (Euros::from_cents(490_001), Euros::from_cents(490_000)));
/// assert_eq!(Euros::checked_sum(pia.iter().copied())?, Euros::from_cents(4_900_004));
/// assert_eq!(schedule.subsidised_period, None);
///
/// // EIG5: months 2–4 (October–December 2021) on programme 352, the others on the host.
/// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [
///   { "talent": "t1", "experience": 61, "employer_cost": { "monthly": "7000" } } ] }"#)?;
/// let schedule = plan_defi(Promotion::Eig5, &defi, &Scenario::default())?.schedule;
/// let month = |payer, index: usize| schedule.by_payer.get(payer).map_or(String::new(), |m| m[index].to_string());
/// assert_eq!([month(Payer::Host, 0), month(Payer::Programme352, 0)], ["7000.00", "0.00"]);
/// assert_eq!([month(Payer::Host, 1), month(Payer::Programme352, 1)], ["0.00", "7000.00"]);
/// assert_eq!([month(Payer::Host, 4), month(Payer::Programme352, 4)], ["7000.00", "0.00"]);
/// assert_eq!(schedule.subsidised_period.map(|p| p.first().to_string()).as_deref(), Some("2021-10-01"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Schedule {
    /// The first day of the first month, when the promotion's start is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_month: Option<NaiveDate>,
    /// The months the EIG4/EIG5 subsidy covers (AAP4 §3.3: September–December 2020; AAP5
    /// §3.3: 1 October–31 December 2021), when the plan places programme 352's part on them
    /// and the host's part on the other months; `None`: every payer's total is spread evenly
    /// over all the months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subsidised_period: Option<DateRange>,
    /// Each paying payer's amount per month, month 1 first: the payers whose défi total is
    /// not zero ([`ByPayer::get`] answers `None` for the others).
    pub by_payer: ByPayer<Vec<Euros>>,
}

/// One défi's plan.
///
/// # Example
/// ```
/// use eig_domain::{Euros, Promotion};
/// use eig_funding::{DefiFunding, Payer, Scenario, plan_defi};
///
/// let defi: DefiFunding = serde_json::from_str(r#"{ "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [
///   { "talent": "t1", "employer_cost": { "monthly": "7000" } },
///   { "talent": "t2", "employer_cost": { "monthly": "6500" } } ] }"#)?;
/// let plan = plan_defi(Promotion::Eig4, &defi, &Scenario::default())?;
/// assert_eq!((plan.promotion, plan.contract_months, plan.talents.len()), (Promotion::Eig4, 10, 2));
/// assert_eq!(plan.amount_of(Payer::Programme352), Euros::from_whole(54_000)); // 4 × 13 500 €
/// assert_eq!(plan.amount_of(Payer::Host), Euros::from_whole(81_000));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct DefiPlan {
    /// The promotion.
    pub promotion: Promotion,
    /// The défi.
    pub defi: DefiId,
    /// Its route.
    pub route: FundingRoute,
    /// Its porteur administratif, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub administrative_carrier: Option<Label>,
    /// Initial missions or prolongation.
    pub phase: Phase,
    /// Contract months.
    pub contract_months: u8,
    /// The talents' plans.
    pub talents: Vec<TalentPlan>,
    /// Each payer's total: every payer of [`Payer::of_promotion`], at zero when it pays
    /// nothing.
    pub totals: ByPayer<Euros>,
    /// The monthly schedule.
    pub schedule: Schedule,
}

impl DefiPlan {
    /// The amount `payer` pays for the défi: zero when it pays nothing.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Euros, FundingRoute, HostKind, Promotion};
    /// use eig_funding::{DefiFunding, Payer, Scenario, TalentInput, plan_defi};
    ///
    /// let defi = DefiFunding::new("d1".parse()?, FundingRoute::SelfFunded, HostKind::Jurisdiction)
    ///     .with_talent(TalentInput::new("t1".parse()?));
    /// let plan = plan_defi(Promotion::Eig3, &defi, &Scenario::default())?;
    /// assert_eq!(plan.amount_of(Payer::Host), Euros::from_whole(70_000));
    /// assert_eq!(plan.amount_of(Payer::PiaThroughCdc), Euros::ZERO);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn amount_of(&self, payer: Payer) -> Euros {
        self.totals.amount_of(payer)
    }
}

/// A talent, by défi and id.
///
/// # Example
/// ```
/// use eig_funding::{PromotionInput, Scenario, TalentRef, plan_promotion};
///
/// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG3", "defis": [
///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [ { "talent": "t1" } ] } ] }"#)?;
/// let plan = plan_promotion(&input, &Scenario::default())?;
/// // t1 has no cost: the plan lists it among the ING estimates.
/// assert_eq!(plan.estimated_costs, [TalentRef { defi: "d1".parse()?, talent: "t1".parse()? }]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct TalentRef {
    /// The défi.
    pub defi: DefiId,
    /// The talent.
    pub talent: CandidateId,
}

/// What the envelope covers when it is exceeded.
///
/// # Example
/// ```
/// use eig_domain::Euros;
/// use eig_funding::{EnvelopeOutcome, EnvelopeResolution, PromotionInput, Scenario, plan_promotion};
///
/// // EIG3, three talents at 49 000 € of PIA each, and a scenario's envelope of 100 000 €.
/// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG3", "defis": [
///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" },
///     "talents": [ { "talent": "t1" }, { "talent": "t2" }, { "talent": "t3" } ] } ] }"#)?;
/// let scenario: Scenario = serde_json::from_str(r#"{ "overrides": [
///   { "id": "programme_envelope", "promotion": "EIG3", "value": { "amount": "100000" } } ] }"#)?;
/// let plan = plan_promotion(&input, &scenario)?;
/// let EnvelopeOutcome::Exceeded { resolution, .. } = plan.envelope else { panic!("exceeded") };
/// let EnvelopeResolution::RankOrder { covered, unused, first_not_covered, .. } = resolution
/// else {
///     panic!("rank order is the default")
/// };
/// assert_eq!((covered, unused), (2, Euros::from_whole(2_000)));
/// assert_eq!(first_not_covered.talent.as_str(), "t3");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "policy", rename_all = "snake_case")]
#[non_exhaustive]
pub enum EnvelopeResolution {
    /// [`EnvelopePolicy::RankOrder`]: the first `covered` talents in rank order fit.
    RankOrder {
        /// How many talents the envelope covers, in rank order.
        covered: u32,
        /// Their amount.
        covered_amount: Euros,
        /// The envelope left after them (less than the next talent's amount).
        unused: Euros,
        /// The first talent the envelope does not cover.
        first_not_covered: TalentRef,
        /// Every talent not covered, in rank order.
        not_covered: Vec<TalentRef>,
    },
    /// [`EnvelopePolicy::ProRata`]: each talent gets the envelope's share of its amount.
    ProRata {
        /// Per talent, in rank order: what the rules give and what the envelope grants.
        grants: Vec<Grant>,
    },
}

/// A talent's amount under a pro-rata envelope.
///
/// # Example
/// ```
/// use eig_domain::Euros;
/// use eig_funding::{EnvelopeOutcome, EnvelopeResolution, PromotionInput, Scenario, plan_promotion};
///
/// // EIG3, two talents at 49 000 € of PIA each; what if the envelope were 49 000 €, shared?
/// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG3", "defis": [
///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [ { "talent": "t1" }, { "talent": "t2" } ] } ] }"#)?;
/// let scenario: Scenario = serde_json::from_str(r#"{ "envelope_policy": "pro_rata", "overrides": [
///   { "id": "programme_envelope", "promotion": "EIG3", "value": { "amount": "49000" } } ] }"#)?;
/// let plan = plan_promotion(&input, &scenario)?;
/// let EnvelopeOutcome::Exceeded { resolution: EnvelopeResolution::ProRata { grants }, .. } =
///     plan.envelope
/// else {
///     panic!("exceeded, pro rata")
/// };
/// assert_eq!(grants[1].talent.talent.as_str(), "t2");
/// assert_eq!(grants[1].requested, Euros::from_whole(49_000));
/// assert_eq!(grants[1].granted, Euros::from_whole(24_500));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Grant {
    /// The talent.
    pub talent: TalentRef,
    /// What the rules give.
    pub requested: Euros,
    /// What the envelope grants.
    pub granted: Euros,
}

/// The promotion's programme money against its envelope.
///
/// # Example
/// ```
/// use eig_domain::Euros;
/// use eig_funding::{EnvelopeOutcome, EnvelopeResolution, PromotionInput, Scenario, plan_promotion};
///
/// // EIG4: 54 talents at the reference cost get 54 × 28 000 € = 1 512 000 € > 1,5 M€.
/// let defis: Vec<String> = (1..=18)
///     .map(|d| format!(r#"{{ "defi": "d{d}", "route": "direct", "host": {{ "kind": "ministry" }}, "talents": [
///         {{ "talent": "d{d}a" }}, {{ "talent": "d{d}b" }}, {{ "talent": "d{d}c" }} ] }}"#))
///     .collect();
/// let json = format!(r#"{{ "promotion": "EIG4", "defis": [{}] }}"#, defis.join(","));
/// let plan = plan_promotion(&serde_json::from_str::<PromotionInput>(&json)?, &Scenario::default())?;
/// let EnvelopeOutcome::Exceeded { by, resolution, .. } = &plan.envelope else { panic!() };
/// assert_eq!(*by, Euros::from_whole(12_000));
/// let EnvelopeResolution::RankOrder { covered, unused, .. } = resolution else { panic!() };
/// assert_eq!((*covered, *unused), (53, Euros::from_whole(16_000)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[non_exhaustive]
pub enum EnvelopeOutcome {
    /// No source states an envelope for this promotion (EIG5–EIG7, DIG1).
    NoEnvelopeStated,
    /// The amounts fit.
    Within {
        /// The payer the envelope caps.
        payer: Payer,
        /// The envelope.
        envelope: Euros,
        /// What the rules give.
        committed: Euros,
        /// What is left.
        left: Euros,
    },
    /// The amounts exceed the envelope.
    Exceeded {
        /// The payer the envelope caps.
        payer: Payer,
        /// The envelope.
        envelope: Euros,
        /// What the rules give.
        committed: Euros,
        /// By how much.
        by: Euros,
        /// What the envelope covers under the scenario's policy.
        resolution: EnvelopeResolution,
    },
}

/// A promotion's plan.
///
/// # Example
/// ```
/// use eig_funding::{PromotionInput, Scenario, plan_promotion};
///
/// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG3", "defis": [
///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [ { "talent": "t1" } ] } ] }"#)?;
/// let what_if: Scenario = serde_json::from_str(r#"{ "overrides": [
///   { "id": "pia_share", "promotion": "EIG3", "value": { "share": "0.6" } } ] }"#)?;
/// let plan = plan_promotion(&input, &what_if)?;
/// let overridden: Vec<_> = plan.overridden().map(|p| p.id.as_str()).collect();
/// assert_eq!(overridden, ["pia_share"]);
/// assert!(serde_json::to_string(&plan)?.contains(r#""host":"28000.00""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PromotionPlan {
    /// The promotion.
    pub promotion: Promotion,
    /// The rounding rule used.
    pub rounding: RoundingRule,
    /// The envelope policy used.
    pub envelope_policy: EnvelopePolicy,
    /// The défis' plans, in rank order.
    pub defis: Vec<DefiPlan>,
    /// Each payer's total over the promotion: every payer of [`Payer::of_promotion`], at zero
    /// when it pays nothing.
    pub totals: ByPayer<Euros>,
    /// The envelope outcome.
    pub envelope: EnvelopeOutcome,
    /// Every parameter used, with its source; `overridden` marks the scenario's.
    pub parameters: Vec<UsedParameter>,
    /// Talents whose cost is the ING reference estimate.
    pub estimated_costs: Vec<TalentRef>,
}

impl PromotionPlan {
    /// The amount `payer` pays over the promotion: zero when it pays nothing.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Euros, FundingRoute, HostKind, Promotion};
    /// use eig_funding::{DefiFunding, Payer, PromotionInput, Scenario, TalentInput, plan_promotion};
    ///
    /// let defi = DefiFunding::new("d1".parse()?, FundingRoute::AlternativeFunding,
    ///     HostKind::HealthEstablishment).with_talent(TalentInput::new("t1".parse()?));
    /// let plan = plan_promotion(&PromotionInput::new(Promotion::Eig3, [defi]), &Scenario::default())?;
    /// assert_eq!(plan.amount_of(Payer::PiaThroughCdc), Euros::ZERO);
    /// assert_eq!(plan.amount_of(Payer::AlternativeSource), Euros::from_whole(70_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn amount_of(&self, payer: Payer) -> Euros {
        self.totals.amount_of(payer)
    }

    /// The parameters a scenario replaced.
    ///
    /// # Example
    /// ```
    /// use eig_funding::{PromotionInput, Scenario, plan_promotion};
    ///
    /// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG6", "defis": [
    ///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [ { "talent": "t1", "experience": 72 } ] } ] }"#)?;
    /// assert_eq!(plan_promotion(&input, &Scenario::default())?.overridden().count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn overridden(&self) -> impl Iterator<Item = &UsedParameter> {
        self.parameters.iter().filter(|parameter| parameter.overridden)
    }
}
