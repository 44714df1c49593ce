//! Renderers: each turns a command's plain result into bytes on a writer, one module per
//! format behind the one `match` on `Format` below; the words the formats share are in
//! `words.rs`, the lines commands print outside their reports in `messages.rs`.

pub mod handbook;
mod json;
mod man;
mod markdown;
mod messages;
mod people;
mod skeleton;
mod table;
mod tsv;
mod words;

pub use man::Manual;
pub use markdown::fold_markdown;
pub use messages::{
    ASK_DIMENSIONS, ASK_LEVELS, ASK_NAME, ASK_TRACKS, completion_line, exported, ids, import_found,
    import_messages, imported, man, man_format, plan_written, qualified_ids, reading_stdin,
    schema_kept, wrote,
};
pub use skeleton::{SCHEMA_FILE, skeleton_toml};
// `browse` lays out its own lines (the header, footer, help, the list of roles) with the
// measure and the wrapper every view uses.
pub use table::layout::{display_width, pad, prose_width, wrap, wrap_items};
pub(crate) use words::{ATTRIBUTES, NOT_STATED};
// The formats below take the shared words as `super::mark_name` and so on.
use words::*;

use std::io::Write;

use anyhow::Result;
use clap::ValueEnum;

use crate::query::compare::Comparison;
use crate::query::search::Hits;
use crate::style::Style;
use crate::term::Terminal;
use crate::validate::Validation;
use crate::view::{
    ChangesView, Detail, DimensionList, Evidence, LadderList, LadderView, Listing, NextSteps,
    PathView, PerLadder, ReviewView, RoleList, RoleView, TrackList,
};

/// How a command prints its data: one renderer per format. The variants' doc comments are the
/// help of `--format`, which `cli.rs` takes from here.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables and wrapped text for a person at a terminal.
    #[default]
    Table,
    /// One JSON document with a schema version, for scripts.
    Json,
    /// GitHub-flavoured Markdown, ready to paste into a document.
    Markdown,
    /// Tab-separated values: a header line, then one record per line.
    Tsv,
}

impl Format {
    /// Whether people read it (a table, Markdown) rather than scripts (JSON, TSV): a view
    /// for people may name the first few of many things and count the rest.
    pub fn for_people(self) -> bool {
        match self {
            Format::Table | Format::Markdown => true,
            Format::Json | Format::Tsv => false,
        }
    }
}

/// Whether TSV output starts with its header line; `--no-header` leaves it out, so that
/// `cut | sort | uniq -c` counts only records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Header {
    #[default]
    Shown,
    Omitted,
}

/// What a command produced, ready to be rendered.
#[derive(Debug)]
pub enum Report<'a> {
    List(RoleList<'a>),
    /// `list` over a catalogue of several ladders.
    CatalogueList(PerLadder<'a, RoleList<'a>>),
    /// `ladders`: the ladders of the catalogue.
    Ladders(LadderList<'a>),
    Show(RoleView<'a>),
    /// `show --all`: the whole ladder.
    ShowAll(LadderView<'a>),
    /// `show --all` over a catalogue of several ladders.
    CatalogueShowAll(PerLadder<'a, LadderView<'a>>),
    /// `--brief` is for people: the commands refuse it with JSON and TSV, which carry every
    /// change.
    Diff(Comparison<'a>, Detail),
    Next(NextSteps<'a>, Detail),
    Path(PathView<'a>),
    /// `path` over a catalogue: the track in each ladder that has it.
    CataloguePath(PerLadder<'a, PathView<'a>>),
    /// `search`: the hits, laid out as the flags ask (the listing matters only to tables).
    Search(Hits<'a>, Listing),
    Tracks(TrackList<'a>),
    /// `tracks` over a catalogue of several ladders.
    CatalogueTracks(PerLadder<'a, TrackList<'a>>),
    Dimensions(DimensionList<'a>),
    /// `dimensions` over a catalogue of several ladders.
    CatalogueDimensions(PerLadder<'a, DimensionList<'a>>),
    Validation(Validation),
    /// `validate DIR`: one validation per ladder file of a catalogue.
    Validations(Vec<Validation>),
    /// `changes`: two versions of a ladder compared.
    Changes(ChangesView<'a>),
    /// `review`: a filled evidence outline read against the ladder.
    Review(ReviewView<'a>),
    /// `evidence`: the outline, Markdown in every format that takes it, folded to `width`
    /// when one is given (a terminal's).
    Evidence(Evidence<'a>, Option<usize>),
}

/// Writes a report in the chosen format; only the table format ever uses colour.
pub fn render(
    out: &mut impl Write,
    report: &Report<'_>,
    format: Format,
    header: Header,
    term: &Terminal,
) -> Result<()> {
    match format {
        Format::Table => table::render(out, report, &Style::new(term.color), term),
        Format::Json => json::render(out, report),
        Format::Markdown => markdown::render(out, report),
        Format::Tsv => tsv::render(out, report, header),
    }
}

/// A help text with each example that is wider than `width` broken as a hint is: between
/// arguments, each broken line ending with ` \`, so that it still pastes as one command; a
/// comment set beside an example (after two spaces or more) goes on a line of its own above
/// it, after `#`. Other lines are left to clap, which wraps prose.
pub fn fitted_help(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let example = line.starts_with("  ") && !line.starts_with("   ");
        if !example || table::layout::display_width(line) <= width {
            out += line;
            out.push('\n');
            continue;
        }
        let (command, comment) = match line.trim_start().split_once("  ") {
            Some((command, comment)) => (command, Some(comment.trim())),
            None => (line.trim_start(), None),
        };
        if let Some(comment) = comment {
            out += &format!("  # {comment}\n");
        }
        let args: Vec<&str> = command.split(' ').collect();
        for piece in table::layout::command_lines(&args, width, "  ") {
            out += &piece;
            out.push('\n');
        }
    }
    out.pop();
    out
}

/// The JSON Schema of every `--format json` document (`ladder schema json`).
pub fn output_schema() -> schemars::Schema {
    json::output_schema()
}

/// Writes a JSON Schema as `ladder schema` prints it.
pub fn schema(out: &mut impl Write, schema: &impl serde::Serialize) -> Result<()> {
    json::schema(out, schema)
}
