//! `ladder import --plan-out` and `--plan`: the importer's reading of a handbook written as a
//! plan a person corrects, and followed exactly.

use super::*;

/// The handbooks the plan is tried on: every house style and shape of the fixtures.
const HANDBOOKS: [&str; 8] = [
    "handbook",
    "handbook-data",
    "handbook-platform",
    "handbook-success",
    "shapes/static-site",
    "shapes/gitbook",
    "shapes/track-pages",
    "shapes/paragraphs",
];

fn fixture(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The plan inferred for a handbook, written into `folder` as `plan.toml`.
fn plan_of(folder: &Folder, handbook: &str) -> String {
    let plan = folder.arg("plan.toml");
    let out = run(&mut ladder(&[
        "import",
        &fixture(handbook),
        "--plan-out",
        &plan,
    ]));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "",
        "a plan goes to its file only"
    );
    std::fs::read_to_string(&plan).expect("plan written")
}

/// Imports `handbook` by the plan text `plan`; the TOML without its comments and stderr.
fn import_by(folder: &Folder, handbook: &str, plan: &str) -> (String, String) {
    let path = folder.write("edited.toml", plan);
    let out = run(&mut ladder(&[
        "import",
        &fixture(handbook),
        "--plan",
        path.to_str().expect("UTF-8"),
    ]));
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    (
        uncommented(&String::from_utf8(out.stdout).expect("UTF-8")),
        stderr,
    )
}

