//! Places findings in their file: line, column and a bounded window of the line, from the
//! spans of a span-keeping parse of the text.

use toml::de::{DeTable, DeValue};

use super::finding::{EXCERPT_CHARS, Finding, Located, Pieces, Seg, Severity};
use crate::document::Document;
use crate::text;

/// The error of a text that did not parse as a ladder, placed at the start of its span.
pub(super) fn syntax_error(source: &Document, err: &toml::de::Error) -> Vec<Located> {
    let at = err.span().map_or(0, |s| s.start);
    locate(source, vec![(Severity::Error, syntax_message(err), at)])
}

/// The findings of a ladder parsed from `source`, each placed at the start of the value its
/// path leads to. With the text's `pieces`, only the head and the roles that findings are in
/// are parsed again, one at a time: a file of ten thousand roles with one error in its head
/// costs the head, not the whole file's tree.
pub(super) fn findings(
    source: &Document,
    found: Vec<Finding>,
    pieces: Option<Pieces<'_>>,
) -> Vec<Located> {
    // The span-keeping parse costs as much as the first: only findings need it.
    let offsets = match (found.is_empty(), pieces) {
        (true, _) => Vec::new(),
        (false, Some(pieces)) => offsets_in_pieces(&pieces, &found),
        (false, None) => {
            let tree = DeTable::parse(&source.text).ok();
            found
                .iter()
                .map(|f| {
                    tree.as_ref()
                        .map_or(0, |t| span_of(t.get_ref(), &f.at, t.span()).start)
                })
                .collect()
        }
    };
    let found = found
        .into_iter()
        .zip(offsets)
        .map(|(f, at)| (f.severity, f.message, at))
        .collect();
    locate(source, found)
}

/// The byte offset of each finding, from span-keeping parses of the head and of the role
/// pieces the findings are in, each parsed once and dropped before the next.
fn offsets_in_pieces(pieces: &Pieces<'_>, found: &[Finding]) -> Vec<usize> {
    let piece_of = |f: &Finding| match f.at.as_slice() {
        [Seg::Key(k), Seg::Index(i), ..] if k == "role" && *i < pieces.roles.len() => Some(*i),
        _ => None,
    };
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&k| piece_of(&found[k]));
    let mut out = vec![0; found.len()];
    let mut parsed: Option<(Option<usize>, Option<_>)> = None;
    for k in order {
        let piece = piece_of(&found[k]);
        let (base, text) = match piece {
            Some(i) => pieces.roles[i],
            None => (0, pieces.head),
        };
        if parsed.as_ref().is_none_or(|(p, _)| *p != piece) {
            parsed = Some((piece, DeTable::parse(text).ok()));
        }
        let Some((_, Some(tree))) = &parsed else {
            out[k] = base;
            continue;
        };
        // In its piece, a role is the first and only one.
        let mut at = found[k].at.clone();
        if piece.is_some() {
            at[1] = Seg::Index(0);
        }
        out[k] = base + span_of(tree.get_ref(), &at, tree.span()).start;
    }
    out
}

/// Places findings (severity, message, byte offset) in the file: line, column and a window
/// of the line. Linear in the text and the findings however many share a line: columns are
/// counted in one pass over the offsets in order, each count going on from the one before.
pub(super) fn locate(source: &Document, found: Vec<(Severity, String, usize)>) -> Vec<Located> {
    let text = &source.text;
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let floor = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&k| found[k].2);
    let mut places = vec![(0, 0, 0); found.len()]; // (offset, line, column)
    let mut cursor: Option<(usize, usize, usize)> = None;
    for k in order {
        let at = floor(found[k].2);
        let line = starts.partition_point(|&s| s <= at);
        let column = match cursor {
            Some((from, l, c)) if l == line => c + text[from..at].chars().count(),
            _ => text[starts[line - 1]..at].chars().count() + 1,
        };
        cursor = Some((at, line, column));
        places[k] = (at, line, column);
    }
    found
        .into_iter()
        .zip(places)
        .map(|((severity, message, _), (at, line, column))| {
            let start = starts[line - 1];
            let end = starts.get(line).map_or(text.len(), |&e| e - 1);
            let whole = text[start..end].trim_end_matches('\r');
            let (source_line, caret) = excerpt(whole, (at - start).min(whole.len()));
            Located {
                file: source.name.clone(),
                line,
                column,
                severity,
                message: text::escape_controls(&message).into_owned(),
                source_line,
                caret,
            }
        })
        .collect()
}

