//! A wide sheet: one row per level (its code in the first column, `MG3` or `MG3 Team Lead`),
//! one column per competency, each cell one or more statements of that level in that
//! dimension: a paragraph each (cells split at blank lines), or a bullet each in a paragraph of
//! `- ` lines. A role per row, on one track; or, by a plan, the rows and columns it names.

use std::collections::{BTreeMap, HashMap};

use anyhow::Result;

use super::{Named, Row, Rows};
use crate::handbook::assemble::natural_key;
use crate::handbook::import::{Imported, cut_to_limits};
use crate::handbook::names::{is_level_code, kebab, split_emoji};
use crate::handbook::plan::{
    Choice, DimensionPlan, Fate, PagePlan, Part, Plan, Reads, RolePlan, TrackPlan,
};
use crate::handbook::read::split_level;
use crate::handbook::tracks::one_track;
use crate::handbook::warning::{Note, SheetShape, TrackFrom, Warnings};
use crate::model::{Dimension, Expectation, Ladder, Role, RoleDimension};
use crate::text::{is_safe_id, quoted, slug};

/// Reads the rows of a wide sheet into a ladder called `name` (without a plan: a plan is
/// followed by [`planned`](super::planned)): a role per level row, titled as the row says after
/// its code or else `name`, with the title as its summary; a dimension per column after the
/// first; one track of every role.
pub(super) fn read(mut rows: Rows<'_>, name: String) -> Result<Imported> {
    let dimensions = columns(&rows)?;
    // Row by row: a row's cells are let go once it is a role.
    let mut roles: Vec<(Role, RowOf)> = Vec::new();
    let mut levels: HashMap<String, usize> = HashMap::new();
    while let Some(row) = rows.next()? {
        let Some((level, title)) = level_of(row.trimmed(0)) else {
            return Err(not_a_level(&rows, &row, roles.is_empty()));
        };
        if let Some(first) = levels.insert(level.clone(), row.line) {
            let message = format!(
                "a second row for level {} (the first is at line {first})",
                quoted(&level)
            );
            return Err(rows.error(row.line, message));
        }
        let title = if title.is_empty() {
            name.clone()
        } else {
            title
        };
        let role = role_of(&row, level, title, &dimensions);
        roles.push((role, RowOf::of(&row)));
    }
    if roles.is_empty() {
        return Err(rows.error(rows.header_line, "no level rows under the header"));
    }
    Ok(imported(&rows.sheet, name, dimensions, roles))
}

/// The row a role was read from: its first cell and line, for the plan and messages.
pub(super) struct RowOf {
    pub first: String,
    pub line: usize,
}

impl RowOf {
    pub fn of(row: &Row) -> RowOf {
        RowOf {
            first: row.trimmed(0).to_string(),
            line: row.line,
        }
    }
}

/// The ladder of a wide sheet's roles, in the order of their levels' codes, on one track;
/// with the note on the shape and the track, and the plan of it.
fn imported(
    sheet: &Named,
    name: String,
    dimensions: Vec<Dimension>,
    mut roles: Vec<(Role, RowOf)>,
) -> Imported {
    roles.sort_by_cached_key(|(role, _)| natural_key(&role.level));
    let (plain, rows): (Vec<Role>, Vec<RowOf>) = roles.into_iter().unzip();
    let levels: Vec<String> = plain.iter().map(|r| r.level.clone()).collect();
    let track = one_track(&plain, &levels);
    let notes = vec![
        Note::Sheet {
            file: sheet.file.clone(),
            shape: SheetShape::Wide {
                roles: plain.len(),
                dimensions: dimensions.len(),
            },
        },
        Note::InferredTrack {
            id: track.id.clone(),
            roles: track.roles.clone(),
            from: TrackFrom::Rows,
        },
    ];
    let ladder = Ladder {
        name,
        levels,
        dimensions,
        tracks: vec![track],
        ..ladder_of(plain)
    };
    let plan = inferred_plan(&ladder, &sheet.file, &rows);
    finish(sheet, ladder, &rows, notes, Warnings::default(), plan)
}

