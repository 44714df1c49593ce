//! A long sheet: one row per statement, in the columns `ladder show --all --format tsv` writes
//! (`role field dimension theme attribute text`), read back into a ladder. The rows say the
//! roles; a base ladder, when given, says what rows cannot hold (the ladder's name and about
//! text, the names and meanings of attributes, dimensions, themes and bands, the tracks' names
//! and order, each role's summary of a dimension); without one, those are made from the ids.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use anyhow::Result;

use super::{Base, Row, Rows};
use crate::handbook::assemble::{natural_key, undefined_meaning};
use crate::handbook::import::{Imported, cut_to_limits};
use crate::handbook::names::{kebab, name_of_id};
use crate::handbook::tracks::{infer_tracks, one_track, split_into_families};
use crate::handbook::warning::{Note, SheetShape, TrackFrom, Warning, WarningKind, Warnings};
use crate::model::{Attribute, Band, Dimension, Expectation, Ladder, Role, Theme, Track};
use crate::text::{is_safe_id, quoted};

/// The header of a long sheet, exactly.
const HEADER: [&str; 6] = ["role", "field", "dimension", "theme", "attribute", "text"];

/// The fields of a long sheet's rows.
const FIELDS: [&str; 8] = [
    "level",
    "title",
    "track",
    "summary",
    "band",
    "attribute",
    "expectation",
    "example",
];

/// Whether a sheet's header is the long one.
pub(super) fn is_header(header: &[String]) -> bool {
    header.len() == HEADER.len() && header.iter().zip(HEADER).all(|(a, b)| a == b)
}

/// Reads the rows of a long sheet into a ladder, with `base` for what rows cannot hold.
pub(super) fn read(
    mut rows: Rows<'_>,
    base: Option<Base<'_>>,
    name: Option<String>,
    stem: &str,
) -> Result<Imported> {
    let mut sheet = Sheet::default();
    while let Some(row) = rows.next()? {
        sheet
            .row(&row)
            .map_err(|message| rows.error(row.line, message))?;
    }
    for r in &sheet.roles {
        let lacks = [
            ("level", r.level),
            ("title", r.title),
            ("summary", r.summary),
        ];
        if let Some((field, _)) = lacks.iter().find(|(_, line)| line.is_none()) {
            let message = format!("role {} has no {field} row", quoted(&r.role.id));
            return Err(rows.error(r.line, message));
        }
    }
    let file = rows.sheet.file.clone();
    let mut warnings = Warnings::default();
    let mut notes = vec![Note::Sheet {
        file: file.clone(),
        shape: SheetShape::Long {
            base: base.as_ref().map(|b| b.shown.clone()),
        },
    }];
    let pages: Vec<String> = sheet
        .roles
        .iter()
        .map(|r| format!("{file}:{}", r.line))
        .collect();
    let mut ladder = match &base {
        Some(base) => with_base(sheet, base.ladder, &file, &mut warnings),
        None => {
            warnings.push(Warning::on(&file, WarningKind::NoBase));
            without_base(sheet, stem, &mut notes)?
        }
    };
    if let Some(name) = name {
        ladder.name = name;
    }
    cut_to_limits(&mut ladder, &pages, &file, &mut warnings);
    let plan = super::plan_of(&ladder);
    Ok(Imported {
        ladder,
        warnings,
        notes,
        pages,
        index: file,
        root: rows.sheet.folder,
        read: 1,
        plan,
    })
}

/// What the rows of a sheet say, gathered in one pass: the roles in the order first met, and
/// the ids of every kind in the order first met, each with the line of its first row.
#[derive(Default)]
struct Sheet {
    roles: Vec<RoleRows>,
    by_id: HashMap<String, usize>,
    levels: Firsts<String>,
    attributes: Firsts<String>,
    dimensions: Firsts<String>,
    /// (dimension, theme) pairs.
    themes: Firsts<(String, String)>,
    /// Band names: a sheet has no band ids.
    bands: Firsts<String>,
    tracks: Firsts<String>,
}

/// One role as its rows state it, and the lines of the rows that may come once.
struct RoleRows {
    role: Role,
    /// The line of its first row.
    line: usize,
    level: Option<usize>,
    title: Option<usize>,
    summary: Option<usize>,
    /// The tracks it is on, each once, in the order of its rows.
    tracks: Vec<String>,
    /// The lines of its attribute rows, by attribute id.
    stated: HashMap<String, usize>,
}

