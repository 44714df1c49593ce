//! The limits a ladder must keep, each far above what a real ladder needs: the length of each
//! kind of text, and the counts that every command multiplies by each other (a role shows
//! every attribute and dimension; a track lists its roles with their titles; `next` compares a
//! role once per track it is on). Within them, no file of a megabyte makes a command write
//! more than some tens of megabytes. docs/format.md ("Limits") says each limit and why.

use std::collections::{HashMap, HashSet};

use super::finding::{Seg, Severity, field, in_role, key, path_of};
use crate::model::{Ladder, Step, TextKind};
use crate::text::quoted as q;

/// The longest id, in characters: real ids are a few words in kebab-case (the longest of the
/// embedded ladder has 33).
pub const MAX_ID_CHARS: usize = 100;
/// The longest name, title or motto: each is repeated wherever its item is named (a title on
/// every track of its role, an attribute's name in every role).
pub const MAX_NAME_CHARS: usize = 200;
/// The longest emoji: one emoji sequence (a family with skin tones has 11 characters).
pub const MAX_SYMBOL_CHARS: usize = 32;
/// The longest attribute value: a phrase or a sentence, shown in a table cell.
pub(crate) const MAX_VALUE_CHARS: usize = 500;
/// The longest text (about, meaning, definition, summary, expectation, example): ten times the
/// longest paragraph found in the public ladders (BENCHMARKS.md, "Hostile inputs, second
/// round").
pub(crate) const MAX_PROSE_CHARS: usize = 10_000;

/// The most levels a ladder may have: a track is at most this long, and `path` writes a
/// column per level for every attribute and theme.
pub const MAX_LEVELS: usize = 100;
/// The most attributes a ladder may have.
pub(crate) const MAX_ATTRIBUTES: usize = 100;
/// The most dimensions a ladder may have.
pub const MAX_DIMENSIONS: usize = 100;
/// The most themes one dimension may have.
pub(crate) const MAX_THEMES: usize = 100;
/// The most roles that may follow one role on its tracks, all told: `next` compares the role
/// with each of them, repeating its expectations in each comparison. A role on any number of
/// tracks that go on to few roles (the lead at the top of every track) is not limited.
pub(crate) const MAX_NEXT_ROLES: usize = 20;
/// The most expectations one role may have, in all its dimensions: `next` repeats them in the
/// comparison with each next role, `diff` and `path` pair them with another role's.
pub(crate) const MAX_EXPECTATIONS_PER_ROLE: usize = 1_000;
/// The most roles times attributes and dimensions a ladder may have: every role's page, its
/// `show --all` entry and its JSON carry every attribute and dimension of the ladder.
pub const MAX_ROLE_CELLS: usize = 200_000;

/// The most characters a text of this kind may have. A reference is an id: one longer than
/// `MAX_ID_CHARS` names nothing, and is reported as such, not as too long.
pub fn max_chars(kind: TextKind) -> usize {
    match kind {
        TextKind::Id(_) | TextKind::Ref(_) => MAX_ID_CHARS,
        TextKind::Name => MAX_NAME_CHARS,
        TextKind::Symbol => MAX_SYMBOL_CHARS,
        TextKind::Value => MAX_VALUE_CHARS,
        TextKind::Prose => MAX_PROSE_CHARS,
    }
}

