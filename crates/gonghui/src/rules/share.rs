//! "At least this share of them": the arithmetic and the explanation shared by
//! C5 (nominations) and C6 (studio slots) (POLICY I1, I8).

use super::basis::Basis;
use crate::explain::{self, Explainer, Step, say};
use crate::json::write::{Json, key};
use crate::policy::Used;
use crate::read::values as read;
use crate::read::{Error, Fields, Problem};
use crate::vocab::{Clause, Lang, Rate, percent_one_decimal};

/// A part of a whole, such as the candidates from the chains and clusters
/// among all candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Share {
    part: u64,
    whole: u64,
}

impl Share {
    /// `part` of `whole`; a part larger than its whole is an error, reported
    /// against `whole_field`.
    pub(crate) fn new(part: u64, whole: u64, whole_field: String) -> Result<Share, Problem> {
        if part > whole {
            return Err(Problem::Exceeds {
                part,
                total: whole,
                total_field: whole_field,
            });
        }
        Ok(Share { part, whole })
    }

    /// `part` of `whole`, or `None` when the part is larger.
    pub fn of(part: u64, whole: u64) -> Option<Share> {
        (part <= whole).then_some(Share { part, whole })
    }

    /// The part.
    pub fn part(self) -> u64 {
        self.part
    }

    /// The whole.
    pub fn whole(self) -> u64 {
        self.whole
    }
}

/// Which share rule: the clause it rests on and the words it is told in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct ShareRule {
    pub(crate) rule: &'static str,
    pub(crate) clause: Clause,
    /// Chinese: the whole's measure word and noun, the part's predicate,
    /// the measure word alone, the sentence for an empty whole, and the
    /// clause's requirement in its own words, before and after the share.
    pub(crate) zh: [&'static str; 6],
    /// English: the whole's noun, the part's predicate, the empty-whole
    /// sentence, and the clause's requirement before and after the share.
    pub(crate) en: [&'static str; 5],
}

/// The answer to a share question (`nomination_share`, `studio_quota`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ShareDecision {
    share: Share,
    /// The least share, as used and as published.
    min: Used<Rate>,
    rule: ShareRule,
}

impl ShareDecision {
    pub(crate) fn new(share: Share, min: Used<Rate>, rule: ShareRule) -> ShareDecision {
        ShareDecision { share, min, rule }
    }

    /// Writes the answer's own fields: `required`, `share_percent`.
    pub(crate) fn write(&self, j: &mut Json) {
        j.key(key!("required"));
        j.u64(self.required());
        j.key(key!("share_percent"));
        j.opt_str(self.share_percent().as_deref());
    }

    /// The least part that meets the share: ⌈min × whole⌉ (I8), so "not
    /// below 30%" of 7 candidates is 3. Nothing is required of an empty whole.
    pub fn required(&self) -> u64 {
        self.min.value.ceil_of(self.share.whole)
    }

    /// Whether the part meets the share (I1: "not below" includes the bound).
    pub fn compliant(&self) -> bool {
        self.share.part >= self.required()
    }

    /// The part's share as a percentage with one decimal, half up (I8);
    /// `None` for an empty whole, where it is undefined.
    pub fn share_percent(&self) -> Option<String> {
        percent_one_decimal(self.share.part, self.share.whole)
    }

    /// The least share required.
    pub fn min_share(&self) -> Rate {
        self.min.value
    }

    /// The steps taken, in `lang`.
    pub fn explain(&self, lang: Lang) -> Vec<Step> {
        explain::collect(|steps| self.explain_to(lang, steps))
    }

    /// Writes the steps taken, in `lang`, into `out`.
    pub(crate) fn explain_to(&self, lang: Lang, out: &mut dyn Explainer) {
        let (part, whole, min) = (self.share.part, self.share.whole, self.min.value);
        let (required, clause) = (self.required(), self.rule.clause);
        let [zh_whole, zh_part, zh_unit, zh_none, zh_before, zh_after] = self.rule.zh;
        let [en_whole, en_part, en_none, en_before, en_after] = self.rule.en;
        let step = (self.rule.rule, clause, Some(Clause::I8), self.compliant());
        let Some(pct) = self.share_percent() else {
            return say!(
                out,
                lang,
                step,
                zh[zh_none, "：无占比要求，占比无定义（I8）"],
                en[en_none, ": nothing is required and the share is undefined (I8)"],
            );
        };
        let (zh_verdict, en_verdict) = if self.compliant() {
            ("符合要求", "compliant")
        } else {
            ("不符合要求", "not compliant")
        };
        let basis = Basis::of(clause, self.min, lang, |r| r);
        if basis.overridden() {
            say!(
                out,
                lang,
                step,
                zh[whole, zh_whole, "中有", part, zh_unit, zh_part, "（占", pct, "%）；要求的占比为", min, "（", basis, "），按I8即至少", required, zh_unit, "（", whole, "×", min, "，向上取整），", zh_verdict],
                en[part, " of ", whole, " ", en_whole, " ", en_part, " (", pct, "%); the share required is ", min, " (", basis, "), which I8 reads as at least ", required, " (", whole, " × ", min, ", rounded up): ", en_verdict],
            );
        } else {
            say!(
                out,
                lang,
                step,
                zh[whole, zh_whole, "中有", part, zh_unit, zh_part, "（占", pct, "%）；", clause, zh_before, min, zh_after, "，按I8即至少", required, zh_unit, "（", whole, "×", min, "，向上取整），", zh_verdict],
                en[part, " of ", whole, " ", en_whole, " ", en_part, " (", pct, "%); ", clause, en_before, min, en_after, ", which I8 reads as at least ", required, " (", whole, " × ", min, ", rounded up): ", en_verdict],
            );
        }
    }
}

