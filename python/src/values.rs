//! An operation's answer made into Python values straight from its typed value
//! ([`eig_api::Answer`]): a serde serializer whose output is Python objects — the same
//! `dict`, `list`, `str`, `int`, `float`, `bool` and `None` as reading the answer's JSON text
//! would give (`json.loads` of [`eig_api::Operation::run`]'s text), without writing that text
//! and reading it back.
//!
//! serde's data model is mapped as `serde_json` maps it: a struct or a map is a `dict` (a map's
//! keys written as `serde_json` writes them: numbers and truth values as their text), a
//! sequence or a tuple a `list`, a unit variant its name, any other variant a one-key `dict`,
//! `None` and a unit `None`, a float that is not finite `None` (JSON's `null`), bytes a list of
//! numbers.

use std::fmt;

use pyo3::{
    exceptions::PyValueError,
    prelude::*,
    types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString},
};
use serde::{
    Serialize,
    ser::{self, Serializer},
};

use crate::convert::{StaticKeys, Strings, shared};

/// A Python error met while making the values (memory, mostly), or a value JSON cannot hold.
#[derive(Debug)]
pub(crate) struct Failure(PyErr);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Failure {}

impl ser::Error for Failure {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self(PyValueError::new_err(message.to_string()))
    }
}

impl From<PyErr> for Failure {
    fn from(err: PyErr) -> Self {
        Self(err)
    }
}

/// The Python value of `value`.
///
/// # Errors
/// A Python error while making the objects; a map key JSON could not write.
pub(crate) fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    crate::convert::with_tables(|strings, keys| {
        value.serialize(Values { py, strings, keys }).map_err(|Failure(err)| err)
    })
}

/// The serializer: the interpreter and the tables of strings kept between answers.
#[derive(Clone, Copy)]
struct Values<'a, 'py> {
    py: Python<'py>,
    strings: &'a std::cell::RefCell<Strings>,
    keys: &'a std::cell::RefCell<StaticKeys>,
}

impl<'py> Values<'_, 'py> {
    fn text(self, text: &str) -> Bound<'py, PyAny> {
        shared(self.py, self.strings, text).into_any()
    }

    /// A field's or a variant's name: text of the program, made once for all answers.
    fn name(self, name: &'static str) -> Bound<'py, PyString> {
        self.keys.borrow_mut().get(self.py, name)
    }

    /// `{variant: value}`, as `serde_json` writes a variant with data.
    fn variant(
        self,
        variant: &'static str,
        value: Bound<'py, PyAny>,
    ) -> Result<Bound<'py, PyAny>, Failure> {
        let dict = PyDict::new(self.py);
        dict.set_item(self.name(variant), value)?;
        Ok(dict.into_any())
    }
}

