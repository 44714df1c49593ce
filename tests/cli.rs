//! Integration tests: run the built `ladder` binary and check its exact output, exit codes and streams.
// Tests that need an outside tool (jq, bash, man) say on stderr when they skip.
#![allow(clippy::print_stderr)]

use std::io::Read;
use std::process::{Command, Output, Stdio};

// Hostile input and hostile surroundings, one file per kind of attack: each module uses the
// helpers below (`ladder`, `ok`, `fails`, ...).
mod hostile_completions;
mod hostile_import;
mod hostile_input;
mod hostile_writes;

const BIN: &str = env!("CARGO_BIN_EXE_ladder");
const DATA: &str = include_str!("../data/ladder.toml");

/// A `ladder` command with a clean, predictable environment: colour off (stdout is a pipe),
/// 100 columns, and none of the variables that change colour.
fn ladder(args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("TERM");
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("ladder runs")
}

/// Runs `ladder` and returns stdout, asserting success and a silent stderr.
fn ok(args: &[&str]) -> String {
    let out = run(&mut ladder(args));
    assert_eq!(
        out.status.code(),
        Some(0),
        "ladder {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "ladder {args:?} wrote to stderr"
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// Runs `ladder`, expecting failure with `code`; returns stderr and asserts stdout is empty.
fn fails(args: &[&str], code: i32) -> String {
    let out = run(&mut ladder(args));
    assert_eq!(out.status.code(), Some(code), "ladder {args:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "",
        "ladder {args:?} wrote to stdout"
    );
    String::from_utf8(out.stderr).expect("stderr is UTF-8")
}

/// The text of a diff's tables with borders removed and whitespace collapsed: cells that fit
/// on one line can be searched for.
fn cells(text: &str) -> String {
    flat(&text.replace(['│', '┆'], " "))
}

/// Whitespace collapsed, so wrapped text can be searched for whole sentences.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn width(line: &str) -> usize {
    line.chars()
        .map(|c| match c {
            '🦉' | '🌱' | '🧭' | '🏆' => 2,
            _ => 1,
        })
        .sum()
}

/// The embedded ladder's role table with the given id, read straight from the data file.
fn role_data(id: &str) -> toml::Value {
    let data: toml::Value = toml::from_str(DATA).expect("data parses");
    data["role"]
        .as_array()
        .expect("roles")
        .iter()
        .find(|r| r["id"].as_str() == Some(id))
        .cloned()
        .expect("role in data")
}

fn texts(role: &toml::Value) -> (Vec<String>, Vec<String>) {
    let mut expectations = Vec::new();
    let mut examples = Vec::new();
    for rd in role["dimensions"].as_table().expect("dimensions").values() {
        for e in rd["expectations"].as_array().expect("expectations") {
            expectations.push(e["text"].as_str().expect("text").to_string());
        }
        for e in rd["examples"].as_array().expect("examples") {
            examples.push(e.as_str().expect("example").to_string());
        }
    }
    (expectations, examples)
}

// ---------------------------------------------------------------- list

#[test]
fn list_prints_every_role_ordered_by_track_and_level() {
    let out = ok(&["list"]);
    let firsts: Vec<&str> = out.lines().filter(|l| l.starts_with('L')).collect();
    assert_eq!(
        firsts,
        [
            "L1  L1-junior-security-analyst         analyst",
            "L2  L2-security-analyst                analyst",
            "L3  L3-senior-security-analyst         analyst",
            "L4  L4-technical-lead                  analyst, engineer, cloud",
            "L2  L2-security-engineer               engineer, cloud",
            "L3  L3-senior-security-engineer        engineer",
            "L3  L3-senior-cloud-security-engineer  cloud",
        ]
    );
}

#[test]
fn list_at_100_columns_puts_title_and_summary_under_each_role() {
    let out = ok(&["list", "--track", "engineer"]);
    let summary = role_data("L2-security-engineer")["summary"]
        .as_str()
        .expect("summary")
        .to_string();
    let first_role: Vec<&str> = out.lines().take_while(|l| !l.starts_with("L3")).collect();
    assert_eq!(
        first_role[0],
        "L2  L2-security-engineer         engineer, cloud"
    );
    assert_eq!(
        flat(&first_role[1..].join(" ")),
        format!("Security Engineer: {summary}")
    );
    assert!(first_role[1..].iter().all(|l| l.starts_with("    ")));
    assert!(out.lines().all(|l| l.chars().count() <= 100));
}

#[test]
fn list_on_a_wide_terminal_is_a_five_column_table() {
    let out = run(ladder(&["list", "--track", "cloud"]).env("COLUMNS", "200"));
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "Level  Role                               Title                           Tracks                    Summary"
    );
    assert!(lines[1].starts_with(
        "L2     L2-security-engineer               Security Engineer               engineer, cloud           "
    ));
    let is_role =
        |l: &&str| l.starts_with('L') && l.chars().nth(1).is_some_and(|c| c.is_ascii_digit());
    let roles: Vec<&str> = lines.iter().copied().filter(is_role).collect();
    assert!(roles[roles.len() - 1].starts_with("L4     L4-technical-lead"));
    assert!(lines.iter().all(|l| l.chars().count() <= 200));
    assert_eq!(roles.len(), 3);
}

#[test]
fn list_of_a_track_follows_the_track() {
    let out = ok(&["list", "--track", "CLOUD"]);
    let ids: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with('L'))
        .filter_map(|l| l.split_whitespace().nth(1))
        .collect();
    assert_eq!(
        ids,
        [
            "L2-security-engineer",
            "L3-senior-cloud-security-engineer",
            "L4-technical-lead"
        ]
    );
}

#[test]
fn list_rejects_an_unknown_track() {
    assert_eq!(
        fails(&["list", "--track", "red-team"], 2),
        "error: unknown track \"red-team\"; the tracks are analyst, engineer, cloud\n"
    );
}

// ---------------------------------------------------------------- show

#[test]
fn show_prints_the_heading_and_attributes_exactly() {
    let out = ok(&["show", "L4-technical-lead"]);
    let summary = role_data("L4-technical-lead")["summary"]
        .as_str()
        .expect("summary")
        .to_string();
    let head: Vec<&str> = out.lines().collect();
    assert_eq!(head[0], "L4 Technical Lead");
    assert_eq!(
        head[1],
        "L4-technical-lead · level L4 · tracks analyst, engineer, cloud"
    );
    assert_eq!(head[2], "");
    let end = head
        .iter()
        .position(|l| *l == "Attributes")
        .expect("attributes heading");
    assert_eq!(flat(&head[3..end].join(" ")), summary);
    assert_eq!(
        head[end..end + 5],
        [
            "Attributes",
            "  Planning horizon                     6-12 months",
            "  Impact radius                        Team (5-15)",
            "  Evaluated by                         Manager or Director",
            "  Responsibility and direction needed  Takes brand-new ideas from inception to production with",
        ]
    );
}

#[test]
fn show_lists_every_expectation_and_example_under_its_dimension() {
    for id in [
        "L1-junior-security-analyst",
        "L3-senior-cloud-security-engineer",
    ] {
        let out = ok(&["show", id]);
        let headings: Vec<&str> = out
            .lines()
            .filter(|l| ["🦉", "🌱", "🧭", "🏆"].iter().any(|e| l.starts_with(e)))
            .collect();
        assert_eq!(
            headings,
            [
                "🦉 Domain Expertise",
                "🌱 Teaching and Mentoring",
                "🧭 Culture and Leadership",
                "🏆 Business Success"
            ]
        );
        let body = flat(&out);
        let (expectations, examples) = texts(&role_data(id));
        for text in expectations.iter().chain(&examples) {
            assert!(
                body.contains(&format!("• {text}")),
                "{id}: missing {text:?}"
            );
        }
    }
}

#[test]
fn show_fits_an_80_column_terminal() {
    let out = run(ladder(&["show", "L3-senior-cloud-security-engineer"]).env("COLUMNS", "80"));
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    let too_wide: Vec<&str> = out.lines().filter(|l| width(l) > 80).collect();
    assert!(too_wide.is_empty(), "{too_wide:#?}");
    assert!(out.lines().count() > 60);
}

#[test]
fn every_way_of_naming_a_role_resolves_to_it() {
    let expected = ok(&["show", "L3-senior-cloud-security-engineer"]);
    for args in [
        &["show", "l3-SENIOR-cloud-security-engineer"][..],
        &["show", "L3", "--track", "cloud"],
        &["show", "l3", "-t", "cloud"],
        &["show", "cloud"],
        &["show", "senior-cloud"],
        &["show", "Senior Cloud Security Engineer"],
        &["show", "cloud", "--track", "cloud"],
    ] {
        assert_eq!(ok(args), expected, "{args:?}");
    }
    assert!(ok(&["show", "L4"]).starts_with("L4 Technical Lead\n"));
    assert!(ok(&["show", "L2", "--track", "cloud"]).starts_with("L2 Security Engineer\n"));
    assert!(ok(&["show", "security analyst"]).starts_with("L2 Security Analyst\n"));
}

#[test]
fn an_ambiguous_role_lists_candidates_and_the_flag_that_settles_it() {
    assert_eq!(
        fails(&["show", "L3"], 2),
        "error: \"L3\" matches 3 roles: L3-senior-security-analyst, L3-senior-security-engineer, \
         L3-senior-cloud-security-engineer; add --track (analyst, engineer, cloud) or give a full id\n"
    );
    assert_eq!(
        fails(&["show", "engineer", "--track", "cloud"], 2),
        "error: \"engineer\" matches 2 roles: L2-security-engineer, L3-senior-cloud-security-engineer; \
         give a full id\n"
    );
}

#[test]
fn an_unknown_role_suggests_the_closest_ids() {
    assert_eq!(
        fails(&["show", "L4-tech-lead"], 2),
        "error: no role matches \"L4-tech-lead\"; did you mean L4-technical-lead?\n"
    );
    assert_eq!(
        fails(&["show", "zzzz"], 2),
        "error: no role matches \"zzzz\"; run `ladder list` to see every role\n"
    );
}

#[test]
fn a_role_off_the_given_track_is_a_usage_error() {
    assert_eq!(
        fails(
            &["show", "L1-junior-security-analyst", "--track", "engineer"],
            2
        ),
        "error: role L1-junior-security-analyst is not on track engineer; its tracks are analyst\n"
    );
    assert_eq!(
        fails(&["show", "L1", "--track", "engineer"], 2),
        "error: no role on track engineer matches \"L1\"; the track has L2-security-engineer, \
         L3-senior-security-engineer, L4-technical-lead\n"
    );
}

