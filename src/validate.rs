//! Checks a parsed ladder for broken references and duplicate ids.

use std::collections::HashSet;

use crate::ladder::Ladder;

/// How serious a finding is: errors make a ladder unusable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
}

/// One problem found in a ladder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub message: String,
}

/// Every problem in the ladder, in the order of the file's sections.
pub fn check(ladder: &Ladder) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut error = |message: String| {
        findings.push(Finding {
            severity: Severity::Error,
            message,
        })
    };

    duplicates(
        "level",
        ladder.levels.iter().map(String::as_str),
        &mut error,
    );
    duplicates(
        "attribute",
        ladder.attributes.iter().map(|a| a.id.as_str()),
        &mut error,
    );
    duplicates(
        "dimension",
        ladder.dimensions.iter().map(|d| d.id.as_str()),
        &mut error,
    );
    for d in &ladder.dimensions {
        let kind = format!("theme in dimension {:?}", d.id);
        duplicates(&kind, d.themes.iter().map(|t| t.id.as_str()), &mut error);
    }
    duplicates(
        "track",
        ladder.tracks.iter().map(|t| t.id.as_str()),
        &mut error,
    );
    duplicates(
        "role",
        ladder.roles.iter().map(|r| r.id.as_str()),
        &mut error,
    );

    for track in &ladder.tracks {
        for id in &track.roles {
            if ladder.role(id).is_none() {
                error(format!("track {:?} names unknown role {id:?}", track.id));
            }
        }
    }

    for role in &ladder.roles {
        if ladder.level_rank(&role.level).is_none() {
            error(format!(
                "role {:?} has level {:?}, which is not in `levels`",
                role.id, role.level
            ));
        }
        for id in role.attributes.keys() {
            if !ladder.attributes.iter().any(|a| &a.id == id) {
                error(format!(
                    "role {:?} gives a value for unknown attribute {id:?}",
                    role.id
                ));
            }
        }
        for (id, rd) in &role.dimensions {
            let Some(dimension) = ladder.dimension(id) else {
                error(format!("role {:?} names unknown dimension {id:?}", role.id));
                continue;
            };
            for theme in rd.expectations.iter().filter_map(|e| e.theme.as_deref()) {
                if dimension.theme(theme).is_none() {
                    error(format!(
                        "role {:?} tags an expectation with theme {theme:?}, which dimension {id:?} does not declare",
                        role.id
                    ));
                }
            }
        }
    }
    findings
}

/// Reports every id that appears more than once.
fn duplicates<'a>(kind: &str, ids: impl Iterator<Item = &'a str>, error: &mut impl FnMut(String)) {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            error(format!("duplicate {kind} id {id:?}"));
        }
    }
}
