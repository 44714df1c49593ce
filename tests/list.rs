//! `ladder list`: the roles by track and level, their widths and `--track`.

use super::*;

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
            "L2  L2-security-engineer               engineer, cloud",
            "L3  L3-senior-security-engineer        engineer",
            "L3  L3-senior-cloud-security-engineer  cloud",
            // The top level that every track shares comes after all of them.
            "L4  L4-technical-lead                  analyst, engineer, cloud",
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