#[test]
fn user_input_is_echoed_escaped_in_errors() {
    let err = fails(&["show", "x\u{1b}[2J"], 2);
    assert_eq!(
        err,
        "error: no role matches \"x\\u{1b}[2J\"; run `ladder list` to see every role\n"
    );
}

// ---------------------------------------------------------------- diff

#[test]
fn diff_by_level_and_track_prints_attributes_exactly() {
    let out = run(ladder(&["diff", "L2", "L3", "--track", "engineer"]).env("COLUMNS", "80"));
    assert_eq!(out.status.code(), Some(0));
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = out.lines().take(19).collect();
    assert_eq!(
        lines,
        [
            "L2 Security Engineer → L3 Senior Security Engineer",
            "A = L2-security-engineer   B = L3-senior-security-engineer",
            "+ new at B   ~ grows   - no longer listed at B   ≈ reworded   = unchanged",
            "",
            "Attributes",
            "┌──────────────────┬─────────────────────────────┬─────────────────────────────┐",
            "│ Attribute        ┆ L2 Security Engineer        ┆ L3 Senior Security Engineer │",
            "╞══════════════════╪═════════════════════════════╪═════════════════════════════╡",
            "│ = Planning       ┆ = Current and next cycle    ┆ = Current and next cycle    │",
            "│   horizon        ┆                             ┆                             │",
            "├╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┤",
            "│ ~ Impact radius  ┆ ~ Self plus some teammates  ┆ ~ Peers (2-5)               │",
            "├╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┤",
            "│ = Evaluated by   ┆ = Manager                   ┆ = Manager                   │",
            "├╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┤",
            "│ ~ Responsibility ┆ ~ Supervised weekly by a    ┆ ~ Carries vertical slices   │",
            "│   and direction  ┆   manager or senior         ┆   of larger products from   │",
            "│   needed         ┆   engineers                 ┆   idea to production        │",
            "└──────────────────┴─────────────────────────────┴─────────────────────────────┘",
        ]
    );
    assert!(
        out.lines().all(|l| width(l) <= 80),
        "a line is wider than 80 columns"
    );
}

#[test]
fn diff_marks_each_theme_and_counts_them() {
    let out = run(ladder(&["diff", "L1", "L2-security-analyst"]).env("COLUMNS", "140"));
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    let body = cells(&out);
    // Teaching and Mentoring: L1 learns in the open; L2 grows others and documents.
    assert!(body.contains("- Learning in the open"), "{out}");
    assert!(body.contains("+ Growing others"), "{out}");
    assert!(body.contains("+ Documentation and"), "{out}");
    assert!(body.contains("~ Depth of mastery"), "{out}");
    let (expectations, _) = texts(&role_data("L2-security-analyst"));
    assert_eq!(
        out.lines().last(),
        Some("Themes: 5 new at B, 5 grow, 2 no longer listed, 0 unchanged."),
        "{} expectations at B",
        expectations.len()
    );
}

#[test]
fn a_role_diffed_with_itself_is_all_unchanged() {
    let out = ok(&["diff", "L4", "L4-technical-lead"]);
    let tables = cells(&out.lines().skip(3).collect::<Vec<_>>().join("\n"));
    assert!(
        !tables.contains("+ ") && !tables.contains("~ ") && !tables.contains("- "),
        "{out}"
    );
    assert!(tables.contains("= Depth of mastery"), "{out}");
    assert!(
        out.ends_with("Themes: 0 new at B, 0 grow, 0 no longer listed, 17 unchanged.\n"),
        "{out}"
    );
}

#[test]
fn diff_compares_two_roles_at_the_same_level_on_different_tracks() {
    let out = ok(&[
        "diff",
        "L3-senior-security-analyst",
        "L3-senior-security-engineer",
    ]);
    assert!(out.starts_with("L3 Senior Security Analyst → L3 Senior Security Engineer\n"));
    let body = cells(&out);
    assert!(
        body.contains("+ Security review"),
        "the engineer adds peer security review"
    );
    assert!(
        body.contains("- Scope of"),
        "only the analyst scopes complex projects: {out}"
    );
}

#[test]
fn diff_reports_bad_roles_as_usage_errors() {
    assert_eq!(
        fails(&["diff", "L2", "L3"], 2),
        "error: \"L2\" matches 2 roles: L2-security-analyst, L2-security-engineer; \
         add --track (analyst, engineer, cloud) or give a full id\n"
    );
    assert!(fails(&["diff", "L2-security-analyst"], 2).contains("Usage: ladder diff"));
}

// ---------------------------------------------------------------- colour

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
        out.contains("\u{1b}[31m- Learning in the"),
        "removed is red with -"
    );
}

#[test]
fn a_bad_colour_value_is_a_usage_error() {
    let err = fails(&["list", "--color", "sometimes"], 2);
    assert!(
        err.starts_with("error: invalid value 'sometimes' for '--color <WHEN>'"),
        "{err}"
    );
}

// ---------------------------------------------------------------- pipes and help

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

// ---------------------------------------------------------------- README

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

// ---------------------------------------------------------------- machine formats

fn json(args: &[&str]) -> serde_json::Value {
    let out = ok(&[args, &["--format", "json"]].concat());
    serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("ladder {args:?}: invalid JSON: {e}\n{out}"))
}

/// One invocation of every command that prints data.
const DATA_COMMANDS: [&[&str]; 9] = [
    &["list"],
    &["next", "L2-security-engineer"],
    &["path", "--track", "cloud"],
    &["show", "L3-senior-security-engineer"],
    &["diff", "L2", "L3", "--track", "engineer"],
    &["search", "incident"],
    &["tracks"],
    &["dimensions"],
    &["show", "L1", "--dimension", "business"],
];

fn keys(value: &serde_json::Value) -> Vec<&str> {
    value
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn json_of_every_command_is_one_versioned_document_without_colour() {
    for args in DATA_COMMANDS {
        let out = ok(&[args, &["--format", "json", "--color", "always"]].concat());
        assert!(!out.contains('\u{1b}'), "{args:?}: colour in JSON");
        let doc: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
        assert_eq!(doc["schema"], 1, "{args:?}");
    }
}

#[test]
fn json_list_and_show_have_the_documented_fields() {
    let list = json(&["list"]);
    assert_eq!(keys(&list), ["schema", "roles"]);
    assert_eq!(
        keys(&list["roles"][0]),
        ["id", "level", "title", "tracks", "summary"]
    );
    assert_eq!(
        list["roles"][3]["tracks"],
        serde_json::json!(["analyst", "engineer", "cloud"])
    );

    let show = json(&["show", "L3-senior-security-engineer"]);
    let role = &show["role"];
    assert_eq!(
        keys(role),
        [
            "id",
            "level",
            "title",
            "tracks",
            "summary",
            "attributes",
            "dimensions",
            "bands"
        ]
    );
    assert_eq!(role["id"], "L3-senior-security-engineer");
    assert_eq!(keys(&role["attributes"][1]), ["attribute", "name", "value"]);
    assert_eq!(role["attributes"][1]["value"], "Peers (2-5)");
    let de = &role["dimensions"][0];
    assert_eq!(
        keys(de),
        ["dimension", "name", "emoji", "expectations", "examples"]
    );
    assert_eq!(
        (de["dimension"].as_str(), de["emoji"].as_str()),
        (Some("domain-expertise"), Some("🦉"))
    );
    assert_eq!(keys(&de["expectations"][0]), ["theme", "text"]);
    let (expectations, examples) = texts(&role_data("L3-senior-security-engineer"));
    let all = |field: &str| -> Vec<String> {
        role["dimensions"]
            .as_array()
            .expect("dimensions")
            .iter()
            .flat_map(|d| d[field].as_array().expect("array").clone())
            .map(|v| {
                v.get("text")
                    .unwrap_or(&v)
                    .as_str()
                    .expect("text")
                    .to_string()
            })
            .collect()
    };
    assert_eq!(all("expectations").len(), expectations.len());
    let (mut shown, mut data) = (all("examples"), examples);
    shown.sort();
    data.sort();
    assert_eq!(shown, data);
}

#[test]
fn json_diff_search_tracks_and_dimensions_have_the_documented_fields() {
    let diff = json(&["diff", "L2", "L3", "--track", "engineer"]);
    assert_eq!(
        keys(&diff),
        ["schema", "from", "to", "attributes", "dimensions", "themes"]
    );
    assert_eq!(diff["from"]["id"], "L2-security-engineer");
    assert_eq!(
        keys(&diff["attributes"][0]),
        ["attribute", "name", "change", "from", "to"]
    );
    let theme = &diff["dimensions"][0]["themes"][0];
    assert_eq!(keys(theme), ["theme", "name", "change", "from", "to"]);
    assert_eq!(
        (theme["theme"].as_str(), theme["change"].as_str()),
        (Some("domain-depth"), Some("changed"))
    );
    assert_eq!(
        keys(&theme["to"][0]),
        ["text", "change", "counterpart", "similarity"]
    );
    assert_eq!(
        diff["themes"],
        serde_json::json!({"added": 9, "changed": 5, "removed": 6, "unchanged": 0})
    );

    let search = json(&["search", "director"]);
    assert_eq!(keys(&search), ["schema", "pattern", "hits"]);
    let hit = &search["hits"][0];
    assert_eq!(
        keys(hit),
        [
            "role",
            "field",
            "attribute",
            "dimension",
            "theme",
            "text",
            "matches"
        ]
    );
    assert_eq!(
        (
            hit["role"].as_str(),
            hit["field"].as_str(),
            hit["attribute"].as_str()
        ),
        (
            Some("L4-technical-lead"),
            Some("attribute"),
            Some("evaluated-by")
        )
    );
    assert_eq!(hit["matches"], serde_json::json!(["Director"]));

    let tracks = json(&["tracks"]);
    let cloud = &tracks["tracks"][2];
    assert_eq!(cloud["id"], "cloud");
    let ids: Vec<&str> = cloud["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "L2-security-engineer",
            "L3-senior-cloud-security-engineer",
            "L4-technical-lead"
        ]
    );

    let dims = json(&["dimensions"]);
    assert_eq!(keys(&dims), ["schema", "attributes", "dimensions", "bands"]);
    let bands: Vec<&str> = dims["bands"]
        .as_array()
        .expect("bands")
        .iter()
        .filter_map(|b| b["name"].as_str())
        .collect();
    assert_eq!(bands, ["Maturing", "Performing", "Exceeding"]);
    assert_eq!(keys(&dims["attributes"][0]), ["id", "name", "meaning"]);
    assert_eq!(dims["dimensions"][3]["emoji"], "🏆");
    assert_eq!(
        dims["dimensions"][0]["themes"][0],
        serde_json::json!({"id": "domain-depth", "name": "Depth of mastery"})
    );
}

