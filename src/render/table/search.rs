//! `search`: each hit's role and place, then its text with the matches highlighted, wrapped.

use std::io::Write;

use anyhow::Result;

use super::layout::{prose_width, wrap, wrap_items};
use crate::query::search::{Field, Hit, Hits};
use crate::style::Style;
use crate::term::Terminal;

/// Writes each hit as a line naming where it is, then its text indented beneath.
pub fn render(out: &mut impl Write, hits: &Hits<'_>, style: &Style, term: &Terminal) -> Result<()> {
    let width = prose_width(term);
    for (i, hit) in hits.hits.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let place = match hit.field {
            Field::Title => "title".to_string(),
            Field::Summary => "summary".to_string(),
            Field::Attribute(a) => a.name.clone(),
            Field::Expectation(d, Some(theme)) => format!("{} › {}", d.label(), theme.name),
            Field::Expectation(d, None) => d.label(),
            Field::Example(d) => format!("{} › example", d.label()),
        };
        let id = match hit.ladder {
            Some(ladder) => format!("{ladder}/{}", hit.role.id),
            None => hit.role.id.clone(),
        };
        let head = [style.id(&id), style.muted(&place)];
        for line in wrap_items(&head, "  ", width, "  ") {
            writeln!(out, "{line}")?;
        }
        for line in wrap(&highlighted(hit, style), width, "    ", "    ") {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// The hit's text with each match styled. Highlighted before wrapping: the wrapper measures
/// widths without escape sequences.
fn highlighted(hit: &Hit<'_>, style: &Style) -> String {
    let mut text = String::new();
    let mut at = 0;
    for m in &hit.matches {
        text += &hit.text[at..m.start];
        text += &style.matched(&hit.text[m.clone()]);
        at = m.end;
    }
    text += &hit.text[at..];
    text
}
