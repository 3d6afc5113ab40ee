//! gonghui for JavaScript: the core's JSON contract, exported through wasm-bindgen.
//!
//! This crate only translates. Every answer comes from [`gonghui::evaluate_json`] or
//! [`gonghui::evaluate_lines`], byte for byte; no rule, amount or message is decided here.
//! The npm package `bindings/js` is built from it (see `scripts/build-wasm.sh`):
//!
//! | JavaScript | Rust core | answers |
//! |---|---|---|
//! | `evaluate(request: string): string` | [`gonghui::evaluate_json`] | one JSON object |
//! | `evaluateBytes(request: Uint8Array): Uint8Array` | [`gonghui::evaluate_bytes`] | one JSON object, UTF-8 |
//! | `evaluateBatch(lines: string): string` | [`gonghui::evaluate_lines`] | JSON Lines |
//! | `evaluateBatchBytes(lines: Uint8Array): string` | [`gonghui::evaluate_lines`] | JSON Lines |
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

use wasm_bindgen::prelude::*;

// talc instead of std's dlmalloc: about 2.7 KB less of the gzipped module, for the same
// answers (bindings/js/README.md, "Size"). Growth in place is off, also for size.
#[cfg(all(target_arch = "wasm32", feature = "talc"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

// What the bindings need of JavaScript's globals, imported directly: the js-sys crate
// would cost about 2 KB of the gzipped module's 120 KB budget.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;
    type TypeError;
    #[wasm_bindgen(constructor)]
    fn new(message: &str) -> TypeError;
}

// Node's `Buffer.from(view)`: given a view of the module's memory, copies it into a Buffer.
#[cfg(feature = "node")]
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Buffer, js_name = from)]
    fn buffer_from(bytes: &[u8]) -> JsValue;
}

/// The text of a string argument. Strings are taken as `JsValue` and read with
/// `as_string`, because the generated glue for a `&str` parameter, given `undefined` or a
/// number, makes the module trap inside its allocator; here any other value is a
/// `TypeError` and the module is untouched.
fn text_of(value: &JsValue, function: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| TypeError::new(&format!("{function} expects a string")).into())
}

/// Answers one JSON request with one JSON object (a decision or an error), exactly as
/// [`gonghui::evaluate_json`] does. A value that is not a string is a `TypeError`.
#[wasm_bindgen(js_name = evaluate, unchecked_return_type = "string")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "string")] request: JsValue,
) -> Result<String, JsValue> {
    Ok(gonghui::evaluate_json(&text_of(&request, "evaluate")?))
}

/// Answers one request given as bytes (meant to be UTF-8 JSON) with the answer's UTF-8
/// bytes, exactly as [`gonghui::evaluate_bytes`] does: for a server that has the request's
/// bytes and sends the answer's, no JavaScript string is made on either side. Bytes that
/// are not UTF-8 get the core's `malformed_request` answer.
///
/// The answer is a new `Uint8Array`; in the build for Node, a `Buffer` (a `Uint8Array`
/// too), which Node takes from its pool of small buffers.
#[cfg(not(feature = "node"))]
#[wasm_bindgen(js_name = evaluateBytes)]
pub fn evaluate_bytes(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] request: &[u8],
) -> Vec<u8> {
    gonghui::evaluate_bytes(request).into_bytes()
}

/// Answers one request given as bytes (meant to be UTF-8 JSON) with the answer's UTF-8
/// bytes, exactly as [`gonghui::evaluate_bytes`] does: for a server that has the request's
/// bytes and sends the answer's, no JavaScript string is made on either side. Bytes that
/// are not UTF-8 get the core's `malformed_request` answer.
///
/// The answer is a Node `Buffer` (a `Uint8Array`), which Node takes from its pool of small
/// buffers.
#[cfg(feature = "node")]
#[wasm_bindgen(js_name = evaluateBytes, unchecked_return_type = "Uint8Array")]
pub fn evaluate_bytes(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] request: &[u8],
) -> JsValue {
    buffer_from(gonghui::evaluate_bytes(request).as_bytes())
}

/// Answers JSON Lines with JSON Lines, exactly as [`gonghui::evaluate_lines`]: one answer
/// line (ending in `\n`) per input line, in order. A value that is not a string is a
/// `TypeError`.
#[wasm_bindgen(js_name = evaluateBatch, unchecked_return_type = "string")]
pub fn evaluate_batch(
    #[wasm_bindgen(unchecked_param_type = "string")] lines: JsValue,
) -> Result<String, JsValue> {
    Ok(gonghui::evaluate_lines(
        text_of(&lines, "evaluateBatch")?.as_bytes(),
    ))
}

/// [`evaluate_batch`] over raw bytes (a `Uint8Array`, such as a Node `Buffer` read from a
/// file), so that bytes that are not UTF-8 reach the core as they are and get its error
/// answer on their line.
#[wasm_bindgen(js_name = evaluateBatchBytes)]
pub fn evaluate_batch_bytes(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] lines: &[u8],
) -> String {
    gonghui::evaluate_lines(lines)
}

/// The typed twin of [`evaluate`]: takes a request as a plain object and gives the answer as
/// a plain object. A value that `JSON.stringify` cannot write (a cycle, a `BigInt`,
/// `undefined`) is sent as an empty request, so it gets the core's `malformed_request`
/// answer rather than an exception.
#[wasm_bindgen(js_name = evaluateObject, unchecked_return_type = "Answer")]
pub fn evaluate_object(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let text = json_stringify(&request)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    // The core writes valid JSON by construction: a parse error here is a core bug, and
    // surfaces as the exception `JSON.parse` threw.
    json_parse(&gonghui::evaluate_json(&text))
}

/// The engine version stamped on every decision ([`gonghui::VERSION`]).
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    gonghui::VERSION.to_owned()
}
