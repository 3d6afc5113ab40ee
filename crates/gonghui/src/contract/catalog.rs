//! The catalog: every code, target, parameter and clause of the policy.

use super::questions::QuestionKind;
use crate::explain::{Explainer, say};
use crate::json::write::{Json, key};
use crate::policy::{History, OpenTopic, ParamId, ParamValue, Parameters, Policy, Text};
use crate::read::{Error, Fields};
use crate::rules::{Context, Outcome, ReadCase, Rule};
use crate::vocab::{
    Chain, Clause, Cluster, GrassrootsKind, INDUSTRIAL_PARK, Lang, ParkLevel, TargetId, Tier,
};

/// The facts of a `catalog` question, which has none, and its decision: the
/// answer is the policy itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Catalog;

impl Rule for Catalog {
    const CODE: &'static str = "catalog";
    const NAME_ZH: &'static str = "目录";
    const NAME_EN: &'static str = "catalog";
    const CLAUSE: Clause = Clause::C1;
    const FACTS_OPTIONAL: bool = true;
    type Decision = Catalog;

    fn read(facts: &Fields<'_>, _: ReadCase) -> Result<Catalog, Error> {
        facts.only(&[])?;
        Ok(Catalog)
    }

    fn decide(&self, _: &Parameters) -> Result<Catalog, Error> {
        Ok(Catalog)
    }

    fn outcome(_: &Catalog) -> Outcome {
        Outcome::Listed
    }

    fn open(_: &Catalog) -> &'static [OpenTopic] {
        OpenTopic::ALL
    }

    fn explain(_: &Catalog, lang: Lang, out: &mut dyn Explainer) {
        say!(
            out,
            lang,
            ("catalog", Clause::C1, None, true),
            zh["专项行动八项举措所涉的产业链、集群、代码、目标和全部政策参数（含条款出处）"],
            en["The chains, clusters, codes, targets and every policy parameter (with its clause) of the special action's eight measures"],
        );
    }

    fn write(_: &Catalog, j: &mut Json, cx: &Context<'_>) {
        write(j, cx.policy, cx.params);
    }
}

/// Writes `{"zh": …, "en": …}`.
fn text(j: &mut Json, text: &Text) {
    j.begin();
    j.key(key!("zh"));
    j.str(&text.zh);
    j.key(key!("en"));
    j.str(&text.en);
    j.end();
}

/// Writes one list of codes with their names: `[{"code", "zh", "en"}, …]`.
fn codes<'a>(j: &mut Json, key: &'static str, codes: impl IntoIterator<Item = [&'a str; 3]>) {
    j.key(key);
    j.begin_array();
    for [code, zh, en] in codes {
        j.item();
        j.begin();
        j.key(key!("code"));
        j.str(code);
        j.key(key!("zh"));
        j.str(zh);
        j.key(key!("en"));
        j.str(en);
        j.end();
    }
    j.end_array();
}

macro_rules! names {
    ($ty:ty) => {
        <$ty>::ALL
            .iter()
            .map(|v| [v.code(), v.name_zh(), v.name_en()])
    };
}

/// Writes the catalog's own fields: the policy's, with the values of
/// `params` in force.
fn write(j: &mut Json, policy: &Policy, params: &Parameters) {
    j.key(key!("title"));
    text(j, policy.title());
    j.key(key!("source"));
    text(j, policy.source());
    codes(j, key!("chains"), names!(Chain));
    codes(j, key!("clusters"), names!(Cluster));
    codes(
        j,
        key!("venue_kinds"),
        names!(GrassrootsKind).chain([[
            INDUSTRIAL_PARK,
            "工业园区（开发区）",
            "industrial park (development zone)",
        ]]),
    );
    codes(j, key!("park_levels"), names!(ParkLevel));
    codes(j, key!("tiers"), names!(Tier));
    codes(j, key!("questions"), names!(QuestionKind));
    j.key(key!("targets"));
    j.begin_array();
    for t in TargetId::ALL {
        j.item();
        j.begin();
        j.key(key!("target"));
        j.str(t.code());
        j.key(key!("clause"));
        j.str(t.clause().id());
        j.key(key!("period"));
        j.str(t.period().code());
        j.key(key!("goal"));
        j.u64(params.goal(*t));
        j.key(key!("parameter"));
        j.str(ParamId::of_target(*t).id());
        j.key(key!("zh"));
        j.str(t.name_zh());
        j.key(key!("en"));
        j.str(t.name_en());
        j.end();
    }
    j.end_array();
    j.key(key!("reported"));
    j.begin_array();
    for r in policy.reported() {
        j.item();
        j.begin();
        j.key(key!("target"));
        j.str(r.target.code());
        j.key(key!("year"));
        j.u64(u64::from(r.year.get()));
        j.key(key!("achieved"));
        j.u64(r.achieved);
        j.key(key!("at_least"));
        j.bool(r.at_least);
        j.key(key!("clause"));
        j.str(r.clause.id());
        j.key(key!("zh"));
        j.str(&r.text.zh);
        j.key(key!("en"));
        j.str(&r.text.en);
        j.end();
    }
    j.end_array();
    let published = policy.parameters();
    j.key(key!("parameters"));
    j.begin_array();
    for info in policy.parameter_infos() {
        j.item();
        j.begin();
        j.key(key!("id"));
        j.str(info.id.id());
        j.key(key!("value"));
        params.get(info.id).write_json(j);
        j.key(key!("unit"));
        j.str(info.id.unit().code());
        j.key(key!("clause"));
        j.str(info.clause.id());
        j.key(key!("reading"));
        j.opt_str(info.reading.map(|r| r.id()));
        j.key(key!("zh"));
        j.str(&info.text.zh);
        j.key(key!("en"));
        j.str(&info.text.en);
        j.key(key!("timeline"));
        j.begin_array();
        match (&info.history, published.get(info.id)) {
            (History::Fixed, _) => {}
            (History::Revised { before }, after) => {
                for (stage, value) in [("before_revision", before), ("revised", &after)] {
                    j.item();
                    j.begin();
                    j.key(key!("stage"));
                    j.str(stage);
                    j.key(key!("value"));
                    value.write_json(j);
                    j.end();
                }
            }
            (History::ByYear, ParamValue::YearlyRates(rates)) => {
                for (from, to, value) in rates.spans() {
                    j.item();
                    j.begin();
                    j.key(key!("from"));
                    j.u64(u64::from(from.get()));
                    j.key(key!("to"));
                    j.u64(u64::from(to.get()));
                    j.key(key!("value"));
                    j.rate(value);
                    j.end();
                }
            }
            (History::ByYear, _) => {}
        }
        j.end_array();
        j.end();
    }
    j.end_array();
    j.key(key!("clauses"));
    j.begin_array();
    for c in policy.clauses() {
        j.item();
        j.begin();
        j.key(key!("id"));
        j.str(c.clause.id());
        j.key(key!("line"));
        j.opt_str(c.line.as_deref());
        j.key(key!("zh"));
        j.str(&c.text.zh);
        j.key(key!("en"));
        j.str(&c.text.en);
        j.end();
    }
    j.end_array();
}
