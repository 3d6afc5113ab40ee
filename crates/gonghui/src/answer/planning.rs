//! The fields of the answers about populations: allocations, comparisons,
//! budgets and schedules.

use super::total;
use crate::Lang;
use crate::json::{Json, key};
use crate::money::Fen;
use crate::planning::Rejected;
use crate::planning::allocation::AllocationDecision;
use crate::planning::budget::BudgetDecision;
use crate::planning::comparison::{Case, ComparisonDecision};
use crate::planning::schedule::ScheduleDecision;
use crate::request::QuestionKind;

pub(super) fn allocation(j: &mut Json, d: &AllocationDecision, lang: Lang) {
    j.key(key!("tiers"));
    j.begin_array();
    for t in &d.totals().tiers {
        j.item();
        j.begin();
        j.key(key!("tier"));
        j.str(t.tier.code());
        j.key(key!("cap"));
        j.u64(t.cap);
        j.key(key!("already_awarded"));
        j.u64(t.already_awarded);
        j.key(key!("applications"));
        j.u64(t.applications);
        j.key(key!("awarded"));
        j.u64(t.awarded);
        j.money(
            (key!("amount_fen"), key!("amount_yuan")),
            Some(total(t.amount)),
        );
        j.end();
    }
    j.end_array();
    j.money(
        (key!("total_fen"), key!("total_yuan")),
        Some(total(d.totals().amount())),
    );
    j.key(key!("applications"));
    j.begin_array();
    for (i, p) in d.placements().iter().enumerate() {
        j.item();
        j.begin();
        j.key(key!("rank"));
        j.u64(i as u64 + 1);
        j.key(key!("id"));
        j.str(&p.id);
        j.key(key!("tier"));
        j.str(p.tier.code());
        j.key(key!("awarded"));
        j.bool(p.award.is_ok());
        j.key(key!("amount_fen"));
        j.opt_u64(p.award.ok().map(Fen::get));
        j.key(key!("reason"));
        j.opt_str(p.award.err().map(|r| r.code()));
        j.key(key!("text"));
        j.str(&d.placement_text(p, lang));
        j.end();
    }
    j.end_array();
}

fn case(j: &mut Json, key: &'static str, case: Case) {
    j.key(key);
    j.begin();
    j.key(key!("outcome"));
    j.str(case.outcome.code());
    j.key(key!("amount_fen"));
    j.opt_u64(case.amount.map(Fen::get));
    j.end();
}

fn rejections(j: &mut Json, count: u64, rejected: &[Rejected]) {
    j.key(key!("rejected"));
    j.u64(count);
    j.key(key!("rejections"));
    rejection_list(j, rejected);
}

/// Whether answers to `question` carry an amount.
fn pays(question: QuestionKind) -> bool {
    matches!(
        question,
        QuestionKind::VenueSubsidy | QuestionKind::ModelUnionAward | QuestionKind::MutualAidSubsidy
    )
}

/// `after − before` in fen, both at most 2^53 − 1, so it fits.
fn difference(before: Fen, after: Fen) -> i64 {
    let (b, a) = (
        i64::try_from(before.get()).unwrap_or(i64::MAX),
        i64::try_from(after.get()).unwrap_or(i64::MAX),
    );
    a - b
}

pub(super) fn comparison(j: &mut Json, d: &ComparisonDecision) {
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
        case(j, key!("before"), c.before);
        case(j, key!("after"), c.after);
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
    rejection_list(j, d.rejected());
}

/// The `rejections` list alone.
fn rejection_list(j: &mut Json, rejected: &[Rejected]) {
    j.begin_array();
    for r in rejected {
        j.item();
        j.begin();
        j.key(key!("rank"));
        j.u64(r.rank as u64);
        j.key(key!("id"));
        j.opt_str(r.id.as_deref());
        j.key(key!("code"));
        j.str(r.code);
        j.key(key!("field"));
        j.opt_str(r.field.as_deref());
        j.end();
    }
    j.end_array();
}

pub(super) fn budget(j: &mut Json, d: &BudgetDecision) {
    j.key(key!("year"));
    j.u64(u64::from(d.year().get()));
    j.key(key!("lines"));
    j.begin_array();
    for l in d.lines() {
        let planned = l.planned().map(total);
        let committed = total(l.committed);
        j.item();
        j.begin();
        j.key(key!("line"));
        j.str(l.line.code());
        j.key(key!("clause"));
        j.str(l.line.clause().id());
        j.key(key!("bound"));
        j.str(l.bound.code());
        j.key(key!("planned_count"));
        j.opt_u64(l.planned_count);
        j.key(key!("unit_fen"));
        j.opt_u64(l.unit.map(Fen::get));
        j.key(key!("planned_fen"));
        j.opt_u64(planned.map(Fen::get));
        j.key(key!("committed_count"));
        j.u64(l.committed_count);
        j.key(key!("committed_fen"));
        j.u64(committed.get());
        j.key(key!("remaining_fen"));
        j.opt_i64(planned.map(|p| difference(committed, p)));
        j.end();
    }
    j.end_array();
    j.money(
        (key!("planned_fen"), key!("planned_yuan")),
        Some(total(d.planned())),
    );
    j.money(
        (key!("committed_fen"), key!("committed_yuan")),
        Some(total(d.committed())),
    );
    j.key(key!("cases"));
    j.u64(d.cases() as u64);
    j.key(key!("not_counted"));
    j.u64(d.not_counted());
    rejections(j, d.rejected_count(), d.rejected());
}

pub(super) fn schedule(j: &mut Json, d: &ScheduleDecision) {
    j.key(key!("join_year"));
    j.u64(u64::from(d.join_year().get()));
    j.key(key!("years"));
    j.begin_array();
    for y in d.years() {
        j.item();
        j.begin();
        j.key(key!("year"));
        j.u64(u64::from(y.year.get()));
        j.key(key!("eligible"));
        j.bool(y.decision.eligible());
        j.key(key!("rate_percent"));
        j.rate(y.decision.rate());
        j.money(
            (key!("amount_fen"), key!("amount_yuan")),
            Some(y.decision.amount()),
        );
        j.money(
            (key!("break_cost_fen"), key!("break_cost_yuan")),
            Some(total(y.break_cost)),
        );
        j.end();
    }
    j.end_array();
    j.money(
        (key!("total_fen"), key!("total_yuan")),
        Some(total(d.total())),
    );
}
