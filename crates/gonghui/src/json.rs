//! A writer of canonical JSON into one string: keys in the order they are
//! written, no whitespace, UTF-8 as is, and only `"`, `\` and control
//! characters escaped, exactly as serde_json escapes them.
//!
//! Answers are written with it field by field rather than through serde's
//! data model: an answer is mostly fixed keys and short texts, and writing
//! them straight into place, explanation sentences included, is what makes
//! an answer cheap. It is the one place gonghui writes JSON (answers, the
//! digest's canonical values, quoted values in messages), so that the WASM
//! module carries no serializer besides.

use std::fmt::Write as _;

use crate::calendar::Year;
use crate::explain::{Explainer, Text, Words};
use crate::money::{Fen, Rate};
use crate::policy::ParamValue;
use crate::request::value::Value;
use crate::{Clause, number};

/// A field name as [`Json::key`] writes it: `key!("rule")` is `"rule":`.
macro_rules! key {
    ($name:literal) => {
        concat!("\"", $name, "\":")
    };
}
pub(crate) use key;

/// An answer being written.
pub(crate) struct Json {
    out: String,
    /// Whether the next key or item is the first of its object or array
    /// (and so takes no comma before it).
    first: bool,
}

/// Whether `byte` must be escaped inside a JSON string.
pub(crate) fn needs_escape(byte: u8) -> bool {
    (byte < 0x20) | (byte == b'"') | (byte == b'\\')
}

/// The bytes of `word` (eight bytes of a text, the first lowest) that a JSON
/// string cannot hold as they are ([`needs_escape`]), each marked by its high
/// bit: a search for the end of a string, eight bytes at a time. The lowest mark is always right;
/// a mark above a marked byte may be spurious (the borrow of the subtraction
/// runs on), so a caller looks at the lowest only, or at none.
pub(crate) fn stops(word: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    zero(word ^ (ONES * u64::from(b'"'))) | zero(word ^ (ONES * u64::from(b'\\'))) | below_space
}

/// Whether none of `bytes` needs an escape: one pass without a branch per
/// byte, which the compiler turns into vector code (faster, on texts of a
/// hundred bytes and more, than eight bytes at a time with [`stops`]).
fn clean(bytes: &[u8]) -> bool {
    !bytes.iter().fold(false, |any, b| any | needs_escape(*b))
}

/// Appends `text` to `out`, escaped as serde_json escapes strings.
fn push_escaped(out: &mut String, text: &str) {
    // Most texts need no escape: copy them at once.
    if clean(text.as_bytes()) {
        out.push_str(text);
        return;
    }
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        if !needs_escape(byte) {
            continue;
        }
        out.push_str(&text[start..i]);
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            other => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(other >> 4)]));
                out.push(char::from(HEX[usize::from(other & 15)]));
            }
        }
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

impl Json {
    pub(crate) fn with_capacity(capacity: usize) -> Json {
        Json::after(String::with_capacity(capacity))
    }

    /// A writer that goes on after what `out` already holds: a batch writes
    /// all its answers into one string.
    pub(crate) fn after(out: String) -> Json {
        Json { out, first: true }
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }

    fn separate(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }

    /// Opens an object.
    pub(crate) fn begin(&mut self) {
        self.out.push('{');
        self.first = true;
    }

    /// Closes an object.
    pub(crate) fn end(&mut self) {
        self.out.push('}');
        self.first = false;
    }

    /// Opens an array.
    pub(crate) fn begin_array(&mut self) {
        self.out.push('[');
        self.first = true;
    }

    /// Closes an array.
    pub(crate) fn end_array(&mut self) {
        self.out.push(']');
        self.first = false;
    }

    /// Starts the next field of an object, its name written by [`key!`] as
    /// a ready-made literal (`"rule":`), so that a key costs one copy.
    pub(crate) fn key(&mut self, quoted: &'static str) {
        debug_assert!(quoted.starts_with('"') && quoted.ends_with("\":"));
        self.separate();
        self.out.push_str(quoted);
    }

