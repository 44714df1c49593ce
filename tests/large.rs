//! Large ladders: every command on thousands of roles.

use super::*;

#[test]
fn show_by_exact_id_on_a_data_file_matches_a_full_load() {
    for (data, id) in [(DESIGN, "P3-senior-design-researcher"), (HOSTILE, "H1-one")] {
        // An exact id takes the fast path; the same id in other case resolves on a full load.
        let fast = ok(&["--data", data, "show", id, "--format", "json"]);
        let full = ok(&[
            "--data",
            data,
            "show",
            &id.to_uppercase(),
            "--format",
            "json",
        ]);
        assert_eq!(fast, full, "{data}");
    }
    let embedded = ok(&[
        "--data",
        concat!(env!("CARGO_MANIFEST_DIR"), "/data/ladder.toml"),
        "show",
        "L4-technical-lead",
    ]);
    assert_eq!(embedded, ok(&["show", "L4-technical-lead"]));
}

#[test]
fn a_broken_role_is_reported_even_by_the_fast_path() {
    let broken = DATA.replacen("title = \"Technical Lead\"", "title = \"\"", 1);
    let file = TempFile::new("fast-broken", "broken.toml", broken.as_bytes());
    let err = fails(&["--data", file.arg(), "show", "L4-technical-lead"], 1);
    assert!(err.contains(": a name is empty"), "{err}");
}

#[test]
fn the_embedded_ladder_shows_a_role_by_id_as_the_whole_ladder_does() {
    // By exact id only that role is decoded; in other case the whole ladder is, and the name
    // resolved. Every format, and the track check, must not tell the two apart.
    let roles = [
        ("L1-junior-security-analyst", Some("cloud")),
        ("L3-senior-cloud-security-engineer", Some("analyst")),
        ("L4-technical-lead", None),
    ];
    for (id, wrong_track) in roles {
        let upper = id.to_uppercase();
        for format in ["table", "json", "markdown", "tsv"] {
            let by_id = ok(&["show", id, "--format", format]);
            assert_eq!(
                by_id,
                ok(&["show", &upper, "--format", format]),
                "{id} {format}"
            );
        }
        if let Some(track) = wrong_track {
            assert_eq!(
                fails(&["show", id, "--track", track], 2),
                fails(&["show", &upper, "--track", track], 2)
            );
        }
    }
}

#[test]
fn the_fast_path_checks_the_track_as_a_full_load_does() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data/ladder.toml");
    let id = "L3-senior-security-engineer";
    // By exact id (the role alone is read) and in other case (the whole ladder is read).
    for name in [id.to_string(), id.to_uppercase()] {
        let err = fails(&["--data", data, "show", &name, "--track", "analyst"], 2);
        assert_eq!(
            err,
            "error: role L3-senior-security-engineer is not on track analyst; its tracks are engineer\n"
        );
        let on_track = ok(&["--data", data, "show", &name, "--track", "engineer"]);
        assert_eq!(on_track, ok(&["show", id]));
    }
}
