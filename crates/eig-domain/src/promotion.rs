//! Promotions (EIG1 … EIG7, DIG1) and the facts the sources state about each: calendar,
//! mission length, team size, candidates' choice limit, pay grid. Every fact carries its
//! [`Source`]; a fact no source gives is `None`.

use std::{borrow::Cow, fmt, str::FromStr};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::{
    calendar::{ApproxDate, Closing, DateRange, ParisDeadline, Window},
    echo::echo,
    experience::Experience,
    money::{Euros, Share},
    source::{Document, Source, Sourced},
};

/// A promotion of the programme.
///
/// Written `EIG3` (the form `EIG 3` used by the programme's data is accepted on input).
///
/// # Example
/// ```
/// use eig_domain::Promotion;
///
/// assert_eq!("EIG 3".parse::<Promotion>()?, Promotion::Eig3);
/// assert_eq!(Promotion::Dig1.to_string(), "DIG1");
/// assert!("EIG8".parse::<Promotion>().is_err());
/// # Ok::<(), eig_domain::PromotionError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(with = "String"))]
#[cfg_attr(feature = "schemars", schemars(extend("enum" = Promotion::spellings())))]
#[serde(try_from = "String", into = "&'static str")]
#[non_exhaustive]
pub enum Promotion {
    /// First promotion (2016 call, missions in 2017).
    Eig1,
    /// Second promotion (2017 calls, missions from January 2018).
    Eig2,
    /// Third promotion (2018 calls, missions from January 2019).
    Eig3,
    /// *Designers d'intérêt général*, experimental promotion (June 2019).
    Dig1,
    /// Fourth promotion (2020, missions from 1 September 2020).
    Eig4,
    /// Fifth promotion (2021, missions from 13 September 2021).
    Eig5,
    /// Sixth promotion (2022, missions from 12 September 2022).
    Eig6,
    /// Seventh promotion (2024–, rolling recruitment).
    Eig7,
}

impl Promotion {
    /// Every promotion, in chronological order.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// assert_eq!(Promotion::ALL.len(), 8);
    /// assert_eq!(Promotion::ALL[3], Promotion::Dig1); // June 2019, between EIG3 and EIG4
    /// assert!(Promotion::ALL.windows(2).all(|pair| pair[0] < pair[1]));
    /// ```
    pub const ALL: [Promotion; 8] = [
        Promotion::Eig1,
        Promotion::Eig2,
        Promotion::Eig3,
        Promotion::Dig1,
        Promotion::Eig4,
        Promotion::Eig5,
        Promotion::Eig6,
        Promotion::Eig7,
    ];

    /// The short name (`EIG3`).
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// assert_eq!(Promotion::Eig7.code(), "EIG7");
    /// assert_eq!(serde_json::to_string(&Promotion::Eig7).unwrap(), r#""EIG7""#);
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Promotion::Eig1 => "EIG1",
            Promotion::Eig2 => "EIG2",
            Promotion::Eig3 => "EIG3",
            Promotion::Dig1 => "DIG1",
            Promotion::Eig4 => "EIG4",
            Promotion::Eig5 => "EIG5",
            Promotion::Eig6 => "EIG6",
            Promotion::Eig7 => "EIG7",
        }
    }

    /// The name as the programme writes it (`EIG 3`).
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// assert_eq!(Promotion::Dig1.label(), "DIG 1");
    /// assert_eq!(Promotion::Dig1.label().parse::<Promotion>()?, Promotion::Dig1);
    /// # Ok::<(), eig_domain::PromotionError>(())
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            Promotion::Eig1 => "EIG 1",
            Promotion::Eig2 => "EIG 2",
            Promotion::Eig3 => "EIG 3",
            Promotion::Dig1 => "DIG 1",
            Promotion::Eig4 => "EIG 4",
            Promotion::Eig5 => "EIG 5",
            Promotion::Eig6 => "EIG 6",
            Promotion::Eig7 => "EIG 7",
        }
    }

    /// The facts the sources state about this promotion.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// let facts = Promotion::Eig3.facts();
    /// let team = facts.team_size.unwrap().value;
    /// assert_eq!((team.min, team.max), (2, 3));
    /// assert_eq!(facts.choice_limit.unwrap().value.max, 2);
    /// ```
    pub fn facts(self) -> PromotionFacts {
        match self {
            Promotion::Eig1 => eig1(),
            Promotion::Eig2 => eig2(),
            Promotion::Eig3 => eig3(),
            Promotion::Dig1 => dig1(),
            Promotion::Eig4 => eig4(),
            Promotion::Eig5 => eig5(),
            Promotion::Eig6 => eig6(),
            Promotion::Eig7 => eig7(),
        }
    }
}

