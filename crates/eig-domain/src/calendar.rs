//! Dates as the sources state them: Paris-time deadlines resolved to instants, and dates known
//! only to the month or the year.

use std::{fmt, str::FromStr};

use chrono::{
    DateTime, Datelike as _, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, TimeZone,
    Timelike as _, Utc,
};
use chrono_tz::Europe::Paris;
use serde::{Deserialize, Serialize};

use crate::echo::echo;

/// A calendar day `YYYY-MM-DD`, as a regular expression without anchors: each month's length
/// is checked, 29 February only in leap years (the proleptic Gregorian calendar, as chrono).
#[cfg(feature = "schemars")]
macro_rules! day_regex {
    () => {
        concat!(
            "(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
            "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))",
            "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)",
        )
    };
}

/// What [`ApproxDate`]'s `FromStr` accepts, as a JSON Schema (ECMA-262) pattern: `YYYY`,
/// `YYYY-MM` or a day `YYYY-MM-DD` that exists.
#[cfg(feature = "schemars")]
const APPROX_DATE_PATTERN: &str =
    concat!("^(?:[0-9]{4}(?:-(?:0[1-9]|1[0-2]))?|", day_regex!(), ")$");

/// What the `paris` field of a [`ParisDeadline`] accepts, as a JSON Schema (ECMA-262)
/// pattern: a local date and time without offset, `T` between them, seconds required, as
/// chrono's `NaiveDateTime` reads it (at most nanoseconds; a leap second is not offered).
#[cfg(feature = "schemars")]
const PARIS_PATTERN: &str =
    concat!("^", day_regex!(), "T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,9})?$");

/// A deadline stated in Paris wall-clock time ("17h00 (heure de Paris)"), with the instant it
/// denotes.
///
/// The instant is computed with the IANA `Europe/Paris` zone (chrono-tz), so summer time
/// (CEST, UTC+2) and winter time (CET, UTC+1) are both right. A wall-clock time that does
/// not exist (skipped by the spring change) or that happens twice (the autumn change) is
/// refused with a typed error rather than guessed.
///
/// Serialized as `{"paris": "2018-06-15T17:00:00", "utc": "2018-06-15T15:00:00Z"}`; on input
/// the `utc` field is checked against `paris`. Its JSON Schema (feature `schemars`) states
/// each field's form but cannot make that check, nor refuse a Paris time that does not
/// exist or happens twice.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use eig_domain::ParisDeadline;
///
/// let local = NaiveDate::from_ymd_opt(2018, 6, 15).unwrap().and_hms_opt(17, 0, 0).unwrap();
/// let deadline = ParisDeadline::from_paris(local)?;
/// assert_eq!(deadline.instant().to_rfc3339(), "2018-06-15T15:00:00+00:00");
/// # Ok::<(), eig_domain::CalendarError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(with = "RawDeadline"))]
#[serde(try_from = "RawDeadline", into = "RawDeadline")]
pub struct ParisDeadline {
    paris: NaiveDateTime,
    instant: DateTime<Utc>,
}

impl ParisDeadline {
    /// The deadline at Paris wall-clock time `paris`.
    ///
    /// # Errors
    /// [`CalendarError::NonexistentParisTime`] inside the spring-forward gap,
    /// [`CalendarError::AmbiguousParisTime`] inside the repeated autumn hour.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{CalendarError, ParisDeadline};
    ///
    /// // The AAP4 call for défis closed on 28 February 2020 at 17h00, Paris winter time
    /// // (AAP4 §5.3).
    /// let aap4 = ParisDeadline::from_paris("2020-02-28T17:00:00".parse()?)?;
    /// assert_eq!(aap4.instant().to_rfc3339(), "2020-02-28T16:00:00+00:00");
    /// // 02:30 on 26 March 2023 was skipped: Paris went from 02:00 straight to 03:00.
    /// let skipped = ParisDeadline::from_paris("2023-03-26T02:30:00".parse()?).unwrap_err();
    /// assert!(matches!(skipped, CalendarError::NonexistentParisTime { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_paris(paris: NaiveDateTime) -> Result<ParisDeadline, CalendarError> {
        match Paris.from_local_datetime(&paris) {
            LocalResult::Single(zoned) => {
                Ok(ParisDeadline { paris, instant: zoned.with_timezone(&Utc) })
            }
            LocalResult::None => Err(CalendarError::NonexistentParisTime { paris }),
            LocalResult::Ambiguous(..) => Err(CalendarError::AmbiguousParisTime { paris }),
        }
    }

    /// The Paris wall-clock time as stated by the source.
    ///
    /// # Example
    /// ```
    /// use eig_domain::ParisDeadline;
    ///
    /// // AAC3 art. 5: « le 15 octobre 2018 à 17h. » The text names no time zone: Paris time
    /// // is the project's reading (docs/rules/assumptions.md, `deadline-time-zone`).
    /// let deadline = ParisDeadline::from_paris("2018-10-15T17:00:00".parse()?)?;
    /// assert_eq!(deadline.paris().to_string(), "2018-10-15 17:00:00");
    /// assert_eq!(deadline.to_string(), "15/10/2018 17h00 (heure de Paris)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn paris(self) -> NaiveDateTime {
        self.paris
    }

    /// The instant the deadline denotes.
    ///
    /// # Example
    /// ```
    /// use eig_domain::ParisDeadline;
    ///
    /// // AAC2 art. 4: « à 17 heures le 27 octobre 2017 », no time zone stated; read as Paris
    /// // time (an assumption), still summer time (UTC+2).
    /// let deadline = ParisDeadline::from_paris("2017-10-27T17:00:00".parse()?)?;
    /// assert_eq!(deadline.instant().to_rfc3339(), "2017-10-27T15:00:00+00:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn instant(self) -> DateTime<Utc> {
        self.instant
    }
}

