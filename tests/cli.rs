//! Integration tests: run the built `ladder` binary and check its exact output, exit codes and streams.
// Tests that need an outside tool (jq, bash, man) say on stderr when they skip (`tool`).
#![allow(clippy::print_stderr)]

use std::io::Read;
use std::process::{Command, Output, Stdio};

// One module per topic; each uses the helpers below (`ladder`, `ok`, `fails`, ...). The
// `hostile_*` modules hold the files and surroundings built to break `ladder`.
mod browse;
mod catalogue;
mod changes;
mod changes_edits;
mod code_map;
mod colour;
mod completions;
mod diff;
mod dimension_filter;
mod embedded_words;
mod evidence;
mod export;
mod formats;
mod hostile_completions;
mod hostile_import;
mod hostile_input;
mod hostile_writes;
mod house_styles;
mod import;
mod import_plan;
mod import_shapes;
mod import_sheets;
mod init_schema;
mod json_schema;
mod large;
mod list;
mod next_path;
mod other_ladders;
mod pager;
mod pipes_and_help;
mod readme;
mod review;
mod scripting;
mod search;
mod show;
mod themeless;
mod tracks;
mod widths;

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
        .env_remove("TERM")
        .env_remove("LADDER_PAGER")
        .env_remove("PAGER");
    cmd
}

/// The variable that turns a test's missing tool into a failure: `.ci/run` sets it to 1 after
/// installing the tools, so that CI cannot pass a test that ran nothing.
const REQUIRE_TOOLS: &str = "LADDER_TEST_REQUIRE_TOOLS";

/// Whether the outside tool `name` (jq, util-linux `script`, man, a shell) is on the PATH, for
/// a test that needs it. When it is not, the test is to skip: this says so in one line on
/// stderr, `skipped: NAME not found`, and returns false; with `LADDER_TEST_REQUIRE_TOOLS=1`
/// it panics instead.
fn tool(name: &str) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    let found = std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| {
            std::fs::metadata(dir.join(name))
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
    });
    if !found {
        skip(&format!("{name} not found"));
    }
    found
}

/// Says on stderr that a test skips the rest of its work, and why; with
/// `LADDER_TEST_REQUIRE_TOOLS=1` set, fails the test instead.
fn skip(why: &str) {
    let required = std::env::var_os(REQUIRE_TOOLS).is_some_and(|v| v == "1");
    assert!(!required, "{why} ({REQUIRE_TOOLS}=1: no test may skip)");
    eprintln!("skipped: {why}");
}

/// Runs `ladder` with stdout on a pseudo-terminal (through util-linux `script`), with the
/// given environment; returns what the terminal showed, or `None` when `script` is missing
/// (see [`tool`]). Views page on a terminal: pass `--no-pager` or a pager that does not wait
/// for a reader.
fn on_terminal(args: &[&str], env: &[(&str, &str)]) -> Option<(i32, String)> {
    if !tool("script") {
        return None;
    }
    // Every argument single-quoted for the shell that `script` starts.
    let line: Vec<String> = std::iter::once(BIN)
        .chain(args.iter().copied())
        .map(|a| format!("'{}'", a.replace('\'', r"'\''")))
        .collect();
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &line.join(" "), "/dev/null"])
        .env("COLUMNS", "100")
        .env_remove("LADDER_PAGER")
        .env_remove("PAGER")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = run(&mut cmd);
    let shown = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    Some((out.status.code().unwrap_or(-1), shown))
}

/// `git` with a fixed identity and no user configuration, in `dir`.
fn git(dir: &std::path::Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// Runs jq with a filter on a document; `None` when jq is missing (see [`tool`]).
fn jq(filter: &str, document: &str) -> Option<String> {
    use std::io::Write as _;
    if !tool("jq") {
        return None;
    }
    let mut child = Command::new("jq")
        .args(["-r", filter])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("jq starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(document.as_bytes())
        .expect("jq reads");
    let out = child.wait_with_output().expect("jq ends");
    assert!(out.status.success(), "jq {filter}");
    Some(String::from_utf8(out.stdout).expect("UTF-8"))
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

/// `ladder ARGS` with its stderr, exiting 0.
fn ok_with_stderr(args: &[&str]) -> (String, String) {
    let output = run(&mut ladder(args));
    assert_eq!(output.status.code(), Some(0), "{args:?}");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
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

const HANDBOOK: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/handbook");

const DESIGN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/design.toml");

const HOSTILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hostile.toml");

fn json(args: &[&str]) -> serde_json::Value {
    let out = ok(&[args, &["--format", "json"]].concat());
    serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("ladder {args:?}: invalid JSON: {e}\n{out}"))
}

fn keys(value: &serde_json::Value) -> Vec<&str> {
    value
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect()
}

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

/// A folder of its own under the temp dir for one test (named after the test and this process),
/// removed when dropped.
struct Folder {
    path: std::path::PathBuf,
}

impl Folder {
    fn new(test: &str) -> Folder {
        let path = std::env::temp_dir().join(format!("ladder-test-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&path).expect("temp dir");
        Folder { path }
    }

    fn join(&self, name: &str) -> std::path::PathBuf {
        self.path.join(name)
    }

    /// Writes a file at `name` (parent folders made), and gives its path.
    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> std::path::PathBuf {
        let path = self.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("parent");
        }
        std::fs::write(&path, contents).expect("written");
        path
    }

    /// The path of `name` as an argument for `ladder`.
    fn arg(&self, name: &str) -> String {
        self.join(name).to_str().expect("UTF-8 path").to_string()
    }

    /// `ladder ARGS` run inside this folder, so that ARGS name its files by relative paths and
    /// messages that name them as typed are the same on every machine.
    fn ladder(&self, args: &[&str]) -> Command {
        let mut cmd = ladder(args);
        cmd.current_dir(&self.path);
        cmd
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// A file in a fresh temporary folder for this test, removed when the guard drops.
struct TempFile {
    dir: std::path::PathBuf,
    path: std::path::PathBuf,
    _folder: Folder,
}

impl TempFile {
    fn new(test: &str, name: &str, contents: &[u8]) -> TempFile {
        let folder = Folder::new(test);
        let path = folder.write(name, contents);
        TempFile {
            dir: folder.path.clone(),
            path,
            _folder: folder,
        }
    }

    fn arg(&self) -> &str {
        self.path.to_str().expect("UTF-8 path")
    }
}
