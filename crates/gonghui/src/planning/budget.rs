//! The budget of a year: the money the yearly targets imply, and what the
//! year's decisions committed against it (C9, C12, C13, C18; I4, I5, I6, I9).
//!
//! Three lines have a planned amount: at least 30 park venues at 500,000 yuan
//! (C12: a floor, not a cap), and 100 six-haves and 100 six-norms unions at
//! 30,000 and 50,000 yuan (C13: caps). Grassroots venues and the mutual-aid
//! subsidy have none, since the article sets no amount for the first (I4) and
//! no premium for the second: their committed money is reported, their plan
//! left open.

use super::{Rejected, checked_total, decide_with, difference, read_population, total};
use crate::explain::{self, Explainer, Step, say};
use crate::json::write::{Json, key};
use crate::policy::{OpenTopic, ParamId, Parameters, Used};
use crate::read::values as read;
use crate::read::{Error, Fields, Rejection};
use crate::rules::basis::{Basis, Capitalised, Counted};
use crate::rules::venue::Venue;
use crate::rules::{Case, CaseRequest, Context, Outcome, ReadCase, Rule};
use crate::vocab::{Clause, Fen, Lang, Tier, Year, total_words};

/// The facts of a `yearly_budget` question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetFacts {
    /// The year budgeted.
    pub year: Year,
    /// The year's requests, whose decisions are the money committed (may be
    /// empty: the plan alone).
    pub population: Vec<Result<CaseRequest, Rejection>>,
}

/// A line of the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LineId {
    /// Standardised park venues (C10, C12).
    ParkVenues,
    /// Grassroots venues (C9, I4).
    GrassrootsVenues,
    /// Six-haves union awards (C13).
    SixHavesUnions,
    /// Six-norms union awards (C13).
    SixNormsUnions,
    /// The mutual-aid premium subsidy (C17–C19).
    MutualAid,
}

impl LineId {
    /// Every line, in order.
    pub const ALL: [LineId; 5] = [
        LineId::ParkVenues,
        LineId::GrassrootsVenues,
        LineId::SixHavesUnions,
        LineId::SixNormsUnions,
        LineId::MutualAid,
    ];

    /// The code used in JSON.
    pub const fn code(self) -> &'static str {
        match self {
            LineId::ParkVenues => "park_venues",
            LineId::GrassrootsVenues => "grassroots_venues",
            LineId::SixHavesUnions => "six_haves_unions",
            LineId::SixNormsUnions => "six_norms_unions",
            LineId::MutualAid => "mutual_aid",
        }
    }

    /// The clause that plans (or pays) it.
    pub const fn clause(self) -> Clause {
        match self {
            LineId::ParkVenues => Clause::C12,
            LineId::GrassrootsVenues => Clause::C9,
            LineId::SixHavesUnions | LineId::SixNormsUnions => Clause::C13,
            LineId::MutualAid => Clause::C18,
        }
    }

    /// The line's name in `lang`, as the explanation says it.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            LineId::ParkVenues => lang.pick("工业园区标准化职工活动场所", "park venues"),
            LineId::GrassrootsVenues => {
                lang.pick("乡镇（街道）、村（社区）职工活动场所", "grassroots venues")
            }
            LineId::SixHavesUnions => lang.pick("“六有”企业工会", "six-haves unions"),
            LineId::SixNormsUnions => lang.pick("“六规范”企业工会", "six-norms unions"),
            LineId::MutualAid => lang.pick("职工互助保障参保补贴", "mutual-aid subsidies"),
        }
    }
}

/// How a line's planned count binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// A floor: at least this many (C12's park venues).
    AtLeast,
    /// A cap: at most this many (C13's unions).
    AtMost,
    /// No planned count or amount: the article leaves it open.
    Open,
}

impl Bound {
    /// The code used in JSON.
    pub const fn code(self) -> &'static str {
        match self {
            Bound::AtLeast => "at_least",
            Bound::AtMost => "at_most",
            Bound::Open => "open",
        }
    }
}

