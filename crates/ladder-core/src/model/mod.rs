//! The data model of a ladder: the types a ladder file holds and what they mean. No I/O, no
//! parsing, no validation, no printing: `load` makes a model from text, `validate` checks one.

mod catalogue;
mod lookup;
#[cfg(feature = "schema")]
mod schema;
mod visit;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use catalogue::{Catalogue, Entry};
pub use lookup::Lookup;
#[cfg(feature = "schema")]
pub use schema::file_schema;
pub use visit::{Item, Step, TextKind};

/// A whole career ladder, as written in a ladder TOML file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// A kind of role, such as security analysts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Discipline {
    /// Its id: letters, digits, `-`, `_` and `.`.
    pub id: String,
    /// Its name, such as "Security Analyst".
    pub name: String,
    /// What people of this kind do, in one sentence.
    pub definition: String,
}

/// Something every role states a value for, such as the planning horizon.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Attribute {
    /// Its id, the key of a role's value in `[role.attributes]`.
    pub id: String,
    /// Its name, such as "Planning horizon".
    pub name: String,
    /// What a value of it says, in a sentence.
    pub meaning: String,
}

/// An area in which expectations are written, such as Domain Expertise.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Its id, the key of a role's table in `[role.dimensions]`.
    pub id: String,
    /// Its name, such as "Domain Expertise".
    pub name: String,
    /// An emoji shown before its name (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<String>,
    /// Threads that line expectations up from one level to the next.
    #[serde(default)]
    pub themes: Vec<Theme>,
}

/// A thread within a dimension, such as "Depth of mastery".
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Its id, which an expectation names as its `theme`.
    pub id: String,
    /// Its name, such as "Depth of mastery".
    pub name: String,
}

/// A grade of progress within a level, such as Performing.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Its id.
    pub id: String,
    /// Its name, such as "Performing".
    pub name: String,
    /// What being in it means, in a sentence.
    pub meaning: String,
}

/// A career path: role ids from the lowest level to the highest.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Track {
    /// Its id, such as "engineer".
    pub id: String,
    /// Its name, such as "Security Engineer".
    pub name: String,
    /// The ids of its roles, lowest level first.
    pub roles: Vec<String>,
}

/// One role at one level: its attribute values and its expectations per dimension.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Its id, such as "L3-senior-security-engineer".
    pub id: String,
    /// One of the ladder's `levels`.
    pub level: String,
    /// Its title, such as "Senior Security Engineer".
    pub title: String,
    /// What the role does, in a sentence.
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoleDimension {
    /// The role's own words for the dimension, when its page quotes them (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// What is expected of the role in the dimension, one statement each.
    #[serde(default)]
    pub expectations: Vec<Expectation>,
    /// Concrete examples of work that met the expectations.
    #[serde(default)]
    pub examples: Vec<String>,
}

/// One expectation, tagged with the theme it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    /// The id of one of the dimension's themes (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// The statement, in a sentence.
    pub text: String,
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
    pub(crate) fn theme(&self, id: &str) -> Option<&Theme> {
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
            summary: None,
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
