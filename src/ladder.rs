//! The data model of a ladder: serde types, loading and look-ups. Nothing here prints.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

use crate::chunks;
use crate::load::{self, Source};
use crate::text;
use crate::validate::{self, Severity};

/// The Security Operations ladder, compiled into the binary.
pub const EMBEDDED: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/ladder.toml"));

/// A whole career ladder, as written in a ladder TOML file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    /// The ladder's name, e.g. "Security Operations".
    pub name: String,
    /// A short motto for the team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motto: Option<String>,
    /// What the team does, in a paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// Level ids from the first rung to the last; their order defines seniority.
    pub levels: Vec<String>,
    /// The kinds of role the ladder covers, each with a one-sentence definition.
    #[serde(default, rename = "discipline", skip_serializing_if = "Vec::is_empty")]
    pub disciplines: Vec<Discipline>,
    /// The attributes every role gives a value for.
    #[serde(default, rename = "attribute", skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
    /// The dimensions in which expectations are written.
    #[serde(rename = "dimension")]
    pub dimensions: Vec<Dimension>,
    /// The grades of progress within a level, lowest first (optional).
    #[serde(default, rename = "band", skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
    /// The career paths through the roles, each in ascending order.
    #[serde(default, rename = "track", skip_serializing_if = "Vec::is_empty")]
    pub tracks: Vec<Track>,
    /// Every role of the ladder.
    #[serde(default, rename = "role")]
    pub roles: Vec<Role>,
    /// Look-up tables, built on first use.
    #[serde(skip)]
    pub lookup: Lookup,
}

/// Role and track look-ups by id, built once on first use so that large ladders stay linear.
///
/// It compares equal to any other and clones empty: it is derived data, not part of the ladder.
#[derive(Debug, Default)]
pub struct Lookup(OnceLock<Index>);

#[derive(Debug)]
struct Index {
    /// Role id to its position in `roles` (the first, when ids repeat).
    roles: HashMap<String, usize>,
    /// Role id to the positions in `tracks` of the tracks it is on, in ladder order.
    tracks: HashMap<String, Vec<usize>>,
    /// Dimension id to its position in `dimensions` (the first, when ids repeat).
    dimensions: HashMap<String, usize>,
    /// Per dimension, in ladder order: theme id to its position in `themes` (the first, when
    /// ids repeat).
    themes: Vec<HashMap<String, usize>>,
    /// Level id to its rank (the first, when ids repeat).
    levels: HashMap<String, usize>,
}

impl Clone for Lookup {
    fn clone(&self) -> Lookup {
        Lookup::default()
    }
}

impl PartialEq for Lookup {
    fn eq(&self, _: &Lookup) -> bool {
        true
    }
}

impl Eq for Lookup {}

/// The roles of one `[[role]]` piece of a ladder file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Piece {
    role: Vec<Role>,
}

/// A ladder parsed from its head and its role pieces (see [`chunks`]).
fn parse_pieces<'a>(
    head: &str,
    roles: impl IntoIterator<Item = &'a str>,
) -> Result<Ladder, toml::de::Error> {
    let mut ladder: Ladder = toml::from_str(head)?;
    for piece in roles {
        ladder.roles.extend(toml::from_str::<Piece>(piece)?.role);
    }
    Ok(ladder)
}

/// A kind of role, such as security analysts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Discipline {
    pub id: String,
    pub name: String,
    pub definition: String,
}

/// Something every role states a value for, such as the planning horizon.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Attribute {
    pub id: String,
    pub name: String,
    pub meaning: String,
}

/// An area in which expectations are written, such as Domain Expertise.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<String>,
    /// Threads that line expectations up from one level to the next.
    #[serde(default)]
    pub themes: Vec<Theme>,
}

/// A thread within a dimension, such as "Depth of mastery".
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub name: String,
}

/// A grade of progress within a level, such as Performing.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub id: String,
    pub name: String,
    pub meaning: String,
}

/// A career path: role ids from the lowest level to the highest.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Track {
    pub id: String,
    pub name: String,
    pub roles: Vec<String>,
}

