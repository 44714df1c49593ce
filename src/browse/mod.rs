//! `ladder browse`: two roles side by side on a full screen, stepped with keys. The state
//! (`state.rs`) changes only by keys; the page (`page.rs`) is the comparison `diff` draws,
//! read into styled lines (`ansi.rs`); `screen.rs` draws both with ratatui; `terminal.rs`
//! takes the terminal over and always gives it back.

mod ansi;
mod page;
mod screen;
mod state;
mod terminal;

pub use page::{Page, Search};
pub use screen::{MIN_SIZE, areas, draw, help_lines};
pub use state::{Browser, Choice, Mode, Note, Shelf, Side, Step, Which};

use std::path::Path;
use std::time::Duration;

use anyhow::Result;
use ratatui::crossterm::event::{self, Event};
use ratatui::layout::Size;

use crate::files;
use crate::render::{self, Format, Header, Report};
use crate::term::Terminal;
use crate::view::Evidence;

/// Runs the explorer on the terminal until `q`; the terminal is given back on every way out.
pub fn run(mut browser: Browser<'_>) -> Result<()> {
    let mut screen = terminal::Screen::enter()?;
    browse(&mut screen, &mut browser)
}

fn browse(screen: &mut terminal::Screen, browser: &mut Browser<'_>) -> Result<()> {
    loop {
        let size = screen.terminal.size()?;
        prepare(browser, size)?;
        {
            let _frame = terminal::drawing();
            screen.terminal.draw(|frame| draw(frame, browser))?;
        }
        // Every key already typed is acted on before the next frame: keys held down or typed
        // fast do not queue up behind frames.
        let mut event = event::read()?;
        loop {
            match event {
                Event::Key(key) => match browser.key(key) {
                    Step::Continue => {}
                    Step::Quit => return Ok(()),
                    Step::Suspend => terminal::suspend(),
                    Step::WriteEvidence(path) => {
                        browser.status = Some(write_evidence(browser, &path));
                    }
                },
                // The next draw takes the new size; the screen is drawn again whole.
                Event::Resize(..) => screen.terminal.clear()?,
                _ => {}
            }
            if !event::poll(Duration::ZERO)? {
                break;
            }
            event = event::read()?;
        }
    }
}

/// Makes the state ready to draw on a screen of `size`: its page drawn at that width, the
/// height it scrolls by, the scroll kept within the page.
pub fn prepare(browser: &mut Browser<'_>, size: Size) -> Result<()> {
    if size.width < MIN_SIZE.width || size.height < MIN_SIZE.height {
        return Ok(());
    }
    let lines = browser.page(size.width)?.lines.len();
    browser.body_height = usize::from(areas(size, browser).body.height);
    let last_top = lines.saturating_sub(browser.body_height);
    browser.scroll = browser.scroll.min(last_top);
    // The header counts the lines shown: drawn again with the height now known.
    browser.body_height = usize::from(areas(size, browser).body.height);
    if let Mode::Help { scroll } = &mut browser.mode {
        let lines = help_lines(size.width).len();
        *scroll = (*scroll).min(lines.saturating_sub(browser.body_height));
    }
    Ok(())
}

/// Writes the evidence outline for B from A, as `ladder evidence B --from A --output FILE`
/// writes it; refuses a file that exists.
pub fn write_evidence<'a>(browser: &Browser<'a>, path: &Path) -> Note<'a> {
    let (a, b) = (browser.a, browser.b);
    let from = Some((browser.shelves[a.shelf].ladder, a.role));
    let evidence = Evidence::of(browser.shelves[b.shelf].ladder, b.role, from);
    let mut text = Vec::new();
    let term = Terminal {
        color: false,
        width: crate::term::PIPE_WIDTH,
        is_tty: false,
        blocks: browser.blocks,
    };
    let report = Report::Evidence(evidence, None);
    let written = render::render(&mut text, &report, Format::Markdown, Header::Shown, &term)
        .and_then(|()| files::write_new(path, &text, false));
    match written {
        Ok(()) => Note::Wrote(path.to_path_buf()),
        Err(_) if std::fs::symlink_metadata(path).is_ok() => Note::Exists(path.to_path_buf()),
        Err(e) => Note::Failed(path.to_path_buf(), e.root_cause().to_string()),
    }
}
