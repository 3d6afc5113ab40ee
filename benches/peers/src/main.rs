//! The peer comparison of docs/PERFORMANCE.md, in one run: the same million mixed-year
//! mutual-aid cases decided by gonghui (the typed API and `evaluate_json`, with
//! its full explanation), by GoRules' ZEN engine (the rule as a decision table
//! and an expression node, precompiled, no explanation) and by the plain
//! function of the rule; every amount checked to agree; ratios printed.
//!
//!   benches/peers/run.sh                    # builds (target/peers) and runs
//!   gonghui-peers [CASES [ROUNDS]]          # default 1,000,000 cases, 3 rounds
//!   gonghui-peers openfisca-input FILE      # the cases and gonghui's amounts for
//!                                           # benches/peers/openfisca.py, then the
//!                                           # typed API's figure on them
//!
//! Each engine decides every case once per round; the median round is quoted.
//! Lines starting with `figure` are for `benches/run-all.sh`.

#[path = "../../../crates/gonghui/benches/common/cases.rs"]
mod cases;

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::process::ExitCode;
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use cases::Case;
use gonghui::Policy;
use gonghui::mutual_aid::{self, MutualAidFacts};
use rust_decimal::prelude::ToPrimitive;
use serde_json::json;
use zen_engine::Decision;
use zen_engine::model::DecisionContent;
use zen_expression::variable::Variable;

/// The mutual-aid rule in GoRules' JSON Decision Model: a decision table gives
/// the rate of the year (C18: 50, 50, 40, 30 percent; 0 outside 2023–2026), an
/// expression node checks membership (I3), new participation and continuity
/// (C17, C19, I7) and applies the rate. ZEN's numbers are exact decimals and
/// its `round` rounds half away from zero, which for a non-negative amount is
/// gonghui's half up to the fen (I2): `round(premium * rate / 100)`.
const ZEN_GRAPH: &str = include_str!("../mutual_aid.jdm.json");

fn block_on<F: Future>(future: F) -> F::Output {
    // ZEN's evaluation is `async` but never waits on anything for these nodes.
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
    }
}

/// One engine's rounds: the median and the amounts of the last round.
struct Figure {
    name: &'static str,
    key: &'static str,
    median: Duration,
}

impl Figure {
    fn per_second(&self, cases: usize) -> f64 {
        cases as f64 / self.median.as_secs_f64()
    }
}

/// One engine of the comparison: how it decides a round of every case, and
/// the time of each of its rounds.
struct Engine<'a> {
    name: &'static str,
    key: &'static str,
    round: Box<dyn FnMut() -> (Duration, Vec<u64>) + 'a>,
    times: Vec<Duration>,
}

impl<'a> Engine<'a> {
    fn new(
        name: &'static str,
        key: &'static str,
        round: impl FnMut() -> (Duration, Vec<u64>) + 'a,
    ) -> Engine<'a> {
        Engine {
            name,
            key,
            round: Box::new(round),
            times: Vec::new(),
        }
    }

    fn figure(&self) -> Figure {
        let mut times = self.times.clone();
        times.sort();
        eprintln!(
            "  {}: rounds {:?}",
            self.name,
            self.times
                .iter()
                .map(|t| format!("{:.3} s", t.as_secs_f64()))
                .collect::<Vec<_>>()
        );
        Figure {
            name: self.name,
            key: self.key,
            median: times[times.len() / 2],
        }
    }
}

