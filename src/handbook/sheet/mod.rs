//! `ladder import FILE.csv|FILE.tsv`: a ladder kept in a spreadsheet, in one of two shapes:
//! long (one row per statement, the columns `show --all --format tsv` writes: [`long`]) or
//! wide (one row per level, one column per dimension: [`wide`]).
//!
//! The file is read whole, within [`load::MAX_BYTES`], and parsed by the `csv` crate (quoted
//! cells may hold separators, quotes and line breaks); a malformed row is one error naming the
//! file and its line. What comes out is an [`Imported`], checked and written as a Markdown
//! import is.

mod long;
mod planned;
mod wide;

use std::fmt::Display;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};

use super::import::{ByPlan, Imported};
use super::plan::{Choice, Plan, Reads};
use crate::files;
use crate::load;
use crate::model::Ladder;
use crate::text::escape_controls;

/// Whether a path names a spreadsheet: `.csv` or `.tsv`, in any case.
pub fn is_sheet(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"))
}

/// The ladder a long sheet is read against, for what its rows cannot hold (about text,
/// meanings, names, emoji, tracks), and the name to say it by.
pub struct Base<'a> {
    pub ladder: &'a Ladder,
    pub shown: String,
}

/// What a plan has to do with a sheet's import.
#[derive(Clone, Copy)]
pub enum Planning<'a> {
    /// None: the sheet is read by inference.
    None,
    /// The plan inferred is wanted (`--plan-out`).
    Infer,
    /// The sheet is read by this plan (`--plan`).
    Follow(ByPlan<'a>),
}

/// Reads a spreadsheet into a ladder: long when its header is exactly the one `show --all
/// --format tsv` writes, else wide. `name`, when given, is the ladder's name (a wide sheet's
/// role ids are made from it). A wide sheet does not use the base; a long one takes no plan
/// (its base gives what its rows cannot hold).
pub fn import(
    path: &Path,
    base: Option<Base<'_>>,
    name: Option<&str>,
    planning: Planning<'_>,
) -> Result<Imported> {
    let sheet = Named::of(path);
    let text = read(path, &sheet.shown)?;
    let tsv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
    let rows = Rows::new(sheet, &text, if tsv { b'\t' } else { b',' })?;
    let stem = path
        .file_stem()
        .map_or_else(|| "Imported ladder".into(), |s| s.to_string_lossy());
    let name = name.map(String::from);
    if long::is_header(&rows.header) {
        if !matches!(planning, Planning::None) {
            bail!(
                "{}: a long sheet is read against the ladder it came from (--data), not by a plan; a plan is for a folder of pages or a wide sheet",
                rows.sheet.shown
            );
        }
        long::read(rows, base, name, &stem)
    } else {
        match planning {
            Planning::Follow(plan) => planned::read(rows, plan),
            _ => wide::read(rows, name.unwrap_or_else(|| stem.into_owned())),
        }
    }
}

/// What the import of a long sheet records as its plan: such a sheet is read without one (its
/// base ladder gives what its rows cannot hold), so this holds only the ladder's name and
/// levels.
fn plan_of(ladder: &Ladder) -> Plan {
    Plan {
        name: Choice::new(ladder.name.clone(), "From the sheet."),
        levels: Choice::new(ladder.levels.clone(), "From the sheet."),
        tracks: Vec::new(),
        pages: Vec::new(),
        dimensions: Vec::new(),
        reads: Reads::Sheet,
    }
}

/// The UTF-8 byte-order mark, which spreadsheet programs write at the start of a CSV file.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of a sheet: a regular file (opened without waiting, so a FIFO cannot hang the
/// import, and checked once open), of at most [`load::MAX_BYTES`], in UTF-8. `shown` is how
/// its messages name it.
fn read(path: &Path, shown: &str) -> Result<String> {
    let opened =
        load::open_without_waiting(path).with_context(|| format!("cannot read sheet {shown:?}"))?;
    let meta = opened
        .metadata()
        .with_context(|| format!("cannot read sheet {shown:?}"))?;
    if !meta.is_file() {
        bail!("{shown}: not a regular file");
    }
    let too_large = |size: u64| {
        anyhow!(
            "{shown}: the sheet is {size} bytes, over the limit of {} (64 MiB) that every command reads",
            load::MAX_BYTES
        )
    };
    if meta.len() > load::MAX_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    opened
        .take(load::MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read sheet {shown:?}"))?;
    if bytes.len() as u64 > load::MAX_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let bom = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    bytes.drain(..bom);
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..valid]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        at_line(
            shown,
            line,
            format!(
                "not UTF-8 text (invalid byte at offset {}); save the sheet as UTF-8",
                bom + valid
            ),
        )
    })
}

/// An error about one line of a sheet, `FILE:LINE: message` (`shown`: the sheet as typed),
/// every control character escaped.
fn at_line(shown: &str, line: usize, message: impl Display) -> anyhow::Error {
    anyhow!("{}", escape_controls(&format!("{shown}:{line}: {message}")))
}

/// Where the quoted cell that runs to the end of the text opens, if one does: the `csv` crate
/// reads such a cell as the rest of the file, which would be one row of the sheet's whole tail.
/// The quoting walked as the crate walks it: a quote opens a cell only at its start, and two
/// quotes inside one are a quote.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut opened, mut at_start) = (None, true);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match opened {
            Some(_) if b == b'"' && bytes.get(i + 1) == Some(&b'"') => i += 1,
            Some(_) if b == b'"' => opened = None,
            Some(_) => {}
            None if b == b'"' && at_start => {
                opened = Some(i);
                at_start = false;
            }
            None => at_start = b == delimiter || b == b'\n' || b == b'\r',
        }
        i += 1;
    }
    opened
}

