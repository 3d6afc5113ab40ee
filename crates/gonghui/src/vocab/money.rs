//! Money in whole fen and rates as exact percentages (POLICY I2).
//!
//! The finance system pays whole fen (1 yuan = 100 fen), so that is the only
//! unit of money here. A rate is a percentage with at most two decimals, held
//! as an integer number of hundredths of a percent; applying it to an amount
//! is one exact integer computation, rounded half up (四舍五入) once, at the end.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Lang;
use super::number::{self, MAX_SAFE_INTEGER};

/// An amount of money in whole fen (分), from 0 to 2^53 − 1.
///
/// ```
/// use gonghui::Fen;
/// let premium = Fen::new(1_200_000).unwrap();
/// assert_eq!(premium.yuan(), "12000.00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Fen(u64);

impl Fen {
    /// No money.
    pub const ZERO: Fen = Fen(0);
    /// The largest amount gonghui accepts or answers: 2^53 − 1 fen.
    pub const MAX: Fen = Fen(MAX_SAFE_INTEGER);

    /// An amount of `fen`, or `None` beyond [`Fen::MAX`].
    pub const fn new(fen: u64) -> Option<Fen> {
        if fen <= MAX_SAFE_INTEGER {
            Some(Fen(fen))
        } else {
            None
        }
    }

    /// `yuan` whole yuan, or `None` beyond [`Fen::MAX`].
    pub const fn from_yuan(yuan: u64) -> Option<Fen> {
        match yuan.checked_mul(100) {
            Some(fen) => Fen::new(fen),
            None => None,
        }
    }

    /// The amount in fen.
    #[inline]
    pub const fn get(self) -> u64 {
        self.0
    }

    /// The amount in yuan with two decimals and no grouping, as the contract's
    /// `amount_yuan` field: `480000` fen → `"4800.00"`.
    pub fn yuan(self) -> String {
        number::format_hundredths_fixed(self.0)
    }

    /// The amount in yuan with its thousands grouped, for tables:
    /// `50000000` fen → `"500,000.00"`.
    pub fn yuan_grouped(self) -> String {
        format!("{}.{:02}", number::Grouped(self.0 / 100), self.0 % 100)
    }

    /// The amount for people to read, in the language asked for:
    /// `"4,800.00 yuan"` or `"4,800.00元"`.
    pub(crate) fn words(self, lang: Lang) -> FenWords {
        FenWords(self, lang)
    }

    /// This amount × `rate`, rounded half up to the fen (POLICY I2).
    ///
    /// Never more than `self`, since a rate is at most 100%.
    #[inline]
    pub fn times(self, rate: Rate) -> Fen {
        const DENOMINATOR: u64 = Rate::ONE_HUNDRED_PERCENT.0 as u64;
        // Half up: add half the denominator before the integer division.
        // Amounts below 2^64 / 10^4 (over 18 trillion yuan: every real one)
        // fit in 64 bits, where dividing by a constant is a multiplication.
        match self.0.checked_mul(u64::from(rate.0)) {
            Some(exact) if exact <= u64::MAX - DENOMINATOR / 2 => {
                Fen((exact + DENOMINATOR / 2) / DENOMINATOR)
            }
            _ => {
                let exact = u128::from(self.0) * u128::from(rate.0);
                let rounded = (exact + u128::from(DENOMINATOR / 2)) / u128::from(DENOMINATOR);
                // rate ≤ 100% keeps the result ≤ self ≤ MAX, so it always fits.
                Fen(u64::try_from(rounded).unwrap_or(self.0))
            }
        }
    }
}

/// An amount in words, written without allocating.
pub(crate) struct FenWords(Fen, Lang);

impl FenWords {
    fn write_to(&self, f: &mut impl fmt::Write) -> fmt::Result {
        let (fen, lang) = (self.0.0, self.1);
        number::Grouped(fen / 100).write_to(f)?;
        f.write_str(".")?;
        number::two_digits(f, fen % 100)?;
        f.write_str(lang.pick("元", " yuan"))
    }
}

/// An amount × a rate before rounding, for people to read: yuan with two
/// decimals, or as many more (up to six) as the product has: `"0.005元"`,
/// `"4,938.40 yuan"`.
pub(crate) struct ExactProduct {
    /// The product in millionths of a yuan (fen × hundredths of a percent).
    millionths: u128,
    lang: Lang,
}

impl Fen {
    /// This amount × `rate` exactly, before the rounding of
    /// [`times`](Fen::times), in words.
    pub(crate) fn times_exact_words(self, rate: Rate, lang: Lang) -> ExactProduct {
        ExactProduct {
            millionths: u128::from(self.0) * u128::from(rate.0),
            lang,
        }
    }
}

