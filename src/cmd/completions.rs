//! `ladder completions SHELL`: a completion script that knows the ladder's role, track and dimension ids.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use clap::builder::PossibleValuesParser;
use clap_complete::Shell;

use super::Context;
use crate::cli::{Cli, CompletionsArgs};
use crate::exit::Exit;

/// Writes the script for the chosen shell.
pub fn run(ctx: &Context, args: &CompletionsArgs, out: &mut impl Write) -> Result<Exit> {
    let ladder = ctx.ladder()?;
    let roles: Vec<String> = ladder.roles.iter().map(|r| r.id.clone()).collect();
    let tracks: Vec<String> = ladder.tracks.iter().map(|t| t.id.clone()).collect();
    let dimensions: Vec<String> = ladder.dimensions.iter().map(|d| d.id.clone()).collect();
    let levels: Vec<String> = ladder.levels.clone();
    let candidates = |arg: &str| -> Option<&Vec<String>> {
        match arg {
            "role" | "from" | "to" => Some(&roles),
            "track" => Some(&tracks),
            "dimension" => Some(&dimensions),
            "level" => Some(&levels),
            _ => None,
        }
    };

    // The ids become possible values only in the generated script: parsing still accepts
    // levels and parts of names, so the command that parses arguments is left alone.
    let mut cmd = Cli::command();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    // Subcommand name and the ids its positional arguments take, for the shells whose
    // generators leave positional values out.
    let positional: Vec<(String, Vec<String>)> = cmd
        .get_subcommands()
        .map(|sub| {
            let mut ids: Vec<String> = Vec::new();
            for arg in sub.get_positionals() {
                for id in candidates(arg.get_id().as_str()).into_iter().flatten() {
                    if !ids.contains(id) {
                        ids.push(id.clone());
                    }
                }
            }
            (sub.get_name().to_string(), ids)
        })
        .filter(|(_, ids)| !ids.is_empty())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |mut sub| {
            let args: Vec<String> = sub
                .get_arguments()
                .map(|a| a.get_id().to_string())
                .collect();
            for arg in args {
                if let Some(values) = candidates(&arg) {
                    let values = values.clone();
                    sub = sub.mut_arg(&arg, |a| a.value_parser(PossibleValuesParser::new(values)));
                }
            }
            sub
        });
    }
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "ladder", &mut script);
    let script = String::from_utf8(script)?;
    out.write_all(with_positional_values(args.shell, script, &positional).as_bytes())?;
    Ok(Exit::Success)
}

/// Adds the ids that positional arguments take to the scripts of fish, elvish and PowerShell,
/// whose clap generators complete only flags and their values.
fn with_positional_values(
    shell: Shell,
    mut script: String,
    positional: &[(String, Vec<String>)],
) -> String {
    // Ids are kebab-case words; anything else is left out rather than quoted into a script.
    let safe = |id: &&String| {
        id.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
    };
    for (sub, ids) in positional {
        let ids: Vec<&String> = ids.iter().filter(safe).collect();
        match shell {
            Shell::Fish => {
                let words: Vec<&str> = ids.iter().map(|s| s.as_str()).collect();
                script += &format!(
                    "complete -c ladder -n \"__fish_ladder_using_subcommand {sub}\" -f -a \"{}\"\n",
                    words.join(" ")
                );
            }
            Shell::Elvish => {
                let anchor = format!("&'ladder;{sub}'= {{\n");
                let lines: String = ids
                    .iter()
                    .map(|id| format!("            cand {id} 'role'\n"))
                    .collect();
                script = script.replacen(&anchor, &format!("{anchor}{lines}"), 1);
            }
            Shell::PowerShell => {
                let anchor = format!("'ladder;{sub}' {{\n");
                let lines: String = ids
                    .iter()
                    .map(|id| {
                        format!("            [CompletionResult]::new('{id}', '{id}', [CompletionResultType]::ParameterValue, 'role')\n")
                    })
                    .collect();
                script = script.replacen(&anchor, &format!("{anchor}{lines}"), 1);
            }
            _ => {}
        }
    }
    script
}
