//! A page's YAML front matter (`---` … `---` atop it, as static-site generators write it) read
//! with a YAML parser (`saphyr-parser`), whose events are walked for the one key that means
//! anything to a ladder: `title`.

use saphyr_parser::{Event, Parser, ScalarStyle};

/// The `title` of the front matter `yaml`, whose first line is line `first_line` of its page:
/// a string with its runs of white space made one space (a block scalar's lines are one
/// title), `None` when it has none or it is null or empty. Errs with the line of the page
/// and what the parser said, when `yaml` is not YAML.
pub fn title(yaml: &str, first_line: usize) -> Result<Option<String>, (usize, String)> {
    let mut walk = Walk::default();
    for event in Parser::new_from_str(yaml) {
        let (event, _) = event.map_err(|e| {
            let line = first_line + e.marker().line().saturating_sub(1);
            (line, e.info().to_string())
        })?;
        if !walk.event(event) {
            break;
        }
    }
    Ok(walk.title)
}

/// Where the walk stands in the document: how deep in collections, whether the document is a
/// mapping, how many of the mapping's keys and values have passed, and whether the last key
/// was `title`.
#[derive(Default)]
struct Walk {
    depth: usize,
    mapping: bool,
    nodes: usize,
    at_title: bool,
    title: Option<String>,
}

impl Walk {
    /// Takes one event; whether the walk goes on (it stops at the end of the first document).
    fn event(&mut self, event: Event<'_>) -> bool {
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if self.depth == 0 {
                    self.mapping = matches!(event, Event::MappingStart(..));
                }
                self.depth += 1;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 1 {
                    self.node(None);
                }
            }
            Event::Scalar(value, style, ..) if self.depth == 1 => {
                let null = style == ScalarStyle::Plain
                    && matches!(&*value, "~" | "null" | "Null" | "NULL");
                self.node((!null).then_some(&value));
            }
            Event::Alias(_) if self.depth == 1 => self.node(None),
            Event::DocumentEnd => return false,
            _ => {}
        }
        true
    }

    /// A key or a value of the top mapping has passed: a scalar's text, or `None`.
    fn node(&mut self, scalar: Option<&str>) {
        if !self.mapping {
            return;
        }
        let key = self.nodes % 2 == 0;
        self.nodes += 1;
        if key {
            self.at_title = scalar == Some("title");
        } else if self.at_title && self.title.is_none() {
            let words: Vec<&str> = scalar.unwrap_or("").split_whitespace().collect();
            self.title = (!words.is_empty()).then(|| words.join(" "));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_is_read_as_yaml_reads_it() {
        let read = |yaml: &str| title(yaml, 1);
        assert_eq!(read("title: Plain\n"), Ok(Some("Plain".into())));
        assert_eq!(
            read("title: \"Quoted: yes\"\n"),
            Ok(Some("Quoted: yes".into()))
        );
        assert_eq!(
            read("title: |\n  Block\n  scalar\n"),
            Ok(Some("Block scalar".into()))
        );
        assert_eq!(read("title: >-\n  Folded\n"), Ok(Some("Folded".into())));
        assert_eq!(read("layout: x\ntitle: ~\n"), Ok(None));
        assert_eq!(read("nav:\n  title: Nested\n"), Ok(None));
        assert_eq!(read("title: [a, b]\nname: x\n"), Ok(None));
        assert_eq!(read("- title\n- x\n"), Ok(None));
        assert_eq!(read(""), Ok(None));
    }

    #[test]
    fn front_matter_that_is_not_yaml_says_where() {
        let (line, _) = title("title: a\n  b: c: d\n", 5).expect_err("not YAML");
        assert_eq!(line, 6);
    }
}