/// One line of the budget: planned and committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BudgetLine {
    /// Which line.
    pub line: LineId,
    /// How its planned count binds.
    pub bound: Bound,
    /// The yearly target or cap, when there is one.
    pub planned_count: Option<u64>,
    /// The amount of one, when the policy sets it.
    pub unit: Option<Fen>,
    /// Favourable decisions committing money on this line.
    pub committed_count: u64,
    /// The money they commit, in fen.
    pub committed: u128,
    /// The published count and unit, where an override changed them.
    published: (Option<u64>, Option<Option<Fen>>),
}

impl BudgetLine {
    /// The planned money: count × amount, when both are set.
    pub fn planned(&self) -> Option<u128> {
        Some(u128::from(self.planned_count?) * u128::from(self.unit?.get()))
    }

    /// Whether the committed count stays within a cap (always true of floors
    /// and open lines).
    pub fn within(&self) -> bool {
        match (self.bound, self.planned_count) {
            (Bound::AtMost, Some(cap)) => self.committed_count <= cap,
            _ => true,
        }
    }
}

/// Adds a year's decisions to its budget one request at a time.
#[derive(Debug, Clone)]
pub struct Budgeter<'p> {
    params: &'p Parameters,
    year: Year,
    lines: [BudgetLine; 5],
    not_counted: u64,
    rejected: Vec<Rejected>,
    rejected_count: u64,
    seen: usize,
}

/// The most rejected requests a budget lists (all are counted).
const MAX_LISTED: usize = 1000;

impl<'p> Budgeter<'p> {
    /// The budget of `year` under `params`, with nothing committed yet.
    pub fn new(params: &'p Parameters, year: Year) -> Budgeter<'p> {
        let line = |line, bound, count: Option<Used<u64>>, unit: Used<Option<Fen>>| BudgetLine {
            line,
            bound,
            planned_count: count.map(|c| c.value),
            unit: unit.value,
            committed_count: 0,
            committed: 0,
            published: (count.and_then(|c| c.published), unit.published),
        };
        let p = params;
        let some = |u: Used<Fen>| Used::compared(Some(u.value), u.published.map(Some));
        Budgeter {
            params,
            year,
            lines: [
                line(
                    LineId::ParkVenues,
                    Bound::AtLeast,
                    Some(p.used(ParamId::ParkVenuesPerYear, p.park_venues_per_year)),
                    some(p.used(ParamId::ParkAmount, p.park_amount)),
                ),
                line(
                    LineId::GrassrootsVenues,
                    Bound::Open,
                    None,
                    p.used(ParamId::GrassrootsAmount, p.grassroots_amount),
                ),
                line(
                    LineId::SixHavesUnions,
                    Bound::AtMost,
                    Some(p.used(ParamId::SixHavesPerYear, p.six_haves_per_year)),
                    some(p.used(ParamId::SixHavesAmount, p.six_haves_amount)),
                ),
                line(
                    LineId::SixNormsUnions,
                    Bound::AtMost,
                    Some(p.used(ParamId::SixNormsPerYear, p.six_norms_per_year)),
                    some(p.used(ParamId::SixNormsAmount, p.six_norms_amount)),
                ),
                line(LineId::MutualAid, Bound::Open, None, Used::published(None)),
            ],
            not_counted: 0,
            rejected: Vec::new(),
            rejected_count: 0,
            seen: 0,
        }
    }

    /// Adds the next request of the year.
    pub fn add(&mut self, item: Result<&CaseRequest, &Rejection>) {
        self.seen += 1;
        let request = match item {
            Ok(request) => request,
            Err(rejection) => return self.reject(rejection.id.clone(), &rejection.error),
        };
        let decision = match decide_with(self.params, request) {
            Ok(d) => d,
            Err(error) => return self.reject(request.id.clone(), &error),
        };
        let line = match &request.case {
            Case::VenueSubsidy(Venue::IndustrialPark { .. }) => LineId::ParkVenues,
            Case::VenueSubsidy(Venue::Grassroots { .. }) => LineId::GrassrootsVenues,
            Case::ModelUnionAward(f) => match f.tier {
                Tier::SixHaves => LineId::SixHavesUnions,
                Tier::SixNorms => LineId::SixNormsUnions,
            },
            Case::MutualAidSubsidy(f) if f.year == self.year => LineId::MutualAid,
            _ => {
                self.not_counted += 1;
                return;
            }
        };
        if decision.outcome().is_favourable() {
            let line = &mut self.lines[line as usize];
            line.committed_count += 1;
            line.committed += decision.amount().map_or(0, |f| u128::from(f.get()));
        }
    }

    fn reject(&mut self, id: Option<String>, error: &Error) {
        self.rejected_count += 1;
        if self.rejected.len() < MAX_LISTED {
            self.rejected.push(Rejected::new(self.seen, id, error));
        }
    }

    /// The budget of everything added.
    pub fn finish(self) -> Result<BudgetDecision, Error> {
        for line in &self.lines {
            checked_total(line.committed, "facts.population")?;
            checked_total(line.planned().unwrap_or(0), "facts.population")?;
        }
        checked_total(
            self.lines.iter().map(|l| l.committed).sum(),
            "facts.population",
        )?;
        Ok(BudgetDecision {
            year: self.year,
            lines: self.lines,
            cases: self.seen,
            not_counted: self.not_counted,
            rejected: self.rejected,
            rejected_count: self.rejected_count,
        })
    }
}

/// The answer to a `yearly_budget` question.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BudgetDecision {
    year: Year,
    lines: [BudgetLine; 5],
    cases: usize,
    not_counted: u64,
    rejected: Vec<Rejected>,
    rejected_count: u64,
}

