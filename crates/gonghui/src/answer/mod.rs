//! Answers as canonical JSON: the bytes every binding must reproduce.
//!
//! Canonical means: keys in a fixed order (written here, field by field),
//! no whitespace, UTF-8 written as is (only `"`, `\` and control characters
//! are escaped, as serde_json does), integers as integers, and decimals only
//! where a value has them. The order of a decision is `id` (when the request
//! had one), `question`, `policy`, `outcome`, the question's own fields,
//! `open`, `overridden`, `explanation`, `stamp`.

mod catalog;
mod planning;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::Lang;
#[cfg(doc)]
use crate::VERSION;
use crate::decision::Decision;
use crate::error::Rejection;
use crate::explain::Step;
use crate::money::{Fen, Rate};
use crate::policy::{OpenTopic, Override, ParamValue, Parameters, Policy};

impl Serialize for Rate {
    /// A JSON number of percent: `40`, `33.33`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.hundredths() % 100 == 0 {
            serializer.serialize_u32(self.hundredths() / 100)
        } else {
            serde_json::Number::from_string_unchecked(self.number_text()).serialize(serializer)
        }
    }
}

/// A decision with what its answer reports besides.
pub(crate) struct DecisionAnswer<'a> {
    pub(crate) id: Option<&'a str>,
    pub(crate) lang: Lang,
    pub(crate) policy: &'a Policy,
    /// The parameters in force (the published ones, or with overrides).
    pub(crate) params: &'a Parameters,
    pub(crate) overrides: &'a [Override],
    pub(crate) decision: &'a Decision,
}

impl DecisionAnswer<'_> {
    pub(crate) fn to_json(&self) -> String {
        to_json(self)
    }
}

/// Writes `value` as compact JSON. Serializing gonghui's own types into a
/// `String` cannot fail (no map has non-string keys, no I/O is involved).
fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The contract's pair of money fields: `amount_fen`, `amount_yuan`.
fn money<M: SerializeMap>(map: &mut M, amount: Option<Fen>) -> Result<(), M::Error> {
    money_as(map, ("amount_fen", "amount_yuan"), amount)
}

/// A pair of money fields under other names (`total_fen`, `total_yuan`).
fn money_as<M: SerializeMap>(
    map: &mut M,
    (fen, yuan): (&'static str, &'static str),
    amount: Option<Fen>,
) -> Result<(), M::Error> {
    map.serialize_entry(fen, &amount.map(Fen::get))?;
    map.serialize_entry(yuan, &amount.map(Fen::yuan))
}

/// A total in fen as an amount: the planning decisions refuse totals beyond
/// 2^53 − 1 before they are written, so this never saturates in an answer.
fn total(fen: u128) -> Fen {
    u64::try_from(fen)
        .ok()
        .and_then(Fen::new)
        .unwrap_or(Fen::MAX)
}

