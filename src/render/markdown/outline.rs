//! The outline `ladder evidence` writes: Markdown prompts for a progression conversation, the
//! one form of [`Report::Evidence`](crate::render::Report::Evidence) (the command refuses
//! every other format); on a terminal its lines are folded to the width.

use std::io::Write;

use anyhow::Result;

use super::fold_markdown;
use super::text::inline;
use crate::view::Evidence;

/// Writes the outline of a role's expectations as Markdown; with a `width` (a terminal's),
/// its lines wrapped to it. A file or a pipe gets one line per paragraph.
pub(super) fn write(
    out: &mut impl Write,
    evidence: &Evidence<'_>,
    width: Option<usize>,
) -> Result<()> {
    let text = outline(evidence);
    match width {
        Some(width) => out.write_all(fold_markdown(&text, width).as_bytes())?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}

/// The outline of `ladder evidence`: prompts per expectation, new ones marked, no checkboxes.
fn outline(e: &Evidence<'_>) -> String {
    let role = e.role;
    let mut md = format!("# Evidence for {}\n\n", inline(&role.heading()));
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
           no one meets it by ticking items off. For each expectation, write down concrete work, \
           when it happened and who saw it; one strong example is worth more than many thin ones.\n";
    for d in &e.dimensions {
        md += &format!("\n## {}\n", inline(&d.dimension.label()));
        for item in &d.items {
            md += "\n";
            let theme = item
                .theme
                .map(|t| format!(" _({})_", inline(&t.name)))
                .unwrap_or_default();
            let marker = if item.new { "**New:** " } else { "" };
            md += &format!("### {marker}{}{theme}\n\n", inline(item.text));
            if let Some(from) = e.from {
                for before in &item.before {
                    md += &format!("> At {}: {}\n\n", inline(&from.heading()), inline(before));
                }
            }
            md += "Evidence: what you did, when, and who saw it.\n\n\n\n";
        }
        if !d.examples.is_empty() {
            md += "What has counted at this level, for example:\n\n";
            for x in d.examples {
                md += &format!("- {}\n", inline(x));
            }
        }
    }
    md
}
