#!/usr/bin/env bash
# `gonghui eval` over a file of 1,000,000 JSON Lines (docs/PERFORMANCE.md): the
# example population (examples/population/requests.jsonl, 4,000 requests of every
# kind) 250 times over, answered to /dev/null by the release build, timed by
# hyperfine (5 runs after a warm-up; the median is quoted) on one thread and with
# `--jobs 2`. Prints lines per second, and the CPU time per line.
#
#   benches/eval.sh [JOBS ...]          (default: 1 2)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/quiet.sh
. benches/lib/quiet.sh
command -v hyperfine >/dev/null || apt-get install -y -q hyperfine >/dev/null
cargo build --quiet --release -p gonghui-cli
gonghui=target/release/gonghui
file=target/bench/eval-1m.jsonl
population=examples/population/requests.jsonl
mkdir -p target/bench
if [ ! -f "$file" ] || [ "$population" -nt "$file" ]; then
    for _ in $(seq 250); do cat "$population"; done >"$file"
fi
lines=$(wc -l <"$file")
[ "$#" -gt 0 ] || set -- 1 2
for jobs in "$@"; do
    if [ "$jobs" != 1 ] && ! "$gonghui" eval --help | grep -q -- '--jobs'; then
        echo "gonghui eval has no --jobs: skipping --jobs $jobs"
        continue
    fi
    option=()
    [ "$jobs" = 1 ] || option=(--jobs "$jobs")
    json=target/bench/eval-jobs$jobs.json
    wait_quiet
    measured hyperfine --style none --warmup 1 --runs 5 --export-json "$json" \
        "$gonghui eval --quiet ${option[*]} $file >/dev/null" >&2
    python3 - "$json" "$lines" "$jobs" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))["results"][0]
lines, jobs = int(sys.argv[2]), sys.argv[3]
median, cpu = result["median"], result["user"] + result["system"]
times = ", ".join(f"{t:.2f}" for t in sorted(result["times"]))
print(f"gonghui eval --jobs {jobs}: {lines:,} lines in {median:.2f} s (runs {times} s): "
      f"{lines / median:,.0f} lines/s; {cpu / lines * 1e9:.0f} ns of CPU a line")
print(f"figure\teval_jobs{jobs}_lines_per_s\t{lines / median:.0f}")
PY
done
