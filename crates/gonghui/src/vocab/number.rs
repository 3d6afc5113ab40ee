//! Exact reading of JSON numbers (POLICY I2).
//!
//! serde_json is built with `arbitrary_precision`, so a JSON number reaches
//! gonghui as the text the caller wrote. This module reads that text exactly:
//! `95.5`, `9.55e1` and `95.50` are the same area, `1.2e6` is a whole number of
//! fen, and `99.999` is refused rather than rounded. No binary floating point is
//! ever involved, and no input, however long, overflows or panics.

/// The largest integer that JavaScript holds exactly, 2^53 − 1 (POLICY I2).
///
/// Every integer that crosses a boundary of gonghui (counts, years, fen) stays
/// within ±`MAX_SAFE_INTEGER`, so the web frontend, the Java back office and the
/// Rust services all see the same value.
pub const MAX_SAFE_INTEGER: u64 = 9_007_199_254_740_991;

/// Why a JSON number could not be read as the quantity asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberProblem {
    /// Not the text of a JSON number at all.
    NotANumber,
    /// Below zero where only zero and above make sense.
    Negative,
    /// More decimal places than the quantity has (a fraction for a count).
    TooPrecise,
    /// Larger than the bound allowed.
    TooLarge,
}

/// A JSON number read exactly as `mantissa × 10^last_power`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Exact {
    negative: bool,
    /// The significant digits (no leading or trailing zeros) as an integer;
    /// `None` when there are too many of them to matter (over 38).
    mantissa: Option<u128>,
    /// Power of ten of the first significant digit.
    lead_power: i64,
    /// Power of ten of the last significant digit.
    last_power: i64,
}

impl Exact {
    const ZERO: Exact = Exact {
        negative: false,
        mantissa: Some(0),
        lead_power: 0,
        last_power: 0,
    };

    /// Reads JSON number text (the RFC 8259 grammar), exactly.
    fn parse(text: &str) -> Result<Exact, NumberProblem> {
        let bytes = text.as_bytes();
        let (negative, rest) = match bytes.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, bytes),
        };
        let int_len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if int_len == 0 {
            return Err(NumberProblem::NotANumber);
        }
        let (int_part, rest) = rest.split_at(int_len);
        let (frac_part, rest) = match rest.split_first() {
            Some((b'.', after)) => {
                let n = after.iter().take_while(|b| b.is_ascii_digit()).count();
                if n == 0 {
                    return Err(NumberProblem::NotANumber);
                }
                after.split_at(n)
            }
            _ => rest.split_at(0),
        };
        let exp = match rest.split_first() {
            None => 0,
            Some((b'e' | b'E', after)) => parse_exponent(after)?,
            Some(_) => return Err(NumberProblem::NotANumber),
        };

        // Walk the digits with the power of ten each stands for; zeros after
        // the first significant digit wait in `pending_zeros` until a later
        // non-zero digit shows they are not trailing.
        let powers = int_part
            .iter()
            .enumerate()
            .map(|(i, d)| (*d, exp.saturating_add(int_len as i64 - 1 - i as i64)))
            .chain(
                frac_part
                    .iter()
                    .enumerate()
                    .map(|(j, d)| (*d, exp.saturating_sub(j as i64 + 1))),
            );
        let mut mantissa: Option<u128> = Some(0);
        let mut lead_power = None;
        let mut last_power = 0;
        let mut pending_zeros: u32 = 0;
        for (digit, power) in powers {
            let value = u128::from(digit - b'0');
            if lead_power.is_none() {
                if value == 0 {
                    continue;
                }
                lead_power = Some(power);
            } else if value == 0 {
                pending_zeros = pending_zeros.saturating_add(1);
                continue;
            }
            mantissa = mantissa.and_then(|m| {
                10u128
                    .checked_pow(pending_zeros + 1)
                    .and_then(|scale| m.checked_mul(scale))
                    .and_then(|m| m.checked_add(value))
            });
            pending_zeros = 0;
            last_power = power;
        }
        match lead_power {
            None => Ok(Exact {
                negative,
                ..Exact::ZERO
            }),
            Some(lead_power) => Ok(Exact {
                negative,
                mantissa,
                lead_power,
                last_power,
            }),
        }
    }

    /// The value × 10^`decimals` as an integer in `0..=max`.
    fn scaled(self, decimals: u32, max: u64) -> Result<u64, NumberProblem> {
        if self.mantissa == Some(0) {
            return Ok(0);
        }
        if self.negative {
            return Err(NumberProblem::Negative);
        }
        // Every bound gonghui uses is below 10^19 once scaled.
        if self.lead_power.saturating_add(i64::from(decimals)) >= 19 {
            return Err(NumberProblem::TooLarge);
        }
        let shift = self.last_power.saturating_add(i64::from(decimals));
        if shift < 0 {
            return Err(NumberProblem::TooPrecise);
        }
        // From here lead_power < 19 and last_power ≥ -decimals: at most 21
        // significant digits, so the mantissa was kept and the product fits.
        let scaled = u32::try_from(shift)
            .ok()
            .and_then(|shift| 10u128.checked_pow(shift))
            .zip(self.mantissa)
            .and_then(|(scale, m)| m.checked_mul(scale))
            .ok_or(NumberProblem::TooLarge)?;
        u64::try_from(scaled)
            .ok()
            .filter(|v| *v <= max)
            .ok_or(NumberProblem::TooLarge)
    }
}