impl Promotion {
    /// Every spelling [`FromStr`] accepts (`EIG3` and `EIG 3`, …): the `enum` of the JSON
    /// Schema.
    #[cfg(feature = "schemars")]
    fn spellings() -> Vec<&'static str> {
        Promotion::ALL
            .into_iter()
            .flat_map(|promotion| [promotion.code(), promotion.label()])
            .collect()
    }
}

impl fmt::Display for Promotion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Promotion {
    type Err = PromotionError;

    fn from_str(input: &str) -> Result<Promotion, PromotionError> {
        Promotion::ALL
            .into_iter()
            .find(|promotion| promotion.code() == input || promotion.label() == input)
            .ok_or_else(|| PromotionError::Unknown { input: input.to_owned() })
    }
}

impl TryFrom<String> for Promotion {
    type Error = PromotionError;

    fn try_from(value: String) -> Result<Promotion, PromotionError> {
        value.parse()
    }
}

impl From<Promotion> for &'static str {
    fn from(promotion: Promotion) -> &'static str {
        promotion.code()
    }
}

/// How long a talent's mission lasts.
///
/// # Example
/// ```
/// use eig_domain::{MissionLength, Promotion};
///
/// let dig1 = Promotion::Dig1.facts().mission_length.unwrap().value;
/// assert_eq!(dig1, MissionLength::MonthsRange { min: 6, max: 12 });
/// let eig3 = Promotion::Eig3.facts().mission_length.unwrap().value;
/// assert_eq!(serde_json::to_string(&eig3)?, r#"{"kind":"months","months":10}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum MissionLength {
    /// A fixed number of months (10 for EIG1–EIG6).
    Months {
        /// The number of months.
        months: u8,
    },
    /// A length that varies per défi, within bounds (DIG1: 6 to 12 months).
    MonthsRange {
        /// Shortest.
        min: u8,
        /// Longest.
        max: u8,
    },
    /// A renewable contract (EIG7, REG7 §2.3: « contrat de projet d'une durée d'un an,
    /// renouvelable »).
    RenewableContract {
        /// Length of one contract, in months.
        months: u8,
    },
}

/// Whether a bound is a stated rule or only what the programme's data shows.
///
/// # Example
/// ```
/// use eig_domain::{Basis, Promotion};
///
/// // No rule text bounds EIG1 teams: only the défi records do.
/// assert_eq!(Promotion::Eig1.facts().team_size.unwrap().value.basis, Basis::Observed);
/// assert_eq!(Promotion::Eig3.facts().team_size.unwrap().value.basis, Basis::Rule);
/// assert_eq!(serde_json::to_string(&Basis::Observed)?, r#""observed""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Stated as a rule by the source.
    Rule,
    /// Observed in the défi records; no rule text was found.
    Observed,
}

/// How many talents a défi's team counts.
///
/// # Example
/// ```
/// use eig_domain::{Basis, Promotion, TeamBounds};
///
/// // AAC2 art. 4: teams of 2 to 3 talents, « sauf exception ».
/// let eig2 = Promotion::Eig2.facts().team_size.unwrap().value;
/// assert_eq!(eig2, TeamBounds { min: 2, max: 3, exceptions_allowed: true, basis: Basis::Rule });
/// assert_eq!(
///     serde_json::to_string(&eig2)?,
///     r#"{"min":2,"max":3,"exceptions_allowed":true,"basis":"rule"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TeamBounds {
    /// Fewest talents.
    pub min: u8,
    /// Most talents.
    pub max: u8,
    /// Whether the text allows exceptions (EIG2, AAC2 art. 4: « sauf exception »).
    pub exceptions_allowed: bool,
    /// Rule or observation.
    pub basis: Basis,
}

