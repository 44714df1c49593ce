//! The pages of a handbook folder on disk: which may be read, and reading them within the
//! limits checked.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::names::named_with_level;
use super::warning::{Warning, WarningKind, Warnings};
use crate::files;
use crate::load;

/// The most Markdown `ladder import` reads from one folder, all pages together: the same cap
/// as one ladder file ([`load::MAX_BYTES`], 64 MiB), since the pages become one ladder file.
pub const MAX_TOTAL_BYTES: u64 = load::MAX_BYTES;

/// The `.md` files of `dir` that may be read, by name (sorted) with their real paths.
///
/// Refuses the whole folder when the pages add up to more than [`MAX_TOTAL_BYTES`], before
/// reading any of them; a file with two names (a link to a page beside it) counts once.
pub(super) fn pages_inside(dir: &Path, warnings: &mut Warnings) -> Result<Folder> {
    let shown = files::shown(dir);
    let root = fs::canonicalize(dir).with_context(|| format!("cannot read directory {shown:?}"))?;
    let entries =
        fs::read_dir(&root).with_context(|| format!("cannot read directory {shown:?}"))?;
    // Markdown pages, and files without an extension named with a level code: some
    // handbooks keep level pages so. Other files without an extension (`LICENSE`,
    // `Dockerfile`) are not pages, but named if no page is found.
    let mut names: Vec<String> = Vec::new();
    let mut skipped = Vec::new();
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_page_name(&name) {
            names.push(name);
        } else if extension(&name).is_none() && entry.file_type().is_ok_and(|t| !t.is_dir()) {
            skipped.push((
                name,
                "not Markdown: no `.md`, and no level code in its name",
            ));
        }
    }
    names.sort();
    skipped.sort();
    let mut found = Vec::new();
    let mut total: u64 = 0;
    let mut counted = HashSet::new();
    for name in names {
        match regular_inside(&root, &name) {
            Some((real, meta)) => {
                let page = Found { name, real, meta };
                if counted.insert(page.id()) {
                    total = total.saturating_add(page.meta.len());
                }
                found.push(page);
            }
            _ if !name.to_lowercase().ends_with(".md") => {
                // Not a page after all (a folder, say): only an empty folder's error names it.
                skipped.push((name, "not a regular file"));
            }
            _ => {
                warnings.push(Warning::on(
                    &name,
                    WarningKind::NotARegularFile {
                        folder: shown.clone(),
                    },
                ));
                skipped.push((name, "not a regular file inside the folder"));
            }
        }
    }
    check_total(total, &shown)?;
    Ok(Folder {
        root,
        shown,
        pages: found,
        total,
        counted,
        skipped,
    })
}

/// The real path and the metadata of the entry `name` of `root` (a canonical folder) when it
/// is a regular file inside the folder, links resolved. A plain file is its own real path, and
/// costs one `lstat`; only a link is resolved (its real path must lie inside the folder).
/// [`read_found`] then reads only the file found here.
fn regular_inside(root: &Path, name: &str) -> Option<(PathBuf, fs::Metadata)> {
    let path = root.join(name);
    let meta = fs::symlink_metadata(&path).ok()?;
    if meta.is_file() {
        return Some((path, meta));
    }
    let real = fs::canonicalize(&path).ok()?;
    let meta = fs::metadata(&real).ok().filter(|m| m.is_file())?;
    real.starts_with(root).then_some((real, meta))
}

