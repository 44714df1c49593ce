//! Renderers: each turns a command's plain result into bytes on a writer, one module per format.

mod json;
mod man;
mod markdown;
mod messages;
mod outline;
mod table;
mod tsv;

pub use man::Manual;
pub use table::fold_markdown;

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use clap::ValueEnum;

use crate::files;
use crate::handbook::warning::{Note, Warnings};
use crate::query::compare::{Comparison, Counts, Mark, Marked};
use crate::query::search::Hits;
use crate::style::Style;
use crate::term::Terminal;
use crate::validate::Validation;
use crate::view::{
    Detail, DimensionList, Evidence, LadderList, LadderView, LeftOut, NextSteps, PathView,
    PerLadder, RoleList, RoleView, TrackList,
};

/// How a command prints its data: one renderer per format. The variants' doc comments are the
/// help of `--format`, which `cli.rs` takes from here.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables and wrapped text for a person at a terminal.
    #[default]
    Table,
    /// One JSON document with a schema version, for scripts (see the README).
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

/// The shells `ladder` completes in, for `ladder completions SHELL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
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
    Search(Hits<'a>),
    Tracks(TrackList<'a>),
    /// `tracks` over a catalogue of several ladders.
    CatalogueTracks(PerLadder<'a, TrackList<'a>>),
    Dimensions(DimensionList<'a>),
    /// `dimensions` over a catalogue of several ladders.
    CatalogueDimensions(PerLadder<'a, DimensionList<'a>>),
    Validation(Validation),
    /// `validate DIR`: one validation per ladder file of a catalogue.
    Validations(Vec<Validation>),
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

/// Writes one role id per line and nothing else, for `ladder list --ids`.
pub fn ids(out: &mut impl Write, list: &RoleList<'_>) -> Result<()> {
    for row in &list.rows {
        writeln!(out, "{}", row.role.id)?;
    }
    Ok(())
}

/// Writes one `LADDER/ROLE` per line, for `ladder list --ids` over a catalogue.
pub fn qualified_ids(out: &mut impl Write, list: &PerLadder<'_, RoleList<'_>>) -> Result<()> {
    for (head, roles) in &list.ladders {
        for row in &roles.rows {
            writeln!(out, "{}/{}", head.id.unwrap_or_default(), row.role.id)?;
        }
    }
    Ok(())
}

/// The line `ladder export` prints once the handbook is in place, whatever the format.
pub fn exported(
    out: &mut impl Write,
    pages: usize,
    ladders: Option<usize>,
    dir: &Path,
) -> Result<()> {
    let dir = files::shown(dir);
    match ladders {
        Some(1) => writeln!(out, "wrote {pages} pages of 1 ladder to {dir}")?,
        Some(ladders) => writeln!(out, "wrote {pages} pages of {ladders} ladders to {dir}")?,
        None => writeln!(out, "wrote {pages} pages to {dir}")?,
    }
    Ok(())
}

/// What `ladder import` says about how it read a handbook: its warnings, then its notes, one
/// line each and the first of each kind only, with how many more (for stderr, whatever the
/// format).
pub fn import_messages(out: &mut impl Write, warnings: &Warnings, notes: &[Note]) -> Result<()> {
    messages::import(out, warnings, notes)
}

/// The line that registers completion in a shell's start-up file: it runs `ladder` with
/// `LADDER_COMPLETE` set, which prints the script that asks `ladder` for candidates at each TAB.
pub fn completion_line(out: &mut impl Write, shell: Shell) -> Result<()> {
    let line = match shell {
        Shell::Bash => "source <(LADDER_COMPLETE=bash ladder)",
        Shell::Zsh => "source <(LADDER_COMPLETE=zsh ladder)",
        Shell::Fish => "LADDER_COMPLETE=fish ladder | source",
        Shell::Elvish => "eval (E:LADDER_COMPLETE=elvish ladder | slurp)",
        Shell::Powershell => {
            "$env:LADDER_COMPLETE = \"powershell\"; ladder | Out-String | Invoke-Expression; \
             Remove-Item Env:\\LADDER_COMPLETE"
        }
    };
    writeln!(out, "{line}")?;
    Ok(())
}

/// What the human formats show for an attribute value a role does not state (values are
/// optional in the format).
pub(crate) const NOT_STATED: &str = "not stated";

/// The last line `ladder import` prints: what it read and made of it.
pub fn imported(
    out: &mut impl Write,
    ladder: Option<&str>,
    t: &crate::handbook::import::Tally,
) -> Result<()> {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if let Some(id) = ladder {
        write!(out, "{id}: ")?;
    }
    writeln!(
        out,
        "read {}: {}, {}, {}; {}",
        plural(t.pages, "page"),
        plural(t.roles, "role"),
        plural(t.statements, "statement"),
        plural(t.examples, "example"),
        plural(t.warnings, "warning"),
    )?;
    Ok(())
}

/// The note `ladder import` gives when a folder could be one ladder or a catalogue: which it
/// read it as (`ladders` is how many, for a catalogue).
pub fn import_found(out: &mut impl Write, dir: &Path, ladders: Option<usize>) -> Result<()> {
    let dir = files::shown(dir);
    match ladders {
        Some(1) => writeln!(out, "note: {dir} is a catalogue of 1 ladder")?,
        Some(n) => writeln!(out, "note: {dir} is a catalogue of {n} ladders")?,
        None => writeln!(out, "note: {dir} is one ladder")?,
    }
    Ok(())
}

/// The manual page (roff) of a built clap command and all its subcommands, for `ladder man`.
pub fn man(out: &mut impl Write, cmd: &clap::Command, manual: &Manual<'_>) -> Result<()> {
    man::render(out, cmd, manual)
}

/// The value of a comparison mark in the machine formats (JSON and TSV).
fn mark_name(mark: Mark) -> &'static str {
    match mark {
        Mark::New => "new",
        Mark::Grows => "grows",
        Mark::Differs => "differs",
        Mark::Reworded => "reworded",
        Mark::NotRestated => "not-restated",
        Mark::Same => "same",
    }
}

/// The symbol of a comparison mark for people: it holds without colour.
fn mark_symbol(mark: Mark) -> &'static str {
    match mark {
        Mark::New => "+",
        Mark::Grows | Mark::Differs => "~",
        Mark::Reworded => "≈",
        Mark::NotRestated => "·",
        Mark::Same => "=",
    }
}

/// What a comparison mark means, for legends and brief lists (table and Markdown).
fn mark_legend(mark: Mark) -> &'static str {
    match mark {
        Mark::New => "new at B",
        Mark::Grows => "grows",
        Mark::Differs => "differs",
        Mark::Reworded => "reworded",
        Mark::NotRestated => "not restated at B",
        Mark::Same => "same",
    }
}

