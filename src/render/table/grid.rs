//! Bordered grids of fixed column widths for `diff`, `next` and `path`, drawn directly, and the
//! stack of blocks they become when their columns cannot fit the terminal.
//!
//! The cells arrive wrapped to their widths already, so there is nothing to arrange: drawing
//! them here costs a fraction of what comfy-table spends measuring styled text through its
//! ANSI parser, and comfy-table would add reset codes to coloured cells (BENCHMARKS.md, "Why
//! the terminal format keeps its own wrapper and grids"). The borders are those of
//! comfy-table's `UTF8_FULL` preset, so every table looks alike.

use std::fmt;
use std::io::Write;

use anyhow::Result;

use super::layout::{display_width, grid_widths, wrap};
use crate::style::Style;

/// A grid with a header row and body rows; every cell is text of lines no wider than its column.
#[derive(Debug)]
pub struct Grid {
    widths: Vec<usize>,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Grid {
    /// A grid whose columns have these content widths.
    pub fn new(widths: Vec<usize>, header: Vec<String>) -> Grid {
        Grid {
            widths,
            header,
            rows: Vec::new(),
        }
    }

    /// Adds a row; a cell may hold several lines.
    pub fn add_row(&mut self, cells: impl IntoIterator<Item = String>) {
        self.rows.push(cells.into_iter().collect());
    }

    fn rule(
        &self,
        f: &mut fmt::Formatter<'_>,
        [left, fill, join, right]: [&str; 4],
    ) -> fmt::Result {
        f.write_str(left)?;
        for (i, w) in self.widths.iter().enumerate() {
            if i > 0 {
                f.write_str(join)?;
            }
            f.write_str(&fill.repeat(w + 2))?;
        }
        f.write_str(right)
    }

    fn cells(&self, f: &mut fmt::Formatter<'_>, cells: &[String]) -> fmt::Result {
        let lines: Vec<Vec<&str>> = cells.iter().map(|c| c.split('\n').collect()).collect();
        let height = lines.iter().map(Vec::len).max().unwrap_or(1);
        for row in 0..height {
            f.write_str("│")?;
            for (i, w) in self.widths.iter().enumerate() {
                if i > 0 {
                    f.write_str("┆")?;
                }
                let text = lines.get(i).and_then(|l| l.get(row)).copied().unwrap_or("");
                f.write_str(" ")?;
                f.write_str(text)?;
                spaces(f, w.saturating_sub(display_width(text)) + 1)?;
            }
            f.write_str("│\n")?;
        }
        Ok(())
    }
}

impl fmt::Display for Grid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.rule(f, ["┌", "─", "┬", "┐\n"])?;
        self.cells(f, &self.header)?;
        self.rule(f, ["╞", "═", "╪", "╡\n"])?;
        for (i, row) in self.rows.iter().enumerate() {
            if i > 0 {
                self.rule(f, ["├", "╌", "┼", "┤\n"])?;
            }
            self.cells(f, row)?;
        }
        // The last line without its newline, as a table's Display has it.
        self.rule(f, ["└", "─", "┴", "┘"])
    }
}

/// Writes `n` spaces without allocating.
fn spaces(f: &mut fmt::Formatter<'_>, mut n: usize) -> fmt::Result {
    const SPACES: &str = "                                                                ";
    while n > 0 {
        let k = n.min(SPACES.len());
        f.write_str(&SPACES[..k])?;
        n -= k;
    }
    Ok(())
}

/// A table of a label column headed `first` and one column per heading, with `rows` rows;
/// `floor` is the narrowest the label and the other columns may be without cutting a word.
pub struct Sheet<'a> {
    pub first: &'a str,
    pub headings: &'a [String],
    pub rows: usize,
    pub floor: [usize; 2],
    /// What a grid writes in an empty cell (such as "not stated"); a stack of blocks leaves
    /// an empty cell out, so that a row empty at thousands of levels is its label alone.
    pub blank: &'a str,
    /// Short names a stack of blocks gives the columns, before their text (`A:`, `B:`), when
    /// the header has said who they are; `None`: each block under its heading.
    pub tags: Option<[&'a str; 2]>,
}

/// The widths a row is laid out in, and whether it is a block of a stack rather than a row
/// of a grid (a stack marks a change once, on the row or on its items).
#[derive(Debug, Clone, Copy)]
pub struct Fit {
    pub label: usize,
    pub cell: usize,
    pub stacked: bool,
}

/// One row of a [`Sheet`]: its label, and the cells that have text, each with its column (0
/// for the first heading), in column order. A row names only those cells, so that a row empty
/// at thousands of levels costs what its label costs.
pub struct SheetRow {
    pub label: String,
    pub cells: Vec<(usize, String)>,
}

