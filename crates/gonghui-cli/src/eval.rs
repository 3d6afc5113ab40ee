//! `gonghui eval`: one answer line per request line, in order, on one core
//! or on several.
//!
//! With `--jobs N` the input is read in blocks of lines; each block is cut
//! into N runs of consecutive lines answered on N threads, and the runs are
//! written back in order before the next block is read. Memory stays bounded
//! by the block, and the output is the same bytes as on one thread.

use std::io::{self, BufRead, Write};
use std::ops::Range;

use gonghui::{Answer, Policy};

use crate::lines::{Line, LineReader};

/// How many lines of answers went out, by kind.
#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub decisions: u64,
    pub errors: u64,
}

impl Counts {
    fn add(&mut self, decided: bool) {
        if decided {
            self.decisions += 1;
        } else {
            self.errors += 1;
        }
    }

    fn merge(&mut self, other: Counts) {
        self.decisions += other.decisions;
        self.errors += other.errors;
    }
}

/// The most lines a block holds, and the most bytes (beyond which a block
/// ends early): enough lines for every thread to work a while, few enough
/// bytes to keep memory small.
const BLOCK_LINES: usize = 16 * 1024;
const BLOCK_BYTES: usize = 16 << 20;

/// One line of a block: where its content lies in the block's bytes, or the
/// size of a line too long to keep.
type BlockLine = Result<Range<usize>, usize>;

/// Appends the answer to `line`, and a newline, to `text`; whether it was a
/// decision.
fn answer_into(line: Line<'_>, text: &mut String) -> bool {
    let decided = match line {
        Line::Complete(bytes) => {
            Policy::published().evaluate_appending(gonghui::batch::line_content(bytes), text)
        }
        Line::TooLong { bytes } => {
            text.push_str(Answer::too_large(bytes).as_str());
            false
        }
    };
    text.push('\n');
    decided
}

/// Answers are written out once this much text has gathered.
const FLUSH_BYTES: usize = 1 << 16;

/// Answers every line of `input` onto `out`, using `jobs` threads.
pub fn answer_all(
    input: impl BufRead,
    out: &mut impl Write,
    jobs: usize,
    counts: &mut Counts,
) -> io::Result<()> {
    answer_in_blocks(input, out, jobs, counts, BLOCK_LINES)
}

fn answer_in_blocks(
    input: impl BufRead,
    out: &mut impl Write,
    jobs: usize,
    counts: &mut Counts,
    block_lines: usize,
) -> io::Result<()> {
    let mut reader = LineReader::new(input, gonghui::limits::MAX_REQUEST_BYTES);
    if jobs <= 1 {
        let mut text = String::with_capacity(2 * FLUSH_BYTES);
        while let Some(line) = reader.next_line()? {
            counts.add(answer_into(line, &mut text));
            if text.len() >= FLUSH_BYTES {
                out.write_all(text.as_bytes())?;
                text.clear();
            }
        }
        return out.write_all(text.as_bytes());
    }
    let mut bytes = Vec::new();
    let mut lines: Vec<BlockLine> = Vec::new();
    loop {
        bytes.clear();
        lines.clear();
        while lines.len() < block_lines && bytes.len() < BLOCK_BYTES {
            match reader.next_line()? {
                None => break,
                Some(Line::Complete(line)) => {
                    let start = bytes.len();
                    bytes.extend_from_slice(line);
                    lines.push(Ok(start..bytes.len()));
                }
                Some(Line::TooLong { bytes: size }) => lines.push(Err(size)),
            }
        }
        if lines.is_empty() {
            return Ok(());
        }
        for (text, run) in answer_block(&bytes, &lines, jobs) {
            counts.merge(run);
            out.write_all(text.as_bytes())?;
        }
    }
}

/// Answers a block on `jobs` threads: each takes a run of consecutive lines
/// and returns its answers as text, in order, with their counts.
fn answer_block(bytes: &[u8], lines: &[BlockLine], jobs: usize) -> Vec<(String, Counts)> {
    let run = lines.len().div_ceil(jobs);
    std::thread::scope(|scope| {
        let workers: Vec<_> = lines
            .chunks(run)
            .map(|chunk| {
                scope.spawn(move || {
                    let mut text = String::new();
                    let mut counts = Counts::default();
                    for line in chunk {
                        let line = match line {
                            Ok(range) => Line::Complete(&bytes[range.clone()]),
                            Err(size) => Line::TooLong { bytes: *size },
                        };
                        counts.add(answer_into(line, &mut text));
                    }
                    (text, counts)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                // A worker panics only if the core does, which no input makes
                // it do; should a bug do it, fail loudly rather than drop lines.
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_keep_the_order_and_the_bytes() {
        let mut input = String::new();
        for i in 0..4_000 {
            input.push_str(&match i % 4 {
                0 => format!(r#"{{"id":"n{i}","question":"nomination_share","facts":{{"total":{i},"from_key_industries":0}}}}"#),
                1 => "not json".to_owned(),
                2 => String::new(),
                _ => format!(r#"{{"id":"s{i}","question":"studio_quota","facts":{{"total_slots":3,"advanced_manufacturing_slots":1}}}}"#),
            });
            input.push('\n');
        }
        let run = |jobs| {
            let mut out = Vec::new();
            let mut counts = Counts::default();
            answer_in_blocks(input.as_bytes(), &mut out, jobs, &mut counts, 700).unwrap();
            (out, counts.decisions, counts.errors)
        };
        let one = run(1);
        assert_eq!(
            one.0,
            gonghui::evaluate_lines(input.as_bytes()).into_bytes()
        );
        assert_eq!((one.1, one.2), (2_000, 2_000));
        for jobs in [2, 3, 8] {
            let many = run(jobs);
            assert!(many == one, "--jobs {jobs} differs");
        }
    }
}
