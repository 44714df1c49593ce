//! What the user can type: the clap definitions, whose doc comments are the help text.

use std::path::PathBuf;

use clap::{Arg, Args, ColorChoice, Parser, Subcommand, ValueEnum, ValueHint};

use crate::render::Format;

/// The shells `ladder` completes in, for `ladder completions SHELL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

impl Shell {
    /// The line that registers completion in the shell's start-up file: it runs `ladder` with
    /// `LADDER_COMPLETE` set, which prints the script that asks `ladder` for candidates at
    /// each TAB.
    pub fn registration(self) -> &'static str {
        match self {
            Shell::Bash => "source <(LADDER_COMPLETE=bash ladder)",
            Shell::Zsh => "source <(LADDER_COMPLETE=zsh ladder)",
            Shell::Fish => "LADDER_COMPLETE=fish ladder | source",
            Shell::Elvish => "eval (E:LADDER_COMPLETE=elvish ladder | slurp)",
            Shell::Powershell => {
                "$env:LADDER_COMPLETE = \"powershell\"; ladder | Out-String | Invoke-Expression; \
                 Remove-Item Env:\\LADDER_COMPLETE"
            }
        }
    }
}

mod help;

use help::*;
pub use help::{EXAMPLES, EXIT_CODES, NAMING, fitted};

/// Explore a career ladder from the terminal.
///
/// Ships with the Security Operations ladder: security analysts, security
/// engineers, cloud security engineers and technical leads, levels L1 to L4.
#[derive(Debug, Parser)]
// The about line straight above the usage, and `-V` named only in `--help`: `ladder -h` lists
// every command and still fits 30 lines of 80 columns.
#[command(
    name = "ladder",
    version,
    disable_version_flag = true,
    help_template = "{about-with-newline}{usage-heading} {usage}\n\n{all-args}{after-help}",
    after_help = SHORT_HELP,
    after_long_help = AFTER_HELP,
    max_term_width = 100
)]
pub struct Cli {
    /// Print version
    #[arg(short = 'V', long, action = clap::ArgAction::Version, hide_short_help = true)]
    version: Option<bool>,

    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// The heading the options of [`GlobalArgs`] are listed under in every help.
pub const GLOBAL: &str = "Global options";

// Options that every subcommand accepts, before its name or after it.
//
// They are flattened into the top level and into each subcommand's arguments rather than
// marked `global`: clap clones a global option into every subcommand at every start and drops
// it again, work every command paid for (BENCHMARKS.md, "The start-up budget").
// `Cli::globals` merges the two places, the later one winning. Plain comments, as on
// the argument structs below: a doc comment would become each subcommand's description.
#[derive(Debug, Default, Args)]
pub struct GlobalArgs {
    /// When to use colour: auto (the default), always or never
    ///
    /// auto: only when stdout is a terminal and NO_COLOR is unset.
    #[arg(long, value_name = "WHEN", help_heading = GLOBAL, hide_short_help = true)]
    pub color: Option<ColorChoice>,

    /// Output format: table (the default), json, markdown or tsv
    ///
    /// A table for people, or json, markdown or tsv for scripts and documents. evidence and
    /// export write only markdown; browse, completions, init, man and schema take no --format.
    #[arg(long, value_name = "FORMAT", value_enum, help_heading = GLOBAL, hide_short_help = true)]
    pub format: Option<Format>,

    /// Read the ladder from this file or folder
    ///
    /// A TOML file (`-` for stdin) instead of the embedded ladder, or a folder whose `*.toml`
    /// ladders are read as one catalogue [env: LADDER_DATA].
    #[arg(
        long,
        value_name = "FILE|DIR",
        value_hint = ValueHint::AnyPath,
        help_heading = GLOBAL,
        hide_short_help = true
    )]
    pub data: Option<PathBuf>,

    /// Use only this ladder of a catalogue
    ///
    /// With a catalogue (--data DIR): the ladder with this id (its file's stem).
    #[arg(long, value_name = "ID", help_heading = GLOBAL, hide_short_help = true)]
    pub ladder: Option<String>,

    /// Never page
    ///
    /// On a terminal, long views otherwise go through $LADDER_PAGER, $PAGER or `less -FRX`.
    #[arg(long, help_heading = GLOBAL, hide_short_help = true)]
    pub no_pager: bool,

    /// With --format tsv: no header line
    ///
    /// Every line is then a record.
    #[arg(long, help_heading = GLOBAL, hide_short_help = true)]
    pub no_header: bool,
}

