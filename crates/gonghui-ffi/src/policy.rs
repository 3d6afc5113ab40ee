//! A policy file of the caller's own: the opaque handle `gonghui_policy` and the functions
//! that answer under it.
//!
//! A handle is loaded from the bytes of a policy file (`gonghui_policy_load`), checked whole
//! by the core ([`gonghui::Policy::from_bytes`]) and refused whole, with every problem, when
//! anything is wrong. It answers exactly as the published policy's functions do, with the
//! file's values: the same shapes (`gonghui_policy_evaluate`, `_bytes`, `_into`, `_batch`),
//! the same ownership, the same answers for the same bytes when the file is the published
//! one. `gonghui_policy_published()` is a static handle for the published policy, so that
//! code written for handles also serves the default.
//!
//! A handle never changes once loaded: any number of threads may use one handle at once.
//! Only `gonghui_policy_free` ends it, and the caller must make sure no other call on it is
//! running or will start (Java's `Policy` does so with a read-write lock).

use std::borrow::Cow;
use std::ffi::{CString, c_char};
use std::sync::OnceLock;

use gonghui::{Lang, Policy};

use crate::panic::{INTERNAL_ERROR_ANSWER, ffi_boundary};
use crate::{answer_into_c, batch_into_c, borrow_bytes, copy_into, internal_error_c_string};

/// A policy, loaded from a policy file and checked, ready to answer requests under it.
///
/// Opaque: made by `gonghui_policy_load` and released with `gonghui_policy_free`, or the
/// static one of `gonghui_policy_published`.
///
/// Threads: a handle is never modified after it is made. Every function that takes a
/// `const gonghui_policy *` may be called on the same handle from any number of threads at
/// once; `gonghui_policy_free` only once no other call on the handle is running or will
/// start.
#[allow(non_camel_case_types)]
pub struct gonghui_policy {
    policy: Cow<'static, Policy>,
    /// The policy's id, NUL-terminated, for `gonghui_policy_id`.
    id: CString,
    /// The digest of its parameters (`sha256:…`), NUL-terminated, for
    /// `gonghui_policy_digest`.
    digest: CString,
}

impl gonghui_policy {
    /// A handle over `policy`, with its id and digest as C strings. A policy file may give
    /// an id holding a NUL character (`"\u0000"`); C cannot, so the C string stops there.
    /// The answers are not affected: they carry the id as the core writes it, escaped.
    fn new(policy: Cow<'static, Policy>) -> gonghui_policy {
        let id = c_string_lossy(policy.id());
        let digest = c_string_lossy(policy.parameters().digest_hex());
        gonghui_policy { policy, id, digest }
    }
}

/// `text` as a C string, up to its first NUL byte.
fn c_string_lossy(text: &str) -> CString {
    let bytes = text.as_bytes();
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    CString::new(&bytes[..end]).unwrap_or_default()
}

/// The handle of the published policy, made on first use and never freed.
fn published() -> &'static gonghui_policy {
    static PUBLISHED: OnceLock<gonghui_policy> = OnceLock::new();
    PUBLISHED.get_or_init(|| gonghui_policy::new(Cow::Borrowed(Policy::published())))
}

/// Borrows the handle behind `policy`, or `None` for NULL.
///
/// # Safety
///
/// `policy` is NULL, or a handle of this library not yet freed, which stays so for `'a`.
unsafe fn borrow_policy<'a>(policy: *const gonghui_policy) -> Option<&'a gonghui_policy> {
    // SAFETY: as this function's contract says.
    unsafe { policy.as_ref() }
}

