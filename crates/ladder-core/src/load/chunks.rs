//! Splits a ladder file into its head and one piece of text per `[[role]]` table.
//!
//! Parsing a large ladder in pieces keeps memory near the size of the result (the TOML parser
//! holds a whole document in an intermediate tree) and lets `show ID` parse only the head and
//! the one role it needs. The split is conservative: it handles the layout `ladder` writes and
//! documents (every `[[role]]` table after everything else) and gives up, so that the caller
//! parses the whole file, on anything else: a table after the roles, a header it cannot read,
//! an unterminated string.

/// A ladder file cut at its `[[role]]` headers.
#[derive(Debug, PartialEq, Eq)]
pub struct Chunks<'a> {
    /// Everything before the first `[[role]]` header.
    pub(crate) head: &'a str,
    /// Each role table, from its `[[role]]` header up to the next one, with its byte offset.
    pub(crate) roles: Vec<(usize, &'a str)>,
}

/// The bytes that can change the scanner's state outside strings.
static STRUCTURAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let bytes = *b"\"'#[]{}\n";
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

/// Cuts `text` at its `[[role]]` headers, or `None` when it cannot be sure the pieces mean
/// what the whole means.
///
/// A table header is a line that starts with `[` outside any string and outside any array or
/// inline table; so the scanner follows strings (all four kinds), comments and brackets.
pub fn split(text: &str) -> Option<Chunks<'_>> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut depth: usize = 0; // brackets and braces open around values
    let mut line_start = true;
    let mut roles: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < n {
        if line_start {
            line_start = false;
            if depth == 0
                && let Some(after) = table_header(text, i, &mut roles)?
            {
                i = after;
                continue;
            }
        }
        // Between strings, skip what cannot change the state: keys, spaces, commas.
        while i < n && !STRUCTURAL[bytes[i] as usize] {
            i += 1;
        }
        if i == n {
            break;
        }
        match bytes[i] {
            b'\n' => {
                line_start = true;
                i += 1;
            }
            b'#' => i += memchr::memchr(b'\n', &bytes[i..]).unwrap_or(n - i),
            b'"' if bytes[i..].starts_with(b"\"\"\"") => i = end_of_multiline(bytes, i + 3, b'"')?,
            b'\'' if bytes[i..].starts_with(b"\'\'\'") => {
                i = end_of_multiline(bytes, i + 3, b'\'')?
            }
            b'"' => i = end_of_basic(bytes, i + 1)?,
            b'\'' => match memchr::memchr2(b'\'', b'\n', &bytes[i + 1..]) {
                Some(k) if bytes[i + 1 + k] == b'\'' => i += k + 2,
                _ => return None,
            },
            b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            _ => {
                depth = depth.checked_sub(1)?;
                i += 1;
            }
        }
    }
    if depth != 0 {
        return None;
    }
    let first = *roles.first()?;
    let ends = roles
        .iter()
        .skip(1)
        .copied()
        .chain(std::iter::once(text.len()));
    Some(Chunks {
        head: &text[..first],
        roles: roles
            .iter()
            .zip(ends)
            .map(|(&start, end)| (start, &text[start..end]))
            .collect(),
    })
}

/// Reads the line at `at` when it starts (after blanks) with `[`: a table header, recorded in
/// `roles` when it opens a role. `Some(Some(end))` gives where its line ends, `Some(None)` says
/// the line is no header, and `None` gives up on the split (see [`split`]).
fn table_header(text: &str, at: usize, roles: &mut Vec<usize>) -> Option<Option<usize>> {
    let rest = &text[at..];
    let trimmed = rest.trim_start_matches([' ', '\t']);
    if !trimmed.starts_with('[') {
        return Some(None);
    }
    let at = at + (rest.len() - trimmed.len());
    let line = &trimmed[..memchr::memchr(b'\n', trimmed.as_bytes()).unwrap_or(trimmed.len())];
    let header = header_of(line)?;
    match (header.as_str(), roles.is_empty()) {
        ("[[role]]", _) => roles.push(at),
        // Sub-tables of the current role: `[role.attributes]`, `[[role.dimensions.x.expectations]]`.
        (h, false) if h.starts_with("[role.") || h.starts_with("[[role.") => {}
        (h, _) if h.contains("role") => return None,
        (_, false) => return None, // a table after the roles
        (_, true) => {}
    }
    // Go on after the header line (a comment on it included).
    Some(Some(at + line.len()))
}

/// The position after the closing quote of a basic string whose content starts at `from`,
/// stepping over escapes; `None` when the string does not end on its line.
fn end_of_basic(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        i += memchr::memchr3(b'"', b'\\', b'\n', &bytes[i..])?;
        match bytes[i] {
            // An escape takes the next byte; a backslash at the end of the text or of the line
            // escapes nothing a basic string may hold.
            b'\\' => i = past_escape(bytes, i).filter(|&j| bytes[j - 1] != b'\n')?,
            b'"' => return Some(i + 1),
            _ => return None, // an unterminated string: let the parser say so
        }
    }
}

/// The position after the closing delimiter of a multi-line string whose content starts at
/// `from`; up to two more quotes right before the delimiter belong to the content.
fn end_of_multiline(bytes: &[u8], from: usize, quote: u8) -> Option<usize> {
    let mut i = from;
    loop {
        let k = if quote == b'"' {
            memchr::memchr2(b'"', b'\\', &bytes[i..])?
        } else {
            memchr::memchr(quote, &bytes[i..])?
        };
        i += k;
        if bytes[i] == b'\\' {
            i = past_escape(bytes, i)?;
            continue;
        }
        if bytes[i..].starts_with(&[quote; 3]) {
            let mut end = i + 3;
            while end < bytes.len() && bytes[end] == quote && end < i + 5 {
                end += 1;
            }
            return Some(end);
        }
        i += 1;
    }
}