impl GlobalArgs {
    /// These options, overridden by those given later on the command line.
    fn then(self, later: GlobalArgs) -> GlobalArgs {
        GlobalArgs {
            color: later.color.or(self.color),
            format: later.format.or(self.format),
            data: later.data.or(self.data),
            ladder: later.ladder.or(self.ladder),
            no_pager: self.no_pager || later.no_pager,
            no_header: self.no_header || later.no_header,
        }
    }
}

impl Cli {
    /// The global options as typed before the subcommand's name, then after it.
    pub fn globals(&mut self) -> GlobalArgs {
        let after = std::mem::take(self.command.global_mut());
        std::mem::take(&mut self.global).then(after)
    }
}

// The global options alone, for the subcommands that take no argument of their own.
#[derive(Debug, Args)]
pub struct GlobalOnly {
    #[command(flatten)]
    pub global: GlobalArgs,
}

/// The subcommands, one file each under `src/cmd/`.
///
/// `defer`: a subcommand's arguments are added only when clap builds that subcommand (the one
/// typed; all of them for help, completions and the manual page), so a run does not build and
/// drop the arguments of every other subcommand, which it never reads (what that saves:
/// BENCHMARKS.md, "Figures the code relies on"). The argument structs
/// below carry plain comments, not doc comments: a deferred subcommand would take a doc
/// comment of its struct as its description. Each variant's first paragraph is its line in
/// `ladder -h`: keep it under 64 characters, so that the list fits 80 columns.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// List every role: level, id, title, tracks and summary
    #[command(after_help = LIST_SHORT, after_long_help = LIST_LONG)]
    List(ListArgs),

    /// Show one role in full: attributes, expectations, examples
    ///
    /// Attributes first, then the expectations and examples of each dimension.
    #[command(after_help = SHOW_SHORT, after_long_help = SHOW_LONG)]
    Show(ShowArgs),

    /// Compare two roles, statement by statement
    ///
    /// A summary per dimension, then both sides statement by statement, theme by theme.
    #[command(after_help = DIFF_SHORT, after_long_help = DIFF_LONG)]
    Diff(DiffArgs),

    /// Compare a role with the next level on its track
    ///
    /// What is new at the next level and what grows.
    #[command(after_help = NEXT_SHORT, after_long_help = NEXT_LONG)]
    Next(NextArgs),

    /// Browse two levels side by side on a full screen, with keys
    ///
    /// A and B compared as ladder diff compares them: by default ROLE (or the first role) and the next
    /// level on its track. Arrows step B (Shift: A) along its track, t changes track, Tab and
    /// 1–9 move between dimensions, b shows only what is new and grows, / searches, r picks any
    /// role (of every ladder of a catalogue), e writes the evidence outline for B from A, ?
    /// lists every key, q quits. Needs a terminal on stdin and stdout (in a pipe, use diff).
    #[command(after_help = BROWSE_SHORT, after_long_help = BROWSE_LONG)]
    Browse(BrowseArgs),

    /// Show a track as a matrix of levels, attributes and themes
    ///
    /// One column per level, one row per attribute and theme.
    #[command(after_help = PATH_SHORT, after_long_help = PATH_LONG)]
    Path(PathArgs),

    /// Write a Markdown outline for gathering evidence
    ///
    /// For a progression conversation: every expectation of the role, the new ones marked, with
    /// room for what you did.
    #[command(after_help = EVIDENCE_SHORT, after_long_help = EVIDENCE_LONG)]
    Evidence(EvidenceArgs),

    /// Export the ladder as a Markdown handbook
    ///
    /// An index page and one page per role.
    #[command(after_help = EXPORT_SHORT, after_long_help = EXPORT_LONG)]
    Export(ExportArgs),

    /// Read a Markdown handbook or a spreadsheet into a ladder file
    ///
    /// A folder of Markdown level pages (and its README.md index), or a .csv/.tsv spreadsheet,
    /// written as a ladder TOML file.
    #[command(after_help = IMPORT_SHORT, after_long_help = IMPORT_LONG)]
    Import(ImportArgs),

    /// Search titles, summaries, statements and examples
    ///
    /// Titles, summaries, attribute values, expectations and examples.
    #[command(after_help = SEARCH_SHORT, after_long_help = SEARCH_LONG)]
    Search(SearchArgs),

    /// List the ladders of a catalogue (--data DIR)
    ///
    /// Each ladder's id, name, role count and tracks.
    #[command(after_help = LADDERS_SHORT, after_long_help = LADDERS_LONG)]
    Ladders(GlobalOnly),

    /// Show the tracks: each career path with its roles
    ///
    /// Level by level.
    #[command(after_help = TRACKS_SHORT, after_long_help = TRACKS_LONG)]
    Tracks(GlobalOnly),

    /// Show the attributes and dimensions, with their themes
    ///
    /// What every role is described by.
    #[command(after_help = DIMENSIONS_SHORT, after_long_help = DIMENSIONS_LONG)]
    Dimensions(GlobalOnly),

    /// Check a ladder file: syntax, shape, references, ids, text
    #[command(after_help = VALIDATE_SHORT, after_long_help = VALIDATE_LONG)]
    Validate(ValidateArgs),

    /// Compare two versions of a ladder, role by role
    ///
    /// What changed, role by role, and whether what is expected of anyone did.
    #[command(after_help = CHANGES_SHORT, after_long_help = CHANGES_LONG)]
    Changes(ChangesArgs),

    /// Read back a filled evidence outline: where it is thin
    ///
    /// Per dimension, what has evidence, and where the evidence for the level is still thin.
    #[command(after_help = REVIEW_SHORT, after_long_help = REVIEW_LONG)]
    Review(ReviewArgs),

    /// Write a ladder skeleton to start a ladder from
    ///
    /// The name, levels, tracks and dimensions given, one role per level and track with empty
    /// lists of expectations, and a comment at each place that says what goes there. On a
    /// terminal, what the flags leave out is asked for, one question at a time.
    #[command(after_help = INIT_SHORT, after_long_help = INIT_LONG)]
    Init(InitArgs),

    /// Print the JSON Schema of the ladder file or of the JSON output
    ///
    /// JSON Schema draft 2020-12, generated from the program's own types. `file` (the default):
    /// the ladder file format, from the types the loader reads, each key described; for an
    /// editor that checks and completes the file as it is typed (taplo's `#:schema` directive,
    /// which `ladder init` writes), or for a check in CI. `json`: the documents `--format json`
    /// writes, from the types they are written from; every document a command writes passes it.
    #[command(after_help = SCHEMA_SHORT, after_long_help = SCHEMA_LONG)]
    Schema(SchemaArgs),

    /// Print the line that turns on completion in a shell
    ///
    /// The shell then asks ladder itself at each TAB, so role, track, dimension and level ids
    /// come from the ladder in use at that moment: --data on the line, else LADDER_DATA, else
    /// the embedded one; matched without regard to case, with titles beside them in zsh and
    /// fish.
    #[command(after_help = COMPLETIONS_SHORT, after_long_help = COMPLETIONS_LONG)]
    Completions(CompletionsArgs),

    /// Print a manual page (roff): ladder(1) or ladder-format(5)
    ///
    /// ladder(1): the commands with their options, exit codes and examples; ladder-format(5):
    /// the ladder file format.
    #[command(after_help = MAN_SHORT, after_long_help = MAN_LONG)]
    Man(ManArgs),
}

