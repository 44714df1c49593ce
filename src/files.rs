//! Writes files and folders whole and only where asked: each is built under a random name,
//! created exclusively beside its target, then renamed into place.
//!
//! So no reader sees half a file or half a handbook, a symlink planted at a guessable name
//! cannot redirect a write, and of two writers racing without `--force` exactly one wins.

use std::fs::{self, File, Permissions};
use std::io::{self, ErrorKind, Write};
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};
use tempfile::{Builder, NamedTempFile};

mod leftovers;

/// The name every export folder is built under (plus this process's id and random letters),
/// beside its target.
pub use leftovers::{FOLDER_PREFIX, before_signal_exit};

/// Writes `bytes` to `path`, refusing an existing file unless `force`. It never writes through
/// a symlink, refuses to replace anything but a regular file, and keeps the replaced file's mode.
pub fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_new_with(path, force, |out| out.write_all(bytes))
}

/// Writes to `path` what `write` writes, as [`write_new`] writes bytes (the same guarantees),
/// so that a large text can stream into the file instead of being held in memory first.
pub fn write_new_with(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let pending = Pending::new(path.to_path_buf(), write, force)?;
    sync_files(std::slice::from_ref(&pending))?;
    pending.commit(force)?;
    sync_directory(parent_of(path));
    Ok(())
}

/// How many pages [`write_pages`] holds written, open and locked at once (two files each: the
/// page and its lock) before it flushes them to disk together and renames them: far below the
/// usual limit of 1,024 open files.
const BATCH: usize = 64;

/// Flushes written temporaries to disk before they are renamed into place: on Linux with one
/// `syncfs` of their file system for the batch (a flush per file costs a journal commit each,
/// which slows a forced export of many small pages: BENCHMARKS.md, "Figures the code relies
/// on"), elsewhere file by file.
fn sync_files(pending: &[Pending]) -> Result<()> {
    #[cfg(target_os = "linux")]
    if let [first, _, ..] = pending {
        return rustix::fs::syncfs(first.temp.as_file())
            .map_err(io::Error::from)
            .with_context(|| format!("cannot write {:?}", shown(&first.target)));
    }
    for p in pending {
        p.temp
            .as_file()
            .sync_all()
            .with_context(|| format!("cannot write {:?}", shown(&p.target)))?;
    }
    Ok(())
}

/// A file written in full under a temporary name, waiting to be flushed to disk
/// ([`sync_files`]) and renamed.
struct Pending {
    temp: NamedTempFile,
    target: PathBuf,
    /// The temporary's lock, held until it is renamed or removed (see [`leftovers`]).
    _claim: leftovers::Claim,
}

impl Pending {
    /// Checks what `target` is now, then writes the temporary file beside it.
    fn new(
        target: PathBuf,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
        force: bool,
    ) -> Result<Pending> {
        let mode = replaceable(&target, force)?;
        let written = (|| -> io::Result<(NamedTempFile, leftovers::Claim)> {
            let (mut temp, claim) = temporary_file(&target)?;
            if let Some(mode) = mode {
                temp.as_file().set_permissions(mode)?;
            }
            let mut buffered = io::BufWriter::new(temp.as_file_mut());
            write(&mut buffered)?;
            buffered.flush()?;
            drop(buffered);
            Ok((temp, claim))
        })();
        // On error the temporary file is dropped, which deletes it: nothing is left behind.
        let (temp, claim) = written
            .map_err(plain)
            .with_context(|| format!("cannot write {:?}", shown(&target)))?;
        Ok(Pending {
            temp,
            target,
            _claim: claim,
        })
    }

    /// Renames the file into place: over whatever is there with `force`, otherwise only if
    /// nothing is (atomically, so a writer that got there first makes this one fail). The
    /// caller flushes the folder afterwards, once for all the files it renames there.
    fn commit(self, force: bool) -> Result<()> {
        let target = self.target;
        let renamed = if force {
            self.temp.persist(&target)
        } else {
            self.temp.persist_noclobber(&target)
        };
        match renamed {
            Ok(_) => Ok(()),
            Err(e) if !force && e.error.kind() == ErrorKind::AlreadyExists => {
                Err(refuse_overwrite(&target))
            }
            Err(e) => Err(e.error).with_context(|| format!("cannot write {:?}", shown(&target))),
        }
    }
}

