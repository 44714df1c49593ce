//! Reads a folder of Markdown level pages (and its index page) into a ladder.
//!
//! The layout is the one handbooks use for career ladders, and the one `ladder export`
//! writes: one page per level (`# L3: Title`, an optional quoted self-description, the
//! attributes as `- **Name**: value`, then one `## ` section per dimension with a bullet list
//! of statements and the examples in a `<details>` block), and an index page `README.md`
//! with the introduction, the definitions of attributes and dimensions, and a numbered list
//! of links to the level pages in ladder order. What plain Markdown cannot hold (ids, themes,
//! tracks) is read from `<!-- ladder {json} -->` comments when present, and inferred when not.
//! Nothing is dropped silently: what cannot be placed becomes a warning with `FILE:LINE`.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::files;
use crate::ladder::{
    Attribute, Band, Dimension, Discipline, Expectation, Ladder, Role, RoleDimension, Theme, Track,
};
use crate::load;

/// Words that say how senior a title is, not what the role does; titles without them name a
/// role's family (see [`infer_tracks`]).
const SENIORITY: [&str; 6] = [
    "junior",
    "senior",
    "staff",
    "principal",
    "associate",
    "graduate",
];

/// A ladder read from Markdown, with what the reader should know about how it was read.
#[derive(Debug)]
pub struct Imported {
    pub ladder: Ladder,
    /// `FILE:LINE: warning: ...` for every piece of text that could not be placed.
    pub warnings: Vec<String>,
    /// What was inferred or mapped rather than read: tracks, attribute labels.
    pub notes: Vec<String>,
}

/// Imports every Markdown page of `dir`.
pub fn import(dir: &Path) -> Result<Imported> {
    let shown = files::shown(dir);
    let entries = fs::read_dir(dir).with_context(|| format!("cannot read directory {shown:?}"))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.to_lowercase().ends_with(".md"))
        .collect();
    names.sort();
    let mut warnings = Vec::new();
    let mut index = None;
    let mut pages = Vec::new();
    for name in &names {
        let source = load::read(&dir.join(name))?;
        let lines = lines_of(&source.text);
        if name.eq_ignore_ascii_case("README.md") || name.eq_ignore_ascii_case("index.md") {
            index = Some(parse_index(name, &lines, &mut warnings));
        } else {
            match parse_page(name, &lines, &mut warnings) {
                Some(page) => pages.push(page),
                None => warnings.push(format!("{name}:1: warning: no `# LEVEL: Title` heading; the page is not a level page and was skipped")),
            }
        }
    }
    if pages.is_empty() {
        bail!(
            "no level pages in {shown:?}: expected Markdown files whose first heading reads like `# L3: Senior Engineer`"
        );
    }
    let index = index.unwrap_or_else(|| {
        warnings.push(format!("{shown}: warning: no README.md index page; the ladder's name, attributes and dimensions come from the level pages"));
        Index::default()
    });
    let mut notes = Vec::new();
    let ladder = assemble(dir, index, pages, &mut warnings, &mut notes);
    Ok(Imported {
        ladder,
        warnings,
        notes,
    })
}

/// One line of a page with its 1-based number.
#[derive(Debug, Clone)]
struct Line {
    number: usize,
    text: String,
}

