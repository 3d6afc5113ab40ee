//! What is wrong with a text that is not one JSON object gonghui reads: the
//! error of the codec, before any field is looked at.

use std::fmt;

use super::limits::MAX_REQUEST_BYTES;
use super::value::type_name_zh;
use crate::vocab::Lang;

/// What was wrong with a request (or a policy file) that is not a JSON
/// object.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Malformed {
    /// The bytes are not UTF-8.
    NotUtf8 {
        /// How many bytes from the start are valid UTF-8.
        valid_up_to: usize,
    },
    /// Nothing but whitespace.
    Empty,
    /// Larger than [`MAX_REQUEST_BYTES`].
    TooLarge {
        /// The size of the request.
        bytes: usize,
    },
    /// Not valid JSON, or nested deeper than the parser allows.
    NotJson {
        /// Line of the first problem, from 1.
        line: usize,
        /// Column of the first problem, from 1.
        column: usize,
        /// The parser's description (English).
        detail: String,
    },
    /// Valid JSON, but not an object.
    NotAnObject {
        /// What it is instead: `an array`, `a string`, …
        found: &'static str,
    },
}

impl Malformed {
    /// The parser's complaint about text that is not JSON.
    pub(crate) fn from_parser(e: &serde_json::Error) -> Malformed {
        // The position is given apart, so drop it from the description.
        let text = e.to_string();
        let detail = match text.rfind(" at line ") {
            Some(cut) => text[..cut].to_owned(),
            None => text,
        };
        Malformed::NotJson {
            line: e.line(),
            column: e.column(),
            detail,
        }
    }

    /// What was wrong with a request, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.message_about(lang, ("请求", "the request"))
    }

    /// What was wrong with the text named `what` (Chinese, English: `"请求"`,
    /// `"the request"`), in `lang`.
    pub(crate) fn message_about(&self, lang: Lang, what: (&str, &str)) -> String {
        let (zh, en) = what;
        match (self, lang) {
            (Malformed::NotUtf8 { valid_up_to }, Lang::Zh) => {
                format!("{zh}不是UTF-8文本（第 {valid_up_to} 字节之后无效）")
            }
            (Malformed::NotUtf8 { valid_up_to }, Lang::En) => {
                format!("{en} is not UTF-8 text (invalid after byte {valid_up_to})")
            }
            (Malformed::Empty, Lang::Zh) => format!("{zh}为空：应为一个JSON对象"),
            (Malformed::Empty, Lang::En) => format!("{en} is empty: expected a JSON object"),
            (Malformed::TooLarge { bytes }, Lang::Zh) => {
                format!("{zh}过大：{bytes} 字节，上限为 {MAX_REQUEST_BYTES} 字节")
            }
            (Malformed::TooLarge { bytes }, Lang::En) => {
                format!("{en} is too large: {bytes} bytes, the limit is {MAX_REQUEST_BYTES} bytes")
            }
            (
                Malformed::NotJson {
                    line,
                    column,
                    detail,
                },
                Lang::Zh,
            ) => {
                format!("{zh}不是有效的JSON：第 {line} 行第 {column} 列（{detail}）")
            }
            (
                Malformed::NotJson {
                    line,
                    column,
                    detail,
                },
                Lang::En,
            ) => {
                format!("{en} is not valid JSON: line {line}, column {column} ({detail})")
            }
            (Malformed::NotAnObject { found }, Lang::Zh) => {
                format!("{zh}应为JSON对象，收到的是{}", type_name_zh(found))
            }
            (Malformed::NotAnObject { found }, Lang::En) => {
                format!("{en} must be a JSON object, found {found}")
            }
        }
    }
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
