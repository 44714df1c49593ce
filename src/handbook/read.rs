//! A handbook page's text read into its parts ([`parsed`](super::parsed)): the line-based
//! reader of the Markdown the export writes and handbooks use.
//!
//! Everything that knows Markdown syntax is here, so that replacing this reader with a real
//! Markdown parser (issue 13) changes this file only: it takes a page's text and gives back an
//! [`Index`] or a [`LevelPage`] in plain text, with warnings for what it could not place.

use super::meta::{Comment, Key};
use super::names::{kebab, split_emoji};
use super::parsed::{AttributeLine, Index, LevelPage, Section};
use super::warning::{Warning, WarningKind};
use crate::model::{Attribute, Band, Dimension, Discipline, Expectation, Track};

/// Reads the index page `file`.
pub fn index(file: &str, text: &str, warnings: &mut Vec<Warning>) -> Index {
    let mut reader = IndexReader::default();
    let mut fence: Option<String> = None;
    for line in &lines_of(text) {
        // Code blocks are not ladder text; a Mermaid block is the export's drawing of the tracks.
        let trimmed = line.text.trim();
        if let Some(info) = trimmed.strip_prefix("```") {
            fence = match fence {
                Some(_) => None,
                None => Some(info.trim().to_string()),
            };
            continue;
        }
        if let Some(info) = &fence {
            if info != "mermaid" {
                let code = WarningKind::Code(trimmed.to_string());
                warnings.push(Warning::at(file, line.number, code));
            }
            continue;
        }
        if let Some(kind) = reader.line(line.text) {
            warnings.push(Warning::at(file, line.number, kind));
        }
    }
    reader.index
}

/// The index read so far, and where the reader stands in it.
#[derive(Default)]
struct IndexReader {
    index: Index,
    /// The current `##` section's heading, as an id.
    section: String,
    /// Whether the section has had a list yet: text before one is the introduction.
    seen_list: bool,
}

impl IndexReader {
    /// Reads one line outside code blocks; what it cannot place, it returns.
    fn line(&mut self, line: &str) -> Option<WarningKind> {
        let (kind, comment) = classify(line);
        let comment = comment.unwrap_or_else(Comment::empty);
        if comment.has(Key::Caption) {
            return None;
        }
        if let Some(levels) = comment.strings(Key::Levels) {
            self.index.levels = Some(levels);
        }
        let index = &mut self.index;
        match kind {
            Kind::Blank | Kind::Comment => {}
            Kind::Heading(1, text) if index.name.is_none() => index.name = Some(plain(&text)),
            Kind::Heading(_, text) => {
                self.section = kebab(&text);
                self.seen_list = false;
            }
            Kind::Text(text)
                if index.motto.is_none()
                    && index.about.is_empty()
                    && !self.seen_list
                    && self.section.is_empty()
                    && is_bold_line(&text) =>
            {
                index.motto = Some(plain(&text[2..text.len() - 2]));
            }
            Kind::Text(text) if !self.seen_list && self.section.is_empty() => {
                index.about.push(plain(&text))
            }
            Kind::Bullet(text) => {
                self.seen_list = true;
                self.bullet(&text, &comment);
            }
            Kind::Numbered(text) => {
                self.seen_list = true;
                match link_target(&text) {
                    Some(target) => index.order.push(target),
                    None => return Some(WarningKind::NumberedItem(plain(&text))),
                }
            }
            Kind::Text(_)
            | Kind::Quote(_)
            | Kind::Continuation(_)
            | Kind::DetailsOpen
            | Kind::DetailsClose => return Some(WarningKind::Line(line.trim().to_string())),
        }
        None
    }

