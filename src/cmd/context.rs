//! The context of one run: what every subcommand needs besides its own arguments (the
//! ladder, catalogue or role it reads, the terminal, the format), resolved once and read lazily.

use std::cell::OnceCell;
use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;

use crate::cli::{GlobalArgs, TrackArg};
use crate::document::Document;
use crate::exit::UsageError;
use crate::load::{self, OneRole};
use crate::model::{Catalogue, Ladder, Role};
use crate::query::resolve;
use crate::render::{self, Format, Header, Report};
use crate::term::Terminal;
use crate::text;

/// What every subcommand needs besides its own arguments, resolved once.
#[derive(Debug)]
pub struct Context {
    /// The ladder file named by `--data` or `LADDER_DATA` (or chosen in a catalogue by
    /// `--ladder`); `None` means the embedded ladder, unless `folder` names a catalogue.
    pub data: Option<PathBuf>,
    /// The catalogue folder named by `--data` or `LADDER_DATA`, when `--ladder` chose none of
    /// its files.
    pub folder: Option<PathBuf>,
    /// The id of the ladder `--ladder` chose, so that `ID/ROLE` still names its roles.
    pub ladder_id: Option<String>,
    /// Colour and width, decided once from `--color`, the environment and the terminal.
    pub term: Terminal,
    /// The `--format` the user chose; `None` leaves each command its default (a table, or
    /// Markdown for `evidence`). Kept as given, so that `list --ids` can refuse any choice and
    /// `evidence` any but markdown.
    pub format: Option<Format>,
    /// Whether TSV starts with its header line (`--no-header`, allowed only with tsv).
    pub header: Header,
    source: OnceCell<Document>,
    ladder: OnceCell<Ladder>,
    one_role: OnceCell<OneRole>,
    catalogue: OnceCell<Catalogue>,
}

impl Context {
    /// The context of one run: nothing read yet. Refuses `--no-header` without `--format
    /// tsv`, the only format with a header line.
    pub(super) fn new(global: GlobalArgs, term: Terminal) -> Result<Context> {
        let header = match (global.no_header, global.format) {
            (false, _) => Header::Shown,
            (true, Some(Format::Tsv)) => Header::Omitted,
            (true, _) => {
                return Err(UsageError(
                    "--no-header leaves out the header line of --format tsv; use it with tsv"
                        .into(),
                )
                .into());
            }
        };
        let (data, folder, ladder_id, read) = chosen(data_file(global.data), global.ladder)?;
        Ok(Context {
            data,
            folder,
            ladder_id,
            term,
            format: global.format,
            header,
            source: read.map_or_else(OnceCell::new, OnceCell::from),
            ladder: OnceCell::new(),
            one_role: OnceCell::new(),
            catalogue: OnceCell::new(),
        })
    }

    /// The ladder's source text: the `--data` file, or the embedded ladder; read once.
    pub fn source(&self) -> Result<&Document> {
        if let Some(source) = self.source.get() {
            return Ok(source);
        }
        let source = match &self.data {
            Some(path) => load::read(path)?,
            None => Document::embedded(),
        };
        Ok(self.source.get_or_init(|| source))
    }

    /// The ladder, loaded the first time a command asks for it; in a catalogue, its only
    /// ladder, else a usage error asking for `--ladder`.
    pub fn ladder(&self) -> Result<&Ladder> {
        if let Some(ladder) = self.ladder.get() {
            return Ok(ladder);
        }
        if let Some(catalogue) = self.catalogue()? {
            return match catalogue.ladders.as_slice() {
                [one] => Ok(&one.ladder),
                many => Err(UsageError(format!(
                    "the catalogue holds {} ladders ({}); choose one with --ladder ID",
                    many.len(),
                    text::some_of(catalogue.ids())
                ))
                .into()),
            };
        }
        let ladder = match &self.data {
            Some(_) => Ladder::load(self.source()?)?,
            None => crate::embedded::ladder(),
        };
        Ok(self.ladder.get_or_init(|| ladder))
    }

    /// The catalogue of `--data DIR`, loaded the first time a command asks for it; `None` when
    /// the ladder is one file or the embedded one.
    pub fn catalogue(&self) -> Result<Option<&Catalogue>> {
        let Some(folder) = &self.folder else {
            return Ok(None);
        };
        if let Some(catalogue) = self.catalogue.get() {
            return Ok(Some(catalogue));
        }
        let catalogue = load::catalogue::load(folder)?;
        Ok(Some(self.catalogue.get_or_init(|| catalogue)))
    }

    /// The catalogue when it holds more than one ladder: the commands that read across
    /// ladders do so then; with one ladder they print as for a single file.
    pub fn many(&self) -> Result<Option<&Catalogue>> {
        Ok(self.catalogue()?.filter(|c| c.ladders.len() > 1))
    }

    /// The role a name means, with its ladder: in a catalogue, `LADDER/ROLE` or a name that
    /// only one ladder's roles match (see [`resolve::role_in`]); `--track` is a track of
    /// the role's ladder.
    pub fn role(&self, name: &str, track: &TrackArg) -> Result<(&Ladder, &Role)> {
        if let Some(catalogue) = self.catalogue()? {
            let (entry, role) = resolve::role_in(catalogue, name, track.name.as_deref())?;
            return Ok((&entry.ladder, role));
        }
        let name = self.unqualified(name)?;
        let ladder = self.ladder()?;
        let track = super::track(ladder, track)?;
        Ok((ladder, resolve::role(ladder, name, track)?))
    }

