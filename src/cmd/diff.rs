//! `ladder diff A B`: two roles side by side, of one ladder or, in a catalogue, of two.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::DiffArgs;
use crate::exit::{Exit, UsageError};
use crate::query::compare;
use crate::render::Report;

/// Compares role A with role B, attribute by attribute and theme by theme.
pub fn run(ctx: &Context, args: &DiffArgs, out: &mut impl Write) -> Result<Exit> {
    let detail = super::detail(ctx, &args.brief)?;
    let (ladder, from) = ctx.role(&args.from, &args.track)?;
    let (other, to) = ctx.role(&args.to, &args.track)?;
    let comparison = if std::ptr::eq(ladder, other) {
        let dimensions = super::dimensions(ladder, &args.dimension)?;
        compare::compare(ladder, from, to, &dimensions)
    } else {
        if args.dimension.name.is_some() {
            return Err(UsageError(
                "--dimension names a dimension of one ladder; A and B are of two".into(),
            )
            .into());
        }
        compare::compare_across((ladder, from), (other, to))
    };
    ctx.render(out, &Report::Diff(comparison, detail))?;
    Ok(Exit::Success)
}
