//! The terminal format: tables and wrapped text for people, one module per view; the only
//! place that knows comfy-table.
//!
//! `layout` holds what the views share (widths, wrapping, cutting, borderless tables) and
//! `grid` the bordered grids of `diff`, `next` and `path`.

mod changes;
mod diff;
mod dimensions;
mod grid;
mod ladders;
pub(super) mod layout;
mod list;
mod path;
mod review;
mod search;
mod show;
mod tracks;
mod validate;

use std::io::Write;

use anyhow::{Result, bail};

use super::Report;
use crate::style::Style;
use crate::term::Terminal;
use crate::view::Hint;

/// A hint for a person at a terminal, as lines of at most `width` columns: its words wrapped,
/// then the command it suggests, which is never broken inside an argument: it breaks only
/// between arguments, each broken line ending with ` \`, so that it pastes as one command.
fn hint(hint: Hint<'_>, width: usize) -> Vec<String> {
    let (words, command): (&str, Vec<&str>) = match hint {
        Hint::CompareWithNext { role_id } => (
            "Compare with the next level:",
            vec!["ladder", "next", role_id],
        ),
        Hint::PickTrack { role_id, track_id } => (
            "To see one step alone, pick its track:",
            vec!["ladder", "next", role_id, "--track", track_id],
        ),
    };
    let one_line = format!("{words} {}", command.join(" "));
    if layout::display_width(&one_line) <= width {
        return vec![one_line];
    }
    let mut lines = layout::wrap(words, width, "", "");
    lines.extend(layout::command_lines(&command, width, "  "));
    lines
}

/// Writes the report as text laid out for `term`.
pub fn render(
    out: &mut impl Write,
    report: &Report<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    match report {
        Report::List(list) => list::render(out, list, style, term),
        Report::CatalogueList(lists) => ladders::each(out, lists, style, term, list::render),
        Report::Ladders(list) => ladders::render(out, list, style, term),
        Report::Show(view) => show::render(out, view, style, term),
        Report::ShowAll(all) => show::all(out, all, style, term),
        Report::CatalogueShowAll(alls) => ladders::each(out, alls, style, term, show::all),
        Report::Diff(comparison, detail) => diff::render(out, comparison, *detail, style, term),
        Report::Next(steps, detail) => diff::next(out, steps, *detail, style, term),
        Report::Path(path) => path::render(out, path, style, term),
        Report::CataloguePath(paths) => ladders::each(out, paths, style, term, path::render),
        Report::Search(hits, listing) => search::render(out, hits, *listing, style, term),
        Report::Tracks(list) => tracks::render(out, list, style, term),
        Report::CatalogueTracks(lists) => ladders::each(out, lists, style, term, tracks::render),
        Report::Dimensions(structure) => dimensions::render(out, structure, style, term),
        Report::CatalogueDimensions(all) => {
            ladders::each(out, all, style, term, dimensions::render)
        }
        Report::Validation(v) => validate::render(out, v, style, usize::from(term.width)),
        Report::Validations(all) => validate::each(out, all, style, usize::from(term.width)),
        Report::Changes(view) => changes::render(out, view, style, term),
        Report::Review(view) => review::render(out, view, style, term),
        Report::Evidence(..) => bail!("the evidence outline is Markdown; it has no table form"),
    }
}
