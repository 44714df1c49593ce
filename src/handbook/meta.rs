//! The metadata comments of handbook pages, written and read here: what plain Markdown cannot
//! show (ids, themes, the order of levels, tracks), as an HTML comment that renders invisibly,
//! ` <!-- ladder {json} -->`, at the end of the line it describes.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::model::{Dimension, Theme, Track};

/// How a comment opens and closes; between them, one JSON value.
const OPEN: &str = "<!-- ladder ";
const CLOSE: &str = "-->";

/// The keys of a comment's JSON object: what the export writes and the import looks up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A sentence of the handbook's own, not ladder text (`true`).
    Caption,
    /// The ladder's levels in order, on the index's title.
    Levels,
    Discipline,
    Attribute,
    Dimension,
    /// A dimension's emoji, `null` when it has none.
    Emoji,
    /// A dimension's themes, as `{ "id", "name" }` objects.
    Themes,
    Band,
    Track,
    /// A track's role ids in order.
    Roles,
    Role,
    Theme,
}

impl Key {
    /// The key as the JSON spells it.
    pub fn name(self) -> &'static str {
        match self {
            Key::Caption => "caption",
            Key::Levels => "levels",
            Key::Discipline => "discipline",
            Key::Attribute => "attribute",
            Key::Dimension => "dimension",
            Key::Emoji => "emoji",
            Key::Themes => "themes",
            Key::Band => "band",
            Key::Track => "track",
            Key::Roles => "roles",
            Key::Role => "role",
            Key::Theme => "theme",
        }
    }
}

/// A theme as a dimension's comment lists it.
#[derive(Serialize, Deserialize)]
struct ThemeMeta {
    id: String,
    name: String,
}

/// A comment the export writes: one kind per kind of line it follows. Displayed, it is the
/// comment with the space before it.
#[derive(Debug, Clone, Copy)]
pub enum Tag<'a> {
    /// Marks the handbook's own connecting sentences, so the import knows they are not ladder text.
    Caption,
    /// The index's title: the order of levels.
    Levels(&'a [String]),
    Discipline(&'a str),
    Attribute(&'a str),
    /// A dimension on the index: its id, emoji and themes.
    Dimension(&'a Dimension),
    /// A dimension's section on a role page: its id only.
    Section(&'a str),
    Band(&'a str),
    /// A track on the index: its id and roles.
    Track(&'a Track),
    /// A role page's title.
    Role(&'a str),
    /// An expectation's theme.
    Theme(&'a str),
}

impl Tag<'_> {
    /// The comment's JSON, its keys in the order written (serde_json keeps insertion order).
    fn json(&self) -> Value {
        let text = |s: &str| Value::String(s.to_string());
        let strings = |list: &[String]| Value::from(list.to_vec());
        let pairs: Vec<(Key, Value)> = match *self {
            Tag::Caption => vec![(Key::Caption, Value::Bool(true))],
            Tag::Levels(levels) => vec![(Key::Levels, strings(levels))],
            Tag::Discipline(id) => vec![(Key::Discipline, text(id))],
            Tag::Attribute(id) => vec![(Key::Attribute, text(id))],
            Tag::Dimension(d) => {
                let themes: Vec<ThemeMeta> = d
                    .themes
                    .iter()
                    .map(|t| ThemeMeta {
                        id: t.id.clone(),
                        name: t.name.clone(),
                    })
                    .collect();
                vec![
                    (Key::Dimension, text(&d.id)),
                    (Key::Emoji, d.emoji.as_deref().map_or(Value::Null, text)),
                    (
                        Key::Themes,
                        serde_json::to_value(themes).unwrap_or_default(),
                    ),
                ]
            }
            Tag::Section(id) => vec![(Key::Dimension, text(id))],
            Tag::Band(id) => vec![(Key::Band, text(id))],
            Tag::Track(t) => vec![(Key::Track, text(&t.id)), (Key::Roles, strings(&t.roles))],
            Tag::Role(id) => vec![(Key::Role, text(id))],
            Tag::Theme(id) => vec![(Key::Theme, text(id))],
        };
        let object: Map<String, Value> = pairs
            .into_iter()
            .map(|(key, value)| (key.name().to_string(), value))
            .collect();
        Value::Object(object)
    }
}

impl fmt::Display for Tag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // "--" cannot appear inside a comment; outside strings JSON never has it, inside a string
        // the escape \u002d reads back as the same dash.
        let json = self.json().to_string().replace("--", "-\\u002d");
        write!(f, " {OPEN}{json} {CLOSE}")
    }
}

/// A comment read back from a page: its JSON, looked up by [`Key`]. Lenient as the import is:
/// a key whose value has the wrong type reads as absent.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment(Value);

impl Comment {
    /// A comment that says nothing: what a line without one has.
    pub fn empty() -> Comment {
        Comment(Value::Null)
    }

    /// The comment in `text`, which must be exactly `<!-- ladder {json} -->` (spaces around
    /// the JSON aside), or `None`.
    pub fn parse(text: &str) -> Option<Comment> {
        let json = text.strip_prefix(OPEN)?.strip_suffix(CLOSE)?;
        serde_json::from_str(json.trim()).ok().map(Comment)
    }

    /// Where the comment opens in `text`, when `text` ends with one: the last opening before
    /// the closing at its end.
    pub fn start_in(text: &str) -> Option<usize> {
        text.strip_suffix(CLOSE)?.rfind(OPEN)
    }

    /// The value under a key as the JSON spells it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// Whether the comment has the key, whatever its value.
    pub fn has(&self, key: Key) -> bool {
        self.get(key.name()).is_some()
    }

    /// The key's value when it is a string.
    pub fn text(&self, key: Key) -> Option<&str> {
        self.get(key.name()).and_then(Value::as_str)
    }

    /// The key's value when it is a list of strings.
    pub fn strings(&self, key: Key) -> Option<Vec<String>> {
        serde_json::from_value(self.get(key.name())?.clone()).ok()
    }

    /// A dimension's emoji: `None` when the comment does not say, `Some(None)` when it says
    /// there is none (or says it in a form that is not text).
    pub fn emoji(&self) -> Option<Option<&str>> {
        self.get(Key::Emoji.name()).map(Value::as_str)
    }

    /// A dimension's themes; none when the comment lists none, or not in the written form.
    pub fn themes(&self) -> Vec<Theme> {
        self.get(Key::Themes.name())
            .and_then(|v| serde_json::from_value::<Vec<ThemeMeta>>(v.clone()).ok())
            .unwrap_or_default()
            .into_iter()
            .map(|t| Theme {
                id: t.id,
                name: t.name,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_reads_back() {
        let dimension = Dimension {
            id: "delivery--fast".into(),
            name: "Delivery".into(),
            emoji: None,
            themes: vec![Theme {
                id: "scope".into(),
                name: "Scope".into(),
            }],
        };
        let written = Tag::Dimension(&dimension).to_string();
        assert_eq!(
            written,
            " <!-- ladder {\"dimension\":\"delivery-\\u002dfast\",\"emoji\":null,\"themes\":[{\"id\":\"scope\",\"name\":\"Scope\"}]} -->"
        );
        let comment = Comment::parse(written.trim()).expect("reads back");
        assert_eq!(comment.text(Key::Dimension), Some("delivery--fast"));
        assert_eq!(comment.emoji(), Some(None));
        assert_eq!(comment.themes(), dimension.themes);
        assert_eq!(
            Tag::Caption.to_string(),
            " <!-- ladder {\"caption\":true} -->"
        );
    }
}
