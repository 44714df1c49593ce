//! `ladder browse`: the explorer's state driven by keys and drawn on ratatui's test backend
//! (exact screens for a few, properties for the rest: the page is `diff`'s output at the
//! screen's width), and the real binary on a pseudo-terminal and without one.

use std::process::{Command, Stdio};

use ladder::browse::{self, Browser, Mode, Note, Shelf, Side, Step};
use ladder::model::{Catalogue, Ladder};
use ladder::render::display_width;
use ladder::source::Source;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;
use ratatui::style::Modifier;

use super::{BIN, Folder, ladder, tool};

fn embedded() -> &'static Ladder {
    Box::leak(Box::new(ladder::embedded::ladder()))
}

fn catalogue() -> &'static Catalogue {
    let source = Source::choose(Some("tests/data/catalogue".into()), None).expect("a folder");
    let catalogue = source.catalogue().expect("loads").expect("a catalogue");
    Box::leak(Box::new(catalogue))
}

/// A browse of the embedded ladder from `role`, on its first track, colour off.
fn start(role: &str) -> Browser<'static> {
    let ladder = embedded();
    let role = ladder.role(role).expect("a role");
    let a = Side {
        shelf: 0,
        role,
        track: ladder.tracks_of(role).next(),
    };
    let shelf = Shelf { ladder, id: None };
    Browser::new(vec![shelf], a, false, true)
}

/// A browse of every ladder of tests/data/catalogue, from `LADDER/ROLE`.
fn start_in_catalogue(ladder_id: &str, role: &str) -> Browser<'static> {
    let catalogue = catalogue();
    let shelves: Vec<Shelf<'static>> = catalogue
        .ladders
        .iter()
        .map(|e| Shelf {
            ladder: &e.ladder,
            id: Some(e.id.as_str()),
        })
        .collect();
    let shelf = shelves
        .iter()
        .position(|s| s.id == Some(ladder_id))
        .expect("a ladder");
    let ladder = shelves[shelf].ladder;
    let role = ladder.role(role).expect("a role");
    let a = Side {
        shelf,
        role,
        track: ladder.tracks_of(role).next(),
    };
    Browser::new(shelves, a, false, true)
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn shift(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::SHIFT)
}

/// Presses each key in turn; returns what the last one asked of the loop.
fn press(b: &mut Browser<'_>, keys: &[KeyEvent]) -> Step {
    let mut last = Step::Continue;
    for k in keys {
        // As the loop does: the page is ready before each key, for the size last drawn.
        last = b.key(*k);
    }
    last
}

/// Types text, one key per character.
fn typed(text: &str) -> Vec<KeyEvent> {
    text.chars().map(|c| key(KeyCode::Char(c))).collect()
}

/// Draws the state on a test backend of `width` x `height`, as the loop does.
fn draw(b: &mut Browser<'_>, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a backend");
    browse::prepare(b, Size::new(width, height)).expect("a page");
    terminal
        .draw(|frame| browse::draw(frame, b))
        .expect("drawn");
    terminal
}

/// The screen's rows as text, trailing spaces trimmed (a wide character's second cell is
/// skipped).
fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < buffer.area.width {
                let symbol = buffer[(x, y)].symbol();
                row.push_str(symbol);
                x += u16::try_from(display_width(symbol).max(1)).expect("narrow");
            }
            row.trim_end().to_string()
        })
        .collect()
}

fn screen(b: &mut Browser<'_>, width: u16, height: u16) -> String {
    rows(&draw(b, width, height)).join("\n")
}

/// What `ladder diff` prints at `width` columns (colour off), one string per line.
fn diff_lines(args: &[&str], width: u16) -> Vec<String> {
    let out = ladder(args)
        .env("COLUMNS", width.to_string())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(str::to_string)
        .collect()
}

fn page_lines(b: &Browser<'_>) -> Vec<String> {
    b.drawn().expect("drawn").plain.clone()
}

#[test]
fn the_first_screen_at_80_columns_is_a_and_the_next_level() {
    let mut b = start("L2-security-engineer");
    let expected = "\
track engineer · all dimensions · lines 1–21 of 175
L2 Security Engineer → L3 Senior Security Engineer
A = L2-security-engineer   B = L3-senior-security-engineer
+ new at B   ~ grows   ≈ reworded   · not restated at B   = same
B still builds on A: what B does not restate still applies.

🦉 Domain Expertise: 3 new · 2 grow · 2 not restated
🌱 Teaching and Mentoring: 1 new · 1 grows · 1 not restated
🧭 Culture and Leadership: 6 new · 1 grows · 2 not restated
🏆 Business Success: 3 new · 1 grows · 3 not restated

Attributes
┌──────────────────┬─────────────────────────────┬─────────────────────────────┐
│ Attribute        ┆ L2 Security Engineer        ┆ L3 Senior Security Engineer │
╞══════════════════╪═════════════════════════════╪═════════════════════════════╡
│ = Planning       ┆ = Current and next cycle    ┆ = Current and next cycle    │
│   horizon        ┆                             ┆                             │
├╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┤
│ ~ Impact radius  ┆ ~ Self plus some teammates  ┆ ~ Peers (2-5)               │
├╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┤
│ = Evaluated by   ┆ = Manager                   ┆ = Manager                   │
├╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┤
←→ B  ⇧←→ A  t track  Tab section  b brief  s swap  / search  ? help  q quit";
    assert_eq!(screen(&mut b, 80, 23), expected);
}

