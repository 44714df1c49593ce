//! `ladder diff`: two roles compared theme by theme.

use super::*;

#[test]
fn diff_by_level_and_track_prints_attributes_exactly() {
    let out = run(ladder(&["diff", "L2", "L3", "--track", "engineer"]).env("COLUMNS", "80"));
    assert_eq!(out.status.code(), Some(0));
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = out.lines().take(26).collect();
    assert_eq!(
        lines,
        [
            "L2 Security Engineer → L3 Senior Security Engineer",
            "A = L2-security-engineer   B = L3-senior-security-engineer",
            "+ new at B   ~ grows   ≈ reworded   · not restated at B   = same",
            "B still builds on A: what B does not restate still applies.",
            "",
            "🦉 Domain Expertise: 3 new · 2 grow · 2 not restated",
            "🌱 Teaching and Mentoring: 1 new · 1 grows · 1 not restated",
            "🧭 Culture and Leadership: 6 new · 1 grows · 2 not restated",
            "🏆 Business Success: 3 new · 1 grows · 3 not restated",
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
            "│ ~ Responsibility ┆ ~ Supervised weekly by a    ┆ ~ Delivers end-to-end       │",
            "│   and direction  ┆   manager or more senior    ┆   slices of bigger          │",
            "│   needed         ┆   engineers                 ┆   products, from first idea │",
            "│                  ┆                             ┆   through to production     │",
            "└──────────────────┴─────────────────────────────┴─────────────────────────────┘",
        ]
    );
    assert!(
        out.lines().all(|l| width(l) <= 80),
        "a line is wider than 80 columns"
    );
}

#[test]
fn diff_marks_each_theme_and_counts_statements_first() {
    let out = run(ladder(&["diff", "L1", "L2-security-analyst"]).env("COLUMNS", "140"));
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    let body = cells(&out);
    // Teaching and Mentoring: L1 learns in the open; L2 grows others and documents.
    assert!(body.contains("· Learning in the open"), "{out}");
    assert!(body.contains("+ Growing others"), "{out}");
    assert!(body.contains("+ Documentation and"), "{out}");
    assert!(body.contains("~ Depth of mastery"), "{out}");
    assert!(!out.contains("no longer"), "{out}");
    // The summary comes before any detail, and counts every statement at B.
    let summary: Vec<&str> = out.lines().skip(5).take(4).collect();
    assert_eq!(
        summary,
        [
            // Scope of independent work holds one statement at each level: one thread, which
            // grows, though the two share no word (issue 25, item 1).
            "🦉 Domain Expertise: 3 grow",
            "🌱 Teaching and Mentoring: 2 new · 2 not restated",
            "🧭 Culture and Leadership: 2 new · 2 grow · 1 not restated",
            "🏆 Business Success: 2 new · 1 not restated",
        ]
    );
    let (expectations, _) = texts(&role_data("L2-security-analyst"));
    assert_eq!(expectations.len(), 2 + 2 + 3 + 1 + 2 + 1);
    assert!(!out.contains("Themes:"), "the trailing count is gone");
}

