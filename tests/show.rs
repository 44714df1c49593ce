//! `ladder show`: one role, the ways of naming it, and the errors when a name does not resolve.

use super::*;

#[test]
fn show_prints_the_heading_and_attributes_exactly() {
    let out = ok(&["show", "L4-technical-lead"]);
    let summary = role_data("L4-technical-lead")["summary"]
        .as_str()
        .expect("summary")
        .to_string();
    let head: Vec<&str> = out.lines().collect();
    assert_eq!(head[0], "L4 Technical Lead");
    assert_eq!(
        head[1],
        "L4-technical-lead · level L4 · tracks analyst, engineer, cloud"
    );
    assert_eq!(head[2], "");
    let end = head
        .iter()
        .position(|l| *l == "Attributes")
        .expect("attributes heading");
    assert_eq!(flat(&head[3..end].join(" ")), summary);
    assert_eq!(
        head[end..end + 5],
        [
            "Attributes",
            "  Planning horizon                     6-12 months",
            "  Impact radius                        Team (5-15)",
            "  Evaluated by                         Manager or Director",
            "  Responsibility and direction needed  Carries wholly new ideas from first concept into production,",
        ]
    );
}

#[test]
fn show_lists_every_expectation_and_example_under_its_dimension() {
    for id in [
        "L1-junior-security-analyst",
        "L3-senior-cloud-security-engineer",
    ] {
        let out = ok(&["show", id]);
        let headings: Vec<&str> = out
            .lines()
            .filter(|l| ["🦉", "🌱", "🧭", "🏆"].iter().any(|e| l.starts_with(e)))
            .collect();
        assert_eq!(
            headings,
            [
                "🦉 Domain Expertise",
                "🌱 Teaching and Mentoring",
                "🧭 Culture and Leadership",
                "🏆 Business Success"
            ]
        );
        let body = flat(&out);
        let (expectations, examples) = texts(&role_data(id));
        for text in expectations.iter().chain(&examples) {
            assert!(
                body.contains(&format!("• {text}")),
                "{id}: missing {text:?}"
            );
        }
    }
}

#[test]
fn show_fits_an_80_column_terminal() {
    let out = run(ladder(&["show", "L3-senior-cloud-security-engineer"]).env("COLUMNS", "80"));
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    let too_wide: Vec<&str> = out.lines().filter(|l| width(l) > 80).collect();
    assert!(too_wide.is_empty(), "{too_wide:#?}");
    assert!(out.lines().count() > 60);
}

#[test]
fn every_way_of_naming_a_role_resolves_to_it() {
    let expected = ok(&["show", "L3-senior-cloud-security-engineer"]);
    for args in [
        &["show", "l3-SENIOR-cloud-security-engineer"][..],
        &["show", "L3", "--track", "cloud"],
        &["show", "l3", "-t", "cloud"],
        &["show", "cloud"],
        &["show", "senior-cloud"],
        &["show", "Senior Cloud Security Engineer"],
        &["show", "cloud", "--track", "cloud"],
    ] {
        assert_eq!(ok(args), expected, "{args:?}");
    }
    assert!(ok(&["show", "L4"]).starts_with("L4 Technical Lead\n"));
    assert!(ok(&["show", "L2", "--track", "cloud"]).starts_with("L2 Security Engineer\n"));
    assert!(ok(&["show", "security analyst"]).starts_with("L2 Security Analyst\n"));
}

#[test]
fn an_ambiguous_role_lists_candidates_and_the_flag_that_settles_it() {
    assert_eq!(
        fails(&["show", "L3"], 2),
        "error: \"L3\" matches 3 roles: L3-senior-security-analyst, L3-senior-security-engineer, \
         L3-senior-cloud-security-engineer; add --track (analyst, engineer, cloud) or give a full id\n"
    );
    assert_eq!(
        fails(&["show", "engineer", "--track", "cloud"], 2),
        "error: \"engineer\" matches 2 roles: L2-security-engineer, L3-senior-cloud-security-engineer; \
         give a full id\n"
    );
}

#[test]
fn an_unknown_role_suggests_the_closest_ids() {
    assert_eq!(
        fails(&["show", "L4-tech-lead"], 2),
        "error: no role matches \"L4-tech-lead\"; did you mean L4-technical-lead?\n"
    );
    assert_eq!(
        fails(&["show", "zzzz"], 2),
        "error: no role matches \"zzzz\"; run `ladder list` to see every role\n"
    );
}

