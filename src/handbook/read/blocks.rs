//! A page's Markdown parsed by `pulldown-cmark` into a small tree of blocks whose text is
//! plain (emphasis, escapes and entities undone), each with its line on the page. The readers
//! of the index and the level pages walk this tree; nothing else here knows ladders.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::front_matter;
use crate::handbook::meta::Comment;

/// One line of a paragraph or heading, its Markdown undone.
#[derive(Debug, Default, Clone)]
pub struct Run {
    pub text: String,
    /// Where a bold span that opens the line ends in `text`: `**Name**: value`.
    pub bold: Option<usize>,
    /// The targets of the line's links, in order.
    pub links: Vec<String>,
    /// Whether the line opens with a link (a navigation line, a link to a page).
    pub starts_with_link: bool,
    /// Whether the line has words outside its links (a line of links only has none).
    pub unlinked_words: bool,
    /// A `<!-- ladder {json} -->` comment on the line (boxed: most lines have none, and a
    /// large page has many lines).
    pub comment: Option<Box<Comment>>,
    /// The 1-based line on the page.
    pub line: usize,
}

/// A paragraph or a heading's text: one run per source line.
#[derive(Debug, Default, Clone)]
pub struct Para {
    pub runs: Vec<Run>,
}

impl Para {
    /// The whole text, lines joined by spaces (as Markdown renders a soft break), trimmed.
    pub fn text(&self) -> String {
        let lines: Vec<&str> = self
            .runs
            .iter()
            .map(|r| r.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        lines.join(" ")
    }

    /// The line the paragraph starts on.
    pub fn line(&self) -> usize {
        self.runs.first().map_or(1, |r| r.line)
    }

    /// The last metadata comment in the paragraph.
    pub fn comment(&self) -> Option<&Comment> {
        self.runs.iter().rev().find_map(|r| r.comment.as_deref())
    }

    /// The paragraph's link targets.
    pub fn links(&self) -> impl Iterator<Item = &String> {
        self.runs.iter().flat_map(|r| r.links.iter())
    }

    /// Whether the paragraph is links and nothing else (separators such as `·` or `|` aside):
    /// a line of navigation.
    pub fn only_links(&self) -> bool {
        self.links().next().is_some() && self.runs.iter().all(|r| !r.unlinked_words)
    }

    /// `**Name**: value` or `**Name:** value` as (name, value); the value runs on over the
    /// paragraph's other lines. `colon` is whether a colon follows the name.
    pub fn labelled(&self) -> Option<Labelled> {
        let first = self.runs.first()?;
        labelled_run(first).map(|mut l| {
            for r in &self.runs[1..] {
                let t = r.text.trim();
                if !t.is_empty() {
                    if !l.value.is_empty() {
                        l.value.push(' ');
                    }
                    l.value.push_str(t);
                }
            }
            l
        })
    }
}

/// A bold label and the text after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Labelled {
    pub name: String,
    pub value: String,
    /// Whether a colon ends the label, inside the bold or right after it.
    pub colon: bool,
}

/// One line read as `**Name**: value`.
pub fn labelled_run(run: &Run) -> Option<Labelled> {
    let end = run.bold?;
    let name = run.text[..end].trim();
    let rest = run.text[end..].trim_start();
    let colon = name.ends_with(':') || rest.starts_with(':');
    let name = name.trim_end_matches(':').trim();
    let value = rest.strip_prefix(':').unwrap_or(rest).trim();
    (!name.is_empty()).then(|| Labelled {
        name: name.to_string(),
        value: value.to_string(),
        colon,
    })
}

/// A block of a page.
#[derive(Debug, Clone)]
pub enum Block {
    Heading {
        level: usize,
        text: Para,
    },
    Para(Para),
    List {
        ordered: bool,
        items: Vec<Item>,
    },
    Quote {
        blocks: Vec<Block>,
        line: usize,
    },
    /// An HTML block as written (`<details>`, `<summary>…</summary>`, comments).
    Html {
        html: String,
        line: usize,
    },
    /// YAML front matter (`---` … `---` at the top of a page, as static-site generators
    /// write it): only its `title`, if it has one, means anything to a ladder; `problem` is
    /// the line and what the YAML parser said, when it is not YAML.
    FrontMatter {
        title: Option<String>,
        /// Its `weight`: where a static-site generator places the page.
        weight: Option<i64>,
        line: usize,
        problem: Option<(usize, String)>,
    },
    /// A Markdown table (GitHub's pipe tables).
    Table(Table),
    /// A fenced or indented code block: its info string and lines.
    Code {
        info: String,
        text: String,
        line: usize,
    },
    Rule,
}

