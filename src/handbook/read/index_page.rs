//! The index page's blocks read into an [`Index`]: the ladder's name and introduction, the
//! definitions of attributes and dimensions, and the list of level pages in ladder order.

use super::blocks::{self, Block, Item, Para};
use super::{heading_text, html_markers};
use crate::handbook::meta::{Comment, Key};
use crate::handbook::names::{kebab, split_emoji};
use crate::handbook::parsed::Index;
use crate::handbook::warning::{Warning, WarningKind, Warnings};
use crate::model::{Attribute, Band, Dimension, Discipline, Track};

/// Reads the index page `file`.
pub fn index(file: &str, text: &str, warnings: &mut Warnings) -> Index {
    let mut reader = IndexReader {
        file,
        index: Index::default(),
        section: String::new(),
        intro: String::new(),
        seen_heading: false,
        seen_content: false,
        intro_in_about: false,
        warnings,
    };
    // Block by block as the parser completes them: a large index is never held as a tree.
    blocks::parse_each(text, 1, &mut |block| {
        reader.blocks(std::slice::from_ref(&block), 0)
    });
    reader.index
}

/// The index read so far, and where the reader stands in it.
struct IndexReader<'a> {
    file: &'a str,
    index: Index,
    /// The current section's heading, as an id.
    section: String,
    /// The paragraph right before the current block, lower case: what introduces a list.
    intro: String,
    seen_heading: bool,
    /// Whether anything but the title has been read: the motto comes first.
    seen_content: bool,
    /// Whether the last paragraph went into the about text (taken back if it introduced a
    /// definition list).
    intro_in_about: bool,
    warnings: &'a mut Warnings,
}

