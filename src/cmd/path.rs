//! `ladder path --track T`: a whole track as a matrix of levels and themes; in a catalogue of
//! several ladders, the track in each ladder that has it, under that ladder's heading.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::PathArgs;
use crate::exit::Exit;
use crate::query::resolve;
use crate::render::Report;
use crate::view::{PathView, PerLadder};

/// Lays the track out level by level, attribute by attribute and theme by theme.
pub fn run(ctx: &Context, args: &PathArgs, out: &mut impl Write) -> Result<Exit> {
    if let Some(catalogue) = ctx.loader.many()? {
        let ladders = super::each_ladder(catalogue, Some(&args.track), &args.dimension)?;
        // Every ladder kept has the track.
        let paths = ladders
            .into_iter()
            .filter_map(|(entry, track, dimensions)| {
                Some((entry, PathView::of(&entry.ladder, track?, &dimensions)))
            });
        ctx.render(out, &Report::CataloguePath(PerLadder::of(paths)))?;
        return Ok(Exit::Success);
    }
    let ladder = ctx.loader.ladder()?;
    let track = resolve::track(ladder, &args.track)?;
    let dimensions = super::dimensions_asked(ladder, &args.dimension)?;
    let view = PathView::of(ladder, track, &dimensions);
    ctx.render(out, &Report::Path(view))?;
    Ok(Exit::Success)
}
