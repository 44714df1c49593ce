//! `ladder import`: a folder of Markdown level pages (and its index page) read into a ladder.
//!
//! The layout is the one handbooks use for career ladders, and the one `ladder export`
//! writes: one page per level (`# L3: Title`, an optional quoted self-description, the
//! attributes as `- **Name**: value`, then one `## ` section per dimension with a bullet list
//! of statements and the examples in a `<details>` block), and an index page `README.md`
//! with the introduction, the definitions of attributes and dimensions, and a list of links
//! to the level pages in ladder order (into subfolders too). The house styles of other
//! handbooks are read as well (see docs/format.md). What plain Markdown cannot hold (ids,
//! themes, tracks) is read from the [`meta`](super::meta) comments when present, and inferred
//! when not. Nothing is dropped silently: what cannot be placed becomes a [`Warning`] with its
//! page and line.
//!
//! The folder is read by [`folder`](super::folder), each page by [`read`](super::read), and
//! the pages put together by [`assemble`](super::assemble).

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::parsed::{Group, Index, LevelPage, PageList};
use super::plan::{self, Plan};
use super::warning::{Note, TrackFrom, Warning, WarningKind, Warnings};
use super::words::Words;
use super::{assemble, folder, read};
use crate::files;
use crate::load;
use crate::model::{Ladder, Step, TextKind, Track};
use crate::validate::{Seg, limits};

/// A ladder read from Markdown, with what the reader should know about how it was read.
#[derive(Debug)]
pub struct Imported {
    pub ladder: Ladder,
    /// Every piece of text that could not be placed, in the order met (the first of each kind
    /// kept, the rest counted).
    pub warnings: Warnings,
    /// What was inferred or mapped rather than read: tracks, attribute labels.
    pub notes: Vec<Note>,
    /// The page each role was read from, in the order of `ladder.roles`.
    pub pages: Vec<String>,
    /// The index page's file name, or `.` (the folder itself) when it has none: where the
    /// rest came from.
    pub index: String,
    /// The folder as the user typed it (a sheet's: the folder it is in): the pages, the index
    /// and every page a warning or note names are paths inside it, and messages name them
    /// joined to it ([`Imported::shown`]).
    pub root: PathBuf,
    /// How many files were read: the index and the pages.
    pub read: usize,
    /// How the handbook was read: the plan inferred, or the one followed.
    pub plan: Plan,
}

/// Imports every Markdown page of `dir`.
///
/// Only regular files whose real path lies inside `dir` are read: a page or index that is a
/// symbolic link out of the folder (or anything else that is not a regular file) is skipped
/// with a warning, so importing a folder someone else prepared cannot read files beside it.
/// Each file is read once, whatever the names it is reached by (see [`folder::FileId`]).
pub fn import(dir: &Path) -> Result<Imported> {
    import_by(dir, None)
}

/// Why a page the plan skips is left out.
const SKIPPED_BY_PLAN: &str = "skipped by the plan";

/// The pages a plan names: those it reads and those it skips.
struct Wanted {
    read: Vec<String>,
    skipped: Vec<String>,
    fates: HashMap<String, bool>,
}

impl Wanted {
    fn of(plan: &Plan) -> Wanted {
        let mut wanted = Wanted {
            read: Vec::new(),
            skipped: Vec::new(),
            fates: HashMap::new(),
        };
        for page in &plan.pages {
            let read = !matches!(page.fate, plan::Fate::Skip(_));
            wanted.fates.insert(page.file.clone(), read);
            let list = if read {
                &mut wanted.read
            } else {
                &mut wanted.skipped
            };
            list.push(page.file.clone());
        }
        wanted
    }

    /// Whether the plan reads the page (`Some(true)`), skips it, or does not name it.
    fn fate(&self, file: &str) -> Option<bool> {
        self.fates.get(file).copied()
    }
}

/// A plan to import by, and the name to report its lines by.
pub type ByPlan<'a> = (&'a Plan, &'a str);