#[test]
fn jq_reads_the_seven_role_ids_from_list() {
    let jq = Command::new("jq").arg("--version").output();
    if !jq.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: jq is not installed");
        return;
    }
    let list = ok(&["list", "--format", "json"]);
    let mut child = Command::new("jq")
        .args(["-r", ".roles[].id"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("jq starts");
    use std::io::Write as _;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(list.as_bytes())
        .expect("jq reads");
    let out = child.wait_with_output().expect("jq ends");
    let mut ids: Vec<String> = String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(String::from)
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "L1-junior-security-analyst",
            "L2-security-analyst",
            "L2-security-engineer",
            "L3-senior-cloud-security-engineer",
            "L3-senior-security-analyst",
            "L3-senior-security-engineer",
            "L4-technical-lead",
        ]
    );
}

#[test]
fn list_ids_prints_one_id_per_line_and_nothing_else() {
    assert_eq!(
        ok(&["list", "--ids", "--track", "engineer"]),
        "L2-security-engineer\nL3-senior-security-engineer\nL4-technical-lead\n"
    );
    assert_eq!(ok(&["list", "--ids"]).lines().count(), 7);
    assert_eq!(
        fails(&["list", "--ids", "--format", "json"], 2),
        "error: --ids prints bare ids and cannot be combined with --format\n"
    );
}

#[test]
fn tsv_rows_have_as_many_fields_as_the_header() {
    for args in DATA_COMMANDS {
        let out = ok(&[args, &["--format", "tsv"]].concat());
        let mut lines = out.lines();
        let header = lines.next().expect("header");
        let columns = header.split('\t').count();
        assert!(columns >= 5, "{args:?}: {header}");
        let mut rows = 0;
        for line in lines {
            assert_eq!(line.split('\t').count(), columns, "{args:?}: {line:?}");
            rows += 1;
        }
        assert!(rows > 0, "{args:?}: no records");
    }
    assert_eq!(
        ok(&["list", "--format", "tsv", "--track", "cloud"])
            .lines()
            .next(),
        Some("role\tlevel\ttitle\ttracks\tsummary")
    );
    let show = ok(&["show", "L4", "--format", "tsv"]);
    assert!(show.contains("L4-technical-lead\tattribute\t\t\tevaluated-by\tManager or Director\n"));
}

/// The number of cells in a Markdown table row, splitting only at unescaped pipes.
fn markdown_cells(row: &str) -> usize {
    let (mut pipes, mut escaped) = (0, false);
    for c in row.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => pipes += 1,
            _ => escaped = false,
        }
    }
    pipes - 1
}

#[test]
fn markdown_tables_have_consistent_column_counts() {
    for args in DATA_COMMANDS {
        let out = ok(&[args, &["--format", "markdown"]].concat());
        let mut tables = 0;
        for table in out.split("\n\n") {
            let rows: Vec<&str> = table.lines().filter(|l| l.starts_with('|')).collect();
            if rows.is_empty() {
                continue;
            }
            tables += 1;
            let columns = markdown_cells(rows[0]);
            assert!(
                rows[1].chars().all(|c| "|-".contains(c)),
                "{args:?}: no delimiter row"
            );
            for row in &rows {
                assert_eq!(markdown_cells(row), columns, "{args:?}: {row}");
            }
        }
        assert!(tables > 0 || args[0] == "show", "{args:?}: no table");
    }
}

#[test]
fn markdown_carries_the_same_content_as_the_table() {
    let md = ok(&["show", "L2-security-engineer", "--format", "markdown"]);
    assert!(md.starts_with("# L2 Security Engineer\n"));
    let (expectations, examples) = texts(&role_data("L2-security-engineer"));
    for text in expectations.iter().chain(&examples) {
        assert!(md.contains(&format!("- {text}\n")), "missing {text:?}");
    }
    let diff = ok(&[
        "diff", "L1", "L2", "-t", "analyst", "-d", "teaching", "--format", "markdown",
    ]);
    assert!(
        diff.contains("| + Growing others |  | + Helps new hires"),
        "{diff}"
    );
    assert!(
        diff.ends_with("Themes: 2 new at B, 0 grow, 1 no longer listed, 0 unchanged.\n"),
        "{diff}"
    );
}

// ---------------------------------------------------------------- --dimension

#[test]
fn dimension_narrows_show_and_diff() {
    let out = ok(&["show", "L4", "--dimension", "teaching"]);
    assert!(out.contains("\n🌱 Teaching and Mentoring\n"));
    for other in ["🦉", "🧭", "🏆"] {
        assert!(!out.contains(other), "{other} shown");
    }
    let diff = ok(&["diff", "L2", "L3", "-t", "cloud", "-d", "Business Success"]);
    assert!(diff.contains("\n🏆 Business Success\n"));
    assert!(!diff.contains("🦉"));
    assert_eq!(
        fails(&["show", "L4", "--dimension", "luck"], 2),
        "error: unknown dimension \"luck\"; the dimensions are domain-expertise, teaching-mentoring, \
         culture-leadership, business-success\n"
    );
}

// ---------------------------------------------------------------- search

#[test]
fn search_exit_codes_follow_grep() {
    let found = run(&mut ladder(&["search", "incident"]));
    assert_eq!(found.status.code(), Some(0));
    assert!(!found.stdout.is_empty());
    let none = run(&mut ladder(&["search", "blockchain"]));
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty() && none.stderr.is_empty());
    assert_eq!(
        fails(&["search", "(", "--regex"], 2),
        "error: invalid regular expression \"(\": unclosed group\n"
    );
    assert_eq!(
        fails(&["search", "x", "--level", "L9"], 2),
        "error: unknown level \"L9\"; the levels are L1, L2, L3, L4\n"
    );
}

#[test]
fn search_quiet_prints_nothing_and_only_sets_the_exit_code() {
    let hit = run(&mut ladder(&["search", "-q", "mentor"]));
    assert_eq!(
        (hit.status.code(), hit.stdout.len(), hit.stderr.len()),
        (Some(0), 0, 0)
    );
    let miss = run(&mut ladder(&["search", "--quiet", "blockchain"]));
    assert_eq!(
        (miss.status.code(), miss.stdout.len(), miss.stderr.len()),
        (Some(1), 0, 0)
    );
}

#[test]
fn search_is_case_insensitive_unless_asked() {
    let any_case = ok(&["search", "SIEM", "--format", "tsv"]).lines().count();
    let lower = ok(&["search", "siem", "--format", "tsv"]).lines().count();
    assert_eq!(any_case, lower);
    assert!(any_case > 1);
    let exact = run(&mut ladder(&["search", "siem", "--case-sensitive"]));
    assert_eq!(
        exact.status.code(),
        Some(1),
        "SIEM is always upper case in the data"
    );
}

#[test]
fn search_regex_and_filters_narrow_the_hits() {
    let rows = |args: &[&str]| -> Vec<Vec<String>> {
        ok(&[args, &["--format", "tsv"]].concat())
            .lines()
            .skip(1)
            .map(|l| l.split('\t').map(String::from).collect())
            .collect()
    };
    let all = rows(&["search", "incident"]);
    let l2 = rows(&["search", "incident", "--level", "l2"]);
    assert!(!l2.is_empty() && l2.len() < all.len());
    assert!(l2.iter().all(|r| r[0].starts_with("L2-")));
    let engineer = rows(&["search", "incident", "--track", "engineer"]);
    let engineer_roles = [
        "L2-security-engineer",
        "L3-senior-security-engineer",
        "L4-technical-lead",
    ];
    assert!(
        !engineer.is_empty()
            && engineer
                .iter()
                .all(|r| engineer_roles.contains(&r[0].as_str()))
    );
    let business = rows(&["search", "incident", "--dimension", "business"]);
    assert!(!business.is_empty() && business.iter().all(|r| r[2] == "business-success"));
    let regex = rows(&["search", "^(Mentored|Trained)", "--regex"]);
    assert!(!regex.is_empty());
    assert!(
        regex
            .iter()
            .all(|r| r[5].starts_with("Mentored") || r[5].starts_with("Trained"))
    );
    let literal = run(&mut ladder(&["search", "^(Mentored|Trained)"]));
    assert_eq!(
        literal.status.code(),
        Some(1),
        "without --regex the pattern is literal"
    );
}

#[test]
fn search_highlights_matches_only_with_colour() {
    let plain = ok(&["search", "director"]);
    assert_eq!(
        plain,
        "L4-technical-lead  Evaluated by\n    Manager or Director\n"
    );
    let coloured = ok(&["search", "director", "--color", "always"]);
    assert!(
        coloured.contains("Manager or \u{1b}[1m\u{1b}[31mDirector\u{1b}[39m\u{1b}[0m"),
        "{coloured:?}"
    );
}

// ---------------------------------------------------------------- tracks, dimensions

#[test]
fn tracks_draws_the_ladder_then_lists_each_track_level_by_level() {
    let out = ok(&["tracks"]);
    let drawing: Vec<&str> = out.lines().take(9).collect();
    assert_eq!(
        drawing,
        [
            "    analyst                   engineer                   cloud",
            "L1  Junior Security Analyst",
            "    │",
            "L2  Security Analyst          Security Engineer ─────────┐",
            "    │                         │                          │",
            "L3  Senior Security Analyst   Senior Security Engineer   Senior Cloud Security Engineer",
            "    │                         │                          │",
            "L4  Technical Lead ───────────┴──────────────────────────┘",
            "",
        ]
    );
    assert!(out.contains(
        "\nanalyst  Security Analyst\n  L1  L1-junior-security-analyst  Junior Security Analyst\n"
    ));
    assert!(out.contains(
        "cloud  Cloud Security Engineer\n  L2  L2-security-engineer               Security Engineer\n  \
         L3  L3-senior-cloud-security-engineer  Senior Cloud Security Engineer\n  \
         L4  L4-technical-lead                  Technical Lead\n"
    ));
}

