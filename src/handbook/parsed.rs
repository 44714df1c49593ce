//! What reading a handbook page yields: its parts in plain text (no Markdown left), with the
//! ids its metadata comments give. The contract between [`read`](super::read), which knows
//! Markdown, and [`assemble`](super::assemble), which knows ladders.

use super::names::kebab;
use super::warning::TrackFrom;
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
    /// The same links as the index groups them: each list of links (or nested list under a
    /// label) with the heading or label above it.
    pub lists: Vec<PageList>,
    /// The level a table on the index gives each page (or part of a page, by the anchor of
    /// its heading) it links.
    pub page_levels: Vec<PageLevel>,
    pub tracks: Vec<Track>,
    /// Page headings read as a dimension (heading, dimension id), as a plan gives them.
    pub headings: Vec<(String, String)>,
    /// Labels whose statements are filed under a dimension (label, dimension id), as a plan
    /// gives them; without a plan, the index's dimensions' names are.
    pub labels: Vec<(String, String)>,
    /// Whether the dimensions are exactly those given (a plan's): a heading read as none of
    /// them is left out with a warning instead of becoming a dimension of its own.
    pub closed: bool,
}

/// A page a table on the index links, the anchor of the link (a level heading on a page of
/// several), and the level the table gives it.
#[derive(Debug, Clone)]
pub struct PageLevel {
    pub page: String,
    pub anchor: Option<String>,
    pub level: String,
}

/// A group of pages that is one track, and what says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub name: String,
    pub from: TrackFrom,
    /// What tells groups of one name apart: the page (a heading), the list's place on the
    /// index, the folder.
    pub key: String,
}

/// A list of links to level pages on the index, and what it is under: the section heading
/// (`### Makers`) or the label of the item it is nested in.
#[derive(Debug, Default, Clone)]
pub struct PageList {
    pub name: String,
    pub pages: Vec<String>,
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
    /// The group of pages (a track) this one is in: the `#` heading a part sits under when its
    /// page groups its levels (`# Managers`), the index's list that links it, or its folder.
    pub group: Option<Group>,
    /// The front matter's `weight`: a smaller weight comes first.
    pub weight: Option<i64>,
    /// The heading the level and title were read from, for the plan to say so.
    pub heading: Heading,
    /// The quoted self-description, if the page has one.
    pub summary: Option<String>,
    pub attributes: Vec<AttributeLine>,
    /// The page's sections, the [`Section::overview`] first if it has one.
    pub sections: Vec<Section>,
}

impl LevelPage {
    /// Whether the page is prose only: no attributes, and no section under a heading of its
    /// own. Such a page states no attribute on purpose.
    pub fn is_prose(&self) -> bool {
        self.attributes.is_empty() && self.sections.iter().all(|s| s.overview)
    }
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
    /// Whether the level came from a table on the index instead (see `Index::page_levels`).
    pub level_from_index: bool,
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
    /// The expectations that open with a label, for [`across`](super::across) to file under
    /// the index's dimension of that name.
    pub labels: Vec<Label>,
    /// Whether this is the text above the page's first section (bullets, paragraphs, tables):
    /// the dimension [`OVERVIEW`], first of the page's sections.
    pub overview: bool,
}

/// The name of the dimension that holds what a page says above its first section.
pub const OVERVIEW: &str = "Overview";

/// An expectation that opens with a label and `: `: `**Teamwork**: …`, a table cell under its
/// column's header, a bullet under its parent bullet's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    /// Where the expectation is in its section's `expectations`.
    pub at: usize,
    /// How many bytes of its text the label takes (the `: ` follows).
    pub len: usize,
}

impl Section {
    /// A section of the page under `heading`, empty.
    pub fn new(heading: String, emoji: Option<String>, id: Option<String>, line: usize) -> Section {
        Section {
            heading,
            emoji,
            id,
            line,
            summary: None,
            expectations: Vec::new(),
            examples: Vec::new(),
            labels: Vec::new(),
            overview: false,
        }
    }

    /// The [`OVERVIEW`] section: the text above a page's first section, from `line`.
    pub fn overview(line: usize) -> Section {
        let mut s = Section::new(OVERVIEW.to_string(), None, Some(kebab(OVERVIEW)), line);
        s.overview = true;
        s
    }

    /// Each labelled expectation's label and the text after it, with where it is.
    pub fn labelled(&self) -> impl Iterator<Item = (usize, &str, &str)> {
        self.labels.iter().filter_map(|l| {
            let text = &self.expectations.get(l.at)?.text;
            let label = text.get(..l.len)?;
            let rest = text.get(l.len..)?.strip_prefix(':')?.trim_start();
            Some((l.at, label, rest))
        })
    }
}
