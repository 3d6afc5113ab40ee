//! The program `benches/profile.sh` runs under callgrind: one entry point over
//! the example population's mutual-aid requests (half in English), with the
//! setup (reading the policy, the requests) outside the function `measured`,
//! which alone is counted (`--toggle-collect`). Instruction counts do not depend
//! on the machine's load, so these profiles are the ones to compare.
//!
//!   profile evaluate_json|answer|parse|explain|typed [ROUNDS]

use std::hint::black_box;

use gonghui::mutual_aid::{self, MutualAidFacts};
use gonghui::{Policy, Question, Request};

const POPULATION: &str = include_str!("../../../examples/population/requests.jsonl");

#[inline(never)]
fn measured(
    mode: &str,
    rounds: usize,
    texts: &[String],
    requests: &[Request],
    facts: &[MutualAidFacts],
) -> usize {
    let policy = Policy::published();
    let params = policy.parameters();
    let mut sink = 0;
    for _ in 0..rounds {
        sink += match mode {
            "evaluate_json" => texts
                .iter()
                .map(|t| gonghui::evaluate_json(black_box(t)).len())
                .sum::<usize>(),
            "answer" => requests
                .iter()
                .map(|r| policy.answer(black_box(r)).as_str().len())
                .sum(),
            "parse" => texts
                .iter()
                .filter(|t| Request::from_json(black_box(t)).is_ok())
                .count(),
            "explain" => requests
                .iter()
                .map(|r| {
                    r.question
                        .decide(params)
                        .map_or(0, |d| d.explain(r.lang).len())
                })
                .sum(),
            "typed" => facts
                .iter()
                .map(|f| mutual_aid::decide(params, black_box(f)).amount().get() as usize)
                .sum(),
            _ => 0,
        };
    }
    sink
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = args.first().map_or("evaluate_json", String::as_str);
    let rounds = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(1);
    let texts: Vec<String> = POPULATION
        .lines()
        .filter(|l| l.contains("\"mutual_aid_subsidy\""))
        .enumerate()
        .map(|(n, l)| {
            let lang = if n % 2 == 0 { "zh" } else { "en" };
            l.replacen('{', &format!("{{\"lang\":\"{lang}\","), 1)
        })
        .collect();
    let requests: Vec<Request> = texts
        .iter()
        .filter_map(|t| Request::from_json(t).ok())
        .collect();
    let facts: Vec<MutualAidFacts> = requests
        .iter()
        .filter_map(|r| match &r.question {
            Question::MutualAidSubsidy(f) => Some(f.clone()),
            _ => None,
        })
        .collect();
    // The policy is read once, before the measured part.
    let _ = gonghui::evaluate_json(&texts[0]);
    let sink = measured(mode, rounds, &texts, &requests, &facts);
    println!(
        "{mode}: {} requests × {rounds} rounds ({sink})",
        texts.len()
    );
}
