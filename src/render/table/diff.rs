//! `diff` and `next`: two roles compared. A header, a summary per dimension, then the two
//! sides in bordered grids with partners on one row; or, brief, only what is new and what
//! grows as a plain list.

use std::io::Write;

use anyhow::Result;

use super::grid::{Sheet, SheetRow, heading_lines};
use super::layout::{longest_word, prose_width, wrap, wrap_items, wrap_items_together};
use crate::query::compare::{
    AttributeChange, Comparison, DimensionChange, Mark, Marked, ThemeChange,
};
use crate::render::{
    BUILDS_ON, direction_note, in_brief, legend_marks, mark_legend as legend,
    mark_symbol as symbol, only_at, summary_parts, worded,
};
use crate::style::Style;
use crate::term::Terminal;
use crate::text::some_of;
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
    // A narrow title breaks at the arrow before it breaks inside a role's name.
    let title: Vec<String> = [
        lead.trim_end().to_string(),
        a.heading(),
        format!("→ {}", b.heading()),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect();
    lines(out, &wrap_items(&title, " ", width, "  "), |l| {
        style.heading(l)
    })?;
    let [id_a, id_b] = super::super::side_ids(c);
    let sides = [
        format!("A = {}", style.id(&id_a)),
        format!("B = {}", style.id(&id_b)),
    ];
    lines(out, &wrap_items(&sides, "   ", width, ""), |l| {
        l.to_string()
    })?;
    if let Some(note) = direction_note(c) {
        lines(out, &wrap(note, width, "", ""), |l| style.muted(l))?;
    }
    match detail {
        Detail::Full => full(out, c, style, term, false),
        Detail::WordDiff => full(out, c, style, term, true),
        Detail::Brief => brief(out, c, style, width),
    }
}

/// The legend, the summary and the two sides in grids; `word_marks`: with git's plain marks
/// around the words that changed inside a pair.
fn full(
    out: &mut impl Write,
    c: &Comparison<'_>,
    style: &Style,
    term: &Terminal,
    word_marks: bool,
) -> Result<()> {
    let width = prose_width(term);
    let marks: Vec<String> = legend_marks(c)
        .iter()
        .map(|m| format!("{} {}", symbol(*m), legend(*m)))
        .collect();
    lines(out, &wrap_items_together(&marks, "   ", width, ""), |l| {
        style.muted(l)
    })?;
    if c.upward {
        lines(out, &wrap(BUILDS_ON, width, "", ""), |l| style.muted(l))?;
    }
    writeln!(out)?;
    for dc in &c.dimensions {
        let mut parts = summary_parts(&dc.counts());
        parts[0] = format!("{}: {}", dc.dimension.label(), parts[0]);
        lines(out, &wrap_items(&parts, " · ", width, "  "), |l| {
            l.to_string()
        })?;
    }
    for line in only_at(c) {
        lines(out, &wrap(&line, width, "", "  "), |l| style.muted(l))?;
    }

    let sides = Sides {
        headings: [c.from.heading(), c.to.heading()],
        floor: floor(c, word_marks),
        width: usize::from(term.width),
        style,
        word_marks,
    };
    // A ladder without attributes has no such section.
    if !c.attributes.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.heading(crate::render::ATTRIBUTES))?;
        sides.attributes(out, &c.attributes)?;
    }
    for dc in &c.dimensions {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            heading_lines(style, &dc.dimension.label(), width)
        )?;
        if dc.themes.is_empty() {
            let none = "Neither role lists an expectation here.";
            lines(out, &wrap(none, width, "  ", "  "), |l| style.muted(l))?;
        } else {
            sides.themes(out, dc)?;
        }
    }
    Ok(())
}

/// The narrowest the label column and the two sides may be: their longest word after a mark.
fn floor(c: &Comparison<'_>, word_marks: bool) -> [usize; 2] {
    let mut label = longest_word(NO_THEME).max(longest_word("Attribute Theme"));
    let mut side = longest_word(&c.from.heading()).max(longest_word(&c.to.heading()));
    for change in &c.attributes {
        label = label.max(longest_word(&change.attribute.name));
        for value in [change.from, change.to] {
            side = side.max(longest_word(value.unwrap_or(crate::render::NOT_STATED)));
        }
    }
    for tc in c.dimensions.iter().flat_map(|dc| &dc.themes) {
        label = label.max(tc.theme.map_or(0, |t| longest_word(&t.name)));
        let sides = tc.from.iter().map(|m| (m, false));
        for (item, at_b) in sides.chain(tc.to.iter().map(|m| (m, true))) {
            let plain = Style::new(false);
            side = side.max(longest_word(&changed_words(&plain, item, at_b, word_marks)));
        }
    }
    // Two columns for the mark and its space.
    [label + 2, side + 2]
}

