//! Python values to JSON text and back, in one pass each: a request's body is written as JSON
//! straight from its dicts and lists, an answer's JSON is read straight into dicts and lists
//! (no `serde_json::Value` between them, no call of the `json` module).

use std::{borrow::Cow, fmt, io::Write as _};

use pyo3::{
    exceptions::{PyTypeError, PyValueError},
    prelude::*,
    types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple},
};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

/// How deep a body may nest: deeper is refused (a list that holds itself never ends).
const MAX_DEPTH: usize = 256;

/// The JSON text of a request's body: a `str` or `bytes` is taken as JSON text already (and
/// borrowed: Python's strings and bytes do not change); `None` is an empty body (a `GET`'s);
/// anything else is written as JSON.
///
/// # Errors
/// A `bytes` body that is not UTF-8; a value JSON cannot hold (see [`write`]).
pub(crate) fn body_text<'a>(body: Option<&'a Bound<'_, PyAny>>) -> PyResult<Cow<'a, str>> {
    let Some(body) = body else { return Ok(Cow::Borrowed("")) };
    if body.is_none() {
        return Ok(Cow::Borrowed(""));
    }
    if let Ok(text) = body.cast::<PyString>() {
        return Ok(Cow::Borrowed(text.to_str()?));
    }
    if let Ok(bytes) = body.cast::<PyBytes>() {
        return std::str::from_utf8(bytes.as_bytes())
            .map(Cow::Borrowed)
            .map_err(|err| PyValueError::new_err(format!("body: {err}")));
    }
    if let Ok(bytes) = body.cast::<PyByteArray>() {
        // A bytearray may change: copied.
        return utf8(bytes.to_vec()).map(Cow::Owned);
    }
    let mut out = Vec::with_capacity(1024);
    write(&mut out, body, 0)?;
    utf8(out).map(Cow::Owned)
}

fn utf8(bytes: Vec<u8>) -> PyResult<String> {
    String::from_utf8(bytes).map_err(|err| PyValueError::new_err(format!("body: {err}")))
}

/// Writes `value` as JSON: `dict` (with `str` keys), `list`, `tuple`, `str`, `int`, `float`
/// (finite), `bool`, `None`; a `datetime.date` or `datetime.datetime` as its ISO text, a
/// `decimal.Decimal` as its text in a string (amounts are strings in every shape).
///
/// # Errors
/// `TypeError` for another type or a key that is not a `str`; `ValueError` for a float that
/// is not finite or a value nested deeper than [`MAX_DEPTH`].
pub(crate) fn write(out: &mut Vec<u8>, value: &Bound<'_, PyAny>, depth: usize) -> PyResult<()> {
    if depth > MAX_DEPTH {
        return Err(PyValueError::new_err(format!(
            "body: nested deeper than {MAX_DEPTH} levels (a value that holds itself?)"
        )));
    }
    if value.is_none() {
        out.extend_from_slice(b"null");
    } else if let Ok(text) = value.cast::<PyString>() {
        string(out, text.to_str()?);
    } else if let Ok(dict) = value.cast::<PyDict>() {
        out.push(b'{');
        for (index, (key, item)) in dict.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            let Ok(key) = key.cast::<PyString>() else {
                return Err(PyTypeError::new_err(format!(
                    "body: keys must be str, not {}",
                    key.get_type().name()?
                )));
            };
            string(out, key.to_str()?);
            out.push(b':');
            write(out, &item, depth + 1)?;
        }
        out.push(b'}');
    } else if let Ok(list) = value.cast::<PyList>() {
        out.push(b'[');
        for (index, item) in list.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            write(out, &item, depth + 1)?;
        }
        out.push(b']');
    } else if let Ok(tuple) = value.cast::<PyTuple>() {
        out.push(b'[');
        for (index, item) in tuple.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            write(out, &item, depth + 1)?;
        }
        out.push(b']');
    } else if value.is_instance_of::<PyBool>() {
        out.extend_from_slice(if value.is_truthy()? { b"true" } else { b"false" });
    } else if let Ok(int) = value.cast::<PyInt>() {
        match int.extract::<i64>() {
            Ok(number) => out.extend_from_slice(number.to_string().as_bytes()),
            // Beyond 64 bits: its decimal digits, which JSON allows (the operation says
            // whether it accepts such a number).
            Err(_) => out.extend_from_slice(int.str()?.to_str()?.as_bytes()),
        }
    } else if let Ok(float) = value.cast::<PyFloat>() {
        let number = float.value();
        if !number.is_finite() {
            return Err(PyValueError::new_err(format!("body: {number} is not a JSON number")));
        }
        serde_json::to_writer(&mut *out, &number)
            .map_err(|err| PyValueError::new_err(format!("body: {err}")))?;
    } else {
        other(out, value)?;
    }
    Ok(())
}

