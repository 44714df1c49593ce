//! What scripts rely on: `--no-header`, formats refused where a command cannot write them,
//! `show --all`, one comparison shape, and the README's jq and awk recipes.

use super::*;

#[test]
fn no_header_leaves_only_records() {
    let with = ok(&["search", "incident", "--format", "tsv"]);
    let without = ok(&["search", "incident", "--format", "tsv", "--no-header"]);
    let (header, records) = with.split_once('\n').expect("a header line");
    assert_eq!(header, "role\tfield\tdimension\ttheme\tattribute\ttext");
    assert_eq!(without, records);
    assert!(!without.is_empty());
}

#[test]
fn no_header_is_refused_without_tsv() {
    for format in [&[][..], &["--format", "json"], &["--format", "table"]] {
        let args = [&["list", "--no-header"][..], format].concat();
        assert_eq!(
            fails(&args, 2),
            "error: --no-header leaves out the header line of --format tsv; use it with tsv\n",
            "{args:?}"
        );
    }
}

#[test]
fn formats_a_command_cannot_write_are_refused() {
    let dir = Folder::new("refused-formats");
    let target = dir.arg("book");
    let cases: [(&[&str], &str); 4] = [
        (
            &["export", &target],
            "export writes a Markdown handbook; --format can only be markdown",
        ),
        (
            &["evidence", "L3-senior-security-engineer"],
            "evidence writes a Markdown outline; --format can only be markdown",
        ),
        (
            &["completions", "bash"],
            "completions writes a shell script; it takes no --format",
        ),
        (
            &["man"],
            "man writes a roff manual page; it takes no --format",
        ),
    ];
    for (args, message) in cases {
        for format in ["table", "json", "tsv"] {
            let args = [args, &["--format", format]].concat();
            assert_eq!(fails(&args, 2), format!("error: {message}\n"), "{args:?}");
        }
    }
    assert!(
        !dir.join("book").exists(),
        "export wrote despite the refusal"
    );
    for command in [&["completions", "bash"][..], &["man"]] {
        let args = [command, &["--format", "markdown"]].concat();
        assert!(fails(&args, 2).contains("it takes no --format"), "{args:?}");
    }
    // What each can write, it writes.
    ok(&[
        "evidence",
        "L3-senior-security-engineer",
        "--format",
        "markdown",
    ]);
    assert_eq!(
        ok(&["export", &target, "--format", "markdown"])
            .lines()
            .count(),
        1
    );
}

#[test]
fn help_lists_the_global_options_apart() {
    for command in ["list", "search", "show", "evidence", "man"] {
        let help = ok(&[command, "--help"]);
        let (own, global) = help
            .split_once("\nGlobal options:\n")
            .unwrap_or_else(|| panic!("{command}: no Global options heading\n{help}"));
        for flag in ["--color", "--format", "--data", "--no-pager", "--no-header"] {
            assert!(global.contains(flag), "{command}: {flag} not global");
            assert!(
                !own.contains(&format!("  {flag}")),
                "{command}: {flag} among own"
            );
        }
        assert!(
            flat(&help).contains(
                "evidence and export write only markdown; completions and man take no --format"
            ),
            "{command}: --format help does not say which commands refuse it"
        );
    }
}