fn uncommented(toml: &str) -> String {
    toml.lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `ladder --data TOML list --format tsv`, the roles as read.
fn roles_of(folder: &Folder, toml: &str) -> String {
    let file = folder.write("ladder.toml", toml);
    ok(&[
        "--data",
        file.to_str().expect("UTF-8"),
        "list",
        "--format",
        "tsv",
        "--no-header",
    ])
}

#[test]
fn the_plan_says_every_choice_and_how_it_was_made() {
    let folder = Folder::new("plan-success");
    let plan = plan_of(&folder, "handbook-success");
    // The plan less its `[blocks]` table of words at its end (checked below).
    let blocks_at = plan.find("\n# How each block").expect("blocks") + 1;
    let (rest, blocks) = plan.split_at(blocks_at);
    let head: Vec<&str> = rest.lines().take(21).collect();
    assert_eq!(
        head,
        [
            format!(
                "# How `ladder import` reads the handbook in {}.",
                fixture("handbook-success")
            )
            .as_str(),
            format!(
                "# Correct what is wrong, then import by it: ladder import {} --plan PLAN",
                fixture("handbook-success")
            )
            .as_str(),
            "# The comments say how each choice was inferred.",
            "",
            "# From the folder's name: the folder has no index page.",
            "name = \"handbook-success\"",
            "",
            "# The pages' level codes in natural order (L2 before L10); pages without one by how senior their titles sound.",
            "levels = [\"L1\", \"L2\", \"L3\", \"L4\"]",
            "",
            "# Inferred: each level page is one level above the one before, so one track.",
            "[[track]]",
            "id = \"ladder\"",
            "name = \"Ladder\"",
            "",
            "# A heading of the pages that the index does not name; no label is read as it.",
            "[[dimension]]",
            "id = \"core-competencies\"",
            "name = \"Core Competencies\"",
            "headings = [\"Core Competencies\"]",
            "labels = []",
        ]
    );
    let blocks: Vec<&str> = blocks.lines().skip(7).collect();
    assert_eq!(
        blocks,
        [
            "[blocks]",
            "# Headings below a section's, and labels, whose blocks are examples.",
            "examples = [\"example\", \"examples\", \"examples *\", \"for example\", \"e.g.\", \"what success looks like\", \"success looks like\", \"success stor*\", \"in practice\", \"what this looks like\"]",
            "# Headings that end a page's content: what follows them is links, left out.",
            "end = [\"see also\", \"related\", \"related pages\", \"related links\", \"related reading\", \"further reading\", \"other pages\"]",
            "# First headers of two-column tables whose rows are attributes in any section.",
            "attribute_tables = [\"attribute\", \"attributes\", \"property\", \"properties\", \"field\", \"key\", \"aspect\"]",
        ]
    );
    assert!(plan.contains(
        "# Title from the heading \"Customer Success Associate\" (line 1); it has no level code, so the level is the file name's first word.\n\
         [[page]]\n\
         file = \"L1-Customer-Success-Associate\"\n\
         role = \"L1-customer-success-associate\"\n\
         title = \"Customer Success Associate\"\n\
         level = \"L1\"\n\
         tracks = [\"ladder\"]\n"
    ), "{plan}");
    assert!(
        rest.ends_with(
            "[[page]]\nfile = \"LICENSE\"\nskip = \"not Markdown: no `.md`, and no level code in its name\"\n\n"
        ),
        "{plan}"
    );
}

#[test]
fn the_plan_as_inferred_imports_the_ladder_inference_gives() {
    for handbook in HANDBOOKS {
        let folder = Folder::new(&format!("plan-same-{}", handbook.replace('/', "-")));
        let plan = plan_of(&folder, handbook);
        let (inferred, _) = import::import(&fixture(handbook));
        let (planned, _) = import_by(&folder, handbook, &plan);
        assert_eq!(planned, uncommented(&inferred), "{handbook}");
    }
}

#[test]
fn a_corrected_plan_gives_the_ladder_it_says() {
    let folder = Folder::new("plan-edit");
    let plan = plan_of(&folder, "handbook");
    // Move the analysts to a track of their own name, drop the lead, and retitle a page.
    let edited = plan
        .replace("id = \"analyst\"\nname = \"Support Analyst\"", "id = \"triage\"\nname = \"Triage\"")
        .replace("tracks = [\"analyst\"]", "tracks = [\"triage\"]")
        .replace(
            "file = \"S4-Support-Lead.md\"\nrole = \"S4-support-lead\"\ntitle = \"Support Lead\"\nlevel = \"S4\"\ntracks = [\"engineer\", \"analyst\"]",
            "file = \"S4-Support-Lead.md\"\nskip = \"the lead is hired, not promoted into\"",
        )
        .replace("title = \"Support Engineer\"", "title = \"Support Engineer II\"")
        .replace("levels = [\"S1\", \"S2\", \"S3\", \"S4\"]", "levels = [\"S1\", \"S2\", \"S3\", \"S4\", \"S5\"]");
    let (toml, stderr) = import_by(&folder, "handbook", &edited);
    assert_eq!(
        roles_of(&folder, &toml),
        "S1-junior-support-engineer\tS1\tJunior Support Engineer\tengineer\tI am learning our systems and our customers, and I resolve well-understood cases with help from a mentor who reviews my work.\n\
         S2-support-engineer\tS2\tSupport Engineer II\tengineer\tI own cases from first contact to resolution, and I only need a senior engineer for unusual or risky problems.\n\
         S3-senior-support-engineer\tS3\tSenior Support Engineer\tengineer\tI handle the hardest escalations on my own, guide other engineers through difficult cases, and make the whole team faster.\n\
         S2-support-analyst\tS2\tSupport Analyst\ttriage\tSupport Analyst\n\
         S3-senior-support-analyst\tS3\tSenior Support Analyst\ttriage\tI turn support data into decisions, helping the team and its partners understand where customers struggle and what to fix first.\n"
    );
    assert!(
        toml.contains("levels = [\"S1\", \"S2\", \"S3\", \"S4\", \"S5\"]"),
        "{toml}"
    );
    assert!(
        !stderr.contains("S4-Support-Lead.md"),
        "a page skipped on purpose is not warned about: {stderr}"
    );
}

#[test]
fn reordered_levels_and_a_page_the_plan_leaves_out() {
    let folder = Folder::new("plan-levels");
    let plan = plan_of(&folder, "handbook-data");
    let line = plan
        .lines()
        .find(|l| l.starts_with("levels = "))
        .expect("levels");
    let edited = plan.replace(line, "levels = [\"L2\", \"L1.0\", \"L3\", \"L4\"]");
    // A page the plan does not name is left out, with a warning.
    let start = edited.find("[[page]]\nfile = \"L4").expect("the L4 page");
    let mut edited = edited[..start].to_string();
    // Its headings are on no other page: a plan naming them would name what is not there.
    for heading in [
        "I deliver models the business runs on",
        "I collaborate with leadership",
        "I grow the team",
    ] {
        edited = edited.replace(&format!(", \"{heading}\""), "");
    }
    let (toml, stderr) = import_by(&folder, "handbook-data", &edited);
    assert!(
        toml.contains("levels = [\"L2\", \"L1.0\", \"L3\", \"L4\"]"),
        "{toml}"
    );
    assert!(!toml.contains("L4-lead-data-scientist"), "{toml}");
    assert!(
        stderr.contains("L4-Lead-Data-Scientist.md: warning: the plan does not name this page; it was left out (add it to the plan to read it)"),
        "{stderr}"
    );
}

#[test]
fn what_the_plan_names_that_the_folder_lacks_is_an_error_at_its_line() {
    let folder = Folder::new("plan-errors");
    let plan = plan_of(&folder, "handbook");
    let cases: [(&str, &str, &str); 6] = [
        (
            "file = \"S2-Support-Analyst.md\"",
            "file = \"S2-Missing.md\"",
            ":73: page \"S2-Missing.md\" is not in the folder",
        ),
        (
            "headings = [\"Knowledge base\"]",
            "headings = [\"Knowledge bass\"]",
            ":50: no page has the heading \"Knowledge bass\"",
        ),
        (
            "level = \"S3\"\ntracks = [\"engineer\"]",
            "level = \"S9\"\ntracks = [\"engineer\"]",
            ":81: level \"S9\" is not in `levels`",
        ),
        (
            "tracks = [\"analyst\"]",
            "tracks = [\"sales\"]",
            ":73: track \"sales\" is not a [[track]] of the plan",
        ),
        (
            "name = \"Customer Support Engineering\"",
            "nme = \"Customer Support Engineering\"",
            ":6: unknown field `nme`, expected one of `name`, `levels`, `track`, `dimension`, `page`, `blocks`",
        ),
        (
            "file = \"S4-Support-Lead.md\"\nrole = \"S4-support-lead\"",
            "file = \"S4-Support-Lead.md\"",
            ":97: page \"S4-Support-Lead.md\" needs one of `role` (with title and level), `skip` or [[page.part]]",
        ),
    ];
    for (from, to, error) in cases {
        assert!(plan.contains(from), "{from}");
        let path = folder.write("broken.toml", plan.replacen(from, to, 1));
        let path = path.to_str().expect("UTF-8");
        let stderr = fails(&["import", &fixture("handbook"), "--plan", path], 1);
        assert_eq!(stderr, format!("error: {path}{error}\n"), "{from}");
    }
}

#[test]
fn a_plan_is_written_once_and_only_for_one_ladder() {
    let folder = Folder::new("plan-once");
    plan_of(&folder, "handbook");
    let plan = folder.arg("plan.toml");
    let stderr = fails(&["import", &fixture("handbook"), "--plan-out", &plan], 1);
    assert_eq!(
        stderr,
        format!("error: refusing to overwrite {plan:?}; pass --force to replace it\n")
    );
    let stderr = fails(
        &[
            "import",
            &fixture("handbook"),
            "--plan-out",
            &plan,
            "--output",
            "x.toml",
        ],
        2,
    );
    assert!(
        stderr.contains("'--plan-out <FILE>' cannot be used with '--output <FILE>'"),
        "{stderr}"
    );
}

/// A handbook whose words the defaults do not know: an `### Evidence` heading over examples,
/// a `## Links` section of pointers, a `**Mentoring**:` statement in the craft section.
fn own_words(folder: &Folder) -> String {
    folder.write(
        "hb/README.md",
        "# Words Ladder\n\n## Levels\n\n1. [L1 Engineer](L1-Engineer.md)\n2. [L2 Engineer](L2-Engineer.md)\n",
    );
    for (level, craft, example) in [
        ("L1", "Writes tested code.", "Shipped the login page."),
        ("L2", "Designs a service.", "Split the billing job."),
    ] {
        folder.write(
            &format!("hb/{level}-Engineer.md"),
            format!(
                "# {level}: Engineer\n\n## Craft\n\n- {craft}\n- **Mentoring**: Answers questions from new starters.\n\n\
                 ### Evidence\n\n- {example}\n\n## Mentoring\n\n- Pairs with peers.\n\n## Links\n\n- Ask your manager about this page.\n"
            ),
        );
    }
    folder.arg("hb")
}

/// `ladder --data TOML show --all --format tsv`: every statement with its dimension and kind.
fn statements_of(folder: &Folder, toml: &str) -> String {
    let file = folder.write("ladder.toml", toml);
    let tsv = ok(&[
        "--data",
        file.to_str().expect("UTF-8"),
        "show",
        "--all",
        "--format",
        "tsv",
        "--no-header",
    ]);
    tsv.lines()
        .filter(|l| l.contains("\texpectation\t") || l.contains("\texample\t"))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn the_plan_s_words_and_labels_say_how_blocks_are_read() {
    let folder = Folder::new("plan-words");
    let hb = own_words(&folder);
    let plan_path = folder.arg("plan.toml");
    ok_with_stderr(&["import", &hb, "--plan-out", &plan_path]);
    let plan = std::fs::read_to_string(&plan_path).expect("plan");
    let (as_inferred, _) = ok_with_stderr(&["import", &hb]);
    assert_eq!(
        statements_of(&folder, &as_inferred),
        "L1-engineer\texpectation\tcraft\t\t\tWrites tested code.\n\
         L1-engineer\texpectation\tcraft\t\t\tMentoring: Answers questions from new starters.\n\
         L1-engineer\texpectation\tcraft\t\t\tShipped the login page.\n\
         L1-engineer\texpectation\tmentoring\t\t\tPairs with peers.\n\
         L1-engineer\texpectation\tlinks\t\t\tAsk your manager about this page.\n\
         L2-engineer\texpectation\tcraft\t\t\tDesigns a service.\n\
         L2-engineer\texpectation\tcraft\t\t\tMentoring: Answers questions from new starters.\n\
         L2-engineer\texpectation\tcraft\t\t\tSplit the billing job.\n\
         L2-engineer\texpectation\tmentoring\t\t\tPairs with peers.\n\
         L2-engineer\texpectation\tlinks\t\t\tAsk your manager about this page.\n"
    );
    // Evidence is examples, Links ends the content (so it is no dimension), and the
    // Mentoring label files its statement under that dimension.
    let links =
        "\n[[dimension]]\nid = \"links\"\nname = \"Links\"\nheadings = [\"Links\"]\nlabels = []\n";
    assert!(plan.contains(links), "{plan}");
    let edited = plan
        .replacen("examples = [", "examples = [\"evidence\", ", 1)
        .replacen("end = [", "end = [\"links\", ", 1)
        .replacen(links, "\n", 1)
        .replacen(
            "headings = [\"Mentoring\"]\nlabels = []",
            "headings = [\"Mentoring\"]\nlabels = [\"Mentoring\"]",
            1,
        );
    let path = folder.write("edited.toml", &edited);
    let (by_plan, _) = ok_with_stderr(&["import", &hb, "--plan", path.to_str().expect("UTF-8")]);
    assert_eq!(
        statements_of(&folder, &by_plan),
        "L1-engineer\texpectation\tcraft\t\t\tWrites tested code.\n\
         L1-engineer\texample\tcraft\t\t\tShipped the login page.\n\
         L1-engineer\texpectation\tmentoring\t\t\tPairs with peers.\n\
         L1-engineer\texpectation\tmentoring\t\t\tAnswers questions from new starters.\n\
         L2-engineer\texpectation\tcraft\t\t\tDesigns a service.\n\
         L2-engineer\texample\tcraft\t\t\tSplit the billing job.\n\
         L2-engineer\texpectation\tmentoring\t\t\tPairs with peers.\n\
         L2-engineer\texpectation\tmentoring\t\t\tAnswers questions from new starters.\n"
    );
}
