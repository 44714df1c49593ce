//! `review` for a person at a terminal: per dimension a bar of the expectations with evidence
//! (block characters, or `#` where the locale cannot show them), then the gaps (New ones
//! first), the thin evidence, what the file and the ladder no longer share, and what was added
//! since a revision; wrapped to the terminal without cutting a word.

use std::io::Write;

use anyhow::Result;

use super::layout::{prose_width, wrap};
use crate::render::count;
use crate::style::Style;
use crate::term::Terminal;
use crate::view::{ItemReview, Review, ReviewView, THIN_WORDS, Tally};

/// How many cells a bar has.
const BAR: usize = 12;

/// Writes the review.
pub fn render(
    out: &mut impl Write,
    view: &ReviewView<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    let width = prose_width(term);
    let r = &view.review;
    let mut lines: Vec<String> = Vec::new();
    let from = r
        .from
        .map(|f| format!(", from {}", f.heading()))
        .unwrap_or_default();
    let title = format!("Review of {}: {}{from}", view.file, r.role.heading());
    lines.extend(wrap(&title, width, "", "").iter().map(|l| style.heading(l)));
    if r.by_words {
        let note = "The file has no anchors (written before them): its sections were matched by their words.";
        lines.extend(wrap(note, width, "", "").iter().map(|l| style.muted(l)));
    }
    lines.push(String::new());
    lines.push(style.heading("Summary"));
    for d in &r.dimensions {
        lines.extend(wrap(&d.dimension.label(), width, "  ", "  "));
        let t = d.tally();
        lines.extend(wrap(
            &tally_words(t),
            width,
            &format!("    {}  ", bar(t, term.blocks)),
            "    ",
        ));
    }
    lines.extend(wrap(
        &format!("In all: {}", tally_words(r.total())),
        width,
        "  ",
        "    ",
    ));
    section(
        &mut lines,
        style,
        width,
        "Gaps: no evidence yet, New first",
        r,
        &r.gaps(),
        |_| None,
    );
    let thin = format!("Thin: evidence of fewer than {THIN_WORDS} words");
    section(&mut lines, style, width, &thin, r, &r.thin(), |i| {
        Some(format!("evidence: {}", one_line(i.evidence)))
    });
    section(
        &mut lines,
        style,
        width,
        "Not in the file (deleted, or new in the ladder)",
        r,
        &r.missing(),
        |_| None,
    );
    section(
        &mut lines,
        style,
        width,
        "Reworded in the ladder since the file was written",
        r,
        &r.reworded(),
        |i| Some(format!("the ladder now says: {}", i.text)),
    );
    if !r.gone.is_empty() {
        lines.push(String::new());
        lines.push(style.heading("No longer in the ladder"));
        for g in &r.gone {
            let heading = if g.heading.is_empty() {
                "(a section without its heading)"
            } else {
                &g.heading
            };
            lines.extend(wrap(
                &format!("line {}: {heading}", g.line),
                width,
                "  ",
                "    ",
            ));
        }
    }
    if let Some((rev, gained)) = &view.since {
        let title = format!(
            "Since {rev}: evidence added for {}",
            count(gained.len(), "expectation")
        );
        section(&mut lines, style, width, &title, r, gained, |_| None);
    }
    let mut text = lines.join("\n");
    text.push('\n');
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// A list of expectations under a heading, each with where it stands and an optional line
/// under it; nothing when the list is empty.
fn section(
    lines: &mut Vec<String>,
    style: &Style,
    width: usize,
    heading: &str,
    r: &Review<'_>,
    items: &[(usize, usize)],
    extra: impl Fn(&ItemReview<'_>) -> Option<String>,
) {
    if items.is_empty() {
        return;
    }
    lines.push(String::new());
    lines.extend(
        wrap(heading, width, "", "")
            .iter()
            .map(|l| style.heading(l)),
    );
    for &(d, i) in items {
        let item = r.item((d, i));
        let mut place = vec![r.dimensions[d].dimension.label()];
        if let Some(t) = item.theme {
            place.push(t.name.clone());
        }
        if let Some(line) = item.line {
            place.push(format!("line {line}"));
        }
        let mark = if item.new { "New · " } else { "" };
        let head = format!("{mark}{}", place.join(" · "));
        let head = wrap(&head, width, "  ", "    ");
        lines.extend(
            head.iter()
                .map(|l| if item.new { style.added(l) } else { l.clone() }),
        );
        // A statement the ladder reworded is named by the file's words; the extra line says
        // what the ladder says now.
        let words = item.was.as_deref().unwrap_or(item.text);
        lines.extend(wrap(words, width, "      ", "      "));
        if let Some(more) = extra(item) {
            lines.extend(
                wrap(&more, width, "      ", "      ")
                    .iter()
                    .map(|l| style.muted(l)),
            );
        }
    }
}

/// A bar of `BAR` cells, filled in proportion of the expectations with evidence.
fn bar(t: Tally, blocks: bool) -> String {
    let filled = (t.with * BAR + t.all / 2)
        .checked_div(t.all)
        .unwrap_or(0)
        .min(BAR);
    let (on, off) = if blocks { ('█', '░') } else { ('#', '.') };
    std::iter::repeat_n(on, filled)
        .chain(std::iter::repeat_n(off, BAR - filled))
        .collect()
}

fn tally_words(t: Tally) -> String {
    let new = if t.new_all > 0 {
        format!("; New: {} of {}", t.new_with, t.new_all)
    } else {
        String::new()
    };
    format!("{} of {} with evidence{new}", t.with, t.all)
}

/// Evidence as one line: its lines joined.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
