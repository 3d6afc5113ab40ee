//! What the corpus tests share: where the workspace is, and the pairs of
//! request and answer files of a corpus folder.

use std::fs;
use std::path::{Path, PathBuf};

/// The workspace root, where `tests/` and `examples/` are.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `STEM.requests.jsonl` of `dir` with its `STEM.answers.jsonl`, by stem.
pub fn pairs(dir: &Path) -> Vec<(String, PathBuf, PathBuf)> {
    let mut pairs: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|_| panic!("{} exists", dir.display()))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let stem = path
                .file_name()?
                .to_str()?
                .strip_suffix(".requests.jsonl")?
                .to_owned();
            let answers = path.with_file_name(format!("{stem}.answers.jsonl"));
            Some((stem, path, answers))
        })
        .collect();
    pairs.sort();
    pairs
}