#[test]
fn a_role_diffed_with_itself_is_all_unchanged() {
    let out = ok(&["diff", "L4", "L4-technical-lead"]);
    // The header says so (issue 25, item 4).
    assert_eq!(
        out.lines().nth(2),
        Some("A and B are the same role: every statement is the same.")
    );
    let tables = cells(&out.lines().skip(4).collect::<Vec<_>>().join("\n"));
    assert!(
        !tables.contains("+ ") && !tables.contains("~ ") && !tables.contains("· "),
        "{out}"
    );
    assert!(tables.contains("= Depth of mastery"), "{out}");
    let summary: Vec<&str> = out.lines().skip(5).take(4).collect();
    assert_eq!(
        summary,
        [
            "🦉 Domain Expertise: 5 same",
            "🌱 Teaching and Mentoring: 5 same",
            "🧭 Culture and Leadership: 8 same",
            "🏆 Business Success: 4 same",
        ]
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
        body.contains("· Scope of"),
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

/// The change of the expectation of `theme` that starts with `text`, in `diff A B` on `dimension`.
fn change_of(a: &str, b: &str, dimension: &str, theme: &str, text: &str) -> String {
    let rows = theme_changes(a, b, dimension);
    let row = rows
        .iter()
        .find(|(t, _, words)| t == theme && words.starts_with(text))
        .unwrap_or_else(|| panic!("no {theme} row starting {text:?}: {rows:#?}"));
    row.1.clone()
}

#[test]
fn the_embedded_themes_follow_the_threads_of_the_fact_sheet() {
    // The lead's architecture decisions that weigh risk continue the L3 engineers' trade-offs.
    let (l3, l4) = ("L3-senior-security-engineer", "L4-technical-lead");
    let trade = "Makes sound, practical trade-offs";
    assert_eq!(
        change_of(l3, l4, "domain", "tradeoffs-debt", trade),
        "grows"
    );
    let decide = "Makes architecture decisions with confidence";
    assert_eq!(
        change_of(l3, l4, "domain", "tradeoffs-debt", decide),
        "grows"
    );
    // L1's self-starting pairs with L2's active part in projects, not with owning own work.
    let (l1, l2) = ("L1-junior-security-analyst", "L2-security-analyst");
    assert_eq!(
        change_of(l1, l2, "culture", "initiative-ownership", "Self-starting"),
        "grows"
    );
    let owns = "Takes responsibility for own work";
    assert_eq!(
        change_of(l1, l2, "culture", "initiative-ownership", owns),
        "not-restated"
    );
    // Asking for help openly is where L3's difficult conversations grow from.
    let asks = "Asks for help openly";
    let culture = ("communication-influence", "L3-senior-security-analyst");
    assert_eq!(
        change_of(l2, culture.1, "culture", culture.0, asks),
        "grows"
    );
    // Code reviews that teach sit on the lead's coaching thread, not on written best practice.
    let reviews = "Treats code reviews as a chance";
    let l2e = "L2-security-engineer";
    let change = change_of(l2e, l4, "teaching", "guide-and-coach", reviews);
    assert_eq!(change, "not-restated");
}

#[test]
fn partners_sit_on_one_row() {
    let out = ok(&[
        "diff",
        "L3-senior-security-analyst",
        "L3-senior-security-engineer",
        "-d",
        "domain",
    ]);
    // The analyst's "Finds technical debt…" beside its partner, not beside "Makes sound…".
    assert!(
        out.contains(
            "│ + Trade-offs and     ┆ ≈ Finds technical debt, estimates   ┆ ≈ Identifies technical debt, sizes  │\n"
        ),
        "{out}"
    );
    // Sideways, nothing grows: a change differs.
    assert!(out.contains("+ new at B   ~ differs   ≈ reworded"), "{out}");
    assert!(
        !out.contains("grows") && !out.contains("builds on"),
        "{out}"
    );
    let md = ok(&[
        "diff",
        "L3-senior-security-analyst",
        "L3-senior-security-engineer",
        "-d",
        "domain",
        "--format",
        "markdown",
    ]);
    assert!(
        md.contains(
            "| + Trade-offs and technical debt | ≈ Finds technical debt, estimates its size and \
             pays it down according to the team's priorities. (50% alike) | ≈ **Identifies** \
             technical debt, **sizes it** and pays it down **in line with** the team's \
             priorities. (50% alike) |\n|  |  | + Makes sound,"
        ),
        "{md}"
    );
}

#[test]
fn a_new_statement_in_a_shared_theme_is_new() {
    let tsv = ok(&["diff", "L2", "L3", "--track", "engineer", "--format", "tsv"]);
    let alerts = tsv
        .lines()
        .find(|l| l.contains("Makes sure alerts stay actionable"))
        .expect("the alerts statement");
    assert!(
        alerts.starts_with("culture-leadership\tquality-improvement\t\tto\tnew\t"),
        "{alerts}"
    );
    let out = run(ladder(&["diff", "L2", "L3", "--track", "engineer"]).env("COLUMNS", "100"));
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        out.contains("┆ + Makes sure alerts stay actionable │"),
        "{out}"
    );
}

#[test]
fn brief_lists_only_what_is_new_and_what_grows() {
    let out = run(ladder(&[
        "diff", "L2", "L3", "--track", "engineer", "--brief", "-d", "teaching",
    ])
    .env("COLUMNS", "60"));
    assert_eq!(
        String::from_utf8(out.stdout).expect("UTF-8"),
        "\
L2 Security Engineer → L3 Senior Security Engineer
A = L2-security-engineer   B = L3-senior-security-engineer
Only what is new (+) and what grows (~) at B.

Attributes
~ Impact radius: Peers (2-5)
~ Responsibility and direction needed: Delivers end-to-end
  slices of bigger products, from first idea through to
  production

🌱 Teaching and Mentoring
~ Keeps investing in new hires and less experienced
  engineers so that they grow more proficient over time.
+ Fosters a strong appetite for learning in the team and
  keeps it well supplied.
"
    );
    let md = ok(&[
        "diff", "L2", "L3", "--track", "engineer", "--brief", "-d", "teaching", "--format",
        "markdown",
    ]);
    assert_eq!(
        md,
        "\
# L2 Security Engineer → L3 Senior Security Engineer

A is L2-security-engineer, B is L3-senior-security-engineer.

## Attributes

- **Grows:** Impact radius: Peers (2-5)
- **Grows:** Responsibility and direction needed: Delivers end-to-end slices of bigger products, from first idea through to production

## 🌱 Teaching and Mentoring

- **Grows:** Keeps investing in new hires and less experienced engineers so that they grow more proficient over time.
- **New:** Fosters a strong appetite for learning in the team and keeps it well supplied.
"
    );
    for format in ["json", "tsv"] {
        let err = fails(
            &[
                "diff", "L2", "L3", "--track", "engineer", "--brief", "--format", format,
            ],
            2,
        );
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("error: --brief"), "{err}");
        let err = fails(
            &[
                "next",
                "L2-security-engineer",
                "--brief",
                "--format",
                format,
            ],
            2,
        );
        assert!(err.starts_with("error: --brief"), "{err}");
    }
}

