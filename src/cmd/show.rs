//! `ladder show ROLE`: one role in full, or one of its dimensions; `--all`: every role (of
//! every ladder, in a catalogue of several).

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::ShowArgs;
use crate::exit::Exit;
use crate::model::{Ladder, Role};
use crate::query::resolve;
use crate::render::Report;
use crate::view::{LadderView, PerLadder, RoleView};

/// Shows the role's attributes, expectations and examples.
pub fn run(ctx: &Context, args: &ShowArgs, out: &mut impl Write) -> Result<Exit> {
    let Some(name) = args.role.as_deref() else {
        return all(ctx, args, out);
    };
    // `LADDER/ROLE` in a catalogue reads only that ladder's file.
    if let Some(narrowed) = ctx.narrowed(name)? {
        return run(&narrowed, args, out);
    }
    // A role named by its exact id is read without the others: from the embedded ladder, or
    // from a `--data` file as far as that role.
    if let Some(one) = ctx.one_role(ctx.unqualified(name)?)? {
        let track = super::track(&one.head, &args.track)?;
        let role = resolve::role_on_track(&one.head, &one.role, track)?;
        return show(ctx, &one.head, role, args, out);
    }
    let (ladder, role) = ctx.role(name, &args.track)?;
    show(ctx, ladder, role, args, out)
}

/// `--all`: every role (on `--track`, if given), after the ladder's head; in a catalogue of
/// several ladders, each ladder (that has the track) so, under its heading.
fn all(ctx: &Context, args: &ShowArgs, out: &mut impl Write) -> Result<Exit> {
    if let Some(catalogue) = ctx.many()? {
        let ladders = super::each_ladder(catalogue, args.track.name.as_deref(), &args.dimension)?
            .into_iter()
            .map(|(entry, track, dimensions)| {
                (entry, LadderView::of(&entry.ladder, track, &dimensions))
            });
        ctx.render(out, &Report::CatalogueShowAll(PerLadder::of(ladders)))?;
        return Ok(Exit::Success);
    }
    let ladder = ctx.ladder()?;
    let track = super::track(ladder, &args.track)?;
    let dimensions = super::dimensions(ladder, &args.dimension)?;
    ctx.render(
        out,
        &Report::ShowAll(LadderView::of(ladder, track, &dimensions)),
    )?;
    Ok(Exit::Success)
}

/// Renders the role, with the dimensions `--dimension` asks for, from the ladder's head.
fn show(
    ctx: &Context,
    ladder: &Ladder,
    role: &Role,
    args: &ShowArgs,
    out: &mut impl Write,
) -> Result<Exit> {
    let dimensions = super::dimensions(ladder, &args.dimension)?;
    ctx.render(out, &Report::Show(RoleView::of(ladder, role, &dimensions)))?;
    Ok(Exit::Success)
}
