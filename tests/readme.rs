//! The examples of the README and of the pages under docs/ that hold any (the guide, the
//! security page, the JSON contract), re-run against the binary; and the README kept short,
//! its usage naming every command and global option.

use super::*;

/// The pages whose `console` examples are re-run, each with its text.
/// `every_page_with_examples_is_checked` holds that no page with examples is left out.
const PAGES: [(&str, &str); 4] = [
    ("README.md", include_str!("../README.md")),
    ("docs/guide.md", include_str!("../docs/guide.md")),
    ("docs/security.md", include_str!("../docs/security.md")),
    ("docs/json.md", include_str!("../docs/json.md")),
];

/// The text of one of [`PAGES`].
fn page(name: &str) -> &'static str {
    PAGES
        .iter()
        .find(|(page, _)| *page == name)
        .map(|(_, text)| *text)
        .unwrap_or_else(|| panic!("{name} is not one of PAGES"))
}

/// Checks every `console` block of a document that starts with `$ ladder ...` (optionally
/// piped through `head -n N` or `tail -n N`): it must show exactly what the binary prints
/// at 100 columns. A block piped into anything else (the recipes' jq and awk) runs as
/// written in bash, with this build of `ladder` first on the PATH. Returns how many blocks
/// were checked.
fn check_console_examples(document: &str) -> usize {
    let mut checked = 0;
    for block in document.split("```console\n").skip(1) {
        let block = block.split("```").next().expect("closed block");
        let (command, expected) = block.split_once('\n').expect("command line");
        let command = command
            .strip_prefix("$ ladder ")
            .expect("block starts with $ ladder");
        let (args, filter) = match command.split_once(" | ") {
            Some((args, filter)) => (args, Some(filter)),
            None => (command, None),
        };
        if filter.is_some_and(|f| !is_head_or_tail(f)) {
            let Some(actual) = in_bash(command) else {
                continue;
            };
            assert_eq!(actual, expected, "recipe `ladder {command}` is stale");
            checked += 1;
            continue;
        }
        let args: Vec<&str> = args.split_whitespace().collect();
        let out = run(&mut ladder(&args));
        let mut actual =
            String::from_utf8(out.stdout).expect("UTF-8") + &String::from_utf8_lossy(&out.stderr);
        if let Some(filter) = filter {
            let words: Vec<&str> = filter.split_whitespace().collect();
            let n: usize = words[2].parse().expect("line count");
            let lines: Vec<&str> = actual.lines().collect();
            let kept = match words[..2] {
                ["head", "-n"] => &lines[..n.min(lines.len())],
                ["tail", "-n"] => &lines[lines.len().saturating_sub(n)..],
                _ => panic!("unsupported filter {filter:?}"),
            };
            actual = kept.iter().map(|l| format!("{l}\n")).collect();
        }
        assert_eq!(actual, expected, "example `ladder {command}` is stale");
        checked += 1;
    }
    checked
}

/// Whether a filter is one the examples apply themselves: `head -n N` or `tail -n N`.
fn is_head_or_tail(filter: &str) -> bool {
    let words: Vec<&str> = filter.split_whitespace().collect();
    matches!(words[..], ["head" | "tail", "-n", n] if n.parse::<usize>().is_ok())
}

/// What `ladder COMMAND` prints when bash runs it as written (stdout, then stderr; pipefail,
/// so a failing `ladder` fails the recipe), or `None` when bash, jq or awk is missing (see
/// [`tool`]).
fn in_bash(command: &str) -> Option<String> {
    if !["bash", "jq", "awk"].into_iter().all(tool) {
        return None;
    }
    let dir = std::path::Path::new(BIN).parent().expect("bin dir");
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut bash = Command::new("bash");
    bash.args(["-o", "pipefail", "-c", &format!("ladder {command}")])
        .env("PATH", path)
        .env("COLUMNS", "100")
        .env_remove("LADDER_DATA");
    for name in [
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "TERM",
        "LADDER_PAGER",
        "PAGER",
    ] {
        bash.env_remove(name);
    }
    let out = run(&mut bash);
    assert!(out.status.success(), "recipe `ladder {command}` failed");
    Some(String::from_utf8(out.stdout).expect("UTF-8") + &String::from_utf8_lossy(&out.stderr))
}

