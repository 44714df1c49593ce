//! Handbook folders built to leak files, lose text or hide failure from `ladder import`.

use super::{Folder, json, ladder, ok, run};

/// `ladder import DIR` run inside `folder` (DIR relative to it, as messages name it): exit
/// code, stdout, stderr.
fn import(folder: &Folder, dir: &str) -> (Option<i32>, String, String) {
    let out = run(&mut folder.ladder(&["import", dir]));
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

/// An index and one level page, in the layout import reads without a warning.
const INDEX: &str = "# Tiny ladder\n\nA ladder of one level.\n\n## How each level is described\n\n\
- **Planning horizon**: How far ahead the level plans.\n\n\
## Dimensions\n\n- Delivery\n\n## Levels\n\n1. [T1 Engineer](T1-Engineer.md)\n";

const PAGE: &str = "# T1: Engineer\n\n> _Ships small things._\n\n- **Planning horizon**: A week\n\n\
## Delivery\n\n- Ships on time.\n\n<details><summary>Examples</summary>\n\n- Shipped the login page.\n\n</details>\n";

/// A secret beside the handbook folder, which no import of the folder may read.
const SECRET: &str = "aws_secret_access_key = TOPSECRET\n";

/// A handbook folder `book` inside a test folder, with a secret beside it.
fn handbook(test: &str) -> Folder {
    let folder = Folder::new(test);
    folder.write("book/README.md", INDEX);
    folder.write("book/T1-Engineer.md", PAGE);
    folder.write("secret.txt", SECRET);
    folder
}

#[cfg(unix)]
#[test]
fn a_symlinked_index_out_of_the_folder_is_not_read() {
    let folder = handbook("symlink-index");
    let index = folder.join("book/README.md");
    std::fs::remove_file(&index).expect("removed");
    std::os::unix::fs::symlink(folder.join("secret.txt"), &index).expect("symlink");
    let (code, toml, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!toml.contains("TOPSECRET") && !stderr.contains("TOPSECRET"));
    assert!(
        stderr.lines().any(|l| l
            == "book/README.md: warning: not a regular file inside book; skipped without reading it"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_symlinked_page_out_of_the_folder_is_skipped() {
    let folder = handbook("symlink-page");
    let outside = folder.write(
        "elsewhere/T2-Spy.md",
        PAGE.replace("T1: Engineer", "T2: Spy")
            .replace("Ships on time.", SECRET),
    );
    std::os::unix::fs::symlink(&outside, folder.join("book/T2-Spy.md")).expect("symlink");
    // A link that stays inside the folder is a second name of a page: read once, under the
    // first name met.
    std::os::unix::fs::symlink(
        folder.join("book/T1-Engineer.md"),
        folder.join("book/T1-Copy.md"),
    )
    .expect("symlink inside");
    let (code, toml, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(toml.matches("[[role]]").count(), 1, "{toml}");
    assert_eq!(
        stderr.lines().last(),
        Some("read 2 pages: 1 role, 1 statement, 1 example; 1 warning")
    );
    assert!(
        !toml.contains("TOPSECRET") && !stderr.contains("TOPSECRET"),
        "{stderr}"
    );
    assert!(
        stderr.lines().any(|l| l
            == "book/T2-Spy.md: warning: not a regular file inside book; skipped without reading it"),
        "{stderr}"
    );
    std::fs::remove_file(folder.join("book/T1-Copy.md")).expect("removed");
    let (code, toml, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        !toml.contains("TOPSECRET") && !toml.contains("T2"),
        "{toml}"
    );
}

#[test]
fn links_in_the_index_out_of_the_folder_are_never_read() {
    let folder = handbook("index-links");
    folder.write(
        "book/README.md",
        INDEX.replace(
            "1. [T1 Engineer](T1-Engineer.md)",
            "1. [T1 Engineer](T1-Engineer.md)\n2. [Spy](../secret.txt)\n3. [Passwd](../../../../etc/passwd)",
        ),
    );
    let (code, toml, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        !toml.contains("TOPSECRET") && !toml.contains("root:"),
        "{toml}"
    );
    assert!(
        stderr.lines().any(|l| {
            l == "book/../secret.txt: warning: not a regular file inside book; skipped without reading it"
        }),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_linked_subfolder_that_is_a_symlink_out_of_the_folder_is_never_read() {
    let folder = handbook("subfolder-link");
    folder.write(
        "outside/T2-Spy.md",
        PAGE.replace("T1: Engineer", "T2: Spy")
            .replace("Ships on time.", "TOPSECRET"),
    );
    std::os::unix::fs::symlink(folder.join("outside"), folder.join("book/levels")).expect("link");
    folder.write(
        "book/README.md",
        INDEX.replace(
            "1. [T1 Engineer](T1-Engineer.md)",
            "1. [T1 Engineer](T1-Engineer.md)\n2. [T2 Spy](./levels/T2-Spy.md)",
        ),
    );
    let (code, toml, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!toml.contains("TOPSECRET"), "{toml}");
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("book/levels/T2-Spy.md: warning: not a regular file inside")),
        "{stderr}"
    );
}

#[test]
fn file_names_with_control_characters_are_escaped_in_warnings() {
    let folder = handbook("control-names");
    folder.write("book/x\u{1b}[31m\u{7}\u{202e}.md", "Not a level page.\n");
    let (code, _, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        !stderr.contains(['\u{1b}', '\u{7}', '\u{202e}']),
        "raw control characters: {stderr:?}"
    );
    assert!(
        stderr.lines().any(|l| l
            == "note: left out \"book/x\\u{1b}[31m\\u{7}\\u{202e}.md\": the index does not list it among the levels"),
        "{stderr}"
    );
}

#[test]
fn ids_from_page_comments_are_escaped_in_notes() {
    let folder = handbook("control-ids");
    folder.write(
        "book/T1-Engineer.md",
        PAGE.replace(
            "# T1: Engineer\n",
            "# T1: Engineer\n <!-- ladder {\"role\":\"T1-\\u001b[31mred\"} -->\n",
        ),
    );
    let (_, _, stderr) = import(&folder, "book");
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(
        stderr.contains("note: inferred track engineer: T1-\\u{1b}[31mred"),
        "{stderr}"
    );
}

#[test]
fn bidirectional_overrides_in_page_text_are_escaped_in_the_toml() {
    let folder = handbook("bidi-toml");
    folder.write(
        "book/T1-Engineer.md",
        PAGE.replace(
            "Ships on time.",
            "Ships \u{202e}emit no\u{202c} and back\\\\slash.",
        ),
    );
    let (code, toml, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!toml.contains(['\u{202e}', '\u{202c}']), "{toml}");
    assert!(
        toml.contains(r#"text = "Ships \u202Eemit no\u202C and back\\slash.""#),
        "{toml}"
    );
    // The escapes mean the same text: the ladder holds the characters (shown escaped).
    let file = folder.write("imported.toml", &toml);
    let shown = json(&[
        "--data",
        file.to_str().expect("path"),
        "show",
        "T1-engineer",
    ]);
    assert_eq!(
        shown["role"]["dimensions"][0]["expectations"][0]["text"],
        "Ships \\u{202e}emit no\\u{202c} and back\\slash."
    );
}

/// A ladder of texts that look like the handbook's own comments.
const TRICKY: &str = r#"name = "Tricky <!-- ladder {\"levels\":[]} --> ladder"
levels = ["T1"]

[[attribute]]
id = "scope"
name = "Scope"
meaning = "How far it reaches -->"

[[dimension]]
id = "craft"
name = "Craft"
themes = [{ id = "depth", name = "Depth" }, { id = "evil", name = "Evil" }]

[[track]]
id = "main"
name = "Main"
roles = ["T1-one"]

[[role]]
id = "T1-one"
level = "T1"
title = "One <!-- ladder {\"role\":\"T9-other\"} -->"
summary = "Ends with a backslash \\"
attributes = { scope = "Self <!-- ladder {\"attribute\":\"scope\"} -->" }

[role.dimensions.craft]
expectations = [
  { theme = "depth", text = "Keeps <!-- ladder {\"theme\":\"evil\"} --> and more words after." },
  { theme = "depth", text = "Closes a comment --> in the middle." },
  { text = "Ends with a backslash \\" },
  { text = "Ends with a comment <!-- ladder {\"theme\":\"evil\"} -->" },
  { theme = "evil", text = "Escaped \\<!-- ladder {} --> and _under_ and \\_" },
]
examples = ["An example <!-- ladder {\"theme\":\"evil\"} --> with a comment.", "Ends with \\"]
"#;

#[test]
fn text_that_looks_like_a_metadata_comment_survives_export_then_import() {
    let folder = Folder::new("roundtrip-comments");
    let data = folder.write("tricky.toml", TRICKY);
    let data = data.to_str().expect("path");
    let book = folder.arg("book");
    ok(&["--data", data, "export", &book]);
    let (code, toml, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.lines().all(|l| !l.contains(": warning:")),
        "{stderr}"
    );
    let again = folder.write("imported.toml", &toml);
    let again = again.to_str().expect("path");
    for command in [
        &["show", "T1-one"][..],
        &["list"],
        &["dimensions"],
        &["tracks"],
    ] {
        let before = json(&[&["--data", data][..], command].concat());
        let after = json(&[&["--data", again][..], command].concat());
        assert_eq!(before, after, "{command:?}");
    }
}

#[test]
fn a_page_without_an_attribute_value_imports_it_as_not_stated() {
    let folder = handbook("no-value");
    folder.write(
        "book/T1-Engineer.md",
        PAGE.replace("- **Planning horizon**: A week\n", ""),
    );
    let output = folder.arg("out.toml");
    let out = run(&mut folder.ladder(&["import", "book", "--output", &output]));
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [
            "book/T1-Engineer.md:1: warning: no value for attribute \"Planning horizon\"",
            "note: inferred track engineer: T1-engineer",
            "read 2 pages: 1 role, 1 statement, 1 example; 1 warning",
        ]
    );
    // The value is optional: every command loads the file, `validate --strict` flags it.
    let shown = ok(&["--data", &output, "show", "T1-engineer"]);
    assert!(shown.contains("Planning horizon  not stated"), "{shown}");
    // Wide enough that each finding stays on one line.
    let strict = run(ladder(&["validate", &output, "--strict"]).env("COLUMNS", "1000"));
    let said = String::from_utf8(strict.stdout).expect("UTF-8");
    assert_eq!(strict.status.code(), Some(1), "{said}");
    assert!(
        said.contains(
            "warning: role \"T1-engineer\" states no value for attribute \"planning-horizon\""
        ),
        "{said}"
    );
    // An empty value is no value either.
    folder.write(
        "book/T1-Engineer.md",
        PAGE.replace("**Planning horizon**: A week", "**Planning horizon**:"),
    );
    let (code, toml, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!toml.contains("planning-horizon = "), "{toml}");
}

#[test]
fn an_index_attribute_without_a_meaning_fails_the_import() {
    let folder = handbook("no-meaning");
    folder.write(
        "book/README.md",
        INDEX.replace(": How far ahead the level plans.", ":"),
    );
    let (code, toml, stderr) = import(&folder, "book");
    assert_eq!((code, toml.as_str()), (Some(1), ""), "{stderr}");
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [
            "note: inferred track engineer: T1-engineer",
            "error: book/README.md: no meaning for attribute \"Planning horizon\"",
        ]
    );
}

/// What `ladder import` writes for [`handbook`]: the layout of a hand-written ladder file.
const TINY_TOML: &str = r#"# Imported by `ladder import`; check the tracks and themes.
name = "Tiny ladder"
about = "A ladder of one level."
levels = ["T1"]

[[attribute]]
id = "planning-horizon"
name = "Planning horizon"
meaning = "How far ahead the level plans."

[[dimension]]
id = "delivery"
name = "Delivery"
themes = []

# Inferred from the roles' titles (seniority words set aside) and levels. Edit if wrong.
[[track]]
id = "engineer"
name = "Engineer"
roles = ["T1-engineer"]

[[role]]
id = "T1-engineer"
level = "T1"
title = "Engineer"
summary = "Ships small things."

[role.attributes]
planning-horizon = "A week"

[role.dimensions.delivery]
expectations = [
  { text = "Ships on time." },
]
examples = [
  "Shipped the login page.",
]
"#;

/// Import streams its TOML instead of holding it (and a parse of it) in memory: the layout
/// is the compact one a person writes, an inline table per expectation rather than an
/// `[[role.dimensions.X.expectations]]` table each, and stdout and `--output` get the same text.
#[test]
fn imported_toml_is_written_in_the_hand_written_layout_to_stdout_and_to_output() {
    let folder = handbook("layout");
    let (code, toml, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(toml, TINY_TOML);
    let output = folder.arg("out.toml");
    let out = run(&mut ladder(&[
        "import",
        &folder.arg("book"),
        "--output",
        &output,
    ]));
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&output).expect("written"),
        TINY_TOML
    );
    assert_eq!(ok(&["--data", &output, "list", "--ids"]), "T1-engineer\n");
}

#[test]
fn a_long_folder_path_is_echoed_cut_in_the_middle() {
    let path = super::hostile_input::long_path("book");
    let out = run(&mut ladder(&["import", &path]));
    let (code, stdout) = (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8"),
    );
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!((code, stdout.as_str()), (Some(1), ""));
    super::hostile_input::one_bounded_line(&stderr, "error: cannot read directory \"", "book");
}

#[test]
fn deeply_nested_lists_and_quotes_are_read_without_exhausting_the_stack() {
    let folder = handbook("deep-nesting");
    let deep_list = format!("- {}x\n", "- ".repeat(100_000));
    folder.write(
        "book/T1-Engineer.md",
        PAGE.replace("- Ships on time.\n", &deep_list),
    );
    folder.write(
        "book/README.md",
        format!("{INDEX}\n{}deep\n", "> ".repeat(100_000)),
    );
    let (code, toml, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(toml.contains("x"), "{toml}");
}

// ---------------------------------------------------------------- one file, many names

/// Links that spell one page differently (`d//L1.md`, `d/./L1.md`) are one page: read once,
/// counted once against the cap, its warnings said once. Told apart by their text, 1,860
/// such links once read one page 1,860 times (40 s, 8.75 GB) and failed on a repeated id.
#[test]
fn an_index_linking_one_page_by_many_spellings_reads_it_once() {
    let folder = handbook("spellings");
    std::fs::remove_file(folder.join("book/T1-Engineer.md")).expect("removed");
    folder.write("book/d/T1-Engineer.md", PAGE);
    let spellings = [
        "d/T1-Engineer.md",
        "d//T1-Engineer.md",
        "d/./T1-Engineer.md",
        "./d/.//T1-Engineer.md",
    ];
    let links: Vec<String> = spellings
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{}. [T1 Engineer]({s})", i + 1))
        .collect();
    folder.write(
        "book/README.md",
        INDEX.replace("1. [T1 Engineer](T1-Engineer.md)", &links.join("\n")),
    );
    let (code, toml, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(toml, TINY_TOML);
    assert_eq!(
        stderr,
        "note: inferred track engineer: T1-engineer\nread 2 pages: 1 role, 1 statement, 1 example; 0 warnings\n"
    );
}

// ---------------------------------------------------------------- bounded messages

/// A page inside an unclosed code fence warns once per line: the first ten are said, the rest
/// counted. A 0.9 MB page once wrote 450,000 lines (25 MB) to stderr.
#[test]
fn an_unclosed_code_fence_says_ten_warnings_and_counts_the_rest() {
    let folder = handbook("unclosed-fence");
    let lines: String = (1..=25).map(|i| format!("line {i}\n")).collect();
    folder.write("book/T1-Engineer.md", format!("{PAGE}\n```\n{lines}"));
    let (code, toml, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(toml, TINY_TOML);
    let mut expected: Vec<String> = (1..=10)
        .map(|i| {
            format!(
                "book/T1-Engineer.md:{}: warning: could not place code \"line {i}\"",
                17 + i
            )
        })
        .collect();
    expected.push("… and 15 more like this".into());
    expected.push("note: inferred track engineer: T1-engineer".into());
    expected.push("read 2 pages: 1 role, 1 statement, 1 example; 25 warnings".into());
    assert_eq!(stderr.lines().collect::<Vec<_>>(), expected);
}

/// Notes are said ten of a kind too, and a long track as its ends; a value that many pages
/// lack is said once per attribute, and attributes past the tenth are counted.
#[test]
fn many_pages_say_ten_messages_of_a_kind_and_a_long_track_in_short() {
    let folder = Folder::new("many-pages");
    for i in 1..=12 {
        folder.write(
            &format!("book/L{i}.md"),
            format!(
                "# L{i}: Writer {i}\n\n> _Writes._\n\n- **Aim {i}**: yes\n\n## Craft\n\n- Writes.\n\n\
                 <details><summary>Examples</summary>\n\n- Wrote.\n\n</details>\n"
            ),
        );
    }
    let (code, _, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    let mut expected = vec![
        "book: warning: no README.md index page; the ladder's name, attributes and dimensions come from the level pages".to_string()
    ];
    // Each page names an attribute of its own, and lacks the eleven others'.
    for i in 1..=10 {
        expected.push(format!(
            "book/L{i}.md:5: warning: attribute \"Aim {i}\" is not defined on the index page; added without a meaning"
        ));
    }
    expected.push("… and 2 more like this".into());
    expected.push(
        "book/L1.md:7: warning: dimension \"Craft\" is not on the index page; added as a dimension of its own"
            .into(),
    );
    // In page order, then attribute order: the first page lacks "Aim 2" to "Aim 12"; "Aim 12"
    // and "Aim 1" (first lacked by L2) are counted, on 11 pages each.
    for i in 2..=11 {
        expected.push(format!(
            "book/L1.md:1: warning: no value for attribute \"Aim {i}\" (and on 10 more pages)"
        ));
    }
    expected.push("… and 22 more like this".into());
    // Every page opens with the same line: boilerplate, not each role's summary.
    expected.push(
        "book/L1.md:1: warning: no quoted self-description after the heading; the summary is left as the title (and on 11 more pages)"
            .into(),
    );
    expected.push(
        "note: all 12 pages open with \"Writes.\": left out as boilerplate, not each role's summary"
            .into(),
    );
    expected.push(
        "note: inferred track ladder: L1-writer-1 → L2-writer-2 → L3-writer-3 → L4-writer-4 → \
         L5-writer-5 → … 2 more → L8-writer-8 → L9-writer-9 → L10-writer-10 → L11-writer-11 → L12-writer-12"
            .into(),
    );
    expected.push("read 12 pages: 12 roles, 12 statements, 12 examples; 158 warnings".into());
    assert_eq!(stderr.lines().collect::<Vec<_>>(), expected);
}

// ---------------------------------------------------------------- inputs once misread quietly

/// A byte-order mark (Windows editors write one) is no part of a page: before `# T1:` it made
/// the page "not a level page", and on the index it lost the ladder's name.
#[test]
fn a_byte_order_mark_is_no_part_of_a_page() {
    let folder = handbook("bom");
    folder.write("book/README.md", format!("\u{feff}{INDEX}"));
    folder.write("book/T1-Engineer.md", format!("\u{feff}{PAGE}"));
    let (code, toml, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(toml, TINY_TOML);
    assert_eq!(
        stderr,
        "note: inferred track engineer: T1-engineer\nread 2 pages: 1 role, 1 statement, 1 example; 0 warnings\n"
    );
}

/// Front matter is read as YAML: a block scalar's title is its text, not `|`; front matter
/// that is not YAML is said, with its line, and its title not read.
#[test]
fn front_matter_is_read_as_yaml() {
    let folder = handbook("front-matter");
    let index = INDEX.replace("# Tiny ladder\n\n", "");
    folder.write(
        "book/README.md",
        format!("---\ntitle: |\n  Block\n  ladder\nlayout: page\n---\n\n{index}"),
    );
    folder.write(
        "book/T1-Engineer.md",
        format!("\u{feff}---\ntitle: T9\n  tags: [a: b\n---\n\n{PAGE}"),
    );
    let (code, toml, stderr) = import(&folder, "book");
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(toml, TINY_TOML.replace("Tiny ladder", "Block ladder"));
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [
            "book/T1-Engineer.md:3: warning: the front matter is not YAML (mapping values are not allowed in this context); its title is not read",
            "note: inferred track engineer: T1-engineer",
            "read 2 pages: 1 role, 1 statement, 1 example; 1 warning",
        ]
    );
}