#[test]
fn tracks_drawing_fits_a_narrow_terminal_and_other_ladders() {
    let narrow = run(ladder(&["tracks"]).env("COLUMNS", "60"));
    let text = String::from_utf8(narrow.stdout).expect("UTF-8");
    assert!(text.lines().all(|l| width(l) <= 60), "{text}");
    assert!(text.contains("L4  Technical Lead ─"), "{text}");
    let design = ok(&["--data", DESIGN, "tracks"]);
    let rows: Vec<&str> = design
        .lines()
        .take(10)
        .filter(|l| l.starts_with('P'))
        .collect();
    assert_eq!(rows.len(), 5, "one row per level:\n{design}");
    assert!(rows[4].starts_with("P5  Design Director ─"), "{design}");
    assert!(rows[4].trim_end().ends_with('┘'), "{design}");
}

#[test]
fn dimensions_lists_attributes_with_meaning_and_dimensions_with_themes() {
    let out = ok(&["dimensions"]);
    assert!(out.starts_with("Attributes\n  Planning horizon  planning-horizon\n    How far ahead"));
    for heading in [
        "🦉 Domain Expertise  domain-expertise",
        "🏆 Business Success  business-success",
    ] {
        assert!(out.contains(heading), "{heading}");
    }
    assert!(
        out.contains("  posture-advocacy          Security posture and advocacy\n"),
        "{out}"
    );
}

// ---------------------------------------------------------------- completions and man page

