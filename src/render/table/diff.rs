//! `diff` and `next`: two roles compared. A header, a summary per dimension, then the two
//! sides in bordered grids with partners on one row; or, brief, only what is new and what
//! grows as a plain list.

use std::io::Write;

use anyhow::Result;

use super::grid::{Grid, grid, put};
use super::layout::{display_width, grid_widths, prose_width, wrap};
use crate::query::compare::{AttributeChange, Comparison, DimensionChange, Mark, Marked};
use crate::render::{
    BUILDS_ON, in_brief, legend_marks, mark_legend as legend, mark_symbol as symbol, summary_parts,
    with_similarity,
};
use crate::style::Style;
use crate::term::Terminal;
use crate::view::{Detail, NextSteps};

/// Writes the comparison under its plain title.
pub fn render(
    out: &mut impl Write,
    c: &Comparison<'_>,
    detail: Detail,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    comparison(out, c, "", detail, style, term)
}

/// Writes the comparison: a title (after `lead`), the legend, the summary, then the details.
fn comparison(
    out: &mut impl Write,
    c: &Comparison<'_>,
    lead: &str,
    detail: Detail,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    let width = prose_width(term);
    let (a, b) = (c.from, c.to);
    let title = format!("{lead}{} → {}", a.heading(), b.heading());
    lines(out, &wrap(&title, width, "", "  "), |l| style.heading(l))?;
    let sides = [
        format!("A = {}", style.id(&a.id)),
        format!("B = {}", style.id(&b.id)),
    ];
    lines(out, &spread(&sides, "   ", "", width), |l| l.to_string())?;
    match detail {
        Detail::Full => full(out, c, style, term),
        Detail::Brief => brief(out, c, style, width),
    }
}

/// The legend, the summary and the two sides in grids.
fn full(out: &mut impl Write, c: &Comparison<'_>, style: &Style, term: &Terminal) -> Result<()> {
    let width = prose_width(term);
    let marks: Vec<String> = legend_marks(c)
        .iter()
        .map(|m| format!("{} {}", symbol(*m), legend(*m)))
        .collect();
    lines(out, &spread(&marks, "   ", "", width), |l| style.muted(l))?;
    if c.upward {
        lines(out, &wrap(BUILDS_ON, width, "", ""), |l| style.muted(l))?;
    }
    writeln!(out)?;
    for dc in &c.dimensions {
        let mut parts = summary_parts(&dc.counts());
        parts[0] = format!("{}: {}", dc.dimension.label(), parts[0]);
        lines(out, &spread(&parts, " · ", "  ", width), |l| l.to_string())?;
    }

    let (label, side) = grid_widths(usize::from(term.width), 2);
    let sides = Sides {
        headings: [c.from.heading(), c.to.heading()],
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
    Ok(())
}

/// Only what is new and what grows at B, a plain list per dimension: the text to paste into
/// a one-to-one document.
fn brief(out: &mut impl Write, c: &Comparison<'_>, style: &Style, width: usize) -> Result<()> {
    let differ = legend_marks(c)[1];
    let intro = format!(
        "Only what is new ({}) and what {} ({}) at B.",
        symbol(Mark::New),
        legend(differ),
        symbol(differ)
    );
    lines(out, &wrap(&intro, width, "", ""), |l| style.muted(l))?;
    let item = |out: &mut dyn Write, mark: Mark, text: &str| -> Result<()> {
        let first = format!("{} ", symbol(mark));
        for line in wrap(text, width, &first, "  ") {
            writeln!(out, "{}", paint(style, mark, &line))?;
        }
        Ok(())
    };
    let attributes: Vec<&AttributeChange<'_>> =
        c.attributes.iter().filter(|a| in_brief(a.mark)).collect();
    if !attributes.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.heading("Attributes"))?;
        for a in attributes {
            let text = format!("{}: {}", a.attribute.name, a.to.unwrap_or("—"));
            item(out, a.mark, &text)?;
        }
    }
    let mut any = false;
    for dc in &c.dimensions {
        let shown: Vec<&Marked<'_>> = dc
            .themes
            .iter()
            .flat_map(|t| &t.to)
            .filter(|m| in_brief(m.mark))
            .collect();
        if shown.is_empty() {
            continue;
        }
        any = true;
        writeln!(out)?;
        writeln!(out, "{}", style.heading(&dc.dimension.label()))?;
        for m in shown {
            item(out, m.mark, m.text)?;
        }
    }
    if !any {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            style.muted("No expectation is new or grows at B.")
        )?;
    }
    Ok(())
}

