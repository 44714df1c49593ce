//! A plan followed: the pages it names read as the roles it gives (in its order, with its
//! ids, titles, levels and tracks), the pages it skips or does not name left out, and the
//! index's name, levels, tracks and dimensions replaced by its own. What the plan names that
//! the folder lacks (a page, a part of a page, a heading) is an error at the plan's line.

use std::collections::{HashMap, HashSet};

use anyhow::{Result, bail};

use super::{Fate, Plan, RolePlan};
use crate::handbook::names::kebab;
use crate::handbook::parsed::{Index, LevelPage};
use crate::model::{Dimension, Theme, Track};
use crate::text::quoted;

/// Reads `pages` (and `skipped`, the files that were not level pages) by `plan`, named
/// `plan_name` in errors: `pages` become the plan's roles in its order, and `index` takes
/// the plan's name, levels, tracks and dimensions.
pub fn apply(
    plan: &Plan,
    plan_name: &str,
    index: &mut Index,
    pages: &mut Vec<LevelPage>,
    skipped: &[(String, &str)],
) -> Result<()> {
    let levels: HashSet<&str> = plan.levels.value.iter().map(String::as_str).collect();
    let tracks: HashSet<&str> = plan.tracks.iter().map(|t| t.value.id.as_str()).collect();
    let mut found: HashMap<(&str, Option<&str>), usize> = HashMap::new();
    for (i, page) in pages.iter().enumerate() {
        found.insert((page.file.as_str(), page.part.as_deref()), i);
    }
    let with_parts: HashSet<&str> = pages
        .iter()
        .filter(|p| p.part.is_some())
        .map(|p| p.file.as_str())
        .collect();
    let not_level: HashMap<&str, &str> =
        skipped.iter().map(|(f, why)| (f.as_str(), *why)).collect();
    let mut order: Vec<(usize, &RolePlan)> = Vec::new();
    for page in &plan.pages {
        let whole = found.contains_key(&(page.file.as_str(), None));
        let known = whole
            || not_level.contains_key(page.file.as_str())
            || with_parts.contains(page.file.as_str());
        if !known {
            bail!(
                "{plan_name}:{}: page {} is not in the folder",
                page.line,
                quoted(&page.file)
            );
        }
        let wanted: Vec<(Option<&str>, &RolePlan, usize)> = match &page.fate {
            Fate::Skip(_) => continue,
            Fate::Role(role) => vec![(None, &role.value, page.line)],
            Fate::Parts(parts) => parts
                .iter()
                .map(|p| (Some(p.heading.as_str()), &p.role.value, p.line))
                .collect(),
        };
        for (part, role, line) in wanted {
            let Some(&at) = found.get(&(page.file.as_str(), part)) else {
                bail!(
                    "{plan_name}:{line}: {}",
                    missing(&page.file, part, not_level.get(page.file.as_str()))
                );
            };
            check_role(role, &levels, &tracks, plan_name, line)?;
            order.push((at, role));
        }
    }
    check_headings(plan, plan_name, pages)?;
    let roles: Vec<(usize, RolePlan)> = order.into_iter().map(|(at, r)| (at, r.clone())).collect();
    *pages = take_in_order(std::mem::take(pages), &roles);
    set_index(plan, index, pages, &roles);
    Ok(())
}

/// What is missing when a plan's role has no page to come from.
fn missing(file: &str, part: Option<&str>, not_level: Option<&&str>) -> String {
    match (part, not_level) {
        (Some(heading), _) => format!(
            "page {} has no level heading {}",
            quoted(file),
            quoted(heading)
        ),
        (None, Some(why)) => format!("page {} is not a level page ({why})", quoted(file)),
        (None, None) => format!("page {} holds several levels: name its parts", quoted(file)),
    }
}

/// Fails when a role's level or tracks are not the plan's.
pub(in crate::handbook) fn check_role(
    role: &RolePlan,
    levels: &HashSet<&str>,
    tracks: &HashSet<&str>,
    plan_name: &str,
    line: usize,
) -> Result<()> {
    if !levels.contains(role.level.as_str()) {
        bail!(
            "{plan_name}:{line}: level {} is not in `levels`",
            quoted(&role.level)
        );
    }
    if let Some(t) = role.tracks.iter().find(|t| !tracks.contains(t.as_str())) {
        bail!(
            "{plan_name}:{line}: track {} is not a [[track]] of the plan",
            quoted(t)
        );
    }
    Ok(())
}