/// What a candidate's choices designate.
///
/// # Example
/// ```
/// use eig_domain::{ChoiceUnit, Promotion};
///
/// assert_eq!(Promotion::Eig4.facts().choice_limit.unwrap().value.unit, ChoiceUnit::Profiles);
/// assert_eq!(serde_json::to_string(&ChoiceUnit::Projects)?, r#""projects""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChoiceUnit {
    /// Défis (EIG2, EIG3).
    Defis,
    /// Profiles within défis (EIG4, AAC4 art. 5: « profils »).
    Profiles,
    /// Projects (EIG5, EIG6).
    Projects,
}

/// How many choices a candidate makes, and whether they are ordered by preference.
///
/// # Example
/// ```
/// use eig_domain::{ChoiceLimit, ChoiceUnit, Promotion};
///
/// // AAC6 art. 5: 3 to 5 projects, by order of preference.
/// let eig6 = Promotion::Eig6.facts().choice_limit.unwrap();
/// let expected = ChoiceLimit { unit: ChoiceUnit::Projects, min: 3, max: 5, ordered: true };
/// assert_eq!(eig6.value, expected);
/// assert_eq!(eig6.source.to_string(), "AAC6 art. 5");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChoiceLimit {
    /// What is chosen.
    pub unit: ChoiceUnit,
    /// Fewest choices.
    pub min: u8,
    /// Most choices.
    pub max: u8,
    /// Whether the choices are ranked (AAC4 art. 5: « par ordre de préférence »).
    pub ordered: bool,
}

/// One band of a pay grid: the experience it covers (whole months, both ends included) and
/// the net monthly pay.
///
/// # Example
/// ```
/// use eig_domain::{Euros, Experience, Promotion, Share};
///
/// let eig7 = Promotion::Eig7.facts().pay_grid.unwrap().value;
/// let junior = &eig7.bands()[0];
/// assert_eq!(junior.from, Experience::from_months(0));
/// assert_eq!(junior.to, Some(Experience::from_months(119)));
/// assert_eq!(junior.net_monthly, Euros::from_whole(4_250));
/// assert_eq!(junior.variable, Some(Share::from_percent(6)?));
/// assert_eq!(junior.wording, "expérience professionnelle inférieure à 10 ans");
/// # Ok::<(), eig_domain::MoneyError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PayBand {
    /// Least experience in the band.
    pub from: Experience,
    /// Most experience in the band; `None`: no upper bound.
    pub to: Option<Experience>,
    /// Fixed net pay per month.
    pub net_monthly: Euros,
    /// Performance-related variable part, as a share of the fixed pay (EIG7).
    pub variable: Option<Share>,
    /// The source's wording of the band.
    pub wording: Cow<'static, str>,
}

impl PayBand {
    /// Whether `experience` falls in the band.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Experience, Promotion};
    ///
    /// // EIG5, AAC5 art. 2: « jusqu'à 5 années d'expérience » is 0 to 60 months, both
    /// // included (experience counted in completed months: an assumption).
    /// let first = Promotion::Eig5.facts().pay_grid.unwrap().value.bands()[0].clone();
    /// assert!(first.covers(Experience::from_years(5)));
    /// assert!(!first.covers(Experience::from_months(61)));
    /// ```
    pub fn covers(&self, experience: Experience) -> bool {
        self.from <= experience && self.to.is_none_or(|to| experience <= to)
    }
}

/// A pay grid: bands that cover every experience once, in order.
///
/// Experience is counted in completed months, so « jusqu'à 5 années » (AAC5 art. 2) covers
/// 0–60 months and « inférieure à 10 ans » (REG7 §2.4) covers 0–119 months. No text says how
/// experience is counted: completed months is the project's reading
/// (`docs/rules/assumptions.md`, `experience-in-completed-months`).
///
/// # Example
/// ```
/// use eig_domain::{Experience, Promotion};
///
/// let grid = Promotion::Eig5.facts().pay_grid.unwrap().value;
/// assert_eq!(grid.band_for(Experience::from_years(5)).net_monthly.to_string(), "3500.00");
/// assert_eq!(grid.band_for(Experience::from_months(61)).net_monthly.to_string(), "4000.00");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PayGrid {
    bands: Vec<PayBand>,
}

