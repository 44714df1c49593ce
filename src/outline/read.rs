//! A filled outline read back, line by line: its title, the anchor it opens with, and each
//! section (a `###` heading, or an anchor whose heading was deleted) with the `##` heading it
//! stands under, its anchor, its line and the evidence written under it. Evidence is every
//! line up to the next heading of level 1 to 3 or the next anchor, less what the outline
//! wrote there itself (the placeholder, the quote of the current level, the examples).
//! Fenced code is evidence as it stands: a `#` in it is no heading. Control characters are
//! escaped as every text `ladder` shows is.

use super::{Anchor, EXAMPLES, OLD_PLACEHOLDER, PLACEHOLDER};
use crate::text::escape_controls;

/// A filled outline.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outline {
    /// The `#` title's text.
    pub title: Option<String>,
    /// The anchor the outline opens with (the role, and the level it is compared with), and
    /// its line.
    pub head: Option<(Anchor, usize)>,
    /// The text between the title and the first `##` heading, and the line it starts at.
    pub intro: String,
    pub intro_line: usize,
    pub sections: Vec<Section>,
}

/// One section: an expectation's, when it carries an anchor or its heading reads as one.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Section {
    /// The heading's text, Markdown marks left as written (empty when the heading was
    /// deleted and only the anchor is left).
    pub heading: String,
    /// The `##` heading above it.
    pub under: Option<String>,
    pub anchor: Option<Anchor>,
    /// The line of its heading (or anchor), from 1.
    pub line: usize,
    /// What the person wrote under it, trimmed.
    pub evidence: String,
}

/// Where the reader stands.
#[derive(Default)]
struct Reader {
    outline: Outline,
    under: Option<String>,
    /// Inside a fenced code block, opened by this fence.
    fence: Option<String>,
    /// Inside the list of examples the outline wrote.
    in_examples: bool,
    /// Before the first `##` heading.
    in_intro: bool,
    /// After a `##` heading, before the next section: text there is the dimension's, not an
    /// expectation's.
    closed: bool,
    /// The line being read.
    at: usize,
}

/// Reads an outline's text; cost grows with its length.
pub fn read(text: &str) -> Outline {
    let mut r = Reader {
        in_intro: true,
        ..Reader::default()
    };
    for (i, line) in text.lines().enumerate() {
        // The person's text is shown again: no control character reaches a terminal raw.
        r.line(&escape_controls(line), i + 1);
    }
    for s in &mut r.outline.sections {
        let trimmed = s.evidence.trim();
        if trimmed.len() != s.evidence.len() {
            s.evidence = trimmed.to_string();
        }
    }
    r.outline.intro = r.outline.intro.trim().to_string();
    r.outline
}

impl Reader {
    fn line(&mut self, line: &str, at: usize) {
        self.at = at;
        if let Some(fence) = &self.fence {
            if line.trim_start().starts_with(fence.as_str()) {
                self.fence = None;
            }
            return self.text(line);
        }
        let start = line.trim_start();
        if start.starts_with("```") || start.starts_with("~~~") {
            self.fence = Some(start[..3].to_string());
            return self.text(line);
        }
        if let Some((level, heading)) = heading(line) {
            return self.heading(level, heading, at);
        }
        if let Some(anchor) = Anchor::parse(line) {
            return self.anchor(anchor, at);
        }
        self.text(line);
    }

    fn heading(&mut self, level: usize, text: &str, at: usize) {
        self.in_examples = false;
        match level {
            1 => self.outline.title = Some(text.to_string()),
            2 => {
                // What follows belongs to no section until the next `###` or anchor.
                self.in_intro = false;
                self.under = Some(text.to_string());
                self.closed = true;
            }
            3 => {
                self.in_intro = false;
                self.closed = false;
                self.outline.sections.push(Section {
                    heading: text.to_string(),
                    under: self.under.clone(),
                    line: at,
                    ..Section::default()
                })
            }
            _ => self.text(text),
        }
    }

    fn anchor(&mut self, anchor: Anchor, at: usize) {
        if !anchor.is_expectation() {
            self.outline.head.get_or_insert((anchor, at));
            return;
        }
        self.in_examples = false;
        match self.outline.sections.last_mut() {
            // Right under its heading, before any evidence: the heading's anchor.
            Some(s) if s.anchor.is_none() && s.evidence.trim().is_empty() && !self.closed => {
                s.anchor = Some(anchor)
            }
            // The heading was deleted: the anchor opens a section of its own.
            _ => self.outline.sections.push(Section {
                under: self.under.clone(),
                anchor: Some(anchor),
                line: at,
                ..Section::default()
            }),
        }
        self.closed = false;
    }

    fn text(&mut self, line: &str) {
        if self.in_intro {
            if self.outline.intro.trim().is_empty() && !line.trim().is_empty() {
                self.outline.intro.clear();
                self.outline.intro_line = self.at;
            }
            self.outline.intro.push_str(line);
            self.outline.intro.push('\n');
            return;
        }
        let t = line.trim();
        if t == EXAMPLES {
            self.in_examples = true;
            return;
        }
        if self.in_examples {
            if t.starts_with("- ") || t.is_empty() {
                return;
            }
            self.in_examples = false;
        }
        if self.closed || t == PLACEHOLDER || t == OLD_PLACEHOLDER || t.starts_with("> At ") {
            return;
        }
        if let Some(s) = self.outline.sections.last_mut() {
            s.evidence.push_str(line);
            s.evidence.push('\n');
        }
    }
}

/// A line's ATX heading: its level and text (`### Text ###` is `Text`).
fn heading(line: &str) -> Option<(usize, &str)> {
    let start = line.trim_start_matches(' ');
    if line.len() - start.len() > 3 {
        return None;
    }
    let level = start.len() - start.trim_start_matches('#').len();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &start[level..];
    if !(rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t')) {
        return None;
    }
    Some((level, rest.trim().trim_end_matches('#').trim_end()))
}