/// Whether `path` may be written: nothing there, or (with `force`) a regular file, whose
/// permissions are returned so the new file keeps them.
fn replaceable(path: &Path, force: bool) -> Result<Option<Permissions>> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot write {:?}", shown(path))),
        Ok(meta) if meta.file_type().is_symlink() => bail!(
            "refusing to replace {:?}: it is a symbolic link",
            shown(path)
        ),
        Ok(meta) if !meta.is_file() => bail!(
            "refusing to replace {:?}: it is not a regular file",
            shown(path)
        ),
        Ok(_) if !force => Err(refuse_overwrite(path)),
        Ok(meta) => Ok(Some(meta.permissions())),
    }
}

fn refuse_overwrite(path: &Path) -> anyhow::Error {
    anyhow::anyhow!(
        "refusing to overwrite {:?}; pass --force to replace it",
        shown(path)
    )
}

/// A new file beside `path`, named `.NAME.ladder-PID-` plus random letters plus `.tmp`,
/// created with O_EXCL (so never through a symlink) and the mode a new file gets from the
/// umask, and locked as this process's (see [`leftovers`]). The leftovers of writers that are
/// gone are swept from the folder first.
fn temporary_file(path: &Path) -> io::Result<(NamedTempFile, leftovers::Claim)> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(ErrorKind::InvalidInput, "the path names no file"))?;
    let dir = parent_of(path);
    leftovers::sweep(dir);
    let prefix = leftovers::file_prefix(name);
    let mut builder = Builder::new();
    builder
        .prefix(&prefix)
        .rand_bytes(leftovers::RANDOM)
        .suffix(leftovers::FILE_SUFFIX);
    creation_mode(&mut builder, 0o666);
    leftovers::new_file(|| builder.tempfile_in(dir))
}

/// The system's error without the temporary path tempfile appends to it (`... at path "…"`):
/// the user never named that path, and it would reach the terminal unescaped.
fn plain(error: io::Error) -> io::Error {
    if error.raw_os_error().is_some() {
        return error;
    }
    let text = error.to_string();
    match text.split_once(" at path ") {
        Some((message, _)) => io::Error::new(error.kind(), message.to_string()),
        None => error,
    }
}

