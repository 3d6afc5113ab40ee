//! The rules: one module per measure of the action, each owning its facts,
//! its decision and its explanation, and how its question is read from a
//! request's `facts` and written into an answer.
//!
//! | module | question | clauses |
//! |---|---|---|
//! | [`venue`] | `venue_subsidy` | C9, C10, C12; I1, I4, I5 |
//! | [`model_union`] | `model_union_award` | C13; I3, I6 |
//! | [`mutual_aid`] | `mutual_aid_subsidy` | C17, C18, C19; I2, I3, I7 |
//! | [`nomination`] | `nomination_share` | C5; I1, I8 |
//! | [`studio`] | `studio_quota` | C6; I1, I8 |
//! | [`progress`] | `action_progress` | C2, C3, C12, C13, C16, C20; I1, I9 |
//!
//! Every question, these and those about populations, has one shape: the
//! [`Rule`] trait, implemented by its facts. A rule knows only the
//! vocabulary, the policy's parameters and the readers and writers of JSON
//! below it. The questions about one case are listed once, in [`cases!`];
//! the planning over populations reaches them through the one entry that
//! list makes, [`Case`] and [`CaseDecision`].

pub(crate) mod basis;
mod industry;
pub mod model_union;
pub mod mutual_aid;
pub mod nomination;
mod outcome;
pub mod progress;
pub(crate) mod share;
pub mod studio;
pub mod venue;

pub use outcome::Outcome;

use crate::explain::Explainer;
use crate::json::value::Value;
use crate::json::write::{Json, key};
use crate::policy::{OpenTopic, Override, Parameters, Policy};
use crate::read::{Error, Fields, Rejection};
use crate::vocab::{Clause, Fen, Lang};

/// What an answer's own fields may need besides the decision: the language
/// asked for, and the policy and parameters it was decided under.
pub(crate) struct Context<'a> {
    /// The language of texts.
    pub(crate) lang: Lang,
    /// The policy.
    pub(crate) policy: &'a Policy,
    /// The parameters in force (the published ones, or with overrides).
    pub(crate) params: &'a Parameters,
}

/// The fields of the contract's money pair: `amount_fen`, `amount_yuan`.
pub(crate) const AMOUNT: (&str, &str) = (key!("amount_fen"), key!("amount_yuan"));

