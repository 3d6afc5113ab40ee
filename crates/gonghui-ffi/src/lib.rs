//! The C ABI of gonghui: one JSON request in, one JSON answer out.
//!
//! This crate only translates between C and the core crate [`gonghui`]. Every answer is
//! computed by the core, byte for byte what [`gonghui::evaluate_bytes`] and
//! [`gonghui::evaluate_lines`] return; no rule, amount, message or line-splitting rule
//! lives here. The header `bindings/c/include/gonghui.h` is generated from this file by
//! cbindgen (`bindings/c/gen-header.sh`); Java reaches the same functions through JNA
//! (`bindings/java`).
//!
//! | C | core | answers |
//! |---|---|---|
//! | `gonghui_evaluate(request)` | [`gonghui::evaluate_bytes`] | one JSON object |
//! | `gonghui_evaluate_bytes(request, len)` | [`gonghui::evaluate_bytes`] | one JSON object |
//! | `gonghui_evaluate_into(request, len, answer, cap)` | [`gonghui::evaluate_bytes`] | one JSON object, in the caller's buffer |
//! | `gonghui_evaluate_batch(lines, len)` | [`gonghui::evaluate_lines`] | JSON Lines |
//! | `gonghui_string_free(answer)` | | |
//! | `gonghui_version()` | [`gonghui::VERSION`] | a static string |
//!
//! A policy file of the caller's own (module `policy`): `gonghui_policy_load(bytes, len,
//! &error)` makes an opaque `gonghui_policy` handle ([`gonghui::Policy::from_bytes`]), or
//! NULL and every problem of the file as JSON ([`gonghui::PolicyError::to_json`]);
//! `gonghui_policy_evaluate`, `_bytes`, `_into` and `_batch` answer under it
//! ([`gonghui::Policy::evaluate`], [`gonghui::Policy::evaluate_lines`]) as the functions
//! above do under the published policy; `gonghui_policy_id` and `gonghui_policy_digest`
//! name it; `gonghui_policy_free` releases it; `gonghui_policy_published()` is the published
//! policy as a static handle.
//!
//! # A request's way through
//!
//! A C caller hands over a request (a NUL-terminated string, or a buffer and its length).
//! The bytes are borrowed, never copied nor kept: the core checks they are UTF-8 and JSON,
//! and answers with a decision or an error object. The answer is copied into a fresh
//! NUL-terminated UTF-8 string that the caller owns and gives back with
//! `gonghui_string_free`. A NULL pointer is read as an empty request, so the caller gets
//! the core's error answer for an empty request; nothing here fails differently.
//!
//! # Ownership
//!
//! - Inputs are borrowed for the duration of the call only.
//! - Every answer (`char *`) is owned by the caller and must be released with exactly one
//!   call to `gonghui_string_free`, never with `free()`, and not modified before then.
//! - `gonghui_evaluate_into` writes into a buffer the caller owns and allocates nothing
//!   that outlives the call: there is nothing to free.
//! - `gonghui_version()` is static: never free it.
//! - A `gonghui_policy *` from `gonghui_policy_load` is the caller's until
//!   `gonghui_policy_free`; the strings of `gonghui_policy_id` and `gonghui_policy_digest`
//!   are borrowed from it and end with it; `gonghui_policy_published()` is static.
//!
//! # Threads
//!
//! The library keeps no state between calls: every function may be called from any number
//! of threads at once, and an answer may be freed on a different thread from the one that
//! received it. A policy handle never changes once loaded: any number of threads may answer
//! under one handle at once. The one exception is `gonghui_policy_free`, which must come
//! after every other call on its handle has returned.
//!
//! # Panics
//!
//! None reaches C: every export runs behind one panic boundary (`ffi_boundary!`, see
//! `src/panic.rs`), and a panic becomes an error answer with code `internal_error`.
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]
#![deny(missing_docs)]

mod panic;
mod policy;

pub use policy::{
    gonghui_policy, gonghui_policy_digest, gonghui_policy_evaluate, gonghui_policy_evaluate_batch,
    gonghui_policy_evaluate_bytes, gonghui_policy_evaluate_into, gonghui_policy_free,
    gonghui_policy_id, gonghui_policy_load, gonghui_policy_published,
};

use std::ffi::{CStr, CString, c_char};

