//! The shape of the policy file, and the checks that turn it into a [`Policy`].

use super::{
    ClauseText, History, OpenText, OpenTopic, ParamId, ParamInfo, ParamValue, Parameters, Policy,
    PolicyError, Reported, Text, Unit, YearlyRates,
};
use crate::json::value::{Value, parse};
use crate::read::values as read;
use crate::read::{Error, Fields};
use crate::vocab::{Clause, Rate, TargetId, Year};

/// The policy file as written, before its checks.
///
/// It is read with the same readers as requests (its values mean what they
/// mean in a request or an override), not with serde's derived readers,
/// which would carry float formatting and their own error texts into every
/// build, the WASM module's among them.
struct File<'a> {
    policy: String,
    title: Text,
    source: Text,
    clauses: Vec<ClauseFile>,
    parameters: Vec<ParamFile<'a>>,
    reported: Vec<ReportedFile>,
    open: Vec<OpenFile>,
}

struct ReportedFile {
    target: String,
    year: Year,
    achieved: u64,
    at_least: bool,
    clause: String,
    text: Text,
}

struct ClauseFile {
    id: String,
    line: Option<String>,
    text: Text,
}

struct ParamFile<'a> {
    id: String,
    unit: String,
    clause: String,
    reading: Option<String>,
    text: Text,
    /// A fixed value (`null` or absent: not set by the published policy).
    value: &'a Value<'a>,
    /// A value the action revised (C9, C10): before and after.
    revision: Option<(&'a Value<'a>, &'a Value<'a>)>,
    /// A value for each year (C18).
    by_year: Option<Vec<YearSpanFile<'a>>>,
    /// For a value the article leaves unset: the open topic saying so.
    open: Option<String>,
}

struct YearSpanFile<'a> {
    from: Year,
    to: Year,
    value: &'a Value<'a>,
}

struct OpenFile {
    topic: String,
    clause: String,
    text: Text,
}

/// The value of a field left out.
static NULL: Value<'static> = Value::Null;

/// A `{"zh": …, "en": …}` text.
fn text(f: &Fields<'_>) -> Result<Text, Error> {
    Ok(Text {
        zh: f.read("zh", read::text)?,
        en: f.read("en", read::text)?,
    })
}

