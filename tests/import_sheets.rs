//! `ladder import FILE.csv|FILE.tsv`: ladders kept in spreadsheets, long (the rows `show --all
//! --format tsv` writes, read back against a base ladder) and wide (a row per level, a column
//! per dimension).

use super::*;

/// The comment atop every imported ladder.
const IMPORTED: &str = "# Imported by `ladder import`; check the tracks and themes.\n";

/// The long sheet's note, for a sheet named `file` read against `base` (a path as given).
fn long_note(file: &str, base: Option<&str>) -> String {
    let rest = match base {
        Some(base) => format!(
            "the rest of the ladder (its about text, meanings, names, emoji and tracks) comes from {base}"
        ),
        None => "no base ladder was given".to_string(),
    };
    format!(
        "note: {file} is a long sheet (one row per statement, as `show --all --format tsv` writes it); {rest}"
    )
}

/// Runs `ladder ARGS`; returns the exit code, stdout and the lines of stderr.
fn outcome(args: &[&str]) -> (i32, String, Vec<String>) {
    outcome_in(std::path::Path::new("."), args)
}

/// Runs `ladder ARGS` in `dir`, so that ARGS name its sheets by their bare names, as messages
/// then name them; returns what [`outcome`] returns.
fn outcome_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, Vec<String>) {
    let out = run(ladder(args).current_dir(dir));
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8"),
        stderr.lines().map(String::from).collect(),
    )
}

/// The ladder file at `path` loaded as every command loads it, and written as `ladder_toml`
/// writes it (with the import's comment atop): what a round trip must give back.
fn as_imported(ladder: &ladder::model::Ladder) -> String {
    let body = ladder::ladder_toml::to_string(ladder).expect("written");
    format!("{IMPORTED}{body}")
}

fn loaded(path: &str) -> ladder::model::Ladder {
    let text = std::fs::read_to_string(path).expect("a ladder file");
    let document = ladder::document::Document {
        name: path.to_string(),
        text,
    };
    ladder::model::Ladder::load(&document).expect("loads")
}

/// The rows `show --all --format tsv` writes for the ladder at `base`.
fn exported(base: &str) -> String {
    ok(&["--data", base, "show", "--all", "--format", "tsv"])
}

/// Each base: its sheet read back against it is the same ladder, exactly, and says so on
/// stderr. `data/ladder.toml` is the embedded ladder's file; the others have other levels and
/// tracks, a role's own summary of a dimension (which a sheet cannot hold: it comes from the
/// base), and tabs, line breaks and control characters in their texts.
#[test]
fn a_long_sheet_read_against_its_base_is_the_same_ladder() {
    let folder = Folder::new("sheet-round-trip");
    for (base, read) in [
        (
            "data/ladder.toml",
            "read 1 sheet: 7 roles, 107 statements, 110 examples; 0 warnings",
        ),
        (
            "tests/data/design.toml",
            "read 1 sheet: 8 roles, 72 statements, 30 examples; 0 warnings",
        ),
        (
            "tests/data/every-field.toml",
            "read 1 sheet: 2 roles, 4 statements, 2 examples; 0 warnings",
        ),
        (
            "tests/data/hostile.toml",
            "read 1 sheet: 2 roles, 4 statements, 2 examples; 0 warnings",
        ),
    ] {
        let sheet = folder.write("sheet.tsv", exported(base));
        let sheet = sheet.to_str().expect("UTF-8 path");
        let (code, toml, messages) = outcome(&["--data", base, "import", sheet]);
        assert_eq!(code, 0, "{base}: {messages:?}");
        assert_eq!(toml, as_imported(&loaded(base)), "{base}");
        assert_eq!(messages, [long_note(sheet, Some(base)), read.to_string()]);
    }
}

/// The same rows as CSV (every cell quoted, as a spreadsheet saves them) read alike, and so do
/// a byte-order mark, Windows line endings and blank rows.
#[test]
fn a_long_sheet_is_read_as_csv_too() {
    let base = "tests/data/design.toml";
    let quote = |cell: &str| format!("\"{}\"", cell.replace('"', "\"\""));
    let mut csv = String::from("\u{feff}");
    for line in exported(base).lines() {
        let cells: Vec<String> = line.split('\t').map(quote).collect();
        csv += &cells.join(",");
        csv += "\r\n\r\n";
    }
    let file = TempFile::new("sheet-csv", "design.csv", csv.as_bytes());
    let sheet = file.arg();
    let (code, toml, messages) = outcome(&["--data", base, "import", sheet]);
    assert_eq!(code, 0, "{messages:?}");
    assert_eq!(toml, as_imported(&loaded(base)));
    assert_eq!(messages[0], long_note(sheet, Some(base)));
}

