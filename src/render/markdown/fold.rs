//! Markdown folded to a terminal's width, so that a document meant for a file (the evidence
//! outline) reads well on a terminal and still means what it meant.

use crate::render::table::layout::{display_width, wrap};

/// Markdown with each line wrapped to `width` for reading on a terminal, continuations
/// indented so that the text stays what it was: under a list item's text, or behind a quote's
/// `> `. Headings and comments stay one line each (the terminal wraps them), since a heading
/// folded would end at its first line.
pub fn fold_markdown(markdown: &str, width: usize) -> String {
    let mut folded = String::with_capacity(markdown.len());
    for line in markdown.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        // A heading is one line in Markdown, and so is a comment that carries an anchor:
        // folded, they would mean something else (the rest a paragraph, or a code block).
        let hashes = body.len() - body.trim_start_matches('#').len();
        let heading = hashes > 0 && body[hashes..].starts_with(' ');
        if display_width(body) <= width || heading || body.starts_with("<!--") {
            folded += line;
            continue;
        }
        let (first, rest) = if body.starts_with("> ") {
            ("> ", "> ".to_string())
        } else if body.starts_with("- ") {
            ("- ", "  ".to_string())
        } else {
            ("", String::new())
        };
        folded += &wrap(&body[first.len()..], width, first, &rest).join("\n");
        folded += newline;
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_folds_under_its_headings_items_and_quotes() {
        let text = "### A heading of words\n\n> quoted words here\n- an item of words\nshort\n";
        assert_eq!(
            fold_markdown(text, 12),
            "### A heading of words\n\n> quoted\n> words here\n- an item of\n  words\nshort\n"
        );
    }
}