#[test]
fn a_stacked_comparison_never_opens_a_gap_of_blank_lines() {
    // At 40 columns the grids stack; the padding that keeps partners on one row must go.
    for args in [
        vec!["diff", "L2", "L3", "--track", "engineer"],
        vec!["next", "L2-security-engineer"],
    ] {
        let out = run(ladder(&args).env("COLUMNS", "40"));
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(
            text.contains("\n    A: ") && text.contains("\n    B: "),
            "{args:?}: not stacked"
        );
        assert!(!text.contains("\n\n\n"), "{args:?}:\n{text}");
        assert!(!text.contains(":\n\n"), "{args:?}: a gap under a heading");
    }
}

/// Going down or sideways is said in the header (issue 25, item 4); going up says nothing more.
#[test]
fn the_header_says_when_b_is_below_beside_or_the_same() {
    let third = |args: &[&str]| ok(args).lines().nth(2).map(String::from);
    assert_eq!(
        third(&["diff", "L3", "L2", "--track", "engineer"]).as_deref(),
        Some("B is below A: what B says and A does not is marked new, but it is no step up.")
    );
    assert_eq!(
        third(&[
            "diff",
            "L3-senior-security-analyst",
            "L3-senior-security-engineer"
        ])
        .as_deref(),
        Some("A and B are at the same level: the marks say how B differs from A.")
    );
    assert!(
        third(&["diff", "L2", "L3", "--track", "engineer"])
            .is_some_and(|l| l.starts_with("+ new at B"))
    );
    let md = ok(&[
        "diff", "L3", "L2", "--track", "engineer", "--format", "markdown",
    ]);
    assert!(md.contains(
        "\n\nB is below A: what B says and A does not is marked new, but it is no step up.\n\n"
    ));
}

