#!/usr/bin/env bash
# Builds the Java binding into target/java/ (Java 8 bytecode, over JNA):
#   target/java/gonghui-VERSION.jar        the classes, and the native libraries given
#
#   bindings/java/build.sh [--native [PREFIX=]LIB]...
#
# Each LIB (e.g. target/release/libgonghui_ffi.so) is packed into the jar under JNA's
# platform prefix, where JNA finds the one for the running platform by itself. The prefix
# of a Linux library is read from its ELF header (linux-x86-64/, linux-aarch64/); give it as
# PREFIX=LIB for any other (darwin-aarch64=libgonghui_ffi.dylib). scripts/build-jar.sh
# builds the jar with the libraries for x86-64 and AArch64 Linux.
# Environment: JNA_JAR (default /usr/share/java/jna.jar), OUT (default target/java).
# Prints the jar's path. Rebuilds only what is older than its sources.
set -euo pipefail
cd "$(dirname "$0")/../.."
jna_jar=${JNA_JAR:-/usr/share/java/jna.jar}
out=${OUT:-target/java}
[ -f "$jna_jar" ] || { echo "error: no JNA jar at $jna_jar (apt install libjna-java)" >&2; exit 1; }

# elf_prefix LIB: JNA's resource prefix (com.sun.jna.Platform.RESOURCE_PREFIX) for a Linux
# library, from its ELF header: the class (32 or 64 bits) and the machine.
elf_prefix() {
    local magic class machine
    magic=$(od -An -tx1 -N4 "$1" | tr -d ' ')
    [ "$magic" = 7f454c46 ] || { echo "error: $1 is not an ELF library: give it as PREFIX=$1" >&2; return 1; }
    class=$(od -An -tu1 -j4 -N1 "$1" | tr -d ' ')
    machine=$(od -An -tu2 -j18 -N2 --endian=little "$1" | tr -d ' ')
    case "$class-$machine" in
        2-62) echo linux-x86-64 ;;
        2-183) echo linux-aarch64 ;;
        1-3) echo linux-x86 ;;
        1-40) echo linux-arm ;;
        *) echo "error: $1: no JNA prefix known for ELF class $class, machine $machine" >&2; return 1 ;;
    esac
}

natives=()
while [ $# -gt 0 ]; do
    case "$1" in
        --native)
            spec=${2:?--native needs the path of the library}
            shift 2
            if [ "${spec#*=}" != "$spec" ]; then
                prefix=${spec%%=*} lib=${spec#*=}
            else
                lib=$spec
                [ -f "$lib" ] || { echo "error: no native library at $lib" >&2; exit 1; }
                prefix=$(elf_prefix "$lib")
            fi
            [ -f "$lib" ] || { echo "error: no native library at $lib" >&2; exit 1; }
            natives+=("$prefix=$lib")
            ;;
        *) echo "error: unknown argument $1 (usage: build.sh [--native [PREFIX=]LIB]...)" >&2; exit 2 ;;
    esac
done

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
jar_file=$out/gonghui-$version.jar

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

# The jar is rebuilt when the classes or a library changed, or other libraries are asked for.
stale=false
[ -f "$jar_file" ] && [ ! "$stamp" -nt "$jar_file" ] || stale=true
[ "$(cat "$jar_file.native" 2>/dev/null)" = "${natives[*]}" ] || stale=true
for native in "${natives[@]}"; do
    [ "${native#*=}" -nt "$jar_file" ] && stale=true
done
if [ "$stale" = true ]; then
    staging=$out/jar-staging
    rm -rf "$staging"
    mkdir -p "$staging/META-INF"
    cp -R "$out/classes/." "$staging/"
    for native in "${natives[@]}"; do
        prefix=${native%%=*} lib=${native#*=}
        # The name JNA looks for (System.mapLibraryName("gonghui_ffi") on the platform).
        case "$prefix" in
            linux-* | freebsd-* | sunos-*) name=libgonghui_ffi.so ;;
            *) name=$(basename "$lib") ;;
        esac
        mkdir -p "$staging/$prefix"
        cp "$lib" "$staging/$prefix/$name"
    done
    cat > "$out/manifest.txt" <<MANIFEST
Automatic-Module-Name: io.github.gonghui
Implementation-Title: gonghui
Implementation-Version: $version
MANIFEST
    rm -f "$jar_file"
    jar --create --file "$jar_file" --manifest "$out/manifest.txt" -C "$staging" .
    echo "${natives[*]}" > "$jar_file.native"
    rm -rf "$staging"
fi
echo "$jar_file"
