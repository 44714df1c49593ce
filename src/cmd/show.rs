//! `ladder show ROLE`: one role in full.

use std::io::Write;

use anyhow::Result;

use crate::cli::ShowArgs;
use crate::exit::Exit;
use crate::ladder::{Dimension, Ladder};
use crate::render::{self, Report};
use crate::resolve;
use crate::term::Terminal;
use crate::view::RoleView;

/// Shows the role's attributes, expectations and examples.
pub fn run(
    ladder: &Ladder,
    args: &ShowArgs,
    term: &Terminal,
    out: &mut impl Write,
) -> Result<Exit> {
    let track = args
        .track
        .as_deref()
        .map(|t| resolve::track(ladder, t))
        .transpose()?;
    let role = resolve::role(ladder, &args.role, track)?;
    let dimensions: Vec<&Dimension> = ladder.dimensions.iter().collect();
    render::render(
        out,
        &Report::Show(RoleView::of(ladder, role, &dimensions)),
        term,
    )?;
    Ok(Exit::Success)
}
