//! Plain result values that the commands hand to renderers: everything a renderer needs, already looked up.

use crate::query::compare::{self, Comparison, Mark, Marked};
use std::collections::{HashMap, HashSet};

use crate::model::{Attribute, Band, Dimension, Entry, Ladder, Role, Theme, Track};

/// The roles of `ladder list`, in display order.
#[derive(Debug)]
pub struct RoleList<'a> {
    pub rows: Vec<RoleRow<'a>>,
}

/// A view of each ladder of a catalogue of several ladders, in catalogue order, under its id
/// and name: what `list`, `tracks`, `dimensions`, `path` and `show --all` show of a catalogue
/// (a ladder that lacks the track or dimension asked for is left out).
#[derive(Debug)]
pub struct PerLadder<'a, V> {
    pub ladders: Vec<(LadderHead<'a>, V)>,
}

impl<'a, V> PerLadder<'a, V> {
    /// The ladders given, each with its view, in the order given.
    pub fn of(ladders: impl IntoIterator<Item = (&'a Entry, V)>) -> PerLadder<'a, V> {
        PerLadder {
            ladders: ladders
                .into_iter()
                .map(|(entry, view)| (LadderHead::of(Some(&entry.id), &entry.ladder), view))
                .collect(),
        }
    }
}

/// A ladder of a catalogue, as headings and listings name it.
#[derive(Debug, Clone, Copy)]
pub struct LadderHead<'a> {
    /// The ladder's id: its file's stem, or `None` for a ladder outside a catalogue.
    pub id: Option<&'a str>,
    pub name: &'a str,
}

impl<'a> LadderHead<'a> {
    /// The head of a ladder under an id (`None` outside a catalogue).
    pub fn of(id: Option<&'a str>, ladder: &'a Ladder) -> LadderHead<'a> {
        LadderHead {
            id,
            name: &ladder.name,
        }
    }
}

/// The ladders of `ladder ladders`, in catalogue order.
#[derive(Debug)]
pub struct LadderList<'a> {
    pub ladders: Vec<LadderRow<'a>>,
}

/// One ladder of [`LadderList`]: how many roles it has, and its tracks.
#[derive(Debug)]
pub struct LadderRow<'a> {
    pub head: LadderHead<'a>,
    pub roles: usize,
    pub tracks: &'a [Track],
}

impl<'a> LadderRow<'a> {
    /// The row of a ladder under an id (`None` outside a catalogue).
    pub fn of(id: Option<&'a str>, ladder: &'a Ladder) -> LadderRow<'a> {
        LadderRow {
            head: LadderHead::of(id, ladder),
            roles: ladder.roles.len(),
            tracks: &ladder.tracks,
        }
    }
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
    /// The bands that grade progress within every level.
    pub bands: &'a [Band],
    /// Whether every dimension is shown (no `--dimension`): only then do the views for people
    /// add the bands, which say nothing about one dimension. In a [`LadderView`] it is false:
    /// the bands come once, after every role.
    pub whole: bool,
    /// Where a person reading the role might go next; the table shows it on a terminal only.
    pub hint: Option<Hint<'a>>,
}

/// A pointer to a next command, for a person at a terminal; the renderer words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint<'a> {
    /// The role has a next level on some track: `ladder next` compares with it.
    CompareWithNext { role_id: &'a str },
    /// The role has several next steps: `ladder next --track` shows one, such as the first.
    PickTrack { role_id: &'a str, track_id: &'a str },
}

/// How much of a comparison `diff` and `next` show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Detail {
    /// Everything: a summary, then both sides, item by item.
    #[default]
    Full,
    /// Only what is new and what grows at B, as a plain list (`--brief`).
    Brief,
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
    pub structure: Structure<'a>,
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
            structure: Structure::of(ladder),
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

/// The next steps from one role: per track, the comparison with the next role, or the top.
#[derive(Debug)]
pub struct NextSteps<'a> {
    pub role: &'a Role,
    /// The steps compared: every one, or the first few (see [`NextSteps::of`]).
    pub steps: Vec<Step<'a>>,
    /// The steps after those, not compared, when only the first few are.
    pub left_out: Option<LeftOut<'a>>,
    /// How to see one step when there are several; the table shows it on a terminal only.
    pub hint: Option<Hint<'a>>,
}

