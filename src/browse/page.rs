//! The page `browse` scrolls: the comparison of A and B drawn by `diff`'s own table renderer
//! at the width of the screen, read into styled lines, with where each section starts and
//! where a search finds its text.

use std::collections::HashMap;

use anyhow::Result;
use ratatui::text::Line;
use regex::{Regex, RegexBuilder};

use crate::query::compare::Comparison;
use crate::render::{self, Format, Header, Report};
use crate::term::Terminal;
use crate::view::Detail;

/// The comparison as lines on the screen.
#[derive(Debug, Clone)]
pub struct Page {
    /// Each line, styled as `diff` styles it.
    pub lines: Vec<Line<'static>>,
    /// Each line's text without styles, which a search reads.
    pub plain: Vec<String>,
    /// The lines that start a section (the attributes, each dimension): `Tab` moves between
    /// them.
    pub sections: Vec<usize>,
    /// The name of each section (its heading, whole), in the order of `sections`.
    pub names: Vec<String>,
}

impl Page {
    /// The comparison drawn at `width` columns (the table format, stacked when its grid
    /// cannot fit), with colour when `color` is on.
    pub fn of(
        c: Comparison<'_>,
        detail: Detail,
        color: bool,
        blocks: bool,
        width: u16,
    ) -> Result<Page> {
        let names = section_names(&c);
        let term = Terminal {
            color,
            width,
            // Hints say which command to type next; a screen of keys needs none.
            is_tty: false,
            blocks,
        };
        let mut bytes = Vec::new();
        let report = Report::Diff(c, detail);
        render::render(&mut bytes, &report, Format::Table, Header::Shown, &term)?;
        let text = String::from_utf8_lossy(&bytes);
        let lines = super::ansi::lines(&text);
        let plain: Vec<String> = lines.iter().map(plain).collect();
        // A heading longer than the prose is wrapped: its first line starts the section.
        let prose = render::prose_width(&term);
        let firsts: Vec<String> = names
            .iter()
            .map(|n| {
                render::wrap(n, prose, "", "")
                    .into_iter()
                    .next()
                    .unwrap_or_default()
            })
            .collect();
        let (sections, found): (Vec<usize>, Vec<usize>) =
            sections(&firsts, &plain).into_iter().unzip();
        let names = found.into_iter().map(|k| names[k].clone()).collect();
        Ok(Page {
            lines,
            plain,
            sections,
            names,
        })
    }

    /// The name of the section line `scroll` is in, if it is past the lines before the first.
    pub fn section_at(&self, scroll: usize) -> Option<&str> {
        let k = self.sections.iter().rposition(|&s| s <= scroll)?;
        Some(self.names[k].as_str())
    }

    /// The first line of the section of this name, if the page has one.
    pub fn section_named(&self, name: &str) -> Option<usize> {
        let k = self.names.iter().position(|n| n == name)?;
        Some(self.sections[k])
    }

    /// Where line `scroll` stands: in which section and how far into it.
    pub fn place_of(&self, scroll: usize) -> Place {
        let section = self.sections.iter().rposition(|&s| s <= scroll);
        let (start, end) = self.bounds(section);
        let into = (scroll.saturating_sub(start)) as f64 / (end - start).max(1) as f64;
        Place { section, into }
    }

    /// The line at `place`: as far into the same section, on this page.
    pub fn scroll_to(&self, place: Place) -> usize {
        let section = place.section.filter(|&k| k < self.sections.len());
        let (start, end) = self.bounds(section);
        start + ((end - start) as f64 * place.into.clamp(0.0, 1.0)) as usize
    }

    /// The lines of a section (`None`: those before the first), from its start to the next.
    fn bounds(&self, section: Option<usize>) -> (usize, usize) {
        let start = section.map_or(0, |k| self.sections[k]);
        let next = section.map_or(0, |k| k + 1);
        let end = self.sections.get(next).copied().unwrap_or(self.lines.len());
        (start, end.max(start))
    }

    /// Every match of a search in the page, in reading order: (line, start, end), the
    /// offsets in bytes of the line's text.
    pub fn find(&self, search: &Search) -> Vec<(usize, usize, usize)> {
        let mut hits = Vec::new();
        for (i, text) in self.plain.iter().enumerate() {
            for m in search.regex.find_iter(text) {
                if !m.is_empty() {
                    hits.push((i, m.start(), m.end()));
                }
            }
        }
        hits
    }
}

/// The text of a line without its styles.
fn plain(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// The headings of the sections the renderer writes, in order: "Attributes" (when there are
/// any) and each dimension's label.
fn section_names(c: &Comparison<'_>) -> Vec<String> {
    let attributes = (!c.attributes.is_empty()).then(|| render::ATTRIBUTES.to_string());
    attributes
        .into_iter()
        .chain(c.dimensions.iter().map(|d| d.dimension.label()))
        .collect()
}

/// The lines that head a section, each with the place of its name in `names`: each name (the
/// first line of its heading) alone on a line
/// after a blank one, in the order of `names` (a brief view leaves out a dimension with
/// nothing new, so a name may be missing).
fn sections(names: &[String], plain: &[String]) -> Vec<(usize, usize)> {
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(names.len());
    for (k, name) in names.iter().enumerate() {
        index.entry(name.as_str()).or_insert(k);
    }
    let mut found = Vec::new();
    let mut from = 0;
    for (i, line) in plain.iter().enumerate() {
        let after_blank = i > 0 && plain[i - 1].is_empty();
        if after_blank
            && let Some(&k) = index.get(line.as_str())
            && k >= from
        {
            found.push((i, k));
            from = k + 1;
        }
    }
    found
}

/// A place on a page that outlives its width: a section (`None`: the lines before the first)
/// and how far into it, from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    section: Option<usize>,
    into: f64,
}

/// What `/` looks for: the words typed, in any case when they are all lower case, else in
/// the case typed (as `ladder search` reads a pattern).
#[derive(Debug, Clone)]
pub struct Search {
    /// The text typed.
    pub typed: String,
    regex: Regex,
}

impl Search {
    /// The search for `typed`: literal text, smart case; `None` for an empty one.
    pub fn new(typed: &str) -> Option<Search> {
        // Spaces alone would find the padding of every table.
        if typed.trim().is_empty() {
            return None;
        }
        let any_case = !typed.chars().any(char::is_uppercase);
        let regex = RegexBuilder::new(&regex::escape(typed))
            .case_insensitive(any_case)
            .build()
            .ok()?;
        Some(Search {
            typed: typed.to_string(),
            regex,
        })
    }
}
