//! `ladder search PATTERN`: grep for the ladder, with grep's exit codes; in a catalogue of
//! several ladders, across all of them, each hit naming its ladder.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::SearchArgs;
use crate::exit::{Exit, UsageError};
use crate::model::{Ladder, Track};
use crate::query::resolve;
use crate::query::search::{self, Hits, Query};
use crate::render::Report;

/// Prints every matching text; exits 0 when something matched and 1 when nothing did.
pub fn run(ctx: &Context, args: &SearchArgs, out: &mut impl Write) -> Result<Exit> {
    let hits = match ctx.loader.many()? {
        Some(catalogue) => {
            // A bad pattern is the user's error, not a ladder's to skip.
            search::pattern(&args.pattern, args.regex, args.case_sensitive)?;
            let mut hits = Hits {
                pattern: args.pattern.clone(),
                hits: Vec::new(),
            };
            let mut searched = false;
            for (entry, track) in resolve::with_track(catalogue, args.track.name.as_deref())? {
                // A ladder without the dimension or level asked for has nothing to search.
                let Ok(query) = query(&entry.ladder, track, args) else {
                    continue;
                };
                searched = true;
                let found = search::search(&entry.ladder, &query).hits;
                hits.hits.extend(found.into_iter().map(|mut hit| {
                    hit.ladder = Some(&entry.id);
                    hit
                }));
            }
            if !searched {
                return Err(UsageError(
                    "no ladder of the catalogue has that dimension and level; \
                     run `ladder dimensions`"
                        .into(),
                )
                .into());
            }
            hits
        }
        None => {
            let ladder = ctx.loader.ladder()?;
            let track = super::track(ladder, &args.track)?;
            search::search(ladder, &query(ladder, track, args)?)
        }
    };
    let found = !hits.hits.is_empty();
    if !args.quiet {
        ctx.render(out, &Report::Search(hits))?;
    }
    Ok(if found { Exit::Success } else { Exit::NoMatch })
}

/// The search the arguments ask for in one ladder.
fn query<'a>(
    ladder: &'a Ladder,
    track: Option<&'a Track>,
    args: &'a SearchArgs,
) -> Result<Query<'a>> {
    Ok(Query {
        text: &args.pattern,
        pattern: search::pattern(&args.pattern, args.regex, args.case_sensitive)?,
        dimension: super::dimension(ladder, &args.dimension)?,
        track,
        level: args
            .level
            .as_deref()
            .map(|l| resolve::level(ladder, l))
            .transpose()?,
    })
}
