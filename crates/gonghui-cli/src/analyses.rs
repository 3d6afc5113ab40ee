//! The analyses over populations: allocate, compare, budget and schedule.
//!
//! Each streams its input through the core's accumulator, then writes the
//! core's answer (the same JSON the contract's question gives) or, for a
//! person at a terminal, a table of the same figures.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use gonghui::planning::Rejected;
use gonghui::planning::allocation::{AllocationDecision, Allocator, Application};
use gonghui::planning::budget::{Bound, BudgetDecision, Budgeter};
use gonghui::planning::comparison::{Comparator, ComparisonDecision};
use gonghui::planning::schedule::{self, ScheduleDecision, ScheduleFacts};
use gonghui::{
    CaseRequest, Chain, Cluster, Decision, Fen, KeyIndustries, Lang, Policy, QuestionKind,
    Rejection, Year,
};

use crate::input::Input;
use crate::lines::{Line, LineReader};
use crate::out::{self, note};
use crate::table::Table;
use crate::text::{pick, yuan};

/// A count for a table, thousands grouped.
fn count(n: impl Into<u128>) -> String {
    crate::text::grouped(n.into())
}

/// How the result is written.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The core's JSON answer, on one line.
    Json,
    /// A table for people.
    Table,
}

/// What to write and how: the format (a table at a terminal, JSON
/// otherwise, unless asked) and the language of the texts.
pub struct Output {
    pub format: Option<Format>,
    pub lang: Lang,
}

impl Output {
    fn format(&self) -> Format {
        self.format.unwrap_or(if io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Json
        })
    }

    /// Writes `decision`, made under `policy`: as the contract's answer
    /// (`wrap` makes it the question's decision), or as the table `table`
    /// draws in the language asked for.
    fn write<D>(
        &self,
        policy: &Policy,
        decision: D,
        wrap: fn(D) -> Decision,
        table: fn(&D, Lang) -> String,
    ) -> io::Result<()> {
        let text = match self.format() {
            Format::Json => {
                let answer = policy.decision_answer(&wrap(decision), self.lang);
                format!("{}\n", answer.as_str())
            }
            Format::Table => table(&decision, self.lang),
        };
        let mut out = out::stdout();
        out.write_all(text.as_bytes())?;
        out.flush()
    }
}

/// Reads every line of `path` (or standard input), handing each complete
/// line's content to `each` with its number; a line over the size limit is
/// handed over as its rejection.
fn each_line(
    path: Option<&Path>,
    mut each: impl FnMut(usize, Result<&[u8], Rejection>),
) -> io::Result<()> {
    let input = Input::open(path)?;
    let mut reader = LineReader::new(input.reader, gonghui::limits::MAX_REQUEST_BYTES);
    let mut number = 0;
    while let Some(line) = reader.next_line()? {
        number += 1;
        match line {
            Line::Complete(bytes) => each(number, Ok(gonghui::batch::line_content(bytes))),
            Line::TooLong { bytes } => each(number, Err(too_large(bytes))),
        }
    }
    input.progress.finish_and_clear();
    Ok(())
}

fn too_large(bytes: usize) -> Rejection {
    Rejection {
        id: None,
        lang: Lang::default(),
        error: gonghui::Error::MalformedRequest {
            reason: gonghui::Malformed::TooLarge { bytes },
        },
    }
}

/// Ends a run: 2 on an error reading or writing, 1 when some lines were
/// refused, 0 otherwise.
fn finish(result: io::Result<()>, refused: u64) -> ExitCode {
    match result {
        Err(e) => out::failed(&e),
        Ok(()) if refused > 0 => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
    }
}

