//! Every human view at every width from 40 to 200 columns: no line wider than the terminal,
//! and no word of the wide output cut or lost in the narrow one.

use std::collections::HashMap;

use unicode_width::UnicodeWidthStr;

use super::*;

/// The widths every view is drawn at, and the width whose words the others must keep.
const WIDTHS: [usize; 6] = [40, 60, 80, 100, 120, 200];
const WIDE: usize = 1000;

/// Words that head the columns of a table. A stacked layout says what each block is by its
/// shape (a title under an id, a value under its attribute) instead of a header row, so these
/// alone may be missing from a narrow output; every other word must be there, whole.
const COLUMN_HEADINGS: [&str; 7] = [
    "Level",
    "Role",
    "Title",
    "Tracks",
    "Summary",
    "Attribute",
    "Theme",
];

/// The ladders of the matrix: the embedded one, the design ladder and one of wide characters,
/// named relative to the crate (where the tests run them), as a user names a file: `validate`
/// prints the name, and an absolute path of a checkout can be wider than a line, the one word
/// the wrapper must break.
fn ladders() -> Vec<(Option<&'static str>, String)> {
    let read = |name: &str| {
        std::fs::read_to_string(format!("{}/{name}", env!("CARGO_MANIFEST_DIR"))).expect(name)
    };
    vec![
        (None, DATA.to_string()),
        (
            Some("tests/data/design.toml"),
            read("tests/data/design.toml"),
        ),
        (Some("tests/data/wide.toml"), read("tests/data/wide.toml")),
        (
            Some("tests/data/long-names.toml"),
            read("tests/data/long-names.toml"),
        ),
    ]
}

/// Every human view of a ladder, as arguments: each role shown, compared with the next and
/// its evidence; each track's path; the lists, a search and validation.
fn views(toml_text: &str) -> Vec<Vec<String>> {
    let data: toml::Value = toml::from_str(toml_text).expect("ladder parses");
    let ids = |table: &str| -> Vec<String> {
        data[table]
            .as_array()
            .expect(table)
            .iter()
            .map(|r| r["id"].as_str().expect("id").to_string())
            .collect()
    };
    let (roles, tracks) = (ids("role"), ids("track"));
    let words = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let mut views = vec![
        words(&["list"]),
        words(&["tracks"]),
        words(&["dimensions"]),
        words(&["validate"]),
        words(&["search", "e"]),
    ];
    for role in &roles {
        views.push(words(&["show", role]));
        views.push(words(&["next", role]));
    }
    for pair in roles.windows(2) {
        views.push(words(&["diff", &pair[0], &pair[1]]));
    }
    for track in &tracks {
        views.push(words(&["path", "--track", track]));
    }
    views
}

/// The words of an output, borders dropped and punctuation trimmed from their ends (a stacked
/// layout writes `Title:` where a table has a column), counted.
fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    let borders = |c: char| ('\u{2500}'..='\u{257f}').contains(&c);
    for word in text.replace(borders, " ").split_whitespace() {
        let word = word.trim_matches(|c: char| c.is_ascii_punctuation() && c != '…');
        if !word.is_empty() {
            *counts.entry(word.to_string()).or_insert(0) += 1;
        }
    }
    counts
}

/// The words a stack of blocks may say fewer times than a grid, but must say: the marks of a
/// comparison (a stack marks a change once, on a theme's statements or on an attribute) and
/// the words of the grids' header rows (a stack names a comparison's sides `A:` and `B:` once
/// the header has said who they are).
fn said_once_when_stacked(wide: &str) -> std::collections::HashSet<String> {
    let mut once: std::collections::HashSet<String> = ["+", "~", "≈", "·", "="]
        .iter()
        .map(|m| m.to_string())
        .collect();
    let mut in_header = false;
    for line in wide.lines() {
        if line.starts_with('┌') {
            in_header = true;
        } else if line.starts_with('╞') {
            in_header = false;
        } else if in_header {
            once.extend(words(line).into_keys());
        }
    }
    once
}

/// What is wrong with `narrow` drawn at `columns`, against the same view at 1,000 columns.
fn problems(narrow: &str, wide: &str, columns: usize) -> Vec<String> {
    let mut found = Vec::new();
    for line in narrow.lines() {
        if line.width() > columns {
            found.push(format!("{} columns: {line:?}", line.width()));
        }
    }
    let have = words(narrow);
    let once = said_once_when_stacked(wide);
    let mut missing: Vec<String> = words(wide)
        .into_iter()
        .filter(|(w, _)| !COLUMN_HEADINGS.contains(&w.as_str()))
        .filter(|(w, n)| {
            let shown = have.get(w).copied().unwrap_or(0);
            if once.contains(w) {
                shown == 0
            } else {
                shown < *n
            }
        })
        .map(|(w, n)| format!("{w:?} ({} of {n})", have.get(&w).copied().unwrap_or(0)))
        .collect();
    missing.sort();
    if !missing.is_empty() {
        found.push(format!("words cut or lost: {}", missing.join(", ")));
    }
    if let Some(cut) = have.keys().find(|w| w.ends_with('…')) {
        found.push(format!("a word cut with an ellipsis: {cut:?}"));
    }
    found
}