impl<'a> File<'a> {
    fn read(value: &'a Value<'a>) -> Result<File<'a>, Error> {
        let f = Fields::of(value, String::new())?;
        f.only(&[
            "policy",
            "title",
            "source",
            "clauses",
            "parameters",
            "reported",
            "open",
        ])?;
        let nested = |name: &str| -> Result<Text, Error> {
            let t = Fields::of(f.required(name)?, f.path(name))?;
            t.only(&["zh", "en"])?;
            text(&t)
        };
        Ok(File {
            policy: f.read("policy", read::text)?,
            title: nested("title")?,
            source: nested("source")?,
            clauses: f.read_items("clauses", |item, path| {
                let c = Fields::of(item, path)?;
                c.only(&["id", "line", "zh", "en"])?;
                Ok(ClauseFile {
                    id: c.read("id", read::text)?,
                    line: c.read_optional("line", read::text)?,
                    text: text(&c)?,
                })
            })?,
            parameters: f.read_items("parameters", |item, path| {
                let p = Fields::of(item, path)?;
                p.only(&[
                    "id", "unit", "clause", "reading", "zh", "en", "value", "revision", "by_year",
                    "open",
                ])?;
                let revision = match p.object("revision")? {
                    None => None,
                    Some(r) => {
                        r.only(&["before", "after"])?;
                        Some((r.required("before")?, r.required("after")?))
                    }
                };
                let by_year = match p.optional("by_year") {
                    None => None,
                    Some(_) => Some(p.read_items("by_year", |span, path| {
                        let y = Fields::of(span, path)?;
                        y.only(&["from", "to", "value"])?;
                        Ok(YearSpanFile {
                            from: y.read("from", read::year)?,
                            to: y.read("to", read::year)?,
                            value: y.required("value")?,
                        })
                    })?),
                };
                Ok(ParamFile {
                    id: p.read("id", read::text)?,
                    unit: p.read("unit", read::text)?,
                    clause: p.read("clause", read::text)?,
                    reading: p.read_optional("reading", read::text)?,
                    text: text(&p)?,
                    value: p.optional("value").unwrap_or(&NULL),
                    revision,
                    by_year,
                    open: p.read_optional("open", read::text)?,
                })
            })?,
            reported: f.read_items("reported", |item, path| {
                let r = Fields::of(item, path)?;
                r.only(&[
                    "target", "year", "achieved", "at_least", "clause", "zh", "en",
                ])?;
                Ok(ReportedFile {
                    target: r.read("target", read::text)?,
                    year: r.read("year", read::year)?,
                    achieved: r.read("achieved", read::count)?,
                    at_least: r.read("at_least", read::boolean)?,
                    clause: r.read("clause", read::text)?,
                    text: text(&r)?,
                })
            })?,
            open: f.read_items("open", |item, path| {
                let o = Fields::of(item, path)?;
                o.only(&["topic", "clause", "zh", "en"])?;
                Ok(OpenFile {
                    topic: o.read("topic", read::text)?,
                    clause: o.read("clause", read::text)?,
                    text: text(&o)?,
                })
            })?,
        })
    }
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
    let value = parse(json).map_err(|e| PolicyError::Shape(e.to_string()))?;
    let file = File::read(&value).map_err(|e| PolicyError::Shape(e.to_string()))?;

    let clauses = file
        .clauses
        .into_iter()
        .map(|c| {
            let id = clause("clauses", &c.id)?;
            let text = ClauseText {
                clause: id,
                line: c.line,
                text: c.text,
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
            let text = OpenText::new(topic, clause(&o.topic, &o.clause)?, o.text);
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
        let info = &infos[ParamId::of_target(*target) as usize];
        if info.clause != target.clause() {
            return Err(PolicyError::TargetClause {
                target: *target,
                rule: target.clause(),
                parameter: info.clause,
            });
        }
    }

    let reported = file
        .reported
        .into_iter()
        .map(|r| {
            Ok(Reported {
                target: TargetId::from_code(&r.target)
                    .ok_or_else(|| PolicyError::ReportedTarget(r.target.clone()))?,
                year: r.year,
                achieved: r.achieved,
                at_least: r.at_least,
                clause: clause(&r.target, &r.clause)?,
                text: r.text,
            })
        })
        .collect::<Result<Vec<_>, PolicyError>>()?;

    Ok(Policy {
        id: file.policy,
        reported,
        title: file.title,
        source: file.source,
        clauses,
        parameters: infos,
        open,
        published,
    })
}

/// Checks one parameter of the file and reads its value in force.
fn read_parameter(id: ParamId, p: ParamFile<'_>) -> Result<(ParamInfo, ParamValue), PolicyError> {
    let unit = Unit::from_code(&p.unit)
        .filter(|u| *u == id.unit())
        .ok_or_else(|| PolicyError::Unit {
            parameter: id,
            expected: id.unit().code(),
            found: p.unit.clone(),
        })?;
    let value_of = |json: &Value<'_>| {
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
            let (before, after) = (value_of(revision.0)?, value_of(revision.1)?);
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
        (None, None, false) => (History::Fixed, value_of(p.value)?),
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
        text: p.text,
        history,
    };
    Ok((info, value))
}

/// Reads spans of years into one contiguous run of yearly rates.
fn read_years(
    spans: &[YearSpanFile<'_>],
    mut rate_of: impl FnMut(&Value<'_>) -> Result<Rate, PolicyError>,
    timeline: impl Fn(&'static str) -> PolicyError,
) -> Result<YearlyRates, PolicyError> {
    let first = spans
        .first()
        .map(|s| s.from)
        .ok_or_else(|| timeline("a value by year needs at least one year"))?;
    let mut rates = Vec::new();
    let mut next = Some(first);
    for span in spans {
        if Some(span.from) != next {
            return Err(timeline(if next.is_some_and(|n| span.from < n) {
                "the years overlap"
            } else {
                "the years have a gap"
            }));
        }
        if span.to < span.from {
            return Err(timeline("a span of years must run forward"));
        }
        let rate = rate_of(span.value)?;
        rates.extend((span.from.get()..=span.to.get()).map(|_| rate));
        next = span.to.next();
    }
    YearlyRates::new(first, rates).ok_or_else(|| timeline("the years must lie within 1 to 9999"))
}
