//! Differential checks: requests of every question, valid and
//! near-valid, generated from a fixed seed, answered the same by every way
//! into the core: the typed API (facts built in Rust, never JSON),
//! `evaluate_json`, `evaluate_bytes`, `Request::from_json` with
//! `Policy::answer`, and the JSON Lines batch.
//!
//! With `GONGHUI_DIFFERENTIAL_DIR` set, the cases are also written there as a
//! corpus pair (`generated.requests.jsonl`, `generated.answers.jsonl`, as in
//! tests/conformance), which `scripts/test-reliability.sh` gives to the
//! command line, the C ABI and the WebAssembly build.

use gonghui::model_union::ModelUnionFacts;
use gonghui::mutual_aid::MutualAidFacts;
use gonghui::nomination::NominationFacts;
use gonghui::planning::allocation::{AllocationFacts, Application};
use gonghui::planning::budget::BudgetFacts;
use gonghui::planning::comparison::ComparisonFacts;
use gonghui::planning::schedule::ScheduleFacts;
use gonghui::progress::{Figures, ProgressFacts};
use gonghui::studio::StudioFacts;
use gonghui::venue::Venue;
use gonghui::{
    Area, CaseRequest, Catalog, Chain, Cluster, Fen, GrassrootsKind, KeyIndustries, Lang,
    ParkLevel, Policy, Question, Request, Share, TargetId, Tier, Year, YearSet,
};
use serde_json::{Map, Value, json};

/// How many cases of each question; eleven questions make 3,300 requests.
const PER_QUESTION: usize = 300;
const SEED: u64 = 0x1269_2023;

/// SplitMix64: a fixed sequence, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// A JSON number with exactly this text (serde_json keeps it).
fn number(text: &str) -> Value {
    serde_json::from_str(text).expect("a JSON number")
}

/// A whole number, spelt one of the ways the contract reads as the same value
/// (`12`, `12.0`, `12.00`, `12e0`, `120e-1`, `1.2e1`).
fn whole(rng: &mut Rng, n: u64) -> Value {
    match rng.below(8) {
        0 => number(&format!("{n}.0")),
        1 => number(&format!("{n}.00")),
        2 => number(&format!("{n}e0")),
        3 if n < u64::MAX / 10 => number(&format!("{}e-1", n * 10)),
        4 if n >= 10 && n % 10 == 0 => number(&format!("{}E+1", n / 10)),
        _ => json!(n),
    }
}

/// An area of `h` hundredths of a square metre, spelt in one of its ways.
fn area(rng: &mut Rng, h: u64) -> Value {
    match rng.below(4) {
        0 => number(&format!("{}.{:02}", h / 100, h % 100)),
        1 => number(&format!("{h}e-2")),
        2 if h % 100 == 0 => whole(rng, h / 100),
        _ => number(&format!("{}.{:02}0", h / 100, h % 100)),
    }
}

fn industries(rng: &mut Rng) -> (Value, Value, KeyIndustries) {
    let chains: Vec<Chain> = (0..rng.below(3)).map(|_| rng.pick(Chain::ALL)).collect();
    let clusters: Vec<Cluster> = (0..rng.below(2)).map(|_| rng.pick(Cluster::ALL)).collect();
    (
        json!(chains.iter().map(|c| c.code()).collect::<Vec<_>>()),
        json!(clusters.iter().map(|c| c.code()).collect::<Vec<_>>()),
        KeyIndustries::new(chains, clusters),
    )
}

fn year(n: u64) -> Year {
    Year::new(n as u16).expect("a year")
}

/// A year: mostly within the action's, sometimes far from it.
fn any_year(rng: &mut Rng) -> u64 {
    if rng.chance(90) {
        rng.range(2019, 2030)
    } else {
        rng.range(1, 9999)
    }
}

