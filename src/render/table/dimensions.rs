//! `dimensions`: the ladder's structure, its attributes with their meanings, each dimension's
//! themes, and the bands within a level (which `show` lists too).

use std::io::Write;

use anyhow::Result;

use super::layout::{display_width, longest_word, pad, prose_width, wrap, wrap_items};
use crate::model::{Band, Dimension};
use crate::style::Style;
use crate::term::Terminal;
use crate::view::DimensionList;

/// Writes the attributes, then each dimension and its themes, then the bands.
pub fn render(
    out: &mut impl Write,
    s: &DimensionList<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    let width = prose_width(term);
    writeln!(out, "{}", style.heading(crate::render::ATTRIBUTES))?;
    for a in s.attributes {
        let head = [style.heading(&a.name), style.muted(&a.id)];
        for line in wrap_items(&head, "  ", width, "  ") {
            writeln!(out, "  {line}")?;
        }
        for line in wrap(&a.meaning, width, "    ", "    ") {
            writeln!(out, "{line}")?;
        }
    }
    for d in s.dimensions {
        writeln!(out)?;
        let head = [style.heading(&d.label()), style.muted(&d.id)];
        for line in wrap_items(&head, "  ", width, "") {
            writeln!(out, "{line}")?;
        }
        themes(out, d, style, width)?;
    }
    if !s.bands.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.heading("Bands within a level"))?;
        bands(out, s.bands, style, width)?;
    }
    Ok(())
}

/// A dimension's themes, one a line: the id, then the name beside it where its words fit,
/// else beneath it.
fn themes(out: &mut impl Write, d: &Dimension, style: &Style, width: usize) -> Result<()> {
    let id_w = d
        .themes
        .iter()
        .map(|t| display_width(&t.id))
        .max()
        .unwrap_or(0);
    let column = 2 + id_w + 2;
    let beside = d
        .themes
        .iter()
        .all(|t| column + longest_word(&t.name) <= width);
    for t in &d.themes {
        if beside {
            let first = format!("  {}{}  ", style.id(&t.id), pad(&t.id, id_w));
            for line in wrap(&t.name, width, &first, &" ".repeat(column)) {
                writeln!(out, "{line}")?;
            }
        } else {
            writeln!(out, "  {}", style.id(&t.id))?;
            for line in wrap(&t.name, width, "    ", "    ") {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// Each band's name, then its meaning wrapped beneath.
pub fn bands(out: &mut impl Write, bands: &[Band], style: &Style, width: usize) -> Result<()> {
    for b in bands {
        for line in wrap(&b.name, width, "  ", "  ") {
            writeln!(out, "{}", style.heading(&line))?;
        }
        for line in wrap(&b.meaning, width, "    ", "    ") {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