    /// For `LADDER/ROLE` in a catalogue folder: a context of that ladder's file alone, so
    /// that a command about one role reads no other ladder. `None` for any other name.
    pub fn narrowed(&self, name: &str) -> Result<Option<Context>> {
        let (Some(dir), Some((id, _))) = (&self.folder, name.split_once('/')) else {
            return Ok(None);
        };
        let (id, source) = ladder_file(dir, id)?;
        Ok(Some(Context {
            data: Some(PathBuf::from(&source.name)),
            folder: None,
            ladder_id: Some(id),
            term: self.term,
            format: self.format,
            header: self.header,
            source: OnceCell::from(source),
            ladder: OnceCell::new(),
            one_role: OnceCell::new(),
            catalogue: OnceCell::new(),
        }))
    }

    /// The name without the `ID/` of the ladder `--ladder` chose; a name of another ladder
    /// is refused. Without `--ladder`, the name as typed.
    pub(super) fn unqualified<'n>(&self, name: &'n str) -> Result<&'n str> {
        let Some(chosen) = &self.ladder_id else {
            return Ok(name);
        };
        match name.split_once('/') {
            Some((id, rest)) if id.eq_ignore_ascii_case(chosen) => Ok(rest),
            Some((id, _)) => Err(UsageError(format!(
                "{} names a role of ladder {}, but --ladder chose {chosen}",
                text::quoted(name),
                text::quoted(id)
            ))
            .into()),
            None => Ok(name),
        }
    }

    /// Writes a report in the chosen format, a table unless `--format` says otherwise.
    pub fn render(&self, out: &mut impl Write, report: &Report<'_>) -> Result<()> {
        let format = self.format.unwrap_or_default();
        render::render(out, report, format, self.header, &self.term)
    }

    /// The head of the ladder and the role with exactly this id, read without the other
    /// roles: from the embedded ladder, or from a `--data` file whose layout lets that role be
    /// read alone (see [`load::one_role`]). `None` means: load the whole ladder and resolve
    /// the name.
    pub fn one_role(&self, id: &str) -> Result<Option<&OneRole>> {
        if let Some(one) = self.one_role.get() {
            return Ok(Some(one));
        }
        if self.ladder.get().is_some() || self.folder.is_some() {
            return Ok(None);
        }
        let one = match &self.data {
            None => crate::embedded::one_role(id),
            Some(_) => load::one_role(self.source()?, id)?,
        };
        Ok(one.map(|one| self.one_role.get_or_init(|| one)))
    }

    /// Refuses a `--format` that a command cannot write: `only` is the one it can (besides
    /// its default), `None` when it takes no format at all; `produces` says what it writes.
    pub(super) fn only_format(
        &self,
        command: &str,
        produces: &str,
        only: Option<Format>,
    ) -> Result<()> {
        match self.format {
            None => Ok(()),
            Some(f) if Some(f) == only => Ok(()),
            Some(_) => {
                let allowed = match only.and_then(|f| f.to_possible_value()) {
                    Some(name) => format!("--format can only be {}", name.get_name()),
                    None => "it takes no --format".to_string(),
                };
                Err(UsageError(format!("{command} writes {produces}; {allowed}")).into())
            }
        }
    }
}

/// What `--data` (or `LADDER_DATA`) and `--ladder` choose: the ladder file, the catalogue
/// folder, the chosen ladder id, and the chosen ladder's source when it was read already.
type Chosen = (
    Option<PathBuf>,
    Option<PathBuf>,
    Option<String>,
    Option<Document>,
);

/// The ladder file, catalogue folder and chosen ladder id of a run, from `--data` (or
/// `LADDER_DATA`) and `--ladder`: a folder with `--ladder` is only that ladder's file, read
/// at once (checked as what was opened, so that it cannot be swapped after the check), and
/// nothing else is read. Only a `--data` path costs a look at the file system.
fn chosen(data: Option<PathBuf>, ladder: Option<String>) -> Result<Chosen> {
    let folder = data.as_deref().is_some_and(load::catalogue::is_folder);
    match (data, ladder, folder) {
        (Some(dir), Some(id), true) => {
            let (id, source) = ladder_file(&dir, &id)?;
            let file = PathBuf::from(&source.name);
            Ok((Some(file), None, Some(id), Some(source)))
        }
        (Some(dir), None, true) => Ok((None, Some(dir), None, None)),
        (data, None, _) => Ok((data, None, None, None)),
        (_, Some(_), _) => Err(UsageError(
            "--ladder chooses a ladder of a catalogue; use it with --data DIR (or LADDER_DATA=DIR)"
                .into(),
        )
        .into()),
    }
}

/// The id and source of the ladder `--ladder` names in a catalogue folder: the file of exactly
/// that id when there is one (nothing else is read), else an id that differs only in case.
fn ladder_file(dir: &std::path::Path, id: &str) -> Result<(String, Document)> {
    if let Some(source) = load::catalogue::file(dir, id)? {
        return Ok((id.to_string(), source));
    }
    let files = load::catalogue::files(dir)?;
    let Some((known, _)) = files
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(id))
    else {
        let ids = files.iter().map(|(known, _)| known.as_str());
        return Err(UsageError(format!(
            "unknown ladder {}; the ladders are {}",
            text::quoted(id),
            text::some_of(ids)
        ))
        .into());
    };
    let source = load::catalogue::file(dir, known)?.ok_or_else(|| {
        anyhow::anyhow!(
            "ladder {} went away while it was being read",
            text::quoted(known)
        )
    })?;
    Ok((known.clone(), source))
}

/// The ladder file to read: the flag wins over LADDER_DATA; an empty value of either means
/// the embedded ladder. (clap's own `env` refuses an empty variable, which `LADDER_DATA=
/// ladder ...` sets.)
pub fn data_file(flag: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(|| std::env::var_os("LADDER_DATA").map(PathBuf::from))
        .filter(|p| !p.as_os_str().is_empty())
}
