//! The manual pages (roff). ladder(1) is in the sections readers look for: NAME, SYNOPSIS,
//! DESCRIPTION, COMMANDS, OPTIONS, ENVIRONMENT, EXIT STATUS, EXAMPLES and SEE ALSO; its
//! commands and options are read from the clap definitions, and the prose sections the help
//! shares come in as [`Manual`]. ladder-format(5) is the Markdown of docs/format.md, converted
//! by `markdown.rs`.

mod markdown;

use std::io::Write;

use anyhow::Result;
use clap::{Arg, Command};
use roff::{Inline, Roff, bold, italic, roman};

/// The sections of the page that the top-level help shows too, as `cli.rs` words them:
/// indented lines.
pub struct Manual<'a> {
    pub examples: &'a str,
    pub naming: &'a str,
    pub exit_codes: &'a str,
}

/// The variables `ladder` reads, and what each does.
const ENVIRONMENT: [(&str, &str); 8] = [
    (
        "LADDER_DATA",
        "The ladder file to read when --data is not given; empty means the embedded ladder.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, no colour (unless --color always). It wins over CLICOLOR_FORCE.",
    ),
    (
        "CLICOLOR_FORCE",
        "When set, not empty and not 0, colour even when stdout is not a terminal.",
    ),
    ("TERM", "dumb turns colour off."),
    (
        "COLUMNS",
        "The width to lay tables and text out for when stdout is not a terminal (100 when \
         unset; at least 40).",
    ),
    (
        "LADDER_PAGER",
        "The pager long views go through on a terminal, before PAGER; empty or cat means none.",
    ),
    (
        "PAGER",
        "The pager when LADDER_PAGER is unset; empty or cat means none. Without either, less -FRX.",
    ),
    (
        "LADDER_COMPLETE",
        "Set by the completion scripts (see ladder completions): ladder then answers the shell \
         with candidates instead of running a command.",
    ),
];

/// Writes the page for `cmd`, which must be built (`Command::build`) so that its subcommands
/// carry their arguments and the global options.
pub fn render(out: &mut impl Write, cmd: &Command, manual: &Manual<'_>) -> Result<()> {
    let mut roff = Roff::new();
    let version = format!("ladder {}", cmd.get_version().unwrap_or_default());
    let date = env!("LADDER_BUILD_DATE");
    roff.control(
        "TH",
        ["LADDER", "1", date, version.as_str(), "User Commands"],
    );
    // No hyphenation: ids such as L3-senior-security-engineer must read whole.
    roff.control("nh", []);
    roff.control("SH", ["NAME"]);
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    roff.text([roman(format!("ladder - {}", about.trim_end_matches('.')))]);

    roff.control("SH", ["SYNOPSIS"]);
    roff.text([
        bold("ladder"),
        roman(" ["),
        italic("OPTIONS"),
        roman("] "),
        italic("COMMAND"),
    ]);
    for sub in subcommands(cmd) {
        for line in synopsis(sub) {
            roff.control("br", []);
            roff.text(line);
        }
    }

    roff.control("SH", ["DESCRIPTION"]);
    if let Some(long) = cmd.get_long_about() {
        roff.text([roman(long.to_string())]);
    }
    roff.control("SS", ["Naming a role"]);
    roff.text([roman(unindented(manual.naming))]);

    roff.control("SH", ["COMMANDS"]);
    for sub in subcommands(cmd) {
        subcommand(&mut roff, sub, cmd);
    }

    roff.control("SH", ["OPTIONS"]);
    roff.text([roman("These options apply to every command.")]);
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        option(&mut roff, arg);
    }

    roff.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in ENVIRONMENT {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(meaning)]);
    }

    roff.control("SH", ["EXIT STATUS"]);
    lines(&mut roff, manual.exit_codes);
    roff.control("SH", ["EXAMPLES"]);
    lines(&mut roff, manual.examples);
    roff.control("SH", ["SEE ALSO"]);
    roff.text([
        bold("jq"),
        roman("(1), "),
        bold("less"),
        roman("(1), "),
        bold("ladder-format"),
        roman("(5) for the ladder file format; "),
        bold("ladder"),
        roman(" "),
        italic("COMMAND"),
        roman(" --help for one command's options and examples."),
    ]);
    roff.to_writer(out)?;
    Ok(())
}

/// Writes ladder-format(5), the page of the file format, from its Markdown (docs/format.md):
/// its first heading names the page, the text under it is the description, and each `##`
/// section is a section of the page.
pub fn format_page(out: &mut impl Write, markdown: &str) -> Result<()> {
    let converted = markdown::convert(markdown);
    let mut roff = Roff::new();
    let version = format!("ladder {}", env!("CARGO_PKG_VERSION"));
    let date = env!("LADDER_BUILD_DATE");
    roff.control(
        "TH",
        ["LADDER-FORMAT", "5", date, version.as_str(), "File Formats"],
    );
    // No hyphenation: ids and keys must read whole, as in ladder(1). Ragged right: without
    // hyphens, the page's long code words (paths, keys, messages) would stretch the spaces of
    // a justified line.
    roff.control("nh", []);
    roff.control("ad", ["l"]);
    roff.control("SH", ["NAME"]);
    let title = converted
        .title
        .as_deref()
        .unwrap_or("The ladder file format");
    roff.text([roman(format!("ladder-format - {}", lowercase_first(title)))]);
    roff.control("SH", ["DESCRIPTION"]);
    roff.extend([converted.body]);
    roff.control("SH", ["SEE ALSO"]);
    roff.text([
        bold("ladder"),
        roman("(1); "),
        bold("ladder validate"),
        roman(" checks a ladder file against this format."),
    ]);
    roff.to_writer(out)?;
    Ok(())
}