/// Imports `dir` as [`import`] does, by `plan` when one is given (see [`plan::apply`]): what
/// the plan names that the folder lacks is an error at the plan's line.
pub fn import_by(dir: &Path, plan: Option<ByPlan<'_>>) -> Result<Imported> {
    let mut warnings = Warnings::default();
    let mut notes = Vec::new();
    let mut folder = folder::pages_inside(dir, &mut warnings)?;
    let files = std::mem::take(&mut folder.pages);
    let is_index = |f: &&folder::Found| folder::index_rank(&f.name).is_some();
    let mut read = Reading {
        skipped: std::mem::take(&mut folder.skipped),
        words: plan
            .and_then(|(plan, _)| match &plan.reads {
                plan::Reads::Pages(words) => Some(words.clone()),
                plan::Reads::Sheet => None,
            })
            .unwrap_or_default(),
        ..Reading::default()
    };
    let mut index = read.index(dir, &files, &mut warnings)?;
    let wanted = plan.map(|(plan, _)| Wanted::of(plan));
    // Without a plan, the pages an index's level lists leave out are not levels: not read.
    let levels = match (&wanted, &index) {
        (None, Some((_, index))) => level_pages(dir, index),
        _ => HashSet::new(),
    };
    for file in files.iter().filter(|f| !is_index(f)) {
        if !levels.is_empty() && !levels.contains(&file.name) {
            notes.push(Note::NotALevel {
                page: file.name.clone(),
                why: UNLISTED,
            });
            read.skipped.push((file.name.clone(), UNLISTED));
            continue;
        }
        match wanted.as_ref().map(|w| w.fate(&file.name)) {
            None | Some(Some(true)) => read.once(file, &mut warnings, &mut notes)?,
            Some(Some(false)) => read.skipped.push((file.name.clone(), SKIPPED_BY_PLAN)),
            Some(None) => warnings.push(Warning::on(&file.name, WarningKind::PageNotInPlan)),
        }
    }
    if let Some(wanted) = &wanted {
        // The plan names pages in subfolders by their path inside the folder.
        read.linked(&mut folder, &wanted.read, &mut warnings, &mut notes)?;
        let seen: HashSet<String> = read.skipped.iter().map(|(name, _)| name.clone()).collect();
        for skip in wanted.skipped.iter().filter(|s| !seen.contains(*s)) {
            if folder.linked(skip, &mut warnings)?.is_some() {
                read.skipped.push((skip.clone(), SKIPPED_BY_PLAN));
            }
        }
    } else if let Some((_, index)) = &mut index {
        // The index may link into subfolders: those pages are read too, inside the folder only.
        let order: Vec<String> = if levels.is_empty() {
            index.order.clone()
        } else {
            let top: HashSet<&str> = files.iter().map(|f| f.name.as_str()).collect();
            // The pages the index links outside its level lists (under `Help`), left unread.
            for link in
                (index.order.iter()).filter(|t| !levels.contains(*t) && !top.contains(t.as_str()))
            {
                if is_page_inside(dir, link) {
                    notes.push(Note::NotALevel {
                        page: link.clone(),
                        why: UNLISTED,
                    });
                    read.skipped.push((link.clone(), UNLISTED));
                }
            }
            index
                .order
                .iter()
                .filter(|t| levels.contains(*t))
                .cloned()
                .collect()
        };
        read.linked(&mut folder, &order, &mut warnings, &mut notes)?;
        index.order = read.as_read(std::mem::take(&mut index.order));
        for list in &mut index.lists {
            list.pages = read.as_read(std::mem::take(&mut list.pages));
        }
        for link in &mut index.page_levels {
            if let Some(name) = read.aliases.get(link.page.as_str()) {
                link.page = name.clone();
            }
        }
    }
    let index_file = index
        .as_ref()
        .map_or(FOLDER_ITSELF.to_string(), |(name, _)| name.clone());
    let index = index.map(|(_, index)| index);
    if plan.is_none() {
        levels_only(index.as_ref(), &mut read, &mut notes);
    }
    if read.pages.is_empty() {
        bail!("{}", no_level_pages(&files::shown(dir), &read.skipped));
    }
    let had_index = index.is_some();
    let mut index = index.unwrap_or_else(|| {
        warnings.push(Warning::on(FOLDER_ITSELF, WarningKind::NoIndex));
        Default::default()
    });
    if let Some((plan, name)) = plan {
        plan::apply::apply(plan, name, &mut index, &mut read.pages, &read.skipped)?;
    }
    let weighted = read.pages.iter().any(|p| p.weight.is_some());
    let hows = index_hows(&index, had_index, weighted);
    let assembled = assemble::ladder(dir, index, read.pages, &mut warnings, &mut notes)?;
    let mut ladder = assembled.ladder;
    let pages: Vec<String> = assembled.origins.iter().map(|o| o.file.clone()).collect();
    cut_to_limits(&mut ladder, &pages, &index_file, &mut warnings);
    let hows = plan::infer::Hows {
        tracks: track_hows(&ladder, &notes, hows.tracks_from_index),
        ..hows.rest
    };
    let plan = plan::infer::infer(
        &ladder,
        &assembled.origins,
        &assembled.headings,
        &read.skipped,
        hows,
        &read.words,
    );
    let notes = plain_pages_once(notes);
    Ok(Imported {
        ladder,
        warnings,
        notes,
        pages,
        index: index_file,
        root: dir.to_path_buf(),
        read: read.count,
        plan,
    })
}

