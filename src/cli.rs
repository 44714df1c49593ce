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

// The sections of the top-level help, each also a section of the manual page (`ladder man`):
// macros, so that `concat!` can join them into the help at compile time.
macro_rules! examples {
    () => {
        "  ladder list
  ladder show L3-senior-security-engineer
  ladder diff L2 L3 --track engineer
  ladder search incident --dimension business
  ladder show cloud --format json | jq '.role.attributes'
  ladder show --all --format tsv --no-header | cut -f1 | uniq -c
  ladder --data my-ladder.toml list"
    };
}
macro_rules! naming {
    () => {
        "  A full id (case-insensitive), a level with --track (L3 --track engineer),
  or any unambiguous part of an id or title (cloud, senior-cloud).
  In a catalogue (--data DIR): LADDER/ROLE (secops/L3 --track engineer)."
    };
}
macro_rules! exit_codes {
    () => {
        "  0  success
  1  runtime failure (a ladder file that cannot be read or has errors,
     output that cannot be written); for search: nothing matched;
     for validate: errors found
  2  usage error: unknown or ambiguous role, track, dimension or level,
     bad flag, bad search pattern, a --format the command cannot write"
    };
}

/// Examples of whole commands, one a line, indented.
pub const EXAMPLES: &str = examples!();
/// How a role may be named, indented.
pub const NAMING: &str = naming!();
/// The exit codes and what each means, indented.
pub const EXIT_CODES: &str = exit_codes!();

const AFTER_HELP: &str = concat!(
    "Examples:\n",
    examples!(),
    "\n\nNaming a role:\n",
    naming!(),
    "\n\nExit codes:\n",
    exit_codes!()
);

