//! `ladder import DIR`: a Markdown handbook read into a ladder TOML file.

use std::io::{self, BufWriter, Write};

use anyhow::Result;

use crate::cli::ImportArgs;
use crate::exit::Exit;
use crate::files;
use crate::handbook::import;
use crate::render;

/// Writes the TOML to stdout or `--output`; warnings and notes go to stderr.
///
/// Writes nothing, and fails, unless the TOML loads as every other command loads a ladder:
/// the model passes the checks loading runs ([`import::check`]), and the text is within the
/// size every command reads. That the text parses back to the model checked is the writer's
/// tested invariant (`ladder_toml`'s tests and property tests), so the text is not parsed
/// again here: that would cost several times the memory of the import itself. The text is
/// streamed, never held whole.
pub fn run(args: &ImportArgs, out: &mut impl Write) -> Result<Exit> {
    let mut imported = import::import(&args.dir)?;
    if let Some(name) = &args.name {
        imported.ladder.name = name.clone();
    }
    // Messages about the import go to stderr, so the TOML on stdout can be redirected alone.
    render::import_messages(
        &mut io::stderr().lock(),
        &imported.warnings,
        &imported.notes,
    )?;
    import::check(&imported)?;
    import::check_size(import::imported_size(&imported)?)?;
    match &args.file.output {
        Some(path) => files::write_new_with(path, args.file.force, |w| {
            import::write_imported(&imported, w)
        })?,
        None => {
            let mut out = BufWriter::new(out);
            import::write_imported(&imported, &mut out)?;
            out.flush()?;
        }
    }
    render::imported(&mut io::stderr().lock(), &imported.tally())?;
    Ok(Exit::Success)
}