/// Reads a share from the fields `[whole, part]` of a question's facts,
/// which hold those fields only: a part larger than its whole is refused at
/// the part, naming the whole.
pub(crate) fn read(f: &Fields<'_>, fields: &'static [&'static str; 2]) -> Result<Share, Error> {
    let [whole, part] = *fields;
    f.only(fields)?;
    let whole_value = f.read(whole, read::count)?;
    let part_value = f.read(part, read::count)?;
    Share::new(part_value, whole_value, f.path(whole)).map_err(|p| p.at(f.path(part)))
}

/// The [`Rule`](super::Rule) of a share question: the facts wrap a
/// [`Share`], read from two fields, decided against one parameter, and
/// answered with `required` and `share_percent`.
macro_rules! share_question {
    (
        $facts:ident, $code:literal, $zh:literal, $en:literal, $clause:ident,
        fields: $fields:expr, min: $min:ident = $param:ident, words: $words:expr $(,)?
    ) => {
        impl $crate::rules::Rule for $facts {
            const CODE: &'static str = $code;
            const NAME_ZH: &'static str = $zh;
            const NAME_EN: &'static str = $en;
            const CLAUSE: $crate::vocab::Clause = $crate::vocab::Clause::$clause;
            type Decision = $crate::rules::share::ShareDecision;

            fn read(
                f: &$crate::read::Fields<'_>,
                _: $crate::rules::ReadCase,
            ) -> Result<$facts, $crate::read::Error> {
                $crate::rules::share::read(f, $fields).map($facts)
            }

            fn decide(
                &self,
                params: &$crate::policy::Parameters,
            ) -> Result<Self::Decision, $crate::read::Error> {
                Ok(decide(params, self))
            }

            fn outcome(d: &Self::Decision) -> $crate::rules::Outcome {
                use $crate::rules::Outcome;
                Outcome::of(d.compliant(), Outcome::Compliant, Outcome::Noncompliant)
            }

            fn explain(
                d: &Self::Decision,
                lang: $crate::vocab::Lang,
                out: &mut dyn $crate::explain::Explainer,
            ) {
                d.explain_to(lang, out);
            }

            fn write(
                d: &Self::Decision,
                j: &mut $crate::json::write::Json,
                _: &$crate::rules::Context<'_>,
            ) {
                d.write(j);
            }
        }

        /// Decides the question under `params`.
        pub fn decide(
            params: &$crate::policy::Parameters,
            facts: &$facts,
        ) -> $crate::rules::share::ShareDecision {
            let min = params.used($crate::policy::ParamId::$param, params.$min);
            $crate::rules::share::ShareDecision::new(facts.0, min, $words)
        }
    };
}
pub(crate) use share_question;

#[cfg(test)]
mod tests {
    use super::Share;
    use crate::policy::Policy;
    use crate::rules::nomination::{self, NominationFacts};
    use crate::rules::studio::{self, StudioFacts};

    fn nominations(part: u64, whole: u64) -> super::ShareDecision {
        nomination::decide(
            Policy::published().parameters(),
            &NominationFacts(Share::of(part, whole).unwrap()),
        )
    }

    fn studios(part: u64, whole: u64) -> super::ShareDecision {
        studio::decide(
            Policy::published().parameters(),
            &StudioFacts(Share::of(part, whole).unwrap()),
        )
    }

    #[test]
    fn c5_i8_at_least_30_percent_rounded_up() {
        assert_eq!(nominations(36, 120).required(), 36);
        assert!(nominations(36, 120).compliant());
        assert!(!nominations(35, 120).compliant());
        assert_eq!(nominations(3, 7).required(), 3); // 2.1 → 3
        assert!(!nominations(2, 7).compliant());
        assert_eq!(
            nominations(100, 120).share_percent().as_deref(),
            Some("83.3")
        );
    }

    #[test]
    fn c6_i8_at_least_half_the_slots_rounded_up() {
        assert_eq!(studios(5, 10).required(), 5);
        assert!(studios(5, 10).compliant());
        assert_eq!(studios(2, 5).required(), 3); // 2.5 → 3
        assert!(!studios(2, 5).compliant());
        assert_eq!(studios(1, 3).share_percent().as_deref(), Some("33.3"));
    }

    #[test]
    fn i8_nothing_required_of_nothing() {
        for d in [nominations(0, 0), studios(0, 0)] {
            assert_eq!(d.required(), 0);
            assert!(d.compliant());
            assert_eq!(d.share_percent(), None);
        }
        assert_eq!(Share::of(2, 1), None);
    }
}
