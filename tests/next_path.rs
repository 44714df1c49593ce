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
    let themes: Vec<String> = data["dimension"]
        .as_array()
        .expect("dimensions")
        .iter()
        .flat_map(|d| {
            d["themes"]
                .as_array()
                .expect("themes")
                .iter()
                .map(|t| t["name"].as_str().expect("name").to_string())
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
        for theme in &themes {
            assert!(body.contains(theme.as_str()), "{track}: theme {theme}");
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
        assert_eq!(json_themes, themes.len());
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
    let show = ok(&["show", "L2-security-analyst"]);
    assert!(
        show.contains("\nBands within a level\n  Maturing\n"),
        "{show}"
    );
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