impl PayGrid {
    /// A grid from bands that start at 0 months, follow each other without gap or overlap and
    /// end unbounded.
    ///
    /// # Errors
    /// [`PromotionError::PayGridNotContiguous`] otherwise.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Euros, Experience, PayBand, PayGrid};
    ///
    /// let band = |from, to: Option<u16>| PayBand {
    ///     from: Experience::from_months(from),
    ///     to: to.map(Experience::from_months),
    ///     net_monthly: Euros::from_whole(4_000),
    ///     variable: None,
    ///     wording: "4 000 € net par mois".into(),
    /// };
    /// assert_eq!(PayGrid::new(vec![band(0, Some(60)), band(61, None)])?.bands().len(), 2);
    /// let gap = PayGrid::new(vec![band(0, Some(60)), band(62, None)]).unwrap_err();
    /// assert_eq!(gap.to_string(), "les tranches de la grille de rémunération ne se suivent pas à 5 ans 2 mois d'expérience : chaque tranche commence où finit la précédente, la dernière sans fin");
    /// # Ok::<(), eig_domain::PromotionError>(())
    /// ```
    pub fn new(bands: Vec<PayBand>) -> Result<PayGrid, PromotionError> {
        let mut next = Some(0_u16);
        for band in &bands {
            if next != Some(band.from.months()) {
                return Err(PromotionError::PayGridNotContiguous { at: band.from });
            }
            next = band.to.map(|to| to.months().saturating_add(1));
        }
        if next.is_some() || bands.is_empty() {
            return Err(PromotionError::PayGridNotContiguous {
                at: bands.last().and_then(|band| band.to).unwrap_or_default(),
            });
        }
        Ok(PayGrid { bands })
    }

    /// The bands, in order of experience.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// let grid = Promotion::Eig7.facts().pay_grid.unwrap().value;
    /// let pay: Vec<String> =
    ///     grid.bands().iter().map(|band| band.net_monthly.to_string()).collect();
    /// assert_eq!(pay, ["4250.00", "5000.00"]);
    /// ```
    pub fn bands(&self) -> &[PayBand] {
        &self.bands
    }

    /// The band that covers `experience` (exactly one does).
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Experience, Promotion};
    ///
    /// // REG7 §2.4: « inférieure à 10 ans » is 0 to 119 months.
    /// let grid = Promotion::Eig7.facts().pay_grid.unwrap().value;
    /// assert_eq!(grid.band_for(Experience::from_months(119)).net_monthly.to_string(), "4250.00");
    /// assert_eq!(grid.band_for(Experience::from_years(10)).net_monthly.to_string(), "5000.00");
    /// ```
    pub fn band_for(&self, experience: Experience) -> &PayBand {
        let index = self.bands.iter().position(|band| band.covers(experience));
        // `new` proved the bands cover every experience: the last band is unbounded.
        &self.bands[index.unwrap_or(self.bands.len() - 1)]
    }
}

