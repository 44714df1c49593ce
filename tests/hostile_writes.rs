//! Writes under attack: planted symlinks, racing writers, special files and modes.
// Unix only: the attacks (symlinks, FIFOs, modes, resource limits) are Unix ones.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use super::{BIN, Folder, fails, ladder, ok, run};

const ROLE: &str = "L2-security-analyst";

/// A scratch folder for one test, removed when dropped.
fn scratch(test: &str) -> Folder {
    Folder::new(&format!("writes-{test}"))
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn text(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// `ladder args...` run by `sh` with `setup` first; `$$` in `setup` is the pid `ladder` will
/// have, as `exec` keeps it.
fn ladder_after(setup: &str, args: &[&str]) -> std::process::Output {
    let script = format!("{setup}\nexec \"$@\"");
    run(Command::new("sh")
        .args(["-c", &script, "sh", BIN])
        .args(args)
        .env("COLUMNS", "100"))
}

fn spawn(args: &[&str]) -> Child {
    ladder(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ladder starts")
}

/// Runs two children to the end; returns (exit code, stderr) of each.
fn both(a: Child, b: Child) -> [(Option<i32>, String); 2] {
    [a, b].map(|child| {
        let out = child.wait_with_output().expect("ladder ends");
        (
            out.status.code(),
            String::from_utf8(out.stderr).expect("UTF-8"),
        )
    })
}

// ---------------------------------------------------------------- planted symlinks

#[test]
fn a_symlink_planted_at_the_old_temporary_name_is_not_followed() {
    let dir = scratch("planted");
    let victim = dir.path.join("victim");
    fs::write(&victim, "secret\n").expect("victim");
    let out = dir.path.join("ev.md");
    // Before the fix the temporary file was `.ev.md.PID.tmp`: plant a link there, then run
    // `ladder` under that very pid.
    let setup = format!("ln -s {} {}/.ev.md.$$.tmp", text(&victim), text(&dir.path));
    let result = ladder_after(&setup, &["evidence", ROLE, "--output", text(&out)]);
    assert_eq!(result.status.code(), Some(0), "{result:?}");
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "secret\n");
    assert!(fs::symlink_metadata(&out).expect("out").is_file());
    assert_eq!(
        fs::read_to_string(&out).expect("out"),
        ok(&["evidence", ROLE])
    );
    // Beside the output and the victim only the planted link is left: no temporary file.
    let others: Vec<String> = names(&dir.path)
        .into_iter()
        .filter(|n| n != "ev.md" && n != "victim")
        .collect();
    assert_eq!(others.len(), 1, "{others:?}");
    assert!(
        fs::symlink_metadata(dir.path.join(&others[0]))
            .expect("link")
            .is_symlink()
    );
}

#[test]
fn a_forced_export_does_not_follow_a_symlink_planted_beside_a_page() {
    let dir = scratch("planted-export");
    let victim = dir.path.join("victim");
    fs::write(&victim, "secret\n").expect("victim");
    let book = dir.path.join("book");
    ok(&["export", text(&book)]);
    let setup = format!("ln -s {} {}/.README.md.$$.tmp", text(&victim), text(&book));
    let result = ladder_after(&setup, &["export", text(&book), "--force"]);
    assert_eq!(result.status.code(), Some(0), "{result:?}");
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "secret\n");
    assert!(
        fs::symlink_metadata(book.join("README.md"))
            .expect("index")
            .is_file()
    );
    assert!(
        fs::read_to_string(book.join("README.md"))
            .expect("index")
            .starts_with("# Security Operations")
    );
}

#[test]
fn a_symlink_at_the_target_is_refused_with_or_without_force() {
    let dir = scratch("symlink-target");
    let real = dir.path.join("real");
    fs::write(&real, "keep\n").expect("real");
    let link = dir.path.join("link.md");
    symlink(&real, &link).expect("link");
    let expected = format!(
        "error: refusing to replace {:?}: it is a symbolic link\n",
        text(&link)
    );
    for force in [false, true] {
        let mut args = vec!["evidence", ROLE, "--output", text(&link)];
        let mut import = vec!["import", super::HANDBOOK, "--output", text(&link)];
        if force {
            args.push("--force");
            import.push("--force");
        }
        assert_eq!(fails(&args, 1), expected);
        let out = run(&mut ladder(&import));
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).ends_with(&expected));
    }
    assert!(fs::symlink_metadata(&link).expect("link").is_symlink());
    assert_eq!(fs::read_to_string(&real).expect("real"), "keep\n");
    // A symlink to a folder is not exported into either.
    let folder = dir.path.join("folder");
    fs::create_dir(&folder).expect("folder");
    let book = dir.path.join("book");
    symlink(&folder, &book).expect("link");
    assert_eq!(
        fails(&["export", text(&book), "--force"], 1),
        format!(
            "error: refusing to write into {:?}: it is a symbolic link; name the directory itself\n",
            text(&book)
        )
    );
    assert!(names(&folder).is_empty());
}

