//! Gives the shared library its SONAME, so that a program linked against it asks the
//! dynamic loader for the version it was built with.
//!
//! The name follows the crate's version as semver reads it, as cargo-c names libraries:
//! `libgonghui.so.MAJOR` from 1.0 on, and `libgonghui.so.0.MINOR` before (in 0.x a new minor
//! version may change the ABI). `scripts/install-c.sh` installs the library under that name,
//! with `libgonghui.so` beside it for the linker. JNA loads the library by its path, which no
//! SONAME changes.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    // ELF platforms whose linkers (GNU ld, gold, lld) take `-soname`.
    let elf = matches!(
        os.as_str(),
        "linux" | "android" | "freebsd" | "netbsd" | "openbsd" | "dragonfly"
    );
    if elf {
        let major = env!("CARGO_PKG_VERSION_MAJOR");
        let minor = env!("CARGO_PKG_VERSION_MINOR");
        let soversion = if major == "0" {
            format!("0.{minor}")
        } else {
            major.to_owned()
        };
        println!("cargo::rustc-cdylib-link-arg=-Wl,-soname,libgonghui.so.{soversion}");
    }
}
