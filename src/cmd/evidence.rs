//! `ladder evidence ROLE`: a Markdown outline of prompts for a progression conversation.

use std::io::Write;

use anyhow::Result;

use super::{Context, Need};
use crate::cli::EvidenceArgs;
use crate::exit::Exit;
use crate::files;
use crate::query::resolve;
use crate::render::{Format, Report};
use crate::view::Evidence;

/// Writes the outline to stdout, or to `--output` without overwriting unless `--force`.
pub fn run(ctx: &Context, args: &EvidenceArgs, out: &mut impl Write) -> Result<Exit> {
    ctx.only_format("evidence", "a Markdown outline", Some(Format::Markdown))?;
    // `--from` may name a role of another ladder of a catalogue; `--track` settles it too.
    // Without it, the level below is on the role's own track.
    let track = args.track.name.as_deref();
    let (found, from) = match &args.from {
        Some(from) => {
            let [to, from] = ctx.loader.roles(&[&args.role, from], track, Need::Ladder)?[..] else {
                unreachable!("two names give two roles")
            };
            (to, Some((from.ladder, from.role)))
        }
        None => {
            let to = ctx.loader.role(&args.role, track, Need::Ladder)?;
            let below = resolve::level_below(to.ladder, to.role, to.track)?;
            (to, below.map(|below| (to.ladder, below)))
        }
    };
    let (ladder, role) = (found.ladder, found.role);
    let evidence = Evidence::of(ladder, role, from);
    match &args.file.output {
        Some(path) => {
            let mut text = Vec::new();
            ctx.render_as(
                &mut text,
                &Report::Evidence(evidence, None),
                Format::Markdown,
            )?;
            files::write_new(path, &text, args.file.force)?;
            crate::render::wrote(out, path)?
        }
        None => {
            // Folded for a person at a terminal; a pipe gets one line per paragraph.
            let term = ctx.term;
            let width = term.is_tty.then_some(usize::from(term.width));
            ctx.render_as(out, &Report::Evidence(evidence, width), Format::Markdown)?
        }
    }
    Ok(Exit::Success)
}