    /// Starts the next item of an array.
    pub(crate) fn item(&mut self) {
        self.separate();
    }

    /// A string value.
    pub(crate) fn str(&mut self, text: &str) {
        self.out.push('"');
        push_escaped(&mut self.out, text);
        self.out.push('"');
    }

    /// A string value that is one of gonghui's own codes or ids (`eligible`,
    /// `C9`, `mutual_aid.rate`): plain ASCII that needs no escape.
    pub(crate) fn code(&mut self, code: &'static str) {
        debug_assert!(clean(code.as_bytes()), "{code:?} needs escaping");
        self.out.push('"');
        self.out.push_str(code);
        self.out.push('"');
    }

    /// A string value given as its pieces.
    ///
    /// The text is written in place, then checked once; in the rare text
    /// that holds a character to escape (a quoted override value), that
    /// text alone is rewritten escaped.
    pub(crate) fn text(&mut self, text: Text<'_>) {
        self.out.push('"');
        let start = self.out.len();
        text.write_to(&mut self.out);
        if !clean(&self.out.as_bytes()[start..]) {
            let written = self.out.split_off(start);
            push_escaped(&mut self.out, &written);
        }
        self.out.push('"');
    }

    /// A string value that is already JSON (quotes and escapes included),
    /// such as a text of the policy escaped once when it was loaded.
    pub(crate) fn raw(&mut self, json: &str) {
        self.out.push_str(json);
    }

    pub(crate) fn u64(&mut self, n: u64) {
        self.out.push_str(itoa::Buffer::new().format(n));
    }

    pub(crate) fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    pub(crate) fn null(&mut self) {
        self.out.push_str("null");
    }

    pub(crate) fn opt_u64(&mut self, n: Option<u64>) {
        match n {
            Some(n) => self.u64(n),
            None => self.null(),
        }
    }

    pub(crate) fn opt_i64(&mut self, n: Option<i64>) {
        match n {
            Some(n) => self.out.push_str(itoa::Buffer::new().format(n)),
            None => self.null(),
        }
    }

    pub(crate) fn opt_str(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.str(text),
            None => self.null(),
        }
    }

    /// An amount in yuan as the contract writes it: `"4800.00"`.
    pub(crate) fn yuan(&mut self, fen: Fen) {
        self.out.push('"');
        self.u64(fen.get() / 100);
        self.out.push('.');
        let cents = fen.get() % 100;
        self.out.push(char::from(b'0' + (cents / 10) as u8));
        self.out.push(char::from(b'0' + (cents % 10) as u8));
        self.out.push('"');
    }

    /// The contract's pair of money fields under `names`: the fen and the
    /// yuan, both null when there is no amount.
    pub(crate) fn money(&mut self, names: (&'static str, &'static str), amount: Option<Fen>) {
        self.key(names.0);
        self.opt_u64(amount.map(Fen::get));
        self.key(names.1);
        match amount {
            Some(fen) => self.yuan(fen),
            None => self.null(),
        }
    }

    /// A percentage as a JSON number: `40`, `33.33`.
    pub(crate) fn rate(&mut self, rate: Rate) {
        number::Trimmed(u64::from(rate.hundredths())).write_words(&mut self.out);
    }

    /// A parameter's value, as the policy file and overrides write it.
    pub(crate) fn param_value(&mut self, value: &ParamValue) {
        match value {
            ParamValue::Fen(fen) => self.opt_u64(fen.map(Fen::get)),
            ParamValue::Area(area) => {
                number::Trimmed(area.hundredths()).write_words(&mut self.out);
            }
            ParamValue::Rate(rate) => self.rate(*rate),
            ParamValue::YearlyRates(rates) => self.year_rates(rates.iter()),
            ParamValue::ParkLevel(level) => self.str(level.code()),
            ParamValue::Count(n) => self.u64(*n),
        }
    }

    /// Rates by year: `{"2023":50,"2024":50}`.
    pub(crate) fn year_rates(&mut self, rates: impl IntoIterator<Item = (Year, Rate)>) {
        self.begin();
        for (year, rate) in rates {
            self.separate();
            self.out.push('"');
            self.u64(u64::from(year.get()));
            self.out.push_str("\":");
            self.rate(rate);
        }
        self.end();
    }

    /// A JSON value as read from a request, written back compactly (numbers
    /// as their own text), for the messages that quote what was sent.
    pub(crate) fn value(&mut self, value: &Value<'_>) {
        match value {
            Value::Null => self.null(),
            Value::Bool(b) => self.bool(*b),
            Value::Number(n) => {
                let _ = write!(self.out, "{n}");
            }
            Value::String(s) => self.str(s),
            Value::Array(items) => {
                self.begin_array();
                for item in items {
                    self.item();
                    self.value(item);
                }
                self.end_array();
            }
            Value::Object(map) => {
                self.begin();
                for (key, item) in map {
                    self.separate();
                    self.str(key);
                    self.out.push(':');
                    self.value(item);
                }
                self.end();
            }
        }
    }

    /// `text` as a JSON string literal.
    pub(crate) fn literal(text: &str) -> String {
        let mut j = Json::with_capacity(text.len() + 2);
        j.str(text);
        j.finish()
    }
}

