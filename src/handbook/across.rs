//! What is read across a handbook's pages once every page is read, before they are put
//! together: an opening that every page shares (boilerplate, not each role's summary),
//! statements whose label names one of the index's dimensions (filed under it, whichever
//! section they stand in), and the note about the text above the pages' first sections.

use std::collections::{HashMap, HashSet};

use super::names::{kebab, split_emoji};
use super::parsed::{Index, Label, LevelPage, OVERVIEW, Section};
use super::warning::Note;
use crate::model::{Dimension, Expectation};

/// The pages with what only all of them together tell applied, and notes saying so.
pub fn read_across(
    index: &Index,
    mut pages: Vec<LevelPage>,
    notes: &mut Vec<Note>,
) -> Vec<LevelPage> {
    boilerplate(&mut pages, notes);
    file_by_label(index, &mut pages, notes);
    overview_note(index, &pages, notes);
    pages
}

/// When every page (two or more, none written by the export) has the same summary, it is the
/// handbook's note on every page, not each role's summary: left out, with one note.
fn boilerplate(pages: &mut [LevelPage], notes: &mut Vec<Note>) {
    if pages.len() < 2 || pages.iter().any(|p| p.id.is_some()) {
        return;
    }
    let Some(first) = pages[0].summary.clone() else {
        return;
    };
    if pages.iter().all(|p| p.summary.as_ref() == Some(&first)) {
        pages.iter_mut().for_each(|p| p.summary = None);
        notes.push(Note::Boilerplate {
            text: first,
            pages: pages.len(),
        });
    }
}

/// How a name is compared with the index's: case, punctuation and emoji aside.
fn key(name: &str) -> String {
    kebab(&split_emoji(name).1)
}

/// The index's dimensions by name and id, and its attributes' names and ids.
struct Areas<'a> {
    dimensions: &'a [Dimension],
    by_name: HashMap<String, usize>,
    attributes: HashSet<String>,
}

impl Areas<'_> {
    /// The index's dimensions, each named by its name and id; by a plan's labels only, when
    /// a plan gives the dimensions (`closed`).
    fn of(index: &Index) -> Areas<'_> {
        let mut by_name = HashMap::new();
        if index.closed {
            let by_id: HashMap<&str, usize> = (index.dimensions.iter().enumerate())
                .map(|(i, d)| (d.id.as_str(), i))
                .collect();
            for (label, id) in &index.labels {
                if let Some(&at) = by_id.get(id.as_str()) {
                    by_name.entry(key(label)).or_insert(at);
                }
            }
        }
        for (i, d) in index
            .dimensions
            .iter()
            .enumerate()
            .filter(|_| !index.closed)
        {
            by_name.entry(key(&d.name)).or_insert(i);
            by_name.entry(d.id.clone()).or_insert(i);
        }
        let attributes = (index.attributes.iter())
            .flat_map(|a| [key(&a.name), a.id.clone()])
            .collect();
        Areas {
            dimensions: &index.dimensions,
            by_name,
            attributes,
        }
    }

    /// The index's dimension a label names, unless it names an attribute too.
    fn dimension(&self, label: &str) -> Option<usize> {
        let key = key(label);
        if self.attributes.contains(&key) {
            return None;
        }
        self.by_name.get(&key).copied()
    }
}

/// A statement filed under an index's dimension: the dimension, the statement, its line.
type Filed = (usize, Expectation, usize);

