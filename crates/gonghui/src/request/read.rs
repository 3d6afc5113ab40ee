//! Reading the values of a request: each reader takes one JSON value and
//! gives a typed value or the [`Problem`] with it; the caller adds the field.
//!
//! The policy file is read with the same readers, so a value means the same
//! thing in the file, in an override and in the facts.

use std::borrow::Cow;

use super::value::{Number, Value};
use crate::calendar::Year;
use crate::error::{Error, Expected, Problem, json_type, show};
use crate::money::{Fen, Rate};
use crate::number::{self, MAX_SAFE_INTEGER, NumberProblem};
use crate::venue::Area;

/// The fields of a JSON object, in the order written.
pub(crate) type Object<'a> = [(Cow<'a, str>, Value<'a>)];

/// A whole number from 0 to 2^53 − 1, described as `expected`.
fn whole(json: &Value<'_>, expected: Expected) -> Result<u64, Problem> {
    exact(json, expected, number::whole, 0, MAX_SAFE_INTEGER, Some)
}

/// A count of things.
pub(crate) fn count(json: &Value<'_>) -> Result<u64, Problem> {
    whole(json, Expected::Count)
}

/// An amount of money in whole fen (I2): negative, fractional and larger
/// than 2^53 − 1 are all refused.
pub(crate) fn fen(json: &Value<'_>) -> Result<Fen, Problem> {
    exact(
        json,
        Expected::Fen,
        number::whole,
        0,
        MAX_SAFE_INTEGER,
        Fen::new,
    )
}

/// A number read exactly by `scale` (whole numbers or hundredths: the
/// `decimals` it keeps) up to `max`, then made into a `T` by `make`;
/// anything else is a problem described as `expected`.
fn exact<T>(
    json: &Value<'_>,
    expected: Expected,
    scale: fn(&str, u64) -> Result<u64, NumberProblem>,
    decimals: u32,
    max: u64,
    make: impl FnOnce(u64) -> Option<T>,
) -> Result<T, Problem> {
    let scaled = match json {
        // A plain integer needs no reading of text.
        Value::Number(Number::Unsigned(n)) => n
            .checked_mul(10u64.pow(decimals))
            .filter(|v| *v <= max)
            .ok_or(NumberProblem::TooLarge),
        Value::Number(Number::Negative(_)) => Err(NumberProblem::Negative),
        Value::Number(Number::Text(text)) => scale(text, max),
        other => {
            return Err(Problem::Type {
                expected,
                found: json_type(other),
            });
        }
    };
    scaled.ok().and_then(make).ok_or_else(|| Problem::Range {
        expected,
        found: show(json),
    })
}

/// A calendar year, 1 to 9999.
pub(crate) fn year(json: &Value<'_>) -> Result<Year, Problem> {
    exact(
        json,
        Expected::Year,
        number::whole,
        0,
        u64::from(Year::MAX.get()),
        |y| u16::try_from(y).ok().and_then(Year::new),
    )
}

/// An area in square metres with at most two decimals, read exactly.
pub(crate) fn area(json: &Value<'_>) -> Result<Area, Problem> {
    exact(
        json,
        Expected::Area,
        number::hundredths,
        2,
        Area::MAX.hundredths(),
        Area::from_hundredths,
    )
}

/// A percentage from 0 to 100 with at most two decimals, read exactly.
pub(crate) fn rate(json: &Value<'_>) -> Result<Rate, Problem> {
    let max = Rate::ONE_HUNDRED_PERCENT.hundredths();
    exact(
        json,
        Expected::Percent,
        number::hundredths,
        2,
        u64::from(max),
        |h| u32::try_from(h).ok().and_then(Rate::from_hundredths),
    )
}

/// A boolean.
pub(crate) fn boolean(json: &Value<'_>) -> Result<bool, Problem> {
    match json {
        Value::Bool(b) => Ok(*b),
        other => Err(Problem::Type {
            expected: Expected::Bool,
            found: json_type(other),
        }),
    }
}

/// A string.
pub(crate) fn text(json: &Value<'_>) -> Result<String, Problem> {
    match json {
        Value::String(s) => Ok(s.as_ref().to_owned()),
        other => Err(Problem::Type {
            expected: Expected::Text,
            found: json_type(other),
        }),
    }
}

/// A code of one of gonghui's lists (chains, park levels, …).
pub(crate) fn code<T>(
    json: &Value<'_>,
    expected: Expected,
    from_code: impl Fn(&str) -> Option<T>,
) -> Result<T, Problem> {
    match json {
        Value::String(s) => from_code(s).ok_or_else(|| Problem::Range {
            expected,
            found: show(json),
        }),
        other => Err(Problem::Type {
            expected,
            found: json_type(other),
        }),
    }
}

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
                found: json_type(other),
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
                field: self.path(&crate::error::shorten(unknown)),
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
            Some(key) => Err(Problem::Repeated.at(self.path(&crate::error::shorten(key)))),
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
                found: json_type(other),
            }
            .at(self.path(name))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> Value<'_> {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn money_i2() {
        assert_eq!(fen(&num("480000")), Ok(Fen::new(480_000).unwrap()));
        assert!(fen(&num("-1")).is_err());
        assert!(fen(&num("1.5")).is_err());
        assert!(fen(&num("9007199254740992")).is_err());
        assert!(fen(&num(r#""100""#)).is_err());
    }

    #[test]
    fn areas_two_decimals() {
        assert_eq!(area(&num("99.99")).unwrap().hundredths(), 9_999);
        assert_eq!(area(&num("100")).unwrap().hundredths(), 10_000);
        assert!(area(&num("99.999")).is_err());
        assert!(area(&num("-0.01")).is_err());
    }

    #[test]
    fn years_and_rates() {
        assert_eq!(year(&num("2025")).unwrap().get(), 2025);
        assert!(year(&num("0")).is_err());
        assert!(year(&num("10000")).is_err());
        assert!(year(&num("2025.5")).is_err());
        assert_eq!(rate(&num("33.33")).unwrap().hundredths(), 3_333);
        assert!(rate(&num("100.01")).is_err());
    }
}
