//! C ABI over gonghui (placeholder).
