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

use super::escape::{clean, push_escaped};
use super::value::Value;
use crate::vocab::number;
use crate::vocab::words::{Text, Words};
use crate::vocab::{Fen, Rate, Year};

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

    pub(crate) fn opt_bool(&mut self, b: Option<bool>) {
        match b {
            Some(b) => self.bool(b),
            None => self.null(),
        }
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
        self.hundredths(u64::from(rate.hundredths()));
    }

    /// A number of hundredths as a JSON number with no needless decimals:
    /// `10000` is `100`, `9550` is `95.5`.
    pub(crate) fn hundredths(&mut self, hundredths: u64) {
        number::Trimmed(hundredths).write_words(&mut self.out);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_character() {
        let text: String = (0u8..0x80)
            .map(char::from)
            .chain("“中文”\u{7f}".chars())
            .collect();
        let mut json = Json::with_capacity(0);
        json.text(crate::vocab::words::text!(text));
        assert_eq!(json.finish(), serde_json::to_string(&text).unwrap());
    }
}
