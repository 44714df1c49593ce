//! The manual page (roff): clap_mangen's sections for `ladder` itself, then one section per
//! subcommand, all read from the clap definitions.

use std::io::Write;

use anyhow::Result;
use clap::{Arg, Command};
use roff::{Inline, Roff, bold, italic, roman};

/// Writes the page for `cmd`, which must be built (`Command::build`) so that its subcommands
/// carry the global options and the generated help.
pub fn render(out: &mut impl Write, cmd: &Command) -> Result<()> {
    let man = clap_mangen::Man::new(cmd.clone()).date(env!("LADDER_BUILD_DATE"));
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;

    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        subcommand(&mut roff, sub);
    }
    roff.to_writer(out)?;
    man.render_extra_section(out)?;
    man.render_version_section(out)?;
    Ok(())
}

/// One subcommand: its synopsis, what it does, its own options and its examples.
fn subcommand(roff: &mut Roff, sub: &Command) {
    let name = format!("ladder {}", sub.get_name());
    roff.control("SS", [name.as_str()]);
    let mut synopsis = vec![bold(name.clone())];
    for arg in sub.get_positionals() {
        synopsis.push(roman(" "));
        synopsis.push(italic(
            value_name(arg).unwrap_or_else(|| arg.get_id().to_string()),
        ));
    }
    synopsis.push(roman(" [OPTIONS]"));
    roff.text(synopsis);
    if let Some(about) = sub.get_long_about().or(sub.get_about()) {
        roff.control("PP", []);
        roff.text([roman(about.to_string())]);
    }
    // The global options are described once, in the page's own OPTIONS section.
    let documented = |a: &&Arg| !a.is_hide_set() && !a.is_global_set() && a.get_id() != "help";
    for arg in sub.get_arguments().filter(documented) {
        roff.control("TP", []);
        roff.text(term(arg));
        let help = arg
            .get_long_help()
            .or(arg.get_help())
            .map(|h| h.to_string());
        roff.text([roman(help.unwrap_or_default())]);
    }
    if let Some(after) = sub.get_after_long_help().or(sub.get_after_help()) {
        roff.control("PP", []);
        roff.control("nf", []);
        for line in after.to_string().lines() {
            roff.text([roman(line.to_string())]);
        }
        roff.control("fi", []);
    }
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