#[test]
fn readme_examples_match_the_binary() {
    let checked = check_console_examples(page("README.md"));
    assert!(
        checked >= 6,
        "the tour shows show, next, diff, evidence, review and changes; {checked} examples found"
    );
}

#[test]
fn guide_examples_match_the_binary() {
    let checked = check_console_examples(page("docs/guide.md"));
    assert!(checked >= 1, "docs/guide.md has lost its examples");
}

#[test]
fn security_examples_match_the_binary() {
    let checked = check_console_examples(page("docs/security.md"));
    assert!(checked >= 1, "docs/security.md has lost its example");
}

#[test]
fn json_contract_examples_match_the_binary() {
    let checked = check_console_examples(page("docs/json.md"));
    assert_eq!(
        checked, 16,
        "one example per command (ladders, changes and review included), one of show --all, and of a \
         catalogue's list, tracks, path and show --all"
    );
}

/// A page of the repository's top folder or of docs/ that holds a `console` example is one
/// of [`PAGES`], so that its examples are re-run too.
#[test]
fn every_page_with_examples_is_checked() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = Vec::new();
    for dir in [root.to_path_buf(), root.join("docs")] {
        for entry in std::fs::read_dir(&dir).expect("a folder") {
            let path = entry.expect("a folder entry").path();
            if path.extension().is_some_and(|e| e == "md") {
                pages.push(path);
            }
        }
    }
    for path in pages {
        let text = std::fs::read_to_string(&path).expect("a page");
        let name = path.strip_prefix(root).expect("under the root");
        let name = name.to_str().expect("a UTF-8 name");
        assert!(
            !text.contains("```console\n") || PAGES.iter().any(|(page, _)| *page == name),
            "{name} has console examples: add it to PAGES in tests/readme.rs"
        );
    }
}

/// The README is read in one sitting: at most 250 lines, the reference being in
/// docs/guide.md. Its usage block names every command `ladder -h` lists and every option
/// `ladder --help` lists (the global ones, `-h` and `-V`).
#[test]
fn readme_is_short_and_its_usage_names_every_command_and_option() {
    let readme = page("README.md");
    let lines = readme.lines().count();
    assert!(
        lines <= 250,
        "README.md has {lines} lines, over 250: move the detail to docs/guide.md"
    );
    let usage = readme
        .split("\n## Usage\n")
        .nth(1)
        .and_then(|section| section.split("```text\n").nth(1))
        .and_then(|block| block.split("```").next())
        .expect("README.md has a Usage section with a text block");
    let commands: Vec<&str> = usage
        .lines()
        .filter_map(|line| line.strip_prefix("ladder "))
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    let words: Vec<&str> = usage
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .collect();

    let short = ok(&["-h"]);
    let listed = short
        .split("\nCommands:\n")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("-h lists the commands");
    for line in listed.lines() {
        let name = line.split_whitespace().next().expect("a command name");
        // clap's own `help` command is not one of ladder's.
        if name != "help" {
            assert!(
                commands.contains(&name),
                "the README's usage lacks `ladder {name}`"
            );
        }
    }

    let long = ok(&["--help"]);
    let mut options = 0;
    for line in long.lines() {
        let text = line.trim_start();
        // An option's line is indented at most six columns; its description, further.
        if line.len() - text.len() > 6 || !text.starts_with('-') {
            continue;
        }
        let names = text
            .split_whitespace()
            .map(|word| word.trim_end_matches(','))
            .filter(|word| word.len() > 1 && word.starts_with('-'));
        for name in names {
            assert!(words.contains(&name), "the README's usage lacks {name}");
            options += 1;
        }
    }
    assert!(options >= 10, "only {options} options found in --help");
}
