//! Markdown as roff, for a manual page written in Markdown (ladder-format(5) is docs/format.md):
//! `pulldown-cmark`'s events walked into the man macros, the `roff` crate escaping the text.
//!
//! It covers what docs/format.md uses: headings (`##` a section, deeper a subsection; the first
//! `#` the page's title), paragraphs, bullet and numbered lists (nested, loose or tight),
//! quotes, fenced code as unfilled lines, tables as one tagged paragraph per row (which fits
//! any width, as a table may not), `code` and **bold** in bold, _emphasis_ in italic, and
//! links as their text, with the address after it unless it is an anchor of the page.

use std::mem;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use roff::{Inline, Roff, bold, italic, roman};

/// A Markdown document as roff: its title apart, to name the page, and the rest.
pub struct Converted {
    /// The text of the first `#` heading, if any, which the body leaves out.
    pub title: Option<String>,
    /// Everything else, in man macros, ready to follow a `.SH`.
    pub body: Roff,
}

/// Converts a Markdown document.
pub fn convert(markdown: &str) -> Converted {
    let mut writer = Writer::default();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        writer.event(event);
    }
    writer.flush();
    Converted {
        title: writer.title,
        body: writer.roff,
    }
}

/// How far a list item's text stands in from its bullet's margin, in ens.
const BULLET_INDENT: &str = "2";
/// The same for a numbered item (`10.` and a space).
const NUMBER_INDENT: &str = "4";
/// How far a code block outside a list stands in.
const CODE_INDENT: &str = "4";
/// How far a quote, and a table row's cells below its first, stand in.
const QUOTE_INDENT: &str = "4";

/// An empty macro argument: `.IP "" 2` continues an item without a new bullet.
const NO_TAG: &str = "\"\"";

/// The state of the walk.
#[derive(Default)]
struct Writer {
    roff: Roff,
    /// The text of the paragraph, item, heading or cell being read.
    line: Vec<Inline>,
    /// How many `**` and `_` are open around the text.
    strong: usize,
    emphasis: usize,
    /// The addresses of the links the text is in.
    links: Vec<Option<String>>,
    /// The lists the text is in, outermost first.
    lists: Vec<List>,
    /// The level of the heading being read.
    heading: Option<HeadingLevel>,
    /// The text of the code (or HTML) block being read.
    code: Option<String>,
    /// The table being read.
    table: Option<Table>,
    title: Option<String>,
}

/// An open list.
struct List {
    /// The number of the next item; `None` for bullets.
    number: Option<u64>,
    /// Whether the current item has written nothing since its bullet: its first block follows
    /// the bullet, later ones stand under its text.
    fresh: bool,
}

impl List {
    fn indent(&self) -> &'static str {
        match self.number {
            Some(_) => NUMBER_INDENT,
            None => BULLET_INDENT,
        }
    }
}

/// A table as it is read: its header cells, then its rows of cells.
#[derive(Default)]
struct Table {
    head: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
    row: Vec<Vec<Inline>>,
}

