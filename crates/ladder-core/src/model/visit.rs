//! One walk over every text a ladder holds, with its place and kind: read by validation's text
//! checks, rewritten by loading's escaping. Both are the same macro, and every struct is taken
//! apart field by field, so a field added to the model stops the build until it is walked.

use std::collections::BTreeMap;

use super::{
    Attribute, Band, Dimension, Discipline, Expectation, Ladder, Role, RoleDimension, Theme, Track,
};

/// One step of the path to a text: a key of the TOML document, an array index, or a key that
/// is itself an id (a dimension or attribute id under a role).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'static str),
    Index(usize),
    Id(&'a str),
}

/// What kind of thing an id declares or refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Level,
    Discipline,
    Attribute,
    Dimension,
    Theme,
    Band,
    Track,
    Role,
}

/// What a text is for, which decides the checks it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// The id an item is declared under.
    Id(Item),
    /// An id of an item declared elsewhere: a role's level, a track's roles, a theme, the
    /// attribute and dimension keys under a role.
    Ref(Item),
    /// A name, title or motto: one line.
    Name,
    /// An emoji: one line.
    Symbol,
    /// A role's value for an attribute.
    Value,
    /// Prose: about, definitions, meanings, summaries, expectations and examples.
    Prose,
}

/// The one walk: `$w` is a [`Reader`] over `&Ladder` or a [`Writer`] over `&mut Ladder`.
/// Patterns bind by reference either way, so the same text serves both.
macro_rules! walk {
    ($ladder:expr, $w:ident) => {{
        let Ladder {
            name,
            motto,
            about,
            levels,
            disciplines,
            attributes,
            dimensions,
            bands,
            tracks,
            roles,
            lookup: _,
        } = $ladder;
        $w.text(Step::Key("name"), name, TextKind::Name);
        if let Some(m) = motto {
            $w.text(Step::Key("motto"), m, TextKind::Name);
        }
        if let Some(a) = about {
            $w.text(Step::Key("about"), a, TextKind::Prose);
        }
        $w.enter(Step::Key("levels"));
        for (i, l) in levels.into_iter().enumerate() {
            $w.text(Step::Index(i), l, TextKind::Id(Item::Level));
        }
        $w.leave();
        $w.enter(Step::Key("discipline"));
        for (i, d) in disciplines.into_iter().enumerate() {
            let Discipline {
                id,
                name,
                definition,
            } = d;
            $w.enter(Step::Index(i));
            $w.text(Step::Key("id"), id, TextKind::Id(Item::Discipline));
            $w.text(Step::Key("name"), name, TextKind::Name);
            $w.text(Step::Key("definition"), definition, TextKind::Prose);
            $w.leave();
        }
        $w.leave();
        $w.enter(Step::Key("attribute"));
        for (i, a) in attributes.into_iter().enumerate() {
            let Attribute { id, name, meaning } = a;
            $w.enter(Step::Index(i));
            $w.text(Step::Key("id"), id, TextKind::Id(Item::Attribute));
            $w.text(Step::Key("name"), name, TextKind::Name);
            $w.text(Step::Key("meaning"), meaning, TextKind::Prose);
            $w.leave();
        }
        $w.leave();
        $w.enter(Step::Key("dimension"));
        for (i, d) in dimensions.into_iter().enumerate() {
            let Dimension {
                id,
                name,
                emoji,
                themes,
            } = d;
            $w.enter(Step::Index(i));
            $w.text(Step::Key("id"), id, TextKind::Id(Item::Dimension));
            $w.text(Step::Key("name"), name, TextKind::Name);
            if let Some(e) = emoji {
                $w.text(Step::Key("emoji"), e, TextKind::Symbol);
            }
            $w.enter(Step::Key("themes"));
            for (ti, t) in themes.into_iter().enumerate() {
                let Theme { id, name } = t;
                $w.enter(Step::Index(ti));
                $w.text(Step::Key("id"), id, TextKind::Id(Item::Theme));
                $w.text(Step::Key("name"), name, TextKind::Name);
                $w.leave();
            }
            $w.leave();
            $w.leave();
        }
        $w.leave();
        $w.enter(Step::Key("band"));
        for (i, b) in bands.into_iter().enumerate() {
            let Band { id, name, meaning } = b;
            $w.enter(Step::Index(i));
            $w.text(Step::Key("id"), id, TextKind::Id(Item::Band));
            $w.text(Step::Key("name"), name, TextKind::Name);
            $w.text(Step::Key("meaning"), meaning, TextKind::Prose);
            $w.leave();
        }
        $w.leave();
        $w.enter(Step::Key("track"));
        for (i, t) in tracks.into_iter().enumerate() {
            let Track { id, name, roles } = t;
            $w.enter(Step::Index(i));
            $w.text(Step::Key("id"), id, TextKind::Id(Item::Track));
            $w.text(Step::Key("name"), name, TextKind::Name);
            $w.enter(Step::Key("roles"));
            for (ri, r) in roles.into_iter().enumerate() {
                $w.text(Step::Index(ri), r, TextKind::Ref(Item::Role));
            }
            $w.leave();
            $w.leave();
        }
        $w.leave();
        $w.enter(Step::Key("role"));
        for (i, r) in roles.into_iter().enumerate() {
            $w.enter(Step::Index(i));
            walk_role!(r, $w);
            $w.leave();
        }
        $w.leave();
    }};
}

