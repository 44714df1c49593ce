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

/// How many texts `ladder search ARGS` finds (0 when it exits 1).
fn count(args: &[&str]) -> usize {
    let out = run(&mut ladder(
        &[&["search"], args, &["--format", "tsv", "--no-header"]].concat(),
    ));
    assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}");
    String::from_utf8_lossy(&out.stdout).lines().count()
}

#[test]
fn search_case_is_smart_as_in_rg_unless_a_flag_decides() {
    // Lower case matches any case; a capital letter asks for that case.
    let siem = count(&["siem"]);
    assert!(siem > 1);
    assert_eq!(
        count(&["SIEM"]),
        siem,
        "SIEM is always upper case in the data"
    );
    assert_eq!(count(&["Siem"]), 0, "a capital makes the search exact");
    assert_eq!(count(&["Siem", "-i"]), siem);
    assert_eq!(count(&["siem", "--case-sensitive"]), 0);
    // The last of -i and -s wins.
    assert_eq!(count(&["Siem", "-s", "-i"]), siem);
    assert_eq!(count(&["siem", "-i", "-s"]), 0);
    // In a regular expression, an escape's capital is not a letter to match.
    assert_eq!(
        count(&["\\Wsiem", "--regex"]),
        siem,
        "\\W is no capital letter"
    );
    assert_eq!(count(&["\\WSiem", "--regex"]), 0);
}

#[test]
fn search_takes_several_patterns_with_e() {
    let (mentor, coach) = (count(&["mentor"]), count(&["coach"]));
    let both = count(&["-e", "mentor", "--pattern", "coach"]);
    assert!(both > mentor && both > coach, "{mentor} {coach} {both}");
    assert_eq!(
        count(&["mentor", "-e", "coach"]),
        both,
        "PATTERN and -e together"
    );
    // A text with both is one hit; matches that overlap are one, as rg highlights them.
    let json = ok(&[
        "search",
        "-e",
        "incident response",
        "-e",
        "response plan",
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(
        doc["patterns"],
        serde_json::json!(["incident response", "response plan"])
    );
    let plan = doc["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .find(|h| {
            h["text"]
                .as_str()
                .is_some_and(|t| t.contains("response plan"))
        })
        .expect("the incident controller's example");
    assert_eq!(
        plan["matches"],
        serde_json::json!(["incident response plan"])
    );
    // No pattern at all is a usage error.
    fails(&["search"], 2);
}

#[test]
fn search_lists_roles_or_counts_like_rg_l_and_c() {
    assert_eq!(
        ok(&["search", "incident", "-l"]),
        "L1-junior-security-analyst\nL2-security-analyst\nL2-security-engineer\n\
         L3-senior-security-analyst\nL4-technical-lead\n"
    );
    assert_eq!(
        ok(&["search", "incident", "--count", "--track", "engineer"]),
        "L2-security-engineer:3\nL4-technical-lead:2\n"
    );
    // --level keeps only its long name: -l lists roles.
    assert_eq!(
        ok(&["search", "incident", "--level", "L4", "-l"]),
        "L4-technical-lead\n"
    );
    let err = fails(&["search", "incident", "-l", "--format", "json"], 2);
    assert_eq!(
        err,
        "error: --roles prints plain lines, one per role; it takes no --format\n"
    );
    fails(&["search", "incident", "-l", "-c"], 2);
    // Nothing found: nothing printed, exit 1.
    let none = run(&mut ladder(&["search", "zzzz", "-c"]));
    assert_eq!((none.status.code(), none.stdout.len()), (Some(1), 0));
}

#[test]
fn search_groups_hits_under_their_role_with_heading() {
    let grouped = ok(&["search", "bug bounty", "--heading"]);
    assert_eq!(
        grouped,
        "L2-security-analyst
  🏆 Business Success › example
    Triaged bug bounty platform submissions and worked with the engineering team that owned each one
    on its fix.

L3-senior-security-analyst
  🦉 Domain Expertise › example
    Worked with cross-functional teams to reproduce a bug bounty platform report that touched the
    core product's codebase.

L3-senior-security-engineer
  🦉 Domain Expertise › example
    Checked a pull request for a vulnerability reported through the bug bounty platform and
    confirmed that it removed the root cause.
"
    );
    // In a pipe each hit names its role, as before; --no-heading says so on a terminal.
    let flat = ok(&["search", "bug bounty"]);
    assert!(
        flat.starts_with("L2-security-analyst  🏆 Business Success › example\n"),
        "{flat}"
    );
    assert_eq!(
        ok(&["search", "bug bounty", "--heading", "--no-heading"]),
        flat
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