/// One role at one level: its attribute values and its expectations per dimension.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub level: String,
    pub title: String,
    pub summary: String,
    /// Attribute id to value.
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    /// Dimension id to what the role expects in it.
    #[serde(default)]
    pub dimensions: BTreeMap<String, RoleDimension>,
}

/// What a role expects in one dimension.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RoleDimension {
    #[serde(default)]
    pub expectations: Vec<Expectation>,
    #[serde(default)]
    pub examples: Vec<String>,
}

/// One expectation, tagged with the theme it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    pub text: String,
}

impl Ladder {
    /// Parses a ladder, rejects it when it has errors, and makes its text safe to print.
    ///
    /// Errors are one line: `FILE:LINE:COLUMN: message`, plus how many more there are.
    pub fn load(source: &Source) -> Result<Ladder> {
        let mut ladder: Ladder = match Ladder::parse(&source.text) {
            Ok(ladder) => ladder,
            Err(err) => {
                let (line, column) =
                    load::line_column(&source.text, err.span().map_or(0, |s| s.start));
                let file = text::escape_controls(&source.name);
                bail!(
                    "{file}:{line}:{column}: {}",
                    text::escape_controls(&validate::syntax_message(&err))
                );
            }
        };
        ladder.reject_errors(source, validate::errors(&ladder).is_empty())?;
        ladder.escape_controls();
        Ok(ladder)
    }

    /// Parses ladder TOML into the model, without checking it. Piece by piece where the layout
    /// allows (see [`chunks`]): the same ladder in less memory. Any error comes from a parse of
    /// the whole text, so that its place in the file is right.
    pub fn parse(text: &str) -> Result<Ladder, toml::de::Error> {
        let pieces = chunks::split(text)
            .and_then(|c| parse_pieces(c.head, c.roles.iter().map(|r| r.1)).ok());
        match pieces {
            Some(ladder) => Ok(ladder),
            None => toml::from_str(text),
        }
    }

    /// Loads only the head of the ladder and the role with exactly this id, when the file's
    /// layout lets that role be found without parsing the others; `None` otherwise.
    ///
    /// This is what keeps `ladder show ID` fast on a ladder of thousands of roles. The role and
    /// the head are checked as a full load checks them, except for what needs the other roles
    /// (tracks naming roles, levels ascending along a track).
    pub fn load_role(source: &Source, id: &str) -> Result<Option<Ladder>> {
        let Some(chunks) = chunks::split(&source.text) else {
            return Ok(None);
        };
        let Some(piece) = chunks
            .roles
            .iter()
            .find(|(_, c)| chunks::plain_id(c) == Some(id))
        else {
            return Ok(None);
        };
        let Ok(mut ladder) = parse_pieces(chunks.head, [piece.1]) else {
            return Ok(None);
        };
        ladder.reject_errors(
            source,
            validate::errors_without_other_roles(&ladder).is_empty(),
        )?;
        ladder.escape_controls();
        Ok(Some(ladder))
    }