impl BudgetDecision {
    /// The year budgeted.
    pub fn year(&self) -> Year {
        self.year
    }

    /// The lines, in order.
    pub fn lines(&self) -> &[BudgetLine] {
        &self.lines
    }

    /// Requests in the population.
    pub fn cases(&self) -> usize {
        self.cases
    }

    /// Requests that commit no money of this year's lines (other questions,
    /// mutual aid of another year).
    pub fn not_counted(&self) -> u64 {
        self.not_counted
    }

    /// Requests that could not be read or decided (at most 1000 listed).
    pub fn rejected(&self) -> &[Rejected] {
        &self.rejected
    }

    /// Every request that could not be read or decided.
    pub fn rejected_count(&self) -> u64 {
        self.rejected_count
    }

    /// The planned money of the lines that have a plan.
    pub fn planned(&self) -> u128 {
        self.lines.iter().filter_map(BudgetLine::planned).sum()
    }

    /// The money committed on every line.
    pub fn committed(&self) -> u128 {
        self.lines.iter().map(|l| l.committed).sum()
    }

    /// Whether every capped line stays within its cap.
    pub fn within_plan(&self) -> bool {
        self.lines.iter().all(BudgetLine::within)
    }

    /// What the published policy leaves open that bears on this answer.
    pub fn open(&self) -> &'static [OpenTopic] {
        &[
            OpenTopic::GrassrootsVenueAmount,
            OpenTopic::MutualAidPremium,
        ]
    }

    /// The steps taken, in `lang`: one per line.
    pub fn explain(&self, lang: Lang) -> Vec<Step> {
        explain::collect(|steps| self.explain_to(lang, steps))
    }

    /// Writes the steps taken, in `lang`, into `out`.
    pub(crate) fn explain_to(&self, lang: Lang, out: &mut dyn Explainer) {
        for l in &self.lines {
            let (zh, en) = (l.line.name(Lang::Zh), Capitalised(l.line.name(Lang::En)));
            let (count, committed) = (l.committed_count, total_words(l.committed, lang));
            let planned = total_words(l.planned().unwrap_or(0), lang);
            let step = ("budget.line", l.line.clause(), Some(Clause::I9), l.within());
            let (zh_over, en_over) = if l.within() {
                ("", "")
            } else {
                ("，超出上限", ", over the cap")
            };
            let (published_count, published_unit) = l.published;
            let units = |n| Counted { n, zh: "", lang };
            let count_basis =
                |clause, n| Basis::of(clause, Used::compared(n, published_count), lang, units);
            let unit_basis = |clause, unit: Fen| {
                let published = published_unit.map(|u| u.unwrap_or(Fen::ZERO));
                Basis::of(
                    clause,
                    Used::compared(unit, published),
                    lang,
                    move |f: Fen| f.words(lang),
                )
            };
            match (l.line, l.planned_count, l.unit) {
                (LineId::ParkVenues, Some(n), Some(unit)) => {
                    let (count_basis, unit_basis) =
                        (count_basis(Clause::C12, n), unit_basis(Clause::C10, unit));
                    let unit = unit.words(lang);
                    say!(
                        out,
                        lang,
                        step,
                        zh[zh, "：每年", n, "个以上（", count_basis, "），每个", unit, "（", unit_basis, "），计划至少", planned, "；已承诺", count, "个，共", committed],
                        en[en, ": at least ", n, " a year (", count_basis, ") at ", unit, " each (", unit_basis, "), a plan of at least ", planned, "; ", count, " committed, ", committed],
                    );
                }
                (LineId::SixHavesUnions | LineId::SixNormsUnions, Some(n), Some(unit)) => {
                    let (count_basis, unit_basis) =
                        (count_basis(Clause::C13, n), unit_basis(Clause::C13, unit));
                    let unit = unit.words(lang);
                    say!(
                        out,
                        lang,
                        step,
                        zh[zh, "：每年上限", n, "家（", count_basis, "，I6），每家", unit, "（", unit_basis, "），计划", planned, "；已承诺", count, "家，共", committed, zh_over],
                        en[en, ": a cap of ", n, " a year (", count_basis, ", I6) at ", unit, " each (", unit_basis, "), a plan of ", planned, "; ", count, " committed, ", committed, en_over],
                    );
                }
                (LineId::GrassrootsVenues, _, Some(unit)) => {
                    let unit = unit.words(lang);
                    say!(
                        out,
                        lang,
                        step,
                        zh[zh, "：每项", unit, "（已替换；文章未规定该金额，I4），文章未规定数量，不作计划；已承诺", count, "项，共", committed],
                        en[en, ": ", unit, " each (overridden; the article sets no amount, I4), and no number, so there is no plan; ", count, " committed, ", committed],
                    );
                }
                (LineId::GrassrootsVenues, _, None) => say!(
                    out,
                    lang,
                    step,
                    zh[zh, "：文章未规定补助金额（C9，I4），不作计划；已承诺", count, "项，共", committed],
                    en[en, ": the article sets no amount (C9, I4), so there is no plan; ", count, " committed, ", committed],
                ),
                _ => say!(
                    out,
                    lang,
                    step,
                    zh[zh, "：文章未规定保费（C17），不作计划；已承诺", count, "项，共", committed],
                    en[en, ": the article sets no premium (C17), so there is no plan; ", count, " committed, ", committed],
                ),
            }
        }
    }
}