/// Explanation steps written straight into an answer's `explanation` array.
impl Explainer for Json {
    fn step(
        &mut self,
        rule: &'static str,
        clause: Clause,
        reading: Option<Clause>,
        holds: bool,
        text: Text<'_>,
    ) {
        // A step is the one object written many times an answer: its fixed
        // parts go in whole, rather than key by key.
        debug_assert!(clean(rule.as_bytes()));
        self.item();
        let out = &mut self.out;
        out.push_str(r#"{"rule":""#);
        out.push_str(rule);
        out.push_str(r#"","clause":""#);
        out.push_str(clause.id());
        match reading {
            Some(reading) => {
                out.push_str(r#"","reading":""#);
                out.push_str(reading.id());
                out.push_str(r#"","holds":"#);
            }
            None => out.push_str(r#"","reading":null,"holds":"#),
        }
        out.push_str(if holds {
            r#"true,"text":"#
        } else {
            r#"false,"text":"#
        });
        self.text(text);
        self.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The first stop of a word is the first byte of it that needs an
        /// escape: a quote, a backslash or a control character.
        #[test]
        fn the_first_stop_of_a_word(word in proptest::array::uniform8(proptest::sample::select(
            vec![0x00, 0x01, 0x1f, 0x20, 0x21, b'"', b'#', b'[', b'\\', b']', b'a', 0x7f, 0x80, 0xe4, 0xff],
        ))) {
            let first = word.iter().position(|b| matches!(b, b'"' | b'\\' | 0..0x20));
            let stops = stops(u64::from_le_bytes(word));
            let found = (stops != 0).then(|| (stops.trailing_zeros() / 8) as usize);
            prop_assert_eq!(found, first);
        }
    }

    proptest! {
        /// The escapes are serde_json's, to the byte.
        #[test]
        fn escapes_like_serde_json(text in "(?s).{0,64}") {
            let mut json = Json::with_capacity(0);
            json.str(&text);
            prop_assert_eq!(json.finish(), serde_json::to_string(&text).unwrap());
        }
    }

    #[test]
    fn every_control_character() {
        let text: String = (0u8..0x80)
            .map(char::from)
            .chain("“中文”\u{7f}".chars())
            .collect();
        let mut json = Json::with_capacity(0);
        json.text(crate::explain::text!(text));
        assert_eq!(json.finish(), serde_json::to_string(&text).unwrap());
    }
}