// ---------------------------------------------------------------- racing writers

#[test]
fn of_two_racing_evidence_writers_exactly_one_wins() {
    let dir = scratch("race-evidence");
    let out = dir.path.join("race.md");
    let expected = ok(&["evidence", ROLE]);
    let refused = format!(
        "error: refusing to overwrite {:?}; pass --force to replace it\n",
        text(&out)
    );
    for round in 0..20 {
        let _ = fs::remove_file(&out);
        let args = ["evidence", ROLE, "--output", text(&out)];
        let mut results = both(spawn(&args), spawn(&args));
        results.sort();
        assert_eq!(
            results,
            [(Some(0), String::new()), (Some(1), refused.clone())],
            "round {round}"
        );
        assert_eq!(fs::read_to_string(&out).expect("out"), expected);
        assert_eq!(names(&dir.path), ["race.md"], "round {round}");
    }
}

#[test]
fn of_two_racing_exports_into_one_new_folder_exactly_one_wins() {
    let dir = scratch("race-export");
    let reference = dir.path.join("reference");
    ok(&["export", text(&reference)]);
    let book = dir.path.join("book");
    let refused = format!(
        "error: refusing to write into {:?}: it is not empty; pass --force to write into it anyway\n",
        text(&book)
    );
    for round in 0..5 {
        let _ = fs::remove_dir_all(&book);
        let args = ["export", text(&book)];
        let mut results = both(spawn(&args), spawn(&args));
        results.sort();
        assert_eq!(
            results,
            [(Some(0), String::new()), (Some(1), refused.clone())],
            "round {round}"
        );
        assert_eq!(names(&dir.path), ["book", "reference"], "round {round}");
        assert_eq!(names(&book), names(&reference));
        for name in names(&book) {
            assert_eq!(
                fs::read(book.join(&name)).expect("page"),
                fs::read(reference.join(&name)).expect("page"),
                "round {round}: {name}"
            );
        }
    }
}

// ---------------------------------------------------------------- special files and modes

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[test]
fn force_refuses_to_replace_a_fifo() {
    let dir = scratch("fifo");
    let fifo = dir.path.join("fifo.md");
    mkfifo(&fifo);
    assert_eq!(
        fails(&["evidence", ROLE, "--output", text(&fifo), "--force"], 1),
        format!(
            "error: refusing to replace {:?}: it is not a regular file\n",
            text(&fifo)
        )
    );
    assert!(
        fs::symlink_metadata(&fifo)
            .expect("fifo")
            .file_type()
            .is_fifo()
    );
    // A FIFO in place of a handbook page stops a forced export before it changes any page.
    let book = dir.path.join("book");
    fs::create_dir(&book).expect("book");
    fs::write(book.join("L2-Security-Analyst.md"), "mine\n").expect("page");
    mkfifo(&book.join("README.md"));
    assert_eq!(
        fails(&["export", text(&book), "--force"], 1),
        format!(
            "error: refusing to replace {:?}: it is not a regular file\n",
            text(&book.join("README.md"))
        )
    );
    assert_eq!(names(&book), ["L2-Security-Analyst.md", "README.md"]);
    assert_eq!(
        fs::read_to_string(book.join("L2-Security-Analyst.md")).expect("page"),
        "mine\n"
    );
}

#[test]
fn force_keeps_the_mode_of_the_file_it_replaces() {
    let dir = scratch("mode");
    let mode = |path: &Path| fs::metadata(path).expect("meta").permissions().mode() & 0o7777;
    let private = dir.path.join("private.md");
    fs::write(&private, "old\n").expect("file");
    fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).expect("chmod");
    ok(&["evidence", ROLE, "--output", text(&private), "--force"]);
    assert_eq!(mode(&private), 0o600);
    assert_eq!(
        fs::read_to_string(&private).expect("read"),
        ok(&["evidence", ROLE])
    );
    let book = dir.path.join("book");
    ok(&["export", text(&book)]);
    let index = book.join("README.md");
    fs::set_permissions(&index, fs::Permissions::from_mode(0o640)).expect("chmod");
    ok(&["export", text(&book), "--force"]);
    assert_eq!(mode(&index), 0o640);
}

// ---------------------------------------------------------------- write errors

