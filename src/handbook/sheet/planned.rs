//! A wide sheet read by a plan: the sheet is the plan's one page, its rows the parts the plan
//! names by their first cell (`heading = "SO3"`), each the role the plan gives (id, title,
//! level, tracks) in the plan's order; its columns are read as the dimensions whose
//! `headings` name them. What the plan names that the sheet lacks (a row, a column) is an
//! error at the plan's line; a row or column the plan does not name is left out, with a
//! warning.

use std::collections::{BTreeMap, HashMap, HashSet};

use anyhow::{Result, bail};

use super::wide::{RowOf, finish, ladder_of, statements};
use super::{Row, Rows};
use crate::handbook::import::{ByPlan, Imported};
use crate::handbook::names::{kebab, split_emoji};
use crate::handbook::plan::apply::check_role;
use crate::handbook::plan::{Fate, Plan, Reads, RolePlan};
use crate::handbook::warning::{Note, SheetShape, Warning, WarningKind, Warnings};
use crate::model::{Dimension, Expectation, Role, RoleDimension, Track};
use crate::text::quoted;

/// Reads the rows of a wide sheet by `plan`.
pub(super) fn read(mut rows: Rows<'_>, (plan, plan_name): ByPlan<'_>) -> Result<Imported> {
    let columns = super::wide::columns(&rows)?;
    let mut all: Vec<Row> = Vec::new();
    while let Some(row) = rows.next()? {
        all.push(row);
    }
    if all.is_empty() {
        return Err(rows.error(rows.header_line, "no level rows under the header"));
    }
    let sheet = &rows.sheet;
    let file = sheet.file.as_str();
    let mut warnings = Warnings::default();
    let of_column = column_dimensions(plan, plan_name, &columns)?;
    for (column, d) in columns.iter().zip(&of_column) {
        if d.is_none() {
            let kind = WarningKind::HeadingNotInPlan(column.name.clone());
            warnings.push(Warning::at(file, rows.header_line, kind));
        }
    }
    let roles = planned_roles(plan, plan_name, file, &all, &of_column)?;
    let named: HashSet<usize> = roles.iter().map(|(_, r)| r.line).collect();
    for row in all.iter().filter(|r| !named.contains(&r.line)) {
        let kind = WarningKind::RowNotInPlan(row.trimmed(0).to_string());
        warnings.push(Warning::at(file, row.line, kind));
    }
    if roles.is_empty() {
        bail!(
            "{plan_name}: the plan reads no row of the sheet {}",
            quoted(file)
        );
    }
    let dimensions: Vec<Dimension> = (plan.dimensions.iter())
        .map(|d| Dimension {
            id: d.value.id.clone(),
            name: d.value.name.clone(),
            emoji: d.value.emoji.clone(),
            themes: Vec::new(),
        })
        .collect();
    let notes = vec![Note::Sheet {
        file: file.to_string(),
        shape: SheetShape::Wide {
            roles: roles.len(),
            dimensions: dimensions.len(),
        },
    }];
    let tracks = tracks(plan, &roles);
    let (plain, rows): (Vec<Role>, Vec<RowOf>) = roles.into_iter().unzip();
    let ladder = crate::model::Ladder {
        name: plan.name.value.clone(),
        levels: plan.levels.value.clone(),
        tracks,
        dimensions,
        ..ladder_of(plain)
    };
    let followed = Plan {
        reads: Reads::Sheet,
        ..plan.clone()
    };
    Ok(finish(sheet, ladder, &rows, notes, warnings, followed))
}

/// For each column after the first, the plan's dimension (by position) that names it in its
/// `headings`; a heading that names no column is an error at its line.
fn column_dimensions(
    plan: &Plan,
    plan_name: &str,
    columns: &[Dimension],
) -> Result<Vec<Option<usize>>> {
    let by_key: HashMap<&str, usize> = (columns.iter().enumerate())
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut of_column: Vec<Option<usize>> = vec![None; columns.len()];
    for (at, d) in plan.dimensions.iter().enumerate() {
        for (heading, line) in d.value.headings.iter().zip(&d.value.lines) {
            let Some(&column) = by_key.get(kebab(&split_emoji(heading).1).as_str()) else {
                bail!(
                    "{plan_name}:{line}: the sheet has no column {}",
                    quoted(heading)
                );
            };
            of_column[column].get_or_insert(at);
        }
    }
    Ok(of_column)
}

