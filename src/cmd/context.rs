//! The context of one run: what every subcommand needs besides its own arguments (where the
//! ladder comes from, the terminal, the format), chosen once; the ladder, catalogue or role is
//! read lazily, once, on first use.

use std::cell::OnceCell;
use std::io::Write;

use anyhow::{Result, bail};
use clap::ValueEnum;

use crate::cli::GlobalArgs;
use crate::document::Document;
use crate::exit::UsageError;
use crate::load::OneRole;
use crate::model::{Catalogue, Ladder};
use crate::render::{self, Format, Header, Report};
use crate::source::{Source, data_path};
use crate::term::Terminal;
use crate::text;

/// What every subcommand needs besides its own arguments, resolved once.
#[derive(Debug)]
pub struct Context {
    /// Where the ladder comes from: `--data` (or `LADDER_DATA`) and `--ladder`.
    pub source: Source,
    /// Colour and width, decided once from `--color`, the environment and the terminal.
    pub term: Terminal,
    /// The `--format` the user chose; `None` leaves each command its default (a table, or
    /// Markdown for `evidence`). Kept as given, so that `list --ids` can refuse any choice and
    /// `evidence` any but markdown.
    pub format: Option<Format>,
    /// Whether TSV starts with its header line (`--no-header`, allowed only with tsv).
    pub header: Header,
    document: OnceCell<Document>,
    ladder: OnceCell<Ladder>,
    catalogue: OnceCell<Catalogue>,
    /// What the resolver read for the roles a command named (see `roles.rs`): one role and
    /// its ladder's head, or the ladders of a catalogue that the names qualify.
    pub(super) one_role: OnceCell<(Option<String>, OneRole)>,
    pub(super) members: OnceCell<Catalogue>,
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
        Ok(Context {
            source: Source::choose(data_path(global.data), global.ladder)?,
            term,
            format: global.format,
            header,
            document: OnceCell::new(),
            ladder: OnceCell::new(),
            catalogue: OnceCell::new(),
            one_role: OnceCell::new(),
            members: OnceCell::new(),
        })
    }

    /// The text of the ladder, read once: the file, stdin, the catalogue's chosen ladder or
    /// the embedded ladder. A catalogue folder has no one text: `validate` reads it file by file.
    pub fn document(&self) -> Result<&Document> {
        if let Some(document) = self.document.get() {
            return Ok(document);
        }
        let Some(document) = self.source.document()? else {
            bail!("a catalogue folder is read ladder by ladder");
        };
        Ok(self.document.get_or_init(|| document))
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
        let ladder = match &self.source {
            Source::Embedded => crate::embedded::ladder(),
            _ => Ladder::load(self.document()?)?,
        };
        Ok(self.ladder.get_or_init(|| ladder))
    }

    /// The catalogue of `--data DIR`, loaded the first time a command asks for it; `None` when
    /// the ladder is one file or the embedded one.
    pub fn catalogue(&self) -> Result<Option<&Catalogue>> {
        if let Some(catalogue) = self.catalogue.get() {
            return Ok(Some(catalogue));
        }
        let Some(catalogue) = self.source.catalogue()? else {
            return Ok(None);
        };
        Ok(Some(self.catalogue.get_or_init(|| catalogue)))
    }

    /// The catalogue when it holds more than one ladder: the commands that read across
    /// ladders do so then; with one ladder they print as for a single file.
    pub fn many(&self) -> Result<Option<&Catalogue>> {
        Ok(self.catalogue()?.filter(|c| c.ladders.len() > 1))
    }

    /// Writes a report in the chosen format, a table unless `--format` says otherwise.
    pub fn render(&self, out: &mut impl Write, report: &Report<'_>) -> Result<()> {
        let format = self.format.unwrap_or_default();
        render::render(out, report, format, self.header, &self.term)
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
