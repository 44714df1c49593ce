//! `ladder completions` and `ladder man`: scripts that load in real shells and a page man reads.

use super::*;

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