/// A theme of one statement at each level is one thread: the two pair (and grow), whatever
/// words they share (issue 25, item 1).
#[test]
fn a_theme_of_one_statement_each_side_is_one_thread() {
    let folder = Folder::new("diff-threads");
    let file = folder.write(
        "threads.toml",
        r#"name = "Threads"
levels = ["D1", "D2"]

[[dimension]]
id = "people"
name = "People"
themes = [{ id = "together", name = "Working together" }, { id = "voice", name = "Voice" }]

[[role]]
id = "D1-dev"
level = "D1"
title = "Developer"
summary = "Builds."
[role.dimensions.people]
expectations = [
  { theme = "together", text = "Pairs on tricky tickets." },
  { theme = "voice", text = "Speaks up in retros." },
]

[[role]]
id = "D2-dev"
level = "D2"
title = "Senior Developer"
summary = "Builds more."
[role.dimensions.people]
expectations = [
  { theme = "together", text = "Coordinates a small squad across several teams." },
  { theme = "voice", text = "Challenges plans early, with evidence." },
]
"#,
    );
    let data = file.to_str().expect("UTF-8");
    let out = ok(&[
        "--data",
        data,
        "diff",
        "D1-dev",
        "D2-dev",
        "--format",
        "tsv",
        "--no-header",
    ]);
    let marks: Vec<(&str, &str)> = out
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f[0] == "expectation" || f.len() > 5)
        .map(|f| (f[3], f[4]))
        .collect();
    assert!(
        !marks
            .iter()
            .any(|(_, m)| *m == "new" || *m == "not-restated"),
        "{out}"
    );
    let summary = ok(&["--data", data, "diff", "D1-dev", "D2-dev"]);
    assert!(summary.contains("\nPeople: 2 grow\n"), "{summary}");
}

/// The legend never leaves `= same` alone on a line (issue 25, item 6): at every width the
/// last line of the legend holds two marks or more.
#[test]
fn the_legend_keeps_its_last_mark_company() {
    for columns in [40, 50, 60, 64, 80, 100, 200] {
        let out = run(ladder(&["diff", "L2", "L3", "--track", "engineer"])
            .env("COLUMNS", columns.to_string()));
        let out = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(
            !out.lines().any(|l| l.trim() == "= same"),
            "{columns}: {out}"
        );
    }
}

/// Two data engineer levels: one pair that adds a requirement, one reworded.
const WORD_DIFF: &str = "tests/data/word-diff.toml";

/// A pair where B asks for more than A grows, however alike the two read; reworded is the same
/// content in other words (issue 25, item 2).
#[test]
fn a_pair_that_adds_a_requirement_grows_and_a_rewording_does_not() {
    let data = WORD_DIFF;
    let marks = |brief: bool| {
        let mut args = vec!["--data", data, "diff", "D1-data", "D2-data"];
        if brief {
            args.push("--brief");
        } else {
            args.extend(["--format", "tsv", "--no-header"]);
        }
        ok(&args)
    };
    let rows: Vec<(String, String)> = marks(false)
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f[2].is_empty() && f[3] == "to")
        .map(|f| (f[4].to_string(), f[5].chars().take(20).collect()))
        .collect();
    assert_eq!(
        rows,
        [
            ("grows".to_string(), "Adds tests for the p".to_string()),
            ("reworded".to_string(), "Identifies technical".to_string())
        ]
    );
    // --brief shows what grows, and hides only the rewording.
    let brief = marks(true);
    assert!(
        flat(&brief).contains("checks freshness of every model"),
        "{brief}"
    );
    assert!(!brief.contains("Identifies technical debt"), "{brief}");
    // diff --help states the rule.
    let help = flat(&ok(&["diff", "--help"]));
    assert!(help.contains("adds two or more meaningful words"), "{help}");
}

