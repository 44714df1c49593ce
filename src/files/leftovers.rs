//! What a write cut short leaves behind, and how it is cleared: temporary names that say
//! which process made them, a lock held on each while it is in use, their removal on SIGINT
//! and SIGTERM, and a sweep of dead writers' leftovers before the next write to their folder.
//!
//! A temporary file or folder is locked (`flock`) by the process writing it from just after it
//! is made until it is renamed or removed. The kernel drops the lock when that process ends,
//! however it ends (KILL included, or a panic under `panic = "abort"`), so a leftover whose
//! lock can be taken belongs to no live writer, and only such a one is swept: never another
//! live writer's, whatever process namespace or user it runs in. A writer whose fresh
//! temporary a sweep took in the instant before it locked it finds it gone and makes another.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use tempfile::{NamedTempFile, TempDir};

/// The start of every export folder's temporary name: `.ladder-export-PID-XXXXXX`.
pub const FOLDER_PREFIX: &str = ".ladder-export-";

/// What a temporary file's name holds after the target's: `.NAME.ladder-PID-XXXXXX.tmp`.
const FILE_MARK: &str = "ladder-";

/// The suffix of every temporary file.
pub const FILE_SUFFIX: &str = ".tmp";

/// How many random letters tempfile puts in a name.
pub const RANDOM: usize = 6;

/// The prefix of a temporary file for a target named `name`: `.NAME.ladder-PID-`, or
/// `.ladder-PID-` when the name is so long that it would leave no room for the rest.
pub fn file_prefix(name: &OsStr) -> OsString {
    let mut prefix = OsString::from(".");
    if name.len() <= 200 {
        prefix.push(name);
        prefix.push(".");
    }
    prefix.push(format!("{FILE_MARK}{}-", std::process::id()));
    prefix
}

/// The prefix of this process's temporary export folders: `.ladder-export-PID-`.
pub fn folder_prefix() -> String {
    format!("{FOLDER_PREFIX}{}-", std::process::id())
}

/// What a name in a folder is, when it is one `ladder` gives its temporaries: a file or a
/// folder, and the pid of the process that made it.
fn temporary(name: &str) -> Option<(Kind, u32)> {
    let (kind, rest) = if let Some(rest) = name.strip_prefix(FOLDER_PREFIX) {
        (Kind::Folder, rest)
    } else {
        let rest = name.strip_prefix('.')?.strip_suffix(FILE_SUFFIX)?;
        // `ladder-PID-XXXXXX` ends the name, after `NAME.` or on its own.
        let at = rest.rfind(FILE_MARK)?;
        if at != 0 && !rest[..at].ends_with('.') {
            return None;
        }
        (Kind::File, &rest[at + FILE_MARK.len()..])
    };
    let (pid, random) = rest.split_once('-')?;
    let random_ok = random.len() == RANDOM && random.bytes().all(|b| b.is_ascii_alphanumeric());
    let pid_ok = !pid.is_empty() && pid.len() <= 10 && pid.bytes().all(|b| b.is_ascii_digit());
    if !(random_ok && pid_ok) {
        return None;
    }
    Some((kind, pid.parse().ok()?))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    File,
    Folder,
}

/// The temporaries this process has made and not yet renamed or removed, for the signal
/// handler to remove. Its lock is held across each step that fills or publishes a folder
/// ([`unsignalled`]), and by the handler to the end of the process.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A temporary this process has made, locked and listed for removal on a signal, until it
/// is dropped (after its rename, or with it).
pub struct Claim {
    path: PathBuf,
    /// The open folder that holds a folder's lock (a file's lock is on its own handle).
    _folder: Option<File>,
}

impl Drop for Claim {
    fn drop(&mut self) {
        pending().retain(|p| *p != self.path);
    }
}

/// Makes a temporary file with `make`, locks it and lists it. Signals are handled from before
/// it exists, and the list is held until it is in it, so that a signal in between still
/// removes it. A file a sweep took first (locked or removed before this process locked it)
/// is dropped and another made.
pub fn new_file(
    mut make: impl FnMut() -> io::Result<NamedTempFile>,
) -> io::Result<(NamedTempFile, Claim)> {
    handle_signals();
    let mut pending = pending();
    for _ in 0..ATTEMPTS {
        let temp = make()?;
        if locked_in_place(temp.path(), temp.as_file()) {
            pending.push(temp.path().to_path_buf());
            let claim = Claim {
                path: temp.path().to_path_buf(),
                _folder: None,
            };
            return Ok((temp, claim));
        }
    }
    Err(taken())
}

