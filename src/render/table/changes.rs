//! `changes` for a person at a terminal: the outline of [`people`](crate::render) wrapped to
//! the terminal, symbols and colour by kind of change.

use std::io::Write;

use anyhow::Result;

use super::layout::{prose_width, wrap};
use crate::query::changes::Change;
use crate::render::change_symbol;
use crate::render::people::{Block, changes_outline};
use crate::style::Style;
use crate::term::Terminal;
use crate::view::ChangesView;

/// How a line is coloured.
type Paint = fn(&Style, &str) -> String;

/// Writes the outline, each block wrapped to the prose width without cutting a word.
pub fn render(
    out: &mut impl Write,
    view: &ChangesView<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    let width = prose_width(term);
    let mut text = String::new();
    for (i, block) in changes_outline(view).iter().enumerate() {
        let (lines, paint): (Vec<String>, Paint) = match block {
            Block::Title(t) => (wrap(t, width, "", ""), Style::heading),
            Block::Heading(h) => {
                if i > 0 {
                    text.push('\n');
                }
                (wrap(h, width, "", ""), Style::heading)
            }
            Block::Fact(f) => (wrap(f, width, "  ", "    "), |_, l| l.to_string()),
            Block::Item { change, text: t } => {
                let first = format!("  {} ", change_symbol(*change));
                (wrap(t, width, &first, "    "), painter(*change))
            }
            Block::Detail(d) => (wrap(d, width, "      ", "        "), Style::muted),
        };
        for line in lines {
            text.push_str(&paint(style, &line));
            text.push('\n');
        }
    }
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// The colour of a change: added green, removed red, what grows, moved or changed yellow,
/// the rest plain.
fn painter(change: Change) -> Paint {
    match change {
        Change::Added => Style::added,
        Change::Removed => Style::removed,
        Change::Grows | Change::Moved | Change::Changed => Style::changed,
        Change::Renamed | Change::Reworded => |_, l| l.to_string(),
    }
}
