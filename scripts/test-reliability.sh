#!/usr/bin/env bash
# Reliability (docs/RELIABILITY.md): hostile input, faults and load never crash
# gonghui or lose an answer. Run by scripts/test-all.sh after the other suites; installs what
# it needs (the nightly toolchain with miri and rust-src, cargo-fuzz, GNU time) and is quiet
# on success, one line per step:
#   1. differential: 3,300 generated requests (crates/gonghui/tests/differential.rs) through
#      the command line (one thread and two), the C ABI and the WebAssembly build in Node,
#      byte for byte against the core;
#   2. AddressSanitizer: the C suite (bindings/c/tests) over the conformance corpus (with the
#      policy files' part) and the generated one, after a canary proves that ASan and
#      LeakSanitizer see the library;
#   3. memory: `gonghui eval` on 2 MB and 20 MB of requests, a 100 MB line and a million-
#      element array, its peak RSS bounded and the same whatever the input's size;
#   4. miri: the core's pure modules (number, money, calendar, industry, share, batch,
#      clause) under miri;
#   5. fuzzing: the four cargo-fuzz targets (fuzz/) at once from their seed corpus, for
#      GONGHUI_FUZZ_SECONDS (default 60) seconds; a crash fails the step and leaves its input
#      in fuzz/artifacts/ (a target still running when another fails stops on its own time).
# Logs are in target/reliability/; a failing step prints its own.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/ensure.sh
source scripts/lib/ensure.sh
export CARGO_TERM_QUIET=true

out=target/reliability
mkdir -p "$out"
fuzz_seconds=${GONGHUI_FUZZ_SECONDS:-60}

# run LOG CMD...: runs CMD with its output in $out/LOG; on failure prints the log and exits.
run() {
    local log=$out/$1
    shift
    if ! "$@" >"$log" 2>&1; then
        tail -n 60 "$log" >&2
        echo "error: failed: $* (log: $log)" >&2
        exit 1
    fi
}

# peak_rss_kb LOG CMD...: runs CMD (its output in $out/LOG) and prints its peak RSS in KB.
peak_rss_kb() {
    local log=$out/$1
    shift
    /usr/bin/time -f '%M' -o "$out/rss" "$@" >"$log" 2>&1 || true
    tail -n 1 "$out/rss"
}

ensure_apt gcc libc6-dev time
ensure_rust_toolchain nightly
ensure_rust_component rust-src nightly
ensure_rust_component miri nightly
ensure_cargo_tool cargo-fuzz cargo-fuzz 0.13.2

# 1. Differential: the generated corpus, then each binding against it.
gen=$out/differential
run differential.log env GONGHUI_DIFFERENTIAL_DIR="$PWD/$gen" cargo test -p gonghui --test differential
requests=$gen/generated.requests.jsonl
answers=$gen/generated.answers.jsonl
cases=$(wc -l <"$requests")
run cli-build.log cargo build -p gonghui-cli -p gonghui-ffi
gonghui=target/debug/gonghui
for jobs in 1 2; do
    "$gonghui" eval -q --jobs "$jobs" "$requests" >"$gen/cli-$jobs.jsonl" || [ $? -eq 1 ]
    cmp -s "$gen/cli-$jobs.jsonl" "$answers" ||
        { echo "error: gonghui eval --jobs $jobs differs from the core (diff $gen/cli-$jobs.jsonl $answers)" >&2; exit 1; }
done
run wasm-build.log scripts/build-wasm.sh
run wasm-differential.log node scripts/reliability/wasm-differential.mjs "$requests" "$answers"
echo "differential: $cases generated requests, typed API = JSON = command line (1 and 2 threads) = WASM ($(tail -n 1 "$out/wasm-differential.log")); C below"

# 2. The C suite under AddressSanitizer (+ UBSan), the library's own allocations included,
# against the debug library installed as C programs find it (scripts/install-c.sh).
prefix=$PWD/$out/prefix
run install.log scripts/install-c.sh --profile dev "$prefix"
asan_flags=(-std=c99 -Wall -Wextra -Werror -pedantic -g -O1 -fsanitize=address,undefined
    -fno-omit-frame-pointer -fno-sanitize-recover=all -I"$prefix/include")
asan_link=(-L"$prefix/lib" -lgonghui -Wl,-rpath,"$prefix/lib" -pthread)
run asan-canary-build.log gcc "${asan_flags[@]}" scripts/reliability/asan-canary.c -o "$out/asan-canary" "${asan_link[@]}"
if "$out/asan-canary" >"$out/asan-canary.log" 2>&1 || ! grep -q "LeakSanitizer: detected memory leaks" "$out/asan-canary.log"; then
    cat "$out/asan-canary.log" >&2
    echo "error: the ASan canary's deliberate leak went unseen: the sanitizer is not watching" >&2
    exit 1
fi
run asan-build.log gcc "${asan_flags[@]}" bindings/c/tests/test_gonghui.c -o "$out/test_gonghui_asan" "${asan_link[@]}"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1
run asan-corpus.log "$out/test_gonghui_asan" tests/conformance tests/policies examples/policies
run asan-generated.log "$out/test_gonghui_asan" "$gen"
unset ASAN_OPTIONS
echo "AddressSanitizer + LeakSanitizer: C suite clean over the corpus, the policy files and the $cases generated requests (the canary's leak was caught)"

