//! The analyses of the command line give the contract's answers: streaming a
//! file through `allocate`, `compare`, `budget` or `schedule` writes exactly
//! what the matching question gives with the same population inline.

mod common;
use common::gonghui;

use std::fs;
use std::process::Output;

use serde_json::{Value, json};

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

fn jsonl(values: &[Value]) -> String {
    values.iter().map(|v| format!("{v}\n")).collect()
}

fn population() -> Vec<Value> {
    vec![
        json!({"id": "v1", "question": "venue_subsidy", "facts": {"venue_kind": "township", "indoor_area_m2": 150}}),
        json!({"id": "p1", "question": "venue_subsidy", "facts": {"venue_kind": "industrial_park", "park_level": "national"}}),
        json!({"id": "u1", "question": "model_union_award", "facts": {"chains": ["steel"], "tier": "six_norms"}}),
        json!({"id": "a1", "question": "mutual_aid_subsidy", "facts": {"chains": ["steel"], "enrolled_years": [2025], "year": 2025, "premium_fen": 123_457}}),
    ]
}

#[test]
fn allocate_equals_the_allocate_awards_question() {
    let applications = vec![
        json!({"id": "u1", "tier": "six_haves", "chains": ["steel"]}),
        json!({"id": "u2", "tier": "six_norms", "clusters": []}),
        json!({"id": "u1", "tier": "six_norms", "chains": ["food"]}),
        json!({"id": "u3", "tier": "six_haves", "chains": ["aviation"]}),
    ];
    let out = gonghui(
        &[
            "allocate",
            "--format",
            "json",
            "--lang",
            "en",
            "--six-haves-awarded",
            "99",
        ],
        jsonl(&applications),
    );
    assert_eq!(out.status.code(), Some(0));
    let question = json!({"question": "allocate_awards", "lang": "en",
        "facts": {"applications": applications, "already_awarded": {"six_haves": 99}}});
    assert_eq!(
        stdout(&out).trim_end(),
        gonghui::evaluate_json(&question.to_string())
    );
}

#[test]
fn compare_equals_the_compare_policies_question() {
    let alternative =
        json!({"venue.grassroots.min_indoor_area_m2": 200, "venue.park.amount_fen": 15_000_000});
    let mut lines = jsonl(&population());
    lines.push_str("not json\n");
    let out = gonghui(
        &[
            "compare",
            "--format",
            "json",
            "--alternative",
            &alternative.to_string(),
        ],
        &lines,
    );
    assert_eq!(out.status.code(), Some(1), "a refused line is counted");
    let mut items = population();
    items.push(json!("not json"));
    let question = json!({"question": "compare_policies", "facts": {"alternative": alternative, "population": items}});
    let expected: Value =
        serde_json::from_str(&gonghui::evaluate_json(&question.to_string())).expect("json");
    let got: Value = serde_json::from_str(stdout(&out).trim_end()).expect("json");
    // The refused line is refused for another reason in each (not JSON as a
    // line, not an object inline); everything else is the same.
    assert_eq!(got["questions"], expected["questions"]);
    assert_eq!(got["changes"], expected["changes"]);
    assert_eq!(got["explanation"], expected["explanation"]);
    assert_eq!(got["rejected"], 1);
    let clean = gonghui(
        &[
            "compare",
            "--format",
            "json",
            "--alternative",
            &alternative.to_string(),
        ],
        jsonl(&population()),
    );
    let question = json!({"question": "compare_policies", "facts": {"alternative": alternative, "population": population()}});
    assert_eq!(
        stdout(&clean).trim_end(),
        gonghui::evaluate_json(&question.to_string())
    );
}

