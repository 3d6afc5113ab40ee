//! Decisions per second: the typed API and `evaluate_json` per question, the
//! stages of a mutual-aid answer, and a million mutual-aid cases against the
//! plain function of the rule. See docs/PERFORMANCE.md.
//!
//!   cargo bench -p gonghui --bench decide [FILTER]

mod common;

fn main() {
    common::suite::check_agreement();
    divan::main();
}
