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

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::files;
use crate::load;
use crate::model::{
    Attribute, Band, Dimension, Discipline, Expectation, Ladder, Role, RoleDimension, Theme, Track,
};
use crate::validate::Seg;

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
    /// The page each role was read from, in the order of `ladder.roles`.
    pub pages: Vec<String>,
    /// The index page's file name, or the folder when it has none: where the rest came from.
    pub index: String,
}

/// The most Markdown `ladder import` reads from one folder, all pages together: the same cap
/// as one ladder file ([`load::MAX_BYTES`], 64 MiB), since the pages become one ladder file.
pub const MAX_TOTAL_BYTES: u64 = load::MAX_BYTES;

/// Imports every Markdown page of `dir`.
///
/// Only regular files whose real path lies inside `dir` are read: a page or index that is a
/// symbolic link out of the folder (or anything else that is not a regular file) is skipped
/// with a warning, so importing a folder someone else prepared cannot read files beside it.
pub fn import(dir: &Path) -> Result<Imported> {
    let mut warnings = Vec::new();
    let files = pages_inside(dir, &mut warnings)?;
    let mut index = None;
    let mut pages = Vec::new();
    for file in &files {
        let name = &file.name;
        let text = read_found(file)?;
        let lines = lines_of(&text);
        if name.eq_ignore_ascii_case("README.md") || name.eq_ignore_ascii_case("index.md") {
            index = Some((name.clone(), parse_index(name, &lines, &mut warnings)));
        } else {
            match parse_page(name, &lines, &mut warnings) {
                Some(page) => pages.push(page),
                None => warnings.push(format!("{name}:1: warning: no `# LEVEL: Title` heading; the page is not a level page and was skipped")),
            }
        }
    }
    let shown = files::shown(dir);
    let index_file = index
        .as_ref()
        .map_or(shown.clone(), |(name, _)| name.clone());
    let index = index.map(|(_, index)| index);
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
    let (ladder, pages) = assemble(dir, index, pages, &mut warnings, &mut notes);
    Ok(Imported {
        ladder,
        warnings,
        notes,
        pages,
        index: index_file,
    })
}

/// The `.md` files of `dir` that may be read, by name (sorted) with their real paths.
///
/// Refuses the whole folder when the pages add up to more than [`MAX_TOTAL_BYTES`], before
/// reading any of them.
fn pages_inside(dir: &Path, warnings: &mut Vec<String>) -> Result<Vec<Found>> {
    let shown = files::shown(dir);
    let root = fs::canonicalize(dir).with_context(|| format!("cannot read directory {shown:?}"))?;
    let entries =
        fs::read_dir(&root).with_context(|| format!("cannot read directory {shown:?}"))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.to_lowercase().ends_with(".md"))
        .collect();
    names.sort();
    let mut found = Vec::new();
    let mut total: u64 = 0;
    for name in names {
        let path = root.join(&name);
        // The real path, with every link resolved, must be a regular file in the folder itself.
        let real = fs::canonicalize(&path).ok();
        let regular = real
            .as_ref()
            .and_then(|r| fs::metadata(r).ok())
            .filter(|m| m.is_file());
        match (real, regular) {
            (Some(real), Some(meta)) if real.starts_with(&root) => {
                total = total.saturating_add(meta.len());
                found.push(Found { name, real, meta });
            }
            _ => warnings.push(format!(
                "{name}: warning: not a regular file inside {shown}; skipped without reading it"
            )),
        }
    }
    if total > MAX_TOTAL_BYTES {
        bail!(
            "the Markdown pages in {shown:?} hold {total} bytes, over the limit of {MAX_TOTAL_BYTES} (64 MiB) for one import"
        );
    }
    Ok(found)
}

/// The comment atop the TOML of an imported ladder.
const HEADER: &str =
    "# Imported by `ladder import` from Markdown pages; check the tracks and themes.\n";

/// Writes the TOML of an imported ladder, with a comment atop and every unsafe character
/// escaped (see [`crate::ladder_toml`]), so that printing it cannot drive a terminal.
pub fn write_toml(
    ladder: &Ladder,
    out: &mut (impl std::io::Write + ?Sized),
) -> std::io::Result<()> {
    out.write_all(HEADER.as_bytes())?;
    crate::ladder_toml::write(ladder, out)
}