impl IndexReader<'_> {
    fn blocks(&mut self, blocks: &[Block], depth: usize) {
        for block in blocks {
            let intro = std::mem::take(&mut self.intro);
            let intro_in_about = std::mem::take(&mut self.intro_in_about);
            match block {
                Block::Heading { level, text } => self.heading(*level, text),
                Block::Para(p) => {
                    self.intro_in_about = self.para(p);
                    self.intro = p.text().to_lowercase();
                }
                Block::List { items, ordered } => {
                    let structure = self.list(items, *ordered, &intro);
                    // The sentence that introduced a definition list is not about the ladder.
                    if structure && intro_in_about {
                        self.index.about.pop();
                    }
                }
                Block::Quote { blocks, .. } => {
                    for b in blocks {
                        if let Block::Para(p) = b {
                            self.index.about.push(p.text());
                        }
                    }
                }
                Block::Html { html, line } => {
                    if let Some(c) = Comment::parse(html.trim()) {
                        self.comment(&c);
                    } else if depth == 0 {
                        let (_, _, rest) = html_markers(html);
                        if !rest.trim().is_empty() {
                            self.blocks(&blocks::parse(&rest, *line), 1);
                        }
                    }
                }
                Block::Code { info, text, line } => {
                    // A Mermaid block is the export's drawing of the tracks.
                    if info != "mermaid" {
                        for (i, l) in text.lines().enumerate() {
                            if !l.trim().is_empty() {
                                let kind = WarningKind::Code(l.trim().to_string());
                                self.warnings
                                    .push(Warning::at(self.file, line + 1 + i, kind));
                            }
                        }
                    }
                }
                Block::FrontMatter { title, problem, .. } => {
                    // The page's title, as a static-site generator gives it; a `#` heading
                    // that is a name still wins.
                    if self.index.name.is_none() {
                        self.index.name = title.clone().filter(|t| !t.ends_with('?'));
                    }
                    if let Some((line, problem)) = problem {
                        let kind = WarningKind::FrontMatter(problem.clone());
                        self.warnings.push(Warning::at(self.file, *line, kind));
                    }
                }
                Block::Table(table) => self.table(table),
                Block::Rule => {}
            }
            self.seen_content |= !matches!(
                block,
                Block::Heading { level: 1, .. } | Block::Html { .. } | Block::FrontMatter { .. }
            );
        }
    }

    fn comment(&mut self, comment: &Comment) {
        if let Some(levels) = comment.strings(Key::Levels) {
            self.index.levels = Some(levels);
        }
    }

    fn heading(&mut self, level: usize, text: &Para) {
        if let Some(c) = text.comment() {
            self.comment(c);
        }
        let ours = text.comment().is_some_and(|c| c.has(Key::Levels));
        let name = heading_text(&text.text(), ours);
        if level == 1 && !self.seen_heading {
            self.seen_heading = true;
            // A question ("What do cloud engineers do?") is not a name: the folder's is used.
            if !name.ends_with('?') && !name.is_empty() {
                self.index.name = Some(name);
                return;
            }
        }
        self.seen_heading = true;
        self.section = kebab(&name);
    }

    /// Reads a paragraph; whether it went into the about text.
    fn para(&mut self, p: &Para) -> bool {
        let comment = p.comment();
        if let Some(c) = comment {
            self.comment(c);
            if c.has(Key::Caption) {
                return false;
            }
        }
        let text = p.text();
        let cards = shortcode_links(&text);
        if !cards.is_empty() {
            self.index.order.extend(cards);
            return false;
        }
        let bold_only = p.runs.len() == 1 && p.runs[0].bold == Some(p.runs[0].text.len());
        if bold_only && !self.seen_content && self.index.motto.is_none() {
            self.index.motto = Some(text);
        } else if !text.is_empty() {
            // Prose of the index is the ladder's about text, wherever it sits.
            self.index.about.push(text);
            return true;
        }
        false
    }

    /// Reads a list; whether it was structure (definitions, levels, tracks), not prose.
    fn list(&mut self, items: &[Item], ordered: bool, intro: &str) -> bool {
        let section = self.section.clone();
        let has = |key: Key| {
            items.iter().any(|i| {
                i.lead()
                    .and_then(|p| p.comment())
                    .is_some_and(|c| c.has(key))
            })
        };
        let linked = items.iter().filter(|i| page_link(i).is_some()).count();
        // Only a list of `**Name**: meaning` items holds definitions; bolded principles
        // (`**Customers first**` and a paragraph) and `**L1 to L3** …` are prose.
        let labelled = |item: &Item| {
            item.blocks.len() == 1
                && item
                    .lead()
                    .and_then(|p| p.labelled())
                    .is_some_and(|l| l.colon)
        };
        let all_labelled = items.iter().all(labelled);
        if has(Key::Track) {
            items.iter().for_each(|i| self.track(i));
        } else if linked > 0 && linked * 2 >= items.len() {
            self.level_list(items, ordered);
        } else if all_labelled && (section.contains("discipline") || has(Key::Discipline)) {
            items.iter().for_each(|i| self.discipline(i));
        } else if all_labelled && (section.contains("band") || has(Key::Band)) {
            items.iter().for_each(|i| self.band(i));
        } else if has(Key::Attribute)
            || (all_labelled
                && self.index.attributes.is_empty()
                && !says_dimensions(intro)
                && !says_dimensions(&section))
        {
            items.iter().for_each(|i| self.attribute(i));
        } else if has(Key::Dimension) || dimension_list(items, intro, &section) {
            for item in items {
                if let Some(p) = item.lead() {
                    self.index.dimensions.push(dimension_from(p));
                }
            }
        } else {
            for item in items {
                self.about_item(item);
            }
            return false;
        }
        true
    }

    /// The list of links to level pages, in ladder order; a nested list (pages grouped by
    /// track, say) is read in place.
    fn level_list(&mut self, items: &[Item], ordered: bool) {
        for item in items {
            match page_link(item) {
                Some(target) => self.index.order.push(target),
                None => {
                    if let Some(p) = item.lead() {
                        let kind = WarningKind::NumberedItem(p.text());
                        let _ = ordered;
                        self.warnings.push(Warning::at(self.file, p.line(), kind));
                    }
                }
            }
            for block in item.blocks.iter().skip(1) {
                if let Block::List { items, ordered } = block {
                    self.level_list(items, *ordered);
                }
            }
        }
    }

    /// A table on the index, as lines of the about text: each row's cells after their headers.
    fn table(&mut self, table: &blocks::Table) {
        for row in &table.rows {
            let cells: Vec<String> = (row.iter().zip(&table.header))
                .map(|(cell, header)| (header.text(), cell.text()))
                .filter(|(_, cell)| !cell.is_empty())
                .map(|(header, cell)| match header.as_str() {
                    "" => cell,
                    h => format!("{h}: {cell}"),
                })
                .collect();
            if !cells.is_empty() {
                self.index.about.push(format!("- {}", cells.join("; ")));
            }
        }
    }

    /// A list item of prose, as one line of the about text: `- Name: its paragraph`.
    fn about_item(&mut self, item: &Item) {
        let mut line = String::new();
        for block in &item.blocks {
            match block {
                Block::Para(p) if line.is_empty() => line = format!("- {}", p.text()),
                Block::Para(p) => {
                    let ends = line.ends_with(|c: char| c.is_ascii_punctuation());
                    line += if ends { " " } else { ": " };
                    line += &p.text();
                }
                Block::List { items, .. } => {
                    if !line.is_empty() {
                        self.index.about.push(std::mem::take(&mut line));
                    }
                    items.iter().for_each(|i| self.about_item(i));
                }
                _ => {}
            }
        }
        if !line.is_empty() {
            self.index.about.push(line);
        }
    }

    fn track(&mut self, item: &Item) {
        let Some(p) = item.lead() else { return };
        let Some(c) = p.comment() else { return };
        let Some(id) = c.text(Key::Track) else {
            return self.about_item(item);
        };
        let name = p
            .labelled()
            .map(|l| l.name)
            .unwrap_or_else(|| id.to_string());
        self.index.tracks.push(Track {
            id: id.to_string(),
            name,
            roles: c.strings(Key::Roles).unwrap_or_default(),
        });
    }

    fn discipline(&mut self, item: &Item) {
        let Some((p, name, definition)) = labelled(item) else {
            return;
        };
        let id = id_or(p, Key::Discipline, &name);
        self.index.disciplines.push(Discipline {
            id,
            name,
            definition,
        });
    }

    fn band(&mut self, item: &Item) {
        let Some((p, name, meaning)) = labelled(item) else {
            return;
        };
        let id = id_or(p, Key::Band, &name);
        self.index.bands.push(Band { id, name, meaning });
    }

    fn attribute(&mut self, item: &Item) {
        let Some((p, name, meaning)) = labelled(item) else {
            return self.about_item(item);
        };
        let id = id_or(p, Key::Attribute, &name);
        self.index.attributes.push(Attribute { id, name, meaning });
    }
}

