//! The outline `ladder evidence` writes: Markdown prompts for a progression conversation, the
//! one form of [`Report::Evidence`](crate::render::Report::Evidence) (the command refuses
//! every other format); on a terminal its lines are folded to the width.

use std::io::Write;

use anyhow::Result;

use super::fold_markdown;
use super::text::inline;
use crate::outline::{Anchor, EXAMPLES, PLACEHOLDER, fingerprint};
use crate::view::{Evidence, EvidenceItem};

/// Writes the outline of a role's expectations as Markdown; with a `width` (a terminal's),
/// its lines wrapped to it. A file or a pipe gets one line per paragraph.
pub(super) fn write(
    out: &mut impl Write,
    evidence: &Evidence<'_>,
    width: Option<usize>,
) -> Result<()> {
    // On a terminal the anchors are left out: they are for the file, and would only clutter
    // the screen (a rendered page hides them too).
    let text = outline(evidence, width.is_none());
    match width {
        Some(width) => out.write_all(fold_markdown(&text, width).as_bytes())?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}

/// The outline of `ladder evidence`: how to fill it in once at the top, then per expectation
/// its heading, its anchor (see [`crate::outline`]) and one place for evidence; new ones
/// marked, no checkboxes.
fn outline(e: &Evidence<'_>, anchors: bool) -> String {
    let role = e.role;
    let mut md = format!("# Evidence for {}\n", inline(&role.heading()));
    let head = Anchor {
        role: role.id.clone(),
        from: e.from.map(|f| f.id.clone()),
        ..Anchor::default()
    };
    if anchors {
        md += &format!("{}\n", head.comment());
    }
    md += "\n";
    match e.from {
        Some(from) => {
            md += &format!(
                "Preparing a progression conversation from {} ({}) to {} ({}).\n\n",
                inline(&from.heading()),
                inline(&from.id),
                inline(&role.heading()),
                inline(&role.id)
            );
            md += &format!(
                "Expectations marked **New** have no counterpart in their theme at {}.\n\n",
                inline(&from.heading())
            );
        }
        None => {
            md += &format!(
                "Preparing a conversation about {} ({}); there is no level below it to compare with.\n\n",
                inline(&role.heading()),
                inline(&role.id)
            )
        }
    }
    md += "These are prompts, not a checklist: a ladder describes what a level looks like, and \
           no one meets it by ticking items off. One strong example is worth more than many thin \
           ones.\n\n";
    md += "How to fill it in: under each expectation, replace the line in italics with what you \
           did, when, and who saw it (bullets, paragraphs, links and dates all count), and leave \
           it where you have nothing yet. Reorder, delete or add sections and notes as you like: \
           an invisible comment under each expectation lets `ladder review FILE` find it, and \
           show where your evidence is still thin.\n";
    for d in &e.dimensions {
        md += &format!("\n## {}\n", inline(&d.dimension.label()));
        if !d.examples.is_empty() {
            md += &format!("\n{EXAMPLES}\n\n");
            for x in d.examples {
                md += &format!("- {}\n", inline(x));
            }
        }
        for item in &d.items {
            md += &expectation(e, &d.dimension.id, item, anchors);
        }
    }
    md
}

/// One expectation: its heading, its anchor, the statement it grows from, the placeholder.
fn expectation(
    e: &Evidence<'_>,
    dimension: &str,
    item: &EvidenceItem<'_>,
    anchors: bool,
) -> String {
    let theme = item
        .theme
        .map(|t| format!(" _({})_", inline(&t.name)))
        .unwrap_or_default();
    let marker = if item.new { "**New:** " } else { "" };
    let anchor = Anchor {
        role: e.role.id.clone(),
        dimension: Some(dimension.to_string()),
        theme: item.theme.map(|t| t.id.clone()),
        text: Some(fingerprint(item.text)),
        from: None,
    };
    let mut md = format!("\n### {marker}{}{theme}\n", inline(item.text));
    if anchors {
        md += &anchor.comment();
        md += "\n";
    }
    md += "\n";
    if let Some(from) = e.from {
        for before in &item.before {
            md += &format!("> At {}: {}\n\n", inline(&from.heading()), inline(before));
        }
    }
    md += PLACEHOLDER;
    md += "\n";
    md
}
