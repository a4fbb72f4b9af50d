//! The one table: every operation (its name, its command, its HTTP route, its shapes, its
//! parameters, how it runs and how it reads in French) and every shape (its schema and its
//! example). The command, the service and the bindings derive from these two lists.

use std::{
    collections::BTreeMap,
    sync::atomic::{AtomicBool, Ordering},
};

use chrono::NaiveDate;
use eig_domain::Promotion;
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;

use crate::{
    error::{ApiError, ErrorKind},
    examples,
    read::{Surface, parse_for},
    text,
};

/// The HTTP method of an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Method {
    /// A read without a body; its inputs are parameters.
    Get,
    /// A request whose input is a JSON body.
    Post,
}

impl Method {
    /// The method's name in HTTP.
    ///
    /// # Example
    /// ```
    /// assert_eq!(eig_api::Method::Post.as_str(), "POST");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// What a parameter accepts, for the command's options and the OpenAPI document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParamType {
    /// `true` or `false` (a flag of the command).
    Boolean,
    /// A whole number from 0 to `max`.
    Integer {
        /// The largest value accepted.
        max: u64,
    },
    /// A day, `AAAA-MM-JJ`.
    Date,
    /// A promotion with published rules or figures (`EIG3`; `eig3` and `EIG 3` are read too).
    Promotion,
}

/// A parameter of an operation: a query parameter over HTTP, an option of the command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Param {
    /// Its name (`node_limit`; the command's option is `--node-limit`).
    pub name: &'static str,
    /// What it means, in French.
    pub description: &'static str,
    /// What it accepts.
    pub kind: ParamType,
}

/// What an operation receives: the body (empty for a `GET`), the parameters by name, and
/// the surface it is called from (for the messages' references).
///
/// # Example
/// ```
/// use std::collections::BTreeMap;
///
/// let query = BTreeMap::from([("seed".to_owned(), "x".to_owned())]);
/// let request = eig_api::Request::new("", &query, eig_api::Surface::Http);
/// assert_eq!(request.number("seed", 0, u64::MAX).unwrap_err().code(), "invalid_parameter");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    body: &'a str,
    query: &'a BTreeMap<String, String>,
    surface: Surface,
    stop: Option<&'a AtomicBool>,
    max_nodes: u64,
}

impl<'a> Request<'a> {
    /// A request of `body` and `query` from `surface`.
    pub fn new(body: &'a str, query: &'a BTreeMap<String, String>, surface: Surface) -> Self {
        Request { body, query, surface, stop: None, max_nodes: MAX_NODE_LIMIT }
    }

    /// The request, stopped early once `stop` is set: every computation whose length the
    /// request controls beyond its size (the exact search of `assignTalents`, the cases of
    /// `runCases`) checks it and ends with [`ErrorKind::Interrupted`]. A service sets it when
    /// a request outlives its timeout or the process shuts down.
    ///
    /// # Example
    /// ```
    /// use std::{collections::BTreeMap, sync::atomic::AtomicBool};
    ///
    /// let query = BTreeMap::from([("node_limit".to_owned(), "10000".to_owned())]);
    /// let body = serde_json::to_string(&eig_api::fixtures::matching(eig_domain::Promotion::Eig3)?)?;
    /// let stopped = AtomicBool::new(true);
    /// let request = eig_api::Request::new(&body, &query, eig_api::Surface::Http)
    ///     .interruptible(&stopped);
    /// let err = eig_api::operation("assignTalents").unwrap().run(&request).unwrap_err();
    /// assert_eq!((err.kind(), err.code()), (eig_api::ErrorKind::Interrupted, "interrupted"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn interruptible(self, stop: &'a AtomicBool) -> Self {
        Request { stop: Some(stop), ..self }
    }

    /// The request, with the exact search's `node_limit` bounded by `max_nodes` (a service's
    /// own cap, below [`MAX_NODE_LIMIT`]; a larger value changes nothing).
    ///
    /// # Example
    /// ```
    /// use std::collections::BTreeMap;
    ///
    /// let query = BTreeMap::from([("node_limit".to_owned(), "5000".to_owned())]);
    /// let body = serde_json::to_string(&eig_api::fixtures::matching(eig_domain::Promotion::Eig3)?)?;
    /// let request = eig_api::Request::new(&body, &query, eig_api::Surface::Http).with_max_nodes(1000);
    /// let err = eig_api::operation("assignTalents").unwrap().run(&request).unwrap_err();
    /// assert_eq!(err.path(), Some("?node_limit"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_max_nodes(self, max_nodes: u64) -> Self {
        Request { max_nodes: max_nodes.min(MAX_NODE_LIMIT), ..self }
    }

    /// Whether the caller asked the computation to stop.
    pub fn stopped(&self) -> bool {
        self.stop.is_some_and(|stop| stop.load(Ordering::Relaxed))
    }

    /// The caller's stop flag (a flag never set when the request is not interruptible).
    pub(crate) fn stop_flag(&self) -> &'a AtomicBool {
        static NEVER: AtomicBool = AtomicBool::new(false);
        self.stop.unwrap_or(&NEVER)
    }

    /// The body read as the shape `kind` (messages point at that shape's schema and example).
    ///
    /// # Errors
    /// Not JSON, or not the shape: the error names the path and what to write.
    pub fn body<T: DeserializeOwned>(&self, kind: &str) -> Result<T, ApiError> {
        parse_for(self.body, Some(kind), self.surface)
    }

    /// The parameter `name`'s text, when given.
    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.query.get(name).map(String::as_str)
    }

    /// The boolean parameter `name` (`false` when absent).
    ///
    /// # Errors
    /// Anything but `true` or `false`.
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.get(name) {
            None | Some("false") => Ok(false),
            Some("true") => Ok(true),
            Some(other) => Err(ApiError::parameter(
                name,
                crate::read::shorten(&format!(
                    "{name} : {other:?} n'est pas un booléen : écrivez true ou false"
                )),
            )),
        }
    }

    /// The whole-number parameter `name`, from 0 to `max` (`default` when absent).
    ///
    /// # Errors
    /// Not a whole number, or above `max`.
    pub fn number(&self, name: &str, default: u64, max: u64) -> Result<u64, ApiError> {
        let Some(text) = self.get(name) else { return Ok(default) };
        match text.parse::<u64>() {
            Ok(value) if value <= max => Ok(value),
            Ok(value) => Err(ApiError::parameter(
                name,
                format!("{name} : {value} dépasse le plus grand nombre accepté, {max}"),
            )),
            Err(_) => Err(ApiError::parameter(
                name,
                crate::read::shorten(&format!(
                    "{name} : {text:?} n'est pas un nombre entier positif : écrivez des \
                     chiffres, par ex. 7"
                )),
            )),
        }
    }

    /// The day parameter `name`, when given.
    ///
    /// # Errors
    /// Not a day written `AAAA-MM-JJ`.
    pub fn date(&self, name: &str) -> Result<Option<NaiveDate>, ApiError> {
        self.get(name)
            .map(|text| {
                text.parse::<NaiveDate>().map_err(|_| {
                    ApiError::parameter(
                        name,
                        crate::read::shorten(&format!(
                            "{name} : {text:?} n'est pas une date : écrivez-la AAAA-MM-JJ, par \
                             exemple 2018-06-15"
                        )),
                    )
                })
            })
            .transpose()
    }

    /// The promotion parameter `name`, when given, in any spelling people write (`EIG3`,
    /// `eig3`, `EIG 3`, `eig-3`).
    ///
    /// # Errors
    /// Not a promotion of the programme.
    pub fn promotion(&self, name: &str) -> Result<Option<Promotion>, ApiError> {
        self.get(name)
            .map(|text| {
                parse_promotion(text).map_err(|message| {
                    ApiError::parameter(name, crate::read::shorten(&format!("{name} : {message}")))
                })
            })
            .transpose()
    }
}