/// Asks for `mode` less the umask, as `File::create` and `create_dir` do; tempfile's own
/// default (0600, 0700) would make every written file private.
#[cfg(unix)]
fn creation_mode(builder: &mut Builder, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    builder.permissions(Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn creation_mode(_builder: &mut Builder, _mode: u32) {}

/// The directory holding `path`; `.` for a bare name.
fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Flushes a directory's entries (a rename) to disk; best effort, as not every system can.
fn sync_directory(dir: &Path) {
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
}

/// Writes `pages` (file name, text) as the folder `dir`.
///
/// A missing or empty `dir` gets the whole folder at once: it is built in a hidden folder
/// beside `dir` ([`FOLDER_PREFIX`]) and renamed into place, which fails if `dir` has meanwhile
/// become non-empty, so of two racing writers one wins. A non-empty `dir` is refused unless
/// `force`; then each page is replaced whole, one after the other (never through a symlink,
/// never over anything but a regular file), and other files in `dir` are left alone.
/// `pages` must not be empty: an empty folder could be replaced by a second writer.
pub fn write_folder(dir: &Path, pages: &[(String, String)], force: bool) -> Result<()> {
    debug_assert!(
        !pages.is_empty(),
        "an empty folder proves nothing to a racing writer"
    );
    let shown_dir = shown(dir);
    // `.`, `..` and `/` cannot be renamed onto (and `.` is where the user stands): an empty one
    // is filled page by page instead. Otherwise `handbook/.` is spelt `handbook` for rename(2).
    let renamable = matches!(dir.components().next_back(), Some(Component::Normal(_)));
    let target: PathBuf = if renamable {
        dir.components().collect()
    } else {
        dir.to_path_buf()
    };
    let empty = match fs::symlink_metadata(&target) {
        Err(e) if e.kind() == ErrorKind::NotFound && renamable => Some(None),
        Err(e) => return Err(e).with_context(|| format!("cannot read directory {shown_dir:?}")),
        Ok(meta) if meta.file_type().is_symlink() => bail!(
            "refusing to write into {shown_dir:?}: it is a symbolic link; name the directory itself"
        ),
        Ok(meta) if !meta.is_dir() => {
            bail!("cannot write into {shown_dir:?}: it is not a directory")
        }
        Ok(meta) => {
            let mut entries = fs::read_dir(&target)
                .with_context(|| format!("cannot read directory {shown_dir:?}"))?;
            entries.next().is_none().then_some(Some(meta.permissions()))
        }
    };
    match empty {
        Some(mode) if renamable => {
            let published = publish_folder(&target, pages, mode)
                .with_context(|| format!("cannot write into {shown_dir:?}"))?;
            if published {
                return Ok(());
            }
        }
        Some(_) => return write_pages(&target, pages, force),
        None => {}
    }
    if !force {
        bail!(
            "refusing to write into {shown_dir:?}: it is not empty; pass --force to write into it anyway"
        );
    }
    write_pages(&target, pages, true)
}

/// Writes each page into the existing folder `dir`, over a regular file of the same name only
/// if `force`. Every target is checked before any page is written, so a page that cannot be
/// replaced (a FIFO, a symlink) stops the export before it changes anything; then the pages
/// are written, flushed and renamed [`BATCH`] at a time, so that a bounded number of files is
/// open however many pages there are (holding them all open ran out of file descriptors past
/// about a thousand pages), and each folder is flushed once at the end.
fn write_pages(dir: &Path, pages: &[(String, String)], force: bool) -> Result<()> {
    // Every subfolder is checked before any is made, so one that cannot be used changes nothing.
    let missing = pages
        .iter()
        .filter_map(|(name, _)| subfolder(dir, name).transpose())
        .collect::<Result<Vec<_>>>()?;
    for (name, _) in pages {
        replaceable(&dir.join(name), force)?;
    }
    for path in missing {
        if !path.is_dir() {
            fs::create_dir(&path)
                .with_context(|| format!("cannot create directory {:?}", shown(&path)))?;
        }
    }
    let mut folders: Vec<PathBuf> = Vec::new();
    for batch in pages.chunks(BATCH) {
        let pending = batch
            .iter()
            .map(|(name, text)| {
                Pending::new(dir.join(name), |out| out.write_all(text.as_bytes()), force)
            })
            .collect::<Result<Vec<_>>>()?;
        sync_files(&pending)?;
        for page in pending {
            let folder = parent_of(&page.target).to_path_buf();
            page.commit(force)?;
            if folders.last() != Some(&folder) {
                folders.push(folder);
            }
        }
    }
    folders.sort();
    folders.dedup();
    folders.iter().for_each(|f| sync_directory(f));
    Ok(())
}

/// The subfolder a page name has (`sre` of `sre/README.md`) inside `dir` when it is still to
/// be made; `None` when the name has none or it is there as a real folder. Refuses a symbolic
/// link or a file in its place.
fn subfolder(dir: &Path, name: &str) -> Result<Option<PathBuf>> {
    let Some((sub, _)) = name.rsplit_once('/') else {
        return Ok(None);
    };
    let path = dir.join(sub);
    match fs::symlink_metadata(&path) {
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(Some(path)),
        Err(e) => Err(e).with_context(|| format!("cannot read directory {:?}", shown(&path))),
        Ok(meta) if meta.is_dir() => Ok(None),
        Ok(_) => bail!(
            "refusing to write into {:?}: it is not a directory",
            shown(&path)
        ),
    }
}

/// Builds the folder beside `target` and renames it onto `target` (missing or empty); false if
/// `target` held files by then. `mode` is that of the empty folder being replaced.
fn publish_folder(
    target: &Path,
    pages: &[(String, String)],
    mode: Option<Permissions>,
) -> Result<bool> {
    let parent = parent_of(target);
    fs::create_dir_all(parent)
        .with_context(|| format!("cannot create directory {:?}", shown(parent)))?;
    leftovers::sweep(parent);
    // Dropping `temp` on any error below deletes the folder and what is in it.
    let (temp, _claim) = temporary_folder(parent)
        .map_err(plain)
        .with_context(|| format!("cannot create a directory in {:?}", shown(parent)))?;
    if let Some(mode) = mode {
        fs::set_permissions(temp.path(), mode)?;
    }
    for (name, text) in pages {
        let path = temp.path().join(name);
        // Not while a signal's cleanup empties the folder: a page made then would keep it.
        leftovers::unsignalled(|| -> io::Result<()> {
            // A page in a subfolder (`sre/README.md`): the folder is ours, so making it is safe.
            if let Some(sub) = path.parent() {
                fs::create_dir_all(sub)?;
            }
            let mut file = File::options().write(true).create_new(true).open(&path)?;
            file.write_all(text.as_bytes())
        })
        .with_context(|| format!("cannot write {name:?}"))?;
    }
    sync_folder(temp.path(), pages)
        .with_context(|| format!("cannot write into {:?}", shown(temp.path())))?;
    sync_directory(temp.path());
    // rename(2) puts a folder in place of a missing name or an empty folder, and fails on a
    // folder with entries: one system call, so a racing writer's folder is never mixed with ours.
    match leftovers::unsignalled(|| fs::rename(temp.path(), target)) {
        Ok(()) => {
            let _ = temp.keep();
            sync_directory(parent);
            Ok(true)
        }
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::DirectoryNotEmpty | ErrorKind::AlreadyExists
            ) =>
        {
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}

/// Flushes the pages written into the folder `dir` to disk: with one `syncfs` of its file
/// system on Linux, elsewhere page by page.
fn sync_folder(dir: &Path, pages: &[(String, String)]) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        let _ = pages;
        rustix::fs::syncfs(File::open(dir)?).map_err(io::Error::from)
    }
    #[cfg(not(target_os = "linux"))]
    {
        for (name, _) in pages {
            File::open(dir.join(name))?.sync_all()?;
        }
        Ok(())
    }
}

/// A new folder beside the target in `parent`, named [`FOLDER_PREFIX`] plus this process's
/// id and random letters, and locked as this process's (see [`leftovers`]).
fn temporary_folder(parent: &Path) -> io::Result<(tempfile::TempDir, leftovers::Claim)> {
    let mut builder = Builder::new();
    let prefix = leftovers::folder_prefix();
    builder.prefix(&prefix).rand_bytes(leftovers::RANDOM);
    creation_mode(&mut builder, 0o777);
    leftovers::new_folder(|| builder.tempdir_in(parent))
}

/// A path as text safe to print: escaped, and cut in the middle when very long (see
/// [`crate::text::cut_middle`]).
pub fn shown(path: &Path) -> String {
    crate::text::cut_middle(&path.display().to_string())
}

/// A file inside `folder` (a handbook's page, a sheet) as a message names it: the folder as
/// the user typed it joined with the file's path inside it, so that an editor or CI opens it
/// from the current directory, as compilers name files. The folder is kept as typed, never
/// made canonical; the `.` parts of the inner path are dropped, so `.` names the folder
/// itself. Shown as [`shown`] shows a path.
pub fn shown_within(folder: &Path, name: &str) -> String {
    let mut path = folder.to_path_buf();
    for part in Path::new(name).components() {
        if part != Component::CurDir {
            path.push(part);
        }
    }
    if path.as_os_str().is_empty() {
        return ".".to_string();
    }
    shown(&path)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page is named from the folder as typed, whatever that is; only the page's own `.`
    /// parts go, so the folder itself is its typed name.
    #[test]
    fn a_file_inside_a_folder_is_named_from_the_folder_as_typed() {
        let named = |folder: &str, name: &str| shown_within(Path::new(folder), name);
        assert_eq!(named("handbook", "L1.md"), "handbook/L1.md");
        assert_eq!(named("./hb/", "./levels/L1.md"), "./hb/levels/L1.md");
        assert_eq!(named(".", "L1.md"), "./L1.md");
        assert_eq!(named("/tmp/hb", "a/L1.md"), "/tmp/hb/a/L1.md");
        assert_eq!(named("../hb", "../x.md"), "../hb/../x.md");
        assert_eq!(named("hb", "."), "hb");
        assert_eq!(named("", "sheet.csv:3"), "sheet.csv:3");
        assert_eq!(named("", "."), ".");
        assert_eq!(named("hb", "L\x1b[2J.md"), "hb/L\\u{1b}[2J.md");
        assert_eq!(named("h\x1bb", "L1.md"), "h\\u{1b}b/L1.md");
    }

    /// A fresh, empty scratch folder for one test.
    fn scratch(test: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ladder-files-{}-{test}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("dir");
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn write_new_refuses_an_existing_file_unless_forced() {
        let dir = scratch("refuses");
        let path = dir.join("page.md");
        write_new(&path, b"first", false).expect("new file");
        let err = write_new(&path, b"second", false).expect_err("exists");
        assert!(
            err.to_string().starts_with("refusing to overwrite"),
            "{err}"
        );
        assert_eq!(fs::read(&path).expect("read"), b"first");
        write_new(&path, b"second", true).expect("forced");
        assert_eq!(fs::read(&path).expect("read"), b"second");
        assert_eq!(names(&dir), ["page.md"], "no temporary file is left behind");
        fs::remove_dir_all(&dir).expect("cleanup");
    }

    #[test]
    fn temporary_files_are_created_exclusively_under_random_names() {
        let dir = scratch("exclusive");
        let path = dir.join("out.md");
        let (a, _a) = temporary_file(&path).expect("first");
        let (b, _b) = temporary_file(&path).expect("second");
        assert_ne!(a.path(), b.path(), "each temporary name is new");
        let name = a.path().file_name().expect("name").to_string_lossy();
        let pid = std::process::id();
        assert!(
            name.starts_with(&format!(".out.md.ladder-{pid}-")) && name.ends_with(".tmp"),
            "{name}"
        );
        // The name is claimed with O_EXCL: opening it that way again fails, and so would the
        // creation if a symlink had been planted there.
        let again = File::options().write(true).create_new(true).open(a.path());
        assert_eq!(
            again.expect_err("exclusive").kind(),
            ErrorKind::AlreadyExists
        );
        drop((a, b));
        assert!(
            names(&dir).is_empty(),
            "dropped temporary files are deleted"
        );
        fs::remove_dir_all(&dir).expect("cleanup");
    }

    #[test]
    fn a_folder_is_built_beside_its_target_and_renamed_into_place() {
        let dir = scratch("folder");
        let target = dir.join("book");
        let pages = vec![
            ("README.md".to_string(), "index\n".to_string()),
            ("a.md".to_string(), "a\n".to_string()),
        ];
        write_folder(&target, &pages, false).expect("written");
        assert_eq!(names(&dir), ["book"], "the building folder is gone");
        assert_eq!(names(&target), ["README.md", "a.md"]);
        // Its pages are created with O_EXCL in a folder of its own, which the rename moves whole:
        // a second writer finds the target full and changes nothing.
        let other = vec![("README.md".to_string(), "other\n".to_string())];
        let err = write_folder(&target, &other, false).expect_err("taken");
        assert!(err.to_string().contains("it is not empty"), "{err}");
        assert_eq!(
            fs::read(target.join("README.md")).expect("read"),
            b"index\n"
        );
        // A folder that became full between the check and the rename is not replaced either.
        let empty = dir.join("empty");
        fs::create_dir(&empty).expect("mkdir");
        assert!(publish_folder(&empty, &pages, None).expect("published"));
        assert!(!publish_folder(&empty, &other, None).expect("refused"));
        assert_eq!(
            names(&dir),
            ["book", "empty"],
            "the losing folder is removed"
        );
        fs::remove_dir_all(&dir).expect("cleanup");
    }
}
