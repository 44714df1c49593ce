//! A handbook page's text read into its parts ([`parsed`](super::parsed)): the only reader of
//! Markdown syntax. Pages are parsed by `pulldown-cmark` (the CommonMark parser rustdoc and
//! mdBook use: lists, nesting, lazy continuation lines, HTML blocks and emphasis as a renderer
//! sees them) into plain blocks ([`blocks`]), which [`index`] and [`page`] walk.

mod blocks;
mod front_matter;
mod index_page;
mod page;
mod parts;

pub use index_page::index;
pub(super) use page::split_level;
pub use page::{Place, level_page};
pub use parts::{Parts, parts};

use super::names::shortcodes;

/// A heading's text as a name: GitHub shortcodes (`:rocket:`) made the emoji they show.
/// `ours` when a metadata comment says the export wrote it: its text is taken as written.
fn heading_text(text: &str, ours: bool) -> String {
    if ours {
        text.trim().to_string()
    } else {
        shortcodes(text.trim()).trim().to_string()
    }
}

/// An HTML block's `<details>` markers and the rest of its text, tag lines blanked (so line
/// numbers stay): (opens details, closes details, the rest).
fn html_markers(html: &str) -> (bool, bool, String) {
    let mut opens = false;
    let mut closes = false;
    let mut rest = String::with_capacity(html.len());
    for line in html.split_inclusive('\n') {
        let t = line.trim().to_ascii_lowercase();
        let tag_only = t.starts_with('<') && t.ends_with('>') && !t.contains("](");
        if t.contains("<details") {
            opens = true;
        }
        if t.contains("</details") {
            closes = true;
        }
        if tag_only || t.starts_with("<!--") {
            rest.push_str(if line.ends_with('\n') { "\n" } else { "" });
        } else {
            rest.push_str(line);
        }
    }
    (opens, closes, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_tags_are_markers() {
        let (o, c, rest) =
            html_markers("<details>\n<summary>Examples</summary>\n- one\n</details>\n");
        assert!(o && c);
        assert_eq!(rest, "\n\n- one\n\n");
    }
}
