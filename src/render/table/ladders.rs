//! `ladders`: the ladders of a catalogue, one row each; and `list` over a catalogue, each
//! ladder's roles under a heading.

use std::io::Write;

use anyhow::Result;
use comfy_table::{Cell, ColumnConstraint};

use super::layout::{plain_table, tighten, trim_lines};
use super::list;
use crate::style::Style;
use crate::term::Terminal;
use crate::view::{CatalogueList, LadderHead, LadderList};

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

/// Writes each ladder's roles as `list` does, under a heading with its id and name.
pub fn roles(
    out: &mut impl Write,
    list: &CatalogueList<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    for (i, (head, roles)) in list.ladders.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", style.heading(&heading(head)))?;
        writeln!(out)?;
        list::render(out, roles, style, term)?;
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
