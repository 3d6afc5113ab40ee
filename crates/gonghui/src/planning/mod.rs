//! Planning over populations: what the union decides for a whole year at
//! once rather than one case at a time.
//!
//! * [`allocation`]: which applications get the year's capped model union
//!   awards (C13; I3, I6);
//! * [`comparison`]: what a change of standard does to a population;
//! * [`budget`]: the money the yearly targets imply, and what was committed
//!   against it (C12, C13; I9);
//! * [`schedule`]: the mutual-aid subsidy of every remaining year for an
//!   enterprise that joins, and what a break would cost (C18, C19; I7).
//!
//! Each is a question of the contract, so every binding has it, and each is
//! built on an accumulator that takes one case at a time, so that the command
//! line streams files of any size through the same code.

pub mod allocation;
pub mod budget;
pub mod comparison;
pub mod schedule;

use crate::decision::Decision;
use crate::error::{Error, Expected, Problem, Rejection};
use crate::number::MAX_SAFE_INTEGER;
use crate::policy::Parameters;
use crate::request::Request;

/// A request of a population: one about a single case (a population holds
/// no catalogs and no populations).
pub fn case_only(request: Request) -> Result<Request, Rejection> {
    if request.question.kind().is_case() {
        Ok(request)
    } else {
        Err(Rejection {
            id: request.id,
            lang: request.lang,
            error: Problem::Range {
                expected: Expected::CaseQuestion,
                found: crate::error::quote(request.question.kind().code()),
            }
            .at("question"),
        })
    }
}

/// Reads one line of a population file: a request about a single case.
pub fn population_line(line: &[u8]) -> Result<Request, Rejection> {
    Request::from_bytes(line).and_then(case_only)
}

/// Decides a request of a population under `params`, its own overrides
/// applied last (they hold whatever the policy compared).
pub(crate) fn decide_with(params: &Parameters, request: &Request) -> Result<Decision, Error> {
    if request.overrides.is_empty() {
        return params.decide(&request.question);
    }
    params
        .with(&request.overrides)
        .map_err(|(parameter, problem)| problem.at(format!("overrides.{parameter}")))?
        .decide(&request.question)
}

/// A request of a population that could not be read or decided.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rejected {
    /// Its position in the population, from 1.
    pub rank: usize,
    /// Its id, if it had a readable one.
    pub id: Option<String>,
    /// The error code.
    pub code: &'static str,
    /// The field at fault, within the request.
    pub field: Option<String>,
}

impl Rejected {
    pub(crate) fn new(rank: usize, id: Option<String>, error: &Error) -> Rejected {
        Rejected {
            rank,
            id,
            code: error.code(),
            field: error.field(),
        }
    }
}

/// `total` fen as an amount the contract can carry (at most 2^53 − 1), or
/// an error against `field`.
pub(crate) fn checked_total(total: u128, field: &str) -> Result<u64, Error> {
    u64::try_from(total)
        .ok()
        .filter(|t| *t <= MAX_SAFE_INTEGER)
        .ok_or_else(|| {
            Problem::Range {
                expected: Expected::Fen,
                found: format!("a total of {total} fen"),
            }
            .at(field)
        })
}
