//! `ladder man`: one roff manual page for `ladder` and every subcommand.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use super::Context;
use crate::cli::{self, Cli};
use crate::exit::Exit;
use crate::render::{self, Manual};

/// Writes the page, read from the clap definitions.
pub fn run(ctx: &Context, out: &mut impl Write) -> Result<Exit> {
    ctx.only_format("man", "a roff manual page", None)?;
    let mut cmd = Cli::command();
    // Building adds the generated help to every subcommand.
    cmd.build();
    let manual = Manual {
        examples: cli::EXAMPLES,
        naming: cli::NAMING,
        exit_codes: cli::EXIT_CODES,
    };
    render::man(out, &cmd, &manual)?;
    Ok(Exit::Success)
}
