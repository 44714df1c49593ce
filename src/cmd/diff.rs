//! `ladder diff A B`: two roles side by side.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::DiffArgs;
use crate::compare;
use crate::exit::Exit;
use crate::render::{self, Report};
use crate::resolve;

/// Compares role A with role B, attribute by attribute and theme by theme.
pub fn run(ctx: &Context<'_>, args: &DiffArgs, out: &mut impl Write) -> Result<Exit> {
    let track = args
        .track
        .as_deref()
        .map(|t| resolve::track(ctx.ladder, t))
        .transpose()?;
    let from = resolve::role(ctx.ladder, &args.from, track)?;
    let to = resolve::role(ctx.ladder, &args.to, track)?;
    let dimensions = super::dimensions(ctx.ladder, args.dimension.as_deref())?;
    let comparison = compare::compare(ctx.ladder, from, to, &dimensions);
    render::render(out, &Report::Diff(comparison), ctx.format, &ctx.term)?;
    Ok(Exit::Success)
}
