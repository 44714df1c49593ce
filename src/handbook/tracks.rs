//! Tracks inferred for a handbook whose index does not name them, from the roles' titles
//! and levels.

use std::collections::{HashMap, HashSet};

use anyhow::{Result, bail};

use super::names::{is_level_code, kebab};
use super::seniority;
use crate::model::{Role, Track};

/// Words of a management title: a manager, a senior manager, a director and a head of a
/// function are one family, whatever the function.
const MANAGEMENT: [&str; 5] = ["manager", "director", "head", "vp", "chief"];

/// The most roles that the inferred tracks may list in all. A family's branches each repeat
/// the roles below them, so a folder built to be slow (one family of many levels, many
/// branches) would otherwise ask for tracks of roles × branches; no ladder comes near it.
pub const MAX_INFERRED_ROLES: usize = 1_000_000;

/// Tracks for pages that do not name them, by this rule:
///
/// 1. A role's family is its title without seniority words ([`seniority::says_seniority`]:
///    junior, senior, staff, principal, a closing Roman numeral…) and a closing level code
///    (`Engineer L2`): "Senior
///    Security Analyst" is a "Security Analyst". A title with a management word (manager, director, head, vp,
///    chief) is of the one "Management" family.
/// 2. When the highest level has exactly one role and its family has no other, that role
///    closes every track (a lead whom every path reaches).
/// 3. Every other family is a track, its roles in level order. A family whose name ends with
///    another family's name ("Cloud Security Engineer" ends with "Security Engineer")
///    branches from it: the track starts with that family's roles below its own first level.
/// 4. A track's id is the family's last word (`analyst`); when taken, its first word
///    (`cloud`); when that is taken too, the whole family in kebab-case.
///
/// Every look-up goes through a table, so the cost is linear in the titles' words. Fails when
/// the tracks would list more than [`MAX_INFERRED_ROLES`] roles in all.
pub fn infer_tracks(roles: &[Role], levels: &[String]) -> Result<Vec<Track>> {
    let ranks = level_ranks(levels);
    let rank = |r: &Role| ranks.get(r.level.as_str()).copied().unwrap_or(usize::MAX);
    let of_role: Vec<Vec<String>> = roles.iter().map(family).collect();
    let closer = closer(roles, &of_role, &rank);
    let mut families = Families::default();
    for (role, f) in roles.iter().zip(&of_role) {
        if closer.is_none_or(|c| c.id != role.id) {
            families.add(f, role);
        }
    }
    for (_, members) in &mut families.list {
        members.sort_by_key(|r| rank(r));
    }
    let parents = families.parents();
    // The roles of each track's branch below its first level: a prefix of its parent's.
    let below: Vec<&[&Role]> = (0..families.list.len())
        .map(|at| {
            let Some(parent) = parents[at] else {
                return &[][..];
            };
            let first = families.list[at].1.first().map(|r| rank(r)).unwrap_or(0);
            let theirs = &families.list[parent].1;
            &theirs[..theirs.partition_point(|r| rank(r) < first)]
        })
        .collect();
    let listed: usize = (families.list.iter().zip(&below))
        .map(|((_, members), below)| below.len() + members.len() + usize::from(closer.is_some()))
        .sum();
    if listed > MAX_INFERRED_ROLES {
        bail!(
            "the tracks inferred from the roles' titles would list {listed} roles in all, over the limit of {MAX_INFERRED_ROLES}: name the tracks on the index page (docs/format.md, \"Tracks\")"
        );
    }
    let mut taken: HashSet<String> = HashSet::new();
    let mut tracks: Vec<Track> = Vec::with_capacity(families.list.len());
    for ((name, members), below) in families.list.iter().zip(below) {
        let path = below.iter().chain(members).copied().chain(closer);
        tracks.push(Track {
            id: track_id(name, &mut taken),
            name: members_title(members, name),
            roles: path.map(|r| r.id.clone()).collect(),
        });
    }
    Ok(tracks)
}

/// Each level's place in the ladder's order (the first place of a level listed twice).
fn level_ranks(levels: &[String]) -> HashMap<&str, usize> {
    let mut ranks = HashMap::with_capacity(levels.len());
    for (i, l) in levels.iter().enumerate() {
        ranks.entry(l.as_str()).or_insert(i);
    }
    ranks
}

/// The role that closes every track: the only role at the highest level, of a family of its
/// own (rule 2 of [`infer_tracks`]).
fn closer<'a>(
    roles: &'a [Role],
    of_role: &[Vec<String>],
    rank: &impl Fn(&Role) -> usize,
) -> Option<&'a Role> {
    let top = roles.iter().map(rank).max()?;
    let mut at_top = roles.iter().enumerate().filter(|(_, r)| rank(r) == top);
    let (one, role) = at_top.next()?;
    let alone = at_top.next().is_none()
        && roles.len() > 1
        && of_role.iter().filter(|f| **f == of_role[one]).count() == 1;
    alone.then_some(role)
}

