//! `ladder review FILE`: a filled evidence outline read back against the ladder in use. It
//! only reads: the file is never written, and nothing is sent anywhere.

use std::io::Write;

use anyhow::{Result, anyhow};

use super::{Context, Need};
use crate::cli::ReviewArgs;
use crate::exit::{Exit, Trouble};
use crate::files;
use crate::load;
use crate::outline::read::{Outline, read};
use crate::render::Report;
use crate::source::git;
use crate::view::{Evidence, Review, ReviewView};

/// Reviews the outline; exit 2 on any trouble, 1 with `--check` when a New expectation has no
/// evidence.
pub fn run(ctx: &Context, args: &ReviewArgs, out: &mut impl Write) -> Result<Exit> {
    review(ctx, args, out).map_err(|e| Trouble(e).into())
}

fn review(ctx: &Context, args: &ReviewArgs, out: &mut impl Write) -> Result<Exit> {
    let shown = files::shown(&args.file);
    let doc = load::read(&args.file)?;
    let outline = read(&doc.text);
    let (role, from, line) = names(&outline)
        .ok_or_else(|| anyhow!("{shown}: not an evidence outline: it names no role (write one with `ladder evidence ROLE --output FILE`)"))?;
    // A role the ladder lacks is said where the file names it.
    let at = |e: anyhow::Error| anyhow!("{shown}:{line}: {e:#}");
    let to = ctx.loader.role(&role, None, Need::Ladder).map_err(at)?;
    let from = match from {
        Some(name) => Some(ctx.loader.role(&name, None, Need::Ladder).map_err(at)?),
        None => None,
    };
    let evidence = || {
        Evidence::of(
            to.ladder,
            to.role,
            from.as_ref().map(|f| (f.ladder, f.role)),
        )
    };
    let review = Review::of(evidence(), &outline);
    let before = match &args.since {
        Some(rev) => Some((rev, read(&git::show(&args.file, rev)?.text))),
        None => None,
    };
    let since = before.as_ref().map(|(rev, old)| {
        let then = Review::of(evidence(), old);
        (rev.to_string(), review.gained_since(&then))
    });
    let unmet = args.check && review.new_without_evidence();
    let view = ReviewView {
        file: shown,
        review,
        since,
    };
    ctx.render(out, &Report::Review(view))?;
    Ok(if unmet { Exit::Unmet } else { Exit::Success })
}

/// The role an outline is for and the one it compares with: from the anchor it opens with,
/// else its expectations' anchors, else (an outline written before anchors) the ids its
/// opening paragraph gives in parentheses, the last one the role's.
fn names(outline: &Outline) -> Option<(String, Option<String>, usize)> {
    if let Some((head, line)) = &outline.head {
        return Some((head.role.clone(), head.from.clone(), *line));
    }
    let anchored = (outline.sections.iter()).find_map(|s| s.anchor.as_ref().map(|a| (a, s.line)));
    if let Some((anchor, line)) = anchored {
        return Some((anchor.role.clone(), None, line));
    }
    let first = outline.intro.split("\n\n").next().unwrap_or("");
    let ids: Vec<&str> = first
        .split('(')
        .skip(1)
        .filter_map(|part| part.split_once(')').map(|(id, _)| id))
        .filter(|id| !id.is_empty() && !id.contains(' '))
        .collect();
    let line = outline.intro_line;
    match ids.as_slice() {
        [] => None,
        [role] => Some((role.to_string(), None, line)),
        [from, .., role] => Some((role.to_string(), Some(from.to_string()), line)),
    }
}
