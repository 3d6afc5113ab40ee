//! Decisions: the typed answer to each question, before it becomes JSON.

use crate::error::Error;
use crate::explain::{self, Explainer, Step, say};
use crate::model_union::{self, ModelUnionDecision};
use crate::money::Fen;
use crate::mutual_aid::{self, MutualAidDecision};
use crate::planning::allocation::{self, AllocationDecision};
use crate::planning::budget::{self, BudgetDecision};
use crate::planning::comparison::{self, ComparisonDecision};
use crate::planning::schedule::{self, ScheduleDecision};
use crate::policy::{OpenTopic, Parameters};
use crate::progress::{self, ProgressDecision};
use crate::request::{Question, QuestionKind};
use crate::share::ShareDecision;
use crate::venue::{self, VenueDecision};
use crate::{Clause, Lang, nomination, studio};

/// The answer to a question.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Decision {
    /// `venue_subsidy`.
    VenueSubsidy(VenueDecision),
    /// `model_union_award`.
    ModelUnionAward(ModelUnionDecision),
    /// `mutual_aid_subsidy`.
    MutualAidSubsidy(MutualAidDecision),
    /// `nomination_share`.
    NominationShare(ShareDecision),
    /// `studio_quota`.
    StudioQuota(ShareDecision),
    /// `action_progress`.
    ActionProgress(ProgressDecision),
    /// `catalog`: the answer is the policy itself.
    Catalog,
    /// `allocate_awards`.
    AllocateAwards(AllocationDecision),
    /// `compare_policies`.
    ComparePolicies(ComparisonDecision),
    /// `yearly_budget`.
    YearlyBudget(BudgetDecision),
    /// `mutual_aid_schedule`.
    MutualAidSchedule(ScheduleDecision),
}

/// The outcome of a decision, as the contract names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// The subsidy or award applies.
    Eligible,
    /// It does not.
    Ineligible,
    /// The share is met.
    Compliant,
    /// It is not.
    Noncompliant,
    /// Every target has a figure and meets its goal.
    AllMet,
    /// Some target has no figure or misses its goal.
    NotAllMet,
    /// The catalog was listed.
    Listed,
    /// Every application was awarded.
    AllAwarded,
    /// Some application was not.
    NotAllAwarded,
    /// Some case's answer changed under the alternative.
    Changed,
    /// No case's answer changed.
    Unchanged,
    /// Every capped line of the budget is within its cap.
    WithinPlan,
    /// Some capped line is over its cap.
    BeyondPlan,
}

impl Outcome {
    /// The code used in JSON.
    pub const fn code(self) -> &'static str {
        match self {
            Outcome::Eligible => "eligible",
            Outcome::Ineligible => "ineligible",
            Outcome::Compliant => "compliant",
            Outcome::Noncompliant => "noncompliant",
            Outcome::AllMet => "all_met",
            Outcome::NotAllMet => "not_all_met",
            Outcome::Listed => "listed",
            Outcome::AllAwarded => "all_awarded",
            Outcome::NotAllAwarded => "not_all_awarded",
            Outcome::Changed => "changed",
            Outcome::Unchanged => "unchanged",
            Outcome::WithinPlan => "within_plan",
            Outcome::BeyondPlan => "beyond_plan",
        }
    }

    /// Whether the outcome is the one an applicant hopes for: eligible,
    /// compliant, every target met.
    pub const fn is_favourable(self) -> bool {
        matches!(
            self,
            Outcome::Eligible | Outcome::Compliant | Outcome::AllMet
        )
    }

    fn of(holds: bool, yes: Outcome, no: Outcome) -> Outcome {
        if holds { yes } else { no }
    }
}

impl Decision {
    /// Which question this answers.
    pub fn kind(&self) -> QuestionKind {
        match self {
            Decision::VenueSubsidy(_) => QuestionKind::VenueSubsidy,
            Decision::ModelUnionAward(_) => QuestionKind::ModelUnionAward,
            Decision::MutualAidSubsidy(_) => QuestionKind::MutualAidSubsidy,
            Decision::NominationShare(_) => QuestionKind::NominationShare,
            Decision::StudioQuota(_) => QuestionKind::StudioQuota,
            Decision::ActionProgress(_) => QuestionKind::ActionProgress,
            Decision::Catalog => QuestionKind::Catalog,
            Decision::AllocateAwards(_) => QuestionKind::AllocateAwards,
            Decision::ComparePolicies(_) => QuestionKind::ComparePolicies,
            Decision::YearlyBudget(_) => QuestionKind::YearlyBudget,
            Decision::MutualAidSchedule(_) => QuestionKind::MutualAidSchedule,
        }
    }

    /// The amount decided, for the questions that pay one: the venue, union
    /// and mutual-aid subsidies.
    pub fn amount(&self) -> Option<Fen> {
        match self {
            Decision::VenueSubsidy(d) => d.amount(),
            Decision::ModelUnionAward(d) => d.amount(),
            Decision::MutualAidSubsidy(d) => Some(d.amount()),
            _ => None,
        }
    }