/// Runs the view at `columns` on a pipe, where `COLUMNS` sets the width.
fn at(data: Option<&str>, view: &[String], columns: usize) -> String {
    let mut args: Vec<&str> = data.map(|d| vec!["--data", d]).unwrap_or_default();
    args.extend(view.iter().map(String::as_str));
    let out = run(ladder(&args)
        .env("COLUMNS", columns.to_string())
        .current_dir(env!("CARGO_MANIFEST_DIR")));
    assert!(out.status.success(), "ladder {args:?} failed");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// What is wrong with each view of `data` at each width, against the view at 1,000 columns.
fn failures_of(data: Option<&str>, views: &[Vec<String>]) -> Vec<String> {
    let mut failures = Vec::new();
    for view in views {
        let wide = at(data, view, WIDE);
        for columns in WIDTHS {
            for problem in problems(&at(data, view, columns), &wide, columns) {
                failures.push(format!("{data:?} {view:?} at {columns}: {problem}"));
            }
        }
    }
    failures
}

/// Fails with every failure, one a line.
fn assert_none(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_view_fits_every_width_and_keeps_every_word_whole() {
    let mut failures = Vec::new();
    for (data, text) in ladders() {
        failures.extend(failures_of(data, &views(&text)));
    }
    assert_none(&failures);
}

#[test]
fn every_view_of_a_catalogue_fits_every_width_and_keeps_every_word_whole() {
    let words = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let mut views = vec![
        words(&["list"]),
        words(&["tracks"]),
        words(&["dimensions"]),
        words(&["show", "--all"]),
        words(&["search", "e"]),
    ];
    for track in [
        "product", "research", "systems", "analyst", "engineer", "cloud",
    ] {
        views.push(words(&["path", "--track", track]));
    }
    assert_none(&failures_of(Some("tests/data/catalogue"), &views));
}

#[test]
fn evidence_on_a_terminal_fits_it_and_keeps_every_word() {
    for (data, text) in ladders() {
        let data_toml: toml::Value = toml::from_str(&text).expect("ladder parses");
        let roles = data_toml["role"].as_array().expect("roles");
        // The second role: one with a level below it to compare with.
        let role = roles[1]["id"].as_str().expect("id");
        let mut args: Vec<&str> = data.map(|d| vec!["--data", d]).unwrap_or_default();
        args.extend(["--no-pager", "evidence", role]);
        let piped = run(ladder(&args).current_dir(env!("CARGO_MANIFEST_DIR")));
        let piped = String::from_utf8(piped.stdout).expect("UTF-8");
        for columns in WIDTHS {
            let Some((code, shown)) = on_terminal(&args, &[("COLUMNS", &columns.to_string())])
            else {
                return;
            };
            assert_eq!(code, 0, "{shown}");
            // A heading is one Markdown line: the terminal wraps it, the fold does not (a
            // heading folded would end at its first line). The anchors are the file's, left
            // out on a terminal.
            let headings_apart = |text: &str| -> String {
                text.lines()
                    .filter(|l| !l.starts_with('#') && !l.starts_with("<!--"))
                    .map(|l| format!("{l}\n"))
                    .collect()
            };
            let found = problems(&headings_apart(&shown), &headings_apart(&piped), columns);
            assert!(
                found.is_empty(),
                "{args:?} at {columns}:\n{}",
                found.join("\n")
            );
        }
    }
}

#[test]
fn evidence_into_a_pipe_keeps_one_line_per_paragraph() {
    let out = run(ladder(&["evidence", "L3-senior-security-engineer"]).env("COLUMNS", "40"));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.lines().any(|l| l.width() > 100), "{text}");
}

/// `changes` fits every width too: the fixture pair whole and brief, and two versions of the
/// embedded ladder whose wording changed throughout.
#[test]
fn changes_fits_every_width_and_keeps_every_word_whole() {
    let folder = Folder::new("widths-changes");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["old.toml", "new.toml"] {
        let text = std::fs::read(root.join("tests/data/changes").join(name)).expect("fixture");
        folder.write(name, text);
    }
    folder.write("ladder.toml", DATA);
    let edited = DATA
        .replace("incident", "incidents")
        .replace("L2-security-engineer", "L2-security-engineer-renamed");
    folder.write("edited.toml", edited);
    let views: [&[&str]; 3] = [
        &["changes", "old.toml", "new.toml"],
        &["changes", "old.toml", "new.toml", "--brief"],
        &["changes", "ladder.toml", "edited.toml"],
    ];
    let mut failures = Vec::new();
    for view in views {
        let at = |columns: usize| {
            let out = run(ladder(view)
                .env("COLUMNS", columns.to_string())
                .current_dir(folder.join("")));
            assert_eq!(out.status.code(), Some(1), "ladder {view:?}");
            String::from_utf8(out.stdout).expect("UTF-8")
        };
        let wide = at(WIDE);
        for columns in WIDTHS {
            for problem in problems(&at(columns), &wide, columns) {
                failures.push(format!("{view:?} at {columns}: {problem}"));
            }
        }
    }
    assert_none(&failures);
}

/// `review` fits every width too, its bars and gaps wrapped without cutting a word.
#[test]
fn review_fits_every_width_and_keeps_every_word_whole() {
    let view: Vec<String> = ["review", "tests/data/review/me.md"]
        .map(String::from)
        .to_vec();
    let wide = at(None, &view, WIDE);
    let mut failures = Vec::new();
    for columns in WIDTHS {
        for problem in problems(&at(None, &view, columns), &wide, columns) {
            failures.push(format!("review at {columns}: {problem}"));
        }
    }
    assert_none(&failures);
}
