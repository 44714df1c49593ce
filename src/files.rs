//! Writes files so that no reader ever sees half of one: a temporary file, then a rename.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// Writes `bytes` to `path`, refusing an existing file unless `force`.
pub fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    if !force && fs::symlink_metadata(path).is_ok() {
        bail!(
            "refusing to overwrite {:?}; pass --force to replace it",
            shown(path)
        );
    }
    write_atomic(path, bytes)
}

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk and renames it into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let temp = temporary_beside(path);
    let result = (|| -> std::io::Result<()> {
        let mut file = File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.with_context(|| format!("cannot write {:?}", shown(path)))
}

/// A hidden name in the same directory, so the rename never crosses file systems.
fn temporary_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// A path as text safe to print.
pub fn shown(path: &Path) -> String {
    crate::text::escape_controls(&path.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_new_refuses_an_existing_file_unless_forced() {
        let dir = std::env::temp_dir().join(format!("ladder-files-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("dir");
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
        let leftovers: Vec<_> = fs::read_dir(&dir)
            .expect("list")
            .filter_map(|e| e.ok())
            .collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
        fs::remove_dir_all(&dir).expect("cleanup");
    }
}
