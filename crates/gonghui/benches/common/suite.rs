//! The benchmarks themselves, shared by `decide` (time) and `allocs` (the same
//! benchmarks under divan's allocation counter). Each one decides a set of
//! cases per iteration and counts them, so divan prints decisions per second
//! (`item/s`) beside the time of the whole set.
//!
//! The cases are realistic: every request of the example population
//! (`examples/population/requests.jsonl`, 4,000 requests drawn with a fixed
//! seed), each in Chinese and in English, plus the corpus's `action_progress`
//! requests (the population has none); the typed benchmarks decide the facts
//! those same requests carry. The million mutual-aid cases are those of
//! `cases.rs`, which the peer comparison (`benches/peers`) also decides.

use std::hint::black_box;
use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::ItemsCount;
use gonghui::mutual_aid::MutualAidFacts;
use gonghui::{Lang, Parameters, Policy, Question, QuestionKind, Request};

use crate::common::cases;

const POPULATION: &str = include_str!("../../../../examples/population/requests.jsonl");
const PROGRESS: &str = include_str!("../../../../tests/conformance/action_progress.requests.jsonl");

/// How many cases the batch benchmarks decide.
const MILLION: usize = 1_000_000;

/// One request: its text and what gonghui reads from it.
struct Case {
    text: String,
    request: Request,
}

/// Every decidable request of the population and the corpus, each in both
/// languages, by question.
static REQUESTS: LazyLock<Vec<(QuestionKind, Vec<Case>)>> = LazyLock::new(|| {
    let mut by_kind: Vec<(QuestionKind, Vec<Case>)> = Vec::new();
    for line in POPULATION.lines().chain(PROGRESS.lines()) {
        for lang in ["zh", "en"] {
            let text = line.replacen('{', &format!("{{\"lang\":\"{lang}\","), 1);
            let Ok(request) = Request::from_json(&text) else {
                continue; // the corpus's refused requests are not decisions
            };
            let kind = request.question.kind();
            if !kind.is_case() || !Policy::published().answer(&request).is_decision() {
                continue;
            }
            match by_kind.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, cases)) => cases.push(Case { text, request }),
                None => by_kind.push((kind, vec![Case { text, request }])),
            }
        }
    }
    by_kind
});

fn requests(kind: QuestionKind) -> &'static [Case] {
    REQUESTS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(&[], |(_, cases)| cases.as_slice())
}

fn params() -> &'static Parameters {
    Policy::published().parameters()
}

/// Decides every case of `kind` with `decide` per iteration, counting them.
fn bench_cases<O>(bencher: Bencher, kind: QuestionKind, decide: impl Fn(&Case) -> O + Sync) {
    let cases = requests(kind);
    bencher.counter(ItemsCount::new(cases.len())).bench(|| {
        for case in cases {
            black_box(decide(black_box(case)));
        }
    });
}

/// The typed API: the facts already built, a decision of numbers only.
#[divan::bench_group]
mod typed {
    use super::*;
    use gonghui::{model_union, mutual_aid, nomination, progress, studio, venue};

    #[divan::bench]
    fn venue(b: Bencher) {
        bench_cases(b, QuestionKind::VenueSubsidy, |c| {
            match &c.request.question {
                Question::VenueSubsidy(facts) => venue::decide(params(), facts).amount(),
                _ => None,
            }
        });
    }

    #[divan::bench]
    fn model_union(b: Bencher) {
        bench_cases(b, QuestionKind::ModelUnionAward, |c| {
            match &c.request.question {
                Question::ModelUnionAward(facts) => model_union::decide(params(), facts).amount(),
                _ => None,
            }
        });
    }

    #[divan::bench]
    fn mutual_aid(b: Bencher) {
        bench_cases(b, QuestionKind::MutualAidSubsidy, |c| {
            match &c.request.question {
                Question::MutualAidSubsidy(facts) => {
                    Some(mutual_aid::decide(params(), facts).amount())
                }
                _ => None,
            }
        });
    }

    #[divan::bench]
    fn nomination(b: Bencher) {
        bench_cases(b, QuestionKind::NominationShare, |c| {
            match &c.request.question {
                Question::NominationShare(facts) => {
                    Some(nomination::decide(params(), facts).required())
                }
                _ => None,
            }
        });
    }

    #[divan::bench]
    fn studio(b: Bencher) {
        bench_cases(b, QuestionKind::StudioQuota, |c| {
            match &c.request.question {
                Question::StudioQuota(facts) => Some(studio::decide(params(), facts).required()),
                _ => None,
            }
        });
    }

