//! `--format json|markdown|tsv`: the documented shapes of every machine-readable output.

use super::*;

/// One invocation of every command that prints data.
const DATA_COMMANDS: [&[&str]; 9] = [
    &["list"],
    &["next", "L2-security-engineer"],
    &["path", "--track", "cloud"],
    &["show", "L3-senior-security-engineer"],
    &["diff", "L2", "L3", "--track", "engineer"],
    &["search", "incident"],
    &["tracks"],
    &["dimensions"],
    &["show", "L1", "--dimension", "business"],
];

#[test]
fn json_of_every_command_is_one_versioned_document_without_colour() {
    for args in DATA_COMMANDS {
        let out = ok(&[args, &["--format", "json", "--color", "always"]].concat());
        assert!(!out.contains('\u{1b}'), "{args:?}: colour in JSON");
        let doc: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
        assert_eq!(doc["schema"], 2, "{args:?}");
    }
}

#[test]
fn json_list_and_show_have_the_documented_fields() {
    let list = json(&["list"]);
    assert_eq!(keys(&list), ["schema", "roles"]);
    assert_eq!(
        keys(&list["roles"][0]),
        ["id", "level", "title", "tracks", "summary"]
    );
    assert_eq!(
        list["roles"][6]["tracks"],
        serde_json::json!(["analyst", "engineer", "cloud"])
    );

    let show = json(&["show", "L3-senior-security-engineer"]);
    let role = &show["role"];
    assert_eq!(
        keys(role),
        [
            "id",
            "level",
            "title",
            "tracks",
            "summary",
            "attributes",
            "dimensions",
            "bands"
        ]
    );
    assert_eq!(role["id"], "L3-senior-security-engineer");
    assert_eq!(keys(&role["attributes"][1]), ["attribute", "name", "value"]);
    assert_eq!(role["attributes"][1]["value"], "Peers (2-5)");
    let de = &role["dimensions"][0];
    assert_eq!(
        keys(de),
        ["dimension", "name", "emoji", "expectations", "examples"]
    );
    assert_eq!(
        (de["dimension"].as_str(), de["emoji"].as_str()),
        (Some("domain-expertise"), Some("🦉"))
    );
    assert_eq!(keys(&de["expectations"][0]), ["theme", "text"]);
    let (expectations, examples) = texts(&role_data("L3-senior-security-engineer"));
    let all = |field: &str| -> Vec<String> {
        role["dimensions"]
            .as_array()
            .expect("dimensions")
            .iter()
            .flat_map(|d| d[field].as_array().expect("array").clone())
            .map(|v| {
                v.get("text")
                    .unwrap_or(&v)
                    .as_str()
                    .expect("text")
                    .to_string()
            })
            .collect()
    };
    assert_eq!(all("expectations").len(), expectations.len());
    let (mut shown, mut data) = (all("examples"), examples);
    shown.sort();
    data.sort();
    assert_eq!(shown, data);
}

#[test]
fn json_diff_search_tracks_and_dimensions_have_the_documented_fields() {
    let diff = json(&["diff", "L2", "L3", "--track", "engineer"]);
    assert_eq!(
        keys(&diff),
        [
            "schema",
            "from",
            "to",
            "direction",
            "attributes",
            "dimensions",
            "counts"
        ]
    );
    assert_eq!(diff["direction"], "up");
    assert_eq!(
        json(&["diff", "L3", "L2", "--track", "engineer"])["direction"],
        "down"
    );
    assert_eq!(diff["from"]["id"], "L2-security-engineer");
    assert_eq!(
        keys(&diff["attributes"][0]),
        ["attribute", "name", "change", "from", "to"]
    );
    assert_eq!(
        keys(&diff["dimensions"][0]),
        ["dimension", "name", "counts", "themes"]
    );
    let theme = &diff["dimensions"][0]["themes"][0];
    assert_eq!(keys(theme), ["theme", "name", "change", "from", "to"]);
    assert_eq!(
        (theme["theme"].as_str(), theme["change"].as_str()),
        (Some("domain-depth"), Some("grows"))
    );
    assert_eq!(
        keys(&theme["to"][0]),
        [
            "text",
            "change",
            "counterpart",
            "similarity",
            "added",
            "dropped"
        ]
    );
    // Statements, not themes: B's new and grown ones, and A's that B does not restate.
    let counts = serde_json::json!({
        "new": 13, "grows": 5, "differs": 0, "reworded": 0, "not-restated": 8, "same": 0
    });
    assert_eq!(diff["counts"], counts);
    assert_eq!(
        diff["dimensions"][0]["counts"],
        serde_json::json!({
            "new": 3, "grows": 2, "differs": 0, "reworded": 0, "not-restated": 2, "same": 0
        })
    );

    let search = json(&["search", "director"]);
    assert_eq!(keys(&search), ["schema", "pattern", "patterns", "hits"]);
    let hit = &search["hits"][0];
    assert_eq!(
        keys(hit),
        [
            "role",
            "field",
            "attribute",
            "dimension",
            "theme",
            "text",
            "matches"
        ]
    );
    assert_eq!(
        (
            hit["role"].as_str(),
            hit["field"].as_str(),
            hit["attribute"].as_str()
        ),
        (
            Some("L4-technical-lead"),
            Some("attribute"),
            Some("evaluated-by")
        )
    );
    assert_eq!(hit["matches"], serde_json::json!(["Director"]));

    let tracks = json(&["tracks"]);
    let cloud = &tracks["tracks"][2];
    assert_eq!(cloud["id"], "cloud");
    let ids: Vec<&str> = cloud["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "L2-security-engineer",
            "L3-senior-cloud-security-engineer",
            "L4-technical-lead"
        ]
    );

    let dims = json(&["dimensions"]);
    assert_eq!(keys(&dims), ["schema", "attributes", "dimensions", "bands"]);
    let bands: Vec<&str> = dims["bands"]
        .as_array()
        .expect("bands")
        .iter()
        .filter_map(|b| b["name"].as_str())
        .collect();
    assert_eq!(bands, ["Maturing", "Performing", "Exceeding"]);
    assert_eq!(keys(&dims["attributes"][0]), ["id", "name", "meaning"]);
    assert_eq!(dims["dimensions"][3]["emoji"], "🏆");
    assert_eq!(
        dims["dimensions"][0]["themes"][0],
        serde_json::json!({"id": "domain-depth", "name": "Depth of mastery"})
    );
}

