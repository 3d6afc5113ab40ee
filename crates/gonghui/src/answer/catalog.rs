//! The catalog: every code, target, parameter and clause of the policy.

use serde::Serialize;

use crate::industry::{Chain, Cluster};
use crate::model_union::Tier;
use crate::money::Rate;
use crate::policy::{History, ParamValue, Parameters, Policy, Text};
use crate::progress::TargetId;
use crate::request::QuestionKind;
use crate::venue::{GrassrootsKind, INDUSTRIAL_PARK, ParkLevel};

use super::json::Json;

#[derive(Serialize)]
struct CodeOut {
    code: &'static str,
    zh: &'static str,
    en: &'static str,
}

macro_rules! codes {
    ($ty:ty) => {
        <$ty>::ALL
            .iter()
            .map(|v| CodeOut {
                code: v.code(),
                zh: v.name_zh(),
                en: v.name_en(),
            })
            .collect::<Vec<_>>()
    };
}

#[derive(Serialize)]
struct TextOut<'a> {
    zh: &'a str,
    en: &'a str,
}

impl<'a> From<&'a Text> for TextOut<'a> {
    fn from(text: &'a Text) -> TextOut<'a> {
        TextOut {
            zh: &text.zh,
            en: &text.en,
        }
    }
}

#[derive(Serialize)]
struct CatalogTarget {
    target: &'static str,
    clause: &'static str,
    period: &'static str,
    goal: u64,
    parameter: &'static str,
}

#[derive(Serialize)]
struct CatalogParameter<'a> {
    id: &'static str,
    value: ParamValue,
    unit: &'static str,
    clause: &'static str,
    reading: Option<&'static str>,
    zh: &'a str,
    en: &'a str,
    timeline: Vec<TimelineEntry>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum TimelineEntry {
    Stage {
        stage: &'static str,
        value: ParamValue,
    },
    Years {
        from: u16,
        to: u16,
        value: Rate,
    },
}

#[derive(Serialize)]
struct CatalogClause<'a> {
    id: &'static str,
    line: Option<&'a str>,
    zh: &'a str,
    en: &'a str,
}

/// Writes the catalog's own fields: the policy's, with the values of
/// `params` in force.
pub(super) fn write(j: &mut Json, policy: &Policy, params: &Parameters) {
    {
        j.key("title");
        j.serialize(&TextOut::from(policy.title()));
        j.key("chains");
        j.serialize(&codes!(Chain));
        j.key("clusters");
        j.serialize(&codes!(Cluster));
        let mut venue_kinds = codes!(GrassrootsKind);
        venue_kinds.push(CodeOut {
            code: INDUSTRIAL_PARK,
            zh: "工业园区（开发区）",
            en: "industrial park (development zone)",
        });
        j.key("venue_kinds");
        j.serialize(&venue_kinds);
        j.key("park_levels");
        j.serialize(&codes!(ParkLevel));
        j.key("tiers");
        j.serialize(&codes!(Tier));
        j.key("questions");
        j.serialize(&codes!(QuestionKind));
        let targets: Vec<_> = TargetId::ALL
            .iter()
            .map(|t| CatalogTarget {
                target: t.code(),
                clause: t.clause().id(),
                period: t.period().code(),
                goal: t.goal(params),
                parameter: t.parameter().id(),
            })
            .collect();
        j.key("targets");
        j.serialize(&targets);
        let published = policy.parameters();
        let parameters: Vec<_> = policy
            .parameter_infos()
            .iter()
            .map(|info| CatalogParameter {
                id: info.id.id(),
                value: params.get(info.id),
                unit: info.id.unit().code(),
                clause: info.clause.id(),
                reading: info.reading.map(|r| r.id()),
                zh: &info.text.zh,
                en: &info.text.en,
                timeline: match (&info.history, published.get(info.id)) {
                    (History::Fixed, _) => Vec::new(),
                    (History::Revised { before }, after) => vec![
                        TimelineEntry::Stage {
                            stage: "before_revision",
                            value: before.clone(),
                        },
                        TimelineEntry::Stage {
                            stage: "revised",
                            value: after,
                        },
                    ],
                    (History::ByYear, ParamValue::YearlyRates(rates)) => rates
                        .spans()
                        .into_iter()
                        .map(|(from, to, value)| TimelineEntry::Years {
                            from: from.get(),
                            to: to.get(),
                            value,
                        })
                        .collect(),
                    (History::ByYear, _) => Vec::new(),
                },
            })
            .collect();
        j.key("parameters");
        j.serialize(&parameters);
        let clauses: Vec<_> = policy
            .clauses()
            .iter()
            .map(|c| CatalogClause {
                id: c.clause.id(),
                line: c.line.as_deref(),
                zh: &c.text.zh,
                en: &c.text.en,
            })
            .collect();
        j.key("clauses");
        j.serialize(&clauses);
    }
}