/// The families of titles in the order met, each with its roles, found by name in a table.
#[derive(Default)]
struct Families<'a> {
    list: Vec<(&'a [String], Vec<&'a Role>)>,
    at: HashMap<&'a [String], usize>,
}

impl<'a> Families<'a> {
    fn add(&mut self, name: &'a [String], role: &'a Role) {
        let at = *self.at.entry(name).or_insert_with(|| {
            self.list.push((name, Vec::new()));
            self.list.len() - 1
        });
        self.list[at].1.push(role);
    }

    /// For each family, the longest other family its name ends with (rule 3 of
    /// [`infer_tracks`]): found by walking a tree of the families' words read from the last,
    /// so each costs its own words, not a comparison with every other family.
    fn parents(&self) -> Vec<Option<usize>> {
        // Each node: its children by word, and the family whose name ends there.
        let mut nodes: Vec<(HashMap<&str, usize>, Option<usize>)> = vec![Default::default()];
        for (at, (name, _)) in self.list.iter().enumerate() {
            let mut node = 0;
            for word in name.iter().rev() {
                let next = nodes.len();
                node = *nodes[node].0.entry(word.as_str()).or_insert(next);
                if node == next {
                    nodes.push(Default::default());
                }
            }
            nodes[node].1 = Some(at);
        }
        self.list
            .iter()
            .map(|(name, _)| {
                let mut node = 0;
                let mut parent = None;
                for word in name.iter().rev() {
                    parent = nodes[node].1.or(parent);
                    node = nodes[node].0.get(word.as_str()).copied()?;
                }
                parent
            })
            .collect()
    }
}

/// A track's id (rule 4 of [`infer_tracks`]), one not `taken` yet, which it then takes.
fn track_id(name: &[String], taken: &mut HashSet<String>) -> String {
    let last = name.last().map(String::as_str).unwrap_or_default();
    let first = name.first().map(String::as_str).unwrap_or_default();
    let id = [kebab(last), kebab(first), kebab(&name.join(" "))]
        .into_iter()
        .find(|id| !taken.contains(id))
        .unwrap_or_else(|| {
            (taken.len() + 1..)
                .map(|n| format!("track-{n}"))
                .find(|id| !taken.contains(id))
                .unwrap_or_default()
        });
    taken.insert(id.clone());
    id
}

/// A role's family: its title's words without seniority words, or "management" for a title
/// with a management word (see [`infer_tracks`]).
fn family(r: &Role) -> Vec<String> {
    let words: Vec<String> = r
        .title
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| MANAGEMENT.contains(&w.as_str())) {
        return vec!["management".to_string()];
    }
    let last = words.len().saturating_sub(1);
    (words.into_iter().enumerate())
        .filter(|(i, w)| !(seniority::says_seniority(w) || (*i == last && is_level_code(w))))
        .map(|(_, w)| w)
        .collect()
}

/// Whether the titles clearly split into families: at least two, each with two roles or more
/// and each one run of the list ("Engineer, Senior Engineer, Engineering Manager, Director"). A ladder whose levels rise
/// one by one is one track unless they do.
pub fn split_into_families(roles: &[Role]) -> bool {
    let mut families: HashMap<Vec<String>, usize> = HashMap::new();
    // Each family must be one run of the list: families that take turns (`Support Associate`,
    // `Support Specialist`, `Senior Support Specialist`, `Support Lead`) are one ladder.
    let mut runs = 0;
    let mut last: Option<Vec<String>> = None;
    for role in roles {
        let f = family(role);
        if last.as_ref() != Some(&f) {
            runs += 1;
        }
        *families.entry(f.clone()).or_default() += 1;
        last = Some(f);
    }
    families.len() >= 2 && families.values().all(|n| *n >= 2) && runs == families.len()
}

/// One track of every role in level order: for a ladder whose levels rise one by one, a
/// single ladder whatever the titles say.
pub fn one_track(roles: &[Role], levels: &[String]) -> Track {
    let rank = level_ranks(levels);
    let mut ordered: Vec<&Role> = roles.iter().collect();
    ordered.sort_by_key(|r| rank.get(r.level.as_str()).copied().unwrap_or(usize::MAX));
    Track {
        id: "ladder".to_string(),
        name: "Ladder".to_string(),
        roles: ordered.iter().map(|r| r.id.clone()).collect(),
    }
}

