//! `--data`, `LADDER_DATA` and `ladder validate`: every command on ladders other than the embedded one.

use super::*;

#[test]
fn data_flag_and_environment_variable_load_another_ladder() {
    let by_flag = ok(&["--data", DESIGN, "list", "--ids"]);
    assert!(by_flag.starts_with("P1-junior-designer\n"), "{by_flag}");
    let by_env = run(ladder(&["list", "--ids"]).env("LADDER_DATA", DESIGN));
    assert_eq!(String::from_utf8_lossy(&by_env.stdout), by_flag);
    // The flag wins over the variable; an empty variable means the embedded ladder.
    let both = run(ladder(&["list", "--ids", "--data", DESIGN]).env("LADDER_DATA", HOSTILE));
    assert_eq!(String::from_utf8_lossy(&both.stdout), by_flag);
    let empty = run(ladder(&["list", "--ids"]).env("LADDER_DATA", ""));
    assert!(String::from_utf8_lossy(&empty.stdout).starts_with("L1-junior-security-analyst\n"));
}

/// Every command that reads a ladder, with arguments that suit the ladder at hand.
fn commands_for(role_a: &str, role_b: &str, pattern: &str) -> Vec<Vec<String>> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        s(&["list"]),
        s(&["show", role_a]),
        s(&["show", role_b]),
        s(&["diff", role_a, role_b]),
        s(&["search", pattern]),
        s(&["tracks"]),
        s(&["dimensions"]),
        s(&["validate"]),
    ]
}

#[test]
fn every_command_and_format_runs_on_the_design_ladder() {
    let ids = ok(&["--data", DESIGN, "list", "--ids"]);
    let ids: Vec<&str> = ids.lines().collect();
    assert!(ids.len() >= 8, "{ids:?}");
    let tracks = json(&["--data", DESIGN, "tracks"]);
    assert_eq!(tracks["tracks"].as_array().map(Vec::len), Some(3));
    let dims = json(&["--data", DESIGN, "dimensions"]);
    assert_eq!(dims["dimensions"].as_array().map(Vec::len), Some(3));
    assert_eq!(dims["attributes"].as_array().map(Vec::len), Some(2));
    for args in commands_for(ids[0], ids[ids.len() - 1], "design") {
        for format in ["table", "json", "markdown", "tsv"] {
            let mut full: Vec<&str> = vec!["--data", DESIGN, "--format", format];
            full.extend(args.iter().map(String::as_str));
            let out = ok(&full);
            assert!(!out.is_empty(), "{full:?}");
        }
    }
    // Every role resolves by its id, and by a level with a track.
    for id in &ids {
        assert!(ok(&["--data", DESIGN, "show", id]).contains(id));
    }
    let p3 = json(&["--data", DESIGN, "show", "P3", "--track", "systems"]);
    assert_eq!(p3["role"]["level"], "P3");
    assert_eq!(
        ok(&["--data", DESIGN, "validate"]),
        format!("{DESIGN}: 0 errors, 0 warnings\n")
    );
}

/// Characters that must never reach a terminal raw.
const FORBIDDEN: [char; 12] = [
    '\u{7}', '\r', '\u{8}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{202c}', '\u{2066}', '\u{2069}',
    '\u{200b}', '\u{feff}', '\t',
];

/// Whether every escape byte in the text starts one of our own colour sequences (`ESC [ digits ; m`).
fn only_colour_escapes(text: &str) -> bool {
    let mut rest = text;
    while let Some(i) = rest.find('\u{1b}') {
        let after = &rest[i + 1..];
        let Some(body) = after.strip_prefix('[') else {
            return false;
        };
        let end = body
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(body.len());
        if !body[end..].starts_with('m') {
            return false;
        }
        rest = &body[end + 1..];
    }
    true
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    for args in commands_for("H1-one", "H2-two", "the") {
        for format in ["table", "json", "markdown", "tsv"] {
            for color in ["never", "always"] {
                let mut full: Vec<&str> =
                    vec!["--data", HOSTILE, "--format", format, "--color", color];
                full.extend(args.iter().map(String::as_str));
                let out = run(&mut ladder(&full));
                assert!(out.status.code().is_some_and(|c| c <= 1), "{full:?}");
                for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
                    let text = String::from_utf8(bytes.clone()).expect("UTF-8 output");
                    let tsv_tabs = format == "tsv" && stream == "stdout";
                    let bad: Vec<char> = text
                        .chars()
                        .filter(|c| FORBIDDEN.contains(c) && !(tsv_tabs && *c == '\t'))
                        .collect();
                    assert!(bad.is_empty(), "{full:?} {stream} holds {bad:?}");
                    if color == "never" || format != "table" {
                        assert!(
                            !text.contains('\u{1b}'),
                            "{full:?} {stream} holds an escape"
                        );
                    } else {
                        assert!(only_colour_escapes(&text), "{full:?} {stream}: {text:?}");
                    }
                }
            }
        }
    }
    // What was hidden is shown, visibly escaped.
    let shown = ok(&["--data", HOSTILE, "show", "H1-one"]);
    assert!(
        shown.starts_with("H1 One \\u{1b}[2J\\u{1b}[H cleared\n"),
        "{shown}"
    );
    assert!(
        flat(&shown).contains("Writes \\u{202e}esrever\\u{202c} text."),
        "{shown}"
    );
    assert!(flat(&shown).contains("Self \\u{9b}31m C1"), "{shown}");
}

