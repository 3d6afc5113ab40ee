//! The benchmarks of `decide`, counting the allocations of each iteration
//! (divan's `AllocProfiler`): divide by the cases of the iteration for the
//! allocations of one decision. Its times are a little slower than those of
//! `decide`, which is the one to quote. See docs/PERFORMANCE.md.
//!
//!   cargo bench -p gonghui --bench allocs [FILTER]

mod common;

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    common::suite::check_agreement();
    divan::main();
}
