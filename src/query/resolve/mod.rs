//! Turns what the user typed into roles, tracks, dimensions and levels of a ladder, with
//! suggestions when it fails (`suggest.rs`); in a catalogue, into ladders and roles of any of
//! them (`catalogue.rs`).

mod catalogue;
mod suggest;

use std::collections::{HashMap, HashSet};

use crate::exit::UsageError;
use crate::model::{Dimension, Ladder, Role, Track};
use crate::text::quoted;

pub use catalogue::{Name, ladder, role_in, with_track};
use suggest::suggest;

pub fn track<'a>(ladder: &'a Ladder, query: &str) -> Result<&'a Track, UsageError> {
    let wanted = query.trim().to_lowercase();
    if let Some(track) = ladder.tracks.iter().find(|t| t.id.to_lowercase() == wanted) {
        return Ok(track);
    }
    Err(UsageError(format!(
        "unknown track {}; the tracks are {}",
        quoted(query),
        list(ladder.tracks.iter().map(|t| t.id.as_str()))
    )))
}

/// The dimension named by its id, its name, or an unambiguous part of either (`domain`, `teaching`).
pub fn dimension<'a>(ladder: &'a Ladder, query: &str) -> Result<&'a Dimension, UsageError> {
    let wanted = normalise(query);
    let exact = ladder
        .dimensions
        .iter()
        .find(|d| normalise(&d.id) == wanted || normalise(&d.name) == wanted);
    if let Some(dimension) = exact {
        return Ok(dimension);
    }
    let candidates: Vec<&Dimension> = ladder
        .dimensions
        .iter()
        .filter(|d| {
            !wanted.is_empty()
                && (holds(&normalise(&d.id), &wanted) || holds(&normalise(&d.name), &wanted))
        })
        .collect();
    let ids = || list(ladder.dimensions.iter().map(|d| d.id.as_str()));
    match candidates.as_slice() {
        [one] => Ok(one),
        [] => Err(UsageError(format!(
            "unknown dimension {}; the dimensions are {}",
            quoted(query),
            ids()
        ))),
        many => Err(UsageError(format!(
            "{} matches {} dimensions: {}; give more of the name",
            quoted(query),
            many.len(),
            list(many.iter().map(|d| d.id.as_str()))
        ))),
    }
}

/// The level with this id, in any case.
pub fn level<'a>(ladder: &'a Ladder, query: &str) -> Result<&'a str, UsageError> {
    let wanted = normalise(query);
    ladder
        .levels
        .iter()
        .find(|l| normalise(l) == wanted)
        .map(String::as_str)
        .ok_or_else(|| {
            UsageError(format!(
                "unknown level {}; the levels are {}",
                quoted(query),
                list(ladder.levels.iter().map(String::as_str))
            ))
        })
}

/// The one role the user means, optionally within a track.
///
/// In order: a full id (any case); an exact title; otherwise every role whose
/// level equals the query or whose id or title contains it. One match wins;
/// several are ambiguous; none is unknown and comes with suggestions.
pub fn role<'a>(
    ladder: &'a Ladder,
    query: &str,
    track: Option<&Track>,
) -> Result<&'a Role, UsageError> {
    match find(ladder, query, track)? {
        Found::Exact(role) => role_on_track(ladder, role, track),
        Found::Partial(candidates) => match candidates.as_slice() {
            [one] => Ok(one),
            [] => Err(unknown(ladder, query, track)),
            many => Err(ambiguous(ladder, query, track, many)),
        },
    }
}

