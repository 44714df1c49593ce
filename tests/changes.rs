//! `ladder changes`: two versions of a ladder compared, from files, folders and git
//! revisions; every change reported as the kind it is, in four formats, with diff(1)'s exit
//! codes.

use std::path::Path;

use super::*;

const OLD: &str = "tests/data/changes/old.toml";
const NEW: &str = "tests/data/changes/new.toml";

/// Runs `ladder ARGS` in `dir`; the exit code, stdout and stderr.
fn in_dir(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = run(ladder(args).current_dir(dir));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

/// `ladder changes OLD NEW ARGS` on the fixture pair, from the package folder.
fn compared(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["changes", OLD, NEW];
    all.extend_from_slice(args);
    in_dir(Path::new(env!("CARGO_MANIFEST_DIR")), &all)
}

/// One change of each kind, for a person: the summary first, then each role with its
/// changes, the old and new words under each.
#[test]
fn each_kind_of_change_is_told_as_what_it_is() {
    let (code, out, err) = compared(&[]);
    assert_eq!((code, err.as_str()), (1, ""));
    assert_eq!(
        out,
        concat!(
            "Changes from tests/data/changes/old.toml to tests/data/changes/new.toml\n",
            "\n",
            "Summary\n",
            "  3 roles: 2 with expectations changed, 1 with wording only.\n",
            "  7 statements: 2 added, 1 removed, 1 reworded, 1 grows, 2 moved.\n",
            "  W1-apprentice: wording only\n",
            "  W2-maker: expectations changed\n",
            "  W3-master → W3-master-maker: expectations changed\n",
            "\n",
            "W1-apprentice (wording only)\n",
            "  ≈ expectation reworded in craft / tools\n",
            "      was: Uses the workshop's hand tools safely after a demonstration.\n",
            "      now: Uses the workshop's hand tools safely once shown how.\n",
            "  → expectation moved from craft / quality to craft / tools\n",
            "      Checks each joint against the drawing before glueing it.\n",
            "\n",
            "W2-maker (expectations changed)\n",
            "  ~ expectation grows in craft / tools\n",
            "      was: Plans the order of work for one piece.\n",
            "      now: Plans the order of work for one piece and for the pieces that depend on it.\n",
            "  + expectation added in craft / quality\n",
            "      Checks the finish of every piece before it leaves the bench.\n",
            "  + expectation added in people\n",
            "      Shows an apprentice how to sharpen and set a chisel.\n",
            "  - expectation removed from craft / quality\n",
            "      Keeps the bench tidy at the end of each day.\n",
            "  → expectation moved from craft / quality to W3-master-maker craft / quality\n",
            "      Reviews an apprentice's joints and explains what to fix.\n",
            "\n",
            "W3-master → W3-master-maker (expectations changed)\n",
            "  → role renamed\n",
            "  * scope changed\n",
            "      was: Several projects\n",
            "      now: The whole workshop\n",
            "  → expectation moved from W2-maker craft / quality to craft / quality\n",
            "      Reviews an apprentice's joints and explains what to fix.\n",
        )
    );
}

/// TSV: one record per change, the same in every place it is read from.
#[test]
fn tsv_is_one_record_per_change() {
    let (code, out, _) = compared(&["--format", "tsv"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        concat!(
            "change	what	from_role	from_place	to_role	to_place	from	to\n",
            "reworded	expectation	W1-apprentice	craft/tools	W1-apprentice	craft/tools	Uses the workshop's hand tools safely after a demonstration.	Uses the workshop's hand tools safely once shown how.\n",
            "moved	expectation	W1-apprentice	craft/quality	W1-apprentice	craft/tools	Checks each joint against the drawing before glueing it.	Checks each joint against the drawing before glueing it.\n",
            "grows	expectation	W2-maker	craft/tools	W2-maker	craft/tools	Plans the order of work for one piece.	Plans the order of work for one piece and for the pieces that depend on it.\n",
            "added	expectation			W2-maker	craft/quality		Checks the finish of every piece before it leaves the bench.\n",
            "added	expectation			W2-maker	people		Shows an apprentice how to sharpen and set a chisel.\n",
            "removed	expectation	W2-maker	craft/quality			Keeps the bench tidy at the end of each day.	\n",
            "renamed	role	W3-master		W3-master-maker			\n",
            "changed	attribute-value	W3-master	scope	W3-master-maker	scope	Several projects	The whole workshop\n",
            "moved	expectation	W2-maker	craft/quality	W3-master-maker	craft/quality	Reviews an apprentice's joints and explains what to fix.	Reviews an apprentice's joints and explains what to fix.\n",
        )
    );
}

#[test]
fn markdown_pastes_into_a_pull_request() {
    let (code, out, _) = compared(&["--format", "markdown"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        concat!(
            "# Changes from tests/data/changes/old.toml to tests/data/changes/new.toml\n",
            "\n",
            "## Summary\n",
            "\n",
            "- 3 roles: 2 with expectations changed, 1 with wording only.\n",
            "- 7 statements: 2 added, 1 removed, 1 reworded, 1 grows, 2 moved.\n",
            "- W1-apprentice: wording only\n",
            "- W2-maker: expectations changed\n",
            "- W3-master → W3-master-maker: expectations changed\n",
            "\n",
            "## W1-apprentice (wording only)\n",
            "\n",
            "- expectation reworded in craft / tools\n",
            "  - was: Uses the workshop's hand tools safely after a demonstration.\n",
            "  - now: Uses the workshop's hand tools safely once shown how.\n",
            "- expectation moved from craft / quality to craft / tools\n",
            "  - Checks each joint against the drawing before glueing it.\n",
            "\n",
            "## W2-maker (expectations changed)\n",
            "\n",
            "- expectation grows in craft / tools\n",
            "  - was: Plans the order of work for one piece.\n",
            "  - now: Plans the order of work for one piece and for the pieces that depend on it.\n",
            "- expectation added in craft / quality\n",
            "  - Checks the finish of every piece before it leaves the bench.\n",
            "- expectation added in people\n",
            "  - Shows an apprentice how to sharpen and set a chisel.\n",
            "- expectation removed from craft / quality\n",
            "  - Keeps the bench tidy at the end of each day.\n",
            "- expectation moved from craft / quality to W3-master-maker craft / quality\n",
            "  - Reviews an apprentice's joints and explains what to fix.\n",
            "\n",
            "## W3-master → W3-master-maker (expectations changed)\n",
            "\n",
            "- role renamed\n",
            "- scope changed\n",
            "  - was: Several projects\n",
            "  - now: The whole workshop\n",
            "- expectation moved from W2-maker craft / quality to craft / quality\n",
            "  - Reviews an apprentice's joints and explains what to fix.\n",
        )
    );
}

/// JSON: its own schema number, each role's verdict, each statement's change with both
/// versions and whether it changes evaluations.
#[test]
fn json_carries_verdicts_and_both_versions() {
    let (code, out, _) = compared(&["--format", "json"]);
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["document"], "changes");
    let ladder = &doc["ladders"][0];
    let verdicts: Vec<(&str, &str)> = (ladder["roles"].as_array().expect("roles").iter())
        .map(|r| {
            (
                r["new"].as_str().unwrap_or(""),
                r["verdict"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            ("W1-apprentice", "wording only"),
            ("W2-maker", "expectations changed"),
            ("W3-master-maker", "expectations changed"),
        ]
    );
    let statements = ladder["statements"].as_array().expect("statements");
    let kinds: Vec<(&str, bool)> = (statements.iter())
        .map(|s| {
            (
                s["change"].as_str().unwrap_or(""),
                s["evaluative"].as_bool().unwrap_or(false),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("reworded", false),
            ("moved", false),
            ("grows", true),
            ("added", true),
            ("added", true),
            ("removed", true),
            ("moved", true),
        ]
    );
    assert_eq!(statements[6]["from"]["role"], "W2-maker");
    assert_eq!(statements[6]["to"]["role"], "W3-master-maker");
}

/// `--brief` keeps what changes evaluations, and exits 1 only when there is some.
#[test]
fn brief_keeps_what_changes_evaluations() {
    let (code, out, _) = compared(&["--brief", "--format", "tsv", "--no-header"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        concat!(
            "grows	expectation	W2-maker	craft/tools	W2-maker	craft/tools	Plans the order of work for one piece.	Plans the order of work for one piece and for the pieces that depend on it.\n",
            "added	expectation			W2-maker	craft/quality		Checks the finish of every piece before it leaves the bench.\n",
            "added	expectation			W2-maker	people		Shows an apprentice how to sharpen and set a chisel.\n",
            "removed	expectation	W2-maker	craft/quality			Keeps the bench tidy at the end of each day.	\n",
            "renamed	role	W3-master		W3-master-maker			\n",
            "changed	attribute-value	W3-master	scope	W3-master-maker	scope	Several projects	The whole workshop\n",
            "moved	expectation	W2-maker	craft/quality	W3-master-maker	craft/quality	Reviews an apprentice's joints and explains what to fix.	Reviews an apprentice's joints and explains what to fix.\n",
        )
    );
}

/// Formatting, comments and key order do not count: the same ladder is exit 0, and a change
/// of wording only is exit 0 with `--brief`.
#[test]
fn the_same_ladder_written_otherwise_is_no_change() {
    let folder = Folder::new("changes-same");
    let old =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(OLD)).expect("old");
    let reformatted = old
        .replace("# Two versions", "# Reformatted: two versions")
        .replace(
            "name = \"Workshop\"\nlevels = [\"W1\", \"W2\", \"W3\"]",
            "levels = [ \"W1\",\"W2\",\"W3\" ]\nname = \"Workshop\"",
        );
    folder.write("a.toml", &old);
    folder.write("b.toml", &reformatted);
    let here = folder.join("");
    let (code, out, _) = in_dir(&here, &["changes", "a.toml", "b.toml"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "Changes from a.toml to b.toml\n  None: both describe the same ladder.\n"
    );
    let reworded = old.replace("safely after a demonstration", "safely after being shown");
    folder.write("c.toml", &reworded);
    assert_eq!(in_dir(&here, &["changes", "a.toml", "c.toml"]).0, 1);
    let (code, out, _) = in_dir(&here, &["changes", "a.toml", "c.toml", "--brief"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "Changes from a.toml to c.toml\n  No change to what is expected of anyone.\n"
    );
}

/// `--role`, `--track` and `--dimension` narrow the report; a statement that moved away from
/// the role asked for is still told.
#[test]
fn role_track_and_dimension_narrow_it() {
    let records = |args: &[&str]| {
        let mut all = vec!["--format", "tsv", "--no-header"];
        all.extend_from_slice(args);
        let (_, out, err) = compared(&all);
        assert_eq!(err, "");
        out.lines()
            .map(|l| l.split('\t').take(5).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        records(&["--role", "W2"]),
        [
            "grows expectation W2-maker craft/tools W2-maker",
            "added expectation   W2-maker",
            "added expectation   W2-maker",
            "removed expectation W2-maker craft/quality ",
            "moved expectation W2-maker craft/quality W3-master-maker",
        ]
    );
    assert_eq!(
        records(&["--role", "W3-master"]),
        [
            "renamed role W3-master  W3-master-maker",
            "changed attribute-value W3-master scope W3-master-maker",
            "moved expectation W2-maker craft/quality W3-master-maker",
        ]
    );
    assert_eq!(
        records(&["--dimension", "people"]),
        ["added expectation   W2-maker"]
    );
    assert_eq!(records(&["--track", "maker", "--brief"]).len(), 7);
    let (code, _, err) = compared(&["--role", "nobody"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: no role matches \"nobody\"; run `ladder list` to see every role\n"
    );
}

/// Two catalogue folders: ladder by ladder, with the ladders only one of them has.
#[test]
fn two_catalogues_compare_ladder_by_ladder() {
    let folder = Folder::new("changes-catalogues");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).expect("fixture");
    folder.write("a/workshop.toml", read(OLD));
    folder.write("a/design.toml", read("tests/data/design.toml"));
    folder.write("b/workshop.toml", read(NEW));
    folder.write("b/every.toml", read("tests/data/every-field.toml"));
    let (code, out, err) = in_dir(
        &folder.join(""),
        &[
            "changes",
            "a",
            "b",
            "--format",
            "tsv",
            "--no-header",
            "--brief",
        ],
    );
    assert_eq!((code, err.as_str()), (1, ""));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "every\tadded\tladder\t\t\t\t\t\tevery");
    assert_eq!(
        lines.last().copied(),
        Some("design\tremoved\tladder\t\t\t\t\tdesign\t")
    );
    assert!(
        lines[1..lines.len() - 1]
            .iter()
            .all(|l| l.starts_with("workshop\t")),
        "{out}"
    );
    let (code, _, err) = in_dir(&folder.join(""), &["changes", "a", "b/workshop.toml"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: compare a ladder file with a ladder file, or a catalogue folder with a catalogue folder\n"
    );
}

/// A repository whose `data/ladder.toml` was the old fixture, then the new one, then a file
/// `other.toml` that only the last commit has.
fn repository(folder: &Folder) -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = folder.join("repo");
    folder.write(
        "repo/data/ladder.toml",
        std::fs::read(root.join(OLD)).expect("old"),
    );
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "old"]);
    folder.write(
        "repo/data/ladder.toml",
        std::fs::read(root.join(NEW)).expect("new"),
    );
    git(&repo, &["commit", "-q", "-am", "new"]);
    folder.write(
        "repo/other.toml",
        std::fs::read(root.join(NEW)).expect("new"),
    );
    git(&repo, &["add", "other.toml"]);
    git(&repo, &["commit", "-q", "-m", "other"]);
    repo
}

/// Revisions of the ladder file, read with git: against the working copy, two of them, a
/// range; `--data` names another file.
#[test]
fn revisions_are_read_with_git() {
    if !tool("git") {
        return;
    }
    let folder = Folder::new("changes-git");
    let repo = repository(&folder);
    let (_, expected, _) = compared(&["--format", "tsv"]);
    let expected = expected.replace(OLD, "x").replace(NEW, "y");
    for args in [
        vec!["changes", "HEAD~2", "--format", "tsv"],
        vec!["changes", "HEAD~2", "HEAD", "--format", "tsv"],
        vec!["changes", "HEAD~2..HEAD~1", "--format", "tsv"],
        vec!["changes", "HEAD~2..", "--format", "tsv"],
    ] {
        let (code, out, err) = in_dir(&repo, &args);
        assert_eq!(
            (code, err.as_str(), out.as_str()),
            (1, "", expected.as_str()),
            "{args:?}"
        );
    }
    let (code, out, _) = in_dir(&repo, &["changes", "HEAD~2", "HEAD~1"]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("Changes from HEAD~2:data/ladder.toml to HEAD~1:data/ladder.toml\n"),
        "{out}"
    );
    let (code, out, _) = in_dir(&repo.join("data"), &["changes", "HEAD~1"]);
    assert_eq!(code, 0, "the ladder file did not change in the last commit");
    assert!(
        out.ends_with("None: both describe the same ladder.\n"),
        "{out}"
    );
    let (code, _, _) = in_dir(&repo, &["--data", "other.toml", "changes", "HEAD", "HEAD"]);
    assert_eq!(code, 0);
}

/// Outside a repository, an unknown revision, a file the revision lacks, a revision that
/// looks like an option: one error line, exit 2; nothing reaches a shell.
#[test]
fn git_trouble_is_one_line_and_exit_2() {
    if !tool("git") {
        return;
    }
    let folder = Folder::new("changes-git-trouble");
    let repo = repository(&folder);
    let cases: [(&Path, &[&str], String); 6] = [
        (&repo, &["changes", "nosuch"], "error: unknown revision \"nosuch\"\n".into()),
        (
            &repo,
            &["changes", "HEAD;touch pwned"],
            "error: unknown revision \"HEAD;touch pwned\"\n".into(),
        ),
        (
            &repo,
            &["changes", "--", "--output=x"],
            "error: \"--output=x\" is not a revision (a revision does not start with '-' or hold ':')\n".into(),
        ),
        (
            &repo,
            &["--data", "other.toml", "changes", "HEAD~1"],
            "error: \"other.toml\" did not exist at revision \"HEAD~1\"\n".into(),
        ),
        (
            &folder.join(""),
            &["--data", "repo/other.toml", "changes", "HEAD"],
            String::new(),
        ),
        (
            Path::new("/"),
            &["--data", "/tmp", "changes", "HEAD"],
            "error: a revision is read of one ladder file (--data FILE); compare two folders or files instead\n".into(),
        ),
    ];
    for (dir, args, error) in cases {
        let (code, out, err) = in_dir(dir, args);
        if error.is_empty() {
            assert_eq!(code, 0, "{args:?}: {err}");
            continue;
        }
        assert_eq!((code, out.as_str(), err), (2, "", error), "{args:?}");
    }
    assert!(!repo.join("pwned").exists());
    let outside = folder.join("outside");
    folder.write("outside/ladder.toml", DATA);
    let (code, _, err) = in_dir(&outside, &["--data", "ladder.toml", "changes", "HEAD"]);
    assert_eq!(
        (code, err.as_str()),
        (2, "error: \".\" is not inside a git repository\n")
    );
    let (code, _, err) = in_dir(&outside, &["changes", "HEAD"]);
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "error: no ladder file to read the history of: give --data FILE (the embedded ladder has none), or two files\n"
        )
    );
}

/// `ladder changes --help` shows what the command prints: its example is the output of the
/// command it names, run in tests/data/changes as the help says, indented.
#[test]
fn the_help_shows_real_output() {
    let help = ok(&["changes", "--help"]);
    let (_, example) = help
        .split_once("\n  $ ladder ")
        .expect("an example in the help");
    let (command, shown) = example.split_once('\n').expect("its output");
    let args: Vec<&str> = command.split_whitespace().collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/changes");
    assert!(
        help.contains("in tests/data/changes of the source"),
        "{help}"
    );
    let (code, out, _) = in_dir(&dir, &args);
    assert_eq!(code, 1, "the two files differ");
    let indented: String = out
        .lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_string()
            } else {
                format!("  {l}\n")
            }
        })
        .collect();
    assert_eq!(shown, indented);
}
