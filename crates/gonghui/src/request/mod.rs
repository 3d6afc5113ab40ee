//! Requests: the JSON of CONTRACT.md read into typed questions, or refused
//! with the error code and the field at fault.
//!
//! Reading goes from the outside in, and the first fault found is the one
//! reported: the size and syntax of the whole request, then `id` and `lang`
//! (so that every later error can echo the id and speak the language), then
//! unknown top-level fields, `question`, `facts` and `overrides`. Within an
//! object, unknown fields are reported before missing ones: a misspelt field
//! is named as the typo it is, not as the field it failed to be.

pub(crate) mod planning;
pub(crate) mod read;
pub(crate) mod value;

use crate::calendar::YearSet;
use crate::error::{Error, Expected, Malformed, Problem, Rejection, json_type};
use crate::industry::{Chain, Cluster, KeyIndustries, code_enum};
use crate::model_union::{ModelUnionFacts, Tier};
use crate::mutual_aid::MutualAidFacts;
use crate::planning::allocation::AllocationFacts;
use crate::planning::budget::BudgetFacts;
use crate::planning::comparison::ComparisonFacts;
use crate::planning::schedule::ScheduleFacts;
use crate::policy::{Override, OverrideValue, ParamId, ParamValue};
use crate::progress::{Figures, ProgressFacts, TargetId};
use crate::share::Share;
use crate::venue::{GrassrootsKind, INDUSTRIAL_PARK, ParkLevel, Venue};
use crate::{Clause, Lang, limits};
use read::Fields;
use value::Value;

code_enum! {
    /// The questions of the contract.
    QuestionKind {
        /// May this workers' activity venue be subsidised, and by how much? (C9, C10)
        VenueSubsidy = ("venue_subsidy", "职工活动场所补助", "worker activity venue subsidy"),
        /// May this enterprise union receive a model union award? (C13)
        ModelUnionAward = ("model_union_award", "示范性企业工会补助", "model enterprise union award"),
        /// How much of this premium does the mutual-aid subsidy pay? (C17–C19)
        MutualAidSubsidy = ("mutual_aid_subsidy", "职工互助保障参保补贴", "mutual-aid premium subsidy"),
        /// Do enough award candidates come from the chains and clusters? (C5)
        NominationShare = ("nomination_share", "劳模和五一奖评选对象占比", "share of key-industry award candidates"),
        /// Do enough studio slots go to advanced manufacturing? (C6)
        StudioQuota = ("studio_quota", "劳模创新工作室创建名额", "innovation studio slots for advanced manufacturing"),
        /// How far do a year's figures go towards the action's targets? (I9)
        ActionProgress = ("action_progress", "专项行动进展", "special action progress"),
        /// What does the policy contain? Codes, targets and parameters.
        Catalog = ("catalog", "目录", "catalog"),
        /// Which applications get the year's capped union awards? (C13)
        AllocateAwards = ("allocate_awards", "示范性企业工会名额分配", "allocation of model union awards"),
        /// What does a change of standard do to a population?
        ComparePolicies = ("compare_policies", "政策对比", "policy comparison"),
        /// What money do the yearly targets imply, and what was committed? (C12, C13)
        YearlyBudget = ("yearly_budget", "年度预算", "yearly budget"),
        /// What will a joining enterprise receive each year? (C18, C19)
        MutualAidSchedule = ("mutual_aid_schedule", "互助保障补贴年度计划", "mutual-aid subsidy schedule"),
    }
}

impl QuestionKind {
    /// The clause a question rests on first.
    pub const fn clause(self) -> Clause {
        match self {
            QuestionKind::VenueSubsidy => Clause::C9,
            QuestionKind::ModelUnionAward | QuestionKind::AllocateAwards => Clause::C13,
            QuestionKind::MutualAidSubsidy | QuestionKind::MutualAidSchedule => Clause::C18,
            QuestionKind::NominationShare => Clause::C5,
            QuestionKind::StudioQuota => Clause::C6,
            QuestionKind::ActionProgress | QuestionKind::ComparePolicies => Clause::C2,
            QuestionKind::Catalog => Clause::C1,
            QuestionKind::YearlyBudget => Clause::C12,
        }
    }

    /// Whether the question is about one case (and so may be part of a
    /// population), rather than the catalog or a population itself.
    pub const fn is_case(self) -> bool {
        !matches!(
            self,
            QuestionKind::Catalog
                | QuestionKind::AllocateAwards
                | QuestionKind::ComparePolicies
                | QuestionKind::YearlyBudget
                | QuestionKind::MutualAidSchedule
        )
    }
}

