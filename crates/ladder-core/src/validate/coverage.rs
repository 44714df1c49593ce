//! Checks on what a ladder leaves out: no roles at all (an error), and the warnings about
//! thin dimensions, roles on no track and gaps in a theme's thread along a track.

use std::collections::{BTreeSet, HashMap};

use super::finding::{Seg, Severity, in_role, key};
use crate::model::{Ladder, Role};
use crate::text::{self, quoted as q};

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

/// The declared dimensions by id: where the first with that id is, and how many have it;
/// gathered once for [`thin_dimensions`].
pub(super) fn dimension_ids(ladder: &Ladder) -> HashMap<&str, (usize, usize)> {
    let mut ids: HashMap<&str, (usize, usize)> = HashMap::with_capacity(ladder.dimensions.len());
    for (i, d) in ladder.dimensions.iter().enumerate() {
        ids.entry(d.id.as_str()).or_insert((i, 0)).1 += 1;
    }
    ids
}

/// Reports each dimension in which the role at `ri` has fewer than two expectations: at the
/// dimension's table when the role has one, else at the role's id.
///
/// In ladder order, as a look at every dimension would find them, but linear in the role's
/// own tables (`declared` is [`dimension_ids`]): of the dimensions the role has no table for,
/// the first [`text::NAMED_ITEMS`] are reported one by one, then how many more in one
/// warning, since one each would make the warnings the roles times the dimensions.
pub(super) fn thin_dimensions(
    ladder: &Ladder,
    declared: &HashMap<&str, (usize, usize)>,
    ri: usize,
    role: &Role,
    report: &mut impl FnMut(Severity, Vec<Seg>, String),
) {
    let warn = |dimension: &str, count: usize| {
        format!(
            "role {} has {count} expectation{} in dimension {}; a level usually needs at least two",
            q(&role.id),
            if count == 1 { "" } else { "s" },
            q(dimension)
        )
    };
    // (place in the ladder, id, expectations, whether the role has a table for it): the
    // role's thin tables, and the first dimensions it has no table for.
    let mut thin: Vec<(usize, &str, usize, bool)> = Vec::new();
    let mut covered = 0;
    for (id, rd) in &role.dimensions {
        let Some(&(at, times)) = declared.get(id.as_str()) else {
            continue;
        };
        covered += times;
        if rd.expectations.len() < 2 {
            thin.push((at, id, rd.expectations.len(), true));
        }
    }
    let missing = ladder.dimensions.len().saturating_sub(covered);
    let absent = ladder
        .dimensions
        .iter()
        .enumerate()
        .filter(|(_, d)| !role.dimensions.contains_key(&d.id))
        .take(text::NAMED_ITEMS.min(missing));
    thin.extend(absent.map(|(at, d)| (at, d.id.as_str(), 0, false)));
    thin.sort_unstable();
    for (_, id, count, table) in thin {
        let path = if table {
            in_role(ri, &["dimensions", id])
        } else {
            in_role(ri, &["id"])
        };
        report(Severity::Warning, path, warn(id, count));
    }
    if missing > text::NAMED_ITEMS {
        report(
            Severity::Warning,
            in_role(ri, &["id"]),
            format!(
                "role {} has no expectation in {} more dimensions; a level usually needs at least two",
                q(&role.id),
                missing - text::NAMED_ITEMS
            ),
        );
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
/// of its roles, and a sweep along it keeps the themes open at each place (after their first
/// role, up to their last), counted from where they open and close. At each place, the first
/// [`text::NAMED_ITEMS`] themes it lacks are reported one by one, in that order, and the rest
/// counted in one warning after the track's: one per theme and place would cost the themes
/// times the track's length.
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
        for role in &roles {
            of_role
                .entry(role.id.as_str())
                .or_insert_with(|| theme_names(role));
        }
        // Each place's theme numbers, sorted.
        let has: Vec<&[usize]> = roles.iter().map(|r| &of_role[r.id.as_str()][..]).collect();
        // (theme number, place on the track), sorted: each theme's places, ascending.
        let mut present: Vec<(usize, usize)> = Vec::new();
        for (i, themes) in has.iter().enumerate() {
            present.extend(themes.iter().map(|&n| (n, i)));
        }
        present.sort_unstable();
        // The themes that open at each place (the one after their first) and close (their
        // last), and the change in the count of gaps from one place to the next.
        let n = roles.len();
        let (mut opens, mut closes) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        let mut change = vec![0i64; n + 1];
        for places in present.chunk_by(|a, b| a.0 == b.0) {
            let (theme, first, last) = (places[0].0, places[0].1, places[places.len() - 1].1);
            if last > first + 1 {
                opens[first + 1].push(theme);
                closes[last].push(theme);
                change[first + 1] += 1;
                change[last] -= 1;
                // A place between that has the theme is no gap there.
                for &(_, p) in &places[1..places.len() - 1] {
                    change[p] -= 1;
                    change[p + 1] += 1;
                }
            }
        }
        // (theme, place) of the gaps reported one by one; (place, count) of the rest.
        let mut named: Vec<(usize, usize)> = Vec::new();
        let mut more: Vec<(usize, usize)> = Vec::new();
        let mut open: BTreeSet<usize> = BTreeSet::new();
        let mut gaps = 0i64;
        for i in 0..n {
            gaps += change[i];
            for t in &closes[i] {
                open.remove(t);
            }
            open.extend(&opens[i]);
            let count = usize::try_from(gaps).unwrap_or(0);
            if count == 0 {
                continue;
            }
            // The open themes this place lacks: both lists are sorted, so one walk skips
            // those it has.
            let mut k = 0;
            let lacking = open.iter().filter(|&&t| {
                while k < has[i].len() && has[i][k] < t {
                    k += 1;
                }
                has[i].get(k) != Some(&t)
            });
            named.extend(lacking.take(text::NAMED_ITEMS).map(|&t| (t, i)));
            if count > text::NAMED_ITEMS {
                more.push((i, count - text::NAMED_ITEMS));
            }
        }
        named.sort_unstable();
        let at = |i: usize| vec![key("track"), Seg::Index(ti), key("roles"), Seg::Index(i)];
        for (t, i) in named {
            let (dimension, theme) = declared[t];
            report(
                Severity::Warning,
                at(i),
                format!(
                    "theme {} of {} has no expectation at {} on track {}, though the track has it before and after",
                    q(theme),
                    q(dimension),
                    q(&roles[i].id),
                    q(&track.id)
                ),
            );
        }
        for (i, count) in more {
            report(
                Severity::Warning,
                at(i),
                format!(
                    "{count} more themes have no expectation at {} on track {}, though the track has them before and after",
                    q(&roles[i].id),
                    q(&track.id)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::check;
    use crate::validate::test_support::{minimal, source, validate};

    #[test]
    fn the_gaps_at_one_place_are_named_eight_times_then_counted() {
        // 20 themes more that D1 and D3 have and D2, between them on the track, lacks.
        let themes: Vec<String> = (0..20)
            .map(|i| format!("{{ id = \"t{i}\", name = \"T{i}\" }}"))
            .collect();
        let tagged: Vec<String> = (0..20)
            .map(|i| format!("{{ theme = \"t{i}\", text = \"Does t{i}.\" }}"))
            .collect();
        let mut text = minimal()
            .replacen("[\"D1\", \"D2\"]", "[\"D1\", \"D2\", \"D3\"]", 1)
            .replacen(
                "{ id = \"reach\", name = \"Reach\" },",
                &format!(
                    "{{ id = \"reach\", name = \"Reach\" }}, {},",
                    themes.join(", ")
                ),
                1,
            )
            .replacen(
                "\"D2-senior-designer\"]",
                "\"D2-senior-designer\", \"D3-lead\"]",
                1,
            )
            .replacen(
                "{ theme = \"reach\", text = \"Asks for critique early.\" },",
                &format!(
                    "{{ theme = \"reach\", text = \"Asks for critique early.\" }}, {},",
                    tagged.join(", ")
                ),
                1,
            );
        text += &format!(
            "\n[[role]]\nid = \"D3-lead\"\nlevel = \"D3\"\ntitle = \"Lead\"\nsummary = \"Leads.\"\n\
             [role.attributes]\nscope = \"All\"\n[role.dimensions.craft]\nexpectations = [{}]\n",
            tagged.join(", ")
        );
        let gaps: Vec<String> = validate(&source(&text))
            .findings
            .into_iter()
            .filter(|f| f.message.contains("though the track has"))
            .map(|f| f.message)
            .collect();
        let mut expected: Vec<String> = (0..8)
            .map(|i| {
                format!(
                    "theme \"t{i}\" of \"craft\" has no expectation at \"D2-senior-designer\" on track \
                     \"design\", though the track has it before and after"
                )
            })
            .collect();
        expected.push(
            "12 more themes have no expectation at \"D2-senior-designer\" on track \"design\", \
             though the track has them before and after"
                .to_string(),
        );
        assert_eq!(gaps, expected);
    }

    #[test]
    fn a_theme_gap_inside_a_track_is_a_warning() {
        let l: Ladder =
            toml::from_str(include_str!("../../../../data/ladder.toml")).expect("the data parses");
        let gaps: Vec<String> = check(&l)
            .into_iter()
            .filter(|f| f.message.starts_with("theme \"escalation-ambiguity\""))
            .map(|f| f.message)
            .collect();
        assert_eq!(
            gaps,
            ["analyst", "engineer", "cloud"].map(|t| {
                let role = match t {
                    "analyst" => "L3-senior-security-analyst",
                    "engineer" => "L3-senior-security-engineer",
                    _ => "L3-senior-cloud-security-engineer",
                };
                format!(
                    "theme \"escalation-ambiguity\" of \"domain-expertise\" has no expectation at \"{role}\" on track \"{t}\", \
                     though the track has it before and after"
                )
            })
        );
    }

    /// The theme-gap check as a search of every track, dimension, theme and role: what
    /// [`theme_gaps`] must find, in the same order.
    fn theme_gaps_searched(ladder: &Ladder) -> Vec<(Vec<Seg>, String)> {
        let mut out = Vec::new();
        for (ti, track) in ladder.tracks.iter().enumerate() {
            let roles: Vec<&Role> = track
                .roles
                .iter()
                .filter_map(|id| ladder.role(id))
                .collect();
            for dimension in &ladder.dimensions {
                for theme in &dimension.themes {
                    let present: Vec<bool> = roles
                        .iter()
                        .map(|r| {
                            r.in_dimension(&dimension.id)
                                .expectations
                                .iter()
                                .any(|e| e.theme.as_deref() == Some(&theme.id))
                        })
                        .collect();
                    let (Some(first), Some(last)) = (
                        present.iter().position(|p| *p),
                        present.iter().rposition(|p| *p),
                    ) else {
                        continue;
                    };
                    for i in (first + 1..last).filter(|&i| !present[i]) {
                        out.push((
                            vec![key("track"), Seg::Index(ti), key("roles"), Seg::Index(i)],
                            format!(
                                "theme {:?} of {:?} has no expectation at {:?} on track {:?}, \
                                 though the track has it before and after",
                                theme.id, dimension.id, roles[i].id, track.id
                            ),
                        ));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn theme_gaps_are_those_a_search_finds_in_the_same_order() {
        // Themes declared twice, in two dimensions, along two tracks that share roles, one
        // naming an unknown role, with gaps of one and of several levels.
        let role = |id: &str, level: &str, themes: &[(&str, &str)]| {
            let mut text = format!(
                "[[role]]\nid = \"{id}\"\nlevel = \"{level}\"\ntitle = \"T\"\nsummary = \"S.\"\n"
            );
            for d in ["craft", "care"] {
                let es: Vec<String> = themes
                    .iter()
                    .filter(|(dim, _)| *dim == d)
                    .map(|(_, t)| format!("{{ theme = \"{t}\", text = \"{id} {t}.\" }}"))
                    .collect();
                text += &format!("dimensions.{d}.expectations = [{}]\n", es.join(", "));
            }
            text
        };
        let mut text = String::from(
            "name = \"G\"\nlevels = [\"A\", \"B\", \"C\", \"D\", \"E\"]\n\
             [[dimension]]\nid = \"craft\"\nname = \"Craft\"\nthemes = [\
             { id = \"x\", name = \"X\" }, { id = \"y\", name = \"Y\" }, { id = \"x\", name = \"X2\" }]\n\
             [[dimension]]\nid = \"care\"\nname = \"Care\"\nthemes = [\
             { id = \"y\", name = \"Y\" }, { id = \"z\", name = \"Z\" }]\n\
             [[track]]\nid = \"one\"\nname = \"One\"\nroles = [\"A-a\", \"B-b\", \"C-c\", \"D-d\", \"E-e\"]\n\
             [[track]]\nid = \"two\"\nname = \"Two\"\nroles = [\"A-a\", \"nobody\", \"C-c\", \"D-d2\", \"E-e\"]\n",
        );
        text += &role("A-a", "A", &[("craft", "x"), ("care", "y"), ("care", "z")]);
        text += &role("B-b", "B", &[("craft", "y")]);
        text += &role("C-c", "C", &[("craft", "y"), ("care", "z")]);
        text += &role("D-d", "D", &[("craft", "x")]);
        text += &role("D-d2", "D", &[]);
        text += &role("E-e", "E", &[("craft", "x"), ("craft", "y"), ("care", "y")]);
        let ladder: Ladder = toml::from_str(&text).expect("parses");
        let mut found = Vec::new();
        theme_gaps(&ladder, &mut |_, at, message| found.push((at, message)));
        let expected = theme_gaps_searched(&ladder);
        assert!(expected.len() > 10, "{expected:#?}");
        assert_eq!(found, expected);
    }
}
