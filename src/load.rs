//! Reads a ladder's TOML text: the embedded one, a file, or stdin, refusing what is not a text file of sane size.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::ladder::EMBEDDED;

/// The largest ladder file `ladder` reads: room for a ladder of some ten thousand roles.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The name findings and errors give the embedded ladder.
pub const EMBEDDED_NAME: &str = "<embedded>";

/// A ladder's TOML text and the name to report it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path as the user gave it, `-` for stdin, or [`EMBEDDED_NAME`].
    pub name: String,
    pub text: String,
}

impl Source {
    /// The ladder compiled into the binary.
    pub fn embedded() -> Source {
        Source {
            name: EMBEDDED_NAME.to_string(),
            text: EMBEDDED.to_string(),
        }
    }
}

/// Reads a ladder file, or stdin for `-`.
///
/// Fails with one line naming the file when it is missing, a directory, empty,
/// larger than [`MAX_BYTES`], or not UTF-8 text.
pub fn read(path: &Path) -> Result<Source> {
    let name = path.display().to_string();
    let shown = crate::text::cut_middle(&name);
    let bytes = if name == "-" {
        read_limited(io::stdin().lock(), 0)
            .with_context(|| "cannot read a ladder from stdin".to_string())?
    } else {
        let file =
            File::open(path).with_context(|| format!("cannot read ladder file {shown:?}"))?;
        let meta = file
            .metadata()
            .with_context(|| format!("cannot read ladder file {shown:?}"))?;
        if meta.is_dir() {
            bail!("cannot read ladder file {shown:?}: it is a directory");
        }
        if meta.len() > MAX_BYTES {
            bail!(
                "ladder file {shown:?} is {} bytes, over the limit of {MAX_BYTES} (64 MiB)",
                meta.len()
            );
        }
        read_limited(file, meta.len())
            .with_context(|| format!("cannot read ladder file {shown:?}"))?
    };
    from_bytes(name, bytes)
}

/// Checks bytes read from `name` and makes them a source: not over the limit, not empty, UTF-8.
pub fn from_bytes(name: String, bytes: Vec<u8>) -> Result<Source> {
    let shown = crate::text::cut_middle(&name);
    if bytes.len() as u64 > MAX_BYTES {
        bail!("ladder file {shown:?} is over the limit of {MAX_BYTES} bytes (64 MiB)");
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        bail!("ladder file {shown:?} is empty");
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "ladder file {shown:?} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(Source { name, text })
}

/// Reads at most one byte past the limit, so an endless stream cannot exhaust memory;
/// `expected` sizes the buffer up front, so a large file is read without copying it over.
fn read_limited(reader: impl Read, expected: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(expected.min(MAX_BYTES) as usize + 1);
    reader.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_from_one_in_characters() {
        let text = "ab\ncé\nxyz";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 4), (2, 2));
        assert_eq!(line_column(text, 7), (3, 1));
        assert_eq!(line_column(text, 99), (3, 4));
        // Inside a multi-byte character: the character's own column.
        assert_eq!(line_column(text, 5), (2, 2));
    }
}
