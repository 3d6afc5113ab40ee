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
use gonghui::planning::budget::{BudgetDecision, Budgeter};
use gonghui::planning::comparison::{Comparator, ComparisonDecision};
use gonghui::planning::schedule::{self, ScheduleDecision, ScheduleFacts};
use gonghui::{
    CaseRequest, Chain, Cluster, Decision, Fen, KeyIndustries, Lang, Policy, Rejection, Year,
};

use crate::input::Input;
use crate::lines::{Line, LineReader};
use crate::out::{self, note};
use crate::table::Table;

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

    /// Writes `decision`, made under `policy`, as JSON or as the table
    /// `table` draws.
    fn write(
        &self,
        policy: &Policy,
        decision: Decision,
        table: impl FnOnce(&Decision) -> String,
    ) -> io::Result<()> {
        let text = match self.format() {
            Format::Json => format!(
                "{}\n",
                policy.decision_answer(&decision, self.lang).as_str()
            ),
            Format::Table => table(&decision),
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

fn yuan(fen: u128) -> String {
    u64::try_from(fen)
        .ok()
        .and_then(Fen::new)
        .map_or_else(|| fen.to_string(), Fen::yuan_grouped)
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
        Ok(decision) => output.write(policy, Decision::AllocateAwards(decision), |d| match d {
            Decision::AllocateAwards(d) => allocation_table(d),
            _ => String::new(),
        }),
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

fn allocation_table(d: &AllocationDecision) -> String {
    let mut t = Table::new(vec![
        "tier",
        "cap",
        "before",
        "applications",
        "awarded",
        "amount (yuan)",
    ]);
    for tier in &d.totals().tiers {
        t.row(vec![
            tier.tier.code().into(),
            tier.cap.to_string(),
            tier.already_awarded.to_string(),
            tier.applications.to_string(),
            tier.awarded.to_string(),
            yuan(tier.amount),
        ]);
    }
    let tiers = &d.totals().tiers;
    t.row(vec![
        "total".into(),
        String::new(),
        String::new(),
        (tiers[0].applications + tiers[1].applications).to_string(),
        (tiers[0].awarded + tiers[1].awarded).to_string(),
        yuan(d.totals().amount()),
    ]);
    let [not_key, over_cap, repeated] = d.totals().refused;
    format!(
        "{}\nnot awarded: {not_key} outside the chains and clusters, {over_cap} over the cap, {repeated} repeated unions\n\
         order: the order of the file decides (the policy sets no ranking, C13)\n",
        t.render()
    )
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
            output.write(policy, Decision::ComparePolicies(decision), |d| match d {
                Decision::ComparePolicies(d) => comparison_table(d),
                _ => String::new(),
            })
        }
        Err(error) => Err(io::Error::other(error.message(output.lang))),
    });
    finish(result, refused)
}

fn comparison_table(d: &ComparisonDecision) -> String {
    let mut t = Table::new(vec![
        "question",
        "cases",
        "changed",
        "favourable before",
        "after",
        "amount before (yuan)",
        "after (yuan)",
    ]);
    for q in d.totals() {
        t.row(vec![
            q.question.code().into(),
            q.cases.to_string(),
            q.changed.to_string(),
            q.favourable_before.to_string(),
            q.favourable_after.to_string(),
            yuan(q.amount_before),
            yuan(q.amount_after),
        ]);
    }
    let mut changes = Table::new(vec![
        "line",
        "id",
        "question",
        "before",
        "after",
        "parameters",
    ]);
    let case = |c: &gonghui::planning::comparison::Case| match c.amount {
        Some(a) => format!("{} {}", c.outcome.code(), a.yuan_grouped()),
        None => c.outcome.code().to_owned(),
    };
    for c in d.changes().iter().take(20) {
        changes.row(vec![
            c.rank.to_string(),
            c.id.clone().unwrap_or_default(),
            c.question.code().into(),
            case(&c.before),
            case(&c.after),
            c.parameters
                .iter()
                .map(|p| p.id())
                .collect::<Vec<_>>()
                .join(", "),
        ]);
    }
    format!(
        "{}\n{} of {} cases changed ({} requests refused); the first {} changes:\n{}",
        t.render(),
        d.changed(),
        d.cases(),
        d.rejected_count(),
        d.changes().len().min(20),
        changes.render(),
    ) + &rejections(d.rejected())
}

fn rejections(rejected: &[Rejected]) -> String {
    rejected
        .iter()
        .take(20)
        .map(|r| {
            format!(
                "refused line {}: {} {}\n",
                r.rank,
                r.code,
                r.field.as_deref().unwrap_or("")
            )
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
            output.write(policy, Decision::YearlyBudget(decision), |d| match d {
                Decision::YearlyBudget(d) => budget_table(d),
                _ => String::new(),
            })
        }
        Err(error) => Err(io::Error::other(error.message(output.lang))),
    });
    finish(result, refused)
}

fn budget_table(d: &BudgetDecision) -> String {
    let mut t = Table::new(vec![
        "line",
        "bound",
        "count",
        "unit (yuan)",
        "planned (yuan)",
        "committed",
        "committed (yuan)",
    ]);
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "-".to_owned());
    for l in d.lines() {
        t.row(vec![
            l.line.code().into(),
            l.bound.code().into(),
            or_dash(l.planned_count.map(|n| n.to_string())),
            or_dash(l.unit.map(Fen::yuan_grouped)),
            or_dash(l.planned().map(yuan)),
            l.committed_count.to_string(),
            yuan(l.committed),
        ]);
    }
    let outcome = if d.within_plan() {
        "within the plan: no capped line is over its cap"
    } else {
        "beyond the plan: a capped line (C13) is over its cap"
    };
    format!(
        "budget of {}: {outcome}\n{}planned {} yuan (lines with a plan), committed {} yuan; {} requests not counted, {} refused\n",
        d.year(),
        t.render(),
        yuan(d.planned()),
        yuan(d.committed()),
        d.not_counted(),
        d.rejected_count(),
    ) + &rejections(d.rejected())
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
        Ok(decision) => output.write(policy, Decision::MutualAidSchedule(decision), |d| match d {
            Decision::MutualAidSchedule(d) => schedule_table(d),
            _ => String::new(),
        }),
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

fn schedule_table(d: &ScheduleDecision) -> String {
    let mut t = Table::new(vec![
        "year",
        "eligible",
        "rate",
        "subsidy (yuan)",
        "a break costs (yuan)",
    ]);
    for y in d.years() {
        t.row(vec![
            y.year.to_string(),
            if y.decision.eligible() { "yes" } else { "no" }.into(),
            y.decision.rate().to_string(),
            y.decision.amount().yuan_grouped(),
            yuan(y.break_cost),
        ]);
    }
    format!(
        "joining in {}, enrolled every year after\n{}total {} yuan\n",
        d.join_year(),
        t.render(),
        yuan(d.total())
    )
}