/// The next steps a view for people leaves out: how many, and the tracks they follow.
#[derive(Debug)]
pub struct LeftOut<'a> {
    pub steps: usize,
    pub tracks: Vec<&'a Track>,
}

/// One way up from a role: the tracks it follows and the comparison with the next role,
/// or `None` at the top of those tracks.
#[derive(Debug)]
pub struct Step<'a> {
    pub tracks: Vec<&'a Track>,
    pub next: Option<Comparison<'a>>,
}

impl<'a> NextSteps<'a> {
    /// The role compared with the next role on `track`, or on each track it is on; tracks
    /// that lead to the same next role share one step and one comparison.
    ///
    /// With `compared`, only the first that many steps are compared and the rest counted: a
    /// person reads a few, and every step repeats the role's own statements, so a role on
    /// thousands of tracks would make the output its statements times its tracks.
    pub fn of(
        ladder: &'a Ladder,
        role: &'a Role,
        track: Option<&'a Track>,
        dimensions: &[&'a Dimension],
        compared: Option<usize>,
    ) -> NextSteps<'a> {
        let tracks: Vec<&Track> = match track {
            Some(t) => vec![t],
            None => ladder.tracks_of(role).collect(),
        };
        // Each next role (`None`: the top) with the tracks that lead to it, in the order of
        // the first of them; looked up: a search of the steps for every track would cost
        // their product.
        let mut groups: Vec<(Option<&Role>, Vec<&Track>)> = Vec::new();
        let mut group_of: HashMap<Option<&str>, usize> = HashMap::new();
        for t in tracks {
            let next = ladder.next_on(t, role);
            let at = *group_of
                .entry(next.map(|r| r.id.as_str()))
                .or_insert_with(|| {
                    groups.push((next, Vec::new()));
                    groups.len() - 1
                });
            groups[at].1.push(t);
        }
        let mut onward = groups.iter().filter(|(next, _)| next.is_some());
        let first = onward.next().and_then(|(_, tracks)| tracks.first());
        let hint = match (first, onward.next()) {
            (Some(track), Some(_)) => Some(Hint::PickTrack {
                role_id: &role.id,
                track_id: &track.id,
            }),
            _ => None,
        };
        let shown = compared.unwrap_or(groups.len()).min(groups.len());
        let rest = groups.split_off(shown);
        let left_out = (!rest.is_empty()).then(|| LeftOut {
            steps: rest.len(),
            tracks: rest.into_iter().flat_map(|(_, tracks)| tracks).collect(),
        });
        let steps = groups
            .into_iter()
            .map(|(next, tracks)| Step {
                tracks,
                next: next.map(|n| crate::query::compare::compare(ladder, role, n, dimensions)),
            })
            .collect();
        NextSteps {
            role,
            steps,
            left_out,
            hint,
        }
    }

    /// How many next steps the role has, those left out included.
    pub fn count(&self) -> usize {
        self.steps.len() + self.left_out.as_ref().map_or(0, |l| l.steps)
    }
}

/// A whole track as a matrix: one column per role, one row per attribute and per theme. The
/// rows are sparse: each holds only the places that have text, so a track of many levels and
/// few texts costs its texts, not its rows times its levels.
#[derive(Debug)]
pub struct PathView<'a> {
    pub track: &'a Track,
    pub roles: Vec<&'a Role>,
    /// Each attribute with the values the roles of the track state for it.
    pub attributes: Vec<(&'a Attribute, PathRow<'a>)>,
    pub dimensions: Vec<PathDimension<'a>>,
}

/// One dimension of a path: every theme, with the expectations each role lists in it.
#[derive(Debug)]
pub struct PathDimension<'a> {
    pub dimension: &'a Dimension,
    /// Each declared theme (then `None` for untagged expectations, when there are any), with
    /// the texts the roles of the track list in it.
    pub themes: Vec<(Option<&'a Theme>, PathRow<'a>)>,
}

/// One row of a path: its texts, each with the place of its role on the track (an index into
/// [`PathView::roles`]), in track order and, at one place, in the ladder's order. A place
/// without text is not there.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PathRow<'a> {
    places: Vec<usize>,
    texts: Vec<&'a str>,
}