#[test]
fn a_narrow_screen_stacks_a_and_b_as_diff_does() {
    let mut b = start("L2-security-engineer");
    press(&mut b, &[key(KeyCode::Tab)]);
    let expected = "\
track engineer · all dimensions ·
lines 19–29 of 187
Attributes
  = Planning horizon
    A: Current and next cycle
    B: Current and next cycle

  ~ Impact radius
    A: Self plus some teammates
    B: Peers (2-5)

  = Evaluated by
    A: Manager
←→ B  ⇧←→ A  t track  ? help  q quit";
    // Tab needs the page: drawn once at this size first, as the loop does.
    let mut fresh = start("L2-security-engineer");
    draw(&mut fresh, 40, 14);
    press(&mut fresh, &[key(KeyCode::Tab)]);
    assert_eq!(screen(&mut fresh, 40, 14), expected);
    // Without a page drawn, Tab has nothing to move to.
    assert_eq!(b.scroll, 0);
}

#[test]
fn the_page_is_diffs_output_at_every_width() {
    let pairs = [
        ("L2-security-engineer", "L3-senior-security-engineer"),
        ("L1-junior-security-analyst", "L2-security-analyst"),
        ("L3-senior-security-analyst", "L4-technical-lead"),
    ];
    for (a, b_id) in pairs {
        for width in [40u16, 50, 60, 80, 120, 200] {
            let mut b = start(a);
            draw(&mut b, width, 30);
            assert_eq!(b.b.role.id, b_id);
            let page = page_lines(&b);
            assert_eq!(page, diff_lines(&["diff", a, b_id], width), "{a} {width}");
            for line in &page {
                assert!(display_width(line) <= usize::from(width), "{width}: {line}");
            }
            press(&mut b, &[key(KeyCode::Char('b'))]);
            draw(&mut b, width, 30);
            let brief = diff_lines(&["diff", a, b_id, "--brief"], width);
            assert_eq!(page_lines(&b), brief, "{a} {width} brief");
        }
    }
}

#[test]
fn the_body_shows_the_page_from_its_scroll() {
    let mut b = start("L2-security-analyst");
    let terminal = draw(&mut b, 60, 20);
    let page = page_lines(&b);
    let shown = rows(&terminal);
    // Row 0 is the header, the last the footer; the rows between are the page's first lines.
    let body = &shown[1..shown.len() - 1];
    assert_eq!(body, &page[..body.len()]);
    press(&mut b, &[key(KeyCode::PageDown), key(KeyCode::Down)]);
    let terminal = draw(&mut b, 60, 20);
    let shown = rows(&terminal);
    let step = body.len() - 1 + 1;
    assert_eq!(shown[1], page[step]);
    press(&mut b, &[key(KeyCode::End)]);
    let terminal = draw(&mut b, 60, 20);
    let shown = rows(&terminal);
    assert_eq!(shown[shown.len() - 2], *page.last().expect("a page"));
    press(&mut b, &[key(KeyCode::Home)]);
    draw(&mut b, 60, 20);
    assert_eq!(b.scroll, 0);
}

#[test]
fn arrows_step_b_and_shift_steps_a_along_the_track() {
    let mut b = start("L2-security-engineer");
    assert_eq!(b.b.role.id, "L3-senior-security-engineer");
    press(&mut b, &[key(KeyCode::Right)]);
    assert_eq!(b.b.role.id, "L4-technical-lead");
    press(&mut b, &[key(KeyCode::Right)]);
    assert_eq!(b.b.role.id, "L4-technical-lead");
    let top = screen(&mut b, 80, 20);
    assert!(
        top.ends_with("L4-technical-lead is the top of track engineer"),
        "{top}"
    );
    press(&mut b, &[key(KeyCode::Left), key(KeyCode::Left)]);
    assert_eq!(b.b.role.id, "L2-security-engineer");
    press(&mut b, &[shift(KeyCode::Right)]);
    assert_eq!(b.a.role.id, "L3-senior-security-engineer");
    press(&mut b, &[shift(KeyCode::Left), shift(KeyCode::Left)]);
    assert_eq!(b.a.role.id, "L2-security-engineer");
    assert_eq!(
        b.status,
        Some(Note::End {
            role: b.a.role,
            track: b.a.track.expect("a track"),
            top: false
        })
    );
    let title = screen(&mut b, 80, 20);
    assert!(
        title.contains("\nL2 Security Engineer → L2 Security Engineer\n"),
        "{title}"
    );
}

#[test]
fn t_moves_both_sides_to_the_next_track_at_their_levels() {
    let mut b = start("L2-security-engineer");
    assert_eq!(b.a.track.map(|t| t.id.as_str()), Some("engineer"));
    press(&mut b, &[key(KeyCode::Char('t'))]);
    let track = b.a.track.expect("a track");
    assert_eq!(track.id, "cloud");
    assert_eq!(b.a.role.id, "L2-security-engineer");
    assert_eq!(b.b.role.id, "L3-senior-cloud-security-engineer");
    press(&mut b, &[key(KeyCode::Char('t'))]);
    assert_eq!(b.a.track.expect("a track").id, "analyst");
    assert_eq!(b.a.role.id, "L2-security-analyst");
    assert_eq!(b.b.role.id, "L3-senior-security-analyst");
    let shown = screen(&mut b, 80, 20);
    assert!(
        shown.starts_with("track analyst · all dimensions"),
        "{shown}"
    );
}

#[test]
fn swap_exchanges_a_and_b() {
    let mut b = start("L2-security-engineer");
    press(&mut b, &[key(KeyCode::Char('s'))]);
    assert_eq!(b.a.role.id, "L3-senior-security-engineer");
    assert_eq!(b.b.role.id, "L2-security-engineer");
    draw(&mut b, 100, 30);
    let expected = diff_lines(
        &[
            "diff",
            "L3-senior-security-engineer",
            "L2-security-engineer",
        ],
        100,
    );
    assert_eq!(page_lines(&b), expected);
    assert!(expected[2].starts_with("B is below A"), "{}", expected[2]);
}

