//! `ladder show ROLE`: one role in full, or one of its dimensions.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::ShowArgs;
use crate::exit::Exit;
use crate::query::resolve;
use crate::render::Report;
use crate::view::RoleView;

/// Shows the role's attributes, expectations and examples.
pub fn run(ctx: &Context, args: &ShowArgs, out: &mut impl Write) -> Result<Exit> {
    let ladder = ctx.ladder_for_role(&args.role)?;
    let track = super::track(ladder, &args.track)?;
    let role = resolve::role(ladder, &args.role, track)?;
    let dimensions = super::dimensions(ladder, &args.dimension)?;
    let view = RoleView::of(ladder, role, &dimensions);
    ctx.render(out, &Report::Show(view))?;
    Ok(Exit::Success)
}