/// A date, a decimal, or a scalar of another library (`NumPy`'s) that says it is a whole
/// number or a truth value.
fn other(out: &mut Vec<u8>, value: &Bound<'_, PyAny>) -> PyResult<()> {
    let kind = value.get_type();
    let module = kind.module()?;
    let name = kind.name()?;
    match (module.to_str()?, name.to_str()?) {
        ("datetime", "date" | "datetime") => {
            string(out, value.call_method0("isoformat")?.cast::<PyString>()?.to_str()?);
        }
        ("decimal", "Decimal") => string(out, value.str()?.to_str()?),
        _ => {
            if let Ok(truth) = value.extract::<bool>() {
                out.extend_from_slice(if truth { b"true" } else { b"false" });
            } else if let Ok(number) = value.extract::<i64>() {
                out.extend_from_slice(number.to_string().as_bytes());
            } else {
                return Err(PyTypeError::new_err(format!(
                    "body: a {module}.{name} cannot be written as JSON (dict, list, str, int, \
                     float, bool, None, a date or a Decimal can)"
                )));
            }
        }
    }
    Ok(())
}

/// `text` as a JSON string, escaped.
fn string(out: &mut Vec<u8>, text: &str) {
    // Writing to a Vec cannot fail, and a str is always valid JSON once escaped.
    let _ = serde_json::to_writer(&mut *out, text);
    let _ = out.flush();
}

/// The Python value of JSON text (a schema, an example): `dict`, `list`, `str`, `int`,
/// `float`, `bool` or `None`, its strings taken from the table kept between answers
/// ([`shared`]). An operation's answer does not come this way: it is made from its typed
/// value (`values.rs`).
///
/// # Errors
/// Text that is not JSON (never an operation's answer).
pub(crate) fn to_python<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    collector_paused(py, text.len() >= LARGE, || read(py, text))
}

/// Runs `make` with Python's cyclic garbage collector paused when `large`, and resumed as it
/// was found. The collector runs as containers are made, and each of its full passes walks
/// every object made so far: on a batch's answer (millions of dicts, none in a cycle) that is
/// most of the time.
///
/// # Errors
/// `make`'s, or the `gc` module's.
pub(crate) fn collector_paused<'py>(
    py: Python<'py>,
    large: bool,
    make: impl FnOnce() -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    if !large {
        return make();
    }
    let gc = py.import("gc")?;
    let enabled = gc.call_method0("isenabled")?.is_truthy()?;
    if enabled {
        gc.call_method0("disable")?;
    }
    let value = make();
    if enabled {
        gc.call_method0("enable")?;
    }
    value
}

/// The size of JSON text read, or of a request's body, from which the garbage collector is
/// paused while the Python values are made (one dossier's decision with its trace is about
/// 5 KB; a body that large makes an answer at least as large).
pub(crate) const LARGE: usize = 64 * 1024;

/// Reads `text` into Python values.
fn read<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = STRINGS.with(|strings| {
        let seed = Seed { py, strings };
        seed.deserialize(&mut deserializer)
    });
    let value = value.map_err(|err| {
        PyValueError::new_err(format!("the answer is not JSON (a defect of the module): {err}"))
    })?;
    deserializer.end().map_err(|err| PyValueError::new_err(format!("answer: {err}")))?;
    Ok(value)
}

/// How many string objects the module keeps from one answer to the next: a direct-mapped
/// table, each string in the slot of its hash, a newer string taking an older one's slot.
/// Every answer of an operation repeats most of its strings — keys, outcomes, rule ids,
/// titles, sources, quotes — which are then made once, not once per answer. Bounded: at most
/// [`SLOTS`] strings of at most [`SHARED_LEN`] bytes each (about 4 MB with their objects).
const SLOTS: usize = 4096;

/// Strings up to this length go through the table; longer ones (a dossier's own text) are
/// made each time.
const SHARED_LEN: usize = 512;

/// The table of strings kept between answers, one per thread (a Python string object is
/// immutable: sharing it between answers changes nothing a caller can see).
pub(crate) struct Strings {
    slots: Vec<Option<(Box<str>, Py<PyString>)>>,
}

/// How many names of fields and variants the module keeps: they are text of the program
/// (`&'static str`), each known by its address, so looking one up reads no text. Bounded by
/// the program's own names (a few hundred) and by this size.
const NAME_SLOTS: usize = 1024;

/// The string objects of the program's own names (a struct's fields, an enum's variants), one
/// table per thread: a direct-mapped table keyed by the name's address and length.
pub(crate) struct StaticKeys {
    slots: Vec<Option<(usize, usize, Py<PyString>)>>,
}