#[test]
fn digits_show_one_dimension_and_tab_moves_between_them() {
    let mut b = start("L2-security-engineer");
    press(&mut b, &[key(KeyCode::Char('2'))]);
    draw(&mut b, 100, 30);
    let expected = diff_lines(
        &[
            "diff",
            "L2-security-engineer",
            "L3-senior-security-engineer",
            "--dimension",
            "teaching",
        ],
        100,
    );
    assert_eq!(page_lines(&b), expected);
    let shown = screen(&mut b, 100, 30);
    assert!(
        shown.starts_with("track engineer · 🌱 Teaching and Mentoring · lines"),
        "{shown}"
    );
    press(&mut b, &[key(KeyCode::Char('9'))]);
    assert_eq!(b.status, Some(Note::Dimensions(4)));
    press(&mut b, &[key(KeyCode::Char('0'))]);
    assert_eq!(b.dimension, None);
    // All the dimensions again, the one that was shown on top.
    draw(&mut b, 100, 30);
    assert_eq!(page_lines(&b)[b.scroll], "🌱 Teaching and Mentoring");
    press(&mut b, &[key(KeyCode::Home)]);
    // Tab goes from heading to heading: the attributes, then each dimension in turn.
    let terminal = draw(&mut b, 100, 30);
    drop(terminal);
    let page = page_lines(&b);
    let mut headings = Vec::new();
    for _ in 0..6 {
        press(&mut b, &[key(KeyCode::Tab)]);
        draw(&mut b, 100, 30);
        headings.push(page[b.scroll].clone());
    }
    assert_eq!(
        headings,
        [
            "Attributes",
            "🦉 Domain Expertise",
            "🌱 Teaching and Mentoring",
            "🧭 Culture and Leadership",
            "🏆 Business Success",
            "🏆 Business Success",
        ]
    );
    press(&mut b, &[key(KeyCode::BackTab)]);
    draw(&mut b, 100, 30);
    assert_eq!(page[b.scroll], "🧭 Culture and Leadership");
}

#[test]
fn search_finds_every_match_and_n_steps_through_them() {
    let mut b = start("L2-security-engineer");
    draw(&mut b, 100, 30);
    let page = page_lines(&b);
    let count: usize = page
        .iter()
        .map(|l| l.to_lowercase().matches("incident").count())
        .sum();
    assert!(count > 1);
    press(&mut b, &[key(KeyCode::Char('/'))]);
    press(&mut b, &typed("incident"));
    assert_eq!(b.mode, Mode::Search("incident".into()));
    let prompt = screen(&mut b, 100, 30);
    assert!(prompt.ends_with("\n/incident"), "{prompt}");
    press(&mut b, &[key(KeyCode::Enter)]);
    assert_eq!(b.status, Some(Note::Match(1, count)));
    let terminal = draw(&mut b, 100, 30);
    let buffer = terminal.backend().buffer();
    let reversed = buffer
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .count();
    // The header bar is reversed too: 100 cells of it, then the matches shown.
    assert!(reversed > 100 + "incident".len(), "{reversed}");
    let hits = b.hits();
    assert_eq!(hits.len(), count);
    press(&mut b, &[key(KeyCode::Char('n'))]);
    assert_eq!(b.status, Some(Note::Match(2, count)));
    press(&mut b, &[key(KeyCode::Char('N')), key(KeyCode::Char('N'))]);
    assert_eq!(b.status, Some(Note::Match(count, count)));
    draw(&mut b, 100, 30);
    let line = hits[count - 1].0;
    assert!(b.scroll <= line && line < b.scroll + b.body_height);
    // A capital asks for that case: none is written so.
    press(&mut b, &[key(KeyCode::Char('/'))]);
    press(&mut b, &typed("INCIDENT"));
    press(&mut b, &[key(KeyCode::Enter)]);
    assert_eq!(b.status, Some(Note::NoMatch("INCIDENT".into())));
}

#[test]
fn the_picker_narrows_the_roles_and_picks_b_or_a() {
    let mut b = start("L2-security-engineer");
    press(&mut b, &[key(KeyCode::Char('r'))]);
    press(&mut b, &typed("senior an"));
    let shown = screen(&mut b, 60, 12);
    assert_eq!(
        shown,
        "\
track engineer · all dimensions · lines 1–10 of 144
Pick B (type to narrow): senior an
› L3-senior-security-analyst · Senior Security Analyst








Enter pick  Tab A or B  Esc cancel"
    );
    press(&mut b, &[key(KeyCode::Enter)]);
    assert_eq!(b.b.role.id, "L3-senior-security-analyst");
    assert_eq!(b.mode, Mode::Normal);
    press(&mut b, &[key(KeyCode::Char('r')), key(KeyCode::Tab)]);
    press(&mut b, &typed("L1"));
    press(&mut b, &[key(KeyCode::Enter)]);
    assert_eq!(b.a.role.id, "L1-junior-security-analyst");
    assert_eq!(b.a.track.expect("a track").id, "analyst");
    press(&mut b, &[key(KeyCode::Char('r'))]);
    press(&mut b, &typed("nothing like this"));
    press(&mut b, &[key(KeyCode::Enter)]);
    assert_eq!(b.status, Some(Note::NoRole));
}

