//! A plan read back from the TOML a person corrected: its shape checked as it is parsed (an
//! unknown key or a missing one is an error at its line), every value kept with its line so
//! that a page or heading the folder lacks is reported where the plan names it.

use anyhow::{Result, bail};
use serde::Deserialize;
use toml::Spanned;

use super::{Choice, DimensionPlan, Fate, PagePlan, Part, Plan, Reads, RolePlan, TrackPlan};
use crate::document::{Document, line_column};
use crate::handbook::words::Words;
use crate::validate::syntax_message;

/// Reads the plan in `doc`; fails with one line, `PLAN:LINE: what is wrong`.
pub fn read(doc: &Document) -> Result<Plan> {
    let file: PlanFile = match toml::from_str(&doc.text) {
        Ok(file) => file,
        Err(err) => {
            let line = err.span().map_or(1, |s| line_column(&doc.text, s.start).0);
            bail!("{}:{line}: {}", doc.name, syntax_message(&err));
        }
    };
    // Each value's line found by halving the list of line starts: a plan of 20,000 pages
    // is not scanned from its top for each.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(doc.text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let at = |start: usize| starts.partition_point(|&s| s <= start);
    let mut pages = Vec::with_capacity(file.page.len());
    for page in file.page {
        pages.push(page_plan(doc, page, &at)?);
    }
    Ok(Plan {
        name: Choice::new(file.name, ""),
        levels: Choice::new(file.levels, ""),
        tracks: file
            .track
            .into_iter()
            .map(|t| {
                Choice::new(
                    TrackPlan {
                        id: t.id,
                        name: t.name,
                    },
                    "",
                )
            })
            .collect(),
        pages,
        dimensions: file
            .dimension
            .into_iter()
            .map(|d| Choice::new(dimension_plan(d, &at), ""))
            .collect(),
        reads: Reads::Pages(words(file.blocks)),
    })
}

/// The plan's words; a key it leaves out keeps the defaults.
fn words(blocks: Option<BlocksEntry>) -> Words {
    let defaults = Words::default();
    let Some(blocks) = blocks else {
        return defaults;
    };
    Words {
        examples: blocks.examples.unwrap_or(defaults.examples),
        end: blocks.end.unwrap_or(defaults.end),
        attribute_tables: blocks.attribute_tables.unwrap_or(defaults.attribute_tables),
    }
}

fn page_plan(doc: &Document, page: PageEntry, at: &impl Fn(usize) -> usize) -> Result<PagePlan> {
    let line = at(page.file.span().start);
    let file = page.file.into_inner();
    let fate = match (page.skip, page.role, page.part.is_empty()) {
        (Some(why), None, true) => Fate::Skip(why),
        (None, Some(role), true) => Fate::Role(Choice::new(
            role_plan(Some(role), page.title, page.level, page.tracks, doc, line)?,
            "",
        )),
        (None, None, false) => {
            let mut parts = Vec::with_capacity(page.part.len());
            for part in page.part {
                let line = at(part.heading.span().start);
                let role = role_plan(
                    Some(part.role),
                    Some(part.title),
                    Some(part.level),
                    part.tracks,
                    doc,
                    line,
                )?;
                parts.push(Part {
                    heading: part.heading.into_inner(),
                    role: Choice::new(role, ""),
                    line,
                });
            }
            Fate::Parts(parts)
        }
        _ => bail!(
            "{}:{line}: page {} needs one of `role` (with title and level), `skip` or [[page.part]]",
            doc.name,
            crate::text::quoted(&file)
        ),
    };
    Ok(PagePlan { file, fate, line })
}

fn role_plan(
    id: Option<String>,
    title: Option<String>,
    level: Option<String>,
    tracks: Vec<String>,
    doc: &Document,
    line: usize,
) -> Result<RolePlan> {
    match (id, title, level) {
        (Some(id), Some(title), Some(level)) => Ok(RolePlan {
            id,
            title,
            level,
            tracks,
        }),
        _ => bail!(
            "{}:{line}: a role needs `role`, `title` and `level`",
            doc.name
        ),
    }
}

fn dimension_plan(d: DimensionEntry, at: &impl Fn(usize) -> usize) -> DimensionPlan {
    let lines = d.headings.iter().map(|h| at(h.span().start)).collect();
    let labels = d.labels.unwrap_or_else(|| vec![d.name.clone()]);
    DimensionPlan {
        id: d.id,
        name: d.name,
        emoji: d.emoji,
        labels,
        headings: d.headings.into_iter().map(Spanned::into_inner).collect(),
        lines,
    }
}

/// The plan's TOML as written: what [`super::write`] writes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    name: String,
    levels: Vec<String>,
    #[serde(default)]
    track: Vec<TrackEntry>,
    #[serde(default)]
    dimension: Vec<DimensionEntry>,
    #[serde(default)]
    page: Vec<PageEntry>,
    blocks: Option<BlocksEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BlocksEntry {
    examples: Option<Vec<String>>,
    end: Option<Vec<String>>,
    attribute_tables: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TrackEntry {
    id: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DimensionEntry {
    id: String,
    name: String,
    emoji: Option<String>,
    #[serde(default)]
    headings: Vec<Spanned<String>>,
    /// Left out: the dimension's name.
    labels: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageEntry {
    file: Spanned<String>,
    skip: Option<String>,
    role: Option<String>,
    title: Option<String>,
    level: Option<String>,
    #[serde(default)]
    tracks: Vec<String>,
    #[serde(default)]
    part: Vec<PartEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartEntry {
    heading: Spanned<String>,
    role: String,
    title: String,
    level: String,
    #[serde(default)]
    tracks: Vec<String>,
}
