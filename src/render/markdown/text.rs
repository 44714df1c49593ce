//! Markdown text as every Markdown writer spells it: escaped inline text, and the Mermaid
//! drawing of tracks that both `tracks --format markdown` and the handbook's index show.

use std::collections::HashMap;

use crate::view::TrackList;

/// Text made safe inside a table cell or a list item: Markdown punctuation, pipes and what
/// starts HTML (`<`, `>`, `&`) are backslash-escaped, and newlines become `<br>` so a cell
/// stays on its row.
pub fn inline(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
