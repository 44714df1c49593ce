//! `ladder import PATH`: a Markdown handbook read into a ladder TOML file, a folder of
//! handbooks into a catalogue folder of ladder files, or a spreadsheet (`.csv`, `.tsv`) into a
//! ladder TOML file.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context as _, Result};

use super::Context;
use crate::cli::ImportArgs;
use crate::exit::{Exit, UsageError};
use crate::files;
use crate::handbook::catalogue::{self, Layout, Member};
use crate::handbook::import::{self, Imported};
use crate::handbook::plan::{self, Plan};
use crate::handbook::sheet::{self, Base, Planning};
use crate::load;
use crate::render;

/// Reads a spreadsheet as [`sheet::import`], a catalogue (see [`catalogue::layout`]) as
/// [`catalogue_run`], one ladder as [`one`]; says which it found when the folder could have
/// been either. Any other file is a usage error.
pub fn run(ctx: &Context, args: &ImportArgs, out: &mut impl Write) -> Result<Exit> {
    match input(&args.path) {
        Input::Sheet => return spreadsheet(ctx, args, out),
        Input::Other => {
            return Err(UsageError(format!(
                "import reads a folder of Markdown pages or a .csv/.tsv spreadsheet (a regular file); {} is neither",
                files::shown(&args.path)
            ))
            .into());
        }
        Input::Folder => {}
    }
    match catalogue::layout(&args.path)? {
        Layout::Ladder { asked } => {
            if asked {
                render::import_found(&mut io::stderr().lock(), &args.path, None)?;
            }
            folder(args, out)
        }
        Layout::Catalogue(members) => {
            render::import_found(&mut io::stderr().lock(), &args.path, Some(members.len()))?;
            catalogue_run(args, &members)
        }
    }
}

/// What `import` was given.
enum Input {
    /// A regular file named `*.csv` or `*.tsv` (any case), or such a name that is missing,
    /// whose error then names a sheet.
    Sheet,
    /// A folder, or a path without a sheet's name that is missing (its error names a folder).
    Folder,
    /// Any other file: a file of another name, a FIFO, a device.
    Other,
}

/// What a path is; a symbolic link is followed.
fn input(path: &Path) -> Input {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Input::Folder,
        Ok(meta) if meta.is_file() && sheet::is_sheet(path) => Input::Sheet,
        Ok(_) => Input::Other,
        Err(_) if sheet::is_sheet(path) => Input::Sheet,
        Err(_) => Input::Folder,
    }
}

/// The ladder a long sheet is read against: the one `--data` or `LADDER_DATA` names, never the
/// embedded ladder, which nobody chose.
fn base(ctx: &Context) -> Result<Option<Base<'_>>> {
    let Some(shown) = ctx.loader.source.shown() else {
        return Ok(None);
    };
    Ok(Some(Base {
        ladder: ctx.loader.ladder()?,
        shown,
    }))
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

/// Imports a spreadsheet, by `--plan` when given, and writes its TOML ([`one`]), or the plan
/// inferred (`--plan-out`) instead.
fn spreadsheet(ctx: &Context, args: &ImportArgs, out: &mut impl Write) -> Result<Exit> {
    let plan = args.plan.as_deref().map(read_plan).transpose()?;
    let planning = match (&plan, &args.plan_out) {
        (Some((plan, name)), _) => Planning::Follow((plan, name.as_str())),
        (None, Some(_)) => Planning::Infer,
        (None, None) => Planning::None,
    };
    let imported = sheet::import(&args.path, base(ctx)?, args.name.as_deref(), planning)?;
    if let Some(path) = &args.plan_out {
        return write_plan(args, &imported, path, out);
    }
    one(args, imported, out)
}

/// Imports one ladder folder, by `--plan` when given, and writes its TOML ([`one`]), or the
/// plan inferred (`--plan-out`) instead.
fn folder(args: &ImportArgs, out: &mut impl Write) -> Result<Exit> {
    let plan = match &args.plan {
        Some(path) => Some(read_plan(path)?),
        None => None,
    };
    let by = plan.as_ref().map(|(plan, name)| (plan, name.as_str()));
    let imported = import::import_by(&args.path, by)?;
    if let Some(path) = &args.plan_out {
        return write_plan(args, &imported, path, out);
    }
    one(args, imported, out)
}

/// Writes the TOML of an import to stdout or `--output`; warnings and notes go to stderr.
///
/// Writes nothing, and fails, unless the TOML loads as every other command loads a ladder:
/// the model passes the checks loading runs ([`import::check`]), and the text is within the
/// size every command reads. That the text parses back to the model checked is the writer's
/// tested invariant (`ladder_toml`'s tests and property tests), so the text is not parsed
/// again here: that would cost several times the memory of the import itself. The text is
/// streamed, never held whole.
fn one(args: &ImportArgs, mut imported: Imported, out: &mut impl Write) -> Result<Exit> {
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
/// `-` for `path` writes it to stdout.
fn write_plan(
    args: &ImportArgs,
    imported: &Imported,
    path: &Path,
    out: &mut impl Write,
) -> Result<Exit> {
    let mut plan = imported.plan.clone();
    if let Some(name) = &args.name {
        plan.name = plan::Choice::new(name.clone(), "From --name.");
    }
    let folder = files::shown(&args.path);
    if path == Path::new("-") {
        messages(imported)?;
        let mut out = BufWriter::new(out);
        plan::write::write(&plan, &folder, &mut out)?;
        out.flush()?;
        return Ok(Exit::Success);
    }
    files::write_new_with(path, args.file.force, |w| {
        plan::write::write(&plan, &folder, w)
    })?;
    messages(imported)?;
    let sheet = plan.reads == plan::Reads::Sheet;
    render::plan_written(&mut io::stderr().lock(), plan.pages.len(), sheet, path)?;
    Ok(Exit::Success)
}

/// Writes an import's warnings and notes to stderr, buffered: a line is one write, not one
/// per piece of it.
fn messages(imported: &Imported) -> Result<()> {
    let mut err = BufWriter::new(io::stderr().lock());
    render::import_messages(&mut err, imported)?;
    err.flush()?;
    Ok(())
}
