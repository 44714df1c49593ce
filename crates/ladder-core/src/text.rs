//! Makes untrusted ladder text safe to print: control and bidirectional characters become visible escapes.

use std::borrow::Cow;

/// The Unicode tables below, written by build.rs from regex-syntax's.
mod unicode {
    include!(concat!(env!("OUT_DIR"), "/unicode.rs"));
}

/// Whether a character must not reach a terminal raw, wherever it stands.
///
/// Newlines are allowed (long texts may hold paragraphs); every other control character, the
/// line and paragraph separators, the interlinear annotation characters, and every character
/// Unicode makes invisible by default (`Default_Ignorable_Code_Point`: the bidirectional
/// controls, zero-width spaces, the soft hyphen, fillers, variation selectors, the tag
/// characters that spell ASCII no one sees, …) are not. Two kinds of default-ignorable
/// character are kept: the zero-width joiner and non-joiner, which emoji sequences and several
/// scripts need, and the text and emoji presentation selectors (U+FE0E, U+FE0F), which are
/// safe only right after an emoji: [`escape_controls`] judges them by what they follow.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{fff9}'..='\u{fffb}')
        || (!c.is_ascii()
            && !matches!(c, '\u{200c}' | '\u{200d}' | '\u{fe0e}' | '\u{fe0f}')
            && within(unicode::DEFAULT_IGNORABLE, c))
}

/// Whether a character must not reach a terminal raw after `prev`: as [`is_unsafe`], and a
/// presentation selector that follows no emoji.
fn is_unsafe_after(prev: Option<char>, c: char) -> bool {
    match c {
        '\u{fe0e}' | '\u{fe0f}' => !prev.is_some_and(|p| within(unicode::EMOJI, p)),
        _ => is_unsafe(c),
    }
}

/// Whether a character is in a table of sorted, inclusive ranges.
fn within(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(start, end)| {
            if end < c {
                std::cmp::Ordering::Less
            } else if start > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Each character of a text with whether it must be escaped where it stands.
fn judged(s: &str) -> impl Iterator<Item = (char, bool)> + '_ {
    let mut prev = None;
    s.chars().map(move |c| {
        let judged = (c, is_unsafe_after(prev, c));
        prev = Some(c);
        judged
    })
}

/// Whether the text holds any character that [`escape_controls`] would rewrite.
pub fn has_controls(s: &str) -> bool {
    // Most texts are printable ASCII, which a byte test clears without decoding characters;
    // a fold, not `all`, so that the test runs on many bytes at once.
    let plain = s.bytes().fold(true, |plain, b| {
        plain & (matches!(b, b' '..=b'~') | (b == b'\n'))
    });
    !plain && judged(s).any(|(_, bad)| bad)
}

/// Rewrites every unsafe character as a visible Rust-style escape such as `\u{1b}`.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !has_controls(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (c, bad) in judged(s) {
        if bad {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// How many characters of an untrusted text a message quotes; the rest is cut with `…`.
pub const QUOTED_CHARS: usize = 60;

/// A text as a message quotes it: in double quotes, escaped as Rust's `{:?}` escapes it (so
/// no control or bidirectional character gets through), and cut with `…` after
/// [`QUOTED_CHARS`] characters. A message that quotes a megabyte id stays one short line.
pub fn quoted(s: &str) -> String {
    let shown = match s.char_indices().nth(QUOTED_CHARS) {
        Some((cut, _)) => {
            let head = format!("{:?}", &s[..cut]);
            format!("{}…\"", &head[..head.len() - 1])
        }
        None => format!("{s:?}"),
    };
    escape_controls(&shown).into_owned()
}

/// A text cut after [`QUOTED_CHARS`] characters with `…`, and escaped: for a short value a
/// message shows unquoted, such as a level.
pub fn cut(s: &str) -> Cow<'_, str> {
    match s.char_indices().nth(QUOTED_CHARS) {
        Some((at, _)) => Cow::Owned(escape_controls(&s[..at]).into_owned() + "…"),
        None => escape_controls(s),
    }
}

/// How many items of a list a message names; it counts the rest.
pub const NAMED_ITEMS: usize = 8;

/// A list as a message names it: the first [`NAMED_ITEMS`] items joined with `, `, then
/// how many more there are, so that a message about a catalogue of thousands of ladders stays
/// one short line: `a, b, c, d, e, f, g, h and 4992 more`.
pub fn some_of<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let mut out = String::new();
    let mut more = 0usize;
    for (i, item) in items.into_iter().enumerate() {
        match i {
            0 => out += item.as_ref(),
            i if i < NAMED_ITEMS => {
                out += ", ";
                out += item.as_ref();
            }
            _ => more += 1,
        }
    }
    if more > 0 {
        out += &format!(" and {more} more");
    }
    out
}