#[test]
fn bash_completion_loads_and_completes_a_partial_role_id() {
    if Command::new("bash").arg("--version").output().is_err() {
        eprintln!("skipped: bash is not installed");
        return;
    }
    let script = ok(&["completions", "bash"]);
    let dir = std::env::temp_dir().join(format!("ladder-completion-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("ladder.bash");
    std::fs::write(&path, script).expect("script written");
    let complete = |line: &str| -> Vec<String> {
        let words: Vec<&str> = line.split(' ').collect();
        let program = format!(
            "source {path:?} || exit 9
             COMP_WORDS=({words}); COMP_CWORD={cword}; COMP_LINE={line:?}; COMP_POINT=${{#COMP_LINE}}
             _ladder ladder {cur:?} {prev:?}
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            words = words.iter().map(|w| format!("{w:?}")).collect::<Vec<_>>().join(" "),
            cword = words.len() - 1,
            cur = words[words.len() - 1],
            prev = words[words.len() - 2],
        );
        let out = Command::new("bash")
            .args(["--norc", "-c", &program])
            .output()
            .expect("bash runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .expect("UTF-8")
            .lines()
            .map(String::from)
            .collect()
    };
    assert_eq!(
        complete("ladder show L3-"),
        [
            "L3-senior-security-analyst",
            "L3-senior-security-engineer",
            "L3-senior-cloud-security-engineer"
        ]
    );
    assert_eq!(complete("ladder diff L2 L3 --track c"), ["cloud"]);
    assert_eq!(
        complete("ladder show L4 --dimension b"),
        ["business-success"]
    );
    std::fs::remove_dir_all(&dir).expect("temp dir removed");
}

#[test]
fn completion_scripts_exist_for_every_shell() {
    for (shell, marker) in [
        ("bash", "_ladder()"),
        ("zsh", "#compdef ladder"),
        ("fish", "complete -c ladder"),
        ("elvish", "edit:completion:arg-completer[ladder]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let script = ok(&["completions", shell]);
        assert!(script.contains(marker), "{shell}");
        assert!(
            script.contains("L3-senior-cloud-security-engineer"),
            "{shell} lacks role ids"
        );
    }
    assert!(fails(&["completions", "tcsh"], 2).contains("invalid value 'tcsh'"));
}

#[test]
fn the_man_page_renders_without_warnings() {
    let page = ok(&["man"]);
    assert!(page.contains("\n.TH ladder 1 "), "no title line");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH COMMANDS",
        ".SS \"ladder search\"",
        ".SH EXTRA",
    ] {
        assert!(page.contains(section), "{section} missing");
    }
    if Command::new("man").arg("--version").output().is_err() {
        eprintln!("skipped: man is not installed");
        return;
    }
    let dir = std::env::temp_dir().join(format!("ladder-man-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("ladder.1");
    std::fs::write(&path, &page).expect("page written");
    let out = Command::new("man")
        .args(["--warnings", "-l"])
        .arg(&path)
        .env("MANWIDTH", "80")
        .env("MAN_KEEP_FORMATTING", "0")
        .output()
        .expect("man runs");
    std::fs::remove_dir_all(&dir).expect("temp dir removed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("command exited with status") || stderr.contains("can't execute") {
        eprintln!("skipped: man cannot render here: {stderr}");
        return;
    }
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "", "man warned");
    // Without a terminal, man marks bold by overstriking: "X\bX". Keep the last of each pair.
    let mut text = String::new();
    for c in String::from_utf8_lossy(&out.stdout).chars() {
        if c == '\u{8}' {
            text.pop();
        } else {
            text.push(c);
        }
    }
    let text = text.replace('\u{8}', "");
    assert!(text.contains("ladder search PATTERN [OPTIONS]"), "{text}");
}

// ---------------------------------------------------------------- other ladders (--data)

const DESIGN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/design.toml");
const HOSTILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hostile.toml");

/// A file in a fresh temporary folder for this test, removed when the guard drops.
struct TempFile {
    dir: std::path::PathBuf,
    path: std::path::PathBuf,
}

impl TempFile {
    fn new(test: &str, name: &str, contents: &[u8]) -> TempFile {
        let dir = std::env::temp_dir().join(format!("ladder-test-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, contents).expect("temp file");
        TempFile { dir, path }
    }

    fn arg(&self) -> &str {
        self.path.to_str().expect("UTF-8 path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn data_flag_and_environment_variable_load_another_ladder() {
    let by_flag = ok(&["--data", DESIGN, "list", "--ids"]);
    assert!(by_flag.starts_with("P1-junior-designer\n"), "{by_flag}");
    let by_env = run(ladder(&["list", "--ids"]).env("LADDER_DATA", DESIGN));
    assert_eq!(String::from_utf8_lossy(&by_env.stdout), by_flag);
    // The flag wins over the variable; an empty variable means the embedded ladder.
    let both = run(ladder(&["list", "--ids", "--data", DESIGN]).env("LADDER_DATA", HOSTILE));
    assert_eq!(String::from_utf8_lossy(&both.stdout), by_flag);
    let empty = run(ladder(&["list", "--ids"]).env("LADDER_DATA", ""));
    assert!(String::from_utf8_lossy(&empty.stdout).starts_with("L1-junior-security-analyst\n"));
}

/// Every command that reads a ladder, with arguments that suit the ladder at hand.
fn commands_for(role_a: &str, role_b: &str, pattern: &str) -> Vec<Vec<String>> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        s(&["list"]),
        s(&["show", role_a]),
        s(&["show", role_b]),
        s(&["diff", role_a, role_b]),
        s(&["search", pattern]),
        s(&["tracks"]),
        s(&["dimensions"]),
        s(&["validate"]),
    ]
}

#[test]
fn every_command_and_format_runs_on_the_design_ladder() {
    let ids = ok(&["--data", DESIGN, "list", "--ids"]);
    let ids: Vec<&str> = ids.lines().collect();
    assert!(ids.len() >= 8, "{ids:?}");
    let tracks = json(&["--data", DESIGN, "tracks"]);
    assert_eq!(tracks["tracks"].as_array().map(Vec::len), Some(3));
    let dims = json(&["--data", DESIGN, "dimensions"]);
    assert_eq!(dims["dimensions"].as_array().map(Vec::len), Some(3));
    assert_eq!(dims["attributes"].as_array().map(Vec::len), Some(2));
    for args in commands_for(ids[0], ids[ids.len() - 1], "design") {
        for format in ["table", "json", "markdown", "tsv"] {
            let mut full: Vec<&str> = vec!["--data", DESIGN, "--format", format];
            full.extend(args.iter().map(String::as_str));
            let out = ok(&full);
            assert!(!out.is_empty(), "{full:?}");
        }
    }
    // Every role resolves by its id, and by a level with a track.
    for id in &ids {
        assert!(ok(&["--data", DESIGN, "show", id]).contains(id));
    }
    let p3 = json(&["--data", DESIGN, "show", "P3", "--track", "systems"]);
    assert_eq!(p3["role"]["level"], "P3");
    assert_eq!(
        ok(&["--data", DESIGN, "validate"]),
        format!("{DESIGN}: 0 errors, 0 warnings\n")
    );
}

/// Characters that must never reach a terminal raw.
const FORBIDDEN: [char; 12] = [
    '\u{7}', '\r', '\u{8}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{202c}', '\u{2066}', '\u{2069}',
    '\u{200b}', '\u{feff}', '\t',
];

/// Whether every escape byte in the text starts one of our own colour sequences (`ESC [ digits ; m`).
fn only_colour_escapes(text: &str) -> bool {
    let mut rest = text;
    while let Some(i) = rest.find('\u{1b}') {
        let after = &rest[i + 1..];
        let Some(body) = after.strip_prefix('[') else {
            return false;
        };
        let end = body
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(body.len());
        if !body[end..].starts_with('m') {
            return false;
        }
        rest = &body[end + 1..];
    }
    true
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    for args in commands_for("H1-one", "H2-two", "the") {
        for format in ["table", "json", "markdown", "tsv"] {
            for color in ["never", "always"] {
                let mut full: Vec<&str> =
                    vec!["--data", HOSTILE, "--format", format, "--color", color];
                full.extend(args.iter().map(String::as_str));
                let out = run(&mut ladder(&full));
                assert!(out.status.code().is_some_and(|c| c <= 1), "{full:?}");
                for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
                    let text = String::from_utf8(bytes.clone()).expect("UTF-8 output");
                    let tsv_tabs = format == "tsv" && stream == "stdout";
                    let bad: Vec<char> = text
                        .chars()
                        .filter(|c| FORBIDDEN.contains(c) && !(tsv_tabs && *c == '\t'))
                        .collect();
                    assert!(bad.is_empty(), "{full:?} {stream} holds {bad:?}");
                    if color == "never" || format != "table" {
                        assert!(
                            !text.contains('\u{1b}'),
                            "{full:?} {stream} holds an escape"
                        );
                    } else {
                        assert!(only_colour_escapes(&text), "{full:?} {stream}: {text:?}");
                    }
                }
            }
        }
    }
    // What was hidden is shown, visibly escaped.
    let shown = ok(&["--data", HOSTILE, "show", "H1-one"]);
    assert!(
        shown.starts_with("H1 One \\u{1b}[2J\\u{1b}[H cleared\n"),
        "{shown}"
    );
    assert!(
        flat(&shown).contains("Writes \\u{202e}esrever\\u{202c} text."),
        "{shown}"
    );
    assert!(flat(&shown).contains("Self \\u{9b}31m C1"), "{shown}");
}

#[test]
fn validate_warns_about_hidden_characters() {
    let out = run(&mut ladder(&["validate", HOSTILE]));
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains(&format!(
            "{HOSTILE}:28:9: warning: a name holds control or bidirectional characters; they are shown as escapes\n\
             28 | title = \"One \\u001b[2J\\u001b[H cleared\"\n"
        )),
        "{text}"
    );
    let strict = run(&mut ladder(&["validate", "--strict", HOSTILE]));
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn unreadable_ladder_files_fail_with_one_line_naming_the_file() {
    let truncated = &DATA.as_bytes()[..DATA.len() / 3];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.toml", Vec::new(), "is empty"),
        ("blank.toml", b"  \n\n".to_vec(), "is empty"),
        ("truncated.toml", truncated.to_vec(), ":"),
        (
            "latin1.toml",
            b"name = \"Caf\xe9\"\n".to_vec(),
            "is not UTF-8 text (invalid byte at offset 11)",
        ),
        (
            "binary.toml",
            (0u8..=255).cycle().take(4096).collect(),
            "is not UTF-8 text",
        ),
        (
            "nul.toml",
            b"name = \"a\0b\"\nlevels = []\n".to_vec(),
            ":1:",
        ),
    ];
    for (name, bytes, expected) in cases {
        let file = TempFile::new("unreadable", name, &bytes);
        for command in [&["list"][..], &["show", "x"], &["validate"]] {
            let mut args = vec!["--data", file.arg()];
            args.extend(command);
            let out = run(&mut ladder(&args));
            let stderr = String::from_utf8(out.stderr).expect("UTF-8");
            if command[0] == "validate" && !expected.starts_with("is ") {
                // validate reports a broken file as findings on stdout, and fails.
                assert_eq!(out.status.code(), Some(1), "{name}");
                assert!(
                    String::from_utf8_lossy(&out.stdout).contains(": error: "),
                    "{name}"
                );
                continue;
            }
            assert_eq!(out.status.code(), Some(1), "{name} {command:?}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{name} {command:?}: {stderr}");
            assert!(stderr.starts_with("error: "), "{name}: {stderr}");
            assert!(stderr.contains(file.arg()), "{name}: {stderr}");
            assert!(stderr.contains(expected), "{name}: {stderr}");
            assert!(out.stdout.is_empty(), "{name}");
        }
    }
}

#[test]
fn missing_files_directories_and_huge_files_are_refused() {
    let dir = TempFile::new("refused", "placeholder.toml", b"");
    let missing = dir.dir.join("missing.toml");
    let huge = dir.dir.join("huge.toml");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(65 * 1024 * 1024))
        .expect("sparse file");
    let cases = [
        (
            missing.to_str().expect("path").to_string(),
            "No such file or directory",
        ),
        (
            dir.dir.to_str().expect("path").to_string(),
            "it is a directory",
        ),
        (
            huge.to_str().expect("path").to_string(),
            "over the limit of 67108864 (64 MiB)",
        ),
    ];
    for (path, expected) in cases {
        for args in [vec!["--data", &path, "list"], vec!["validate", &path]] {
            let out = run(&mut ladder(&args));
            let stderr = String::from_utf8(out.stderr).expect("UTF-8");
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            assert!(
                stderr.contains(&format!("{path:?}")) && stderr.contains(expected),
                "{stderr}"
            );
        }
    }
}

#[test]
fn validate_reports_syntax_errors_with_a_caret() {
    let broken = DATA.replacen(
        "levels = [\"L1\", \"L2\", \"L3\", \"L4\"]",
        "levels = [\"L1\", \"L2\"",
        1,
    );
    let file = TempFile::new("caret", "broken.toml", broken.as_bytes());
    let out = run(&mut ladder(&["validate", file.arg()]));
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    // The parser notices the unclosed array where the next table starts.
    let (place, message) = lines[0].split_once(": error: ").expect("finding line");
    assert_eq!(
        message,
        "missing comma between array elements, expected `,`"
    );
    let mut parts = place.rsplitn(3, ':');
    let column: usize = parts.next().and_then(|c| c.parse().ok()).expect("column");
    let line: usize = parts.next().and_then(|l| l.parse().ok()).expect("line");
    assert_eq!(parts.next(), Some(file.arg()));
    assert_eq!(
        lines[1],
        format!(
            "{line} | {}",
            broken.lines().nth(line - 1).expect("source line")
        )
    );
    assert_eq!(
        lines[2],
        format!(
            "{} | {}^",
            " ".repeat(line.to_string().len()),
            " ".repeat(column - 1)
        )
    );
    assert_eq!(
        lines.last(),
        Some(&format!("{}: 1 error, 0 warnings", file.arg()).as_str())
    );
    // The other commands say the same in one line.
    let err = fails(&["--data", file.arg(), "list"], 1);
    assert_eq!(err, format!("error: {place}: {message}\n"));
}

#[test]
fn validate_names_expected_keys_and_reports_every_semantic_error() {
    let typo = DATA.replacen(
        "title = \"Security Analyst\"",
        "titel = \"Security Analyst\"",
        1,
    );
    let file = TempFile::new("keys", "typo.toml", typo.as_bytes());
    let out = run(&mut ladder(&["validate", file.arg(), "--format", "tsv"]));
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains(
            "error\tunknown field `titel`, expected one of `id`, `level`, `title`, `summary`"
        ),
        "{text}"
    );

    let broken = DATA
        .replacen(
            "id = \"L2-security-engineer\"",
            "id = \"L2-security-analyst\"",
            1,
        )
        .replacen("evaluated-by = \"Manager or Director\"", "", 1)
        .replacen(
            "{ theme = \"domain-depth\",",
            "{ theme = \"domain-width\",",
            1,
        );
    let file = TempFile::new("semantic", "broken.toml", broken.as_bytes());
    let doc = {
        let out = run(&mut ladder(&["validate", file.arg(), "--format", "json"]));
        assert_eq!(out.status.code(), Some(1));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("JSON")
    };
    assert_eq!(
        keys(&doc),
        ["schema", "file", "errors", "warnings", "findings"]
    );
    let errors: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "error")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(
        errors.contains(&"duplicate role id \"L2-security-analyst\""),
        "{errors:#?}"
    );
    assert!(
        errors.contains(&"role \"L4-technical-lead\" has no value for attribute \"evaluated-by\""),
        "{errors:#?}"
    );
    assert!(
        errors.contains(&"role \"L1-junior-security-analyst\" tags an expectation with theme \"domain-width\", which dimension \"domain-expertise\" does not declare"),
        "{errors:#?}"
    );
    assert_eq!(doc["errors"].as_u64(), Some(errors.len() as u64));
    let finding = &doc["findings"][0];
    assert_eq!(
        keys(finding),
        ["file", "line", "column", "severity", "message"]
    );
}

#[test]
fn validate_of_the_embedded_ladder_passes_but_not_strictly() {
    let out = ok(&["validate"]);
    assert!(
        out.ends_with("<embedded>: 0 errors, 13 warnings\n"),
        "{out}"
    );
    let strict = run(&mut ladder(&["validate", "--strict"]));
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn the_documented_minimal_example_passes_validate() {
    let doc = include_str!("../docs/format.md");
    let start = doc.find("```toml\n").expect("toml block") + "```toml\n".len();
    let example = &doc[start..start + doc[start..].find("```").expect("closed")];
    let file = TempFile::new("minimal", "minimal.toml", example.as_bytes());
    assert_eq!(
        ok(&["validate", "--strict", file.arg()]),
        format!("{}: 0 errors, 0 warnings\n", file.arg())
    );
    assert_eq!(
        ok(&["--data", file.arg(), "list", "--ids"]),
        "D1-designer\nD2-senior-designer\n"
    );
}

#[test]
fn long_texts_and_many_roles_still_fit_the_terminal() {
    let word = "x".repeat(150);
    let long = format!(
        "Starts plainly and then {word} runs on. {}",
        "A long sentence goes on. ".repeat(80)
    );
    let mut toml = String::from("name = \"Big\"\nlevels = [\"A\", \"B\", \"C\"]\n");
    toml += "[[attribute]]\nid = \"scope\"\nname = \"Scope\"\nmeaning = \"Reach.\"\n";
    toml += "[[dimension]]\nid = \"craft\"\nname = \"Craft\"\nthemes = [{ id = \"t\", name = \"Theme\" }]\n";
    let mut ids = Vec::new();
    for i in 0..150 {
        let level = ["A", "B", "C"][i % 3];
        let id = format!("{level}-role-{i}");
        toml += &format!(
            "[[role]]\nid = \"{id}\"\nlevel = \"{level}\"\ntitle = \"Role {i}\"\nsummary = \"{long}\"\n\
             attributes = {{ scope = \"{long}\" }}\n\
             dimensions.craft.expectations = [{{ theme = \"t\", text = \"{i} {long}\" }}]\n\
             dimensions.craft.examples = [\"{i} {long}\"]\n"
        );
        ids.push(id);
    }
    let file = TempFile::new("big", "big.toml", toml.as_bytes());
    for args in [
        vec!["list"],
        vec!["show", "A-role-0"],
        vec!["diff", "A-role-0", "B-role-1"],
        vec!["search", "plainly", "--level", "C"],
        vec!["dimensions"],
    ] {
        let mut full = vec!["--data", file.arg()];
        full.extend(args.iter());
        let out = run(ladder(&full).env("COLUMNS", "80"));
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        let wide: Vec<&str> = text.lines().filter(|l| width(l) > 80).collect();
        assert!(
            wide.is_empty(),
            "{args:?}: {} lines wider than 80, e.g. {:?}",
            wide.len(),
            wide.first()
        );
    }
    assert_eq!(
        ok(&["--data", file.arg(), "list", "--ids"]).lines().count(),
        ids.len()
    );
}

// ---------------------------------------------------------------- next, path, bands

/// The embedded tracks as (track, role ids in order), read from the data file.
fn data_tracks() -> Vec<(String, Vec<String>)> {
    let data: toml::Value = toml::from_str(DATA).expect("data parses");
    data["track"]
        .as_array()
        .expect("tracks")
        .iter()
        .map(|t| {
            let roles = t["roles"]
                .as_array()
                .expect("roles")
                .iter()
                .map(|r| r.as_str().expect("id").to_string())
                .collect();
            (t["id"].as_str().expect("id").to_string(), roles)
        })
        .collect()
}

fn heading_of(id: &str) -> String {
    let role = role_data(id);
    format!(
        "{} {}",
        role["level"].as_str().expect("level"),
        role["title"].as_str().expect("title")
    )
}

#[test]
fn next_compares_every_role_with_the_next_level_on_every_track() {
    for (track, roles) in data_tracks() {
        for (i, id) in roles.iter().enumerate() {
            let out = ok(&["next", id, "--track", &track]);
            match roles.get(i + 1) {
                Some(next) => {
                    let expected = format!(
                        "On track {track}:\n{} → {}\n",
                        heading_of(id),
                        heading_of(next)
                    );
                    assert!(out.starts_with(&expected), "{id} on {track}:\n{out}");
                    assert!(out.contains("\nThemes: "), "{id} on {track}");
                    let doc = json(&["next", id, "--track", &track]);
                    assert_eq!(doc["steps"][0]["next"]["id"].as_str(), Some(next.as_str()));
                    assert_eq!(
                        doc["steps"][0]["comparison"]["to"]["id"].as_str(),
                        Some(next.as_str())
                    );
                }
                None => {
                    assert_eq!(
                        out,
                        format!(
                            "{} is the top of track {track}: there is no next level.\n",
                            heading_of(id)
                        )
                    );
                    let doc = json(&["next", id, "--track", &track]);
                    assert!(
                        doc["steps"][0]["next"].is_null()
                            && doc["steps"][0]["comparison"].is_null()
                    );
                }
            }
        }
    }
}

#[test]
fn next_shows_each_step_of_a_role_on_several_tracks() {
    let out = ok(&["next", "L2-security-engineer"]);
    assert!(
        out.starts_with("On track engineer:\nL2 Security Engineer → L3 Senior Security Engineer\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "\nOn track cloud:\nL2 Security Engineer → L3 Senior Cloud Security Engineer\n"
        ),
        "{out}"
    );
    assert_eq!(
        ok(&["next", "L4"]),
        "L4 Technical Lead is the top of tracks analyst, engineer, cloud: there is no next level.\n"
    );
    let tsv = ok(&[
        "next",
        "L2-security-engineer",
        "--format",
        "tsv",
        "--dimension",
        "culture",
    ]);
    assert!(
        tsv.starts_with(
            "tracks\tnext\tdimension\ttheme\tattribute\tside\tchange\ttext\tsimilarity\n"
        ),
        "{tsv}"
    );
    assert!(
        tsv.contains("\ncloud\tL3-senior-cloud-security-engineer\tculture-leadership\t"),
        "{tsv}"
    );
}

#[test]
fn path_shows_every_level_of_the_track_and_every_theme() {
    let data: toml::Value = toml::from_str(DATA).expect("data parses");
    let themes: Vec<String> = data["dimension"]
        .as_array()
        .expect("dimensions")
        .iter()
        .flat_map(|d| {
            d["themes"]
                .as_array()
                .expect("themes")
                .iter()
                .map(|t| t["name"].as_str().expect("name").to_string())
        })
        .collect();
    for (track, roles) in data_tracks() {
        let out = run(ladder(&["path", "--track", &track]).env("COLUMNS", "200"));
        let out = String::from_utf8(out.stdout).expect("UTF-8");
        let headings: Vec<String> = roles.iter().map(|id| heading_of(id)).collect();
        assert!(flat(&out).contains(&headings.join(" → ")), "{track}");
        let body = cells(&out);
        for heading in &headings {
            assert!(body.contains(heading.as_str()), "{track}: {heading}");
        }
        for theme in &themes {
            assert!(body.contains(theme.as_str()), "{track}: theme {theme}");
        }
        let doc = json(&["path", "--track", &track]);
        let ids: Vec<&str> = doc["roles"]
            .as_array()
            .expect("roles")
            .iter()
            .filter_map(|r| r["id"].as_str())
            .collect();
        assert_eq!(ids, roles.iter().map(String::as_str).collect::<Vec<_>>());
        let json_themes = doc["dimensions"]
            .as_array()
            .expect("dims")
            .iter()
            .map(|d| d["themes"].as_array().expect("themes").len())
            .sum::<usize>();
        assert_eq!(json_themes, themes.len());
        // Every expectation of every role of the track is in its column.
        for (i, id) in roles.iter().enumerate() {
            let (expectations, _) = texts(&role_data(id));
            let column: Vec<String> = doc["dimensions"]
                .as_array()
                .expect("dims")
                .iter()
                .flat_map(|d| d["themes"].as_array().expect("themes").clone())
                .flat_map(|t| t["expectations"][i].as_array().expect("cell").clone())
                .map(|v| v.as_str().expect("text").to_string())
                .collect();
            assert_eq!(column.len(), expectations.len(), "{track} {id}");
        }
    }
}

#[test]
fn path_fits_the_terminal_and_slices_by_dimension() {
    let out = run(ladder(&["path", "--track", "analyst"]).env("COLUMNS", "80"));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.lines().all(|l| width(l) <= 80),
        "a line is wider than 80"
    );
    let one = ok(&["path", "-t", "engineer", "-d", "business"]);
    assert!(one.contains("\n🏆 Business Success\n") && !one.contains("🦉"));
    assert_eq!(
        fails(&["path"], 2).lines().next(),
        Some("error: the following required arguments were not provided:")
    );
    for format in ["markdown", "tsv", "json"] {
        assert!(!ok(&["path", "-t", "cloud", "--format", format]).is_empty());
    }
}

#[test]
fn bands_appear_in_show_dimensions_and_json() {
    let show = ok(&["show", "L2-security-analyst"]);
    assert!(
        show.contains("\nBands within a level\n  Maturing\n"),
        "{show}"
    );
    let dims = ok(&["dimensions"]);
    assert!(
        dims.contains("\nBands within a level\n  Maturing\n    Ready to meet most"),
        "{dims}"
    );
    let doc = json(&["show", "L2-security-analyst"]);
    assert_eq!(doc["role"]["bands"][1]["id"], "performing");
    // Bands are optional: a ladder without them shows none.
    assert!(!ok(&["--data", DESIGN, "show", "P1-junior-designer"]).contains("Bands"));
}

#[test]
fn show_on_a_terminal_ends_with_a_hint_to_the_next_level() {
    let piped = ok(&["show", "L3-senior-security-engineer"]);
    assert!(!piped.contains("ladder next"), "no hint into a pipe");
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: script (util-linux) is not installed");
        return;
    }
    let on_tty = |id: &str| -> String {
        let out = Command::new("script")
            .args([
                "-qec",
                &format!("{BIN} show {id} --color never"),
                "/dev/null",
            ])
            .env("COLUMNS", "100")
            .output()
            .expect("script runs");
        String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n")
    };
    let out = on_tty("L3-senior-security-engineer");
    assert!(
        out.trim_end()
            .ends_with("Compare with the next level: ladder next L3-senior-security-engineer"),
        "{out}"
    );
    assert!(
        !on_tty("L4-technical-lead").contains("ladder next"),
        "the top has no next level"
    );
}

// ---------------------------------------------------------------- evidence

#[test]
fn evidence_lists_every_expectation_and_marks_exactly_the_new_ones() {
    let out = ok(&["evidence", "L3-senior-security-engineer"]);
    assert!(out.starts_with("# Evidence for L3 Senior Security Engineer\n\nPreparing a progression conversation from L2 Security Engineer"));
    assert!(
        !out.contains("[ ]") && !out.contains("[x]"),
        "no checkboxes"
    );
    let role = role_data("L3-senior-security-engineer");
    let from = role_data("L2-security-engineer");
    let themes_of = |r: &toml::Value, dim: &str| -> Vec<String> {
        r["dimensions"][dim]["expectations"]
            .as_array()
            .expect("expectations")
            .iter()
            .filter_map(|e| e["theme"].as_str().map(String::from))
            .collect()
    };
    let mut marked = 0;
    for (dim, rd) in role["dimensions"].as_table().expect("dims") {
        let before = themes_of(&from, dim);
        for e in rd["expectations"].as_array().expect("expectations") {
            let text = e["text"].as_str().expect("text");
            let new = !before.contains(&e["theme"].as_str().expect("theme").to_string());
            let line = out
                .lines()
                .find(|l| l.contains(text))
                .unwrap_or_else(|| panic!("missing {text:?}"));
            assert_eq!(line.starts_with("### **New:** "), new, "{line}");
            marked += usize::from(new);
        }
    }
    assert_eq!(out.matches("**New:**").count(), marked);
    assert!(marked > 0);
}

#[test]
fn evidence_takes_from_and_track_and_refuses_ambiguity() {
    let out = ok(&["evidence", "L4", "--from", "L3-senior-security-analyst"]);
    assert!(
        out.contains(
            "from L3 Senior Security Analyst (L3-senior-security-analyst) to L4 Technical Lead"
        ),
        "{out}"
    );
    let by_track = ok(&["evidence", "L4", "--track", "cloud"]);
    assert!(
        by_track.contains("from L3 Senior Cloud Security Engineer"),
        "{by_track}"
    );
    let err = fails(&["evidence", "L4"], 2);
    assert!(
        err.starts_with("error: L4-technical-lead has a different level below on each track"),
        "{err}"
    );
    let first = ok(&["evidence", "L1"]);
    assert!(
        first.contains("there is no level below it to compare with") && !first.contains("**New:**")
    );
    assert!(fails(&["evidence", "L1", "--format", "json"], 2).contains("Markdown"));
}

#[test]
fn evidence_output_refuses_to_overwrite_without_force() {
    let file = TempFile::new("evidence", "mine.md", b"my own notes\n");
    let err = fails(
        &["evidence", "L2-security-analyst", "--output", file.arg()],
        1,
    );
    assert!(
        err.contains("refusing to overwrite") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read(&file.path).expect("read"), b"my own notes\n");
    assert_eq!(
        ok(&[
            "evidence",
            "L2-security-analyst",
            "--output",
            file.arg(),
            "--force"
        ]),
        ""
    );
    let written = std::fs::read_to_string(&file.path).expect("read");
    assert_eq!(written, ok(&["evidence", "L2-security-analyst"]));
    let fresh = file.dir.join("fresh.md");
    assert_eq!(
        ok(&[
            "evidence",
            "L2",
            "-t",
            "analyst",
            "-o",
            fresh.to_str().expect("path")
        ]),
        ""
    );
    assert!(
        std::fs::read_to_string(&fresh)
            .expect("written")
            .starts_with("# Evidence for L2 Security Analyst")
    );
}

// ---------------------------------------------------------------- export

/// Every relative Markdown link `](target)` in a page.
fn links(page: &str) -> Vec<String> {
    page.split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .filter(|t| !t.starts_with("http"))
        .map(String::from)
        .collect()
}

fn export(test: &str) -> TempFile {
    let book = TempFile::new(test, "handbook", b"");
    std::fs::remove_file(&book.path).expect("no file where the handbook goes");
    let target = book.arg();
    assert_eq!(
        ok(&["export", target]),
        format!("wrote 8 pages to {target}\n")
    );
    book
}

#[test]
fn export_writes_an_index_and_a_page_per_role_whose_links_resolve() {
    let book = export("export-links");
    let mut names: Vec<String> = std::fs::read_dir(&book.path)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "L1-Junior-Security-Analyst.md",
            "L2-Security-Analyst.md",
            "L2-Security-Engineer.md",
            "L3-Senior-Cloud-Security-Engineer.md",
            "L3-Senior-Security-Analyst.md",
            "L3-Senior-Security-Engineer.md",
            "L4-Technical-Lead.md",
            "README.md",
        ]
    );
    let mut checked = 0;
    for name in &names {
        let page = std::fs::read_to_string(book.path.join(name)).expect("page");
        for target in links(&page) {
            assert!(
                book.path.join(&target).is_file(),
                "{name} links to missing {target}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 7 + 7, "only {checked} links");
    let index = std::fs::read_to_string(book.path.join("README.md")).expect("index");
    let levels: Vec<&str> = index
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert_eq!(
        levels[0],
        "1. [L1 Junior Security Analyst](L1-Junior-Security-Analyst.md)"
    );
    assert_eq!(levels[6], "7. [L4 Technical Lead](L4-Technical-Lead.md)");
    for part in [
        "# Security Operations",
        "**Awareness + Response + Prevention**",
        "## Disciplines",
        "## Bands",
        "- **Impact radius**: ",
    ] {
        assert!(index.contains(part), "index lacks {part}");
    }
}

#[test]
fn export_pages_carry_every_expectation_and_example() {
    let book = export("export-content");
    let data: toml::Value = toml::from_str(DATA).expect("data parses");
    for role in data["role"].as_array().expect("roles") {
        let id = role["id"].as_str().expect("id");
        let file = format!(
            "{}-{}.md",
            role["level"].as_str().expect("level"),
            role["title"].as_str().expect("title").replace(' ', "-")
        );
        let page = std::fs::read_to_string(book.path.join(&file))
            .unwrap_or_else(|_| panic!("{id}: no {file}"));
        assert!(page.starts_with(&format!(
            "# {}: {}\n",
            role["level"].as_str().expect("level"),
            role["title"].as_str().expect("title")
        )));
        let (expectations, examples) = texts(role);
        for text in expectations.iter().chain(&examples) {
            assert!(page.contains(&format!("- {text}")), "{file} lacks {text:?}");
        }
        assert!(
            page.contains("<details><summary>Examples</summary>"),
            "{file}"
        );
    }
}

#[test]
fn a_second_export_without_force_changes_nothing() {
    let book = export("export-twice");
    let snapshot = |dir: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .expect("dir")
            .map(|e| {
                let e = e.expect("entry");
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).expect("read"),
                )
            })
            .collect();
        files.sort();
        files
    };
    // Edit a page by hand, as a maintainer would; a refused export must leave it alone.
    let page = book.path.join("L2-Security-Analyst.md");
    std::fs::write(&page, "edited by hand\n").expect("edit");
    let before = snapshot(&book.path);
    let target = book.path.to_str().expect("path");
    let err = fails(&["export", target], 1);
    assert_eq!(
        err,
        format!(
            "error: refusing to export into {target:?}: it is not empty; pass --force to write into it anyway\n"
        )
    );
    assert_eq!(
        snapshot(&book.path),
        before,
        "a refused export changed files"
    );
    assert_eq!(
        ok(&["export", target, "--force"]),
        format!("wrote 8 pages to {target}\n")
    );
    assert_ne!(
        std::fs::read_to_string(&page).expect("page"),
        "edited by hand\n"
    );
    assert_eq!(
        snapshot(&book.path).len(),
        8,
        "no temporary file is left behind"
    );
}

