//! `ladder search PATTERN`: grep for the ladder, with grep's exit codes and rg's flags; in a
//! catalogue of several ladders, across all of them, each hit naming its ladder.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::SearchArgs;
use crate::exit::{Exit, UsageError};
use crate::model::{Ladder, Track};
use crate::query::resolve;
use crate::query::search::{self, Case, Hits, Matcher, Query};
use crate::render::{Format, Report};
use crate::view::Listing;

/// Prints every matching text (or the roles, or their counts); exits 0 when something
/// matched and 1 when nothing did.
pub fn run(ctx: &Context, args: &SearchArgs, out: &mut impl Write) -> Result<Exit> {
    let listing = listing(ctx, args)?;
    let texts = patterns(args);
    let case = match (args.ignore_case, args.case_sensitive) {
        (true, _) => Case::Ignore,
        (_, true) => Case::Sensitive,
        _ => Case::Smart,
    };
    // A bad pattern is the user's error, found before any ladder is read.
    let matcher = || search::patterns(&texts, args.regex, case);
    matcher()?;
    let hits = match ctx.loader.many()? {
        Some(catalogue) => {
            let mut hits = Hits {
                patterns: texts.clone(),
                hits: Vec::new(),
            };
            let mut searched = false;
            for (entry, track) in resolve::with_track(catalogue, args.track.name.as_deref())? {
                // A ladder without the dimension or level asked for has nothing to search.
                let Ok(query) = query(&entry.ladder, track, args, &texts, matcher()?) else {
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
            search::search(ladder, &query(ladder, track, args, &texts, matcher()?)?)
        }
    };
    let found = !hits.hits.is_empty();
    if !args.quiet {
        ctx.render(out, &Report::Search(hits, listing))?;
    }
    Ok(if found { Exit::Success } else { Exit::NoMatch })
}

/// The patterns: PATTERN, then each `-e`.
fn patterns(args: &SearchArgs) -> Vec<String> {
    args.pattern.iter().chain(&args.patterns).cloned().collect()
}

/// How the hits are laid out: `--roles` and `--count` print plain lines, so they take no
/// `--format`; else grouped under headings on a terminal, unless the flags say otherwise.
fn listing(ctx: &Context, args: &SearchArgs) -> Result<Listing> {
    let plain = match (args.roles, args.count) {
        (true, _) => Some(("--roles", Listing::Roles)),
        (_, true) => Some(("--count", Listing::Counts)),
        _ => None,
    };
    if let Some((flag, listing)) = plain {
        if ctx.format.is_some_and(|f| f != Format::Table) {
            let why = format!("{flag} prints plain lines, one per role; it takes no --format");
            return Err(UsageError(why).into());
        }
        return Ok(listing);
    }
    let grouped = match (args.heading, args.no_heading) {
        (true, _) => true,
        (_, true) => false,
        _ => ctx.term.is_tty,
    };
    Ok(if grouped {
        Listing::Grouped
    } else {
        Listing::Hits
    })
}

/// The search the arguments ask for in one ladder.
fn query<'a>(
    ladder: &'a Ladder,
    track: Option<&'a Track>,
    args: &'a SearchArgs,
    texts: &[String],
    pattern: Matcher,
) -> Result<Query<'a>> {
    Ok(Query {
        texts: texts.to_vec(),
        pattern,
        dimension: super::dimension(ladder, &args.dimension)?,
        track,
        level: args
            .level
            .as_deref()
            .map(|l| resolve::level(ladder, l))
            .transpose()?,
    })
}
