//! Look-ups by id (roles, tracks, dimensions, themes, levels), built once on first use so that
//! large ladders stay linear.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{Dimension, Ladder, Role, Theme, Track};

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

impl Lookup {
    /// Empties the look-up of roles, keeping the others (built or not): for a ladder whose
    /// roles were taken out. The tracks' table is kept: it is built from the tracks alone.
    pub(crate) fn forget_roles(&mut self) {
        if let Some(index) = self.0.get_mut() {
            index.roles.clear();
        }
    }
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

impl Ladder {
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
    /// `Dimension::theme` searches.
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

    /// The roles on `track`, or every role for `None`, in file order; through the table of
    /// tracks by role, so that filtering stays linear in the roles.
    pub fn roles_on<'a>(&'a self, track: Option<&'a Track>) -> impl Iterator<Item = &'a Role> + 'a {
        self.roles
            .iter()
            .filter(move |role| track.is_none_or(|t| self.tracks_of(role).any(|on| on.id == t.id)))
    }

    /// Where a level sits in the ladder, counting from 0 at the first rung.
    pub fn level_rank(&self, level: &str) -> Option<usize> {
        self.index().levels.get(level).copied()
    }
}
