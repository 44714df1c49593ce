//! What the formats for people (the table and Markdown) show of `changes`, as one outline of
//! plain blocks that each lays out its own way: a title, the summary first (how many roles
//! changed and how, what happened to the statements, each role's verdict), then the frame,
//! then each role with its own changes and its statements', the old and new words under each.

use std::collections::BTreeMap;

use super::{change_name, count, place, verdict_words, what_name};
use crate::query::changes::{Change, Changes, FrameItem, Verdict};
use crate::view::{ChangesView, Record, What, records};

/// One block of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Block {
    Title(String),
    Heading(String),
    /// A line of the summary.
    Fact(String),
    /// One change; the table leads it with the change's symbol and colours it.
    Item {
        change: Change,
        text: String,
    },
    /// A text under the item above: `was:` or `now:` words, or the statement.
    Detail(String),
}

/// The outline of a comparison of two versions.
pub(super) fn changes_outline(view: &ChangesView<'_>) -> Vec<Block> {
    let mut out = vec![Block::Title(format!(
        "Changes from {} to {}",
        view.sides[0], view.sides[1]
    ))];
    if !view.differ() {
        out.push(Block::Fact(
            if view.brief {
                "No change to what is expected of anyone."
            } else {
                "None: both describe the same ladder."
            }
            .to_string(),
        ));
        return out;
    }
    for ladder in &view.ladders {
        let prefix = ladder.id.map(|id| format!("Ladder {id}: "));
        match (&ladder.changes, ladder.change) {
            (None, Some(change)) => out.push(Block::Heading(format!(
                "Ladder {}: {}",
                ladder.id.unwrap_or_default(),
                change_name(change)
            ))),
            (Some(c), _) if !c.is_empty() => one_ladder(&mut out, c, prefix.as_deref()),
            _ => {}
        }
    }
    out
}

fn one_ladder(out: &mut Vec<Block>, c: &Changes<'_>, prefix: Option<&str>) {
    let prefix = prefix.unwrap_or_default();
    out.push(Block::Heading(format!("{prefix}Summary")));
    summary(out, c);
    let records = records(c);
    let (frame, rest): (Vec<&Record>, Vec<&Record>) = records
        .iter()
        .partition(|r| matches!(r.what, Some(What::Frame(_))));
    if !frame.is_empty() {
        out.push(Block::Heading(format!("{prefix}Frame")));
        for r in frame {
            out.push(item(r));
        }
    }
    // A statement moved to another role is told under both: where it went, and where from.
    let mut moved_away: BTreeMap<&str, Vec<&Record>> = BTreeMap::new();
    for r in &rest {
        if r.change == Some(Change::Moved) && r.from_role != r.to_role {
            moved_away.entry(r.from_role).or_default().push(r);
        }
    }
    let mut rest = rest.into_iter().peekable();
    for role in &c.roles {
        out.push(Block::Heading(role_heading(role, prefix)));
        let (id, old) = (role.id(), role.old.map_or("", |o| o.id.as_str()));
        while let Some(r) =
            rest.next_if(|r| r.to_role == id || (r.to_role.is_empty() && r.from_role == old))
        {
            push_record(out, r);
        }
        for r in moved_away.get(old).into_iter().flatten() {
            let what = r.what.map_or("", what_name);
            let (from, to) = (place(r.from_place, " / "), place(r.to_place, " / "));
            out.push(Block::Item {
                change: Change::Moved,
                text: format!("{what} moved from {from} to {} {to}", r.to_role),
            });
            out.push(Block::Detail(r.from.unwrap_or_default().to_string()));
        }
    }
}

/// The summary: roles by verdict, statements by change, the frame's count, each role's
/// verdict.
fn summary(out: &mut Vec<Block>, c: &Changes<'_>) {
    let mut verdicts: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &c.roles {
        *verdicts.entry(verdict_words(r.verdict())).or_default() += 1;
    }
    if !c.roles.is_empty() {
        let parts: Vec<String> = [
            Verdict::ExpectationsChanged,
            Verdict::WordingOnly,
            Verdict::Added,
            Verdict::Removed,
        ]
        .iter()
        .filter_map(|v| {
            verdicts.get(verdict_words(*v)).map(|n| match v {
                Verdict::Added | Verdict::Removed => format!("{n} {}", verdict_words(*v)),
                _ => format!("{n} with {}", verdict_words(*v)),
            })
        })
        .collect();
        out.push(Block::Fact(format!(
            "{}: {}.",
            count(c.roles.len(), "role"),
            parts.join(", ")
        )));
    }
    let mut changes: BTreeMap<Change, usize> = BTreeMap::new();
    for s in &c.statements {
        *changes.entry(s.change).or_default() += 1;
    }
    if !changes.is_empty() {
        let parts: Vec<String> = changes
            .iter()
            .map(|(k, n)| format!("{n} {}", change_name(*k)))
            .collect();
        out.push(Block::Fact(format!(
            "{}: {}.",
            count(c.statements.len(), "statement"),
            parts.join(", ")
        )));
    }
    if !c.frame.is_empty() {
        out.push(Block::Fact(format!(
            "The frame: {}.",
            count(c.frame.len(), "change")
        )));
    }
    for r in &c.roles {
        out.push(Block::Fact(format!(
            "{}: {}",
            role_name(r),
            verdict_words(r.verdict())
        )));
    }
}

