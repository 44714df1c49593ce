//! Plain result values that the commands hand to renderers: everything a renderer needs, already looked up.

use crate::ladder::{Attribute, Dimension, Ladder, Role, Theme, Track};

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

/// One role in full, as `ladder show` prints it.
#[derive(Debug)]
pub struct RoleView<'a> {
    pub role: &'a Role,
    pub tracks: Vec<&'a Track>,
    /// Every attribute of the ladder with the role's value, in ladder order.
    pub attributes: Vec<(&'a Attribute, Option<&'a str>)>,
    pub dimensions: Vec<DimensionView<'a>>,
}

/// What a role expects in one dimension.
#[derive(Debug)]
pub struct DimensionView<'a> {
    pub dimension: &'a Dimension,
    /// Each expectation with its theme, when it has one.
    pub expectations: Vec<(Option<&'a Theme>, &'a str)>,
    pub examples: &'a [String],
}

impl<'a> RoleList<'a> {
    /// Every role, or those of one track, ordered by track and then by level.
    ///
    /// A role on several tracks sits with the first of them; roles on no track come last.
    pub fn of(ladder: &'a Ladder, track: Option<&'a Track>) -> RoleList<'a> {
        let mut rows: Vec<RoleRow<'a>> = ladder
            .roles
            .iter()
            .filter(|r| track.is_none_or(|t| t.contains(&r.id)))
            .map(|role| RoleRow {
                role,
                tracks: ladder.tracks_of(role).collect(),
            })
            .collect();
        let key = |row: &RoleRow<'a>| {
            let first_track = match track {
                Some(_) => 0,
                None => row
                    .tracks
                    .first()
                    .and_then(|t| ladder.tracks.iter().position(|x| x.id == t.id))
                    .unwrap_or(usize::MAX),
            };
            (first_track, ladder.level_rank(&row.role.level))
        };
        rows.sort_by_key(key);
        RoleList { rows }
    }
}

impl<'a> RoleView<'a> {
    /// The role with its tracks, attributes and the given dimensions resolved.
    pub fn of(ladder: &'a Ladder, role: &'a Role, dimensions: &[&'a Dimension]) -> RoleView<'a> {
        RoleView {
            role,
            tracks: ladder.tracks_of(role).collect(),
            attributes: ladder
                .attributes
                .iter()
                .map(|a| (a, role.attributes.get(&a.id).map(String::as_str)))
                .collect(),
            dimensions: dimensions
                .iter()
                .map(|dimension| {
                    let rd = role.in_dimension(&dimension.id);
                    DimensionView {
                        dimension,
                        expectations: rd
                            .expectations
                            .iter()
                            .map(|e| {
                                (
                                    e.theme.as_deref().and_then(|t| dimension.theme(t)),
                                    e.text.as_str(),
                                )
                            })
                            .collect(),
                        examples: &rd.examples,
                    }
                })
                .collect(),
        }
    }
}

/// The tracks of `ladder tracks`, each with its roles resolved, lowest level first.
#[derive(Debug)]
pub struct TrackList<'a> {
    pub tracks: Vec<(&'a Track, Vec<&'a Role>)>,
}

impl<'a> TrackList<'a> {
    /// Every track of the ladder, in ladder order.
    pub fn of(ladder: &'a Ladder) -> TrackList<'a> {
        TrackList {
            tracks: ladder
                .tracks
                .iter()
                .map(|t| (t, t.roles.iter().filter_map(|id| ladder.role(id)).collect()))
                .collect(),
        }
    }
}

/// What every role is described by: the attributes and the dimensions with their themes.
#[derive(Debug)]
pub struct Structure<'a> {
    pub attributes: &'a [Attribute],
    pub dimensions: &'a [Dimension],
}

impl<'a> Structure<'a> {
    /// The ladder's attributes and dimensions, in ladder order.
    pub fn of(ladder: &'a Ladder) -> Structure<'a> {
        Structure {
            attributes: &ladder.attributes,
            dimensions: &ladder.dimensions,
        }
    }
}
