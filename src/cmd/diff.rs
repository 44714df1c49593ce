//! `ladder diff A B`: two roles side by side.

use std::io::Write;

use anyhow::Result;

use crate::cli::DiffArgs;
use crate::compare;
use crate::exit::Exit;
use crate::ladder::{Dimension, Ladder};
use crate::render::{self, Report};
use crate::resolve;
use crate::term::Terminal;

/// Compares role A with role B, attribute by attribute and theme by theme.
pub fn run(
    ladder: &Ladder,
    args: &DiffArgs,
    term: &Terminal,
    out: &mut impl Write,
) -> Result<Exit> {
    let track = args
        .track
        .as_deref()
        .map(|t| resolve::track(ladder, t))
        .transpose()?;
    let from = resolve::role(ladder, &args.from, track)?;
    let to = resolve::role(ladder, &args.to, track)?;
    let dimensions: Vec<&Dimension> = ladder.dimensions.iter().collect();
    let comparison = compare::compare(ladder, from, to, &dimensions);
    render::render(out, &Report::Diff(comparison), term)?;
    Ok(Exit::Success)
}
