//! What the two benchmark programs share: the cases and the benchmarks.

pub mod cases;
pub mod suite;
