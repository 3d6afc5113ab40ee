//! The policy as data: the clauses, the parameters with their source words,
//! and what the article leaves open, loaded from one human-readable file.
//!
//! The published policy is `policy/jiangxi-1269.json`, embedded in the crate.
//! It is read and checked once, on first use ([`Policy::published`]): every
//! clause of the policy reading (docs/POLICY.md) is there and no other, every parameter the rules read is
//! there once with the unit they read it in, values are valid for their unit,
//! timelines have no gap or overlap, and each target cites its clause. A file
//! that breaks any of this fails the crate's tests, so it never ships.

mod diff;
mod file;
mod overrides;
mod params;
mod problem;

use std::sync::OnceLock;

pub use diff::ParamChange;
pub(crate) use overrides::read_overrides;
pub use overrides::{Override, OverrideError, OverrideValue, overrides_from_json};
pub use params::{ParamId, ParamValue, Parameters, Unit, Used, YearlyRates};
pub use problem::{PolicyError, PolicyProblem, Timeline};

use crate::json::Malformed;
use crate::json::write::Json;
use crate::vocab::{Clause, Lang, TargetId, Year};

/// The embedded policy file.
pub const PUBLISHED_JSON: &str = include_str!("../../policy/jiangxi-1269.json");

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// A clause of the policy reading with its source words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseText {
    /// The clause.
    pub clause: Clause,
    /// Where it is in the article (lines of the seed file), for clauses.
    pub line: Option<String>,
    /// The Chinese source words (abridged) and the English gloss.
    pub text: Text,
}

/// How a parameter's value changed over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum History {
    /// It did not change.
    Fixed,
    /// The action revised it (C9, C10); the date of the revision is not
    /// published ([`OpenTopic::RevisionDate`]).
    Revised {
        /// The value before the revision.
        before: ParamValue,
    },
    /// It takes a value for each year (C18).
    ByYear,
}

/// A parameter as the policy publishes it: where it comes from and how it
/// changed. Its value in force is in [`Parameters`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamInfo {
    /// The parameter.
    pub id: ParamId,
    /// The clause the value comes from.
    pub clause: Clause,
    /// The interpretation that reads it, if any.
    pub reading: Option<Clause>,
    /// The Chinese source words and an English gloss.
    pub text: Text,
    /// How it changed over time.
    pub history: History,
}

/// Something the article leaves open, which answers say rather than guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OpenTopic {
    /// From which date the revised venue standard (C9, C10) applies.
    RevisionDate,
    /// The subsidy amount for grassroots venues (I4).
    GrassrootsVenueAmount,
    /// The premium of the mutual-aid plan (C17).
    MutualAidPremium,
    /// How the 100 yearly union awards are ranked when more apply (C13).
    AwardRanking,
    /// The breakdown of the M3 innovation project (I9).
    InnovationProjectTargets,
    /// Which three years C3's "3年内" covers.
    ThreeYearWindow,
}

impl OpenTopic {
    /// Every topic, in the order of the policy file.
    pub const ALL: &'static [OpenTopic] = &[
        OpenTopic::RevisionDate,
        OpenTopic::GrassrootsVenueAmount,
        OpenTopic::MutualAidPremium,
        OpenTopic::AwardRanking,
        OpenTopic::InnovationProjectTargets,
        OpenTopic::ThreeYearWindow,
    ];

    /// The code used in JSON.
    pub const fn code(self) -> &'static str {
        match self {
            OpenTopic::RevisionDate => "revision_date",
            OpenTopic::GrassrootsVenueAmount => "grassroots_venue_amount",
            OpenTopic::MutualAidPremium => "mutual_aid_premium",
            OpenTopic::AwardRanking => "award_ranking",
            OpenTopic::InnovationProjectTargets => "innovation_project_targets",
            OpenTopic::ThreeYearWindow => "three_year_window",
        }
    }

    /// The topic with this code, if any.
    pub fn from_code(code: &str) -> Option<OpenTopic> {
        OpenTopic::ALL.iter().copied().find(|t| t.code() == code)
    }
}

/// What the article leaves open, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenText {
    /// The topic.
    pub topic: OpenTopic,
    /// The clause it concerns.
    pub clause: Clause,
    /// The note, in both languages.
    pub text: Text,
    /// The note as JSON string literals (Chinese, English), escaped once
    /// when the policy is loaded rather than in every answer.
    json: [String; 2],
}