/// A question with its facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// `venue_subsidy` (C9, C10).
    VenueSubsidy(Venue),
    /// `model_union_award` (C13).
    ModelUnionAward(ModelUnionFacts),
    /// `mutual_aid_subsidy` (C17–C19).
    MutualAidSubsidy(MutualAidFacts),
    /// `nomination_share` (C5): from the chains and clusters, of all candidates.
    NominationShare(Share),
    /// `studio_quota` (C6): for advanced manufacturing, of all slots.
    StudioQuota(Share),
    /// `action_progress` (I9).
    ActionProgress(ProgressFacts),
    /// `catalog`.
    Catalog,
    /// `allocate_awards` (C13).
    AllocateAwards(AllocationFacts),
    /// `compare_policies`.
    ComparePolicies(ComparisonFacts),
    /// `yearly_budget` (C12, C13).
    YearlyBudget(BudgetFacts),
    /// `mutual_aid_schedule` (C18, C19).
    MutualAidSchedule(ScheduleFacts),
}

impl Question {
    /// Which question this is.
    pub fn kind(&self) -> QuestionKind {
        match self {
            Question::VenueSubsidy(_) => QuestionKind::VenueSubsidy,
            Question::ModelUnionAward(_) => QuestionKind::ModelUnionAward,
            Question::MutualAidSubsidy(_) => QuestionKind::MutualAidSubsidy,
            Question::NominationShare(_) => QuestionKind::NominationShare,
            Question::StudioQuota(_) => QuestionKind::StudioQuota,
            Question::ActionProgress(_) => QuestionKind::ActionProgress,
            Question::Catalog => QuestionKind::Catalog,
            Question::AllocateAwards(_) => QuestionKind::AllocateAwards,
            Question::ComparePolicies(_) => QuestionKind::ComparePolicies,
            Question::YearlyBudget(_) => QuestionKind::YearlyBudget,
            Question::MutualAidSchedule(_) => QuestionKind::MutualAidSchedule,
        }
    }
}

/// A request of the contract, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The caller's id, echoed first in the answer.
    pub id: Option<String>,
    /// The language of explanations.
    pub lang: Lang,
    /// The question and its facts.
    pub question: Question,
    /// Parameters replaced for this request only.
    pub overrides: Vec<Override>,
}

const REQUEST_FIELDS: &[&str] = &["id", "question", "lang", "facts", "overrides"];
const VENUE_FIELDS: &[&str] = &["venue_kind", "indoor_area_m2", "park_level"];
const MODEL_UNION_FIELDS: &[&str] = &["chains", "clusters", "tier", "awarded_this_year"];
const MUTUAL_AID_FIELDS: &[&str] = &[
    "chains",
    "clusters",
    "enrolled_years",
    "year",
    "premium_fen",
];
const NOMINATION_FIELDS: &[&str] = &["total", "from_key_industries"];
const STUDIO_FIELDS: &[&str] = &["total_slots", "advanced_manufacturing_slots"];
const PROGRESS_FIELDS: &[&str] = &["year", "achieved"];
const NO_FIELDS: &[&str] = &[];

impl Request {
    /// Reads a request from its JSON text.
    ///
    /// A leading byte order mark is ignored; anything else that is not one
    /// JSON object is a `malformed_request`.
    pub fn from_json(text: &str) -> Result<Request, Rejection> {
        let refuse = |reason| Rejection {
            id: None,
            lang: Lang::default(),
            error: Error::MalformedRequest { reason },
        };
        if text.len() > limits::MAX_REQUEST_BYTES {
            return Err(refuse(Malformed::TooLarge { bytes: text.len() }));
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
            return Err(refuse(Malformed::Empty));
        }
        limits::check_values(text).map_err(refuse)?;
        let value = value::parse(text).map_err(|e| refuse(Malformed::from_parser(&e)))?;
        Request::from_value(&value)
    }