    /// A bullet of the index: a discipline, band, track, attribute or dimension, by its
    /// section and comment; else a line of the introduction.
    fn bullet(&mut self, text: &str, comment: &Comment) {
        let index = &mut self.index;
        let as_attribute = labelled(text);
        let id_or = |key: Key, name: &str| {
            comment
                .text(key)
                .map(String::from)
                .unwrap_or_else(|| kebab(name))
        };
        if self.section.contains("discipline") || comment.has(Key::Discipline) {
            if let Some((name, definition)) = as_attribute {
                let id = id_or(Key::Discipline, &name);
                index.disciplines.push(Discipline {
                    id,
                    name,
                    definition,
                });
                return;
            }
        }
        if self.section.contains("band") || comment.has(Key::Band) {
            if let Some((name, meaning)) = as_attribute {
                let id = id_or(Key::Band, &name);
                index.bands.push(Band { id, name, meaning });
                return;
            }
        }
        if let Some(track) = comment.text(Key::Track) {
            let name = as_attribute
                .map(|(n, _)| n)
                .or_else(|| {
                    text.strip_prefix("**")
                        .and_then(|r| r.split("**").next())
                        .map(plain)
                })
                .unwrap_or_else(|| track.to_string());
            index.tracks.push(Track {
                id: track.to_string(),
                name,
                roles: comment.strings(Key::Roles).unwrap_or_default(),
            });
            return;
        }
        match as_attribute {
            Some((name, meaning)) => {
                let id = id_or(Key::Attribute, &name);
                index.attributes.push(Attribute { id, name, meaning });
            }
            None if comment.has(Key::Dimension) || looks_like_dimension(text) => {
                index.dimensions.push(dimension_from(text, comment));
            }
            None => index.about.push(plain(&format!("- {text}"))),
        }
    }
}

/// A dimension bullet of the index as a dimension.
fn dimension_from(text: &str, comment: &Comment) -> Dimension {
    // "🦉 Domain Expertise (themes: a, b)": the parenthesis lists theme names for people.
    let text = match text.rfind(" (themes:") {
        Some(i) => &text[..i],
        None => text,
    };
    let text = plain(text);
    // The export names the emoji in its comment; take exactly that off the front.
    let (emoji, name) = match comment.emoji().flatten().and_then(|e| text.strip_prefix(e)) {
        Some(rest) => (None, rest.trim().to_string()),
        None => split_emoji(&text),
    };
    Dimension {
        id: comment
            .text(Key::Dimension)
            .map(String::from)
            .unwrap_or_else(|| kebab(&name)),
        emoji: match comment.emoji() {
            Some(said) => said.map(String::from),
            None => emoji,
        },
        themes: comment.themes(),
        name,
    }
}

/// Reads the level page `file`: `None` when it has no `# LEVEL: Title` heading first.
pub fn level_page(file: &str, text: &str, warnings: &mut Vec<Warning>) -> Option<LevelPage> {
    let lines = lines_of(text);
    let mut iter = lines
        .iter()
        .map(|l| (l.number, classify(l.text), l.text.trim()))
        .peekable();
    // The first heading names the level and the title: `# L3: Senior Security Engineer`.
    let (level, title, id) = loop {
        let (number, (kind, comment), _) = iter.next()?;
        match kind {
            Kind::Blank | Kind::Comment => continue,
            Kind::Heading(1, text) => {
                let (level, title) = level_and_title(file, number, &text, warnings);
                let mut id = comment
                    .as_ref()
                    .and_then(|c| c.text(Key::Role))
                    .map(String::from);
                // The export puts the role's comment on the line after the heading.
                if let Some((_, (Kind::Comment, Some(c)), _)) = iter.peek() {
                    if let Some(r) = c.text(Key::Role) {
                        id = Some(r.to_string());
                    }
                    iter.next();
                }
                break (level, title, id);
            }
            _ => return None,
        }
    };
    if level.is_empty() || title.is_empty() {
        return None;
    }
    let mut reader = PageReader {
        page: LevelPage {
            file: file.to_string(),
            id,
            // A level is an id: `Level 2` becomes `Level-2`.
            level: if crate::text::is_safe_id(&level) {
                level
            } else {
                crate::text::slug(&level)
            },
            title,
            summary: None,
            attributes: Vec::new(),
            sections: Vec::new(),
        },
        quote: Vec::new(),
        in_details: false,
        last: None,
        before_sections: true,
    };
    for (number, (kind, comment), raw) in iter {
        let comment = comment.unwrap_or_else(Comment::empty);
        if let Some(kind) = reader.line(number, kind, &comment, raw) {
            warnings.push(Warning::at(file, number, kind));
        }
    }
    let mut page = reader.page;
    if !reader.quote.is_empty() {
        page.summary = Some(plain(&reader.quote.join(" ")));
    }
    Some(page)
}