    /// Fails with the first error located in the file, when `clean` says there is one.
    fn reject_errors(&self, source: &Source, clean: bool) -> Result<()> {
        if !clean {
            // Locating findings parses the file again; only a broken ladder pays for it, and
            // only for its errors: the warnings are not reported here.
            let validation = validate::validate_errors(source);
            let mut errors = validation
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error);
            if let Some(first) = errors.next() {
                let first = first.to_string().replacen(": error: ", ": ", 1);
                match errors.count() {
                    0 => bail!("{first}"),
                    more => {
                        bail!("{first} (and {more} more; run `ladder validate` to see them all)")
                    }
                }
            }
        }
        Ok(())
    }

    /// Parses ladder TOML held in memory, as [`Ladder::load`] does for a file.
    #[cfg(test)]
    pub fn from_toml(text: &str) -> Result<Ladder> {
        Ladder::load(&Source {
            name: "test.toml".to_string(),
            text: text.to_string(),
        })
    }

    /// The role with exactly this id.
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.index().roles.get(id).map(|&i| &self.roles[i])
    }

    fn index(&self) -> &Index {
        self.lookup.0.get_or_init(|| {
            let mut roles = HashMap::with_capacity(self.roles.len());
            for (i, role) in self.roles.iter().enumerate() {
                roles.entry(role.id.clone()).or_insert(i);
            }
            let mut tracks: HashMap<String, Vec<usize>> = HashMap::new();
            for (t, track) in self.tracks.iter().enumerate() {
                for id in &track.roles {
                    let on = tracks.entry(id.clone()).or_default();
                    if on.last() != Some(&t) {
                        on.push(t);
                    }
                }
            }
            let mut dimensions = HashMap::with_capacity(self.dimensions.len());
            for (i, d) in self.dimensions.iter().enumerate() {
                dimensions.entry(d.id.clone()).or_insert(i);
            }
            let themes = self
                .dimensions
                .iter()
                .map(|d| {
                    let mut ids = HashMap::with_capacity(d.themes.len());
                    for (i, t) in d.themes.iter().enumerate() {
                        ids.entry(t.id.clone()).or_insert(i);
                    }
                    ids
                })
                .collect();
            let mut levels = HashMap::with_capacity(self.levels.len());
            for (i, l) in self.levels.iter().enumerate() {
                levels.entry(l.clone()).or_insert(i);
            }
            Index {
                roles,
                tracks,
                dimensions,
                themes,
                levels,
            }
        })
    }

    /// The dimension with exactly this id.
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        // Through the look-up: checking a role of thousands of dimensions stays linear.
        self.index()
            .dimensions
            .get(id)
            .map(|&i| &self.dimensions[i])
    }

    /// The theme with exactly this id in a dimension of this ladder: a look-up, where
    /// [`Dimension::theme`] searches.
    pub fn theme<'a>(&'a self, dimension: &'a Dimension, id: &str) -> Option<&'a Theme> {
        let index = self.index();
        // The dimension's place, found through its id; one that is not that place (a repeated
        // id, or a dimension of another ladder) is searched instead.
        match index.dimensions.get(&dimension.id) {
            Some(&at) if std::ptr::eq(&self.dimensions[at], dimension) => {
                index.themes[at].get(id).map(|&i| &dimension.themes[i])
            }
            _ => dimension.theme(id),
        }
    }

    /// The role after this one on a track, if it is not the track's last.
    pub fn next_on<'a>(&'a self, track: &'a Track, role: &Role) -> Option<&'a Role> {
        let at = track.roles.iter().position(|id| *id == role.id)?;
        track.roles.get(at + 1).and_then(|id| self.role(id))
    }

    /// The role before this one on a track, if it is not the track's first.
    pub fn previous_on<'a>(&'a self, track: &'a Track, role: &Role) -> Option<&'a Role> {
        let at = track.roles.iter().position(|id| *id == role.id)?;
        at.checked_sub(1)
            .and_then(|i| track.roles.get(i))
            .and_then(|id| self.role(id))
    }

    /// The tracks a role is on, in ladder order.
    pub fn tracks_of<'a>(&'a self, role: &'a Role) -> impl Iterator<Item = &'a Track> + 'a {
        let positions = self
            .index()
            .tracks
            .get(&role.id)
            .map_or(&[][..], Vec::as_slice);
        positions.iter().map(move |&t| &self.tracks[t])
    }

    /// Where a level sits in the ladder, counting from 0 at the first rung.
    pub fn level_rank(&self, level: &str) -> Option<usize> {
        self.index().levels.get(level).copied()
    }

    /// Rewrites every text so that no control character or bidirectional override survives.
    fn escape_controls(&mut self) {
        fn fix(s: &mut String) {
            if let std::borrow::Cow::Owned(safe) = text::escape_controls(s) {
                *s = safe;
            }
        }
        fn fix_keys<V>(map: &mut BTreeMap<String, V>) {
            if map.keys().any(|k| text::has_controls(k)) {
                *map = std::mem::take(map)
                    .into_iter()
                    .map(|(k, v)| (text::escape_controls(&k).into_owned(), v))
                    .collect();
            }
        }
        fix(&mut self.name);
        self.motto.iter_mut().for_each(fix);
        self.about.iter_mut().for_each(fix);
        self.levels.iter_mut().for_each(fix);
        for d in &mut self.disciplines {
            [&mut d.id, &mut d.name, &mut d.definition]
                .into_iter()
                .for_each(fix);
        }
        for a in &mut self.attributes {
            [&mut a.id, &mut a.name, &mut a.meaning]
                .into_iter()
                .for_each(fix);
        }
        for d in &mut self.dimensions {
            [&mut d.id, &mut d.name].into_iter().for_each(fix);
            d.emoji.iter_mut().for_each(fix);
            for t in &mut d.themes {
                [&mut t.id, &mut t.name].into_iter().for_each(fix);
            }
        }
        for b in &mut self.bands {
            [&mut b.id, &mut b.name, &mut b.meaning]
                .into_iter()
                .for_each(fix);
        }
        for t in &mut self.tracks {
            [&mut t.id, &mut t.name].into_iter().for_each(fix);
            t.roles.iter_mut().for_each(fix);
        }
        for r in &mut self.roles {
            [&mut r.id, &mut r.level, &mut r.title, &mut r.summary]
                .into_iter()
                .for_each(fix);
            fix_keys(&mut r.attributes);
            r.attributes.values_mut().for_each(fix);
            fix_keys(&mut r.dimensions);
            for rd in r.dimensions.values_mut() {
                for e in &mut rd.expectations {
                    e.theme.iter_mut().for_each(fix);
                    fix(&mut e.text);
                }
                rd.examples.iter_mut().for_each(fix);
            }
        }
        // Ids may have changed: the look-ups are rebuilt on next use.
        self.lookup = Lookup::default();
    }
}

