//! The view of `ladder next`: the comparison with the next role on each track.

use super::Hint;
use std::collections::HashMap;

use crate::model::{Dimension, Ladder, Role, Track};
use crate::query::compare::Comparison;

/// The next steps from one role: per track, the comparison with the next role, or the top.
#[derive(Debug)]
pub struct NextSteps<'a> {
    pub role: &'a Role,
    /// The steps compared: every one, or the first few (see [`NextSteps::of`]).
    pub steps: Vec<Step<'a>>,
    /// The steps after those, not compared, when only the first few are.
    pub left_out: Option<LeftOut<'a>>,
    /// How to see one step when there are several; the table shows it on a terminal only.
    pub hint: Option<Hint<'a>>,
}

/// The next steps a view for people leaves out: how many, and the tracks they follow.
#[derive(Debug)]
pub struct LeftOut<'a> {
    pub steps: usize,
    pub tracks: Vec<&'a Track>,
}

/// One way up from a role: the tracks it follows and the comparison with the next role,
/// or `None` at the top of those tracks.
#[derive(Debug)]
pub struct Step<'a> {
    pub tracks: Vec<&'a Track>,
    pub next: Option<Comparison<'a>>,
}

impl<'a> NextSteps<'a> {
    /// The role compared with the next role on `track`, or on each track it is on; tracks
    /// that lead to the same next role share one step and one comparison.
    ///
    /// With `compared`, only the first that many steps are compared and the rest counted: a
    /// person reads a few, and every step repeats the role's own statements, so a role on
    /// thousands of tracks would make the output its statements times its tracks.
    pub fn of(
        ladder: &'a Ladder,
        role: &'a Role,
        track: Option<&'a Track>,
        dimensions: &[&'a Dimension],
        compared: Option<usize>,
    ) -> NextSteps<'a> {
        let tracks: Vec<&Track> = match track {
            Some(t) => vec![t],
            None => ladder.tracks_of(role).collect(),
        };
        // Each next role (`None`: the top) with the tracks that lead to it, in the order of
        // the first of them; looked up: a search of the steps for every track would cost
        // their product.
        let mut groups: Vec<(Option<&Role>, Vec<&Track>)> = Vec::new();
        let mut group_of: HashMap<Option<&str>, usize> = HashMap::new();
        for t in tracks {
            let next = ladder.next_on(t, role);
            let at = *group_of
                .entry(next.map(|r| r.id.as_str()))
                .or_insert_with(|| {
                    groups.push((next, Vec::new()));
                    groups.len() - 1
                });
            groups[at].1.push(t);
        }
        let mut onward = groups.iter().filter(|(next, _)| next.is_some());
        let first = onward.next().and_then(|(_, tracks)| tracks.first());
        let hint = match (first, onward.next()) {
            (Some(track), Some(_)) => Some(Hint::PickTrack {
                role_id: &role.id,
                track_id: &track.id,
            }),
            _ => None,
        };
        let shown = compared.unwrap_or(groups.len()).min(groups.len());
        let rest = groups.split_off(shown);
        let left_out = (!rest.is_empty()).then(|| LeftOut {
            steps: rest.len(),
            tracks: rest.into_iter().flat_map(|(_, tracks)| tracks).collect(),
        });
        let steps = groups
            .into_iter()
            .map(|(next, tracks)| Step {
                tracks,
                next: next.map(|n| crate::query::compare::compare(ladder, role, n, dimensions)),
            })
            .collect();
        NextSteps {
            role,
            steps,
            left_out,
            hint,
        }
    }

    /// How many next steps the role has, those left out included.
    pub fn count(&self) -> usize {
        self.steps.len() + self.left_out.as_ref().map_or(0, |l| l.steps)
    }
}
