//! Awards to model enterprise unions (C13; POLICY I3, I6).
//!
//! Each year, among enterprises of the 12 chains and 6 clusters, 100
//! "six-haves" (六有) unions receive 30,000 yuan and 100 "six-norms" (六规范)
//! unions 50,000 yuan. gonghui takes the assessed tier as a fact (the six items
//! are not in the source) and checks the two things C13 states: the
//! enterprise's industry and the yearly cap.

use super::basis::{Basis, Counted};
use super::{AMOUNT, Context, Outcome, ReadCase, Rule};
use crate::explain::{self, Explainer, Step, say};
use crate::json::write::Json;
use crate::policy::{OpenTopic, ParamId, Parameters, Used};
use crate::read::values as read;
use crate::read::{Error, Expected, Fields};
use crate::vocab::{Clause, Fen, KeyIndustries, Lang, Tier};

/// The facts of a `model_union_award` question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ModelUnionFacts {
    /// The enterprise's chains and clusters.
    pub industries: KeyIndustries,
    /// The union's assessed tier.
    pub tier: Tier,
    /// Awards of that tier already made this year.
    pub awarded_this_year: u64,
}

/// The answer to a `model_union_award` question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ModelUnionDecision {
    facts: ModelUnionFacts,
    /// The tier's yearly cap and award, as used and as published.
    cap: Used<u64>,
    tier_amount: Used<Fen>,
}

impl ModelUnionDecision {
    fn in_key_industry(&self) -> bool {
        self.facts.industries.is_key()
    }

    fn under_cap(&self) -> bool {
        self.facts.awarded_this_year < self.cap.value
    }

    /// Whether the union can receive the award.
    pub fn eligible(&self) -> bool {
        self.in_key_industry() && self.under_cap()
    }

    /// The award, when eligible.
    pub fn amount(&self) -> Option<Fen> {
        self.eligible().then_some(self.tier_amount.value)
    }

    /// The tier decided on.
    pub fn tier(&self) -> Tier {
        self.facts.tier
    }

    /// What the published policy leaves open that bears on this answer: the
    /// ranking, once the cap is reached.
    pub fn open(&self) -> &'static [OpenTopic] {
        if self.under_cap() {
            &[]
        } else {
            &[OpenTopic::AwardRanking]
        }
    }

    /// The steps taken, in `lang`.
    pub fn explain(&self, lang: Lang) -> Vec<Step> {
        explain::collect(|steps| self.explain_to(lang, steps))
    }

    /// Writes the steps taken, in `lang`, into `out`.
    pub(crate) fn explain_to(&self, lang: Lang, out: &mut dyn Explainer) {
        let tier = self.facts.tier.name(lang);
        say!(
            out,
            lang,
            ("model_union.tier", Clause::C13, Some(Clause::I6), true),
            zh["已评定为", tier, "企业工会：按已评定的类别处理，不重新评定（I6）"],
            en["Assessed as a ", tier, " enterprise union: the assessed tier is taken as given (I6)"],
        );
        super::industry::explain(self.facts.industries, lang, Clause::C13, out);
        let (done, cap) = (self.facts.awarded_this_year, self.cap.value);
        let basis = Basis::of(Clause::C13, self.cap, lang, |n| Counted {
            n,
            zh: "家",
            lang,
        });
        let step = (
            "model_union.cap",
            Clause::C13,
            Some(Clause::I6),
            self.under_cap(),
        );
        if self.under_cap() {
            say!(
                out,
                lang,
                step,
                zh["本年度已补助", tier, "企业工会", done, "家，未达每年", cap, "家的上限（", basis, "，I6）"],
                en[done, " ", tier, " unions awarded this year, below the cap of ", cap, " a year (", basis, ", I6)"],
            );
        } else {
            let (zh_reached, en_reached) = if done > cap {
                ("已超过", "exceeded")
            } else {
                ("已达", "reached")
            };
            say!(
                out,
                lang,
                step,
                zh["本年度已补助", tier, "企业工会", done, "家，", zh_reached, "每年", cap, "家的上限（", basis, "，I6），本年不能再补助"],
                en[done, " ", tier, " unions awarded this year: the cap of ", cap, " a year (", basis, ", I6) is ", en_reached],
            );
        }
        if let Some(amount) = self.amount() {
            let amount = amount.words(lang);
            let basis = Basis::of(Clause::C13, self.tier_amount, lang, |f: Fen| f.words(lang));
            say!(
                out,
                lang,
                ("model_union.amount", Clause::C13, Some(Clause::I6), true),
                zh[tier, "企业工会补助", amount, "（", basis, "）"],
                en["A ", tier, " union receives ", amount, " (", basis, ")"],
            );
        }
    }
}

