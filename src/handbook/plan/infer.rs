//! The plan an import inferred, taken from what it assembled: each choice with the reason it
//! was made, so that a person can see what to correct.

use std::collections::HashMap;

use super::{Choice, DimensionPlan, Fate, PagePlan, Part, Plan, Reads, RolePlan, TrackPlan};
use crate::handbook::parsed::Origin;
use crate::handbook::words::Words;
use crate::model::Ladder;
use crate::text::quoted;

/// How the index-wide choices were made, in words for the plan's comments.
pub struct Hows {
    pub name: String,
    pub levels: String,
    /// For each track of the ladder, by id.
    pub tracks: HashMap<String, String>,
    /// How many of the ladder's dimensions the index names (they come first).
    pub dimensions_in_index: usize,
}

/// The plan of an import: `ladder` as assembled, `origins` the page of each of its roles,
/// `headings` the page headings read as each dimension, `skipped` the files left out and why,
/// `words` those the pages were read by.
pub fn infer(
    ladder: &Ladder,
    origins: &[Origin],
    headings: &[Vec<String>],
    skipped: &[(String, &str)],
    hows: Hows,
    words: &Words,
) -> Plan {
    let mut tracks_of: HashMap<&str, Vec<String>> = HashMap::new();
    for t in &ladder.tracks {
        for r in &t.roles {
            tracks_of.entry(r.as_str()).or_default().push(t.id.clone());
        }
    }
    let mut pages: Vec<PagePlan> = Vec::with_capacity(origins.len() + skipped.len());
    for (role, origin) in ladder.roles.iter().zip(origins) {
        let plan = RolePlan {
            id: role.id.clone(),
            title: role.title.clone(),
            level: role.level.clone(),
            tracks: tracks_of.remove(role.id.as_str()).unwrap_or_default(),
        };
        let role = Choice::new(plan, how_role(origin, &role.level));
        match (&origin.part, pages.last_mut()) {
            (
                Some(heading),
                Some(PagePlan {
                    file,
                    fate: Fate::Parts(parts),
                    ..
                }),
            ) if *file == origin.file => {
                parts.push(part(heading, role));
            }
            (Some(heading), _) => pages.push(PagePlan {
                file: origin.file.clone(),
                fate: Fate::Parts(vec![part(heading, role)]),
                line: 0,
            }),
            (None, _) => pages.push(PagePlan {
                file: origin.file.clone(),
                fate: Fate::Role(role),
                line: 0,
            }),
        }
    }
    pages.extend(skipped.iter().map(|(file, why)| PagePlan {
        file: file.clone(),
        fate: Fate::Skip((*why).to_string()),
        line: 0,
    }));
    Plan {
        name: Choice::new(ladder.name.clone(), hows.name),
        levels: Choice::new(ladder.levels.clone(), hows.levels),
        tracks: ladder
            .tracks
            .iter()
            .map(|t| {
                let how = hows.tracks.get(&t.id).cloned().unwrap_or_default();
                let track = TrackPlan {
                    id: t.id.clone(),
                    name: t.name.clone(),
                };
                Choice::new(track, how)
            })
            .collect(),
        pages,
        dimensions: dimensions(ladder, headings, hows.dimensions_in_index),
        reads: Reads::Pages(words.clone()),
    }
}

fn part(heading: &str, role: Choice<RolePlan>) -> Part {
    Part {
        heading: heading.to_string(),
        role,
        line: 0,
    }
}

/// How a role's level and title were read; `level` is the level it was given.
fn how_role(origin: &Origin, level: &str) -> String {
    let h = &origin.heading;
    let heading = format!("the heading {} (line {})", quoted(&h.text), h.line);
    let name = crate::handbook::folder::page_name(&origin.file);
    let file_word = name.split(['-', '_', ' ', '.']).next().unwrap_or("");
    if origin.from_comment {
        format!(
            "Named by the comment `ladder export` writes under the heading (line {}).",
            h.line
        )
    } else if h.level_from_index {
        format!("Level from the index's table of levels; title from {heading}.")
    } else if h.has_level {
        format!("Level and title from {heading}.")
    } else if level.eq_ignore_ascii_case(file_word) {
        format!(
            "Title from {heading}; it has no level code, so the level is the file name's first word."
        )
    } else {
        // Not the file name's word: the title named the level (see `assemble`).
        format!("Title from {heading}; it has no level code, so the title names the level.")
    }
}

fn dimensions(
    ladder: &Ladder,
    headings: &[Vec<String>],
    in_index: usize,
) -> Vec<Choice<DimensionPlan>> {
    ladder
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let read = headings.get(i).cloned().unwrap_or_default();
            // A label files statements under the index's dimensions only (see `across`).
            let (how, labels) = if i < in_index {
                (
                    "From the index's list of dimensions; headings and `**Label**:` labels: those read as it.",
                    vec![d.name.clone()],
                )
            } else {
                (
                    "A heading of the pages that the index does not name; no label is read as it.",
                    Vec::new(),
                )
            };
            let plan = DimensionPlan {
                id: d.id.clone(),
                name: d.name.clone(),
                emoji: d.emoji.clone(),
                lines: vec![0; read.len()],
                headings: read,
                labels,
            };
            Choice::new(plan, how)
        })
        .collect()
}
