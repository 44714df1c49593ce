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
        candidates(&["browse", "L3-senior-c"], &[]),
        "L3-senior-cloud-security-engineer\tSenior Cloud Security Engineer\n"
    );
    assert_eq!(
        candidates(&["browse", "L2", "--track", "an"], &[]),
        "analyst\tSecurity Analyst\n"
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
        // A path is bash's own to complete: the function says so with compopt, shown here.
        let program = format!(
            "source {path:?} || exit 9
             compopt() {{ local IFS=' '; [[ \"$*\" == *' -o '* ]] && printf 'compopt %s\\n' \"$*\"; return 0; }}
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
            .filter(|l| !l.is_empty())
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
    // The value of `--data=` itself is a path, which bash completes, typed or not yet.
    let files = ["compopt +o bashdefault -o default"];
    assert_eq!(complete("ladder --data = tests/da"), files);
    assert_eq!(complete("ladder --data ="), files);
    assert_eq!(complete("ladder --data tests/da"), files);
}

/// A manual page (roff, saved as `name`) as `man` shows it at `width` columns, overstriking
/// removed; `None` when man is missing or cannot render here (see [`tool`] and [`skip`]).
fn man_page(page: &str, name: &str, width: u16) -> Option<String> {
    if !tool("man") {
        return None;
    }
    let dir = Folder::new(&format!("man-{name}-{width}"));
    let path = dir.write(name, page);
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
    let Some(text) = man_page(&page, "ladder.1", 80) else {
        return;
    };
    // Prose is filled to the page; only a list's lines are kept as written, and they fit.
    let wide: Vec<&str> = text.lines().filter(|l| l.chars().count() > 80).collect();
    assert!(wide.is_empty(), "{wide:#?}");
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
    no_word_is_broken(&page, "ladder.1");
}

/// Fails when a word, id or not, is broken across lines with a hyphen, at any width.
fn no_word_is_broken(page: &str, name: &str) {
    for width in [50, 64, 80] {
        let text = man_page(page, name, width).expect("rendered");
        let broken: Vec<&str> = text
            .lines()
            .filter(|l| {
                let mut end = l.chars().rev();
                matches!(end.next(), Some('-' | '\u{2010}'))
                    && end.next().is_some_and(char::is_alphanumeric)
            })
            .collect();
        assert!(broken.is_empty(), "{name} at {width} columns: {broken:?}");
    }
}

#[test]
fn the_man_page_names_the_format_page_in_see_also() {
    let page = ok(&["man"]);
    let (_, see_also) = page.split_once("\n.SH \"SEE ALSO\"\n").expect("SEE ALSO");
    assert!(
        see_also.contains("\\fBladder\\-format\\fR(5)"),
        "{see_also}"
    );
    // `ladder man ladder` is the same page, named.
    assert_eq!(ok(&["man", "ladder"]), page);
    assert!(fails(&["man", "formats"], 2).contains("invalid value 'formats'"));
}

/// docs/format.md, the source of ladder-format(5).
const FORMAT_MD: &str = include_str!("../docs/format.md");

/// The headings (level and text, without backticks) and the fenced code blocks of
/// docs/format.md, read line by line: an oracle apart from the converter's parser.
fn format_md_parts() -> (Vec<(usize, String)>, Vec<Vec<String>>) {
    let (mut headings, mut blocks) = (Vec::new(), Vec::new());
    let mut code: Option<Vec<String>> = None;
    for line in FORMAT_MD.lines() {
        if line.starts_with("```") {
            match code.take() {
                Some(block) => blocks.push(block),
                None => code = Some(Vec::new()),
            }
        } else if let Some(block) = &mut code {
            block.push(line.to_string());
        } else if line.starts_with('#') {
            let text = line.trim_start_matches('#');
            let level = line.len() - text.len();
            headings.push((level, text.trim().replace('`', "")));
        }
    }
    assert!(code.is_none(), "an unclosed code block");
    (headings, blocks)
}

/// A roff text line as its reader sees it: the escapes `ladder man` writes undone.
fn unroff(line: &str) -> String {
    let mut text = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            text.push(c);
            continue;
        }
        match chars.next() {
            Some('\\' | 'e') => text.push('\\'),
            Some('-') => text.push('-'),
            Some('&') => {}
            // A font: \fB, \fI, \fR.
            Some('f') => {
                chars.next();
            }
            // The apostrophe string, \*(Aq.
            Some('*') => {
                let name: String = chars.by_ref().take(3).collect();
                assert_eq!(name, "(Aq", "in {line:?}");
                text.push('\'');
            }
            other => panic!("an escape \\{other:?} in {line:?}"),
        }
    }
    text
}

#[test]
fn the_format_page_is_docs_format_md_with_every_heading_and_code_block() {
    let page = ok(&["man", "format"]);
    // The roff crate defines its apostrophe string first; then the title.
    let first = page
        .lines()
        .find(|l| !l.starts_with(".ie ") && !l.starts_with(".el "))
        .expect("a line");
    assert!(first.starts_with(".TH LADDER-FORMAT 5 "), "{first}");
    let lines: Vec<&str> = page.lines().collect();
    let name = lines.iter().position(|l| *l == ".SH NAME").expect("NAME");
    assert_eq!(lines[name + 1], r"ladder\-format \- the ladder file format");

    let (headings, blocks) = format_md_parts();
    assert_eq!(headings[0], (1, "The ladder file format".to_string()));
    let expected: Vec<(&str, String)> = (headings[1..].iter())
        .map(|(level, text)| match level {
            2 => (".SH", text.to_uppercase()),
            _ => (".SS", text.clone()),
        })
        .collect();
    let found: Vec<(&str, String)> = lines
        .windows(2)
        .filter(|w| matches!(w[0], ".SH" | ".SS"))
        .map(|w| (w[0], unroff(w[1])))
        .collect();
    assert_eq!(found, expected);

    // Every line of every code block, as it is, unfilled; and nothing else unfilled.
    let mut unfilled: Vec<Vec<String>> = Vec::new();
    let mut open = false;
    for line in &lines {
        match *line {
            ".nf" => {
                unfilled.push(Vec::new());
                open = true;
            }
            ".fi" => open = false,
            _ if open => unfilled.last_mut().expect("open").push(unroff(line)),
            _ => {}
        }
    }
    assert_eq!(unfilled.len(), blocks.len(), "code blocks");
    for (found, block) in unfilled.iter().zip(&blocks) {
        assert_eq!(found, block);
    }

    // A text line never starts with a control character: every `.` line is a request of
    // ours, and a text line that starts with one (`.md, and no level code` in the Markdown,
    // a `.dot` in a code block) is escaped.
    let requests = [
        "TH", "nh", "ad", "SH", "SS", "PP", "IP", "TP", "RS", "RE", "nf", "fi", "br", "ie", "el",
    ];
    for line in &lines {
        if let Some(request) = line.strip_prefix('.') {
            let name = request.split(' ').next().unwrap_or_default();
            assert!(requests.contains(&name), "{line}");
        }
        assert!(!line.starts_with('\''), "{line}");
    }
}

/// Words as the page's reader compares them: without the marks around them (`**`, backticks,
/// brackets, quotes, punctuation), in lower case.
fn words(text: &str) -> Vec<String> {
    text.replace('`', "")
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn the_format_page_shows_every_word_of_docs_format_md_in_order() {
    let page = ok(&["man", "format"]);
    let Some(text) = man_page(&page, "ladder-format.5", 80) else {
        return;
    };
    // The Markdown's words, but for what a manual page has no place for: the fences of code
    // blocks with their language, the header row of a table (each cell carries its column's
    // header instead), its `|---|` line, and the anchors of links within the page (the link's
    // text is the section's name).
    let md: Vec<&str> = FORMAT_MD.lines().collect();
    let mut source = String::new();
    for (i, line) in md.iter().enumerate() {
        let header_row = md
            .get(i + 1)
            .is_some_and(|next| next.starts_with("| -") || next.starts_with("|-"));
        if header_row
            || line.starts_with("|-")
            || line.starts_with("| -")
            || line.starts_with("```")
        {
            continue;
        }
        let mut line = line.to_string();
        while let Some(at) = line.find("](#") {
            let end = line[at..].find(')').expect("a closed link") + at;
            line.replace_range(at..=end, " ");
        }
        source.push_str(&line);
        source.push('\n');
    }
    let shown = words(&text);
    let mut at = 0;
    for word in words(&source) {
        match shown[at..].iter().position(|w| *w == word) {
            Some(found) => at += found + 1,
            None => panic!(
                "{word:?} is not on the page after {:?}",
                &shown[at.saturating_sub(12)..at]
            ),
        }
    }
    no_word_is_broken(&page, "ladder-format.5");
}

#[test]
fn a_complete_variable_of_another_tool_leaves_a_normal_run_alone() {
    // Only LADDER_COMPLETE asks for candidates: clap's default name, COMPLETE, is common.
    let out = run(ladder(&["tracks"]).env("COMPLETE", "bash"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), ok(&["tracks"]));
}
