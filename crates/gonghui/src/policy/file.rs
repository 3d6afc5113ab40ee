//! The shape of the policy file, and the checks that turn it into a [`Policy`].

use serde::Deserialize;
use serde_json::Value;

use super::{
    ClauseText, History, OpenText, OpenTopic, ParamId, ParamInfo, ParamValue, Parameters, Policy,
    PolicyError, Text, Unit, YearlyRates,
};
use crate::Clause;
use crate::calendar::Year;
use crate::money::Rate;
use crate::progress::TargetId;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    policy: String,
    title: TextFile,
    source: TextFile,
    clauses: Vec<ClauseFile>,
    parameters: Vec<ParamFile>,
    open: Vec<OpenFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextFile {
    zh: String,
    en: String,
}

impl From<TextFile> for Text {
    fn from(t: TextFile) -> Text {
        Text { zh: t.zh, en: t.en }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClauseFile {
    id: String,
    line: Option<String>,
    zh: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParamFile {
    id: String,
    unit: String,
    clause: String,
    reading: Option<String>,
    zh: String,
    en: String,
    /// A fixed value (`null`: not set by the published policy).
    #[serde(default)]
    value: Value,
    /// A value the action revised (C9, C10).
    revision: Option<RevisionFile>,
    /// A value for each year (C18).
    by_year: Option<Vec<YearSpanFile>>,
    /// For a value the article leaves unset: the open topic saying so.
    open: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RevisionFile {
    before: Value,
    after: Value,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearSpanFile {
    from: u16,
    to: u16,
    value: Value,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OpenFile {
    topic: String,
    clause: String,
    zh: String,
    en: String,
}

fn clause(at: &str, id: &str) -> Result<Clause, PolicyError> {
    Clause::from_id(id).ok_or_else(|| PolicyError::UnknownClause {
        at: at.to_owned(),
        clause: id.to_owned(),
    })
}

/// Puts `items` in the order of `all`, requiring each exactly once.
fn exactly_once<K: Copy + PartialEq, T>(
    all: &[K],
    items: Vec<(K, T)>,
    missing: impl Fn(K) -> PolicyError,
) -> Result<Vec<T>, PolicyError> {
    let mut slots: Vec<Option<T>> = all.iter().map(|_| None).collect();
    for (key, item) in items {
        let Some(i) = all.iter().position(|k| *k == key) else {
            return Err(missing(key));
        };
        if slots[i].replace(item).is_some() {
            return Err(missing(key));
        }
    }
    all.iter()
        .zip(slots)
        .map(|(key, slot)| slot.ok_or_else(|| missing(*key)))
        .collect()
}

pub(super) fn load(json: &str) -> Result<Policy, PolicyError> {
    let file: File = serde_json::from_str(json).map_err(|e| PolicyError::Shape(e.to_string()))?;

    let clauses = file
        .clauses
        .into_iter()
        .map(|c| {
            let id = clause("clauses", &c.id)?;
            let text = ClauseText {
                clause: id,
                line: c.line,
                text: Text { zh: c.zh, en: c.en },
            };
            Ok((id, text))
        })
        .collect::<Result<Vec<_>, PolicyError>>()?;
    let clauses = exactly_once(Clause::ALL, clauses, PolicyError::ClauseCount)?;

    let open = file
        .open
        .into_iter()
        .map(|o| {
            let topic = OpenTopic::from_code(&o.topic)
                .ok_or_else(|| PolicyError::OpenTopic(o.topic.clone()))?;
            let text = OpenText::new(
                topic,
                clause(&o.topic, &o.clause)?,
                Text { zh: o.zh, en: o.en },
            );
            Ok((topic, text))
        })
        .collect::<Result<Vec<_>, PolicyError>>()?;
    let open = exactly_once(OpenTopic::ALL, open, |t| {
        PolicyError::OpenTopic(t.code().to_owned())
    })?;

    let parameters = file
        .parameters
        .into_iter()
        .map(|p| {
            let id = ParamId::from_id(&p.id)
                .ok_or_else(|| PolicyError::UnknownParameter(p.id.clone()))?;
            Ok((id, read_parameter(id, p)?))
        })
        .collect::<Result<Vec<_>, PolicyError>>()?;
    let parameters = exactly_once(ParamId::ALL, parameters, PolicyError::ParameterCount)?;
    let (infos, values): (Vec<ParamInfo>, Vec<ParamValue>) = parameters.into_iter().unzip();
    let published =
        Parameters::from_values(|id| values.get(id as usize).cloned()).map_err(|parameter| {
            PolicyError::Timeline {
                parameter,
                detail: "the value has the wrong shape for this parameter",
            }
        })?;

    for target in TargetId::ALL {
        let info = &infos[target.parameter() as usize];
        if info.clause != target.clause() {
            return Err(PolicyError::TargetClause {
                target: *target,
                rule: target.clause(),
                parameter: info.clause,
            });
        }
    }

    Ok(Policy {
        id: file.policy,
        title: file.title.into(),
        source: file.source.into(),
        clauses,
        parameters: infos,
        open,
        published,
    })
}

/// Checks one parameter of the file and reads its value in force.
fn read_parameter(id: ParamId, p: ParamFile) -> Result<(ParamInfo, ParamValue), PolicyError> {
    let unit = Unit::from_code(&p.unit)
        .filter(|u| *u == id.unit())
        .ok_or_else(|| PolicyError::Unit {
            parameter: id,
            expected: id.unit().code(),
            found: p.unit.clone(),
        })?;
    let value_of = |json: &Value| {
        ParamValue::from_json(unit, json).map_err(|problem| PolicyError::Value {
            parameter: id,
            problem,
        })
    };
    let timeline = |detail| PolicyError::Timeline {
        parameter: id,
        detail,
    };
    let yearly = id == ParamId::MutualAidRates;
    let fixed_value_unused = |history| {
        if p.value.is_null() {
            Ok(history)
        } else {
            Err(timeline("a revised or yearly value has no separate value"))
        }
    };
    let (history, value) = match (p.revision, p.by_year, yearly) {
        (Some(_), Some(_), _) => {
            return Err(timeline("a value is either revised or by year, not both"));
        }
        (_, None, true) => {
            return Err(timeline(
                "this parameter takes a value for each year (by_year)",
            ));
        }
        (_, Some(_), false) => {
            return Err(timeline("only the mutual-aid rate takes a value by year"));
        }
        (Some(revision), None, false) => {
            let before = value_of(&revision.before)?;
            let after = value_of(&revision.after)?;
            (fixed_value_unused(History::Revised { before })?, after)
        }
        (None, Some(spans), true) => {
            let rates = read_years(
                &spans,
                |v| match value_of(v)? {
                    ParamValue::Rate(rate) => Ok(rate),
                    _ => Err(timeline("a yearly value must be a percentage")),
                },
                timeline,
            )?;
            (
                fixed_value_unused(History::ByYear)?,
                ParamValue::YearlyRates(rates),
            )
        }
        (None, None, false) => (History::Fixed, value_of(&p.value)?),
    };
    let open = p
        .open
        .as_deref()
        .map(|t| OpenTopic::from_code(t).ok_or_else(|| PolicyError::OpenTopic(t.to_owned())))
        .transpose()?;
    if open.is_some() != (value == ParamValue::Fen(None)) {
        return Err(timeline(
            "a value is null exactly when it is open, and names its open topic",
        ));
    }
    let info = ParamInfo {
        id,
        clause: clause(id.id(), &p.clause)?,
        reading: p
            .reading
            .as_deref()
            .map(|r| clause(id.id(), r))
            .transpose()?,
        text: Text { zh: p.zh, en: p.en },
        history,
    };
    Ok((info, value))
}

/// Reads spans of years into one contiguous run of yearly rates.
fn read_years(
    spans: &[YearSpanFile],
    mut rate_of: impl FnMut(&Value) -> Result<Rate, PolicyError>,
    timeline: impl Fn(&'static str) -> PolicyError,
) -> Result<YearlyRates, PolicyError> {
    let first = spans
        .first()
        .and_then(|s| Year::new(s.from))
        .ok_or_else(|| timeline("a value by year needs at least one valid year"))?;
    let mut rates = Vec::new();
    let mut next = first.get();
    for span in spans {
        if span.from != next {
            return Err(timeline(if span.from < next {
                "the years overlap"
            } else {
                "the years have a gap"
            }));
        }
        if span.to < span.from || Year::new(span.to).is_none() {
            return Err(timeline(
                "a span of years must run forward within 1 to 9999",
            ));
        }
        let rate = rate_of(&span.value)?;
        rates.extend((span.from..=span.to).map(|_| rate));
        next = span.to.saturating_add(1);
    }
    YearlyRates::new(first, rates).ok_or_else(|| timeline("the years must lie within 1 to 9999"))
}
