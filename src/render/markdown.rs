//! The Markdown format: GitHub-flavoured Markdown carrying what the table format shows, ready to paste.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::{Report, mark_symbol, with_similarity};
use crate::handbook::{self, Handbook, Page};
use crate::model::Band;
use crate::query::compare::{Comparison, Mark, Marked};
use crate::query::search::Hits;
use crate::validate::{SHOWN_FINDINGS, Severity, Validation};
use crate::view::{Evidence, NextSteps, PathView, RoleList, RoleView, Structure, TrackList};

/// Writes the report as a Markdown document.
pub fn render(out: &mut impl Write, report: &Report<'_>) -> Result<()> {
    let text = match report {
        Report::List(list) => role_list(list),
        Report::Show(view) => role(view),
        Report::Diff(c) => diff(c, 1),
        Report::Next(n) => next(n),
        Report::Path(p) => path(p),
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
    if !view.bands.is_empty() {
        md += "\n## Bands within a level\n\n";
        md += &bands(view.bands);
    }
    md
}

/// The bands as a table of name and meaning.
fn bands(bands: &[Band]) -> String {
    let rows = bands
        .iter()
        .map(|b| vec![inline(&b.name), inline(&b.meaning)]);
    table(&["Band", "Meaning"], rows)
}

fn next(n: &NextSteps<'_>) -> String {
    let mut md = format!("# Next steps from {}\n\n", inline(&n.role.heading()));
    if n.steps.is_empty() {
        md += &format!(
            "{} is on no track, so it has no next level.\n",
            inline(&n.role.id)
        );
    }
    for step in &n.steps {
        let tracks: Vec<String> = step.tracks.iter().map(|t| inline(&t.id)).collect();
        let tracks = tracks.join(", ");
        match &step.next {
            Some(c) => {
                md += &format!("On track {tracks}:\n\n");
                md += &diff(c, 2);
                md += "\n";
            }
            None => {
                md += &format!(
                    "{} is the top of track {tracks}: there is no next level.\n\n",
                    inline(&n.role.heading())
                )
            }
        }
    }
    md
}

fn path(p: &PathView<'_>) -> String {
    let mut md = format!(
        "# Track {}: {}\n\n",
        inline(&p.track.id),
        inline(&p.track.name)
    );
    let headings: Vec<String> = p.roles.iter().map(|r| inline(&r.heading())).collect();
    let header = |first: &str| -> Vec<String> {
        std::iter::once(first.to_string())
            .chain(headings.iter().cloned())
            .collect()
    };
    md += "## Attributes\n\n";
    let rows = p.attributes.iter().map(|(a, values)| {
        std::iter::once(inline(&a.name))
            .chain(values.iter().map(|v| inline(v.unwrap_or("—"))))
            .collect()
    });
    let h = header("Attribute");
    md += &table(&h.iter().map(String::as_str).collect::<Vec<_>>(), rows);
    for d in &p.dimensions {
        md += &format!("\n## {}\n\n", inline(&d.dimension.label()));
        let rows = d.themes.iter().map(|(theme, cells)| {
            std::iter::once(inline(theme.map_or("(no theme)", |t| t.name.as_str())))
                .chain(cells.iter().map(|texts| {
                    texts
                        .iter()
                        .map(|t| inline(t))
                        .collect::<Vec<_>>()
                        .join("<br><br>")
                }))
                .collect()
        });
        let h = header("Theme");
        md += &table(&h.iter().map(String::as_str).collect::<Vec<_>>(), rows);
    }
    md
}

/// The outline of `ladder evidence`: prompts per expectation, new ones marked, no checkboxes.
pub fn evidence(e: &Evidence<'_>) -> String {
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

/// The index page of the handbook, in the spirit of the ladder's own index.
pub fn index_page(book: &Handbook<'_>) -> String {
    let ladder = book.ladder;
    let mut md = format!(
        "# {}\n{}\n\n",
        inline(&ladder.name),
        meta(json!({ "levels": ladder.levels }))
    );
    if let Some(motto) = &ladder.motto {
        md += &format!("**{}**\n\n", inline(motto));
    }
    if let Some(about) = &ladder.about {
        md += &format!("{}\n\n", inline(about));
    }
    if !ladder.disciplines.is_empty() {
        md += "## Disciplines\n\n";
        for d in &ladder.disciplines {
            md += &format!(
                "- **{}**: {}{}\n",
                inline(&d.name),
                inline(&d.definition),
                meta(json!({ "discipline": d.id }))
            );
        }
        md += "\n";
    }
    md += "## How each level is described\n\n";
    if !ladder.attributes.is_empty() {
        md += &format!("Every level states these attributes:{CAPTION}\n\n");
        for a in &ladder.attributes {
            md += &format!(
                "- **{}**: {}{}\n",
                inline(&a.name),
                inline(&a.meaning),
                meta(json!({ "attribute": a.id }))
            );
        }
        md += "\n";
    }
    md += &format!(
        "And it sets expectations, with concrete examples, in these dimensions:{CAPTION}\n\n"
    );
    for d in &ladder.dimensions {
        let themes: Vec<String> = d.themes.iter().map(|t| inline(&t.name)).collect();
        let themes_meta: Vec<serde_json::Value> = d
            .themes
            .iter()
            .map(|t| json!({ "id": t.id, "name": t.name }))
            .collect();
        let tag = meta(json!({ "dimension": d.id, "emoji": d.emoji, "themes": themes_meta }));
        if themes.is_empty() {
            md += &format!("- {}{tag}\n", inline(&d.label()));
        } else {
            md += &format!(
                "- {} (themes: {}){tag}\n",
                inline(&d.label()),
                themes.join(", ")
            );
        }
    }
    md += "\n";
    if !ladder.bands.is_empty() {
        md += &format!("## Bands\n\nWithin a level, progress is graded in bands:{CAPTION}\n\n");
        for b in &ladder.bands {
            md += &format!(
                "- **{}**: {}{}\n",
                inline(&b.name),
                inline(&b.meaning),
                meta(json!({ "band": b.id }))
            );
        }
        md += "\n";
    }
    md += "## Levels\n\n";
    for (i, page) in book.pages.iter().enumerate() {
        md += &format!(
            "{}. [{}]({})\n",
            i + 1,
            inline(&page.role.heading()),
            page.file
        );
    }
    if !book.tracks.tracks.is_empty() {
        md += "\n## Tracks\n\n";
        md += &mermaid(&book.tracks);
        md += "\n";
        for (track, roles) in &book.tracks.tracks {
            let steps: Vec<String> = roles
                .iter()
                .map(|r| match book.page(&r.id) {
                    Some(p) => format!("[{}]({})", inline(&r.heading()), p.file),
                    None => inline(&r.heading()),
                })
                .collect();
            let tag = meta(json!({ "track": track.id, "roles": track.roles }));
            md += &format!(
                "- **{}** ({}): {}{tag}\n",
                inline(&track.name),
                inline(&track.id),
                steps.join(" → ")
            );
        }
    }
    md += &format!(
        "\nTip: before a conversation about progression, read your level next to the one above it \
         (`ladder next ROLE` does this theme by theme).{CAPTION}\n"
    );
    md
}

/// One role's page, laid out as handbooks write level pages.
pub fn role_page(book: &Handbook<'_>, page: &Page<'_>) -> String {
    let role = page.role;
    let mut md = format!(
        "# {}: {}\n{}\n\n",
        inline(&role.level),
        inline(&role.title),
        meta(json!({ "role": role.id }))
    );
    md += &format!("> _{}_\n\n", inline(&role.summary));
    for a in &book.ladder.attributes {
        let value = role
            .attributes
            .get(&a.id)
            .map_or("—".to_string(), |v| inline(v));
        md += &format!(
            "- **{}**: {}{}\n",
            inline(&a.name),
            value,
            meta(json!({ "attribute": a.id }))
        );
    }
    for d in &book.ladder.dimensions {
        let rd = role.in_dimension(&d.id);
        md += &format!(
            "\n## {}{}\n\n",
            inline(&d.label()),
            meta(json!({ "dimension": d.id }))
        );
        for e in &rd.expectations {
            let tag = match &e.theme {
                Some(theme) => meta(json!({ "theme": theme })),
                None => String::new(),
            };
            md += &format!("- {}{tag}\n", inline(&e.text));
        }
        if !rd.examples.is_empty() {
            md += "\n<details><summary>Examples</summary>\n\n";
            for x in &rd.examples {
                md += &format!("- {}\n", inline(x));
            }
            md += "\n</details>\n";
        }
    }
    md += "\n---\n\n";
    let mut links = vec![format!(
        "[Back to {}]({})",
        inline(&book.ladder.name),
        handbook::INDEX
    )];
    let link = |r: &crate::model::Role| match book.page(&r.id) {
        Some(p) => format!("[{}]({})", inline(&r.heading()), p.file),
        None => inline(&r.heading()),
    };
    for step in &page.steps {
        if let Some(prev) = step.before {
            links.push(format!(
                "before on {}: {}",
                inline(&step.track.id),
                link(prev)
            ));
        }
        if let Some(next) = step.after {
            links.push(format!(
                "next on {}: {}",
                inline(&step.track.id),
                link(next)
            ));
        }
    }
    md += &links.join(" · ");
    md += "\n";
    md
}

/// The tracks as a Mermaid flowchart drawn bottom to top, like a ladder: one node per role on
/// a track, one edge per step, labelled with the tracks that take it.
pub fn mermaid(list: &TrackList<'_>) -> String {
    let mut nodes: Vec<&crate::model::Role> = Vec::new();
    let mut edges: Vec<(usize, usize, Vec<&str>)> = Vec::new();
    // Nodes and edges found through maps: a search of them for every role and step would
    // cost their product.
    let mut node_at: HashMap<&str, usize> = HashMap::new();
    let mut edge_at: HashMap<(usize, usize), usize> = HashMap::new();
    for (track, roles) in &list.tracks {
        let mut ids: Vec<usize> = Vec::new();
        for role in roles {
            let i = *node_at.entry(role.id.as_str()).or_insert_with(|| {
                nodes.push(role);
                nodes.len() - 1
            });
            ids.push(i);
        }
        for pair in ids.windows(2) {
            let at = *edge_at.entry((pair[0], pair[1])).or_insert_with(|| {
                edges.push((pair[0], pair[1], Vec::new()));
                edges.len() - 1
            });
            edges[at].2.push(&track.id);
        }
    }
    let mut md = String::from("```mermaid\nflowchart BT\n");
    for (i, role) in nodes.iter().enumerate() {
        md += &format!("  r{i}[\"{}\"]\n", mermaid_label(&role.heading()));
    }
    for (a, b, tracks) in &edges {
        md += &format!(
            "  r{a} -- \"{}\" --> r{b}\n",
            mermaid_label(&tracks.join(", "))
        );
    }
    md += "```\n";
    md
}

/// Text made safe inside a quoted Mermaid label (`["..."]`, `-- "..." -->`), by Mermaid's own
/// rules: `#name;` and `#number;` are its entity codes, so the quote, HTML's `<`, `>` and `&`,
/// the backtick of its Markdown strings and `#` itself are written as codes. A line break
/// (which validation refuses in titles) would end the label, or close the code block around
/// the drawing; it becomes a space.
fn mermaid_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '#' => out.push_str("#35;"),
            '`' => out.push_str("#96;"),
            c if crate::text::is_line_break(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A comparison whose title is a heading of `depth` hashes; its sections sit one deeper.
fn diff(c: &Comparison<'_>, depth: usize) -> String {
    let (a, b) = (inline(&c.from.heading()), inline(&c.to.heading()));
    let (h1, h2) = ("#".repeat(depth), "#".repeat(depth + 1));
    let mut md = format!("{h1} {a} → {b}\n\n");
    md += &format!(
        "A is {}, B is {}.\n\n",
        inline(&c.from.id),
        inline(&c.to.id)
    );
    md += "Marks: `+` new at B · `~` grows · `-` no longer listed at B · `≈` reworded · `=` unchanged\n\n";
    md += &format!("{h2} Attributes\n\n");
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
        md += &format!("\n{h2} {}\n\n", inline(&d.dimension.label()));
        if d.themes.is_empty() {
            md += "Neither role lists an expectation here.\n";
            continue;
        }
        let rows = d.themes.iter().map(|t| {
            let cell = |items: &[Marked<'_>]| {
                items
                    .iter()
                    .map(|m| marked(m.mark, &with_similarity(m)))
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
    let mut md = mermaid(list);
    md += "\n";
    md += &tracks_table(list);
    md
}

fn tracks_table(list: &TrackList<'_>) -> String {
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
    if !s.bands.is_empty() {
        md += "\n## Bands\n\n";
        md += &bands(s.bands);
    }
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
        let rows = v.findings.iter().take(SHOWN_FINDINGS).map(|f| {
            vec![
                inline(&format!("{}:{}:{}", f.file, f.line, f.column)),
                f.severity.name().to_string(),
                inline(&f.message),
            ]
        });
        md += &table(&["Location", "Severity", "Message"], rows);
    }
    if let Some(more) = v
        .findings
        .len()
        .checked_sub(SHOWN_FINDINGS)
        .filter(|&n| n > 0)
    {
        md += &format!(
            "\n… and {more} more finding{}\n",
            if more == 1 { "" } else { "s" }
        );
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

/// Marks the handbook's own connecting sentences, so `ladder import` knows they are not ladder text.
const CAPTION: &str = " <!-- ladder {\"caption\":true} -->";

/// What plain Markdown cannot show (ids, themes, the order of levels, tracks), as an HTML
/// comment that renders invisibly: ` <!-- ladder {json} -->`. `ladder import` reads it back.
fn meta(value: serde_json::Value) -> String {
    // "--" cannot appear inside a comment; outside strings JSON never has it, inside a string
    // the escape \u002d reads back as the same dash.
    let json = value.to_string().replace("--", "-\\u002d");
    format!(" <!-- ladder {json} -->")
}

/// A mark symbol in front of escaped text.
fn marked(mark: Mark, text: &str) -> String {
    format!("{} {}", mark_symbol(mark), inline(text))
}

/// Text made safe inside a table cell or a list item: Markdown punctuation, pipes and what
/// starts HTML (`<`, `>`, `&`) are backslash-escaped, and newlines become `<br>` so a cell
/// stays on its row.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&' | '#' => {
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
        let mut ladder = crate::embedded::ladder();
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
        assert_eq!(
            inline("a*b_c`d<e>[f]#&g"),
            "a\\*b\\_c\\`d\\<e\\>\\[f\\]\\#\\&g"
        );
    }

    #[test]
    fn mermaid_labels_use_mermaid_entity_codes() {
        assert_eq!(
            mermaid_label("A <img src=x onerror=alert(1)> \"q\" #x & `c`\n```"),
            "A #lt;img src=x onerror=alert(1)#gt; #quot;q#quot; #35;x #amp; #96;c#96; #96;#96;#96;"
        );
    }
}
