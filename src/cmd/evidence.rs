//! `ladder evidence ROLE`: a Markdown outline of prompts for a progression conversation.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::{EvidenceArgs, TrackArg};
use crate::exit::Exit;
use crate::files;
use crate::outline;
use crate::query::resolve;
use crate::render::Format;
use crate::view::Evidence;

/// Writes the outline to stdout, or to `--output` without overwriting unless `--force`.
pub fn run(ctx: &Context, args: &EvidenceArgs, out: &mut impl Write) -> Result<Exit> {
    ctx.only_format("evidence", "a Markdown outline", Some(Format::Markdown))?;
    let (ladder, role) = ctx.role(&args.role, &args.track)?;
    let track = super::track(ladder, &args.track)?;
    // `--from` may name a role of another ladder of a catalogue; the level below is on the
    // role's own track.
    let from = match &args.from {
        Some(name) => Some(ctx.role(name, &TrackArg::default())?),
        None => resolve::level_below(ladder, role, track)?.map(|below| (ladder, below)),
    };
    let evidence = Evidence::of(ladder, role, from);
    match &args.file.output {
        Some(path) => {
            let mut text = Vec::new();
            outline::write(&mut text, &evidence, None)?;
            files::write_new(path, &text, args.file.force)?
        }
        None => {
            // Wrapped for a person at a terminal; a pipe gets one line per paragraph.
            let term = ctx.term;
            let width = term.is_tty.then_some(usize::from(term.width));
            outline::write(out, &evidence, width)?
        }
    }
    Ok(Exit::Success)
}
