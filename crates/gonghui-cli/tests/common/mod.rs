//! What the command-line tests share: running the built `gonghui` binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `gonghui ARGS` with `stdin` as its standard input and waits for it.
///
/// The input is written from another thread: a large input's answers fill the
/// output pipe while the input is still going in, and writing it from this
/// thread would then deadlock.
#[allow(dead_code)]
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

/// Runs `gonghui ARGS` with `stdin` as its standard input and, as its standard
/// output, a pipe whose reader is already gone: whatever it writes meets a
/// closed pipe, at its very first write. Only standard error is kept.
#[cfg(unix)]
#[allow(dead_code)]
pub fn gonghui_into_closed_pipe(args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
    use std::os::fd::{FromRawFd, OwnedFd};

    let mut fds = [0; 2];
    // SAFETY: `pipe` writes two new descriptors into the array it is given.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0, "a pipe");
    // SAFETY: each descriptor was just opened and is owned here alone.
    let (reader, writer) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(reader);
    let mut child = Command::new(env!("CARGO_BIN_EXE_gonghui"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .spawn()
        .expect("gonghui runs");
    let mut pipe = child.stdin.take().expect("stdin");
    let stdin = stdin.as_ref().to_vec();
    // The command may end before it has read everything: a write refused
    // for that is no failure of the test.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&stdin);
    });
    let out = child.wait_with_output().expect("gonghui ends");
    writer.join().expect("writer");
    out
}
