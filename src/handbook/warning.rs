//! What `ladder import` tells the reader about how a handbook was read, as typed values: a
//! warning for every piece of text it could not place, a note for what it inferred or mapped.
//! Their words are the renderer's (`render::import_messages`).

use std::collections::HashMap;
use std::mem::{Discriminant, discriminant};

/// A piece of a handbook that could not be placed, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The page's path inside the folder imported (`.` for what concerns the whole folder);
    /// messages name it from the folder as typed ([`Imported::shown`](super::import::Imported::shown)).
    pub page: String,
    /// The 1-based line on the page, when the warning is about one.
    pub line: Option<usize>,
    pub kind: WarningKind,
    /// How many other pages have the same warning: said once per ladder, not once per page.
    pub repeats: usize,
    /// How many more warnings of this kind were met after this one, the last of its kind
    /// kept (see [`Warnings`]).
    pub more: usize,
}

/// What could not be placed. Texts are as the page has them; the renderer quotes them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum WarningKind {
    /// A link out of the folder, or something that is not a regular file: skipped unread.
    NotARegularFile { folder: String },
    /// A link of the index to a page that does not exist.
    MissingPage,
    /// The folder has no `README.md` (or `index.md`).
    NoIndex,
    /// A page without a `# LEVEL: Title` heading: skipped.
    NotALevelPage,
    /// A line of a code block on the index, as written.
    Code(String),
    /// A heading deeper than the page's sections that names no examples: its words are left
    /// out, what follows it stays in the section above.
    Heading(String),
    /// Text read from the page (its Markdown undone), that fits nowhere.
    Text(String),
    /// An item of the index's numbered list that is not a link.
    NumberedItem(String),
    /// An HTML `<table>`: its text is not read.
    HtmlTable,
    /// A page heading without `LEVEL:`; the level was taken from the file name.
    NoLevelPrefix { heading: String, level: String },
    /// A page the plan does not name: left out.
    PageNotInPlan,
    /// A section heading the plan reads as no dimension: its statements are left out.
    HeadingNotInPlan(String),
    /// A sheet's row, by its first cell, that the plan does not name: left out.
    RowNotInPlan(String),
    /// An attribute label that the index does not define.
    UndefinedAttribute(String),
    /// A dimension heading that the index does not name; `alone` when no other page has it.
    UndefinedDimension { name: String, alone: bool },
    /// A page without a value for an attribute.
    NoValue(String),
    /// An attribute value with links: their text is kept, their targets are not (the ladder
    /// format holds plain text).
    LinkTargets(String),
    /// A dimension section without examples.
    NoExamples(String),
    /// A page without a quoted self-description.
    NoSummary,
    /// Front matter that is not YAML: what the YAML parser said, and where.
    FrontMatter(String),
    /// A spreadsheet imported without a base ladder (`--data`): what a sheet cannot hold
    /// (names, meanings) is made from its ids.
    NoBase,
    /// An id a spreadsheet uses that its base ladder lacks (`what`: a level, an attribute, a
    /// dimension, a theme, a band or a track): added, named `name` (a level or a band is
    /// its own name).
    NotInBase {
        what: &'static str,
        id: String,
        name: Option<String>,
    },
    /// A track of the base ladder that no role of the spreadsheet is on: left out.
    TrackLeftOut(String),
    /// A text longer than its kind may be (a title, a name, an id, a text, …): `text` is its
    /// beginning, `chars` how long it was; it was cut to `max` characters.
    Cut {
        what: &'static str,
        text: String,
        chars: usize,
        max: usize,
    },
}

/// What was inferred or mapped rather than read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A page's attribute label read as an attribute of another name.
    MappedAttribute {
        label: String,
        attribute: String,
        page: String,
        line: usize,
    },
    /// A track inferred: its id and role ids, and what it was inferred from.
    InferredTrack {
        id: String,
        roles: Vec<String>,
        from: TrackFrom,
    },
    /// A page that is not a level: the index does not list it among its levels, or its title
    /// names none (a FAQ, an introduction).
    NotALevel { page: String, why: &'static str },
    /// The text above the first level of a page that holds several (from `line`): no
    /// level's, left out.
    AboveLevels { page: String, line: usize },
    /// A page with prose only: its first paragraph is the summary, and it sets no expectations.
    ProsePage { page: String },
    /// Pages without `.md` whose first line is the title: the level came from the file name.
    /// `more` counts the pages like it after the first.
    PlainPage {
        page: String,
        level: String,
        more: usize,
    },
    /// A spreadsheet read, and which of its two shapes it was read as.
    Sheet { file: String, shape: SheetShape },
    /// Pages' section headings read as one of the index's dimensions.
    MappedDimension {
        dimension: String,
        headings: Vec<String>,
    },
    /// What a page left out as navigation: how many links (lists and lines of links only),
    /// and the heading that ended its content (`See also`) with its line.
    Navigation {
        page: String,
        links: usize,
        ended: Option<(String, usize)>,
    },
    /// The text above the first section of `pages` pages, the first named, read as the
    /// dimension `dimension`.
    Overview {
        dimension: String,
        page: String,
        pages: usize,
    },
    /// The text that every page (`pages` of them) opens with: left out, not each role's
    /// summary.
    Boilerplate { text: String, pages: usize },
    /// Statements whose label is the name of one of the index's dimensions, filed under it.
    FiledByLabel {
        statements: usize,
        dimensions: Vec<String>,
    },
}

