//! Answers as a person typed them (`31/02/2018`, `16h30`, `70 000 €`, `3 ans`), read in
//! French conventions and put in their place in a record, or refused with a message in the
//! person's words: what the simulator page sends, so that no date, time zone or amount is
//! converted in the browser.
//!
//! A Paris time is resolved with the IANA `Europe/Paris` zone (chrono-tz, through
//! [`eig_domain::ParisDeadline`]): the switch to summer time at 02:00 and back at 03:00 is
//! the zone's, not a rule of thumb.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use eig_domain::{CalendarError, Euros, ParisDeadline};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use serde_json::Value;

/// An answer as a person typed it.
///
/// # Example
/// ```
/// let answer: eig_api::TypedAnswer =
///     serde_json::from_str(r#"{"kind": "paris_time", "date": "15/06/2018", "time": "16h30"}"#)?;
/// assert!(matches!(answer, eig_api::TypedAnswer::ParisTime { .. }));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum TypedAnswer {
    /// A date and a time of day in Paris: the date written `15/06/2018`, `15/6/2018` or
    /// `2018-06-15`, the time `16:30`, `16h30` or `16h`.
    ParisTime {
        /// The date as typed.
        date: String,
        /// The time in Paris as typed.
        time: String,
    },
    /// A day, written `15/06/2018`, `15/6/2018` or `2018-06-15`.
    Day {
        /// The date as typed.
        date: String,
    },
    /// An amount in euros: `70000`, `70 000`, `70 000,50 €`.
    Euros {
        /// The amount as typed.
        amount: String,
    },
    /// A length of time in years and months (a professional experience): either may be
    /// empty, not both.
    Duration {
        /// The years as typed.
        years: String,
        /// The months as typed.
        months: String,
    },
}

/// A typed answer that could not be read: the answer counts as not given.
///
/// # Example
/// ```
/// let dossier = eig_api::fixtures::dossier(eig_domain::Promotion::Eig3)?;
/// let mut simulation = eig_api::Simulation::new(dossier);
/// simulation.typed.insert("submitted_at".into(), eig_api::TypedAnswer::ParisTime {
///     date: "31/02/2018".into(), time: "12:00".into() });
/// let result = eig_api::simulate(&simulation)?;
/// assert_eq!(result.answer_errors[0].field, "submitted_at");
/// assert!(result.answer_errors[0].message.contains("février 2018 compte 28 jours"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct AnswerError {
    /// The answer's field, as the request names it (`submitted_at`, `talents.t1.experience`).
    pub field: String,
    /// Why, in French, in the person's words, and how to write it.
    pub message: String,
}

/// The French names of the months, for messages.
const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// At most this many characters of what was typed are repeated in a message.
const ECHO: usize = 40;

/// What was typed, trimmed and shortened, to repeat in a message.
fn echo(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= ECHO {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(ECHO).collect::<String>())
    }
}

/// The whole number written in `text` (ASCII digits only, at most 9 of them).
fn number(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() || text.len() > 9 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The number of days of `month` (1–12) of `year`.
fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|next| next.pred_opt()).map_or(31, |last| last.day())
}

/// A date as a person writes it: `15/06/2018`, `15/6/2018`, `15-06-2018`, `15.06.2018` or
/// `2018-06-15`.
///
/// # Errors
/// The message to show, in French.
pub(crate) fn read_date(typed: &str) -> Result<NaiveDate, String> {
    let text = typed.trim();
    if text.is_empty() {
        return Err("Indiquez la date, par exemple 15/06/2018.".to_owned());
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let not_a_date = || {
        format!(
            "{} n'est pas une date : écrivez-la jour/mois/année, par exemple 15/06/2018.",
            echo(text)
        )
    };
    let (day, month, year) = match parts.as_slice() {
        [year, month, day] if year.trim().len() == 4 => (*day, *month, *year),
        [day, month, year] => (*day, *month, *year),
        _ => return Err(not_a_date()),
    };
    let (Some(day), Some(month), Some(year)) = (number(day), number(month), number(year)) else {
        return Err(not_a_date());
    };
    if !(1000..=9999).contains(&year) {
        return Err(format!(
            "L'année de {} doit s'écrire avec ses quatre chiffres, par exemple 15/06/2018.",
            echo(text)
        ));
    }
    let year = i32::try_from(year).map_err(|_| not_a_date())?;
    if !(1..=12).contains(&month) {
        return Err(format!(
            "Le mois {month} n'existe pas ({}) : écrivez un mois de 1 à 12.",
            echo(text)
        ));
    }
    let days = days_in_month(year, month);
    let month_name = MONTHS[usize::try_from(month - 1).unwrap_or(0)];
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        format!("Le {} n'existe pas : {month_name} {year} compte {days} jours.", echo(text))
    })
}

