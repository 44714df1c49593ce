//! Plain result values that the commands hand to renderers, one file per view as
//! `render/table/` has one per view: everything a renderer needs, already looked up. What
//! several views share is here: a catalogue's views under each ladder's heading, hints, and
//! how much of a comparison to show.

mod changes;
mod dimensions;
mod evidence;
mod ladders;
mod list;
mod next;
mod path;
mod review;
mod show;
mod skeleton;
mod tracks;

pub use changes::{ChangesView, LadderChanges, Record, What, records};
pub use dimensions::DimensionList;
pub use evidence::{Evidence, EvidenceDimension, EvidenceItem};
pub use ladders::{LadderList, LadderRow};
pub use list::{RoleList, RoleRow};
pub use next::{LeftOut, NextSteps, Step};
pub use path::{PathDimension, PathRow, PathView};
pub use review::{DimensionReview, Gone, ItemReview, Review, ReviewView, State, THIN_WORDS, Tally};
pub use show::{DimensionView, ForPeople, LadderView, RoleView};
pub use skeleton::{Named, Skeleton};
pub use tracks::{LevelRoles, TrackList};

use crate::model::{Entry, Ladder};

/// A view of each ladder of a catalogue of several ladders, in catalogue order, under its id
/// and name: what `list`, `tracks`, `dimensions`, `path` and `show --all` show of a catalogue
/// (a ladder that lacks the track or dimension asked for is left out).
#[derive(Debug)]
pub struct PerLadder<'a, V> {
    pub ladders: Vec<(LadderHead<'a>, V)>,
}

impl<'a, V> PerLadder<'a, V> {
    /// The ladders given, each with its view, in the order given.
    pub fn of(ladders: impl IntoIterator<Item = (&'a Entry, V)>) -> PerLadder<'a, V> {
        PerLadder {
            ladders: ladders
                .into_iter()
                .map(|(entry, view)| (LadderHead::of(Some(&entry.id), &entry.ladder), view))
                .collect(),
        }
    }
}

/// A ladder of a catalogue, as headings and listings name it.
#[derive(Debug, Clone, Copy)]
pub struct LadderHead<'a> {
    /// The ladder's id: its file's stem, or `None` for a ladder outside a catalogue.
    pub id: Option<&'a str>,
    pub name: &'a str,
}

impl<'a> LadderHead<'a> {
    /// The head of a ladder under an id (`None` outside a catalogue).
    pub fn of(id: Option<&'a str>, ladder: &'a Ladder) -> LadderHead<'a> {
        LadderHead {
            id,
            name: &ladder.name,
        }
    }
}

/// A pointer to a next command, for a person at a terminal; the renderer words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint<'a> {
    /// The role has a next level on some track: `ladder next` compares with it.
    CompareWithNext { role_id: &'a str },
    /// The role has several next steps: `ladder next --track` shows one, such as the first.
    PickTrack { role_id: &'a str, track_id: &'a str },
}

/// How `search` lays out what it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Each hit naming its role (in a pipe, and `--no-heading`).
    Hits,
    /// The hits of each role under one heading (on a terminal, and `--heading`).
    Grouped,
    /// Only the ids of the roles that match, one a line (`--roles`).
    Roles,
    /// Each role that matches with its count of hits, `ID:N` (`--count`).
    Counts,
}

/// How much of a comparison `diff` and `next` show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Detail {
    /// Everything: a summary, then both sides, item by item; inside a pair, the words that
    /// changed stand out when colour is on.
    #[default]
    Full,
    /// As [`Detail::Full`], and the words that changed inside a pair between git's plain
    /// marks, `{+added+}` at B and `[-dropped-]` at A (`--word-diff`).
    WordDiff,
    /// Only what is new and what grows at B, as a plain list (`--brief`).
    Brief,
}
