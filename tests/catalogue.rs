//! `--data DIR`: a folder of ladders as one catalogue, its roles named across ladders.

use super::*;

/// The catalogue fixture: `design` (tests/data/design.toml) and `secops` (the embedded ladder).
const CATALOGUE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/catalogue");

/// `ladder --data CATALOGUE ARGS...`
fn in_catalogue(args: &[&str]) -> Vec<String> {
    ["--data", CATALOGUE]
        .iter()
        .chain(args)
        .map(|a| a.to_string())
        .collect()
}

fn ok_in(args: &[&str]) -> String {
    let full = in_catalogue(args);
    ok(&full.iter().map(String::as_str).collect::<Vec<_>>())
}

fn fails_in(args: &[&str], code: i32) -> String {
    let full = in_catalogue(args);
    fails(&full.iter().map(String::as_str).collect::<Vec<_>>(), code)
}

#[test]
fn a_role_unique_in_the_catalogue_resolves_as_in_its_ladder() {
    assert_eq!(
        ok_in(&["show", "L3-senior-security-engineer"]),
        ok(&["show", "L3-senior-security-engineer"])
    );
    assert_eq!(
        ok_in(&["show", "P3", "--track", "systems"]),
        ok(&["--data", DESIGN, "show", "P3", "--track", "systems"])
    );
    // The variable names a folder as the flag does.
    let by_env = run(ladder(&["show", "cloud"]).env("LADDER_DATA", CATALOGUE));
    assert_eq!(
        String::from_utf8_lossy(&by_env.stdout),
        ok(&["show", "cloud"])
    );
}

#[test]
fn a_qualified_name_resolves_inside_its_ladder() {
    assert_eq!(
        ok_in(&["show", "secops/L3", "--track", "engineer"]),
        ok(&["show", "L3-senior-security-engineer"])
    );
    assert_eq!(
        ok_in(&["show", "SECOPS/senior-cloud"]),
        ok(&["show", "L3-senior-cloud-security-engineer"])
    );
    assert_eq!(
        ok_in(&["next", "design/P1"]),
        ok(&["--data", DESIGN, "next", "P1"])
    );
    assert_eq!(
        ok_in(&["diff", "secops/L2", "L3", "--track", "engineer"]),
        ok(&["diff", "L2", "L3", "--track", "engineer"])
    );
    assert_eq!(
        fails_in(&["show", "secops/L3"], 2),
        "error: \"L3\" matches 3 roles: L3-senior-security-analyst, L3-senior-security-engineer, \
         L3-senior-cloud-security-engineer; add --track (analyst, engineer, cloud) or give a full id\n"
    );
    assert_eq!(
        fails_in(&["show", "sec/L3"], 2),
        "error: unknown ladder \"sec\"; the ladders are design, secops\n"
    );
}

#[test]
fn an_ambiguous_name_lists_the_qualified_candidates() {
    assert_eq!(
        fails_in(&["show", "senior"], 2),
        "error: \"senior\" matches 5 roles in the catalogue: design/P3-senior-product-designer, \
         design/P3-senior-design-researcher, secops/L3-senior-security-analyst, \
         secops/L3-senior-security-engineer, secops/L3-senior-cloud-security-engineer; \
         give LADDER/ROLE\n"
    );
    // All in one ladder: that ladder's tracks may settle it.
    assert_eq!(
        fails_in(&["show", "L3"], 2),
        "error: \"L3\" matches 3 roles: secops/L3-senior-security-analyst, \
         secops/L3-senior-security-engineer, secops/L3-senior-cloud-security-engineer; \
         add --track (analyst, engineer, cloud) or give a full id\n"
    );
    assert_eq!(
        fails_in(&["show", "L3-senior-security-enginer"], 2),
        "error: no role of any ladder matches \"L3-senior-security-enginer\"; \
         did you mean secops/L3-senior-security-engineer?\n"
    );
    assert_eq!(
        fails_in(&["show", "L3", "--track", "nowhere"], 2),
        "error: unknown track \"nowhere\": no ladder of the catalogue has it; \
         run `ladder tracks`\n"
    );
}

#[test]
fn the_ladder_flag_narrows_every_command_to_one_ladder() {
    for args in [
        &["tracks"][..],
        &["dimensions"],
        &["list"],
        &["show", "P2-product-designer"],
    ] {
        let mut narrowed = vec!["--ladder", "design"];
        narrowed.extend(args);
        let mut single = vec!["--data", DESIGN];
        single.extend(args);
        assert_eq!(ok_in(&narrowed), ok(&single), "{args:?}");
    }
    assert_eq!(
        ok_in(&["--ladder", "Design", "show", "design/P2-product-designer"]),
        ok(&["--data", DESIGN, "show", "P2-product-designer"])
    );
    assert_eq!(
        fails_in(&["--ladder", "design", "show", "secops/L2"], 2),
        "error: \"secops/L2\" names a role of ladder \"secops\", but --ladder chose design\n"
    );
    assert_eq!(
        fails_in(&["--ladder", "sre", "list"], 2),
        "error: unknown ladder \"sre\"; the ladders are design, secops\n"
    );
    assert_eq!(
        fails(&["--ladder", "design", "list"], 2),
        "error: --ladder chooses a ladder of a catalogue; use it with --data DIR (or LADDER_DATA=DIR)\n"
    );
}

#[test]
fn a_folder_of_one_ladder_works_as_that_file() {
    let folder = Folder::new("catalogue-of-one");
    folder.write("design.toml", std::fs::read(DESIGN).expect("design"));
    folder.write("notes.txt", "not a ladder");
    folder.write(".hidden.toml", "not read");
    let dir = folder.arg("");
    for args in [
        &["list"][..],
        &["tracks"],
        &["dimensions"],
        &["path", "--track", "research"],
        &["show", "--all", "--track", "systems"],
        &["show", "P2-product-designer"],
    ] {
        for format in ["table", "json", "markdown", "tsv"] {
            let mut full = vec!["--data", dir.as_str(), "--format", format];
            full.extend(args);
            let mut single = vec!["--data", DESIGN, "--format", format];
            single.extend(args);
            assert_eq!(ok(&full), ok(&single), "{args:?} {format}");
        }
    }
}

