//! Reading a [`CompactInput`] from any serde format, with the fields and checks of a
//! [`MatchingInput`](crate::MatchingInput): ids kept as keys while reading, interned once the
//! whole input is read.

use std::{collections::BTreeMap, fmt};

use eig_domain::{CandidateId, DefiId, TalentProfile, TextError};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::{
    compact::{
        Builder, CompactInput, Makers,
        keys::{Id, LongIds, inline_text, key_of, to_u32},
    },
    input::MatchingLimits,
};

/// Makes ids from their keys' text (read from JSON: checked once per distinct id).
struct FromKeys;

impl Makers<TextError> for FromKeys {
    fn defi(&mut self, key: u128, _: usize, _: usize) -> Result<DefiId, TextError> {
        DefiId::make(&inline_text(key)?)
    }
    fn candidate(&mut self, key: u128, _: usize, _: usize) -> Result<CandidateId, TextError> {
        CandidateId::make(&inline_text(key)?)
    }
}

// The fields of each object, as in `MatchingInput`.

#[derive(serde::Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum TopField {
    Limits,
    Defis,
    Candidates,
    Rankings,
}

#[derive(serde::Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum DefiField {
    Id,
    Seats,
}

#[derive(serde::Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum CandidateField {
    Id,
    Profile,
    Choices,
}

#[derive(serde::Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum RankingField {
    Defi,
    Profile,
    Ranks,
    Offers,
}

impl<'de> serde::Deserialize<'de> for CompactInput {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<CompactInput, D::Error> {
        deserializer.deserialize_struct(
            "MatchingInput",
            &["limits", "defis", "candidates", "rankings"],
            TopVisitor,
        )
    }
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = CompactInput;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct MatchingInput")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CompactInput, A::Error> {
        let mut b = Builder::new();
        let (mut defis, mut candidates, mut rankings) = (false, false, false);
        while let Some(field) = map.next_key::<TopField>()? {
            match field {
                TopField::Limits => {
                    if b.limits.is_some() {
                        return Err(de::Error::duplicate_field("limits"));
                    }
                    b.limits = Some(map.next_value_seed(StrictLimits)?);
                }
                TopField::Defis => {
                    once(&mut defis, "defis")?;
                    map.next_value_seed(List(Defis(&mut b)))?;
                }
                TopField::Candidates => {
                    once(&mut candidates, "candidates")?;
                    map.next_value_seed(List(Candidates(&mut b)))?;
                }
                TopField::Rankings => {
                    once(&mut rankings, "rankings")?;
                    map.next_value_seed(List(Rankings(&mut b)))?;
                }
            }
        }
        let limits = b.limits.ok_or_else(|| de::Error::missing_field("limits"))?;
        for (seen, name) in [(defis, "defis"), (candidates, "candidates"), (rankings, "rankings")] {
            if !seen {
                return Err(de::Error::missing_field(name));
            }
        }
        b.finish(limits, &mut FromKeys).map_err(de::Error::custom)
    }
}

/// Reads the limits as an object only (serde alone would read a struct from an array too): the
/// rest of the compact reading accepts objects only, so the whole of it needs no strict
/// wrapper.
struct StrictLimits;

impl<'de> DeserializeSeed<'de> for StrictLimits {
    type Value = MatchingLimits;
    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<MatchingLimits, D::Error> {
        serde::Deserialize::deserialize(eig_domain::Strict::new(deserializer))
    }
}

/// Marks a field seen; a second time is an error.
fn once<E: de::Error>(seen: &mut bool, name: &'static str) -> Result<(), E> {
    if std::mem::replace(seen, true) { Err(de::Error::duplicate_field(name)) } else { Ok(()) }
}

/// Reads one element of a list into the builder.
trait Element {
    fn read<'de, D: Deserializer<'de>>(&mut self, deserializer: D) -> Result<(), D::Error>;
}

/// A seed reading one element with `E`.
struct One<'a, E>(&'a mut E);

impl<'de, E: Element> DeserializeSeed<'de> for One<'_, E> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.0.read(deserializer)
    }
}

/// A seed reading a JSON array, each element with `E`.
struct List<E>(E);

impl<'de, E: Element> DeserializeSeed<'de> for List<E> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, E: Element> Visitor<'de> for List<E> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(One(&mut self.0))?.is_some() {}
        Ok(())
    }
}

/// A seed reading an id: its key (a long id checked when first met, an inline one when
/// interned).
struct IdSeed<'a, T>(&'a mut LongIds<T>);

impl<'de, T: Id> DeserializeSeed<'de> for IdSeed<'_, T> {
    type Value = u128;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<u128, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<T: Id> Visitor<'_> for IdSeed<'_, T> {
    type Value = u128;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<u128, E> {
        key_of(self.0, text, || T::make(text)).map_err(E::custom)
    }
}

/// Ids pushed as keys onto a list (a candidate's choices, a tie group, offers).
struct IdsInto<'a, T> {
    ids: &'a mut LongIds<T>,
    into: &'a mut Vec<u128>,
}