#[test]
fn in_a_catalogue_the_picker_lists_every_ladder_and_compares_across() {
    let mut b = start_in_catalogue("secops", "L2-security-engineer");
    press(&mut b, &[key(KeyCode::Char('r'))]);
    let shown = screen(&mut b, 80, 40);
    assert!(shown.contains("secops/L2-security-engineer"), "{shown}");
    assert!(shown.contains("\n  design/"), "{shown}");
    press(&mut b, &typed("design/"));
    press(&mut b, &[key(KeyCode::Enter)]);
    let other = b.b.role.id.clone();
    assert_eq!(b.shelves[b.b.shelf].id, Some("design"));
    draw(&mut b, 100, 30);
    let expected = diff_lines(
        &[
            "--data",
            "tests/data/catalogue",
            "diff",
            "secops/L2-security-engineer",
            &format!("design/{other}"),
        ],
        100,
    );
    assert_eq!(page_lines(&b), expected);
}

#[test]
fn resizing_draws_the_page_again_at_the_new_width() {
    let mut b = start("L2-security-engineer");
    draw(&mut b, 120, 40);
    press(&mut b, &[key(KeyCode::End)]);
    draw(&mut b, 120, 40);
    let wide = page_lines(&b);
    draw(&mut b, 40, 12);
    let narrow = page_lines(&b);
    assert!(narrow.len() > wide.len());
    assert!(narrow.iter().all(|l| display_width(l) <= 40));
    // The end stays the end: the scroll is kept within the new page.
    assert!(b.scroll + b.body_height <= narrow.len());
    assert!(b.scroll > 0);
}

#[test]
fn a_screen_under_40_by_10_gets_one_line() {
    let mut b = start("L2-security-engineer");
    assert_eq!(
        screen(&mut b, 39, 10).trim_end(),
        "needs at least 40x10; this is 39x10"
    );
    assert_eq!(
        screen(&mut b, 40, 9).trim_end(),
        "needs at least 40x10; this is 40x9"
    );
    // Shorter where the longer does not fit, in whole words.
    assert_eq!(screen(&mut b, 20, 3).trim_end(), "needs 40x10, is 20x3");
    assert_eq!(screen(&mut b, 12, 3).trim_end(), "needs 40x10");
    assert_eq!(screen(&mut b, 8, 3).trim_end(), "needs");
    assert!(screen(&mut b, 40, 10).contains("A = L2-security-engineer"));
}

#[test]
fn without_colour_the_cells_are_plain_and_the_marks_still_show() {
    let mut b = start("L2-security-engineer");
    let terminal = draw(&mut b, 100, 60);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset)
    );
    let shown = rows(&terminal).join("\n");
    for mark in ["+ ", "~ ", "· ", "= "] {
        assert!(shown.contains(mark), "{mark}");
    }
    // With colour on, the marks keep their colours: some cell is green (added, grows).
    let ladder = embedded();
    let role = ladder.role("L2-security-engineer").expect("a role");
    let a = Side {
        shelf: 0,
        role,
        track: ladder.tracks_of(role).next(),
    };
    let mut coloured = Browser::new(vec![Shelf { ladder, id: None }], a, true, true);
    let terminal = draw(&mut coloured, 100, 60);
    let green = ratatui::style::Color::Indexed(2);
    assert!(
        terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .any(|c| c.fg == green)
    );
    assert_eq!(rows(&terminal).join("\n"), shown);
}

#[test]
fn help_lists_every_key_and_closes_on_any_other() {
    let mut b = start("L2-security-engineer");
    press(&mut b, &[key(KeyCode::Char('?'))]);
    let shown = screen(&mut b, 40, 12);
    assert_eq!(
        shown,
        "\
track engineer · all dimensions ·
lines 1–9 of 187
Keys
→ ←        step B up or down its track
Shift+→ ←  step A up or down its track
t          the next track, each side at
           the level it was put at (or
           the nearest the track has)
↑ ↓        scroll a line
PgUp PgDn  scroll a screen (also Space)
Home End   the top or the end of the
↑↓ scroll  any other key close"
    );
    press(&mut b, &[key(KeyCode::Down), key(KeyCode::Down)]);
    assert!(screen(&mut b, 40, 12).contains("\nt          the next track"));
    press(&mut b, &[key(KeyCode::Char('x'))]);
    assert_eq!(b.mode, Mode::Normal);
    assert_eq!(press(&mut b, &[key(KeyCode::Char('q'))]), Step::Quit);
    assert_eq!(press(&mut b, &[key(KeyCode::Esc)]), Step::Quit);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    press(&mut b, &[key(KeyCode::Char('/'))]);
    assert_eq!(press(&mut b, &[ctrl_c]), Step::Quit);
    let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
    press(&mut b, &[key(KeyCode::Char('r'))]);
    assert_eq!(press(&mut b, &[ctrl_z]), Step::Suspend);
}

