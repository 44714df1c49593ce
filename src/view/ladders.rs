//! The view of `ladder ladders`: the ladders of a catalogue, or the one in use.

use super::LadderHead;
use crate::model::{Ladder, Track};

/// The ladders of `ladder ladders`, in catalogue order.
#[derive(Debug)]
pub struct LadderList<'a> {
    pub ladders: Vec<LadderRow<'a>>,
}

/// One ladder of [`LadderList`]: how many roles it has, and its tracks.
#[derive(Debug)]
pub struct LadderRow<'a> {
    pub head: LadderHead<'a>,
    pub roles: usize,
    pub tracks: &'a [Track],
}

impl<'a> LadderRow<'a> {
    /// The row of a ladder under an id (`None` outside a catalogue).
    pub fn of(id: Option<&'a str>, ladder: &'a Ladder) -> LadderRow<'a> {
        LadderRow {
            head: LadderHead::of(id, ladder),
            roles: ladder.roles.len(),
            tracks: &ladder.tracks,
        }
    }
}
