//! The one resolver: the role names a command takes, with `--track`, to roles of the ladder in
//! use. Each name is parsed once (`LADDER/ROLE` in a catalogue), and read the cheapest way the
//! source allows: one role decoded from the binary or parsed from its file, the ladders of a
//! catalogue that the names qualify, or the whole ladder or catalogue.

use anyhow::{Result, anyhow};

use super::{Loader, Source};
use crate::exit::UsageError;
use crate::load::{self, OneRole};
use crate::model::{Catalogue, Entry, Ladder, Role, Track};
use crate::query::resolve::{self, Name};
use crate::text;

/// What a command needs of the roles it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// The roles and what their ladder declares (levels, dimensions, tracks), not its other
    /// roles: `show`.
    Role,
    /// The whole ladder of each role: its neighbours on tracks, other roles.
    Ladder,
}

/// A role a name means, with its ladder and what `--track` names there.
#[derive(Debug, Clone, Copy)]
pub struct Resolved<'a> {
    pub ladder: &'a Ladder,
    /// The ladder's id in its catalogue (also the one `--ladder` chose), for titles.
    pub ladder_id: Option<&'a str>,
    pub role: &'a Role,
    /// The track `--track` names in the role's ladder, when that ladder has it.
    pub track: Option<&'a Track>,
}

impl Loader {
    /// The roles the names mean, in order. `--track` settles every one of them; across the
    /// ladders of a catalogue it applies to each role whose ladder has that track, and is an
    /// error only when none has it.
    pub fn roles(
        &self,
        names: &[&str],
        track: Option<&str>,
        need: Need,
    ) -> Result<Vec<Resolved<'_>>> {
        match &self.source {
            Source::Catalogue(_) => {
                let names: Vec<Name> = names.iter().map(|n| Name::in_catalogue(n)).collect();
                self.in_catalogue(&names, track, need)
            }
            source => {
                let chosen = source.ladder_id();
                let names = names
                    .iter()
                    .map(|n| unqualified(chosen, n))
                    .collect::<Result<Vec<&str>>>()?;
                self.in_ladder(&names, track, need)
            }
        }
    }

    /// [`Loader::roles`] for a command that takes one role.
    pub fn role(&self, name: &str, track: Option<&str>, need: Need) -> Result<Resolved<'_>> {
        let mut found = self.roles(&[name], track, need)?;
        Ok(found.remove(0))
    }

    /// The roles of names in the one ladder of the source: one role read alone when that is
    /// all the command needs and the name is its exact id, else the whole ladder.
    fn in_ladder(
        &self,
        names: &[&str],
        track: Option<&str>,
        need: Need,
    ) -> Result<Vec<Resolved<'_>>> {
        let ladder_id = self.source.ladder_id();
        if let (Need::Role, [name]) = (need, names)
            && let Some((_, one)) = self.one_role_of(None, name)?
        {
            return Ok(vec![on_head(one, ladder_id, track)?]);
        }
        let ladder = self.ladder()?;
        let t = track.map(|t| resolve::track(ladder, t)).transpose()?;
        names
            .iter()
            .map(|name| {
                let role = resolve::role(ladder, name, t)?;
                Ok(Resolved {
                    ladder,
                    ladder_id,
                    role,
                    track: t,
                })
            })
            .collect()
    }

    /// The roles of names in a catalogue: when every name says its ladder, only those ladders
    /// are read (and one role alone, when that is all the command needs); else every ladder.
    fn in_catalogue(
        &self,
        names: &[Name],
        track: Option<&str>,
        need: Need,
    ) -> Result<Vec<Resolved<'_>>> {
        let qualified: Option<Vec<&str>> = names.iter().map(|n| n.ladder).collect();
        let catalogue = match (qualified, &self.source) {
            (Some(ids), Source::Catalogue(folder)) => {
                if let (Need::Role, [name]) = (need, names) {
                    let member = Source::member(folder, ids[0])?;
                    if let Some((id, one)) = self.one_role_of(Some(&member), name.role)? {
                        return Ok(vec![on_head(one, id.as_deref(), track)?]);
                    }
                }
                self.members_of(folder, &ids)?
            }
            _ => self
                .catalogue()?
                .ok_or_else(|| anyhow!("a catalogue has no ladder files"))?,
        };
        let found = names
            .iter()
            .map(|name| resolve::role_in(catalogue, *name, track))
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(t) = track
            && found.iter().all(|(_, _, on)| on.is_none())
        {
            return Err(no_track(&found, t).into());
        }
        Ok(found
            .into_iter()
            .map(|(entry, role, track)| Resolved {
                ladder: &entry.ladder,
                ladder_id: Some(&entry.id),
                role,
                track,
            })
            .collect())
    }

    /// The head and the role with exactly this id of the run's source (`member`: of one ladder
    /// of its catalogue), read without the other roles, with the ladder's id in its catalogue;
    /// read once. `None` when the source cannot give one role alone: then the whole ladder is
    /// loaded (the run's own text, read here, is not read again).
    fn one_role_of(
        &self,
        member: Option<&Source>,
        id: &str,
    ) -> Result<Option<&(Option<String>, OneRole)>> {
        if let Some(one) = self.one_role.get() {
            return Ok(Some(one));
        }
        let source = member.unwrap_or(&self.source);
        let one = match (source, member) {
            (Source::Embedded, _) => crate::embedded::one_role(id),
            (Source::Catalogue(_), _) => None,
            (_, None) => load::one_role(self.document()?, id)?,
            (_, Some(member)) => match member.document()? {
                Some(document) => load::one_role(&document, id)?,
                None => None,
            },
        };
        let ladder_id = source.ladder_id().map(str::to_string);
        Ok(one.map(|one| self.one_role.get_or_init(|| (ladder_id, one))))
    }

    /// The ladders of the catalogue folder with these ids (each once, in any case), read and
    /// loaded once, the rest of the folder unread.
    fn members_of(&self, folder: &std::path::Path, ids: &[&str]) -> Result<&Catalogue> {
        if let Some(members) = self.members.get() {
            return Ok(members);
        }
        let mut ladders: Vec<Entry> = Vec::with_capacity(ids.len());
        for id in ids {
            let member = Source::member(folder, id)?;
            let id = member.ladder_id().unwrap_or(id).to_string();
            if ladders.iter().any(|e| e.id == id) {
                continue;
            }
            let Some(document) = member.document()? else {
                continue;
            };
            ladders.push(Entry {
                ladder: Ladder::load(&document)?,
                id,
            });
        }
        Ok(self.members.get_or_init(|| Catalogue { ladders }))
    }
}

