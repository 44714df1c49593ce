//! The ladder file `ladder init` writes: the skeleton as TOML, with a comment at each place
//! that says what goes there, and the `#:schema` line an editor's TOML server reads.

use crate::view::{Named, Skeleton};

/// The file `ladder init` writes beside the ladder, which the `#:schema` line names.
pub const SCHEMA_FILE: &str = "ladder.schema.json";

/// The skeleton as a ladder file: it loads and validates (with a warning per dimension of a
/// role that expects nothing yet).
pub fn skeleton_toml(s: &Skeleton) -> String {
    let mut out = format!(
        "#:schema ./{SCHEMA_FILE}
# A career ladder for `ladder` (`ladder man format` describes every key). Fill in the roles'
# summaries and expectations, then check the file: ladder --data FILE validate

# The ladder's name, and its level ids from the first rung to the last.
name = {}
levels = [{}]

# Attributes every role gives a value for, such as a planning horizon, go here:
# [[attribute]] with an id, a name and its meaning; each role then says its value
# under [role.attributes], as id = \"value\".
",
        quoted(&s.name),
        s.levels
            .iter()
            .map(|l| quoted(l))
            .collect::<Vec<_>>()
            .join(", "),
    );
    for d in &s.dimensions {
        out += &format!(
            "
# An area in which expectations are written. Its themes are threads that line statements
# up from one level to the next: {{ id = \"depth\", name = \"Depth\" }} (optional).
[[dimension]]
id = {}
name = {}
themes = []
",
            quoted(&d.id),
            quoted(&d.name)
        );
    }
    for t in &s.tracks {
        let roles: Vec<String> = s
            .levels
            .iter()
            .map(|l| quoted(&Skeleton::role_id(l, t)))
            .collect();
        out += &format!(
            "
# A career path: the ids of its roles, from the lowest level to the highest.
[[track]]
id = {}
name = {}
roles = [{}]
",
            quoted(&t.id),
            quoted(&t.name),
            roles.join(", ")
        );
    }
    for t in &s.tracks {
        for level in &s.levels {
            out += &role(s, t, level);
        }
    }
    out
}

/// One role of the skeleton: the role of `track` at `level`, with a table per dimension.
fn role(s: &Skeleton, track: &Named, level: &str) -> String {
    let mut out = format!(
        "
# The {} role at level {level}: its title, and what it does in a sentence.
[[role]]
id = {}
level = {}
title = {}
summary = {}
",
        track.name,
        quoted(&Skeleton::role_id(level, track)),
        quoted(level),
        quoted(&track.name),
        quoted(&format!("The {} role at level {level}.", track.name)),
    );
    for d in &s.dimensions {
        out += &format!(
            "
# What is expected at this level in {}: one {{ theme = \"id\", text = \"...\" }} a statement
# (the theme optional), and examples of work that met it, one string each.
[role.dimensions.{}]
expectations = []
examples = []
",
            d.name,
            quoted_key(&d.id)
        );
    }
    out
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// A table key: bare when the id allows it, else quoted.
fn quoted_key(id: &str) -> String {
    if id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        id.to_string()
    } else {
        quoted(id)
    }
}
