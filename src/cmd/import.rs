//! `ladder import DIR`: a Markdown handbook read into a ladder TOML file.

use std::io::{self, Write};

use anyhow::{Context, Result};

use crate::cli::ImportArgs;
use crate::exit::Exit;
use crate::files;
use crate::import;
use crate::validate::{self, Severity};

/// Writes the TOML to stdout or `--output`; warnings and notes go to stderr.
pub fn run(args: &ImportArgs, out: &mut impl Write) -> Result<Exit> {
    let imported = import::import(&args.dir)?;
    let mut toml = String::from(
        "# Imported by `ladder import` from Markdown pages; check the tracks and themes.\n",
    );
    toml += &toml::to_string(&imported.ladder).context("cannot write the ladder as TOML")?;
    // Messages about the import go to stderr, so the TOML on stdout can be redirected alone.
    let mut err = io::stderr().lock();
    for warning in &imported.warnings {
        writeln!(err, "{warning}")?;
    }
    for problem in validate::check(&imported.ladder)
        .iter()
        .filter(|f| f.severity == Severity::Error)
    {
        writeln!(
            err,
            "warning: the imported ladder has an error to fix by hand: {}",
            problem.message
        )?;
    }
    for note in &imported.notes {
        writeln!(err, "note: {note}")?;
    }
    match &args.file.output {
        Some(path) => files::write_new(path, toml.as_bytes(), args.file.force)?,
        None => out.write_all(toml.as_bytes())?,
    }
    Ok(Exit::Success)
}
