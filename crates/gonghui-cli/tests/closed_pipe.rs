//! Every command ends quietly when its output is a pipe nobody reads any more
//! (`gonghui catalog --pretty | true`, `gonghui eval big.jsonl | head -1`):
//! ended by SIGPIPE, as `cat` or `grep` are, with nothing on standard error —
//! no panic, no "Broken pipe" — and no answer counted as given.
#![cfg(unix)]

mod common;
use common::gonghui_into_closed_pipe;

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example(path: &str) -> String {
    workspace().join(path).to_string_lossy().into_owned()
}

/// Far more answers than a pipe holds, so that the command is still writing
/// when the pipe is found closed, whatever it buffers.
fn many_requests() -> String {
    let line = r#"{"question":"nomination_share","facts":{"total":10,"from_key_industries":3}}"#;
    format!("{line}\n").repeat(5_000)
}

#[test]
fn every_command_ends_by_sigpipe_without_a_word() {
    let requests = example("examples/population/requests.jsonl");
    let applications = example("examples/population/applications.jsonl");
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["catalog"],
        vec!["catalog", "--pretty"],
        vec!["--help"],
        vec!["eval"],
        vec!["eval", "--jobs", "2"],
        vec!["eval", &requests],
        vec!["allocate", "--format", "table", &applications],
        vec!["allocate", "--format", "json", &applications],
        vec![
            "compare",
            "--format",
            "table",
            "--alternative",
            r#"{"venue.park.amount_fen":15000000}"#,
            &requests,
        ],
        vec!["budget", "--year", "2024", "--format", "table", &requests],
        vec![
            "schedule",
            "--chain",
            "steel",
            "--join-year",
            "2024",
            "--premium-fen",
            "100000",
            "--format",
            "table",
        ],
    ];
    let examples = example("examples/requests.jsonl");
    commands.push(vec!["verify", &examples, "-"]);
    commands.push(vec!["verify", "--format", "json", &examples, "-"]);
    commands.push(vec!["policy", "show"]);
    let stdin = many_requests();
    for args in &commands {
        let out = gonghui_into_closed_pipe(args, &stdin);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.is_empty(), "{args:?} said: {stderr}");
        assert_eq!(
            out.status.signal(),
            Some(libc::SIGPIPE),
            "{args:?} ended with {:?}",
            out.status
        );
    }
}
