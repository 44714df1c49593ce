//! `dimensions`: the ladder's structure, its attributes with their meanings, each dimension's
//! themes, and the bands within a level (which `show` lists too).

use std::io::Write;

use anyhow::Result;

use super::layout::{display_width, pad, prose_width, wrap};
use crate::model::Band;
use crate::style::Style;
use crate::term::Terminal;
use crate::view::Structure;

/// Writes the attributes, then each dimension and its themes, then the bands.
pub fn render(
    out: &mut impl Write,
    s: &Structure<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    let width = prose_width(term);
    writeln!(out, "{}", style.heading("Attributes"))?;
    for a in s.attributes {
        writeln!(out, "  {}  {}", style.heading(&a.name), style.muted(&a.id))?;
        for line in wrap(&a.meaning, width, "    ", "    ") {
            writeln!(out, "{line}")?;
        }
    }
    for d in s.dimensions {
        writeln!(out)?;
        writeln!(out, "{}  {}", style.heading(&d.label()), style.muted(&d.id))?;
        let id_w = d
            .themes
            .iter()
            .map(|t| display_width(&t.id))
            .max()
            .unwrap_or(0);
        for t in &d.themes {
            writeln!(out, "  {}{}  {}", style.id(&t.id), pad(&t.id, id_w), t.name)?;
        }
    }
    if !s.bands.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.heading("Bands within a level"))?;
        bands(out, s.bands, style, width)?;
    }
    Ok(())
}

/// Each band's name, then its meaning wrapped beneath.
pub fn bands(out: &mut impl Write, bands: &[Band], style: &Style, width: usize) -> Result<()> {
    for b in bands {
        writeln!(out, "  {}", style.heading(&b.name))?;
        for line in wrap(&b.meaning, width, "    ", "    ") {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