/// Edited in a spreadsheet: a statement changed, a row added at the end, a row removed, and a
/// role added on a track and with a theme the base lacks. The ladder read is the base with
/// exactly those edits; the ids the base lacks are warnings at their first rows.
#[test]
fn a_long_sheet_edited_gives_the_base_with_the_edits() {
    let base = "data/ladder.toml";
    let old = "Brings solid, competent knowledge of the security domain to daily work.";
    let new =
        "Brings solid knowledge of the security domain, and of the team's tools, to daily work.";
    let gone = "Hit a wall on a task and went to the team lead for help.";
    let added = "Asks for a review of every detection rule before it ships.";
    let mut rows: Vec<String> = exported(base)
        .lines()
        .filter(|l| !l.ends_with(gone))
        .map(|l| l.replace(old, new))
        .collect();
    rows.push(format!(
        "L1-junior-security-analyst\texpectation\tteaching-mentoring\tlearn-in-the-open\t\t{added}"
    ));
    let first_new = rows.len() + 1;
    let role = "L3-detection-engineer";
    for row in [
        "level\t\t\t\tL3",
        "title\t\t\t\tDetection Engineer",
        "track\t\t\t\tdetection",
        "summary\t\t\t\tWrites and tunes the rules that find attackers early.",
        "attribute\t\t\tplanning-horizon\tNext two cycles",
        "expectation\tdomain-expertise\trule-quality\t\tKeeps the false-positive rate of owned rules under the agreed bound.",
        "example\tdomain-expertise\t\t\tRetired ten noisy rules after a quarter of data.",
    ] {
        rows.push(format!("{role}\t{row}"));
    }
    let file = TempFile::new(
        "sheet-edits",
        "edited.tsv",
        (rows.join("\n") + "\n").as_bytes(),
    );
    let sheet = file.arg();
    let (code, toml, messages) = outcome(&["--data", base, "import", sheet]);
    assert_eq!(code, 0, "{messages:?}");

    let mut expected = loaded(base);
    let at = |l: &ladder::model::Ladder, id: &str| {
        l.roles.iter().position(|r| r.id == id).expect("a role")
    };
    let analyst = at(&expected, "L2-security-analyst");
    let depth = expected.roles[analyst]
        .dimensions
        .get_mut("domain-expertise")
        .expect("dimension");
    assert_eq!(depth.expectations[0].text, old);
    depth.expectations[0].text = new.to_string();
    let junior = at(&expected, "L1-junior-security-analyst");
    let role_dimensions = &mut expected.roles[junior].dimensions;
    let examples = &mut role_dimensions
        .get_mut("domain-expertise")
        .expect("dimension")
        .examples;
    examples.retain(|e| e != gone);
    let teaching = role_dimensions
        .get_mut("teaching-mentoring")
        .expect("dimension");
    teaching.expectations.push(ladder::model::Expectation {
        theme: Some("learn-in-the-open".into()),
        text: added.into(),
    });
    let domain = expected
        .dimensions
        .iter_mut()
        .find(|d| d.id == "domain-expertise");
    domain
        .expect("dimension")
        .themes
        .push(ladder::model::Theme {
            id: "rule-quality".into(),
            name: "Rule quality".into(),
        });
    expected.tracks.push(ladder::model::Track {
        id: "detection".into(),
        name: "Detection".into(),
        roles: vec![role.into()],
    });
    let detection = ladder::model::Role {
        id: role.into(),
        level: "L3".into(),
        title: "Detection Engineer".into(),
        summary: "Writes and tunes the rules that find attackers early.".into(),
        attributes: [(
            "planning-horizon".to_string(),
            "Next two cycles".to_string(),
        )]
        .into(),
        dimensions: [(
            "domain-expertise".to_string(),
            ladder::model::RoleDimension {
                summary: None,
                expectations: vec![ladder::model::Expectation {
                    theme: Some("rule-quality".into()),
                    text: "Keeps the false-positive rate of owned rules under the agreed bound."
                        .into(),
                }],
                examples: vec!["Retired ten noisy rules after a quarter of data.".into()],
            },
        )]
        .into(),
    };
    expected.roles.push(detection);
    assert_eq!(toml, as_imported(&expected));
    assert_eq!(
        messages,
        [
            format!(
                "{sheet}:{}: warning: theme \"rule-quality\" is not in the base ladder; added as \"Rule quality\"",
                first_new + 5
            ),
            format!(
                "{sheet}:{}: warning: track \"detection\" is not in the base ladder; added as \"Detection\"",
                first_new + 2
            ),
            long_note(sheet, Some(base)),
            "read 1 sheet: 8 roles, 109 statements, 110 examples; 2 warnings".to_string(),
        ]
    );
}