impl OpenText {
    pub(crate) fn new(topic: OpenTopic, clause: Clause, text: Text) -> OpenText {
        let json = [Json::literal(&text.zh), Json::literal(&text.en)];
        OpenText {
            topic,
            clause,
            text,
            json,
        }
    }

    /// The note in `lang` as a JSON string literal.
    pub(crate) fn json(&self, lang: Lang) -> &str {
        &self.json[lang as usize]
    }
}

/// A figure the article reports for one of the action's targets (2023).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reported {
    /// The target.
    pub target: TargetId,
    /// The year of the figure.
    pub year: Year,
    /// The figure.
    pub achieved: u64,
    /// Whether the article says "over" the figure (余): at least this many.
    pub at_least: bool,
    /// The clause that reports it.
    pub clause: Clause,
    /// The article's words and an English gloss.
    pub text: Text,
}

/// A loaded, checked policy: its clauses, parameters and open questions, and
/// the values of its parameters as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    id: String,
    title: Text,
    source: Text,
    clauses: Vec<ClauseText>,
    parameters: Vec<ParamInfo>,
    open: Vec<OpenText>,
    reported: Vec<Reported>,
    published: Parameters,
}

impl Policy {
    /// The published policy, read from the embedded file once and shared.
    ///
    /// The embedded file is checked by this crate's tests
    /// (`policy::tests::published_policy_loads`), so loading it cannot fail in
    /// a released build.
    pub fn published() -> &'static Policy {
        static PUBLISHED: OnceLock<Policy> = OnceLock::new();
        PUBLISHED.get_or_init(|| match Policy::from_json(PUBLISHED_JSON) {
            Ok(policy) => policy,
            // Not formatted: the message would carry every error's text into
            // every build, for a case the tests rule out.
            Err(_) => unreachable!("the embedded policy file is checked by the tests"),
        })
    }

    /// Reads and checks a policy file, refusing it whole with every problem
    /// found (each naming the parameter or field at fault).
    pub fn from_json(json: &str) -> Result<Policy, PolicyError> {
        file::load(json)
    }

    /// Reads and checks a policy file given as bytes, which must be UTF-8.
    pub fn from_bytes(bytes: &[u8]) -> Result<Policy, PolicyError> {
        match std::str::from_utf8(bytes) {
            Ok(text) => file::load(text),
            Err(e) => Err(PolicyError::new(vec![PolicyProblem::Malformed(
                Malformed::NotUtf8 {
                    valid_up_to: e.valid_up_to(),
                },
            )])),
        }
    }

    /// The policy's id, stamped on every decision: `jiangxi-1269`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The policy's title.
    pub fn title(&self) -> &Text {
        &self.title
    }

    /// The article the policy is read from.
    pub fn source(&self) -> &Text {
        &self.source
    }

    /// Every clause and reading with its words, in the order of the policy reading.
    pub fn clauses(&self) -> &[ClauseText] {
        &self.clauses
    }

    /// The words of one clause.
    pub fn clause(&self, clause: Clause) -> &ClauseText {
        // One per clause, in `Clause::ALL` order: checked when loading.
        &self.clauses[clause as usize]
    }

    /// Every parameter as published, in catalog order.
    pub fn parameter_infos(&self) -> &[ParamInfo] {
        &self.parameters
    }

    /// One parameter as published.
    pub fn parameter_info(&self, id: ParamId) -> &ParamInfo {
        // One per parameter, in `ParamId::ALL` order: checked when loading.
        &self.parameters[id as usize]
    }

    /// Every open question, with its note.
    pub fn open(&self) -> &[OpenText] {
        &self.open
    }

    /// The note on one open question.
    pub fn open_text(&self, topic: OpenTopic) -> &OpenText {
        // One per topic, in `OpenTopic::ALL` order: checked when loading.
        &self.open[topic as usize]
    }

    /// The figures the article reports for the targets, in the file's order.
    pub fn reported(&self) -> &[Reported] {
        &self.reported
    }

    /// The values of the parameters as published.
    pub fn parameters(&self) -> &Parameters {
        &self.published
    }
}

#[cfg(test)]
mod tests;
