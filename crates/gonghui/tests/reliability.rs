//! Reliability: the limits are stated and hold, beyond them the
//! answer is a clear error given quickly, and a batch loses no line whatever
//! the line holds.

use std::time::{Duration, Instant};

use gonghui::limits::{MAX_NESTING, MAX_REQUEST_BYTES, MAX_VALUES};
use serde_json::Value;

/// The error code of an answer, checking that it is one line of JSON with an
/// outcome or an error.
fn code(answer: &str) -> Option<String> {
    assert!(!answer.contains('\n'), "one line: {answer}");
    let value: Value = serde_json::from_str(answer).expect("the answer is JSON");
    match (value.get("outcome"), value.get("error")) {
        (Some(_), None) => None,
        (None, Some(error)) => Some(error["code"].as_str().expect("a code").to_owned()),
        _ => panic!("neither decision nor error: {answer}"),
    }
}

fn message(answer: &str) -> String {
    let value: Value = serde_json::from_str(answer).expect("the answer is JSON");
    value["error"]["message"]
        .as_str()
        .expect("a message")
        .to_owned()
}

/// Times `f`, failing when it takes longer than `limit` (generous: these run
/// in debug builds on a shared machine; they catch a limit that is not
/// enforced, which costs seconds to minutes, not a slow machine).
fn within<T>(limit: Duration, what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < limit, "{what} took {took:?}, over {limit:?}");
    out
}

const NOMINATION: &str =
    r#"{"question":"nomination_share","lang":"en","facts":{"total":10,"from_key_industries":3}}"#;

#[test]
fn the_largest_request_is_8_mib_and_one_byte_more_is_refused_before_parsing() {
    assert_eq!(MAX_REQUEST_BYTES, 8 * 1024 * 1024);
    // Exactly at the limit (a request padded with whitespace): answered.
    let mut at_limit = NOMINATION.as_bytes().to_vec();
    at_limit.resize(MAX_REQUEST_BYTES, b' ');
    let answer = gonghui::evaluate_bytes(&at_limit);
    assert_eq!(code(&answer), None, "{answer}");
    // One byte more: refused, whatever it holds, with the sizes in the message.
    at_limit.push(b' ');
    let answer = gonghui::evaluate_bytes(&at_limit);
    assert_eq!(code(&answer).as_deref(), Some("malformed_request"));
    assert!(
        message(&answer).contains(&format!("{} 字节", MAX_REQUEST_BYTES + 1)),
        "{answer}"
    );
}

#[test]
fn a_100_mb_line_is_refused_without_reading_it() {
    let line = vec![b'9'; 100 * 1024 * 1024];
    let answer = within(Duration::from_secs(5), "100 MB of digits", || {
        gonghui::evaluate_bytes(&line)
    });
    assert_eq!(code(&answer).as_deref(), Some("malformed_request"));
    // As a line of a batch, between two good ones: three answers.
    let mut batch = format!("{NOMINATION}\n").into_bytes();
    batch.extend_from_slice(&line);
    batch.extend_from_slice(format!("\r\n{NOMINATION}").as_bytes());
    let out = within(
        Duration::from_secs(10),
        "a batch with a 100 MB line",
        || gonghui::evaluate_lines(&batch),
    );
    let answers: Vec<&str> = out.lines().collect();
    assert_eq!(answers.len(), 3);
    assert_eq!(answers[0], gonghui::evaluate_json(NOMINATION));
    assert_eq!(answers[1], answer);
    assert_eq!(answers[2], answers[0]);
}

#[test]
fn the_deepest_nesting_is_127_levels() {
    // `{"question":…,"facts":` opens one level; nesting `facts` n − 1 deep
    // makes n levels in all. The parser's limit of 128 refuses the 128th.
    let nested = |n: usize| {
        format!(
            r#"{{"question":"catalog","facts":{}{}}}"#,
            "[".repeat(n - 1),
            "]".repeat(n - 1)
        )
    };
    let within_limit = gonghui::evaluate_json(&nested(MAX_NESTING - 1));
    assert_eq!(code(&within_limit).as_deref(), Some("invalid_value"));
    for n in [MAX_NESTING, 100_000] {
        let answer = within(Duration::from_secs(5), "deep nesting", || {
            gonghui::evaluate_json(&nested(n))
        });
        assert_eq!(code(&answer).as_deref(), Some("malformed_request"));
        assert!(message(&answer).contains("recursion limit exceeded"));
    }
}

