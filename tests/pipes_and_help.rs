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