/// The role of a head read with it alone, on `--track` when given.
fn on_head<'a>(
    one: &'a OneRole,
    ladder_id: Option<&'a str>,
    track: Option<&str>,
) -> Result<Resolved<'a>> {
    let t = track.map(|t| resolve::track(&one.head, t)).transpose()?;
    let role = resolve::role_on_track(&one.head, &one.role, t)?;
    Ok(Resolved {
        ladder: &one.head,
        ladder_id,
        role,
        track: t,
    })
}

/// The name without the `ID/` of the ladder `--ladder` chose; a name of another ladder is
/// refused. Without `--ladder`, the name as typed.
fn unqualified<'n>(chosen: Option<&str>, name: &'n str) -> Result<&'n str> {
    let Some(chosen) = chosen else {
        return Ok(name);
    };
    match name.split_once('/') {
        Some((id, rest)) if id.eq_ignore_ascii_case(chosen) => Ok(rest),
        Some((id, _)) => Err(UsageError(format!(
            "{} names a role of ladder {}, but --ladder chose {chosen}",
            text::quoted(name),
            text::quoted(id)
        ))
        .into()),
        None => Ok(name),
    }
}

/// `--track` names a track that no ladder of the roles found has: the error of the first
/// one's ladder, which lists its tracks.
fn no_track(found: &[(&Entry, &Role, Option<&Track>)], track: &str) -> UsageError {
    resolve::track(&found[0].0.ladder, track)
        .err()
        .unwrap_or_else(|| UsageError(format!("unknown track {}", text::quoted(track))))
}
