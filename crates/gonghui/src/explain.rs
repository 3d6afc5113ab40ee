//! Explanations: the steps a decision took, each with its rule, its clause,
//! whether it held and the values compared, in Chinese or English.
//!
//! Decisions hold numbers, not sentences; the words are written only when an
//! explanation is asked for, so the typed API pays nothing for them.

use std::fmt;

use crate::Clause;

/// The language of explanation texts and error messages.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese (`zh`), the default.
    #[default]
    Zh,
    /// English (`en`).
    En,
}

impl Lang {
    /// Every language, default first.
    pub const ALL: &'static [Lang] = &[Lang::Zh, Lang::En];

    /// The code used in requests: `zh` or `en`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language with this code, if any.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.iter().copied().find(|l| l.code() == code)
    }

    /// Picks the text in this language.
    pub(crate) fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One step of an explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// A stable id of the rule applied, such as `mutual_aid.continuous`.
    pub rule: &'static str,
    /// The clause of POLICY.md the rule rests on.
    pub clause: Clause,
    /// The interpretation of POLICY.md used to read the clause, if any.
    pub reading: Option<Clause>,
    /// Whether the condition held.
    pub holds: bool,
    /// What was compared and what followed, in the language asked for.
    pub text: String,
}

impl Step {
    pub(crate) fn new(
        rule: &'static str,
        clause: Clause,
        reading: Option<Clause>,
        holds: bool,
        text: String,
    ) -> Step {
        Step {
            rule,
            clause,
            reading,
            holds,
            text,
        }
    }
}
