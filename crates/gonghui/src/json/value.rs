//! A JSON value read from a request, borrowing from the request's text.
//!
//! Unlike `serde_json::Value` it keeps an object's fields in a short list in
//! the order written (a request's objects have a handful of fields, and a
//! list finds one faster than a tree), borrows keys and strings from the
//! text where they have no escapes, and keeps a plain integer as its value.
//! A number with a fraction or an exponent, or beyond 64 bits, keeps its
//! exact text (serde_json's `arbitrary_precision`), so nothing is ever
//! rounded.
//!
//! [`parse`] reads a text in one of two ways that give the same value. The
//! plain JSON that programs send (strings without escapes, numbers without
//! exponents, a modest depth) is read in one pass over the bytes by
//! [`Plain`], which allocates only the lists of the tree; anything else —
//! an escape, an exponent, text that is not JSON at all — goes to serde_json,
//! which reads every JSON there is and words every error. serde_json built
//! with `arbitrary_precision` allocates a string for every number it meets,
//! and goes through serde's data model for every value: the one pass costs a
//! request some 2,500 fewer instructions (docs/PERFORMANCE.md). That both
//! roads give the same value is tested on generated texts, valid and broken.

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

    /// The JSON type of the value, for messages: `a string`, `null`, …
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// A JSON type as [`Value::type_name`] names it, in Chinese.
pub(crate) fn type_name_zh(name: &str) -> &'static str {
    match name {
        "null" => "null",
        "a boolean" => "布尔值",
        "a number" => "数字",
        "a string" => "字符串",
        "an array" => "数组",
        _ => "对象",
    }
}

/// Reads one JSON value, with whitespace around it, as [`Value`]; a text
/// that is not JSON gets serde_json's error.
pub(crate) fn parse(text: &str) -> Result<Value<'_>, serde_json::Error> {
    match Plain::new(text).document() {
        Some(value) => Ok(value),
        None => serde_json::from_str(text),
    }
}

/// Whether the one-pass reader reads `text` as serde_json does, or leaves it
/// to serde_json: what the fuzzer checks on every input it makes.
#[cfg(fuzzing)]
pub(crate) fn plain_agrees(text: &str) -> bool {
    match Plain::new(text).document() {
        Some(value) => serde_json::from_str::<Value<'_>>(text).is_ok_and(|v| v == value),
        None => true,
    }
}

