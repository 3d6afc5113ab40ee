//! WASM build of gonghui (placeholder).