/// A time of day as a person writes it: `16:30`, `16h30`, `16h`, `16 h 30`.
fn read_time(typed: &str) -> Result<NaiveTime, String> {
    let text = typed.trim();
    if text.is_empty() {
        return Err("Indiquez l'heure de Paris, par exemple 16:30.".to_owned());
    }
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let lower = compact.to_lowercase();
    let (hours, minutes) = match lower.split_once([':', 'h']) {
        Some((hours, minutes)) => (hours, if minutes.is_empty() { "0" } else { minutes }),
        None => (lower.as_str(), "0"),
    };
    let not_a_time =
        || format!("{} n'est pas une heure : écrivez-la comme 16:30 ou 16h30.", echo(text));
    let (Some(hours), Some(minutes)) = (number(hours), number(minutes)) else {
        return Err(not_a_time());
    };
    NaiveTime::from_hms_opt(hours, minutes, 0).ok_or_else(|| {
        format!(
            "{} n'est pas une heure de la journée : écrivez une heure de 00:00 à 23:59.",
            echo(text)
        )
    })
}

/// A date and a time in Paris, as an RFC 3339 instant with Paris's offset that day.
///
/// # Errors
/// The message to show, in French.
pub(crate) fn read_paris_time(date: &str, time: &str) -> Result<String, String> {
    let day = read_date(date)?;
    let time = read_time(time)?;
    let local = NaiveDateTime::new(day, time);
    let shown = format!("Le {} à {}", day.format("%d/%m/%Y"), time.format("%H:%M"));
    match ParisDeadline::from_paris(local) {
        Ok(deadline) => {
            let offset_seconds = (local - deadline.instant().naive_utc()).num_seconds();
            let offset = chrono::FixedOffset::east_opt(i32::try_from(offset_seconds).unwrap_or(0))
                .ok_or_else(|| format!("{shown} : heure de Paris introuvable."))?;
            Ok(deadline.instant().with_timezone(&offset).to_rfc3339())
        }
        Err(CalendarError::NonexistentParisTime { .. }) => Err(format!(
            "{shown}, l'heure n'a pas existé à Paris : ce jour-là, à 2 heures, les horloges sont \
             passées directement à 3 heures (heure d'été). Donnez une heure avant 02:00 ou à \
             partir de 03:00."
        )),
        Err(CalendarError::AmbiguousParisTime { .. }) => Err(format!(
            "{shown}, l'heure a eu lieu deux fois à Paris : ce jour-là, à 3 heures, les horloges \
             sont revenues à 2 heures (heure d'hiver). Donnez une heure avant 02:00 ou à partir \
             de 03:00."
        )),
        Err(_) => Err(format!("{shown} : heure de Paris introuvable.")),
    }
}

/// An amount in euros as a person writes it: spaces (also no-break) group the thousands, a
/// comma (or a point followed by one or two digits) marks the cents, `€` or `euros` may
/// follow.
fn read_euros(typed: &str) -> Result<Euros, String> {
    let text = typed.trim();
    if text.is_empty() {
        return Err("Indiquez le montant en euros, par exemple 70 000.".to_owned());
    }
    let lower = text.to_lowercase();
    let bare = lower.trim_end_matches("euros").trim_end_matches('€').trim();
    let mut digits: String = bare.chars().filter(|c| !c.is_whitespace()).collect();
    let not_an_amount = || {
        format!(
            "{} n'est pas un montant : écrivez des chiffres, par exemple 70 000 ou 70 000,50.",
            echo(text)
        )
    };
    if digits.starts_with('-') {
        return Err(format!("{} est négatif : un coût est positif ou nul.", echo(text)));
    }
    if digits.contains(',') {
        // The point groups thousands (`70.000,50`), the comma marks the cents.
        digits = digits.replace('.', "").replace(',', ".");
    } else if digits.rsplit_once('.').is_some_and(|(_, cents)| cents.len() == 3) {
        // A point followed by three digits groups thousands (`70.000`).
        digits = digits.replace('.', "");
    }
    if digits.is_empty()
        || digits.matches('.').count() > 1
        || !digits.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        return Err(not_an_amount());
    }
    if digits.split('.').nth(1).is_some_and(|cents| cents.len() > 2) {
        return Err(format!(
            "{} a plus de deux chiffres après la virgule : arrondissez au centime.",
            echo(text)
        ));
    }
    digits.parse::<Euros>().map_err(|_| not_an_amount())
}

