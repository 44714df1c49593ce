//! `ladder search PATTERN`: grep for the ladder, with grep's exit codes.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::SearchArgs;
use crate::exit::Exit;
use crate::query::resolve;
use crate::query::search::{self, Query};
use crate::render::Report;

/// Prints every matching text; exits 0 when something matched and 1 when nothing did.
pub fn run(ctx: &Context, args: &SearchArgs, out: &mut impl Write) -> Result<Exit> {
    let ladder = ctx.ladder()?;
    let query = Query {
        text: &args.pattern,
        pattern: search::pattern(&args.pattern, args.regex, args.case_sensitive)?,
        dimension: super::dimension(ladder, &args.dimension)?,
        track: super::track(ladder, &args.track)?,
        level: args
            .level
            .as_deref()
            .map(|l| resolve::level(ladder, l))
            .transpose()?,
    };
    let hits = search::search(ladder, &query);
    let found = !hits.hits.is_empty();
    if !args.quiet {
        ctx.render(out, &Report::Search(hits))?;
    }
    Ok(if found { Exit::Success } else { Exit::NoMatch })
}