/// Files each `**Label**: text` whose label is the name of one of the index's dimensions (an
/// attribute line above the sections, or a labelled statement in another section) under that
/// dimension, without its label, in a section of its own at the end of the page; one note
/// for the ladder.
fn file_by_label(index: &Index, pages: &mut [LevelPage], notes: &mut Vec<Note>) {
    if index.dimensions.is_empty() {
        return;
    }
    let areas = Areas::of(index);
    let mut statements = 0;
    let mut named: Vec<usize> = Vec::new();
    let mut seen: HashSet<usize> = HashSet::new();
    for page in pages {
        let mut filed: Vec<Filed> = Vec::new();
        page.attributes.retain(|a| {
            let Some(at) = areas.dimension(&a.label) else {
                return true;
            };
            if !a.value.trim().is_empty() && a.value != "—" {
                let text = a.value.clone();
                filed.push((at, Expectation { theme: None, text }, a.line));
            }
            false
        });
        for section in &mut page.sections {
            take_labelled(section, &areas, &mut filed);
        }
        statements += filed.len();
        for (at, _, _) in &filed {
            if seen.insert(*at) {
                named.push(*at);
            }
        }
        into_sections(page, filed, areas.dimensions);
    }
    if statements > 0 {
        notes.push(Note::FiledByLabel {
            statements,
            dimensions: named
                .into_iter()
                .map(|at| index.dimensions[at].name.clone())
                .collect(),
        });
    }
}

/// Takes out of `section` the statements labelled with another dimension's name.
fn take_labelled(section: &mut Section, areas: &Areas<'_>, filed: &mut Vec<Filed>) {
    let own = (section.id.as_deref())
        .and_then(|id| areas.by_name.get(id))
        .or_else(|| areas.by_name.get(&key(&section.heading)))
        .copied();
    let moving: HashMap<usize, (usize, String)> = section
        .labelled()
        .filter_map(|(at, label, rest)| {
            let to = areas.dimension(label).filter(|to| Some(*to) != own)?;
            Some((at, (to, rest.to_string())))
        })
        .collect();
    if moving.is_empty() {
        return;
    }
    let mut kept_at: Vec<Option<usize>> = Vec::with_capacity(section.expectations.len());
    let mut kept = Vec::with_capacity(section.expectations.len() - moving.len());
    for (at, e) in std::mem::take(&mut section.expectations)
        .into_iter()
        .enumerate()
    {
        match moving.get(&at) {
            Some((to, rest)) => {
                kept_at.push(None);
                let text = rest.clone();
                filed.push((
                    *to,
                    Expectation {
                        theme: e.theme,
                        text,
                    },
                    section.line,
                ));
            }
            None => {
                kept_at.push(Some(kept.len()));
                kept.push(e);
            }
        }
    }
    section.expectations = kept;
    section.labels = (section.labels.iter())
        .filter_map(|l| {
            let at = kept_at.get(l.at).copied().flatten()?;
            Some(Label { at, len: l.len })
        })
        .collect();
}

/// The filed statements put at the end of the page's section of their dimension (its name or
/// id), or of a section added for it, one per dimension in the order first met.
fn into_sections(page: &mut LevelPage, filed: Vec<Filed>, dimensions: &[Dimension]) {
    if filed.is_empty() {
        return;
    }
    let mut section_of: HashMap<String, usize> = HashMap::new();
    for (i, s) in page
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.overview)
    {
        section_of.entry(key(&s.heading)).or_insert(i);
        if let Some(id) = &s.id {
            section_of.entry(id.clone()).or_insert(i);
        }
    }
    for (at, expectation, line) in filed {
        let d = &dimensions[at];
        let s = match section_of
            .get(&d.id)
            .or_else(|| section_of.get(&key(&d.name)))
        {
            Some(s) => *s,
            None => {
                let section =
                    Section::new(d.name.clone(), d.emoji.clone(), Some(d.id.clone()), line);
                page.sections.push(section);
                section_of.insert(d.id.clone(), page.sections.len() - 1);
                page.sections.len() - 1
            }
        };
        page.sections[s].expectations.push(expectation);
    }
    // An overview that held only labelled statements is gone.
    page.sections.retain(|s| {
        !s.overview || !s.expectations.is_empty() || !s.examples.is_empty() || s.summary.is_some()
    });
}

