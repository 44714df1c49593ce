//! Checks that what one part of a ladder names, another declares: the roles of tracks (which
//! must also ascend), and each role's level, attributes, dimensions and themes.
//!
//! Every search goes through a set or the ladder's look-ups: a search of the declarations for
//! every role or expectation would cost their product.

use std::collections::HashMap;

use super::finding::{Seg, Severity, in_role, key};
use super::ids::safe_ref;
use crate::model::{Ladder, Role};
use crate::text::{self, quoted as q};

/// Reports every role a track names that the ladder does not hold, and every role that comes
/// after one at the same level or higher.
pub(super) fn tracks(ladder: &Ladder, report: &mut impl FnMut(Severity, Vec<Seg>, String)) {
    for (ti, track) in ladder.tracks.iter().enumerate() {
        let mut last: Option<(usize, &str)> = None;
        for (ri, id) in track
            .roles
            .iter()
            .enumerate()
            .filter(|(_, id)| safe_ref(id))
        {
            let at = vec![key("track"), Seg::Index(ti), key("roles"), Seg::Index(ri)];
            let Some(role) = ladder.role(id) else {
                let hint = closest(id, ladder.roles.iter().map(|r| r.id.as_str()))
                    .map(|near| format!("; did you mean {}?", q(near)))
                    .unwrap_or_default();
                report(
                    Severity::Error,
                    at,
                    format!("track {} names unknown role {}{hint}", q(&track.id), q(id)),
                );
                continue;
            };
            if let Some(rank) = ladder.level_rank(&role.level) {
                if let Some((before, before_id)) = last
                    && rank <= before
                {
                    report(
                        Severity::Error,
                        at,
                        format!(
                            "track {} does not ascend: {} ({}) comes after {} ({})",
                            q(&track.id),
                            q(id),
                            text::cut(&role.level),
                            q(before_id),
                            text::cut(&ladder.levels[before])
                        ),
                    );
                }
                last = Some((rank, id));
            }
        }
    }
}

/// The ids of the declared attributes, each with how many times it is declared, gathered
/// once for [`attributes_known`] and [`attributes_given`].
pub(super) fn attribute_ids(ladder: &Ladder) -> HashMap<&str, usize> {
    let mut ids = HashMap::with_capacity(ladder.attributes.len());
    for a in &ladder.attributes {
        *ids.entry(a.id.as_str()).or_insert(0) += 1;
    }
    ids
}

/// Reports the role at `ri` when `levels` does not list its level.
pub(super) fn level_listed(
    ladder: &Ladder,
    ri: usize,
    role: &Role,
    report: &mut impl FnMut(Severity, Vec<Seg>, String),
) {
    if safe_ref(&role.level) && ladder.level_rank(&role.level).is_none() {
        report(
            Severity::Error,
            in_role(ri, &["level"]),
            format!(
                "role {} has level {}, which `levels` does not list (it lists {})",
                q(&role.id),
                q(&role.level),
                listed(ladder.levels.iter().map(String::as_str))
            ),
        );
    }
}

/// Reports every attribute the role at `ri` gives a value for that `declared` (the ids of
/// [`attribute_ids`]) does not hold.
pub(super) fn attributes_known(
    declared: &HashMap<&str, usize>,
    ri: usize,
    role: &Role,
    report: &mut impl FnMut(Severity, Vec<Seg>, String),
) {
    for id in role.attributes.keys().filter(|id| safe_ref(id)) {
        if !declared.contains_key(id.as_str()) {
            report(
                Severity::Error,
                in_role(ri, &["attributes", id]),
                format!(
                    "role {} gives a value for unknown attribute {}",
                    q(&role.id),
                    q(id)
                ),
            );
        }
    }
}

