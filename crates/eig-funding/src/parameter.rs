//! Dated parameters, OpenFisca-style: each value with its validity (a promotion, a period),
//! its source and the sentence it comes from, and the day it was last checked against the
//! text. A [`Scenario`](crate::Scenario) overrides values without code change; the plan says
//! which.

use std::{borrow::Cow, fmt};

use chrono::NaiveDate;
use eig_domain::{DateRange, Document, Euros, Promotion, Share, Source};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The day every official value below was last read against its source text
/// (`docs/sources/texts/`, read on 2026-11-28).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use eig_funding::{LAST_CHECKED_ON, official_parameters};
///
/// let (year, month, day) = LAST_CHECKED_ON;
/// let checked = NaiveDate::from_ymd_opt(year, month, day).unwrap();
/// assert_eq!(checked.to_string(), "2026-11-28");
/// assert!(official_parameters().iter().all(|p| p.last_checked_on == checked));
/// ```
pub const LAST_CHECKED_ON: (i32, u32, u32) = (2026, 11, 28);

/// The name of a funding parameter.
///
/// # Example
/// ```
/// use eig_funding::ParameterId;
///
/// assert_eq!(ParameterId::PiaShare.as_str(), "pia_share");
/// assert_eq!("programme_envelope".parse::<ParameterId>(), Ok(ParameterId::ProgrammeEnvelope));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParameterId {
    /// Share of each talent's total employer cost paid by the PIA (EIG1–EIG3).
    PiaShare,
    /// Money the programme may spend on co-financing talents in a promotion.
    ProgrammeEnvelope,
    /// Months of total employer cost that programme 352 pays per talent (EIG4, EIG5).
    SubsidisedMonths,
    /// Flat amount per recruited talent (EIG6).
    FlatPerRecruitedTalent,
    /// Flat amount per prolonged talent (EIG5 and EIG6 prolongations).
    FlatPerProlongedTalent,
    /// Share of each talent's cost paid by DINUM (EIG7).
    DinumShare,
    /// The documented reference total employer cost of one talent (ING).
    ReferenceEmployerCost,
    /// The contract length the reference cost is for (ING).
    ReferenceContractMonths,
    /// The net monthly pay the reference cost is for (ING).
    ReferenceNetMonthlyPay,
}

impl ParameterId {
    /// Every parameter, in catalogue order.
    ///
    /// # Example
    /// ```
    /// use eig_funding::ParameterId;
    ///
    /// assert_eq!(ParameterId::ALL[0], ParameterId::PiaShare);
    /// assert!(ParameterId::ALL.iter().all(|id| id.as_str().parse() == Ok(*id)));
    /// ```
    pub const ALL: [ParameterId; 9] = [
        ParameterId::PiaShare,
        ParameterId::ProgrammeEnvelope,
        ParameterId::SubsidisedMonths,
        ParameterId::FlatPerRecruitedTalent,
        ParameterId::FlatPerProlongedTalent,
        ParameterId::DinumShare,
        ParameterId::ReferenceEmployerCost,
        ParameterId::ReferenceContractMonths,
        ParameterId::ReferenceNetMonthlyPay,
    ];