/// A ladder of `roles` and nothing else yet.
pub(super) fn ladder_of(roles: Vec<Role>) -> Ladder {
    Ladder {
        name: String::new(),
        motto: None,
        about: None,
        levels: Vec::new(),
        disciplines: Vec::new(),
        attributes: Vec::new(),
        dimensions: Vec::new(),
        bands: Vec::new(),
        tracks: Vec::new(),
        roles,
        lookup: Default::default(),
    }
}

/// The import of a sheet's `ladder`, its roles read from `rows` (for the lines they came from),
/// cut to the limits.
pub(super) fn finish(
    sheet: &Named,
    mut ladder: Ladder,
    rows: &[RowOf],
    notes: Vec<Note>,
    mut warnings: Warnings,
    plan: Plan,
) -> Imported {
    let file = &sheet.file;
    let pages: Vec<String> = rows.iter().map(|r| format!("{file}:{}", r.line)).collect();
    cut_to_limits(&mut ladder, &pages, file, &mut warnings);
    Imported {
        ladder,
        warnings,
        notes,
        pages,
        index: file.clone(),
        root: sheet.folder.clone(),
        read: 1,
        plan,
    }
}

/// The plan of a wide sheet as read: the sheet is one page whose parts are its rows, each
/// named by its first cell; each column a dimension.
fn inferred_plan(ladder: &Ladder, file: &str, rows: &[RowOf]) -> Plan {
    let parts = (ladder.roles.iter().zip(rows))
        .map(|(role, r)| Part {
            heading: r.first.clone(),
            role: Choice::new(
                RolePlan {
                    id: role.id.clone(),
                    title: role.title.clone(),
                    level: role.level.clone(),
                    tracks: vec![ladder.tracks[0].id.clone()],
                },
                format!(
                    "Level and title from the row's first cell (line {}).",
                    r.line
                ),
            ),
            line: 0,
        })
        .collect();
    let dimensions = ladder
        .dimensions
        .iter()
        .map(|d| {
            let plan = DimensionPlan {
                id: d.id.clone(),
                name: d.name.clone(),
                emoji: d.emoji.clone(),
                headings: vec![d.name.clone()],
                lines: vec![0],
                labels: Vec::new(),
            };
            Choice::new(
                plan,
                "A column of the sheet; headings: the columns read as it.",
            )
        })
        .collect();
    let track = &ladder.tracks[0];
    Plan {
        name: Choice::new(ladder.name.clone(), "From the sheet's file name."),
        levels: Choice::new(
            ladder.levels.clone(),
            "The rows' level codes in natural order (L2 before L10).",
        ),
        tracks: vec![Choice::new(
            TrackPlan {
                id: track.id.clone(),
                name: track.name.clone(),
            },
            "Inferred: each row is one level above the one before, so one track.",
        )],
        pages: vec![PagePlan {
            file: file.to_string(),
            fate: Fate::Parts(parts),
            line: 0,
        }],
        dimensions,
        reads: Reads::Sheet,
    }
}

