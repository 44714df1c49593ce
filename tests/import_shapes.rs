//! `ladder import` on handbooks in the shapes real ones take, beyond the house styles: each
//! `mod` holds one shape, its fixture under tests/data/shapes/, and checks the fate of every
//! block of it (the role, dimension and kind it became, or the note that left it out).

use super::*;

/// Imports `dir`; returns the TOML and the stderr lines, after checking that it exits 0 and
/// that what it wrote loads and validates.
fn imported(test: &str, dir: &str) -> (String, Vec<String>) {
    imported_by(test, ladder(&["import", dir]))
}

/// Imports `dir` inside `folder`, as [`imported`] does: messages name its pages from `dir`.
fn imported_in(test: &str, folder: &Folder, dir: &str) -> (String, Vec<String>) {
    imported_by(test, folder.ladder(&["import", dir]))
}

/// Runs an import, checked as [`imported`] says.
fn imported_by(test: &str, mut import: std::process::Command) -> (String, Vec<String>) {
    let out = run(&mut import);
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let toml = String::from_utf8(out.stdout).expect("UTF-8");
    let file = TempFile::new(test, "imported.toml", toml.as_bytes());
    ok(&["--data", file.arg(), "list", "--ids"]);
    ok(&["validate", file.arg()]);
    (toml, stderr.lines().map(String::from).collect())
}

/// The `[[role]]` tables of the TOML whose id starts with `prefix`, as written.
fn roles_of(toml: &str, prefix: &str) -> String {
    let start = format!("id = \"{prefix}");
    let tables: Vec<&str> = toml
        .split("\n[[role]]\n")
        .skip(1)
        .filter(|t| t.starts_with(&start))
        .collect();
    tables.join("\n[[role]]\n")
}

/// Pages of paragraphs: level pages written mostly as prose under `##` sections, with tables,
/// parent bullets without a colon, navigation, a `See also` section, a `######` subtitle and a
/// title qualified `(IC3)`; an index whose list of levels is followed by other pages; and
/// files beside them that are not Markdown.
mod paragraphs {
    use super::*;

    /// The fixture, relative to the package (where cargo runs tests), as messages name it.
    const BOOK: &str = "tests/data/shapes/paragraphs";

    /// Whether a message is about the index's "Other pages" (a page of questions, one about
    /// reviews), or about what they change (the tracks, the tally): what becomes of those
    /// pages is not this shape's to say.
    fn other_page(line: &str) -> bool {
        ["faq", "process"].iter().any(|p| line.contains(p))
            || line.starts_with("note: inferred track ")
            || line.starts_with("read ")
    }

    #[test]
    fn every_block_of_a_handbook_of_paragraphs_has_its_place() {
        let (toml, messages) = imported("shapes-paragraphs", BOOK);
        let said: Vec<&str> = messages
            .iter()
            .map(String::as_str)
            .filter(|l| !other_page(l))
            .collect();
        assert_eq!(
            said,
            [
                // `<table>` on the Specialist page: not read, and said.
                "tests/data/shapes/paragraphs/C2-Support-Specialist.md:19: warning: an HTML table is not read: its text is left out (a Markdown table, or a list, is read)",
                "tests/data/shapes/paragraphs/C1-Support-Associate.md:12: warning: dimension \"Craft\" has no examples (and on 3 more pages)",
                "tests/data/shapes/paragraphs/C1-Support-Associate.md:18: warning: dimension \"Teamwork\" has no examples (and on 3 more pages)",
                "tests/data/shapes/paragraphs/C1-Support-Associate.md:26: warning: dimension \"Ownership\" has no examples (and on 2 more pages)",
                // The table of contents; the links under "See also"; a line of links and the
                // "Contents" section (no dimension) on the Lead page. Its footer after `---`
                // is left out as the export's own footer is, unsaid.
                "note: tests/data/shapes/paragraphs/C1-Support-Associate.md: left out 3 links as navigation",
                "note: tests/data/shapes/paragraphs/C3-Senior-Support-Specialist.md: left out what follows heading \"See also\" (line 26) as navigation",
                "note: tests/data/shapes/paragraphs/C4-Support-Lead.md: left out 4 links as navigation",
                // `**Ownership**:` in Teamwork (Specialist), `**Craft**:` in Teamwork (Senior),
                // `**Teamwork**:` above the sections (Lead).
                "note: filed 3 statements under the dimension their label names: \"Ownership\", \"Craft\", \"Teamwork\"",
                "note: read the text above the first section as dimension \"Overview\" on tests/data/shapes/paragraphs/C1-Support-Associate.md and 2 more pages",
            ]
        );
        // The index's axes, its attribute, and the dimension of the text above the sections.
        assert!(
            toml.contains(HEAD),
            "{}",
            &toml[..toml.find("[[role]]").unwrap_or(0)]
        );
        assert_eq!(roles_of(&toml, "C"), ROLES);
        // Neither the Dockerfile (its `# Builds …` comment reads as a heading) nor the
        // LICENSE is a page.
        assert!(
            !toml.to_lowercase().contains("dockerfile") && !toml.contains("copied"),
            "{toml}"
        );
    }

