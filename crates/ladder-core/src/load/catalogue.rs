//! A folder read as a catalogue: which of its files are ladders, their ids, and loading them.
//!
//! A ladder is a regular `*.toml` file directly in the folder (names starting with a dot are
//! left out, as a shell's `*.toml` leaves them out); its id is the file's stem. A symbolic link
//! counts only when it leads to a regular file inside the folder: a catalogue never reads a
//! file that its folder does not hold.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use crate::model::{Catalogue, Entry, Ladder};
use crate::text;

/// The extension that makes a file of the folder a ladder.
const EXTENSION: &str = ".toml";

/// Whether `path` names a folder (following a symbolic link to one): a catalogue, not a file.
pub fn is_folder(path: &Path) -> bool {
    path.as_os_str() != "-" && fs::metadata(path).is_ok_and(|m| m.is_dir())
}

/// The ladder files of a folder as (id, path), sorted by id; fails naming the first file that
/// is not a regular file in the folder or whose stem is not an id, and on a folder without any.
pub fn files(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let shown = text::cut_middle(&dir.display().to_string());
    let inside = fs::canonicalize(dir).with_context(|| format!("cannot read folder {shown:?}"))?;
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("cannot read folder {shown:?}"))? {
        let entry = entry.with_context(|| format!("cannot read folder {shown:?}"))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !name.ends_with(EXTENSION) {
            continue;
        }
        let path = entry.path();
        let id = name[..name.len() - EXTENSION.len()].to_string();
        check(&inside, &path, &id)?;
        found.push((id, path));
    }
    if found.is_empty() {
        bail!("folder {shown:?} holds no ladder file (*.toml)");
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(found)
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
