//! `ladders`: the ladders of a catalogue, one row each; and the views of a catalogue (`list`,
//! `tracks`, `dimensions`, `path`, `show --all`), each ladder's under a heading.

use std::io::Write;

use anyhow::Result;
use comfy_table::{Cell, ColumnConstraint};

use super::layout::{plain_table, prose_width, tighten, trim_lines, wrap};
use crate::style::Style;
use crate::term::Terminal;
use crate::view::{LadderHead, LadderList, PerLadder};

/// The column headings of the table.
const HEADER: [&str; 4] = ["Ladder", "Name", "Roles", "Tracks"];

/// Writes one row per ladder: id, name, role count and track ids, only the tracks wrapping.
pub fn render(
    out: &mut impl Write,
    list: &LadderList<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    let mut table = plain_table(term.width);
    table.set_header(HEADER.into_iter().map(|h| Cell::new(style.heading(h))));
    for row in &list.ladders {
        let tracks: Vec<&str> = row.tracks.iter().map(|t| t.id.as_str()).collect();
        table.add_row([
            Cell::new(style.id(row.head.id.unwrap_or("-"))),
            Cell::new(row.head.name),
            Cell::new(row.roles),
            Cell::new(tracks.join(", ")),
        ]);
    }
    for i in 0..3 {
        if let Some(column) = table.column_mut(i) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    tighten(&mut table);
    writeln!(out, "{}", trim_lines(&table.to_string()))?;
    Ok(())
}

/// Writes each ladder's view as `view` draws it (the renderer of one ladder's), under a heading with the ladder's id and name,
/// a blank line after the heading and between ladders: `list`, `tracks`, `dimensions`, `path`
/// and `show --all` over a catalogue.
pub fn each<W: Write, V>(
    out: &mut W,
    ladders: &PerLadder<'_, V>,
    style: &Style,
    term: &Terminal,
    view: impl Fn(&mut W, &V, &Style, &Terminal) -> Result<()>,
) -> Result<()> {
    for (i, (head, one)) in ladders.ladders.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        for line in wrap(&heading(head), prose_width(term), "", "") {
            writeln!(out, "{}", style.heading(&line))?;
        }
        writeln!(out)?;
        view(out, one, style, term)?;
    }
    Ok(())
}

/// "design: Product Design"; a ladder outside a catalogue goes by its name alone.
pub fn heading(head: &LadderHead<'_>) -> String {
    match head.id {
        Some(id) => format!("{id}: {}", head.name),
        None => head.name.to_string(),
    }
}
