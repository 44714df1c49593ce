//! `ladder import` on handbooks written in other house styles than the export's: each fixture
//! under tests/data/handbook-* combines patterns real handbooks use. Every bullet must land in
//! the right role and dimension, nothing may be dropped without a warning, the result must
//! load, and the tracks must match the index.

use super::*;

/// Where one bullet landed: role id, dimension id, whether an example, and its text.
type Placed = (String, String, bool, String);

/// Imports `dir` with `extra` arguments into a file; returns it and the stderr lines.
fn imported(test: &str, dir: &str, extra: &[&str]) -> (TempFile, Vec<String>) {
    let mut args = vec!["import", dir];
    args.extend(extra);
    let out = run(&mut ladder(&args));
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let file = TempFile::new(test, "imported.toml", &out.stdout);
    // The result loads as every command loads a ladder, and validates without an error.
    ok(&["--data", file.arg(), "list", "--ids"]);
    ok(&["validate", file.arg()]);
    (file, stderr.lines().map(String::from).collect())
}

fn toml_of(file: &TempFile) -> toml::Value {
    let text = std::fs::read_to_string(&file.path).expect("written");
    toml::from_str(&text).expect("TOML")
}

/// Every expectation and example of the imported ladder, and the dimension summaries.
fn placements(ladder: &toml::Value) -> (Vec<Placed>, Vec<(String, String, String)>) {
    let mut placed = Vec::new();
    let mut summaries = Vec::new();
    for role in ladder["role"].as_array().expect("roles") {
        let id = role["id"].as_str().expect("id").to_string();
        let Some(dimensions) = role.get("dimensions").and_then(|d| d.as_table()) else {
            continue;
        };
        for (dimension, rd) in dimensions {
            for e in rd["expectations"].as_array().expect("expectations") {
                let text = e["text"].as_str().expect("text").to_string();
                placed.push((id.clone(), dimension.clone(), false, text));
            }
            for x in rd["examples"].as_array().expect("examples") {
                let text = x.as_str().expect("example").to_string();
                placed.push((id.clone(), dimension.clone(), true, text));
            }
            if let Some(s) = rd.get("summary").and_then(|s| s.as_str()) {
                summaries.push((id.clone(), dimension.clone(), s.to_string()));
            }
        }
    }
    (placed, summaries)
}

/// Expected placements from (role, dimension, `E` expectation or `X` example, text) rows.
fn expected(rows: &[(&str, &str, char, &str)]) -> Vec<Placed> {
    rows.iter()
        .map(|(r, d, k, t)| (r.to_string(), d.to_string(), *k == 'X', t.to_string()))
        .collect()
}

/// The tracks as (id, role ids).
fn tracks(ladder: &toml::Value) -> Vec<(String, Vec<String>)> {
    ladder["track"]
        .as_array()
        .expect("tracks")
        .iter()
        .map(|t| {
            let roles = t["roles"].as_array().expect("roles");
            (
                t["id"].as_str().expect("id").to_string(),
                roles
                    .iter()
                    .map(|r| r.as_str().expect("role").to_string())
                    .collect(),
            )
        })
        .collect()
}

