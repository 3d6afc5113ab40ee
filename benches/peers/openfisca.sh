#!/usr/bin/env bash
# The peer comparison against OpenFisca-Core 46 (docs/PERFORMANCE.md): a
# virtualenv with the pinned versions of openfisca-requirements.txt (in
# target/bench/openfisca-venv), the million mutual-aid cases and gonghui's
# amounts written by gonghui-peers, OpenFisca's vectorised calculation checked
# against every amount, and the ratio to gonghui's typed batch by column
# (mutual_aid::Cases).
#
#   benches/peers/openfisca.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../lib/quiet.sh
. benches/lib/quiet.sh
venv=target/bench/openfisca-venv
requirements=benches/peers/openfisca-requirements.txt
mkdir -p target/bench
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if [ ! "$venv/.installed" -nt "$requirements" ]; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
    touch "$venv/.installed"
fi
CARGO_TARGET_DIR=${PEERS_TARGET:-target/peers} cargo build --quiet --release --locked \
    --manifest-path benches/peers/Cargo.toml
cases=target/bench/openfisca-cases.i64
wait_quiet
out=$(measured "${PEERS_TARGET:-target/peers}"/release/gonghui-peers openfisca-input "$cases")
echo "$out"
typed=$(awk -F'\t' '$2 == "openfisca_gonghui_columns_per_s" { print $3 }' <<<"$out")
# numpy's BLAS plays no part in these integer vector operations; the variables
# the machine sets for older OpenBLAS builds are left out all the same.
measured env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$venv/bin/python" benches/peers/openfisca.py "$cases" "$typed"
