#!/usr/bin/env bash
# Installs gonghui's C library into a prefix, as a C project expects to find it:
#
#   PREFIX/include/gonghui.h
#   PREFIX/lib/libgonghui.so.0.1.0        the shared library (SONAME libgonghui.so.0.1)
#   PREFIX/lib/libgonghui.so.0.1 -> libgonghui.so.0.1.0
#   PREFIX/lib/libgonghui.so     -> libgonghui.so.0.1
#   PREFIX/lib/libgonghui.a               the static library
#   PREFIX/lib/pkgconfig/gonghui.pc       for `pkg-config --cflags --libs gonghui`
#
# Usage: scripts/install-c.sh [--profile PROFILE] [--target TRIPLE] [--libdir DIR] PREFIX
#
#   --profile  the Cargo profile to build (default release: LTO, one codegen unit)
#   --target   a Rust target triple to cross-compile for (default: this machine)
#   --libdir   where the libraries go (default PREFIX/lib)
#   DESTDIR    staged installs, as packagers use it: files go to $DESTDIR$PREFIX while
#              gonghui.pc names PREFIX
#
# The SONAME follows the crate's version as semver reads it (crates/gonghui-ffi/build.rs):
# libgonghui.so.MAJOR from 1.0 on, libgonghui.so.0.MINOR before. Files already installed
# with the same contents are left as they are (install -C), so a second run changes
# nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
target=""
libdir=""
while [ $# -gt 0 ]; do
    case "$1" in
        --profile) profile=${2:?--profile needs a name}; shift 2 ;;
        --target) target=${2:?--target needs a triple}; shift 2 ;;
        --libdir) libdir=${2:?--libdir needs a directory}; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
        *) break ;;
    esac
done
[ $# -eq 1 ] || { echo "usage: $0 [--profile PROFILE] [--target TRIPLE] [--libdir DIR] PREFIX" >&2; exit 2; }
prefix=$1
case "$prefix" in /*) ;; *) prefix=$PWD/$prefix ;; esac
libdir=${libdir:-$prefix/lib}
includedir=$prefix/include
dest=${DESTDIR:-}

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
IFS=. read -r major minor _ <<<"$version"
if [ "$major" = 0 ]; then soversion=0.$minor; else soversion=$major; fi
soname=libgonghui.so.$soversion
real=libgonghui.so.$version

cargo_args=(--profile "$profile" -p gonghui-ffi)
rustc_args=()
out=${CARGO_TARGET_DIR:-target}
if [ -n "$target" ]; then
    cargo_args+=(--target "$target")
    rustc_args+=(--target "$target")
    out=$out/$target
fi
case "$profile" in dev | test) out=$out/debug ;; bench) out=$out/release ;; *) out=$out/$profile ;; esac
CARGO_TERM_QUIET=true cargo build "${cargo_args[@]}"

# The library must carry its SONAME, or programs linked against it would ask for the
# unversioned name at run time.
built_soname=$(readelf -d "$out/libgonghui_ffi.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$built_soname" = "$soname" ] ||
    { echo "error: $out/libgonghui_ffi.so has SONAME '$built_soname', not $soname" >&2; exit 1; }

# What a static link needs besides libgonghui.a: the Rust standard library's system
# libraries for this target, as rustc lists them (for glibc: -lgcc_s -lutil -lrt ...).
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
static_libs=$(cd "$scratch" && printf '' >empty.rs &&
    rustc "${rustc_args[@]}" --crate-type staticlib --print native-static-libs empty.rs 2>&1 |
    sed -n 's/^note: native-static-libs: //p')

install -d "$dest$includedir" "$dest$libdir/pkgconfig"
install -C -m 644 bindings/c/include/gonghui.h "$dest$includedir/gonghui.h"
install -C -m 755 "$out/libgonghui_ffi.so" "$dest$libdir/$real"
install -C -m 644 "$out/libgonghui_ffi.a" "$dest$libdir/libgonghui.a"
# link TARGET NAME: the symbolic link, unless it is there already.
link() { [ "$(readlink "$dest$libdir/$2" 2>/dev/null)" = "$1" ] || ln -sfn "$1" "$dest$libdir/$2"; }
link "$real" "$soname"
link "$soname" libgonghui.so

# Paths under the prefix are written relative to it, so that `pkg-config --define-prefix`
# can move the tree.
relative() { case "$1" in "$prefix"/*) echo "\${prefix}/${1#"$prefix"/}" ;; *) echo "$1" ;; esac; }
pc=$scratch/gonghui.pc
cat >"$pc" <<PC
prefix=$prefix
libdir=$(relative "$libdir")
includedir=$(relative "$includedir")

Name: gonghui
Description: The Jiangxi trade unions' '1269' special action as code: one JSON request in, one JSON answer out
URL: $(sed -n 's/^repository = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
Version: $version
Libs: -L\${libdir} -lgonghui
Libs.private: $static_libs
Cflags: -I\${includedir}
PC
install -C -m 644 "$pc" "$dest$libdir/pkgconfig/gonghui.pc"
echo "installed gonghui $version into $dest$prefix ($soname)"
