//! The panic boundary every export stands behind.
//!
//! Unwinding out of an `extern "C"` function aborts the process, and for a Java caller
//! that means the whole JVM. So every export runs its body inside [`ffi_boundary!`],
//! which catches a panic and returns the export's stated fallback instead: for the
//! functions that answer requests, [`INTERNAL_ERROR_ANSWER`] (an error object like any
//! other, allocated like any other answer and freed the same way).
//!
//! This only works while panics unwind: the workspace's `release` profile keeps the
//! default `panic = "unwind"` for that reason (only the WASM profile aborts). Running out
//! of memory aborts in Rust whatever the profile; no boundary can turn that into an answer.

/// The answer given when the engine panicked: a bug in gonghui, never the caller's fault.
///
/// It has the shape of every error answer (`{"error": {"code", "field", "message"}}`), so
/// a caller that handles error objects handles this one too.
pub(crate) const INTERNAL_ERROR_ANSWER: &str = gonghui::Answer::INTERNAL_ERROR;

/// Runs an export's body, turning a panic into the given fallback value.
///
/// ```ignore
/// ffi_boundary! {
///     on_panic: answer_into_c(INTERNAL_ERROR_ANSWER.to_owned()),
///     answer_into_c(gonghui::evaluate_bytes(bytes))
/// }
/// ```
///
/// The body is wrapped in `AssertUnwindSafe`: it only reads the caller's input and builds
/// a fresh answer, so no state it could leave half-updated survives the panic.
macro_rules! ffi_boundary {
    (on_panic: $fallback:expr, $($body:tt)*) => {
        match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| { $($body)* })) {
            Ok(value) => value,
            Err(_payload) => $fallback,
        }
    };
}

pub(crate) use ffi_boundary;