impl ExactProduct {
    /// Whether the product is a whole number of fen: nothing to round.
    pub(crate) fn is_whole_fen(&self) -> bool {
        self.millionths % 10_000 == 0
    }

    fn write_to(&self, f: &mut impl fmt::Write) -> fmt::Result {
        let yuan = self.millionths / 1_000_000;
        // At most 2^53 − 1 yuan: the amount is at most that many fen.
        number::Grouped(u64::try_from(yuan).unwrap_or(u64::MAX)).write_to(f)?;
        f.write_str(".")?;
        // Six decimals, the trailing zeros beyond the second dropped.
        let mut digits = [0u8; 6];
        let mut fraction = self.millionths % 1_000_000;
        for d in digits.iter_mut().rev() {
            *d = b'0' + (fraction % 10) as u8;
            fraction /= 10;
        }
        let keep = 2 + digits[2..]
            .iter()
            .rposition(|d| *d != b'0')
            .map_or(0, |i| i + 1);
        f.write_str(std::str::from_utf8(&digits[..keep]).unwrap_or("00"))?;
        f.write_str(self.lang.pick("元", " yuan"))
    }
}

/// A total of many amounts, in fen, for people to read.
///
/// A total beyond [`Fen::MAX`] is refused before any answer is written (the
/// planning questions check their totals), so it is written as `Fen::MAX`
/// rather than carrying a writer of 128-bit numbers into the WebAssembly
/// module.
pub(crate) fn total_words(fen: u128, lang: Lang) -> String {
    let fen = u64::try_from(fen)
        .ok()
        .and_then(Fen::new)
        .unwrap_or(Fen::MAX);
    fen.words(lang).to_string()
}

impl Serialize for Fen {
    /// A whole number of fen.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.0)
    }
}

impl<'de> Deserialize<'de> for Fen {
    /// A whole number of fen from 0 to 2^53 − 1.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Fen, D::Error> {
        let fen = u64::deserialize(deserializer)?;
        Fen::new(fen).ok_or_else(|| {
            serde::de::Error::custom(format_args!("{fen} fen is more than 2^53 − 1"))
        })
    }
}

impl fmt::Display for Fen {
    /// Writes the amount as yuan with two decimals: `4800.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

/// A rate or share: a percentage from 0% to 100% with at most two decimals,
/// held exactly as hundredths of a percent.
///
/// ```
/// use gonghui::Rate;
/// let rate = Rate::from_percent(40).unwrap();
/// assert_eq!(rate.to_string(), "40%");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Rate(u32);

impl Rate {
    /// 0%.
    pub const ZERO: Rate = Rate(0);
    /// 100%.
    pub const ONE_HUNDRED_PERCENT: Rate = Rate(10_000);

    /// A whole percentage, or `None` above 100.
    pub const fn from_percent(percent: u32) -> Option<Rate> {
        Rate::from_hundredths(percent.saturating_mul(100))
    }

    /// A percentage given in hundredths (`3333` is 33.33%), or `None` above 100%.
    pub const fn from_hundredths(hundredths: u32) -> Option<Rate> {
        if hundredths <= Rate::ONE_HUNDRED_PERCENT.0 {
            Some(Rate(hundredths))
        } else {
            None
        }
    }

    /// This rate when `keep`, else 0%, by arithmetic rather than a branch:
    /// for batches, where which it is changes from case to case.
    #[inline]
    pub(crate) fn kept_if(self, keep: bool) -> Rate {
        Rate(self.0 * u32::from(keep))
    }

    /// The percentage in hundredths: 40% is `4000`.
    pub const fn hundredths(self) -> u32 {
        self.0
    }

    /// The smallest whole number of `n` things that is at least this share of
    /// them: ⌈rate × n⌉ (POLICY I8: "at least 30%" of 7 candidates is 3).
    pub fn ceil_of(self, n: u64) -> u64 {
        let exact = u128::from(n) * u128::from(self.0);
        let denominator = u128::from(Rate::ONE_HUNDRED_PERCENT.0);
        // ≤ n because the rate is at most 100%.
        u64::try_from(exact.div_ceil(denominator)).unwrap_or(n)
    }

    /// The percentage as it is written in JSON and text: `40`, `33.33`.
    pub(crate) fn number_text(self) -> String {
        number::format_hundredths_trimmed(u64::from(self.0))
    }
}

impl Rate {
    /// Writes the percentage with its decimals trimmed: `40%`, `33.33%`.
    fn write_to(&self, f: &mut impl fmt::Write) -> fmt::Result {
        number::Trimmed(u64::from(self.0)).write_to(f)?;
        f.write_str("%")
    }
}

super::words::words_and_display!(FenWords, ExactProduct, Rate);

impl Serialize for Rate {
    /// A JSON number of percent: `40`, `33.33`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.hundredths() % 100 == 0 {
            serializer.serialize_u32(self.hundredths() / 100)
        } else {
            serde_json::Number::from_string_unchecked(self.number_text()).serialize(serializer)
        }
    }
}