/// Runs `ladder` with files limited to 2 KiB: a write past that fails with EFBIG (SIGXFSZ is
/// ignored), as on a full disk.
fn ladder_on_a_small_disk(args: &[&str]) -> std::process::Output {
    ladder_after("trap '' XFSZ; ulimit -f 2", args)
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let dir = scratch("full");
    let out = dir.path.join("ev.md");
    let result = ladder_on_a_small_disk(&["evidence", ROLE, "--output", text(&out)]);
    assert_eq!(result.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&result.stderr),
        format!(
            "error: cannot write {:?}: File too large (os error 27)\n",
            text(&out)
        )
    );
    let book = dir.path.join("book");
    let result = ladder_on_a_small_disk(&["export", text(&book)]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("error: cannot write into {:?}: ", text(&book))),
        "{stderr}"
    );
    let left = names(&dir.path);
    assert!(
        left.is_empty(),
        "no file, no folder, no temporary: {left:?}"
    );
}

#[test]
fn a_long_output_path_is_echoed_cut_in_the_middle() {
    let dir = scratch("long-output-path");
    // A missing folder inside the scratch folder, so nothing can be created outside it.
    let long = format!("{}/{}/end.md", text(&dir.path), "d".repeat(100_000));
    let stderr = fails(&["evidence", ROLE, "--output", &long], 1);
    super::hostile_input::one_bounded_line(&stderr, "error: cannot write \"", "end.md");
    let stderr = fails(&["export", &long], 1);
    assert!(stderr.starts_with("error: cannot "), "{stderr:.300}");
    assert_eq!(stderr.lines().count(), 1, "{stderr:.300}");
    assert!(stderr.len() < 400, "{} bytes: {stderr:.300}", stderr.len());
    assert!(!dir.path.join("d".repeat(100)).exists());
}

#[test]
fn help_and_version_to_a_full_disk_fail_with_one_error_line() {
    let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: no /dev/full");
        return;
    };
    for args in [
        &["--help"][..],
        &["--version"],
        &["list", "--help"],
        &["help"],
    ] {
        let out = run(ladder(args).stdout(full.try_clone().expect("dup")));
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "error: could not write to stdout: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
}

// ---------------------------------------------------------------- interrupted writes

/// A ladder of `roles` roles on one level: its handbook has a page per role, so an export
/// takes long enough (each page is flushed to disk) to be interrupted halfway.
fn big_ladder(roles: usize) -> String {
    let mut text = String::from(
        "name = \"Big\"\nlevels = [\"L1\"]\n\n[[dimension]]\nid = \"craft\"\nname = \"Craft\"\n",
    );
    for i in 0..roles {
        text += &format!(
            "\n[[role]]\nid = \"R{i}\"\nlevel = \"L1\"\ntitle = \"Role {i}\"\nsummary = \"Does {i}.\"\n\
             dimensions.craft.expectations = [{{ text = \"One {i}.\" }}, {{ text = \"Two {i}.\" }}]\n"
        );
    }
    text
}

/// The temporaries of `ladder` in `dir`: `.NAME.ladder-PID-XXXXXX.tmp` files and
/// `.ladder-export-PID-XXXXXX` folders (and the older names without a pid).
fn leftovers(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|n| n.starts_with(".ladder-export-") || (n.starts_with('.') && n.ends_with(".tmp")))
        .collect()
}

