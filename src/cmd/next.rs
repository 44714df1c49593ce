//! `ladder next ROLE`: the role compared with the next level on each of its tracks.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::NextArgs;
use crate::compare;
use crate::exit::Exit;
use crate::model::Track;
use crate::render::Report;
use crate::resolve;
use crate::view::{NextSteps, Step};

/// Compares the role with the next role of each track it is on; tracks that lead to the same
/// next role share one comparison.
pub fn run(ctx: &Context, args: &NextArgs, out: &mut impl Write) -> Result<Exit> {
    let ladder = ctx.ladder()?;
    let track = super::track(ladder, &args.track)?;
    let role = resolve::role(ladder, &args.role, track)?;
    let dimensions = super::dimensions(ladder, &args.dimension)?;
    let tracks: Vec<&Track> = match track {
        Some(t) => vec![t],
        None => ladder.tracks_of(role).collect(),
    };
    let mut steps: Vec<Step> = Vec::new();
    for t in tracks {
        let next = ladder.next_on(t, role);
        let same = steps
            .iter_mut()
            .find(|s| s.next.as_ref().map(|c| c.to.id.as_str()) == next.map(|r| r.id.as_str()));
        match same {
            Some(step) => step.tracks.push(t),
            None => steps.push(Step {
                tracks: vec![t],
                next: next.map(|n| compare::compare(ladder, role, n, &dimensions)),
            }),
        }
    }
    ctx.render(out, &Report::Next(NextSteps { role, steps }))?;
    Ok(Exit::Success)
}