    /// The identifier used in JSON, scenarios and the rules catalogue.
    ///
    /// # Example
    /// ```
    /// use eig_funding::ParameterId;
    ///
    /// assert_eq!(ParameterId::SubsidisedMonths.as_str(), "subsidised_months");
    /// assert_eq!(serde_json::to_string(&ParameterId::SubsidisedMonths)?, r#""subsidised_months""#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ParameterId::PiaShare => "pia_share",
            ParameterId::ProgrammeEnvelope => "programme_envelope",
            ParameterId::SubsidisedMonths => "subsidised_months",
            ParameterId::FlatPerRecruitedTalent => "flat_per_recruited_talent",
            ParameterId::FlatPerProlongedTalent => "flat_per_prolonged_talent",
            ParameterId::DinumShare => "dinum_share",
            ParameterId::ReferenceEmployerCost => "reference_employer_cost",
            ParameterId::ReferenceContractMonths => "reference_contract_months",
            ParameterId::ReferenceNetMonthlyPay => "reference_net_monthly_pay",
        }
    }

    /// The French name, as the plan's text prints it.
    ///
    /// # Example
    /// ```
    /// use eig_funding::ParameterId;
    ///
    /// assert_eq!(ParameterId::FlatPerRecruitedTalent.french(), "forfait par EIG recruté");
    /// ```
    pub const fn french(self) -> &'static str {
        match self {
            ParameterId::PiaShare => "part PIA du coût total employeur",
            ParameterId::ProgrammeEnvelope => "enveloppe de cofinancement de la promotion",
            ParameterId::SubsidisedMonths => "mois de coût total employeur subventionnés",
            ParameterId::FlatPerRecruitedTalent => "forfait par EIG recruté",
            ParameterId::FlatPerProlongedTalent => "forfait par EIG prolongé",
            ParameterId::DinumShare => "part DINUM du coût",
            ParameterId::ReferenceEmployerCost => "coût total employeur de référence",
            ParameterId::ReferenceContractMonths => "durée de référence du contrat",
            ParameterId::ReferenceNetMonthlyPay => "rémunération nette mensuelle de référence",
        }
    }
}

impl fmt::Display for ParameterId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ParameterId {
    type Err = UnknownParameter;

    fn from_str(input: &str) -> Result<ParameterId, UnknownParameter> {
        ParameterId::ALL
            .into_iter()
            .find(|id| id.as_str() == input)
            .ok_or_else(|| UnknownParameter { input: input.to_owned() })
    }
}

/// A text that names no [`ParameterId`].
///
/// # Example
/// ```
/// use eig_funding::{ParameterId, UnknownParameter};
///
/// let err = "pia_part".parse::<ParameterId>().unwrap_err();
/// assert_eq!(err, UnknownParameter { input: "pia_part".to_owned() });
/// assert_eq!(
///     err.to_string(),
///     "\"pia_part\" n'est pas un paramètre de financement : écrivez l'un de pia_share, \
///      programme_envelope, subsidised_months, flat_per_recruited_talent, \
///      flat_per_prolonged_talent, dinum_share, reference_employer_cost, \
///      reference_contract_months, reference_net_monthly_pay"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{} n'est pas un paramètre de financement : écrivez l'un de {}",
    eig_domain::echo(input),
    ParameterId::ALL.map(ParameterId::as_str).join(", ")
)]
pub struct UnknownParameter {
    /// The rejected text.
    pub input: String,
}

/// A parameter's value.
///
/// JSON: `{"amount": "20000.00"}`, `{"share": "0.70"}`, `{"months": 4}`.
///
/// # Example
/// ```
/// use eig_funding::ParameterValue;
///
/// let value: ParameterValue = serde_json::from_str(r#"{"share": "0.6"}"#)?;
/// assert_eq!(value.to_french(), "60\u{a0}%");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParameterValue {
    /// An amount of euros.
    Amount(Euros),
    /// A share in [0, 1].
    Share(Share),
    /// A number of months.
    Months(u8),
}

impl ParameterValue {
    /// The kind of value, for error messages.
    ///
    /// # Example
    /// ```
    /// use eig_funding::ParameterValue;
    ///
    /// assert_eq!(ParameterValue::Months(4).kind(), "un nombre de mois");
    /// ```
    pub const fn kind(self) -> &'static str {
        match self {
            ParameterValue::Amount(_) => "un montant",
            ParameterValue::Share(_) => "une part",
            ParameterValue::Months(_) => "un nombre de mois",
        }
    }

    /// The value written the French way (`20 000,00 €`, `70 %`, `4 mois`).
    ///
    /// # Example
    /// ```
    /// use eig_domain::Euros;
    /// use eig_funding::ParameterValue;
    ///
    /// let flat = ParameterValue::Amount(Euros::from_whole(20_000));
    /// assert_eq!(flat.to_french(), "20\u{202f}000,00\u{a0}€");
    /// assert_eq!(ParameterValue::Months(4).to_french(), "4\u{a0}mois");
    /// ```
    pub fn to_french(self) -> String {
        match self {
            ParameterValue::Amount(amount) => amount.to_french(),
            ParameterValue::Share(share) => share.to_string(),
            ParameterValue::Months(months) => format!("{months}\u{a0}mois"),
        }
    }
}