/// A fixture's folder, relative to the package (where cargo runs tests), as the messages that
/// name its pages spell it.
fn data(name: &str) -> String {
    format!("tests/data/{name}")
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

#[test]
fn a_platform_handbook_with_subfolders_shortcodes_and_a_management_track() {
    let (file, messages) = imported(
        "style-platform",
        &data("handbook-platform"),
        &["--name", "Platform Engineering"],
    );
    assert_eq!(
        messages,
        [
            "tests/data/handbook-platform/management/L6-VP-of-Engineering.md: warning: the index links to this page, which does not exist",
            "tests/data/handbook-platform/engineering/L1-Platform-Engineer.md:30: warning: dimension \"Leadership\" has no examples",
            "note: mapped attribute label \"Thinking horizon\" to \"Planning horizon\" (tests/data/handbook-platform/management/L5-Director-of-Platform.md:5)",
            "note: inferred track engineering: L1-platform-engineer → L2-senior-platform-engineer → L3-lead-platform-engineer → L4-staff-platform-engineer",
            "note: inferred track management: L3-engineering-manager → L4-senior-engineering-manager → L5-director-of-platform",
            "read 8 pages: 7 roles, 25 statements, 21 examples; 2 warnings",
        ]
    );
    let ladder = toml_of(&file);
    assert_eq!(ladder["name"].as_str(), Some("Platform Engineering"));
    // The principles are the ladder's about text, not attributes; shortcodes became emoji.
    let about = ladder["about"].as_str().expect("about");
    assert!(
        about.contains("- Reliability first: A platform nobody trusts"),
        "{about}"
    );
    let attributes: Vec<&str> = ladder["attribute"]
        .as_array()
        .expect("attributes")
        .iter()
        .filter_map(|a| a["name"].as_str())
        .collect();
    assert_eq!(attributes, ["Planning horizon", "Scope"]);
    let dimensions: Vec<(&str, &str)> = ladder["dimension"]
        .as_array()
        .expect("dimensions")
        .iter()
        .map(|d| {
            (
                d["name"].as_str().unwrap_or(""),
                d["emoji"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        dimensions,
        [
            ("Craft", "🛠️"),
            ("Collaboration", "🤝"),
            ("Leadership", "🧭")
        ]
    );
    assert_eq!(
        tracks(&ladder),
        [
            (
                "engineering".to_string(),
                [
                    "L1-platform-engineer",
                    "L2-senior-platform-engineer",
                    "L3-lead-platform-engineer",
                    "L4-staff-platform-engineer"
                ]
                .map(String::from)
                .to_vec()
            ),
            (
                "management".to_string(),
                [
                    "L3-engineering-manager",
                    "L4-senior-engineering-manager",
                    "L5-director-of-platform"
                ]
                .map(String::from)
                .to_vec()
            ),
        ]
    );
    let director = &ladder["role"].as_array().expect("roles")[6];
    assert_eq!(
        director["attributes"]["planning-horizon"].as_str(),
        Some("Two years")
    );
    let (placed, summaries) = placements(&ladder);
    assert_eq!(
        summaries,
        [(
            "L2-senior-platform-engineer".to_string(),
            "leadership".to_string(),
            "I raise the bar for the people around me.".to_string()
        )]
    );
    let (l1, l2) = ("L1-platform-engineer", "L2-senior-platform-engineer");
    let rows = [
        (
            l1,
            "craft",
            'E',
            "I write tested changes to our infrastructure code and ask for review early.",
        ),
        (
            l1,
            "craft",
            'E',
            "I follow the runbook when I am on call during working hours, and I escalate when a step does not match what I see.",
        ),
        (
            l1,
            "craft",
            'X',
            "Added a missing alert for disk usage on the build servers.",
        ),
        (
            l1,
            "craft",
            'X',
            "Fixed a flaky deployment script after pairing with a senior engineer.",
        ),
        (
            l1,
            "collaboration",
            'E',
            "I keep my team informed about what I am working on and where I am stuck.",
        ),
        (
            l1,
            "collaboration",
            'X',
            "Posted a short written update in the team channel every morning.",
        ),
        (
            l1,
            "leadership",
            'E',
            "I take ownership of the tasks I pick up and see them through.",
        ),
        (
            l2,
            "craft",
            'E',
            "I design changes that keep a service running while it is being migrated.",
        ),
        (
            l2,
            "craft",
            'E',
            "I remove toil by automating the steps we repeat by hand.",
        ),
        (
            l2,
            "craft",
            'X',
            "Moved the artifact store to a new cluster without downtime.",
        ),
        (
            l2,
            "collaboration",
            'E',
            "I agree on interfaces with the product teams before I build them.",
        ),
        (
            l2,
            "collaboration",
            'X',
            "Ran a review of the new deploy API with three product teams.",
        ),
        (
            l2,
            "leadership",
            'E',
            "Within my team: I review changes with care and explain my reasoning.",
        ),
        (
            l2,
            "leadership",
            'E',
            "Within my team: I pair with newer engineers on systems they have not seen.",
        ),
        (
            l2,
            "leadership",
            'E',
            "I write down decisions so that others can find them later.",
        ),
        (
            l2,
            "leadership",
            'X',
            "Started a decision log that the whole group now uses.",
        ),
    ];
    let mine: Vec<Placed> = placed
        .iter()
        .filter(|p| p.0 == l1 || p.0 == l2)
        .cloned()
        .collect();
    assert_eq!(sorted(mine), sorted(expected(&rows)));
    // The other pages: one expectation and one example in each dimension.
    for role in placed.iter().map(|p| &p.0).filter(|r| *r != l1 && *r != l2) {
        for d in ["craft", "collaboration", "leadership"] {
            let count = |x: bool| {
                placed
                    .iter()
                    .filter(|p| &p.0 == role && p.1 == d && p.2 == x)
                    .count()
            };
            assert_eq!((count(false), count(true)), (1, 1), "{role} {d}");
        }
    }
}

#[test]
fn a_customer_success_handbook_without_an_index_or_md_files() {
    let (file, messages) = imported("style-success", &data("handbook-success"), &[]);
    assert_eq!(
        messages,
        [
            "tests/data/handbook-success: warning: no README.md index page; the ladder's name, attributes and dimensions come from the level pages",
            "tests/data/handbook-success/L1-Customer-Success-Associate:3: warning: dimension \"Core Competencies\" is not on the index page; added as a dimension of its own",
            "tests/data/handbook-success/L1-Customer-Success-Associate:7: warning: dimension \"Relationship Building\" is not on the index page; added as a dimension of its own",
            "tests/data/handbook-success/L1-Customer-Success-Associate:3: warning: dimension \"Core Competencies\" has no examples (and on 3 more pages)",
            "tests/data/handbook-success/L1-Customer-Success-Associate:1: warning: no quoted self-description after the heading; the summary is left as the title (and on 3 more pages)",
            "note: tests/data/handbook-success/L1-Customer-Success-Associate has no `# LEVEL Title` heading: its first line is the title, level \"L1\" comes from the file name (and so for 3 more pages)",
            "note: inferred track ladder: L1-customer-success-associate → L2-customer-success-manager → L3-senior-customer-success-manager → L4-head-of-customer-success",
            // The LICENSE beside the pages is not Markdown: not read.
            "read 4 pages: 4 roles, 12 statements, 5 examples; 11 warnings",
        ]
    );
    let ladder = toml_of(&file);
    assert_eq!(ladder["name"].as_str(), Some("handbook-success"));
    assert_eq!(
        tracks(&ladder),
        [(
            "ladder".to_string(),
            [
                "L1-customer-success-associate",
                "L2-customer-success-manager",
                "L3-senior-customer-success-manager",
                "L4-head-of-customer-success"
            ]
            .map(String::from)
            .to_vec()
        )]
    );
    let (placed, _) = placements(&ladder);
    let (a, m, s, h) = (
        "L1-customer-success-associate",
        "L2-customer-success-manager",
        "L3-senior-customer-success-manager",
        "L4-head-of-customer-success",
    );
    let (core, rel) = ("core-competencies", "relationship-building");
    let rows = [
        (
            a,
            core,
            'E',
            "I answer customer questions within one working day.",
        ),
        (
            a,
            core,
            'E',
            "I keep account notes up to date after every call.",
        ),
        (
            a,
            rel,
            'E',
            "I run onboarding calls for new small accounts.",
        ),
        (
            a,
            rel,
            'X',
            "Customers rate my onboarding calls four out of five or better.",
        ),
        (
            m,
            core,
            'E',
            "I know our product well enough to show each customer the features they are missing.",
        ),
        (
            m,
            core,
            'E',
            "I spot accounts at risk from their usage and act before renewal.",
        ),
        (
            m,
            rel,
            'E',
            "I hold a quarterly review with each of my accounts.",
        ),
        (
            m,
            rel,
            'E',
            "I turn customer feedback into clear requests for the product team.",
        ),
        (
            m,
            rel,
            'X',
            "Renewed every account in my book for two quarters in a row.",
        ),
        (m, rel, 'X', "Brought a quiet account back to weekly use."),
        (
            s,
            core,
            'E',
            "I handle our largest and most complex accounts.",
        ),
        (
            s,
            core,
            'E',
            "I build playbooks that other managers follow.",
        ),
        (s, rel, 'E', "I build trust with executives at my accounts."),
        (
            s,
            rel,
            'X',
            "Wrote the renewal playbook the whole team now uses.",
        ),
        (
            h,
            core,
            'E',
            "I set retention goals for the team and report on them to leadership.",
        ),
        (
            h,
            rel,
            'E',
            "I represent our customers in company planning.",
        ),
        (
            h,
            rel,
            'X',
            "Raised net retention by eight points in one year.",
        ),
    ];
    assert_eq!(sorted(placed), sorted(expected(&rows)));
}

#[test]
fn a_data_handbook_with_its_own_headings_success_lists_and_a_prose_page() {
    let (file, messages) = imported("style-data", &data("handbook-data"), &[]);
    assert_eq!(
        messages,
        [
            "tests/data/handbook-data/README.md:19: warning: could not place code \"This block is not part of the ladder.\"",
            // Nothing is dropped unsaid: the links' targets go, their text stays.
            "tests/data/handbook-data/L2-Data-Analyst.md:7: warning: attribute \"Glossary\" keeps the text of its links but not their targets",
            "tests/data/handbook-data/L2-Data-Analyst.md:7: warning: attribute \"Glossary\" is not defined on the index page; added without a meaning",
            "tests/data/handbook-data/L3-Senior-Data-Analyst.md:1: warning: no value for attribute \"Glossary\" (and on 1 more page)",
            // The graduate page's second paragraph is text above its (absent) first section.
            "note: read the text above the first section as dimension \"Overview\" on tests/data/handbook-data/L1.0-Graduate-Data-Analyst.md",
            "note: read sections \"I deliver answers people can trust\", \"I deliver analysis that changes decisions\", \"I deliver models the business runs on\" as dimension \"Delivery\"",
            "note: read sections \"I collaborate with the people who ask\", \"I collaborate across teams\", \"I collaborate with leadership\" as dimension \"Collaboration\"",
            "note: read sections \"I keep growing\", \"I help others grow\", \"I grow the team\" as dimension \"Growth\"",
            "note: mapped attribute label \"Thinking horizon\" to \"Planning horizon\" (tests/data/handbook-data/L3-Senior-Data-Analyst.md:5)",
            "note: inferred track ladder: L1.0-graduate-data-analyst → L2-data-analyst → L3-senior-data-analyst → L4-lead-data-scientist",
            "read 5 pages: 4 roles, 13 statements, 9 examples; 5 warnings",
        ]
    );
    let ladder = toml_of(&file);
    assert_eq!(ladder["name"].as_str(), Some("Data Team Career Ladder"));
    assert_eq!(
        ladder["motto"].as_str(),
        Some("Questions answered well, decisions made better.")
    );
    let levels: Vec<&str> = ladder["levels"]
        .as_array()
        .expect("levels")
        .iter()
        .filter_map(|l| l.as_str())
        .collect();
    assert_eq!(levels, ["L1.0", "L2", "L3", "L4"]);
    let dimensions: Vec<&str> = ladder["dimension"]
        .as_array()
        .expect("dimensions")
        .iter()
        .filter_map(|d| d["id"].as_str())
        .collect();
    assert_eq!(
        dimensions,
        ["delivery", "collaboration", "growth", "overview"]
    );
    let graduate = &ladder["role"].as_array().expect("roles")[0];
    assert!(
        graduate["summary"]
            .as_str()
            .is_some_and(|s| s.starts_with("Graduates join us for a year of rotations")),
        "{graduate}"
    );
    let (placed, summaries) = placements(&ladder);
    assert_eq!(
        summaries,
        [(
            "L2-data-analyst".to_string(),
            "delivery".to_string(),
            "Every number I send has been checked twice.".to_string()
        )]
    );
    let (a, s, l) = (
        "L2-data-analyst",
        "L3-senior-data-analyst",
        "L4-lead-data-scientist",
    );
    let (del, col, gro) = ("delivery", "collaboration", "growth");
    let rows = [
        (
            "L1.0-graduate-data-analyst",
            "overview",
            'E',
            "Each rotation lasts three months and ends with a short write-up of what was learned.",
        ),
        (
            a,
            del,
            'E',
            "I write queries that others can read and rerun.",
        ),
        (
            a,
            del,
            'E',
            "I check my results against a second source before I share them.",
        ),
        (
            a,
            del,
            'X',
            "A weekly report that nobody has had to correct in a quarter.",
        ),
        (
            a,
            col,
            'E',
            "I ask what decision a question serves before I start.",
        ),
        (
            a,
            col,
            'X',
            "Turned a vague request for \"all the data\" into three focused charts.",
        ),
        (
            a,
            gro,
            'E',
            "I learn one new technique each quarter and show it to the team.",
        ),
        (
            a,
            gro,
            'X',
            "Presented a short session on window functions.",
        ),
        (
            s,
            del,
            'E',
            "I pick the questions that matter most for my area.",
        ),
        (
            s,
            del,
            'E',
            "I explain uncertainty in words that people without statistics can follow.",
        ),
        (
            s,
            del,
            'X',
            "An analysis that moved a launch date by a month.",
        ),
        (
            s,
            col,
            'E',
            "Within my product area: I meet each product manager every two weeks.",
        ),
        (
            s,
            col,
            'E',
            "Within my product area: I agree metric definitions with engineering before a launch.",
        ),
        (
            s,
            col,
            'X',
            "Agreed a single definition of an active user with two teams.",
        ),
        (
            s,
            gro,
            'E',
            "I review the work of junior analysts and explain my feedback.",
        ),
        (
            s,
            gro,
            'X',
            "Paired with a graduate on their first production dashboard.",
        ),
        (
            l,
            del,
            'E',
            "I decide which problems deserve a model and which need only a chart.",
        ),
        (
            l,
            del,
            'X',
            "Replaced a hand-tuned forecast with a model that halved its error.",
        ),
        (
            l,
            col,
            'E',
            "I bring the data team's view into company planning.",
        ),
        (
            l,
            col,
            'X',
            "Shaped the yearly plan with a study of which customers stay.",
        ),
        (
            l,
            gro,
            'E',
            "I hire data scientists and plan how they develop.",
        ),
        (
            l,
            gro,
            'X',
            "Hired four data scientists and wrote their onboarding plan.",
        ),
    ];
    assert_eq!(sorted(placed), sorted(expected(&rows)));
    // `show` says what a role does not state, and shows the dimension's own words.
    let shown = ok(&["--data", file.arg(), "show", "L1.0-graduate-data-analyst"]);
    assert!(shown.contains("Planning horizon  not stated"), "{shown}");
    let shown = ok(&["--data", file.arg(), "show", a, "--dimension", "delivery"]);
    assert!(
        shown.contains("“Every number I send has been checked twice.”"),
        "{shown}"
    );
}

#[test]
fn a_folder_without_level_pages_names_what_it_skipped() {
    let folder = Folder::new("style-empty");
    folder.write("book/notes.md", "Some notes, no heading.\n");
    folder.write("book/TODO", "finish the ladder\n");
    folder.write("book/picture.png", "not text");
    let err = fails(&["import", &folder.arg("book")], 1);
    assert_eq!(
        err.lines().last(),
        Some(
            format!(
                "error: no level pages in {:?}: expected Markdown files whose first heading reads like `# L3: Senior Engineer`; skipped \"TODO\" (not Markdown: no `.md`, and no level code in its name), \"notes.md\" (no `# LEVEL Title` heading first)",
                folder.arg("book")
            )
            .as_str()
        ),
        "{err}"
    );
}

#[test]
fn a_site_generator_handbook_with_front_matter_and_third_level_sections() {
    // Written for this test in the way Jekyll, Hugo or MkDocs sites keep pages: YAML front
    // matter on every page, the level's title only there, and `###` headings for sections.
    let folder = Folder::new("front-matter");
    folder.write(
        "book/README.md",
        "---\ntitle: \"Reliability Engineering\"\nlayout: handbook\n---\n\n\
         We keep the platform up.\n\n## Competencies\n\n\
         - **Operations**: running services\n- **Automation**: removing toil\n\n\
         ## Levels\n\n1. [R1: Reliability Engineer](R1.md)\n\
         2. [R2: Senior Reliability Engineer](R2.md)\n",
    );
    // R1 describes itself in a quote, R2 in a plain paragraph: both are the summary.
    let pages = [
        (
            "R1.md",
            "R1: Reliability Engineer",
            "> Keeps one service healthy.",
            "Handles a routine page.",
            "Scripts a manual task.",
        ),
        (
            "R2.md",
            "R2: Senior Reliability Engineer",
            "Keeps a group of services healthy.",
            "Leads a major incident.",
            "Removes a class of toil.",
        ),
    ];
    for (file, title, lead, ops, auto) in pages {
        folder.write(
            &format!("book/{file}"),
            format!(
                "---\ntitle: \"{title}\"\nweight: 1\n---\n\n{lead}\n\n\
                 ### Operations\n\n- {ops}\n\n### Automation\n\n- {auto}\n"
            ),
        );
    }
    let (file, _) = imported("front-matter-import", &folder.arg("book"), &[]);
    let ladder = toml_of(&file);
    assert_eq!(ladder["name"].as_str(), Some("Reliability Engineering"));
    // `**Name**: meaning` items under a "Competencies" heading are dimensions, not attributes.
    let ids = |key: &str| -> Vec<String> {
        ladder
            .get(key)
            .and_then(|v| v.as_array())
            .map_or(Vec::new(), |a| {
                a.iter()
                    .map(|d| d["id"].as_str().expect("id").to_string())
                    .collect()
            })
    };
    assert_eq!(ids("dimension"), ["operations", "automation"]);
    assert_eq!(ids("attribute"), Vec::<String>::new());
    let titles: Vec<&str> = ladder["role"]
        .as_array()
        .expect("roles")
        .iter()
        .map(|r| r["title"].as_str().expect("title"))
        .collect();
    assert_eq!(
        titles,
        ["Reliability Engineer", "Senior Reliability Engineer"]
    );
    let summaries: Vec<&str> = ladder["role"]
        .as_array()
        .expect("roles")
        .iter()
        .map(|r| r["summary"].as_str().expect("summary"))
        .collect();
    assert_eq!(
        summaries,
        [
            "Keeps one service healthy.",
            "Keeps a group of services healthy."
        ]
    );
    // Each `###` section is its own dimension: nothing runs on into the one before.
    let (placed, _) = placements(&ladder);
    assert_eq!(
        sorted(placed),
        sorted(expected(&[
            (
                "R1-reliability-engineer",
                "operations",
                'E',
                "Handles a routine page."
            ),
            (
                "R1-reliability-engineer",
                "automation",
                'E',
                "Scripts a manual task."
            ),
            (
                "R2-senior-reliability-engineer",
                "operations",
                'E',
                "Leads a major incident."
            ),
            (
                "R2-senior-reliability-engineer",
                "automation",
                'E',
                "Removes a class of toil."
            ),
        ]))
    );
}
