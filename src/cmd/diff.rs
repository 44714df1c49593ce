//! `ladder diff A B`: two roles side by side.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::DiffArgs;
use crate::exit::Exit;
use crate::query::compare;
use crate::render::Report;

/// Compares role A with role B, attribute by attribute and theme by theme.
pub fn run(ctx: &Context, args: &DiffArgs, out: &mut impl Write) -> Result<Exit> {
    let detail = super::detail(ctx, &args.brief)?;
    let (ladder, from) = ctx.role(&args.from, &args.track)?;
    let to = super::same_ladder(ladder, ctx.role(&args.to, &args.track)?)?;
    let dimensions = super::dimensions(ladder, &args.dimension)?;
    let comparison = compare::compare(ladder, from, to, &dimensions);
    ctx.render(out, &Report::Diff(comparison, detail))?;
    Ok(Exit::Success)
}