/// How many characters of a long name [`cut_middle`] keeps from its start, and from its end.
const HEAD_CHARS: usize = 60;
const TAIL_CHARS: usize = 100;

/// A name such as a file path, escaped, and when longer than any path the system opens (an
/// argument may be 128 KiB) cut in the middle with `…`: a message quoting it stays one short
/// line that still shows where the path starts and the file name it ends in.
pub fn cut_middle(name: &str) -> String {
    let chars = name.chars().count();
    if chars <= HEAD_CHARS + 1 + TAIL_CHARS {
        return escape_controls(name).into_owned();
    }
    let head: String = name.chars().take(HEAD_CHARS).collect();
    let tail: String = name.chars().skip(chars - TAIL_CHARS).collect();
    format!("{}…{}", escape_controls(&head), escape_controls(&tail))
}

/// Whether a text may serve as an id: only ASCII letters, digits, `-`, `_` and `.`, starting
/// with a letter or a digit. Ids end up in shell completion scripts, file names and Markdown;
/// this alphabet means no shell, file system or renderer reads anything into them, and the
/// first character means no id is a hidden file (`.x`), a parent folder (`..`) or an option
/// (`-rf`).
pub fn is_safe_id(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric)
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// An id made from a name, in the alphabet of [`is_safe_id`]: ASCII letters and digits kept,
/// common accented Latin letters without their accent (`é` → `e`, `ß` → `ss`), any other
/// letter or digit spelled as its code point (`u5b89`), and every other run of characters one
/// dash: `Técnica / Équipe` becomes `Tecnica-Equipe`. Empty when the name has no letter or digit.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(plain) = unaccented(c) {
            out.push_str(plain);
        } else if c.is_alphanumeric() {
            out.push_str(&format!("u{:x}", c as u32));
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The ASCII spelling of a common accented Latin letter.
fn unaccented(c: char) -> Option<&'static str> {
    const FROM: [&str; 14] = [
        "àáâãäå",
        "ÀÁÂÃÄÅ",
        "çč",
        "ÇČ",
        "èéêëě",
        "ÈÉÊËĚ",
        "ìíîï",
        "ÌÍÎÏ",
        "ñń",
        "ÑŃ",
        "òóôõöø",
        "ÒÓÔÕÖØ",
        "ùúûüů",
        "ÙÚÛÜŮ",
    ];
    const TO: [&str; 14] = [
        "a", "A", "c", "C", "e", "E", "i", "I", "n", "N", "o", "O", "u", "U",
    ];
    match c {
        'ß' => Some("ss"),
        'æ' => Some("ae"),
        'Æ' => Some("AE"),
        'œ' => Some("oe"),
        'Œ' => Some("OE"),
        'ý' | 'ÿ' => Some("y"),
        'Ý' => Some("Y"),
        'š' => Some("s"),
        'Š' => Some("S"),
        'ž' => Some("z"),
        'Ž' => Some("Z"),
        _ => FROM.iter().position(|set| set.contains(c)).map(|i| TO[i]),
    }
}

