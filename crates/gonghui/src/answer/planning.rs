//! The fields of the answers about populations: allocations, comparisons,
//! budgets and schedules.

use serde::Serialize;

use super::json::Json;
use super::total;
use crate::Lang;
use crate::money::{Fen, Rate};
use crate::planning::Rejected;
use crate::planning::allocation::AllocationDecision;
use crate::planning::budget::BudgetDecision;
use crate::planning::comparison::{Case, ComparisonDecision};
use crate::planning::schedule::ScheduleDecision;
use crate::request::QuestionKind;

#[derive(Serialize)]
struct TierOut {
    tier: &'static str,
    cap: u64,
    already_awarded: u64,
    applications: u64,
    awarded: u64,
    amount_fen: u64,
    amount_yuan: String,
}

#[derive(Serialize)]
struct PlacementOut<'a> {
    rank: usize,
    id: &'a str,
    tier: &'static str,
    awarded: bool,
    amount_fen: Option<u64>,
    reason: Option<&'static str>,
    text: String,
}

pub(super) fn allocation(j: &mut Json, d: &AllocationDecision, lang: Lang) {
    let tiers: Vec<_> = d
        .totals()
        .tiers
        .iter()
        .map(|t| TierOut {
            tier: t.tier.code(),
            cap: t.cap,
            already_awarded: t.already_awarded,
            applications: t.applications,
            awarded: t.awarded,
            amount_fen: total(t.amount).get(),
            amount_yuan: total(t.amount).yuan(),
        })
        .collect();
    j.key("tiers");
    j.serialize(&tiers);
    j.money(
        ("total_fen", "total_yuan"),
        Some(total(d.totals().amount())),
    );
    let placements: Vec<_> = d
        .placements()
        .iter()
        .enumerate()
        .map(|(i, p)| PlacementOut {
            rank: i + 1,
            id: &p.id,
            tier: p.tier.code(),
            awarded: p.award.is_ok(),
            amount_fen: p.award.ok().map(Fen::get),
            reason: p.award.err().map(|r| r.code()),
            text: d.placement_text(p, lang),
        })
        .collect();
    j.key("applications");
    j.serialize(&placements);
}

#[derive(Serialize)]
struct QuestionTotalsOut {
    question: &'static str,
    cases: u64,
    changed: u64,
    favourable_before: u64,
    favourable_after: u64,
    amount_before_fen: Option<u64>,
    amount_after_fen: Option<u64>,
    difference_fen: Option<i64>,
}

#[derive(Serialize)]
struct CaseOut {
    outcome: &'static str,
    amount_fen: Option<u64>,
}

impl From<Case> for CaseOut {
    fn from(case: Case) -> CaseOut {
        CaseOut {
            outcome: case.outcome.code(),
            amount_fen: case.amount.map(Fen::get),
        }
    }
}

#[derive(Serialize)]
struct ChangeOut<'a> {
    rank: usize,
    id: Option<&'a str>,
    question: &'static str,
    before: CaseOut,
    after: CaseOut,
    parameters: Vec<&'static str>,
}

#[derive(Serialize)]
struct RejectedOut<'a> {
    rank: usize,
    id: Option<&'a str>,
    code: &'static str,
    field: Option<&'a str>,
}

fn rejections(rejected: &[Rejected]) -> Vec<RejectedOut<'_>> {
    rejected
        .iter()
        .map(|r| RejectedOut {
            rank: r.rank,
            id: r.id.as_deref(),
            code: r.code,
            field: r.field.as_deref(),
        })
        .collect()
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
    j.key("cases");
    j.serialize(&d.cases());
    j.key("changed");
    j.serialize(&d.changed());
    j.key("rejected");
    j.serialize(&d.rejected_count());
    let questions: Vec<_> = d
        .totals()
        .iter()
        .map(|t| {
            let (before, after) = (total(t.amount_before), total(t.amount_after));
            let paid = pays(t.question);
            QuestionTotalsOut {
                question: t.question.code(),
                cases: t.cases,
                changed: t.changed,
                favourable_before: t.favourable_before,
                favourable_after: t.favourable_after,
                amount_before_fen: paid.then_some(before.get()),
                amount_after_fen: paid.then_some(after.get()),
                difference_fen: paid.then(|| difference(before, after)),
            }
        })
        .collect();
    j.key("questions");
    j.serialize(&questions);
    let changes: Vec<_> = d
        .changes()
        .iter()
        .map(|c| ChangeOut {
            rank: c.rank,
            id: c.id.as_deref(),
            question: c.question.code(),
            before: c.before.into(),
            after: c.after.into(),
            parameters: c.parameters.iter().map(|p| p.id()).collect(),
        })
        .collect();
    j.key("changes");
    j.serialize(&changes);
    j.key("rejections");
    j.serialize(&rejections(d.rejected()));
}

#[derive(Serialize)]
struct LineOut {
    line: &'static str,
    clause: &'static str,
    bound: &'static str,
    planned_count: Option<u64>,
    unit_fen: Option<u64>,
    planned_fen: Option<u64>,
    committed_count: u64,
    committed_fen: u64,
    remaining_fen: Option<i64>,
}

pub(super) fn budget(j: &mut Json, d: &BudgetDecision) {
    j.key("year");
    j.serialize(&d.year().get());
    let lines: Vec<_> = d
        .lines()
        .iter()
        .map(|l| {
            let planned = l.planned().map(total);
            let committed = total(l.committed);
            LineOut {
                line: l.line.code(),
                clause: l.line.clause().id(),
                bound: l.bound.code(),
                planned_count: l.planned_count,
                unit_fen: l.unit.map(Fen::get),
                planned_fen: planned.map(Fen::get),
                committed_count: l.committed_count,
                committed_fen: committed.get(),
                remaining_fen: planned.map(|p| difference(committed, p)),
            }
        })
        .collect();
    j.key("lines");
    j.serialize(&lines);
    j.money(("planned_fen", "planned_yuan"), Some(total(d.planned())));
    j.money(
        ("committed_fen", "committed_yuan"),
        Some(total(d.committed())),
    );
    j.key("cases");
    j.serialize(&d.cases());
    j.key("not_counted");
    j.serialize(&d.not_counted());
    j.key("rejected");
    j.serialize(&d.rejected_count());
    j.key("rejections");
    j.serialize(&rejections(d.rejected()));
}

#[derive(Serialize)]
struct YearOut {
    year: u16,
    eligible: bool,
    rate_percent: Rate,
    amount_fen: u64,
    amount_yuan: String,
    break_cost_fen: u64,
}

pub(super) fn schedule(j: &mut Json, d: &ScheduleDecision) {
    j.key("join_year");
    j.serialize(&d.join_year().get());
    let years: Vec<_> = d
        .years()
        .iter()
        .map(|y| YearOut {
            year: y.year.get(),
            eligible: y.decision.eligible(),
            rate_percent: y.decision.rate(),
            amount_fen: y.decision.amount().get(),
            amount_yuan: y.decision.amount().yuan(),
            break_cost_fen: total(y.break_cost).get(),
        })
        .collect();
    j.key("years");
    j.serialize(&years);
    j.money(("total_fen", "total_yuan"), Some(total(d.total())));
}