/// How the index-wide choices were made, before the ladder is assembled (which takes the
/// index): the tracks' words wait for the notes assembling writes.
struct IndexHows {
    rest: plan::infer::Hows,
    tracks_from_index: bool,
}

fn index_hows(index: &Index, had_index: bool, weighted: bool) -> IndexHows {
    let name = match (&index.name, had_index) {
        (Some(_), _) if index.closed => "From the plan.",
        (Some(_), _) => "From the index page's title.",
        (None, true) => "From the folder's name: the index page has no title.",
        (None, false) => "From the folder's name: the folder has no index page.",
    };
    let levels = if index.closed {
        "From the plan."
    } else if index.levels.is_some() {
        "From the comment `ladder export` writes on the index."
    } else if !index.order.is_empty() {
        "In the order of the index's list of level pages."
    } else if weighted {
        "In the order of the pages' front matter weights."
    } else {
        "The pages' level codes in natural order (L2 before L10); pages without one by how senior their titles sound."
    };
    IndexHows {
        rest: plan::infer::Hows {
            name: name.to_string(),
            levels: levels.to_string(),
            tracks: HashMap::new(),
            dimensions_in_index: index.dimensions.len(),
        },
        tracks_from_index: !index.tracks.is_empty(),
    }
}

/// How each track was found: the index's list, or inferred (the notes say how).
fn track_hows(ladder: &Ladder, notes: &[Note], from_index: bool) -> HashMap<String, String> {
    let mut hows: HashMap<String, String> = HashMap::new();
    for note in notes {
        if let Note::InferredTrack { id, from, .. } = note {
            hows.insert(id.clone(), from.how().to_string());
        }
    }
    if from_index {
        for t in &ladder.tracks {
            hows.entry(t.id.clone())
                .or_insert_with(|| "From the index's list of tracks.".to_string());
        }
    }
    hows
}

/// Cuts every text longer than its kind may be (see `validate::limits`), with a warning at the
/// page it came from: a handbook's long title or paragraph is worth importing cut, not
/// refusing the whole handbook for, and the warning says what to shorten. Ids are cut as the
/// ids that refer to them are, so references still hold; a text cut otherwise ends with `…`.
pub(super) fn cut_to_limits(
    ladder: &mut Ladder,
    pages: &[String],
    index: &str,
    warnings: &mut Warnings,
) {
    let mut found = false;
    ladder.visit_texts(|path, text, kind| {
        let max = limits::max_chars(kind);
        // A reference is cut with the id it names, which has its own warning.
        let Some(chars) = limits::over(text, max).filter(|_| !matches!(kind, TextKind::Ref(_)))
        else {
            return;
        };
        found = true;
        let page = match path {
            [Step::Key("role"), Step::Index(i), ..] => pages.get(*i).map_or(index, |p| p),
            _ => index,
        };
        let what = limits::what(path, kind);
        let text = text.chars().take(crate::text::QUOTED_CHARS + 1).collect();
        let kind = WarningKind::Cut {
            what,
            text,
            chars,
            max,
        };
        warnings.push(Warning::on(page, kind));
    });
    if !found {
        return;
    }
    ladder.visit_texts_mut(|text, kind| {
        let max = limits::max_chars(kind);
        if limits::over(text, max).is_none() {
            return;
        }
        let keep = match kind {
            TextKind::Id(_) | TextKind::Ref(_) => max,
            _ => max - 1,
        };
        let end = text
            .char_indices()
            .nth(keep)
            .map_or(text.len(), |(at, _)| at);
        text.truncate(end);
        if !matches!(kind, TextKind::Id(_) | TextKind::Ref(_)) {
            text.push('…');
        }
    });
}

