//! `ladder list`: every role, or the roles of one track, in a table or as bare ids; in a
//! catalogue of several ladders, each ladder's roles under its own heading.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::ListArgs;
use crate::exit::{Exit, UsageError};
use crate::query::resolve;
use crate::render::{self, Report};
use crate::view::{PerLadder, RoleList};

/// Lists the roles, ordered by track and level.
pub fn run(ctx: &Context, args: &ListArgs, out: &mut impl Write) -> Result<Exit> {
    if args.ids && ctx.format.is_some() {
        return Err(UsageError(
            "--ids prints bare ids and cannot be combined with --format".into(),
        )
        .into());
    }
    if let Some(catalogue) = ctx.loader.many()? {
        let list = PerLadder::of(
            resolve::with_track(catalogue, args.track.name.as_deref())?
                .into_iter()
                .map(|(entry, track)| (entry, RoleList::of(&entry.ladder, track))),
        );
        if args.ids {
            render::qualified_ids(out, &list)?;
        } else {
            ctx.render(out, &Report::CatalogueList(list))?;
        }
        return Ok(Exit::Success);
    }
    let ladder = ctx.loader.ladder()?;
    let track = super::track(ladder, &args.track)?;
    let list = RoleList::of(ladder, track);
    if args.ids {
        render::ids(out, &list)?;
    } else {
        ctx.render(out, &Report::List(list))?;
    }
    Ok(Exit::Success)
}
