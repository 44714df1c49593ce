//! `ladder`: a command-line explorer for career ladders. This file only parses, runs and exits.

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use ladder::{cli, cmd, exit, text};

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return parse_error(err),
    };
    match cmd::run(cli) {
        Ok(exit) => exit.into(),
        Err(err) => match exit::for_error(&err) {
            None => ExitCode::SUCCESS,
            Some(code) => {
                // Messages quote files and names from outside: no control character gets through.
                let message = text::escape_controls(&format!("{err:#}")).into_owned();
                // If stderr is gone too there is no one left to tell.
                let _ = writeln!(std::io::stderr(), "error: {message}");
                code.into()
            }
        },
    }
}

/// Prints what clap has to say about the command line (an error, or the help or version asked
/// for) and gives its exit code.
///
/// clap quotes a rejected argument as typed, and even its plain rendering drops only whole escape
/// sequences. When an argument holds a control or bidirectional character, the message is rendered
/// again without styling, so that every such character in it came from argv, and is escaped.
fn parse_error(err: clap::Error) -> ExitCode {
    let code = ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
    let typed: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if !typed
        .iter()
        .any(|a| text::has_controls(&a.to_string_lossy()))
    {
        // Broken pipes here are as harmless as anywhere else.
        let _ = err.print();
        return code;
    }
    let plain = cli::Cli::command()
        .styles(clap::builder::Styles::plain())
        .try_get_matches_from(typed)
        .err()
        .unwrap_or(err);
    let message = text::escape_controls(&plain.render().ansi().to_string()).into_owned();
    let _ = if plain.use_stderr() {
        std::io::stderr().write_all(message.as_bytes())
    } else {
        std::io::stdout().write_all(message.as_bytes())
    };
    code
}