/// A promotion in any spelling people write: `EIG3`, `eig3`, `EIG 3`, `eig-3`, `DIG1`.
///
/// # Errors
/// The French message of an unknown promotion.
///
/// # Example
/// ```
/// assert_eq!(eig_api::parse_promotion("eig 3"), Ok(eig_domain::Promotion::Eig3));
/// assert!(eig_api::parse_promotion("").is_err());
/// ```
pub fn parse_promotion(text: &str) -> Result<Promotion, String> {
    let canonical: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '_')
        .flat_map(char::to_uppercase)
        .collect();
    canonical.parse().map_err(|err: eig_domain::PromotionError| err.to_string())
}

/// A refusal that a request valid under its schema can still get: a relation between its
/// fields, or with the rules its promotion published, that JSON Schema does not state. The
/// OpenAPI document lists them for each operation (`x-eig-refusals`), each with its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Refusal {
    /// The stable code of the problem answered.
    pub code: &'static str,
    /// When it is answered, in French.
    pub description: &'static str,
}

/// An operation's answer serialized as compact JSON.
type RunJson = fn(&Request<'_>) -> Result<String, ApiError>;
/// An operation's answer written in French for a person.
type RunText = fn(&Request<'_>) -> Result<String, ApiError>;
/// An operation's answer written as compact JSON to a writer, as it is computed.
type WriteJson = fn(&Request<'_>, &mut dyn std::io::Write) -> Result<(), ApiError>;
/// An operation's answer as its typed value, before it is written.
type RunValue = fn(&Request<'_>) -> Result<Answer, ApiError>;

/// An operation's answer before it is written: its typed value, which any serde serializer
/// writes — `serde_json` writes exactly [`Operation::run`]'s text. A binding builds its own
/// language's values from it directly, without JSON text between (the Python package makes
/// its dicts and lists so).
///
/// # Example
/// ```
/// use std::collections::BTreeMap;
///
/// let op = eig_api::operation("listPromotions").unwrap();
/// let query = BTreeMap::new();
/// let request = eig_api::Request::new("", &query, eig_api::Surface::Command);
/// let answer = op.answer(&request)?;
/// assert_eq!(serde_json::to_string(&answer).unwrap(), op.run(&request)?);
/// # Ok::<(), eig_api::ApiError>(())
/// ```
pub struct Answer(Box<dyn std::any::Any + Send>);

impl Serialize for Answer {
    /// Written by its own type's `Serialize`, found among the table's answer types: the
    /// serializer is called as it would be on the typed value (no dynamic call per field).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_output(self.0.as_ref(), serializer)
    }
}

impl std::fmt::Debug for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Answer").finish_non_exhaustive()
    }
}

/// One operation: defined once, reached from Rust (its typed function), the command (its
/// subcommand), HTTP (its route) and any binding.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct Operation {
    /// Its name for programs (`decideEligibility`): the OpenAPI `operationId`.
    pub id: &'static str,
    /// Its subcommand of `eig` (`eligibility`).
    pub command: &'static str,
    /// Its HTTP method.
    pub method: Method,
    /// Its HTTP path (`/v1/eligibility`).
    pub path: &'static str,
    /// The group it belongs to (an OpenAPI tag): `eligibility`, `selection`, `funding`,
    /// `matching`, `call`, `cases`, `reference`.
    pub tag: &'static str,
    /// What it does, in one French sentence.
    pub summary: &'static str,
    /// The shape of its body (`None` for a `GET`): a [`Shape`]'s kind.
    pub input: Option<&'static str>,
    /// The shape of its answer: a [`Shape`]'s kind.
    pub output: &'static str,
    /// Its parameters.
    pub params: &'static [Param],
    /// Whether the answer can be written in French for a person (`eig <command>` without
    /// `--format json`).
    pub french: bool,
    /// The refusals a request its schema accepts can still get.
    pub refusals: &'static [Refusal],
    /// Whether its work can outgrow its request's size: a search whose length a parameter or
    /// the body sets (`assignTalents`'s exact mode, the matching cases of `runCases`). Such an
    /// operation stops when its request's flag is set ([`Request::interruptible`]); every
    /// other one is linear in its body, and a service may run a small one without a thread of
    /// its own.
    pub searches: bool,
    run: RunJson,
    text: RunText,
    write: WriteJson,
    value: RunValue,
}

impl std::fmt::Debug for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Operation")
            .field("id", &self.id)
            .field("command", &self.command)
            .field("method", &self.method)
            .field("path", &self.path)
            .field("input", &self.input)
            .field("output", &self.output)
            .finish_non_exhaustive()
    }
}

impl Operation {
    /// Runs the operation: its answer as compact JSON (fields in the shapes' order, maps
    /// sorted: byte-identical for the same request).
    ///
    /// # Errors
    /// The request's problem, with its stable code.
    ///
    /// # Example
    /// ```
    /// use std::collections::BTreeMap;
    ///
    /// let op = eig_api::operation("listPromotions").unwrap();
    /// let json = op.run(&eig_api::Request::new("", &BTreeMap::new(), eig_api::Surface::Http))?;
    /// assert!(json.starts_with('['));
    /// # Ok::<(), eig_api::ApiError>(())
    /// ```
    pub fn run(&self, request: &Request<'_>) -> Result<String, ApiError> {
        (self.run)(request)
    }

    /// Runs the operation: its answer written in French for a person (empty for an
    /// operation whose `french` is false: its answer is for programs).
    ///
    /// # Errors
    /// As [`Operation::run`].
    pub fn run_french(&self, request: &Request<'_>) -> Result<String, ApiError> {
        (self.text)(request)
    }

    /// Runs the operation: its answer as its typed value, not yet written ([`Answer`]).
    ///
    /// # Errors
    /// As [`Operation::run`].
    ///
    /// # Example
    /// ```
    /// use std::collections::BTreeMap;
    ///
    /// let op = eig_api::operation("decideEligibility").unwrap();
    /// let body = serde_json::json!({
    ///     "dossiers": [eig_api::shape("dossier").unwrap().example(None)?],
    ///     "candidates": [],
    /// })
    /// .to_string();
    /// let query = BTreeMap::new();
    /// let request = eig_api::Request::new(&body, &query, eig_api::Surface::Command);
    /// let answer = op.answer(&request)?;
    /// assert_eq!(serde_json::to_string(&answer).unwrap(), op.run(&request)?);
    /// # Ok::<(), eig_api::ApiError>(())
    /// ```
    pub fn answer(&self, request: &Request<'_>) -> Result<Answer, ApiError> {
        (self.value)(request)
    }

    /// Runs the operation and writes its answer to `sink` as compact JSON, the same bytes as
    /// [`Operation::run`]'s. A batch (`decideEligibility`) is written while it is decided,
    /// so neither its decisions nor its text are held whole; an error in the request is found
    /// before the first byte is written.
    ///
    /// # Errors
    /// The request's problem, with its stable code; the sink's failure (a reader gone, a
    /// service's deadline) as [`ErrorKind::Interrupted`].
    ///
    /// # Example
    /// ```
    /// use std::collections::BTreeMap;
    ///
    /// let op = eig_api::operation("listPromotions").unwrap();
    /// let query = BTreeMap::new();
    /// let request = eig_api::Request::new("", &query, eig_api::Surface::Http);
    /// let mut written = Vec::new();
    /// op.write_to(&request, &mut written)?;
    /// assert_eq!(String::from_utf8(written).unwrap(), op.run(&request)?);
    /// # Ok::<(), eig_api::ApiError>(())
    /// ```
    pub fn write_to(
        &self,
        request: &Request<'_>,
        sink: &mut dyn std::io::Write,
    ) -> Result<(), ApiError> {
        (self.write)(request, sink)
    }
}

