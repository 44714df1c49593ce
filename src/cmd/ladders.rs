//! `ladder ladders`: the ladders of the catalogue, each with its name, role count and tracks.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::exit::Exit;
use crate::render::Report;
use crate::view::{LadderList, LadderRow};

/// Prints one row per ladder; outside a catalogue, the one ladder in use (its id `-`/null).
pub fn run(ctx: &Context, out: &mut impl Write) -> Result<Exit> {
    let ladders = match ctx.loader.catalogue()? {
        Some(catalogue) => catalogue
            .ladders
            .iter()
            .map(|e| LadderRow::of(Some(&e.id), &e.ladder))
            .collect(),
        None => vec![LadderRow::of(
            ctx.loader.source.ladder_id(),
            ctx.loader.ladder()?,
        )],
    };
    ctx.render(out, &Report::Ladders(LadderList { ladders }))?;
    Ok(Exit::Success)
}
