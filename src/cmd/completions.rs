//! `ladder completions SHELL`: a completion script that knows the ladder's role, track and dimension ids.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use clap::builder::PossibleValuesParser;
use clap_complete::Shell;

use super::Context;
use crate::cli::{Cli, CompletionsArgs};
use crate::exit::Exit;
use crate::text;

/// Writes the script for the chosen shell.
pub fn run(ctx: &Context, args: &CompletionsArgs, out: &mut impl Write) -> Result<Exit> {
    ctx.only_format("completions", "a shell script", None)?;
    let ladder = ctx.ladder()?;
    let ids = Ids {
        roles: ladder.roles.iter().map(|r| r.id.clone()).collect(),
        tracks: ladder.tracks.iter().map(|t| t.id.clone()).collect(),
        dimensions: ladder.dimensions.iter().map(|d| d.id.clone()).collect(),
        levels: ladder.levels.clone(),
    };
    out.write_all(script(args.shell, &ids)?.as_bytes())?;
    Ok(Exit::Success)
}

/// The ladder's ids that a script offers, by the kind of argument that takes them.
struct Ids {
    roles: Vec<String>,
    tracks: Vec<String>,
    dimensions: Vec<String>,
    levels: Vec<String>,
}

/// The completion script for a shell, offering the ids. An id outside the safe alphabet
/// ([`text::is_safe_id`]) is left out: the generators put values inside double quotes, where a
/// shell would run `$(...)` or backticks. Validation refuses such ids already; this holds even
/// if a ladder got past it.
fn script(shell: Shell, ids: &Ids) -> Result<String> {
    let safe = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .filter(|id| text::is_safe_id(id))
            .cloned()
            .collect()
    };
    let (roles, tracks, dimensions, levels) = (
        safe(&ids.roles),
        safe(&ids.tracks),
        safe(&ids.dimensions),
        safe(&ids.levels),
    );
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
    // Subcommands add their arguments when built (`defer` in cli.rs): build all of them first.
    cmd.build();
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
    clap_complete::generate(shell, &mut cmd, "ladder", &mut script);
    let script = String::from_utf8(script)?;
    Ok(with_positional_values(shell, script, &positional))
}

/// Adds the ids that positional arguments take to the scripts of fish, elvish and PowerShell,
/// whose clap generators complete only flags and their values.
fn with_positional_values(
    shell: Shell,
    mut script: String,
    positional: &[(String, Vec<String>)],
) -> String {
    for (sub, ids) in positional {
        // [`script`] let only safe ids through; checked again here, where they are written.
        let ids: Vec<&String> = ids.iter().filter(|id| text::is_safe_id(id)).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: [&str; 4] = [
        "t$(touch X)",
        "a`touch Y`",
        "x\";touch Z;\"",
        "l'; rm -rf ~; '",
    ];

    #[test]
    fn ids_outside_the_safe_alphabet_never_reach_a_script() {
        let with = |safe: &str| {
            std::iter::once(safe.to_string())
                .chain(HOSTILE.iter().map(|s| s.to_string()))
                .collect()
        };
        let ids = Ids {
            roles: with("R1-role"),
            tracks: with("main-track"),
            dimensions: with("craft-dim"),
            levels: with("LVL9"),
        };
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::Elvish,
            Shell::PowerShell,
        ] {
            let script = script(shell, &ids).expect("script");
            for bad in ["touch", "rm -rf"] {
                assert!(!script.contains(bad), "{shell}: {bad}");
            }
            // The safe ids are still offered: tracks by the generators that write possible
            // values, roles by ours for the shells whose generators do not.
            let safe = match shell {
                Shell::Bash | Shell::Zsh => "main-track",
                _ => "R1-role",
            };
            assert!(script.contains(safe), "{shell} lacks {safe}");
        }
    }
}