/// The level and title of a page's heading, `L3: Senior Engineer`; without `LEVEL:`, the level
/// is the file name's first word (`L3-Senior-Engineer.md`), with a warning.
fn level_and_title(
    file: &str,
    number: usize,
    text: &str,
    warnings: &mut Vec<Warning>,
) -> (String, String) {
    match text.split_once(':') {
        Some((level, title)) => (plain(level), plain(title)),
        None => {
            let level = file.split(['-', '.']).next().unwrap_or("").to_string();
            let heading = plain(text);
            warnings.push(Warning::at(
                file,
                number,
                WarningKind::NoLevelPrefix {
                    heading: heading.clone(),
                    level: level.clone(),
                },
            ));
            (level, heading)
        }
    }
}

/// A level page read so far, and where the reader stands in it.
struct PageReader {
    page: LevelPage,
    /// The quoted self-description's lines.
    quote: Vec<String>,
    /// Whether the reader is inside a `<details>` block: its bullets are examples.
    in_details: bool,
    /// What the last bullet went into, for continuation lines: whether it was an example.
    last: Option<bool>,
    /// Whether no `##` section has begun: bullets are attributes.
    before_sections: bool,
}

impl PageReader {
    /// Reads one line after the heading; what it cannot place, it returns.
    fn line(
        &mut self,
        number: usize,
        kind: Kind,
        comment: &Comment,
        raw: &str,
    ) -> Option<WarningKind> {
        let page = &mut self.page;
        let id = |key: Key| comment.text(key).map(String::from);
        match kind {
            Kind::Blank | Kind::Comment => {}
            Kind::Quote(text) if self.before_sections && page.attributes.is_empty() => {
                self.quote.push(text)
            }
            Kind::Heading(2, text) => {
                self.before_sections = false;
                self.in_details = false;
                self.last = None;
                let (emoji, name) = split_emoji(&text);
                page.sections.push(Section {
                    heading: plain(&name),
                    emoji,
                    id: id(Key::Dimension),
                    line: number,
                    expectations: Vec::new(),
                    examples: Vec::new(),
                });
            }
            Kind::Bullet(text) if self.before_sections => match labelled(&text) {
                Some((label, value)) => page.attributes.push(AttributeLine {
                    label,
                    value,
                    id: id(Key::Attribute),
                    line: number,
                }),
                None => return Some(WarningKind::BulletBeforeDimensions(plain(&text))),
            },
            Kind::Bullet(text) => self.statement(&text, id(Key::Theme)),
            Kind::Continuation(text) => return self.continuation(&text),
            Kind::DetailsOpen | Kind::DetailsClose => {
                self.in_details = kind == Kind::DetailsOpen;
                self.last = None;
            }
            Kind::Text(text) if text.starts_with("---") || text.starts_with("[Back to") => {}
            Kind::Heading(..) | Kind::Quote(_) | Kind::Numbered(_) | Kind::Text(_) => {
                if raw.starts_with("[") && page.sections.is_empty() {
                    return None;
                }
                return Some(WarningKind::Line(raw.to_string()));
            }
        }
        None
    }

    /// A bullet in a section: an example inside `<details>`, else an expectation.
    fn statement(&mut self, text: &str, theme: Option<String>) {
        let Some(section) = self.page.sections.last_mut() else {
            return;
        };
        if self.in_details {
            section.examples.push(plain(text));
            self.last = Some(true);
        } else {
            section.expectations.push(Expectation {
                theme,
                text: plain(text),
            });
            self.last = Some(false);
        }
    }