/// Keys in the order first met, each with the line it was first met on.
struct Firsts<K> {
    list: Vec<(K, usize)>,
    seen: HashSet<K>,
}

impl<K> Default for Firsts<K> {
    fn default() -> Self {
        Firsts {
            list: Vec::new(),
            seen: HashSet::new(),
        }
    }
}

impl<K: Hash + Eq + Clone> Firsts<K> {
    fn add(&mut self, key: K, line: usize) {
        if self.seen.insert(key.clone()) {
            self.list.push((key, line));
        }
    }
}

impl Sheet {
    /// Reads one row into its role; the error is the message for the row's line.
    fn row(&mut self, row: &Row) -> Result<(), String> {
        let id = row.trimmed(0);
        if id.is_empty() {
            return Err("no role id in the first column".into());
        }
        if !self.by_id.contains_key(id) && !is_safe_id(id) {
            return Err(format!(
                "role id {} is not an id: ids use only ASCII letters, digits, '-', '_' and '.', and start with a letter or digit",
                quoted(id)
            ));
        }
        let field = row.trimmed(1);
        let text = unescape(row.cells.get(5).unwrap_or(""));
        let lacks = |what: &str| format!("the {field} row of role {} {what}", quoted(id));
        if !FIELDS.contains(&field) {
            return Err(format!(
                "unknown field {}: a long sheet's fields are level, title, track, summary, band, attribute, expectation and example",
                quoted(field)
            ));
        }
        if text.trim().is_empty() && field != "attribute" {
            return Err(lacks("has no text"));
        }
        let at = self.role_at(id, row.line);
        match field {
            "level" | "title" | "summary" => self.once(at, field, text.into_owned(), row.line),
            "track" => {
                let track = text.trim().to_string();
                let r = &mut self.roles[at];
                if !r.tracks.contains(&track) {
                    r.tracks.push(track.clone());
                }
                self.tracks.add(track, row.line);
                Ok(())
            }
            "attribute" => match row.trimmed(4) {
                "" => Err(lacks("names no attribute")),
                attribute => self.attribute(at, attribute, text.into_owned(), row.line),
            },
            "expectation" | "example" => match row.trimmed(2) {
                "" => Err(lacks("names no dimension")),
                dimension => {
                    let theme = (field == "expectation").then(|| row.trimmed(3));
                    self.statement(at, dimension, theme, text.into_owned(), row.line);
                    Ok(())
                }
            },
            // `band`, the one field of `FIELDS` left.
            _ => {
                self.bands.add(text.into_owned(), row.line);
                Ok(())
            }
        }
    }

    /// A field a role has once: its level, title or summary; a second row of one is an error.
    fn once(&mut self, at: usize, field: &str, text: String, line: usize) -> Result<(), String> {
        let r = &mut self.roles[at];
        let (slot, value) = match field {
            "level" => (&mut r.level, &mut r.role.level),
            "title" => (&mut r.title, &mut r.role.title),
            _ => (&mut r.summary, &mut r.role.summary),
        };
        if let Some(first) = slot.replace(line) {
            return Err(format!(
                "role {} has a second {field} row (the first is at line {first})",
                quoted(&r.role.id)
            ));
        }
        *value = text;
        if field == "level" {
            *value = value.trim().to_string();
            self.levels.add(value.clone(), line);
        }
        Ok(())
    }

    /// An attribute's value (none when empty); a second row for one attribute is an error.
    fn attribute(&mut self, at: usize, id: &str, value: String, line: usize) -> Result<(), String> {
        let r = &mut self.roles[at];
        if let Some(first) = r.stated.insert(id.to_string(), line) {
            return Err(format!(
                "role {} has a second row for attribute {} (the first is at line {first})",
                quoted(&r.role.id),
                quoted(id)
            ));
        }
        if !value.is_empty() {
            r.role.attributes.insert(id.to_string(), value);
        }
        self.attributes.add(id.to_string(), line);
        Ok(())
    }

