//! What `review` shows: a filled evidence outline read against the ladder in use. Each
//! expectation of the role is found in the file by its anchor (its dimension and the
//! fingerprint of its text), else by its words (an outline without anchors, or a statement
//! the ladder has reworded since), and says whether evidence was written under it, a thin one
//! (fewer than [`THIN_WORDS`] words), or none; what the file holds that the ladder no longer
//! says is listed apart.

use std::collections::HashMap;

use super::{Evidence, EvidenceItem};
use crate::model::{Dimension, Role, Theme};
use crate::outline::fingerprint;
use crate::outline::read::{Outline, Section};
use crate::query::similarity::{self, REWORDED};

/// Evidence of fewer words than this is thin: a line or two.
pub const THIN_WORDS: usize = 15;

/// What `review` reports: the file as named, the review, and what was added since a
/// revision of the file (`--since`): the revision, and the expectations (dimension, item)
/// that had no evidence then and have some now.
#[derive(Debug)]
pub struct ReviewView<'a> {
    pub file: String,
    pub review: Review<'a>,
    pub since: Option<(String, Vec<(usize, usize)>)>,
}

/// A filled outline reviewed.
#[derive(Debug)]
pub struct Review<'a> {
    pub role: &'a Role,
    pub from: Option<&'a Role>,
    pub dimensions: Vec<DimensionReview<'a>>,
    /// The file's sections whose expectation the ladder no longer has.
    pub gone: Vec<Gone<'a>>,
    /// Whether the file has no anchors (written before them): matched by words alone.
    pub by_words: bool,
}

/// One dimension's expectations as the file answers them.
#[derive(Debug)]
pub struct DimensionReview<'a> {
    pub dimension: &'a Dimension,
    pub items: Vec<ItemReview<'a>>,
}

/// One expectation: where the file has it and what is written under it.
#[derive(Debug)]
pub struct ItemReview<'a> {
    pub theme: Option<&'a Theme>,
    pub text: &'a str,
    /// New relative to the level the outline compares with.
    pub new: bool,
    pub state: State,
    /// The evidence as written (empty when there is none).
    pub evidence: &'a str,
    /// The line of its section in the file.
    pub line: Option<usize>,
    /// The words the file's heading has, when the ladder says it otherwise now.
    pub was: Option<String>,
}

/// What the file holds for an expectation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Evidence,
    /// Evidence of fewer than [`THIN_WORDS`] words.
    Thin,
    /// The section is there, with nothing written under it.
    Empty,
    /// The file has no section for it (deleted, or added to the ladder since).
    Missing,
}

/// A section of the file whose expectation the ladder does not have.
#[derive(Debug)]
pub struct Gone<'a> {
    pub heading: String,
    pub line: usize,
    pub evidence: &'a str,
}

impl State {
    /// Whether something was written.
    pub fn has_evidence(self) -> bool {
        matches!(self, State::Evidence | State::Thin)
    }
}

impl<'a> Review<'a> {
    /// The expectations of `evidence` (its role, marked new against its `from`), found in
    /// `outline`.
    pub fn of(evidence: Evidence<'a>, outline: &'a Outline) -> Review<'a> {
        let flat: Vec<(usize, &EvidenceItem<'a>)> = (evidence.dimensions.iter().enumerate())
            .flat_map(|(d, dim)| dim.items.iter().map(move |i| (d, i)))
            .collect();
        let anchored = outline
            .sections
            .iter()
            .any(|s| s.anchor.as_ref().is_some_and(|a| a.is_expectation()));
        let candidates: Vec<&Section> = (outline.sections.iter())
            .filter(|s| match &s.anchor {
                Some(a) => a.is_expectation(),
                None => !anchored && !s.heading.is_empty() && s.under.is_some(),
            })
            .collect();
        let found = find(&evidence, &flat, &candidates);
        let used: std::collections::HashSet<usize> = found.values().map(|(k, _)| *k).collect();
        let mut gone = Vec::new();
        for (k, s) in candidates.iter().enumerate() {
            if !used.contains(&k) {
                gone.push(Gone {
                    heading: plain_heading(&s.heading),
                    line: s.line,
                    evidence: &s.evidence,
                });
            }
        }
        let dimensions = assemble(&evidence, &flat, &candidates, &found);
        Review {
            role: evidence.role,
            from: evidence.from,
            dimensions,
            gone,
            by_words: !anchored,
        }
    }

