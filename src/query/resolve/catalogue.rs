//! Names typed in a catalogue: `LADDER/ROLE` parsed once, a ladder by its id, and a role
//! looked for in one ladder or in every one.

use super::suggest::{closest, scored};
use super::{Found, ambiguous_in, find, list, role, role_on_track, track};
use crate::exit::UsageError;
use crate::model::{Catalogue, Entry, Role, Track};
use crate::text::quoted;

/// The ladder of a catalogue with this id, in any case.
pub fn ladder<'a>(catalogue: &'a Catalogue, query: &str) -> Result<&'a Entry, UsageError> {
    catalogue
        .ladders
        .iter()
        .find(|e| e.id.eq_ignore_ascii_case(query))
        .ok_or_else(|| {
            UsageError(format!(
                "unknown ladder {}; the ladders are {}",
                quoted(query),
                list(catalogue.ids())
            ))
        })
}

/// The ladders of a catalogue that a command reads across, each with the track `--track`
/// names in it: every ladder without `--track`, else those that have the track.
pub fn with_track<'a>(
    catalogue: &'a Catalogue,
    track: Option<&str>,
) -> Result<Vec<(&'a Entry, Option<&'a Track>)>, UsageError> {
    let Some(query) = track else {
        return Ok(catalogue.ladders.iter().map(|e| (e, None)).collect());
    };
    let found: Vec<_> = catalogue
        .ladders
        .iter()
        .filter_map(|e| self::track(&e.ladder, query).ok().map(|t| (e, Some(t))))
        .collect();
    if found.is_empty() {
        return Err(no_ladder_has_track(query));
    }
    Ok(found)
}

/// A track that no ladder of the catalogue has.
fn no_ladder_has_track(query: &str) -> UsageError {
    UsageError(format!(
        "unknown track {}: no ladder of the catalogue has it; run `ladder tracks`",
        quoted(query)
    ))
}

/// A role name as the user typed it, parsed once: `LADDER/ROLE` in a catalogue names the
/// ladder, any other name is looked for as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name<'a> {
    pub ladder: Option<&'a str>,
    pub role: &'a str,
}

impl<'a> Name<'a> {
    /// A name typed in a catalogue: `LADDER/ROLE`, or a role of any ladder.
    pub fn in_catalogue(typed: &'a str) -> Name<'a> {
        match typed.split_once('/') {
            Some((ladder, role)) => Name {
                ladder: Some(ladder),
                role,
            },
            None => Name {
                ladder: None,
                role: typed,
            },
        }
    }
}

/// The one role the user means in a catalogue, with its ladder and the track `--track` names
/// there, if that ladder has it: `LADDER/ROLE` resolves ROLE in that ladder as [`role`] does
/// (with the track when its ladder has it: a comparison across ladders applies `--track` to
/// each side that has it); an unqualified name is looked for in every ladder (that has the
/// track) and must find one role in all of them, an exact id or title winning over partial
/// matches.
pub fn role_in<'a>(
    catalogue: &'a Catalogue,
    query: Name<'_>,
    track: Option<&str>,
) -> Result<(&'a Entry, &'a Role, Option<&'a Track>), UsageError> {
    let within = |entry: &'a Entry, name: &str| {
        let t = track.and_then(|t| self::track(&entry.ladder, t).ok());
        Ok((entry, role(&entry.ladder, name, t)?, t))
    };
    if let Some(id) = query.ladder {
        return within(ladder(catalogue, id)?, query.role);
    }
    let query = query.role;
    if let [one] = catalogue.ladders.as_slice() {
        let t = track.map(|t| self::track(&one.ladder, t)).transpose()?;
        return Ok((one, role(&one.ladder, query, t)?, t));
    }
    let (mut exact, mut partial, mut refused) = (Vec::new(), Vec::new(), None);
    // The ladder whose own roles were ambiguous: its tracks may settle the name.
    let mut settle = None;
    let mut searched = 0;
    for entry in &catalogue.ladders {
        let t = match track.map(|t| self::track(&entry.ladder, t)) {
            Some(Err(_)) => continue,
            found => found.transpose()?,
        };
        searched += 1;
        match find(&entry.ladder, query, t)? {
            Found::Exact(r) => match role_on_track(&entry.ladder, r, t) {
                Ok(r) => exact.push((entry, r)),
                Err(e) => refused = refused.or(Some(e)),
            },
            Found::Partial(many) => {
                if many.len() > 1 {
                    settle = Some((entry, t));
                }
                partial.extend(many.into_iter().map(|r| (entry, r)));
            }
        }
    }
    if let (Some(t), 0) = (track, searched) {
        return Err(no_ladder_has_track(t));
    }
    let found = if exact.is_empty() { partial } else { exact };
    match found.as_slice() {
        [(entry, role)] => Ok((
            entry,
            role,
            track.and_then(|t| self::track(&entry.ladder, t).ok()),
        )),
        [] => Err(refused.unwrap_or_else(|| unknown_in(catalogue, query))),
        many if many.iter().all(|(e, _)| std::ptr::eq(*e, many[0].0)) => {
            let roles: Vec<&Role> = many.iter().map(|(_, r)| *r).collect();
            let t = settle.and_then(|(_, t)| t);
            let entry = many[0].0;
            Err(ambiguous_in(
                &entry.ladder,
                Some(&entry.id),
                query,
                t,
                &roles,
            ))
        }
        many => Err(UsageError(format!(
            "{} matches {} roles in the catalogue: {}; give LADDER/ROLE",
            quoted(query),
            many.len(),
            crate::text::some_of(many.iter().map(|(e, r)| format!("{}/{}", e.id, r.id)))
        ))),
    }
}

/// A name no ladder of the catalogue knows, with the closest qualified ids of every ladder.
fn unknown_in(catalogue: &Catalogue, query: &str) -> UsageError {
    let suggestions = closest(
        catalogue
            .ladders
            .iter()
            .flat_map(|e| {
                scored(&e.ladder, query)
                    .into_iter()
                    .map(move |(score, r)| (score, format!("{}/{r}", e.id)))
            })
            .collect(),
    );
    let shown = quoted(query);
    if suggestions.is_empty() {
        UsageError(format!(
            "no role of any ladder matches {shown}; run `ladder list` to see every role"
        ))
    } else {
        UsageError(format!(
            "no role of any ladder matches {shown}; did you mean {}?",
            suggestions.join(" or ")
        ))
    }
}
