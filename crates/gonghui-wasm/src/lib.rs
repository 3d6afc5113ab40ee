//! gonghui for JavaScript: the core's JSON contract, exported through wasm-bindgen.
//!
//! This crate only translates. Every answer comes from [`gonghui::evaluate_json`] or
//! [`gonghui::evaluate_lines`], byte for byte; no rule, amount or message is decided here.
//! The npm package `bindings/js` is built from it (see `scripts/build-wasm.sh`):
//!
//! | JavaScript | Rust core | answers |
//! |---|---|---|
//! | `evaluate(request: string): string` | [`gonghui::evaluate_json`] | one JSON object |
//! | `evaluateBatch(lines: string \| Uint8Array): string` | [`gonghui::evaluate_lines`] | JSON Lines |
//! | `evaluateObject(request: Request): Answer` | the same, through `JSON` | a plain object |
//! | `version(): string` | [`gonghui::VERSION`] | |
//!
//! The typed twin `evaluateObject` is `JSON.stringify` → `evaluate` → `JSON.parse`, so it
//! shares the one code path and every contract integer (within ±(2^53 − 1)) stays exact.
//! Its TypeScript types (`Request`, `Answer`, one interface per question) are in
//! `src/types.d.ts`, emitted into the generated `.d.ts` and checked by `tsc` against the
//! conformance corpus (`bindings/js/test/types.test.mjs`).
//!
//! The functions compile for every target (so `cargo test --workspace` builds them); only
//! `wasm32-unknown-unknown` gives a usable module.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use js_sys::{JSON, JsString, Uint8Array};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// Answers one JSON request with one JSON object (a decision or an error), exactly as
/// [`gonghui::evaluate_json`] does.
#[wasm_bindgen(js_name = evaluate)]
pub fn evaluate(request: &str) -> String {
    gonghui::evaluate_json(request)
}

/// Answers JSON Lines with JSON Lines, exactly as [`gonghui::evaluate_lines`]: one answer
/// line (ending in `\n`) per input line, in order. Takes a string or the raw bytes (a Node
/// `Buffer` is a `Uint8Array`), so that bytes that are not UTF-8 reach the core as they are
/// and get its error answer.
#[wasm_bindgen(js_name = evaluateBatch)]
pub fn evaluate_batch(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] lines: JsValue,
) -> Result<String, JsValue> {
    if let Some(text) = lines.as_string() {
        return Ok(gonghui::evaluate_lines(text.as_bytes()));
    }
    match lines.dyn_into::<Uint8Array>() {
        Ok(bytes) => Ok(gonghui::evaluate_lines(&bytes.to_vec())),
        Err(_) => {
            Err(js_sys::TypeError::new("evaluateBatch expects a string or a Uint8Array").into())
        }
    }
}

/// The typed twin of [`evaluate`]: takes a request as a plain object and gives the answer as
/// a plain object. A value that `JSON.stringify` cannot write (a cycle, a `BigInt`,
/// `undefined`) is sent as an empty request, so it gets the core's `malformed_request`
/// answer rather than an exception.
#[wasm_bindgen(js_name = evaluateObject, unchecked_return_type = "Answer")]
pub fn evaluate_object(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let text = JSON::stringify(&request)
        .ok()
        .and_then(|s: JsString| s.as_string())
        .unwrap_or_default();
    // The core writes valid JSON by construction: a parse error here is a core bug, and
    // surfaces as the exception `JSON.parse` threw.
    JSON::parse(&gonghui::evaluate_json(&text))
}

/// The engine version stamped on every decision ([`gonghui::VERSION`]).
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    gonghui::VERSION.to_owned()
}