impl Track {
    /// Whether the role with this id is on the track.
    pub fn contains(&self, role_id: &str) -> bool {
        self.roles.iter().any(|r| r == role_id)
    }
}

impl Dimension {
    /// The theme with exactly this id, searched for: inside a loop, [`Ladder::theme`] looks it
    /// up instead.
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// The name with its emoji in front, when it has one.
    pub fn label(&self) -> String {
        match &self.emoji {
            Some(emoji) => format!("{emoji} {}", self.name),
            None => self.name.clone(),
        }
    }
}

impl Role {
    /// What the role expects in a dimension; empty when the role says nothing there.
    pub fn in_dimension(&self, dimension_id: &str) -> &RoleDimension {
        static EMPTY: RoleDimension = RoleDimension {
            expectations: Vec::new(),
            examples: Vec::new(),
        };
        self.dimensions.get(dimension_id).unwrap_or(&EMPTY)
    }

    /// The level and title together, e.g. "L3 Senior Security Engineer".
    pub fn heading(&self) -> String {
        format!("{} {}", self.level, self.title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
name = "Tiny"
levels = ["A", "B"]
[[attribute]]
id = "scope"
name = "Scope"
meaning = "How far the work reaches."
[[dimension]]
id = "craft"
name = "Craft"
themes = [{ id = "depth", name = "Depth" }]
[[track]]
id = "main"
name = "Main"
roles = ["A-one", "B-two"]
[[role]]
id = "A-one"
level = "A"
title = "One"
summary = "First."
attributes = { scope = "Self" }
dimensions.craft.expectations = [{ theme = "depth", text = "Learns." }]
[[role]]
id = "B-two"
level = "B"
title = "Two"
summary = "Second."
attributes = { scope = "Team" }
dimensions.craft.expectations = [{ theme = "depth", text = "Teaches." }]
"#;

    #[test]
    fn a_minimal_ladder_loads_and_resolves_look_ups() {
        let ladder = Ladder::from_toml(MINIMAL).expect("minimal ladder loads");
        let two = ladder.role("B-two").expect("role B-two");
        assert_eq!(ladder.level_rank(&two.level), Some(1));
        let tracks: Vec<_> = ladder.tracks_of(two).map(|t| t.id.as_str()).collect();
        assert_eq!(tracks, ["main"]);
        assert_eq!(two.in_dimension("craft").expectations[0].text, "Teaches.");
        assert!(two.in_dimension("missing").expectations.is_empty());
    }

    #[test]
    fn themes_and_levels_are_looked_up_as_a_search_finds_them() {
        let mut ladder: Ladder = toml::from_str(MINIMAL).expect("parses");
        ladder.levels.push("A".to_string());
        let mut twin = ladder.dimensions[0].clone();
        twin.themes = vec![Theme {
            id: "other".to_string(),
            name: "Other".to_string(),
        }];
        ladder.dimensions.push(twin);
        // A repeated level ranks where it first appears.
        assert_eq!(ladder.level_rank("A"), Some(0));
        assert_eq!(ladder.level_rank("Z"), None);
        // Each dimension's own themes, even under a repeated id; none of another ladder's.
        let (craft, twin) = (&ladder.dimensions[0], &ladder.dimensions[1]);
        assert_eq!(
            ladder.theme(craft, "depth").map(|t| &t.name[..]),
            Some("Depth")
        );
        assert_eq!(ladder.theme(craft, "other"), None);
        assert_eq!(
            ladder.theme(twin, "other").map(|t| &t.name[..]),
            Some("Other")
        );
        assert_eq!(ladder.theme(twin, "depth"), None);
        let elsewhere = Ladder::embedded();
        assert_eq!(
            elsewhere.theme(craft, "depth").map(|t| &t.id[..]),
            Some("depth")
        );
    }

    #[test]
    fn control_characters_are_escaped_on_load() {
        let hostile = MINIMAL.replace("title = \"One\"", "title = \"O\\u001b[31mne\\u202e\"");
        let ladder = Ladder::from_toml(&hostile).expect("loads");
        assert_eq!(ladder.roles[0].title, "O\\u{1b}[31mne\\u{202e}");
    }

    #[test]
    fn a_dangling_track_reference_is_an_error() {
        let broken = MINIMAL.replace(
            "roles = [\"A-one\", \"B-two\"]",
            "roles = [\"A-one\", \"C-three\"]",
        );
        let err = Ladder::from_toml(&broken).expect_err("dangling role");
        assert_eq!(
            err.to_string(),
            "test.toml:15:19: track \"main\" names unknown role \"C-three\""
        );
    }

    #[test]
    fn the_embedded_file_holds_no_control_characters() {
        let bad: Vec<(usize, char)> = EMBEDDED
            .lines()
            .enumerate()
            .flat_map(|(n, line)| {
                line.chars()
                    .filter(|c| text::is_unsafe(*c))
                    .map(move |c| (n + 1, c))
            })
            .collect();
        assert!(bad.is_empty(), "control characters at {bad:?}");
    }

    #[test]
    fn the_embedded_ladder_has_no_errors_and_only_the_source_quirks_as_warnings() {
        let ladder = Ladder::embedded();
        let findings = validate::check(&ladder);
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        // Kept from the source on purpose: thin dimensions (L1 has one Business Success
        // expectation) and threads that pause (escalation skips L3 on the analyst track).
        let unexpected: Vec<&str> = findings
            .iter()
            .map(|f| f.message.as_str())
            .filter(|m| {
                !m.contains("a level usually needs at least two")
                    && !m.contains("though the track has it before and after")
            })
            .collect();
        assert!(unexpected.is_empty(), "{unexpected:#?}");
    }

    #[test]
    fn the_embedded_ladder_has_the_seven_roles_on_three_tracks() {
        let ladder = Ladder::embedded();
        let ids: Vec<&str> = ladder.roles.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "L1-junior-security-analyst",
                "L2-security-analyst",
                "L2-security-engineer",
                "L3-senior-security-analyst",
                "L3-senior-security-engineer",
                "L3-senior-cloud-security-engineer",
                "L4-technical-lead",
            ]
        );
        let tracks: Vec<(&str, Vec<&str>)> = ladder
            .tracks
            .iter()
            .map(|t| (t.id.as_str(), t.roles.iter().map(|r| &r[..2]).collect()))
            .collect();
        assert_eq!(
            tracks,
            [
                ("analyst", vec!["L1", "L2", "L3", "L4"]),
                ("engineer", vec!["L2", "L3", "L4"]),
                ("cloud", vec!["L2", "L3", "L4"]),
            ]
        );
        for track in &ladder.tracks {
            assert_eq!(
                track.roles.last().map(String::as_str),
                Some("L4-technical-lead")
            );
        }
    }