/// Explore a career ladder from the terminal.
///
/// Ships with the Security Operations ladder: security analysts, security
/// engineers, cloud security engineers and technical leads, levels L1 to L4.
#[derive(Debug, Parser)]
#[command(name = "ladder", version, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
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
    /// When to use colour: auto means only when stdout is a terminal and NO_COLOR is unset
    /// [default: auto].
    #[arg(long, value_name = "WHEN", help_heading = GLOBAL)]
    pub color: Option<ColorChoice>,

    /// Output format: a table for people (the default), or json, markdown or tsv for scripts
    /// and documents. evidence and export write only markdown; completions and man take no
    /// --format.
    #[arg(long, value_name = "FORMAT", value_enum, help_heading = GLOBAL)]
    pub format: Option<Format>,

    /// Read the ladder from this TOML file (`-` for stdin) instead of the embedded one, or every
    /// `*.toml` ladder of this folder as one catalogue [env: LADDER_DATA].
    #[arg(long, value_name = "FILE|DIR", value_hint = ValueHint::AnyPath, help_heading = GLOBAL)]
    pub data: Option<PathBuf>,

    /// With a catalogue (--data DIR): use only the ladder with this id (its file's stem).
    #[arg(long, value_name = "ID", help_heading = GLOBAL)]
    pub ladder: Option<String>,

    /// Never page: on a terminal, long views otherwise go through $LADDER_PAGER, $PAGER or
    /// `less -FRX`.
    #[arg(long, help_heading = GLOBAL)]
    pub no_pager: bool,

    /// With --format tsv: leave out the header line, so every line is a record.
    #[arg(long, help_heading = GLOBAL)]
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
/// comment of its struct as its description.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// List every role: level, id, title, tracks and a one-line summary.
    #[command(
        after_help = "Examples:\n  ladder list\n  ladder list --track cloud\n  \
                            for id in $(ladder list --ids); do ladder show \"$id\" --format markdown; done"
    )]
    List(ListArgs),

    /// Show one role in full: attributes, then expectations and examples per dimension.
    #[command(
        after_help = "Examples:\n  ladder show L3-senior-security-engineer\n  \
                            ladder show L2 --track analyst\n  ladder show cloud --dimension domain\n  \
                            ladder show --all --format json | jq '.roles[].id'\n  \
                            ladder show --all --format tsv --no-header | cut -f1,3 | sort | uniq -c"
    )]
    Show(ShowArgs),

    /// Compare two roles: a summary per dimension, then both sides statement by statement.
    #[command(after_help = "Examples:\n  ladder diff L2 L3 --track engineer\n  \
                            ladder diff L2 L3 --track engineer --brief --format markdown\n  \
                            ladder diff L3-senior-security-analyst L3-senior-security-engineer\n\n\
                            Within a theme, each statement at B is paired with the most alike at A;\n\
                            a theme of one statement on each side is one pair, whatever its words.\n\
                            Marks (they hold without colour):\n  \
                            +  new: a statement at B that nothing at A continues\n  \
                            ~  grows: a statement at B that continues one at A, further\n     \
                            (differs, when B is not above A)\n  \
                            ≈  reworded: the same statement in other words\n  \
                            ·  not restated at B: only at A; a B above A still builds on it\n  \
                            =  same: the same words at A and B")]
    Diff(DiffArgs),

    /// Compare a role with the next level on its track: what is new and what grows.
    #[command(after_help = "Examples:\n  ladder next L2-security-engineer\n  \
                            ladder next L2-security-engineer --track cloud\n  ladder next L3 --track analyst --brief\n\n\
                            A role on several tracks shows each next step, titled \"Step 1 of 2\" and\n\
                            so on; --track picks one. Past eight, the table and Markdown count the\n\
                            other steps and name their tracks; JSON and TSV list every one. At the\n\
                            top of a track it says so and exits 0.\n\n\
                            Marks (they hold without colour):\n  \
                            +  new: a statement at B that nothing at A continues\n  \
                            ~  grows: a statement at B that continues one at A, further\n  \
                            ≈  reworded: the same statement in other words\n  \
                            ·  not restated at B: B still builds on A, so it still applies\n  \
                            =  same: the same words at A and B")]
    Next(NextArgs),

    /// Show a whole track as a matrix: one column per level, one row per attribute and theme.
    #[command(after_help = "Examples:\n  ladder path --track analyst\n  \
                            ladder path --track engineer --dimension teaching\n  \
                            ladder path --track cloud --format markdown > cloud.md")]
    Path(PathArgs),

    /// Write a Markdown outline for gathering evidence before a progression conversation.
    #[command(
        after_help = "Examples:\n  ladder evidence L3-senior-security-engineer\n  \
                            ladder evidence L3 --track analyst --output my-evidence.md\n  \
                            ladder evidence L4 --from L3-senior-security-analyst\n\n\
                            Expectations that are new relative to --from (by default the level below\n\
                            on the same track) are marked. These are prompts, not a checklist."
    )]
    Evidence(EvidenceArgs),

    /// Export the whole ladder as a Markdown handbook: an index page and one page per role.
    #[command(
        after_help = "Examples:\n  ladder export handbook/\n  ladder export handbook/ --force\n\n\
                            A missing or empty DIR gets the whole handbook at once (built in a hidden\n\
                            .ladder-export-* folder beside it, then renamed), so a reader never sees half\n\
                            of one. A DIR that is not empty is refused unless --force.\n\n\
                            With --data CATALOGUE_DIR and no --ladder, DIR gets one handbook folder per\n\
                            ladder (DIR/ID/) and a README.md linking them."
    )]
    Export(ExportArgs),

    /// Read a folder of Markdown level pages (and its README.md index), or a spreadsheet, into a
    /// ladder TOML file.
    #[command(after_help = "Examples:\n  ladder import handbook/ > ladder.toml\n  \
                            ladder import handbook/ --output ladder.toml\n  \
                            ladder import handbook/ --plan-out plan.toml\n  \
                            ladder import handbook/ --plan plan.toml --output ladder.toml\n  \
                            ladder --data base.toml import sheet.tsv --output ladder.toml\n\n\
                            Warnings (FILE:LINE: warning: ...) and notes on what was inferred go to\n\
                            stderr; the TOML goes to stdout or --output. The pages ladder export writes\n\
                            read back whole; tracks are inferred from the pages' titles. A folder whose\n\
                            subfolders each hold an index (and whose own index links no level page) is\n\
                            a catalogue: --output DIR gets one ID.toml per subfolder.\n\n\
                            A .csv or .tsv file is a spreadsheet: long (the columns of show --all\n\
                            --format tsv, one row per statement; --data names the ladder that gives what\n\
                            a sheet cannot hold) or wide (one row per level, one column per dimension).")]
    Import(ImportArgs),

    /// Search titles, summaries, attribute values, expectations and examples.
    #[command(after_help = "Examples:\n  ladder search incident\n  \
                            ladder search 'threat|risk' --regex --level L3\n  \
                            ladder search -q mentor && echo found\n\n\
                            Exit codes: 0 when something matched, 1 when nothing did,\n\
                            2 on a bad pattern or flag.")]
    Search(SearchArgs),

    /// List the ladders of a catalogue (--data DIR): id, name, role count and tracks.
    #[command(after_help = "Examples:\n  ladder --data handbook/ ladders\n  \
                            ladder --data handbook/ ladders --format tsv --no-header | cut -f1")]
    Ladders(GlobalOnly),

    /// Show the tracks: each career path with its roles, level by level.
    #[command(after_help = "Examples:\n  ladder tracks\n  \
                            ladder tracks --format markdown\n  \
                            ladder tracks --format tsv --no-header | cut -f1,5")]
    Tracks(GlobalOnly),

    /// Show the attributes and dimensions every role is described by, with their themes.
    #[command(after_help = "Examples:\n  ladder dimensions\n  \
                            ladder dimensions --format json | jq -r '.dimensions[].themes[].id'")]
    Dimensions(GlobalOnly),

    /// Check a ladder file: syntax, shape, references, ids and text.
    #[command(after_help = "Examples:\n  ladder validate my-ladder.toml\n  \
                            ladder validate --strict my-ladder.toml\n  \
                            ladder validate my-ladder.toml --format json\n\n\
                            Findings read FILE:LINE:COLUMN: error|warning: message. Exit codes: 0 when\n\
                            there is no error, 1 with errors (or with warnings under --strict).")]
    Validate(ValidateArgs),

    /// Compare two versions of a ladder: what changed, role by role, and whether what is
    /// expected of anyone did.
    #[command(after_help = CHANGES_HELP)]
    Changes(ChangesArgs),

    /// Read back a filled evidence outline: where the evidence for a level is still thin.
    #[command(after_help = "Examples:\n  \
        ladder evidence L3-senior-security-engineer --output me.md   write the outline, fill it in\n  \
        ladder review me.md                          per dimension: what has evidence, the gaps\n  \
        ladder review me.md --format markdown        a summary to send ahead of the conversation\n  \
        ladder review me.md --since HEAD~5           what was added since, from the file's history\n  \
        ladder review me.md --check                  exit 1 while a New expectation has none\n\n\
The file is read, never written, and nothing is sent anywhere. Each expectation is found by\n\
the invisible comment under its heading, else by its words. Thin: fewer than 15 words.\n\n\
Exit status: 0 when the file was read (with --check: and every New expectation has\n\
evidence), 1 with --check when one has none, 2 on trouble.")]
    Review(ReviewArgs),

    /// Print the line that turns on completion in a shell, ids and titles included.
    ///
    /// The shell then asks ladder itself at each TAB, so role, track, dimension and level ids
    /// come from the ladder in use at that moment: --data on the line, else LADDER_DATA, else
    /// the embedded one; matched without regard to case, with titles beside them in zsh and
    /// fish.
    #[command(after_help = "Examples:\n  \
                            ladder completions bash >> ~/.bashrc\n  \
                            ladder completions zsh >> ~/.zshrc\n  \
                            ladder completions fish >> ~/.config/fish/config.fish")]
    Completions(CompletionsArgs),

    /// Print a manual page (roff): ladder(1), or ladder-format(5) for the file format.
    #[command(after_help = "Examples:\n  \
                            ladder man > ~/.local/share/man/man1/ladder.1 && man ladder\n  \
                            ladder man format > ~/.local/share/man/man5/ladder-format.5\n  \
                            ladder man | man -l -\n  \
                            ladder man format | man -l -")]
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

