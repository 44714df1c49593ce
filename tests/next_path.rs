//! `ladder next`, `ladder path` and bands: the steps up from a role and the whole of a track.

use super::*;

#[test]
fn next_compares_every_role_with_the_next_level_on_every_track() {
    for (track, roles) in data_tracks() {
        for (i, id) in roles.iter().enumerate() {
            let out = ok(&["next", id, "--track", &track]);
            match roles.get(i + 1) {
                Some(next) => {
                    let expected =
                        format!("Track {track}: {} → {}\n", heading_of(id), heading_of(next));
                    assert!(out.starts_with(&expected), "{id} on {track}:\n{out}");
                    assert!(out.contains("\n🦉 Domain Expertise: "), "{id} on {track}");
                    let doc = json(&["next", id, "--track", &track]);
                    assert_eq!(doc["steps"][0]["next"]["id"].as_str(), Some(next.as_str()));
                    assert_eq!(
                        doc["steps"][0]["comparison"]["to"]["id"].as_str(),
                        Some(next.as_str())
                    );
                }
                None => {
                    assert_eq!(
                        out,
                        format!(
                            "{} is the top of track {track}: there is no next level.\n",
                            heading_of(id)
                        )
                    );
                    let doc = json(&["next", id, "--track", &track]);
                    assert!(
                        doc["steps"][0]["next"].is_null()
                            && doc["steps"][0]["comparison"].is_null()
                    );
                }
            }
        }
    }
}

#[test]
fn next_shows_each_step_of_a_role_on_several_tracks() {
    let out = ok(&["next", "L2-security-engineer"]);
    assert!(
        out.starts_with(
            "Step 1 of 2 — track engineer: L2 Security Engineer → L3 Senior Security Engineer\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "\n\nStep 2 of 2 — track cloud: L2 Security Engineer → L3 Senior Cloud Security \
             Engineer\nA = L2-security-engineer   B = L3-senior-cloud-security-engineer\n"
        ),
        "{out}"
    );
    // Each step opens with its own summary.
    assert_eq!(out.matches("\n🦉 Domain Expertise: ").count(), 2, "{out}");
    assert!(!out.contains("--track engineer"), "no hint into a pipe");
    assert_eq!(
        ok(&["next", "L4"]),
        "L4 Technical Lead is the top of tracks analyst, engineer, cloud: there is no next level.\n"
    );
    let tsv = ok(&[
        "next",
        "L2-security-engineer",
        "--format",
        "tsv",
        "--dimension",
        "culture",
    ]);
    assert!(
        tsv.starts_with(
            "tracks\tnext\tdimension\ttheme\tattribute\tside\tchange\ttext\tsimilarity\n"
        ),
        "{tsv}"
    );
    assert!(
        tsv.contains("\ncloud\tL3-senior-cloud-security-engineer\tculture-leadership\t"),
        "{tsv}"
    );
}

