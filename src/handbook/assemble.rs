//! The parsed pages of a handbook put together into a ladder: pages in ladder order, the
//! levels, attributes and dimensions they use, and one role per level page.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use anyhow::Result;

use super::names::{kebab, same_name, stem_of};
use super::parsed::{AttributeLine, Index, LevelPage, Section};
use super::tracks::{infer_tracks, one_track, split_into_families};
use super::warning::{Note, Warning, WarningKind, Warnings};
use crate::model::{Attribute, Dimension, Ladder, Role, RoleDimension};

/// The ladder the index and pages describe, and the page each of its roles came from.
///
/// Every lookup of a name goes through a hash map ([`Names`]), so the work grows with the
/// number of headings and bullets, not with its square. Fails only when the tracks inferred
/// would be too long to hold ([`infer_tracks`]).
pub fn ladder(
    dir: &Path,
    index: Index,
    pages: Vec<LevelPage>,
    warnings: &mut Warnings,
    notes: &mut Vec<Note>,
) -> Result<(Ladder, Vec<String>)> {
    let pages = in_ladder_order(&index, pages, warnings);
    let levels = levels_of(&index, &pages);
    let (attributes, attribute_names) = gather_attributes(&index, &pages, warnings);
    let (dimensions, dimension_names) = gather_dimensions(&index, &pages, warnings, notes);
    let known = Known {
        attributes: &attributes,
        attribute_names: &attribute_names,
        dimensions: &dimensions,
        dimension_names: &dimension_names,
    };
    let values: Vec<Values> = (pages.iter())
        .map(|page| attribute_values(page, &known, notes))
        .collect();
    let lacking = first_lacking(&values, known.attributes);
    let mut roles = Vec::with_capacity(pages.len());
    let mut files = Vec::with_capacity(pages.len());
    for ((mut page, values), lacking) in pages.into_iter().zip(values).zip(lacking) {
        for (at, pages) in lacking {
            let kind = WarningKind::NoValue(known.attributes[at].name.clone());
            let mut warning = Warning::at(&page.file, 1, kind);
            warning.repeats = pages - 1;
            warnings.push(warning);
        }
        // The page's statements move into the role: a large page is never held twice.
        let sections = std::mem::take(&mut page.sections);
        roles.push(role_of(&page, sections, values.stated, &known, warnings));
        files.push(page.file);
    }
    let tracks = if index.tracks.is_empty() {
        let one_list = rises_one_by_one(&index, &roles, &levels) && !split_into_families(&roles);
        let tracks = if one_list {
            vec![one_track(&roles, &levels)]
        } else {
            infer_tracks(&roles, &levels)?
        };
        for t in &tracks {
            notes.push(Note::InferredTrack {
                id: t.id.clone(),
                roles: t.roles.clone(),
                from_list: one_list,
            });
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
    Ok((ladder, files))
}

/// Whether the ladder is one track whatever its titles say: the index lists every page, one
/// list, each a level above the one before; or, without a list, each page is of a level of its
/// own.
fn rises_one_by_one(index: &Index, roles: &[Role], levels: &[String]) -> bool {
    let rank: HashMap<&str, usize> = levels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let ranks: Vec<Option<&usize>> = roles.iter().map(|r| rank.get(r.level.as_str())).collect();
    if roles.len() < 2 {
        return false;
    }
    if index.order.is_empty() {
        let distinct: HashSet<&str> = roles.iter().map(|r| r.level.as_str()).collect();
        return distinct.len() == roles.len();
    }
    index.order.len() >= roles.len()
        && ranks
            .windows(2)
            .all(|w| matches!(w, [Some(a), Some(b)] if a < b))
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

/// What a role's page is read against: the ladder's attributes and dimensions.
struct Known<'a> {
    attributes: &'a [Attribute],
    attribute_names: &'a Names,
    dimensions: &'a [Dimension],
    dimension_names: &'a Names,
}

/// Ladder order: the index's numbered list, then the pages it does not list.
fn in_ladder_order(
    index: &Index,
    mut pages: Vec<LevelPage>,
    warnings: &mut Warnings,
) -> Vec<LevelPage> {
    let mut listed: HashMap<&str, usize> = HashMap::new();
    for (i, file) in index.order.iter().enumerate() {
        listed.entry(file.as_str()).or_insert(i);
    }
    let position = |p: &LevelPage| listed.get(p.file.as_str()).copied().unwrap_or(usize::MAX);
    if index.order.is_empty() {
        // No list: pages by level code, compared component by component.
        pages.sort_by_cached_key(|p| natural_key(&p.level));
    }
    pages.sort_by_key(|p| position(p));
    for page in &pages {
        if !index.order.is_empty() && position(page) == usize::MAX {
            warnings.push(Warning::at(&page.file, 1, WarningKind::NotListed));
        }
    }
    pages
}

/// The index's levels, or the pages' in natural order; then any level only a page names.
fn levels_of(index: &Index, pages: &[LevelPage]) -> Vec<String> {
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
    pages: &[LevelPage],
    warnings: &mut Warnings,
) -> (Vec<Attribute>, Names) {
    let mut attributes = index.attributes.clone();
    let mut names = Names::default();
    let similar = Similar::of(index.attributes.iter().map(|a| &a.name));
    for (i, a) in attributes.iter().enumerate() {
        names.add(i, &a.id, &a.name);
    }
    for page in pages {
        for AttributeLine {
            label, id, line, ..
        } in &page.attributes
        {
            if names.find_attribute(id.as_ref(), label).is_some() {
                continue;
            }
            if let Some(at) = similar.best(label) {
                // A synonym (`Thinking horizon` for `Planning horizon`): read as that attribute.
                names.by_name.entry(kebab(label)).or_insert(at);
                continue;
            }
            {
                let kind = WarningKind::UndefinedAttribute(label.clone());
                warnings.push(Warning::at(&page.file, *line, kind));
                let id = id.clone().unwrap_or_else(|| kebab(label));
                names.add(attributes.len(), &id, label);
                attributes.push(Attribute {
                    id,
                    name: label.clone(),
                    meaning: undefined_meaning(label),
                });
            }
        }
    }
    (attributes, names)
}

/// The meaning written for an attribute that nothing defines (a label the index lacks, an id
/// a spreadsheet names): a placeholder the maintainer replaces.
pub(super) fn undefined_meaning(label: &str) -> String {
    format!("{label}, as the level pages state it.")
}

/// Dimensions: the index's, then any section heading that matches none of them.
fn gather_dimensions(
    index: &Index,
    pages: &[LevelPage],
    warnings: &mut Warnings,
    notes: &mut Vec<Note>,
) -> (Vec<Dimension>, Names) {
    let mut dimensions = index.dimensions.clone();
    let mut names = Names::default();
    let similar = Similar::of(index.dimensions.iter().map(|d| &d.name));
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
    // The page headings read as each of the index's dimensions: one note per dimension.
    let mut mapped: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for page in pages {
        for s in &page.sections {
            if names.find(s.id.as_ref(), &s.heading).is_some() {
                continue;
            }
            if let Some(at) = similar.best(&s.heading) {
                // A page's own heading for one of the index's dimensions (`I deliver …`).
                names.by_name.entry(kebab(&s.heading)).or_insert(at);
                mapped.entry(at).or_default().push(s.heading.clone());
                continue;
            }
            let others = pages_with.get(&kebab(&s.heading)).copied().unwrap_or(0);
            let kind = WarningKind::UndefinedDimension {
                name: s.heading.clone(),
                alone: others == 1,
            };
            warnings.push(Warning::at(&page.file, s.line, kind));
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
    for (at, headings) in mapped {
        notes.push(Note::MappedDimension {
            dimension: dimensions[at].name.clone(),
            headings,
        });
    }
    (dimensions, names)
}

/// One page read as a role of the ladder, with its `sections` (taken out of it) and its
/// attribute values moved in.
fn role_of(
    page: &LevelPage,
    sections: Vec<Section>,
    attributes: BTreeMap<String, String>,
    known: &Known<'_>,
    warnings: &mut Warnings,
) -> Role {
    let id = page
        .id
        .clone()
        .unwrap_or_else(|| format!("{}-{}", page.level, kebab(&page.title)));
    let mut role_dimensions = BTreeMap::new();
    for s in sections {
        let Some(at) = known.dimension_names.find(s.id.as_ref(), &s.heading) else {
            continue;
        };
        if s.expectations.is_empty() && s.examples.is_empty() && s.summary.is_none() {
            continue;
        }
        if s.examples.is_empty() && !s.expectations.is_empty() {
            let kind = WarningKind::NoExamples(s.heading.clone());
            warnings.push(Warning::at(&page.file, s.line, kind));
        }
        let rd: &mut RoleDimension = role_dimensions
            .entry(known.dimensions[at].id.clone())
            .or_default();
        if rd.summary.is_none() {
            rd.summary = s.summary;
        }
        append(&mut rd.expectations, s.expectations);
        append(&mut rd.examples, s.examples);
    }
    let summary = page.summary.clone().unwrap_or_else(|| {
        warnings.push(Warning::at(&page.file, 1, WarningKind::NoSummary));
        page.title.clone()
    });
    Role {
        id,
        level: page.level.clone(),
        title: page.title.clone(),
        summary,
        attributes,
        dimensions: role_dimensions,
    }
}

/// A page's attribute values by attribute id, and whether the page says it states none.
struct Values {
    stated: BTreeMap<String, String>,
    /// A prose page, or one that writes `—` for a value: it has none on purpose, and is not
    /// told of each it lacks.
    says_none: bool,
}

/// A page's attribute values, with a note for each label read as an attribute of another
/// name.
fn attribute_values(page: &LevelPage, known: &Known<'_>, notes: &mut Vec<Note>) -> Values {
    let mut stated = BTreeMap::new();
    for a in &page.attributes {
        let Some(at) = known
            .attribute_names
            .find_attribute(a.id.as_ref(), &a.label)
        else {
            continue;
        };
        let attribute = &known.attributes[at];
        if !same_name(&attribute.name, &a.label) && a.id.is_none() {
            notes.push(Note::MappedAttribute {
                label: a.label.clone(),
                attribute: attribute.name.clone(),
                page: page.file.clone(),
                line: a.line,
            });
        }
        if a.value != "—" && !a.value.trim().is_empty() {
            stated.insert(attribute.id.clone(), a.value.clone());
        }
    }
    // A prose page states nothing: the note about it says so once, without a warning per value.
    let prose = page.attributes.is_empty() && page.sections.is_empty();
    Values {
        stated,
        says_none: prose || page.attributes.iter().any(|a| a.value == "—"),
    }
}

/// For each page, the attributes it is the first to lack a value for, each with how many
/// pages lack it in all: the warning is said once, at the first such page.
///
/// Found in time proportional to the values stated, not to pages × attributes: the pages
/// walked to find an attribute's first lack all state it.
fn first_lacking(values: &[Values], attributes: &[Attribute]) -> Vec<Vec<(usize, usize)>> {
    let asked: Vec<&Values> = values.iter().filter(|v| !v.says_none).collect();
    let mut stating: HashMap<&str, usize> = HashMap::new();
    for v in &asked {
        for id in v.stated.keys() {
            *stating.entry(id).or_default() += 1;
        }
    }
    // The first page without a value for each id, found once per id.
    let mut first: HashMap<&str, Option<usize>> = HashMap::new();
    let mut lacking = vec![Vec::new(); values.len()];
    for (at, a) in attributes.iter().enumerate() {
        let pages = asked.len() - stating.get(a.id.as_str()).copied().unwrap_or(0);
        if pages == 0 {
            continue;
        }
        let page = *first.entry(&a.id).or_insert_with(|| {
            let lacks = |v: &&Values| !v.says_none && !v.stated.contains_key(&a.id);
            values.iter().position(|v| lacks(&v))
        });
        if let Some(page) = page {
            lacking[page].push((at, pages));
        }
    }
    lacking
}

/// Moves `more` to the end of `list`; into an empty list without copying.
fn append<T>(list: &mut Vec<T>, mut more: Vec<T>) {
    if list.is_empty() {
        *list = more;
    } else {
        list.append(&mut more);
    }
}

/// Sorts `L2` before `L10` and `L1.0` before `L6`: the level code compared component by
/// component, runs of letters as text (ignoring case) and runs of digits as numbers.
pub(super) fn natural_key(level: &str) -> Vec<(String, u64)> {
    let mut key: Vec<(String, u64)> = Vec::new();
    let mut rest = level;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits > 0 {
            // A run too long for a number compares after every shorter one.
            key.push((String::new(), rest[..digits].parse().unwrap_or(u64::MAX)));
            rest = &rest[digits..];
        } else {
            let text = rest
                .find(|c: char| c.is_ascii_digit())
                .unwrap_or(rest.len());
            key.push((rest[..text].to_lowercase(), 0));
            rest = &rest[text..];
        }
    }
    key
}

/// The significant words of the index's names (attributes or dimensions), to match a page's
/// synonym label or own section heading to the entry it shares most words with. Only for an
/// index of handbook size: the cost is the index's size for each name looked up, which a
/// folder built to be slow must not get to choose.
struct Similar(Vec<HashSet<String>>);

impl Similar {
    fn of<'a>(names: impl ExactSizeIterator<Item = &'a String>) -> Similar {
        const MAX_LIST: usize = 64;
        if names.len() > MAX_LIST {
            return Similar(Vec::new());
        }
        Similar(
            names
                .map(|n| significant_stems(n).into_iter().collect())
                .collect(),
        )
    }

    /// The one entry that shares the most words with `name`, when one shares more than any
    /// other.
    fn best(&self, name: &str) -> Option<usize> {
        if self.0.is_empty() {
            return None;
        }
        let words: HashSet<String> = significant_stems(name).into_iter().collect();
        let mut best: Option<(usize, usize)> = None;
        let mut tie = false;
        for (i, theirs) in self.0.iter().enumerate() {
            let shared = words.iter().filter(|w| theirs.contains(*w)).count();
            match best {
                _ if shared == 0 => {}
                Some((_, n)) if shared == n => tie = true,
                Some((_, n)) if shared < n => {}
                _ => {
                    best = Some((i, shared));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(i, _)| i)
    }
}

/// A name's words of four letters or more, cut to four, common words aside: `I deliver
/// results` gives `deli` and `resu`; `Growth` and `growing` share `grow`.
fn significant_stems(name: &str) -> Vec<String> {
    const COMMON: [&str; 16] = [
        "with", "that", "this", "your", "from", "what", "when", "they", "them", "have", "make",
        "abou", "thei", "othe", "whic", "leve",
    ];
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(|w| w.to_lowercase().chars().take(4).collect())
        .filter(|w: &String| !COMMON.contains(&w.as_str()))
        .collect()
}
