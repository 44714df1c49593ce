//! The terminal while `browse` runs: raw mode and the alternate screen, and their undoing on
//! every way out (a quit, an error, a panic, SIGINT, SIGTERM or SIGHUP), and the end of the
//! process when the terminal goes away.

use std::io::{Stdout, stdout};
use std::sync::{Mutex, MutexGuard};

use anyhow::{Context as _, Result};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// The terminal in raw mode on the alternate screen; dropped, it is given back as it was.
pub struct Screen {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Screen {
    /// Takes the terminal over: from here until the drop, every way out gives it back.
    pub fn enter() -> Result<Screen> {
        watch()?;
        give_back_on_panic();
        crate::files::before_signal_exit(give_back);
        enable_raw_mode().context("cannot put the terminal in raw mode")?;
        let entered = execute!(stdout(), EnterAlternateScreen, Hide)
            .context("cannot switch to the alternate screen");
        let terminal = entered.and_then(|()| {
            Terminal::new(CrosstermBackend::new(stdout())).context("cannot draw on the terminal")
        });
        match terminal {
            Ok(terminal) => Ok(Screen { terminal }),
            Err(e) => {
                give_back();
                Err(e)
            }
        }
    }
}

/// Ctrl-Z: stops the process as a shell stops a job, which raw mode keeps the terminal from
/// doing; the watcher gives the terminal back first and takes it over again on `fg`.
#[cfg(unix)]
pub fn suspend() {
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
}

#[cfg(not(unix))]
pub fn suspend() {}

impl Drop for Screen {
    fn drop(&mut self) {
        give_back();
    }
}

/// Held while a frame is written, so that a signal does not give the terminal back in the
/// middle of one (which would leave half a frame on the screen it returns to).
static DRAWING: Mutex<()> = Mutex::new(());

/// The lock a frame is written under.
pub fn drawing() -> MutexGuard<'static, ()> {
    DRAWING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Raw mode off, the alternate screen left, the cursor shown. Each step is tried even when
/// one before it failed; there is nowhere left to report a failure. The escapes go straight
/// to the file descriptor: a signal's thread gives the terminal back while the main thread
/// holds the lock of `std::io::stdout` (the command's output is locked for its whole run).
pub fn give_back() {
    let _ = disable_raw_mode();
    write_unlocked(&[&LeaveAlternateScreen, &Show]);
}

/// Writes the escapes of `commands` to fd 1, without the lock of `std::io::stdout`.
fn write_unlocked(commands: &[&dyn AnsiCommand]) {
    let mut escapes = String::new();
    for command in commands {
        let _ = command.write_ansi(&mut escapes);
    }
    write_fd(escapes.as_bytes());
}

/// A crossterm command as the escapes it writes (crossterm's `Command` is not object safe).
trait AnsiCommand {
    fn write_ansi(&self, out: &mut String) -> std::fmt::Result;
}

impl<C: ratatui::crossterm::Command> AnsiCommand for C {
    fn write_ansi(&self, out: &mut String) -> std::fmt::Result {
        ratatui::crossterm::Command::write_ansi(self, out)
    }
}

#[cfg(unix)]
fn write_fd(mut bytes: &[u8]) {
    use std::os::fd::AsFd as _;
    let out = stdout();
    while !bytes.is_empty() {
        match rustix::io::write(out.as_fd(), bytes) {
            Ok(0) | Err(_) => return,
            Ok(n) => bytes = &bytes[n..],
        }
    }
}

#[cfg(not(unix))]
fn write_fd(bytes: &[u8]) {
    use std::io::Write as _;
    let _ = stdout().write_all(bytes);
}

/// A panic gives the terminal back before its message is printed (and before the process
/// aborts, in a release build).
fn give_back_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        give_back();
        previous(info);
    }));
}

/// Two threads. One acts on signals between frames: SIGINT, SIGTERM or SIGHUP end the
/// process as they would have, once the terminal is given back; SIGTSTP (Ctrl-Z, or a stop
/// sent from outside) gives it back and stops the process when a shell can resume it, then,
/// continued, takes it over again and has the screen drawn whole (a SIGWINCH to itself, which
/// the key reader turns into a resize). The other ends the process when the terminal hangs
/// up (its window closed: reads see only the end of input, on which the key reader spins).
#[cfg(unix)]
fn watch() -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP, SIGWINCH};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGTSTP])
        .context("cannot watch for signals")?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let frame = drawing();
            if signal != SIGTSTP {
                give_back();
                end_as(signal);
            }
            if !job_control() {
                continue;
            }
            give_back();
            // Stops here until `fg` (SIGCONT).
            let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
            take_over();
            drop(frame);
            let _ = signal_hook::low_level::raise(SIGWINCH);
        }
    });
    std::thread::spawn(|| {
        if hung_up() {
            end_as(SIGHUP);
        }
    });
    Ok(())
}

/// Raw mode and the alternate screen again, the cursor hidden: after a stop.
#[cfg(unix)]
fn take_over() {
    let _ = enable_raw_mode();
    write_unlocked(&[&EnterAlternateScreen, &Hide]);
}

/// Whether a shell can resume this process once stopped: its process group is not orphaned
/// (its parent is in another group of the same session, as a job-control shell puts a job).
/// An orphaned group is never stopped by the terminal's own Ctrl-Z either.
#[cfg(unix)]
fn job_control() -> bool {
    use rustix::process::{getpgid, getppid, getsid};
    let Some(parent) = getppid() else {
        return false;
    };
    let (Ok(group), Ok(parent_group)) = (getpgid(None), getpgid(Some(parent))) else {
        return false;
    };
    let (Ok(session), Ok(parent_session)) = (getsid(None), getsid(Some(parent))) else {
        return false;
    };
    group != parent_group && session == parent_session
}

/// Waits until stdin, the terminal, hangs up; false when it cannot wait for that.
#[cfg(unix)]
fn hung_up() -> bool {
    use rustix::event::{PollFd, PollFlags, poll};
    let stdin = std::io::stdin();
    loop {
        // No events asked for: poll still reports a hang-up or an error, and only those.
        let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
        match poll(&mut fds, None) {
            Ok(_) => {
                let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
                if fds[0].revents().intersects(gone) {
                    return true;
                }
            }
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return false,
        }
    }
}

#[cfg(not(unix))]
fn watch() -> Result<()> {
    Ok(())
}

/// Ends the process as `signal` would have: the terminal is given back first.
#[cfg(unix)]
pub fn end_as(signal: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal)
}
