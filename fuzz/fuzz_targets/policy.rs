//! `Policy::from_bytes` on any bytes, as `--policy FILE` and `policy check`
//! read a file: a policy, or a refusal naming at least one problem, never a
//! panic; the refusal written as JSON (`PolicyError::to_json`) is one
//! canonical JSON object listing every problem in both languages; the same
//! text read as a `&str` gives the same result; and a policy that loads
//! answers under its own id and compares with the published one.
#![no_main]

use gonghui::policy::PolicyError;
use gonghui::{Lang, Policy};
use gonghui_fuzz::{assert_canonical, check_answer};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let loaded = Policy::from_bytes(data);
    if let Ok(text) = std::str::from_utf8(data) {
        assert_eq!(
            Policy::from_json(text),
            loaded,
            "from_json and from_bytes differ"
        );
    }
    match &loaded {
        Ok(policy) => check_policy(policy),
        Err(error) => check_refusal(error),
    }
});

/// A refusal: at least one problem, each with its field and a message in
/// each language, and its JSON listing them all.
fn check_refusal(error: &PolicyError) {
    let problems = error.problems();
    assert!(!problems.is_empty(), "a refusal without a problem");
    for problem in problems {
        assert!(
            !problem.field().is_empty(),
            "a problem without its field: {problem:?}"
        );
        for lang in [Lang::Zh, Lang::En] {
            assert!(
                !problem.message(lang).is_empty(),
                "a problem without words: {problem:?}"
            );
        }
    }
    for lang in [Lang::Zh, Lang::En] {
        let json = error.to_json(lang);
        assert_canonical(&json);
        let value: Value = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("to_json is not JSON ({e}): {json:?}"));
        let refusal = &value["error"];
        assert_eq!(refusal["code"], "invalid_policy", "{json}");
        assert!(
            refusal["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{json}"
        );
        let listed = refusal["problems"].as_array().expect("problems listed");
        assert_eq!(listed.len(), problems.len(), "{json}");
        for (item, problem) in listed.iter().zip(problems) {
            assert_eq!(item["field"], problem.field().as_str(), "{json}");
            assert_eq!(item["zh"], problem.message(Lang::Zh).as_str(), "{json}");
            assert_eq!(item["en"], problem.message(Lang::En).as_str(), "{json}");
        }
        assert!(
            error.message(lang).lines().count() > problems.len(),
            "a line a problem"
        );
    }
}

/// A policy that loads: a decision under its own id and digest, and a
/// comparison with the published policy that names each parameter once.
fn check_policy(policy: &Policy) {
    let answer = policy.evaluate(br#"{"question":"catalog"}"#);
    assert_eq!(check_answer(answer.as_str()), None, "{}", answer.as_str());
    let value: Value = serde_json::from_str(answer.as_str()).expect("checked");
    assert_eq!(value["policy"], policy.id());
    assert_eq!(
        value["stamp"]["parameters"],
        policy.parameters().digest_hex()
    );
    assert!(policy.changes_to(policy).is_empty());
    let changes = Policy::published().changes_to(policy);
    for pair in changes.windows(2) {
        assert!(
            pair[0].parameter < pair[1].parameter,
            "catalog order, each once"
        );
    }
    for change in &changes {
        assert_ne!(change.before, change.after);
    }
}