    /// Reads a request given as bytes: over
    /// [`MAX_REQUEST_BYTES`](crate::limits::MAX_REQUEST_BYTES) or not UTF-8
    /// is a `malformed_request`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Request, Rejection> {
        let refuse = |reason| Rejection {
            id: None,
            lang: Lang::default(),
            error: Error::MalformedRequest { reason },
        };
        if bytes.len() > limits::MAX_REQUEST_BYTES {
            return Err(refuse(Malformed::TooLarge { bytes: bytes.len() }));
        }
        let text = std::str::from_utf8(bytes).map_err(|e| {
            refuse(Malformed::NotUtf8 {
                valid_up_to: e.valid_up_to(),
            })
        })?;
        Request::from_json(text)
    }

    /// Reads a request from a parsed JSON value.
    pub(crate) fn from_value(value: &Value<'_>) -> Result<Request, Rejection> {
        let Value::Object(map) = value else {
            return Err(Rejection {
                id: None,
                lang: Lang::default(),
                error: Error::MalformedRequest {
                    reason: Malformed::NotAnObject {
                        found: json_type(value),
                    },
                },
            });
        };
        let top = Fields::new(map, "");
        // The id moves into the request or into its rejection, never copied.
        let id = top
            .read_optional("id", read::text)
            .map_err(|error| Rejection {
                id: None,
                lang: Lang::default(),
                error,
            })?;
        let lang =
            match top.read_optional("lang", |v| read::code(v, Expected::Lang, Lang::from_code)) {
                Ok(lang) => lang.unwrap_or_default(),
                Err(error) => {
                    let lang = Lang::default();
                    return Err(Rejection { id, lang, error });
                }
            };
        let (question, overrides) = match read_body(&top) {
            Ok(body) => body,
            Err(error) => return Err(Rejection { id, lang, error }),
        };
        Ok(Request {
            id,
            lang,
            question,
            overrides,
        })
    }
}

/// Reads everything but `id` and `lang`.
fn read_body(top: &Fields<'_>) -> Result<(Question, Vec<Override>), Error> {
    top.only(REQUEST_FIELDS)?;
    let kind = match top.required("question")? {
        Value::String(code) => {
            QuestionKind::from_code(code).ok_or_else(|| Error::UnknownQuestion {
                question: crate::error::shorten(code),
            })?
        }
        other => {
            return Err(Problem::Type {
                expected: Expected::Question,
                found: json_type(other),
            }
            .at("question"));
        }
    };
    let facts = match (kind, top.object("facts")?) {
        (QuestionKind::Catalog, None) => None,
        (_, None) => {
            return Err(Error::MissingField {
                field: "facts".into(),
            });
        }
        (_, Some(facts)) => Some(facts),
    };
    let overrides = match top.object("overrides")? {
        Some(overrides) => read_overrides(&overrides)?,
        None => Vec::new(),
    };
    let question = match (kind, facts) {
        (QuestionKind::Catalog, facts) => {
            if let Some(facts) = facts {
                facts.only(NO_FIELDS)?;
            }
            Question::Catalog
        }
        (_, None) => {
            return Err(Error::MissingField {
                field: "facts".into(),
            });
        }
        (QuestionKind::VenueSubsidy, Some(f)) => Question::VenueSubsidy(venue(&f)?),
        (QuestionKind::ModelUnionAward, Some(f)) => Question::ModelUnionAward(model_union(&f)?),
        (QuestionKind::MutualAidSubsidy, Some(f)) => Question::MutualAidSubsidy(mutual_aid(&f)?),
        (QuestionKind::NominationShare, Some(f)) => {
            f.only(NOMINATION_FIELDS)?;
            Question::NominationShare(share(&f, "total", "from_key_industries")?)
        }
        (QuestionKind::StudioQuota, Some(f)) => {
            f.only(STUDIO_FIELDS)?;
            Question::StudioQuota(share(&f, "total_slots", "advanced_manufacturing_slots")?)
        }
        (QuestionKind::ActionProgress, Some(f)) => Question::ActionProgress(progress(&f)?),
        (QuestionKind::AllocateAwards, Some(f)) => {
            Question::AllocateAwards(planning::allocation(&f)?)
        }
        (QuestionKind::ComparePolicies, Some(f)) => {
            Question::ComparePolicies(planning::comparison(&f)?)
        }
        (QuestionKind::YearlyBudget, Some(f)) => Question::YearlyBudget(planning::budget(&f)?),
        (QuestionKind::MutualAidSchedule, Some(f)) => {
            Question::MutualAidSchedule(planning::schedule(&f)?)
        }
    };
    Ok((question, overrides))
}

/// Reads a JSON object of parameter id → value, as a request's `overrides`
/// writes it, on its own: the command line's `--alternative`. Errors name
/// the parameter under `path`.
pub fn overrides_from_json(text: &str, path: &'static str) -> Result<Vec<Override>, Error> {
    let value = value::parse(text).map_err(|e| Error::MalformedRequest {
        reason: Malformed::from_parser(&e),
    })?;
    read_overrides(&Fields::of(&value, path)?)
}