#[test]
fn a_bad_file_in_the_folder_is_one_error_line_naming_it() {
    let folder = Folder::new("catalogue-bad");
    folder.write("design.toml", std::fs::read(DESIGN).expect("design"));
    let dir = folder.arg("");
    let broken = folder.write("broken.toml", "name = \"Broken\"\nlevels = [\n");
    let err = fails(&["--data", &dir, "show", "P2-product-designer"], 1);
    assert!(
        err.starts_with(&format!("error: {}:", broken.display())) && err.lines().count() == 1,
        "{err}"
    );
    std::fs::remove_file(&broken).expect("removed");

    folder.write("bad name.toml", std::fs::read(DESIGN).expect("design"));
    assert_eq!(
        fails(&["--data", &dir, "show", "P2-product-designer"], 1),
        format!(
            "error: ladder file {:?}: its name is not a ladder id (ASCII letters, digits, '-', '_', '.', starting with a letter or digit)\n",
            folder.arg("bad name.toml")
        )
    );
    std::fs::remove_file(folder.join("bad name.toml")).expect("removed");

    std::os::unix::fs::symlink(DESIGN, folder.join("outside.toml")).expect("symlink");
    assert_eq!(
        fails(&["--data", &dir, "show", "P2-product-designer"], 1),
        format!(
            "error: ladder file {:?} is a symbolic link out of its folder\n",
            folder.arg("outside.toml")
        )
    );
    std::fs::remove_file(folder.join("outside.toml")).expect("removed");
    // A link to a file inside the folder is that file under another id.
    std::os::unix::fs::symlink(folder.join("design.toml"), folder.join("alias.toml"))
        .expect("symlink");
    assert_eq!(
        ok(&["--data", &dir, "show", "alias/P2-product-designer"]),
        ok(&["--data", DESIGN, "show", "P2-product-designer"])
    );

    let empty = Folder::new("catalogue-empty");
    assert_eq!(
        fails(&["--data", &empty.arg(""), "list"], 1),
        format!(
            "error: folder {:?} holds no ladder file (*.toml)\n",
            empty.arg("")
        )
    );
}

#[test]
fn show_of_a_qualified_role_reads_only_its_ladder() {
    let folder = Folder::new("catalogue-lazy");
    folder.write("design.toml", std::fs::read(DESIGN).expect("design"));
    // Another ladder that cannot even be parsed: never read for `design/...`.
    folder.write("other.toml", "this is not toml [");
    let dir = folder.arg("");
    assert_eq!(
        ok(&["--data", &dir, "show", "design/P2-product-designer"]),
        ok(&["--data", DESIGN, "show", "P2-product-designer"])
    );
    assert_eq!(
        ok(&["--data", &dir, "--ladder", "design", "list"]),
        ok(&["--data", DESIGN, "list"])
    );
}

#[test]
fn list_puts_each_ladders_roles_under_a_heading() {
    assert_eq!(
        ok_in(&["list", "--track", "research"]),
        "design: Product Design

P2  P2-design-researcher         research
    Design Researcher: Plans and runs research studies that answer a team's questions about its
    users.
P3  P3-senior-design-researcher  research
    Senior Design Researcher: Leads research for a product area and builds a shared picture of its
    users over time.
P4  P4-staff-designer            product, research, systems
    Staff Designer: Solves design problems that span several product areas and raises the craft of
    the whole team.
P5  P5-design-director           product, research, systems
    Design Director: Sets the vision for design across the company and builds the team that delivers
    it.
"
    );
    // Every ladder, each after the one before, under its own heading.
    let all = ok_in(&["list"]);
    let design = ok(&["--data", DESIGN, "list"]);
    let secops = ok(&["list"]);
    assert_eq!(
        all,
        format!("design: Product Design\n\n{design}\nsecops: Security Operations\n\n{secops}")
    );
    let ids = ok_in(&["list", "--ids"]);
    let lines: Vec<&str> = ids.lines().collect();
    assert_eq!(lines.len(), 15);
    assert_eq!(lines[0], "design/P1-junior-designer");
    assert_eq!(lines[14], "secops/L4-technical-lead");
    // Each id as listed names its role.
    assert_eq!(
        ok_in(&["show", lines[14]]),
        ok(&["show", "L4-technical-lead"])
    );
}

#[test]
fn list_in_json_and_tsv_carries_the_ladder_id() {
    let doc = json(&["--data", CATALOGUE, "list", "--track", "systems"]);
    assert_eq!(doc["schema"], 2);
    let roles = doc["roles"].as_array().expect("roles");
    assert_eq!(
        keys(&roles[0]),
        ["ladder", "id", "level", "title", "tracks", "summary"]
    );
    let pairs: Vec<(&str, &str)> = roles
        .iter()
        .map(|r| {
            (
                r["ladder"].as_str().expect("ladder"),
                r["id"].as_str().expect("id"),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("design", "P3-design-systems-designer"),
            ("design", "P4-staff-designer"),
            ("design", "P5-design-director")
        ]
    );
    let tsv = ok_in(&["list", "--format", "tsv"]);
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines[0], "ladder\trole\tlevel\ttitle\ttracks\tsummary");
    assert!(
        lines[1].starts_with("design\tP1-junior-designer\tP1\tJunior Designer\tproduct\t"),
        "{}",
        lines[1]
    );
    assert!(lines[15].starts_with("secops\tL4-technical-lead\tL4\t"));
    assert_eq!(lines.len(), 16);
}

#[test]
fn ladders_lists_each_ladder_with_its_roles_and_tracks() {
    assert_eq!(
        ok_in(&["ladders"]),
        "Ladder  Name                 Roles  Tracks
design  Product Design       8      product, research, systems
secops  Security Operations  7      analyst, engineer, cloud
"
    );
    assert_eq!(
        ok_in(&["ladders", "--format", "tsv", "--no-header"]),
        "design\tProduct Design\t8\tproduct,research,systems\n\
         secops\tSecurity Operations\t7\tanalyst,engineer,cloud\n"
    );
    let doc = json(&["--data", CATALOGUE, "ladders"]);
    assert_eq!(doc["ladders"][1]["id"], "secops");
    assert_eq!(doc["ladders"][1]["roles"], 7);
    // Outside a catalogue: the one ladder in use, without an id.
    assert_eq!(
        ok(&["ladders", "--format", "tsv", "--no-header"]),
        "\tSecurity Operations\t7\tanalyst,engineer,cloud\n"
    );
    assert_eq!(
        json(&["ladders"])["ladders"][0]["id"],
        serde_json::Value::Null
    );
}

