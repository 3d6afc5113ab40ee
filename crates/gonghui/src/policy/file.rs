//! The shape of the policy file, and the checks that turn it into a
//! [`Policy`], collecting every problem rather than stopping at the first.
//!
//! The file is read with the same readers as requests (its values mean what
//! they mean in a request or an override), not with serde's derived readers,
//! which would carry float formatting and their own error texts into every
//! build, the WASM module's among them. It is bounded as a request is: at
//! most [`MAX_REQUEST_BYTES`] and [`MAX_VALUES`], nested at most
//! [`MAX_NESTING`](crate::json::limits::MAX_NESTING) deep.

use super::problem::{PolicyError, PolicyProblem, Timeline};
use super::{
    ClauseText, History, OpenText, OpenTopic, ParamId, ParamInfo, ParamValue, Parameters, Policy,
    Reported, Text, Unit, YearlyRates,
};
use crate::json::Malformed;
use crate::json::limits::{self, MAX_REQUEST_BYTES, MAX_VALUES};
use crate::json::value::{Value, parse};
use crate::read::values as read;
use crate::read::{Error, Expected, Fields, Problem};
use crate::vocab::{Clause, Rate, TargetId, Year};

/// The problems found so far.
#[derive(Default)]
struct Problems(Vec<PolicyProblem>);

impl Problems {
    fn push(&mut self, problem: PolicyProblem) {
        self.0.push(problem);
    }

    /// The value, or `None` with its reading's problem kept.
    fn take<T>(&mut self, read: Result<T, Error>) -> Option<T> {
        read.map_err(|e| self.push(PolicyProblem::Field(e))).ok()
    }

    /// The clause of id `id`, cited at `at`, or `None` with the problem kept.
    fn clause(&mut self, at: &str, id: &str) -> Option<Clause> {
        let clause = Clause::from_id(id);
        if clause.is_none() {
            self.push(PolicyProblem::UnknownClause {
                at: at.to_owned(),
                clause: id.to_owned(),
            });
        }
        clause
    }
}

/// A `{"zh": …, "en": …}` text, from the fields of `f`.
fn text(f: &Fields<'_>) -> Result<Text, Error> {
    Ok(Text {
        zh: f.read("zh", read::text)?,
        en: f.read("en", read::text)?,
    })
}

/// The items of required array field `name`, each read by `item` (which
/// keeps its own problems), the unreadable ones left out; `None` when the
/// field is not an array.
fn items<'a, T>(
    f: &Fields<'a>,
    name: &str,
    problems: &mut Problems,
    mut item: impl FnMut(&'a Value<'a>, String, &mut Problems) -> Option<T>,
) -> Option<Vec<T>> {
    let all = problems.take(f.read_items(name, |value, path| Ok((value, path))))?;
    Some(
        all.into_iter()
            .filter_map(|(value, path)| item(value, path, problems))
            .collect(),
    )
}

/// The fields of an object at `path`, which may hold only `allowed`; an
/// unknown field is a problem, but the object is still read.
fn object<'a>(
    value: &'a Value<'a>,
    path: String,
    allowed: &'static [&'static str],
    problems: &mut Problems,
) -> Option<Fields<'a>> {
    let f = problems.take(Fields::of(value, path))?;
    problems.take(f.only(allowed));
    Some(f)
}

/// Reads and checks a policy file.
pub(super) fn load(json: &str) -> Result<Policy, PolicyError> {
    let refuse = |m| PolicyError::new(vec![PolicyProblem::Malformed(m)]);
    if json.len() > MAX_REQUEST_BYTES {
        return Err(refuse(Malformed::TooLarge { bytes: json.len() }));
    }
    if json.len() > MAX_VALUES {
        limits::check_values(json).map_err(refuse)?;
    }
    let value = parse(json).map_err(|e| refuse(Malformed::from_parser(&e)))?;
    if !matches!(value, Value::Object(_)) {
        return Err(refuse(Malformed::NotAnObject {
            found: value.type_name(),
        }));
    }
    let mut problems = Problems::default();
    let policy = read(&value, &mut problems);
    match policy {
        Some(policy) if problems.0.is_empty() => Ok(policy),
        _ => {
            debug_assert!(!problems.0.is_empty(), "a part left unread names why");
            Err(PolicyError::new(problems.0))
        }
    }
}

