//! JSON Lines, both ways they are read: the core's batch
//! (`gonghui::evaluate_lines`) and the command line's streaming `LineReader`
//! (its source file included as is, so that what is fuzzed is what ships).
//!
//! The first two bytes pick the reader's line limit (1–1021 bytes, small, so
//! that over-long lines are common) and its buffer size (1–16 bytes, so that
//! line ends and `\r\n` fall across reads); the rest is the input.
#![no_main]

use std::io::BufReader;

use gonghui::batch::{line_content, lines};
use gonghui_fuzz::{check_answer, count_lines};
use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../crates/gonghui-cli/src/lines.rs"]
mod cli_lines;

use cli_lines::{Line, LineReader};

fuzz_target!(|data: &[u8]| {
    let [limit, capacity, input @ ..] = data else {
        return;
    };
    let limit = usize::from(*limit) * 4 + 1;
    let capacity = usize::from(capacity % 16) + 1;

    // The core's batch: one answer per line, in order, each the line's own.
    let expected: Vec<&[u8]> = lines(input).collect();
    assert_eq!(expected.len(), count_lines(input));
    let out = gonghui::evaluate_lines(input);
    assert!(out.is_empty() || out.ends_with('\n'));
    let answers: Vec<&str> = out.lines().collect();
    assert_eq!(answers.len(), expected.len(), "one answer per line");
    for (line, answer) in expected.iter().zip(&answers) {
        check_answer(answer);
        assert_eq!(gonghui::evaluate_bytes(line), *answer);
    }

    // The command line's reader, with a small limit: the same lines, and a
    // line over the limit reported with the size the core would report.
    let mut reader = LineReader::new(BufReader::with_capacity(capacity, input), limit);
    let mut read = 0;
    while let Some(line) = reader.next_line().expect("reading a slice never fails") {
        let want = expected.get(read).expect("no more lines than the core");
        match line {
            Line::Complete(bytes) => {
                assert!(want.len() <= limit, "a line over the limit was kept");
                assert_eq!(line_content(bytes), *want);
            }
            Line::TooLong { bytes } => {
                assert!(want.len() > limit, "a line within the limit was refused");
                assert_eq!(bytes, want.len(), "the size of the refused line");
            }
        }
        read += 1;
    }
    assert_eq!(read, expected.len(), "every line read");
});