#[test]
fn the_index_mermaid_flowchart_has_every_role_and_every_track_step() {
    let book = export("export-mermaid");
    let index = std::fs::read_to_string(book.path.join("README.md")).expect("index");
    let block = index
        .split("```mermaid\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("mermaid block");
    let mut lines = block.lines();
    assert_eq!(lines.next(), Some("flowchart BT"));
    let mut nodes: Vec<(String, String)> = Vec::new();
    let mut edges: Vec<(String, String, String)> = Vec::new();
    for line in lines {
        let line = line.trim();
        if let Some((id, label)) = line.split_once("[\"") {
            let label = label.strip_suffix("\"]").expect("node closes");
            assert!(
                id.starts_with('r') && id[1..].chars().all(|c| c.is_ascii_digit()),
                "{line}"
            );
            nodes.push((id.to_string(), label.to_string()));
        } else {
            let (from, rest) = line.split_once(" -- \"").expect("edge");
            let (label, to) = rest.split_once("\" --> ").expect("edge arrow");
            edges.push((from.to_string(), label.to_string(), to.to_string()));
        }
    }
    let node_of = |heading: &str| {
        nodes
            .iter()
            .find(|(_, l)| l == heading)
            .map(|(id, _)| id.clone())
    };
    let mut steps = 0;
    for (track, roles) in data_tracks() {
        for id in &roles {
            assert!(node_of(&heading_of(id)).is_some(), "{id} has no node");
        }
        for pair in roles.windows(2) {
            let (a, b) = (
                node_of(&heading_of(&pair[0])).expect("a"),
                node_of(&heading_of(&pair[1])).expect("b"),
            );
            let edge = edges
                .iter()
                .find(|(f, _, t)| *f == a && *t == b)
                .unwrap_or_else(|| panic!("no edge {} -> {}", pair[0], pair[1]));
            assert!(
                edge.1.split(", ").any(|t| t == track),
                "edge {a}->{b} lacks {track}"
            );
            steps += 1;
        }
    }
    assert_eq!(nodes.len(), 7);
    assert_eq!(edges.len(), steps, "one edge per distinct step");
    for (from, _, to) in &edges {
        assert!(nodes.iter().any(|(id, _)| id == from) && nodes.iter().any(|(id, _)| id == to));
    }
}

#[test]
fn export_refuses_a_file_and_works_on_other_ladders() {
    let file = TempFile::new("export-file", "not-a-dir", b"x");
    let err = fails(&["export", file.arg()], 1);
    assert!(err.contains("it is not a directory"), "{err}");
    let out = file.dir.join("design");
    let target = out.to_str().expect("path");
    assert_eq!(
        ok(&["--data", DESIGN, "export", target]),
        format!("wrote 9 pages to {target}\n")
    );
    assert!(out.join("P5-Design-Director.md").is_file());
}

// ---------------------------------------------------------------- import

const HANDBOOK: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/handbook");

/// Runs `ladder import` on a folder; returns the TOML and the stderr lines.
fn import(dir: &str) -> (String, Vec<String>) {
    let out = run(&mut ladder(&["import", dir]));
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    (
        String::from_utf8(out.stdout).expect("UTF-8"),
        stderr.lines().map(String::from).collect(),
    )
}

/// The statements and examples of a handbook page, by dimension name (lower case, no emoji),
/// read line by line: bullets after a `## ` heading, inside `<details>` or not.
fn page_bullets(path: &std::path::Path) -> Vec<(String, bool, String)> {
    let text = std::fs::read_to_string(path)
        .expect("page")
        .replace("\r\n", "\n");
    let (mut dimension, mut in_details) = (None::<String>, false);
    let mut found: Vec<(String, bool, String)> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(heading) = trimmed.strip_prefix("## ") {
            let name = heading
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            dimension = Some(name);
            in_details = false;
        } else if trimmed.starts_with("<details") {
            in_details = true;
        } else if trimmed.starts_with("</details") {
            in_details = false;
        } else if let (Some(d), Some(item)) = (
            &dimension,
            trimmed
                .strip_prefix("- ")
                .or_else(|| trimmed.strip_prefix("* ")),
        ) {
            found.push((d.clone(), in_details, item.to_string()));
        } else if line.starts_with("  ") && !trimmed.is_empty() {
            // A continuation line belongs to the bullet before it.
            if let Some(last) = found.last_mut() {
                last.2 = format!("{} {trimmed}", last.2);
            }
        }
    }
    found
}

