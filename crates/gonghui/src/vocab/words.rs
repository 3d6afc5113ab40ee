//! Values written into texts: the pieces explanations and messages are made
//! of, without `core::fmt`.
//!
//! A text is made of pieces rather than `format_args!`: an answer writes
//! some twenty sentences, and `core::fmt`'s interpreter of format strings
//! was an eighth of `evaluate_json`'s instructions (docs/PERFORMANCE.md). A
//! value that also has a `Display` writes the same text there: both go
//! through one method, `write_to`, generic over `fmt::Write`.

/// A piece of a text: its own words (`&str`), or a value it quotes (a year,
/// an amount, the names of industries), written straight into place.
pub trait Words {
    /// Appends the text to `out`.
    fn write_words(&self, out: &mut String);
}

impl Words for str {
    fn write_words(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Words for String {
    fn write_words(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Words + ?Sized> Words for &T {
    fn write_words(&self, out: &mut String) {
        (**self).write_words(out);
    }
}

/// `items` separated by commas: `"a, b, c"` (one copy of the joining code
/// for every list a message names, for the WebAssembly module's size).
pub(crate) fn comma_list(items: &[&str]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    out
}

/// Whole numbers in decimal digits, all written as `u64` (one copy of the
/// digit writer in the WebAssembly module).
macro_rules! words_of_integers {
    ($($t:ty),*) => {$(
        impl Words for $t {
            fn write_words(&self, out: &mut String) {
                out.push_str(itoa::Buffer::new().format(*self as u64));
            }
        }
    )*};
}
words_of_integers!(u16, u32, u64, usize);

/// [`Words`] and `Display` of types that write their text with one method,
/// `write_to(&self, out: &mut impl fmt::Write) -> fmt::Result`: an answer's
/// explanation and `to_string` give the same text from the same code.
/// `Display` writes through a `String`, so that each writer is compiled
/// once, for strings (the WebAssembly module has a size budget); it serves
/// messages and tests, not the answers.
macro_rules! words_and_display {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::vocab::words::Words for $t {
            fn write_words(&self, out: &mut String) {
                // Writing into a `String` cannot fail.
                let _ = self.write_to(out);
            }
        }

        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let mut text = String::new();
                $crate::vocab::words::Words::write_words(self, &mut text);
                f.write_str(&text)
            }
        }
    )*};
}
pub(crate) use words_and_display;

/// A text: its own words, and the values it quotes between them, as
/// `format_args!` holds them but written without `core::fmt`: the words are
/// one static table, and only the values are gathered per text.
#[derive(Clone, Copy)]
pub struct Text<'a> {
    /// One more than the values: before each value, and after the last.
    words: &'static [&'static str],
    values: &'a [&'a dyn Words],
}

impl<'a> Text<'a> {
    /// The text of `words` with `values` between them; built by [`text!`].
    pub(crate) const fn new(
        words: &'static [&'static str],
        values: &'a [&'a dyn Words],
    ) -> Text<'a> {
        Text { words, values }
    }

    /// About the length of the text, to write it without growing the
    /// string: the words and a short value each.
    pub(crate) fn capacity_hint(self) -> usize {
        self.words.iter().map(|w| w.len()).sum::<usize>() + 16 * self.values.len()
    }

    /// Appends the text to `out`.
    pub(crate) fn write_to(self, out: &mut String) {
        let (first, rest) = self.words.split_first().unwrap_or((&"", &[]));
        out.push_str(first);
        for (value, words) in self.values.iter().zip(rest) {
            value.write_words(out);
            out.push_str(words);
        }
    }
}

/// A [`Text`] from its pieces in order, words and values (plain names):
/// `text!["在", year, "年"]`. The words go to a static table, each run of
/// them joined into one; a value is anything that is [`Words`].
macro_rules! text {
    (@ [$($w:expr,)*] [$($v:expr,)*] ($p:expr)) => {
        $crate::vocab::words::Text::new(&[$($w,)* $p], &[$(&$v as &dyn $crate::vocab::words::Words,)*])
    };
    (@ [$($w:expr,)*] [$($v:expr,)*] ($p:expr) $l:literal $(, $($rest:tt)*)?) => {
        $crate::vocab::words::text!(@ [$($w,)*] [$($v,)*] (concat!($p, $l)) $($($rest)*)?)
    };
    (@ [$($w:expr,)*] [$($v:expr,)*] ($p:expr) $x:ident $(, $($rest:tt)*)?) => {
        $crate::vocab::words::text!(@ [$($w,)* $p,] [$($v,)* $x,] ("") $($($rest)*)?)
    };
    ($($piece:tt)*) => {
        $crate::vocab::words::text!(@ [] [] ("") $($piece)*)
    };
}
pub(crate) use text;

#[cfg(test)]
mod tests {
    #[test]
    fn words_and_values_in_order() {
        let (year, n) = (2025u16, 7u64);
        let mut out = String::new();
        super::text!["在", year, "年有", n, "家"].write_to(&mut out);
        assert_eq!(out, "在2025年有7家");
    }
}
