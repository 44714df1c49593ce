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
