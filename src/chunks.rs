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
    pub head: &'a str,
    /// Each role table, from its `[[role]]` header up to the next one, with its byte offset.
    pub roles: Vec<(usize, &'a str)>,
}

/// Where the scanner is in the TOML text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Normal,
    Basic,
    Literal,
    MultiBasic,
    MultiLiteral,
    Comment,
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
pub fn split(text: &str) -> Option<Chunks<'_>> {
    let bytes = text.as_bytes();
    let mut state = State::Normal;
    let mut depth: usize = 0; // brackets and braces open around values
    let mut line_start = true;
    let mut roles: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if state == State::Normal && !line_start {
            // Between strings, skip what cannot change the state: keys, spaces, commas.
            while i < bytes.len() && !STRUCTURAL[bytes[i] as usize] {
                i += 1;
            }
            if i == bytes.len() {
                break;
            }
        }
        let b = bytes[i];
        if line_start && state == State::Normal && depth == 0 {
            // A table header starts a line outside any string or value.
            let rest = &text[i..];
            let trimmed = rest.trim_start_matches([' ', '\t']);
            if trimmed.starts_with('[') {
                let at = i + (rest.len() - trimmed.len());
                let line = trimmed.split('\n').next().unwrap_or("");
                let header = header_of(line)?;
                match (header.as_str(), roles.is_empty()) {
                    ("[[role]]", _) => roles.push(at),
                    // Sub-tables of the current role: `[role.attributes]`, `[[role.dimensions.x.expectations]]`.
                    (h, false) if h.starts_with("[role.") || h.starts_with("[[role.") => {}
                    (h, _) if h.contains("role") => return None,
                    (_, false) => return None, // a table after the roles
                    (_, true) => {}
                }
                // Skip the header line itself.
                i = at + line.len();
                line_start = false;
                continue;
            }
        }
        line_start = false;
        match state {
            State::Normal => match b {
                b'#' => state = State::Comment,
                b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                    state = State::MultiBasic;
                    i += 3;
                    continue;
                }
                b'\'' if bytes[i..].starts_with(b"'''") => {
                    state = State::MultiLiteral;
                    i += 3;
                    continue;
                }
                b'"' => state = State::Basic,
                b'\'' => state = State::Literal,
                b'[' | b'{' => depth += 1,
                b']' | b'}' => depth = depth.checked_sub(1)?,
                b'\n' => line_start = true,
                _ => {}
            },
            State::Comment => match memchr::memchr(b'\n', &bytes[i..]) {
                Some(n) => {
                    i += n;
                    state = State::Normal;
                    line_start = true;
                }
                None => i = bytes.len(),
            },
            State::Basic => {
                // Most of a ladder is text inside strings: jump to the next byte that matters.
                match memchr::memchr3(b'"', b'\\', b'\n', &bytes[i..]) {
                    Some(n) => i += n,
                    None => return None,
                }
                match bytes[i] {
                    b'\\' => i += 1,
                    b'"' => state = State::Normal,
                    _ => return None, // an unterminated string: let the parser say so
                }
            }
            State::Literal => match memchr::memchr2(b'\'', b'\n', &bytes[i..]) {
                Some(n) if bytes[i + n] == b'\'' => {
                    i += n;
                    state = State::Normal;
                }
                _ => return None,
            },
            State::MultiBasic => match b {
                b'\\' => i += 1,
                b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                    // Up to two more quotes may close the string as part of its content.
                    let mut end = i + 3;
                    while end < bytes.len() && bytes[end] == b'"' && end < i + 5 {
                        end += 1;
                    }
                    state = State::Normal;
                    i = end;
                    continue;
                }
                _ => {}
            },
            State::MultiLiteral => {
                if bytes[i..].starts_with(b"'''") {
                    let mut end = i + 3;
                    while end < bytes.len() && bytes[end] == b'\'' && end < i + 5 {
                        end += 1;
                    }
                    state = State::Normal;
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }
    if !matches!(state, State::Normal | State::Comment) || depth != 0 {
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
pub fn plain_id(chunk: &str) -> Option<&str> {
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
        let chunks = split(crate::ladder::EMBEDDED).expect("splits");
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
}