/// Loads a policy file: its bytes in, a handle that answers under it out.
///
/// The file is the JSON of docs/POLICY-FILES.md (`gonghui policy show` prints the published
/// one), in UTF-8. It is checked whole, and refused whole: when anything is wrong, nothing is
/// loaded, the function returns NULL and `*error` receives every problem as one JSON object,
/// the same bytes every binding gives:
///
/// `{"error":{"code":"invalid_policy","field":null,"message":"政策文件有2处问题",
/// "problems":[{"field":"mutual_aid.rate_percent","zh":"…","en":"…"},…]}}`
///
/// `message` is in Chinese, the contract's default language (a request without `lang` is
/// answered in it); each problem carries its words in Chinese (`zh`) and English (`en`),
/// under `field`, the parameter id or the path of the field at fault (`(file)` for the file
/// as a whole). Should gonghui itself fail (a bug), `*error` is the `internal_error` answer.
///
/// Ownership: the `len` bytes at `bytes` are borrowed for the call only (the handle keeps
/// nothing of them); NULL, or a length of 0, is an empty file, which is refused. The handle
/// returned belongs to the caller, who releases it with exactly one call to
/// `gonghui_policy_free`. `error` may be NULL when the problems are not wanted; otherwise
/// `*error` is set to NULL when the file loads, and to a string the caller owns and releases
/// with `gonghui_string_free` when it does not.
///
/// Threads: safe to call from any number of threads at once.
///
/// # Safety
///
/// `bytes` is NULL, or valid for reads of `len` bytes that stay unmodified until the call
/// returns; `error` is NULL, or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gonghui_policy_load(
    bytes: *const u8,
    len: usize,
    error: *mut *mut c_char,
) -> *mut gonghui_policy {
    let (handle, problems) = ffi_boundary! {
        on_panic: (std::ptr::null_mut(), internal_error_c_string().into_raw()),
        // SAFETY: forwarded from this function's contract.
        let file = unsafe { borrow_bytes(bytes.cast(), len) };
        match Policy::from_bytes(file) {
            Ok(policy) => (
                Box::into_raw(Box::new(gonghui_policy::new(Cow::Owned(policy)))),
                std::ptr::null_mut(),
            ),
            Err(refused) => (std::ptr::null_mut(), answer_into_c(refused.to_json(Lang::Zh))),
        }
    };
    if error.is_null() {
        // SAFETY: `problems` is NULL or a string of ours that nobody else has seen.
        unsafe { crate::gonghui_string_free(problems) };
    } else {
        // SAFETY: `error` is valid for writing one pointer, as the caller promises.
        unsafe { error.write(problems) };
    }
    handle
}

/// The handle of the published policy, the one the functions without a handle
/// (`gonghui_evaluate`, …) answer under.
///
/// Ownership: static: never free it (`gonghui_policy_free` ignores it), and it stays valid
/// until the program ends. Never NULL.
///
/// Threads: safe to call, and the handle safe to use, from any number of threads at once.
#[unsafe(no_mangle)]
pub extern "C" fn gonghui_policy_published() -> *const gonghui_policy {
    ffi_boundary! {
        // Only a bug in loading the embedded file could panic here, and the tests rule it
        // out; NULL is then what every function reads as no policy.
        on_panic: std::ptr::null(),
        published()
    }
}

/// Releases a policy loaded by `gonghui_policy_load`.
///
/// Ownership: takes back the handle, which must not be used afterwards. NULL is allowed and
/// does nothing, and so is the static handle of `gonghui_policy_published`. Never pass the
/// same handle twice. The strings of `gonghui_policy_id` and `gonghui_policy_digest` end
/// with it; the answers made under it do not (they are the caller's).
///
/// Threads: call it once every other call on this handle has returned, and start none after
/// it; the other handles are not affected. It may run on any thread.
///
/// # Safety
///
/// `policy` is NULL, the published handle, or a handle returned by `gonghui_policy_load`,
/// not yet freed, on which no other call is running.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gonghui_policy_free(policy: *mut gonghui_policy) {
    ffi_boundary! {
        on_panic: (),
        if !policy.is_null() && !std::ptr::eq(policy.cast_const(), published()) {
            // SAFETY: the caller promises `policy` came from `Box::into_raw` in
            // gonghui_policy_load, is not yet freed and no longer used by anyone.
            drop(unsafe { Box::from_raw(policy) });
        }
    }
}

/// The policy's id (`"example-extended-2027"`), the one every decision under it carries in
/// `policy` and `stamp.policy`.
///
/// Ownership: borrowed from the handle: valid until the handle is freed; never free it nor
/// modify it. NULL when `policy` is NULL.
///
/// Threads: safe to call from any number of threads at once.
///
/// # Safety
///
/// `policy` is NULL, or a handle of this library not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gonghui_policy_id(policy: *const gonghui_policy) -> *const c_char {
    ffi_boundary! {
        on_panic: std::ptr::null(),
        // SAFETY: forwarded from this function's contract.
        match unsafe { borrow_policy(policy) } {
            Some(policy) => policy.id.as_ptr(),
            None => std::ptr::null(),
        }
    }
}

