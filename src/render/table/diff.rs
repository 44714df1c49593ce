//! `diff` and `next`: two roles side by side in bordered grids, each item marked by how it
//! changes from A to B, then a count of the themes.

use std::io::Write;

use anyhow::Result;

use super::grid::Sheet;
use super::layout::{longest_word, wrap, wrap_items};
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
    let width = usize::from(term.width);
    let title = [
        style.heading(&a.heading()),
        format!("→ {}", style.heading(&b.heading())),
    ];
    let sides = [
        format!("A = {}", style.id(&a.id)),
        format!("B = {}", style.id(&b.id)),
    ];
    let marks: Vec<String> = MARKS
        .iter()
        .map(|m| paint(style, *m, &format!("{} {}", symbol(*m), legend(*m))))
        .collect();
    for line in [
        wrap_items(&title, " ", width, ""),
        wrap_items(&sides, "   ", width, ""),
        wrap_items(&marks, "   ", width, ""),
    ]
    .concat()
    {
        writeln!(out, "{line}")?;
    }

    let sides = Sides {
        headings: [a.heading(), b.heading()],
        floor: floor(c),
        width,
        style,
    };
    writeln!(out)?;
    writeln!(out, "{}", style.heading("Attributes"))?;
    sides.attributes(out, &c.attributes)?;
    for dc in &c.dimensions {
        writeln!(out)?;
        writeln!(out, "{}", style.heading(&dc.dimension.label()))?;
        if dc.themes.is_empty() {
            writeln!(
                out,
                "  {}",
                style.muted("Neither role lists an expectation here.")
            )?;
        } else {
            sides.themes(out, dc)?;
        }
    }

    writeln!(out)?;
    let n = c.theme_counts();
    let counts = format!(
        "Themes: {} new at B, {} grow, {} no longer listed, {} unchanged.",
        n.added, n.changed, n.removed, n.unchanged
    );
    for line in wrap(&counts, width, "", "") {
        writeln!(out, "{}", style.muted(&line))?;
    }
    Ok(())
}

/// The narrowest the label column and the two sides may be: their longest word after a mark.
fn floor(c: &Comparison<'_>) -> [usize; 2] {
    let mut label = longest_word(NO_THEME).max(longest_word("Attribute Theme"));
    let mut side = longest_word(&c.from.heading()).max(longest_word(&c.to.heading()));
    for change in &c.attributes {
        label = label.max(longest_word(&change.attribute.name));
        for value in [change.from, change.to] {
            side = side.max(longest_word(value.unwrap_or("—")));
        }
    }
    for tc in c.dimensions.iter().flat_map(|dc| &dc.themes) {
        label = label.max(tc.theme.map_or(0, |t| longest_word(&t.name)));
        for item in tc.from.iter().chain(&tc.to) {
            side = side.max(longest_word(&with_similarity(item)));
        }
    }
    // Two columns for the mark and its space.
    [label + 2, side + 2]
}

/// The name of the row of expectations that have no theme.
const NO_THEME: &str = "(no theme)";

/// Writes each next step: the comparison with the next role on its tracks, or that the role
/// is the top of them.
pub fn next(out: &mut impl Write, n: &NextSteps<'_>, style: &Style, term: &Terminal) -> Result<()> {
    let width = usize::from(term.width);
    let say = |out: &mut dyn Write, text: &str, muted: bool| -> Result<()> {
        for line in wrap(text, width, "", "  ") {
            writeln!(out, "{}", if muted { style.muted(&line) } else { line })?;
        }
        Ok(())
    };
    if n.steps.is_empty() {
        say(
            out,
            &format!(
                "{} is on no track, so it has no next level.",
                style.id(&n.role.id)
            ),
            false,
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
                say(out, &format!("On track{plural} {tracks}:"), true)?;
                render(out, c, style, term)?;
            }
            None => say(
                out,
                &format!(
                    "{} is the top of track{plural} {tracks}: there is no next level.",
                    style.heading(&n.role.heading())
                ),
                false,
            )?,
        }
    }
    Ok(())
}

/// The two sides' tables: their headings, the floor of their columns and the terminal width.
struct Sides<'s> {
    headings: [String; 2],
    floor: [usize; 2],
    width: usize,
    style: &'s Style,
}

impl Sides<'_> {
    /// Each attribute's value at A and at B, marked.
    fn attributes(&self, out: &mut impl Write, changes: &[AttributeChange<'_>]) -> Result<()> {
        let style = self.style;
        let sheet = Sheet {
            first: "Attribute",
            headings: &self.headings,
            rows: changes.len(),
            floor: self.floor,
        };
        sheet.put(out, style, self.width, |r, column, width| {
            let change = &changes[r];
            match column {
                0 => block(style, change.mark, &[&change.attribute.name], width, true),
                1 => block(
                    style,
                    change.mark,
                    &[change.from.unwrap_or("—")],
                    width,
                    false,
                ),
                _ => block(
                    style,
                    change.mark,
                    &[change.to.unwrap_or("—")],
                    width,
                    false,
                ),
            }
        })
    }

    /// Each theme's expectations at A and at B, marked.
    fn themes(&self, out: &mut impl Write, dc: &DimensionChange<'_>) -> Result<()> {
        let style = self.style;
        let cell = |items: &[Marked<'_>], width: usize| {
            let mut lines = Vec::new();
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    lines.push(String::new());
                }
                lines.extend(marked_lines(
                    style,
                    item.mark,
                    &with_similarity(item),
                    width,
                ));
            }
            lines.join("\n")
        };
        let sheet = Sheet {
            first: "Theme",
            headings: &self.headings,
            rows: dc.themes.len(),
            floor: self.floor,
        };
        sheet.put(out, style, self.width, |r, column, width| {
            let tc = &dc.themes[r];
            match column {
                0 => {
                    let name = tc.theme.map_or(NO_THEME, |t| t.name.as_str());
                    block(style, tc.mark, &[name], width, true)
                }
                1 => cell(&tc.from, width),
                _ => cell(&tc.to, width),
            }
        })
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
