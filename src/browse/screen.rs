//! Draws the explorer's state on a ratatui frame: a header line of where it stands, the page
//! (the comparison, or the help, or the list of roles), and a footer of keys or of what the
//! last key did. It reads the state and the page drawn for it; it never asks the model.

use ratatui::Frame;
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::state::{Browser, Mode, Note, Side, Which};
use crate::render::{self, display_width, wrap, wrap_items};
use crate::text::{escape_controls, quoted};
use crate::view::Detail;

/// The smallest screen the explorer draws on; a smaller one gets one line saying so.
pub const MIN_SIZE: Size = Size {
    width: 40,
    height: 10,
};

/// The keys, as `?` lists them: what to press, and what it does.
const KEYS: &[(&str, &str)] = &[
    ("→ ←", "step B up or down its track"),
    ("Shift+→ ←", "step A up or down its track"),
    (
        "t",
        "the next track, each side at the level it was put at (or the nearest the track has)",
    ),
    ("↑ ↓", "scroll a line"),
    ("PgUp PgDn", "scroll a screen (also Space)"),
    ("Home End", "the top or the end of the page"),
    (
        "Tab",
        "the next section: the attributes, each dimension (Shift+Tab: back)",
    ),
    ("1–9", "only that dimension; 0: all of them"),
    ("b", "brief: only what is new and what grows at B"),
    ("s", "swap A and B"),
    ("/", "search both sides; Enter to find"),
    ("n N", "the next or the previous match"),
    ("r", "pick B (Tab: A) from every role; type to narrow"),
    ("e", "write the evidence outline for B from A to a file"),
    ("?", "this help"),
    ("q Esc", "quit (Ctrl-C too, from anywhere)"),
    ("Ctrl-Z", "suspend to the shell; fg comes back"),
];

/// The keys the footer names, most useful first; as many as fit, then `? help`.
const FOOTER: &[(&str, &str)] = &[
    ("←→", "B"),
    ("⇧←→", "A"),
    ("t", "track"),
    ("Tab", "section"),
    ("b", "brief"),
    ("s", "swap"),
    ("/", "search"),
    ("r", "roles"),
    ("e", "evidence"),
];

/// Where the parts of the screen go: the header's lines, the page, the footer's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub body: Rect,
    pub footer: Rect,
}

/// The parts of a screen of `size` for this state.
pub fn areas(size: Size, b: &Browser<'_>) -> Areas {
    let width = usize::from(size.width);
    let header = header_lines(b, width).len() as u16;
    let footer = footer_lines(b, width).len() as u16;
    let rows = size.height;
    let (header, footer) = (header.min(rows / 3), footer.min(rows / 3));
    let body = rows.saturating_sub(header + footer);
    Areas {
        header: Rect::new(0, 0, size.width, header),
        body: Rect::new(0, header, size.width, body),
        footer: Rect::new(0, header + body, size.width, footer),
    }
}

/// Draws the whole screen: the state must have its page drawn for this size
/// (`Browser::prepare`).
pub fn draw(frame: &mut Frame<'_>, b: &Browser<'_>) {
    let area = frame.area();
    if area.width < MIN_SIZE.width || area.height < MIN_SIZE.height {
        too_small(frame, area);
        return;
    }
    let parts = areas(area.as_size(), b);
    let width = usize::from(area.width);
    let bar = Style::default().add_modifier(Modifier::REVERSED);
    let header: Vec<Line<'_>> = header_lines(b, width)
        .into_iter()
        .map(|l| Line::styled(pad(&l, width), bar))
        .collect();
    frame.render_widget(Paragraph::new(header), parts.header);
    match &b.mode {
        Mode::Help { scroll } => help(frame, parts.body, *scroll),
        Mode::Pick {
            filter,
            target,
            selected,
        } => picker(frame, parts.body, b, filter, *target, *selected),
        _ => body(frame, parts.body, b),
    }
    let footer: Vec<Line<'_>> = footer_lines(b, width).into_iter().map(Line::from).collect();
    frame.render_widget(Paragraph::new(footer), parts.footer);
    if let Some(x) = prompt_end(b, width) {
        frame.set_cursor_position(Position::new(x, parts.footer.y));
    }
}

