//! `ladder init FILE`: a ladder skeleton to start from, with the JSON Schema beside it that the
//! skeleton's `#:schema` line names. What the flags leave out is asked for on a terminal.

use std::io::{IsTerminal as _, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use super::Context;
use crate::cli::InitArgs;
use crate::exit::{Exit, UsageError};
use crate::files;
use crate::model;
use crate::render::{self, SCHEMA_FILE};
use crate::view::Skeleton;

/// Writes the skeleton (refusing an existing file unless `--force`), then the schema beside it
/// unless one is there already; says what it wrote.
pub fn run(ctx: &Context, args: &InitArgs, out: &mut impl Write) -> Result<Exit> {
    ctx.only_format("init", "a ladder file", None)?;
    // `-`: the skeleton to stdout, to read or pipe, and no schema beside it.
    if args.file.as_os_str() == "-" {
        out.write_all(render::skeleton_toml(&answers(args)?).as_bytes())?;
        return Ok(Exit::Success);
    }
    // Refused before any question is asked or any file written.
    if !args.force && std::fs::symlink_metadata(&args.file).is_ok() {
        let shown = files::shown(&args.file);
        return Err(UsageError(format!("{shown:?} exists; use --force to replace it")).into());
    }
    let skeleton = answers(args)?;
    let schema = schema_beside(&args.file);
    let schema_text = schema_json()?;
    // The schema there already: the same (nothing to do), or another version's.
    let there = std::fs::read(&schema).ok();
    let same = there.as_deref() == Some(schema_text.as_bytes());
    files::write_new(
        &args.file,
        render::skeleton_toml(&skeleton).as_bytes(),
        args.force,
    )?;
    render::wrote(out, &args.file)?;
    match (there.is_some(), same, args.force) {
        (false, _, _) | (true, false, true) => {
            files::write_new(&schema, schema_text.as_bytes(), args.force)?;
            render::wrote(out, &schema)?;
        }
        (true, false, false) => render::schema_kept(&mut std::io::stderr().lock(), &schema)?,
        (true, true, _) => {}
    }
    Ok(Exit::Success)
}

/// Where the schema goes: beside the ladder file.
fn schema_beside(file: &Path) -> PathBuf {
    file.parent().unwrap_or(Path::new("")).join(SCHEMA_FILE)
}

/// The schema as `ladder schema` prints it.
fn schema_json() -> Result<String> {
    let mut text = Vec::new();
    render::schema(&mut text, &model::file_schema())?;
    String::from_utf8(text).context("the schema is UTF-8")
}

/// The skeleton the flags describe; on a terminal, what they leave out is asked for, one
/// question at a time; elsewhere it is a usage error.
fn answers(args: &InitArgs) -> Result<Skeleton> {
    let missing: Vec<&str> = [
        ("--levels", args.levels.is_none()),
        ("--tracks", args.tracks.is_none()),
        ("--dimensions", args.dimensions.is_none()),
    ]
    .into_iter()
    .filter_map(|(flag, missing)| missing.then_some(flag))
    .collect();
    let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if !missing.is_empty() && !terminal {
        let why = format!(
            "ladder init needs {} when it cannot ask (stdin is not a terminal)",
            missing.join(", ")
        );
        return Err(UsageError(why).into());
    }
    let named = Skeleton::name_from(&args.file);
    let name = match (&args.name, missing.is_empty()) {
        (Some(name), _) => name.clone(),
        (None, true) => named,
        (None, false) => ask(render::ASK_NAME, Some(&named))?,
    };
    let list =
        |given: &Option<Vec<String>>, (question, example): (&str, &str)| -> Result<Vec<String>> {
            match given {
                Some(items) => Ok(items.clone()),
                None => Ok(ask(question, Some(example))?
                    .split(',')
                    .map(String::from)
                    .collect()),
            }
        };
    let levels = list(&args.levels, render::ASK_LEVELS)?;
    let tracks = list(&args.tracks, render::ASK_TRACKS)?;
    let dimensions = list(&args.dimensions, render::ASK_DIMENSIONS)?;
    Ok(Skeleton::new(&name, &levels, &tracks, &dimensions)?)
}

/// One question on the terminal (stderr), with a default that Enter takes.
fn ask(question: &str, default: Option<&str>) -> Result<String> {
    let mut input = dialoguer::Input::<String>::new().with_prompt(question);
    if let Some(default) = default {
        input = input.default(default.to_string());
    }
    input.interact_text().context("could not read the answer")
}
