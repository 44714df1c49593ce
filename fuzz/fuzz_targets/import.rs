//! Fuzz target: any handbook folder must import to a clean error or to TOML that loads back to
//! the same ladder, never a panic.
//!
//! `ladder::handbook::import` reads only a folder, so each input becomes a fresh folder of pages: the
//! bytes are split at 0xFF (never part of UTF-8 text) into at most [`MAX_PAGES`] pieces. A
//! piece's first line names its file when it is a plain name ending in `.md` (so a seed can keep
//! a handbook's own names, which its index links to); otherwise the first piece is `README.md`,
//! the index, and the others `page-N.md`. The rest of the piece is the page's text.
#![no_main]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use ladder::handbook::import;
use ladder::model::Ladder;
use ladder::load;
use libfuzzer_sys::fuzz_target;

/// The most pages one input writes: a handbook's index and a few levels.
const MAX_PAGES: usize = 8;

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
    base.join(format!("ladder-fuzz-import-{}-{run}", std::process::id()))
}

/// The file name a piece asks for on its first line, and the text after that line.
fn named(piece: &[u8]) -> Option<(String, &[u8])> {
    let end = piece.iter().position(|&b| b == b'\n')?;
    let name = std::str::from_utf8(&piece[..end]).ok()?;
    let plain = name.len() <= 64
        && name.ends_with(".md")
        && name.len() > 3
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        && !name.starts_with('.');
    plain.then(|| (name.to_string(), &piece[end + 1..]))
}

/// Writes the pieces of `data` as pages of `dir`; a name already used is skipped.
fn write_pages(dir: &Path, data: &[u8]) {
    fs::create_dir(dir).expect("fresh fuzz folder");
    let mut used: Vec<String> = Vec::new();
    for (i, piece) in data.split(|&b| b == 0xFF).take(MAX_PAGES).enumerate() {
        let (name, text) = named(piece).unwrap_or_else(|| {
            let name = if i == 0 {
                "README.md".to_string()
            } else {
                format!("page-{i}.md")
            };
            (name, piece)
        });
        if used.iter().any(|u| u.eq_ignore_ascii_case(&name)) {
            continue;
        }
        fs::write(dir.join(&name), text).expect("fuzz page written");
        used.push(name);
    }
}

/// What `ladder import` does with the folder, with its invariant checked at each step.
fn import_and_reload(dir: &Path) {
    let Ok(imported) = import::import(dir) else {
        return;
    };
    assert_eq!(imported.pages.len(), imported.ladder.roles.len());
    if import::check(&imported).is_err() {
        return;
    }
    let ladder = &imported.ladder;
    let size = import::toml_size(ladder).expect("sized");
    if import::check_size(size).is_err() {
        return;
    }
    let mut bytes = Vec::new();
    import::write_toml(ladder, &mut bytes).expect("written");
    assert_eq!(
        bytes.len() as u64,
        size,
        "toml_size is what write_toml writes"
    );
    let text = String::from_utf8(bytes.clone()).expect("the TOML is UTF-8");
    assert!(!ladder::text::has_controls(&text), "{text}");
    // The TOML parses back to the ladder checked, and loads as every command loads a ladder.
    let parsed = Ladder::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(&parsed, ladder, "{text}");
    let source = load::from_bytes("imported.toml".to_string(), bytes).expect("a source");
    let loaded = Ladder::load(&source).unwrap_or_else(|e| panic!("{e:#}\n{text}"));
    // Loading rewrites control characters visibly; a ladder without them loads unchanged.
    let table: toml::Table = toml::from_str(&text).expect("TOML");
    if !any_controls(&toml::Value::Table(table)) {
        assert_eq!(&loaded, ladder, "{text}");
    }
}

/// Whether any key or string in the value holds a character that loading escapes.
fn any_controls(value: &toml::Value) -> bool {
    use ladder::text::has_controls;
    match value {
        toml::Value::String(s) => has_controls(s),
        toml::Value::Array(items) => items.iter().any(any_controls),
        toml::Value::Table(table) => table
            .iter()
            .any(|(k, v)| has_controls(k) || any_controls(v)),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let dir = fresh_dir();
    write_pages(&dir, data);
    let outcome = std::panic::catch_unwind(|| import_and_reload(&dir));
    // Clean up before a failure is reported, so that a crashing run leaves no folder behind.
    let _ = fs::remove_dir_all(&dir);
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
});