    /// A note every page opens with is the handbook's, not each role's summary.
    #[test]
    fn a_note_that_every_page_opens_with_is_boilerplate() {
        let folder = Folder::new("shapes-boilerplate");
        folder.write(
            "book/README.md",
            "# Writers\n\nOur dimensions:\n\n- Craft\n\n1. [L1](L1.md)\n2. [L2](L2.md)\n",
        );
        for i in 1..=2 {
            folder.write(
                &format!("book/L{i}.md"),
                format!(
                    "# L{i}: Writer {i}\n\n> **Note**: this ladder is a guide, not a checklist.\n\n\
                     ## Craft\n\n- Writes {i}.\n\n**Examples:**\n\n- Wrote {i}.\n"
                ),
            );
        }
        let (toml, messages) = imported_in("shapes-boilerplate-import", &folder, "book");
        assert_eq!(
            messages,
            [
                "book/L1.md:1: warning: no quoted self-description after the heading; the summary is left as the title (and on 1 more page)",
                "note: all 2 pages open with \"Note: this ladder is a guide, not a checklist.\": left out as boilerplate, not each role's summary",
                "note: inferred track ladder: L1-writer-1 → L2-writer-2",
                "read 3 pages: 2 roles, 2 statements, 2 examples; 2 warnings",
            ]
        );
        assert!(!toml.contains("checklist"), "{toml}");
    }

    /// A file without `.md` is a page when the index links it, or when its name opens with a
    /// level code; other files (`CNAME`, `notes`, `config.yml`, an image the index links)
    /// are never read, whatever their text.
    #[test]
    fn files_without_md_are_pages_only_when_linked_or_named_with_a_level() {
        let folder = Folder::new("shapes-not-markdown");
        folder.write(
            "book/README.md",
            "# Writers\n\n1. [Junior](junior)\n2. [Senior](L2-Senior-Writer)\n3. [Chart](chart.png)\n",
        );
        folder.write("book/junior", "# L1: Junior Writer\n\n> Writes.\n");
        folder.write(
            "book/L2-Senior-Writer",
            "**Senior Writer\n\n> Writes more.\n",
        );
        folder.write("book/notes", "# L3: Notes\n\n> Not a page.\n");
        folder.write("book/config.yml", "# L4: Config\n");
        folder.write("book/CNAME", "ladder.example.org\n");
        folder.write("book/chart.png", b"\x89PNG\r\n");
        let (toml, messages) = imported_in("shapes-not-markdown-import", &folder, "book");
        assert_eq!(
            messages,
            [
                "note: book/L2-Senior-Writer has no `# LEVEL Title` heading: its first line is the title, level \"L2\" comes from the file name",
                "note: inferred track ladder: L1-junior-writer → L2-senior-writer",
                "read 3 pages: 2 roles, 0 statements, 0 examples; 0 warnings",
            ]
        );
        assert!(toml.contains("\nlevels = [\"L1\", \"L2\"]\n"), "{toml}");
    }

    const HEAD: &str = r#"[[attribute]]
id = "scope"
name = "Scope"
meaning = "What the role looks after"

[[dimension]]
id = "craft"
name = "Craft"
themes = []

[[dimension]]
id = "teamwork"
name = "Teamwork"
themes = []

[[dimension]]
id = "ownership"
name = "Ownership"
themes = []

[[dimension]]
id = "overview"
name = "Overview"
themes = []

"#;