/// The TOML of an imported ladder as text (see [`write_toml`]).
pub fn to_toml(ladder: &Ladder) -> Result<String> {
    let body = crate::ladder_toml::to_string(ladder).context("cannot write the ladder as TOML")?;
    Ok(format!("{HEADER}{body}"))
}

/// How many bytes [`write_toml`] writes, found without holding the text.
pub fn toml_size(ladder: &Ladder) -> Result<u64> {
    let body = crate::ladder_toml::size(ladder).context("cannot write the ladder as TOML")?;
    Ok(HEADER.len() as u64 + body)
}

/// Fails when the imported ladder has an error that would keep every command from loading it,
/// naming the page to fix and what it lacks: `S2-Support-Engineer.md: no value for attribute
/// "Planning horizon"`, then how many more errors there are.
pub fn check(imported: &Imported) -> Result<()> {
    let errors = crate::validate::errors(&imported.ladder);
    let Some(first) = errors.first() else {
        return Ok(());
    };
    let (page, message) = missing_text(imported).unwrap_or_else(|| {
        let page = match first.at.as_slice() {
            [Seg::Key(key), Seg::Index(i), ..] if key == "role" => imported.pages.get(*i),
            _ => None,
        };
        let at = path_of(&first.at);
        (
            page.unwrap_or(&imported.index).clone(),
            format!("{} (at {at})", first.message),
        )
    });
    let more = match errors.len() - 1 {
        0 => String::new(),
        n => format!(" (and {n} more errors in the imported ladder)"),
    };
    bail!(
        "{}",
        crate::text::escape_controls(&format!("{page}: {message}{more}"))
    )
}

/// The first attribute value a page lacks, or meaning the index lacks: the errors an import
/// most often meets, described as the handbook's author would look for them.
fn missing_text(imported: &Imported) -> Option<(String, String)> {
    let ladder = &imported.ladder;
    for (role, page) in ladder.roles.iter().zip(&imported.pages) {
        for a in &ladder.attributes {
            if role.attributes.get(&a.id).is_none_or(|v| v.is_empty()) {
                return Some((page.clone(), format!("no value for attribute {:?}", a.name)));
            }
        }
    }
    let a = ladder.attributes.iter().find(|a| a.meaning.is_empty())?;
    Some((
        imported.index.clone(),
        format!("no meaning for attribute {:?}", a.name),
    ))
}

/// A finding's place in the TOML as a dotted path: `role[0].dimensions.delivery`.
fn path_of(at: &[Seg]) -> String {
    let mut path = String::new();
    for seg in at {
        match seg {
            Seg::Key(key) if path.is_empty() => path.push_str(key),
            Seg::Key(key) => {
                path.push('.');
                path.push_str(key);
            }
            Seg::Index(i) => path.push_str(&format!("[{i}]")),
        }
    }
    path
}

/// Fails when the TOML, `size` bytes of it, is larger than any command reads
/// ([`load::MAX_BYTES`]): the pages fit under [`MAX_TOTAL_BYTES`], but TOML spells a ladder out
/// at more length than Markdown.
pub fn check_size(size: u64) -> Result<()> {
    if size > load::MAX_BYTES {
        bail!(
            "the imported ladder would be {size} bytes of TOML, over the limit of {} (64 MiB) that every command reads",
            load::MAX_BYTES
        );
    }
    Ok(())
}

/// A page found in the folder: its name there, its real path, and what it was when checked.
struct Found {
    name: String,
    real: PathBuf,
    meta: fs::Metadata,
}

