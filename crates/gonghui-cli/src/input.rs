//! Where the command reads from: a file or standard input, with a progress
//! bar on standard error for people watching a large file go by.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal};
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};

/// An open input and the progress bar that follows it (hidden unless
/// standard error is a terminal and the input is a file of known size).
pub struct Input {
    pub reader: Box<dyn BufRead>,
    pub progress: ProgressBar,
}

impl Input {
    /// Opens `path`, or standard input when it is absent or `-`.
    pub fn open(path: Option<&Path>) -> io::Result<Input> {
        Input::open_with(path, true)
    }

    /// Opens `path` like [`open`](Input::open), with no progress bar: for a
    /// second input read in step with a first, whose bar tells the progress.
    pub fn open_in_step(path: Option<&Path>) -> io::Result<Input> {
        Input::open_with(path, false)
    }

    fn open_with(path: Option<&Path>, progress: bool) -> io::Result<Input> {
        let file = match path {
            Some(path) if path.as_os_str() != "-" => File::open(path).map_err(|e| {
                io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display()))
            })?,
            _ => {
                return Ok(Input {
                    reader: Box::new(io::stdin().lock()),
                    progress: ProgressBar::hidden(),
                });
            }
        };
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        let progress = if progress && io::stderr().is_terminal() && size > (1 << 20) {
            let bar = ProgressBar::new(size);
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {eta} left",
            ) {
                bar.set_style(style);
            }
            bar
        } else {
            ProgressBar::hidden()
        };
        let reader = BufReader::with_capacity(1 << 16, progress.wrap_read(file));
        Ok(Input {
            reader: Box::new(reader),
            progress,
        })
    }
}
