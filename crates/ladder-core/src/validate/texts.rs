//! The checks on single texts, each over the model's one walk of its texts
//! ([`Ladder::visit_texts`]): none empty, none with characters shown escaped, one-line fields
//! on one line.

use super::finding::{Seg, Severity, path_of};
use crate::model::{Ladder, Step, TextKind};
use crate::text;

/// Whether a text is checked as a text: everything but references, which are checked as ids
/// by `references.rs` (an empty or escaped one names nothing), and emoji, which may be empty.
fn checked(kind: TextKind) -> bool {
    !matches!(kind, TextKind::Ref(_) | TextKind::Symbol)
}

/// How a message names a kind of text.
pub(super) fn described(kind: TextKind) -> &'static str {
    match kind {
        TextKind::Id(_) | TextKind::Ref(_) => "an id",
        TextKind::Name => "a name",
        TextKind::Symbol => "an emoji",
        TextKind::Value => "a value",
        TextKind::Prose => "a text",
    }
}

/// Every text of the ladder that is checked as a text, with its path and kind, in file order.
pub(super) fn texts(ladder: &Ladder) -> Vec<(Vec<Seg>, &str, TextKind)> {
    let mut out = Vec::new();
    ladder.visit_texts(|path, value, kind| {
        if checked(kind) {
            out.push((path_of(path), value, kind));
        }
    });
    out
}

/// Reports every one-line field (names, titles, the motto, emoji) that holds a line break: one
/// in a title would end a Markdown heading or a Mermaid label early.
pub(super) fn on_one_line(ladder: &Ladder, report: &mut impl FnMut(Severity, Vec<Seg>, String)) {
    ladder.visit_texts(|path: &[Step<'_>], value, kind| {
        let what = match kind {
            TextKind::Symbol => "emoji",
            TextKind::Name if path.last() == Some(&Step::Key("title")) => "title",
            TextKind::Name if path.last() == Some(&Step::Key("motto")) => "motto",
            TextKind::Name => "name",
            _ => return,
        };
        if value.contains(text::is_line_break) {
            let message = format!("this {what} holds a line break; a {what} must fit on one line");
            report(Severity::Error, path_of(path), message);
        }
    });
}

/// Reports empty texts anywhere (errors) and, with `warnings`, texts holding characters that
/// will be shown escaped.
///
/// Paths cost an allocation each, so they are built only for what is reported.
pub(super) fn filled_and_plain(
    ladder: &Ladder,
    warnings: bool,
    report: &mut impl FnMut(Severity, Vec<Seg>, String),
) {
    ladder.visit_texts(|path, value, kind| {
        if checked(kind) && value.trim().is_empty() {
            let message = format!("{} is empty", described(kind));
            report(Severity::Error, path_of(path), message);
        } else if warnings && !matches!(kind, TextKind::Ref(_)) && text::has_controls(value) {
            report(
                Severity::Warning,
                path_of(path),
                format!(
                    "{} holds control or bidirectional characters; they are shown as escapes",
                    described(kind)
                ),
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::{lines, minimal};

    #[test]
    fn a_line_break_in_a_title_or_name_is_an_error() {
        for (from, to) in [
            (
                "title = \"Designer\"",
                "title = \"Designer\\n```\\n# Owned\"",
            ),
            ("title = \"Designer\"", "title = \"Designer\\u2028x\""),
            ("name = \"Craft\"", "name = \"Craft\\r\""),
        ] {
            let text = minimal().replacen(from, to, 1);
            let line = text.lines().position(|l| l.contains(to)).expect("line") + 1;
            let column = to.find('"').expect("quote") + 1;
            let what = if from.starts_with("title") {
                "title"
            } else {
                "name"
            };
            let message = format!(
                "t.toml:{line}:{column}: error: this {what} holds a line break; a {what} must fit on one line"
            );
            let found = lines(&text);
            assert!(found.contains(&message), "{message}\n{found:#?}");
            assert!(
                crate::model::Ladder::from_toml(&text).is_err(),
                "loading refuses {to}"
            );
        }
    }
}
