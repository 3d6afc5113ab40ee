//! The contract's errors: what was wrong with a request, with a stable code,
//! the field at fault and a message in the request's language
//! (`docs/CONTRACT.md`, "Errors").
//!
//! They are built from what the layers below report: [`Malformed`] from the
//! codec, a number's problem from the vocabulary. Lists of codes the
//! layers above own (the questions) come down as data.

use crate::json::Malformed;
use crate::json::value::{Value, type_name_zh};
use crate::json::write::Json;
use crate::vocab::words::comma_list;
use crate::vocab::{
    Area, Chain, Cluster, Lang, MAX_SAFE_INTEGER, ParkLevel, TargetId, Tier, VENUE_KINDS, Year,
};

/// Why a request could not be answered with a decision.
///
/// Each variant has a stable machine [`code`](Error::code) (the contract's
/// error codes), the [`field`](Error::field) at fault where there is one, and
/// a [`message`](Error::message) in Chinese or English. `Display` gives the
/// English message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request is not a JSON object: not UTF-8, not JSON, empty, too
    /// large, or another JSON value. Code `malformed_request`.
    #[error("{}", self.message(Lang::En))]
    MalformedRequest {
        /// What was wrong.
        reason: Malformed,
    },
    /// `question` names no question of the contract. Code `unknown_question`.
    #[error("{}", self.message(Lang::En))]
    UnknownQuestion {
        /// The question asked (shortened if long).
        question: String,
        /// The questions there are.
        known: &'static [&'static str],
    },
    /// A required field is absent (or `null`). Code `missing_field`.
    #[error("{}", self.message(Lang::En))]
    MissingField {
        /// The path of the field: `facts.premium_fen`.
        field: String,
    },
    /// A field the request may not carry, so that a typo never passes
    /// silently. Code `unknown_field`.
    #[error("{}", self.message(Lang::En))]
    UnknownField {
        /// The path of the field: `facts.premum_fen`.
        field: String,
        /// The fields allowed where it was found.
        allowed: &'static [&'static str],
    },
    /// A field has the wrong type, is out of range, is not a known code, is
    /// negative money or has more than two decimals. Code `invalid_value`.
    #[error("{}", self.message(Lang::En))]
    InvalidValue {
        /// The path of the field: `facts.chains[1]`.
        field: String,
        /// What was wrong with it.
        problem: Problem,
    },
    /// `overrides` names a parameter the policy does not have. Code
    /// `unknown_parameter`.
    #[error("{}", self.message(Lang::En))]
    UnknownParameter {
        /// The path of the field naming it: `overrides.venue.park.amont_fen`.
        field: String,
        /// The parameter named (shortened if long).
        parameter: String,
    },
}

/// What was wrong with the value of a field.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// A value of the wrong JSON type.
    Type {
        /// What the field takes.
        expected: Expected,
        /// The JSON type found: `a string`, `null`, …
        found: &'static str,
    },
    /// A value of the right type that is not allowed: out of range, negative,
    /// too many decimals, or an unknown code.
    Range {
        /// What the field takes.
        expected: Expected,
        /// The value found, as JSON (shortened if long).
        found: String,
    },
    /// A part larger than its whole.
    Exceeds {
        /// The part.
        part: u64,
        /// The whole it may not exceed.
        total: u64,
        /// The field holding the whole.
        total_field: String,
    },
    /// A field given twice in one object, which could mean either value.
    Repeated,
    /// A yearly rate that would leave a gap in the period.
    YearGap {
        /// The year asked for.
        year: Year,
        /// The first year of the period.
        first: Year,
        /// The last year of the period.
        last: Year,
    },
}

impl Problem {
    /// The same problem, described as expecting `expected` instead.
    pub(crate) fn expecting(self, expected: Expected) -> Problem {
        match self {
            Problem::Type { found, .. } => Problem::Type { expected, found },
            Problem::Range { found, .. } => Problem::Range { expected, found },
            other => other,
        }
    }

    /// This problem at `field`.
    pub(crate) fn at(self, field: impl Into<String>) -> Error {
        Error::InvalidValue {
            field: field.into(),
            problem: self,
        }
    }

