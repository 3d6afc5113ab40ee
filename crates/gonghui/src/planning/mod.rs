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
//! line streams files of any size through the same code. A population's
//! requests reach the rules through their one entry, the rules' `Case`.

pub mod allocation;
pub mod budget;
pub mod comparison;
pub mod schedule;

use crate::json::write::{Json, key};
use crate::policy::Parameters;
use crate::read::{Error, Expected, Fields, Problem, Rejection};
use crate::rules::{CaseDecision, CaseRequest, ReadCase};
use crate::vocab::{Fen, MAX_SAFE_INTEGER};

/// Decides a request of a population under `params`, its own overrides
/// applied last (they hold whatever the policy compared).
pub(crate) fn decide_with(
    params: &Parameters,
    request: &CaseRequest,
) -> Result<CaseDecision, Error> {
    if request.overrides.is_empty() {
        return request.case.decide(params);
    }
    request.case.decide(
        &params
            .with(&request.overrides)
            .map_err(|e| e.at("overrides"))?,
    )
}

/// Reads the requests of a population, a required array field `name`: each
/// request as the contract reads one, or why it could not be read.
pub(crate) fn read_population(
    f: &Fields<'_>,
    name: &str,
    read_case: ReadCase,
) -> Result<Vec<Result<CaseRequest, Rejection>>, Error> {
    f.read_items(name, |item, _| Ok(read_case(item)))
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

/// A total in fen as an amount: the planning decisions refuse totals beyond
/// 2^53 − 1 before they are written, so this never saturates in an answer.
pub(crate) fn total(fen: u128) -> Fen {
    u64::try_from(fen)
        .ok()
        .and_then(Fen::new)
        .unwrap_or(Fen::MAX)
}

/// `after − before` in fen, both at most 2^53 − 1, so it fits.
pub(crate) fn difference(before: Fen, after: Fen) -> i64 {
    let (b, a) = (
        i64::try_from(before.get()).unwrap_or(i64::MAX),
        i64::try_from(after.get()).unwrap_or(i64::MAX),
    );
    a - b
}

/// Writes the `rejections` list of a population's answer.
pub(crate) fn write_rejections(j: &mut Json, rejected: &[Rejected]) {
    j.begin_array();
    for r in rejected {
        j.item();
        j.begin();
        j.key(key!("rank"));
        j.u64(r.rank as u64);
        j.key(key!("id"));
        j.opt_str(r.id.as_deref());
        j.key(key!("code"));
        j.str(r.code);
        j.key(key!("field"));
        j.opt_str(r.field.as_deref());
        j.end();
    }
    j.end_array();
}
