//! `ladder review FILE`: a filled evidence outline read back against the ladder, whatever the
//! person did to the file in between.

use super::*;

/// The block of one expectation in an outline: from its `###` heading to the next heading.
fn block<'t>(outline: &'t str, text: &str) -> &'t str {
    let start = outline.find(text).expect(text);
    let start = outline[..start].rfind("\n### ").expect("heading") + 1;
    let end = outline[start + 4..]
        .find("\n##")
        .map_or(outline.len(), |e| start + 4 + e + 1);
    &outline[start..end]
}

const PLACEHOLDER: &str = "_Your evidence: what you did, when, and who saw it._";

/// The expectations a review reports, as (text, state, was) from its JSON.
fn states(json: &str) -> Vec<(String, String, Option<String>)> {
    let doc: serde_json::Value = serde_json::from_str(json).expect("JSON");
    (doc["expectations"].as_array().expect("expectations").iter())
        .map(|e| {
            (
                e["text"].as_str().unwrap_or("").to_string(),
                e["state"].as_str().unwrap_or("").to_string(),
                e["was"].as_str().map(String::from),
            )
        })
        .collect()
}

/// `evidence` writes; a person fills three expectations (one thinly), swaps two sections,
/// deletes one, adds a heading of their own; the ladder rewords two statements; `review`
/// reports exactly that.
#[test]
fn a_filled_outline_reads_back_whatever_was_done_to_it() {
    let folder = Folder::new("review-round-trip");
    let me = folder.arg("me.md");
    ok(&["evidence", "L3-senior-security-engineer", "--output", &me]);
    let outline = std::fs::read_to_string(&me).expect("outline");
    let filled_a = "Works at an advanced level across the team's domain.";
    let filled_b = "Takes ideas from concept through to production.";
    let thin = "Raises the productivity and delivery of the team.";
    let deleted = "Owns up to mistakes and learns from the mistakes of others.";
    let (swap_a, swap_b) = (
        "Willingly does the unglamorous work that still has to get done.",
        "Stays constructive in difficult conversations and questions colleagues' positions tactfully.",
    );
    let evidence = "- In March I moved our detection rules to the new pipeline; the lead and two \
                    analysts reviewed it, and it has run in production since.";
    let fill = |text: &str, with: &str| {
        let b = block(&outline, text);
        (b.to_string(), b.replace(PLACEHOLDER, with))
    };
    let mut edited = outline.clone();
    for (from, to) in [
        fill(filled_a, evidence),
        fill(
            filled_b,
            &format!("{evidence}\n\nAnd a second paragraph about the launch."),
        ),
        fill(thin, "Ran the sprint demo."),
    ] {
        edited = edited.replacen(&from, &to, 1);
    }
    let (a, b) = (block(&outline, swap_a), block(&outline, swap_b));
    edited = edited
        .replacen(a, "SWAP-A", 1)
        .replacen(b, a, 1)
        .replacen("SWAP-A", b, 1);
    edited = edited.replacen(block(&outline, deleted), "", 1);
    edited = edited.replacen(
        "\n## 🏆",
        "\n### My own notes\n\nTalk about the on-call rota.\n\n## 🏆",
        1,
    );
    folder.write("me.md", &edited);
    // The ladder rewords two statements since.
    let reworded = [
        (
            "Decomposes big requirements into small increments that can be built and shipped iteratively.",
            "Decomposes large requirements into small increments that can be built and shipped one by one.",
        ),
        (
            "Helps shape the technical direction within projects that are already defined.",
            "Helps shape the technical direction inside projects that are already defined.",
        ),
    ];
    let mut ladder = DATA.to_string();
    for (old, new) in reworded {
        assert!(ladder.contains(old), "{old}");
        ladder = ladder.replace(old, new);
    }
    let data = folder.write("ladder.toml", ladder);
    let data = data.to_str().expect("UTF-8");
    let json = ok(&["--data", data, "review", &me, "--format", "json"]);
    let states = states(&json);
    let state_of = |text: &str| {
        states
            .iter()
            .find(|(t, _, _)| t == text)
            .map(|(_, s, w)| (s.as_str(), w.clone()))
            .unwrap_or_else(|| panic!("{text} not reported"))
    };
    assert_eq!(state_of(filled_a), ("evidence", None));
    assert_eq!(state_of(filled_b), ("evidence", None));
    assert_eq!(state_of(thin), ("thin", None));
    assert_eq!(state_of(deleted), ("missing", None));
    assert_eq!(state_of(swap_a), ("empty", None));
    assert_eq!(state_of(swap_b), ("empty", None));
    for (old, new) in reworded {
        assert_eq!(state_of(new), ("empty", Some(old.to_string())));
    }
    let others = states
        .iter()
        .filter(|(_, s, w)| s == "empty" && w.is_none())
        .count();
    assert_eq!(states.len(), 18);
    // Filled 3, deleted 1, reworded 2: the other 12 are there, empty (the swapped two too).
    assert_eq!(others, 18 - 3 - 1 - 2);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(
        doc["gone"],
        serde_json::json!([]),
        "my own heading is no expectation"
    );
    assert_eq!(doc["matched_by_words"], false);
    let evidence_of = |text: &str| {
        (doc["expectations"].as_array().expect("e").iter())
            .find(|e| e["text"] == text)
            .map(|e| e["evidence"].as_str().unwrap_or("").to_string())
            .expect(text)
    };
    assert_eq!(evidence_of(filled_a), evidence);
    assert_eq!(evidence_of(thin), "Ran the sprint demo.");
}

