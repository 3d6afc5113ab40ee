#!/usr/bin/env bash
# Callgrind profiles of the mutual-aid path (docs/PERFORMANCE.md): instructions
# per request of each entry point, and the functions that cost the most
# (inclusive), from the program crates/gonghui/benches/profile.rs. Instruction
# counts do not depend on the machine's load. Built with the bench profile (the
# release one: LTO, one codegen unit) into target/profile; inlined functions count
# in their callers.
#
#   benches/profile.sh [MODE ...]    (default: evaluate_json answer parse explain typed)
#   TOP=30 benches/profile.sh evaluate_json      (more functions)
#
# The raw profiles stay in target/bench/callgrind.MODE.out for callgrind_annotate.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=target/profile
cargo bench --quiet -p gonghui --bench profile --no-run 2>/dev/null
program=$(find target/profile/release/deps -maxdepth 1 -type f -executable -name 'profile-*' -printf '%T@ %p\n' \
    | sort -n | tail -n 1 | cut -d' ' -f2)
mkdir -p target/bench
[ "$#" -gt 0 ] || set -- evaluate_json answer parse explain typed
for mode in "$@"; do
    out=target/bench/callgrind.$mode.out
    summary=$(valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect='*measured*' \
        "$program" "$mode" 1 2>&1 >/dev/null | sed -n 's/.*Collected : //p')
    requests=$(grep -c '"mutual_aid_subsidy"' examples/population/requests.jsonl)
    echo "== $mode (the population's $requests mutual-aid requests, half in English)"
    python3 benches/lib/callgrind_summary.py "$out" "$requests" "${TOP:-12}"
    echo "figure	callgrind_${mode}_instructions	$((summary / requests))"
done