/// How a population's requests are read: the contract's own reader of a
/// request, handed down so that a rule about populations reads its items as
/// every other request is read, without knowing the contract.
pub(crate) type ReadCase = fn(&Value<'_>) -> Result<CaseRequest, Rejection>;

/// One question of the contract: its code and names, how its facts are read,
/// how it is decided, and how its decision is explained and answered.
///
/// Implemented by the facts of each question; [`cases!`] and the contract's
/// list of questions make one dispatch of them all.
pub(crate) trait Rule: Sized {
    /// The code of the question in requests: `venue_subsidy`.
    const CODE: &'static str;
    /// The question's name in Chinese.
    const NAME_ZH: &'static str;
    /// The question's name in English.
    const NAME_EN: &'static str;
    /// The clause the question rests on first.
    const CLAUSE: Clause;
    /// Whether a request may leave `facts` out (the catalog's has none).
    const FACTS_OPTIONAL: bool = false;

    /// The typed answer.
    type Decision;

    /// Reads the facts from the request's `facts` object; `read_case` reads
    /// the requests of a population.
    fn read(facts: &Fields<'_>, read_case: ReadCase) -> Result<Self, Error>;

    /// Decides under `params`. The questions about one case cannot fail;
    /// those about a population fail when an alternative cannot apply or a
    /// total would exceed what the contract carries.
    fn decide(&self, params: &Parameters) -> Result<Self::Decision, Error>;

    /// The outcome, as the contract names it.
    fn outcome(decision: &Self::Decision) -> Outcome;

    /// The amount decided, for the questions that pay one.
    fn amount(_decision: &Self::Decision) -> Option<Fen> {
        None
    }

    /// What the published policy leaves open that bears on the answer.
    fn open(_decision: &Self::Decision) -> &'static [OpenTopic] {
        &[]
    }

    /// Writes the steps taken, in `lang`, into `out`.
    fn explain(decision: &Self::Decision, lang: Lang, out: &mut dyn Explainer);

    /// Writes the answer's own fields, between `outcome` and `open`.
    fn write(decision: &Self::Decision, j: &mut Json, cx: &Context<'_>);
}

/// Hands the list of the questions about one case to `$then!`, before
/// whatever follows: the one place such a question is registered. Each entry
/// is `Variant(Facts) -> Decision`, the facts implementing [`Rule`], in the
/// contract's order.
macro_rules! cases {
    ($then:ident! { $($rest:tt)* }) => {
        $then! {
            cases: [
                /// `venue_subsidy` (C9, C10): may this workers' activity venue be subsidised, and by how much?
                VenueSubsidy($crate::rules::venue::Venue) -> $crate::rules::venue::VenueDecision,
                /// `model_union_award` (C13): may this enterprise union receive a model union award?
                ModelUnionAward($crate::rules::model_union::ModelUnionFacts) -> $crate::rules::model_union::ModelUnionDecision,
                /// `mutual_aid_subsidy` (C17–C19): how much of this premium does the mutual-aid subsidy pay?
                MutualAidSubsidy($crate::rules::mutual_aid::MutualAidFacts) -> $crate::rules::mutual_aid::MutualAidDecision,
                /// `nomination_share` (C5): do enough award candidates come from the chains and clusters?
                NominationShare($crate::rules::nomination::NominationFacts) -> $crate::rules::share::ShareDecision,
                /// `studio_quota` (C6): do enough studio slots go to advanced manufacturing?
                StudioQuota($crate::rules::studio::StudioFacts) -> $crate::rules::share::ShareDecision,
                /// `action_progress` (I9): how far do a year's figures go towards the action's targets?
                ActionProgress($crate::rules::progress::ProgressFacts) -> $crate::rules::progress::ProgressDecision,
            ]
            $($rest)*
        }
    };
}
pub(crate) use cases;

/// The entry to the rules about one case, made from the list of [`cases!`].
macro_rules! case_entry {
    (cases: [$($(#[$doc:meta])* $v:ident($facts:ty) -> $decision:ty,)+]) => {
        /// A question about one case, with its facts: what a population holds.
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum Case {
            $($(#[$doc])* $v($facts),)+
        }

        /// The decision of a question about one case.
        // Not boxed: a decision is made, read and dropped in one place, and a
        // progress decision's targets would cost an allocation each time.
        #[allow(clippy::large_enum_variant)]
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum CaseDecision {
            $($(#[$doc])* $v($decision),)+
        }

        /// Which question about one case.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum CaseKind {
            $($(#[$doc])* $v,)+
        }

        impl CaseKind {
            /// Every question about one case, in the contract's order.
            pub const ALL: &'static [CaseKind] = &[$(CaseKind::$v,)+];

            /// Their codes, in the same order.
            pub const CODES: &'static [&'static str] = &[$(<$facts as Rule>::CODE,)+];

            /// The code of the question: `venue_subsidy`.
            pub const fn code(self) -> &'static str {
                match self { $(CaseKind::$v => <$facts as Rule>::CODE,)+ }
            }

            /// The clause the question rests on first.
            pub const fn clause(self) -> Clause {
                match self { $(CaseKind::$v => <$facts as Rule>::CLAUSE,)+ }
            }

            /// The question's name in `lang`.
            pub const fn name(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((CaseKind::$v, Lang::Zh) => <$facts as Rule>::NAME_ZH,)+
                    $((CaseKind::$v, Lang::En) => <$facts as Rule>::NAME_EN,)+
                }
            }
        }

        impl Case {
            /// Which question this is.
            pub fn kind(&self) -> CaseKind {
                match self { $(Case::$v(_) => CaseKind::$v,)+ }
            }

            /// Decides the case under `params`.
            pub fn decide(&self, params: &Parameters) -> Result<CaseDecision, Error> {
                match self { $(Case::$v(facts) => Rule::decide(facts, params).map(CaseDecision::$v),)+ }
            }
        }

        impl CaseDecision {
            /// Which question this answers.
            pub fn kind(&self) -> CaseKind {
                match self { $(CaseDecision::$v(_) => CaseKind::$v,)+ }
            }

            /// The outcome.
            pub fn outcome(&self) -> Outcome {
                match self { $(CaseDecision::$v(d) => <$facts as Rule>::outcome(d),)+ }
            }

            /// The amount decided, for the questions that pay one.
            pub fn amount(&self) -> Option<Fen> {
                match self { $(CaseDecision::$v(d) => <$facts as Rule>::amount(d),)+ }
            }
        }
    };
}

cases!(case_entry! {});

/// A request about one case, as a population holds it: its id, its question
/// and facts, and its own overrides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRequest {
    /// The request's `id`.
    pub id: Option<String>,
    /// The question and its facts.
    pub case: Case,
    /// Parameters replaced for this request only.
    pub overrides: Vec<Override>,
}
