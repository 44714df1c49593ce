//! Closed pipes, help text, exit codes and what argv may not do to the terminal.

use super::*;

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    let mut runs: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["show", "L4"],
        vec!["diff", "L2", "L3", "--track", "cloud"],
    ];
    // Output larger than any buffer, so that the pipe breaks in the middle of a document.
    for format in ["table", "json", "markdown", "tsv"] {
        runs.push(vec!["--format", format, "search", ".", "--regex"]);
    }
    for args in &runs {
        let mut child = ladder(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("ladder starts");
        // Close the reading end before ladder writes anything.
        drop(child.stdout.take());
        let status = child.wait().expect("ladder ends");
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut stderr)
            .expect("stderr readable");
        assert_eq!(status.code(), Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

#[test]
fn argv_never_reaches_the_terminal_raw() {
    // clap's own error quotes the unknown subcommand; ours quote the unknown role.
    let err = fails(&["x\rFAKE\u{1b}[2J\u{202e}"], 2);
    assert!(
        err.starts_with(
            "error: unrecognized subcommand 'x\\u{d}FAKE\\u{1b}[2J\\u{202e}'\n\nUsage: ladder"
        ),
        "{err}"
    );
    assert_eq!(
        fails(&["show", "\u{7}\u{202e}x"], 2),
        "error: no role matches \"\\u{7}\\u{202e}x\"; run `ladder list` to see every role\n"
    );
    // A plain mistake keeps clap's own message untouched.
    assert!(fails(&["--bogus"], 2).starts_with("error: unexpected argument '--bogus' found\n"));
}

#[test]
fn help_documents_the_exit_codes_and_examples() {
    let help = ok(&["--help"]);
    assert!(
        help.contains("Exit codes:\n  0  success\n  1  runtime failure"),
        "{help}"
    );
    assert!(help.contains("2  usage error"), "{help}");
    assert!(ok(&["diff", "--help"]).contains("ladder diff L2 L3 --track engineer"));
    assert_eq!(
        ok(&["--version"]),
        format!("ladder {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_missing_subcommand_or_unknown_flag_exits_2() {
    let out = run(&mut ladder(&[]));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage: ladder"));
    assert!(fails(&["list", "--frobnicate"], 2).contains("unexpected argument '--frobnicate'"));
}

/// `--data -` with a terminal on stdin says it waits for the ladder, on stderr; from a pipe it
/// says nothing (issue 25, item 10).
#[test]
fn a_ladder_typed_on_a_terminal_is_asked_for() {
    use std::io::Write as _;
    if !tool("script") {
        return;
    }
    let ladder_text = include_str!("data/every-field.toml");
    let mut child = Command::new("script")
        .args([
            "-qec",
            &format!("'{BIN}' --data - list --no-pager --color never"),
            "/dev/null",
        ])
        .env("COLUMNS", "100")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("script starts");
    let mut stdin = child.stdin.take().expect("stdin");
    // Typed on the terminal, then Ctrl-D on a line of its own.
    stdin.write_all(ladder_text.as_bytes()).expect("typed");
    stdin.write_all(b"\n\x04").expect("Ctrl-D");
    drop(stdin);
    let out = child.wait_with_output().expect("script ends");
    let shown = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    // The terminal echoes what was typed too, around the message.
    assert!(
        shown.contains("reading a ladder from standard input (end with Ctrl-D)\n"),
        "{shown}"
    );
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert!(shown.contains("F2 "), "the list: {shown}");
    let piped = run(ladder(&["--data", "-", "list"]).stdin(Stdio::from(
        std::fs::File::open(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/every-field.toml"
        ))
        .expect("fixture"),
    )));
    assert_eq!(String::from_utf8_lossy(&piped.stderr), "");
}

/// Each command's `--format` help says its real default and choices: `evidence` and `export`
/// write only Markdown, and no help says `[default: table]` in the middle of a sentence (issue
/// 25, item 13).
#[test]
fn format_help_says_each_command_s_real_default() {
    for command in ["evidence", "export"] {
        let long = ok(&[command, "--help"]);
        assert!(
            long.contains("Output format: only markdown, the default\n"),
            "{long}"
        );
        let says = format!("{command} writes ");
        assert!(flat(&long).contains(&says), "{long}");
    }
    assert!(
        flat(&ok(&["evidence", "--help"])).contains("evidence writes only markdown, its default")
    );
    for command in [
        "show", "list", "diff", "evidence", "export", "review", "changes",
    ] {
        let help = ok(&[command, "--help"]);
        assert!(!help.contains("[default: table]"), "{command}: {help}");
    }
    assert!(
        ok(&["show", "--help"])
            .contains("Output format: table (the default), json, markdown or tsv")
    );
}

/// `ladder -h` and every `ladder CMD -h` fit a screen: at most 30 lines of at most 80
/// columns, the global options named on one line; `--help` is the long form that describes
/// them (issue 25, item 17).
#[test]
fn short_help_fits_a_screen_and_long_help_has_the_rest() {
    let short = |args: &[&str]| {
        let out = run(ladder(args).env("COLUMNS", "80"));
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let top = short(&["-h"]);
    let commands: Vec<String> = top
        .split("Commands:\n")
        .nth(1)
        .expect("a Commands section")
        .lines()
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .filter(|c| c != "help")
        .collect();
    assert!(commands.len() >= 17, "{commands:?}");
    let globals = "\nGlobal options: --color --format --data --ladder --no-pager --no-header\n";
    for command in std::iter::once(None).chain(commands.iter().map(Some)) {
        let args: Vec<&str> = command.iter().map(|c| c.as_str()).chain(["-h"]).collect();
        let help = short(&args);
        let lines = help.lines().count();
        assert!(lines <= 30, "{args:?}: {lines} lines\n{help}");
        let widest = help.lines().map(width).max().unwrap_or(0);
        assert!(widest <= 80, "{args:?}: a line of {widest} columns\n{help}");
        assert!(help.contains(globals), "{args:?}\n{help}");
        assert!(
            !help.contains("LADDER_PAGER"),
            "{args:?}: a global described\n{help}"
        );
        let long = ok(&[&args[..args.len() - 1], &["--help"]].concat());
        assert!(long.contains("\nGlobal options:\n"), "{args:?}");
        assert!(
            long.contains("$LADDER_PAGER, $PAGER or `less -FRX`"),
            "{args:?}"
        );
        assert!(long.lines().count() > lines, "{args:?}");
    }
}

/// At 40 columns an example too wide for the line breaks between its arguments, each broken
/// line ending with ` \`, and a comment beside it goes above it: the help's examples paste
/// as the commands they are (issue 25, item 6, as the hints do).
#[test]
fn help_examples_break_between_arguments_and_paste_whole() {
    for command in ["search", "diff", "review", "changes", "list", "evidence"] {
        for flag in ["-h", "--help"] {
            let out = run(ladder(&[command, flag]).env("COLUMNS", "40"));
            let help = String::from_utf8(out.stdout).expect("UTF-8");
            let examples = help
                .split("Examples:\n")
                .nth(1)
                .and_then(|rest| rest.split("\n\n").next())
                .expect("examples");
            let mut continued = false;
            for line in examples.lines() {
                assert!(line.chars().count() <= 40, "{command} {flag}: {line:?}");
                if continued {
                    assert!(line.starts_with("    "), "{command} {flag}: {line:?}");
                } else {
                    assert!(
                        line.starts_with("  ladder ")
                            || line.starts_with("  # ")
                            || line.starts_with("  for "),
                        "{command} {flag}: a line cut inside a command: {line:?}\n{help}"
                    );
                }
                continued = line.ends_with(" \\");
            }
        }
    }
}
