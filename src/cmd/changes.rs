//! `ladder changes OLD [NEW]`: two versions of a ladder compared, from files, catalogue
//! folders or git revisions of the ladder file. Exits as diff(1): 0 the same, 1 different,
//! 2 on trouble.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::Context;
use crate::cli::ChangesArgs;
use crate::exit::{Exit, Trouble, UsageError};
use crate::model::{Catalogue, Ladder};
use crate::query::changes::{self, Change, Changes, Narrow};
use crate::query::resolve;
use crate::render::Report;
use crate::source::{Loader, Source, git};
use crate::view::{ChangesView, LadderChanges};

/// Compares the two versions the arguments name and reports what changed.
pub fn run(ctx: &Context, args: &ChangesArgs, out: &mut impl Write) -> Result<Exit> {
    compare(ctx, args, out).map_err(|e| Trouble(e).into())
}

fn compare(ctx: &Context, args: &ChangesArgs, out: &mut impl Write) -> Result<Exit> {
    let [old, new] = sides(ctx, args)?;
    let sides = [shown(&old), shown(&new)];
    let (old, new) = (Loader::new(old), Loader::new(new));
    let view = match (old.catalogue()?, new.catalogue()?) {
        (Some(a), Some(b)) => catalogues(a, b, args)?,
        // The same bytes are the same ladder: nothing to parse (`changes HEAD~1` of a file
        // the last commit left alone, in CI), unless a name given must be checked.
        (None, None) if !narrowed(args) && old.document()?.text == new.document()?.text => {
            vec![LadderChanges {
                id: None,
                change: None,
                changes: None,
            }]
        }
        (None, None) => vec![LadderChanges {
            id: None,
            change: None,
            changes: Some(one(old.ladder()?, new.ladder()?, args)?),
        }],
        _ => {
            return Err(UsageError(
                "compare a ladder file with a ladder file, or a catalogue folder with a catalogue folder".into(),
            )
            .into());
        }
    };
    let view = ChangesView {
        sides,
        ladders: view,
        brief: args.brief,
    };
    let differ = view.differ();
    ctx.render(out, &Report::Changes(view))?;
    Ok(if differ { Exit::Differ } else { Exit::Success })
}

/// Whether `--role`, `--track` or `--dimension` narrows the report.
fn narrowed(args: &ChangesArgs) -> bool {
    args.role.is_some() || args.track.name.is_some() || args.dimension.name.is_some()
}

/// The two sources the arguments name (see `ladder changes --help`).
fn sides(ctx: &Context, args: &ChangesArgs) -> Result<[Source; 2]> {
    let is_path = |arg: &str| Path::new(arg).exists();
    match &args.new {
        Some(new) => Ok([side(ctx, &args.old, is_path)?, side(ctx, new, is_path)?]),
        None if !is_path(&args.old) && args.old.contains("..") => {
            let (a, b) = args.old.split_once("..").unwrap_or_default();
            let head = |r: &str| {
                if r.is_empty() {
                    "HEAD".to_string()
                } else {
                    r.to_string()
                }
            };
            let file = ladder_file(ctx)?;
            Ok([revision(&file, &head(a))?, revision(&file, &head(b))?])
        }
        None => Ok([side(ctx, &args.old, is_path)?, working_copy(ctx)?]),
    }
}

/// A path that exists is a file or folder; anything else a revision of the ladder file.
fn side(ctx: &Context, arg: &str, is_path: impl Fn(&str) -> bool) -> Result<Source> {
    if is_path(arg) {
        return Source::choose(Some(PathBuf::from(arg)), None);
    }
    revision(&ladder_file(ctx)?, arg)
}

fn revision(file: &Path, rev: &str) -> Result<Source> {
    git::check_revision(rev)?;
    Ok(Source::Revision {
        file: file.to_path_buf(),
        rev: rev.to_string(),
    })
}

/// The ladder file as it is now: `--data`, else `data/ladder.toml` of the repository.
fn working_copy(ctx: &Context) -> Result<Source> {
    Ok(Source::File(ladder_file(ctx)?))
}

