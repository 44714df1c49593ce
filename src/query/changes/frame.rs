//! The frame of two versions of a ladder paired: each level, track, dimension, theme and
//! attribute of the old version with its new id (the same id, else one whose content is alike:
//! a rename), and what changed in the frame.

use std::collections::{HashMap, HashSet};

use super::{Change, FrameChange, FrameItem, Pairs};
use crate::model::{Dimension, Ladder};
use crate::query::similarity;

/// From how much of their content two items share they are one item whose id changed.
const ALIKE: f64 = 0.5;

/// The new id of each old id of the frame that has one.
#[derive(Debug, Default)]
pub struct Names {
    levels: HashMap<String, String>,
    tracks: HashMap<String, String>,
    dimensions: HashMap<String, String>,
    /// (old dimension, old theme) → new theme.
    themes: HashMap<(String, String), String>,
    attributes: HashMap<String, String>,
}

impl Names {
    /// An old level's id in the new version (itself when it has none).
    pub fn level<'a>(&'a self, id: &'a str) -> &'a str {
        self.levels.get(id).map_or(id, String::as_str)
    }

    pub fn track<'a>(&'a self, id: &'a str) -> &'a str {
        self.tracks.get(id).map_or(id, String::as_str)
    }

    pub fn dimension<'a>(&'a self, id: &'a str) -> &'a str {
        self.dimensions.get(id).map_or(id, String::as_str)
    }

    pub fn theme<'a>(&'a self, dimension: &str, id: &'a str) -> &'a str {
        let key = (dimension.to_string(), id.to_string());
        self.themes.get(&key).map_or(id, String::as_str)
    }

    pub fn attribute<'a>(&'a self, id: &'a str) -> &'a str {
        self.attributes.get(id).map_or(id, String::as_str)
    }
}

/// Pairs `old` ids with `new` ids: the same id, then, for the ids left, the first left on
/// the other side that `alike` says is the same item.
fn pair_ids(
    old: &[&str],
    new: &[&str],
    alike: impl Fn(usize, usize) -> bool,
) -> HashMap<String, String> {
    let known: HashSet<&str> = new.iter().copied().collect();
    let kept: HashSet<&str> = old
        .iter()
        .copied()
        .filter(|id| known.contains(id))
        .collect();
    let mut out: HashMap<String, String> = kept
        .iter()
        .map(|id| (id.to_string(), id.to_string()))
        .collect();
    let mut taken = vec![false; new.len()];
    for (i, id) in old.iter().enumerate().filter(|(_, id)| !kept.contains(*id)) {
        let found = (0..new.len()).find(|&j| !taken[j] && !kept.contains(new[j]) && alike(i, j));
        if let Some(j) = found {
            taken[j] = true;
            out.insert(id.to_string(), new[j].to_string());
        }
    }
    out
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn dimension_ids(d: &[Dimension]) -> Vec<&str> {
    d.iter().map(|d| d.id.as_str()).collect()
}

/// How much of the larger of two sets of texts the smaller shares.
fn share(a: &HashSet<&str>, b: &HashSet<&str>) -> f64 {
    let larger = a.len().max(b.len());
    if larger == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / larger as f64
}

/// Every old id of the frame with its new id.
pub fn names(old: &Ladder, new: &Ladder, roles: &Pairs) -> Names {
    let new_id = |i: usize| roles.new_of_old[i].map(|j| new.roles[j].id.as_str());
    let at_old = |level: &str| -> HashSet<&str> {
        (old.roles.iter().enumerate())
            .filter(|(_, r)| r.level == level)
            .filter_map(|(i, _)| new_id(i))
            .collect()
    };
    let at_new = |level: &str| -> HashSet<&str> {
        (new.roles.iter())
            .filter(|r| r.level == level)
            .map(|r| r.id.as_str())
            .collect()
    };
    let levels = pair_ids(&strs(&old.levels), &strs(&new.levels), |i, j| {
        let a = at_old(&old.levels[i]);
        !a.is_empty() && a == at_new(&new.levels[j])
    });
    let renamed_role: HashMap<&str, &str> = (old.roles.iter().enumerate())
        .filter_map(|(i, r)| new_id(i).map(|n| (r.id.as_str(), n)))
        .collect();
    let tracks = pair_ids(
        &old.tracks.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        &new.tracks.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        |i, j| {
            let (a, b) = (&old.tracks[i], &new.tracks[j]);
            let mapped: Vec<&str> = (a.roles.iter())
                .map(|r| renamed_role.get(r.as_str()).copied().unwrap_or(r))
                .collect();
            a.name.eq_ignore_ascii_case(&b.name) || (!b.roles.is_empty() && mapped == b.roles)
        },
    );
    let (dimensions, themes) = dimension_names(old, new);
    let attributes = pair_ids(
        &old.attributes
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        &new.attributes
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        |i, j| {
            let (a, b) = (&old.attributes[i], &new.attributes[j]);
            a.name.eq_ignore_ascii_case(&b.name)
                || similarity::similarity(&a.meaning, &b.meaning) >= similarity::REWORDED
        },
    );
    Names {
        levels,
        tracks,
        dimensions,
        themes,
        attributes,
    }
}

/// The expectations of a ladder in one dimension (and theme, when given), as a set of texts.
fn texts_in<'a>(ladder: &'a Ladder, dimension: &str, theme: Option<&str>) -> HashSet<&'a str> {
    (ladder.roles.iter())
        .filter_map(|r| r.dimensions.get(dimension))
        .flat_map(|d| d.expectations.iter())
        .filter(|e| theme.is_none() || e.theme.as_deref() == theme)
        .map(|e| e.text.as_str())
        .collect()
}

