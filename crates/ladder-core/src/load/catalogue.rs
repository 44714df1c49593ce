//! A folder read as a catalogue: which of its files are ladders, their ids, and loading them.
//!
//! A ladder is a regular `*.toml` file directly in the folder (names starting with a dot are
//! left out, as a shell's `*.toml` leaves them out); its id is the file's stem. A symbolic link
//! counts only when it leads to a regular file inside the folder: a catalogue never reads a
//! file that its folder does not hold.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use crate::document::Document;
use crate::model::{Catalogue, Entry, Ladder};
use crate::text;
use crate::validate::{Located, Severity, Validation};

/// The extension that makes a file of the folder a ladder.
const EXTENSION: &str = ".toml";

/// Whether `path` names a folder (following a symbolic link to one): a catalogue, not a file.
pub fn is_folder(path: &Path) -> bool {
    path.as_os_str() != "-" && fs::metadata(path).is_ok_and(|m| m.is_dir())
}

/// The ladder files of a folder as (id, path), sorted by id, unread; fails on a folder
/// without any, on a file whose stem is not a ladder id, and on two ids that differ only in
/// case (their exports would be one folder on some systems).
pub fn files(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    checked(dir).map(|(_, found)| found)
}

/// The folder made canonical and its ladder files, as [`files`] gives them.
fn checked(dir: &Path) -> Result<(PathBuf, Vec<(String, PathBuf)>)> {
    let (inside, found) = candidates(dir)?;
    for (id, path) in &found {
        check_id(id, &shown(path))?;
    }
    if let Some((id, first)) = case_clash(&found).into_iter().next() {
        bail!(
            "folder {:?} holds ladders {} and {}, whose ids differ only in case; rename one",
            text::cut_middle(&dir.display().to_string()),
            text::quoted(first),
            text::quoted(id)
        );
    }
    Ok((inside, found))
}

/// The folder made canonical, and its `*.toml` entries as (id, path) sorted by id, unchecked;
/// fails when the folder cannot be read or holds none.
fn candidates(dir: &Path) -> Result<(PathBuf, Vec<(String, PathBuf)>)> {
    let shown = text::cut_middle(&dir.display().to_string());
    let inside = fs::canonicalize(dir).with_context(|| format!("cannot read folder {shown:?}"))?;
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("cannot read folder {shown:?}"))? {
        let entry = entry.with_context(|| format!("cannot read folder {shown:?}"))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !name.ends_with(EXTENSION) {
            continue;
        }
        let id = name[..name.len() - EXTENSION.len()].to_string();
        found.push((id, entry.path()));
    }
    if found.is_empty() {
        bail!("folder {shown:?} holds no ladder file (*.toml)");
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    Ok((inside, found))
}

/// Every id that repeats an earlier one but for case, with the earlier one, in id order.
fn case_clash(found: &[(String, PathBuf)]) -> Vec<(&str, &str)> {
    let mut seen: HashMap<String, &str> = HashMap::with_capacity(found.len());
    found
        .iter()
        .filter_map(|(id, _)| {
            let first = seen.insert(id.to_ascii_lowercase(), id)?;
            Some((id.as_str(), first))
        })
        .collect()
}

/// Checks every ladder file of the folder, one [`Validation`] per file in id order: a file
/// that is not a ladder file of the folder or cannot be read (or would take the folder over
/// [`super::MAX_BYTES`] in all) has that as its one error, and
/// an id that repeats another's but for case (`SRE`, `sre`) is an error of the later file.
pub fn validate(dir: &Path) -> Result<Vec<Validation>> {
    let (inside, found) = candidates(dir)?;
    let clashes: HashMap<&str, &str> = case_clash(&found).into_iter().collect();
    let mut total = Total::new();
    let mut validations = Vec::with_capacity(found.len());
    for (id, path) in &found {
        let file = path.display().to_string();
        let mut validation = match read_entry(&inside, path, id, &mut total) {
            Ok(source) => super::validate(&source),
            Err(e) => whole_file(&file, format!("{e:#}")),
        };
        if let Some(first) = clashes.get(id.as_str()) {
            let duplicate = whole_file(
                &file,
                format!("ladder id {id:?} repeats {first:?}: ids must differ in more than case"),
            );
            validation.findings.extend(duplicate.findings);
        }
        validations.push(validation);
    }
    Ok(validations)
}

/// A validation of one error about a file as a whole, placed at its start.
fn whole_file(file: &str, message: String) -> Validation {
    Validation {
        file: file.to_string(),
        findings: vec![Located {
            file: file.to_string(),
            line: 1,
            column: 1,
            severity: Severity::Error,
            message: text::escape_controls(&message).into_owned(),
            source_line: String::new(),
            caret: 0,
        }],
    }
}

/// The ladder with this exact id in the folder, read as [`load`] reads each; `None` when the
/// folder holds no such file.
pub fn file(dir: &Path, id: &str) -> Result<Option<Document>> {
    if !exists(dir, id) {
        return Ok(None);
    }
    let path = dir.join(format!("{id}{EXTENSION}"));
    let shown = text::cut_middle(&dir.display().to_string());
    let inside = fs::canonicalize(dir).with_context(|| format!("cannot read folder {shown:?}"))?;
    read_entry(&inside, &path, id, &mut Total::new()).map(Some)
}

