//! `ladder import DIR`: a Markdown handbook read into a ladder TOML file, or a folder of
//! handbooks into a catalogue folder of ladder files.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context as _, Result};

use crate::cli::ImportArgs;
use crate::exit::{Exit, UsageError};
use crate::files;
use crate::handbook::catalogue::{self, Layout, Member};
use crate::handbook::import;
use crate::handbook::plan::{self, Plan};
use crate::load;
use crate::render;

/// Reads a catalogue (see [`catalogue::layout`]) as [`catalogue_run`], one ladder as [`one`];
/// says which it found when the folder could have been either.
pub fn run(args: &ImportArgs, out: &mut impl Write) -> Result<Exit> {
    match catalogue::layout(&args.dir)? {
        Layout::Ladder { asked } => {
            if asked {
                render::import_found(&mut io::stderr().lock(), &args.dir, None)?;
            }
            one(args, out)
        }
        Layout::Catalogue(members) => {
            render::import_found(&mut io::stderr().lock(), &args.dir, Some(members.len()))?;
            catalogue_run(args, &members)
        }
    }
}

/// Imports every ladder folder of a catalogue and writes `--output DIR/<id>.toml` for each,
/// the folder whole or not at all; nothing is written unless every ladder imports cleanly.
fn catalogue_run(args: &ImportArgs, members: &[Member]) -> Result<Exit> {
    let Some(dir) = &args.file.output else {
        return Err(UsageError(
            "a catalogue is written as a folder of ladder files: give --output DIR".into(),
        )
        .into());
    };
    if args.name.is_some() {
        return Err(UsageError("--name names one ladder; a catalogue has several".into()).into());
    }
    if args.plan.is_some() || args.plan_out.is_some() {
        return Err(UsageError(
            "a plan is one ladder's: import each folder of the catalogue with its own plan".into(),
        )
        .into());
    }
    let mut files = Vec::with_capacity(members.len());
    let mut tallies = Vec::with_capacity(members.len());
    for member in members {
        let imported = catalogue::import(member)?;
        messages(&imported)?;
        import::check(&imported)?;
        import::check_size(import::imported_size(&imported)?)?;
        let mut toml = Vec::new();
        import::write_imported(&imported, &mut toml)?;
        files.push((format!("{}.toml", member.id), String::from_utf8(toml)?));
        tallies.push((member.id.as_str(), imported.tally()));
    }
    files::write_folder(dir, &files, args.file.force)?;
    for (id, tally) in tallies {
        render::imported(&mut io::stderr().lock(), Some(id), &tally)?;
    }
    Ok(Exit::Success)
}

/// Writes the TOML to stdout or `--output`; warnings and notes go to stderr.
///
/// Writes nothing, and fails, unless the TOML loads as every other command loads a ladder:
/// the model passes the checks loading runs ([`import::check`]), and the text is within the
/// size every command reads. That the text parses back to the model checked is the writer's
/// tested invariant (`ladder_toml`'s tests and property tests), so the text is not parsed
/// again here: that would cost several times the memory of the import itself. The text is
/// streamed, never held whole.
fn one(args: &ImportArgs, out: &mut impl Write) -> Result<Exit> {
    let plan = match &args.plan {
        Some(path) => Some(read_plan(path)?),
        None => None,
    };
    let by = plan.as_ref().map(|(plan, name)| (plan, name.as_str()));
    let mut imported = import::import_by(&args.dir, by)?;
    if let Some(path) = &args.plan_out {
        return write_plan(args, &imported, path);
    }
    if let Some(name) = &args.name {
        imported.ladder.name = name.clone();
    }
    // Messages about the import go to stderr, so the TOML on stdout can be redirected alone.
    messages(&imported)?;
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
    render::imported(&mut io::stderr().lock(), None, &imported.tally())?;
    Ok(Exit::Success)
}

/// The plan at `path`, and the name its errors report it by.
fn read_plan(path: &Path) -> Result<(Plan, String)> {
    let doc = load::read(path).context("cannot read the import plan")?;
    let plan = plan::read::read(&doc)?;
    Ok((plan, doc.name))
}

/// Writes the plan an import inferred to `path` instead of the ladder; warnings and notes go
/// to stderr as for an import.
fn write_plan(args: &ImportArgs, imported: &import::Imported, path: &Path) -> Result<Exit> {
    let mut plan = imported.plan.clone();
    if let Some(name) = &args.name {
        plan.name = plan::Choice::new(name.clone(), "From --name.");
    }
    let folder = files::shown(&args.dir);
    files::write_new_with(path, args.file.force, |w| {
        plan::write::write(&plan, &folder, w)
    })?;
    messages(imported)?;
    render::plan_written(&mut io::stderr().lock(), plan.pages.len(), path)?;
    Ok(Exit::Success)
}

/// Writes an import's warnings and notes to stderr, buffered: a line is one write, not one
/// per piece of it.
fn messages(imported: &import::Imported) -> Result<()> {
    let mut err = BufWriter::new(io::stderr().lock());
    render::import_messages(&mut err, &imported.warnings, &imported.notes)?;
    err.flush()?;
    Ok(())
}