/// The table for a person: a bar per dimension, then the gaps, New first.
#[test]
fn the_table_shows_bars_then_the_gaps() {
    let folder = Folder::new("review-table");
    let me = folder.arg("me.md");
    ok(&["evidence", "L2-security-analyst", "--output", &me]);
    let outline = std::fs::read_to_string(&me).expect("outline");
    let text = "Brings solid, competent knowledge of the security domain to daily work.";
    let b = block(&outline, text);
    let filled = outline.replacen(
        b,
        &b.replace(PLACEHOLDER, "Took over the phishing triage rota in May and cut the queue from three days to one; my lead saw the weekly numbers."),
        1,
    );
    folder.write("me.md", &filled);
    let shown = run(ladder(&["review", "me.md"]).current_dir(folder.join("")));
    let out = String::from_utf8(shown.stdout).expect("UTF-8");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "Review of me.md: L2 Security Analyst, from L1 Junior Security Analyst"
    );
    assert_eq!(lines[2], "Summary");
    assert_eq!(lines[3], "  🦉 Domain Expertise");
    assert_eq!(lines[4], "    ████░░░░░░░░  1 of 3 with evidence");
    assert!(
        out.contains("\nGaps: no evidence yet, New first\n  New · "),
        "{out}"
    );
    let ascii = run(ladder(&["review", "me.md"])
        .env("LANG", "C")
        .current_dir(folder.join("")));
    let ascii = String::from_utf8(ascii.stdout).expect("UTF-8");
    assert!(
        ascii.contains("\n    ####........  1 of 3 with evidence\n"),
        "{ascii}"
    );
}

/// `--check` fails while a New expectation has no evidence; a file that is no outline, or
/// names a role the ladder lacks, is trouble (2).
#[test]
fn check_and_trouble() {
    let folder = Folder::new("review-check");
    let me = folder.arg("me.md");
    ok(&["evidence", "L2-security-analyst", "--output", &me]);
    let out = run(&mut ladder(&[
        "review",
        &me,
        "--check",
        "--format",
        "tsv",
        "--no-header",
    ]));
    assert_eq!(out.status.code(), Some(1));
    let first = ok(&["evidence", "L1-junior-security-analyst"]);
    folder.write("first.md", &first);
    assert_eq!(
        run(&mut ladder(&["review", &folder.arg("first.md"), "--check"]))
            .status
            .code(),
        Some(0),
        "nothing is New at the first level"
    );
    folder.write("notes.md", "# My notes\n\nNothing here.\n");
    assert_eq!(
        fails(&["review", &folder.arg("notes.md")], 2),
        format!(
            "error: {}: not an evidence outline: it names no role (write one with `ladder evidence ROLE --output FILE`)\n",
            folder.arg("notes.md")
        )
    );
    folder.write(
        "other.md",
        first.replace("L1-junior-security-analyst", "Z9-nobody"),
    );
    assert_eq!(
        fails(&["review", &folder.arg("other.md")], 2),
        format!(
            "error: {}:2: no role matches \"Z9-nobody\"; run `ladder list` to see every role\n",
            folder.arg("other.md")
        )
    );
    assert_eq!(
        fails(&["review", &folder.arg("missing.md")], 2)
            .lines()
            .count(),
        1
    );
}

