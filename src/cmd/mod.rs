//! One module per subcommand; `execute` is the table of contents from the command line to them.

mod completions;
mod diff;
mod dimensions;
mod evidence;
mod export;
mod import;
mod list;
mod man;
mod next;
mod path;
mod search;
mod show;
mod tracks;
mod validate;

use std::cell::OnceCell;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::ValueEnum;

use crate::cli::{BriefArg, Cli, Command, DimensionArg, GlobalArgs, TrackArg};
use crate::exit::{Exit, UsageError};
use crate::load::{self, OneRole};
use crate::model::{Dimension, Ladder, Track};
use crate::pager::{self, Output};
use crate::query::resolve;
use crate::render::{self, Format, Header, Report};
use crate::source::Source;
use crate::term::Terminal;
use crate::view::Detail;

pub use completions::complete_if_asked;

/// What every subcommand needs besides its own arguments, resolved once.
#[derive(Debug)]
pub struct Context {
    /// The ladder file named by `--data` or `LADDER_DATA`; `None` means the embedded ladder.
    pub data: Option<PathBuf>,
    /// Colour and width, decided once from `--color`, the environment and the terminal.
    pub term: Terminal,
    /// The `--format` the user chose; `None` leaves each command its default (a table, or
    /// Markdown for `evidence`). Kept as given, so that `list --ids` can refuse any choice and
    /// `evidence` any but markdown.
    pub format: Option<Format>,
    /// Whether TSV starts with its header line (`--no-header`, allowed only with tsv).
    pub header: Header,
    source: OnceCell<Source>,
    ladder: OnceCell<Ladder>,
    one_role: OnceCell<OneRole>,
}

impl Context {
    /// The ladder's source text: the `--data` file, or the embedded ladder; read once.
    pub fn source(&self) -> Result<&Source> {
        if let Some(source) = self.source.get() {
            return Ok(source);
        }
        let source = match &self.data {
            Some(path) => load::read(path)?,
            None => Source::embedded(),
        };
        Ok(self.source.get_or_init(|| source))
    }

    /// The ladder, loaded the first time a command asks for it.
    pub fn ladder(&self) -> Result<&Ladder> {
        if let Some(ladder) = self.ladder.get() {
            return Ok(ladder);
        }
        let ladder = match &self.data {
            Some(_) => Ladder::load(self.source()?)?,
            None => crate::embedded::ladder(),
        };
        Ok(self.ladder.get_or_init(|| ladder))
    }

    /// Writes a report in the chosen format, a table unless `--format` says otherwise.
    pub fn render(&self, out: &mut impl Write, report: &Report<'_>) -> Result<()> {
        let format = self.format.unwrap_or_default();
        render::render(out, report, format, self.header, &self.term)
    }

    /// The head of the ladder and the role with exactly this id, when a `--data` file names
    /// it so and its layout lets that role be read alone (see [`load::one_role`]); `None`
    /// means: load the whole ladder and resolve the name.
    pub fn one_role(&self, id: &str) -> Result<Option<&OneRole>> {
        if let Some(one) = self.one_role.get() {
            return Ok(Some(one));
        }
        if self.data.is_none() || self.ladder.get().is_some() {
            return Ok(None);
        }
        Ok(load::one_role(self.source()?, id)?.map(|one| self.one_role.get_or_init(|| one)))
    }
}

/// Runs the parsed command line, writing to stdout, or through a pager on a terminal.
pub fn run(cli: Cli) -> Result<Exit> {
    let term = Terminal::detect(cli.global.color);
    let paged = term.is_tty && !cli.global.no_pager && pages(&cli.command);
    let pager = paged
        .then(|| pager::command(|name| std::env::var(name).ok()))
        .flatten();
    let ctx = Context::new(cli.global, term)?;
    let mut out = Output::start(pager.as_deref());
    let exit = dispatch(cli.command, &ctx, &mut out);
    // The pager is waited for even when the command failed, so the error shows after it.
    let finished = out.finish().context("could not write to stdout");
    // The process ends next: freeing the ladder's thousand strings one by one would cost 6% of
    // the instructions of `ladder show` (BENCHMARKS.md), for memory the exit returns anyway.
    std::mem::forget(ctx);
    let exit = exit?;
    finished?;
    Ok(exit)
}

