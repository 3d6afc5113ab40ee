//! JSON Lines: many requests in, one answer line per request out, in order.
//!
//! A batch loses nothing: every line of input gets exactly one line of
//! answer, whatever it holds (blank, broken JSON, invalid UTF-8, a NUL byte).
//! Lines end in `\n`; a `\r` before it (CRLF files) is not part of the line,
//! and a final line without `\n` is still a line.

use crate::policy::Policy;

/// The content of one line: without its `\n` and a `\r` before it.
pub fn line_content(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The lines of a JSON Lines input, each without its line ending.
///
/// An input ending in `\n` has no empty line after it; an empty input has no
/// lines at all.
pub fn lines(input: &[u8]) -> impl Iterator<Item = &[u8]> {
    let body = input.strip_suffix(b"\n").unwrap_or(input);
    body.split(|b| *b == b'\n')
        .filter(move |_| !input.is_empty())
        .map(line_content)
}

/// Answers a JSON Lines input with the [published](Policy::published)
/// policy: one answer line, ending in `\n`, per input line, in order.
pub fn evaluate_lines(input: &[u8]) -> String {
    Policy::published().evaluate_lines(input)
}

impl Policy {
    /// Answers a JSON Lines input under this policy: one answer line, ending
    /// in `\n`, per input line, in order, each what
    /// [`evaluate`](Policy::evaluate) answers for that line alone.
    pub fn evaluate_lines(&self, input: &[u8]) -> String {
        // Answers run about ten times their requests: room for that up front.
        let mut out = String::with_capacity(input.len().saturating_mul(10).min(1 << 26));
        for line in lines(input) {
            self.evaluate_appending(line, &mut out);
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(input: &[u8]) -> Vec<&[u8]> {
        lines(input).collect()
    }

    #[test]
    fn line_endings() {
        assert!(collect(b"").is_empty());
        assert_eq!(collect(b"\n"), vec![b"" as &[u8]]);
        assert_eq!(collect(b"a"), vec![b"a" as &[u8]]);
        assert_eq!(collect(b"a\n"), vec![b"a" as &[u8]]);
        assert_eq!(collect(b"a\r\nb\r\n"), vec![b"a" as &[u8], b"b"]);
        assert_eq!(collect(b"a\n\nb"), vec![b"a" as &[u8], b"", b"b"]);
        assert_eq!(collect(b"a\n\n"), vec![b"a" as &[u8], b""]);
    }

    #[test]
    fn one_answer_per_line() {
        let out = evaluate_lines(b"{}\n\n\xff\xfe\nnot json\r\n{\"question\":\"catalog\"}");
        assert_eq!(out.lines().count(), 5);
        assert!(out.ends_with('\n'));
    }
}
