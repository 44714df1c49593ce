//! The words the formats share: the names, symbols and legends of comparison marks, the
//! summary of a comparison, and the phrases of what a view leaves out.

use crate::query::changes::{Change, FrameItem, Kind, Verdict};
use crate::query::compare::{Comparison, Counts, Direction, Mark, Marked};
use crate::view::{LeftOut, State, What};

/// What the human formats show for an attribute value a role does not state (values are
/// optional in the format).
pub(crate) const NOT_STATED: &str = "not stated";
/// The heading of a view's attributes, which `browse` also finds its first section by.
pub(crate) const ATTRIBUTES: &str = "Attributes";

/// The value of a comparison mark in the machine formats (JSON and TSV).
pub(super) fn mark_name(mark: Mark) -> &'static str {
    match mark {
        Mark::New => "new",
        Mark::Grows => "grows",
        Mark::Differs => "differs",
        Mark::Reworded => "reworded",
        Mark::NotRestated => "not-restated",
        Mark::Same => "same",
    }
}

/// The symbol of a comparison mark for people: it holds without colour.
pub(super) fn mark_symbol(mark: Mark) -> &'static str {
    match mark {
        Mark::New => "+",
        Mark::Grows | Mark::Differs => "~",
        Mark::Reworded => "≈",
        Mark::NotRestated => "·",
        Mark::Same => "=",
    }
}

/// What a comparison mark means, for legends and brief lists (table and Markdown).
pub(super) fn mark_legend(mark: Mark) -> &'static str {
    match mark {
        Mark::New => "new at B",
        Mark::Grows => "grows",
        Mark::Differs => "differs",
        Mark::Reworded => "reworded",
        Mark::NotRestated => "not restated at B",
        Mark::Same => "same",
    }
}

/// What a comparison's header says of where B stands, when B is not simply above A.
pub(super) fn direction_note(c: &Comparison<'_>) -> Option<&'static str> {
    match c.direction {
        Direction::Up | Direction::Across => None,
        Direction::Level => {
            Some("A and B are at the same level: the marks say how B differs from A.")
        }
        Direction::Down => {
            Some("B is below A: what B says and A does not is marked new, but it is no step up.")
        }
        Direction::Same => Some("A and B are the same role: every statement is the same."),
    }
}

/// The value of where B stands, in JSON.
pub(super) fn direction_name(direction: Direction) -> &'static str {
    match direction {
        Direction::Up => "up",
        Direction::Level => "level",
        Direction::Down => "down",
        Direction::Same => "same",
        Direction::Across => "across",
    }
}

/// The marks a legend lists, in its order: "grows" upward, "differs" otherwise.
pub(super) fn legend_marks(c: &Comparison<'_>) -> [Mark; 5] {
    let differ = if c.upward { Mark::Grows } else { Mark::Differs };
    [
        Mark::New,
        differ,
        Mark::Reworded,
        Mark::NotRestated,
        Mark::Same,
    ]
}

/// Across two ladders, the lines that say which dimensions only one of them has, e.g. "Only
/// A's ladder has: 🦉 Domain Expertise"; none within one ladder.
pub(super) fn only_at(c: &Comparison<'_>) -> Vec<String> {
    let side = |dims: &[&crate::model::Dimension], who: &str| {
        (!dims.is_empty()).then(|| {
            let labels = crate::text::some_of(dims.iter().map(|d| d.label()));
            format!("Only {who}'s ladder has: {labels}")
        })
    };
    [side(&c.only_at[0], "A"), side(&c.only_at[1], "B")]
        .into_iter()
        .flatten()
        .collect()
}

/// What the legend adds when B is above A: a level builds on the ones below.
pub(super) const BUILDS_ON: &str = "B still builds on A: what B does not restate still applies.";

/// A dimension's statements counted by mark, for the summaries of `diff` and `next`:
/// "3 new · 2 grow · 1 reworded · 4 not restated"; marks no statement carries are left out.
/// The ids of a comparison's two roles as its header names them: `ladder/role` across the
/// ladders of a catalogue, the role's id within one ladder.
pub(super) fn side_ids(c: &Comparison<'_>) -> [String; 2] {
    match c.ladders {
        Some([a, b]) => [format!("{a}/{}", c.from.id), format!("{b}/{}", c.to.id)],
        None => [c.from.id.clone(), c.to.id.clone()],
    }
}

pub(super) fn summary(counts: &Counts) -> String {
    summary_parts(counts).join(" · ")
}

/// The parts of a [`summary`], one count each.
pub(super) fn summary_parts(counts: &Counts) -> Vec<String> {
    let parts: Vec<String> = SUMMARY
        .iter()
        .filter(|m| counts.of(**m) > 0)
        .map(|&m| {
            let n = counts.of(m);
            let word = match (m, n) {
                (Mark::New, _) => "new",
                (Mark::Grows, 1) => "grows",
                (Mark::Grows, _) => "grow",
                (Mark::Differs, 1) => "differs",
                (Mark::Differs, _) => "differ",
                (Mark::Reworded, _) => "reworded",
                (Mark::NotRestated, _) => "not restated",
                (Mark::Same, _) => "same",
            };
            format!("{n} {word}")
        })
        .collect();
    if parts.is_empty() {
        vec!["no expectations".to_string()]
    } else {
        parts
    }
}

