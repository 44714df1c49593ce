//! The import plan: how `ladder import` reads a handbook, as a value a person can read and
//! correct. Inference writes one (`--plan-out`, [`write`]); a plan read back ([`read`]) is
//! followed exactly (`--plan`): the ladder's name, its levels in order, the page (or part of a
//! page) each role comes from with its id, title, level and tracks, the pages left out and
//! why, the tracks, the page headings and labels each dimension is read from, and the words
//! that tell a page's blocks apart (examples, the end of its content, attributes).

use super::words::Words;

pub(super) mod apply;
pub(super) mod infer;
pub mod read;
pub mod write;

/// How a handbook is read: every choice, each with how it was made when it was inferred.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub name: Choice<String>,
    /// The levels, lowest first.
    pub levels: Choice<Vec<String>>,
    pub tracks: Vec<Choice<TrackPlan>>,
    /// Every page of the folder, in ladder order, with what becomes of it.
    pub pages: Vec<PagePlan>,
    pub dimensions: Vec<Choice<DimensionPlan>>,
    /// What is read: pages (by the words that tell their blocks apart), or a sheet.
    pub reads: Reads,
}

/// What a plan reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reads {
    /// A folder of Markdown pages, their blocks told apart by these words.
    Pages(Words),
    /// A wide sheet: its one page is the sheet, its parts the rows, named by their first cell.
    Sheet,
}

/// A value and how it was inferred (empty when a person wrote it: a plan read back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice<T> {
    pub value: T,
    pub how: String,
}

impl<T> Choice<T> {
    pub fn new(value: T, how: impl Into<String>) -> Choice<T> {
        Choice {
            value,
            how: how.into(),
        }
    }
}

/// A track: its id and name (its roles are those whose pages name it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackPlan {
    pub id: String,
    pub name: String,
}

/// One file of the folder and what becomes of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagePlan {
    /// The file's name inside the folder, as import names it.
    pub file: String,
    pub fate: Fate,
    /// Where the plan says this (its line in a plan read back), for errors.
    pub line: usize,
}

/// What becomes of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    /// The page is one role.
    Role(Choice<RolePlan>),
    /// The page holds several levels: a role for each heading named.
    Parts(Vec<Part>),
    /// The page is left out, and why.
    Skip(String),
}

/// A part of a page that is one role: the heading it starts at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub heading: String,
    pub role: Choice<RolePlan>,
    pub line: usize,
}

/// A role as the plan gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RolePlan {
    pub id: String,
    pub title: String,
    pub level: String,
    pub tracks: Vec<String>,
}

/// A dimension and the page headings read as it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionPlan {
    pub id: String,
    pub name: String,
    pub emoji: Option<String>,
    /// The headings of the pages whose sections are this dimension's statements.
    pub headings: Vec<String>,
    /// Where the plan names each heading, for errors (0 in an inferred plan).
    pub lines: Vec<usize>,
    /// The labels (`**Craft**: text`) whose statements are filed under this dimension,
    /// whichever section they stand in.
    pub labels: Vec<String>,
}

impl Plan {
    /// Every role the plan gives, with the page it comes from, in ladder order.
    pub fn roles(&self) -> impl Iterator<Item = (&PagePlan, Option<&Part>, &RolePlan)> {
        self.pages.iter().flat_map(|page| {
            let roles: Vec<(&PagePlan, Option<&Part>, &RolePlan)> = match &page.fate {
                Fate::Role(role) => vec![(page, None, &role.value)],
                Fate::Parts(parts) => parts
                    .iter()
                    .map(|part| (page, Some(part), &part.role.value))
                    .collect(),
                Fate::Skip(_) => Vec::new(),
            };
            roles
        })
    }
}