/// Every pair the embedded ladder draws between adjacent levels (each `next` step's attributes
/// and paired statements), with its mark, as reviewed in tests/data/embedded-pairs.tsv: a
/// change to the pairing or to the ladder's words that moves one shows here.
#[test]
fn the_embedded_adjacent_pairs_keep_their_reviewed_marks() {
    let mut pairs = String::new();
    for role in ok(&["list", "--ids"]).lines() {
        let next: serde_json::Value =
            serde_json::from_str(&ok(&["next", role, "--format", "json"])).expect("json");
        let steps = next["steps"].as_array().into_iter().flatten();
        // The top of a track has a step without a comparison.
        for comparison in steps.map(|s| &s["comparison"]).filter(|c| !c.is_null()) {
            let to = comparison["to"]["id"].as_str().expect("B");
            let mut line = |place: &str, mark: &str, a: &str, b: &str| {
                pairs += &format!("{role}\t{to}\t{place}\t{mark}\t{a}\t{b}\n");
            };
            for attribute in comparison["attributes"].as_array().expect("attributes") {
                let text = |side: &str| attribute[side].as_str().unwrap_or("").to_string();
                let mark = attribute["change"].as_str().expect("change");
                line(
                    attribute["attribute"].as_str().expect("id"),
                    mark,
                    &text("from"),
                    &text("to"),
                );
            }
            let dimensions = comparison["dimensions"].as_array().expect("dimensions");
            for theme in dimensions
                .iter()
                .flat_map(|d| d["themes"].as_array().expect("themes"))
            {
                for b in theme["to"].as_array().expect("B's statements") {
                    if let Some(a) = b["counterpart"].as_str() {
                        let mark = b["change"].as_str().expect("change");
                        line(
                            theme["theme"].as_str().expect("theme"),
                            mark,
                            a,
                            b["text"].as_str().expect("text"),
                        );
                    }
                }
            }
        }
    }
    let reviewed = include_str!("data/embedded-pairs.tsv");
    assert_eq!(pairs, reviewed);
    assert_eq!(pairs.lines().count(), 78);
    assert!(
        !pairs.contains("\tsame\t")
            || pairs.lines().all(|l| !l.contains("\tsame\t") || {
                let f: Vec<&str> = l.split('\t').collect();
                f[4] == f[5]
            })
    );
    assert!(
        !pairs.contains("\treworded\t"),
        "adjacent levels never say the same in other words"
    );
}

