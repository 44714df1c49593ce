//! `show`: one role's heading, summary, attribute table, expectations and examples per
//! dimension, and the bands of a level.

use std::io::Write;

use anyhow::Result;
use comfy_table::Cell;

use super::dimensions::bands;
use super::layout::{plain_table, prose_width, tighten, trim_lines, wrap};
use crate::style::Style;
use crate::term::Terminal;
use crate::view::{Hint, RoleView};

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
        writeln!(out, "{}", style.heading("Bands within a level"))?;
        bands(out, view.bands, style, width)?;
    }
    // Hints are for a person at a terminal, not for a pipe.
    if let Some(hint) = view.hint.filter(|_| term.is_tty) {
        let sentence = match hint {
            Hint::CompareWithNext { role_id } => {
                format!("Compare with the next level: ladder next {role_id}")
            }
        };
        writeln!(out)?;
        writeln!(out, "{}", style.muted(&sentence))?;
    }
    Ok(())
}

/// The role's heading, its id, level and tracks, and its summary.
fn heading(out: &mut impl Write, view: &RoleView<'_>, style: &Style, width: usize) -> Result<()> {
    let role = view.role;
    let tracks: Vec<&str> = view.tracks.iter().map(|t| t.id.as_str()).collect();
    writeln!(out, "{}", style.heading(&role.heading()))?;
    let tracks = match tracks.as_slice() {
        [] => "on no track".to_string(),
        [one] => format!("track {one}"),
        many => format!("tracks {}", many.join(", ")),
    };
    writeln!(
        out,
        "{} · level {} · {tracks}",
        style.id(&role.id),
        role.level
    )?;
    writeln!(out)?;
    for line in wrap(&role.summary, width, "", "") {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Each attribute's name and value, as a borderless table under a heading.
fn attributes(
    out: &mut impl Write,
    view: &RoleView<'_>,
    style: &Style,
    width: usize,
) -> Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", style.heading("Attributes"))?;
    // The table sits two columns in, under the heading.
    let mut table = plain_table((width - 2) as u16);
    for (attribute, value) in &view.attributes {
        table.add_row([
            Cell::new(style.muted(&attribute.name)),
            Cell::new(value.unwrap_or(crate::render::NOT_STATED)),
        ]);
    }
    tighten(&mut table);
    for line in trim_lines(&table.to_string()).lines() {
        writeln!(out, "  {line}")?;
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
    for dv in &view.dimensions {
        writeln!(out)?;
        writeln!(out, "{}", style.heading(&dv.dimension.label()))?;
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
    Ok(())
}
