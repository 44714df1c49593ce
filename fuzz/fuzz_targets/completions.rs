//! Fuzz target: whatever the words on the line and the names of the files beside it, the
//! answer to a shell asking for completions is the shell's own path completion or candidates
//! that no shell reads anything in, never a panic.
//!
//! The bytes are split at 0xFF (never part of UTF-8 text). The first piece names the entries
//! of a fresh folder, the completion's working directory, split at 0xFE (at most
//! [`MAX_NAMES`]; even ones files, odd ones folders; a name a file system refuses is
//! skipped). The other pieces are the words after `ladder`, the last one being completed;
//! they are not checked for UTF-8, as a shell's are not.
#![no_main]

use std::ffi::OsString;
use std::fs;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use ladder::cmd::completions::{self, Answer, FILES, FOLDERS};
use libfuzzer_sys::fuzz_target;

/// The most entries one input puts in the folder.
const MAX_NAMES: usize = 8;

/// The folder for one run, unique in this process and among parallel fuzz jobs.
fn fresh_dir() -> PathBuf {
    static RUN: AtomicU64 = AtomicU64::new(0);
    let run = RUN.fetch_add(1, Ordering::Relaxed);
    let base = Path::new("/dev/shm");
    let base = if base.is_dir() {
        base.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    base.join(format!("ladder-fuzz-completions-{}-{run}", std::process::id()))
}

/// Makes the folder's entries from the first piece.
fn make_entries(dir: &Path, names: &[u8]) {
    fs::create_dir(dir).expect("fresh fuzz folder");
    for (i, name) in names.split(|&b| b == 0xFE).take(MAX_NAMES).enumerate() {
        let name = std::ffi::OsStr::from_bytes(name);
        let plain_name = Path::new(name).components().count() == 1
            && !name.is_empty()
            && !name.as_bytes().contains(&b'/')
            && name != "."
            && name != "..";
        if !plain_name {
            continue;
        }
        let path = dir.join(name);
        let _ = if i % 2 == 0 {
            fs::write(&path, b"")
        } else {
            fs::create_dir(&path)
        };
    }
}

/// What a shell may receive: a value in the plain alphabet, a description on one line with
/// no control character.
fn check(answer: &Answer) {
    match answer {
        Answer::Paths(mark) => assert!(*mark == FILES || *mark == FOLDERS, "{mark}"),
        Answer::Candidates(candidates) => {
            for (value, help) in candidates {
                let plain = value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_./=".contains(&b));
                assert!(plain && !value.is_empty(), "{value:?}");
                assert!(completions::is_plain(value), "{value:?}");
                if let Some(help) = help {
                    assert!(!help.contains('\n'), "{help:?}");
                    assert!(!ladder::text::has_controls(help), "{help:?}");
                }
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut pieces = data.split(|&b| b == 0xFF);
    let names = pieces.next().unwrap_or_default();
    let mut words: Vec<OsString> = vec!["ladder".into()];
    words.extend(pieces.take(16).map(|w| OsString::from_vec(w.to_vec())));
    if words.len() == 1 {
        words.push(OsString::new());
    }
    let dir = fresh_dir();
    make_entries(&dir, names);
    let outcome = std::panic::catch_unwind(|| check(&completions::answer(words, Some(&dir))));
    // Clean up before a failure is reported, so that a crashing run leaves no folder behind.
    let _ = fs::remove_dir_all(&dir);
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
});
