//! What the explorer shows, changed only by keys: the two roles, the track, the dimension,
//! the brief view, the scroll, the search and the prompts. No terminal here: tests drive it
//! with key events and draw it on ratatui's test backend.

mod pick;

use std::path::PathBuf;

use anyhow::Result;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::page::{Page, Search};
use crate::model::{Ladder, Role, Track};
use crate::query::compare;
use crate::view::Detail;

/// The ladders a browse can reach: the one in use, or every ladder of a catalogue, each with
/// its id there.
#[derive(Debug, Clone, Copy)]
pub struct Shelf<'a> {
    pub ladder: &'a Ladder,
    pub id: Option<&'a str>,
}

/// One side of the comparison: a role, its ladder, and the track it steps along.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub shelf: usize,
    pub role: &'a Role,
    pub track: Option<&'a Track>,
}

/// Which side a key or a pick acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    A,
    B,
}

/// What the keys are typed into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Keys move, step and toggle.
    Normal,
    /// The list of keys, scrolled by the arrows; any other key closes it.
    Help { scroll: usize },
    /// `/`: the text to search for, being typed.
    Search(String),
    /// `r`: the roles to pick from, narrowed by what is typed; `selected` counts in the
    /// narrowed list.
    Pick {
        filter: String,
        target: Which,
        selected: usize,
    },
    /// `e`: the name of the file the evidence outline goes to, being typed.
    Save(String),
}

/// What the loop does after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Continue,
    Quit,
    /// Ctrl-Z: give the terminal back and stop, as a shell's job; `fg` resumes.
    Suspend,
    /// Write the evidence outline for B from A to this file, refusing to overwrite.
    WriteEvidence(PathBuf),
}

/// What the footer says after a key, until the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note<'a> {
    /// A side cannot step: its role is on no track.
    NoTrack(&'a Role),
    /// A side cannot step past the top (or bottom) of its track.
    End {
        role: &'a Role,
        track: &'a Track,
        top: bool,
    },
    /// `t` in a ladder of this many tracks (0 or 1): there is nothing to cycle.
    Tracks(usize),
    /// `t` moved to this track; `nearest`: a side is not at the level it was put at, which
    /// the track lacks (or B is kept apart from A).
    Track {
        track: &'a Track,
        nearest: bool,
    },
    /// A digit past the last of this many dimensions.
    Dimensions(usize),
    SearchCleared,
    /// The search found nothing.
    NoMatch(String),
    /// `n` before any search.
    NoSearch,
    /// Standing on hit `.0` of `.1`.
    Match(usize, usize),
    /// The picker's filter matches no role.
    NoRole,
    /// The evidence outline was written to this file.
    Wrote(PathBuf),
    /// The evidence outline was not written: a file of that name exists.
    Exists(PathBuf),
    /// The evidence outline could not be written to this file, for this reason (the error's
    /// root cause, such as "No such file or directory").
    Failed(PathBuf, String),
}

/// A role the picker offers.
#[derive(Debug, Clone, Copy)]
pub struct Choice<'a> {
    pub shelf: usize,
    pub role: &'a Role,
}

/// The whole state of a browse.
#[derive(Debug)]
pub struct Browser<'a> {
    pub shelves: Vec<Shelf<'a>>,
    pub a: Side<'a>,
    pub b: Side<'a>,
    /// The one dimension shown, by its label (which stays when the sides change, even to
    /// another ladder that has it), or all.
    pub dimension: Option<String>,
    /// The level each side was put at by a step or a pick (its rank in its ladder), which
    /// `t` keeps: a track without that level moves a side to the nearest level it has, and
    /// the next track with it moves the side back.
    home: [Option<usize>; 2],
    pub detail: Detail,
    /// The first line of the page on the screen.
    pub scroll: usize,
    pub mode: Mode,
    pub search: Option<Search>,
    /// The hit `n` and `N` stand on; `None` when the page changed since: then `n` goes to
    /// the first hit from the top of the screen, `N` to the last above its bottom.
    pub hit: Option<usize>,
    /// What a key did or could not do, said in the footer until the next key.
    pub status: Option<Note<'a>>,
    pub color: bool,
    pub blocks: bool,
    page: Option<(u16, Page)>,
    /// A section to put on top of the next page drawn, by name: the one in view when `b`
    /// redraws the page, the dimension a digit chooses.
    keep: Option<String>,
    /// The section the last Tab, digit or `b` went to, by name, until the page is scrolled by
    /// hand: `b` keeps it even where the page's end kept it from the top.
    anchor: Option<String>,
    /// The height of the page's part of the screen at the last draw, which paging moves by.
    pub body_height: usize,
}