/// The order of a summary's counts.
pub(super) const SUMMARY: [Mark; 6] = [
    Mark::New,
    Mark::Grows,
    Mark::Differs,
    Mark::Reworded,
    Mark::NotRestated,
    Mark::Same,
];

/// What a view for people says of the attributes a role states no value for, past the first
/// few: "3 more attributes not stated".
pub(super) fn more_not_stated(count: usize) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} more attribute{plural} not stated")
}

/// What a view for people says of the dimensions a role says nothing in, past the first few:
/// "3 more dimensions without expectations".
pub(super) fn more_without_expectations(count: usize) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} more dimension{plural} without expectations")
}

/// The line after the next steps a view for people shows, about those it leaves out.
pub(super) fn steps_left_out(role_id: &str, left_out: &LeftOut<'_>) -> String {
    let steps = left_out.steps;
    let tracks = crate::text::some_of(left_out.tracks.iter().map(|t| t.id.as_str()));
    format!(
        "{steps} more next step{} on track{} {tracks} {} left out: see one with ladder next {role_id} --track TRACK",
        if steps == 1 { "" } else { "s" },
        if left_out.tracks.len() == 1 { "" } else { "s" },
        if steps == 1 { "is" } else { "are" },
    )
}

/// Whether a brief list shows an item with this mark: only what is new and what grows.
pub(super) fn in_brief(mark: Mark) -> bool {
    matches!(mark, Mark::New | Mark::Grows | Mark::Differs)
}

/// An expectation's text piece by piece, each run of words its partner lacks (see
/// [`Marked::changed`]) through `changed` and the rest through `kept`; then how alike it
/// reads to its counterpart when reworded.
pub(super) fn worded(
    m: &Marked<'_>,
    kept: impl Fn(&str) -> String,
    changed: impl Fn(&str) -> String,
) -> String {
    let mut text = String::new();
    let mut at = 0;
    for run in &m.changed {
        text += &kept(&m.text[at..run.start]);
        text += &changed(&m.text[run.clone()]);
        at = run.end;
    }
    text += &kept(&m.text[at..]);
    match (m.mark, m.similarity) {
        (Mark::Reworded, Some(s)) => format!("{text} ({:.0}% alike)", s * 100.0),
        _ => text,
    }
}

/// The name of a kind of change, in every format.
pub(super) fn change_name(change: Change) -> &'static str {
    match change {
        Change::Added => "added",
        Change::Removed => "removed",
        Change::Renamed => "renamed",
        Change::Reworded => "reworded",
        Change::Grows => "grows",
        Change::Moved => "moved",
        Change::Changed => "changed",
    }
}

/// The symbol of a kind of change for people: it holds without colour.
pub(super) fn change_symbol(change: Change) -> &'static str {
    match change {
        Change::Added => "+",
        Change::Removed => "-",
        Change::Renamed | Change::Moved => "→",
        Change::Reworded => "≈",
        Change::Grows => "~",
        Change::Changed => "*",
    }
}

/// What a change record is about, in the machine formats.
pub(super) fn what_name(what: What) -> &'static str {
    match what {
        What::Frame(FrameItem::Ladder) | What::Ladder => "ladder",
        What::Frame(FrameItem::Level) => "level",
        What::Frame(FrameItem::Track) => "track",
        What::Frame(FrameItem::Dimension) => "dimension",
        What::Frame(FrameItem::Theme) => "theme",
        What::Frame(FrameItem::Attribute) => "attribute",
        What::Role => "role",
        What::RoleLevel => "role-level",
        What::RoleTrack => "role-track",
        What::Title => "title",
        What::Summary => "summary",
        What::AttributeValue => "attribute-value",
        What::Statement(Kind::Expectation) => "expectation",
        What::Statement(Kind::Example) => "example",
    }
}

/// A role's verdict in words, for people and the machine formats alike.
pub(super) fn verdict_words(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Added => "added",
        Verdict::Removed => "removed",
        Verdict::WordingOnly => "wording only",
        Verdict::ExpectationsChanged => "expectations changed",
    }
}

/// A place as the formats write it: `dimension/theme`, `dimension`, or an attribute id.
/// `sep` is `/` for scripts, ` / ` for people (a narrow terminal may then break between the
/// two ids rather than cut one).
pub(super) fn place(place: (&str, Option<&str>), sep: &str) -> String {
    match place {
        (d, Some(t)) => format!("{d}{sep}{t}"),
        (d, None) => d.to_string(),
    }
}

/// What the file holds for an expectation, in the machine formats.
pub(super) fn state_name(state: State) -> &'static str {
    match state {
        State::Evidence => "evidence",
        State::Thin => "thin",
        State::Empty => "empty",
        State::Missing => "missing",
    }
}

/// The one line `show ROLE` gives the bands, which every role shares: their names, and where
/// they are explained once for the ladder.
pub(super) fn bands_pointer(bands: &[crate::model::Band]) -> String {
    let names: Vec<&str> = bands.iter().map(|b| b.name.as_str()).collect();
    format!(
        "Bands within a level: {}; `ladder dimensions` says what each means.",
        names.join(", ")
    )
}

/// A count with its word, plural after any number but one: `1 role`, `3 roles`.
pub(super) fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
