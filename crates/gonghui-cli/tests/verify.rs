//! `gonghui verify` replays an archive of answers: it accepts an untouched
//! one, names the line and the field of a changed amount, tells an answer
//! made under another policy or by another engine from one that changed,
//! and goes through missing, extra and broken lines and error answers
//! without stopping; 0 when every line replays, 1 otherwise, 2 when a file
//! cannot be read.

mod common;
use common::gonghui;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn path_of(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

fn requests() -> PathBuf {
    workspace().join("examples/requests.jsonl")
}

fn example_policy() -> PathBuf {
    workspace().join("examples/policies/example-extended-2027.json")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

/// A directory of its own for each test.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let dir =
            std::env::temp_dir().join(format!("gonghui-verify-{name}-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("temp dir");
        Dir(dir)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        fs::write(&path, text).expect("written");
        path
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        fs::remove_dir_all(&self.0).ok();
    }
}

/// The archive `gonghui eval` makes of `requests` (with `args` before it).
fn archive(args: &[&str], requests: &Path) -> String {
    let mut all = vec!["eval", "-q"];
    all.extend_from_slice(args);
    all.push(path_of(requests));
    let out = gonghui(&all, "");
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    stdout(&out)
}

/// The JSON Lines report of `verify`, and its summary.
fn verify_json(args: &[&str]) -> (Vec<Value>, Value, Option<i32>) {
    let mut all = vec!["verify", "--format", "json"];
    all.extend_from_slice(args);
    let out = gonghui(&all, "");
    let mut lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let summary = lines.pop().expect("a summary")["summary"].clone();
    (lines, summary, out.status.code())
}

fn verdicts(lines: &[Value]) -> Vec<&str> {
    lines
        .iter()
        .map(|l| l["verdict"].as_str().expect("a verdict"))
        .collect()
}

#[test]
fn an_untouched_archive_replays() {
    let dir = Dir::new("untouched");
    let answers = dir.write("answers.jsonl", &archive(&[], &requests()));
    let lines = fs::read_to_string(requests())
        .expect("requests")
        .lines()
        .count();

    let out = gonghui(&["verify", path_of(&requests()), path_of(&answers)], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        format!(
            "第1—{lines}行：相同\n共{lines}行：相同{lines}，不同0，其他政策0，其他引擎版本0，损坏0，缺失0，多余0\n"
        )
    );
    let (report, summary, status) = verify_json(&[path_of(&requests()), path_of(&answers)]);
    assert_eq!(status, Some(0));
    assert_eq!(report.len(), lines);
    assert!(verdicts(&report).iter().all(|v| *v == "same"));
    assert_eq!(report[0]["id"], "2024-venue-0017");
    assert_eq!(summary["lines"], lines);
    assert_eq!(summary["same"], lines);

    // CRLF line ends are line ends, as eval reads them.
    let crlf = dir.write(
        "crlf.jsonl",
        &archive(&[], &requests()).replace('\n', "\r\n"),
    );
    let out = gonghui(&["verify", "-q", path_of(&requests()), path_of(&crlf)], "");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    // From standard input, either file.
    let text = fs::read_to_string(&answers).expect("answers");
    let out = gonghui(&["verify", "-q", path_of(&requests()), "-"], &text);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_changed_amount_is_named_by_line_and_field() {
    let dir = Dir::new("changed");
    let original = archive(&[], &requests());
    let mut lines: Vec<String> = original.lines().map(str::to_owned).collect();
    // The park venue of line 4: 500,000 yuan, one fen more in the archive.
    assert!(lines[3].contains(r#""amount_fen":50000000,"#));
    lines[3] = lines[3].replacen(r#""amount_fen":50000000,"#, r#""amount_fen":50000001,"#, 1);
    let answers = dir.write("answers.jsonl", &(lines.join("\n") + "\n"));

    let out = gonghui(
        &[
            "verify",
            "--lang",
            "en",
            path_of(&requests()),
            path_of(&answers),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains(
            "line 4 (2024-park-0003): different (archived ≠ replayed)\n  amount_fen: 50000001 ≠ 50000000\n"
        ),
        "{text}"
    );
    assert!(text.starts_with("lines 1–3: same\n"), "{text}");
    assert!(text.contains("\nlines 5–21: same\n"), "{text}");
    assert!(text.ends_with("21 lines: 20 same, 1 different, 0 other policy, 0 other engine, 0 broken, 0 missing, 0 extra\n"), "{text}");

    let (report, summary, status) = verify_json(&[path_of(&requests()), path_of(&answers)]);
    assert_eq!(status, Some(1));
    let line = &report[3];
    assert_eq!(line["line"], 4);
    assert_eq!(line["verdict"], "different");
    assert_eq!(
        line["differences"],
        serde_json::json!([{"path": "amount_fen", "archived": "50000001", "replayed": "50000000"}])
    );
    assert_eq!(summary["different"], 1);

    // A text of the explanation, changed: its path.
    let mut lines: Vec<String> = original.lines().map(str::to_owned).collect();
    assert!(lines[0].contains("室内面积136.50"));
    lines[0] = lines[0].replacen("室内面积136.50", "室内面积136.60", 1);
    let answers = dir.write("text.jsonl", &(lines.join("\n") + "\n"));
    let (report, _, _) = verify_json(&[path_of(&requests()), path_of(&answers)]);
    let path = report[0]["differences"][0]["path"]
        .as_str()
        .expect("a path");
    assert!(
        path.starts_with("explanation[") && path.ends_with("].text"),
        "{path}"
    );

    // --quiet: the summary alone.
    let out = gonghui(
        &["verify", "-q", path_of(&requests()), path_of(&answers)],
        "",
    );
    assert_eq!(stdout(&out).lines().count(), 1);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_answer_made_under_another_policy_or_engine_is_told_apart() {
    let dir = Dir::new("policy");
    let policy = path_of(&example_policy()).to_owned();
    let other = dir.write("other.jsonl", &archive(&["--policy", &policy], &requests()));

    let (report, summary, status) = verify_json(&[path_of(&requests()), path_of(&other)]);
    assert_eq!(status, Some(1));
    assert!(
        verdicts(&report).iter().all(|v| *v == "other_policy"),
        "{report:?}"
    );
    assert_eq!(summary["other_policy"], report.len());
    let stamps = &report[0]["stamps"];
    assert_eq!(stamps["archived"]["policy"], "example-extended-2027");
    assert_eq!(stamps["replayed"]["policy"], "jiangxi-1269");
    let out = gonghui(
        &[
            "verify",
            "--lang",
            "en",
            path_of(&requests()),
            path_of(&other),
        ],
        "",
    );
    assert!(stdout(&out).contains("line 1 (2024-venue-0017): made under another policy: archived example-extended-2027 sha256:"));

    // Replayed under the policy it was made under, it replays.
    let (_, summary, status) =
        verify_json(&["--policy", &policy, path_of(&requests()), path_of(&other)]);
    assert_eq!(status, Some(0), "{summary}");

    // A stamp of another engine version.
    let engine = format!("\"engine\":\"gonghui {}\"", gonghui::VERSION);
    let older = archive(&[], &requests()).replacen(&engine, "\"engine\":\"gonghui 0.0.1\"", 1);
    let older = dir.write("older.jsonl", &older);
    let (report, _, status) = verify_json(&[path_of(&requests()), path_of(&older)]);
    assert_eq!(status, Some(1));
    assert_eq!(report[0]["verdict"], "other_engine");
    assert_eq!(report[0]["stamps"]["archived"]["engine"], "gonghui 0.0.1");
    assert_eq!(
        verdicts(&report)[1..]
            .iter()
            .filter(|v| **v != "same")
            .count(),
        0
    );

    // The same parameters but another policy id, or the same id but other
    // parameters (an override in the archive the request does not have).
    let renamed = archive(&[], &requests()).replacen(
        r#""stamp":{"policy":"jiangxi-1269""#,
        r#""stamp":{"policy":"jiangxi-1269-draft""#,
        1,
    );
    let renamed = dir.write("renamed.jsonl", &renamed);
    let (report, _, _) = verify_json(&[path_of(&requests()), path_of(&renamed)]);
    assert_eq!(report[0]["verdict"], "other_policy");
}

#[test]
fn missing_extra_and_broken_lines_and_error_answers_do_not_stop_it() {
    let dir = Dir::new("lines");
    // Requests with error answers among them: a broken line, a blank line,
    // an unknown question.
    let mut requests = fs::read_to_string(requests()).expect("requests");
    requests.push_str("not json\n\n{\"id\":\"q\",\"question\":\"no_such_question\"}\n");
    let requests = dir.write("requests.jsonl", &requests);
    let answers = archive(&[], &requests);
    let count = answers.lines().count();
    assert_eq!(count, 24);

    // Error answers replay byte for byte.
    let all = dir.write("all.jsonl", &answers);
    let (report, _, status) = verify_json(&[path_of(&requests), path_of(&all)]);
    assert_eq!(status, Some(0), "{report:?}");

    // A changed error message: its field.
    let changed = answers.replacen("未知的问题", "未知问题", 1);
    assert!(changed != answers, "the error answer is in the archive");
    let changed = dir.write("changed.jsonl", &changed);
    let (report, _, _) = verify_json(&[path_of(&requests), path_of(&changed)]);
    assert_eq!(report[23]["verdict"], "different");
    assert_eq!(report[23]["differences"][0]["path"], "error.message");

    // A broken archived line, a line missing at the end.
    let mut lines: Vec<&str> = answers.lines().collect();
    lines[1] = "{\"id\":\"2024-venue-0018\",\"question\":";
    lines.truncate(count - 2);
    let short = dir.write("short.jsonl", &(lines.join("\n") + "\n"));
    let (report, summary, status) = verify_json(&[path_of(&requests), path_of(&short)]);
    assert_eq!(status, Some(1));
    assert_eq!(report.len(), count);
    assert_eq!(report[1]["verdict"], "broken");
    assert!(
        report[1]["detail"]
            .as_str()
            .is_some_and(|d| d.contains("JSON"))
    );
    assert_eq!(verdicts(&report)[count - 2..], ["missing", "missing"]);
    assert_eq!(report[count - 1]["id"], "q", "the request's id");
    assert_eq!(summary["same"], count - 3);
    assert_eq!(summary["broken"], 1);
    assert_eq!(summary["missing"], 2);

    // Lines beyond the last request; bytes that are not UTF-8.
    let long = dir.write(
        "long.jsonl",
        &format!("{answers}{{\"id\":\"x\"}}\nnot json, no newline"),
    );
    let (report, summary, _) = verify_json(&[path_of(&requests), path_of(&long)]);
    assert_eq!(verdicts(&report)[count..], ["extra", "extra"]);
    assert_eq!(report[count]["id"], "x");
    assert_eq!(summary["extra"], 2);
    let mut bytes = answers.clone().into_bytes();
    bytes[1] = 0xff;
    fs::write(dir.0.join("latin.jsonl"), bytes).expect("written");
    let (report, _, _) = verify_json(&[path_of(&requests), path_of(&dir.0.join("latin.jsonl"))]);
    assert_eq!(report[0]["verdict"], "broken");

    // The text report: every verdict, runs told once.
    let out = gonghui(
        &[
            "verify",
            "--lang",
            "en",
            path_of(&requests),
            path_of(&short),
        ],
        "",
    );
    let text = stdout(&out);
    assert!(
        text.contains("line 2 (2024-venue-0018): the archived line is broken: not JSON"),
        "{text}"
    );
    assert!(text.contains("lines 23–24: missing"), "{text}");
}

#[test]
fn a_file_that_cannot_be_read_is_status_2() {
    let out = gonghui(
        &["verify", path_of(&requests()), "/no/such/answers.jsonl"],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/answers.jsonl"));
    let out = gonghui(&["verify", "-", "-"], "");
    assert_eq!(out.status.code(), Some(2));
}
