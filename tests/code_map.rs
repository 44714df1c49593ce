//! ARCHITECTURE.md's code map, held: its lists name the modules of each crate bottom-up, and a
//! module may use only modules listed before it (tests aside). In the spirit of rust-analyzer's
//! tidy tests, this reads the map and the `crate::` paths of the code and fails on the first
//! module that reaches up, or that the map does not list.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The modules that are not in the order: the crate root, which names them all, and the
/// property tests, which are tests.
const UNORDERED: &[&str] = &["lib", "proptests"];

/// The top-level modules of the crate in `dir`, from its files and folders.
fn modules_in(dir: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for entry in fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("a folder entry").path();
        let name = path
            .file_name()
            .expect("a named entry")
            .to_string_lossy()
            .into_owned();
        let module = match name.strip_suffix(".rs") {
            Some(stem) => stem.to_owned(),
            None if path.is_dir() => name,
            None => continue,
        };
        if !UNORDERED.contains(&module.as_str()) {
            found.insert(module);
        }
    }
    found
}

/// The list that follows the line `start`: up to the first line after it that starts at the
/// margin and is not a list item.
fn section<'a>(map: &'a str, start: &str) -> &'a str {
    let from = map
        .find(start)
        .unwrap_or_else(|| panic!("ARCHITECTURE.md has {start:?}"));
    let rest = &map[from + start.len()..];
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let at_margin = !line.starts_with([' ', '-']) && !line.trim().is_empty();
        if at_margin {
            return &rest[..offset];
        }
        offset += line.len();
    }
    rest
}

/// The modules of `known` in the order the section first names them (`name.rs` or `name/` in
/// backticks, exactly: `render/table/` names no top-level module).
fn order_in(section: &str, known: &BTreeSet<String>) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    for quoted in section.split('`').skip(1).step_by(2) {
        let name = quoted
            .strip_suffix(".rs")
            .or_else(|| quoted.strip_suffix('/'));
        if let Some(name) = name.filter(|n| known.contains(*n))
            && !order.iter().any(|o| o == name)
        {
            order.push(name.to_owned());
        }
    }
    order
}

/// Every `.rs` file under `dir`.
fn files_under(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            files_under(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

/// The top-level modules a file's code names through `crate::` (or `prefix`), up to its tests
/// and outside comments: `crate::a::b`, and each item of `crate::{a, b::c}`.
fn uses(code: &str, prefix: &str) -> BTreeSet<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or(code);
    let code: String = code
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .flat_map(|line| [line, "\n"])
        .collect();
    let mut used = BTreeSet::new();
    for piece in code.split(prefix).skip(1) {
        let ident = |s: &str| -> String {
            s.trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        };
        if let Some(group) = piece.strip_prefix('{') {
            let mut depth = 0;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        used.insert(ident(&group[i..]));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            used.insert(ident(piece));
        }
    }
    used.retain(|u| !u.is_empty() && u != "self");
    used
}

/// The places where a module of the crate in `dir` uses one the section lists after it (or
/// the map leaves out a module, or lists one that is not there).
fn upward_uses(map: &str, start: &str, dir: &Path, binary: Option<(&str, &str)>) -> Vec<String> {
    let known = modules_in(dir);
    let order = order_in(section(map, start), &known);
    let mut wrong: Vec<String> = known
        .iter()
        .filter(|m| !order.contains(m))
        .map(|m| format!("{start} does not list `{m}`"))
        .collect();
    let rank = |m: &str| order.iter().position(|o| o == m);
    let mut files = Vec::new();
    files_under(dir, &mut files);
    files.sort();
    for file in files {
        let relative = file.strip_prefix(dir).expect("a file under its folder");
        let first = relative
            .components()
            .next()
            .expect("a first component")
            .as_os_str()
            .to_string_lossy();
        let module = first.strip_suffix(".rs").unwrap_or(&first).to_owned();
        let Some(own) = rank(&module) else { continue };
        let code = fs::read_to_string(&file).expect("a source file");
        let prefix = match binary {
            Some((bin, crate_name)) if module == bin => crate_name,
            _ => "crate::",
        };
        for used in uses(&code, prefix) {
            if rank(&used).is_some_and(|r| r > own) {
                wrong.push(format!(
                    "{} uses `{used}`, listed after `{module}`",
                    relative.display()
                ));
            }
        }
    }
    wrong
}

#[test]
fn every_module_uses_only_modules_the_code_map_lists_before_it() {
    let map = fs::read_to_string(Path::new(ROOT).join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let core = Path::new(ROOT).join("crates/ladder-core/src");
    let mut wrong = upward_uses(&map, "In `crates/ladder-core/src/`:", &core, None);
    let src = Path::new(ROOT).join("src");
    wrong.extend(upward_uses(
        &map,
        "In `src/`:",
        &src,
        Some(("main", "ladder::")),
    ));
    assert!(
        wrong.is_empty(),
        "the code map is not true:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_reading_of_uses_finds_paths_groups_and_nested_groups() {
    let code = "/// See [`x`](crate::above::x).\nuse crate::a::b;\nuse crate::{c, d::{e, f}, self};\nfn g() { crate::h::i(); }\n\
                #[cfg(test)]\nmod tests { use crate::z; }";
    let found: Vec<String> = uses(code, "crate::").into_iter().collect();
    assert_eq!(found, ["a", "c", "d", "h"]);
}

#[test]
fn a_module_reaching_up_is_named() {
    let dir = std::env::temp_dir().join(format!("ladder-code-map-{}", std::process::id()));
    fs::create_dir_all(dir.join("high")).expect("a scratch file");
    fs::write(dir.join("low.rs"), "use crate::high::thing;\n").expect("a scratch file");
    fs::write(dir.join("high/mod.rs"), "use crate::low;\n").expect("a scratch file");
    fs::write(dir.join("lib.rs"), "pub mod high; pub mod low;\n").expect("a scratch file");
    let map = "In `x/`:\n- `low.rs`: the bottom.\n- `high/`: above it.\n\nTests: elsewhere.\n";
    let wrong = upward_uses(map, "In `x/`:", &dir, None);
    fs::remove_dir_all(&dir).expect("a scratch file");
    assert_eq!(wrong, ["low.rs uses `high`, listed after `low`"]);
}