impl<'a, 'py> Serializer for Values<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Failure;
    type SerializeSeq = List<'a, 'py>;
    type SerializeTuple = List<'a, 'py>;
    type SerializeTupleStruct = List<'a, 'py>;
    type SerializeTupleVariant = List<'a, 'py>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = Map<'a, 'py>;

    fn serialize_bool(self, value: bool) -> Result<Self::Ok, Failure> {
        Ok(PyBool::new(self.py, value).to_owned().into_any())
    }

    fn serialize_i8(self, value: i8) -> Result<Self::Ok, Failure> {
        self.serialize_i64(i64::from(value))
    }

    fn serialize_i16(self, value: i16) -> Result<Self::Ok, Failure> {
        self.serialize_i64(i64::from(value))
    }

    fn serialize_i32(self, value: i32) -> Result<Self::Ok, Failure> {
        self.serialize_i64(i64::from(value))
    }

    fn serialize_i64(self, value: i64) -> Result<Self::Ok, Failure> {
        Ok(PyInt::new(self.py, value).into_any())
    }

    fn serialize_i128(self, value: i128) -> Result<Self::Ok, Failure> {
        let Ok(number) = value.into_pyobject(self.py);
        Ok(number.into_any())
    }

    fn serialize_u8(self, value: u8) -> Result<Self::Ok, Failure> {
        self.serialize_u64(u64::from(value))
    }

    fn serialize_u16(self, value: u16) -> Result<Self::Ok, Failure> {
        self.serialize_u64(u64::from(value))
    }

    fn serialize_u32(self, value: u32) -> Result<Self::Ok, Failure> {
        self.serialize_u64(u64::from(value))
    }

    fn serialize_u64(self, value: u64) -> Result<Self::Ok, Failure> {
        Ok(PyInt::new(self.py, value).into_any())
    }

    fn serialize_u128(self, value: u128) -> Result<Self::Ok, Failure> {
        let Ok(number) = value.into_pyobject(self.py);
        Ok(number.into_any())
    }

    fn serialize_f32(self, value: f32) -> Result<Self::Ok, Failure> {
        // As JSON text would carry it: its shortest decimal text, read as a Python float.
        match value.to_string().parse::<f64>() {
            Ok(number) if value.is_finite() => self.serialize_f64(number),
            _ => self.serialize_unit(),
        }
    }

    fn serialize_f64(self, value: f64) -> Result<Self::Ok, Failure> {
        if value.is_finite() {
            Ok(PyFloat::new(self.py, value).into_any())
        } else {
            self.serialize_unit()
        }
    }

    fn serialize_char(self, value: char) -> Result<Self::Ok, Failure> {
        Ok(self.text(value.encode_utf8(&mut [0; 4])))
    }

    fn serialize_str(self, value: &str) -> Result<Self::Ok, Failure> {
        Ok(self.text(value))
    }

    fn serialize_bytes(self, value: &[u8]) -> Result<Self::Ok, Failure> {
        let items: Vec<Bound<'py, PyAny>> =
            value.iter().map(|byte| PyInt::new(self.py, *byte).into_any()).collect();
        Ok(PyList::new(self.py, items)?.into_any())
    }

    fn serialize_none(self) -> Result<Self::Ok, Failure> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok, Failure> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<Self::Ok, Failure> {
        Ok(self.py.None().into_bound(self.py))
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, Failure> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Failure> {
        Ok(self.name(variant).into_any())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Failure> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Failure> {
        let inner = value.serialize(self)?;
        self.variant(variant, inner)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<List<'a, 'py>, Failure> {
        Ok(List { to: self, items: Vec::with_capacity(len.unwrap_or(0)), variant: None })
    }

    fn serialize_tuple(self, len: usize) -> Result<List<'a, 'py>, Failure> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<List<'a, 'py>, Failure> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<List<'a, 'py>, Failure> {
        Ok(List { to: self, items: Vec::with_capacity(len), variant: Some(variant) })
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'a, 'py>, Failure> {
        Ok(Map { to: self, dict: PyDict::new(self.py), key: None, variant: None })
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Map<'a, 'py>, Failure> {
        self.serialize_map(None)
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Map<'a, 'py>, Failure> {
        Ok(Map { to: self, dict: PyDict::new(self.py), key: None, variant: Some(variant) })
    }
}

/// A `list` being made (a sequence, a tuple, or a tuple variant's items).
struct List<'a, 'py> {
    to: Values<'a, 'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> List<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failure> {
        self.items.push(value.serialize(self.to)?);
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>, Failure> {
        let list = PyList::new(self.to.py, self.items)?.into_any();
        match self.variant {
            Some(variant) => self.to.variant(variant, list),
            None => Ok(list),
        }
    }
}

impl<'py> ser::SerializeSeq for List<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Failure;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failure> {
        self.push(value)
    }

    fn end(self) -> Result<Self::Ok, Failure> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for List<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Failure;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failure> {
        self.push(value)
    }

    fn end(self) -> Result<Self::Ok, Failure> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for List<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Failure;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failure> {
        self.push(value)
    }

    fn end(self) -> Result<Self::Ok, Failure> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleVariant for List<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Failure;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failure> {
        self.push(value)
    }

    fn end(self) -> Result<Self::Ok, Failure> {
        self.finish()
    }
}

/// A `dict` being made (a map, a struct, or a struct variant's fields).
struct Map<'a, 'py> {
    to: Values<'a, 'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Map<'_, 'py> {
    fn finish(self) -> Result<Bound<'py, PyAny>, Failure> {
        let dict = self.dict.into_any();
        match self.variant {
            Some(variant) => self.to.variant(variant, dict),
            None => Ok(dict),
        }
    }

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Failure> {
        let value = value.serialize(self.to)?;
        self.dict.set_item(self.to.name(key), value)?;
        Ok(())
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Failure;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Failure> {
        self.key = Some(key.serialize(Key(self.to))?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Failure> {
        let Some(key) = self.key.take() else {
            return Err(ser::Error::custom("a map's value came before its key"));
        };
        let value = value.serialize(self.to)?;
        self.dict.set_item(key, value)?;
        Ok(())
    }

    fn end(self) -> Result<Self::Ok, Failure> {
        self.finish()
    }
}

impl<'py> ser::SerializeStruct for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Failure;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Failure> {
        self.field(key, value)
    }

    fn end(self) -> Result<Self::Ok, Failure> {
        self.finish()
    }
}

impl<'py> ser::SerializeStructVariant for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Failure;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Failure> {
        self.field(key, value)
    }

    fn end(self) -> Result<Self::Ok, Failure> {
        self.finish()
    }
}

/// A map's key, as `serde_json` writes it: a string, a character, a unit variant's name, a
/// number or a truth value as its text (`"12"`, `"true"`); anything else is refused.
struct Key<'a, 'py>(Values<'a, 'py>);

impl Key<'_, '_> {
    fn refused<T>() -> Result<T, Failure> {
        Err(ser::Error::custom("a map's key must be a string, a number or a truth value"))
    }
}

impl<'py> Serializer for Key<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Failure;
    type SerializeSeq = ser::Impossible<Bound<'py, PyAny>, Failure>;
    type SerializeTuple = ser::Impossible<Bound<'py, PyAny>, Failure>;
    type SerializeTupleStruct = ser::Impossible<Bound<'py, PyAny>, Failure>;
    type SerializeTupleVariant = ser::Impossible<Bound<'py, PyAny>, Failure>;
    type SerializeMap = ser::Impossible<Bound<'py, PyAny>, Failure>;
    type SerializeStruct = ser::Impossible<Bound<'py, PyAny>, Failure>;
    type SerializeStructVariant = ser::Impossible<Bound<'py, PyAny>, Failure>;

    fn serialize_bool(self, value: bool) -> Result<Self::Ok, Failure> {
        Ok(self.0.text(if value { "true" } else { "false" }))
    }

    fn serialize_i8(self, value: i8) -> Result<Self::Ok, Failure> {
        Ok(self.0.text(&value.to_string()))
    }

    fn serialize_i16(self, value: i16) -> Result<Self::Ok, Failure> {
        Ok(self.0.text(&value.to_string()))
    }

    fn serialize_i32(self, value: i32) -> Result<Self::Ok, Failure> {
        Ok(self.0.text(&value.to_string()))
    }

    fn serialize_i64(self, value: i64) -> Result<Self::Ok, Failure> {
        Ok(self.0.text(&value.to_string()))
    }

    fn serialize_i128(self, value: i128) -> Result<Self::Ok, Failure> {
        Ok(self.0.text(&value.to_string()))
    }

    fn serialize_u8(self, value: u8) -> Result<Self::Ok, Failure> {
        Ok(self.0.text(&value.to_string()))
    }

    fn serialize_u16(self, value: u16) -> Result<Self::Ok, Failure> {
        Ok(self.0.text(&value.to_string()))
    }

    fn serialize_u32(self, value: u32) -> Result<Self::Ok, Failure> {
        Ok(self.0.text(&value.to_string()))
    }

    fn serialize_u64(self, value: u64) -> Result<Self::Ok, Failure> {
        Ok(self.0.text(&value.to_string()))
    }

    fn serialize_u128(self, value: u128) -> Result<Self::Ok, Failure> {
        Ok(self.0.text(&value.to_string()))
    }

    fn serialize_f32(self, _value: f32) -> Result<Self::Ok, Failure> {
        Self::refused()
    }

    fn serialize_f64(self, _value: f64) -> Result<Self::Ok, Failure> {
        Self::refused()
    }

    fn serialize_char(self, value: char) -> Result<Self::Ok, Failure> {
        Ok(self.0.text(value.encode_utf8(&mut [0; 4])))
    }

    fn serialize_str(self, value: &str) -> Result<Self::Ok, Failure> {
        Ok(self.0.text(value))
    }

    fn serialize_bytes(self, _value: &[u8]) -> Result<Self::Ok, Failure> {
        Self::refused()
    }

    fn serialize_none(self) -> Result<Self::Ok, Failure> {
        Self::refused()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<Self::Ok, Failure> {
        Self::refused()
    }

    fn serialize_unit(self) -> Result<Self::Ok, Failure> {
        Self::refused()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, Failure> {
        Self::refused()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Failure> {
        Ok(self.0.name(variant).into_any())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Failure> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<Self::Ok, Failure> {
        Self::refused()
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Failure> {
        Self::refused()
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Failure> {
        Self::refused()
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Failure> {
        Self::refused()
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Failure> {
        Self::refused()
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Failure> {
        Self::refused()
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Failure> {
        Self::refused()
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Failure> {
        Self::refused()
    }
}