#[test]
fn path_shows_every_level_of_the_track_and_every_theme() {
    let data: toml::Value = toml::from_str(DATA).expect("data parses");
    let themes: Vec<(String, String)> = data["dimension"]
        .as_array()
        .expect("dimensions")
        .iter()
        .flat_map(|d| {
            d["themes"].as_array().expect("themes").iter().map(|t| {
                let id = t["id"].as_str().expect("id").to_string();
                (id, t["name"].as_str().expect("name").to_string())
            })
        })
        .collect();
    for (track, roles) in data_tracks() {
        let out = run(ladder(&["path", "--track", &track]).env("COLUMNS", "200"));
        let out = String::from_utf8(out.stdout).expect("UTF-8");
        let headings: Vec<String> = roles.iter().map(|id| heading_of(id)).collect();
        assert!(flat(&out).contains(&headings.join(" → ")), "{track}");
        let body = cells(&out);
        for heading in &headings {
            assert!(body.contains(heading.as_str()), "{track}: {heading}");
        }
        // Every theme some role of the track states is a row; one that none states is not
        // (issue 25, item 7: `path --track analyst` drew an empty "Security review").
        let stated: std::collections::HashSet<String> = roles
            .iter()
            .flat_map(|id| {
                let role = role_data(id);
                let mut ids = Vec::new();
                for (_, rd) in role["dimensions"].as_table().expect("dims") {
                    for e in rd["expectations"].as_array().expect("expectations") {
                        if let Some(t) = e.get("theme").and_then(|t| t.as_str()) {
                            ids.push(t.to_string());
                        }
                    }
                }
                ids
            })
            .collect();
        for (id, theme) in &themes {
            let row = body.contains(&format!("{theme} ")) || body.contains(&format!("{theme}\n"));
            assert_eq!(row, stated.contains(id), "{track}: theme {theme}");
        }
        let doc = json(&["path", "--track", &track]);
        let ids: Vec<&str> = doc["roles"]
            .as_array()
            .expect("roles")
            .iter()
            .filter_map(|r| r["id"].as_str())
            .collect();
        assert_eq!(ids, roles.iter().map(String::as_str).collect::<Vec<_>>());
        let json_themes = doc["dimensions"]
            .as_array()
            .expect("dims")
            .iter()
            .map(|d| d["themes"].as_array().expect("themes").len())
            .sum::<usize>();
        let with_rows = themes.iter().filter(|(id, _)| stated.contains(id)).count();
        assert_eq!(json_themes, with_rows);
        // Every expectation of every role of the track is in its column.
        for (i, id) in roles.iter().enumerate() {
            let (expectations, _) = texts(&role_data(id));
            let column: Vec<String> = doc["dimensions"]
                .as_array()
                .expect("dims")
                .iter()
                .flat_map(|d| d["themes"].as_array().expect("themes").clone())
                .flat_map(|t| t["expectations"][i].as_array().expect("cell").clone())
                .map(|v| v.as_str().expect("text").to_string())
                .collect();
            assert_eq!(column.len(), expectations.len(), "{track} {id}");
        }
    }
}

#[test]
fn path_fits_the_terminal_and_slices_by_dimension() {
    let out = run(ladder(&["path", "--track", "analyst"]).env("COLUMNS", "80"));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.lines().all(|l| width(l) <= 80),
        "a line is wider than 80"
    );
    let one = ok(&["path", "-t", "engineer", "-d", "business"]);
    assert!(one.contains("\n🏆 Business Success\n") && !one.contains("🦉"));
    assert_eq!(
        fails(&["path"], 2).lines().next(),
        Some("error: the following required arguments were not provided:")
    );
    for format in ["markdown", "tsv", "json"] {
        assert!(!ok(&["path", "-t", "cloud", "--format", format]).is_empty());
    }
}

#[test]
fn bands_appear_in_show_dimensions_and_json() {
    // `show ROLE` names them in one line and points to where they are explained once (issue
    // 25, item 8); `show --all` and `dimensions` explain them.
    let show = ok(&["show", "L2-security-analyst"]);
    assert!(
        show.ends_with("\nBands within a level: Maturing, Performing, Exceeding; `ladder dimensions` says what each means.\n"),
        "{show}"
    );
    assert!(!show.contains("Ready to meet most"), "{show}");
    let all = ok(&["show", "--all"]);
    assert_eq!(all.matches("Ready to meet most").count(), 1);
    let dims = ok(&["dimensions"]);
    assert!(
        dims.contains("\nBands within a level\n  Maturing\n    Ready to meet most"),
        "{dims}"
    );
    let doc = json(&["show", "L2-security-analyst"]);
    assert_eq!(doc["role"]["bands"][1]["id"], "performing");
    // Bands are optional: a ladder without them shows none.
    assert!(!ok(&["--data", DESIGN, "show", "P1-junior-designer"]).contains("Bands"));
}

#[test]
fn show_on_a_terminal_ends_with_a_hint_to_the_next_level() {
    let piped = ok(&["show", "L3-senior-security-engineer"]);
    assert!(!piped.contains("ladder next"), "no hint into a pipe");
    let on_tty = |id: &str| -> Option<String> {
        let args = ["show", id, "--color", "never", "--no-pager"];
        on_terminal(&args, &[]).map(|(_, shown)| shown)
    };
    let Some(out) = on_tty("L3-senior-security-engineer") else {
        return;
    };
    assert!(
        out.trim_end()
            .ends_with("Compare with the next level: ladder next L3-senior-security-engineer"),
        "{out}"
    );
    assert!(
        !on_tty("L4-technical-lead").is_some_and(|out| out.contains("ladder next")),
        "the top has no next level"
    );
}