// `--brief`, defined once and flattened into `diff` and `next`.
#[derive(Debug, Args)]
pub struct BriefArg {
    /// Only what is new and what grows, as a plain list per dimension (Markdown with
    /// --format markdown); not with json or tsv
    #[arg(long)]
    pub brief: bool,
}

// `--dimension DIMENSION`, defined once and flattened into every command that takes it.
#[derive(Debug, Args)]
pub struct DimensionArg {
    /// Only this dimension: its id, name, or an unambiguous part of either.
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
    move |arg| {
        if arg.get_id() == id {
            arg.help(help)
        } else {
            arg
        }
    }
}

// Arguments of `ladder list`.
#[derive(Debug, Args)]
#[command(mut_args(help_of(
    "track",
    "Only the roles on this track (analyst, engineer, cloud, ...)"
)))]
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
    mut_args(help_of(
        "track",
        "The track that settles a level or an ambiguous name; with --all, the roles on this track"
    ))
)]
pub struct ShowArgs {
    /// The role: a full id, a level with --track, or an unambiguous part of an id or title.
    #[arg(value_name = "ROLE", required_unless_present = "all")]
    pub role: Option<String>,

    /// Every role, in the order of the ladder file (with --track, the roles on that track); json
    /// and markdown lead with the ladder's attributes, dimensions and tracks. In a catalogue
    /// (--data DIR), every ladder (that has the track) under its heading.
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
#[command(mut_args(help_of(
    "track",
    "The track that settles levels or ambiguous names in A and B"
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
    pub brief: BriefArg,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder next`.
#[derive(Debug, Args)]
#[command(mut_args(help_of("track", "Only the next step on this track")))]
pub struct NextArgs {
    /// The role: a full id, a level with --track, or an unambiguous part of an id or title.
    #[arg(value_name = "ROLE")]
    pub role: String,

    #[command(flatten)]
    pub track: TrackArg,

    #[command(flatten)]
    pub dimension: DimensionArg,
    #[command(flatten)]
    pub brief: BriefArg,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder path`.
#[derive(Debug, Args)]
pub struct PathArgs {
    /// The track to lay out; in a catalogue (--data DIR), in each ladder that has it.
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
#[command(mut_args(help_of(
    "track",
    "The track that settles a level, an ambiguous name, or which level is below"
)))]
#[command(mut_args(help_of(
    "format",
    "Output format: evidence writes only markdown, its default; any other is refused"
)))]
pub struct EvidenceArgs {
    /// The role the conversation is about (usually the next level).
    #[arg(value_name = "ROLE")]
    pub role: String,

