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
    #[inline]
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

impl Year {
    /// The year in digits: `2025`.
    pub(crate) fn write_to(&self, out: &mut impl fmt::Write) -> fmt::Result {
        out.write_str(itoa::Buffer::new().format(u64::from(self.0)))
    }
}

super::words::words_and_display!(Year);

/// A set of years, such as every year an enterprise was in the mutual-aid
/// plan. Listing a year twice changes nothing. As JSON, a list of years.
///
/// Held as the earliest year and a 64-bit window of the years after it, so
/// that the set of a real enterprise (a few years in a row) needs no heap
/// and the checks of POLICY I7 are a few bit operations; years 64 or more
/// after the earliest, which no real enrolment has, go to a sorted list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(from = "Vec<Year>", into = "Vec<Year>")]
pub struct YearSet {
    /// The earliest year; meaningless when the window is empty.
    first: u16,
    /// Bit `i`: the year `first + i` is in the set.
    window: u64,
    /// Years from `first + 64` on, sorted, without repeats.
    /// (A boxed slice: two words, not three, as every enrolment carries it.)
    later: Box<[Year]>,
}

/// Years in a row: the first and how many (none for an empty set), as the
/// rule of continuous enrolment reads a [`YearSet`] (POLICY I7). Four bytes,
/// so that a population's enrolments are decided at the speed of memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct Run {
    first: u16,
    len: u16,
}

impl Run {
    /// The first year, if any.
    #[inline]
    pub fn first(self) -> Option<Year> {
        (self.len > 0).then_some(Year(self.first))
    }

    /// The first year after the first that the run lacks, if it is no later
    /// than `through`: where an enrolment broke off (I7).
    #[inline]
    pub fn first_gap(self, through: Year) -> Option<Year> {
        // At most 10,000: past any year.
        let after = self.first + self.len;
        (self.len > 0 && after <= through.get()).then_some(Year(after))
    }

    /// Whether the run holds every year from its first through `through`,
    /// and the first is no earlier than `not_before` (I7). Two comparisons,
    /// no branch to mispredict.
    #[inline(always)]
    pub fn unbroken(self, not_before: Year, through: Year) -> bool {
        // Wraps past any run (at most 9,999 years) when `through` is earlier
        // than the first year.
        let span = through.get().wrapping_sub(self.first);
        (span < self.len) & (self.first >= not_before.get())
    }
}

/// The years the window holds after the earliest.
const WINDOW: u16 = 64;

impl From<Vec<Year>> for YearSet {
    fn from(years: Vec<Year>) -> YearSet {
        YearSet::new(years)
    }
}

impl From<YearSet> for Vec<Year> {
    fn from(set: YearSet) -> Vec<Year> {
        set.iter().collect()
    }
}

/// The set of the years collected, in any order, repeats allowed.
///
/// Years that fit one window are set as they come, without a heap: a
/// request's enrolment is read straight into its set. Only a year 64 or more
/// from the others sends the whole set through a sorted list.
impl FromIterator<Year> for YearSet {
    fn from_iter<I: IntoIterator<Item = Year>>(years: I) -> YearSet {
        let mut set = YearSet::default();
        let mut beyond = Vec::new();
        for year in years {
            if !set.add_to_window(year) {
                beyond.push(year);
            }
        }
        if beyond.is_empty() {
            set
        } else {
            YearSet::sorted(set.iter().chain(beyond).collect())
        }
    }
}

impl YearSet {
    /// The set of `years`, in any order, repeats allowed.
    pub fn new(years: impl IntoIterator<Item = Year>) -> YearSet {
        years.into_iter().collect()
    }

    /// Adds `year` to the window of a set with no later years, moving the
    /// window down to an earlier year when every year it holds still fits;
    /// `false` (and nothing changed) when the year does not fit.
    fn add_to_window(&mut self, year: Year) -> bool {
        debug_assert!(self.later.is_empty());
        let year = year.get();
        if self.window == 0 {
            (self.first, self.window) = (year, 1);
            return true;
        }
        match year.checked_sub(self.first) {
            Some(offset) if offset < WINDOW => {
                self.window |= 1 << offset;
                true
            }
            Some(_) => false,
            None => {
                let shift = self.first - year;
                // The offset of the last year held, which moves up by `shift`.
                let top = WINDOW - 1 - self.window.leading_zeros() as u16;
                if top + shift < WINDOW {
                    (self.first, self.window) = (year, self.window << shift | 1);
                    true
                } else {
                    false
                }
            }
        }
    }

