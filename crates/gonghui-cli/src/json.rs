//! The JSON the command writes of its own (the reports of `verify` and
//! `policy diff`): keys in a fixed order, no whitespace, strings escaped as
//! the core's answers escape them.

use std::fmt::Write as _;

/// A JSON object being written, its keys in the order they are added.
pub struct Object(String);

impl Object {
    pub fn new() -> Object {
        Object(String::from("{"))
    }

    fn key(&mut self, key: &str) {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        string_into(&mut self.0, key);
        self.0.push(':');
    }

    /// A value already written as JSON.
    pub fn raw(mut self, key: &str, json: &str) -> Object {
        self.key(key);
        self.0.push_str(json);
        self
    }

    pub fn str(mut self, key: &str, value: &str) -> Object {
        self.key(key);
        string_into(&mut self.0, value);
        self
    }

    /// A string, or `null`.
    pub fn opt_str(self, key: &str, value: Option<&str>) -> Object {
        match value {
            Some(value) => self.str(key, value),
            None => self.raw(key, "null"),
        }
    }

    pub fn num(mut self, key: &str, value: impl Into<u64>) -> Object {
        self.key(key);
        let _ = write!(self.0, "{}", value.into());
        self
    }

    pub fn bool(self, key: &str, value: bool) -> Object {
        self.raw(key, if value { "true" } else { "false" })
    }

    pub fn finish(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

/// An array of values already written as JSON.
pub fn array(items: impl IntoIterator<Item = String>) -> String {
    let mut out = String::from("[");
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&item);
    }
    out.push(']');
    out
}

/// `text` as a JSON string.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    string_into(&mut out, text);
    out
}

/// Writes `text` as a JSON string, escaped as serde_json and the core escape:
/// `"` and `\`, the short escapes `\n \r \t \b \f`, other control characters
/// as `\u00XX` in lowercase hex; everything else as it is.
pub fn string_into(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_as_serde_json_escapes() {
        for text in [
            "",
            "plain 中文",
            "\"\\/",
            "\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}",
        ] {
            let mine = string(text);
            assert_eq!(mine, serde_json::Value::String(text.to_owned()).to_string());
        }
    }

    #[test]
    fn keys_in_order() {
        let object = Object::new()
            .str("b", "x")
            .num("a", 1u64)
            .opt_str("c", None)
            .bool("d", true)
            .raw("e", &array(["1".to_owned(), "[]".to_owned()]))
            .finish();
        assert_eq!(object, r#"{"b":"x","a":1,"c":null,"d":true,"e":[1,[]]}"#);
        assert_eq!(Object::new().finish(), "{}");
    }
}