impl Command {
    /// The global options typed after the subcommand's name.
    fn global_mut(&mut self) -> &mut GlobalArgs {
        match self {
            Command::List(a) => &mut a.global,
            Command::Show(a) => &mut a.global,
            Command::Diff(a) => &mut a.global,
            Command::Next(a) => &mut a.global,
            Command::Browse(a) => &mut a.global,
            Command::Path(a) => &mut a.global,
            Command::Evidence(a) => &mut a.global,
            Command::Export(a) => &mut a.global,
            Command::Import(a) => &mut a.global,
            Command::Search(a) => &mut a.global,
            Command::Validate(a) => &mut a.global,
            Command::Changes(a) => &mut a.global,
            Command::Review(a) => &mut a.global,
            Command::Completions(a) => &mut a.global,
            Command::Man(a) => &mut a.global,
            Command::Init(a) => &mut a.global,
            Command::Schema(a) => &mut a.global,
            Command::Ladders(a) | Command::Tracks(a) | Command::Dimensions(a) => &mut a.global,
        }
    }
}

// `--track TRACK`, defined once and flattened into every command that takes an optional track.
// What the track settles differs by command, so each command words the help ([`help_of`]).
#[derive(Debug, Default, Args)]
pub struct TrackArg {
    /// The track, by its id (case-insensitive).
    #[arg(id = "track", long = "track", short = 't', value_name = "TRACK")]
    pub name: Option<String>,
}