#[test]
fn validate_warns_about_hidden_characters() {
    // Wide enough for each finding's line whole (tests/widths.rs checks the wrapping).
    let out = run(ladder(&["validate", HOSTILE]).env("COLUMNS", "1000"));
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains(&format!(
            "{HOSTILE}:28:9: warning: a name holds control or bidirectional characters; they are shown as escapes\n\
             28 | title = \"One \\u001b[2J\\u001b[H cleared\"\n"
        )),
        "{text}"
    );
    let strict = run(&mut ladder(&["validate", "--strict", HOSTILE]));
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn unreadable_ladder_files_fail_with_one_line_naming_the_file() {
    let truncated = &DATA.as_bytes()[..DATA.len() / 3];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.toml", Vec::new(), "is empty"),
        ("blank.toml", b"  \n\n".to_vec(), "is empty"),
        ("truncated.toml", truncated.to_vec(), ":"),
        (
            "latin1.toml",
            b"name = \"Caf\xe9\"\n".to_vec(),
            "is not UTF-8 text (invalid byte at offset 11)",
        ),
        (
            "binary.toml",
            (0u8..=255).cycle().take(4096).collect(),
            "is not UTF-8 text",
        ),
        (
            "nul.toml",
            b"name = \"a\0b\"\nlevels = []\n".to_vec(),
            ":1:",
        ),
    ];
    for (name, bytes, expected) in cases {
        let file = TempFile::new("unreadable", name, &bytes);
        for command in [&["list"][..], &["show", "x"], &["validate"]] {
            let mut args = vec!["--data", file.arg()];
            args.extend(command);
            let out = run(&mut ladder(&args));
            let stderr = String::from_utf8(out.stderr).expect("UTF-8");
            if command[0] == "validate" && !expected.starts_with("is ") {
                // validate reports a broken file as findings on stdout, and fails.
                assert_eq!(out.status.code(), Some(1), "{name}");
                assert!(
                    String::from_utf8_lossy(&out.stdout).contains(": error: "),
                    "{name}"
                );
                continue;
            }
            assert_eq!(out.status.code(), Some(1), "{name} {command:?}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{name} {command:?}: {stderr}");
            assert!(stderr.starts_with("error: "), "{name}: {stderr}");
            assert!(stderr.contains(file.arg()), "{name}: {stderr}");
            assert!(stderr.contains(expected), "{name}: {stderr}");
            assert!(out.stdout.is_empty(), "{name}");
        }
    }
}

#[test]
fn missing_files_directories_and_huge_files_are_refused() {
    let dir = TempFile::new("refused", "placeholder.toml", b"");
    let missing = dir.dir.join("missing.toml");
    let huge = dir.dir.join("huge.toml");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(65 * 1024 * 1024))
        .expect("sparse file");
    let cases = [
        (
            missing.to_str().expect("path").to_string(),
            "No such file or directory",
        ),
        (
            huge.to_str().expect("path").to_string(),
            "over the limit of 67108864 (64 MiB)",
        ),
    ];
    for (path, expected) in cases {
        for args in [vec!["--data", &path, "list"], vec!["validate", &path]] {
            let out = run(&mut ladder(&args));
            let stderr = String::from_utf8(out.stderr).expect("UTF-8");
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            assert!(
                stderr.contains(&format!("{path:?}")) && stderr.contains(expected),
                "{stderr}"
            );
        }
    }
    // A folder is a catalogue (tests/catalogue.rs): each of its ladders is read within the
    // same limits, and the one over them is named.
    let folder = dir.dir.to_str().expect("path");
    let huge = huge.to_str().expect("path");
    assert_eq!(
        fails(&["--data", folder, "list"], 1),
        format!(
            "error: ladder file {huge:?} is 68157440 bytes, over the limit of 67108864 (64 MiB)\n"
        )
    );
    // `validate DIR` reports each file's error under it: the huge one, and the empty one
    // that holds the folder.
    let placeholder = dir.dir.join("placeholder.toml");
    let placeholder = placeholder.to_str().expect("path");
    let out = run(&mut ladder(&[
        "validate",
        folder,
        "--format",
        "tsv",
        "--no-header",
    ]));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "{huge}\t1\t1\terror\tladder file {huge:?} is 68157440 bytes, over the limit of 67108864 (64 MiB)\n\
             {placeholder}\t1\t1\terror\tladder file {placeholder:?} is empty\n"
        )
    );
}

