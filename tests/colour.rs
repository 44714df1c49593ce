//! Colour: off in pipes, on when forced, and the variables that decide it.

use super::*;

#[test]
fn colour_is_off_in_a_pipe_and_on_when_forced() {
    for args in [
        &["list"][..],
        &["show", "L1"],
        &["diff", "L1", "L2", "-t", "analyst"],
    ] {
        assert!(
            !ok(args).contains('\u{1b}'),
            "auto colour leaked into a pipe: {args:?}"
        );
        let never = [args, &["--color", "never"]].concat();
        assert!(!ok(&never).contains('\u{1b}'));
        let always = [args, &["--color", "always"]].concat();
        assert!(
            ok(&always).contains('\u{1b}'),
            "{args:?} with --color always"
        );
    }
}

#[test]
fn a_global_option_counts_before_or_after_the_subcommand_and_the_later_wins() {
    let coloured = |args: &[&str]| ok(args).contains('\u{1b}');
    assert!(coloured(&["--color", "always", "show", "L1"]));
    assert!(coloured(&["show", "L1", "--color", "always"]));
    assert!(!coloured(&[
        "--color", "always", "show", "L1", "--color", "never"
    ]));
    assert!(coloured(&[
        "--color", "never", "show", "L1", "--color", "always"
    ]));
    // Every global option, not only --color: a format and the lack of a header.
    let tsv = ok(&["show", "L1", "--format", "tsv", "--no-header"]);
    assert_eq!(ok(&["--format", "tsv", "show", "L1", "--no-header"]), tsv);
    assert_eq!(ok(&["--no-header", "show", "L1", "--format", "tsv"]), tsv);
    assert_ne!(ok(&["--format", "tsv", "show", "L1"]), tsv);
    assert_eq!(
        ok(&["--format", "markdown", "show", "L1", "--format", "json"]),
        ok(&["show", "L1", "--format", "json"])
    );
}

#[test]
fn colour_environment_variables_are_honoured() {
    let forced = run(ladder(&["list"]).env("CLICOLOR_FORCE", "1"));
    assert!(
        String::from_utf8_lossy(&forced.stdout)
            .contains("\u{1b}[36mL1-junior-security-analyst\u{1b}[39m")
    );
    let both = run(ladder(&["list"])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1"));
    assert!(!String::from_utf8_lossy(&both.stdout).contains('\u{1b}'));
    let flag_wins = run(ladder(&["list", "--color", "always"]).env("NO_COLOR", "1"));
    assert!(String::from_utf8_lossy(&flag_wins.stdout).contains('\u{1b}'));
}

#[test]
fn coloured_diff_marks_keep_their_symbols() {
    let out = ok(&[
        "diff", "L1", "L2", "--track", "analyst", "--color", "always",
    ]);
    assert!(
        out.contains("\u{1b}[32m+ Growing others\u{1b}[39m"),
        "added is green with +"
    );
    assert!(
        out.contains("\u{1b}[2m· Shows own work"),
        "not restated is dim with ·, not an alarm"
    );
    assert!(!out.contains("\u{1b}[31m"), "nothing is red");
}

#[test]
fn a_bad_colour_value_is_a_usage_error() {
    let err = fails(&["list", "--color", "sometimes"], 2);
    assert!(
        err.starts_with("error: invalid value 'sometimes' for '--color <WHEN>'"),
        "{err}"
    );
}