/// How a message names a text of this kind at this place: "title", "motto", "name", "id", …
pub fn what(path: &[Step<'_>], kind: TextKind) -> &'static str {
    match kind {
        TextKind::Id(_) | TextKind::Ref(_) => "id",
        TextKind::Name if path.last() == Some(&Step::Key("title")) => "title",
        TextKind::Name if path.last() == Some(&Step::Key("motto")) => "motto",
        TextKind::Name => "name",
        TextKind::Symbol => "emoji",
        TextKind::Value => "value",
        TextKind::Prose => "text",
    }
}

/// The article before a word: "an id", "a title".
pub fn a(what: &str) -> &'static str {
    if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// How many characters a text has when it has more than `max`; `None` when it fits. A text
/// of at most `max` bytes fits without being counted.
pub fn over(text: &str, max: usize) -> Option<usize> {
    if text.len() <= max {
        return None;
    }
    Some(text.chars().count()).filter(|&n| n > max)
}

/// Reports every text longer than its kind allows (references aside: see [`max_chars`]).
pub(super) fn text_lengths(ladder: &Ladder, report: &mut impl FnMut(Severity, Vec<Seg>, String)) {
    ladder.visit_texts(|path, value, kind| {
        if matches!(kind, TextKind::Ref(_)) {
            return;
        }
        let max = max_chars(kind);
        if let Some(n) = over(value, max) {
            let what = what(path, kind);
            let message = format!(
                "this {what} has {n} characters; {} {what} may have at most {max}",
                a(what)
            );
            report(Severity::Error, path_of(path), message);
        }
    });
}

/// Reports what a ladder has too many of: levels, attributes, dimensions, themes of one
/// dimension, expectations of one role, and roles for its attributes and dimensions (each at
/// the first one too many), and roles followed by too many roles on their tracks. `all_roles` is false for a
/// ladder loaded with one of its roles, whose count of roles says nothing.
pub(super) fn counts(
    ladder: &Ladder,
    all_roles: bool,
    report: &mut impl FnMut(Severity, Vec<Seg>, String),
) {
    if ladder.levels.len() > MAX_LEVELS {
        report(
            Severity::Error,
            vec![key("levels"), Seg::Index(MAX_LEVELS)],
            too_many("levels", ladder.levels.len(), MAX_LEVELS),
        );
    }
    if ladder.attributes.len() > MAX_ATTRIBUTES {
        report(
            Severity::Error,
            field("attribute", MAX_ATTRIBUTES, "id"),
            too_many("attributes", ladder.attributes.len(), MAX_ATTRIBUTES),
        );
    }
    if ladder.dimensions.len() > MAX_DIMENSIONS {
        report(
            Severity::Error,
            field("dimension", MAX_DIMENSIONS, "id"),
            too_many("dimensions", ladder.dimensions.len(), MAX_DIMENSIONS),
        );
    }
    for (di, d) in ladder.dimensions.iter().enumerate() {
        if d.themes.len() > MAX_THEMES {
            let mut at = field("dimension", di, "themes");
            at.extend([Seg::Index(MAX_THEMES), key("id")]);
            let message = format!(
                "dimension {} has {} themes; a dimension may have at most {MAX_THEMES}",
                q(&d.id),
                d.themes.len()
            );
            report(Severity::Error, at, message);
        }
    }
    next_roles(ladder, report);
    for (ri, role) in ladder.roles.iter().enumerate() {
        let total: usize = role.dimensions.values().map(|d| d.expectations.len()).sum();
        if total <= MAX_EXPECTATIONS_PER_ROLE {
            continue;
        }
        // The first one too many, in the order the dimensions are walked (by id).
        let mut before = 0;
        for (id, d) in &role.dimensions {
            if before + d.expectations.len() > MAX_EXPECTATIONS_PER_ROLE {
                let mut at = in_role(ri, &["dimensions", id, "expectations"]);
                at.extend([Seg::Index(MAX_EXPECTATIONS_PER_ROLE - before), key("text")]);
                let message = format!(
                    "role {} has {total} expectations; a role may have at most \
                     {MAX_EXPECTATIONS_PER_ROLE}",
                    q(&role.id)
                );
                report(Severity::Error, at, message);
                break;
            }
            before += d.expectations.len();
        }
    }
    let per_role = ladder.attributes.len() + ladder.dimensions.len();
    if all_roles && per_role > 0 {
        let most = MAX_ROLE_CELLS / per_role;
        if let Some(role) = ladder.roles.get(most) {
            let message = format!(
                "role {} is role {} of a ladder of {per_role} attributes and dimensions, which \
                 every role shows; roles times attributes and dimensions may be at most \
                 {MAX_ROLE_CELLS}, so at most {most} roles here",
                q(&role.id),
                most + 1,
            );
            report(Severity::Error, field("role", most, "id"), message);
        }
    }
}

/// A ladder has more of something than it may.
fn too_many(what: &str, n: usize, max: usize) -> String {
    format!("the ladder has {n} {what}; a ladder may have at most {max}")
}

/// Reports each role that more than [`MAX_NEXT_ROLES`] roles follow on its tracks, once, at
/// the first following role too many. Counted by id, so a ladder loaded with one of its roles
/// counts alike; each track's pairs are counted first, and the different roles that follow
/// are gathered only for a role that has more pairs than the limit.
fn next_roles(ladder: &Ladder, report: &mut impl FnMut(Severity, Vec<Seg>, String)) {
    let pairs = || {
        ladder.tracks.iter().enumerate().flat_map(|(ti, t)| {
            t.roles
                .windows(2)
                .enumerate()
                .map(move |(ri, w)| (ti, ri + 1, w[0].as_str(), w[1].as_str()))
        })
    };
    let mut count: HashMap<&str, usize> = HashMap::new();
    for (_, _, from, _) in pairs() {
        *count.entry(from).or_insert(0) += 1;
    }
    count.retain(|_, n| *n > MAX_NEXT_ROLES);
    if count.is_empty() {
        return;
    }
    let mut next: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (_, _, from, to) in pairs().filter(|p| count.contains_key(p.2)) {
        next.entry(from).or_default().insert(to);
    }
    let mut seen: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (ti, ri, from, to) in pairs() {
        let Some(all) = next.get(from).filter(|all| all.len() > MAX_NEXT_ROLES) else {
            continue;
        };
        let so_far = seen.entry(from).or_default();
        if so_far.insert(to) && so_far.len() == MAX_NEXT_ROLES + 1 {
            let at = vec![key("track"), Seg::Index(ti), key("roles"), Seg::Index(ri)];
            let message = format!(
                "role {} is followed by {} different roles on its tracks; a role may be \
                 followed by at most {MAX_NEXT_ROLES}",
                q(from),
                all.len()
            );
            report(Severity::Error, at, message);
        }
    }
}

/// Whether a ladder of this head and `roles` roles holds more roles than its attributes and
/// dimensions allow: what a ladder loaded with one of its roles cannot see by itself.
pub(crate) fn too_many_roles(head: &Ladder, roles: usize) -> bool {
    let per_role = head.attributes.len() + head.dimensions.len();
    per_role > 0 && roles > MAX_ROLE_CELLS / per_role
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::validate::test_support::{minimal, source, validate};

    /// The errors `ladder validate` reports for a text, as it prints them.
    fn errors(text: &str) -> Vec<String> {
        validate(&source(text))
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.to_string())
            .collect()
    }

    /// The line and column of the first `marker` in `text`, 1-based.
    fn place(text: &str, marker: &str) -> (usize, usize) {
        let at = text
            .find(marker)
            .unwrap_or_else(|| panic!("{marker} in the text"));
        let line = text[..at].matches('\n').count() + 1;
        let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
        (line, column)
    }

    /// Validation finds exactly `message` at the place of `marker`, and loading refuses the
    /// ladder with it.
    fn refused(text: &str, marker: &str, message: &str) {
        let (line, column) = place(text, marker);
        assert_eq!(
            errors(text),
            [format!("t.toml:{line}:{column}: error: {message}")]
        );
        let err = crate::model::Ladder::from_toml(text).expect_err("refused");
        assert_eq!(
            err.to_string(),
            format!("test.toml:{line}:{column}: {message}")
        );
    }

    #[test]
    fn each_kind_of_text_is_refused_one_character_over_its_limit() {
        let cases = [
            (
                "title = \"Designer\"",
                "title = ",
                'T',
                MAX_NAME_CHARS,
                "title",
            ),
            ("name = \"Craft\"", "name = ", 'N', MAX_NAME_CHARS, "name"),
            ("id = \"design\"", "id = ", 'i', MAX_ID_CHARS, "id"),
            (
                "emoji = \"✏️\"",
                "emoji = ",
                '🎨',
                MAX_SYMBOL_CHARS,
                "emoji",
            ),
            (
                "scope = \"Own work\"",
                "scope = ",
                'v',
                MAX_VALUE_CHARS,
                "value",
            ),
            (
                "about = \"Designers who make things clear.\"",
                "about = ",
                'p',
                MAX_PROSE_CHARS,
                "text",
            ),
        ];
        for (from, key, c, max, what) in cases {
            let at = |n: usize| format!("{key}\"{}\"", c.to_string().repeat(n));
            // At the limit, nothing to say.
            assert_eq!(
                errors(&minimal().replacen(from, &at(max), 1)),
                Vec::<String>::new()
            );
            let text = minimal().replacen(from, &at(max + 1), 1);
            let marker = format!("\"{c}{c}");
            let article = if what == "id" || what == "emoji" {
                "an"
            } else {
                "a"
            };
            let message = format!(
                "this {what} has {} characters; {article} {what} may have at most {max}",
                max + 1
            );
            refused(&text, &marker, &message);
        }
    }

    #[test]
    fn a_reference_too_long_is_reported_as_naming_nothing() {
        let long = "D".repeat(MAX_ID_CHARS + 1);
        let text = minimal().replacen("level = \"D1\"", &format!("level = \"{long}\""), 1);
        let found = errors(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].contains("which `levels` does not list (it lists "),
            "{found:#?}"
        );
    }

    #[test]
    fn too_many_levels_are_refused_at_the_first_one_too_many() {
        let more: Vec<String> = (3..=MAX_LEVELS + 1).map(|i| format!("\"X{i}\"")).collect();
        let levels = format!("levels = [\"D1\", \"D2\", {}]", more.join(", "));
        let at_limit = format!(
            "levels = [\"D1\", \"D2\", {}]",
            more[..more.len() - 1].join(", ")
        );
        assert_eq!(
            errors(&minimal().replacen("levels = [\"D1\", \"D2\"]", &at_limit, 1)),
            Vec::<String>::new()
        );
        let text = minimal().replacen("levels = [\"D1\", \"D2\"]", &levels, 1);
        let message = format!(
            "the ladder has {} levels; a ladder may have at most {MAX_LEVELS}",
            MAX_LEVELS + 1
        );
        refused(&text, &format!("\"X{}\"", MAX_LEVELS + 1), &message);
    }

    /// The minimal ladder with `n` more attributes, declared after its own and given no value.
    fn attributes(n: usize) -> String {
        let more: String = (1..=n)
            .map(|i| {
                format!("[[attribute]]\nid = \"extra-a{i}\"\nname = \"A{i}\"\nmeaning = \"M.\"\n\n")
            })
            .collect();
        minimal().replacen("[[dimension]]", &format!("{more}[[dimension]]"), 1)
    }

    /// The minimal ladder with `n` more dimensions, declared after its own and filled by none.
    fn dimensions(text: &str, n: usize) -> String {
        let more: String = (1..=n)
            .map(|i| format!("[[dimension]]\nid = \"extra-d{i}\"\nname = \"D{i}\"\n\n"))
            .collect();
        text.replacen("[[track]]", &format!("{more}[[track]]"), 1)
    }

    #[test]
    fn too_many_attributes_or_dimensions_are_refused_at_the_first_one_too_many() {
        assert_eq!(
            errors(&attributes(MAX_ATTRIBUTES - 1)),
            Vec::<String>::new()
        );
        let message = format!(
            "the ladder has {} attributes; a ladder may have at most {MAX_ATTRIBUTES}",
            MAX_ATTRIBUTES + 1
        );
        refused(
            &attributes(MAX_ATTRIBUTES),
            &format!("\"extra-a{MAX_ATTRIBUTES}\""),
            &message,
        );
        assert_eq!(
            errors(&dimensions(&minimal(), MAX_DIMENSIONS - 1)),
            Vec::<String>::new()
        );
        let message = format!(
            "the ladder has {} dimensions; a ladder may have at most {MAX_DIMENSIONS}",
            MAX_DIMENSIONS + 1
        );
        refused(
            &dimensions(&minimal(), MAX_DIMENSIONS),
            &format!("\"extra-d{MAX_DIMENSIONS}\""),
            &message,
        );
    }

    #[test]
    fn too_many_themes_in_a_dimension_are_refused_at_the_first_one_too_many() {
        let themes = |n: usize| -> String {
            let more: String = (3..=n)
                .map(|i| format!("  {{ id = \"th{i}\", name = \"T{i}\" }},\n"))
                .collect();
            minimal().replacen(
                "  { id = \"reach\", name = \"Reach\" },\n",
                &format!("  {{ id = \"reach\", name = \"Reach\" }},\n{more}"),
                1,
            )
        };
        assert_eq!(errors(&themes(MAX_THEMES)), Vec::<String>::new());
        let message = format!(
            "dimension \"craft\" has {} themes; a dimension may have at most {MAX_THEMES}",
            MAX_THEMES + 1
        );
        refused(
            &themes(MAX_THEMES + 1),
            &format!("\"th{}\"", MAX_THEMES + 1),
            &message,
        );
    }

    #[test]
    fn a_role_of_too_many_expectations_is_refused_at_the_first_one_too_many() {
        let expectations = |n: usize| -> String {
            let more: String = (3..=n)
                .map(|i| format!("  {{ text = \"Does thing {i}.\" }},\n"))
                .collect();
            minimal().replacen(
                "  { theme = \"reach\", text = \"Asks for critique early.\" },\n",
                &format!("  {{ theme = \"reach\", text = \"Asks for critique early.\" }},\n{more}"),
                1,
            )
        };
        assert_eq!(
            errors(&expectations(MAX_EXPECTATIONS_PER_ROLE)),
            Vec::<String>::new()
        );
        let message = format!(
            "role \"D1-designer\" has {} expectations; a role may have at most {MAX_EXPECTATIONS_PER_ROLE}",
            MAX_EXPECTATIONS_PER_ROLE + 1
        );
        refused(
            &expectations(MAX_EXPECTATIONS_PER_ROLE + 1),
            &format!("\"Does thing {}.\"", MAX_EXPECTATIONS_PER_ROLE + 1),
            &message,
        );
    }

    #[test]
    fn a_role_followed_by_too_many_roles_is_refused_at_the_first_one_too_many() {
        // D1 leads to D2-senior-designer on its track, and to `n - 1` more roles on tracks of
        // their own; more tracks that go on to the same role count once.
        let tracks = |n: usize| -> String {
            let mut more = String::new();
            for i in 2..=n {
                more += &format!(
                    "[[track]]\nid = \"t{i}\"\nname = \"T{i}\"\nroles = [\"D1-designer\", \"D2-r{i}\"]\n\n"
                );
            }
            for i in 0..30 {
                more += &format!(
                    "[[track]]\nid = \"same{i}\"\nname = \"S\"\nroles = [\"D1-designer\", \"D2-senior-designer\"]\n\n"
                );
            }
            let roles: String = (2..=n)
                .map(|i| {
                    format!(
                        "\n[[role]]\nid = \"D2-r{i}\"\nlevel = \"D2\"\ntitle = \"R\"\nsummary = \"S.\"\n\
                         attributes = {{ scope = \"S\" }}\n\
                         dimensions.craft.expectations = [{{ text = \"r{i} a\" }}, {{ text = \"r{i} b\" }}]\n"
                    )
                })
                .collect();
            minimal().replacen("[[role]]", &format!("{more}[[role]]"), 1) + &roles
        };
        assert_eq!(errors(&tracks(MAX_NEXT_ROLES)), Vec::<String>::new());
        let text = tracks(MAX_NEXT_ROLES + 1);
        let message = format!(
            "role \"D1-designer\" is followed by {} different roles on its tracks; a role may be \
             followed by at most {MAX_NEXT_ROLES}",
            MAX_NEXT_ROLES + 1
        );
        refused(&text, &format!("\"D2-r{}\"", MAX_NEXT_ROLES + 1), &message);
    }

    #[test]
    fn too_many_roles_for_the_attributes_and_dimensions_are_refused_at_the_first_one_too_many() {
        // 100 attributes and 100 dimensions: room for 1,000 roles.
        let head = dimensions(&attributes(99), 99);
        let most = MAX_ROLE_CELLS / 200;
        let roles = |n: usize| -> String {
            let more: String = (3..=n)
                .map(|i| format!("\n[[role]]\nid = \"D1-r{i}\"\nlevel = \"D1\"\ntitle = \"R\"\nsummary = \"S.\"\n"))
                .collect();
            format!("{head}{more}")
        };
        assert_eq!(errors(&roles(most)), Vec::<String>::new());
        let message = format!(
            "role \"D1-r{}\" is role {} of a ladder of 200 attributes and dimensions, which every \
             role shows; roles times attributes and dimensions may be at most {MAX_ROLE_CELLS}, \
             so at most {most} roles here",
            most + 1,
            most + 1
        );
        let text = roles(most + 1);
        refused(&text, &format!("\"D1-r{}\"", most + 1), &message);
        // `show ID` reads only that role, and still refuses the ladder.
        let source = Document {
            name: "t.toml".to_string(),
            text,
        };
        assert!(
            crate::load::one_role(&source, "D1-r3")
                .expect("loads")
                .is_none()
        );
    }
}
