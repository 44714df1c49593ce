//! `ladder list`: every role, or the roles of one track, in a table or as bare ids.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::ListArgs;
use crate::exit::{Exit, UsageError};
use crate::render::{self, Report};
use crate::view::RoleList;

/// Lists the roles, ordered by track and level.
pub fn run(ctx: &Context, args: &ListArgs, out: &mut impl Write) -> Result<Exit> {
    let ladder = ctx.ladder()?;
    let track = super::track(ladder, &args.track)?;
    let list = RoleList::of(ladder, track);
    if args.ids {
        if ctx.format.is_some() {
            return Err(UsageError(
                "--ids prints bare ids and cannot be combined with --format".into(),
            )
            .into());
        }
        render::ids(out, &list)?;
    } else {
        ctx.render(out, &Report::List(list))?;
    }
    Ok(Exit::Success)
}
