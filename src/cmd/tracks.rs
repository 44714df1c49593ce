//! `ladder tracks`: the career paths, each with its roles level by level; in a catalogue of
//! several ladders, each ladder's tracks under its heading.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::exit::Exit;
use crate::render::Report;
use crate::view::TrackList;

/// Prints every track with its roles in order.
pub fn run(ctx: &Context, out: &mut impl Write) -> Result<Exit> {
    let report = super::whole(ctx, TrackList::of, Report::Tracks, Report::CatalogueTracks)?;
    ctx.render(out, &report)?;
    Ok(Exit::Success)
}