/// A typed operation: how it reads its request, computes, and writes its answer in French.
trait Op {
    type Output: Serialize + Send + 'static;
    fn call(request: &Request<'_>) -> Result<Self::Output, ApiError>;
    fn french(output: &Self::Output) -> String;
}

fn json_of<O: Op>(request: &Request<'_>) -> Result<String, ApiError> {
    let output = O::call(request)?;
    serde_json::to_string(&output).map_err(|err| {
        ApiError::new(
            ErrorKind::Unjudgeable,
            "internal",
            format!("le résultat n'a pas pu être mis en JSON (une erreur du programme) : {err}"),
        )
    })
}

fn write_of<O: Op>(request: &Request<'_>, sink: &mut dyn std::io::Write) -> Result<(), ApiError> {
    let output = O::call(request)?;
    // serde_json writes token by token: buffered here, the sink sees 16 KiB at a time.
    let mut buffered = std::io::BufWriter::with_capacity(16 * 1024, sink);
    let written = serde_json::to_writer(&mut buffered, &output)
        .and_then(|()| std::io::Write::flush(&mut buffered).map_err(serde_json::Error::io));
    written.map_err(|err| {
        if err.is_io() {
            crate::operations::interrupted()
        } else {
            ApiError::new(
                ErrorKind::Unjudgeable,
                "internal",
                format!(
                    "le résultat n'a pas pu être mis en JSON (une erreur du programme) : {err}"
                ),
            )
        }
    })
}

fn value_of<O: Op>(request: &Request<'_>) -> Result<Answer, ApiError> {
    O::call(request).map(|output| Answer(Box::new(output)))
}

fn text_of<O: Op>(request: &Request<'_>) -> Result<String, ApiError> {
    O::call(request).map(|output| O::french(&output))
}

/// Declares the typed operations and the table's entries.
macro_rules! operations {
    ($(
        $ty:ident {
            id: $id:literal, command: $command:literal, method: $method:ident, path: $path:literal,
            tag: $tag:literal, summary: $summary:literal,
            input: $input:expr, output: $output:literal, params: $params:expr, french: $french:expr,
            refusals: $refusals:expr,
            $(searches: $searches:expr,)?
            output_type: $out:ty,
            call: |$request:ident| $call:expr,
            text: |$value:ident| $text:expr $(,)?
        }
    ),* $(,)?) => {
        $(
            struct $ty;
            impl Op for $ty {
                type Output = $out;
                #[allow(unused_variables, reason = "a `GET` operation may read nothing")]
                fn call($request: &Request<'_>) -> Result<$out, ApiError> {
                    $call
                }
                #[allow(unused_variables, reason = "some answers have no French text of their own")]
                fn french($value: &$out) -> String {
                    $text
                }
            }
        )*
        /// Writes an answer of one of the table's operations, of its own type.
        fn serialize_output<S: serde::Serializer>(
            value: &(dyn std::any::Any + Send),
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            $(
                if let Some(output) = value.downcast_ref::<$out>() {
                    return output.serialize(serializer);
                }
            )*
            Err(serde::ser::Error::custom("an answer of no operation of the table"))
        }
        /// The table.
        const OPERATIONS: &[Operation] = &[$(
            Operation {
                id: $id,
                command: $command,
                method: Method::$method,
                path: $path,
                tag: $tag,
                summary: $summary,
                input: $input,
                output: $output,
                params: $params,
                french: $french,
                refusals: $refusals,
                searches: false $(|| $searches)?,
                run: json_of::<$ty>,
                text: text_of::<$ty>,
                write: write_of::<$ty>,
                value: value_of::<$ty>,
            }
        ),*];
    };
}

/// The largest search of the exact mode a request may ask for: the bound of work a client
/// can make the process do (docs/server.md).
pub const MAX_NODE_LIMIT: u64 = 10_000_000;

const MATCH_PARAMS: &[Param] = &[
    Param {
        name: "hosts_propose",
        description: "true : la variante la meilleure pour les administrations (les jurys \
                      proposent) au lieu de la meilleure pour les candidats.",
        kind: ParamType::Boolean,
    },
    Param {
        name: "offers",
        description: "true : après l'affectation, les jurys proposent les places restées libres \
                      aux candidats non affectés qu'ils ont classés.",
        kind: ParamType::Boolean,
    },
    Param {
        name: "exact",
        description: "true : le mode exact pour les équipes minimales (l'affectation stable qui \
                      fait vivre le plus de défis, ou la preuve qu'il n'y en a pas ; petits \
                      problèmes).",
        kind: ParamType::Boolean,
    },
    Param {
        name: "node_limit",
        description: "Le nombre d'étapes du mode exact après lequel la recherche s'arrête et le \
                      dit (1000000 par défaut, 10000000 au plus) ; le donner demande le mode \
                      exact.",
        kind: ParamType::Integer { max: MAX_NODE_LIMIT },
    },
    Param {
        name: "seed",
        description: "La graine du tirage au sort entre ex aequo (0 par défaut).",
        kind: ParamType::Integer { max: u64::MAX },
    },
];

const PROMOTION_PARAM: &[Param] = &[Param {
    name: "promotion",
    description: "Seulement cette promotion (EIG1 … EIG7, DIG1 ; eig3 et EIG 3 sont acceptés).",
    kind: ParamType::Promotion,
}];

const CASES_PARAMS: &[Param] = &[Param {
    name: "drafts",
    description: "true : les cas sans source ou sans citation sont lancés comme des brouillons \
                  (ce qu'ils citent est tout de même vérifié) ; sans lui, un tel cas échoue pour \
                  sa citation.",
    kind: ParamType::Boolean,
}];

const RULES_PARAMS: &[Param] = &[
    Param {
        name: "promotion",
        description: "Seulement cette promotion (EIG1 … EIG7, DIG1 ; eig3 et EIG 3 sont acceptés).",
        kind: ParamType::Promotion,
    },
    Param {
        name: "on",
        description: "Un jour (AAAA-MM-JJ) : les appels ouverts ce jour-là, d'après le calendrier \
                      de chaque promotion, et les règles qui jugent un dossier ou une candidature \
                      reçus ce jour-là.",
        kind: ParamType::Date,
    },
];

const DIFF_PARAMS: &[Param] = &[
    Param {
        name: "from",
        description: "La première promotion (EIG3) ; sans elle, celle qui précède la seconde.",
        kind: ParamType::Promotion,
    },
    Param {
        name: "to",
        description: "La seconde promotion (EIG4) ; sans elle, celle qui suit la première, ou \
                      sans aucune des deux : de l'EIG6 à l'EIG7.",
        kind: ParamType::Promotion,
    },
];

const ON_PARAM: &[Param] = &[Param {
    name: "on",
    description: "Un jour (AAAA-MM-JJ) : seulement les paramètres en vigueur ce jour-là.",
    kind: ParamType::Date,
}];

/// Declares a list of refusals: `code => "when, in French"`.
macro_rules! refusals {
    ($($code:literal => $description:literal),* $(,)?) => {
        &[$(Refusal { code: $code, description: $description }),*]
    };
}

/// The refusals of the défis' jury, then `$extra`: a jury sheet alone or in a whole call.
macro_rules! selection_refusals {
    ($($extra:tt)*) => {
        refusals! {
            "scale_required" => "la promotion ne publie pas d'échelle de notes et la feuille n'en \
                                 donne pas",
            "scale_mismatch" => "l'échelle donnée n'est pas celle que la promotion publie",
            "empty_scale" => "une échelle dont le minimum dépasse le maximum",
            "wrong_number_of_scores" => "un dossier n'a pas une note par critère de la grille",
            "score_out_of_scale" => "une note hors de l'échelle",
            "missing_amount" => "un dossier sans le montant que la règle d'enveloppe demande",
            "duplicate_defi" => "deux dossiers du même défi",
            $($extra)*
        }
    };
}

const SELECTION_REFUSALS: &[Refusal] = selection_refusals! {
    "call_of_other_promotion" => "une feuille de l'appel EIG6+ (call: eig6plus) d'une autre \
                                  promotion qu'EIG6",
};

const RANKING_REFUSALS: &[Refusal] = refusals! {
    "no_candidate_grid" => "une phase pour laquelle la promotion ne publie pas de grille (EIG4 et \
                            EIG5 : l'entretien seulement)",
    "candidate_wrong_number_of_scores" => "un candidat n'a pas une note par critère de la grille",
    "candidate_score_out_of_scale" => "une note hors de l'échelle de la grille",
    "duplicate_candidate_scores" => "deux lignes de notes pour le même candidat et le même défi",
    "candidate_list_key" => "un défi nommé dans une phase qui classe par profil seulement (EIG6 \
                             et EIG7 : la pré-sélection), ou omis dans une phase qui classe par \
                             défi et profil",
    "duplicate_candidate_profile_scores" => "deux lignes de notes pour le même candidat et le \
                                             même profil",
};

/// The refusals of a funding plan, which the payment calendar (computed from the plan) shares.
macro_rules! funding_refusals {
    ($($extra:tt)*) => {
        refusals! {
            "no_rule_stated" => "une voie de financement dont les textes de la promotion ne disent \
                                 pas la règle",
            "route_not_open" => "une voie de financement que la promotion n'ouvre pas",
            "route_not_open_to_host" => "une voie de financement que la promotion n'ouvre pas à ce \
                                         genre d'administration",
            "administrative_carrier_missing" => "une voie par un porteur administratif sans porteur",
            "team_too_large" => "une équipe plus grande que celle que la promotion permet",
            "talent_repeated" => "le même talent deux fois",
            "defi_repeated" => "le même défi deux fois",
            "employer_cost_needed" => "un talent sans le coût employeur que la règle de la \
                                       promotion demande",
            "experience_needed" => "un talent sans l'expérience que la grille de la promotion \
                                    demande",
            "contract_length_needed" => "un défi sans la durée du contrat, quand la promotion n'en \
                                         fixe pas (DIG1)",
            "zero_month_contract" => "un contrat de zéro mois",
            "months_out_of_range" => "des mois travaillés au-delà de la durée du contrat",
            $($extra)*
        }
    };
}

const CALENDAR_REFUSALS: &[Refusal] = funding_refusals! {
    "overflow" => "des montants au-delà de ce qu'un calcul au centime peut tenir",
    "no_transfer_to_date" => "un jour d'événement donné à un défi sans versement qui l'attende, ou \
                              un jour de décret à une promotion sans décret de transfert",
};

const FUNDING_REFUSALS: &[Refusal] = funding_refusals! {
    "parameter_missing" => "un scénario qui retire un paramètre dont la règle a besoin",
    "parameter_kind" => "un scénario qui donne à un paramètre une valeur d'un autre genre",
    "overflow" => "des montants au-delà de ce qu'un calcul au centime peut tenir",
};

const MATCH_REFUSALS: &[Refusal] = refusals! {
    "invalid_matching_problem" => "des enregistrements qui ne s'accordent pas (un choix ou un \
                                   classement d'un défi ou d'un candidat inconnu, un doublon)",
    "node_limit_without_exact" => "node_limit avec exact=false",
};

const DECISION_REFUSALS: &[Refusal] = refusals! {
    "conflicting_exceptions" => "deux exceptions déclarées que les textes n'ordonnent pas (par \
                                 exemple cofinancement demandé et autofinancement)",
};

const CALL_REFUSALS: &[Refusal] = selection_refusals! {
    "promotion_mismatch" => "un dossier ou une candidature d'une autre promotion que celle de l'appel",
    "hand_off" => "un lauréat dont le plan de financement ne peut être fait",
    "invalid_matching_problem" => "des choix ou des classements de défis ou de candidats inconnus",
    "withdrawal_ground_not_in_text" => "un retrait par le jury pour un motif que l'appel de la \
                                        promotion ne prévoit pas",
    "withdrawal_not_a_laureate" => "un retrait par le jury d'un défi qui n'est pas lauréat",
    "duplicate_withdrawal" => "deux retraits par le jury du même défi",
};

/// The options of `assignTalents`, from its parameters.
fn match_options(request: &Request<'_>) -> Result<eig_matching::Options, ApiError> {
    use eig_matching::{LowerQuotas, Proposing};
    // node_limit bounds the exact search: giving it asks for that search, unless exact=false
    // says otherwise, which contradicts it.
    let node_limit = request.get("node_limit").is_some();
    let exact = if request.get("exact").is_some() { request.flag("exact")? } else { node_limit };
    if !exact && node_limit {
        return Err(ApiError::new(
            ErrorKind::Parameter,
            "node_limit_without_exact",
            "node_limit borne le mode exact, que exact=false écarte : retirez l'un des deux",
        )
        .at("?node_limit"));
    }
    Ok(eig_matching::Options {
        proposing: if request.flag("hosts_propose")? {
            Proposing::Hosts
        } else {
            Proposing::Candidates
        },
        lower_quotas: if exact {
            LowerQuotas::Exact {
                node_limit: request.number(
                    "node_limit",
                    1_000_000.min(request.max_nodes),
                    request.max_nodes,
                )?,
            }
        } else {
            LowerQuotas::Withdraw
        },
        seed: request.number("seed", 0, u64::MAX)?,
        offers: request.flag("offers")?,
    })
}

operations! {
    DecideEligibility {
        id: "decideEligibility", command: "eligibility", method: Post, path: "/v1/eligibility",
        tag: "eligibility",
        summary: "L'éligibilité de dossiers de défi et de candidatures, chacun selon les règles \
                  de sa promotion, avec la trace de chaque règle et sa source.",
        input: Some("eligibility"), output: "eligibility-result", params: &[], french: true,
        refusals: &[],
        // Decided while it is written: a batch is never held whole, neither its decisions
        // nor their text.
        output_type: crate::EligibilityAnswer,
        call: |request| Ok(crate::EligibilityAnswer::new(request.body("eligibility")?, true)),
        text: |output| output.to_french(),
    },
    ExplainDecision {
        id: "explainDecision", command: "explain", method: Post, path: "/v1/explain",
        tag: "eligibility",
        summary: "La décision d'un dossier ou d'une candidature, expliquée en français règle par \
                  règle (CRPA art. R. 311-3-1-2).",
        input: Some("explain"), output: "explanation", params: &[], french: true,
        refusals: DECISION_REFUSALS,
        output_type: crate::Explanation,
        call: |request| crate::explain_decision(&request.body("explain")?),
        text: |output| output.explanation.clone(),
    },
    ChangesToEligibility {
        id: "changesToEligibility", command: "changes", method: Post, path: "/v1/changes",
        tag: "eligibility",
        summary: "Ce qui rendrait éligible un dossier ou une candidature refusé ou incomplet : \
                  les plus petits ensembles de changements de ses faits, chacun avec les règles \
                  qu'il fait basculer et leurs sources.",
        input: Some("changes"), output: "changes-result", params: &[], french: true,
        refusals: DECISION_REFUSALS,
        output_type: crate::ChangesAnswer,
        call: |request| crate::changes_to_eligibility(&request.body("changes")?),
        text: |output| output.explanation.clone(),
    },
    DecideProlongation {
        id: "decideProlongation", command: "prolongation", method: Post,
        path: "/v1/prolongation", tag: "eligibility",
        summary: "La demande d'une administration de l'EIG6 de cofinancer la prolongation de ses \
                  talents (AAC6+), décidée talent par talent et expliquée.",
        input: Some("prolongation"), output: "prolongation-result", params: &[], french: true,
        refusals: &[],
        output_type: crate::ProlongationAnswer,
        call: |request| crate::decide_prolongation(&request.body("prolongation")?),
        text: |output| text::prolongation(output),
    },
    DecideAmi5bis {
        id: "decideAmi5bis", command: "ami5bis", method: Post, path: "/v1/ami5bis",
        tag: "eligibility",
        summary: "Une candidature à l'AMI Promotion 5 bis, décidée et expliquée.",
        input: Some("ami5bis"), output: "explanation", params: &[], french: true,
        refusals: &[],
        output_type: crate::Explanation,
        call: |request| crate::decide_ami5bis(&request.body("ami5bis")?),
        text: |output| output.explanation.clone(),
    },
    SelectLaureates {
        id: "selectLaureates", command: "selection", method: Post, path: "/v1/selection",
        tag: "selection",
        summary: "La sélection des lauréats par le jury des défis : le classement sur la grille \
                  de la promotion, dans la limite des places et de l'enveloppe.",
        input: Some("jury"), output: "selection", params: &[], french: true,
        refusals: SELECTION_REFUSALS,
        output_type: eig_eligibility::Selection,
        call: |request| crate::select_laureates(&request.body("jury")?),
        text: |output| text::selection(output),
    },
    RankCandidates {
        id: "rankCandidates", command: "rankings", method: Post, path: "/v1/rankings",
        tag: "selection",
        summary: "Le classement des candidats par le jury sur la grille de la promotion et de la \
                  phase : un classement par défi et métier, ex aequo groupés.",
        input: Some("scores"), output: "rankings", params: &[], french: true,
        refusals: RANKING_REFUSALS,
        output_type: eig_eligibility::CandidateRankings,
        call: |request| crate::rank_candidates(&request.body("scores")?),
        text: |output| text::rankings(output),
    },
    Eig7Terms {
        id: "eig7Terms", command: "eig7-terms", method: Post, path: "/v1/eig7/terms",
        tag: "eligibility",
        summary: "Les échéances d'un contrat de l'EIG7 (fin, préavis de renouvellement, période \
                  d'essai, demande d'interruption) et la date de réponse à une demande de \
                  renouvellement, chacune avec sa source.",
        input: Some("eig7-terms"), output: "eig7-terms-result", params: &[], french: true,
        refusals: refusals! {
            "arrival_before_contract" => "une arrivée avant le premier jour du contrat",
            "arrival_needed" => "le premier jour du contrat sans l'arrivée du talent",
            "start_needed" => "l'arrivée du talent sans le premier jour du contrat",
            "nothing_to_compute" => "aucun des jours dont se déduisent les échéances",
        },
        output_type: crate::Eig7Terms,
        call: |request| crate::eig7_terms(&request.body("eig7-terms")?),
        text: |output| text::eig7_terms(output),
    },
    Eig7RecruitmentCap {
        id: "eig7RecruitmentCap", command: "eig7-cap", method: Post, path: "/v1/eig7/cap",
        tag: "eligibility",
        summary: "Où en sont les recrutements d'une année face au plafond de l'EIG7 (30 EIG \
                  recruté(e)s en 2024, REG7 §2.6 b).",
        input: Some("eig7-cap"), output: "eig7-cap-result", params: &[], french: true,
        refusals: &[],
        output_type: eig_eligibility::RecruitmentCap,
        call: |request| Ok(crate::eig7_recruitment_cap(&request.body("eig7-cap")?)),
        text: |output| text::recruitment_cap(output),
    },
    ConventionTermination {
        id: "conventionTermination", command: "termination", method: Post,
        path: "/v1/conventions/termination",
        tag: "funding",
        summary: "Le jour où prend effet la résiliation d'une convention de financement \
                  notifiée un jour donné : un mois de préavis (AAP6 annexe 3 art. 8).",
        input: Some("termination"), output: "termination-result", params: &[], french: true,
        refusals: &[],
        output_type: eig_eligibility::ConventionTermination,
        call: |request| crate::convention_termination(&request.body("termination")?),
        text: |output| text::convention_termination(output),
    },
    PlanFunding {
        id: "planFunding", command: "funding", method: Post, path: "/v1/funding",
        tag: "funding",
        summary: "Le plan de financement d'une promotion : chaque payeur par talent et par défi, \
                  au centime, face à l'enveloppe.",
        input: Some("funding"), output: "funding-plan", params: &[], french: true,
        refusals: FUNDING_REFUSALS,
        output_type: eig_funding::PromotionPlan,
        call: |request| crate::plan_funding(&request.body("funding")?),
        text: |output| output.to_french(),
    },
    PlanFundingScenario {
        id: "planFundingScenario", command: "funding-scenario", method: Post,
        path: "/v1/funding/scenario", tag: "funding",
        summary: "Le plan de financement d'une promotion sous un scénario qui remplace des \
                  paramètres, l'arrondi ou la règle d'enveloppe.",
        input: Some("funding-request"), output: "funding-plan", params: &[], french: true,
        refusals: FUNDING_REFUSALS,
        output_type: eig_funding::PromotionPlan,
        call: |request| crate::plan_funding_scenario(&request.body("funding-request")?),
        text: |output| output.to_french(),
    },
    FundingCalendar {
        id: "fundingCalendar", command: "funding-calendar", method: Post,
        path: "/v1/funding/calendar", tag: "funding",
        summary: "Le calendrier des versements d'une promotion : quand, ou sur quel événement, \
                  chaque payeur du programme verse l'argent de chaque défi (AAP3 §5.2, AAP4 \
                  §3.3, AAP6 annexe 3 art. 4), daté par les jours d'événement donnés.",
        input: Some("calendar"), output: "calendar-result", params: &[], french: true,
        refusals: CALENDAR_REFUSALS,
        output_type: eig_funding::PaymentCalendar,
        call: |request| crate::funding_calendar(&request.body("calendar")?),
        text: |output| text::payment_calendar(output),
    },
    AssignTalents {
        id: "assignTalents", command: "match", method: Post, path: "/v1/match",
        tag: "matching",
        summary: "L'affectation des talents aux défis (choix des candidats, classements des \
                  jurys, équipes minimales), vérifiée et expliquée.",
        input: Some("match"), output: "match-result", params: MATCH_PARAMS, french: true,
        refusals: MATCH_REFUSALS,
        searches: true,
        output_type: crate::MatchOutput,
        call: |request| {
            let options = match_options(request)?;
            let input: eig_matching::MatchingInput = request.body("match")?;
            // Explained at every size: a request's body is bounded.
            crate::operations::assign_talents_until(&input, &options, true, request.stop_flag())
        },
        text: |output| text::matching(output),
    },
    RunCall {
        id: "runCall", command: "run", method: Post, path: "/v1/run", tag: "call",
        summary: "Un appel entier : éligibilité des dossiers, sélection des lauréats, plan de \
                  financement face à l'enveloppe, affectation des talents, vérification.",
        input: Some("campaign"), output: "run-result", params: &[], french: true,
        refusals: CALL_REFUSALS,
        output_type: eig_campaign::CampaignResult,
        call: |request| crate::run_call(&request.body("campaign")?),
        text: |output| crate::campaign_text::campaign(output, false),
    },
    Simulate {
        id: "simulate", command: "simulate", method: Post, path: "/v1/simulate",
        tag: "call",
        summary: "Le simulateur : la décision d'un dossier de défi, son explication et, s'il est \
                  éligible, le plan de financement du défi.",
        input: Some("simulation"), output: "simulation-result", params: &[], french: true,
        refusals: DECISION_REFUSALS,
        output_type: crate::SimulationResult,
        call: |request| crate::simulate(&request.body("simulation")?),
        text: |output| text::simulation(output),
    },
    SimulateCandidate {
        id: "simulateCandidate", command: "simulate-candidate", method: Post,
        path: "/v1/simulate/candidate", tag: "call",
        summary: "Le simulateur des candidats : la décision sur une candidature et son \
                  explication, les réponses saisies par le candidat lues d'abord.",
        input: Some("candidate-simulation"), output: "candidate-simulation-result", params: &[],
        french: true,
        refusals: DECISION_REFUSALS,
        output_type: crate::CandidateSimulationResult,
        call: |request| crate::simulate_candidate(&request.body("candidate-simulation")?),
        text: |output| text::candidate_simulation(output),
    },
    RunCases {
        id: "runCases", command: "test", method: Post, path: "/v1/cases", tag: "cases",
        summary: "Les cas de test d'un fichier de cas JSON (le format public eig-case/1), \
                  exécutés : chaque cas réussi ou en échec, avec ses différences.",
        input: Some("case"), output: "test-result", params: CASES_PARAMS, french: false,
        refusals: refusals! {
            "case_inputs" => "un cas qui n'a pas exactement une entrée",
        },
        searches: true,
        output_type: crate::TestOutput,
        call: |request| {
            let options = if request.flag("drafts")? {
                eig_cases::RunOptions::drafts()
            } else {
                eig_cases::RunOptions::default()
            };
            crate::operations::run_cases_until(request.body, options, request.stop_flag())
        },
        text: |output| String::new(),
    },
    OfficialFigures {
        id: "officialFigures", command: "history", method: Get, path: "/v1/history",
        tag: "reference",
        summary: "Les chiffres officiels de chaque promotion, d'après l'historique intégré de 132 \
                  défis ; pour une promotion, ses faits sourcés et ses défis.",
        input: None, output: "history-result", params: PROMOTION_PARAM, french: true,
        refusals: &[],
        output_type: crate::HistoryOutput,
        call: |request| Ok(crate::official_figures(request.promotion("promotion")?)),
        text: |output| text::history(output),
    },
    ListPromotions {
        id: "listPromotions", command: "promotions", method: Get, path: "/v1/promotions",
        tag: "reference",
        summary: "Les faits sourcés de chaque promotion : calendrier, durée des missions, taille \
                  des équipes, grille de rémunération.",
        input: None, output: "promotion-facts-list", params: &[], french: true,
        refusals: &[],
        output_type: Vec<eig_domain::PromotionFacts>,
        call: |request| Ok(Promotion::ALL.map(Promotion::facts).to_vec()),
        text: |output| text::promotions(output),
    },
    ListParameters {
        id: "listParameters", command: "parameters", method: Get, path: "/v1/parameters",
        tag: "reference",
        summary: "Les paramètres officiels du financement, datés et sourcés : tous, ou ceux en \
                  vigueur un jour donné.",
        input: None, output: "parameter-list", params: ON_PARAM, french: true,
        refusals: &[],
        output_type: Vec<eig_funding::Parameter>,
        call: |request| Ok(crate::list_parameters(request.date("on")?)),
        text: |output| text::parameters(output),
    },
    ListRules {
        id: "listRules", command: "rules", method: Get, path: "/v1/rules",
        tag: "reference",
        summary: "Le catalogue des règles : chaque règle d'une promotion avec sa source, la \
                  phrase qu'elle modélise, ses paramètres, l'interprétation retenue et ses cas \
                  de test ; ou, un jour donné, les appels ouverts et les règles qui jugent ce \
                  qui est reçu ce jour-là.",
        input: None, output: "rules-catalogue", params: RULES_PARAMS, french: true,
        refusals: &[],
        output_type: eig_catalogue::Catalogue,
        call: |request| Ok(crate::list_rules(request.promotion("promotion")?, request.date("on")?)),
        text: |output| eig_catalogue::catalogue_french(output),
    },
    DiffRules {
        id: "diffRules", command: "rules-diff", method: Get, path: "/v1/rules/diff",
        tag: "reference",
        summary: "Ce qui change d'une promotion à l'autre : règles ajoutées, retirées et \
                  modifiées, calendrier, bornes, voies de financement et paramètres, chacun cité \
                  des deux côtés.",
        input: None, output: "rules-diff", params: DIFF_PARAMS, french: true,
        refusals: &[],
        output_type: eig_catalogue::RulesDiff,
        call: |request| {
            let (from, to) = crate::diff_sides(request.promotion("from")?, request.promotion("to")?);
            Ok(crate::diff_rules(from, to))
        },
        text: |output| eig_catalogue::diff_french(output),
    },
    Vocabulary {
        id: "vocabulary", command: "vocabulary", method: Get, path: "/v1/vocabulary",
        tag: "reference",
        summary: "Les libellés français des valeurs à choisir : promotions, administrations, \
                  voies de financement, payeurs.",
        input: None, output: "vocabulary", params: &[], french: true,
        refusals: &[],
        output_type: crate::Vocabulary,
        call: |request| Ok(crate::vocabulary()),
        text: |output| text::vocabulary(output),
    },
}

/// Every operation, in the order of the documentation.
///
/// # Example
/// ```
/// let ids: Vec<&str> = eig_api::operations().iter().map(|op| op.id).collect();
/// assert!(ids.contains(&"decideEligibility") && ids.contains(&"selectLaureates"));
/// ```
pub fn operations() -> &'static [Operation] {
    OPERATIONS
}

