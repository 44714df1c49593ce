//! What reading a handbook page yields: its parts in plain text (no Markdown left), with the
//! ids its metadata comments give. The contract between [`read`](super::read), which knows
//! Markdown, and [`assemble`](super::assemble), which knows ladders.

use crate::model::{Attribute, Band, Dimension, Discipline, Expectation, Track};

/// The index page: the ladder's introduction, definitions and the order of its pages.
#[derive(Debug, Default)]
pub struct Index {
    pub name: Option<String>,
    pub motto: Option<String>,
    pub about: Vec<String>,
    pub levels: Option<Vec<String>>,
    pub disciplines: Vec<Discipline>,
    pub attributes: Vec<Attribute>,
    pub dimensions: Vec<Dimension>,
    pub bands: Vec<Band>,
    /// Page files in ladder order, from the numbered list of links.
    pub order: Vec<String>,
    pub tracks: Vec<Track>,
}

/// One level page: a role as the page states it.
#[derive(Debug)]
pub struct LevelPage {
    pub file: String,
    /// The role id its comment gives, if any.
    pub id: Option<String>,
    pub level: String,
    pub title: String,
    /// The quoted self-description, if the page has one.
    pub summary: Option<String>,
    pub attributes: Vec<AttributeLine>,
    pub sections: Vec<Section>,
}

/// A `**Label**: value` line of a level page.
#[derive(Debug)]
pub struct AttributeLine {
    pub label: String,
    pub value: String,
    /// The attribute id its comment gives, if any.
    pub id: Option<String>,
    pub line: usize,
}

/// A `## Dimension` section of a level page.
#[derive(Debug)]
pub struct Section {
    pub heading: String,
    pub emoji: Option<String>,
    /// The dimension id its comment gives, if any.
    pub id: Option<String>,
    pub line: usize,
    /// The quoted line under the heading: the role's summary for the dimension.
    pub summary: Option<String>,
    pub expectations: Vec<Expectation>,
    pub examples: Vec<String>,
}
