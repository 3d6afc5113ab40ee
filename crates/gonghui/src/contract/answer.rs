//! Answers as canonical JSON: the bytes every binding must reproduce.
//!
//! Canonical means: keys in a fixed order (written here, field by field),
//! no whitespace, UTF-8 written as is (only `"`, `\` and control characters
//! are escaped, as serde_json does), integers as integers, and decimals only
//! where a value has them. The order of a decision is `id` (when the request
//! had one), `question`, `policy`, `outcome`, the question's own fields,
//! `open`, `overridden`, `explanation`, `stamp`.

use super::questions::Decision;
use crate::explain::Explainer;
use crate::json::write::{Json, key};
use crate::policy::{Override, Parameters, Policy};
use crate::read::Rejection;
use crate::rules::Context;
use crate::vocab::words::Text;
use crate::vocab::{Clause, Lang};

/// Room for most answers without growing: a mutual-aid answer with its
/// explanation is about 1.3 KB.
pub(crate) const ANSWER_CAPACITY: usize = 2048;

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

/// The engine named in every stamp: crate name and version
/// ([`VERSION`](crate::VERSION)).
const ENGINE: &str = concat!("gonghui ", env!("CARGO_PKG_VERSION"));

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
        decision.write(
            &mut j,
            &Context {
                lang,
                policy,
                params: self.params,
            },
        );
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
            published.get(o.parameter).write_json(&mut j);
            j.key(key!("used"));
            self.params.get(o.parameter).write_json(&mut j);
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

/// Explanation steps written straight into an answer's `explanation` array.
impl Explainer for Json {
    fn step(
        &mut self,
        rule: &'static str,
        clause: Clause,
        reading: Option<Clause>,
        holds: bool,
        text: Text<'_>,
    ) {
        // A step is the one object written many times an answer: its fixed
        // parts go in whole, rather than key by key.
        self.item();
        self.raw(r#"{"rule":""#);
        self.raw(rule);
        self.raw(r#"","clause":""#);
        self.raw(clause.id());
        match reading {
            Some(reading) => {
                self.raw(r#"","reading":""#);
                self.raw(reading.id());
                self.raw(r#"","holds":"#);
            }
            None => self.raw(r#"","reading":null,"holds":"#),
        }
        self.raw(if holds {
            r#"true,"text":"#
        } else {
            r#"false,"text":"#
        });
        self.text(text);
        self.end();
    }
}