pub fn allocate(
    policy: &Policy,
    path: Option<&Path>,
    already: [u64; 2],
    output: &Output,
) -> ExitCode {
    let params = policy.parameters();
    let mut allocator = Allocator::new(params, already);
    let mut refused = 0;
    let read = each_line(path, |number, line| {
        match line.and_then(Application::from_line) {
            Ok(application) => {
                allocator.place(&application);
            }
            Err(rejection) => {
                refused += 1;
                report(number, &rejection);
            }
        }
    });
    let result = read.and_then(|()| match allocator.finish() {
        Ok(decision) => output.write(policy, decision, Decision::AllocateAwards, allocation_table),
        Err(error) => Err(io::Error::other(error.message(output.lang))),
    });
    finish(result, refused)
}

/// Tells a person about a line that was refused.
fn report(number: usize, rejection: &Rejection) {
    let error = &rejection.error;
    note!(
        "line {number}: {} {}",
        error.code(),
        error.message(rejection.lang)
    );
}

fn allocation_table(d: &AllocationDecision, lang: Lang) -> String {
    let mut t = Table::new(vec![
        pick(lang, "等级", "tier"),
        pick(lang, "名额", "cap"),
        pick(lang, "此前已评", "before"),
        pick(lang, "申请", "applications"),
        pick(lang, "获评", "awarded"),
        pick(lang, "金额（元）", "amount (yuan)"),
    ]);
    let totals = d.totals();
    for tier in &totals.tiers {
        t.row(vec![
            tier.tier.name(lang).into(),
            count(tier.cap),
            count(tier.already_awarded),
            count(tier.applications),
            count(tier.awarded),
            yuan(tier.amount),
        ]);
    }
    let [a, b] = &totals.tiers;
    t.row(vec![
        pick(lang, "合计", "total").into(),
        String::new(),
        String::new(),
        count(a.applications + b.applications),
        count(a.awarded + b.awarded),
        yuan(totals.amount()),
    ]);
    let [not_key, over_cap, repeated] = totals.refused.map(count);
    let notes = match lang {
        Lang::Zh => format!(
            "未获评：{not_key}份不属于产业链和集群，{over_cap}份超出名额，{repeated}份来自已获评的工会\n\
             顺序：按文件顺序评定（政策未规定排序，C13）\n"
        ),
        Lang::En => format!(
            "not awarded: {not_key} outside the chains and clusters, {over_cap} over the cap, {repeated} repeated unions\n\
             order: the order of the file decides (the policy sets no ranking, C13)\n"
        ),
    };
    format!("{}\n{notes}", t.render())
}

pub fn compare(
    policy: &Policy,
    path: Option<&Path>,
    alternative: &str,
    max_changes: usize,
    output: &Output,
) -> ExitCode {
    let params = policy.parameters();
    let comparator = gonghui::policy::overrides_from_json(alternative, "--alternative")
        .and_then(|overrides| Comparator::new(params, &overrides, max_changes));
    let mut comparator = match comparator {
        Ok(c) => c,
        Err(error) => {
            note!("{}", error.message(output.lang));
            return ExitCode::from(2);
        }
    };
    let read = each_line(path, |_, line| {
        let item = line.and_then(CaseRequest::from_bytes);
        comparator.add(item.as_ref());
    });
    let mut refused = 0;
    let result = read.and_then(|()| match comparator.finish() {
        Ok(decision) => {
            refused = decision.rejected_count();
            output.write(
                policy,
                decision,
                Decision::ComparePolicies,
                comparison_table,
            )
        }
        Err(error) => Err(io::Error::other(error.message(output.lang))),
    });
    finish(result, refused)
}

/// How many changes and refused lines a comparison's or budget's table lists
/// (the JSON answer lists up to `--max-changes`).
const TABLE_LINES: usize = 20;

