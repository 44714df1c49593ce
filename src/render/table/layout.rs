//! Widths and wrapping shared by every view: how wide prose and grid columns may be, text
//! wrapped or cut to a width, padding by displayed width, and comfy-table's borderless tables.
//!
//! Every function here takes the widths it lays out for as numbers, so a view decides from
//! the terminal's width once and can try another layout (a stack instead of columns) when
//! one does not fit.

use comfy_table::{ContentArrangement, Table, presets};

use crate::term::Terminal;

/// Wrapped prose never runs wider than this, even on a wide terminal.
const PROSE_WIDTH: usize = 100;

/// The width of wrapped prose on this terminal.
pub fn prose_width(term: &Terminal) -> usize {
    usize::from(term.width).min(PROSE_WIDTH)
}

/// The widths of a label column and `n` equal columns of a bordered grid that fit `total`
/// terminal columns.
pub fn grid_widths(total: usize, n: usize) -> (usize, usize) {
    let label = (total / 5).clamp(12, 30);
    // n + 2 vertical lines, and a space of padding each side of n + 1 columns.
    let chrome = (n + 2) + 2 * (n + 1);
    let side = (total.saturating_sub(label + chrome) / n.max(1)).max(10);
    (label, side)
}

/// How many terminal columns the text takes: textwrap's width, which skips colour escape
/// sequences (`ESC [ ... m`).
pub fn display_width(text: &str) -> usize {
    textwrap::core::display_width(text)
}

/// The spaces that pad `text` out to `width` columns.
pub fn pad(text: &str, width: usize) -> String {
    " ".repeat(width.saturating_sub(display_width(text)))
}

/// Text cut to `width` columns with an ellipsis when it does not fit.
pub fn fit(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if display_width(&out) + display_width(c.encode_utf8(&mut [0; 4])) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Wraps text at spaces, first fit, with `first` before the first line and `rest` before the
/// others; a word longer than a line is cut. Newlines in the text are kept as line breaks, and
/// a run of spaces is one break. Widths are terminal columns, not counting colour escape
/// sequences.
///
/// textwrap's first fit gives the same lines on ordinary text (a test holds them to it) but
/// keeps runs of spaces, and costs 14% more instructions on `diff`, 23% on `show` (see
/// BENCHMARKS.md).
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    // The floor counts the indent in bytes, not columns: a `• ` indent counts 4, so bullets
    // in a grid column at its 10-column minimum run 2 columns past it. Kept for now (issue 11
    // changes no output); narrow layouts are issue 12's.
    let width = width.max(first.len() + 8);
    let mut lines = Vec::new();
    let mut line = String::from(first);
    let mut used = display_width(first);
    let mut empty = true;
    let limit = |lines: &Vec<String>| {
        width.saturating_sub(display_width(if lines.is_empty() { first } else { rest }))
    };
    for (p, paragraph) in text.split('\n').enumerate() {
        if p > 0 {
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            used = display_width(rest);
            empty = true;
        }
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let w = display_width(word);
            if !empty && used + 1 + w <= width {
                line.push(' ');
                line.push_str(word);
                used += 1 + w;
                continue;
            }
            if !empty {
                lines.push(std::mem::replace(&mut line, rest.to_string()));
                used = display_width(rest);
            }
            if w <= limit(&lines) {
                line.push_str(word);
                used += w;
            } else {
                // Longer than a whole line: cut it into pieces that fit.
                let mut piece = String::new();
                let mut piece_width = 0;
                for unit in units(word) {
                    let cw = display_width(unit);
                    if piece_width + cw > limit(&lines).max(1) && !piece.is_empty() {
                        line.push_str(&piece);
                        lines.push(std::mem::replace(&mut line, rest.to_string()));
                        piece.clear();
                        piece_width = 0;
                    }
                    piece.push_str(unit);
                    piece_width += cw;
                }
                line.push_str(&piece);
                used = display_width(&line);
            }
            empty = false;
        }
    }
    lines.push(line);
    lines
}

