//! Comparing two policies over one population: what a change of standard
//! does to each question's outcomes and amounts, and which parameter did it.
//!
//! Each request of the population is decided twice: under the parameters in
//! force (the "before") and with the alternative's overrides applied on top
//! (the "after"). A request's own overrides, if it has any, hold in both. For
//! each case that changed (another outcome or another amount), the parameters
//! responsible are those the new answer depends on: without that one
//! override (the others kept), the answer would differ. When no single one
//! matters (each of several would do alone), all are named.

use super::{Rejected, checked_total, decide_with, difference, read_population, total};
use crate::explain::{self, Explainer, Step, say};
use crate::json::write::{Json, key};
use crate::policy::{Override, ParamId, Parameters, read_overrides};
use crate::read::values as read;
use crate::read::{Error, Fields, Rejection};
use crate::rules::basis::Capitalised;
use crate::rules::{CaseDecision, CaseKind, CaseRequest, Context, Outcome, ReadCase, Rule};
use crate::vocab::{Clause, Fen, Lang, total_words};

/// The facts of a `compare_policies` question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonFacts {
    /// The overrides that make the alternative policy.
    pub alternative: Vec<Override>,
    /// The population: each request, or why it could not be read.
    pub population: Vec<Result<CaseRequest, Rejection>>,
    /// How many changed cases to list (all are counted).
    pub max_changes: usize,
}

/// The default number of changed cases listed.
pub const DEFAULT_MAX_CHANGES: usize = 1000;

/// One side of a changed case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Case {
    /// The outcome.
    pub outcome: Outcome,
    /// The amount, for the questions that pay one.
    pub amount: Option<Fen>,
}

impl Case {
    fn of(decision: &CaseDecision) -> Case {
        Case {
            outcome: decision.outcome(),
            amount: decision.amount(),
        }
    }
}

/// A case whose answer changed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Change {
    /// Its position in the population, from 1.
    pub rank: usize,
    /// The request's id, if it had one.
    pub id: Option<String>,
    /// The question.
    pub question: CaseKind,
    /// The answer under the parameters in force.
    pub before: Case,
    /// The answer under the alternative.
    pub after: Case,
    /// The overridden parameters responsible.
    pub parameters: Vec<ParamId>,
}

/// The totals of one question over the population.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct QuestionTotals {
    /// The question.
    pub question: CaseKind,
    /// Requests asking it.
    pub cases: u64,
    /// Of which changed.
    pub changed: u64,
    /// Favourable outcomes (eligible, compliant, all met) before.
    pub favourable_before: u64,
    /// Favourable outcomes after.
    pub favourable_after: u64,
    /// The amounts before, in fen.
    pub amount_before: u128,
    /// The amounts after, in fen.
    pub amount_after: u128,
}

/// Compares a population one request at a time, so that a file of any size
/// streams through; only the listed changes are kept.
#[derive(Debug, Clone)]
pub struct Comparator<'p> {
    before: &'p Parameters,
    after: Parameters,
    alternative: Vec<Override>,
    /// By question, in the contract's order.
    totals: Vec<Option<QuestionTotals>>,
    changes: Vec<Change>,
    max_changes: usize,
    changed: u64,
    rejected: Vec<Rejected>,
    rejected_count: u64,
    seen: usize,
}

