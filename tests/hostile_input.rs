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

// ---------------------------------------------------------------- findings on a long line

/// A ladder whose `about` is `n` times `Word. ` on one line (a repeated-sentence warning for
/// each but the first) and whose one role has a level `levels` does not list (line 16).
fn long_line_ladder(n: usize) -> String {
    format!(
        "name = \"Hostile\"\nabout = \"{}\"\nlevels = [\"A1\", \"A2\"]\n\n\
         [[attribute]]\nid = \"scope\"\nname = \"Scope\"\nmeaning = \"How far.\"\n\n\
         [[dimension]]\nid = \"craft\"\nname = \"Craft\"\n\n\
         [[role]]\nid = \"A1-a\"\nlevel = \"Z9\"\ntitle = \"A\"\nsummary = \"A role.\"\n\
         attributes = {{ scope = \"Own work\" }}\n",
        "Word. ".repeat(n)
    )
}

#[test]
fn loading_a_ladder_with_many_findings_reports_its_one_error() {
    let file = TempFile::new(
        "long-line-load",
        "it.toml",
        long_line_ladder(200).as_bytes(),
    );
    assert_eq!(
        fails(&["--data", file.arg(), "list"], 1),
        format!(
            "error: {}:16:9: role \"A1-a\" has level \"Z9\", which `levels` does not list (it lists A1, A2)\n",
            file.arg()
        )
    );
}

#[test]
fn validate_shows_a_window_of_a_long_line_and_counts_findings_past_a_hundred() {
    let file = TempFile::new(
        "long-line-validate",
        "it.toml",
        long_line_ladder(200).as_bytes(),
    );
    let f = file.arg();
    // Wide enough for each finding's line whole (tests/widths.rs checks the wrapping).
    let out = super::run(ladder(&["validate", f]).env("COLUMNS", "1000"));
    assert_eq!(out.status.code(), Some(1));
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = out.lines().collect();
    // 100 findings of three lines each, the count of the rest, the summary.
    assert_eq!(lines.len(), 302, "{out}");
    let words = "Word. ".repeat(12);
    assert_eq!(
        lines[6..9],
        [
            format!("{f}:2:9: warning: the sentence \"Word.\" also appears at about"),
            format!("2 | about = \"{}…", words.trim_end()),
            "  |         ^".to_string(),
        ]
    );
    assert_eq!(
        lines[300..],
        [
            "… and 101 more findings".to_string(),
            format!("{f}: 1 error, 200 warnings")
        ]
    );
    let markdown = super::run(&mut ladder(&["validate", f, "--format", "markdown"]));
    let markdown = String::from_utf8(markdown.stdout).expect("UTF-8");
    assert_eq!(
        markdown.lines().filter(|l| l.starts_with("| ")).count(),
        101
    );
    assert!(
        markdown.ends_with("\n\n… and 101 more findings\n"),
        "{markdown}"
    );
}

#[test]
fn machine_formats_list_every_finding_without_its_source_line() {
    let file = TempFile::new(
        "long-line-machine",
        "it.toml",
        long_line_ladder(200).as_bytes(),
    );
    let json = super::run(&mut ladder(&["validate", file.arg(), "--format", "json"]));
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 201);
    assert!(
        findings
            .iter()
            .all(|f| f.as_object().expect("object").len() == 5)
    );
    let tsv = super::run(&mut ladder(&["validate", file.arg(), "--format", "tsv"]));
    assert_eq!(
        tsv.stdout
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count(),
        202
    );
}

// ---------------------------------------------------------------- a long role name

#[test]
fn a_long_role_name_is_echoed_cut_with_an_ellipsis() {
    let name = "L3-senior-".repeat(10_000);
    assert_eq!(
        fails(&["show", &name], 2),
        format!(
            "error: no role matches \"{}…\"; run `ladder list` to see every role\n",
            "L3-senior-".repeat(6)
        )
    );
    // Under the cut, a misspelt id still gets its suggestion.
    assert_eq!(
        fails(&["show", "L3-senior-security-enginer"], 2),
        "error: no role matches \"L3-senior-security-enginer\"; did you mean L3-senior-security-engineer?\n"
    );
}

// ---------------------------------------------------------------- long values quoted in messages

