//! What validation produces: findings (a severity, a message, a path into the document),
//! the same placed in the file, and the helpers that build paths.

use std::fmt;

use crate::model::Step;
use crate::text;

/// How serious a finding is: errors make a ladder unusable, warnings point at likely mistakes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// `error` or `warning`, as compilers write it.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One step of a path into the TOML document: a key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// One problem found in a ladder, with the path of the value it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub(crate) severity: Severity,
    pub message: String,
    pub at: Vec<Seg>,
}

/// A finding placed in its file: what editors and CI read as `FILE:LINE:COLUMN`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub message: String,
    /// A window of the source line around the column, escaped: at most `EXCERPT_CHARS`
    /// characters of the line, with `…` on a side where the line was cut.
    pub source_line: String,
    /// How many characters of `source_line` come before the one the column points at, so
    /// that a caret can be put under it.
    pub caret: usize,
}

/// A ladder's text cut at its `[[role]]` tables, as `load::chunks` cuts it: the head (from the
/// start of the text), and each role's table with its byte offset, in the order of the roles.
/// With it, a finding is placed by parsing only the piece it is in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pieces<'a> {
    pub head: &'a str,
    pub roles: &'a [(usize, &'a str)],
}

/// How many characters of a source line a finding shows around its column. A finding never
/// carries its whole line: a line of a megabyte with a thousand findings on it would cost a
/// gigabyte.
pub(crate) const EXCERPT_CHARS: usize = 80;

/// How many findings the formats people read (table, Markdown) show; they count the rest.
/// The machine formats (JSON, TSV) list them all: one short record each.
pub const SHOWN_FINDINGS: usize = 100;

/// How many findings of each file of a catalogue the formats people read show, in file
/// order: at most [`SHOWN_FINDINGS`] in all, each file shown costing at least one, so that a
/// folder of thousands of files still gives a page, not a book. `None` for a file not shown.
pub fn shown_in_all(all: &[Validation]) -> Vec<Option<usize>> {
    let mut left = SHOWN_FINDINGS;
    all.iter()
        .map(|v| {
            if left == 0 {
                return None;
            }
            let shown = v.findings.len().min(left);
            left -= shown.max(1);
            Some(shown)
        })
        .collect()
}

/// What the files a catalogue's report leaves out hold: (files, findings).
pub fn left_out(all: &[Validation], shown: &[Option<usize>]) -> (usize, usize) {
    let hidden = all.iter().zip(shown).filter(|(_, s)| s.is_none());
    hidden.fold((0, 0), |(files, findings), (v, _)| {
        (files + 1, findings + v.findings.len())
    })
}

/// Every finding of a file, ready to render.
#[derive(Debug)]
pub struct Validation {
    pub file: String,
    pub findings: Vec<Located>,
}

impl Validation {
    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

impl fmt::Display for Located {
    /// The one-line form: `FILE:LINE:COLUMN: error: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            text::escape_controls(&self.file),
            self.line,
            self.column,
            self.severity.name(),
            self.message
        )
    }
}

/// A path key: what [`Seg::Key`] holds.
pub(super) fn key(k: &str) -> Seg {
    Seg::Key(k.to_string())
}

/// The path of a field of the `i`th table of an array of tables, e.g. `track[2].id`.
pub(super) fn field(kind: &str, i: usize, f: &str) -> Vec<Seg> {
    vec![key(kind), Seg::Index(i), key(f)]
}

/// A path inside the `i`th role, e.g. `role[3].dimensions.craft` for `["dimensions", "craft"]`.
pub(super) fn in_role(i: usize, rest: &[&str]) -> Vec<Seg> {
    let mut path = vec![key("role"), Seg::Index(i)];
    path.extend(rest.iter().map(|k| key(k)));
    path
}

/// The path of a text the model's walk visits (see [`crate::model::Ladder::visit_texts`]).
pub(super) fn path_of(steps: &[Step<'_>]) -> Vec<Seg> {
    steps
        .iter()
        .map(|s| match *s {
            Step::Key(k) | Step::Id(k) => key(k),
            Step::Index(i) => Seg::Index(i),
        })
        .collect()
}