/// When a value applies: to a promotion (or to all), within a period when the text gives one.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_funding::{ParameterId, official_parameters};
///
/// let table = official_parameters();
/// let find = |id, promotion| table.iter().find(|p| p.id == id && p.validity.promotion == promotion);
/// // AAP4 §3.3: « 4 mois (septembre-décembre 2020) ».
/// let months = find(ParameterId::SubsidisedMonths, Some(Promotion::Eig4)).unwrap();
/// let period = months.validity.period.unwrap();
/// assert_eq!((period.first().to_string(), period.last().to_string()),
///            ("2020-09-01".to_owned(), "2020-12-31".to_owned()));
/// // The ING reference cost holds for every promotion and states no period.
/// let reference = find(ParameterId::ReferenceEmployerCost, None).unwrap();
/// assert_eq!(reference.validity.period, None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Validity {
    /// The promotion; `None`: every promotion.
    pub promotion: Option<Promotion>,
    /// The period the value covers, when the text states one.
    pub period: Option<DateRange>,
}

impl Validity {
    /// Whether the value is in force on `day`: `day` lies within the stated period, both ends
    /// included, or the text states no period (the value is then bounded by its promotion
    /// only, never by a date). The promotion is not checked here.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use eig_domain::{DateRange, Promotion};
    /// use eig_funding::Validity;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // AAP5 §3.3: « 3 mois (1er octobre – 31 décembre 2021) ».
    /// let period = DateRange::new(day(2021, 10, 1), day(2021, 12, 31))?;
    /// let eig5 = Validity { promotion: Some(Promotion::Eig5), period: Some(period) };
    /// assert!(!eig5.is_valid_on(day(2021, 9, 30)));
    /// assert!(eig5.is_valid_on(day(2021, 10, 1)) && eig5.is_valid_on(day(2021, 12, 31)));
    /// assert!(!eig5.is_valid_on(day(2022, 1, 1)));
    /// // No period stated: not bounded by a date.
    /// assert!(Validity { promotion: None, period: None }.is_valid_on(day(2016, 1, 1)));
    /// # Ok::<(), eig_domain::CalendarError>(())
    /// ```
    pub fn is_valid_on(self, day: NaiveDate) -> bool {
        self.period.is_none_or(|period| period.contains(day))
    }
}

/// One official value of a parameter, with its source.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_funding::{ParameterId, official_parameters};
///
/// let table = official_parameters();
/// let pia = table
///     .iter()
///     .find(|p| p.id == ParameterId::PiaShare && p.validity.promotion == Some(Promotion::Eig3))
///     .unwrap();
/// assert_eq!(pia.source.to_string(), "AAP3 §3.1.1");
/// assert_eq!(pia.value.to_french(), "70\u{a0}%");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Parameter {
    /// The parameter.
    pub id: ParameterId,
    /// When it applies.
    pub validity: Validity,
    /// The value.
    pub value: ParameterValue,
    /// Where the text states it.
    pub source: Source,
    /// The sentence of the source, quoted verbatim (an elision `…` only between two verbatim
    /// parts); for a cell of a table (RAPPORT's « Budget »), the row heading, the column
    /// heading and the cell, separated by `|` (the conversion splits the row heading over two
    /// lines: « Enveloppe allouée … le PIA »). Checked by `eig-sources`' quote test.
    pub quote: Cow<'static, str>,
    /// When the value was last read against the source.
    pub last_checked_on: NaiveDate,
}

impl Parameter {
    /// Whether the value is in force on `day` (see [`Validity::is_valid_on`]: within its
    /// period, or undated).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use eig_domain::Promotion;
    /// use eig_funding::{ParameterId, official_parameter};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // AAP6 annexe 3 art. 2: the EIG5 prolongation runs « du 13 juillet 2022 au 30 décembre 2022 ».
    /// let flat = official_parameter(ParameterId::FlatPerProlongedTalent, Promotion::Eig5).unwrap();
    /// assert!(flat.is_valid_on(day(2022, 12, 30)));
    /// assert!(!flat.is_valid_on(day(2022, 12, 31)));
    /// ```
    pub fn is_valid_on(&self, day: NaiveDate) -> bool {
        self.validity.is_valid_on(day)
    }
}