/// The pieces a word may be cut between: single characters, and whole colour escape sequences
/// (ESC `[` parameters, then a final byte), which a cut would leave half on each line.
fn units(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        let c = rest.chars().next()?;
        let end = if c == '\u{1b}' && rest[1..].starts_with('[') {
            rest[2..]
                .find(|c: char| ('@'..='~').contains(&c))
                .map_or(rest.len(), |at| at + 3)
        } else {
            c.len_utf8()
        };
        let (unit, tail) = rest.split_at(end);
        rest = tail;
        Some(unit)
    })
}

/// Removes the padding comfy-table leaves at the ends of lines.
pub fn trim_lines(table: &str) -> String {
    table
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A table without borders, laid out to fit `width` columns.
pub fn plain_table(width: u16) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    table
}

/// Drops the padding before the first column and after the last, keeping two spaces between columns.
pub fn tighten(table: &mut Table) {
    let last = table.column_count().saturating_sub(1);
    for (i, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, if i == last { 0 } else { 2 }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: textwrap's first-fit wrapping with the same options.
    fn reference(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
        let options = textwrap::Options::new(width.max(first.len() + 8))
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
            .break_words(true);
        textwrap::wrap(text, options)
            .into_iter()
            .map(|l| l.into_owned())
            .collect()
    }

    #[test]
    fn wrapping_matches_textwrap_first_fit_on_every_text_of_the_ladder() {
        let ladder = crate::embedded::ladder();
        let mut texts: Vec<&str> = vec![];
        for role in &ladder.roles {
            texts.push(&role.summary);
            for rd in role.dimensions.values() {
                texts.extend(rd.expectations.iter().map(|e| e.text.as_str()));
                texts.extend(rd.examples.iter().map(String::as_str));
            }
        }
        for text in texts {
            for (width, first, rest) in [
                (100, "", ""),
                (80, "  • ", "    "),
                (29, "~ ", "  "),
                (14, "", ""),
            ] {
                assert_eq!(
                    wrap(text, width, first, rest),
                    reference(text, width, first, rest),
                    "{text:?} at {width}"
                );
            }
        }
    }

    #[test]
    fn a_run_of_spaces_is_one_break_where_textwrap_keeps_it() {
        // Why the wrapper is ours: textwrap keeps the spaces a ladder's text happens to hold,
        // and the output of `show`, `diff` and `path` has always collapsed them.
        let text = "  two  spaces   and three";
        assert_eq!(wrap(text, 40, "", ""), ["two spaces and three"]);
        assert_eq!(reference(text, 40, "", ""), ["  two  spaces   and three"]);
    }

    #[test]
    fn long_words_are_cut_and_colour_does_not_count() {
        let long = "x".repeat(30);
        let lines = wrap(&format!("a {long} b"), 12, "", "");
        assert!(lines.iter().all(|l| display_width(l) <= 12), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), format!("a{long}b"));
        let coloured = "one \u{1b}[1mtwo\u{1b}[0m three";
        assert_eq!(wrap(coloured, 13, "", ""), [coloured]);
        assert_eq!(
            wrap(coloured, 12, "", ""),
            ["one \u{1b}[1mtwo\u{1b}[0m", "three"]
        );
    }

    #[test]
    fn a_long_coloured_word_is_cut_between_escape_sequences_never_inside_one() {
        // `search . --regex --color always` paints every character of a long word.
        let painted: String = "abcdefghij"
            .chars()
            .map(|c| format!("\u{1b}[1;31m{c}\u{1b}[0m"))
            .collect();
        let lines = wrap(&painted, 12, "    ", "    ");
        assert_eq!(lines.concat().replace("    ", ""), painted);
        for line in &lines {
            let plain = line.replace("\u{1b}[1;31m", "").replace("\u{1b}[0m", "");
            assert!(!plain.contains('\u{1b}'), "split escape in {line:?}");
            assert!(display_width(line) <= 12, "{line:?}");
        }
        assert_eq!(lines.len(), 2, "{lines:?}");
    }
}
