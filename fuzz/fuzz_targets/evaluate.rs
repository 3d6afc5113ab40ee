//! `evaluate_bytes`, `evaluate` and `evaluate_json` on any bytes: one
//! well-formed answer, the same whichever way in, and the error code that
//! `Answer` reports is the one written; a decision stays the same with
//! whitespace around the request or a byte order mark before it; and the
//! one-pass reader of plain JSON reads the text as serde_json does, or
//! leaves it to serde_json.
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
        assert!(
            gonghui::fuzz_plain_reader_agrees(text),
            "read otherwise than serde_json: {text:?}"
        );
    } else {
        assert_eq!(code.as_deref(), Some("malformed_request"));
    }
    // A decision does not depend on whitespace around the request, nor on a
    // byte order mark before it (README, interpretation 11).
    if answer.is_decision() && !data.starts_with("\u{feff}".as_bytes()) {
        let padded = [" \t".as_bytes(), data, b"\r\n "].concat();
        assert_eq!(gonghui::evaluate_bytes(&padded), answer.as_str());
        let with_bom = ["\u{feff}".as_bytes(), data].concat();
        assert_eq!(gonghui::evaluate_bytes(&with_bom), answer.as_str());
    }
});