#[test]
fn e_writes_the_evidence_outline_and_never_over_a_file() {
    let folder = Folder::new("browse-evidence");
    let mut b = start("L2-security-engineer");
    let step = press(&mut b, &[key(KeyCode::Char('e')), key(KeyCode::Enter)]);
    let Step::WriteEvidence(name) = step else {
        panic!("{step:?}")
    };
    assert_eq!(
        name.to_str(),
        Some("evidence-L3-senior-security-engineer.md")
    );
    let path = folder.join(name.to_str().expect("a name"));
    assert_eq!(browse::write_evidence(&b, &path), Note::Wrote(path.clone()));
    let written = std::fs::read_to_string(&path).expect("written");
    let out = ladder(&[
        "evidence",
        "L3-senior-security-engineer",
        "--from",
        "L2-security-engineer",
    ])
    .output()
    .expect("runs");
    assert_eq!(written, String::from_utf8(out.stdout).expect("UTF-8"));
    std::fs::write(&path, "mine").expect("written");
    assert_eq!(
        browse::write_evidence(&b, &path),
        Note::Exists(path.clone())
    );
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), "mine");
    let missing = folder.join("no/such/folder/x.md");
    assert!(matches!(
        browse::write_evidence(&b, &missing),
        Note::Failed(..)
    ));
    // Typing replaces the name offered; Esc leaves without writing.
    press(&mut b, &[key(KeyCode::Char('e'))]);
    let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    press(&mut b, &[ctrl_u]);
    press(&mut b, &typed("mine.md"));
    assert_eq!(b.mode, Mode::Save("mine.md".into()));
    assert_eq!(press(&mut b, &[key(KeyCode::Esc)]), Step::Continue);
    assert_eq!(b.mode, Mode::Normal);
}

#[test]
fn browse_refuses_to_start_without_a_terminal() {
    let out = ladder(&["browse", "L2-security-engineer"])
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: browse needs a terminal on stdin and stdout; for a pipe, use `ladder diff A B`\n"
    );
    assert!(out.stdout.is_empty());
    let out = ladder(&["browse", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: browse writes a full screen; it takes no --format\n"
    );
}

/// On a pseudo-terminal (util-linux `script`), keys reach it and `q` quits; the terminal is
/// given back: the alternate screen left, the cursor shown, and the line discipline as it
/// was (`stty -g` the same before and after).
#[test]
fn browse_on_a_terminal_gives_the_terminal_back() {
    use std::io::Write as _;
    if !tool("script") {
        return;
    }
    let folder = Folder::new("browse-pty");
    let line = format!(
        "stty -g > before; '{BIN}' browse L2-security-engineer; echo \"exit=$?\"; stty -g > after"
    );
    let (status, shown) = on_pty(&folder, &line, |child, _| {
        let input = child.stdin.as_mut().expect("stdin");
        for keys in ["\x1b[C", "b", "q"] {
            input.write_all(keys.as_bytes()).expect("typed");
            std::thread::sleep(std::time::Duration::from_millis(400));
        }
    });
    assert_eq!(status, Some(0), "{shown}");
    assert!(shown.contains("exit=0"), "{shown}");
    given_back(&shown, "q");
    // Each key drew the screen again (ratatui writes only the cells that changed), and `b`
    // drew the brief view.
    assert!(shown.matches("\x1b[?25l").count() >= 3, "{shown}");
    assert!(shown.contains("Only what is"), "{shown}");
    let before = std::fs::read_to_string(folder.join("before")).expect("stty before");
    let after = std::fs::read_to_string(folder.join("after")).expect("stty after");
    assert_eq!(before, after);
}

/// Not a check: `bench/run.sh browse` runs it (release build, `--ignored`) and holds each
/// frame to its budget. A frame is what a key costs: the key acted on, the page drawn again
/// when what it shows changed (the comparison and its table), and the screen drawn on the
/// test backend. It prints the slowest and the median frame, in microseconds, of a round of
/// keys through every mode, at 80x24 and at 200x50, on the ladder in `LADDER_FRAMES_DATA`
/// (else the embedded one).
#[test]
#[ignore = "a benchmark: bench/run.sh browse"]
#[allow(clippy::print_stdout)] // its figures are its output, which bench/run.sh reads
fn frame_times() {
    use std::time::Instant;
    let ladder: &'static Ladder = match std::env::var_os("LADDER_FRAMES_DATA") {
        Some(path) => {
            let loader = ladder::source::Loader::new(
                Source::choose(Some(path.into()), None).expect("a file"),
            );
            let loader: &'static ladder::source::Loader = Box::leak(Box::new(loader));
            loader.ladder().expect("loads")
        }
        None => embedded(),
    };
    let role = ladder.tracks.first().and_then(|t| ladder.role(&t.roles[0]));
    let role = role.unwrap_or(&ladder.roles[0]);
    let a = Side {
        shelf: 0,
        role,
        track: ladder.tracks_of(role).next(),
    };
    let mut b = Browser::new(vec![Shelf { ladder, id: None }], a, true, true);
    let mut round: Vec<KeyEvent> = vec![
        key(KeyCode::Right),
        key(KeyCode::PageDown),
        key(KeyCode::Tab),
        key(KeyCode::Char('b')),
        key(KeyCode::Char('2')),
        key(KeyCode::Char('0')),
        key(KeyCode::Char('s')),
        key(KeyCode::Char('t')),
        shift(KeyCode::Right),
        key(KeyCode::Char('/')),
    ];
    round.extend(typed("the"));
    round.extend([key(KeyCode::Enter), key(KeyCode::Char('n'))]);
    round.push(key(KeyCode::Char('r')));
    round.extend(typed("L2"));
    round.extend([key(KeyCode::Down), key(KeyCode::Enter)]);
    round.extend([
        key(KeyCode::Char('?')),
        key(KeyCode::Esc),
        key(KeyCode::Left),
    ]);
    round.extend([
        key(KeyCode::End),
        key(KeyCode::Home),
        key(KeyCode::Char('b')),
    ]);
    for (width, height) in [(80u16, 24u16), (200, 50)] {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a backend");
        let size = Size::new(width, height);
        let mut frames = Vec::new();
        for _ in 0..5 {
            for k in &round {
                let started = Instant::now();
                b.key(*k);
                browse::prepare(&mut b, size).expect("a page");
                terminal.draw(|f| browse::draw(f, &b)).expect("drawn");
                frames.push(started.elapsed().as_micros());
            }
        }
        frames.sort_unstable();
        println!(
            "frames {width}x{height}: {} frames of {} roles, median {} us, slowest {} us",
            frames.len(),
            ladder.roles.len(),
            frames[frames.len() / 2],
            frames[frames.len() - 1]
        );
    }
}

