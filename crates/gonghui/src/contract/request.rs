//! Requests: the JSON of the contract read into typed questions, or refused
//! with the error code and the field at fault.
//!
//! Reading goes from the outside in, and the first fault found is the one
//! reported: the size and syntax of the whole request, then `id` and `lang`
//! (so that every later error can echo the id and speak the language), then
//! unknown top-level fields, `question`, `facts` and `overrides`. Within an
//! object, unknown fields are reported before missing ones: a misspelt field
//! is named as the typo it is, not as the field it failed to be.

use super::questions::{Question, QuestionKind};
use crate::json::Malformed;
use crate::json::limits::{self, MAX_REQUEST_BYTES};
use crate::json::value::{Value, parse};
use crate::policy::{Override, read_overrides};
use crate::read::values as read;
use crate::read::{Error, Expected, Fields, Problem, Rejection, quote, shorten};
use crate::rules::CaseRequest;
use crate::vocab::Lang;

/// A request of the contract, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The caller's id, echoed first in the answer.
    pub id: Option<String>,
    /// The language of explanations.
    pub lang: Lang,
    /// The question and its facts.
    pub question: Question,
    /// Parameters replaced for this request only.
    pub overrides: Vec<Override>,
}

const REQUEST_FIELDS: &[&str] = &["id", "question", "lang", "facts", "overrides"];

/// A request refused as a whole, before its `id` could be read.
fn malformed(reason: Malformed) -> Rejection {
    Rejection {
        id: None,
        lang: Lang::default(),
        error: Error::MalformedRequest { reason },
    }
}

impl Request {
    /// Reads a request from its JSON text.
    ///
    /// A leading byte order mark is ignored; anything else that is not one
    /// JSON object is a `malformed_request`.
    pub fn from_json(text: &str) -> Result<Request, Rejection> {
        if text.len() > MAX_REQUEST_BYTES {
            return Err(malformed(Malformed::TooLarge { bytes: text.len() }));
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
            return Err(malformed(Malformed::Empty));
        }
        limits::check_values(text).map_err(malformed)?;
        let value = parse(text).map_err(|e| malformed(Malformed::from_parser(&e)))?;
        Request::from_value(&value)
    }

    /// Reads a request given as bytes: over
    /// [`MAX_REQUEST_BYTES`](crate::limits::MAX_REQUEST_BYTES) or not UTF-8
    /// is a `malformed_request`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Request, Rejection> {
        if bytes.len() > MAX_REQUEST_BYTES {
            return Err(malformed(Malformed::TooLarge { bytes: bytes.len() }));
        }
        let text = std::str::from_utf8(bytes).map_err(|e| {
            malformed(Malformed::NotUtf8 {
                valid_up_to: e.valid_up_to(),
            })
        })?;
        Request::from_json(text)
    }

    /// Reads a request from a parsed JSON value.
    pub(crate) fn from_value(value: &Value<'_>) -> Result<Request, Rejection> {
        let Value::Object(map) = value else {
            return Err(malformed(Malformed::NotAnObject {
                found: value.type_name(),
            }));
        };
        let top = Fields::new(map, "");
        // The id moves into the request or into its rejection, never copied.
        let id = top
            .read_optional("id", read::text)
            .map_err(|error| Rejection {
                id: None,
                lang: Lang::default(),
                error,
            })?;
        let lang =
            match top.read_optional("lang", |v| read::code(v, Expected::Lang, Lang::from_code)) {
                Ok(lang) => lang.unwrap_or_default(),
                Err(error) => {
                    let lang = Lang::default();
                    return Err(Rejection { id, lang, error });
                }
            };
        let (question, overrides) = match read_body(&top) {
            Ok(body) => body,
            Err(error) => return Err(Rejection { id, lang, error }),
        };
        Ok(Request {
            id,
            lang,
            question,
            overrides,
        })
    }
}

/// Reads everything but `id` and `lang`.
fn read_body(top: &Fields<'_>) -> Result<(Question, Vec<Override>), Error> {
    top.only(REQUEST_FIELDS)?;
    let kind = match top.required("question")? {
        Value::String(code) => {
            QuestionKind::from_code(code).ok_or_else(|| Error::UnknownQuestion {
                question: shorten(code),
                known: QuestionKind::CODES,
            })?
        }
        other => {
            return Err(Problem::Type {
                expected: Expected::OneOf(QuestionKind::CODES),
                found: other.type_name(),
            }
            .at("question"));
        }
    };
    let facts = match top.object("facts")? {
        Some(facts) => facts,
        None if kind.facts_optional() => Fields::new(&[], "facts"),
        None => {
            return Err(Error::MissingField {
                field: "facts".into(),
            });
        }
    };
    let overrides = match top.object("overrides")? {
        Some(overrides) => read_overrides(&overrides)?,
        None => Vec::new(),
    };
    Ok((kind.read(&facts, read_case)?, overrides))
}

/// Reads one request of a population: a request of the contract about a
/// single case (a population holds no catalogs and no populations).
fn read_case(value: &Value<'_>) -> Result<CaseRequest, Rejection> {
    Request::from_value(value).and_then(Request::into_case)
}

impl Request {
    /// This request as one about a single case, or the rejection of a
    /// question about the catalog or a population where a population
    /// expects a case.
    pub fn into_case(self) -> Result<CaseRequest, Rejection> {
        let kind = self.question.kind();
        match self.question.into_case() {
            Some(case) => Ok(CaseRequest {
                id: self.id,
                case,
                overrides: self.overrides,
            }),
            None => Err(Rejection {
                id: self.id,
                lang: self.lang,
                error: Problem::Range {
                    expected: Expected::OneOf(QuestionKind::CASE_CODES),
                    found: quote(kind.code()),
                }
                .at("question"),
            }),
        }
    }
}

impl CaseRequest {
    /// Reads one line of a population file: a request about a single case,
    /// or why it cannot be one.
    pub fn from_bytes(line: &[u8]) -> Result<CaseRequest, Rejection> {
        Request::from_bytes(line).and_then(Request::into_case)
    }
}
