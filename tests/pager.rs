//! The pager: long views on a terminal go through `$LADDER_PAGER`, `$PAGER` or `less`, and
//! nothing else ever does.

use super::*;

/// A "pager" that marks every line it shows, so a test can tell paged output apart.
const MARKING: &str = "sed s/^/paged:/";

/// The lines shown, each with its mark removed; panics when a line is unmarked.
fn unmarked(shown: &str, mark: &str) -> String {
    shown
        .lines()
        .map(|line| {
            line.strip_prefix(mark)
                .unwrap_or_else(|| panic!("{line:?} was not shown by the pager:\n{shown}"))
        })
        .map(|line| format!("{line}\n"))
        .collect()
}

#[test]
fn a_view_on_a_terminal_goes_through_ladder_pager_before_pager() {
    let env = [("LADDER_PAGER", MARKING), ("PAGER", "sed s/^/other:/")];
    let Some((code, shown)) = on_terminal(&["tracks", "--color", "never"], &env) else {
        return;
    };
    assert_eq!(code, 0);
    assert_eq!(unmarked(&shown, "paged:"), ok(&["tracks"]));
}

#[test]
fn pager_is_used_when_ladder_pager_is_unset() {
    let Some((code, shown)) = on_terminal(
        &["show", "L1", "--color", "never", "-d", "teaching"],
        &[("PAGER", "sed s/^/other:/")],
    ) else {
        return;
    };
    assert_eq!(code, 0);
    assert!(!unmarked(&shown, "other:").is_empty());
}

#[test]
fn no_pager_an_empty_pager_or_cat_print_directly() {
    let direct = [
        (
            vec!["tracks", "--no-pager"],
            vec![("LADDER_PAGER", MARKING)],
        ),
        (
            vec!["tracks"],
            vec![("LADDER_PAGER", ""), ("PAGER", MARKING)],
        ),
        (vec!["tracks"], vec![("PAGER", "cat")]),
    ];
    for (args, env) in direct {
        let mut args = args.clone();
        args.extend(["--color", "never"]);
        let Some((code, shown)) = on_terminal(&args, &env) else {
            return;
        };
        assert_eq!(code, 0);
        assert!(!shown.contains("paged:"), "{args:?} {env:?}:\n{shown}");
        assert_eq!(shown, ok(&["tracks"]), "{args:?} {env:?}");
    }
}

#[test]
fn nothing_is_paged_into_a_pipe() {
    let out = run(ladder(&["tracks"]).env("LADDER_PAGER", MARKING));
    assert_eq!(String::from_utf8_lossy(&out.stdout), ok(&["tracks"]));
}

#[test]
fn scripts_and_files_are_never_paged() {
    let Some((code, shown)) = on_terminal(&["completions", "bash"], &[("LADDER_PAGER", MARKING)])
    else {
        return;
    };
    assert_eq!(code, 0);
    assert!(!shown.contains("paged:"));
    assert_eq!(shown, ok(&["completions", "bash"]));
}

#[test]
fn quitting_the_pager_early_is_not_an_error() {
    // `head -n 1` reads one line and quits, as a reader quitting `less` does.
    let Some((code, shown)) = on_terminal(
        &["path", "--track", "analyst", "--color", "never"],
        &[("LADDER_PAGER", "head -n 1")],
    ) else {
        return;
    };
    assert_eq!(code, 0, "{shown}");
    assert_eq!(shown.lines().count(), 1, "{shown}");
    assert!(!shown.contains("error"), "{shown}");
}

#[test]
fn an_error_shows_after_the_pager_and_keeps_its_exit_code() {
    let Some((code, shown)) = on_terminal(&["show", "L9"], &[("LADDER_PAGER", MARKING)]) else {
        return;
    };
    assert_eq!(code, 2);
    // The error goes to stderr (the same terminal), not through the pager.
    assert!(shown.starts_with("error: "), "{shown}");
}

/// The line `ladder` writes on stderr when the pager failed before reading.
fn fell_back(pager: &str, status: &str) -> String {
    format!(
        "warning: the pager \"{pager}\" failed ({status}) before showing the output; printing it directly\n"
    )
}

#[test]
fn a_pager_that_cannot_run_or_fails_before_reading_leaves_the_output_on_stdout() {
    let tracks = ok(&["tracks"]);
    // The shell says why it could not run the pager (in its own words), then ladder.
    let missing = "no-such-pager-anywhere";
    let Some((code, shown)) = on_terminal(
        &["tracks", "--color", "never"],
        &[("LADDER_PAGER", missing)],
    ) else {
        return;
    };
    assert_eq!(code, 0, "{shown}");
    let (shell, ladder) = shown.split_once('\n').expect("two parts");
    assert!(
        shell.contains(missing) && shell.contains("not found"),
        "{shown}"
    );
    assert_eq!(ladder, fell_back(missing, "exit status: 127") + &tracks);
    let Some((code, shown)) = on_terminal(
        &["tracks", "--color", "never"],
        &[("LADDER_PAGER", "exit 3")],
    ) else {
        return;
    };
    assert_eq!(code, 0, "{shown}");
    assert_eq!(shown, fell_back("exit 3", "exit status: 3") + &tracks);
    // Output longer than a pipe holds: the pager's input is found closed while writing.
    let args = ["show", "--all", "--format", "json", "--color", "never"];
    let closing = "exec 0<&-; sleep 1; exit 4";
    let Some((code, shown)) = on_terminal(&args, &[("LADDER_PAGER", closing)]) else {
        return;
    };
    assert_eq!(code, 0);
    assert_eq!(shown, fell_back(closing, "exit status: 4") + &ok(&args));
}

#[test]
fn a_pager_that_quits_without_an_error_is_the_readers_choice() {
    let Some((code, shown)) = on_terminal(&["tracks"], &[("LADDER_PAGER", "exit 0")]) else {
        return;
    };
    assert_eq!((code, shown.as_str()), (0, ""));
}
