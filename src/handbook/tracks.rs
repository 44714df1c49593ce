//! Tracks inferred for a handbook whose index does not name them, from the roles' titles
//! and levels.

use super::names::kebab;
use crate::model::{Role, Track};

/// Words that say how senior a title is, not what the role does; titles without them name a
/// role's family (see [`infer_tracks`]).
const SENIORITY: [&str; 9] = [
    "junior",
    "senior",
    "staff",
    "principal",
    "associate",
    "graduate",
    "lead",
    "intermediate",
    "entry",
];

/// Words of a management title: a manager, a senior manager, a director and a head of a
/// function are one family, whatever the function.
const MANAGEMENT: [&str; 5] = ["manager", "director", "head", "vp", "chief"];

/// Tracks for pages that do not name them, by this rule:
///
/// 1. A role's family is its title without seniority words (junior, senior, staff,
///    principal, associate, graduate, lead, intermediate, entry): "Senior Security Analyst"
///    is a "Security Analyst". A title with a management word (manager, director, head, vp,
///    chief) is of the one "Management" family.
/// 2. When the highest level has exactly one role and its family has no other, that role
///    closes every track (a lead whom every path reaches).
/// 3. Every other family is a track, its roles in level order. A family whose name ends with
///    another family's name ("Cloud Security Engineer" ends with "Security Engineer")
///    branches from it: the track starts with that family's roles below its own first level.
/// 4. A track's id is the family's last word (`analyst`); when taken, its first word
///    (`cloud`); when that is taken too, the whole family in kebab-case.
pub fn infer_tracks(roles: &[Role], levels: &[String]) -> Vec<Track> {
    let rank = |r: &Role| {
        levels
            .iter()
            .position(|l| *l == r.level)
            .unwrap_or(usize::MAX)
    };
    let top = roles.iter().map(rank).max();
    let at_top: Vec<&Role> = roles.iter().filter(|r| Some(rank(r)) == top).collect();
    let closer = match at_top.as_slice() {
        [one]
            if roles.iter().filter(|r| family(r) == family(one)).count() == 1
                && roles.len() > 1 =>
        {
            Some(*one)
        }
        _ => None,
    };
    let mut families: Vec<(Vec<String>, Vec<&Role>)> = Vec::new();
    for role in roles
        .iter()
        .filter(|r| Some(r.id.as_str()) != closer.map(|c| c.id.as_str()))
    {
        let f = family(role);
        match families.iter_mut().find(|(name, _)| *name == f) {
            Some((_, members)) => members.push(role),
            None => families.push((f, vec![role])),
        }
    }
    let mut tracks: Vec<Track> = Vec::new();
    for (name, members) in &families {
        let mut members = members.clone();
        members.sort_by_key(|r| rank(r));
        let first = members.first().map(|r| rank(r)).unwrap_or(0);
        let parent = families
            .iter()
            .filter(|(other, _)| other.len() < name.len() && name.ends_with(other))
            .max_by_key(|(other, _)| other.len());
        let mut path: Vec<&Role> = match parent {
            Some((_, parents)) => {
                let mut below: Vec<&Role> = parents
                    .iter()
                    .copied()
                    .filter(|r| rank(r) < first)
                    .collect();
                below.sort_by_key(|r| rank(r));
                below
            }
            None => Vec::new(),
        };
        path.extend(members);
        if let Some(c) = closer {
            path.push(c);
        }
        let last = name.last().cloned().unwrap_or_default();
        let first_word = name.first().cloned().unwrap_or_default();
        let id = [kebab(&last), kebab(&first_word), kebab(&name.join(" "))]
            .into_iter()
            .find(|id| !id.is_empty() && !tracks.iter().any(|t| &t.id == id))
            .unwrap_or_else(|| format!("track-{}", tracks.len() + 1));
        let display = members_title(&path, name);
        tracks.push(Track {
            id,
            name: display,
            roles: path.iter().map(|r| r.id.clone()).collect(),
        });
    }
    tracks
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
    words
        .into_iter()
        .filter(|w| !SENIORITY.contains(&w.as_str()))
        .collect()
}

/// Whether the titles clearly split into families: at least two, each with two roles or more
/// ("Engineer, Senior Engineer, Engineering Manager, Director"). A ladder whose levels rise
/// one by one is one track unless they do.
pub fn split_into_families(roles: &[Role]) -> bool {
    let mut families: Vec<(Vec<String>, usize)> = Vec::new();
    for role in roles {
        let f = family(role);
        match families.iter_mut().find(|(name, _)| *name == f) {
            Some((_, n)) => *n += 1,
            None => families.push((f, 1)),
        }
    }
    families.len() >= 2 && families.iter().all(|(_, n)| *n >= 2)
}

/// One track of every role in level order: for a ladder whose levels rise one by one, a
/// single ladder whatever the titles say.
pub fn one_track(roles: &[Role], levels: &[String]) -> Track {
    let rank: std::collections::HashMap<&str, usize> = levels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let mut ordered: Vec<&Role> = roles.iter().collect();
    ordered.sort_by_key(|r| rank.get(r.level.as_str()).copied().unwrap_or(usize::MAX));
    Track {
        id: "ladder".to_string(),
        name: "Ladder".to_string(),
        roles: ordered.iter().map(|r| r.id.clone()).collect(),
    }
}

/// The family's words with their capitals, taken from a member's title.
fn members_title(path: &[&Role], family: &[String]) -> String {
    if family == ["management"] {
        return "Management".to_string();
    }
    for role in path {
        let words: Vec<&str> = role
            .title
            .split_whitespace()
            .filter(|w| family.contains(&w.to_lowercase()))
            .collect();
        if words.len() == family.len() {
            return words.join(" ");
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
        let tracks = infer_tracks(&roles, &levels);
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
        let inferred = infer_tracks(&ladder.roles, &ladder.levels);
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
}