    /// An expectation (`theme` is `Some`, maybe empty, for one) or an example of a dimension,
    /// after those of the role's rows before it.
    fn statement(
        &mut self,
        at: usize,
        dimension: &str,
        theme: Option<&str>,
        text: String,
        line: usize,
    ) {
        let rd = self.roles[at]
            .role
            .dimensions
            .entry(dimension.to_string())
            .or_default();
        match theme {
            None => rd.examples.push(text),
            Some(theme) => {
                let theme = (!theme.is_empty()).then(|| theme.to_string());
                if let Some(theme) = &theme {
                    self.themes
                        .add((dimension.to_string(), theme.clone()), line);
                }
                rd.expectations.push(Expectation { theme, text });
            }
        }
        self.dimensions.add(dimension.to_string(), line);
    }

    /// Where the role with this id is, added (first met at `line`) when new.
    fn role_at(&mut self, id: &str, line: usize) -> usize {
        if let Some(&at) = self.by_id.get(id) {
            return at;
        }
        let at = self.roles.len();
        self.by_id.insert(id.to_string(), at);
        self.roles.push(RoleRows {
            role: Role {
                id: id.to_string(),
                level: String::new(),
                title: String::new(),
                summary: String::new(),
                attributes: Default::default(),
                dimensions: Default::default(),
            },
            line,
            level: None,
            title: None,
            summary: None,
            tracks: Vec::new(),
            stated: HashMap::new(),
        });
        at
    }
}

/// A cell as `show --format tsv` escaped it: `\\`, `\t`, `\n` and `\r` undone; any other
/// backslash is kept as written.
fn unescape(cell: &str) -> Cow<'_, str> {
    if !cell.contains('\\') {
        return Cow::Borrowed(cell);
    }
    let mut out = String::with_capacity(cell.len());
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.clone().next() {
            Some(e @ ('\\' | 't' | 'n' | 'r')) => {
                chars.next();
                out.push(match e {
                    't' => '\t',
                    'n' => '\n',
                    'r' => '\r',
                    _ => '\\',
                });
            }
            _ => out.push('\\'),
        }
    }
    Cow::Owned(out)
}

/// The ladder of the rows, with the base's structure: its name, about text, disciplines,
/// attributes, dimensions and bands, each id the rows use that it lacks added with a warning,
/// and its tracks holding the roles whose rows name them.
fn with_base(sheet: Sheet, base: &Ladder, file: &str, warnings: &mut Warnings) -> Ladder {
    let mut warn = |what: &'static str, id: &str, name: Option<String>, line: usize| {
        let kind = WarningKind::NotInBase {
            what,
            id: id.to_string(),
            name,
        };
        warnings.push(Warning::at(file, line, kind));
    };
    let levels = levels_of(&base.levels, &sheet.levels, &mut warn);
    let attributes = attributes_of(&base.attributes, &sheet.attributes, &mut warn);
    let dimensions = dimensions_of(&base.dimensions, &sheet, &mut warn);
    let bands = bands_of(&base.bands, &sheet.bands, &mut warn);
    let (tracks, left_out) = tracks_of(&base.tracks, &sheet, &levels, &mut warn);
    for id in left_out {
        warnings.push(Warning::on(file, WarningKind::TrackLeftOut(id)));
    }
    let by_id: HashMap<&str, &Role> = base.roles.iter().map(|r| (r.id.as_str(), r)).collect();
    let roles = sheet
        .roles
        .into_iter()
        .map(|r| {
            let theirs = by_id.get(r.role.id.as_str()).copied();
            with_summaries(r.role, theirs)
        })
        .collect();
    Ladder {
        name: base.name.clone(),
        motto: base.motto.clone(),
        about: base.about.clone(),
        levels,
        disciplines: base.disciplines.clone(),
        attributes,
        dimensions,
        bands,
        tracks,
        roles,
        lookup: Default::default(),
    }
}

