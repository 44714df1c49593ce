//! The only place that knows owo-colors: styles named by meaning, applied only when colour is on.

use owo_colors::OwoColorize;

/// Bold, dim, and the end of either (normal intensity), without the full reset owo-colors
/// ends a style with: for a word inside a line that keeps its colour.
const BOLD: &str = "\u{1b}[1m";
const DIM: &str = "\u{1b}[2m";
const END_INTENSITY: &str = "\u{1b}[22m";

/// Text styles by meaning; every method returns the text unchanged when colour is off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    color: bool,
}

impl Style {
    /// Styles that colour only when `color` is true.
    pub fn new(color: bool) -> Style {
        Style { color }
    }

    fn paint(&self, text: &str, f: impl Fn(&str) -> String) -> String {
        if self.color {
            f(text)
        } else {
            text.to_string()
        }
    }

    /// A section heading or a role's title.
    pub fn heading(&self, text: &str) -> String {
        self.paint(text, |t| t.bold().to_string())
    }

    /// An identifier the user can type back, such as a role id.
    pub fn id(&self, text: &str) -> String {
        self.paint(text, |t| t.cyan().to_string())
    }

    /// Secondary information: labels, legends, hints.
    pub fn muted(&self, text: &str) -> String {
        self.paint(text, |t| t.dimmed().to_string())
    }

    /// Something new at the later role.
    pub fn added(&self, text: &str) -> String {
        self.paint(text, |t| t.green().to_string())
    }

    /// Something the later role no longer lists.
    pub fn removed(&self, text: &str) -> String {
        self.paint(text, |t| t.red().to_string())
    }

    /// Something present at both roles, worded differently.
    pub fn changed(&self, text: &str) -> String {
        self.paint(text, |t| t.yellow().to_string())
    }

    /// The part of a text that matched a search.
    pub fn matched(&self, text: &str) -> String {
        self.paint(text, |t| t.red().bold().to_string())
    }

    /// Something that reads the same at both roles.
    pub fn unchanged(&self, text: &str) -> String {
        self.paint(text, |t| t.dimmed().to_string())
    }

    /// A word that one side of a pair adds, inside a line in its mark's colour (never a dim
    /// one): bold, ended by a reset of the intensity alone, so that the line's colour goes on
    /// after it.
    pub fn emphasis(&self, word: &str) -> String {
        self.paint(word, |w| format!("{BOLD}{w}{END_INTENSITY}"))
    }

    /// A word that the other side of a pair drops, inside a line in its mark's colour: dim,
    /// ended as [`Style::emphasis`] is.
    pub fn faint(&self, word: &str) -> String {
        self.paint(word, |w| format!("{DIM}{w}{END_INTENSITY}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_off_leaves_text_untouched() {
        let plain = Style::new(false);
        assert_eq!(plain.added("+ new"), "+ new");
        assert_eq!(plain.heading("Title"), "Title");
    }

    #[test]
    fn colour_on_wraps_text_in_escapes() {
        let coloured = Style::new(true);
        assert_eq!(coloured.added("new"), "\u{1b}[32mnew\u{1b}[39m");
        assert_eq!(coloured.removed("old"), "\u{1b}[31mold\u{1b}[39m");
    }
}
