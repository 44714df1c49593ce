//! `ladder export`: the ladder as a Markdown handbook.

use super::*;

/// Every relative Markdown link `](target)` in a page.
fn links(page: &str) -> Vec<String> {
    page.split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .filter(|t| !t.starts_with("http"))
        .map(String::from)
        .collect()
}

fn export(test: &str) -> TempFile {
    let book = TempFile::new(test, "handbook", b"");
    std::fs::remove_file(&book.path).expect("no file where the handbook goes");
    let target = book.arg();
    assert_eq!(
        ok(&["export", target]),
        format!("wrote 8 pages to {target}\n")
    );
    book
}

#[test]
fn export_writes_an_index_and_a_page_per_role_whose_links_resolve() {
    let book = export("export-links");
    let mut names: Vec<String> = std::fs::read_dir(&book.path)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "L1-Junior-Security-Analyst.md",
            "L2-Security-Analyst.md",
            "L2-Security-Engineer.md",
            "L3-Senior-Cloud-Security-Engineer.md",
            "L3-Senior-Security-Analyst.md",
            "L3-Senior-Security-Engineer.md",
            "L4-Technical-Lead.md",
            "README.md",
        ]
    );
    let mut checked = 0;
    for name in &names {
        let page = std::fs::read_to_string(book.path.join(name)).expect("page");
        for target in links(&page) {
            assert!(
                book.path.join(&target).is_file(),
                "{name} links to missing {target}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 7 + 7, "only {checked} links");
    let index = std::fs::read_to_string(book.path.join("README.md")).expect("index");
    let levels: Vec<&str> = index
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert_eq!(
        levels[0],
        "1. [L1 Junior Security Analyst](L1-Junior-Security-Analyst.md)"
    );
    assert_eq!(levels[6], "7. [L4 Technical Lead](L4-Technical-Lead.md)");
    for part in [
        "# Security Operations",
        "**Awareness + Response + Prevention**",
        "## Disciplines",
        "## Bands",
        "- **Impact radius**: ",
    ] {
        assert!(index.contains(part), "index lacks {part}");
    }
}

#[test]
fn export_pages_carry_every_expectation_and_example() {
    let book = export("export-content");
    let data: toml::Value = toml::from_str(DATA).expect("data parses");
    for role in data["role"].as_array().expect("roles") {
        let id = role["id"].as_str().expect("id");
        let file = format!(
            "{}-{}.md",
            role["level"].as_str().expect("level"),
            role["title"].as_str().expect("title").replace(' ', "-")
        );
        let page = std::fs::read_to_string(book.path.join(&file))
            .unwrap_or_else(|_| panic!("{id}: no {file}"));
        assert!(page.starts_with(&format!(
            "# {}: {}\n",
            role["level"].as_str().expect("level"),
            role["title"].as_str().expect("title")
        )));
        let (expectations, examples) = texts(role);
        for text in expectations.iter().chain(&examples) {
            assert!(page.contains(&format!("- {text}")), "{file} lacks {text:?}");
        }
        assert!(
            page.contains("<details><summary>Examples</summary>"),
            "{file}"
        );
    }
}

#[test]
fn a_second_export_without_force_changes_nothing() {
    let book = export("export-twice");
    let snapshot = |dir: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .expect("dir")
            .map(|e| {
                let e = e.expect("entry");
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).expect("read"),
                )
            })
            .collect();
        files.sort();
        files
    };
    // Edit a page by hand, as a maintainer would; a refused export must leave it alone.
    let page = book.path.join("L2-Security-Analyst.md");
    std::fs::write(&page, "edited by hand\n").expect("edit");
    let before = snapshot(&book.path);
    let target = book.path.to_str().expect("path");
    let err = fails(&["export", target], 1);
    assert_eq!(
        err,
        format!(
            "error: refusing to write into {target:?}: it is not empty; pass --force to write into it anyway\n"
        )
    );
    assert_eq!(
        snapshot(&book.path),
        before,
        "a refused export changed files"
    );
    assert_eq!(
        ok(&["export", target, "--force"]),
        format!("wrote 8 pages to {target}\n")
    );
    assert_ne!(
        std::fs::read_to_string(&page).expect("page"),
        "edited by hand\n"
    );
    assert_eq!(
        snapshot(&book.path).len(),
        8,
        "no temporary file is left behind"
    );
}

#[test]
fn the_index_mermaid_flowchart_has_every_role_and_every_track_step() {
    let book = export("export-mermaid");
    let index = std::fs::read_to_string(book.path.join("README.md")).expect("index");
    let block = index
        .split("```mermaid\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("mermaid block");
    let mut lines = block.lines();
    assert_eq!(lines.next(), Some("flowchart BT"));
    let mut nodes: Vec<(String, String)> = Vec::new();
    let mut edges: Vec<(String, String, String)> = Vec::new();
    for line in lines {
        let line = line.trim();
        if let Some((id, label)) = line.split_once("[\"") {
            let label = label.strip_suffix("\"]").expect("node closes");
            assert!(
                id.starts_with('r') && id[1..].chars().all(|c| c.is_ascii_digit()),
                "{line}"
            );
            nodes.push((id.to_string(), label.to_string()));
        } else {
            let (from, rest) = line.split_once(" -- \"").expect("edge");
            let (label, to) = rest.split_once("\" --> ").expect("edge arrow");
            edges.push((from.to_string(), label.to_string(), to.to_string()));
        }
    }
    let node_of = |heading: &str| {
        nodes
            .iter()
            .find(|(_, l)| l == heading)
            .map(|(id, _)| id.clone())
    };
    let mut steps = 0;
    for (track, roles) in data_tracks() {
        for id in &roles {
            assert!(node_of(&heading_of(id)).is_some(), "{id} has no node");
        }
        for pair in roles.windows(2) {
            let (a, b) = (
                node_of(&heading_of(&pair[0])).expect("a"),
                node_of(&heading_of(&pair[1])).expect("b"),
            );
            let edge = edges
                .iter()
                .find(|(f, _, t)| *f == a && *t == b)
                .unwrap_or_else(|| panic!("no edge {} -> {}", pair[0], pair[1]));
            assert!(
                edge.1.split(", ").any(|t| t == track),
                "edge {a}->{b} lacks {track}"
            );
            steps += 1;
        }
    }
    assert_eq!(nodes.len(), 7);
    assert_eq!(edges.len(), steps, "one edge per distinct step");
    for (from, _, to) in &edges {
        assert!(nodes.iter().any(|(id, _)| id == from) && nodes.iter().any(|(id, _)| id == to));
    }
}

#[test]
fn export_refuses_a_file_and_works_on_other_ladders() {
    let file = TempFile::new("export-file", "not-a-dir", b"x");
    let err = fails(&["export", file.arg()], 1);
    assert!(err.contains("it is not a directory"), "{err}");
    let out = file.dir.join("design");
    let target = out.to_str().expect("path");
    assert_eq!(
        ok(&["--data", DESIGN, "export", target]),
        format!("wrote 9 pages to {target}\n")
    );
    assert!(out.join("P5-Design-Director.md").is_file());
}
