//! The readers of single values: each takes one JSON value and gives a
//! typed value of the vocabulary or the [`Problem`] with it; the caller adds
//! the field.
//!
//! The policy file is read with the same readers, so a value means the same
//! thing in the file, in an override and in the facts.

use super::error::{Expected, Problem, show};
use crate::json::value::{Number, Value};
use crate::vocab::number::{self, MAX_SAFE_INTEGER, NumberProblem};
use crate::vocab::{Area, Fen, Rate, Year};

/// A whole number from 0 to 2^53 − 1, described as `expected`.
fn whole(json: &Value<'_>, expected: Expected) -> Result<u64, Problem> {
    exact(json, expected, number::whole, 0, MAX_SAFE_INTEGER, Some)
}

/// A count of things.
pub(crate) fn count(json: &Value<'_>) -> Result<u64, Problem> {
    whole(json, Expected::Count)
}

/// An amount of money in whole fen (I2): negative, fractional and larger
/// than 2^53 − 1 are all refused.
pub(crate) fn fen(json: &Value<'_>) -> Result<Fen, Problem> {
    exact(
        json,
        Expected::Fen,
        number::whole,
        0,
        MAX_SAFE_INTEGER,
        Fen::new,
    )
}

/// A number read exactly by `scale` (whole numbers or hundredths: the
/// `decimals` it keeps) up to `max`, then made into a `T` by `make`;
/// anything else is a problem described as `expected`.
fn exact<T>(
    json: &Value<'_>,
    expected: Expected,
    scale: fn(&str, u64) -> Result<u64, NumberProblem>,
    decimals: u32,
    max: u64,
    make: impl FnOnce(u64) -> Option<T>,
) -> Result<T, Problem> {
    let scaled = match json {
        // A plain integer needs no reading of text.
        Value::Number(Number::Unsigned(n)) => n
            .checked_mul(10u64.pow(decimals))
            .filter(|v| *v <= max)
            .ok_or(NumberProblem::TooLarge),
        Value::Number(Number::Negative(_)) => Err(NumberProblem::Negative),
        Value::Number(Number::Text(text)) => scale(text, max),
        other => {
            return Err(Problem::Type {
                expected,
                found: other.type_name(),
            });
        }
    };
    scaled.ok().and_then(make).ok_or_else(|| Problem::Range {
        expected,
        found: show(json),
    })
}

/// A calendar year, 1 to 9999.
pub(crate) fn year(json: &Value<'_>) -> Result<Year, Problem> {
    exact(
        json,
        Expected::Year,
        number::whole,
        0,
        u64::from(Year::MAX.get()),
        |y| u16::try_from(y).ok().and_then(Year::new),
    )
}

/// An area in square metres with at most two decimals, read exactly.
pub(crate) fn area(json: &Value<'_>) -> Result<Area, Problem> {
    exact(
        json,
        Expected::Area,
        number::hundredths,
        2,
        Area::MAX.hundredths(),
        Area::from_hundredths,
    )
}

/// A percentage from 0 to 100 with at most two decimals, read exactly.
pub(crate) fn rate(json: &Value<'_>) -> Result<Rate, Problem> {
    let max = Rate::ONE_HUNDRED_PERCENT.hundredths();
    exact(
        json,
        Expected::Percent,
        number::hundredths,
        2,
        u64::from(max),
        |h| u32::try_from(h).ok().and_then(Rate::from_hundredths),
    )
}

/// A boolean.
pub(crate) fn boolean(json: &Value<'_>) -> Result<bool, Problem> {
    match json {
        Value::Bool(b) => Ok(*b),
        other => Err(Problem::Type {
            expected: Expected::Bool,
            found: other.type_name(),
        }),
    }
}

/// A string.
pub(crate) fn text(json: &Value<'_>) -> Result<String, Problem> {
    match json {
        Value::String(s) => Ok(s.as_ref().to_owned()),
        other => Err(Problem::Type {
            expected: Expected::Text,
            found: other.type_name(),
        }),
    }
}

/// A code of one of gonghui's lists (chains, park levels, …).
pub(crate) fn code<T>(
    json: &Value<'_>,
    expected: Expected,
    from_code: impl Fn(&str) -> Option<T>,
) -> Result<T, Problem> {
    match json {
        Value::String(s) => from_code(s).ok_or_else(|| Problem::Range {
            expected,
            found: show(json),
        }),
        other => Err(Problem::Type {
            expected,
            found: other.type_name(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> Value<'_> {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn money_i2() {
        assert_eq!(fen(&num("480000")), Ok(Fen::new(480_000).unwrap()));
        assert!(fen(&num("-1")).is_err());
        assert!(fen(&num("1.5")).is_err());
        assert!(fen(&num("9007199254740992")).is_err());
        assert!(fen(&num(r#""100""#)).is_err());
    }

    #[test]
    fn areas_two_decimals() {
        assert_eq!(area(&num("99.99")).unwrap().hundredths(), 9_999);
        assert_eq!(area(&num("100")).unwrap().hundredths(), 10_000);
        assert!(area(&num("99.999")).is_err());
        assert!(area(&num("-0.01")).is_err());
    }

    #[test]
    fn years_and_rates() {
        assert_eq!(year(&num("2025")).unwrap().get(), 2025);
        assert!(year(&num("0")).is_err());
        assert!(year(&num("10000")).is_err());
        assert!(year(&num("2025.5")).is_err());
        assert_eq!(rate(&num("33.33")).unwrap().hundredths(), 3_333);
        assert!(rate(&num("100.01")).is_err());
    }
}