/// An item's `**Name**: text` lead as (paragraph, name, text).
fn labelled(item: &Item) -> Option<(&Para, String, String)> {
    let p = item.lead()?;
    let l = p.labelled()?;
    Some((p, l.name, l.value))
}

/// The id a comment gives, else the name's.
fn id_or(p: &Para, key: Key, name: &str) -> String {
    p.comment()
        .and_then(|c| c.text(key))
        .map(String::from)
        .unwrap_or_else(|| kebab(name))
}

/// The page an item links to: a relative link to a file (`L2.md`, `./Analyst/L2-Analyst.md`),
/// not a web address or an anchor.
fn page_link(item: &Item) -> Option<String> {
    let target = item.lead()?.links().next()?;
    let target = target.split('#').next().unwrap_or("");
    let web = target.contains("://") || target.starts_with("mailto:") || target.starts_with('/');
    // Links to files with spaces in their names spell them `%20`.
    let target = target.trim_start_matches("./").replace("%20", " ");
    (!web && !target.is_empty()).then_some(target)
}

/// The pages a static site's shortcodes link, in order: `{{< card link="senior-engineer"
/// title="3. Senior Engineer" >}}` (Hugo; `{{% … %}}` too) gives `senior-engineer`. Links to
/// the web or to an anchor are not pages.
fn shortcode_links(text: &str) -> Vec<String> {
    let mut links = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let inner = &rest[open + 2..];
        let end = inner.find("}}").unwrap_or(inner.len());
        let code = &inner[..end];
        rest = &inner[end..];
        let Some(at) = code.find("link=\"").or_else(|| code.find("href=\"")) else {
            continue;
        };
        let value = &code[at + 6..];
        let target = &value[..value.find('"').unwrap_or(value.len())];
        let web = target.contains("://") || target.starts_with('#') || target.starts_with('/');
        if !web && !target.is_empty() {
            links.push(target.trim_start_matches("./").to_string());
        }
    }
    links
}

