//! `ladder schema json`: the JSON Schema of the `--format json` documents, which every
//! command's output passes, in one ladder and in a catalogue, and which refuses a field it
//! does not name, so that a change to the output the schema misses fails here.

use super::*;

const CATALOGUE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/catalogue");
const CHANGES_OLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/changes/old.toml");
const CHANGES_NEW: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/changes/new.toml");
const REVIEW: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/review/me.md");

/// The schema `ladder schema json` prints, as JSON.
fn output_schema() -> serde_json::Value {
    let text = ok(&["schema", "json"]);
    let schema: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    schema
}

/// The same, compiled by an independent validator.
fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&output_schema()).expect("a valid JSON Schema")
}

/// The JSON document `ladder ARGS --format json` writes, whatever its exit code (`changes`
/// exits 1 when the ladders differ, `validate` when a file has errors).
fn document(args: &[&str]) -> serde_json::Value {
    let out = run(&mut ladder(&[args, &["--format", "json"]].concat()));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("ladder {args:?}: {e}\n{text}"))
}

/// The schema's complaints about a document, one line each.
fn errors(schema: &jsonschema::Validator, doc: &serde_json::Value) -> Vec<String> {
    schema.iter_errors(doc).map(|e| e.to_string()).collect()
}

/// Every report, of the embedded ladder, with the document of the schema it is.
const ONE_LADDER: &[(&str, &[&str])] = &[
    ("list", &["list"]),
    ("list", &["list", "--track", "engineer"]),
    ("show", &["show", "L3-senior-security-engineer"]),
    ("show", &["show", "L1", "--dimension", "business"]),
    ("show-all", &["show", "--all"]),
    ("diff", &["diff", "L2", "L3", "--track", "engineer"]),
    ("next", &["next", "L2-security-engineer"]),
    ("next", &["next", "L4-technical-lead"]),
    ("path", &["path", "--track", "cloud"]),
    ("search", &["search", "incident"]),
    ("search", &["search", "no-such-words-anywhere"]),
    ("tracks", &["tracks"]),
    ("dimensions", &["dimensions"]),
    ("ladders", &["ladders"]),
    ("validate", &["validate"]),
    ("changes", &["changes", CHANGES_OLD, CHANGES_NEW]),
    ("review", &["review", REVIEW]),
];

/// Every report that has a catalogue form, of tests/data/catalogue.
const IN_A_CATALOGUE: &[(&str, &[&str])] = &[
    ("list", &["list"]),
    ("show", &["show", "secops/L2-security-analyst"]),
    ("catalogue-show-all", &["show", "--all"]),
    (
        "diff",
        &[
            "diff",
            "secops/L2-security-engineer",
            "design/P2-product-designer",
        ],
    ),
    ("catalogue-path", &["path", "--track", "analyst"]),
    ("tracks", &["tracks"]),
    ("dimensions", &["dimensions"]),
    ("search", &["search", "incident"]),
    ("ladders", &["ladders"]),
    ("validate-folder", &["validate", CATALOGUE]),
];

/// The output schema narrowed to one report's document, which says more than "none of the
/// `anyOf`" when a document fails.
fn report_schema(schema: &serde_json::Value, report: &str) -> jsonschema::Validator {
    let mut one = schema.clone();
    one["anyOf"] = serde_json::json!([{ "$ref": format!("#/$defs/{report}") }]);
    jsonschema::validator_for(&one).expect("a valid JSON Schema")
}

/// Each document of `runs` passes the schema, and the schema of its own report.
fn all_pass(before: &[&str], runs: &[(&str, &[&str])]) {
    let schema = output_schema();
    let whole = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    for (report, args) in runs {
        let doc = document(&[before, args].concat());
        assert!(doc.is_object(), "{args:?}");
        let own = errors(&report_schema(&schema, report), &doc);
        assert!(
            own.is_empty(),
            "ladder {before:?} {args:?} as {report}: {own:#?}"
        );
        assert!(errors(&whole, &doc).is_empty(), "{args:?}");
    }
}

#[test]
fn every_json_document_of_one_ladder_passes_the_output_schema() {
    all_pass(&[], ONE_LADDER);
}