/// A Markdown table: its header cells and its rows, each cell one paragraph of text.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub header: Vec<Para>,
    pub rows: Vec<Vec<Para>>,
}

/// A list item: its blocks (a tight item's text is a paragraph too).
#[derive(Debug, Clone)]
pub struct Item {
    pub line: usize,
    pub blocks: Vec<Block>,
}

impl Item {
    /// The item's first paragraph, when it opens with one.
    pub fn lead(&self) -> Option<&Para> {
        match self.blocks.first() {
            Some(Block::Para(p)) => Some(p),
            _ => None,
        }
    }
}

/// A container being filled while the events are walked.
enum Frame {
    Blocks(Vec<Block>),
    Quote(Vec<Block>, usize),
    List(bool, Vec<Item>),
    Item(Vec<Block>, usize),
    /// A table, and the cells of the row being read.
    Table(Table, Vec<Para>),
}

/// The blocks of `text`, whose first line is line `first_line` of its page.
pub fn parse(text: &str, first_line: usize) -> Vec<Block> {
    let mut blocks = Vec::new();
    parse_each(text, first_line, &mut |b| blocks.push(b));
    blocks
}

/// Hands each top-level block of `text` to `sink` as soon as it is complete, so a reader holds
/// one block at a time, never the tree of a whole large page.
pub fn parse_each(text: &str, first_line: usize, sink: &mut dyn FnMut(Block)) {
    // Where each line starts, as 32 bits: a page is at most 64 MiB (folder::MAX_TOTAL_BYTES),
    // and a page of short lines would otherwise hold 8 bytes of this per 2 of text.
    let mut starts: Vec<u32> = vec![0];
    starts.extend(
        text.match_indices('\n')
            .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)),
    );
    let line_of =
        |offset: usize| starts.partition_point(|&s| s as usize <= offset) + first_line - 1;
    let mut walk = Walk {
        stack: vec![Frame::Blocks(Vec::new())],
        para: None,
        bold: None,
        depth_strong: 0,
        in_image: 0,
        in_link: 0,
        raw: None,
        too_deep: 0,
    };
    for (event, range) in Parser::new_ext(
        text,
        Options::ENABLE_YAML_STYLE_METADATA_BLOCKS | Options::ENABLE_TABLES,
    )
    .into_offset_iter()
    {
        walk.event(event, line_of(range.start), line_of(range.end.max(1) - 1));
        walk.drain(sink);
    }
    walk.close_para();
    walk.drain(sink);
}

/// The walk over the parser's events: a stack of open containers and the open paragraph.
struct Walk {
    stack: Vec<Frame>,
    para: Option<(Para, Option<usize>)>,
    /// Whether a bold span opened the current line (so its end marks the label).
    bold: Option<()>,
    depth_strong: usize,
    in_image: usize,
    /// How many links are open: text outside them is words of the line's own.
    in_link: usize,
    /// An HTML or code block's text being gathered: (html?, info, text, line).
    raw: Option<(bool, String, String, usize)>,
    /// How many containers are open beyond [`MAX_DEPTH`]: their content goes to the deepest
    /// one kept.
    too_deep: usize,
}

/// The info the walk gives front matter while it gathers its text (no code block's info
/// string holds a NUL).
const FRONT_MATTER: &str = "\0front matter";

/// The deepest nesting of lists and quotes kept: deeper ones are read as part of the one at
/// this depth, so that a page of `- - - - …` cannot exhaust the stack of the readers (which
/// recurse into nested lists) or of dropping the tree.
const MAX_DEPTH: usize = 16;