    /// What was wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::Type { expected, found }, Lang::Zh) => {
                format!(
                    "应为{}，收到的是{}",
                    expected.words(lang),
                    type_name_zh(found)
                )
            }
            (Problem::Type { expected, found }, Lang::En) => {
                format!("expected {}, found {found}", expected.words(lang))
            }
            (Problem::Range { expected, found }, Lang::Zh) => {
                format!("应为{}，收到 {found}", expected.words(lang))
            }
            (Problem::Range { expected, found }, Lang::En) => {
                format!("expected {}, found {found}", expected.words(lang))
            }
            (
                Problem::Exceeds {
                    part,
                    total,
                    total_field,
                },
                Lang::Zh,
            ) => format!("{part} 大于 {total_field} 的 {total}：部分不能多于总数"),
            (
                Problem::Exceeds {
                    part,
                    total,
                    total_field,
                },
                Lang::En,
            ) => format!(
                "{part} is more than the {total} of {total_field}: a part cannot exceed its whole"
            ),
            (Problem::Repeated, Lang::Zh) => "同一字段出现了两次，无法确定取哪一个值".to_owned(),
            (Problem::Repeated, Lang::En) => {
                "given twice in the same object: which value is meant is unclear".to_owned()
            }
            (Problem::YearGap { year, first, last }, Lang::Zh) => format!(
                "{year}年与补贴期{first}—{last}年不相连：逐年比例只能在期间内或紧邻期间的年份设置"
            ),
            (Problem::YearGap { year, first, last }, Lang::En) => format!(
                "{year} is not next to the period {first}–{last}: a yearly rate can only be set within the period or for the year just before or after it"
            ),
        }
    }
}

/// What a field takes, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expected {
    /// A JSON object.
    Object,
    /// A JSON array.
    Array,
    /// A JSON string.
    Text,
    /// `true` or `false`.
    Bool,
    /// `zh` or `en`.
    Lang,
    /// Whole fen, 0 to 2^53 − 1.
    Fen,
    /// A whole count, 0 to 2^53 − 1.
    Count,
    /// A calendar year, 1 to 9999.
    Year,
    /// Square metres, 0 or more, at most two decimals.
    Area,
    /// A percentage 0 to 100, at most two decimals.
    Percent,
    /// A percentage, or an object of year → percentage.
    YearlyPercent,
    /// A chain code.
    Chain,
    /// A cluster code.
    Cluster,
    /// A venue kind code.
    VenueKind,
    /// A park level code.
    ParkLevel,
    /// A model union tier code.
    Tier,
    /// A target id of `action_progress`.
    Target,
    /// One of these codes (the questions, or those a population may hold).
    OneOf(&'static [&'static str]),
}

impl Expected {
    fn words(self, lang: Lang) -> String {
        fn one_of(lang: Lang, codes: &[&str]) -> String {
            let list = comma_list(codes);
            lang.pick(format!("以下之一：{list}"), format!("one of: {list}"))
        }
        match self {
            Expected::Object => lang.pick("JSON对象", "a JSON object").into(),
            Expected::Array => lang.pick("数组", "an array").into(),
            Expected::Text => lang.pick("字符串", "a string").into(),
            Expected::Bool => lang.pick("true 或 false", "true or false").into(),
            Expected::Lang => one_of(lang, Lang::CODES),
            Expected::Fen => lang.pick(
                format!("以分为单位的整数，0 到 {MAX_SAFE_INTEGER}"),
                format!("a whole number of fen from 0 to {MAX_SAFE_INTEGER}"),
            ),
            Expected::Count => lang.pick(
                format!("整数，0 到 {MAX_SAFE_INTEGER}"),
                format!("a whole number from 0 to {MAX_SAFE_INTEGER}"),
            ),
            Expected::Year => lang.pick(
                format!("年份，{} 到 {}", Year::MIN, Year::MAX),
                format!("a year from {} to {}", Year::MIN, Year::MAX),
            ),
            Expected::Area => lang.pick(
                format!(
                    "以平方米为单位、0 到 {}、最多两位小数的数",
                    Area::MAX.trimmed()
                ),
                format!(
                    "a number of square metres from 0 to {}, with at most two decimals",
                    Area::MAX.trimmed()
                ),
            ),
            Expected::Percent => lang
                .pick(
                    "0 到 100 之间、最多两位小数的百分数",
                    "a percentage from 0 to 100 with at most two decimals",
                )
                .into(),
            Expected::YearlyPercent => lang
                .pick(
                    "百分数（适用于每一年），或“年份→百分数”的对象",
                    "a percentage (for every year), or an object of year → percentage",
                )
                .into(),
            Expected::Chain => one_of(lang, Chain::CODES),
            Expected::Cluster => one_of(lang, Cluster::CODES),
            Expected::VenueKind => one_of(lang, VENUE_KINDS),
            Expected::ParkLevel => one_of(lang, ParkLevel::CODES),
            Expected::Tier => one_of(lang, Tier::CODES),
            Expected::Target => one_of(lang, TargetId::CODES),
            Expected::OneOf(codes) => one_of(lang, codes),
        }
    }
}