fn lines_of(text: &str) -> Vec<Line> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| Line {
            number: i + 1,
            text: l.strip_suffix('\r').unwrap_or(l).to_string(),
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
fn classify(line: &str) -> (Kind, Option<Value>) {
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
        Some(Kind::Heading(
            hashes,
            rest.trim().trim_end_matches('#').trim().to_string(),
        ))
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

/// Removes a `<!-- ladder {json} -->` comment from the line and parses its JSON.
fn take_meta(line: &str) -> (String, Option<Value>) {
    let Some(start) = line.find("<!-- ladder ") else {
        return (line.to_string(), None);
    };
    let Some(len) = line[start..].find("-->") else {
        return (line.to_string(), None);
    };
    let json = &line[start + "<!-- ladder ".len()..start + len];
    let value = serde_json::from_str(json.trim()).ok();
    let rest = format!("{}{}", &line[..start], &line[start + len + 3..]);
    (rest.trim_end().to_string(), value)
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
        .any(|(i, _)| !inner[..i].ends_with('\\'));
    (!inner.is_empty() && !bare_mark && !inner.ends_with('\\')).then_some(inner)
}

/// `**Name**: value` or `**Name:** value` as (name, value).
fn labelled(text: &str) -> Option<(String, String)> {
    let rest = text.strip_prefix("**")?;
    let end = rest.find("**")?;
    let name = rest[..end].trim().trim_end_matches(':').trim();
    let value = rest[end + 2..].trim_start().trim_start_matches(':').trim();
    Some((plain(name), plain(value)))
}

/// A heading or bullet's leading emoji (anything before the first letter or digit) and its name.
fn split_emoji(text: &str) -> (Option<String>, String) {
    let start = text
        .find(|c: char| c.is_alphanumeric())
        .unwrap_or(text.len());
    let emoji = text[..start].trim();
    let name = text[start..].trim();
    (
        (!emoji.is_empty()).then(|| emoji.to_string()),
        name.to_string(),
    )
}

/// Lower-case words joined by dashes: the id a name gets when no comment gives one. In the id
/// alphabet (see `text::slug`); never empty.
fn kebab(text: &str) -> String {
    let id = crate::text::slug(text).to_lowercase();
    if id.is_empty() {
        "role".to_string()
    } else {
        id
    }
}

/// Names compare equal ignoring case, punctuation and emoji.
fn same_name(a: &str, b: &str) -> bool {
    kebab(&split_emoji(a).1) == kebab(&split_emoji(b).1)
}

/// Two attribute labels name the same attribute when equal ignoring case and punctuation, or
/// when their first words share a stem of at least five letters (`Evaluation`, `Evaluated by`).
fn same_attribute(a: &str, b: &str) -> bool {
    if same_name(a, b) {
        return true;
    }
    let first = |s: &str| kebab(s).split('-').next().unwrap_or("").to_string();
    let (x, y) = (first(a), first(b));
    let common = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
    common >= 5
}

// ---------------------------------------------------------------- the index page

#[derive(Debug, Default)]
struct Index {
    name: Option<String>,
    motto: Option<String>,
    about: Vec<String>,
    levels: Option<Vec<String>>,
    disciplines: Vec<Discipline>,
    attributes: Vec<Attribute>,
    dimensions: Vec<Dimension>,
    bands: Vec<Band>,
    /// Page files in ladder order, from the numbered list of links.
    order: Vec<String>,
    tracks: Vec<Track>,
}

fn parse_index(file: &str, lines: &[Line], warnings: &mut Vec<String>) -> Index {
    let mut index = Index::default();
    let mut section = String::new();
    let mut seen_list = false;
    let mut fence: Option<String> = None;
    for line in lines {
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
                warnings.push(format!(
                    "{file}:{}: warning: could not place code {:?}",
                    line.number,
                    crate::text::escape_controls(trimmed)
                ));
            }
            continue;
        }
        let (kind, meta) = classify(&line.text);
        let get = |key: &str| meta.as_ref().and_then(|m| m.get(key)).cloned();
        if get("caption").is_some() {
            continue;
        }
        if let Some(levels) =
            get("levels").and_then(|v| serde_json::from_value::<Vec<String>>(v).ok())
        {
            index.levels = Some(levels);
        }
        match kind {
            Kind::Blank | Kind::Comment => {}
            Kind::Heading(1, text) if index.name.is_none() => index.name = Some(plain(&text)),
            Kind::Heading(_, text) => {
                section = kebab(&text);
                seen_list = false;
            }
            Kind::Text(text)
                if index.motto.is_none()
                    && index.about.is_empty()
                    && !seen_list
                    && section.is_empty()
                    && is_bold_line(&text) =>
            {
                index.motto = Some(plain(&text[2..text.len() - 2]));
            }
            Kind::Text(text) if !seen_list && section.is_empty() => index.about.push(plain(&text)),
            Kind::Bullet(text) => {
                seen_list = true;
                let as_attribute = labelled(&text);
                if section.contains("discipline") || get("discipline").is_some() {
                    if let Some((name, definition)) = as_attribute {
                        let id = get("discipline")
                            .and_then(|v| v.as_str().map(String::from))
                            .unwrap_or_else(|| kebab(&name));
                        index.disciplines.push(Discipline {
                            id,
                            name,
                            definition,
                        });
                        continue;
                    }
                }
                if section.contains("band") || get("band").is_some() {
                    if let Some((name, meaning)) = as_attribute {
                        let id = get("band")
                            .and_then(|v| v.as_str().map(String::from))
                            .unwrap_or_else(|| kebab(&name));
                        index.bands.push(Band { id, name, meaning });
                        continue;
                    }
                }
                if let Some(track) = get("track").and_then(|v| v.as_str().map(String::from)) {
                    let roles = get("roles")
                        .and_then(|v| serde_json::from_value::<Vec<String>>(v).ok())
                        .unwrap_or_default();
                    let name = as_attribute
                        .map(|(n, _)| n)
                        .or_else(|| {
                            text.strip_prefix("**")
                                .and_then(|r| r.split("**").next())
                                .map(plain)
                        })
                        .unwrap_or_else(|| track.clone());
                    index.tracks.push(Track {
                        id: track,
                        name,
                        roles,
                    });
                    continue;
                }
                match as_attribute {
                    Some((name, meaning)) => {
                        let id = get("attribute")
                            .and_then(|v| v.as_str().map(String::from))
                            .unwrap_or_else(|| kebab(&name));
                        index.attributes.push(Attribute { id, name, meaning });
                    }
                    None if get("dimension").is_some() || looks_like_dimension(&text) => {
                        index.dimensions.push(dimension_from(&text, meta.as_ref()));
                    }
                    None => index.about.push(plain(&format!("- {text}"))),
                }
            }
            Kind::Numbered(text) => {
                seen_list = true;
                match link_target(&text) {
                    Some(target) => index.order.push(target),
                    None => warnings.push(format!("{file}:{}: warning: could not place numbered item {:?}: it is not a link to a level page", line.number, plain(&text))),
                }
            }
            Kind::Text(_)
            | Kind::Quote(_)
            | Kind::Continuation(_)
            | Kind::DetailsOpen
            | Kind::DetailsClose => {
                warnings.push(format!(
                    "{file}:{}: warning: could not place {:?}",
                    line.number,
                    crate::text::escape_controls(trimmed)
                ));
            }
        }
    }
    index
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

fn dimension_from(text: &str, meta: Option<&Value>) -> Dimension {
    // "🦉 Domain Expertise (themes: a, b)": the parenthesis lists theme names for people.
    let text = match text.rfind(" (themes:") {
        Some(i) => &text[..i],
        None => text,
    };
    let get = |key: &str| meta.and_then(|m| m.get(key));
    let text = plain(text);
    // The export names the emoji in its comment; take exactly that off the front.
    let (emoji, name) = match get("emoji")
        .and_then(Value::as_str)
        .and_then(|e| text.strip_prefix(e))
    {
        Some(rest) => (None, rest.trim().to_string()),
        None => split_emoji(&text),
    };
    Dimension {
        id: get("dimension")
            .and_then(Value::as_str)
            .map(String::from)
            .unwrap_or_else(|| kebab(&name)),
        emoji: match get("emoji") {
            Some(Value::String(e)) => Some(e.clone()),
            Some(_) => None,
            None => emoji,
        },
        themes: get("themes")
            .and_then(|v| serde_json::from_value::<Vec<ThemeMeta>>(v.clone()).ok())
            .unwrap_or_default()
            .into_iter()
            .map(|t| Theme {
                id: t.id,
                name: t.name,
            })
            .collect(),
        name,
    }
}

#[derive(serde::Deserialize)]
struct ThemeMeta {
    id: String,
    name: String,
}

/// The target of a `[text](target)` link.
fn link_target(text: &str) -> Option<String> {
    let start = text.find("](")? + 2;
    let end = start + text[start..].find(')')?;
    Some(text[start..end].trim().to_string())
}

// ---------------------------------------------------------------- level pages

#[derive(Debug)]
struct Page {
    file: String,
    id: Option<String>,
    level: String,
    title: String,
    summary: Option<String>,
    /// (label, value, attribute id from a comment, line)
    attributes: Vec<(String, String, Option<String>, usize)>,
    sections: Vec<Section>,
}

#[derive(Debug)]
struct Section {
    heading: String,
    emoji: Option<String>,
    id: Option<String>,
    line: usize,
    expectations: Vec<Expectation>,
    examples: Vec<String>,
}

fn parse_page(file: &str, lines: &[Line], warnings: &mut Vec<String>) -> Option<Page> {
    let mut iter = lines
        .iter()
        .map(|l| (l.number, classify(&l.text), l.text.trim().to_string()))
        .peekable();
    // The first heading names the level and the title: `# L3: Senior Security Engineer`.
    let (level, title, id) = loop {
        let (number, (kind, meta), raw) = iter.next()?;
        match kind {
            Kind::Blank | Kind::Comment => continue,
            Kind::Heading(1, text) => {
                let (level, title) = match text.split_once(':') {
                    Some((level, title)) => (plain(level), plain(title)),
                    None => {
                        // `# Senior Engineer` in `L3-Senior-Engineer.md`: the level from the name.
                        let level = file.split(['-', '.']).next().unwrap_or("").to_string();
                        warnings.push(format!("{file}:{number}: warning: heading {:?} has no `LEVEL:` prefix; took level {level:?} from the file name", plain(&text)));
                        (level, plain(&text))
                    }
                };
                let mut id = meta
                    .as_ref()
                    .and_then(|m| m.get("role"))
                    .and_then(Value::as_str)
                    .map(String::from);
                // The export puts the role's comment on the line after the heading.
                if let Some((_, (Kind::Comment, Some(m)), _)) = iter.peek() {
                    if let Some(r) = m.get("role").and_then(Value::as_str) {
                        id = Some(r.to_string());
                    }
                    iter.next();
                }
                break (level, title, id);
            }
            _ => {
                let _ = raw;
                return None;
            }
        }
    };
    if level.is_empty() || title.is_empty() {
        return None;
    }
    let mut page = Page {
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
    };
    let mut quote: Vec<String> = Vec::new();
    let mut in_details = false;
    // What the last bullet went into, for continuation lines: (is_example).
    let mut last: Option<bool> = None;
    let mut before_sections = true;
    for (number, (kind, meta), raw) in iter {
        let get = |key: &str| {
            meta.as_ref()
                .and_then(|m| m.get(key))
                .and_then(Value::as_str)
                .map(String::from)
        };
        match kind {
            Kind::Blank | Kind::Comment => {}
            Kind::Quote(text) if before_sections && page.attributes.is_empty() => quote.push(text),
            Kind::Heading(2, text) => {
                before_sections = false;
                in_details = false;
                last = None;
                let (emoji, name) = split_emoji(&text);
                page.sections.push(Section {
                    heading: plain(&name),
                    emoji,
                    id: get("dimension"),
                    line: number,
                    expectations: Vec::new(),
                    examples: Vec::new(),
                });
            }
            Kind::Bullet(text) if before_sections => match labelled(&text) {
                Some((label, value)) => page.attributes.push((label, value, get("attribute"), number)),
                None => warnings.push(format!("{file}:{number}: warning: could not place {:?}: a bullet before the first dimension that is not `**Attribute**: value`", plain(&text))),
            },
            Kind::Bullet(text) => {
                let Some(section) = page.sections.last_mut() else { continue };
                if in_details {
                    section.examples.push(plain(&text));
                    last = Some(true);
                } else {
                    section.expectations.push(Expectation {
                        theme: get("theme"),
                        text: plain(&text),
                    });
                    last = Some(false);
                }
            }
            Kind::Continuation(text) => {
                let section = page.sections.last_mut();
                let target = match (last, section) {
                    (Some(true), Some(s)) => s.examples.last_mut(),
                    (Some(false), Some(s)) => s.expectations.last_mut().map(|e| &mut e.text),
                    _ => None,
                };
                match target {
                    Some(t) => {
                        t.push(' ');
                        t.push_str(&plain(&text));
                    }
                    None if before_sections && !quote.is_empty() && page.attributes.is_empty() => quote.push(text),
                    None => warnings.push(format!("{file}:{number}: warning: could not place {:?}", plain(&text))),
                }
            }
            Kind::DetailsOpen => {
                in_details = true;
                last = None;
            }
            Kind::DetailsClose => {
                in_details = false;
                last = None;
            }
            Kind::Text(text) if text.starts_with("---") || text.starts_with("[Back to") => {}
            Kind::Heading(..) | Kind::Quote(_) | Kind::Numbered(_) | Kind::Text(_) => {
                if raw.starts_with("[") && page.sections.is_empty() {
                    continue;
                }
                let words = crate::text::escape_controls(&raw).into_owned();
                warnings.push(format!("{file}:{number}: warning: could not place {words:?}"));
            }
        }
    }
    if !quote.is_empty() {
        page.summary = Some(plain(&quote.join(" ")));
    }
    Some(page)
}

// ---------------------------------------------------------------- putting it together

fn assemble(
    dir: &Path,
    index: Index,
    mut pages: Vec<Page>,
    warnings: &mut Vec<String>,
    notes: &mut Vec<String>,
) -> Ladder {
    // Ladder order: the index's numbered list, then the pages it does not list.
    let position = |p: &Page| {
        index
            .order
            .iter()
            .position(|f| f == &p.file)
            .unwrap_or(usize::MAX)
    };
    pages.sort_by_key(|p| position(p));
    for page in &pages {
        if !index.order.is_empty() && position(page) == usize::MAX {
            warnings.push(format!(
                "{}:1: warning: the index does not list this page; it comes after those it lists",
                page.file
            ));
        }
    }

    let mut levels = index.levels.clone().unwrap_or_else(|| {
        let mut levels: Vec<String> = Vec::new();
        for p in &pages {
            if !levels.contains(&p.level) {
                levels.push(p.level.clone());
            }
        }
        levels.sort_by_key(|l| natural_key(l));
        levels
    });
    for p in &pages {
        if !levels.contains(&p.level) {
            levels.push(p.level.clone());
        }
    }

    // Attributes: the index's, then any label a page uses that matches none of them.
    let mut attributes = index.attributes.clone();
    for page in &pages {
        for (label, _, id, line) in &page.attributes {
            let known = attributes
                .iter()
                .any(|a| id.as_ref() == Some(&a.id) || same_attribute(&a.name, label));
            if !known {
                warnings.push(format!("{}:{line}: warning: attribute {label:?} is not defined on the index page; added without a meaning", page.file));
                attributes.push(Attribute {
                    id: id.clone().unwrap_or_else(|| kebab(label)),
                    name: label.clone(),
                    meaning: format!("{label}, as the level pages state it."),
                });
            }
        }
    }

    // Dimensions: the index's, then any section heading that matches none of them.
    let mut dimensions = index.dimensions.clone();
    for page in &pages {
        for s in &page.sections {
            let known = dimensions
                .iter()
                .any(|d| s.id.as_ref() == Some(&d.id) || same_name(&d.name, &s.heading));
            if !known {
                let others = pages
                    .iter()
                    .filter(|p| p.sections.iter().any(|x| same_name(&x.heading, &s.heading)))
                    .count();
                warnings.push(format!(
                    "{}:{}: warning: dimension {:?} is not on the index page{}; added as a dimension of its own",
                    page.file,
                    s.line,
                    s.heading,
                    if others == 1 { " and no other page has it" } else { "" }
                ));
                dimensions.push(Dimension {
                    id: s.id.clone().unwrap_or_else(|| kebab(&s.heading)),
                    name: s.heading.clone(),
                    emoji: s.emoji.clone(),
                    themes: Vec::new(),
                });
            }
        }
    }

    let mut roles = Vec::new();
    for page in &pages {
        let id = page
            .id
            .clone()
            .unwrap_or_else(|| format!("{}-{}", page.level, kebab(&page.title)));
        let mut values = BTreeMap::new();
        for (label, value, aid, line) in &page.attributes {
            let attribute = attributes
                .iter()
                .find(|a| aid.as_ref() == Some(&a.id) || same_name(&a.name, label))
                .or_else(|| attributes.iter().find(|a| same_attribute(&a.name, label)));
            let Some(attribute) = attribute else { continue };
            if !same_name(&attribute.name, label) && aid.is_none() {
                let note = format!(
                    "mapped attribute label {label:?} to {:?} ({}:{line})",
                    attribute.name, page.file
                );
                notes.push(note);
            }
            if value != "—" {
                values.insert(attribute.id.clone(), value.clone());
            }
        }
        for attribute in &attributes {
            if !values.contains_key(&attribute.id)
                && !page.attributes.iter().any(|(_, v, ..)| v == "—")
            {
                warnings.push(format!(
                    "{}:1: warning: no value for attribute {:?}",
                    page.file, attribute.name
                ));
            }
        }
        let mut role_dimensions = BTreeMap::new();
        for s in &page.sections {
            let Some(d) = dimensions
                .iter()
                .find(|d| s.id.as_ref() == Some(&d.id) || same_name(&d.name, &s.heading))
            else {
                continue;
            };
            if s.expectations.is_empty() && s.examples.is_empty() {
                continue;
            }
            if s.examples.is_empty() {
                warnings.push(format!(
                    "{}:{}: warning: dimension {:?} has no examples",
                    page.file, s.line, s.heading
                ));
            }
            let rd: &mut RoleDimension = role_dimensions.entry(d.id.clone()).or_default();
            rd.expectations.extend(s.expectations.iter().cloned());
            rd.examples.extend(s.examples.iter().cloned());
        }
        let summary = page.summary.clone().unwrap_or_else(|| {
            warnings.push(format!("{}:1: warning: no quoted self-description after the heading; the summary is left as the title", page.file));
            page.title.clone()
        });
        roles.push(Role {
            id,
            level: page.level.clone(),
            title: page.title.clone(),
            summary,
            attributes: values,
            dimensions: role_dimensions,
        });
    }

    let tracks = if index.tracks.is_empty() {
        let tracks = infer_tracks(&roles, &levels);
        for t in &tracks {
            notes.push(format!("inferred track {}: {}", t.id, t.roles.join(" → ")));
        }
        tracks
    } else {
        index.tracks.clone()
    };

    let name = index.name.clone().unwrap_or_else(|| {
        dir.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Imported ladder".to_string())
    });
    let about = (!index.about.is_empty()).then(|| index.about.join("\n"));
    Ladder {
        name,
        motto: index.motto,
        about,
        levels,
        disciplines: index.disciplines,
        attributes,
        dimensions,
        bands: index.bands,
        tracks,
        roles,
        lookup: Default::default(),
    }
}

/// Sorts `L2` before `L10`: letters compared as text, runs of digits as numbers.
fn natural_key(level: &str) -> (String, u64) {
    let digits: String = level.chars().filter(|c| c.is_ascii_digit()).collect();
    let letters: String = level.chars().filter(|c| !c.is_ascii_digit()).collect();
    (letters.to_lowercase(), digits.parse().unwrap_or(0))
}

/// Tracks for pages that do not name them, by this rule:
///
/// 1. A role's family is its title without seniority words (junior, senior, staff,
///    principal, associate, graduate): "Senior Security Analyst" is a "Security Analyst".
/// 2. When the highest level has exactly one role and its family has no other, that role
///    closes every track (a lead whom every path reaches).
/// 3. Every other family is a track, its roles in level order. A family whose name ends with
///    another family's name ("Cloud Security Engineer" ends with "Security Engineer")
///    branches from it: the track starts with that family's roles below its own first level.
/// 4. A track's id is the family's last word (`analyst`); when taken, its first word
///    (`cloud`); when that is taken too, the whole family in kebab-case.
pub fn infer_tracks(roles: &[Role], levels: &[String]) -> Vec<Track> {
    let rank = |r: &Role| {
        levels
            .iter()
            .position(|l| *l == r.level)
            .unwrap_or(usize::MAX)
    };
    let family = |r: &Role| -> Vec<String> {
        r.title
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .filter(|w| !SENIORITY.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
            .collect()
    };
    let top = roles.iter().map(rank).max();
    let at_top: Vec<&Role> = roles.iter().filter(|r| Some(rank(r)) == top).collect();
    let closer = match at_top.as_slice() {
        [one]
            if roles.iter().filter(|r| family(r) == family(one)).count() == 1
                && roles.len() > 1 =>
        {
            Some(*one)
        }
        _ => None,
    };
    let mut families: Vec<(Vec<String>, Vec<&Role>)> = Vec::new();
    for role in roles
        .iter()
        .filter(|r| Some(r.id.as_str()) != closer.map(|c| c.id.as_str()))
    {
        let f = family(role);
        match families.iter_mut().find(|(name, _)| *name == f) {
            Some((_, members)) => members.push(role),
            None => families.push((f, vec![role])),
        }
    }
    let mut tracks: Vec<Track> = Vec::new();
    for (name, members) in &families {
        let mut members = members.clone();
        members.sort_by_key(|r| rank(r));
        let first = members.first().map(|r| rank(r)).unwrap_or(0);
        let parent = families
            .iter()
            .filter(|(other, _)| other.len() < name.len() && name.ends_with(other))
            .max_by_key(|(other, _)| other.len());
        let mut path: Vec<&Role> = match parent {
            Some((_, parents)) => {
                let mut below: Vec<&Role> = parents
                    .iter()
                    .copied()
                    .filter(|r| rank(r) < first)
                    .collect();
                below.sort_by_key(|r| rank(r));
                below
            }
            None => Vec::new(),
        };
        path.extend(members);
        if let Some(c) = closer {
            path.push(c);
        }
        let last = name.last().cloned().unwrap_or_default();
        let first_word = name.first().cloned().unwrap_or_default();
        let id = [kebab(&last), kebab(&first_word), kebab(&name.join(" "))]
            .into_iter()
            .find(|id| !id.is_empty() && !tracks.iter().any(|t| &t.id == id))
            .unwrap_or_else(|| format!("track-{}", tracks.len() + 1));
        let display = members_title(&path, name);
        tracks.push(Track {
            id,
            name: display,
            roles: path.iter().map(|r| r.id.clone()).collect(),
        });
    }
    tracks
}

/// The family's words with their capitals, taken from a member's title.
fn members_title(path: &[&Role], family: &[String]) -> String {
    for role in path {
        let words: Vec<&str> = role
            .title
            .split_whitespace()
            .filter(|w| family.contains(&w.to_lowercase()))
            .collect();
        if words.len() == family.len() {
            return words.join(" ");
        }
    }
    family.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn the_embedded_tracks_are_inferred_from_titles_and_levels() {
        let ladder = Ladder::embedded();
        let inferred = infer_tracks(&ladder.roles, &ladder.levels);
        let simple: Vec<(&str, Vec<&str>)> = inferred
            .iter()
            .map(|t| (t.id.as_str(), t.roles.iter().map(String::as_str).collect()))
            .collect();
        let embedded: Vec<(&str, Vec<&str>)> = ladder
            .tracks
            .iter()
            .map(|t| (t.id.as_str(), t.roles.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(simple, embedded);
    }
}