/// The name of the row of expectations that have no theme.
const NO_THEME: &str = "(no theme)";

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
        writeln!(out, "{}", style.heading(crate::render::ATTRIBUTES))?;
        for a in attributes {
            let text = format!(
                "{}: {}",
                a.attribute.name,
                a.to.unwrap_or(crate::render::NOT_STATED)
            );
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
        writeln!(
            out,
            "{}",
            heading_lines(style, &dc.dimension.label(), width)
        )?;
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
    let count = n.count();
    for (i, step) in n.steps.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let tracks = some_of(step.tracks.iter().map(|t| t.id.as_str()));
        let plural = if step.tracks.len() == 1 { "" } else { "s" };
        let on = format!("track{plural} {tracks}");
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
    if let Some(left_out) = &n.left_out {
        writeln!(out)?;
        let line = crate::render::steps_left_out(&n.role.id, left_out);
        lines(out, &wrap(&line, width, "", "  "), ToString::to_string)?;
    }
    // Hints are for a person at a terminal, not for a pipe.
    if let Some(hint) = n.hint.filter(|_| term.is_tty) {
        writeln!(out)?;
        lines(out, &super::hint(hint, width), |l| style.muted(l))?;
    }
    Ok(())
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

/// The two sides' grids: their headings, the narrowest their columns may be, and the width
/// of the terminal.
struct Sides<'s> {
    headings: [String; 2],
    floor: [usize; 2],
    width: usize,
    style: &'s Style,
    /// Whether the words that changed inside a pair stand between git's plain marks.
    word_marks: bool,
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
            blank: "",
            tags: Some(["A:", "B:"]),
        };
        sheet.put(out, style, self.width, |r, fit| {
            let change = &changes[r];
            // Stacked, the attribute carries the mark and its values only its colour.
            let side = |text: Option<&str>| {
                let text = text.unwrap_or(crate::render::NOT_STATED);
                match fit.stacked {
                    false => block(style, change.mark, &[text], fit.cell, false),
                    true => painted(style, change.mark, text, fit.cell),
                }
            };
            let name = &change.attribute.name;
            SheetRow {
                label: block(style, change.mark, &[name], fit.label, true),
                cells: vec![(0, side(change.from)), (1, side(change.to))],
            }
        })
    }

    /// Each theme's expectations at A and at B, marked, a statement beside its partner.
    fn themes(&self, out: &mut impl Write, dc: &DimensionChange<'_>) -> Result<()> {
        let style = self.style;
        let sheet = Sheet {
            first: "Theme",
            headings: &self.headings,
            rows: dc.themes.len(),
            floor: self.floor,
            blank: "",
            tags: Some(["A:", "B:"]),
        };
        sheet.put(out, style, self.width, |r, fit| {
            let tc = &dc.themes[r];
            let name = tc.theme.map_or(NO_THEME, |t| t.name.as_str());
            let [a, b] = partnered(style, tc, fit.cell, self.word_marks);
            // Stacked, each statement carries its mark and the theme only its name.
            let label = match fit.stacked {
                false => block(style, tc.mark, &[name], fit.label, true),
                true => heading_lines(style, name, fit.label),
            };
            SheetRow {
                label,
                cells: vec![(0, a), (1, b)],
            }
        })
    }
}

/// Both sides of a theme's rows, A's cell then B's, each statement on the lines of its
/// partner: both sides are wrapped to `width` and each pair padded to the taller of the two.
fn partnered(style: &Style, tc: &ThemeChange<'_>, width: usize, word_marks: bool) -> [String; 2] {
    let lines = |m: Option<&Marked<'_>>, at_b: bool| {
        m.map(|m| {
            marked_lines(
                style,
                m.mark,
                &changed_words(style, m, at_b, word_marks),
                width,
            )
        })
        .unwrap_or_default()
    };
    let mut cells: [Vec<String>; 2] = Default::default();
    for (i, (a, b)) in tc.rows().into_iter().enumerate() {
        if i > 0 {
            cells.iter_mut().for_each(|cell| cell.push(String::new()));
        }
        let (mut a, mut b) = (lines(a, false), lines(b, true));
        let height = a.len().max(b.len());
        a.resize(height, String::new());
        b.resize(height, String::new());
        cells[0].append(&mut a);
        cells[1].append(&mut b);
    }
    cells.map(|mut cell| {
        // A stacked layout shows one side alone: blank lines at its end would only add space.
        while cell.last().is_some_and(String::is_empty) {
            cell.pop();
        }
        cell.join("\n")
    })
}

/// A statement's text with the words its partner lacks shown: those B adds bold and those A
/// drops dim (when colour is on), each word on its own so that a line break never falls inside
/// a style; with `word_marks`, each run between git's plain marks too.
fn changed_words(style: &Style, m: &Marked<'_>, at_b: bool, word_marks: bool) -> String {
    let changed = |run: &str| {
        let words: Vec<String> = run
            .split(' ')
            .map(|w| {
                if at_b {
                    style.emphasis(w)
                } else {
                    style.faint(w)
                }
            })
            .collect();
        let run = words.join(" ");
        match (word_marks, at_b) {
            (false, _) => run,
            (true, true) => format!("{{+{run}+}}"),
            (true, false) => format!("[-{run}-]"),
        }
    };
    worded(m, str::to_string, changed)
}

/// A text wrapped to `width`, each line in its mark's colour, without the mark.
fn painted(style: &Style, mark: Mark, text: &str, width: usize) -> String {
    let lines: Vec<String> = wrap(text, width, "", "")
        .iter()
        .map(|line| paint(style, mark, line))
        .collect();
    lines.join("\n")
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
/// builds on it. A rewording keeps the terminal's own colour, so that the words it swaps
/// (bold at B, dim at A) stand out of it.
fn paint(style: &Style, mark: Mark, text: &str) -> String {
    match mark {
        Mark::New => style.added(text),
        Mark::Grows | Mark::Differs => style.changed(text),
        Mark::NotRestated | Mark::Same => style.unchanged(text),
        Mark::Reworded => text.to_string(),
    }
}