#[test]
fn import_places_every_statement_and_example_of_the_test_handbook() {
    let (toml, _) = import(HANDBOOK);
    let file = TempFile::new("import-place", "support.toml", toml.as_bytes());
    let ids = ok(&["--data", file.arg(), "list", "--ids"]);
    assert_eq!(
        ids.lines().collect::<Vec<_>>(),
        [
            "S1-junior-support-engineer",
            "S2-support-engineer",
            "S3-senior-support-engineer",
            "S4-support-lead",
            "S2-support-analyst",
            "S3-senior-support-analyst",
        ]
    );
    let mut total = 0;
    for entry in std::fs::read_dir(HANDBOOK).expect("handbook") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name")
            .to_string();
        if name == "README.md" {
            continue;
        }
        let stem = name.trim_end_matches(".md");
        let (level, title) = stem.split_once('-').expect("LEVEL-Title.md");
        let id = format!("{level}-{}", title.to_lowercase());
        let role = json(&["--data", file.arg(), "show", &id]);
        for (dimension, is_example, text) in page_bullets(&path) {
            let d = role["role"]["dimensions"]
                .as_array()
                .expect("dimensions")
                .iter()
                .find(|d| {
                    d["name"]
                        .as_str()
                        .is_some_and(|n| n.to_lowercase() == dimension)
                })
                .unwrap_or_else(|| panic!("{name}: no dimension {dimension:?}"));
            let list: Vec<&str> = if is_example {
                d["examples"]
                    .as_array()
                    .expect("examples")
                    .iter()
                    .filter_map(|v| v.as_str())
                    .collect()
            } else {
                d["expectations"]
                    .as_array()
                    .expect("expectations")
                    .iter()
                    .filter_map(|e| e["text"].as_str())
                    .collect()
            };
            assert!(
                list.contains(&text.as_str()),
                "{name}: {text:?} is not among the {dimension} {}",
                if is_example {
                    "examples"
                } else {
                    "expectations"
                }
            );
            total += 1;
        }
        // Attributes map, whatever the page calls them.
        let evaluated = role["role"]["attributes"]
            .as_array()
            .expect("attributes")
            .iter()
            .find(|a| a["attribute"] == "evaluated-by")
            .cloned();
        assert!(
            evaluated.is_some_and(|a| a["value"]
                .as_str()
                .is_some_and(|v| v.starts_with("Manager"))),
            "{name}"
        );
    }
    assert_eq!(
        total,
        45 + 33,
        "every statement and example of the handbook"
    );
    let joined = json(&["--data", file.arg(), "show", "S3-senior-support-engineer"]);
    assert!(joined.to_string().contains("I trace recurring faults back to their root cause and push the owning team to ship a lasting fix."));
}