/// Without a base, the rows alone: the roles come back exactly; names are made from ids,
/// meanings are the placeholders a Markdown import writes, and the tracks the rows name keep
/// their roles.
#[test]
fn a_long_sheet_without_a_base_makes_names_from_ids() {
    let base = "tests/data/design.toml";
    let file = TempFile::new("sheet-no-base", "design.tsv", exported(base).as_bytes());
    let (code, toml, messages) = outcome_in(&file.dir, &["import", "design.tsv"]);
    assert_eq!(code, 0, "{messages:?}");
    let whole = as_imported(&loaded(base));
    let roles = |t: &str| t[t.find("[[role]]").expect("roles")..].to_string();
    assert_eq!(roles(&toml), roles(&whole), "every role as it was");
    assert_eq!(
        &toml[..toml.find("[[role]]").expect("roles")],
        r#"# Imported by `ladder import`; check the tracks and themes.
name = "design"
levels = ["P1", "P2", "P3", "P4", "P5"]

[[attribute]]
id = "scope"
name = "Scope"
meaning = "Scope, as the level pages state it."

[[attribute]]
id = "autonomy"
name = "Autonomy"
meaning = "Autonomy, as the level pages state it."

[[dimension]]
id = "craft"
name = "Craft"
themes = [
  { id = "quality", name = "Quality" },
  { id = "methods", name = "Methods" },
  { id = "iteration", name = "Iteration" },
]

[[dimension]]
id = "collaboration"
name = "Collaboration"
themes = [
  { id = "partners", name = "Partners" },
  { id = "feedback", name = "Feedback" },
  { id = "mentoring", name = "Mentoring" },
]

[[dimension]]
id = "impact"
name = "Impact"
themes = [
  { id = "outcomes", name = "Outcomes" },
  { id = "decisions", name = "Decisions" },
  { id = "practice", name = "Practice" },
]

[[track]]
id = "product"
name = "Product"
roles = ["P1-junior-designer", "P2-product-designer", "P3-senior-product-designer", "P4-staff-designer", "P5-design-director"]

[[track]]
id = "research"
name = "Research"
roles = ["P2-design-researcher", "P3-senior-design-researcher", "P4-staff-designer", "P5-design-director"]

[[track]]
id = "systems"
name = "Systems"
roles = ["P3-design-systems-designer", "P4-staff-designer", "P5-design-director"]

"#
    );
    assert_eq!(
        messages,
        [
            "design.tsv: warning: no base ladder (--data FILE): the names of its attributes, dimensions, themes, bands and tracks are made from their ids, and the meanings of attributes and bands are placeholders".to_string(),
            long_note("design.tsv", None),
            "read 1 sheet: 8 roles, 72 statements, 30 examples; 1 warning".to_string(),
        ]
    );
}

/// Rows that name no track, without a base: the tracks are inferred from titles and levels as
/// for Markdown pages, which gives back the embedded ladder's three.
#[test]
fn a_long_sheet_without_tracks_or_base_has_them_inferred() {
    let rows: String = exported("data/ladder.toml")
        .lines()
        .filter(|l| l.split('\t').nth(1) != Some("track"))
        .map(|l| format!("{l}\n"))
        .collect();
    let file = TempFile::new("sheet-inferred", "secops.tsv", rows.as_bytes());
    let (code, toml, messages) = outcome_in(
        &file.dir,
        &["import", "secops.tsv", "--name", "Security Operations"],
    );
    assert_eq!(code, 0, "{messages:?}");
    assert!(
        toml.starts_with(&format!("{IMPORTED}name = \"Security Operations\"\n")),
        "{toml}"
    );
    assert_eq!(
        messages[1..],
        [
            long_note("secops.tsv", None),
            "note: inferred track analyst: L1-junior-security-analyst → L2-security-analyst → L3-senior-security-analyst → L4-technical-lead".to_string(),
            "note: inferred track engineer: L2-security-engineer → L3-senior-security-engineer → L4-technical-lead".to_string(),
            "note: inferred track cloud: L2-security-engineer → L3-senior-cloud-security-engineer → L4-technical-lead".to_string(),
            "read 1 sheet: 7 roles, 107 statements, 110 examples; 1 warning".to_string(),
        ]
    );
    assert!(toml.contains(
        "# Inferred from the roles' titles (seniority words set aside) and levels. Edit if wrong.\n[[track]]\nid = \"analyst\"\n"
    ));
}

/// The wide sheet, relative to the package (where cargo runs tests), as messages name it.
const WIDE: &str = "tests/data/sheets/wide.csv";

/// The statements of each role by dimension, as the TOML holds them: (level, dimension,
/// statements), in the TOML's order.
fn statements_of(toml: &str) -> Vec<(String, String, Vec<String>)> {
    let ladder: toml::Value = toml::from_str(toml).expect("TOML");
    let mut found = Vec::new();
    for role in ladder["role"].as_array().expect("roles") {
        let level = role["level"].as_str().expect("level");
        for (dimension, rd) in role["dimensions"].as_table().expect("dimensions") {
            let texts = rd["expectations"].as_array().expect("expectations");
            let texts = texts
                .iter()
                .map(|e| e["text"].as_str().expect("text").to_string());
            found.push((level.to_string(), dimension.clone(), texts.collect()));
        }
    }
    found
}

