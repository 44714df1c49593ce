//! `ladder diff`: two roles compared theme by theme.

use super::*;

#[test]
fn diff_by_level_and_track_prints_attributes_exactly() {
    let out = run(ladder(&["diff", "L2", "L3", "--track", "engineer"]).env("COLUMNS", "80"));
    assert_eq!(out.status.code(), Some(0));
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = out.lines().take(19).collect();
    assert_eq!(
        lines,
        [
            "L2 Security Engineer → L3 Senior Security Engineer",
            "A = L2-security-engineer   B = L3-senior-security-engineer",
            "+ new at B   ~ grows   - no longer listed at B   ≈ reworded   = unchanged",
            "",
            "Attributes",
            "┌──────────────────┬─────────────────────────────┬─────────────────────────────┐",
            "│ Attribute        ┆ L2 Security Engineer        ┆ L3 Senior Security Engineer │",
            "╞══════════════════╪═════════════════════════════╪═════════════════════════════╡",
            "│ = Planning       ┆ = Current and next cycle    ┆ = Current and next cycle    │",
            "│   horizon        ┆                             ┆                             │",
            "├╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┤",
            "│ ~ Impact radius  ┆ ~ Self plus some teammates  ┆ ~ Peers (2-5)               │",
            "├╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┤",
            "│ = Evaluated by   ┆ = Manager                   ┆ = Manager                   │",
            "├╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┤",
            "│ ~ Responsibility ┆ ~ Supervised weekly by a    ┆ ~ Carries vertical slices   │",
            "│   and direction  ┆   manager or more senior    ┆   of larger products from   │",
            "│   needed         ┆   engineers                 ┆   idea to production        │",
            "└──────────────────┴─────────────────────────────┴─────────────────────────────┘",
        ]
    );
    assert!(
        out.lines().all(|l| width(l) <= 80),
        "a line is wider than 80 columns"
    );
}

#[test]
fn diff_marks_each_theme_and_counts_them() {
    let out = run(ladder(&["diff", "L1", "L2-security-analyst"]).env("COLUMNS", "140"));
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    let body = cells(&out);
    // Teaching and Mentoring: L1 learns in the open; L2 grows others and documents.
    assert!(body.contains("- Learning in the open"), "{out}");
    assert!(body.contains("+ Growing others"), "{out}");
    assert!(body.contains("+ Documentation and"), "{out}");
    assert!(body.contains("~ Depth of mastery"), "{out}");
    let (expectations, _) = texts(&role_data("L2-security-analyst"));
    assert_eq!(
        out.lines().last(),
        Some("Themes: 4 new at B, 5 grow, 2 no longer listed, 0 unchanged."),
        "{} expectations at B",
        expectations.len()
    );
}

#[test]
fn a_role_diffed_with_itself_is_all_unchanged() {
    let out = ok(&["diff", "L4", "L4-technical-lead"]);
    let tables = cells(&out.lines().skip(3).collect::<Vec<_>>().join("\n"));
    assert!(
        !tables.contains("+ ") && !tables.contains("~ ") && !tables.contains("- "),
        "{out}"
    );
    assert!(tables.contains("= Depth of mastery"), "{out}");
    assert!(
        out.ends_with("Themes: 0 new at B, 0 grow, 0 no longer listed, 16 unchanged.\n"),
        "{out}"
    );
}

#[test]
fn diff_compares_two_roles_at_the_same_level_on_different_tracks() {
    let out = ok(&[
        "diff",
        "L3-senior-security-analyst",
        "L3-senior-security-engineer",
    ]);
    assert!(out.starts_with("L3 Senior Security Analyst → L3 Senior Security Engineer\n"));
    let body = cells(&out);
    assert!(
        body.contains("+ Security review"),
        "the engineer adds peer security review"
    );
    assert!(
        body.contains("- Scope of"),
        "only the analyst scopes complex projects: {out}"
    );
}

#[test]
fn diff_reports_bad_roles_as_usage_errors() {
    assert_eq!(
        fails(&["diff", "L2", "L3"], 2),
        "error: \"L2\" matches 2 roles: L2-security-analyst, L2-security-engineer; \
         add --track (analyst, engineer, cloud) or give a full id\n"
    );
    assert!(fails(&["diff", "L2-security-analyst"], 2).contains("Usage: ladder diff"));
}

/// The theme and change of every expectation row of `diff A B --format tsv` for one dimension.
fn theme_changes(a: &str, b: &str, dimension: &str) -> Vec<(String, String, String)> {
    let out = ok(&["diff", a, b, "-d", dimension, "--format", "tsv"]);
    out.lines()
        .skip(1)
        .map(|line| line.split('\t').collect::<Vec<_>>())
        .filter(|f| !f[1].is_empty())
        .map(|f| (f[1].to_string(), f[4].to_string(), f[5].to_string()))
        .collect()
}

#[test]
fn the_embedded_themes_pair_only_statements_of_one_thread() {
    // Technical debt at L3 is not what the lead's architecture decisions grow from.
    let domain = theme_changes("L3-senior-security-analyst", "L4-technical-lead", "domain");
    let debt: Vec<&str> = domain
        .iter()
        .filter(|(theme, _, _)| theme == "tradeoffs-debt")
        .map(|(_, change, _)| change.as_str())
        .collect();
    assert_eq!(debt, ["removed"], "{domain:#?}");
    // Asking for help is collaboration, not the difficult conversations of L3.
    let culture = theme_changes(
        "L2-security-analyst",
        "L3-senior-security-analyst",
        "culture",
    );
    let help = culture
        .iter()
        .find(|(_, _, text)| text.starts_with("Asks for help openly"))
        .expect("the L2 statement");
    assert_eq!(
        (help.0.as_str(), help.1.as_str()),
        ("collaboration", "removed")
    );
    // Code reviews that strengthen the team's practices lead to the lead's best practice.
    let teaching = theme_changes(
        "L2-security-engineer",
        "L3-senior-security-engineer",
        "teaching",
    );
    assert!(
        teaching.contains(&(
            "document-practices".to_string(),
            "removed".to_string(),
            "Treats code reviews as a chance to strengthen the coding patterns and practices the team relies on.".to_string()
        )),
        "{teaching:#?}"
    );
}
