//! Policy files on the command line: `policy show`, `check` and `diff`, and
//! `--policy FILE`, which decides under the file or, when the file has a
//! problem, refuses before answering anything. The example revision of
//! examples/policies checks, differs from the published policy by exactly
//! its one change, and decides a 2027 mutual-aid request at its rate.

mod common;
use common::gonghui;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use gonghui::policy::{PUBLISHED_JSON, ParamId};
use gonghui::{Lang, Policy, Year};
use serde_json::{Value, json};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example() -> PathBuf {
    workspace().join("examples/policies/example-extended-2027.json")
}

fn path_of(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn example_policy() -> Policy {
    Policy::from_json(&fs::read_to_string(example()).expect("the example")).expect("it loads")
}

/// A file of its own for each test.
fn temp_file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("gonghui-policy-{}-{name}", std::process::id()));
    fs::write(&path, text).expect("written");
    path
}

/// The example with a rate beyond 100% and a unit the rules do not read.
fn broken_policy() -> String {
    let text = fs::read_to_string(example()).expect("the example");
    let broken = text
        .replacen(r#""value": 20}"#, r#""value": 120}"#, 1)
        .replacen(r#""unit": "per_three_years""#, r#""unit": "per_year""#, 1);
    assert_ne!(broken, text);
    broken
}

const AID_2027: &str = r#"{"id":"aid-2027","question":"mutual_aid_subsidy","lang":"en","facts":{"chains":["steel"],"enrolled_years":[2023,2024,2025,2026,2027],"year":2027,"premium_fen":1200000}}"#;

#[test]
fn show_prints_the_embedded_file_byte_for_byte() {
    let out = gonghui(&["policy", "show"], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, PUBLISHED_JSON.as_bytes());
}

#[test]
fn the_example_checks_and_says_it_is_an_example() {
    let out = gonghui(&["policy", "check", path_of(&example())], "");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let policy = example_policy();
    assert_eq!(
        stdout(&out),
        format!(
            "{}: OK: policy example-extended-2027, parameters {}\n",
            path_of(&example()),
            policy.parameters().digest_hex()
        )
    );
    assert_eq!(policy.id(), "example-extended-2027");
    assert!(policy.title().zh.starts_with("示例（非正式政策）"));
    assert!(policy.title().en.starts_with("Example only, not a policy"));
    assert!(policy.source().zh.contains("不是江西省总工会发布的政策"));
    assert!(
        policy
            .source()
            .en
            .contains("not a policy of the Jiangxi Federation")
    );
}

#[test]
fn the_example_differs_by_its_one_change() {
    let out = gonghui(
        &[
            "policy",
            "diff",
            "--format",
            "json",
            "-",
            path_of(&example()),
        ],
        PUBLISHED_JSON,
    );
    assert_eq!(out.status.code(), Some(1), "they differ");
    let diff: Value = serde_json::from_str(&stdout(&out)).expect("one JSON object");
    assert_eq!(
        diff["changes"],
        json!([{
            "parameter": "mutual_aid.rate_percent",
            "clause": "C18",
            "before": {"2023": 50, "2024": 50, "2025": 40, "2026": 30},
            "after": {"2023": 50, "2024": 50, "2025": 40, "2026": 30, "2027": 20},
            "years": [2027]
        }])
    );
    assert_eq!(diff["other"], json!([]), "no words changed");
    assert_eq!(
        diff["policy"],
        json!({"before": "jiangxi-1269", "after": "example-extended-2027"})
    );
    assert_eq!(diff["differ"], true);
    assert_eq!(
        diff["old"]["parameters"],
        Policy::published().parameters().digest_hex()
    );
    // The core agrees: one change, to C18's rates, in 2027.
    let changes = Policy::published().changes_to(&example_policy());
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].parameter, ParamId::MutualAidRates);
    assert_eq!(
        changes[0].years,
        Some(vec![Year::new(2027).expect("a year")])
    );

    let table = gonghui(
        &["policy", "diff", "--lang", "en", "-", path_of(&example())],
        PUBLISHED_JSON,
    );
    assert_eq!(table.status.code(), Some(1));
    let text = stdout(&table);
    assert!(
        text.contains("policy: jiangxi-1269 → example-extended-2027\n"),
        "{text}"
    );
    assert!(text.contains("mutual_aid.rate_percent  C18"), "{text}");
    assert!(
        text.contains(r#"{"2023":50,"2024":50,"2025":40,"2026":30,"2027":20}"#),
        "{text}"
    );
    assert!(text.contains("1 parameter changed"), "{text}");
}

#[test]
fn diff_exit_status_is_diffs() {
    let same = gonghui(
        &["policy", "diff", path_of(&example()), path_of(&example())],
        "",
    );
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(stdout(&same), "两个政策文件内容相同。\n");
    let json = gonghui(
        &[
            "policy",
            "diff",
            "--format",
            "json",
            path_of(&example()),
            path_of(&example()),
        ],
        "",
    );
    let diff: Value = serde_json::from_str(&stdout(&json)).expect("JSON");
    assert_eq!(
        (diff["differ"].clone(), diff["changes"].clone()),
        (json!(false), json!([]))
    );

    // Words alone: a difference, though no value changed.
    let reworded = fs::read_to_string(example())
        .expect("the example")
        .replacen(r#""line": "85""#, r#""line": "86""#, 1);
    let reworded = temp_file("reworded.json", &reworded);
    let out = gonghui(
        &[
            "policy",
            "diff",
            "--format",
            "json",
            path_of(&example()),
            path_of(&reworded),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let diff: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(diff["changes"], json!([]));
    assert_eq!(
        diff["other"][0],
        json!({"part": "clause", "id": "C17", "what": ["line"]})
    );

    let broken = temp_file("broken-diff.json", &broken_policy());
    let out = gonghui(
        &["policy", "diff", path_of(&example()), path_of(&broken)],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("mutual_aid.rate_percent"));
    // Refused before anything is read: no standard input to give.
    let out = gonghui(&["policy", "diff", "-", "-"], "");
    assert_eq!(out.status.code(), Some(2));
    fs::remove_file(reworded).ok();
    fs::remove_file(broken).ok();
}

#[test]
fn check_lists_every_problem_in_both_languages() {
    let text = broken_policy();
    let file = temp_file("broken-check.json", &text);
    let out = gonghui(&["policy", "check", path_of(&file)], "");
    assert_eq!(out.status.code(), Some(1));
    let report = stdout(&out);
    let error = Policy::from_json(&text).expect_err("broken");
    assert!(error.problems().len() >= 2);
    assert!(report.starts_with(&format!(
        "{}: 政策文件有{n}处问题 / the policy file has {n} problems\n",
        path_of(&file),
        n = error.problems().len()
    )));
    for problem in error.problems() {
        for line in [
            problem.field(),
            problem.message(Lang::Zh),
            problem.message(Lang::En),
        ] {
            assert!(report.contains(&line), "{line} is not in\n{report}");
        }
    }
    assert!(report.contains("model_workers.per_three_years"), "{report}");

    let not_json = gonghui(&["policy", "check", "-"], "{\"policy\":");
    assert_eq!(not_json.status.code(), Some(1));
    assert!(stdout(&not_json).contains("(file)"));
    let missing = gonghui(&["policy", "check", "/no/such/policy.json"], "");
    assert_eq!(missing.status.code(), Some(2));
    assert!(missing.stdout.is_empty());
    fs::remove_file(file).ok();
}

#[test]
fn eval_under_the_example_pays_its_2027_rate() {
    let policy = example_policy();
    let out = gonghui(&["eval", "-q", "--policy", path_of(&example())], AID_2027);
    assert_eq!(out.status.code(), Some(0));
    let answer: Value = serde_json::from_str(stdout(&out).trim_end()).expect("JSON");
    assert_eq!(answer["policy"], "example-extended-2027");
    assert_eq!(answer["outcome"], "eligible");
    assert_eq!(answer["rate_percent"], 20);
    assert_eq!(answer["amount_fen"], 240_000);
    assert_eq!(answer["stamp"]["policy"], "example-extended-2027");
    assert_eq!(
        answer["stamp"]["parameters"],
        policy.parameters().digest_hex()
    );
    assert_eq!(stdout(&out).trim_end(), policy.evaluate_json(AID_2027));

    // The same on several threads; and under the published policy, no subsidy.
    let many = format!("{AID_2027}\n").repeat(3000);
    let threads = gonghui(
        &["eval", "-q", "-j", "2", "--policy", path_of(&example())],
        &many,
    );
    assert_eq!(
        stdout(&threads),
        format!("{}\n", policy.evaluate_json(AID_2027)).repeat(3000)
    );
    let published = gonghui(&["eval", "-q"], AID_2027);
    assert!(stdout(&published).contains(r#""policy":"jiangxi-1269","outcome":"ineligible""#));
}

/// The example's corpus (tests/policies), which the core, C, Java and
/// JavaScript answer under the same file: the same bytes from `eval
/// --policy`, from a file and from standard input, on one thread and on two.
#[test]
fn eval_under_the_example_gives_its_corpus_byte_for_byte() {
    let requests = workspace().join("tests/policies/example-extended-2027.requests.jsonl");
    let expected =
        fs::read_to_string(workspace().join("tests/policies/example-extended-2027.answers.jsonl"))
            .expect("the answers");
    let policy = path_of(&example()).to_owned();
    let file = path_of(&requests).to_owned();
    for args in [
        vec!["eval", "-q", "--policy", &policy, &file],
        vec!["eval", "-q", "-j", "2", "--policy", &policy, &file],
        vec!["eval", "-q", "--policy", &policy, "-"],
    ] {
        let out = gonghui(&args, fs::read(&requests).expect("the requests"));
        // One request of the corpus is refused (an override leaving a gap).
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            stdout(&out) == expected,
            "{args:?}: not the corpus's answers"
        );
    }
}

#[test]
fn the_analyses_and_the_catalog_decide_under_the_file() {
    let policy = example_policy();
    let population = workspace().join("examples/policies/requests-2027.jsonl");
    let alternative = r#"{"mutual_aid.rate_percent":{"2027":25}}"#;
    let out = gonghui(
        &[
            "compare",
            "--format",
            "json",
            "--policy",
            path_of(&example()),
            "--alternative",
            alternative,
            path_of(&population),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    let items: Vec<Value> = fs::read_to_string(&population)
        .expect("population")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let question = json!({"question": "compare_policies",
        "facts": {"alternative": serde_json::from_str::<Value>(alternative).expect("JSON"), "population": items}});
    assert_eq!(
        stdout(&out).trim_end(),
        policy.evaluate_json(&question.to_string())
    );

    let catalog = gonghui(&["catalog", "--policy", path_of(&example())], "");
    let answer: Value = serde_json::from_str(&stdout(&catalog)).expect("JSON");
    assert_eq!(answer["policy"], "example-extended-2027");
    assert_eq!(answer["title"]["zh"], policy.title().zh);

    let schedule = gonghui(
        &[
            "schedule",
            "--chain",
            "steel",
            "--join-year",
            "2026",
            "--premium-fen",
            "100000",
            "--format",
            "json",
            "--policy",
            path_of(&example()),
        ],
        "",
    );
    let answer: Value = serde_json::from_str(&stdout(&schedule)).expect("JSON");
    assert_eq!(
        answer["total_fen"],
        30_000 + 20_000,
        "2026 at 30%, 2027 at 20%"
    );
}

#[test]
fn a_broken_policy_file_is_refused_before_anything_is_answered() {
    let broken = temp_file("broken-refused.json", &broken_policy());
    let file = path_of(&broken);
    let requests = path_of(&workspace().join("examples/requests.jsonl")).to_owned();
    let applications =
        path_of(&workspace().join("examples/population/applications.jsonl")).to_owned();
    let error = Policy::from_json(&broken_policy()).expect_err("broken");
    let commands: Vec<Vec<&str>> = vec![
        vec!["eval", &requests],
        vec!["eval", "-j", "2", &requests],
        vec!["catalog"],
        vec!["allocate", &applications],
        vec!["compare", "--alternative", "{}", &requests],
        vec!["budget", "--year", "2024", &requests],
        vec![
            "schedule",
            "--chain",
            "steel",
            "--join-year",
            "2024",
            "--premium-fen",
            "1",
        ],
        vec!["verify", &requests, &requests],
    ];
    for mut args in commands {
        args.extend(["--policy", file]);
        // Refused before anything is read: no standard input to give.
        let out = gonghui(&args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?} answered");
        let said = stderr(&out);
        assert!(said.contains("未作任何答复 / "), "{args:?}: {said}");
        for problem in error.problems() {
            assert!(
                said.contains(&problem.message(Lang::Zh)),
                "{args:?}: {said}"
            );
            assert!(
                said.contains(&problem.message(Lang::En)),
                "{args:?}: {said}"
            );
        }
    }
    // A file that cannot be read, and standard input taken twice.
    let out = gonghui(&["eval", "--policy", "/no/such/policy.json"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = gonghui(&["eval", "--policy", "-"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    fs::remove_file(broken).ok();
}

#[test]
fn hostile_policy_files_get_problems() {
    let huge = " ".repeat(gonghui::limits::MAX_REQUEST_BYTES + 1);
    let deep = "[".repeat(100_000);
    for (input, words) in [
        (huge.as_bytes(), "too large"),
        (deep.as_bytes(), "(file)"),
        (&b"{\"policy\":\"\xff\"}"[..], "(file)"),
        (b"", "(file)"),
        (b"[]", "(file)"),
    ] {
        let out = gonghui(&["policy", "check", "-"], input);
        assert_eq!(out.status.code(), Some(1));
        assert!(stdout(&out).contains(words), "{}", stdout(&out));
        assert!(out.stderr.is_empty());
    }
}