/// The operation named `id` (its `operationId`) or `command` (its subcommand).
///
/// # Example
/// ```
/// assert_eq!(eig_api::operation("match").map(|op| op.id), Some("assignTalents"));
/// assert_eq!(eig_api::operation("assignTalents").map(|op| op.path), Some("/v1/match"));
/// ```
pub fn operation(name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.id == name || op.command == name)
}

/// Whether a shape is read or written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Direction {
    /// Read: its schema is what deserializing accepts.
    Input,
    /// Written: its schema is what serializing writes (a field left out when empty is not
    /// required).
    Output,
}

/// One JSON shape of the operations: its kind (`eig schema <kind>`, `/v1/schemas/<kind>`),
/// its name (the OpenAPI component), its schema and its example.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct Shape {
    /// Its kind, as the command and the service name it (`funding-plan`).
    pub kind: &'static str,
    /// Its name in the OpenAPI document (`PromotionPlan`).
    pub name: &'static str,
    /// What it is, in French.
    pub summary: &'static str,
    /// Read or written.
    pub direction: Direction,
    schema: fn() -> schemars::Schema,
    example: Example,
}

/// Where a shape's example comes from.
#[derive(Clone, Copy)]
enum Example {
    /// Built (an input, or an output no operation answers from a body).
    Built(fn(Option<Promotion>) -> Result<Value, ApiError>),
    /// What the operation that reads the shape of this kind answers on that shape's example.
    AnswerTo(&'static str),
}

impl std::fmt::Debug for Shape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shape")
            .field("kind", &self.kind)
            .field("name", &self.name)
            .field("direction", &self.direction)
            .finish_non_exhaustive()
    }
}

