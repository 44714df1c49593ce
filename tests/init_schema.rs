//! `ladder init` and `ladder schema`: a skeleton that loads and validates, written as every
//! write is; and a JSON Schema of the file format that every ladder the tests carry passes,
//! and that refuses what `ladder validate` refuses.

use super::*;

/// The schema `ladder schema` prints, compiled by an independent validator.
fn file_schema() -> jsonschema::Validator {
    let text = ok(&["schema"]);
    let schema: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

/// A ladder file as the JSON a schema validator reads.
fn as_json(toml_text: &str) -> serde_json::Value {
    let value: toml::Value = toml::from_str(toml_text).expect("TOML");
    serde_json::to_value(value).expect("JSON")
}

/// Every ladder file under tests/data (plans aside) with the embedded one.
fn ladders() -> Vec<(String, String)> {
    let mut found = vec![("embedded".to_string(), DATA.to_string())];
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data"
    ))];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("tests/data") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "toml")
                && path.file_name().is_some_and(|n| n != "plan.toml")
            {
                let text = std::fs::read_to_string(&path).expect("UTF-8");
                found.push((path.display().to_string(), text));
            }
        }
    }
    found
}

#[test]
fn every_ladder_the_tests_carry_passes_the_schema() {
    let schema = file_schema();
    let ladders = ladders();
    assert!(ladders.len() >= 8, "{}", ladders.len());
    for (name, text) in ladders {
        let errors: Vec<String> = schema
            .iter_errors(&as_json(&text))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

/// A small ladder that passes both, and the ten ways of breaking it below.
const BASE: &str = r#"name = "Tiny"
levels = ["D1", "D2"]

[[attribute]]
id = "scope"
name = "Scope"
meaning = "How far the work reaches."

[[dimension]]
id = "craft"
name = "Craft"
themes = [{ id = "depth", name = "Depth" }]

[[track]]
id = "design"
name = "Designer"
roles = ["D1-designer"]

[[role]]
id = "D1-designer"
level = "D1"
title = "Designer"
summary = "Designs small features."
attributes = { scope = "Own work" }
dimensions.craft.expectations = [{ theme = "depth", text = "Applies the system." }, { text = "Asks early." }]
"#;

#[test]
fn the_schema_and_validate_refuse_the_same_bad_files() {
    let schema = file_schema();
    let folder = Folder::new("schema-bad");
    let base = folder.write("base.toml", BASE);
    let (_, _) = ok_with_stderr(&["validate", base.to_str().expect("UTF-8")]);
    assert!(schema.is_valid(&as_json(BASE)));
    let broken = [
        ("a misspelt key", "name = \"Tiny\"", "nme = \"Tiny\""),
        ("no name", "name = \"Tiny\"\n", ""),
        ("no levels", "levels = [\"D1\", \"D2\"]\n", ""),
        (
            "levels as a string",
            "levels = [\"D1\", \"D2\"]",
            "levels = \"D1\"",
        ),
        (
            "a theme as a string",
            "themes = [{ id = \"depth\", name = \"Depth\" }]",
            "themes = [\"depth\"]",
        ),
        (
            "an expectation as a string",
            "{ text = \"Asks early.\" }",
            "\"Asks early.\"",
        ),
        ("a role without a title", "title = \"Designer\"\n", ""),
        (
            "a misspelt role key",
            "summary = \"Designs",
            "sumary = \"Designs",
        ),
        (
            "a track's roles as a string",
            "roles = [\"D1-designer\"]",
            "roles = \"D1-designer\"",
        ),
        (
            "an attribute without its meaning",
            "meaning = \"How far the work reaches.\"\n",
            "",
        ),
    ];
    for (what, from, to) in broken {
        let text = BASE.replacen(from, to, 1);
        assert_ne!(text, BASE, "{what}");
        assert!(
            !schema.is_valid(&as_json(&text)),
            "the schema passes {what}"
        );
        let file = folder.write("bad.toml", &text);
        let out = run(&mut ladder(&["validate", file.to_str().expect("UTF-8")]));
        assert_eq!(out.status.code(), Some(1), "validate passes {what}");
    }
}

#[test]
fn init_writes_a_skeleton_that_validates_and_passes_the_schema() {
    let folder = Folder::new("init");
    let out = run(&mut folder.ladder(&[
        "init",
        "team.toml",
        "--levels",
        "L1,L2",
        "--tracks",
        "Main,Cloud Security",
        "--dimensions",
        "Craft,Team work",
    ]));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "wrote team.toml\nwrote ladder.schema.json\n"
    );
    let text = std::fs::read_to_string(folder.join("team.toml")).expect("written");
    assert!(
        text.starts_with("#:schema ./ladder.schema.json\n"),
        "{text}"
    );
    let schema_text = std::fs::read_to_string(folder.join("ladder.schema.json")).expect("written");
    assert_eq!(schema_text, ok(&["schema"]));
    assert!(file_schema().is_valid(&as_json(&text)), "{text}");
    // It loads, and validates with a warning per role and dimension that expects nothing yet.
    let check = run(&mut folder.ladder(&["--data", "team.toml", "validate"]));
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let list = run(&mut folder.ladder(&["--data", "team.toml", "list", "--ids"]));
    assert_eq!(
        String::from_utf8_lossy(&list.stdout),
        "L1-main\nL2-main\nL1-cloud-security\nL2-cloud-security\n"
    );
    let tracks =
        run(&mut folder.ladder(&["--data", "team.toml", "dimensions", "--format", "json"]));
    let dims: serde_json::Value = serde_json::from_slice(&tracks.stdout).expect("json");
    assert_eq!(dims["dimensions"][1]["id"], "team-work");
    // Each dimension of each role says what goes there.
    assert_eq!(text.matches("[role.dimensions.team-work]").count(), 4);
    assert_eq!(
        text.matches("# What is expected at this level in Team work:")
            .count(),
        4
    );
}

#[test]
fn init_refuses_what_it_cannot_do_in_one_line_and_writes_nothing() {
    let folder = Folder::new("init-refused");
    let refused = |args: &[&str]| {
        let out = run(&mut folder.ladder(args));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "", "{args:?}");
        String::from_utf8(out.stderr).expect("UTF-8")
    };
    // Without a terminal nothing can be asked.
    let err = refused(&["init", "a.toml", "--levels", "L1"]);
    assert_eq!(
        err,
        "error: ladder init needs --tracks, --dimensions when it cannot ask (stdin is not a terminal)\n"
    );
    let init = |levels: &str, tracks: &str, dimensions: &str| {
        let args = [
            "--levels",
            levels,
            "--tracks",
            tracks,
            "--dimensions",
            dimensions,
        ];
        refused(&[&["init", "a.toml"], &args[..]].concat())
    };
    let err = init("L 1", "A", "C");
    assert!(
        err.starts_with("error: level \"L 1\" is not an id"),
        "{err}"
    );
    assert!(init("L1", "A,a", "C").contains("would share the id"));
    let err = init("L1", "A\u{1b}[31m", "C");
    assert!(
        !err.contains('\u{1b}') && err.contains("control character"),
        "{err}"
    );
    // A few words on the command line cannot make a file of gigabytes: the format's limits.
    let many = |n: usize| {
        (0..n)
            .map(|k| format!("L{k}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    assert_eq!(
        init(&many(101), "A", "C"),
        "error: 101 levels: a ladder has at most 100\n"
    );
    assert_eq!(
        init("L1", &many(101), "C"),
        "error: 101 tracks: a ladder has at most 100\n"
    );
    let err = init(&many(100), &many(100), &many(21));
    assert!(
        err.starts_with("error: 10000 roles of 21 dimensions each"),
        "{err}"
    );
    let err = init("L1", &"x".repeat(201), "C");
    assert!(err.ends_with("is longer than 200 characters\n"), "{err}");
    assert!(
        std::fs::read_dir(folder.join(""))
            .expect("folder")
            .next()
            .is_none(),
        "nothing written"
    );
    // An existing file is refused without --force, and replaced whole with it.
    folder.write("team.toml", "mine");
    let args = [
        "init",
        "team.toml",
        "--levels",
        "L1",
        "--tracks",
        "A",
        "--dimensions",
        "C",
    ];
    let err = refused(&args);
    assert_eq!(
        err,
        "error: \"team.toml\" exists; use --force to replace it\n"
    );
    assert_eq!(
        std::fs::read_to_string(folder.join("team.toml")).expect("kept"),
        "mine"
    );
    let forced = run(&mut folder.ladder(&[&args[..], &["--force"]].concat()));
    assert_eq!(forced.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(folder.join("team.toml"))
            .expect("replaced")
            .starts_with("#:schema")
    );
    // A schema there already of another version is kept, and said so.
    folder.write("ladder.schema.json", "{}");
    let again = run(&mut folder.ladder(&[
        "init",
        "b.toml",
        "--levels",
        "L1",
        "--tracks",
        "A",
        "--dimensions",
        "C",
    ]));
    assert_eq!(String::from_utf8_lossy(&again.stdout), "wrote b.toml\n");
    assert!(
        String::from_utf8_lossy(&again.stderr)
            .starts_with("note: ladder.schema.json was there already")
    );
    assert_eq!(
        std::fs::read_to_string(folder.join("ladder.schema.json")).expect("kept"),
        "{}"
    );
}

/// On a terminal, without flags, `init` asks its questions one at a time (run through
/// util-linux `script`, a pseudo-terminal, answers typed after each prompt).
#[test]
fn init_on_a_terminal_asks_one_question_at_a_time() {
    use std::io::Write as _;
    if !tool("script") {
        return;
    }
    let folder = Folder::new("init-asks");
    let mut child = Command::new("script")
        .args(["-qec", &format!("'{BIN}' init team.toml"), "/dev/null"])
        .current_dir(folder.join(""))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("script runs");
    let mut input = child.stdin.take().expect("stdin");
    for answer in ["My team", "A1,A2", "Ops", "Craft,Care"] {
        std::thread::sleep(std::time::Duration::from_millis(400));
        input
            .write_all(format!("{answer}\r").as_bytes())
            .expect("typed");
    }
    std::thread::sleep(std::time::Duration::from_millis(400));
    drop(input);
    let out = child.wait_with_output().expect("finished");
    let shown = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    assert_eq!(out.status.code(), Some(0), "{shown}");
    for question in [
        "Name of the ladder [Team]",
        "Level ids, lowest first",
        "Tracks",
        "Dimensions",
    ] {
        assert!(shown.contains(question), "{question}: {shown}");
    }
    let text = std::fs::read_to_string(folder.join("team.toml")).expect("written");
    assert!(
        text.contains("name = \"My team\"\nlevels = [\"A1\", \"A2\"]\n"),
        "{text}"
    );
    assert!(text.contains("roles = [\"A1-ops\", \"A2-ops\"]"), "{text}");
    assert!(text.contains("[role.dimensions.care]"), "{text}");
}

/// Every skeleton `init` writes passes the schema and validates: one level or many, one
/// track or several, names that need quoting in TOML.
#[test]
fn every_skeleton_passes_the_schema_and_validates() {
    let schema = file_schema();
    let folder = Folder::new("init-every");
    let cases = [
        ("L1", "Main", "Craft"),
        (
            "IC1,IC2,IC3,IC4,IC5",
            "Engineer,Manager,Staff \"Plus\"",
            "Craft,Impact,People",
        ),
        ("a.1,b_2", "Ops \\ Support,Ünïcode Tëam", "Care & Feeding"),
    ];
    for (levels, tracks, dimensions) in cases {
        let args = [
            "init",
            "-",
            "--levels",
            levels,
            "--tracks",
            tracks,
            "--dimensions",
            dimensions,
        ];
        let text = ok(&args);
        assert!(schema.is_valid(&as_json(&text)), "{args:?}\n{text}");
        let file = folder.write("skeleton.toml", &text);
        let out = run(&mut ladder(&["validate", file.to_str().expect("UTF-8")]));
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}