/// The ladder file whose history is read: `--data` (or `LADDER_DATA`), else
/// `data/ladder.toml` at the top of the git repository around the current folder.
fn ladder_file(ctx: &Context) -> Result<PathBuf> {
    match &ctx.loader.source {
        Source::File(path) => Ok(path.clone()),
        Source::Embedded => git::top_level()
            .map(|top| relative(top.join("data").join("ladder.toml")))
            .filter(|file| file.is_file())
            .ok_or_else(|| {
                UsageError(
                    "no ladder file to read the history of: give --data FILE (the embedded ladder has none), or two files"
                        .into(),
                )
                .into()
            }),
        _ => Err(UsageError(
            "a revision is read of one ladder file (--data FILE); compare two folders or files instead"
                .into(),
        )
        .into()),
    }
}

/// A path inside the current folder as a path from it (`data/ladder.toml`, as a person would
/// type it), else as it is.
fn relative(path: PathBuf) -> PathBuf {
    let here = std::env::current_dir()
        .ok()
        .and_then(|d| d.canonicalize().ok());
    let inside = here.and_then(|here| path.strip_prefix(&here).ok().map(Path::to_path_buf));
    inside.filter(|p| !p.as_os_str().is_empty()).unwrap_or(path)
}

/// A source as the report names it.
fn shown(source: &Source) -> String {
    source
        .shown()
        .unwrap_or_else(|| "the embedded ladder".to_string())
}

/// The changes between two ladders, as `--role`, `--track`, `--dimension` and `--brief` ask.
fn one<'a>(old: &'a Ladder, new: &'a Ladder, args: &ChangesArgs) -> Result<Changes<'a>> {
    let found = changes::changes(old, new);
    let narrow = narrow(old, new, &found, args)?;
    let found = found.narrowed(&narrow);
    Ok(if args.brief { found.brief() } else { found })
}

/// What `--role`, `--track` and `--dimension` name, found in the new version, else the old.
fn narrow(old: &Ladder, new: &Ladder, found: &Changes<'_>, args: &ChangesArgs) -> Result<Narrow> {
    let either = |find: &dyn Fn(&Ladder) -> Result<Vec<String>, UsageError>| match find(new) {
        Ok(ids) => Ok(ids),
        Err(err) => find(old).map_err(|_| err),
    };
    let mut roles: Option<HashSet<String>> = None;
    if let Some(name) = &args.role {
        let ids = either(&|l: &Ladder| resolve::role(l, name, None).map(|r| vec![r.id.clone()]))?;
        roles = Some(with_partners(ids, found));
    }
    if let Some(name) = &args.track.name {
        let ids = either(&|l: &Ladder| resolve::track(l, name).map(|t| t.roles.clone()))?;
        let on = with_partners(ids, found);
        roles = Some(match roles {
            Some(r) => r.intersection(&on).cloned().collect(),
            None => on,
        });
    }
    let dimension = match &args.dimension.name {
        None => None,
        Some(name) => {
            let id = either(&|l: &Ladder| resolve::dimension(l, name).map(|d| vec![d.id.clone()]))?;
            let id = id.into_iter().next().unwrap_or_default();
            Some([id.clone(), id])
        }
    };
    Ok(Narrow { roles, dimension })
}

/// Role ids with the ids their roles have on the other side (a role renamed).
fn with_partners(ids: Vec<String>, found: &Changes<'_>) -> HashSet<String> {
    let mut all: HashSet<String> = ids.into_iter().collect();
    for r in &found.roles {
        if let (Some(a), Some(b)) = (r.old, r.new)
            && (all.contains(&a.id) || all.contains(&b.id))
        {
            all.insert(a.id.clone());
            all.insert(b.id.clone());
        }
    }
    all
}

/// Two catalogues compared ladder by ladder: those in both, then those only one has.
fn catalogues<'a>(
    old: &'a Catalogue,
    new: &'a Catalogue,
    args: &ChangesArgs,
) -> Result<Vec<LadderChanges<'a>>> {
    let mut out = Vec::new();
    for entry in &new.ladders {
        let Some(before) = old.ladders.iter().find(|e| e.id == entry.id) else {
            out.push(LadderChanges {
                id: Some(&entry.id),
                change: Some(Change::Added),
                changes: None,
            });
            continue;
        };
        out.push(LadderChanges {
            id: Some(&entry.id),
            change: None,
            changes: Some(one(&before.ladder, &entry.ladder, args)?),
        });
    }
    for entry in old
        .ladders
        .iter()
        .filter(|e| !new.ladders.iter().any(|n| n.id == e.id))
    {
        out.push(LadderChanges {
            id: Some(&entry.id),
            change: Some(Change::Removed),
            changes: None,
        });
    }
    Ok(out)
}
