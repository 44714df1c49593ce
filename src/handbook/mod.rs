//! The Markdown handbook `ladder export` writes and `ladder import` reads back: which pages
//! exist, their file names and links. Writing ([`write`]) and reading ([`import`]) share one
//! definition of the metadata comments ([`meta`]).

use std::collections::{HashMap, HashSet};

use crate::model::{Ladder, Role, Track};
use crate::view::TrackList;

mod across;
mod assemble;
pub mod catalogue;
mod folder;
pub mod import;
pub mod meta;
mod names;
mod parsed;
pub mod plan;
mod read;
pub(super) mod seniority;
pub mod sheet;
mod tracks;
pub mod warning;
pub mod words;

pub use tracks::infer_tracks;

/// The file name of the index page.
pub const INDEX: &str = "README.md";

/// The whole handbook: the ladder, its pages in ladder order, and its tracks.
#[derive(Debug)]
pub struct Handbook<'a> {
    pub ladder: &'a Ladder,
    pub pages: Vec<Page<'a>>,
    pub tracks: TrackList<'a>,
    /// Role id to its page's position in `pages` (the first, when ids repeat).
    by_role: HashMap<&'a str, usize>,
}

/// One role's page.
#[derive(Debug)]
pub struct Page<'a> {
    pub role: &'a Role,
    /// The file name, e.g. `L3-Senior-Security-Engineer.md`.
    pub file: String,
    /// The role's neighbours on each track it is on, in ladder order.
    pub steps: Vec<Step<'a>>,
}

/// Where a role stands on one track: the roles right before and after it.
#[derive(Debug)]
pub struct Step<'a> {
    pub track: &'a Track,
    pub before: Option<&'a Role>,
    pub after: Option<&'a Role>,
}

impl<'a> Handbook<'a> {
    /// Every role's page, in the order the ladder file lists the roles.
    pub fn of(ladder: &'a Ladder) -> Handbook<'a> {
        let mut pages: Vec<Page<'a>> = Vec::with_capacity(ladder.roles.len());
        // Names taken so far, in lower case (file systems that ignore case see one file), and
        // the next number to try per stem: naming stays linear when many titles clash.
        let mut taken: HashSet<String> = HashSet::from([INDEX.to_ascii_lowercase()]);
        let mut next_number: HashMap<String, usize> = HashMap::new();
        let mut by_role = HashMap::with_capacity(ladder.roles.len());
        for role in &ladder.roles {
            let stem = file_stem(&format!("{} {}", role.level, role.title));
            let mut file = format!("{stem}.md");
            let n = next_number.entry(stem.to_ascii_lowercase()).or_insert(2);
            while !taken.insert(file.to_ascii_lowercase()) {
                file = format!("{stem}-{n}.md");
                *n += 1;
            }
            by_role.entry(role.id.as_str()).or_insert(pages.len());
            pages.push(Page {
                role,
                file,
                steps: Vec::new(),
            });
        }
        let tracks = TrackList::of(ladder);
        // One pass over every track: each role learns its neighbours without a search.
        for (track, roles) in &tracks.tracks {
            for (at, role) in roles.iter().enumerate() {
                let Some(&i) = by_role.get(role.id.as_str()) else {
                    continue;
                };
                let page = &mut pages[i];
                if page
                    .steps
                    .last()
                    .is_some_and(|s| std::ptr::eq(s.track, *track))
                {
                    continue; // a role listed twice on a track: its first place counts
                }
                page.steps.push(Step {
                    track,
                    before: at.checked_sub(1).map(|b| roles[b]),
                    after: roles.get(at + 1).copied(),
                });
            }
        }
        Handbook {
            ladder,
            pages,
            tracks,
            by_role,
        }
    }

    /// The page of a role, by id.
    pub fn page(&self, role_id: &str) -> Option<&Page<'a>> {
        self.by_role.get(role_id).map(|&i| &self.pages[i])
    }
}

/// The longest file stem, in bytes: room for a `-NN.md` suffix within any file system's limit.
const MAX_STEM: usize = 120;

/// Letters and digits kept, every other run of characters made one dash: `L3 Senior Security
/// Engineer` becomes `L3-Senior-Security-Engineer`. Never empty.
pub fn file_stem(text: &str) -> String {
    let mut stem = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    // File systems refuse names over 255 bytes: a long title is cut at a word.
    if stem.len() > MAX_STEM {
        let mut end = MAX_STEM;
        while !stem.is_char_boundary(end) {
            end -= 1;
        }
        let cut = stem[..end].rfind('-').filter(|&i| i > 0).unwrap_or(end);
        stem.truncate(cut);
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "role".to_string()
    } else {
        stem.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_named_after_level_and_title() {
        assert_eq!(
            file_stem("L3 Senior Security Engineer"),
            "L3-Senior-Security-Engineer"
        );
        assert_eq!(
            file_stem("P2 Design / Research (UX)"),
            "P2-Design-Research-UX"
        );
        assert_eq!(file_stem("../../etc"), "etc");
        assert_eq!(file_stem("!!!"), "role");
        let long = file_stem(&format!("L1 {}", "Word ".repeat(100)));
        assert!(long.len() <= MAX_STEM && long.ends_with("-Word"), "{long}");
    }

    #[test]
    fn clashing_names_get_a_number() {
        let mut ladder = crate::embedded::ladder();
        ladder.roles[1].title = ladder.roles[2].title.clone();
        let handbook = Handbook::of(&ladder);
        let files: Vec<&str> = handbook.pages.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(files[1], "L2-Security-Engineer.md");
        assert_eq!(files[2], "L2-Security-Engineer-2.md");
    }
}
