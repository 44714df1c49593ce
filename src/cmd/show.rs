//! `ladder show ROLE`: one role in full, or one of its dimensions.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::ShowArgs;
use crate::exit::Exit;
use crate::render::{self, Report};
use crate::resolve;
use crate::view::RoleView;

/// Shows the role's attributes, expectations and examples.
pub fn run(ctx: &Context<'_>, args: &ShowArgs, out: &mut impl Write) -> Result<Exit> {
    let track = args
        .track
        .as_deref()
        .map(|t| resolve::track(ctx.ladder, t))
        .transpose()?;
    let role = resolve::role(ctx.ladder, &args.role, track)?;
    let dimensions = super::dimensions(ctx.ladder, args.dimension.as_deref())?;
    let view = RoleView::of(ctx.ladder, role, &dimensions);
    render::render(out, &Report::Show(view), ctx.format, &ctx.term)?;
    Ok(Exit::Success)
}