    /// The expectations (dimension, item) with evidence here that `before` had none for.
    pub fn gained_since(&self, before: &Review<'_>) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (d, (now, then)) in self.dimensions.iter().zip(&before.dimensions).enumerate() {
            for (i, (a, b)) in now.items.iter().zip(&then.items).enumerate() {
                if a.state.has_evidence() && !b.state.has_evidence() {
                    out.push((d, i));
                }
            }
        }
        out
    }

    /// Whether a New expectation has no evidence: what `--check` fails on.
    pub fn new_without_evidence(&self) -> bool {
        self.dimensions
            .iter()
            .flat_map(|d| &d.items)
            .any(|i| i.new && !i.state.has_evidence())
    }
}

/// Each expectation (by its place in `flat`) with the section that answers it and whether
/// the section's heading says it in other words. By anchor first, then by words.
fn find(
    evidence: &Evidence<'_>,
    flat: &[(usize, &EvidenceItem<'_>)],
    sections: &[&Section],
) -> HashMap<usize, (usize, bool)> {
    let mut by_anchor: HashMap<(&str, String), Vec<usize>> = HashMap::new();
    for (at, (d, item)) in flat.iter().enumerate().rev() {
        let dimension = evidence.dimensions[*d].dimension.id.as_str();
        by_anchor
            .entry((dimension, fingerprint(item.text)))
            .or_default()
            .push(at);
    }
    let mut found: HashMap<usize, (usize, bool)> = HashMap::new();
    let mut left: Vec<usize> = Vec::new();
    for (k, s) in sections.iter().enumerate() {
        let key = s
            .anchor
            .as_ref()
            .and_then(|a| Some((a.dimension.as_deref()?, a.text.clone()?)));
        let hit = key.and_then(|(d, t)| by_anchor.get_mut(&(d, t)).and_then(Vec::pop));
        match hit {
            Some(at) => {
                found.insert(at, (k, false));
            }
            None => left.push(k),
        }
    }
    // What is left pairs by words: a heading and an expectation alike enough are one, in
    // other words when they differ.
    let open: Vec<usize> = (0..flat.len())
        .filter(|at| !found.contains_key(at))
        .collect();
    let headings: Vec<String> = left
        .iter()
        .map(|k| plain_heading(&sections[*k].heading))
        .collect();
    let a: Vec<&str> = headings.iter().map(String::as_str).collect();
    let b: Vec<&str> = open.iter().map(|at| flat[*at].1.text).collect();
    for (x, y, _) in similarity::pair(&a, &b, REWORDED) {
        found.insert(open[y], (left[x], a[x] != b[y]));
    }
    found
}

/// The dimensions with each expectation's state, evidence and line.
fn assemble<'a>(
    evidence: &Evidence<'a>,
    flat: &[(usize, &EvidenceItem<'a>)],
    sections: &[&'a Section],
    found: &HashMap<usize, (usize, bool)>,
) -> Vec<DimensionReview<'a>> {
    let mut dimensions: Vec<DimensionReview<'a>> = (evidence.dimensions.iter())
        .map(|d| DimensionReview {
            dimension: d.dimension,
            items: Vec::with_capacity(d.items.len()),
        })
        .collect();
    for (at, (d, item)) in flat.iter().enumerate() {
        let hit = found.get(&at).map(|(k, other)| (sections[*k], *other));
        let evidence_text = hit.map_or("", |(s, _)| s.evidence.as_str());
        let state = match hit {
            None => State::Missing,
            Some(_) if evidence_text.is_empty() => State::Empty,
            Some(_) if evidence_text.split_whitespace().count() < THIN_WORDS => State::Thin,
            Some(_) => State::Evidence,
        };
        dimensions[*d].items.push(ItemReview {
            theme: item.theme,
            text: item.text,
            new: item.new,
            state,
            evidence: evidence_text,
            line: hit.map(|(s, _)| s.line),
            was: hit
                .filter(|(_, other)| *other)
                .map(|(s, _)| plain_heading(&s.heading)),
        });
    }
    dimensions
}

/// A heading of the outline as the expectation's words: without the **New:** mark, the
/// theme in parentheses after it, and the backslashes Markdown escaping put in.
fn plain_heading(heading: &str) -> String {
    let h = heading.trim();
    let h = h.strip_prefix("**New:**").unwrap_or(h).trim_start();
    let h = match h.rfind(" _(") {
        Some(at) if h.ends_with(")_") => &h[..at],
        _ => h,
    };
    let mut out = String::with_capacity(h.len());
    let mut chars = h.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_reads_as_its_expectation() {
        assert_eq!(
            plain_heading("**New:** Leads the team\\'s \\*work\\*. _(Depth)_"),
            "Leads the team's *work*."
        );
        assert_eq!(plain_heading("Plain words"), "Plain words");
    }
}

/// How a dimension stands: expectations with evidence of all, and the same of the New ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub with: usize,
    pub all: usize,
    pub new_with: usize,
    pub new_all: usize,
}

impl DimensionReview<'_> {
    pub fn tally(&self) -> Tally {
        let mut t = Tally::default();
        for i in &self.items {
            let with = usize::from(i.state.has_evidence());
            t.all += 1;
            t.with += with;
            if i.new {
                t.new_all += 1;
                t.new_with += with;
            }
        }
        t
    }
}

impl Review<'_> {
    /// The expectations without evidence, New ones first (each as dimension and item).
    pub fn gaps(&self) -> Vec<(usize, usize)> {
        let mut gaps: Vec<(bool, usize, usize)> = Vec::new();
        for (d, dim) in self.dimensions.iter().enumerate() {
            for (i, item) in dim.items.iter().enumerate() {
                if !item.state.has_evidence() {
                    gaps.push((!item.new, d, i));
                }
            }
        }
        gaps.sort();
        gaps.into_iter().map(|(_, d, i)| (d, i)).collect()
    }

    /// The expectations whose evidence is thin.
    pub fn thin(&self) -> Vec<(usize, usize)> {
        self.each()
            .filter(|(_, _, i)| i.state == State::Thin)
            .map(|(d, i, _)| (d, i))
            .collect()
    }

    /// The expectations the file has no section for.
    pub fn missing(&self) -> Vec<(usize, usize)> {
        self.each()
            .filter(|(_, _, i)| i.state == State::Missing)
            .map(|(d, i, _)| (d, i))
            .collect()
    }

    /// The expectations whose words the ladder changed since the file was written.
    pub fn reworded(&self) -> Vec<(usize, usize)> {
        self.each()
            .filter(|(_, _, i)| i.was.is_some())
            .map(|(d, i, _)| (d, i))
            .collect()
    }

    /// Every expectation with its dimension and place.
    pub fn each(&self) -> impl Iterator<Item = (usize, usize, &ItemReview<'_>)> {
        self.dimensions.iter().enumerate().flat_map(|(d, dim)| {
            dim.items
                .iter()
                .enumerate()
                .map(move |(i, item)| (d, i, item))
        })
    }

    pub fn item(&self, (d, i): (usize, usize)) -> &ItemReview<'_> {
        &self.dimensions[d].items[i]
    }

    pub fn total(&self) -> Tally {
        let mut t = Tally::default();
        for d in &self.dimensions {
            let x = d.tally();
            t.with += x.with;
            t.all += x.all;
            t.new_with += x.new_with;
            t.new_all += x.new_all;
        }
        t
    }
}
