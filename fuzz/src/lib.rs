//! What every fuzz target checks of an answer, beyond "it did not crash": the
//! contract's shape, so that a wrong answer given in silence fails as loudly
//! as a panic.

use serde_json::Value;

/// The error codes of CONTRACT.md. `internal_error` is not among them: the C
/// ABI answers it only when the core panicked, which is a crash found.
pub const ERROR_CODES: &[&str] = &[
    "malformed_request",
    "unknown_question",
    "missing_field",
    "unknown_field",
    "invalid_value",
    "unknown_parameter",
];

/// Checks one answer and gives its error code (`None` for a decision),
/// panicking on anything else: not one
/// line, not canonical (whitespace outside strings), not a JSON object, both
/// or neither of `outcome` and `error`, an unknown error code, an error
/// without its message.
pub fn check_answer(answer: &str) -> Option<String> {
    assert!(
        !answer.contains(['\n', '\r']),
        "an answer is one line: {answer:?}"
    );
    assert_no_whitespace_outside_strings(answer);
    let value: Value = serde_json::from_str(answer)
        .unwrap_or_else(|e| panic!("an answer is JSON ({e}): {answer:?}"));
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("an answer is an object: {answer:?}"));
    match (object.get("outcome"), object.get("error")) {
        (Some(Value::String(_)), None) => None,
        (None, Some(Value::Object(error))) => {
            let code = error.get("code").and_then(Value::as_str);
            let code = code.unwrap_or_else(|| panic!("an error has a code: {answer:?}"));
            assert!(
                ERROR_CODES.contains(&code),
                "unknown error code {code:?}: {answer:?}"
            );
            assert!(
                matches!(error.get("field"), Some(Value::Null | Value::String(_))),
                "an error names its field or null: {answer:?}"
            );
            assert!(
                error
                    .get("message")
                    .and_then(Value::as_str)
                    .is_some_and(|m| !m.is_empty()),
                "an error has a message: {answer:?}"
            );
            Some(code.to_owned())
        }
        _ => panic!("an answer has an outcome or an error, not both: {answer:?}"),
    }
}

/// Checks that `json` is written as the core writes JSON: one line, no
/// whitespace between tokens.
pub fn assert_canonical(json: &str) {
    assert!(!json.contains(['\n', '\r']), "one line: {json:?}");
    assert_no_whitespace_outside_strings(json);
}

/// Canonical JSON has no whitespace between tokens.
fn assert_no_whitespace_outside_strings(answer: &str) {
    let (mut in_string, mut escaped) = (false, false);
    for b in answer.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else {
            assert!(
                !b.is_ascii_whitespace(),
                "whitespace outside strings: {answer:?}"
            );
        }
    }
}

/// The number of lines a JSON Lines input holds, counted apart from
/// `gonghui::batch::lines`: one per `\n`, and one more for a last line
/// without its `\n`.
pub fn count_lines(input: &[u8]) -> usize {
    let newlines = input.iter().filter(|b| **b == b'\n').count();
    newlines + usize::from(input.last().is_some_and(|b| *b != b'\n'))
}