#[test]
fn search_runs_across_every_ladder_and_each_hit_names_its_ladder() {
    let tsv = ok_in(&["search", "mentor", "--format", "tsv"]);
    let places: Vec<String> = tsv
        .lines()
        .map(|l| l.split('\t').take(3).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        places,
        [
            "ladder role field",
            "design P3-senior-product-designer expectation",
            "design P3-senior-design-researcher expectation",
            "secops L3-senior-security-analyst summary",
            "secops L3-senior-security-engineer example",
            "secops L3-senior-cloud-security-engineer example",
            "secops L4-technical-lead example",
            "secops L4-technical-lead expectation",
        ]
    );
    let table = ok_in(&["search", "mentor", "--level", "P3"]);
    assert_eq!(
        table,
        "design/P3-senior-product-designer  🤝 Collaboration › Mentoring
    Mentors one or two designers through their growth plans.

design/P3-senior-design-researcher  🤝 Collaboration › Mentoring
    Mentors researchers and designers in planning and analysing studies.
"
    );
    let doc = json(&["--data", CATALOGUE, "search", "mentor", "--level", "L3"]);
    assert_eq!(doc["hits"][0]["ladder"], "secops");
    assert_eq!(doc["hits"][0]["role"], "L3-senior-security-analyst");
    // Grep's exit codes hold across ladders; a bad pattern is still a usage error.
    assert_eq!(fails_in(&["search", "zzzqqq"], 1), "");
    assert_eq!(
        fails_in(&["search", "(", "--regex"], 2),
        "error: invalid regular expression \"(\": unclosed group\n"
    );
    assert_eq!(
        fails_in(&["search", "mentor", "--level", "Q9"], 2),
        "error: no ladder of the catalogue has that dimension and level; \
         run `ladder dimensions`\n"
    );
}

/// What `ladder --data FILE ARGS...` prints, for the ladders of the catalogue fixture.
fn single(file: &str, args: &[&str]) -> String {
    match file {
        "secops" => ok(args),
        _ => {
            let mut full = vec!["--data", DESIGN];
            full.extend(args);
            ok(&full)
        }
    }
}

#[test]
fn tracks_dimensions_and_show_all_put_each_ladder_under_its_heading() {
    for args in [&["tracks"][..], &["dimensions"], &["show", "--all"]] {
        let (design, secops) = (single("design", args), single("secops", args));
        assert_eq!(
            ok_in(args),
            format!("design: Product Design\n\n{design}\nsecops: Security Operations\n\n{secops}"),
            "{args:?}"
        );
    }
    // Only the ladders that have the track, as `list --track` does.
    let args = [
        "show",
        "--all",
        "--track",
        "analyst",
        "--dimension",
        "teaching",
    ];
    assert_eq!(
        ok_in(&args),
        format!("secops: Security Operations\n\n{}", single("secops", &args))
    );
}

#[test]
fn path_lays_out_the_track_in_each_ladder_that_has_it() {
    assert_eq!(
        ok_in(&["path", "--track", "systems", "--dimension", "impact"]),
        "design: Product Design

systems  Design Systems Designer
P3 Design Systems Designer → P4 Staff Designer → P5 Design Director

Attributes
┌──────────────────────┬────────────────────────┬────────────────────────┬────────────────────────┐
│ Attribute            ┆ P3 Design Systems      ┆ P4 Staff Designer      ┆ P5 Design Director     │
│                      ┆ Designer               ┆                        ┆                        │
╞══════════════════════╪════════════════════════╪════════════════════════╪════════════════════════╡
│ Scope of work        ┆ The shared design      ┆ Several product areas  ┆ The whole product      │
│                      ┆ system                 ┆                        ┆                        │
├╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┤
│ Autonomy             ┆ Sets the system's      ┆ Chooses which          ┆ Sets the direction of  │
│                      ┆ priorities within      ┆ cross-team problems to ┆ the design function    │
│                      ┆ agreed goals           ┆ take on                ┆                        │
└──────────────────────┴────────────────────────┴────────────────────────┴────────────────────────┘

📈 Impact
┌──────────────────────┬────────────────────────┬────────────────────────┬────────────────────────┐
│ Theme                ┆ P3 Design Systems      ┆ P4 Staff Designer      ┆ P5 Design Director     │
│                      ┆ Designer               ┆                        ┆                        │
╞══════════════════════╪════════════════════════╪════════════════════════╪════════════════════════╡
│ User and business    ┆ • Cuts the time        ┆ • Delivers changes     ┆ • Makes design a       │
│ outcomes             ┆   product teams spend  ┆   that move goals      ┆   visible driver of    │
│                      ┆   rebuilding common    ┆   shared by several    ┆   company results.     │
│                      ┆   patterns.            ┆   product areas.       ┆                        │
├╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┤
│ Influence on         ┆ • Decides which        ┆ • Shapes product       ┆ • Brings the voice of  │
│ decisions            ┆   patterns become part ┆   strategy with senior ┆   users to the         │
│                      ┆   of the system and    ┆   leaders through      ┆   company's most       │
│                      ┆   explains why.        ┆   design and research  ┆   important decisions. │
│                      ┆                        ┆   evidence.            ┆                        │
├╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┤
│ Design practice      ┆ • Writes usage         ┆ • Raises the standard  ┆ • Hires, structures    │
│                      ┆   guidelines that      ┆   of the design        ┆   and funds the design │
│                      ┆   answer the common    ┆   practice across the  ┆   function to match    │
│                      ┆   questions before     ┆   company.             ┆   the company's goals. │
│                      ┆   they are asked.      ┆                        ┆                        │
└──────────────────────┴────────────────────────┴────────────────────────┴────────────────────────┘
"
    );
    let args = ["path", "--track", "cloud"];
    assert_eq!(
        ok_in(&args),
        format!("secops: Security Operations\n\n{}", single("secops", &args))
    );
    // An error only when no ladder has the track, or none of those the dimension.
    assert_eq!(
        fails_in(&["path", "--track", "platform"], 2),
        "error: unknown track \"platform\": no ladder of the catalogue has it; \
         run `ladder tracks`\n"
    );
    assert_eq!(
        fails_in(&["show", "--all", "--dimension", "zzz"], 2),
        "error: no ladder of the catalogue has dimension \"zzz\"; run `ladder dimensions`\n"
    );
    // One ladder has the track: its own error, which names its dimensions.
    assert_eq!(
        fails_in(
            &["path", "--track", "research", "--dimension", "teaching"],
            2
        ),
        "error: unknown dimension \"teaching\"; the dimensions are craft, collaboration, impact\n"
    );
    // A ladder without the dimension is left out, as one without the track is.
    assert_eq!(
        ok_in(&["show", "--all", "--dimension", "craft"]),
        format!(
            "design: Product Design\n\n{}",
            single("design", &["show", "--all", "--dimension", "craft"])
        )
    );
}

/// Each line of `text` but the first (a header line), led by `ladder` and a tab.
fn led_by(ladder: &str, text: &str) -> String {
    text.lines()
        .skip(1)
        .map(|l| format!("{ladder}\t{l}\n"))
        .collect()
}

