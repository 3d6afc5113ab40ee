//! Runs the shared conformance corpus (`tests/conformance/` at the workspace
//! root) through the core, alone and as one batch, byte for byte.
//!
//! Every binding runs the same files; this is the reference. After a change
//! that is meant to change answers, regenerate them with
//! `GONGHUI_BLESS=1 cargo test -p gonghui --test conformance` and review the
//! diff before committing it.

mod common;

use std::fs;
use std::path::PathBuf;

/// Every `STEM.requests.jsonl` of the corpus with its `STEM.answers.jsonl`.
fn pairs() -> Vec<(String, PathBuf, PathBuf)> {
    common::pairs(&common::workspace().join("tests/conformance"))
}

/// Up to 160 characters of `text` from character `from`.
fn excerpt(text: &str, from: usize) -> String {
    text.chars().skip(from).take(160).collect()
}

/// Where two answers part, with a little of each from there.
fn first_difference(expected: &str, got: &str) -> String {
    let at = expected
        .chars()
        .zip(got.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let from = at.saturating_sub(40);
    format!(
        "  from character {at}:\n  expected …{}\n  got      …{}",
        excerpt(expected, from),
        excerpt(got, from)
    )
}

#[test]
fn corpus_gives_the_same_bytes() {
    let bless = std::env::var_os("GONGHUI_BLESS").is_some();
    let mut cases = 0;
    let mut failures = Vec::new();
    for (stem, requests_path, answers_path) in pairs() {
        let requests = fs::read(&requests_path).expect("requests readable");
        assert!(
            requests.ends_with(b"\n"),
            "{stem}: requests must end with a newline"
        );
        let batch = gonghui::evaluate_lines(&requests);
        if bless {
            fs::write(&answers_path, &batch).expect("answers writable");
        }
        let expected = fs::read_to_string(&answers_path)
            .unwrap_or_else(|_| panic!("{stem}: no {}", answers_path.display()));
        let lines: Vec<&[u8]> = gonghui::batch::lines(&requests).collect();
        let answers: Vec<&str> = expected.lines().collect();
        assert_eq!(lines.len(), answers.len(), "{stem}: one answer per request");
        for (n, (request, answer)) in lines.iter().zip(&answers).enumerate() {
            assert!(!request.is_empty(), "{stem}:{}: empty request line", n + 1);
            cases += 1;
            let got = gonghui::evaluate_bytes(request);
            if got != *answer {
                failures.push(format!(
                    "{stem}:{}: {}\n{}",
                    n + 1,
                    excerpt(&String::from_utf8_lossy(request), 0),
                    first_difference(answer, &got)
                ));
            }
        }
        if batch != expected {
            failures.push(format!(
                "{stem}: the batch answer differs from the answers file"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        cases >= 80,
        "the corpus has {cases} cases; it must keep at least 80"
    );
}

/// Each answer line is one JSON object: a decision with the fields the
/// contract always requires, or an error with a code of the contract.
#[test]
fn corpus_answers_have_the_contract_shape() {
    const CODES: &[&str] = &[
        "malformed_request",
        "unknown_question",
        "missing_field",
        "unknown_field",
        "invalid_value",
        "unknown_parameter",
    ];
    for (stem, _, answers_path) in pairs() {
        let answers = fs::read_to_string(&answers_path).unwrap_or_default();
        for (n, line) in answers.lines().enumerate() {
            let value: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{stem}:{}: not JSON: {e}", n + 1));
            let object = value.as_object().expect("an object");
            if let Some(error) = object.get("error") {
                let code = error["code"].as_str().unwrap_or_default();
                assert!(CODES.contains(&code), "{stem}:{}: code {code}", n + 1);
                assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
                assert!(error.get("field").is_some(), "{stem}:{}: field", n + 1);
            } else {
                for key in ["question", "policy", "outcome", "explanation"] {
                    assert!(object.contains_key(key), "{stem}:{}: no {key}", n + 1);
                }
                for step in object["explanation"].as_array().expect("steps") {
                    let clause = step["clause"].as_str().unwrap_or_default();
                    assert!(
                        gonghui::Clause::from_id(clause).is_some(),
                        "{stem}:{}",
                        n + 1
                    );
                }
            }
        }
    }
}
