//! Checks a ladder: TOML syntax and shape, references, ids and text, with the place of each finding.
//!
//! `check_scope` runs one function per check in a fixed order: `ids.rs` (unique, in the safe
//! alphabet), `texts.rs` (one-line fields, empty and escaped texts), `limits.rs` (texts not
//! too long, not too many levels, attributes, dimensions, themes, tracks per role, roles for
//! the attributes and dimensions), `references.rs` (what
//! tracks and roles name is declared; tracks ascend), `coverage.rs` (no roles, thin
//! dimensions, roles on no track, theme gaps) and `repeats.rs` (repeated sentences).
//! `locate.rs` places the findings in the text; `finding.rs` holds the types all of them
//! share. Imports run one way: this file uses its children, which use only `finding.rs` and
//! each other (`references` → `ids`, `repeats` → `texts`), never this file (tests aside).
//!
//! Each check's tests sit at the bottom of its file (those of placing findings and syntax
//! errors in `locate.rs`); the tests here are those of the checks run together. The helpers
//! all of them share (a text validated, its findings as printed, the documented minimal
//! ladder) are in `test_support.rs`.

mod coverage;
mod finding;
mod ids;
pub mod limits;
mod locate;
mod references;
mod repeats;
#[cfg(test)]
pub(crate) mod test_support;
mod texts;

// Every public item of `finding.rs` is part of this module's interface.
pub use finding::*;
pub use locate::syntax_message;

use crate::document::Document;
use crate::model::Ladder;

/// [`report_in`] for a text parsed whole (the tests' short way).
#[cfg(test)]
pub(crate) fn report(
    source: &Document,
    parsed: &Result<Ladder, toml::de::Error>,
    scope: Scope,
) -> Validation {
    report_in(source, parsed, scope, None)
}

/// Every finding of a ladder's source, each located in the file: the TOML or shape error when
/// it did not parse (the first such error ends the check), else the findings of `scope`. When
/// the ladder was parsed from a text cut into `pieces`, only the pieces that findings are in
/// are parsed again to place them.
pub(crate) fn report_in(
    source: &Document,
    parsed: &Result<Ladder, toml::de::Error>,
    scope: Scope,
    pieces: Option<Pieces<'_>>,
) -> Validation {
    let findings = match parsed {
        Err(err) => locate::syntax_error(source, err),
        Ok(ladder) => locate::findings(source, check_scope(ladder, scope), pieces),
    };
    Validation {
        file: source.name.clone(),
        findings,
    }
}

/// Every semantic problem of a parsed ladder, in the order of the file's sections (the tests'
/// short way to [`check_scope`] with [`Scope::All`]).
#[cfg(test)]
pub(crate) fn check(ladder: &Ladder) -> Vec<Finding> {
    check_scope(ladder, Scope::All)
}

/// Only the errors: what loading a ladder needs to know, without the cost of the warnings.
pub fn errors(ladder: &Ladder) -> Vec<Finding> {
    check_scope(ladder, Scope::Errors)
}

/// The errors of a ladder loaded with one of its roles (see `load::one_role`): what concerns
/// that role and everything else, but not tracks, whose other roles are not there to check.
pub(crate) fn errors_of_one_role(ladder: &Ladder) -> Vec<Finding> {
    check_scope(ladder, Scope::OneRole)
}

/// Which findings a check looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Every error and warning: what `ladder validate` reports.
    All,
    /// Only the errors: what loading needs to know.
    Errors,
    /// The errors of a ladder loaded with one of its roles.
    OneRole,
}

