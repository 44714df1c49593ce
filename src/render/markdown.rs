//! The Markdown format: GitHub-flavoured Markdown carrying what the table format shows, ready to paste.

use std::io::Write;

use anyhow::Result;

use super::Report;
use crate::compare::{Comparison, Mark, Marked};
use crate::search::Hits;
use crate::validate::{Severity, Validation};
use crate::view::{RoleList, RoleView, Structure, TrackList};

/// Writes the report as a Markdown document.
pub fn render(out: &mut impl Write, report: &Report<'_>) -> Result<()> {
    let text = match report {
        Report::List(list) => role_list(list),
        Report::Show(view) => role(view),
        Report::Diff(c) => diff(c),
        Report::Search(hits) => search(hits),
        Report::Tracks(list) => tracks(list),
        Report::Dimensions(s) => dimensions(s),
        Report::Validation(v) => validation(v),
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}

fn role_list(list: &RoleList<'_>) -> String {
    let rows = list.rows.iter().map(|r| {
        let tracks: Vec<&str> = r.tracks.iter().map(|t| t.id.as_str()).collect();
        vec![
            inline(&r.role.level),
            inline(&r.role.id),
            inline(&r.role.title),
            inline(&tracks.join(", ")),
            inline(&r.role.summary),
        ]
    });
    table(&["Level", "Role", "Title", "Tracks", "Summary"], rows)
}

fn role(view: &RoleView<'_>) -> String {
    let role = view.role;
    let tracks: Vec<&str> = view.tracks.iter().map(|t| t.id.as_str()).collect();
    let mut md = format!("# {}\n\n", inline(&role.heading()));
    md += &format!(
        "Role {} · level {} · tracks: {}\n\n",
        inline(&role.id),
        inline(&role.level),
        if tracks.is_empty() {
            "none".to_string()
        } else {
            inline(&tracks.join(", "))
        }
    );
    md += &format!("{}\n\n", inline(&role.summary));
    let rows = view
        .attributes
        .iter()
        .map(|(a, value)| vec![inline(&a.name), inline(value.unwrap_or("—"))]);
    md += &table(&["Attribute", "Value"], rows);
    for dv in &view.dimensions {
        md += &format!(
            "\n## {}\n\n**Expectations**\n\n",
            inline(&dv.dimension.label())
        );
        for (_, text) in &dv.expectations {
            md += &format!("- {}\n", inline(text));
        }
        if !dv.examples.is_empty() {
            md += "\n**Examples**\n\n";
            for text in dv.examples {
                md += &format!("- {}\n", inline(text));
            }
        }
    }
    md
}

fn diff(c: &Comparison<'_>) -> String {
    let (a, b) = (inline(&c.from.heading()), inline(&c.to.heading()));
    let mut md = format!("# {a} → {b}\n\n");
    md += &format!(
        "A is {}, B is {}.\n\n",
        inline(&c.from.id),
        inline(&c.to.id)
    );
    md += "Marks: `+` new at B · `~` grows · `-` no longer listed at B · `=` unchanged\n\n";
    md += "## Attributes\n\n";
    let rows = c.attributes.iter().map(|ch| {
        let value = |v: Option<&str>| marked(ch.mark, v.unwrap_or("—"));
        vec![
            marked(ch.mark, &ch.attribute.name),
            value(ch.from),
            value(ch.to),
        ]
    });
    md += &table(&["Attribute", &a, &b], rows);
    for d in &c.dimensions {
        md += &format!("\n## {}\n\n", inline(&d.dimension.label()));
        if d.themes.is_empty() {
            md += "Neither role lists an expectation here.\n";
            continue;
        }
        let rows = d.themes.iter().map(|t| {
            let cell = |items: &[Marked<'_>]| {
                items
                    .iter()
                    .map(|m| marked(m.mark, m.text))
                    .collect::<Vec<_>>()
                    .join("<br>")
            };
            vec![
                marked(t.mark, t.theme.map_or("(no theme)", |t| t.name.as_str())),
                cell(&t.from),
                cell(&t.to),
            ]
        });
        md += &table(&["Theme", &a, &b], rows);
    }
    let n = c.theme_counts();
    md += &format!(
        "\nThemes: {} new at B, {} grow, {} no longer listed, {} unchanged.\n",
        n.added, n.changed, n.removed, n.unchanged
    );
    md
}

fn search(hits: &Hits<'_>) -> String {
    let rows = hits.hits.iter().map(|h| {
        // Escape each piece on its own, so the bold markers around matches stay markup.
        let mut text = String::new();
        let mut at = 0;
        for m in &h.matches {
            text += &inline(&h.text[at..m.start]);
            text += &format!("**{}**", inline(&h.text[m.clone()]));
            at = m.end;
        }
        text += &inline(&h.text[at..]);
        let place = match (h.field.dimension(), h.field.attribute()) {
            (Some(d), _) => d.label(),
            (None, Some(a)) => a.name.clone(),
            (None, None) => String::new(),
        };
        vec![
            inline(&h.role.id),
            h.field.kind().to_string(),
            inline(&place),
            inline(h.field.theme().map_or("", |t| t.name.as_str())),
            text,
        ]
    });
    table(&["Role", "Field", "Where", "Theme", "Text"], rows)
}

fn tracks(list: &TrackList<'_>) -> String {
    let rows = list.tracks.iter().map(|(t, roles)| {
        let path: Vec<String> = roles.iter().map(|r| inline(&r.heading())).collect();
        vec![inline(&t.id), inline(&t.name), path.join(" → ")]
    });
    table(&["Track", "Name", "Roles, level by level"], rows)
}

fn dimensions(s: &Structure<'_>) -> String {
    let mut md = String::from("## Attributes\n\n");
    let rows = s
        .attributes
        .iter()
        .map(|a| vec![inline(&a.name), inline(&a.id), inline(&a.meaning)]);
    md += &table(&["Attribute", "Id", "Meaning"], rows);
    md += "\n## Dimensions\n\n";
    let rows = s.dimensions.iter().map(|d| {
        let themes: Vec<String> = d
            .themes
            .iter()
            .map(|t| format!("{} ({})", inline(&t.name), inline(&t.id)))
            .collect();
        vec![inline(&d.label()), inline(&d.id), themes.join("<br>")]
    });
    md += &table(&["Dimension", "Id", "Themes"], rows);
    md
}

fn validation(v: &Validation) -> String {
    let mut md = format!(
        "{}: {} errors, {} warnings\n\n",
        inline(&v.file),
        v.count(Severity::Error),
        v.count(Severity::Warning)
    );
    if !v.findings.is_empty() {
        let rows = v.findings.iter().map(|f| {
            vec![
                inline(&format!("{}:{}:{}", f.file, f.line, f.column)),
                f.severity.name().to_string(),
                inline(&f.message),
            ]
        });
        md += &table(&["Location", "Severity", "Message"], rows);
    }
    md
}

/// A GitHub-flavoured Markdown table; cells must already be escaped with [`inline`].
fn table(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut md = format!("| {} |\n", header.join(" | "));
    md += &format!("|{}\n", "---|".repeat(header.len()));
    for row in rows {
        md += &format!("| {} |\n", row.join(" | "));
    }
    md
}

/// A mark symbol in front of escaped text.
fn marked(mark: Mark, text: &str) -> String {
    let symbol = match mark {
        Mark::Added => "+",
        Mark::Changed => "~",
        Mark::Removed => "-",
        Mark::Unchanged => "=",
    };
    format!("{symbol} {}", inline(text))
}

/// Text made safe inside a table cell or a list item: Markdown punctuation and pipes are
/// backslash-escaped, and newlines become `<br>` so a cell stays on its row.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::Ladder;

    /// The cells of a Markdown table row, splitting only at unescaped pipes.
    fn cells(row: &str) -> usize {
        let mut count = 0;
        let mut escaped = false;
        for c in row.trim().chars() {
            match c {
                '\\' if !escaped => escaped = true,
                '|' if !escaped => count += 1,
                _ => escaped = false,
            }
        }
        count - 1
    }

    #[test]
    fn a_pipe_or_newline_in_a_cell_keeps_the_row_intact() {
        let mut ladder = Ladder::embedded().expect("embedded ladder loads");
        ladder.roles[0].summary = "Left | right\nsecond line".to_string();
        let list = RoleList::of(&ladder, None);
        let md = role_list(&list);
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines.len(), 2 + ladder.roles.len());
        assert!(lines.iter().all(|l| cells(l) == 5), "{md}");
        assert!(md.contains("Left \\| right<br>second line"));
    }

    #[test]
    fn markdown_punctuation_is_escaped() {
        assert_eq!(inline("a*b_c`d<e>[f]#"), "a\\*b\\_c\\`d\\<e\\>\\[f\\]\\#");
    }
}