impl<'a> PathRow<'a> {
    /// Adds a text at a place no earlier than the row's last.
    fn push(&mut self, place: usize, text: &'a str) {
        debug_assert!(self.places.last().is_none_or(|&p| p <= place));
        self.places.push(place);
        self.texts.push(text);
    }

    /// Every text of the row, each with its place, in order.
    pub fn cells(&self) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        self.places.iter().copied().zip(self.texts.iter().copied())
    }

    /// How many texts the row holds.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Whether the row holds no text.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// The places that have text, each with its texts, in track order.
    pub fn places(&self) -> impl Iterator<Item = (usize, &[&'a str])> + '_ {
        let mut from = 0;
        std::iter::from_fn(move || {
            let place = *self.places.get(from)?;
            let to = from + self.places[from..].partition_point(|&p| p == place);
            let texts = &self.texts[from..to];
            from = to;
            Some((place, texts))
        })
    }

    /// The texts at each of the first `n` places, empty where there are none: the row as a
    /// matrix has it, made as it is read, for the formats that write every place.
    pub fn dense(&self, n: usize) -> impl ExactSizeIterator<Item = &[&'a str]> + '_ {
        let mut places = self.places().peekable();
        (0..n).map(move |at| match places.next_if(|&(place, _)| place == at) {
            Some((_, texts)) => texts,
            None => &[],
        })
    }
}

impl<'a> PathView<'a> {
    /// The track's roles side by side, over the given dimensions.
    pub fn of(ladder: &'a Ladder, track: &'a Track, dimensions: &[&'a Dimension]) -> PathView<'a> {
        let roles: Vec<&Role> = track
            .roles
            .iter()
            .filter_map(|id| ladder.role(id))
            .collect();
        // Rows are filled from each role's own values and expectations, looked up by id: a
        // look-up of every attribute and dimension at every role would cost their product
        // (ids are unique: loading refuses a ladder that repeats one).
        let mut attributes: Vec<(&Attribute, PathRow)> = ladder
            .attributes
            .iter()
            .map(|a| (a, PathRow::default()))
            .collect();
        let attribute_at: HashMap<&str, usize> = ladder
            .attributes
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let dimension_at: HashMap<&str, usize> = dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let theme_at: Vec<HashMap<&str, usize>> = dimensions
            .iter()
            .map(|d| {
                d.themes
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (t.id.as_str(), i))
                    .collect()
            })
            .collect();
        let mut themes: Vec<Vec<PathRow>> = dimensions
            .iter()
            .map(|d| vec![PathRow::default(); d.themes.len()])
            .collect();
        // The expectations without a theme, per dimension, each at its place.
        let mut untagged: Vec<Vec<(usize, &'a str)>> = vec![Vec::new(); dimensions.len()];
        for (place, role) in roles.iter().enumerate() {
            for (id, value) in &role.attributes {
                if let Some(&a) = attribute_at.get(id.as_str()) {
                    attributes[a].1.push(place, value);
                }
            }
            for (id, said) in &role.dimensions {
                let Some(&d) = dimension_at.get(id.as_str()) else {
                    continue;
                };
                for e in &said.expectations {
                    match e.theme.as_deref() {
                        Some(theme) => {
                            if let Some(&t) = theme_at[d].get(theme) {
                                themes[d][t].push(place, &e.text);
                            }
                        }
                        None => untagged[d].push((place, &e.text)),
                    }
                }
            }
        }
        let dimensions = dimensions
            .iter()
            .zip(themes)
            .zip(untagged)
            .map(|((dimension, rows), untagged)| {
                let mut themes: Vec<(Option<&Theme>, PathRow)> =
                    dimension.themes.iter().map(Some).zip(rows).collect();
                themes.extend(chains(&untagged).into_iter().map(|row| (None, row)));
                PathDimension { dimension, themes }
            })
            .collect();
        PathView {
            track,
            roles,
            attributes,
            dimensions,
        }
    }
}

/// What every role is described by: the attributes and the dimensions with their themes.
#[derive(Debug)]
pub struct Structure<'a> {
    pub attributes: &'a [Attribute],
    pub dimensions: &'a [Dimension],
    pub bands: &'a [Band],
}

impl<'a> Structure<'a> {
    /// The ladder's attributes and dimensions, in ladder order.
    pub fn of(ladder: &'a Ladder) -> Structure<'a> {
        Structure {
            attributes: &ladder.attributes,
            dimensions: &ladder.dimensions,
            bands: &ladder.bands,
        }
    }
}

/// Rows for expectations without a theme, given each with its place in track order: each row
/// follows one expectation up the track, pairing it at every level with the most similar
/// wording (see [`crate::query::similarity`]); an expectation like none before it starts a
/// new row.
fn chains<'a>(texts: &[(usize, &'a str)]) -> Vec<PathRow<'a>> {
    use crate::query::similarity::{REWORDED, WordIndex, visits_each};
    let mut rows: Vec<PathRow<'a>> = Vec::new();
    // The latest text of every row so far, to pair each level's texts with, in an index that
    // follows the rows as they grow: pairing with every row, or indexing every row again at
    // every level, would cost the rows times the levels.
    let mut index = WordIndex::new(texts.iter().map(|&(_, text)| text), REWORDED);
    // Each row's end as its entry in the index.
    let mut ends: Vec<usize> = Vec::new();
    let visits = visits_each(texts.len());
    let mut from = 0;
    while from < texts.len() {
        let place = texts[from].0;
        let to = from + texts[from..].partition_point(|&(p, _)| p == place);
        // The row each text continues, by index: searching the pairs per text is quadratic.
        let mut continues = vec![None; to - from];
        for (row, text, _) in index.pair(from..to, visits) {
            continues[text - from] = Some(row);
        }
        for (text, row) in (from..to).zip(continues) {
            // A row takes at most one text at a level, which becomes its end.
            match row {
                Some(r) => {
                    rows[r].push(place, texts[text].1);
                    index.remove(ends[r]);
                    ends[r] = index.insert(r, text);
                }
                None => {
                    let mut row = PathRow::default();
                    row.push(place, texts[text].1);
                    rows.push(row);
                    ends.push(index.insert(rows.len() - 1, text));
                }
            }
        }
        from = to;
    }
    rows
}