#[test]
fn t_keeps_each_sides_level_and_never_merges_a_and_b() {
    let mut b = start("L1-junior-security-analyst");
    assert_eq!(b.b.role.id, "L2-security-analyst");
    // The engineer track has no L1: A goes to its nearest level, B is kept apart from it.
    press(&mut b, &[key(KeyCode::Char('t'))]);
    assert_eq!(b.a.track.expect("a track").id, "engineer");
    assert_eq!(b.a.role.id, "L2-security-engineer");
    assert_eq!(b.b.role.id, "L3-senior-security-engineer");
    // Round the tracks and back: the pair it started from.
    press(&mut b, &[key(KeyCode::Char('t')), key(KeyCode::Char('t'))]);
    assert_eq!(b.a.track.expect("a track").id, "analyst");
    assert_eq!(b.a.role.id, "L1-junior-security-analyst");
    assert_eq!(b.b.role.id, "L2-security-analyst");
}

#[test]
fn a_dimension_is_kept_by_name_and_let_go_where_the_sides_lack_it() {
    let mut b = start_in_catalogue("secops", "L2-security-engineer");
    // Across ladders, the comparison lists the dimensions of both: the fifth is B's first.
    press(&mut b, &[key(KeyCode::Char('r'))]);
    press(&mut b, &typed("design/P2-product"));
    press(&mut b, &[key(KeyCode::Enter), key(KeyCode::Char('5'))]);
    assert_eq!(b.dimension.as_deref(), Some("✏️ Craft"));
    draw(&mut b, 100, 30);
    assert!(page_lines(&b).contains(&"✏️ Craft".to_string()));
    // Back to a role of A's ladder, which has no such dimension: all are shown.
    press(&mut b, &[key(KeyCode::Char('r'))]);
    press(&mut b, &typed("secops/L3-senior-security-engineer"));
    press(&mut b, &[key(KeyCode::Enter)]);
    assert_eq!(b.dimension, None);
    draw(&mut b, 100, 30);
    let page = page_lines(&b);
    assert!(
        page.contains(&"🦉 Domain Expertise".to_string()),
        "{page:?}"
    );
    // A dimension both share is kept through a swap.
    let mut b = start("L2-security-engineer");
    press(&mut b, &[key(KeyCode::Char('3')), key(KeyCode::Char('s'))]);
    assert_eq!(b.dimension.as_deref(), Some("🧭 Culture and Leadership"));
    draw(&mut b, 100, 30);
    assert!(page_lines(&b).contains(&"🧭 Culture and Leadership".to_string()));
}

#[test]
fn help_scrolls_only_as_far_as_its_end() {
    let mut b = start("L2-security-engineer");
    press(&mut b, &[key(KeyCode::Char('?'))]);
    press(&mut b, &vec![key(KeyCode::Down); 40]);
    draw(&mut b, 80, 24);
    let Mode::Help { scroll } = b.mode else {
        panic!("{:?}", b.mode)
    };
    // Everything fits at 80x24: nothing to scroll.
    assert_eq!(scroll, 0);
    press(&mut b, &vec![key(KeyCode::Down); 40]);
    draw(&mut b, 40, 10);
    let Mode::Help { scroll } = b.mode else {
        panic!("{:?}", b.mode)
    };
    let lines = browse::help_lines(40).len();
    assert_eq!(scroll, lines - b.body_height);
    let shown = screen(&mut b, 40, 10);
    assert!(shown.contains("q Esc      quit"), "{shown}");
}

/// Runs `line` in a shell on a pseudo-terminal of 80x24 in `folder`, the shell's pid in the
/// file `pid` (a command `exec`ed keeps it); `act` is given the running `script` and the pid.
fn on_pty(
    folder: &Folder,
    line: &str,
    act: impl FnOnce(&mut std::process::Child, u32),
) -> (Option<i32>, String) {
    let line = format!("stty rows 24 cols 80; echo $$ > pid; {line}");
    // A pid left by an earlier run in the folder is not this shell's.
    let _ = std::fs::remove_file(folder.join("pid"));
    let mut child = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .current_dir(folder.join(""))
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("script runs");
    // The shell has started once it has written its pid (a slow machine may take a while);
    // then `ladder` is given time to take the terminal over.
    let mut pid = None;
    for _ in 0..100 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let text = std::fs::read_to_string(folder.join("pid")).unwrap_or_default();
        pid = text.trim().parse::<u32>().ok();
        if pid.is_some() {
            break;
        }
    }
    let pid = pid.expect("the shell wrote its pid");
    std::thread::sleep(std::time::Duration::from_millis(700));
    act(&mut child, pid);
    let out = child.wait_with_output().expect("finished");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// What a terminal showed took the alternate screen, then left it with the cursor shown.
fn given_back(shown: &str, after: &str) {
    let entered = shown.find("\x1b[?1049h").expect("the alternate screen");
    let left = shown.rfind("\x1b[?1049l").expect("left again");
    assert!(entered < left, "{after}: {shown}");
    assert!(
        shown[left..].contains("\x1b[?25h"),
        "{after}: the cursor shown"
    );
}

fn signal(pid: u32, name: &str) {
    // The shell's own kill: no kill(1) program need be installed.
    let sent = Command::new("sh")
        .args(["-c", &format!("kill -s {name} {pid}")])
        .status();
    assert!(sent.expect("kill runs").success());
}