    #[test]
    fn every_embedded_role_is_complete_and_themed() {
        let ladder = Ladder::embedded();
        for role in &ladder.roles {
            for attribute in &ladder.attributes {
                let value = role.attributes.get(&attribute.id).map(|v| v.trim());
                assert!(
                    value.is_some_and(|v| !v.is_empty()),
                    "{} lacks {}",
                    role.id,
                    attribute.id
                );
            }
            for dimension in &ladder.dimensions {
                let rd = role.in_dimension(&dimension.id);
                assert!(
                    !rd.expectations.is_empty(),
                    "{} has no expectation in {}",
                    role.id,
                    dimension.id
                );
                assert!(
                    !rd.examples.is_empty(),
                    "{} has no example in {}",
                    role.id,
                    dimension.id
                );
                for e in &rd.expectations {
                    let theme = e.theme.as_deref().unwrap_or("");
                    assert!(
                        dimension.theme(theme).is_some(),
                        "{}: {:?} has theme {theme:?}",
                        role.id,
                        e.text
                    );
                }
            }
        }
        for dimension in &ladder.dimensions {
            assert!(
                (4..=6).contains(&dimension.themes.len()),
                "{} has {} themes",
                dimension.id,
                dimension.themes.len()
            );
            for theme in &dimension.themes {
                let kebab = theme
                    .id
                    .split('-')
                    .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()));
                assert!(kebab, "theme id {:?} is not kebab-case", theme.id);
            }
        }
    }

    #[test]
    fn the_embedded_ladder_carries_every_fact_sheet_statement() {
        // (expectations, examples) per dimension, in ladder order, from the counts table
        // of the fact sheet: one entry per statement and example of the source pages.
        let counts = [
            (
                "L1-junior-security-analyst",
                [(3, 3), (2, 3), (3, 4), (1, 1)],
            ),
            ("L2-security-analyst", [(3, 3), (2, 3), (4, 4), (2, 3)]),
            ("L2-security-engineer", [(4, 3), (2, 3), (3, 3), (4, 3)]),
            (
                "L3-senior-security-analyst",
                [(4, 5), (2, 3), (5, 5), (3, 4)],
            ),
            (
                "L3-senior-security-engineer",
                [(5, 5), (2, 4), (7, 5), (4, 4)],
            ),
            (
                "L3-senior-cloud-security-engineer",
                [(8, 5), (2, 5), (6, 4), (4, 4)],
            ),
            ("L4-technical-lead", [(5, 3), (5, 5), (8, 9), (4, 4)]),
        ];
        let ladder = Ladder::embedded();
        for (id, expected) in counts {
            let role = ladder.role(id).expect("role exists");
            let actual: Vec<(usize, usize)> = ladder
                .dimensions
                .iter()
                .map(|d| {
                    let rd = role.in_dimension(&d.id);
                    (rd.expectations.len(), rd.examples.len())
                })
                .collect();
            assert_eq!(actual, expected, "{id}");
        }
    }

    #[test]
    fn no_sentence_of_the_embedded_ladder_is_repeated() {
        let ladder = Ladder::embedded();
        let repeats: Vec<String> = validate::check(&ladder)
            .into_iter()
            .filter(|f| f.message.starts_with("the sentence "))
            .map(|f| f.message)
            .collect();
        assert!(repeats.is_empty(), "{repeats:#?}");
    }
}
