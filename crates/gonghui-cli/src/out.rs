//! Where the command writes: standard output through a buffer, every write's
//! error handled; standard error for notes to people, which never stop a
//! command.
//!
//! Nothing here uses `println!`, which panics when its write fails. On Unix a
//! write to a closed pipe ends the process by SIGPIPE before it can fail
//! (`main::end_quietly_on_a_closed_pipe`); elsewhere it fails with
//! `BrokenPipe`, and [`failed`] ends the command quietly.

use std::io::{self, BufWriter, StdoutLock};
use std::process::ExitCode;

/// Standard output, locked and buffered: flush it before the command ends.
pub fn stdout() -> BufWriter<StdoutLock<'static>> {
    BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// Writes one line on standard error, after `gonghui: `. A standard error
/// that cannot be written to is no reason to stop, so its error is dropped.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), "gonghui: {}", format_args!($($arg)*));
    }};
}
pub(crate) use note;

/// The exit status of a command whose input or output failed: 2, after
/// saying why. A closed pipe is not worth a word: 141, the status a shell
/// gives a process ended by SIGPIPE, which is what happens instead on Unix.
pub fn failed(error: &io::Error) -> ExitCode {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::from(141);
    }
    note!("{error}");
    ExitCode::from(2)
}
