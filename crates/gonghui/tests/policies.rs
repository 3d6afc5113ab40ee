//! Runs the corpus of each example policy file (`tests/policies/` at the
//! workspace root) through the core under that file, alone and as one batch,
//! byte for byte.
//!
//! `tests/policies/STEM.requests.jsonl` is answered under
//! `examples/policies/STEM.json`, and must give `STEM.answers.jsonl`. The
//! command line, C, Java and JavaScript run the same files through their own
//! way of loading a policy file. After a change that is meant to change
//! answers, regenerate them with
//! `GONGHUI_BLESS=1 cargo test -p gonghui --test policies` and review the diff
//! before committing it.

mod common;

use std::fs;
use std::path::PathBuf;

use common::workspace;
use gonghui::Policy;

/// Every `STEM.requests.jsonl` of `tests/policies`, with its answers file and
/// its policy file.
fn corpora() -> Vec<(String, PathBuf, PathBuf, PathBuf)> {
    common::pairs(&workspace().join("tests/policies"))
        .into_iter()
        .map(|(stem, requests, answers)| {
            let policy = workspace().join(format!("examples/policies/{stem}.json"));
            (stem, requests, answers, policy)
        })
        .collect()
}

#[test]
fn each_example_policy_gives_its_corpus_byte_for_byte() {
    let bless = std::env::var_os("GONGHUI_BLESS").is_some();
    let corpora = corpora();
    assert!(!corpora.is_empty(), "tests/policies has no corpus");
    for (stem, requests_path, answers_path, policy_path) in corpora {
        let file = fs::read(&policy_path)
            .unwrap_or_else(|_| panic!("{stem}: no policy file {}", policy_path.display()));
        let policy = Policy::from_bytes(&file)
            .unwrap_or_else(|e| panic!("{stem}: the policy file is refused: {e}"));
        assert_eq!(policy.id(), stem, "the file's id names its corpus");
        let requests = fs::read(&requests_path).expect("requests readable");
        assert!(
            requests.ends_with(b"\n"),
            "{stem}: requests must end with a newline"
        );
        let batch = policy.evaluate_lines(&requests);
        if bless {
            fs::write(&answers_path, &batch).expect("answers writable");
        }
        let expected = fs::read_to_string(&answers_path)
            .unwrap_or_else(|_| panic!("{stem}: no {}", answers_path.display()));
        let lines: Vec<&[u8]> = gonghui::batch::lines(&requests).collect();
        let answers: Vec<&str> = expected.lines().collect();
        assert_eq!(lines.len(), answers.len(), "{stem}: one answer per request");
        let mut decisions = 0;
        for (n, (request, answer)) in lines.iter().zip(&answers).enumerate() {
            assert_eq!(
                policy.evaluate(request).as_str(),
                *answer,
                "{stem}:{}: alone",
                n + 1
            );
            // Every decision names the file's policy and its digest.
            let value: serde_json::Value = serde_json::from_str(answer).expect("JSON");
            if value.get("error").is_none() {
                decisions += 1;
                assert_eq!(value["policy"], stem.as_str(), "{stem}:{}", n + 1);
                assert_eq!(value["stamp"]["policy"], stem.as_str(), "{stem}:{}", n + 1);
                if value
                    .get("overridden")
                    .is_none_or(|o| o.as_array().is_some_and(Vec::is_empty))
                {
                    assert_eq!(
                        value["stamp"]["parameters"],
                        policy.parameters().digest_hex(),
                        "{stem}:{}",
                        n + 1
                    );
                }
            }
        }
        assert_eq!(
            batch, expected,
            "{stem}: the batch differs from the answers file"
        );
        assert!(
            decisions >= 10,
            "{stem}: the corpus keeps at least 10 decisions"
        );
    }
}

/// The example corpus shows the file at work: its 2027 rate pays where the
/// published policy does not, so the two policies answer it differently.
#[test]
fn the_example_corpus_is_not_answered_so_by_the_published_policy() {
    let requests =
        fs::read(workspace().join("tests/policies/example-extended-2027.requests.jsonl"))
            .expect("requests readable");
    let expected =
        fs::read_to_string(workspace().join("tests/policies/example-extended-2027.answers.jsonl"))
            .expect("answers readable");
    let published = Policy::published().evaluate_lines(&requests);
    assert_ne!(published, expected);
    assert!(expected.contains(r#""id":"aid-2027-steel","question":"mutual_aid_subsidy","policy":"example-extended-2027","outcome":"eligible""#));
    assert!(published.contains(r#""id":"aid-2027-steel","question":"mutual_aid_subsidy","policy":"jiangxi-1269","outcome":"ineligible""#));
}

/// `broken-example.json`, the example with a misspelt parameter id and a
/// rate of 120%, is refused with the problems of `broken-example.problems.json`
/// (the canonical JSON, message in Chinese, and a newline), which every
/// binding gives byte for byte when it refuses the file.
#[test]
fn the_broken_example_gives_its_problems_byte_for_byte() {
    let dir = workspace().join("tests/policies");
    let file = fs::read(dir.join("broken-example.json")).expect("the broken example");
    let refused = Policy::from_bytes(&file).expect_err("the file is broken");
    let problems = format!("{}\n", refused.to_json(gonghui::Lang::Zh));
    let expected_path = dir.join("broken-example.problems.json");
    if std::env::var_os("GONGHUI_BLESS").is_some() {
        fs::write(&expected_path, &problems).expect("problems writable");
    }
    let expected = fs::read_to_string(&expected_path).expect("the expected problems");
    assert_eq!(problems, expected);
    assert_eq!(refused.problems().len(), 4, "every problem, not the first");
}
