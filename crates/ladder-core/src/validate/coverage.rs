//! Checks on what a ladder leaves out: no roles at all (an error), and the warnings about
//! thin dimensions, roles on no track and gaps in a theme's thread along a track.

use std::collections::HashMap;

use super::finding::{Seg, Severity, in_role, key};
use crate::model::{Ladder, Role};
use crate::text::quoted as q;

/// Reports a ladder without roles: nothing to show, compare or place on a track.
pub(super) fn has_roles(ladder: &Ladder, report: &mut impl FnMut(Severity, Vec<Seg>, String)) {
    if ladder.roles.is_empty() {
        report(
            Severity::Error,
            vec![key("name")],
            "the ladder has no [[role]] table".to_string(),
        );
    }
}

/// Reports each dimension in which the role at `ri` has fewer than two expectations: at the
/// dimension's table when the role has one, else at the role's id.
pub(super) fn thin_dimensions(
    ladder: &Ladder,
    ri: usize,
    role: &Role,
    report: &mut impl FnMut(Severity, Vec<Seg>, String),
) {
    for dimension in &ladder.dimensions {
        let count = role.in_dimension(&dimension.id).expectations.len();
        if count < 2 {
            let path = if role.dimensions.contains_key(&dimension.id) {
                in_role(ri, &["dimensions", &dimension.id])
            } else {
                in_role(ri, &["id"])
            };
            report(
                Severity::Warning,
                path,
                format!(
                    "role {} has {count} expectation{} in dimension {}; a level usually needs at least two",
                    q(&role.id),
                    if count == 1 { "" } else { "s" },
                    q(&dimension.id)
                ),
            );
        }
    }
}

/// Reports the role at `ri` when the ladder has tracks and none of them holds it.
pub(super) fn on_a_track(
    ladder: &Ladder,
    ri: usize,
    role: &Role,
    report: &mut impl FnMut(Severity, Vec<Seg>, String),
) {
    if ladder.tracks_of(role).next().is_none() && !ladder.tracks.is_empty() {
        report(
            Severity::Warning,
            in_role(ri, &["id"]),
            format!("role {} is on no track", q(&role.id)),
        );
    }
}

/// Reports themes that stop at a level of a track and come back later: a gap in a thread.
///
/// In the order of a search of every track, dimension, declared theme and role, but linear:
/// each role's themes are gathered once, as numbers in that order; a track sorts the numbers
/// of its roles, and only the places between a theme's first and last role are visited.
pub(super) fn theme_gaps(ladder: &Ladder, report: &mut impl FnMut(Severity, Vec<Seg>, String)) {
    // Every declared theme, numbered in ladder order; a repeated id has every number.
    let mut declared: Vec<(&str, &str)> = Vec::new();
    let mut numbers: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for d in &ladder.dimensions {
        for t in &d.themes {
            numbers
                .entry((d.id.as_str(), t.id.as_str()))
                .or_default()
                .push(declared.len());
            declared.push((d.id.as_str(), t.id.as_str()));
        }
    }
    let theme_names = |role: &Role| -> Vec<usize> {
        let mut found: Vec<usize> = role
            .dimensions
            .iter()
            .flat_map(|(d, rd)| {
                rd.expectations.iter().filter_map(|e| {
                    let theme = e.theme.as_deref()?;
                    numbers.get(&(d.as_str(), theme))
                })
            })
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    };
    let mut of_role: HashMap<&str, Vec<usize>> = HashMap::new();
    for (ti, track) in ladder.tracks.iter().enumerate() {
        let roles: Vec<&Role> = track
            .roles
            .iter()
            .filter_map(|id| ladder.role(id))
            .collect();
        // (theme number, place on the track), sorted: each theme's places, ascending.
        let mut present: Vec<(usize, usize)> = Vec::new();
        for (i, role) in roles.iter().enumerate() {
            let themes = of_role
                .entry(role.id.as_str())
                .or_insert_with(|| theme_names(role));
            present.extend(themes.iter().map(|&n| (n, i)));
        }
        present.sort_unstable();
        for places in present.chunk_by(|a, b| a.0 == b.0) {
            let (dimension, theme) = declared[places[0].0];
            let mut at = places.iter().map(|p| p.1).peekable();
            let (first, last) = (places[0].1, places[places.len() - 1].1);
            for (i, role) in roles.iter().enumerate().take(last).skip(first + 1) {
                while at.next_if(|&p| p < i).is_some() {}
                if at.next_if_eq(&i).is_some() {
                    continue;
                }
                report(
                    Severity::Warning,
                    vec![key("track"), Seg::Index(ti), key("roles"), Seg::Index(i)],
                    format!(
                        "theme {} of {} has no expectation at {} on track {}, though the track has it before and after",
                        q(theme),
                        q(dimension),
                        q(&role.id),
                        q(&track.id)
                    ),
                );
            }
        }
    }
}