#[test]
fn catalogue_views_in_tsv_lead_each_record_with_its_ladder() {
    for args in [
        &["tracks"][..],
        &["dimensions"],
        &["show", "--all"],
        &["path", "--track", "research"],
    ] {
        let mut tsv = vec!["--format", "tsv"];
        tsv.extend(args);
        let design = single("design", &tsv);
        // The ladders that have the track, under one header.
        let expected = match args {
            ["path", ..] => led_by("design", &design),
            _ => led_by("design", &design) + &led_by("secops", &single("secops", &tsv)),
        };
        let header = design.lines().next().expect("header");
        assert_eq!(
            ok_in(&tsv),
            format!("ladder\t{header}\n{expected}"),
            "{args:?}"
        );
    }
    assert!(ok_in(&["tracks", "--format", "tsv"]).starts_with(
        "ladder\ttrack\tname\tstep\tlevel\trole\ndesign\tproduct\tProduct Designer\t1\tP1\t"
    ));
    let tsv = ok_in(&["tracks", "--format", "tsv", "--no-header"]);
    assert_eq!(tsv.lines().count(), 22);
    assert!(
        tsv.lines()
            .all(|l| l.starts_with("design\t") || l.starts_with("secops\t"))
    );
}

/// A JSON value without its `ladder` field.
fn without_ladder(value: &serde_json::Value) -> serde_json::Value {
    let mut value = value.clone();
    value.as_object_mut().expect("object").remove("ladder");
    value
}

/// `field` of a document of the design ladder and of the embedded one, one after the other.
fn both(field: &str, args: &[&str]) -> Vec<serde_json::Value> {
    let mut json_args = vec!["--format", "json"];
    json_args.extend(args);
    let parse = |text: String| -> serde_json::Value { serde_json::from_str(&text).expect("JSON") };
    let (design, secops) = (
        parse(single("design", &json_args)),
        parse(single("secops", &json_args)),
    );
    let items = |doc: &serde_json::Value| doc[field].as_array().expect(field).clone();
    items(&design).into_iter().chain(items(&secops)).collect()
}

/// The items of `field` of a catalogue document, each checked to name `ladder` first, and the
/// ladders they name.
fn named(doc: &serde_json::Value, field: &str) -> (Vec<serde_json::Value>, Vec<String>) {
    let items = doc[field].as_array().expect(field);
    let ladders = items
        .iter()
        .map(|item| {
            assert_eq!(keys(item)[0], "ladder", "{field}: {item}");
            item["ladder"].as_str().expect("ladder").to_string()
        })
        .collect();
    (items.iter().map(without_ladder).collect(), ladders)
}

#[test]
fn catalogue_views_in_json_name_the_ladder_of_each_item() {
    let doc = json(&["--data", CATALOGUE, "tracks"]);
    assert_eq!(keys(&doc), ["schema", "tracks"]);
    let (tracks, ladders) = named(&doc, "tracks");
    assert_eq!(tracks, both("tracks", &["tracks"]));
    assert_eq!(
        ladders,
        ["design", "design", "design", "secops", "secops", "secops"]
    );
    assert_eq!(keys(&doc["tracks"][0]), ["ladder", "id", "name", "roles"]);

    let doc = json(&["--data", CATALOGUE, "dimensions"]);
    assert_eq!(keys(&doc), ["schema", "attributes", "dimensions", "bands"]);
    for field in ["attributes", "dimensions", "bands"] {
        let (items, _) = named(&doc, field);
        assert_eq!(items, both(field, &["dimensions"]), "{field}");
    }
    assert_eq!(
        keys(&doc["attributes"][0]),
        ["ladder", "id", "name", "meaning"]
    );

    // show --all: each ladder's head under `ladders`, then the parts of every ladder.
    let doc = json(&["--data", CATALOGUE, "show", "--all"]);
    assert_eq!(
        keys(&doc),
        [
            "schema",
            "ladders",
            "attributes",
            "dimensions",
            "bands",
            "tracks",
            "roles"
        ]
    );
    assert_eq!(
        doc["ladders"],
        serde_json::json!([
            { "id": "design", "name": "Product Design", "levels": ["P1", "P2", "P3", "P4", "P5"] },
            { "id": "secops", "name": "Security Operations", "levels": ["L1", "L2", "L3", "L4"] }
        ])
    );
    for field in ["attributes", "dimensions", "bands", "tracks", "roles"] {
        let (items, _) = named(&doc, field);
        assert_eq!(items, both(field, &["show", "--all"]), "{field}");
    }
    let (_, ladders) = named(&doc, "roles");
    assert_eq!(ladders.iter().filter(|l| *l == "design").count(), 8);
    assert_eq!(ladders.iter().filter(|l| *l == "secops").count(), 7);

    // path: the path of each ladder that has the track, whole, under `paths`.
    let doc = json(&["--data", CATALOGUE, "path", "--track", "engineer"]);
    assert_eq!(keys(&doc), ["schema", "paths"]);
    let paths = doc["paths"].as_array().expect("paths");
    assert_eq!(paths.len(), 1);
    assert_eq!(
        keys(&paths[0]),
        ["ladder", "track", "roles", "attributes", "dimensions"]
    );
    assert_eq!(paths[0]["ladder"], "secops");
    let mut alone = json(&["path", "--track", "engineer"]);
    alone.as_object_mut().expect("object").remove("schema");
    assert_eq!(without_ladder(&paths[0]), alone);
}

#[test]
fn catalogue_views_in_markdown_put_each_ladder_under_a_second_level_heading() {
    let md = |args: &[&str]| {
        let mut full = vec!["--format", "markdown"];
        full.extend(args);
        ok_in(&full)
    };
    let single_md = |file: &str, args: &[&str]| {
        let mut full = vec!["--format", "markdown"];
        full.extend(args);
        single(file, &full)
    };
    // Each heading of a ladder's view a level deeper, under the ladder's own.
    let deeper = |text: String| -> String {
        text.lines()
            .map(|l| match l.starts_with('#') {
                true => format!("#{l}\n"),
                false => format!("{l}\n"),
            })
            .collect()
    };
    let under = |id: &str, name: &str, view: String| format!("## {id}: {name}\n\n{view}");
    for args in [&["tracks"][..], &["dimensions"]] {
        assert_eq!(
            md(args),
            under(
                "design",
                "Product Design",
                deeper(single_md("design", args))
            ) + "\n"
                + &under(
                    "secops",
                    "Security Operations",
                    deeper(single_md("secops", args))
                ),
            "{args:?}"
        );
    }
    // show --all: the ladder's heading in place of its title.
    let args = ["show", "--all", "--track", "research"];
    let alone = single_md("design", &args);
    let body = alone.strip_prefix("# Product Design\n\n").expect("titled");
    assert_eq!(
        md(&args),
        under("design", "Product Design", deeper(body.to_string()))
    );
    let args = ["path", "--track", "research"];
    assert_eq!(
        md(&args),
        under(
            "design",
            "Product Design",
            deeper(deeper(single_md("design", &args)))
        )
    );
    assert!(md(&args).starts_with(
        "## design: Product Design\n\n### Track research: Design Researcher\n\n#### Attributes\n"
    ));
}

