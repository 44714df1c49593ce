//! Each statement and example of a paired role matched with its old version, in passes that
//! each take what the last left: the same words in the same place (unchanged); the same words
//! elsewhere in the role (moved), then in another role (moved between roles); alike words in
//! the same place (reworded, or grows when the new words keep every old one and add more);
//! nearly the same words elsewhere in the role (moved). What is left was removed or added.
//! Each pass is a hash lookup or a pairing within one place, so the cost grows with the
//! statements, not with their product.

use std::collections::HashMap;
use std::ops::Range;

use super::frame::Names;
use super::{Change, Kind, Pairs, Spot, StatementChange};
use crate::model::Ladder;
use crate::query::similarity::{self, REWORDED};

/// From how alike two statements in different places of one role read they are one statement
/// moved (and touched up).
const MOVED: f64 = 0.6;

/// One statement of one side: the index of its role in the new ladder (the paired role's, on
/// the old side), its place in new ids (to compare), and where it stands as written.
#[derive(Debug)]
struct Item<'a, 'k> {
    role: usize,
    dimension: &'k str,
    theme: Option<&'k str>,
    kind: Kind,
    spot: Spot<'a>,
}

/// The statements of the roles that have a partner, on one side.
fn items<'a: 'k, 'k>(
    ladder: &'a Ladder,
    partner: &[Option<usize>],
    names: Option<&'k Names>,
) -> Vec<Item<'a, 'k>> {
    let mut out = Vec::new();
    for (i, role) in ladder.roles.iter().enumerate() {
        let Some(at) = (match names {
            Some(_) => partner[i],
            None => partner[i].map(|_| i),
        }) else {
            continue;
        };
        for (dimension, d) in &role.dimensions {
            let place = names.map_or(dimension.as_str(), |n| n.dimension(dimension));
            for e in &d.expectations {
                let theme = e.theme.as_deref();
                let spot = Spot {
                    role: &role.id,
                    dimension,
                    theme,
                    text: &e.text,
                };
                let theme = theme.map(|t| names.map_or(t, |n| n.theme(dimension, t)));
                out.push(Item {
                    role: at,
                    dimension: place,
                    theme,
                    kind: Kind::Expectation,
                    spot,
                });
            }
            for e in &d.examples {
                let spot = Spot {
                    role: &role.id,
                    dimension,
                    theme: None,
                    text: e,
                };
                out.push(Item {
                    role: at,
                    dimension: place,
                    theme: None,
                    kind: Kind::Example,
                    spot,
                });
            }
        }
    }
    out
}

/// Every statement and example that changed between the paired roles of `old` and `new`.
pub fn changes<'a>(
    old: &'a Ladder,
    new: &'a Ladder,
    pairs: &Pairs,
    names: &Names,
) -> Vec<StatementChange<'a>> {
    let a = items(old, &pairs.new_of_old, Some(names));
    let b = items(new, &pairs.old_of_new, None);
    let mut matching = Matching {
        a: &a,
        b: &b,
        a_free: vec![true; a.len()],
        b_free: vec![true; b.len()],
        found: Vec::new(),
    };
    matching.in_order();
    matching.exact(
        |i| (i.role, i.dimension, i.theme, i.kind, i.spot.text),
        None,
    );
    matching.exact(
        |i| (i.role, "", None, i.kind, i.spot.text),
        Some(Change::Moved),
    );
    matching.exact(|i| (0, "", None, i.kind, i.spot.text), Some(Change::Moved));
    matching.alike(|i| (i.role, i.dimension, i.theme, i.kind), REWORDED, false);
    matching.alike(|i| (i.role, "", None, i.kind), MOVED, true);
    matching.finish()
}

/// A key that groups statements: role, dimension, theme, kind, and the text when exact.
type Key<'k> = (usize, &'k str, Option<&'k str>, Kind, &'k str);
type Group<'k> = (usize, &'k str, Option<&'k str>, Kind);

/// The statements of both sides, which are still free, and the changes found so far with the
/// new ladder's order of them.
struct Matching<'s, 'a, 'k> {
    a: &'s [Item<'a, 'k>],
    b: &'s [Item<'a, 'k>],
    a_free: Vec<bool>,
    b_free: Vec<bool>,
    found: Vec<((usize, usize), StatementChange<'a>)>,
}