impl Shape {
    /// Its JSON Schema (draft 2020-12), every description prose (the Rust examples of the
    /// docs left out).
    ///
    /// # Example
    /// ```
    /// let schema = eig_api::shape("eligibility").unwrap().schema();
    /// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    /// ```
    pub fn schema(&self) -> Value {
        let mut schema = serde_json::to_value((self.schema)()).unwrap_or_default();
        crate::schema::prose_only(&mut schema);
        if let Some(judged) = judged_promotions(self.kind) {
            judged_only(&mut schema, &judged);
        }
        french_labels(&mut schema);
        schema
    }

    /// A valid example: for an input, a complete one to start from (of `promotion` when
    /// given, EIG3's otherwise); for an output, what its operation answers on its input's
    /// example.
    ///
    /// # Errors
    /// No example of this shape for `promotion` (`no_example`).
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// let example = eig_api::shape("funding").unwrap().example(Some(Promotion::Eig6))?;
    /// assert_eq!(example["promotion"], "EIG6");
    /// # Ok::<(), eig_api::ApiError>(())
    /// ```
    pub fn example(&self, promotion: Option<Promotion>) -> Result<Value, ApiError> {
        match self.example {
            Example::Built(build) => build(promotion),
            Example::AnswerTo(input) => {
                let body =
                    shape(input).map(|shape| shape.example(promotion)).ok_or_else(|| {
                        ApiError::new(
                            ErrorKind::Invalid,
                            "no_example",
                            format!("aucune forme {input}"),
                        )
                    })??;
                answer_of(input, &body)
            }
        }
    }

