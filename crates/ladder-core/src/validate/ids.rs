//! Checks on ids: unique within their kind, and in the alphabet that is safe to pass on to
//! shells and Markdown.

use std::collections::HashSet;

use super::finding::{Seg, Severity, field, key, path_of};
use crate::model::{Item, Ladder, TextKind};
use crate::text::{self, quoted as q};

/// What ids may hold, as error messages say it.
const ID_ALPHABET: &str =
    "ASCII letters, digits, '-', '_' and '.', and start with a letter or digit";

/// Whether a reference to an id is worth looking up: one outside the id alphabet has its own
/// error already (see [`in_alphabet`]), and "unknown" on top of it would say nothing more.
pub(super) fn safe_ref(id: &str) -> bool {
    id.trim().is_empty() || text::is_safe_id(id)
}

/// Reports every id, declared or referred to, outside the alphabet of [`text::is_safe_id`].
///
/// Ids reach shell completion scripts and Markdown. Paths are built only for what is
/// reported, so a clean ladder costs one pass over its ids.
pub(super) fn in_alphabet(ladder: &Ladder, report: &mut impl FnMut(Severity, Vec<Seg>, String)) {
    ladder.visit_texts(|path, value, kind| {
        let (TextKind::Id(item) | TextKind::Ref(item)) = kind else {
            return;
        };
        // Empty ids have their own error ("an id is empty").
        if !safe_ref(value) {
            let message = format!("{} {} must use only {ID_ALPHABET}", named(item), q(value));
            report(Severity::Error, path_of(path), message);
        }
    });
}

/// How a message names the id of an item.
fn named(item: Item) -> &'static str {
    match item {
        Item::Level => "level",
        Item::Discipline => "discipline id",
        Item::Attribute => "attribute id",
        Item::Dimension => "dimension id",
        Item::Theme => "theme id",
        Item::Band => "band id",
        Item::Track => "track id",
        Item::Role => "role id",
    }
}

/// Reports every id that appears more than once, at its second and later places. The kind
/// and the path (made from the id's place) are built only for a report: a clean ladder costs
/// one set insertion per id.
fn duplicates<'a>(
    kind: impl Fn() -> String,
    ids: impl Iterator<Item = &'a str>,
    at: impl Fn(usize) -> Vec<Seg>,
    report: &mut impl FnMut(Severity, Vec<Seg>, String),
) {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            let message = format!("duplicate {} id {}", kind(), q(id));
            report(Severity::Error, at(i), message);
        }
    }
}

/// Reports every id that is declared twice within its kind: levels, attributes, dimensions,
/// the themes of each dimension, tracks, roles and disciplines, in that order.
pub(super) fn unique(ladder: &Ladder, report: &mut impl FnMut(Severity, Vec<Seg>, String)) {
    let levels = ladder.levels.iter().map(String::as_str);
    let at = |i| vec![key("levels"), Seg::Index(i)];
    duplicates(|| "level".to_string(), levels, at, report);
    let attributes = ladder.attributes.iter().map(|a| a.id.as_str());
    let at = |i| field("attribute", i, "id");
    duplicates(|| "attribute".to_string(), attributes, at, report);
    let dimensions = ladder.dimensions.iter().map(|d| d.id.as_str());
    let at = |i| field("dimension", i, "id");
    duplicates(|| "dimension".to_string(), dimensions, at, report);
    for (di, d) in ladder.dimensions.iter().enumerate() {
        let kind = || format!("theme in dimension {}", q(&d.id));
        let themes = d.themes.iter().map(|t| t.id.as_str());
        let at = |ti| {
            let mut at = field("dimension", di, "themes");
            at.extend([Seg::Index(ti), key("id")]);
            at
        };
        duplicates(kind, themes, at, report);
    }
    let tracks = ladder.tracks.iter().map(|t| t.id.as_str());
    let at = |i| field("track", i, "id");
    duplicates(|| "track".to_string(), tracks, at, report);
    let roles = ladder.roles.iter().map(|r| r.id.as_str());
    let at = |i| field("role", i, "id");
    duplicates(|| "role".to_string(), roles, at, report);
    let disciplines = ladder.disciplines.iter().map(|d| d.id.as_str());
    let at = |i| field("discipline", i, "id");
    duplicates(|| "discipline".to_string(), disciplines, at, report);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::errors;
    use crate::validate::test_support::{lines, minimal};

    #[test]
    fn repeated_ids_are_errors_at_their_later_places() {
        let mut ladder: Ladder = toml::from_str(&minimal()).expect("parses");
        ladder.levels.push("D1".to_string());
        let themes = &mut ladder.dimensions[0].themes;
        themes.insert(0, themes[1].clone());
        ladder.roles.push(ladder.roles[0].clone());
        let found: Vec<(String, Vec<Seg>)> = errors(&ladder)
            .into_iter()
            .filter(|f| f.message.starts_with("duplicate"))
            .map(|f| (f.message, f.at))
            .collect();
        let at = |kind: &str, i: usize, rest: &[Seg]| {
            let mut at = vec![Seg::Key(kind.to_string()), Seg::Index(i)];
            at.extend_from_slice(rest);
            at
        };
        let id = || Seg::Key("id".to_string());
        let themes = Seg::Key("themes".to_string());
        let expected = vec![
            (
                "duplicate level id \"D1\"".to_string(),
                at("levels", 2, &[]),
            ),
            (
                "duplicate theme in dimension \"craft\" id \"reach\"".to_string(),
                at("dimension", 0, &[themes, Seg::Index(2), id()]),
            ),
            (
                "duplicate role id \"D1-designer\"".to_string(),
                at("role", 2, &[id()]),
            ),
        ];
        assert_eq!(found, expected);
    }

    #[test]
    fn ids_outside_the_safe_alphabet_are_errors_at_their_place() {
        let text = minimal()
            .replacen("id = \"design\"", "id = \"t$(touch X)\"", 1)
            .replacen("id = \"craft\"", "id = \"a`touch Y`\"", 1)
            .replacen(
                "[role.dimensions.craft]",
                "[role.dimensions.\"a`touch Y`\"]",
                2,
            );
        // Every line that holds a hostile id, with the column of its opening quote.
        let places: Vec<(usize, usize)> = text
            .lines()
            .enumerate()
            .filter_map(|(n, l)| Some((n + 1, l.find("\"t$").or_else(|| l.find("\"a`"))? + 1)))
            .collect();
        let alphabet = "must use only ASCII letters, digits, '-', '_' and '.', and start with a letter or digit";
        let expected: Vec<String> = places
            .iter()
            .map(|(line, column)| {
                let what = if text.lines().nth(line - 1).is_some_and(|l| l.contains("t$")) {
                    "track id \"t$(touch X)\""
                } else {
                    "dimension id \"a`touch Y`\""
                };
                format!("t.toml:{line}:{column}: error: {what} {alphabet}")
            })
            .collect();
        assert_eq!(expected.len(), 4);
        assert_eq!(lines(&text), expected);
        assert!(crate::model::Ladder::from_toml(&text).is_err());
    }
}
