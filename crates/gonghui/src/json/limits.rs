//! The limits every entry point enforces, so that no input can exhaust memory
//! or time. Beyond them the answer is an error object, never a crash.

/// The largest request gonghui reads: 8 MiB. A request of the contract is a
/// few hundred bytes; the limit leaves room for long `achieved` maps and
/// population requests while refusing a 100 MB line before parsing it.
pub const MAX_REQUEST_BYTES: usize = 8 * 1024 * 1024;

/// The JSON nesting the parser refuses (serde_json's own limit): a request
/// nests at most 127 levels deep, and the contract's nest six at most (a
/// chain in a request of a comparison's population).
pub const MAX_NESTING: usize = 128;

/// The most JSON values a request may hold, every object key counting as one
/// too: 1,000,000.
///
/// Bytes alone do not bound memory: the parser builds a tree of at least 32
/// bytes per value plus an allocation for each number's text, so 8 MiB of
/// `[0,0,0,…]` (4 million values) took 280 MB and a second to refuse, and a
/// WebAssembly module never gives back the memory it grew to. A million
/// values bounds a request to about 70 MB and 0.3 s, the cost of the largest
/// real request: a population filling the 8 MiB holds some 930,000.
/// Counted before parsing, in one pass over the bytes that allocates nothing.
pub const MAX_VALUES: usize = 1_000_000;

/// Refuses a text of more than [`MAX_VALUES`] values and keys, as the parser
/// refuses one nested deeper than [`MAX_NESTING`]: not JSON gonghui reads, at
/// the line and column (from 1, in bytes) of the first value over the limit.
///
/// A value starts at `[`, `{`, `"` (keys included) or the first character of
/// a number, `true`, `false` or `null`, outside strings. On text that is not
/// JSON the count means little, but it is still bounded, which is all that
/// matters before the parser gives its own error.
pub(crate) fn check_values(text: &str) -> Result<(), super::Malformed> {
    // Every value takes at least a byte: a text no longer than the limit
    // cannot be over it, and every real request is (it costs nothing then).
    if text.len() <= MAX_VALUES {
        return Ok(());
    }
    let (mut count, mut in_string, mut escaped, mut in_scalar) = (0usize, false, false, false);
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        let scalar = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.');
        let starts = match b {
            b'"' => {
                in_string = true;
                true
            }
            b'[' | b'{' => true,
            _ => scalar && !in_scalar,
        };
        in_scalar = scalar;
        count += usize::from(starts);
        if count > MAX_VALUES {
            let line_start = text.as_bytes()[..i]
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |n| n + 1);
            return Err(crate::json::Malformed::NotJson {
                line: 1 + text.as_bytes()[..i].iter().filter(|b| **b == b'\n').count(),
                column: i - line_start + 1,
                detail: format!("value limit exceeded: more than {MAX_VALUES} values and keys"),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count_ok(text: &str) -> bool {
        check_values(text).is_ok()
    }

    #[test]
    fn a_million_values_and_keys_and_no_more() {
        // The array and its elements: 1 + (MAX_VALUES − 1) values.
        let at_limit = format!("[{}0]", "0,".repeat(MAX_VALUES - 2));
        assert!(count_ok(&at_limit));
        let over = format!("[{}0]", "0,".repeat(MAX_VALUES - 1));
        assert_eq!(
            check_values(&over),
            Err(crate::json::Malformed::NotJson {
                line: 1,
                column: 2 * MAX_VALUES,
                detail: "value limit exceeded: more than 1000000 values and keys".into(),
            })
        );
        // Keys count; a number, `true` or a string is one value however long.
        let keys = format!("{{{}\"k\":0}}", "\"k\":0,".repeat(MAX_VALUES / 2));
        assert!(!count_ok(&keys));
        let long = format!("[{}]", ["-12.5e+3", "true", "\"a,b[c{\\\"\""].join(","));
        assert!(count_ok(&long));
        let strings = format!("[{}\"\"]", "\"[{,\\\"\",".repeat(MAX_VALUES));
        assert!(!count_ok(&strings));
        assert!(count_ok(&format!("\"{}\"", "[".repeat(MAX_VALUES * 2))));
    }

    #[test]
    fn the_position_is_the_first_value_over_the_limit() {
        let text = format!("{{\n \"a\": [{}1]}}", "1, ".repeat(MAX_VALUES));
        let Err(crate::json::Malformed::NotJson { line, column, .. }) = check_values(&text) else {
            panic!("over the limit");
        };
        // `{`, the key and the array are three; the value over is the
        // 999,998th number, on the second line after ` "a": [`.
        assert_eq!((line, column), (2, 8 + 3 * (MAX_VALUES - 3)));
    }
}