/// A request whose `facts.total` is an array of `n` zeros.
fn long_array(n: usize) -> String {
    let mut zeros = "0,".repeat(n);
    zeros.pop();
    format!(
        r#"{{"question":"nomination_share","facts":{{"total":[{zeros}],"from_key_industries":0}}}}"#
    )
}

#[test]
fn a_million_values_is_the_limit_and_a_longer_array_is_refused_before_parsing() {
    assert_eq!(MAX_VALUES, 1_000_000);
    // The request's own values: `{`, 2 keys and a string, `facts`' `{`, its 2
    // keys, the array and the count: 9 besides the array's elements.
    let longest = long_array(MAX_VALUES - 9);
    let answer = within(Duration::from_secs(60), "the longest array", || {
        gonghui::evaluate_json(&longest)
    });
    assert_eq!(code(&answer).as_deref(), Some("invalid_value"), "parsed");
    for n in [MAX_VALUES - 8, 1_000_000, 4_000_000] {
        let answer = within(Duration::from_secs(5), "a refused array", || {
            gonghui::evaluate_json(&long_array(n))
        });
        assert_eq!(code(&answer).as_deref(), Some("malformed_request"));
        assert!(
            message(&answer).contains("more than 1000000 values"),
            "{answer}"
        );
    }
}

/// Every kind of broken line, each as the content of one line.
const BROKEN: &[&[u8]] = &[
    b"",
    b"   \t ",
    b"\xff\xfe\xfd",
    b"{\"question\":\"catalog\"",
    b"{\"question\":\"nomination_share\",\"facts\":{\"total\":1",
    b"\xef\xbb\xbf{\"question\":\"catalog\",\"lang\":\"en\"}",
    b"\xef\xbb\xbf",
    b"{\"question\":\"catalog\"}\x00",
    b"\x00",
    b"{\"id\":\"a\x00b\",\"question\":\"catalog\"}",
    b"\r",
    b"{\"question\":\"catalog\"}\r\r",
    b"not json",
    b"[]",
    b"\"\\ud800\"",
    b"{\"question\":\"catalog\",\"id\":\"\xe5\xb7\xa5\"}",
    b"{\"question\":\"catalog\",\"id\":\"\xe5\xb7\"}",
];

#[test]
fn a_batch_answers_every_broken_line_in_order() {
    // Each broken line between good ones, with LF and with CRLF.
    for ending in ["\n", "\r\n"] {
        let mut input = Vec::new();
        let mut contents: Vec<&[u8]> = Vec::new();
        for line in BROKEN {
            for content in [NOMINATION.as_bytes(), line] {
                input.extend_from_slice(content);
                input.extend_from_slice(ending.as_bytes());
                contents.push(content);
            }
        }
        // A last line without its line ending.
        input.extend_from_slice(b"{\"question\":\"catalog\"");
        contents.push(b"{\"question\":\"catalog\"");
        let out = gonghui::evaluate_lines(&input);
        let answers: Vec<&str> = out.lines().collect();
        assert_eq!(answers.len(), contents.len(), "one answer per line");
        let (mut decisions, mut errors) = (0, 0);
        for (content, answer) in contents.iter().zip(&answers) {
            assert_eq!(*answer, gonghui::evaluate_bytes(content));
            match code(answer) {
                None => decisions += 1,
                Some(_) => errors += 1,
            }
        }
        assert_eq!(decisions + errors, answers.len());
        // The good lines, the BOM line and the NUL-in-id line are decisions.
        assert_eq!(decisions, BROKEN.len() + 3, "{out}");
    }
}

#[test]
fn an_over_long_batch_line_is_answered_in_its_place() {
    let mut input = format!("{NOMINATION}\n").into_bytes();
    input.resize(input.len() + MAX_REQUEST_BYTES + 1, b' ');
    input.extend_from_slice(format!("\n{NOMINATION}\n").as_bytes());
    let out = gonghui::evaluate_lines(&input);
    let answers: Vec<&str> = out.lines().collect();
    assert_eq!(answers.len(), 3);
    assert_eq!(code(answers[1]).as_deref(), Some("malformed_request"));
    assert_eq!(answers[0], answers[2]);
}
