//! `gonghui eval` loses no line: every kind of broken line gets one
//! answer in its place, the very bytes of the core's batch, on one thread or
//! several, from standard input or a file; the summary on standard error
//! counts every line read, and the counts add up to the lines of the input.

mod common;
use common::gonghui;

use gonghui::limits::MAX_REQUEST_BYTES;

const GOOD: &[u8] =
    br#"{"question":"nomination_share","lang":"en","facts":{"total":10,"from_key_industries":3}}"#;

/// Every kind of broken line, each the content of one line.
const BROKEN: &[&[u8]] = &[
    b"",
    b"   \t ",
    b"\xff\xfe\xfd",
    b"{\"question\":\"catalog\"",
    b"{\"question\":\"nomination_share\",\"facts\":{\"total\":1",
    b"\xef\xbb\xbf{\"question\":\"catalog\",\"lang\":\"en\"}",
    b"\xef\xbb\xbf",
    b"{\"question\":\"catalog\"}\x00",
    b"\x00\x00\x00",
    b"\r",
    b"not json",
    b"\"\\ud800\"",
    b"{\"question\":\"catalog\",\"id\":\"\xe5\xb7\"}",
];

/// The input: each broken line after a good one, with LF and with CRLF; a
/// line one byte over the limit and one exactly at it (CRLF-ended); a last
/// line without its line ending.
fn input() -> Vec<u8> {
    let mut input = Vec::new();
    for ending in [&b"\n"[..], b"\r\n"] {
        for line in BROKEN {
            for content in [GOOD, line] {
                input.extend_from_slice(content);
                input.extend_from_slice(ending);
            }
        }
    }
    for size in [MAX_REQUEST_BYTES + 1, MAX_REQUEST_BYTES] {
        let start = input.len();
        input.extend_from_slice(GOOD);
        input.resize(start + size, b' ');
        input.extend_from_slice(b"\r\n");
    }
    input.extend_from_slice(b"{\"question\":\"catalog\"}");
    input
}

fn lines_of(input: &[u8]) -> usize {
    input.iter().filter(|b| **b == b'\n').count() + usize::from(!input.ends_with(b"\n"))
}

#[test]
fn every_broken_line_gets_the_core_answer_in_its_place() {
    let input = input();
    let expected = gonghui::evaluate_lines(&input);
    let lines = lines_of(&input);
    assert_eq!(expected.lines().count(), lines);
    let decisions = expected
        .lines()
        .filter(|a| a.contains(r#""outcome":"#) && !a.starts_with(r#"{"error""#))
        .count();
    let summary = format!(
        "gonghui: {lines} lines read: {decisions} decisions, {} errors",
        lines - decisions
    );

    let file = std::env::temp_dir().join(format!("gonghui-broken-{}.jsonl", std::process::id()));
    std::fs::write(&file, &input).expect("input file written");
    let path = file.to_str().expect("a UTF-8 path");
    for args in [
        &["eval"][..],
        &["eval", "--jobs", "3"],
        &["eval", path],
        &["eval", "-j", "2", path],
    ] {
        let stdin = if args.contains(&path) {
            &b""[..]
        } else {
            &input
        };
        let out = gonghui(args, stdin);
        assert!(
            out.stdout == expected.as_bytes(),
            "{args:?}: the answers differ from the core's batch"
        );
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?}: some lines are errors"
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim_end(), summary, "{args:?}");
    }
    std::fs::remove_file(&file).ok();
}

#[test]
fn a_line_of_exactly_the_limit_is_answered_and_one_byte_more_is_not() {
    // Found by the `lines` fuzz target: with CRLF, the reader used to count
    // the `\r`, refusing a request the core answers.
    for (size, decision) in [(MAX_REQUEST_BYTES, true), (MAX_REQUEST_BYTES + 1, false)] {
        let mut input = GOOD.to_vec();
        input.resize(size, b' ');
        input.extend_from_slice(b"\r\n");
        let out = gonghui(&["eval", "-q"], &input);
        assert_eq!(out.stdout, gonghui::evaluate_lines(&input).as_bytes());
        assert_eq!(out.status.code(), Some(if decision { 0 } else { 1 }));
    }
}