/// What an import came to, for its last line on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub pages: usize,
    /// Whether what was read is a spreadsheet (one sheet, not pages).
    pub sheet: bool,
    pub roles: usize,
    pub statements: usize,
    pub examples: usize,
    pub warnings: usize,
}

/// How a warning names the folder itself rather than a page inside it.
const FOLDER_ITSELF: &str = ".";

impl Imported {
    /// How messages name `page`, a path inside the folder imported: from the folder as the
    /// user typed it, so that it opens from the current directory ([`files::shown_within`]).
    pub fn shown(&self, page: &str) -> String {
        files::shown_within(&self.root, page)
    }

    /// The counts of what was read and made of it.
    pub fn tally(&self) -> Tally {
        let dimensions = || self.ladder.roles.iter().flat_map(|r| r.dimensions.values());
        Tally {
            pages: self.read,
            sheet: self.plan.reads == plan::Reads::Sheet,
            roles: self.ladder.roles.len(),
            statements: dimensions().map(|d| d.expectations.len()).sum(),
            examples: dimensions().map(|d| d.examples.len()).sum(),
            warnings: self.warnings.total(),
        }
    }
}

/// The notes with those about pages without `.md` said once, at the first.
fn plain_pages_once(notes: Vec<Note>) -> Vec<Note> {
    let mut out: Vec<Note> = Vec::with_capacity(notes.len());
    let mut first: Option<usize> = None;
    for note in notes {
        if let Note::PlainPage { .. } = note {
            if let Some(Note::PlainPage { more, .. }) = first.and_then(|at| out.get_mut(at)) {
                *more += 1;
                continue;
            }
            first = Some(out.len());
        }
        out.push(note);
    }
    out
}

/// The pages read so far, how many files were read, and the files skipped with why.
#[derive(Default)]
struct Reading {
    pages: Vec<LevelPage>,
    count: usize,
    skipped: Vec<(String, &'static str)>,
    /// Each file read, by identity, and the name it was read under.
    names: HashMap<folder::FileId, String>,
    /// The other names of files read (a second name in the folder, an index link spelled
    /// another way, such as `d/./L1.md` for `d/L1.md`) and the name each was read under.
    aliases: HashMap<String, String>,
    /// The words that tell what a block of a page is: the plan's, else the defaults.
    words: Words,
}

impl Reading {
    /// Reads the folder's index (see [`folder::index_rank`]), and its name: the first of
    /// `README.md`, `index.md` and `_index.md` there is, with the order of `SUMMARY.md` when
    /// there is one, else `SUMMARY.md` alone. Links without an extension are resolved to the
    /// page they name (see [`resolve_links`]).
    fn index(
        &mut self,
        dir: &Path,
        files: &[folder::Found],
        warnings: &mut Warnings,
    ) -> Result<Option<(String, Index)>> {
        let mut found: Vec<(usize, &folder::Found)> = files
            .iter()
            .filter_map(|f| folder::index_rank(&f.name).map(|rank| (rank, f)))
            .collect();
        found.sort_by_key(|(rank, _)| *rank);
        let mut index: Option<(String, Index)> = None;
        for (rank, file) in found {
            if index.is_some() && rank != folder::SUMMARY {
                continue;
            }
            let text = folder::read_found(file)?;
            self.count += 1;
            self.names.insert(file.id(), file.name.clone());
            let read = read::index(&file.name, &text, warnings);
            match &mut index {
                Some((_, main)) if !read.order.is_empty() => {
                    main.order = read.order;
                    main.lists = read.lists;
                }
                Some(_) => {}
                None => index = Some((file.name.clone(), read)),
            }
        }
        if let Some((_, index)) = &mut index {
            resolve_links(dir, &mut index.order);
            for list in &mut index.lists {
                resolve_links(dir, &mut list.pages);
            }
            for link in &mut index.page_levels {
                resolve_links(dir, std::slice::from_mut(&mut link.page));
            }
        }
        Ok(index)
    }

