//! Completions and Markdown from a ladder whose ids and titles carry shell code, line breaks or markup: nothing runs, nothing breaks out.

use std::path::Path;
use std::process::Command;

use super::{TempFile, fails, ok, tool};

/// A ladder that loads, though it is as hostile as a valid file can be: shell code in every
/// name, title and text, and ids at the edges of the id alphabet (`rf-`, `L2.x`, `z.b_c`).
const SAFE_BUT_HOSTILE: &str = r#"name = "Shell $(touch M1) `touch M2` \"; touch M3; \""
motto = "'; touch M4; '"
levels = ["L1", "L2.x"]

[[dimension]]
id = "craft_1"
name = "Craft $(touch M5)"

[[dimension]]
id = "rf-"
name = "Dash"

[[track]]
id = "main"
name = "Main `touch M6`"
roles = ["L1-one", "L2-two"]

[[track]]
id = "z.b_c"
name = "Dots"
roles = ["L1-one"]

[[role]]
id = "L1-one"
level = "L1"
title = "One $(touch M7)"
summary = "Runs `touch M8` and \"; touch M9; \"."
dimensions.craft_1.expectations = [{ text = "One $(touch M10)." }, { text = "Two." }]
dimensions."rf-".expectations = [{ text = "Three." }, { text = "Four." }]

[[role]]
id = "L2-two"
level = "L2.x"
title = "Two"
summary = "Second."
dimensions.craft_1.expectations = [{ text = "Five." }, { text = "Six." }]
dimensions."rf-".expectations = [{ text = "Seven." }, { text = "Eight." }]
"#;

/// What every completion test asks for: the words before the one being completed, and that
/// word so far (`l` at a role's place, where flags would be offered too, and in lower case:
/// ids match without regard to case); then the ladder's ids it must get back. The ladder is
/// named by `--data` on the line, or by `LADDER_DATA` ([`Data`]).
const ASKED: [(&str, &str, &str); 4] = [
    ("path --track", "", "main z.b_c"),
    ("show --dimension", "", "craft_1 rf-"),
    ("search --level", "", "L1 L2.x"),
    ("show", "l", "L1-one L2-two"),
];

/// How a test names the hostile ladder to the completions.
#[derive(Clone, Copy)]
enum Data {
    /// `--data ./ladder.toml` on the line being completed.
    OnTheLine,
    /// `LADDER_DATA=./ladder.toml` in the shell's environment.
    InTheEnvironment,
}

impl Data {
    /// The words the line starts with, and the shell code that sets the environment.
    fn parts(self) -> (&'static str, &'static str) {
        match self {
            Data::OnTheLine => ("ladder --data ./ladder.toml", "unset LADDER_DATA"),
            Data::InTheEnvironment => ("ladder", "export LADDER_DATA=./ladder.toml"),
        }
    }
}