/// The facts the sources state about one promotion. `None`: no source found.
///
/// # Example
/// ```
/// use eig_domain::{MissionLength, Promotion, PromotionFacts};
///
/// let eig7 = Promotion::Eig7.facts();
/// assert!(eig7.call_for_defis.is_none()); // rolling recruitment: no source states a call
/// let length = eig7.mission_length.clone().unwrap();
/// assert_eq!(length.value, MissionLength::RenewableContract { months: 12 });
/// assert_eq!(length.source.to_string(), "REG7 §2.3");
/// let json = serde_json::to_string(&eig7)?;
/// assert_eq!(serde_json::from_str::<PromotionFacts>(&json)?, eig7);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PromotionFacts {
    /// The promotion.
    pub promotion: Promotion,
    /// The call for défis (*appel à projets*).
    pub call_for_defis: Option<Sourced<Window>>,
    /// When the défi selection jury sat.
    pub defi_jury: Option<Sourced<DateRange>>,
    /// The call for candidates (*appel à candidatures*).
    pub call_for_candidates: Option<Sourced<Window>>,
    /// The second stage of a two-stage call (EIG5, EIG6): pre-selected candidates choose
    /// their projects in this window, once the projects are published.
    pub choice_window: Option<Sourced<Window>>,
    /// When missions start.
    pub mission_start: Option<Sourced<ApproxDate>>,
    /// How long missions last.
    pub mission_length: Option<Sourced<MissionLength>>,
    /// How many talents per défi.
    pub team_size: Option<Sourced<TeamBounds>>,
    /// How many défis, profiles or projects a candidate may choose.
    pub choice_limit: Option<Sourced<ChoiceLimit>>,
    /// The talents' pay.
    pub pay_grid: Option<Sourced<PayGrid>>,
    /// The day before which the final results of the call for candidates are announced
    /// (EIG2, EIG3: « Les résultats définitifs sont annoncés avant le 15 décembre 2017. » (AAC2
    /// art. 5)) or notified to the candidates (EIG4–EIG6: « avant le 20 juillet 2020 » (AAC4
    /// art. 6)), as the text writes it: the day itself is excluded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results_before: Option<Sourced<NaiveDate>>,
    /// The day before which the laureates are announced publicly (EIG4, EIG5: « Les lauréats
    /// de la promotion sont annoncés publiquement avant le 6 août 2020. » (AAC4 art. 6)); the
    /// day itself is excluded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub laureates_announced_before: Option<Sourced<NaiveDate>>,
    /// The last day a candidate on the waiting list may be called on after a withdrawal
    /// (EIG6: « pourront être sollicité(e)s jusqu’au 15 juillet 2022 en cas de désistement »
    /// (AAC6 art. 5.4)); the day itself is included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting_list_until: Option<Sourced<NaiveDate>>,
}

// ---- the tables -------------------------------------------------------------------------

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

fn at(date: NaiveDate, hour: u32, minute: u32) -> NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN))
}

fn src(document: Document, locator: &'static str) -> Source {
    Source::new(document, locator)
}

/// A window closing at a Paris wall-clock time. The tables only use times outside the DST
/// changes; the test suite checks every one resolves.
fn paris_window(opens_on: Option<NaiveDate>, closes: NaiveDateTime) -> Window {
    let closes = match ParisDeadline::from_paris(closes) {
        Ok(deadline) => Closing::Deadline { deadline },
        Err(_) => Closing::Day { on: closes.date() },
    };
    Window { opens_on, closes }
}

fn range(first: NaiveDate, last: NaiveDate) -> DateRange {
    DateRange::new(first, last).unwrap_or_else(|_| {
        DateRange::new(first, first).unwrap_or_else(|_| unreachable!("a one-day range is valid"))
    })
}

fn months(months: u8) -> MissionLength {
    MissionLength::Months { months }
}

fn team(min: u8, max: u8, basis: Basis) -> TeamBounds {
    TeamBounds { min, max, exceptions_allowed: false, basis }
}

fn choices(unit: ChoiceUnit, min: u8, max: u8, ordered: bool) -> ChoiceLimit {
    ChoiceLimit { unit, min, max, ordered }
}

fn band(
    from: u16,
    to: Option<u16>,
    net: u64,
    variable: Option<u8>,
    wording: &'static str,
) -> PayBand {
    PayBand {
        from: Experience::from_months(from),
        to: to.map(Experience::from_months),
        net_monthly: Euros::from_whole(net),
        variable: variable.and_then(|percent| Share::from_percent(percent).ok()),
        wording: Cow::Borrowed(wording),
    }
}

fn grid(bands: Vec<PayBand>) -> PayGrid {
    PayGrid::new(bands).unwrap_or_else(|_| unreachable!("the tables' grids are contiguous"))
}

fn flat_4000(source: Source) -> Sourced<PayGrid> {
    Sourced::new(grid(vec![band(0, None, 4000, None, "4 000 € net par mois")]), source)
}

fn two_tier_grid(source: Source) -> Sourced<PayGrid> {
    Sourced::new(
        grid(vec![
            band(0, Some(60), 3500, None, "3 500 € nets par mois jusqu'à 5 années d'expérience"),
            band(61, None, 4000, None, "4 000 € nets par mois au-delà"),
        ]),
        source,
    )
}