/// The roles of the rows the plan names, in its order: each row once, as the first part that
/// names it.
fn planned_roles(
    plan: &Plan,
    plan_name: &str,
    file: &str,
    all: &[Row],
    of_column: &[Option<usize>],
) -> Result<Vec<(Role, RowOf)>> {
    let mut by_first: HashMap<String, &Row> = HashMap::new();
    for row in all {
        by_first.entry(kebab(row.trimmed(0))).or_insert(row);
    }
    let levels: HashSet<&str> = plan.levels.value.iter().map(String::as_str).collect();
    let tracks: HashSet<&str> = plan.tracks.iter().map(|t| t.value.id.as_str()).collect();
    let mut taken: HashSet<usize> = HashSet::new();
    let mut roles = Vec::new();
    for page in &plan.pages {
        if page.file != file {
            bail!(
                "{plan_name}:{}: page {} is not the sheet {}",
                page.line,
                quoted(&page.file),
                quoted(file)
            );
        }
        let parts = match &page.fate {
            Fate::Skip(_) => continue,
            Fate::Role(_) => bail!(
                "{plan_name}:{}: a sheet's roles are its rows: give each as a [[page.part]] whose heading is the row's first cell",
                page.line
            ),
            Fate::Parts(parts) => parts,
        };
        for part in parts {
            let Some(row) = by_first.get(&kebab(&part.heading)) else {
                bail!(
                    "{plan_name}:{}: the sheet has no row {}",
                    part.line,
                    quoted(&part.heading)
                );
            };
            check_role(&part.role.value, &levels, &tracks, plan_name, part.line)?;
            if taken.insert(row.line) {
                let role = role_of(row, &part.role.value, plan, of_column);
                roles.push((role, RowOf::of(row)));
            }
        }
    }
    Ok(roles)
}

/// One row as the plan's `role`: each cell's statements in its column's dimension.
fn role_of(row: &Row, role: &RolePlan, plan: &Plan, of_column: &[Option<usize>]) -> Role {
    let mut dimensions: BTreeMap<String, RoleDimension> = BTreeMap::new();
    for (cell, d) in row.cells.iter().skip(1).zip(of_column) {
        let Some(d) = d else { continue };
        let texts = statements(cell);
        if texts.is_empty() {
            continue;
        }
        let id = plan.dimensions[*d].value.id.clone();
        let entry = dimensions.entry(id).or_insert_with(|| RoleDimension {
            summary: None,
            expectations: Vec::new(),
            examples: Vec::new(),
        });
        (entry.expectations).extend(
            texts
                .into_iter()
                .map(|text| Expectation { theme: None, text }),
        );
    }
    Role {
        id: role.id.clone(),
        level: role.level.clone(),
        summary: role.title.clone(),
        title: role.title.clone(),
        attributes: BTreeMap::new(),
        dimensions,
    }
}

/// The plan's tracks, each with the roles that name it, lowest level first (in plan order
/// within a level).
fn tracks(plan: &Plan, roles: &[(Role, RowOf)]) -> Vec<Track> {
    let rank: HashMap<&str, usize> = (plan.levels.value.iter().enumerate())
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let tracks_of: HashMap<&str, &Vec<String>> = plan
        .roles()
        .map(|(_, _, r)| (r.id.as_str(), &r.tracks))
        .collect();
    plan.tracks
        .iter()
        .map(|t| {
            let mut on: Vec<&Role> = (roles.iter().map(|(role, _)| role))
                .filter(|r| {
                    tracks_of
                        .get(r.id.as_str())
                        .is_some_and(|ts| ts.contains(&t.value.id))
                })
                .collect();
            on.sort_by_key(|r| rank.get(r.level.as_str()).copied().unwrap_or(usize::MAX));
            Track {
                id: t.value.id.clone(),
                name: t.value.name.clone(),
                roles: on.iter().map(|r| r.id.clone()).collect(),
            }
        })
        .collect()
}