/// What `ladder` prints with `LADDER_COMPLETE` set: the registration script without words, the
/// candidates with them (after `--`); stderr must stay silent.
fn complete(shell: &str, words: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = super::ladder(words);
    cmd.env("LADDER_COMPLETE", shell).env_remove("LADDER_DATA");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = super::run(&mut cmd);
    assert_eq!(
        out.status.code(),
        Some(0),
        "LADDER_COMPLETE={shell} {words:?}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{words:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The ladder in a fresh folder with the registration script for `shell` beside it: the
/// script calls this build of `ladder` back by its path.
fn ladder_with_script(test: &str, shell: &str, file: &str) -> TempFile {
    let data = TempFile::new(test, "ladder.toml", SAFE_BUT_HOSTILE.as_bytes());
    let script = complete(shell, &[], &[]);
    assert!(script.contains(super::BIN), "{script}");
    std::fs::write(data.dir.join(file), script).expect("script written");
    data
}

/// Runs a shell program in the folder; asserts success and returns stdout.
fn run_in(dir: &Path, shell: &str, program: &str) -> String {
    let out = Command::new(shell)
        .args(["-c", program])
        .current_dir(dir)
        .env("HOME", dir)
        .output()
        .expect("shell runs");
    assert!(
        out.status.success(),
        "{shell} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Asserts that the folder holds no file but the ladder and the script, the shell's own
/// dot-files (its configuration and caches: the folder is its home) aside: no code ran.
fn nothing_ran(dir: &Path, script: &str) {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    files.sort();
    let mut expected = vec!["ladder.toml".to_string(), script.to_string()];
    expected.sort();
    assert_eq!(files, expected);
}

/// The candidates of each completion, one line each, in order and without repeats (bash
/// offers a role once for each positional argument that takes one).
fn candidates(out: &str) -> Vec<String> {
    out.lines()
        .map(|line| {
            let mut seen: Vec<&str> = Vec::new();
            for word in line.split_whitespace() {
                if !seen.contains(&word) {
                    seen.push(word);
                }
            }
            seen.join(" ")
        })
        .collect()
}

fn expected() -> Vec<String> {
    ASKED.iter().map(|(_, _, ids)| ids.to_string()).collect()
}

#[test]
fn ids_that_carry_shell_code_refuse_to_load_with_their_place() {
    let alphabet =
        "must use only ASCII letters, digits, '-', '_' and '.', and start with a letter or digit";
    // (what replaces what, where the first error points, its message, how many more)
    let cases = [
        (
            ("id = \"main\"", "id = \"t$(touch X)\""),
            "\"t$(touch X)\"",
            format!("track id \"t$(touch X)\" {alphabet}"),
            0,
        ),
        (
            ("L2-two", "a`touch Y`"),
            "\"a`touch Y`\"]",
            format!("role id \"a`touch Y`\" {alphabet}"),
            1,
        ),
        (
            ("\"rf-\"", "'x\";touch Z;\"'"),
            "'x\"",
            format!("dimension id \"x\\\";touch Z;\\\"\" {alphabet}"),
            2,
        ),
        (
            ("L2.x", "$(touch W)"),
            "\"$(touch W)\"]",
            format!("level \"$(touch W)\" {alphabet}"),
            1,
        ),
    ];
    for ((from, to), at, message, more) in cases {
        let text = SAFE_BUT_HOSTILE.replace(from, to);
        let data = TempFile::new("hc-refuse", "ladder.toml", text.as_bytes());
        let (line, column) = text
            .lines()
            .enumerate()
            .find_map(|(n, l)| Some((n + 1, l.find(at)? + 1)))
            .expect("place");
        let place = format!("{}:{line}:{column}", data.arg());
        let more = match more {
            0 => String::new(),
            n => format!(" (and {n} more; run `ladder validate` to see them all)"),
        };
        assert_eq!(
            fails(&["--data", data.arg(), "show", "L1-one"], 1),
            format!("error: {place}: {message}{more}\n"),
            "{to}"
        );
        // Completion has no place for an error: it offers nothing from the ladder, silently.
        for (shell, env) in [
            ("bash", "_CLAP_COMPLETE_INDEX=4"),
            ("fish", ""),
            ("zsh", ""),
        ] {
            let words = ["--", "ladder", "--data", data.arg(), "show", "L"];
            let env: Vec<(&str, &str)> = env.split_once('=').into_iter().collect();
            let zsh_index = [("_CLAP_COMPLETE_INDEX", "4")];
            let env = if shell == "zsh" {
                &zsh_index[..]
            } else {
                &env[..]
            };
            assert_eq!(complete(shell, &words, env), "", "{to} for {shell}");
        }
        // Wide enough for the finding's line whole (tests/widths.rs checks the wrapping).
        let report =
            super::run(super::ladder(&["--data", data.arg(), "validate"]).env("COLUMNS", "1000"));
        assert_eq!(report.status.code(), Some(1));
        let report = String::from_utf8(report.stdout).expect("UTF-8");
        assert!(
            report.starts_with(&format!("{place}: error: {message}\n")),
            "{report}"
        );
    }
}

#[test]
fn bash_completes_the_ladders_ids_and_runs_nothing_from_it() {
    if !tool("bash") {
        return;
    }
    for data_at in [Data::OnTheLine, Data::InTheEnvironment] {
        let data = ladder_with_script("hc-bash", "bash", "ladder.bash");
        let (line, env) = data_at.parts();
        // What bash does on TAB: the words so far, the index of the one being completed, then
        // the function `complete -F` named, with the command, the current word and the one
        // before.
        let mut program = format!(
            "{env}\nsource ./ladder.bash\n\
             at() {{ COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; \
             COMP_POINT=${{#COMP_LINE}}; COMP_TYPE=9; COMPREPLY=(); \
             _clap_complete_ladder ladder \"${{COMP_WORDS[COMP_CWORD]}}\" \
             \"${{COMP_WORDS[COMP_CWORD-1]}}\"; echo \"${{COMPREPLY[*]}}\"; }}\n",
        );
        for (asked, word, _) in ASKED {
            program += &format!("at {line} {asked} '{word}'\n");
        }
        let out = run_in(&data.dir, "bash", &program);
        assert_eq!(candidates(&out), expected(), "{out}");
        nothing_ran(&data.dir, "ladder.bash");
    }
}

#[test]
fn fish_completes_the_ladders_ids_and_runs_nothing_from_it() {
    if !tool("fish") {
        return;
    }
    for data_at in [Data::OnTheLine, Data::InTheEnvironment] {
        let data = ladder_with_script("hc-fish", "fish", "ladder.fish");
        let (line, env) = data_at.parts();
        let env = env
            .replace("unset", "set -e")
            .replace("export", "set -gx")
            .replace('=', " ");
        let mut program = format!("{env}\nsource ./ladder.fish\n");
        for (asked, word, _) in ASKED {
            // Candidates come as `value<TAB>description`, one a line.
            program += &format!(
                "complete -C '{line} {asked} {word}' | string split -f1 \\t | string join ' '\n"
            );
        }
        let out = run_in(&data.dir, "fish", &program);
        assert_eq!(candidates(&out), expected(), "{out}");
        nothing_ran(&data.dir, "ladder.fish");
    }
}

#[test]
fn zsh_offers_the_ladders_ids_and_runs_nothing_from_it() {
    if !tool("zsh") {
        return;
    }
    let data = ladder_with_script("hc-zsh", "zsh", "_ladder");
    // Driving zsh's completion system needs a terminal; instead, stand-ins stand where
    // compsys would: `compdef` accepts the registration, and `_describe` prints the
    // candidates it is given (`value:description`, as zsh received them) one a line.
    let mut program = String::from(
        r#"
        compdef() { : }
        _describe() { local name=${@[-1]}; print -rl -- ${(P)name} }
        source ./_ladder
        ask() { words=(${=1} ''); words[-1]=$2; CURRENT=${#words}; _clap_dynamic_completer_ladder }
        "#,
    );
    for (asked, word, _) in ASKED {
        program +=
            &format!("ask 'ladder --data ./ladder.toml {asked}' '{word}' | tr '\\n' '|'; echo\n");
    }
    let out = run_in(&data.dir, "zsh", &program);
    // Each candidate with its description; the ids alone must be what was expected.
    let ids: Vec<String> = out
        .lines()
        .map(|l| {
            let values: Vec<&str> = l
                .split('|')
                .filter(|c| !c.is_empty())
                .map(|c| c.split(':').next().expect("value"))
                .collect();
            values.join(" ")
        })
        .collect();
    assert_eq!(ids, expected(), "{out}");
    assert!(out.contains("L1-one:One $(touch M7)|"), "{out}");
    assert!(out.contains("main:Main `touch M6`|"), "{out}");
    nothing_ran(&data.dir, "_ladder");
}

#[test]
fn a_line_break_in_a_title_fails_validation_at_its_place() {
    let text = SAFE_BUT_HOSTILE.replace(
        "title = \"Two\"",
        "title = \"Two\\n```\\n# Owned <img src=x onerror=alert(1)>\"",
    );
    let data = TempFile::new("hc-title", "ladder.toml", text.as_bytes());
    let line = text
        .lines()
        .position(|l| l.contains("# Owned"))
        .expect("line")
        + 1;
    let message = "this title holds a line break; a title must fit on one line";
    assert_eq!(
        fails(&["--data", data.arg(), "tracks", "--format", "markdown"], 1),
        format!("error: {}:{line}:9: {message}\n", data.arg())
    );
    // Wide enough for the finding's line whole (tests/widths.rs checks the wrapping).
    let report =
        super::run(super::ladder(&["--data", data.arg(), "validate"]).env("COLUMNS", "1000"));
    assert_eq!(report.status.code(), Some(1));
    let report = String::from_utf8(report.stdout).expect("UTF-8");
    assert!(
        report.starts_with(&format!("{}:{line}:9: error: {message}\n", data.arg())),
        "{report}"
    );
}

/// The Mermaid drawing of [`SAFE_BUT_HOSTILE`] with the title of `L2-two` set to markup.
const MERMAID: &str = "```mermaid
flowchart BT
  r0[\"L1 One $(touch M7)\"]
  r1[\"L2.x A #lt;img src=x onerror=alert(1)#gt; #quot;q#quot; #35;x #96;c#96; #amp;amp;\"]
  r0 -- \"main\" --> r1
```
";

#[test]
fn titles_with_markup_stay_inside_their_mermaid_labels() {
    let text = SAFE_BUT_HOSTILE.replace(
        "title = \"Two\"",
        r#"title = "A <img src=x onerror=alert(1)> \"q\" #x `c` &amp;""#,
    );
    let data = TempFile::new("hc-mermaid", "ladder.toml", text.as_bytes());
    let md = ok(&["--data", data.arg(), "tracks", "--format", "markdown"]);
    assert!(md.starts_with(MERMAID), "{md}");
    let book = data.dir.join("book");
    let book = book.to_str().expect("UTF-8");
    ok(&["--data", data.arg(), "export", book]);
    let index = std::fs::read_to_string(Path::new(book).join("README.md")).expect("README.md");
    assert!(
        index.contains(&format!("\n## Tracks\n\n{MERMAID}")),
        "{index}"
    );
    // Outside the drawing the title is Markdown text: no raw tag, entity or heading.
    for raw in [" <img", " &amp;", " #x"] {
        assert!(!md.contains(raw) && !index.contains(raw), "{raw}");
    }
}

#[test]
fn import_derives_ids_in_the_id_alphabet() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/handbook");
    let data = TempFile::new("hc-import", "ladder.toml", b"");
    let dir = data.dir.join("handbook");
    std::fs::create_dir_all(&dir).expect("dir");
    for entry in std::fs::read_dir(&src).expect("handbook") {
        let path = entry.expect("entry").path();
        let page = std::fs::read_to_string(&path).expect("page");
        let page = page
            .replace("Technical skill", "Técnica skill")
            .replace("Teamwork", "Équipe 安全")
            .replace("# S2: Support Analyst", "# Level 2: Support Analyst");
        std::fs::write(dir.join(path.file_name().expect("name")), page).expect("page");
    }
    let out = super::run(&mut super::ladder(&[
        "import",
        dir.to_str().expect("UTF-8"),
    ]));
    assert_eq!(out.status.code(), Some(0));
    std::fs::write(&data.path, &out.stdout).expect("ladder written");
    let toml = String::from_utf8(out.stdout).expect("UTF-8");
    for id in [
        "id = \"tecnica-skill\"",
        "id = \"equipe-u5b89u5168\"",
        "id = \"Level-2-support-analyst\"",
    ] {
        assert!(toml.contains(id), "{id}\n{toml}");
    }
    let report = super::run(&mut super::ladder(&["--data", data.arg(), "validate"]));
    let report = String::from_utf8(report.stdout).expect("UTF-8");
    assert!(report.contains(": 0 errors, "), "{report}");
}

/// What a completion request prints when stdin is a pipe that stays open and silent, as a
/// shell's terminal is until the user types; panics unless it answers within ten seconds.
fn complete_without_waiting(words: &[&str], env: &[(&str, &str)]) -> String {
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let mut cmd = super::ladder(&[&["--", "ladder"][..], words].concat());
    cmd.env("LADDER_COMPLETE", "fish")
        .env_remove("LADDER_DATA")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("ladder starts");
    let stdin = child.stdin.take();
    let start = Instant::now();
    while child.try_wait().expect("waited").is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("completing {words:?} with {env:?} still waits after 10 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(stdin);
    let out = child.wait_with_output().expect("ladder ends");
    assert_eq!(out.status.code(), Some(0), "{words:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{words:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn completion_never_waits_on_a_fifo_a_terminal_or_stdin() {
    let data = TempFile::new("hc-fifo", "ladder.toml", SAFE_BUT_HOSTILE.as_bytes());
    let fifo = data.dir.join("fifo.toml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let fifo = fifo.to_str().expect("UTF-8");
    // Nothing from a ladder is offered (and `L` starts no flag): the FIFO, stdin and the
    // terminal are left unread, so keys typed next still reach the shell.
    for data_file in [fifo, "/dev/stdin", "/dev/tty", "-"] {
        assert_eq!(
            complete_without_waiting(&["--data", data_file, "show", "L"], &[]),
            "",
            "{data_file}"
        );
        assert_eq!(
            complete_without_waiting(&["show", "L"], &[("LADDER_DATA", data_file)]),
            "",
            "{data_file}"
        );
    }
    // A regular file and a folder are still read.
    assert_eq!(
        complete_without_waiting(&["--data", data.arg(), "show", "L"], &[]),
        "L1-one\tOne $(touch M7)\nL2-two\tTwo\n"
    );
    let folder = data.dir.to_str().expect("UTF-8");
    std::fs::remove_file(fifo).expect("fifo removed");
    assert_eq!(
        complete_without_waiting(&["--data", folder, "show", "ladder/L2"], &[]),
        "ladder/L2-two\tTwo\n"
    );
}

/// An interactive shell on a terminal (util-linux `script`), which the test types into and
/// whose screen it reads, as a user at the keyboard would.
struct Terminal {
    child: std::process::Child,
    keys: std::process::ChildStdin,
    shown: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
}

impl Terminal {
    /// Starts `shell` in `dir` (its home too) and runs `setup`; `None` when `script` or the
    /// shell is missing (see [`tool`]).
    fn start(shell: &str, dir: &Path, setup: &str) -> Option<Terminal> {
        use std::io::Read;
        use std::process::Stdio;
        if !tool("script") || !tool(shell) {
            return None;
        }
        let interactive = match shell {
            "bash" => "bash --norc --noprofile -i",
            "zsh" => "zsh -f -i",
            _ => "fish --no-config -i",
        };
        let mut child = Command::new("script")
            .args(["-qec", interactive, "/dev/null"])
            .current_dir(dir)
            .env("HOME", dir)
            .env("TERM", "xterm")
            .env_remove("LADDER_DATA")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("script starts");
        let keys = child.stdin.take().expect("stdin");
        let mut screen = child.stdout.take().expect("stdout");
        let shown = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = shown.clone();
        std::thread::spawn(move || {
            let mut chunk = [0; 4096];
            while let Ok(n @ 1..) = screen.read(&mut chunk) {
                sink.lock().expect("screen").extend_from_slice(&chunk[..n]);
            }
        });
        let mut terminal = Terminal { child, keys, shown };
        terminal.run(setup);
        Some(terminal)
    }

    /// Types `keys`.
    fn type_keys(&mut self, keys: &str) {
        use std::io::Write;
        self.keys.write_all(keys.as_bytes()).expect("typed");
        self.keys.flush().expect("typed");
    }

    /// Types a command line and waits until the shell has run it and is back: every shell
    /// prints `DONE` for `echo 'DO''NE'`, whose own echo on the line does not hold it.
    fn run(&mut self, line: &str) -> String {
        self.type_until(&format!("{line}\necho 'DO''NE'\n"), "DONE\r\n")
    }

    /// Types `keys` and waits until the screen shows `needle`; returns what it showed since.
    fn type_until(&mut self, keys: &str, needle: &str) -> String {
        let before = self.shown.lock().expect("screen").len();
        self.type_keys(keys);
        let start = std::time::Instant::now();
        loop {
            let shown = self.shown.lock().expect("screen")[before..].to_vec();
            let shown = String::from_utf8_lossy(&shown).into_owned();
            if shown.contains(needle) {
                return shown;
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(20),
                "the shell did not show {needle:?} after {keys:?}:\n{shown:?}"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The files whose names a completion must insert quoted and list escaped.
fn hostile_names(test: &str) -> TempFile {
    let data = TempFile::new(test, "ladder.toml", SAFE_BUT_HOSTILE.as_bytes());
    let ev = data.dir.join("ev");
    std::fs::create_dir(&ev).expect("ev");
    for name in [
        "do$(touch PWN).toml",
        "es\u{1b}[31mred.toml",
        "ne\nline.toml",
    ] {
        std::fs::write(ev.join(name), "").expect("hostile name");
    }
    std::fs::create_dir(ev.join("sub folder")).expect("folder");
    data
}

/// Completes file names in a real interactive `shell`: each is inserted quoted as the shell's
/// own file completion quotes it (run, the line passes the name whole and runs nothing),
/// a name with a newline is one candidate, and a listing shows no raw escape sequence.
fn file_names_complete_quoted_in(shell: &str) {
    let data = hostile_names(&format!("hc-names-{shell}"));
    let (register, stand_in) = match shell {
        "fish" => (
            format!("LADDER_COMPLETE=fish {} | source", super::BIN),
            "function ladder; printf '<%s>\\n' $argv; end",
        ),
        "zsh" => (
            format!(
                "autoload -Uz compinit; compinit -u -D; source <(LADDER_COMPLETE=zsh {})",
                super::BIN
            ),
            "ladder() { printf '<%s>\\n' \"$@\" }",
        ),
        _ => (
            format!("source <(LADDER_COMPLETE=bash {})", super::BIN),
            "ladder() { printf '<%s>\\n' \"$@\"; }; bind 'set bell-style none'",
        ),
    };
    let Some(mut term) = Terminal::start(shell, &data.dir, &register) else {
        return;
    };
    term.run(stand_in);
    for (typed, passed) in [
        ("ladder --data ev/do\t", "<ev/do$(touch PWN).toml>\r\n"),
        ("ladder --data ev/ne\t", "<ev/ne\r\nline.toml>\r\n"),
        ("ladder validate ev/do\t", "<ev/do$(touch PWN).toml>\r\n"),
        // zsh takes back the slash it added when the line is run.
        ("ladder import ev/su\t", "<ev/sub folder"),
        ("ladder --data ladder.toml show L2\t", "<L2-two>\r\n"),
    ] {
        let shown = term.run(typed);
        assert!(shown.contains(passed), "{shell}: {typed:?} gave\n{shown:?}");
    }
    // The second tab lists the folder in bash, the first in zsh and fish; Ctrl-U clears the line.
    let tabs = if shell == "bash" { "\t\t" } else { "\t" };
    let listed = term.type_until(&format!("ladder --data ev/{tabs}"), "line.toml");
    assert!(listed.contains("red.toml"), "{shell}: {listed:?}");
    assert!(!listed.contains("\u{1b}[31mred"), "{shell}: {listed:?}");
    term.run("\u{15}");
    drop(term);
    assert!(!data.dir.join("PWN").exists(), "{shell} ran a file name");
}

#[test]
fn bash_inserts_file_names_quoted_and_runs_none() {
    file_names_complete_quoted_in("bash");
}

#[test]
fn zsh_inserts_file_names_quoted_and_runs_none() {
    file_names_complete_quoted_in("zsh");
}

#[test]
fn fish_inserts_file_names_quoted_and_runs_none() {
    file_names_complete_quoted_in("fish");
}
