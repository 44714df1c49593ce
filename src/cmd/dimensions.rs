//! `ladder dimensions`: the attributes and dimensions that describe every role; in a catalogue
//! of several ladders, each ladder's under its heading.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::exit::Exit;
use crate::render::Report;
use crate::view::DimensionList;

/// Prints the attributes with their meaning and the dimensions with their themes.
pub fn run(ctx: &Context, out: &mut impl Write) -> Result<Exit> {
    let report = super::whole(
        ctx,
        DimensionList::of,
        Report::Dimensions,
        Report::CatalogueDimensions,
    )?;
    ctx.render(out, &report)?;
    Ok(Exit::Success)
}
