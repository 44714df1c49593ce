//! The roles of two versions paired (by id, then a role whose id changed by how alike its
//! statements read), and what changed in each beyond its statements: its level, tracks,
//! title, summary and attribute values.

use std::collections::{BTreeSet, HashMap};

use super::frame::Names;
use super::{Pairs, RoleChanges, StatementChange, ValueChange};
use crate::model::{Ladder, Role};
use crate::query::similarity;

/// From how alike two roles' statements read they are one role whose id changed.
const RENAMED: f64 = 0.5;

/// Pairs roles of the same id, then the others whose statements are alike (a rename).
pub fn pair(old: &Ladder, new: &Ladder) -> Pairs {
    let by_id: HashMap<&str, usize> = (new.roles.iter().enumerate())
        .map(|(j, r)| (r.id.as_str(), j))
        .collect();
    let mut pairs = Pairs {
        new_of_old: vec![None; old.roles.len()],
        old_of_new: vec![None; new.roles.len()],
    };
    for (i, role) in old.roles.iter().enumerate() {
        if let Some(&j) = by_id.get(role.id.as_str()) {
            pairs.new_of_old[i] = Some(j);
            pairs.old_of_new[j] = Some(i);
        }
    }
    let lone_old: Vec<usize> = (0..old.roles.len())
        .filter(|i| pairs.new_of_old[*i].is_none())
        .collect();
    let lone_new: Vec<usize> = (0..new.roles.len())
        .filter(|j| pairs.old_of_new[*j].is_none())
        .collect();
    let texts = |ladder: &Ladder, at: &[usize]| -> Vec<String> {
        at.iter().map(|i| all_text(&ladder.roles[*i])).collect()
    };
    let (a, b) = (texts(old, &lone_old), texts(new, &lone_new));
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let b: Vec<&str> = b.iter().map(String::as_str).collect();
    for (x, y, _) in similarity::pair(&a, &b, RENAMED) {
        let (i, j) = (lone_old[x], lone_new[y]);
        pairs.new_of_old[i] = Some(j);
        pairs.old_of_new[j] = Some(i);
    }
    pairs
}

/// A role's title, summary and statements as one text, to tell how alike two roles are.
fn all_text(role: &Role) -> String {
    let mut text = format!("{}\n{}", role.title, role.summary);
    for d in role.dimensions.values() {
        for e in &d.expectations {
            text.push('\n');
            text.push_str(&e.text);
        }
        for e in &d.examples {
            text.push('\n');
            text.push_str(e);
        }
    }
    text
}

/// Each role id that a statement change stands at (old ids on the old side, new on the new):
/// whether any does, and whether any of those changes evaluations.
pub fn touched<'s>(statements: &'s [StatementChange<'_>]) -> HashMap<&'s str, (bool, bool)> {
    let mut touched: HashMap<&str, (bool, bool)> = HashMap::new();
    for s in statements {
        for spot in [s.from, s.to].into_iter().flatten() {
            let entry = touched.entry(spot.role).or_default();
            entry.0 = true;
            entry.1 |= s.evaluative();
        }
    }
    touched
}

/// Every role that changed, in the new ladder's order, then the roles removed.
pub fn changes<'a>(
    old: &'a Ladder,
    new: &'a Ladder,
    pairs: &Pairs,
    names: &Names,
    statements: &[StatementChange<'_>],
) -> Vec<RoleChanges<'a>> {
    let touched = touched(statements);
    let mut out = Vec::new();
    for (j, role) in new.roles.iter().enumerate() {
        let change = match pairs.old_of_new[j] {
            None => added_or_removed(None, Some(role)),
            Some(i) => one(old, new, &old.roles[i], role, names, &touched),
        };
        if changed(&change) {
            out.push(change);
        }
    }
    for (i, role) in old.roles.iter().enumerate() {
        if pairs.new_of_old[i].is_none() {
            out.push(added_or_removed(Some(role), None));
        }
    }
    out
}

/// A role only one version has.
fn added_or_removed<'a>(old: Option<&'a Role>, new: Option<&'a Role>) -> RoleChanges<'a> {
    RoleChanges {
        old,
        new,
        level: None,
        tracks_left: Vec::new(),
        tracks_joined: Vec::new(),
        title: None,
        summary: None,
        attributes: Vec::new(),
        statements: false,
        evaluations: true,
    }
}

/// Whether a paired role changed at all.
pub fn changed(r: &RoleChanges<'_>) -> bool {
    let renamed = matches!((r.old, r.new), (Some(a), Some(b)) if a.id != b.id);
    r.old.is_none()
        || r.new.is_none()
        || renamed
        || r.level.is_some()
        || !r.tracks_left.is_empty()
        || !r.tracks_joined.is_empty()
        || r.title.is_some()
        || r.summary.is_some()
        || !r.attributes.is_empty()
        || r.statements
}

/// What changed in one role, `a` its old version and `b` its new.
fn one<'a>(
    old: &'a Ladder,
    new: &'a Ladder,
    a: &'a Role,
    b: &'a Role,
    names: &Names,
    touched: &HashMap<&str, (bool, bool)>,
) -> RoleChanges<'a> {
    let differ = |x: &'a str, y: &'a str| (x != y).then_some((x, y));
    let on = |ladder: &Ladder, id: &str, rename: &dyn Fn(&str) -> String| -> BTreeSet<String> {
        (ladder.tracks.iter())
            .filter(|t| t.contains(id))
            .map(|t| rename(&t.id))
            .collect()
    };
    let before = on(old, &a.id, &|t| names.track(t).to_string());
    let after = on(new, &b.id, &|t| t.to_string());
    let (was, is) = (
        touched.get(a.id.as_str()).copied().unwrap_or_default(),
        touched.get(b.id.as_str()).copied().unwrap_or_default(),
    );
    RoleChanges {
        old: Some(a),
        new: Some(b),
        level: (names.level(&a.level) != b.level).then_some((a.level.as_str(), b.level.as_str())),
        tracks_left: before.difference(&after).cloned().collect(),
        tracks_joined: after.difference(&before).cloned().collect(),
        title: differ(&a.title, &b.title),
        summary: differ(&a.summary, &b.summary),
        attributes: values(a, b, names),
        statements: was.0 || is.0,
        evaluations: was.1 || is.1,
    }
}

/// The attribute values of a role that changed, by the attributes' new ids.
fn values<'a>(a: &'a Role, b: &'a Role, names: &Names) -> Vec<ValueChange<'a>> {
    let before: HashMap<&str, &str> = (a.attributes.iter())
        .map(|(k, v)| (names.attribute(k), v.as_str()))
        .collect();
    let mut ids: BTreeSet<&str> = before.keys().copied().collect();
    ids.extend(b.attributes.keys().map(String::as_str));
    ids.into_iter()
        .filter_map(|id| {
            let from = before.get(id).copied();
            let to = b.attributes.get(id).map(String::as_str);
            (from != to).then(|| ValueChange {
                attribute: id.to_string(),
                from,
                to,
            })
        })
        .collect()
}
