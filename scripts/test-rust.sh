#!/usr/bin/env bash
# The Rust side: formatting, lints (warnings are errors; the WebAssembly crate also with the
# Node build's feature), and every test of the workspace (core unit tests, the conformance
# corpus, properties, the command line, the FFI and WASM crates on the host, doc examples),
# then the typed-API example, and the core crate as crates.io would get it: the files it
# must carry, a build of the packed crate on its own, and its docs with warnings denied.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/ensure.sh
ensure_rust_component rustfmt
ensure_rust_component clippy

cargo fmt --all -- --check
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet -p gonghui-wasm --all-targets --features node -- -D warnings
cargo test --quiet --workspace
cargo run --quiet -p gonghui --example applicant >/dev/null

# --allow-dirty: a working copy with uncommitted changes packs them too (CI's is clean).
packed=$(cargo package --quiet -p gonghui --allow-dirty --list)
for file in Cargo.toml README.md LICENSE LICENSE-MIT LICENSE-APACHE policy/jiangxi-1269.json src/lib.rs; do
    grep -qx "$file" <<<"$packed" || { echo "error: cargo package -p gonghui leaves out $file" >&2; exit 1; }
done
cargo package --quiet -p gonghui --allow-dirty
RUSTDOCFLAGS="-D warnings" cargo doc --quiet -p gonghui --no-deps
echo "crate: cargo package -p gonghui carries the policy, README and licences ($(wc -l <<<"$packed") files) and builds on its own; its docs build with warnings denied"
