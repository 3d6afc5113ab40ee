//! gonghui (工会, "trade union") turns the Jiangxi Federation of Trade Unions'
//! 2023 special action "助力'1269'建功新时代" into code that every system of a
//! trade union can embed and trust: the subsidies it pays, the shares it
//! requires and the targets it counts, decided exactly and explained clause by
//! clause.
//!
//! gonghui 把江西省总工会“助力‘1269’建功新时代”专项行动的补助、占比和目标
//! 写成可嵌入的代码：金额精确到分，每一步都注明所依据的条款。
//!
//! # Contents
//!
//! * [An applicant's request, from JSON to answer](#an-applicants-request-from-json-to-answer)
//! * [The typed API](#the-typed-api)
//! * [What if: overrides](#what-if-overrides)
//! * [Promises](#promises)
//!
//! Every rule cites the clause it rests on: `C1`–`C22` number what the article
//! says and `I1`–`I9` how gonghui reads it, in `shared/POLICY.md`. The JSON
//! every binding speaks is fixed by `shared/CONTRACT.md`.
//!
//! | question | clauses | module |
//! |---|---|---|
//! | `venue_subsidy` | C9, C10, C12; I1, I4, I5 | [`venue`] |
//! | `model_union_award` | C13; I3, I6 | [`model_union`] |
//! | `mutual_aid_subsidy` | C17, C18, C19; I2, I3, I7 | [`mutual_aid`] |
//! | `nomination_share` | C5; I1, I8 | [`nomination`] |
//! | `studio_quota` | C6; I1, I8 | [`studio`] |
//! | `action_progress` | C2, C3, C12, C13, C16, C20; I9 | [`progress`] |
//! | `catalog` | every clause and parameter | [`policy`] |
//!
//! # An applicant's request, from JSON to answer
//!
//! A steel company joined the mutual-aid plan in 2023 and stayed in it. Its
//! union clerk asks what the subsidy on its 12,000-yuan premium for 2025 is:
//!
//! ```
//! let answer = gonghui::evaluate_json(r#"{
//!     "id": "app-0042", "question": "mutual_aid_subsidy", "lang": "en",
//!     "facts": {"chains": ["steel"], "enrolled_years": [2023, 2024, 2025],
//!               "year": 2025, "premium_fen": 1200000}
//! }"#);
//! assert!(answer.starts_with(concat!(
//!     r#"{"id":"app-0042","question":"mutual_aid_subsidy","policy":"jiangxi-1269","#,
//!     r#""outcome":"eligible","rate_percent":40,"amount_fen":480000,"amount_yuan":"4800.00","#,
//! )));
//! ```
//!
//! On the way, [`Request::from_json`] reads the JSON: it refuses anything the
//! contract does not allow (an unknown chain, a premium of −1 or 0.5 fen, a
//! misspelt field) with an error code and the field at fault. The question is
//! then decided under the [published parameters](Policy::parameters):
//! [`mutual_aid::decide`] checks that the enterprise is in a chain or cluster
//! (I3), that 2025 is in the subsidy period, that it was not in the plan before
//! 2023 and that it has no break since (I7), and applies the 2025 rate, 40%
//! (C18), to the premium once, rounding half up to the fen (I2). The answer
//! lists each of those steps with its clause and the values compared, in
//! Chinese unless `"lang": "en"`, what the policy leaves open (here, the plan's
//! premium, which the request supplies), and a stamp to replay it.
//!
//! A request the contract refuses gets an error answer instead, never a panic:
//!
//! ```
//! let answer = gonghui::evaluate_json(r#"{"question":"mutual_aid_subsidy","facts":{
//!     "chains":["stel"],"enrolled_years":[2025],"year":2025,"premium_fen":100}}"#);
//! assert!(answer.starts_with(
//!     r#"{"error":{"code":"invalid_value","field":"facts.chains[0]","#
//! ));
//! ```
//!
//! # The typed API
//!
//! Rust services can skip JSON: build the facts, decide, and read the typed
//! decision. Decisions hold numbers only; explanation texts are written when
//! asked for.
//!
//! ```
//! use gonghui::{Chain, Fen, KeyIndustries, Policy, Year, YearSet};
//! use gonghui::mutual_aid::{self, MutualAidFacts};
//!
//! let params = Policy::published().parameters();
//! let y = |n| Year::new(n).unwrap();
//! let facts = MutualAidFacts {
//!     industries: KeyIndustries::new([Chain::Steel], []),
//!     enrolled_years: YearSet::new([y(2023), y(2024), y(2025)]),
//!     year: y(2025),
//!     premium: Fen::new(1_200_000).unwrap(),
//! };
//! let decision = mutual_aid::decide(params, &facts);
//! assert!(decision.eligible());
//! assert_eq!(decision.amount(), Fen::new(480_000).unwrap());
//! for step in decision.explain(gonghui::Lang::En) {
//!     println!("{} ({}): {}", step.rule, step.clause, step.text);
//! }
//! ```
//!
//! # What if: overrides
//!
//! Every number the rules use is a [parameter](policy::ParamId) of the
//! embedded policy file, with its clause and source words. A request may
//! replace any of them for itself (`"overrides": {"venue.park.amount_fen":
//! 15000000}` asks what the pre-revision standard would pay); the answer lists
//! what was overridden, and its stamp carries the digest of the parameters
//! actually used.
//!
//! # Promises
//!
//! * No binary floating point anywhere: money is whole fen, areas and rates
//!   are exact decimals read from the JSON text.
//! * No panic, no I/O, no global mutable state: the published policy is read
//!   once into an immutable value shared by every thread.
//! * The same request gives the same bytes in every binding: the JSON written
//!   here is canonical (fixed key order, no whitespace, UTF-8 unescaped).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::float_arithmetic)]

mod answer;
pub mod batch;
mod calendar;
mod clause;
mod decision;
mod error;
mod explain;
mod industry;
mod json;
pub mod limits;
pub mod model_union;
mod money;
pub mod mutual_aid;
pub mod nomination;
mod number;
pub mod planning;
pub mod policy;
pub mod progress;
mod request;
mod share;
pub mod studio;
pub mod venue;

pub use batch::evaluate_lines;
pub use calendar::{Run, Year, YearSet};
pub use clause::Clause;
pub use decision::{Decision, Outcome};
pub use error::{Error, Expected, Malformed, Problem, Rejection};
pub use explain::{Lang, Step};
pub use industry::{Chain, Cluster, KeyIndustries};
pub use money::{Fen, Rate, percent_one_decimal};
pub use number::MAX_SAFE_INTEGER;
pub use policy::{Parameters, Policy};
pub use request::{Question, QuestionKind, Request};
pub use share::{Share, ShareDecision};

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
    /// [`limits::MAX_REQUEST_BYTES`]: a reader that skips such a request
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
                Err((parameter, problem)) => {
                    return rejected(&refuse(problem.at(format!("overrides.{parameter}"))), out);
                }
            }
        };
        let decision = match params.decide(&request.question) {
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
    request::value::plain_agrees(text)
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
