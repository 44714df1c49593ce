//! What `ladder init` writes: a ladder of names and levels with nothing expected yet, its ids
//! made from the names it was given.

use std::collections::HashMap;
use std::path::Path;

use crate::exit::UsageError;
use crate::text;
use crate::validate::limits;

/// The most tracks `init` makes: a skeleton is a start, and each track is a role per level.
pub const MAX_TRACKS: usize = 100;

/// A track or dimension of the skeleton: the name given and the id made from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// A new ladder: its name, levels (lowest first), tracks and dimensions; every track has one
/// role at every level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skeleton {
    pub name: String,
    pub levels: Vec<String>,
    pub tracks: Vec<Named>,
    pub dimensions: Vec<Named>,
}

impl Skeleton {
    /// The skeleton of these answers, or the first thing wrong with them in one line: an
    /// empty list, a level id outside the id alphabet, a name without a letter or digit, two
    /// of a kind that would share an id.
    pub fn new(
        name: &str,
        levels: &[String],
        tracks: &[String],
        dimensions: &[String],
    ) -> Result<Skeleton, UsageError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(UsageError("the ladder needs a name".into()));
        }
        let typed = levels.iter().chain(tracks).chain(dimensions);
        if let Some(bad) = std::iter::once(name)
            .chain(typed.map(String::as_str))
            .find(|t| unsafe_text(t))
        {
            let why = format!(
                "{} holds a control character: a name is one line of text",
                text::quoted(bad)
            );
            return Err(UsageError(why));
        }
        let levels: Vec<String> = cleaned(levels);
        if let Some(bad) = levels.iter().find(|l| !text::is_safe_id(l)) {
            return Err(UsageError(format!(
                "level {} is not an id: use letters, digits, '-', '_' and '.'",
                text::quoted(bad)
            )));
        }
        distinct("level", &levels, &levels)?;
        let skeleton = Skeleton {
            name: name.to_string(),
            levels,
            tracks: named("track", tracks)?,
            dimensions: named("dimension", dimensions)?,
        };
        skeleton.within_limits()?;
        Ok(skeleton)
    }

    /// Refuses what the file format's limits refuse (docs/format.md, "Limits"), and more than
    /// [`MAX_TRACKS`] tracks: a skeleton of a few words on the command line cannot grow into
    /// a file of gigabytes.
    fn within_limits(&self) -> Result<(), UsageError> {
        let too_long = |kind: &str, text: &str, most: usize| {
            (text.chars().count() > most).then(|| {
                UsageError(format!(
                    "{kind} {} is longer than {most} characters",
                    text::quoted(text)
                ))
            })
        };
        let names = self.tracks.iter().chain(&self.dimensions);
        let long = std::iter::once(too_long("the name", &self.name, limits::MAX_NAME_CHARS))
            .chain(
                self.levels
                    .iter()
                    .map(|l| too_long("level", l, limits::MAX_ID_CHARS)),
            )
            .chain(names.map(|n| too_long("name", &n.name, limits::MAX_NAME_CHARS)))
            .flatten()
            .next();
        if let Some(err) = long {
            return Err(err);
        }
        let counts = [
            ("levels", self.levels.len(), limits::MAX_LEVELS),
            ("tracks", self.tracks.len(), MAX_TRACKS),
            ("dimensions", self.dimensions.len(), limits::MAX_DIMENSIONS),
        ];
        if let Some((kind, n, most)) = counts.into_iter().find(|(_, n, most)| n > most) {
            return Err(UsageError(format!(
                "{n} {kind}: a ladder has at most {most}"
            )));
        }
        let cells = self.levels.len() * self.tracks.len() * self.dimensions.len();
        if cells > limits::MAX_ROLE_CELLS {
            return Err(UsageError(format!(
                "{} roles of {} dimensions each: a ladder has at most {} such tables",
                self.levels.len() * self.tracks.len(),
                self.dimensions.len(),
                limits::MAX_ROLE_CELLS
            )));
        }
        Ok(())
    }

    /// The ladder's name from its file's: `security-ops.toml` is "Security ops".
    pub fn name_from(file: &Path) -> String {
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().replace(['-', '_'], " "))
            .unwrap_or_default();
        let mut chars = stem.trim().chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => "Ladder".to_string(),
        }
    }

    /// The id of the role of `track` at `level`: `L2-engineer`.
    pub fn role_id(level: &str, track: &Named) -> String {
        format!("{level}-{}", track.id)
    }
}

