//! `ladder browse [ROLE]`: the full-screen explorer, started on ROLE and the next level on its
//! track, in the ladder in use or across the ladders of a catalogue.

use std::io::{IsTerminal as _, Write};

use anyhow::{Result, anyhow};

use super::{Context, Need};
use crate::browse::{self, Browser, Shelf, Side};
use crate::cli::BrowseArgs;
use crate::exit::{Exit, UsageError};
use crate::query::resolve;

/// Resolves the starting role, then hands the terminal to the explorer until it quits.
pub fn run(ctx: &Context, args: &BrowseArgs, _out: &mut impl Write) -> Result<Exit> {
    ctx.only_format("browse", "a full screen", None)?;
    let shelves = shelves(ctx)?;
    let a = start(ctx, args, &shelves)?;
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return Err(UsageError(
            "browse needs a terminal on stdin and stdout; for a pipe, use `ladder diff A B`".into(),
        )
        .into());
    }
    browse::run(Browser::new(shelves, a, ctx.term.color, ctx.term.blocks))?;
    Ok(Exit::Success)
}

/// Every ladder a browse may reach: those of the catalogue, or the one in use.
fn shelves(ctx: &Context) -> Result<Vec<Shelf<'_>>> {
    Ok(match ctx.loader.catalogue()? {
        Some(catalogue) => catalogue
            .ladders
            .iter()
            .map(|e| Shelf {
                ladder: &e.ladder,
                id: Some(e.id.as_str()),
            })
            .collect(),
        None => vec![Shelf {
            ladder: ctx.loader.ladder()?,
            id: ctx.loader.source.ladder_id(),
        }],
    })
}

/// Side A: the role named (with `--track`), or the first role (of `--track`, when given) of
/// the first ladder that has one. A name is resolved as every command resolves it, then found
/// again by its ids among the ladders read here (a `LADDER/ROLE` is resolved in that ladder
/// alone, read apart from the catalogue).
fn start<'a>(ctx: &'a Context, args: &BrowseArgs, shelves: &[Shelf<'a>]) -> Result<Side<'a>> {
    let track = args.track.name.as_deref();
    let Some(name) = &args.role else {
        let (ladder, role, on) = first_role(shelves, track)?;
        let shelf = shelves.iter().position(|s| std::ptr::eq(s.ladder, ladder));
        return Ok(Side {
            shelf: shelf.unwrap_or(0),
            role,
            track: on.or_else(|| ladder.tracks_of(role).next()),
        });
    };
    let found = ctx.loader.role(name, track, Need::Ladder)?;
    let shelf = shelves
        .iter()
        .position(|s| s.id == found.ladder_id || shelves.len() == 1)
        .ok_or_else(|| anyhow!("the role's ladder is not among those read"))?;
    let ladder = shelves[shelf].ladder;
    let role = ladder
        .role(&found.role.id)
        .ok_or_else(|| anyhow!("the role is not in its ladder as read"))?;
    let on = found
        .track
        .and_then(|t| ladder.tracks.iter().find(|x| x.id == t.id));
    Ok(Side {
        shelf,
        role,
        track: on.or_else(|| ladder.tracks_of(role).next()),
    })
}

type Found<'a> = (
    &'a crate::model::Ladder,
    &'a crate::model::Role,
    Option<&'a crate::model::Track>,
);

/// The first role of the first ladder that has one (on `track`, when given).
fn first_role<'a>(shelves: &[Shelf<'a>], track: Option<&str>) -> Result<Found<'a>> {
    let mut refused = None;
    for shelf in shelves {
        let ladder = shelf.ladder;
        let on = match track.map(|t| resolve::track(ladder, t)).transpose() {
            Ok(on) => on,
            Err(e) => {
                refused.get_or_insert(e);
                continue;
            }
        };
        if let Some(role) = ladder.roles_on(on).next() {
            return Ok((ladder, role, on));
        }
    }
    Err(match refused {
        Some(e) => e.into(),
        None => anyhow!("the ladder has no roles to browse"),
    })
}
