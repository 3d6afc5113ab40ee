//! What can be wrong with a policy file: every problem found, each naming
//! the parameter or the field at fault, in Chinese and English.
//!
//! A file is checked whole before it is used, and refused whole: a union
//! clerk revising the file sees every problem at once, and an engine never
//! runs on half a policy.

use std::fmt;

use super::{OpenTopic, ParamId};
use crate::json::Malformed;
use crate::json::write::{Json, key};
use crate::read::{Error, Problem};
use crate::vocab::words::comma_list;
use crate::vocab::{Clause, Lang, TargetId};

/// Why a policy file was refused: every problem found in it, in the order of
/// the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct PolicyError {
    problems: Vec<PolicyProblem>,
}

impl PolicyError {
    /// A refusal for these problems (at least one).
    pub(crate) fn new(problems: Vec<PolicyProblem>) -> PolicyError {
        PolicyError { problems }
    }

    /// Every problem, in the order of the file.
    pub fn problems(&self) -> &[PolicyProblem] {
        &self.problems
    }

    /// The problems in `lang`, one a line, each after the field at fault.
    pub fn message(&self, lang: Lang) -> String {
        let mut text = match lang {
            Lang::Zh => format!("政策文件有{}处问题：", self.problems.len()),
            Lang::En => format!(
                "the policy file has {} problem{}:",
                self.problems.len(),
                if self.problems.len() == 1 { "" } else { "s" }
            ),
        };
        for problem in &self.problems {
            text.push_str("\n  ");
            text.push_str(&problem.field());
            text.push_str(": ");
            text.push_str(&problem.message(lang));
        }
        text
    }

    /// The refusal as one canonical JSON object, the same from every binding:
    /// `{"error":{"code":"invalid_policy","field":null,"message":…,
    /// "problems":[{"field":…,"zh":…,"en":…},…]}}`, the message in `lang`.
    pub fn to_json(&self, lang: Lang) -> String {
        let mut j = Json::with_capacity(256);
        j.begin();
        j.key(key!("error"));
        j.begin();
        j.key(key!("code"));
        j.code("invalid_policy");
        j.key(key!("field"));
        j.null();
        j.key(key!("message"));
        j.str(&match lang {
            Lang::Zh => format!("政策文件有{}处问题", self.problems.len()),
            Lang::En => format!("the policy file has {} problem(s)", self.problems.len()),
        });
        j.key(key!("problems"));
        j.begin_array();
        for problem in &self.problems {
            j.item();
            j.begin();
            j.key(key!("field"));
            j.str(&problem.field());
            j.key(key!("zh"));
            j.str(&problem.message(Lang::Zh));
            j.key(key!("en"));
            j.str(&problem.message(Lang::En));
            j.end();
        }
        j.end_array();
        j.end();
        j.end();
        j.finish()
    }
}

/// One thing wrong with a policy file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PolicyProblem {
    /// The text is not one JSON object: not JSON, too large, nested too
    /// deep, or another JSON value.
    Malformed(Malformed),
    /// A field that cannot be read: missing, unknown, of the wrong type or
    /// out of range.
    Field(Error),
    /// A clause id the policy reading does not have.
    UnknownClause {
        /// Where it was cited.
        at: String,
        /// The id cited.
        clause: String,
    },
    /// A clause of the policy reading listed other than once.
    ClauseCount {
        /// The clause.
        clause: Clause,
        /// How many times it is listed.
        count: usize,
    },
    /// A parameter id the rules do not read.
    UnknownParameter {
        /// Where it was given.
        at: String,
        /// The id given.
        id: String,
    },
    /// A parameter the rules read, listed other than once.
    ParameterCount {
        /// The parameter.
        parameter: ParamId,
        /// How many times it is listed.
        count: usize,
    },
    /// A parameter in another unit than the rules read it in.
    Unit {
        /// The parameter.
        parameter: ParamId,
        /// The unit in the file.
        found: String,
    },
    /// A value that is not valid for its parameter.
    Value {
        /// The parameter.
        parameter: ParamId,
        /// What is wrong.
        problem: Problem,
    },
    /// A parameter whose values over time do not fit together.
    Timeline {
        /// The parameter.
        parameter: ParamId,
        /// What is wrong.
        problem: Timeline,
    },
    /// A target whose parameter cites another clause than its rule does.
    TargetClause {
        /// The target.
        target: TargetId,
        /// The clause the parameter cites.
        found: Clause,
    },
    /// A reported figure for a target the action does not have.
    UnknownTarget {
        /// Where it was given.
        at: String,
        /// The target named.
        target: String,
    },
    /// An open point unknown to the answers, or listed other than once.
    OpenTopic {
        /// Where it was given.
        at: String,
        /// The topic named.
        topic: String,
    },
}

/// What is wrong with a parameter's values over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Timeline {
    /// Both a revision and values by year.
    RevisedAndByYear,
    /// The mutual-aid rate without values by year.
    NeedsYears,
    /// Values by year for a parameter that has one value.
    YearsNotAllowed,
    /// A `value` beside a revision or values by year.
    ValueBeside,
    /// Values by year with no year.
    NoYears,
    /// Spans of years that overlap.
    Overlap,
    /// Spans of years with a gap between them.
    Gap,
    /// A span that runs backwards.
    Backwards,
    /// A value by year that is not a percentage.
    NotAPercentage,
    /// A `null` value without the open point saying why, or an open point on
    /// a value that is set.
    OpenWithoutNull,
}

