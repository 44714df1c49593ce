//! What changed between two versions of one ladder: its frame (levels, tracks, dimensions,
//! themes, attributes), its roles (added, removed, renamed, moved to another level or track)
//! and each role's statements (added, removed, reworded, grown, moved) and attribute values.
//! An id that changed while its content stayed alike is a rename, and the statements under it
//! are compared as one; a statement is paired with its old version by place, then by exact
//! words anywhere, then by similarity in its place ([`statements`]).

mod frame;
mod roles;
mod statements;

use crate::model::{Ladder, Role};

pub use frame::Names;

/// The roles of the two versions, paired: each role's partner on the other side, if any.
#[derive(Debug)]
pub struct Pairs {
    pub new_of_old: Vec<Option<usize>>,
    pub old_of_new: Vec<Option<usize>>,
}

/// Everything that changed from `old` to `new`.
#[derive(Debug)]
pub struct Changes<'a> {
    pub old: &'a Ladder,
    pub new: &'a Ladder,
    /// Whether the two describe the same ladder: formatting, comments and key order aside.
    pub same: bool,
    pub frame: Vec<FrameChange>,
    /// Every role that changed, in the new ladder's order, then the roles removed.
    pub roles: Vec<RoleChanges<'a>>,
    /// Every statement and example that changed, in the new ladder's order of roles.
    pub statements: Vec<StatementChange<'a>>,
}

/// How one thing changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Change {
    /// New: for a statement, a new expectation, which changes evaluations.
    Added,
    Removed,
    /// The same thing under another id.
    Renamed,
    /// The same expectation in other words: evaluations do not change.
    Reworded,
    /// The same expectation asking more: the new words keep the old ones and add to them.
    Grows,
    /// The same statement in another place: another theme, dimension or role (or a role at
    /// another level).
    Moved,
    /// A value or name that is not a statement, old → new.
    Changed,
}

/// A part of the ladder's frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameItem {
    /// The ladder's name, motto or about text.
    Ladder,
    Level,
    Track,
    Dimension,
    Theme,
    Attribute,
}

/// One change to the frame: `from` and `to` are ids (`dimension/theme` for a theme), or, for
/// [`Change::Changed`], the old and new names or texts of `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameChange {
    pub item: FrameItem,
    pub change: Change,
    pub id: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A role that changed: its old and new versions (one missing when it was added or removed).
#[derive(Debug)]
pub struct RoleChanges<'a> {
    pub old: Option<&'a Role>,
    pub new: Option<&'a Role>,
    /// Its level, old → new, when it moved.
    pub level: Option<(&'a str, &'a str)>,
    /// The tracks it left and joined (new ids).
    pub tracks_left: Vec<String>,
    pub tracks_joined: Vec<String>,
    pub title: Option<(&'a str, &'a str)>,
    pub summary: Option<(&'a str, &'a str)>,
    pub attributes: Vec<ValueChange<'a>>,
    /// Whether any statement or example of it changed (see [`Changes::statements`]).
    pub statements: bool,
    /// Whether any of those changes evaluations: added, removed, grown, moved to or from
    /// another role.
    pub evaluations: bool,
}

/// A role's value for an attribute, old → new (the attribute's new id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueChange<'a> {
    pub attribute: String,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
}

/// Whether a statement is an expectation or an example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Expectation,
    Example,
}

/// Where a statement stands: its role, dimension and theme (new ids on the new side, old ids
/// on the old side), and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot<'a> {
    pub role: &'a str,
    pub dimension: &'a str,
    pub theme: Option<&'a str>,
    pub text: &'a str,
}

/// One statement or example that changed: its old version, its new one, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementChange<'a> {
    pub change: Change,
    pub kind: Kind,
    pub from: Option<Spot<'a>>,
    pub to: Option<Spot<'a>>,
}

impl StatementChange<'_> {
    /// Whether the change changes what is expected of someone: a new or removed expectation,
    /// one that asks more, or one moved between roles.
    pub fn evaluative(&self) -> bool {
        match self.change {
            Change::Added | Change::Removed | Change::Grows => true,
            Change::Moved => self.from.map(|s| s.role) != self.to.map(|s| s.role),
            _ => false,
        }
    }
}

/// What a role's changes come to, said once per role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Added,
    Removed,
    /// Only words changed (reworded, moved within the role, a title): no evaluation changes.
    WordingOnly,
    /// Something that changes evaluations: a statement added, removed, grown or moved between
    /// roles, an attribute value, the level or the tracks.
    ExpectationsChanged,
}