    /// An indented line: the rest of the last statement, or of the quote.
    fn continuation(&mut self, text: &str) -> Option<WarningKind> {
        let page = &mut self.page;
        let section = page.sections.last_mut();
        let target = match (self.last, section) {
            (Some(true), Some(s)) => s.examples.last_mut(),
            (Some(false), Some(s)) => s.expectations.last_mut().map(|e| &mut e.text),
            _ => None,
        };
        match target {
            Some(t) => {
                t.push(' ');
                t.push_str(&plain(text));
            }
            None if self.before_sections
                && !self.quote.is_empty()
                && page.attributes.is_empty() =>
            {
                self.quote.push(text.to_string())
            }
            None => return Some(WarningKind::Text(plain(text))),
        }
        None
    }
}

/// Removes a [`Comment`] from the end of the line.
///
/// Only where the export writes one: last on the line, its `<` not backslash-escaped, its JSON
/// valid. Anywhere else the words are text, so that text which merely looks like a comment
/// (the export writes a `<` in text as `\<`) reads back as it was written.
fn take_meta(line: &str) -> (String, Option<Comment>) {
    let body = line.trim_end();
    if let Some(start) = Comment::start_in(body) {
        if !escaped_at(line, start) {
            if let Some(comment) = Comment::parse(&body[start..]) {
                return (line[..start].trim_end().to_string(), Some(comment));
            }
        }
    }
    (line.to_string(), None)
}

/// One line of a page with its 1-based number.
#[derive(Debug, Clone)]
struct Line<'a> {
    number: usize,
    text: &'a str,
}

/// The lines of a page, borrowed from its text: a large page is not copied line by line.
fn lines_of(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| Line {
            number: i + 1,
            text: l.strip_suffix('\r').unwrap_or(l),
        })
        .collect()
}

/// A line's Markdown role, after its `<!-- ladder {...} -->` comment is taken off.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Blank,
    Heading(usize, String),
    Bullet(String),
    Numbered(String),
    Quote(String),
    DetailsOpen,
    DetailsClose,
    Comment,
    Continuation(String),
    Text(String),
}

/// Splits a line into its kind and its metadata comment, if any.
fn classify(line: &str) -> (Kind, Option<Comment>) {
    let (line, meta) = take_meta(line);
    let trimmed = line.trim();
    let kind = if trimmed.is_empty() {
        if meta.is_some() {
            Kind::Comment
        } else {
            Kind::Blank
        }
    } else if trimmed.starts_with("<!--") && trimmed.ends_with("-->") {
        Kind::Comment
    } else if let Some(rest) = heading(trimmed) {
        rest
    } else if trimmed.to_lowercase().starts_with("<details") {
        Kind::DetailsOpen
    } else if trimmed.to_lowercase().starts_with("</details") {
        Kind::DetailsClose
    } else if line.starts_with("  ") && !is_bullet(trimmed) && !is_numbered(trimmed) {
        Kind::Continuation(trimmed.to_string())
    } else if let Some(rest) = trimmed.strip_prefix('>') {
        Kind::Quote(rest.trim().to_string())
    } else if is_bullet(trimmed) {
        Kind::Bullet(trimmed[2..].trim().to_string())
    } else if is_numbered(trimmed) {
        let rest = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
        Kind::Numbered(rest[1..].trim().to_string())
    } else {
        Kind::Text(trimmed.to_string())
    };
    (kind, meta)
}

fn heading(trimmed: &str) -> Option<Kind> {
    let hashes = trimmed.chars().take_while(|c| *c == '#').count();
    let rest = &trimmed[hashes..];
    if (1..=6).contains(&hashes) && rest.starts_with(' ') {
        // A closing run of `#` follows a space; `\#` at the end is text (the export writes it).
        let text = rest.trim();
        let open = text.trim_end_matches('#');
        let text = if open.is_empty() || open.ends_with([' ', '\t']) {
            open.trim()
        } else {
            text
        };
        Some(Kind::Heading(hashes, text.to_string()))
    } else {
        None
    }
}

fn is_bullet(trimmed: &str) -> bool {
    ["- ", "* ", "+ "].iter().any(|b| trimmed.starts_with(b))
}

