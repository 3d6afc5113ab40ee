#!/usr/bin/env bash
# The C ABI and the Java binding, from a fresh Debian 12 with Rust, Java 17, gcc and valgrind:
# installs what is missing (libjna-java, junit5, pkg-config, cbindgen 0.29, the AArch64 cross
# toolchain and qemu-user), then
#   1. builds crates/gonghui-ffi (debug) and runs its Rust unit tests;
#   2. fails when bindings/c/include/gonghui.h is stale, and compiles it as C99 and C++;
#   3. installs the C library into a prefix (scripts/install-c.sh) and runs the C suite
#      (bindings/c/tests), built against it with pkg-config, under valgrind: the conformance
#      corpus, hostile inputs, 8 threads, and policy files (the example's corpus under a
#      handle, 8 threads sharing it, the broken file's problems, hostile files); any failure,
#      memory error or leak fails;
#   4. cross-compiles the library and the C suite for AArch64 and runs the suite under
#      qemu-aarch64: the same bytes on the other architecture the jar carries;
#   5. builds the jar with both libraries (scripts/build-jar.sh; Java 8 bytecode) and runs its
#      JUnit 5 suite under LC_ALL=C;
#   6. builds and runs examples/c against the installed library (pkg-config; shared and
#      static) and examples/java from the jar alone.
# Incremental: target/ is reused; C and Java are recompiled only when their sources change,
# and a suite whose inputs (library, test programs, corpus) are byte for byte those of its
# last pass is not rerun (GONGHUI_RERUN=1 reruns everything). Quiet: one line per step; the
# full log of a failing step is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/ensure.sh
source scripts/lib/ensure.sh
export CARGO_TERM_QUIET=true

out=target/c-java
mkdir -p "$out"
lib_dir=${CARGO_TARGET_DIR:-target}/debug
cross=aarch64-unknown-linux-gnu
cross_lib_dir=${CARGO_TARGET_DIR:-target}/$cross/debug
java_share=/usr/share/java
junit_jar=$java_share/junit-platform-console-standalone.jar
jna_jar=$java_share/jna.jar
corpus=tests/conformance
# The example policy files' corpus (tests/policies/STEM.*) and the files (examples/policies/STEM.json).
policy_corpus=tests/policies
policy_files=examples/policies

# run LOG CMD...: runs CMD with its output in $out/LOG; on failure prints the log and exits.
run() {
    local log=$out/$1
    shift
    if ! "$@" > "$log" 2>&1; then
        cat "$log" >&2
        echo "error: failed: $* (log: $log)" >&2
        exit 1
    fi
}

# inputs_hash PATH...: one hash over the contents of the files (and files under directories).
inputs_hash() {
    find -L "$@" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
}

# passed_before NAME HASH: true when suite NAME last passed with inputs HASH (its summary
# is then printed again); record_pass NAME HASH SUMMARY records a pass.
passed_before() {
    [ "${GONGHUI_RERUN:-0}" != 1 ] && [ -f "$out/$1.passed" ] &&
        [ "$(head -n 1 "$out/$1.passed")" = "$2" ] &&
        tail -n +2 "$out/$1.passed" | sed '1s/$/ [inputs unchanged since this pass: not rerun]/'
}
record_pass() {
    printf '%s\n%s\n' "$2" "$3" > "$out/$1.passed"
    echo "$3"
}

# stale OUTPUT INPUT...: true when OUTPUT is missing or older than one of the INPUTs.
stale() {
    local output=$1 input
    shift
    [ -e "$output" ] || return 0
    for input in "$@"; do
        [ "$input" -nt "$output" ] && return 0
    done
    return 1
}

ensure_apt gcc g++ libc6-dev valgrind pkg-config unzip libjna-java junit5 \
    gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user
ensure_rust_target "$cross"
ensure_cargo_tool cbindgen cbindgen 0.29.4

# 1. The library, and its Rust unit tests.
run cargo-build.log cargo build -p gonghui-ffi
run cargo-test.log cargo test -p gonghui-ffi
echo "ffi: $(grep -h '^test result' "$out/cargo-test.log" | head -n 1)"

# 2. The header: committed, not stale, valid C99 and C++.
bindings/c/gen-header.sh --verify
header=bindings/c/include/gonghui.h
run header-c.log gcc -std=c99 -pedantic -Wall -Wextra -Werror -fsyntax-only -x c "$header"
run header-cxx.log g++ -std=c++11 -Wall -Wextra -Werror -fsyntax-only -x c++ "$header"
echo "header: up to date, compiles as C99 and C++11"