// `--brief` and `--word-diff`, defined once and flattened into `diff` and `next`.
#[derive(Debug, Args)]
pub struct DetailArgs {
    /// Only what is new and what grows, as a list
    ///
    /// A plain list per dimension (Markdown with --format markdown); not with json or tsv.
    #[arg(long)]
    pub brief: bool,

    /// Mark the words a pair changes, as git does
    ///
    /// {+added+} at B and [-dropped-] at A, as git diff --word-diff=plain does, in the table. With colour on, the words B adds are
    /// bold and those A drops dim in any case; Markdown puts B's added words in bold, JSON
    /// lists both.
    #[arg(long, conflicts_with = "brief")]
    pub word_diff: bool,
}

// `--dimension DIMENSION`, defined once and flattened into every command that takes it.
#[derive(Debug, Args)]
pub struct DimensionArg {
    /// Only this dimension
    ///
    /// Its id, name, or an unambiguous part of either.
    #[arg(
        id = "dimension",
        long = "dimension",
        short = 'd',
        value_name = "DIMENSION"
    )]
    pub name: Option<String>,
}

/// Words the help of a shared argument for one command, as `#[command(mut_args(help_of(..)))]`
/// on its struct. Help given this way is printed as written: end it without a full stop, as
/// clap does for doc comments. (`mut_arg` would move the argument last in `man` and the
/// completions.)
fn help_of(id: &'static str, help: &'static str) -> impl FnMut(Arg) -> Arg {
    help_and_more(id, help, "")
}

/// As [`help_of`], with `more` after the one line of `-h` in `--help` (nothing when empty).
fn help_and_more(
    id: &'static str,
    help: &'static str,
    more: &'static str,
) -> impl FnMut(Arg) -> Arg {
    move |arg| {
        if arg.get_id() != id {
            arg
        } else if more.is_empty() {
            arg.help(help).long_help(None::<&str>)
        } else {
            arg.help(help).long_help(format!("{help}\n\n{more}"))
        }
    }
}

// Arguments of `ladder list`.
#[derive(Debug, Args)]
#[command(mut_args(help_of("track", "Only the roles on this track")))]
pub struct ListArgs {
    #[command(flatten)]
    pub track: TrackArg,

    /// Print only the role ids, one per line, for scripts.
    #[arg(long)]
    pub ids: bool,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder show`.
#[derive(Debug, Args)]
#[command(
    override_usage = "ladder show [OPTIONS] <ROLE>\n       ladder show --all [OPTIONS]",
    mut_args(help_and_more(
        "track",
        "The track of a level or an ambiguous name",
        "With --all, only the roles on this track."
    ))
)]
pub struct ShowArgs {
    /// The role: an id, a level with --track, or a part
    ///
    /// A full id, a level with --track, or an unambiguous part of an id or title.
    #[arg(value_name = "ROLE", required_unless_present = "all")]
    pub role: Option<String>,

    /// Every role, in the order of the ladder file
    ///
    /// With --track, the roles on that track; json and markdown lead with the ladder's
    /// attributes, dimensions and tracks. In a catalogue (--data DIR), every ladder (that has
    /// the track) under its heading.
    #[arg(long, conflicts_with = "role")]
    pub all: bool,

    #[command(flatten)]
    pub track: TrackArg,

    #[command(flatten)]
    pub dimension: DimensionArg,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder diff`.
#[derive(Debug, Args)]
#[command(mut_args(help_and_more(
    "track",
    "The track that settles A and B",
    "Levels (L2 L3 --track engineer) and names that more than one track holds."
)))]
pub struct DiffArgs {
    /// The role to compare from (usually the current level).
    #[arg(value_name = "A")]
    pub from: String,

    /// The role to compare with (usually the next level).
    #[arg(value_name = "B")]
    pub to: String,

    #[command(flatten)]
    pub track: TrackArg,

    #[command(flatten)]
    pub dimension: DimensionArg,