/// A ladder whose one track names an unknown role with an id of `len` characters.
fn unknown_role_ladder(len: usize) -> String {
    format!(
        "name = \"H\"\nlevels = [\"A1\"]\n\n[[dimension]]\nid = \"craft\"\nname = \"Craft\"\n\n\
         [[track]]\nid = \"t\"\nname = \"T\"\nroles = [\"A1-a\", \"u{}\"]\n\n\
         [[role]]\nid = \"A1-a\"\nlevel = \"A1\"\ntitle = \"A\"\nsummary = \"A role.\"\n",
        "x".repeat(len - 1)
    )
}

#[test]
fn a_long_unknown_id_is_quoted_cut_in_the_load_error() {
    let (code, stdout, stderr) = with_stdin(&["list"], unknown_role_ladder(1000).as_bytes());
    assert_eq!((code, stdout.as_str()), (Some(1), ""));
    assert_eq!(
        stderr,
        format!(
            "error: -:11:18: track \"t\" names unknown role \"u{}…\"\n",
            "x".repeat(59)
        )
    );
}

#[test]
fn a_long_unknown_id_is_quoted_cut_in_validation_findings() {
    let file = TempFile::new(
        "long-unknown-id",
        "it.toml",
        unknown_role_ladder(1000).as_bytes(),
    );
    let tsv = super::run(&mut ladder(&["validate", file.arg(), "--format", "tsv"]));
    let tsv = String::from_utf8(tsv.stdout).expect("UTF-8");
    let finding = tsv
        .lines()
        .find(|l| l.contains("unknown role"))
        .expect("the finding");
    assert!(
        finding.ends_with(&format!(
            "track \"t\" names unknown role \"u{}…\"",
            "x".repeat(59)
        )),
        "{finding}"
    );
}

#[test]
fn a_long_invalid_regular_expression_is_quoted_cut() {
    let pattern = format!("({}", "a".repeat(10_000));
    assert_eq!(
        fails(&["search", "--regex", &pattern], 2),
        format!(
            "error: invalid regular expression \"({}…\": unclosed group\n",
            "a".repeat(59)
        )
    );
    // A short one is quoted whole, as before.
    assert_eq!(
        fails(&["search", "--regex", "(\u{1b}"], 2),
        "error: invalid regular expression \"(\\u{1b}\": unclosed group\n"
    );
}

// ---------------------------------------------------------------- colour and wrapping

/// Whether every escape sequence in the text is a whole colour sequence: ESC `[`, digits and
/// `;`, then `m`.
fn only_whole_colour_sequences(text: &str) -> bool {
    text.split('\u{1b}').skip(1).all(|rest| {
        let params = rest.strip_prefix('[').unwrap_or("!");
        let end = params.find(|c: char| !c.is_ascii_digit() && c != ';');
        end.is_some_and(|at| params[at..].starts_with('m'))
    })
}

