//! `ladder`: a command-line explorer for career ladders. This file only parses, runs and exits.

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use ladder::{cli, cmd, exit, text};

fn main() -> ExitCode {
    // A shell asking for completions (`LADDER_COMPLETE=bash ladder -- ...`) is answered and the process
    // ends here; otherwise this reads one environment variable and returns.
    cmd::complete_if_asked();
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
/// sequences. When an argument holds a control, bidirectional or line-break character, or is
/// long, the command line is parsed again with each argument as a message may quote it (escaped,
/// newlines included, and cut), and the message rendered without styling: no argument can paint
/// the terminal, forge a line of the message, or make it a megabyte long.
fn parse_error(err: clap::Error) -> ExitCode {
    let err = fitted_help(err);
    let code = ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
    let typed: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    if !typed.iter().any(|a| needs_quoting(a)) {
        return printed(err.print(), !err.use_stderr(), code);
    }
    let quoted = typed.iter().map(|a| quotable(a));
    let plain = cli::Cli::command()
        .styles(clap::builder::Styles::plain())
        .try_get_matches_from(quoted)
        .err()
        .unwrap_or(err);
    let message = text::escape_controls(&plain.render().ansi().to_string()).into_owned();
    let written = if plain.use_stderr() {
        std::io::stderr().write_all(message.as_bytes())
    } else {
        let mut out = std::io::stdout().lock();
        out.write_all(message.as_bytes()).and_then(|()| out.flush())
    };
    printed(written, !plain.use_stderr(), code)
}

/// Help asked for (`-h`, `--help`, `help CMD`), made again with its examples fitted to the
/// terminal's width; anything else as it is.
fn fitted_help(err: clap::Error) -> clap::Error {
    if err.kind() != clap::error::ErrorKind::DisplayHelp {
        return err;
    }
    let width =
        usize::from(ladder::term::Terminal::detect(clap::ColorChoice::Never).width).min(100);
    cli::fitted(cli::Cli::command(), width)
        .try_get_matches_from(std::env::args_os())
        .err()
        .unwrap_or(err)
}

/// The exit code once clap's text is written: help or a version that could not reach stdout
/// (a full disk) is a failure with one error line, as for every command; a closed pipe is not,
/// and if stderr is gone there is no one left to tell.
fn printed(written: std::io::Result<()>, to_stdout: bool, code: ExitCode) -> ExitCode {
    match written {
        Err(e) if to_stdout && e.kind() != std::io::ErrorKind::BrokenPipe => {
            let _ = writeln!(std::io::stderr(), "error: could not write to stdout: {e}");
            ExitCode::FAILURE
        }
        _ => code,
    }
}

/// Whether clap must not quote an argument as typed.
fn needs_quoting(arg: &str) -> bool {
    text::has_controls(arg) || arg.contains('\n') || arg.chars().nth(text::QUOTED_CHARS).is_some()
}

/// An argument as a message may quote it: cut after [`text::QUOTED_CHARS`] characters with `…`,
/// and every unsafe character, the newline included, escaped.
fn quotable(arg: &str) -> String {
    text::cut(arg).replace('\n', "\\u{a}")
}