/// What may be read of a folder: its pages, how many bytes they hold, and the files skipped.
pub(super) struct Folder {
    root: PathBuf,
    shown: String,
    pub pages: Vec<Found>,
    total: u64,
    /// The files counted in `total`, each once whatever its names.
    counted: HashSet<FileId>,
    /// Files that were not read, and why: for the error when no level page is found.
    pub skipped: Vec<(String, &'static str)>,
}

impl Folder {
    /// The page an index link names (`./Analyst/L2-Analyst.md`), when it is a regular file
    /// inside the folder: a link with `..`, an absolute path, or a real path (links resolved)
    /// outside the folder is refused, unread, with a warning. A file already counted against
    /// the cap, under this name or another, is not counted again.
    pub fn linked(&mut self, target: &str, warnings: &mut Warnings) -> Result<Option<Found>> {
        // A link to an image, a stylesheet or a data file is not a page: not read, and only
        // warned about when it leads out of the folder.
        let page_like = extension(target).is_none_or(is_markdown);
        let relative = Path::new(target);
        let plain = relative
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        let real = plain
            .then(|| fs::canonicalize(self.root.join(relative)).ok())
            .flatten();
        let meta = real
            .as_ref()
            .filter(|r| r.starts_with(&self.root))
            .and_then(|r| fs::metadata(r).ok())
            .filter(|m| m.is_file());
        let (Some(real), Some(meta)) = (real, meta) else {
            let exists = plain && self.root.join(relative).exists();
            if !page_like && plain && !exists {
                return Ok(None);
            }
            let kind = if exists || !plain {
                WarningKind::NotARegularFile {
                    folder: self.shown.clone(),
                }
            } else {
                WarningKind::MissingPage
            };
            warnings.push(Warning::on(target, kind));
            return Ok(None);
        };
        if !page_like {
            return Ok(None);
        }
        let page = Found {
            name: target.to_string(),
            real,
            meta,
        };
        if self.counted.insert(page.id()) {
            self.total = self.total.saturating_add(page.meta.len());
            check_total(self.total, &self.shown)?;
        }
        Ok(Some(page))
    }
}

/// Whether a file in the folder may be a page: Markdown, or a name without an extension that
/// opens with a level code (`L2-Junior-Customer-Success-Manager`; its text must then read as
/// a level page).
fn is_page_name(name: &str) -> bool {
    match extension(name) {
        Some(e) => e.eq_ignore_ascii_case("md"),
        None => named_with_level(name),
    }
}

/// A file name's extension: what follows its last dot, when that is a short word with a letter
/// (`md`, `yml`, `png`); `L1.0-Graduate` has none.
fn extension(name: &str) -> Option<&str> {
    let name = name.rsplit('/').next().unwrap_or(name);
    let (stem, ext) = name.rsplit_once('.')?;
    let word = (1..=8).contains(&ext.len())
        && ext.chars().all(|c| c.is_ascii_alphanumeric())
        && ext.chars().any(|c| c.is_ascii_alphabetic());
    (word && !stem.is_empty()).then_some(ext)
}

/// Whether an extension is Markdown's.
fn is_markdown(extension: &str) -> bool {
    ["md", "markdown"]
        .iter()
        .any(|m| extension.eq_ignore_ascii_case(m))
}

fn check_total(total: u64, shown: &str) -> Result<()> {
    if total > MAX_TOTAL_BYTES {
        bail!(
            "the Markdown pages in {shown:?} hold {total} bytes, over the limit of {MAX_TOTAL_BYTES} (64 MiB) for one import"
        );
    }
    Ok(())
}

/// A page found in the folder: its name there, its real path, and what it was when checked.
pub(super) struct Found {
    pub name: String,
    real: PathBuf,
    meta: fs::Metadata,
}

impl Found {
    /// The file's identity: [`read_found`] reads only the file that has it.
    pub fn id(&self) -> FileId {
        file_id(&self.real, &self.meta)
    }
}

/// Which file a page is, whatever the name it was reached by (`d/L1.md`, `d/./L1.md`, a
/// link to it): its device and inode on Unix, its real path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct FileId(#[cfg(unix)] (u64, u64), #[cfg(not(unix))] PathBuf);

#[cfg(unix)]
fn file_id(_real: &Path, meta: &fs::Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    FileId((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(real: &Path, _meta: &fs::Metadata) -> FileId {
    FileId(real.to_path_buf())
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a page found by [`pages_inside`] (without a byte-order mark), refusing it when the file opened is not the one
/// checked (it was replaced, say by a link out of the folder, in between).
pub(super) fn read_found(found: &Found) -> Result<String> {
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
    // A byte-order mark (Windows editors write one) is no part of the text: left in, it would
    // hide the page's `# L1:` heading or front matter from the Markdown parser.
    let bom = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    bytes.drain(..bom);
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "page {shown:?} is not UTF-8 text (invalid byte at offset {})",
            bom + e.utf8_error().valid_up_to()
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

/// How a file name ranks as a handbook's index: `README.md`, then `index.md`, then `_index.md`
/// (static-site generators); `SUMMARY.md` (GitBook's table of contents) last, which gives the
/// order of the pages when another index gives the rest. `None` for a page.
pub(super) fn index_rank(name: &str) -> Option<usize> {
    const INDEXES: [&str; 4] = ["README.md", "index.md", "_index.md", "SUMMARY.md"];
    INDEXES.iter().position(|i| name.eq_ignore_ascii_case(i))
}

/// The name a page goes by: its file name, or for a folder's own page
/// (`lead-analyst/_index.md`) the folder's name.
pub(super) fn page_name(file: &str) -> &str {
    let mut parts = file.rsplit('/');
    match (parts.next(), parts.next()) {
        (Some(name), Some(dir)) if index_rank(name).is_some() => dir,
        (Some(name), _) => name,
        _ => file,
    }
}

/// The rank of `SUMMARY.md` (see [`index_rank`]).
pub(super) const SUMMARY: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_markdown_and_files_named_with_a_level_code_are_pages() {
        for page in [
            "L2.md",
            "faq.MD",
            "L2-Junior-Customer-Success-Manager",
            "L1.0-Graduate",
        ] {
            assert!(is_page_name(page), "{page}");
        }
        for other in [
            "LICENSE",
            "Dockerfile",
            "CNAME",
            "L2.yml",
            "ladder.json",
            "L3.png",
            ".md",
        ] {
            assert!(!is_page_name(other), "{other}");
        }
        assert_eq!(extension("d/L1.0-Graduate"), None);
        assert_eq!(extension("images/chart.png"), Some("png"));
    }

    /// A fresh, empty scratch folder for one test.
    fn scratch(test: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ladder-folder-{}-{test}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("d")).expect("dir");
        dir
    }

    /// A file reached by two names (a link beside it, an index link spelled two ways) counts
    /// once against the cap: 40 MiB under two names is not 80.
    #[cfg(unix)]
    #[test]
    fn a_file_with_two_names_counts_once_against_the_cap() {
        let dir = scratch("two-names");
        let page = File::create(dir.join("d/L1.md")).expect("page");
        page.set_len(40 << 20).expect("a sparse 40 MiB page");
        std::os::unix::fs::symlink(dir.join("d/L1.md"), dir.join("L1.md")).expect("link");
        std::os::unix::fs::symlink(dir.join("d/L1.md"), dir.join("L2.md")).expect("link");
        let mut warnings = Warnings::default();
        let mut folder = pages_inside(&dir, &mut warnings).expect("counted once");
        assert_eq!(folder.total, 40 << 20);
        for spelling in ["d/L1.md", "d//L1.md", "d/./L1.md"] {
            let found = folder
                .linked(spelling, &mut warnings)
                .expect("counted once");
            assert_eq!(found.map(|f| f.id()), Some(folder.pages[0].id()));
        }
        assert_eq!(folder.total, 40 << 20);
        assert!(warnings.is_empty());
        let _ = fs::remove_dir_all(&dir);
    }
}