/// Reports each declared attribute the role at `ri` gives no value for, at the role's id: a
/// warning, since a value is optional (the commands show it as "not stated").
///
/// The first [`text::NAMED_ITEMS`] one by one, then how many more in one warning: one per
/// attribute would make the warnings the roles times the attributes. Linear in the role's
/// values: the missing are counted from the values given (`declared` is [`attribute_ids`]),
/// and only the first few are looked for.
pub(super) fn attributes_given(
    ladder: &Ladder,
    declared: &HashMap<&str, usize>,
    ri: usize,
    role: &Role,
    report: &mut impl FnMut(Severity, Vec<Seg>, String),
) {
    let given: usize = role
        .attributes
        .keys()
        .filter_map(|id| declared.get(id.as_str()))
        .sum();
    let missing = ladder.attributes.len().saturating_sub(given);
    let first = ladder
        .attributes
        .iter()
        .filter(|a| !role.attributes.contains_key(&a.id))
        .take(text::NAMED_ITEMS.min(missing));
    for attribute in first {
        report(
            Severity::Warning,
            in_role(ri, &["id"]),
            format!(
                "role {} states no value for attribute {}",
                q(&role.id),
                q(&attribute.id)
            ),
        );
    }
    if missing > text::NAMED_ITEMS {
        report(
            Severity::Warning,
            in_role(ri, &["id"]),
            format!(
                "role {} states no value for {} more attributes",
                q(&role.id),
                missing - text::NAMED_ITEMS
            ),
        );
    }
}

/// Reports every dimension the role at `ri` names that the ladder does not declare, and every
/// expectation tagged with a theme its own dimension does not declare.
pub(super) fn dimensions_and_themes(
    ladder: &Ladder,
    ri: usize,
    role: &Role,
    report: &mut impl FnMut(Severity, Vec<Seg>, String),
) {
    for (id, rd) in role.dimensions.iter().filter(|(id, _)| safe_ref(id)) {
        let Some(dimension) = ladder.dimension(id) else {
            report(
                Severity::Error,
                in_role(ri, &["dimensions", id]),
                format!("role {} names unknown dimension {}", q(&role.id), q(id)),
            );
            continue;
        };
        for (ei, e) in rd.expectations.iter().enumerate() {
            let Some(theme) = e.theme.as_deref().filter(|t| safe_ref(t)) else {
                continue;
            };
            if ladder.theme(dimension, theme).is_none() {
                let mut path = in_role(ri, &["dimensions", id, "expectations"]);
                path.extend([Seg::Index(ei), key("theme")]);
                report(
                    Severity::Error,
                    path,
                    format!(
                        "role {} tags an expectation with theme {}, which dimension {} does not declare ({})",
                        q(&role.id),
                        q(theme),
                        q(id),
                        match dimension.themes.len() {
                            0 => "it declares no themes".to_string(),
                            _ => format!(
                                "it declares {}",
                                listed(dimension.themes.iter().map(|t| t.id.as_str()))
                            ),
                        }
                    ),
                );
            }
        }
    }
}

/// Ids as a message lists them: the first few, each cut, and how many more.
fn listed<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    text::some_of(ids.map(|id| text::cut(id).into_owned()))
}

/// The id among `known` nearest to `id` in letters changed, when it is near enough to be what
/// was meant: at most a third of its length away (and at least two).
fn closest<'a>(id: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (id.chars().count() / 3).max(2);
    known
        .filter(|k| k.len().abs_diff(id.len()) <= limit)
        .map(|k| (edits(id, k), k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// How many letters must change, go or come to turn `a` into `b` (Levenshtein), counted on at
/// most 100 characters of each.
fn edits(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(100).collect();
    let b: Vec<char> = b.chars().take(100).collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut last = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let old = row[j + 1];
            row[j + 1] = (last + usize::from(ca != cb)).min(row[j] + 1).min(old + 1);
            last = old;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use crate::validate::errors;
    use crate::validate::test_support::minimal;

    #[test]
    fn an_undeclared_theme_is_found_through_the_look_up_in_its_own_dimension() {
        // "reach" is a theme of craft only: under another dimension it is undeclared.
        let text = minimal()
            .replacen(
                "[[track]]",
                "[[dimension]]\nid = \"care\"\nname = \"Care\"\nthemes = [{ id = \"kind\", name = \"Kind\" }]\n\n[[track]]",
                1,
            )
            .replacen(
                "[role.dimensions.craft]",
                "[role.dimensions.care]\nexpectations = [{ theme = \"reach\", text = \"Listens.\" }, { theme = \"kind\", text = \"Helps.\" }]\n\n[role.dimensions.craft]",
                1,
            );
        let errors: Vec<String> = errors(&toml::from_str(&text).expect("parses"))
            .into_iter()
            .map(|f| f.message)
            .collect();
        assert_eq!(
            errors,
            [
                "role \"D1-designer\" tags an expectation with theme \"reach\", which dimension \"care\" does not declare (it declares kind)"
            ]
        );
    }
}
