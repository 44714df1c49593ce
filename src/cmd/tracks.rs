//! `ladder tracks`: the career paths, each with its roles level by level.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::exit::Exit;
use crate::render::Report;
use crate::view::TrackList;

/// Prints every track with its roles in order.
pub fn run(ctx: &Context, out: &mut impl Write) -> Result<Exit> {
    let ladder = ctx.ladder()?;
    ctx.render(out, &Report::Tracks(TrackList::of(ladder)))?;
    Ok(Exit::Success)
}
