//! Words and numbers for people: a text in the language asked for, and
//! numbers with their thousands grouped, as the tables show them.

use gonghui::Lang;

/// The text in `lang`.
pub fn pick<T>(lang: Lang, zh: T, en: T) -> T {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A count with its thousands grouped: `1,448`.
pub fn grouped(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// An amount of fen as yuan, thousands grouped, two decimals: `500,000.00`.
/// Exact for every amount a population can add up to.
pub fn yuan(fen: u128) -> String {
    format!("{}.{:02}", grouped(fen / 100), fen % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_grouped() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(yuan(5), "0.05");
        assert_eq!(yuan(50_000_000), "500,000.00");
        assert_eq!(yuan(u128::from(u64::MAX)), "184,467,440,737,095,516.15");
    }

    #[test]
    fn the_core_groups_the_same() {
        for fen in [0, 7, 100, 123_456, 50_000_000, 9_007_199_254_740_991] {
            let core = gonghui::Fen::new(fen).map(gonghui::Fen::yuan_grouped);
            assert_eq!(Some(yuan(u128::from(fen))), core);
        }
    }
}
