//! Long output on a terminal goes through a pager, as git and bat do: `$LADDER_PAGER`, then
//! `$PAGER`, then `less -FRX`. Never when stdout is not a terminal, never with `--no-pager`.
//! A pager that fails before reading (it cannot run, or exits with an error) loses nothing:
//! the output is printed directly, after a warning on stderr.

use std::io::{self, BufWriter, StdoutLock, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};

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
    Pager(Pager),
}

/// The most output kept while it goes to the pager, in case the pager fails before reading
/// it. Far more than a pipe holds (64 KiB on Linux): once a pager has taken this much, it has
/// been reading, and the copy is dropped.
const KEPT: usize = 1024 * 1024;

/// A running pager and what has been written to it.
pub struct Pager {
    /// The command line, for the message when it fails.
    command: String,
    child: Child,
    input: BufWriter<ChildStdin>,
    /// Everything written so far, until more than [`KEPT`] bytes have been.
    kept: Option<Vec<u8>>,
    /// Stdout, once the pager has failed before reading: the rest of the output goes there.
    direct: Option<BufWriter<StdoutLock<'static>>>,
}

impl Output {
    /// Stdout, or the pager `command` when one is given and starts; a pager that cannot start
    /// leaves the output on stdout, as git does.
    pub fn start(command: Option<&str>) -> Output {
        let stdout = || Output::Stdout(stdout());
        let Some(command) = command else {
            return stdout();
        };
        match spawn(command) {
            Ok(mut child) => match child.stdin.take() {
                Some(stdin) => Output::Pager(Pager {
                    command: command.to_string(),
                    child,
                    input: BufWriter::new(stdin),
                    kept: Some(Vec::new()),
                    direct: None,
                }),
                None => stdout(),
            },
            Err(_) => stdout(),
        }
    }

    /// Flushes what is left and, with a pager, closes its input and waits until the reader
    /// quits it, so that the shell prompt comes back after the pager, not under it. A pager
    /// that failed before reading (it could not run, or exited with an error) has the output
    /// printed directly instead, after one line on stderr that says so.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Output::Stdout(mut out) => out.flush(),
            Output::Pager(pager) => pager.finish(),
        }
    }
}

fn stdout() -> BufWriter<StdoutLock<'static>> {
    BufWriter::new(io::stdout().lock())
}

impl Pager {
    fn finish(mut self) -> io::Result<()> {
        if let Some(mut direct) = self.direct {
            return direct.flush();
        }
        // The reader may quit before reading everything: that is not an error.
        let flushed = self
            .input
            .into_inner()
            .map(drop)
            .map_err(|e| e.into_error());
        let status = self.child.wait()?;
        match self.kept {
            Some(kept) if !status.success() => {
                let mut direct = fell_back(&self.command, status, &kept)?;
                direct.flush()
            }
            _ => flushed.or_else(quit_early),
        }
    }

    /// Writes to the pager; if it has gone, and failed before reading, to stdout instead.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.direct.is_none() {
            match self.input.write(buf) {
                Ok(n) => {
                    self.keep(&buf[..n]);
                    return Ok(n);
                }
                Err(e) => self.gone(e)?,
            }
        }
        self.direct
            .as_mut()
            .map_or(Ok(0), |direct| direct.write(buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.direct.is_none() {
            match self.input.flush() {
                Ok(()) => return Ok(()),
                Err(e) => self.gone(e)?,
            }
        }
        self.direct.as_mut().map_or(Ok(()), Write::flush)
    }

    /// After `err` writing to the pager: when it is a closed pipe and the pager failed before
    /// reading, prints the output so far directly and carries on there; otherwise `err`.
    fn gone(&mut self, err: io::Error) -> io::Result<()> {
        if err.kind() != io::ErrorKind::BrokenPipe {
            return Err(err);
        }
        let Some(kept) = self.kept.take() else {
            return Err(err);
        };
        let status = self.child.wait()?;
        if status.success() {
            return Err(err);
        }
        self.direct = Some(fell_back(&self.command, status, &kept)?);
        Ok(())
    }

    fn keep(&mut self, written: &[u8]) {
        if let Some(kept) = &mut self.kept {
            kept.extend_from_slice(written);
            if kept.len() > KEPT {
                self.kept = None;
            }
        }
    }
}

/// Says on stderr that the pager failed, then prints what it was given to stdout, whose
/// writer it returns for the rest.
fn fell_back(
    command: &str,
    status: ExitStatus,
    kept: &[u8],
) -> io::Result<BufWriter<StdoutLock<'static>>> {
    // If stderr is gone too there is no one left to tell; the output still goes to stdout.
    let _ = writeln!(
        io::stderr(),
        "warning: the pager {} failed ({status}) before showing the output; printing it directly",
        crate::text::quoted(command)
    );
    let mut direct = stdout();
    direct.write_all(kept)?;
    Ok(direct)
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
            Output::Pager(pager) => pager.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::Pager(pager) => pager.flush(),
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
