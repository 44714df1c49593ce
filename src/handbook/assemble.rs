//! The parsed pages of a handbook put together into a ladder: pages in ladder order, the
//! levels, attributes and dimensions they use, and one role per level page.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use anyhow::Result;

use super::across;
use super::names::{is_level_code, kebab, same_name, stem_of, without_level_qualifier};
use super::parsed::{AttributeLine, Group, Index, LevelPage, Origin, PageList, Section};
use super::seniority;
use super::tracks::{infer_tracks, one_track, split_into_families};
use super::warning::{Note, TrackFrom, Warning, WarningKind, Warnings};
use crate::model::{Attribute, Dimension, Ladder, Role, RoleDimension, Track};

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
) -> Result<Assembled> {
    let mut pages = pages;
    levels_from_table(&index, &mut pages);
    let per_role_levels = group_by_index(&index, &mut pages);
    let pages = in_ladder_order(&index, pages, per_role_levels);
    let pages = across::read_across(&index, pages, notes);
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
    let mut origins = Vec::with_capacity(pages.len());
    let mut headings = Headings::new(dimensions.len());
    let mut groups = Vec::with_capacity(pages.len());
    for ((mut page, values), lacking) in pages.into_iter().zip(values).zip(lacking) {
        for (at, pages) in lacking {
            let kind = WarningKind::NoValue(known.attributes[at].name.clone());
            let mut warning = Warning::at(&page.file, 1, kind);
            warning.repeats = pages - 1;
            warnings.push(warning);
        }
        // The page's statements move into the role: a large page is never held twice.
        let sections = std::mem::take(&mut page.sections);
        let role = role_of(
            &page,
            sections,
            values.stated,
            &known,
            &mut headings,
            warnings,
        );
        roles.push(role);
        groups.push(page.group.take());
        origins.push(Origin {
            file: page.file,
            part: page.part,
            heading: page.heading,
            from_comment: page.id.is_some(),
        });
    }
    unique_ids(&mut roles, &origins);
    let tracks = if index.tracks.is_empty() {
        let (tracks, from) = inferred_tracks(&index, &roles, &groups, &levels)?;
        for t in &tracks {
            notes.push(Note::InferredTrack {
                id: t.id.clone(),
                roles: t.roles.clone(),
                from,
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
    Ok(Assembled {
        ladder,
        origins,
        headings: headings.list,
    })
}

/// A ladder put together, with where each role and dimension came from.
pub struct Assembled {
    pub ladder: Ladder,
    /// The page (or part of one) each role was read from, in the order of the roles.
    pub origins: Vec<Origin>,
    /// For each dimension, the page headings read as it, in the order met.
    pub headings: Vec<Vec<String>>,
}

/// The headings read as each dimension, each once.
struct Headings {
    list: Vec<Vec<String>>,
    seen: HashSet<(usize, String)>,
}

impl Headings {
    fn new(dimensions: usize) -> Headings {
        Headings {
            list: vec![Vec::new(); dimensions],
            seen: HashSet::new(),
        }
    }

    fn add(&mut self, at: usize, heading: &str) {
        if self.seen.insert((at, kebab(heading)))
            && let Some(list) = self.list.get_mut(at)
        {
            list.push(heading.to_string());
        }
    }
}

/// Gives each page the level a table on the index lines it up at, whatever its heading says:
/// a part of a page of several by the anchor of its heading (`developer.md#d2-developer-2`),
/// a whole page when the table links it once.
fn levels_from_table(index: &Index, pages: &mut [LevelPage]) {
    if index.page_levels.is_empty() {
        return;
    }
    let mut links: HashMap<&str, usize> = HashMap::new();
    let mut by_anchor: HashMap<(&str, String), &str> = HashMap::new();
    for link in &index.page_levels {
        *links.entry(link.page.as_str()).or_default() += 1;
        if let Some(anchor) = &link.anchor {
            by_anchor.insert((link.page.as_str(), kebab(anchor)), link.level.as_str());
        }
    }
    let whole: HashMap<&str, &str> = (index.page_levels.iter())
        .filter(|l| links.get(l.page.as_str()) == Some(&1))
        .map(|l| (l.page.as_str(), l.level.as_str()))
        .collect();
    for page in pages.iter_mut() {
        let level = match &page.part {
            Some(heading) => by_anchor.get(&(page.file.as_str(), kebab(heading))),
            None => whole.get(page.file.as_str()),
        };
        if let Some(level) = level {
            page.level = level.to_string();
            page.heading.level_from_index = true;
        }
    }
}

/// Puts each page the index lists into the group of its list, when the index groups its
/// links into two lists or more (`### Makers`, `### Managers`) that take in every page; else,
/// when every page is in a folder and they are in two or more, into the group of its folder.
/// A page a heading groups already keeps its group. Whether pages were grouped: their levels
/// are then each page's own (the lists do not line the tracks' levels up).
fn group_by_index(index: &Index, pages: &mut [LevelPage]) -> bool {
    let mut list_of: HashMap<&str, (usize, &str)> = HashMap::new();
    let mut lists = 0;
    // Only lists that link a level page count: a list of the introduction and a FAQ is none.
    let read: HashSet<&str> = pages.iter().map(|p| p.file.as_str()).collect();
    let linking = |l: &&PageList| l.pages.iter().any(|p| read.contains(p.as_str()));
    for list in index.lists.iter().filter(linking) {
        lists += 1;
        for page in &list.pages {
            list_of
                .entry(page.as_str())
                .or_insert((lists, list.name.as_str()));
        }
    }
    let folder = |file: &str| file.rsplit_once('/').map(|(dir, _)| dir.to_string());
    let by_list = lists >= 2 && pages.iter().all(|p| list_of.contains_key(p.file.as_str()));
    let folders: HashSet<Option<String>> = pages.iter().map(|p| folder(&p.file)).collect();
    let by_folder = !by_list && folders.len() >= 2 && !folders.contains(&None);
    if !by_list && !by_folder {
        return false;
    }
    for page in pages.iter_mut().filter(|p| p.group.is_none()) {
        let dir = folder(&page.file).unwrap_or_default();
        let (name, from, key) = match list_of.get(page.file.as_str()) {
            Some((at, name)) if by_list => (name.to_string(), TrackFrom::Lists, at.to_string()),
            _ => (dir.clone(), TrackFrom::Folders, dir.clone()),
        };
        let name = if name.trim().is_empty() { dir } else { name };
        page.group = Some(Group { name, from, key });
    }
    true
}

/// Tracks for pages that name none: one per heading that groups a page's levels, when every
/// role has one; else one track when the levels rise one by one (see [`rises_one_by_one`]);
/// else by the roles' titles.
fn inferred_tracks(
    index: &Index,
    roles: &[Role],
    groups: &[Option<Group>],
    levels: &[String],
) -> Result<(Vec<Track>, TrackFrom)> {
    if let Some(Some(first)) = groups.first()
        && groups.iter().all(Option::is_some)
    {
        return Ok((group_tracks(roles, groups, levels), first.from));
    }
    if rises_one_by_one(index, roles, levels) && !split_into_families(roles) {
        return Ok((vec![one_track(roles, levels)], TrackFrom::List));
    }
    Ok((infer_tracks(roles, levels)?, TrackFrom::Titles))
}

/// One track per group heading of a page, in the order met, its roles in level order. A
/// heading that several pages use (`# Managers` on each track's page) is one track per page,
/// named with the page: `Managers (ops)`. Ids from the names, made unique.
fn group_tracks(roles: &[Role], groups: &[Option<Group>], levels: &[String]) -> Vec<Track> {
    let rank: HashMap<&str, usize> = levels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    // How many groups share each name: those are told apart by their page or list.
    let mut keys_of: HashMap<&str, HashSet<&str>> = HashMap::new();
    for g in groups.iter().flatten() {
        keys_of
            .entry(g.name.as_str())
            .or_default()
            .insert(g.key.as_str());
    }
    let mut at: HashMap<(&str, &str), usize> = HashMap::new();
    let mut tracks: Vec<(Track, Vec<(usize, String)>)> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut next: HashMap<String, usize> = HashMap::new();
    for (role, group) in roles.iter().zip(groups) {
        let Some(g) = group else { continue };
        let i = *at
            .entry((g.name.as_str(), g.key.as_str()))
            .or_insert_with(|| {
                let shared = keys_of.get(g.name.as_str()).is_some_and(|k| k.len() > 1);
                let name = match g.from {
                    TrackFrom::Groups if shared => format!("{} ({})", g.name, page_stem(&g.key)),
                    TrackFrom::Lists if shared => format!("{} ({})", g.name, tracks.len() + 1),
                    _ => g.name.clone(),
                };
                let base = kebab(&name);
                let mut id = base.clone();
                let n = next.entry(base.clone()).or_insert(2);
                while !ids.insert(id.clone()) {
                    id = format!("{base}-{n}");
                    *n += 1;
                }
                let track = Track {
                    id,
                    name,
                    roles: Vec::new(),
                };
                tracks.push((track, Vec::new()));
                tracks.len() - 1
            });
        let level = rank.get(role.level.as_str()).copied().unwrap_or(usize::MAX);
        tracks[i].1.push((level, role.id.clone()));
    }
    tracks
        .into_iter()
        .map(|(mut track, mut roles)| {
            roles.sort_by_key(|(level, _)| *level);
            track.roles = roles.into_iter().map(|(_, id)| id).collect();
            track
        })
        .collect()
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

/// Ladder order: the index's numbered list (import keeps only the pages it lists), else the
/// pages' weights and levels.
fn in_ladder_order(index: &Index, mut pages: Vec<LevelPage>, per_role: bool) -> Vec<LevelPage> {
    let mut listed: HashMap<&str, usize> = HashMap::new();
    for (i, file) in index.order.iter().enumerate() {
        listed.entry(file.as_str()).or_insert(i);
    }
    let position = |p: &LevelPage| listed.get(p.file.as_str()).copied().unwrap_or(usize::MAX);
    settle_uncoded_levels(&mut pages, per_role);
    if index.order.is_empty() {
        // No list: pages by their front matter's weight, then by level (see `level_key`).
        pages.sort_by_cached_key(|p| (p.weight.is_none(), p.weight, level_key(p)));
    }
    pages.sort_by_key(|p| position(p));
    pages
}

/// The index's levels (the comment the export writes), else the pages' levels in the order
/// the pages come in (the index's list, else weights and level codes); then any level only a
/// page names.
fn levels_of(index: &Index, pages: &[LevelPage]) -> Vec<String> {
    let mut levels = index.levels.clone().unwrap_or_default();
    let mut seen: HashSet<String> = levels.iter().cloned().collect();
    for p in pages {
        if seen.insert(p.level.clone()) {
            levels.push(p.level.clone());
        }
    }
    levels
}

/// Whether a page's level is its file name's first word, which is no level code.
fn uncoded(page: &LevelPage) -> bool {
    let h = &page.heading;
    !h.has_level && !h.level_from_index && page.id.is_none() && !is_level_code(&page.level)
}

/// How a page ranks among pages of no list: by its level code, compared component by
/// component (`L2` before `L10`, `L1.0` before `L6`); a page whose heading has no level code
/// after those that have one, by how senior its title sounds.
fn level_key(page: &LevelPage) -> (bool, u32, Vec<(String, u64)>) {
    let coded = !uncoded(page);
    let rank = if coded {
        0
    } else {
        seniority::rank(&page.title)
    };
    (!coded, rank, natural_key(&page.level))
}

/// Pages without a level code took their level from their file name's first word; where
/// that word gives one level to titles of different seniority (`engineer-1.md`,
/// `engineer-2.md`; `senior-engineer.md`, `senior-manager.md` stay one level), each of those
/// pages' level is its title instead.
fn settle_uncoded_levels(pages: &mut [LevelPage], per_role: bool) {
    // A level of a page of several is named by its title's seniority words; where the
    // index's lists or folders are the tracks, each page is a level of its own.
    for p in pages.iter_mut().filter(|p| uncoded(p)) {
        if per_role {
            p.level = kebab(without_level_qualifier(&p.title));
        } else if p.part.is_some() {
            p.level = seniority::label(&p.title).unwrap_or_else(|| kebab(&p.title));
        }
    }
    let mut ranks: HashMap<&str, HashSet<u32>> = HashMap::new();
    for p in pages.iter().filter(|p| uncoded(p)) {
        ranks
            .entry(p.level.as_str())
            .or_default()
            .insert(seniority::rank(&p.title));
    }
    let mixed: HashSet<String> = ranks
        .into_iter()
        .filter(|(_, r)| r.len() > 1)
        .map(|(level, _)| level.to_string())
        .collect();
    for p in pages.iter_mut().filter(|p| uncoded(p)) {
        if mixed.contains(&p.level) {
            p.level = kebab(&p.title);
        }
    }
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
    // A plan's headings, each read as the dimension it names.
    let by_id: HashMap<&str, usize> = dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    for (heading, id) in &index.headings {
        if let Some(&at) = by_id.get(id.as_str()) {
            names.by_name.insert(kebab(heading), at);
        }
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
            if index.closed {
                let kind = WarningKind::HeadingNotInPlan(s.heading.clone());
                warnings.push(Warning::at(&page.file, s.line, kind));
                continue;
            }
            // The text above a page's first section: its own dimension, said in a note
            // (`across`), never one of the index's by a shared word.
            if s.overview {
                let id = s.id.clone().unwrap_or_else(|| kebab(&s.heading));
                names.add(dimensions.len(), &id, &s.heading);
                dimensions.push(Dimension {
                    id,
                    name: s.heading.clone(),
                    emoji: None,
                    themes: Vec::new(),
                });
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
    headings: &mut Headings,
    warnings: &mut Warnings,
) -> Role {
    let id = page.id.clone().unwrap_or_else(|| role_id(page));
    let mut role_dimensions = BTreeMap::new();
    for s in sections {
        let Some(at) = known.dimension_names.find(s.id.as_ref(), &s.heading) else {
            continue;
        };
        headings.add(at, &s.heading);
        if s.expectations.is_empty() && s.examples.is_empty() && s.summary.is_none() {
            continue;
        }
        if s.examples.is_empty() && !s.expectations.is_empty() && !s.overview {
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

/// The id of a role its page does not name: `LEVEL-title`, or the title alone when it holds
/// the level's words already (`Senior Engineer` at level `senior`); a title's closing level
/// code in parentheses (`Senior Manager (IC4)`) is left out of it.
fn role_id(page: &LevelPage) -> String {
    let title = kebab(without_level_qualifier(&page.title));
    let level = kebab(&page.level);
    let words: HashSet<&str> = title.split('-').collect();
    if level.split('-').all(|w| words.contains(w)) {
        title
    } else {
        format!("{}-{title}", page.level)
    }
}

/// A page's file name without its folder and `.md`.
fn page_stem(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.strip_suffix(".md").unwrap_or(name)
}

/// Makes each role's id unique: a later role whose id is taken gets its page's name in front
/// (`ops-manager`), then a number.
fn unique_ids(roles: &mut [Role], origins: &[Origin]) {
    let mut taken: HashSet<String> = HashSet::with_capacity(roles.len());
    // The next number to try for each id clashed on: many clashes stay linear.
    let mut next: HashMap<String, usize> = HashMap::new();
    for (role, origin) in roles.iter_mut().zip(origins) {
        if taken.insert(role.id.clone()) {
            continue;
        }
        let base = format!("{}-{}", kebab(page_stem(&origin.file)), role.id);
        let mut id = base.clone();
        let n = next.entry(base.clone()).or_insert(2);
        while !taken.insert(id.clone()) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        role.id = id;
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
    let prose = page.is_prose();
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