/// A parameter as a plan used it: the value, and whether a scenario overrode the official one.
///
/// # Example
/// ```
/// use eig_domain::Share;
/// use eig_funding::{ParameterId, ParameterValue, PromotionInput, Scenario, plan_promotion};
///
/// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG3", "defis": [
///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [ { "talent": "t1" } ] } ] }"#)?;
/// let what_if: Scenario = serde_json::from_str(r#"{ "overrides": [
///   { "id": "pia_share", "promotion": "EIG3", "value": { "share": "0.6" } } ] }"#)?;
/// let plan = plan_promotion(&input, &what_if)?;
/// let pia = plan.parameters.iter().find(|p| p.id == ParameterId::PiaShare).unwrap();
/// assert!(pia.overridden);
/// assert_eq!(pia.value, ParameterValue::Share(Share::from_percent(60)?));
/// assert_eq!(pia.official, Some(ParameterValue::Share(Share::from_percent(70)?)));
/// assert_eq!(pia.source.as_ref().map(ToString::to_string).as_deref(), Some("AAP3 §3.1.1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct UsedParameter {
    /// The parameter.
    pub id: ParameterId,
    /// The promotion it was read for.
    pub promotion: Promotion,
    /// The value used.
    pub value: ParameterValue,
    /// The official value, when one exists.
    pub official: Option<ParameterValue>,
    /// Whether a scenario replaced (or supplied) the value.
    pub overridden: bool,
    /// The source of the official value.
    pub source: Option<Source>,
    /// When the official value was last checked.
    pub last_checked_on: Option<NaiveDate>,
}

/// A scenario's replacement of one parameter for one promotion ("what if the PIA share were
/// 60 %?").
///
/// # Example
/// ```
/// use eig_funding::Override;
///
/// let what_if: Override =
///     serde_json::from_str(r#"{"id": "pia_share", "promotion": "EIG3", "value": {"share": "0.6"}}"#)?;
/// assert_eq!(what_if.id.as_str(), "pia_share");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// The parameter.
    pub id: ParameterId,
    /// The promotion whose value is replaced.
    pub promotion: Promotion,
    /// The scenario's value.
    pub value: ParameterValue,
}

/// The official table: every parameter value the sources state.
///
/// # Example
/// ```
/// assert_eq!(eig_funding::official_parameters().len(), 16);
/// ```
pub fn official_parameters() -> Vec<Parameter> {
    TABLE.iter().map(Raw::to_parameter).collect()
}

/// The official values in force on `day`, in table order: those whose period contains `day`
/// (both ends included) and those whose text states no period ([`Validity::is_valid_on`]).
/// `day` is an argument: nothing here reads a clock.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use eig_domain::Promotion;
/// use eig_funding::{ParameterId, official_parameters_on};
///
/// let dated = |day: NaiveDate| -> Vec<(ParameterId, Option<Promotion>)> {
///     official_parameters_on(day)
///         .into_iter()
///         .filter(|p| p.validity.period.is_some())
///         .map(|p| (p.id, p.validity.promotion))
///         .collect()
/// };
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // On 31 December 2021 the EIG5 subsidy covers its last day (AAP5 §3.3); not on 1 January.
/// assert_eq!(dated(day(2021, 12, 31)), [(ParameterId::SubsidisedMonths, Some(Promotion::Eig5))]);
/// assert_eq!(dated(day(2022, 1, 1)), []);
/// // Undated values (the EIG3 PIA share, the ING reference) are in force on every day.
/// assert_eq!(official_parameters_on(day(2022, 1, 1)).len(), 11);
/// ```
pub fn official_parameters_on(day: NaiveDate) -> Vec<Parameter> {
    TABLE.iter().map(Raw::to_parameter).filter(|parameter| parameter.is_valid_on(day)).collect()
}

