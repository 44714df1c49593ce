//! A page that holds several levels, cut at its level headings: a track page whose `##`
//! sections are levels (`## D1 - Developer 1`, or `## Senior Engineer` over the same `###`
//! dimensions as its neighbours), or a page of several `#` headings (`# Engineer I`,
//! `# Engineer II`). Each part is then read as a level page of its own.

use std::collections::{HashMap, HashSet};

use super::blocks::{self, Block};
use super::page::split_level;
use crate::handbook::names::{is_level_code, kebab};
use crate::handbook::seniority;
use crate::handbook::words::Words;

/// One level of a page: its heading, the `#` heading it sits under when its levels are `##`
/// sections (`# Managers`, or the track a page is about), the line of its heading, and the byte range of its text after the
/// heading line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub heading: String,
    pub group: Option<String>,
    pub line: usize,
    pub body: std::ops::Range<usize>,
}

/// A heading of the page: its depth, text and line.
struct Heading {
    depth: usize,
    text: String,
    line: usize,
}

/// The levels of a page that holds several, in order; `None` for a page of one level.
pub fn parts(text: &str, words: &Words) -> Option<Parts> {
    let mut headings = Vec::new();
    // The first block of text before any heading of a level: the page's introduction.
    let mut first_text: Option<usize> = None;
    blocks::parse_each(text, 1, &mut |block| match block {
        Block::Heading { level, text } => headings.push(Heading {
            depth: level,
            text: text.text(),
            line: text.line(),
        }),
        Block::Para(p) if first_text.is_none() && headings.len() <= 1 => {
            first_text = Some(p.line())
        }
        _ => {}
    });
    let tops = headings.iter().filter(|h| h.depth == 1).count();
    // A page titled with a level code (`# L3: Senior Engineer`) is one level.
    let one_level = tops == 1 && headings.iter().any(|h| h.depth == 1 && coded(&h.text));
    let (depth, rule) = if one_level {
        return None;
    } else if let Some(rule) = levels_at(&headings, 2, words) {
        (2, rule)
    } else if tops >= 2 && titled_levels(&headings) * 2 >= tops {
        (1, Rule::Titled)
    } else {
        return None;
    };
    // Under the code rule only coded headings are levels; a `See also` never is one.
    let is_part = |h: &Heading| {
        h.depth == depth && !words.ends_content(&h.text) && (rule != Rule::Coded || coded(&h.text))
    };
    let starts = line_starts(text);
    let at = |line: usize| starts.get(line - 1).copied().unwrap_or(text.len());
    let mut parts: Vec<Part> = Vec::new();
    let mut group = None;
    for h in &headings {
        if h.depth < depth || (h.depth == depth && !parts.is_empty()) {
            // The part ends at the first heading of its depth or above after it.
            if let Some(last) = parts.last_mut().filter(|p| p.body.end == text.len()) {
                last.body.end = at(h.line);
            }
        }
        if h.depth == 1 && depth == 2 {
            group = Some(h.text.clone()).filter(|g| !g.trim().is_empty());
        }
        if is_part(h) {
            parts.push(Part {
                heading: h.text.clone(),
                group: group.clone(),
                line: h.line,
                body: at(h.line + 1)..text.len(),
            });
        }
    }
    let first = parts.first()?.line;
    let intro = first_text.filter(|line| *line < first);
    (parts.len() >= 2).then_some(Parts {
        levels: parts,
        intro,
    })
}

/// The levels of a page that holds several, and the line of the text above the first of
/// them, when it has some (no level's: it is left out, with a note).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub levels: Vec<Part>,
    pub intro: Option<usize>,
}

/// Whether the `depth` headings of a page are its levels, and by which rule: two or more of
/// them carry a level code, or two or more stand over headings of the same names (the
/// dimensions each level repeats).
fn levels_at(headings: &[Heading], depth: usize, words: &Words) -> Option<Rule> {
    let at_depth: Vec<&Heading> = headings.iter().filter(|h| h.depth == depth).collect();
    if at_depth.len() < 2 {
        return None;
    }
    let coded = at_depth.iter().filter(|h| coded(&h.text)).count();
    if coded >= 2 {
        return Some(Rule::Coded);
    }
    // The names under each heading of this depth, and under how many of them each stands.
    let mut under: HashMap<String, usize> = HashMap::new();
    let mut names: HashSet<String> = HashSet::new();
    let mut parents = 0;
    for h in headings {
        if h.depth == depth {
            for name in names.drain() {
                *under.entry(name).or_default() += 1;
            }
            parents += 1;
        } else if h.depth == depth + 1 && parents > 0 && !words.examples(&h.text) {
            names.insert(kebab(&h.text));
        } else if h.depth < depth {
            for name in names.drain() {
                *under.entry(name).or_default() += 1;
            }
        }
    }
    for name in names.drain() {
        *under.entry(name).or_default() += 1;
    }
    (under.values().filter(|n| **n >= 2).count() >= 2).then_some(Rule::Repeated)
}