    #[divan::bench]
    fn progress(b: Bencher) {
        bench_cases(b, QuestionKind::ActionProgress, |c| {
            match &c.request.question {
                Question::ActionProgress(facts) => {
                    Some(progress::decide(params(), facts).all_met())
                }
                _ => None,
            }
        });
    }
}

/// The contract's entry point: parse, decide, explain, write the answer.
#[divan::bench_group]
mod evaluate_json {
    use super::*;

    fn bench(b: Bencher, kind: QuestionKind) {
        bench_cases(b, kind, |c| gonghui::evaluate_json(&c.text).len());
    }

    #[divan::bench]
    fn venue(b: Bencher) {
        bench(b, QuestionKind::VenueSubsidy);
    }

    #[divan::bench]
    fn model_union(b: Bencher) {
        bench(b, QuestionKind::ModelUnionAward);
    }

    #[divan::bench]
    fn mutual_aid(b: Bencher) {
        bench(b, QuestionKind::MutualAidSubsidy);
    }

    #[divan::bench]
    fn nomination(b: Bencher) {
        bench(b, QuestionKind::NominationShare);
    }

    #[divan::bench]
    fn studio(b: Bencher) {
        bench(b, QuestionKind::StudioQuota);
    }

    #[divan::bench]
    fn progress(b: Bencher) {
        bench(b, QuestionKind::ActionProgress);
    }
}

/// `evaluate_json` of a mutual-aid request taken apart: what each stage
/// costs, over the population's mutual-aid requests (half in English).
#[divan::bench_group]
mod mutual_aid_stages {
    use super::*;

    /// `Request::from_json`: the JSON text read into typed facts.
    #[divan::bench]
    fn parse(b: Bencher) {
        bench_cases(b, QuestionKind::MutualAidSubsidy, |c| {
            Request::from_json(&c.text).is_ok()
        });
    }

    /// `Question::decide` on the request's question (the typed decision
    /// behind the contract's dispatch).
    #[divan::bench]
    fn decide(b: Bencher) {
        bench_cases(b, QuestionKind::MutualAidSubsidy, |c| {
            c.request
                .question
                .decide(params())
                .ok()
                .and_then(|d| d.amount())
        });
    }

    /// Deciding and writing the explanation steps (texts in the request's
    /// language), without the JSON.
    #[divan::bench]
    fn decide_explain(b: Bencher) {
        bench_cases(b, QuestionKind::MutualAidSubsidy, |c| {
            c.request
                .question
                .decide(params())
                .map(|d| d.explain(c.request.lang).len())
        });
    }

    /// `Policy::answer`: decide, explain and write the canonical JSON, from
    /// the request already read.
    #[divan::bench]
    fn answer(b: Bencher) {
        bench_cases(b, QuestionKind::MutualAidSubsidy, |c| {
            Policy::published().answer(&c.request).as_str().len()
        });
    }

    /// The whole of `evaluate_json`.
    #[divan::bench]
    fn evaluate_json(b: Bencher) {
        bench_cases(b, QuestionKind::MutualAidSubsidy, |c| {
            gonghui::evaluate_json(&c.text).len()
        });
    }

    /// The same answers in Chinese only.
    #[divan::bench]
    fn evaluate_json_zh(b: Bencher) {
        let texts: Vec<&str> = requests(QuestionKind::MutualAidSubsidy)
            .iter()
            .filter(|c| c.request.lang == Lang::Zh)
            .map(|c| c.text.as_str())
            .collect();
        b.counter(ItemsCount::new(texts.len())).bench(|| {
            texts
                .iter()
                .map(|t| gonghui::evaluate_json(t).len())
                .sum::<usize>()
        });
    }
}

/// The million mixed-year mutual-aid cases of `cases.rs`, built before timing.
static MILLION_CASES: LazyLock<Vec<cases::Case>> = LazyLock::new(|| cases::generate(MILLION));

/// A million mutual-aid cases in one loop: the typed API against the plain
/// function of the rule, the answer amounts summed so nothing is left out.
#[divan::bench_group(sample_count = 10, sample_size = 1)]
mod mutual_aid_million {
    use super::*;
    use gonghui::mutual_aid;

    /// The floor: `cases::floor`, a plain function of the rule.
    #[divan::bench]
    fn plain_function(b: Bencher) {
        let plain: &[cases::Case] = &MILLION_CASES;
        b.counter(ItemsCount::new(plain.len())).bench(|| {
            plain
                .iter()
                .map(|c| cases::floor(black_box(c)))
                .sum::<u64>()
        });
    }