/// The most of a caller's text a message repeats.
const QUOTE_MAX_CHARS: usize = 40;

/// `text` shortened to a readable length, so that a 100 MB value never comes
/// back in a message.
pub(crate) fn shorten(text: &str) -> String {
    match text.char_indices().nth(QUOTE_MAX_CHARS) {
        None => text.to_owned(),
        Some((cut, _)) => format!("{}…", &text[..cut]),
    }
}

/// `text` as a JSON string literal, shortened.
pub(crate) fn quote(text: &str) -> String {
    Json::literal(&shorten(text))
}

/// A JSON value as it would be written, shortened.
pub(crate) fn show(value: &Value<'_>) -> String {
    match value {
        Value::Number(n) => shorten(&n.to_string()),
        Value::String(s) => quote(s),
        other => {
            let mut json = Json::with_capacity(32);
            json.value(other);
            shorten(&json.finish())
        }
    }
}

impl Error {
    /// The stable code of the contract: `malformed_request`,
    /// `unknown_question`, `missing_field`, `unknown_field`, `invalid_value`
    /// or `unknown_parameter`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::MalformedRequest { .. } => "malformed_request",
            Error::UnknownQuestion { .. } => "unknown_question",
            Error::MissingField { .. } => "missing_field",
            Error::UnknownField { .. } => "unknown_field",
            Error::InvalidValue { .. } => "invalid_value",
            Error::UnknownParameter { .. } => "unknown_parameter",
        }
    }

    /// The path of the field at fault (`facts.chains[1]`,
    /// `overrides.mutual_aid.rate_percent`), if there is one.
    pub fn field(&self) -> Option<String> {
        match self {
            Error::MalformedRequest { .. } => None,
            Error::UnknownQuestion { .. } => Some("question".to_owned()),
            Error::MissingField { field }
            | Error::UnknownField { field, .. }
            | Error::InvalidValue { field, .. } => Some(field.clone()),
            Error::UnknownParameter { field, .. } => Some(field.clone()),
        }
    }

    /// What was wrong and what was expected, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Error::MalformedRequest { reason }, _) => reason.message(lang),
            (Error::UnknownQuestion { question, known }, _) => lang.pick(
                format!(
                    "未知的问题 {}；{}",
                    quote(question),
                    Expected::OneOf(known).words(lang)
                ),
                format!(
                    "unknown question {}; expected {}",
                    quote(question),
                    Expected::OneOf(known).words(lang)
                ),
            ),
            (Error::MissingField { field }, Lang::Zh) => format!("缺少必填字段 {field}"),
            (Error::MissingField { field }, Lang::En) => format!("missing required field {field}"),
            (Error::UnknownField { field, allowed: [] }, _) => lang.pick(
                format!("未知字段 {field}；此处不接受任何字段"),
                format!("unknown field {field}; no fields are allowed here"),
            ),
            (Error::UnknownField { field, allowed }, _) => {
                let list = comma_list(allowed);
                lang.pick(
                    format!("未知字段 {field}；此处允许的字段：{list}"),
                    format!("unknown field {field}; the fields allowed here are: {list}"),
                )
            }
            (Error::InvalidValue { field, problem }, Lang::Zh) => {
                format!("{field} 的值无效：{}", problem.message(lang))
            }
            (Error::InvalidValue { field, problem }, Lang::En) => {
                format!("invalid value for {field}: {}", problem.message(lang))
            }
            (Error::UnknownParameter { parameter, .. }, _) => lang.pick(
                format!("未知的政策参数 {}；可用参数见 catalog", quote(parameter)),
                format!(
                    "unknown policy parameter {}; the catalog lists the parameters",
                    quote(parameter)
                ),
            ),
        }
    }
}

/// A request that could not be answered, with what the error answer echoes:
/// the request's `id` and the language of its message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{error}")]
pub struct Rejection {
    /// The request's `id`, when it had a valid one.
    pub id: Option<String>,
    /// The language asked for (Chinese when not given or not valid).
    pub lang: Lang,
    /// What was wrong.
    #[source]
    pub error: Error,
}