    /// Reads each level of a page that holds several as a page of its own, titled by its
    /// heading.
    fn parts(
        &mut self,
        name: &str,
        text: &str,
        parts: read::Parts,
        warnings: &mut Warnings,
        notes: &mut Vec<Note>,
    ) {
        if let Some(line) = parts.intro {
            notes.push(Note::AboveLevels {
                page: name.to_string(),
                line,
            });
        }
        for part in parts.levels {
            let body = format!("# {}\n{}", part.heading, &text[part.body]);
            if let Some(mut page) = read::level_page(
                name,
                body,
                read::Place::Part { line: part.line },
                &self.words,
                warnings,
                notes,
            ) {
                page.part = Some(part.heading);
                page.group = part.group.map(|name| Group {
                    name,
                    from: TrackFrom::Groups,
                    key: page.file.clone(),
                });
                self.pages.push(page);
            }
        }
    }

    /// Reads a page unless its file was read already, under this name or another.
    fn once(
        &mut self,
        file: &folder::Found,
        warnings: &mut Warnings,
        notes: &mut Vec<Note>,
    ) -> Result<()> {
        match self.names.entry(file.id()) {
            Entry::Occupied(first) => {
                if *first.get() != file.name {
                    self.aliases.insert(file.name.clone(), first.get().clone());
                }
                Ok(())
            }
            Entry::Vacant(entry) => {
                entry.insert(file.name.clone());
                self.page(file, warnings, notes)
            }
        }
    }

    /// Reads the pages the index links to that were not read yet, each link tried once.
    fn linked(
        &mut self,
        folder: &mut folder::Folder,
        order: &[String],
        warnings: &mut Warnings,
        notes: &mut Vec<Note>,
    ) -> Result<()> {
        let mut tried: HashSet<&str> = HashSet::new();
        for target in order {
            if !tried.insert(target) {
                continue;
            }
            if let Some(file) = folder.linked(target, warnings)? {
                self.once(&file, warnings, notes)?;
            }
        }
        Ok(())
    }

    /// The index's links as the names their pages were read under, each page once.
    fn as_read(&self, order: Vec<String>) -> Vec<String> {
        let mut listed: HashSet<String> = HashSet::new();
        order
            .into_iter()
            .map(|t| self.aliases.get(&t).cloned().unwrap_or(t))
            .filter(|name| listed.insert(name.clone()))
            .collect()
    }

