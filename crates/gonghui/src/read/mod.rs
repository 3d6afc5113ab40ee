//! Reading JSON into the vocabulary's types, field by field, and what is
//! wrong when it cannot be read: the contract's errors, with their stable
//! codes, field paths and messages in both languages.
//!
//! Requests, overrides and the policy file are all read here, with the same
//! readers, so a value means the same thing wherever it is written.
//!
//! * [`Fields`]: the fields of one object, with the path that names them;
//! * [`values`]: the readers of single values (money, areas, years, rates,
//!   codes);
//! * [`Error`], [`Problem`], [`Expected`] and [`Rejection`]: what was wrong,
//!   and where.

mod error;
pub(crate) mod values;

use std::borrow::Cow;

use crate::json::value::Value;
use crate::vocab::{Chain, Cluster, KeyIndustries};
pub use error::{Error, Expected, Problem, Rejection};
pub(crate) use error::{quote, shorten};

/// The fields of a JSON object, in the order written.
pub(crate) type Object<'a> = [(Cow<'a, str>, Value<'a>)];

/// The fields of one JSON object of a request, with the path that names them
/// in errors (`facts`, `facts.achieved`).
pub(crate) struct Fields<'a> {
    fields: &'a Object<'a>,
    path: Cow<'static, str>,
}

impl<'a> Fields<'a> {
    pub(crate) fn new(fields: &'a Object<'a>, path: impl Into<Cow<'static, str>>) -> Fields<'a> {
        Fields {
            fields,
            path: path.into(),
        }
    }

    /// The fields of `value`, found at `path`, or the error of a value that
    /// is not an object.
    pub(crate) fn of(
        value: &'a Value<'a>,
        path: impl Into<Cow<'static, str>>,
    ) -> Result<Fields<'a>, Error> {
        let path = path.into();
        match value {
            Value::Object(fields) => Ok(Fields::new(fields, path)),
            other => Err(Problem::Type {
                expected: Expected::Object,
                found: other.type_name(),
            }
            .at(path)),
        }
    }

