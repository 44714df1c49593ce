//! `path`: a track's levels in order, then a bordered grid per attribute table and dimension
//! with one column per role.

use std::io::Write;

use anyhow::Result;

use super::grid::{grid, heading_lines, put};
use super::layout::{grid_widths, prose_width, wrap};
use crate::style::Style;
use crate::term::Terminal;
use crate::view::PathView;

/// Writes the track's heading and levels, then its attributes and each dimension as grids.
pub fn render(
    out: &mut impl Write,
    p: &PathView<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    writeln!(
        out,
        "{}  {}",
        style.id(&p.track.id),
        style.heading(&p.track.name)
    )?;
    let headings: Vec<String> = p.roles.iter().map(|r| r.heading()).collect();
    for line in wrap(&headings.join(" → "), prose_width(term), "", "") {
        writeln!(out, "{}", style.muted(&line))?;
    }
    if p.roles.is_empty() {
        return Ok(());
    }
    let (label, side) = grid_widths(usize::from(term.width), p.roles.len());
    writeln!(out)?;
    writeln!(out, "{}", style.heading("Attributes"))?;
    let mut table = grid(style, "Attribute", &headings, label, side);
    for (a, values) in &p.attributes {
        let mut row = vec![heading_lines(style, &a.name, label)];
        row.extend(
            values
                .iter()
                .map(|v| wrap(v.unwrap_or("—"), side, "", "").join("\n")),
        );
        table.add_row(row);
    }
    put(out, &table)?;
    for d in &p.dimensions {
        writeln!(out)?;
        writeln!(out, "{}", style.heading(&d.dimension.label()))?;
        let mut table = grid(style, "Theme", &headings, label, side);
        for (theme, cells) in &d.themes {
            let name = theme.map_or("(no theme)", |t| t.name.as_str());
            let mut row = vec![heading_lines(style, name, label)];
            row.extend(cells.iter().map(|texts| bullets(texts, side)));
            table.add_row(row);
        }
        put(out, &table)?;
    }
    Ok(())
}

/// One cell of texts, each a bullet wrapped to `width`, a blank line between them.
fn bullets(texts: &[&str], width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        lines.extend(wrap(text, width, "• ", "  "));
    }
    lines.join("\n")
}