    fn page(
        &mut self,
        file: &folder::Found,
        warnings: &mut Warnings,
        notes: &mut Vec<Note>,
    ) -> Result<()> {
        let name = &file.name;
        let text = folder::read_found(file)?;
        self.count += 1;
        if let Some(parts) = read::parts(&text, &self.words) {
            self.parts(name, &text, parts, warnings, notes);
            return Ok(());
        }
        match read::level_page(name, text, read::Place::Page, &self.words, warnings, notes) {
            Some(page) => self.pages.push(page),
            // A file without `.md` is a page only when it reads as one: no warning otherwise.
            None if !name.to_lowercase().ends_with(".md") => self.skipped.push((
                name.clone(),
                "no `# LEVEL Title` heading or title in bold first",
            )),
            None => {
                warnings.push(Warning::at(name, 1, WarningKind::NotALevelPage));
                self.skipped
                    .push((name.clone(), "no `# LEVEL Title` heading first"));
            }
        }
        Ok(())
    }
}

/// Leaves out the pages that are not levels: those the index's list of levels does not list,
/// when it has one, and those whose title names no level (see [`not_a_level`]).
/// Why a page the index's level lists leave out is left out.
const UNLISTED: &str = "the index does not list it among the levels";

/// The pages the index's lists present as levels (see [`level_links`]), when one of them is a
/// page of the folder (a list of documents of another kind, such as PDFs, lists no level).
fn level_pages(dir: &Path, index: &Index) -> HashSet<String> {
    let links = level_links(index);
    if links.iter().any(|link| is_page_inside(dir, link)) {
        links.into_iter().map(String::from).collect()
    } else {
        HashSet::new()
    }
}

/// Whether a link names a Markdown file (`.md`, or no extension) inside `dir`, by a path
/// that cannot leave it.
fn is_page_inside(dir: &Path, link: &str) -> bool {
    let path = Path::new(link);
    let inside = (path.components()).all(|c| matches!(c, std::path::Component::Normal(_)));
    let text = path
        .extension()
        .is_none_or(|e| e.eq_ignore_ascii_case("md"));
    inside && text && dir.join(path).is_file()
}

fn levels_only(index: Option<&Index>, read: &mut Reading, notes: &mut Vec<Note>) {
    const TITLED: &str = "its title names no level";
    let mut listed: HashSet<&str> = index.map_or(HashSet::new(), level_links);
    // A list that links none of the pages read (only documents of another kind) lists no level.
    if !read.pages.iter().any(|p| listed.contains(p.file.as_str())) {
        listed.clear();
    }
    let pages = std::mem::take(&mut read.pages);
    for page in pages {
        let why = if !listed.is_empty() && !listed.contains(page.file.as_str()) {
            Some(UNLISTED)
        } else if not_a_level(&page) {
            Some(TITLED)
        } else {
            None
        };
        match why {
            Some(why) => {
                notes.push(Note::NotALevel {
                    page: page.file.clone(),
                    why,
                });
                read.skipped.push((page.file, why));
            }
            None => read.pages.push(page),
        }
    }
}

/// The pages the index presents as levels: those of its lists headed as levels (`## Levels`,
/// `Career ladder`, `Roles`, `Tracks`) when it has such lists, else those of every list but the
/// ones headed as something else (`Help`, `Contents`, `Resources`, `About`).
fn level_links(index: &Index) -> HashSet<&str> {
    let words = |list: &PageList| -> Vec<String> {
        (list.name.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let levels = |list: &&PageList| {
        let named = [
            "level", "levels", "ladder", "ladders", "role", "roles", "track", "tracks",
        ];
        words(list).iter().any(|w| named.contains(&w.as_str()))
    };
    let other = |list: &&PageList| {
        let named = [
            "help",
            "contents",
            "resources",
            "about",
            "faq",
            "faqs",
            "process",
            "processes",
            "guides",
            "see",
            "related",
            "more",
            "other",
        ];
        words(list).iter().any(|w| named.contains(&w.as_str()))
    };
    if index.lists.iter().any(|l| levels(&l)) {
        return index
            .lists
            .iter()
            .filter(levels)
            .flat_map(|l| l.pages.iter().map(String::as_str))
            .collect();
    }
    if index.lists.is_empty() {
        return index.order.iter().map(String::as_str).collect();
    }
    (index.lists.iter().filter(|l| !other(l)))
        .flat_map(|l| l.pages.iter().map(String::as_str))
        .collect()
}

/// Whether a page without a level code is titled as no level is: a question, a FAQ, an
/// introduction or overview, a comparison of roles (`Staff vs Principal`), the project's own
/// files (contributing, changelog, licence).
fn not_a_level(page: &LevelPage) -> bool {
    const TITLES: [&str; 14] = [
        "faq",
        "faqs",
        "frequently asked questions",
        "introduction",
        "intro",
        "overview",
        "about",
        "contributing",
        "changelog",
        "license",
        "licence",
        "glossary",
        "readme",
        "code of conduct",
    ];
    if page.heading.has_level || page.id.is_some() {
        return false;
    }
    let title = page.title.trim().to_lowercase();
    let words: Vec<&str> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    title.ends_with('?')
        || TITLES.contains(&words.join(" ").as_str())
        || words.iter().any(|w| matches!(*w, "vs" | "versus"))
}

/// Links written without an extension, as static sites write them (`senior-engineer`,
/// `levels/senior/`), made the page they name: `senior-engineer.md`, or the folder's
/// `_index.md`, `index.md` or `README.md`. Others are kept as written.
fn resolve_links(dir: &Path, order: &mut [String]) {
    for target in order.iter_mut() {
        let bare = target.trim_end_matches('/');
        let inside = Path::new(bare)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !inside || Path::new(bare).extension().is_some() || dir.join(bare).is_file() {
            continue;
        }
        let candidates = [
            format!("{bare}.md"),
            format!("{bare}/_index.md"),
            format!("{bare}/index.md"),
            format!("{bare}/README.md"),
        ];
        if let Some(page) = candidates.into_iter().find(|c| dir.join(c).is_file()) {
            *target = page;
        }
    }
}

/// The error for a folder without level pages: what was expected, and the files skipped.
fn no_level_pages(shown: &str, skipped: &[(String, &str)]) -> String {
    const SHOWN: usize = 8;
    let mut message = format!(
        "no level pages in {shown:?}: expected Markdown files whose first heading reads like `# L3: Senior Engineer`"
    );
    if !skipped.is_empty() {
        let named: Vec<String> = skipped
            .iter()
            .take(SHOWN)
            .map(|(name, why)| format!("{name:?} ({why})"))
            .collect();
        message += &format!("; skipped {}", named.join(", "));
        if skipped.len() > SHOWN {
            message += &format!(" and {} more", skipped.len() - SHOWN);
        }
    }
    message
}

/// The comment atop the TOML of an imported ladder.
const HEADER: &str = "# Imported by `ladder import`; check the tracks and themes.\n";

/// Writes the TOML of an imported ladder, with a comment atop and every unsafe character
/// escaped (see [`crate::ladder_toml`]), so that printing it cannot drive a terminal.
pub fn write_toml(
    ladder: &Ladder,
    out: &mut (impl std::io::Write + ?Sized),
) -> std::io::Result<()> {
    out.write_all(HEADER.as_bytes())?;
    crate::ladder_toml::write(ladder, out)
}

/// How an inferred track was inferred, as the comment above it in the TOML; looked up by id
/// through a map, so a ladder of many tracks costs no search per track.
fn track_comment(imported: &Imported) -> impl Fn(&Track) -> Option<String> + '_ {
    let how: HashMap<&str, TrackFrom> = imported
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::InferredTrack { id, from, .. } => Some((id.as_str(), *from)),
            _ => None,
        })
        .collect();
    move |track: &Track| {
        how.get(track.id.as_str())
            .map(|from| format!("{} Edit if wrong.", from.how()))
    }
}