/// The longest experience accepted, in months (a hundred years).
const MAX_EXPERIENCE_MONTHS: u32 = 1200;

/// A length of time in months, from years and months as a person writes them.
fn read_duration(years: &str, months: &str) -> Result<u32, String> {
    if years.trim().is_empty() && months.trim().is_empty() {
        return Err("Indiquez l'expérience en années et en mois (0 si aucune).".to_owned());
    }
    let read = |typed: &str, units: &[&str], unit: &str| {
        let text = typed.trim();
        let text = units.iter().find_map(|u| text.strip_suffix(u)).unwrap_or(text).trim();
        if text.is_empty() {
            return Ok(0);
        }
        number(text).ok_or_else(|| {
            format!(
                "{} n'est pas un nombre {unit} : écrivez des chiffres, par exemple 3.",
                echo(typed)
            )
        })
    };
    let years = read(years, &["ans", "an"], "d'années")?;
    let months = read(months, &["mois"], "de mois")?;
    let total = years
        .checked_mul(12)
        .and_then(|total| total.checked_add(months))
        .filter(|total| *total <= MAX_EXPERIENCE_MONTHS)
        .ok_or_else(|| {
            "Une expérience de plus de 100 ans ne peut pas être lue : vérifiez les années et \
             les mois."
                .to_owned()
        })?;
    Ok(total)
}

/// The JSON value an answer puts in its place.
fn value_of(answer: &TypedAnswer) -> Result<Value, String> {
    match answer {
        TypedAnswer::ParisTime { date, time } => read_paris_time(date, time).map(Value::from),
        TypedAnswer::Day { date } => {
            read_date(date).map(|day| Value::from(day.format("%Y-%m-%d").to_string()))
        }
        TypedAnswer::Euros { amount } => {
            read_euros(amount).map(|euros| Value::from(euros.to_string()))
        }
        TypedAnswer::Duration { years, months } => read_duration(years, months).map(Value::from),
    }
}

/// `value` put at the dotted `path` of `target` (objects created on the way).
fn put(target: &mut Value, path: &str, value: Value) -> bool {
    let mut node = target;
    let mut keys = path.split('.').peekable();
    while let Some(key) = keys.next() {
        if key.is_empty() {
            return false;
        }
        if node.is_null() {
            *node = Value::Object(serde_json::Map::new());
        }
        let Value::Object(map) = node else { return false };
        if keys.peek().is_none() {
            map.insert(key.to_owned(), value);
            return true;
        }
        node = map.entry(key.to_owned()).or_insert(Value::Null);
    }
    false
}

/// The error for an answer whose field the record does not have, or has of another kind.
pub(crate) fn no_such_field(field: &str) -> AnswerError {
    AnswerError {
        field: field.to_owned(),
        message: format!(
            "Cette réponse ne correspond à aucune question de ce formulaire ({}).",
            echo(field)
        ),
    }
}

/// `record` with each of `answers` put in place at its field (a dotted path in the record),
/// and the answers that could not be read or placed, each with its message; those leave the
/// record as it was.
pub(crate) fn apply<T: Serialize + DeserializeOwned + Clone>(
    record: &T,
    answers: &BTreeMap<String, TypedAnswer>,
    errors: &mut Vec<AnswerError>,
) -> T {
    apply_each(
        record,
        answers.iter().map(|(field, answer)| (field.as_str(), field.as_str(), answer)),
        errors,
    )
}

/// As [`apply`], for answers named `field` in messages and placed at `path`.
pub(crate) fn apply_each<'a, T: Serialize + DeserializeOwned + Clone>(
    record: &T,
    answers: impl IntoIterator<Item = (&'a str, &'a str, &'a TypedAnswer)>,
    errors: &mut Vec<AnswerError>,
) -> T {
    let mut current = record.clone();
    for (field, path, answer) in answers {
        let value = match value_of(answer) {
            Ok(value) => value,
            Err(message) => {
                errors.push(AnswerError { field: field.to_owned(), message });
                continue;
            }
        };
        let Ok(mut json) = serde_json::to_value(&current) else { continue };
        let placed =
            put(&mut json, path, value).then(|| serde_json::from_value::<T>(json).ok()).flatten();
        match placed {
            Some(record) => current = record,
            None => errors.push(no_such_field(field)),
        }
    }
    current
}

#[cfg(test)]
mod tests;