    /// The role to mark new expectations against [default: the level below on the track].
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
    /// Write to this file instead of stdout; an existing file needs --force.
    #[arg(long, short, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,

    /// Overwrite the --output file if it exists: only a regular file (never a symlink), whose
    /// permissions are kept.
    #[arg(long)]
    pub force: bool,
}

// Arguments of `ladder export`.
#[derive(Debug, Args)]
#[command(mut_args(help_of(
    "format",
    "Output format: export writes a handbook of markdown pages; any other is refused"
)))]
pub struct ExportArgs {
    /// The directory to write the handbook into; created when missing.
    #[arg(value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub dir: PathBuf,

    /// Write into a directory that is not empty, replacing pages of the same name one by one,
    /// each whole (only regular files; their permissions are kept). Other files are left alone.
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

    /// The ladder's name, instead of the index's first heading (or the folder's name).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Write how the handbook would be read (levels, roles, tracks, dimensions, pages left
    /// out), each choice with how it was inferred, to this file (`-`: stdout) instead of
    /// importing; an existing file needs --force. Correct it, then import by it with --plan.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath, conflicts_with_all = ["plan", "output"])]
    pub plan_out: Option<PathBuf>,

    /// Import exactly as this plan (written by --plan-out, then corrected) says.
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
    /// What to look for: a substring, ignoring case unless --case-sensitive.
    #[arg(value_name = "PATTERN")]
    pub pattern: String,

