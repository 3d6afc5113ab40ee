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

/// Whole numbers in decimal digits, all written as `u64` (one copy of the
/// digit writer in the WebAssembly module).
macro_rules! words_of_integers {
    ($($t:ty),*) => {$(
        impl Words for $t {
            fn write_words(&self, out: &mut String) {
                out.push_str(itoa::Buffer::new().format(*self as u64));
            }
        }
    )*};
}
words_of_integers!(u16, u32, u64, usize);

/// [`Words`] and `Display` of types that write their text with one method,
/// `write_to(&self, out: &mut impl fmt::Write) -> fmt::Result`: the answer's
/// explanation and `to_string` give the same text from the same code.
/// `Display` writes through a `String`, so that each writer is compiled
/// once, for strings (the WebAssembly module has a size budget); it serves
/// messages and tests, not the answers.
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
                let mut text = String::new();
                $crate::explain::Words::write_words(self, &mut text);
                f.write_str(&text)
            }
        }
    )*};
}
pub(crate) use words_and_display;

/// An explanation's text: its own words, and the values it quotes between
/// them, as `format_args!` holds them but written without `core::fmt`: the
/// words are one static table, and only the values are gathered per text.
#[derive(Clone, Copy)]
pub struct Text<'a> {
    /// One more than the values: before each value, and after the last.
    words: &'static [&'static str],
    values: &'a [&'a dyn Words],
}

impl<'a> Text<'a> {
    /// The text of `words` with `values` between them; built by [`text!`].
    pub(crate) const fn new(
        words: &'static [&'static str],
        values: &'a [&'a dyn Words],
    ) -> Text<'a> {
        Text { words, values }
    }

    /// About the length of the text, to write it without growing the
    /// string: the words and a short value each.
    fn capacity_hint(self) -> usize {
        self.words.iter().map(|w| w.len()).sum::<usize>() + 16 * self.values.len()
    }

    /// Appends the text to `out`.
    pub(crate) fn write_to(self, out: &mut String) {
        let (first, rest) = self.words.split_first().unwrap_or((&"", &[]));
        out.push_str(first);
        for (value, words) in self.values.iter().zip(rest) {
            value.write_words(out);
            out.push_str(words);
        }
    }
}

/// A [`Text`] from its pieces in order, words and values (plain names):
/// `text!["在", year, "年"]`. The words go to a static table, each run of
/// them joined into one; a value is anything that is [`Words`].
macro_rules! text {
    (@ [$($w:expr,)*] [$($v:expr,)*] ($p:expr)) => {
        $crate::explain::Text::new(&[$($w,)* $p], &[$(&$v as &dyn $crate::explain::Words,)*])
    };
    (@ [$($w:expr,)*] [$($v:expr,)*] ($p:expr) $l:literal $(, $($rest:tt)*)?) => {
        $crate::explain::text!(@ [$($w,)*] [$($v,)*] (concat!($p, $l)) $($($rest)*)?)
    };
    (@ [$($w:expr,)*] [$($v:expr,)*] ($p:expr) $x:ident $(, $($rest:tt)*)?) => {
        $crate::explain::text!(@ [$($w,)* $p,] [$($v,)* $x,] ("") $($($rest)*)?)
    };
    ($($piece:tt)*) => {
        $crate::explain::text!(@ [] [] ("") $($piece)*)
    };
}
pub(crate) use text;

/// Where the steps of an explanation go, one at a time, as they are worked
/// out: a `Vec<Step>`, or the JSON of an answer.
pub trait Explainer {
    /// Takes one step, its text given as its pieces so that it can be
    /// written straight into place.
    fn step(
        &mut self,
        rule: &'static str,
        clause: Clause,
        reading: Option<Clause>,
        holds: bool,
        text: Text<'_>,
    );
}

impl Explainer for Vec<Step> {
    fn step(
        &mut self,
        rule: &'static str,
        clause: Clause,
        reading: Option<Clause>,
        holds: bool,
        text: Text<'_>,
    ) {
        let mut words = String::with_capacity(text.capacity_hint());
        text.write_to(&mut words);
        self.push(Step::new(rule, clause, reading, holds, words));
    }
}

/// Takes one step in the language asked for: `say!(out, lang, (rule, clause,
/// reading, holds), zh[year, "年…", amount], en["In ", year, …])`, the four
/// first given as one tuple, each text as its pieces in order ([`text!`]).
macro_rules! say {
    ($out:expr, $lang:expr, $step:expr, zh[$($zh:tt)*], en[$($en:tt)*] $(,)?) => {{
        let (rule, clause, reading, holds) = $step;
        match $lang {
            $crate::Lang::Zh => $out.step(rule, clause, reading, holds, $crate::explain::text!($($zh)*)),
            $crate::Lang::En => $out.step(rule, clause, reading, holds, $crate::explain::text!($($en)*)),
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