impl Serialize for DecisionAnswer<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let lang = self.lang;
        let mut map = serializer.serialize_map(None)?;
        if let Some(id) = self.id {
            map.serialize_entry("id", id)?;
        }
        map.serialize_entry("question", self.decision.kind().code())?;
        map.serialize_entry("policy", self.policy.id())?;
        map.serialize_entry("outcome", self.decision.outcome().code())?;
        match self.decision {
            Decision::VenueSubsidy(d) => money(&mut map, d.amount())?,
            Decision::ModelUnionAward(d) => money(&mut map, d.amount())?,
            Decision::MutualAidSubsidy(d) => {
                map.serialize_entry("rate_percent", &d.rate())?;
                money(&mut map, Some(d.amount()))?;
            }
            Decision::NominationShare(d) | Decision::StudioQuota(d) => {
                map.serialize_entry("required", &d.required())?;
                map.serialize_entry("share_percent", &d.share_percent())?;
            }
            Decision::ActionProgress(d) => {
                map.serialize_entry("year", &d.year().get())?;
                let targets: Vec<_> = d
                    .targets()
                    .iter()
                    .map(|t| TargetOut {
                        target: t.target.code(),
                        clause: t.target.clause().id(),
                        period: t.target.period().code(),
                        goal: t.goal,
                        achieved: t.achieved,
                        met: t.met(),
                        percent: t.percent(),
                    })
                    .collect();
                map.serialize_entry("targets", &targets)?;
            }
            Decision::Catalog => catalog::entries(&mut map, self.policy, self.params)?,
            Decision::AllocateAwards(d) => planning::allocation(&mut map, d, lang)?,
            Decision::ComparePolicies(d) => planning::comparison(&mut map, d)?,
            Decision::YearlyBudget(d) => planning::budget(&mut map, d)?,
            Decision::MutualAidSchedule(d) => planning::schedule(&mut map, d)?,
        }
        let open: Vec<_> = self
            .decision
            .open()
            .into_iter()
            .map(|topic| OpenOut::new(self.policy, topic, lang))
            .collect();
        map.serialize_entry("open", &open)?;
        let published = self.policy.parameters();
        let overridden: Vec<_> = self
            .overrides
            .iter()
            .map(|o| OverriddenOut {
                parameter: o.parameter.id(),
                published: published.get(o.parameter),
                used: self.params.get(o.parameter),
            })
            .collect();
        map.serialize_entry("overridden", &overridden)?;
        let steps = self.decision.explain(lang);
        let steps: Vec<_> = steps.iter().map(StepOut::from).collect();
        map.serialize_entry("explanation", &steps)?;
        map.serialize_entry(
            "stamp",
            &Stamp {
                policy: self.policy.id(),
                parameters: self.params.digest_hex(),
                engine: ENGINE,
            },
        )?;
        map.end()
    }
}

/// The engine named in every stamp: crate name and version ([`VERSION`]).
const ENGINE: &str = concat!("gonghui ", env!("CARGO_PKG_VERSION"));

#[derive(Serialize)]
struct TargetOut {
    target: &'static str,
    clause: &'static str,
    period: &'static str,
    goal: u64,
    achieved: Option<u64>,
    met: Option<bool>,
    percent: Option<String>,
}

#[derive(Serialize)]
struct OpenOut<'a> {
    topic: &'static str,
    clause: &'static str,
    text: &'a str,
}

impl<'a> OpenOut<'a> {
    fn new(policy: &'a Policy, topic: OpenTopic, lang: Lang) -> OpenOut<'a> {
        let open = policy.open_text(topic);
        OpenOut {
            topic: topic.code(),
            clause: open.clause.id(),
            text: open.text.get(lang),
        }
    }
}

#[derive(Serialize)]
struct OverriddenOut {
    parameter: &'static str,
    published: ParamValue,
    used: ParamValue,
}

#[derive(Serialize)]
struct StepOut<'a> {
    rule: &'static str,
    clause: &'static str,
    reading: Option<&'static str>,
    holds: bool,
    text: &'a str,
}

impl<'a> From<&'a Step> for StepOut<'a> {
    fn from(step: &'a Step) -> StepOut<'a> {
        StepOut {
            rule: step.rule,
            clause: step.clause.id(),
            reading: step.reading.map(|r| r.id()),
            holds: step.holds,
            text: &step.text,
        }
    }
}

#[derive(Serialize)]
struct Stamp<'a> {
    policy: &'a str,
    parameters: String,
    engine: &'static str,
}

/// An error answer: `{"id":…,"error":{"code":…,"field":…,"message":…}}`.
pub(crate) fn rejection_json(rejection: &Rejection) -> String {
    #[derive(Serialize)]
    struct ErrorOut<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<&'a str>,
        error: ErrorBody,
    }
    #[derive(Serialize)]
    struct ErrorBody {
        code: &'static str,
        field: Option<String>,
        message: String,
    }
    to_json(&ErrorOut {
        id: rejection.id.as_deref(),
        error: ErrorBody {
            code: rejection.error.code(),
            field: rejection.error.field(),
            message: rejection.error.message(rejection.lang),
        },
    })
}
