//! Indoor areas, exact to the hundredth of a square metre.

use std::fmt;

use serde::{Serialize, Serializer};

use super::number;

/// An indoor area in square metres, exact to the hundredth (two decimals).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Area(u64);

impl Area {
    /// The largest area accepted: 2^53 − 1 hundredths of a square metre
    /// (90,071,992,547,409.91 m²), so that every area, read as a JavaScript
    /// number, keeps its two decimals exactly (POLICY I2).
    pub const MAX: Area = Area(number::MAX_SAFE_INTEGER);

    /// `m2` whole square metres, or `None` beyond [`Area::MAX`].
    pub const fn from_m2(m2: u64) -> Option<Area> {
        match m2.checked_mul(100) {
            Some(h) => Area::from_hundredths(h),
            None => None,
        }
    }

    /// An area of `hundredths` hundredths of a square metre (`9550` is
    /// 95.50 m²), or `None` beyond [`Area::MAX`].
    pub const fn from_hundredths(hundredths: u64) -> Option<Area> {
        if hundredths <= Area::MAX.0 {
            Some(Area(hundredths))
        } else {
            None
        }
    }

    /// The area in hundredths of a square metre.
    pub const fn hundredths(self) -> u64 {
        self.0
    }

    /// The area as a threshold is written: `100`, `95.5`.
    pub(crate) fn trimmed(self) -> number::Trimmed {
        number::Trimmed(self.0)
    }

    /// Two decimals, as a measured area is written: `95.00`.
    fn write_to(&self, f: &mut impl fmt::Write) -> fmt::Result {
        number::Fixed(self.0).write_to(f)
    }
}

super::words::words_and_display!(Area);

impl Serialize for Area {
    /// A JSON number with no needless decimals: `100`, `95.5`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            serializer.serialize_u64(self.0 / 100)
        } else {
            serde_json::Number::from_string_unchecked(self.trimmed().to_string())
                .serialize(serializer)
        }
    }
}
