//! The texts of a ladder, each with its path and kind, and the checks on single texts: none
//! empty, none with characters shown escaped, one-line fields on one line.

use std::fmt;

use super::finding::{Seg, Severity, field, in_role, key};
use crate::model::Ladder;
use crate::text;

/// Whether any text of the ladder passes the test; the same texts as [`texts`], without paths.
pub(super) fn any_text(ladder: &Ladder, test: impl FnMut(&str) -> bool) -> bool {
    let l = ladder;
    [l.name.as_str()]
        .into_iter()
        .chain(l.motto.as_deref())
        .chain(l.about.as_deref())
        .chain(l.levels.iter().map(String::as_str))
        .chain(
            l.disciplines
                .iter()
                .flat_map(|d| [d.id.as_str(), &d.name, &d.definition]),
        )
        .chain(
            l.attributes
                .iter()
                .flat_map(|a| [a.id.as_str(), &a.name, &a.meaning]),
        )
        .chain(l.dimensions.iter().flat_map(|d| {
            [d.id.as_str(), &d.name]
                .into_iter()
                .chain(d.themes.iter().flat_map(|t| [t.id.as_str(), &t.name]))
        }))
        .chain(
            l.bands
                .iter()
                .flat_map(|b| [b.id.as_str(), &b.name, &b.meaning]),
        )
        .chain(l.tracks.iter().flat_map(|t| [t.id.as_str(), &t.name]))
        .chain(l.roles.iter().flat_map(|r| {
            [r.id.as_str(), &r.title, &r.summary]
                .into_iter()
                .chain(r.attributes.values().map(String::as_str))
                .chain(r.dimensions.values().flat_map(|rd| {
                    rd.expectations
                        .iter()
                        .map(|e| e.text.as_str())
                        .chain(rd.examples.iter().map(String::as_str))
                }))
        }))
        .any(test)
}

/// What kind of text a field holds: ids and names identify, values describe a level, prose explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextKind {
    Id,
    Name,
    Value,
    Prose,
}

impl TextKind {
    pub(super) fn is_prose(self) -> bool {
        self == TextKind::Prose
    }
}

impl fmt::Display for TextKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TextKind::Id => "an id",
            TextKind::Name => "a name",
            TextKind::Value => "a value",
            TextKind::Prose => "a text",
        })
    }
}

/// Every text of the ladder with its path and kind, in file order.
pub(super) fn texts(ladder: &Ladder) -> Vec<(Vec<Seg>, &str, TextKind)> {
    let mut out: Vec<(Vec<Seg>, &str, TextKind)> = Vec::new();
    out.push((vec![key("name")], &ladder.name, TextKind::Name));
    if let Some(m) = &ladder.motto {
        out.push((vec![key("motto")], m, TextKind::Name));
    }
    if let Some(a) = &ladder.about {
        out.push((vec![key("about")], a, TextKind::Prose));
    }
    for (i, l) in ladder.levels.iter().enumerate() {
        out.push((vec![key("levels"), Seg::Index(i)], l, TextKind::Id));
    }
    for (i, d) in ladder.disciplines.iter().enumerate() {
        out.push((field("discipline", i, "id"), &d.id, TextKind::Id));
        out.push((field("discipline", i, "name"), &d.name, TextKind::Name));
        out.push((
            field("discipline", i, "definition"),
            &d.definition,
            TextKind::Prose,
        ));
    }
    for (i, a) in ladder.attributes.iter().enumerate() {
        out.push((field("attribute", i, "id"), &a.id, TextKind::Id));
        out.push((field("attribute", i, "name"), &a.name, TextKind::Name));
        out.push((
            field("attribute", i, "meaning"),
            &a.meaning,
            TextKind::Prose,
        ));
    }
    for (i, d) in ladder.dimensions.iter().enumerate() {
        out.push((field("dimension", i, "id"), &d.id, TextKind::Id));
        out.push((field("dimension", i, "name"), &d.name, TextKind::Name));
        for (ti, t) in d.themes.iter().enumerate() {
            let at = |f: &str| {
                let mut at = field("dimension", i, "themes");
                at.extend([Seg::Index(ti), key(f)]);
                at
            };
            out.push((at("id"), &t.id, TextKind::Id));
            out.push((at("name"), &t.name, TextKind::Name));
        }
    }
    for (i, b) in ladder.bands.iter().enumerate() {
        out.push((field("band", i, "id"), &b.id, TextKind::Id));
        out.push((field("band", i, "name"), &b.name, TextKind::Name));
        out.push((field("band", i, "meaning"), &b.meaning, TextKind::Prose));
    }
    for (i, t) in ladder.tracks.iter().enumerate() {
        out.push((field("track", i, "id"), &t.id, TextKind::Id));
        out.push((field("track", i, "name"), &t.name, TextKind::Name));
    }
    role_texts(ladder, &mut out);
    out
}