/// Fen: mostly a premium's size, sometimes 0 or the largest allowed.
fn any_fen(rng: &mut Rng) -> u64 {
    match rng.below(10) {
        0 => 0,
        1 => gonghui::MAX_SAFE_INTEGER,
        _ => rng.range(1, 10_000_000),
    }
}

/// The facts of a question about one case, as JSON and as typed facts.
fn case_question(rng: &mut Rng, kind: usize) -> (&'static str, Value, Question) {
    match kind {
        0 => {
            let mut facts = Map::new();
            let venue = if rng.chance(70) {
                let kind = rng.pick(GrassrootsKind::ALL);
                let h = match rng.below(3) {
                    0 => rng.range(9_990, 10_010),
                    1 => rng.range(19_990, 20_010),
                    _ => rng.range(0, 100_000),
                };
                facts.insert("venue_kind".into(), json!(kind.code()));
                facts.insert("indoor_area_m2".into(), area(rng, h));
                Venue::Grassroots {
                    kind,
                    indoor_area: Area::from_hundredths(h).expect("an area"),
                }
            } else {
                let level = rng.pick(ParkLevel::ALL);
                facts.insert("venue_kind".into(), json!("industrial_park"));
                facts.insert("park_level".into(), json!(level.code()));
                let indoor_area = rng.chance(30).then(|| rng.range(0, 1_000_000));
                if let Some(h) = indoor_area {
                    facts.insert("indoor_area_m2".into(), area(rng, h));
                }
                Venue::IndustrialPark {
                    level,
                    indoor_area: indoor_area.map(|h| Area::from_hundredths(h).expect("an area")),
                }
            };
            (
                "venue_subsidy",
                Value::Object(facts),
                Question::VenueSubsidy(venue),
            )
        }
        1 => {
            let (chains, clusters, industries) = industries(rng);
            let tier = rng.pick(Tier::ALL);
            let awarded = rng.pick(&[0, 1, 98, 99, 100, 101, 119, 120, 121, 5000]);
            let mut facts = json!({"chains": chains, "clusters": clusters, "tier": tier.code()});
            if awarded > 0 || rng.chance(50) {
                facts["awarded_this_year"] = whole(rng, awarded);
            }
            let typed = ModelUnionFacts {
                industries,
                tier,
                awarded_this_year: awarded,
            };
            ("model_union_award", facts, Question::ModelUnionAward(typed))
        }
        2 => {
            let (chains, clusters, industries) = industries(rng);
            let years: Vec<u64> = (0..rng.below(6)).map(|_| rng.range(2019, 2028)).collect();
            let (asked, premium) = (any_year(rng), any_fen(rng));
            let spelt: Vec<Value> = years.iter().map(|y| whole(rng, *y)).collect();
            let facts = json!({"chains": chains, "clusters": clusters, "enrolled_years": spelt,
                               "year": whole(rng, asked), "premium_fen": whole(rng, premium)});
            let typed = MutualAidFacts {
                industries,
                enrolled_years: YearSet::new(years.iter().map(|y| year(*y))),
                year: year(asked),
                premium: Fen::new(premium).expect("fen"),
            };
            (
                "mutual_aid_subsidy",
                facts,
                Question::MutualAidSubsidy(typed),
            )
        }
        3 | 4 => {
            let any = rng.range(0, 100_000);
            let whole_count = rng.pick(&[0, 1, 3, 10, 99, 100, 1000, any]);
            let part = rng.range(0, whole_count);
            let share = Share::of(part, whole_count).expect("a share");
            if kind == 3 {
                let facts = json!({"total": whole(rng, whole_count),
                                   "from_key_industries": whole(rng, part)});
                (
                    "nomination_share",
                    facts,
                    Question::NominationShare(NominationFacts(share)),
                )
            } else {
                let facts = json!({"total_slots": whole(rng, whole_count),
                                   "advanced_manufacturing_slots": whole(rng, part)});
                (
                    "studio_quota",
                    facts,
                    Question::StudioQuota(StudioFacts(share)),
                )
            }
        }
        _ => {
            let asked = any_year(rng);
            let mut achieved = Figures::default();
            let mut figures = Map::new();
            for target in TargetId::ALL {
                match rng.below(4) {
                    0 => {}
                    1 => {
                        figures.insert(target.code().into(), Value::Null);
                    }
                    _ => {
                        let n = rng.range(0, 3000);
                        achieved.set(*target, n);
                        figures.insert(target.code().into(), whole(rng, n));
                    }
                }
            }
            let mut facts = json!({"year": whole(rng, asked)});
            if !figures.is_empty() || rng.chance(50) {
                facts["achieved"] = Value::Object(figures);
            }
            let typed = ProgressFacts {
                year: year(asked),
                achieved,
            };
            ("action_progress", facts, Question::ActionProgress(typed))
        }
    }
}