#[test]
fn a_long_highlighted_word_is_wrapped_between_colour_sequences() {
    let word = "X".repeat(300);
    let data = super::DATA.replace(
        "Builds domain knowledge while finishing",
        &format!("Builds {word} while finishing"),
    );
    let file = TempFile::new("long-highlighted-word", "x.toml", data.as_bytes());
    let out = ladder(&[
        "--data",
        file.arg(),
        "--color",
        "always",
        "search",
        "-s",
        "X",
    ])
    .output()
    .expect("ladder runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("\u{1b}["), "not coloured: {text}");
    assert!(only_whole_colour_sequences(&text), "{text}");
    assert!(text.lines().count() > 4, "not wrapped: {text}");
}

// ---------------------------------------------------------------- invisible characters

#[test]
fn invisible_format_characters_are_shown_as_escapes_in_every_format() {
    // A word joiner and tag characters that spell a hidden "hi".
    let title = "Junior\u{2060}Analyst\u{e0068}\u{e0069}\u{e007f}";
    let data = super::DATA.replace(
        "title = \"Junior Security Analyst\"",
        &format!("title = \"{title}\""),
    );
    let file = TempFile::new("invisible-format", "x.toml", data.as_bytes());
    let shown = "Junior\\u{2060}Analyst\\u{e0068}\\u{e0069}\\u{e007f}";
    for format in ["table", "json", "markdown", "tsv"] {
        let out = super::ok(&[
            "--data",
            file.arg(),
            "--format",
            format,
            "show",
            "L1-junior-security-analyst",
        ]);
        assert!(
            !out.contains('\u{2060}') && !out.contains('\u{e0068}'),
            "{format}: {out}"
        );
        assert!(out.contains("u{2060}Analyst"), "{format}: {out}");
    }
    let table = super::ok(&["--data", file.arg(), "list", "--track", "analyst"]);
    assert!(table.contains(&format!("    {shown}: Builds")), "{table}");
}

// ---------------------------------------------------------------- a dimension's summary

#[test]
fn a_dimension_summary_is_escaped_in_every_view_and_in_export() {
    let data =
        b"name = \"T\"\nlevels = [\"L1\"]\n[[dimension]]\nid = \"craft\"\nname = \"Craft\"\n\
        [[role]]\nid = \"L1-a\"\nlevel = \"L1\"\ntitle = \"A\"\nsummary = \"Sum.\"\n\
        [role.dimensions.craft]\n\
        summary = \"S \\u001b]0;TITLE\\u0007 \\u001b[31mRED \\u202eevil \\u009b31m\"\n\
        expectations = [{text = \"Does it.\"}, {text = \"Does more.\"}]\n";
    let file = TempFile::new("summary-escaped", "x.toml", data);
    let shown = r"S \u{1b}]0;TITLE\u{7} \u{1b}[31mRED \u{202e}evil \u{9b}31m";
    assert_eq!(
        super::ok(&["--data", file.arg(), "show", "L1-a"]),
        format!(
            "L1 A\nL1-a · level L1 · on no track\n\nSum.\n\nCraft\n  “{shown}”\n  \
             Expectations\n  • Does it.\n  • Does more.\n"
        )
    );
    let json = super::ok(&["--data", file.arg(), "--format", "json", "show", "L1-a"]);
    assert!(json.contains(&shown.replace('\\', "\\\\")), "{json}");
    let folder = super::Folder::new("summary-escaped-export");
    let out = folder.join("handbook");
    super::ok(&["--data", file.arg(), "export", out.to_str().expect("UTF-8")]);
    let page = std::fs::read_to_string(out.join("L1-A.md")).expect("page written");
    assert!(page.contains(r"\\u{202e}evil"), "{page}");
    assert!(
        !page.contains(['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}']),
        "{page}"
    );
}

// ---------------------------------------------------------------- long paths

/// A path of about 100 KB (no such file), ending in `end`.
pub(crate) fn long_path(end: &str) -> String {
    format!(
        "/nonexistent-{}/{}/{end}",
        std::process::id(),
        "d".repeat(100_000)
    )
}

/// Asserts that stderr is one bounded line that starts with `prefix` and shows both ends of
/// the path.
pub(crate) fn one_bounded_line(stderr: &str, prefix: &str, end: &str) {
    assert!(stderr.starts_with(prefix), "{stderr:.300}");
    assert_eq!(stderr.lines().count(), 1, "{stderr:.300}");
    assert!(stderr.len() < 400, "{} bytes: {stderr:.300}", stderr.len());
    assert!(stderr.contains("d…d"), "{stderr:.300}");
    assert!(stderr.contains(&format!("d/{end}")), "{stderr:.300}");
}

#[test]
fn a_long_ladder_path_is_echoed_cut_in_the_middle() {
    let path = long_path("x.toml");
    let stderr = fails(&["--data", &path, "list"], 1);
    one_bounded_line(
        &stderr,
        "error: cannot read ladder file \"/nonexistent-",
        "x.toml",
    );
    let stderr = fails(&["validate", &path], 1);
    one_bounded_line(
        &stderr,
        "error: cannot read ladder file \"/nonexistent-",
        "x.toml",
    );
}

// ---------------------------------------------------------------- argv in clap's messages

#[test]
fn a_newline_in_an_argument_cannot_forge_a_line_of_clap_s_message() {
    assert_eq!(
        fails(&["x\nerror: forged"], 2),
        "error: unrecognized subcommand 'x\\u{a}error: forged'\n\n\
         Usage: ladder [OPTIONS] <COMMAND>\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn a_long_argument_is_quoted_cut_in_clap_s_message() {
    let long = "L".repeat(100_000);
    assert_eq!(
        fails(&["list", &long], 2),
        format!(
            "error: unexpected argument '{}…' found\n\n\
             Usage: ladder list [OPTIONS]\n\nFor more information, try '--help'.\n",
            "L".repeat(60)
        )
    );
    let stderr = fails(&["--format", &long, "list"], 2);
    assert!(stderr.len() < 400, "{stderr:.300}");
}