    #[command(flatten)]
    pub detail: DetailArgs,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder next`.
#[derive(Debug, Args)]
#[command(mut_args(help_of("track", "Only the next step on this track")))]
pub struct NextArgs {
    /// The role: an id, a level with --track, or a part
    ///
    /// A full id, a level with --track, or an unambiguous part of an id or title.
    #[arg(value_name = "ROLE")]
    pub role: String,

    #[command(flatten)]
    pub track: TrackArg,

    #[command(flatten)]
    pub dimension: DimensionArg,
    #[command(flatten)]
    pub detail: DetailArgs,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder browse`.
#[derive(Debug, Args)]
pub struct BrowseArgs {
    /// The role at A: an id, a level with --track, or a part [default: the first role]
    ///
    /// A full id, a level with --track, or an unambiguous part of an id or title; in a
    /// catalogue, LADDER/ROLE. B starts at the next level on its track.
    #[arg(value_name = "ROLE")]
    pub role: Option<String>,

    #[command(flatten)]
    pub track: TrackArg,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder path`.
#[derive(Debug, Args)]
pub struct PathArgs {
    /// The track to lay out
    ///
    /// In a catalogue (--data DIR), in each ladder that has it.
    // Not a `TrackArg`: here the track is required, not a filter.
    #[arg(long, short, value_name = "TRACK", required = true)]
    pub track: String,

    #[command(flatten)]
    pub dimension: DimensionArg,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder evidence`.
#[derive(Debug, Args)]
#[command(mut_args(help_and_more(
    "track",
    "The track of a level or an ambiguous name",
    "It also settles which level is below."
)))]
#[command(mut_args(help_and_more(
    "format",
    "Output format: only markdown, the default",
    "evidence writes only markdown, its default; any other is refused"
)))]
pub struct EvidenceArgs {
    /// The role the conversation is about (usually the next level).
    #[arg(value_name = "ROLE")]
    pub role: String,

    /// The role to mark new expectations against
    ///
    /// By default the level below on the track.
    #[arg(long, value_name = "CURRENT")]
    pub from: Option<String>,

    #[command(flatten)]
    pub track: TrackArg,

    #[command(flatten)]
    pub file: OutputFile,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Where a command that writes a document puts it.
#[derive(Debug, Args)]
pub struct OutputFile {
    /// Write to this file instead of stdout
    ///
    /// An existing file needs --force.
    #[arg(long, short, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,

    /// Overwrite the --output file if it exists
    ///
    /// Only a regular file (never a symlink), whose permissions are kept.
    #[arg(long)]
    pub force: bool,
}

// Arguments of `ladder export`.
#[derive(Debug, Args)]
#[command(mut_args(help_and_more(
    "format",
    "Output format: only markdown, the default",
    "export writes a handbook of markdown pages; any other is refused"
)))]
pub struct ExportArgs {
    /// The directory to write the handbook into; created when missing.
    #[arg(value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub dir: PathBuf,

    /// Write into a directory that is not empty
    ///
    /// Pages of the same name are replaced one by one, each whole (only regular files; their
    /// permissions are kept). Other files are left alone.
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The folder of Markdown pages, or a .csv/.tsv spreadsheet.
    #[arg(value_name = "PATH", value_hint = ValueHint::AnyPath)]
    pub path: PathBuf,

    /// The ladder's name
    ///
    /// By default the index's first heading, else the folder's name.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Write the plan of the import instead (`-`: stdout)
    ///
    /// How the handbook would be read (levels, roles, tracks, dimensions, pages left out),
    /// each choice with how it was inferred. An existing file needs --force. Correct it, then
    /// import by it with --plan.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath, conflicts_with_all = ["plan", "output"])]
    pub plan_out: Option<PathBuf>,

    /// Import exactly as this plan says
    ///
    /// A plan --plan-out wrote, then corrected.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub plan: Option<PathBuf>,

