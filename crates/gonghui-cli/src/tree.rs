//! A JSON text read as a tree that keeps the order of its keys and the exact
//! text of its numbers: what `verify` compares field by field, and what
//! `catalog --pretty` indents. (serde_json's `Value` sorts keys, and a
//! reader that reports `explanation` before `outcome` would not follow the
//! answer.)

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::json;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node<'a> {
    Null,
    Bool(bool),
    /// A number, as written.
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    /// Keys and values in the order written (a key given twice is kept twice).
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
}

/// How deep arrays and objects may nest, as in a request (the core's limit).
const MAX_NESTING: usize = 127;

/// Reads `text`, which must be one JSON value (whitespace around it
/// allowed) nested at most [`MAX_NESTING`] deep; the error says where it is
/// not JSON, as serde_json says it.
pub fn parse(text: &str) -> Result<Node<'_>, String> {
    // serde_json decides what is JSON; the tree is then read from a text
    // known to be valid.
    serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(|e| e.to_string())?;
    let mut reader = Reader {
        text,
        at: 0,
        depth: 0,
    };
    reader
        .value()
        .ok_or_else(|| format!("nested deeper than {MAX_NESTING} levels"))
}

/// Reads a text known to be valid JSON; `None` when it nests too deep.
struct Reader<'a> {
    text: &'a str,
    at: usize,
    /// The arrays and objects open.
    depth: usize,
}

impl<'a> Reader<'a> {
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(self.at) {
            self.at += 1;
        }
        bytes.get(self.at).copied()
    }

    /// Takes `word` (`null`, `true`, `false`).
    fn word(&mut self, word: &str, node: Node<'a>) -> Option<Node<'a>> {
        self.text[self.at..].starts_with(word).then(|| {
            self.at += word.len();
            node
        })
    }

    /// Enters an array or object: `None` beyond the nesting allowed.
    fn open(&mut self) -> Option<()> {
        self.at += 1;
        self.depth += 1;
        (self.depth <= MAX_NESTING).then_some(())
    }

    /// Leaves an array or object, at its closing bracket.
    fn close(&mut self) {
        self.at += 1;
        self.depth -= 1;
    }

    fn value(&mut self) -> Option<Node<'a>> {
        match self.peek()? {
            b'n' => self.word("null", Node::Null),
            b't' => self.word("true", Node::Bool(true)),
            b'f' => self.word("false", Node::Bool(false)),
            b'"' => self.string().map(Node::String),
            b'[' => {
                self.open()?;
                let mut items = Vec::new();
                if self.peek()? == b']' {
                    self.close();
                    return Some(Node::Array(items));
                }
                loop {
                    items.push(self.value()?);
                    match self.peek()? {
                        b',' => self.at += 1,
                        b']' => {
                            self.close();
                            return Some(Node::Array(items));
                        }
                        _ => return None,
                    }
                }
            }
            b'{' => {
                self.open()?;
                let mut entries = Vec::new();
                if self.peek()? == b'}' {
                    self.close();
                    return Some(Node::Object(entries));
                }
                loop {
                    if self.peek()? != b'"' {
                        return None;
                    }
                    let key = self.string()?;
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.at += 1;
                    entries.push((key, self.value()?));
                    match self.peek()? {
                        b',' => self.at += 1,
                        b'}' => {
                            self.close();
                            return Some(Node::Object(entries));
                        }
                        _ => return None,
                    }
                }
            }
            _ => {
                let rest = &self.text[self.at..];
                let end = rest
                    .find(|c: char| !matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E'))
                    .unwrap_or(rest.len());
                self.at += end;
                (end > 0).then(|| Node::Number(&rest[..end]))
            }
        }
    }

    /// The string starting at the current `"`, unescaped.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut at = start + 1;
        let mut escaped = false;
        loop {
            match bytes.get(at)? {
                b'\\' => {
                    escaped = true;
                    at += 2;
                }
                b'"' => break,
                _ => at += 1,
            }
        }
        self.at = at + 1;
        if escaped {
            serde_json::from_str(&self.text[start..=at])
                .ok()
                .map(Cow::Owned)
        } else {
            Some(Cow::Borrowed(&self.text[start + 1..at]))
        }
    }
}

impl Node<'_> {
    /// The value of `key`, in an object.
    pub fn get(&self, key: &str) -> Option<&Self> {
        match self {
            Node::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text, of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::String(text) => Some(text),
            _ => None,
        }
    }

    /// The value as compact JSON, its keys in their order.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    /// The value as JSON indented by two spaces a level, as
    /// `serde_json::to_string_pretty` writes it, its keys in their order.
    pub fn to_pretty_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    /// Writes the value; `indent` is the current level when pretty.
    fn write(&self, out: &mut String, indent: Option<usize>) {
        let newline = |out: &mut String, level: usize| {
            out.push('\n');
            out.push_str(&"  ".repeat(level));
        };
        match self {
            Node::Null => out.push_str("null"),
            Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Node::Number(n) => out.push_str(n),
            Node::String(s) => json::string_into(out, s),
            Node::Array(items) if items.is_empty() => out.push_str("[]"),
            Node::Object(entries) if entries.is_empty() => out.push_str("{}"),
            Node::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if let Some(level) = indent {
                        newline(out, level + 1);
                    }
                    item.write(out, indent.map(|level| level + 1));
                }
                if let Some(level) = indent {
                    newline(out, level);
                }
                out.push(']');
            }
            Node::Object(entries) => {
                out.push('{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if let Some(level) = indent {
                        newline(out, level + 1);
                    }
                    json::string_into(out, key);
                    out.push_str(if indent.is_some() { ": " } else { ":" });
                    value.write(out, indent.map(|level| level + 1));
                }
                if let Some(level) = indent {
                    newline(out, level);
                }
                out.push('}');
            }
        }
    }
}

