//! The terminal while `browse` runs: raw mode and the alternate screen, and their undoing on
//! every way out (a quit, an error, a panic, SIGINT, SIGTERM or SIGHUP).

use std::io::{Stdout, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

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
    /// The signal that asked the process to end, once one has (0 until then).
    signal: Arc<AtomicUsize>,
}

impl Screen {
    /// Takes the terminal over: from here until the drop, every way out gives it back.
    pub fn enter() -> Result<Screen> {
        let signal = Arc::new(AtomicUsize::new(0));
        watch_signals(&signal)?;
        give_back_on_panic();
        crate::files::before_signal_exit(give_back);
        enable_raw_mode().context("cannot put the terminal in raw mode")?;
        let entered = execute!(stdout(), EnterAlternateScreen, Hide)
            .context("cannot switch to the alternate screen");
        let terminal = entered.and_then(|()| {
            Terminal::new(CrosstermBackend::new(stdout())).context("cannot draw on the terminal")
        });
        match terminal {
            Ok(terminal) => Ok(Screen { terminal, signal }),
            Err(e) => {
                give_back();
                Err(e)
            }
        }
    }

    /// The signal that asked the process to end, if one has.
    pub fn signalled(&self) -> Option<i32> {
        match self.signal.load(Ordering::Relaxed) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        give_back();
    }
}

/// Raw mode off, the alternate screen left, the cursor shown. Each step is tried even when
/// one before it failed; there is nowhere left to report a failure.
pub fn give_back() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), LeaveAlternateScreen, Show);
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

/// SIGINT, SIGTERM and SIGHUP are noted instead of ending the process at once, so that the
/// loop gives the terminal back first ([`Screen::signalled`]).
#[cfg(unix)]
fn watch_signals(signal: &Arc<AtomicUsize>) -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    for s in [SIGINT, SIGTERM, SIGHUP] {
        let number = usize::try_from(s).unwrap_or(0);
        signal_hook::flag::register_usize(s, Arc::clone(signal), number)
            .context("cannot watch for signals")?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn watch_signals(_signal: &Arc<AtomicUsize>) -> Result<()> {
    Ok(())
}

/// Ends the process as `signal` would have, once the terminal is given back.
#[cfg(unix)]
pub fn end_as(signal: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal)
}

#[cfg(not(unix))]
pub fn end_as(signal: i32) -> ! {
    std::process::exit(128 + signal)
}
