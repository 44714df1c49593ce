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
    /// Page headings read as a dimension (heading, dimension id), as a plan gives them.
    pub headings: Vec<(String, String)>,
    /// Whether the dimensions are exactly those given (a plan's): a heading read as none of
    /// them is left out with a warning instead of becoming a dimension of its own.
    pub closed: bool,
}

/// One level page: a role as the page states it.
#[derive(Debug)]
pub struct LevelPage {
    pub file: String,
    /// The role id its comment gives, if any.
    pub id: Option<String>,
    pub level: String,
    pub title: String,
    /// The heading of the part of the page this role is, when the page holds several levels.
    pub part: Option<String>,
    /// The `#` heading a part sits under when its page groups its levels (`# Managers`).
    pub group: Option<String>,
    /// The front matter's `weight`: a smaller weight comes first.
    pub weight: Option<i64>,
    /// The heading the level and title were read from, for the plan to say so.
    pub heading: Heading,
    /// The quoted self-description, if the page has one.
    pub summary: Option<String>,
    pub attributes: Vec<AttributeLine>,
    pub sections: Vec<Section>,
}

/// Where a role was read from: its page, the part of the page, the heading, and whether the
/// export's comment named it.
#[derive(Debug, Clone)]
pub struct Origin {
    pub file: String,
    pub part: Option<String>,
    pub heading: Heading,
    pub from_comment: bool,
}

/// A page's heading as written, its line, and whether it holds the level code (else the
/// level came from the file name).
#[derive(Debug, Clone)]
pub struct Heading {
    pub text: String,
    pub line: usize,
    pub has_level: bool,
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
