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

/// A piece of an explanation's text: its own words (`&str`), or a value it
/// quotes (a year, an amount, the names of industries), written straight
/// into place.
///
/// Texts are made of pieces rather than `format_args!`: an answer writes
/// some twenty of them, and `core::fmt`'s interpreter of format strings was
/// an eighth of `evaluate_json`'s instructions (docs/PERFORMANCE.md). A
/// value that also has a `Display` writes the same text there: both go
/// through one function, generic over `fmt::Write`.
pub trait Words {
    /// Appends the text to `out`.
    fn write_words(&self, out: &mut String);
}

impl Words for str {
    fn write_words(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Words for String {
    fn write_words(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Words + ?Sized> Words for &T {
    fn write_words(&self, out: &mut String) {
        (**self).write_words(out);
    }
}

/// Whole numbers in decimal digits.
macro_rules! words_of_integers {
    ($($t:ty),*) => {$(
        impl Words for $t {
            fn write_words(&self, out: &mut String) {
                out.push_str(itoa::Buffer::new().format(*self));
            }
        }
    )*};
}
words_of_integers!(u16, u32, u64, usize);

/// [`Words`] and `Display` of types that write their text with one method,
/// `write_to(&self, out: &mut impl fmt::Write) -> fmt::Result`: the answer's
/// explanation and `to_string` give the same text from the same code.
macro_rules! words_and_display {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::explain::Words for $t {
            fn write_words(&self, out: &mut String) {
                // Writing into a `String` cannot fail.
                let _ = self.write_to(out);
            }
        }

        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.write_to(f)
            }
        }
    )*};
}
pub(crate) use words_and_display;

/// Where the steps of an explanation go, one at a time, as they are worked
/// out: a `Vec<Step>`, or the JSON of an answer.
pub trait Explainer {
    /// Takes one step, its text given as pieces so that it can be written
    /// straight into place.
    fn step(
        &mut self,
        rule: &'static str,
        clause: Clause,
        reading: Option<Clause>,
        holds: bool,
        text: &[&dyn Words],
    );
}

impl Explainer for Vec<Step> {
    fn step(
        &mut self,
        rule: &'static str,
        clause: Clause,
        reading: Option<Clause>,
        holds: bool,
        text: &[&dyn Words],
    ) {
        let mut words = String::new();
        text.iter().for_each(|piece| piece.write_words(&mut words));
        self.push(Step::new(rule, clause, reading, holds, words));
    }
}

/// Takes one step in the language asked for: `say!(out, lang, (rule, clause,
/// reading, holds), zh[year, "年…", amount], en["In ", year, …])`, the four
/// first given as one tuple, each text as its pieces ([`Words`]) in order.
macro_rules! say {
    ($out:expr, $lang:expr, $step:expr, zh[$($zh:expr),* $(,)?], en[$($en:expr),* $(,)?] $(,)?) => {{
        let (rule, clause, reading, holds) = $step;
        match $lang {
            $crate::Lang::Zh => $out.step(rule, clause, reading, holds, &[$(&$zh as &dyn $crate::explain::Words),*]),
            $crate::Lang::En => $out.step(rule, clause, reading, holds, &[$(&$en as &dyn $crate::explain::Words),*]),
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