/// Every cell of the wide fixture, and where it went: each paragraph, or each bullet, one
/// statement of its level in its column's dimension; lines of a paragraph joined; the quoted
/// commas and quotes kept; the empty cell (SO2, Process) none.
#[test]
fn a_wide_sheet_gives_a_role_per_level_and_a_statement_per_paragraph() {
    let (code, toml, messages) = outcome(&["import", WIDE, "--name", "Support Operations"]);
    assert_eq!(code, 0, "{messages:?}");
    assert_eq!(
        &toml[..toml.find("[[role]]").expect("roles")],
        r#"# Imported by `ladder import`; check the tracks and themes.
name = "Support Operations"
levels = ["SO1", "SO2", "SO3", "SO4", "SO5"]

[[dimension]]
id = "customer-care"
name = "Customer care"
themes = []

[[dimension]]
id = "troubleshooting"
name = "Troubleshooting"
themes = []

[[dimension]]
id = "collaboration"
name = "Collaboration"
themes = []

[[dimension]]
id = "process"
name = "Process"
emoji = "🧭"
themes = []

# Inferred: each row of the sheet is one level above the one before, so one track. Edit if wrong.
[[track]]
id = "ladder"
name = "Ladder"
roles = ["SO1-support-operations", "SO2-support-operations", "SO3-support-operations", "SO4-support-operations", "SO5-support-operations"]

"#
    );
    assert!(toml.contains(
        "[[role]]\nid = \"SO3-support-operations\"\nlevel = \"SO3\"\ntitle = \"Support Operations\"\nsummary = \"Support Operations\"\n"
    ));
    let cell = |level: &str, dimension: &str, texts: &[&str]| {
        let texts = texts.iter().map(|t| t.to_string()).collect();
        (level.to_string(), dimension.to_string(), texts)
    };
    assert_eq!(
        statements_of(&toml),
        [
            cell(
                "SO1",
                "collaboration",
                &["Asks a teammate for help before a ticket goes stale."]
            ),
            cell(
                "SO1",
                "customer-care",
                &[
                    "Answers tickets in the shared queue within the agreed response time.",
                    "Writes replies in plain words, without \"internal\" jargon.",
                ]
            ),
            cell(
                "SO1",
                "process",
                &["Logs every customer contact in the ticket, even a short call."]
            ),
            cell(
                "SO1",
                "troubleshooting",
                &["Follows the runbook for known faults and records each step taken."]
            ),
            cell(
                "SO2",
                "collaboration",
                &["Pairs with a newer colleague on a tricky ticket once a week."]
            ),
            cell(
                "SO2",
                "customer-care",
                &[
                    "Owns a ticket from the first reply to its closure.",
                    "Sets expectations on timing, and says so when a promise cannot be kept.",
                ]
            ),
            cell(
                "SO2",
                "troubleshooting",
                &[
                    "Reproduces a reported fault before escalating it.",
                    "Narrows a fault down to one service, one region or one release.",
                ]
            ),
            cell(
                "SO3",
                "collaboration",
                &["Runs the weekly queue review and shares what it found."]
            ),
            cell(
                "SO3",
                "customer-care",
                &["Handles upset customers calmly and turns a complaint into a request for a fix."]
            ),
            cell(
                "SO3",
                "process",
                &["Suggests changes to the triage rules when a category keeps being mislabelled."]
            ),
            cell(
                "SO3",
                "troubleshooting",
                &[
                    "Finds the cause of faults the runbook does not cover.",
                    "Writes the missing runbook page afterwards, so the next person can follow it.",
                ]
            ),
            cell(
                "SO4",
                "collaboration",
                &["Coaches two or three colleagues and helps them plan their next step."]
            ),
            cell(
                "SO4",
                "customer-care",
                &[
                    "Speaks for customers in planning: brings data rather than anecdotes to product reviews."
                ]
            ),
            cell(
                "SO4",
                "process",
                &[
                    "Designs the escalation path between support, on-call engineers and account managers."
                ]
            ),
            cell(
                "SO4",
                "troubleshooting",
                &[
                    "Leads the response to a major outage from the first alert to the written review."
                ]
            ),
            cell(
                "SO5",
                "collaboration",
                &[
                    "Builds ties with other departments so support is asked early rather than told late."
                ]
            ),
            cell(
                "SO5",
                "customer-care",
                &["Sets the standard of care for the whole department and measures it."]
            ),
            cell(
                "SO5",
                "process",
                &["Owns the support process end to end and retires the steps nobody needs."]
            ),
            cell(
                "SO5",
                "troubleshooting",
                &[
                    "Decides which classes of fault deserve an engineering fix.",
                    "Argues for them in roadmap meetings, with numbers.",
                ]
            ),
        ]
    );
    assert_eq!(
        messages,
        [
            "note: tests/data/sheets/wide.csv is a wide sheet: one role per level row (5), one dimension per column (4), each paragraph or bullet of a cell a statement; the summaries are the titles",
            "note: inferred track ladder: SO1-support-operations → SO2-support-operations → SO3-support-operations → SO4-support-operations → SO5-support-operations",
            "read 1 sheet: 5 roles, 24 statements, 0 examples; 0 warnings",
        ]
    );
    // What it wrote loads, as every import's output must.
    let file = TempFile::new("sheet-wide-loads", "support.toml", toml.as_bytes());
    let ids = ok(&["--data", file.arg(), "list", "--ids"]);
    assert_eq!(ids.lines().count(), 5);
}