/// Inside a pair, the words that changed show: with colour, B's added words bold and A's
/// dropped ones dim; without it, the text as it is unless --word-diff asks for git's plain
/// marks; Markdown puts B's added words in bold; JSON lists both (issue 25, item 3).
#[test]
fn the_words_that_changed_in_a_pair_show_in_every_format() {
    let diff = |extra: &[&str]| {
        ok(&[&["--data", WORD_DIFF, "diff", "D1-data", "D2-data"], extra].concat())
    };
    let plain = diff(&[]);
    assert!(
        cells(&plain).contains("write and checks freshness of every model."),
        "{plain}"
    );
    assert!(!plain.contains("{+") && !plain.contains("**"), "{plain}");
    // A ladder without attributes draws no Attributes section, not an empty table.
    assert!(!plain.contains("Attributes"), "{plain}");
    let marked = diff(&["--word-diff"]);
    for row in [
        "│ ~ Testing            ┆ ~ Adds tests for the pipelines they ┆ ~ Adds tests for the pipelines they │",
        "│                      ┆   write.                            ┆   write {+and checks freshness of   │",
        "│                      ┆                                     ┆   every model+}.                    │",
        "│                      ┆ ≈ [-Finds-] technical debt,         ┆ ≈ {+Identifies+} technical debt,    │",
        "│                      ┆   [-estimates its size-] and pays   ┆   {+sizes it+} and pays it down     │",
    ] {
        assert!(marked.contains(&format!("{row}\n")), "{row}\n{marked}");
    }
    let colour = diff(&["--color", "always"]);
    assert!(
        colour.contains("\u{1b}[1mfreshness\u{1b}[22m"),
        "{colour:?}"
    );
    assert!(
        colour.contains("\u{1b}[2mestimates\u{1b}[22m"),
        "{colour:?}"
    );
    // A reworded line keeps the terminal's colour, so that its swapped words stand out.
    assert!(
        colour.contains("≈ \u{1b}[1mIdentifies\u{1b}[22m technical"),
        "{colour:?}"
    );
    assert!(
        colour.contains("≈ \u{1b}[2mFinds\u{1b}[22m technical"),
        "{colour:?}"
    );
    let md = diff(&["--format", "markdown"]);
    assert!(
        md.contains("they write **and checks freshness of every model**."),
        "{md}"
    );
    let json: serde_json::Value = serde_json::from_str(&diff(&["--format", "json"])).expect("json");
    let tests = &json["dimensions"][0]["themes"][0];
    let pair = &tests["to"][0];
    assert_eq!(
        pair["added"],
        serde_json::json!(["and checks freshness of every model"])
    );
    assert_eq!(pair["dropped"], serde_json::json!([]));
    assert_eq!(tests["from"][0]["added"], pair["added"]);
    let err = fails(
        &[
            "--data",
            WORD_DIFF,
            "diff",
            "D1-data",
            "D2-data",
            "--word-diff",
            "--format",
            "json",
        ],
        2,
    );
    assert!(
        err.starts_with("error: --word-diff marks words in the table"),
        "{err}"
    );
    // A pair that shares no word marks nothing: every word would be marked.
    let lead = ok(&[
        "diff",
        "L3-senior-security-analyst",
        "L4-technical-lead",
        "--word-diff",
        "-d",
        "domain",
    ]);
    assert!(!lead.contains("{+Works"), "{lead}");
}

/// Stacked, a comparison is indented by the level of its hierarchy, names its sides `A:` and
/// `B:` (the header has said who they are) and marks each change once (issue 25, item 5).
#[test]
fn a_stacked_comparison_indents_tags_its_sides_and_marks_once() {
    let out =
        run(ladder(&["--data", WORD_DIFF, "diff", "D1-data", "D2-data"]).env("COLUMNS", "44"));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let expected = "
Craft
  Testing
    A: ~ Adds tests for the pipelines they
         write.

       ≈ Finds technical debt, estimates its
         size and pays it down according to
         the team's priorities. (50% alike)

    B: ~ Adds tests for the pipelines they
         write and checks freshness of every
         model.

       ≈ Identifies technical debt, sizes it
         and pays it down in line with the
         team's priorities. (50% alike)
";
    assert!(text.ends_with(expected), "{text}");
    assert!(
        text.starts_with("D1 Data Engineer → D2 Senior Data Engineer\nA = D1-data   B = D2-data\n")
    );
    // An attribute carries the mark, its values only their text.
    let attributes = ok(&["diff", "L1", "L2", "--track", "analyst", "-d", "business"]);
    let stacked = run(
        ladder(&["diff", "L1", "L2", "--track", "analyst", "-d", "business"]).env("COLUMNS", "44"),
    );
    let stacked = String::from_utf8(stacked.stdout).expect("UTF-8");
    assert!(attributes.contains("┆ ~ Self "), "{attributes}");
    assert!(
        stacked.contains("\n  ~ Impact radius\n    A: Self\n    B: Self plus some teammates\n"),
        "{stacked}"
    );
}
