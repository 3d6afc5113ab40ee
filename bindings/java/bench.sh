#!/usr/bin/env bash
# The benchmark behind the figures in bindings/java/README.md: the cost of Gonghui.evaluate
# per call and of one request inside Gonghui.evaluateBatch (10,000 mutual-aid requests),
# with the C ABI's own figures beside them (the difference is JNA's share).
#
#   bindings/java/bench.sh [REQUESTS [ROUNDS]]
#
# Uses the release build of the library (LTO: the first build takes a few minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TERM_QUIET=true
jna_jar=${JNA_JAR:-/usr/share/java/jna.jar}
cargo build --release -p gonghui-ffi
lib_dir=${CARGO_TARGET_DIR:-target}/release
out=target/java-bench
mkdir -p "$out/bench-classes"

gcc -std=c99 -Wall -Wextra -Werror -O2 -Ibindings/c/include bindings/c/bench/bench.c \
    -o "$out/bench-c" -L"$lib_dir" -lgonghui_ffi -Wl,-rpath,"$(cd "$lib_dir" && pwd)"
jar_file=$(OUT=$out bindings/java/build.sh)
javac --release 8 -Xlint:all -Werror -encoding UTF-8 -cp "$jar_file:$jna_jar" -d "$out/bench-classes" \
    bindings/java/src/bench/java/io/github/gonghui/Bench.java

echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)"
"$out/bench-c" "$@"
# A fixed, modest heap, as a back office would set one: with the default heap (a quarter of
# this machine's 24 GiB) G1 keeps growing the young generation into fresh pages, and the
# first touch of each page (some 400,000 page faults a run) made Java's figures swing from
# 7 to 34 µs a call between identical runs; with -Xmx512m they repeat to 1-2%.
java -Xmx512m -Djna.library.path="$lib_dir" -cp "$jar_file:$jna_jar:$out/bench-classes" io.github.gonghui.Bench "$@"
