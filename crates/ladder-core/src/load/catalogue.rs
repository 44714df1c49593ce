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

use crate::model::{Catalogue, Entry, Ladder};
use crate::text;
use crate::validate::{Located, Severity, Validation};

/// The extension that makes a file of the folder a ladder.
const EXTENSION: &str = ".toml";

/// Whether `path` names a folder (following a symbolic link to one): a catalogue, not a file.
pub fn is_folder(path: &Path) -> bool {
    path.as_os_str() != "-" && fs::metadata(path).is_ok_and(|m| m.is_dir())
}

/// The ladder files of a folder as (id, path), sorted by id; fails naming the first file that
/// is not a regular file in the folder or whose stem is not an id, and on a folder without any.
pub fn files(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let (inside, found) = candidates(dir)?;
    for (id, path) in &found {
        check(&inside, path, id)?;
    }
    Ok(found)
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

/// Checks every ladder file of the folder, one [`Validation`] per file in id order: a file
/// that is not a ladder file of the folder or cannot be read has that as its one error, and
/// an id that repeats another's but for case (`SRE`, `sre`) is an error of the later file.
pub fn validate(dir: &Path) -> Result<Vec<Validation>> {
    let (inside, found) = candidates(dir)?;
    let mut seen: HashMap<String, &str> = HashMap::with_capacity(found.len());
    let mut validations = Vec::with_capacity(found.len());
    for (id, path) in &found {
        let file = path.display().to_string();
        let read = check(&inside, path, id).and_then(|()| super::read(path));
        let mut validation = match read {
            Ok(source) => super::validate(&source),
            Err(e) => whole_file(&file, format!("{e:#}")),
        };
        if let Some(first) = seen.insert(id.to_ascii_lowercase(), id) {
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

/// The file of the ladder with this exact id in the folder, checked as [`files`] checks each;
/// `None` when the folder holds no such file.
pub fn file(dir: &Path, id: &str) -> Result<Option<PathBuf>> {
    if !text::is_safe_id(id) {
        return Ok(None);
    }
    let path = dir.join(format!("{id}{EXTENSION}"));
    if fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    let shown = text::cut_middle(&dir.display().to_string());
    let inside = fs::canonicalize(dir).with_context(|| format!("cannot read folder {shown:?}"))?;
    check(&inside, &path, id)?;
    Ok(Some(path))
}

/// Fails unless `path` is a regular file of the folder `inside` (canonical) with an id as stem.
fn check(inside: &Path, path: &Path, id: &str) -> Result<()> {
    let shown = text::cut_middle(&path.display().to_string());
    if !text::is_safe_id(id) {
        bail!(
            "ladder file {shown:?}: its name is not a ladder id (ASCII letters, digits, '-', '_', '.')"
        );
    }
    let meta =
        fs::symlink_metadata(path).with_context(|| format!("cannot read ladder file {shown:?}"))?;
    if meta.file_type().is_symlink() {
        let target =
            fs::canonicalize(path).with_context(|| format!("cannot read ladder file {shown:?}"))?;
        if target.parent() != Some(inside) {
            bail!("ladder file {shown:?} is a symbolic link out of its folder");
        }
        if !fs::metadata(&target).is_ok_and(|m| m.is_file()) {
            bail!("ladder file {shown:?} is not a regular file");
        }
    } else if !meta.is_file() {
        bail!("ladder file {shown:?} is not a regular file");
    }
    Ok(())
}

/// Reads and loads every ladder of the folder; the first that cannot be read or has an error
/// ends the load, named in the one line of the error.
pub fn load(dir: &Path) -> Result<Catalogue> {
    let mut ladders = Vec::new();
    for (id, path) in files(dir)? {
        let ladder = Ladder::load(&super::read(&path)?)?;
        ladders.push(Entry { id, ladder });
    }
    Ok(Catalogue { ladders })
}