/// What a name finds in one ladder, before it is judged one, none or too many.
enum Found<'a> {
    /// A full id or an exact title, whatever its track.
    Exact(&'a Role),
    /// The roles on the track whose level is the name or whose id or title holds it.
    Partial(Vec<&'a Role>),
}

/// The roles a name finds in a ladder (see [`role`]); fails only on an empty name.
fn find<'a>(
    ladder: &'a Ladder,
    query: &str,
    track: Option<&Track>,
) -> Result<Found<'a>, UsageError> {
    let wanted = normalise(query);
    if wanted.is_empty() {
        return Err(UsageError("the role name is empty".to_string()));
    }
    // The track's roles as a set: a search of the track for every match would cost their
    // product.
    let on: Option<HashSet<&str>> = track.map(|t| t.roles.iter().map(String::as_str).collect());
    let on_track = |r: &&Role| on.as_ref().is_none_or(|on| on.contains(r.id.as_str()));

    let exact = ladder
        .roles
        .iter()
        .find(|r| normalise(&r.id) == wanted)
        .or_else(|| ladder.roles.iter().find(|r| normalise(&r.title) == wanted));
    if let Some(role) = exact {
        return Ok(Found::Exact(role));
    }

    let matches = |r: &&Role| {
        normalise(&r.level) == wanted
            || holds(&normalise(&r.id), &wanted)
            || holds(&normalise(&r.title), &wanted)
    };
    Ok(Found::Partial(
        ladder
            .roles
            .iter()
            .filter(matches)
            .filter(on_track)
            .collect(),
    ))
}

/// The role, when `--track` names none or a track it is on; otherwise an error naming its
/// tracks. `ladder` may be a head without roles (see `load::one_role`): only tracks are read.
pub fn role_on_track<'a>(
    ladder: &Ladder,
    role: &'a Role,
    track: Option<&Track>,
) -> Result<&'a Role, UsageError> {
    match track {
        Some(t) if !t.contains(&role.id) => Err(UsageError(format!(
            "role {} is not on track {}; its tracks are {}",
            role.id,
            t.id,
            list(ladder.tracks_of(role).map(|t| t.id.as_str()))
        ))),
        _ => Ok(role),
    }
}

/// Lower case, with runs of spaces, dashes and underscores made into one dash, so that
/// "Senior Cloud", "senior-cloud" and "SENIOR_CLOUD" compare equal.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

fn ambiguous(ladder: &Ladder, query: &str, track: Option<&Track>, many: &[&Role]) -> UsageError {
    ambiguous_in(ladder, None, query, track, many)
}

/// Several roles of one ladder match; in a catalogue (`id`), they are named `ID/ROLE`.
fn ambiguous_in(
    ladder: &Ladder,
    id: Option<&str>,
    query: &str,
    track: Option<&Track>,
    many: &[&Role],
) -> UsageError {
    let ids = match id {
        None => list(many.iter().map(|r| r.id.as_str())),
        Some(id) => crate::text::some_of(many.iter().map(|r| format!("{id}/{}", r.id))),
    };
    // Offer --track only when picking a track would settle it: when it holds one of the
    // roles. Counted from each role's tracks, looked up: a search of every track for every
    // role would cost their product.
    let mut held: HashMap<&str, usize> = HashMap::new();
    for role in many {
        for t in ladder.tracks_of(role) {
            *held.entry(t.id.as_str()).or_insert(0) += 1;
        }
    }
    let settling: Vec<&str> = ladder
        .tracks
        .iter()
        .filter(|t| held.get(t.id.as_str()) == Some(&1))
        .map(|t| t.id.as_str())
        .collect();
    let hint = if track.is_none() && !settling.is_empty() {
        format!(
            "; add --track ({}) or give a full id",
            crate::text::some_of(settling)
        )
    } else {
        "; give a full id".to_string()
    };
    UsageError(format!(
        "{} matches {} roles: {ids}{hint}",
        quoted(query),
        many.len()
    ))
}

fn unknown(ladder: &Ladder, query: &str, track: Option<&Track>) -> UsageError {
    let shown = quoted(query);
    if let Some(t) = track {
        return UsageError(format!(
            "no role on track {} matches {shown}; the track has {}",
            t.id,
            list(t.roles.iter().map(String::as_str))
        ));
    }
    let suggestions = suggest(ladder, query);
    if suggestions.is_empty() {
        UsageError(format!(
            "no role matches {shown}; run `ladder list` to see every role"
        ))
    } else {
        UsageError(format!(
            "no role matches {shown}; did you mean {}?",
            suggestions.join(" or ")
        ))
    }
}

