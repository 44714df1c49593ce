//! Integration tests: run the built `ladder` binary and check its exact output, exit codes and streams.

use std::io::Read;
use std::process::{Command, Output, Stdio};

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
            "+ new at B   ~ grows   - no longer listed at B   = unchanged",
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
            "│ ~ Responsibility ┆ ~ Supervised weekly by      ┆ ~ Carries vertical slices   │",
            "│   and direction  ┆   a manager or senior       ┆   of larger products from   │",
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
    for args in [
        &["list"][..],
        &["show", "L4"],
        &["diff", "L2", "L3", "--track", "cloud"],
    ] {
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

/// Every `console` block of the README that starts with `$ ladder ...` (optionally piped
/// through `head -n N` or `tail -n N`) shows exactly what the binary prints at 100 columns.
#[test]
fn readme_examples_match_the_binary() {
    let readme = include_str!("../README.md");
    let mut checked = 0;
    for block in readme.split("```console\n").skip(1) {
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
        assert_eq!(
            actual, expected,
            "README example `ladder {command}` is stale"
        );
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} README examples found");
}