/// Whether a command's output is a view that may be long enough to page. Commands that write
/// files, scripts or the manual's source print to stdout directly.
fn pages(command: &Command) -> bool {
    match command {
        Command::List(_)
        | Command::Show(_)
        | Command::Diff(_)
        | Command::Next(_)
        | Command::Path(_)
        | Command::Search(_)
        | Command::Tracks
        | Command::Dimensions
        | Command::Validate(_) => true,
        Command::Evidence(args) => args.file.output.is_none(),
        Command::Export(_) | Command::Import(_) | Command::Completions(_) | Command::Man => false,
    }
}

/// Runs the parsed command line, writing to `out`.
pub fn execute(cli: Cli, term: Terminal, out: &mut impl Write) -> Result<Exit> {
    let ctx = Context::new(cli.global, term)?;
    dispatch(cli.command, &ctx, out)
}

impl Context {
    /// The context of one run: nothing read yet. Refuses `--no-header` without `--format
    /// tsv`, the only format with a header line.
    fn new(global: GlobalArgs, term: Terminal) -> Result<Context> {
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
            data: data_file(global.data),
            term,
            format: global.format,
            header,
            source: OnceCell::new(),
            ladder: OnceCell::new(),
            one_role: OnceCell::new(),
        })
    }
}

/// The ladder file to read: the flag wins over LADDER_DATA; an empty value of either means
/// the embedded ladder. (clap's own `env` refuses an empty variable, which `LADDER_DATA=
/// ladder ...` sets.)
pub fn data_file(flag: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(|| std::env::var_os("LADDER_DATA").map(PathBuf::from))
        .filter(|p| !p.as_os_str().is_empty())
}

impl Context {
    /// Refuses a `--format` that a command cannot write: `only` is the one it can (besides
    /// its default), `None` when it takes no format at all; `produces` says what it writes.
    fn only_format(&self, command: &str, produces: &str, only: Option<Format>) -> Result<()> {
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

/// The table of contents: each subcommand to its `run`.
fn dispatch(command: Command, ctx: &Context, out: &mut impl Write) -> Result<Exit> {
    match command {
        Command::List(args) => list::run(ctx, &args, out),
        Command::Show(args) => show::run(ctx, &args, out),
        Command::Diff(args) => diff::run(ctx, &args, out),
        Command::Next(args) => next::run(ctx, &args, out),
        Command::Path(args) => path::run(ctx, &args, out),
        Command::Evidence(args) => evidence::run(ctx, &args, out),
        Command::Export(args) => export::run(ctx, &args, out),
        Command::Import(args) => import::run(&args, out),
        Command::Search(args) => search::run(ctx, &args, out),
        Command::Tracks => tracks::run(ctx, out),
        Command::Dimensions => dimensions::run(ctx, out),
        Command::Validate(args) => validate::run(ctx, &args, out),
        Command::Completions(args) => completions::run(ctx, &args, out),
        Command::Man => man::run(ctx, out),
    }
}

/// How much of a comparison to show: `--brief` is a list for people, refused with the
/// machine formats, which carry every change.
fn detail(ctx: &Context, arg: &BriefArg) -> Result<Detail> {
    if !arg.brief {
        return Ok(Detail::Full);
    }
    match ctx.format.unwrap_or_default() {
        Format::Table | Format::Markdown => Ok(Detail::Brief),
        Format::Json | Format::Tsv => Err(UsageError(
            "--brief is a list for people: use it with the table or markdown format, not json or tsv"
                .into(),
        )
        .into()),
    }
}

/// The track named by `--track`, if any.
fn track<'a>(ladder: &'a Ladder, arg: &TrackArg) -> Result<Option<&'a Track>> {
    Ok(arg
        .name
        .as_deref()
        .map(|t| resolve::track(ladder, t))
        .transpose()?)
}

/// The dimension named by `--dimension`, if any.
fn dimension<'a>(ladder: &'a Ladder, arg: &DimensionArg) -> Result<Option<&'a Dimension>> {
    Ok(arg
        .name
        .as_deref()
        .map(|d| resolve::dimension(ladder, d))
        .transpose()?)
}

/// The dimensions a command covers: the one named by `--dimension`, or all of them.
fn dimensions<'a>(ladder: &'a Ladder, arg: &DimensionArg) -> Result<Vec<&'a Dimension>> {
    Ok(match dimension(ladder, arg)? {
        Some(one) => vec![one],
        None => ladder.dimensions.iter().collect(),
    })
}