/// Fails when a dimension's heading is on no page.
fn check_headings(plan: &Plan, plan_name: &str, pages: &[LevelPage]) -> Result<()> {
    let on_pages: HashSet<String> = pages
        .iter()
        .flat_map(|p| p.sections.iter().map(|s| kebab(&s.heading)))
        .collect();
    for d in &plan.dimensions {
        for (heading, line) in d.value.headings.iter().zip(&d.value.lines) {
            if !on_pages.contains(&kebab(heading)) {
                bail!(
                    "{plan_name}:{line}: no page has the heading {}",
                    quoted(heading)
                );
            }
        }
    }
    Ok(())
}

/// The pages the plan reads, as its roles say, in the plan's order (the roles' order).
fn take_in_order(pages: Vec<LevelPage>, roles: &[(usize, RolePlan)]) -> Vec<LevelPage> {
    let mut slots: Vec<Option<LevelPage>> = pages.into_iter().map(Some).collect();
    let mut taken: Vec<LevelPage> = Vec::with_capacity(roles.len());
    for (at, role) in roles {
        // A page the plan reads twice is read once, as the first role it gives.
        let Some(mut page) = slots.get_mut(*at).and_then(Option::take) else {
            continue;
        };
        page.id = Some(role.id.clone());
        page.title = role.title.clone();
        page.level = role.level.clone();
        taken.push(page);
    }
    taken
}

/// The index as the plan gives it: its name, levels, the order of the pages, the tracks with
/// their roles (in level order) and the dimensions with the headings read as each.
fn set_index(plan: &Plan, index: &mut Index, pages: &[LevelPage], roles: &[(usize, RolePlan)]) {
    index.name = Some(plan.name.value.clone());
    index.levels = Some(plan.levels.value.clone());
    index.order = pages.iter().map(|p| p.file.clone()).collect();
    let of_role: HashMap<&str, &RolePlan> = roles.iter().map(|(_, r)| (r.id.as_str(), r)).collect();
    let rank: HashMap<&str, usize> = (plan.levels.value.iter().enumerate())
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    index.tracks = plan
        .tracks
        .iter()
        .map(|t| Track {
            id: t.value.id.clone(),
            name: t.value.name.clone(),
            roles: on_track(pages, &of_role, &t.value.id, &rank),
        })
        .collect();
    // The themes a plan cannot hold stay those the index gives its dimension of that id.
    let mut themes: HashMap<String, Vec<Theme>> = std::mem::take(&mut index.dimensions)
        .into_iter()
        .map(|d| (d.id, d.themes))
        .collect();
    index.dimensions = plan
        .dimensions
        .iter()
        .map(|d| Dimension {
            id: d.value.id.clone(),
            name: d.value.name.clone(),
            emoji: d.value.emoji.clone(),
            themes: themes.remove(&d.value.id).unwrap_or_default(),
        })
        .collect();
    index.headings = plan
        .dimensions
        .iter()
        .flat_map(|d| {
            d.value
                .headings
                .iter()
                .map(|h| (h.clone(), d.value.id.clone()))
        })
        .collect();
    index.labels = plan
        .dimensions
        .iter()
        .flat_map(|d| {
            d.value
                .labels
                .iter()
                .map(|l| (l.clone(), d.value.id.clone()))
        })
        .collect();
    // The plan's levels and tracks are the whole story: no table or list of the index's
    // second-guesses them.
    index.page_levels.clear();
    index.lists.clear();
    index.closed = true;
}

/// The roles on track `id`, lowest level first (in page order within a level): a track
/// climbs the levels in the plan's order of them.
fn on_track(
    pages: &[LevelPage],
    of_role: &HashMap<&str, &RolePlan>,
    id: &str,
    rank: &HashMap<&str, usize>,
) -> Vec<String> {
    let mut roles: Vec<(usize, String)> = pages
        .iter()
        .filter_map(|p| p.id.as_deref())
        .filter_map(|role| of_role.get(role).map(|r| (role, *r)))
        .filter(|(_, r)| r.tracks.iter().any(|t| t == id))
        .map(|(role, r)| {
            (
                rank.get(r.level.as_str()).copied().unwrap_or(usize::MAX),
                role.to_string(),
            )
        })
        .collect();
    roles.sort_by_key(|(rank, _)| *rank);
    roles.into_iter().map(|(_, role)| role).collect()
}