/// Whether a paragraph or heading says that dimensions follow.
fn says_dimensions(text: &str) -> bool {
    ["dimension", "competenc", "areas", "pillars", "axes"]
        .iter()
        .any(|w| text.contains(w))
}

/// Whether a list names dimensions: introduced as such, or every item a short name.
fn dimension_list(items: &[Item], intro: &str, section: &str) -> bool {
    let said = says_dimensions(intro) || says_dimensions(section);
    let short = items.iter().all(|i| {
        i.blocks.len() == 1
            && i.lead().is_some_and(|p| {
                p.runs.len() == 1 && p.runs[0].bold.is_none() && looks_like_dimension(&p.text())
            })
    });
    said || (short && intro.trim_end().ends_with(':'))
}

/// A dimension bullet: an emoji, or a short name without a sentence's full stop.
fn looks_like_dimension(text: &str) -> bool {
    let (emoji, name) = split_emoji(text);
    emoji.is_some() || (!name.ends_with('.') && name.split_whitespace().count() <= 5)
}

/// A dimension bullet of the index as a dimension.
fn dimension_from(p: &Para) -> Dimension {
    let comment = p.comment().cloned().unwrap_or_else(Comment::empty);
    let text = p.text();
    // "🦉 Domain Expertise (themes: a, b)": the parenthesis lists theme names for people.
    let text = match text.rfind(" (themes:") {
        Some(i) => &text[..i],
        None => &text,
    };
    // "**Delivery**: what ships": the name is the bold part.
    let text = match p.labelled() {
        Some(l) if comment.emoji().is_none() => l.name,
        _ => text.to_string(),
    };
    let text = heading_text(&text, p.comment().is_some());
    // The export names the emoji in its comment; take exactly that off the front.
    let (emoji, name) = match comment.emoji().flatten().and_then(|e| text.strip_prefix(e)) {
        Some(rest) => (None, rest.trim().to_string()),
        None => split_emoji(&text),
    };
    Dimension {
        id: comment
            .text(Key::Dimension)
            .map(String::from)
            .unwrap_or_else(|| kebab(&name)),
        emoji: match comment.emoji() {
            Some(said) => said.map(String::from),
            None => emoji,
        },
        themes: comment.themes(),
        name,
    }
}

#[cfg(test)]
mod tests {
    use super::shortcode_links;

    #[test]
    fn cards_link_their_pages_in_order() {
        let text = "{{< cards >}} {{< card link=\"associate\" title=\"1. Associate\" >}} \
                    {{% card href=\"./senior/\" %}} {{< card link=\"https://x.org\" >}} {{< /cards >}}";
        assert_eq!(shortcode_links(text), ["associate", "senior/"]);
        assert_eq!(shortcode_links("{{ unclosed link=\"x"), ["x"]);
    }
}