/// A field whose value differs between two trees: its path (`amount_fen`,
/// `explanation[4].text`), and each side's value as compact JSON, `None`
/// where that side does not have the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub path: String,
    pub left: Option<String>,
    pub right: Option<String>,
}

/// The fields where `left` and `right` differ, at most `max` of them (in the
/// order of `right`'s keys, then the keys only `left` has), and how many
/// there are in all.
pub fn differences(left: &Node<'_>, right: &Node<'_>, max: usize) -> (Vec<Difference>, usize) {
    let mut found = Found {
        listed: Vec::new(),
        total: 0,
        max,
    };
    walk(&mut String::new(), left, right, &mut found);
    (found.listed, found.total)
}

struct Found {
    listed: Vec<Difference>,
    total: usize,
    max: usize,
}

impl Found {
    fn add(&mut self, path: &str, left: Option<&Node<'_>>, right: Option<&Node<'_>>) {
        self.total += 1;
        if self.listed.len() < self.max {
            self.listed.push(Difference {
                path: path.to_owned(),
                left: left.map(Node::to_json),
                right: right.map(Node::to_json),
            });
        }
    }
}

fn walk(path: &mut String, left: &Node<'_>, right: &Node<'_>, found: &mut Found) {
    let at = path.len();
    match (left, right) {
        (Node::Object(l), Node::Object(r)) => {
            for (key, value) in r {
                push_key(path, key);
                match left.get(key) {
                    Some(other) => walk(path, other, value, found),
                    None => found.add(path, None, Some(value)),
                }
                path.truncate(at);
            }
            for (key, value) in l {
                if right.get(key).is_none() {
                    push_key(path, key);
                    found.add(path, Some(value), None);
                    path.truncate(at);
                }
            }
        }
        (Node::Array(l), Node::Array(r)) => {
            for i in 0..l.len().max(r.len()) {
                let _ = write!(path, "[{i}]");
                match (l.get(i), r.get(i)) {
                    (Some(a), Some(b)) => walk(path, a, b, found),
                    (a, b) => found.add(path, a, b),
                }
                path.truncate(at);
            }
        }
        _ if left != right => found.add(path, Some(left), Some(right)),
        _ => {}
    }
}

/// Appends a key to a path: `.name`, or `["…"]` for a key that is not a
/// plain name.
fn push_key(path: &mut String, key: &str) {
    let plain = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if plain {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
    } else {
        path.push('[');
        json::string_into(path, key);
        path.push(']');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_number_text() {
        let text = r#" {"b":1.50,"a":[true,null,{"k":"\u00e9\"x"}],"c":{},"d":[],"e":-2e3} "#;
        let node = parse(text).unwrap();
        assert_eq!(
            node.to_json(),
            r#"{"b":1.50,"a":[true,null,{"k":"é\"x"}],"c":{},"d":[],"e":-2e3}"#
        );
        assert_eq!(node.get("b"), Some(&Node::Number("1.50")));
        for bad in ["", "{", r#"{"a":1,}"#, "nul", "[1] 2", "\u{feff}{}"] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let nested = |n| "[".repeat(n) + &"]".repeat(n);
        assert!(parse(&nested(MAX_NESTING)).is_ok());
        assert!(
            parse(&nested(MAX_NESTING + 1)).is_err(),
            "nesting is bounded"
        );
        // Far deeper than a stack would take.
        assert!(parse(&nested(1_000_000)).is_err());
    }

    #[test]
    fn pretty_as_serde_json_but_in_order() {
        let text = r#"{"a":[1,{"x":[]}],"b":{},"c":"中"}"#;
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            parse(text).unwrap().to_pretty_json(),
            serde_json::to_string_pretty(&value).unwrap()
        );
        let text = r#"{"z":1,"a":2}"#;
        assert_eq!(
            parse(text).unwrap().to_pretty_json(),
            "{\n  \"z\": 1,\n  \"a\": 2\n}"
        );
    }

    #[test]
    fn differences_name_the_fields() {
        let left = parse(r#"{"id":"a","amount_fen":480001,"explanation":[{"text":"x"},{"text":"y"}],"gone":1,"odd key":1}"#).unwrap();
        let right = parse(r#"{"id":"a","amount_fen":480000,"explanation":[{"text":"x"},{"text":"z"},{"text":"w"}],"new":[],"odd key":2}"#).unwrap();
        let (found, total) = differences(&left, &right, 10);
        let got: Vec<(&str, Option<&str>, Option<&str>)> = found
            .iter()
            .map(|d| (d.path.as_str(), d.left.as_deref(), d.right.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("amount_fen", Some("480001"), Some("480000")),
                ("explanation[1].text", Some(r#""y""#), Some(r#""z""#)),
                ("explanation[2]", None, Some(r#"{"text":"w"}"#)),
                ("new", None, Some("[]")),
                (r#"["odd key"]"#, Some("1"), Some("2")),
                ("gone", Some("1"), None),
            ]
        );
        assert_eq!(total, 6);
        let (listed, total) = differences(&left, &right, 2);
        assert_eq!((listed.len(), total), (2, 6));
        // The same values in another order: no field differs.
        let a = parse(r#"{"a":1,"b":[1,2]}"#).unwrap();
        let b = parse(r#"{"b":[1,2],"a":1}"#).unwrap();
        assert_eq!(differences(&a, &b, 10), (vec![], 0));
        // A whole answer of another kind.
        let (found, _) = differences(&parse("[]").unwrap(), &parse("{}").unwrap(), 10);
        assert_eq!(found[0].path, "");
    }
}
