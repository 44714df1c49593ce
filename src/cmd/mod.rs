//! One module per subcommand; `run` is the table of contents from the command line to them.

mod completions;
mod diff;
mod dimensions;
mod list;
mod man;
mod search;
mod show;
mod tracks;

use std::io::{self, BufWriter, Write};

use anyhow::{Context as _, Result};

use crate::cli::{Cli, Command, Format};
use crate::exit::Exit;
use crate::ladder::{Dimension, Ladder};
use crate::resolve;
use crate::term::Terminal;

/// What every subcommand needs besides its own arguments, resolved once.
#[derive(Debug)]
pub struct Context<'a> {
    pub ladder: &'a Ladder,
    pub term: Terminal,
    pub format: Format,
    /// Whether the user chose the format, rather than getting the default table.
    pub format_given: bool,
}

/// Runs the parsed command line against the embedded ladder, writing to stdout.
pub fn run(cli: Cli) -> Result<Exit> {
    let ladder = Ladder::embedded()?;
    let ctx = Context {
        ladder: &ladder,
        term: Terminal::detect(cli.global.color),
        format: cli.global.format.unwrap_or(Format::Table),
        format_given: cli.global.format.is_some(),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let exit = match cli.command {
        Command::List(args) => list::run(&ctx, &args, &mut out),
        Command::Show(args) => show::run(&ctx, &args, &mut out),
        Command::Diff(args) => diff::run(&ctx, &args, &mut out),
        Command::Search(args) => search::run(&ctx, &args, &mut out),
        Command::Tracks => tracks::run(&ctx, &mut out),
        Command::Dimensions => dimensions::run(&ctx, &mut out),
        Command::Completions(args) => completions::run(&ctx, &args, &mut out),
        Command::Man => man::run(&mut out),
    }?;
    out.flush().context("could not write to stdout")?;
    Ok(exit)
}

/// The dimensions a command covers: the one named by `--dimension`, or all of them.
fn dimensions<'a>(ladder: &'a Ladder, query: Option<&str>) -> Result<Vec<&'a Dimension>> {
    Ok(match query {
        Some(q) => vec![resolve::dimension(ladder, q)?],
        None => ladder.dimensions.iter().collect(),
    })
}