/// Reads an object of parameter id → value: a request's `overrides`, or a
/// comparison's `alternative`. They are taken in the order of their ids, so
/// that the answer does not depend on the order they are written in.
fn read_overrides(overrides: &Fields<'_>) -> Result<Vec<Override>, Error> {
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
                field: overrides.path(&crate::error::shorten(name)),
                parameter: crate::error::shorten(name),
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
                        .and_then(crate::calendar::Year::new)
                        .ok_or_else(|| Problem::Range {
                            expected: Expected::Year,
                            found: crate::error::quote(key),
                        })?;
                    Ok((year, read::rate(rate)?))
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
        (ParamId::MutualAidRates, _) => read::rate(json)
            .map(|r| OverrideValue::Value(ParamValue::Rate(r)))
            .map_err(|p| p.expecting(Expected::YearlyPercent)),
        _ => ParamValue::from_json(parameter.unit(), json).map(OverrideValue::Value),
    }
}

pub(crate) fn industries(f: &Fields<'_>) -> Result<KeyIndustries, Error> {
    let chains: KeyIndustries = f.read_list("chains", |v| {
        read::code(v, Expected::Chain, Chain::from_code)
    })?;
    let clusters: KeyIndustries = f.read_list("clusters", |v| {
        read::code(v, Expected::Cluster, Cluster::from_code)
    })?;
    Ok(chains.and(clusters))
}

fn venue(f: &Fields<'_>) -> Result<Venue, Error> {
    f.only(VENUE_FIELDS)?;
    let kind = f.read("venue_kind", |v| {
        read::code(v, Expected::VenueKind, |code| match code {
            INDUSTRIAL_PARK => Some(None),
            other => GrassrootsKind::from_code(other).map(Some),
        })
    })?;
    let level = |v: &Value<'_>| read::code(v, Expected::ParkLevel, ParkLevel::from_code);
    match kind {
        Some(kind) => {
            let indoor_area = f.read("indoor_area_m2", read::area)?;
            // Checked though not used: a grassroots venue has no park level.
            f.read_optional("park_level", level)?;
            Ok(Venue::Grassroots { kind, indoor_area })
        }
        None => Ok(Venue::IndustrialPark {
            indoor_area: f.read_optional("indoor_area_m2", read::area)?,
            level: f.read("park_level", level)?,
        }),
    }
}

fn model_union(f: &Fields<'_>) -> Result<ModelUnionFacts, Error> {
    f.only(MODEL_UNION_FIELDS)?;
    Ok(ModelUnionFacts {
        industries: industries(f)?,
        tier: f.read("tier", |v| read::code(v, Expected::Tier, Tier::from_code))?,
        awarded_this_year: f
            .read_optional("awarded_this_year", read::count)?
            .unwrap_or(0),
    })
}

fn mutual_aid(f: &Fields<'_>) -> Result<MutualAidFacts, Error> {
    f.only(MUTUAL_AID_FIELDS)?;
    let industries = industries(f)?;
    f.required("enrolled_years")?;
    let enrolled_years: YearSet = f.read_list("enrolled_years", read::year)?;
    Ok(MutualAidFacts {
        industries,
        enrolled_years,
        year: f.read("year", read::year)?,
        premium: f.read("premium_fen", read::fen)?,
    })
}

fn share(f: &Fields<'_>, whole: &'static str, part: &'static str) -> Result<Share, Error> {
    let whole_value = f.read(whole, read::count)?;
    let part_value = f.read(part, read::count)?;
    Share::new(part_value, whole_value, f.path(whole)).map_err(|p| p.at(f.path(part)))
}

fn progress(f: &Fields<'_>) -> Result<ProgressFacts, Error> {
    f.only(PROGRESS_FIELDS)?;
    let year = f.read("year", read::year)?;
    let mut achieved = Figures::default();
    if let Some(figures) = f.object("achieved")? {
        figures.only(TargetId::CODES)?;
        for (name, value) in figures.entries() {
            // `only` has checked every name is a target; a `null` figure is
            // the same as none.
            if let (Some(target), false) = (TargetId::from_code(name), value.is_null()) {
                let n = read::count(value).map_err(|p| p.at(figures.path(name)))?;
                achieved.set(target, n);
            }
        }
    }
    Ok(ProgressFacts { year, achieved })
}