/// What is said of an id the base lacks: what it is, its id, the name it gets (none for a
/// level or a band, which is its name), and the line of its first row.
trait Warn: FnMut(&'static str, &str, Option<String>, usize) {}
impl<F: FnMut(&'static str, &str, Option<String>, usize)> Warn for F {}

/// The base's levels, then those only the rows use, in the order of their codes.
fn levels_of(known: &[String], used: &Firsts<String>, warn: &mut impl Warn) -> Vec<String> {
    let have: HashSet<&str> = known.iter().map(String::as_str).collect();
    let mut new: Vec<&(String, usize)> = (used.list.iter())
        .filter(|(l, _)| !have.contains(l.as_str()))
        .collect();
    new.sort_by_cached_key(|(l, _)| natural_key(l));
    let mut levels = known.to_vec();
    for (level, line) in new {
        warn("level", level, None, *line);
        levels.push(level.clone());
    }
    levels
}

/// The base's attributes, then those only the rows use, named from their ids.
fn attributes_of(
    known: &[Attribute],
    used: &Firsts<String>,
    warn: &mut impl Warn,
) -> Vec<Attribute> {
    let have: HashSet<&str> = known.iter().map(|a| a.id.as_str()).collect();
    let mut attributes = known.to_vec();
    for (id, line) in used
        .list
        .iter()
        .filter(|(id, _)| !have.contains(id.as_str()))
    {
        let name = name_of_id(id);
        warn("attribute", id, Some(name.clone()), *line);
        attributes.push(Attribute {
            id: id.clone(),
            meaning: undefined_meaning(&name),
            name,
        });
    }
    attributes
}

/// The base's dimensions and themes, then those only the rows use, named from their ids.
fn dimensions_of(known: &[Dimension], sheet: &Sheet, warn: &mut impl Warn) -> Vec<Dimension> {
    let mut dimensions = known.to_vec();
    let mut at: HashMap<&str, usize> = HashMap::with_capacity(known.len());
    for (i, d) in known.iter().enumerate() {
        at.entry(d.id.as_str()).or_insert(i);
    }
    for (id, line) in &sheet.dimensions.list {
        if at.contains_key(id.as_str()) {
            continue;
        }
        let name = name_of_id(id);
        warn("dimension", id, Some(name.clone()), *line);
        at.insert(id, dimensions.len());
        dimensions.push(Dimension {
            id: id.clone(),
            name,
            emoji: None,
            themes: Vec::new(),
        });
    }
    let mut themes: HashSet<(&str, &str)> = (known.iter())
        .flat_map(|d| d.themes.iter().map(|t| (d.id.as_str(), t.id.as_str())))
        .collect();
    for ((dimension, id), line) in &sheet.themes.list {
        if !themes.insert((dimension, id)) {
            continue;
        }
        let name = name_of_id(id);
        warn("theme", id, Some(name.clone()), *line);
        let d = at[dimension.as_str()];
        dimensions[d].themes.push(Theme {
            id: id.clone(),
            name,
        });
    }
    dimensions
}

/// The base's bands, then those only the rows name, with ids made from their names.
fn bands_of(known: &[Band], used: &Firsts<String>, warn: &mut impl Warn) -> Vec<Band> {
    let have: HashSet<&str> = known.iter().map(|b| b.name.as_str()).collect();
    let mut bands = known.to_vec();
    for (name, line) in used.list.iter().filter(|(n, _)| !have.contains(n.as_str())) {
        warn("band", name, None, *line);
        bands.push(Band {
            id: kebab(name),
            name: name.clone(),
            meaning: undefined_meaning(name),
        });
    }
    bands
}

/// The base's tracks, each holding the roles whose rows name it, then the tracks only the
/// rows name (named from their ids); and the base's tracks no role is on, left out. A track's
/// roles go in level order; roles of one level keep the base's order, then the rows'.
fn tracks_of(
    known: &[Track],
    sheet: &Sheet,
    levels: &[String],
    warn: &mut impl Warn,
) -> (Vec<Track>, Vec<String>) {
    let mut rank: HashMap<&str, usize> = HashMap::with_capacity(levels.len());
    for (i, l) in levels.iter().enumerate() {
        rank.entry(l.as_str()).or_insert(i);
    }
    let mut place: HashMap<(&str, &str), usize> = HashMap::new();
    for t in known {
        for (i, r) in t.roles.iter().enumerate() {
            place.entry((t.id.as_str(), r.as_str())).or_insert(i);
        }
    }
    let mut members: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in sheet.roles.iter().enumerate() {
        for t in &r.tracks {
            members.entry(t.as_str()).or_default().push(i);
        }
    }
    let track = |id: &str, name: String| {
        let mut at = members.get(id).cloned().unwrap_or_default();
        at.sort_by_key(|&i| {
            let role = &sheet.roles[i].role;
            let level = rank.get(role.level.as_str()).copied().unwrap_or(usize::MAX);
            let placed = place.get(&(id, role.id.as_str())).copied();
            (level, placed.unwrap_or(usize::MAX), i)
        });
        let roles = at
            .into_iter()
            .map(|i| sheet.roles[i].role.id.clone())
            .collect();
        Track {
            id: id.to_string(),
            name,
            roles,
        }
    };
    let (mut tracks, mut left_out) = (Vec::new(), Vec::new());
    let mut have: HashSet<&str> = HashSet::new();
    for t in known {
        have.insert(&t.id);
        match members.contains_key(t.id.as_str()) {
            true => tracks.push(track(&t.id, t.name.clone())),
            false => left_out.push(t.id.clone()),
        }
    }
    for (id, line) in sheet
        .tracks
        .list
        .iter()
        .filter(|(id, _)| !have.contains(id.as_str()))
    {
        let name = name_of_id(id);
        warn("track", id, Some(name.clone()), *line);
        tracks.push(track(id, name));
    }
    (tracks, left_out)
}

/// A role of the rows with the base role's own summary of each dimension, which a sheet does
/// not hold.
fn with_summaries(mut role: Role, base: Option<&Role>) -> Role {
    for (id, rd) in base.map(|b| &b.dimensions).into_iter().flatten() {
        if let Some(summary) = &rd.summary {
            role.dimensions.entry(id.clone()).or_default().summary = Some(summary.clone());
        }
    }
    role
}

/// The ladder of the rows alone: named `name`; levels in the order of their codes; every
/// attribute, dimension, theme, band and track named from its id (attributes and bands with
/// the placeholder meaning a Markdown import gives an undefined attribute); tracks, when no
/// row names one, inferred as for Markdown pages (see [`inferred`]).
fn without_base(sheet: Sheet, name: &str, notes: &mut Vec<Note>) -> Result<Ladder> {
    let mut quiet = |_: &'static str, _: &str, _: Option<String>, _: usize| {};
    let levels = levels_of(&[], &sheet.levels, &mut quiet);
    let attributes = attributes_of(&[], &sheet.attributes, &mut quiet);
    let dimensions = dimensions_of(&[], &sheet, &mut quiet);
    let bands = bands_of(&[], &sheet.bands, &mut quiet);
    let (tracks, _) = tracks_of(&[], &sheet, &levels, &mut quiet);
    let roles: Vec<Role> = sheet.roles.into_iter().map(|r| r.role).collect();
    let tracks = match tracks.is_empty() {
        true => inferred(&roles, &levels, notes)?,
        false => tracks,
    };
    Ok(Ladder {
        name: name.to_string(),
        motto: None,
        about: None,
        levels,
        disciplines: Vec::new(),
        attributes,
        dimensions,
        bands,
        tracks,
        roles,
        lookup: Default::default(),
    })
}

/// Tracks for roles no row puts on one, as a Markdown import without an index infers them:
/// one track when each role has a level of its own and the titles do not split into
/// families, else by the titles' families ([`infer_tracks`]); a note for each.
fn inferred(roles: &[Role], levels: &[String], notes: &mut Vec<Note>) -> Result<Vec<Track>> {
    let distinct: HashSet<&str> = roles.iter().map(|r| r.level.as_str()).collect();
    let one_list = roles.len() >= 2 && distinct.len() == roles.len() && !split_into_families(roles);
    let (tracks, from) = match one_list {
        true => (vec![one_track(roles, levels)], TrackFrom::List),
        false => (infer_tracks(roles, levels)?, TrackFrom::Titles),
    };
    for t in &tracks {
        notes.push(Note::InferredTrack {
            id: t.id.clone(),
            roles: t.roles.clone(),
            from,
        });
    }
    Ok(tracks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_escapes_of_tsv_are_undone_and_others_kept() {
        assert_eq!(unescape(r"a\tb\nc\\d\re\x"), "a\tb\nc\\d\re\\x");
    }
}
