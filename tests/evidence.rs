//! `ladder evidence`: the outline to prepare a progression conversation.

use super::*;

#[test]
fn evidence_lists_every_expectation_and_marks_exactly_the_new_ones() {
    let out = ok(&["evidence", "L3-senior-security-engineer"]);
    assert!(out.starts_with(
        "# Evidence for L3 Senior Security Engineer\n\
         <!-- ladder-evidence {\"role\":\"L3-senior-security-engineer\",\"from\":\"L2-security-engineer\"} -->\n\n\
         Preparing a progression conversation from L2 Security Engineer"
    ));
    // Said once how to fill it in; one place for evidence under each expectation, under its
    // anchor.
    assert_eq!(out.matches("How to fill it in").count(), 1);
    assert_eq!(
        out.matches("\n_Your evidence: what you did, when, and who saw it._\n")
            .count(),
        out.matches("\n### ").count()
    );
    assert_eq!(
        out.matches(
            "\n<!-- ladder-evidence {\"role\":\"L3-senior-security-engineer\",\"dimension\":"
        )
        .count(),
        out.matches("\n### ").count()
    );
    assert!(
        !out.contains("[ ]") && !out.contains("[x]"),
        "no checkboxes"
    );
    let role = role_data("L3-senior-security-engineer");
    // New exactly where `diff` says so, statement by statement.
    let diff = ok(&[
        "diff",
        "L2-security-engineer",
        "L3-senior-security-engineer",
        "--format",
        "tsv",
    ]);
    let new_at_b: Vec<&str> = diff
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f[3] == "to" && f[4] == "new")
        .map(|f| f[5])
        .collect();
    let mut marked = 0;
    for (_, rd) in role["dimensions"].as_table().expect("dims") {
        for e in rd["expectations"].as_array().expect("expectations") {
            let text = e["text"].as_str().expect("text");
            let new = new_at_b.contains(&text);
            let line = out
                .lines()
                .find(|l| l.contains(text))
                .unwrap_or_else(|| panic!("missing {text:?}"));
            assert_eq!(line.starts_with("### **New:** "), new, "{line}");
            marked += usize::from(new);
        }
    }
    assert_eq!(out.matches("**New:**").count(), marked);
    assert!(marked > 0);
    // A new statement in a theme both levels have (issue 12).
    assert!(out.contains(
        "### **New:** Makes sure alerts stay actionable and cuts down alert fatigue before anyone \
         asks. _(Quality and improvement)_"
    ));
}

#[test]
fn evidence_takes_from_and_track_and_refuses_ambiguity() {
    let out = ok(&["evidence", "L4", "--from", "L3-senior-security-analyst"]);
    assert!(
        out.contains(
            "from L3 Senior Security Analyst (L3-senior-security-analyst) to L4 Technical Lead"
        ),
        "{out}"
    );
    let by_track = ok(&["evidence", "L4", "--track", "cloud"]);
    assert!(
        by_track.contains("from L3 Senior Cloud Security Engineer"),
        "{by_track}"
    );
    let err = fails(&["evidence", "L4"], 2);
    assert!(
        err.starts_with("error: L4-technical-lead has a different level below on each track"),
        "{err}"
    );
    let first = ok(&["evidence", "L1"]);
    assert!(
        first.contains("there is no level below it to compare with") && !first.contains("**New:**")
    );
    assert!(fails(&["evidence", "L1", "--format", "json"], 2).contains("Markdown"));
}

#[test]
fn evidence_output_refuses_to_overwrite_without_force() {
    let file = TempFile::new("evidence", "mine.md", b"my own notes\n");
    let err = fails(
        &["evidence", "L2-security-analyst", "--output", file.arg()],
        1,
    );
    assert!(
        err.contains("refusing to overwrite") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read(&file.path).expect("read"), b"my own notes\n");
    assert_eq!(
        ok(&[
            "evidence",
            "L2-security-analyst",
            "--output",
            file.arg(),
            "--force"
        ]),
        format!("wrote {}\n", file.arg()),
        "it says what it wrote, as export does"
    );
    let written = std::fs::read_to_string(&file.path).expect("read");
    assert_eq!(written, ok(&["evidence", "L2-security-analyst"]));
    let fresh = file.dir.join("fresh.md");
    assert_eq!(
        ok(&[
            "evidence",
            "L2",
            "-t",
            "analyst",
            "-o",
            fresh.to_str().expect("path")
        ]),
        format!("wrote {}\n", fresh.to_str().expect("path"))
    );
    assert!(
        std::fs::read_to_string(&fresh)
            .expect("written")
            .starts_with("# Evidence for L2 Security Analyst")
    );
}