/// The part of [`walk!`] inside one role.
macro_rules! walk_role {
    ($role:expr, $w:ident) => {{
        let Role {
            id,
            level,
            title,
            summary,
            attributes,
            dimensions,
        } = $role;
        $w.text(Step::Key("id"), id, TextKind::Id(Item::Role));
        $w.text(Step::Key("level"), level, TextKind::Ref(Item::Level));
        $w.text(Step::Key("title"), title, TextKind::Name);
        $w.text(Step::Key("summary"), summary, TextKind::Prose);
        $w.enter(Step::Key("attributes"));
        let attributes = $w.keys(attributes, TextKind::Ref(Item::Attribute));
        for (k, v) in attributes {
            $w.text(Step::Id(k), v, TextKind::Value);
        }
        $w.leave();
        $w.enter(Step::Key("dimensions"));
        let dimensions = $w.keys(dimensions, TextKind::Ref(Item::Dimension));
        for (k, rd) in dimensions {
            let RoleDimension {
                summary,
                expectations,
                examples,
            } = rd;
            $w.enter(Step::Id(k));
            if let Some(s) = summary {
                $w.text(Step::Key("summary"), s, TextKind::Prose);
            }
            $w.enter(Step::Key("expectations"));
            for (ei, e) in expectations.into_iter().enumerate() {
                let Expectation { theme, text } = e;
                $w.enter(Step::Index(ei));
                if let Some(t) = theme {
                    $w.text(Step::Key("theme"), t, TextKind::Ref(Item::Theme));
                }
                $w.text(Step::Key("text"), text, TextKind::Prose);
                $w.leave();
            }
            $w.leave();
            $w.enter(Step::Key("examples"));
            for (xi, x) in examples.into_iter().enumerate() {
                $w.text(Step::Index(xi), x, TextKind::Prose);
            }
            $w.leave();
            $w.leave();
        }
        $w.leave();
    }};
}

impl Ladder {
    /// Calls `visit` with every text of the ladder, its path and its kind, in file order (a
    /// role's keys before their values).
    pub fn visit_texts<'a>(&'a self, visit: impl FnMut(&[Step<'a>], &'a str, TextKind)) {
        let mut w = Reader {
            path: Vec::with_capacity(8),
            visit,
        };
        walk!(self, w);
    }

    /// Calls `visit` with every text of the ladder to rewrite it in place; keys of maps are
    /// given as copies, and put back only when one changed.
    pub fn visit_texts_mut(&mut self, visit: impl FnMut(&mut String, TextKind)) {
        let mut w = Writer { visit };
        walk!(self, w);
    }
}

/// The walk's reading side: keeps the path and hands each text out as a borrowed `str`.
struct Reader<'a, F> {
    path: Vec<Step<'a>>,
    visit: F,
}

impl<'a, F: FnMut(&[Step<'a>], &'a str, TextKind)> Reader<'a, F> {
    fn text(&mut self, step: Step<'a>, text: &'a str, kind: TextKind) {
        self.path.push(step);
        (self.visit)(&self.path, text, kind);
        self.path.pop();
    }

    fn enter(&mut self, step: Step<'a>) {
        self.path.push(step);
    }

    fn leave(&mut self) {
        self.path.pop();
    }