#[test]
fn next_with_several_steps_hints_at_track_on_a_terminal() {
    let args = [
        "next",
        "L2-security-engineer",
        "--color",
        "never",
        "--no-pager",
    ];
    let Some((code, out)) = on_terminal(&args, &[]) else {
        return;
    };
    assert_eq!(code, 0);
    assert!(
        out.trim_end().ends_with(
            "To see one step alone, pick its track: ladder next L2-security-engineer --track engineer"
        ),
        "{out}"
    );
    let brief = ok(&["next", "L2-security-engineer", "--brief", "-d", "teaching"]);
    assert!(brief.starts_with(
        "Step 1 of 2 — track engineer: L2 Security Engineer → L3 Senior Security Engineer\n"
    ));
    assert!(brief.contains(
        "\n\nStep 2 of 2 — track cloud: L2 Security Engineer → L3 Senior Cloud Security Engineer\n"
    ));
    assert!(!brief.contains('┆'), "no table: {brief}");
}

#[test]
fn a_narrow_step_title_breaks_between_the_roles_not_inside_them() {
    let out = run(ladder(&["next", "L2-security-engineer"]).env("COLUMNS", "40"));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let title: Vec<&str> = text.lines().take(3).collect();
    assert_eq!(
        title,
        [
            "Step 1 of 2 — track engineer:",
            "  L2 Security Engineer",
            "  → L3 Senior Security Engineer",
        ]
    );
}

/// A ladder where `B-hub` is on ten tracks: to ten next roles, or all to `C-top`.
fn hub(shared: bool) -> String {
    let mut text = String::from(
        "name = \"Hub\"\nlevels = [\"B\", \"C\"]\n\n[[dimension]]\nid = \"craft\"\nname = \"Craft\"\n",
    );
    let next = |i: usize| {
        if shared {
            "C-top".to_string()
        } else {
            format!("C-n{i}")
        }
    };
    for i in 0..10 {
        text += &format!(
            "\n[[track]]\nid = \"t{i}\"\nname = \"T{i}\"\nroles = [\"B-hub\", \"{}\"]\n",
            next(i)
        );
    }
    text += "\n[[role]]\nid = \"B-hub\"\nlevel = \"B\"\ntitle = \"Hub\"\nsummary = \"On ten tracks.\"\n\
             dimensions.craft.expectations = [{ text = \"Ships.\" }]\n";
    for i in 0..if shared { 1 } else { 10 } {
        let id = next(i);
        text += &format!(
            "\n[[role]]\nid = \"{id}\"\nlevel = \"C\"\ntitle = \"Next {i}\"\nsummary = \"Above.\"\n\
             dimensions.craft.expectations = [{{ text = \"Leads {i}.\" }}]\n"
        );
    }
    text
}