fn eig1() -> PromotionFacts {
    PromotionFacts {
        promotion: Promotion::Eig1,
        call_for_defis: None,
        defi_jury: None,
        call_for_candidates: None,
        choice_window: None,
        mission_start: Some(Sourced::new(
            ApproxDate::Year(2017),
            src(Document::PromotionsData, "promotions[EIG 1].start"),
        )),
        mission_length: Some(Sourced::new(months(10), src(Document::Aap3, "§1"))),
        team_size: Some(Sourced::new(
            team(1, 2, Basis::Observed),
            src(Document::PromotionsData, "defis[promotion = EIG 1].n_talents"),
        )),
        choice_limit: None,
        pay_grid: None,
        results_before: None,
        laureates_announced_before: None,
        waiting_list_until: None,
    }
}

fn eig2() -> PromotionFacts {
    PromotionFacts {
        promotion: Promotion::Eig2,
        call_for_defis: None,
        defi_jury: Some(Sourced::new(
            range(day(2017, 7, 4), day(2017, 7, 5)),
            src(Document::PromotionsData, "promotions[EIG 2].call_for_defis"),
        )),
        call_for_candidates: Some(Sourced::new(
            paris_window(Some(day(2017, 9, 27)), at(day(2017, 10, 27), 17, 0)),
            src(Document::Aac2, "art. 4 (Dossier de candidature)"),
        )),
        choice_window: None,
        mission_start: Some(Sourced::new(
            ApproxDate::Month { year: 2018, month: 1 },
            src(Document::Aap3, "§1"),
        )),
        mission_length: Some(Sourced::new(months(10), src(Document::Aac2, "art. 2"))),
        team_size: Some(Sourced::new(
            TeamBounds { min: 2, max: 3, exceptions_allowed: true, basis: Basis::Rule },
            src(Document::Aac2, "art. 4 (Dossier de candidature)"),
        )),
        choice_limit: Some(Sourced::new(
            choices(ChoiceUnit::Defis, 1, 3, false),
            src(Document::Aac2, "art. 4 (Conditions d'éligibilité)"),
        )),
        pay_grid: Some(flat_4000(src(Document::Aac2, "art. 2"))),
        results_before: Some(Sourced::new(day(2017, 12, 15), src(Document::Aac2, "art. 5"))),
        laureates_announced_before: None,
        waiting_list_until: None,
    }
}

fn eig3() -> PromotionFacts {
    PromotionFacts {
        promotion: Promotion::Eig3,
        call_for_defis: Some(Sourced::new(
            paris_window(Some(day(2018, 5, 4)), at(day(2018, 6, 15), 17, 0)),
            src(Document::Aap3, "§4.2"),
        )),
        defi_jury: Some(Sourced::new(
            range(day(2018, 7, 4), day(2018, 7, 4)),
            src(Document::Aac3, "art. 3"),
        )),
        call_for_candidates: Some(Sourced::new(
            paris_window(Some(day(2018, 9, 13)), at(day(2018, 10, 15), 17, 0)),
            src(Document::Aac3, "art. 5"),
        )),
        choice_window: None,
        mission_start: Some(Sourced::new(
            ApproxDate::Month { year: 2019, month: 1 },
            src(Document::Aac3, "art. 7"),
        )),
        mission_length: Some(Sourced::new(months(10), src(Document::Aac3, "art. 2"))),
        team_size: Some(Sourced::new(team(2, 3, Basis::Rule), src(Document::Aap3, "§2.2"))),
        choice_limit: Some(Sourced::new(
            choices(ChoiceUnit::Defis, 1, 2, false),
            src(Document::Aac3, "art. 4"),
        )),
        pay_grid: Some(flat_4000(src(Document::Aac3, "art. 2"))),
        results_before: Some(Sourced::new(day(2018, 12, 15), src(Document::Aac3, "art. 6"))),
        laureates_announced_before: None,
        waiting_list_until: None,
    }
}

fn dig1() -> PromotionFacts {
    PromotionFacts {
        promotion: Promotion::Dig1,
        call_for_defis: None,
        defi_jury: None,
        call_for_candidates: None,
        choice_window: None,
        mission_start: Some(Sourced::new(
            ApproxDate::Month { year: 2019, month: 6 },
            src(Document::PromotionsData, "promotions[DIG 1].start"),
        )),
        mission_length: Some(Sourced::new(
            MissionLength::MonthsRange { min: 6, max: 12 },
            src(Document::PromotionsData, "defis[promotion = DIG 1].duration_months"),
        )),
        team_size: Some(Sourced::new(
            team(1, 2, Basis::Observed),
            src(Document::PromotionsData, "defis[promotion = DIG 1].n_talents"),
        )),
        choice_limit: None,
        pay_grid: None,
        results_before: None,
        laureates_announced_before: None,
        waiting_list_until: None,
    }
}

