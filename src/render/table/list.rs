//! `list`: the roles as a table of five columns, or stacked under their ids when the
//! terminal is too narrow for the summary to be worth a column.

use std::io::Write;

use anyhow::Result;
use comfy_table::{Cell, ColumnConstraint};

use super::layout::{
    display_width, pad, plain_table, prose_width, tighten, trim_lines, wrap, wrap_items,
};
use crate::style::Style;
use crate::term::Terminal;
use crate::view::RoleList;

/// Below this many columns for the summary, `list` puts each summary under its role instead.
const MIN_SUMMARY: usize = 40;

/// The column headings of the table.
const HEADER: [&str; 5] = ["Level", "Role", "Title", "Tracks", "Summary"];

/// One role's fields, in the order of `HEADER`.
type Row = [String; 5];

/// Writes the roles as a table when the summary has room, else as a stack.
pub fn render(
    out: &mut impl Write,
    list: &RoleList<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    let rows: Vec<Row> = list
        .rows
        .iter()
        .map(|row| {
            let tracks: Vec<&str> = row.tracks.iter().map(|t| t.id.as_str()).collect();
            [
                row.role.level.clone(),
                row.role.id.clone(),
                row.role.title.clone(),
                tracks.join(", "),
                row.role.summary.clone(),
            ]
        })
        .collect();
    let widest = |i: usize| {
        rows.iter()
            .map(|r| display_width(&r[i]))
            .chain([HEADER[i].len()])
            .max()
            .unwrap_or(0)
    };
    // Levels, ids, titles and tracks never wrap; the summary needs room to be worth a column.
    let fixed: usize = (0..4).map(|i| widest(i) + 2).sum();
    if usize::from(term.width) >= fixed + MIN_SUMMARY {
        table(out, &rows, style, term)
    } else {
        stack(out, &rows, style, term)
    }
}

/// The five columns, only the summary wrapping.
fn table(out: &mut impl Write, rows: &[Row], style: &Style, term: &Terminal) -> Result<()> {
    let mut table = plain_table(term.width);
    table.set_header(HEADER.into_iter().map(|h| Cell::new(style.heading(h))));
    for [level, id, title, tracks, summary] in rows {
        table.add_row([
            Cell::new(level),
            Cell::new(style.id(id)),
            Cell::new(title),
            Cell::new(tracks),
            Cell::new(summary),
        ]);
    }
    for i in 0..4 {
        if let Some(column) = table.column_mut(i) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    tighten(&mut table);
    writeln!(out, "{}", trim_lines(&table.to_string()))?;
    Ok(())
}

/// Too narrow for five columns: each role takes a line for level, id and tracks, and its
/// title and summary follow underneath, wrapped, as cargo search does.
fn stack(out: &mut impl Write, rows: &[Row], style: &Style, term: &Terminal) -> Result<()> {
    let bare = |i: usize| rows.iter().map(|r| display_width(&r[i])).max().unwrap_or(0);
    let (level_w, id_w) = (bare(0), bare(1));
    let indent = " ".repeat(level_w + 2);
    let width = usize::from(term.width);
    for [level, id, title, tracks, summary] in rows {
        // The tracks go under the id when the line cannot hold them.
        let head = format!(
            "{level}{}  {}{}",
            pad(level, level_w),
            style.id(id),
            pad(id, id_w)
        );
        for line in wrap_items(&[head, tracks.clone()], "  ", width, &indent) {
            writeln!(out, "{}", line.trim_end())?;
        }
        let text = format!("{title}: {summary}");
        for line in wrap(&text, prose_width(term), &indent, &indent) {
            writeln!(out, "{}", style.muted(&line))?;
        }
    }
    Ok(())
}
