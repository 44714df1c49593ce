//! One module per subcommand; `execute` is the table of contents from the command line to them.

mod browse;
mod changes;
pub mod completions;
mod context;
mod diff;
mod dimensions;
mod evidence;
mod export;
mod import;
mod init;
mod ladders;
mod list;
mod man;
mod next;
mod path;
mod review;
mod schema;
mod search;
mod show;
mod tracks;
mod validate;

use std::io::Write;

use anyhow::{Context as _, Result};

use crate::cli::{Cli, Command, DetailArgs, DimensionArg, TrackArg};
use crate::exit::{Exit, UsageError};
use crate::model::{Catalogue, Dimension, Entry, Ladder, Track};
use crate::pager::{self, Output};
use crate::query::resolve;
use crate::render::{Format, Report};
use crate::term::Terminal;
use crate::text;
use crate::view::{Detail, PerLadder};

use std::io::IsTerminal as _;

use crate::source::Source;
pub use crate::source::{Need, Resolved};
pub use completions::complete_if_asked;
pub use context::Context;

/// Runs the parsed command line, writing to stdout, or through a pager on a terminal.
pub fn run(mut cli: Cli) -> Result<Exit> {
    let global = cli.globals();
    let term = Terminal::detect(global.color.unwrap_or_default());
    let paged = term.is_tty && !global.no_pager && pages(&cli.command);
    let pager = paged
        .then(|| pager::command(|name| std::env::var(name).ok()))
        .flatten();
    let ctx = Context::new(global, term)?;
    // A ladder typed on a terminal: say so, or the command would seem to hang.
    let reads = !matches!(
        cli.command,
        Command::Completions(_) | Command::Man(_) | Command::Init(_) | Command::Schema(_)
    );
    if reads && ctx.loader.source == Source::Stdin && std::io::stdin().is_terminal() {
        crate::render::reading_stdin(&mut std::io::stderr().lock())?;
    }
    let mut out = Output::start(pager.as_deref());
    let exit = dispatch(cli.command, &ctx, &mut out);
    // The pager is waited for even when the command failed, so the error shows after it.
    let finished = out.finish().context("could not write to stdout");
    // The process ends next: freeing the ladder's strings one by one costs instructions
    // (BENCHMARKS.md, "Figures the code relies on") for memory the exit returns anyway.
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
        | Command::Ladders(_)
        | Command::Tracks(_)
        | Command::Dimensions(_)
        | Command::Validate(_)
        | Command::Changes(_)
        | Command::Review(_) => true,
        Command::Evidence(args) => args.file.output.is_none(),
        Command::Browse(_)
        | Command::Export(_)
        | Command::Import(_)
        | Command::Completions(_)
        | Command::Man(_)
        | Command::Init(_)
        | Command::Schema(_) => false,
    }
}

/// Runs the parsed command line, writing to `out`.
pub fn execute(mut cli: Cli, term: Terminal, out: &mut impl Write) -> Result<Exit> {
    let ctx = Context::new(cli.globals(), term)?;
    dispatch(cli.command, &ctx, out)
}

/// The table of contents: each subcommand to its `run`.
fn dispatch(command: Command, ctx: &Context, out: &mut impl Write) -> Result<Exit> {
    match command {
        Command::List(args) => list::run(ctx, &args, out),
        Command::Show(args) => show::run(ctx, &args, out),
        Command::Diff(args) => diff::run(ctx, &args, out),
        Command::Next(args) => next::run(ctx, &args, out),
        Command::Browse(args) => browse::run(ctx, &args, out),
        Command::Path(args) => path::run(ctx, &args, out),
        Command::Evidence(args) => evidence::run(ctx, &args, out),
        Command::Export(args) => export::run(ctx, &args, out),
        Command::Import(args) => import::run(ctx, &args, out),
        Command::Search(args) => search::run(ctx, &args, out),
        Command::Ladders(_) => ladders::run(ctx, out),
        Command::Tracks(_) => tracks::run(ctx, out),
        Command::Dimensions(_) => dimensions::run(ctx, out),
        Command::Validate(args) => validate::run(ctx, &args, out),
        Command::Completions(args) => completions::run(ctx, &args, out),
        Command::Man(args) => man::run(ctx, &args, out),
        Command::Changes(args) => changes::run(ctx, &args, out),
        Command::Review(args) => review::run(ctx, &args, out),
        Command::Init(args) => init::run(ctx, &args, out),
        Command::Schema(args) => schema::run(ctx, &args, out),
    }
}

