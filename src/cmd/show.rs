//! `ladder show ROLE`: one role in full, or one of its dimensions; `--all`: every role (of
//! every ladder, in a catalogue of several).

use std::io::Write;

use anyhow::Result;

use super::{Context, Need};
use crate::cli::ShowArgs;
use crate::exit::Exit;
use crate::render::Report;
use crate::view::{LadderView, PerLadder, RoleView};

/// Shows the role's attributes, expectations and examples.
pub fn run(ctx: &Context, args: &ShowArgs, out: &mut impl Write) -> Result<Exit> {
    let Some(name) = args.role.as_deref() else {
        return all(ctx, args, out);
    };
    let found = ctx
        .loader
        .role(name, args.track.name.as_deref(), Need::Role)?;
    let dimensions = super::dimensions_asked(found.ladder, &args.dimension)?;
    let view = RoleView::of(found.ladder, found.role, &dimensions);
    ctx.render(out, &Report::Show(view))?;
    Ok(Exit::Success)
}

/// `--all`: every role (on `--track`, if given), after the ladder's head; in a catalogue of
/// several ladders, each ladder (that has the track) so, under its heading.
fn all(ctx: &Context, args: &ShowArgs, out: &mut impl Write) -> Result<Exit> {
    if let Some(catalogue) = ctx.loader.many()? {
        let ladders = super::each_ladder(catalogue, args.track.name.as_deref(), &args.dimension)?
            .into_iter()
            .map(|(entry, track, dimensions)| {
                (entry, LadderView::of(&entry.ladder, track, &dimensions))
            });
        ctx.render(out, &Report::CatalogueShowAll(PerLadder::of(ladders)))?;
        return Ok(Exit::Success);
    }
    let ladder = ctx.loader.ladder()?;
    let track = super::track(ladder, &args.track)?;
    let dimensions = super::dimensions_asked(ladder, &args.dimension)?;
    ctx.render(
        out,
        &Report::ShowAll(LadderView::of(ladder, track, &dimensions)),
    )?;
    Ok(Exit::Success)
}
