//! `ladder show ROLE`: one role in full, or one of its dimensions; `--all`: every role.

use std::io::Write;

use anyhow::Result;

use super::{Context, Need};
use crate::cli::ShowArgs;
use crate::exit::Exit;
use crate::render::Report;
use crate::view::{LadderView, RoleView};

/// Shows the role's attributes, expectations and examples.
pub fn run(ctx: &Context, args: &ShowArgs, out: &mut impl Write) -> Result<Exit> {
    let Some(name) = args.role.as_deref() else {
        return all(ctx, args, out);
    };
    let found = ctx.role(name, args.track.name.as_deref(), Need::Role)?;
    let dimensions = super::dimensions(found.ladder, &args.dimension)?;
    let view = RoleView::of(found.ladder, found.role, &dimensions);
    ctx.render(out, &Report::Show(view))?;
    Ok(Exit::Success)
}

fn all(ctx: &Context, args: &ShowArgs, out: &mut impl Write) -> Result<Exit> {
    let ladder = ctx.ladder()?;
    let track = super::track(ladder, &args.track)?;
    let dimensions = super::dimensions(ladder, &args.dimension)?;
    ctx.render(
        out,
        &Report::ShowAll(LadderView::of(ladder, track, &dimensions)),
    )?;
    Ok(Exit::Success)
}