/// Reads the whole file, keeping every problem; `None` when some part could
/// not be read at all.
fn read(value: &Value<'_>, problems: &mut Problems) -> Option<Policy> {
    let f = object(
        value,
        String::new(),
        &[
            "policy",
            "title",
            "source",
            "clauses",
            "parameters",
            "reported",
            "open",
        ],
        problems,
    )?;
    let id = problems.take(f.read("policy", read::text));
    let mut nested = |name: &str| -> Option<Text> {
        let value = problems.take(f.required(name))?;
        let t = object(value, f.path(name), &["zh", "en"], problems)?;
        problems.take(text(&t))
    };
    let title = nested("title");
    let source = nested("source");
    let clauses = clauses(&f, problems);
    let open = open_points(&f, problems);
    let parameters = parameters(&f, problems);
    let reported = reported(&f, problems);
    let (parameters, published) = parameters?;
    Some(Policy {
        id: id?,
        title: title?,
        source: source?,
        clauses: clauses?,
        parameters,
        open: open?,
        reported: reported?,
        published,
    })
}

/// The figures the article reports; `None` when one cannot be read.
fn reported(f: &Fields<'_>, problems: &mut Problems) -> Option<Vec<Reported>> {
    let before = problems.0.len();
    let read = items(f, "reported", problems, |item, path, problems| {
        let r = object(
            item,
            path,
            &[
                "target", "year", "achieved", "at_least", "clause", "zh", "en",
            ],
            problems,
        )?;
        let target = problems.take(r.read("target", read::text));
        let year = problems.take(r.read("year", read::year));
        let achieved = problems.take(r.read("achieved", read::count));
        let at_least = problems.take(r.read("at_least", read::boolean));
        let clause = problems.take(r.read("clause", read::text));
        let text = problems.take(text(&r));
        let target = target.and_then(|code| {
            let target = TargetId::from_code(&code);
            if target.is_none() {
                problems.push(PolicyProblem::UnknownTarget {
                    at: r.path("target"),
                    target: code,
                });
            }
            target
        });
        let clause = clause.and_then(|c| problems.clause(&r.path("clause"), &c));
        Some(Reported {
            target: target?,
            year: year?,
            achieved: achieved?,
            at_least: at_least?,
            clause: clause?,
            text: text?,
        })
    });
    read.filter(|_| problems.0.len() == before)
}

/// Puts `items` in the order of `all`, requiring each exactly once; `None`
/// when one is missing or repeated, with a problem for each, or when one
/// could not be read (its problems are kept already).
fn exactly_once<K: Copy + PartialEq, T>(
    all: &[K],
    items: Vec<(K, Option<T>)>,
    problems: &mut Problems,
    wrong: impl Fn(K, usize) -> PolicyProblem,
) -> Option<Vec<T>> {
    let mut slots: Vec<Vec<Option<T>>> = all.iter().map(|_| Vec::new()).collect();
    for (key, item) in items {
        if let Some(i) = all.iter().position(|k| *k == key) {
            slots[i].push(item);
        }
    }
    let mut once = Some(Vec::with_capacity(all.len()));
    for (key, mut slot) in all.iter().zip(slots) {
        if slot.len() == 1 {
            once = once.zip(slot.pop().flatten()).map(|(mut all, item)| {
                all.push(item);
                all
            });
        } else {
            problems.push(wrong(*key, slot.len()));
            once = None;
        }
    }
    once
}

fn clauses(f: &Fields<'_>, problems: &mut Problems) -> Option<Vec<ClauseText>> {
    let listed = items(f, "clauses", problems, |item, path, problems| {
        let c = object(item, path, &["id", "line", "zh", "en"], problems)?;
        let id = problems.take(c.read("id", read::text));
        let line = problems.take(c.read_optional("line", read::text));
        let text = problems.take(text(&c));
        let clause = problems.clause(&c.path("id"), &id?)?;
        let read = line
            .zip(text)
            .map(|(line, text)| ClauseText { clause, line, text });
        Some((clause, read))
    })?;
    exactly_once(Clause::ALL, listed, problems, |clause, count| {
        PolicyProblem::ClauseCount { clause, count }
    })
}