/// At most [`EXCERPT_CHARS`] characters of `line` around byte `at`, escaped, with `…` where
/// the line was cut; and how many characters of it come before the one at `at`. The window is
/// centred on `at` unless one side is short, whose room then goes to the other.
pub(super) fn excerpt(line: &str, at: usize) -> (String, usize) {
    let (before, after) = line.split_at(at);
    let half = EXCERPT_CHARS / 2;
    let after_chars = after.chars().take(EXCERPT_CHARS).count();
    let left = before
        .chars()
        .rev()
        .take(EXCERPT_CHARS - after_chars.min(half))
        .count();
    let right = EXCERPT_CHARS - left;
    let from = match left {
        0 => before.len(),
        n => before.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i),
    };
    let to = after
        .char_indices()
        .nth(right)
        .map_or(after.len(), |(i, _)| i);
    let mut shown = String::new();
    if from > 0 {
        shown.push('…');
    }
    shown += &text::escape_controls(&before[from..]);
    let caret = shown.chars().count();
    shown += &text::escape_controls(&after[..to]);
    if to < after.len() {
        shown.push('…');
    }
    (shown, caret)
}

/// A TOML or shape error as one line, without the snippet the toml crate draws.
///
/// The parser quotes keys and values as the file has them, between backticks or double
/// quotes: each quoted piece is cut after [`text::QUOTED_CHARS`] characters, so that a
/// megabyte key still makes a one-line message.
pub fn syntax_message(err: &toml::de::Error) -> String {
    let message = err.message().trim().replace('\n', "; ");
    if message.is_empty() {
        return "invalid TOML".to_string();
    }
    let mut short = String::with_capacity(message.len().min(1024));
    let mut rest = message.as_str();
    while let Some(at) = rest.find(['`', '"']) {
        short.push_str(&rest[..=at]);
        rest = &rest[at + 1..];
        let quote = short.chars().next_back().unwrap_or('"');
        let end = rest.find(quote).unwrap_or(rest.len());
        short.push_str(&text::cut(&rest[..end]));
        rest = &rest[end..];
        if let Some(close) = rest.strip_prefix(quote) {
            short.push(quote);
            rest = close;
        }
    }
    short.push_str(rest);
    in_our_words(&short)
}