#[test]
fn every_json_document_of_a_catalogue_passes_the_output_schema() {
    all_pass(&["--data", CATALOGUE], IN_A_CATALOGUE);
}

#[test]
fn validate_json_passes_the_output_schema_for_a_good_and_a_bad_file() {
    let schema = validator();
    let folder = Folder::new("json-schema-validate");
    let bad = DATA.replacen("level = \"L1\"", "level = \"L9\"", 1);
    assert_ne!(bad, DATA, "the embedded ladder has a role at L1");
    let bad = folder.write("bad.toml", bad);
    let bad = bad.to_str().expect("UTF-8");
    let doc = document(&["validate", bad]);
    assert!(doc["errors"].as_u64().expect("a count") > 0, "{doc:#}");
    assert!(
        errors(&schema, &doc).is_empty(),
        "{:#?}",
        errors(&schema, &doc)
    );
    let doc = document(&["validate", HOSTILE]);
    assert!(
        errors(&schema, &doc).is_empty(),
        "{:#?}",
        errors(&schema, &doc)
    );
}

/// Every object of the schema names its fields and refuses others: what makes a field added
/// to the output without the schema knowing it fail the tests above.
#[test]
fn every_object_of_the_output_schema_is_closed() {
    fn walk(value: &serde_json::Value, at: &str, open: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if map.contains_key("properties") && map["additionalProperties"] != false {
                    open.push(at.to_string());
                }
                for (key, value) in map {
                    walk(value, &format!("{at}/{key}"), open);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, value) in items.iter().enumerate() {
                    walk(value, &format!("{at}/{i}"), open);
                }
            }
            _ => {}
        }
    }
    let mut open = Vec::new();
    walk(&output_schema(), "#", &mut open);
    assert!(open.is_empty(), "objects that take any field: {open:#?}");
}

#[test]
fn the_output_schema_refuses_a_field_it_does_not_name() {
    let schema = validator();
    for args in [
        &["list"][..],
        &["show", "L1"],
        &["path", "--track", "cloud"],
    ] {
        let doc = document(args);
        assert!(errors(&schema, &doc).is_empty(), "{args:?}");
        let mut top = doc.clone();
        top["surprise"] = serde_json::json!(1);
        assert!(
            !errors(&schema, &top).is_empty(),
            "{args:?}: a new field at the top"
        );
    }
    let mut deep = document(&["list"]);
    deep["roles"][0]["surprise"] = serde_json::json!("x");
    assert!(!errors(&schema, &deep).is_empty(), "a new field in a role");
    let mut deep = document(&["show", "L1"]);
    deep["role"]["dimensions"][0]["expectations"][0]["surprise"] = serde_json::json!(true);
    assert!(
        !errors(&schema, &deep).is_empty(),
        "a new field in an expectation"
    );
    let mut later = document(&["list"]);
    later["schema"] = serde_json::json!(3);
    assert!(
        !errors(&schema, &later).is_empty(),
        "another schema version"
    );
    let mut gone = document(&["tracks"]);
    gone["tracks"][0]
        .as_object_mut()
        .expect("a track")
        .remove("name");
    assert!(
        !errors(&schema, &gone).is_empty(),
        "a field gone from a track"
    );
}

#[test]
fn the_output_schema_names_one_document_per_report_and_takes_any_of_them() {
    let schema = output_schema();
    let defs = schema["$defs"].as_object().expect("$defs");
    let reports = [
        "list",
        "ladders",
        "show",
        "show-all",
        "catalogue-show-all",
        "diff",
        "next",
        "path",
        "catalogue-path",
        "search",
        "tracks",
        "dimensions",
        "validate",
        "validate-folder",
        "changes",
        "review",
    ];
    let refs: Vec<String> = reports.iter().map(|r| format!("#/$defs/{r}")).collect();
    let any: Vec<&str> = schema["anyOf"]
        .as_array()
        .expect("anyOf")
        .iter()
        .map(|r| r["$ref"].as_str().expect("a $ref"))
        .collect();
    assert_eq!(any, refs);
    for report in reports {
        assert!(defs.contains_key(report), "{report}");
    }
    // `ladder schema` alone is still the file format's.
    assert_eq!(ok(&["schema"]), ok(&["schema", "file"]));
}
