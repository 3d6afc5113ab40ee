#!/usr/bin/env bash
# The JavaScript side of the README's test command: builds the npm package's two WebAssembly
# modules (scripts/build-wasm.sh), then runs its tests (bindings/js/test): Node's, the
# Chromium test of the demo page, and the packed package installed offline into an empty
# project and used from require, import, TypeScript and an esbuild bundle in Chromium.
# Installs what it needs (Debian's chromium, a CJK font for the screenshots, the pinned
# wasm-bindgen CLI, the locked npm packages with esbuild); a second run with nothing changed
# installs and rebuilds nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/ensure.sh
. scripts/lib/ensure.sh

ensure_apt chromium fonts-wqy-microhei
scripts/build-wasm.sh

cd bindings/js
GONGHUI_REQUIRE_BROWSER=1 node --test --test-reporter=spec test/*.test.mjs
