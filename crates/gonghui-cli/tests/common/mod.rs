//! What the command-line tests share: running the built `gonghui` binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `gonghui ARGS` with `stdin` as its standard input and waits for it.
///
/// The input is written from another thread: a large input's answers fill the
/// output pipe while the input is still going in, and writing it from this
/// thread would then deadlock.
pub fn gonghui(args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gonghui"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gonghui runs");
    let mut pipe = child.stdin.take().expect("stdin");
    let stdin = stdin.as_ref().to_vec();
    let writer = std::thread::spawn(move || pipe.write_all(&stdin));
    let out = child.wait_with_output().expect("gonghui ends");
    writer.join().expect("writer").expect("stdin written");
    out
}