/// Reads the digits of an exponent, saturating: an exponent with a billion
/// digits only means "huge" or "tiny", which is all the callers need to know.
fn parse_exponent(after_e: &[u8]) -> Result<i64, NumberProblem> {
    let (sign, digits) = match after_e.split_first() {
        Some((b'-', d)) => (-1, d),
        Some((b'+', d)) => (1, d),
        _ => (1, after_e),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Err(NumberProblem::NotANumber);
    }
    let magnitude = digits.iter().fold(0i64, |acc, d| {
        acc.saturating_mul(10)
            .saturating_add(i64::from(d - b'0'))
            .min(i64::MAX / 4)
    });
    Ok(sign * magnitude)
}

/// Reads JSON number text as a whole number in `0..=max`.
///
/// The value decides, not the spelling: `1200000`, `1200000.0` and `1.2e6`
/// are the same whole number; `1.5` is [`NumberProblem::TooPrecise`].
pub(crate) fn whole(text: &str, max: u64) -> Result<u64, NumberProblem> {
    Exact::parse(text)?.scaled(0, max)
}

/// Reads JSON number text as hundredths (a quantity with at most two
/// decimals) in `0..=max` hundredths.
pub(crate) fn hundredths(text: &str, max: u64) -> Result<u64, NumberProblem> {
    Exact::parse(text)?.scaled(2, max)
}

/// Writes `value / 100` with its decimals trimmed: `10000` → `100`,
/// `9550` → `95.5`, `3333` → `33.33`.
pub(crate) fn format_hundredths_trimmed(value: u64) -> String {
    Trimmed(value).to_string()
}

/// `value / 100` with its decimals trimmed, written without allocating.
pub(crate) struct Trimmed(pub(crate) u64);

impl Trimmed {
    pub(crate) fn write_to(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        f.write_str(itoa::Buffer::new().format(self.0 / 100))?;
        match self.0 % 100 {
            0 => Ok(()),
            d if d % 10 == 0 => {
                f.write_str(".")?;
                f.write_str(itoa::Buffer::new().format(d / 10))
            }
            d => {
                f.write_str(".")?;
                two_digits(f, d)
            }
        }
    }
}

super::words::words_and_display!(Trimmed, Fixed, Grouped);

/// Writes `value / 100` with exactly two decimals: `9550` → `95.50`.
pub(crate) fn format_hundredths_fixed(value: u64) -> String {
    Fixed(value).to_string()
}

/// `value / 100` with exactly two decimals, written without allocating.
pub(crate) struct Fixed(pub(crate) u64);

impl Fixed {
    pub(crate) fn write_to(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        f.write_str(itoa::Buffer::new().format(self.0 / 100))?;
        f.write_str(".")?;
        two_digits(f, self.0 % 100)
    }
}

/// Writes `n` (below 100) as two digits: `5` → `05`.
pub(crate) fn two_digits(f: &mut impl std::fmt::Write, n: u64) -> std::fmt::Result {
    let digits = [b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8];
    f.write_str(std::str::from_utf8(&digits).unwrap_or("00"))
}

/// A whole number with its digits grouped in threes, written without
/// allocating: `1200000` → `1,200,000`.
pub(crate) struct Grouped(pub(crate) u64);