#[test]
fn jq_reads_the_seven_role_ids_from_list() {
    let list = ok(&["list", "--format", "json"]);
    let Some(out) = jq(".roles[].id", &list) else {
        return;
    };
    let mut ids: Vec<String> = out.lines().map(String::from).collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "L1-junior-security-analyst",
            "L2-security-analyst",
            "L2-security-engineer",
            "L3-senior-cloud-security-engineer",
            "L3-senior-security-analyst",
            "L3-senior-security-engineer",
            "L4-technical-lead",
        ]
    );
}

#[test]
fn list_ids_prints_one_id_per_line_and_nothing_else() {
    assert_eq!(
        ok(&["list", "--ids", "--track", "engineer"]),
        "L2-security-engineer\nL3-senior-security-engineer\nL4-technical-lead\n"
    );
    assert_eq!(ok(&["list", "--ids"]).lines().count(), 7);
    assert_eq!(
        fails(&["list", "--ids", "--format", "json"], 2),
        "error: --ids prints bare ids and cannot be combined with --format\n"
    );
}

#[test]
fn tsv_rows_have_as_many_fields_as_the_header() {
    for args in DATA_COMMANDS {
        let out = ok(&[args, &["--format", "tsv"]].concat());
        let mut lines = out.lines();
        let header = lines.next().expect("header");
        let columns = header.split('\t').count();
        assert!(columns >= 5, "{args:?}: {header}");
        let mut rows = 0;
        for line in lines {
            assert_eq!(line.split('\t').count(), columns, "{args:?}: {line:?}");
            rows += 1;
        }
        assert!(rows > 0, "{args:?}: no records");
    }
    assert_eq!(
        ok(&["list", "--format", "tsv", "--track", "cloud"])
            .lines()
            .next(),
        Some("role\tlevel\ttitle\ttracks\tsummary")
    );
    let show = ok(&["show", "L4", "--format", "tsv"]);
    assert!(show.contains("L4-technical-lead\tattribute\t\t\tevaluated-by\tManager or Director\n"));
}

/// The number of cells in a Markdown table row, splitting only at unescaped pipes.
fn markdown_cells(row: &str) -> usize {
    let (mut pipes, mut escaped) = (0, false);
    for c in row.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => pipes += 1,
            _ => escaped = false,
        }
    }
    pipes - 1
}

#[test]
fn markdown_tables_have_consistent_column_counts() {
    for args in DATA_COMMANDS {
        let out = ok(&[args, &["--format", "markdown"]].concat());
        let mut tables = 0;
        for table in out.split("\n\n") {
            let rows: Vec<&str> = table.lines().filter(|l| l.starts_with('|')).collect();
            if rows.is_empty() {
                continue;
            }
            tables += 1;
            let columns = markdown_cells(rows[0]);
            assert!(
                rows[1].chars().all(|c| "|-".contains(c)),
                "{args:?}: no delimiter row"
            );
            for row in &rows {
                assert_eq!(markdown_cells(row), columns, "{args:?}: {row}");
            }
        }
        assert!(tables > 0 || args[0] == "show", "{args:?}: no table");
    }
}

#[test]
fn markdown_carries_the_same_content_as_the_table() {
    let md = ok(&["show", "L2-security-engineer", "--format", "markdown"]);
    assert!(md.starts_with("# L2 Security Engineer\n"));
    let (expectations, examples) = texts(&role_data("L2-security-engineer"));
    for text in expectations.iter().chain(&examples) {
        assert!(md.contains(&format!("- {text}\n")), "missing {text:?}");
    }
    let diff = ok(&[
        "diff", "L1", "L2", "-t", "analyst", "-d", "teaching", "--format", "markdown",
    ]);
    assert!(
        diff.contains("| + Growing others |  | + Helps new hires"),
        "{diff}"
    );
    assert!(
        diff.contains("\n- 🌱 Teaching and Mentoring: 2 new · 2 not restated\n"),
        "the summary comes first: {diff}"
    );
    assert!(
        diff.contains("| · Learning in the open | · Shows own work"),
        "{diff}"
    );
}