impl fmt::Display for ParisDeadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Written field by field: chrono's `format` reads its pattern again at every call.
        let paris = self.paris;
        write!(
            f,
            "{:02}/{:02}/{:04} {:02}h{:02} (heure de Paris)",
            paris.day(),
            paris.month(),
            paris.year(),
            paris.hour(),
            paris.minute()
        )
    }
}

/// Wire form of [`ParisDeadline`].
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawDeadline {
    #[cfg_attr(feature = "schemars", schemars(extend("pattern" = PARIS_PATTERN)))]
    paris: NaiveDateTime,
    utc: DateTime<Utc>,
}

impl TryFrom<RawDeadline> for ParisDeadline {
    type Error = CalendarError;

    fn try_from(raw: RawDeadline) -> Result<ParisDeadline, CalendarError> {
        let deadline = ParisDeadline::from_paris(raw.paris)?;
        if deadline.instant != raw.utc {
            return Err(CalendarError::InconsistentDeadline {
                paris: raw.paris,
                utc: raw.utc,
                expected: deadline.instant,
            });
        }
        Ok(deadline)
    }
}

impl From<ParisDeadline> for RawDeadline {
    fn from(deadline: ParisDeadline) -> RawDeadline {
        RawDeadline { paris: deadline.paris, utc: deadline.instant }
    }
}

/// A date known to the day, to the month or only to the year ("January 2019", "early 2017").
///
/// Written `2019-01-15`, `2019-01` or `2019` (in JSON too).
///
/// # Example
/// ```
/// use eig_domain::ApproxDate;
///
/// let start: ApproxDate = "2019-01".parse()?;
/// assert_eq!(start, ApproxDate::Month { year: 2019, month: 1 });
/// assert!("2019-13".parse::<ApproxDate>().is_err());
/// # Ok::<(), eig_domain::CalendarError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(with = "String"))]
#[cfg_attr(feature = "schemars", schemars(extend("pattern" = APPROX_DATE_PATTERN)))]
#[serde(try_from = "String", into = "String")]
pub enum ApproxDate {
    /// Known to the day.
    Day(NaiveDate),
    /// Known to the month.
    Month {
        /// The year.
        year: i32,
        /// The month, 1–12.
        month: u32,
    },
    /// Known only to the year.
    Year(i32),
}

impl ApproxDate {
    /// The earliest day the date may denote.
    ///
    /// # Example
    /// ```
    /// use eig_domain::ApproxDate;
    /// let day = ApproxDate::Month { year: 2019, month: 1 }.earliest_day();
    /// assert_eq!(day.to_string(), "2019-01-01");
    /// ```
    pub fn earliest_day(self) -> NaiveDate {
        let day = match self {
            ApproxDate::Day(day) => Some(day),
            ApproxDate::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1),
            ApproxDate::Year(year) => NaiveDate::from_ymd_opt(year, 1, 1),
        };
        // Every constructor validated the year and month, so the first day exists.
        day.unwrap_or(NaiveDate::MIN)
    }
}

impl fmt::Display for ApproxDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApproxDate::Day(day) => write!(f, "{}", day.format("%Y-%m-%d")),
            ApproxDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            ApproxDate::Year(year) => write!(f, "{year:04}"),
        }
    }
}

