//! Reading the facts of the questions about populations: allocations,
//! comparisons, budgets and schedules.
//!
//! A population is a list of requests of the contract. A request in it that
//! cannot be read does not spoil the others: it is kept as its rejection, and
//! the answer counts and lists it.

use super::read::{self, Fields};
use super::value::Value;
use super::{Request, industries, read_overrides};
use crate::error::{Error, Expected, Rejection};
use crate::model_union::Tier;
use crate::planning::allocation::{AllocationFacts, Application};
use crate::planning::budget::BudgetFacts;
use crate::planning::comparison::{ComparisonFacts, DEFAULT_MAX_CHANGES};
use crate::planning::schedule::ScheduleFacts;

const ALLOCATION_FIELDS: &[&str] = &["applications", "already_awarded"];
const APPLICATION_FIELDS: &[&str] = &["id", "tier", "chains", "clusters"];
const ALREADY_AWARDED_FIELDS: &[&str] = &["six_haves", "six_norms"];
const COMPARISON_FIELDS: &[&str] = &["alternative", "population", "max_changes"];
const BUDGET_FIELDS: &[&str] = &["year", "population"];
const SCHEDULE_FIELDS: &[&str] = &["chains", "clusters", "join_year", "premium_fen"];

/// One application of an allocation, found at `path`.
pub(crate) fn application(value: &Value<'_>, path: String) -> Result<Application, Error> {
    let a = Fields::of(value, path)?;
    a.only(APPLICATION_FIELDS)?;
    Ok(Application {
        id: a.read("id", read::text)?,
        tier: a.read("tier", |v| read::code(v, Expected::Tier, Tier::from_code))?,
        industries: industries(&a)?,
    })
}

pub(super) fn allocation(f: &Fields<'_>) -> Result<AllocationFacts, Error> {
    f.only(ALLOCATION_FIELDS)?;
    let applications = f.read_items("applications", application)?;
    let mut already_awarded = [0; 2];
    if let Some(already) = f.object("already_awarded")? {
        already.only(ALREADY_AWARDED_FIELDS)?;
        for tier in Tier::ALL {
            already_awarded[*tier as usize] = already
                .read_optional(tier.code(), read::count)?
                .unwrap_or(0);
        }
    }
    Ok(AllocationFacts {
        applications,
        already_awarded,
    })
}

fn population(f: &Fields<'_>) -> Result<Vec<Result<Request, Rejection>>, Error> {
    f.read_items("population", |item, _| {
        Ok(Request::from_value(item).and_then(crate::planning::case_only))
    })
}

pub(super) fn comparison(f: &Fields<'_>) -> Result<ComparisonFacts, Error> {
    f.only(COMPARISON_FIELDS)?;
    let alternative = match f.object("alternative")? {
        Some(alternative) => read_overrides(&alternative)?,
        None => {
            return Err(Error::MissingField {
                field: f.path("alternative"),
            });
        }
    };
    Ok(ComparisonFacts {
        alternative,
        population: population(f)?,
        max_changes: f
            .read_optional("max_changes", read::count)?
            .map_or(DEFAULT_MAX_CHANGES, |n| {
                usize::try_from(n).unwrap_or(usize::MAX)
            }),
    })
}

pub(super) fn budget(f: &Fields<'_>) -> Result<BudgetFacts, Error> {
    f.only(BUDGET_FIELDS)?;
    let year = f.read("year", read::year)?;
    let population = match f.optional("population") {
        Some(_) => population(f)?,
        None => Vec::new(),
    };
    Ok(BudgetFacts { year, population })
}

pub(super) fn schedule(f: &Fields<'_>) -> Result<ScheduleFacts, Error> {
    f.only(SCHEDULE_FIELDS)?;
    Ok(ScheduleFacts {
        industries: industries(f)?,
        join_year: f.read("join_year", read::year)?,
        premium: f.read("premium_fen", read::fen)?,
    })
}