#[test]
fn budget_equals_the_yearly_budget_question() {
    let dir = std::env::temp_dir().join(format!("gonghui-budget-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("requests.jsonl");
    fs::write(&file, jsonl(&population())).expect("written");
    let out = gonghui(
        &[
            "budget",
            "--year",
            "2025",
            "--format",
            "json",
            file.to_str().expect("utf-8"),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    let question =
        json!({"question": "yearly_budget", "facts": {"year": 2025, "population": population()}});
    assert_eq!(
        stdout(&out).trim_end(),
        gonghui::evaluate_json(&question.to_string())
    );
    let plan = gonghui(&["budget", "--year", "2025", "--format", "table"], "");
    assert!(stdout(&plan).contains("23,000,000.00"), "{}", stdout(&plan));
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn schedule_equals_the_mutual_aid_schedule_question() {
    let out = gonghui(
        &[
            "schedule",
            "--chain",
            "steel",
            "--cluster",
            "aviation",
            "--join-year",
            "2024",
            "--premium-fen",
            "1000000",
            "--format",
            "json",
            "--lang",
            "en",
        ],
        "",
    );
    let question = json!({"question": "mutual_aid_schedule", "lang": "en",
        "facts": {"chains": ["steel"], "clusters": ["aviation"], "join_year": 2024, "premium_fen": 1_000_000}});
    assert_eq!(
        stdout(&out).trim_end(),
        gonghui::evaluate_json(&question.to_string())
    );
    let table = gonghui(
        &[
            "schedule",
            "--chain",
            "steel",
            "--join-year",
            "2024",
            "--premium-fen",
            "1000000",
            "--format",
            "table",
        ],
        "",
    );
    let text = stdout(&table);
    assert!(
        text.contains("2025") && text.contains("4,000.00") && text.contains("12,000.00"),
        "{text}"
    );
}

#[test]
fn bad_arguments_and_lines() {
    let out = gonghui(&["compare", "--alternative", "{\"no.such\":1}"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no.such"));
    let out = gonghui(
        &[
            "schedule",
            "--chain",
            "gold",
            "--join-year",
            "2024",
            "--premium-fen",
            "1",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    let out = gonghui(
        &["allocate", "--format", "table"],
        "{\"id\":\"u1\",\"tier\":\"six_haves\"}\nnot json\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2: malformed_request"));
    assert!(stdout(&out).contains("“六有”"));
}

/// Each analysis as a table, in Chinese unless asked otherwise: headers and
/// fixed words in the language, amounts and counts with their thousands
/// grouped in both.
#[test]
fn tables_speak_the_answers_language() {
    let requests = population()
        .iter()
        .map(|v| format!("{v}\n"))
        .collect::<String>()
        .repeat(300);
    let year = ["--year", "2025", "-"];
    let schedule = [
        "--chain",
        "steel",
        "--join-year",
        "2024",
        "--premium-fen",
        "123456789",
    ];
    let alternative = ["--alternative", r#"{"venue.park.amount_fen":15000000}"#];
    // (command, its arguments, words of its Chinese table, of its English one)
    type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a str], &'a [&'a str]);
    let cases: [Case; 4] = [
        (
            "allocate",
            &[],
            &[
                "等级",
                "名额",
                "获评",
                "金额（元）",
                "合计",
                "“六规范”",
                "5,000,000.00",
                "顺序",
            ],
            &[
                "tier",
                "cap",
                "awarded",
                "amount (yuan)",
                "total",
                "six-norms",
                "5,000,000.00",
                "order",
            ],
        ),
        (
            "compare",
            &alternative,
            &[
                "问题",
                "案例",
                "此前金额（元）",
                "职工活动场所补助",
                "150,000,000.00",
                "45,000,000.00",
                "个案例中",
            ],
            &[
                "question",
                "cases",
                "amount before (yuan)",
                "worker activity venue subsidy",
                "150,000,000.00",
                "45,000,000.00",
                "cases changed",
            ],
        ),
        (
            "budget",
            &year,
            &[
                "项目",
                "约束",
                "计划（元）",
                "工业园区标准化职工活动场所",
                "至少",
                "150,000,000.00",
                "2025年预算",
            ],
            &[
                "line",
                "bound",
                "planned (yuan)",
                "park venues",
                "at least",
                "150,000,000.00",
                "budget of 2025",
            ],
        ),
        (
            "schedule",
            &schedule,
            &["年度", "符合条件", "补贴（元）", "是", "617,283.95", "合计"],
            &[
                "year",
                "eligible",
                "subsidy (yuan)",
                "yes",
                "617,283.95",
                "total",
            ],
        ),
    ];
    let applications = (1..=150)
        .map(|i| format!("{{\"id\":\"u{i}\",\"tier\":\"six_norms\",\"chains\":[\"steel\"]}}\n"))
        .collect::<String>();
    for (command, args, zh, en) in cases {
        let stdin = match command {
            "allocate" => applications.as_str(),
            "schedule" => "",
            _ => &requests,
        };
        for (lang, words, others) in [("zh", zh, en), ("en", en, zh)] {
            let mut all = vec![command, "--format", "table", "--lang", lang];
            all.extend_from_slice(args);
            let out = gonghui(&all, stdin);
            let text = stdout(&out);
            for word in words {
                assert!(
                    text.contains(word),
                    "{command} --lang {lang}: no {word:?} in\n{text}"
                );
            }
            let header = text.lines().find(|l| l.starts_with(words[0]));
            let header = header.expect("a header line");
            for word in others
                .iter()
                .filter(|w| !w.contains(|c: char| c.is_ascii_digit()))
            {
                assert!(
                    !header.split("  ").any(|cell| cell.trim() == *word),
                    "{command} --lang {lang}: {word:?} in the header {header:?}"
                );
            }
        }
    }
}