/// The digest of the policy's parameters (`"sha256:"` and 64 hexadecimal digits), the one
/// every decision under it carries in `stamp.parameters` when the request overrides nothing.
///
/// Ownership: borrowed from the handle: valid until the handle is freed; never free it nor
/// modify it. NULL when `policy` is NULL.
///
/// Threads: safe to call from any number of threads at once.
///
/// # Safety
///
/// `policy` is NULL, or a handle of this library not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gonghui_policy_digest(policy: *const gonghui_policy) -> *const c_char {
    ffi_boundary! {
        on_panic: std::ptr::null(),
        // SAFETY: forwarded from this function's contract.
        match unsafe { borrow_policy(policy) } {
            Some(policy) => policy.digest.as_ptr(),
            None => std::ptr::null(),
        }
    }
}

/// Answers one request, given as a NUL-terminated string, under `policy`.
///
/// Exactly `gonghui_evaluate`, under the policy of the handle: a decision (which names the
/// policy's id and digest in its stamp) or an error object, no trailing newline.
///
/// Ownership: `policy` and `request` are borrowed for the call only; a NULL `request` is
/// read as an empty request. The returned string belongs to the caller, who releases it
/// with exactly one call to `gonghui_string_free`. It is NULL only when `policy` is NULL (a
/// caller's mistake, such as a load that failed, answered with no answer rather than with
/// one under another policy).
///
/// Threads: safe to call from any number of threads at once, on one handle or many.
///
/// # Safety
///
/// `policy` is NULL, or a handle of this library not yet freed; `request` is NULL, or
/// points to a NUL-terminated string; both stay valid and unmodified until the call
/// returns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gonghui_policy_evaluate(
    policy: *const gonghui_policy,
    request: *const c_char,
) -> *mut c_char {
    ffi_boundary! {
        on_panic: crate::internal_error_answer(),
        // SAFETY: forwarded from this function's contract.
        let Some(policy) = (unsafe { borrow_policy(policy) }) else {
            return std::ptr::null_mut();
        };
        // SAFETY: forwarded from this function's contract.
        let bytes = unsafe { crate::borrow_c_string(request) };
        answer_into_c(policy.policy.evaluate(bytes).into_string())
    }
}

/// Answers one request, given as a buffer and its length, under `policy`.
///
/// Exactly `gonghui_evaluate_bytes`, under the policy of the handle.
///
/// Ownership: `policy` and the `request_len` bytes at `request` are borrowed for the call
/// only; NULL, or a length of 0, is an empty request. The returned string belongs to the
/// caller, who releases it with exactly one call to `gonghui_string_free`. It is NULL only
/// when `policy` is NULL.
///
/// Threads: safe to call from any number of threads at once, on one handle or many.
///
/// # Safety
///
/// `policy` is NULL, or a handle of this library not yet freed; `request` is NULL, or valid
/// for reads of `request_len` bytes; both stay valid and unmodified until the call returns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gonghui_policy_evaluate_bytes(
    policy: *const gonghui_policy,
    request: *const c_char,
    request_len: usize,
) -> *mut c_char {
    ffi_boundary! {
        on_panic: crate::internal_error_answer(),
        // SAFETY: forwarded from this function's contract.
        let Some(policy) = (unsafe { borrow_policy(policy) }) else {
            return std::ptr::null_mut();
        };
        // SAFETY: forwarded from this function's contract.
        let bytes = unsafe { borrow_bytes(request, request_len) };
        answer_into_c(policy.policy.evaluate(bytes).into_string())
    }
}

