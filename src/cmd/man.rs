//! `ladder man`: one roff manual page for `ladder` and every subcommand.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use super::Context;
use crate::cli::Cli;
use crate::exit::Exit;
use crate::render;

/// Writes the page, read from the clap definitions.
pub fn run(ctx: &Context, out: &mut impl Write) -> Result<Exit> {
    ctx.only_format("man", "a roff manual page", None)?;
    let mut cmd = Cli::command();
    // Building propagates the global options and adds the generated help to every subcommand.
    cmd.build();
    render::man(out, &cmd)?;
    Ok(Exit::Success)
}