impl<'p> Comparator<'p> {
    /// A comparison of `before` with `before` and `alternative` applied,
    /// listing at most `max_changes` changed cases.
    pub fn new(
        before: &'p Parameters,
        alternative: &[Override],
        max_changes: usize,
    ) -> Result<Comparator<'p>, Error> {
        let after = before
            .with(alternative)
            .map_err(|e| e.at("facts.alternative"))?;
        Ok(Comparator {
            before,
            after,
            alternative: alternative.to_vec(),
            totals: vec![None; CaseKind::ALL.len()],
            changes: Vec::new(),
            max_changes,
            changed: 0,
            rejected: Vec::new(),
            rejected_count: 0,
            seen: 0,
        })
    }

    /// Adds the next request of the population (or the reason it could not
    /// be read, which is counted and listed with the changes' limit).
    pub fn add(&mut self, item: Result<&CaseRequest, &Rejection>) {
        self.seen += 1;
        let rank = self.seen;
        let request = match item {
            Ok(request) => request,
            Err(rejection) => return self.reject(rank, rejection.id.clone(), &rejection.error),
        };
        let decided = decide_with(self.before, request)
            .and_then(|b| Ok((b, decide_with(&self.after, request)?)));
        let (before, after) = match decided {
            Ok(pair) => pair,
            Err(error) => return self.reject(rank, request.id.clone(), &error),
        };
        let (b, a) = (Case::of(&before), Case::of(&after));
        let question = before.kind();
        let Some(slot) = self.totals.get_mut(question as usize) else {
            return;
        };
        let totals = slot.get_or_insert(QuestionTotals {
            question,
            cases: 0,
            changed: 0,
            favourable_before: 0,
            favourable_after: 0,
            amount_before: 0,
            amount_after: 0,
        });
        totals.cases += 1;
        totals.favourable_before += u64::from(before.outcome().is_favourable());
        totals.favourable_after += u64::from(after.outcome().is_favourable());
        totals.amount_before += b.amount.map_or(0, |f| u128::from(f.get()));
        totals.amount_after += a.amount.map_or(0, |f| u128::from(f.get()));
        if b == a {
            return;
        }
        totals.changed += 1;
        self.changed += 1;
        if self.changes.len() < self.max_changes {
            let parameters = self.responsible(request, a);
            self.changes.push(Change {
                rank,
                id: request.id.clone(),
                question,
                before: b,
                after: a,
                parameters,
            });
        }
    }

    /// The overrides the alternative's answer depends on: those without
    /// which (the others kept) the answer would not be `after`.
    fn responsible(&self, request: &CaseRequest, after: Case) -> Vec<ParamId> {
        let depends: Vec<ParamId> = (0..self.alternative.len())
            .filter(|&skip| {
                let others: Vec<Override> = self
                    .alternative
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != skip)
                    .map(|(_, o)| o.clone())
                    .collect();
                self.before
                    .with(&others)
                    .ok()
                    .and_then(|p| decide_with(&p, request).ok())
                    .is_some_and(|d| Case::of(&d) != after)
            })
            .map(|i| self.alternative[i].parameter)
            .collect();
        // No single override matters when several each suffice: name them all.
        if depends.is_empty() {
            self.alternative.iter().map(|o| o.parameter).collect()
        } else {
            depends
        }
    }

    fn reject(&mut self, rank: usize, id: Option<String>, error: &Error) {
        self.rejected_count += 1;
        if self.rejected.len() < self.max_changes {
            self.rejected.push(Rejected::new(rank, id, error));
        }
    }

    /// The comparison of everything added.
    pub fn finish(self) -> Result<ComparisonDecision, Error> {
        for t in self.totals.iter().flatten() {
            checked_total(t.amount_before, "facts.population")?;
            checked_total(t.amount_after, "facts.population")?;
        }
        Ok(ComparisonDecision {
            alternative: self.alternative,
            cases: self.seen,
            totals: self.totals.into_iter().flatten().collect(),
            changes: self.changes,
            changed: self.changed,
            rejected: self.rejected,
            rejected_count: self.rejected_count,
        })
    }
}

/// The answer to a `compare_policies` question.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ComparisonDecision {
    alternative: Vec<Override>,
    cases: usize,
    totals: Vec<QuestionTotals>,
    changes: Vec<Change>,
    changed: u64,
    rejected: Vec<Rejected>,
    rejected_count: u64,
}

impl ComparisonDecision {
    /// Requests in the population.
    pub fn cases(&self) -> usize {
        self.cases
    }

    /// The totals of each question asked, in the contract's order.
    pub fn totals(&self) -> &[QuestionTotals] {
        &self.totals
    }

    /// The changed cases listed (at most the limit asked for).
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Every changed case, listed or not.
    pub fn changed(&self) -> u64 {
        self.changed
    }

    /// The requests that could not be read or decided (at most the limit).
    pub fn rejected(&self) -> &[Rejected] {
        &self.rejected
    }

    /// Every request that could not be read or decided.
    pub fn rejected_count(&self) -> u64 {
        self.rejected_count
    }

    /// The overrides of the alternative.
    pub fn alternative(&self) -> &[Override] {
        &self.alternative
    }

    /// The steps taken, in `lang`: one per question asked.
    pub fn explain(&self, lang: Lang) -> Vec<Step> {
        explain::collect(|steps| self.explain_to(lang, steps))
    }

    /// Writes the steps taken, in `lang`, into `out`.
    pub(crate) fn explain_to(&self, lang: Lang, out: &mut dyn Explainer) {
        let mut alternative = String::new();
        for (i, o) in self.alternative.iter().enumerate() {
            if i > 0 {
                alternative.push_str(", ");
            }
            alternative.push_str(o.parameter.id());
            alternative.push_str(" = ");
            alternative.push_str(&o.value.to_string());
        }
        for t in &self.totals {
            let (zh, en) = (
                t.question.name(Lang::Zh),
                Capitalised(t.question.name(Lang::En)),
            );
            let (changed, cases) = (t.changed, t.cases);
            let (before, after) = (
                total_words(t.amount_before, lang),
                total_words(t.amount_after, lang),
            );
            let (fb, fa) = (t.favourable_before, t.favourable_after);
            let step = (
                "comparison.question",
                t.question.clause(),
                None,
                changed == 0,
            );
            if pays(t.question) {
                say!(
                    out,
                    lang,
                    step,
                    zh[zh, "：按替代参数（", alternative, "），", cases, "个案例中有", changed, "个结果改变；有利结果由", fb, "个变为", fa, "个，金额由", before, "变为", after],
                    en[en, ": under the alternative (", alternative, "), ", changed, " of ", cases, " cases change; favourable outcomes go from ", fb, " to ", fa, ", amounts from ", before, " to ", after],
                );
            } else {
                say!(
                    out,
                    lang,
                    step,
                    zh[zh, "：按替代参数（", alternative, "），", cases, "个案例中有", changed, "个结果改变；有利结果由", fb, "个变为", fa, "个"],
                    en[en, ": under the alternative (", alternative, "), ", changed, " of ", cases, " cases change; favourable outcomes go from ", fb, " to ", fa],
                );
            }
        }
    }
}

