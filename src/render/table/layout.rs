//! Widths and wrapping shared by every view: how wide prose and grid columns may be, the one
//! measure of displayed width, text wrapped to a width without cutting a word, padding, and
//! comfy-table's borderless tables.
//!
//! Every function here takes the widths it lays out for as numbers, so a view decides from
//! the terminal's width once and can try another layout (a stack instead of columns) when
//! one does not fit.

use comfy_table::{ContentArrangement, Table, presets};
use unicode_width::UnicodeWidthStr;

use crate::term::Terminal;

/// Wrapped prose never runs wider than this, even on a wide terminal.
const PROSE_WIDTH: usize = 100;

/// The width of wrapped prose on this terminal.
pub fn prose_width(term: &Terminal) -> usize {
    usize::from(term.width).min(PROSE_WIDTH)
}

/// The widths of a label column and `n` equal columns of a bordered grid that fit `total`
/// terminal columns, each at least its floor (the width of its longest word, and the marks or
/// bullets before it); none when they cannot all fit, and the view stacks its blocks instead.
pub fn grid_widths(
    total: usize,
    n: usize,
    [label_floor, side_floor]: [usize; 2],
) -> Option<(usize, usize)> {
    let n = n.max(1);
    // n + 2 vertical lines, and a space of padding each side of n + 1 columns.
    let chrome = (n + 2) + 2 * (n + 1);
    let room = total.checked_sub(chrome + label_floor + n * side_floor)?;
    let label = (total / 5).clamp(12, 30).max(label_floor);
    // The label gives back what the sides need, down to its own floor.
    let label = label.min(label_floor + room);
    let side = (total - chrome - label) / n;
    Some((label, side))
}

/// How many terminal columns the text takes: East Asian wide characters and emoji count two
/// (`unicode-width`, which reads an emoji's variation selector), colour escape sequences
/// (`ESC [ ... m`) none. Every view measures with this one function.
pub fn display_width(text: &str) -> usize {
    // Most text is printable ASCII: one column a byte.
    if printable_ascii(text) {
        return text.len();
    }
    let mut width = 0;
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        width += rest[..at].width();
        let escape = units(&rest[at..]).next().map_or(1, str::len);
        rest = &rest[at + escape..];
    }
    width + rest.width()
}