#[test]
fn validate_of_a_folder_reports_each_file_under_it() {
    let folder = Folder::new("catalogue-validate");
    let design = std::fs::read(DESIGN).expect("design");
    folder.write("design.toml", &design);
    folder.write("Design.toml", &design);
    folder.write("broken.toml", "name = \"Broken\"\nlevels = [\n");
    folder.write("bad name.toml", &design);
    let dir = folder.arg("");
    let out = run(&mut ladder(&[
        "validate",
        &dir,
        "--format",
        "tsv",
        "--no-header",
    ]));
    assert_eq!(out.status.code(), Some(1));
    let records = String::from_utf8(out.stdout).expect("UTF-8");
    let (broken, bad, upper, lower) = (
        folder.arg("broken.toml"),
        folder.arg("bad name.toml"),
        folder.arg("Design.toml"),
        folder.arg("design.toml"),
    );
    let lines: Vec<&str> = records.lines().collect();
    assert_eq!(lines.len(), 3, "{records}");
    assert_eq!(
        lines[0],
        format!(
            "{bad}\t1\t1\terror\tladder file {bad:?}: its name is not a ladder id \
             (ASCII letters, digits, '-', '_', '.', starting with a letter or digit)"
        )
    );
    assert_eq!(
        lines[1],
        format!("{broken}\t2\t11\terror\tunclosed array, expected `]`")
    );
    assert_eq!(
        lines[2],
        format!(
            "{lower}\t1\t1\terror\tladder id \"design\" repeats \"Design\": ids must differ in more than case"
        )
    );
    // In the table, each file's findings come under it, with its count.
    let table = run(&mut ladder(&["--data", &dir, "validate"]));
    let table = String::from_utf8(table.stdout).expect("UTF-8");
    let counts: Vec<&str> = table
        .lines()
        .filter(|l| l.contains(": ") && l.ends_with("warnings"))
        .collect();
    assert_eq!(
        counts,
        [
            format!("{upper}: 0 errors, 0 warnings"),
            format!("{bad}: 1 error, 0 warnings"),
            format!("{broken}: 1 error, 0 warnings"),
            format!("{lower}: 1 error, 0 warnings"),
        ]
    );
    // A finding about a file as a whole has no source line to show, so no empty excerpt.
    let wide = run(ladder(&["--data", &dir, "validate"]).env("COLUMNS", "200"));
    let wide = String::from_utf8(wide.stdout).expect("UTF-8");
    assert!(
        wide.contains(&format!(
            "{lower}:1:1: error: ladder id \"design\" repeats \"Design\": ids must differ in \
             more than case\n{lower}: 1 error, 0 warnings\n"
        )),
        "{wide}"
    );
    // A clean catalogue passes.
    assert_eq!(
        ok(&["validate", CATALOGUE, "--format", "tsv", "--no-header"])
            .lines()
            .filter(|l| l.contains("\terror\t"))
            .count(),
        0
    );
}

#[test]
fn completions_offer_qualified_role_ids_and_ladder_ids() {
    let candidates = |words: &[&str]| {
        let mut cmd = ladder(&[&["--", "ladder", "--data", CATALOGUE][..], words].concat());
        cmd.env("LADDER_COMPLETE", "fish").env_remove("LADDER_DATA");
        let out = run(&mut cmd);
        assert_eq!(out.status.code(), Some(0), "{words:?}");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    assert_eq!(
        candidates(&["show", "design/p3"]),
        "design/P3-senior-product-designer\tSenior Product Designer\n\
         design/P3-senior-design-researcher\tSenior Design Researcher\n\
         design/P3-design-systems-designer\tDesign Systems Designer\n"
    );
    assert_eq!(
        candidates(&["--ladder", ""]),
        "design\tProduct Design\nsecops\tSecurity Operations\n"
    );
    // Tracks of every ladder, each once.
    assert_eq!(
        candidates(&["list", "--track", "s"]),
        "systems\tDesign Systems Designer\n"
    );
}

/// A catalogue of the embedded ladder (`secops`), the design ladder, and `sre`: the embedded
/// ladder with a dimension and an attribute under other ids (same names), and a dimension
/// under another id and name ("Teaching and Mentoring" → "Mentoring").
fn renamed_catalogue(test: &str) -> Folder {
    let folder = Folder::new(test);
    folder.write("secops.toml", DATA);
    folder.write("design.toml", std::fs::read(DESIGN).expect("design"));
    let sre = DATA
        .replace("domain-expertise", "expertise")
        .replace("impact-radius", "reach")
        .replace("teaching-mentoring", "mentoring")
        .replace("Teaching and Mentoring", "Mentoring");
    folder.write("sre.toml", sre);
    folder
}

#[test]
fn diff_across_ladders_lines_up_dimensions_themes_and_attributes() {
    let folder = renamed_catalogue("catalogue-diff");
    let dir = folder.arg("");
    // By id, by name, or by the words of the name: the same role reads the same.
    let same = ok(&[
        "--data",
        &dir,
        "diff",
        "secops/L3-senior-security-engineer",
        "sre/L3-senior-security-engineer",
        "--format",
        "tsv",
        "--no-header",
    ]);
    assert!(!same.is_empty());
    let changes: Vec<&str> = same
        .lines()
        .map(|l| l.split('\t').nth(4).unwrap_or(""))
        .collect();
    assert!(changes.iter().all(|c| *c == "same"), "{same}");
    let doc = json(&[
        "--data",
        &dir,
        "diff",
        "secops/L2-security-engineer",
        "sre/L3-senior-security-engineer",
    ]);
    assert_eq!(doc["only_at_a"], serde_json::Value::Null);
    assert_eq!(doc["dimensions"][0]["dimension"], "domain-expertise");
    assert_eq!(doc["dimensions"][1]["dimension"], "teaching-mentoring");
    // It reads as the same diff within one ladder.
    let within = json(&[
        "diff",
        "L2-security-engineer",
        "L3-senior-security-engineer",
    ]);
    assert_eq!(doc["counts"], within["counts"]);
    assert_eq!(doc["attributes"], within["attributes"]);

    // Ladders with no dimension in common: the summary says which each has alone.
    let table = ok(&[
        "--data",
        &dir,
        "diff",
        "secops/L3-senior-security-engineer",
        "design/P3-senior-product-designer",
    ]);
    let summary: Vec<&str> = table.lines().skip(4).take(11).collect();
    assert_eq!(
        summary,
        [
            "🦉 Domain Expertise: 5 not restated",
            "🌱 Teaching and Mentoring: 2 not restated",
            "🧭 Culture and Leadership: 7 not restated",
            "🏆 Business Success: 4 not restated",
            "✏️ Craft: 3 new",
            "🤝 Collaboration: 3 new",
            "📈 Impact: 3 new",
            "Only A's ladder has: 🦉 Domain Expertise, 🌱 Teaching and Mentoring, 🧭 Culture and Leadership, 🏆",
            "  Business Success",
            "Only B's ladder has: ✏️ Craft, 🤝 Collaboration, 📈 Impact",
            "",
        ]
    );
    let doc = json(&[
        "--data",
        &dir,
        "diff",
        "secops/L3-senior-security-engineer",
        "design/P3-senior-product-designer",
    ]);
    assert_eq!(
        doc["only_at_b"],
        serde_json::json!(["craft", "collaboration", "impact"])
    );
    assert_eq!(
        fails(
            &[
                "--data",
                &dir,
                "diff",
                "secops/L3-senior-security-engineer",
                "design/P3-senior-product-designer",
                "--dimension",
                "craft"
            ],
            2
        ),
        "error: --dimension names a dimension of one ladder; A and B are of two\n"
    );
}

/// The names of the files under `dir`, with their subfolders, sorted.
fn tree(dir: &std::path::Path) -> Vec<String> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).expect("list") {
        let entry = entry.expect("entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().expect("type").is_dir() {
            names.extend(
                tree(&entry.path())
                    .into_iter()
                    .map(|n| format!("{name}/{n}")),
            );
        } else {
            names.push(name);
        }
    }
    names.sort();
    names
}

