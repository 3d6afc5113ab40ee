//! The engine: a request's bytes in, its answer's bytes out, under a
//! policy. The entry every binding calls ([`evaluate_json`], [`Policy::evaluate`]):
//! read the request (the contract), apply its overrides (the policy),
//! decide (the rules and planning) and write the answer (the contract).

use crate::contract::answer;
use crate::contract::{Decision, Request};
use crate::json::Malformed;
use crate::policy::Policy;
use crate::read::{Error, Rejection};
use crate::vocab::Lang;

/// The engine version, named in every decision's stamp (`"engine": "gonghui 0.1.0"`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One answer of the contract: the JSON text of a decision or of an error.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Answer {
    json: String,
    error: Option<&'static str>,
}

impl Answer {
    /// The answer a binding gives when gonghui itself failed (a panic caught
    /// at its boundary), which no input should ever cause: code
    /// `internal_error`, beyond the contract's codes because it is a bug.
    pub const INTERNAL_ERROR: &'static str = concat!(
        r#"{"error":{"code":"internal_error","field":null,"#,
        r#""message":"内部错误：gonghui 未能计算答复，这是一个缺陷，请报告。"#,
        r#"Internal error: gonghui computed no answer; this is a bug, please report it."}}"#
    );

    /// The answer to a request of `bytes` bytes that is over
    /// [`MAX_REQUEST_BYTES`](crate::json::limits::MAX_REQUEST_BYTES): a reader that skips such a request
    /// without holding it in memory still answers it.
    pub fn too_large(bytes: usize) -> Answer {
        let rejection = Rejection {
            id: None,
            lang: Lang::default(),
            error: Error::MalformedRequest {
                reason: Malformed::TooLarge { bytes },
            },
        };
        let (json, error) = rejected(&rejection, String::new());
        Answer { json, error }
    }

    /// The JSON text, without a trailing newline.
    pub fn as_str(&self) -> &str {
        &self.json
    }

    /// The JSON text, without a trailing newline.
    pub fn into_string(self) -> String {
        self.json
    }

    /// The error code, when the answer is an error object.
    pub fn error_code(&self) -> Option<&'static str> {
        self.error
    }

    /// Whether the answer is a decision (not an error object).
    pub fn is_decision(&self) -> bool {
        self.error.is_none()
    }
}

/// An answer written after what `out` holds, with its error code if any.
type Written = (String, Option<&'static str>);

/// Writes the error answer of `rejection` after `out`.
fn rejected(rejection: &Rejection, out: String) -> Written {
    (
        answer::write_rejection(rejection, out),
        Some(rejection.error.code()),
    )
}

impl Policy {
    /// Answers one request, given as bytes, under this policy: a decision, or
    /// an error object (bytes that are not UTF-8 are a `malformed_request`).
    pub fn evaluate(&self, request: &[u8]) -> Answer {
        let (json, error) = self.write_evaluation(request, fresh());
        Answer { json, error }
    }

    /// Answers one request like [`evaluate`](Policy::evaluate), appending
    /// the answer to `out` rather than returning a new string: a batch
    /// writes all its answers into one. Returns whether it was a decision.
    pub fn evaluate_appending(&self, request: &[u8], out: &mut String) -> bool {
        let (json, error) = self.write_evaluation(request, std::mem::take(out));
        *out = json;
        error.is_none()
    }

    fn write_evaluation(&self, request: &[u8], out: String) -> Written {
        match Request::from_bytes(request) {
            Ok(request) => self.write_answer(&request, out),
            Err(rejection) => rejected(&rejection, out),
        }
    }

    /// Answers one JSON request under this policy: a decision, or an error
    /// object.
    pub fn evaluate_json(&self, request: &str) -> String {
        self.evaluate(request.as_bytes()).into_string()
    }

    /// Answers a request already read: applies its overrides, decides, and
    /// writes the answer (or the error of an override that cannot apply).
    pub fn answer(&self, request: &Request) -> Answer {
        let (json, error) = self.write_answer(request, fresh());
        Answer { json, error }
    }

    fn write_answer(&self, request: &Request, out: String) -> Written {
        let refuse = |error| Rejection {
            id: request.id.clone(),
            lang: request.lang,
            error,
        };
        let overridden;
        let params = if request.overrides.is_empty() {
            self.parameters()
        } else {
            match self.parameters().with(&request.overrides) {
                Ok(p) => {
                    overridden = p;
                    &overridden
                }
                Err(e) => return rejected(&refuse(e.at("overrides")), out),
            }
        };
        let decision = match request.question.decide(params) {
            Ok(decision) => decision,
            Err(error) => return rejected(&refuse(error), out),
        };
        let answer = answer::DecisionAnswer {
            id: request.id.as_deref(),
            lang: request.lang,
            policy: self,
            params,
            overrides: &request.overrides,
            decision: &decision,
        };
        (answer.write(out), None)
    }

    /// The answer to a decision made under the published parameters outside
    /// [`answer`](Policy::answer): the command line streams a population
    /// through the planning accumulators and writes their decision here, so
    /// that it reads exactly as the contract's question would.
    pub fn decision_answer(&self, decision: &Decision, lang: Lang) -> Answer {
        let answer = answer::DecisionAnswer {
            id: None,
            lang,
            policy: self,
            params: self.parameters(),
            overrides: &[],
            decision,
        };
        Answer {
            json: answer.write(fresh()),
            error: None,
        }
    }
}

/// A string with room for a typical answer.
fn fresh() -> String {
    String::with_capacity(answer::ANSWER_CAPACITY)
}

/// For the fuzzer only (`cargo fuzz` builds with `--cfg fuzzing`): whether
/// the one-pass reader of plain JSON reads `text` as serde_json does, or
/// leaves it to serde_json. Not part of the API.
#[cfg(fuzzing)]
#[doc(hidden)]
pub fn fuzz_plain_reader_agrees(text: &str) -> bool {
    crate::json::value::plain_agrees(text)
}

/// Answers one JSON request with one JSON object, a decision or an error,
/// under the published policy. The text has no trailing newline.
///
/// This is the contract's entry point, and what every binding calls.
pub fn evaluate_json(request: &str) -> String {
    Policy::published().evaluate_json(request)
}

/// Answers one request given as bytes: bytes that are not UTF-8 get a
/// `malformed_request` error answer, like any other broken request.
pub fn evaluate_bytes(request: &[u8]) -> String {
    evaluate(request).into_string()
}

/// Answers one request given as bytes, telling a decision from an error
/// without reading the JSON again.
pub fn evaluate(request: &[u8]) -> Answer {
    Policy::published().evaluate(request)
}
