//! Explanations: the steps a decision took, each with its rule, its clause,
//! whether it held and the values compared, in Chinese or English.
//!
//! Decisions hold numbers, not sentences; the words are written only when an
//! explanation is asked for, so the typed API pays nothing for them. They are
//! written into an [`Explainer`]: a list of [`Step`]s for the typed API, or
//! the answer's JSON directly, so that an answer builds no sentence twice.

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

/// Where the steps of an explanation go, one at a time, as they are worked
/// out: a `Vec<Step>`, or the JSON of an answer.
pub trait Explainer {
    /// Takes one step, its text given as format arguments so that it can be
    /// written straight into place.
    fn step(
        &mut self,
        rule: &'static str,
        clause: Clause,
        reading: Option<Clause>,
        holds: bool,
        text: fmt::Arguments<'_>,
    );
}

impl Explainer for Vec<Step> {
    fn step(
        &mut self,
        rule: &'static str,
        clause: Clause,
        reading: Option<Clause>,
        holds: bool,
        text: fmt::Arguments<'_>,
    ) {
        self.push(Step::new(rule, clause, reading, holds, text.to_string()));
    }
}

/// Takes one step in the language asked for: `say!(out, lang, (rule, clause,
/// reading, holds), zh("…", args), en("…", args))`, the four first given as
/// one tuple.
macro_rules! say {
    ($out:expr, $lang:expr, $step:expr, zh($($zh:tt)*), en($($en:tt)*) $(,)?) => {{
        let (rule, clause, reading, holds) = $step;
        match $lang {
            $crate::Lang::Zh => $out.step(rule, clause, reading, holds, format_args!($($zh)*)),
            $crate::Lang::En => $out.step(rule, clause, reading, holds, format_args!($($en)*)),
        }
    }};
}
pub(crate) use say;

/// The steps an explainer-writing function takes, collected as a list.
pub(crate) fn collect(write: impl FnOnce(&mut Vec<Step>)) -> Vec<Step> {
    let mut steps = Vec::new();
    write(&mut steps);
    steps
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