/// The official value of `id` for `promotion`, the lookup plans use: the promotion's own
/// value, else the value for every promotion; `None` when no text states one. The validity
/// period is not checked (see [`official_parameter_on`]).
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_funding::{ParameterId, official_parameter};
///
/// let pia = official_parameter(ParameterId::PiaShare, Promotion::Eig3).unwrap();
/// assert_eq!((pia.value.to_french(), pia.source.to_string()),
///            ("70\u{a0}%".to_owned(), "AAP3 §3.1.1".to_owned()));
/// // The ING reference holds for every promotion; no text states an EIG5 envelope.
/// assert!(official_parameter(ParameterId::ReferenceEmployerCost, Promotion::Eig5).is_some());
/// assert!(official_parameter(ParameterId::ProgrammeEnvelope, Promotion::Eig5).is_none());
/// ```
pub fn official_parameter(id: ParameterId, promotion: Promotion) -> Option<Parameter> {
    find_official(id, promotion).map(Raw::to_parameter)
}

/// The official value of `id` for `promotion` in force on `day`: [`official_parameter`], kept
/// only when [`Parameter::is_valid_on`] `day`. A value whose text states no period is not
/// bounded by a date, so only the promotion selects it. `day` is an argument: nothing here
/// reads a clock.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use eig_domain::Promotion;
/// use eig_funding::{ParameterId, official_parameter_on};
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let months = |on| official_parameter_on(ParameterId::SubsidisedMonths, Promotion::Eig4, on);
/// // AAP4 §3.3: « 4 mois (septembre-décembre 2020) ».
/// assert!(months(day(2020, 8, 31)).is_none());
/// assert_eq!(months(day(2020, 9, 1)).map(|p| p.value.to_french()).as_deref(), Some("4\u{a0}mois"));
/// assert!(months(day(2020, 12, 31)).is_some());
/// assert!(months(day(2021, 1, 1)).is_none());
/// // Undated: the EIG3 PIA share is selected by its promotion only.
/// assert!(official_parameter_on(ParameterId::PiaShare, Promotion::Eig3, day(2030, 1, 1)).is_some());
/// ```
pub fn official_parameter_on(
    id: ParameterId,
    promotion: Promotion,
    day: NaiveDate,
) -> Option<Parameter> {
    official_parameter(id, promotion).filter(|parameter| parameter.is_valid_on(day))
}

/// The table's row for `id` and `promotion`: the promotion's own, else the one for all.
fn find_official(id: ParameterId, promotion: Promotion) -> Option<&'static Raw> {
    let matching = || TABLE.iter().filter(move |raw| raw.id == id);
    matching()
        .find(|raw| raw.promotion == Some(promotion))
        .or_else(|| matching().find(|raw| raw.promotion.is_none()))
}

/// Looks `id` up for `promotion`: the scenario's override first, then the official table.
pub(crate) fn resolve(
    id: ParameterId,
    promotion: Promotion,
    overrides: &[Override],
) -> Option<UsedParameter> {
    let official = find_official(id, promotion);
    let replaced = overrides.iter().rev().find(|o| o.id == id && o.promotion == promotion);
    let official_value = official.map(Raw::value);
    let value = replaced.map(|o| o.value).or(official_value)?;
    Some(UsedParameter {
        id,
        promotion,
        value,
        official: official_value,
        overridden: replaced.is_some(),
        source: official.map(|raw| raw.source.clone()),
        last_checked_on: official.map(|_| last_checked_on()),
    })
}

fn last_checked_on() -> NaiveDate {
    let (year, month, day) = LAST_CHECKED_ON;
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

// ---- the table ---------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum RawValue {
    Cents(u64),
    /// A share as mantissa and scale (`70, 2` for 0.70).
    Share(i64, u32),
    Months(u8),
}

/// A day as (year, month, day).
type Ymd = (i32, u32, u32);

struct Raw {
    id: ParameterId,
    promotion: Option<Promotion>,
    period: Option<(Ymd, Ymd)>,
    value: RawValue,
    source: Source,
    quote: &'static str,
}