    /// The promotions this shape has an example of its own for (`example(Some(p))` is `Ok`):
    /// a built example's are found by building it, which is cheap; an answer's are those of
    /// the input it answers.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    ///
    /// let funding = eig_api::shape("funding").unwrap().promotions();
    /// assert!(funding.contains(&Promotion::Eig3) && !funding.contains(&Promotion::Eig1));
    /// assert!(eig_api::shape("scenario").unwrap().promotions().is_empty());
    /// ```
    pub fn promotions(&self) -> Vec<Promotion> {
        match self.example {
            Example::Built(build) => {
                Promotion::ALL.into_iter().filter(|p| build(Some(*p)).is_ok()).collect()
            }
            Example::AnswerTo(input) => shape(input).map(Shape::promotions).unwrap_or_default(),
        }
    }
}

/// The promotions whose published rules can judge what an input of `kind` holds, when they
/// are not all of them: its schema's promotions are these only, so that a request the schema
/// accepts is not refused for its promotion. Each list is the library's own answer, asked
/// promotion by promotion.
fn judged_promotions(kind: &str) -> Option<Vec<Promotion>> {
    let judged: fn(Promotion) -> bool = match kind {
        // A dossier or an application is judged by its promotion's rule set.
        "eligibility"
        | "explain"
        | "simulation"
        | "candidate-simulation"
        | "dossier"
        | "application"
        | "changes" => |promotion| eig_eligibility::rule_set(promotion).is_ok(),
        // The jury of the défis (alone or in a whole call) scores on the grid its promotion
        // published.
        "jury" | "campaign" => |promotion| {
            eig_eligibility::rule_set(promotion).is_ok_and(|rules| rules.scoring_grid().is_ok())
        },
        // Candidates are scored on a grid the promotion published for one of the phases.
        "scores" => |promotion| {
            [eig_eligibility::ScoringPhase::PreSelection, eig_eligibility::ScoringPhase::Interview]
                .into_iter()
                .any(|phase| eig_eligibility::candidate_grid(promotion, phase).is_ok())
        },
        // The AMI Promotion 5 bis takes applications to one promotion: asked of the decision
        // itself on the shipped application, its promotion replaced.
        "ami5bis" => |promotion| {
            examples::ami5bis(None)
                .ok()
                .and_then(|mut example| {
                    example["promotion"] = Value::from(promotion.to_string());
                    serde_json::from_value::<eig_eligibility::CandidateApplication>(example).ok()
                })
                .is_some_and(|application| eig_eligibility::evaluate_eig5bis(&application).is_ok())
        },
        _ => return None,
    };
    Some(Promotion::ALL.into_iter().filter(|promotion| judged(*promotion)).collect())
}