impl RoleChanges<'_> {
    pub fn verdict(&self) -> Verdict {
        match (self.old, self.new) {
            (None, _) => Verdict::Added,
            (_, None) => Verdict::Removed,
            _ if self.evaluations
                || self.level.is_some()
                || !self.attributes.is_empty()
                || !self.tracks_left.is_empty()
                || !self.tracks_joined.is_empty() =>
            {
                Verdict::ExpectationsChanged
            }
            _ => Verdict::WordingOnly,
        }
    }

    /// The role's id in the new version, else the old.
    pub fn id(&self) -> &str {
        self.new.or(self.old).map_or("", |r| r.id.as_str())
    }
}

impl Changes<'_> {
    /// Whether anything changes evaluations: what `--brief` reports and exits 1 on.
    pub fn evaluative(&self) -> bool {
        self.roles
            .iter()
            .any(|r| r.verdict() != Verdict::WordingOnly)
    }
}

/// What changed from `old` to `new`.
pub fn changes<'a>(old: &'a Ladder, new: &'a Ladder) -> Changes<'a> {
    let same = old == new;
    let roles = roles::pair(old, new);
    let names = frame::names(old, new, &roles);
    let mut frame = frame::changes(old, new, &names);
    let statements = statements::changes(old, new, &roles, &names);
    let role_changes = roles::changes(old, new, &roles, &names, &statements);
    if !same && frame.is_empty() && role_changes.is_empty() && statements.is_empty() {
        // Something the views do not itemise (a meaning, a band, a discipline) differs.
        frame.push(FrameChange {
            item: FrameItem::Ladder,
            change: Change::Changed,
            id: "other".to_string(),
            from: None,
            to: None,
        });
    }
    Changes {
        old,
        new,
        same,
        frame,
        roles: role_changes,
        statements,
    }
}

/// What `--role`, `--track` and `--dimension` keep: the roles by their old or new ids, and
/// the dimension by its old or new id.
#[derive(Debug, Default)]
pub struct Narrow {
    pub roles: Option<std::collections::HashSet<String>>,
    pub dimension: Option<[String; 2]>,
}

impl<'a> Changes<'a> {
    /// Only what `narrow` keeps: the frame goes unless only a dimension is asked for (then its
    /// own themes stay); a role stays with what changed in it there.
    pub fn narrowed(mut self, narrow: &Narrow) -> Changes<'a> {
        if narrow.roles.is_none() && narrow.dimension.is_none() {
            return self;
        }
        let in_roles = |id: &str| narrow.roles.as_ref().is_none_or(|r| r.contains(id));
        let in_dimension = |d: &str| {
            narrow
                .dimension
                .as_ref()
                .is_none_or(|ds| ds.iter().any(|x| x == d))
        };
        self.statements.retain(|s| {
            let spots = [s.from, s.to];
            spots.iter().flatten().any(|x| in_roles(x.role))
                && spots.iter().flatten().any(|x| in_dimension(x.dimension))
        });
        self.frame.retain(|f| {
            narrow.roles.is_none()
                && f.item == FrameItem::Theme
                && in_dimension(f.id.split('/').next().unwrap_or(""))
        });
        self.roles.retain(|r| {
            in_roles(r.old.map_or("", |x| &x.id)) || in_roles(r.new.map_or("", |x| &x.id))
        });
        if narrow.dimension.is_some() {
            for r in &mut self.roles {
                r.level = None;
                r.tracks_left.clear();
                r.tracks_joined.clear();
                r.title = None;
                r.summary = None;
                r.attributes.clear();
            }
        }
        let mut kept = self.settle();
        if narrow.dimension.is_some() {
            // A role added, removed or renamed is not a change in the dimension.
            kept.roles.retain(|r| r.statements);
        }
        kept
    }

    /// Only what changes evaluations (`--brief`).
    pub fn brief(mut self) -> Changes<'a> {
        self.statements.retain(StatementChange::evaluative);
        self.frame.clear();
        for r in &mut self.roles {
            r.title = None;
            r.summary = None;
        }
        let mut kept = self.settle();
        kept.roles.retain(|r| r.verdict() != Verdict::WordingOnly);
        kept
    }

    /// The roles' flags set again from the statements kept, and the roles with nothing left
    /// to show dropped.
    fn settle(mut self) -> Changes<'a> {
        let touched = roles::touched(&self.statements);
        for r in &mut self.roles {
            let of = |x: Option<&Role>| x.and_then(|x| touched.get(x.id.as_str())).copied();
            let (a, b) = (of(r.old).unwrap_or_default(), of(r.new).unwrap_or_default());
            r.statements = a.0 || b.0;
            r.evaluations = (a.1 || b.1) || r.old.is_none() || r.new.is_none();
        }
        self.roles.retain(roles::changed);
        self
    }

    /// Whether anything is left to report.
    pub fn is_empty(&self) -> bool {
        self.frame.is_empty() && self.roles.is_empty() && self.statements.is_empty()
    }
}