# 3. Memory: peak RSS of `gonghui eval` does not grow with the input, and stays bounded
# on the largest hostile lines.
mem=$out/memory
mkdir -p "$mem"
population=examples/population/requests.jsonl
: >"$mem/2mb.jsonl"
for _ in 1 2 3 4; do cat "$population" >>"$mem/2mb.jsonl"; done
: >"$mem/20mb.jsonl"
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$mem/2mb.jsonl" >>"$mem/20mb.jsonl"; done
head -c $((100 * 1024 * 1024)) /dev/zero | tr '\0' '9' >"$mem/100mb-line.jsonl"
printf '\n{"question":"catalog"}\n' >>"$mem/100mb-line.jsonl"
{
    printf '{"question":"nomination_share","facts":{"total":['
    for _ in $(seq 1000); do printf '0,%.0s' $(seq 1000); done
    printf '0],"from_key_industries":0}}\n'
} >"$mem/million-array.jsonl"
small=$(peak_rss_kb rss-2mb.log "$gonghui" eval -q "$mem/2mb.jsonl")
large=$(peak_rss_kb rss-20mb.log "$gonghui" eval -q "$mem/20mb.jsonl")
long=$(peak_rss_kb rss-100mb.log "$gonghui" eval -q "$mem/100mb-line.jsonl")
array=$(peak_rss_kb rss-array.log "$gonghui" eval -q "$mem/million-array.jsonl")
[ "$(wc -l <"$out/rss-20mb.log")" -eq "$(wc -l <"$mem/20mb.jsonl")" ] ||
    { echo "error: gonghui eval lost lines of the 20 MB input" >&2; exit 1; }
grep -q '"malformed_request"' "$out/rss-100mb.log" && grep -q '"malformed_request"' "$out/rss-array.log" ||
    { echo "error: the 100 MB line or the million-element array was not refused" >&2; exit 1; }
for figure in "2 MB:$small" "20 MB:$large" "100 MB line:$long" "million-element array:$array"; do
    [ "${figure#*:}" -lt 65536 ] ||
        { echo "error: gonghui eval peaked at ${figure#*:} KB on the ${figure%:*} input (bound: 64 MB)" >&2; exit 1; }
done
[ "$large" -lt $((small + 4096)) ] ||
    { echo "error: peak RSS grew with the input: $small KB on 2 MB, $large KB on 20 MB" >&2; exit 1; }
echo "memory: gonghui eval peak RSS $small KB on 2 MB, $large KB on 20 MB, $long KB on a 100 MB line, $array KB on a million-element array (bound 64 MB)"

# 4. Miri: undefined behaviour in the core's pure modules (the others read the policy file,
# too slow under the interpreter, as are the megabyte-long spellings of hostile_spellings).
# The core has no unsafe code: this checks the standard library's and the dependencies'
# unsafe code on these paths, and the arithmetic, with overflow checks on.
run miri.log env MIRIFLAGS=-Zmiri-disable-isolation PROPTEST_CASES=4 \
    cargo +nightly miri test -p gonghui --lib -- number:: money:: calendar:: industry:: \
    share:: batch:: clause:: --skip number::tests::hostile_spellings
echo "miri: $(grep -h '^test result' "$out/miri.log" | head -n 1)"

# 5. Fuzzing: a short run of every target from its seed corpus (fuzz/seed.sh) and what the
# earlier runs on this machine found (fuzz/corpus, not committed). The four run at once,
# sharing the machine's cores for GONGHUI_FUZZ_SECONDS of wall time.
run fuzz-seed.log fuzz/seed.sh
# The main workspace's versions, then libFuzzer's (fuzz/Cargo.toml).
[ fuzz/Cargo.lock -nt Cargo.lock ] || cp Cargo.lock fuzz/Cargo.lock
run fuzz-build.log cargo +nightly fuzz build
targets=(evaluate lines ffi policy)
pids=()
for target in "${targets[@]}"; do
    cargo +nightly fuzz run "$target" -- -max_total_time="$fuzz_seconds" -dict=fuzz/gonghui.dict \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$out/fuzz-$target.log" 2>&1 &
    pids+=($!)
done
summary=()
for i in "${!targets[@]}"; do
    target=${targets[$i]}
    log=$out/fuzz-$target.log
    if ! wait "${pids[$i]}"; then
        grep -a -m 1 -A 4 -E "panicked|ERROR: (libFuzzer|AddressSanitizer)" "$log" | cut -c1-400 >&2 ||
            tail -n 30 "$log" >&2
        echo "error: fuzz target $target failed (log: $log; input in fuzz/artifacts/$target/)" >&2
        exit 1
    fi
    summary+=("$target $(sed -n 's/^stat::number_of_executed_units: *//p' "$log") runs ($(ls "fuzz/corpus/$target" | wc -l) inputs)")
done
echo "fuzz: ${fuzz_seconds} s, no crash: $(IFS=,; echo "${summary[*]}" | sed 's/,/, /g')"
