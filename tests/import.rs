//! `ladder import`: a Markdown handbook read back into ladder TOML.

use super::*;

/// Runs `ladder import` on a folder; returns the TOML and the stderr lines.
pub(crate) fn import(dir: &str) -> (String, Vec<String>) {
    imported(run(&mut ladder(&["import", dir])))
}

/// Runs `ladder import DIR` inside `folder` (DIR relative to it, as messages name its pages);
/// returns the TOML and the stderr lines.
fn import_in(folder: &Folder, dir: &str) -> (String, Vec<String>) {
    imported(run(&mut folder.ladder(&["import", dir])))
}

/// The TOML and the stderr lines of an import that exited 0.
fn imported(out: std::process::Output) -> (String, Vec<String>) {
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    (
        String::from_utf8(out.stdout).expect("UTF-8"),
        stderr.lines().map(String::from).collect(),
    )
}

/// The statements and examples of a handbook page, by dimension name (lower case, no emoji),
/// read line by line: bullets after a `## ` heading, inside `<details>` or not.
fn page_bullets(path: &std::path::Path) -> Vec<(String, bool, String)> {
    let text = std::fs::read_to_string(path)
        .expect("page")
        .replace("\r\n", "\n");
    let (mut dimension, mut in_details) = (None::<String>, false);
    let mut found: Vec<(String, bool, String)> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(heading) = trimmed.strip_prefix("## ") {
            let name = heading
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            dimension = Some(name);
            in_details = false;
        } else if trimmed.starts_with("<details") {
            in_details = true;
        } else if trimmed.starts_with("</details") {
            in_details = false;
        } else if let (Some(d), Some(item)) = (
            &dimension,
            trimmed
                .strip_prefix("- ")
                .or_else(|| trimmed.strip_prefix("* ")),
        ) {
            found.push((d.clone(), in_details, item.to_string()));
        } else if line.starts_with("  ") && !trimmed.is_empty() {
            // A continuation line belongs to the bullet before it.
            if let Some(last) = found.last_mut() {
                last.2 = format!("{} {trimmed}", last.2);
            }
        }
    }
    found
}

#[test]
fn import_places_every_statement_and_example_of_the_test_handbook() {
    let (toml, _) = import(HANDBOOK);
    let file = TempFile::new("import-place", "support.toml", toml.as_bytes());
    let ids = ok(&["--data", file.arg(), "list", "--ids"]);
    assert_eq!(
        ids.lines().collect::<Vec<_>>(),
        [
            "S1-junior-support-engineer",
            "S2-support-engineer",
            "S3-senior-support-engineer",
            "S2-support-analyst",
            "S3-senior-support-analyst",
            "S4-support-lead",
        ]
    );
    let mut total = 0;
    for entry in std::fs::read_dir(HANDBOOK).expect("handbook") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name")
            .to_string();
        if name == "README.md" {
            continue;
        }
        let stem = name.trim_end_matches(".md");
        let (level, title) = stem.split_once('-').expect("LEVEL-Title.md");
        let id = format!("{level}-{}", title.to_lowercase());
        let role = json(&["--data", file.arg(), "show", &id]);
        for (dimension, is_example, text) in page_bullets(&path) {
            let d = role["role"]["dimensions"]
                .as_array()
                .expect("dimensions")
                .iter()
                .find(|d| {
                    d["name"]
                        .as_str()
                        .is_some_and(|n| n.to_lowercase() == dimension)
                })
                .unwrap_or_else(|| panic!("{name}: no dimension {dimension:?}"));
            let list: Vec<&str> = if is_example {
                d["examples"]
                    .as_array()
                    .expect("examples")
                    .iter()
                    .filter_map(|v| v.as_str())
                    .collect()
            } else {
                d["expectations"]
                    .as_array()
                    .expect("expectations")
                    .iter()
                    .filter_map(|e| e["text"].as_str())
                    .collect()
            };
            assert!(
                list.contains(&text.as_str()),
                "{name}: {text:?} is not among the {dimension} {}",
                if is_example {
                    "examples"
                } else {
                    "expectations"
                }
            );
            total += 1;
        }
        // Attributes map, whatever the page calls them.
        let evaluated = role["role"]["attributes"]
            .as_array()
            .expect("attributes")
            .iter()
            .find(|a| a["attribute"] == "evaluated-by")
            .cloned();
        assert!(
            evaluated.is_some_and(|a| a["value"]
                .as_str()
                .is_some_and(|v| v.starts_with("Manager"))),
            "{name}"
        );
    }
    assert_eq!(
        total,
        45 + 33,
        "every statement and example of the handbook"
    );
    let joined = json(&["--data", file.arg(), "show", "S3-senior-support-engineer"]);
    assert!(joined.to_string().contains("I trace recurring faults back to their root cause and push the owning team to ship a lasting fix."));
}

