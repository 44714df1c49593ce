//! `ladder man [PAGE]`: a roff manual page, ladder(1) for `ladder` and every subcommand, or
//! ladder-format(5) for the file format.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use super::Context;
use crate::cli::{self, Cli, ManArgs, ManPage};
use crate::exit::Exit;
use crate::render::{self, Manual};

/// docs/format.md, the one source of the format's documentation: the repository shows it as
/// Markdown, and the binary carries it for ladder-format(5).
const FORMAT: &str = include_str!("../../docs/format.md");

/// Writes the page asked for: ladder(1) read from the clap definitions, or ladder-format(5)
/// converted from docs/format.md.
pub fn run(ctx: &Context, args: &ManArgs, out: &mut impl Write) -> Result<Exit> {
    ctx.only_format("man", "a roff manual page", None)?;
    match args.page {
        ManPage::Ladder => {
            let mut cmd = Cli::command();
            // Building adds the generated help to every subcommand.
            cmd.build();
            let manual = Manual {
                examples: cli::EXAMPLES,
                naming: cli::NAMING,
                exit_codes: cli::EXIT_CODES,
            };
            render::man(out, &cmd, &manual)?;
        }
        ManPage::Format => render::man_format(out, FORMAT)?,
    }
    Ok(Exit::Success)
}