/// The texts of the roles, for [`texts`]: each role's own, then its attribute values, then
/// each dimension's expectations and examples.
fn role_texts<'a>(ladder: &'a Ladder, out: &mut Vec<(Vec<Seg>, &'a str, TextKind)>) {
    for (i, r) in ladder.roles.iter().enumerate() {
        out.push((field("role", i, "id"), &r.id, TextKind::Id));
        out.push((field("role", i, "title"), &r.title, TextKind::Name));
        out.push((field("role", i, "summary"), &r.summary, TextKind::Prose));
        for (k, v) in &r.attributes {
            out.push((in_role(i, &["attributes", k]), v, TextKind::Value));
        }
        for (d, rd) in &r.dimensions {
            let base = || in_role(i, &["dimensions", d]);
            for (ei, e) in rd.expectations.iter().enumerate() {
                let mut at = base();
                at.extend([key("expectations"), Seg::Index(ei), key("text")]);
                out.push((at, &e.text, TextKind::Prose));
            }
            for (xi, x) in rd.examples.iter().enumerate() {
                let mut at = base();
                at.extend([key("examples"), Seg::Index(xi)]);
                out.push((at, x, TextKind::Prose));
            }
        }
    }
}

/// Reports every one-line field (names, titles, the motto, emoji) that holds a line break: one
/// in a title would end a Markdown heading or a Mermaid label early.
pub(super) fn on_one_line(ladder: &Ladder, report: &mut impl FnMut(Severity, Vec<Seg>, String)) {
    let mut line = |what: &str, value: &str, at: &dyn Fn() -> Vec<Seg>| {
        if value.contains(text::is_line_break) {
            let message = format!("this {what} holds a line break; a {what} must fit on one line");
            report(Severity::Error, at(), message);
        }
    };
    line("name", &ladder.name, &|| vec![key("name")]);
    if let Some(m) = &ladder.motto {
        line("motto", m, &|| vec![key("motto")]);
    }
    for (i, d) in ladder.disciplines.iter().enumerate() {
        line("name", &d.name, &|| field("discipline", i, "name"));
    }
    for (i, a) in ladder.attributes.iter().enumerate() {
        line("name", &a.name, &|| field("attribute", i, "name"));
    }
    for (i, d) in ladder.dimensions.iter().enumerate() {
        line("name", &d.name, &|| field("dimension", i, "name"));
        if let Some(e) = &d.emoji {
            line("emoji", e, &|| field("dimension", i, "emoji"));
        }
        for (ti, t) in d.themes.iter().enumerate() {
            line("name", &t.name, &|| {
                let mut at = field("dimension", i, "themes");
                at.extend([Seg::Index(ti), key("name")]);
                at
            });
        }
    }
    for (i, b) in ladder.bands.iter().enumerate() {
        line("name", &b.name, &|| field("band", i, "name"));
    }
    for (i, t) in ladder.tracks.iter().enumerate() {
        line("name", &t.name, &|| field("track", i, "name"));
    }
    for (i, r) in ladder.roles.iter().enumerate() {
        line("title", &r.title, &|| field("role", i, "title"));
    }
}

/// Reports empty texts anywhere (errors) and, with `warnings`, texts holding characters that
/// will be shown escaped.
///
/// Paths cost an allocation per text, so without warnings they are built only when some text
/// is empty.
pub(super) fn filled_and_plain(
    ladder: &Ladder,
    warnings: bool,
    report: &mut impl FnMut(Severity, Vec<Seg>, String),
) {
    if !warnings && !any_text(ladder, |t| t.trim().is_empty()) {
        return;
    }
    for (at, value, kind) in texts(ladder) {
        if value.trim().is_empty() {
            report(Severity::Error, at, format!("{kind} is empty"));
        } else if warnings && text::has_controls(value) {
            report(
                Severity::Warning,
                at,
                format!(
                    "{kind} holds control or bidirectional characters; they are shown as escapes"
                ),
            );
        }
    }
}