impl FromStr for ApproxDate {
    type Err = CalendarError;

    fn from_str(input: &str) -> Result<ApproxDate, CalendarError> {
        let invalid = || CalendarError::InvalidDate { input: input.to_owned() };
        let number = |part: &str, len: usize| -> Result<u32, CalendarError> {
            if part.len() == len && part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| invalid())
            } else {
                Err(invalid())
            }
        };
        let parts: Vec<&str> = input.split('-').collect();
        match parts.as_slice() {
            [year] => {
                let year = number(year, 4)?;
                Ok(ApproxDate::Year(i32::try_from(year).map_err(|_| invalid())?))
            }
            [year, month] => {
                let year = i32::try_from(number(year, 4)?).map_err(|_| invalid())?;
                let month = number(month, 2)?;
                if (1..=12).contains(&month) {
                    Ok(ApproxDate::Month { year, month })
                } else {
                    Err(invalid())
                }
            }
            [year, month, day] => {
                let year = i32::try_from(number(year, 4)?).map_err(|_| invalid())?;
                NaiveDate::from_ymd_opt(year, number(month, 2)?, number(day, 2)?)
                    .map(ApproxDate::Day)
                    .ok_or_else(invalid)
            }
            _ => Err(invalid()),
        }
    }
}

impl TryFrom<String> for ApproxDate {
    type Error = CalendarError;

    fn try_from(value: String) -> Result<ApproxDate, CalendarError> {
        value.parse()
    }
}

impl From<ApproxDate> for String {
    fn from(date: ApproxDate) -> String {
        date.to_string()
    }
}

/// The end of a call window as the source states it.
///
/// # Example
/// ```
/// use eig_domain::{Closing, Promotion};
///
/// // AAC4 art. 1 states « 7 juin 2020 à 23h (UTC+1) »: an offset, not Paris time.
/// let closes = Promotion::Eig4.facts().call_for_candidates.unwrap().value.closes;
/// assert!(matches!(closes, Closing::Offset { .. }));
/// assert_eq!(
///     serde_json::to_string(&closes)?,
///     r#"{"precision":"offset","at":"2020-06-07T23:00:00+01:00"}"#
/// );
/// let day_only: Closing = serde_json::from_str(r#"{"precision": "day", "on": "2018-06-15"}"#)?;
/// assert_eq!(day_only.instant(), None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "precision", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Closing {
    /// A time of day is stated ("17h00 (heure de Paris)").
    Deadline {
        /// The deadline.
        deadline: ParisDeadline,
    },
    /// A time of day is stated with an explicit UTC offset instead of Paris time (AAC4:
    /// « 7 juin 2020 à 23h (UTC+1) »); kept as stated.
    Offset {
        /// The instant, with the offset the source gives.
        at: DateTime<FixedOffset>,
    },
    /// Only the closing day is stated.
    Day {
        /// The day.
        on: NaiveDate,
    },
}

impl Closing {
    /// The last instant of the window, when a time of day is stated.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// let window = Promotion::Eig3.facts().call_for_defis.unwrap().value;
    /// assert_eq!(window.closes.instant().unwrap().to_rfc3339(), "2018-06-15T15:00:00+00:00");
    /// ```
    pub fn instant(self) -> Option<DateTime<Utc>> {
        match self {
            Closing::Deadline { deadline } => Some(deadline.instant()),
            Closing::Offset { at } => Some(at.with_timezone(&Utc)),
            Closing::Day { .. } => None,
        }
    }
}

/// A call window: the day it opens and how it closes.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
///
/// let window = Promotion::Eig3.facts().call_for_defis.unwrap().value;
/// assert_eq!(window.opens_on.map(|day| day.to_string()), Some("2018-05-04".to_owned()));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// First day of the window, when stated.
    pub opens_on: Option<NaiveDate>,
    /// How the window closes.
    pub closes: Closing,
}

/// A span of days, both ends included (`2022-09-12` to `2023-07-11`).
///
/// Its JSON Schema (feature `schemars`) cannot say that `last` is not before `first`: a
/// reversed range is valid under the schema and refused on input.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use eig_domain::DateRange;
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2022, m, d).unwrap();
/// assert!(DateRange::new(day(9, 12), day(7, 11)).is_err());
/// let range = DateRange::new(day(1, 1), day(12, 31))?;
/// assert!(range.contains(day(6, 1)));
/// # Ok::<(), eig_domain::CalendarError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(with = "RawRange"))]
#[serde(try_from = "RawRange", into = "RawRange")]
pub struct DateRange {
    first: NaiveDate,
    last: NaiveDate,
}