/// Writes each next step under a title that says which step of how many it is and on which
/// tracks, then, on a terminal, how to pick one step when there are several.
pub fn next(
    out: &mut impl Write,
    n: &NextSteps<'_>,
    detail: Detail,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    let width = prose_width(term);
    if n.steps.is_empty() {
        writeln!(
            out,
            "{} is on no track, so it has no next level.",
            style.id(&n.role.id)
        )?;
    }
    let count = n.steps.len();
    for (i, step) in n.steps.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let tracks: Vec<&str> = step.tracks.iter().map(|t| t.id.as_str()).collect();
        let plural = if step.tracks.len() == 1 { "" } else { "s" };
        let on = format!("track{plural} {}", tracks.join(", "));
        let (of, lead) = step_title(i, count, &on);
        match &step.next {
            Some(c) => comparison(out, c, &lead, detail, style, term)?,
            None => {
                let line = format!(
                    "{of}{} is the top of {on}: there is no next level.",
                    n.role.heading()
                );
                lines(out, &wrap(&line, width, "", "  "), |l| style.heading(l))?;
            }
        }
    }
    // Hints are for a person at a terminal, not for a pipe.
    if let Some(hint) = n.hint.filter(|_| term.is_tty) {
        writeln!(out)?;
        lines(out, &wrap(&super::hint(hint), width, "", "  "), |l| {
            style.muted(l)
        })?;
    }
    Ok(())
}

/// Items `sep` apart, as many on a line as fit in `width`, later lines after `indent`; a line
/// that breaks keeps the visible part of `sep` at its end. An item is broken only when it
/// alone is wider than a line (wrapping would break any, and fold runs of spaces into one).
fn spread(items: &[String], sep: &str, indent: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for item in items {
        match lines.last_mut() {
            Some(line)
                if display_width(line) + display_width(sep) + display_width(item) <= width =>
            {
                line.push_str(sep);
                line.push_str(item);
            }
            last => {
                let first = match last {
                    Some(line) => {
                        line.push_str(sep.trim_end());
                        indent
                    }
                    None => "",
                };
                lines.extend(wrap(item, width, first, indent));
            }
        }
    }
    lines
}

/// The start of a step's title, "Step 1 of 2 — " when there are several, and the lead of its
/// comparison's title: "Step 1 of 2 — track engineer: ", or "Track engineer: " alone.
pub(super) fn step_title(i: usize, count: usize, on: &str) -> (String, String) {
    if count > 1 {
        let of = format!("Step {} of {count} — ", i + 1);
        let lead = format!("{of}{on}: ");
        (of, lead)
    } else {
        let mut chars = on.chars();
        let first = chars.next().map(|c| c.to_uppercase().to_string());
        (
            String::new(),
            format!("{}{}: ", first.unwrap_or_default(), chars.as_str()),
        )
    }
}

/// Writes wrapped lines, each styled on its own.
fn lines(out: &mut impl Write, lines: &[String], paint: impl Fn(&str) -> String) -> Result<()> {
    for line in lines {
        writeln!(out, "{}", paint(line))?;
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
                block(style, change.mark, &[value.unwrap_or("—")], side, false)
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

    /// Each theme's expectations at A and at B, marked, a statement beside its partner; none
    /// when neither role lists any.
    fn themes(&self, dc: &DimensionChange<'_>) -> Option<Grid> {
        if dc.themes.is_empty() {
            return None;
        }
        let (style, side) = (self.style, self.side);
        let mut table = grid(style, "Theme", &self.headings, self.label, side);
        for tc in &dc.themes {
            let name = tc.theme.map_or("(no theme)", |t| t.name.as_str());
            let (mut left, mut right) = (Vec::new(), Vec::new());
            for (i, (a, b)) in tc.rows().into_iter().enumerate() {
                if i > 0 {
                    left.push(String::new());
                    right.push(String::new());
                }
                let lines = |m: Option<&Marked<'_>>| {
                    m.map(|m| marked_lines(style, m.mark, &with_similarity(m), side))
                        .unwrap_or_default()
                };
                let (mut a, mut b) = (lines(a), lines(b));
                // Padded to one height, so that the next pair starts on one line too.
                let height = a.len().max(b.len());
                a.resize(height, String::new());
                b.resize(height, String::new());
                left.append(&mut a);
                right.append(&mut b);
            }
            table.add_row([
                block(style, tc.mark, &[name], self.label, true),
                left.join("\n"),
                right.join("\n"),
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

/// Text in the colour of its mark; what B does not restate is dim, not alarming: B still
/// builds on it.
fn paint(style: &Style, mark: Mark, text: &str) -> String {
    match mark {
        Mark::New => style.added(text),
        Mark::Grows | Mark::Differs => style.changed(text),
        Mark::NotRestated | Mark::Same | Mark::Reworded => style.unchanged(text),
    }
}