/// The texts at B of a compared dimension, theme by theme, each with its first mark. Looked
/// up, not searched: a search for every expectation would cost the product of the
/// expectations and the themes or texts.
fn marks_by_theme<'a, 'c>(
    dimension: &'c crate::query::compare::DimensionChange<'a>,
) -> HashMap<Option<&'a str>, HashMap<&'a str, &'c Marked<'a>>> {
    let mut out = HashMap::new();
    for change in &dimension.themes {
        out.entry(change.theme.map(|t| t.id.as_str()))
            .or_insert_with(|| {
                let mut texts = HashMap::with_capacity(change.to.len());
                for m in &change.to {
                    texts.entry(m.text).or_insert(m);
                }
                texts
            });
    }
    out
}

/// One expectation of the outline: new when the comparison marks it so, else quoting the
/// statement at A it grows from or rewords.
fn item<'a>(
    theme: Option<&'a Theme>,
    text: &'a str,
    marked: Option<&Marked<'a>>,
) -> EvidenceItem<'a> {
    let (new, before) = match marked.map(|m| (m.mark, m.counterpart)) {
        Some((Mark::New, _)) => (true, Vec::new()),
        Some((Mark::Reworded | Mark::Grows | Mark::Differs, Some(c))) => (false, vec![c]),
        _ => (false, Vec::new()),
    };
    EvidenceItem {
        theme,
        text,
        new,
        before,
    }
}

/// The outline of `ladder evidence`: a role's expectations, marked where they are new.
#[derive(Debug)]
pub struct Evidence<'a> {
    pub role: &'a Role,
    /// The role the person holds now, when there is one to compare with.
    pub from: Option<&'a Role>,
    pub dimensions: Vec<EvidenceDimension<'a>>,
}

/// One dimension of an evidence outline.
#[derive(Debug)]
pub struct EvidenceDimension<'a> {
    pub dimension: &'a Dimension,
    pub items: Vec<EvidenceItem<'a>>,
    pub examples: &'a [String],
}