    #[command(flatten)]
    pub file: OutputFile,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder search`.
#[derive(Debug, Args)]
#[command(
    mut_args(help_of("dimension", "Only expectations and examples of this dimension")),
    mut_args(help_of("track", "Only roles on this track"))
)]
pub struct SearchArgs {
    /// What to look for: a substring, unless --regex
    ///
    /// In lower case it matches any case; with a capital letter, only that case (smart case,
    /// as rg's); -i and -s decide instead.
    #[arg(value_name = "PATTERN", required_unless_present = "patterns")]
    pub pattern: Option<String>,

    /// A pattern to look for; repeat for several
    ///
    /// A text matches when any pattern does. With -e, PATTERN may be left out.
    #[arg(short = 'e', long = "pattern", value_name = "PATTERN")]
    pub patterns: Vec<String>,

    /// Treat the patterns as regular expressions
    ///
    /// Rust regex syntax.
    #[arg(long)]
    pub regex: bool,

    /// Match any case
    #[arg(short = 'i', long, overrides_with = "case_sensitive")]
    pub ignore_case: bool,

    /// Match case exactly
    #[arg(short = 's', long, overrides_with = "ignore_case")]
    pub case_sensitive: bool,

    /// Print only the ids of the roles that match
    #[arg(short = 'l', long, conflicts_with_all = ["count", "quiet"])]
    pub roles: bool,

    /// Print how many texts match in each role
    ///
    /// One line per role that matches: its id, a colon, the count.
    #[arg(short = 'c', long, conflicts_with = "quiet")]
    pub count: bool,

    #[command(flatten)]
    pub dimension: DimensionArg,

    #[command(flatten)]
    pub track: TrackArg,

    /// Only roles at this level (L1, L2, ...)
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<String>,

    /// Group hits under their role
    ///
    /// The default on a terminal.
    #[arg(long, overrides_with = "no_heading")]
    pub heading: bool,

    /// Name the role on every hit
    ///
    /// The default in a pipe.
    #[arg(long, overrides_with = "heading")]
    pub no_heading: bool,

    /// Print nothing; only exit 0 or 1
    ///
    /// The exit code alone tells whether something matched.
    #[arg(long, short)]
    pub quiet: bool,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder changes`.
#[derive(Debug, Args)]
#[command(mut_args(help_of("track", "Only the roles on this track")))]
pub struct ChangesArgs {
    /// The old version: a file, a folder or a revision
    ///
    /// A ladder file, a catalogue folder, or a git revision (REV1..REV2 for both).
    #[arg(value_name = "OLD")]
    pub old: String,

    /// The new version [default: the ladder file now]
    ///
    /// A file, a folder or a revision; without it, the ladder file as it is now.
    #[arg(value_name = "NEW")]
    pub new: Option<String>,

    /// Only this role
    ///
    /// Its id (old or new), or a name as other commands take it.
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,

    #[command(flatten)]
    pub track: TrackArg,

    #[command(flatten)]
    pub dimension: DimensionArg,

    /// Only what changes evaluations
    ///
    /// Statements added, removed, grown or moved between roles, attribute values, levels and
    /// tracks; exit 1 only when there is some.
    #[arg(long)]
    pub brief: bool,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The outline `ladder evidence --output` wrote, filled in.
    #[arg(value_name = "FILE")]
    pub file: std::path::PathBuf,

    /// Exit 1 while a New expectation has no evidence
    ///
    /// For a pre-commit hook.
    #[arg(long)]
    pub check: bool,

    /// Also say what was added since this revision
    ///
    /// The git revision of the file to compare with.
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The ladder file to check
    ///
    /// By default the --data file, else the embedded ladder.
    #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub file: Option<PathBuf>,

    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell
    #[arg(value_name = "SHELL", hide_possible_values = true)]
    pub shell: Shell,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The page to print: ladder or format
    #[arg(value_name = "PAGE", value_enum, default_value_t = ManPage::Ladder)]
    pub page: ManPage,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// The manual pages `ladder man` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ManPage {
    /// ladder(1), the commands with their options, exit codes and examples
    Ladder,
    /// ladder-format(5), the ladder file format (and the handbooks, sheets and outlines read)
    Format,
}

// Arguments of `ladder schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// What the schema describes: file (the default) or json
    #[arg(value_name = "WHAT", value_enum, default_value_t = SchemaOf::File, hide_possible_values = true, hide_default_value = true)]
    pub of: SchemaOf,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// The JSON Schemas `ladder schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaOf {
    /// The ladder file format (TOML, as the loader reads it)
    File,
    /// The documents the commands write with --format json
    Json,
}

// Arguments of `ladder init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The ladder file to write (`-`: stdout)
    #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub file: PathBuf,

    /// The ladder's name [default: from FILE's name]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Level ids, lowest first: L1,L2,L3
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub levels: Option<Vec<String>>,

    /// Track names: Analyst,Engineer
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub tracks: Option<Vec<String>>,

    /// Dimension names: "Craft,Collaboration"
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub dimensions: Option<Vec<String>>,

    /// Replace FILE if it exists
    ///
    /// Only a regular file (never a symlink), whose permissions are kept.
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub global: GlobalArgs,
}
