//! The README and docs/json.md examples, re-run against the binary.

use super::*;

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
    let checked = check_console_examples(include_str!("../README.md"));
    assert!(checked >= 10, "only {checked} README examples found");
}

#[test]
fn json_contract_examples_match_the_binary() {
    let checked = check_console_examples(include_str!("../docs/json.md"));
    assert_eq!(
        checked, 16,
        "one example per command (ladders, changes and review included), one of show --all, and of a \
         catalogue's list, tracks, path and show --all"
    );
}
