//! The C entry points, called as C calls them, with the answer read back as
//! a C string and freed with `gonghui_string_free` (AddressSanitizer, on by
//! default under cargo fuzz, sees any misuse of that memory): the same bytes
//! as the core, never NULL, always UTF-8. The input is also given to
//! `gonghui_policy_load` as a policy file: a handle or an error, never both,
//! each freed once.
#![no_main]

use std::ffi::{CStr, CString, c_char};

use gonghui_ffi::{
    gonghui_evaluate, gonghui_evaluate_batch, gonghui_evaluate_bytes, gonghui_policy_evaluate_bytes,
    gonghui_policy_free, gonghui_policy_load, gonghui_string_free,
};
use gonghui_fuzz::check_answer;
use libfuzzer_sys::fuzz_target;

/// Reads an answer as a C caller would, then frees it.
fn take(answer: *mut c_char) -> String {
    assert!(!answer.is_null(), "answers are never NULL");
    // SAFETY: a non-NULL answer is a NUL-terminated string we own until freed.
    let text = unsafe { CStr::from_ptr(answer) }
        .to_str()
        .expect("answers are UTF-8")
        .to_owned();
    // SAFETY: freed exactly once, and not used after.
    unsafe { gonghui_string_free(answer) };
    text
}

fuzz_target!(|data: &[u8]| {
    // SAFETY: `data` is valid for reads of its length for the whole call.
    let answer = take(unsafe { gonghui_evaluate_bytes(data.as_ptr().cast(), data.len()) });
    check_answer(&answer);
    assert_eq!(answer, gonghui::evaluate_bytes(data));

    // A C string ends at its first NUL.
    let prefix = data.split(|b| *b == 0).next().unwrap_or_default();
    let c_request = CString::new(prefix).expect("no NUL before the first NUL");
    // SAFETY: `c_request` is a valid C string for the whole call.
    let answer = take(unsafe { gonghui_evaluate(c_request.as_ptr()) });
    assert_eq!(answer, gonghui::evaluate_bytes(prefix));

    // SAFETY: as above.
    let batch = take(unsafe { gonghui_evaluate_batch(data.as_ptr().cast(), data.len()) });
    assert_eq!(batch, gonghui::evaluate_lines(data));
    for answer in batch.lines() {
        check_answer(answer);
    }

    // The input as a policy file.
    let mut error: *mut c_char = std::ptr::null_mut();
    // SAFETY: `data` is valid for its length, `error` a valid place to write.
    let policy = unsafe { gonghui_policy_load(data.as_ptr(), data.len(), &mut error) };
    let core = gonghui::Policy::from_bytes(data);
    if policy.is_null() {
        let error = take(error);
        let refused = core.expect_err("refused by the C ABI, so by the core");
        assert_eq!(error, refused.to_json(gonghui::Lang::Zh));
    } else {
        assert!(error.is_null(), "a handle and an error at once");
        let core = core.expect("loaded by the C ABI, so by the core");
        let request = br#"{"question":"catalog"}"#;
        // SAFETY: a live handle, and a request valid for its length.
        let answer = take(unsafe {
            gonghui_policy_evaluate_bytes(policy, request.as_ptr().cast(), request.len())
        });
        assert_eq!(answer, core.evaluate(request).into_string());
        // SAFETY: freed once, not used after.
        unsafe { gonghui_policy_free(policy) };
    }
});
