//! `ladder import` of a folder of ladder folders: whether a folder is one ladder or a
//! catalogue, and each ladder of a catalogue read from its folder inside the top one.
//!
//! The rule: a folder whose index links to level pages (in it or in its subfolders) is one
//! ladder; a folder whose subfolders each carry their own index (`README.md`, `index.md`), and
//! whose own index (if any) links to nothing but those, is a catalogue.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::import::{self, Imported};
use super::names::kebab;
use super::{folder, read};
use crate::files;
use crate::text;

/// What `import` found in the folder it was given.
#[derive(Debug)]
pub enum Layout {
    /// One ladder; `asked` when subfolders carry an index too, so the user is told which.
    Ladder { asked: bool },
    /// A folder of ladder folders, in the order of their names.
    Catalogue(Vec<Member>),
}

/// One ladder folder of a catalogue: its folder's name and the id it gets.
#[derive(Debug)]
pub struct Member {
    pub id: String,
    pub folder: String,
    path: PathBuf,
}

/// Whether `dir` is one ladder or a catalogue (see the module's rule); refuses a catalogue
/// whose folder names would give two ladders one id.
pub fn layout(dir: &Path) -> Result<Layout> {
    let subfolders = indexed_subfolders(dir)?;
    let Some(members) = subfolders else {
        return Ok(Layout::Ladder { asked: false });
    };
    if links_level_pages(dir)? {
        return Ok(Layout::Ladder { asked: true });
    }
    Ok(Layout::Catalogue(with_ids(members)?))
}

/// The subfolders of `dir` (not hidden, not symbolic links) when there is at least one and
/// each carries an index; `None` otherwise.
fn indexed_subfolders(dir: &Path) -> Result<Option<Vec<(String, PathBuf)>>> {
    let shown = files::shown(dir);
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("cannot read directory {shown:?}"))? {
        let entry = entry.with_context(|| format!("cannot read directory {shown:?}"))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if name.starts_with('.') || !is_dir {
            continue;
        }
        if !has_index(&entry.path()) {
            return Ok(None);
        }
        found.push((name, entry.path()));
    }
    found.sort();
    Ok((!found.is_empty()).then_some(found))
}

/// Whether a folder holds an index page, a regular file (not a link).
fn has_index(dir: &Path) -> bool {
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    entries.filter_map(|e| e.ok()).any(|e| {
        is_index(&e.file_name().to_string_lossy()) && e.file_type().is_ok_and(|t| t.is_file())
    })
}

fn is_index(name: &str) -> bool {
    folder::index_rank(name).is_some()
}

/// Whether the index of `dir` links a page that is not a subfolder's index: a level page.
fn links_level_pages(dir: &Path) -> Result<bool> {
    // Its warnings are not shown: if it is one ladder, the import reads the index again.
    let mut unshown = Default::default();
    let pages = folder::pages_inside(dir, &mut unshown)?;
    let Some(file) = pages.pages.iter().find(|f| is_index(&f.name)) else {
        return Ok(false);
    };
    let index = read::index(&file.name, &folder::read_found(file)?, &mut unshown);
    Ok(index.order.iter().any(|target| {
        let target = target.trim_start_matches("./");
        !matches!(target.split_once('/'), Some((_, page)) if is_index(page))
    }))
}

/// Each folder with its id: its name when that is an id already, else the name in kebab-case.
/// Ids taken are found in a table (ignoring ASCII case), not by a search per folder.
fn with_ids(folders: Vec<(String, PathBuf)>) -> Result<Vec<Member>> {
    let mut members: Vec<Member> = Vec::with_capacity(folders.len());
    let mut taken: HashMap<String, usize> = HashMap::with_capacity(folders.len());
    for (folder, path) in folders {
        let id = if text::is_safe_id(&folder) {
            folder.clone()
        } else {
            kebab(&folder)
        };
        if let Some(&other) = taken.get(&id.to_ascii_lowercase()) {
            bail!(
                "folders {} and {} would both be ladder {}: rename one",
                text::quoted(&members[other].folder),
                text::quoted(&folder),
                text::quoted(&id)
            );
        }
        taken.insert(id.to_ascii_lowercase(), members.len());
        members.push(Member { id, folder, path });
    }
    Ok(members)
}

/// Imports one ladder folder of a catalogue. Its path is the top folder as typed joined with
/// the folder's name, so its messages name pages as they open from the current directory
/// (`handbooks/secops/L1-Analyst.md`).
pub fn import(member: &Member) -> Result<Imported> {
    import::import(&member.path)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids taken are a table: 100,000 folders get their ids at once (a search of the ids so
    /// far for each folder took minutes in a debug build), and two that clash are still found.
    /// The bound is loose on purpose, for a busy machine: it only tells linear from quadratic.
    #[test]
    fn folder_ids_are_checked_in_linear_time() {
        let folders: Vec<(String, PathBuf)> = (0..100_000)
            .map(|i| (format!("team {i}"), PathBuf::new()))
            .collect();
        let start = std::time::Instant::now();
        let members = with_ids(folders).expect("no clash");
        let took = start.elapsed();
        assert_eq!(members[7].id, "team-7");
        assert!(took < std::time::Duration::from_secs(5), "{took:?}");
        let clash = vec![
            ("Team A".to_string(), PathBuf::new()),
            ("team-a".to_string(), PathBuf::new()),
        ];
        let err = with_ids(clash).expect_err("a clash");
        assert_eq!(
            err.to_string(),
            "folders \"Team A\" and \"team-a\" would both be ladder \"team-a\": rename one"
        );
    }
}
