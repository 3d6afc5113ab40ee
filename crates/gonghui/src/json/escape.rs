//! The bytes a JSON string cannot hold as they are, and their escapes:
//! one home for the answer writer, which escapes them exactly as serde_json
//! does, and the one-pass reader, which stops at them.

/// Whether `byte` must be escaped inside a JSON string.
pub(crate) fn needs_escape(byte: u8) -> bool {
    (byte < 0x20) | (byte == b'"') | (byte == b'\\')
}

/// The bytes of `word` (eight bytes of a text, the first lowest) that a JSON
/// string cannot hold as they are ([`needs_escape`]), each marked by its high
/// bit: a search for the end of a string, eight bytes at a time. The lowest mark is always right;
/// a mark above a marked byte may be spurious (the borrow of the subtraction
/// runs on), so a caller looks at the lowest only, or at none.
pub(crate) fn stops(word: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    zero(word ^ (ONES * u64::from(b'"'))) | zero(word ^ (ONES * u64::from(b'\\'))) | below_space
}

/// Whether none of `bytes` needs an escape: one pass without a branch per
/// byte, which the compiler turns into vector code (faster, on texts of a
/// hundred bytes and more, than eight bytes at a time with [`stops`]).
pub(crate) fn clean(bytes: &[u8]) -> bool {
    !bytes.iter().fold(false, |any, b| any | needs_escape(*b))
}

/// Appends `text` to `out`, escaped as serde_json escapes strings.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    // Most texts need no escape: copy them at once.
    if clean(text.as_bytes()) {
        out.push_str(text);
        return;
    }
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        if !needs_escape(byte) {
            continue;
        }
        out.push_str(&text[start..i]);
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            other => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(other >> 4)]));
                out.push(char::from(HEX[usize::from(other & 15)]));
            }
        }
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The first stop of a word is the first byte of it that needs an
        /// escape: a quote, a backslash or a control character.
        #[test]
        fn the_first_stop_of_a_word(word in proptest::array::uniform8(proptest::sample::select(
            vec![0x00, 0x01, 0x1f, 0x20, 0x21, b'"', b'#', b'[', b'\\', b']', b'a', 0x7f, 0x80, 0xe4, 0xff],
        ))) {
            let first = word.iter().position(|b| matches!(b, b'"' | b'\\' | 0..0x20));
            let stops = stops(u64::from_le_bytes(word));
            let found = (stops != 0).then(|| (stops.trailing_zeros() / 8) as usize);
            prop_assert_eq!(found, first);
        }
    }

    proptest! {
        /// The escapes are serde_json's, to the byte.
        #[test]
        fn escapes_like_serde_json(text in "(?s).{0,64}") {
            let mut json = String::from('"');
            push_escaped(&mut json, &text);
            json.push('"');
            prop_assert_eq!(json, serde_json::to_string(&text).unwrap());
        }
    }
}
