//! `ladder man`: one roff manual page for `ladder` and every subcommand.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use roff::{Roff, bold, italic, roman};

use crate::cli::Cli;
use crate::exit::Exit;

/// Writes the page: clap_mangen's sections for `ladder` itself, then a section per subcommand.
pub fn run(out: &mut impl Write) -> Result<Exit> {
    let mut cmd = Cli::command();
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone()).date(env!("LADDER_BUILD_DATE"));
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;

    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("ladder {}", sub.get_name());
        roff.control("SS", [name.as_str()]);
        let mut synopsis = vec![bold(name.clone())];
        for arg in sub.get_positionals() {
            let value = arg
                .get_value_names()
                .and_then(|v| v.first())
                .map(|v| v.to_string());
            synopsis.push(roman(" "));
            synopsis.push(italic(value.unwrap_or_else(|| arg.get_id().to_string())));
        }
        synopsis.push(roman(" [OPTIONS]"));
        roff.text(synopsis);
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            roff.control("PP", []);
            roff.text([roman(about.to_string())]);
        }
        let documented =
            |a: &&clap::Arg| !a.is_hide_set() && !a.is_global_set() && a.get_id() != "help";
        for arg in sub.get_arguments().filter(documented) {
            let mut term = Vec::new();
            if let Some(short) = arg.get_short() {
                term.push(bold(format!("-{short}")));
                term.push(roman(", "));
            }
            let value = arg
                .get_value_names()
                .and_then(|v| v.first())
                .map(|v| v.to_string());
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
            roff.control("TP", []);
            roff.text(term);
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
    roff.to_writer(out)?;
    man.render_extra_section(out)?;
    man.render_version_section(out)?;
    Ok(Exit::Success)
}