/// Whether a name would break the file's lines or reach a terminal raw.
fn unsafe_text(name: &str) -> bool {
    text::has_controls(name) || name.contains(['\n', '\r'])
}

/// The items of a list, trimmed, the empty ones left out.
fn cleaned(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|i| i.trim().to_string())
        .filter(|i| !i.is_empty())
        .collect()
}

/// Names with their ids (`Cloud Security` → `cloud-security`), at least one, no two alike.
fn named(kind: &str, names: &[String]) -> Result<Vec<Named>, UsageError> {
    let names = cleaned(names);
    let mut found = Vec::new();
    for name in &names {
        let id = text::slug(name).to_lowercase();
        if id.is_empty() {
            let why = format!("{kind} {} has no letter or digit", text::quoted(name));
            return Err(UsageError(why));
        }
        found.push(Named {
            id,
            name: name.clone(),
        });
    }
    let ids: Vec<String> = found.iter().map(|n| n.id.clone()).collect();
    distinct(kind, &ids, &names)?;
    Ok(found)
}

/// Refuses an empty list, and two items of one id (case aside), naming them as typed.
fn distinct(kind: &str, ids: &[String], typed: &[String]) -> Result<(), UsageError> {
    if ids.is_empty() {
        return Err(UsageError(format!("the ladder needs at least one {kind}")));
    }
    // Each id (case folded) to where it was first typed: one look-up per item, so that a
    // long list on the command line costs its length, not its square.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, (id, as_typed)) in ids.iter().zip(typed).enumerate() {
        if let Some(&at) = seen.get(&id.to_lowercase()) {
            return Err(UsageError(format!(
                "{kind}s {} and {} would share the id {}",
                text::quoted(&typed[at]),
                text::quoted(as_typed),
                text::quoted(id)
            )));
        }
        seen.insert(id.to_lowercase(), i);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &str) -> Vec<String> {
        items.split(',').map(String::from).collect()
    }

    #[test]
    fn ids_come_from_the_names_and_roles_from_level_and_track() {
        let s = Skeleton::new(
            " Team ",
            &list("L1, L2"),
            &list("Cloud Security"),
            &list("Craft"),
        )
        .expect("a skeleton");
        assert_eq!(s.name, "Team");
        assert_eq!(s.levels, ["L1", "L2"]);
        assert_eq!(s.tracks[0].id, "cloud-security");
        assert_eq!(Skeleton::role_id("L2", &s.tracks[0]), "L2-cloud-security");
    }

    #[test]
    fn what_cannot_make_a_ladder_is_said_in_one_line() {
        let refused = |levels: &str, tracks: &str, dims: &str| {
            Skeleton::new("T", &list(levels), &list(tracks), &list(dims))
                .expect_err("refused")
                .0
        };
        assert_eq!(refused("", "A", "C"), "the ladder needs at least one level");
        assert!(refused("L 1", "A", "C").starts_with("level \"L 1\" is not an id"));
        assert!(refused("L1,l1", "A", "C").contains("would share the id"));
        assert_eq!(
            refused("L1", "A, a", "C"),
            "tracks \"A\" and \"a\" would share the id \"a\""
        );
        assert_eq!(
            refused("L1", "A", "!!"),
            "dimension \"!!\" has no letter or digit"
        );
    }
}