fn open_points(f: &Fields<'_>, problems: &mut Problems) -> Option<Vec<OpenText>> {
    let listed = items(f, "open", problems, |item, path, problems| {
        let o = object(item, path, &["topic", "clause", "zh", "en"], problems)?;
        let topic = problems.take(o.read("topic", read::text));
        let clause = problems.take(o.read("clause", read::text));
        let text = problems.take(text(&o));
        let topic_at = o.path("topic");
        let code = topic?;
        let topic = OpenTopic::from_code(&code);
        if topic.is_none() {
            problems.push(PolicyProblem::OpenTopic {
                at: topic_at,
                topic: code,
            });
        }
        let clause = clause.and_then(|c| problems.clause(&o.path("clause"), &c));
        let topic = topic?;
        let read = clause
            .zip(text)
            .map(|(clause, text)| OpenText::new(topic, clause, text));
        Some((topic, read))
    })?;
    exactly_once(OpenTopic::ALL, listed, problems, |topic, _| {
        PolicyProblem::OpenTopic {
            at: "open".to_owned(),
            topic: topic.code().to_owned(),
        }
    })
}

/// The parameters as published, and the values in force.
fn parameters(f: &Fields<'_>, problems: &mut Problems) -> Option<(Vec<ParamInfo>, Parameters)> {
    let listed = items(f, "parameters", problems, |item, path, problems| {
        let p = object(
            item,
            path,
            &[
                "id", "unit", "clause", "reading", "zh", "en", "value", "revision", "by_year",
                "open",
            ],
            problems,
        )?;
        let code = problems.take(p.read("id", read::text))?;
        let Some(id) = ParamId::from_id(&code) else {
            problems.push(PolicyProblem::UnknownParameter {
                at: p.path("id"),
                id: code,
            });
            return None;
        };
        Some((id, parameter(id, &p, problems)))
    })?;
    let listed = exactly_once(ParamId::ALL, listed, problems, |parameter, count| {
        PolicyProblem::ParameterCount { parameter, count }
    })?;
    let (infos, values): (Vec<ParamInfo>, Vec<ParamValue>) = listed.into_iter().unzip();
    // Each value was read in its parameter's unit, so each fits its field,
    // but for an amount the rules need that is `null`.
    let published = Parameters::from_values(|id| values.get(id as usize).cloned())
        .map_err(|parameter| {
            problems.push(PolicyProblem::Value {
                parameter,
                problem: Problem::Type {
                    expected: Expected::Fen,
                    found: "null",
                },
            })
        })
        .ok()?;
    for target in TargetId::ALL {
        let info = &infos[ParamId::of_target(*target) as usize];
        if info.clause != target.clause() {
            problems.push(PolicyProblem::TargetClause {
                target: *target,
                found: info.clause,
            });
        }
    }
    Some((infos, published))
}

