//! Calendar years, and the set of years an enterprise was enrolled.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar year, 1 to 9999.
///
/// The special action runs from 2023 to 2026, but a year outside it is a
/// valid question (the answer is "outside the period"), so any four-digit
/// year is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Year(u16);

impl Year {
    /// The first year accepted.
    pub const MIN: Year = Year(1);
    /// The last year accepted.
    pub const MAX: Year = Year(9999);

    /// The year `year`, or `None` outside 1 to 9999.
    pub const fn new(year: u16) -> Option<Year> {
        if year >= Year::MIN.0 && year <= Year::MAX.0 {
            Some(Year(year))
        } else {
            None
        }
    }

    /// The year as a number.
    pub const fn get(self) -> u16 {
        self.0
    }

    /// The year after, if it is still a valid year.
    pub const fn next(self) -> Option<Year> {
        Year::new(self.0 + 1)
    }
}

impl Serialize for Year {
    /// The year as a number.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.0)
    }
}

impl<'de> Deserialize<'de> for Year {
    /// A year from 1 to 9999.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Year, D::Error> {
        let year = u16::deserialize(deserializer)?;
        Year::new(year).ok_or_else(|| {
            serde::de::Error::custom(format_args!("{year} is not a year from 1 to 9999"))
        })
    }
}

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(itoa::Buffer::new().format(self.0))
    }
}

/// A set of years, such as every year an enterprise was in the mutual-aid
/// plan. Kept sorted without repeats, so listing a year twice changes nothing
/// and the checks of POLICY I7 are a few comparisons. As JSON, a list of
/// years.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(from = "Vec<Year>")]
pub struct YearSet(Vec<Year>);

impl From<Vec<Year>> for YearSet {
    fn from(years: Vec<Year>) -> YearSet {
        YearSet::new(years)
    }
}

impl YearSet {
    /// The set of `years`, in any order, repeats allowed.
    pub fn new(years: impl IntoIterator<Item = Year>) -> YearSet {
        let mut years: Vec<Year> = years.into_iter().collect();
        years.sort_unstable();
        years.dedup();
        YearSet(years)
    }

    /// The earliest year, if any.
    pub fn first(&self) -> Option<Year> {
        self.0.first().copied()
    }

    /// Whether `year` is in the set.
    pub fn contains(&self, year: Year) -> bool {
        self.0.binary_search(&year).is_ok()
    }

    /// The earliest year of the set before `year`, if any.
    pub fn any_before(&self, year: Year) -> Option<Year> {
        self.first().filter(|first| *first < year)
    }

    /// The first year from `from` through `to` that is missing from the set,
    /// if any: the break of POLICY I7.
    pub fn first_gap(&self, from: Year, to: Year) -> Option<Year> {
        let start = self.0.partition_point(|y| *y < from);
        let mut expected = from;
        for year in &self.0[start..] {
            if *year > to || *year != expected {
                break;
            }
            match expected.next() {
                Some(next) if expected < to => expected = next,
                _ => return None,
            }
        }
        (expected <= to).then_some(expected)
    }

    /// The years, in order.
    pub fn iter(&self) -> impl Iterator<Item = Year> + '_ {
        self.0.iter().copied()
    }

    /// The number of years.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn y(n: u16) -> Year {
        Year::new(n).unwrap()
    }
    fn set(years: &[u16]) -> YearSet {
        YearSet::new(years.iter().map(|n| y(*n)))
    }

    #[test]
    fn bounds() {
        assert_eq!(Year::new(0), None);
        assert_eq!(Year::new(10_000), None);
        assert_eq!(Year::MAX.next(), None);
    }

    #[test]
    fn gaps() {
        let s = set(&[2025, 2023, 2024, 2023]);
        assert_eq!(s.len(), 3);
        assert_eq!(s.first_gap(y(2023), y(2025)), None);
        assert_eq!(s.first_gap(y(2023), y(2026)), Some(y(2026)));
        assert_eq!(
            set(&[2023, 2025]).first_gap(y(2023), y(2025)),
            Some(y(2024))
        );
        assert_eq!(set(&[]).first_gap(y(2023), y(2023)), Some(y(2023)));
        assert_eq!(set(&[2023]).first_gap(y(2023), y(2023)), None);
        assert_eq!(set(&[2022, 2023]).any_before(y(2023)), Some(y(2022)));
        assert_eq!(set(&[2023]).any_before(y(2023)), None);
        assert_eq!(set(&[9998, 9999]).first_gap(y(9998), y(9999)), None);
    }
}