#[test]
fn a_role_off_the_given_track_is_a_usage_error() {
    assert_eq!(
        fails(
            &["show", "L1-junior-security-analyst", "--track", "engineer"],
            2
        ),
        "error: role L1-junior-security-analyst is not on track engineer; its tracks are analyst\n"
    );
    assert_eq!(
        fails(&["show", "L1", "--track", "engineer"], 2),
        "error: no role on track engineer matches \"L1\"; the track has L2-security-engineer, \
         L3-senior-security-engineer, L4-technical-lead\n"
    );
}

#[test]
fn user_input_is_echoed_escaped_in_errors() {
    let err = fails(&["show", "x\u{1b}[2J"], 2);
    assert_eq!(
        err,
        "error: no role matches \"x\\u{1b}[2J\"; run `ladder list` to see every role\n"
    );
}

#[test]
fn the_bands_come_with_the_whole_role_only() {
    for format in ["table", "markdown"] {
        let whole = ok(&["show", "L1", "--format", format]);
        assert!(whole.contains("Bands within a level"), "{format}");
        let one = ok(&["show", "L1", "-d", "business", "--format", format]);
        assert!(!one.contains("Bands within a level"), "{format}:\n{one}");
        assert!(!one.contains("Maturing"), "{format}:\n{one}");
    }
    // Scripts still get the ladder's bands with one dimension.
    let doc = json(&["show", "L1", "-d", "business"]);
    assert_eq!(
        doc["role"]["bands"].as_array().map(Vec::len),
        Some(DATA.matches("[[band]]").count())
    );
}

/// A ladder of ten attributes and ten dimensions, whose one role states a value for the
/// second and expectations in the second only.
fn sparse() -> String {
    let mut text = String::from("name = \"Sparse\"\nlevels = [\"A\"]\n");
    for i in 0..10 {
        text += &format!(
            "\n[[attribute]]\nid = \"a{i}\"\nname = \"Attribute {i}\"\nmeaning = \"M.\"\n\
             \n[[dimension]]\nid = \"d{i}\"\nname = \"Dimension {i}\"\n"
        );
    }
    text + "\n[[role]]\nid = \"A-one\"\nlevel = \"A\"\ntitle = \"One\"\nsummary = \"Sparse.\"\n\
            attributes = { a1 = \"Stated\" }\ndimensions.d1.expectations = [{ text = \"Does one.\" }]\n"
}

#[test]
fn a_role_that_leaves_many_things_empty_shows_eight_of_them_and_counts_the_rest() {
    let file = TempFile::new("show-sparse", "sparse.toml", sparse().as_bytes());
    let mut expected =
        String::from("A One\nA-one · level A · on no track\n\nSparse.\n\nAttributes\n");
    for i in 0..9 {
        let value = if i == 1 { "Stated" } else { "not stated" };
        expected += &format!("  Attribute {i}  {value}\n");
    }
    expected += "  and 1 more attribute not stated\n";
    for i in 0..9 {
        expected += &format!("\nDimension {i}\n  Expectations\n");
        if i == 1 {
            expected += "  • Does one.\n";
        }
    }
    expected += "\nAnd 1 more dimension without expectations.\n";
    assert_eq!(ok(&["--data", file.arg(), "show", "A-one"]), expected);
    let all = ok(&["--data", file.arg(), "show", "--all"]);
    assert_eq!(all, expected);
    let md = ok(&[
        "--data",
        file.arg(),
        "show",
        "A-one",
        "--format",
        "markdown",
    ]);
    assert!(
        md.contains("| Attribute 8 | not stated |\n\nAnd 1 more attribute not stated.\n"),
        "{md}"
    );
    assert!(
        md.ends_with(
            "## Dimension 8\n\n**Expectations**\n\n\nAnd 1 more dimension without expectations.\n"
        ),
        "{md}"
    );
    // Scripts get every attribute and dimension.
    let doc = json(&["--data", file.arg(), "show", "--all"]);
    assert_eq!(
        doc["roles"][0]["attributes"].as_array().map(Vec::len),
        Some(10)
    );
    assert_eq!(
        doc["roles"][0]["dimensions"].as_array().map(Vec::len),
        Some(10)
    );
}
