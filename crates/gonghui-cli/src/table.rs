//! Plain text tables for people: columns padded to their widest cell,
//! numbers on the right.

use std::fmt::Write;

/// A table of text cells.
pub struct Table {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: Vec<&'static str>) -> Table {
        Table {
            header,
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The table as lines of text; a column whose cells are all numbers (or
    /// a `-` placeholder) is aligned right, header included.
    pub fn render(&self) -> String {
        let width = |cell: &str| cell.chars().map(display_width).sum::<usize>();
        let numeric = |cell: &String| {
            cell.is_empty()
                || cell
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit() || c == '-' || c == '+')
        };
        let columns = self.header.len();
        let widths: Vec<usize> = (0..columns)
            .map(|i| {
                self.rows
                    .iter()
                    .filter_map(|row| row.get(i))
                    .map(|cell| width(cell))
                    .chain([width(self.header[i])])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let right: Vec<bool> = (0..columns)
            .map(|i| self.rows.iter().filter_map(|row| row.get(i)).all(numeric))
            .collect();
        let header: Vec<String> = self.header.iter().map(|h| (*h).to_owned()).collect();
        let mut out = String::new();
        for row in std::iter::once(&header).chain(&self.rows) {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate().take(columns) {
                let pad = " ".repeat(widths[i].saturating_sub(width(cell)));
                if i > 0 {
                    line.push_str("  ");
                }
                if right[i] {
                    line.push_str(&pad);
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    line.push_str(&pad);
                }
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
        out
    }
}

/// How many columns a character takes in a terminal: two for the wide
/// characters of Chinese text, one otherwise.
fn display_width(c: char) -> usize {
    match u32::from(c) {
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligned() {
        let mut t = Table::new(vec!["line", "amount"]);
        t.row(vec!["park".into(), "1,500,000.00".into()]);
        t.row(vec!["六有".into(), "0.05".into()]);
        assert_eq!(
            t.render(),
            "line        amount\npark  1,500,000.00\n六有          0.05\n"
        );
    }
}