/// Runs every engine `rounds` times, interleaved (round 1 of each engine,
/// then round 2 of each…), so that a change of the machine's load falls on
/// all of them alike; checks every round's amounts against the first
/// engine's; returns the first engine's amounts.
fn measure(engines: &mut [Engine<'_>], rounds: usize) -> Vec<u64> {
    let mut expected: Option<Vec<u64>> = None;
    for _ in 0..rounds {
        for engine in engines.iter_mut() {
            let (time, amounts) = (engine.round)();
            match &expected {
                Some(expected) => agree(engine.name, expected, &amounts),
                None => expected = Some(amounts),
            }
            engine.times.push(time);
        }
    }
    expected.unwrap_or_default()
}

fn agree(name: &str, expected: &[u64], got: &[u64]) {
    assert_eq!(expected.len(), got.len(), "{name}: not every case answered");
    if let Some(n) = (0..expected.len()).find(|&n| expected[n] != got[n]) {
        panic!(
            "{name} disagrees on case {n}: {} fen, gonghui {} fen",
            got[n], expected[n]
        );
    }
}

fn typed_round(facts: &[MutualAidFacts]) -> (Duration, Vec<u64>) {
    let params = Policy::published().parameters();
    let mut amounts = Vec::with_capacity(facts.len());
    let start = Instant::now();
    for f in facts {
        amounts.push(mutual_aid::decide(params, black_box(f)).amount().get());
    }
    (start.elapsed(), amounts)
}

/// The typed batch entry point, `mutual_aid::amounts_into`, over every case,
/// into a buffer allocated (and touched) before timing, as a caller deciding
/// population after population keeps one.
fn batch_round(facts: &[MutualAidFacts]) -> (Duration, Vec<u64>) {
    let params = Policy::published().parameters();
    let mut out = vec![gonghui::Fen::ZERO; facts.len()];
    out.clear();
    let start = Instant::now();
    mutual_aid::amounts_into(params, black_box(facts), &mut out);
    let elapsed = start.elapsed();
    (elapsed, out.into_iter().map(|a| a.get()).collect())
}

/// The typed batch by column, `mutual_aid::Cases::amounts_into`, over every
/// case held as columns (built before timing, as the facts and OpenFisca's
/// arrays are), into a buffer allocated and touched before timing.
fn columns_round(columns: &mutual_aid::Cases) -> (Duration, Vec<u64>) {
    let params = Policy::published().parameters();
    let mut out = vec![gonghui::Fen::ZERO; columns.len()];
    out.clear();
    let start = Instant::now();
    black_box(columns).amounts_into(params, &mut out);
    let elapsed = start.elapsed();
    (elapsed, out.into_iter().map(|a| a.get()).collect())
}

/// The `amount_fen` of an answer.
fn amount_fen(answer: &str) -> u64 {
    let key = "\"amount_fen\":";
    let at = answer.find(key).map_or(answer.len(), |i| i + key.len());
    let digits = answer[at..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(&answer[at..], |end| &answer[at..at + end]);
    digits.parse().unwrap_or(u64::MAX)
}

/// The input of the ZEN graph, as a ZEN variable (built before timing).
fn zen_input(case: &Case) -> Variable {
    let (chains, clusters) = case.codes();
    let years: Vec<u16> = case.years().collect();
    Variable::from(json!({
        "chains": chains,
        "clusters": clusters,
        "enrolled": years,
        "year": case.year,
        "premium": case.premium,
    }))
}

fn zen_decision() -> Decision {
    let content: DecisionContent =
        serde_json::from_str(ZEN_GRAPH).expect("benches/peers/mutual_aid.jdm.json");
    let graph = content.as_graph().expect("a graph").clone();
    let mut decision = Decision::from(graph);
    decision.compile();
    decision
}

fn zen_round(decision: &Decision, cases: &[Case]) -> (Duration, Vec<u64>) {
    let inputs: Vec<Variable> = cases.iter().map(zen_input).collect();
    let mut amounts = Vec::with_capacity(cases.len());
    let start = Instant::now();
    for input in inputs {
        let response = block_on(decision.evaluate(input)).expect("ZEN evaluates");
        let amount = response.result.dot("amount").and_then(|v| v.as_number());
        amounts.push(amount.and_then(|d| d.to_u64()).unwrap_or(u64::MAX));
    }
    (start.elapsed(), amounts)
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn compare(n: usize, rounds: usize) {
    eprintln!("generating {n} cases…");
    let cases = cases::generate(n);
    let facts: Vec<MutualAidFacts> = cases.iter().map(Case::facts).collect();
    let requests: Vec<String> = cases
        .iter()
        .enumerate()
        .map(|(i, c)| c.request(i))
        .collect();
    let zen = zen_decision();
    eprintln!("load before timing: {}", load());

    let mut engines = [
        Engine::new("plain function", "floor", || {
            let mut amounts = Vec::with_capacity(cases.len());
            let start = Instant::now();
            for c in &cases {
                amounts.push(cases::floor(black_box(c)));
            }
            (start.elapsed(), amounts)
        }),
        Engine::new("gonghui typed (mutual_aid::decide)", "typed", || {
            typed_round(&facts)
        }),
        Engine::new(
            "gonghui evaluate_json (full explanation)",
            "evaluate_json",
            || {
                let mut amounts = Vec::with_capacity(requests.len());
                let start = Instant::now();
                for r in &requests {
                    amounts.push(amount_fen(&gonghui::evaluate_json(black_box(r))));
                }
                (start.elapsed(), amounts)
            },
        ),
        Engine::new(
            "zen-engine 2.1.6 (precompiled, no explanation)",
            "zen",
            || zen_round(&zen, &cases),
        ),
    ];
    let expected = measure(&mut engines, rounds);
    let [floor, typed, json, zen] = engines.each_ref().map(Engine::figure);
    eprintln!("load after timing: {}", load());

    let eligible = expected.iter().filter(|a| **a > 0).count();
    let total: u64 = expected.iter().sum();
    println!(
        "{n} mixed-year mutual-aid cases (seed {:#x}): {eligible} with a subsidy, {total} fen in all;",
        cases::SEED
    );
    println!("every amount agrees: plain function = gonghui typed = evaluate_json = ZEN");
    println!(
        "{:<48} {:>12} {:>12} {:>14}",
        "engine (one thread)", "median", "per case", "decisions/s"
    );
    for f in [&floor, &typed, &json, &zen] {
        println!(
            "{:<48} {:>10.3} s {:>9.1} ns {:>14.0}",
            f.name,
            f.median.as_secs_f64(),
            f.median.as_secs_f64() * 1e9 / n as f64,
            f.per_second(n)
        );
    }
    let ratio = |a: &Figure, b: &Figure| b.median.as_secs_f64() / a.median.as_secs_f64();
    println!(
        "evaluate_json with full explanation vs ZEN without: {:.1}× faster (target ≥ 5×)",
        ratio(&json, &zen)
    );
    println!(
        "typed API vs ZEN: {:.0}× faster; typed API vs the plain function: {:.2}× its time (target ≤ 3×)",
        ratio(&typed, &zen),
        1.0 / ratio(&typed, &floor)
    );
    for f in [&floor, &typed, &json, &zen] {
        println!("figure\tpeers_{}_per_s\t{:.0}", f.key, f.per_second(n));
    }
}

/// Writes the cases for OpenFisca as five little-endian i64 columns (chain
/// bits, cluster bits, enrolment bits from 2020, year, premium) and gonghui's
/// amounts as a sixth, then times the typed API on them.
fn openfisca_input(path: &str) -> std::io::Result<()> {
    let n = 1_000_000;
    let cases = cases::generate(n);
    let facts: Vec<MutualAidFacts> = cases.iter().map(Case::facts).collect();
    let by_column: mutual_aid::Cases = facts.iter().collect();
    let (_, amounts) = typed_round(&facts);
    let mut bytes = Vec::with_capacity(n * 6 * 8);
    let columns: [&dyn Fn(usize) -> u64; 6] = [
        &|i| u64::from(cases[i].chains),
        &|i| u64::from(cases[i].clusters),
        &|i| u64::from(cases[i].enrolled),
        &|i| u64::from(cases[i].year),
        &|i| cases[i].premium,
        &|i| amounts[i],
    ];
    for column in columns {
        for i in 0..n {
            bytes.extend_from_slice(&column(i).to_le_bytes());
        }
    }
    std::fs::write(path, bytes)?;
    eprintln!("load before timing: {}", load());
    let mut engines = [
        Engine::new("gonghui typed (mutual_aid::decide)", "typed", || {
            typed_round(&facts)
        }),
        Engine::new("gonghui typed batch (mutual_aid::amounts_into)", "batch", || {
            batch_round(&facts)
        }),
        Engine::new("gonghui typed batch by column (mutual_aid::Cases)", "columns", || {
            columns_round(&by_column)
        }),
    ];
    agree("gonghui typed", &amounts, &measure(&mut engines, 7));
    let [typed, batch, columns] = engines.each_ref().map(Engine::figure);
    println!(
        "figure\topenfisca_gonghui_typed_per_s\t{:.0}",
        typed.per_second(n)
    );
    println!(
        "figure\topenfisca_gonghui_batch_per_s\t{:.0}",
        batch.per_second(n)
    );
    println!(
        "figure\topenfisca_gonghui_columns_per_s\t{:.0}",
        columns.per_second(n)
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("openfisca-input") {
        let Some(path) = args.get(1) else {
            eprintln!("usage: gonghui-peers openfisca-input FILE");
            return ExitCode::from(2);
        };
        return match openfisca_input(path) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{path}: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let n = args
        .first()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let rounds = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(3);
    compare(n, rounds);
    ExitCode::SUCCESS
}