/// serde's `expected struct Theme` said as the format says it, with the shape to write.
fn in_our_words(message: &str) -> String {
    const SHAPES: [(&str, &str); 9] = [
        ("Theme", "a theme, written { id = \"…\", name = \"…\" }"),
        (
            "Expectation",
            "an expectation, written { theme = \"…\", text = \"…\" } (theme optional)",
        ),
        (
            "Dimension",
            "a [[dimension]] table with id and name (emoji and themes optional)",
        ),
        (
            "Attribute",
            "an [[attribute]] table with id, name and meaning",
        ),
        ("Track", "a [[track]] table with id, name and roles"),
        ("Role", "a [[role]] table with id, level, title and summary"),
        (
            "RoleDimension",
            "a [role.dimensions.ID] table of expectations and examples",
        ),
        ("Band", "a [[band]] table with id, name and meaning"),
        (
            "Discipline",
            "a [[discipline]] table with id, name and definition",
        ),
    ];
    for (name, shape) in SHAPES {
        let serde = format!("expected struct {name}");
        if let Some(at) = message.find(&serde) {
            let end = at + serde.len();
            // Only the whole name: `Role` is not `RoleDimension`.
            if message[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
            {
                return format!("{}expected {shape}{}", &message[..at], &message[end..]);
            }
        }
    }
    message.to_string()
}

/// The span of the deepest value the path reaches in the parsed document.
fn span_of(
    table: &DeTable<'_>,
    path: &[Seg],
    whole: std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let Some((Seg::Key(key), rest)) = path.split_first() else {
        return whole;
    };
    match table.get_key_value(key.as_str()) {
        Some((k, v)) => {
            let span = span_in_value(v.get_ref(), rest, v.span());
            // A key whose value is a whole table points at the key, where the reader looks.
            if rest.is_empty() && matches!(v.get_ref(), DeValue::Table(_)) {
                k.span()
            } else {
                span
            }
        }
        None => whole,
    }
}

fn span_in_value(
    value: &DeValue<'_>,
    path: &[Seg],
    here: std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    match (value, path.split_first()) {
        (_, None) => here,
        (DeValue::Table(t), Some((Seg::Key(_), _))) => span_of(t, path, here),
        (DeValue::Array(items), Some((Seg::Index(i), rest))) => match items.get(*i) {
            Some(item) => span_in_value(item.get_ref(), rest, item.span()),
            None => here,
        },
        _ => here,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::test_support::{lines, minimal, source};

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let broken = minimal().replacen("name = \"Tiny Design\"", "name = \"Tiny Design", 1);
        let found = lines(&broken);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("t.toml:"), "{found:?}");
        assert!(found[0].contains(": error: "), "{found:?}");
    }

    #[test]
    fn a_long_key_or_value_is_cut_in_a_syntax_message() {
        let key = "k".repeat(10_000);
        let text = minimal().replacen("title = \"Designer\"", &format!("{key} = 1"), 1);
        let found = lines(&text);
        let cut = format!("`{}…`", "k".repeat(60));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains(&format!("unknown field {cut}, expected one of `id`")),
            "{found:?}"
        );
        assert!(found[0].len() < 400, "{}", found[0].len());
    }

    #[test]
    fn semantic_errors_point_at_the_offending_value() {
        let text = minimal().replacen(
            "roles = [\"D1-designer\", \"D2-senior-designer\"]",
            "roles = [\"D2-senior-designer\", \"D1-designer\", \"D3-lead\"]",
            1,
        );
        let found = lines(&text);
        let line = text
            .lines()
            .position(|l| l.contains("D3-lead"))
            .expect("line")
            + 1;
        let column = text
            .lines()
            .nth(line - 1)
            .expect("line")
            .find("\"D1-designer\"")
            .expect("col")
            + 1;
        assert!(
            found.contains(&format!(
                "t.toml:{line}:{column}: error: track \"design\" does not ascend: \"D1-designer\" (D1) comes after \"D2-senior-designer\" (D2)"
            )),
            "{found:#?}"
        );
        assert!(
            found
                .iter()
                .any(|f| f.ends_with("error: track \"design\" names unknown role \"D3-lead\"")),
            "{found:#?}"
        );
    }

    #[test]
    fn a_short_line_is_shown_whole_with_the_caret_at_the_column() {
        assert_eq!(
            excerpt("level = \"Z9\"", 8),
            ("level = \"Z9\"".to_string(), 8)
        );
        assert_eq!(excerpt("", 0), (String::new(), 0));
    }

    #[test]
    fn a_long_line_is_cut_around_the_column_and_marked() {
        let line: String = (0..1000)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        // In the middle: 40 characters each side, cut on both.
        let (shown, caret) = excerpt(&line, 500);
        assert_eq!(shown, format!("…{}…", &line[460..540]));
        assert_eq!(caret, 41);
        assert_eq!(shown.chars().nth(caret), line[500..].chars().next());
        // Near the start, the room before goes after.
        assert_eq!(excerpt(&line, 3), (format!("{}…", &line[..80]), 3));
        // At the end, the room after goes before.
        assert_eq!(excerpt(&line, 1000), (format!("…{}", &line[920..]), 81));
    }

    #[test]
    fn the_caret_counts_escapes_and_multibyte_characters_before_it() {
        let line = "é\u{1b}x = \"y\"";
        let at = line.find('"').expect("quote");
        let (shown, caret) = excerpt(line, at);
        assert_eq!(shown, "é\\u{1b}x = \"y\"");
        assert_eq!(shown.chars().nth(caret), Some('"'));
    }

    #[test]
    fn findings_on_one_line_get_the_columns_a_single_count_gives() {
        let text = "a = 1\nabout = \"ééé Word. Word. Word.\"\nb = 2\n";
        let offsets = [30, 0, 9, 15, 12, 40, 9];
        let found = offsets
            .iter()
            .map(|&o| (Severity::Warning, "m".to_string(), o))
            .collect();
        let placed: Vec<(usize, usize)> = locate(&source(text), found)
            .iter()
            .map(|f| (f.line, f.column))
            .collect();
        let expected: Vec<(usize, usize)> = offsets
            .iter()
            .map(|&o| crate::document::line_column(text, o))
            .collect();
        assert_eq!(placed, expected);
    }
}