/// A reader of plain JSON in one pass: the grammar of RFC 8259 without
/// escapes in strings and exponents in numbers, nested at most
/// [`Plain::MAX_DEPTH`] deep. It gives up (`None`) at the first thing beyond
/// that, or beyond JSON, leaving it to serde_json: so it never accepts a text
/// serde_json refuses, nor reads one differently.
struct Plain<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Plain<'a> {
    /// Deeper than serde_json's own limit (127) is refused there; well below
    /// it, so that the two never disagree on where the limit lies.
    const MAX_DEPTH: usize = 64;

    fn new(text: &'a str) -> Plain<'a> {
        Plain { text, at: 0 }
    }

    /// Skips JSON whitespace, and returns the next byte.
    fn next_token(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = bytes.get(self.at) {
            self.at += 1;
        }
        bytes.get(self.at).copied()
    }

    /// The whole text: one value, whitespace around it, nothing else.
    fn document(mut self) -> Option<Value<'a>> {
        let value = self.value(0)?;
        match self.next_token() {
            None => Some(value),
            Some(_) => None,
        }
    }

    fn value(&mut self, depth: usize) -> Option<Value<'a>> {
        match self.next_token()? {
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => self.string().map(|s| Value::String(Cow::Borrowed(s))),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'n' => self.literal("null", Value::Null),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            _ => None,
        }
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Option<Value<'a>> {
        let rest = self.text.as_bytes().get(self.at..)?;
        rest.starts_with(word.as_bytes()).then(|| {
            self.at += word.len();
            value
        })
    }

    /// A string without escapes or control characters, the opening quote
    /// next.
    fn string(&mut self) -> Option<&'a str> {
        let start = self.at + 1;
        let bytes = self.text.as_bytes();
        let mut end = start;
        // Eight bytes at a time while the text has eight more (a string is
        // short, and the text goes on after it, so most are found in one or
        // two words), then byte by byte.
        loop {
            match bytes.get(end..end + 8) {
                Some(word) => {
                    let word = u64::from_le_bytes(word.try_into().ok()?);
                    let stops = super::escape::stops(word);
                    if stops != 0 {
                        end += (stops.trailing_zeros() / 8) as usize;
                        break;
                    }
                    end += 8;
                }
                None => {
                    end += bytes
                        .get(end..)?
                        .iter()
                        .position(|b| super::escape::needs_escape(*b))?;
                    break;
                }
            }
        }
        // Cut at an ASCII quote, so on a character boundary.
        (bytes[end] == b'"').then(|| {
            self.at = end + 1;
            &self.text[start..end]
        })
    }

    /// A number without an exponent: a plain integer as its value, anything
    /// else (a fraction, −0, beyond 64 bits) as its text, exactly as
    /// serde_json gives it.
    fn number(&mut self) -> Option<Number> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let negative = bytes[start] == b'-';
        let int_start = start + usize::from(negative);
        // The digits and their value, read in one go: 19 digits never
        // overflow 64 bits, and a longer integer is read from its text.
        let mut value = 0u64;
        let mut end = int_start;
        while let Some(digit) = bytes
            .get(end)
            .and_then(|b| b.checked_sub(b'0'))
            .filter(|d| *d <= 9)
        {
            value = value.wrapping_mul(10).wrapping_add(u64::from(digit));
            end += 1;
        }
        let int_len = end - int_start;
        // One digit at least, and no leading zero before another digit.
        if int_len == 0 || (bytes[int_start] == b'0' && int_len > 1) {
            return None;
        }
        let whole = bytes.get(end) != Some(&b'.');
        if !whole {
            let frac_len = bytes[end + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if frac_len == 0 {
                return None;
            }
            end += 1 + frac_len;
        }
        if matches!(bytes.get(end), Some(b'e' | b'E')) {
            return None;
        }
        self.at = end;
        let text = &self.text[start..end];
        let exact = whole && int_len <= 19;
        Some(match (exact, negative) {
            (true, false) => Number::Unsigned(value),
            // −0 stays text, as serde_json keeps it; −2^63 is the last that
            // fits.
            (true, true) if value != 0 && value <= 1 << 63 => {
                Number::Negative(0i64.wrapping_sub_unsigned(value))
            }
            (false, false) if whole => text
                .parse()
                .map_or_else(|_| Number::Text(text.to_owned()), Number::Unsigned),
            _ => Number::Text(text.to_owned()),
        })
    }

    /// An object, its `{` next.
    fn object(&mut self, depth: usize) -> Option<Value<'a>> {
        // Room for the fields of any object of the contract at once.
        self.list(depth, b'}', 8, |reader, fields| {
            if reader.next_token()? != b'"' {
                return None;
            }
            let key = reader.string()?;
            // serde_json's private spelling of a number: its own reading.
            if fields.is_empty() && key == NUMBER_TOKEN {
                return None;
            }
            if reader.next_token()? != b':' {
                return None;
            }
            reader.at += 1;
            Some((Cow::Borrowed(key), reader.value(depth)?))
        })
        .map(Value::Object)
    }

    /// An array, its `[` next.
    fn array(&mut self, depth: usize) -> Option<Value<'a>> {
        self.list(depth, b']', 4, |reader, _| reader.value(depth))
            .map(Value::Array)
    }

    /// What an object and an array share: the opening bracket next, then
    /// nothing or items read by `item` (which sees those before it),
    /// separated by commas, up to the `close` bracket. A list that has
    /// items gets room for `capacity` of them at once.
    fn list<T>(
        &mut self,
        depth: usize,
        close: u8,
        capacity: usize,
        mut item: impl FnMut(&mut Self, &[T]) -> Option<T>,
    ) -> Option<Vec<T>> {
        if depth > Plain::MAX_DEPTH {
            return None;
        }
        self.at += 1;
        let mut items = Vec::new();
        if self.next_token()? == close {
            self.at += 1;
            return Some(items);
        }
        items.reserve(capacity);
        loop {
            let next = item(self, &items)?;
            items.push(next);
            match self.next_token()? {
                b',' => self.at += 1,
                b if b == close => {
                    self.at += 1;
                    return Some(items);
                }
                _ => return None,
            }
        }
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

    /// What serde_json alone makes of `text`.
    fn by_serde(text: &str) -> Result<Value<'_>, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    /// The one-pass reader reads `text` as serde_json does, or leaves it.
    fn agrees(text: &str) -> Result<bool, String> {
        match Plain::new(text).document() {
            Some(value) if Ok(&value) == by_serde(text).as_ref() => Ok(true),
            Some(value) => Err(format!(
                "{text:?}: {value:?}, serde_json {:?}",
                by_serde(text)
            )),
            None => Ok(false),
        }
    }

    #[test]
    fn the_plain_reader_reads_as_serde_json() {
        let taken = [
            "{}",
            "[]",
            " { } ",
            "0",
            "-1",
            "-0",
            "-0.0",
            "12.50",
            "007.5e1",
            "1",
            "true",
            "null",
            r#""""#,
            r#""中文""#,
            r#"{"a":1,"a":2}"#,
            "[1,[2,[3]]]",
            "\t[ 1 ,\n2 ]\r\n",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890.5",
            "\u{7f}",
        ];
        let mut read = 0;
        for text in taken {
            read += usize::from(agrees(text).unwrap());
        }
        assert_eq!(read, taken.len() - 2, "all but `007.5e1` and DEL are plain");
        // Beyond the plain reader, or beyond JSON: serde_json's to read.
        for text in [
            "",
            " ",
            "1e5",
            "1E+5",
            "01",
            "-",
            "1.",
            ".5",
            "+1",
            "[1,]",
            "{,}",
            r#"{"a"}"#,
            r#"{"a":}"#,
            r#""\n""#,
            "\"a\nb\"",
            "\"\u{1}\"",
            "tru",
            "nul",
            "[1 2]",
            "{} x",
            "[",
            "{",
            r#"{"a":1"#,
            r#"{"$serde_json::private::Number":"1"}"#,
            "\u{feff}1",
            "[-]",
            "--1",
            "1-",
            "0x1",
            "NaN",
            "Infinity",
        ] {
            assert!(!agrees(text).unwrap(), "{text:?} read plainly");
        }
        let deep = |n| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(agrees(&deep(Plain::MAX_DEPTH)).unwrap());
        assert!(!agrees(&deep(Plain::MAX_DEPTH + 1)).unwrap());
        assert!(super::parse(&deep(Plain::MAX_DEPTH + 1)).is_ok());
        assert!(super::parse(&deep(200)).is_err());
    }

    /// Texts of JSON, plain or not, and broken by a byte.
    fn texts() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just("null".to_owned()),
            Just("true".to_owned()),
            Just("false".to_owned()),
            "-?(0|[1-9][0-9]{0,21})(\\.[0-9]{1,3})?([eE][+-]?[0-9]{1,2})?",
            "\"([a-z中\\\\\"\n$]|\\\\[nu\"]){0,6}\"",
        ];
        let value = leaf.prop_recursive(4, 32, 5, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5)
                    .prop_map(|v| format!("[{}]", v.join(","))),
                proptest::collection::vec(("[a-z_$]{0,4}", inner), 0..5).prop_map(|v| {
                    let fields: Vec<String> =
                        v.iter().map(|(k, v)| format!("\"{k}\" : {v}")).collect();
                    format!("{{ {} }}", fields.join(" ,\n"))
                }),
            ]
        });
        (value, any::<usize>(), any::<u8>(), 0..4u8).prop_map(|(text, at, byte, how)| {
            let mut bytes = text.into_bytes();
            let at = at % (bytes.len() + 1);
            match how {
                0 => bytes.insert(at, byte % 128),
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                2 if at < bytes.len() => bytes[at] = byte % 128,
                _ => {}
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]
        /// Whatever the text, the one-pass reader gives serde_json's value
        /// or leaves the text to it.
        #[test]
        fn one_pass_or_serde_json_the_same_value(text in texts()) {
            proptest::prop_assert!(agrees(&text).map_err(proptest::test_runner::TestCaseError::fail)? || Plain::new(&text).document().is_none());
        }
    }

    #[test]
    fn requests_are_read_plainly() {
        let population = include_str!("../../../../examples/population/requests.jsonl");
        for line in population.lines() {
            assert!(agrees(line).unwrap(), "{line}");
        }
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
