//! The views of `ladder show`: one role in full (`RoleView`), and every role of a ladder
//! (`LadderView`, `show --all`).

use super::{DimensionList, Hint, TrackList};
use crate::model::{Attribute, Band, Dimension, Ladder, Role, Theme, Track};

/// One role in full, as `ladder show` prints it.
#[derive(Debug)]
pub struct RoleView<'a> {
    pub role: &'a Role,
    pub tracks: Vec<&'a Track>,
    /// Every attribute of the ladder with the role's value, in ladder order.
    pub attributes: Vec<(&'a Attribute, Option<&'a str>)>,
    pub dimensions: Vec<DimensionView<'a>>,
    /// The bands that grade progress within every level.
    pub bands: &'a [Band],
    /// Whether every dimension is shown (no `--dimension`): only then do the views for people
    /// add the bands, which say nothing about one dimension. In a [`LadderView`] it is false:
    /// the bands come once, after every role.
    pub whole: bool,
    /// Where a person reading the role might go next; the table shows it on a terminal only.
    pub hint: Option<Hint<'a>>,
}

/// What a role expects in one dimension.
#[derive(Debug)]
pub struct DimensionView<'a> {
    pub dimension: &'a Dimension,
    /// The role's own words for the dimension, when it states them.
    pub summary: Option<&'a str>,
    /// Each expectation with its theme, when it has one.
    pub expectations: Vec<(Option<&'a Theme>, &'a str)>,
    pub examples: &'a [String],
}

/// What a view for people shows of a role's attributes or dimensions: every one the role
/// fills, the first few it leaves empty in their place, and how many more it leaves empty.
#[derive(Debug)]
pub struct ForPeople<T> {
    pub shown: Vec<T>,
    pub more_empty: usize,
}

impl<T> ForPeople<T> {
    /// The items in order, those for which `empty` holds shown only up to
    /// [`crate::text::NAMED_ITEMS`] of them: a role of a ladder of thousands of attributes it
    /// does not state would otherwise be thousands of lines of "not stated", for every role.
    fn of(items: impl IntoIterator<Item = T>, empty: impl Fn(&T) -> bool) -> ForPeople<T> {
        let mut shown = Vec::new();
        let mut empties = 0;
        for item in items {
            if empty(&item) {
                empties += 1;
                if empties > crate::text::NAMED_ITEMS {
                    continue;
                }
            }
            shown.push(item);
        }
        ForPeople {
            shown,
            more_empty: empties.saturating_sub(crate::text::NAMED_ITEMS),
        }
    }
}

impl<'a> RoleView<'a> {
    /// The attributes as people read them: see [`ForPeople`].
    pub fn attributes_for_people(&self) -> ForPeople<(&'a Attribute, Option<&'a str>)> {
        ForPeople::of(self.attributes.iter().copied(), |(_, value)| {
            value.is_none()
        })
    }

    /// The dimensions as people read them: see [`ForPeople`]; empty is without a summary,
    /// expectations or examples.
    pub fn dimensions_for_people(&self) -> ForPeople<&DimensionView<'a>> {
        ForPeople::of(&self.dimensions, |d| {
            d.summary.is_none() && d.expectations.is_empty() && d.examples.is_empty()
        })
    }

    /// The role with its tracks, attributes and the given dimensions resolved.
    pub fn of(ladder: &'a Ladder, role: &'a Role, dimensions: &[&'a Dimension]) -> RoleView<'a> {
        let tracks: Vec<&Track> = ladder.tracks_of(role).collect();
        // From the tracks alone: with a large --data file only this role may be loaded.
        let has_next = tracks.iter().any(|t| t.roles.last() != Some(&role.id));
        RoleView {
            role,
            tracks,
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
                        summary: rd.summary.as_deref(),
                        expectations: rd
                            .expectations
                            .iter()
                            .map(|e| {
                                (
                                    e.theme.as_deref().and_then(|t| ladder.theme(dimension, t)),
                                    e.text.as_str(),
                                )
                            })
                            .collect(),
                        examples: &rd.examples,
                    }
                })
                .collect(),
            bands: &ladder.bands,
            whole: dimensions.len() == ladder.dimensions.len(),
            hint: has_next.then_some(Hint::CompareWithNext { role_id: &role.id }),
        }
    }
}

/// The whole ladder, as `show --all` prints it: its head, then every role in ladder order.
#[derive(Debug)]
pub struct LadderView<'a> {
    pub name: &'a str,
    pub levels: &'a [String],
    pub structure: DimensionList<'a>,
    pub tracks: TrackList<'a>,
    /// The ladder, its roles (those on `track`, if given) and the dimensions shown, for
    /// [`LadderView::roles`].
    ladder: &'a Ladder,
    roles: Vec<&'a Role>,
    dimensions: Vec<&'a Dimension>,
    /// Whether every dimension is shown (no `--dimension`): only then do the views for people
    /// add the bands, once, after the roles.
    pub whole: bool,
}

impl<'a> LadderView<'a> {
    /// The ladder's head and its roles (those on `track`, if given), with the given dimensions.
    pub fn of(
        ladder: &'a Ladder,
        track: Option<&'a Track>,
        dimensions: &[&'a Dimension],
    ) -> LadderView<'a> {
        LadderView {
            name: &ladder.name,
            levels: &ladder.levels,
            structure: DimensionList::of(ladder),
            tracks: TrackList::of(ladder),
            ladder,
            roles: ladder.roles_on(track).collect(),
            dimensions: dimensions.to_vec(),
            whole: dimensions.len() == ladder.dimensions.len(),
        }
    }

    /// Every role (or those of one track) in the order of the ladder file, each as `show`
    /// shows it but without a hint, and with the bands left to the whole view. Made one at a
    /// time as a renderer reads them: held together, they would be the roles times the
    /// attributes and dimensions.
    pub fn roles(&self) -> impl Iterator<Item = RoleView<'a>> + '_ {
        self.roles.iter().map(|role| RoleView {
            hint: None,
            whole: false,
            ..RoleView::of(self.ladder, role, &self.dimensions)
        })
    }
}
