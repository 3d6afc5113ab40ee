//! Reading JSON Lines in bounded memory: a line longer than the request
//! limit is skipped as it streams by, counted, and still answered.

use std::io::{self, BufRead};

/// One line of input.
pub enum Line<'a> {
    /// A line within the limit, with its `\n` if it had one.
    Complete(&'a [u8]),
    /// A line over the limit, of this many bytes (without its `\n`); its
    /// bytes were not kept.
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

    /// The next line, or `None` at the end of the input.
    pub fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        self.line.clear();
        let mut skipped: Option<usize> = None;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                // End of input: a last line without `\n` is still a line.
                return Ok(match skipped {
                    Some(bytes) => Some(Line::TooLong { bytes }),
                    None if self.line.is_empty() => None,
                    None => Some(Line::Complete(&self.line)),
                });
            }
            let (take, ends) = match chunk.iter().position(|b| *b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            match skipped.as_mut() {
                Some(bytes) => *bytes += take - usize::from(ends),
                None if self.line.len() + take - usize::from(ends) > self.limit => {
                    skipped = Some(self.line.len() + take - usize::from(ends));
                    self.line = Vec::new();
                }
                None => self.line.extend_from_slice(&chunk[..take]),
            }
            self.input.consume(take);
            if ends {
                return Ok(Some(match skipped {
                    Some(bytes) => Line::TooLong { bytes },
                    None => Line::Complete(&self.line),
                }));
            }
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
}
