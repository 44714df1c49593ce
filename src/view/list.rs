//! The view of `ladder list`: the roles in display order, each with its tracks.

use std::collections::HashMap;

use crate::model::{Ladder, Role, Track};

/// The roles of `ladder list`, in display order.
#[derive(Debug)]
pub struct RoleList<'a> {
    pub rows: Vec<RoleRow<'a>>,
}

/// One role with the tracks it is on.
#[derive(Debug)]
pub struct RoleRow<'a> {
    pub role: &'a Role,
    pub tracks: Vec<&'a Track>,
}

impl<'a> RoleList<'a> {
    /// Every role, or those of one track, ordered by track and then by level.
    ///
    /// A role on several tracks sits with the first of them it leads on from; one that ends
    /// every track it is on (a shared top level) comes after all of them. Roles on no track
    /// come last.
    pub fn of(ladder: &'a Ladder, track: Option<&'a Track>) -> RoleList<'a> {
        // A map built once: a search of the tracks for every role would cost their product.
        let mut track_at: HashMap<&str, usize> = HashMap::with_capacity(ladder.tracks.len());
        for (i, t) in ladder.tracks.iter().enumerate() {
            track_at.entry(t.id.as_str()).or_insert(i);
        }
        let mut rows: Vec<RoleRow<'a>> = ladder
            .roles_on(track)
            .map(|role| RoleRow {
                role,
                tracks: ladder.tracks_of(role).collect(),
            })
            .collect();
        let key = |row: &RoleRow<'a>| {
            let group = match track {
                Some(_) => Some(0),
                None => home_track(row).and_then(|t| track_at.get(t.id.as_str()).copied()),
            };
            (
                group.unwrap_or(usize::MAX),
                ladder.level_rank(&row.role.level),
            )
        };
        rows.sort_by_cached_key(key);
        RoleList { rows }
    }
}

/// The track a role is listed with: the first of its tracks that goes on after it, else the
/// last of them (see [`RoleList::of`]).
fn home_track<'a>(row: &RoleRow<'a>) -> Option<&'a Track> {
    let leads_on = |t: &&&Track| t.roles.last().is_some_and(|last| *last != row.role.id);
    row.tracks
        .iter()
        .find(leads_on)
        .or(row.tracks.last())
        .copied()
}
