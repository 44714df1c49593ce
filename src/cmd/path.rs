//! `ladder path --track T`: a whole track as a matrix of levels and themes.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::PathArgs;
use crate::exit::Exit;
use crate::query::resolve;
use crate::render::Report;
use crate::view::PathView;

/// Lays the track out level by level, attribute by attribute and theme by theme.
pub fn run(ctx: &Context, args: &PathArgs, out: &mut impl Write) -> Result<Exit> {
    let ladder = ctx.ladder()?;
    let track = resolve::track(ladder, &args.track)?;
    let dimensions = super::dimensions(ladder, &args.dimension)?;
    let view = PathView::of(ladder, track, &dimensions);
    ctx.render(out, &Report::Path(view))?;
    Ok(Exit::Success)
}
