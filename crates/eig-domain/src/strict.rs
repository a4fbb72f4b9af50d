//! A deserializer that reads a JSON object only from an object.
//!
//! serde's derived `Deserialize` of a struct also accepts a sequence of its fields in
//! declaration order: `["EIG3", []]` is read as `{"promotion": "EIG3", "defis": []}`, and so is
//! an array anywhere an object is expected. For a document a person writes, that is a silent
//! reading of something they did not mean: [`Strict`] refuses it, at every depth, with serde's
//! usual "invalid type: sequence, expected …" error (put into French by
//! [`french_serde_message`](crate::french_serde_message)).
//!
//! serde's error carries only its message, so [`Strict::noting`] also notes in [`Notes`], as
//! types, what a caller needs to say what to do: the field whose absence stopped the reading.

use std::{
    fmt,
    sync::{Arc, Mutex, PoisonError},
};

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// A deserializer that refuses a sequence wherever a struct is expected, at every depth; it
/// reads everything else as the deserializer it wraps.
///
/// # Example
/// ```
/// use eig_domain::Strict;
/// use serde::Deserialize;
///
/// #[derive(Debug, Deserialize)]
/// struct Point { x: u8, y: u8 }
/// #[derive(Debug, Deserialize)]
/// struct Shape { points: Vec<Point> }
///
/// let read = |text: &str| -> Result<Shape, serde_json::Error> {
///     Shape::deserialize(Strict::new(&mut serde_json::Deserializer::from_str(text)))
/// };
/// assert!(read(r#"{"points": [{"x": 1, "y": 2}]}"#).is_ok());
/// // serde alone would read the point [1, 2] as {"x": 1, "y": 2}:
/// let err = read(r#"{"points": [[1, 2]]}"#).unwrap_err();
/// assert!(err.to_string().starts_with("invalid type: sequence, expected struct Point"));
/// ```
#[derive(Debug)]
pub struct Strict<D> {
    inner: D,
    notes: Option<Notes>,
}

impl<D> Strict<D> {
    /// Wraps `deserializer`.
    pub fn new(deserializer: D) -> Strict<D> {
        Strict { inner: deserializer, notes: None }
    }

    /// Wraps `deserializer`, noting in `notes` what serde's error says only in words.
    ///
    /// # Example
    /// ```
    /// use eig_domain::{Notes, Strict};
    /// use serde::Deserialize;
    ///
    /// #[derive(Debug, Deserialize)]
    /// struct Point { x: u8, y: u8 }
    ///
    /// let notes = Notes::default();
    /// let mut json = serde_json::Deserializer::from_str(r#"{"x": 1}"#);
    /// assert!(Point::deserialize(Strict::noting(&mut json, &notes)).is_err());
    /// assert_eq!(notes.missing_field(), Some("y"));
    /// ```
    pub fn noting(deserializer: D, notes: &Notes) -> Strict<D> {
        Strict { inner: deserializer, notes: Some(notes.clone()) }
    }
}

/// What a [`Strict`] reading made with [`Strict::noting`] noted, as types: serde's error
/// (`serde_json::Error`, or any `serde::de::Error`) keeps only its message, and a program that
/// says what to do about a mistake should not read it from English words.
///
/// Clones share their notes.
///
/// # Example
/// ```
/// assert_eq!(eig_domain::Notes::default().missing_field(), None);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Notes(Arc<Mutex<Noted>>);

#[derive(Debug, Default)]
struct Noted {
    missing_field: Option<&'static str>,
    refused_text: Option<String>,
}

impl Notes {
    /// The field the reading found missing, the last one when several were (the one its
    /// error is about, unless a deserializer read another way after it).
    pub fn missing_field(&self) -> Option<&'static str> {
        self.noted().missing_field
    }

    /// The last text the reading refused as it read it: a time chrono could not read, an
    /// enumeration's unknown value… (not a text a type reads whole and checks after, as
    /// [`Euros`](crate::Euros) does). With [`time_error`](crate::time_error), whether the
    /// error is chrono's, and of which kind.
    ///
    /// # Example
    /// ```
    /// use chrono::{DateTime, FixedOffset, format::ParseErrorKind};
    /// use eig_domain::{Notes, Strict};
    /// use serde::Deserialize;
    ///
    /// let notes = Notes::default();
    /// let json = serde_json::json!("2018-06-15");
    /// let err = DateTime::<FixedOffset>::deserialize(Strict::noting(json, &notes)).unwrap_err();
    /// assert_eq!(notes.refused_text().as_deref(), Some("2018-06-15"));
    /// let time = eig_domain::time_error("2018-06-15", &err.to_string()).unwrap();
    /// assert_eq!(time.kind(), ParseErrorKind::TooShort);
    /// ```
    pub fn refused_text(&self) -> Option<String> {
        self.noted().refused_text.clone()
    }

    fn noted(&self) -> std::sync::MutexGuard<'_, Noted> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn note_missing_field(&self, field: &'static str) {
        self.noted().missing_field = Some(field);
    }

    fn note_refused_text(notes: Option<&Notes>, text: &str) {
        if let Some(notes) = notes {
            notes.noted().refused_text = Some(text.to_owned());
        }
    }
}