/// One note for the text above the pages' first sections, read as a dimension of its own
/// (or the index's of that name).
fn overview_note(index: &Index, pages: &[LevelPage], notes: &mut Vec<Note>) {
    let mut with = pages
        .iter()
        .filter(|p| p.sections.first().is_some_and(|s| s.overview));
    let Some(first) = with.next() else {
        return;
    };
    let dimension = (index.dimensions.iter())
        .find(|d| key(&d.name) == key(OVERVIEW) || d.id == key(OVERVIEW))
        .map_or(OVERVIEW.to_string(), |d| d.name.clone());
    notes.push(Note::Overview {
        dimension,
        page: first.file.clone(),
        pages: 1 + with.count(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handbook::parsed::AttributeLine;

    fn page(file: &str, summary: &str) -> LevelPage {
        LevelPage {
            file: file.to_string(),
            id: None,
            level: "L1".to_string(),
            title: "Engineer".to_string(),
            part: None,
            group: None,
            weight: None,
            heading: crate::handbook::parsed::Heading {
                text: "L1: Engineer".to_string(),
                line: 1,
                has_level: true,
                level_from_index: false,
            },
            summary: Some(summary.to_string()),
            attributes: Vec::new(),
            sections: Vec::new(),
        }
    }

    fn dimension(name: &str) -> Dimension {
        Dimension {
            id: kebab(name),
            name: name.to_string(),
            emoji: None,
            themes: Vec::new(),
        }
    }

    #[test]
    fn a_summary_every_page_shares_is_boilerplate() {
        let mut notes = Vec::new();
        let mut pages = vec![page("a.md", "Same."), page("b.md", "Same.")];
        boilerplate(&mut pages, &mut notes);
        assert!(pages.iter().all(|p| p.summary.is_none()));
        assert_eq!(
            notes,
            [Note::Boilerplate {
                text: "Same.".into(),
                pages: 2
            }]
        );
        let mut pages = vec![page("a.md", "Same."), page("b.md", "Other.")];
        boilerplate(&mut pages, &mut notes);
        assert!(pages.iter().all(|p| p.summary.is_some()));
        let mut one = vec![page("a.md", "Same.")];
        boilerplate(&mut one, &mut notes);
        assert_eq!(one[0].summary.as_deref(), Some("Same."));
    }

    #[test]
    fn labels_that_name_a_dimension_are_filed_under_it() {
        let index = Index {
            dimensions: vec![dimension("Delivery"), dimension("Teamwork")],
            ..Index::default()
        };
        let mut p = page("a.md", "S.");
        p.attributes.push(AttributeLine {
            label: "Teamwork".into(),
            value: "Pairs every week.".into(),
            id: None,
            line: 3,
        });
        let mut delivery = Section::new("Delivery".into(), None, None, 5);
        for (text, label) in [
            ("Teamwork: Reviews others' work.", Some(8)),
            ("Delivery: Ships small changes.", Some(8)),
            ("Scope: One service.", Some(5)),
        ] {
            if let Some(len) = label {
                delivery.labels.push(Label {
                    at: delivery.expectations.len(),
                    len,
                });
            }
            delivery.expectations.push(Expectation {
                theme: None,
                text: text.into(),
            });
        }
        p.sections.push(delivery);
        let mut notes = Vec::new();
        let mut pages = vec![p];
        file_by_label(&index, &mut pages, &mut notes);
        let texts = |s: &Section| -> Vec<String> {
            s.expectations.iter().map(|e| e.text.clone()).collect()
        };
        let p = &pages[0];
        assert!(p.attributes.is_empty());
        assert_eq!(
            texts(&p.sections[0]),
            ["Delivery: Ships small changes.", "Scope: One service."]
        );
        assert_eq!(
            p.sections[0].labels,
            [Label { at: 0, len: 8 }, Label { at: 1, len: 5 }]
        );
        assert_eq!(p.sections[1].heading, "Teamwork");
        assert_eq!(
            texts(&p.sections[1]),
            ["Pairs every week.", "Reviews others' work."]
        );
        assert_eq!(
            notes,
            [Note::FiledByLabel {
                statements: 2,
                dimensions: vec!["Teamwork".into()]
            }]
        );
    }
}