    /// Visits the keys of a map, each at its own place, and gives the map back.
    fn keys<V>(&mut self, map: &'a BTreeMap<String, V>, kind: TextKind) -> &'a BTreeMap<String, V> {
        for k in map.keys() {
            self.text(Step::Id(k), k, kind);
        }
        map
    }
}

/// The walk's rewriting side: no path, each text handed out to be changed in place.
struct Writer<F> {
    visit: F,
}

impl<F: FnMut(&mut String, TextKind)> Writer<F> {
    fn text(&mut self, _: Step<'_>, text: &mut String, kind: TextKind) {
        (self.visit)(text, kind);
    }

    fn enter(&mut self, _: Step<'_>) {}

    fn leave(&mut self) {}

    /// Hands out a copy of each key of a map; when any copy comes back changed, the map is
    /// rebuilt under the new keys.
    fn keys<'m, V>(
        &mut self,
        map: &'m mut BTreeMap<String, V>,
        kind: TextKind,
    ) -> &'m mut BTreeMap<String, V> {
        let mut changed = false;
        let keys: Vec<String> = map
            .keys()
            .map(|k| {
                let mut copy = k.clone();
                (self.visit)(&mut copy, kind);
                changed |= copy != *k;
                copy
            })
            .collect();
        if changed {
            *map = keys
                .into_iter()
                .zip(std::mem::take(map).into_values())
                .collect();
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ladder with one text in every field, each text naming its own place.
    fn full() -> Ladder {
        toml::from_str(
            r#"
name = "name"
motto = "motto"
about = "about"
levels = ["levels.0"]
[[discipline]]
id = "discipline.0.id"
name = "discipline.0.name"
definition = "discipline.0.definition"
[[attribute]]
id = "attribute.0.id"
name = "attribute.0.name"
meaning = "attribute.0.meaning"
[[dimension]]
id = "dimension.0.id"
name = "dimension.0.name"
emoji = "dimension.0.emoji"
themes = [{ id = "dimension.0.themes.0.id", name = "dimension.0.themes.0.name" }]
[[band]]
id = "band.0.id"
name = "band.0.name"
meaning = "band.0.meaning"
[[track]]
id = "track.0.id"
name = "track.0.name"
roles = ["track.0.roles.0"]
[[role]]
id = "role.0.id"
level = "role.0.level"
title = "role.0.title"
summary = "role.0.summary"
attributes = { k = "role.0.attributes.k" }
[role.dimensions.d]
summary = "role.0.dimensions.d.summary"
expectations = [{ theme = "role.0.dimensions.d.expectations.0.theme", text = "role.0.dimensions.d.expectations.0.text" }]
examples = ["role.0.dimensions.d.examples.0"]
"#,
        )
        .expect("parses")
    }

    fn dotted(path: &[Step<'_>]) -> String {
        let parts: Vec<String> = path
            .iter()
            .map(|s| match s {
                Step::Key(k) | Step::Id(k) => k.to_string(),
                Step::Index(i) => i.to_string(),
            })
            .collect();
        parts.join(".")
    }

    #[test]
    fn every_text_is_visited_at_the_path_it_names() {
        let ladder = full();
        let mut seen = Vec::new();
        ladder.visit_texts(|path, text, _| {
            // Map keys are the texts `k` and `d`, at the path of the map and their own key.
            if text != "k" && text != "d" {
                assert_eq!(dotted(path), text);
            }
            seen.push(text.to_string());
        });
        // Every string of the file above, keys of the role's maps included.
        assert_eq!(seen.len(), 32, "{seen:?}");
    }

    #[test]
    fn the_rewriting_walk_reaches_the_same_texts_and_keys() {
        let mut ladder = full();
        let mut read = Vec::new();
        ladder.visit_texts(|_, text, kind| read.push((text.to_string(), kind)));
        let mut written = Vec::new();
        ladder.visit_texts_mut(|text, kind| {
            written.push((text.clone(), kind));
            text.insert(0, '!');
        });
        assert_eq!(read, written);
        let mut after = Vec::new();
        ladder.visit_texts(|_, text, _| after.push(text.to_string()));
        assert!(after.iter().all(|t| t.starts_with('!')), "{after:?}");
        assert!(ladder.roles[0].dimensions.contains_key("!d"));
        assert!(ladder.roles[0].attributes.contains_key("!k"));
    }
}