/// An outline written before anchors reads too, matched by its words, with a note.
#[test]
fn an_outline_without_anchors_is_matched_by_words() {
    let folder = Folder::new("review-old");
    let outline = ok(&["evidence", "L2-security-analyst"]);
    let old: String = outline
        .lines()
        .filter(|l| !l.starts_with("<!--"))
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .replace(PLACEHOLDER, "Evidence: what you did, when, and who saw it.");
    let text = "Brings solid, competent knowledge of the security domain to daily work.";
    let b = block(&old, text);
    let old = old.replacen(b, &b.replacen("Evidence: what you did, when, and who saw it.", "Wrote the runbook for phishing triage that the whole team now follows every day, and taught it to two new analysts.", 1), 1);
    folder.write("old.md", &old);
    let json = ok(&["review", &folder.arg("old.md"), "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(doc["matched_by_words"], true);
    assert_eq!(doc["role"], "L2-security-analyst");
    assert_eq!(doc["from"], "L1-junior-security-analyst");
    let states = states(&json);
    assert_eq!(states.iter().filter(|(_, s, _)| s == "evidence").count(), 1);
    assert!(
        states
            .iter()
            .all(|(_, s, _)| s == "evidence" || s == "empty"),
        "{states:?}"
    );
    let table = ok(&["review", &folder.arg("old.md")]);
    assert!(table.contains("matched by their words"), "{table}");
}

/// Evidence with escape sequences, bidi controls and a very long line comes out escaped, and
/// the review stays one pass over the file.
#[test]
fn hostile_evidence_is_escaped() {
    let folder = Folder::new("review-hostile");
    let outline = ok(&["evidence", "L2-security-analyst"]);
    let text = "Brings solid, competent knowledge of the security domain to daily work.";
    let b = block(&outline, text);
    let evil = format!(
        "\u{1b}[31mred\u{1b}[0m \u{202e}evil {}",
        "word ".repeat(200_000)
    );
    folder.write(
        "me.md",
        outline.replacen(b, &b.replacen(PLACEHOLDER, &evil, 1), 1),
    );
    for format in ["table", "tsv", "json", "markdown"] {
        let out =
            run(ladder(&["review", "me.md", "--format", format]).current_dir(folder.join("")));
        assert_eq!(out.status.code(), Some(0));
        let out = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{202e}'),
            "{format}"
        );
    }
    let out = run(ladder(&["review", "me.md", "--format", "json"]).current_dir(folder.join("")));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let evidence = doc["expectations"][0]["evidence"]
        .as_str()
        .expect("evidence");
    assert!(
        evidence.starts_with("\\u{1b}[31mred\\u{1b}[0m \\u{202e}evil word"),
        "escaped"
    );
}

/// `--since REV`: what evidence was added since a revision of the file, from git.
#[test]
fn since_a_revision_says_what_was_added() {
    if !tool("git") {
        return;
    }
    let folder = Folder::new("review-since");
    let outline = ok(&["evidence", "L2-security-analyst"]);
    folder.write("repo/me.md", &outline);
    let repo = folder.join("repo");
    let git = |args: &[&str]| git(&repo, args);
    git(&["init", "-q"]);
    git(&["add", "me.md"]);
    git(&["commit", "-q", "-m", "outline"]);
    let text = "Runs small projects independently from start to finish.";
    let b = block(&outline, text);
    let filled = outline.replacen(
        b,
        &b.replacen(PLACEHOLDER, "Ran the log retention project from the first draft to the rollout in April, alone; the lead signed it off.", 1),
        1,
    );
    folder.write("repo/me.md", &filled);
    let out = run(ladder(&["review", "me.md", "--since", "HEAD"]).current_dir(&repo));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        out.ends_with(&format!(
            "\nSince HEAD: evidence added for 1 expectation\n  🦉 Domain Expertise · Scope of independent work · line 27\n      {text}\n"
        )),
        "{out}"
    );
    let err = run(ladder(&["review", "me.md", "--since", "nope"]).current_dir(&repo));
    assert_eq!(err.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&err.stderr),
        "error: unknown revision \"nope\"\n"
    );
}