/// Makes a temporary folder with `make`, locks it (through a handle the claim keeps open) and
/// lists it, as [`new_file`] does a file.
pub fn new_folder(mut make: impl FnMut() -> io::Result<TempDir>) -> io::Result<(TempDir, Claim)> {
    handle_signals();
    let mut pending = pending();
    for _ in 0..ATTEMPTS {
        let temp = make()?;
        let Ok(folder) = open_without_following(temp.path()) else {
            continue;
        };
        if locked_in_place(temp.path(), &folder) {
            pending.push(temp.path().to_path_buf());
            let claim = Claim {
                path: temp.path().to_path_buf(),
                _folder: Some(folder),
            };
            return Ok((temp, claim));
        }
    }
    Err(taken())
}

/// How many times a writer makes a new temporary when a sweep took the one it just made.
const ATTEMPTS: usize = 3;

/// The error when sweeps by other runs took every temporary this one made.
fn taken() -> io::Error {
    io::Error::other("another ladder kept removing its temporary files; try again")
}

/// Runs `step` (a page written into a temporary folder, the folder's rename) where a signal's
/// cleanup cannot interleave with it: the cleanup waits for it to end, and once the cleanup
/// has begun, no step starts.
pub fn unsignalled<T>(step: impl FnOnce() -> T) -> T {
    let _pending = pending();
    step()
}

/// Whether `handle`, just opened at `path`, is now locked by this process and still there.
/// Without locks (a file system that has none) a temporary is kept and never swept.
#[cfg(unix)]
fn locked_in_place(path: &Path, handle: &File) -> bool {
    use rustix::fs::{FlockOperation, flock};
    use std::os::unix::fs::MetadataExt;
    match flock(handle, FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => {}
        Err(rustix::io::Errno::WOULDBLOCK) => return false,
        Err(_) => return true,
    }
    // A sweep may have locked, removed and let go of it before we locked it.
    let (Ok(open), Ok(named)) = (handle.metadata(), fs::symlink_metadata(path)) else {
        return false;
    };
    open.dev() == named.dev() && open.ino() == named.ino()
}

#[cfg(not(unix))]
fn locked_in_place(_path: &Path, _handle: &File) -> bool {
    true
}

/// Opens a file or folder for its lock only: not through a symlink, not waiting on a FIFO.
#[cfg(unix)]
fn open_without_following(path: &Path) -> io::Result<File> {
    use rustix::fs::{Mode, OFlags, open};
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::NOCTTY;
    Ok(File::from(open(
        path,
        flags | OFlags::CLOEXEC,
        Mode::empty(),
    )?))
}

#[cfg(not(unix))]
fn open_without_following(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// Removes from `dir` the temporaries of writers that are gone: each named as `ladder` names
/// them, by another process, still a regular file or a folder once opened, and unlocked.
/// Best effort: whatever cannot be read, locked or removed is left. Each folder is swept
/// once per run.
pub fn sweep(dir: &Path) {
    static SWEPT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    {
        let mut swept = SWEPT.lock().unwrap_or_else(PoisonError::into_inner);
        if swept.iter().any(|d| d == dir) {
            return;
        }
        swept.push(dir.to_path_buf());
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some((kind, pid)) = name.to_str().and_then(temporary) else {
            continue;
        };
        if pid != std::process::id() {
            remove_if_abandoned(&entry.path(), kind);
        }
    }
}

/// Removes a leftover when no live process holds its lock; the lock is held while it goes.
#[cfg(unix)]
fn remove_if_abandoned(path: &Path, kind: Kind) {
    use rustix::fs::{FlockOperation, flock};
    let Ok(handle) = open_without_following(path) else {
        return;
    };
    let is_kind = handle.metadata().is_ok_and(|m| match kind {
        Kind::File => m.is_file(),
        Kind::Folder => m.is_dir(),
    });
    if is_kind && flock(&handle, FlockOperation::NonBlockingLockExclusive).is_ok() {
        let _ = match kind {
            Kind::File => fs::remove_file(path),
            Kind::Folder => fs::remove_dir_all(path),
        };
    }
}

#[cfg(not(unix))]
fn remove_if_abandoned(_path: &Path, _kind: Kind) {}

/// From the first temporary on, SIGINT and SIGTERM remove this process's temporaries, then
/// end it as the signal would have. A signal the process was started ignoring (as a shell
/// starts a background job's SIGINT) stays ignored.
#[cfg(unix)]
fn handle_signals() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        let caught: Vec<i32> = [SIGINT, SIGTERM]
            .into_iter()
            .filter(|&s| !ignored_at_start(s))
            .collect();
        let Ok(mut signals) = signal_hook::iterator::Signals::new(&caught) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held to the end: no folder is renamed while its pages are being removed.
                let pending = pending();
                for path in pending.iter() {
                    remove(path);
                }
                if let Some(last) = LAST_WORDS.get() {
                    last();
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    });
}