fn comparison_table(d: &ComparisonDecision, lang: Lang) -> String {
    let mut t = Table::new(vec![
        pick(lang, "问题", "question"),
        pick(lang, "案例", "cases"),
        pick(lang, "改变", "changed"),
        pick(lang, "此前有利", "favourable before"),
        pick(lang, "此后有利", "after"),
        pick(lang, "此前金额（元）", "amount before (yuan)"),
        pick(lang, "此后金额（元）", "after (yuan)"),
    ]);
    for q in d.totals() {
        t.row(vec![
            question_name(q.question.into(), lang).into(),
            count(q.cases),
            count(q.changed),
            count(q.favourable_before),
            count(q.favourable_after),
            yuan(q.amount_before),
            yuan(q.amount_after),
        ]);
    }
    let mut changes = Table::new(vec![
        pick(lang, "行", "line"),
        pick(lang, "编号", "id"),
        pick(lang, "问题", "question"),
        pick(lang, "此前", "before"),
        pick(lang, "此后", "after"),
        pick(lang, "参数", "parameters"),
    ]);
    let case = |c: &gonghui::planning::comparison::Case| match c.amount {
        Some(a) => format!("{} {}", c.outcome.code(), yuan(u128::from(a.get()))),
        None => c.outcome.code().to_owned(),
    };
    for c in d.changes().iter().take(TABLE_LINES) {
        changes.row(vec![
            c.rank.to_string(),
            c.id.clone().unwrap_or_default(),
            question_name(c.question.into(), lang).into(),
            case(&c.before),
            case(&c.after),
            c.parameters
                .iter()
                .map(|p| p.id())
                .collect::<Vec<_>>()
                .join(", "),
        ]);
    }
    let (changed, cases, refused) = (
        count(d.changed()),
        count(d.cases() as u128),
        count(d.rejected_count()),
    );
    let listed = d.changes().len().min(TABLE_LINES);
    let summary = match lang {
        Lang::Zh => {
            format!("{cases}个案例中{changed}个改变（{refused}个请求被拒）；前{listed}个改变：\n")
        }
        Lang::En => format!(
            "{changed} of {cases} cases changed ({refused} requests refused); the first {listed} changes:\n"
        ),
    };
    format!("{}\n{summary}{}", t.render(), changes.render()) + &rejections(d.rejected(), lang)
}

/// The name of a question in `lang`.
fn question_name(question: QuestionKind, lang: Lang) -> &'static str {
    pick(lang, question.name_zh(), question.name_en())
}

fn rejections(rejected: &[Rejected], lang: Lang) -> String {
    rejected
        .iter()
        .take(TABLE_LINES)
        .map(|r| {
            let field = r.field.as_deref().unwrap_or("");
            match lang {
                Lang::Zh => format!("被拒：第{}行 {} {field}\n", r.rank, r.code),
                Lang::En => format!("refused line {}: {} {field}\n", r.rank, r.code),
            }
        })
        .collect()
}

pub fn budget(policy: &Policy, path: Option<&Path>, year: Year, output: &Output) -> ExitCode {
    let params = policy.parameters();
    let mut budgeter = Budgeter::new(params, year);
    let read = match path {
        Some(path) => each_line(Some(path), |_, line| {
            let item = line.and_then(CaseRequest::from_bytes);
            budgeter.add(item.as_ref());
        }),
        None => Ok(()),
    };
    let mut refused = 0;
    let result = read.and_then(|()| match budgeter.finish() {
        Ok(decision) => {
            refused = decision.rejected_count();
            output.write(policy, decision, Decision::YearlyBudget, budget_table)
        }
        Err(error) => Err(io::Error::other(error.message(output.lang))),
    });
    finish(result, refused)
}

