//! What scripts rely on: `--no-header`, formats refused where a command cannot write them,
//! `show --all`, and one comparison shape (the guide's jq and awk recipes run in `readme.rs`).

use super::*;

#[test]
fn no_header_leaves_only_records() {
    let with = ok(&["search", "incident", "--format", "tsv"]);
    let without = ok(&["search", "incident", "--format", "tsv", "--no-header"]);
    let (header, records) = with.split_once('\n').expect("a header line");
    assert_eq!(header, "role\tfield\tdimension\ttheme\tattribute\ttext");
    assert_eq!(without, records);
    assert!(!without.is_empty());
}

#[test]
fn no_header_is_refused_without_tsv() {
    for format in [&[][..], &["--format", "json"], &["--format", "table"]] {
        let args = [&["list", "--no-header"][..], format].concat();
        assert_eq!(
            fails(&args, 2),
            "error: --no-header leaves out the header line of --format tsv; use it with tsv\n",
            "{args:?}"
        );
    }
}

#[test]
fn formats_a_command_cannot_write_are_refused() {
    let dir = Folder::new("refused-formats");
    let target = dir.arg("book");
    let cases: [(&[&str], &str); 4] = [
        (
            &["export", &target],
            "export writes a Markdown handbook; --format can only be markdown",
        ),
        (
            &["evidence", "L3-senior-security-engineer"],
            "evidence writes a Markdown outline; --format can only be markdown",
        ),
        (
            &["completions", "bash"],
            "completions writes a shell script; it takes no --format",
        ),
        (
            &["man"],
            "man writes a roff manual page; it takes no --format",
        ),
    ];
    for (args, message) in cases {
        for format in ["table", "json", "tsv"] {
            let args = [args, &["--format", format]].concat();
            assert_eq!(fails(&args, 2), format!("error: {message}\n"), "{args:?}");
        }
    }
    assert!(
        !dir.join("book").exists(),
        "export wrote despite the refusal"
    );
    for command in [&["completions", "bash"][..], &["man"]] {
        let args = [command, &["--format", "markdown"]].concat();
        assert!(fails(&args, 2).contains("it takes no --format"), "{args:?}");
    }
    // What each can write, it writes.
    ok(&[
        "evidence",
        "L3-senior-security-engineer",
        "--format",
        "markdown",
    ]);
    assert_eq!(
        ok(&["export", &target, "--format", "markdown"])
            .lines()
            .count(),
        1
    );
}

#[test]
fn help_lists_the_global_options_apart() {
    for command in ["list", "search", "show", "evidence", "man"] {
        let help = ok(&[command, "--help"]);
        let (own, global) = help
            .split_once("\nGlobal options:\n")
            .unwrap_or_else(|| panic!("{command}: no Global options heading\n{help}"));
        for flag in ["--color", "--format", "--data", "--no-pager", "--no-header"] {
            assert!(global.contains(flag), "{command}: {flag} not global");
            assert!(
                !own.contains(&format!("  {flag}")),
                "{command}: {flag} among own"
            );
        }
        // `evidence` says its own: it writes only markdown (issue 25, item 13).
        let says = if command == "evidence" {
            "evidence writes only markdown, its default; any other is refused"
        } else {
            "evidence and export write only markdown; browse, completions, init, man and schema take no --format"
        };
        assert!(
            flat(&help).contains(says),
            "{command}: --format help does not say which commands refuse it"
        );
    }
}