/// The position after the byte that the backslash at `at` escapes, or `None` when the text
/// ends with that backslash (an unterminated string: the parser says so).
fn past_escape(bytes: &[u8], at: usize) -> Option<usize> {
    (at + 2 <= bytes.len()).then_some(at + 2)
}

/// The header of a table line without spaces inside the brackets or a trailing comment,
/// e.g. `[[role]]` or `[role.dimensions.craft]`; `None` when it is not a plain header.
fn header_of(line: &str) -> Option<String> {
    let line = match line.find('#') {
        Some(i) if !line[..i].contains(['"', '\'']) => &line[..i],
        _ => line,
    };
    let line = line.trim_end_matches(['\r', ' ', '\t']);
    if line.contains(['"', '\'']) {
        // Quoted keys in a header: rare in a ladder; the whole-file parser handles them.
        return None;
    }
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let double = compact.starts_with("[[") && compact.ends_with("]]");
    let single = compact.starts_with('[') && compact.ends_with(']') && !double;
    (double || single).then_some(compact)
}

/// The id of a role chunk when it is written plainly as `id = "..."` (no escapes), so that
/// a role can be found without parsing every chunk.
pub(crate) fn plain_id(chunk: &str) -> Option<&str> {
    for line in chunk.lines().skip(1) {
        let line = line.trim();
        if line.starts_with('[') {
            return None;
        }
        let Some(rest) = line.strip_prefix("id") else {
            continue;
        };
        let rest = rest
            .trim_start()
            .strip_prefix('=')?
            .trim_start()
            .strip_prefix('"')?;
        let end = rest.find('"')?;
        let id = &rest[..end];
        let after = rest[end + 1..].trim();
        return (!id.contains('\\') && (after.is_empty() || after.starts_with('#'))).then_some(id);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_ladder_splits_into_its_seven_roles() {
        let chunks = split(crate::load::EMBEDDED).expect("splits");
        assert_eq!(chunks.roles.len(), 7);
        assert!(chunks.head.contains("[[track]]"));
        assert!(!chunks.head.lines().any(|l| l.starts_with("[[role]]")));
        let ids: Vec<Option<&str>> = chunks.roles.iter().map(|(_, c)| plain_id(c)).collect();
        assert_eq!(ids[0], Some("L1-junior-security-analyst"));
        assert_eq!(ids[6], Some("L4-technical-lead"));
    }

    #[test]
    fn headers_inside_strings_and_arrays_do_not_split() {
        let text = "name = \"x\"\nabout = \"\"\"\n[[role]]\n\"\"\"\nlevels = [\n[\"a\"]]\n[[role]]\nid = \"r\"\n";
        let chunks = split(text).expect("splits");
        assert_eq!(chunks.roles.len(), 1);
        assert_eq!(chunks.roles[0].1, "[[role]]\nid = \"r\"\n");
    }

    #[test]
    fn a_table_after_the_roles_or_an_odd_header_gives_up() {
        assert_eq!(split("[[role]]\nid = \"a\"\n[[track]]\nid = \"t\"\n"), None);
        assert_eq!(split("[[\"role\"]]\nid = \"a\"\n"), None);
        assert_eq!(split("name = \"unterminated\n[[role]]\n"), None);
        assert!(
            split(
                "[[role]]\nid = \"a\"\n[role.dimensions.x]\nexamples = []\n[[role]]\nid = \"b\"\n"
            )
            .is_some()
        );
    }

    #[test]
    fn plain_ids_are_read_and_escaped_ones_are_not() {
        assert_eq!(plain_id("[[role]]\nid = \"L1-a\" # first\n"), Some("L1-a"));
        assert_eq!(plain_id("[[role]]\nid = \"L1\\u0041\"\n"), None);
        assert_eq!(
            plain_id("[[role]]\n[role.dimensions.x]\nid = \"no\"\n"),
            None
        );
    }

    #[test]
    fn a_backslash_at_the_end_of_the_text_gives_up_without_panicking() {
        for text in [
            r#"name = "\"#,
            r#"name = """\"#,
            r"name = '''\",
            r#"name = "abc\"#,
            r#"name = """abc\\\"#,
            "[[role]]\nid = \"\\",
            "[[role]]\nabout = \"\"\"\\",
        ] {
            assert_eq!(split(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_backslash_before_a_line_break_ends_no_basic_string() {
        // Invalid TOML: the parser of the whole file must report it, not a piece of it.
        assert_eq!(split("name = \"\\\n[[role]]\nid = \"a\"\n"), None);
        // In a multi-line string it trims the line break, and the string goes on.
        let text = "about = \"\"\"a \\\n b\"\"\"\n[[role]]\nid = \"a\"\n";
        assert_eq!(split(text).expect("splits").roles.len(), 1);
    }

    #[test]
    fn an_escape_before_a_multibyte_character_keeps_the_scan_on_course() {
        let text = "name = \"\\é\"\nabout = \"\"\"\\é\"\"\"\n[[role]]\nid = \"a\"\n";
        assert_eq!(split(text).expect("splits").roles.len(), 1);
    }

    #[test]
    fn every_prefix_of_the_embedded_ladder_splits_without_panicking() {
        let text = crate::load::EMBEDDED;
        let ends = text.char_indices().map(|(i, _)| i).step_by(7);
        for end in ends.chain([text.len()]) {
            // Any answer will do: a panic fails the test.
            let _ = split(&text[..end]);
        }
    }
}
