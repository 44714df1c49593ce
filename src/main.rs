//! `ladder`: a command-line explorer for career ladders. This file only parses, runs and exits.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use ladder::{cli, cmd, exit};

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(exit) => exit.into(),
        Err(err) => match exit::for_error(&err) {
            None => ExitCode::SUCCESS,
            Some(code) => {
                // If stderr is gone too there is no one left to tell.
                let _ = writeln!(std::io::stderr(), "error: {err:#}");
                code.into()
            }
        },
    }
}