/// The error of a map read through [`StrictMap`]: the wrapped reader's own, or a missing
/// field, kept as such until it leaves the map (then noted, and made the reader's error).
#[derive(Debug)]
enum MapError<E> {
    Inner(E),
    MissingField(&'static str),
}

impl<E: de::Error> MapError<E> {
    fn into_error(self, notes: Option<&Notes>) -> E {
        match self {
            MapError::Inner(err) => err,
            MapError::MissingField(field) => {
                if let Some(notes) = notes {
                    notes.note_missing_field(field);
                }
                E::missing_field(field)
            }
        }
    }
}

impl<E: fmt::Display> fmt::Display for MapError<E> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MapError::Inner(err) => err.fmt(formatter),
            MapError::MissingField(field) => write!(formatter, "missing field `{field}`"),
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for MapError<E> {}

/// Every hook but `missing_field` makes the wrapped reader's error at once, with its own words.
impl<E: de::Error> de::Error for MapError<E> {
    fn custom<T: fmt::Display>(message: T) -> Self {
        MapError::Inner(E::custom(message))
    }

    fn invalid_type(unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        MapError::Inner(E::invalid_type(unexpected, expected))
    }

    fn invalid_value(unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        MapError::Inner(E::invalid_value(unexpected, expected))
    }

    fn invalid_length(length: usize, expected: &dyn de::Expected) -> Self {
        MapError::Inner(E::invalid_length(length, expected))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        MapError::Inner(E::unknown_variant(variant, expected))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        MapError::Inner(E::unknown_field(field, expected))
    }

    fn missing_field(field: &'static str) -> Self {
        MapError::MissingField(field)
    }

    fn duplicate_field(field: &'static str) -> Self {
        MapError::Inner(E::duplicate_field(field))
    }
}

/// A visitor that passes everything to the one it wraps, wrapping in turn what it is given
/// to read further; when it reads a struct, it refuses a sequence.
struct StrictVisitor<V> {
    inner: V,
    refuse_sequence: bool,
    notes: Option<Notes>,
}

impl<'de, V: Visitor<'de>> StrictVisitor<V> {
    /// Whether the visitor reads an object whatever the method that called it: an internally
    /// tagged enum is read through `deserialize_any`, and serde's visitor of its tag would
    /// take the first element of a sequence as the tag.
    ///
    /// serde's visitors are private types: what they expect, in serde's words, is all there is
    /// to tell them by (`tests/it/serde_words.rs` fails if the words change).
    fn expects_object(&self) -> bool {
        struct Expecting<'a, V>(&'a V);
        impl<'de, V: Visitor<'de>> fmt::Display for Expecting<'_, V> {
            fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.expecting(formatter)
            }
        }
        let expecting = Expecting(&self.inner).to_string();
        expecting.starts_with("internally tagged enum ") || expecting.starts_with("struct ")
    }
}

impl<V> StrictVisitor<V> {
    fn new(inner: V, notes: Option<&Notes>) -> StrictVisitor<V> {
        StrictVisitor { inner, refuse_sequence: false, notes: notes.cloned() }
    }

    fn for_struct(inner: V, notes: Option<&Notes>) -> StrictVisitor<V> {
        StrictVisitor { inner, refuse_sequence: true, notes: notes.cloned() }
    }
}

/// A seed whose deserializer is wrapped.
struct StrictSeed<'n, S>(S, Option<&'n Notes>);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for StrictSeed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict { inner: deserializer, notes: self.1.cloned() })
    }
}

