//! The table renderer's styled text read into ratatui's lines: the SGR escapes `style.rs`
//! writes become cell styles, so `browse` shows the marks and colours `diff` prints.
//!
//! Only this program's own escapes reach here (loading escapes every control character of a
//! ladder's text), and anything else that is not printable is shown as `?`, never written raw.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

/// Each line of `text` as a ratatui line, styled as its escapes say.
pub fn lines(text: &str) -> Vec<Line<'static>> {
    text.lines().map(line).collect()
}

/// One line: the runs of text between escapes, each with the style in force there.
fn line(text: &str) -> Line<'static> {
    let mut spans = Vec::new();
    let mut style = Style::default();
    let mut run = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            let mut params = String::new();
            for p in chars.by_ref() {
                if p.is_ascii_digit() || p == ';' {
                    params.push(p);
                } else {
                    // Only SGR (`m`) changes a style; any other sequence is dropped whole.
                    if p == 'm' {
                        flush(&mut spans, &mut run, style);
                        style = apply(style, &params);
                    }
                    break;
                }
            }
        } else if c.is_control() {
            run.push('?');
        } else {
            run.push(c);
        }
    }
    flush(&mut spans, &mut run, style);
    Line::from(spans)
}

fn flush(spans: &mut Vec<Span<'static>>, run: &mut String, style: Style) {
    if !run.is_empty() {
        spans.push(Span::styled(std::mem::take(run), style));
    }
}

/// The style after the SGR parameters `params` (`1;32`, empty for a reset): a colour and a
/// set of modifiers, built afresh, so that no "not bold" is left over to patch a cell with.
fn apply(style: Style, params: &str) -> Style {
    let mut fg = style.fg;
    let mut bg = style.bg;
    let mut mods = style.add_modifier;
    let mut codes = params.split(';').map(|p| p.parse::<u16>().unwrap_or(0));
    while let Some(code) = codes.next() {
        match code {
            0 => (fg, bg, mods) = (None, None, Modifier::empty()),
            1 => mods = (mods - Modifier::DIM) | Modifier::BOLD,
            2 => mods = (mods - Modifier::BOLD) | Modifier::DIM,
            3 => mods |= Modifier::ITALIC,
            4 => mods |= Modifier::UNDERLINED,
            7 => mods |= Modifier::REVERSED,
            22 => mods -= Modifier::BOLD | Modifier::DIM,
            23 => mods -= Modifier::ITALIC,
            24 => mods -= Modifier::UNDERLINED,
            27 => mods -= Modifier::REVERSED,
            30..=37 => fg = Some(Color::Indexed((code - 30) as u8)),
            90..=97 => fg = Some(Color::Indexed((code - 90 + 8) as u8)),
            39 => fg = None,
            40..=47 => bg = Some(Color::Indexed((code - 40) as u8)),
            49 => bg = None,
            // 256-colour and true-colour forms: their arguments are skipped, not misread.
            38 | 48 => match codes.next() {
                Some(5) => {
                    codes.next();
                }
                Some(2) => {
                    codes.nth(2);
                }
                _ => {}
            },
            _ => {}
        }
    }
    let mut out = Style::default().add_modifier(mods);
    out.fg = fg;
    out.bg = bg;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::Style as Paint;

    fn spans(text: &str) -> Vec<(String, Style)> {
        line(text)
            .spans
            .into_iter()
            .map(|s| (s.content.into_owned(), s.style))
            .collect()
    }

    #[test]
    fn the_styles_of_style_rs_become_cell_styles() {
        let paint = Paint::new(true);
        let text = format!("{} {}", paint.added("+ new"), paint.heading("Title"));
        let green = Style::default().fg(Color::Indexed(2));
        assert_eq!(
            spans(&text),
            vec![
                ("+ new".to_string(), green),
                (" ".to_string(), Style::default()),
                (
                    "Title".to_string(),
                    Style::default().add_modifier(Modifier::BOLD)
                ),
            ]
        );
    }

    #[test]
    fn an_emphasised_word_keeps_its_lines_colour() {
        let paint = Paint::new(true);
        let text = paint.added(&format!("grows {} here", paint.emphasis("more")));
        let green = Style::default().fg(Color::Indexed(2));
        let got = spans(&text);
        assert_eq!(
            got[1],
            ("more".to_string(), green.add_modifier(Modifier::BOLD))
        );
        assert_eq!(got[2], (" here".to_string(), green));
    }

    #[test]
    fn other_escapes_and_controls_never_pass_through() {
        let got = spans("a\u{1b}[2Jb\u{7}c\u{1b}]0;x");
        let text: String = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(text, "ab?c?]0;x");
        assert!(!text.contains('\u{1b}'));
    }
}