impl Grouped {
    pub(crate) fn write_to(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        let mut buffer = itoa::Buffer::new();
        let digits = buffer.format(self.0);
        let head = match digits.len() % 3 {
            0 => 3,
            n => n,
        };
        f.write_str(&digits[..head])?;
        for group in digits.as_bytes()[head..].chunks(3) {
            f.write_str(",")?;
            f.write_str(std::str::from_utf8(group).unwrap_or(""))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_by_value_not_spelling() {
        assert_eq!(whole("0", 10), Ok(0));
        assert_eq!(whole("-0", 10), Ok(0));
        assert_eq!(whole("1200000", MAX_SAFE_INTEGER), Ok(1_200_000));
        assert_eq!(whole("1200000.000", MAX_SAFE_INTEGER), Ok(1_200_000));
        assert_eq!(whole("1.2e6", MAX_SAFE_INTEGER), Ok(1_200_000));
        assert_eq!(whole("12E+5", MAX_SAFE_INTEGER), Ok(1_200_000));
        assert_eq!(whole("120000000e-2", MAX_SAFE_INTEGER), Ok(1_200_000));
        assert_eq!(whole("1.5", 10), Err(NumberProblem::TooPrecise));
        assert_eq!(whole("-1", 10), Err(NumberProblem::Negative));
        assert_eq!(whole("11", 10), Err(NumberProblem::TooLarge));
    }

    #[test]
    fn safe_integer_boundary() {
        assert_eq!(
            whole("9007199254740991", MAX_SAFE_INTEGER),
            Ok(MAX_SAFE_INTEGER)
        );
        assert_eq!(
            whole("9007199254740992", MAX_SAFE_INTEGER),
            Err(NumberProblem::TooLarge)
        );
        assert_eq!(
            whole("18446744073709551616", MAX_SAFE_INTEGER),
            Err(NumberProblem::TooLarge)
        );
    }

    #[test]
    fn hundredths_exactly() {
        assert_eq!(hundredths("95", u64::MAX), Ok(9500));
        assert_eq!(hundredths("95.5", u64::MAX), Ok(9550));
        assert_eq!(hundredths("95.50", u64::MAX), Ok(9550));
        assert_eq!(hundredths("95.500000", u64::MAX), Ok(9550));
        assert_eq!(hundredths("9.955e1", u64::MAX), Ok(9955));
        assert_eq!(hundredths("99.99", u64::MAX), Ok(9999));
        assert_eq!(hundredths("0.01", u64::MAX), Ok(1));
        assert_eq!(
            hundredths("99.999", u64::MAX),
            Err(NumberProblem::TooPrecise)
        );
        assert_eq!(
            hundredths("0.001", u64::MAX),
            Err(NumberProblem::TooPrecise)
        );
        assert_eq!(hundredths("1e-3", u64::MAX), Err(NumberProblem::TooPrecise));
        assert_eq!(
            hundredths("100.005", u64::MAX),
            Err(NumberProblem::TooPrecise)
        );
    }

    #[test]
    fn hostile_spellings() {
        let zeros = format!("0.{}", "0".repeat(100_000));
        assert_eq!(hundredths(&zeros, 10), Ok(0));
        let digits = "9".repeat(1_000_000);
        assert_eq!(
            whole(&digits, MAX_SAFE_INTEGER),
            Err(NumberProblem::TooLarge)
        );
        let long_fraction = format!("1.{}1", "0".repeat(100_000));
        assert_eq!(
            hundredths(&long_fraction, u64::MAX),
            Err(NumberProblem::TooPrecise)
        );
        let trailing = format!("100.{}", "0".repeat(100_000));
        assert_eq!(hundredths(&trailing, u64::MAX), Ok(10_000));
        assert_eq!(
            whole("1e999999999999999999999", 10),
            Err(NumberProblem::TooLarge)
        );
        assert_eq!(
            whole("1e-999999999999999999999", 10),
            Err(NumberProblem::TooPrecise)
        );
        assert_eq!(whole("0e999999999999999999999", 10), Ok(0));
        for bad in [
            "", "-", "1.", ".5", "1e", "1e+", "01x", "NaN", "--1", "1.2.3",
        ] {
            assert_eq!(whole(bad, 10), Err(NumberProblem::NotANumber), "{bad:?}");
        }
    }

    #[test]
    fn formats() {
        assert_eq!(format_hundredths_trimmed(10_000), "100");
        assert_eq!(format_hundredths_trimmed(9_550), "95.5");
        assert_eq!(format_hundredths_trimmed(3_333), "33.33");
        assert_eq!(format_hundredths_trimmed(5), "0.05");
        assert_eq!(format_hundredths_fixed(9_550), "95.50");
        assert_eq!(format_hundredths_fixed(5), "0.05");
        assert_eq!(Grouped(0).to_string(), "0");
        assert_eq!(Grouped(999).to_string(), "999");
        assert_eq!(Grouped(1_000).to_string(), "1,000");
        assert_eq!(Grouped(1_000_001).to_string(), "1,000,001");
        assert_eq!(Grouped(50_000_000).to_string(), "50,000,000");
    }
}
