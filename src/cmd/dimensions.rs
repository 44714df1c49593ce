//! `ladder dimensions`: the attributes and dimensions that describe every role.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::exit::Exit;
use crate::render::Report;
use crate::view::Structure;

/// Prints the attributes with their meaning and the dimensions with their themes.
pub fn run(ctx: &Context, out: &mut impl Write) -> Result<Exit> {
    let ladder = ctx.ladder()?;
    ctx.render(out, &Report::Dimensions(Structure::of(ladder)))?;
    Ok(Exit::Success)
}