#[test]
fn import_warns_about_every_quirk_and_says_what_it_inferred() {
    // The fixture by its path from the package, where cargo runs tests: messages name pages so.
    let (_, messages) = import("tests/data/handbook");
    let has = |needle: &str| messages.iter().any(|m| m.contains(needle));
    // A paragraph in a section is a statement of it, not text that could not be placed.
    assert!(!has("S4-Support-Lead.md:28"), "{messages:#?}");
    assert!(
        has("tests/data/handbook/S3-Senior-Support-Analyst.md:")
            && has(
                "dimension \"Knowledge base\" is not on the index page and no other page has it"
            ),
        "{messages:#?}"
    );
    assert!(
        has("tests/data/handbook/S2-Support-Analyst.md:1: warning: no quoted self-description"),
        "{messages:#?}"
    );
    assert!(
        has("tests/data/handbook/S3-Senior-Support-Engineer.md:")
            && has("dimension \"Customer outcomes\" has no examples"),
        "{messages:#?}"
    );
    assert!(
        has(
            "note: mapped attribute label \"Evaluation\" to \"Evaluated by\" (tests/data/handbook/S2-Support-Analyst.md:"
        ),
        "{messages:#?}"
    );
    // Prose on the index is the ladder's about text, kept without a warning.
    assert!(!has("README.md"), "{messages:#?}");
    let (toml, _) = import(HANDBOOK);
    assert!(
        toml.contains("💡 Tip: read adjacent levels side by side."),
        "{toml}"
    );
    assert!(
        toml.contains(
            "  { text = \"I build strong working relationships with engineering and product managers.\" },\n  \
             { text = \"Leads are expected to cover for each other during leave.\" },\n]"
        ),
        "{toml}"
    );
    assert!(
        has(
            "note: inferred track engineer: S1-junior-support-engineer → S2-support-engineer → S3-senior-support-engineer → S4-support-lead"
        ),
        "{messages:#?}"
    );
    assert!(
        has(
            "note: inferred track analyst: S2-support-analyst → S3-senior-support-analyst → S4-support-lead"
        ),
        "{messages:#?}"
    );
    // CRLF, `*` bullets, odd heading case and extra blank lines are read without complaint.
    assert!(
        !has("S1-Junior-Support-Engineer.md") && !has("S2-Support-Engineer.md"),
        "{messages:#?}"
    );
    let (last, messages) = messages.split_last().expect("a summary");
    assert_eq!(
        last,
        "read 7 pages: 6 roles, 46 statements, 33 examples; 3 warnings"
    );
    for m in messages {
        assert!(m.starts_with("note: ") || m.contains(": warning: "), "{m}");
    }
}

