//! A level page's blocks read into a [`LevelPage`]: the heading's level and title, the quoted
//! self-description, the attributes, and one section per dimension with its statements.

use super::blocks::{self, Block, Item, Para};
use super::{example_like, heading_text, html_markers};
use crate::handbook::meta::{Comment, Key};
use crate::handbook::names::{is_level_code, split_emoji};
use crate::handbook::parsed::{AttributeLine, LevelPage, Section};
use crate::handbook::warning::{Note, Warning, WarningKind, Warnings};
use crate::model::Expectation;

/// Reads the level page `file`: `None` when it opens with no `# LEVEL Title` heading (or, in a
/// page without the `.md` extension, a first line in bold).
///
/// The page is read block by block as the parser completes them, so a large page is held
/// once as text and once as what was read of it, never as a whole tree of blocks.
pub fn level_page(
    file: &str,
    text: String,
    warnings: &mut Warnings,
    notes: &mut Vec<Note>,
) -> Option<LevelPage> {
    let mut state = Reading::Start(None);
    blocks::parse_each(&text, 1, &mut |block| {
        state = match std::mem::replace(&mut state, Reading::Rejected) {
            Reading::Start(titled) if is_comment(&block) => Reading::Start(titled),
            Reading::Start(None) => match &block {
                Block::FrontMatter {
                    problem: Some((line, problem)),
                    ..
                } => {
                    let kind = WarningKind::FrontMatter(problem.clone());
                    warnings.push(Warning::at(file, *line, kind));
                    Reading::Start(None)
                }
                Block::FrontMatter {
                    title: Some(title),
                    line,
                    ..
                } => Reading::Start(Some(Head {
                    text: title.clone(),
                    id: None,
                    line: *line,
                })),
                Block::FrontMatter { title: None, .. } => Reading::Start(None),
                _ => head_of(file, &block).map_or(Reading::Rejected, Reading::Head),
            },
            // After front matter: the page's own heading, else the front matter's title.
            Reading::Start(Some(titled)) => match head_of(file, &block) {
                Some(head) => Reading::Head(head),
                None => body(file, titled, &block, warnings, notes),
            },
            Reading::Head(mut head) => {
                // The export puts the role's comment on the line after the heading.
                let id = match &block {
                    Block::Html { html, .. } => role_comment(Comment::parse(html.trim()).as_ref()),
                    _ => None,
                };
                let taken = id.is_some();
                head.id = head.id.take().or(id);
                match reader_for(file, head, warnings, notes) {
                    Some(mut reader) => {
                        if !taken {
                            reader.blocks(std::slice::from_ref(&block), 0);
                        }
                        Reading::Body(Box::new(reader))
                    }
                    None => Reading::Rejected,
                }
            }
            Reading::Body(mut reader) => {
                reader.blocks(std::slice::from_ref(&block), 0);
                Reading::Body(reader)
            }
            Reading::Rejected => Reading::Rejected,
        };
    });
    let reader = match state {
        Reading::Start(None) | Reading::Rejected => return None,
        Reading::Start(Some(head)) | Reading::Head(head) => {
            reader_for(file, head, warnings, notes)?
        }
        Reading::Body(reader) => *reader,
    };
    // The reader held the import's warnings while it read; they come back with its own.
    *warnings = reader.warnings;
    let mut page = reader.page;
    // Without a quoted self-description, the paragraph right under the heading is the summary
    // (it would otherwise be dropped unsaid); on a page of prose only, say that it sets no
    // expectations.
    if page.summary.is_none() {
        if let Some(first) = reader.first_para {
            if page.attributes.is_empty() && page.sections.is_empty() {
                notes.push(Note::ProsePage {
                    page: file.to_string(),
                });
            }
            page.summary = Some(first);
        }
    }
    Some(page)
}

/// The reader of a page whose heading is `head`, having read `block`, its first block.
fn body<'a>(
    file: &'a str,
    head: Head,
    block: &Block,
    warnings: &mut Warnings,
    notes: &mut Vec<Note>,
) -> Reading<'a> {
    match reader_for(file, head, warnings, notes) {
        Some(mut reader) => {
            reader.blocks(std::slice::from_ref(block), 0);
            Reading::Body(Box::new(reader))
        }
        None => Reading::Rejected,
    }
}

/// Where the reading of a page stands.
enum Reading<'a> {
    /// Before the first block that is not a comment (or front matter, whose title is kept
    /// in case the page has no heading of its own).
    Start(Option<Head>),
    /// After the heading: the next block may hold the role's comment.
    Head(Head),
    Body(Box<PageReader<'a>>),
    /// Not a level page: the rest is not read.
    Rejected,
}

