#!/usr/bin/env bash
# Runs every test of every binding, installing what each needs (idempotently).
# This is the README's test command and exactly what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_QUIET=true
for step in scripts/test-rust.sh scripts/test-c-java.sh scripts/test-js.sh scripts/test-reliability.sh; do
    if [ -x "$step" ]; then
        echo "==> $step"
        "$step"
    fi
done
echo "==> all tests passed"
