//! The contract: the JSON every binding speaks (`docs/CONTRACT.md`). A
//! request read into a typed [`Question`], the one list of the eleven
//! questions and the dispatch made from it, and the answer written from its
//! [`Decision`] as canonical JSON.
//!
//! * [`questions`]: the questions, their facts and decisions;
//! * [`request`]: the envelope of a request (`id`, `lang`, `question`,
//!   `facts`, `overrides`) read in the order that decides which error wins;
//! * [`answer`]: the envelope of an answer (`question`, `policy`, `outcome`,
//!   the question's fields, `open`, `overridden`, `explanation`, `stamp`), and
//!   of an error;
//! * [`catalog`]: the question whose answer is the policy itself.

pub(crate) mod answer;
pub(crate) mod catalog;
pub(crate) mod questions;
pub(crate) mod request;

pub use catalog::Catalog;
pub use questions::{Decision, Question, QuestionKind};
pub use request::Request;
