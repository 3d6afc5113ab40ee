//! `evaluate_bytes`, `evaluate` and `evaluate_json` on any bytes: one
//! well-formed answer, the same whichever way in, and the error code that
//! `Answer` reports is the one written.
#![no_main]

use gonghui_fuzz::check_answer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let answer = gonghui::evaluate(data);
    let code = check_answer(answer.as_str());
    assert_eq!(answer.error_code(), code.as_deref(), "{}", answer.as_str());
    assert_eq!(answer.is_decision(), code.is_none());
    assert_eq!(gonghui::evaluate_bytes(data), answer.as_str());
    if let Ok(text) = std::str::from_utf8(data) {
        assert_eq!(gonghui::evaluate_json(text), answer.as_str());
    } else {
        assert_eq!(code.as_deref(), Some("malformed_request"));
    }
});