#[test]
fn a_signal_gives_the_terminal_back_and_ends_browse_as_it_would() {
    if !tool("script") {
        return;
    }
    let folder = Folder::new("browse-signal");
    for (name, code) in [("TERM", 143), ("INT", 130), ("HUP", 129)] {
        let line = format!("exec '{BIN}' browse L2-security-engineer");
        let (status, shown) = on_pty(&folder, &line, |_, pid| signal(pid, name));
        assert_eq!(status, Some(code), "{name}: {shown}");
        given_back(&shown, name);
    }
}

#[test]
fn a_closed_terminal_ends_browse() {
    if !tool("script") {
        return;
    }
    let folder = Folder::new("browse-hangup");
    let line = format!("exec '{BIN}' browse L2-security-engineer");
    let mut browse = 0;
    on_pty(&folder, &line, |child, pid| {
        browse = pid;
        // The terminal's other end goes: what closing its window does.
        child.kill().expect("killed");
    });
    std::thread::sleep(std::time::Duration::from_millis(1500));
    // Ended (or ended and not yet reaped by an init that does not reap), not left spinning.
    let state = std::fs::read_to_string(format!("/proc/{browse}/stat")).unwrap_or_default();
    let running = state
        .rsplit(')')
        .next()
        .and_then(|rest| rest.split_whitespace().next())
        .is_some_and(|s| s != "Z" && s != "X");
    if running {
        signal(browse, "KILL");
    }
    assert!(
        !running,
        "browse still runs after its terminal closed: {state}"
    );
}

#[test]
fn a_role_of_a_catalogue_is_named_ladder_slash_role() {
    use std::io::Write as _;
    if !tool("script") {
        return;
    }
    let folder = Folder::new("browse-catalogue");
    let data = std::env::current_dir()
        .expect("a folder")
        .join("tests/data/catalogue");
    let line = format!(
        "exec '{BIN}' --data '{}' browse secops/L3 --track analyst",
        data.display()
    );
    let (status, shown) = on_pty(&folder, &line, |child, _| {
        let input = child.stdin.as_mut().expect("stdin");
        input.write_all(b"q").expect("typed");
    });
    assert_eq!(status, Some(0), "{shown}");
    assert!(
        shown.contains("L3 Senior Security Analyst → L4 Technical Lead"),
        "{shown}"
    );
}

#[test]
fn the_brief_view_at_120_columns() {
    let mut b = start("L2-security-analyst");
    press(&mut b, &[key(KeyCode::Char('b')), key(KeyCode::Char('2'))]);
    // Prose is wrapped at 100 columns, as every view wraps it; the footer names every key.
    let expected = "\
track analyst · 🌱 Teaching and Mentoring · brief · lines 1–12 of 12
L2 Security Analyst → L3 Senior Security Analyst
A = L2-security-analyst   B = L3-senior-security-analyst
Only what is new (+) and what grows (~) at B.

Attributes
~ Impact radius: Peers (2-5)
~ Responsibility and direction needed: Delivers end-to-end slices of bigger products, from first
  idea through to production

🌱 Teaching and Mentoring
~ Steadily supports new hires and less experienced analysts as they grow more proficient over time.
+ Nurtures the team's appetite for learning.


←→ B  ⇧←→ A  t track  Tab section  b brief  s swap  / search  r roles  e evidence  ? help  q quit";
    assert_eq!(screen(&mut b, 120, 16), expected);
}

#[test]
fn n_after_the_page_changed_goes_to_the_first_match_from_the_top() {
    let mut b = start("L2-security-engineer");
    draw(&mut b, 100, 30);
    press(&mut b, &[key(KeyCode::Char('/'))]);
    press(&mut b, &typed("incident"));
    press(&mut b, &[key(KeyCode::Enter), key(KeyCode::Char('n'))]);
    assert!(matches!(b.status, Some(Note::Match(2, _))));
    // B steps: a new page, from its top; `n` finds its first match, not the third.
    press(&mut b, &[key(KeyCode::Right)]);
    draw(&mut b, 100, 30);
    press(&mut b, &[key(KeyCode::Char('n'))]);
    let count = b.hits().len();
    assert_eq!(b.status, Some(Note::Match(1, count)));
    // Spaces alone search for nothing (they would find the tables' padding).
    press(&mut b, &[key(KeyCode::Char('/'))]);
    press(&mut b, &typed("   "));
    press(&mut b, &[key(KeyCode::Enter)]);
    assert_eq!(b.status, Some(Note::SearchCleared));
    assert!(b.hits().is_empty());
}

#[test]
fn a_resize_keeps_the_section_on_top() {
    let mut b = start("L2-security-engineer");
    draw(&mut b, 80, 24);
    press(
        &mut b,
        &[key(KeyCode::Tab), key(KeyCode::Tab), key(KeyCode::Tab)],
    );
    draw(&mut b, 80, 24);
    assert_eq!(page_lines(&b)[b.scroll], "🌱 Teaching and Mentoring");
    for (width, height) in [(120, 30), (50, 20), (200, 50)] {
        draw(&mut b, width, height);
        assert_eq!(
            page_lines(&b)[b.scroll],
            "🌱 Teaching and Mentoring",
            "{width}"
        );
    }
}

