//! `path`: a track's levels in order, then a bordered grid per attribute table and dimension
//! with one column per role, or one block per level under each row when they cannot fit.

use std::io::Write;

use anyhow::Result;

use super::grid::{Sheet, SheetRow, heading_lines};
use super::layout::{longest_word, prose_width, wrap, wrap_items};
use crate::style::Style;
use crate::term::Terminal;
use crate::view::PathView;

/// The name of the row of expectations that have no theme.
const NO_THEME: &str = "(no theme)";

/// Writes the track's heading and levels, then its attributes and each dimension as grids.
pub fn render(
    out: &mut impl Write,
    p: &PathView<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    let width = usize::from(term.width);
    let title = [style.id(&p.track.id), style.heading(&p.track.name)];
    for line in wrap_items(&title, "  ", width, "") {
        writeln!(out, "{line}")?;
    }
    let headings: Vec<String> = p.roles.iter().map(|r| r.heading()).collect();
    // A narrow line breaks before an arrow rather than inside a role's title.
    let steps: Vec<String> = headings
        .iter()
        .enumerate()
        .map(|(i, h)| {
            if i == 0 {
                h.clone()
            } else {
                format!("→ {h}")
            }
        })
        .collect();
    for line in wrap_items(&steps, " ", prose_width(term), "  ") {
        writeln!(out, "{}", style.muted(&line))?;
    }
    if p.roles.is_empty() {
        return Ok(());
    }
    let floor = floor(p, &headings);
    // A ladder without attributes has no such section.
    if !p.attributes.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.heading(crate::render::ATTRIBUTES))?;
        let sheet = Sheet {
            first: "Attribute",
            headings: &headings,
            rows: p.attributes.len(),
            floor,
            blank: crate::render::NOT_STATED,
            tags: None,
        };
        sheet.put(out, style, width, |r, fit| {
            let (a, values) = &p.attributes[r];
            SheetRow {
                label: heading_lines(style, &a.name, fit.label),
                cells: values
                    .cells()
                    .map(|(at, v)| (at, wrap(v, fit.cell, "", "").join("\n")))
                    .collect(),
            }
        })?;
    }
    for d in &p.dimensions {
        writeln!(out)?;
        writeln!(out, "{}", heading_lines(style, &d.dimension.label(), width))?;
        let sheet = Sheet {
            first: "Theme",
            headings: &headings,
            rows: d.themes.len(),
            floor,
            blank: "",
            tags: None,
        };
        sheet.put(out, style, width, |r, fit| {
            let (label, w) = (fit.label, fit.cell);
            let (theme, row) = &d.themes[r];
            let name = theme.map_or(NO_THEME, |t| t.name.as_str());
            SheetRow {
                label: heading_lines(style, name, label),
                cells: row
                    .places()
                    .map(|(at, texts)| (at, bullets(texts, w)))
                    .collect(),
            }
        })?;
    }
    Ok(())
}

/// The narrowest the label column and the level columns may be: their longest word.
fn floor(p: &PathView<'_>, headings: &[String]) -> [usize; 2] {
    let mut label = longest_word(NO_THEME).max(longest_word("Attribute Theme"));
    let mut side = headings.iter().map(|h| longest_word(h)).max().unwrap_or(0);
    for (a, values) in &p.attributes {
        label = label.max(longest_word(&a.name));
        for (_, v) in values.cells() {
            side = side.max(longest_word(v));
        }
        // A level without a value shows that it states none.
        if values.len() < p.roles.len() {
            side = side.max(longest_word(crate::render::NOT_STATED));
        }
    }
    for d in &p.dimensions {
        for (theme, row) in &d.themes {
            label = label.max(theme.map_or(0, |t| longest_word(&t.name)));
            for (_, text) in row.cells() {
                // Two columns for the bullet and its space.
                side = side.max(longest_word(text) + 2);
            }
        }
    }
    [label, side]
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