use crate::panic::{INTERNAL_ERROR_ANSWER, ffi_boundary};

/// The major version of the library this header was generated from.
pub const GONGHUI_VERSION_MAJOR: u32 = 0;
/// The minor version of the library this header was generated from.
pub const GONGHUI_VERSION_MINOR: u32 = 1;
/// The patch version of the library this header was generated from.
pub const GONGHUI_VERSION_PATCH: u32 = 0;

/// [`gonghui::VERSION`] with a NUL after it, built at compile time (a NUL inside the
/// version would fail the build, not a call).
static VERSION: &CStr = {
    const LEN: usize = gonghui::VERSION.len();
    const BYTES: [u8; LEN + 1] = {
        let src = gonghui::VERSION.as_bytes();
        let mut bytes = [0u8; LEN + 1];
        let mut i = 0;
        while i < LEN {
            bytes[i] = src[i];
            i += 1;
        }
        bytes
    };
    match CStr::from_bytes_with_nul(&BYTES) {
        Ok(version) => version,
        Err(_) => panic!("gonghui::VERSION contains a NUL byte"),
    }
};

/// Hands an answer to C as a NUL-terminated string the caller owns.
///
/// The core's answers are JSON, whose strings escape every control character, so they
/// never hold a NUL; should one ever appear, the caller gets the internal error answer
/// rather than a silently truncated one.
pub(crate) fn answer_into_c(answer: impl Into<Vec<u8>>) -> *mut c_char {
    CString::new(answer)
        .unwrap_or_else(|_| internal_error_c_string())
        .into_raw()
}

pub(crate) fn internal_error_c_string() -> CString {
    CString::new(INTERNAL_ERROR_ANSWER).expect("the internal error answer has no NUL")
}

/// The fallback of the exports that answer one request.
pub(crate) fn internal_error_answer() -> *mut c_char {
    internal_error_c_string().into_raw()
}

/// The fallback of the batch export: one error line, since the lines were never split.
pub(crate) fn internal_error_lines() -> *mut c_char {
    answer_into_c(format!("{INTERNAL_ERROR_ANSWER}\n"))
}

/// Borrows the bytes of a NUL-terminated string, without its NUL, reading NULL as no bytes.
///
/// # Safety
///
/// `ptr` is NULL, or points to a NUL-terminated string that stays unmodified for `'a`.
pub(crate) unsafe fn borrow_c_string<'a>(ptr: *const c_char) -> &'a [u8] {
    if ptr.is_null() {
        return &[];
    }
    // SAFETY: `ptr` is non-null and, as the caller promises, NUL-terminated and unmodified
    // for `'a`.
    unsafe { CStr::from_ptr(ptr) }.to_bytes()
}

/// Borrows `len` bytes at `ptr`, reading NULL (or a zero length) as no bytes at all.
///
/// # Safety
///
/// `ptr` is NULL, or valid for reads of `len` bytes that stay unmodified for `'a`.
pub(crate) unsafe fn borrow_bytes<'a>(ptr: *const c_char, len: usize) -> &'a [u8] {
    if ptr.is_null() || len == 0 {
        return &[];
    }
    // SAFETY: `ptr` is non-null, and the caller promises `len` readable bytes at it that
    // stay unmodified for `'a`; `u8` and `c_char` have the same size and alignment.
    unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) }
}

/// Answers one request given as a NUL-terminated string.
///
/// The request is the JSON object of CONTRACT.md, in UTF-8. The answer is one JSON object,
/// a decision or an error (`{"error": {...}}`), with no trailing newline: the same bytes
/// the Rust core, the command line, Java and JavaScript give for the same request.
/// Anything that is not a valid request (NULL, empty, not UTF-8, not JSON, too large) is
/// answered with an error object.
///
/// Ownership: `request` is borrowed for the call only; NULL is read as an empty request.
/// The returned string is never NULL; the caller owns it and must release it with exactly
/// one call to `gonghui_string_free`.
///
/// Threads: safe to call from any number of threads at once.
///
/// # Safety
///
/// `request` is NULL, or points to a NUL-terminated string that stays valid and
/// unmodified until the call returns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gonghui_evaluate(request: *const c_char) -> *mut c_char {
    ffi_boundary! {
        on_panic: internal_error_answer(),
        // SAFETY: forwarded from this function's contract.
        let bytes = unsafe { borrow_c_string(request) };
        answer_into_c(gonghui::evaluate_bytes(bytes))
    }
}