fn budget_table(d: &BudgetDecision, lang: Lang) -> String {
    let mut t = Table::new(vec![
        pick(lang, "项目", "line"),
        pick(lang, "约束", "bound"),
        pick(lang, "数量", "count"),
        pick(lang, "单价（元）", "unit (yuan)"),
        pick(lang, "计划（元）", "planned (yuan)"),
        pick(lang, "已承诺", "committed"),
        pick(lang, "已承诺（元）", "committed (yuan)"),
    ]);
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "-".to_owned());
    for l in d.lines() {
        t.row(vec![
            l.line.name(lang).into(),
            bound_name(l.bound, lang).into(),
            or_dash(l.planned_count.map(count)),
            or_dash(l.unit.map(|unit| yuan(u128::from(unit.get())))),
            or_dash(l.planned().map(yuan)),
            count(l.committed_count),
            yuan(l.committed),
        ]);
    }
    let (year, planned, committed) = (d.year(), yuan(d.planned()), yuan(d.committed()));
    let (not_counted, refused) = (count(d.not_counted()), count(d.rejected_count()));
    let text = match lang {
        Lang::Zh => format!(
            "{year}年预算：{}\n{}计划{planned}元（有计划的项目），已承诺{committed}元；{not_counted}个请求不计入，{refused}个被拒\n",
            if d.within_plan() {
                "在计划之内，设上限的项目均未超出名额"
            } else {
                "超出计划，有设上限的项目（C13）超出名额"
            },
            t.render(),
        ),
        Lang::En => format!(
            "budget of {year}: {}\n{}planned {planned} yuan (lines with a plan), committed {committed} yuan; {not_counted} requests not counted, {refused} refused\n",
            if d.within_plan() {
                "within the plan: no capped line is over its cap"
            } else {
                "beyond the plan: a capped line (C13) is over its cap"
            },
            t.render(),
        ),
    };
    text + &rejections(d.rejected(), lang)
}

/// How a budget line's planned count binds, in `lang`.
fn bound_name(bound: Bound, lang: Lang) -> &'static str {
    match bound {
        Bound::AtLeast => pick(lang, "至少", "at least"),
        Bound::AtMost => pick(lang, "至多", "at most"),
        Bound::Open => pick(lang, "未定", "open"),
    }
}

pub fn schedule(
    policy: &Policy,
    chains: &[String],
    clusters: &[String],
    join_year: Year,
    premium: Fen,
    output: &Output,
) -> ExitCode {
    let mut industries = KeyIndustries::NONE;
    for code in chains {
        match Chain::from_code(code) {
            Some(chain) => industries.add_chain(chain),
            None => return unknown_code("chain", code, Chain::CODES),
        }
    }
    for code in clusters {
        match Cluster::from_code(code) {
            Some(cluster) => industries.add_cluster(cluster),
            None => return unknown_code("cluster", code, Cluster::CODES),
        }
    }
    let facts = ScheduleFacts {
        industries,
        join_year,
        premium,
    };
    let result = match schedule::decide(policy.parameters(), &facts) {
        Ok(decision) => output.write(
            policy,
            decision,
            Decision::MutualAidSchedule,
            schedule_table,
        ),
        Err(error) => Err(io::Error::other(error.message(output.lang))),
    };
    finish(result, 0)
}

fn unknown_code(what: &str, code: &str, codes: &[&str]) -> ExitCode {
    note!(
        "unknown {what} {code:?}; the codes are: {}",
        codes.join(", ")
    );
    ExitCode::from(2)
}

fn schedule_table(d: &ScheduleDecision, lang: Lang) -> String {
    let mut t = Table::new(vec![
        pick(lang, "年度", "year"),
        pick(lang, "符合条件", "eligible"),
        pick(lang, "比例", "rate"),
        pick(lang, "补贴（元）", "subsidy (yuan)"),
        pick(lang, "中断的代价（元）", "a break costs (yuan)"),
    ]);
    for y in d.years() {
        t.row(vec![
            y.year.to_string(),
            pick(lang, ["否", "是"], ["no", "yes"])[usize::from(y.decision.eligible())].into(),
            y.decision.rate().to_string(),
            yuan(u128::from(y.decision.amount().get())),
            yuan(y.break_cost),
        ]);
    }
    let (join_year, total) = (d.join_year(), yuan(d.total()));
    match lang {
        Lang::Zh => format!(
            "{join_year}年参保，此后每年连续参保\n{}合计{total}元\n",
            t.render()
        ),
        Lang::En => format!(
            "joining in {join_year}, enrolled every year after\n{}total {total} yuan\n",
            t.render()
        ),
    }
}
