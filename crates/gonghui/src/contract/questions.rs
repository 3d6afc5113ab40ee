//! The eleven questions of the contract: the one list of them, and the
//! enums and dispatch made from it.
//!
//! The questions about one case are listed with the rules (`rules::cases!`),
//! which hands them here; those about populations and the catalog follow.
//! Every entry is `Variant(Facts) -> Decision`, the facts implementing the
//! rules' `Rule`: adding a question is one entry in one of the two lists.

use super::catalog::Catalog;
use crate::explain::{self, Explainer, Step};
use crate::json::write::Json;
use crate::planning::allocation::{AllocationDecision, AllocationFacts};
use crate::planning::budget::{BudgetDecision, BudgetFacts};
use crate::planning::comparison::{ComparisonDecision, ComparisonFacts};
use crate::planning::schedule::{ScheduleDecision, ScheduleFacts};
use crate::policy::{OpenTopic, Parameters};
use crate::read::{Error, Fields};
use crate::rules::{Case, CaseDecision, CaseKind, Context, Outcome, ReadCase, Rule};
use crate::vocab::{Clause, Fen, Lang};

/// The contract's questions, their facts and decisions, and the dispatch
/// from the one to the other, made from the two lists.
macro_rules! questions {
    (
        cases: [$($(#[$cdoc:meta])* $case:ident($cfacts:ty) -> $cdecision:ty,)+]
        others: [$($(#[$odoc:meta])* $other:ident($ofacts:ty) -> $odecision:ty,)+]
    ) => {
        /// The questions of the contract.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum QuestionKind {
            $($(#[$cdoc])* $case,)+
            $($(#[$odoc])* $other,)+
        }

        impl QuestionKind {
            /// Every question, in the contract's order.
            pub const ALL: &'static [QuestionKind] =
                &[$(QuestionKind::$case,)+ $(QuestionKind::$other,)+];

            /// Every code, in the same order.
            pub const CODES: &'static [&'static str] =
                &[$(<$cfacts as Rule>::CODE,)+ $(<$ofacts as Rule>::CODE,)+];

            /// The code used in requests: `venue_subsidy`.
            pub const fn code(self) -> &'static str {
                match self {
                    $(QuestionKind::$case => <$cfacts as Rule>::CODE,)+
                    $(QuestionKind::$other => <$ofacts as Rule>::CODE,)+
                }
            }

            /// The Chinese name.
            pub const fn name_zh(self) -> &'static str {
                match self {
                    $(QuestionKind::$case => <$cfacts as Rule>::NAME_ZH,)+
                    $(QuestionKind::$other => <$ofacts as Rule>::NAME_ZH,)+
                }
            }

            /// The English name.
            pub const fn name_en(self) -> &'static str {
                match self {
                    $(QuestionKind::$case => <$cfacts as Rule>::NAME_EN,)+
                    $(QuestionKind::$other => <$ofacts as Rule>::NAME_EN,)+
                }
            }

            /// The clause a question rests on first.
            pub const fn clause(self) -> Clause {
                match self {
                    $(QuestionKind::$case => <$cfacts as Rule>::CLAUSE,)+
                    $(QuestionKind::$other => <$ofacts as Rule>::CLAUSE,)+
                }
            }

            /// Whether the question is about one case (and so may be part of
            /// a population), rather than the catalog or a population itself.
            pub const fn is_case(self) -> bool {
                matches!(self, $(QuestionKind::$case)|+)
            }

            /// Whether a request may leave out `facts`.
            pub(crate) const fn facts_optional(self) -> bool {
                match self {
                    $(QuestionKind::$case => <$cfacts as Rule>::FACTS_OPTIONAL,)+
                    $(QuestionKind::$other => <$ofacts as Rule>::FACTS_OPTIONAL,)+
                }
            }

            /// Reads the facts of this question.
            pub(crate) fn read(self, facts: &Fields<'_>, read_case: ReadCase) -> Result<Question, Error> {
                Ok(match self {
                    $(QuestionKind::$case => Question::$case(Rule::read(facts, read_case)?),)+
                    $(QuestionKind::$other => Question::$other(Rule::read(facts, read_case)?),)+
                })
            }
        }

        impl From<CaseKind> for QuestionKind {
            fn from(kind: CaseKind) -> QuestionKind {
                match kind {
                    $(CaseKind::$case => QuestionKind::$case,)+
                }
            }
        }

        /// A question with its facts.
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum Question {
            $($(#[$cdoc])* $case($cfacts),)+
            $($(#[$odoc])* $other($ofacts),)+
        }

        impl Question {
            /// Which question this is.
            pub fn kind(&self) -> QuestionKind {
                match self {
                    $(Question::$case(_) => QuestionKind::$case,)+
                    $(Question::$other(_) => QuestionKind::$other,)+
                }
            }

            /// Decides the question under `params`.
            ///
            /// The questions about one case cannot fail; those about a
            /// population fail when a comparison's alternative cannot apply
            /// or a total would exceed what the contract carries (2^53 − 1
            /// fen).
            pub fn decide(&self, params: &Parameters) -> Result<Decision, Error> {
                Ok(match self {
                    $(Question::$case(facts) => Decision::$case(Rule::decide(facts, params)?),)+
                    $(Question::$other(facts) => Decision::$other(Rule::decide(facts, params)?),)+
                })
            }

            /// The question about one case this is; `None` for the catalog
            /// and the questions about populations.
            pub fn into_case(self) -> Option<Case> {
                match self {
                    $(Question::$case(facts) => Some(Case::$case(facts)),)+
                    _ => None,
                }
            }
        }

        impl From<Case> for Question {
            fn from(case: Case) -> Question {
                match case {
                    $(Case::$case(facts) => Question::$case(facts),)+
                }
            }
        }

        /// The answer to a question.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Decision {
            $($(#[$cdoc])* $case($cdecision),)+
            $($(#[$odoc])* $other($odecision),)+
        }

        impl From<CaseDecision> for Decision {
            fn from(decision: CaseDecision) -> Decision {
                match decision {
                    $(CaseDecision::$case(d) => Decision::$case(d),)+
                }
            }
        }

        impl Decision {
            /// Which question this answers.
            pub fn kind(&self) -> QuestionKind {
                match self {
                    $(Decision::$case(_) => QuestionKind::$case,)+
                    $(Decision::$other(_) => QuestionKind::$other,)+
                }
            }

            /// The outcome.
            pub fn outcome(&self) -> Outcome {
                match self {
                    $(Decision::$case(d) => <$cfacts as Rule>::outcome(d),)+
                    $(Decision::$other(d) => <$ofacts as Rule>::outcome(d),)+
                }
            }

            /// The amount decided, for the questions that pay one: the
            /// venue, union and mutual-aid subsidies.
            pub fn amount(&self) -> Option<Fen> {
                match self {
                    $(Decision::$case(d) => <$cfacts as Rule>::amount(d),)+
                    $(Decision::$other(d) => <$ofacts as Rule>::amount(d),)+
                }
            }

            /// What the published policy leaves open that bears on this answer.
            pub fn open(&self) -> &'static [OpenTopic] {
                match self {
                    $(Decision::$case(d) => <$cfacts as Rule>::open(d),)+
                    $(Decision::$other(d) => <$ofacts as Rule>::open(d),)+
                }
            }

            /// Writes the steps taken, in `lang`, into `out`.
            pub(crate) fn explain_to(&self, lang: Lang, out: &mut dyn Explainer) {
                match self {
                    $(Decision::$case(d) => <$cfacts as Rule>::explain(d, lang, out),)+
                    $(Decision::$other(d) => <$ofacts as Rule>::explain(d, lang, out),)+
                }
            }

            /// Writes the answer's own fields.
            pub(crate) fn write(&self, j: &mut Json, cx: &Context<'_>) {
                match self {
                    $(Decision::$case(d) => <$cfacts as Rule>::write(d, j, cx),)+
                    $(Decision::$other(d) => <$ofacts as Rule>::write(d, j, cx),)+
                }
            }
        }
    };
}

crate::rules::cases!(questions! {
    others: [
        /// `catalog`: what does the policy contain? Codes, targets and parameters.
        Catalog(Catalog) -> Catalog,
        /// `allocate_awards` (C13): which applications get the year's capped union awards?
        AllocateAwards(AllocationFacts) -> AllocationDecision,
        /// `compare_policies`: what does a change of standard do to a population?
        ComparePolicies(ComparisonFacts) -> ComparisonDecision,
        /// `yearly_budget` (C12, C13): what money do the yearly targets imply, and what was committed?
        YearlyBudget(BudgetFacts) -> BudgetDecision,
        /// `mutual_aid_schedule` (C18, C19): what will a joining enterprise receive each year?
        MutualAidSchedule(ScheduleFacts) -> ScheduleDecision,
    ]
});

impl QuestionKind {
    /// The codes of the questions about one case: those a population holds.
    pub const CASE_CODES: &'static [&'static str] = CaseKind::CODES;

    /// The question with this code, if any.
    pub fn from_code(code: &str) -> Option<QuestionKind> {
        QuestionKind::ALL.iter().copied().find(|q| q.code() == code)
    }

    /// The name in `lang`.
    pub const fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.name_zh(),
            Lang::En => self.name_en(),
        }
    }
}

impl std::fmt::Display for QuestionKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Decision {
    /// The steps taken, in `lang`, each citing its clause.
    pub fn explain(&self, lang: Lang) -> Vec<Step> {
        explain::collect(|steps| self.explain_to(lang, steps))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contracts_questions_in_order() {
        assert_eq!(
            QuestionKind::CODES,
            [
                "venue_subsidy",
                "model_union_award",
                "mutual_aid_subsidy",
                "nomination_share",
                "studio_quota",
                "action_progress",
                "catalog",
                "allocate_awards",
                "compare_policies",
                "yearly_budget",
                "mutual_aid_schedule",
            ]
        );
        for (kind, code) in QuestionKind::ALL.iter().zip(QuestionKind::CODES) {
            assert_eq!(kind.code(), *code);
            assert_eq!(QuestionKind::from_code(code), Some(*kind));
            assert_eq!(kind.facts_optional(), *kind == QuestionKind::Catalog);
        }
        let cases: Vec<&str> = QuestionKind::ALL
            .iter()
            .filter(|q| q.is_case())
            .map(|q| q.code())
            .collect();
        assert_eq!(cases, QuestionKind::CASE_CODES);
        for kind in CaseKind::ALL {
            assert_eq!(QuestionKind::from(*kind).code(), kind.code());
        }
    }
}