/// The marks a legend lists, in its order: "grows" upward, "differs" otherwise.
fn legend_marks(c: &Comparison<'_>) -> [Mark; 5] {
    let differ = if c.upward { Mark::Grows } else { Mark::Differs };
    [
        Mark::New,
        differ,
        Mark::Reworded,
        Mark::NotRestated,
        Mark::Same,
    ]
}

/// Across two ladders, the lines that say which dimensions only one of them has, e.g. "Only
/// A's ladder has: 🦉 Domain Expertise"; none within one ladder.
fn only_at(c: &Comparison<'_>) -> Vec<String> {
    let side = |dims: &[&crate::model::Dimension], who: &str| {
        (!dims.is_empty()).then(|| {
            let labels = crate::text::some_of(dims.iter().map(|d| d.label()));
            format!("Only {who}'s ladder has: {labels}")
        })
    };
    [side(&c.only_at[0], "A"), side(&c.only_at[1], "B")]
        .into_iter()
        .flatten()
        .collect()
}

/// What the legend adds when B is above A: a level builds on the ones below.
const BUILDS_ON: &str = "B still builds on A: what B does not restate still applies.";

/// A dimension's statements counted by mark, for the summaries of `diff` and `next`:
/// "3 new · 2 grow · 1 reworded · 4 not restated"; marks no statement carries are left out.
/// The ids of a comparison's two roles as its header names them: `ladder/role` across the
/// ladders of a catalogue, the role's id within one ladder.
fn side_ids(c: &Comparison<'_>) -> [String; 2] {
    match c.ladders {
        Some([a, b]) => [format!("{a}/{}", c.from.id), format!("{b}/{}", c.to.id)],
        None => [c.from.id.clone(), c.to.id.clone()],
    }
}

fn summary(counts: &Counts) -> String {
    summary_parts(counts).join(" · ")
}

/// The parts of a [`summary`], one count each.
fn summary_parts(counts: &Counts) -> Vec<String> {
    let parts: Vec<String> = SUMMARY
        .iter()
        .filter(|m| counts.of(**m) > 0)
        .map(|&m| {
            let n = counts.of(m);
            let word = match (m, n) {
                (Mark::New, _) => "new",
                (Mark::Grows, 1) => "grows",
                (Mark::Grows, _) => "grow",
                (Mark::Differs, 1) => "differs",
                (Mark::Differs, _) => "differ",
                (Mark::Reworded, _) => "reworded",
                (Mark::NotRestated, _) => "not restated",
                (Mark::Same, _) => "same",
            };
            format!("{n} {word}")
        })
        .collect();
    if parts.is_empty() {
        vec!["no expectations".to_string()]
    } else {
        parts
    }
}

/// The order of a summary's counts.
const SUMMARY: [Mark; 6] = [
    Mark::New,
    Mark::Grows,
    Mark::Differs,
    Mark::Reworded,
    Mark::NotRestated,
    Mark::Same,
];

/// What a view for people says of the attributes a role states no value for, past the first
/// few: "3 more attributes not stated".
fn more_not_stated(count: usize) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} more attribute{plural} not stated")
}

/// What a view for people says of the dimensions a role says nothing in, past the first few:
/// "3 more dimensions without expectations".
fn more_without_expectations(count: usize) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} more dimension{plural} without expectations")
}

/// The line after the next steps a view for people shows, about those it leaves out.
fn steps_left_out(role_id: &str, left_out: &LeftOut<'_>) -> String {
    let steps = left_out.steps;
    let tracks = crate::text::some_of(left_out.tracks.iter().map(|t| t.id.as_str()));
    format!(
        "{steps} more next step{} on track{} {tracks} {} left out: see one with ladder next {role_id} --track TRACK",
        if steps == 1 { "" } else { "s" },
        if left_out.tracks.len() == 1 { "" } else { "s" },
        if steps == 1 { "is" } else { "are" },
    )
}

/// Whether a brief list shows an item with this mark: only what is new and what grows.
fn in_brief(mark: Mark) -> bool {
    matches!(mark, Mark::New | Mark::Grows | Mark::Differs)
}

/// An expectation's text, followed by how alike it reads to its counterpart when reworded.
fn with_similarity(m: &Marked<'_>) -> String {
    match (m.mark, m.similarity) {
        (Mark::Reworded, Some(s)) => format!("{} ({:.0}% alike)", m.text, s * 100.0),
        _ => m.text.to_string(),
    }
}