/// Written with `--output`: the same TOML, and a second run without `--force` refuses to
/// overwrite it.
#[test]
fn a_sheet_is_written_with_output_as_a_folder_import_is() {
    let folder = Folder::new("sheet-output");
    let target = folder.arg("support.toml");
    let (code, stdout, messages) = outcome(&["import", WIDE, "--output", &target]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{messages:?}");
    let (_, toml, _) = outcome(&["import", WIDE]);
    assert_eq!(std::fs::read_to_string(&target).expect("written"), toml);
    assert!(
        toml.contains("id = \"SO1-wide\""),
        "ids from the file's name without --name"
    );
    let (code, _, messages) = outcome(&["import", WIDE, "--output", &target]);
    assert_eq!(code, 1);
    assert_eq!(
        messages.last(),
        Some(&format!(
            "error: refusing to overwrite {target:?}; pass --force to replace it"
        ))
    );
    let (code, _, _) = outcome(&["import", WIDE, "--output", &target, "--force"]);
    assert_eq!(code, 0);
}

/// A control character in a cell (a terminal escape, written as a spreadsheet would keep it)
/// is written as a TOML escape, and shown escaped on stderr: never raw.
#[test]
fn escape_sequences_in_cells_come_out_escaped() {
    let wide = "Level,Risk \x1b[31mred\nL1,Watch \x1b[31mthe\x1b[0m logs\nL2,Keep calm\n";
    let file = TempFile::new("sheet-escape", "esc.csv", wide.as_bytes());
    let (code, toml, messages) = outcome(&["import", file.arg()]);
    assert_eq!(code, 0, "{messages:?}");
    assert!(toml.contains("name = \"Risk \\u001B[31mred\"\n"), "{toml}");
    assert!(
        toml.contains("{ text = \"Watch \\u001B[31mthe\\u001B[0m logs\" }"),
        "{toml}"
    );
    assert!(!toml.contains('\x1b'));
    let long = "role\tfield\tdimension\ttheme\tattribute\ttext\nr\x1b[2J\tlevel\t\t\t\tL1\n";
    let file = TempFile::new("sheet-escape-long", "esc.tsv", long.as_bytes());
    let (code, stdout, messages) = outcome_in(&file.dir, &["import", "esc.tsv"]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert_eq!(
        messages,
        [
            "error: esc.tsv:2: role id \"r\\u{1b}[2J\" is not an id: ids use only ASCII letters, digits, '-', '_' and '.', and start with a letter or digit"
        ]
    );
}

/// Each malformed sheet is one error line naming the file and line, exit 1, nothing written.
#[test]
fn a_malformed_sheet_is_one_error_line_and_nothing_written() {
    let folder = Folder::new("sheet-malformed");
    let target = folder.arg("out.toml");
    let long = "role\tfield\tdimension\ttheme\tattribute\ttext\n";
    for (name, text, error) in [
        (
            "ragged.csv",
            "Level,Vision,Teamwork\nMG1,Sees the next quarter.,Helps.\nMG2,Sees the year.\n"
                .to_string(),
            "ragged.csv:3: 2 cells, where the header (line 1) has 3",
        ),
        (
            "ragged.tsv",
            format!("{long}r\tlevel\t\t\tL1\n"),
            "ragged.tsv:2: 5 cells, where the header (line 1) has 6",
        ),
        (
            "header.csv",
            "Name,Vision\nAlex,Sees far.\n".to_string(),
            "header.csv:1: neither a long sheet (header `role, field, dimension, theme, attribute, text`, as `ladder show --all --format tsv` writes it) nor a wide one (a level code first in each row, such as `MG1`); line 2 starts with \"Alex\"",
        ),
        (
            "headless.csv",
            "MG1,Sees far.\nMG2,Sees farther.\n".to_string(),
            "headless.csv:1: the first row starts with level \"MG1\": a wide sheet's first row is a header naming its columns (`Level,Vision,Teamwork`)",
        ),
        (
            "levels.csv",
            "Level,Vision\nMG1,Sees far.\n\"Notes, later\",Nothing yet.\n".to_string(),
            "levels.csv:3: \"Notes, later\" is not a level code: each row of a wide sheet starts with one (`MG1`, `L2`, `IC3`)",
        ),
        (
            "twice.csv",
            "Level,Vision\nMG1,Sees far.\nMG1,Sees farther.\n".to_string(),
            "twice.csv:3: a second row for level \"MG1\" (the first is at line 2)",
        ),
        (
            "id.tsv",
            format!("{long}r1\tlevel\t\t\t\tL1\nbad id!\tlevel\t\t\t\tL1\n"),
            "id.tsv:3: role id \"bad id!\" is not an id: ids use only ASCII letters, digits, '-', '_' and '.', and start with a letter or digit",
        ),
        (
            "nolevel.tsv",
            format!("{long}r1\ttitle\t\t\t\tAnalyst\nr1\tsummary\t\t\t\tWatches.\n"),
            "nolevel.tsv:2: role \"r1\" has no level row",
        ),
        (
            "field.tsv",
            format!("{long}r1\tlevel\t\t\t\tL1\nr1\tmotto\t\t\t\tBe kind.\n"),
            "field.tsv:3: unknown field \"motto\": a long sheet's fields are level, title, track, summary, band, attribute, expectation and example",
        ),
        (
            "nodimension.tsv",
            format!("{long}r1\texpectation\t\t\t\tWatches.\n"),
            "nodimension.tsv:2: the expectation row of role \"r1\" names no dimension",
        ),
        (
            "unclosed.tsv",
            format!("{long}r1\tlevel\t\t\t\t\"L1\nr1\ttitle\t\t\t\tAnalyst\n"),
            "unclosed.tsv:2: a quoted cell starts here and is never closed",
        ),
    ] {
        folder.write(name, text);
        let (code, stdout, messages) =
            outcome_in(&folder.path, &["import", name, "--output", &target]);
        assert_eq!((code, stdout.as_str()), (1, ""), "{name}");
        assert_eq!(messages, [format!("error: {error}")], "{name}");
        assert!(!folder.join("out.toml").exists(), "{name}: nothing written");
    }
}

/// A sheet's warnings, notes and errors name it as typed, from the current directory, as
/// compilers name files (issue 25, item 11).
#[test]
fn a_sheet_is_named_as_typed() {
    let folder = Folder::new("sheet-named");
    folder.write(
        "sheets/one.tsv",
        "role\tfield\tdimension\ttheme\tattribute\ttext\n\
         r1\tlevel\t\t\t\tL1\nr1\ttitle\t\t\t\tOne\nr1\tsummary\t\t\t\tDoes.\n",
    );
    let (code, _, messages) = outcome_in(&folder.path, &["import", "./sheets/one.tsv"]);
    assert_eq!(code, 0, "{messages:?}");
    assert_eq!(
        messages[..2],
        [
            "./sheets/one.tsv: warning: no base ladder (--data FILE): the names of its attributes, dimensions, themes, bands and tracks are made from their ids, and the meanings of attributes and bands are placeholders".to_string(),
            long_note("./sheets/one.tsv", None),
        ]
    );
    folder.write(
        "sheets/ragged.csv",
        "Level,Vision,Teamwork\nMG1,Sees.,Helps.\nMG2,Sees the year.\n",
    );
    let (code, _, messages) = outcome_in(&folder.path, &["import", "sheets/ragged.csv"]);
    assert_eq!(
        (code, messages),
        (
            1,
            vec![
                "error: sheets/ragged.csv:3: 2 cells, where the header (line 1) has 3".to_string()
            ]
        )
    );
}

/// Bytes that are not UTF-8 are an error at their line; a sheet over the size every command
/// reads is refused before it is read.
#[test]
fn a_sheet_that_is_not_text_or_too_large_is_refused() {
    let folder = Folder::new("sheet-bytes");
    let bytes = b"Level,Vision\nMG1,Sees far.\nMG2,Sees \xff farther.\n";
    folder.write("latin.csv", bytes);
    let (code, _, messages) = outcome_in(&folder.path, &["import", "latin.csv"]);
    assert_eq!(code, 1);
    assert_eq!(
        messages,
        ["error: latin.csv:3: not UTF-8 text (invalid byte at offset 36); save the sheet as UTF-8"]
    );
    let big = folder.join("big.tsv");
    let sparse = std::fs::File::create(&big).expect("file");
    sparse
        .set_len((64 << 20) + 1)
        .expect("a sparse file over 64 MiB");
    let (code, _, messages) = outcome_in(&folder.path, &["import", "big.tsv"]);
    assert_eq!(code, 1);
    assert_eq!(
        messages,
        [
            "error: big.tsv: the sheet is 67108865 bytes, over the limit of 67108864 (64 MiB) that every command reads"
        ]
    );
}

/// A file that is not a .csv or .tsv, or not a regular file, is a usage error saying what
/// import reads.
#[test]
fn import_of_another_kind_of_file_is_a_usage_error() {
    let folder = Folder::new("sheet-other");
    let notes = folder.write("notes.txt", "Level,Vision\n");
    let notes = notes.to_str().expect("UTF-8 path");
    assert_eq!(
        fails(&["import", notes], 2),
        format!(
            "error: import reads a folder of Markdown pages or a .csv/.tsv spreadsheet (a regular file); {notes} is neither\n"
        )
    );
    let fifo = folder.join("pipe.csv");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let fifo = fifo.to_str().expect("UTF-8 path");
        assert_eq!(
            fails(&["import", fifo], 2),
            format!(
                "error: import reads a folder of Markdown pages or a .csv/.tsv spreadsheet (a regular file); {fifo} is neither\n"
            )
        );
    } else {
        skip("mkfifo failed");
    }
}

/// With a base, the rows say which tracks each role is on: rows that put no role on a track
/// of the base leave that track out, with a warning.
#[test]
fn a_base_track_no_row_names_is_left_out() {
    let base = "data/ladder.toml";
    let rows: String = exported(base)
        .lines()
        .filter(|l| l.split('\t').nth(1) != Some("track"))
        .map(|l| format!("{l}\n"))
        .collect();
    let file = TempFile::new("sheet-no-tracks", "untracked.tsv", rows.as_bytes());
    let sheet = file.arg();
    let (code, toml, messages) = outcome(&["--data", base, "import", sheet]);
    assert_eq!(code, 0, "{messages:?}");
    let mut expected = loaded(base);
    expected.tracks.clear();
    assert_eq!(toml, as_imported(&expected));
    let left_out = |id: &str| {
        format!(
            "{sheet}: warning: no role of the sheet is on track \"{id}\" of the base ladder; the track is left out"
        )
    };
    assert_eq!(
        messages,
        [
            left_out("analyst"),
            left_out("engineer"),
            left_out("cloud"),
            long_note(sheet, Some(base)),
            "read 1 sheet: 7 roles, 107 statements, 110 examples; 3 warnings".to_string(),
        ]
    );
}

/// The other fixture, edited otherwise: a role at a level, with an attribute and in a
/// dimension, that the base lacks, and a role removed whole (its tracks lose it).
#[test]
fn a_long_sheet_of_another_ladder_edited_adds_what_its_base_lacks() {
    let base = "tests/data/design.toml";
    let gone = "P3-design-systems-designer";
    let mut rows: Vec<String> = exported(base)
        .lines()
        .filter(|l| !l.starts_with(&format!("{gone}\t")))
        .map(String::from)
        .collect();
    let first_new = rows.len() + 1;
    let role = "P6-design-fellow";
    for row in [
        "level\t\t\t\tP6",
        "title\t\t\t\tDesign Fellow",
        "track\t\t\t\tproduct",
        "summary\t\t\t\tSets the direction of design across the company.",
        "attribute\t\t\tscope\tThe company",
        "attribute\t\t\tbudget\tA yearly design budget",
        "expectation\tethics\t\t\tNames the harm a design could do before it ships.",
    ] {
        rows.push(format!("{role}\t{row}"));
    }
    let file = TempFile::new(
        "sheet-design-edits",
        "design.tsv",
        (rows.join("\n") + "\n").as_bytes(),
    );
    let sheet = file.arg();
    let (code, toml, messages) = outcome(&["--data", base, "import", sheet]);
    assert_eq!(code, 0, "{messages:?}");

    let mut expected = loaded(base);
    expected.roles.retain(|r| r.id != gone);
    expected.levels.push("P6".into());
    expected.attributes.push(ladder::model::Attribute {
        id: "budget".into(),
        name: "Budget".into(),
        meaning: "Budget, as the level pages state it.".into(),
    });
    expected.dimensions.push(ladder::model::Dimension {
        id: "ethics".into(),
        name: "Ethics".into(),
        emoji: None,
        themes: Vec::new(),
    });
    for track in &mut expected.tracks {
        track.roles.retain(|r| r != gone);
        if track.id == "product" {
            track.roles.push(role.into());
        }
    }
    expected
        .tracks
        .retain(|t| t.id != "systems" || !t.roles.is_empty());
    expected.roles.push(ladder::model::Role {
        id: role.into(),
        level: "P6".into(),
        title: "Design Fellow".into(),
        summary: "Sets the direction of design across the company.".into(),
        attributes: [
            ("budget".to_string(), "A yearly design budget".to_string()),
            ("scope".to_string(), "The company".to_string()),
        ]
        .into(),
        dimensions: [(
            "ethics".to_string(),
            ladder::model::RoleDimension {
                summary: None,
                expectations: vec![ladder::model::Expectation {
                    theme: None,
                    text: "Names the harm a design could do before it ships.".into(),
                }],
                examples: Vec::new(),
            },
        )]
        .into(),
    });
    assert_eq!(toml, as_imported(&expected));
    assert_eq!(
        messages,
        [
            format!("{sheet}:{first_new}: warning: level \"P6\" is not in the base ladder; added"),
            format!(
                "{sheet}:{}: warning: attribute \"budget\" is not in the base ladder; added as \"Budget\"",
                first_new + 5
            ),
            format!(
                "{sheet}:{}: warning: dimension \"ethics\" is not in the base ladder; added as \"Ethics\"",
                first_new + 6
            ),
            long_note(sheet, Some(base)),
            "read 1 sheet: 8 roles, 64 statements, 27 examples; 3 warnings".to_string(),
        ]
    );
}

/// A ladder's TOML without its comment lines.
fn uncommented(toml: &str) -> String {
    toml.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// A wide sheet's plan: the sheet one page, its rows the parts; as inferred, it gives the
/// ladder inference gives.
#[test]
fn a_wide_sheet_s_plan_names_its_rows_and_columns() {
    let folder = Folder::new("sheet-plan");
    let plan_path = folder.arg("plan.toml");
    let (code, out, messages) = outcome(&["import", WIDE, "--plan-out", &plan_path]);
    assert_eq!((code, out.as_str()), (0, ""), "{messages:?}");
    assert_eq!(
        messages.last().map(String::as_str),
        Some(format!("wrote the plan of the sheet to {plan_path}").as_str())
    );
    let plan = std::fs::read_to_string(&plan_path).expect("plan");
    assert!(plan.starts_with(&format!("# How `ladder import` reads the sheet {WIDE}.\n")));
    assert!(
        plan.contains(
            "# The sheet: a role for each row, its heading the row's first cell.\n\
             [[page]]\n\
             file = \"wide.csv\"\n\
             # Level and title from the row's first cell (line 2).\n\
             [[page.part]]\n\
             heading = \"SO1\"\n\
             role = \"SO1-wide\"\n\
             title = \"wide\"\n\
             level = \"SO1\"\n\
             tracks = [\"ladder\"]\n"
        ),
        "{plan}"
    );
    assert!(
        plan.contains(
            "# A column of the sheet; headings: the columns read as it.\n\
             [[dimension]]\n\
             id = \"process\"\n\
             name = \"Process\"\n\
             emoji = \"🧭\"\n\
             headings = [\"Process\"]\n"
        ),
        "{plan}"
    );
    assert!(
        !plan.contains("[blocks]"),
        "a sheet has no blocks to tell apart"
    );
    let (_, inferred, _) = outcome(&["import", WIDE]);
    let (code, by_plan, messages) = outcome(&["import", WIDE, "--plan", &plan_path]);
    assert_eq!(code, 0, "{messages:?}");
    assert_eq!(uncommented(&by_plan), uncommented(&inferred));
}

/// A corrected plan: rows titled and put on two tracks, a row and a column left out (with a
/// warning each), two columns read as one dimension.
#[test]
fn a_wide_sheet_read_by_a_corrected_plan() {
    let folder = Folder::new("sheet-plan-edited");
    let plan_path = folder.arg("plan.toml");
    outcome(&["import", WIDE, "--plan-out", &plan_path]);
    let mut plan = std::fs::read_to_string(&plan_path).expect("plan");
    for (n, title, track) in [
        (1, "Support Officer", "officer"),
        (2, "Senior Support Officer", "officer"),
        (3, "Support Specialist", "specialist"),
        (4, "Senior Support Specialist", "specialist"),
    ] {
        plan = plan.replacen(
            &format!(
                "role = \"SO{n}-wide\"\ntitle = \"wide\"\nlevel = \"SO{n}\"\ntracks = [\"ladder\"]"
            ),
            &format!(
                "role = \"so{n}\"\ntitle = \"{title}\"\nlevel = \"SO{n}\"\ntracks = [\"{track}\"]"
            ),
            1,
        );
    }
    let so5 = plan
        .find("# Level and title from the row's first cell (line 15).")
        .expect("SO5");
    plan.truncate(so5);
    let edited = plan
        .replacen(
            "[[track]]\nid = \"ladder\"\nname = \"Ladder\"",
            "[[track]]\nid = \"officer\"\nname = \"Officer\"\n\n[[track]]\nid = \"specialist\"\nname = \"Specialist\"",
            1,
        )
        .replacen("id = \"customer-care\"\nname = \"Customer care\"\nheadings = [\"Customer care\"]", "id = \"people\"\nname = \"People\"\nheadings = [\"Customer care\", \"Collaboration\"]", 1)
        .replacen("[[dimension]]\nid = \"collaboration\"\nname = \"Collaboration\"\nheadings = [\"Collaboration\"]\nlabels = []\n", "", 1)
        .replacen("[[dimension]]\nid = \"process\"\nname = \"Process\"\nemoji = \"🧭\"\nheadings = [\"Process\"]\nlabels = []\n", "", 1)
        .replacen("levels = [\"SO1\", \"SO2\", \"SO3\", \"SO4\", \"SO5\"]", "levels = [\"SO1\", \"SO2\", \"SO3\", \"SO4\"]", 1);
    let path = folder.write("edited.toml", &edited);
    let (code, toml, messages) =
        outcome(&["import", WIDE, "--plan", path.to_str().expect("UTF-8")]);
    assert_eq!(code, 0, "{messages:?}");
    assert_eq!(
        messages,
        [
            "tests/data/sheets/wide.csv:1: warning: the plan reads heading \"Process\" as no dimension; its text was left out",
            "tests/data/sheets/wide.csv:15: warning: the plan does not name row \"SO5\"; it was left out (add it as a [[page.part]] to read it)",
            "note: tests/data/sheets/wide.csv is a wide sheet: one role per level row (4), one dimension per column (2), each paragraph or bullet of a cell a statement; the summaries are the titles",
            "read 1 sheet: 4 roles, 16 statements, 0 examples; 2 warnings",
        ]
    );
    let file = folder.write("ladder.toml", &toml);
    let data = file.to_str().expect("UTF-8");
    assert_eq!(
        ok(&["--data", data, "tracks", "--format", "tsv", "--no-header"]),
        "officer\tOfficer\t1\tSO1\tso1\nofficer\tOfficer\t2\tSO2\tso2\n\
         specialist\tSpecialist\t1\tSO3\tso3\nspecialist\tSpecialist\t2\tSO4\tso4\n"
    );
    let sheet_rows = statements_of(&toml);
    let so2 = (sheet_rows.iter())
        .find(|(level, dimension, _)| level == "SO2" && dimension == "people")
        .expect("SO2 people");
    assert_eq!(
        so2.2,
        [
            "Owns a ticket from the first reply to its closure.",
            "Sets expectations on timing, and says so when a promise cannot be kept.",
            "Pairs with a newer colleague on a tricky ticket once a week.",
        ]
    );
}

/// What a sheet's plan names that the sheet lacks is an error at the plan's line; a long sheet
/// takes no plan.
#[test]
fn a_sheet_s_plan_that_names_what_is_not_there_is_an_error_at_its_line() {
    let folder = Folder::new("sheet-plan-errors");
    let plan_path = folder.arg("plan.toml");
    outcome(&["import", WIDE, "--plan-out", &plan_path]);
    let plan = std::fs::read_to_string(&plan_path).expect("plan");
    let line_of = |text: &str| plan[..plan.find(text).expect(text)].lines().count() + 1;
    let cases = [
        (
            "heading = \"SO3\"",
            "heading = \"SO9\"",
            "the sheet has no row \"SO9\"",
        ),
        (
            "headings = [\"Troubleshooting\"]",
            "headings = [\"Trouble\"]",
            "the sheet has no column \"Trouble\"",
        ),
        (
            "file = \"wide.csv\"",
            "file = \"narrow.csv\"",
            "page \"narrow.csv\" is not the sheet \"wide.csv\"",
        ),
    ];
    for (from, to, error) in cases {
        let path = folder.write("broken.toml", plan.replacen(from, to, 1));
        let path = path.to_str().expect("UTF-8");
        assert_eq!(
            fails(&["import", WIDE, "--plan", path], 1),
            format!("error: {path}:{}: {error}\n", line_of(from)),
            "{from}"
        );
    }
    let base = concat!(env!("CARGO_MANIFEST_DIR"), "/data/ladder.toml");
    let sheet = folder.write("long.tsv", exported(base));
    let sheet = sheet.to_str().expect("UTF-8");
    assert_eq!(
        fails(&["import", sheet, "--plan-out", "-"], 1),
        format!(
            "error: {sheet}: a long sheet is read against the ladder it came from (--data), not by a plan; a plan is for a folder of pages or a wide sheet\n"
        )
    );
}
