//! Writes a ladder as TOML in the layout of `data/ladder.toml`, as it goes, safe to print.
//!
//! `ladder import` writes its ladder through here rather than through the `toml` crate's
//! serializer, for three reasons: the text streams to its destination instead of being held
//! (twice) in memory; the layout is the compact one a person writes (an inline table per
//! expectation, not an `[[role.dimensions.X.expectations]]` table), which is also smaller and
//! cheaper to load (BENCHMARKS.md, "Figures the code relies on"); and every character
//! [`crate::text::is_unsafe`] flags is written as a TOML escape (`\u202E`) as the string is
//! written, so no raw control or bidirectional character reaches a terminal. The tests below
//! and the property tests (the `ladder` crate's `src/proptests.rs`) hold the invariant `ladder import` relies on
//! instead of parsing its own output again: the text parses back to exactly the ladder
//! written.

use std::io::{self, Write};

use crate::model::{Ladder, Role, Track};
use crate::text::is_unsafe;

/// Writes `ladder` as TOML, every `[[role]]` table last (the layout [`crate::load::chunks`] splits).
pub fn write(ladder: &Ladder, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    write_with(ladder, &|_| None, out)
}

/// As [`write`], with a comment line (words of ours, never the ladder's text) above each
/// `[[track]]` that `comment` has one for.
pub fn write_with(
    ladder: &Ladder,
    comment: &dyn Fn(&Track) -> Option<String>,
    out: &mut (impl Write + ?Sized),
) -> io::Result<()> {
    write!(out, "name = ")?;
    string(&ladder.name, out)?;
    for (key, value) in [("motto", &ladder.motto), ("about", &ladder.about)] {
        if let Some(value) = value {
            write!(out, "\n{key} = ")?;
            string(value, out)?;
        }
    }
    write!(out, "\nlevels = ")?;
    strings_inline(&ladder.levels, out)?;
    if ladder.dimensions.is_empty() {
        // The one required table list: absent, the file would not parse.
        write!(out, "\ndimension = []")?;
    }
    writeln!(out)?;
    for d in &ladder.disciplines {
        table("discipline", &[("id", &d.id), ("name", &d.name)], out)?;
        pair("definition", &d.definition, out)?;
    }
    for a in &ladder.attributes {
        table("attribute", &[("id", &a.id), ("name", &a.name)], out)?;
        pair("meaning", &a.meaning, out)?;
    }
    for d in &ladder.dimensions {
        table("dimension", &[("id", &d.id), ("name", &d.name)], out)?;
        if let Some(emoji) = &d.emoji {
            pair("emoji", emoji, out)?;
        }
        write!(out, "themes = [")?;
        for t in &d.themes {
            write!(out, "\n  {{ id = ")?;
            string(&t.id, out)?;
            write!(out, ", name = ")?;
            string(&t.name, out)?;
            write!(out, " }},")?;
        }
        writeln!(out, "{}]", if d.themes.is_empty() { "" } else { "\n" })?;
    }
    for b in &ladder.bands {
        table("band", &[("id", &b.id), ("name", &b.name)], out)?;
        pair("meaning", &b.meaning, out)?;
    }
    for t in &ladder.tracks {
        if let Some(text) = comment(t) {
            write!(out, "\n# {text}")?;
        }
        table("track", &[("id", &t.id), ("name", &t.name)], out)?;
        write!(out, "roles = ")?;
        strings_inline(&t.roles, out)?;
        writeln!(out)?;
    }
    let attributes: Vec<&str> = ladder.attributes.iter().map(|a| a.id.as_str()).collect();
    let dimensions: Vec<&str> = ladder.dimensions.iter().map(|d| d.id.as_str()).collect();
    for role in &ladder.roles {
        write_role(role, [&attributes, &dimensions], out)?;
    }
    Ok(())
}

/// A role's entries in the order the ladder declares their ids (`declared`), then any it
/// does not declare, by id: a role's values and dimensions read in the ladder's own order, so
/// a file written back from an import diffs quietly against the one it came from.
fn in_order<'a, V>(
    map: &'a std::collections::BTreeMap<String, V>,
    declared: &[&str],
) -> Vec<(&'a String, &'a V)> {
    // An id declared twice (a file `validate` refuses, which the writer still writes) is
    // written once.
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let first = (declared.iter())
        .filter(|id| seen.insert(id))
        .filter_map(|id| map.get_key_value(*id));
    let mut out: Vec<(&String, &V)> = first.collect();
    out.extend(map.iter().filter(|(id, _)| !seen.contains(id.as_str())));
    out
}

