#!/usr/bin/env bash
# Builds the npm package's two WebAssembly builds from crates/gonghui-wasm, without
# wasm-pack: cargo → wasm-bindgen (the CLI pinned to the crate's exact version) → wasm-opt
# from the npm package binaryen (Debian's 108 emits modules that fail to load once reference
# types are on):
#
#   bindings/js/pkg/web    for browsers and bundlers: the smallest module (cargo profile
#                          `wasm`, opt-level "z"; wasm-opt -Oz), an ES module with init()
#   bindings/js/pkg/node   for Node: the fastest module (cargo profile `wasm-node`,
#                          opt-level 3, SIMD; wasm-opt -O3), CommonJS, loaded
#                          synchronously; `evaluateBytes` answers with Node Buffers
#
# docs/PERFORMANCE.md has the measurements behind each choice.
# The package's `exports` give Node the one and everything else the other. Also copies the
# licences beside package.json, for `npm pack`, and the browser build to examples/web/pkg.
# Installs what it needs; a second run with nothing changed does no work and prints nothing.
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

pkg=bindings/js/pkg
wasm_opt=bindings/js/node_modules/.bin/wasm-opt

# The features rustc enables by default for wasm32-unknown-unknown; wasm-opt must accept
# them, and may use no others (Node 18+ and current browsers have all of these).
features=(--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue)

# build DIR BINDGEN_TARGET CARGO_PROFILE "WASM_OPT_FLAGS" [CARGO_ARGS…]
build() {
    local dir=$pkg/$1 target=$2 profile=$3 opt_flags
    read -r -a opt_flags <<<"$4"
    shift 4
    cargo build --quiet --profile "$profile" --target wasm32-unknown-unknown -p gonghui-wasm "$@"
    local module=target/wasm32-unknown-unknown/$profile/gonghui_wasm.wasm
    local out=$dir/gonghui_wasm_bg.wasm
    if [ -f "$out" ] && [ "$out" -nt "$module" ] && [ "$out" -nt "$0" ]; then
        return 0
    fi
    rm -rf "$dir"
    wasm-bindgen --target "$target" --out-dir "$dir" "$module"
    # wasm-bindgen declares `[Symbol.dispose](): void` on every class (Policy), which
    # TypeScript reads only with the `esnext.disposable` library (5.2 and later): with
    # `lib: ["es2022"]` a strict project would fail on the package's own types. The method is
    # still there at run time, where the JavaScript engine has `Symbol.dispose`.
    sed -i '/^ *\[Symbol\.dispose\](): void;$/d' "$dir/gonghui_wasm.d.ts"
    "$wasm_opt" "${opt_flags[@]}" "${features[@]}" --strip-debug --strip-producers --strip-target-features \
        "$out" -o "$out.opt"
    mv "$out.opt" "$out"
}

build web web wasm -Oz
# Node (18 and later) runs WebAssembly SIMD, which makes the module some 15% faster; browsers
# before Safari 16.4 cannot load it, so the browsers' build goes without. The variable
# replaces the flags .cargo/config.toml gives this target, so they are repeated here.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS='--cfg sha2_backend_soft="compact" -C target-feature=+simd128' \
    build node nodejs wasm-node "-O3 --enable-simd" --features node
# wasm-bindgen's Node glue is CommonJS; the package itself is an ES module package.
printf '{ "type": "commonjs" }\n' >"$pkg/node/package.json"

# npm packs no symbolic links: the licences travel as copies (ignored by git).
cp -pu LICENSE LICENSE-MIT LICENSE-APACHE bindings/js/

# The demo page loads the browser build from beside itself (examples/web/pkg, ignored by git).
mkdir -p examples/web/pkg
cp -pu "$pkg"/web/gonghui_wasm.js "$pkg"/web/gonghui_wasm_bg.wasm "$pkg"/web/gonghui_wasm.d.ts examples/web/pkg/
