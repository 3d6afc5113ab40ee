//! `gonghui eval`: one answer line per request line, in order, on one core
//! or on several.
//!
//! With `--jobs N` the input is read in blocks of lines, and N threads
//! answer whole blocks while the main thread reads the next ones and writes
//! the finished ones out, in order: reading, answering and writing overlap,
//! so that the N threads never wait on the input or the output. At most
//! 2N + 1 blocks are in flight, so memory stays bounded, and the output is
//! the same bytes as on one thread.

use std::io::{self, BufRead, Write};
use std::ops::Range;
use std::path::Path;
use std::process::ExitCode;

use gonghui::{Answer, Policy};

use crate::input::Input;
use crate::lines::{Line, LineReader};
use crate::out::{self, note};

/// `gonghui eval`: answers every line of `path` (standard input when absent
/// or `-`) under `policy` on `jobs` threads (0: one per core), and says how
/// many on standard error unless `quiet`. 0 when every line got a decision,
/// 1 when some got an error answer, 2 when the input could not be read or
/// the answers written.
pub fn command(policy: &Policy, path: Option<&Path>, quiet: bool, jobs: usize) -> ExitCode {
    let jobs = match jobs {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    let input = match Input::open(path) {
        Ok(input) => input,
        Err(e) => return out::failed(&e),
    };
    let mut out = out::stdout();
    let mut counts = Counts::default();
    let result =
        answer_all(policy, input.reader, &mut out, jobs, &mut counts).and_then(|()| out.flush());
    input.progress.finish_and_clear();
    if !quiet {
        let lines = counts.decisions + counts.errors;
        let plural =
            |n: u64, one: &'static str, many: &'static str| if n == 1 { one } else { many };
        note!(
            "{lines} {} read: {} {}, {} {}",
            plural(lines, "line", "lines"),
            counts.decisions,
            plural(counts.decisions, "decision", "decisions"),
            counts.errors,
            plural(counts.errors, "error", "errors"),
        );
    }
    match result {
        Err(e) => out::failed(&e),
        Ok(()) if counts.errors > 0 => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
    }
}

/// How many lines of answers went out, by kind.
#[derive(Default, Clone, Copy)]
struct Counts {
    decisions: u64,
    errors: u64,
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
/// ends early): about a millisecond and a half of work for a thread, so that
/// the threads share the input evenly and the last block finishes soon after
/// the others, and a block with its answers (about a megabyte) stays in the
/// thread's cache. Measured on two cores: 512 to 1,024 lines a block took
/// 4% less time than 4,096 and 6% less than 16,384.
const BLOCK_LINES: usize = 1024;
const BLOCK_BYTES: usize = 1 << 20;

/// One line of a block: where its content lies in the block's bytes, or the
/// size of a line too long to keep.
type BlockLine = Result<Range<usize>, usize>;

/// Appends the answer to `line` under `policy`, and a newline, to `text`;
/// whether it was a decision.
fn answer_into(policy: &Policy, line: Line<'_>, text: &mut String) -> bool {
    let decided = match line {
        Line::Complete(bytes) => {
            policy.evaluate_appending(gonghui::batch::line_content(bytes), text)
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

/// Answers every line of `input` under `policy` onto `out`, using `jobs`
/// threads.
fn answer_all(
    policy: &Policy,
    input: impl BufRead,
    out: &mut impl Write,
    jobs: usize,
    counts: &mut Counts,
) -> io::Result<()> {
    answer_in_blocks(policy, input, out, jobs, counts, BLOCK_LINES)
}

fn answer_in_blocks(
    policy: &Policy,
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
            counts.add(answer_into(policy, line, &mut text));
            if text.len() >= FLUSH_BYTES {
                out.write_all(text.as_bytes())?;
                text.clear();
            }
        }
        return out.write_all(text.as_bytes());
    }
    pipeline(policy, &mut reader, out, jobs, counts, block_lines)
}

/// A block of lines: their bytes one after the other, where each lies, and
/// once answered the answers and their counts. A block goes round and round,
/// its buffers reused: a fresh buffer of megabytes for every block would
/// cost the threads a page fault every four kilobytes of answers.
#[derive(Default)]
struct Block {
    bytes: Vec<u8>,
    lines: Vec<BlockLine>,
    answers: String,
    counts: Counts,
}

impl Block {
    /// Reads up to `max_lines` lines (fewer once `BLOCK_BYTES` are held);
    /// whether any was read.
    fn read(
        &mut self,
        reader: &mut LineReader<impl BufRead>,
        max_lines: usize,
    ) -> io::Result<bool> {
        self.bytes.clear();
        self.lines.clear();
        while self.lines.len() < max_lines && self.bytes.len() < BLOCK_BYTES {
            match reader.next_line()? {
                None => break,
                Some(Line::Complete(line)) => {
                    let start = self.bytes.len();
                    self.bytes.extend_from_slice(line);
                    self.lines.push(Ok(start..self.bytes.len()));
                }
                Some(Line::TooLong { bytes }) => self.lines.push(Err(bytes)),
            }
        }
        Ok(!self.lines.is_empty())
    }

    /// Answers every line under `policy`, in order.
    fn answer(&mut self, policy: &Policy) {
        self.answers.clear();
        self.counts = Counts::default();
        for line in &self.lines {
            let line = match line {
                Ok(range) => Line::Complete(&self.bytes[range.clone()]),
                Err(size) => Line::TooLong { bytes: *size },
            };
            self.counts
                .add(answer_into(policy, line, &mut self.answers));
        }
    }
}

/// A block answered, with its number in the input; or the panic of the
/// thread that answered it.
type Answered = Result<(usize, Block), Box<dyn std::any::Any + Send>>;

/// Reads blocks and hands them to `jobs` threads, then writes their answers
/// in input order as they come back.
fn pipeline(
    policy: &Policy,
    reader: &mut LineReader<impl BufRead>,
    out: &mut impl Write,
    jobs: usize,
    counts: &mut Counts,
    block_lines: usize,
) -> io::Result<()> {
    let in_flight = 2 * jobs + 1;
    let (work, to_do) = std::sync::mpsc::sync_channel::<(usize, Block)>(in_flight);
    let (answered, done) = std::sync::mpsc::channel::<Answered>();
    let to_do = std::sync::Mutex::new(to_do);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let (to_do, answered) = (&to_do, answered.clone());
            scope.spawn(move || {
                // The lock is held only while a block is taken; the loop ends
                // when the main thread stops sending.
                while let Ok(Ok((number, mut block))) = to_do.lock().map(|to_do| to_do.recv()) {
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        block.answer(policy);
                    }));
                    if answered.send(result.map(|()| (number, block))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(answered);
        let missing = || io::Error::other("a worker thread stopped; answers are missing");
        let mut writer = InOrder::default();
        let mut spare: Vec<Block> = Vec::new();
        let mut sent = 0;
        loop {
            // Room for one more block in flight: wait for the oldest to come
            // back (and write what is ready) before reading on.
            while sent - writer.next >= in_flight {
                let back = done.recv().map_err(|_| missing())?;
                writer.take(back, out, counts, &mut spare)?;
            }
            let mut block = spare.pop().unwrap_or_default();
            if !block.read(reader, block_lines)? {
                break;
            }
            work.send((sent, block)).map_err(|_| missing())?;
            sent += 1;
            while let Ok(back) = done.try_recv() {
                writer.take(back, out, counts, &mut spare)?;
            }
        }
        drop(work);
        for back in done {
            writer.take(back, out, counts, &mut spare)?;
        }
        if writer.next == sent {
            Ok(())
        } else {
            Err(missing())
        }
    })
}

/// Writes answered blocks in input order, keeping those that come back early.
#[derive(Default)]
struct InOrder {
    /// The number of the next block to write.
    next: usize,
    early: std::collections::BTreeMap<usize, Block>,
}

impl InOrder {
    /// Takes an answered block, writes every block now in order, and puts
    /// those written in `spare`.
    ///
    /// A thread panics only if the core does, which no input makes it do;
    /// should a bug do it, the panic goes on here, loudly, rather than a
    /// line be dropped.
    fn take(
        &mut self,
        answered: Answered,
        out: &mut impl Write,
        counts: &mut Counts,
        spare: &mut Vec<Block>,
    ) -> io::Result<()> {
        let (number, block) = answered.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        self.early.insert(number, block);
        while let Some(block) = self.early.remove(&self.next) {
            counts.merge(block.counts);
            out.write_all(block.answers.as_bytes())?;
            spare.push(block);
            self.next += 1;
        }
        Ok(())
    }
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
            answer_in_blocks(
                Policy::published(),
                input.as_bytes(),
                &mut out,
                jobs,
                &mut counts,
                700,
            )
            .unwrap();
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
