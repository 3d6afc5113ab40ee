//! gonghui: placeholder while the core is written.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::float_arithmetic)]

/// The engine version stamped on every decision.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Answers one JSON request with one JSON object (a decision or an error).
pub fn evaluate_json(request: &str) -> String {
    let _ = request;
    String::from("{\"error\":{\"code\":\"malformed_request\",\"field\":null,\"message\":\"not yet implemented\"}}")
}

/// Answers one request given as bytes; bytes that are not UTF-8 get a
/// `malformed_request` error answer.
pub fn evaluate_bytes(request: &[u8]) -> String {
    match std::str::from_utf8(request) {
        Ok(s) => evaluate_json(s),
        Err(_) => evaluate_json(""),
    }
}

/// Answers JSON Lines: one answer line (ending in `\n`) per input line, in order.
pub fn evaluate_lines(input: &[u8]) -> String {
    let mut out = String::new();
    for line in input.split(|b| *b == b'\n') {
        out.push_str(&evaluate_bytes(line));
        out.push('\n');
    }
    out
}