#[test]
fn the_header_names_each_sides_track_when_they_differ() {
    let mut b = start("L2-security-engineer");
    press(&mut b, &[key(KeyCode::Char('r'))]);
    // The list opens on B's role.
    let Mode::Pick { selected, .. } = b.mode else {
        panic!("{:?}", b.mode)
    };
    assert_eq!(
        b.choices("")[selected].role.id,
        "L3-senior-security-engineer"
    );
    press(&mut b, &typed("L1"));
    press(&mut b, &[key(KeyCode::Enter)]);
    let shown = screen(&mut b, 100, 20);
    assert!(
        shown.starts_with("A track engineer · B track analyst · all dimensions · lines 1–"),
        "{shown}"
    );
    press(&mut b, &[key(KeyCode::Right)]);
    assert_eq!(b.b.role.id, "L2-security-analyst");
}

#[test]
fn a_long_dimension_name_leaves_the_header_two_lines() {
    let ladder: &'static Ladder = {
        let source =
            Source::choose(Some("tests/data/long-names.toml".into()), None).expect("a file");
        let loader: &'static ladder::source::Loader =
            Box::leak(Box::new(ladder::source::Loader::new(source)));
        loader.ladder().expect("loads")
    };
    let role = ladder.role("P1-junior-designer").expect("a role");
    let a = Side {
        shelf: 0,
        role,
        track: ladder.tracks_of(role).next(),
    };
    let mut b = Browser::new(vec![Shelf { ladder, id: None }], a, false, true);
    press(&mut b, &[key(KeyCode::Char('1'))]);
    let shown = screen(&mut b, 40, 10);
    let rows: Vec<&str> = shown.lines().collect();
    assert_eq!(rows[0], "track product · one dimension ·");
    assert!(rows[1].starts_with("lines 9–"), "{shown}");
    // The page opens on the dimension chosen, its long name wrapped.
    assert_eq!(rows[2], "✏️ Craft of the designed product, as its");
}

#[test]
fn t_keeps_the_level_each_side_was_put_at() {
    let mut b = start("L1-junior-security-analyst");
    press(&mut b, &[key(KeyCode::Char('t'))]);
    // The engineer track lacks L1: the footer says the nearest level is shown.
    let shown = screen(&mut b, 100, 20);
    assert!(
        shown
            .ends_with("track engineer: it lacks a side's level, the nearest is shown (t goes on)"),
        "{shown}"
    );
    press(&mut b, &[shift(KeyCode::Right), shift(KeyCode::Right)]);
    assert_eq!(b.a.role.id, "L4-technical-lead");
    // B was shown at L3 (kept apart from A) but put at L2: the next tracks show it at L2.
    press(&mut b, &[key(KeyCode::Char('t'))]);
    assert_eq!(b.a.track.expect("a track").id, "cloud");
    assert_eq!(b.a.role.id, "L4-technical-lead");
    assert_eq!(b.b.role.id, "L2-security-engineer");
    press(&mut b, &[key(KeyCode::Char('t'))]);
    assert_eq!(b.a.role.id, "L4-technical-lead");
    assert_eq!(b.b.role.id, "L2-security-analyst");
    // A step puts B at a level of its own choosing, which the tracks then keep.
    press(&mut b, &[key(KeyCode::Right), key(KeyCode::Char('t'))]);
    assert_eq!(b.b.role.id, "L3-senior-security-engineer");
}

#[test]
fn the_brief_view_keeps_the_section_in_view() {
    let mut b = start("L2-security-engineer");
    draw(&mut b, 100, 30);
    press(
        &mut b,
        &[key(KeyCode::Tab), key(KeyCode::Tab), key(KeyCode::Tab)],
    );
    draw(&mut b, 100, 30);
    assert_eq!(page_lines(&b)[b.scroll], "🌱 Teaching and Mentoring");
    // The brief page is short: the section is in view, as near the top as the page allows.
    press(&mut b, &[key(KeyCode::Char('b'))]);
    draw(&mut b, 100, 30);
    let page = page_lines(&b);
    let at = page
        .iter()
        .position(|l| l == "🌱 Teaching and Mentoring")
        .expect("in the brief page");
    assert!(b.scroll > 0 && b.scroll <= at && at < b.scroll + b.body_height);
    press(&mut b, &[key(KeyCode::Char('b'))]);
    draw(&mut b, 100, 30);
    assert_eq!(page_lines(&b)[b.scroll], "🌱 Teaching and Mentoring");
}

#[test]
fn a_long_file_name_keeps_its_end_in_view() {
    let mut b = start("L2-security-engineer");
    press(&mut b, &[key(KeyCode::Char('e'))]);
    let shown = screen(&mut b, 40, 12);
    let prompt = shown.lines().last().expect("a footer");
    assert_eq!(prompt, "Outline to: …enior-security-engineer.md");
    b.status = Some(Note::Wrote(
        "evidence-L3-senior-security-engineer.md".into(),
    ));
    b.mode = Mode::Normal;
    let shown = screen(&mut b, 40, 12);
    let said = shown.lines().last().expect("a footer");
    assert_eq!(said, "wrote …ce-L3-senior-security-engineer.md");
    b.status = Some(Note::Wrote(
        "a-very-long-evidence-outline-file-name-for-testing-wide.md".into(),
    ));
    let shown = screen(&mut b, 40, 12);
    let said = shown.lines().last().expect("a footer");
    assert_eq!(said, "wrote …ine-file-name-for-testing-wide.md");
    b.status = Some(Note::Failed(
        "nodir/evidence-a-very-long-evidence-outline-file-name.md".into(),
        "No such file or directory (os error 2)".into(),
    ));
    let shown = screen(&mut b, 40, 12);
    let said: Vec<&str> = shown.lines().rev().take(2).collect();
    assert_eq!(
        said,
        [
            "  No such file or directory (os error 2)",
            "cannot write …ence-outline-file-name.md:"
        ]
    );
}