#[test]
fn export_of_a_catalogue_writes_a_handbook_per_ladder_and_an_index_linking_them() {
    let folder = Folder::new("catalogue-export");
    let out = folder.arg("book");
    assert_eq!(
        ok_in(&["export", &out]),
        format!("wrote 18 pages of 2 ladders to {out}\n")
    );
    assert_eq!(
        std::fs::read_to_string(folder.join("book/README.md")).expect("index"),
        "# Ladders\n\n\
         - [Product Design](design/README.md): 8 roles, tracks Product Designer, Design \
         Researcher, Design Systems Designer\n\
         - [Security Operations](secops/README.md): 7 roles, tracks Security Analyst, Security \
         Engineer, Cloud Security Engineer\n"
    );
    // Each ladder's folder is exactly what exporting that ladder alone writes.
    for id in ["design", "secops"] {
        let alone = folder.arg(id);
        ok_in(&["--ladder", id, "export", &alone]);
        let files = tree(&folder.join(id));
        assert_eq!(tree(&folder.join(&format!("book/{id}"))), files);
        for file in files {
            assert_eq!(
                std::fs::read(folder.join(&format!("book/{id}/{file}"))).expect("exported"),
                std::fs::read(folder.join(&format!("{id}/{file}"))).expect("alone"),
                "{id}/{file}"
            );
        }
    }
    // As for one ladder: a folder with files in it is refused, and --force writes into it.
    assert_eq!(
        fails_in(&["export", &out], 1),
        format!(
            "error: refusing to write into {out:?}: it is not empty; pass --force to write into it anyway\n"
        )
    );
    std::fs::write(folder.join("book/secops/README.md"), "changed").expect("write");
    ok_in(&["export", &out, "--force"]);
    assert_eq!(
        std::fs::read(folder.join("book/secops/README.md")).expect("index"),
        std::fs::read(folder.join("secops/README.md")).expect("alone")
    );
}

#[test]
fn export_of_a_catalogue_into_a_folder_holding_a_file_of_a_ladders_name_writes_nothing() {
    let folder = Folder::new("catalogue-export-clash");
    folder.write("book/secops", "a file where a folder goes");
    let out = folder.arg("book");
    assert_eq!(
        fails_in(&["export", &out, "--force"], 1),
        format!(
            "error: refusing to write into {:?}: it is not a directory\n",
            folder.arg("book/secops")
        )
    );
    // Not even the folder of the ladder before it is made.
    assert_eq!(tree(&folder.join("book")), ["secops"]);
    assert!(!folder.join("book/design").exists());
}

#[test]
fn a_catalogue_exported_then_imported_gives_back_the_same_catalogue() {
    let folder = Folder::new("catalogue-round-trip");
    let book = folder.arg("book");
    let back = folder.arg("back");
    ok_in(&["export", &book]);
    let (stdout, stderr) = ok_with_stderr(&["import", &book, "--output", &back]);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        format!(
            "note: {book} is a catalogue of 2 ladders\n\
             design: read 9 pages: 8 roles, 72 statements, 30 examples; 0 warnings\n\
             secops: read 8 pages: 7 roles, 107 statements, 110 examples; 0 warnings\n"
        )
    );
    assert_eq!(tree(&folder.join("back")), ["design.toml", "secops.toml"]);
    // The folder it wrote is not written over, and the refusal names no other command.
    assert_eq!(
        fails(&["import", &book, "--output", &back], 1).lines().last(),
        Some(
            format!(
                "error: refusing to write into {back:?}: it is not empty; pass --force to write into it anyway"
            )
            .as_str()
        )
    );
    for id in ["design", "secops"] {
        assert_eq!(
            ok(&[
                "--data", &back, "--ladder", id, "show", "--all", "--format", "json"
            ]),
            ok_in(&["--ladder", id, "show", "--all", "--format", "json"]),
            "{id}"
        );
    }
}