/// Answers one request given as a buffer and its length (no NUL terminator needed).
///
/// Exactly `gonghui_evaluate`, for requests whose length is known (Java, C++ strings,
/// memory-mapped files): no `strlen`, and a NUL byte inside the buffer reaches the core
/// (which answers with an error object) instead of cutting the request short.
///
/// Ownership: the `request_len` bytes at `request` are borrowed for the call only. NULL,
/// or a length of 0, is read as an empty request. The returned string is never NULL; the
/// caller owns it and must release it with exactly one call to `gonghui_string_free`.
///
/// Threads: safe to call from any number of threads at once.
///
/// # Safety
///
/// `request` is NULL, or valid for reads of `request_len` bytes that stay unmodified until
/// the call returns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gonghui_evaluate_bytes(
    request: *const c_char,
    request_len: usize,
) -> *mut c_char {
    ffi_boundary! {
        on_panic: internal_error_answer(),
        // SAFETY: forwarded from this function's contract.
        let bytes = unsafe { borrow_bytes(request, request_len) };
        answer_into_c(gonghui::evaluate_bytes(bytes))
    }
}

/// Answers one request into a buffer the caller provides, and returns the answer's length.
///
/// The answer is the one `gonghui_evaluate_bytes` gives for the same bytes, written to
/// `answer` without a NUL terminator. When its length is more than `answer_cap`, nothing is
/// written: call again with a buffer of at least the returned length (the answer to the
/// same bytes is always the same). For an answer's length alone, pass NULL and 0.
///
/// This is the entry point for callers that keep a buffer from one request to the next
/// (Java keeps one per thread): there is nothing to free, and an answer costs one copy
/// into memory the caller already has. Most answers are under 4 KiB; an answer can be as
/// long as the request's `id` allows.
///
/// Ownership: the `request_len` bytes at `request` are borrowed for the call only. NULL, or
/// a length of 0, is read as an empty request. `answer` is written (never read) during the
/// call only, and only when the answer fits.
///
/// Threads: safe to call from any number of threads at once.
///
/// # Safety
///
/// `request` is NULL, or valid for reads of `request_len` bytes that stay unmodified until
/// the call returns; `answer` is NULL with `answer_cap` 0, or valid for writes of
/// `answer_cap` bytes that nothing else reads or writes until the call returns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gonghui_evaluate_into(
    request: *const c_char,
    request_len: usize,
    answer: *mut c_char,
    answer_cap: usize,
) -> usize {
    ffi_boundary! {
        // SAFETY: `answer` and `answer_cap` are as this function's contract says.
        on_panic: unsafe { copy_into(INTERNAL_ERROR_ANSWER.as_bytes(), answer, answer_cap) },
        // SAFETY: forwarded from this function's contract.
        let bytes = unsafe { borrow_bytes(request, request_len) };
        let evaluated = gonghui::evaluate_bytes(bytes);
        // SAFETY: `answer` and `answer_cap` are as this function's contract says.
        unsafe { copy_into(evaluated.as_bytes(), answer, answer_cap) }
    }
}

/// Copies `bytes` to `out` when they fit in its `cap` bytes, and returns their length.
///
/// # Safety
///
/// `out` is NULL, or valid for writes of `cap` bytes that nothing else reads or writes
/// during the call.
pub(crate) unsafe fn copy_into(bytes: &[u8], out: *mut c_char, cap: usize) -> usize {
    if !out.is_null() && bytes.len() <= cap {
        // SAFETY: `out` is valid for writes of `cap` >= `bytes.len()` bytes, as the caller
        // promises, and cannot overlap `bytes`, which this library allocated.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), out.cast::<u8>(), bytes.len()) };
    }
    bytes.len()
}