/// The dimensions the header names after its first cell, each named by its cell (a leading
/// emoji kept as its emoji); a column without a name, or with one another column has, is an
/// error. A header whose first cell is a level code is a level row: the header is missing.
pub(super) fn columns(rows: &Rows<'_>) -> Result<Vec<Dimension>> {
    let line = rows.header_line;
    if level_of(&rows.header[0]).is_some() {
        let message = format!(
            "the first row starts with level {}: a wide sheet's first row is a header naming its columns (`Level,Vision,Teamwork`)",
            quoted(&rows.header[0])
        );
        return Err(rows.error(line, message));
    }
    let mut dimensions: Vec<Dimension> = Vec::with_capacity(rows.header.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (at, cell) in rows.header.iter().enumerate().skip(1) {
        let (emoji, name) = split_emoji(cell);
        if name.is_empty() {
            return Err(rows.error(line, format!("column {} has no name in the header", at + 1)));
        }
        let id = kebab(&name);
        if let Some(first) = seen.insert(id.clone(), at + 1) {
            let message = format!(
                "columns {first} and {} are both named {}",
                at + 1,
                quoted(&name)
            );
            return Err(rows.error(line, message));
        }
        dimensions.push(Dimension {
            id,
            name,
            emoji,
            themes: Vec::new(),
        });
    }
    Ok(dimensions)
}

/// The level and title of a row's first cell: `MG3`, `MG3 Team Lead`, `MG3: Team Lead`,
/// `Level 3`; `None` when it starts with no level code.
fn level_of(cell: &str) -> Option<(String, String)> {
    let (level, title) = split_level(cell)?;
    if !level.split_whitespace().last().is_some_and(is_level_code) {
        return None;
    }
    let level = if is_safe_id(&level) {
        level
    } else {
        slug(&level)
    };
    Some((level, title))
}

/// The error for a row whose first cell is no level code: on the first row, the sheet is of
/// neither shape, said at its header.
fn not_a_level(rows: &Rows<'_>, row: &Row, first: bool) -> anyhow::Error {
    if first {
        let message = format!(
            "neither a long sheet (header `role, field, dimension, theme, attribute, text`, as `ladder show --all --format tsv` writes it) nor a wide one (a level code first in each row, such as `MG1`); line {} starts with {}",
            row.line,
            quoted(row.trimmed(0))
        );
        return rows.error(rows.header_line, message);
    }
    let message = format!(
        "{} is not a level code: each row of a wide sheet starts with one (`MG1`, `L2`, `IC3`)",
        quoted(row.trimmed(0))
    );
    rows.error(row.line, message)
}

/// One row as a role: id from its level and title, each cell's statements in its column's
/// dimension (an empty cell gives none).
pub(super) fn role_of(row: &Row, level: String, title: String, dimensions: &[Dimension]) -> Role {
    let mut role_dimensions = BTreeMap::new();
    for (d, cell) in dimensions.iter().zip(row.cells.iter().skip(1)) {
        let expectations: Vec<Expectation> = statements(cell)
            .into_iter()
            .map(|text| Expectation { theme: None, text })
            .collect();
        if !expectations.is_empty() {
            let rd = RoleDimension {
                summary: None,
                expectations,
                examples: Vec::new(),
            };
            role_dimensions.insert(d.id.clone(), rd);
        }
    }
    Role {
        id: format!("{level}-{}", kebab(&title)),
        level,
        summary: title.clone(),
        title,
        attributes: BTreeMap::new(),
        dimensions: role_dimensions,
    }
}

/// A cell's statements: each paragraph (split at blank lines) one, its lines joined by spaces;
/// in a paragraph that starts with a bullet (`- `, `* `), each bullet one, a line without a
/// bullet continuing the one before.
pub(super) fn statements(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let (mut open, mut list) = (false, false);
    for line in cell.lines() {
        let line = line.trim();
        if line.is_empty() {
            (open, list) = (false, false);
            continue;
        }
        let bullet = line.strip_prefix("- ").or_else(|| line.strip_prefix("* "));
        if !open {
            list = bullet.is_some();
        }
        match (bullet, out.last_mut()) {
            (Some(item), _) if list => out.push(item.trim().to_string()),
            (_, Some(last)) if open => {
                last.push(' ');
                last.push_str(line);
            }
            _ => out.push(line.to_string()),
        }
        open = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_is_paragraphs_or_bullets() {
        assert_eq!(
            statements("One line\nwrapped.\n\n  \nTwo.\n"),
            ["One line wrapped.", "Two."]
        );
        assert_eq!(
            statements("- First\n  goes on.\n- Second.\n\nAfter - not a bullet\n- here."),
            ["First goes on.", "Second.", "After - not a bullet - here."]
        );
        assert!(statements("  \n\n").is_empty());
    }

    #[test]
    fn the_first_cell_gives_level_and_title() {
        let pair = |l: &str, t: &str| Some((l.to_string(), t.to_string()));
        assert_eq!(level_of("MG3"), pair("MG3", ""));
        assert_eq!(level_of("MG3 - Team Lead"), pair("MG3", "Team Lead"));
        assert_eq!(level_of("Level 2"), pair("Level-2", ""));
        assert_eq!(level_of("Level"), None);
        assert_eq!(level_of("Notes: later"), None);
    }
}