    /// Treat PATTERN as a regular expression (Rust regex syntax).
    #[arg(long, short = 'e')]
    pub regex: bool,

    /// Match case exactly.
    #[arg(long, short = 's')]
    pub case_sensitive: bool,

    #[command(flatten)]
    pub dimension: DimensionArg,

    #[command(flatten)]
    pub track: TrackArg,

    /// Only roles at this level (L1, L2, ...).
    #[arg(long, short, value_name = "LEVEL")]
    pub level: Option<String>,

    /// Print nothing; only the exit code tells whether something matched.
    #[arg(long, short)]
    pub quiet: bool,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// The examples and exit codes of `ladder changes --help`.
const CHANGES_HELP: &str = "Examples:\n  \
    ladder changes HEAD~1                       the last commit's change to the ladder file\n  \
    ladder changes origin/main --brief          what a branch changes in expectations\n  \
    ladder changes v1..v2 --format markdown     two revisions, for a changelog\n  \
    ladder changes old.toml new.toml --role L3  two files, one role\n\n\
An argument that names an existing file or folder is one; anything else is a git revision\n\
of the ladder file (--data, else data/ladder.toml in the repository), read with `git show`.\n\
One argument is compared with the working copy of the ladder file.\n\n\
Each statement is paired with its old version: added, removed, reworded (other words, the\n\
same expectation), grows (the old words kept, more asked), moved (another theme, dimension\n\
or role). Each role ends with a verdict: wording only, or expectations changed.\n\n\
Exit status: 0 when both describe the same ladder (formatting, comments and key order do\n\
not count), 1 when they differ (with --brief, only when expectations changed), 2 on trouble.\n\n\
What it prints (tests/data/changes in the source holds the two files):\n\n  \
$ ladder changes tests/data/changes/old.toml tests/data/changes/new.toml --role W1\n  \
Changes from tests/data/changes/old.toml to tests/data/changes/new.toml\n\n  \
Summary\n    \
1 role: 1 with wording only.\n    \
2 statements: 1 reworded, 1 moved.\n    \
W1-apprentice: wording only\n\n  \
W1-apprentice (wording only)\n    \
≈ expectation reworded in craft / tools\n        \
was: Uses the workshop's hand tools safely after a demonstration.\n        \
now: Uses the workshop's hand tools safely once shown how.\n    \
→ expectation moved from craft / quality to craft / tools\n        \
Checks each joint against the drawing before glueing it.";

// Arguments of `ladder changes`.
#[derive(Debug, Args)]
#[command(mut_args(help_of("track", "Only the roles on this track")))]
pub struct ChangesArgs {
    /// The old version: a ladder file, a catalogue folder, or a git revision (REV1..REV2 for
    /// both).
    #[arg(value_name = "OLD")]
    pub old: String,

    /// The new version: a file, a folder or a revision; without it, the ladder file as it is
    /// now.
    #[arg(value_name = "NEW")]
    pub new: Option<String>,

    /// Only this role: its id (old or new), or a name as other commands take it.
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,

    #[command(flatten)]
    pub track: TrackArg,

    #[command(flatten)]
    pub dimension: DimensionArg,

    /// Only what changes evaluations: statements added, removed, grown or moved between
    /// roles, attribute values, levels and tracks; exit 1 only when there is some.
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

    /// Exit 1 while a New expectation has no evidence (for a pre-commit hook).
    #[arg(long)]
    pub check: bool,

    /// Also say what evidence was added since this git revision of the file.
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The ladder file to check [default: the --data file, else the embedded ladder].
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
    /// The shell to print the registration line for.
    #[arg(value_name = "SHELL")]
    pub shell: Shell,

    #[command(flatten)]
    pub global: GlobalArgs,
}

// Arguments of `ladder man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The page to print.
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
