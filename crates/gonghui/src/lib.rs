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
//! * [The eleven questions](#the-eleven-questions)
//! * [An applicant's request, from JSON to answer](#an-applicants-request-from-json-to-answer)
//! * [The typed API](#the-typed-api)
//! * [What if: overrides](#what-if-overrides)
//! * [Design: the layers](#design-the-layers)
//! * [Promises](#promises)
//!
//! Every rule cites the clause it rests on: `C1`–`C22` number what the article
//! says and `I1`–`I9` how gonghui reads it, in the policy reading
//! (`docs/POLICY.md` in the repository). The JSON every binding speaks is
//! fixed by the contract (`docs/CONTRACT.md`).
//!
//! # The eleven questions
//!
//! | question | clauses | facts and decision |
//! |---|---|---|
//! | `venue_subsidy` | C9, C10, C12; I1, I4, I5 | [`venue`] |
//! | `model_union_award` | C13; I3, I6 | [`model_union`] |
//! | `mutual_aid_subsidy` | C17, C18, C19; I2, I3, I7 | [`mutual_aid`] |
//! | `nomination_share` | C5; I1, I8 | [`nomination`] |
//! | `studio_quota` | C6; I1, I8 | [`studio`] |
//! | `action_progress` | C2, C3, C12, C13, C16, C20; I9 | [`progress`] |
//! | `catalog` | every clause and parameter | [`Catalog`], [`policy`] |
//! | `allocate_awards` | C13; I3, I6 | [`planning::allocation`] |
//! | `compare_policies` | any | [`planning::comparison`] |
//! | `yearly_budget` | C12, C13; I9 | [`planning::budget`] |
//! | `mutual_aid_schedule` | C18, C19; I7 | [`planning::schedule`] |
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
//! # Design: the layers
//!
//! The crate is built in layers, each a folder of `src/`, each importing only
//! those below it (a test of the crate reads every `use crate::` and fails on
//! an arrow upward; `docs/ARCHITECTURE.md` draws them):
//!
//! | layer | holds |
//! |---|---|
//! | `batch` | JSON Lines: one answer line per request line ([`evaluate_lines`]) |
//! | `engine` | the entry: bytes in, answer out, under a [`Policy`] ([`evaluate_json`]) |
//! | `contract` | requests read into a [`Question`], [`Decision`]s written as canonical JSON; the list of questions |
//! | `planning` | questions about populations, built on accumulators ([`planning`]) |
//! | `rules` | one module per measure: facts, decision, explanation ([`venue`], [`mutual_aid`], …) |
//! | `policy` | the policy file: parameters with their clauses, overrides, open points ([`policy`]) |
//! | `read` | JSON read into typed values field by field; the contract's [`Error`]s |
//! | `explain` | the [`Step`]s of an explanation, and where they are written |
//! | `json` | the codec: JSON text read and written, limits ([`limits`]), [`Malformed`] |
//! | `vocab` | codes and exact values: [`Lang`], [`Clause`], [`Year`], [`Fen`], [`Rate`], [`Chain`], … |
//!
//! # Promises
//!
//! * No binary floating point anywhere: money is whole fen, areas and rates
//!   are exact decimals read from the JSON text. (The JSON reader's visitors
//!   name `f64` in one method each, which serde requires them to have, only to
//!   refuse a float: serde_json hands every number over as its text.)
//! * No panic, no I/O, no global mutable state: the published policy is read
//!   once into an immutable value shared by every thread.
//! * The same request gives the same bytes in every binding: the JSON written
//!   here is canonical (fixed key order, no whitespace, UTF-8 unescaped).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::float_arithmetic)]

pub mod batch;
mod contract;
mod engine;
mod explain;
mod json;
pub mod planning;
pub mod policy;
mod read;
mod rules;
mod vocab;

pub use batch::evaluate_lines;
pub use contract::{Catalog, Decision, Question, QuestionKind, Request};
#[cfg(fuzzing)]
#[doc(hidden)]
pub use engine::fuzz_plain_reader_agrees;
pub use engine::{Answer, VERSION, evaluate, evaluate_bytes, evaluate_json};
pub use explain::Step;
pub use json::{Malformed, limits};
pub use policy::{Parameters, Policy};
pub use read::{Error, Expected, Problem, Rejection};
pub use rules::share::{Share, ShareDecision};
// The rule modules (`venue`, `mutual_aid`, …) and the case entry, as they
// are added.
pub use rules::*;
pub use vocab::{
    Area, Chain, Clause, Cluster, Fen, GrassrootsKind, INDUSTRIAL_PARK, KeyIndustries, Lang,
    MAX_SAFE_INTEGER, ParkLevel, Period, Rate, TargetId, Tier, Year, YearSet,
};
