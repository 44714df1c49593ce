//! The embedded ladder's words are ours: no run of seven words, in any of its texts (titles,
//! summaries, attribute values, statements, examples, definitions), is copied from the
//! reference it was written from.

use std::collections::HashSet;
use std::path::Path;

/// The longest run of words a text of ours may share with the reference.
const LONGEST_SHARED: usize = 6;

/// Lower-case words: letters, digits and apostrophes; all else separates.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every string in a TOML value, keys aside.
fn strings(value: &toml::Value, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        toml::Value::Table(table) => table.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// The runs of `LONGEST_SHARED + 1` words that `text` shares with `reference`.
fn shared_runs(text: &str, reference: &HashSet<Vec<String>>) -> Vec<String> {
    let words = words(text);
    words
        .windows(LONGEST_SHARED + 1)
        .filter(|run| reference.contains(*run))
        .map(|run| run.join(" "))
        .collect()
}

/// The runs of the reference texts, or None (said on stderr) when they are not beside the
/// repository: they live in the team's shared folder, which a clone does not carry.
fn reference_runs() -> Option<HashSet<Vec<String>>> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let facts = shared.join("reference/secops-ladder-facts.md");
    let Ok(mut text) = std::fs::read_to_string(&facts) else {
        eprintln!("not checked: {} is not there", facts.display());
        return None;
    };
    for page in std::fs::read_dir(shared.join("seed")).into_iter().flatten() {
        let page = page.expect("a seed page").path();
        text.push_str(&std::fs::read_to_string(page).unwrap_or_default());
    }
    let words = words(&text);
    Some(
        words
            .windows(LONGEST_SHARED + 1)
            .map(<[String]>::to_vec)
            .collect(),
    )
}

#[test]
fn a_run_shared_with_the_reference_is_found_in_any_text() {
    let reference: HashSet<Vec<String>> = [words(
        "carries vertical slices of larger products idea to production",
    )]
    .iter()
    .flat_map(|w| {
        w.windows(LONGEST_SHARED + 1)
            .map(<[String]>::to_vec)
            .collect::<Vec<_>>()
    })
    .collect();
    let ladder: toml::Value = toml::from_str(
        "[role.attributes]\nresponsibility = \"Carries vertical slices of larger products, idea to production.\"\n",
    )
    .expect("toml");
    let mut texts = Vec::new();
    strings(&ladder, &mut texts);
    let found: Vec<String> = texts
        .iter()
        .flat_map(|t| shared_runs(t, &reference))
        .collect();
    assert_eq!(
        found,
        [
            "carries vertical slices of larger products idea",
            "vertical slices of larger products idea to",
            "slices of larger products idea to production"
        ]
    );
}

#[test]
fn no_text_of_the_embedded_ladder_copies_seven_words_of_its_reference() {
    let Some(reference) = reference_runs() else {
        return;
    };
    let ladder: toml::Value = toml::from_str(crate::DATA).expect("the embedded ladder");
    let mut texts = Vec::new();
    strings(&ladder, &mut texts);
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Delivers end-to-end slices"))
    );
    let copied: Vec<(String, Vec<String>)> = texts
        .iter()
        .map(|t| (t.clone(), shared_runs(t, &reference)))
        .filter(|(_, runs)| !runs.is_empty())
        .collect();
    assert!(copied.is_empty(), "{copied:#?}");
}
