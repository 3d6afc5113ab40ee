#!/usr/bin/env bash
# Every figure of docs/PERFORMANCE.md, then its table: the core's benchmarks
# (divan), `gonghui eval` over a million lines, the peer comparisons (ZEN,
# OpenFisca), the C and Java bindings, WASM in Node, and the callgrind profiles.
# Each part waits for a quiet machine first and measures at a raised priority
# (benches/lib/quiet.sh). Figures are
# kept in target/bench/figures.tsv, so that a part can be re-run alone and the
# table printed again.
#
#   benches/run-all.sh                 # every part (about 10 minutes once built)
#   benches/run-all.sh core peers      # some: core eval peers openfisca c-java wasm profile
#   benches/run-all.sh table           # only print the table
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/quiet.sh
. benches/lib/quiet.sh
figures=target/bench/figures.tsv
log=target/bench/run-all.log
mkdir -p target/bench
touch "$figures"

# Keeps the `figure` lines of standard input (key, value), replacing older
# values of the same keys; shows everything and keeps it in the log.
record() {
    local new
    new=$(tee -a "$log" >(cat >&2) | awk -F'\t' '$1 == "figure" { print $2 "\t" $3 }')
    awk -F'\t' 'NR == FNR { new[$1] = $2; next } !($1 in new) { print } END { for (k in new) print k "\t" new[k] }' \
        <(printf '%s\n' "$new") "$figures" | sort >"$figures.new"
    mv "$figures.new" "$figures"
}

part_core() {
    cargo bench --quiet -p gonghui --bench decide --no-run 2>/dev/null
    wait_quiet
    measured cargo bench --quiet -p gonghui --bench decide 2>&1 | tee target/bench/decide.txt \
        | python3 benches/lib/divan_figures.py
}

part_eval() { benches/eval.sh 1 2; }
part_peers() { benches/peers/run.sh; }
part_openfisca() { benches/peers/openfisca.sh; }

part_c_java() {
    cargo build --quiet --release -p gonghui-ffi
    wait_quiet
    measured bindings/java/bench.sh | tee target/bench/c-java.txt | python3 benches/lib/binding_figures.py c-java
}

part_wasm() {
    scripts/build-wasm.sh
    # Node's build (pkg/node, for speed), then the browsers' (pkg/web, for size) in Node.
    wait_quiet
    (cd bindings/js && measured node bench/evaluate.mjs 2 node) | tee target/bench/wasm.txt |
        python3 benches/lib/binding_figures.py wasm wasm
    wait_quiet
    (cd bindings/js && measured node bench/evaluate.mjs 2 web) | tee target/bench/wasm-web.txt |
        python3 benches/lib/binding_figures.py wasm wasm_web
}

part_profile() { benches/profile.sh; }

if [ "$#" -eq 0 ]; then
    set -- core eval peers openfisca c-java wasm profile
fi
for part in "$@"; do
    [ "$part" = table ] && continue
    echo "== $part ($(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$log" >&2
    "part_${part//-/_}" | record
done
echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1); $(git log -1 --format='commit %h')"
python3 benches/lib/table.py "$figures"