impl Writer {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => match &mut self.code {
                Some(code) => code.push_str(&text),
                None => self.push(&text),
            },
            Event::Code(text) => self.line.push(bold(text.to_string())),
            Event::Html(html) => match &mut self.code {
                Some(code) => code.push_str(&html),
                None => self.push(&html),
            },
            Event::InlineHtml(html) => self.push(&html),
            Event::SoftBreak => self.line.push(roman(" ")),
            Event::HardBreak => self.line.push(Inline::LineBreak),
            // A rule separates; the paragraph that follows starts afresh anyway.
            Event::Rule => self.flush(),
            // Not enabled by the options above: their text, so nothing is lost.
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push(&text),
            Event::FootnoteReference(name) => self.push(&format!("[^{name}]")),
            Event::TaskListMarker(done) => self.push(if done { "[x] " } else { "[ ] " }),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {}
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(level);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.roff.control("RS", [QUOTE_INDENT]);
            }
            Tag::CodeBlock(_) | Tag::HtmlBlock => {
                self.flush();
                self.code = Some(String::new());
            }
            Tag::List(first) => {
                self.flush();
                if let Some(outer) = self.lists.last() {
                    self.roff.control("RS", [outer.indent()]);
                }
                self.lists.push(List {
                    number: first,
                    fresh: false,
                });
            }
            Tag::Item => {
                self.flush();
                if let Some(list) = self.lists.last_mut() {
                    let bullet = match &mut list.number {
                        Some(n) => {
                            *n += 1;
                            format!("{}.", *n - 1)
                        }
                        None => r"\(bu".to_string(),
                    };
                    list.fresh = true;
                    let indent = list.indent();
                    self.roff.control("IP", [bullet.as_str(), indent]);
                }
            }
            Tag::Emphasis => self.emphasis += 1,
            Tag::Strong => self.strong += 1,
            Tag::Link {
                link_type,
                dest_url,
                ..
            }
            | Tag::Image {
                link_type,
                dest_url,
                ..
            } => {
                // An anchor of this page is said by its text (a section's name); an
                // autolink's text is its address already.
                let shown = !dest_url.starts_with('#')
                    && !matches!(link_type, LinkType::Autolink | LinkType::Email);
                self.links.push(shown.then(|| dest_url.to_string()));
            }
            Tag::Table(_) => {
                self.flush();
                self.table = Some(Table::default());
            }
            Tag::TableHead | Tag::TableRow | Tag::TableCell => {}
            // Not enabled by the options above; their text is read as any other.
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Item => self.flush(),
            TagEnd::Heading(_) => self.heading(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.roff.control("RE", []);
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock => self.code_block(),
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
                if let Some(outer) = self.lists.last_mut() {
                    self.roff.control("RE", []);
                    outer.fresh = false;
                }
            }
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Link | TagEnd::Image => {
                if let Some(Some(url)) = self.links.pop() {
                    self.line.push(roman(format!(" ({url})")));
                }
            }
            TagEnd::TableCell => {
                let cell = mem::take(&mut self.line);
                if let Some(table) = &mut self.table {
                    table.row.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table {
                    table.head = mem::take(&mut table.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    let row = mem::take(&mut table.row);
                    table.rows.push(row);
                }
            }
            TagEnd::Table => self.table(),
            TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::MetadataBlock(_) => {}
        }
    }

    /// Adds text in the font of the emphasis around it.
    fn push(&mut self, text: &str) {
        let inline = if self.strong > 0 {
            bold(text)
        } else if self.emphasis > 0 {
            italic(text)
        } else {
            roman(text)
        };
        self.line.push(inline);
    }

    /// Starts a block: a paragraph, or, in a list item, the item's first block after its
    /// bullet and each later one under its text.
    fn open_block(&mut self) {
        match self.lists.last_mut() {
            Some(list) if list.fresh => list.fresh = false,
            Some(list) => {
                let indent = list.indent();
                self.roff.control("IP", [NO_TAG, indent]);
            }
            None => {
                self.roff.control("PP", []);
            }
        }
    }

    /// Writes the text read so far as a block of its own, if there is any.
    fn flush(&mut self) {
        if self.line.is_empty() || self.table.is_some() {
            return;
        }
        let line = mem::take(&mut self.line);
        self.open_block();
        self.text(line);
    }

    /// Writes inline text as text lines, one per hard line break, with `.br` between.
    fn text(&mut self, line: Vec<Inline>) {
        let mut lines = line.split(|i| *i == Inline::LineBreak).peekable();
        while let Some(part) = lines.next() {
            self.roff.text(trim_start(part));
            if lines.peek().is_some() {
                self.roff.control("br", []);
            }
        }
    }

    /// The first `#` heading is the title; other headings of level 1 or 2 are sections (in
    /// capitals, as manual pages have them), deeper ones subsections.
    fn heading(&mut self) {
        let line = mem::take(&mut self.line);
        match self.heading.take() {
            Some(HeadingLevel::H1) if self.title.is_none() => {
                self.title = Some(plain(&line));
            }
            Some(HeadingLevel::H1 | HeadingLevel::H2) => {
                self.roff.control("SH", []);
                let upper = line.into_iter().map(uppercase).collect();
                self.text(upper);
            }
            _ => {
                self.roff.control("SS", []);
                self.text(line);
            }
        }
    }

    /// A code block: its lines as they are, unfilled, standing in (under the text of the
    /// list item it is in).
    fn code_block(&mut self) {
        let code = self.code.take().unwrap_or_default();
        let indent = match self.lists.last_mut() {
            Some(list) => {
                list.fresh = false;
                list.indent()
            }
            None => CODE_INDENT,
        };
        self.roff.control("IP", [NO_TAG, indent]);
        self.roff.control("nf", []);
        for line in code.strip_suffix('\n').unwrap_or(&code).split('\n') {
            self.roff.text([roman(line)]);
        }
        self.roff.control("fi", []);
    }

    /// A table: a tagged paragraph per row, its first cell the tag and each other cell a
    /// line under it, after its column's header when there are more than two (`required:
    /// yes`), so that a row reads whole at any width.
    fn table(&mut self) {
        let Some(table) = self.table.take() else {
            return;
        };
        let headers: Vec<String> = table.head.iter().map(|h| plain(h)).collect();
        for row in table.rows {
            let mut cells = row.into_iter().enumerate();
            self.roff.control("TP", [QUOTE_INDENT]);
            let tag = cells.next().map(|(_, c)| c).unwrap_or_default();
            self.text(tag);
            for (column, cell) in cells.filter(|(_, c)| !c.is_empty()) {
                // Every cell on a line of its own, the first too: after a short tag, `.TP`
                // would start it on the tag's line.
                self.roff.control("br", []);
                let mut line = Vec::with_capacity(cell.len() + 1);
                // Of two columns, the second says what the first is: no header needed.
                let header = headers
                    .get(column)
                    .filter(|h| headers.len() > 2 && !h.is_empty());
                if let Some(header) = header {
                    line.push(roman(format!("{header}: ")));
                }
                line.extend(cell);
                self.text(line);
            }
        }
    }
}

