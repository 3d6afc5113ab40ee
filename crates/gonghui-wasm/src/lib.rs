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
//! A policy file of the caller's own is a `Policy` ([`gonghui::Policy::from_bytes`]):
//! `new Policy(file: string | Uint8Array)` checks it whole and throws a `PolicyError` (an
//! `Error` whose `message` is [`gonghui::PolicyError::to_json`], with `code` and `problems`)
//! when it is refused; `policy.evaluate`, `evaluateBytes`, `evaluateBatch`,
//! `evaluateBatchBytes` and `evaluateObject` answer under it as the functions above do under
//! the published policy ([`gonghui::Policy::evaluate`], [`gonghui::Policy::evaluate_lines`]);
//! `policy.id` and `policy.digest` name it; `policy.free()` releases it (a call after it
//! throws); `Policy.published()` is the published policy as a `Policy`.
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

use std::borrow::Cow;

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

    // The error a refused policy file throws: an `Error` with the problems on it.
    #[wasm_bindgen(js_name = Error)]
    type PolicyError;
    #[wasm_bindgen(constructor, js_class = "Error")]
    fn new(message: &str) -> PolicyError;
    #[wasm_bindgen(method, setter)]
    fn set_name(this: &PolicyError, name: &str);
    #[wasm_bindgen(method, setter)]
    fn set_code(this: &PolicyError, code: &JsValue);
    #[wasm_bindgen(method, setter)]
    fn set_problems(this: &PolicyError, problems: &JsValue);
    // `{"error": {"code", "problems", …}}` as `JSON.parse` gives it.
    type Refusal;
    #[wasm_bindgen(method, getter)]
    fn error(this: &Refusal) -> Refusal;
    #[wasm_bindgen(method, getter)]
    fn code(this: &Refusal) -> JsValue;
    #[wasm_bindgen(method, getter)]
    fn problems(this: &Refusal) -> JsValue;

    // A policy file given as bytes is copied into the module's memory as js-sys would
    // (`Uint8Array.prototype.set` into a view of the memory), without linking js-sys.
    #[wasm_bindgen(js_name = Uint8Array)]
    type Bytes;
    #[wasm_bindgen(constructor, js_class = "Uint8Array")]
    fn view(buffer: &JsValue, offset: u32, length: u32) -> Bytes;
    #[wasm_bindgen(method, getter)]
    fn length(this: &Bytes) -> u32;
    #[wasm_bindgen(method)]
    fn set(this: &Bytes, source: &Bytes);
    type Memory;
    #[wasm_bindgen(method, getter)]
    fn buffer(this: &Memory) -> JsValue;
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

/// A policy to answer under: a policy file of the caller's own, or the published policy
/// (`Policy.published()`), the one the functions above answer under.
///
/// The file is checked whole when it is loaded and refused whole: `new Policy(file)` throws
/// a `PolicyError`, whose `message` is every problem as one JSON object, the same bytes C and
/// Java give (`{"error":{"code":"invalid_policy",…,"problems":[{"field","zh","en"},…]}}`,
/// its `message` in Chinese), with `code` and `problems` on the error itself.
///
/// A `Policy` never changes once loaded. `free()` releases its memory in the module (the
/// garbage collector does it otherwise, where `FinalizationRegistry` exists); a method called
/// after it (`free()` again included) throws an `Error` ("null pointer passed to rust", from
/// wasm-bindgen's glue), and the module answers as before.
#[wasm_bindgen(js_name = Policy)]
pub struct JsPolicy {
    policy: Cow<'static, gonghui::Policy>,
}