type ThemeNames = HashMap<(String, String), String>;

/// Dimensions paired by id, name or the statements they hold; then the themes of each pair.
fn dimension_names(old: &Ladder, new: &Ladder) -> (HashMap<String, String>, ThemeNames) {
    let dimensions = pair_ids(
        &dimension_ids(&old.dimensions),
        &dimension_ids(&new.dimensions),
        |i, j| {
            let (a, b) = (&old.dimensions[i], &new.dimensions[j]);
            a.name.eq_ignore_ascii_case(&b.name)
                || share(&texts_in(old, &a.id, None), &texts_in(new, &b.id, None)) >= ALIKE
        },
    );
    let mut themes = HashMap::new();
    for a in &old.dimensions {
        let Some(b) = dimensions
            .get(&a.id)
            .and_then(|id| new.dimensions.iter().find(|d| &d.id == id))
        else {
            continue;
        };
        let ids_a: Vec<&str> = a.themes.iter().map(|t| t.id.as_str()).collect();
        let ids_b: Vec<&str> = b.themes.iter().map(|t| t.id.as_str()).collect();
        let paired = pair_ids(&ids_a, &ids_b, |i, j| {
            let (x, y) = (&a.themes[i], &b.themes[j]);
            x.name.eq_ignore_ascii_case(&y.name)
                || share(
                    &texts_in(old, &a.id, Some(&x.id)),
                    &texts_in(new, &b.id, Some(&y.id)),
                ) >= ALIKE
        });
        for (from, to) in paired {
            themes.insert((a.id.clone(), from), to);
        }
    }
    (dimensions, themes)
}