    /// The set of `years`, in any order, repeats allowed, through a sorted
    /// list: the earliest, the window after it, then the rest.
    fn sorted(mut years: Vec<Year>) -> YearSet {
        years.sort_unstable();
        years.dedup();
        let Some(first) = years.first().map(|y| y.get()) else {
            return YearSet::default();
        };
        let in_window = years.partition_point(|y| y.get() - first < WINDOW);
        let window = years[..in_window]
            .iter()
            .fold(0u64, |bits, y| bits | 1 << (y.get() - first));
        years.drain(..in_window);
        YearSet {
            first,
            window,
            later: years.into_boxed_slice(),
        }
    }

    /// The earliest year, if any.
    #[inline]
    pub fn first(&self) -> Option<Year> {
        (self.window != 0).then_some(Year(self.first))
    }

    /// Whether `year` is in the set.
    #[inline]
    pub fn contains(&self, year: Year) -> bool {
        match year.get().checked_sub(self.first) {
            Some(offset) if offset < WINDOW => self.window >> offset & 1 == 1,
            Some(_) => self.later.binary_search(&year).is_ok(),
            None => false,
        }
    }

    /// The earliest year of the set before `year`, if any.
    #[inline]
    pub fn any_before(&self, year: Year) -> Option<Year> {
        self.first().filter(|first| *first < year)
    }

    /// The first year from `from` through `to` that is missing from the set,
    /// if any: the break of POLICY I7.
    #[inline]
    pub fn first_gap(&self, from: Year, to: Year) -> Option<Year> {
        if from > to {
            return None;
        }
        match (
            from.get().checked_sub(self.first),
            to.get().checked_sub(self.first),
        ) {
            // Both ends in the window: the missing years are the bits of the
            // span that the window lacks.
            (Some(low), Some(high)) if high < WINDOW && self.window != 0 => {
                let span = (u64::MAX >> (WINDOW - 1 - (high - low))) << low;
                let missing = span & !self.window;
                (missing != 0).then(|| Year(self.first + missing.trailing_zeros() as u16))
            }
            _ => (from.get()..=to.get())
                .map(Year)
                .find(|year| !self.contains(*year)),
        }
    }

    /// Whether the set holds every year from its earliest through `through`,
    /// and the earliest is no earlier than `not_before`: enrolled without a
    /// break since joining, and joined as a new participant (I7).
    #[inline(always)]
    pub fn unbroken(&self, not_before: Year, through: Year) -> bool {
        self.run().unbroken(not_before, through)
    }

    /// The years in a row from the earliest: all the rule of POLICY I7
    /// needs to know of a set.
    #[inline(always)]
    pub(crate) fn run(&self) -> Run {
        let len = self.window.trailing_ones() as u16;
        // Only a set holding 64 years in a row, which no real enrolment
        // does, goes on into the later years, out of the way of the loops
        // that decide populations.
        let len = if len < WINDOW { len } else { self.run_on() };
        Run {
            first: self.first,
            len,
        }
    }

    /// The length of a run that fills the window, counted on into the later
    /// years.
    #[cold]
    #[inline(never)]
    fn run_on(&self) -> u16 {
        let more = self
            .later
            .iter()
            .zip(self.first + WINDOW..)
            .take_while(|(year, expected)| year.get() == *expected)
            .count();
        // At most 9,999 years in all.
        WINDOW + more as u16
    }

