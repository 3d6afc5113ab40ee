#!/usr/bin/env bash
# Builds the Java binding's jar with the native library for x86-64 and for AArch64 Linux
# (linux-x86-64/ and linux-aarch64/libgonghui_ffi.so inside, where JNA finds the one for the
# machine it runs on). The AArch64 library is cross-compiled: the rustup target, Debian's
# cross linker and C library are installed when missing.
#
#   scripts/build-jar.sh [--profile PROFILE]     prints the jar's path
#
# PROFILE is the Cargo profile of both libraries: release (the default; LTO, one codegen
# unit) for a jar to ship, dev for the tests. Environment: as bindings/java/build.sh (OUT,
# JNA_JAR).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/ensure.sh
. scripts/lib/ensure.sh

profile=release
if [ "${1:-}" = --profile ]; then
    profile=${2:?--profile needs a name}
fi
case "$profile" in dev | test) dir=debug ;; bench) dir=release ;; *) dir=$profile ;; esac
cross=aarch64-unknown-linux-gnu
target_dir=${CARGO_TARGET_DIR:-target}

ensure_apt gcc-aarch64-linux-gnu libc6-dev-arm64-cross libjna-java
ensure_rust_target "$cross"

export CARGO_TERM_QUIET=true
cargo build --profile "$profile" -p gonghui-ffi
# The linker for the target is set in .cargo/config.toml (aarch64-linux-gnu-gcc).
cargo build --profile "$profile" -p gonghui-ffi --target "$cross"
bindings/java/build.sh --native "$target_dir/$dir/libgonghui_ffi.so" \
    --native "$target_dir/$cross/$dir/libgonghui_ffi.so"
