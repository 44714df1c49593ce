//! The view of `ladder tracks`: every track with its roles, and the roles of each level.

use std::collections::{HashMap, HashSet};

use crate::model::{Ladder, Role, Track};

/// The tracks of `ladder tracks`, each with its roles resolved, lowest level first.
#[derive(Debug)]
pub struct TrackList<'a> {
    pub tracks: Vec<(&'a Track, Vec<&'a Role>)>,
    /// The levels the tracks use, lowest first.
    pub levels: Vec<&'a str>,
}

impl<'a> TrackList<'a> {
    /// Every track of the ladder, in ladder order.
    pub fn of(ladder: &'a Ladder) -> TrackList<'a> {
        let tracks: Vec<(&Track, Vec<&Role>)> = ladder
            .tracks
            .iter()
            .map(|t| (t, t.roles.iter().filter_map(|id| ladder.role(id)).collect()))
            .collect();
        let used: HashSet<&str> = tracks
            .iter()
            .flat_map(|(_, roles)| roles)
            .map(|r| r.level.as_str())
            .collect();
        let levels = ladder
            .levels
            .iter()
            .filter(|l| used.contains(l.as_str()))
            .map(String::as_str)
            .collect();
        TrackList { tracks, levels }
    }

    /// Each level the tracks use, lowest first, with its roles in the order the tracks first
    /// name them, each with the ids of the tracks it is on. One pass over the tracks' roles,
    /// with the roles looked up by id: a search per role would cost the roles squared.
    pub fn by_level(&self) -> Vec<LevelRoles<'a>> {
        let rank: HashMap<&str, usize> = self
            .levels
            .iter()
            .enumerate()
            .map(|(i, l)| (*l, i))
            .collect();
        let mut levels: Vec<LevelRoles<'a>> =
            self.levels.iter().map(|l| (*l, Vec::new())).collect();
        let mut placed: HashMap<&str, (usize, usize)> = HashMap::new();
        for (track, roles) in &self.tracks {
            for role in roles {
                let Some(&l) = rank.get(role.level.as_str()) else {
                    continue;
                };
                let seen = &mut levels[l].1;
                let &mut (l, i) = placed.entry(&role.id).or_insert_with(|| {
                    seen.push((role, Vec::new()));
                    (l, seen.len() - 1)
                });
                levels[l].1[i].1.push(&track.id);
            }
        }
        levels
    }
}

/// A level and its roles on tracks, each with the ids of its tracks: see [`TrackList::by_level`].
pub type LevelRoles<'a> = (&'a str, Vec<(&'a Role, Vec<&'a str>)>);