/// Runs the checks of `scope`, each once, in the order of the file's sections: ids, texts,
/// tracks, then role by role, then the warnings that look across roles.
///
/// Checks of tracks and of "no roles" need every role, so a ladder loaded with one of its
/// roles skips them; warnings are looked for only when wanted: loading needs only the errors.
/// Every check is linear in the ladder, and so is the number of findings: where one place
/// lacks many things (attributes, dimensions, themes), the first few are found one by one
/// and the rest counted in one more.
fn check_scope(ladder: &Ladder, scope: Scope) -> Vec<Finding> {
    let warnings = scope == Scope::All;
    let mut findings = Vec::new();
    let report = &mut |severity: Severity, at: Vec<Seg>, message: String| {
        findings.push(Finding {
            severity,
            message,
            at,
        })
    };
    ids::unique(ladder, report);
    ids::in_alphabet(ladder, report);
    texts::on_one_line(ladder, report);
    texts::filled_and_plain(ladder, warnings, report);
    limits::text_lengths(ladder, report);
    limits::counts(ladder, scope != Scope::OneRole, report);
    if scope != Scope::OneRole {
        coverage::has_roles(ladder, report);
        references::tracks(ladder, report);
    }
    let attribute_ids = references::attribute_ids(ladder);
    let dimension_ids = if warnings {
        coverage::dimension_ids(ladder)
    } else {
        Default::default()
    };
    for (ri, role) in ladder.roles.iter().enumerate() {
        references::level_listed(ladder, ri, role, report);
        references::attributes_known(&attribute_ids, ri, role, report);
        references::dimensions_and_themes(ladder, ri, role, report);
        if warnings {
            references::attributes_given(ladder, &attribute_ids, ri, role, report);
            coverage::thin_dimensions(ladder, &dimension_ids, ri, role, report);
            coverage::on_a_track(ladder, ri, role, report);
        }
    }
    if warnings {
        coverage::theme_gaps(ladder, report);
        repeats::repeated_sentences(ladder, report);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::test_support::{lines, minimal, source, validate, validate_errors};
    use super::*;

    #[test]
    fn the_documented_minimal_example_is_clean() {
        assert_eq!(lines(&minimal()), Vec::<String>::new());
    }

    #[test]
    fn unknown_keys_name_the_expected_ones() {
        let typo = minimal().replacen("title = \"Designer\"", "titel = \"Designer\"", 1);
        let found = lines(&typo);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("unknown field `titel`, expected one of"),
            "{found:?}"
        );
    }

    #[test]
    fn missing_attribute_values_are_warnings_and_empty_text_errors() {
        let text = minimal().replacen("scope = \"Own work\"", "", 1).replacen(
            "title = \"Senior Designer\"",
            "title = \"  \"",
            1,
        );
        let found = lines(&text);
        assert!(
            found.iter().any(|f| f.ends_with(
                "warning: role \"D1-designer\" states no value for attribute \"scope\""
            )),
            "{found:#?}"
        );
        assert!(
            found.iter().any(|f| f.ends_with("error: a name is empty")),
            "{found:#?}"
        );
    }

    #[test]
    fn warnings_cover_gaps_repeats_thin_dimensions_and_orphans() {
        let text = minimal()
            .replacen(
                "{ theme = \"reach\", text = \"Asks for critique early.\" },",
                "",
                1,
            )
            .replacen(
                "Runs critique sessions for the team.",
                "Applies the design system correctly.",
                1,
            )
            .replacen(
                "roles = [\"D1-designer\", \"D2-senior-designer\"]",
                "roles = [\"D2-senior-designer\"]",
                1,
            );
        let found: Vec<String> = lines(&text)
            .into_iter()
            .map(|f| f.split(": warning: ").nth(1).unwrap_or(&f).to_string())
            .collect();
        assert!(found.contains(&"role \"D1-designer\" has 1 expectation in dimension \"craft\"; a level usually needs at least two".to_string()), "{found:#?}");
        assert!(
            found.contains(&"role \"D1-designer\" is on no track".to_string()),
            "{found:#?}"
        );
        assert!(
            found.iter().any(|f| f.starts_with(
                "the sentence \"Applies the design system correctly.\" also appears at role[0]"
            )),
            "{found:#?}"
        );
    }

    #[test]
    fn what_a_role_leaves_out_of_many_is_named_eight_times_then_counted() {
        // 20 attributes and 20 dimensions more, none of which D1 gives a value or a table for.
        let mut declared = String::new();
        for i in 0..20 {
            declared += &format!(
                "[[attribute]]\nid = \"a{i}\"\nname = \"A{i}\"\nmeaning = \"M.\"\n\n\
                 [[dimension]]\nid = \"d{i}\"\nname = \"D{i}\"\n\n"
            );
        }
        let text = minimal().replacen("[[dimension]]", &format!("{declared}[[dimension]]"), 1);
        let messages: Vec<String> = validate(&source(&text))
            .findings
            .into_iter()
            .filter(|f| f.message.starts_with("role \"D1-designer\""))
            .map(|f| f.message)
            .collect();
        let mut expected: Vec<String> = (0..8)
            .map(|i| format!("role \"D1-designer\" states no value for attribute \"a{i}\""))
            .collect();
        expected.push("role \"D1-designer\" states no value for 12 more attributes".to_string());
        expected.extend((0..8).map(|i| {
            format!(
                "role \"D1-designer\" has 0 expectations in dimension \"d{i}\"; a level usually needs at least two"
            )
        }));
        expected.push(
            "role \"D1-designer\" has no expectation in 12 more dimensions; a level usually needs at least two"
                .to_string(),
        );
        assert_eq!(messages, expected);
    }

    #[test]
    fn loading_locates_only_errors() {
        let text = minimal()
            .replacen("level = \"D1\"", "level = \"Z9\"", 1)
            .replacen(
                "Runs critique sessions for the team.",
                "Applies the design system correctly.",
                1,
            );
        let all = validate(&source(&text));
        let errors = validate_errors(&source(&text));
        assert!(all.count(Severity::Warning) > 0);
        assert_eq!(errors.count(Severity::Warning), 0);
        let only: Vec<&Located> = all
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert_eq!(errors.findings.iter().collect::<Vec<_>>(), only);
    }
}
