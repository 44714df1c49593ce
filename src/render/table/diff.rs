//! `diff` and `next`: two roles side by side in bordered grids, each item marked by how it
//! changes from A to B, then a count of the themes.

use std::io::Write;

use anyhow::Result;

use super::grid::{Grid, grid, put};
use super::layout::{grid_widths, wrap};
use crate::query::compare::{AttributeChange, Comparison, DimensionChange, Mark, Marked};
use crate::render::{mark_legend as legend, mark_symbol as symbol, with_similarity};
use crate::style::Style;
use crate::term::Terminal;
use crate::view::NextSteps;

/// The marks in the order the legend lists them.
const MARKS: [Mark; 5] = [
    Mark::Added,
    Mark::Changed,
    Mark::Removed,
    Mark::Reworded,
    Mark::Unchanged,
];

/// Writes the comparison: a heading and legend, the attributes, each dimension, the counts.
pub fn render(
    out: &mut impl Write,
    c: &Comparison<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    let (a, b) = (c.from, c.to);
    writeln!(
        out,
        "{} → {}",
        style.heading(&a.heading()),
        style.heading(&b.heading())
    )?;
    writeln!(out, "A = {}   B = {}", style.id(&a.id), style.id(&b.id))?;
    let marks: Vec<String> = MARKS
        .iter()
        .map(|m| paint(style, *m, &format!("{} {}", symbol(*m), legend(*m))))
        .collect();
    writeln!(out, "{}", marks.join("   "))?;

    let (label, side) = grid_widths(usize::from(term.width), 2);
    let sides = Sides {
        headings: [a.heading(), b.heading()],
        label,
        side,
        style,
    };
    writeln!(out)?;
    writeln!(out, "{}", style.heading("Attributes"))?;
    put(out, &sides.attributes(&c.attributes))?;
    for dc in &c.dimensions {
        writeln!(out)?;
        writeln!(out, "{}", style.heading(&dc.dimension.label()))?;
        match sides.themes(dc) {
            Some(grid) => put(out, &grid)?,
            None => writeln!(
                out,
                "  {}",
                style.muted("Neither role lists an expectation here.")
            )?,
        }
    }

    writeln!(out)?;
    let n = c.theme_counts();
    writeln!(
        out,
        "{}",
        style.muted(&format!(
            "Themes: {} new at B, {} grow, {} no longer listed, {} unchanged.",
            n.added, n.changed, n.removed, n.unchanged
        ))
    )?;
    Ok(())
}

/// Writes each next step: the comparison with the next role on its tracks, or that the role
/// is the top of them.
pub fn next(out: &mut impl Write, n: &NextSteps<'_>, style: &Style, term: &Terminal) -> Result<()> {
    if n.steps.is_empty() {
        writeln!(
            out,
            "{} is on no track, so it has no next level.",
            style.id(&n.role.id)
        )?;
    }
    for (i, step) in n.steps.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let tracks: Vec<&str> = step.tracks.iter().map(|t| t.id.as_str()).collect();
        let tracks = tracks.join(", ");
        let plural = if step.tracks.len() == 1 { "" } else { "s" };
        match &step.next {
            Some(c) => {
                writeln!(
                    out,
                    "{}",
                    style.muted(&format!("On track{plural} {tracks}:"))
                )?;
                render(out, c, style, term)?;
            }
            None => writeln!(
                out,
                "{} is the top of track{plural} {tracks}: there is no next level.",
                style.heading(&n.role.heading())
            )?,
        }
    }
    Ok(())
}

/// The two sides' grids: their headings and column widths.
struct Sides<'s> {
    headings: [String; 2],
    label: usize,
    side: usize,
    style: &'s Style,
}

impl Sides<'_> {
    /// Each attribute's value at A and at B, marked.
    fn attributes(&self, changes: &[AttributeChange<'_>]) -> Grid {
        let (style, side) = (self.style, self.side);
        let mut table = grid(style, "Attribute", &self.headings, self.label, side);
        for change in changes {
            let cell = |value: Option<&str>| {
                block(
                    style,
                    change.mark,
                    &[value.unwrap_or(crate::render::NOT_STATED)],
                    side,
                    false,
                )
            };
            table.add_row([
                block(
                    style,
                    change.mark,
                    &[&change.attribute.name],
                    self.label,
                    true,
                ),
                cell(change.from),
                cell(change.to),
            ]);
        }
        table
    }

    /// Each theme's expectations at A and at B, marked; none when neither role lists any.
    fn themes(&self, dc: &DimensionChange<'_>) -> Option<Grid> {
        if dc.themes.is_empty() {
            return None;
        }
        let (style, side) = (self.style, self.side);
        let mut table = grid(style, "Theme", &self.headings, self.label, side);
        for tc in &dc.themes {
            let name = tc.theme.map_or("(no theme)", |t| t.name.as_str());
            let cell = |items: &[Marked<'_>]| {
                let mut lines = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        lines.push(String::new());
                    }
                    lines.extend(marked_lines(style, item.mark, &with_similarity(item), side));
                }
                lines.join("\n")
            };
            table.add_row([
                block(style, tc.mark, &[name], self.label, true),
                cell(&tc.from),
                cell(&tc.to),
            ]);
        }
        Some(table)
    }
}

/// One cell of marked lines, wrapped to `width` with a hanging indent under the mark.
fn block(style: &Style, mark: Mark, texts: &[&str], width: usize, bold: bool) -> String {
    let lines: Vec<String> = texts
        .iter()
        .flat_map(|t| marked_lines(style, mark, t, width))
        .map(|l| if bold { style.heading(&l) } else { l })
        .collect();
    lines.join("\n")
}

/// A text after its mark's symbol, wrapped to `width`, each line in its mark's colour.
fn marked_lines(style: &Style, mark: Mark, text: &str, width: usize) -> Vec<String> {
    let first = format!("{} ", symbol(mark));
    wrap(text, width, &first, "  ")
        .into_iter()
        .map(|line| paint(style, mark, &line))
        .collect()
}

/// Text in the colour of its mark.
fn paint(style: &Style, mark: Mark, text: &str) -> String {
    match mark {
        Mark::Added => style.added(text),
        Mark::Changed => style.changed(text),
        Mark::Removed => style.removed(text),
        Mark::Unchanged | Mark::Reworded => style.unchanged(text),
    }
}
