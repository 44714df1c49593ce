//! `ladder validate [FILE]`: every problem of a ladder file, as `FILE:LINE:COLUMN: severity: message`.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::ValidateArgs;
use crate::exit::Exit;
use crate::load;
use crate::render::Report;
use crate::validate::Severity;

/// Checks the file; fails with errors, and with warnings too under `--strict`.
pub fn run(ctx: &Context, args: &ValidateArgs, out: &mut impl Write) -> Result<Exit> {
    let read;
    let source = match &args.file {
        Some(path) => {
            read = load::read(path)?;
            &read
        }
        None => ctx.source()?,
    };
    let validation = load::validate(source);
    let failed = validation.count(Severity::Error) > 0
        || (args.strict && validation.count(Severity::Warning) > 0);
    ctx.render(out, &Report::Validation(validation))?;
    Ok(if failed { Exit::Failure } else { Exit::Success })
}