impl<'a: 'k, 'k> Matching<'_, 'a, 'k> {
    /// Takes the statements that stand unchanged in the same order at the start of each
    /// role's dimension, as most do: compared side by side, without hashing their words.
    fn in_order(&mut self) {
        let mut runs: HashMap<(usize, &'k str, Kind), Range<usize>> = HashMap::new();
        for (key, run) in runs_of(self.a) {
            runs.entry(key).or_insert(run);
        }
        for (key, run) in runs_of(self.b) {
            let Some(old) = runs.get(&key) else { continue };
            for (i, j) in old.clone().zip(run) {
                let (x, y) = (&self.a[i], &self.b[j]);
                if x.theme != y.theme || x.spot.text != y.spot.text {
                    break;
                }
                self.take(i, j, None);
            }
        }
    }

    /// Pairs free statements of equal keys; records them as `change` (`None`: unchanged).
    fn exact(&mut self, key: impl Fn(&Item<'a, 'k>) -> Key<'k>, change: Option<Change>) {
        let mut waiting: HashMap<Key<'k>, Vec<usize>> = HashMap::new();
        for (i, item) in self
            .a
            .iter()
            .enumerate()
            .rev()
            .filter(|(i, _)| self.a_free[*i])
        {
            waiting.entry(key(item)).or_default().push(i);
        }
        for (j, item) in self.b.iter().enumerate() {
            if !self.b_free[j] {
                continue;
            }
            let Some(i) = waiting.get_mut(&key(item)).and_then(Vec::pop) else {
                continue;
            };
            self.take(i, j, change);
        }
    }

    /// Pairs free statements of one group by similarity at or above `threshold`: reworded or
    /// grown in place, or (`moved`) moved.
    fn alike(&mut self, group: impl Fn(&Item<'a, 'k>) -> Group<'k>, threshold: f64, moved: bool) {
        let mut groups: HashMap<Group<'k>, (Vec<usize>, Vec<usize>)> = HashMap::new();
        for (i, item) in self.a.iter().enumerate().filter(|(i, _)| self.a_free[*i]) {
            groups.entry(group(item)).or_default().0.push(i);
        }
        for (j, item) in self.b.iter().enumerate().filter(|(j, _)| self.b_free[*j]) {
            groups.entry(group(item)).or_default().1.push(j);
        }
        let mut groups: Vec<(Vec<usize>, Vec<usize>)> = groups
            .into_values()
            .filter(|(x, y)| !x.is_empty() && !y.is_empty())
            .collect();
        groups.sort_by_key(|(_, y)| y[0]);
        for (xs, ys) in groups {
            let ta: Vec<&str> = xs.iter().map(|i| self.a[*i].spot.text).collect();
            let tb: Vec<&str> = ys.iter().map(|j| self.b[*j].spot.text).collect();
            for (x, y, _) in similarity::pair(&ta, &tb, threshold) {
                let change = if moved {
                    Change::Moved
                } else {
                    grows_or_reworded(ta[x], tb[y])
                };
                self.take(xs[x], ys[y], Some(change));
            }
        }
    }

    fn take(&mut self, i: usize, j: usize, change: Option<Change>) {
        self.a_free[i] = false;
        self.b_free[j] = false;
        if let Some(change) = change {
            let (a, b) = (&self.a[i], &self.b[j]);
            let s = StatementChange {
                change,
                kind: b.kind,
                from: Some(a.spot),
                to: Some(b.spot),
            };
            self.found.push(((b.role, j), s));
        }
    }

    /// The changes found, with what is left removed or added, in the new ladder's order (a
    /// removed statement after its role's others).
    fn finish(mut self) -> Vec<StatementChange<'a>> {
        for (i, a) in self.a.iter().enumerate().filter(|(i, _)| self.a_free[*i]) {
            let s = StatementChange {
                change: Change::Removed,
                kind: a.kind,
                from: Some(a.spot),
                to: None,
            };
            self.found.push(((a.role, self.b.len() + i), s));
        }
        for (j, b) in self.b.iter().enumerate().filter(|(j, _)| self.b_free[*j]) {
            let s = StatementChange {
                change: Change::Added,
                kind: b.kind,
                from: None,
                to: Some(b.spot),
            };
            self.found.push(((b.role, j), s));
        }
        self.found.sort_by_key(|(at, _)| *at);
        self.found.into_iter().map(|(_, s)| s).collect()
    }
}

/// A run of items of one role, dimension and kind: the key and where it stands.
type Run<'k> = ((usize, &'k str, Kind), Range<usize>);

/// The runs of items of one role, dimension and kind, in order (items are listed so).
fn runs_of<'k>(items: &[Item<'_, 'k>]) -> Vec<Run<'k>> {
    let mut runs: Vec<Run<'k>> = Vec::new();
    for (at, item) in items.iter().enumerate() {
        let key = (item.role, item.dimension, item.kind);
        match runs.last_mut() {
            Some((last, run)) if *last == key => run.end = at + 1,
            _ => runs.push((key, at..at + 1)),
        }
    }
    runs
}

/// Grows when the new words ask for more than the old ([`similarity::adds_content`]); else
/// the same expectation reworded.
fn grows_or_reworded(old: &str, new: &str) -> Change {
    if similarity::adds_content(old, new) {
        Change::Grows
    } else {
        Change::Reworded
    }
}
