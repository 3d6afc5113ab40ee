//! Reading JSON Lines in bounded memory: a line longer than the request
//! limit is skipped as it streams by, counted, and still answered.
//!
//! The `lines` fuzz target (fuzz/) includes this file as is, to fuzz what
//! ships: it uses nothing of the command's other modules, only std and gonghui.

use std::io::{self, BufRead};

/// One line of input.
pub enum Line<'a> {
    /// A line within the limit, with its `\n` if it had one.
    Complete(&'a [u8]),
    /// A line over the limit, of this many bytes (without its `\n` and a
    /// `\r` before it); its bytes were not kept.
    TooLong { bytes: usize },
}

/// Reads lines of at most `limit` bytes from a buffered reader.
pub struct LineReader<R> {
    input: R,
    limit: usize,
    line: Vec<u8>,
}

impl<R: BufRead> LineReader<R> {
    pub fn new(input: R, limit: usize) -> LineReader<R> {
        LineReader {
            input,
            limit,
            line: Vec::new(),
        }
    }

    /// Sets the limit of the lines read from now on.
    pub fn set_limit(&mut self, limit: usize) {
        self.limit = limit;
    }

    /// The next line, or `None` at the end of the input.
    ///
    /// A line is over the limit when its content is, as the core reads it
    /// ([`gonghui::batch::line_content`]): without its `\n` and a `\r` before
    /// it. So a line of exactly `limit` bytes ending in `\r\n` is kept, and
    /// the size of a refused line is the one the core would report.
    pub fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        self.line.clear();
        // The bytes of the line so far (without `\n`), whether the last was
        // a `\r`, and whether they are still kept: up to `limit` + 1 bytes,
        // room for the content and a `\r` that may turn out to end it.
        let mut len = 0usize;
        let mut last_cr = false;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                // End of input: a last line without `\n` is still a line.
                return Ok((len > 0).then(|| self.finish(len, last_cr)));
            }
            let (take, ends) = match chunk.iter().position(|b| *b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let body = &chunk[..take - usize::from(ends)];
            if let Some(last) = body.last() {
                last_cr = *last == b'\r';
            }
            len += body.len();
            if len <= self.limit + 1 {
                self.line.extend_from_slice(&chunk[..take]);
            } else {
                self.line = Vec::new();
            }
            self.input.consume(take);
            if ends {
                return Ok(Some(self.finish(len, last_cr)));
            }
        }
    }

    /// The line just read, of `len` bytes before its `\n`.
    fn finish(&self, len: usize, last_cr: bool) -> Line<'_> {
        let content = len - usize::from(last_cr);
        if content > self.limit {
            Line::TooLong { bytes: content }
        } else {
            Line::Complete(&self.line)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8], limit: usize) -> Vec<Result<Vec<u8>, usize>> {
        let mut reader = LineReader::new(io::BufReader::with_capacity(3, input), limit);
        let mut out = Vec::new();
        while let Some(line) = reader.next_line().unwrap() {
            out.push(match line {
                Line::Complete(bytes) => Ok(bytes.to_vec()),
                Line::TooLong { bytes } => Err(bytes),
            });
        }
        out
    }

    #[test]
    fn lines_in_bounded_memory() {
        assert!(read_all(b"", 10).is_empty());
        assert_eq!(
            read_all(b"ab\ncd", 10),
            vec![Ok(b"ab\n".to_vec()), Ok(b"cd".to_vec())]
        );
        assert_eq!(
            read_all(b"\n\n", 10),
            vec![Ok(b"\n".to_vec()), Ok(b"\n".to_vec())]
        );
        assert_eq!(
            read_all(b"0123456789abc\nok\n0123456789x", 10),
            vec![Err(13), Ok(b"ok\n".to_vec()), Err(11)]
        );
        // Exactly at the limit is kept.
        assert_eq!(
            read_all(b"0123456789\n", 10),
            vec![Ok(b"0123456789\n".to_vec())]
        );
    }

    /// Found by the `lines` fuzz target: a `\r` before the `\n` is not part
    /// of the line, so it neither pushes a line over the limit nor counts in
    /// the size reported, whether or not the line has its `\n`.
    #[test]
    fn a_crlf_line_is_measured_without_its_line_ending() {
        assert_eq!(
            read_all(b"0123456789\r\nab\r\n0123456789\r", 10),
            vec![
                Ok(b"0123456789\r\n".to_vec()),
                Ok(b"ab\r\n".to_vec()),
                Ok(b"0123456789\r".to_vec())
            ]
        );
        assert_eq!(
            read_all(b"0123456789x\r\n\r\n0123456789xy\r", 10),
            vec![Err(11), Ok(b"\r\n".to_vec()), Err(12)]
        );
        // A `\r` inside a line is content.
        assert_eq!(read_all(b"0123456789\rx\n", 10), vec![Err(12)]);
    }
}
