# Sourced by the test scripts: install what a step needs, once, quietly.
# Every function is idempotent: a second run finds the tool and does nothing.

# ensure_apt PKG...: Debian packages, installed only when missing.
ensure_apt() {
    local missing=()
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing Debian packages: ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    # Another installer (a parallel build, unattended upgrades) may hold the lock: wait for it.
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
    # (debconf's notice that it delays configuration without apt-utils is no news.)
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
        --no-install-recommends "${missing[@]}" 2> >(grep -v '^debconf: delaying package configuration' >&2) >/dev/null
}

# ensure_cargo_tool BIN CRATE VERSION: a cargo-installed tool at an exact version.
ensure_cargo_tool() {
    local bin=$1 crate=$2 version=$3
    if command -v "$bin" >/dev/null 2>&1 && "$bin" --version 2>/dev/null | grep -q -- "$version"; then
        return 0
    fi
    echo "installing $crate $version (cargo install)" >&2
    cargo install --quiet --locked "$crate" --version "$version" >&2
}

# ensure_rust_target TRIPLE: a rustup target for the stable toolchain.
ensure_rust_target() {
    rustup target list --installed 2>/dev/null | grep -qx "$1" && return 0
    echo "adding rust target $1" >&2
    rustup target add "$1" >/dev/null 2>&1
}

# ensure_rust_toolchain NAME: a rustup toolchain (nightly, for cargo-fuzz and miri), minimal.
ensure_rust_toolchain() {
    rustup toolchain list 2>/dev/null | grep -q "^$1" && return 0
    echo "installing rust toolchain $1" >&2
    rustup toolchain install --profile minimal "$1" >/dev/null 2>&1
}

# ensure_rust_component NAME [TOOLCHAIN]: a rustup component (clippy, rustfmt, miri, rust-src).
ensure_rust_component() {
    local name=$1 tc=${2:-stable}
    rustup component list --toolchain "$tc" --installed 2>/dev/null | grep -q "^$name" && return 0
    echo "adding rust component $name ($tc)" >&2
    rustup component add --toolchain "$tc" "$name" >/dev/null 2>&1
}

# ensure_cargo_tool_resolved BIN CRATE VERSION: like ensure_cargo_tool, but when the tool's
# own lock file names a dependency version the registry cannot serve (wasm-bindgen-cli's
# locks a webpki-roots release missing from the registry reached here), install it again
# with cargo resolving its dependencies anew. The tool itself stays at VERSION exactly.
ensure_cargo_tool_resolved() {
    local bin=$1 crate=$2 version=$3
    if command -v "$bin" >/dev/null 2>&1 && "$bin" --version 2>/dev/null | grep -q -- "$version"; then
        return 0
    fi
    echo "installing $crate $version (cargo install)" >&2
    cargo install --quiet --locked "$crate" --version "$version" >/dev/null 2>&1 \
        || cargo install --quiet "$crate" --version "$version" >&2
}

# ensure_npm_ci DIR: DIR/node_modules exactly as DIR/package-lock.json says, refreshed only
# when the lock file (or package.json) is newer than the last install.
ensure_npm_ci() {
    local dir=$1 stamp=$1/node_modules/.package-lock.json
    if [ -f "$stamp" ] && [ "$stamp" -nt "$dir/package-lock.json" ] && [ "$stamp" -nt "$dir/package.json" ]; then
        return 0
    fi
    echo "installing npm packages in $dir (npm ci)" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}