    /// The same rule without a branch (`cases::floor_branchless`): the
    /// headroom of a batch API, not a target.
    #[divan::bench]
    fn plain_function_branchless(b: Bencher) {
        let plain: &[cases::Case] = &MILLION_CASES;
        b.counter(ItemsCount::new(plain.len())).bench(|| {
            plain
                .iter()
                .map(|c| cases::floor_branchless(black_box(c)))
                .sum::<u64>()
        });
    }

    /// `mutual_aid::decide` over pre-built `MutualAidFacts`, amounts summed.
    #[divan::bench]
    fn typed(b: Bencher) {
        let facts: Vec<MutualAidFacts> = MILLION_CASES.iter().map(cases::Case::facts).collect();
        let params = params();
        b.counter(ItemsCount::new(facts.len())).bench(|| {
            facts
                .iter()
                .map(|f| mutual_aid::decide(params, black_box(f)).amount().get())
                .sum::<u64>()
        });
    }

    /// The typed batch, `mutual_aid::amounts_into`, over the same facts, one
    /// buffer kept from batch to batch as a population's caller would.
    #[divan::bench]
    fn typed_batch(b: Bencher) {
        let facts: Vec<MutualAidFacts> = MILLION_CASES.iter().map(cases::Case::facts).collect();
        let params = params();
        let mut out = Vec::with_capacity(facts.len());
        b.counter(ItemsCount::new(facts.len())).bench_local(|| {
            out.clear();
            mutual_aid::amounts_into(params, black_box(&facts), &mut out);
            out.iter().map(|a| a.get()).sum::<u64>()
        });
    }

    /// The typed batch by column, `mutual_aid::Cases::amounts_into`, over
    /// the same cases held as columns (built before timing, as the facts are).
    #[divan::bench]
    fn typed_columns(b: Bencher) {
        let facts: Vec<MutualAidFacts> = MILLION_CASES.iter().map(cases::Case::facts).collect();
        let columns: mutual_aid::Cases = facts.iter().collect();
        let params = params();
        let mut out = Vec::with_capacity(columns.len());
        b.counter(ItemsCount::new(columns.len())).bench_local(|| {
            out.clear();
            black_box(&columns).amounts_into(params, &mut out);
            out.iter().map(|a| a.get()).sum::<u64>()
        });
    }
}

/// `evaluate_json` over the first 10,000 of the million generated requests
/// (half Chinese, half English): the request set of the peer comparison.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn mutual_aid_generated_evaluate_json(b: Bencher) {
    let texts: Vec<String> = MILLION_CASES[..10_000]
        .iter()
        .enumerate()
        .map(|(n, c)| c.request(n))
        .collect();
    b.counter(ItemsCount::new(texts.len())).bench(|| {
        texts
            .iter()
            .map(|t| gonghui::evaluate_json(t).len())
            .sum::<usize>()
    });
}

/// Checks, once before any timing, that the plain function, the typed API and
/// `evaluate_json` give the same amount for the first 100,000 generated cases,
/// and both typed batches the amounts of `decide` for all million: a benchmark
/// of a wrong floor would mean nothing.
pub fn check_agreement() {
    let params = params();
    for (n, case) in MILLION_CASES.iter().take(100_000).enumerate() {
        let floor = cases::floor(case);
        assert_eq!(floor, cases::floor_branchless(case), "case {n} {case:?}");
        let typed = gonghui::mutual_aid::decide(params, &case.facts())
            .amount()
            .get();
        let answer = gonghui::evaluate_json(&case.request(n));
        let needle = format!("\"amount_fen\":{typed},");
        assert!(
            floor == typed && answer.contains(&needle),
            "case {n} {case:?}: floor {floor}, typed {typed}, answer {answer}"
        );
    }
    let facts: Vec<MutualAidFacts> = MILLION_CASES.iter().map(cases::Case::facts).collect();
    let batch = gonghui::mutual_aid::amounts(params, &facts);
    let columns: gonghui::mutual_aid::Cases = facts.iter().collect();
    assert_eq!(batch, columns.amounts(params), "the batches disagree");
    for (n, (f, amount)) in facts.iter().zip(&batch).enumerate() {
        let typed = gonghui::mutual_aid::decide(params, f).amount();
        assert_eq!(typed, *amount, "case {n}: the batch disagrees with decide");
    }
}