/// A screen too small to draw on: as much of one line as fits, in whole words.
fn too_small(frame: &mut Frame<'_>, area: Rect) {
    let (w, h) = (MIN_SIZE.width, MIN_SIZE.height);
    let said = [
        format!(
            "needs at least {w}x{h}; this is {}x{}",
            area.width, area.height
        ),
        format!("needs {w}x{h}, is {}x{}", area.width, area.height),
        format!("needs {w}x{h}"),
    ];
    let fits = said
        .iter()
        .find(|t| display_width(t) <= usize::from(area.width));
    // Whole words only: on a screen too narrow for the shortest, as many words as fit.
    let text = fits.unwrap_or(&said[2]);
    let mut shown = String::new();
    for word in text.split(' ') {
        let tried = if shown.is_empty() {
            word.to_string()
        } else {
            format!("{shown} {word}")
        };
        if display_width(&tried) > usize::from(area.width) {
            break;
        }
        shown = tried;
    }
    frame.render_widget(Paragraph::new(shown), area);
}

/// The header: the track each side steps along, which dimensions and how much is shown,
/// which lines. On two lines at most: a dimension's name that would need more is left to the
/// page's own heading.
fn header_lines(b: &Browser<'_>, width: usize) -> Vec<String> {
    let track = |side: &Side<'_>| {
        side.track
            .map_or("no track".to_string(), |t| format!("track {}", t.id))
    };
    let same = b.a.shelf == b.b.shelf && b.a.track.map(|t| &t.id) == b.b.track.map(|t| &t.id);
    let mut parts = if same {
        vec![track(&b.a)]
    } else {
        vec![format!("A {}", track(&b.a)), format!("B {}", track(&b.b))]
    };
    let at = parts.len();
    parts.push(match &b.dimension {
        None => "all dimensions".to_string(),
        Some(label) => label.clone(),
    });
    if b.detail == Detail::Brief {
        parts.push("brief".to_string());
    }
    if let Some(page) = b.drawn() {
        let total = page.lines.len();
        let last = b.scroll.saturating_add(b.body_height).min(total);
        let first = b.scroll.saturating_add(1).min(total);
        parts.push(format!("lines {first}–{last} of {total}"));
    }
    let lines = wrap_items(&parts, " · ", width, "");
    if lines.len() > 2 && b.dimension.is_some() {
        parts[at] = "one dimension".to_string();
        return wrap_items(&parts, " · ", width, "");
    }
    lines
}

/// The footer: the prompt being typed, or what the last key did, or the keys that fit.
fn footer_lines(b: &Browser<'_>, width: usize) -> Vec<String> {
    match &b.mode {
        Mode::Search(typed) => vec![prompt("/", typed, width)],
        Mode::Save(name) => vec![prompt(SAVE_PROMPT, name, width)],
        Mode::Pick { .. } => wrap_items(
            &keys(&[("Enter", "pick"), ("Tab", "A or B"), ("Esc", "cancel")]),
            "  ",
            width,
            "",
        ),
        Mode::Help { .. } => wrap_items(
            &keys(&[("↑↓", "scroll"), ("any other key", "close")]),
            "  ",
            width,
            "",
        ),
        Mode::Normal => match &b.status {
            Some(note) => wrap(&said(note, width), width, "", "  "),
            None => vec![fitted_keys(width)],
        },
    }
}

const SAVE_PROMPT: &str = "Outline to: ";

/// `lead` and what was typed after it, the end kept in view when it is longer than the line.
fn prompt(lead: &str, typed: &str, width: usize) -> String {
    // One column for the cursor after the text.
    let room = width.saturating_sub(display_width(lead) + 1);
    format!("{lead}{}", tail_within(&escape_controls(typed), room))
}

/// `text` when it fits `room` columns, else `…` and as much of its end as fits after it.
fn tail_within(text: &str, room: usize) -> String {
    if display_width(text) <= room {
        return text.to_string();
    }
    let mut shown: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = display_width(c.encode_utf8(&mut [0; 4]));
        if used + w > room {
            break;
        }
        used += w;
        shown.push(c);
    }
    shown.push('…');
    shown.into_iter().rev().collect()
}

