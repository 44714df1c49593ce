//! The Markdown handbook `ladder export` writes: which pages exist, their file names and links.

use crate::ladder::{Ladder, Role};
use crate::view::TrackList;

/// The file name of the index page.
pub const INDEX: &str = "README.md";

/// The whole handbook: the ladder, its pages in ladder order, and its tracks.
#[derive(Debug)]
pub struct Handbook<'a> {
    pub ladder: &'a Ladder,
    pub pages: Vec<Page<'a>>,
    pub tracks: TrackList<'a>,
}

/// One role's page.
#[derive(Debug)]
pub struct Page<'a> {
    pub role: &'a Role,
    /// The file name, e.g. `L3-Senior-Security-Engineer.md`.
    pub file: String,
}

impl<'a> Handbook<'a> {
    /// Every role's page, in the order the ladder file lists the roles.
    pub fn of(ladder: &'a Ladder) -> Handbook<'a> {
        let mut pages: Vec<Page<'a>> = Vec::new();
        for role in &ladder.roles {
            let stem = file_stem(&format!("{} {}", role.level, role.title));
            let mut file = format!("{stem}.md");
            let mut n = 2;
            while file == INDEX || pages.iter().any(|p| p.file.eq_ignore_ascii_case(&file)) {
                file = format!("{stem}-{n}.md");
                n += 1;
            }
            pages.push(Page { role, file });
        }
        Handbook {
            ladder,
            pages,
            tracks: TrackList::of(ladder),
        }
    }

    /// The page of a role, by id.
    pub fn page(&self, role_id: &str) -> Option<&Page<'a>> {
        self.pages.iter().find(|p| p.role.id == role_id)
    }
}

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
    }

    #[test]
    fn clashing_names_get_a_number() {
        let mut ladder = Ladder::embedded();
        ladder.roles[1].title = ladder.roles[2].title.clone();
        let handbook = Handbook::of(&ladder);
        let files: Vec<&str> = handbook.pages.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(files[1], "L2-Security-Engineer.md");
        assert_eq!(files[2], "L2-Security-Engineer-2.md");
    }
}
