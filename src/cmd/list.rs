//! `ladder list`: every role, or the roles of one track, in a table.

use std::io::Write;

use anyhow::Result;

use crate::cli::ListArgs;
use crate::exit::Exit;
use crate::ladder::Ladder;
use crate::render::{self, Report};
use crate::resolve;
use crate::term::Terminal;
use crate::view::RoleList;

/// Lists the roles, ordered by track and level.
pub fn run(
    ladder: &Ladder,
    args: &ListArgs,
    term: &Terminal,
    out: &mut impl Write,
) -> Result<Exit> {
    let track = args
        .track
        .as_deref()
        .map(|t| resolve::track(ladder, t))
        .transpose()?;
    render::render(out, &Report::List(RoleList::of(ladder, track)), term)?;
    Ok(Exit::Success)
}
