//! How an explanation names the source of a value it states: the clause that
//! sets it, or, when an override put another value in its place, that it was
//! overridden and what the clause sets ("overridden; C9 sets 100 m²" /
//! "已替换；C9规定为100平方米"). Every value a step states comes with one.

use std::fmt;

use crate::policy::Used;
use crate::vocab::number::Grouped;
use crate::vocab::words::{Words, words_and_display};
use crate::vocab::{Area, Clause, Lang, Year};

/// The source of a value: its clause, and the published value when an
/// override replaced it.
pub(crate) struct Basis<W> {
    clause: Clause,
    published: Option<W>,
    lang: Lang,
}

impl<W: Words> Basis<W> {
    /// The source of `used`, set by `clause`; `words` writes a published
    /// value with its unit.
    pub(crate) fn of<T: Copy>(
        clause: Clause,
        used: Used<T>,
        lang: Lang,
        words: impl FnOnce(T) -> W,
    ) -> Basis<W> {
        Basis {
            clause,
            published: used.published.map(words),
            lang,
        }
    }

    /// Whether the value was overridden.
    pub(crate) fn overridden(&self) -> bool {
        self.published.is_some()
    }
}

impl<W: Words> Words for Basis<W> {
    fn write_words(&self, out: &mut String) {
        let published = self.published.as_ref().map(|w| w as &dyn Words);
        write_basis(out, self.clause, published, self.lang);
    }
}

/// Writes a source, once for every kind of value (the WebAssembly module
/// has a size budget).
fn write_basis(out: &mut String, clause: Clause, published: Option<&dyn Words>, lang: Lang) {
    match published {
        None => clause.write_words(out),
        Some(published) => {
            out.push_str(lang.pick("已替换；", "overridden; "));
            clause.write_words(out);
            out.push_str(lang.pick("规定为", " sets "));
            published.write_words(out);
        }
    }
}

/// A count with its measure word: `"10,000名"` / `"10,000"`.
pub(crate) struct Counted {
    pub(crate) n: u64,
    /// The Chinese measure word (家, 名, 场, 个).
    pub(crate) zh: &'static str,
    pub(crate) lang: Lang,
}

impl Counted {
    fn write_to(&self, f: &mut impl fmt::Write) -> fmt::Result {
        Grouped(self.n).write_to(f)?;
        match self.lang {
            Lang::Zh => f.write_str(self.zh),
            Lang::En => Ok(()),
        }
    }
}

/// A threshold of indoor area: `"100平方米"` / `"100 m²"`.
pub(crate) struct SquareMetres(pub(crate) Area, pub(crate) Lang);

impl SquareMetres {
    fn write_to(&self, f: &mut impl fmt::Write) -> fmt::Result {
        self.0.trimmed().write_to(f)?;
        f.write_str(self.1.pick("平方米", " m²"))
    }
}

/// A subsidy period: `"2023—2026年"` / `"2023–2026"`.
pub(crate) struct Period(pub(crate) Year, pub(crate) Year, pub(crate) Lang);

impl Period {
    fn write_to(&self, f: &mut impl fmt::Write) -> fmt::Result {
        let Period(first, last, lang) = self;
        first.write_to(f)?;
        f.write_str(lang.pick("—", "–"))?;
        last.write_to(f)?;
        f.write_str(lang.pick("年", ""))
    }
}

/// A name with its first letter capitalised, to begin an English sentence.
pub(crate) struct Capitalised(pub(crate) &'static str);

impl Capitalised {
    fn write_to(&self, f: &mut impl fmt::Write) -> fmt::Result {
        let mut chars = self.0.chars();
        if let Some(first) = chars.next() {
            for upper in first.to_uppercase() {
                f.write_char(upper)?;
            }
        }
        f.write_str(chars.as_str())
    }
}

words_and_display!(Counted, SquareMetres, Period, Capitalised);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_overridden_names_the_published_one() {
        let area = |m2| Area::from_m2(m2).unwrap();
        let used = Used {
            value: area(200),
            published: Some(area(100)),
        };
        let mut out = String::new();
        Basis::of(Clause::C9, used, Lang::Zh, |a| SquareMetres(a, Lang::Zh)).write_words(&mut out);
        assert_eq!(out, "已替换；C9规定为100平方米");
        out.clear();
        Basis::of(Clause::C9, used, Lang::En, |a| SquareMetres(a, Lang::En)).write_words(&mut out);
        assert_eq!(out, "overridden; C9 sets 100 m²");
        out.clear();
        let published = Used::published(area(100));
        Basis::of(Clause::C9, published, Lang::En, |a| {
            SquareMetres(a, Lang::En)
        })
        .write_words(&mut out);
        assert_eq!(out, "C9");
    }
}