/// The column after the text typed at a prompt, where the cursor stands.
fn prompt_end(b: &Browser<'_>, width: usize) -> Option<u16> {
    let line = match &b.mode {
        Mode::Search(typed) => prompt("/", typed, width),
        Mode::Save(name) => prompt(SAVE_PROMPT, name, width),
        _ => return None,
    };
    u16::try_from(display_width(&line)).ok()
}

fn keys(pairs: &[(&str, &str)]) -> Vec<String> {
    pairs
        .iter()
        .map(|(k, what)| format!("{k} {what}"))
        .collect()
}

/// As many of the footer's keys as fit on one line, `? help  q quit` always at its end.
fn fitted_keys(width: usize) -> String {
    let end = "? help  q quit";
    let mut line = String::new();
    for item in keys(FOOTER) {
        let tried = if line.is_empty() {
            item.clone()
        } else {
            format!("{line}  {item}")
        };
        if display_width(&tried) + 2 + end.len() > width {
            break;
        }
        line = tried;
    }
    if line.is_empty() {
        end.to_string()
    } else {
        format!("{line}  {end}")
    }
}

/// What a note says.
fn said(note: &Note<'_>, width: usize) -> String {
    // A file's name is kept whole on its line, or its start gives way to `…`: the end, the
    // file's own name, stays.
    let file = |path: &std::path::Path, around: usize| {
        let name = escape_controls(&path.to_string_lossy()).into_owned();
        tail_within(&name, width.saturating_sub(around))
    };
    match note {
        Note::NoTrack(role) => format!("{} is on no track", role.id),
        Note::End { role, track, top } => {
            let end = if *top { "top" } else { "bottom" };
            format!("{} is the {end} of track {}", role.id, track.id)
        }
        Note::Tracks(0) => "this ladder has no tracks".to_string(),
        Note::Tracks(_) => "this ladder has one track".to_string(),
        Note::Track {
            track,
            nearest: false,
        } => format!("track {}", track.id),
        Note::Track {
            track,
            nearest: true,
        } => format!(
            "track {}: it lacks a side's level, the nearest is shown (t goes on)",
            track.id
        ),
        Note::Dimensions(1) => "there is one dimension: 1, or 0 for all".to_string(),
        Note::Dimensions(n) => format!("there are {n} dimensions: 1–{}, or 0 for all", n.min(&9)),
        Note::SearchCleared => "search cleared".to_string(),
        Note::NoMatch(typed) => format!("no match for {}", quoted(typed)),
        Note::NoSearch => "type / to search".to_string(),
        Note::Match(at, of) => format!("match {at} of {of} (n next, N previous)"),
        Note::NoRole => "no role matches what was typed".to_string(),
        Note::Wrote(path) => format!("wrote {}", file(path, "wrote ".len())),
        Note::Exists(path) => {
            let then = " exists; e to try another name";
            format!("{}{then}", file(path, then.len()))
        }
        Note::Failed(path, reason) => {
            let reason = escape_controls(reason.lines().next().unwrap_or(""));
            format!(
                "cannot write {}: {reason}",
                file(path, "cannot write :".len())
            )
        }
    }
}