/// Why a page's headings of one depth are its levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// They carry level codes (`## D1 - Developer 1`): only those that do are levels.
    Coded,
    /// They stand over headings of the same names (the dimensions each level repeats).
    Repeated,
    /// They are several `#` titles that say how senior they are.
    Titled,
}

/// How many `#` headings read as the title of a level: a level code, or words that say how
/// senior it is (`Engineer II`, `Senior Engineer`), not a page's own sections (`Levels`).
fn titled_levels(headings: &[Heading]) -> usize {
    (headings.iter().filter(|h| h.depth == 1))
        .filter(|h| coded(&h.text) || seniority::label(&h.text).is_some())
        .count()
}

/// Whether a heading starts with a level code: `D1 - Developer 1`, `L3: Senior`, `Level 2`.
fn coded(heading: &str) -> bool {
    split_level(heading)
        .is_some_and(|(level, _)| level.split_whitespace().last().is_some_and(is_level_code))
}

/// Where each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<(String, Option<String>, usize, String)> {
        parts(text, &Words::default())
            .map(|p| p.levels)
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.heading, p.group, p.line, text[p.body].to_string()))
            .collect()
    }

    #[test]
    fn coded_sections_are_levels() {
        let text = "# Developer\nintro\n## D1 - Developer 1\n- a\n## D2 - Developer 2\n- b\n";
        let developer = Some("Developer".to_string());
        assert_eq!(
            cut(text),
            [
                (
                    "D1 - Developer 1".into(),
                    developer.clone(),
                    3,
                    "- a\n".into()
                ),
                ("D2 - Developer 2".into(), developer, 5, "- b\n".into()),
            ]
        );
    }

    #[test]
    fn sections_over_the_same_dimensions_are_levels_grouped_by_their_top_heading() {
        let text = "# Engineers\n## Engineer\n### Craft\nx\n### Impact\ny\n\
                    ## Senior Engineer\n### Craft\nz\n### Impact\nw\n# Managers\n## Manager\nv\n";
        let found = cut(text);
        let heads: Vec<(&str, Option<&str>, usize)> = found
            .iter()
            .map(|(h, g, l, _)| (h.as_str(), g.as_deref(), *l))
            .collect();
        assert_eq!(
            heads,
            [
                ("Engineer", Some("Engineers"), 2),
                ("Senior Engineer", Some("Engineers"), 7),
                ("Manager", Some("Managers"), 13)
            ]
        );
        assert_eq!(found[1].3, "### Craft\nz\n### Impact\nw\n");
    }

    #[test]
    fn a_see_also_section_after_the_levels_is_no_level() {
        let text = "# Developer\n## D1 - One\n- a\n## D2 - Two\n- b\n## See also\n- [x](x.md)\n";
        let found = cut(text);
        let heads: Vec<&str> = found.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(heads, ["D1 - One", "D2 - Two"]);
        assert_eq!(found[1].3, "- b\n");
    }

    #[test]
    fn several_top_headings_are_levels() {
        let text = "# Engineer I #\nA.\n\n# Engineer II\nB.\n";
        let heads: Vec<String> = cut(text).into_iter().map(|p| p.0).collect();
        assert_eq!(heads, ["Engineer I", "Engineer II"]);
    }

    #[test]
    fn the_text_above_the_first_level_is_found() {
        let text = "# Developer\n\nWhat developers do.\n\n## D1 - One\n- a\n## D2 - Two\n- b\n";
        assert_eq!(
            parts(text, &Words::default()).map(|p| p.intro),
            Some(Some(3))
        );
    }

    #[test]
    fn a_level_page_with_dimension_sections_is_one_level() {
        assert_eq!(
            parts(
                "# L3: Senior\n## Craft\n- a\n## Impact\n- b\n",
                &Words::default()
            ),
            None
        );
        assert_eq!(
            parts(
                "# L3: Senior\n## Craft\n### Examples\n## Impact\n### Examples\n",
                &Words::default()
            ),
            None
        );
    }
}