    /// The years, in order.
    pub fn iter(&self) -> impl Iterator<Item = Year> + '_ {
        let window = self.window;
        (0..WINDOW)
            .filter(move |offset| window >> offset & 1 == 1)
            .map(|offset| Year(self.first + offset))
            .chain(self.later.iter().copied())
    }

    /// The number of years.
    pub fn len(&self) -> usize {
        self.window.count_ones() as usize + self.later.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.window == 0
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
        assert_eq!(set(&[2025]).first_gap(y(2023), y(2025)), Some(y(2023)));
    }

    #[test]
    fn runs_into_the_later_years() {
        let years: Vec<u16> = (100..=180).chain([182]).collect();
        let s = set(&years);
        assert_eq!(
            s.run(),
            Run {
                first: 100,
                len: 81
            }
        );
        assert!(s.unbroken(y(100), y(180)) && !s.unbroken(y(100), y(181)));
        assert!(!s.unbroken(y(101), y(150)) && !s.unbroken(y(100), y(99)));
        assert_eq!(set(&[]).run().len, 0);
        assert!(!set(&[]).unbroken(y(1), y(9999)));
        let all: Vec<u16> = (1..=9999).collect();
        assert_eq!(set(&all).run().len, 9999);
        assert!(set(&all).unbroken(y(1), y(9999)));
    }

    #[test]
    fn wide_sets_beyond_the_window() {
        let s = set(&[1, 2, 64, 65, 200, 9999]);
        assert_eq!(s.len(), 6);
        assert_eq!(
            s.iter().map(Year::get).collect::<Vec<_>>(),
            vec![1, 2, 64, 65, 200, 9999]
        );
        assert!(s.contains(y(65)) && s.contains(y(9999)) && !s.contains(y(66)));
        assert_eq!(s.first_gap(y(64), y(65)), None);
        assert_eq!(s.first_gap(y(64), y(66)), Some(y(66)));
        assert_eq!(s.first_gap(y(1), y(2)), None);
        assert_eq!(s.first_gap(y(1), y(3)), Some(y(3)));
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, "[1,2,64,65,200,9999]");
        assert_eq!(serde_json::from_str::<YearSet>(&json).unwrap(), s);
    }

    proptest::proptest! {
        /// The window gives the answers of a plain sorted list.
        #[test]
        fn as_a_sorted_list(years in proptest::collection::vec(1u16..400, 0..12), from in 1u16..400, len in 0u16..80) {
            let s = YearSet::new(years.iter().map(|n| y(*n)));
            let mut plain: Vec<u16> = years.clone();
            plain.sort_unstable();
            plain.dedup();
            proptest::prop_assert_eq!(s.iter().map(Year::get).collect::<Vec<_>>(), plain.clone());
            let to = (from + len).min(9999);
            let gap = (from..=to).find(|n| !plain.contains(n));
            proptest::prop_assert_eq!(s.first_gap(y(from), y(to)).map(Year::get), gap);
            proptest::prop_assert_eq!(s.first().map(Year::get), plain.first().copied());
        }

        /// The run reads continuity as the list does.
        #[test]
        fn run_as_a_list(years in proptest::collection::vec(1u16..140, 0..90), not_before in 1u16..140, through in 1u16..200) {
            let s = YearSet::new(years.iter().map(|n| y(*n)));
            let plain: Vec<u16> = s.iter().map(Year::get).collect();
            let expected = plain.first().is_some_and(|first| {
                *first >= not_before && (*first..=through).all(|n| plain.contains(&n)) && *first <= through
            });
            proptest::prop_assert_eq!(s.unbroken(y(not_before), y(through)), expected);
            let start = s.first().filter(|first| first.get() <= through);
            let gap = start.and_then(|start| s.first_gap(start, y(through)));
            proptest::prop_assert_eq!(s.run().first_gap(y(through)), gap);
            proptest::prop_assert_eq!(s.run().first(), s.first());
        }

        /// Set as they come or through the sorted list, the same set.
        #[test]
        fn collected_as_sorted(years in proptest::collection::vec(1u16..200, 0..80)) {
            let years: Vec<Year> = years.iter().map(|n| y(*n)).collect();
            let collected: YearSet = years.iter().copied().collect();
            proptest::prop_assert_eq!(collected, YearSet::sorted(years));
        }
    }
}
