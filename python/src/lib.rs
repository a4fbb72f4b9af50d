//! The native module `eig._native` of the Python package `eig`: eig-api's table of operations
//! seen from Python. It exposes the table itself (operations, shapes, kinds of error) and one
//! generic `run`; the package (`python/eig/__init__.py`) makes one Python function per entry of
//! the table from it, so that an operation added to the table is a function of the package
//! without a line written here.
//!
//! Bodies and answers cross as the same JSON shapes as the command's and the service's: a
//! Python value is written as JSON text and an answer's JSON text read into Python values, each
//! in one pass in Rust ([`convert`]).

use std::{borrow::Cow, collections::BTreeMap, time::Duration};

use eig_api::{ApiError, Direction, ErrorKind, Method, Operation, ParamType};
use pyo3::{
    create_exception,
    exceptions::{PyException, PyTypeError, PyValueError},
    prelude::*,
    types::{PyDict, PyList, PyString},
};

mod compute;
mod convert;
mod values;

/// The module's own allocations (a request's text, its records, their decisions and the
/// answer's text) go through mimalloc, as the command's do (docs/decisions/0007-allocator.md);
/// Python's objects keep Python's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(
    _native,
    NativeError,
    PyException,
    "An error of an operation, as eig-api gives it: its arguments are the kind (`Syntax`, \
     `Invalid`, …), the stable code, the JSON path or None, the French message, the line and \
     column of a syntax error or None, and the message with its place. The package raises it \
     again as the exception class of its kind."
);

/// The module.
#[pymodule]
#[pyo3(name = "_native")]
fn native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("NativeError", module.py().get_type::<NativeError>())?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_function(wrap_pyfunction!(operations, module)?)?;
    module.add_function(wrap_pyfunction!(shapes, module)?)?;
    module.add_function(wrap_pyfunction!(error_kinds, module)?)?;
    module.add_function(wrap_pyfunction!(run, module)?)?;
    module.add_function(wrap_pyfunction!(run_french, module)?)?;
    module.add_function(wrap_pyfunction!(schema, module)?)?;
    module.add_function(wrap_pyfunction!(example, module)?)?;
    module.add_function(wrap_pyfunction!(from_json, module)?)?;
    Ok(())
}

/// The table's operations, each a dict: `id`, `command`, `method`, `path`, `tag`, `summary`,
/// `input` (a shape's kind, or None), `output`, `params` (each `name`, `description`, `kind`,
/// `max`), `french`, `refusals` (each `code`, `description`), `searches`, and `trace_option`
/// (whether `run` takes `trace=False` for it).
#[pyfunction]
fn operations(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for op in eig_api::operations() {
        let entry = PyDict::new(py);
        entry.set_item("id", op.id)?;
        entry.set_item("command", op.command)?;
        entry.set_item("method", method(op.method))?;
        entry.set_item("path", op.path)?;
        entry.set_item("tag", op.tag)?;
        entry.set_item("summary", op.summary)?;
        entry.set_item("input", op.input)?;
        entry.set_item("output", op.output)?;
        let params = PyList::empty(py);
        for param in op.params {
            let item = PyDict::new(py);
            item.set_item("name", param.name)?;
            item.set_item("description", param.description)?;
            let (kind, max) = param_kind(param.kind);
            item.set_item("kind", kind)?;
            item.set_item("max", max)?;
            params.append(item)?;
        }
        entry.set_item("params", params)?;
        entry.set_item("french", op.french)?;
        let refusals = PyList::empty(py);
        for refusal in op.refusals {
            let item = PyDict::new(py);
            item.set_item("code", refusal.code)?;
            item.set_item("description", refusal.description)?;
            refusals.append(item)?;
        }
        entry.set_item("refusals", refusals)?;
        entry.set_item("searches", op.searches)?;
        entry.set_item("trace_option", op.id == BRIEF_OPERATION)?;
        list.append(entry)?;
    }
    Ok(list)
}

/// `GET` or `POST`.
fn method(method: Method) -> String {
    format!("{method:?}").to_uppercase()
}

/// What a parameter accepts, as the package's functions read it: `boolean`, `integer` (with
/// its largest value), `date`, `promotion`; `text` for a kind this module does not know yet.
fn param_kind(kind: ParamType) -> (&'static str, Option<u64>) {
    match kind {
        ParamType::Boolean => ("boolean", None),
        ParamType::Integer { max } => ("integer", Some(max)),
        ParamType::Date => ("date", None),
        ParamType::Promotion => ("promotion", None),
        _ => ("text", None),
    }
}

/// The table's shapes, each a dict: `kind`, `name`, `summary`, `direction` (`input` or
/// `output`).
#[pyfunction]
fn shapes(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for shape in eig_api::shapes() {
        let entry = PyDict::new(py);
        entry.set_item("kind", shape.kind)?;
        entry.set_item("name", shape.name)?;
        entry.set_item("summary", shape.summary)?;
        let direction = if shape.direction == Direction::Input { "input" } else { "output" };
        entry.set_item("direction", direction)?;
        list.append(entry)?;
    }
    Ok(list)
}