/// One row of a sheet: its cells and the line it starts on.
#[derive(Debug)]
struct Row {
    line: usize,
    cells: csv::StringRecord,
}

impl Row {
    /// The cell at `i`, trimmed: an id, a field name, a level.
    fn trimmed(&self, i: usize) -> &str {
        self.cells.get(i).unwrap_or("").trim()
    }
}

/// A sheet's file: its name inside its folder (what a plan and the pages of an import name)
/// and the folder as typed, and the two joined as messages name the sheet.
struct Named {
    folder: PathBuf,
    file: String,
    shown: String,
}

impl Named {
    /// The sheet at `path`, as typed: its folder is what precedes its name (empty for a bare
    /// name), so the two joined give back the path typed.
    fn of(path: &Path) -> Named {
        let (folder, file) = match (path.parent(), path.file_name()) {
            (Some(folder), Some(file)) => {
                (folder.to_path_buf(), file.to_string_lossy().into_owned())
            }
            _ => (PathBuf::new(), path.display().to_string()),
        };
        let shown = files::shown_within(&folder, &file);
        Named {
            folder,
            file,
            shown,
        }
    }
}

/// The rows of a sheet as the `csv` crate reads them, one at a time, after its header.
struct Rows<'a> {
    sheet: Named,
    reader: csv::Reader<&'a [u8]>,
    text: &'a str,
    /// How far lines are counted: a byte offset, and the line it is on.
    counted: (usize, usize),
    /// The header's cells, trimmed, and its line.
    header: Vec<String>,
    header_line: usize,
}

impl<'a> Rows<'a> {
    /// The rows of `text`, cells split at `delimiter`, its first row that is not blank read
    /// as the header.
    fn new(sheet: Named, text: &'a str, delimiter: u8) -> Result<Rows<'a>> {
        if let Some(at) = unclosed_quote(text, delimiter) {
            let line = 1 + text.as_bytes()[..at]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            return Err(at_line(
                &sheet.shown,
                line,
                "a quoted cell starts here and is never closed",
            ));
        }
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut rows = Rows {
            sheet,
            reader,
            text,
            counted: (0, 1),
            header: Vec::new(),
            header_line: 1,
        };
        let Some(header) = rows.any_row()? else {
            bail!("{}: the sheet is empty", rows.sheet.shown);
        };
        rows.header = header.cells.iter().map(|c| c.trim().to_string()).collect();
        rows.header_line = header.line;
        Ok(rows)
    }

    /// The next row that is not blank, of as many cells as the header: a row of more or
    /// fewer is an error.
    fn next(&mut self) -> Result<Option<Row>> {
        let Some(row) = self.any_row()? else {
            return Ok(None);
        };
        if row.cells.len() != self.header.len() {
            return Err(self.error(
                row.line,
                format!(
                    "{} cell{}, where the header (line {}) has {}",
                    row.cells.len(),
                    if row.cells.len() == 1 { "" } else { "s" },
                    self.header_line,
                    self.header.len()
                ),
            ));
        }
        Ok(Some(row))
    }

    /// The next row with a cell that is not blank, whatever its length.
    fn any_row(&mut self) -> Result<Option<Row>> {
        loop {
            let mut cells = csv::StringRecord::new();
            let more = self.reader.read_record(&mut cells);
            let line = self.line_at(cells.position().map_or(0, |p| p.byte() as usize));
            if !more.map_err(|e| self.error(line, e))? {
                return Ok(None);
            }
            if cells.iter().any(|c| !c.trim().is_empty()) {
                return Ok(Some(Row { line, cells }));
            }
        }
    }

    /// The line of the row that starts at byte `at` (or after the line breaks there, which
    /// the reader skips as blank lines), counted on from the last row: linear in the text.
    fn line_at(&mut self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut at = at.min(bytes.len());
        while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
            at += 1;
        }
        let (from, line) = self.counted;
        if at < from {
            return line;
        }
        let line = line + bytes[from..at].iter().filter(|b| **b == b'\n').count();
        self.counted = (at, line);
        line
    }

    /// An error about a line of this sheet.
    fn error(&self, line: usize, message: impl Display) -> anyhow::Error {
        at_line(&self.sheet.shown, line, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheets_are_known_by_their_extension_in_any_case() {
        assert!(is_sheet(Path::new("a/b.csv")) && is_sheet(Path::new("B.TSV")));
        assert!(!is_sheet(Path::new("b.md")) && !is_sheet(Path::new("csv")));
    }

    #[test]
    fn rows_carry_their_line_and_quoted_cells_their_breaks() {
        let text = "a,b\n\n1,\"x,\n\"\"y\"\"\"\n,\n2,3\n";
        let mut rows = Rows::new(Named::of(Path::new("s.csv")), text, b',').expect("header");
        assert_eq!(rows.header, ["a", "b"]);
        let row = rows.next().expect("row").expect("a row");
        assert_eq!((row.line, &row.cells[1]), (3, "x,\n\"y\""));
        let row = rows.next().expect("row").expect("a row");
        assert_eq!((row.line, &row.cells[0]), (6, "2"));
        assert!(rows.next().expect("end").is_none());
        // Its errors name the sheet as typed, from the current directory.
        let sheet = Named::of(Path::new("data/s.csv"));
        let mut ragged = Rows::new(sheet, "a,b\n1\n", b',').expect("header");
        let err = ragged.next().expect_err("ragged");
        assert_eq!(
            err.to_string(),
            "data/s.csv:2: 1 cell, where the header (line 1) has 2"
        );
    }
}
