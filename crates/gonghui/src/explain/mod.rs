//! Explanations: the steps a decision took, each with its rule, its clause,
//! whether it held and the values compared, in Chinese or English.
//!
//! Decisions hold numbers, not sentences; the words are written only when an
//! explanation is asked for, so the typed API pays nothing for them. They are
//! written into an [`Explainer`]: a list of [`Step`]s for the typed API, or
//! the answer's JSON directly (the contract's answer writer), so that an
//! answer builds no sentence twice.

use crate::vocab::Clause;
use crate::vocab::words::Text;

/// One step of an explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// A stable id of the rule applied, such as `mutual_aid.continuous`.
    pub rule: &'static str,
    /// The clause of the policy reading the rule rests on.
    pub clause: Clause,
    /// The reading (`I1`–`I9`) used to read the clause, if any.
    pub reading: Option<Clause>,
    /// Whether the condition held.
    pub holds: bool,
    /// What was compared and what followed, in the language asked for.
    pub text: String,
}

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
        self.push(Step {
            rule,
            clause,
            reading,
            holds,
            text: words,
        });
    }
}

/// Takes one step in the language asked for: `say!(out, lang, (rule, clause,
/// reading, holds), zh[year, "年…", amount], en["In ", year, …])`, the four
/// first given as one tuple, each text as its pieces in order
/// ([`text!`](crate::vocab::words::text)).
macro_rules! say {
    ($out:expr, $lang:expr, $step:expr, zh[$($zh:tt)*], en[$($en:tt)*] $(,)?) => {{
        let (rule, clause, reading, holds) = $step;
        match $lang {
            $crate::vocab::Lang::Zh => $out.step(rule, clause, reading, holds, $crate::vocab::words::text!($($zh)*)),
            $crate::vocab::Lang::En => $out.step(rule, clause, reading, holds, $crate::vocab::words::text!($($en)*)),
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