/// Every kind of error, each a dict: `kind` (`Syntax`, `Invalid`, …), `status` (HTTP),
/// `exit_code` (the command's), `problem_type` (the service's).
#[pyfunction]
fn error_kinds(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for kind in ErrorKind::ALL {
        let entry = PyDict::new(py);
        entry.set_item("kind", format!("{kind:?}"))?;
        entry.set_item("status", kind.status())?;
        entry.set_item("exit_code", kind.exit_code())?;
        entry.set_item("problem_type", kind.problem_type())?;
        list.append(entry)?;
    }
    Ok(list)
}

/// The operation of id (or command) `name`.
fn operation(name: &str) -> PyResult<&'static Operation> {
    eig_api::operation(name).ok_or_else(|| {
        let ids: Vec<&str> = eig_api::operations().iter().map(|op| op.id).collect();
        PyValueError::new_err(format!("no operation {name:?}: the operations are {ids:?}"))
    })
}

/// The `NativeError` of `err`.
fn raised(err: &ApiError) -> PyErr {
    NativeError::new_err((
        format!("{:?}", err.kind()),
        err.code(),
        err.path().map(str::to_owned),
        err.message().to_owned(),
        err.position(),
        err.to_string(),
    ))
}

/// The query of `op` from Python's keyword arguments: each a parameter of `op`; `None` is
/// absent; a `bool` is `true` or `false`, an `int` its digits, a `datetime.date` its ISO text,
/// a `str` itself (checked by the operation, as the command and the service check theirs).
fn query(op: &Operation, params: Option<&Bound<'_, PyDict>>) -> PyResult<BTreeMap<String, String>> {
    let mut query = BTreeMap::new();
    let Some(params) = params else { return Ok(query) };
    for (name, value) in params.iter() {
        let name: String = name.extract()?;
        if !op.params.iter().any(|param| param.name == name) {
            let names: Vec<&str> = op.params.iter().map(|param| param.name).collect();
            return Err(PyTypeError::new_err(format!(
                "{} takes no parameter {name:?} (its parameters: {names:?})",
                op.id
            )));
        }
        if value.is_none() {
            continue;
        }
        let text = if let Ok(text) = value.cast::<PyString>() {
            text.to_str()?.to_owned()
        } else if let Ok(truth) = value.cast::<pyo3::types::PyBool>() {
            if truth.is_true() { "true" } else { "false" }.to_owned()
        } else if let Ok(number) = value.cast::<pyo3::types::PyInt>() {
            number.str()?.to_str()?.to_owned()
        } else if value.hasattr("isoformat")? {
            value.call_method0("isoformat")?.extract()?
        } else {
            return Err(PyTypeError::new_err(format!(
                "{}: the parameter {name} is a bool, an int, a date or a str, not a {}",
                op.id,
                value.get_type().name()?
            )));
        };
        query.insert(name, text);
    }
    Ok(query)
}

/// A timeout in seconds as a duration: only an operation that searches takes one (every
/// other one is linear in its body and ends on its own).
fn duration(op: &Operation, timeout: Option<f64>) -> PyResult<Option<Duration>> {
    if timeout.is_some() && !op.searches {
        return Err(PyTypeError::new_err(format!(
            "{} takes no timeout: it does not search, its work is linear in its body",
            op.id
        )));
    }
    timeout
        .map(|seconds| {
            Duration::try_from_secs_f64(seconds).map_err(|_| {
                PyValueError::new_err(format!("timeout: {seconds} is not a number of seconds"))
            })
        })
        .transpose()
}

/// The body's JSON text, refused for an operation that reads none.
fn body_of<'a>(op: &Operation, body: Option<&'a Bound<'_, PyAny>>) -> PyResult<Cow<'a, str>> {
    let text = convert::body_text(body)?;
    if op.input.is_none() && !text.is_empty() {
        return Err(PyTypeError::new_err(format!(
            "{} reads no body: its inputs are its parameters",
            op.id
        )));
    }
    Ok(text)
}

/// The operation whose decisions may be answered without their traces (`trace=False`), as
/// the command's own `eig eligibility --format json` answers a batch above 5 000 records.
const BRIEF_OPERATION: &str = "decideEligibility";