/// Native twins of the bindings' benchmarks: the very requests that
/// `bindings/c/bench/bench.c` (and Java's `Bench`, over the same 10,000) and
/// `bindings/js/bench/evaluate.mjs` (1,000) send, answered by the Rust entry
/// points, so that each binding's cost per request has its native reference.
#[divan::bench_group(sample_count = 20, sample_size = 1)]
mod bindings_native {
    use super::*;

    /// The 10,000 requests of the C and Java benchmarks.
    fn c_java_requests() -> Vec<String> {
        const CHAINS: [&str; 6] = [
            "steel",
            "food",
            "aviation",
            "new_energy",
            "pharmaceuticals",
            "textiles_apparel",
        ];
        (0..10_000)
            .map(|i| {
                let year = 2024 + i % 3;
                let years: Vec<String> = (year - i % 4..=year).map(|y| y.to_string()).collect();
                let (chains, clusters) = if i % 5 == 4 {
                    (String::new(), "\"copper_new_materials\"".to_string())
                } else {
                    (format!("\"{}\"", CHAINS[i % 6]), String::new())
                };
                format!(
                    concat!(
                        r#"{{"id":"bench-{}","question":"mutual_aid_subsidy","lang":"{}","#,
                        r#""facts":{{"chains":[{}],"clusters":[{}],"enrolled_years":[{}],"#,
                        r#""year":{},"premium_fen":{}}}}}"#
                    ),
                    i,
                    if i % 2 == 0 { "zh" } else { "en" },
                    chains,
                    clusters,
                    years.join(","),
                    year,
                    50_000 + 137 * i,
                )
            })
            .collect()
    }

    /// The 1,000 requests of the Node benchmark, as `JSON.stringify` writes them.
    fn js_requests() -> Vec<String> {
        const CHAINS: [&str; 5] = ["steel", "aviation", "food", "new_energy", "pharmaceuticals"];
        const HISTORIES: [&[u32]; 7] = [
            &[2023],
            &[2023, 2024],
            &[2024, 2025],
            &[2023, 2024, 2025],
            &[2022, 2023],
            &[2023, 2025],
            &[2025, 2026],
        ];
        (0..1_000)
            .map(|i| {
                let chains = if i % 7 == 0 {
                    String::new()
                } else {
                    format!("\"{}\"", CHAINS[i % 5])
                };
                let clusters = if i % 5 == 0 { "\"aviation\"" } else { "" };
                let years: Vec<String> = HISTORIES[i % 7].iter().map(|y| y.to_string()).collect();
                format!(
                    concat!(
                        r#"{{"id":"bench-{}","question":"mutual_aid_subsidy","lang":"{}","#,
                        r#""facts":{{"chains":[{}],"clusters":[{}],"enrolled_years":[{}],"#,
                        r#""year":{},"premium_fen":{}}}}}"#
                    ),
                    i,
                    if i % 2 == 1 { "en" } else { "zh" },
                    chains,
                    clusters,
                    years.join(","),
                    2023 + i % 4,
                    100_000 + i * 12_345,
                )
            })
            .collect()
    }

    fn one_at_a_time(b: Bencher, texts: &[String]) {
        b.counter(ItemsCount::new(texts.len())).bench(|| {
            texts
                .iter()
                .map(|t| gonghui::evaluate_json(t).len())
                .sum::<usize>()
        });
    }

    fn batch(b: Bencher, texts: &[String]) {
        let lines = texts.join("\n") + "\n";
        b.counter(ItemsCount::new(texts.len()))
            .bench(|| gonghui::evaluate_lines(lines.as_bytes()).len());
    }

    /// `evaluate_json`, one call per request: the reference of
    /// `gonghui_evaluate` and `Gonghui.evaluate`.
    #[divan::bench]
    fn c_java_evaluate_json(b: Bencher) {
        one_at_a_time(b, &c_java_requests());
    }

    /// `evaluate_lines` over the 10,000 requests as JSON Lines: the reference
    /// of `gonghui_evaluate_batch` and `Gonghui.evaluateBatch`.
    #[divan::bench]
    fn c_java_evaluate_lines(b: Bencher) {
        batch(b, &c_java_requests());
    }

    /// `evaluate_json` over the Node benchmark's requests: the reference of
    /// the WASM `evaluate(string)`.
    #[divan::bench]
    fn js_evaluate_json(b: Bencher) {
        one_at_a_time(b, &js_requests());
    }

    /// `evaluate_lines` over the Node benchmark's batch of 1,000 lines: the
    /// reference of the WASM `evaluateBatch`.
    #[divan::bench]
    fn js_evaluate_lines(b: Bencher) {
        batch(b, &js_requests());
    }
}
