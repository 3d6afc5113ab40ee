//! Words for people, in the language asked for.

use gonghui::Lang;

/// The text in `lang`.
pub fn pick<T>(lang: Lang, zh: T, en: T) -> T {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
