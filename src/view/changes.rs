//! What `changes` shows: the two versions by name, and for each ladder (one, or each of two
//! catalogues) what changed, or that it was added or removed.

use std::collections::HashMap;

use crate::query::changes::{
    Change, Changes, FrameChange, FrameItem, Kind, RoleChanges, StatementChange,
};

/// Two versions compared: `sides` names the old and the new (a file, `REV:FILE`, a folder).
#[derive(Debug)]
pub struct ChangesView<'a> {
    pub sides: [String; 2],
    pub ladders: Vec<LadderChanges<'a>>,
    /// Only what changes evaluations was kept (`--brief`).
    pub brief: bool,
}

/// One ladder's changes: `id` in its catalogue (`None` for a ladder file); a ladder only one
/// catalogue has is [`Change::Added`] or [`Change::Removed`], without changes; without
/// either, the two versions were the same bytes.
#[derive(Debug)]
pub struct LadderChanges<'a> {
    pub id: Option<&'a str>,
    pub change: Option<Change>,
    pub changes: Option<Changes<'a>>,
}

impl ChangesView<'_> {
    /// Whether anything is reported: the exit status is then 1.
    pub fn differ(&self) -> bool {
        self.ladders
            .iter()
            .any(|l| l.change.is_some() || l.changes.as_ref().is_some_and(|c| !c.is_empty()))
    }
}

/// What one record of a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Frame(FrameItem),
    Role,
    /// The level a role is at.
    RoleLevel,
    /// A track a role is on.
    RoleTrack,
    Title,
    Summary,
    /// A role's value for an attribute.
    AttributeValue,
    Statement(Kind),
    /// A ladder of a catalogue.
    Ladder,
}

/// One change as a flat record: what changed, how, where it was and is (a role and a place:
/// a dimension with its theme, an attribute), and the texts or ids before and after.
#[derive(Debug, Clone, Default)]
pub struct Record<'a> {
    pub change: Option<Change>,
    pub what: Option<What>,
    pub from_role: &'a str,
    pub from_place: (&'a str, Option<&'a str>),
    pub to_role: &'a str,
    pub to_place: (&'a str, Option<&'a str>),
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
}

impl<'a> Record<'a> {
    fn of(change: Change, what: What) -> Record<'a> {
        Record {
            change: Some(change),
            what: Some(what),
            ..Record::default()
        }
    }
}

/// Every change of one ladder as records: the frame, then each role's own changes followed by
/// those of its statements.
pub fn records<'a>(changes: &'a Changes<'a>) -> Vec<Record<'a>> {
    let mut out: Vec<Record<'a>> = changes.frame.iter().map(frame_record).collect();
    let mut by_new: HashMap<&str, Vec<&StatementChange<'a>>> = HashMap::new();
    let mut by_old: HashMap<&str, Vec<&StatementChange<'a>>> = HashMap::new();
    for s in &changes.statements {
        match (s.to, s.from) {
            (Some(to), _) => by_new.entry(to.role).or_default().push(s),
            (None, Some(from)) => by_old.entry(from.role).or_default().push(s),
            (None, None) => {}
        }
    }
    for r in &changes.roles {
        role_records(&mut out, r);
        let new_id = r.new.map_or("", |n| n.id.as_str());
        let old_id = r.old.map_or("", |o| o.id.as_str());
        let mine: Vec<&StatementChange<'a>> = (by_new.remove(new_id).into_iter().flatten())
            .chain(by_old.remove(old_id).into_iter().flatten())
            .collect();
        out.extend(mine.into_iter().map(statement_record));
    }
    // A statement whose role is not shown (`--role` names the role it moved from) still is,
    // in the order of the statements.
    let mut rest: Vec<&StatementChange<'a>> = (by_new.into_values().chain(by_old.into_values()))
        .flatten()
        .collect();
    let order: HashMap<*const StatementChange<'a>, usize> = (changes.statements.iter().enumerate())
        .map(|(i, s)| (s as *const _, i))
        .collect();
    rest.sort_by_key(|s| order.get(&(*s as *const _)).copied().unwrap_or(usize::MAX));
    out.extend(rest.into_iter().map(statement_record));
    out
}

fn frame_record(f: &FrameChange) -> Record<'_> {
    Record {
        from: f.from.as_deref(),
        to: f.to.as_deref(),
        from_place: if f.change == Change::Changed {
            (f.id.as_str(), None)
        } else {
            ("", None)
        },
        to_place: if f.change == Change::Changed {
            (f.id.as_str(), None)
        } else {
            ("", None)
        },
        ..Record::of(f.change, What::Frame(f.item))
    }
}

/// A role's own changes: added, removed or renamed; its level, tracks, title, summary and
/// attribute values.
fn role_records<'a>(out: &mut Vec<Record<'a>>, r: &'a RoleChanges<'a>) {
    let (from_role, to_role) = (
        r.old.map_or("", |x| x.id.as_str()),
        r.new.map_or("", |x| x.id.as_str()),
    );
    let at = |change: Change, what: What| Record {
        from_role,
        to_role,
        ..Record::of(change, what)
    };
    match (r.old, r.new) {
        (None, _) => out.push(at(Change::Added, What::Role)),
        (_, None) => out.push(at(Change::Removed, What::Role)),
        (Some(a), Some(b)) if a.id != b.id => out.push(at(Change::Renamed, What::Role)),
        _ => {}
    }
    if let Some((a, b)) = r.level {
        out.push(Record {
            from: Some(a),
            to: Some(b),
            ..at(Change::Moved, What::RoleLevel)
        });
    }
    for t in &r.tracks_left {
        out.push(Record {
            from: Some(t),
            ..at(Change::Removed, What::RoleTrack)
        });
    }
    for t in &r.tracks_joined {
        out.push(Record {
            to: Some(t),
            ..at(Change::Added, What::RoleTrack)
        });
    }
    for (what, pair) in [(What::Title, r.title), (What::Summary, r.summary)] {
        if let Some((a, b)) = pair {
            out.push(Record {
                from: Some(a),
                to: Some(b),
                ..at(Change::Changed, what)
            });
        }
    }
    for v in &r.attributes {
        let change = match (v.from, v.to) {
            (None, _) => Change::Added,
            (_, None) => Change::Removed,
            _ => Change::Changed,
        };
        let place = (v.attribute.as_str(), None);
        out.push(Record {
            from_place: if v.from.is_some() { place } else { ("", None) },
            to_place: if v.to.is_some() { place } else { ("", None) },
            from: v.from,
            to: v.to,
            from_role: if v.from.is_some() { from_role } else { "" },
            to_role: if v.to.is_some() { to_role } else { "" },
            ..Record::of(change, What::AttributeValue)
        });
    }
}

fn statement_record<'a>(s: &StatementChange<'a>) -> Record<'a> {
    Record {
        from_role: s.from.map_or("", |x| x.role),
        from_place: s.from.map_or(("", None), |x| (x.dimension, x.theme)),
        to_role: s.to.map_or("", |x| x.role),
        to_place: s.to.map_or(("", None), |x| (x.dimension, x.theme)),
        from: s.from.map(|x| x.text),
        to: s.to.map(|x| x.text),
        ..Record::of(s.change, What::Statement(s.kind))
    }
}