impl<T: Id> Element for IdsInto<'_, T> {
    fn read<'de, D: Deserializer<'de>>(&mut self, deserializer: D) -> Result<(), D::Error> {
        let key = IdSeed(&mut *self.ids).deserialize(deserializer)?;
        self.into.push(key);
        Ok(())
    }
}

/// The tie groups of a ranking: each a list of candidate ids.
struct Groups<'a>(&'a mut Builder);

impl Element for Groups<'_> {
    fn read<'de, D: Deserializer<'de>>(&mut self, deserializer: D) -> Result<(), D::Error> {
        let b = &mut *self.0;
        List(IdsInto { ids: &mut b.long_candidates, into: &mut b.ranked })
            .deserialize(deserializer)?;
        b.group_end.push(to_u32(b.ranked.len()));
        Ok(())
    }
}

macro_rules! object_visitor {
    ($element:ident, $name:literal, $fields:expr, |$self:ident, $map:ident| $body:block) => {
        impl<'de> Visitor<'de> for $element<'_> {
            type Value = ();

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!("struct ", $name))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut $map: A) -> Result<(), A::Error> {
                let $self = self;
                $body
            }
        }

        impl Element for $element<'_> {
            fn read<'de, D: Deserializer<'de>>(&mut self, deserializer: D) -> Result<(), D::Error> {
                deserializer.deserialize_struct($name, $fields, $element(&mut *self.0))
            }
        }
    };
}

struct Defis<'a>(&'a mut Builder);

object_visitor!(Defis, "DefiSeats", &["id", "seats"], |this, map| {
    let b = this.0;
    let (mut id, mut seats) = (None, None);
    while let Some(field) = map.next_key::<DefiField>()? {
        match field {
            DefiField::Id => {
                if id.is_some() {
                    return Err(de::Error::duplicate_field("id"));
                }
                id = Some(map.next_value_seed(IdSeed(&mut b.long_defis))?);
            }
            DefiField::Seats => {
                if seats.is_some() {
                    return Err(de::Error::duplicate_field("seats"));
                }
                seats = Some(map.next_value::<BTreeMap<TalentProfile, u32>>()?);
            }
        }
    }
    let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
    let seats = seats.ok_or_else(|| de::Error::missing_field("seats"))?;
    b.add_defi(id, &seats);
    Ok(())
});

struct Candidates<'a>(&'a mut Builder);

object_visitor!(Candidates, "CandidateInput", &["id", "profile", "choices"], |this, map| {
    let b = this.0;
    let (mut id, mut profile, mut choices) = (None, None, false);
    while let Some(field) = map.next_key::<CandidateField>()? {
        match field {
            CandidateField::Id => {
                if id.is_some() {
                    return Err(de::Error::duplicate_field("id"));
                }
                id = Some(map.next_value_seed(IdSeed(&mut b.long_candidates))?);
            }
            CandidateField::Profile => {
                if profile.is_some() {
                    return Err(de::Error::duplicate_field("profile"));
                }
                profile = Some(map.next_value::<TalentProfile>()?);
            }
            CandidateField::Choices => {
                once(&mut choices, "choices")?;
                map.next_value_seed(List(IdsInto {
                    ids: &mut b.long_defis,
                    into: &mut b.choice_defi,
                }))?;
            }
        }
    }
    let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
    let profile = profile.ok_or_else(|| de::Error::missing_field("profile"))?;
    if !choices {
        return Err(de::Error::missing_field("choices"));
    }
    b.add_candidate(id, profile);
    Ok(())
});

struct Rankings<'a>(&'a mut Builder);

object_visitor!(Rankings, "RankingInput", &["defi", "profile", "ranks", "offers"], |this, map| {
    let b = this.0;
    let (mut defi, mut profile, mut ranks, mut offers) = (None, None, None, false);
    while let Some(field) = map.next_key::<RankingField>()? {
        match field {
            RankingField::Defi => {
                if defi.is_some() {
                    return Err(de::Error::duplicate_field("defi"));
                }
                defi = Some(map.next_value_seed(IdSeed(&mut b.long_defis))?);
            }
            RankingField::Profile => {
                if profile.is_some() {
                    return Err(de::Error::duplicate_field("profile"));
                }
                profile = Some(map.next_value::<TalentProfile>()?);
            }
            RankingField::Ranks => {
                if ranks.is_some() {
                    return Err(de::Error::duplicate_field("ranks"));
                }
                ranks = Some(to_u32(b.ranked.len()));
                map.next_value_seed(List(Groups(&mut *b)))?;
            }
            RankingField::Offers => {
                once(&mut offers, "offers")?;
                map.next_value_seed(List(IdsInto {
                    ids: &mut b.long_candidates,
                    into: &mut b.offered,
                }))?;
            }
        }
    }
    let defi = defi.ok_or_else(|| de::Error::missing_field("defi"))?;
    let profile = profile.ok_or_else(|| de::Error::missing_field("profile"))?;
    let start = ranks.ok_or_else(|| de::Error::missing_field("ranks"))?;
    b.add_ranking(defi, profile, start);
    Ok(())
});
