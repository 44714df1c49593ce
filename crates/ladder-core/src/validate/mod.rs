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
//! each other (`references` → `ids`, `repeats` → `texts`), never this file.

mod coverage;
mod finding;
mod ids;
pub mod limits;
mod locate;
mod references;
mod repeats;
mod texts;

// Every public item of `finding.rs` is part of this module's interface.
pub use finding::*;
pub(crate) use locate::syntax_message;

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
    use super::coverage::theme_gaps;
    use super::locate::{excerpt, locate};
    use super::*;
    use crate::document::Document;
    use crate::model::Role;

    /// What `load::validate` reports, with the whole-text parse (the same ladder as the
    /// piece-by-piece one).
    fn validate(source: &Document) -> Validation {
        report(source, &toml::from_str(&source.text), Scope::All)
    }

    fn validate_errors(source: &Document) -> Validation {
        report(source, &toml::from_str(&source.text), Scope::Errors)
    }

    fn source(text: &str) -> Document {
        Document {
            name: "t.toml".to_string(),
            text: text.to_string(),
        }
    }

    fn lines(text: &str) -> Vec<String> {
        validate(&source(text))
            .findings
            .iter()
            .map(|f| f.to_string())
            .collect()
    }

    /// The annotated minimal ladder of docs/format.md.
    fn minimal() -> String {
        let doc = include_str!("../../../../docs/format.md");
        let start = doc.find("```toml\n").expect("toml block") + "```toml\n".len();
        let end = start + doc[start..].find("```").expect("closed block");
        doc[start..end].to_string()
    }

    #[test]
    fn the_documented_minimal_example_is_clean() {
        assert_eq!(lines(&minimal()), Vec::<String>::new());
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let broken = minimal().replacen("name = \"Tiny Design\"", "name = \"Tiny Design", 1);
        let found = lines(&broken);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("t.toml:"), "{found:?}");
        assert!(found[0].contains(": error: "), "{found:?}");
    }

    #[test]
    fn a_long_key_or_value_is_cut_in_a_syntax_message() {
        let key = "k".repeat(10_000);
        let text = minimal().replacen("title = \"Designer\"", &format!("{key} = 1"), 1);
        let found = lines(&text);
        let cut = format!("`{}…`", "k".repeat(60));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains(&format!("unknown field {cut}, expected one of `id`")),
            "{found:?}"
        );
        assert!(found[0].len() < 400, "{}", found[0].len());
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
    fn the_gaps_at_one_place_are_named_eight_times_then_counted() {
        // 20 themes more that D1 and D3 have and D2, between them on the track, lacks.
        let themes: Vec<String> = (0..20)
            .map(|i| format!("{{ id = \"t{i}\", name = \"T{i}\" }}"))
            .collect();
        let tagged: Vec<String> = (0..20)
            .map(|i| format!("{{ theme = \"t{i}\", text = \"Does t{i}.\" }}"))
            .collect();
        let mut text = minimal()
            .replacen("[\"D1\", \"D2\"]", "[\"D1\", \"D2\", \"D3\"]", 1)
            .replacen(
                "{ id = \"reach\", name = \"Reach\" },",
                &format!(
                    "{{ id = \"reach\", name = \"Reach\" }}, {},",
                    themes.join(", ")
                ),
                1,
            )
            .replacen(
                "\"D2-senior-designer\"]",
                "\"D2-senior-designer\", \"D3-lead\"]",
                1,
            )
            .replacen(
                "{ theme = \"reach\", text = \"Asks for critique early.\" },",
                &format!(
                    "{{ theme = \"reach\", text = \"Asks for critique early.\" }}, {},",
                    tagged.join(", ")
                ),
                1,
            );
        text += &format!(
            "\n[[role]]\nid = \"D3-lead\"\nlevel = \"D3\"\ntitle = \"Lead\"\nsummary = \"Leads.\"\n\
             [role.attributes]\nscope = \"All\"\n[role.dimensions.craft]\nexpectations = [{}]\n",
            tagged.join(", ")
        );
        let gaps: Vec<String> = validate(&source(&text))
            .findings
            .into_iter()
            .filter(|f| f.message.contains("though the track has"))
            .map(|f| f.message)
            .collect();
        let mut expected: Vec<String> = (0..8)
            .map(|i| {
                format!(
                    "theme \"t{i}\" of \"craft\" has no expectation at \"D2-senior-designer\" on track \
                     \"design\", though the track has it before and after"
                )
            })
            .collect();
        expected.push(
            "12 more themes have no expectation at \"D2-senior-designer\" on track \"design\", \
             though the track has them before and after"
                .to_string(),
        );
        assert_eq!(gaps, expected);
    }

    #[test]
    fn a_theme_gap_inside_a_track_is_a_warning() {
        let l: Ladder =
            toml::from_str(include_str!("../../../../data/ladder.toml")).expect("the data parses");
        let gaps: Vec<String> = check(&l)
            .into_iter()
            .filter(|f| f.message.starts_with("theme \"escalation-ambiguity\""))
            .map(|f| f.message)
            .collect();
        assert_eq!(
            gaps,
            ["analyst", "engineer", "cloud"].map(|t| {
                let role = match t {
                    "analyst" => "L3-senior-security-analyst",
                    "engineer" => "L3-senior-security-engineer",
                    _ => "L3-senior-cloud-security-engineer",
                };
                format!(
                    "theme \"escalation-ambiguity\" of \"domain-expertise\" has no expectation at \"{role}\" on track \"{t}\", \
                     though the track has it before and after"
                )
            })
        );
    }

    /// The theme-gap check as a search of every track, dimension, theme and role: what
    /// [`theme_gaps`] must find, in the same order.
    fn theme_gaps_searched(ladder: &Ladder) -> Vec<(Vec<Seg>, String)> {
        let mut out = Vec::new();
        for (ti, track) in ladder.tracks.iter().enumerate() {
            let roles: Vec<&Role> = track
                .roles
                .iter()
                .filter_map(|id| ladder.role(id))
                .collect();
            for dimension in &ladder.dimensions {
                for theme in &dimension.themes {
                    let present: Vec<bool> = roles
                        .iter()
                        .map(|r| {
                            r.in_dimension(&dimension.id)
                                .expectations
                                .iter()
                                .any(|e| e.theme.as_deref() == Some(&theme.id))
                        })
                        .collect();
                    let (Some(first), Some(last)) = (
                        present.iter().position(|p| *p),
                        present.iter().rposition(|p| *p),
                    ) else {
                        continue;
                    };
                    for i in (first + 1..last).filter(|&i| !present[i]) {
                        out.push((
                            vec![key("track"), Seg::Index(ti), key("roles"), Seg::Index(i)],
                            format!(
                                "theme {:?} of {:?} has no expectation at {:?} on track {:?}, \
                                 though the track has it before and after",
                                theme.id, dimension.id, roles[i].id, track.id
                            ),
                        ));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn theme_gaps_are_those_a_search_finds_in_the_same_order() {
        // Themes declared twice, in two dimensions, along two tracks that share roles, one
        // naming an unknown role, with gaps of one and of several levels.
        let role = |id: &str, level: &str, themes: &[(&str, &str)]| {
            let mut text = format!(
                "[[role]]\nid = \"{id}\"\nlevel = \"{level}\"\ntitle = \"T\"\nsummary = \"S.\"\n"
            );
            for d in ["craft", "care"] {
                let es: Vec<String> = themes
                    .iter()
                    .filter(|(dim, _)| *dim == d)
                    .map(|(_, t)| format!("{{ theme = \"{t}\", text = \"{id} {t}.\" }}"))
                    .collect();
                text += &format!("dimensions.{d}.expectations = [{}]\n", es.join(", "));
            }
            text
        };
        let mut text = String::from(
            "name = \"G\"\nlevels = [\"A\", \"B\", \"C\", \"D\", \"E\"]\n\
             [[dimension]]\nid = \"craft\"\nname = \"Craft\"\nthemes = [\
             { id = \"x\", name = \"X\" }, { id = \"y\", name = \"Y\" }, { id = \"x\", name = \"X2\" }]\n\
             [[dimension]]\nid = \"care\"\nname = \"Care\"\nthemes = [\
             { id = \"y\", name = \"Y\" }, { id = \"z\", name = \"Z\" }]\n\
             [[track]]\nid = \"one\"\nname = \"One\"\nroles = [\"A-a\", \"B-b\", \"C-c\", \"D-d\", \"E-e\"]\n\
             [[track]]\nid = \"two\"\nname = \"Two\"\nroles = [\"A-a\", \"nobody\", \"C-c\", \"D-d2\", \"E-e\"]\n",
        );
        text += &role("A-a", "A", &[("craft", "x"), ("care", "y"), ("care", "z")]);
        text += &role("B-b", "B", &[("craft", "y")]);
        text += &role("C-c", "C", &[("craft", "y"), ("care", "z")]);
        text += &role("D-d", "D", &[("craft", "x")]);
        text += &role("D-d2", "D", &[]);
        text += &role("E-e", "E", &[("craft", "x"), ("craft", "y"), ("care", "y")]);
        let ladder: Ladder = toml::from_str(&text).expect("parses");
        let mut found = Vec::new();
        theme_gaps(&ladder, &mut |_, at, message| found.push((at, message)));
        let expected = theme_gaps_searched(&ladder);
        assert!(expected.len() > 10, "{expected:#?}");
        assert_eq!(found, expected);
    }

    #[test]
    fn an_undeclared_theme_is_found_through_the_look_up_in_its_own_dimension() {
        // "reach" is a theme of craft only: under another dimension it is undeclared.
        let text = minimal()
            .replacen(
                "[[track]]",
                "[[dimension]]\nid = \"care\"\nname = \"Care\"\nthemes = [{ id = \"kind\", name = \"Kind\" }]\n\n[[track]]",
                1,
            )
            .replacen(
                "[role.dimensions.craft]",
                "[role.dimensions.care]\nexpectations = [{ theme = \"reach\", text = \"Listens.\" }, { theme = \"kind\", text = \"Helps.\" }]\n\n[role.dimensions.craft]",
                1,
            );
        let errors: Vec<String> = errors(&toml::from_str(&text).expect("parses"))
            .into_iter()
            .map(|f| f.message)
            .collect();
        assert_eq!(
            errors,
            [
                "role \"D1-designer\" tags an expectation with theme \"reach\", which dimension \"care\" does not declare"
            ]
        );
    }

    #[test]
    fn semantic_errors_point_at_the_offending_value() {
        let text = minimal().replacen(
            "roles = [\"D1-designer\", \"D2-senior-designer\"]",
            "roles = [\"D2-senior-designer\", \"D1-designer\", \"D3-lead\"]",
            1,
        );
        let found = lines(&text);
        let line = text
            .lines()
            .position(|l| l.contains("D3-lead"))
            .expect("line")
            + 1;
        let column = text
            .lines()
            .nth(line - 1)
            .expect("line")
            .find("\"D1-designer\"")
            .expect("col")
            + 1;
        assert!(
            found.contains(&format!(
                "t.toml:{line}:{column}: error: track \"design\" does not ascend: \"D1-designer\" (D1) comes after \"D2-senior-designer\" (D2)"
            )),
            "{found:#?}"
        );
        assert!(
            found
                .iter()
                .any(|f| f.ends_with("error: track \"design\" names unknown role \"D3-lead\"")),
            "{found:#?}"
        );
    }

    #[test]
    fn repeated_ids_are_errors_at_their_later_places() {
        let mut ladder: Ladder = toml::from_str(&minimal()).expect("parses");
        ladder.levels.push("D1".to_string());
        let themes = &mut ladder.dimensions[0].themes;
        themes.insert(0, themes[1].clone());
        ladder.roles.push(ladder.roles[0].clone());
        let found: Vec<(String, Vec<Seg>)> = errors(&ladder)
            .into_iter()
            .filter(|f| f.message.starts_with("duplicate"))
            .map(|f| (f.message, f.at))
            .collect();
        let at = |kind: &str, i: usize, rest: &[Seg]| {
            let mut at = vec![Seg::Key(kind.to_string()), Seg::Index(i)];
            at.extend_from_slice(rest);
            at
        };
        let id = || Seg::Key("id".to_string());
        let themes = Seg::Key("themes".to_string());
        let expected = vec![
            (
                "duplicate level id \"D1\"".to_string(),
                at("levels", 2, &[]),
            ),
            (
                "duplicate theme in dimension \"craft\" id \"reach\"".to_string(),
                at("dimension", 0, &[themes, Seg::Index(2), id()]),
            ),
            (
                "duplicate role id \"D1-designer\"".to_string(),
                at("role", 2, &[id()]),
            ),
        ];
        assert_eq!(found, expected);
    }

    #[test]
    fn ids_outside_the_safe_alphabet_are_errors_at_their_place() {
        let text = minimal()
            .replacen("id = \"design\"", "id = \"t$(touch X)\"", 1)
            .replacen("id = \"craft\"", "id = \"a`touch Y`\"", 1)
            .replacen(
                "[role.dimensions.craft]",
                "[role.dimensions.\"a`touch Y`\"]",
                2,
            );
        // Every line that holds a hostile id, with the column of its opening quote.
        let places: Vec<(usize, usize)> = text
            .lines()
            .enumerate()
            .filter_map(|(n, l)| Some((n + 1, l.find("\"t$").or_else(|| l.find("\"a`"))? + 1)))
            .collect();
        let alphabet = "must use only ASCII letters, digits, '-', '_' and '.', and start with a letter or digit";
        let expected: Vec<String> = places
            .iter()
            .map(|(line, column)| {
                let what = if text.lines().nth(line - 1).is_some_and(|l| l.contains("t$")) {
                    "track id \"t$(touch X)\""
                } else {
                    "dimension id \"a`touch Y`\""
                };
                format!("t.toml:{line}:{column}: error: {what} {alphabet}")
            })
            .collect();
        assert_eq!(expected.len(), 4);
        assert_eq!(lines(&text), expected);
        assert!(crate::model::Ladder::from_toml(&text).is_err());
    }

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

    #[test]
    fn a_short_line_is_shown_whole_with_the_caret_at_the_column() {
        assert_eq!(
            excerpt("level = \"Z9\"", 8),
            ("level = \"Z9\"".to_string(), 8)
        );
        assert_eq!(excerpt("", 0), (String::new(), 0));
    }

    #[test]
    fn a_long_line_is_cut_around_the_column_and_marked() {
        let line: String = (0..1000)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        // In the middle: 40 characters each side, cut on both.
        let (shown, caret) = excerpt(&line, 500);
        assert_eq!(shown, format!("…{}…", &line[460..540]));
        assert_eq!(caret, 41);
        assert_eq!(shown.chars().nth(caret), line[500..].chars().next());
        // Near the start, the room before goes after.
        assert_eq!(excerpt(&line, 3), (format!("{}…", &line[..80]), 3));
        // At the end, the room after goes before.
        assert_eq!(excerpt(&line, 1000), (format!("…{}", &line[920..]), 81));
    }

    #[test]
    fn the_caret_counts_escapes_and_multibyte_characters_before_it() {
        let line = "é\u{1b}x = \"y\"";
        let at = line.find('"').expect("quote");
        let (shown, caret) = excerpt(line, at);
        assert_eq!(shown, "é\\u{1b}x = \"y\"");
        assert_eq!(shown.chars().nth(caret), Some('"'));
    }

    #[test]
    fn findings_on_one_line_get_the_columns_a_single_count_gives() {
        let text = "a = 1\nabout = \"ééé Word. Word. Word.\"\nb = 2\n";
        let offsets = [30, 0, 9, 15, 12, 40, 9];
        let found = offsets
            .iter()
            .map(|&o| (Severity::Warning, "m".to_string(), o))
            .collect();
        let placed: Vec<(usize, usize)> = locate(&source(text), found)
            .iter()
            .map(|f| (f.line, f.column))
            .collect();
        let expected: Vec<(usize, usize)> = offsets
            .iter()
            .map(|&o| crate::document::line_column(text, o))
            .collect();
        assert_eq!(placed, expected);
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