impl Raw {
    fn value(&self) -> ParameterValue {
        match self.value {
            RawValue::Cents(cents) => ParameterValue::Amount(Euros::from_cents(cents)),
            RawValue::Share(mantissa, scale) => ParameterValue::Share(
                Share::try_from(Decimal::new(mantissa, scale))
                    .unwrap_or_else(|_| unreachable!("the table's shares are within [0, 1]")),
            ),
            RawValue::Months(months) => ParameterValue::Months(months),
        }
    }

    fn to_parameter(&self) -> Parameter {
        let date = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d);
        let period =
            self.period.and_then(|(first, last)| DateRange::new(date(first)?, date(last)?).ok());
        Parameter {
            id: self.id,
            validity: Validity { promotion: self.promotion, period },
            value: self.value(),
            source: self.source.clone(),
            quote: Cow::Borrowed(self.quote),
            last_checked_on: last_checked_on(),
        }
    }
}

const fn src(document: Document, locator: &'static str) -> Source {
    Source::new(document, locator)
}

const EUROS: u64 = 100;

static TABLE: [Raw; 16] = [
    Raw {
        id: ParameterId::PiaShare,
        promotion: Some(Promotion::Eig1),
        period: None,
        value: RawValue::Share(1, 0),
        source: src(Document::Ing, "« Modes de financement »"),
        quote: "Ce financement a financé intégralement les salaires des EIG et le budget de \
                fonctionnement du programme pendant les 2 premières promotions.",
    },
    Raw {
        id: ParameterId::PiaShare,
        promotion: Some(Promotion::Eig2),
        period: None,
        value: RawValue::Share(1, 0),
        source: src(Document::Aac2, "art. 2"),
        quote: "Elle conventionne ensuite avec la Caisse des dépôts et consignations, afin que \
                cette dernière opère le versement du montant correspondant à la rémunération de \
                l’EIG via un fonds de concours.",
    },
    Raw {
        id: ParameterId::PiaShare,
        promotion: Some(Promotion::Eig3),
        period: None,
        value: RawValue::Share(70, 2),
        source: src(Document::Aap3, "§3.1.1"),
        quote: "Elles recevront à ce titre un financement du PIA équivalent à 70% du coût total \
                employeur du recrutement de chaque EIG.",
    },
    Raw {
        id: ParameterId::ProgrammeEnvelope,
        promotion: Some(Promotion::Eig1),
        period: None,
        value: RawValue::Cents(800_000 * EUROS),
        source: src(Document::Rapport, "tableau « Budget »"),
        quote: "Enveloppe allouée … le PIA | EIG 1 | 800 000 €",
    },
    Raw {
        id: ParameterId::ProgrammeEnvelope,
        promotion: Some(Promotion::Eig2),
        period: None,
        value: RawValue::Cents(2_500_000 * EUROS),
        source: src(Document::Rapport, "tableau « Budget »"),
        quote: "Enveloppe allouée … le PIA | EIG 2 | 2 500 000 €",
    },
    Raw {
        id: ParameterId::ProgrammeEnvelope,
        promotion: Some(Promotion::Eig3),
        period: None,
        value: RawValue::Cents(1_500_000 * EUROS),
        source: src(Document::Aap3, "§1"),
        quote: "L’ensemble du dispositif sera financé à hauteur de 1,5 millions d’euros maximum \
                par le PIA.",
    },
    Raw {
        id: ParameterId::ProgrammeEnvelope,
        promotion: Some(Promotion::Eig4),
        period: None,
        value: RawValue::Cents(1_500_000 * EUROS),
        source: src(Document::Aap4, "§1"),
        quote: "En 2020, une promotion unique EIG 4, faisant suite et regroupant les initiatives \
                EIG 3 et DIG 1, cofinancée à hauteur de 1,5M€ par le programme budgétaire 352 \
                sera constituée",
    },
    Raw {
        id: ParameterId::SubsidisedMonths,
        promotion: Some(Promotion::Eig4),
        period: Some(((2020, 9, 1), (2020, 12, 31))),
        value: RawValue::Months(4),
        source: src(Document::Aap4, "§3.3"),
        quote: "le programme 352 accordera une subvention en crédits (titre 2) correspondant au \
                coût total employeur de 4 mois (septembre-décembre 2020) d’une rémunération de \
                4 000€ nets par mois pour chaque EIG.",
    },
    Raw {
        id: ParameterId::SubsidisedMonths,
        promotion: Some(Promotion::Eig5),
        period: Some(((2021, 10, 1), (2021, 12, 31))),
        value: RawValue::Months(3),
        source: src(Document::Aap5, "§3.3"),
        quote: "le programme 352 versera des crédits de titre 2 correspondant au coût total \
                employeur (salaire brut chargé) de 3 mois (1er octobre – 31 décembre 2021) d’une \
                rémunération de 3 500€ ou 4 000€ nets par mois pour chaque EIG selon le niveau \
                d’expérience.",
    },
    Raw {
        id: ParameterId::FlatPerRecruitedTalent,
        promotion: Some(Promotion::Eig6),
        // Period: AAP6 annexe 3 art. 2 (« du 12 septembre 2022 au 11 juillet 2023 »).
        period: Some(((2022, 9, 12), (2023, 7, 11))),
        value: RawValue::Cents(20_000 * EUROS),
        source: src(Document::Aap6, "§3.3"),
        quote: "le programme 352 versera des crédits de titre 2 d’un montant de 20.000 euros par \
                EIG recruté, quel que soit le niveau d’expérience des profils retenus.",
    },
    Raw {
        id: ParameterId::FlatPerProlongedTalent,
        promotion: Some(Promotion::Eig5),
        // Period: AAP6 annexe 3 art. 2 (« du 13 juillet 2022 au 30 décembre 2022 »).
        period: Some(((2022, 7, 13), (2022, 12, 30))),
        value: RawValue::Cents(20_000 * EUROS),
        source: src(Document::Aap6, "annexe 3 art. 4"),
        quote: "un financement forfaitaire de 20.000 euros par EIG recruté ou prolongé est \
                octroyé par la DINUM",
    },
    Raw {
        id: ParameterId::FlatPerProlongedTalent,
        promotion: Some(Promotion::Eig6),
        // Period: AAC6+ annexe 3 art. 2 (« du 12 juillet 2023 au 29 décembre 2023 »).
        period: Some(((2023, 7, 12), (2023, 12, 29))),
        value: RawValue::Cents(20_000 * EUROS),
        source: src(Document::Aac6Plus, "§2.2"),
        quote: "le programme 352 versera des crédits de titre 2 d’un montant de 20 000 euros par \
                EIG prolongé(e), quel que soit le niveau d’expérience des EIG concerné(e)s.",
    },
    Raw {
        id: ParameterId::DinumShare,
        promotion: Some(Promotion::Eig7),
        period: None,
        value: RawValue::Share(1, 0),
        source: src(Document::Reg7, "§1.2"),
        quote: "Des agent(e)s contractuel(le)s de la DINUM financé(e)s en intégralité en crédit \
                de titre 2 sur le programme budgétaire n° 352 « Innovation et transformation \
                numériques »",
    },
    Raw {
        id: ParameterId::ReferenceEmployerCost,
        promotion: None,
        period: None,
        value: RawValue::Cents(70_000 * EUROS),
        source: src(Document::Ing, "« Postes de dépenses »"),
        quote: "En moyenne, le coût total employeur pour un EIG rémunéré 4000€ nets par mois \
                pendant 10 mois s'élève à 70 000€",
    },
    Raw {
        id: ParameterId::ReferenceContractMonths,
        promotion: None,
        period: None,
        value: RawValue::Months(10),
        source: src(Document::Ing, "« Postes de dépenses »"),
        quote: "En moyenne, le coût total employeur pour un EIG rémunéré 4000€ nets par mois \
                pendant 10 mois s'élève à 70 000€",
    },
    Raw {
        id: ParameterId::ReferenceNetMonthlyPay,
        promotion: None,
        period: None,
        value: RawValue::Cents(4_000 * EUROS),
        source: src(Document::Ing, "« Postes de dépenses »"),
        quote: "En moyenne, le coût total employeur pour un EIG rémunéré 4000€ nets par mois \
                pendant 10 mois s'élève à 70 000€",
    },
];
