//! A level page's blocks read into a [`LevelPage`]: the heading's level and title, the quoted
//! self-description, the attributes, and one section per dimension with its statements.

use super::blocks::{self, Block, Item, Labelled, Para, Table};
use super::{heading_text, html_markers};
use crate::handbook::meta::{Comment, Key};
use crate::handbook::names::{is_level_code, split_emoji};
use crate::handbook::parsed::{AttributeLine, Heading, Label, LevelPage, Section};
use crate::handbook::warning::{Note, Warning, WarningKind, Warnings};
use crate::handbook::words::Words;
use crate::model::Expectation;

/// Where a level page's text comes from: a whole file, or one level of a page that holds
/// several, whose heading is at `line` of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Page,
    Part { line: usize },
}

/// Reads the level page `file` (the whole file, or one part of it: see [`Place`]): `None` when it opens with no `# LEVEL Title` heading (or, in a
/// page without the `.md` extension, a first line in bold).
///
/// The page is read block by block as the parser completes them, so a large page is held
/// once as text and once as what was read of it, never as a whole tree of blocks.
pub fn level_page(
    file: &str,
    text: String,
    place: Place,
    words: &Words,
    warnings: &mut Warnings,
    notes: &mut Vec<Note>,
) -> Option<LevelPage> {
    let mut state = Reading::Start(None);
    let mut weight = None;
    let first_line = match place {
        Place::Page => 1,
        Place::Part { line } => line,
    };
    blocks::parse_each(&text, first_line, &mut |block| {
        if let Block::FrontMatter { weight: w, .. } = &block {
            weight = weight.or(*w);
        }
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
                None => body(file, titled, place, words, &block, warnings, notes),
            },
            Reading::Head(mut head) => {
                // The export puts the role's comment on the line after the heading.
                let id = match &block {
                    Block::Html { html, .. } => role_comment(Comment::parse(html.trim()).as_ref()),
                    _ => None,
                };
                let taken = id.is_some();
                head.id = head.id.take().or(id);
                match reader_for(file, head, place, words, warnings, notes) {
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
            reader_for(file, head, place, words, warnings, notes)?
        }
        Reading::Body(reader) => *reader,
    };
    let mut page = reader.finish(notes, warnings);
    page.weight = weight;
    Some(page)
}

/// The reader of a page whose heading is `head`, having read `block`, its first block.
fn body<'a>(
    file: &'a str,
    head: Head,
    place: Place,
    words: &'a Words,
    block: &Block,
    warnings: &mut Warnings,
    notes: &mut Vec<Note>,
) -> Reading<'a> {
    match reader_for(file, head, place, words, warnings, notes) {
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
        // A page may open with a `##` heading (a setext `---` underline makes one): it is
        // the title all the same, being first.
        Block::Heading { level: 1 | 2, text } => Some(Head {
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
    place: Place,
    words: &'a Words,
    warnings: &mut Warnings,
    notes: &mut Vec<Note>,
) -> Option<PageReader<'a>> {
    // The export's own heading (it names the role in a comment) is taken as written.
    let text = heading_text(&head.text, head.id.is_some());
    let has_level = split_level(&text).is_some();
    let (level, title) = level_and_title(file, head.line, &text, place, warnings, notes)?;
    let heading = Heading {
        text,
        line: head.line,
        has_level,
        level_from_index: false,
    };
    Some(PageReader {
        file,
        words,
        page: LevelPage {
            file: file.to_string(),
            id: head.id,
            level,
            title,
            part: None,
            group: None,
            weight: None,
            heading,
            summary: None,
            attributes: Vec::new(),
            sections: Vec::new(),
        },
        in_details: false,
        examples_next: false,
        examples_here: false,
        first_para: None,
        section_level: None,
        small_print: 0,
        after_rule: false,
        in_html_table: false,
        navigation: 0,
        section_navigation: false,
        ended: None,
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
    place: Place,
    warnings: &mut Warnings,
    notes: &mut Vec<Note>,
) -> Option<(String, String)> {
    let (level, title) = match split_level(head) {
        Some(pair) => pair,
        None => {
            // A folder's own page (`lead-analyst/_index.md`) is named by its folder.
            let name = crate::handbook::folder::page_name(file);
            let level = name.split(['-', '_', ' ', '.']).next().unwrap_or("");
            let level = level.to_string();
            if place != Place::Page {
                // A level of a page of several: its level comes from its title (the plan
                // says so), not from the file name.
            } else if file.ends_with(".md") {
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
    if level.is_empty() {
        return None;
    }
    // A heading that is only a level code (`# MG3`) names the level and titles the page.
    let title = if title.is_empty() {
        level.clone()
    } else {
        title
    };
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
    if let Some((level, title)) = head.split_once(':')
        && !level.trim().is_empty()
        && level.split_whitespace().count() <= 3
    {
        return Some((level.trim().to_string(), title.trim().to_string()));
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
    /// The words that tell what a block is (examples, the end of the content, attributes).
    words: &'a Words,
    page: LevelPage,
    /// Inside a `<details>` block: its lists are examples.
    in_details: bool,
    /// The paragraph before said the next list holds examples (`**Examples:**`).
    examples_next: bool,
    /// A heading within the section said its lists are examples (`### What success looks like`).
    examples_here: bool,
    /// The first paragraph before anything else under the title, and its line: the summary of
    /// a page without a quoted one, else the first text of its overview.
    first_para: Option<(String, usize)>,
    /// The heading level of the page's sections, set by its first heading below the title.
    section_level: Option<usize>,
    /// How many `######` lines of small print open the overview: the paragraph after them is
    /// still the one right under the heading.
    small_print: usize,
    /// The block before was a thematic break (`---`): a line that opens with a link after it
    /// is the page's footer (the export writes its links to other pages so).
    after_rule: bool,
    /// Inside an HTML `<table>`, which is not read, until its `</table>`.
    in_html_table: bool,
    /// How many links were left out as navigation.
    navigation: usize,
    /// Whether the current section has had navigation left out of it: a section of nothing
    /// else (`## Contents`) is no dimension.
    section_navigation: bool,
    /// The heading that ended the page's content (`See also`), and its line.
    ended: Option<(String, usize)>,
    /// The import's warnings, held while the page is read (see [`level_page`]).
    warnings: Warnings,
}

impl PageReader<'_> {
    fn warn(&mut self, line: usize, kind: WarningKind) {
        self.warnings.push(Warning::at(self.file, line, kind));
    }

    /// The page read, once every block has been; its notes said, the import's warnings handed
    /// back (with the page's own).
    fn finish(mut self, notes: &mut Vec<Note>, warnings: &mut Warnings) -> LevelPage {
        self.close_section();
        if self.navigation > 0 || self.ended.is_some() {
            notes.push(Note::Navigation {
                page: self.file.to_string(),
                links: self.navigation,
                ended: self.ended.take(),
            });
        }
        *warnings = self.warnings;
        let mut page = self.page;
        // Without a quoted self-description, the paragraph right under the heading is the
        // summary; on a page of prose only, say that it sets no expectations. With one, that
        // paragraph opens the overview.
        match (self.first_para, page.summary.is_none()) {
            (Some((first, _)), true) => {
                if page.attributes.is_empty() && page.sections.is_empty() {
                    notes.push(Note::ProsePage {
                        page: self.file.to_string(),
                    });
                }
                page.summary = Some(first);
            }
            (Some((first, line)), false) => {
                if !page.sections.first().is_some_and(|s| s.overview) {
                    page.sections.insert(0, Section::overview(line));
                }
                // After the small print above it, if any.
                let overview = &mut page.sections[0];
                let at = self.small_print.min(overview.expectations.len());
                let text = first;
                (overview.expectations).insert(at, Expectation { theme: None, text });
                (overview.labels.iter_mut())
                    .filter(|l| l.at >= at)
                    .for_each(|l| l.at += 1);
            }
            (None, _) => {}
        }
        page
    }

    /// Whether nothing but `######` small print has been read under the title.
    fn only_small_print(&self) -> bool {
        match self.page.sections.as_slice() {
            [] => true,
            [s] => s.overview && s.expectations.len() == self.small_print && s.examples.is_empty(),
            _ => false,
        }
    }

    /// Whether the page has a section under a heading yet (the overview has none).
    fn headed(&self) -> bool {
        self.page.sections.last().is_some_and(|s| !s.overview)
    }

    /// Reads blocks; `depth` is 1 inside the Markdown of an HTML block, read only once.
    fn blocks(&mut self, blocks: &[Block], depth: usize) {
        for block in blocks {
            if self.ended.is_some() {
                return;
            }
            // Inside an HTML table until its `</table>` (or, if it is never closed, a heading).
            if self.in_html_table {
                match block {
                    Block::Html { html, .. } => {
                        self.in_html_table = !html.to_ascii_lowercase().contains("</table");
                        continue;
                    }
                    Block::Heading { .. } => self.in_html_table = false,
                    _ => continue,
                }
            }
            let after_rule = std::mem::take(&mut self.after_rule);
            match block {
                Block::Heading { level, text } => self.heading(*level, text),
                Block::Para(p) => self.para(p, after_rule),
                Block::List { items, .. } => self.list(items),
                Block::Quote { blocks, line } => self.quote(blocks, *line),
                Block::Html { html, line } => self.html(html, *line, depth),
                Block::Table(table) => self.table(table),
                Block::Code { text, line, .. } => {
                    for (i, l) in text.lines().enumerate() {
                        if !l.trim().is_empty() {
                            self.warn(line + 1 + i, WarningKind::Code(l.trim().to_string()));
                        }
                    }
                }
                Block::Rule => self.after_rule = true,
                Block::FrontMatter { .. } => {}
            }
        }
    }

    fn heading(&mut self, level: usize, text: &Para) {
        let id = text.comment().and_then(|c| c.text(Key::Dimension));
        let name = heading_text(&text.text(), id.is_some());
        if self.words.ends_content(&name) {
            self.close_section();
            self.ended = Some((name, text.line()));
            return;
        }
        // `###### Subtitle`: small print, a statement where it stands, never a dimension (nor
        // the summary a paragraph there would be).
        if level == 6 {
            return self.small_print(text);
        }
        // Sections are the headings of the level the first one has (`##` in most handbooks,
        // `###` in some): a later heading of that level starts the next section.
        let section_level = *self.section_level.get_or_insert(level.max(2));
        if level == 2 || level == section_level || (level > 2 && !self.headed()) {
            self.section(&name, id.map(String::from), text.line());
        } else if level > 2 && self.words.examples(&name) {
            self.examples_here = true;
        } else if level > 2 {
            self.examples_here = false;
            self.warn(text.line(), WarningKind::Heading(name));
        } else {
            self.warn(text.line(), WarningKind::Text(name));
        }
    }

    fn section(&mut self, name: &str, id: Option<String>, line: usize) {
        self.close_section();
        self.in_details = false;
        self.examples_next = false;
        self.examples_here = false;
        let (emoji, heading) = split_emoji(name);
        self.page
            .sections
            .push(Section::new(heading, emoji, id, line));
    }

    /// Ends the current section: one that held only navigation is dropped.
    fn close_section(&mut self) {
        let navigation = std::mem::take(&mut self.section_navigation);
        let Some(last) = self.page.sections.last() else {
            return;
        };
        let empty = last.expectations.is_empty() && last.examples.is_empty();
        if navigation && empty && last.summary.is_none() && !last.overview {
            self.page.sections.pop();
        }
    }

    /// Links left out as navigation.
    fn navigation(&mut self, links: usize) {
        self.navigation += links;
        self.section_navigation = true;
    }

    /// A `######` heading's text.
    fn small_print(&mut self, text: &Para) {
        if text.only_links() {
            return self.navigation(text.links().count());
        }
        if self.only_small_print() {
            self.small_print += 1;
        }
        let examples = self.in_details || self.examples_here;
        self.push_statement(text.text(), examples, None, None, text.line());
    }

    fn para(&mut self, p: &Para, after_rule: bool) {
        let text = p.text();
        let headed = self.headed();
        // `***Core Competencies`, an unclosed bold on a line of its own: a section heading.
        if text.starts_with("**") && p.runs.len() == 1 && p.runs[0].bold.is_none() {
            let name = heading_text(text.trim_start_matches('*'), false);
            if !name.is_empty() {
                self.section(&name, None, p.line());
                return;
            }
        }
        if p.comment().is_some_and(|c| c.has(Key::Caption)) || text.is_empty() {
            return; // the handbook's own words
        }
        if p.only_links() {
            return self.navigation(p.links().count());
        }
        if after_rule && p.runs.first().is_some_and(|r| r.starts_with_link) {
            return; // the page's footer of links to other pages, as the export writes it
        }
        let label = p.labelled();
        if let Some(label) = &label {
            if self.words.examples(&label.name) && label.value.is_empty() {
                self.examples_next = true;
                return;
            }
            if !headed && label.colon && !label.value.is_empty() {
                self.attribute_lines(p);
                return;
            }
            if label.value.is_empty() && label.colon {
                return; // `**Within my group:**`, a header for the list below
            }
        }
        if self.words.examples(&text) {
            self.examples_next = true;
            return;
        }
        if self.only_small_print()
            && self.page.attributes.is_empty()
            && self.first_para.is_none()
            && self.page.summary.is_none()
        {
            self.first_para = Some((text, p.line()));
            return;
        }
        let theme = p
            .comment()
            .and_then(|c| c.text(Key::Theme))
            .map(String::from);
        let examples = self.examples_next || self.in_details || self.examples_here;
        let (text, label) = labelled_text(label, text);
        self.push_statement(text, examples, theme, label, p.line());
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

    /// A quote: the page's summary when it comes first, a section's when it opens the section,
    /// else a statement.
    fn quote(&mut self, blocks: &[Block], line: usize) {
        let text: Vec<String> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some(p.text()),
                _ => None,
            })
            .collect();
        let text = text.join("\n");
        let headed = self.headed();
        let page = &mut self.page;
        match page.sections.last_mut() {
            _ if !headed && page.summary.is_none() && page.attributes.is_empty() => {
                page.summary = Some(text)
            }
            Some(s)
                if headed
                    && s.summary.is_none()
                    && s.expectations.is_empty()
                    && s.examples.is_empty() =>
            {
                s.summary = Some(text)
            }
            _ => {
                let examples = self.in_details || self.examples_here;
                self.push_statement(text, examples, None, None, line);
            }
        }
    }

    /// `<details>` opens a block of examples, `</details>` closes it; Markdown written inside
    /// an HTML block without a blank line (a list right under `<summary>`) is read as Markdown.
    /// An HTML `<table>` is not read, with a warning.
    fn html(&mut self, html: &str, line: usize, depth: usize) {
        let lower = html.to_ascii_lowercase();
        if lower.contains("<table") {
            self.warn(line, WarningKind::HtmlTable);
            self.in_html_table = !lower.contains("</table");
            return;
        }
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

    /// A Markdown table: attributes when it has two columns and stands above the first
    /// section, or its first header says so (`Attribute | Value`); else one statement per
    /// cell, after its column's header (`Scope: Owns one service.`).
    fn table(&mut self, table: &Table) {
        let header = |i: usize| table.header.get(i).map(Para::text).unwrap_or_default();
        if table.header.len() == 2 && (!self.headed() || self.words.attribute_table(&header(0))) {
            for row in &table.rows {
                self.attribute_row(row);
            }
            return;
        }
        let headers: Vec<String> = (0..table.header.len()).map(header).collect();
        let examples = self.examples_next || self.in_details || self.examples_here;
        for row in &table.rows {
            for (cell, header) in row
                .iter()
                .zip(headers.iter().chain(std::iter::repeat(&String::new())))
            {
                let text = cell.text();
                if text.is_empty() {
                    continue;
                }
                let (text, label) = match header.as_str() {
                    "" => (text, None),
                    h => (format!("{h}: {text}"), Some(h.len())),
                };
                self.push_statement(text, examples, None, label, cell.line());
            }
        }
    }

    /// A row of an attribute table: its name and value.
    fn attribute_row(&mut self, row: &[Para]) {
        let (Some(name), Some(value)) = (row.first(), row.get(1)) else {
            return;
        };
        let label = name.text();
        let label = label.trim_end_matches(':').trim();
        if label.is_empty() {
            return;
        }
        if value.links().next().is_some() {
            self.warn(value.line(), WarningKind::LinkTargets(label.to_string()));
        }
        self.page.attributes.push(AttributeLine {
            label: label.to_string(),
            value: value.text(),
            id: None,
            line: name.line(),
        });
    }

    fn list(&mut self, items: &[Item]) {
        if is_navigation(items) {
            return self.navigation(items.iter().map(links_in).sum());
        }
        let headed = self.headed();
        let examples = std::mem::take(&mut self.examples_next);
        for item in items {
            if headed {
                let as_examples = examples || self.in_details || self.examples_here;
                self.statement(item, as_examples, None);
            } else {
                self.attribute_item(item);
            }
        }
    }

    /// A bullet above the first section: `**Name**: value` is an attribute, anything else a
    /// statement of the overview.
    fn attribute_item(&mut self, item: &Item) {
        let lead = item.lead();
        match lead.and_then(|p| p.labelled().map(|l| (p, l))) {
            Some((lead, l)) if l.colon || !l.value.is_empty() => {
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
            _ => self.statement(item, false, None),
        }
    }

    /// One list item: its text a statement, its nested lists statements that carry the item's
    /// text as their context (`Within my group: I …`, `Beginner: Files clear tickets.`); the
    /// item's own text is then no statement. Under an `Examples:` item, the nested items are
    /// examples.
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
        let own = texts.join(" ");
        let label = (texts.len() == 1)
            .then(|| item.lead().and_then(Para::labelled))
            .flatten();
        let (text, label) = match context {
            Some(c) if !own.is_empty() => in_context(c, &own),
            _ => labelled_text(label, own),
        };
        let line = item.lead().map_or(item.line, Para::line);
        if nested.is_empty() {
            self.push_statement(text, examples, theme.map(String::from), label, line);
            return;
        }
        // `Examples:` over a nested list: the sub-items are examples, the header no statement.
        let header_examples = self.words.examples(&text);
        let context = (!header_examples && !text.is_empty()).then_some(text.as_str());
        for items in nested {
            for sub in items {
                self.statement(sub, examples || header_examples, context);
            }
        }
    }

    /// A statement (or an example) of the current section, or of the overview above the first.
    fn push_statement(
        &mut self,
        text: String,
        example: bool,
        theme: Option<String>,
        label: Option<usize>,
        line: usize,
    ) {
        if text.is_empty() {
            return;
        }
        if self.page.sections.is_empty() {
            self.page.sections.push(Section::overview(line));
        }
        let Some(section) = self.page.sections.last_mut() else {
            return;
        };
        if example {
            section.examples.push(text);
        } else {
            if let Some(len) = label {
                section.labels.push(Label {
                    at: section.expectations.len(),
                    len,
                });
            }
            section.expectations.push(Expectation { theme, text });
        }
    }
}

/// A statement's text with its label spelled `Name: value`, and the label's length; the text
/// as it is when it has no label.
fn labelled_text(label: Option<Labelled>, text: String) -> (String, Option<usize>) {
    match label {
        Some(l) if l.colon && !l.value.is_empty() => {
            let len = l.name.len();
            (format!("{}: {}", l.name, l.value), Some(len))
        }
        _ => (text, None),
    }
}

/// A nested bullet's text in the context of its parent's: `Within my group: I …` (the label
/// is the parent's text), or after a parent that is a sentence, `I review code. For my team.`
fn in_context(context: &str, text: &str) -> (String, Option<usize>) {
    let context = context.trim_end();
    if context.ends_with(['.', '!', '?']) {
        return (format!("{context} {text}"), None);
    }
    let context = context.trim_end_matches(':').trim_end();
    (format!("{context}: {text}"), Some(context.len()))
}

/// Whether a list is navigation: every item opens with a link (a table of contents, anchor
/// links, "Other pages"), and so do the items of its nested lists.
fn is_navigation(items: &[Item]) -> bool {
    !items.is_empty()
        && items.iter().all(|item| {
            item.lead()
                .is_some_and(|p| p.runs.first().is_some_and(|r| r.starts_with_link))
                && item.blocks[1..].iter().all(|b| match b {
                    Block::List { items, .. } => is_navigation(items),
                    _ => false,
                })
        })
}

/// How many links a list item and its nested lists hold.
fn links_in(item: &Item) -> usize {
    item.blocks
        .iter()
        .map(|b| match b {
            Block::Para(p) => p.links().count(),
            Block::List { items, .. } => items.iter().map(links_in).sum(),
            _ => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page `text` read, with its warnings and notes.
    fn read(text: &str) -> (LevelPage, Warnings, Vec<Note>) {
        let mut warnings = Warnings::default();
        let mut notes = Vec::new();
        let page = level_page(
            "p.md",
            text.to_string(),
            Place::Page,
            &Words::default(),
            &mut warnings,
            &mut notes,
        )
        .expect("page");
        (page, warnings, notes)
    }

    /// Each section as its heading and expectations, `*` before an example.
    fn sections(page: &LevelPage) -> Vec<(String, Vec<String>)> {
        (page.sections.iter())
            .map(|s| {
                let mut texts: Vec<String> =
                    s.expectations.iter().map(|e| e.text.clone()).collect();
                texts.extend(s.examples.iter().map(|x| format!("*{x}")));
                (s.heading.clone(), texts)
            })
            .collect()
    }

    fn owned(rows: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
        (rows.iter())
            .map(|(h, t)| (h.to_string(), t.iter().map(|t| t.to_string()).collect()))
            .collect()
    }

    #[test]
    fn paragraphs_and_text_above_the_sections_are_statements() {
        let (page, warnings, notes) = read(
            "# L1: Writer\n###### Small print\n\nWrites short pieces.\n\n- **Scope**: A column\n\
             - Works from a brief.\n\nAsks when unsure.\n\n## Craft\n\nChecks every fact.\n\n\
             > A quote mid-section.\n\n**Examples:**\n\nFixed a headline.\n",
        );
        assert_eq!(page.summary.as_deref(), Some("Writes short pieces."));
        assert_eq!(page.attributes.len(), 1);
        assert_eq!(
            sections(&page),
            owned(&[
                (
                    "Overview",
                    &["Small print", "Works from a brief.", "Asks when unsure."]
                ),
                (
                    "Craft",
                    &[
                        "Checks every fact.",
                        "A quote mid-section.",
                        "*Fixed a headline."
                    ]
                ),
            ])
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn a_first_paragraph_before_a_quote_opens_the_overview() {
        let (page, _, _) = read(
            "# L1: Writer\n###### Small print\n\nFirst words.\n\n> I write.\n\n- More.\n\n## Craft\n\n- Writes.\n",
        );
        assert_eq!(page.summary.as_deref(), Some("I write."));
        assert_eq!(
            sections(&page),
            owned(&[
                ("Overview", &["Small print", "First words.", "More."]),
                ("Craft", &["Writes."])
            ])
        );
    }

    #[test]
    fn a_parent_bullet_is_the_context_of_its_children_with_or_without_a_colon() {
        let (page, _, _) = read(
            "# L1: Writer\n\n## Craft\n\n- Beginner\n  - Files clear tickets.\n- Within my team:\n  \
             - Reviews drafts.\n- Writes daily.\n  - Even on Fridays.\n- Examples:\n  - Wrote a guide.\n",
        );
        assert_eq!(
            sections(&page),
            owned(&[(
                "Craft",
                &[
                    "Beginner: Files clear tickets.",
                    "Within my team: Reviews drafts.",
                    "Writes daily. Even on Fridays.",
                    "*Wrote a guide.",
                ]
            )])
        );
        let labels: Vec<(usize, &str, &str)> = page.sections[0].labelled().collect();
        assert_eq!(
            labels,
            [
                (0, "Beginner", "Files clear tickets."),
                (1, "Within my team", "Reviews drafts.")
            ]
        );
    }

    #[test]
    fn tables_give_attributes_or_statements_under_their_headers() {
        let (page, warnings, _) = read(
            "# L1: Writer\n\n| Attribute | Value |\n|---|---|\n| Scope | A column |\n\n## Craft\n\n\
             | Breadth | Depth |\n|---|---|\n| One beat. | |\n\n| Key | Value |\n|---|---|\n| Hours | Nine to five |\n\n\
             <table><tr><td>Unread.</td></tr>\n\n</table>\n\nAfter it.\n",
        );
        let attributes: Vec<(&str, &str)> = (page.attributes.iter())
            .map(|a| (a.label.as_str(), a.value.as_str()))
            .collect();
        assert_eq!(
            attributes,
            [("Scope", "A column"), ("Hours", "Nine to five")]
        );
        assert_eq!(
            sections(&page),
            owned(&[("Craft", &["Breadth: One beat.", "After it."])])
        );
        let kinds: Vec<(Option<usize>, WarningKind)> =
            warnings.iter().map(|w| (w.line, w.kind.clone())).collect();
        assert_eq!(kinds, [(Some(17), WarningKind::HtmlTable)]);
    }

    #[test]
    fn an_html_table_never_closed_ends_at_the_next_heading() {
        let (page, warnings, _) = read(
            "# L1: Writer\n\n## Craft\n\n<table>\n<tr><td>Unread.</td></tr>\n\nStill inside.\n\n\
             ## Voice\n\nWrites plainly.\n",
        );
        assert_eq!(
            sections(&page),
            owned(&[("Craft", &[]), ("Voice", &["Writes plainly."])])
        );
        assert_eq!(warnings.total(), 1);
    }

    #[test]
    fn navigation_and_what_follows_see_also_are_left_out_with_a_note() {
        let (page, _, notes) = read(
            "# L1: Writer\n\n- [Craft](#craft)\n- [Voice](#voice)\n\n## Contents\n\n- [Top](#top)\n\n\
             ## Craft\n\n[Home](../README.md) | [Style guide](https://example.org)\n\nWrites.\n\n\
             ---\n\n[Back](README.md) · next: [L2](L2.md)\n\n# See also\n\n- [L2](L2.md)\n\nMore text.\n",
        );
        assert_eq!(sections(&page), owned(&[("Craft", &["Writes."])]));
        assert_eq!(
            notes,
            [Note::Navigation {
                page: "p.md".into(),
                links: 5,
                ended: Some(("See also".into(), 20)),
            }]
        );
    }
}
