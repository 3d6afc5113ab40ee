//! The vocabulary: the words of the policy and the exact values the rules
//! compare, at the bottom of the crate, importing nothing above.
//!
//! * [`Lang`] and [`Clause`]: the language of a text, and the clause of the
//!   policy reading (`docs/POLICY.md`) a rule cites;
//! * [`Year`], [`YearSet`] and [`Run`]: calendar years, and the years an
//!   enterprise was enrolled;
//! * [`Fen`] and [`Rate`]: money in whole fen and exact percentages, applied
//!   with one rounding, half up, at the end; [`Area`]: square metres to the
//!   hundredth; [`number`]: the exact reading of a JSON number's text;
//! * the codes of the contract's lists ([`Chain`], [`Cluster`],
//!   [`GrassrootsKind`], [`ParkLevel`], [`Tier`], [`TargetId`]) and an
//!   enterprise's [`KeyIndustries`];
//! * [`words`]: how these values are written into a text, in either
//!   language, without the formatting machinery.
//!
//! Nothing here knows the contract, the policy file or a rule: a value is
//! valid or not by its own constructor (`Option`), and the layers above say
//! why in their own errors.

mod area;
mod calendar;
mod clause;
mod codes;
mod industry;
mod lang;
mod money;
pub(crate) mod number;
pub(crate) mod words;

pub use area::Area;
pub(crate) use calendar::Run;
pub use calendar::{Year, YearSet};
pub use clause::Clause;
pub use codes::{
    Chain, Cluster, GrassrootsKind, INDUSTRIAL_PARK, ParkLevel, Period, TargetId, Tier, VENUE_KINDS,
};
pub use industry::KeyIndustries;
pub use lang::Lang;
pub(crate) use money::percent_one_decimal;
pub(crate) use money::total_words;
pub use money::{Fen, Rate};
pub use number::MAX_SAFE_INTEGER;