/// Answers one request under `policy` into a buffer the caller provides, and returns the
/// answer's length.
///
/// Exactly `gonghui_evaluate_into`, under the policy of the handle: the answer is written
/// without a NUL only when it fits in `answer_cap` bytes; otherwise nothing is written, and
/// a call with a buffer of at least the returned length gets it. NULL and 0 ask for the
/// length alone. Returns 0, and writes nothing, only when `policy` is NULL (no answer is
/// ever empty).
///
/// Ownership: `policy` and the `request_len` bytes at `request` are borrowed for the call
/// only; NULL, or a length of 0, is an empty request. `answer` is written (never read)
/// during the call only. Nothing to free.
///
/// Threads: safe to call from any number of threads at once, on one handle or many.
///
/// # Safety
///
/// `policy` is NULL, or a handle of this library not yet freed; `request` is NULL, or valid
/// for reads of `request_len` bytes; both stay valid and unmodified until the call returns.
/// `answer` is NULL with `answer_cap` 0, or valid for writes of `answer_cap` bytes that
/// nothing else reads or writes until the call returns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gonghui_policy_evaluate_into(
    policy: *const gonghui_policy,
    request: *const c_char,
    request_len: usize,
    answer: *mut c_char,
    answer_cap: usize,
) -> usize {
    ffi_boundary! {
        // SAFETY: `answer` and `answer_cap` are as this function's contract says.
        on_panic: unsafe { copy_into(INTERNAL_ERROR_ANSWER.as_bytes(), answer, answer_cap) },
        // SAFETY: forwarded from this function's contract.
        let Some(policy) = (unsafe { borrow_policy(policy) }) else {
            return 0;
        };
        // SAFETY: forwarded from this function's contract.
        let bytes = unsafe { borrow_bytes(request, request_len) };
        let evaluated = policy.policy.evaluate(bytes);
        // SAFETY: `answer` and `answer_cap` are as this function's contract says.
        unsafe { copy_into(evaluated.as_str().as_bytes(), answer, answer_cap) }
    }
}

