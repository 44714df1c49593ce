//! What `ladder import` tells the reader about how a handbook was read, as typed values: a
//! warning for every piece of text it could not place, a note for what it inferred or mapped.
//! Their words are the renderer's (`render::import_messages`).

/// A piece of a handbook that could not be placed, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The page's file name, or the folder for what concerns the whole folder.
    pub page: String,
    /// The 1-based line on the page, when the warning is about one.
    pub line: Option<usize>,
    pub kind: WarningKind,
    /// How many other pages have the same warning: said once per ladder, not once per page.
    pub repeats: usize,
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
    /// A bullet before a page's first dimension that is not `**Attribute**: value`.
    BulletBeforeDimensions(String),
    /// A page heading without `LEVEL:`; the level was taken from the file name.
    NoLevelPrefix { heading: String, level: String },
    /// A page the index's list of levels does not link to.
    NotListed,
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
    /// A track inferred: its id and role ids; `from_list` when it is the index's one list of
    /// levels rising one by one, else it was inferred from the roles' titles and levels.
    InferredTrack {
        id: String,
        roles: Vec<String>,
        from_list: bool,
    },
    /// A page with prose only: its first paragraph is the summary, and it sets no expectations.
    ProsePage { page: String },
    /// Pages without `.md` whose first line is the title: the level came from the file name.
    /// `more` counts the pages like it after the first.
    PlainPage {
        page: String,
        level: String,
        more: usize,
    },
    /// Pages' section headings read as one of the index's dimensions.
    MappedDimension {
        dimension: String,
        headings: Vec<String>,
    },
}

impl Warning {
    /// A warning about one line of a page.
    pub fn at(page: &str, line: usize, kind: WarningKind) -> Warning {
        Warning {
            page: page.to_string(),
            line: Some(line),
            kind,
            repeats: 0,
        }
    }

    /// A warning about a whole file or folder.
    pub fn on(page: &str, kind: WarningKind) -> Warning {
        Warning {
            page: page.to_string(),
            line: None,
            kind,
            repeats: 0,
        }
    }
}

/// The warnings with those that repeat from page to page (a dimension without examples, a
/// missing attribute value, a heading the index lacks) said once, at their first place, with
/// how many other pages have them.
pub fn once_per_ladder(warnings: Vec<Warning>) -> Vec<Warning> {
    use std::collections::HashMap;
    let mut first: HashMap<WarningKind, usize> = HashMap::new();
    let mut out: Vec<Warning> = Vec::with_capacity(warnings.len());
    for w in warnings {
        let repeating = matches!(
            w.kind,
            WarningKind::NoExamples(_)
                | WarningKind::NoValue(_)
                | WarningKind::NoSummary
                | WarningKind::UndefinedAttribute(_)
                | WarningKind::UndefinedDimension { .. }
        );
        if repeating {
            if let Some(&at) = first.get(&w.kind) {
                out[at].repeats += 1;
                continue;
            }
            first.insert(w.kind.clone(), out.len());
        }
        out.push(w);
    }
    out
}