impl Timeline {
    fn message(self, lang: Lang) -> &'static str {
        match self {
            Timeline::RevisedAndByYear => lang.pick(
                "一个参数只能是修订值（revision）或逐年值（by_year）之一，不能两者兼有",
                "a value is either revised or given by year, not both",
            ),
            Timeline::NeedsYears => lang.pick(
                "该参数须逐年给出数值（by_year）",
                "this parameter takes a value for each year (by_year)",
            ),
            Timeline::YearsNotAllowed => lang.pick(
                "只有互助保障补贴比例按年度取值",
                "only the mutual-aid rate takes a value by year",
            ),
            Timeline::ValueBeside => lang.pick(
                "已有修订值或逐年值时不能另给 value",
                "a revised or yearly value has no separate value",
            ),
            Timeline::NoYears => lang.pick("逐年值至少要有一个年度", "a value by year needs at least one year"),
            Timeline::Overlap => lang.pick("年度区间相互重叠", "the years overlap"),
            Timeline::Gap => lang.pick("年度区间之间有空缺", "the years have a gap"),
            Timeline::Backwards => lang.pick("年度区间的起始年晚于结束年", "a span of years must run forward"),
            Timeline::NotAPercentage => lang.pick("逐年值必须是百分数", "a yearly value must be a percentage"),
            Timeline::OpenWithoutNull => lang.pick(
                "数值为 null 当且仅当文章未作规定，并须用 open 注明对应的未定事项",
                "a value is null exactly when the article leaves it open, and then names its open point (open)",
            ),
        }
    }
}

impl PolicyProblem {
    /// The parameter id, or the path of the field, at fault: `venue.park.amount_fen`,
    /// `clauses[3].id`; `(file)` for the file as a whole.
    pub fn field(&self) -> String {
        match self {
            PolicyProblem::Malformed(_) => "(file)".to_owned(),
            PolicyProblem::Field(error) => error.field().unwrap_or_else(|| "(file)".to_owned()),
            PolicyProblem::UnknownClause { at, .. }
            | PolicyProblem::UnknownParameter { at, .. }
            | PolicyProblem::UnknownTarget { at, .. }
            | PolicyProblem::OpenTopic { at, .. } => at.clone(),
            PolicyProblem::ClauseCount { .. } => "clauses".to_owned(),
            PolicyProblem::ParameterCount { parameter, .. }
            | PolicyProblem::Unit { parameter, .. }
            | PolicyProblem::Value { parameter, .. }
            | PolicyProblem::Timeline { parameter, .. } => parameter.id().to_owned(),
            PolicyProblem::TargetClause { target, .. } => {
                ParamId::of_target(*target).id().to_owned()
            }
        }
    }

    /// What is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PolicyProblem::Malformed(m) => m.message_about(lang, ("政策文件", "the policy file")),
            PolicyProblem::Field(error) => error.message(lang),
            PolicyProblem::UnknownClause { clause, .. } => lang.pick(
                format!("政策解读中没有条款 {clause:?}（应为 C1–C22 或 I1–I9）"),
                format!("{clause:?} is not a clause of the policy reading (C1–C22, I1–I9)"),
            ),
            PolicyProblem::ClauseCount { clause, count } => lang.pick(
                format!("条款 {clause} 须恰好列出一次（现为{count}次）"),
                format!("clause {clause} must be listed exactly once (it is listed {count} times)"),
            ),
            PolicyProblem::UnknownParameter { id, .. } => lang.pick(
                format!("规则不读取参数 {id:?}；可用参数见 catalog"),
                format!("the rules read no parameter {id:?}; the catalog lists the parameters"),
            ),
            PolicyProblem::ParameterCount { parameter, count } => lang.pick(
                format!("参数 {parameter} 须恰好列出一次（现为{count}次）"),
                format!(
                    "parameter {parameter} must be listed exactly once (it is listed {count} times)"
                ),
            ),
            PolicyProblem::Unit { parameter, found } => lang.pick(
                format!(
                    "单位为 {found:?}，但规则按 {} 读取该参数",
                    parameter.unit().code()
                ),
                format!(
                    "the unit is {found:?}, but the rules read this parameter in {}",
                    parameter.unit().code()
                ),
            ),
            PolicyProblem::Value { problem, .. } => lang.pick(
                format!("数值无效：{}", problem.message(lang)),
                format!("invalid value: {}", problem.message(lang)),
            ),
            PolicyProblem::Timeline { problem, .. } => problem.message(lang).to_owned(),
            PolicyProblem::TargetClause { target, found } => lang.pick(
                format!(
                    "目标 {target} 的规则引用 {}，而参数引用 {found}",
                    target.clause()
                ),
                format!(
                    "the rule of target {target} cites {}, but its parameter cites {found}",
                    target.clause()
                ),
            ),
            PolicyProblem::UnknownTarget { target, .. } => lang.pick(
                format!("专项行动没有目标 {target:?}"),
                format!("the action has no target {target:?}"),
            ),
            PolicyProblem::OpenTopic { topic, .. } => {
                let codes: Vec<&str> = OpenTopic::ALL.iter().map(|t| t.code()).collect();
                let known = comma_list(&codes);
                lang.pick(
                    format!("未定事项 {topic:?} 须为以下之一且各列一次：{known}"),
                    format!("open point {topic:?} must be one of {known}, each listed once"),
                )
            }
        }
    }
}

impl fmt::Display for PolicyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field(), self.message(Lang::En))
    }
}
