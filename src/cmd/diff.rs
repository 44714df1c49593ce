//! `ladder diff A B`: two roles side by side, of one ladder or, in a catalogue, of two.

use std::io::Write;

use anyhow::Result;

use super::{Context, Need};
use crate::cli::DiffArgs;
use crate::exit::{Exit, UsageError};
use crate::query::compare;
use crate::render::Report;

/// Compares role A with role B, attribute by attribute and theme by theme.
pub fn run(ctx: &Context, args: &DiffArgs, out: &mut impl Write) -> Result<Exit> {
    let detail = super::detail(ctx, &args.detail)?;
    let track = args.track.name.as_deref();
    let [a, b] = ctx
        .loader
        .roles(&[&args.from, &args.to], track, Need::Ladder)?[..]
    else {
        unreachable!("two names give two roles")
    };
    let (ladder, from, other, to) = (a.ladder, a.role, b.ladder, b.role);
    let comparison = if std::ptr::eq(ladder, other) {
        let dimensions = super::dimensions_asked(ladder, &args.dimension)?;
        compare::compare(ladder, from, to, &dimensions)
    } else {
        if args.dimension.name.is_some() {
            return Err(UsageError(
                "--dimension names a dimension of one ladder; A and B are of two".into(),
            )
            .into());
        }
        let ladders = a.ladder_id.zip(b.ladder_id).map(|(x, y)| [x, y]);
        compare::compare_across((ladder, from), (other, to), ladders)
    };
    ctx.render(out, &Report::Diff(comparison, detail))?;
    Ok(Exit::Success)
}