    /// The outcome.
    pub fn outcome(&self) -> Outcome {
        use Outcome::*;
        match self {
            Decision::VenueSubsidy(d) => Outcome::of(d.eligible(), Eligible, Ineligible),
            Decision::ModelUnionAward(d) => Outcome::of(d.eligible(), Eligible, Ineligible),
            Decision::MutualAidSubsidy(d) => Outcome::of(d.eligible(), Eligible, Ineligible),
            Decision::NominationShare(d) | Decision::StudioQuota(d) => {
                Outcome::of(d.compliant(), Compliant, Noncompliant)
            }
            Decision::ActionProgress(d) => Outcome::of(d.all_met(), AllMet, NotAllMet),
            Decision::Catalog => Listed,
            Decision::AllocateAwards(d) => Outcome::of(d.all_awarded(), AllAwarded, NotAllAwarded),
            Decision::ComparePolicies(d) => Outcome::of(d.changed() > 0, Changed, Unchanged),
            Decision::YearlyBudget(d) => Outcome::of(d.within_plan(), WithinPlan, BeyondPlan),
            Decision::MutualAidSchedule(d) => Outcome::of(d.eligible(), Eligible, Ineligible),
        }
    }

    /// What the published policy leaves open that bears on this answer.
    pub fn open(&self) -> &'static [OpenTopic] {
        match self {
            Decision::VenueSubsidy(d) => d.open(),
            Decision::ModelUnionAward(d) => d.open(),
            Decision::MutualAidSubsidy(d) => d.open(),
            Decision::NominationShare(_) | Decision::StudioQuota(_) => &[],
            Decision::ActionProgress(d) => d.open(),
            Decision::Catalog => OpenTopic::ALL,
            Decision::AllocateAwards(d) => d.open(),
            Decision::ComparePolicies(_) => &[],
            Decision::YearlyBudget(d) => d.open(),
            Decision::MutualAidSchedule(d) => d.open(),
        }
    }

    /// The steps taken, in `lang`, each citing its clause.
    pub fn explain(&self, lang: Lang) -> Vec<Step> {
        explain::collect(|steps| self.explain_to(lang, steps))
    }

    /// Writes the steps taken, in `lang`, into `out`.
    pub fn explain_to(&self, lang: Lang, out: &mut dyn Explainer) {
        match self {
            Decision::VenueSubsidy(d) => d.explain_to(lang, out),
            Decision::ModelUnionAward(d) => d.explain_to(lang, out),
            Decision::MutualAidSubsidy(d) => d.explain_to(lang, out),
            Decision::NominationShare(d) | Decision::StudioQuota(d) => d.explain_to(lang, out),
            Decision::ActionProgress(d) => d.explain_to(lang, out),
            Decision::Catalog => say!(
                out,
                lang,
                ("catalog", Clause::C1, None, true),
                zh["专项行动八项举措所涉的产业链、集群、代码、目标和全部政策参数（含条款出处）"],
                en["The chains, clusters, codes, targets and every policy parameter (with its clause) of the special action's eight measures"],
            ),
            Decision::AllocateAwards(d) => d.explain_to(lang, out),
            Decision::ComparePolicies(d) => d.explain_to(lang, out),
            Decision::YearlyBudget(d) => d.explain_to(lang, out),
            Decision::MutualAidSchedule(d) => d.explain_to(lang, out),
        }
    }
}

impl Parameters {
    /// Decides `question` under these parameters.
    ///
    /// The questions about one case cannot fail; those about a population
    /// fail when a comparison's alternative cannot apply or a total would
    /// exceed what the contract carries (2^53 − 1 fen).
    pub fn decide(&self, question: &Question) -> Result<Decision, Error> {
        Ok(match question {
            Question::VenueSubsidy(v) => Decision::VenueSubsidy(venue::decide(self, v)),
            Question::ModelUnionAward(f) => Decision::ModelUnionAward(model_union::decide(self, f)),
            Question::MutualAidSubsidy(f) => {
                Decision::MutualAidSubsidy(mutual_aid::decide(self, f))
            }
            Question::NominationShare(f) => Decision::NominationShare(nomination::decide(self, f)),
            Question::StudioQuota(f) => Decision::StudioQuota(studio::decide(self, f)),
            Question::ActionProgress(f) => Decision::ActionProgress(progress::decide(self, f)),
            Question::Catalog => Decision::Catalog,
            Question::AllocateAwards(f) => Decision::AllocateAwards(allocation::decide(self, f)?),
            Question::ComparePolicies(f) => Decision::ComparePolicies(comparison::decide(self, f)?),
            Question::YearlyBudget(f) => Decision::YearlyBudget(budget::decide(self, f)?),
            Question::MutualAidSchedule(f) => {
                Decision::MutualAidSchedule(schedule::decide(self, f)?)
            }
        })
    }
}
