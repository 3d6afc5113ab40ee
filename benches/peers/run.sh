#!/usr/bin/env bash
# The peer comparison against GoRules' ZEN engine (docs/PERFORMANCE.md): builds
# benches/peers into target/peers (its own workspace and lockfile: zen-engine's
# tree of some 500 crates never enters the main build; the first build takes
# several minutes), waits for a quiet machine, and decides the same million
# mutual-aid cases with the plain function, gonghui's typed API, evaluate_json and
# ZEN, checking that every amount agrees.
#
#   benches/peers/run.sh [CASES [ROUNDS]]
#   PEERS_TARGET=DIR benches/peers/run.sh   (another target directory, e.g. to share
#                                            one build of zen-engine between checkouts)
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../lib/quiet.sh
. benches/lib/quiet.sh
CARGO_TARGET_DIR=${PEERS_TARGET:-target/peers} cargo build --quiet --release --locked \
    --manifest-path benches/peers/Cargo.toml
wait_quiet
measured "${PEERS_TARGET:-target/peers}"/release/gonghui-peers "$@"