fn eig4() -> PromotionFacts {
    // AAC4 states its deadline in a fixed offset, « 23h (UTC+1) », not in Paris time: in June
    // Paris is UTC+2, so the instant is 00:00 Paris time on 8 June 2020.
    let utc_plus_one = FixedOffset::east_opt(3600).unwrap_or_else(|| unreachable!("valid offset"));
    let closes = at(day(2020, 6, 7), 23, 0).and_local_timezone(utc_plus_one).single();
    PromotionFacts {
        promotion: Promotion::Eig4,
        call_for_defis: Some(Sourced::new(
            paris_window(Some(day(2020, 1, 15)), at(day(2020, 2, 28), 17, 0)),
            src(Document::Aap4, "§5.3"),
        )),
        defi_jury: Some(Sourced::new(
            range(day(2020, 3, 24), day(2020, 3, 25)),
            src(Document::Aap4, "§5.1"),
        )),
        call_for_candidates: closes.map(|at: DateTime<FixedOffset>| {
            Sourced::new(
                Window { opens_on: Some(day(2020, 5, 4)), closes: Closing::Offset { at } },
                src(Document::Aac4, "art. 1"),
            )
        }),
        choice_window: None,
        mission_start: Some(Sourced::new(
            ApproxDate::Day(day(2020, 9, 1)),
            src(Document::Aap4, "§4.2"),
        )),
        mission_length: Some(Sourced::new(months(10), src(Document::Aac4, "art. 2"))),
        team_size: Some(Sourced::new(team(2, 3, Basis::Rule), src(Document::Aap4, "§2"))),
        choice_limit: Some(Sourced::new(
            choices(ChoiceUnit::Profiles, 1, 3, true),
            src(Document::Aac4, "art. 5"),
        )),
        pay_grid: Some(flat_4000(src(Document::Aac4, "art. 2"))),
        results_before: Some(Sourced::new(day(2020, 7, 20), src(Document::Aac4, "art. 6"))),
        laureates_announced_before: Some(Sourced::new(
            day(2020, 8, 6),
            src(Document::Aac4, "art. 6"),
        )),
        waiting_list_until: None,
    }
}

fn eig5() -> PromotionFacts {
    PromotionFacts {
        promotion: Promotion::Eig5,
        call_for_defis: Some(Sourced::new(
            paris_window(Some(day(2021, 2, 1)), at(day(2021, 4, 7), 23, 59)),
            src(Document::Aap5, "§5.3"),
        )),
        defi_jury: Some(Sourced::new(
            range(day(2021, 5, 4), day(2021, 5, 5)),
            src(Document::Aap5, "§5.1"),
        )),
        call_for_candidates: Some(Sourced::new(
            paris_window(Some(day(2021, 3, 1)), at(day(2021, 5, 2), 23, 59)),
            src(Document::Aac5, "art. 4"),
        )),
        choice_window: Some(Sourced::new(
            paris_window(Some(day(2021, 5, 24)), at(day(2021, 5, 31), 23, 59)),
            src(Document::Aac5, "art. 5 §2"),
        )),
        mission_start: Some(Sourced::new(
            ApproxDate::Day(day(2021, 9, 13)),
            src(Document::Aac5, "art. 6"),
        )),
        mission_length: Some(Sourced::new(months(10), src(Document::Aac5, "art. 2"))),
        team_size: Some(Sourced::new(team(2, 3, Basis::Rule), src(Document::Aap5, "§2"))),
        choice_limit: Some(Sourced::new(
            choices(ChoiceUnit::Projects, 3, 3, true),
            src(Document::Aac5, "art. 5 §2"),
        )),
        pay_grid: Some(two_tier_grid(src(Document::Aac5, "art. 2"))),
        results_before: Some(Sourced::new(day(2021, 7, 13), src(Document::Aac5, "art. 5"))),
        laureates_announced_before: Some(Sourced::new(
            day(2021, 8, 6),
            src(Document::Aac5, "art. 5"),
        )),
        waiting_list_until: None,
    }
}