#[test]
fn next_shows_people_eight_steps_and_counts_the_rest() {
    let file = TempFile::new("next-hub", "hub.toml", hub(false).as_bytes());
    let mut expected = String::new();
    for i in 0..8 {
        expected += &format!(
            "Step {} of 10 — track t{i}: B Hub → C Next {i}\nA = B-hub   B = C-n{i}\n\
             Only what is new (+) and what grows (~) at B.\n\nCraft\n+ Leads {i}.\n\n",
            i + 1
        );
    }
    let left_out = "2 more next steps on tracks t8, t9 are left out: see one with ladder next B-hub --track TRACK\n";
    expected += left_out;
    assert_eq!(
        ok(&["--data", file.arg(), "next", "B-hub", "--brief"]),
        expected
    );
    let md = ok(&[
        "--data",
        file.arg(),
        "next",
        "B-hub",
        "--format",
        "markdown",
    ]);
    assert!(md.ends_with(&format!("\n\n{left_out}")), "{md}");
    assert_eq!(md.matches("Step ").count(), 8, "{md}");
    // Scripts get every step.
    let doc = json(&["--data", file.arg(), "next", "B-hub"]);
    let steps = doc["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 10);
    assert_eq!(steps[9]["next"]["id"].as_str(), Some("C-n9"));
}

#[test]
fn a_step_on_many_tracks_names_eight_of_them() {
    let file = TempFile::new("next-shared", "hub.toml", hub(true).as_bytes());
    let out = ok(&["--data", file.arg(), "next", "B-hub", "--brief"]);
    assert!(
        out.starts_with("Tracks t0, t1, t2, t3, t4, t5, t6, t7 and 2 more: B Hub → C Next 0\n"),
        "{out}"
    );
}

#[test]
fn a_path_stacked_in_blocks_leaves_out_the_levels_that_state_no_value() {
    // Six levels in 40 columns: the grid cannot fit, so each row stacks its levels' blocks.
    let levels = ["A", "B", "C", "D", "E", "F"];
    let mut text = format!(
        "name = \"Path\"\nlevels = [{}]\n\n[[attribute]]\nid = \"scope\"\nname = \"Scope\"\n\
         meaning = \"M.\"\n\n[[attribute]]\nid = \"reach\"\nname = \"Reach\"\nmeaning = \"M.\"\n\n\
         [[dimension]]\nid = \"craft\"\nname = \"Craft\"\nthemes = [{{ id = \"x\", name = \"X\" }}]\n\n[[track]]\nid = \"t\"\nname = \"T\"\n\
         roles = [{}]\n",
        levels.map(|l| format!("\"{l}\"")).join(", "),
        levels.map(|l| format!("\"{l}-r\"")).join(", ")
    );
    for (i, l) in levels.iter().enumerate() {
        let reach = if i == 0 { ", reach = \"Far\"" } else { "" };
        text += &format!(
            "\n[[role]]\nid = \"{l}-r\"\nlevel = \"{l}\"\ntitle = \"R{l}\"\nsummary = \"S.\"\n\
             attributes = {{ scope = \"S{l}\"{reach} }}\n\
             dimensions.craft.expectations = [{{ theme = \"x\", text = \"Does {l}.\" }}, {{ theme = \"x\", text = \"Also {l}.\" }}]\n"
        );
    }
    let file = TempFile::new("path-stacked", "path.toml", text.as_bytes());
    let out = run(ladder(&["--data", file.arg(), "path", "--track", "t"]).env("COLUMNS", "40"));
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    let mut expected = String::from("Attributes\n  Scope\n");
    for l in levels {
        expected += &format!("    {l} R{l}\n      S{l}\n");
    }
    expected += "\n  Reach\n    A RA\n      Far\n\nCraft\n  X\n";
    // Each level's bullets stand a blank line apart, and so does each level's label
    // (issue 25, item 5).
    let craft: Vec<String> = levels
        .iter()
        .map(|l| format!("    {l} R{l}\n      • Does {l}.\n\n      • Also {l}.\n"))
        .collect();
    expected += &craft.join("\n");
    assert!(out.ends_with(&expected), "{out}");
}

/// A hint never breaks a command inside an argument: at 40 columns it breaks between
/// arguments, each broken line ending with ` \`, and the lines paste as the one command
/// (issue 25, item 6).
#[test]
fn a_hint_pastes_as_one_command_at_any_width() {
    for columns in ["40", "60", "100"] {
        let Some((code, shown)) = on_terminal(
            &[
                "next",
                "L2-security-engineer",
                "--no-pager",
                "--color",
                "never",
            ],
            &[("COLUMNS", columns)],
        ) else {
            return;
        };
        assert_eq!(code, 0);
        let at = shown.find("pick its track:").expect("the hint");
        let command: String = shown[at + "pick its track:".len()..]
            .trim()
            .replace(" \\\n", " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(
            command, "ladder next L2-security-engineer --track engineer",
            "{columns}: {shown}"
        );
        // Every line of the command but its last ends with ` \`: it pastes as one.
        let lines: Vec<&str> = shown[at..]
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .collect();
        for (i, line) in lines.iter().enumerate() {
            assert!(
                line.chars().count() <= columns.parse().expect("width"),
                "{line}"
            );
            assert_eq!(
                line.ends_with(" \\"),
                i + 1 < lines.len(),
                "{columns}: {shown}"
            );
        }
    }
}

/// A narrow path breaks its line of levels before an arrow, never inside a role's title.
#[test]
fn a_narrow_path_breaks_its_levels_at_the_arrows() {
    let out = run(ladder(&["path", "--track", "engineer"]).env("COLUMNS", "40"));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.starts_with(
            "engineer  Security Engineer\nL2 Security Engineer\n  → L3 Senior Security Engineer\n  \
             → L4 Technical Lead\n"
        ),
        "{text}"
    );
}