/// A role as the outline names it: its id, or `old → new` when renamed.
fn role_name(r: &crate::query::changes::RoleChanges<'_>) -> String {
    match (r.old, r.new) {
        (Some(a), Some(b)) if a.id != b.id => format!("{} → {}", a.id, b.id),
        _ => r.id().to_string(),
    }
}

fn role_heading(r: &crate::query::changes::RoleChanges<'_>, prefix: &str) -> String {
    format!("{prefix}{} ({})", role_name(r), verdict_words(r.verdict()))
}

/// A frame change as one line.
fn item(r: &Record<'_>) -> Block {
    let change = r.change.unwrap_or(Change::Changed);
    let what = r.what.map_or("", what_name);
    // A theme's id is `dimension/theme`: spaced as a place is.
    let id = |s: Option<&str>| s.unwrap_or_default().replace('/', " / ");
    let text = match change {
        Change::Renamed => format!("{what} {} renamed {}", id(r.from), id(r.to)),
        Change::Changed if matches!(r.what, Some(What::Frame(FrameItem::Ladder))) => {
            format!("the ladder's {} changed", r.from_place.0)
        }
        Change::Changed => format!(
            "{what} {}: {} → {}",
            id(Some(r.from_place.0)),
            r.from.unwrap_or_default(),
            r.to.unwrap_or_default()
        ),
        _ => format!("{what} {} {}", id(r.to.or(r.from)), change_name(change)),
    };
    Block::Item { change, text }
}

/// One change of a role, with the words before and after under it.
fn push_record(out: &mut Vec<Block>, r: &Record<'_>) {
    let change = r.change.unwrap_or(Change::Changed);
    let line = |text: String| Block::Item { change, text };
    match r.what {
        Some(What::Role) => out.push(line(format!("role {}", change_name(change)))),
        Some(What::RoleLevel) => out.push(line(format!(
            "level {} → {}",
            r.from.unwrap_or_default(),
            r.to.unwrap_or_default()
        ))),
        Some(What::RoleTrack) => out.push(line(match change {
            Change::Added => format!("joins track {}", r.to.unwrap_or_default()),
            _ => format!("leaves track {}", r.from.unwrap_or_default()),
        })),
        Some(What::Title) | Some(What::Summary) => {
            out.push(line(format!(
                "{} changed",
                what_name(r.what.unwrap_or(What::Title))
            )));
            was_now(out, r);
        }
        Some(What::AttributeValue) => {
            let attribute = if r.to_place.0.is_empty() {
                r.from_place.0
            } else {
                r.to_place.0
            };
            out.push(line(format!("{attribute} {}", change_name(change))));
            was_now(out, r);
        }
        _ => statement(out, r, line),
    }
}

/// A statement's change: where it was or is, then its words.
fn statement(out: &mut Vec<Block>, r: &Record<'_>, line: impl Fn(String) -> Block) {
    let change = r.change.unwrap_or(Change::Changed);
    let what = r.what.map_or("", what_name);
    let (from, to) = (place(r.from_place, " / "), place(r.to_place, " / "));
    match change {
        Change::Added => {
            out.push(line(format!("{what} added in {to}")));
            out.push(Block::Detail(r.to.unwrap_or_default().to_string()));
        }
        Change::Removed => {
            out.push(line(format!("{what} removed from {from}")));
            out.push(Block::Detail(r.from.unwrap_or_default().to_string()));
        }
        Change::Moved => {
            let from = if r.from_role == r.to_role {
                from
            } else {
                format!("{} {from}", r.from_role)
            };
            out.push(line(format!("{what} moved from {from} to {to}")));
            if r.from == r.to {
                out.push(Block::Detail(r.to.unwrap_or_default().to_string()));
            } else {
                was_now(out, r);
            }
        }
        _ => {
            out.push(line(format!("{what} {} in {to}", change_name(change))));
            was_now(out, r);
        }
    }
}

fn was_now(out: &mut Vec<Block>, r: &Record<'_>) {
    if let Some(was) = r.from {
        out.push(Block::Detail(format!("was: {was}")));
    }
    if let Some(now) = r.to {
        out.push(Block::Detail(format!("now: {now}")));
    }
}
