//! Long output on a terminal goes through a pager, as git and bat do: `$LADDER_PAGER`, then
//! `$PAGER`, then `less -FRX`. Never when stdout is not a terminal, never with `--no-pager`.

use std::io::{self, BufWriter, StdoutLock, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

/// The pager command chosen from the environment, or `None` when paging is off.
///
/// A variable that is set wins even when empty: `LADDER_PAGER=` (or `PAGER=`, or `cat`) means
/// no pager, so a user can turn it off for `ladder` alone or for everything.
pub fn command(env: impl Fn(&str) -> Option<String>) -> Option<String> {
    let chosen = env("LADDER_PAGER")
        .or_else(|| env("PAGER"))
        .unwrap_or_else(|| "less -FRX".to_string());
    let chosen = chosen.trim();
    (!chosen.is_empty() && chosen != "cat").then(|| chosen.to_string())
}

/// Where a command's output goes: stdout itself, or the stdin of a running pager.
pub enum Output {
    Stdout(BufWriter<StdoutLock<'static>>),
    Pager {
        child: Child,
        input: BufWriter<ChildStdin>,
    },
}

impl Output {
    /// Stdout, or the pager `command` when one is given and starts; a pager that cannot start
    /// leaves the output on stdout, as git does.
    pub fn start(command: Option<&str>) -> Output {
        let stdout = || Output::Stdout(BufWriter::new(io::stdout().lock()));
        let Some(command) = command else {
            return stdout();
        };
        match spawn(command) {
            Ok(mut child) => match child.stdin.take() {
                Some(stdin) => Output::Pager {
                    child,
                    input: BufWriter::new(stdin),
                },
                None => stdout(),
            },
            Err(_) => stdout(),
        }
    }

    /// Flushes what is left and, with a pager, closes its input and waits until the reader
    /// quits it, so that the shell prompt comes back after the pager, not under it.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Output::Stdout(mut out) => out.flush(),
            Output::Pager { mut child, input } => {
                // The reader may quit before reading everything: that is not an error.
                let flushed = input.into_inner().map(drop).map_err(|e| e.into_error());
                child.wait()?;
                flushed.or_else(quit_early)
            }
        }
    }
}

/// A pager that the reader quit closes its input: the rest of the output is simply unread.
fn quit_early(err: io::Error) -> io::Result<()> {
    match err.kind() {
        io::ErrorKind::BrokenPipe => Ok(()),
        _ => Err(err),
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::Pager { input, .. } => input.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::Pager { input, .. } => input.flush(),
        }
    }
}

/// Starts the pager through the shell, as git does, so that `LADDER_PAGER="less -S"` works;
/// the command comes from the user's own environment, never from a ladder file.
fn spawn(command: &str) -> io::Result<Child> {
    let mut pager = if cfg!(windows) {
        let mut words = command.split_whitespace();
        let mut pager = Command::new(words.next().unwrap_or("more"));
        pager.args(words);
        pager
    } else {
        let mut pager = Command::new("sh");
        pager.args(["-c", command]);
        pager
    };
    // less shows colour (-R), quits when the output fits one screen (-F) and leaves it on the
    // screen (-X), unless the user has chosen their own LESS options.
    if std::env::var_os("LESS").is_none() {
        pager.env("LESS", "FRX");
    }
    if std::env::var_os("LV").is_none() {
        pager.env("LV", "-c");
    }
    pager.stdin(Stdio::piped()).spawn()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::tests::env_of;

    #[test]
    fn ladder_pager_wins_over_pager_and_less_is_the_default() {
        let both = [("LADDER_PAGER", "most"), ("PAGER", "more")];
        assert_eq!(command(env_of(&both)).as_deref(), Some("most"));
        assert_eq!(
            command(env_of(&[("PAGER", "more -s")])).as_deref(),
            Some("more -s")
        );
        assert_eq!(command(env_of(&[])).as_deref(), Some("less -FRX"));
    }

    #[test]
    fn an_empty_pager_or_cat_turns_paging_off() {
        assert_eq!(
            command(env_of(&[("LADDER_PAGER", ""), ("PAGER", "more")])),
            None
        );
        assert_eq!(command(env_of(&[("PAGER", " ")])), None);
        assert_eq!(command(env_of(&[("PAGER", "cat")])), None);
    }
}
