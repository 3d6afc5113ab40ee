#!/usr/bin/env bash
# Generates the C header bindings/c/include/gonghui.h from crates/gonghui-ffi (cbindgen 0.29).
#   bindings/c/gen-header.sh           write the header
#   bindings/c/gen-header.sh --verify  fail, showing the difference, when the committed
#                                      header is not what cbindgen generates now
set -euo pipefail
cd "$(dirname "$0")/../.."
header=bindings/c/include/gonghui.h
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
cbindgen --quiet --config crates/gonghui-ffi/cbindgen.toml --crate gonghui-ffi \
    --output "$fresh" crates/gonghui-ffi
if [ "${1:-}" = "--verify" ]; then
    if ! diff -u "$header" "$fresh" >&2; then
        echo "error: $header is stale: run bindings/c/gen-header.sh and commit the result" >&2
        exit 1
    fi
else
    cp "$fresh" "$header"
fi
