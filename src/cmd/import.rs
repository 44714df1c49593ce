//! `ladder import DIR`: a Markdown handbook read into a ladder TOML file.

use std::io::{self, Write};

use anyhow::{Context, Result};

use crate::cli::ImportArgs;
use crate::exit::Exit;
use crate::files;
use crate::import;
use crate::ladder::Ladder;
use crate::load::Source;
use crate::text::escape_controls;

/// Writes the TOML to stdout or `--output`; warnings and notes go to stderr.
///
/// Writes nothing, and fails, unless the TOML loads as every other command loads a ladder.
pub fn run(args: &ImportArgs, out: &mut impl Write) -> Result<Exit> {
    let imported = import::import(&args.dir)?;
    // Messages about the import go to stderr, so the TOML on stdout can be redirected alone.
    // They quote file names and page text: nothing of it reaches the terminal raw.
    let mut err = io::stderr().lock();
    for warning in &imported.warnings {
        writeln!(err, "{}", escape_controls(warning))?;
    }
    for note in &imported.notes {
        writeln!(err, "note: {}", escape_controls(note))?;
    }
    import::check(&imported)?;
    let text = import::to_toml(&imported.ladder)?;
    import::check_size(&text)?;
    // The model is done with: loading the text back should not hold two ladders at once.
    drop(imported);
    let source = Source {
        name: "the imported ladder".to_string(),
        text,
    };
    Ladder::load(&source).context("the imported ladder does not load; please report this")?;
    match &args.file.output {
        Some(path) => files::write_new(path, source.text.as_bytes(), args.file.force)?,
        None => out.write_all(source.text.as_bytes())?,
    }
    Ok(Exit::Success)
}