/// A page's heading as written, the role id a comment gives, and its line.
struct Head {
    text: String,
    id: Option<String>,
    line: usize,
}

/// The heading of a page from its first block: `# L3: Title`, or in a page without `.md`,
/// a first line in unclosed bold (`**Customer Success Manager`).
fn head_of(file: &str, block: &Block) -> Option<Head> {
    match block {
        Block::Heading { level: 1, text } => Some(Head {
            text: text.text(),
            id: role_comment(text.comment()),
            line: text.line(),
        }),
        Block::Para(p) if !file.ends_with(".md") && p.text().starts_with("**") => {
            let first = p.runs.first()?;
            Some(Head {
                text: first.text.trim_start_matches('*').trim().to_string(),
                id: None,
                line: first.line,
            })
        }
        _ => None,
    }
}

/// The reader of a page's body, once its heading gave a level and a title.
fn reader_for<'a>(
    file: &'a str,
    head: Head,
    warnings: &mut Warnings,
    notes: &mut Vec<Note>,
) -> Option<PageReader<'a>> {
    // The export's own heading (it names the role in a comment) is taken as written.
    let text = heading_text(&head.text, head.id.is_some());
    let (level, title) = level_and_title(file, head.line, &text, warnings, notes)?;
    Some(PageReader {
        file,
        page: LevelPage {
            file: file.to_string(),
            id: head.id,
            level,
            title,
            summary: None,
            attributes: Vec::new(),
            sections: Vec::new(),
        },
        in_details: false,
        examples_next: false,
        examples_here: false,
        first_para: None,
        section_level: None,
        warnings: std::mem::take(warnings),
    })
}

fn is_comment(block: &Block) -> bool {
    matches!(block, Block::Html { html, .. } if html.trim().starts_with("<!--") && html.trim().ends_with("-->"))
}

fn role_comment(comment: Option<&Comment>) -> Option<String> {
    comment.and_then(|c| c.text(Key::Role)).map(String::from)
}

/// The level and title of a page's heading: `L3: Senior Engineer`, `L3 - Senior Engineer` and
/// `L3 Senior Engineer` alike. Without a level code, the level is the file name's first word,
/// with a warning (a note for a page without `.md`, whose first line is only a title).
fn level_and_title(
    file: &str,
    line: usize,
    head: &str,
    warnings: &mut Warnings,
    notes: &mut Vec<Note>,
) -> Option<(String, String)> {
    let (level, title) = match split_level(head) {
        Some(pair) => pair,
        None => {
            let name = file.rsplit('/').next().unwrap_or(file);
            let level = name.split(['-', '_', ' ', '.']).next().unwrap_or("");
            let level = level.to_string();
            if file.ends_with(".md") {
                let kind = WarningKind::NoLevelPrefix {
                    heading: head.to_string(),
                    level: level.clone(),
                };
                warnings.push(Warning::at(file, line, kind));
            } else {
                notes.push(Note::PlainPage {
                    page: file.to_string(),
                    level: level.clone(),
                    more: 0,
                });
            }
            (level, head.to_string())
        }
    };
    if level.is_empty() || title.is_empty() {
        return None;
    }
    // A level is an id: `Level 2` becomes `Level-2`.
    let level = if crate::text::is_safe_id(&level) {
        level
    } else {
        crate::text::slug(&level)
    };
    (!level.is_empty()).then_some((level, title))
}

/// `L3: Title`, `L3 - Title`, `L3 Title`, `Level 3: Title` as (level, title).
pub(in crate::handbook) fn split_level(head: &str) -> Option<(String, String)> {
    if let Some((level, title)) = head.split_once(':') {
        if !level.trim().is_empty() && level.split_whitespace().count() <= 3 {
            return Some((level.trim().to_string(), title.trim().to_string()));
        }
    }
    let mut words = head.split_whitespace();
    let first = words.next()?;
    let code = is_level_code;
    let (level, rest) = if code(first) {
        (first.to_string(), &head[head.find(first)? + first.len()..])
    } else {
        let second = words.next()?;
        if !first.eq_ignore_ascii_case("level") || !code(second) {
            return None;
        }
        let end = head.find(second)? + second.len();
        (head[..end].to_string(), &head[end..])
    };
    let title = rest.trim_start().trim_start_matches(['-', '–', '—', '|']);
    Some((level, title.trim().to_string()))
}

