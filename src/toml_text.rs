//! Makes TOML text safe to print: every character [`crate::text::is_unsafe`] flags, inside a
//! string, becomes a TOML escape (`\u202E`), so the file means the same text and shows no raw
//! control or bidirectional character.

use crate::text::is_unsafe;

/// Rewrites the unsafe characters of TOML text (as the `toml` crate writes it) as escapes.
///
/// Basic strings (`"..."`, `"""..."""`) get `\uXXXX` escapes in place; a literal string
/// (`'...'`, `'''...'''`), which has no escapes, is rewritten as the basic string of the same
/// text when it holds an unsafe character. Outside strings (keys, comments) an unsafe character
/// is shown as `\u{..}`: the `toml` crate writes none there, so this only keeps a terminal safe.
pub fn escape_unsafe(toml: &str) -> String {
    if !toml.chars().any(is_unsafe) {
        return toml.to_string();
    }
    let mut out = String::with_capacity(toml.len() + 64);
    let mut rest = toml;
    while let Some(c) = rest.chars().next() {
        let taken = if rest.starts_with("\"\"\"") {
            basic(rest, "\"\"\"", &mut out)
        } else if rest.starts_with('"') {
            basic(rest, "\"", &mut out)
        } else if rest.starts_with("'''") {
            literal(rest, "'''", &mut out)
        } else if rest.starts_with('\'') {
            literal(rest, "'", &mut out)
        } else if c == '#' {
            let end = rest.find('\n').unwrap_or(rest.len());
            out.push_str(&crate::text::escape_controls(&rest[..end]));
            end
        } else {
            out.push_str(&crate::text::escape_controls(&rest[..c.len_utf8()]));
            c.len_utf8()
        };
        rest = &rest[taken..];
    }
    out
}

/// Copies a basic string that starts `text`, escaping unsafe characters; returns its length.
fn basic(text: &str, quote: &str, out: &mut String) -> usize {
    out.push_str(quote);
    let at = quote.len();
    let mut chars = text[at..].char_indices();
    while let Some((i, c)) = chars.next() {
        let here = at + i;
        if c == '\\' {
            // An escape: the backslash and the character after it are copied as they are.
            out.push(c);
            if let Some((_, next)) = chars.next() {
                out.push(next);
            }
            continue;
        }
        if let Some(len) = closing(&text[here..], quote) {
            out.push_str(&text[here..here + len]);
            return here + len;
        }
        push_char(c, out);
    }
    text.len()
}

/// Copies a literal string that starts `text`, as a basic string when it holds an unsafe
/// character; returns its length.
fn literal(text: &str, quote: &str, out: &mut String) -> usize {
    let body = &text[quote.len()..];
    let mut end = body.len();
    let mut close = 0;
    for (i, _) in body.char_indices() {
        if let Some(len) = closing(&body[i..], quote) {
            end = i + len - quote.len();
            close = quote.len();
            break;
        }
    }
    let content = &body[..end];
    if !content.chars().any(is_unsafe) {
        out.push_str(&text[..quote.len() + end + close]);
        return quote.len() + end + close;
    }
    let basic_quote = if quote.len() == 3 { "\"\"\"" } else { "\"" };
    out.push_str(basic_quote);
    for c in content.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c => push_char(c, out),
        }
    }
    out.push_str(basic_quote);
    quote.len() + end + close
}

/// The length of the closing delimiter at the start of `text`, with the one or two quotes
/// before it that belong to the string (`""""` ends a multi-line string with a quote).
fn closing(text: &str, quote: &str) -> Option<usize> {
    let q = quote.as_bytes()[0];
    let run = text.bytes().take_while(|b| *b == q).count();
    match quote.len() {
        1 => (run >= 1).then_some(1),
        _ => (run >= 3).then_some(run.min(5)),
    }
}

/// A character inside a basic string: as it is, or as a `\uXXXX` / `\UXXXXXXXX` escape.
fn push_char(c: char, out: &mut String) {
    if !is_unsafe(c) {
        out.push(c);
    } else if (c as u32) <= 0xffff {
        out.push_str(&format!("\\u{:04X}", c as u32));
    } else {
        out.push_str(&format!("\\U{:08X}", c as u32));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The TOML the `toml` crate writes for `text`, made safe, read back.
    fn round_trip(text: &str) -> (String, String) {
        let mut table = toml::Table::new();
        table.insert("key".into(), toml::Value::String(text.to_string()));
        let written = escape_unsafe(&toml::to_string(&table).expect("TOML"));
        let read: toml::Table = toml::from_str(&written).expect("still TOML");
        let back = read["key"].as_str().expect("string").to_string();
        (written, back)
    }

    #[test]
    fn every_kind_of_string_keeps_its_text_and_loses_its_unsafe_characters() {
        for text in [
            "plain \u{202e}reversed",
            "back\\slash \u{202e} and 'quote'",
            "double \"quote\" \u{202e} and back\\slash",
            "lines\nof text \u{202e}\nwith \\ and ''' and \"\"\"",
            "ends with quotes \u{202e}''",
            "ends with quotes \u{202e}\"\"",
            "\u{1b}[31m red \u{7} bell \u{85} next \u{2066}",
            "'single' \u{202e}",
        ] {
            let (written, back) = round_trip(text);
            assert_eq!(back, text, "{written}");
            assert!(!written.chars().any(is_unsafe), "{written}");
            assert!(
                written.contains("\\u202E") || !text.contains('\u{202e}'),
                "{written}"
            );
        }
    }

    #[test]
    fn safe_text_is_unchanged() {
        let text = "a = 'it\\'s'\nb = \"\"\"\nx\"\"\"\n";
        assert_eq!(escape_unsafe(text), text);
    }
}