#[test]
fn validate_reports_syntax_errors_with_a_caret() {
    let broken = DATA.replacen(
        "levels = [\"L1\", \"L2\", \"L3\", \"L4\"]",
        "levels = [\"L1\", \"L2\"",
        1,
    );
    let file = TempFile::new("caret", "broken.toml", broken.as_bytes());
    // Wide enough for the finding's line whole (tests/widths.rs checks the wrapping).
    let out = run(ladder(&["validate", file.arg()]).env("COLUMNS", "1000"));
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    // The parser notices the unclosed array where the next table starts.
    let (place, message) = lines[0].split_once(": error: ").expect("finding line");
    assert_eq!(
        message,
        "missing comma between array elements, expected `,`"
    );
    let mut parts = place.rsplitn(3, ':');
    let column: usize = parts.next().and_then(|c| c.parse().ok()).expect("column");
    let line: usize = parts.next().and_then(|l| l.parse().ok()).expect("line");
    assert_eq!(parts.next(), Some(file.arg()));
    assert_eq!(
        lines[1],
        format!(
            "{line} | {}",
            broken.lines().nth(line - 1).expect("source line")
        )
    );
    assert_eq!(
        lines[2],
        format!(
            "{} | {}^",
            " ".repeat(line.to_string().len()),
            " ".repeat(column - 1)
        )
    );
    assert_eq!(
        lines.last(),
        Some(&format!("{}: 1 error, 0 warnings", file.arg()).as_str())
    );
    // The other commands say the same in one line.
    let err = fails(&["--data", file.arg(), "list"], 1);
    assert_eq!(err, format!("error: {place}: {message}\n"));
}

#[test]
fn validate_names_expected_keys_and_reports_every_semantic_error() {
    let typo = DATA.replacen(
        "title = \"Security Analyst\"",
        "titel = \"Security Analyst\"",
        1,
    );
    let file = TempFile::new("keys", "typo.toml", typo.as_bytes());
    let out = run(&mut ladder(&["validate", file.arg(), "--format", "tsv"]));
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains(
            "error\tunknown field `titel`, expected one of `id`, `level`, `title`, `summary`"
        ),
        "{text}"
    );

    let broken = DATA
        .replacen(
            "id = \"L2-security-engineer\"",
            "id = \"L2-security-analyst\"",
            1,
        )
        .replacen("evaluated-by = \"Manager or Director\"", "", 1)
        .replacen(
            "{ theme = \"domain-depth\",",
            "{ theme = \"domain-width\",",
            1,
        );
    let file = TempFile::new("semantic", "broken.toml", broken.as_bytes());
    let doc = {
        let out = run(&mut ladder(&["validate", file.arg(), "--format", "json"]));
        assert_eq!(out.status.code(), Some(1));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("JSON")
    };
    assert_eq!(
        keys(&doc),
        ["schema", "file", "errors", "warnings", "findings"]
    );
    let errors: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "error")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(
        errors.contains(&"duplicate role id \"L2-security-analyst\""),
        "{errors:#?}"
    );
    // A value is optional: its absence is a warning, which `--strict` makes fail.
    assert!(
        !errors.iter().any(|e| e.contains("no value for attribute")),
        "{errors:#?}"
    );
    let warnings: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "warning")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(
        warnings
            .contains(&"role \"L4-technical-lead\" states no value for attribute \"evaluated-by\""),
        "{warnings:#?}"
    );
    assert!(
        errors.contains(&"role \"L1-junior-security-analyst\" tags an expectation with theme \"domain-width\", which dimension \"domain-expertise\" does not declare (it declares domain-depth, tech-breadth, work-scope, escalation-ambiguity, security-review, tradeoffs-debt)"),
        "{errors:#?}"
    );
    assert_eq!(doc["errors"].as_u64(), Some(errors.len() as u64));
    let finding = &doc["findings"][0];
    assert_eq!(
        keys(finding),
        ["file", "line", "column", "severity", "message"]
    );
}