/// Runs the operation `op_id` (its id, or its command) on `body` (a Python value written as
/// JSON, JSON text as `str` or `bytes`, or None) with the parameters `params`: its answer as
/// Python values, or as compact JSON text with `text=True`. An operation that searches stops
/// at `timeout` seconds (`interrupted`) or at Ctrl-C. With `trace=False`, `decideEligibility`
/// answers each decision without its trace (its promotion, subject and outcome).
#[pyfunction]
#[pyo3(signature = (op_id, body=None, params=None, timeout=None, text=false, trace=true))]
fn run<'py>(
    py: Python<'py>,
    op_id: &str,
    body: Option<&Bound<'py, PyAny>>,
    params: Option<&Bound<'py, PyDict>>,
    timeout: Option<f64>,
    text: bool,
    trace: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let op = operation(op_id)?;
    let query = query(op, params)?;
    let timeout = duration(op, timeout)?;
    let body = body_of(op, body)?;
    if !trace && op.id != BRIEF_OPERATION {
        return Err(PyTypeError::new_err(format!(
            "{} takes no trace option: only {BRIEF_OPERATION} answers without traces",
            op.id
        )));
    }
    // A large body makes a large answer: Python's collector is paused while it is made.
    let large = body.len() >= convert::LARGE;
    if text {
        let json = if trace {
            compute::answer(py, op, &body, &query, timeout, Operation::run)?
        } else {
            py.detach(|| brief_decisions(&body)).and_then(|answer| json(&answer))
        }
        .map_err(|err| raised(&err))?;
        return Ok(PyString::new(py, &json).into_any());
    }
    // Dicts and lists made straight from the answer's typed value: no JSON text between.
    if trace {
        let answer = compute::answer(py, op, &body, &query, timeout, Operation::answer)?
            .map_err(|err| raised(&err))?;
        drop(body);
        convert::collector_paused(py, large, || values::to_python(py, &answer))
    } else {
        let answer = py.detach(|| brief_decisions(&body)).map_err(|err| raised(&err))?;
        drop(body);
        convert::collector_paused(py, large, || values::to_python(py, &answer))
    }
}

/// `decideEligibility`'s answer with each decision brief (its promotion, subject and outcome,
/// without the trace): the same reading of the body as the operation's, the same
/// [`eig_api::EligibilityAnswer`] the command writes.
fn brief_decisions(body: &str) -> Result<eig_api::EligibilityAnswer, ApiError> {
    let input: eig_api::EligibilityInput =
        eig_api::parse_for(body, Some("eligibility"), eig_api::Surface::Command)?;
    Ok(eig_api::EligibilityAnswer::new(input, false))
}

/// `answer` as compact JSON text, as the command writes it.
fn json(answer: &eig_api::EligibilityAnswer) -> Result<String, ApiError> {
    serde_json::to_string(answer).map_err(|err| {
        ApiError::new(
            ErrorKind::Unjudgeable,
            "internal",
            format!("le résultat n'a pas pu être mis en JSON (une erreur du programme) : {err}"),
        )
    })
}

/// Runs the operation `op_id` as [`run`] does, its answer written in French for a person.
#[pyfunction]
#[pyo3(signature = (op_id, body=None, params=None, timeout=None))]
fn run_french<'py>(
    py: Python<'py>,
    op_id: &str,
    body: Option<&Bound<'py, PyAny>>,
    params: Option<&Bound<'py, PyDict>>,
    timeout: Option<f64>,
) -> PyResult<String> {
    let op = operation(op_id)?;
    if !op.french {
        return Err(PyValueError::new_err(format!(
            "{} has no French text: its answer is for programs",
            op.id
        )));
    }
    let query = query(op, params)?;
    let timeout = duration(op, timeout)?;
    let body = body_of(op, body)?;
    compute::answer(py, op, &body, &query, timeout, Operation::run_french)?
        .map_err(|err| raised(&err))
}

/// The shape of kind (or name) `kind`.
fn shape(kind: &str) -> PyResult<&'static eig_api::Shape> {
    eig_api::shape(kind).ok_or_else(|| {
        let kinds: Vec<&str> = eig_api::shapes().iter().map(|shape| shape.kind).collect();
        PyValueError::new_err(format!("no shape {kind:?}: the shapes are {kinds:?}"))
    })
}

/// The JSON Schema (draft 2020-12) of the shape `kind`.
#[pyfunction]
fn schema<'py>(py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
    let schema = shape(kind)?.schema();
    convert::to_python(py, &schema.to_string())
}

/// A valid example of the shape `kind`: of `promotion` when given (`EIG6`, `eig6`), EIG3's
/// otherwise.
#[pyfunction]
#[pyo3(signature = (kind, promotion=None))]
fn example<'py>(
    py: Python<'py>,
    kind: &str,
    promotion: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let shape = shape(kind)?;
    let promotion = promotion
        .map(|text| {
            eig_api::parse_promotion(text).map_err(|message| {
                raised(&ApiError::parameter("promotion", format!("promotion : {message}")))
            })
        })
        .transpose()?;
    let example = shape.example(promotion).map_err(|err| raised(&err))?;
    convert::to_python(py, &example.to_string())
}

/// The Python value of JSON text, read as an answer is (for the benchmark: the reading alone,
/// against the `json` module's).
#[pyfunction]
#[pyo3(name = "_from_json")]
fn from_json<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    convert::to_python(py, text)
}
