//! Overrides: parameters replaced for one request ("what if"), as a request's
//! `overrides` or a comparison's `alternative` writes them, and applied to a
//! set of parameters.

use std::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{ParamId, ParamValue, Parameters};
use crate::json::Malformed;
use crate::json::value::{Value, parse};
use crate::json::write::Json;
use crate::read::values;
use crate::read::{Error, Expected, Fields, Problem, quote, shorten};
use crate::vocab::{Rate, Year};

/// One parameter replaced for one request ("what if").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Override {
    /// The parameter replaced.
    pub parameter: ParamId,
    /// What replaces it.
    pub value: OverrideValue,
}

/// What an override puts in place of a published value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum OverrideValue {
    /// A whole new value; for the yearly mutual-aid rate, a single
    /// [`ParamValue::Rate`] applies to every year of the period.
    Value(ParamValue),
    /// For the yearly mutual-aid rate: new rates for some years, within the
    /// period or extending it by a year at either end.
    Years(Vec<(Year, Rate)>),
}

impl Serialize for OverrideValue {
    /// As the request wrote it: a value, or an object of year → percentage.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            OverrideValue::Value(value) => value.serialize(serializer),
            OverrideValue::Years(years) => {
                let mut map = serializer.serialize_map(Some(years.len()))?;
                for (year, rate) in years {
                    map.serialize_entry(&year.get().to_string(), rate)?;
                }
                map.end()
            }
        }
    }
}

impl fmt::Display for OverrideValue {
    /// The value as compact JSON, as the request wrote it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut json = Json::with_capacity(16);
        match self {
            OverrideValue::Value(value) => value.write_json(&mut json),
            OverrideValue::Years(years) => json.year_rates(years.iter().copied()),
        }
        f.write_str(&json.finish())
    }
}

/// An override that cannot apply: a value of the wrong kind for its
/// parameter, or yearly rates that would leave a gap in the period.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{parameter}: {}", problem.message(crate::vocab::Lang::En))]
pub struct OverrideError {
    /// The parameter overridden.
    pub parameter: ParamId,
    /// What is wrong with its value.
    pub problem: Problem,
}

impl OverrideError {
    /// The contract's error for this override, written under `object`
    /// (`overrides`, `facts.alternative`): `invalid_value` at
    /// `overrides.mutual_aid.rate_percent`.
    pub fn at(self, object: &str) -> Error {
        self.problem.at(format!("{object}.{}", self.parameter))
    }
}

impl Parameters {
    /// These parameters with `overrides` applied, in order.
    ///
    /// Fails on a value of the wrong kind for its parameter, or yearly rates
    /// that would leave a gap in the period; the error names the parameter.
    pub fn with(&self, overrides: &[Override]) -> Result<Parameters, OverrideError> {
        let mut next = self.clone();
        for o in overrides {
            next.remember_published(o.parameter);
            let current = next.get(o.parameter);
            let fail = |problem| OverrideError {
                parameter: o.parameter,
                problem,
            };
            let value = match (&o.value, current) {
                (OverrideValue::Value(ParamValue::Rate(rate)), ParamValue::YearlyRates(rates)) => {
                    ParamValue::YearlyRates(rates.every_year(*rate))
                }
                (OverrideValue::Years(years), ParamValue::YearlyRates(mut rates)) => {
                    for (year, rate) in years {
                        rates = rates.with(*year, *rate).map_err(fail)?;
                    }
                    ParamValue::YearlyRates(rates)
                }
                (OverrideValue::Value(value), _) => value.clone(),
                (OverrideValue::Years(_), current) => {
                    return Err(fail(Problem::Type {
                        expected: current.expected(),
                        found: "an object",
                    }));
                }
            };
            let found = match value {
                ParamValue::Fen(None) => "null",
                _ => "another kind of value",
            };
            if !next.set(o.parameter, value) {
                let expected = next.get(o.parameter).expected();
                return Err(fail(Problem::Type { expected, found }));
            }
        }
        next.seal();
        Ok(next)
    }
}

/// Reads a JSON object of parameter id → value, as a request's `overrides`
/// writes it, on its own: the command line's `--alternative`. Errors name
/// the parameter under `path`.
pub fn overrides_from_json(text: &str, path: &'static str) -> Result<Vec<Override>, Error> {
    let value = parse(text).map_err(|e| Error::MalformedRequest {
        reason: Malformed::from_parser(&e),
    })?;
    read_overrides(&Fields::of(&value, path)?)
}

/// Reads an object of parameter id → value: a request's `overrides`, or a
/// comparison's `alternative`. They are taken in the order of their ids, so
/// that the answer does not depend on the order they are written in.
pub(crate) fn read_overrides(overrides: &Fields<'_>) -> Result<Vec<Override>, Error> {
    overrides.unique()?;
    // The names sorted as `unique` sorts keys (one sort in the WebAssembly
    // module), each then found: a name is known once, as `unique` checked,
    // and an unknown one ends the reading.
    let mut names: Vec<&str> = overrides.entries().map(|(name, _)| name).collect();
    names.sort_unstable();
    names
        .into_iter()
        .map(|name| {
            let value = overrides
                .entries()
                .find_map(|(key, value)| (key == name).then_some(value))
                .unwrap_or(&Value::Null);
            let parameter = ParamId::from_id(name).ok_or_else(|| Error::UnknownParameter {
                field: overrides.path(&shorten(name)),
                parameter: shorten(name),
            })?;
            override_value(parameter, value)
                .map(|value| Override { parameter, value })
                .map_err(|p| p.at(overrides.path(name)))
        })
        .collect()
}

/// An override's value: of the parameter's unit, and for the yearly rate also
/// an object of year → percentage.
fn override_value(parameter: ParamId, json: &Value<'_>) -> Result<OverrideValue, Problem> {
    match (parameter, json) {
        (ParamId::MutualAidRates, Value::Object(years)) => {
            let rates = years
                .iter()
                .map(|(key, rate)| {
                    let year = (!key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()))
                        .then(|| key.parse::<u16>().ok())
                        .flatten()
                        .and_then(Year::new)
                        .ok_or_else(|| Problem::Range {
                            expected: Expected::Year,
                            found: quote(key),
                        })?;
                    Ok((year, values::rate(rate)?))
                })
                .collect::<Result<Vec<_>, Problem>>()?;
            // In year order, whatever the order written: the period then
            // grows from its ends, never past a gap it would fill later.
            // Put in a table by year (years run 1 to 9999), which finds a
            // year given twice too, rather than sorted: the WebAssembly
            // module carries one sort less.
            let first = rates.iter().map(|(year, _)| year.get()).min().unwrap_or(1);
            let last = rates.iter().map(|(year, _)| year.get()).max().unwrap_or(0);
            let mut by_year = vec![None; usize::from(last.saturating_sub(first)) + 1];
            for (year, rate) in &rates {
                let slot = &mut by_year[usize::from(year.get() - first)];
                if slot.replace((*year, *rate)).is_some() {
                    return Err(Problem::Repeated);
                }
            }
            Ok(OverrideValue::Years(
                by_year.into_iter().flatten().collect(),
            ))
        }
        (ParamId::MutualAidRates, _) => values::rate(json)
            .map(|r| OverrideValue::Value(ParamValue::Rate(r)))
            .map_err(|p| p.expecting(Expected::YearlyPercent)),
        _ => ParamValue::from_json(parameter.unit(), json).map(OverrideValue::Value),
    }
}
