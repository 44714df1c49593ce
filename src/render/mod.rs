//! Renderers: each turns a command's plain result into bytes on a writer, one module per format.

mod json;
mod man;
mod markdown;
mod messages;
mod table;
mod tsv;

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use clap::ValueEnum;

use crate::files;
use crate::handbook::warning::{Note, Warning};
use crate::query::compare::{Comparison, Mark, Marked};
use crate::query::search::Hits;
use crate::style::Style;
use crate::term::Terminal;
use crate::validate::Validation;
use crate::view::{NextSteps, PathView, RoleList, RoleView, Structure, TrackList};

/// How a command prints its data: one renderer per format. The variants' doc comments are the
/// help of `--format`, which `cli.rs` takes from here.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables and wrapped text for a person at a terminal.
    #[default]
    Table,
    /// One JSON document, described in docs/json.md.
    Json,
    /// GitHub-flavoured Markdown, ready to paste into a document.
    Markdown,
    /// Tab-separated values: a header line, then one record per line.
    Tsv,
}

/// What a command produced, ready to be rendered.
#[derive(Debug)]
pub enum Report<'a> {
    List(RoleList<'a>),
    Show(RoleView<'a>),
    Diff(Comparison<'a>),
    Next(NextSteps<'a>),
    Path(PathView<'a>),
    Search(Hits<'a>),
    Tracks(TrackList<'a>),
    Dimensions(Structure<'a>),
    Validation(Validation),
}

/// Writes a report in the chosen format; only the table format ever uses colour.
pub fn render(
    out: &mut impl Write,
    report: &Report<'_>,
    format: Format,
    term: &Terminal,
) -> Result<()> {
    match format {
        Format::Table => table::render(out, report, &Style::new(term.color), term),
        Format::Json => json::render(out, report),
        Format::Markdown => markdown::render(out, report),
        Format::Tsv => tsv::render(out, report),
    }
}

/// Writes one role id per line and nothing else, for `ladder list --ids`.
pub fn ids(out: &mut impl Write, list: &RoleList<'_>) -> Result<()> {
    for row in &list.rows {
        writeln!(out, "{}", row.role.id)?;
    }
    Ok(())
}

/// The line `ladder export` prints once the handbook is in place, whatever the format.
pub fn exported(out: &mut impl Write, pages: usize, dir: &Path) -> Result<()> {
    writeln!(out, "wrote {pages} pages to {}", files::shown(dir))?;
    Ok(())
}

/// What `ladder import` says about how it read a handbook: every warning, then every note,
/// one line each (for stderr, whatever the format).
pub fn import_messages(out: &mut impl Write, warnings: &[Warning], notes: &[Note]) -> Result<()> {
    messages::import(out, warnings, notes)
}

/// What the human formats show for an attribute value a role does not state (values are
/// optional in the format).
pub(crate) const NOT_STATED: &str = "not stated";

/// The last line `ladder import` prints: what it read and made of it.
pub fn imported(out: &mut impl Write, t: &crate::handbook::import::Tally) -> Result<()> {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
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

/// The manual page (roff) of a built clap command and all its subcommands, for `ladder man`.
pub fn man(out: &mut impl Write, cmd: &clap::Command) -> Result<()> {
    man::render(out, cmd)
}

/// The name of a comparison mark in the machine formats.
fn mark_name(mark: Mark) -> &'static str {
    match mark {
        Mark::Added => "added",
        Mark::Changed => "changed",
        Mark::Removed => "removed",
        Mark::Reworded => "reworded",
        Mark::Unchanged => "unchanged",
    }
}

/// The symbol of a comparison mark for people: it holds without colour.
fn mark_symbol(mark: Mark) -> &'static str {
    match mark {
        Mark::Added => "+",
        Mark::Changed => "~",
        Mark::Removed => "-",
        Mark::Reworded => "≈",
        Mark::Unchanged => "=",
    }
}

/// What a comparison mark means, for legends.
fn mark_legend(mark: Mark) -> &'static str {
    match mark {
        Mark::Added => "new at B",
        Mark::Changed => "grows",
        Mark::Removed => "no longer listed at B",
        Mark::Reworded => "reworded",
        Mark::Unchanged => "unchanged",
    }
}

/// An expectation's text, followed by how alike it reads to its counterpart when reworded.
fn with_similarity(m: &Marked<'_>) -> String {
    match (m.mark, m.similarity) {
        (Mark::Reworded, Some(s)) => format!("{} ({:.0}% alike)", m.text, s * 100.0),
        _ => m.text.to_string(),
    }
}