/// Messages name a page as it opens from the current directory, as compilers name files, so
/// that an editor or CI jumps to it: the folder as typed (never made canonical) joined with the
/// page's path inside it (issue 25, item 11).
#[test]
fn import_names_pages_from_the_current_directory_as_typed() {
    let folder = Folder::new("import-named-pages");
    folder.write(
        "hb/README.md",
        "# Writers\n\nOur dimensions:\n\n- Craft\n\n## Levels\n\n1. [L1](levels/L1.md)\n",
    );
    folder.write(
        "hb/levels/L1.md",
        "# L1: Writer\n\n## Craft\n\n- Writes.\n\n**Examples:**\n\n- Wrote.\n",
    );
    folder.write("hb/faq.md", "# FAQ\n\nAsk.\n");
    // Run in `cwd`: the messages about pages, without the track and the tally.
    let messages = |cwd: &std::path::Path, dir: &str| -> Vec<String> {
        let (_, mut messages) = imported(run(ladder(&["import", dir]).current_dir(cwd)));
        messages.retain(|m| !m.starts_with("note: inferred track") && !m.starts_with("read "));
        messages
    };
    let named = |prefix: &str| {
        [
            format!(
                "{prefix}/levels/L1.md:1: warning: no quoted self-description after the heading; the summary is left as the title"
            ),
            format!(
                "note: left out \"{prefix}/faq.md\": the index does not list it among the levels"
            ),
        ]
    };
    assert_eq!(messages(&folder.path, "hb"), named("hb"));
    assert_eq!(messages(&folder.path, "./hb/"), named("./hb"));
    assert_eq!(messages(&folder.join("hb"), "."), named("."));
    let absolute = folder.arg("hb");
    assert_eq!(messages(&folder.path, &absolute), named(&absolute));
}

#[test]
fn export_then_import_gives_back_the_same_ladder() {
    for data in [None, Some(DESIGN), Some(HOSTILE)] {
        let with = |args: &[&str]| -> Vec<String> {
            let mut all: Vec<String> = data
                .map(|d| vec!["--data".to_string(), d.to_string()])
                .unwrap_or_default();
            all.extend(args.iter().map(|s| s.to_string()));
            all
        };
        let book = TempFile::new("roundtrip", "handbook", b"");
        std::fs::remove_file(&book.path).expect("empty");
        let export_args = with(&["export", book.arg()]);
        ok(&export_args.iter().map(String::as_str).collect::<Vec<_>>());
        let (toml, messages) = import(book.arg());
        assert!(
            messages.iter().all(|m| !m.contains(": warning:")),
            "{data:?}: {messages:#?}"
        );
        let imported = book.dir.join("imported.toml");
        std::fs::write(&imported, toml).expect("written");
        let imported = imported.to_str().expect("path");
        let ids = ok(&with(&["list", "--ids"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>());
        let mut commands: Vec<Vec<&str>> = vec![vec!["list"], vec!["tracks"], vec!["dimensions"]];
        for id in ids.lines() {
            commands.push(vec!["show", id]);
        }
        for command in commands {
            let original = with(&command);
            let before = json(&original.iter().map(String::as_str).collect::<Vec<_>>());
            let mut again = vec!["--data", imported];
            again.extend(command.iter());
            let after = json(&again);
            assert_eq!(before, after, "{data:?} {command:?}");
        }
    }
}

#[test]
fn import_output_refuses_to_overwrite_without_force() {
    let file = TempFile::new("import-output", "ladder.toml", b"keep me\n");
    let err = fails(&["import", HANDBOOK, "--output", file.arg()], 1);
    assert!(
        err.lines()
            .any(|l| l.starts_with("error: refusing to overwrite")),
        "{err}"
    );
    assert_eq!(std::fs::read(&file.path).expect("read"), b"keep me\n");
    let out = run(&mut ladder(&[
        "import",
        HANDBOOK,
        "--output",
        file.arg(),
        "--force",
    ]));
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(
        std::fs::read_to_string(&file.path)
            .expect("read")
            .contains("[[role]]")
    );
    assert!(
        fails(&["import", "/nonexistent-handbook"], 1).starts_with("error: cannot read directory")
    );
}

#[test]
fn import_cuts_a_title_or_text_over_its_limit_with_a_warning_and_the_ladder_loads() {
    let dir = Folder::new("import-cut");
    for entry in std::fs::read_dir(HANDBOOK).expect("handbook") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        dir.write(name, std::fs::read(&path).expect("page"));
    }
    let page = std::fs::read_to_string(dir.join("S2-Support-Analyst.md")).expect("page");
    let title = format!("Support Analyst {}", "X".repeat(300));
    let statement = format!("I query {}", "the case history ".repeat(700));
    let page = page
        .replacen("# S2: Support Analyst", &format!("# S2: {title}"), 1)
        .replacen("- I query the case history", &format!("- {statement}"), 1);
    dir.write("S2-Support-Analyst.md", page);
    let (toml, messages) = import_in(&dir, ".");
    let cut = |what: &str, text: &str, chars: usize, max: usize, article: &str| {
        let start: String = text.chars().take(60).collect();
        format!(
            "./S2-Support-Analyst.md: warning: the {what} \"{start}…\" has {chars} characters; \
             cut to the {max} {article} {what} may have"
        )
    };
    let title_chars = title.chars().count();
    assert!(
        messages.contains(&cut("title", &title, title_chars, 200, "a")),
        "{messages:#?}"
    );
    let id = format!("S2-support-analyst-{}", "x".repeat(300));
    assert!(
        messages.contains(&cut("id", &id, id.len(), 100, "an")),
        "{messages:#?}"
    );
    let full = format!("{statement}the case history");
    assert!(
        messages.iter().any(|m| m.starts_with(
            "./S2-Support-Analyst.md: warning: the text \"I query the case history the case history"
        ) && m.ends_with("characters; cut to the 10000 a text may have")),
        "{messages:#?} {}",
        full.len()
    );
    // The title ends cut, the id is cut as every reference to it is, and the ladder loads.
    let kept: String = title.chars().take(199).collect();
    assert!(toml.contains(&format!("title = \"{kept}…\"")), "{toml}");
    let file = TempFile::new("import-cut-toml", "cut.toml", toml.as_bytes());
    let ids = ok(&["--data", file.arg(), "list", "--ids"]);
    assert!(ids.contains(&format!("{}\n", &id[..100])), "{ids}");
}

#[test]
fn import_refuses_a_handbook_of_more_attributes_than_a_ladder_may_have_in_one_line() {
    let dir = Folder::new("import-too-many");
    for entry in std::fs::read_dir(HANDBOOK).expect("handbook") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        dir.write(name, std::fs::read(&path).expect("page"));
    }
    // Four attributes and 97 more: one over the limit of 100.
    let index = std::fs::read_to_string(dir.join("README.md")).expect("index");
    let last = "- **Responsibility and direction needed**: How much guidance you need and how much you give to others\n";
    let more: String = (0..97)
        .map(|i| format!("- **Extra {i}**: Meaning {i}\n"))
        .collect();
    dir.write(
        "README.md",
        index.replacen(last, &format!("{last}{more}"), 1),
    );
    let out = run(&mut dir.ladder(&["import", "."]));
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(
        stderr.lines().last(),
        Some(
            "error: ./README.md: the ladder has 101 attributes; a ladder may have at most 100 (at attribute[100].id)"
        ),
        "{stderr}"
    );
}