/// Whether a character ends a line somewhere: line feed, carriage return, vertical tab, form
/// feed, next line, and the Unicode line and paragraph separators.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_is_cut_after_sixty_characters_and_escaped() {
        assert_eq!(quoted("short"), "\"short\"");
        assert_eq!(quoted(&"é".repeat(60)), format!("\"{}\"", "é".repeat(60)));
        assert_eq!(quoted(&"é".repeat(61)), format!("\"{}…\"", "é".repeat(60)));
        let hostile = format!("\u{1b}[31m\u{202e}{}", "x".repeat(1000));
        assert_eq!(
            quoted(&hostile),
            format!("\"\\u{{1b}}[31m\\u{{202e}}{}…\"", "x".repeat(54))
        );
    }

    #[test]
    fn cut_text_keeps_sixty_characters_and_escapes_them() {
        assert!(matches!(cut("L3"), Cow::Borrowed("L3")));
        assert_eq!(cut(&"L".repeat(61)), format!("{}…", "L".repeat(60)));
        assert_eq!(cut("a\u{1b}b"), "a\\u{1b}b");
    }

    #[test]
    fn lists_in_messages_name_the_first_items_and_count_the_rest() {
        assert_eq!(some_of(["a"]), "a");
        let eight: Vec<String> = (1..=8).map(|i| i.to_string()).collect();
        assert_eq!(some_of(&eight), "1, 2, 3, 4, 5, 6, 7, 8");
        let many = (1..=5000).map(|i| i.to_string());
        assert_eq!(some_of(many), "1, 2, 3, 4, 5, 6, 7, 8 and 4992 more");
        assert_eq!(some_of(Vec::<&str>::new()), "");
    }

    #[test]
    fn long_names_are_cut_in_the_middle_and_escaped() {
        assert_eq!(cut_middle("a/b\u{1b}.toml"), "a/b\\u{1b}.toml");
        let exact = "p".repeat(161);
        assert_eq!(cut_middle(&exact), exact);
        let long = format!("{}\u{1b}{}/end.md", "h".repeat(60), "x".repeat(1000));
        assert_eq!(
            cut_middle(&long),
            format!("{}…{}/end.md", "h".repeat(60), "x".repeat(93))
        );
    }

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let s = "Owns own work.\nSecond line 🦉";
        assert!(matches!(escape_controls(s), Cow::Borrowed(t) if t == s));
    }

    #[test]
    fn escapes_terminal_controls_and_bidi_overrides() {
        let s = "a\u{1b}[2Jb\u{7}c\rd\u{202e}e\u{2066}f\tg";
        assert_eq!(
            escape_controls(s),
            "a\\u{1b}[2Jb\\u{7}c\\u{d}d\\u{202e}e\\u{2066}f\\u{9}g"
        );
    }

    #[test]
    fn invisible_format_characters_are_escaped() {
        // Word joiner, invisible operators, Mongolian vowel separator, soft hyphen, deprecated
        // format characters, interlinear annotation, and the tag characters that spell hidden
        // ASCII ("ASCII smuggling").
        let s = "a\u{2060}b\u{2061}c\u{2064}d\u{180e}e\u{ad}f\u{206a}g\u{fff9}h\u{e0001}i\u{e0041}j\u{e007f}";
        assert_eq!(
            escape_controls(s),
            "a\\u{2060}b\\u{2061}c\\u{2064}d\\u{180e}e\\u{ad}f\\u{206a}g\\u{fff9}h\\u{e0001}i\\u{e0041}j\\u{e007f}"
        );
        // Joiners are kept: emoji sequences and several scripts need them.
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} \u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645} \u{2764}\u{fe0f}";
        assert!(matches!(escape_controls(family), Cow::Borrowed(_)));
    }

    #[test]
    fn the_ascii_shortcut_finds_what_the_character_test_finds() {
        for b in 0u8..=0x7f {
            for s in [format!("ab{}c", b as char), format!("é{}", b as char)] {
                assert_eq!(
                    has_controls(&s),
                    s.chars().any(is_unsafe),
                    "{b:#x} in {s:?}"
                );
            }
        }
        assert!(!has_controls("Owns the backlog.\nNext line."));
        assert!(has_controls("a\tb"));
    }

    #[test]
    fn every_default_ignorable_character_is_escaped_but_joiners_and_emoji_selectors() {
        for c in [
            '\u{34f}',
            '\u{115f}',
            '\u{1160}',
            '\u{17b4}',
            '\u{17b5}',
            '\u{3164}',
            '\u{ffa0}',
            '\u{1d173}',
            '\u{1d17a}',
            '\u{fe00}',
            '\u{fe0d}',
            '\u{e0100}',
            '\u{e01ef}',
        ] {
            let s = format!("a{c}b");
            assert_eq!(
                escape_controls(&s),
                format!("a\\u{{{:x}}}b", c as u32),
                "{c:?}"
            );
        }
        // What a hand-kept list named before the table took its place.
        for c in [
            '\u{ad}',
            '\u{61c}',
            '\u{180e}',
            '\u{200b}',
            '\u{200e}',
            '\u{200f}',
            '\u{2028}',
            '\u{2029}',
            '\u{202a}',
            '\u{2063}',
            '\u{206f}',
            '\u{feff}',
            '\u{fffb}',
            '\u{e0000}',
        ] {
            assert!(is_unsafe(c), "{c:?}");
        }
        // Presentation selectors: kept after an emoji (a heart, a keycap digit), escaped after
        // a letter or another selector.
        for kept in ["\u{2764}\u{fe0f}", "1\u{fe0f}\u{20e3}", "\u{263a}\u{fe0e}"] {
            assert!(
                matches!(escape_controls(kept), Cow::Borrowed(_)),
                "{kept:?}"
            );
        }
        assert_eq!(escape_controls("a\u{fe0f}"), "a\\u{fe0f}");
        assert_eq!(
            escape_controls("\u{1f989}\u{fe0f}\u{fe0f}"),
            "\u{1f989}\u{fe0f}\\u{fe0f}"
        );
    }

    #[test]
    fn c1_controls_are_escaped_too() {
        assert_eq!(escape_controls("x\u{9b}31m"), "x\\u{9b}31m");
    }

    #[test]
    fn safe_ids_are_plain_ascii_words() {
        for id in ["L3-senior-analyst", "a_b.c", "x", "0"] {
            assert!(is_safe_id(id), "{id}");
        }
        for id in [
            "",
            "t$(touch X)",
            "a`touch Y`",
            "x\";touch Z;\"",
            "a b",
            "café",
            "a\nb",
            "a/b",
            ".hid",
            "..",
            "-rf",
            "_x",
        ] {
            assert!(!is_safe_id(id), "{id}");
        }
    }

    #[test]
    fn every_vertical_break_is_a_line_break() {
        for c in [
            '\n', '\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}',
        ] {
            assert!(is_line_break(c), "{c:?}");
        }
        assert!(!is_line_break('\t') && !is_line_break(' '));
    }

    #[test]
    fn slugs_are_safe_ids() {
        assert_eq!(slug("Técnica / Équipe"), "Tecnica-Equipe");
        assert_eq!(slug("Level 2"), "Level-2");
        assert_eq!(slug("Straße über"), "Strasse-uber");
        assert_eq!(slug("安全 team"), "u5b89u5168-team");
        assert_eq!(slug("t$(touch X)"), "t-touch-X");
        assert_eq!(slug("!!!"), "");
        for name in ["Técnica / Équipe", "安全", "a`b`", "x\";y;\"", "  lead  "] {
            assert!(is_safe_id(&slug(name)), "{name}");
        }
    }
}