# 3. The library installed as a C project finds it, and the C suite under valgrind.
prefix=$PWD/$out/prefix
run install.log scripts/install-c.sh --profile dev "$prefix"
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
read -r -a pc_cflags <<<"$(pkg-config --cflags gonghui)"
read -r -a pc_libs <<<"$(pkg-config --libs gonghui)"
c_flags=(-std=c99 -Wall -Wextra -Werror -pedantic -g -O1 "${pc_cflags[@]}")
c_link=("${pc_libs[@]}" -Wl,-rpath,"$prefix/lib" -pthread)
c_test=$out/test_gonghui
if stale "$c_test" bindings/c/tests/test_gonghui.c "$prefix/include/gonghui.h" "$prefix/lib/pkgconfig/gonghui.pc"; then
    run c-build.log gcc "${c_flags[@]}" bindings/c/tests/test_gonghui.c -o "$c_test" "${c_link[@]}"
fi
# The shared library the suite loads (not the static archive, which cargo rewrites whenever
# another command's feature set rebuilds the crate, with the same code).
c_hash=$(inputs_hash "$c_test" "$prefix/lib/libgonghui.so" "$corpus" "$policy_corpus" "$policy_files" \
    bindings/c/tests/valgrind.supp scripts/test-c-java.sh)
if ! passed_before c-suite "$c_hash"; then
    rm -f "$out/c-suite.passed"
    valgrind_log=$out/valgrind.log
    set +e
    valgrind --quiet --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
        --num-callers=64 --suppressions=bindings/c/tests/valgrind.supp --error-exitcode=99 \
        --log-file="$valgrind_log" "$c_test" "$corpus" "$policy_corpus" "$policy_files" > "$out/c-test.log" 2>&1
    status=$?
    set -e
    if [ "$status" -ne 0 ] || [ -s "$valgrind_log" ]; then
        cat "$out/c-test.log" >&2
        if [ "$status" -eq 99 ] || [ -s "$valgrind_log" ]; then
            cat "$valgrind_log" >&2
            echo "error: valgrind found memory errors or leaks in the C suite (log: $valgrind_log)" >&2
        else
            echo "error: the C suite failed (exit $status; log: $out/c-test.log)" >&2
        fi
        exit 1
    fi
    record_pass c-suite "$c_hash" "$(cat "$out/c-test.log")