/// What changed in the frame: the ladder's own texts, then levels, tracks, dimensions,
/// themes and attributes added, removed, renamed or renamed in words.
pub fn changes(old: &Ladder, new: &Ladder, names: &Names) -> Vec<FrameChange> {
    let mut out = Vec::new();
    let texts = [
        ("name", Some(&old.name), Some(&new.name)),
        ("motto", old.motto.as_ref(), new.motto.as_ref()),
        ("about", old.about.as_ref(), new.about.as_ref()),
    ];
    for (id, a, b) in texts {
        if a != b {
            out.push(changed(FrameItem::Ladder, id, a, b));
        }
    }
    let ids = |v: &[String]| v.iter().map(String::clone).collect::<Vec<_>>();
    items(
        &mut out,
        FrameItem::Level,
        &names.levels,
        &ids(&old.levels),
        &ids(&new.levels),
    );
    let named = |v: Vec<(&String, &String)>| {
        v.into_iter()
            .map(|(a, b)| (a.clone(), b.clone()))
            .collect::<Vec<_>>()
    };
    let tracks_old = named(old.tracks.iter().map(|t| (&t.id, &t.name)).collect());
    let tracks_new = named(new.tracks.iter().map(|t| (&t.id, &t.name)).collect());
    named_items(
        &mut out,
        FrameItem::Track,
        &names.tracks,
        &tracks_old,
        &tracks_new,
    );
    let dims_old = named(old.dimensions.iter().map(|d| (&d.id, &d.name)).collect());
    let dims_new = named(new.dimensions.iter().map(|d| (&d.id, &d.name)).collect());
    named_items(
        &mut out,
        FrameItem::Dimension,
        &names.dimensions,
        &dims_old,
        &dims_new,
    );
    theme_changes(&mut out, old, new, names);
    let attrs_old = named(old.attributes.iter().map(|a| (&a.id, &a.name)).collect());
    let attrs_new = named(new.attributes.iter().map(|a| (&a.id, &a.name)).collect());
    named_items(
        &mut out,
        FrameItem::Attribute,
        &names.attributes,
        &attrs_old,
        &attrs_new,
    );
    out
}

fn changed(item: FrameItem, id: &str, a: Option<&String>, b: Option<&String>) -> FrameChange {
    FrameChange {
        item,
        change: Change::Changed,
        id: id.to_string(),
        from: a.cloned(),
        to: b.cloned(),
    }
}

/// Ids removed, renamed and added, `renames` the new id of each old one that has one.
fn items(
    out: &mut Vec<FrameChange>,
    item: FrameItem,
    renames: &HashMap<String, String>,
    old: &[String],
    new: &[String],
) {
    let kept: HashSet<&String> = renames.values().collect();
    for id in old {
        let (change, to) = match renames.get(id) {
            Some(to) if to == id => continue,
            Some(to) => (Change::Renamed, Some(to.clone())),
            None => (Change::Removed, None),
        };
        out.push(FrameChange {
            item,
            change,
            id: to.clone().unwrap_or_else(|| id.clone()),
            from: Some(id.clone()),
            to,
        });
    }
    for id in new.iter().filter(|id| !kept.contains(id)) {
        out.push(FrameChange {
            item,
            change: Change::Added,
            id: id.clone(),
            from: None,
            to: Some(id.clone()),
        });
    }
}

/// As [`items`], and the names of kept ids that changed.
fn named_items(
    out: &mut Vec<FrameChange>,
    item: FrameItem,
    renames: &HashMap<String, String>,
    old: &[(String, String)],
    new: &[(String, String)],
) {
    let ids = |v: &[(String, String)]| v.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
    items(out, item, renames, &ids(old), &ids(new));
    let new_names: HashMap<&str, &String> = new.iter().map(|(id, n)| (id.as_str(), n)).collect();
    for (id, name) in old {
        let Some(to) = renames.get(id) else { continue };
        if let Some(new_name) = new_names.get(to.as_str()).filter(|n| **n != name) {
            out.push(changed(item, to, Some(name), Some(new_name)));
        }
    }
}

/// The themes of each dimension kept, as `dimension/theme` ids.
fn theme_changes(out: &mut Vec<FrameChange>, old: &Ladder, new: &Ladder, names: &Names) {
    for a in &old.dimensions {
        let to_dim = names.dimension(&a.id);
        let Some(b) = new.dimensions.iter().find(|d| d.id == to_dim) else {
            continue;
        };
        let mut renames = HashMap::new();
        for t in &a.themes {
            if let Some(to) = names.themes.get(&(a.id.clone(), t.id.clone())) {
                renames.insert(format!("{}/{}", b.id, t.id), format!("{}/{to}", b.id));
            }
        }
        let old_themes: Vec<(String, String)> = (a.themes.iter())
            .map(|t| (format!("{}/{}", b.id, t.id), t.name.clone()))
            .collect();
        let new_themes: Vec<(String, String)> = (b.themes.iter())
            .map(|t| (format!("{}/{}", b.id, t.id), t.name.clone()))
            .collect();
        named_items(out, FrameItem::Theme, &renames, &old_themes, &new_themes);
    }
}