    /// The path of field `name`: `facts.premium_fen`.
    pub(crate) fn path(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.path)
        }
    }

    /// Refuses a field not in `allowed`, so that a typo never passes
    /// silently, and a field given twice, which could mean either value.
    ///
    /// Of several unknown fields the first in alphabetical order is named,
    /// so that the answer does not depend on the order fields are written in.
    pub(crate) fn only(&self, allowed: &'static [&'static str]) -> Result<(), Error> {
        let unknown = self
            .fields
            .iter()
            .map(|(key, _)| key.as_ref())
            .filter(|key| !allowed.contains(key))
            .min();
        if let Some(unknown) = unknown {
            return Err(Error::UnknownField {
                field: self.path(&shorten(unknown)),
                allowed,
            });
        }
        self.unique()
    }

    /// Refuses a field given twice (the first in alphabetical order).
    ///
    /// Objects of the contract hold a handful of fields, so each key is
    /// compared with those after it, allocating nothing; a large object (a
    /// population's `achieved` map, an override of many years) is sorted.
    pub(crate) fn unique(&self) -> Result<(), Error> {
        const SMALL: usize = 16;
        let keys = self.fields.iter().map(|(key, _)| key.as_ref());
        let repeated = if self.fields.len() <= SMALL {
            let fields = self.fields;
            keys.enumerate()
                .filter(|(i, key)| fields[i + 1..].iter().any(|(other, _)| other == key))
                .map(|(_, key)| key)
                .min()
        } else {
            let mut keys: Vec<&str> = keys.collect();
            keys.sort_unstable();
            keys.windows(2)
                .find(|pair| pair[0] == pair[1])
                .map(|pair| pair[0])
        };
        match repeated {
            Some(key) => Err(Problem::Repeated.at(self.path(&shorten(key)))),
            None => Ok(()),
        }
    }

    /// Field `name`, if present and not `null` (`null` is the same as absent).
    pub(crate) fn optional(&self, name: &str) -> Option<&'a Value<'a>> {
        self.fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
            .filter(|v| !v.is_null())
    }

    /// Field `name`, which must be present and not `null`.
    pub(crate) fn required(&self, name: &str) -> Result<&'a Value<'a>, Error> {
        self.optional(name).ok_or_else(|| Error::MissingField {
            field: self.path(name),
        })
    }

    /// Reads required field `name` with `read`.
    pub(crate) fn read<T>(
        &self,
        name: &str,
        read: impl FnOnce(&'a Value<'a>) -> Result<T, Problem>,
    ) -> Result<T, Error> {
        read(self.required(name)?).map_err(|p| p.at(self.path(name)))
    }

    /// Reads optional field `name` with `read`.
    pub(crate) fn read_optional<T>(
        &self,
        name: &str,
        read: impl FnOnce(&'a Value<'a>) -> Result<T, Problem>,
    ) -> Result<Option<T>, Error> {
        self.optional(name)
            .map(|v| read(v).map_err(|p| p.at(self.path(name))))
            .transpose()
    }

    /// Reads optional array field `name`, each element with `read`, into
    /// any collection (a `Vec`, or a set that needs no heap); absent is
    /// empty. An element's error names it: `facts.chains[1]`.
    pub(crate) fn read_list<T, C: FromIterator<T>>(
        &self,
        name: &str,
        read: impl Fn(&'a Value<'a>) -> Result<T, Problem>,
    ) -> Result<C, Error> {
        let Some(value) = self.optional(name) else {
            return Ok(std::iter::empty().collect());
        };
        self.items(name, value)?
            .iter()
            .enumerate()
            .map(|(i, item)| read(item).map_err(|p| p.at(format!("{}[{i}]", self.path(name)))))
            .collect()
    }

    /// Reads the optional fields `chains` and `clusters`: an enterprise's
    /// memberships (I3), each code read against its own list.
    pub(crate) fn industries(&self) -> Result<KeyIndustries, Error> {
        let chains: KeyIndustries = self.read_list("chains", |v| {
            values::code(v, Expected::Chain, Chain::from_code)
        })?;
        let clusters: KeyIndustries = self.read_list("clusters", |v| {
            values::code(v, Expected::Cluster, Cluster::from_code)
        })?;
        Ok(chains.and(clusters))
    }

    /// Reads optional object field `name` as the fields of a nested object.
    pub(crate) fn object(&self, name: &'static str) -> Result<Option<Fields<'a>>, Error> {
        let Some(value) = self.optional(name) else {
            return Ok(None);
        };
        // A top-level object's path is its name: no need to build it.
        let path = if self.path.is_empty() {
            Cow::Borrowed(name)
        } else {
            Cow::Owned(self.path(name))
        };
        Fields::of(value, path).map(Some)
    }

    /// Every field present, in order, with its value (`null`s included).
    pub(crate) fn entries(&self) -> impl Iterator<Item = (&'a str, &'a Value<'a>)> {
        self.fields.iter().map(|(key, value)| (key.as_ref(), value))
    }

    /// Reads required array field `name`, each element with `read`, which
    /// gets the element and its path (`facts.applications[2]`).
    pub(crate) fn read_items<T>(
        &self,
        name: &str,
        mut read: impl FnMut(&'a Value<'a>, String) -> Result<T, Error>,
    ) -> Result<Vec<T>, Error> {
        let value = self.required(name)?;
        self.items(name, value)?
            .iter()
            .enumerate()
            .map(|(i, item)| read(item, format!("{}[{i}]", self.path(name))))
            .collect()
    }

    /// The elements of field `name`'s value, or the error of a value that is
    /// not an array.
    fn items(&self, name: &str, value: &'a Value<'a>) -> Result<&'a [Value<'a>], Error> {
        match value {
            Value::Array(items) => Ok(items),
            other => Err(Problem::Type {
                expected: Expected::Array,
                found: other.type_name(),
            }
            .at(self.path(name))),
        }
    }
}