valgrind: 0 errors, 0 leaks (memcheck --leak-check=full --errors-for-leak-kinds=all); \
linked against the installed $(readelf -d "$prefix/lib/libgonghui.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p') through pkg-config"
fi

# 4. AArch64: the library cross-compiled, installed into its own prefix, and the C suite
# cross-compiled against it, run under user-mode qemu with Debian's AArch64 C library.
cross_prefix=$PWD/$out/prefix-aarch64
run cross-install.log scripts/install-c.sh --profile dev --target "$cross" "$cross_prefix"
cross_test=$out/test_gonghui-aarch64
if stale "$cross_test" bindings/c/tests/test_gonghui.c "$cross_prefix/include/gonghui.h"; then
    run cross-build.log aarch64-linux-gnu-gcc -std=c99 -Wall -Wextra -Werror -pedantic -O1 \
        -I"$cross_prefix/include" bindings/c/tests/test_gonghui.c -o "$cross_test" \
        -L"$cross_prefix/lib" -lgonghui -Wl,-rpath,"$cross_prefix/lib" -pthread
fi
cross_hash=$(inputs_hash "$cross_test" "$cross_prefix/lib/libgonghui.so" "$corpus" "$policy_corpus" \
    "$policy_files" scripts/test-c-java.sh)
if ! passed_before c-aarch64 "$cross_hash"; then
    rm -f "$out/c-aarch64.passed"
    run c-aarch64.log qemu-aarch64 -L /usr/aarch64-linux-gnu "$cross_test" "$corpus" "$policy_corpus" \
        "$policy_files"
    record_pass c-aarch64 "$cross_hash" "AArch64 (qemu-aarch64): $(paste -sd";" "$out/c-aarch64.log" | sed "s/;/; /")"
fi

# 5. The jar, with the libraries of both architectures, and its JUnit suite (on this one).
jar_file=$(OUT=target/java scripts/build-jar.sh --profile dev)
jar_natives=$(unzip -Z1 "$jar_file" '*/libgonghui_ffi.so' | sort | paste -sd' ')
[ "$jar_natives" = "linux-aarch64/libgonghui_ffi.so linux-x86-64/libgonghui_ffi.so" ] ||
    { echo "error: the jar's native libraries are: $jar_natives" >&2; exit 1; }
# The AArch64 library in the jar is the one qemu ran the C suite against.
unzip -p "$jar_file" linux-aarch64/libgonghui_ffi.so | cmp -s - "$cross_lib_dir/libgonghui_ffi.so" ||
    { echo "error: the jar's AArch64 library is not $cross_lib_dir/libgonghui_ffi.so" >&2; exit 1; }
test_classes=target/java/test-classes
test_stamp=target/java/test-classes.stamp
if [ ! -f "$test_stamp" ] || [ target/java/classes.stamp -nt "$test_stamp" ] ||
    [ -n "$(find bindings/java/src/test -newer "$test_stamp" -print -quit)" ]; then
    rm -rf "$test_classes"
    mkdir -p "$test_classes"
    run java-test-build.log javac --release 8 -Xlint:all -Werror -encoding UTF-8 \
        -cp "target/java/classes:$jna_jar:$junit_jar" -d "$test_classes" \
        $(find bindings/java/src/test -name '*.java')
    touch "$test_stamp"
fi
java_hash=$(inputs_hash target/java/classes "$test_classes" "$lib_dir/libgonghui_ffi.so" "$corpus" \
    "$policy_corpus" "$policy_files" "$jna_jar" "$junit_jar" scripts/test-c-java.sh)
if ! passed_before java-suite "$java_hash"; then
    rm -f "$out/java-suite.passed"
    # LC_ALL=C: the JVM's default charset is then ASCII, so any reliance on it would show.
    run java-test.log env LC_ALL=C java -Djna.library.path="$lib_dir" -Dgonghui.corpus="$corpus" \
        -Dgonghui.policies="$policy_corpus" -Dgonghui.policyFiles="$policy_files" \
        -Dgonghui.test.asciiLocale=true -jar "$junit_jar" --disable-banner --details=summary \
        --disable-ansi-colors --fail-if-no-tests \
        --class-path "target/java/classes:$test_classes:$jna_jar" --scan-class-path
    java_tests=$(sed -n 's/.*\[ *\([0-9]*\) tests successful *\].*/\1/p' "$out/java-test.log")
    record_pass java-suite "$java_hash" "Java: $java_tests JUnit tests passed under LC_ALL=C; \
$(grep -h '^Java corpus:' "$out/java-test.log" | head -n 1 | sed 's/^Java corpus: /corpus: /') byte-identical \
(strings and bytes); jar: $jar_natives"
fi

# 6. The examples, as a reader would build them: C against the installed library (shared,
# then static), Java from the jar alone.
c_example=$out/example_c
c_example_static=$out/example_c_static
if stale "$c_example" examples/c/main.c "$prefix/lib/pkgconfig/gonghui.pc" "$prefix/lib/libgonghui.a"; then
    # shellcheck disable=SC2046 # pkg-config's flags are words
    run example-c-build.log gcc -std=c99 -Wall -Wextra -Werror examples/c/main.c -o "$c_example" \
        $(pkg-config --cflags --libs gonghui) -Wl,-rpath,"$(pkg-config --variable=libdir gonghui)"
    # Static: the archive, then the system libraries the .pc file lists as Libs.private.
    # shellcheck disable=SC2046
    run example-c-static-build.log gcc -std=c99 -Wall -Wextra -Werror examples/c/main.c \
        -o "$c_example_static" $(pkg-config --cflags gonghui) \
        "$(pkg-config --variable=libdir gonghui)/libgonghui.a" \
        $(sed -n 's/^Libs.private: //p' "$prefix/lib/pkgconfig/gonghui.pc")
fi
run example-c.log "$c_example"
run example-c-static.log "$c_example_static"
for log in example-c.log example-c-static.log; do
    grep -q '"question":"mutual_aid_subsidy"' "$out/$log" ||
        { cat "$out/$log" >&2; echo "error: examples/c printed no answer ($log)" >&2; exit 1; }
done
readelf -d "$c_example_static" | grep -q 'NEEDED.*libgonghui' &&
    { echo "error: the static example needs libgonghui.so" >&2; exit 1; }
java_example=target/java/example
if stale "$java_example/Main.class" examples/java/Main.java "$jar_file"; then
    mkdir -p "$java_example"
    run example-java-build.log javac --release 8 -Xlint:all -Werror -encoding UTF-8 \
        -cp "$jar_file:$jna_jar" -d "$java_example" examples/java/Main.java
fi
# No jna.library.path: the library comes out of the jar.
run example-java.log env LC_ALL=C java -cp "$jar_file:$jna_jar:$java_example" Main
grep -q '"question":"mutual_aid_subsidy"' "$out/example-java.log" ||
    { cat "$out/example-java.log" >&2; echo "error: examples/java printed no answer" >&2; exit 1; }
echo "examples: examples/c against the installed library (pkg-config; shared and static) and examples/java (library loaded from the jar) answered"