/// One `[[role]]` table with its attribute values and one table per dimension.
fn write_role(
    role: &Role,
    [attributes, dimensions]: [&[&str]; 2],
    out: &mut (impl Write + ?Sized),
) -> io::Result<()> {
    table(
        "role",
        &[
            ("id", &role.id),
            ("level", &role.level),
            ("title", &role.title),
            ("summary", &role.summary),
        ],
        out,
    )?;
    write!(out, "\n[role.attributes]\n")?;
    for (id, value) in in_order(&role.attributes, attributes) {
        key(id, out)?;
        write!(out, " = ")?;
        string(value, out)?;
        writeln!(out)?;
    }
    for (id, rd) in in_order(&role.dimensions, dimensions) {
        write!(out, "\n[role.dimensions.")?;
        key(id, out)?;
        writeln!(out, "]")?;
        if let Some(summary) = &rd.summary {
            write!(out, "summary = ")?;
            string(summary, out)?;
            writeln!(out)?;
        }
        write!(out, "expectations = [")?;
        for e in &rd.expectations {
            write!(out, "\n  {{ ")?;
            if let Some(theme) = &e.theme {
                write!(out, "theme = ")?;
                string(theme, out)?;
                write!(out, ", ")?;
            }
            write!(out, "text = ")?;
            string(&e.text, out)?;
            write!(out, " }},")?;
        }
        let end = if rd.expectations.is_empty() { "" } else { "\n" };
        write!(out, "{end}]\nexamples = [")?;
        for example in &rd.examples {
            write!(out, "\n  ")?;
            string(example, out)?;
            write!(out, ",")?;
        }
        writeln!(out, "{}]", if rd.examples.is_empty() { "" } else { "\n" })?;
    }
    Ok(())
}

/// A `[[name]]` header after a blank line, then `key = "value"` lines.
fn table(name: &str, pairs: &[(&str, &String)], out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    write!(out, "\n[[{name}]]\n")?;
    for (k, v) in pairs {
        pair(k, v, out)?;
    }
    Ok(())
}

/// `key = "value"` and a line break; `key` is one of the format's own (bare) keys.
pub fn pair(key: &str, value: &str, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    write!(out, "{key} = ")?;
    string(value, out)?;
    writeln!(out)
}

/// `["a", "b"]` on one line.
pub fn strings_inline(values: &[String], out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    write!(out, "[")?;
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            write!(out, ", ")?;
        }
        string(v, out)?;
    }
    write!(out, "]")
}

/// A key: bare when TOML allows it (letters, digits, `-`, `_`), else a quoted string.
pub fn key(text: &str, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let bare = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if bare {
        out.write_all(text.as_bytes())
    } else {
        quoted(text, false, out)
    }
}

/// A string value: a multi-line basic string (`"""`) when it holds a line break, so a
/// paragraph reads as one, else a basic string (`"..."`).
pub fn string(text: &str, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    if text.contains('\n') {
        out.write_all(b"\"\"\"\n")?; // TOML drops a line break right after the opening quotes.
        quoted_body(text, true, out)?;
        out.write_all(b"\"\"\"")
    } else {
        quoted(text, false, out)
    }
}

/// `"text"` with every character a basic string cannot hold as it is, or that must not reach
/// a terminal raw, escaped.
fn quoted(text: &str, multiline: bool, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    out.write_all(b"\"")?;
    quoted_body(text, multiline, out)?;
    out.write_all(b"\"")
}

/// The inside of a basic string: safe runs copied whole, the rest escaped. In a multi-line
/// string a line feed stays a line break; every quote is escaped, so no run of them can end
/// the string early.
fn quoted_body(text: &str, multiline: bool, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let escape: Option<&str> = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\n' if multiline => None,
            '\n' => Some("\\n"),
            '\t' => Some("\\t"),
            '\r' => Some("\\r"),
            c if is_unsafe(c) => Some(""),
            _ => None,
        };
        let Some(escape) = escape else { continue };
        out.write_all(&text.as_bytes()[start..i])?;
        if escape.is_empty() {
            unicode_escape(c, out)?;
        } else {
            out.write_all(escape.as_bytes())?;
        }
        start = i + c.len_utf8();
    }
    out.write_all(&text.as_bytes()[start..])
}