    /// Every statement of the four level pages: paragraphs, table cells under their column's
    /// header, nested bullets under their parent's text, the subtitle and the text above the
    /// sections in "Overview", labelled statements under the dimension they name; the
    /// title keeps `(IC3)`, the id does not.
    const ROLES: &str = r#"id = "C1-support-associate"
level = "C1"
title = "Support Associate"
summary = "I answer customers well and learn how our product behaves."

[role.attributes]
scope = "My own tickets"

[role.dimensions.craft]
expectations = [
  { text = "I answer routine questions from the help centre and our saved replies." },
  { text = "I ask a specialist before I guess at an answer." },
]
examples = []

[role.dimensions.teamwork]
expectations = [
  { text = "Beginner: Files clear tickets with the steps to reproduce." },
  { text = "Beginner: Tags each ticket with the right product area." },
  { text = "I join the morning stand-up and say where I am stuck." },
]
examples = []

[role.dimensions.ownership]
expectations = [
  { text = "I close every ticket I open, or hand it over with a note." },
]
examples = []

[role.dimensions.overview]
expectations = [
  { text = "First level of the desk" },
]
examples = []

[[role]]
id = "C2-support-specialist"
level = "C2"
title = "Support Specialist"
summary = "Specialists look after a queue of their own and the customers in it."

[role.attributes]
scope = "One product area"

[role.dimensions.craft]
expectations = [
  { text = "Breadth: Knows one product area well." },
  { text = "Depth: Reads the logs before asking engineering." },
  { text = "Specialists write the saved replies that associates use." },
]
examples = []

[role.dimensions.teamwork]
expectations = [
  { text = "Pairs with an associate once a week." },
]
examples = []

[role.dimensions.ownership]
expectations = [
  { text = "I keep my queue under a day old." },
  { text = "Calls back every customer they promised to call." },
]
examples = [
  "Cleared a backlog of forty tickets in a week.",
]

[role.dimensions.overview]
expectations = [
  { text = "Most of a specialist's week is spent on the queue." },
]
examples = []

[[role]]
id = "C3-senior-support-specialist"
level = "C3"
title = "Senior Support Specialist (IC3)"
summary = "I take the hardest cases and make the desk better at them."

[role.attributes]
scope = "Several product areas"

[role.dimensions.craft]
expectations = [
  { text = "Seniors untangle cases that cross product areas." },
  { text = "Diagnosis: Reproduces a fault before escalating it." },
  { text = "Diagnosis: Writes the reproduction into the ticket." },
  { text = "I teach the tricky cases at the case review." },
]
examples = []

[role.dimensions.teamwork]
expectations = [
  { text = "I run the weekly case review." },
]
examples = []

[role.dimensions.ownership]
expectations = [
  { text = "I keep the escalation guide current." },
]
examples = []

[role.dimensions.overview]
expectations = [
  { text = "Seniors are the desk's escalation point." },
]
examples = []

[[role]]
id = "C4-support-lead"
level = "C4"
title = "Support Lead"
summary = "I run the desk and speak for our customers."

[role.attributes]
scope = "The whole desk"

[role.dimensions.craft]
expectations = [
  { text = "I set the desk's standard for a good answer." },
]
examples = []

[role.dimensions.teamwork]
expectations = [
  { text = "Hires and coaches the specialists." },
]
examples = []

[role.dimensions.ownership]
expectations = [
  { text = "Planning: Plans the rota a quarter ahead." },
  { text = "Reporting: Reports response times to the leadership team each month." },
]
examples = []
"#;
}

/// Each shape's fixture against what a person reading it finds (`tests/data/shapes-expected/`,
/// checked by hand against the pages): the plan inferred (after its two lines naming the
/// folder), the fate of every statement (`show --all --format tsv` of the ladder written) and
/// every warning and note.
mod fates {
    use super::*;

    /// The shape's folder, relative to the package (where cargo runs tests), as the messages
    /// that name it spell it.
    fn shape(name: &str) -> String {
        format!("tests/data/shapes/{name}")
    }