/// What an inferred track was inferred from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrackFrom {
    /// The index's one list of levels, rising one by one.
    List,
    /// The roles' titles and levels.
    Titles,
    /// The `#` headings a page groups its levels under.
    Groups,
    /// The index's lists of links, one per track (under `### Makers`, `### Managers`).
    Lists,
    /// The folders the pages are in.
    Folders,
    /// The rows of a wide spreadsheet, one level each.
    Rows,
}

impl TrackFrom {
    /// How the track was inferred, as a sentence for the comments of the TOML and the plan.
    pub fn how(self) -> &'static str {
        match self {
            TrackFrom::List => {
                "Inferred: each level page is one level above the one before, so one track."
            }
            TrackFrom::Titles => {
                "Inferred from the roles' titles (seniority words set aside) and levels."
            }
            TrackFrom::Groups => "Inferred from the headings a page groups its levels under.",
            TrackFrom::Lists => "Inferred from the index's lists of pages, one list a track.",
            TrackFrom::Folders => "Inferred from the folders the pages are in, one folder a track.",
            TrackFrom::Rows => {
                "Inferred: each row of the sheet is one level above the one before, so one track."
            }
        }
    }
}

/// The two shapes of spreadsheet `ladder import` reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetShape {
    /// One row per statement, the columns `show --all --format tsv` writes; `base` names the
    /// ladder that gives what a sheet cannot hold, when one was given.
    Long { base: Option<String> },
    /// One row per level, one column per dimension.
    Wide { roles: usize, dimensions: usize },
}

impl Warning {
    /// A warning about one line of a page.
    pub fn at(page: &str, line: usize, kind: WarningKind) -> Warning {
        Warning {
            page: page.to_string(),
            line: Some(line),
            kind,
            repeats: 0,
            more: 0,
        }
    }

    /// A warning about a whole file or folder.
    pub fn on(page: &str, kind: WarningKind) -> Warning {
        Warning {
            page: page.to_string(),
            line: None,
            kind,
            repeats: 0,
            more: 0,
        }
    }
}

/// How many warnings of one kind an import keeps and says; the rest are only counted ("… and
/// N more like this"), so that a page which gives a warning per line (an unclosed code fence)
/// costs memory and stderr in proportion to its kinds, not its lines.
pub const SHOWN_PER_KIND: usize = 10;

/// The warnings of an import in the order met: the first [`SHOWN_PER_KIND`] of each kind kept,
/// the others counted on the last one kept (its `more`); and those that repeat from page to
/// page (a dimension without examples, a missing attribute value, a heading the index lacks)
/// said once, at their first place, with how many other pages have them (its `repeats`).
#[derive(Debug, Default, Clone)]
pub struct Warnings {
    kept: Vec<Warning>,
    /// Where each repeating warning kept is in `kept`.
    first: HashMap<WarningKind, usize>,
    /// For each kind: how many are kept, and where the last one kept is.
    kinds: HashMap<Discriminant<WarningKind>, (usize, usize)>,
}

impl Warnings {
    /// Adds a warning: kept, counted as a repeat of one kept, or counted as one more like
    /// the last of its kind kept.
    pub fn push(&mut self, w: Warning) {
        let repeating = w.kind.repeats_per_page();
        if repeating && let Some(&at) = self.first.get(&w.kind) {
            self.kept[at].repeats += 1 + w.repeats;
            return;
        }
        let (kept, last) = self.kinds.entry(discriminant(&w.kind)).or_default();
        if *kept == SHOWN_PER_KIND {
            self.kept[*last].more += 1 + w.repeats;
            return;
        }
        *kept += 1;
        *last = self.kept.len();
        if repeating {
            self.first.insert(w.kind.clone(), self.kept.len());
        }
        self.kept.push(w);
    }

    /// The warnings kept, in the order met.
    pub fn iter(&self) -> std::slice::Iter<'_, Warning> {
        self.kept.iter()
    }

    /// How many warnings were met, kept or counted.
    pub fn total(&self) -> usize {
        self.kept.iter().map(|w| 1 + w.repeats + w.more).sum()
    }

    /// Whether no warning was met.
    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }
}

impl WarningKind {
    /// Whether the warning is one that pages repeat (said once per ladder, with a count).
    fn repeats_per_page(&self) -> bool {
        matches!(
            self,
            WarningKind::NoExamples(_)
                | WarningKind::NoValue(_)
                | WarningKind::NoSummary
                | WarningKind::UndefinedAttribute(_)
                | WarningKind::UndefinedDimension { .. }
                | WarningKind::HeadingNotInPlan(_)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_of_each_kind_are_kept_and_the_rest_counted() {
        let mut warnings = Warnings::default();
        for line in 1..=25 {
            warnings.push(Warning::at(
                "a.md",
                line,
                WarningKind::Code(format!("x{line}")),
            ));
            warnings.push(Warning::at("a.md", line, WarningKind::NoSummary));
        }
        warnings.push(Warning::at("a.md", 30, WarningKind::Text("t".into())));
        let kept: Vec<(Option<usize>, usize, usize)> = warnings
            .iter()
            .map(|w| (w.line, w.repeats, w.more))
            .collect();
        let mut expected: Vec<(Option<usize>, usize, usize)> =
            (1..=10).map(|l| (Some(l), 0, 0)).collect();
        expected.insert(1, (Some(1), 24, 0));
        expected[10].2 = 15;
        expected.push((Some(30), 0, 0));
        assert_eq!(kept, expected);
        assert_eq!(warnings.total(), 51);
    }
}