impl StaticKeys {
    /// The string object of the program's name `name`.
    pub(crate) fn get<'py>(&mut self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        let address = name.as_ptr().addr();
        let slot = ((address >> 3) ^ name.len()) & (NAME_SLOTS - 1);
        if let Some((known, len, object)) = &self.slots[slot]
            && *known == address
            && *len == name.len()
        {
            return object.bind(py).clone();
        }
        let made = PyString::new(py, name);
        self.slots[slot] = Some((address, name.len(), made.clone().unbind()));
        made
    }
}

thread_local! {
    static STRINGS: std::cell::RefCell<Strings> =
        std::cell::RefCell::new(Strings { slots: (0..SLOTS).map(|_| None).collect() });
    static NAMES: std::cell::RefCell<StaticKeys> =
        std::cell::RefCell::new(StaticKeys { slots: (0..NAME_SLOTS).map(|_| None).collect() });
}

/// Runs `work` with this thread's tables of strings and of names.
pub(crate) fn with_tables<T>(
    work: impl FnOnce(&std::cell::RefCell<Strings>, &std::cell::RefCell<StaticKeys>) -> T,
) -> T {
    STRINGS.with(|strings| NAMES.with(|names| work(strings, names)))
}

/// A hasher for the table of shared strings: std's `SipHash` took a quarter of the time of
/// reading one decision's answer (`perf`), for strings of the module's own answer that no
/// one chooses to collide (a collision only costs a string made again). The multiply-rotate
/// of rustc's `FxHasher`, eight bytes at a time.
#[derive(Clone, Copy, Default)]
struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    /// The hash of a string by its length and its first and last 16 bytes: enough to tell
    /// apart the strings of answers (ids, outcomes, titles, quotes), without reading a long
    /// quote whole twice (a slot's text is compared whole before it is used).
    fn of(bytes: &[u8]) -> u64 {
        let mut hasher = Self::default();
        hasher.add(bytes.len() as u64);
        let (head, tail) = if bytes.len() > 32 {
            (&bytes[..16], &bytes[bytes.len() - 16..])
        } else {
            (bytes, &[][..])
        };
        for part in [head, tail] {
            let mut chunks = part.chunks_exact(8);
            for chunk in &mut chunks {
                let mut word = [0; 8];
                word.copy_from_slice(chunk);
                hasher.add(u64::from_le_bytes(word));
            }
            let mut last = [0; 8];
            last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
            hasher.add(u64::from_le_bytes(last));
        }
        hasher.0
    }
}

/// Reads one JSON value into a Python object.
#[derive(Clone, Copy)]
struct Seed<'a, 'py> {
    py: Python<'py>,
    strings: &'a std::cell::RefCell<Strings>,
}

impl<'de, 'py> DeserializeSeed<'de> for Seed<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, 'py> Visitor<'de> for Seed<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        Ok(PyBool::new(self.py, value).to_owned().into_any())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        Ok(PyInt::new(self.py, value).into_any())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        Ok(PyInt::new(self.py, value).into_any())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        Ok(PyFloat::new(self.py, value).into_any())
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(shared(self.py, self.strings, value).into_any())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.py.None().into_bound(self.py))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        PyList::new(self.py, items).map(Bound::into_any).map_err(de::Error::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let dict = PyDict::new(self.py);
        while let Some(key) = map.next_key_seed(Key(self))? {
            let value = map.next_value_seed(self)?;
            dict.set_item(key, value).map_err(de::Error::custom)?;
        }
        Ok(dict.into_any())
    }
}

/// Reads an object's key into its string object, made once per answer.
struct Key<'a, 'py>(Seed<'a, 'py>);

impl<'de, 'py> DeserializeSeed<'de> for Key<'_, 'py> {
    type Value = Bound<'py, PyString>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'py> Visitor<'_> for Key<'_, 'py> {
    type Value = Bound<'py, PyString>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(shared(self.0.py, self.0.strings, key))
    }
}

/// The string object of `text`: the one kept in its slot when it holds the same text,
/// otherwise made (and kept in the slot when short enough).
pub(crate) fn shared<'py>(
    py: Python<'py>,
    strings: &std::cell::RefCell<Strings>,
    text: &str,
) -> Bound<'py, PyString> {
    if text.len() > SHARED_LEN {
        return PyString::new(py, text);
    }
    // The table's length is a power of two: the hash's low bits are the slot.
    #[expect(clippy::cast_possible_truncation, reason = "only the low bits are kept")]
    let slot = (FastHasher::of(text.as_bytes()) as usize) & (SLOTS - 1);
    let mut strings = strings.borrow_mut();
    if let Some((known, object)) = &strings.slots[slot]
        && **known == *text
    {
        return object.bind(py).clone();
    }
    let made = PyString::new(py, text);
    strings.slots[slot] = Some((text.into(), made.clone().unbind()));
    made
}