/// Starts `ladder args`, waits until `dir` holds a temporary of it, and sends it `signal`
/// (`INT`, `TERM`, `KILL`); returns how it ended.
fn interrupted(args: &[&str], dir: &Path, signal: &str) -> std::process::ExitStatus {
    let mut child = ladder(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("ladder starts");
    let start = std::time::Instant::now();
    while leftovers(dir).is_empty() {
        assert!(
            child.try_wait().expect("waited").is_none(),
            "{args:?} ended before it could be interrupted"
        );
        assert!(start.elapsed().as_secs() < 30, "{args:?} made no temporary");
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let sent = Command::new("kill")
        .args(["-s", signal, &child.id().to_string()])
        .status();
    assert!(sent.is_ok_and(|s| s.success()), "kill -s {signal}");
    child.wait().expect("ladder ends")
}

#[test]
fn interrupt_and_terminate_remove_the_temporaries_of_a_write() {
    use std::os::unix::process::ExitStatusExt;
    let dir = scratch("interrupted");
    let data = dir.path.join("big.toml");
    fs::write(&data, big_ladder(1500)).expect("ladder");
    let book = dir.path.join("book");
    let full = dir.path.join("full");
    ok(&["--data", text(&data), "export", text(&full)]);
    for (signal, number) in [("INT", 2), ("TERM", 15)] {
        // A new folder is built in a hidden one beside it: interrupted, neither is left.
        let args = ["--data", text(&data), "export", text(&book)];
        let status = interrupted(&args, &dir.path, signal);
        assert_eq!(status.signal(), Some(number), "{signal}: {status:?}");
        assert_eq!(names(&dir.path), ["big.toml", "full"], "{signal}");
        // Into a full folder, each page is written beside the page it replaces.
        let args = ["--data", text(&data), "export", text(&full), "--force"];
        let status = interrupted(&args, &full, signal);
        assert_eq!(status.signal(), Some(number), "{signal}: {status:?}");
        assert_eq!(leftovers(&full), Vec::<String>::new(), "{signal}");
        assert_eq!(names(&full).len(), 1501, "{signal}");
    }
}

#[test]
fn a_killed_writes_leftovers_are_swept_by_the_next_write_there() {
    use std::os::unix::process::ExitStatusExt;
    let dir = scratch("killed");
    let data = dir.path.join("big.toml");
    fs::write(&data, big_ladder(1500)).expect("ladder");
    let book = dir.path.join("book");
    let args = ["--data", text(&data), "export", text(&book)];
    assert_eq!(interrupted(&args, &dir.path, "KILL").signal(), Some(9));
    // KILL cannot be caught: the hidden folder stays, until the next export beside it.
    assert_eq!(leftovers(&dir.path).len(), 1, "{:?}", names(&dir.path));
    ok(&["export", text(&book)]);
    assert_eq!(names(&dir.path), ["big.toml", "book"]);
    // A write killed by the file size limit (SIGXFSZ, not caught) leaves its temporary file,
    // which the next write of any file in that folder removes.
    let out = dir.path.join("ev.md");
    let killed = ladder_after("ulimit -f 2", &["evidence", ROLE, "--output", text(&out)]);
    assert_eq!(killed.status.signal(), Some(25), "{killed:?}");
    assert_eq!(leftovers(&dir.path).len(), 1, "{:?}", names(&dir.path));
    let other = dir.path.join("other.md");
    ok(&["evidence", ROLE, "--output", text(&other)]);
    assert_eq!(names(&dir.path), ["big.toml", "book", "other.md"]);
}

#[test]
fn a_live_writers_temporary_is_never_swept() {
    let dir = scratch("live-writer");
    // What a writer in another process holds while it writes: the temporary, locked.
    let live = dir.path.join(".ev.md.ladder-1-abcdef.tmp");
    fs::write(&live, "half").expect("temporary");
    // `-o`: the lock is flock's own, not inherited by sleep, so it goes when flock is killed.
    let mut holder = Command::new("flock")
        .arg("-o")
        .arg(&live)
        .args(["sleep", "30"])
        .spawn()
        .expect("flock starts");
    // flock takes the lock before it runs sleep; wait until it holds it.
    let start = std::time::Instant::now();
    while Command::new("flock")
        .args(["-n", text(&live), "true"])
        .status()
        .expect("flock runs")
        .success()
    {
        assert!(start.elapsed().as_secs() < 10, "flock never locked");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let out = dir.path.join("ev.md");
    ok(&["evidence", ROLE, "--output", text(&out)]);
    assert_eq!(fs::read(&live).expect("kept"), b"half");
    // Once its writer is gone, the next write there removes it.
    holder.kill().expect("killed");
    holder.wait().expect("ended");
    ok(&[
        "evidence",
        ROLE,
        "--output",
        text(&dir.path.join("again.md")),
    ]);
    assert_eq!(names(&dir.path), ["again.md", "ev.md"]);
}

#[test]
fn a_forced_export_of_many_pages_keeps_few_files_open() {
    let folder = scratch("many-pages");
    let mut data = String::from(
        "name = \"Many\"\nlevels = [\"A\"]\n[[dimension]]\nid = \"d\"\nname = \"D\"\n",
    );
    for i in 0..600 {
        data += &format!(
            "[[role]]\nid = \"A-{i}\"\nlevel = \"A\"\ntitle = \"R {i}\"\nsummary = \"S.\"\n"
        );
    }
    let file = folder.write("many.toml", &data);
    let out = folder.join("out");
    let (data, out) = (file.to_str().expect("UTF-8"), out.to_str().expect("UTF-8"));
    for force in [&[][..], &["--force"]] {
        // A limit of 256 open files, below the 601 pages: a run holds only a batch open.
        let args = [&["--data", data, "export", out][..], force].concat();
        let run = ladder_after("ulimit -n 256", &args);
        assert_eq!(String::from_utf8_lossy(&run.stderr), "", "{force:?}");
        assert_eq!(
            String::from_utf8_lossy(&run.stdout),
            format!("wrote 601 pages to {out}\n")
        );
    }
    assert_eq!(names(Path::new(out)).len(), 601);
}