#[test]
fn validate_of_the_embedded_ladder_passes_but_not_strictly() {
    let out = ok(&["validate"]);
    assert!(
        out.ends_with("<embedded>: 0 errors, 13 warnings\n"),
        "{out}"
    );
    let strict = run(&mut ladder(&["validate", "--strict"]));
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn the_documented_minimal_example_passes_validate() {
    let doc = include_str!("../docs/format.md");
    let start = doc.find("```toml\n").expect("toml block") + "```toml\n".len();
    let example = &doc[start..start + doc[start..].find("```").expect("closed")];
    let file = TempFile::new("minimal", "minimal.toml", example.as_bytes());
    assert_eq!(
        ok(&["validate", "--strict", file.arg()]),
        format!("{}: 0 errors, 0 warnings\n", file.arg())
    );
    assert_eq!(
        ok(&["--data", file.arg(), "list", "--ids"]),
        "D1-designer\nD2-senior-designer\n"
    );
}

#[test]
fn long_texts_and_many_roles_still_fit_the_terminal() {
    let word = "x".repeat(150);
    let long = format!(
        "Starts plainly and then {word} runs on. {}",
        "A long sentence goes on. ".repeat(80)
    );
    // A value may have at most 500 characters (docs/format.md, "Limits").
    let value: String = long.chars().take(500).collect();
    let mut toml = String::from("name = \"Big\"\nlevels = [\"A\", \"B\", \"C\"]\n");
    toml += "[[attribute]]\nid = \"scope\"\nname = \"Scope\"\nmeaning = \"Reach.\"\n";
    toml += "[[dimension]]\nid = \"craft\"\nname = \"Craft\"\nthemes = [{ id = \"t\", name = \"Theme\" }]\n";
    let mut ids = Vec::new();
    for i in 0..150 {
        let level = ["A", "B", "C"][i % 3];
        let id = format!("{level}-role-{i}");
        toml += &format!(
            "[[role]]\nid = \"{id}\"\nlevel = \"{level}\"\ntitle = \"Role {i}\"\nsummary = \"{long}\"\n\
             attributes = {{ scope = \"{value}\" }}\n\
             dimensions.craft.expectations = [{{ theme = \"t\", text = \"{i} {long}\" }}]\n\
             dimensions.craft.examples = [\"{i} {long}\"]\n"
        );
        ids.push(id);
    }
    let file = TempFile::new("big", "big.toml", toml.as_bytes());
    for args in [
        vec!["list"],
        vec!["show", "A-role-0"],
        vec!["diff", "A-role-0", "B-role-1"],
        vec!["search", "plainly", "--level", "C"],
        vec!["dimensions"],
    ] {
        let mut full = vec!["--data", file.arg()];
        full.extend(args.iter());
        let out = run(ladder(&full).env("COLUMNS", "80"));
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        let wide: Vec<&str> = text.lines().filter(|l| width(l) > 80).collect();
        assert!(
            wide.is_empty(),
            "{args:?}: {} lines wider than 80, e.g. {:?}",
            wide.len(),
            wide.first()
        );
    }
    assert_eq!(
        ok(&["--data", file.arg(), "list", "--ids"]).lines().count(),
        ids.len()
    );
}

/// `validate` speaks the format's words: a theme written as a string says how to write one,
/// an unknown role in a track suggests the near one, a bad level lists the levels (issue 25,
/// item 12).
#[test]
fn validate_says_what_is_expected_and_what_was_meant() {
    let folder = Folder::new("validate-words");
    let text = r#"name = "V"
levels = ["A1", "A2"]

[[dimension]]
id = "craft"
name = "Craft"
themes = [{ id = "pipelines", name = "Pipelines" }]

[[track]]
id = "t"
name = "T"
roles = ["A1-onee"]

[[role]]
id = "A1-one"
level = "A9"
title = "One"
summary = "One."
[role.dimensions.craft]
expectations = [{ theme = "pipeline", text = "Builds." }, { text = "Ships." }]
"#;
    let file = folder.write("v.toml", text);
    let path = file.to_str().expect("UTF-8");
    let report = |path: &str| -> serde_json::Value {
        let out = run(&mut ladder(&["validate", path, "--format", "json"]));
        assert_eq!(out.status.code(), Some(1), "errors found");
        serde_json::from_slice(&out.stdout).expect("JSON")
    };
    let found = report(path);
    let messages: Vec<&str> = (found["findings"].as_array().expect("findings").iter())
        .filter(|f| f["severity"] == "error")
        .map(|f| f["message"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        messages,
        [
            "track \"t\" names unknown role \"A1-onee\"; did you mean \"A1-one\"?",
            "role \"A1-one\" has level \"A9\", which `levels` does not list (it lists A1, A2)",
            "role \"A1-one\" tags an expectation with theme \"pipeline\", which dimension \"craft\" does not declare (it declares pipelines)",
        ]
    );
    let strings = folder.write(
        "s.toml",
        text.replace(
            r#"[{ id = "pipelines", name = "Pipelines" }]"#,
            r#"["pipelines"]"#,
        ),
    );
    let found = report(strings.to_str().expect("UTF-8"));
    assert_eq!(
        found["findings"][0]["message"],
        "invalid type: string \"pipelines\", expected a theme, written { id = \"…\", name = \"…\" }"
    );
}