/// A title as the end of a NAME line: "The ladder file format" is "the ladder file format".
fn lowercase_first(title: &str) -> String {
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The subcommands, without clap's own `help`.
fn subcommands(cmd: &Command) -> impl Iterator<Item = &Command> {
    cmd.get_subcommands().filter(|s| s.get_name() != "help")
}

/// The options a page lists: not hidden, not clap's `--help` and `--version`.
fn documented(arg: &&Arg) -> bool {
    !arg.is_hide_set() && !matches!(arg.get_id().as_str(), "help" | "version")
}

/// One subcommand: its synopsis, what it does, its own options and its examples.
fn subcommand(roff: &mut Roff, sub: &Command, top: &Command) {
    let name = format!("ladder {}", sub.get_name());
    roff.control("SS", [name.as_str()]);
    for (i, line) in synopsis(sub).into_iter().enumerate() {
        if i > 0 {
            roff.control("br", []);
        }
        roff.text(line);
    }
    if let Some(about) = sub.get_long_about().or(sub.get_about()) {
        roff.control("PP", []);
        roff.text([roman(about.to_string())]);
    }
    // The global options, which the top level has too, are described once, in the page's own
    // OPTIONS section.
    let global = |a: &Arg| top.get_arguments().any(|t| t.get_id() == a.get_id());
    let own = |a: &&Arg| documented(a) && !global(a);
    for arg in sub.get_arguments().filter(own) {
        option(roff, arg);
    }
    if let Some(after) = sub.get_after_long_help().or(sub.get_after_help()) {
        after_help(roff, &after.to_string());
    }
}

/// A subcommand's words after its options, paragraph by paragraph: a list under a heading
/// (`Examples:`, `Marks …:`, indented lines) kept line for line, and prose, which the help
/// writes as one line a paragraph, filled to the page's width.
fn after_help(roff: &mut Roff, text: &str) {
    for paragraph in text.split("\n\n") {
        roff.control("PP", []);
        let listed = paragraph.lines().any(|l| l.starts_with(' '));
        if !listed {
            roff.text([roman(paragraph.lines().collect::<Vec<_>>().join(" "))]);
            continue;
        }
        roff.control("nf", []);
        for line in paragraph.lines() {
            roff.text([roman(line.to_string())]);
        }
        roff.control("fi", []);
    }
}

/// `ladder path --track TRACK [OPTIONS]`, `ladder validate [OPTIONS] [FILE]`: required
/// options with their values, then the optional ones as `[OPTIONS]`, then the positionals
/// (in brackets when optional). A subcommand with its own usage lines gives those, one
/// synopsis each.
fn synopsis(sub: &Command) -> Vec<Vec<Inline>> {
    let name = format!("ladder {}", sub.get_name());
    if let Some(usage) = sub.get_overridden_usage() {
        let usage = usage.to_string();
        return usage
            .lines()
            .map(|line| {
                let rest = line.trim().strip_prefix(name.as_str()).unwrap_or(line);
                // clap's `<ROLE>` is the page's plain ROLE.
                vec![bold(name.clone()), roman(rest.replace(['<', '>'], ""))]
            })
            .collect();
    }
    let mut text = vec![bold(name)];
    let required = |a: &&Arg| a.is_required_set() && a.get_long().is_some();
    for arg in sub.get_arguments().filter(required) {
        let long = arg.get_long().unwrap_or_default();
        let value = value_name(arg).unwrap_or_default();
        text.extend([
            roman(" "),
            bold(format!("--{long}")),
            roman(" "),
            italic(value),
        ]);
    }
    text.push(roman(" ["));
    text.push(italic("OPTIONS"));
    text.push(roman("]"));
    for arg in sub.get_positionals() {
        let value = italic(value_name(arg).unwrap_or_else(|| arg.get_id().to_string()));
        if arg.is_required_set() {
            text.extend([roman(" "), value]);
        } else {
            text.extend([roman(" ["), value, roman("]")]);
        }
    }
    vec![text]
}

/// One option or positional as a tagged paragraph: its term, then its help.
fn option(roff: &mut Roff, arg: &Arg) {
    roff.control("TP", []);
    roff.text(term(arg));
    let mut help = arg
        .get_long_help()
        .or(arg.get_help())
        .map(|h| h.to_string())
        .unwrap_or_default();
    let values: Vec<String> = (arg.get_possible_values().iter())
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && arg.get_action().takes_values() {
        help += &format!(". One of: {}", values.join(", "));
    }
    roff.text([roman(help)]);
}

/// How an option or positional is written in the list: `-t, --track TRACK`, or `ROLE`.
fn term(arg: &Arg) -> Vec<Inline> {
    let mut term = Vec::new();
    if let Some(short) = arg.get_short() {
        term.push(bold(format!("-{short}")));
        term.push(roman(", "));
    }
    let value = value_name(arg);
    match arg.get_long() {
        Some(long) => term.push(bold(format!("--{long}"))),
        None => term.push(italic(
            value.clone().unwrap_or_else(|| arg.get_id().to_string()),
        )),
    }
    if arg.get_long().is_some() && arg.get_action().takes_values() {
        term.push(roman(" "));
        term.push(italic(value.unwrap_or_default()));
    }
    term
}

/// The first value name of an argument, e.g. `TRACK`.
fn value_name(arg: &Arg) -> Option<String> {
    arg.get_value_names()
        .and_then(|v| v.first())
        .map(|v| v.to_string())
}

/// Indented lines as they are, in a block the formatter does not fill.
fn lines(roff: &mut Roff, text: &str) {
    roff.control("nf", []);
    for line in text.lines() {
        roff.text([roman(line.to_string())]);
    }
    roff.control("fi", []);
}

/// Indented lines as one paragraph, for the formatter to fill.
fn unindented(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.join(" ")
}
