//! `show`: one role's heading, summary, attribute table, expectations and examples per
//! dimension, and the bands of a level; `show --all` writes every role so.

use std::io::Write;

use anyhow::Result;

use super::dimensions::bands;
use super::grid::heading_lines;
use super::layout::{display_width, longest_word, pad, prose_width, wrap, wrap_items};
use crate::style::Style;
use crate::term::Terminal;
use crate::view::{LadderView, RoleView};

/// Below this many columns for the values, `show` puts each attribute's value under its name.
const MIN_VALUE: usize = 20;

/// Writes the role, section by section, prose wrapped to the prose width.
pub fn render(
    out: &mut impl Write,
    view: &RoleView<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    let width = prose_width(term);
    heading(out, view, style, width)?;
    attributes(out, view, style, width)?;
    dimensions(out, view, style, width)?;
    if view.whole && !view.bands.is_empty() {
        writeln!(out)?;
        for line in wrap(&crate::render::bands_pointer(view.bands), width, "", "  ") {
            writeln!(out, "{}", style.muted(&line))?;
        }
    }
    // Hints are for a person at a terminal, not for a pipe.
    if let Some(hint) = view.hint.filter(|_| term.is_tty) {
        writeln!(out)?;
        for line in super::hint(hint, width) {
            writeln!(out, "{}", style.muted(&line))?;
        }
    }
    Ok(())
}

/// `show --all`: every role as `show` writes it, a blank line apart, then the bands once.
pub fn all(
    out: &mut impl Write,
    all: &LadderView<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    for (i, view) in all.roles().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        render(out, &view, style, term)?;
    }
    if all.whole && !all.structure.bands.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.heading("Bands within a level"))?;
        bands(out, all.structure.bands, style, prose_width(term))?;
    }
    Ok(())
}

/// The role's heading, its id, level and tracks, and its summary.
fn heading(out: &mut impl Write, view: &RoleView<'_>, style: &Style, width: usize) -> Result<()> {
    let role = view.role;
    let tracks: Vec<&str> = view.tracks.iter().map(|t| t.id.as_str()).collect();
    for line in wrap(&role.heading(), width, "", "") {
        writeln!(out, "{}", style.heading(&line))?;
    }
    let tracks = match tracks.as_slice() {
        [] => "on no track".to_string(),
        [one] => format!("track {one}"),
        many => format!("tracks {}", many.join(", ")),
    };
    let about = [
        style.id(&role.id),
        format!("· level {}", role.level),
        format!("· {tracks}"),
    ];
    for line in wrap_items(&about, " ", width, "") {
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    for line in wrap(&role.summary, width, "", "") {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Each attribute's name and value under a heading: two columns, the values wrapped, when the
/// values have room; else each value under its name.
fn attributes(
    out: &mut impl Write,
    view: &RoleView<'_>,
    style: &Style,
    width: usize,
) -> Result<()> {
    let shown = view.attributes_for_people();
    // A ladder without attributes has no such section.
    if shown.shown.is_empty() && shown.more_empty == 0 {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{}", style.heading(crate::render::ATTRIBUTES))?;
    let rows: Vec<(&str, &str)> = shown
        .shown
        .iter()
        .map(|(a, value)| (a.name.as_str(), value.unwrap_or(crate::render::NOT_STATED)))
        .collect();
    let name_w = rows
        .iter()
        .map(|(n, _)| display_width(n))
        .max()
        .unwrap_or(0);
    // The table sits two columns in, under the heading, two columns between name and value.
    let value_w = width.saturating_sub(name_w + 4);
    let widest = rows.iter().map(|(_, v)| longest_word(v)).max().unwrap_or(0);
    let side_by_side = value_w >= widest.max(MIN_VALUE);
    for (name, value) in rows {
        if side_by_side {
            let first = format!("  {}{}  ", style.muted(name), pad(name, name_w));
            let rest = " ".repeat(name_w + 4);
            for line in wrap(value, width, &first, &rest) {
                writeln!(out, "{line}")?;
            }
        } else {
            for line in wrap(name, width, "  ", "  ") {
                writeln!(out, "{}", style.muted(&line))?;
            }
            for line in wrap(value, width, "    ", "    ") {
                writeln!(out, "{line}")?;
            }
        }
    }
    if shown.more_empty > 0 {
        let line = format!("and {}", crate::render::more_not_stated(shown.more_empty));
        writeln!(out, "  {}", style.muted(&line))?;
    }
    Ok(())
}

/// Each dimension's expectations and examples, as bullets.
fn dimensions(
    out: &mut impl Write,
    view: &RoleView<'_>,
    style: &Style,
    width: usize,
) -> Result<()> {
    let shown = view.dimensions_for_people();
    for dv in shown.shown {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            heading_lines(style, &dv.dimension.label(), width)
        )?;
        if let Some(summary) = dv.summary {
            for line in wrap(&format!("“{summary}”"), width, "  ", "  ") {
                writeln!(out, "{line}")?;
            }
        }
        writeln!(out, "  {}", style.muted("Expectations"))?;
        for (_, text) in &dv.expectations {
            for line in wrap(text, width, "  • ", "    ") {
                writeln!(out, "{line}")?;
            }
        }
        if !dv.examples.is_empty() {
            writeln!(out, "  {}", style.muted("Examples"))?;
            for text in dv.examples {
                for line in wrap(text, width, "  • ", "    ") {
                    writeln!(out, "{line}")?;
                }
            }
        }
    }
    if shown.more_empty > 0 {
        writeln!(out)?;
        let more = crate::render::more_without_expectations(shown.more_empty);
        writeln!(out, "{}", style.muted(&format!("And {more}.")))?;
    }
    Ok(())
}