/// A level page read so far, and where the reader stands in it.
struct PageReader<'a> {
    file: &'a str,
    page: LevelPage,
    /// Inside a `<details>` block: its lists are examples.
    in_details: bool,
    /// The paragraph before said the next list holds examples (`**Examples:**`).
    examples_next: bool,
    /// A heading within the section said its lists are examples (`### What success looks like`).
    examples_here: bool,
    /// The first paragraph before any attribute or section: a prose page's summary.
    first_para: Option<String>,
    /// The heading level of the page's sections, set by its first heading below the title.
    section_level: Option<usize>,
    /// The import's warnings, held while the page is read (see [`level_page`]).
    warnings: Warnings,
}

impl PageReader<'_> {
    fn warn(&mut self, line: usize, kind: WarningKind) {
        self.warnings.push(Warning::at(self.file, line, kind));
    }

    /// Reads blocks; `depth` is 1 inside the Markdown of an HTML block, read only once.
    fn blocks(&mut self, blocks: &[Block], depth: usize) {
        for block in blocks {
            match block {
                Block::Heading { level, text } => self.heading(*level, text),
                Block::Para(p) => self.para(p),
                Block::List { items, .. } => self.list(items),
                Block::Quote { blocks, line } => self.quote(blocks, *line),
                Block::Html { html, line } => self.html(html, *line, depth),
                Block::Code { text, line, .. } => {
                    for (i, l) in text.lines().enumerate() {
                        if !l.trim().is_empty() {
                            self.warn(line + 1 + i, WarningKind::Code(l.trim().to_string()));
                        }
                    }
                }
                Block::Rule | Block::FrontMatter { .. } => {}
            }
        }
    }

    fn heading(&mut self, level: usize, text: &Para) {
        let id = text.comment().and_then(|c| c.text(Key::Dimension));
        let name = heading_text(&text.text(), id.is_some());
        // Sections are the headings of the level the first one has (`##` in most handbooks,
        // `###` in some): a later heading of that level starts the next section.
        let section_level = *self.section_level.get_or_insert(level.max(2));
        if level == 2 || level == section_level || (level > 2 && self.page.sections.is_empty()) {
            self.section(&name, id.map(String::from), text.line());
        } else if level > 2 && example_like(&name) {
            self.examples_here = true;
        } else if level > 2 {
            self.examples_here = false;
            self.warn(text.line(), WarningKind::Heading(name));
        } else {
            self.warn(text.line(), WarningKind::Text(name));
        }
    }

    fn section(&mut self, name: &str, id: Option<String>, line: usize) {
        self.in_details = false;
        self.examples_next = false;
        self.examples_here = false;
        let (emoji, heading) = split_emoji(name);
        self.page.sections.push(Section {
            heading,
            emoji,
            id,
            line,
            summary: None,
            expectations: Vec::new(),
            examples: Vec::new(),
        });
    }

    fn para(&mut self, p: &Para) {
        let text = p.text();
        let before_sections = self.page.sections.is_empty();
        // `***Core Competencies`, an unclosed bold on a line of its own: a section heading.
        if text.starts_with("**") && p.runs.len() == 1 && p.runs[0].bold.is_none() {
            let name = heading_text(text.trim_start_matches('*'), false);
            if !name.is_empty() {
                self.section(&name, None, p.line());
                return;
            }
        }
        if p.comment().is_some_and(|c| c.has(Key::Caption)) || p.runs[0].starts_with_link {
            return; // the handbook's own words, or a line of links to other pages
        }
        if let Some(label) = p.labelled() {
            if example_like(&label.name) && label.value.is_empty() {
                self.examples_next = true;
                return;
            }
            if before_sections && label.colon && !label.value.is_empty() {
                self.attribute_lines(p);
                return;
            }
            if label.value.is_empty() && label.colon {
                return; // `**Within my group:**`, a header for the list below
            }
        }
        if example_like(text.trim_end_matches(':')) {
            self.examples_next = true;
            return;
        }
        if before_sections
            && self.page.attributes.is_empty()
            && self.first_para.is_none()
            && self.page.summary.is_none()
        {
            self.first_para = Some(text);
            return;
        }
        self.warn(p.line(), WarningKind::Text(text));
    }

    /// A paragraph of `**Name:** value` lines, one attribute each.
    fn attribute_lines(&mut self, p: &Para) {
        let id = p
            .comment()
            .and_then(|c| c.text(Key::Attribute))
            .map(String::from);
        let single = p.runs.len() == 1;
        for run in &p.runs {
            match blocks::labelled_run(run) {
                Some(l) if l.colon => {
                    if !run.links.is_empty() {
                        self.warn(run.line, WarningKind::LinkTargets(l.name.clone()));
                    }
                    self.page.attributes.push(AttributeLine {
                        label: l.name,
                        value: l.value,
                        id: if single {
                            id.clone()
                        } else {
                            run.comment
                                .as_ref()
                                .and_then(|c| c.text(Key::Attribute))
                                .map(String::from)
                        },
                        line: run.line,
                    })
                }
                _ => {
                    if let Some(last) = self.page.attributes.last_mut() {
                        let t = run.text.trim();
                        if !t.is_empty() {
                            last.value.push(' ');
                            last.value.push_str(t);
                        }
                    }
                }
            }
        }
    }

    fn quote(&mut self, blocks: &[Block], line: usize) {
        let text: Vec<String> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some(p.text()),
                _ => None,
            })
            .collect();
        let text = text.join("\n");
        let page = &mut self.page;
        match page.sections.last_mut() {
            None if page.summary.is_none() && page.attributes.is_empty() => {
                page.summary = Some(text)
            }
            Some(s)
                if s.summary.is_none() && s.expectations.is_empty() && s.examples.is_empty() =>
            {
                s.summary = Some(text)
            }
            _ => self.warn(line, WarningKind::Text(text)),
        }
    }

    /// `<details>` opens a block of examples, `</details>` closes it; Markdown written inside
    /// an HTML block without a blank line (a list right under `<summary>`) is read as Markdown.
    fn html(&mut self, html: &str, line: usize, depth: usize) {
        let (opens, closes, rest) = html_markers(html);
        if opens {
            self.in_details = true;
            self.examples_next = false;
        }
        if depth == 0 && !rest.trim().is_empty() {
            let inner = blocks::parse(&rest, line);
            self.blocks(&inner, 1);
        }
        if closes {
            self.in_details = false;
        }
    }

    fn list(&mut self, items: &[Item]) {
        let before_sections = self.page.sections.is_empty();
        let examples = std::mem::take(&mut self.examples_next);
        for item in items {
            if before_sections {
                self.attribute_item(item);
            } else {
                let as_examples = examples || self.in_details || self.examples_here;
                self.statement(item, as_examples, None);
            }
        }
    }

    /// A bullet before the first section: `**Name**: value`.
    fn attribute_item(&mut self, item: &Item) {
        let Some(lead) = item.lead() else {
            return self.warn(
                item.line,
                WarningKind::BulletBeforeDimensions(String::new()),
            );
        };
        match lead.labelled() {
            Some(l) if l.colon || !l.value.is_empty() => {
                if lead.links().next().is_some() {
                    self.warn(item.line, WarningKind::LinkTargets(l.name.clone()));
                }
                self.page.attributes.push(AttributeLine {
                    label: l.name,
                    value: l.value,
                    id: lead
                        .comment()
                        .and_then(|c| c.text(Key::Attribute))
                        .map(String::from),
                    line: lead.line(),
                })
            }
            _ => self.warn(
                lead.line(),
                WarningKind::BulletBeforeDimensions(lead.text()),
            ),
        }
    }

    /// One list item in a section: its text a statement, its nested lists statements that
    /// carry the item's text as their context (`Within my group: I …`).
    fn statement(&mut self, item: &Item, examples: bool, context: Option<&str>) {
        let mut texts = Vec::new();
        let mut theme = None;
        let mut nested = Vec::new();
        for block in &item.blocks {
            match block {
                Block::Para(p) => {
                    texts.push(p.text());
                    theme = theme.or_else(|| p.comment().and_then(|c| c.text(Key::Theme)));
                }
                Block::List { items, .. } => nested.push(items),
                other => self.blocks(std::slice::from_ref(other), 1),
            }
        }
        let text = texts.join(" ");
        let text = match context {
            Some(c) if !text.is_empty() => format!("{}: {text}", c.trim_end_matches(':')),
            _ => text,
        };
        if nested.is_empty() {
            self.push_statement(text, examples, theme.map(String::from));
            return;
        }
        // `Examples:` over a nested list: the sub-items are examples, the header no statement.
        let sub_examples = examples || example_like(text.trim_end_matches(':'));
        let header_is_statement = !text.ends_with(':') && !example_like(text.trim_end_matches(':'));
        if header_is_statement {
            self.push_statement(text.clone(), examples, theme.map(String::from));
        }
        let context = (!header_is_statement && !example_like(text.trim_end_matches(':')))
            .then_some(text.as_str());
        for items in nested {
            for sub in items {
                self.statement(sub, sub_examples, context);
            }
        }
    }

    fn push_statement(&mut self, text: String, example: bool, theme: Option<String>) {
        if text.is_empty() {
            return;
        }
        let Some(section) = self.page.sections.last_mut() else {
            return;
        };
        if example {
            section.examples.push(text);
        } else {
            section.expectations.push(Expectation { theme, text });
        }
    }
}