/// Reads a page found by [`pages_inside`], refusing it when the file opened is not the one
/// checked (it was replaced, say by a link out of the folder, in between).
fn read_found(found: &Found) -> Result<String> {
    let shown = crate::text::escape_controls(&found.name).into_owned();
    let file = File::open(&found.real).with_context(|| format!("cannot read page {shown:?}"))?;
    let meta = file
        .metadata()
        .with_context(|| format!("cannot read page {shown:?}"))?;
    if !meta.is_file() || !same_file(&meta, &found.meta) {
        bail!("page {shown:?} changed while it was being imported; try again");
    }
    // No more than was counted against the cap: a page that grew since is refused, not cut.
    let counted = found.meta.len().min(MAX_TOTAL_BYTES);
    let mut bytes = Vec::with_capacity(counted as usize + 1);
    file.take(counted + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read page {shown:?}"))?;
    if bytes.len() as u64 > counted {
        bail!("page {shown:?} changed while it was being imported; try again");
    }
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "page {shown:?} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    a.len() == b.len()
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

/// Removes a `<!-- ladder {json} -->` comment from the end of the line and parses its JSON.
///
/// Only where the export writes one: last on the line, its `<` not backslash-escaped, its JSON
/// valid. Anywhere else the words are text, so that text which merely looks like a comment
/// (the export writes a `<` in text as `\<`) reads back as it was written.
fn take_meta(line: &str) -> (String, Option<Value>) {
    const OPEN: &str = "<!-- ladder ";
    let body = line.trim_end();
    let found = body
        .strip_suffix("-->")
        .and_then(|inner| inner.rfind(OPEN).map(|start| (start, inner)));
    if let Some((start, inner)) = found {
        if !escaped_at(line, start) {
            if let Ok(value) = serde_json::from_str(inner[start + OPEN.len()..].trim()) {
                return (line[..start].trim_end().to_string(), Some(value));
            }
        }
    }
    (line.to_string(), None)
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
/// The rule that `Names::find_attribute` follows through its maps.
#[cfg(test)]
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

fn parse_index(file: &str, lines: &[Line<'_>], warnings: &mut Vec<String>) -> Index {
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
        let (kind, meta) = classify(line.text);
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

fn parse_page(file: &str, lines: &[Line<'_>], warnings: &mut Vec<String>) -> Option<Page> {
    let mut iter = lines
        .iter()
        .map(|l| (l.number, classify(l.text), l.text.trim()))
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
                let words = crate::text::escape_controls(raw).into_owned();
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

/// The ladder the index and pages describe, and the page each of its roles came from.
///
/// Every lookup of a name goes through a hash map ([`Names`]), so the work grows with the
/// number of headings and bullets, not with its square.
fn assemble(
    dir: &Path,
    index: Index,
    pages: Vec<Page>,
    warnings: &mut Vec<String>,
    notes: &mut Vec<String>,
) -> (Ladder, Vec<String>) {
    let pages = in_ladder_order(&index, pages, warnings);
    let levels = levels_of(&index, &pages);
    let (attributes, attribute_names) = gather_attributes(&index, &pages, warnings);
    let (dimensions, dimension_names) = gather_dimensions(&index, &pages, warnings);
    let known = Known {
        attributes: &attributes,
        attribute_names: &attribute_names,
        dimensions: &dimensions,
        dimension_names: &dimension_names,
    };
    let mut roles = Vec::with_capacity(pages.len());
    let mut files = Vec::with_capacity(pages.len());
    for mut page in pages {
        // The page's statements move into the role: a large page is never held twice.
        let sections = std::mem::take(&mut page.sections);
        roles.push(role_of(&page, sections, &known, warnings, notes));
        files.push(page.file);
    }
    let tracks = if index.tracks.is_empty() {
        let tracks = infer_tracks(&roles, &levels);
        for t in &tracks {
            notes.push(format!("inferred track {}: {}", t.id, t.roles.join(" → ")));
        }
        tracks
    } else {
        index.tracks
    };
    let name = index.name.unwrap_or_else(|| {
        dir.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Imported ladder".to_string())
    });
    let about = (!index.about.is_empty()).then(|| index.about.join("\n"));
    let ladder = Ladder {
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
    };
    (ladder, files)
}

/// Attributes or dimensions found by id, by name as [`same_name`] compares names, and by the
/// stem that labels of one attribute share (`Evaluation`, `Evaluated by`); each key keeps the first entry that had it.
#[derive(Default)]
struct Names {
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    by_stem: HashMap<String, usize>,
}

impl Names {
    fn add(&mut self, at: usize, id: &str, name: &str) {
        self.by_id.entry(id.to_string()).or_insert(at);
        self.by_name.entry(kebab(name)).or_insert(at);
        if let Some(stem) = stem_of(name) {
            self.by_stem.entry(stem).or_insert(at);
        }
    }

    /// The first entry with this id or the same name.
    fn find(&self, id: Option<&String>, name: &str) -> Option<usize> {
        let by_id = id.and_then(|id| self.by_id.get(id)).copied();
        let by_name = self.by_name.get(&kebab(name)).copied();
        by_id.into_iter().chain(by_name).min()
    }

    /// As [`Names::find`], then the first entry whose name shares the stem.
    fn find_attribute(&self, id: Option<&String>, name: &str) -> Option<usize> {
        self.find(id, name)
            .or_else(|| stem_of(name).and_then(|s| self.by_stem.get(&s).copied()))
    }
}

/// The first five letters of a name's first word, when it has five: what two labels of one
/// attribute share when their names differ.
fn stem_of(name: &str) -> Option<String> {
    let key = kebab(name);
    let first = key.split('-').next().unwrap_or("");
    (first.chars().count() >= 5).then(|| first.chars().take(5).collect())
}

/// What a role's page is read against: the ladder's attributes and dimensions.
struct Known<'a> {
    attributes: &'a [Attribute],
    attribute_names: &'a Names,
    dimensions: &'a [Dimension],
    dimension_names: &'a Names,
}

/// Ladder order: the index's numbered list, then the pages it does not list.
fn in_ladder_order(index: &Index, mut pages: Vec<Page>, warnings: &mut Vec<String>) -> Vec<Page> {
    let mut listed: HashMap<&str, usize> = HashMap::new();
    for (i, file) in index.order.iter().enumerate() {
        listed.entry(file.as_str()).or_insert(i);
    }
    let position = |p: &Page| listed.get(p.file.as_str()).copied().unwrap_or(usize::MAX);
    pages.sort_by_key(|p| position(p));
    for page in &pages {
        if !index.order.is_empty() && position(page) == usize::MAX {
            warnings.push(format!(
                "{}:1: warning: the index does not list this page; it comes after those it lists",
                page.file
            ));
        }
    }
    pages
}

/// The index's levels, or the pages' in natural order; then any level only a page names.
fn levels_of(index: &Index, pages: &[Page]) -> Vec<String> {
    let mut levels = index.levels.clone().unwrap_or_else(|| {
        let mut seen = HashSet::new();
        let mut levels: Vec<String> = pages
            .iter()
            .filter(|p| seen.insert(p.level.as_str()))
            .map(|p| p.level.clone())
            .collect();
        levels.sort_by_key(|l| natural_key(l));
        levels
    });
    let mut seen: HashSet<String> = levels.iter().cloned().collect();
    for p in pages {
        if seen.insert(p.level.clone()) {
            levels.push(p.level.clone());
        }
    }
    levels
}

/// Attributes: the index's, then any label a page uses that matches none of them.
fn gather_attributes(
    index: &Index,
    pages: &[Page],
    warnings: &mut Vec<String>,
) -> (Vec<Attribute>, Names) {
    let mut attributes = index.attributes.clone();
    let mut names = Names::default();
    for (i, a) in attributes.iter().enumerate() {
        names.add(i, &a.id, &a.name);
    }
    for page in pages {
        for (label, _, id, line) in &page.attributes {
            if names.find_attribute(id.as_ref(), label).is_none() {
                warnings.push(format!("{}:{line}: warning: attribute {label:?} is not defined on the index page; added without a meaning", page.file));
                let id = id.clone().unwrap_or_else(|| kebab(label));
                names.add(attributes.len(), &id, label);
                attributes.push(Attribute {
                    id,
                    name: label.clone(),
                    meaning: format!("{label}, as the level pages state it."),
                });
            }
        }
    }
    (attributes, names)
}

/// Dimensions: the index's, then any section heading that matches none of them.
fn gather_dimensions(
    index: &Index,
    pages: &[Page],
    warnings: &mut Vec<String>,
) -> (Vec<Dimension>, Names) {
    let mut dimensions = index.dimensions.clone();
    let mut names = Names::default();
    for (i, d) in dimensions.iter().enumerate() {
        names.add(i, &d.id, &d.name);
    }
    // How many pages have a heading of each name, counted once: for the warning below.
    let mut pages_with: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let keys: HashSet<String> = page.sections.iter().map(|s| kebab(&s.heading)).collect();
        for key in keys {
            *pages_with.entry(key).or_default() += 1;
        }
    }
    for page in pages {
        for s in &page.sections {
            if names.find(s.id.as_ref(), &s.heading).is_some() {
                continue;
            }
            let others = pages_with.get(&kebab(&s.heading)).copied().unwrap_or(0);
            warnings.push(format!(
                "{}:{}: warning: dimension {:?} is not on the index page{}; added as a dimension of its own",
                page.file,
                s.line,
                s.heading,
                if others == 1 { " and no other page has it" } else { "" }
            ));
            let id = s.id.clone().unwrap_or_else(|| kebab(&s.heading));
            names.add(dimensions.len(), &id, &s.heading);
            dimensions.push(Dimension {
                id,
                name: s.heading.clone(),
                emoji: s.emoji.clone(),
                themes: Vec::new(),
            });
        }
    }
    (dimensions, names)
}

/// One page read as a role of the ladder, with its `sections` (taken out of it) moved in.
fn role_of(
    page: &Page,
    sections: Vec<Section>,
    known: &Known<'_>,
    warnings: &mut Vec<String>,
    notes: &mut Vec<String>,
) -> Role {
    let id = page
        .id
        .clone()
        .unwrap_or_else(|| format!("{}-{}", page.level, kebab(&page.title)));
    let mut values = BTreeMap::new();
    for (label, value, aid, line) in &page.attributes {
        let Some(at) = known.attribute_names.find_attribute(aid.as_ref(), label) else {
            continue;
        };
        let attribute = &known.attributes[at];
        if !same_name(&attribute.name, label) && aid.is_none() {
            notes.push(format!(
                "mapped attribute label {label:?} to {:?} ({}:{line})",
                attribute.name, page.file
            ));
        }
        if value != "—" {
            values.insert(attribute.id.clone(), value.clone());
        }
    }
    // A page that writes `—` for a value says on purpose that it has none.
    let says_none = page.attributes.iter().any(|(_, v, ..)| v == "—");
    for attribute in known.attributes {
        if !values.contains_key(&attribute.id) && !says_none {
            warnings.push(format!(
                "{}:1: warning: no value for attribute {:?}",
                page.file, attribute.name
            ));
        }
    }
    let mut role_dimensions = BTreeMap::new();
    for s in sections {
        let Some(at) = known.dimension_names.find(s.id.as_ref(), &s.heading) else {
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
        let rd: &mut RoleDimension = role_dimensions
            .entry(known.dimensions[at].id.clone())
            .or_default();
        append(&mut rd.expectations, s.expectations);
        append(&mut rd.examples, s.examples);
    }
    let summary = page.summary.clone().unwrap_or_else(|| {
        warnings.push(format!("{}:1: warning: no quoted self-description after the heading; the summary is left as the title", page.file));
        page.title.clone()
    });
    Role {
        id,
        level: page.level.clone(),
        title: page.title.clone(),
        summary,
        attributes: values,
        dimensions: role_dimensions,
    }
}

/// Moves `more` to the end of `list`; into an empty list without copying.
fn append<T>(list: &mut Vec<T>, mut more: Vec<T>) {
    if list.is_empty() {
        *list = more;
    } else {
        list.append(&mut more);
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
        let ladder = crate::embedded::ladder();
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

    #[test]
    fn the_test_handbook_written_as_toml_loads_as_the_ladder_imported() {
        let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/handbook"));
        let imported = import(dir).expect("imports");
        check(&imported).expect("no errors");
        let text = to_toml(&imported.ladder).expect("written");
        assert_eq!(
            toml_size(&imported.ladder).expect("counted"),
            text.len() as u64
        );
        assert!(
            crate::load::chunks::split(&text).is_some(),
            "loads piece by piece"
        );
        let source = crate::source::Source {
            name: "imported.toml".into(),
            text,
        };
        assert_eq!(Ladder::load(&source).expect("loads"), imported.ladder);
    }
}