fn eig6() -> PromotionFacts {
    PromotionFacts {
        promotion: Promotion::Eig6,
        call_for_defis: Some(Sourced::new(
            paris_window(Some(day(2022, 1, 24)), at(day(2022, 3, 18), 23, 59)),
            src(Document::Aap6, "§5.3"),
        )),
        defi_jury: Some(Sourced::new(
            range(day(2022, 3, 31), day(2022, 4, 1)),
            src(Document::Aap6, "§5.1"),
        )),
        call_for_candidates: Some(Sourced::new(
            paris_window(Some(day(2022, 3, 7)), at(day(2022, 4, 3), 23, 59)),
            src(Document::Aac6, "art. 4"),
        )),
        choice_window: Some(Sourced::new(
            paris_window(Some(day(2022, 5, 9)), at(day(2022, 5, 15), 23, 59)),
            src(Document::Aac6, "art. 5"),
        )),
        mission_start: Some(Sourced::new(
            ApproxDate::Day(day(2022, 9, 12)),
            src(Document::Aac6, "art. 6"),
        )),
        mission_length: Some(Sourced::new(months(10), src(Document::Aac6, "art. 2"))),
        team_size: Some(Sourced::new(team(2, 3, Basis::Rule), src(Document::Aap6, "§2"))),
        choice_limit: Some(Sourced::new(
            choices(ChoiceUnit::Projects, 3, 5, true),
            src(Document::Aac6, "art. 5"),
        )),
        pay_grid: Some(two_tier_grid(src(Document::Aac6, "art. 2"))),
        results_before: Some(Sourced::new(day(2022, 7, 15), src(Document::Aac6, "art. 5.6"))),
        laureates_announced_before: None,
        waiting_list_until: Some(Sourced::new(day(2022, 7, 15), src(Document::Aac6, "art. 5.4"))),
    }
}

fn eig7() -> PromotionFacts {
    PromotionFacts {
        promotion: Promotion::Eig7,
        call_for_defis: None,
        defi_jury: None,
        call_for_candidates: None,
        choice_window: None,
        mission_start: None,
        mission_length: Some(Sourced::new(
            MissionLength::RenewableContract { months: 12 },
            src(Document::Reg7, "§2.3"),
        )),
        team_size: Some(Sourced::new(team(1, 2, Basis::Rule), src(Document::Reg7, "§3.4 b"))),
        choice_limit: None,
        pay_grid: Some(Sourced::new(
            grid(vec![
                band(0, Some(119), 4250, Some(6), "expérience professionnelle inférieure à 10 ans"),
                band(
                    120,
                    None,
                    5000,
                    Some(10),
                    "expérience professionnelle supérieure ou égale 10 ans",
                ),
            ]),
            src(Document::Reg7, "§2.4"),
        )),
        results_before: None,
        laureates_announced_before: None,
        waiting_list_until: None,
    }
}

/// Why a promotion or a promotion fact is not valid.
///
/// # Example
/// ```
/// use eig_domain::{Promotion, PromotionError};
///
/// let err = "EIG8".parse::<Promotion>().unwrap_err();
/// assert_eq!(err, PromotionError::Unknown { input: "EIG8".to_owned() });
/// assert_eq!(err.to_string(), r#""EIG8" n'est pas une promotion : écrivez EIG1 à EIG7, ou DIG1"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PromotionError {
    /// Not one of `EIG1`…`EIG7`, `DIG1` (or `EIG 1`…).
    #[error("{} n'est pas une promotion : écrivez EIG1 à EIG7, ou DIG1", echo(input))]
    Unknown {
        /// The rejected text.
        input: String,
    },
    /// Pay bands leave a gap, overlap, or do not end unbounded.
    #[error(
        "les tranches de la grille de rémunération ne se suivent pas à {at} d'expérience : chaque tranche commence où finit la précédente, la dernière sans fin"
    )]
    PayGridNotContiguous {
        /// The experience where the problem is.
        at: Experience,
    },
}
