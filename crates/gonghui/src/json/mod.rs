//! The wire codec: JSON text read into a [`Value`](value::Value), and
//! canonical JSON written by a [`Json`](write::Json) writer. It knows no
//! policy, no question and no rule, only JSON and the exact values of the
//! vocabulary it writes (amounts, rates, years).
//!
//! * [`value`]: one JSON value read from a text, borrowing from it, numbers
//!   kept exactly (a one-pass reader for plain JSON, serde_json for the rest);
//! * [`write`]: the canonical writer every answer goes through;
//! * [`escape`]: the bytes a JSON string cannot hold as they are;
//! * [`limits`]: the sizes beyond which a text is refused unread;
//! * [`Malformed`]: what is wrong with a text that is not one JSON object.

pub(crate) mod escape;
pub mod limits;
mod malformed;
pub(crate) mod value;
pub(crate) mod write;

pub use malformed::Malformed;