/// The family's words with their capitals, taken from the first member's title that has them
/// all.
fn members_title(members: &[&Role], family: &[String]) -> String {
    if family == ["management"] {
        return "Management".to_string();
    }
    let words: HashSet<&str> = family.iter().map(String::as_str).collect();
    for role in members {
        let titled: Vec<&str> = role
            .title
            .split_whitespace()
            .filter(|w| words.contains(w.to_lowercase().as_str()))
            .collect();
        if titled.len() == family.len() {
            return titled.join(" ");
        }
    }
    family.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(id: &str, level: &str, title: &str) -> Role {
        Role {
            id: id.into(),
            level: level.into(),
            title: title.into(),
            summary: String::new(),
            attributes: Default::default(),
            dimensions: Default::default(),
        }
    }

    #[test]
    fn titles_split_a_rising_ladder_only_into_families_of_two_or_more() {
        let split = [
            role("E1", "L1", "Engineer"),
            role("E2", "L2", "Senior Engineer"),
            role("M3", "L3", "Engineering Manager"),
            role("M4", "L4", "Director of Engineering"),
        ];
        assert!(split_into_families(&split));
        // One family, or a family of one beside another: one track.
        let managers = [
            role("M1", "L1", "Engineering Manager"),
            role("M2", "L2", "Senior Engineering Manager"),
            role("M3", "L3", "Director of Engineering"),
        ];
        assert!(!split_into_families(&managers));
        let lone = [
            role("E1", "L1", "Engineer"),
            role("E2", "L2", "Senior Engineer"),
            role("A3", "L3", "Architect"),
        ];
        assert!(!split_into_families(&lone));
    }

    #[test]
    fn lead_is_seniority_and_managers_are_one_family() {
        let roles = [
            role("a", "L2", "Software Engineer"),
            role("b", "L3", "Senior Software Engineer"),
            role("c", "L4", "Lead Software Engineer"),
            role("d", "L4", "Engineering Manager"),
            role("e", "L5", "Senior Engineering Manager"),
            role("f", "L6", "Director of Engineering"),
        ];
        let levels: Vec<String> = ["L2", "L3", "L4", "L5", "L6"].map(String::from).to_vec();
        let tracks = infer_tracks(&roles, &levels).expect("inferred");
        let simple: Vec<(&str, Vec<&str>)> = tracks
            .iter()
            .map(|t| (t.id.as_str(), t.roles.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            simple,
            [
                ("engineer", vec!["a", "b", "c"]),
                ("management", vec!["d", "e", "f"])
            ]
        );
        assert_eq!(tracks[1].name, "Management");
    }

    #[test]
    fn the_embedded_tracks_are_inferred_from_titles_and_levels() {
        let ladder = crate::embedded::ladder();
        let inferred = infer_tracks(&ladder.roles, &ladder.levels).expect("inferred");
        let simple: Vec<(&str, Vec<&str>)> = inferred
            .iter()
            .map(|t| (t.id.as_str(), t.roles.iter().map(String::as_str).collect()))
            .collect();
        let embedded: Vec<(&str, Vec<&str>)> = ladder
            .tracks
            .iter()
            .map(|t| (t.id.as_str(), t.roles.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(simple, embedded);
    }

    /// Families, parents and taken ids are looked up in tables: 40,000 roles of as many
    /// families (one level, so no one track) take a fraction of a second, where comparing each
    /// family with every other took minutes in a debug build. The bound is loose on purpose,
    /// for a busy machine: it only has to tell linear from quadratic.
    #[test]
    fn many_families_are_inferred_in_linear_time() {
        let roles: Vec<Role> = (0..40_000)
            .map(|i| role(&format!("r{i}"), "L1", &format!("Role {i} Engineer")))
            .collect();
        let start = std::time::Instant::now();
        let tracks = infer_tracks(&roles, &["L1".to_string()]).expect("inferred");
        let took = start.elapsed();
        assert_eq!(tracks.len(), 40_000);
        assert_eq!(tracks[2].id, "role-2-engineer");
        assert!(took < std::time::Duration::from_secs(5), "{took:?}");
    }

    /// One family over 1,001 levels with 1,000 branches from its top would repeat its roles in
    /// every branch: a million entries and more are refused, not built.
    #[test]
    fn tracks_too_long_to_hold_are_refused() {
        let levels: Vec<String> = (0..=1001).map(|i| format!("L{i}")).collect();
        let mut roles: Vec<Role> = (0..1001)
            .map(|i| role(&format!("e{i}"), &levels[i], "Engineer"))
            .collect();
        roles.extend((0..1000).map(|i| role(&format!("b{i}"), "L1001", &format!("B{i} Engineer"))));
        let err = infer_tracks(&roles, &levels).expect_err("too long");
        assert_eq!(
            err.to_string(),
            "the tracks inferred from the roles' titles would list 1003001 roles in all, over the limit of 1000000: name the tracks on the index page (docs/format.md, \"Tracks\")"
        );
    }
}
