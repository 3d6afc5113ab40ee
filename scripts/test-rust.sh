#!/usr/bin/env bash
# The Rust side: formatting, lints (warnings are errors), and every test of
# the workspace (core unit tests, the conformance corpus, properties, the
# command line, the FFI and WASM crates on the host, doc examples), then the
# typed-API example.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/ensure.sh
ensure_rust_component rustfmt
ensure_rust_component clippy

cargo fmt --all -- --check
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo test --quiet --workspace
cargo run --quiet -p gonghui --example applicant >/dev/null