/// A population of requests of the case questions, as JSON and typed.
fn population(rng: &mut Rng) -> (Value, Vec<Result<CaseRequest, gonghui::Rejection>>) {
    let (mut items, mut typed) = (Vec::new(), Vec::new());
    for i in 0..rng.below(7) {
        let kind = rng.below(6) as usize;
        let (question, facts, q) = case_question(rng, kind);
        let id = format!("p{i}");
        items.push(json!({"id": id, "question": question, "facts": facts}));
        typed.push(Ok(CaseRequest {
            id: Some(id),
            case: q.into_case().expect("a question about one case"),
            overrides: Vec::new(),
        }));
    }
    (Value::Array(items), typed)
}

/// Overrides the policy accepts, as a request writes them.
const OVERRIDES: &[&str] = &[
    r#"{"venue.park.amount_fen":15000000}"#,
    r#"{"venue.grassroots.min_indoor_area_m2":200}"#,
    r#"{"venue.grassroots.min_indoor_area_m2":200,"venue.park.amount_fen":15000000}"#,
    r#"{"venue.park.min_level":"municipal"}"#,
    r#"{"mutual_aid.rate_percent":33.33}"#,
    r#"{"mutual_aid.rate_percent":{"2025":45}}"#,
    r#"{"mutual_aid.rate_percent":{"2027":20}}"#,
    r#"{"nomination.min_share_percent":50}"#,
    r#"{"studio.min_share_percent":60}"#,
    r#"{"union.six_haves.amount_fen":3500000}"#,
    r#"{"union.six_norms.per_year":1}"#,
    r#"{"competitions.per_year":150}"#,
];

/// The facts of any question, as JSON and typed.
fn question(rng: &mut Rng, kind: usize) -> (&'static str, Value, Question) {
    match kind {
        0..=5 => case_question(rng, kind),
        6 => ("catalog", json!({}), Question::Catalog(Catalog)),
        7 => {
            let (mut items, mut applications) = (Vec::new(), Vec::new());
            for _ in 0..rng.below(8) {
                let (chains, clusters, industries) = industries(rng);
                let (id, tier) = (format!("u{}", rng.below(5)), rng.pick(Tier::ALL));
                items.push(json!({"id": id, "tier": tier.code(), "chains": chains,
                                  "clusters": clusters}));
                applications.push(Application {
                    id,
                    tier,
                    industries,
                });
            }
            let already = [rng.pick(&[0, 50, 99, 100]), rng.pick(&[0, 98, 100, 200])];
            let facts = json!({"applications": items,
                "already_awarded": {"six_haves": already[0], "six_norms": already[1]}});
            let typed = AllocationFacts {
                applications,
                already_awarded: already,
            };
            ("allocate_awards", facts, Question::AllocateAwards(typed))
        }
        8 => {
            let alternative = rng.pick(OVERRIDES);
            let (items, population) = population(rng);
            let max_changes = rng.pick(&[0, 1, 2, 1000]);
            let facts = json!({"alternative": number_free(alternative), "population": items,
                               "max_changes": max_changes});
            let typed = ComparisonFacts {
                alternative: gonghui::policy::overrides_from_json(alternative, "facts.alternative")
                    .expect("valid overrides"),
                population,
                max_changes: max_changes as usize,
            };
            ("compare_policies", facts, Question::ComparePolicies(typed))
        }
        9 => {
            let asked = any_year(rng);
            let (items, population) = population(rng);
            let facts = json!({"year": whole(rng, asked), "population": items});
            let typed = BudgetFacts {
                year: year(asked),
                population,
            };
            ("yearly_budget", facts, Question::YearlyBudget(typed))
        }
        _ => {
            let (chains, clusters, industries) = industries(rng);
            let (join, premium) = (any_year(rng), any_fen(rng));
            let facts = json!({"chains": chains, "clusters": clusters,
                               "join_year": whole(rng, join), "premium_fen": whole(rng, premium)});
            let typed = ScheduleFacts {
                industries,
                join_year: year(join),
                premium: Fen::new(premium).expect("fen"),
            };
            (
                "mutual_aid_schedule",
                facts,
                Question::MutualAidSchedule(typed),
            )
        }
    }
}

