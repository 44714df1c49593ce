//! Ladder files built to crash `ladder` or blow up its cost: one error line, bounded time and output.

use super::{TempFile, fails, ladder};
use std::io::Write as _;
use std::process::Stdio;

/// Runs `ladder --data - ARGS` with `stdin` as the ladder; returns (exit code, stdout, stderr).
fn with_stdin(args: &[&str], stdin: &[u8]) -> (Option<i32>, String, String) {
    let mut child = ladder(&[&["--data", "-"], args].concat())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ladder starts");
    // A ladder that stops reading early may close the pipe: that is not the test's concern.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    let out = child.wait_with_output().expect("ladder ends");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8");
    (out.status.code(), text(out.stdout), text(out.stderr))
}

// ---------------------------------------------------------------- a trailing backslash

#[test]
fn a_trailing_backslash_in_a_basic_string_is_one_error_line() {
    let file = TempFile::new("trailing-backslash", "x.toml", br#"name = "\"#);
    assert_eq!(
        fails(&["--data", file.arg(), "list"], 1),
        format!(
            "error: {}:1:10: invalid basic string, expected `\"`\n",
            file.arg()
        )
    );
    assert_eq!(
        with_stdin(&["list"], br#"name = "\"#),
        (
            Some(1),
            String::new(),
            "error: -:1:10: invalid basic string, expected `\"`\n".to_string()
        )
    );
}

#[test]
fn a_trailing_backslash_in_a_multi_line_string_is_one_error_line() {
    let file = TempFile::new("trailing-backslash-multi", "x.toml", br#"name = """\"#);
    assert_eq!(
        fails(&["--data", file.arg(), "list"], 1),
        format!(
            "error: {}:1:12: invalid multi-line basic string, expected `\"`\n",
            file.arg()
        )
    );
    assert_eq!(
        with_stdin(&["list"], br"name = '''\"),
        (
            Some(1),
            String::new(),
            "error: -:1:12: invalid multi-line literal string, expected `'`\n".to_string()
        )
    );
}

#[test]
fn a_trailing_backslash_fails_cleanly_in_every_command() {
    let file = TempFile::new("trailing-backslash-every", "x.toml", b"[[role]]\nid = \"\\");
    let line = format!(
        "error: {}:2:8: invalid basic string, expected `\"`\n",
        file.arg()
    );
    for args in [
        &["list"][..],
        &["show", "a"],
        &["diff", "a", "b"],
        &["search", "x"],
        &["tracks"],
        &["next", "a"],
    ] {
        let args = [&["--data", file.arg()], args].concat();
        assert_eq!(fails(&args, 1), line, "{args:?}");
    }
}