macro_rules! forward {
    ($($method:ident),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
                self.inner.$method(StrictVisitor::new(visitor, self.notes.as_ref()))
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_unit_struct(name, StrictVisitor::new(visitor, self.notes.as_ref()))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner
            .deserialize_newtype_struct(name, StrictVisitor::new(visitor, self.notes.as_ref()))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_tuple(len, StrictVisitor::new(visitor, self.notes.as_ref()))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_tuple_struct(
            name,
            len,
            StrictVisitor::new(visitor, self.notes.as_ref()),
        )
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_struct(
            name,
            fields,
            StrictVisitor::for_struct(visitor, self.notes.as_ref()),
        )
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_enum(
            name,
            variants,
            StrictVisitor::new(visitor, self.notes.as_ref()),
        )
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

macro_rules! visit {
    ($($method:ident: $ty:ty),* $(,)?) => {
        $(
            fn $method<E: de::Error>(self, value: $ty) -> Result<V::Value, E> {
                self.inner.$method(value)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for StrictVisitor<V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(formatter)
    }

    visit!(
        visit_bool: bool,
        visit_i8: i8,
        visit_i16: i16,
        visit_i32: i32,
        visit_i64: i64,
        visit_i128: i128,
        visit_u8: u8,
        visit_u16: u16,
        visit_u32: u32,
        visit_u64: u64,
        visit_u128: u128,
        visit_f32: f32,
        visit_f64: f64,
        visit_char: char,
        visit_bytes: &[u8],
        visit_borrowed_bytes: &'de [u8],
        visit_byte_buf: Vec<u8>,
    );

    fn visit_str<E: de::Error>(self, value: &str) -> Result<V::Value, E> {
        let notes = self.notes;
        self.inner.visit_str(value).inspect_err(|_| Notes::note_refused_text(notes.as_ref(), value))
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<V::Value, E> {
        let notes = self.notes;
        self.inner
            .visit_borrowed_str(value)
            .inspect_err(|_| Notes::note_refused_text(notes.as_ref(), value))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<V::Value, E> {
        let Some(notes) = self.notes else { return self.inner.visit_string(value) };
        let copy = value.clone();
        self.inner
            .visit_string(value)
            .inspect_err(|_| Notes::note_refused_text(Some(&notes), &copy))
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(Strict { inner: deserializer, notes: self.notes })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(Strict { inner: deserializer, notes: self.notes })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        if self.refuse_sequence || self.expects_object() {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        self.inner.visit_seq(StrictSeq(seq, self.notes))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let notes = self.notes;
        self.inner
            .visit_map(StrictMap(map, notes.clone()))
            .map_err(|err| err.into_error(notes.as_ref()))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.inner.visit_enum(StrictEnum(data, self.notes))
    }
}

struct StrictSeq<A>(A, Option<Notes>);

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for StrictSeq<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(StrictSeed(seed, self.1.as_ref()))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// A map whose errors are [`MapError`]s, so that a missing field is noted as such.
struct StrictMap<A>(A, Option<Notes>);

impl<'de, A: MapAccess<'de>> MapAccess<'de> for StrictMap<A> {
    type Error = MapError<A::Error>;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        self.0.next_key_seed(StrictSeed(seed, self.1.as_ref())).map_err(MapError::Inner)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<T::Value, Self::Error> {
        self.0.next_value_seed(StrictSeed(seed, self.1.as_ref())).map_err(MapError::Inner)
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

struct StrictEnum<A>(A, Option<Notes>);

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for StrictEnum<A> {
    type Error = A::Error;
    type Variant = StrictVariant<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(StrictSeed(seed, self.1.as_ref()))?;
        Ok((value, StrictVariant(variant, self.1)))
    }
}

struct StrictVariant<A>(A, Option<Notes>);

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for StrictVariant<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(StrictSeed(seed, self.1.as_ref()))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, StrictVisitor::new(visitor, self.1.as_ref()))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, StrictVisitor::for_struct(visitor, self.1.as_ref()))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::Strict;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Point {
        x: u8,
        y: u8,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Shape {
        Dot(Point),
        Segment { from: Point, to: Point },
        Path(Vec<Point>),
        Empty,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Colour {
        Plain,
        Mixed { share: u8 },
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Drawing {
        colours: Vec<Colour>,
        shapes: Vec<Shape>,
        named: BTreeMap<String, Option<Point>>,
        pair: (u8, Point),
    }

    fn read(text: &str) -> Result<Drawing, String> {
        let mut json = serde_json::Deserializer::from_str(text);
        Drawing::deserialize(Strict::new(&mut json)).map_err(|err| err.to_string())
    }

    const OBJECTS: &str = r#"{
        "colours": [{"kind": "plain"}, {"kind": "mixed", "share": 3}],
        "shapes": [{"dot": {"x": 1, "y": 2}}, {"segment": {"from": {"x": 0, "y": 0}, "to": {"x": 3, "y": 4}}},
                   {"path": [{"x": 5, "y": 6}]}, "empty"],
        "named": {"a": {"x": 7, "y": 8}, "b": null},
        "pair": [9, {"x": 10, "y": 11}]
    }"#;

    /// What a type's deserialization asks of the deserializer, through the strict one: its
    /// human readability, the size hints of sequences and maps.
    #[derive(Debug, PartialEq)]
    struct Probe {
        human_readable: bool,
        size_hint: Option<usize>,
    }

    impl<'de> Deserialize<'de> for Probe {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Probe, D::Error> {
            struct Hint;
            impl<'de> serde::de::Visitor<'de> for Hint {
                type Value = Option<usize>;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a sequence or a map")
                }
                fn visit_seq<A: serde::de::SeqAccess<'de>>(
                    self,
                    mut seq: A,
                ) -> Result<Option<usize>, A::Error> {
                    let hint = seq.size_hint();
                    while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                    Ok(hint)
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Option<usize>, A::Error> {
                    let hint = map.size_hint();
                    while map
                        .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                        .is_some()
                    {}
                    Ok(hint)
                }
            }
            let human_readable = deserializer.is_human_readable();
            let size_hint = deserializer.deserialize_any(Hint)?;
            Ok(Probe { human_readable, size_hint })
        }
    }

    /// A deserializer that says it is not human-readable, around another.
    struct Binary<D>(D);

    impl<'de, D: serde::Deserializer<'de>> serde::Deserializer<'de> for Binary<D> {
        type Error = D::Error;
        fn deserialize_any<V: serde::de::Visitor<'de>>(
            self,
            visitor: V,
        ) -> Result<V::Value, D::Error> {
            self.0.deserialize_any(visitor)
        }
        fn is_human_readable(&self) -> bool {
            false
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
            identifier ignored_any
        }
    }

    #[test]
    fn what_the_inner_deserializer_says_is_passed_on() {
        use serde::de::value::{Error, MapDeserializer, SeqDeserializer};
        let seq = || SeqDeserializer::<_, Error>::new([1u8, 2, 3].into_iter());
        let probe = Probe::deserialize(Strict::new(seq())).unwrap();
        assert_eq!(probe, Probe { human_readable: true, size_hint: Some(3) });
        let probe = Probe::deserialize(Strict::new(Binary(seq()))).unwrap();
        assert_eq!(probe, Probe { human_readable: false, size_hint: Some(3) });
        let map = MapDeserializer::<_, Error>::new([("a", 1u8), ("b", 2)].into_iter());
        let probe = Probe::deserialize(Strict::new(map)).unwrap();
        assert_eq!(probe.size_hint, Some(2));
    }

    /// serde's messages keep what the type expected, and a unit variant given a value is
    /// refused as serde refuses it.
    #[test]
    fn messages_and_unit_variants_as_serde_gives_them() {
        let mut json = serde_json::Deserializer::from_str("\"x\"");
        let err = u8::deserialize(Strict::new(&mut json)).unwrap_err().to_string();
        assert!(err.contains("expected u8"), "{err}");
        let strict = |text: &str| {
            let mut json = serde_json::Deserializer::from_str(text);
            Shape::deserialize(Strict::new(&mut json)).map_err(|err| err.to_string())
        };
        assert_eq!(strict("\"empty\""), Ok(Shape::Empty));
        let plain = serde_json::from_str::<Shape>(r#"{"empty": 5}"#).unwrap_err().to_string();
        assert_eq!(strict(r#"{"empty": 5}"#), Err(plain));
    }

    #[test]
    fn objects_read_as_serde_reads_them() {
        let strict = read(OBJECTS).unwrap();
        let plain: Drawing = serde_json::from_str(OBJECTS).unwrap();
        assert_eq!(strict, plain);
    }

    #[test]
    fn an_array_for_a_struct_is_refused_at_every_depth() {
        for (place, text) in [
            ("the whole", "[[], [], {}, [0, [0, 0]]]"),
            (
                "an internally tagged enum",
                r#"{"colours": [["plain"]], "shapes": [], "named": {}, "pair": [0, {"x": 0, "y": 0}]}"#,
            ),
            (
                "a newtype variant",
                r#"{"colours": [], "shapes": [{"dot": [1, 2]}], "named": {}, "pair": [0, {"x": 0, "y": 0}]}"#,
            ),
            (
                "a struct variant",
                r#"{"colours": [], "shapes": [{"segment": [[0, 0], [1, 1]]}], "named": {}, "pair": [0, {"x": 0, "y": 0}]}"#,
            ),
            (
                "a struct variant's field",
                r#"{"colours": [], "shapes": [{"segment": {"from": [0, 0], "to": {"x": 1, "y": 1}}}], "named": {}, "pair": [0, {"x": 0, "y": 0}]}"#,
            ),
            (
                "a list inside a variant",
                r#"{"colours": [], "shapes": [{"path": [[5, 6]]}], "named": {}, "pair": [0, {"x": 0, "y": 0}]}"#,
            ),
            (
                "a map value under an option",
                r#"{"colours": [], "shapes": [], "named": {"a": [7, 8]}, "pair": [0, {"x": 0, "y": 0}]}"#,
            ),
            (
                "a tuple element",
                r#"{"colours": [], "shapes": [], "named": {}, "pair": [0, [0, 0]]}"#,
            ),
        ] {
            let plain: Result<Drawing, _> = serde_json::from_str(text);
            assert!(plain.is_ok() || place == "the whole", "{place}: serde alone reads it");
            let err = read(text).unwrap_err();
            assert!(err.starts_with("invalid type: sequence, expected "), "{place}: {err}");
        }
    }
}
