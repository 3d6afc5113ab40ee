#!/usr/bin/env bash
# Builds the Java binding into target/java/ (Java 8 bytecode, over JNA):
#   target/java/gonghui-VERSION.jar        the classes, and the native library if given
#
#   bindings/java/build.sh [--native LIB]  LIB (e.g. target/release/libgonghui_ffi.so) is
#                                          packed into the jar under JNA's platform prefix
#                                          (linux-x86-64/), where JNA finds it by itself
# Environment: JNA_JAR (default /usr/share/java/jna.jar), OUT (default target/java).
# Prints the jar's path. Rebuilds only what is older than its sources.
set -euo pipefail
cd "$(dirname "$0")/../.."
jna_jar=${JNA_JAR:-/usr/share/java/jna.jar}
out=${OUT:-target/java}
native=""
if [ "${1:-}" = "--native" ]; then
    native=${2:?--native needs the path of the library}
    [ -f "$native" ] || { echo "error: no native library at $native" >&2; exit 1; }
fi
[ -f "$jna_jar" ] || { echo "error: no JNA jar at $jna_jar (apt install libjna-java)" >&2; exit 1; }

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
jar_file=$out/gonghui-$version.jar

# JNA's resource prefix for this machine (com.sun.jna.Platform.RESOURCE_PREFIX).
case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) prefix=linux-x86-64 ;;
    Linux-aarch64) prefix=linux-aarch64 ;;
    Darwin-x86_64) prefix=darwin-x86-64 ;;
    Darwin-arm64) prefix=darwin-aarch64 ;;
    *) prefix="" ;;
esac

sources=bindings/java/src/main/java
mkdir -p "$out"
stamp=$out/classes.stamp
if [ ! -f "$stamp" ] || [ -n "$(find "$sources" bindings/java/build.sh -newer "$stamp" -print -quit)" ]; then
    rm -rf "$out/classes"
    mkdir -p "$out/classes"
    find "$sources" -name '*.java' > "$out/sources.txt"
    javac --release 8 -Xlint:all -Werror -encoding UTF-8 -cp "$jna_jar" -d "$out/classes" @"$out/sources.txt"
    touch "$stamp"
fi

if [ ! -f "$jar_file" ] || [ "$stamp" -nt "$jar_file" ] || { [ -n "$native" ] && [ "$native" -nt "$jar_file" ]; } ||
    [ "$(cat "$jar_file.native" 2>/dev/null)" != "$native" ]; then
    staging=$out/jar-staging
    rm -rf "$staging"
    mkdir -p "$staging/META-INF"
    cp -R "$out/classes/." "$staging/"
    if [ -n "$native" ]; then
        [ -n "$prefix" ] || { echo "error: unknown JNA platform prefix for $(uname -sm)" >&2; exit 1; }
        mkdir -p "$staging/$prefix"
        cp "$native" "$staging/$prefix/"
    fi
    cat > "$out/manifest.txt" <<MANIFEST
Automatic-Module-Name: io.github.gonghui
Implementation-Title: gonghui
Implementation-Version: $version
MANIFEST
    rm -f "$jar_file"
    jar --create --file "$jar_file" --manifest "$out/manifest.txt" -C "$staging" .
    echo "$native" > "$jar_file.native"
    rm -rf "$staging"
fi
echo "$jar_file"
