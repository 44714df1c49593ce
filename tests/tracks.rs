//! `ladder tracks` and `ladder dimensions`: the drawing of the tracks and the ladder's structure.

use super::*;

#[test]
fn tracks_draws_the_ladder_then_lists_each_track_level_by_level() {
    let out = ok(&["tracks"]);
    let drawing: Vec<&str> = out.lines().take(9).collect();
    assert_eq!(
        drawing,
        [
            "    analyst                   engineer                   cloud",
            "L1  Junior Security Analyst",
            "    │",
            "L2  Security Analyst          Security Engineer ─────────┐",
            "    │                         │                          │",
            "L3  Senior Security Analyst   Senior Security Engineer   Senior Cloud Security Engineer",
            "    │                         │                          │",
            "L4  Technical Lead ───────────┴──────────────────────────┘",
            "",
        ]
    );
    assert!(out.contains(
        "\nanalyst  Security Analyst\n  L1  L1-junior-security-analyst  Junior Security Analyst\n"
    ));
    assert!(out.contains(
        "cloud  Cloud Security Engineer\n  L2  L2-security-engineer               Security Engineer\n  \
         L3  L3-senior-cloud-security-engineer  Senior Cloud Security Engineer\n  \
         L4  L4-technical-lead                  Technical Lead\n"
    ));
}

#[test]
fn tracks_drawing_fits_a_narrow_terminal_and_other_ladders() {
    let narrow = run(ladder(&["tracks"]).env("COLUMNS", "60"));
    let text = String::from_utf8(narrow.stdout).expect("UTF-8");
    assert!(text.lines().all(|l| width(l) <= 60), "{text}");
    assert!(text.contains("L4  Technical Lead ─"), "{text}");
    let design = ok(&["--data", DESIGN, "tracks"]);
    let rows: Vec<&str> = design
        .lines()
        .take(10)
        .filter(|l| l.starts_with('P'))
        .collect();
    assert_eq!(rows.len(), 5, "one row per level:\n{design}");
    assert!(rows[4].starts_with("P5  Design Director ─"), "{design}");
    assert!(rows[4].trim_end().ends_with('┘'), "{design}");
}

#[test]
fn dimensions_lists_attributes_with_meaning_and_dimensions_with_themes() {
    let out = ok(&["dimensions"]);
    assert!(out.starts_with("Attributes\n  Planning horizon  planning-horizon\n    How far ahead"));
    for heading in [
        "🦉 Domain Expertise  domain-expertise",
        "🏆 Business Success  business-success",
    ] {
        assert!(out.contains(heading), "{heading}");
    }
    assert!(
        out.contains("  posture-advocacy          Security posture and advocacy\n"),
        "{out}"
    );
}
