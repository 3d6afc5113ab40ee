#!/usr/bin/env bash
# Builds the npm package's WebAssembly (bindings/js/pkg/{node,web}) from crates/gonghui-wasm,
# without wasm-pack: cargo (profile `wasm`) → wasm-bindgen (the CLI pinned to the crate's
# exact version) → wasm-opt from the npm package binaryen (Debian's 108 emits modules that
# fail to load once reference types are on). Installs what it needs; a second run with
# nothing changed does no work and prints nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/ensure.sh
. scripts/lib/ensure.sh

# The CLI must equal the crate, pinned as `wasm-bindgen = { version = "=X" … }`.
wb_version=$(sed -n 's/^wasm-bindgen = .*"=\([0-9.]*\)".*/\1/p' crates/gonghui-wasm/Cargo.toml)
[ -n "$wb_version" ] || { echo "no exact wasm-bindgen pin in crates/gonghui-wasm/Cargo.toml" >&2; exit 1; }

ensure_rust_target wasm32-unknown-unknown
ensure_cargo_tool_resolved wasm-bindgen wasm-bindgen-cli "$wb_version"
ensure_npm_ci bindings/js

cargo build --quiet --profile wasm --target wasm32-unknown-unknown -p gonghui-wasm
module=target/wasm32-unknown-unknown/wasm/gonghui_wasm.wasm
pkg=bindings/js/pkg
wasm_opt=bindings/js/node_modules/.bin/wasm-opt

# The features rustc enables by default for wasm32-unknown-unknown; wasm-opt must accept
# them, and may use no others (Node 18+ and current browsers have all of these).
features=(--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue)

for target in nodejs web; do
    dir=$pkg/${target/nodejs/node}
    out=$dir/gonghui_wasm_bg.wasm
    if [ -f "$out" ] && [ "$out" -nt "$module" ] && [ "$out" -nt "$0" ]; then
        continue
    fi
    rm -rf "$dir"
    wasm-bindgen --target "$target" --out-dir "$dir" "$module"
    "$wasm_opt" -Oz "${features[@]}" --strip-debug --strip-producers --strip-target-features "$out" -o "$out.opt"
    mv "$out.opt" "$out"
done
# wasm-bindgen's Node glue is CommonJS; the package itself is an ES module package.
printf '{ "type": "commonjs" }\n' >"$pkg/node/package.json"

# The demo page loads the browser build from beside itself (examples/web/pkg, ignored by git).
mkdir -p examples/web/pkg
cp -pu "$pkg"/web/gonghui_wasm.js "$pkg"/web/gonghui_wasm_bg.wasm "$pkg"/web/gonghui_wasm.d.ts examples/web/pkg/