/// Answers a batch of requests in JSON Lines, in one call.
///
/// `lines` holds one request per line (lines end with `\n`; the core decides how CRLF,
/// blank and broken lines are read). The answer is JSON Lines: one answer per input line,
/// in order, each ending with `\n`, each line byte for byte what `gonghui_evaluate` gives
/// for that line alone. A NUL byte inside the buffer is an ordinary byte of its line.
///
/// Ownership: the `lines_len` bytes at `lines` are borrowed for the call only. NULL, or a
/// length of 0, is read as an empty batch. The returned string is never NULL; the caller
/// owns it and must release it with exactly one call to `gonghui_string_free`.
///
/// Threads: safe to call from any number of threads at once.
///
/// Should the engine panic (a bug), the answer is a single `internal_error` line.
///
/// # Safety
///
/// `lines` is NULL, or valid for reads of `lines_len` bytes that stay unmodified until the
/// call returns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gonghui_evaluate_batch(
    lines: *const c_char,
    lines_len: usize,
) -> *mut c_char {
    ffi_boundary! {
        on_panic: internal_error_lines(),
        // SAFETY: forwarded from this function's contract.
        let bytes = unsafe { borrow_bytes(lines, lines_len) };
        batch_into_c(gonghui::evaluate_lines(bytes))
    }
}

/// Hands a batch's answers to C as a NUL-terminated string the caller owns.
///
/// Handed over in a copy of its exact size, the working string freed here: a batch's
/// answers are megabytes, and with the C library's allocator (glibc) a block that size is
/// mapped afresh each call, and written into a page fault every 4 KiB, unless one as large
/// was freed before. Freeing the larger working string, and the caller freeing the last
/// answer, keeps the next call's memory warm: one copy costs less than the faults.
pub(crate) fn batch_into_c(answers: String) -> *mut c_char {
    let mut exact = Vec::with_capacity(answers.len() + 1);
    exact.extend_from_slice(answers.as_bytes());
    drop(answers);
    answer_into_c(exact)
}

/// Releases an answer returned by `gonghui_evaluate`, `gonghui_evaluate_bytes`,
/// `gonghui_evaluate_batch`, their `gonghui_policy_` forms, or the problems of
/// `gonghui_policy_load`.
///
/// Ownership: takes back ownership of `answer`, which must not be used afterwards.
/// NULL is allowed and does nothing. Never pass the string of `gonghui_version`,
/// `gonghui_policy_id` or `gonghui_policy_digest`, a string from anywhere else, or the same
/// answer twice.
///
/// Threads: safe to call from any thread, including one other than the thread that
/// received the answer.
///
/// # Safety
///
/// `answer` is NULL, or a string returned by one of the evaluate functions of this library
/// or by `gonghui_policy_load` in its `error`, not modified and not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gonghui_string_free(answer: *mut c_char) {
    ffi_boundary! {
        on_panic: (),
        if !answer.is_null() {
            // SAFETY: the caller promises `answer` came from `CString::into_raw` in one of
            // our evaluate functions, unmodified and not yet freed.
            drop(unsafe { CString::from_raw(answer) });
        }
    }
}