/// Checks one parameter of the file and reads its value in force, keeping
/// every problem found.
fn parameter(
    id: ParamId,
    p: &Fields<'_>,
    problems: &mut Problems,
) -> Option<(ParamInfo, ParamValue)> {
    let unit = problems.take(p.read("unit", read::text)).and_then(|found| {
        let unit = Unit::from_code(&found).filter(|u| *u == id.unit());
        if unit.is_none() {
            problems.push(PolicyProblem::Unit {
                parameter: id,
                found,
            });
        }
        unit
    });
    let clause = problems
        .take(p.read("clause", read::text))
        .and_then(|c| problems.clause(&p.path("clause"), &c));
    let reading = problems
        .take(p.read_optional("reading", read::text))
        .map(|r| r.map(|r| problems.clause(&p.path("reading"), &r)));
    let text = problems.take(text(p));
    let open = problems.take(p.read_optional("open", read::text)).map(|o| {
        o.map(|code| {
            let topic = OpenTopic::from_code(&code);
            if topic.is_none() {
                problems.push(PolicyProblem::OpenTopic {
                    at: p.path("open"),
                    topic: code,
                });
            }
            topic
        })
    });
    let revision = problems.take(p.object("revision")).map(|r| {
        r.map(|r| {
            problems.take(r.only(&["before", "after"]));
            Some((
                problems.take(r.required("before"))?,
                problems.take(r.required("after"))?,
            ))
        })
    });
    let by_year = match p.optional("by_year") {
        None => Some(None),
        Some(_) => items(p, "by_year", problems, |span, path, problems| {
            let y = object(span, path, &["from", "to", "value"], problems)?;
            let from = problems.take(y.read("from", read::year));
            let to = problems.take(y.read("to", read::year));
            let value = problems.take(y.required("value"));
            Some((from?, to?, value?))
        })
        .map(Some),
    };
    let (unit, clause, reading, text, open) = (unit?, clause?, reading?, text?, open?);
    let (revision, by_year) = (revision?, by_year?);

    let timeline = |problem| PolicyProblem::Timeline {
        parameter: id,
        problem,
    };
    let value_of = |json: &Value<'_>, problems: &mut Problems| {
        ParamValue::from_json(unit, json)
            .map_err(|problem| {
                problems.push(PolicyProblem::Value {
                    parameter: id,
                    problem,
                })
            })
            .ok()
    };
    let value = p.optional("value");
    let yearly = id == ParamId::MutualAidRates;
    if value.is_some() && (revision.is_some() || by_year.is_some()) {
        problems.push(timeline(Timeline::ValueBeside));
    }
    let (history, value) = match (revision, by_year, yearly) {
        (Some(_), Some(_), _) => {
            problems.push(timeline(Timeline::RevisedAndByYear));
            return None;
        }
        (_, None, true) => {
            problems.push(timeline(Timeline::NeedsYears));
            return None;
        }
        (_, Some(_), false) => {
            problems.push(timeline(Timeline::YearsNotAllowed));
            return None;
        }
        (Some(revision), None, false) => {
            let (before, after) = revision?;
            let before = value_of(before, problems);
            let after = value_of(after, problems);
            (History::Revised { before: before? }, after?)
        }
        (None, Some(spans), true) => {
            let rates = years(&spans, problems, |v, problems| {
                match value_of(v, problems)? {
                    ParamValue::Rate(rate) => Some(rate),
                    _ => None,
                }
            })
            .map_err(|problem| problems.push(timeline(problem)))
            .ok()?;
            (History::ByYear, ParamValue::YearlyRates(rates))
        }
        (None, None, false) => (
            History::Fixed,
            value_of(value.unwrap_or(&Value::Null), problems)?,
        ),
    };
    if open.is_some() != (value == ParamValue::Fen(None)) {
        problems.push(timeline(Timeline::OpenWithoutNull));
    }
    let info = ParamInfo {
        id,
        clause,
        reading: reading.flatten(),
        text,
        history,
    };
    Some((info, value))
}

/// Reads spans of years into one contiguous run of yearly rates.
fn years(
    spans: &[(Year, Year, &Value<'_>)],
    problems: &mut Problems,
    mut rate_of: impl FnMut(&Value<'_>, &mut Problems) -> Option<Rate>,
) -> Result<YearlyRates, Timeline> {
    let first = spans.first().map(|s| s.0).ok_or(Timeline::NoYears)?;
    let mut rates = Vec::new();
    let mut next = Some(first);
    for &(from, to, value) in spans {
        if Some(from) != next {
            return Err(if next.is_some_and(|n| from < n) {
                Timeline::Overlap
            } else {
                Timeline::Gap
            });
        }
        if to < from {
            return Err(Timeline::Backwards);
        }
        let rate = rate_of(value, problems).ok_or(Timeline::NotAPercentage)?;
        rates.extend((from.get()..=to.get()).map(|_| rate));
        next = to.next();
    }
    // Spans run forward from a valid year, each within 1 to 9999.
    YearlyRates::new(first, rates).ok_or(Timeline::Gap)
}