/// Whether the folder has an entry named as the ladder file of exactly this id (not read).
pub fn exists(dir: &Path, id: &str) -> bool {
    text::is_safe_id(id) && fs::symlink_metadata(dir.join(format!("{id}{EXTENSION}"))).is_ok()
}

/// A path as messages quote it.
fn shown(path: &Path) -> String {
    text::cut_middle(&path.display().to_string())
}

/// Fails unless a file's stem may be a ladder id: an id (see [`text::is_safe_id`]) that
/// does not end in `.md`, since a catalogue's export writes `README.md` beside a folder per
/// ladder.
fn check_id(id: &str, shown: &str) -> Result<()> {
    if !text::is_safe_id(id) {
        bail!(
            "ladder file {shown:?}: its name is not a ladder id (ASCII letters, digits, '-', '_', '.', starting with a letter or digit)"
        );
    }
    if id.to_ascii_lowercase().ends_with(".md") {
        bail!(
            "ladder file {shown:?}: a ladder id must not end in .md, as the pages export writes do"
        );
    }
    Ok(())
}

/// Reads the ladder file `path` of the folder `inside` (canonical) under `id`: opened once,
/// without waiting on a FIFO or a device, and read only when what was opened is a regular
/// file of the folder. A check of the name before opening it could be raced: a link swapped
/// in between would be followed.
fn read_entry(inside: &Path, path: &Path, id: &str, total: &mut Total) -> Result<Document> {
    let shown = shown(path);
    check_id(id, &shown)?;
    let file = super::open_without_waiting(path)
        .with_context(|| format!("cannot read ladder file {shown:?}"))?;
    let opened = file
        .metadata()
        .with_context(|| format!("cannot read ladder file {shown:?}"))?;
    if !opened.is_file() {
        bail!("ladder file {shown:?} is not a regular file");
    }
    let real =
        fs::canonicalize(path).with_context(|| format!("cannot read ladder file {shown:?}"))?;
    if real.parent() != Some(inside) {
        bail!("ladder file {shown:?} is a symbolic link out of its folder");
    }
    let named =
        fs::metadata(&real).with_context(|| format!("cannot read ladder file {shown:?}"))?;
    if !super::same_file(&opened, &named) {
        bail!("ladder file {shown:?} changed while it was being read; try again");
    }
    // A file over the cap of one file is refused as such, by `read_opened`, unread.
    if opened.len() <= super::MAX_BYTES {
        total.read = total.read.saturating_add(opened.len());
    }
    if total.read > total.cap {
        let folder = text::cut_middle(&inside.display().to_string());
        bail!(
            "the ladder files of {folder:?} hold more than {} bytes together, over the limit for one catalogue",
            total.cap
        );
    }
    super::read_opened(path.display().to_string(), file, opened.len())
}

/// The bytes a catalogue's files hold together, and the most they may.
struct Total {
    read: u64,
    cap: u64,
}

impl Total {
    /// Nothing read yet, under the cap of one ladder file.
    fn new() -> Total {
        Total {
            read: 0,
            cap: super::MAX_BYTES,
        }
    }
}

/// Reads and loads every ladder of the folder; the first that cannot be read or has an error
/// ends the load, named in the one line of the error, and so do files that hold more than
/// [`super::MAX_BYTES`] together: a catalogue is held to the cap of one file.
pub fn load(dir: &Path) -> Result<Catalogue> {
    load_within(dir, Total::new())
}

/// [`load`] with the files held to `total`'s cap together.
fn load_within(dir: &Path, mut total: Total) -> Result<Catalogue> {
    let (inside, found) = checked(dir)?;
    let mut ladders = Vec::with_capacity(found.len());
    for (id, path) in found {
        let ladder = Ladder::load(&read_entry(&inside, &path, &id, &mut total)?)?;
        ladders.push(Entry { id, ladder });
    }
    Ok(Catalogue { ladders })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_of_a_catalogue_are_held_to_one_cap_together() {
        let dir = std::env::temp_dir().join(format!("ladder-core-cap-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("folder");
        let ladder = "name = \"T\"\nlevels = [\"L1\"]\n[[dimension]]\nid = \"c\"\nname = \"C\"\n\
                      [[role]]\nid = \"L1-a\"\nlevel = \"L1\"\ntitle = \"A\"\nsummary = \"A.\"\n";
        for name in ["a.toml", "b.toml", "c.toml"] {
            fs::write(dir.join(name), ladder).expect("written");
        }
        let size = ladder.len() as u64;
        let loaded = load_within(
            &dir,
            Total {
                read: 0,
                cap: 3 * size,
            },
        );
        assert_eq!(loaded.expect("within the cap").ladders.len(), 3);
        let refused = load_within(
            &dir,
            Total {
                read: 0,
                cap: 3 * size - 1,
            },
        );
        let inside = fs::canonicalize(&dir).expect("canonical");
        assert_eq!(
            format!("{:#}", refused.expect_err("over the cap")),
            format!(
                "the ladder files of {:?} hold more than {} bytes together, over the limit for one catalogue",
                inside.display().to_string(),
                3 * size - 1
            )
        );
        fs::remove_dir_all(&dir).expect("removed");
    }
}