#[test]
fn import_warns_about_every_quirk_and_says_what_it_inferred() {
    let (_, messages) = import(HANDBOOK);
    let has = |needle: &str| messages.iter().any(|m| m.contains(needle));
    assert!(
        has(
            "S4-Support-Lead.md:28: warning: could not place \"Leads are expected to cover for each other during leave.\""
        ),
        "{messages:#?}"
    );
    assert!(
        has("S3-Senior-Support-Analyst.md:")
            && has(
                "dimension \"Knowledge base\" is not on the index page and no other page has it"
            ),
        "{messages:#?}"
    );
    assert!(
        has("S2-Support-Analyst.md:1: warning: no quoted self-description"),
        "{messages:#?}"
    );
    assert!(
        has("S3-Senior-Support-Engineer.md:")
            && has("dimension \"Customer outcomes\" has no examples"),
        "{messages:#?}"
    );
    assert!(
        has(
            "note: mapped attribute label \"Evaluation\" to \"Evaluated by\" (S2-Support-Analyst.md:"
        ),
        "{messages:#?}"
    );
    assert!(
        has("README.md:") && has("could not place \"💡 Tip: read adjacent levels side by side.\""),
        "{messages:#?}"
    );
    assert!(
        has(
            "note: inferred track engineer: S1-junior-support-engineer → S2-support-engineer → S3-senior-support-engineer → S4-support-lead"
        ),
        "{messages:#?}"
    );
    assert!(
        has(
            "note: inferred track analyst: S2-support-analyst → S3-senior-support-analyst → S4-support-lead"
        ),
        "{messages:#?}"
    );
    // CRLF, `*` bullets, odd heading case and extra blank lines are read without complaint.
    assert!(
        !has("S1-Junior-Support-Engineer.md") && !has("S2-Support-Engineer.md"),
        "{messages:#?}"
    );
    for m in &messages {
        assert!(m.starts_with("note: ") || m.contains(": warning: "), "{m}");
    }
}

#[test]
fn export_then_import_gives_back_the_same_ladder() {
    for data in [None, Some(DESIGN), Some(HOSTILE)] {
        let with = |args: &[&str]| -> Vec<String> {
            let mut all: Vec<String> = data
                .map(|d| vec!["--data".to_string(), d.to_string()])
                .unwrap_or_default();
            all.extend(args.iter().map(|s| s.to_string()));
            all
        };
        let book = TempFile::new("roundtrip", "handbook", b"");
        std::fs::remove_file(&book.path).expect("empty");
        let export_args = with(&["export", book.arg()]);
        ok(&export_args.iter().map(String::as_str).collect::<Vec<_>>());
        let (toml, messages) = import(book.arg());
        assert!(
            messages.iter().all(|m| !m.contains("warning")),
            "{data:?}: {messages:#?}"
        );
        let imported = book.dir.join("imported.toml");
        std::fs::write(&imported, toml).expect("written");
        let imported = imported.to_str().expect("path");
        let ids = ok(&with(&["list", "--ids"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>());
        let mut commands: Vec<Vec<&str>> = vec![vec!["list"], vec!["tracks"], vec!["dimensions"]];
        for id in ids.lines() {
            commands.push(vec!["show", id]);
        }
        for command in commands {
            let original = with(&command);
            let before = json(&original.iter().map(String::as_str).collect::<Vec<_>>());
            let mut again = vec!["--data", imported];
            again.extend(command.iter());
            let after = json(&again);
            assert_eq!(before, after, "{data:?} {command:?}");
        }
    }
}

#[test]
fn import_output_refuses_to_overwrite_without_force() {
    let file = TempFile::new("import-output", "ladder.toml", b"keep me\n");
    let err = fails(&["import", HANDBOOK, "--output", file.arg()], 1);
    assert!(
        err.lines()
            .any(|l| l.starts_with("error: refusing to overwrite")),
        "{err}"
    );
    assert_eq!(std::fs::read(&file.path).expect("read"), b"keep me\n");
    let out = run(&mut ladder(&[
        "import",
        HANDBOOK,
        "--output",
        file.arg(),
        "--force",
    ]));
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(
        std::fs::read_to_string(&file.path)
            .expect("read")
            .contains("[[role]]")
    );
    assert!(
        fails(&["import", "/nonexistent-handbook"], 1).starts_with("error: cannot read directory")
    );
}

// ---------------------------------------------------------------- levels without themes

#[test]
fn themeless_ladders_pair_expectations_by_similarity() {
    let (toml, _) = import(HANDBOOK);
    let file = TempFile::new("themeless", "support.toml", toml.as_bytes());
    let doc = json(&[
        "--data",
        file.arg(),
        "diff",
        "S2-support-engineer",
        "S2-support-analyst",
    ]);
    let changes: Vec<(String, Option<f64>)> = doc["dimensions"]
        .as_array()
        .expect("dims")
        .iter()
        .flat_map(|d| d["themes"].as_array().expect("themes").clone())
        .flat_map(|t| t["to"].as_array().expect("to").clone())
        .map(|e| {
            (
                e["change"].as_str().expect("change").to_string(),
                e["similarity"].as_f64(),
            )
        })
        .collect();
    assert!(!changes.is_empty());
    for (change, similarity) in &changes {
        match change.as_str() {
            "added" => assert!(similarity.is_none()),
            "reworded" => assert!(similarity.is_some_and(|s| (0.3..1.0).contains(&s))),
            "unchanged" => assert_eq!(*similarity, Some(1.0)),
            other => panic!("a themeless expectation is {other}"),
        }
    }
    // Every role diffed with itself is unchanged, expectation by expectation.
    let same = ok(&["--data", file.arg(), "diff", "S4", "S4-support-lead"]);
    assert!(
        same.contains("Themes: 0 new at B, 0 grow, 0 no longer listed, 3 unchanged."),
        "{same}"
    );
    // next, path and evidence line the levels up too.
    assert!(
        ok(&["--data", file.arg(), "next", "S2-support-engineer"])
            .starts_with("On track engineer:\n")
    );
    let path = json(&["--data", file.arg(), "path", "--track", "engineer"]);
    let rows = path["dimensions"][0]["themes"].as_array().expect("rows");
    assert!(rows.iter().all(|r| r["theme"].is_null()));
    assert!(rows.iter().all(|r| {
        r["expectations"]
            .as_array()
            .expect("cells")
            .iter()
            .all(|c| c.as_array().expect("cell").len() <= 1)
    }));
    let evidence = ok(&[
        "--data",
        file.arg(),
        "evidence",
        "S3-senior-support-engineer",
    ]);
    assert!(evidence.contains("from S2 Support Engineer"), "{evidence}");
}

#[test]
fn sideways_l3_roles_show_what_they_share_as_reworded_pairs() {
    let doc = json(&[
        "diff",
        "L3-senior-security-analyst",
        "L3-senior-security-engineer",
        "--dimension",
        "domain",
    ]);
    let depth = &doc["dimensions"][0]["themes"][0];
    assert_eq!(depth["theme"], "domain-depth");
    let pair = &depth["to"][0];
    assert_eq!(pair["change"], "reworded");
    assert!(
        pair["similarity"].as_f64().is_some_and(|s| s >= 0.6),
        "{pair}"
    );
    assert!(
        pair["counterpart"]
            .as_str()
            .is_some_and(|t| t.starts_with("Works at an advanced level"))
    );
    let table = ok(&[
        "diff",
        "L3-senior-security-analyst",
        "L3-senior-security-engineer",
        "-d",
        "domain",
    ]);
    assert!(table.contains("≈ Works at an advanced level"), "{table}");
    assert!(flat(&cells(&table)).contains("% alike)"), "{table}");
}

// ---------------------------------------------------------------- large ladders

#[test]
fn show_by_exact_id_on_a_data_file_matches_a_full_load() {
    for (data, id) in [(DESIGN, "P3-senior-design-researcher"), (HOSTILE, "H1-one")] {
        // An exact id takes the fast path; the same id in other case resolves on a full load.
        let fast = ok(&["--data", data, "show", id, "--format", "json"]);
        let full = ok(&[
            "--data",
            data,
            "show",
            &id.to_uppercase(),
            "--format",
            "json",
        ]);
        assert_eq!(fast, full, "{data}");
    }
    let embedded = ok(&[
        "--data",
        concat!(env!("CARGO_MANIFEST_DIR"), "/data/ladder.toml"),
        "show",
        "L4-technical-lead",
    ]);
    assert_eq!(embedded, ok(&["show", "L4-technical-lead"]));
}

#[test]
fn a_broken_role_is_reported_even_by_the_fast_path() {
    let broken = DATA.replacen("title = \"Technical Lead\"", "title = \"\"", 1);
    let file = TempFile::new("fast-broken", "broken.toml", broken.as_bytes());
    let err = fails(&["--data", file.arg(), "show", "L4-technical-lead"], 1);
    assert!(err.contains(": a name is empty"), "{err}");
}
