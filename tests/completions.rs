//! Completion (registered in real shells, answered from the ladder in use) and `ladder man`.

use super::*;

/// The candidates `ladder` gives a shell for the words after `--` (fish's form: `value`, a tab
/// and the description, one a line).
fn candidates(words: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = ladder(&[&["--", "ladder"][..], words].concat());
    cmd.env("LADDER_COMPLETE", "fish").env_remove("LADDER_DATA");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = run(&mut cmd);
    assert_eq!(out.status.code(), Some(0), "{words:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{words:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn completions_come_from_the_ladder_in_use_without_regard_to_case() {
    assert_eq!(
        candidates(&["show", "l3-"], &[]),
        "L3-senior-security-analyst\tSenior Security Analyst\n\
         L3-senior-security-engineer\tSenior Security Engineer\n\
         L3-senior-cloud-security-engineer\tSenior Cloud Security Engineer\n"
    );
    let designers = "P3-senior-product-designer\tSenior Product Designer\n\
                     P3-senior-design-researcher\tSenior Design Researcher\n\
                     P3-design-systems-designer\tDesign Systems Designer\n";
    // --data on the line wins over LADDER_DATA, as it does when the command runs.
    assert_eq!(
        candidates(&["--data", DESIGN, "show", "p3"], &[]),
        designers
    );
    assert_eq!(
        candidates(&["diff", "P2", "p3"], &[("LADDER_DATA", DESIGN)]),
        designers
    );
    assert_eq!(
        candidates(
            &["--data=/nowhere.toml", "show", "L"],
            &[("LADDER_DATA", DESIGN)]
        ),
        ""
    );
    assert_eq!(
        candidates(&["next", "L2", "--track", "C"], &[]),
        "cloud\tCloud Security Engineer\n"
    );
    assert_eq!(
        candidates(&["search", "x", "--dimension", "b"], &[]),
        "business-success\tBusiness Success\n"
    );
}

#[test]
fn completions_prints_the_line_that_registers_completion() {
    for (shell, line) in [
        ("bash", "source <(LADDER_COMPLETE=bash ladder)\n"),
        ("zsh", "source <(LADDER_COMPLETE=zsh ladder)\n"),
        ("fish", "LADDER_COMPLETE=fish ladder | source\n"),
        ("elvish", "eval (E:LADDER_COMPLETE=elvish ladder | slurp)\n"),
        (
            "powershell",
            "$env:LADDER_COMPLETE = \"powershell\"; ladder | Out-String | Invoke-Expression; \
             Remove-Item Env:\\LADDER_COMPLETE\n",
        ),
    ] {
        assert_eq!(ok(&["completions", shell]), line, "{shell}");
    }
    assert!(fails(&["completions", "tcsh"], 2).contains("invalid value 'tcsh'"));
}

#[test]
fn the_registration_calls_ladder_back_by_a_path_no_shell_can_misread() {
    let dir = Folder::new("registration");
    let odd = dir.join("d$(touch X)`touch Y`");
    std::fs::create_dir_all(&odd).expect("dir");
    let bin = odd.join("ladder");
    std::os::unix::fs::symlink(BIN, &bin).expect("symlink");
    for (shell, marker) in [
        (
            "bash",
            "complete -o nospace -o bashdefault -o nosort -F _clap_complete_ladder ladder",
        ),
        ("zsh", "compdef _clap_dynamic_completer_ladder ladder"),
        ("fish", "complete --keep-order --exclusive --command ladder"),
        ("elvish", "set edit:completion:arg-completer[ladder]"),
        (
            "powershell",
            "Register-ArgumentCompleter -Native -CommandName ladder",
        ),
    ] {
        let mut through_odd = Command::new(&bin);
        through_odd.env("LADDER_COMPLETE", shell);
        let script = String::from_utf8(run(&mut through_odd).stdout).expect("UTF-8");
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(!script.contains("touch"), "{shell}: {script}");
        let mut direct = ladder(&[]);
        direct.env("LADDER_COMPLETE", shell);
        let script = String::from_utf8(run(&mut direct).stdout).expect("UTF-8");
        assert!(
            script.contains(BIN),
            "{shell} does not call this build back: {script}"
        );
    }
}

#[test]
fn bash_completes_through_the_registered_function() {
    if !tool("bash") {
        return;
    }
    let dir = Folder::new("bash-completion");
    let mut registration = ladder(&[]);
    registration.env("LADDER_COMPLETE", "bash");
    let script = run(&mut registration).stdout;
    let path = dir.write("ladder.bash", script);
    let complete = |line: &str| -> Vec<String> {
        let words: Vec<&str> = line.split(' ').collect();
        let program = format!(
            "source {path:?} || exit 9
             COMP_WORDS=({words}); COMP_CWORD={cword}; COMP_LINE={line:?}; COMP_POINT=${{#COMP_LINE}}
             _clap_complete_ladder ladder {cur:?} {prev:?}
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            words = words.iter().map(|w| format!("{w:?}")).collect::<Vec<_>>().join(" "),
            cword = words.len() - 1,
            cur = words[words.len() - 1],
            prev = words[words.len() - 2],
        );
        let out = Command::new("bash")
            .args(["--norc", "-c", &program])
            .env_remove("LADDER_DATA")
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
    assert_eq!(complete("ladder show l4"), ["L4-technical-lead"]);
    // `--data=FILE`, which bash splits at `=` into three words, names the ladder of the next
    // words as `--data FILE` does (issue 25, item 14).
    let designers = [
        "P3-senior-product-designer",
        "P3-senior-design-researcher",
        "P3-design-systems-designer",
    ];
    assert_eq!(
        complete(&format!("ladder --data = {DESIGN} show p3")),
        designers
    );
    assert_eq!(
        complete(&format!("ladder --data {DESIGN} show p3")),
        designers
    );
}

/// The manual page as `man` shows it at `width` columns, overstriking removed; `None` when man
/// is missing or cannot render here (see [`tool`] and [`skip`]).
fn man_page(page: &str, width: u16) -> Option<String> {
    if !tool("man") {
        return None;
    }
    let dir = Folder::new(&format!("man-{width}"));
    let path = dir.write("ladder.1", page);
    let out = Command::new("man")
        .args(["--warnings", "-l"])
        .arg(&path)
        .env("MANWIDTH", width.to_string())
        .env("MAN_KEEP_FORMATTING", "0")
        .output()
        .expect("man runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("command exited with status") || stderr.contains("can't execute") {
        skip(&format!("man cannot render here: {stderr}"));
        return None;
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
    Some(text)
}

#[test]
fn the_man_page_has_the_standard_sections_and_renders_without_warnings() {
    let page = ok(&["man"]);
    assert!(page.contains("\n.TH LADDER 1 "), "no title line");
    let sections = [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "COMMANDS",
        "OPTIONS",
        "ENVIRONMENT",
        "\"EXIT STATUS\"",
        "EXAMPLES",
        "\"SEE ALSO\"",
    ];
    let found: Vec<&str> = page
        .lines()
        .filter_map(|l| l.strip_prefix(".SH "))
        .collect();
    assert_eq!(found, sections);
    for name in [
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "LADDER_DATA",
        "COLUMNS",
        "LADDER_PAGER",
        "PAGER",
    ] {
        assert!(
            page.contains(&format!(".TP\n\\fB{name}\\fR\n")),
            "{name} undocumented"
        );
    }
    // An installed page has no repository beside it to point into.
    assert!(!page.contains("docs/"), "points into the repository");
    assert!(page.contains("\n.nh\n"), "hyphenation left on");
    let Some(text) = man_page(&page, 80) else {
        return;
    };
    for synopsis in [
        "ladder validate [OPTIONS] [FILE]",
        "ladder path --track TRACK [OPTIONS]",
        "ladder search [OPTIONS] [PATTERN]",
        "ladder show --all [OPTIONS]",
    ] {
        assert!(
            text.contains(&format!("\n       {synopsis}\n")),
            "{synopsis}\n{text}"
        );
    }
    // No word, id or not, is broken across lines with a hyphen, at any width.
    for width in [50, 64, 80] {
        let text = man_page(&page, width).expect("rendered");
        let broken: Vec<&str> = text
            .lines()
            .filter(|l| {
                let mut end = l.chars().rev();
                matches!(end.next(), Some('-' | '\u{2010}'))
                    && end.next().is_some_and(char::is_alphanumeric)
            })
            .collect();
        assert!(broken.is_empty(), "at {width} columns: {broken:?}");
    }
}

#[test]
fn a_complete_variable_of_another_tool_leaves_a_normal_run_alone() {
    // Only LADDER_COMPLETE asks for candidates: clap's default name, COMPLETE, is common.
    let out = run(ladder(&["tracks"]).env("COMPLETE", "bash"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), ok(&["tracks"]));
}
