//! `search`: each hit's role and place, then its text with the matches highlighted, wrapped;
//! or the hits under their role, or only the roles.

use std::io::Write;

use anyhow::Result;

use super::layout::{prose_width, wrap, wrap_items};
use crate::query::search::{Field, Hit, Hits};
use crate::style::Style;
use crate::term::Terminal;
use crate::view::Listing;

/// Writes the hits as `listing` says: each naming its role, grouped under their role, or only
/// the roles (with their counts).
pub fn render(
    out: &mut impl Write,
    hits: &Hits<'_>,
    listing: Listing,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    let width = prose_width(term);
    // Hits come in ladder order: each role's are together.
    let roles = hits
        .hits
        .chunk_by(|a, b| a.ladder == b.ladder && a.role.id == b.role.id);
    for (i, role) in roles.enumerate() {
        let id = role[0].role_id();
        match listing {
            Listing::Roles => writeln!(out, "{}", style.id(&id))?,
            Listing::Counts => writeln!(out, "{}:{}", style.id(&id), role.len())?,
            Listing::Grouped => {
                if i > 0 {
                    writeln!(out)?;
                }
                writeln!(out, "{}", style.id(&id))?;
                for hit in role {
                    for line in wrap(&style.muted(&place(hit)), width, "  ", "  ") {
                        writeln!(out, "{line}")?;
                    }
                    for line in wrap(&highlighted(hit, style), width, "    ", "    ") {
                        writeln!(out, "{line}")?;
                    }
                }
            }
            Listing::Hits => {
                for (j, hit) in role.iter().enumerate() {
                    if i + j > 0 {
                        writeln!(out)?;
                    }
                    let head = [style.id(&id), style.muted(&place(hit))];
                    for line in wrap_items(&head, "  ", width, "  ") {
                        writeln!(out, "{line}")?;
                    }
                    for line in wrap(&highlighted(hit, style), width, "    ", "    ") {
                        writeln!(out, "{line}")?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// Where in its role a hit is: the field, or the dimension and theme.
fn place(hit: &Hit<'_>) -> String {
    match hit.field {
        Field::Title => "title".to_string(),
        Field::Summary => "summary".to_string(),
        Field::Attribute(a) => a.name.clone(),
        Field::Expectation(d, Some(theme)) => format!("{} › {}", d.label(), theme.name),
        Field::Expectation(d, None) => d.label(),
        Field::Example(d) => format!("{} › example", d.label()),
    }
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