fn is_numbered(trimmed: &str) -> bool {
    let digits = trimmed.chars().take_while(|c| c.is_ascii_digit()).count();
    digits > 0
        && matches!(trimmed[digits..].chars().next(), Some('.') | Some(')'))
        && trimmed[digits + 1..].starts_with(' ')
}

/// Whether the character at byte `at` is escaped: preceded by an odd run of backslashes.
fn escaped_at(text: &str, at: usize) -> bool {
    text[..at].bytes().rev().take_while(|b| *b == b'\\').count() % 2 == 1
}

/// Markdown text made plain: backslash escapes undone, `<br>` made a newline, surrounding
/// emphasis (`_text_`, `*text*`) removed.
fn plain(text: &str) -> String {
    let text = text.trim();
    let text = strip_wrapping(text, "_")
        .or_else(|| strip_wrapping(text, "*"))
        .unwrap_or(text);
    let text = text.replace("<br>", "\n");
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if next.is_ascii_punctuation() {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

fn strip_wrapping<'a>(text: &'a str, mark: &str) -> Option<&'a str> {
    let inner = text.strip_prefix(mark)?.strip_suffix(mark)?;
    // `_a_ and _b_` is not one emphasis; an escaped mark (`\_`) is text, not a mark.
    let bare_mark = inner
        .match_indices(mark)
        .any(|(i, _)| !escaped_at(inner, i));
    (!inner.is_empty() && !bare_mark && !escaped_at(inner, inner.len())).then_some(inner)
}

/// `**Name**: value` or `**Name:** value` as (name, value).
fn labelled(text: &str) -> Option<(String, String)> {
    let rest = text.strip_prefix("**")?;
    let end = rest.find("**")?;
    let name = rest[..end].trim().trim_end_matches(':').trim();
    let value = rest[end + 2..].trim_start().trim_start_matches(':').trim();
    Some((plain(name), plain(value)))
}

fn is_bold_line(text: &str) -> bool {
    text.len() > 4
        && text.starts_with("**")
        && text.ends_with("**")
        && !text[2..text.len() - 2].contains("**")
}

/// A dimension bullet: an emoji, or a short name without a sentence's full stop.
fn looks_like_dimension(text: &str) -> bool {
    let (emoji, name) = split_emoji(text);
    emoji.is_some() || (!name.ends_with('.') && name.split_whitespace().count() <= 5)
}

/// The target of a `[text](target)` link.
fn link_target(text: &str) -> Option<String> {
    let start = text.find("](")? + 2;
    let end = start + text[start..].find(')')?;
    Some(text[start..end].trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::super::names::same_attribute;
    use super::*;
    use serde_json::Value;

    #[test]
    fn markdown_escapes_and_emphasis_come_off() {
        assert_eq!(
            plain("_Owns the \\*hard\\* part\\_s_"),
            "Owns the *hard* part_s"
        );
        assert_eq!(plain("one<br>two \\| three"), "one\ntwo | three");
        assert_eq!(plain("_a_ and _b_"), "_a_ and _b_");
    }

    #[test]
    fn labels_and_emoji_split_off() {
        assert_eq!(
            labelled("**Evaluated by**: Manager"),
            Some(("Evaluated by".into(), "Manager".into()))
        );
        assert_eq!(
            labelled("**Evaluation:** Manager"),
            Some(("Evaluation".into(), "Manager".into()))
        );
        assert_eq!(
            split_emoji("🦉 Domain expertise"),
            (Some("🦉".into()), "Domain expertise".into())
        );
        assert!(same_attribute("Evaluation", "Evaluated by"));
        assert!(!same_attribute("Impact radius", "Planning horizon"));
    }

    #[test]
    fn comments_carry_metadata() {
        let (kind, meta) = classify("- Owns it. <!-- ladder {\"theme\":\"depth\"} -->");
        assert_eq!(kind, Kind::Bullet("Owns it.".into()));
        assert_eq!(
            meta.and_then(|m| m.get("theme").cloned()),
            Some(Value::String("depth".into()))
        );
    }
}
