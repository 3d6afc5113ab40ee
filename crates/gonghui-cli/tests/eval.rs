//! The `gonghui` command against the shared corpus and the contract's exit
//! codes: 0 when every line got a decision, 1 when some got an error object
//! (every line still answered), 2 when the input could not be read.

mod common;
use common::gonghui;

use std::fs;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn eval_answers_the_corpus_byte_for_byte() {
    let dir = workspace().join("tests/conformance");
    let mut files = 0;
    for entry in fs::read_dir(&dir).expect("corpus") {
        let path = entry.expect("entry").path();
        let Some(stem) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".requests.jsonl"))
        else {
            continue;
        };
        files += 1;
        let expected =
            fs::read_to_string(dir.join(format!("{stem}.answers.jsonl"))).expect("answers");
        let out = gonghui(
            &["eval", "--quiet", path.to_str().expect("utf-8 path")],
            b"",
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected, "{stem}");
        let errors = expected
            .lines()
            .filter(|l| l.contains(r#""error":{"code""#))
            .count();
        assert_eq!(
            out.status.code(),
            Some(if errors > 0 { 1 } else { 0 }),
            "{stem}"
        );
    }
    assert!(files >= 8);
}

#[test]
fn eval_reads_standard_input_and_summarises() {
    let input = b"{\"question\":\"nomination_share\",\"facts\":{\"total\":10,\"from_key_industries\":3}}\r\n\nnot json";
    for args in [&["eval"][..], &["eval", "-"][..]] {
        let out = gonghui(args, input);
        let stdout = String::from_utf8(out.stdout).expect("utf-8");
        assert_eq!(
            stdout.lines().count(),
            3,
            "one answer per line, the blank one too"
        );
        assert!(
            stdout
                .lines()
                .next()
                .unwrap_or_default()
                .contains(r#""outcome":"compliant""#)
        );
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("3 lines read: 1 decision, 2 errors"),
            "{stderr}"
        );
    }
}

#[test]
fn eval_exit_codes() {
    let ok = gonghui(&["eval", "-q"], b"{\"question\":\"catalog\"}\n");
    assert_eq!(ok.status.code(), Some(0));
    let empty = gonghui(&["eval", "-q"], b"");
    assert_eq!(empty.status.code(), Some(0));
    assert!(empty.stdout.is_empty());
    let missing = gonghui(&["eval", "/no/such/file.jsonl"], b"");
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
}

#[test]
fn eval_answers_the_examples_with_decisions() {
    let file = workspace().join("examples/requests.jsonl");
    let out = gonghui(&["eval", "-q", file.to_str().expect("utf-8 path")], b"");
    let lines = fs::read_to_string(&file).expect("examples").lines().count();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), lines);
    assert_eq!(
        out.status.code(),
        Some(0),
        "every example is a valid request"
    );
}

#[test]
fn catalog_prints_the_catalog_answer() {
    let out = gonghui(&["catalog", "--lang", "en"], b"");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(
        text.trim_end(),
        gonghui::evaluate_json(r#"{"question":"catalog","lang":"en"}"#)
    );
    let pretty = gonghui(&["catalog", "--pretty"], b"");
    assert!(String::from_utf8_lossy(&pretty.stdout).contains("\n  \"question\": \"catalog\""));
}

#[test]
fn help_speaks_to_a_clerk() {
    let out = gonghui(&["--help"], b"");
    let help = String::from_utf8_lossy(&out.stdout);
    for words in [
        "gonghui eval examples/requests.jsonl",
        "Exit status",
        "退出码",
        "catalog",
        "docs/CONTRACT.md",
        "docs/POLICY.md",
        "docs/POLICY-FILES.md",
    ] {
        assert!(help.contains(words), "{words}");
    }
    assert!(
        !help.contains("shared/"),
        "the help names files a clone has"
    );
}