/// Decides a `compare_policies` question.
pub fn decide(params: &Parameters, facts: &ComparisonFacts) -> Result<ComparisonDecision, Error> {
    let mut comparator = Comparator::new(params, &facts.alternative, facts.max_changes)?;
    for item in &facts.population {
        comparator.add(item.as_ref());
    }
    comparator.finish()
}

/// Writes one side of a changed case.
fn write_case(j: &mut Json, key: &'static str, case: Case) {
    j.key(key);
    j.begin();
    j.key(key!("outcome"));
    j.str(case.outcome.code());
    j.key(key!("amount_fen"));
    j.opt_u64(case.amount.map(Fen::get));
    j.end();
}

/// Whether answers to `question` carry an amount.
fn pays(question: CaseKind) -> bool {
    matches!(
        question,
        CaseKind::VenueSubsidy | CaseKind::ModelUnionAward | CaseKind::MutualAidSubsidy
    )
}

impl Rule for ComparisonFacts {
    const CODE: &'static str = "compare_policies";
    const NAME_ZH: &'static str = "政策对比";
    const NAME_EN: &'static str = "policy comparison";
    const CLAUSE: Clause = Clause::C2;
    type Decision = ComparisonDecision;

    fn read(f: &Fields<'_>, read_case: ReadCase) -> Result<ComparisonFacts, Error> {
        f.only(&["alternative", "population", "max_changes"])?;
        let alternative = match f.object("alternative")? {
            Some(alternative) => read_overrides(&alternative)?,
            None => {
                return Err(Error::MissingField {
                    field: f.path("alternative"),
                });
            }
        };
        Ok(ComparisonFacts {
            alternative,
            population: read_population(f, "population", read_case)?,
            max_changes: f
                .read_optional("max_changes", read::count)?
                .map_or(DEFAULT_MAX_CHANGES, |n| {
                    usize::try_from(n).unwrap_or(usize::MAX)
                }),
        })
    }

    fn decide(&self, params: &Parameters) -> Result<ComparisonDecision, Error> {
        decide(params, self)
    }

    fn outcome(d: &ComparisonDecision) -> Outcome {
        Outcome::of(d.changed() > 0, Outcome::Changed, Outcome::Unchanged)
    }

    fn explain(d: &ComparisonDecision, lang: Lang, out: &mut dyn Explainer) {
        d.explain_to(lang, out);
    }

    fn write(d: &ComparisonDecision, j: &mut Json, _: &Context<'_>) {
        j.key(key!("cases"));
        j.u64(d.cases() as u64);
        j.key(key!("changed"));
        j.u64(d.changed());
        j.key(key!("rejected"));
        j.u64(d.rejected_count());
        j.key(key!("questions"));
        j.begin_array();
        for t in d.totals() {
            let (before, after) = (total(t.amount_before), total(t.amount_after));
            let paid = pays(t.question);
            j.item();
            j.begin();
            j.key(key!("question"));
            j.str(t.question.code());
            j.key(key!("cases"));
            j.u64(t.cases);
            j.key(key!("changed"));
            j.u64(t.changed);
            j.key(key!("favourable_before"));
            j.u64(t.favourable_before);
            j.key(key!("favourable_after"));
            j.u64(t.favourable_after);
            j.key(key!("amount_before_fen"));
            j.opt_u64(paid.then_some(before.get()));
            j.key(key!("amount_after_fen"));
            j.opt_u64(paid.then_some(after.get()));
            j.key(key!("difference_fen"));
            j.opt_i64(paid.then(|| difference(before, after)));
            j.end();
        }
        j.end_array();
        j.key(key!("changes"));
        j.begin_array();
        for c in d.changes() {
            j.item();
            j.begin();
            j.key(key!("rank"));
            j.u64(c.rank as u64);
            j.key(key!("id"));
            j.opt_str(c.id.as_deref());
            j.key(key!("question"));
            j.str(c.question.code());
            write_case(j, key!("before"), c.before);
            write_case(j, key!("after"), c.after);
            j.key(key!("parameters"));
            j.begin_array();
            for p in &c.parameters {
                j.item();
                j.str(p.id());
            }
            j.end_array();
            j.end();
        }
        j.end_array();
        // The count is written above, with the cases; the list goes last.
        j.key(key!("rejections"));
        super::write_rejections(j, d.rejected());
    }
}