/// Writes the TOML of an import as [`write_toml`] does, with a comment above each inferred
/// track saying how it was inferred, so that it is easy to correct by hand.
pub fn write_imported(
    imported: &Imported,
    out: &mut (impl std::io::Write + ?Sized),
) -> std::io::Result<()> {
    out.write_all(HEADER.as_bytes())?;
    crate::ladder_toml::write_with(&imported.ladder, &track_comment(imported), out)
}

/// How many bytes [`write_imported`] writes, found without holding the text.
pub fn imported_size(imported: &Imported) -> Result<u64> {
    let body = crate::ladder_toml::size_with(&imported.ladder, &track_comment(imported))
        .context("cannot write the ladder as TOML")?;
    Ok(HEADER.len() as u64 + body)
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
    let page = imported.shown(&page);
    let more = match errors.len() - 1 {
        0 => String::new(),
        n => format!(" (and {n} more errors in the imported ladder)"),
    };
    bail!(
        "{}",
        crate::text::escape_controls(&format!("{page}: {message}{more}"))
    )
}

/// The first meaning the index lacks: the error an import most often meets, described as the
/// handbook's author would look for it.
fn missing_text(imported: &Imported) -> Option<(String, String)> {
    let a = imported
        .ladder
        .attributes
        .iter()
        .find(|a| a.meaning.is_empty())?;
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
/// ([`load::MAX_BYTES`]): the pages fit under [`folder::MAX_TOTAL_BYTES`], but TOML spells a ladder out
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let source = crate::document::Document {
            name: "imported.toml".into(),
            text,
        };
        assert_eq!(Ladder::load(&source).expect("loads"), imported.ladder);
    }
}