/// The page, from its scroll, with the search's matches shown reversed (the one `n` stands
/// on also underlined).
fn body(frame: &mut Frame<'_>, area: Rect, b: &Browser<'_>) {
    let Some(page) = b.drawn() else { return };
    let height = usize::from(area.height);
    let end = b.scroll.saturating_add(height).min(page.lines.len());
    let hits = b.hits();
    let lines: Vec<Line<'_>> = (b.scroll.min(end)..end)
        .map(|i| {
            let on: Vec<(usize, usize, bool)> = hits
                .iter()
                .enumerate()
                .filter(|(_, h)| h.0 == i)
                .map(|(n, h)| (h.1, h.2, Some(n) == b.hit))
                .collect();
            if on.is_empty() {
                page.lines[i].clone()
            } else {
                highlight(&page.lines[i], &on)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// A line with the byte ranges `on` (of its text) reversed; the current one also underlined.
fn highlight(line: &Line<'static>, on: &[(usize, usize, bool)]) -> Line<'static> {
    let mut spans = Vec::new();
    let mut at = 0;
    for span in &line.spans {
        let text = span.content.as_ref();
        let (start, end) = (at, at + text.len());
        let mut cuts = vec![0, text.len()];
        for &(s, e, _) in on {
            for x in [s, e] {
                if x > start && x < end && text.is_char_boundary(x - start) {
                    cuts.push(x - start);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let (s, e) = (pair[0], pair[1]);
            let hit = on.iter().find(|h| h.0 <= start + s && start + e <= h.1);
            let style = match hit {
                Some(&(_, _, current)) => {
                    let style = span.style.add_modifier(Modifier::REVERSED);
                    if current {
                        style.add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
                    } else {
                        style
                    }
                }
                None => span.style,
            };
            spans.push(Span::styled(text[s..e].to_string(), style));
        }
        at = end;
    }
    Line::from(spans)
}

/// The keys, each with what it does beside it, from `scroll`.
fn help(frame: &mut Frame<'_>, area: Rect, scroll: usize) {
    let mut lines = help_lines(area.width);
    let top = scroll.min(lines.len().saturating_sub(1));
    frame.render_widget(Paragraph::new(lines.split_off(top)), area);
}

/// The help's lines at `width` columns: a heading, then each key and what it does.
pub fn help_lines(width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let key_width = KEYS
        .iter()
        .map(|(k, _)| display_width(k))
        .max()
        .unwrap_or(0)
        + 2;
    let mut lines = vec![Line::styled(
        "Keys",
        Style::default().add_modifier(Modifier::BOLD),
    )];
    for (key, what) in KEYS {
        let first = pad(key, key_width);
        let rest = " ".repeat(key_width);
        lines.extend(wrap(what, width, &first, &rest).into_iter().map(Line::from));
    }
    lines
}

/// The roles to pick from, narrowed by `filter`, the selected one reversed and kept in view.
fn picker(
    frame: &mut Frame<'_>,
    area: Rect,
    b: &Browser<'_>,
    filter: &str,
    target: Which,
    selected: usize,
) {
    let width = usize::from(area.width);
    let side = match target {
        Which::A => "A",
        Which::B => "B",
    };
    let mut lines: Vec<Line<'_>> = wrap(
        &format!("Pick {side} (type to narrow): {}", escape_controls(filter)),
        width,
        "",
        "  ",
    )
    .into_iter()
    .map(|l| Line::styled(l, Style::default().add_modifier(Modifier::BOLD)))
    .collect();
    let room = usize::from(area.height).saturating_sub(lines.len());
    let choices = b.choices(filter);
    let qualified = b.shelves.len() > 1;
    let entry = |i: usize| -> Vec<String> {
        let c = choices[i];
        let id = match b.shelves[c.shelf].id.filter(|_| qualified) {
            Some(ladder) => format!("{ladder}/{}", c.role.id),
            None => c.role.id.clone(),
        };
        let mark = if i == selected { "› " } else { "  " };
        wrap(&format!("{id} · {}", c.role.title), width, mark, "    ")
    };
    // From the selected entry back while they fit: it stays in view, at the bottom when the
    // list is scrolled.
    let mut first = selected.min(choices.len());
    let mut used = if selected < choices.len() {
        entry(selected).len()
    } else {
        0
    };
    while first > 0 {
        let n = entry(first - 1).len();
        if used + n > room {
            break;
        }
        used += n;
        first -= 1;
    }
    let mut shown = 0;
    for i in first..choices.len() {
        let entry_lines = entry(i);
        if shown + entry_lines.len() > room {
            break;
        }
        shown += entry_lines.len();
        let style = if i == selected {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        lines.extend(
            entry_lines
                .into_iter()
                .map(|l| Line::styled(pad(&l, width), style)),
        );
    }
    if choices.is_empty() {
        lines.push(Line::from("  no role matches"));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// A line padded with spaces to `width` columns, so that a reversed bar fills the row.
fn pad(line: &str, width: usize) -> String {
    format!("{line}{}", render::pad(line, width))
}