impl DateRange {
    /// The days from `first` to `last`, both included.
    ///
    /// # Errors
    /// [`CalendarError::RangeReversed`] when `last` is before `first`.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{DateRange, Promotion};
    ///
    /// // The EIG4 défi jury sat on 24 and 25 March 2020 (AAP4 §5.1).
    /// let jury = DateRange::new("2020-03-24".parse()?, "2020-03-25".parse()?)?;
    /// assert_eq!(Promotion::Eig4.facts().defi_jury.map(|jury| jury.value), Some(jury));
    /// let reversed = DateRange::new("2020-03-25".parse()?, "2020-03-24".parse()?).unwrap_err();
    /// assert_eq!(
    ///     reversed.to_string(),
    ///     "la période finit le 2020-03-24, avant de commencer le 2020-03-25 : donnez le premier jour avant le dernier"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(first: NaiveDate, last: NaiveDate) -> Result<DateRange, CalendarError> {
        if last < first {
            return Err(CalendarError::RangeReversed { first, last });
        }
        Ok(DateRange { first, last })
    }

    /// The first day.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// let jury = Promotion::Eig6.facts().defi_jury.unwrap().value;
    /// assert_eq!(jury.first().to_string(), "2022-03-31");
    /// ```
    pub const fn first(self) -> NaiveDate {
        self.first
    }

    /// The last day (included).
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// let jury = Promotion::Eig6.facts().defi_jury.unwrap().value;
    /// assert_eq!(jury.last().to_string(), "2022-04-01");
    /// ```
    pub const fn last(self) -> NaiveDate {
        self.last
    }

    /// Whether `day` lies within the range.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// let jury = Promotion::Eig6.facts().defi_jury.unwrap().value;
    /// assert!(jury.contains("2022-04-01".parse()?)); // the last day is included
    /// assert!(!jury.contains("2022-04-02".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last
    }
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawRange {
    first: NaiveDate,
    last: NaiveDate,
}

impl TryFrom<RawRange> for DateRange {
    type Error = CalendarError;

    fn try_from(raw: RawRange) -> Result<DateRange, CalendarError> {
        DateRange::new(raw.first, raw.last)
    }
}

impl From<DateRange> for RawRange {
    fn from(range: DateRange) -> RawRange {
        RawRange { first: range.first, last: range.last }
    }
}

/// Why a date or deadline is not valid.
///
/// # Example
/// ```
/// use eig_domain::{ApproxDate, CalendarError};
///
/// let err = "2019-13".parse::<ApproxDate>().unwrap_err();
/// assert_eq!(err, CalendarError::InvalidDate { input: "2019-13".to_owned() });
/// assert_eq!(err.to_string(), r#""2019-13" n'est pas une date : écrivez AAAA, AAAA-MM ou AAAA-MM-JJ (par ex. 2019-03-15)"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// The Paris wall-clock time falls in the spring-forward gap and never happens.
    #[error(
        "{paris} n'existe pas à l'heure de Paris (passage à l'heure d'été) : donnez une heure qui existe, par ex. une heure plus tard"
    )]
    NonexistentParisTime {
        /// The rejected wall-clock time.
        paris: NaiveDateTime,
    },
    /// The Paris wall-clock time happens twice (autumn change) and is ambiguous.
    #[error(
        "{paris} a lieu deux fois à l'heure de Paris (passage à l'heure d'hiver) : donnez une heure sans ambiguïté"
    )]
    AmbiguousParisTime {
        /// The rejected wall-clock time.
        paris: NaiveDateTime,
    },
    /// The `utc` of a deadline does not match its `paris` time.
    #[error(
        "l'échéance {paris} heure de Paris correspond à {expected} et non à {utc} : corrigez l'une des deux"
    )]
    InconsistentDeadline {
        /// The Paris wall-clock time given.
        paris: NaiveDateTime,
        /// The instant given.
        utc: DateTime<Utc>,
        /// The instant the Paris time denotes.
        expected: DateTime<Utc>,
    },
    /// The text is not a date of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error(
        "{} n'est pas une date : écrivez AAAA, AAAA-MM ou AAAA-MM-JJ (par ex. 2019-03-15)",
        echo(input)
    )]
    InvalidDate {
        /// The rejected text.
        input: String,
    },
    /// A range ends before it starts.
    #[error(
        "la période finit le {last}, avant de commencer le {first} : donnez le premier jour avant le dernier"
    )]
    RangeReversed {
        /// First day given.
        first: NaiveDate,
        /// Last day given.
        last: NaiveDate,
    },
}