/// Decides a `model_union_award` question (C13; I3, I6).
pub fn decide(params: &Parameters, facts: &ModelUnionFacts) -> ModelUnionDecision {
    let (cap, tier_amount) = match facts.tier {
        Tier::SixHaves => (
            params.used(ParamId::SixHavesPerYear, params.six_haves_per_year),
            params.used(ParamId::SixHavesAmount, params.six_haves_amount),
        ),
        Tier::SixNorms => (
            params.used(ParamId::SixNormsPerYear, params.six_norms_per_year),
            params.used(ParamId::SixNormsAmount, params.six_norms_amount),
        ),
    };
    ModelUnionDecision {
        facts: *facts,
        cap,
        tier_amount,
    }
}

/// The fields of a `model_union_award` question's facts.
const FIELDS: &[&str] = &["chains", "clusters", "tier", "awarded_this_year"];

impl Rule for ModelUnionFacts {
    const CODE: &'static str = "model_union_award";
    const NAME_ZH: &'static str = "示范性企业工会补助";
    const NAME_EN: &'static str = "model enterprise union award";
    const CLAUSE: Clause = Clause::C13;
    type Decision = ModelUnionDecision;

    fn read(f: &Fields<'_>, _: ReadCase) -> Result<ModelUnionFacts, Error> {
        f.only(FIELDS)?;
        Ok(ModelUnionFacts {
            industries: f.industries()?,
            tier: f.read("tier", |v| read::code(v, Expected::Tier, Tier::from_code))?,
            awarded_this_year: f
                .read_optional("awarded_this_year", read::count)?
                .unwrap_or(0),
        })
    }

    fn decide(&self, params: &Parameters) -> Result<ModelUnionDecision, Error> {
        Ok(decide(params, self))
    }

    fn outcome(d: &ModelUnionDecision) -> Outcome {
        Outcome::of(d.eligible(), Outcome::Eligible, Outcome::Ineligible)
    }

    fn amount(d: &ModelUnionDecision) -> Option<Fen> {
        d.amount()
    }

    fn open(d: &ModelUnionDecision) -> &'static [OpenTopic] {
        d.open()
    }

    fn explain(d: &ModelUnionDecision, lang: Lang, out: &mut dyn Explainer) {
        d.explain_to(lang, out);
    }

    fn write(d: &ModelUnionDecision, j: &mut Json, _: &Context<'_>) {
        j.money(AMOUNT, d.amount());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;
    use crate::vocab::{Chain, Cluster};

    fn decide_for(industries: KeyIndustries, tier: Tier, awarded: u64) -> ModelUnionDecision {
        let facts = ModelUnionFacts {
            industries,
            tier,
            awarded_this_year: awarded,
        };
        decide(Policy::published().parameters(), &facts)
    }

    #[test]
    fn c13_amounts_by_tier() {
        let steel = KeyIndustries::new([Chain::Steel], []);
        assert_eq!(
            decide_for(steel, Tier::SixHaves, 0).amount(),
            Fen::from_yuan(30_000)
        );
        assert_eq!(
            decide_for(steel, Tier::SixNorms, 0).amount(),
            Fen::from_yuan(50_000)
        );
    }

    #[test]
    fn c13_i6_cap_of_100_a_year() {
        let copper = KeyIndustries::new([], [Cluster::CopperNewMaterials]);
        assert!(decide_for(copper, Tier::SixHaves, 99).eligible());
        let full = decide_for(copper, Tier::SixHaves, 100);
        assert!(!full.eligible());
        assert_eq!(full.amount(), None);
        assert_eq!(full.open(), vec![OpenTopic::AwardRanking]);
    }

    #[test]
    fn c13_i3_only_chain_and_cluster_enterprises() {
        let d = decide_for(KeyIndustries::NONE, Tier::SixNorms, 0);
        assert!(!d.eligible());
        assert!(!d.explain(Lang::En)[1].holds);
        assert_eq!(d.explain(Lang::En)[1].clause, Clause::C13);
    }
}