    fn expected(name: &str, file: &str) -> String {
        let path = format!(
            "{}/tests/data/shapes-expected/{name}/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(&path).expect("expected output")
    }

    /// Imports the shape and checks its plan, its statements and its messages.
    fn check(name: &str) {
        let folder = Folder::new(&format!("fates-{name}"));
        let plan = folder.arg("plan.toml");
        let (_, planned) = ok_with_stderr(&["import", &shape(name), "--plan-out", &plan]);
        assert!(
            planned
                .lines()
                .last()
                .is_some_and(|l| l.starts_with("wrote the plan of")),
            "{planned}"
        );
        let text = std::fs::read_to_string(&plan).expect("plan");
        let after_header: String = text.lines().skip(3).map(|l| format!("{l}\n")).collect();
        assert_eq!(after_header, expected(name, "plan.toml"), "{name}: plan");
        let (toml, stderr) = imported(&format!("fates-{name}-toml"), &shape(name));
        assert_eq!(
            stderr.join("\n") + "\n",
            expected(name, "stderr.txt"),
            "{name}: messages"
        );
        let file = folder.write("ladder.toml", &toml);
        let fates = ok(&[
            "--data",
            file.to_str().expect("UTF-8"),
            "show",
            "--all",
            "--format",
            "tsv",
        ]);
        assert_eq!(fates, expected(name, "fates.tsv"), "{name}: statements");
    }

    /// A static site (Hugo): an `_index.md` whose cards link the levels in order (links
    /// without `.md`, one to a folder's own `_index.md`), pages titled by front matter with
    /// weights, a FAQ the cards leave out, and a `config.yaml` and a licence beside them.
    #[test]
    fn a_static_site_with_cards_and_front_matter() {
        check("static-site");
    }

    /// A GitBook: `README.md` for the introduction, `SUMMARY.md` for the order, levels under
    /// `## Levels` in a folder, a FAQ and a process page under `## Help`.
    #[test]
    fn a_gitbook_with_a_summary() {
        check("gitbook");
    }

    /// One page per track, each level a `## D1 - Developer 1` section over `###` dimensions,
    /// and an index table that lines the two tracks' levels up (`L3` holds both a developer
    /// and a tech lead).
    #[test]
    fn one_page_per_track_with_an_index_table_of_levels() {
        check("track-pages");
    }

    /// The pages of paragraphs, now with what becomes of the index's other pages: left out.
    #[test]
    fn pages_of_paragraphs_with_a_faq_and_a_process_page() {
        check("paragraphs");
    }

    /// The plan of the track pages corrected by hand: the two tech-lead levels moved to the
    /// developer track and a level renamed, a part dropped by leaving it out of the plan
    /// (a `[[page.part]]` removed), and the levels put in another order.
    #[test]
    fn a_corrected_plan_of_parts_gives_the_ladder_it_says() {
        let folder = Folder::new("fates-plan-parts");
        let plan = folder.arg("plan.toml");
        ok_with_stderr(&["import", &shape("track-pages"), "--plan-out", &plan]);
        let text = std::fs::read_to_string(&plan).expect("plan");
        let d3 = "# Level from the index's table of levels; title from the heading \"D3 - Developer 3\" (line 29).\n\
                  [[page.part]]\nheading = \"D3 - Developer 3\"\nrole = \"L3-developer-3\"\n\
                  title = \"Developer 3\"\nlevel = \"L3\"\ntracks = [\"developer\"]\n";
        assert!(text.contains(d3), "{text}");
        let edited = text
            .replace(d3, "")
            .replace("tracks = [\"tech-lead\"]", "tracks = [\"developer\"]")
            .replace("level = \"L4\"", "level = \"L5\"")
            .replace(
                "levels = [\"L1\", \"L2\", \"L3\", \"L4\"]",
                "levels = [\"L1\", \"L2\", \"L3\", \"L5\"]",
            );
        let edited_path = folder.write("edited.toml", edited);
        let out = run(&mut ladder(&[
            "import",
            &shape("track-pages"),
            "--plan",
            edited_path.to_str().expect("UTF-8"),
        ]));
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let file = folder.write("ladder.toml", &out.stdout);
        let file = file.to_str().expect("UTF-8");
        assert_eq!(
            ok(&["--data", file, "tracks", "--format", "tsv", "--no-header"]),
            "developer\tDeveloper\t1\tL1\tL1-developer-1\n\
             developer\tDeveloper\t2\tL2\tL2-developer-2\n\
             developer\tDeveloper\t3\tL3\tL3-tech-lead-1\n\
             developer\tDeveloper\t4\tL5\tL4-tech-lead-2\n"
        );
    }
}