impl Sheet<'_> {
    /// Writes the sheet in `total` columns: a bordered grid when its columns fit, else a stack
    /// of blocks, as `kubectl describe` stands beside `get`: each row's label, then one block
    /// per heading with that column's cell beneath it. `row(r, fit)` gives row `r` with its
    /// label wrapped to the width `fit.label` and its cells to `fit.cell`.
    pub fn put(
        &self,
        out: &mut impl Write,
        style: &Style,
        total: usize,
        row: impl Fn(usize, Fit) -> SheetRow,
    ) -> Result<()> {
        let n = self.headings.len();
        let Some((label, side)) = grid_widths(total, n, self.floor) else {
            return self.stack(out, style, total, row);
        };
        let mut table = grid(style, self.first, self.headings, label, side);
        for r in 0..self.rows {
            let fit = Fit {
                label,
                cell: side,
                stacked: false,
            };
            let SheetRow { label, cells } = row(r, fit);
            let mut cells = cells.into_iter().peekable();
            // The columns fit the terminal, so there are few of them: every one is drawn.
            let line = (0..n).map(|c| {
                let text = cells
                    .next_if(|(column, _)| *column == c)
                    .map_or_else(String::new, |(_, text)| text);
                if text.is_empty() && !self.blank.is_empty() {
                    wrap(self.blank, side, "", "").join("\n")
                } else {
                    text
                }
            });
            table.add_row(std::iter::once(label).chain(line));
        }
        put(out, &table)
    }

    /// Each row's label, then each non-empty cell after its tag or under its heading, each
    /// level of the hierarchy indented two more columns. Blocks stand apart by the gap their
    /// items do: a blank line when a block has several, none when each has one.
    fn stack(
        &self,
        out: &mut impl Write,
        style: &Style,
        total: usize,
        row: impl Fn(usize, Fit) -> SheetRow,
    ) -> Result<()> {
        let tag = self
            .tags
            .map_or(0, |t| t.iter().map(|t| t.len() + 1).max().unwrap_or(0));
        let fit = Fit {
            label: total.saturating_sub(2),
            cell: total.saturating_sub(if tag > 0 { 4 + tag } else { 6 }),
            stacked: true,
        };
        let mut text = String::new();
        for r in 0..self.rows {
            if r > 0 {
                text.push('\n');
            }
            let SheetRow { label, cells } = row(r, fit);
            for line in label.split('\n') {
                text += &format!("  {line}\n");
            }
            let blocks: Vec<(usize, Vec<&str>)> = cells
                .iter()
                .map(|(c, body)| (*c, lines_of(body)))
                .filter(|(_, lines)| !lines.is_empty())
                .collect();
            let apart = blocks.iter().any(|(_, lines)| lines.contains(&""));
            for (i, (c, lines)) in blocks.iter().enumerate() {
                if i > 0 && apart {
                    text.push('\n');
                }
                let first = match self.tags {
                    Some(tags) => format!("    {:tag$}", tags[(*c).min(1)]),
                    None => {
                        for line in wrap(&self.headings[*c], total, "    ", "    ") {
                            text += &style.muted(&line);
                            text.push('\n');
                        }
                        "      ".to_string()
                    }
                };
                let rest = " ".repeat(first.chars().count());
                for (k, line) in lines.iter().enumerate() {
                    let lead = if k == 0 {
                        first.as_str()
                    } else {
                        rest.as_str()
                    };
                    if line.is_empty() {
                        text.push('\n');
                    } else {
                        text += &format!("{lead}{line}\n");
                    }
                }
            }
        }
        out.write_all(text.as_bytes())?;
        Ok(())
    }
}

/// A block's lines without the blank lines that keep partners on one row in a grid: a block
/// stands alone, so runs of them become one, and none starts or ends it.
fn lines_of(body: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = Vec::new();
    for line in body.split('\n') {
        if !line.is_empty() || lines.last().is_some_and(|l| !l.is_empty()) {
            lines.push(line);
        }
    }
    while lines.last() == Some(&"") {
        lines.pop();
    }
    lines
}

/// A bordered grid with a label column headed `first` and one column per heading, of fixed
/// widths.
fn grid(style: &Style, first: &str, headings: &[String], label: usize, side: usize) -> Grid {
    let mut header = vec![style.heading(first)];
    header.extend(headings.iter().map(|h| heading_lines(style, h, side)));
    let widths = std::iter::once(label)
        .chain(std::iter::repeat_n(side, headings.len()))
        .collect();
    Grid::new(widths, header)
}

/// A heading wrapped to `width`, each line styled on its own.
pub fn heading_lines(style: &Style, text: &str, width: usize) -> String {
    let lines: Vec<String> = wrap(text, width, "", "")
        .iter()
        .map(|l| style.heading(l))
        .collect();
    lines.join("\n")
}

/// Writes a grid and a newline in one piece: drawn into a string first, it reaches the
/// writer in one call instead of hundreds of small ones.
fn put(out: &mut impl Write, grid: &Grid) -> Result<()> {
    let mut text = grid.to_string();
    text.push('\n');
    out.write_all(text.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_borders_and_pads_styled_cells_by_their_visible_width() {
        let mut grid = Grid::new(vec![3, 4], vec!["A".into(), "B".into()]);
        grid.add_row(["x\ny".to_string(), "\u{1b}[32mgo\u{1b}[39m".to_string()]);
        grid.add_row(["z".to_string(), String::new()]);
        let expected = "\
┌─────┬──────┐
│ A   ┆ B    │
╞═════╪══════╡
│ x   ┆ \u{1b}[32mgo\u{1b}[39m   │
│ y   ┆      │
├╌╌╌╌╌┼╌╌╌╌╌╌┤
│ z   ┆      │
└─────┴──────┘";
        assert_eq!(grid.to_string(), expected);
    }

    #[test]
    fn plain_cells_are_drawn_as_comfy_table_draws_them() {
        // The grids stand in for comfy-table's `UTF8_FULL` tables of fixed column widths, so
        // that every table of the terminal format looks alike; this holds them to it.
        use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};
        let widths = vec![12, 10, 10];
        let header = ["Theme", "L1 Junior", "L2"];
        let rows = [
            ["Quality of\nthe work", "• Produces\n  tidy", ""],
            ["", "—", "• A\n\n• B"],
        ];
        let mut grid = Grid::new(widths.clone(), header.map(String::from).to_vec());
        let mut table = Table::new();
        table
            .load_style(presets::UTF8_FULL)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(header);
        for row in rows {
            grid.add_row(row.map(String::from));
            table.add_row(row);
        }
        let fixed = |w: &usize| ColumnConstraint::Absolute(Width::Fixed(*w as u16 + 2));
        table.set_constraints(widths.iter().map(fixed));
        assert_eq!(grid.to_string(), table.to_string());
    }
}
