//! A page's YAML front matter (`---` … `---` atop it, as static-site generators write it) read
//! with a YAML parser (`saphyr-parser`), whose events are walked for the two keys that mean
//! anything to a ladder: `title`, and `weight`, the place static-site generators give a page
//! in its section.

use saphyr_parser::{Event, Parser, ScalarStyle};

/// The keys of a page's front matter that a ladder reads.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Fields {
    pub title: Option<String>,
    /// `weight`: a page of smaller weight comes first.
    pub weight: Option<i64>,
}

/// The `title` and `weight` of the front matter `yaml`, whose first line is line `first_line`
/// of its page: a title with its runs of white space made one space (a block scalar's lines
/// are one title), `None` when it has none or it is null or empty; a weight when it is an
/// integer. Errs with the line of the page and what the parser said, when `yaml` is not YAML.
pub fn fields(yaml: &str, first_line: usize) -> Result<Fields, (usize, String)> {
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
    Ok(walk.fields)
}

/// The title alone (see [`fields`]).
#[cfg(test)]
fn title(yaml: &str, first_line: usize) -> Result<Option<String>, (usize, String)> {
    fields(yaml, first_line).map(|f| f.title)
}

/// Where the walk stands in the document: how deep in collections, whether the document is a
/// mapping, how many of the mapping's keys and values have passed, and the last key when it
/// is one read.
#[derive(Default)]
struct Walk {
    depth: usize,
    mapping: bool,
    nodes: usize,
    key: Option<Key>,
    fields: Fields,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Title,
    Weight,
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
        let key = self.nodes.is_multiple_of(2);
        self.nodes += 1;
        if key {
            self.key = match scalar {
                Some("title") => Some(Key::Title),
                Some("weight") => Some(Key::Weight),
                _ => None,
            };
            return;
        }
        let fields = &mut self.fields;
        match self.key {
            Some(Key::Title) if fields.title.is_none() => {
                let words: Vec<&str> = scalar.unwrap_or("").split_whitespace().collect();
                fields.title = (!words.is_empty()).then(|| words.join(" "));
            }
            Some(Key::Weight) if fields.weight.is_none() => {
                fields.weight = scalar.and_then(|w| w.trim().parse().ok());
            }
            _ => {}
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
    fn the_weight_is_an_integer_of_the_top_mapping() {
        let weight = |yaml: &str| fields(yaml, 1).map(|f| f.weight);
        assert_eq!(weight("title: A\nweight: 30\n"), Ok(Some(30)));
        assert_eq!(weight("weight: -2\n"), Ok(Some(-2)));
        assert_eq!(weight("weight: heavy\n"), Ok(None));
        assert_eq!(weight("menu:\n  weight: 3\n"), Ok(None));
    }

    #[test]
    fn front_matter_that_is_not_yaml_says_where() {
        let (line, _) = title("title: a\n  b: c: d\n", 5).expect_err("not YAML");
        assert_eq!(line, 6);
    }
}
