//! A catalogue: several ladders side by side, each under an id (its file's stem).

use super::Ladder;

/// The ladders of one folder, sorted by id; ids are unique and safe (`text::is_safe_id`).
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub ladders: Vec<Entry>,
}

/// One ladder of a catalogue and the id it goes by.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub ladder: Ladder,
}

impl Catalogue {
    /// The ids, in catalogue order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.ladders.iter().map(|e| e.id.as_str())
    }
}
