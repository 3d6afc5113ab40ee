//! Answers as canonical JSON: the bytes every binding must reproduce.
//!
//! Canonical means: keys in a fixed order (written here, field by field),
//! no whitespace, UTF-8 written as is (only `"`, `\` and control characters
//! are escaped, as serde_json does), integers as integers, and decimals only
//! where a value has them. The order of a decision is `id` (when the request
//! had one), `question`, `policy`, `outcome`, the question's own fields,
//! `open`, `overridden`, `explanation`, `stamp`.

mod catalog;
mod planning;

use serde::Serialize;
use serde::ser::Serializer;

use crate::Lang;
use crate::decision::Decision;
use crate::error::Rejection;
use crate::json::{Json, key};
use crate::money::{Fen, Rate};
use crate::policy::{Override, Parameters, Policy};

/// Room for most answers without growing: a mutual-aid answer with its
/// explanation is about 1.3 KB.
pub(crate) const ANSWER_CAPACITY: usize = 2048;

impl Serialize for Rate {
    /// A JSON number of percent: `40`, `33.33`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.hundredths() % 100 == 0 {
            serializer.serialize_u32(self.hundredths() / 100)
        } else {
            serde_json::Number::from_string_unchecked(self.number_text()).serialize(serializer)
        }
    }
}

/// A decision with what its answer reports besides.
pub(crate) struct DecisionAnswer<'a> {
    pub(crate) id: Option<&'a str>,
    pub(crate) lang: Lang,
    pub(crate) policy: &'a Policy,
    /// The parameters in force (the published ones, or with overrides).
    pub(crate) params: &'a Parameters,
    pub(crate) overrides: &'a [Override],
    pub(crate) decision: &'a Decision,
}

/// A total in fen as an amount: the planning decisions refuse totals beyond
/// 2^53 − 1 before they are written, so this never saturates in an answer.
fn total(fen: u128) -> Fen {
    u64::try_from(fen)
        .ok()
        .and_then(Fen::new)
        .unwrap_or(Fen::MAX)
}

/// The engine named in every stamp: crate name and version
/// ([`VERSION`](crate::VERSION)).
const ENGINE: &str = concat!("gonghui ", env!("CARGO_PKG_VERSION"));

/// The fields of the contract's money pair: `amount_fen`, `amount_yuan`.
const AMOUNT: (&str, &str) = (key!("amount_fen"), key!("amount_yuan"));

impl DecisionAnswer<'_> {
    /// Writes the answer after what `out` holds.
    pub(crate) fn write(&self, out: String) -> String {
        let (lang, policy, decision) = (self.lang, self.policy, self.decision);
        let mut j = Json::after(out);
        j.begin();
        if let Some(id) = self.id {
            j.key(key!("id"));
            j.str(id);
        }
        j.key(key!("question"));
        j.code(decision.kind().code());
        j.key(key!("policy"));
        j.str(policy.id());
        j.key(key!("outcome"));
        j.code(decision.outcome().code());
        match decision {
            Decision::VenueSubsidy(d) => j.money(AMOUNT, d.amount()),
            Decision::ModelUnionAward(d) => j.money(AMOUNT, d.amount()),
            Decision::MutualAidSubsidy(d) => {
                j.key(key!("rate_percent"));
                j.rate(d.rate());
                j.money(AMOUNT, Some(d.amount()));
            }
            Decision::NominationShare(d) | Decision::StudioQuota(d) => {
                j.key(key!("required"));
                j.u64(d.required());
                j.key(key!("share_percent"));
                j.opt_str(d.share_percent().as_deref());
            }
            Decision::ActionProgress(d) => {
                j.key(key!("year"));
                j.u64(u64::from(d.year().get()));
                j.key(key!("targets"));
                j.begin_array();
                for t in d.targets() {
                    j.item();
                    j.begin();
                    j.key(key!("target"));
                    j.code(t.target.code());
                    j.key(key!("clause"));
                    j.code(t.target.clause().id());
                    j.key(key!("period"));
                    j.code(t.target.period().code());
                    j.key(key!("goal"));
                    j.u64(t.goal);
                    j.key(key!("achieved"));
                    j.opt_u64(t.achieved);
                    j.key(key!("met"));
                    match t.met() {
                        Some(met) => j.bool(met),
                        None => j.null(),
                    }
                    j.key(key!("percent"));
                    j.opt_str(t.percent().as_deref());
                    j.end();
                }
                j.end_array();
            }
            Decision::Catalog => catalog::write(&mut j, policy, self.params),
            Decision::AllocateAwards(d) => planning::allocation(&mut j, d, lang),
            Decision::ComparePolicies(d) => planning::comparison(&mut j, d),
            Decision::YearlyBudget(d) => planning::budget(&mut j, d),
            Decision::MutualAidSchedule(d) => planning::schedule(&mut j, d),
        }
        j.key(key!("open"));
        j.begin_array();
        for &topic in decision.open() {
            let open = policy.open_text(topic);
            j.item();
            j.begin();
            j.key(key!("topic"));
            j.code(topic.code());
            j.key(key!("clause"));
            j.code(open.clause.id());
            j.key(key!("text"));
            j.raw(open.json(lang));
            j.end();
        }
        j.end_array();
        j.key(key!("overridden"));
        j.begin_array();
        let published = policy.parameters();
        for o in self.overrides {
            j.item();
            j.begin();
            j.key(key!("parameter"));
            j.code(o.parameter.id());
            j.key(key!("published"));
            j.param_value(&published.get(o.parameter));
            j.key(key!("used"));
            j.param_value(&self.params.get(o.parameter));
            j.end();
        }
        j.end_array();
        j.key(key!("explanation"));
        j.begin_array();
        decision.explain_to(lang, &mut j);
        j.end_array();
        j.key(key!("stamp"));
        j.begin();
        j.key(key!("policy"));
        j.str(policy.id());
        j.key(key!("parameters"));
        j.str(self.params.digest_hex());
        j.key(key!("engine"));
        j.code(ENGINE);
        j.end();
        j.end();
        j.finish()
    }
}

/// Writes an error answer after what `out` holds:
/// `{"id":…,"error":{"code":…,"field":…,"message":…}}`.
pub(crate) fn write_rejection(rejection: &Rejection, out: String) -> String {
    let error = &rejection.error;
    let mut j = Json::after(out);
    j.begin();
    if let Some(id) = &rejection.id {
        j.key(key!("id"));
        j.str(id);
    }
    j.key(key!("error"));
    j.begin();
    j.key(key!("code"));
    j.code(error.code());
    j.key(key!("field"));
    j.opt_str(error.field().as_deref());
    j.key(key!("message"));
    j.str(&error.message(rejection.lang));
    j.end();
    j.end();
    j.finish()
}