impl Walk {
    fn event(&mut self, event: Event<'_>, line: usize, end_line: usize) {
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some((_, _, raw, _)) = &mut self.raw {
                    raw.push_str(&text);
                } else if self.in_image == 0 {
                    let outside = self.in_link == 0 && text.chars().any(char::is_alphanumeric);
                    let run = self.run(line);
                    run.text.push_str(&text);
                    run.unlinked_words |= outside;
                }
            }
            Event::Code(code) => {
                let outside = self.in_link == 0;
                let run = self.run(line);
                run.unlinked_words |= outside;
                run.text.push('`');
                run.text.push_str(&code);
                run.text.push('`');
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => self.run(line).text.push_str(&t),
            Event::Html(html) => match &mut self.raw {
                Some((_, _, raw, _)) => raw.push_str(&html),
                None => self.push(Block::Html {
                    html: html.to_string(),
                    line,
                }),
            },
            Event::InlineHtml(html) => self.inline_html(&html, line),
            Event::SoftBreak => {
                let next = end_line + 1;
                self.open_para(line).0.runs.push(Run {
                    line: next,
                    ..Run::default()
                });
                self.bold = None;
            }
            Event::HardBreak => self.run(line).text.push('\n'),
            Event::Rule => self.push(Block::Rule),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: usize) {
        let container = matches!(tag, Tag::BlockQuote(_) | Tag::List(_) | Tag::Item);
        if container && (self.too_deep > 0 || self.stack.len() >= MAX_DEPTH) {
            self.too_deep += 1;
            return;
        }
        match tag {
            Tag::Paragraph => {
                self.close_para();
                self.open_para(line);
            }
            Tag::Heading { level, .. } => {
                self.close_para();
                self.open_para(line).1 = Some(level as usize);
            }
            Tag::BlockQuote(_) => {
                self.close_para();
                self.stack.push(Frame::Quote(Vec::new(), line));
            }
            Tag::CodeBlock(kind) => {
                self.close_para();
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.trim().to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.raw = Some((false, info, String::new(), line));
            }
            Tag::HtmlBlock => {
                self.close_para();
                self.raw = Some((true, String::new(), String::new(), line));
            }
            Tag::MetadataBlock(_) => {
                self.close_para();
                self.raw = Some((false, FRONT_MATTER.to_string(), String::new(), line));
            }
            Tag::List(first) => {
                self.close_para();
                self.stack.push(Frame::List(first.is_some(), Vec::new()));
            }
            Tag::Item => {
                self.close_para();
                self.stack.push(Frame::Item(Vec::new(), line));
            }
            Tag::Strong => {
                let run = self.run(line);
                if run.text.trim().is_empty() && run.bold.is_none() {
                    self.bold = Some(());
                }
                self.depth_strong += 1;
            }
            Tag::Link { dest_url, .. } => {
                let run = self.run(line);
                if run.text.trim().is_empty() && run.links.is_empty() {
                    run.starts_with_link = true;
                }
                run.links.push(dest_url.to_string());
                self.in_link += 1;
            }
            Tag::Image { .. } => self.in_image += 1,
            Tag::Table(_) => {
                self.close_para();
                self.stack.push(Frame::Table(Table::default(), Vec::new()));
            }
            Tag::TableCell => {
                self.close_para();
                self.open_para(line);
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        let container = matches!(tag, TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item);
        if container && self.too_deep > 0 {
            self.too_deep -= 1;
            return;
        }
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.close_para(),
            TagEnd::BlockQuote(_) => {
                self.close_para();
                if let Some(Frame::Quote(blocks, line)) = self.stack.pop() {
                    self.push(Block::Quote { blocks, line });
                }
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                if let Some((html, info, text, line)) = self.raw.take() {
                    self.push(if html {
                        Block::Html { html: text, line }
                    } else if info == FRONT_MATTER {
                        // The YAML starts on the line after the opening `---`.
                        let (fields, problem) = match front_matter::fields(&text, line + 1) {
                            Ok(fields) => (fields, None),
                            Err(problem) => (Default::default(), Some(problem)),
                        };
                        Block::FrontMatter {
                            title: fields.title,
                            weight: fields.weight,
                            line,
                            problem,
                        }
                    } else {
                        Block::Code { info, text, line }
                    });
                }
            }
            TagEnd::List(_) => {
                self.close_para();
                if let Some(Frame::List(ordered, items)) = self.stack.pop() {
                    self.push(Block::List { ordered, items });
                }
            }
            TagEnd::Item => {
                self.close_para();
                if let Some(Frame::Item(blocks, line)) = self.stack.pop()
                    && let Some(Frame::List(_, items)) = self.stack.last_mut()
                {
                    items.push(Item { line, blocks });
                }
            }
            TagEnd::Strong => {
                self.depth_strong = self.depth_strong.saturating_sub(1);
                if self.depth_strong == 0
                    && self.bold.take().is_some()
                    && let Some((para, _)) = &mut self.para
                    && let Some(run) = para.runs.last_mut()
                {
                    run.bold = Some(run.text.len());
                }
            }
            TagEnd::Image => self.in_image = self.in_image.saturating_sub(1),
            TagEnd::Link => self.in_link = self.in_link.saturating_sub(1),
            TagEnd::TableCell => {
                self.bold = None;
                self.depth_strong = 0;
                let cell = self.para.take().map(|(p, _)| p).unwrap_or_default();
                if let Some(Frame::Table(_, row)) = self.stack.last_mut() {
                    row.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(Frame::Table(table, row)) = self.stack.last_mut() {
                    let row = std::mem::take(row);
                    if table.header.is_empty() && matches!(tag, TagEnd::TableHead) {
                        table.header = row;
                    } else {
                        table.rows.push(row);
                    }
                }
            }
            TagEnd::Table => {
                self.close_para();
                if let Some(Frame::Table(table, _)) = self.stack.pop() {
                    self.push(Block::Table(table));
                }
            }
            _ => {}
        }
    }

    /// `<br>` is a line break within a text; a ladder comment is kept; other tags are dropped
    /// (their text stays).
    fn inline_html(&mut self, html: &str, line: usize) {
        let tag = html.trim().to_ascii_lowercase();
        if matches!(tag.as_str(), "<br>" | "<br/>" | "<br />") {
            self.run(line).text.push('\n');
        } else if let Some(comment) = Comment::parse(html.trim()) {
            self.run(line).comment = Some(Box::new(comment));
        }
    }

    /// The open paragraph, opened (an item's tight text has none of its own) when there is none.
    fn open_para(&mut self, line: usize) -> &mut (Para, Option<usize>) {
        self.para.get_or_insert_with(|| {
            (
                Para {
                    runs: vec![Run {
                        line,
                        ..Run::default()
                    }],
                },
                None,
            )
        })
    }

    /// The current line of the open paragraph.
    fn run(&mut self, line: usize) -> &mut Run {
        let (para, _) = self.open_para(line);
        if para.runs.is_empty() {
            para.runs.push(Run {
                line,
                ..Run::default()
            });
        }
        let last = para.runs.len() - 1;
        &mut para.runs[last]
    }

    fn close_para(&mut self) {
        self.bold = None;
        self.depth_strong = 0;
        if let Some((text, heading)) = self.para.take() {
            self.push(match heading {
                Some(level) => Block::Heading { level, text },
                None => Block::Para(text),
            });
        }
    }

    /// Hands the completed top-level blocks to `sink`.
    fn drain(&mut self, sink: &mut dyn FnMut(Block)) {
        if let [Frame::Blocks(done)] = self.stack.as_mut_slice() {
            for block in done.drain(..) {
                sink(block);
            }
        }
    }

    fn push(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(Frame::Blocks(b) | Frame::Quote(b, _) | Frame::Item(b, _)) => b.push(block),
            // A block straight in a list cannot happen; kept rather than lost if it does.
            Some(Frame::List(_, items)) => items.push(Item {
                line: 0,
                blocks: vec![block],
            }),
            // A table holds only cells of text: no block can open inside one.
            Some(Frame::Table(..)) | None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_nest_and_lazy_lines_continue() {
        let blocks = parse(
            "# T\n\n- **Horizon:** two\nquarters\n- Within my group:\n  - one\n\n> _quote_\n",
            1,
        );
        let Block::List { items, .. } = &blocks[1] else {
            panic!("{blocks:#?}")
        };
        let lead = items[0].lead().expect("lead");
        assert_eq!(
            lead.labelled(),
            Some(Labelled {
                name: "Horizon".into(),
                value: "two quarters".into(),
                colon: true
            })
        );
        assert_eq!(items[1].blocks.len(), 2);
        let Block::Quote { blocks: q, line } = &blocks[2] else {
            panic!()
        };
        assert_eq!(*line, 8);
        let Block::Para(p) = &q[0] else { panic!() };
        assert_eq!(p.text(), "quote");
    }

    #[test]
    fn tables_are_read_cell_by_cell_and_links_alone_are_told_apart() {
        let blocks = parse(
            "| Scope | Depth |\n|---|---|\n| **One** area | [logs](l.md) |\n| x |\n\n\
             [A](a.md) · [B](b.md)\n\nSee [A](a.md).\n",
            1,
        );
        let Block::Table(table) = &blocks[0] else {
            panic!("{blocks:#?}")
        };
        let text = |row: &[Para]| row.iter().map(Para::text).collect::<Vec<_>>();
        assert_eq!(text(&table.header), ["Scope", "Depth"]);
        let rows: Vec<Vec<String>> = table.rows.iter().map(|r| text(r)).collect();
        assert_eq!(rows, [["One area", "logs"], ["x", ""]]);
        assert_eq!(table.rows[0][1].line(), 3);
        let [Block::Para(links), Block::Para(sentence)] = &blocks[1..] else {
            panic!("{blocks:#?}")
        };
        assert!(links.only_links() && !sentence.only_links());
    }

    #[test]
    fn comments_and_escapes() {
        let blocks = parse(
            "- Owns \\*it\\*.<br>Next <!-- ladder {\"theme\":\"depth\"} -->\n",
            1,
        );
        let Block::List { items, .. } = &blocks[0] else {
            panic!()
        };
        let lead = items[0].lead().expect("lead");
        assert_eq!(lead.text(), "Owns *it*.\nNext");
        assert_eq!(
            lead.comment()
                .and_then(|c| c.text(crate::handbook::meta::Key::Theme)),
            Some("depth")
        );
    }
}
