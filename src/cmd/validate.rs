//! `ladder validate [FILE|DIR]`: every problem of a ladder file, as `FILE:LINE:COLUMN: severity:
//! message`; of a catalogue folder, each file's findings under it.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::ValidateArgs;
use crate::exit::Exit;
use crate::load;
use crate::render::Report;
use crate::validate::{Severity, Validation};

/// Checks the file, or every file of the folder; fails with errors, and with warnings too
/// under `--strict`.
pub fn run(ctx: &Context, args: &ValidateArgs, out: &mut impl Write) -> Result<Exit> {
    let folder = match &args.file {
        Some(path) => load::catalogue::is_folder(path).then_some(path.as_path()),
        None => ctx.loader.source.folder(),
    };
    if let Some(dir) = folder {
        let all = load::catalogue::validate(dir)?;
        let failed = all.iter().any(|v| fails(v, args.strict));
        ctx.render(out, &Report::Validations(all))?;
        return Ok(if failed { Exit::Failure } else { Exit::Success });
    }
    let read;
    let source = match &args.file {
        Some(path) => {
            read = load::read(path)?;
            &read
        }
        None => ctx.loader.document()?,
    };
    let validation = load::validate(source);
    let failed = fails(&validation, args.strict);
    ctx.render(out, &Report::Validation(validation))?;
    Ok(if failed { Exit::Failure } else { Exit::Success })
}

/// Whether a file's findings fail the check: an error, or a warning under `--strict`.
fn fails(v: &Validation, strict: bool) -> bool {
    v.count(Severity::Error) > 0 || (strict && v.count(Severity::Warning) > 0)
}