/// Answers a batch of requests in JSON Lines under `policy`, in one call.
///
/// Exactly `gonghui_evaluate_batch`, under the policy of the handle: one answer line, ending
/// with `\n`, per input line, in order, each what `gonghui_policy_evaluate_bytes` gives for
/// that line alone. Should gonghui itself fail (a bug), the answer is a single
/// `internal_error` line.
///
/// Ownership: `policy` and the `lines_len` bytes at `lines` are borrowed for the call only;
/// NULL, or a length of 0, is an empty batch (an empty answer). The returned string belongs
/// to the caller, who releases it with exactly one call to `gonghui_string_free`. It is NULL
/// only when `policy` is NULL.
///
/// Threads: safe to call from any number of threads at once, on one handle or many.
///
/// # Safety
///
/// `policy` is NULL, or a handle of this library not yet freed; `lines` is NULL, or valid
/// for reads of `lines_len` bytes; both stay valid and unmodified until the call returns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gonghui_policy_evaluate_batch(
    policy: *const gonghui_policy,
    lines: *const c_char,
    lines_len: usize,
) -> *mut c_char {
    ffi_boundary! {
        on_panic: crate::internal_error_lines(),
        // SAFETY: forwarded from this function's contract.
        let Some(policy) = (unsafe { borrow_policy(policy) }) else {
            return std::ptr::null_mut();
        };
        // SAFETY: forwarded from this function's contract.
        let bytes = unsafe { borrow_bytes(lines, lines_len) };
        batch_into_c(policy.policy.evaluate_lines(bytes))
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::CStr;

    use super::*;
    use crate::gonghui_string_free;

    const EXAMPLE: &[u8] = include_bytes!("../../../examples/policies/example-extended-2027.json");

    const AID_2027: &str = r#"{"id":"aid-2027","question":"mutual_aid_subsidy","lang":"en","facts":{"chains":["steel"],"enrolled_years":[2023,2024,2025,2026,2027],"year":2027,"premium_fen":1200000}}"#;

    /// Takes an answer back from C, as a C caller would after reading it.
    fn take(answer: *mut c_char) -> String {
        assert!(!answer.is_null(), "answers under a handle are never NULL");
        // SAFETY: `answer` was just returned by one of our functions.
        let text = unsafe { CStr::from_ptr(answer) }
            .to_str()
            .expect("UTF-8")
            .to_owned();
        // SAFETY: as above; it is freed exactly once, here.
        unsafe { gonghui_string_free(answer) };
        text
    }

    /// Loads `file`, with the problems when it is refused.
    fn load(file: &[u8]) -> Result<*mut gonghui_policy, String> {
        let mut error = std::ptr::dangling_mut::<c_char>();
        // SAFETY: the slice is readable for its length, `error` writable.
        let policy = unsafe { gonghui_policy_load(file.as_ptr(), file.len(), &mut error) };
        if policy.is_null() {
            Err(take(error))
        } else {
            assert!(error.is_null(), "a file that loads has no problems");
            Ok(policy)
        }
    }

    fn text(ptr: *const c_char) -> &'static str {
        assert!(!ptr.is_null());
        // SAFETY: the strings of a handle live as long as the handle, which the tests keep.
        unsafe { CStr::from_ptr(ptr) }.to_str().expect("UTF-8")
    }

    #[test]
    fn a_loaded_file_answers_as_the_core_under_it() {
        let core = Policy::from_bytes(EXAMPLE).expect("the example loads");
        let policy = load(EXAMPLE).expect("the example loads");
        let expected = core.evaluate_json(AID_2027);
        assert!(expected.contains(r#""policy":"example-extended-2027","outcome":"eligible""#));
        let request = CString::new(AID_2027).unwrap();
        let lines = format!("{AID_2027}\n{{}}\n");
        // SAFETY: the handle is live; the inputs are readable for their lengths.
        unsafe {
            assert_eq!(
                take(gonghui_policy_evaluate(policy, request.as_ptr())),
                expected
            );
            assert_eq!(
                take(gonghui_policy_evaluate_bytes(
                    policy,
                    AID_2027.as_ptr().cast(),
                    AID_2027.len()
                )),
                expected
            );
            let mut buffer = vec![0u8; expected.len()];
            let short = gonghui_policy_evaluate_into(
                policy,
                AID_2027.as_ptr().cast(),
                AID_2027.len(),
                buffer.as_mut_ptr().cast(),
                expected.len() - 1,
            );
            assert_eq!(short, expected.len());
            assert!(
                buffer.iter().all(|&b| b == 0),
                "nothing written when it does not fit"
            );
            let len = gonghui_policy_evaluate_into(
                policy,
                AID_2027.as_ptr().cast(),
                AID_2027.len(),
                buffer.as_mut_ptr().cast(),
                buffer.len(),
            );
            assert_eq!(&buffer[..len], expected.as_bytes());
            assert_eq!(
                take(gonghui_policy_evaluate_batch(
                    policy,
                    lines.as_ptr().cast(),
                    lines.len()
                )),
                core.evaluate_lines(lines.as_bytes())
            );
            assert_eq!(text(gonghui_policy_id(policy)), "example-extended-2027");
            assert_eq!(
                text(gonghui_policy_digest(policy)),
                core.parameters().digest_hex()
            );
            // NULL inputs are empty ones, as for the published policy.
            assert_eq!(
                take(gonghui_policy_evaluate(policy, std::ptr::null())),
                core.evaluate_json("")
            );
            assert_eq!(
                take(gonghui_policy_evaluate_bytes(policy, std::ptr::null(), 9)),
                core.evaluate_json("")
            );
            assert_eq!(
                take(gonghui_policy_evaluate_batch(policy, std::ptr::null(), 9)),
                ""
            );
            gonghui_policy_free(policy);
        }
    }

    #[test]
    fn a_broken_file_is_refused_with_every_problem() {
        let broken = String::from_utf8(EXAMPLE.to_vec())
            .unwrap()
            .replacen(r#""value": 20}"#, r#""value": 120}"#, 1)
            .replacen(r#""policy": "example-extended-2027""#, r#""policy": 7"#, 1);
        let refused = Policy::from_json(&broken).expect_err("broken");
        assert!(refused.problems().len() >= 2);
        assert_eq!(load(broken.as_bytes()), Err(refused.to_json(Lang::Zh)));
        // Empty, NULL, not UTF-8, not JSON: refused, never loaded.
        for file in [&b""[..], b"\xff\xfe", b"[]", b"{"] {
            let error = load(file).expect_err("refused");
            assert!(error.starts_with(r#"{"error":{"code":"invalid_policy","field":null,"#));
            assert_eq!(
                error,
                Policy::from_bytes(file).unwrap_err().to_json(Lang::Zh)
            );
        }
        let mut error = std::ptr::dangling_mut::<c_char>();
        // SAFETY: NULL with any length is an empty file; `error` is writable.
        let policy = unsafe { gonghui_policy_load(std::ptr::null(), 42, &mut error) };
        assert!(policy.is_null());
        assert_eq!(
            take(error),
            Policy::from_bytes(b"").unwrap_err().to_json(Lang::Zh)
        );
        // Without a place for the problems, they are freed here (Miri and valgrind see).
        // SAFETY: the slice is readable; NULL `error` is allowed.
        let policy = unsafe { gonghui_policy_load(b"{}".as_ptr(), 2, std::ptr::null_mut()) };
        assert!(policy.is_null());
    }

    #[test]
    fn the_published_handle_answers_as_the_published_functions() {
        let published = gonghui_policy_published();
        assert!(!published.is_null());
        assert_eq!(published, gonghui_policy_published(), "one static handle");
        let file = gonghui::policy::PUBLISHED_JSON.as_bytes();
        let loaded = load(file).expect("the published file loads");
        // SAFETY: both handles are live; the inputs are readable for their lengths.
        unsafe {
            for policy in [published, loaded.cast_const()] {
                assert_eq!(
                    take(gonghui_policy_evaluate_bytes(
                        policy,
                        AID_2027.as_ptr().cast(),
                        AID_2027.len()
                    )),
                    gonghui::evaluate_json(AID_2027)
                );
                assert_eq!(text(gonghui_policy_id(policy)), "jiangxi-1269");
                assert_eq!(
                    text(gonghui_policy_digest(policy)),
                    Policy::published().parameters().digest_hex()
                );
            }
            // Freeing the static handle does nothing: it still answers.
            gonghui_policy_free(published.cast_mut());
            assert!(!gonghui_policy_id(gonghui_policy_published()).is_null());
            gonghui_policy_free(loaded);
        }
    }

    #[test]
    fn a_null_handle_gets_no_answer() {
        // SAFETY: NULL handles are allowed everywhere.
        unsafe {
            let null = std::ptr::null();
            assert!(gonghui_policy_evaluate(null, c"{}".as_ptr()).is_null());
            assert!(gonghui_policy_evaluate_bytes(null, c"{}".as_ptr(), 2).is_null());
            assert!(gonghui_policy_evaluate_batch(null, c"{}".as_ptr(), 2).is_null());
            let mut buffer = [0u8; 64];
            assert_eq!(
                gonghui_policy_evaluate_into(
                    null,
                    c"{}".as_ptr(),
                    2,
                    buffer.as_mut_ptr().cast(),
                    64
                ),
                0
            );
            assert_eq!(buffer, [0u8; 64]);
            assert!(gonghui_policy_id(null).is_null());
            assert!(gonghui_policy_digest(null).is_null());
            gonghui_policy_free(std::ptr::null_mut());
        }
    }

    #[test]
    fn a_panic_while_loading_becomes_the_internal_error() {
        fn panicking_load(error: &mut *mut c_char) -> *mut gonghui_policy {
            let (handle, problems): (*mut gonghui_policy, *mut c_char) = ffi_boundary! {
                on_panic: (std::ptr::null_mut(), internal_error_c_string().into_raw()),
                panic!("a bug in the loader")
            };
            *error = problems;
            handle
        }
        let mut error = std::ptr::null_mut();
        assert!(panicking_load(&mut error).is_null());
        assert_eq!(take(error), INTERNAL_ERROR_ANSWER);
    }

    /// A handle as C threads share it: the pointer itself.
    struct Shared(*const gonghui_policy);
    // SAFETY: a handle is never modified after it is made, and `Policy` is Send and Sync:
    // the functions that take a `const gonghui_policy *` may run on any threads at once.
    unsafe impl Sync for Shared {}

    impl Shared {
        fn handle(&self) -> *const gonghui_policy {
            self.0
        }
    }

    #[test]
    fn answers_may_be_computed_under_one_handle_on_many_threads() {
        let policy = load(EXAMPLE).expect("the example loads");
        let expected = Policy::from_bytes(EXAMPLE).unwrap().evaluate_json(AID_2027);
        let shared = Shared(policy);
        std::thread::scope(|scope| {
            for _ in 0..8 {
                scope.spawn(|| {
                    for _ in 0..50 {
                        // SAFETY: the handle lives until every thread has ended.
                        let answer = unsafe {
                            gonghui_policy_evaluate_bytes(
                                shared.handle(),
                                AID_2027.as_ptr().cast(),
                                AID_2027.len(),
                            )
                        };
                        assert_eq!(take(answer), expected);
                    }
                });
            }
        });
        // SAFETY: every other call on the handle has returned.
        unsafe { gonghui_policy_free(policy) };
    }
}
