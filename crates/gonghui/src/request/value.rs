//! A JSON value read from a request, borrowing from the request's text.
//!
//! serde_json tokenizes; this is what its tokens are collected into. Unlike
//! `serde_json::Value` it keeps an object's fields in a short list in the
//! order written (a request's objects have a handful of fields, and a list
//! finds one faster than a tree), borrows keys and strings from the text
//! where they have no escapes, and keeps a plain integer as its value. A
//! number with a fraction or an exponent, or beyond 64 bits, keeps its exact
//! text (serde_json's `arbitrary_precision`), so nothing is ever rounded.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// A JSON number, exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Number {
    /// A whole number from 0 to 2^64 − 1, written without fraction or
    /// exponent.
    Unsigned(u64),
    /// A negative whole number from −2^63, written without fraction or
    /// exponent.
    Negative(i64),
    /// Any other number, as written: `95.5`, `1.2e6`, `-0`, 30 digits.
    Text(String),
}

impl fmt::Display for Number {
    /// The number as JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Unsigned(n) => f.write_str(itoa::Buffer::new().format(*n)),
            Number::Negative(n) => f.write_str(itoa::Buffer::new().format(*n)),
            Number::Text(text) => f.write_str(text),
        }
    }
}

impl Value<'_> {
    /// Whether the value is `null`.
    pub(crate) fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

/// The key under which serde_json, built with `arbitrary_precision`, hands
/// over a number that does not fit a 64-bit integer as its text. (A private
/// name of serde_json: should it ever change, the corpus's decimal areas and
/// rates fail at once.)
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

impl<'de> Deserialize<'de> for Value<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value<'de>, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value<'de>, E> {
        Ok(Value::Bool(b))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value<'de>, E> {
        Ok(Value::Number(Number::Unsigned(n)))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value<'de>, E> {
        Ok(Value::Number(match u64::try_from(n) {
            Ok(n) => Number::Unsigned(n),
            Err(_) => Number::Negative(n),
        }))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Owned(s.to_owned())))
    }

    fn visit_string<E>(self, s: String) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Owned(s)))
    }

    fn visit_unit<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'de>, A::Error> {
        // Room for the fields of any object of the contract at once.
        let mut fields = Vec::with_capacity(map.size_hint().unwrap_or(8).min(16));
        while let Some(Key(key)) = map.next_key()? {
            if fields.is_empty() && key == NUMBER_TOKEN {
                let text: String = map.next_value()?;
                return Ok(Value::Number(Number::Text(text)));
            }
            fields.push((key, map.next_value()?));
        }
        Ok(Value::Object(fields))
    }
}

/// An object's key, borrowed from the text when it has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key<'de>, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }

            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }

            fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_owned())))
            }

            fn visit_string<E>(self, s: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Value<'_> {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn numbers_exactly() {
        assert_eq!(parse("12"), Value::Number(Number::Unsigned(12)));
        assert_eq!(parse("-3"), Value::Number(Number::Negative(-3)));
        assert_eq!(parse("-0"), Value::Number(Number::Text("-0".into())));
        assert_eq!(parse("95.50"), Value::Number(Number::Text("95.50".into())));
        // serde_json writes the exponent with its sign.
        assert_eq!(parse("1.2e6"), Value::Number(Number::Text("1.2e+6".into())));
        let big = "123456789012345678901234567890";
        assert_eq!(parse(big), Value::Number(Number::Text(big.into())));
    }

    #[test]
    fn objects_in_order_with_borrowed_keys() {
        let text = r#"{"b":1,"a":[true,null,"x\n"],"b":2}"#;
        let Value::Object(fields) = parse(text) else {
            panic!("an object")
        };
        let keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_ref()).collect();
        assert_eq!(keys, vec!["b", "a", "b"]);
        assert!(matches!(fields[0].0, Cow::Borrowed(_)));
        assert_eq!(
            fields[1].1,
            Value::Array(vec![
                Value::Bool(true),
                Value::Null,
                Value::String(Cow::Owned("x\n".into()))
            ])
        );
    }
}