/// Inline text without the spaces it starts with: a text line that starts with one breaks
/// the line before it.
fn trim_start(line: &[Inline]) -> Vec<Inline> {
    let mut trimmed = Vec::with_capacity(line.len());
    for inline in line {
        match inline {
            Inline::Roman(t) | Inline::Italic(t) | Inline::Bold(t) if trimmed.is_empty() => {
                let rest = t.trim_start();
                if !rest.is_empty() {
                    trimmed.push(with_text(inline, rest));
                }
            }
            other => trimmed.push(other.clone()),
        }
    }
    trimmed
}

/// `inline`'s font with other text.
fn with_text(inline: &Inline, text: &str) -> Inline {
    match inline {
        Inline::Bold(_) => bold(text),
        Inline::Italic(_) => italic(text),
        Inline::Roman(_) | Inline::LineBreak => roman(text),
    }
}

/// Inline text in capitals.
fn uppercase(inline: Inline) -> Inline {
    match &inline {
        Inline::Roman(t) | Inline::Italic(t) | Inline::Bold(t) => {
            with_text(&inline, &t.to_uppercase())
        }
        Inline::LineBreak => inline,
    }
}

/// The text of inline runs, without their fonts.
fn plain(line: &[Inline]) -> String {
    line.iter()
        .map(|inline| match inline {
            Inline::Roman(t) | Inline::Italic(t) | Inline::Bold(t) => t.as_str(),
            Inline::LineBreak => " ",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The roff of a document's body, without the crate's apostrophe preamble.
    fn body(markdown: &str) -> String {
        convert(markdown).body.to_roff()
    }

    #[test]
    fn the_first_heading_is_the_title_and_the_others_sections() {
        let converted = convert("# The `x` format\n\nText.\n\n## Every key\n\n### Top level\n");
        assert_eq!(converted.title.as_deref(), Some("The x format"));
        assert_eq!(
            converted.body.to_roff(),
            ".PP\nText.\n.SH\nEVERY KEY\n.SS\nTop level\n"
        );
    }

    #[test]
    fn inline_code_bold_and_emphasis_keep_their_fonts() {
        assert_eq!(
            body("Use `--data`, **not** _this_ or *that*."),
            ".PP\nUse \\fB\\-\\-data\\fR, \\fBnot\\fR \\fIthis\\fR or \\fIthat\\fR.\n"
        );
    }

    #[test]
    fn a_paragraph_is_one_line_and_a_line_that_starts_with_a_dot_is_escaped() {
        assert_eq!(body("one\ntwo\n.three"), ".PP\none two .three\n");
        assert_eq!(body(".x and 'y'"), ".PP\n\\&.x and 'y'\n");
        assert_eq!(body("a  \n.b"), ".PP\na\n.br\n\\&.b\n");
    }

    #[test]
    fn backslashes_and_hyphens_are_escaped() {
        assert_eq!(
            body(r"`\u{1b}` and well-known"),
            ".PP\n\\fB\\\\u{1b}\\fR and well\\-known\n"
        );
    }

    #[test]
    fn links_keep_their_address_unless_it_is_an_anchor_of_the_page() {
        assert_eq!(
            body("[the plan](#the-plan), [docs](https://example.org/d) and <https://x.org>"),
            ".PP\nthe plan, docs (https://example.org/d) and https://x.org\n"
        );
    }

    #[test]
    fn code_blocks_keep_every_line_as_it_is() {
        let markdown = "```toml\n# a comment\n.dot = 'x'\n\n  indented \\ back\n```\n";
        assert_eq!(
            body(markdown),
            ".IP \"\" 4\n.nf\n# a comment\n\\&.dot = 'x'\n\n  indented \\\\ back\n.fi\n"
        );
    }

    #[test]
    fn nested_lists_stand_in_and_later_blocks_of_an_item_stand_under_its_text() {
        let markdown = "- one\n  - inner\n\n  more of one\n- two\n\n1. first\n2. second\n";
        assert_eq!(
            body(markdown),
            ".IP \\(bu 2\none\n.RS 2\n.IP \\(bu 2\ninner\n.RE\n.IP \"\" 2\nmore of one\n\
             .IP \\(bu 2\ntwo\n.IP 1. 4\nfirst\n.IP 2. 4\nsecond\n"
        );
    }

    #[test]
    fn a_code_block_in_an_item_stands_under_its_text() {
        assert_eq!(
            body("- one\n\n  ```\n  code\n  ```\n"),
            ".IP \\(bu 2\none\n.IP \"\" 2\n.nf\ncode\n.fi\n"
        );
    }

    #[test]
    fn quotes_stand_in() {
        assert_eq!(
            body("> quoted\n\nafter"),
            ".RS 4\n.PP\nquoted\n.RE\n.PP\nafter\n"
        );
    }

    #[test]
    fn a_table_row_is_a_tagged_paragraph_with_each_cell_after_its_header() {
        let markdown = "| key | required | meaning |\n|---|---|---|\n\
                        | `name` | yes | the name |\n| `motto` | | a motto |\n";
        assert_eq!(
            body(markdown),
            ".TP 4\n\\fBname\\fR\n.br\nrequired: yes\n.br\nmeaning: the name\n\
             .TP 4\n\\fBmotto\\fR\n.br\nmeaning: a motto\n"
        );
        assert_eq!(
            body("| Key | What it says |\n| --- | --- |\n| `name` | The name. |\n"),
            ".TP 4\n\\fBname\\fR\n.br\nThe name.\n"
        );
    }
}