#[test]
fn import_of_a_folder_of_handbooks_names_warnings_from_the_top_and_refuses_clashes() {
    let folder = Folder::new("catalogue-import");
    ok_in(&["export", &folder.arg("book")]);
    // A folder name that is not an id is made one; a page the reader cannot place is
    // reported under its folder.
    std::fs::rename(folder.join("book/secops"), folder.join("book/Sec Ops")).expect("rename");
    folder.write("book/Sec Ops/notes.md", "Some notes\n");
    // Run inside the test folder: pages are named from the top folder as typed.
    let out = run(&mut folder.ladder(&["import", "book", "-o", "out"]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.lines().any(|l| l
            == "note: left out \"book/Sec Ops/notes.md\": the index does not list it among the levels"),
        "{stderr}"
    );
    assert_eq!(tree(&folder.join("out")), ["design.toml", "sec-ops.toml"]);
    // A catalogue is written as a folder, never to stdout.
    assert_eq!(
        fails(&["import", &folder.arg("book")], 2).lines().last(),
        Some("error: a catalogue is written as a folder of ladder files: give --output DIR")
    );
    // Two folders that would be one ladder: nothing is written.
    std::fs::rename(folder.join("book/design"), folder.join("book/sec-ops")).expect("rename");
    assert_eq!(
        fails(
            &["import", &folder.arg("book"), "-o", &folder.arg("none")],
            1
        ),
        "error: folders \"Sec Ops\" and \"sec-ops\" would both be ladder \"sec-ops\": rename one\n"
    );
    assert!(!folder.join("none").exists());
}

#[test]
fn a_handbook_whose_index_links_level_pages_in_subfolders_stays_one_ladder() {
    let folder = Folder::new("catalogue-one-ladder");
    let platform = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/handbook-platform");
    for sub in ["", "engineering/", "management/"] {
        for entry in std::fs::read_dir(format!("{platform}/{sub}")).expect("list") {
            let entry = entry.expect("entry");
            if entry.file_type().expect("type").is_file() {
                let name = entry.file_name().to_string_lossy().into_owned();
                folder.write(
                    &format!("{sub}{name}"),
                    std::fs::read(entry.path()).expect("page"),
                );
            }
        }
    }
    // Each subfolder carries an index of its own, yet the top index links their level pages.
    folder.write("engineering/README.md", "# Engineering\n");
    folder.write("management/README.md", "# Management\n");
    let (stdout, stderr) = ok_with_stderr(&["import", &folder.arg(""), "--name", "Platform"]);
    let alone = run(&mut ladder(&["import", platform, "--name", "Platform"]));
    assert_eq!(stdout, String::from_utf8_lossy(&alone.stdout));
    assert!(
        stderr.starts_with(&format!("note: {} is one ladder\n", folder.arg(""))),
        "{stderr}"
    );
}

#[test]
fn evidence_compares_with_a_role_of_another_ladder() {
    // Two copies of one ladder: across them, the outline is the one a single file gives.
    let folder = Folder::new("evidence-across");
    folder.write("one/secops.toml", DATA);
    folder.write("one/copy.toml", DATA);
    let across = ok(&[
        "--data",
        &folder.arg("one"),
        "evidence",
        "secops/L3-senior-security-engineer",
        "--from",
        "copy/L2-security-engineer",
    ]);
    let alone = ok(&[
        "evidence",
        "L3-senior-security-engineer",
        "--from",
        "L2-security-engineer",
    ]);
    assert_eq!(across, alone);
    assert!(across.contains("**New:** Makes sure alerts stay actionable"));
    // Ladders that share no dimension: every expectation is new.
    let unlike = ok_in(&[
        "evidence",
        "secops/L3-senior-security-engineer",
        "--from",
        "design/P3-senior-product-designer",
    ]);
    let headings: Vec<&str> = unlike.lines().filter(|l| l.starts_with("### ")).collect();
    assert!(!headings.is_empty());
    assert!(
        headings.iter().all(|h| h.starts_with("### **New:** ")),
        "{unlike}"
    );
}

#[test]
fn ladder_ids_that_are_not_safe_file_names_are_refused() {
    let folder = Folder::new("catalogue-unsafe-ids");
    let design = std::fs::read(DESIGN).expect("design");
    folder.write("design.toml", &design);
    folder.write(".hid.toml", &design);
    folder.write("...toml", &design);
    let dir = folder.arg("");
    // A dot-file the listing hides, and `..`, are not ladder ids that --ladder may name.
    for hidden in [".hid", ".."] {
        assert_eq!(
            fails(&["--data", &dir, "--ladder", hidden, "list"], 2),
            format!("error: unknown ladder {hidden:?}; the ladders are design\n")
        );
    }
    for (name, why) in [
        (
            "-rf.toml",
            "its name is not a ladder id (ASCII letters, digits, '-', '_', '.', starting with a letter or digit)",
        ),
        (
            "README.md.toml",
            "a ladder id must not end in .md, as the pages export writes do",
        ),
    ] {
        let path = folder.write(name, &design);
        for args in [&["list"][..], &["export", "out"]] {
            let full = [&["--data", dir.as_str()][..], args].concat();
            assert_eq!(
                fails(&full, 1),
                format!("error: ladder file {:?}: {why}\n", folder.arg(name))
            );
        }
        std::fs::remove_file(path).expect("removed");
    }
    assert!(!folder.join("out").exists());
}

#[test]
fn ladder_ids_that_differ_only_in_case_are_refused_at_load() {
    let folder = Folder::new("catalogue-case");
    let design = std::fs::read(DESIGN).expect("design");
    folder.write("SRE.toml", &design);
    folder.write("sre.toml", &design);
    let dir = folder.arg("");
    let message = format!(
        "error: folder {dir:?} holds ladders \"SRE\" and \"sre\", whose ids differ only in case; rename one\n"
    );
    for args in [
        &["list"][..],
        &["--ladder", "Sre", "list"],
        &["show", "P2-product-designer"],
    ] {
        let full = [&["--data", dir.as_str()][..], args].concat();
        assert_eq!(fails(&full, 1), message, "{args:?}");
    }
    // The exact id names one file, which is read alone.
    ok(&["--data", &dir, "--ladder", "sre", "list"]);
}

#[test]
fn a_link_swapped_while_the_catalogue_loads_never_reads_outside_it() {
    let folder = Folder::new("catalogue-race");
    let design = std::fs::read_to_string(DESIGN).expect("design");
    folder.write("design.toml", &design);
    folder.write("inside/x.toml", &design);
    let outside = folder.write(
        "outside/x.toml",
        design.replace("Junior Designer", "OUTSIDE Designer"),
    );
    assert!(
        std::fs::read_to_string(&outside)
            .expect("outside")
            .contains("OUTSIDE")
    );
    let dir = folder.arg("inside");
    let link = folder.join("inside/y.toml");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let swapper = {
        let (stop, link, inside, outside) = (
            stop.clone(),
            link.clone(),
            folder.join("inside/x.toml"),
            outside.clone(),
        );
        std::thread::spawn(move || {
            let tmp = link.with_extension("tmp");
            let mut n = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let target = if n.is_multiple_of(2) {
                    &inside
                } else {
                    &outside
                };
                let _ = std::fs::remove_file(&tmp);
                std::os::unix::fs::symlink(target, &tmp).expect("symlink");
                std::fs::rename(&tmp, &link).expect("swapped");
                n += 1;
            }
        })
    };
    for _ in 0..60 {
        let out = run(&mut ladder(&["--data", &dir, "list", "--format", "tsv"]));
        assert!(out.status.code().is_some(), "ended by a signal");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains("OUTSIDE"), "read outside the folder: {text}");
        let out = run(&mut ladder(&["--data", &dir, "--ladder", "y", "list"]));
        assert!(!String::from_utf8_lossy(&out.stdout).contains("OUTSIDE"));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    swapper.join().expect("swapper ends");
}