#[test]
fn show_all_is_every_role_in_ladder_order_in_every_format() {
    let ids: Vec<String> = {
        let data: toml::Value = toml::from_str(DATA).expect("data parses");
        data["role"]
            .as_array()
            .expect("roles")
            .iter()
            .map(|r| r["id"].as_str().expect("id").to_string())
            .collect()
    };
    // JSON: the head, then each role exactly as `show` writes it.
    let all = json(&["show", "--all"]);
    assert_eq!(
        keys(&all),
        [
            "schema",
            "name",
            "levels",
            "attributes",
            "dimensions",
            "bands",
            "tracks",
            "roles"
        ]
    );
    assert_eq!(all["name"], "Security Operations");
    assert_eq!(all["levels"], serde_json::json!(["L1", "L2", "L3", "L4"]));
    let structure = json(&["dimensions"]);
    for key in ["attributes", "dimensions", "bands"] {
        assert_eq!(all[key], structure[key], "{key}");
    }
    assert_eq!(all["tracks"], json(&["tracks"])["tracks"]);
    let roles = all["roles"].as_array().expect("roles");
    let shown: Vec<&str> = roles
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(shown, ids);
    for role in roles {
        let id = role["id"].as_str().expect("id");
        assert_eq!(role, &json(&["show", id])["role"], "{id}");
    }

    // TSV: one header, then the records of every role's `show`.
    let tsv = ok(&["show", "--all", "--format", "tsv"]);
    let mut expected = String::new();
    for (i, id) in ids.iter().enumerate() {
        let one = ok(&["show", id, "--format", "tsv"]);
        expected += if i == 0 {
            &one
        } else {
            one.split_once('\n').expect("header").1
        };
    }
    assert_eq!(tsv, expected);

    // Markdown: one document, the roles a heading level down; the table: every role, once.
    let md = ok(&["show", "--all", "--format", "markdown"]);
    assert!(
        md.starts_with("# Security Operations\n\n## Attributes\n"),
        "{md}"
    );
    assert_eq!(md.matches("\n# ").count(), 0, "one top-level heading");
    for id in &ids {
        assert!(md.contains(&format!("\n## {}\n", heading_of(id))), "{id}");
    }
    let table = ok(&["show", "--all"]);
    assert_eq!(table.matches("Bands within a level").count(), 1);
    for id in &ids {
        let line = format!("{id} · level");
        let found = table.lines().filter(|l| l.starts_with(&line)).count();
        assert_eq!(found, 1, "{id}");
    }
}

#[test]
fn show_all_takes_a_track_and_a_dimension_but_no_role() {
    let on_cloud = ok(&[
        "show",
        "--all",
        "--track",
        "cloud",
        "--format",
        "tsv",
        "--no-header",
    ]);
    let roles: Vec<&str> = on_cloud
        .lines()
        .map(|l| l.split('\t').next().expect("role"))
        .collect();
    let mut distinct = roles.clone();
    distinct.dedup();
    let (_, cloud) = data_tracks()
        .into_iter()
        .find(|(t, _)| t == "cloud")
        .expect("cloud");
    assert_eq!(distinct, cloud);
    let business = json(&["show", "--all", "--dimension", "business"]);
    for role in business["roles"].as_array().expect("roles") {
        assert_eq!(role["dimensions"].as_array().expect("dimensions").len(), 1);
    }
    assert!(fails(&["show", "L1", "--all"], 2).contains("cannot be used with '--all'"));
    assert!(fails(&["show"], 2).contains("ladder show --all [OPTIONS]"));
}

#[test]
fn each_step_of_next_carries_the_object_of_diff() {
    let args = ["--track", "engineer", "--format", "json"];
    let diff = ok(&[&["diff", "L2", "L3"][..], &args].concat());
    let next = ok(&[&["next", "L2-security-engineer"][..], &args].concat());
    let (diff_doc, next_doc): (serde_json::Value, serde_json::Value) = (
        serde_json::from_str(&diff).expect("JSON"),
        serde_json::from_str(&next).expect("JSON"),
    );
    let mut without_schema = diff_doc.clone();
    without_schema
        .as_object_mut()
        .expect("object")
        .remove("schema");
    assert_eq!(next_doc["steps"][0]["comparison"], without_schema);

    // The filter docs/json.md gives reads both documents alike.
    let doc = include_str!("../docs/json.md");
    let filter = doc
        .split("```sh\njq -r '")
        .nth(1)
        .and_then(|rest| rest.split("'\n```").next())
        .expect("the jq filter of docs/json.md");
    let Some(from_diff) = jq(filter, &diff) else {
        return;
    };
    let from_next = jq(filter, &next).expect("jq");
    assert!(from_diff.lines().count() > 3, "{from_diff}");
    assert_eq!(from_diff, from_next);
}