/// One expectation to gather evidence for.
#[derive(Debug)]
pub struct EvidenceItem<'a> {
    pub theme: Option<&'a Theme>,
    pub text: &'a str,
    /// Whether the expectation is new relative to `from`: nothing in its theme there continues
    /// into it (see [`crate::query::compare`]).
    pub new: bool,
    /// What `from` says that this expectation grows from or rewords: its partner there.
    pub before: Vec<&'a str>,
}

impl<'a> Evidence<'a> {
    /// The outline for `role`, compared with `from` when given (a role of the same ladder, or
    /// in a catalogue of another): an expectation is new when the comparison marks it new at
    /// `role`; it quotes the statement it grows from or rewords.
    pub fn of(
        ladder: &'a Ladder,
        role: &'a Role,
        from: Option<(&'a Ladder, &'a Role)>,
    ) -> Evidence<'a> {
        let all: Vec<&Dimension> = ladder.dimensions.iter().collect();
        let comparison = from.map(|(other, f)| {
            if std::ptr::eq(other, ladder) {
                compare::compare(ladder, f, role, &all)
            } else {
                compare::compare_across((other, f), (ladder, role), None)
            }
        });
        let same_ladder = from.is_some_and(|(other, _)| std::ptr::eq(other, ladder));
        // Across ladders the comparison is laid out on A's dimensions and themes: B's
        // statements are found by their text.
        let by_text: HashMap<&str, &Marked<'a>> = match (&comparison, same_ladder) {
            (Some(c), false) => c
                .dimensions
                .iter()
                .flat_map(|d| &d.themes)
                .flat_map(|t| &t.to)
                .map(|m| (m.text, m))
                .collect(),
            _ => HashMap::new(),
        };
        let dimensions = ladder
            .dimensions
            .iter()
            .enumerate()
            .map(|(k, dimension)| {
                let rd = role.in_dimension(&dimension.id);
                let changes = comparison
                    .as_ref()
                    .filter(|_| same_ladder)
                    .map(|c| marks_by_theme(&c.dimensions[k]));
                let items = rd
                    .expectations
                    .iter()
                    .map(|e| {
                        let theme = e.theme.as_deref().and_then(|t| ladder.theme(dimension, t));
                        let marked = match &changes {
                            Some(c) => c
                                .get(&e.theme.as_deref())
                                .and_then(|f| f.get(e.text.as_str()).copied()),
                            None => by_text.get(e.text.as_str()).copied(),
                        };
                        item(theme, &e.text, marked)
                    })
                    .collect();
                EvidenceDimension {
                    dimension,
                    items,
                    examples: &rd.examples,
                }
            })
            .collect();
        Evidence {
            role,
            from: from.map(|(_, f)| f),
            dimensions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{PathRow, chains};

    #[test]
    fn an_untagged_row_continues_from_its_latest_text_across_a_level_without_one() {
        let texts = [
            (0, "Alpha beta gamma delta."),
            (2, "Gamma delta epsilon zeta."),
            (2, "Writes the runbooks."),
            (3, "Epsilon zeta eta theta."),
        ];
        // The third level's first text continues the first (2 of 6 words shared), the fourth
        // continues the third, which shares nothing with the first; the runbooks start a row.
        let row = |cells: &[(usize, &'static str)]| {
            let mut row = PathRow::default();
            for &(place, text) in cells {
                row.push(place, text);
            }
            row
        };
        assert_eq!(
            chains(&texts),
            [
                row(&[
                    (0, "Alpha beta gamma delta."),
                    (2, "Gamma delta epsilon zeta."),
                    (3, "Epsilon zeta eta theta.")
                ]),
                row(&[(2, "Writes the runbooks.")]),
            ]
        );
    }

    #[test]
    fn a_row_reads_as_its_places_and_as_a_dense_matrix_row() {
        let mut row = PathRow::default();
        for (place, text) in [(1, "a"), (1, "b"), (3, "c")] {
            row.push(place, text);
        }
        let places: Vec<_> = row.places().collect();
        assert_eq!(places, [(1, &["a", "b"][..]), (3, &["c"][..])]);
        let dense: Vec<_> = row.dense(5).collect();
        let expected: [&[&str]; 5] = [&[], &["a", "b"], &[], &["c"], &[]];
        assert_eq!(dense, expected);
        assert_eq!(row.dense(2).len(), 2);
    }
}
