//! The limits every entry point enforces, so that no input can exhaust memory
//! or time. Beyond them the answer is an error object, never a crash.

/// The largest request gonghui reads: 8 MiB. A request of the contract is a
/// few hundred bytes; the limit leaves room for long `achieved` maps and
/// population requests while refusing a 100 MB line before parsing it.
pub const MAX_REQUEST_BYTES: usize = 8 * 1024 * 1024;

/// The deepest JSON nesting the parser follows (serde_json's own limit): no
/// request of the contract nests deeper than four levels.
pub const MAX_NESTING: usize = 128;
