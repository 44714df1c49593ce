//! Ladders whose expectations carry no themes: pairing by similarity.

use super::*;
use crate::import::import;

#[test]
fn themeless_ladders_pair_expectations_by_similarity() {
    let (toml, _) = import(HANDBOOK);
    let file = TempFile::new("themeless", "support.toml", toml.as_bytes());
    let doc = json(&[
        "--data",
        file.arg(),
        "diff",
        "S2-support-engineer",
        "S2-support-analyst",
    ]);
    let changes: Vec<(String, Option<f64>)> = doc["dimensions"]
        .as_array()
        .expect("dims")
        .iter()
        .flat_map(|d| d["themes"].as_array().expect("themes").clone())
        .flat_map(|t| t["to"].as_array().expect("to").clone())
        .map(|e| {
            (
                e["change"].as_str().expect("change").to_string(),
                e["similarity"].as_f64(),
            )
        })
        .collect();
    assert!(!changes.is_empty());
    for (change, similarity) in &changes {
        match change.as_str() {
            "new" => assert!(similarity.is_none()),
            "reworded" => assert!(similarity.is_some_and(|s| (0.3..1.0).contains(&s))),
            "same" => assert_eq!(*similarity, Some(1.0)),
            other => panic!("a themeless expectation is {other}"),
        }
    }
    // Every role diffed with itself is unchanged, expectation by expectation.
    let same = ok(&["--data", file.arg(), "diff", "S4", "S4-support-lead"]);
    // Teamwork's three bullets and the paragraph below them.
    assert!(same.contains("\n🤝 Teamwork: 4 same\n"), "{same}");
    let body = cells(&same.lines().skip(4).collect::<Vec<_>>().join("\n"));
    assert!(!body.contains("~ ") && !body.contains("+ "), "{same}");
    // next, path and evidence line the levels up too.
    assert!(
        ok(&["--data", file.arg(), "next", "S2-support-engineer"])
            .starts_with("Track engineer: S2 Support Engineer → S3 Senior Support Engineer\n")
    );
    let path = json(&["--data", file.arg(), "path", "--track", "engineer"]);
    let rows = path["dimensions"][0]["themes"].as_array().expect("rows");
    assert!(rows.iter().all(|r| r["theme"].is_null()));
    assert!(rows.iter().all(|r| {
        r["expectations"]
            .as_array()
            .expect("cells")
            .iter()
            .all(|c| c.as_array().expect("cell").len() <= 1)
    }));
    let evidence = ok(&[
        "--data",
        file.arg(),
        "evidence",
        "S3-senior-support-engineer",
    ]);
    assert!(evidence.contains("from S2 Support Engineer"), "{evidence}");
}

#[test]
fn sideways_l3_roles_show_what_they_share_as_reworded_pairs() {
    let doc = json(&[
        "diff",
        "L3-senior-security-analyst",
        "L3-senior-security-engineer",
        "--dimension",
        "domain",
    ]);
    let depth = &doc["dimensions"][0]["themes"][0];
    assert_eq!(depth["theme"], "domain-depth");
    let pair = &depth["to"][0];
    assert_eq!(pair["change"], "reworded");
    assert!(
        pair["similarity"].as_f64().is_some_and(|s| s >= 0.6),
        "{pair}"
    );
    assert!(
        pair["counterpart"]
            .as_str()
            .is_some_and(|t| t.starts_with("Works at an advanced level"))
    );
    let table = ok(&[
        "diff",
        "L3-senior-security-analyst",
        "L3-senior-security-engineer",
        "-d",
        "domain",
    ]);
    assert!(table.contains("≈ Works at an advanced level"), "{table}");
    assert!(flat(&cells(&table)).contains("% alike)"), "{table}");
}
