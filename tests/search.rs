//! `ladder search`: matches, filters, highlighting and grep-like exit codes.

use super::*;

#[test]
fn search_exit_codes_follow_grep() {
    let found = run(&mut ladder(&["search", "incident"]));
    assert_eq!(found.status.code(), Some(0));
    assert!(!found.stdout.is_empty());
    let none = run(&mut ladder(&["search", "blockchain"]));
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty() && none.stderr.is_empty());
    assert_eq!(
        fails(&["search", "(", "--regex"], 2),
        "error: invalid regular expression \"(\": unclosed group\n"
    );
    assert_eq!(
        fails(&["search", "x", "--level", "L9"], 2),
        "error: unknown level \"L9\"; the levels are L1, L2, L3, L4\n"
    );
}

#[test]
fn search_quiet_prints_nothing_and_only_sets_the_exit_code() {
    let hit = run(&mut ladder(&["search", "-q", "mentor"]));
    assert_eq!(
        (hit.status.code(), hit.stdout.len(), hit.stderr.len()),
        (Some(0), 0, 0)
    );
    let miss = run(&mut ladder(&["search", "--quiet", "blockchain"]));
    assert_eq!(
        (miss.status.code(), miss.stdout.len(), miss.stderr.len()),
        (Some(1), 0, 0)
    );
}

#[test]
fn search_is_case_insensitive_unless_asked() {
    let any_case = ok(&["search", "SIEM", "--format", "tsv"]).lines().count();
    let lower = ok(&["search", "siem", "--format", "tsv"]).lines().count();
    assert_eq!(any_case, lower);
    assert!(any_case > 1);
    let exact = run(&mut ladder(&["search", "siem", "--case-sensitive"]));
    assert_eq!(
        exact.status.code(),
        Some(1),
        "SIEM is always upper case in the data"
    );
}

#[test]
fn search_regex_and_filters_narrow_the_hits() {
    let rows = |args: &[&str]| -> Vec<Vec<String>> {
        ok(&[args, &["--format", "tsv"]].concat())
            .lines()
            .skip(1)
            .map(|l| l.split('\t').map(String::from).collect())
            .collect()
    };
    let all = rows(&["search", "incident"]);
    let l2 = rows(&["search", "incident", "--level", "l2"]);
    assert!(!l2.is_empty() && l2.len() < all.len());
    assert!(l2.iter().all(|r| r[0].starts_with("L2-")));
    let engineer = rows(&["search", "incident", "--track", "engineer"]);
    let engineer_roles = [
        "L2-security-engineer",
        "L3-senior-security-engineer",
        "L4-technical-lead",
    ];
    assert!(
        !engineer.is_empty()
            && engineer
                .iter()
                .all(|r| engineer_roles.contains(&r[0].as_str()))
    );
    let business = rows(&["search", "incident", "--dimension", "business"]);
    assert!(!business.is_empty() && business.iter().all(|r| r[2] == "business-success"));
    let regex = rows(&["search", "^(Mentored|Trained)", "--regex"]);
    assert!(!regex.is_empty());
    assert!(
        regex
            .iter()
            .all(|r| r[5].starts_with("Mentored") || r[5].starts_with("Trained"))
    );
    let literal = run(&mut ladder(&["search", "^(Mentored|Trained)"]));
    assert_eq!(
        literal.status.code(),
        Some(1),
        "without --regex the pattern is literal"
    );
}

#[test]
fn search_highlights_matches_only_with_colour() {
    let plain = ok(&["search", "director"]);
    assert_eq!(
        plain,
        "L4-technical-lead  Evaluated by\n    Manager or Director\n"
    );
    let coloured = ok(&["search", "director", "--color", "always"]);
    assert!(
        coloured.contains("Manager or \u{1b}[1m\u{1b}[31mDirector\u{1b}[39m\u{1b}[0m"),
        "{coloured:?}"
    );
}