/// A folder of `n` small ladders, `l000` to `l{n-1}`, each with one role `D1-x` whose one
/// expectation earns one warning.
fn many_ladders(test: &str, n: usize) -> Folder {
    let folder = Folder::new(test);
    let tiny = "name = \"Tiny\"\nlevels = [\"D1\"]\n[[dimension]]\nid = \"craft\"\nname = \"Craft\"\n\
                [[track]]\nid = \"t\"\nname = \"T\"\nroles = [\"D1-x\"]\n\
                [[role]]\nid = \"D1-x\"\nlevel = \"D1\"\ntitle = \"X\"\nsummary = \"Does x.\"\n\
                dimensions.craft.expectations = [{ text = \"Does it.\" }]\n";
    for i in 0..n {
        folder.write(&format!("l{i:03}.toml"), tiny);
    }
    folder
}

#[test]
fn messages_about_a_large_catalogue_name_a_few_and_count_the_rest() {
    let folder = many_ladders("catalogue-many", 200);
    let dir = folder.arg("");
    let first = "l000, l001, l002, l003, l004, l005, l006, l007 and 192 more";
    assert_eq!(
        fails(&["--data", &dir, "--ladder", "nope", "list"], 2),
        format!("error: unknown ladder \"nope\"; the ladders are {first}\n")
    );
    let roles = "l000/D1-x, l001/D1-x, l002/D1-x, l003/D1-x, l004/D1-x, l005/D1-x, l006/D1-x, \
                 l007/D1-x and 192 more";
    assert_eq!(
        fails(&["--data", &dir, "show", "D1"], 2),
        format!("error: \"D1\" matches 200 roles in the catalogue: {roles}; give LADDER/ROLE\n")
    );
}

#[test]
fn validate_of_a_large_folder_shows_a_bounded_page_then_the_totals() {
    let folder = many_ladders("catalogue-validate-many", 150);
    let out = run(&mut ladder(&["validate", &folder.arg("")]));
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    // 100 files shown, each a finding of four lines (wrapped at 100 columns), its count
    // and a blank line; then what was left out and the totals.
    assert_eq!(lines.len(), 100 * 6 + 2, "{text}");
    assert_eq!(
        lines[lines.len() - 2..],
        [
            "… and 50 findings in 50 more files",
            "150 files: 0 errors, 150 warnings"
        ]
    );
    let markdown = ok(&["validate", &folder.arg(""), "--format", "markdown"]);
    assert!(
        markdown.ends_with(
            "… and 50 more findings in 50 more files; 150 files: 0 errors, 150 warnings\n"
        ),
        "{markdown}"
    );
    // The machine formats list every finding.
    let tsv = ok(&[
        "validate",
        &folder.arg(""),
        "--format",
        "tsv",
        "--no-header",
    ]);
    assert_eq!(tsv.lines().count(), 150);
}

#[test]
fn a_comparison_across_ladders_names_each_side_with_its_ladder() {
    let (a, b) = (
        "secops/L3-senior-security-engineer",
        "design/P3-senior-product-designer",
    );
    let out = ok_in(&["diff", a, b]);
    let head: Vec<&str> = out.lines().take(2).collect();
    assert_eq!(
        head,
        [
            "L3 Senior Security Engineer → P3 Senior Product Designer",
            "A = secops/L3-senior-security-engineer   B = design/P3-senior-product-designer",
        ]
    );
    let markdown = ok_in(&["diff", a, b, "--format", "markdown"]);
    assert!(
        markdown.contains(
            "A is secops/L3-senior-security-engineer, B is design/P3-senior-product-designer."
        ),
        "{markdown}"
    );
    let json = json(
        &in_catalogue(&["diff", a, b])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(json["from"]["ladder"], "secops");
    assert_eq!(json["to"]["ladder"], "design");
    // Within one ladder the sides carry no ladder, as in a single file.
    let within = json_in(&[
        "diff",
        "secops/L2-security-engineer",
        "secops/L3-senior-security-engineer",
    ]);
    assert_eq!(keys(&within["from"]), ["id", "level", "title"]);
}

fn json_in(args: &[&str]) -> serde_json::Value {
    let full = in_catalogue(args);
    json(&full.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn track_applies_to_each_side_that_has_it_and_fails_only_when_none_has() {
    let (a, b) = (
        "secops/L3-senior-security-engineer",
        "design/P3-senior-product-designer",
    );
    // Only secops has track engineer: it settles A, and B is compared as named.
    assert_eq!(
        ok_in(&["diff", a, b, "--track", "engineer"]),
        ok_in(&["diff", a, b])
    );
    assert_eq!(
        ok_in(&["diff", "secops/L3", b, "--track", "engineer"]),
        ok_in(&["diff", a, b])
    );
    let err = fails_in(&["diff", a, b, "--track", "nope"], 2);
    assert!(
        err.starts_with("error: unknown track \"nope\"; the tracks are "),
        "{err}"
    );
}

#[test]
fn evidence_from_a_level_is_settled_by_the_track() {
    assert_eq!(
        ok(&["evidence", "L3", "--track", "engineer", "--from", "L2"]),
        ok(&[
            "evidence",
            "L3-senior-security-engineer",
            "--from",
            "L2-security-engineer"
        ])
    );
}

#[test]
fn roles_named_with_their_ladder_read_only_that_ladder() {
    let folder = Folder::new("catalogue-only-named");
    folder.write("design.toml", std::fs::read(DESIGN).expect("design"));
    folder.write("broken.toml", "name = \"Broken\"\nlevels = [\n");
    let dir = folder.arg("");
    let single = |args: &[&str]| ok(&[&["--data", DESIGN][..], args].concat());
    for (args, same) in [
        (
            &["show", "design/P2-product-designer"][..],
            &["show", "P2-product-designer"][..],
        ),
        (&["show", "design/P1"], &["show", "P1"]),
        (
            &["diff", "design/P1", "design/P2-product-designer"],
            &["diff", "P1", "P2-product-designer"],
        ),
        (&["next", "design/P1"], &["next", "P1"]),
        (
            &["evidence", "design/P2-product-designer"],
            &["evidence", "P2-product-designer"],
        ),
    ] {
        assert_eq!(
            ok(&[&["--data", dir.as_str()][..], args].concat()),
            single(same),
            "{args:?}"
        );
    }
    // An unqualified name is looked for in every ladder, so the broken one is read.
    let err = fails(&["--data", &dir, "show", "P1"], 1);
    assert!(err.contains("broken.toml"), "{err}");
}

/// Ladders whose levels differ do not rank against each other: across them B is not above A,
/// nothing "grows" and B does not build on A (the design ladder's P2 against secops' L3).
#[test]
fn across_ladders_of_other_levels_nothing_grows() {
    let out = ok(&[
        "--data",
        "tests/data/catalogue",
        "diff",
        "design/P2-product-designer",
        "secops/L3-senior-security-engineer",
    ]);
    assert!(out.contains("~ differs"), "{out}");
    assert!(!out.contains("grows"), "{out}");
    assert!(!out.contains("builds on"), "{out}");
}