/// What to do after the temporaries are removed and before a signal ends the process.
static LAST_WORDS: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Has `last` run before SIGINT or SIGTERM ends the process through the handler above
/// (`browse` gives the terminal back); the first one set stays.
pub fn before_signal_exit(last: fn()) {
    let _ = LAST_WORDS.set(last);
}

#[cfg(not(unix))]
fn handle_signals() {}

/// Whether the process started with `signal` ignored, read from `/proc/self/status`
/// (`SigIgn`, a mask in hex); where that cannot be read, it was not.
#[cfg(unix)]
fn ignored_at_start(signal: i32) -> bool {
    let Ok(status) = fs::read_to_string("/proc/self/status") else {
        return false;
    };
    status
        .lines()
        .find_map(|l| l.strip_prefix("SigIgn:"))
        .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
        .is_some_and(|mask| mask & (1 << (signal - 1)) != 0)
}

/// Removes one of this process's temporaries; a folder is retried, as its pages may still
/// be being written while it goes.
#[cfg(unix)]
fn remove(path: &Path) {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => {
            for _ in 0..3 {
                if fs::remove_dir_all(path).is_ok() {
                    break;
                }
            }
        }
        Ok(_) => {
            let _ = fs::remove_file(path);
        }
        Err(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_ladder_gives_its_temporaries_are_swept() {
        for (name, found) in [
            (".ev.md.ladder-123-aB3xY9.tmp", Some((Kind::File, 123))),
            (".a.b.ladder-7-abcdef.tmp", Some((Kind::File, 7))),
            (".ladder-42-abcdef.tmp", Some((Kind::File, 42))),
            (".ladder-export-99-Zz09aa", Some((Kind::Folder, 99))),
            (".ev.md.abcdef.tmp", None),
            (".notes.backup.tmp", None),
            (".ev.mdladder-1-abcdef.tmp", None),
            (".ev.md.ladder-1-abcde.tmp", None),
            (".ev.md.ladder-x-abcdef.tmp", None),
            (".ev.md.ladder-1-abc$ef.tmp", None),
            (".ladder-export-abcdef", None),
            ("ev.md.ladder-1-abcdef.tmp", None),
            (".ev.md.ladder-99999999999-abcdef.tmp", None),
        ] {
            assert_eq!(temporary(name), found, "{name}");
        }
        let prefix = file_prefix(OsStr::new("ev.md"));
        let name = format!("{}abcdef{FILE_SUFFIX}", prefix.to_string_lossy());
        assert_eq!(temporary(&name), Some((Kind::File, std::process::id())));
        let name = format!("{}abcdef", folder_prefix());
        assert_eq!(temporary(&name), Some((Kind::Folder, std::process::id())));
    }

    #[cfg(unix)]
    #[test]
    fn a_sweep_removes_only_unlocked_leftovers_of_other_processes() {
        use rustix::fs::{FlockOperation, flock};
        let dir = std::env::temp_dir().join(format!("ladder-sweep-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join(".ladder-export-1-abcdef/sub")).expect("folder");
        for name in [
            ".a.md.ladder-1-abcdef.tmp",
            ".b.md.ladder-1-abcdef.tmp",
            ".c.md.abcdef.tmp",
            "keep.md",
        ] {
            fs::write(dir.join(name), "x").expect("file");
        }
        let own = format!(".d.md.ladder-{}-abcdef.tmp", std::process::id());
        fs::write(dir.join(&own), "x").expect("own");
        std::os::unix::fs::symlink("keep.md", dir.join(".e.md.ladder-1-abcdef.tmp")).expect("link");
        // A live writer's: its lock is held (here through another handle of this process).
        let live = File::open(dir.join(".b.md.ladder-1-abcdef.tmp")).expect("open");
        flock(&live, FlockOperation::NonBlockingLockExclusive).expect("locked");
        sweep(&dir);
        let mut left: Vec<String> = fs::read_dir(&dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut expected = vec![
            ".b.md.ladder-1-abcdef.tmp".to_string(),
            ".c.md.abcdef.tmp".to_string(),
            own,
            ".e.md.ladder-1-abcdef.tmp".to_string(),
            "keep.md".to_string(),
        ];
        expected.sort();
        assert_eq!(left, expected);
        drop(live);
        fs::remove_dir_all(&dir).expect("cleanup");
    }
}