/// A role's values and dimensions come out in the order the ladder declares them, not by id,
/// so that importing an export of a hand-written file diffs quietly against it (issue 25,
/// item 15).
#[test]
fn values_and_dimensions_keep_the_declared_order() {
    let folder = Folder::new("import-order");
    let original = r#"name = "Order"
levels = ["O1"]

[[attribute]]
id = "scope"
name = "Scope"
meaning = "How far the work reaches."

[[attribute]]
id = "autonomy"
name = "Autonomy"
meaning = "How much direction is needed."

[[dimension]]
id = "delivery"
name = "Delivery"

[[dimension]]
id = "craft"
name = "Craft"

[[role]]
id = "O1-one"
level = "O1"
title = "One"
summary = "Does one thing."

[role.attributes]
scope = "A task"
autonomy = "Some"

[role.dimensions.delivery]
expectations = [
  { text = "Ships the task." },
]
examples = []

[role.dimensions.craft]
expectations = [
  { text = "Writes the code." },
]
examples = []
"#;
    let file = folder.write("order.toml", original);
    let handbook = folder.arg("handbook");
    ok_with_stderr(&["--data", file.to_str().expect("UTF-8"), "export", &handbook]);
    let (toml, _) = ok_with_stderr(&["import", &handbook]);
    let role = &toml[toml.find("[[role]]").expect("a role")..];
    assert_eq!(
        role,
        &original[original.find("[[role]]").expect("a role")..],
        "{toml}"
    );
}
