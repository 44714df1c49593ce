//! One module per subcommand; `run` is the table of contents from the command line to them.

mod diff;
mod list;
mod show;

use std::io::{self, BufWriter, Write};

use anyhow::{Context, Result};

use crate::cli::{Cli, Command};
use crate::exit::Exit;
use crate::ladder::Ladder;
use crate::term::Terminal;

/// Runs the parsed command line against the embedded ladder, writing to stdout.
pub fn run(cli: Cli) -> Result<Exit> {
    let ladder = Ladder::embedded()?;
    let term = Terminal::detect(cli.global.color);
    let mut out = BufWriter::new(io::stdout().lock());
    let exit = match cli.command {
        Command::List(args) => list::run(&ladder, &args, &term, &mut out),
        Command::Show(args) => show::run(&ladder, &args, &term, &mut out),
        Command::Diff(args) => diff::run(&ladder, &args, &term, &mut out),
    }?;
    out.flush().context("could not write to stdout")?;
    Ok(exit)
}
