//! Where a ladder comes from: the embedded ladder, a file, standard input, a catalogue folder,
//! one ladder of one, or a ladder file at a git revision. Chosen once from `--data` (or `LADDER_DATA`) and `--ladder`; every read
//! of a ladder goes through it (`loader.rs`), and so does every role name (`resolver.rs`), so
//! a new kind of source is one more variant here.

pub mod git;
mod loader;
mod resolver;

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};

use crate::document::Document;
use crate::exit::UsageError;
use crate::load::{self, OneRole};
use crate::model::{Catalogue, Ladder};
use crate::text;

pub use loader::Loader;
pub use resolver::{Need, Resolved};

/// Where the ladder of a run comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The Security Operations ladder compiled into the binary.
    Embedded,
    /// A ladder file.
    File(PathBuf),
    /// A ladder read from standard input (`--data -`).
    Stdin,
    /// A folder of ladder files, each a ladder under its file's stem.
    Catalogue(PathBuf),
    /// One ladder of a catalogue folder, by its id: nothing else of the folder is read.
    Member { folder: PathBuf, id: String },
    /// A ladder file as it stood at a git revision (see [`git`]).
    Revision { file: PathBuf, rev: String },
}

impl Source {
    /// The source `--data` (or `LADDER_DATA`, through [`data_path`]) and `--ladder` name: a
    /// folder is a catalogue, and `--ladder` one of its ladders (an exact id, else one that
    /// differs only in case). Only a `--data` path costs a look at the file system.
    pub fn choose(data: Option<PathBuf>, ladder: Option<String>) -> Result<Source> {
        let source = match data {
            None => Source::Embedded,
            Some(path) if path.as_os_str() == "-" => Source::Stdin,
            Some(path) if load::catalogue::is_folder(&path) => Source::Catalogue(path),
            Some(path) => Source::File(path),
        };
        match (source, ladder) {
            (source, None) => Ok(source),
            (Source::Catalogue(folder), Some(id)) => {
                let id = member_id(&folder, &id)?;
                Ok(Source::Member { folder, id })
            }
            (_, Some(_)) => Err(UsageError(
                "--ladder chooses a ladder of a catalogue; use it with --data DIR (or LADDER_DATA=DIR)"
                    .into(),
            )
            .into()),
        }
    }

    /// The ladder of a catalogue with this id (as [`Source::choose`] finds it with `--ladder`).
    pub fn member(folder: &Path, id: &str) -> Result<Source> {
        Ok(Source::Member {
            folder: folder.to_path_buf(),
            id: member_id(folder, id)?,
        })
    }

    /// The source as messages name it; `None` for the embedded ladder, which nobody chose.
    pub fn shown(&self) -> Option<String> {
        Some(match self {
            Source::Embedded => return None,
            Source::File(path) | Source::Catalogue(path) => crate::files::shown(path),
            Source::Stdin => "stdin".to_string(),
            Source::Member { id, .. } => text::cut(id).into_owned(),
            Source::Revision { file, rev } => {
                format!("{}:{}", text::cut(rev), crate::files::shown(file))
            }
        })
    }

    /// The id of the ladder in its catalogue, for a member.
    pub fn ladder_id(&self) -> Option<&str> {
        match self {
            Source::Member { id, .. } => Some(id),
            _ => None,
        }
    }

    /// The catalogue folder, for a catalogue.
    pub fn folder(&self) -> Option<&Path> {
        match self {
            Source::Catalogue(folder) => Some(folder),
            _ => None,
        }
    }

    /// The text of a source of one ladder, read once by the caller; `None` for a catalogue.
    pub fn document(&self) -> Result<Option<Document>> {
        Ok(Some(match self {
            Source::Embedded => Document::embedded(),
            Source::File(path) => load::read(path)?,
            Source::Stdin => load::read(Path::new("-"))?,
            Source::Member { folder, id } => {
                load::catalogue::file(folder, id)?.ok_or_else(|| {
                    anyhow!(
                        "ladder {} went away while it was being read",
                        text::quoted(id)
                    )
                })?
            }
            Source::Revision { file, rev } => git::show(file, rev)?,
            Source::Catalogue(_) => return Ok(None),
        }))
    }

    /// The whole ladder of a source of one ladder, from its text (`document`, when it was read)
    /// or, for the embedded one, decoded from the binary without parsing.
    pub fn ladder(&self, document: impl FnOnce() -> Result<Document>) -> Result<Ladder> {
        match self {
            Source::Embedded => Ok(crate::embedded::ladder()),
            _ => Ladder::load(&document()?),
        }
    }

    /// The head of a source of one ladder and its role with exactly this id, read without the
    /// other roles where the source allows it; `None` means: load the whole ladder.
    pub fn one_role(
        &self,
        id: &str,
        document: impl FnOnce() -> Result<Document>,
    ) -> Result<Option<OneRole>> {
        match self {
            Source::Embedded => Ok(crate::embedded::one_role(id)),
            Source::Catalogue(_) => Ok(None),
            _ => load::one_role(&document()?, id),
        }
    }

    /// The catalogue of a catalogue folder, every ladder loaded; `None` for any other source.
    pub fn catalogue(&self) -> Result<Option<Catalogue>> {
        match self {
            Source::Catalogue(folder) => Ok(Some(load::catalogue::load(folder)?)),
            _ => Ok(None),
        }
    }
}

/// The ladder file to read: the flag wins over LADDER_DATA; an empty value of either means
/// the embedded ladder. (clap's own `env` refuses an empty variable, which `LADDER_DATA=
/// ladder ...` sets.)
pub fn data_path(flag: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(|| std::env::var_os("LADDER_DATA").map(PathBuf::from))
        .filter(|p| !p.as_os_str().is_empty())
}

/// The id of the ladder `id` names in a catalogue folder: the file of exactly that id when
/// there is one (nothing else is looked at), else an id that differs only in case.
fn member_id(folder: &Path, id: &str) -> Result<String> {
    if load::catalogue::exists(folder, id) {
        return Ok(id.to_string());
    }
    let files = load::catalogue::files(folder)?;
    match files
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(id))
    {
        Some((known, _)) => Ok(known.clone()),
        None => Err(UsageError(format!(
            "unknown ladder {}; the ladders are {}",
            text::quoted(id),
            text::some_of(files.iter().map(|(known, _)| known.as_str()))
        ))
        .into()),
    }
}