/// Parses JSON text into a value.
fn number_free(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

/// What can go wrong with a field's value.
const WRONG_VALUES: &[&str] = &[
    "null",
    "-1",
    "1.5",
    "0.001",
    "1e30",
    "9007199254740992",
    "\"12\"",
    "\"stel\"",
    "[]",
    "{}",
    "true",
    "[\"steel\",\"stel\"]",
    "[2023,\"2024\"]",
    "-0",
    "1E400",
];

/// A valid request broken one way: a field missing, misspelt, unknown or of
/// a wrong value, an unknown question or language, a bad override, or text
/// that is not JSON at all.
fn break_request(rng: &mut Rng, mut request: Value) -> String {
    let facts = request.get_mut("facts").and_then(Value::as_object_mut);
    match (rng.below(9), facts) {
        (0, Some(facts)) if !facts.is_empty() => {
            let key = facts.keys().nth(rng.below(facts.len() as u64) as usize);
            let key = key.expect("a key").clone();
            facts.remove(&key);
        }
        (1, Some(facts)) if !facts.is_empty() => {
            let key = facts.keys().nth(rng.below(facts.len() as u64) as usize);
            let key = key.expect("a key").clone();
            let value = facts.remove(&key).expect("the value");
            facts.insert(format!("{key}s"), value);
        }
        (2 | 3, Some(facts)) if !facts.is_empty() => {
            let key = facts.keys().nth(rng.below(facts.len() as u64) as usize);
            let key = key.expect("a key").clone();
            facts.insert(key, number_free(rng.pick(WRONG_VALUES)));
        }
        (4, _) => request["question"] = json!(rng.pick(&["venue_subsidies", "", "Catalog"])),
        (5, _) => request["lang"] = json!(rng.pick(&["fr", "EN", ""])),
        (6, _) => {
            request["overrides"] = number_free(rng.pick(&[
                r#"{"venue.park.amount":1}"#,
                r#"{"nomination.min_share_percent":"50"}"#,
                r#"{"mutual_aid.rate_percent":{"2030":20}}"#,
                r#"{"venue.park.amount_fen":-5}"#,
                r#"[]"#,
            ]))
        }
        (7, _) => request["surplus"] = json!(1),
        _ => {
            let text = request.to_string();
            let cut = (0..=rng.below(text.len() as u64) as usize)
                .rev()
                .find(|i| text.is_char_boundary(*i))
                .unwrap_or(0);
            return match rng.below(3) {
                0 => text[..cut].to_owned(),
                1 => format!("{text},"),
                _ => format!("{}]{}", &text[..cut], &text[cut..]),
            };
        }
    }
    request.to_string()
}

struct Case {
    text: String,
    /// The typed question and language, for a valid request without an id
    /// or overrides (the typed API answers those).
    typed: Option<(Question, Lang)>,
}

fn cases() -> Vec<Case> {
    let mut rng = Rng(SEED);
    let mut cases = Vec::new();
    for kind in 0..11 {
        for _ in 0..PER_QUESTION {
            let (name, facts, typed) = question(&mut rng, kind);
            let lang = rng.pick(&[None, Some(Lang::Zh), Some(Lang::En)]);
            let mut request = json!({"question": name, "facts": facts});
            if let Some(lang) = lang {
                request["lang"] = json!(if lang == Lang::En { "en" } else { "zh" });
            }
            let lang = lang.unwrap_or_default();
            match rng.below(10) {
                // Valid, answered by the typed API too.
                0..=3 => cases.push(Case {
                    text: request.to_string(),
                    typed: Some((typed, lang)),
                }),
                // Valid, with an id, overrides, a BOM or whitespace around.
                4 | 5 => {
                    if rng.chance(60) {
                        request["id"] = json!(format!("case-{}", cases.len()));
                    }
                    if rng.chance(50) {
                        request["overrides"] = number_free(rng.pick(OVERRIDES));
                    }
                    let text = request.to_string();
                    let text = match rng.below(4) {
                        0 => format!("\u{feff}{text}"),
                        1 => format!(" \t{text} "),
                        _ => text,
                    };
                    cases.push(Case { text, typed: None });
                }
                // Near-valid: broken one way.
                _ => cases.push(Case {
                    text: break_request(&mut rng, request),
                    typed: None,
                }),
            }
        }
    }
    cases
}

#[test]
fn every_way_into_the_core_gives_the_same_bytes() {
    let policy = Policy::published();
    let cases = cases();
    let (mut typed, mut decisions) = (0, 0);
    let mut answers = Vec::with_capacity(cases.len());
    for case in &cases {
        assert!(!case.text.contains(['\n', '\r', '\0']));
        let answer = gonghui::evaluate_json(&case.text);
        assert_eq!(gonghui::evaluate_bytes(case.text.as_bytes()), answer);
        let read = Request::from_json(&case.text);
        if let Ok(request) = &read {
            assert_eq!(policy.answer(request).as_str(), answer, "{}", case.text);
        }
        if let Some((question, lang)) = &case.typed {
            match question.decide(policy.parameters()) {
                Ok(decision) => {
                    let from_typed = policy.decision_answer(&decision, *lang);
                    assert_eq!(from_typed.as_str(), answer, "typed ≠ JSON: {}", case.text);
                }
                // A question the rules cannot answer (a schedule's total over
                // 2^53 − 1 fen): the JSON answer is that error.
                Err(e) => assert_eq!(
                    gonghui::evaluate(case.text.as_bytes()).error_code(),
                    Some(e.code()),
                    "{}",
                    case.text
                ),
            }
            typed += 1;
        }
        decisions += usize::from(gonghui::evaluate(case.text.as_bytes()).is_decision());
        answers.push(answer);
    }
    // The batch: one answer line per request, the same bytes.
    let requests: String = cases.iter().map(|c| format!("{}\n", c.text)).collect();
    let expected: String = answers.iter().map(|a| format!("{a}\n")).collect();
    assert!(gonghui::evaluate_lines(requests.as_bytes()) == expected);
    // The generator reaches both sides of the contract.
    assert!(typed > cases.len() / 4, "{typed} typed");
    assert!(
        decisions > cases.len() / 3 && decisions < cases.len() * 3 / 4,
        "{decisions} decisions of {}",
        cases.len()
    );

    if let Some(dir) = std::env::var_os("GONGHUI_DIFFERENTIAL_DIR") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("the output directory");
        std::fs::write(dir.join("generated.requests.jsonl"), &requests).expect("requests");
        std::fs::write(dir.join("generated.answers.jsonl"), &expected).expect("answers");
    }
}