/// The version of the loaded library and of the engine inside it (for example `"0.1.0"`).
///
/// Compare with `GONGHUI_VERSION_STRING` to check that the header matches the library.
///
/// Ownership: a static NUL-terminated string: never free it, never modify it.
///
/// Threads: safe to call from any number of threads at once.
#[unsafe(no_mangle)]
pub extern "C" fn gonghui_version() -> *const c_char {
    ffi_boundary! {
        on_panic: c"".as_ptr(),
        VERSION.as_ptr()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Takes an answer back from C, as a C caller would after reading it.
    fn take(answer: *mut c_char) -> String {
        assert!(!answer.is_null(), "answers are never NULL");
        // SAFETY: `answer` was just returned by one of our evaluate functions.
        let text = unsafe { CStr::from_ptr(answer) }
            .to_str()
            .expect("answers are UTF-8")
            .to_owned();
        // SAFETY: as above; it is freed exactly once, here.
        unsafe { gonghui_string_free(answer) };
        text
    }

    fn evaluate(request: &CStr) -> String {
        // SAFETY: `request` is a valid C string for the whole call.
        take(unsafe { gonghui_evaluate(request.as_ptr()) })
    }

    fn evaluate_bytes(request: &[u8]) -> String {
        // SAFETY: the slice is valid for reads of its length for the whole call.
        take(unsafe { gonghui_evaluate_bytes(request.as_ptr().cast(), request.len()) })
    }

    fn evaluate_batch(lines: &[u8]) -> String {
        // SAFETY: the slice is valid for reads of its length for the whole call.
        take(unsafe { gonghui_evaluate_batch(lines.as_ptr().cast(), lines.len()) })
    }

    /// Answers through `gonghui_evaluate_into` as a caller keeping a buffer would: asks
    /// with `cap` bytes, and again with the length returned when the answer did not fit.
    fn evaluate_into(request: &[u8], cap: usize) -> String {
        let mut buffer = vec![0u8; cap];
        // SAFETY: the request slice is readable and the buffer writable for their lengths.
        let len = unsafe {
            gonghui_evaluate_into(
                request.as_ptr().cast(),
                request.len(),
                buffer.as_mut_ptr().cast(),
                buffer.len(),
            )
        };
        if len > cap {
            assert!(
                buffer.iter().all(|&b| b == 0),
                "nothing is written when it does not fit"
            );
            return evaluate_into(request, len);
        }
        buffer.truncate(len);
        String::from_utf8(buffer).expect("answers are UTF-8")
    }

    const REQUEST: &str = r#"{"id":"ffi-1","question":"mutual_aid_subsidy","lang":"en","facts":{"chains":["steel"],"clusters":[],"enrolled_years":[2023,2024,2025],"year":2025,"premium_fen":1200000}}"#;

    #[test]
    fn every_entry_point_gives_the_core_answer() {
        let expected = gonghui::evaluate_json(REQUEST);
        let c_request = CString::new(REQUEST).unwrap();
        assert_eq!(evaluate(&c_request), expected);
        assert_eq!(evaluate_bytes(REQUEST.as_bytes()), expected);
        assert_eq!(evaluate_into(REQUEST.as_bytes(), 1 << 16), expected);
        let lines = format!("{REQUEST}\n{REQUEST}\n");
        assert_eq!(
            evaluate_batch(lines.as_bytes()),
            gonghui::evaluate_lines(lines.as_bytes())
        );
    }

    #[test]
    fn into_a_buffer_too_small_writes_nothing_and_says_how_much_is_needed() {
        let expected = gonghui::evaluate_json(REQUEST);
        for cap in [0, 1, expected.len() - 1, expected.len(), expected.len() + 1] {
            assert_eq!(
                evaluate_into(REQUEST.as_bytes(), cap),
                expected,
                "cap {cap}"
            );
        }
        // SAFETY: NULL with a capacity of 0 asks for the length only.
        let len = unsafe {
            gonghui_evaluate_into(
                REQUEST.as_ptr().cast(),
                REQUEST.len(),
                std::ptr::null_mut(),
                0,
            )
        };
        assert_eq!(len, expected.len());
        // An answer longer than a typical buffer: an id of 100,000 characters is echoed.
        let long_id = format!(r#"{{"id":"{}","question":"catalog"}}"#, "x".repeat(100_000));
        assert_eq!(
            evaluate_into(long_id.as_bytes(), 4096),
            gonghui::evaluate_json(&long_id)
        );
    }

    #[test]
    fn null_reads_as_an_empty_request() {
        let empty = gonghui::evaluate_bytes(b"");
        // SAFETY: NULL is allowed by every evaluate function.
        unsafe {
            assert_eq!(take(gonghui_evaluate(std::ptr::null())), empty);
            assert_eq!(take(gonghui_evaluate_bytes(std::ptr::null(), 0)), empty);
            assert_eq!(take(gonghui_evaluate_bytes(std::ptr::null(), 42)), empty);
            assert_eq!(
                gonghui_evaluate_into(std::ptr::null(), 42, std::ptr::null_mut(), 0),
                empty.len()
            );
            assert_eq!(
                take(gonghui_evaluate_batch(std::ptr::null(), 7)),
                gonghui::evaluate_lines(b"")
            );
        }
        assert_eq!(evaluate(c""), empty);
        assert_eq!(evaluate_bytes(b""), empty);
    }

    #[test]
    fn the_length_is_honoured_not_the_nul() {
        // The first 2 bytes only: the rest of the buffer is not part of the request.
        assert_eq!(
            evaluate_bytes(&b"{}}garbage"[..2]),
            gonghui::evaluate_bytes(b"{}")
        );
        // A NUL inside the buffer reaches the core instead of cutting the request short.
        let with_nul = b"{\"question\":\"catalog\"}\0tail";
        assert_eq!(evaluate_bytes(with_nul), gonghui::evaluate_bytes(with_nul));
        assert_eq!(
            evaluate_into(with_nul, 4096),
            gonghui::evaluate_bytes(with_nul)
        );
        assert_eq!(
            evaluate_batch(b"{}\n\0\n{}\n"),
            gonghui::evaluate_lines(b"{}\n\0\n{}\n")
        );
    }

    #[test]
    fn invalid_utf8_is_answered_by_the_core() {
        let bytes = b"{\"id\":\"\xff\xfe\"}";
        let answer = evaluate_bytes(bytes);
        assert_eq!(answer, gonghui::evaluate_bytes(bytes));
        assert_eq!(evaluate_into(bytes, 4096), answer);
        assert!(answer.contains("\"error\""), "{answer}");
        let c_request = CString::new(&bytes[..]).unwrap();
        assert_eq!(evaluate(&c_request), answer);
    }

    #[test]
    fn free_accepts_null() {
        // SAFETY: NULL is allowed and does nothing.
        unsafe { gonghui_string_free(std::ptr::null_mut()) };
    }

    #[test]
    fn version_is_the_core_version_and_the_header_macros() {
        // SAFETY: gonghui_version returns a static NUL-terminated string.
        let version = unsafe { CStr::from_ptr(gonghui_version()) };
        assert_eq!(version.to_str().unwrap(), gonghui::VERSION);
        // GONGHUI_VERSION_STRING in the header is built from the three numbers.
        assert_eq!(
            format!("{GONGHUI_VERSION_MAJOR}.{GONGHUI_VERSION_MINOR}.{GONGHUI_VERSION_PATCH}"),
            gonghui::VERSION
        );
        let major: u32 = env!("CARGO_PKG_VERSION_MAJOR").parse().unwrap();
        let minor: u32 = env!("CARGO_PKG_VERSION_MINOR").parse().unwrap();
        let patch: u32 = env!("CARGO_PKG_VERSION_PATCH").parse().unwrap();
        assert_eq!(
            (
                GONGHUI_VERSION_MAJOR,
                GONGHUI_VERSION_MINOR,
                GONGHUI_VERSION_PATCH
            ),
            (major, minor, patch),
            "bump the GONGHUI_VERSION_* constants and regenerate the header"
        );
    }

    #[test]
    fn a_panic_becomes_the_internal_error_answer() {
        fn panicking_export() -> *mut c_char {
            ffi_boundary! {
                on_panic: internal_error_answer(),
                panic!("a bug in the engine")
            }
        }
        fn panicking_into(buffer: &mut [u8]) -> usize {
            ffi_boundary! {
                // SAFETY: the buffer is writable for its length.
                on_panic: unsafe { copy_into(INTERNAL_ERROR_ANSWER.as_bytes(), buffer.as_mut_ptr().cast(), buffer.len()) },
                panic!("a bug in the engine")
            }
        }
        let mut buffer = [0u8; 4096];
        let len = panicking_into(&mut buffer);
        assert_eq!(&buffer[..len], INTERNAL_ERROR_ANSWER.as_bytes());
        fn panicking_batch() -> *mut c_char {
            ffi_boundary! {
                on_panic: internal_error_lines(),
                panic!("a bug in the engine")
            }
        }
        assert_eq!(take(panicking_export()), INTERNAL_ERROR_ANSWER);
        assert_eq!(
            take(panicking_batch()),
            format!("{INTERNAL_ERROR_ANSWER}\n")
        );
    }

    #[test]
    fn an_answer_with_a_nul_becomes_the_internal_error_answer() {
        assert_eq!(
            take(answer_into_c("{\"a\":\"\0\"}".to_owned())),
            INTERNAL_ERROR_ANSWER
        );
    }

    #[test]
    fn answers_may_be_computed_and_freed_on_many_threads() {
        let expected = gonghui::evaluate_json(REQUEST);
        std::thread::scope(|scope| {
            for _ in 0..8 {
                scope.spawn(|| {
                    for _ in 0..50 {
                        assert_eq!(evaluate_bytes(REQUEST.as_bytes()), expected);
                        assert_eq!(evaluate_into(REQUEST.as_bytes(), 4096), expected);
                    }
                });
            }
        });
    }
}