#[wasm_bindgen(js_class = Policy)]
impl JsPolicy {
    /// Loads a policy file (its JSON text, or its bytes as a `Uint8Array`), checked whole;
    /// throws a `PolicyError` with every problem when it is refused, and a `TypeError` for a
    /// value that is neither.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] file: JsValue,
    ) -> Result<JsPolicy, JsValue> {
        let loaded = match file.as_string() {
            Some(text) => gonghui::Policy::from_json(&text),
            None => match file.dyn_ref::<Bytes>() {
                Some(bytes) => gonghui::Policy::from_bytes(&copy_bytes(bytes)),
                None => {
                    return Err(
                        TypeError::new("new Policy expects a string or a Uint8Array").into(),
                    );
                }
            },
        };
        match loaded {
            Ok(policy) => Ok(JsPolicy {
                policy: Cow::Owned(policy),
            }),
            Err(refused) => Err(policy_error(&refused.to_json(gonghui::Lang::Zh))),
        }
    }

    /// The published policy, the one `evaluate` and the other functions answer under.
    pub fn published() -> JsPolicy {
        JsPolicy {
            policy: Cow::Borrowed(gonghui::Policy::published()),
        }
    }

    /// The policy's id, the one every decision under it carries in `policy` and
    /// `stamp.policy`.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.policy.id().to_owned()
    }

    /// The digest of the policy's parameters (`"sha256:…"`), the one every decision under it
    /// carries in `stamp.parameters` when the request overrides nothing.
    #[wasm_bindgen(getter)]
    pub fn digest(&self) -> String {
        self.policy.parameters().digest_hex().to_owned()
    }

    /// Answers one JSON request under this policy, as `evaluate` does under the published
    /// one. A value that is not a string is a `TypeError`.
    #[wasm_bindgen(unchecked_return_type = "string")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] request: JsValue,
    ) -> Result<String, JsValue> {
        Ok(self.policy.evaluate_json(&text_of(&request, "evaluate")?))
    }

    /// Answers one request given as bytes under this policy, as `evaluateBytes` does under
    /// the published one.
    #[cfg(not(feature = "node"))]
    #[wasm_bindgen(js_name = evaluateBytes)]
    pub fn evaluate_bytes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] request: &[u8],
    ) -> Vec<u8> {
        self.policy.evaluate(request).into_string().into_bytes()
    }

    /// Answers one request given as bytes under this policy, as `evaluateBytes` does under
    /// the published one: a Node `Buffer`.
    #[cfg(feature = "node")]
    #[wasm_bindgen(js_name = evaluateBytes, unchecked_return_type = "Uint8Array")]
    pub fn evaluate_bytes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] request: &[u8],
    ) -> JsValue {
        buffer_from(self.policy.evaluate(request).as_str().as_bytes())
    }

    /// Answers JSON Lines with JSON Lines under this policy, as `evaluateBatch` does under the
    /// published one. A value that is not a string is a `TypeError`.
    #[wasm_bindgen(js_name = evaluateBatch, unchecked_return_type = "string")]
    pub fn evaluate_batch(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] lines: JsValue,
    ) -> Result<String, JsValue> {
        Ok(self
            .policy
            .evaluate_lines(text_of(&lines, "evaluateBatch")?.as_bytes()))
    }

    /// `evaluateBatch` over raw bytes, as `evaluateBatchBytes` does under the published
    /// policy.
    #[wasm_bindgen(js_name = evaluateBatchBytes)]
    pub fn evaluate_batch_bytes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] lines: &[u8],
    ) -> String {
        self.policy.evaluate_lines(lines)
    }

    /// The typed twin of `evaluate` under this policy, as `evaluateObject` is under the
    /// published one.
    #[wasm_bindgen(js_name = evaluateObject, unchecked_return_type = "Answer")]
    pub fn evaluate_object(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = json_stringify(&request)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        json_parse(&self.policy.evaluate_json(&text))
    }
}

/// The bytes of a `Uint8Array` (a Node `Buffer` too), copied into the module.
fn copy_bytes(source: &Bytes) -> Vec<u8> {
    let length = source.length();
    let mut bytes = vec![0u8; length as usize];
    if length > 0 {
        let memory: Memory = wasm_bindgen::memory().unchecked_into();
        // The view is made and written at once: nothing allocates between, so the memory
        // cannot grow and leave the view detached.
        Bytes::view(&memory.buffer(), bytes.as_mut_ptr() as u32, length).set(source);
    }
    bytes
}

/// The `PolicyError` of a refusal: an `Error` named `PolicyError` whose message is the
/// refusal's JSON, with its `code` and `problems` (as `JSON.parse` reads them) on it.
fn policy_error(json: &str) -> JsValue {
    let error = PolicyError::new(json);
    error.set_name("PolicyError");
    // The core writes valid JSON: should it ever fail to parse, the message still has it.
    if let Ok(parsed) = json_parse(json) {
        let refusal = parsed.unchecked_into::<Refusal>().error();
        error.set_code(&refusal.code());
        error.set_problems(&refusal.problems());
    }
    error.into()
}
