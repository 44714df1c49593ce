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
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context as _, Result};

use crate::cli::{Cli, Command, DimensionArg, TrackArg};
use crate::exit::Exit;
use crate::load;
use crate::model::{Dimension, Ladder, Track};
use crate::query::resolve;
use crate::render::{self, Format, Report};
use crate::source::Source;
use crate::term::Terminal;

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
    source: OnceCell<Source>,
    ladder: OnceCell<Ladder>,
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
        render::render(out, report, self.format.unwrap_or_default(), &self.term)
    }

    /// The ladder for a command about one role. When a `--data` file names the role by its
    /// exact id, only the file's head and that role are parsed (see [`Ladder::load_role`]).
    pub fn ladder_for_role(&self, name: &str) -> Result<&Ladder> {
        if self.data.is_some() && self.ladder.get().is_none() {
            if let Some(partial) = Ladder::load_role(self.source()?, name)? {
                return Ok(self.ladder.get_or_init(|| partial));
            }
        }
        self.ladder()
    }
}

/// Runs the parsed command line, writing to stdout.
pub fn run(cli: Cli) -> Result<Exit> {
    let term = Terminal::detect(cli.global.color);
    let mut out = BufWriter::new(io::stdout().lock());
    let ctx = Context::new(cli.global.data, cli.global.format, term);
    let exit = dispatch(cli.command, &ctx, &mut out)?;
    out.flush().context("could not write to stdout")?;
    // The process ends next: freeing the ladder's thousand strings one by one would cost 6% of
    // the instructions of `ladder show` (BENCHMARKS.md), for memory the exit returns anyway.
    std::mem::forget(ctx);
    Ok(exit)
}

/// Runs the parsed command line, writing to `out`.
pub fn execute(cli: Cli, term: Terminal, out: &mut impl Write) -> Result<Exit> {
    let ctx = Context::new(cli.global.data, cli.global.format, term);
    dispatch(cli.command, &ctx, out)
}

impl Context {
    /// The context of one run: nothing read yet.
    fn new(data: Option<PathBuf>, format: Option<Format>, term: Terminal) -> Context {
        // The flag wins over LADDER_DATA; an empty value of either means the embedded ladder.
        // (clap's own `env` refuses an empty variable, which `LADDER_DATA= ladder ...` sets.)
        let data = data
            .or_else(|| std::env::var_os("LADDER_DATA").map(PathBuf::from))
            .filter(|p| !p.as_os_str().is_empty());
        Context {
            data,
            term,
            format,
            source: OnceCell::new(),
            ladder: OnceCell::new(),
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
        Command::Man => man::run(out),
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
