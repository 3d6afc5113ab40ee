//! Decisions: the typed answer to each question, before it becomes JSON.

use crate::explain::Step;
use crate::model_union::{self, ModelUnionDecision};
use crate::mutual_aid::{self, MutualAidDecision};
use crate::policy::{OpenTopic, Parameters};
use crate::progress::{self, ProgressDecision};
use crate::request::{Question, QuestionKind};
use crate::share::ShareDecision;
use crate::venue::{self, VenueDecision};
use crate::{Clause, Lang, nomination, studio};

/// The answer to a question.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[expect(
    clippy::large_enum_variant,
    reason = "a decision lives on the stack for one answer; boxing the progress variant would allocate on every call"
)]
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
        }
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
        }
    }

    /// What the published policy leaves open that bears on this answer.
    pub fn open(&self) -> Vec<OpenTopic> {
        match self {
            Decision::VenueSubsidy(d) => d.open(),
            Decision::ModelUnionAward(d) => d.open(),
            Decision::MutualAidSubsidy(d) => d.open(),
            Decision::NominationShare(_) | Decision::StudioQuota(_) => Vec::new(),
            Decision::ActionProgress(d) => d.open(),
            Decision::Catalog => OpenTopic::ALL.to_vec(),
        }
    }

    /// The steps taken, in `lang`, each citing its clause.
    pub fn explain(&self, lang: Lang) -> Vec<Step> {
        match self {
            Decision::VenueSubsidy(d) => d.explain(lang),
            Decision::ModelUnionAward(d) => d.explain(lang),
            Decision::MutualAidSubsidy(d) => d.explain(lang),
            Decision::NominationShare(d) | Decision::StudioQuota(d) => d.explain(lang),
            Decision::ActionProgress(d) => d.explain(lang),
            Decision::Catalog => vec![Step::new(
                "catalog",
                Clause::C1,
                None,
                true,
                lang.pick(
                    "专项行动八项举措所涉的产业链、集群、代码、目标和全部政策参数（含条款出处）",
                    "The chains, clusters, codes, targets and every policy parameter (with its clause) of the special action's eight measures",
                )
                .to_owned(),
            )],
        }
    }
}

impl Parameters {
    /// Decides `question` under these parameters.
    pub fn decide(&self, question: &Question) -> Decision {
        match question {
            Question::VenueSubsidy(v) => Decision::VenueSubsidy(venue::decide(self, v)),
            Question::ModelUnionAward(f) => Decision::ModelUnionAward(model_union::decide(self, f)),
            Question::MutualAidSubsidy(f) => {
                Decision::MutualAidSubsidy(mutual_aid::decide(self, f))
            }
            Question::NominationShare(f) => Decision::NominationShare(nomination::decide(self, f)),
            Question::StudioQuota(f) => Decision::StudioQuota(studio::decide(self, f)),
            Question::ActionProgress(f) => Decision::ActionProgress(progress::decide(self, f)),
            Question::Catalog => Decision::Catalog,
        }
    }
}
