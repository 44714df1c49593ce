//! `ladder next ROLE`: the role compared with the next level on each of its tracks.

use std::io::Write;

use anyhow::Result;

use super::{Context, Need};
use crate::cli::NextArgs;
use crate::exit::Exit;
use crate::render::Report;
use crate::view::NextSteps;

/// Compares the role with the next role of each track it is on, or of `--track`.
pub fn run(ctx: &Context, args: &NextArgs, out: &mut impl Write) -> Result<Exit> {
    let detail = super::detail(ctx, &args.detail)?;
    let found = ctx
        .loader
        .role(&args.role, args.track.name.as_deref(), Need::Ladder)?;
    let (ladder, role, track) = (found.ladder, found.role, found.track);
    let dimensions = super::dimensions_asked(ladder, &args.dimension)?;
    // People read the first few steps; scripts get every one.
    let compared = ctx
        .format
        .unwrap_or_default()
        .for_people()
        .then_some(crate::text::NAMED_ITEMS);
    let steps = NextSteps::of(ladder, role, track, &dimensions, compared);
    ctx.render(out, &Report::Next(steps, detail))?;
    Ok(Exit::Success)
}
