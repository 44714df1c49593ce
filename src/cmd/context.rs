//! The context of one run: what every subcommand needs besides its own arguments (where the
//! ladder comes from and what was read of it, the terminal, the format), chosen once.

use std::io::Write;

use anyhow::Result;
use clap::ValueEnum;

use crate::cli::GlobalArgs;
use crate::exit::UsageError;
use crate::render::{self, Format, Header, Report};
use crate::source::{Loader, Source, data_path};
use crate::term::Terminal;

/// What every subcommand needs besides its own arguments, resolved once.
#[derive(Debug)]
pub struct Context {
    /// Where the ladder comes from (`--data` or `LADDER_DATA`, and `--ladder`), and what was
    /// read of it.
    pub loader: Loader,
    /// Colour and width, decided once from `--color`, the environment and the terminal.
    pub term: Terminal,
    /// The `--format` the user chose; `None` leaves each command its default (a table, or
    /// Markdown for `evidence`). Kept as given, so that `list --ids` can refuse any choice and
    /// `evidence` any but markdown.
    pub format: Option<Format>,
    /// Whether TSV starts with its header line (`--no-header`, allowed only with tsv).
    pub header: Header,
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
        let source = Source::choose(data_path(global.data), global.ladder)?;
        Ok(Context {
            loader: Loader::new(source),
            term,
            format: global.format,
            header,
        })
    }

    /// Writes a report in the chosen format, a table unless `--format` says otherwise.
    pub fn render(&self, out: &mut impl Write, report: &Report<'_>) -> Result<()> {
        self.render_as(out, report, Format::default())
    }

    /// Writes a report in the chosen format, `default` unless `--format` says otherwise.
    pub fn render_as(
        &self,
        out: &mut impl Write,
        report: &Report<'_>,
        default: Format,
    ) -> Result<()> {
        let format = self.format.unwrap_or(default);
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