/// Whether `haystack` holds `needle`, without building a searcher for a needle that cannot fit.
fn holds(haystack: &str, needle: &str) -> bool {
    haystack.len() >= needle.len() && haystack.contains(needle)
}

/// A list of ids as a message names it: the first few, and how many more.
fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    crate::text::some_of(items)
}

/// The role `evidence` marks new expectations against when the user names none: the level below
/// `role` on `track`, or on each of its tracks when they agree. Different levels below on
/// different tracks are a usage error that names them.
pub fn level_below<'a>(
    ladder: &'a Ladder,
    role: &'a Role,
    track: Option<&'a Track>,
) -> Result<Option<&'a Role>, UsageError> {
    let tracks: Vec<&Track> = match track {
        Some(t) => vec![t],
        None => ladder.tracks_of(role).collect(),
    };
    let mut below: Vec<(&Role, &Track)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for t in tracks {
        if let Some(prev) = ladder.previous_on(t, role)
            && seen.insert(prev.id.as_str())
        {
            below.push((prev, t));
        }
    }
    match below.as_slice() {
        [] => Ok(None),
        [(one, _)] => Ok(Some(*one)),
        many => {
            let options: Vec<String> = many
                .iter()
                .map(|(r, t)| format!("{} on {}", r.id, t.id))
                .collect();
            Err(UsageError(format!(
                "{} has a different level below on each track ({}); choose with --track or --from",
                role.id,
                crate::text::some_of(options)
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ladder() -> Ladder {
        crate::embedded::ladder()
    }

    fn id(query: &str, track: Option<&str>) -> Result<String, String> {
        let l = ladder();
        let t = track.map(|t| track_of(&l, t));
        role(&l, query, t).map(|r| r.id.clone()).map_err(|e| e.0)
    }

    fn track_of<'a>(l: &'a Ladder, t: &str) -> &'a Track {
        track(l, t).expect("track exists")
    }

    #[test]
    fn full_ids_resolve_in_any_case() {
        assert_eq!(
            id("l3-SENIOR-security-engineer", None).as_deref(),
            Ok("L3-senior-security-engineer")
        );
    }

    #[test]
    fn a_level_with_a_track_picks_the_role_on_that_track() {
        assert_eq!(
            id("L3", Some("engineer")).as_deref(),
            Ok("L3-senior-security-engineer")
        );
        assert_eq!(
            id("l3", Some("cloud")).as_deref(),
            Ok("L3-senior-cloud-security-engineer")
        );
        assert_eq!(
            id("L2", Some("cloud")).as_deref(),
            Ok("L2-security-engineer")
        );
    }

    #[test]
    fn a_level_with_one_role_needs_no_track() {
        assert_eq!(id("L4", None).as_deref(), Ok("L4-technical-lead"));
    }

    #[test]
    fn parts_of_ids_and_titles_resolve_when_unambiguous() {
        assert_eq!(
            id("cloud", None).as_deref(),
            Ok("L3-senior-cloud-security-engineer")
        );
        assert_eq!(
            id("senior-cloud", None).as_deref(),
            Ok("L3-senior-cloud-security-engineer")
        );
        assert_eq!(
            id("Technical Lead", None).as_deref(),
            Ok("L4-technical-lead")
        );
        assert_eq!(
            id("junior", None).as_deref(),
            Ok("L1-junior-security-analyst")
        );
    }

    #[test]
    fn an_exact_title_beats_longer_titles_containing_it() {
        assert_eq!(
            id("security analyst", None).as_deref(),
            Ok("L2-security-analyst")
        );
    }

    #[test]
    fn ambiguity_lists_candidates_and_the_settling_flag() {
        assert_eq!(
            id("L3", None),
            Err("\"L3\" matches 3 roles: L3-senior-security-analyst, L3-senior-security-engineer, \
                 L3-senior-cloud-security-engineer; add --track (analyst, engineer, cloud) or give a full id"
                .to_string())
        );
    }

    #[test]
    fn a_track_holding_two_of_the_matches_does_not_settle_them() {
        // engineer and cloud share L2-security-engineer: each holds two of the three.
        assert_eq!(
            id("engineer", None),
            Err(
                "\"engineer\" matches 3 roles: L2-security-engineer, L3-senior-security-engineer, \
                 L3-senior-cloud-security-engineer; give a full id"
                    .to_string()
            )
        );
        assert_eq!(
            id("engineer", Some("cloud")),
            Err("\"engineer\" matches 2 roles: L2-security-engineer, \
                 L3-senior-cloud-security-engineer; give a full id"
                .to_string())
        );
    }

    #[test]
    fn unknown_names_suggest_the_closest_ids() {
        assert_eq!(
            id("L3-senior-security-enginer", None),
            Err("no role matches \"L3-senior-security-enginer\"; did you mean L3-senior-security-engineer?".to_string())
        );
    }

    #[test]
    fn vague_names_suggest_several_roles() {
        assert_eq!(
            id("L2-securty", None),
            Err("no role matches \"L2-securty\"; did you mean L2-security-analyst or L2-security-engineer?".to_string())
        );
    }

    #[test]
    fn a_full_id_off_the_given_track_is_refused() {
        assert_eq!(
            id("L2-security-analyst", Some("engineer")),
            Err(
                "role L2-security-analyst is not on track engineer; its tracks are analyst"
                    .to_string()
            )
        );
    }

    #[test]
    fn dimensions_resolve_by_id_name_or_part() {
        let l = ladder();
        let id = |q: &str| dimension(&l, q).map(|d| d.id.clone()).map_err(|e| e.0);
        assert_eq!(id("domain-expertise").as_deref(), Ok("domain-expertise"));
        assert_eq!(
            id("Teaching and Mentoring").as_deref(),
            Ok("teaching-mentoring")
        );
        assert_eq!(id("culture").as_deref(), Ok("culture-leadership"));
        assert_eq!(id("BUSINESS").as_deref(), Ok("business-success"));
        assert_eq!(
            id("an"),
            Err("\"an\" matches 2 dimensions: teaching-mentoring, culture-leadership; give more of the name".to_string())
        );
        assert_eq!(
            id("luck"),
            Err("unknown dimension \"luck\"; the dimensions are domain-expertise, teaching-mentoring, \
                 culture-leadership, business-success"
                .to_string())
        );
    }

    #[test]
    fn levels_resolve_in_any_case() {
        let l = ladder();
        assert_eq!(level(&l, "l3").ok(), Some("L3"));
        assert_eq!(
            level(&l, "L9").map_err(|e| e.0),
            Err("unknown level \"L9\"; the levels are L1, L2, L3, L4".to_string())
        );
    }

    #[test]
    fn unknown_tracks_list_the_known_ones() {
        let l = ladder();
        assert_eq!(
            track(&l, "devops").map(|t| t.id.clone()).map_err(|e| e.0),
            Err("unknown track \"devops\"; the tracks are analyst, engineer, cloud".to_string())
        );
    }

    #[test]
    fn a_long_name_is_echoed_cut_and_escaped() {
        let long = format!("\u{202e}{}", "L3-senior-".repeat(10_000));
        assert_eq!(
            id(&long, None),
            Err(format!(
                "no role matches \"\\u{{202e}}{}…\"; run `ladder list` to see every role",
                "L3-senior-".repeat(5) + "L3-senior"
            ))
        );
        assert_eq!(quoted("short"), "\"short\"");
    }
}
