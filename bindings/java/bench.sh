#!/usr/bin/env bash
# The benchmark behind the Java and C figures of docs/PERFORMANCE.md: the cost per request
# of each Java entry point (strings and bytes, one at a time and in batches of 10,000
# mutual-aid requests) beside the JVM's own cost of encoding a request and decoding an
# answer, JNA's direct mapping beside an interface mapping, and the C ABI's own figures
# (the difference is JNA's and the JVM's share).
#
#   bindings/java/bench.sh [REQUESTS [ROUNDS]]
#
# Uses the release build of the library (LTO), installed into target/java-bench/prefix.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TERM_QUIET=true
jna_jar=${JNA_JAR:-/usr/share/java/jna.jar}
out=target/java-bench
prefix=$PWD/$out/prefix
scripts/install-c.sh --profile release "$prefix" >/dev/null
lib_dir=${CARGO_TARGET_DIR:-target}/release
mkdir -p "$out/bench-classes"

gcc -std=c99 -Wall -Wextra -Werror -O2 -I"$prefix/include" bindings/c/bench/bench.c \
    -o "$out/bench-c" -L"$prefix/lib" -lgonghui -Wl,-rpath,"$prefix/lib"
jar_file=$(OUT=$out bindings/java/build.sh)
javac --release 8 -Xlint:all -Werror -encoding UTF-8 -cp "$jar_file:$jna_jar" -d "$out/bench-classes" \
    bindings/java/src/bench/java/io/github/gonghui/Bench.java

echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)"
"$out/bench-c" "$@"
# A fixed, modest heap, as a back office would set one: with the default heap (a quarter of
# this machine's 24 GiB) G1 keeps growing the young generation into fresh pages, and the
# first touch of each page (some 400,000 page faults a run) made Java's figures swing from
# 7 to 34 µs a call between identical runs; with -Xmx512m they repeat to 1-2%.
java -Xmx512m -Djna.library.path="$lib_dir" -Dgonghui.policyFile=examples/policies/example-extended-2027.json -cp "$jar_file:$jna_jar:$out/bench-classes" io.github.gonghui.Bench "$@"