/// `\uXXXX`, or `\UXXXXXXXX` past the basic plane.
fn unicode_escape(c: char, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    if (c as u32) <= 0xffff {
        write!(out, "\\u{:04X}", c as u32)
    } else {
        write!(out, "\\U{:08X}", c as u32)
    }
}

/// How many bytes [`write`] writes for `ladder`, found by writing it nowhere.
pub fn size(ladder: &Ladder) -> io::Result<u64> {
    let mut counter = Counter(0);
    write(ladder, &mut counter)?;
    Ok(counter.0)
}

/// A sink that counts what is written to it.
struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// How many bytes [`write_with`] writes.
pub fn size_with(ladder: &Ladder, comment: &dyn Fn(&Track) -> Option<String>) -> io::Result<u64> {
    let mut counter = Counter(0);
    write_with(ladder, comment, &mut counter)?;
    Ok(counter.0)
}

/// The TOML of `ladder` as text.
pub fn to_string(ladder: &Ladder) -> io::Result<String> {
    let mut bytes = Vec::new();
    write(ladder, &mut bytes)?;
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use proptest::test_runner::Config;

    use super::*;
    use crate::model::{
        Attribute, Band, Dimension, Discipline, Expectation, RoleDimension, Theme, Track,
    };

    /// `default` cases, or `PROPTEST_CASES` when set, as the `ladder` crate's property tests
    /// take it.
    fn cases(default: u32) -> u32 {
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(default)
    }

    /// The text written for `ladder`, checked to parse back to it whole and piece by piece.
    fn round_trip(ladder: &Ladder) -> String {
        let text = to_string(ladder).expect("written");
        let whole: Ladder = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(&whole, ladder, "{text}");
        assert_eq!(&Ladder::parse(&text).expect("parses"), ladder, "{text}");
        assert!(!text.chars().any(is_unsafe), "{text}");
        assert_eq!(size(ladder).expect("counted"), text.len() as u64);
        text
    }

    fn small() -> Ladder {
        let mut dimensions = BTreeMap::new();
        dimensions.insert(
            "craft".to_string(),
            RoleDimension {
                summary: Some("I own the \"craft\".".into()),
                expectations: vec![
                    Expectation {
                        theme: Some("depth".into()),
                        text: "Ships \"it\".".into(),
                    },
                    Expectation {
                        theme: None,
                        text: "Asks \u{202e}early.".into(),
                    },
                ],
                examples: vec!["Shipped.".into()],
            },
        );
        dimensions.insert("odd key.x".to_string(), RoleDimension::default());
        Ladder {
            name: "Small".into(),
            motto: None,
            about: Some("Two\nlines\\ end \"\"\"".into()),
            levels: vec!["L1".into()],
            disciplines: vec![],
            attributes: vec![Attribute {
                id: "scope".into(),
                name: "Scope".into(),
                meaning: "How far.".into(),
            }],
            dimensions: vec![Dimension {
                id: "craft".into(),
                name: "Craft".into(),
                emoji: Some("🔧".into()),
                themes: vec![Theme {
                    id: "depth".into(),
                    name: "Depth".into(),
                }],
            }],
            bands: vec![],
            tracks: vec![Track {
                id: "t".into(),
                name: "T".into(),
                roles: vec!["L1-a".into()],
            }],
            roles: vec![Role {
                id: "L1-a".into(),
                level: "L1".into(),
                title: "A".into(),
                summary: "Does\ta thing.".into(),
                attributes: [("scope".to_string(), "Team".to_string())].into(),
                dimensions,
            }],
            lookup: Default::default(),
        }
    }

    #[test]
    fn a_ladder_is_written_in_the_hand_written_layout() {
        assert_eq!(
            round_trip(&small()),
            r#"name = "Small"
about = """
Two
lines\\ end \"\"\""""
levels = ["L1"]

[[attribute]]
id = "scope"
name = "Scope"
meaning = "How far."

[[dimension]]
id = "craft"
name = "Craft"
emoji = "🔧"
themes = [
  { id = "depth", name = "Depth" },
]

[[track]]
id = "t"
name = "T"
roles = ["L1-a"]

[[role]]
id = "L1-a"
level = "L1"
title = "A"
summary = "Does\ta thing."

[role.attributes]
scope = "Team"

[role.dimensions.craft]
summary = "I own the \"craft\"."
expectations = [
  { theme = "depth", text = "Ships \"it\"." },
  { text = "Asks \u202Eearly." },
]
examples = [
  "Shipped.",
]

[role.dimensions."odd key.x"]
expectations = []
examples = []
"#
        );
    }

    #[test]
    fn every_kind_of_string_keeps_its_text_and_loses_its_unsafe_characters() {
        for text in [
            "",
            "plain \u{202e}reversed",
            "back\\slash \u{202e} and 'quote'",
            "lines\nof text \u{202e}\nwith \\ and ''' and \"\"\"",
            "ends with quotes \u{202e}''\n\"\"",
            "ends with a backslash\n\\",
            "\n\nstarts with line breaks",
            "windows\r\nlines\r\n",
            "\u{1b}[31m red \u{7} bell \u{85} next \u{2066} \u{0} nul \u{7f} \u{10ffff}",
            "'single' \u{202e}",
        ] {
            let mut ladder = small();
            ladder.name = text.to_string();
            ladder.about = Some(text.to_string());
            ladder.roles[0]
                .attributes
                .insert(text.to_string(), text.into());
            ladder.roles[0].dimensions.insert(
                text.to_string(),
                RoleDimension {
                    summary: Some(text.into()),
                    expectations: vec![Expectation {
                        theme: Some(text.into()),
                        text: text.into(),
                    }],
                    examples: vec![text.into()],
                },
            );
            round_trip(&ladder);
        }
    }

    #[test]
    fn a_ladder_without_dimensions_still_parses() {
        let mut ladder = small();
        ladder.dimensions.clear();
        ladder.tracks.clear();
        ladder.attributes.clear();
        ladder.roles.clear();
        assert!(round_trip(&ladder).contains("\ndimension = []\n"));
    }

    /// Any text at all, and text made of what TOML and terminals find hardest.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "(?s).{0,10}",
            "[a\"'\\\\\\n\\r\\t\\x00-\\x1f\\x7f\\u{85}\\u{202e}\\u{2066}#=\\[\\]{}. é🦉]{0,10}",
        ]
    }

    prop_compose! {
        fn role()(
            id in text(), level in text(), title in text(), summary in text(),
            attributes in prop::collection::btree_map(text(), text(), 0..3),
            dimensions in prop::collection::btree_map(
                text(),
                (prop::collection::vec((prop::option::of(text()), text()), 0..3),
                 prop::collection::vec(text(), 0..3), prop::option::of(text())),
                0..3),
        ) -> Role {
            let dimensions = dimensions.into_iter().map(|(k, (e, examples, summary))| {
                let expectations = e.into_iter().map(|(theme, text)| Expectation { theme, text }).collect();
                (k, RoleDimension { summary, expectations, examples })
            }).collect();
            Role { id, level, title, summary, attributes, dimensions }
        }
    }

    prop_compose! {
        fn ladder()(
            name in text(), motto in prop::option::of(text()), about in prop::option::of(text()),
            levels in prop::collection::vec(text(), 0..3),
            triples in prop::collection::vec((text(), text(), text()), 0..3),
            dimensions in prop::collection::vec(
                (text(), text(), prop::option::of(text()), prop::collection::vec((text(), text()), 0..3)),
                0..3),
            tracks in prop::collection::vec((text(), text(), prop::collection::vec(text(), 0..3)), 0..3),
            roles in prop::collection::vec(role(), 0..3),
        ) -> Ladder {
            Ladder {
                name, motto, about, levels,
                disciplines: triples.iter().map(|(id, name, definition)| Discipline { id: id.clone(), name: name.clone(), definition: definition.clone() }).collect(),
                attributes: triples.iter().map(|(id, name, meaning)| Attribute { id: id.clone(), name: name.clone(), meaning: meaning.clone() }).collect(),
                bands: triples.into_iter().map(|(id, name, meaning)| Band { id, name, meaning }).collect(),
                dimensions: dimensions.into_iter().map(|(id, name, emoji, themes)| Dimension {
                    id, name, emoji,
                    themes: themes.into_iter().map(|(id, name)| Theme { id, name }).collect(),
                }).collect(),
                tracks: tracks.into_iter().map(|(id, name, roles)| Track { id, name, roles }).collect(),
                roles,
                lookup: Default::default(),
            }
        }
    }

    proptest! {
        #![proptest_config(Config { cases: cases(256), ..Config::default() })]

        /// The invariant `ladder import` rests on: what is written parses back to the ladder.
        #[test]
        fn any_ladder_parses_back_to_itself(ladder in ladder()) {
            round_trip(&ladder);
        }
    }
}