/// How much of a comparison to show, and how: `--brief` is a list for people, refused with
/// the machine formats, which carry every change; `--word-diff` marks words in the table,
/// where the other formats have their own way.
fn detail(ctx: &Context, arg: &DetailArgs) -> Result<Detail> {
    let format = ctx.format.unwrap_or_default();
    match (arg.brief, arg.word_diff, format) {
        (false, false, _) => Ok(Detail::Full),
        (true, _, Format::Table | Format::Markdown) => Ok(Detail::Brief),
        (true, _, Format::Json | Format::Tsv) => Err(UsageError(
            "--brief is a list for people: use it with the table or markdown format, not json or tsv"
                .into(),
        )
        .into()),
        (false, true, Format::Table) => Ok(Detail::WordDiff),
        (false, true, _) => Err(UsageError(
            "--word-diff marks words in the table only: markdown shows B's added words in \
             bold, json lists them as added and dropped, and tsv keeps each text whole"
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
fn dimensions_asked<'a>(ladder: &'a Ladder, arg: &DimensionArg) -> Result<Vec<&'a Dimension>> {
    Ok(match dimension(ladder, arg)? {
        Some(one) => vec![one],
        None => ladder.dimensions.iter().collect(),
    })
}

/// The report of a command about whole ladders without arguments (`tracks`, `dimensions`):
/// `one` of the ladder's `view`, or in a catalogue of several ladders `each` of every
/// ladder's.
fn whole<'a, V>(
    ctx: &'a Context,
    view: impl Fn(&'a Ladder) -> V,
    one: impl FnOnce(V) -> Report<'a>,
    each: impl FnOnce(PerLadder<'a, V>) -> Report<'a>,
) -> Result<Report<'a>> {
    Ok(match ctx.loader.many()? {
        Some(catalogue) => each(PerLadder::of(
            catalogue.ladders.iter().map(|e| (e, view(&e.ladder))),
        )),
        None => one(view(ctx.loader.ladder()?)),
    })
}

/// One ladder of a catalogue as a command about whole ladders reads it: the ladder, the track
/// `--track` names in it (if given) and the dimensions `--dimension` asks for in it.
type InLadder<'a> = (&'a Entry, Option<&'a Track>, Vec<&'a Dimension>);

/// In a catalogue, each ladder that has `track` (every ladder, without one), with that track
/// and the dimensions `--dimension` asks for in it. A ladder without that dimension is left
/// out, as one without the track is; when every one is, that is a usage error: the ladder's
/// own, when only one had the track.
fn each_ladder<'a>(
    catalogue: &'a Catalogue,
    track: Option<&str>,
    dimension: &DimensionArg,
) -> Result<Vec<InLadder<'a>>> {
    let (mut kept, mut refused) = (Vec::new(), Vec::new());
    for (entry, track) in resolve::with_track(catalogue, track)? {
        match dimensions_asked(&entry.ladder, dimension) {
            Ok(dimensions) => kept.push((entry, track, dimensions)),
            Err(error) => refused.push(error),
        }
    }
    if !kept.is_empty() {
        return Ok(kept);
    }
    if let [_] = refused.as_slice() {
        return Err(refused.remove(0));
    }
    let with = track.map_or(String::new(), |t| {
        format!(" with track {}", text::quoted(t))
    });
    Err(UsageError(format!(
        "no ladder of the catalogue{with} has dimension {}; run `ladder dimensions`",
        text::quoted(dimension.name.as_deref().unwrap_or_default())
    ))
    .into())
}