/// Decides a `yearly_budget` question.
pub fn decide(params: &Parameters, facts: &BudgetFacts) -> Result<BudgetDecision, Error> {
    let mut budgeter = Budgeter::new(params, facts.year);
    for item in &facts.population {
        budgeter.add(item.as_ref());
    }
    budgeter.finish()
}

impl Rule for BudgetFacts {
    const CODE: &'static str = "yearly_budget";
    const NAME_ZH: &'static str = "年度预算";
    const NAME_EN: &'static str = "yearly budget";
    const CLAUSE: Clause = Clause::C12;
    type Decision = BudgetDecision;

    fn read(f: &Fields<'_>, read_case: ReadCase) -> Result<BudgetFacts, Error> {
        f.only(&["year", "population"])?;
        let year = f.read("year", read::year)?;
        let population = match f.optional("population") {
            Some(_) => read_population(f, "population", read_case)?,
            None => Vec::new(),
        };
        Ok(BudgetFacts { year, population })
    }

    fn decide(&self, params: &Parameters) -> Result<BudgetDecision, Error> {
        decide(params, self)
    }

    fn outcome(d: &BudgetDecision) -> Outcome {
        Outcome::of(d.within_plan(), Outcome::WithinPlan, Outcome::BeyondPlan)
    }

    fn open(d: &BudgetDecision) -> &'static [OpenTopic] {
        d.open()
    }

    fn explain(d: &BudgetDecision, lang: Lang, out: &mut dyn Explainer) {
        d.explain_to(lang, out);
    }

    fn write(d: &BudgetDecision, j: &mut Json, _: &Context<'_>) {
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
        j.key(key!("rejected"));
        j.u64(d.rejected_count());
        j.key(key!("rejections"));
        super::write_rejections(j, d.rejected());
    }
}