impl<'a> Browser<'a> {
    /// A browse of `a` beside the next role on its track (the one before at the top of
    /// the track, or itself when it is on no track).
    pub fn new(shelves: Vec<Shelf<'a>>, a: Side<'a>, color: bool, blocks: bool) -> Browser<'a> {
        let ladder = shelves[a.shelf].ladder;
        let b = a
            .track
            .and_then(|t| {
                ladder
                    .next_on(t, a.role)
                    .or_else(|| ladder.previous_on(t, a.role))
            })
            .map_or(a, |role| Side { role, ..a });
        let home = [a, b].map(|side| shelves[side.shelf].ladder.level_rank(&side.role.level));
        Browser {
            shelves,
            a,
            b,
            dimension: None,
            home,
            detail: Detail::Full,
            scroll: 0,
            mode: Mode::Normal,
            search: None,
            hit: None,
            status: None,
            color,
            blocks,
            page: None,
            keep: None,
            anchor: None,
            body_height: 1,
        }
    }

    /// The page at `width` columns, drawn again only when what it shows or the width changed.
    pub fn page(&mut self, width: u16) -> Result<&Page> {
        let stale = self.page.as_ref().is_none_or(|(w, _)| *w != width);
        if stale {
            // Drawn again at another width: the same place of the same section stays on top.
            let place = self.page.as_ref().map(|(_, old)| old.place_of(self.scroll));
            let page = Page::of(
                self.comparison(),
                self.detail,
                self.color,
                self.blocks,
                width,
            )?;
            if let Some(place) = place {
                self.scroll = page.scroll_to(place);
                self.hit = None;
            }
            if let Some(name) = self.keep.take()
                && let Some(at) = page.section_named(&name)
            {
                self.scroll = at;
                self.anchor = Some(name);
            }
            self.page = Some((width, page));
        }
        Ok(&self.page.as_ref().expect("drawn above").1)
    }

    /// The page last drawn, if any.
    pub fn drawn(&self) -> Option<&Page> {
        self.page.as_ref().map(|(_, p)| p)
    }

    /// A and B compared as `diff` compares them, of one dimension when one is chosen.
    fn comparison(&self) -> compare::Comparison<'a> {
        self.comparison_of(self.dimension.as_deref())
    }

    fn comparison_of(&self, dimension: Option<&str>) -> compare::Comparison<'a> {
        let (one, other) = (self.shelves[self.a.shelf], self.shelves[self.b.shelf]);
        if self.a.shelf == self.b.shelf {
            let all = one.ladder.dimensions.iter();
            let dimensions: Vec<_> = match dimension {
                Some(label) => all.filter(|d| d.label() == label).collect(),
                None => all.collect(),
            };
            compare::compare(one.ladder, self.a.role, self.b.role, &dimensions)
        } else {
            let ids = one.id.zip(other.id).map(|(x, y)| [x, y]);
            let mut c = compare::compare_across(
                (one.ladder, self.a.role),
                (other.ladder, self.b.role),
                ids,
            );
            if let Some(label) = dimension {
                c.dimensions.retain(|d| d.dimension.label() == label);
            }
            c
        }
    }

    /// The dimensions `1`–`9` choose from, by label: those of the comparison.
    pub fn dimension_labels(&self) -> Vec<String> {
        if self.a.shelf == self.b.shelf {
            let ladder = self.shelves[self.a.shelf].ladder;
            ladder.dimensions.iter().map(|d| d.label()).collect()
        } else {
            let c = self.comparison_of(None);
            c.dimensions.iter().map(|d| d.dimension.label()).collect()
        }
    }

    /// What the page shows changed: it is drawn again, from the top; a dimension the new
    /// sides do not share is let go (all are shown).
    fn changed(&mut self) {
        if let Some(label) = &self.dimension
            && !self.dimension_labels().contains(label)
        {
            self.dimension = None;
        }
        self.page = None;
        self.scroll = 0;
        self.hit = None;
    }

    /// Acts on one key.
    pub fn key(&mut self, key: KeyEvent) -> Step {
        if key.kind == KeyEventKind::Release {
            return Step::Continue;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            match key.code {
                KeyCode::Char('c') => return Step::Quit,
                KeyCode::Char('z') => return Step::Suspend,
                _ => {}
            }
        }
        self.status = None;
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Normal => self.normal(key),
            Mode::Help { scroll } => {
                self.help(key, scroll);
                Step::Continue
            }
            Mode::Search(typed) => {
                self.searching(key, typed);
                Step::Continue
            }
            Mode::Pick {
                filter,
                target,
                selected,
            } => {
                self.picking(key, filter, target, selected);
                Step::Continue
            }
            Mode::Save(name) => self.saving(key, name),
        }
    }

    fn normal(&mut self, key: KeyEvent) -> Step {
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        match key.code {
            KeyCode::Char('q') | KeyCode::Esc => return Step::Quit,
            KeyCode::Right if shift => self.step(Which::A, true),
            KeyCode::Left if shift => self.step(Which::A, false),
            KeyCode::Right => self.step(Which::B, true),
            KeyCode::Left => self.step(Which::B, false),
            KeyCode::Char('t') => self.cycle_track(),
            KeyCode::Up => self.scroll_by(-1),
            KeyCode::Down => self.scroll_by(1),
            KeyCode::PageUp => self.scroll_by(-self.page_step()),
            KeyCode::PageDown | KeyCode::Char(' ') => self.scroll_by(self.page_step()),
            KeyCode::Home | KeyCode::Char('g') => (self.scroll, self.anchor) = (0, None),
            KeyCode::End | KeyCode::Char('G') => (self.scroll, self.anchor) = (usize::MAX, None),
            KeyCode::Tab => self.section(true),
            KeyCode::BackTab => self.section(false),
            KeyCode::Char(d @ '0'..='9') => self.only_dimension(d),
            KeyCode::Char('b') => {
                self.detail = match self.detail {
                    Detail::Brief => Detail::Full,
                    _ => Detail::Brief,
                };
                // The section in view stays in view, when the other view has it.
                let here = self.drawn().and_then(|p| p.section_at(self.scroll));
                self.keep = self.anchor.clone().or_else(|| here.map(str::to_string));
                self.changed();
            }
            KeyCode::Char('s') => {
                std::mem::swap(&mut self.a, &mut self.b);
                self.home.swap(0, 1);
                self.changed();
            }
            KeyCode::Char('/') => self.mode = Mode::Search(String::new()),
            KeyCode::Char('n') => self.next_hit(true),
            KeyCode::Char('N') => self.next_hit(false),
            KeyCode::Char('r') => {
                // The list opens on B's role, every role listed.
                let b = self.b.role;
                let at = self
                    .choices("")
                    .iter()
                    .position(|c| std::ptr::eq(c.role, b));
                self.mode = Mode::Pick {
                    filter: String::new(),
                    target: Which::B,
                    selected: at.unwrap_or(0),
                }
            }
            KeyCode::Char('e') => {
                self.mode = Mode::Save(format!("evidence-{}.md", self.b.role.id));
            }
            KeyCode::Char('?') => self.mode = Mode::Help { scroll: 0 },
            _ => {}
        }
        Step::Continue
    }

    fn page_step(&self) -> isize {
        isize::try_from(self.body_height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// Moves the page by `lines`; the draw keeps it within the page.
    fn scroll_by(&mut self, lines: isize) {
        self.anchor = None;
        self.scroll = self.scroll.saturating_add_signed(lines);
        if let Some(page) = self.drawn() {
            self.scroll = self.scroll.min(page.lines.len().saturating_sub(1));
        }
    }

    /// Steps a side up or down its track; at an end, says so.
    fn step(&mut self, which: Which, up: bool) {
        let side = match which {
            Which::A => self.a,
            Which::B => self.b,
        };
        let ladder = self.shelves[side.shelf].ladder;
        let Some(track) = side.track else {
            self.status = Some(Note::NoTrack(side.role));
            return;
        };
        let moved = if up {
            ladder.next_on(track, side.role)
        } else {
            ladder.previous_on(track, side.role)
        };
        match moved {
            Some(role) => {
                self.put(which, Side { role, ..side });
                self.changed();
            }
            None => {
                self.status = Some(Note::End {
                    role: side.role,
                    track,
                    top: up,
                });
            }
        }
    }

    /// A side put where a step or a pick puts it: its level becomes the one `t` keeps.
    fn put(&mut self, which: Which, side: Side<'a>) {
        let home = self.shelves[side.shelf].ladder.level_rank(&side.role.level);
        match which {
            Which::A => (self.a, self.home[0]) = (side, home),
            Which::B => (self.b, self.home[1]) = (side, home),
        }
    }

    /// Moves both sides of A's ladder to the next of its tracks, each at the level it was put
    /// at (or the nearest level the track has); B is kept apart from A when both land on one
    /// role.
    fn cycle_track(&mut self) {
        let shelf = self.a.shelf;
        let ladder = self.shelves[shelf].ladder;
        if ladder.tracks.len() < 2 {
            self.status = Some(Note::Tracks(ladder.tracks.len()));
            return;
        }
        let at = self
            .a
            .track
            .and_then(|t| ladder.tracks.iter().position(|x| std::ptr::eq(x, t)));
        let track = &ladder.tracks[at.map_or(0, |i| (i + 1) % ladder.tracks.len())];
        let homes = self.home;
        for (side, home) in [&mut self.a, &mut self.b].into_iter().zip(homes) {
            if side.shelf == shelf
                && let Some(role) = at_level(ladder, track, home)
            {
                *side = Side {
                    shelf,
                    role,
                    track: Some(track),
                };
            }
        }
        if self.b.shelf == shelf && std::ptr::eq(self.a.role, self.b.role) {
            let apart = ladder.next_on(track, self.a.role);
            if let Some(role) = apart.or_else(|| ladder.previous_on(track, self.a.role)) {
                self.b.role = role;
            }
        }
        let away = |side: &Side<'a>, home: Option<usize>| {
            side.shelf == shelf && ladder.level_rank(&side.role.level) != home
        };
        let nearest = away(&self.a, homes[0]) || away(&self.b, homes[1]);
        self.status = Some(Note::Track { track, nearest });
        self.changed();
    }

    /// `1`–`9`: that dimension alone; `0`: all of them.
    fn only_dimension(&mut self, digit: char) {
        let n = digit.to_digit(10).unwrap_or(0) as usize;
        if n == 0 {
            // All of them again, from the one that was shown.
            self.keep = self.dimension.take();
        } else if let Some(label) = self.dimension_labels().get(n - 1) {
            self.dimension = Some(label.clone());
            self.keep = Some(label.clone());
        } else {
            let count = self.dimension_labels().len();
            self.status = Some(Note::Dimensions(count));
            return;
        }
        self.changed();
    }

    /// `Tab`: the page scrolls to the next section's heading; `Shift+Tab`: the previous one.
    fn section(&mut self, forward: bool) {
        let Some(page) = self.drawn() else { return };
        let scroll = self.scroll;
        let target = if forward {
            page.sections.iter().find(|&&s| s > scroll)
        } else {
            page.sections.iter().rev().find(|&&s| s < scroll)
        };
        let (scroll, anchor) = match target {
            Some(&s) => (s, page.section_at(s).map(str::to_string)),
            None if forward => (scroll, self.anchor.clone()),
            None => (0, None),
        };
        (self.scroll, self.anchor) = (scroll, anchor);
    }

    fn help(&mut self, key: KeyEvent, scroll: usize) {
        match key.code {
            KeyCode::Down => {
                self.mode = Mode::Help {
                    scroll: scroll.saturating_add(1),
                }
            }
            KeyCode::Up => {
                self.mode = Mode::Help {
                    scroll: scroll.saturating_sub(1),
                }
            }
            _ => {}
        }
    }

    fn searching(&mut self, key: KeyEvent, mut typed: String) {
        match key.code {
            KeyCode::Enter => {
                self.search = Search::new(&typed);
                self.hit = None;
                match &self.search {
                    Some(_) => self.first_hit(),
                    None => self.status = Some(Note::SearchCleared),
                }
                return;
            }
            KeyCode::Esc => return,
            KeyCode::Backspace => {
                typed.pop();
            }
            KeyCode::Char(c) if !c.is_control() && typed.chars().count() < MAX_TYPED => {
                typed.push(c)
            }
            _ => {}
        }
        self.mode = Mode::Search(typed);
    }

    /// The hits of the search on the page last drawn.
    pub fn hits(&self) -> Vec<(usize, usize, usize)> {
        match (&self.search, self.drawn()) {
            (Some(search), Some(page)) => page.find(search),
            _ => Vec::new(),
        }
    }

    /// After a search: the first hit at or below the top of the screen, else the first.
    fn first_hit(&mut self) {
        let hits = self.hits();
        if hits.is_empty() {
            self.no_hits();
            return;
        }
        self.hit = Some(self.hit_from_screen(&hits, true));
        self.show_hit(&hits);
    }

    fn no_hits(&mut self) {
        let typed = self.search.as_ref().map_or("", |s| s.typed.as_str());
        self.status = Some(Note::NoMatch(typed.to_string()));
    }

    /// `n`: the next hit, `N`: the one before, going round at the ends.
    fn next_hit(&mut self, forward: bool) {
        if self.search.is_none() {
            self.status = Some(Note::NoSearch);
            return;
        }
        let hits = self.hits();
        if hits.is_empty() {
            self.no_hits();
            return;
        }
        let n = hits.len();
        self.hit = Some(match self.hit {
            Some(at) if forward => (at + 1) % n,
            Some(at) => (at + n - 1) % n,
            None => self.hit_from_screen(&hits, forward),
        });
        self.show_hit(&hits);
    }

    /// The first hit from the top of the screen on (`forward`), or the last above its bottom;
    /// going round when there is none.
    fn hit_from_screen(&self, hits: &[(usize, usize, usize)], forward: bool) -> usize {
        if forward {
            hits.iter().position(|h| h.0 >= self.scroll).unwrap_or(0)
        } else {
            let bottom = self.scroll.saturating_add(self.body_height);
            let above = hits.iter().rposition(|h| h.0 < bottom);
            above.unwrap_or(hits.len() - 1)
        }
    }

    /// Scrolls the hit into view (a third from the top when it was out of sight).
    fn show_hit(&mut self, hits: &[(usize, usize, usize)]) {
        let at = self.hit.unwrap_or(0);
        let line = hits[at].0;
        self.anchor = None;
        let height = self.body_height.max(1);
        if line < self.scroll || line >= self.scroll.saturating_add(height) {
            self.scroll = line.saturating_sub(height / 3);
        }
        self.status = Some(Note::Match(at + 1, hits.len()));
    }

    fn saving(&mut self, key: KeyEvent, mut name: String) -> Step {
        match key.code {
            KeyCode::Esc => return Step::Continue,
            KeyCode::Enter if name.trim().is_empty() => return Step::Continue,
            KeyCode::Enter => return Step::WriteEvidence(PathBuf::from(name)),
            KeyCode::Backspace => {
                name.pop();
            }
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => name.clear(),
            KeyCode::Char(c) if !c.is_control() && name.chars().count() < MAX_TYPED => name.push(c),
            _ => {}
        }
        self.mode = Mode::Save(name);
        Step::Continue
    }
}

/// The most characters a prompt takes: a search, a filter, a file name.
const MAX_TYPED: usize = 256;

/// The role of `track` at the level of rank `home`, or at the nearest level the track has
/// (the lower of two as near).
fn at_level<'a>(ladder: &'a Ladder, track: &'a Track, home: Option<usize>) -> Option<&'a Role> {
    let on = track.roles.iter().filter_map(|id| ladder.role(id));
    on.min_by_key(|r| match (ladder.level_rank(&r.level), home) {
        (Some(x), Some(y)) => (x.abs_diff(y), x),
        _ => (usize::MAX, usize::MAX),
    })
}