/// `part / whole` as a percentage with one decimal, rounded half up
/// (POLICY I8: 100 of 120 is `"83.3"`); `None` when `whole` is 0.
pub(crate) fn percent_one_decimal(part: u64, whole: u64) -> Option<String> {
    if whole == 0 {
        return None;
    }
    // Tenths of a percent: part × 1000 / whole, half up.
    let whole = u128::from(whole);
    let tenths = (u128::from(part) * 1000 * 2 + whole) / (2 * whole);
    Some(format!("{}.{}", tenths / 10, tenths % 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fen(n: u64) -> Fen {
        Fen::new(n).unwrap()
    }
    fn pct(p: u32) -> Rate {
        Rate::from_percent(p).unwrap()
    }

    #[test]
    fn half_up_once_at_the_end() {
        assert_eq!(fen(1_200_000).times(pct(40)), fen(480_000));
        assert_eq!(fen(1).times(pct(50)), fen(1)); // 0.5 fen rounds up
        assert_eq!(fen(3).times(pct(50)), fen(2)); // 1.5 → 2
        assert_eq!(fen(1).times(pct(40)), fen(0)); // 0.4 → 0
        assert_eq!(fen(2).times(pct(30)), fen(1)); // 0.6 → 1
        assert_eq!(fen(5).times(pct(30)), fen(2)); // 1.5 → 2
        assert_eq!(fen(15).times(pct(30)), fen(5)); // 4.5 → 5
        assert_eq!(fen(7).times(Rate::from_hundredths(3333).unwrap()), fen(2)); // 2.3331
        assert_eq!(Fen::MAX.times(Rate::ONE_HUNDRED_PERCENT), Fen::MAX);
        assert_eq!(Fen::MAX.times(Rate::ZERO), Fen::ZERO);
    }

    #[test]
    fn yuan_text() {
        assert_eq!(fen(480_000).yuan(), "4800.00");
        assert_eq!(fen(5).yuan(), "0.05");
        assert_eq!(Fen::ZERO.yuan(), "0.00");
        assert_eq!(
            fen(50_000_000).words(Lang::En).to_string(),
            "500,000.00 yuan"
        );
        assert_eq!(fen(50_000_000).words(Lang::Zh).to_string(), "500,000.00元");
        let exact = |f: u64, p: u32, lang| fen(f).times_exact_words(pct(p), lang).to_string();
        assert_eq!(exact(1, 50, Lang::Zh), "0.005元");
        assert_eq!(exact(1_200_000, 40, Lang::En), "4,800.00 yuan");
        assert_eq!(exact(12_346, 40, Lang::Zh), "49.384元");
        let third = Rate::from_hundredths(3333).unwrap();
        assert_eq!(
            fen(7).times_exact_words(third, Lang::En).to_string(),
            "0.023331 yuan"
        );
        assert!(!fen(1).times_exact_words(pct(50), Lang::En).is_whole_fen());
        assert!(fen(2).times_exact_words(pct(50), Lang::En).is_whole_fen());
        assert_eq!(fen(5).words(Lang::En).to_string(), "0.05 yuan");
        assert_eq!(
            fen(12_345_678_900).words(Lang::En).to_string(),
            "123,456,789.00 yuan"
        );
    }

    #[test]
    fn bounds() {
        assert_eq!(Fen::new(MAX_SAFE_INTEGER + 1), None);
        assert_eq!(Fen::from_yuan(500_000), Some(fen(50_000_000)));
        assert_eq!(Rate::from_percent(101), None);
        assert_eq!(Rate::from_hundredths(10_001), None);
    }

    #[test]
    fn shares() {
        assert_eq!(pct(30).ceil_of(0), 0);
        assert_eq!(pct(30).ceil_of(10), 3);
        assert_eq!(pct(30).ceil_of(7), 3); // 2.1 → 3
        assert_eq!(pct(50).ceil_of(5), 3); // 2.5 → 3
        assert_eq!(pct(50).ceil_of(4), 2);
        assert_eq!(pct(100).ceil_of(MAX_SAFE_INTEGER), MAX_SAFE_INTEGER);
        assert_eq!(percent_one_decimal(100, 120).as_deref(), Some("83.3"));
        assert_eq!(percent_one_decimal(1, 8).as_deref(), Some("12.5"));
        assert_eq!(percent_one_decimal(1, 16).as_deref(), Some("6.3")); // 6.25 → 6.3
        assert_eq!(percent_one_decimal(143, 100).as_deref(), Some("143.0"));
        assert_eq!(percent_one_decimal(0, 5).as_deref(), Some("0.0"));
        assert_eq!(percent_one_decimal(1, 0), None);
    }
}