/// Whether every byte is printable ASCII, a column each; a newline is not.
fn printable_ascii(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// The width of the widest word of `text` (words as the wrapper splits them): the narrowest
/// column that holds the text without cutting a word.
pub fn longest_word(text: &str) -> usize {
    text.split([' ', '\n'])
        .map(display_width)
        .max()
        .unwrap_or(0)
}

/// Items laid out on lines of `width` columns, `sep` between two on a line (what it shows
/// besides spaces also ends a line that breaks), `rest` before each line after the first; an
/// item wider than a line is wrapped on lines of its own. For legends, summaries and header
/// lines whose parts should stay whole.
pub fn wrap_items(items: &[String], sep: &str, width: usize, rest: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    // Room for the separator's visible end after every item but the last.
    let tail = display_width(sep.trim_end());
    for (i, item) in items.iter().enumerate() {
        let w = display_width(item);
        let room = w + if i + 1 < items.len() { tail } else { 0 };
        if used > 0 && used + display_width(sep) + room <= width {
            line.push_str(sep);
            line.push_str(item);
            used += display_width(sep) + w;
            continue;
        }
        if used > 0 {
            // A visible separator stays at the end of the line it ends: "3 new ·".
            line.push_str(sep.trim_end());
            lines.push(std::mem::take(&mut line));
        }
        let indent = if lines.is_empty() { "" } else { rest };
        if display_width(indent) + room <= width {
            line = format!("{indent}{item}");
            used = display_width(indent) + w;
            continue;
        }
        // Wrapped narrower by the separator's visible end, which the last piece may carry.
        let room_for_tail = width.saturating_sub(room - w);
        let mut parts = wrap(item, room_for_tail, indent, rest);
        let last = parts.pop().unwrap_or_default();
        lines.extend(parts);
        used = display_width(&last);
        line = last;
    }
    if used > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// As [`wrap_items`], but a legend's last item is not left alone on its line when the line
/// before can give it company at no more lines: the lines are laid out narrower until it has.
pub fn wrap_items_together(items: &[String], sep: &str, width: usize, rest: &str) -> Vec<String> {
    let lines = wrap_items(items, sep, width, rest);
    let last = items.last().map_or("", |i| i.trim());
    let alone =
        |lines: &[String]| lines.len() > 1 && lines.last().is_some_and(|l| l.trim() == last);
    if items.len() < 3 || !alone(&lines) {
        return lines;
    }
    (width / 2..width)
        .rev()
        .map(|w| wrap_items(items, sep, w, rest))
        .find(|tried| tried.len() == lines.len() && !alone(tried))
        .unwrap_or(lines)
}

/// A shell command as lines of at most `width` columns, after `indent`: arguments are never
/// broken, and a line that the command continues past ends with ` \` (an argument wider than
/// the whole line stands alone on its line).
pub fn command_lines(args: &[&str], width: usize, indent: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = indent.to_string();
    let mut empty = true;
    for arg in args {
        let fits = display_width(&line) + 1 + display_width(arg) + 2 <= width;
        if !empty && !fits {
            line.push_str(" \\");
            lines.push(std::mem::replace(&mut line, format!("{indent}  ")));
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(arg);
        empty = false;
    }
    lines.push(line);
    lines
}

/// The spaces that pad `text` out to `width` columns.
pub fn pad(text: &str, width: usize) -> String {
    " ".repeat(width.saturating_sub(display_width(text)))
}

/// Wraps text at spaces, first fit, with `first` before the first line and `rest` before the
/// others. Views size their columns to the longest word, so a word is cut only when it is
/// wider than the whole terminal (a 500-letter token in a hostile file). Newlines in the text are kept as line breaks, and
/// a run of spaces is one break. Widths are terminal columns, not counting colour escape
/// sequences.
///
/// textwrap's first fit gives the same lines on ordinary text (a test holds them to it) but
/// keeps runs of spaces, and costs more instructions on every view that wraps text (how much:
/// BENCHMARKS.md, "Figures the code relies on").
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    // At least a column of text after the indent, which is measured in columns: a `• ` is
    // two columns though four bytes.
    let (first_width, rest_width) = (display_width(first), display_width(rest));
    let width = width.max(first_width + 1);
    // Printable ASCII, most text, is a column a byte: its words need no measuring.
    let ascii = text.split('\n').all(printable_ascii);
    let measure = |word: &str| {
        if ascii {
            word.len()
        } else {
            display_width(word)
        }
    };
    // A line's bytes are about its columns: reserved at once, it does not grow piece by piece.
    let line_after = |indent: &str| {
        let mut line = String::with_capacity(width + 8);
        line.push_str(indent);
        line
    };
    let new_line = || line_after(rest);
    let mut lines = Vec::new();
    let mut line = line_after(first);
    let mut used = first_width;
    let mut empty = true;
    let limit = |lines: &Vec<String>| {
        width.saturating_sub(if lines.is_empty() {
            first_width
        } else {
            rest_width
        })
    };
    for (p, paragraph) in text.split('\n').enumerate() {
        if p > 0 {
            lines.push(std::mem::replace(&mut line, new_line()));
            used = rest_width;
            empty = true;
        }
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let w = measure(word);
            if !empty && used + 1 + w <= width {
                line.push(' ');
                line.push_str(word);
                used += 1 + w;
                continue;
            }
            if !empty {
                lines.push(std::mem::replace(&mut line, new_line()));
                used = rest_width;
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
                        lines.push(std::mem::replace(&mut line, new_line()));
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

    #[test]
    fn an_item_wrapped_on_its_own_leaves_room_for_the_separator_after_it() {
        let items = ["aaaa bbbb".to_string(), "c".to_string()];
        let lines = wrap_items(&items, " · ", 9, "");
        assert_eq!(lines, ["aaaa", "bbbb · c"]);
        assert!(lines.iter().all(|l| display_width(l) <= 9), "{lines:?}");
    }

    /// The reference: textwrap's first-fit wrapping with the same options.
    fn reference(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
        let options = textwrap::Options::new(width.max(display_width(first) + 1))
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

    #[test]
    fn wide_characters_and_emoji_take_two_columns_and_escapes_none() {
        assert_eq!(display_width("plain"), 5);
        assert_eq!(display_width("デザイン"), 8);
        // A pencil with the emoji variation selector is drawn two wide; char by char it is one.
        assert_eq!(display_width("✏️ Craft"), 8);
        assert_eq!(textwrap::core::display_width("✏️ Craft"), 7);
        assert_eq!(display_width("\u{1b}[1m🦉\u{1b}[0m x"), 4);
    }

    #[test]
    fn the_floor_counts_the_indent_in_columns() {
        // `• ` is four bytes: a byte count would widen a 6-column cell to 12.
        for line in wrap("one two three", 6, "• ", "  ") {
            assert!(display_width(&line) <= 6, "{line:?}");
        }
    }

    #[test]
    fn grid_widths_keep_the_old_layout_where_it_fits_and_give_up_below_the_floors() {
        assert_eq!(grid_widths(100, 2, [16, 20]), Some((20, 35)));
        assert_eq!(grid_widths(200, 2, [16, 20]), Some((30, 80)));
        // The label gives back columns to the sides, down to its floor.
        assert_eq!(grid_widths(70, 2, [16, 19]), Some((16, 22)));
        assert_eq!(grid_widths(64, 2, [16, 19]), Some((16, 19)));
        assert_eq!(grid_widths(63, 2, [16, 19]), None);
    }

    #[test]
    fn items_stay_whole_on_their_lines() {
        let items = ["+ new at B", "~ grows", "- not restated"].map(String::from);
        assert_eq!(
            wrap_items(&items, "   ", 22, ""),
            ["+ new at B   ~ grows", "- not restated"]
        );
        assert_eq!(wrap_items(&items, "   ", 100, "").len(), 1);
        // One wider than a line wraps on lines of its own.
        let long = ["a".to_string(), "bb cc dd".to_string()];
        assert_eq!(
            wrap_items(&long, " ", 5, "  "),
            ["a", "  bb", "  cc", "  dd"]
        );
    }

    #[test]
    fn a_visible_separator_ends_the_line_it_breaks_and_fits_in_it() {
        let items = ["3 new", "2 grow", "1 not restated"].map(String::from);
        // "3 new · 2 grow" is 14 columns, but its " ·" would make 16.
        assert_eq!(
            wrap_items(&items, " · ", 15, "  "),
            ["3 new ·", "  2 grow ·", "  1 not", "  restated"]
        );
        assert_eq!(
            wrap_items(&items, " · ", 16, "  "),
            ["3 new · 2 grow ·", "  1 not restated"]
        );
    }
}