/// `schema` with the promotion of each record it holds (every `promotion` field but a past
/// participation's, which may be of any promotion) one of `judged`: a definition
/// `JudgedPromotion`, the promotions' enumeration cut to these.
fn judged_only(schema: &mut Value, judged: &[Promotion]) {
    const FROM: &str = "#/$defs/Promotion";
    const TO: &str = "#/$defs/JudgedPromotion";
    fn redirect(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for (key, child) in map.iter_mut() {
                    if key == "$ref" && child.as_str() == Some(FROM) {
                        *child = Value::from(TO);
                    } else {
                        redirect(child);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(redirect),
            _ => {}
        }
    }
    fn promotion_fields(value: &mut Value) {
        match value {
            Value::Object(map) => {
                if let Some(field) = map.get_mut("properties").and_then(|p| p.get_mut("promotion"))
                {
                    redirect(field);
                }
                for (key, child) in map.iter_mut() {
                    if key != "$defs" {
                        promotion_fields(child);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(promotion_fields),
            _ => {}
        }
    }
    let Some(mut restricted) = schema.pointer("/$defs/Promotion").cloned() else { return };
    if let Some(Value::Array(spellings)) = restricted.get_mut("enum") {
        spellings.retain(|spelling| {
            spelling.as_str().and_then(|s| s.parse().ok()).is_some_and(|p| judged.contains(&p))
        });
    }
    restricted["description"] = Value::from(
        "Une promotion dont les règles publiées jugent cette demande.\n\nÉcrite `EIG3` (la forme \
         `EIG 3` des données du programme est acceptée).",
    );
    promotion_fields(schema);
    if let Some(Value::Object(defs)) = schema.get_mut("$defs") {
        for (name, def) in defs.iter_mut() {
            if name != "PastParticipation" {
                promotion_fields(def);
            }
        }
        defs.insert("JudgedPromotion".to_owned(), restricted);
    }
}

/// The French label of `value`, a value of the enumeration `name`, when the library names it
/// (what the simulator's page and the command print).
fn french_label(name: &str, value: &str) -> Option<String> {
    fn of<T: DeserializeOwned>(value: &str) -> Option<T> {
        serde_json::from_value(Value::from(value)).ok()
    }
    if name == "Payer" {
        // Written only: its labels are the vocabulary's.
        let payers = crate::vocabulary().payers;
        return payers.into_iter().find(|payer| payer.value == value).map(|payer| payer.label);
    }
    let label: &str = match name {
        "FundingRoute" => of::<eig_domain::FundingRoute>(value)?.french(),
        "LocalAuthorityLevel" => of::<eig_domain::LocalAuthorityLevel>(value)?.french(),
        "TalentProfile" => of::<eig_domain::TalentProfile>(value)?.french(),
        "ParameterId" => of::<eig_funding::ParameterId>(value)?.french(),
        "RoundingRule" => of::<eig_funding::RoundingRule>(value)?.french(),
        "BetaPhase" => of::<eig_eligibility::BetaPhase>(value)?.french(),
        "ScoringPhase" => of::<eig_eligibility::ScoringPhase>(value)?.french(),
        _ => return None,
    };
    Some(label.to_owned())
}

/// Every enumeration of `schema`'s definitions whose values the library names in French gets
/// their labels in `x-enum-labels`, in the order of `enum` (an extension client generators
/// ignore; a form reads it).
fn french_labels(schema: &mut Value) {
    let Some(Value::Object(defs)) = schema.get_mut("$defs") else { return };
    for (name, def) in defs.iter_mut() {
        let Some(Value::Array(values)) = def.get("enum") else { continue };
        let labels: Option<Vec<String>> =
            values.iter().map(|value| french_label(name, value.as_str()?)).collect();
        if let Some(labels) = labels {
            def["x-enum-labels"] = Value::from(labels);
        }
    }
}

/// The example of a JSON Schema: the scenario's.
fn json_schema_example(promotion: Option<Promotion>) -> Result<Value, ApiError> {
    examples::same_for_all(promotion, || {
        Ok(shape("scenario").map(Shape::schema).unwrap_or_default())
    })
}

fn input_schema<T: schemars::JsonSchema>() -> schemars::Schema {
    schemars::schema_for!(T)
}

fn output_schema<T: schemars::JsonSchema>() -> schemars::Schema {
    schemars::generate::SchemaSettings::default()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>()
}

/// Declares the shapes.
macro_rules! shapes {
    ($($kind:literal => $name:literal, $dir:ident, $ty:ty, $summary:literal, $how:ident $from:tt;)*) => {
        const SHAPES: &[Shape] = &[$(
            Shape {
                kind: $kind,
                name: $name,
                summary: $summary,
                direction: Direction::$dir,
                schema: shapes!(@schema $dir, $ty),
                example: shapes!(@example $how $from),
            }
        ),*];
    };
    (@example answer ($input:literal)) => { Example::AnswerTo($input) };
    (@example built ($build:expr)) => { Example::Built($build) };
    (@schema Input, $ty:ty) => { input_schema::<$ty> };
    (@schema Output, $ty:ty) => { output_schema::<$ty> };
}

shapes! {
    "eligibility" => "EligibilityInput", Input, crate::EligibilityInput,
        "Des dossiers de défi et des candidatures (entrée de eig eligibility).", built(examples::eligibility);
    "eligibility-result" => "EligibilityResult", Output, crate::EligibilityOutput,
        "Le résultat de chaque dossier et candidature.", answer("eligibility");
    "explain" => "ExplainInput", Input, crate::ExplainInput,
        "Un dossier ou une candidature (entrée de eig explain).", built(examples::explain);
    "explanation" => "Explanation", Output, crate::Explanation,
        "Une décision et son explication en français.", answer("explain");
    "changes" => "ChangesInput", Input, eig_cases::ChangesInput,
        "Un dossier ou une candidature et ce qui ne peut pas changer (entrée de eig changes).", built(examples::changes);
    "changes-result" => "ChangesResult", Output, crate::ChangesAnswer,
        "Les plus petits ensembles de changements qui rendraient le dossier ou la candidature éligible.", answer("changes");
    "prolongation" => "ProlongationRequest", Input, eig_eligibility::ProlongationRequest,
        "Une demande de cofinancement de prolongations de l'EIG6 (entrée de eig prolongation).", built(examples::prolongation);
    "prolongation-result" => "ProlongationResult", Output, crate::ProlongationAnswer,
        "La décision d'une demande de prolongations, talent par talent.", answer("prolongation");
    "ami5bis" => "Ami5bisApplication", Input, eig_eligibility::CandidateApplication,
        "Une candidature à l'AMI Promotion 5 bis (entrée de eig ami5bis).", built(examples::ami5bis);
    "jury" => "JurySheet", Input, eig_eligibility::JurySheet,
        "La feuille du jury des défis (entrée de eig selection).", built(examples::jury);
    "selection" => "Selection", Output, eig_eligibility::Selection,
        "Le classement des dossiers et les lauréats.", answer("jury");
    "scores" => "CandidateScoreSheet", Input, eig_eligibility::CandidateScoreSheet,
        "Les notes d'un jury de candidats (entrée de eig rankings).", built(examples::scores);
    "rankings" => "CandidateRankings", Output, eig_eligibility::CandidateRankings,
        "Les classements des candidats par défi et métier.", answer("scores");
    "eig7-terms" => "Eig7TermsInput", Input, eig_cases::Eig7TermsInput,
        "Les jours d'un contrat de l'EIG7 (entrée de eig eig7-terms).", built(examples::eig7_terms);
    "eig7-terms-result" => "Eig7Terms", Output, crate::Eig7Terms,
        "Les échéances d'un contrat de l'EIG7.", answer("eig7-terms");
    "eig7-cap" => "Eig7CapInput", Input, eig_cases::Eig7CapInput,
        "Les recrutements d'une année de l'EIG7 (entrée de eig eig7-cap).", built(examples::eig7_cap);
    "eig7-cap-result" => "RecruitmentCap", Output, eig_eligibility::RecruitmentCap,
        "Les recrutements face au plafond de l'EIG7.", answer("eig7-cap");
    "termination" => "TerminationInput", Input, eig_cases::TerminationInput,
        "Une résiliation de convention de financement notifiée (entrée de eig termination).", built(examples::termination);
    "termination-result" => "ConventionTermination", Output, eig_eligibility::ConventionTermination,
        "Le jour où la résiliation prend effet, avec sa source.", answer("termination");
    "funding" => "PromotionInput", Input, eig_funding::PromotionInput,
        "Les défis, voies de financement et talents d'une promotion (entrée de eig funding).", built(examples::funding);
    "scenario" => "Scenario", Input, eig_funding::Scenario,
        "Des paramètres remplacés (entrée de eig funding --scenario).", built(examples::scenario);
    "funding-request" => "FundingRequest", Input, crate::FundingRequest,
        "Une promotion et un scénario (entrée de eig funding-scenario).", built(examples::funding_request);
    "funding-plan" => "PromotionPlan", Output, eig_funding::PromotionPlan,
        "Un plan de financement.", answer("funding");
    "calendar" => "CalendarInput", Input, eig_cases::CalendarInput,
        "Les défis d'une promotion et les jours des événements qu'attendent leurs versements (entrée de eig funding-calendar).", built(examples::calendar);
    "calendar-result" => "PaymentCalendar", Output, eig_funding::PaymentCalendar,
        "Les versements du programme, défi par défi, avec leur événement, leur jour s'il est connu et leurs sources.", answer("calendar");
    "match" => "MatchingInput", Input, eig_matching::MatchingInput,
        "Un problème d'affectation (entrée de eig match).", built(examples::matching);
    "match-result" => "MatchResult", Output, crate::MatchOutput,
        "Une affectation vérifiée et expliquée.", answer("match");
    "campaign" => "Campaign", Input, eig_campaign::Campaign,
        "Un appel entier (entrée de eig run).", built(examples::campaign);
    "run-result" => "CampaignResult", Output, eig_campaign::CampaignResult,
        "Le résultat d'un appel entier.", answer("campaign");
    "simulation" => "Simulation", Input, crate::Simulation,
        "Un dossier de défi et les coûts de ses talents (entrée de eig simulate).", built(examples::simulation);
    "simulation-result" => "SimulationResult", Output, crate::SimulationResult,
        "La décision d'un dossier, son explication et le plan de son défi.", answer("simulation");
    "candidate-simulation" => "CandidateSimulation", Input, crate::CandidateSimulation,
        "Une candidature et les réponses saisies par le candidat (entrée de eig simulate-candidate).", built(examples::candidate_simulation);
    "candidate-simulation-result" => "CandidateSimulationResult", Output, crate::CandidateSimulationResult,
        "La décision sur une candidature et son explication.", answer("candidate-simulation");
    "case" => "CaseFile", Input, eig_cases::CaseFile,
        "Un fichier de cas de test de règles (entrée de eig test).", built(examples::case);
    "test-result" => "TestResult", Output, crate::TestOutput,
        "Le résultat de chaque cas de test.", answer("case");
    "history-result" => "HistoryResult", Output, crate::HistoryOutput,
        "Les chiffres officiels des promotions (résultat de eig history).", built(examples::history);
    "promotion-facts-list" => "PromotionFactsList", Output, Vec<eig_domain::PromotionFacts>,
        "Les faits sourcés de chaque promotion.", built(examples::promotions);
    "parameter-list" => "ParameterList", Output, Vec<eig_funding::Parameter>,
        "Les paramètres officiels du financement.", built(examples::parameters);
    "rules-catalogue" => "RulesCatalogue", Output, eig_catalogue::Catalogue,
        "Le catalogue des règles d'une ou de toutes les promotions (résultat de eig rules).", built(examples::rules_catalogue);
    "rules-diff" => "RulesDiff", Output, eig_catalogue::RulesDiff,
        "Ce qui change entre les règles de deux promotions (résultat de eig rules --diff).", built(examples::rules_diff);
    "vocabulary" => "Vocabulary", Output, crate::Vocabulary,
        "Les libellés français des valeurs à choisir.", built(examples::vocabulary);
    "defi" => "Defi", Input, eig_domain::Defi,
        "Un défi.", built(examples::defi);
    "dossier" => "DefiDossier", Input, eig_eligibility::DefiDossier,
        "Un dossier de défi complet.", built(examples::dossier);
    "candidate" => "Candidate", Input, eig_domain::Candidate,
        "Un candidat.", built(examples::candidate);
    "application" => "CandidateApplication", Input, eig_eligibility::CandidateApplication,
        "Une candidature complète.", built(examples::application);
    "promotion-facts" => "PromotionFacts", Output, eig_domain::PromotionFacts,
        "Les faits sourcés d'une promotion.", built(examples::promotion_facts);
    "figures" => "FiguresTable", Output, Vec<eig_history::FiguresRow>,
        "Le tableau des chiffres officiels.", built(examples::figures);
    "json-schema" => "JsonSchema", Output, crate::SchemaDocument,
        "Un schéma JSON (draft 2020-12).", built(json_schema_example);
}

/// Every shape, inputs and outputs.
///
/// # Example
/// ```
/// let kinds: Vec<&str> = eig_api::shapes().iter().map(|shape| shape.kind).collect();
/// assert!(kinds.contains(&"funding-plan") && kinds.contains(&"jury"));
/// ```
pub fn shapes() -> &'static [Shape] {
    SHAPES
}

/// The shape of kind `kind` (`funding-plan`) or name `name` (`PromotionPlan`).
///
/// # Example
/// ```
/// assert_eq!(eig_api::shape("PromotionPlan").map(|s| s.kind), Some("funding-plan"));
/// ```
pub fn shape(name: &str) -> Option<&'static Shape> {
    SHAPES.iter().find(|shape| shape.kind == name || shape.name == name)
}

/// The answer of the operation whose input is `input`, on `body` (an output shape's example).
fn answer_of(input: &str, body: &Value) -> Result<Value, ApiError> {
    let op = OPERATIONS.iter().find(|op| op.input == Some(input)).ok_or_else(|| {
        ApiError::new(ErrorKind::Invalid, "no_example", format!("aucune opération ne lit {input}"))
    })?;
    let query = BTreeMap::new();
    let text = body.to_string();
    let json = op.run(&Request::new(&text, &query, Surface::Command))?;
    serde_json::from_str(&json).map_err(|err| {
        ApiError::new(ErrorKind::Unjudgeable, "internal", format!("réponse illisible : {err}"))
    })
}
