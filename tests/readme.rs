//! The README and docs/json.md examples, re-run against the binary.

use super::*;

/// Checks every `console` block of a document that starts with `$ ladder ...` (optionally
/// piped through `head -n N` or `tail -n N`): it must show exactly what the binary prints
/// at 100 columns. Returns how many blocks were checked.
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

#[test]
fn readme_examples_match_the_binary() {
    let checked = check_console_examples(include_str!("../README.md"));
    assert!(checked >= 10, "only {checked} README examples found");
}

#[test]
fn json_contract_examples_match_the_binary() {
    let checked = check_console_examples(include_str!("../docs/json.md"));
    assert_eq!(checked, 8, "one example per command");
}
